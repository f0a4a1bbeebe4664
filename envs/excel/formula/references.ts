/**
 * Rewriting the references inside formula text, as Excel does when rows/columns are inserted or
 * deleted, sheets are renamed or deleted, cells are copied (relative parts move) or cut (references to
 * the moved cells follow them). Only reference tokens change; spacing and everything else is kept.
 */
import { colToLetters, MAX_COLS, MAX_ROWS, quoteSheetName, type Rect } from './address.ts';
import { tokenize, type RefSpec } from './tokenizer.ts';

/** What a mapper returns: a new reference, 'REF' for #REF!, or undefined for "unchanged". */
export type RefMapResult = RefSpec | 'REF' | undefined;
export type RefMapper = (ref: RefSpec, effectiveSheet: string) => RefMapResult;

export function formatRef(ref: RefSpec): string {
  const prefix = ref.sheet !== undefined ? `${quoteSheetName(ref.sheet)}!` : '';
  const col = (c: number, abs: boolean) => `${abs ? '$' : ''}${colToLetters(c)}`;
  const row = (r: number, abs: boolean) => `${abs ? '$' : ''}${r}`;
  switch (ref.kind) {
    case 'error':
      return `${prefix}#REF!`;
    case 'cell':
      return `${prefix}${col(ref.c1, ref.c1Abs)}${row(ref.r1, ref.r1Abs)}`;
    case 'area':
      return `${prefix}${col(ref.c1, ref.c1Abs)}${row(ref.r1, ref.r1Abs)}:${col(ref.c2, ref.c2Abs)}${row(ref.r2, ref.r2Abs)}`;
    case 'cols':
      return `${prefix}${col(ref.c1, ref.c1Abs)}:${col(ref.c2, ref.c2Abs)}`;
    case 'rows':
      return `${prefix}${row(ref.r1, ref.r1Abs)}:${row(ref.r2, ref.r2Abs)}`;
  }
}

/** Applies `mapper` to every reference in formula text (without '='); returns the new text. */
export function rewriteRefs(body: string, formulaSheet: string, mapper: RefMapper): string {
  let tokens;
  try {
    tokens = tokenize(body);
  } catch {
    return body;
  }
  let out = '';
  let last = 0;
  for (const t of tokens) {
    if (t.type !== 'ref' || !t.ref || t.ref.kind === 'error') continue;
    const res = mapper(t.ref, t.ref.sheet ?? formulaSheet);
    if (res === undefined) continue;
    out += body.slice(last, t.start);
    out += res === 'REF' ? formatRef({ ...t.ref, kind: 'error' }) : formatRef(res);
    last = t.end;
  }
  return last === 0 ? body : out + body.slice(last);
}

/** Sheet names compare case-insensitively in Excel. */
export function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export interface AxisEdit {
  sheet: string;
  axis: 'row' | 'col';
  /** First row/column index affected (1-based). */
  at: number;
  /** Positive: that many rows/columns inserted before `at`. Negative: -count deleted starting at `at`. */
  count: number;
}

/** Maps one endpoint interval [lo, hi] along an axis through an insert/delete; null if entirely deleted. */
export function shiftInterval(lo: number, hi: number, edit: AxisEdit, max: number): [number, number] | null {
  if (edit.count > 0) {
    const n = edit.count;
    const nlo = lo >= edit.at ? lo + n : lo;
    const nhi = hi >= edit.at ? hi + n : hi;
    if (nlo > max) return null;
    return [nlo, Math.min(nhi, max)];
  }
  const n = -edit.count;
  const d1 = edit.at;
  const d2 = edit.at + n - 1;
  if (lo >= d1 && hi <= d2) return null;
  const nlo = lo < d1 ? lo : lo > d2 ? lo - n : d1;
  const nhi = hi < d1 ? hi : hi > d2 ? hi - n : d1 - 1;
  return [nlo, nhi];
}

/** The Excel adjustment of one reference for inserted/deleted rows or columns. */
export function mapRefForAxisEdit(ref: RefSpec, effectiveSheet: string, edit: AxisEdit): RefMapResult {
  if (!sameSheet(effectiveSheet, edit.sheet)) return undefined;
  if (edit.axis === 'row') {
    if (ref.kind === 'cols') return undefined;
    const res = shiftInterval(ref.r1, ref.r2, edit, MAX_ROWS);
    if (!res) return 'REF';
    if (res[0] === ref.r1 && res[1] === ref.r2) return undefined;
    return { ...ref, r1: res[0], r2: res[1] };
  }
  if (ref.kind === 'rows') return undefined;
  const res = shiftInterval(ref.c1, ref.c2, edit, MAX_COLS);
  if (!res) return 'REF';
  if (res[0] === ref.c1 && res[1] === ref.c2) return undefined;
  return { ...ref, c1: res[0], c2: res[1] };
}

