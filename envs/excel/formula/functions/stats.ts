/** Statistical functions: averages, counts, extremes, order statistics, spread. */
import { toGrid, type EvalContext } from '../grid.ts';
import { ERR, fail, isArray, isError, isRef, type Operand, type Scalar } from '../values.ts';
import { checkNumber, collectNumbers, int, listFn, num, optNum } from './helpers.ts';
import { criteriaMatches, criteriaPairs, resizeLike } from './math.ts';
import type { FnDef } from './registry.ts';

function mean(ns: number[]): number {
  if (ns.length === 0) throw fail('#DIV/0!');
  let s = 0;
  for (const n of ns) s += n;
  return s / ns.length;
}

function variance(ns: number[], sample: boolean): number {
  const n = ns.length;
  if (n === 0 || (sample && n < 2)) throw fail('#DIV/0!');
  const m = mean(ns);
  let ss = 0;
  for (const x of ns) ss += (x - m) ** 2;
  return ss / (sample ? n - 1 : n);
}

function sorted(ns: number[]): number[] {
  return [...ns].sort((a, b) => a - b);
}

function percentileInc(ns: number[], k: number): number {
  if (ns.length === 0 || k < 0 || k > 1) throw fail('#NUM!');
  const s = sorted(ns);
  const pos = k * (s.length - 1);
  const lo = Math.floor(pos);
  const frac = pos - lo;
  return lo + 1 < s.length ? s[lo]! + frac * (s[lo + 1]! - s[lo]!) : s[lo]!;
}

function percentileExc(ns: number[], k: number): number {
  const n = ns.length;
  const pos = k * (n + 1) - 1;
  if (n === 0 || pos < 0 || pos > n - 1) throw fail('#NUM!');
  const s = sorted(ns);
  const lo = Math.floor(pos);
  const frac = pos - lo;
  return lo + 1 < n ? s[lo]! + frac * (s[lo + 1]! - s[lo]!) : s[lo]!;
}

