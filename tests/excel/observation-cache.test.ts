/**
 * Excel's observation caches must show exactly what a fresh evaluation shows: the ribbon groups' memo keys (a
 * group is reused while its key holds), the cached active cell, and the canvas body reused while only selections
 * change. Seeded episodes lean on what those caches read (formatting the active cell, moving between formatted
 * cells, typing entries that grey the ribbon, filters, freeze panes, gridlines, other tabs and sheets), and after
 * every step the view is compared with a plain walk of the compiled UI and the canvas with a fresh computation.
 */
import { describe, expect, it } from 'vitest';
import type { OfficeAction, OfficeEnv } from '../../envs/office/index.ts';
import type { UiNode } from '../../envs/office/compile.ts';
import { makeExcelEnv } from '../../envs/excel/index.ts';
import { excelApp } from '../../envs/excel/app/excel-app.ts';
import { activeCell, selectedRanges, visibleWindow, type ExcelState } from '../../envs/excel/app/state.ts';
import { cachedWorkbookCanvas, copyData, workbookCanvas } from '../../envs/excel/model/canvas.ts';
import { setCellValue } from '../../envs/excel/model/cells.ts';
import { addConditionalFormat } from '../../envs/excel/model/conditional.ts';
import { setFilterCriterion } from '../../envs/excel/model/filter.ts';
import { setStyle } from '../../envs/excel/model/format.ts';
import { createEmptyWorkbook } from '../../envs/excel/model/workbook.ts';
import { act, mulberry32 } from '../support/seeded-actions.ts';

/** Every visible node evaluated afresh, in walk order: what the cached view must equal. */
function plainWalk(env: OfficeEnv<ExcelState>): unknown[] {
  const { compiled, state, ui, uiView, commands } = env.session;
  const out: unknown[] = [];
  let listed = 0;
  const walk = (node: UiNode<ExcelState>, parent: number, parentEnabled: boolean): void => {
    if (node.visible !== null && !node.visible(state, uiView)) return;
    let index = parent;
    let enabled = parentEnabled;
    if (!node.transparent) {
      if (enabled)
        enabled = typeof node.enabled === 'function' ? node.enabled(state, uiView) : node.enabled !== false;
      if (enabled && node.command !== undefined) {
        const id = typeof node.command === 'string' ? node.command : node.command.command;
        if (id === 'undo') enabled = uiView.canUndo;
        else if (id === 'redo') enabled = uiView.canRedo;
        else enabled = commands[id]?.enabled?.(state, uiView) ?? true;
      }
      index = out.length;
      out.push([
        node.id,
        node.listed ? String(++listed) : '',
        typeof node.name === 'string' ? node.name : node.name(state, uiView),
        node.type,
        enabled,
        node.selected === null ? null : node.selected(state, uiView),
        node.expandable ? uiView.isOpen(node.id) : null,
        node.rect,
        parent,
      ]);
    }
    for (const child of node.children) walk(child, index, enabled);
    if (node.dynamic !== null) for (const child of node.dynamic(state, uiView)) walk(child, index, enabled);
  };
  out.push([compiled.root.id]);
  for (let i = ui.dialogs.length - 1; i >= 0; i--) {
    const id = ui.dialogs[i]!.id;
    const node = id === '#message' ? compiled.messageBox : compiled.dialogs.get(id);
    if (node) walk(node, 0, true);
  }
  for (const node of compiled.mainChildren) walk(node, 0, true);
  return out;
}

/**
 * What a memo'd subtree shows in a state, evaluated everywhere (popup items included, visible or not): its nodes'
 * names, enabled states (own, then the command's) and selected states.
 */
function subtreeShows(env: OfficeEnv<ExcelState>, node: UiNode<ExcelState>): string {
  const { state, uiView, commands } = env.session;
  const out: unknown[] = [];
  const visit = (n: UiNode<ExcelState>): void => {
    let enabled = typeof n.enabled === 'function' ? n.enabled(state, uiView) : n.enabled !== false;
    if (n.command !== undefined) {
      const id = typeof n.command === 'string' ? n.command : n.command.command;
      if (id !== 'undo' && id !== 'redo') enabled &&= commands[id]?.enabled?.(state, uiView) ?? true;
    }
    out.push([
      n.id,
      typeof n.name === 'string' ? n.name : n.name(state, uiView),
      enabled,
      n.selected === null ? null : n.selected(state, uiView),
      n.visible === null ? null : n.visible(state, uiView),
    ]);
    for (const child of n.children) visit(child);
    if (n.dynamic !== null) for (const child of n.dynamic(state, uiView)) visit(child);
  };
  visit(node);
  return JSON.stringify(out);
}

