/**
 * The long tail of Excel functions (financial, distributions, regression, engineering) comes from
 * @formulajs/formulajs (MIT). Its functions take plain JS values and flatten ranges loosely (SUM parses
 * "12abc" as 12), so arguments are prepared here with Excel's own rules first: scalars are coerced like
 * any Excel argument, ranges contribute only their numbers, paired ranges drop pairs with a non-number.
 * Its Error results ('#NUM!' ...) become error values.
 */
import * as formulajs from '@formulajs/formulajs';
import { toGrid, type EvalContext } from '../grid.ts';
import { ERR, fail, isArray, isError, isErrorCode, isRef, type Operand, type Scalar } from '../values.ts';
import { bool, collectNumbers, num, str } from './helpers.ts';
import type { FnDef, ParamKind } from './registry.ts';

type Kind = 'n' | 'n?' | 'b?' | 's' | 'a' | 'P' | '*n';

/** [Excel name, argument kinds, formulajs path if different, needs _xlfn. in files] */
const SPECS: [string, Kind[], string?, boolean?][] = [
  ['PMT', ['n', 'n', 'n', 'n?', 'n?']],
  ['PV', ['n', 'n', 'n', 'n?', 'n?']],
  ['FV', ['n', 'n', 'n', 'n?', 'n?']],
  ['NPER', ['n', 'n', 'n', 'n?', 'n?']],
  ['RATE', ['n', 'n', 'n', 'n?', 'n?', 'n?']],
  ['IPMT', ['n', 'n', 'n', 'n', 'n?', 'n?']],
  ['PPMT', ['n', 'n', 'n', 'n', 'n?', 'n?']],
  ['CUMIPMT', ['n', 'n', 'n', 'n', 'n', 'n']],
  ['CUMPRINC', ['n', 'n', 'n', 'n', 'n', 'n']],
  ['NPV', ['n', '*n']],
  ['IRR', ['a', 'n?']],
  ['MIRR', ['a', 'n', 'n']],
  ['XNPV', ['n', 'a', 'a']],
  ['XIRR', ['a', 'a', 'n?']],
  ['EFFECT', ['n', 'n']],
  ['NOMINAL', ['n', 'n']],
  ['SLN', ['n', 'n', 'n']],
  ['SYD', ['n', 'n', 'n', 'n']],
  ['DB', ['n', 'n', 'n', 'n', 'n?']],
  ['DDB', ['n', 'n', 'n', 'n', 'n?']],
  ['FVSCHEDULE', ['n', 'a']],
  ['PDURATION', ['n', 'n', 'n'], undefined, true],
  ['RRI', ['n', 'n', 'n'], undefined, true],
  ['NORM.DIST', ['n', 'n', 'n', 'b?'], undefined, true],
  ['NORM.INV', ['n', 'n', 'n'], undefined, true],
  ['NORM.S.DIST', ['n', 'b?'], undefined, true],
  ['NORM.S.INV', ['n'], undefined, true],
  ['NORMDIST', ['n', 'n', 'n', 'b?']],
  ['NORMINV', ['n', 'n', 'n']],
  ['NORMSDIST', ['n']],
  ['NORMSINV', ['n']],
  ['STANDARDIZE', ['n', 'n', 'n']],
  ['BINOM.DIST', ['n', 'n', 'n', 'b?'], undefined, true],
  ['POISSON.DIST', ['n', 'n', 'b?'], undefined, true],
  ['EXPON.DIST', ['n', 'n', 'b?'], undefined, true],
  ['T.DIST', ['n', 'n', 'b?'], undefined, true],
  ['T.INV', ['n', 'n'], undefined, true],
  ['T.INV.2T', ['n', 'n'], undefined, true],
  ['CHISQ.DIST', ['n', 'n', 'b?'], undefined, true],
  ['CONFIDENCE.NORM', ['n', 'n', 'n'], undefined, true],
  ['CONFIDENCE', ['n', 'n', 'n'], 'CONFIDENCE.NORM'],
  ['SLOPE', ['P', 'P']],
  ['INTERCEPT', ['P', 'P']],
  ['RSQ', ['P', 'P']],
  ['PEARSON', ['P', 'P']],
  ['STEYX', ['P', 'P']],
  ['COVARIANCE.P', ['P', 'P'], 'COVARIANCEP', true],
  ['COVARIANCE.S', ['P', 'P'], 'COVARIANCES', true],
  ['COVAR', ['P', 'P']],
  ['FORECAST', ['n', 'P', 'P']],
  ['FORECAST.LINEAR', ['n', 'P', 'P'], 'FORECAST', true],
  ['KURT', ['*n']],
  ['SKEW', ['*n']],
  ['TRIMMEAN', ['a', 'n']],
  ['FACTDOUBLE', ['n']],
  ['COMBINA', ['n', 'n'], undefined, true],
  ['PERMUT', ['n', 'n']],
  ['MULTINOMIAL', ['*n']],
  ['SQRTPI', ['n']],
  ['ROMAN', ['n', 'n?']],
  ['ARABIC', ['s'], undefined, true],
  ['BASE', ['n', 'n', 'n?'], undefined, true],
  ['DECIMAL', ['s', 'n'], undefined, true],
  ['DEC2BIN', ['n', 'n?']],
  ['DEC2HEX', ['n', 'n?']],
  ['DEC2OCT', ['n', 'n?']],
  ['BIN2DEC', ['s']],
  ['HEX2DEC', ['s']],
  ['OCT2DEC', ['s']],
  ['DELTA', ['n', 'n?']],
  ['GESTEP', ['n', 'n?']],
  ['YEARFRAC', ['n', 'n', 'n?']],
  ['GAMMA', ['n'], undefined, true],
  ['GAMMALN', ['n']],
  ['ERF', ['n', 'n?']],
  ['ERFC', ['n']],
  ['FISHER', ['n']],
  ['FISHERINV', ['n']],
];

