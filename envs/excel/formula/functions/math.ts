/** Math and trigonometry functions. */
import { parseCriterion } from '../criteria.ts';
import { toGrid, type EvalContext, type Grid } from '../grid.ts';
import { ERR, fail, isArray, isError, isRef, type Operand, type Scalar } from '../values.ts';
import {
  checkNumber,
  collectNumbers,
  int,
  listFn,
  num,
  optNum,
  roundHalfAway,
  roundWith,
  scalarFn,
} from './helpers.ts';
import type { FnDef } from './registry.ts';
import { statsAggregate } from './stats.ts';

const math1 = (name: string, f: (x: number) => number, domain?: (x: number) => boolean): FnDef =>
  scalarFn(name, 1, 1, ([x]) => {
    const n = num(x);
    if (domain && !domain(n)) return ERR.NUM;
    return checkNumber(f(n));
  });

function gcd2(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function factorial(n: number): number {
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}

/** The cells of `g` whose partner cell in each criteria pair satisfies its criterion. */
export function criteriaMatches(
  pairs: { range: Grid; test: (v: Scalar) => boolean }[],
  onMatch: (r: number, c: number) => void,
): void {
  const first = pairs[0]!.range;
  for (const p of pairs) {
    if (p.range.rows !== first.rows || p.range.cols !== first.cols) throw fail('#VALUE!');
  }
  // Only the used block can hold non-blank cells; blanks elsewhere matter only to blank-matching tests.
  const blankOk = pairs.every((p) => p.test(null));
  const rows = blankOk ? first.rows : Math.max(...pairs.map((p) => p.range.usedRows));
  const cols = blankOk ? first.cols : Math.max(...pairs.map((p) => p.range.usedCols));
  if (rows * cols > 20_000_000) throw fail('#NUM!');
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (pairs.every((p) => p.test(p.range.get(r, c)))) onMatch(r, c);
    }
  }
}

/** The range SUMIF/AVERAGEIF sums over: sum_range resized to criteria range's shape at its top-left. */
export function resizeLike(sumArg: Operand, shape: Grid, ctx: EvalContext): Grid {
  if (isRef(sumArg)) {
    return toGrid(
      {
        ...sumArg,
        r2: sumArg.r1 + shape.rows - 1,
        c2: sumArg.c1 + shape.cols - 1,
      },
      ctx.env,
    );
  }
  return toGrid(sumArg, ctx.env);
}

export function criteriaPairs(args: Operand[], start: number, ctx: EvalContext) {
  const pairs: { range: Grid; test: (v: Scalar) => boolean }[] = [];
  for (let i = start; i < args.length; i += 2) {
    const range = args[i]!;
    if (isError(range)) throw fail(range.error);
    const crit = args[i + 1];
    const critValue =
      isRef(crit as Operand) || isArray(crit as Operand) ? toGrid(crit!, ctx.env).get(0, 0) : crit;
    pairs.push({
      range: toGrid(range, ctx.env),
      test: parseCriterion((critValue ?? null) as Scalar, ctx.env.nowSerial),
    });
  }
  return pairs;
}

function ceilingLike(x: number, sig: number, up: boolean): number {
  if (sig === 0) return 0;
  const q = x / sig;
  const rq = Number(q.toPrecision(15));
  const k = up ? Math.ceil(rq) : Math.floor(rq);
  return Number((k * sig).toPrecision(15));
}

