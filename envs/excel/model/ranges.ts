/** Lists of ranges as Excel stores them for validation and conditional formats ("A1:A9 C1:C9"). */
import { rectContains, rectIntersection, rectToA1, type Rect } from '../formula/address.ts';
import { rangeRect } from './workbook.ts';

export function sqrefRects(sqref: string): Rect[] {
  return sqref
    .split(/[\s,]+/)
    .filter((s) => s !== '')
    .map((s) => rangeRect(s));
}

export function rectsToSqref(rects: Rect[]): string {
  return rects.map(rectToA1).join(' ');
}

export function sqrefContains(sqref: string, row: number, col: number): boolean {
  return sqrefRects(sqref).some((r) => rectContains(r, row, col));
}

/** The parts of `a` outside `b` (up to four rectangles). */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const i = rectIntersection(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (i.r1 > a.r1) out.push({ r1: a.r1, c1: a.c1, r2: i.r1 - 1, c2: a.c2 });
  if (i.r2 < a.r2) out.push({ r1: i.r2 + 1, c1: a.c1, r2: a.r2, c2: a.c2 });
  if (i.c1 > a.c1) out.push({ r1: i.r1, c1: a.c1, r2: i.r2, c2: i.c1 - 1 });
  if (i.c2 < a.c2) out.push({ r1: i.r1, c1: i.c2 + 1, r2: i.r2, c2: a.c2 });
  return out;
}

/** Top-left cell of the first range: the origin relative formulas in rules are written for. */
export function sqrefOrigin(sqref: string): { row: number; col: number } {
  const rs = sqrefRects(sqref);
  let row = Infinity;
  let col = Infinity;
  for (const r of rs) {
    row = Math.min(row, r.r1);
    col = Math.min(col, r.c1);
  }
  return { row, col };
}
