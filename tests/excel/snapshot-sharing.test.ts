/**
 * Excel's undo snapshots share the unchanged parts of the state (app/snapshot.ts) once the workbook has enough
 * cells (the bigger template here; the blank workbook gets there as the episode types into it). This runs the app in lockstep
 * with a reference copy of it that deep-copies every snapshot (the kernel's default): observations, step infos
 * and states must stay identical through edits, undo, redo, API calls and refused steps. Every copy the sharing
 * app hands the kernel is recorded with its JSON at that moment and checked again later: a copy changed after
 * it was made (a live state aliasing a stored one) fails the test even when the episode does not undo to it.
 */
import { describe, expect, it } from 'vitest';
import { OfficeEnv, cloneJson, type OfficeAction, type OfficeApp } from '../../envs/office/index.ts';
import { excelApp } from '../../envs/excel/app/excel-app.ts';
import { snapshotExcelState } from '../../envs/excel/app/snapshot.ts';
import type { ExcelState } from '../../envs/excel/app/state.ts';
import { act as action, mulberry32 } from '../support/seeded-actions.ts';

const reference: OfficeApp<ExcelState> = { ...excelApp, snapshot: (s) => cloneJson(s) };

/** Rows enough that the state has more cells than the plain-copy threshold, so its copies share parts. */
const ROWS = Array.from({ length: 40 }, (_, i) => [
  ['East', 'West', 'North'][i % 3]!,
  (i * 7) % 31,
  1.25 + (i % 4),
  `=B${i + 3}*C${i + 3}`,
]);

const TEMPLATE = {
  sheets: {
    Sales: [
      ['Region', 'Units', 'Price', 'Total'],
      ['East', 12, 2.5, '=B2*C2'],
      ...ROWS,
      ['North', 30, 1.25, '=SUM(D2:D42)'],
    ],
    Notes: [['note'], [42]],
  },
  styles: {
    'Sales!A1:D1': { font: { bold: true }, alignment: { horizontal: 'center' } },
    'Sales!C2:C4': { numFmt: '0.00' },
  },
  conditional: {
    Sales: [
      {
        range: 'B2:B4',
        rule: { type: 'cellIs', operator: 'greaterThan', values: ['10'] },
        style: { fill: '#FFC7CE' },
      },
    ],
  },
};

const KEYS = [
  '{DOWN}',
  '{RIGHT}',
  '+{RIGHT}',
  '+{DOWN}',
  '^{HOME}',
  '{ENTER}',
  '{DELETE}',
  '^b',
  '^i',
  '^c',
  '^x',
  '^v',
  '^z',
  '^z',
  '^y',
  '{ESC}',
  '{F2}',
  'x',
  '{TAB}',
  // Several commands in one step: later snapshots of the step are taken after earlier edits.
  '7{ENTER}8{ENTER}^z',
  '^b{DOWN}^i^z^z',
];
const TEXTS = ['7', 'hello', '=B2+1', '=SUM(A1:B3)', '-0', '1/2/2024', '15%'];

