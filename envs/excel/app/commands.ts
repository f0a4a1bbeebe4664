/**
 * What the Excel app's controls and keys do, as kernel commands over the workbook model. Formatting and
 * structure commands act on the active sheet's selection, as Excel's Home tab does.
 */
import type { CommandContext, CommandDecl, Outcome } from '../../office/index.ts';
import {
  colToLetters,
  MAX_COLS,
  MAX_ROWS,
  parseA1,
  parseRect,
  rectToA1,
  toA1,
  type Rect,
} from '../formula/address.ts';
import { formulaBarText, clearContents, setCellInput } from '../model/cells.ts';
import { copyRange, cutRange, paste } from '../model/clipboard.ts';
import { removeAutoFilter, setAutoFilter } from '../model/filter.ts';
import {
  changeDecimals,
  setAlignment,
  setBorders,
  setFill,
  setFont,
  setNumberFormat,
  setWrapText,
  toggleFontFlag,
  type BorderPreset,
} from '../model/format.ts';
import {
  autoFitColumns,
  freezeFirstColumn,
  freezePanes,
  freezeTopRow,
  setColumnWidth,
  setGridlines,
  unfreezePanes,
} from '../model/layout.ts';
import { mergeCells, mergeContaining, unmergeCells } from '../model/merges.ts';
import { activateSheet, addSheet, renameSheet } from '../model/sheets.ts';
import { currentRegion, sortRange } from '../model/sort.ts';
import { deleteColumns, deleteRows, insertColumns, insertRows } from '../model/structure.ts';
import type { HorizontalAlignment, VerticalAlignment } from '../model/types.ts';
import { findName, nameRange } from '../model/names.ts';
import { findSheet, isEmptyCell, splitSheetRange } from '../model/workbook.ts';
import { activeCell, activeSheet, select, selectedRanges, selectionRect, type ExcelState } from './state.ts';

type S = ExcelState;
type Ctx = CommandContext<S>;
type Args = Readonly<Record<string, unknown>>;

export type Direction = 'up' | 'down' | 'left' | 'right';
const STEP: Readonly<Record<Direction, [number, number]>> = {
  up: [-1, 0],
  down: [1, 0],
  left: [0, -1],
  right: [0, 1],
};

/** Number Format box entries → the model's presets. */
export const NUMBER_FORMATS: Readonly<Record<string, string>> = {
  General: 'general',
  Number: 'number',
  Currency: 'currency',
  Accounting: 'accounting',
  'Short Date': 'shortDate',
  'Long Date': 'longDate',
  Time: 'time',
  Percentage: 'percentage',
  Fraction: 'fraction',
  Scientific: 'scientific',
  Text: 'text',
};

/** The Borders menu: Excel's item names → the model's presets. */
export const BORDER_ITEMS: Readonly<Record<string, BorderPreset>> = {
  'Bottom Border': 'bottom',
  'Top Border': 'top',
  'Left Border': 'left',
  'Right Border': 'right',
  'No Border': 'none',
  'All Borders': 'all',
  'Outside Borders': 'outside',
  'Thick Outside Borders': 'thickOutside',
  'Bottom Double Border': 'doubleBottom',
  'Thick Bottom Border': 'thickBottom',
  'Top and Bottom Border': 'topAndBottom',
};

export const STANDARD_COLORS: Readonly<Record<string, string>> = {
  'Dark Red': '#C00000',
  Red: '#FF0000',
  Orange: '#FFC000',
  Yellow: '#FFFF00',
  'Light Green': '#92D050',
  Green: '#00B050',
  'Light Blue': '#00B0F0',
  Blue: '#0070C0',
  'Dark Blue': '#002060',
  Purple: '#7030A0',
  White: '#FFFFFF',
  Black: '#000000',
};

const sheetName = (s: S) => s.wb.activeSheet;

/** Runs `fn` on every selected range of the active sheet. */
function eachRange(ctx: Ctx, fn: (range: string) => void): void {
  for (const r of selectedRanges(ctx.state)) fn(r);
}

function str(args: Args, key: string): string {
  const v = args[key];
  if (typeof v !== 'string' || v === '') throw new Error(`'${key}' must be a non-empty string`);
  return v;
}

