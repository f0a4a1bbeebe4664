/** Merged cells: Merge & Center, Merge Across, Merge Cells, Unmerge. */
import { rectContainsRect, rectsIntersect, rectToA1, toA1, type Rect } from '../formula/address.ts';
import { recalcAfterEdit } from './calc.ts';
import { ExcelError } from './errors.ts';
import { applyStylePatch } from './styles.ts';
import type { Sheet, Workbook } from './types.ts';
import { cellsIn, ensureCell, getSheet, pruneCell, rangeRect } from './workbook.ts';

export function mergeRects(sheet: Sheet): Rect[] {
  return sheet.merges.map((m) => rangeRect(m));
}

/** The merged range containing a cell, if any. */
export function mergeContaining(sheet: Sheet, row: number, col: number): Rect | null {
  for (const m of sheet.merges) {
    const r = rangeRect(m);
    if (row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2) return r;
  }
  return null;
}

export interface MergeOptions {
  /** Merge & Center: also centre the text horizontally. */
  center?: boolean;
  /** Merge Across: merge each row of the range separately. */
  across?: boolean;
}

/**
 * Merges a range. Only the top-left value is kept (Excel warns about this; the discarded cells are
 * returned). Merged ranges wholly inside the new one are absorbed; a partial overlap is refused.
 */
export function mergeCells(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  opts: MergeOptions = {},
): string[] {
  const sheet = getSheet(wb, sheetName);
  const rect = rangeRect(range);
  const targets: Rect[] = opts.across
    ? Array.from({ length: rect.r2 - rect.r1 + 1 }, (_, i) => ({
        r1: rect.r1 + i,
        r2: rect.r1 + i,
        c1: rect.c1,
        c2: rect.c2,
      }))
    : [rect];
  if (targets.every((t) => t.r1 === t.r2 && t.c1 === t.c2)) {
    throw new ExcelError('BAD_ARGUMENT', `merging needs more than one cell; '${range}' is a single cell`);
  }
  for (const m of sheet.merges) {
    const mr = rangeRect(m);
    if (rectsIntersect(mr, rect) && !rectContainsRect(rect, mr)) {
      throw new ExcelError(
        'MERGE_CONFLICT',
        `cannot merge ${rectToA1(rect)}: it partly overlaps the merged range ${m}`,
      );
    }
  }
  if (sheet.autoFilter && rectsIntersect(rangeRect(sheet.autoFilter.range), rect) && rect.r1 !== rect.r2) {
    throw new ExcelError(
      'MERGE_CONFLICT',
      `cannot merge across rows inside the filtered range ${sheet.autoFilter.range}`,
    );
  }
  sheet.merges = sheet.merges.filter((m) => !rectContainsRect(rect, rangeRect(m)));
  const discarded: string[] = [];
  const changed: { sheet: string; row: number; col: number }[] = [];
  for (const t of targets) {
    if (t.r1 === t.r2 && t.c1 === t.c2) continue;
    for (const { addr, row, col, cell } of cellsIn(sheet, t)) {
      if (row === t.r1 && col === t.c1) continue;
      if (cell.value !== null || cell.formula !== undefined) {
        discarded.push(addr);
        changed.push({ sheet: sheet.name, row, col });
      }
      cell.value = null;
      delete cell.formula;
      pruneCell(sheet, addr);
    }
    sheet.merges.push(rectToA1(t));
    if (opts.center) {
      const anchor = ensureCell(sheet, t.r1, t.c1);
      anchor.style = applyStylePatch(anchor.style, { alignment: { horizontal: 'center' } });
    }
  }
  if (changed.length) recalcAfterEdit(wb, changed);
  return discarded;
}

/** Unmerges every merged range that intersects `range`. Returns the ranges unmerged. */
export function unmergeCells(wb: Workbook, sheetName: string | undefined, range: string): string[] {
  const sheet = getSheet(wb, sheetName);
  const rect = rangeRect(range);
  const removed = sheet.merges.filter((m) => rectsIntersect(rangeRect(m), rect));
  if (removed.length === 0) {
    throw new ExcelError('NOTHING_TO_DO', `there are no merged cells in ${rectToA1(rect)}`);
  }
  sheet.merges = sheet.merges.filter((m) => !removed.includes(m));
  return removed;
}

export function isMergeAnchor(sheet: Sheet, row: number, col: number): boolean {
  return sheet.merges.some((m) => {
    const r = rangeRect(m);
    return r.r1 === row && r.c1 === col;
  });
}

export { toA1 };
