/**
 * Insert and Delete of cells (Home > Insert > Insert Cells..., a cell's right-click Insert... / Delete...): the
 * cells of a range make room by shifting the cells below down (or those to the right, right), or are removed and
 * the cells below shift up (or left). Only the band of columns (or rows) the range spans moves, so references
 * follow only when they lie wholly in that band, as Excel adjusts them; everything else stays put.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  parseA1,
  rectIntersection,
  rectToA1,
  toA1,
  type Rect,
} from '../formula/address.ts';
import { rewriteRefs, sameSheet, shiftInterval, type AxisEdit } from '../formula/references.ts';
import { recalculate } from './calc.ts';
import { ExcelError } from './errors.ts';
import { rectsToSqref, sqrefRects, subtractRect } from './ranges.ts';
import { rewriteAllFormulas } from './rewrite.ts';
import { shiftRect } from './structure.ts';
import type { Cell, Sheet, Workbook } from './types.ts';
import { getSheet, rangeRect } from './workbook.ts';

/** Which way the neighbours move: Insert shifts cells right or down, Delete shifts them left or up. */
export type InsertShift = 'right' | 'down';
export type DeleteShift = 'left' | 'up';

/** An axis edit confined to a band: rows `b1..b2` for a column edit, columns `b1..b2` for a row edit. */
interface BandEdit extends AxisEdit {
  b1: number;
  b2: number;
}

/** The strip of the sheet a band edit moves cells in (the band across the whole other axis). */
function bandStrip(edit: BandEdit): Rect {
  return edit.axis === 'row'
    ? { r1: 1, r2: MAX_ROWS, c1: edit.b1, c2: edit.b2 }
    : { r1: edit.b1, r2: edit.b2, c1: 1, c2: MAX_COLS };
}

/** Whether a rectangle lies wholly inside the band (so it moves with the cells). */
function inBand(r: Rect, edit: BandEdit): boolean {
  return edit.axis === 'row' ? r.c1 >= edit.b1 && r.c2 <= edit.b2 : r.r1 >= edit.b1 && r.r2 <= edit.b2;
}

/** The part of the band from the edit on: the cells that move or go. */
function affected(edit: BandEdit): Rect {
  return edit.axis === 'row'
    ? { r1: edit.at, r2: MAX_ROWS, c1: edit.b1, c2: edit.b2 }
    : { r1: edit.b1, r2: edit.b2, c1: edit.at, c2: MAX_COLS };
}

/** Rectangles (of a validation or a conditional format): the parts in the band move, the rest stay. */
function shiftRects(rects: readonly Rect[], edit: BandEdit): Rect[] {
  const strip = bandStrip(edit);
  const out: Rect[] = [];
  for (const r of rects) {
    const inside = rectIntersection(r, strip);
    if (inside === null) {
      out.push(r);
      continue;
    }
    out.push(...subtractRect(r, strip));
    const moved = shiftRect(inside, edit);
    if (moved !== null) out.push(moved);
  }
  return out;
}

function shiftSqref(sqref: string, edit: BandEdit): string | null {
  const rects = shiftRects(sqrefRects(sqref), edit);
  return rects.length > 0 ? rectsToSqref(rects) : null;
}

/** Excel's refusals: a merged range or a table cut by the band's edge cannot shift. */
function checkShiftable(sheet: Sheet, edit: BandEdit): void {
  const zone = affected(edit);
  for (const m of sheet.merges) {
    const r = rangeRect(m);
    if (rectIntersection(r, zone) !== null && !inBand(r, edit))
      throw new ExcelError('MERGE_CONFLICT', 'We can\u2019t do that to a merged cell.');
  }
  for (const t of sheet.tables ?? []) {
    if (rectIntersection(rangeRect(t.range), zone) !== null)
      throw new ExcelError(
        'BAD_ARGUMENT',
        'This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.',
      );
  }
}

