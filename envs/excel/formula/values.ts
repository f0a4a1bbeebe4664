/**
 * Runtime and stored values of the formula engine.
 *
 * Everything a cell can hold is plain JSON: numbers, strings, booleans, `null` for blank, and errors as
 * `{ error: '#DIV/0!' }` objects (so a text cell that reads "#N/A" stays distinguishable from the error).
 * During evaluation two more shapes appear: references to ranges (kept unresolved so functions such as
 * SUM can tell a typed "3" from a cell holding "3", and ROW/INDEX can work on addresses) and arrays.
 */

export const ERROR_CODES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorValue {
  error: ErrorCode;
}

/** A value stored in a cell or produced by a scalar computation; `null` is a blank cell. */
export type Scalar = number | string | boolean | ErrorValue | null;

/** A rectangular reference to cells of one sheet; rows and columns are 1-based and inclusive. */
export interface RangeRef {
  kind: 'ref';
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** An array value (array constant or the result of an elementwise operation); row-major. */
export interface ArrayValue {
  kind: 'array';
  rows: Scalar[][];
}

export type Operand = Scalar | RangeRef | ArrayValue;

export function err(code: ErrorCode): ErrorValue {
  return { error: code };
}

export const ERR = {
  NULL: err('#NULL!'),
  DIV0: err('#DIV/0!'),
  VALUE: err('#VALUE!'),
  REF: err('#REF!'),
  NAME: err('#NAME?'),
  NUM: err('#NUM!'),
  NA: err('#N/A'),
  CALC: err('#CALC!'),
  SPILL: err('#SPILL!'),
} as const;

export function isError(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function isRef(v: Operand): v is RangeRef {
  return typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'ref';
}

export function isArray(v: Operand): v is ArrayValue {
  return typeof v === 'object' && v !== null && 'kind' in v && v.kind === 'array';
}

export function isErrorCode(s: string): s is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(s.toUpperCase());
}

export function refRows(r: RangeRef): number {
  return r.r2 - r.r1 + 1;
}

export function refCols(r: RangeRef): number {
  return r.c2 - r.c1 + 1;
}

/** Error raised inside function implementations; the evaluator turns it into the error value. */
export class FormulaErrorSignal {
  constructor(readonly value: ErrorValue) {}
}

export function fail(code: ErrorCode): never {
  throw new FormulaErrorSignal(err(code));
}
