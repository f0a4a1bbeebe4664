/**
 * Right-click menus of the grid and the sheet tabs, with the items of Excel for Microsoft 365 that the simulator
 * models, and what they open: the small Insert / Delete dialogs (shift cells, entire row or column), the sheet
 * Insert dialog, Delete Sheet's confirmation, Unhide and Move or Copy. A right-click on a cell outside the
 * selection selects it first (inside, the selection stays); a right-click on a tab activates that sheet first.
 */
import {
  field,
  menu,
  menuItem,
  type CommandContext,
  type CommandDecl,
  type ContextMenuDecl,
  type DialogDecl,
  type MenuEntryDecl,
  type Outcome,
} from '../../office/index.ts';
import { MAX_COLS, MAX_ROWS, parseA1, parseRect, rectContains, rectToA1 } from '../formula/address.ts';
import { ExcelError } from '../model/errors.ts';
import { setAutoFilter, setFilterCriterion } from '../model/filter.ts';
import { formatValue } from '../formula/number-format.ts';
import {
  activateSheet,
  addSheet,
  copySheet,
  deleteSheet,
  moveSheet,
  setSheetHidden,
  setTabColor,
} from '../model/sheets.ts';
import { currentRegion } from '../model/sort.ts';
import { deleteCells, insertCells } from '../model/shift-cells.ts';
import { deleteColumns, deleteRows, insertColumns, insertRows } from '../model/structure.ts';
import type { Sheet } from '../model/types.ts';
import { getSheet, isEmptyCell } from '../model/workbook.ts';
import { STANDARD_COLORS } from './commands.ts';
import { activeCell, activeSheet, select, selectedRanges, selectionRect, type ExcelState } from './state.ts';

type S = ExcelState;
type Ctx = CommandContext<S>;
type Args = Readonly<Record<string, unknown>>;

/** Excel's message when an action would leave no visible sheet (Delete, Hide, Move on the last one). */
export const LAST_SHEET_MESSAGE =
  'A workbook must contain at least one visible worksheet. To hide, delete, or move the selected sheet(s), you must first insert a new sheet or unhide a sheet that is already hidden.';
/** Excel's confirmation before deleting a sheet that holds data. */
export const DELETE_SHEET_MESSAGE =
  'Microsoft Excel will permanently delete this sheet. Do you want to continue?';
const MOVE_TO_END = '(move to end)';

const notEditing = (s: S) => s.entry === null;
const hasHidden = (s: S) => s.wb.sheets.some((x) => x.hidden === true);

/** Ends a cell entry or a tab rename as a click elsewhere does, before a menu acts. */
function commitEntry(ctx: Ctx): Outcome {
  if (ctx.state.entry !== null || ctx.state.renaming) return ctx.run('confirm', {});
  return undefined;
}

function cmd(label: string, run: (ctx: Ctx, args: Args) => Outcome): CommandDecl<S> {
  return { label, run, enabled: notEditing };
}

function hasData(sheet: Sheet): boolean {
  return (
    Object.values(sheet.cells).some((c) => !isEmptyCell(c)) ||
    sheet.charts.length > 0 ||
    (sheet.tables?.length ?? 0) > 0
  );
}

/** A message box that changes nothing, with its text in the step's result (as Remove Duplicates does). */
function refuse(ctx: Ctx, message: string): Outcome {
  ctx.ui.messageBox(message);
  return { changed: false, result: { message_box: message } };
}

/**
 * Runs an Insert / Delete of cells; what Excel refuses with a message (a merged range or a table in the way,
 * cells pushed off the sheet) shows that message and changes nothing. The model checks before it changes.
 */
function shiftOrRefuse(ctx: Ctx, run: () => Outcome): Outcome {
  try {
    return run();
  } catch (error) {
    if (error instanceof ExcelError && REFUSALS.has(error.code)) return refuse(ctx, error.message);
    throw error;
  }
}
const REFUSALS: ReadonlySet<string> = new Set(['MERGE_CONFLICT', 'OUT_OF_SHEET', 'BAD_ARGUMENT']);

const wholeRows = (r: { c1: number; c2: number }) => r.c1 === 1 && r.c2 === MAX_COLS;
const wholeColumns = (r: { r1: number; r2: number }) => r.r1 === 1 && r.r2 === MAX_ROWS;

/** Where the Insert and Delete dialogs point by default: across for a tall selection, else down (or up). */
function defaultShift(s: S, across: string, along: string): string {
  const r = selectionRect(s);
  return r.r2 - r.r1 > r.c2 - r.c1 ? across : along;
}