/** Every memo'd node of the compiled UI and of the grid now shown. */
function memoNodes(env: OfficeEnv<ExcelState>): UiNode<ExcelState>[] {
  const { compiled, state, uiView } = env.session;
  const found: UiNode<ExcelState>[] = [];
  const visit = (n: UiNode<ExcelState>): void => {
    if (n.memo !== null) found.push(n);
    for (const child of n.children) visit(child);
    if (n.dynamic !== null) for (const child of n.dynamic(state, uiView)) visit(child);
  };
  visit(compiled.root);
  return found;
}

/** Memo key → what the subtree showed, per node id: a key seen again must come with the same showing. */
type KeyLog = Map<string, Map<unknown, string>>;

function checkKeys(env: OfficeEnv<ExcelState>, log: KeyLog): number {
  let checked = 0;
  for (const node of memoNodes(env)) {
    const key = node.memo!(env.session.state, env.session.uiView);
    const shows = subtreeShows(env, node);
    let seen = log.get(node.id);
    if (seen === undefined) log.set(node.id, (seen = new Map()));
    const before = seen.get(key);
    if (before === undefined) seen.set(key, shows);
    else {
      expect({ node: node.id, key, shows }).toEqual({ node: node.id, key, shows: before });
      checked++;
    }
  }
  return checked;
}

