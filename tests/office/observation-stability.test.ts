/**
 * The view, observation and canvas caches must never change what an agent sees. A seeded 300-step random
 * episode of Word is replayed and every step's observation, reward, flags and info are compared with
 * `fixtures/word-observations.json`, recorded before the caches were reworked. Each step's control list is
 * also checked against a view built from scratch (empty entry cache), and the canvas against `app.canvas`.
 *
 * Re-record (only after a deliberate change of what Word shows): `LAMGYM_RECORD_OBSERVATIONS=1 npx vitest run
 * tests/office/observation-stability.test.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildView, type OfficeAction } from '../../envs/office/index.ts';
import { makeWordEnv } from '../../envs/word/index.ts';
import { act, mulberry32 } from '../support/seeded-actions.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/word-observations.json', import.meta.url));
const SEED = 11;
const STEPS = 300;

interface Fixture {
  seed: number;
  steps: number;
  /** sha256 of the JSON of [observation, reward, terminated, truncated, info], step 0 being the reset. */
  hashes: string[];
}

const KEYS = [
  '{LEFT}',
  '+{RIGHT}',
  '^{HOME}',
  '{ENTER}',
  '{BACKSPACE}',
  '^b',
  '^z',
  '^y',
  '{ESC}',
  '{TAB}',
  'ab ',
];
const TEXTS = ['hello ', '12', 'Arial', 'DRAFT', '2'];

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

function runEpisode(): string[] {
  const env = makeWordEnv({ maxSteps: STEPS, request: 'Format the document' });
  const rand = mulberry32(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const [first, firstInfo] = env.reset({ seed: SEED });
  const hashes = [hash([first, 0, false, false, firstInfo])];
  for (let step = 1; step <= STEPS; step++) {
    let action: OfficeAction;
    const r = rand();
    if (r < 0.15) {
      action = env.sampleValidAction();
    } else {
      const view = env.view();
      // Mostly controls of the active window; sometimes any listed one (a refused step must change nothing).
      const pool = rand() < 0.9 ? view.listed.filter((e) => e.node.scope === view.activeScope) : view.listed;
      const entry = pool.length > 0 ? pick(pool) : null;
      if (entry === null) action = act('keyboard_input', '', '', { keys: '{ESC}' });
      else if (entry.type === 'Document' || entry.type === 'Edit' || entry.type === 'ComboBox') {
        const k = rand();
        if (k < 0.4) action = act('keyboard_input', entry.label, entry.text, { keys: pick(KEYS) });
        else if (k < 0.8) action = act('set_edit_text', entry.label, entry.text, { text: pick(TEXTS) });
        else action = act('click_input', entry.label, entry.text, { button: 'left', double: rand() < 0.3 });
      } else if (rand() < 0.05)
        action = act('wheel_mouse_input', entry.label, entry.text, { wheel_dist: -3 });
      else action = act('click_input', entry.label, entry.text, { button: 'left', double: false });
    }
    const [obs, reward, terminated, truncated, info] = env.step(action);
    hashes.push(hash([obs, reward, terminated, truncated, info]));

    // What the caches serve equals a rebuild from scratch.
    const session = env.session;
    const fresh = buildView(
      {
        compiled: session.compiled,
        state: session.state,
        ui: session.ui,
        uiView: session.uiView,
        commands: session.commands,
      },
      new Map(),
    );
    expect(obs.controls).toEqual(fresh.controls);
    expect(obs.window).toBe(fresh.entries[0]?.text);
    expect(obs.canvas).toEqual(env.app.canvas(env.state));
    if (terminated || truncated) break;
  }
  return hashes;
}

describe('observations are unchanged by caching', () => {
  it('replays a seeded 300-step random Word episode to the recorded observations', () => {
    const hashes = runEpisode();
    expect(hashes).toHaveLength(STEPS + 1);
    if (process.env.LAMGYM_RECORD_OBSERVATIONS === '1') {
      const fixture: Fixture = { seed: SEED, steps: STEPS, hashes };
      writeFileSync(FIXTURE, `${JSON.stringify(fixture, null, 2)}\n`);
    }
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
    expect(fixture.seed).toBe(SEED);
    const firstDiff = hashes.findIndex((h, i) => h !== fixture.hashes[i]);
    expect(firstDiff, `observation of step ${firstDiff} differs from the recording`).toBe(-1);
  });
});