/** Relative parts move by (dRow, dCol), as when a formula is copied; #REF! if they leave the sheet. */
export function mapRefForCopy(ref: RefSpec, dRow: number, dCol: number): RefMapResult {
  if (dRow === 0 && dCol === 0) return undefined;
  const out = { ...ref };
  if (ref.kind !== 'cols') {
    if (!ref.r1Abs) out.r1 += dRow;
    if (!ref.r2Abs) out.r2 += dRow;
  }
  if (ref.kind !== 'rows') {
    if (!ref.c1Abs) out.c1 += dCol;
    if (!ref.c2Abs) out.c2 += dCol;
  }
  if (ref.kind === 'cell') {
    out.r2 = out.r1;
    out.c2 = out.c1;
  }
  if (out.r1 < 1 || out.r2 < 1 || out.c1 < 1 || out.c2 < 1) return 'REF';
  if (out.r1 > MAX_ROWS || out.r2 > MAX_ROWS || out.c1 > MAX_COLS || out.c2 > MAX_COLS) return 'REF';
  if (ref.kind === 'area') {
    // Mixed absolute/relative corners can cross; Excel keeps the corners as written but reads the rectangle.
    return out;
  }
  return out;
}

export function copyFormula(body: string, formulaSheet: string, dRow: number, dCol: number): string {
  return rewriteRefs(body, formulaSheet, (ref) => mapRefForCopy(ref, dRow, dCol));
}

export function adjustFormulaForAxisEdit(body: string, formulaSheet: string, edit: AxisEdit): string {
  return rewriteRefs(body, formulaSheet, (ref, eff) => mapRefForAxisEdit(ref, eff, edit));
}

export function renameSheetInFormula(
  body: string,
  formulaSheet: string,
  oldName: string,
  newName: string,
): string {
  return rewriteRefs(body, formulaSheet, (ref) =>
    ref.sheet !== undefined && sameSheet(ref.sheet, oldName) ? { ...ref, sheet: newName } : undefined,
  );
}

export function deleteSheetInFormula(body: string, formulaSheet: string, deleted: string): string {
  // Excel writes =#REF!A1; our grammar has no such token, so the whole reference becomes #REF!.
  return rewriteRefs(body, formulaSheet, (ref) => {
    if (ref.sheet === undefined || !sameSheet(ref.sheet, deleted)) return undefined;
    const { sheet: _gone, ...rest } = ref;
    return { ...rest, kind: 'error' };
  });
}

export interface MoveEdit {
  fromSheet: string;
  rect: Rect;
  toSheet: string;
  dRow: number;
  dCol: number;
}

/**
 * Cut and paste: references that lie wholly inside the moved block follow it (absolute or not).
 * `formulaSheet` is where the formula lives after the move; `qualifyFor`, when set, is the sheet the
 * formula came from, so its unqualified references to cells that did not move stay on that sheet.
 */
export function moveFormulaRefs(
  body: string,
  formulaSheet: string,
  move: MoveEdit,
  qualifyFor?: string,
): string {
  return rewriteRefs(body, qualifyFor ?? formulaSheet, (ref, eff) => {
    const inside =
      sameSheet(eff, move.fromSheet) &&
      ref.kind !== 'error' &&
      ref.r1 >= move.rect.r1 &&
      ref.r2 <= move.rect.r2 &&
      ref.c1 >= move.rect.c1 &&
      ref.c2 <= move.rect.c2;
    if (inside) {
      const moved: RefSpec = {
        ...ref,
        r1: ref.r1 + move.dRow,
        r2: ref.r2 + move.dRow,
        c1: ref.c1 + move.dCol,
        c2: ref.c2 + move.dCol,
      };
      if (moved.r1 < 1 || moved.c1 < 1 || moved.r2 > MAX_ROWS || moved.c2 > MAX_COLS) return 'REF';
      if (!sameSheet(move.toSheet, formulaSheet)) moved.sheet = move.toSheet;
      else if (ref.sheet === undefined) delete moved.sheet;
      return moved;
    }
    if (qualifyFor !== undefined && ref.sheet === undefined && !sameSheet(qualifyFor, formulaSheet)) {
      return { ...ref, sheet: qualifyFor };
    }
    return undefined;
  });
}

/** Every reference in a formula with the sheet it points at (for dependency and sheet-usage checks). */
export function listRefs(body: string, formulaSheet: string): { ref: RefSpec; sheet: string }[] {
  const out: { ref: RefSpec; sheet: string }[] = [];
  rewriteRefs(body, formulaSheet, (ref, eff) => {
    out.push({ ref, sheet: eff });
    return undefined;
  });
  return out;
}