// -- menus --------------------------------------------------------------------------------------------------------

/** The grid's cell menu (also the document's own right-click menu). */
export const cellMenuItems: readonly MenuEntryDecl<S>[] = [
  menuItem({ name: 'Cut', command: 'cut' }),
  menuItem({ name: 'Copy', command: 'copy' }),
  menuItem({ name: 'Paste', command: 'paste' }),
  menuItem({ name: 'Insert...', command: 'openInsertCells' }),
  menuItem({ name: 'Delete...', command: 'openDeleteCells' }),
  menuItem({ name: 'Clear Contents', command: 'clearContents' }),
  menuItem({
    name: 'Filter',
    submenu: menu({
      items: [menuItem({ name: 'Filter by Selected Cell\u2019s Value', command: 'filterBySelectedValue' })],
    }),
  }),
  menuItem({
    name: 'Sort',
    id: 'SortMenu',
    submenu: menu({
      items: [
        menuItem({ name: 'Sort A to Z', command: { command: 'sort', args: { descending: false } } }),
        menuItem({ name: 'Sort Z to A', command: { command: 'sort', args: { descending: true } } }),
        menuItem({ name: 'Custom Sort...', dialog: 'sort' }),
      ],
    }),
  }),
  menuItem({ name: 'Format Cells...', dialog: 'formatCells' }),
  menuItem({ name: 'Define Name...', dialog: 'newName' }),
];

const tabMenuItems: readonly MenuEntryDecl<S>[] = [
  menuItem({ name: 'Insert...', dialog: 'insertSheet' }),
  menuItem({ name: 'Delete', command: 'deleteSheet' }),
  menuItem({ name: 'Rename', command: 'startRename' }),
  menuItem({ name: 'Move or Copy...', dialog: 'moveOrCopy' }),
  menuItem({
    name: 'Tab Color',
    submenu: menu({
      items: [
        ...Object.keys(STANDARD_COLORS).map((name) =>
          menuItem<S>({ name, command: { command: 'tabColor', args: { value: name } } }),
        ),
        menuItem({ name: 'No Color', command: { command: 'tabColor', args: { value: 'No Color' } } }),
      ],
    }),
  }),
  menuItem({ name: 'Hide', command: 'hideSheet' }),
  menuItem({ name: 'Unhide...', dialog: 'unhideSheet', enabled: hasHidden }),
];

/** The menus controls name with `contextMenu`: placed near the cells and just above the sheet tabs. */
export const excelContextMenus: Readonly<Record<string, ContextMenuDecl<S>>> = {
  cell: { name: 'Context Menu', at: [700, 320], items: cellMenuItems },
  sheetTab: { name: 'Context Menu', at: [60, 560], items: tabMenuItems },
};

// -- dialogs ------------------------------------------------------------------------------------------------------

const insertCellsDialog: DialogDecl<S> = {
  title: 'Insert',
  fields: [
    field.radio({
      key: 'shift',
      label: 'Insert',
      options: [
        { value: 'right', label: 'Shift cells right' },
        { value: 'down', label: 'Shift cells down' },
        { value: 'row', label: 'Entire row' },
        { value: 'column', label: 'Entire column' },
      ],
    }),
  ],
  init: (s) => ({ shift: defaultShift(s, 'right', 'down') }),
  command: 'insertCells',
};

const deleteCellsDialog: DialogDecl<S> = {
  title: 'Delete',
  fields: [
    field.radio({
      key: 'shift',
      label: 'Delete',
      options: [
        { value: 'left', label: 'Shift cells left' },
        { value: 'up', label: 'Shift cells up' },
        { value: 'row', label: 'Entire row' },
        { value: 'column', label: 'Entire column' },
      ],
    }),
  ],
  init: (s) => ({ shift: defaultShift(s, 'left', 'up') }),
  command: 'deleteCells',
};

/** A tab's Insert...: Excel's Insert dialog, of which the simulator offers the Worksheet template. */
const insertSheetDialog: DialogDecl<S> = {
  title: 'Insert',
  fields: [field.list({ key: 'template', label: 'General', items: ['Worksheet'], doubleClickOk: true })],
  init: () => ({ template: 'Worksheet' }),
  command: 'insertSheet',
};

/** Delete on a sheet with data asks first; Delete confirms, Cancel keeps the sheet. */
const deleteSheetDialog: DialogDecl<S> = {
  title: 'Microsoft Excel',
  fields: [field.text({ label: DELETE_SHEET_MESSAGE })],
  init: (s) => ({ sheet: s.wb.activeSheet }),
  okLabel: 'Delete',
  command: 'confirmDeleteSheet',
};

