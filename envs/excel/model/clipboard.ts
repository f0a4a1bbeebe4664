/**
 * Copy, cut and paste of cell ranges, Paste Special (values / formulas / formats), and Fill Down /
 * Fill Right. Copied formulas move their relative references with them; cut-and-paste moves the
 * cells and makes every reference to them follow, as Excel does.
 */
import { rectsIntersect, rectToA1, toA1, type Rect } from '../formula/address.ts';
import { copyFormula, moveFormulaRefs } from '../formula/references.ts';
import { recalcAfterEdit, recalculate } from './calc.ts';
import { ExcelError } from './errors.ts';
import { rewriteAllFormulas } from './rewrite.ts';
import type { Cell, Sheet, Workbook } from './types.ts';
import { getSheet, pruneCell, rangeRect, splitSheetRange } from './workbook.ts';

/** What a copy holds: the source cells relative to its top-left corner, and where they came from. */
export interface Clip {
  sheet: string;
  rect: Rect;
  cells: (Cell | null)[][];
  merges: Rect[];
  cut: boolean;
}

const MAX_CLIP_CELLS = 1_000_000;

function clipOf(wb: Workbook, sheetName: string | undefined, range: string, cut: boolean): Clip {
  const { sheet: sn, range: r } = splitSheetRange(range);
  const sheet = getSheet(wb, sn ?? sheetName);
  const rect = rangeRect(r);
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (rows * cols > MAX_CLIP_CELLS) {
    throw new ExcelError(
      'BAD_ARGUMENT',
      `copying ${rows * cols} cells is more than the simulator allows (${MAX_CLIP_CELLS})`,
    );
  }
  const cells: (Cell | null)[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: (Cell | null)[] = [];
    for (let j = 0; j < cols; j++) {
      const c = sheet.cells[toA1(rect.r1 + i, rect.c1 + j)];
      if (!c) row.push(null);
      else {
        const copy = structuredClone(c);
        // A copied spill child is a plain value, as Excel pastes it.
        delete copy.spilledFrom;
        row.push(copy);
      }
    }
    cells.push(row);
  }
  const merges = sheet.merges.map((m) => rangeRect(m)).filter((m) => rectsIntersect(m, rect));
  return { sheet: sheet.name, rect, cells, merges, cut };
}

/** Ctrl+C: the range as a clip to paste later. */
export function copyRange(wb: Workbook, sheetName: string | undefined, range: string): Clip {
  return clipOf(wb, sheetName, range, false);
}

/** Ctrl+X: like copy, but pasting moves the cells. */
export function cutRange(wb: Workbook, sheetName: string | undefined, range: string): Clip {
  return clipOf(wb, sheetName, range, true);
}

export type PasteMode = 'all' | 'values' | 'formulas' | 'formats';

/** The target block: a single cell takes the clip's size; a larger multiple tiles it, as Excel does. */
function targetRect(clip: Clip, dest: Rect): Rect {
  const rows = clip.rect.r2 - clip.rect.r1 + 1;
  const cols = clip.rect.c2 - clip.rect.c1 + 1;
  const dr = dest.r2 - dest.r1 + 1;
  const dc = dest.c2 - dest.c1 + 1;
  const tileR = dr % rows === 0 && !clip.cut ? dr : rows;
  const tileC = dc % cols === 0 && !clip.cut ? dc : cols;
  return { r1: dest.r1, c1: dest.c1, r2: dest.r1 + tileR - 1, c2: dest.c1 + tileC - 1 };
}

function checkMerges(sheet: Sheet, rect: Rect, ignore: Rect[] = []): void {
  for (const m of sheet.merges) {
    const mr = rangeRect(m);
    if (ignore.some((x) => x.r1 === mr.r1 && x.c1 === mr.c1 && x.r2 === mr.r2 && x.c2 === mr.c2)) continue;
    const inside = mr.r1 >= rect.r1 && mr.r2 <= rect.r2 && mr.c1 >= rect.c1 && mr.c2 <= rect.c2;
    if (rectsIntersect(mr, rect) && !inside) {
      throw new ExcelError('MERGE_CONFLICT', `cannot paste over part of the merged range ${m}`);
    }
  }
}

/**
 * Ctrl+V / Paste Special at `dest` (a cell or a range). Returns the range written. A cut clip moves
 * its cells (once), updating every reference to them.
 */
