/**
 * The worksheet area: the Name Box and Formula Bar above the grid, the visible window of cells as DataItems
 * named by address (as Excel's UI Automation names them), and the sheet tabs below. Only the visible window is
 * listed (A1:T40 at the top left), so the observation stays the size a screen shows.
 */
import {
  button,
  cluster,
  comboBox,
  editBox,
  rect,
  type ClusterDecl,
  type ControlDecl,
  type DocumentDecl,
} from '../../office/index.ts';
import { colToLetters, MAX_COLS, parseRect, rectContains, toA1, type Rect } from '../formula/address.ts';
import { cellDisplayText, formulaBarText } from '../model/display.ts';
import type { Selection, Sheet } from '../model/types.ts';
import { nameBoxTarget } from './commands.ts';
import { filterArrows } from './ribbon-data.ts';
import { activeCell, activeSheet, VISIBLE_COLS, VISIBLE_ROWS, type ExcelState } from './state.ts';

type S = ExcelState;

/** Pixel layout of the document area (it starts under the ribbon at y=200). */
const TOP = 200;
const BAR_HEIGHT = 26;
const HEADER_HEIGHT = 20;
const ROW_HEADER_WIDTH = 40;
const CELL_WIDTH = 90;
const CELL_HEIGHT = 18;
const GRID_TOP = TOP + BAR_HEIGHT + HEADER_HEIGHT;
const TABS_TOP = GRID_TOP + VISIBLE_ROWS * CELL_HEIGHT + 8;

/** The selected rectangles (a selection is replaced, never changed in place, so it is parsed once). */
function rectsOf(sel: Selection): Rect[] {
  return (sel.ranges.length > 0 ? sel.ranges : [sel.active])
    .map((r) => parseRect(r))
    .filter((r): r is Rect => r !== null);
}

/** The sheet list and index `activeSelection` found the active sheet at last (a walk asks once per cell). */
let foundIn: readonly Sheet[] | null = null;
let foundAt = -1;

/**
 * The active sheet's selection. `getSheet` compares names case-insensitively, allocating per sheet per call;
 * the grid asks for every visible cell, so the last answer is kept while the same sheet object still sits at
 * the same place of the same list under the active name.
 */
function activeSelection(s: S): Selection {
  const sheets = s.wb.sheets;
  if (sheets === foundIn) {
    const sheet = sheets[foundAt];
    if (sheet !== undefined && sheet.name === s.wb.activeSheet) return sheet.selection;
  }
  const sheet = activeSheet(s);
  foundIn = sheets;
  foundAt = sheets.indexOf(sheet);
  return sheet.selection;
}

let lastSelection: Selection | null = null;
let lastRects: Rect[] = [];

function selectionRectsNow(s: S): Rect[] {
  const sel = activeSelection(s);
  if (sel !== lastSelection) {
    lastRects = rectsOf(sel);
    lastSelection = sel;
  }
  return lastRects;
}

function isSelected(s: S, row: number, col: number): boolean {
  const rects = selectionRectsNow(s);
  for (let k = 0; k < rects.length; k++) if (rectContains(rects[k]!, row, col)) return true;
  return false;
}

/**
 * The column spans of the selected ranges crossing `row`: all that decides which of its cells are selected. A
 * single range gives a number (no string to build for each of the 40 rows of every view); several give a string.
 */
function rowSelectionKey(s: S, row: number): string | number {
  const rects = selectionRectsNow(s);
  if (rects.length === 1) {
    const r = rects[0]!;
    return row >= r.r1 && row <= r.r2 ? r.c1 * (MAX_COLS + 1) + r.c2 : -1;
  }
  let key = '';
  for (let k = 0; k < rects.length; k++) {
    const r = rects[k]!;
    if (row >= r.r1 && row <= r.r2) key += `${r.c1}:${r.c2};`;
  }
  return key;
}

/**
 * The column spans of the selected ranges crossing `row`, cut to the columns `c0`..`c1`: what decides which cells
 * of that stretch of the row are selected (a number for one range, a string for several, as `rowSelectionKey`).
 */
