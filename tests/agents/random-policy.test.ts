import { npRandom } from 'gymnasium-ts';
import { describe, expect, it } from 'vitest';
import { RandomPolicy } from '../../agents/baselines/random.ts';
import { candidateActions, escapeKeys, requestSpans } from '../../agents/candidates.ts';
import { OfficeEnv, type OfficeAction } from '../../envs/office/index.ts';
import { notepad } from '../office/fixtures/notepad.ts';

function episode(seed: number, steps = 60): { actions: OfficeAction[]; errors: number; canvas: unknown } {
  const env = new OfficeEnv(notepad, { request: "Type 'hello world' and make it bold in Arial" });
  let [obs] = env.reset({ seed });
  const policy = new RandomPolicy({ finishProbability: 0 });
  const rng = npRandom(seed)[0];
  const actions: OfficeAction[] = [];
  let errors = 0;
  for (let step = 0; step < steps; step++) {
    const action = policy.act(obs, { rng, seed, step });
    actions.push(action);
    const [next, , terminated, truncated, info] = env.step(action);
    if (info.error !== undefined) errors++;
    obs = next;
    if (terminated || truncated) break;
  }
  const canvas = obs.canvas;
  env.close();
  return { actions, errors, canvas };
}

describe('random baseline', () => {
  it('replays exactly from the same seed and differs across seeds', () => {
    const a = episode(11);
    expect(episode(11)).toEqual(a);
    expect(episode(12).actions).not.toEqual(a.actions);
  });

  it('acts only on listed controls; what the app refuses (disabled, behind a dialog) is an error, not a crash', () => {
    const { actions, errors } = episode(5, 200);
    expect(actions).toHaveLength(30); // truncated at UFO's MAX_STEPS
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(actions.length);
  });

  it('enumerates candidates per control type, with FINISH last', () => {
    const env = new OfficeEnv(notepad, { request: "Type 'hello' in size 14" });
    const [obs] = env.reset({ seed: 0 });
    const candidates = candidateActions(obs);
    expect(candidates.at(-1)).toMatchObject({ function: '', status: 'FINISH' });
    const byType = new Map(obs.controls.map((c) => [c.label, c.control_type]));
    for (const c of candidates.slice(0, -1)) {
      if (c.control_label === '') {
        // Typing where the focus is, and the FAIL answer.
        expect(c.function === 'keyboard_input' || c.status === 'FAIL').toBe(true);
        continue;
      }
      expect(byType.has(c.control_label)).toBe(true);
      expect(['click_input', 'set_edit_text', 'keyboard_input', 'wheel_mouse_input']).toContain(c.function);
    }
    expect(candidates.some((c) => c.function === 'keyboard_input' && c.args.keys === 'hello')).toBe(true);
    env.close();
  });

  it('takes typing spans from the request, quoted text first', () => {
    expect(requestSpans("Type 'hello world' and set the font to Arial, size 14")).toEqual([
      'hello world',
      '14',
      'Arial',
    ]);
    expect(escapeKeys('a+b (c)')).toBe('a{+}b {(}c{)}');
  });
});
