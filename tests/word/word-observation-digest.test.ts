/**
 * A behaviour fingerprint of the simulated Word: fixed seeded random action sequences on documents with tables,
 * lists, headers and footers, hashed over every observation (controls and canvas). Speed work on Word's model
 * and derived state (caches, incremental layout, structural sharing) must leave these digests unchanged; a
 * deliberate behaviour change (of Word or of the kernel's control list) updates them, with the reason in the
 * change that does: `PRINT_DIGESTS=1 npx vitest run tests/word/word-observation-digest.test.ts` prints the new
 * values. The canvas digest depends on Word alone, the controls digest on the kernel too.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import { makeWordEnv, wordApp } from '../../envs/word/index.ts';
import { act, mulberry32 } from '../support/seeded-actions.ts';

const TYPED = ['hello ', 'The ', 'report', '42', 'x', 'two words\tand a tab'];
const KEYS = [
  '{LEFT}',
  '{RIGHT}',
  '{UP}',
  '{DOWN}',
  '+{LEFT}',
  '+{RIGHT}',
  '+{DOWN}',
  '{HOME}',
  '{END}',
  '^{HOME}',
  '^{END}',
  '^a',
  '{ENTER}',
  '{BACKSPACE}',
  '{DELETE}',
  '{TAB}',
  '^b',
  '^i',
  '^u',
  '^z',
  '^y',
  '^e',
  '^c',
  '^v',
  '{ESC}',
  'word ',
];

/** Templates with the structures whose derived state is costly: tables, lists, headings, headers and footers. */
const TEMPLATES: unknown[] = [
  'report',
  {
    header: 'Confidential draft',
    footer: ['Page footer line'],
    pageNumbers: true,
    body: [
      { text: 'Project Plan', style: 'Title' },
      { text: 'Goals', style: 'Heading1' },
      { text: 'Ship the first version', list: 'number' },
      { text: 'Collect feedback from users', list: 'number' },
      { text: 'Nested detail', list: { kind: 'bullet', level: 1 } },
      {
        table: [
          ['Task', 'Owner', 'Due'],
          ['Design', 'Ana', 'May'],
          [['Build', 'and test'], 'Ben', 'June'],
        ],
      },
      'A long paragraph that wraps over several lines of the page so that caret movement by lines, clicks at points and the layout estimate all have something to work on in this fixed test document.',
      { pageBreak: true },
      { text: 'Appendix', style: 'Heading2' },
      'Final words.',
    ],
    comments: [{ anchor: 'feedback', text: 'Which users?' }],
  },
  'line-of-text',
];

function chooseAction(
  obs: OfficeObservation,
  env: ReturnType<typeof makeWordEnv>,
  rand: () => number,
): OfficeAction {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const apis = Object.entries(wordApp.apis ?? {});
  if (rand() < 0.1) {
    const [name, api] = pick(apis);
    const args = api.sample?.(env.npRandom, env.state);
    if (args !== null && args !== undefined) return act(name, '', '', args);
  }
  // A modal dialog refuses the main window: act inside it (its controls are listed last) or close it.
  if (obs.last_error?.includes('modal dialog') === true) {
    if (rand() < 0.3) return act('keyboard_input', '', '', { keys: pick(['{ESC}', '{ENTER}']) });
    const c = pick(obs.controls.slice(-12));
    if (c !== undefined)
      return act('click_input', c.label, c.control_text, { button: 'left', double: false });
  }
  const doc = obs.controls.find((c) => c.control_type === 'Document');
  const c = doc !== undefined && rand() < 0.45 ? doc : pick(obs.controls);
  if (c === undefined) return act('keyboard_input', '', '', { keys: '{ESC}' });
  switch (c.control_type) {
    case 'Document': {
      const r = rand();
      if (r < 0.5) return act('keyboard_input', c.label, c.control_text, { keys: pick(KEYS) });
      if (r < 0.75) return act('set_edit_text', c.label, c.control_text, { text: pick(TYPED) });
      if (r < 0.9) {
        // Fractions of the 1920×1080 window, inside the document's rectangle.
        const x = (c.rect.left + rand() * (c.rect.right - c.rect.left)) / 1920;
        const y = (c.rect.top + rand() * (c.rect.bottom - c.rect.top)) / 1080;
        return act('click_on_coordinates', c.label, c.control_text, {
          x,
          y,
          button: 'left',
          double: rand() < 0.2,
        });
      }
      if (r < 0.95)
        return act('wheel_mouse_input', c.label, c.control_text, { wheel_dist: rand() < 0.5 ? -3 : 3 });
      return act('click_input', c.label, c.control_text, { button: 'left', double: rand() < 0.3 });
    }
    case 'Edit':
    case 'ComboBox':
      if (rand() < 0.6)
        return act('set_edit_text', c.label, c.control_text, {
          text: pick(['12', 'Arial', 'DRAFT', '2', 'hello', '1.5']),
        });
      return act('click_input', c.label, c.control_text, { button: 'left', double: false });
    default:
      return act('click_input', c.label, c.control_text, { button: 'left', double: false });
  }
}

interface Digests {
  controls: string;
  canvas: string;
  errors: number;
}

function play(template: unknown, seed: number, steps: number): Digests {
  const env = makeWordEnv({ template, maxSteps: 60 });
  const rand = mulberry32(seed);
  const controls = createHash('sha256');
  const canvas = createHash('sha256');
  let errors = 0;
  let [obs] = env.reset({ seed });
  const record = (o: OfficeObservation): void => {
    controls.update(JSON.stringify([o.window, o.controls, o.last_error]));
    canvas.update(JSON.stringify(o.canvas));
  };
  record(obs);
  for (let i = 0; i < steps; i++) {
    const [next, , terminated, truncated, info] = env.step(chooseAction(obs, env, rand));
    if (info.error !== undefined) errors++;
    obs = next;
    record(obs);
    if (terminated || truncated) {
      [obs] = env.reset();
      record(obs);
    }
  }
  env.close();
  return { controls: controls.digest('hex').slice(0, 16), canvas: canvas.digest('hex').slice(0, 16), errors };
}

/** Computed on the code before the speed work; see the module comment. */
const EXPECTED: Record<string, Digests> = {
  '0/1': { controls: '496c48d2ce4cfc30', canvas: 'c4b1df5781e7e8a1', errors: 23 },
  '1/2': { controls: 'd32ef458b12dc888', canvas: 'a59f46d819beebce', errors: 29 },
  '2/3': { controls: '243f9cfa9da068e1', canvas: 'ac44899fbe304eec', errors: 37 },
  '0/4': { controls: '7b1c8c4fda6e17d7', canvas: '3179149e5e07d013', errors: 28 },
  '1/5': { controls: 'f1f2230fbdef42d7', canvas: '1202a928acebfe4a', errors: 39 },
};

describe('Word observation digest', () => {
  const cases: [number, number][] = [
    [0, 1],
    [1, 2],
    [2, 3],
    [0, 4],
    [1, 5],
  ];
  for (const [t, seed] of cases) {
    it(`template ${t}, seed ${seed}: 240 steps give the recorded observations`, () => {
      const got = play(TEMPLATES[t], seed, 240);
      if (process.env.PRINT_DIGESTS) console.log(`'${t}/${seed}': ${JSON.stringify(got)},`);
      expect(got).toEqual(EXPECTED[`${t}/${seed}`]);
    });
  }
});