export function paste(
  wb: Workbook,
  sheetName: string | undefined,
  dest: string,
  clip: Clip,
  mode: PasteMode = 'all',
): string {
  const { sheet: sn, range: r } = splitSheetRange(dest);
  const sheet = getSheet(wb, sn ?? sheetName);
  const source = getSheet(wb, clip.sheet);
  const target = targetRect(clip, rangeRect(r));
  const rows = clip.rect.r2 - clip.rect.r1 + 1;
  const cols = clip.rect.c2 - clip.rect.c1 + 1;
  if (target.r2 > 1_048_576 || target.c2 > 16_384)
    throw new ExcelError('OUT_OF_SHEET', 'the paste area goes past the edge of the sheet');
  if (clip.cut) {
    if (mode !== 'all') throw new ExcelError('BAD_ARGUMENT', 'Paste Special is not available for cut cells');
    checkMerges(sheet, target, sheet === source ? clip.merges : []);
    return moveCells(wb, source, clip, sheet, target);
  }
  checkMerges(sheet, target);
  const changed: { sheet: string; row: number; col: number }[] = [];
  for (let r0 = target.r1; r0 <= target.r2; r0 += rows) {
    for (let c0 = target.c1; c0 <= target.c2; c0 += cols) {
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const row = r0 + i;
          const col = c0 + j;
          const addr = toA1(row, col);
          const src = clip.cells[i]![j]!;
          const cur = sheet.cells[addr];
          const next: Cell = { value: cur?.value ?? null };
          if (cur?.formula !== undefined) next.formula = cur.formula;
          if (cur?.style) next.style = cur.style;
          if (mode !== 'formats') {
            delete next.formula;
            next.value = src?.value ?? null;
            if (src?.formula !== undefined) {
              const body = copyFormula(
                src.formula.slice(1),
                clip.sheet,
                row - (clip.rect.r1 + i),
                col - (clip.rect.c1 + j),
              );
              if (mode === 'values') next.value = src.value;
              else next.formula = `=${body}`;
            }
          }
          if (mode === 'all' || mode === 'formats') {
            if (src?.style) next.style = structuredClone(src.style);
            else delete next.style;
          }
          sheet.cells[addr] = next;
          pruneCell(sheet, addr);
          changed.push({ sheet: sheet.name, row, col });
        }
      }
      if (mode === 'all' || mode === 'formats') {
        for (const m of clip.merges) {
          const moved = {
            r1: m.r1 - clip.rect.r1 + r0,
            c1: m.c1 - clip.rect.c1 + c0,
            r2: m.r2 - clip.rect.r1 + r0,
            c2: m.c2 - clip.rect.c1 + c0,
          };
          const a1 = rectToA1(moved);
          if (!sheet.merges.includes(a1)) sheet.merges.push(a1);
        }
      }
    }
  }
  recalcAfterEdit(wb, changed);
  return rectToA1(target);
}

function moveCells(wb: Workbook, source: Sheet, clip: Clip, dest: Sheet, target: Rect): string {
  const dRow = target.r1 - clip.rect.r1;
  const dCol = target.c1 - clip.rect.c1;
  const move = { fromSheet: source.name, rect: clip.rect, toSheet: dest.name, dRow, dCol };
  // References elsewhere that point into the moved block follow it.
  rewriteAllFormulas(wb, (body, fs) => moveFormulaRefs(body, fs, move));
  const lifted: { i: number; j: number; cell: Cell }[] = [];
  for (let i = 0; i <= clip.rect.r2 - clip.rect.r1; i++) {
    for (let j = 0; j <= clip.rect.c2 - clip.rect.c1; j++) {
      const addr = toA1(clip.rect.r1 + i, clip.rect.c1 + j);
      const cell = source.cells[addr];
      delete source.cells[addr];
      if (cell) lifted.push({ i, j, cell });
    }
  }
  for (let r = target.r1; r <= target.r2; r++)
    for (let c = target.c1; c <= target.c2; c++) delete dest.cells[toA1(r, c)];
  for (const { i, j, cell } of lifted) {
    if (cell.formula !== undefined && source !== dest) {
      cell.formula = `=${moveFormulaRefs(cell.formula.slice(1), dest.name, { ...move, dRow: 0, dCol: 0 }, source.name)}`;
    }
    delete cell.spilledFrom;
    dest.cells[toA1(target.r1 + i, target.c1 + j)] = cell;
  }
  const movedMerges = clip.merges.filter(
    (m) => m.r1 >= clip.rect.r1 && m.r2 <= clip.rect.r2 && m.c1 >= clip.rect.c1 && m.c2 <= clip.rect.c2,
  );
  const gone = new Set(movedMerges.map(rectToA1));
  source.merges = source.merges.filter((m) => !gone.has(rectToA1(rangeRect(m))));
  for (const m of movedMerges)
    dest.merges.push(rectToA1({ r1: m.r1 + dRow, c1: m.c1 + dCol, r2: m.r2 + dRow, c2: m.c2 + dCol }));
  recalculate(wb);
  return rectToA1(target);
}

/** Ctrl+D: copies the top row of the range into the rows below it. */
export function fillDown(wb: Workbook, sheetName: string | undefined, range: string): void {
  const sheet = getSheet(wb, sheetName);
  const rect = rangeRect(range);
  if (rect.r2 === rect.r1) {
    if (rect.r1 === 1)
      throw new ExcelError('NOTHING_TO_DO', 'fill down needs a row above or a range of several rows');
    rect.r1 -= 1;
  }
  const clip = copyRange(wb, sheet.name, rectToA1({ ...rect, r2: rect.r1 }));
  paste(wb, sheet.name, rectToA1({ ...rect, r1: rect.r1 + 1 }), clip);
}

/** Ctrl+R: copies the left column of the range into the columns right of it. */
export function fillRight(wb: Workbook, sheetName: string | undefined, range: string): void {
  const sheet = getSheet(wb, sheetName);
  const rect = rangeRect(range);
  if (rect.c2 === rect.c1) {
    if (rect.c1 === 1)
      throw new ExcelError(
        'NOTHING_TO_DO',
        'fill right needs a column to the left or a range of several columns',
      );
    rect.c1 -= 1;
  }
  const clip = copyRange(wb, sheet.name, rectToA1({ ...rect, c2: rect.c1 }));
  paste(wb, sheet.name, rectToA1({ ...rect, c1: rect.c1 + 1 }), clip);
}
