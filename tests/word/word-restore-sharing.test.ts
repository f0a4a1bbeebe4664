/**
 * A document restored by undo, redo or a refused step's rollback is mirrored from the frozen snapshot it was
 * copied from (app/derived.ts `noteRestored`), so the canvas and the layout find the values they remember per
 * frozen object; view commands (zoom, Show/Hide, panes) move no revision at all. This plays undo- and redo-heavy
 * episodes, with tables, several commands per step (an undo followed by typing in the same step) and view
 * toggles, in lockstep with a reference app that copies every snapshot in full and computes the canvas afresh
 * from the live document: observations (as JSON text, so member order counts too) and states must stay equal,
 * and the selection's format the ribbon shows must be what `selectionFormat` computes afresh.
 */
import { describe, expect, it } from 'vitest';
import { OfficeEnv, type OfficeAction } from '../../envs/office/index.ts';
import { wordApp, type WordState } from '../../envs/word/index.ts';
import { bumpRevision, formatOf } from '../../envs/word/app/derived.ts';
import { snapshotWordState } from '../../envs/word/app/word-app.ts';
import { insertText, selectionFormat, splitParagraph } from '../../envs/word/model/index.ts';
import { act as action, mulberry32 } from '../support/seeded-actions.ts';
import { referenceWordApp } from './reference-app.ts';

const reference = referenceWordApp;

const KEYS = [
  '^z',
  '^z',
  '^y',
  '^z^z',
  '^y^y',
  // Edits right after a restore, in the same step: the restored document changes before it is mirrored.
  '^zab',
  '^yq{ENTER}',
  '^z{BACKSPACE}',
  '+{LEFT}^b',
  '{ENTER}item',
  'word ',
  '{DOWN}x',
  '^a{DELETE}',
];

const CLICKS = [
  'Bold',
  'Bullets',
  'Numbering',
  'Heading 1',
  'Center',
  'Undo',
  'Undo',
  'Redo',
  'Zoom 100%',
  'Show/Hide ¶',
  'Insert Below',
  'Merge Cells',
  'Delete Rows',
  'Format Painter',
];

const TEMPLATE = {
  body: [
    { text: 'Report', style: 'Title' },
    { text: 'First point', list: 'bullet' },
    {
      table: [
        ['Task', 'Owner'],
        ['Design', 'Ana'],
      ],
    },
    'Closing words here.',
  ],
};

function lockstep(seed: number, steps: number): { restores: number; rollbacks: number } {
  const a = new OfficeEnv(wordApp, { template: TEMPLATE, maxSteps: 60 });
  const b = new OfficeEnv(reference, { template: TEMPLATE, maxSteps: 60 });
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let [obsA] = a.reset({ seed });
  let [obsB] = b.reset({ seed });
  expect(JSON.stringify(obsA)).toBe(JSON.stringify(obsB));
  let restores = 0;
  let rollbacks = 0;
  for (let i = 0; i < steps; i++) {
    let act: OfficeAction;
    const doc = obsA.controls.find((c) => c.control_type === 'Document');
    const r = rand();
    if (r < 0.08) {
      act = action('insert_table', '', '', {
        rows: 1 + Math.floor(rand() * 3),
        columns: 1 + Math.floor(rand() * 3),
      });
    } else if (r < 0.14) {
      // With neither argument the model refuses after the step's snapshot: the step is rolled back to it.
      act =
        rand() < 0.5
          ? action('set_font', '', '', { font_name: null, font_size: null })
          : action('set_font', '', '', { font_name: 'Arial', font_size: 14 });
    } else if (r < 0.2) {
      const start = 1 + Math.floor(rand() * 5);
      act = action('select_paragraph', '', '', {
        start_index: start,
        end_index: start + Math.floor(rand() * 2),
      });
    } else if (doc !== undefined && r < 0.65) {
      act = action('keyboard_input', doc.label, doc.control_text, { keys: pick(KEYS) });
    } else {
      const name = pick(CLICKS);
      const c = obsA.controls.find((x) => x.control_text === name) ?? pick(obsA.controls);
      act = action('click_input', c.label, c.control_text, { button: 'left', double: false });
    }
    const undoBefore = a.session.history.canUndo || a.session.history.canRedo;
    const [nextA, , doneA, cutA, infoA] = a.step(act);
    const [nextB, , doneB, cutB, infoB] = b.step(act);
    expect(infoA.error).toEqual(infoB.error);
    if (infoA.error !== undefined && act.function === 'set_font') rollbacks++;
    if (undoBefore && (act.function === 'keyboard_input' || /^(Undo|Redo)$/.test(act.control_text)))
      restores++;
    expect(JSON.stringify(nextA)).toBe(JSON.stringify(nextB));
    expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
    // The ribbon's format (keyed on the content and on the selection and pending format) against a fresh one.
    expect(JSON.stringify(formatOf(a.state))).toBe(JSON.stringify(selectionFormat(a.state.doc)));
    obsA = nextA;
    obsB = nextB;
    if (doneA || cutA || doneB || cutB) {
      [obsA] = a.reset();
      [obsB] = b.reset();
    }
  }
  a.close();
  b.close();
  return { restores, rollbacks };
}

describe('Word documents restored from snapshots', () => {
  it('show their own content when edited before they are mirrored', () => {
    const env = new OfficeEnv(wordApp, { template: TEMPLATE, maxSteps: 60 });
    const [obs] = env.reset({ seed: 1 });
    const doc = obs.controls.find((c) => c.control_type === 'Document')!;
    env.step(action('keyboard_input', doc.label, doc.control_text, { keys: 'abc' }));
    const frozen = snapshotWordState(env.state);
    for (const edit of [
      (d: WordState['doc']) => insertText(d, 'edited '),
      (d: WordState['doc']) => splitParagraph(d),
    ]) {
      // What the kernel does on undo: a fresh copy of the stored snapshot becomes the live state.
      const live = snapshotWordState(frozen);
      edit(live.doc);
      bumpRevision('content');
      expect(JSON.stringify(wordApp.canvas(live))).toBe(JSON.stringify(reference.canvas(live)));
      expect(JSON.stringify(snapshotWordState(live))).toBe(JSON.stringify(live));
    }
    env.close();
  });

  it('show what full copies show through undo, redo, rollback and edits right after them', () => {
    // Enough undo, redo and rolled-back steps for the run to say something.
    for (const seed of [3, 4]) {
      const { restores, rollbacks } = lockstep(seed, 250);
      expect(restores).toBeGreaterThan(50);
      expect(rollbacks).toBeGreaterThan(2);
    }
  });
});