export const MATH_FUNCTIONS: FnDef[] = [
  listFn('SUM', 1, 255, (args, ctx) => {
    let s = 0;
    for (const n of collectNumbers(args, ctx)) s += n;
    return checkNumber(s);
  }),
  listFn('PRODUCT', 1, 255, (args, ctx) => {
    const ns = collectNumbers(args, ctx);
    return ns.length === 0 ? 0 : checkNumber(ns.reduce((a, b) => a * b, 1));
  }),
  listFn('SUMSQ', 1, 255, (args, ctx) =>
    checkNumber(collectNumbers(args, ctx).reduce((a, b) => a + b * b, 0)),
  ),
  listFn('SUMPRODUCT', 1, 255, (args, ctx) => {
    const grids = args.map((a) => {
      if (isError(a)) throw fail(a.error);
      return toGrid(a, ctx.env);
    });
    const g0 = grids[0]!;
    if (grids.some((g) => g.rows !== g0.rows || g.cols !== g0.cols)) return ERR.VALUE;
    const rows = Math.max(...grids.map((g) => g.usedRows));
    const cols = Math.max(...grids.map((g) => g.usedCols));
    let s = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        let p = 1;
        for (const g of grids) {
          const v = g.get(r, c);
          if (isError(v)) return v;
          p *= typeof v === 'number' ? v : 0;
        }
        s += p;
      }
    }
    return checkNumber(s);
  }),
  {
    name: 'SUMIF',
    minArgs: 2,
    maxArgs: 3,
    params: ['ref', 'value', 'ref'],
    lift: false,
    fn: (args: Operand[], ctx) => {
      const [range, crit] = args;
      const pairs = criteriaPairs([range!, crit!], 0, ctx);
      const target =
        args[2] !== undefined && args[2] !== null
          ? resizeLike(args[2], pairs[0]!.range, ctx)
          : pairs[0]!.range;
      let s = 0;
      criteriaMatches(pairs, (r, c) => {
        const v = target.get(r, c);
        if (isError(v)) throw fail(v.error);
        if (typeof v === 'number') s += v;
      });
      return checkNumber(s);
    },
  },
  {
    name: 'SUMIFS',
    minArgs: 3,
    maxArgs: 255,
    params: ['ref', 'ref', 'value'],
    lift: false,
    xlfn: false,
    fn: (args: Operand[], ctx) => {
      if (args.length % 2 !== 1) return ERR.VALUE;
      const target = toGrid(args[0]!, ctx.env);
      const pairs = criteriaPairs(args, 1, ctx);
      if (pairs[0]!.range.rows !== target.rows || pairs[0]!.range.cols !== target.cols) return ERR.VALUE;
      let s = 0;
      criteriaMatches(pairs, (r, c) => {
        const v = target.get(r, c);
        if (isError(v)) throw fail(v.error);
        if (typeof v === 'number') s += v;
      });
      return checkNumber(s);
    },
  },
  math1('ABS', Math.abs),
  math1('INT', Math.floor),
  math1('SQRT', Math.sqrt, (x) => x >= 0),
  math1('EXP', Math.exp),
  math1('LN', Math.log, (x) => x > 0),
  math1('LOG10', Math.log10, (x) => x > 0),
  math1('SIGN', Math.sign),
  math1('SIN', Math.sin),
  math1('COS', Math.cos),
  math1('TAN', Math.tan),
  math1('ASIN', Math.asin, (x) => x >= -1 && x <= 1),
  math1('ACOS', Math.acos, (x) => x >= -1 && x <= 1),
  math1('ATAN', Math.atan),
  math1('SINH', Math.sinh),
  math1('COSH', Math.cosh),
  math1('TANH', Math.tanh),
  math1('DEGREES', (x) => (x * 180) / Math.PI),
  math1('RADIANS', (x) => (x * Math.PI) / 180),
  math1(
    'FACT',
    (x) => factorial(Math.floor(x)),
    (x) => x >= 0 && x < 171,
  ),
  math1('EVEN', (x) => {
    const a = Math.ceil(Math.abs(x) / 2) * 2;
    return x < 0 ? -a : a;
  }),
  math1('ODD', (x) => {
    let a = Math.ceil(Math.abs(x));
    if (a % 2 === 0) a += 1;
    return x < 0 ? -a : a;
  }),
  scalarFn('ATAN2', 2, 2, ([x, y]) => {
    const a = num(x);
    const b = num(y);
    if (a === 0 && b === 0) return ERR.DIV0;
    return Math.atan2(b, a);
  }),
  scalarFn('PI', 0, 0, () => Math.PI),
  scalarFn('LOG', 1, 2, ([x, b]) => {
    const n = num(x);
    const base = optNum(b, 10);
    if (n <= 0 || base <= 0) return ERR.NUM;
    if (base === 1) return ERR.DIV0;
    return Math.log(n) / Math.log(base);
  }),
  scalarFn('POWER', 2, 2, ([x, y]) => {
    const a = num(x);
    const b = num(y);
    if (a === 0 && b === 0) return ERR.NUM;
    if (a === 0 && b < 0) return ERR.DIV0;
    return checkNumber(Math.pow(a, b));
  }),
  scalarFn('MOD', 2, 2, ([x, y]) => {
    const n = num(x);
    const d = num(y);
    if (d === 0) return ERR.DIV0;
    const r = n - d * Math.floor(n / d);
    return Number(r.toPrecision(15));
  }),
  scalarFn('QUOTIENT', 2, 2, ([x, y]) => {
    const d = num(y);
    if (d === 0) return ERR.DIV0;
    return Math.trunc(num(x) / d);
  }),
  scalarFn('ROUND', 2, 2, ([x, d]) => roundHalfAway(num(x), num(d))),
  scalarFn('ROUNDUP', 2, 2, ([x, d]) => roundWith(num(x), num(d), 'up')),
  scalarFn('ROUNDDOWN', 2, 2, ([x, d]) => roundWith(num(x), num(d), 'down')),
  scalarFn('TRUNC', 1, 2, ([x, d]) => roundWith(num(x), optNum(d, 0), 'down')),
  scalarFn('MROUND', 2, 2, ([x, m]) => {
    const n = num(x);
    const mult = num(m);
    if (mult === 0) return 0;
    if (Math.sign(n) * Math.sign(mult) < 0) return ERR.NUM;
    return Number((roundHalfAway(n / mult, 0) * mult).toPrecision(15));
  }),
  scalarFn('CEILING', 2, 2, ([x, s]) => {
    const n = num(x);
    const sig = num(s);
    if (n > 0 && sig < 0) return ERR.NUM;
    if (sig === 0) return 0;
    return n < 0 && sig < 0 ? ceilingLike(n, sig, false) : ceilingLike(n, sig, true);
  }),
  scalarFn('FLOOR', 2, 2, ([x, s]) => {
    const n = num(x);
    const sig = num(s);
    if (n > 0 && sig < 0) return ERR.NUM;
    if (sig === 0) return n === 0 ? 0 : ERR.DIV0;
    return n < 0 && sig < 0 ? ceilingLike(n, sig, true) : ceilingLike(n, sig, false);
  }),
  scalarFn('CEILING.MATH', 1, 3, ([x, s, m]) => {
    const n = num(x);
    const sig = Math.abs(optNum(s, 1));
    if (sig === 0) return 0;
    const awayFromZero = optNum(m, 0) !== 0 && n < 0;
    return awayFromZero ? ceilingLike(n, sig, false) : ceilingLike(n, sig, true);
  }),
  scalarFn('FLOOR.MATH', 1, 3, ([x, s, m]) => {
    const n = num(x);
    const sig = Math.abs(optNum(s, 1));
    if (sig === 0) return 0;
    const towardZero = optNum(m, 0) !== 0 && n < 0;
    return towardZero ? ceilingLike(n, sig, true) : ceilingLike(n, sig, false);
  }),
  scalarFn('COMBIN', 2, 2, ([a, b]) => {
    const n = Math.trunc(num(a));
    const k = Math.trunc(num(b));
    if (n < 0 || k < 0 || k > n) return ERR.NUM;
    let r = 1;
    for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
    return Math.round(r);
  }),
  listFn('GCD', 1, 255, (args, ctx) => {
    const ns = collectNumbers(args, ctx).map(Math.trunc);
    if (ns.some((n) => n < 0)) return ERR.NUM;
    return ns.reduce(gcd2, 0);
  }),
  listFn('LCM', 1, 255, (args, ctx) => {
    const ns = collectNumbers(args, ctx).map(Math.trunc);
    if (ns.some((n) => n < 0)) return ERR.NUM;
    return ns.reduce((a, b) => (a === 0 || b === 0 ? 0 : (a / gcd2(a, b)) * b), 1);
  }),
  scalarFn('RAND', 0, 0, (_a, ctx) => ctx.env.random(), { volatile: true }),
  scalarFn(
    'RANDBETWEEN',
    2,
    2,
    ([a, b], ctx) => {
      const lo = Math.ceil(num(a));
      const hi = Math.floor(num(b));
      if (lo > hi) return ERR.NUM;
      return lo + Math.floor(ctx.env.random() * (hi - lo + 1));
    },
    { volatile: true },
  ),
  {
    name: 'SUBTOTAL',
    minArgs: 2,
    maxArgs: 255,
    params: ['value', 'ref'],
    lift: false,
    fn: (args: Operand[], ctx) => {
      const code = int(args[0] as Scalar);
      const base = code > 100 ? code - 100 : code;
      if (base < 1 || base > 11 || (code > 11 && code < 101) || code > 111) return ERR.VALUE;
      const values: Scalar[] = [];
      for (const a of args.slice(1)) {
        if (!isRef(a)) return ERR.VALUE;
        const g = toGrid(a, ctx.env);
        for (let r = 0; r < g.usedRows; r++) {
          const row = a.r1 + r;
          const hidden = ctx.env.rowHidden(a.sheet, row);
          if (hidden === 'filtered' || (hidden === 'manual' && code > 100)) continue;
          for (let c = 0; c < g.usedCols; c++) {
            const f = ctx.env.cellFormula(a.sheet, row, a.c1 + c);
            // Nested subtotals are skipped so a grand total does not count them twice.
            if (f && /^=\s*(_xlfn\.)?(SUBTOTAL|AGGREGATE)\s*\(/i.test(f)) continue;
            values.push(g.get(r, c));
          }
        }
      }
      const arr: Operand = { kind: 'array', rows: [values.length ? values : [null]] };
      const names = [
        'AVERAGE',
        'COUNT',
        'COUNTA',
        'MAX',
        'MIN',
        'PRODUCT',
        'STDEV.S',
        'STDEV.P',
        'SUM',
        'VAR.S',
        'VAR.P',
      ];
      const fname = names[base - 1]!;
      if (fname === 'COUNTA') return values.filter((v) => v !== null).length;
      if (fname === 'SUM' || fname === 'PRODUCT') {
        const ns = collectNumbers([arr], ctx);
        if (fname === 'SUM') return ns.reduce((x, y) => x + y, 0);
        return ns.length ? ns.reduce((x, y) => x * y, 1) : 0;
      }
      return statsAggregate(fname, [arr], ctx);
    },
  },
];

export { ceilingLike };
