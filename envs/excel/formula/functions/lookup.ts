/** Lookup and reference functions. */
import { compareScalars, compareText, round15, toBoolean } from '../coerce.ts';
import { hasWildcards, wildcardToRegExp } from '../criteria.ts';
import { evaluate } from '../evaluator.ts';
import { gridToArray, toGrid, toScalar, type EvalContext, type Grid } from '../grid.ts';
import { colToLetters, MAX_COLS, MAX_ROWS, quoteSheetName } from '../address.ts';
import { parseFormulaCached } from '../parser.ts';
import {
  ERR,
  fail,
  isError,
  isRef,
  type ArrayValue,
  type Operand,
  type RangeRef,
  type Scalar,
} from '../values.ts';
import { bool, int, optBool, optNum, str } from './helpers.ts';
import type { FnDef } from './registry.ts';

/** Exact-match equality of lookups: same type, text case-insensitive (with wildcards where allowed). */
function lookupEquals(x: Scalar, v: Scalar, wildcards: boolean): boolean {
  if (typeof x === 'string' && typeof v === 'string') {
    if (wildcards && hasWildcards(x)) return wildcardToRegExp(x).test(v);
    return compareText(x, v) === 0;
  }
  if (typeof x === 'number' && typeof v === 'number') return round15(x) === round15(v);
  if (typeof x === 'boolean' && typeof v === 'boolean') return x === v;
  return false;
}

function sameKind(x: Scalar, v: Scalar): boolean {
  return v !== null && !isError(v) && typeof x === typeof v;
}

/** Position in `vals` for an exact match (first), or -1. */
function exactIndex(vals: Scalar[], x: Scalar, wildcards: boolean, reverse = false): number {
  if (reverse) {
    for (let i = vals.length - 1; i >= 0; i--) if (lookupEquals(x, vals[i]!, wildcards)) return i;
    return -1;
  }
  for (let i = 0; i < vals.length; i++) if (lookupEquals(x, vals[i]!, wildcards)) return i;
  return -1;
}

/**
 * Approximate match over sorted data as VLOOKUP/MATCH do: the last position whose value is <= x
 * (ascending) or >= x (descending), skipping values of another type.
 */
function sortedIndex(vals: Scalar[], x: Scalar, descending: boolean): number {
  let found = -1;
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i]!;
    if (!sameKind(x, v)) continue;
    const c = compareScalars(v, x) as number;
    if (descending ? c >= 0 : c <= 0) found = i;
    else break;
  }
  return found;
}

function vector(g: Grid, axis: 'col' | 'row', index: number, length: number): Scalar[] {
  const out: Scalar[] = [];
  for (let i = 0; i < length; i++) out.push(axis === 'col' ? g.get(i, index) : g.get(index, i));
  return out;
}

function lookupVector(g: Grid): { vals: Scalar[]; axis: 'col' | 'row' } {
  if (g.cols === 1) return { vals: vector(g, 'col', 0, g.usedRows), axis: 'col' };
  if (g.rows === 1) return { vals: vector(g, 'row', 0, g.usedCols), axis: 'row' };
  throw fail('#VALUE!');
}

function sub(
  op: Operand,
  g: Grid,
  r1: number,
  c1: number,
  r2: number,
  c2: number,
  ctx: EvalContext,
): Operand {
  if (isRef(op)) {
    const ref: RangeRef = {
      kind: 'ref',
      sheet: op.sheet,
      r1: op.r1 + r1,
      c1: op.c1 + c1,
      r2: op.r1 + r2,
      c2: op.c1 + c2,
    };
    return ref;
  }
  if (r1 === r2 && c1 === c2) return g.get(r1, c1);
  const rows: Scalar[][] = [];
  for (let r = r1; r <= r2; r++) {
    const row: Scalar[] = [];
    for (let c = c1; c <= c2; c++) row.push(g.get(r, c));
    rows.push(row);
  }
  void ctx;
  return { kind: 'array', rows };
}

