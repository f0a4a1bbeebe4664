/**
 * Inserting and deleting whole rows and columns. Cells below/right move, and every reference in the
 * workbook is adjusted as Excel does: references past the edit shift, ranges spanning it grow or
 * shrink, and references to deleted cells become #REF!. Merges, validation and conditional-format
 * ranges, the auto-filter, charts, row heights and column widths move with the cells.
 */
import { colToLetters, MAX_COLS, MAX_ROWS, parseA1, rectToA1, toA1, type Rect } from '../formula/address.ts';
import { adjustFormulaForAxisEdit, shiftInterval, type AxisEdit } from '../formula/references.ts';
import { recalculate } from './calc.ts';
import { ExcelError } from './errors.ts';
import { rectsToSqref, sqrefRects } from './ranges.ts';
import { rewriteAllFormulas } from './rewrite.ts';
import type { Cell, Sheet, Workbook } from './types.ts';
import { colFromKey, getSheet, rangeRect } from './workbook.ts';

/** A rectangle through an axis edit; null when it was deleted entirely. */
export function shiftRect(rect: Rect, edit: AxisEdit): Rect | null {
  if (edit.axis === 'row') {
    if (rect.r1 === 1 && rect.r2 === MAX_ROWS) return rect;
    const r = shiftInterval(rect.r1, rect.r2, edit, MAX_ROWS);
    return r ? { ...rect, r1: r[0], r2: r[1] } : null;
  }
  if (rect.c1 === 1 && rect.c2 === MAX_COLS) return rect;
  const c = shiftInterval(rect.c1, rect.c2, edit, MAX_COLS);
  return c ? { ...rect, c1: c[0], c2: c[1] } : null;
}

function shiftSqref(sqref: string, edit: AxisEdit): string | null {
  const rects = sqrefRects(sqref)
    .map((r) => shiftRect(r, edit))
    .filter((r): r is Rect => r !== null);
  return rects.length ? rectsToSqref(rects) : null;
}

/** Moves the keys of a row/column property map (rows "3", columns "C"). */
function shiftKeys<T>(
  map: Record<string, T>,
  edit: AxisEdit,
  toNum: (k: string) => number,
  toKey: (n: number) => string,
  max: number,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(map)) {
    const n = toNum(k);
    const s = shiftInterval(n, n, edit, max);
    if (s) out[toKey(s[0])] = v;
  }
  return out;
}

function moveCells(sheet: Sheet, edit: AxisEdit): void {
  const out: Record<string, Cell> = {};
  const max = edit.axis === 'row' ? MAX_ROWS : MAX_COLS;
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    const p = parseA1(addr)!;
    const along = edit.axis === 'row' ? p.row : p.col;
    const s = shiftInterval(along, along, edit, max);
    if (!s) continue;
    out[edit.axis === 'row' ? toA1(s[0], p.col) : toA1(p.row, s[0])] = cell;
  }
  sheet.cells = out;
}

/** Inserted rows/columns take the formatting of the row above / column to the left, as Excel does by default. */
function formatLikeNeighbour(sheet: Sheet, edit: AxisEdit): void {
  if (edit.count <= 0 || edit.at <= 1) return;
  const source = edit.at - 1;
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    if (!cell.style) continue;
    const p = parseA1(addr)!;
    if ((edit.axis === 'row' ? p.row : p.col) !== source) continue;
    for (let i = 0; i < edit.count; i++) {
      const key = edit.axis === 'row' ? toA1(edit.at + i, p.col) : toA1(p.row, edit.at + i);
      sheet.cells[key] = { value: null, style: structuredClone(cell.style) };
    }
  }
  if (edit.axis === 'row') {
    const props = sheet.rows[String(source)];
    if (props?.height !== undefined || props?.style) {
      for (let i = 0; i < edit.count; i++) {
        sheet.rows[String(edit.at + i)] = {
          ...(props.height !== undefined ? { height: props.height } : {}),
          ...(props.style ? { style: structuredClone(props.style) } : {}),
        };
      }
    }
  } else {
    const props = sheet.cols[colToLetters(source)];
    if (props?.width !== undefined || props?.style) {
      for (let i = 0; i < edit.count; i++) {
        sheet.cols[colToLetters(edit.at + i)] = {
          ...(props.width !== undefined ? { width: props.width } : {}),
          ...(props.style ? { style: structuredClone(props.style) } : {}),
        };
      }
    }
  }
}

