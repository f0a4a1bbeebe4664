/** Argument coercion and aggregation helpers shared by the function implementations. */
import { toBoolean, toNumber, toText } from '../coerce.ts';
import { toGrid, type EvalContext, type Grid } from '../grid.ts';
import { fail, isArray, isError, isRef, type Operand, type Scalar } from '../values.ts';
import type { FnDef } from './registry.ts';

export function num(v: Scalar | undefined): number {
  const n = toNumber(v ?? null);
  if (isError(n)) throw fail(n.error);
  return n;
}

export function optNum(v: Scalar | undefined, dflt: number): number {
  return v === undefined ? dflt : num(v);
}

export function int(v: Scalar | undefined): number {
  return Math.trunc(num(v));
}

export function str(v: Scalar | undefined): string {
  const s = toText(v ?? null);
  if (isError(s)) throw fail(s.error);
  return s;
}

export function bool(v: Scalar | undefined): boolean {
  const b = toBoolean(v ?? null);
  if (isError(b)) throw fail(b.error);
  return b;
}

export function optBool(v: Scalar | undefined, dflt: boolean): boolean {
  return v === undefined ? dflt : bool(v);
}

export function checkNumber(n: number): number {
  if (!Number.isFinite(n)) throw fail('#NUM!');
  return n;
}

export interface CollectOptions {
  /** Text in references/arrays: ignored (SUM) or counted as 0 (AVERAGEA). */
  refText?: 'ignore' | 'zero';
  /** Logicals in references/arrays: ignored (SUM) or counted as 1/0 (AVERAGEA). */
  refBool?: 'ignore' | 'count';
  /** Error values: propagate (SUM) or skip (COUNT). */
  errors?: 'propagate' | 'skip';
  /** Typed text that is not a number: #VALUE! (SUM) or skipped (COUNT). */
  scalarText?: 'error' | 'skip';
}

/**
 * Numbers of SUM-like argument lists with Excel's rules: typed numbers, logicals and numeric text count;
 * in references and arrays only numbers count (unless options say otherwise); errors propagate.
 */
export function collectNumbers(args: Operand[], ctx: EvalContext, opts: CollectOptions = {}): number[] {
  const out: number[] = [];
  const errors = opts.errors ?? 'propagate';
  for (const a of args) {
    if (a === undefined) continue;
    if (isRef(a) || isArray(a)) {
      const g = toGrid(a, ctx.env);
      for (let r = 0; r < g.usedRows; r++) {
        for (let c = 0; c < g.usedCols; c++) {
          const v = g.get(r, c);
          if (typeof v === 'number') out.push(v);
          else if (isError(v)) {
            if (errors === 'propagate') throw fail(v.error);
          } else if (typeof v === 'boolean') {
            if (opts.refBool === 'count') out.push(v ? 1 : 0);
          } else if (typeof v === 'string') {
            if (opts.refText === 'zero') out.push(0);
          }
        }
      }
      continue;
    }
    if (isError(a)) {
      if (errors === 'propagate') throw fail(a.error);
      continue;
    }
    if (a === null) {
      out.push(0);
      continue;
    }
    const n = toNumber(a);
    if (isError(n)) {
      if (opts.scalarText === 'skip') continue;
      throw fail(n.error);
    }
    out.push(n);
  }
  return out;
}

/** All values of the arguments, flattened row by row (used part of references only). */
export function flattenValues(args: Operand[], ctx: EvalContext): Scalar[] {
  const out: Scalar[] = [];
  for (const a of args) {
    if (a === undefined) continue;
    if (isRef(a) || isArray(a)) {
      const g = toGrid(a, ctx.env);
      for (let r = 0; r < g.usedRows; r++) for (let c = 0; c < g.usedCols; c++) out.push(g.get(r, c));
    } else out.push(a);
  }
  return out;
}

export function grid(a: Operand, ctx: EvalContext): Grid {
  return toGrid(a, ctx.env);
}

/** Shorthand for a function whose parameters are all 'value'. */
export function scalarFn(
  name: string,
  minArgs: number,
  maxArgs: number,
  fn: (args: Scalar[], ctx: EvalContext) => Operand,
  extra: Partial<FnDef> = {},
): FnDef {
  return { name, minArgs, maxArgs, fn, ...extra };
}

/** Shorthand for a function whose parameters are all 'ref' (aggregates over ranges). */
export function listFn(
  name: string,
  minArgs: number,
  maxArgs: number,
  fn: (args: Operand[], ctx: EvalContext) => Operand,
  extra: Partial<FnDef> = {},
): FnDef {
  return { name, minArgs, maxArgs, params: ['ref'], fn, ...extra };
}

/** Rounds half away from zero at `digits` decimals, on the 15-digit decimal value Excel works with. */
export function roundHalfAway(x: number, digits: number): number {
  const d = Math.trunc(digits);
  if (d > 15) return x;
  const scaled = d >= 0 ? x * 10 ** d : x / 10 ** -d;
  const s = Number(scaled.toPrecision(15));
  const r = Math.sign(s) * Math.floor(Math.abs(s) + 0.5);
  return d >= 0 ? r / 10 ** d : r * 10 ** -d;
}

export function roundWith(x: number, digits: number, mode: 'up' | 'down'): number {
  const d = Math.trunc(digits);
  if (d > 15) return x;
  const scaled = d >= 0 ? x * 10 ** d : x / 10 ** -d;
  const s = Math.abs(Number(scaled.toPrecision(15)));
  const r = Math.sign(scaled) * (mode === 'up' ? Math.ceil(s) : Math.floor(s));
  const out = d >= 0 ? r / 10 ** d : r * 10 ** -d;
  return out === 0 ? 0 : out;
}