function tableLookup(args: Operand[], ctx: EvalContext, horizontal: boolean): Operand {
  const x = toScalar(args[0]!, ctx.env);
  if (isError(x)) return x;
  const table = args[1]!;
  if (isError(table)) return table;
  const g = toGrid(table, ctx.env);
  const idx = int(toScalar(args[2]!, ctx.env));
  const approx = args[3] === undefined ? true : bool(toScalar(args[3], ctx.env));
  if (idx < 1) return ERR.VALUE;
  if (idx > (horizontal ? g.rows : g.cols)) return ERR.REF;
  const keys = horizontal ? vector(g, 'row', 0, g.usedCols) : vector(g, 'col', 0, g.usedRows);
  const pos = approx ? sortedIndex(keys, x, false) : exactIndex(keys, x, true);
  if (pos < 0) return ERR.NA;
  const v = horizontal ? g.get(idx - 1, pos) : g.get(pos, idx - 1);
  return v === null ? 0 : v;
}

function matchIndex(x: Scalar, vals: Scalar[], type: number): number {
  if (type === 0) return exactIndex(vals, x, true);
  return sortedIndex(vals, x, type < 0);
}

function xlookupIndex(vals: Scalar[], x: Scalar, matchMode: number, searchMode: number): number {
  const reverse = searchMode === -1 || searchMode === -2;
  const exact = exactIndex(vals, x, matchMode === 2, reverse);
  if (exact >= 0 || matchMode === 0 || matchMode === 2) return exact;
  let best = -1;
  const order = vals.map((_, i) => i);
  if (reverse) order.reverse();
  for (const i of order) {
    const v = vals[i]!;
    if (!sameKind(x, v)) continue;
    const c = compareScalars(v, x) as number;
    if (matchMode === -1 && c < 0 && (best < 0 || (compareScalars(v, vals[best]!) as number) > 0)) best = i;
    if (matchMode === 1 && c > 0 && (best < 0 || (compareScalars(v, vals[best]!) as number) < 0)) best = i;
  }
  return best;
}

function resolveRefText(text: string, a1: boolean, ctx: EvalContext): Operand {
  const t = text.trim();
  if (!a1) {
    const m = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i.exec(t);
    if (!m) return ERR.REF;
    const sheetName = m[1]?.replace(/''/g, "'") ?? m[2];
    const sheet = sheetName === undefined ? ctx.sheet : ctx.env.resolveSheet(sheetName);
    if (sheet === null) return ERR.REF;
    const r1 = Number(m[3]);
    const c1 = Number(m[4]);
    const r2 = m[5] ? Number(m[5]) : r1;
    const c2 = m[6] ? Number(m[6]) : c1;
    if ([r1, r2].some((r) => r < 1 || r > MAX_ROWS) || [c1, c2].some((c) => c < 1 || c > MAX_COLS))
      return ERR.REF;
    return {
      kind: 'ref',
      sheet,
      r1: Math.min(r1, r2),
      c1: Math.min(c1, c2),
      r2: Math.max(r1, r2),
      c2: Math.max(c1, c2),
    };
  }
  let parsed;
  try {
    parsed = parseFormulaCached(t);
  } catch {
    return ERR.REF;
  }
  const n = parsed.ast;
  if (n.type !== 'ref' && n.type !== 'name' && !(n.type === 'binary' && n.op === ':')) return ERR.REF;
  const v = evaluate(n, ctx);
  return isRef(v) ? v : ERR.REF;
}

function filterRows(g: Grid, keep: (r: number) => boolean): Scalar[][] {
  const rows: Scalar[][] = [];
  for (let r = 0; r < g.rows; r++) {
    if (!keep(r)) continue;
    const row: Scalar[] = [];
    for (let c = 0; c < g.cols; c++) row.push(g.get(r, c));
    rows.push(row);
  }
  return rows;
}

function clipGrid(op: Operand, ctx: EvalContext): Grid {
  const g = toGrid(op, ctx.env);
  // Dynamic-array functions work on the used part of whole-column references.
  if (isRef(op) && (g.rows > g.usedRows || g.cols > g.usedCols)) {
    const rows = Math.max(1, g.usedRows);
    const cols = Math.max(1, g.usedCols);
    return { ...g, rows, cols };
  }
  return g;
}