function lookupImpl(path: string): ((...a: unknown[]) => unknown) | undefined {
  const lib = formulajs as unknown as Record<string, unknown>;
  const direct = lib[path.replace(/\./g, '')];
  if (typeof direct === 'function') return direct as (...a: unknown[]) => unknown;
  let cur: unknown = lib;
  for (const part of path.split('.')) {
    if (cur === null || (typeof cur !== 'object' && typeof cur !== 'function')) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'function' ? (cur as (...a: unknown[]) => unknown) : undefined;
}

function numbersOf(op: Operand, ctx: EvalContext): number[] {
  if (isError(op)) throw fail(op.error);
  return collectNumbers([op], ctx);
}

function pairwise(ops: Operand[], ctx: EvalContext): number[][] {
  const grids = ops.map((o) => {
    if (isError(o)) throw fail(o.error);
    return toGrid(o, ctx.env);
  });
  const n = grids[0]!.rows * grids[0]!.cols;
  if (grids.some((g) => g.rows * g.cols !== n)) throw fail('#N/A');
  const out: number[][] = ops.map(() => []);
  for (let i = 0; i < n; i++) {
    const vals = grids.map((g) => g.get(Math.floor(i / g.cols), i % g.cols));
    for (const v of vals) if (isError(v)) throw fail(v.error);
    if (vals.every((v) => typeof v === 'number')) vals.forEach((v, k) => out[k]!.push(v as number));
  }
  return out;
}

function toResult(r: unknown): Scalar {
  if (r instanceof Error) {
    const code = r.message.toUpperCase();
    return isErrorCode(code) ? { error: code } : ERR.VALUE;
  }
  if (typeof r === 'number') return Number.isFinite(r) ? r : ERR.NUM;
  if (typeof r === 'string' || typeof r === 'boolean') return r;
  return ERR.VALUE;
}

function makeDef(
  name: string,
  kinds: Kind[],
  path: string | undefined,
  xlfn: boolean | undefined,
): FnDef | null {
  const impl = lookupImpl(path ?? name);
  if (!impl) return null;
  const rest = kinds[kinds.length - 1] === '*n';
  const required = kinds.filter((k) => !k.endsWith('?') && k !== '*n').length;
  const params: ParamKind[] = kinds.map((k) => (k === 'a' || k === 'P' || k === '*n' ? 'ref' : 'value'));
  return {
    name,
    minArgs: rest ? Math.max(required, 1) : required,
    maxArgs: rest ? 255 : kinds.length,
    params,
    xlfn: xlfn === true,
    fn: (args: Operand[], ctx) => {
      const callArgs: unknown[] = [];
      const paired: number[] = [];
      kinds.forEach((k, i) => {
        if (k === 'P') paired.push(i);
      });
      const pairs = paired.length
        ? pairwise(
            paired.map((i) => args[i]!),
            ctx,
          )
        : [];
      for (let i = 0; i < kinds.length; i++) {
        const k = kinds[i]!;
        const a = args[i];
        if (k === '*n') {
          callArgs.push(...collectNumbers(args.slice(i), ctx));
          break;
        }
        if (a === undefined) break;
        switch (k) {
          case 'n':
          case 'n?':
            callArgs.push(num(a as Scalar));
            break;
          case 'b?':
            callArgs.push(bool(a as Scalar));
            break;
          case 's':
            callArgs.push(str(a as Scalar));
            break;
          case 'a':
            callArgs.push(isRef(a) || isArray(a) ? numbersOf(a, ctx) : [num(a as Scalar)]);
            break;
          case 'P':
            callArgs.push(pairs[paired.indexOf(i)]);
            break;
        }
      }
      return toResult(impl(...callArgs));
    },
  };
}

export const FORMULAJS_FUNCTIONS: FnDef[] = SPECS.map(([n, k, p, x]) => makeDef(n, k, p, x)).filter(
  (d): d is FnDef => d !== null,
);