const unhideDialog: DialogDecl<S> = {
  title: 'Unhide',
  fields: [
    field.list({
      key: 'sheet',
      label: 'Unhide sheet:',
      items: (s) => s.wb.sheets.filter((x) => x.hidden === true).map((x) => x.name),
      doubleClickOk: true,
    }),
  ],
  init: (s) => ({ sheet: s.wb.sheets.find((x) => x.hidden === true)?.name ?? '' }),
  command: 'unhideSheet',
};

const moveOrCopyDialog: DialogDecl<S> = {
  title: 'Move or Copy',
  fields: [
    field.text({ label: 'Move selected sheets' }),
    field.combo({ key: 'book', label: 'To book:', items: (s) => [s.file.name] }),
    field.list({
      key: 'before',
      label: 'Before sheet:',
      items: (s) => [...s.wb.sheets.filter((x) => x.hidden !== true).map((x) => x.name), MOVE_TO_END],
      height: 150,
    }),
    field.check({ key: 'copy', label: 'Create a copy' }),
  ],
  init: (s) => ({ book: s.file.name, before: s.wb.activeSheet, copy: false }),
  command: 'moveOrCopySheet',
};

export const contextMenuDialogs: Readonly<Record<string, DialogDecl<S>>> = {
  insertCells: insertCellsDialog,
  deleteCells: deleteCellsDialog,
  insertSheet: insertSheetDialog,
  deleteSheet: deleteSheetDialog,
  unhideSheet: unhideDialog,
  moveOrCopy: moveOrCopyDialog,
};

// -- commands -----------------------------------------------------------------------------------------------------

/** The index `name` lands at when moved before `before` (or to the end), counted without the sheet itself. */
function targetIndex(s: S, name: string, before: string): number {
  const others = s.wb.sheets.filter((x) => x.name !== name);
  const i = others.findIndex((x) => x.name === before);
  return i < 0 ? others.length : i;
}