export const LOOKUP_FUNCTIONS: FnDef[] = [
  {
    name: 'VLOOKUP',
    minArgs: 3,
    maxArgs: 4,
    params: ['value', 'ref', 'value', 'value'],
    fn: (args: Operand[], ctx) => tableLookup(args, ctx, false),
  },
  {
    name: 'HLOOKUP',
    minArgs: 3,
    maxArgs: 4,
    params: ['value', 'ref', 'value', 'value'],
    fn: (args: Operand[], ctx) => tableLookup(args, ctx, true),
  },
  {
    name: 'LOOKUP',
    minArgs: 2,
    maxArgs: 3,
    params: ['value', 'ref', 'ref'],
    fn: (args: Operand[], ctx) => {
      const x = args[0] as Scalar;
      const g = toGrid(args[1]!, ctx.env);
      let keys: Scalar[];
      let result: Grid;
      let axis: 'col' | 'row';
      if (args[2] !== undefined) {
        keys = lookupVector(g).vals;
        const rg = toGrid(args[2], ctx.env);
        result = rg;
        axis = rg.cols === 1 ? 'col' : 'row';
      } else {
        // Array form: search the first row or column, return from the last one.
        axis = g.rows >= g.cols ? 'col' : 'row';
        keys = axis === 'col' ? vector(g, 'col', 0, g.usedRows) : vector(g, 'row', 0, g.usedCols);
        result = g;
      }
      const pos = sortedIndex(keys, x, false);
      if (pos < 0) return ERR.NA;
      const v =
        args[2] !== undefined
          ? axis === 'col'
            ? result.get(pos, 0)
            : result.get(0, pos)
          : axis === 'col'
            ? result.get(pos, result.cols - 1)
            : result.get(result.rows - 1, pos);
      return v === null ? 0 : v;
    },
  },
  {
    name: 'MATCH',
    minArgs: 2,
    maxArgs: 3,
    params: ['value', 'ref', 'value'],
    fn: (args: Operand[], ctx) => {
      const x = args[0] as Scalar;
      const type = Math.sign(optNum(args[2] as Scalar | undefined, 1));
      const { vals } = lookupVector(toGrid(args[1]!, ctx.env));
      const i = matchIndex(x, vals, type);
      return i < 0 ? ERR.NA : i + 1;
    },
  },
  {
    name: 'XMATCH',
    minArgs: 2,
    maxArgs: 4,
    params: ['value', 'ref', 'value', 'value'],
    xlfn: true,
    fn: (args: Operand[], ctx) => {
      const x = args[0] as Scalar;
      const matchMode = int(optNum(args[2] as Scalar | undefined, 0));
      const searchMode = int(optNum(args[3] as Scalar | undefined, 1));
      const { vals } = lookupVector(toGrid(args[1]!, ctx.env));
      const i = xlookupIndex(vals, x, matchMode, searchMode);
      return i < 0 ? ERR.NA : i + 1;
    },
  },
  {
    name: 'XLOOKUP',
    minArgs: 3,
    maxArgs: 6,
    params: ['value', 'ref', 'ref', 'ref', 'value', 'value'],
    xlfn: true,
    fn: (args: Operand[], ctx) => {
      const x = args[0] as Scalar;
      const lg = toGrid(args[1]!, ctx.env);
      const { vals, axis } = lookupVector(lg);
      const retOp = args[2]!;
      if (isError(retOp)) return retOp;
      const rg = toGrid(retOp, ctx.env);
      if ((axis === 'col' && rg.rows !== lg.rows) || (axis === 'row' && rg.cols !== lg.cols))
        return ERR.VALUE;
      const matchMode = Math.trunc(optNum(args[4] as Scalar | undefined, 0));
      const searchMode = Math.trunc(optNum(args[5] as Scalar | undefined, 1));
      if (![0, -1, 1, 2].includes(matchMode) || ![1, -1, 2, -2].includes(searchMode)) return ERR.VALUE;
      const i = xlookupIndex(vals, x, matchMode, searchMode);
      if (i < 0) {
        const nf = args[3];
        if (nf === undefined) return ERR.NA;
        return nf === null ? 0 : nf;
      }
      const res =
        axis === 'col'
          ? sub(retOp, rg, i, 0, i, rg.cols - 1, ctx)
          : sub(retOp, rg, 0, i, rg.rows - 1, i, ctx);
      return res === null ? 0 : res;
    },
  },
  {
    name: 'INDEX',
    minArgs: 2,
    maxArgs: 4,
    params: ['ref', 'value', 'value', 'value'],
    lift: false,
    fn: (args: Operand[], ctx) => {
      const arr = args[0]!;
      if (isError(arr)) return arr;
      const g = toGrid(arr, ctx.env);
      let r = int(args[1] as Scalar);
      let c = args[2] === undefined ? -1 : int(args[2] as Scalar);
      if (c === -1) {
        if (g.rows === 1 && g.cols > 1) {
          c = r;
          r = 1;
        } else c = g.cols === 1 ? 1 : 0;
      }
      if (r < 0 || c < 0 || r > g.rows || c > g.cols) return ERR.REF;
      const r1 = r === 0 ? 0 : r - 1;
      const r2 = r === 0 ? g.rows - 1 : r - 1;
      const c1 = c === 0 ? 0 : c - 1;
      const c2 = c === 0 ? g.cols - 1 : c - 1;
      return sub(arr, g, r1, c1, r2, c2, ctx);
    },
  },
  {
    name: 'CHOOSE',
    minArgs: 2,
    maxArgs: 255,
    params: ['value', 'ref'],
    lift: false,
    fn: (args: Operand[]) => {
      const i = int(args[0] as Scalar);
      if (i < 1 || i >= args.length) return ERR.VALUE;
      const v = args[i]!;
      return v === null ? 0 : v;
    },
  },
  {
    name: 'ROW',
    minArgs: 0,
    maxArgs: 1,
    params: ['ref'],
    fn: (args: Operand[], ctx) => {
      const a = args[0];
      if (a === undefined) return ctx.row;
      if (!isRef(a)) return ERR.VALUE;
      if (a.r1 === a.r2) return a.r1;
      const rows: Scalar[][] = [];
      for (let r = a.r1; r <= a.r2; r++) rows.push([r]);
      return { kind: 'array', rows };
    },
  },
  {
    name: 'COLUMN',
    minArgs: 0,
    maxArgs: 1,
    params: ['ref'],
    fn: (args: Operand[], ctx) => {
      const a = args[0];
      if (a === undefined) return ctx.col;
      if (!isRef(a)) return ERR.VALUE;
      if (a.c1 === a.c2) return a.c1;
      const row: Scalar[] = [];
      for (let c = a.c1; c <= a.c2; c++) row.push(c);
      return { kind: 'array', rows: [row] };
    },
  },
  {
    name: 'ROWS',
    minArgs: 1,
    maxArgs: 1,
    params: ['ref'],
    fn: (args: Operand[], ctx) => (isError(args[0]) ? args[0] : toGrid(args[0]!, ctx.env).rows),
  },
  {
    name: 'COLUMNS',
    minArgs: 1,
    maxArgs: 1,
    params: ['ref'],
    fn: (args: Operand[], ctx) => (isError(args[0]) ? args[0] : toGrid(args[0]!, ctx.env).cols),
  },
  {
    name: 'OFFSET',
    minArgs: 3,
    maxArgs: 5,
    params: ['ref', 'value', 'value', 'value', 'value'],
    lift: false,
    volatile: true,
    fn: (args: Operand[]) => {
      const base = args[0]!;
      if (isError(base)) return base;
      if (!isRef(base)) return ERR.VALUE;
      const dr = int(args[1] as Scalar);
      const dc = int(args[2] as Scalar);
      const h = args[3] === undefined || args[3] === null ? base.r2 - base.r1 + 1 : int(args[3] as Scalar);
      const w = args[4] === undefined || args[4] === null ? base.c2 - base.c1 + 1 : int(args[4] as Scalar);
      if (h === 0 || w === 0) return ERR.REF;
      const r1 = base.r1 + dr;
      const c1 = base.c1 + dc;
      const r2 = r1 + (h > 0 ? h - 1 : h + 1);
      const c2 = c1 + (w > 0 ? w - 1 : w + 1);
      const rr1 = Math.min(r1, r2);
      const rr2 = Math.max(r1, r2);
      const cc1 = Math.min(c1, c2);
      const cc2 = Math.max(c1, c2);
      if (rr1 < 1 || cc1 < 1 || rr2 > MAX_ROWS || cc2 > MAX_COLS) return ERR.REF;
      return { kind: 'ref', sheet: base.sheet, r1: rr1, c1: cc1, r2: rr2, c2: cc2 };
    },
  },
  {
    name: 'INDIRECT',
    minArgs: 1,
    maxArgs: 2,
    volatile: true,
    fn: (args: Scalar[], ctx) => resolveRefText(str(args[0]), optBool(args[1], true), ctx),
  },
  {
    name: 'ADDRESS',
    minArgs: 2,
    maxArgs: 5,
    fn: (args: Scalar[]) => {
      const r = int(args[0]);
      const c = int(args[1]);
      const abs = int(optNum(args[2], 1));
      const a1 = optBool(args[3], true);
      if (r < 1 || r > MAX_ROWS || c < 1 || c > MAX_COLS || abs < 1 || abs > 4) return ERR.VALUE;
      const sheet = args[4] === undefined || args[4] === null ? '' : `${quoteSheetName(str(args[4]))}!`;
      const absRow = abs === 1 || abs === 2;
      const absCol = abs === 1 || abs === 3;
      if (a1) return `${sheet}${absCol ? '$' : ''}${colToLetters(c)}${absRow ? '$' : ''}${r}`;
      return `${sheet}R${absRow ? r : `[${r}]`}C${absCol ? c : `[${c}]`}`;
    },
  },
  {
    name: 'TRANSPOSE',
    minArgs: 1,
    maxArgs: 1,
    params: ['ref'],
    fn: (args: Operand[], ctx) => {
      const g = clipGrid(args[0]!, ctx);
      const rows: Scalar[][] = [];
      for (let c = 0; c < g.cols; c++) {
        const row: Scalar[] = [];
        for (let r = 0; r < g.rows; r++) row.push(g.get(r, c) ?? 0);
        rows.push(row);
      }
      return { kind: 'array', rows };
    },
  },
  {
    name: 'UNIQUE',
    minArgs: 1,
    maxArgs: 3,
    params: ['ref', 'value', 'value'],
    lift: false,
    xlfn: true,
    fn: (args: Operand[], ctx) => {
      const g = clipGrid(args[0]!, ctx);
      if (optBool(args[1] as Scalar | undefined, false)) return ERR.VALUE;
      const exactlyOnce = optBool(args[2] as Scalar | undefined, false);
      const all = gridToArray(g).rows;
      const key = (row: Scalar[]) =>
        JSON.stringify(row.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)));
      const counts = new Map<string, number>();
      for (const row of all) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
      const seen = new Set<string>();
      const rows: Scalar[][] = [];
      for (const row of all) {
        const k = key(row);
        if (seen.has(k) || (exactlyOnce && counts.get(k)! > 1)) continue;
        seen.add(k);
        rows.push(row.map((v) => v ?? 0));
      }
      return rows.length ? { kind: 'array', rows } : ERR.CALC;
    },
  },
  {
    name: 'SORT',
    minArgs: 1,
    maxArgs: 4,
    params: ['ref', 'value', 'value', 'value'],
    lift: false,
    xlfn: true,
    fn: (args: Operand[], ctx) => {
      const g = clipGrid(args[0]!, ctx);
      const idx = int(optNum(args[1] as Scalar | undefined, 1));
      const order = int(optNum(args[2] as Scalar | undefined, 1));
      const byCol = optBool(args[3] as Scalar | undefined, false);
      if (byCol || (order !== 1 && order !== -1)) return ERR.VALUE;
      if (idx < 1 || idx > g.cols) return ERR.VALUE;
      const rows = gridToArray(g).rows.map((r, i) => ({ r, i }));
      rows.sort((a, b) => {
        const c = compareScalars(a.r[idx - 1] ?? null, b.r[idx - 1] ?? null);
        const n = isError(c) ? 0 : c;
        return n !== 0 ? n * order : a.i - b.i;
      });
      return { kind: 'array', rows: rows.map((x) => x.r.map((v) => v ?? 0)) };
    },
  },
  {
    name: 'FILTER',
    minArgs: 2,
    maxArgs: 3,
    params: ['ref', 'ref', 'ref'],
    xlfn: true,
    fn: (args: Operand[], ctx) => {
      const g = toGrid(args[0]!, ctx.env);
      const inc = toGrid(args[1]!, ctx.env);
      if (inc.cols !== 1 || inc.rows !== g.rows) return ERR.VALUE;
      const rows = filterRows(g, (r) => {
        const v = inc.get(r, 0);
        if (isError(v)) throw fail(v.error);
        const b = toBoolean(v);
        return !isError(b) && b;
      }).map((row) => row.map((v) => v ?? 0));
      if (rows.length === 0) {
        if (args[2] === undefined) return ERR.CALC;
        return args[2];
      }
      const out: ArrayValue = { kind: 'array', rows };
      return out;
    },
  },
  {
    name: 'HYPERLINK',
    minArgs: 1,
    maxArgs: 2,
    fn: (args: Scalar[]) => (args[1] === undefined ? str(args[0]) : (args[1] ?? 0)),
  },
];