function segmentSelectionKey(s: S, row: number, c0: number, c1: number): string | number {
  const rects = selectionRectsNow(s);
  if (rects.length === 1) {
    const r = rects[0]!;
    if (row < r.r1 || row > r.r2 || r.c2 < c0 || r.c1 > c1) return -1;
    return Math.max(r.c1, c0) * (MAX_COLS + 1) + Math.min(r.c2, c1);
  }
  let key = '';
  for (let k = 0; k < rects.length; k++) {
    const r = rects[k]!;
    if (row >= r.r1 && row <= r.r2 && r.c2 >= c0 && r.c1 <= c1)
      key += `${Math.max(r.c1, c0)}:${Math.min(r.c2, c1)};`;
  }
  return key;
}

/** Cells per stretch of a row under one key: a click re-evaluates the stretches it touches, not whole rows. */
const SEGMENT_COLS = 5;

/** The Name Box shows the active cell; typing a reference there and pressing Enter goes to it. */
const nameBox = comboBox<S>({
  name: 'Name Box',
  editable: true,
  value: (s) => activeCell(s).addr,
  items: [],
  command: 'nameBox',
  // Excel selects the whole reference when the Name Box is clicked, so the typed one replaces it.
  selectAllOnClick: true,
  validate: (t, s) => {
    const target = nameBoxTarget(s, t);
    return typeof target === 'string' ? target : null;
  },
  rect: rect(0, TOP + 2, 200, TOP + BAR_HEIGHT - 2),
});

/**
 * The Formula Bar. It is declared as an editable combo box because the kernel commits `set_edit_text` on those
 * at once (an edit box would wait for Enter): so `set_edit_text` on the "Formula Bar" Edit fills the active
 * cell, which is what a LAM trained on UFO's Excel runs expects. Keys typed into it stay pending until Enter,
 * Tab or a click elsewhere commits them, as in the ribbon's boxes.
 */
const formulaBar = comboBox<S>({
  name: 'Formula Bar',
  editable: true,
  value: (s) =>
    s.entry !== null ? s.entry.text : formulaBarText(s.wb, s.wb.activeSheet, activeCell(s).addr),
  items: [],
  command: 'formulaBar',
  rect: rect(260, TOP + 2, 1880, TOP + BAR_HEIGHT - 2),
});

/** Grid children per window and sheet list: the kernel compiles a children array once per array object. */
const windows = new Map<string, readonly (ControlDecl<S> | ClusterDecl<S>)[]>();

/**
 * What the last answer was made from while its sheet had no AutoFilter: every view asks for the children, and
 * without filter arrows they depend on nothing else, so the same answer is found again without building the key.
 */
interface PlainWindow {
  row: number;
  col: number;
  renaming: string | null;
  active: string;
  /** The visible sheets' names. */
  sheets: readonly string[];
  key: string;
  children: readonly (ControlDecl<S> | ClusterDecl<S>)[];
}
let lastPlain: PlainWindow | null = null;

function samePlainWindow(last: PlainWindow, s: S, renaming: string | null): boolean {
  if (
    last.row !== s.scroll.row ||
    last.col !== s.scroll.col ||
    last.renaming !== renaming ||
    last.active !== s.wb.activeSheet ||
    // Still what the key gives (the cache may have been emptied since).
    windows.get(last.key) !== last.children
  )
    return false;
  const names = last.sheets;
  let n = 0;
  for (const sh of s.wb.sheets) {
    if (sh.hidden === true) continue;
    if (names[n] !== sh.name) return false;
    n++;
  }
  return n === names.length;
}

function gridChildren(s: S): readonly (ControlDecl<S> | ClusterDecl<S>)[] {
  const renaming = s.renaming?.sheet ?? null;
  const plain = activeSheet(s).autoFilter === null;
  if (plain && lastPlain !== null && samePlainWindow(lastPlain, s, renaming)) return lastPlain.children;
  const sheets = s.wb.sheets.filter((sh) => sh.hidden !== true).map((sh) => sh.name);
  const { key, children } = windowChildren(s, sheets, renaming);
  if (plain) {
    lastPlain = {
      row: s.scroll.row,
      col: s.scroll.col,
      renaming,
      active: s.wb.activeSheet,
      sheets,
      key,
      children,
    };
  }
  return children;
}