function median(ns: number[]): number {
  if (ns.length === 0) throw fail('#NUM!');
  const s = sorted(ns);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function modes(ns: number[]): number[] {
  const counts = new Map<number, number>();
  for (const n of ns) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = 1;
  for (const c of counts.values()) best = Math.max(best, c);
  if (best < 2) throw fail('#N/A');
  // Ties resolve to the value that appears first in the data, as in Excel.
  const out: number[] = [];
  for (const n of ns) if (counts.get(n) === best && !out.includes(n)) out.push(n);
  return out;
}

const A_OPTS = { refText: 'zero', refBool: 'count' } as const;

/** Aggregates shared with SUBTOTAL. */
export function statsAggregate(name: string, args: Operand[], ctx: EvalContext): number {
  switch (name) {
    case 'AVERAGE':
      return mean(collectNumbers(args, ctx));
    case 'COUNT':
      return collectNumbers(args, ctx, { errors: 'skip', scalarText: 'skip' }).length;
    case 'MAX': {
      const ns = collectNumbers(args, ctx);
      return ns.length ? Math.max(...ns) : 0;
    }
    case 'MIN': {
      const ns = collectNumbers(args, ctx);
      return ns.length ? Math.min(...ns) : 0;
    }
    case 'STDEV.S':
      return Math.sqrt(variance(collectNumbers(args, ctx), true));
    case 'STDEV.P':
      return Math.sqrt(variance(collectNumbers(args, ctx), false));
    case 'VAR.S':
      return variance(collectNumbers(args, ctx), true);
    case 'VAR.P':
      return variance(collectNumbers(args, ctx), false);
    default:
      throw new Error(`no aggregate ${name}`);
  }
}

const agg = (name: string, impl = name): FnDef =>
  listFn(name, 1, 255, (args, ctx) => statsAggregate(impl, args, ctx));

function countIfLike(args: Operand[], ctx: EvalContext): number {
  const pairs = criteriaPairs(args, 0, ctx);
  let n = 0;
  criteriaMatches(pairs, () => n++);
  return n;
}

function ifsAggregate(
  args: Operand[],
  ctx: EvalContext,
  start: number,
  pick: (ns: number[]) => number,
): number {
  const target = toGrid(args[0]!, ctx.env);
  const pairs = criteriaPairs(args, start, ctx);
  if (pairs[0]!.range.rows !== target.rows || pairs[0]!.range.cols !== target.cols) throw fail('#VALUE!');
  const ns: number[] = [];
  criteriaMatches(pairs, (r, c) => {
    const v = target.get(r, c);
    if (isError(v)) throw fail(v.error);
    if (typeof v === 'number') ns.push(v);
  });
  return pick(ns);
}

function rankOf(
  x: number,
  ref: Operand,
  ascending: boolean,
  ctx: EvalContext,
): { rank: number; ties: number } {
  if (!isRef(ref) && !isArray(ref)) throw fail('#VALUE!');
  const ns = collectNumbers([ref], ctx);
  let greater = 0;
  let equal = 0;
  for (const n of ns) {
    if (n === x) equal++;
    else if (ascending ? n < x : n > x) greater++;
  }
  if (equal === 0) throw fail('#N/A');
  return { rank: greater + 1, ties: equal };
}

export const STATS_FUNCTIONS: FnDef[] = [
  agg('AVERAGE'),
  agg('COUNT'),
  agg('MAX'),
  agg('MIN'),
  agg('STDEV', 'STDEV.S'),
  agg('STDEV.S'),
  agg('STDEVP', 'STDEV.P'),
  agg('STDEV.P'),
  agg('VAR', 'VAR.S'),
  agg('VAR.S'),
  agg('VARP', 'VAR.P'),
  agg('VAR.P'),
  listFn('AVERAGEA', 1, 255, (args, ctx) => mean(collectNumbers(args, ctx, A_OPTS))),
  listFn('MAXA', 1, 255, (args, ctx) => {
    const ns = collectNumbers(args, ctx, A_OPTS);
    return ns.length ? Math.max(...ns) : 0;
  }),
  listFn('MINA', 1, 255, (args, ctx) => {
    const ns = collectNumbers(args, ctx, A_OPTS);
    return ns.length ? Math.min(...ns) : 0;
  }),
  listFn('COUNTA', 1, 255, (args, ctx) => {
    let n = 0;
    for (const a of args) {
      if (a === undefined) continue;
      if (isRef(a) || isArray(a)) {
        const g = toGrid(a, ctx.env);
        for (let r = 0; r < g.usedRows; r++)
          for (let c = 0; c < g.usedCols; c++) if (g.get(r, c) !== null) n++;
      } else n++;
    }
    return n;
  }),
  listFn('COUNTBLANK', 1, 1, ([a], ctx) => {
    if (!isRef(a!)) return ERR.VALUE;
    const g = toGrid(a, ctx.env);
    let nonBlank = 0;
    for (let r = 0; r < g.usedRows; r++) {
      for (let c = 0; c < g.usedCols; c++) {
        const v = g.get(r, c);
        if (v !== null && v !== '') nonBlank++;
      }
    }
    return g.rows * g.cols - nonBlank;
  }),
  {
    name: 'COUNTIF',
    minArgs: 2,
    maxArgs: 2,
    params: ['ref', 'value'],
    lift: false,
    fn: (args: Operand[], ctx) => countIfLike(args, ctx),
  },
  {
    name: 'COUNTIFS',
    minArgs: 2,
    maxArgs: 254,
    params: ['ref', 'value'],
    lift: false,
    fn: (args: Operand[], ctx) => (args.length % 2 ? ERR.VALUE : countIfLike(args, ctx)),
  },
  {
    name: 'AVERAGEIF',
    minArgs: 2,
    maxArgs: 3,
    params: ['ref', 'value', 'ref'],
    lift: false,
    fn: (args: Operand[], ctx) => {
      const pairs = criteriaPairs([args[0]!, args[1]!], 0, ctx);
      const target =
        args[2] !== undefined && args[2] !== null
          ? resizeLike(args[2], pairs[0]!.range, ctx)
          : pairs[0]!.range;
      const ns: number[] = [];
      criteriaMatches(pairs, (r, c) => {
        const v = target.get(r, c);
        if (isError(v)) throw fail(v.error);
        if (typeof v === 'number') ns.push(v);
      });
      return mean(ns);
    },
  },
  {
    name: 'AVERAGEIFS',
    minArgs: 3,
    maxArgs: 255,
    params: ['ref', 'ref', 'value'],
    lift: false,
    fn: (args: Operand[], ctx) => (args.length % 2 !== 1 ? ERR.VALUE : ifsAggregate(args, ctx, 1, mean)),
  },
  {
    name: 'MAXIFS',
    minArgs: 3,
    maxArgs: 255,
    params: ['ref', 'ref', 'value'],
    lift: false,
    xlfn: true,
    fn: (args: Operand[], ctx) =>
      args.length % 2 !== 1
        ? ERR.VALUE
        : ifsAggregate(args, ctx, 1, (ns) => (ns.length ? Math.max(...ns) : 0)),
  },
  {
    name: 'MINIFS',
    minArgs: 3,
    maxArgs: 255,
    params: ['ref', 'ref', 'value'],
    lift: false,
    xlfn: true,
    fn: (args: Operand[], ctx) =>
      args.length % 2 !== 1
        ? ERR.VALUE
        : ifsAggregate(args, ctx, 1, (ns) => (ns.length ? Math.min(...ns) : 0)),
  },
  listFn('MEDIAN', 1, 255, (args, ctx) => median(collectNumbers(args, ctx))),
  listFn('MODE', 1, 255, (args, ctx) => modes(collectNumbers(args, ctx))[0]!),
  listFn('MODE.SNGL', 1, 255, (args, ctx) => modes(collectNumbers(args, ctx))[0]!),
  listFn('GEOMEAN', 1, 255, (args, ctx) => {
    const ns = collectNumbers(args, ctx);
    if (ns.length === 0 || ns.some((n) => n <= 0)) return ERR.NUM;
    return Math.exp(ns.reduce((a, n) => a + Math.log(n), 0) / ns.length);
  }),
  listFn('HARMEAN', 1, 255, (args, ctx) => {
    const ns = collectNumbers(args, ctx);
    if (ns.length === 0 || ns.some((n) => n <= 0)) return ERR.NUM;
    return ns.length / ns.reduce((a, n) => a + 1 / n, 0);
  }),
  listFn('AVEDEV', 1, 255, (args, ctx) => {
    const ns = collectNumbers(args, ctx);
    if (ns.length === 0) return ERR.NUM;
    const m = mean(ns);
    return ns.reduce((a, n) => a + Math.abs(n - m), 0) / ns.length;
  }),
  listFn('DEVSQ', 1, 255, (args, ctx) => {
    const ns = collectNumbers(args, ctx);
    if (ns.length === 0) return ERR.NUM;
    const m = mean(ns);
    return ns.reduce((a, n) => a + (n - m) ** 2, 0);
  }),
  {
    name: 'LARGE',
    minArgs: 2,
    maxArgs: 2,
    params: ['ref', 'value'],
    fn: (args: Operand[], ctx) => {
      const ns = collectNumbers([args[0]!], ctx);
      const k = Math.ceil(num(args[1] as Scalar));
      if (k < 1 || k > ns.length) return ERR.NUM;
      return sorted(ns)[ns.length - k]!;
    },
  },
  {
    name: 'SMALL',
    minArgs: 2,
    maxArgs: 2,
    params: ['ref', 'value'],
    fn: (args: Operand[], ctx) => {
      const ns = collectNumbers([args[0]!], ctx);
      const k = Math.ceil(num(args[1] as Scalar));
      if (k < 1 || k > ns.length) return ERR.NUM;
      return sorted(ns)[k - 1]!;
    },
  },
  ...['RANK', 'RANK.EQ', 'RANK.AVG'].map((name): FnDef => ({
    name,
    minArgs: 2,
    maxArgs: 3,
    params: ['value', 'ref', 'value'],
    fn: (args: Operand[], ctx) => {
      const x = num(args[0] as Scalar);
      const asc = optNum(args[2] as Scalar | undefined, 0) !== 0;
      const { rank, ties } = rankOf(x, args[1]!, asc, ctx);
      return name === 'RANK.AVG' ? rank + (ties - 1) / 2 : rank;
    },
  })),
  ...['PERCENTILE', 'PERCENTILE.INC', 'PERCENTILE.EXC'].map((name): FnDef => ({
    name,
    minArgs: 2,
    maxArgs: 2,
    params: ['ref', 'value'],
    fn: (args: Operand[], ctx) => {
      const ns = collectNumbers([args[0]!], ctx);
      const k = num(args[1] as Scalar);
      return name === 'PERCENTILE.EXC' ? percentileExc(ns, k) : percentileInc(ns, k);
    },
  })),
  ...['QUARTILE', 'QUARTILE.INC', 'QUARTILE.EXC'].map((name): FnDef => ({
    name,
    minArgs: 2,
    maxArgs: 2,
    params: ['ref', 'value'],
    fn: (args: Operand[], ctx) => {
      const ns = collectNumbers([args[0]!], ctx);
      const q = int(args[1] as Scalar);
      if (name === 'QUARTILE.EXC') {
        if (q < 1 || q > 3) return ERR.NUM;
        return percentileExc(ns, q / 4);
      }
      if (q < 0 || q > 4) return ERR.NUM;
      return percentileInc(ns, q / 4);
    },
  })),
  {
    name: 'CORREL',
    minArgs: 2,
    maxArgs: 2,
    params: ['ref', 'ref'],
    fn: (args: Operand[], ctx) => {
      const [xs, ys] = numericPairs(args[0]!, args[1]!, ctx);
      if (xs.length < 2) return ERR.DIV0;
      const mx = mean(xs);
      const my = mean(ys);
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let i = 0; i < xs.length; i++) {
        sxy += (xs[i]! - mx) * (ys[i]! - my);
        sxx += (xs[i]! - mx) ** 2;
        syy += (ys[i]! - my) ** 2;
      }
      if (sxx === 0 || syy === 0) return ERR.DIV0;
      return checkNumber(sxy / Math.sqrt(sxx * syy));
    },
  },
];

/** Pairs of numbers at the same positions of two equally sized ranges (pairs with a non-number dropped). */
export function numericPairs(a: Operand, b: Operand, ctx: EvalContext): [number[], number[]] {
  const ga = toGrid(a, ctx.env);
  const gb = toGrid(b, ctx.env);
  if (ga.rows * ga.cols !== gb.rows * gb.cols) throw fail('#N/A');
  const xs: number[] = [];
  const ys: number[] = [];
  // Beyond both used blocks every pair is blank, so there is nothing more to read.
  const n = Math.min(ga.rows * ga.cols, Math.max(ga.usedRows * ga.cols, gb.usedRows * gb.cols));
  for (let i = 0; i < n; i++) {
    const x = ga.get(Math.floor(i / ga.cols), i % ga.cols);
    const y = gb.get(Math.floor(i / gb.cols), i % gb.cols);
    if (isError(x)) throw fail(x.error);
    if (isError(y)) throw fail(y.error);
    if (typeof x === 'number' && typeof y === 'number') {
      xs.push(x);
      ys.push(y);
    }
  }
  return [xs, ys];
}
