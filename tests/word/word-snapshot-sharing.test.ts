/**
 * Word's undo snapshots share the unchanged parts of the document (the frozen mirror of app/derived.ts), and its
 * canvas, layout and counts are computed from that mirror. This runs the app in lockstep with a reference copy of
 * it that deep-copies every snapshot and computes the canvas afresh from the live document on every step: the
 * observations and the states must stay identical, through edits, undo, redo and refused steps, with the two
 * apps' documents alternating through the same module-level caches.
 */
import { describe, expect, it } from 'vitest';
import { OfficeEnv, type OfficeAction } from '../../envs/office/index.ts';
import { wordApp } from '../../envs/word/index.ts';
import { act as action, mulberry32 } from '../support/seeded-actions.ts';
import { referenceWordApp } from './reference-app.ts';

const reference = referenceWordApp;

const KEYS = [
  '{LEFT}',
  '{RIGHT}',
  '+{RIGHT}',
  '{HOME}',
  '^a',
  '{ENTER}',
  '{BACKSPACE}',
  '{DELETE}',
  '{TAB}',
  '^b',
  '^z',
  '^z',
  '^y',
  '{ESC}',
  'word ',
  // Several commands in one step: later snapshots of the step are taken after earlier edits.
  '{ENTER}ab',
  'x{BACKSPACE}^b{LEFT}y',
  '{BACKSPACE}{BACKSPACE}^zq',
];

const TEMPLATE = {
  header: 'Draft header',
  body: [
    { text: 'Plan', style: 'Title' },
    { text: 'First item', list: 'number' },
    {
      table: [
        ['Task', 'Owner'],
        ['Design', 'Ana'],
      ],
    },
    'Closing words here.',
  ],
};

function lockstep(seed: number, steps: number): void {
  const a = new OfficeEnv(wordApp, { template: TEMPLATE, maxSteps: 40 });
  const b = new OfficeEnv(reference, { template: TEMPLATE, maxSteps: 40 });
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let [obsA] = a.reset({ seed });
  let [obsB] = b.reset({ seed });
  expect(obsA).toEqual(obsB);
  const apis = Object.entries(wordApp.apis ?? {});
  for (let i = 0; i < steps; i++) {
    let act: OfficeAction;
    const doc = obsA.controls.find((c) => c.control_type === 'Document');
    if (rand() < 0.1) {
      const [name, api] = pick(apis);
      // Each env draws from its own generator, so both stay in step.
      const args = api.sample?.(a.npRandom, a.state);
      expect(api.sample?.(b.npRandom, b.state)).toEqual(args);
      act = action(name, '', '', args ?? {});
    } else if (doc !== undefined && rand() < 0.6) {
      act =
        rand() < 0.6
          ? action('keyboard_input', doc.label, doc.control_text, { keys: pick(KEYS) })
          : action('set_edit_text', doc.label, doc.control_text, { text: pick(['hello ', 'x', 'The end']) });
    } else {
      const c = pick(obsA.controls);
      act = action('click_input', c.label, c.control_text, { button: 'left', double: false });
    }
    const [nextA, , doneA, cutA, infoA] = a.step(act);
    const [nextB, , doneB, cutB, infoB] = b.step(act);
    expect(infoA.error).toEqual(infoB.error);
    expect(nextA).toEqual(nextB);
    expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
    obsA = nextA;
    obsB = nextB;
    if (doneA || cutA || doneB || cutB) {
      [obsA] = a.reset();
      [obsB] = b.reset();
    }
  }
  a.close();
  b.close();
}

describe('Word snapshots with shared parts', () => {
  it('behave like full copies through random edits, undo and redo', () => {
    lockstep(1, 300);
    lockstep(2, 300);
  });
});