export const contextMenuCommands: Readonly<Record<string, CommandDecl<S>>> = {
  /** A right-click on a cell: outside the selection it selects that cell; inside, the selection stays. */
  rightClickCell: {
    label: 'Select',
    undo: 'none',
    run(ctx, args) {
      const p = parseA1(String(args.addr ?? ''));
      if (p === null) return { error: `'${String(args.addr)}' is not a cell address` };
      const committed = commitEntry(ctx);
      if (committed?.error !== undefined) return committed;
      const inside = selectedRanges(ctx.state).some((r) => {
        const rect = parseRect(r);
        return rect !== null && rectContains(rect, p.row, p.col);
      });
      if (inside) return committed ?? { changed: false };
      select(ctx.state, { r1: p.row, c1: p.col, r2: p.row, c2: p.col }, p);
    },
  },
  /** A right-click on a sheet tab makes it the active sheet, so the tab menu acts on it. */
  rightClickTab: {
    label: 'Activate Sheet',
    undo: 'none',
    run(ctx, args) {
      const committed = commitEntry(ctx);
      if (committed?.error !== undefined) return committed;
      activateSheet(ctx.state.wb, String(args.name ?? ''));
    },
  },

  /** Insert... / Insert Cells...: whole-row or whole-column selections insert at once, as Excel does. */
  openInsertCells: {
    mutates: false,
    enabled: notEditing,
    run(ctx) {
      const r = selectionRect(ctx.state);
      if (wholeRows(r)) return ctx.run('insertRows');
      if (wholeColumns(r)) return ctx.run('insertColumns');
      ctx.ui.openDialog('insertCells');
    },
  },
  openDeleteCells: {
    mutates: false,
    enabled: notEditing,
    run(ctx) {
      const r = selectionRect(ctx.state);
      if (wholeRows(r)) return ctx.run('deleteRows');
      if (wholeColumns(r)) return ctx.run('deleteColumns');
      ctx.ui.openDialog('deleteCells');
    },
  },
  insertCells: cmd('Insert Cells', (ctx, args) =>
    shiftOrRefuse(ctx, () => {
      const s = ctx.state;
      const r = selectionRect(s);
      const shift = String(args.shift ?? '');
      if (shift === 'row') insertRows(s.wb, s.wb.activeSheet, r.r1, r.r2 - r.r1 + 1);
      else if (shift === 'column') insertColumns(s.wb, s.wb.activeSheet, r.c1, r.c2 - r.c1 + 1);
      else if (shift === 'right' || shift === 'down') insertCells(s.wb, s.wb.activeSheet, rectToA1(r), shift);
      else return { error: `Insert has no option '${shift}'` };
    }),
  ),
  deleteCells: cmd('Delete', (ctx, args) =>
    shiftOrRefuse(ctx, () => {
      const s = ctx.state;
      const r = selectionRect(s);
      const shift = String(args.shift ?? '');
      if (shift === 'row') deleteRows(s.wb, s.wb.activeSheet, r.r1, r.r2 - r.r1 + 1);
      else if (shift === 'column') deleteColumns(s.wb, s.wb.activeSheet, r.c1, r.c2 - r.c1 + 1);
      else if (shift === 'left' || shift === 'up') deleteCells(s.wb, s.wb.activeSheet, rectToA1(r), shift);
      else return { error: `Delete has no option '${shift}'` };
    }),
  ),

  /** Right-click > Filter > Filter by Selected Cell's Value: an AutoFilter keeping rows with that value. */
  filterBySelectedValue: cmd('Filter', (ctx) => {
    const s = ctx.state;
    const sheet = activeSheet(s);
    const a = activeCell(s);
    if (sheet.autoFilter === null)
      setAutoFilter(s.wb, sheet.name, rectToA1(currentRegion(sheet, a.row, a.col)));
    const cell = sheet.cells[a.addr];
    setFilterCriterion(s.wb, sheet.name, a.col, {
      type: 'values',
      values: [cell === undefined ? '' : formatValue(cell.value, cell.style?.numFmt)],
    });
  }),

  /** Insert Sheet (Home > Insert, or a tab's Insert... > Worksheet): a new sheet before the active one. */
  insertSheet: cmd('Insert Sheet', (ctx) => {
    const wb = ctx.state.wb;
    const at = wb.sheets.findIndex((x) => x.name === wb.activeSheet);
    addSheet(wb, undefined, Math.max(0, at));
  }),
  /** Delete Sheet: asks first when the sheet holds data; the last visible sheet cannot go. */
  deleteSheet: cmd('Delete Sheet', (ctx) => {
    const s = ctx.state;
    const sheet = activeSheet(s);
    if (s.wb.sheets.filter((x) => x.hidden !== true).length <= 1) return refuse(ctx, LAST_SHEET_MESSAGE);
    if (hasData(sheet)) {
      ctx.ui.openDialog('deleteSheet', { sheet: sheet.name });
      return { changed: false };
    }
    deleteSheet(s.wb, sheet.name);
  }),
  confirmDeleteSheet: cmd('Delete Sheet', (ctx, args) => {
    const s = ctx.state;
    const name = String(args.sheet ?? s.wb.activeSheet);
    if (s.wb.sheets.filter((x) => x.hidden !== true).length <= 1) return refuse(ctx, LAST_SHEET_MESSAGE);
    deleteSheet(s.wb, getSheet(s.wb, name).name);
  }),
  hideSheet: cmd('Hide Sheet', (ctx) => {
    const s = ctx.state;
    if (s.wb.sheets.filter((x) => x.hidden !== true).length <= 1) return refuse(ctx, LAST_SHEET_MESSAGE);
    setSheetHidden(s.wb, s.wb.activeSheet, true);
  }),
  unhideSheet: cmd('Unhide Sheet', (ctx, args) => {
    const s = ctx.state;
    const sheet = getSheet(s.wb, String(args.sheet ?? ''));
    if (sheet.hidden !== true) return { error: `sheet '${sheet.name}' is not hidden` };
    setSheetHidden(s.wb, sheet.name, false);
    activateSheet(s.wb, sheet.name);
  }),
  moveOrCopySheet: cmd('Move or Copy', (ctx, args) => {
    const s = ctx.state;
    const name = s.wb.activeSheet;
    const before = String(args.before ?? '');
    if (before === '') return { error: 'choose a sheet in the Before sheet list' };
    if (args.copy === true) {
      const copy = copySheet(s.wb, name);
      moveSheet(s.wb, copy, targetIndex(s, copy, before));
      return;
    }
    const at = targetIndex(s, name, before);
    if (s.wb.sheets.findIndex((x) => x.name === name) === at) return { changed: false };
    moveSheet(s.wb, name, at);
  }),
  tabColor: cmd('Tab Color', (ctx, args) => {
    const value = String(args.value ?? '');
    const color = value === 'No Color' ? null : (STANDARD_COLORS[value] ?? value);
    if (color === null && activeSheet(ctx.state).tabColor === undefined) return { changed: false };
    setTabColor(ctx.state.wb, ctx.state.wb.activeSheet, color);
  }),
};