function windowChildren(
  s: S,
  sheets: readonly string[],
  renaming: string | null,
): { key: string; children: readonly (ControlDecl<S> | ClusterDecl<S>)[] } {
  const arrows = filterArrows(s, (row, col) => {
    const i = row - s.scroll.row;
    const j = col - s.scroll.col;
    if (i < 0 || j < 0 || i >= VISIBLE_ROWS || j >= VISIBLE_COLS) return null;
    const left = ROW_HEADER_WIDTH + j * CELL_WIDTH;
    const top = GRID_TOP + i * CELL_HEIGHT;
    return { left, top, right: left + CELL_WIDTH, bottom: top + CELL_HEIGHT };
  });
  const key = `${s.scroll.row},${s.scroll.col}|${sheets.join('\u0000')}|${renaming ?? ''}|${s.wb.activeSheet}|${arrows.key}`;
  const hit = windows.get(key);
  if (hit !== undefined) return { key, children: hit };
  const children: (ControlDecl<S> | ClusterDecl<S>)[] = [nameBox, formulaBar];
  for (let i = 0; i < VISIBLE_ROWS; i++) {
    const row = s.scroll.row + i;
    const segments: ClusterDecl<S>[] = [];
    let cells: ControlDecl<S>[] = [];
    for (let j = 0; j < VISIBLE_COLS; j++) {
      const col = s.scroll.col + j;
      const addr = toA1(row, col);
      const left = ROW_HEADER_WIDTH + j * CELL_WIDTH;
      const top = GRID_TOP + i * CELL_HEIGHT;
      cells.push(
        button<S>({
          name: addr,
          id: `cell:${colToLetters(col)}:${row}`,
          type: 'DataItem',
          command: { command: 'selectCell', args: { addr } },
          contextMenu: 'cell',
          rightCommand: { command: 'rightClickCell', args: { addr } },
          toggled: (st) => isSelected(st, row, col),
          rect: rect(left, top, left + CELL_WIDTH, top + CELL_HEIGHT),
        }),
      );
      if (cells.length === SEGMENT_COLS || j === VISIBLE_COLS - 1) {
        const c0 = col - cells.length + 1;
        const c1 = col;
        segments.push(
          cluster<S>({
            id: `cols:${c0}`,
            controls: cells,
            memo: (st) => segmentSelectionKey(st, row, c0, c1),
          }),
        );
        cells = [];
      }
    }
    // A row's cells show only whether they are selected: a new selection re-evaluates the rows it touches, and in
    // them only the stretches whose selected cells changed.
    children.push(
      cluster<S>({ id: `row:${row}`, controls: segments, memo: (st) => rowSelectionKey(st, row) }),
    );
  }
  // AutoFilter arrows come after the cells, so they sit on top of their header cells.
  children.push(...arrows.controls);
  let left = ROW_HEADER_WIDTH;
  for (const name of sheets) {
    const width = 20 + name.length * 8;
    const tabRect = rect(left, TABS_TOP, left + width, TABS_TOP + 24);
    left += width;
    if (name === renaming) {
      // Rename Sheet turns the tab into an edit box holding the name being typed.
      children.push(
        editBox<S>({
          name,
          id: `sheetRename:${name}`,
          value: (st) => st.renaming?.text ?? name,
          command: 'commitRename',
          rect: tabRect,
        }),
      );
      continue;
    }
    children.push(
      button<S>({
        name,
        id: `sheet:${name}`,
        type: 'TabItem',
        command: { command: 'activateSheet', args: { name } },
        doubleCommand: 'startRename',
        contextMenu: 'sheetTab',
        rightCommand: { command: 'rightClickTab', args: { name } },
        toggled: (st) => st.wb.activeSheet === name,
        rect: tabRect,
      }),
    );
  }
  children.push(
    button<S>({
      name: 'New sheet',
      command: 'newSheet',
      rect: rect(left + 4, TABS_TOP, left + 28, TABS_TOP + 24),
    }),
  );
  if (windows.size > 256) windows.clear();
  windows.set(key, children);
  return { key, children };
}

export const excelDocument: DocumentDecl<S> = {
  name: 'Grid',
  type: 'DataGrid',
  texts: (s) => {
    // What a screen reader reads off the visible window: each non-empty cell as "A1: text".
    const sheet = activeSheet(s);
    const out: string[] = [];
    for (let i = 0; i < VISIBLE_ROWS; i++) {
      for (let j = 0; j < VISIBLE_COLS; j++) {
        const addr = toA1(s.scroll.row + i, s.scroll.col + j);
        if (sheet.cells[addr] === undefined) continue;
        const t = cellDisplayText(sheet, addr);
        if (t !== '') out.push(`${addr}: ${t}`);
      }
    }
    return out;
  },
  children: (s) => gridChildren(s),
  scrollBar: true,
};