function applyAxisEdit(wb: Workbook, sheet: Sheet, edit: AxisEdit): void {
  const max = edit.axis === 'row' ? MAX_ROWS : MAX_COLS;
  const lastUsed = Object.keys(sheet.cells).reduce((m, a) => {
    const p = parseA1(a)!;
    return Math.max(m, edit.axis === 'row' ? p.row : p.col);
  }, 0);
  if (edit.count > 0 && lastUsed >= edit.at && lastUsed + edit.count > max) {
    throw new ExcelError(
      'OUT_OF_SHEET',
      `cannot insert: it would push non-empty cells off the end of the worksheet (${edit.axis === 'row' ? 'row' : 'column'} ${lastUsed} would move past ${max})`,
    );
  }
  rewriteAllFormulas(wb, (body, fs) => adjustFormulaForAxisEdit(body, fs, edit));
  moveCells(sheet, edit);
  if (edit.axis === 'row') sheet.rows = shiftKeys(sheet.rows, edit, Number, String, MAX_ROWS);
  else sheet.cols = shiftKeys(sheet.cols, edit, colFromKey, colToLetters, MAX_COLS);
  formatLikeNeighbour(sheet, edit);
  sheet.merges = sheet.merges
    .map((m) => shiftRect(rangeRect(m), edit))
    .filter((r): r is Rect => r !== null && !(r.r1 === r.r2 && r.c1 === r.c2))
    .map(rectToA1);
  sheet.validations = sheet.validations.flatMap((v) => {
    const ranges = shiftSqref(v.ranges, edit);
    return ranges ? [{ ...v, ranges }] : [];
  });
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => {
    const ranges = shiftSqref(cf.ranges, edit);
    return ranges ? [{ ...cf, ranges }] : [];
  });
  if (sheet.autoFilter) {
    const r = shiftRect(rangeRect(sheet.autoFilter.range), edit);
    if (!r) sheet.autoFilter = null;
    else {
      sheet.autoFilter.range = rectToA1(r);
      if (edit.axis === 'col') {
        const criteria: typeof sheet.autoFilter.criteria = {};
        for (const [k, c] of Object.entries(sheet.autoFilter.criteria)) {
          const n = colFromKey(k);
          const s = shiftInterval(n, n, edit, MAX_COLS);
          if (s) criteria[colToLetters(s[0])] = c;
        }
        sheet.autoFilter.criteria = criteria;
      }
    }
  }
  for (const ch of sheet.charts) {
    const from = shiftRect(rangeRect(ch.anchor.from), edit);
    const to = shiftRect(rangeRect(ch.anchor.to), edit);
    // A chart whose anchor rows are deleted keeps its size in Excel ("move but don't size" is not default),
    // so it collapses onto the edge; keep it at the nearest surviving cell.
    ch.anchor.from = rectToA1(from ?? rangeRect(ch.anchor.from));
    ch.anchor.to = rectToA1(to ?? from ?? rangeRect(ch.anchor.to));
  }
  const active = parseA1(sheet.selection.active);
  if (active) {
    const along = edit.axis === 'row' ? active.row : active.col;
    const s = shiftInterval(along, along, edit, max);
    const n = s ? s[0] : Math.max(1, edit.at);
    sheet.selection = {
      active: edit.axis === 'row' ? toA1(n, active.col) : toA1(active.row, n),
      ranges: [edit.axis === 'row' ? toA1(n, active.col) : toA1(active.row, n)],
    };
  }
  recalculate(wb);
}

function checkSpan(what: 'row' | 'column', at: number, count: number, max: number): void {
  if (!Number.isInteger(at) || at < 1 || at > max)
    throw new ExcelError('OUT_OF_SHEET', `${what} ${at} is outside 1-${max}`);
  if (!Number.isInteger(count) || count < 1)
    throw new ExcelError(
      'BAD_ARGUMENT',
      `the number of ${what}s must be a positive whole number (got ${count})`,
    );
  if (at + count - 1 > max)
    throw new ExcelError(
      'OUT_OF_SHEET',
      `${what}s ${at}-${at + count - 1} go past the end of the sheet (${max})`,
    );
}

/** Home > Insert > Insert Sheet Rows: `count` blank rows before row `at`. */
export function insertRows(wb: Workbook, sheetName: string | undefined, at: number, count = 1): void {
  const sheet = getSheet(wb, sheetName);
  checkSpan('row', at, count, MAX_ROWS);
  applyAxisEdit(wb, sheet, { sheet: sheet.name, axis: 'row', at, count });
}

/** Home > Delete > Delete Sheet Rows: rows `at`..`at+count-1`. */
export function deleteRows(wb: Workbook, sheetName: string | undefined, at: number, count = 1): void {
  const sheet = getSheet(wb, sheetName);
  checkSpan('row', at, count, MAX_ROWS);
  applyAxisEdit(wb, sheet, { sheet: sheet.name, axis: 'row', at, count: -count });
}

function colArg(c: number | string): number {
  const n = typeof c === 'number' ? c : colFromKey(c.toUpperCase().replace(/\$/g, ''));
  if (!Number.isInteger(n) || n < 1 || n > MAX_COLS) {
    throw new ExcelError(
      'BAD_ADDRESS',
      `'${String(c)}' is not a column (use a letter A-XFD or a number 1-${MAX_COLS})`,
    );
  }
  return n;
}

/** Insert Sheet Columns: `count` blank columns before column `at` (a letter or 1-based number). */
export function insertColumns(
  wb: Workbook,
  sheetName: string | undefined,
  at: number | string,
  count = 1,
): void {
  const sheet = getSheet(wb, sheetName);
  const c = colArg(at);
  checkSpan('column', c, count, MAX_COLS);
  applyAxisEdit(wb, sheet, { sheet: sheet.name, axis: 'col', at: c, count });
}

/** Delete Sheet Columns. */
export function deleteColumns(
  wb: Workbook,
  sheetName: string | undefined,
  at: number | string,
  count = 1,
): void {
  const sheet = getSheet(wb, sheetName);
  const c = colArg(at);
  checkSpan('column', c, count, MAX_COLS);
  applyAxisEdit(wb, sheet, { sheet: sheet.name, axis: 'col', at: c, count: -count });
}