function lockstep(seed: number, steps: number, template: unknown): number {
  const made: [object, string][] = [];
  const stored = new WeakSet<object>();
  const recording: OfficeApp<ExcelState> = {
    ...excelApp,
    snapshot: (s) => {
      const copy = snapshotExcelState(s);
      // A copy of a stored copy is a restore: it becomes the live state and is edited.
      if (!stored.has(s)) {
        stored.add(copy);
        made.push([copy, JSON.stringify(copy)]);
      }
      return copy;
    },
  };
  const a = new OfficeEnv(recording, { template, maxSteps: 60 });
  const b = new OfficeEnv(reference, { template, maxSteps: 60 });
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let [obsA] = a.reset({ seed });
  let [obsB] = b.reset({ seed });
  expect(JSON.stringify(obsA)).toBe(JSON.stringify(obsB));
  const apis = Object.entries(excelApp.apis ?? {});
  const checkCopies = (): void => {
    for (const [copy, json] of made) expect(JSON.stringify(copy)).toBe(json);
  };
  for (let i = 0; i < steps; i++) {
    let act: OfficeAction;
    const view = a.view();
    const cells = view.listed.filter((e) => e.type === 'DataItem' || e.type === 'Document');
    const r = rand();
    if (r < 0.08 && view.activeScope === 'main') {
      const [name, api] = pick(apis);
      const args = api.sample?.(a.npRandom, a.state);
      expect(api.sample?.(b.npRandom, b.state)).toEqual(args);
      act = action(name, '', '', args ?? {});
    } else if (r < 0.5 && cells.length > 0) {
      const c = pick(cells);
      const q = rand();
      act =
        q < 0.45
          ? action('keyboard_input', c.label, c.text, { keys: pick(KEYS) })
          : q < 0.8
            ? action('set_edit_text', c.label, c.text, { text: pick(TEXTS) })
            : action('click_input', c.label, c.text, { button: 'left', double: rand() < 0.2 });
    } else {
      const candidates = view.listed.filter((e) => e.enabled && e.node.scope === view.activeScope);
      const c = pick(candidates.length > 0 ? candidates : view.listed);
      act =
        c.type === 'Edit' && rand() < 0.6
          ? action('set_edit_text', c.label, c.text, { text: pick(TEXTS) })
          : action('click_input', c.label, c.text, { button: 'left', double: false });
    }
    const [nextA, rewardA, doneA, cutA, infoA] = a.step(act);
    const [nextB, rewardB, doneB, cutB, infoB] = b.step(act);
    expect(JSON.stringify(infoA)).toBe(JSON.stringify(infoB));
    expect(rewardA).toBe(rewardB);
    expect(JSON.stringify(nextA)).toBe(JSON.stringify(nextB));
    expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
    obsA = nextA;
    obsB = nextB;
    if (i % 25 === 0) checkCopies();
    if (doneA || cutA || doneB || cutB) {
      checkCopies();
      made.length = 0;
      [obsA] = a.reset();
      [obsB] = b.reset();
      expect(JSON.stringify(obsA)).toBe(JSON.stringify(obsB));
    }
  }
  checkCopies();
  a.close();
  b.close();
  return made.length;
}

describe('Excel snapshots with shared parts', () => {
  it('behave like full copies through random edits, undo, redo and API calls', () => {
    lockstep(1, 300, TEMPLATE);
    lockstep(2, 300, TEMPLATE);
    // A blank workbook: plain copies until it has enough cells.
    lockstep(3, 200, undefined);
  });

  it('share what did not change and copy what did', () => {
    const live = excelApp.createState(TEMPLATE, undefined as never);
    // Enough copies for the state's size to be measured: from then on its copies share.
    for (let i = 0; i < 16; i++) snapshotExcelState(live);
    const first = snapshotExcelState(live);
    live.wb.sheets[0]!.cells.B2!.value = 13;
    const second = snapshotExcelState(live);
    expect(JSON.stringify(second)).toBe(JSON.stringify(cloneJson(live)));
    expect(second.wb.sheets[1]).toBe(first.wb.sheets[1]);
    expect(second.wb.sheets[0]!.cells.A1).toBe(first.wb.sheets[0]!.cells.A1);
    expect(second.wb.sheets[0]!.cells.B2).not.toBe(first.wb.sheets[0]!.cells.B2);
    expect(first.wb.sheets[0]!.cells.B2!.value).toBe(12);
    // Restoring a copy gives a state sharing nothing with it, whose own copies share again.
    const restored = snapshotExcelState(second);
    expect(restored).toEqual(second);
    expect(restored.wb.sheets[1]).not.toBe(second.wb.sheets[1]);
    expect(restored.wb.sheets[0]!.cells.A1).not.toBe(second.wb.sheets[0]!.cells.A1);
    expect(snapshotExcelState(restored).wb.sheets[1]).toBe(second.wb.sheets[1]);
    // A state the app did not hand out gets a plain copy: it may be a stored copy about to be edited.
    const stranger = cloneJson(live);
    const plain = snapshotExcelState(stranger);
    expect(plain).toEqual(stranger);
    expect(plain.wb.sheets[1]).not.toBe(second.wb.sheets[1]);
    expect(snapshotExcelState(plain).wb.sheets[1]).not.toBe(plain.wb.sheets[1]);
  });
});
