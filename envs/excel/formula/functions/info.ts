/** Information functions (IS*, TYPE, NA, ERROR.TYPE, N, FORMULATEXT...). */
import {
  isErrorCode,
  ERR,
  ERROR_CODES,
  isError,
  isRef,
  isArray,
  type Operand,
  type Scalar,
} from '../values.ts';
import { toScalar } from '../grid.ts';
import { scalarFn } from './helpers.ts';
import type { FnDef } from './registry.ts';

const is = (name: string, test: (v: Scalar) => boolean): FnDef =>
  scalarFn(name, 1, 1, ([v]) => test(v ?? null), { acceptsErrors: true });

export const INFO_FUNCTIONS: FnDef[] = [
  is('ISBLANK', (v) => v === null),
  is('ISNUMBER', (v) => typeof v === 'number'),
  is('ISTEXT', (v) => typeof v === 'string'),
  is('ISNONTEXT', (v) => typeof v !== 'string'),
  is('ISLOGICAL', (v) => typeof v === 'boolean'),
  is('ISERROR', (v) => isError(v)),
  is('ISERR', (v) => isError(v) && v.error !== '#N/A'),
  is('ISNA', (v) => isError(v) && v.error === '#N/A'),
  scalarFn('ISEVEN', 1, 1, ([v]) => (typeof v === 'number' ? Math.floor(Math.abs(v)) % 2 === 0 : ERR.VALUE)),
  scalarFn('ISODD', 1, 1, ([v]) => (typeof v === 'number' ? Math.floor(Math.abs(v)) % 2 === 1 : ERR.VALUE)),
  { name: 'ISREF', minArgs: 1, maxArgs: 1, params: ['ref'], fn: (args: Operand[]) => isRef(args[0]!) },
  {
    name: 'ISFORMULA',
    minArgs: 1,
    maxArgs: 1,
    params: ['ref'],
    xlfn: true,
    fn: (args: Operand[], ctx) => {
      const a = args[0]!;
      if (!isRef(a)) return ERR.VALUE;
      return ctx.env.cellFormula(a.sheet, a.r1, a.c1) !== undefined;
    },
  },
  {
    name: 'FORMULATEXT',
    minArgs: 1,
    maxArgs: 1,
    params: ['ref'],
    xlfn: true,
    fn: (args: Operand[], ctx) => {
      const a = args[0]!;
      if (!isRef(a)) return ERR.VALUE;
      return ctx.env.cellFormula(a.sheet, a.r1, a.c1) ?? ERR.NA;
    },
  },
  scalarFn('NA', 0, 0, () => ERR.NA),
  scalarFn(
    'ERROR.TYPE',
    1,
    1,
    ([v]) => (isError(v) && isErrorCode(v.error) ? ERROR_CODES.indexOf(v.error) + 1 : ERR.NA),
    { acceptsErrors: true },
  ),
  {
    name: 'TYPE',
    minArgs: 1,
    maxArgs: 1,
    params: ['ref'],
    fn: (args: Operand[], ctx) => {
      const a = args[0]!;
      if (isArray(a) || (isRef(a) && (a.r1 !== a.r2 || a.c1 !== a.c2))) return 64;
      const v = toScalar(a, ctx.env);
      if (typeof v === 'number' || v === null) return 1;
      if (typeof v === 'string') return 2;
      if (typeof v === 'boolean') return 4;
      return 16;
    },
  },
  scalarFn('N', 1, 1, ([v]) => (typeof v === 'number' ? v : v === true ? 1 : 0)),
];