function applyBandEdit(wb: Workbook, sheet: Sheet, edit: BandEdit): void {
  const row = edit.axis === 'row';
  const max = row ? MAX_ROWS : MAX_COLS;
  checkShiftable(sheet, edit);
  const along = (p: { row: number; col: number }) => (row ? p.row : p.col);
  const across = (p: { row: number; col: number }) => (row ? p.col : p.row);
  const moving = (p: { row: number; col: number }) =>
    across(p) >= edit.b1 && across(p) <= edit.b2 && along(p) >= edit.at;
  if (edit.count > 0) {
    for (const addr of Object.keys(sheet.cells)) {
      const p = parseA1(addr)!;
      if (moving(p) && along(p) + edit.count > max)
        throw new ExcelError(
          'OUT_OF_SHEET',
          'To prevent possible loss of data, Excel cannot shift nonblank cells off of the worksheet.',
        );
    }
  }
  rewriteAllFormulas(wb, (body, fs) =>
    rewriteRefs(body, fs, (ref, eff) => {
      if (!sameSheet(eff, sheet.name)) return undefined;
      if (ref.kind !== 'cell' && ref.kind !== 'area') return undefined;
      if (!inBand(ref, edit)) return undefined;
      const lo = row ? ref.r1 : ref.c1;
      const hi = row ? ref.r2 : ref.c2;
      const s = shiftInterval(lo, hi, edit, max);
      if (s === null) return 'REF';
      if (s[0] === lo && s[1] === hi) return undefined;
      return row ? { ...ref, r1: s[0], r2: s[1] } : { ...ref, c1: s[0], c2: s[1] };
    }),
  );
  const cells: Record<string, Cell> = {};
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    const p = parseA1(addr)!;
    if (!moving(p)) {
      cells[addr] = cell;
      continue;
    }
    const s = shiftInterval(along(p), along(p), edit, max);
    if (s !== null) cells[row ? toA1(s[0], p.col) : toA1(p.row, s[0])] = cell;
  }
  sheet.cells = cells;
  // Inserted cells take the format of the cells above (or to the left), as Excel's default Insert Options do.
  if (edit.count > 0 && edit.at > 1) {
    for (let b = edit.b1; b <= edit.b2; b++) {
      const source = sheet.cells[row ? toA1(edit.at - 1, b) : toA1(b, edit.at - 1)];
      if (source?.style === undefined) continue;
      for (let i = 0; i < edit.count; i++) {
        const key = row ? toA1(edit.at + i, b) : toA1(b, edit.at + i);
        sheet.cells[key] = { value: null, style: structuredClone(source.style) };
      }
    }
  }
  sheet.merges = sheet.merges.flatMap((m) => {
    const r = rangeRect(m);
    if (!inBand(r, edit)) return [m];
    const moved = shiftRect(r, edit);
    return moved === null || (moved.r1 === moved.r2 && moved.c1 === moved.c2) ? [] : [rectToA1(moved)];
  });
  sheet.validations = sheet.validations.flatMap((v) => {
    const ranges = shiftSqref(v.ranges, edit);
    return ranges === null ? [] : [{ ...v, ranges }];
  });
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => {
    const ranges = shiftSqref(cf.ranges, edit);
    return ranges === null ? [] : [{ ...cf, ranges }];
  });
  if (sheet.autoFilter !== null && inBand(rangeRect(sheet.autoFilter.range), edit)) {
    const r = shiftRect(rangeRect(sheet.autoFilter.range), edit);
    if (r === null) sheet.autoFilter = null;
    else sheet.autoFilter.range = rectToA1(r);
  }
  recalculate(wb);
}

function bandEdit(sheet: Sheet, range: string, axis: 'row' | 'col', sign: 1 | -1): BandEdit {
  const r = rangeRect(range);
  return axis === 'row'
    ? { sheet: sheet.name, axis, at: r.r1, count: sign * (r.r2 - r.r1 + 1), b1: r.c1, b2: r.c2 }
    : { sheet: sheet.name, axis, at: r.c1, count: sign * (r.c2 - r.c1 + 1), b1: r.r1, b2: r.r2 };
}

/** Insert Cells: blank cells where `range` is, its cells and those below (or to its right) moving away. */
export function insertCells(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  shift: InsertShift,
): void {
  const sheet = getSheet(wb, sheetName);
  applyBandEdit(wb, sheet, bandEdit(sheet, range, shift === 'down' ? 'row' : 'col', 1));
}

/** Delete Cells: the cells of `range` go, and the cells below (or to its right) move into their place. */
export function deleteCells(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  shift: DeleteShift,
): void {
  const sheet = getSheet(wb, sheetName);
  applyBandEdit(wb, sheet, bandEdit(sheet, range, shift === 'up' ? 'row' : 'col', -1));
}
