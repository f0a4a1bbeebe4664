/**
 * A1-style addresses. Rows and columns are 1-based everywhere in lamgym's Excel model, as Excel shows them.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface CellPos {
  row: number;
  col: number;
}

/** A rectangle of cells, 1-based and inclusive, normalised so r1 <= r2 and c1 <= c2. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const colCache: string[] = [];

export function colToLetters(col: number): string {
  const cached = colCache[col];
  if (cached !== undefined) return cached;
  if (!Number.isInteger(col) || col < 1 || col > MAX_COLS) {
    throw new RangeError(`column number ${col} is outside 1..${MAX_COLS}`);
  }
  let n = col;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  colCache[col] = s;
  return s;
}

/** Column letters to number; returns NaN for anything that is not 1-3 letters within XFD. */
export function lettersToCol(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return NaN;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLS ? n : NaN;
}

export function toA1(row: number, col: number): string {
  return `${colToLetters(col)}${row}`;
}

const addrCache = new Map<string, CellPos | null>();

/** Parses "B3" or "$B$3" (case-insensitive); returns null when it is not a valid cell address. */
export function parseA1(addr: string): CellPos | null {
  const hit = addrCache.get(addr);
  if (hit !== undefined) return hit;
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(addr);
  let pos: CellPos | null = null;
  if (m) {
    const col = lettersToCol(m[1]!);
    const row = Number(m[2]);
    if (!Number.isNaN(col) && row <= MAX_ROWS) pos = { row, col };
  }
  if (addrCache.size > 200_000) addrCache.clear();
  addrCache.set(addr, pos);
  return pos;
}

/**
 * Parses "A1", "A1:C3", "A:C" (whole columns) or "2:5" (whole rows) into a normalised rectangle;
 * returns null when the text is not a range.
 */
export function parseRect(text: string): Rect | null {
  const parts = text.split(':');
  if (parts.length === 1) {
    const p = parseA1(parts[0]!);
    return p ? { r1: p.row, c1: p.col, r2: p.row, c2: p.col } : null;
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  const pa = parseA1(a);
  const pb = parseA1(b);
  if (pa && pb) return normRect(pa.row, pa.col, pb.row, pb.col);
  const ca = lettersToCol(a.replace(/\$/g, ''));
  const cb = lettersToCol(b.replace(/\$/g, ''));
  if (!Number.isNaN(ca) && !Number.isNaN(cb)) return normRect(1, ca, MAX_ROWS, cb);
  const ra = /^\$?([1-9][0-9]*)$/.exec(a);
  const rb = /^\$?([1-9][0-9]*)$/.exec(b);
  if (ra && rb) {
    const x = Number(ra[1]);
    const y = Number(rb[1]);
    if (x <= MAX_ROWS && y <= MAX_ROWS) return normRect(x, 1, y, MAX_COLS);
  }
  return null;
}

export function normRect(r1: number, c1: number, r2: number, c2: number): Rect {
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/** "A1" for a single cell, "A1:C3" otherwise; whole rows/columns print as "2:5" / "A:C". */
export function rectToA1(r: Rect): string {
  if (r.r1 === 1 && r.r2 === MAX_ROWS && !(r.c1 === 1 && r.c2 === MAX_COLS)) {
    return `${colToLetters(r.c1)}:${colToLetters(r.c2)}`;
  }
  if (r.c1 === 1 && r.c2 === MAX_COLS && !(r.r1 === 1 && r.r2 === MAX_ROWS)) return `${r.r1}:${r.r2}`;
  const a = toA1(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${toA1(r.r2, r.c2)}`;
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function rectIntersection(a: Rect, b: Rect): Rect | null {
  if (!rectsIntersect(a, b)) return null;
  return {
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
    r2: Math.min(a.r2, b.r2),
    c2: Math.min(a.c2, b.c2),
  };
}

export function rectContainsRect(outer: Rect, inner: Rect): boolean {
  return inner.r1 >= outer.r1 && inner.r2 <= outer.r2 && inner.c1 >= outer.c1 && inner.c2 <= outer.c2;
}

export function rectSize(r: Rect): { rows: number; cols: number } {
  return { rows: r.r2 - r.r1 + 1, cols: r.c2 - r.c1 + 1 };
}

/** Sheet names need quotes in a formula unless they are a plain identifier that cannot be read as a reference. */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name);
  const looksLikeRef =
    /^[A-Za-z]{1,3}[0-9]+$/.test(name) ||
    /^R([0-9]+)?(C([0-9]+)?)?$/i.test(name) ||
    /^C[0-9]*$/i.test(name) ||
    /^(TRUE|FALSE)$/i.test(name);
  if (plain && !looksLikeRef) return name;
  return `'${name.replace(/'/g, "''")}'`;
}