/** A workbook with formats, a rule, an AutoFilter and a second sheet, so the caches have something to read. */
const TEMPLATE = {
  sheets: {
    Sales: [
      ['Region', 'Units', 'Price', 'Total'],
      ['East', 12, 2.5, '=B2*C2'],
      ['West', 7, 3, '=B3*C3'],
      ['North', 30, 1.25, '=B4*C4'],
    ],
    Notes: [['note'], [42]],
  },
  styles: {
    'Sales!A1:D1': { font: { bold: true, name: 'Arial', size: 14 }, alignment: { horizontal: 'center' } },
    'Sales!C2:C4': { numFmt: '0.00', font: { italic: true } },
    'Sales!D2': { numFmt: '0%', alignment: { vertical: 'top', wrapText: true } },
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
  '^{HOME}',
  '{ENTER}',
  '^b',
  '^i',
  '^z',
  '^y',
  '{ESC}',
  '{F2}',
  'x',
  '{TAB}',
];
const TEXTS = ['7', 'hello', '=B2+1', 'Arial', '2'];
/** Ribbon controls the episodes press often: they change what the memo keys read. */
const FAVOURITES = [
  'Bold',
  'Italic',
  'Underline',
  'Center',
  'Align Left',
  'Top Align',
  'Wrap Text',
  'Percent Style',
  'Comma Style',
  'Increase Decimal',
  'Filter',
  'Home',
  'Data',
  'View',
  'Page Layout',
  'Freeze Panes',
  'Gridlines',
  'View Gridlines',
  'Notes',
  'Sales',
];

function play(seed: number, steps: number): { compared: number; refused: number } {
  const env = makeExcelEnv({ maxSteps: 80, template: TEMPLATE });
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let [obs] = env.reset({ seed });
  let refused = 0;
  for (let step = 0; step < steps; step++) {
    const view = env.view();
    const plain = plainWalk(env);
    expect(
      JSON.stringify(
        view.entries.map((e, i) =>
          i === 0
            ? [e.node.id]
            : [e.node.id, e.label, e.text, e.type, e.enabled, e.selected, e.expanded, e.rect, e.parent],
        ),
      ),
    ).toBe(JSON.stringify(plain));
    const fresh = workbookCanvas(env.state.wb);
    expect(cachedWorkbookCanvas(env.state.wb)).toStrictEqual(fresh);
    const st = env.state;
    expect(JSON.stringify(obs.canvas)).toBe(
      JSON.stringify({
        ...fresh,
        selection: { sheet: st.wb.activeSheet, active: activeCell(st).addr, ranges: [...selectedRanges(st)] },
        entry: st.entry,
        visible: visibleWindow(st),
        file: st.file,
      }),
    );

    const listed = view.listed.filter((e) => e.node.scope === view.activeScope);
    const r = rand();
    let action: OfficeAction;
    const favourite = listed.filter((e) => FAVOURITES.includes(e.text));
    if (r < 0.35 && favourite.length > 0) {
      const e = pick(favourite);
      action = act('click_input', e.label, e.text, { button: 'left', double: false });
    } else if (r < 0.55) {
      // A cell near the data, so the active cell moves between formatted and plain cells.
      const cells = listed.filter((e) => e.type === 'DataItem' && /^[A-E][1-6]$/.test(e.text));
      const e = cells.length > 0 ? pick(cells) : pick(listed);
      action = act('click_input', e.label, e.text, { button: 'left', double: false });
    } else if (r < 0.75) {
      const doc = listed.find((e) => e.type === 'DataGrid') ?? null;
      action = act('keyboard_input', doc?.label ?? '', doc?.text ?? '', { keys: pick(KEYS) });
    } else if (r < 0.85) {
      const edits = listed.filter((e) => e.type === 'Edit' || e.type === 'ComboBox');
      const e = edits.length > 0 ? pick(edits) : pick(listed);
      action = act('set_edit_text', e.label, e.text, { text: pick(TEXTS) });
    } else {
      const e = pick(listed);
      action = act('click_input', e.label, e.text, { button: 'left', double: false });
    }
    const [next, , terminated, truncated, info] = env.step(action);
    if (info.error !== undefined) refused++;
    obs = next;
    if (terminated || truncated) [obs] = env.reset();
  }
  return { compared: steps, refused };
}

describe('Excel observation caches', () => {
  it('ribbon groups, the grid and the canvas equal a fresh evaluation after every step', () => {
    for (const seed of [1, 2, 3]) expect(play(seed, 160).compared).toBe(160);
  });

  it('the canvas sees changes made in place, and callers may change what it returns', () => {
    const wb = createEmptyWorkbook();
    setCellValue(wb, 'Sheet1', 'A1', 5);
    const first = cachedWorkbookCanvas(wb);
    expect(first.sheets[0]!.cells.A1!.value).toBe(5);

    // The same workbook object changed in place: a value, a style, a rule.
    setCellValue(wb, 'Sheet1', 'A1', 6);
    expect(cachedWorkbookCanvas(wb).sheets[0]!.cells.A1!.value).toBe(6);
    setStyle(wb, 'Sheet1', 'A1', { font: { bold: true } });
    expect(cachedWorkbookCanvas(wb).sheets[0]!.cells.A1!.style).toEqual({ font: { bold: true } });
    addConditionalFormat(wb, 'Sheet1', {
      range: 'A1',
      rule: { type: 'cellIs', operator: 'greaterThan', values: ['1'] },
      style: { fill: '#FF0000' },
    });
    expect(cachedWorkbookCanvas(wb).sheets[0]!.cells.A1!.conditional).toEqual({ fill: '#FF0000' });
    expect(cachedWorkbookCanvas(wb)).toStrictEqual(workbookCanvas(wb));

    // Only the selection changes: the answer still follows it.
    wb.sheets[0]!.selection = { active: 'B2', ranges: ['B2:C3'] };
    expect(cachedWorkbookCanvas(wb).sheets[0]!.selection).toEqual({ active: 'B2', ranges: ['B2:C3'] });
    expect(cachedWorkbookCanvas(wb)).toStrictEqual(workbookCanvas(wb));

    // A caller changing its canvas changes nothing the next caller gets.
    const mine = cachedWorkbookCanvas(wb);
    mine.sheets[0]!.cells.A1!.value = 'scribbled';
    mine.sheets[0]!.cells.A1!.style!.font!.bold = false;
    mine.names.push({ name: 'x', refersTo: '=1' });
    expect(cachedWorkbookCanvas(wb)).toStrictEqual(workbookCanvas(wb));
    expect(cachedWorkbookCanvas(wb).sheets[0]!.cells.A1!.value).toBe(6);

    // A copy of the workbook (undo hands the state one) with other content.
    const other = copyData(wb);
    other.sheets[0]!.cells.A1!.value = -0;
    expect(Object.is(cachedWorkbookCanvas(other).sheets[0]!.cells.A1!.value, -0)).toBe(true);
    expect(cachedWorkbookCanvas(other)).toStrictEqual(workbookCanvas(other));
    expect(cachedWorkbookCanvas(wb).sheets[0]!.cells.A1!.value).toBe(6);
  });

  it('copies data as structuredClone does', () => {
    const data = {
      a: undefined,
      b: [1, null, { c: NaN, d: -0, e: [[{ f: 'x' }]] }],
      g: { h: true, i: undefined, j: { error: '#DIV/0!' } },
    };
    const copy = copyData(data);
    expect(copy).toStrictEqual(structuredClone(data));
    expect(Object.keys(copy)).toEqual(Object.keys(structuredClone(data)));
    expect(Object.is((copy.b[2] as { d: number }).d, -0)).toBe(true);
    expect(copy.g).not.toBe(data.g);
    expect(copy.b[2]).not.toBe(data.b[2]);
  });

  it('the canvas of a workbook equals a copy made with structuredClone, key order included', () => {
    const env = makeExcelEnv({ template: TEMPLATE });
    env.reset({ seed: 0 });
    const wb = env.state.wb;
    const canvas = workbookCanvas(wb);
    const sales = wb.sheets[0]!;
    expect(JSON.stringify(canvas.sheets[0]!.cells.C2!.style)).toBe(
      JSON.stringify(structuredClone(sales.cells.C2!.style)),
    );
    expect(JSON.stringify(canvas.sheets[0]!.conditionalFormats)).toBe(
      JSON.stringify(structuredClone(sales.conditionalFormats)),
    );
    expect(Object.keys(canvas.sheets[0]!)).toEqual([
      'name',
      'usedRange',
      'cells',
      'truncatedCells',
      'cols',
      'rows',
      'merges',
      'freeze',
      'autoFilter',
      'validations',
      'conditionalFormats',
      'charts',
      'selection',
    ]);
    expect(Object.keys(excelApp.canvas(env.state) as object)).toEqual([
      'activeSheet',
      'names',
      'circularRefs',
      'sheets',
      'selection',
      'entry',
      'visible',
      'file',
    ]);
  });
  it('a memo key seen again comes with the same controls, whatever changed in between', () => {
    const env = makeExcelEnv({ maxSteps: 1000, template: TEMPLATE });
    env.reset({ seed: 4 });
    const rand = mulberry32(9);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    // Commands that change what the ribbon shows, run straight on the session (no UI change in between).
    const commands = [
      'bold',
      'italic',
      'underline',
      'wrapText',
      'freezePanes',
      'toggleGridlines',
      'filter',
      'increaseDecimal',
      { command: 'alignHorizontal', args: { value: 'center' } },
      { command: 'alignVertical', args: { value: 'top' } },
      { command: 'numberFormatCode', args: { code: '0%' } },
      { command: 'font', args: { value: 'Arial' } },
      { command: 'fontSize', args: { value: '14' } },
      { command: 'type', args: { text: 'x' } },
      'cancelEntry',
      { command: 'arrow', args: { dir: 'right', extend: true } },
      { command: 'arrow', args: { dir: 'down', extend: true } },
      'undo',
      'redo',
    ] as const;
    const log: KeyLog = new Map();
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const r = rand();
      const addr = `${pick(['A', 'B', 'C', 'D', 'E'])}${1 + Math.floor(rand() * 5)}`;
      if (r < 0.35) env.session.exec({ command: 'selectCell', args: { addr } });
      else if (r < 0.4)
        env.session.exec({ command: 'activateSheet', args: { name: pick(['Sales', 'Notes']) } });
      else if (r < 0.45) {
        const sheet = env.state.wb.sheets.find((x) => x.name === env.state.wb.activeSheet)!;
        const af = sheet.autoFilter;
        if (af !== null)
          setFilterCriterion(env.state.wb, sheet.name, /^[A-Z]+/.exec(af.range)![0], {
            type: 'values',
            values: [pick(['East', 'West', ''])],
          });
      } else env.session.exec(pick(commands));
      checked += checkKeys(env, log);
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
