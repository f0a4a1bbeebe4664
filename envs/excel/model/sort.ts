/** Data > Sort: ordering the rows of a range by one or more columns, with Excel's ordering rules. */
import { colToLetters, rectsIntersect, rectToA1, toA1, type Rect } from '../formula/address.ts';
import { compareText } from '../formula/coerce.ts';
import { copyFormula } from '../formula/references.ts';
import { isError } from '../formula/values.ts';
import { recalculate } from './calc.ts';
import { ExcelError } from './errors.ts';
import type { Cell, CellValue, Sheet, Workbook } from './types.ts';
import { colFromKey, getSheet, isEmptyCell, rangeRect } from './workbook.ts';

export interface SortKey {
  /** Column of the sheet ("C" or 3), which must lie inside the range. */
  column: string | number;
  descending?: boolean;
}

export interface SortOptions {
  /** Whether the first row is a header that stays put; 'auto' guesses as Excel does. Default 'auto'. */
  header?: boolean | 'auto';
  /** Case-sensitive text comparison (Sort > Options). */
  caseSensitive?: boolean;
}

/** Excel's ascending order of types: numbers < text < logicals < errors; blanks always sort last. */
function typeRank(v: CellValue): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  if (isError(v)) return 3;
  return 4;
}

export function compareForSort(a: CellValue, b: CellValue, caseSensitive = false): number {
  const ta = typeRank(a);
  const tb = typeRank(b);
  if (ta !== tb) return ta - tb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    const c = compareText(a, b);
    if (c !== 0 || !caseSensitive) return c;
    // Excel puts lower case before upper case when case matters.
    return a === b ? 0 : a.toLowerCase() === a ? -1 : 1;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

function colNumber(c: string | number): number {
  const n = typeof c === 'number' ? c : colFromKey(c.trim().toUpperCase());
  if (!Number.isInteger(n) || n < 1) throw new ExcelError('BAD_ADDRESS', `'${String(c)}' is not a column`);
  return n;
}

/**
 * Excel's header guess: the first row is a header when it is all text while the row below holds
 * something that is not text in at least one key column.
 */
export function looksLikeHeader(sheet: Sheet, rect: Rect): boolean {
  if (rect.r2 <= rect.r1) return false;
  let allText = true;
  let differs = false;
  for (let c = rect.c1; c <= rect.c2; c++) {
    const h = sheet.cells[toA1(rect.r1, c)];
    const d = sheet.cells[toA1(rect.r1 + 1, c)];
    if (h && !isEmptyCell(h) && typeof h.value !== 'string') allText = false;
    if (d && typeof d.value !== 'string' && d.value !== null) differs = true;
    if (h?.style?.font?.bold && !d?.style?.font?.bold) differs = true;
  }
  return allText && differs;
}

/**
 * Sorts the rows of `range` by `keys` (the first key first). Whole cells move: values, formulas (whose
 * relative references move with them) and formatting. Returns the data range that was sorted.
 */
export function sortRange(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  keys: SortKey[],
  opts: SortOptions = {},
): string {
  const sheet = getSheet(wb, sheetName);
  const rect = rangeRect(range);
  if (!Array.isArray(keys) || keys.length === 0)
    throw new ExcelError('BAD_ARGUMENT', 'sort needs at least one key column');
  if (keys.length > 64) throw new ExcelError('BAD_ARGUMENT', 'Excel allows at most 64 sort levels');
  const cols = keys.map((k) => {
    const c = colNumber(k.column);
    if (c < rect.c1 || c > rect.c2) {
      throw new ExcelError(
        'BAD_ARGUMENT',
        `sort column ${colToLetters(c)} is outside the range ${rectToA1(rect)}`,
      );
    }
    return { c, desc: k.descending === true };
  });
  for (const m of sheet.merges) {
    if (rectsIntersect(rangeRect(m), rect)) {
      throw new ExcelError(
        'MERGE_CONFLICT',
        `to sort, all merged cells need to be the same size; ${m} is merged inside ${rectToA1(rect)}`,
      );
    }
  }
  const header =
    opts.header === undefined || opts.header === 'auto' ? looksLikeHeader(sheet, rect) : opts.header;
  const first = header ? rect.r1 + 1 : rect.r1;
  if (first > rect.r2) return rectToA1(rect);
  const rows: { from: number; cells: (Cell | undefined)[] }[] = [];
  for (let r = first; r <= rect.r2; r++) {
    const cells: (Cell | undefined)[] = [];
    for (let c = rect.c1; c <= rect.c2; c++) cells.push(sheet.cells[toA1(r, c)]);
    rows.push({ from: r, cells });
  }
  rows.sort((a, b) => {
    for (const k of cols) {
      const va = a.cells[k.c - rect.c1]?.value ?? null;
      const vb = b.cells[k.c - rect.c1]?.value ?? null;
      if (va === null || vb === null) {
        if (va === null && vb === null) continue;
        return va === null ? 1 : -1;
      }
      const d = compareForSort(va, vb, opts.caseSensitive);
      if (d !== 0) return k.desc ? -d : d;
    }
    return a.from - b.from;
  });
  rows.forEach((row, i) => {
    const to = first + i;
    row.cells.forEach((cell, j) => {
      const addr = toA1(to, rect.c1 + j);
      if (!cell) {
        delete sheet.cells[addr];
        return;
      }
      const moved = structuredClone(cell);
      if (moved.formula !== undefined && to !== row.from) {
        moved.formula = `=${copyFormula(moved.formula.slice(1), sheet.name, to - row.from, 0)}`;
      }
      sheet.cells[addr] = moved;
    });
  });
  recalculate(wb);
  return rectToA1({ ...rect, r1: first });
}

/**
 * The current region around a cell (Ctrl+*): the block of non-empty cells connected to it, which is
 * what Sort and Filter use when a single cell is selected.
 */
export function currentRegion(sheet: Sheet, row: number, col: number): Rect {
  const filled = (r: number, c: number) => r >= 1 && c >= 1 && !isEmptyCell(sheet.cells[toA1(r, c)]);
  let rect: Rect = { r1: row, c1: col, r2: row, c2: col };
  for (let guard = 0; guard < 10_000; guard++) {
    const { r1, c1, r2, c2 } = rect;
    const rowHas = (r: number) => {
      for (let c = c1 - 1; c <= c2 + 1; c++) if (filled(r, c)) return true;
      return false;
    };
    const colHas = (c: number) => {
      for (let r = r1 - 1; r <= r2 + 1; r++) if (filled(r, c)) return true;
      return false;
    };
    const next = { ...rect };
    if (r1 > 1 && rowHas(r1 - 1)) next.r1 = r1 - 1;
    if (rowHas(r2 + 1)) next.r2 = r2 + 1;
    if (c1 > 1 && colHas(c1 - 1)) next.c1 = c1 - 1;
    if (colHas(c2 + 1)) next.c2 = c2 + 1;
    const grown = next.r1 !== r1 || next.r2 !== r2 || next.c1 !== c1 || next.c2 !== c2;
    rect = next;
    if (!grown) break;
  }
  return rect;
}