function moveActive(s: S, dir: Direction, extend: boolean): void {
  const [dr, dc] = STEP[dir];
  const a = activeCell(s);
  if (!extend) {
    const row = clamp(a.row + dr, 1, MAX_ROWS);
    const col = clamp(a.col + dc, 1, MAX_COLS);
    select(s, { r1: row, c1: col, r2: row, c2: col }, { row, col });
    return;
  }
  // Shift+arrow moves the corner opposite the active cell.
  const r = selectionRect(s);
  const cornerRow = r.r1 === a.row ? r.r2 : r.r1;
  const cornerCol = r.c1 === a.col ? r.c2 : r.c1;
  const row = clamp(cornerRow + dr, 1, MAX_ROWS);
  const col = clamp(cornerCol + dc, 1, MAX_COLS);
  const next: Rect = {
    r1: Math.min(a.row, row),
    c1: Math.min(a.col, col),
    r2: Math.max(a.row, row),
    c2: Math.max(a.col, col),
  };
  const sheet = activeSheet(s);
  sheet.selection = { active: a.addr, ranges: [rectToA1(next)] };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Writes the cell being typed into (and a sheet name being typed on a tab); the caller moves the selection. */
function commit(ctx: Ctx): void {
  // Clicking elsewhere ends a tab rename as Enter does; a name Excel would refuse is dropped.
  if (ctx.state.renaming) finishRename(ctx.state, true);
  const entry = ctx.state.entry;
  if (entry === null) return;
  setCellInput(ctx.state.wb, sheetName(ctx.state), activeCell(ctx.state).addr, entry.text);
  ctx.state.entry = null;
}

/**
 * The Name Box: a cell ("C7"), a range ("B2:D5"), a sheet-qualified one ("Sheet2!A1") or a defined name.
 * Returns Excel's message for text it cannot go to, or null.
 */
export function nameBoxTarget(
  s: S,
  text: string,
): { sheet: string; rect: Rect; active: { row: number; col: number } } | string {
  const t = text.trim();
  const named = findName(s.wb, t);
  let target = t;
  if (named !== undefined) {
    const r = nameRange(s.wb, t);
    if (r === null) return 'Reference isn\u2019t valid.';
    target = `${r.sheet}!${r.range}`;
  }
  const { sheet, range } = splitSheetRange(target);
  const sheetObj = sheet === undefined ? activeSheet(s) : findSheet(s.wb, sheet);
  const rect = parseRect(range.replace(/\$/g, ''));
  if (sheetObj === undefined || rect === null) return 'Reference isn\u2019t valid.';
  return { sheet: sheetObj.name, rect, active: { row: rect.r1, col: rect.c1 } };
}

/** Home > AutoSum: the numbers above the active cell (else to its left) as the SUM's range. */
function autoSumRange(s: S): string | null {
  const sheet = activeSheet(s);
  const a = activeCell(s);
  const isNum = (r: number, c: number) => typeof sheet.cells[toA1(r, c)]?.value === 'number';
  let r = a.row - 1;
  while (r >= 1 && isNum(r, a.col)) r--;
  if (r < a.row - 1) return rectToA1({ r1: r + 1, c1: a.col, r2: a.row - 1, c2: a.col });
  let c = a.col - 1;
  while (c >= 1 && isNum(a.row, c)) c--;
  if (c < a.col - 1) return rectToA1({ r1: a.row, c1: c + 1, r2: a.row, c2: a.col - 1 });
  return null;
}

/** The range Sort and Filter act on: the selection, or the current region around a single cell. */
function dataRange(s: S): Rect {
  const r = selectionRect(s);
  if (r.r1 !== r.r2 || r.c1 !== r.c2) return r;
  return currentRegion(activeSheet(s), r.r1, r.c1);
}

const editing = (s: S) => s.entry !== null;
const notEditing = (s: S) => s.entry === null;

/** A formatting command: refused while a cell is being typed into (Excel greys the ribbon then). */
function fmt(label: string, run: (ctx: Ctx, args: Args) => Outcome): CommandDecl<S> {
  return { label, run, enabled: notEditing };
}

export const excelCommands: Readonly<Record<string, CommandDecl<S>>> = {
  // -- selection and sheets (not undoable in Excel) -------------------------------------------------------------
  selectCell: {
    label: 'Select',
    undo: 'none',
    run(ctx, args) {
      const p = parseA1(str(args, 'addr'));
      if (p === null) return { error: `'${String(args.addr)}' is not a cell address` };
      commit(ctx);
      select(ctx.state, { r1: p.row, c1: p.col, r2: p.row, c2: p.col }, p);
    },
  },
  nameBox: {
    label: 'Name Box',
    undo: 'none',
    run(ctx, args) {
      const target = nameBoxTarget(ctx.state, String(args.value ?? ''));
      if (typeof target === 'string') return { error: target };
      commit(ctx);
      activateSheet(ctx.state.wb, target.sheet);
      select(ctx.state, target.rect, target.active);
    },
  },
  activateSheet: {
    label: 'Activate Sheet',
    undo: 'none',
    run(ctx, args) {
      commit(ctx);
      activateSheet(ctx.state.wb, str(args, 'name'));
    },
  },
  newSheet: {
    label: 'Insert Sheet',
    enabled: notEditing,
    run(ctx) {
      const name = addSheet(ctx.state.wb, undefined, ctx.state.wb.sheets.length);
      activateSheet(ctx.state.wb, name);
    },
  },
  toggleGridlines: fmt('Gridlines', (ctx) => {
    const s = ctx.state;
    setGridlines(s.wb, sheetName(s), activeSheet(s).showGridLines === false);
  }),
  move: {
    label: 'Move',
    undo: 'none',
    run(ctx, args) {
      moveActive(ctx.state, args.dir as Direction, args.extend === true);
    },
  },

  // -- cell entry ------------------------------------------------------------------------------------------------
  /** Typed characters: start Enter mode (replacing the cell) or add to the entry. */
  type: {
    mutates: false,
    run(ctx, args) {
      const text = String(args.text ?? '');
      if (ctx.state.renaming) return ctx.run('renameType', { text });
      return ctx.state.entry === null ? ctx.run('beginEntry', { text }) : ctx.run('extendEntry', { text });
    },
  },
  beginEntry: {
    label: 'Typing',
    run(ctx, args) {
      ctx.state.entry = { text: String(args.text ?? ''), mode: args.mode === 'edit' ? 'edit' : 'enter' };
    },
  },
  // Later keystrokes and the commit belong to the undo entry beginEntry pushed: one Ctrl+Z undoes the entry.
  extendEntry: {
    label: 'Typing',
    undo: 'none',
    run(ctx, args) {
      const entry = ctx.state.entry;
      if (entry === null) return { changed: false };
      entry.text += String(args.text ?? '');
    },
  },
  backspace: {
    label: 'Typing',
    mutates: false,
    run(ctx) {
      const entry = ctx.state.entry;
      // Backspace on a selected cell clears it and starts an empty entry.
      if (entry === null) return ctx.run('beginEntry', { text: '' });
      return ctx.run('trimEntry');
    },
  },
  trimEntry: {
    label: 'Typing',
    undo: 'none',
    run(ctx) {
      const entry = ctx.state.entry;
      if (entry === null || entry.text === '') return { changed: false };
      entry.text = entry.text.slice(0, -1);
    },
  },
  /** F2: Edit mode on the active cell's formula-bar text. */
  editCell: {
    mutates: false,
    run(ctx) {
      if (ctx.state.entry !== null) {
        return ctx.run('toggleEntryMode');
      }
      const s = ctx.state;
      return ctx.run('beginEntry', {
        text: formulaBarText(s.wb, sheetName(s), activeCell(s).addr),
        mode: 'edit',
      });
    },
  },
  toggleEntryMode: {
    undo: 'none',
    run(ctx) {
      const entry = ctx.state.entry!;
      entry.mode = entry.mode === 'edit' ? 'enter' : 'edit';
    },
  },
  /** Enter, Tab, Shift+Enter, Shift+Tab: confirm any entry, then move within the selection's sheet. */
  confirm: {
    label: 'Typing',
    undo: 'none',
    run(ctx, args) {
      commit(ctx);
      if (args.dir !== undefined) moveActive(ctx.state, args.dir as Direction, false);
    },
  },
  /** An arrow key: in Enter mode it confirms and moves; in Edit mode the caret stays in the text. */
  arrow: {
    mutates: false,
    run(ctx, args) {
      const entry = ctx.state.entry;
      if (entry !== null && entry.mode === 'edit') return { changed: false };
      if (entry !== null) return ctx.run('confirm', { dir: args.dir });
      return ctx.run('move', args);
    },
  },
  cancelEntry: {
    undo: 'none',
    enabled: editing,
    run(ctx) {
      ctx.state.entry = null;
    },
  },
  /** The Formula Bar: its text goes into the active cell, as typing there and pressing Enter does. */
  formulaBar: {
    label: 'Typing',
    run(ctx, args) {
      const s = ctx.state;
      s.entry = null;
      setCellInput(s.wb, sheetName(s), activeCell(s).addr, String(args.value ?? ''));
    },
  },
  clearContents: fmt('Clear', (ctx) => {
    let n = 0;
    eachRange(ctx, (r) => (n += clearContents(ctx.state.wb, sheetName(ctx.state), r)));
    if (n === 0) return { changed: false };
  }),

  // -- clipboard --------------------------------------------------------------------------------------------------
  copy: {
    label: 'Copy',
    undo: 'none',
    enabled: notEditing,
    run(ctx) {
      const s = ctx.state;
      s.clip = copyRange(s.wb, sheetName(s), selectedRanges(s).at(-1)!);
    },
  },
  cut: {
    label: 'Cut',
    undo: 'none',
    enabled: notEditing,
    run(ctx) {
      const s = ctx.state;
      s.clip = cutRange(s.wb, sheetName(s), selectedRanges(s).at(-1)!);
    },
  },
  paste: fmt('Paste', (ctx) => {
    const s = ctx.state;
    if (s.clip === null) return { error: 'there is nothing on the clipboard to paste (copy cells first)' };
    const written = paste(s.wb, sheetName(s), selectedRanges(s).at(-1)!, s.clip);
    if (s.clip.cut) s.clip = null;
    const r = parseRect(written)!;
    select(s, r, { row: r.r1, col: r.c1 });
  }),

  // -- Home > Font ------------------------------------------------------------------------------------------------
  bold: fmt('Bold', (ctx) => toggleAll(ctx, 'bold')),
  italic: fmt('Italic', (ctx) => toggleAll(ctx, 'italic')),
  underline: fmt('Underline', (ctx) => toggleAll(ctx, 'underline')),
  font: fmt('Font', (ctx, args) =>
    eachRange(ctx, (r) => setFont(ctx.state.wb, sheetName(ctx.state), r, { name: str(args, 'value') })),
  ),
  fontSize: fmt('Font Size', (ctx, args) => {
    const size = Number(args.value);
    if (!Number.isFinite(size) || size < 1 || size > 409)
      return { error: `font size '${String(args.value)}' must be a number from 1 to 409` };
    eachRange(ctx, (r) => setFont(ctx.state.wb, sheetName(ctx.state), r, { size }));
  }),
  fontColor: fmt('Font Color', (ctx, args) => {
    const color = args.value === 'Automatic' ? null : colorArg(args);
    eachRange(ctx, (r) => setFont(ctx.state.wb, sheetName(ctx.state), r, { color }));
  }),
  fillColor: fmt('Fill Color', (ctx, args) => {
    const value = String(args.value ?? '');
    const color = value === 'No Fill' ? null : colorArg(args);
    eachRange(ctx, (r) => setFill(ctx.state.wb, sheetName(ctx.state), r, color));
  }),
  borders: fmt('Borders', (ctx, args) => {
    const preset = BORDER_ITEMS[String(args.value)];
    if (preset === undefined) return { error: `unknown border '${String(args.value)}'` };
    eachRange(ctx, (r) => setBorders(ctx.state.wb, sheetName(ctx.state), r, preset));
  }),

  // -- Home > Alignment -------------------------------------------------------------------------------------------
  alignHorizontal: fmt('Alignment', (ctx, args) => {
    const value = args.value as HorizontalAlignment;
    eachRange(ctx, (r) => setAlignment(ctx.state.wb, sheetName(ctx.state), r, { horizontal: value }));
  }),
  alignVertical: fmt('Alignment', (ctx, args) => {
    const value = args.value as VerticalAlignment;
    eachRange(ctx, (r) => setAlignment(ctx.state.wb, sheetName(ctx.state), r, { vertical: value }));
  }),
  wrapText: fmt('Wrap Text', (ctx) => {
    const s = ctx.state;
    const on = !wrapped(s);
    eachRange(ctx, (r) => setWrapText(s.wb, sheetName(s), r, on));
  }),
  mergeCenter: fmt('Merge & Center', (ctx, args) => {
    const s = ctx.state;
    const a = activeCell(s);
    const existing = mergeContaining(activeSheet(s), a.row, a.col);
    const mode = String(args.mode ?? 'center');
    if (mode === 'unmerge' || (mode === 'center' && existing !== null)) {
      if (existing === null) return { changed: false };
      unmergeCells(s.wb, sheetName(s), rectToA1(existing));
      return;
    }
    const range = selectedRanges(s).at(-1)!;
    if (!range.includes(':')) return { changed: false };
    mergeCells(s.wb, sheetName(s), range, { center: mode === 'center', across: mode === 'across' });
  }),

  // -- Home > Number ----------------------------------------------------------------------------------------------
  numberFormat: fmt('Number Format', (ctx, args) => {
    const preset = NUMBER_FORMATS[String(args.value)];
    if (preset === undefined) return { error: `unknown number format '${String(args.value)}'` };
    eachRange(ctx, (r) => setNumberFormat(ctx.state.wb, sheetName(ctx.state), r, preset));
  }),
  /** Percent Style (0%) and Comma Style: a fixed format code (or preset name) on the selection. */
  numberFormatCode: fmt('Number Format', (ctx, args) =>
    eachRange(ctx, (r) => setNumberFormat(ctx.state.wb, sheetName(ctx.state), r, str(args, 'code'))),
  ),
  increaseDecimal: fmt('Increase Decimal', (ctx) =>
    eachRange(ctx, (r) => changeDecimals(ctx.state.wb, sheetName(ctx.state), r, 1)),
  ),
  decreaseDecimal: fmt('Decrease Decimal', (ctx) =>
    eachRange(ctx, (r) => changeDecimals(ctx.state.wb, sheetName(ctx.state), r, -1)),
  ),

  // -- Home > Cells -----------------------------------------------------------------------------------------------
  insertRows: fmt('Insert Rows', (ctx) => {
    const r = selectionRect(ctx.state);
    insertRows(ctx.state.wb, sheetName(ctx.state), r.r1, r.r2 - r.r1 + 1);
  }),
  deleteRows: fmt('Delete Rows', (ctx) => {
    const r = selectionRect(ctx.state);
    deleteRows(ctx.state.wb, sheetName(ctx.state), r.r1, r.r2 - r.r1 + 1);
  }),
  insertColumns: fmt('Insert Columns', (ctx) => {
    const r = selectionRect(ctx.state);
    insertColumns(ctx.state.wb, sheetName(ctx.state), r.c1, r.c2 - r.c1 + 1);
  }),
  deleteColumns: fmt('Delete Columns', (ctx) => {
    const r = selectionRect(ctx.state);
    deleteColumns(ctx.state.wb, sheetName(ctx.state), r.c1, r.c2 - r.c1 + 1);
  }),

  /** Format > Column Width...: OK sets the width of every selected column. */
  columnWidth: fmt('Column Width', (ctx, args) => {
    const width = Number(String(args.width ?? '').trim());
    eachRange(ctx, (r) => setColumnWidth(ctx.state.wb, sheetName(ctx.state), columnsOf(r), width));
  }),
  autoFitColumns: fmt('AutoFit Column Width', (ctx) =>
    eachRange(ctx, (r) => autoFitColumns(ctx.state.wb, sheetName(ctx.state), columnsOf(r))),
  ),

  // -- Format > Rename Sheet: the tab becomes an edit box with the name selected; Enter renames ----------------
  startRename: {
    label: 'Rename Sheet',
    undo: 'none',
    enabled: notEditing,
    run(ctx) {
      const name = sheetName(ctx.state);
      ctx.state.renaming = { sheet: name, text: name, fresh: true };
    },
  },
  renameType: {
    undo: 'none',
    run(ctx, args) {
      const r = ctx.state.renaming;
      if (!r) return { changed: false };
      r.text = (r.fresh ? '' : r.text) + String(args.text ?? '');
      r.fresh = false;
    },
  },
  renameBackspace: {
    undo: 'none',
    run(ctx) {
      const r = ctx.state.renaming;
      if (!r) return { changed: false };
      r.text = r.fresh ? '' : r.text.slice(0, -1);
      r.fresh = false;
    },
  },
  cancelRename: {
    undo: 'none',
    run(ctx) {
      ctx.state.renaming = null;
    },
  },
  /** Enter on the tab being renamed (or text set on its edit box): Excel's sheet-name rules apply. */
  commitRename: {
    label: 'Rename Sheet',
    run(ctx, args) {
      const r = ctx.state.renaming;
      if (!r) return { changed: false };
      if (typeof args.value === 'string') r.text = args.value;
      const problem = finishRename(ctx.state, false);
      if (problem !== null) ctx.ui.messageBox(problem);
    },
  },

  // -- Editing: AutoSum, Sort & Filter ----------------------------------------------------------------------------
  /**
   * AutoSum on one cell proposes =SUM(...) in Enter mode (Enter confirms it, as in Excel); on a range of
   * numbers it writes the sums in the row below.
   */
  autoSum: {
    label: 'AutoSum',
    enabled: notEditing,
    run(ctx) {
      const s = ctx.state;
      const r = selectionRect(s);
      if (r.r1 === r.r2 && r.c1 === r.c2) {
        const range = autoSumRange(s);
        s.entry = { text: range === null ? '=SUM()' : `=SUM(${range})`, mode: 'enter' };
        return;
      }
      for (let c = r.c1; c <= r.c2; c++) {
        const target = toA1(r.r2 + 1, c);
        if (!isEmptyCell(activeSheet(s).cells[target])) continue;
        setCellInput(s.wb, sheetName(s), target, `=SUM(${rectToA1({ r1: r.r1, c1: c, r2: r.r2, c2: c })})`);
      }
    },
  },
  sort: fmt('Sort', (ctx, args) => {
    const s = ctx.state;
    const range = dataRange(s);
    sortRange(s.wb, sheetName(s), rectToA1(range), [
      { column: activeCell(s).col, descending: args.descending === true },
    ]);
  }),
  filter: fmt('Filter', (ctx) => {
    const s = ctx.state;
    if (activeSheet(s).autoFilter) removeAutoFilter(s.wb, sheetName(s));
    else setAutoFilter(s.wb, sheetName(s), rectToA1(dataRange(s)));
  }),

  // -- View > Freeze Panes ----------------------------------------------------------------------------------------
  freezePanes: fmt('Freeze Panes', (ctx) => {
    const s = ctx.state;
    if (activeSheet(s).freeze) unfreezePanes(s.wb, sheetName(s));
    else freezePanes(s.wb, sheetName(s), activeCell(s).addr);
  }),
  freezeTopRow: fmt('Freeze Top Row', (ctx) => freezeTopRow(ctx.state.wb, sheetName(ctx.state))),
  freezeFirstColumn: fmt('Freeze First Column', (ctx) =>
    freezeFirstColumn(ctx.state.wb, sheetName(ctx.state)),
  ),
};

function toggleAll(ctx: Ctx, flag: 'bold' | 'italic' | 'underline'): void {
  const s = ctx.state;
  const ranges = selectedRanges(s);
  // The first range decides on or off, as toggleFontFlag does within one range.
  const on = toggleFontFlag(s.wb, sheetName(s), ranges[0]!, flag);
  for (const r of ranges.slice(1)) {
    setFont(s.wb, sheetName(s), r, { [flag]: on ? (flag === 'underline' ? 'single' : true) : null });
  }
}

function colorArg(args: Args): string {
  const name = str(args, 'value');
  return STANDARD_COLORS[name] ?? name;
}

export function wrapped(s: S): boolean {
  const a = activeCell(s);
  return activeSheet(s).cells[a.addr]?.style?.alignment?.wrapText === true;
}

/** The columns a range spans, as Format > Column Width takes them ("B:D"). */
function columnsOf(range: string): string {
  const r = parseRect(range)!;
  return `${colToLetters(r.c1)}:${colToLetters(r.c2)}`;
}

/**
 * Renames the sheet of the tab being edited. Returns Excel's message for a name it refuses (the tab stays in
 * edit mode), or null; `drop` gives a refused name up instead.
 */
function finishRename(s: S, drop: boolean): string | null {
  const r = s.renaming;
  if (!r) return null;
  const name = r.text.trim();
  try {
    if (name !== r.sheet) renameSheet(s.wb, r.sheet, name);
  } catch (error) {
    if (drop) s.renaming = null;
    return error instanceof Error ? error.message : String(error);
  }
  s.renaming = null;
  return null;
}
