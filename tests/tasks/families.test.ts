import { describe, expect, it } from 'vitest';
import { checkFamilies, play } from './family-check.ts';
import type { Policy } from '../../agents/policy.ts';
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import { instanceSeed, instantiate } from '../../envs/tasks/family.ts';
import { FAMILIES } from '../../envs/tasks/families/index.ts';
import { explore } from '../../runs/explore.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORD_TEXT = ['word.bold-phrase', 'word.italic-phrase', 'word.underline-phrase', 'word.count-words'].map(
  (id) => FAMILIES.get(id)!,
);

describe('task families', () => {
  checkFamilies(WORD_TEXT);

  it('catches collateral damage: bolding the whole document is not bolding the phrase', async () => {
    const selectAllThenBold: Policy<OfficeObservation, OfficeAction> = {
      name: 'heavy-handed',
      version: '1',
      act: (obs, ctx) => {
        if (ctx.step === 0)
          return {
            thought: '',
            control_label: '',
            control_text: '',
            function: 'keyboard_input',
            args: { keys: '^a' },
            status: 'CONTINUE',
            plan: [],
          };
        const bold = obs.controls.find((c) => c.control_text === 'Bold')!;
        return {
          thought: '',
          control_label: bold.label,
          control_text: 'Bold',
          function: 'click_input',
          args: { button: 'left', double: false },
          status: 'FINISH',
          plan: [],
        };
      },
    };
    const t = await play(selectAllThenBold, instantiate(FAMILIES.get('word.bold-phrase')!, 0, 1), 1);
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ 'nothing else became bold': 'no' });
    expect(Object.entries(t.outcome.sub_scores).find(([k]) => k.endsWith('is bold'))?.[1]).toBe('yes');
  });

  it('derives instance seeds from the suite seed, family and index only', () => {
    const a = instantiate(FAMILIES.get('word.bold-phrase')!, 3, 7);
    expect(instantiate(FAMILIES.get('word.bold-phrase')!, 3, 7)).toEqual(a);
    expect(a.seed).toBe(instanceSeed(3, 'word.bold-phrase', 7));
    expect(instanceSeed(3, 'word.italic-phrase', 7)).not.toBe(a.seed);
    expect(a).toMatchObject({
      family: 'word.bold-phrase',
      evaluator: { name: 'word.bold-phrase' },
    });
  });

  it('runs end to end in actors: the oracle policy with the rule reward solves a generated suite', async () => {
    const tasks = WORD_TEXT.flatMap((family) => [0, 1].map((i) => instantiate(family, 9, i)));
    const summary = await explore(
      mkdtempSync(join(tmpdir(), 'lamgym-families-')),
      {
        runId: 'oracle-run',
        tasksSource: 'generated',
        policy: { kind: 'oracle' },
        reward: { kind: 'rule' },
        actors: 1,
        attempts: 1,
        sampling: {},
        maxSteps: 30,
        seed: 0,
        limit: null,
      },
      tasks,
    );
    expect(summary.overall).toMatchObject({ attempts: tasks.length, successes: tasks.length, errors: 0 });
  });
});
