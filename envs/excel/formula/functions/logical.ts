/** Logical functions. IF/IFERROR keep references intact, so =SUM(IF(A1>0,B1:B3,C1:C3)) works. */
import { toBoolean } from '../coerce.ts';
import { liftN, toGrid, toScalar, isMulti, type EvalContext } from '../grid.ts';
import { ERR, fail, isArray, isError, isRef, type Operand, type Scalar } from '../values.ts';
import { bool, scalarFn } from './helpers.ts';
import type { FnDef } from './registry.ts';
import type { Thunk } from '../evaluator.ts';
import { compareScalars } from '../coerce.ts';

/** AND/OR/XOR operands: logicals and numbers count; text in ranges is skipped, typed text must be TRUE/FALSE. */
function logicals(args: Operand[], ctx: EvalContext): boolean[] {
  const out: boolean[] = [];
  for (const a of args) {
    if (a === undefined) continue;
    if (isRef(a) || isArray(a)) {
      const g = toGrid(a, ctx.env);
      for (let r = 0; r < g.usedRows; r++) {
        for (let c = 0; c < g.usedCols; c++) {
          const v = g.get(r, c);
          if (isError(v)) throw fail(v.error);
          if (typeof v === 'boolean') out.push(v);
          else if (typeof v === 'number') out.push(v !== 0);
        }
      }
      continue;
    }
    if (a === null) {
      out.push(false);
      continue;
    }
    const b = toBoolean(a);
    if (isError(b)) throw fail(b.error);
    out.push(b);
  }
  if (out.length === 0) throw fail('#VALUE!');
  return out;
}

/** Picks per element between two branch operands when the condition is an array. */
function choose(cond: Operand, a: Operand, b: Operand, ctx: EvalContext): Operand {
  return liftN([cond, a, b], ctx.env, ([c, x, y]) => {
    if (isError(c!)) return c!;
    const t = toBoolean(c!);
    if (isError(t)) return t;
    return t ? x! : y!;
  });
}

export const LOGICAL_FUNCTIONS: FnDef[] = [
  {
    name: 'IF',
    minArgs: 1,
    maxArgs: 3,
    params: ['value', 'lazy', 'lazy'],
    lift: false,
    fn: (args: unknown[], ctx) => {
      const [cond, thenT, elseT] = args as [Operand, Thunk | undefined, Thunk | undefined];
      const elseDefault = (): Operand => (elseT ? elseT() : false);
      const thenValue = (): Operand => (thenT ? thenT() : 0);
      if (isMulti(cond)) return choose(cond, thenValue(), elseDefault(), ctx);
      const c = toScalar(cond, ctx.env);
      if (isError(c)) return c;
      const t = toBoolean(c);
      if (isError(t)) return t;
      const chosen = t ? thenValue() : elseDefault();
      return chosen === null ? 0 : chosen;
    },
  },
  {
    name: 'IFS',
    minArgs: 2,
    maxArgs: 254,
    params: ['lazy'],
    xlfn: true,
    fn: (args: Thunk[], ctx) => {
      if (args.length % 2) return ERR.VALUE;
      for (let i = 0; i < args.length; i += 2) {
        const c = toScalar(args[i]!(), ctx.env);
        if (isError(c)) return c;
        const t = toBoolean(c);
        if (isError(t)) return t;
        if (t) {
          const v = args[i + 1]!();
          return v === null ? 0 : v;
        }
      }
      return ERR.NA;
    },
  },
  ...(['IFERROR', 'IFNA'] as const).map((name): FnDef => ({
    name,
    minArgs: 2,
    maxArgs: 2,
    params: ['ref', 'lazy'],
    xlfn: name === 'IFNA',
    fn: (args: unknown[], ctx) => {
      const [v, alt] = args as [Operand, Thunk];
      const hit = (x: Scalar) => isError(x) && (name === 'IFERROR' || x.error === '#N/A');
      if (isMulti(v)) {
        const fallback = alt();
        return liftN([v, fallback], ctx.env, ([x, y]) => (hit(x!) ? (y ?? 0) : (x ?? 0)));
      }
      const x = toScalar(v, ctx.env);
      if (hit(x)) {
        const y = alt();
        return y === null ? 0 : y;
      }
      return v === null ? 0 : v;
    },
  })),
  {
    name: 'AND',
    minArgs: 1,
    maxArgs: 255,
    params: ['ref'],
    fn: (args: Operand[], ctx) => logicals(args, ctx).every(Boolean),
  },
  {
    name: 'OR',
    minArgs: 1,
    maxArgs: 255,
    params: ['ref'],
    fn: (args: Operand[], ctx) => logicals(args, ctx).some(Boolean),
  },
  {
    name: 'XOR',
    minArgs: 1,
    maxArgs: 254,
    params: ['ref'],
    xlfn: true,
    fn: (args: Operand[], ctx) => logicals(args, ctx).filter(Boolean).length % 2 === 1,
  },
  scalarFn('NOT', 1, 1, ([v]) => !bool(v)),
  scalarFn('TRUE', 0, 0, () => true),
  scalarFn('FALSE', 0, 0, () => false),
  {
    name: 'SWITCH',
    minArgs: 3,
    maxArgs: 254,
    params: ['value', 'lazy'],
    lift: false,
    xlfn: true,
    fn: (raw: unknown[], ctx) => {
      const args = raw as [Operand, ...Thunk[]];
      const subject = toScalar(args[0], ctx.env);
      if (isError(subject)) return subject;
      const rest = args.slice(1) as Thunk[];
      const pairs = Math.floor(rest.length / 2);
      for (let i = 0; i < pairs; i++) {
        const candidate = toScalar(rest[2 * i]!(), ctx.env);
        if (isError(candidate)) return candidate;
        const c = compareScalars(subject, candidate);
        if (c === 0 && typeof subject === typeof candidate) {
          const v = rest[2 * i + 1]!();
          return v === null ? 0 : v;
        }
      }
      if (rest.length % 2 === 1) {
        const v = rest[rest.length - 1]!();
        return v === null ? 0 : v;
      }
      return ERR.NA;
    },
  },
];
