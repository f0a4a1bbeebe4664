/**
 * The function table. Each function declares how its arguments are evaluated:
 *  - 'value': reduced to one value; a multi-cell range or array makes the call apply elementwise
 *    (Excel 365 lifting) unless `lift` is false; an error value short-circuits unless `acceptsErrors`.
 *  - 'ref':   passed as evaluated (a reference stays a reference, so SUM can ignore text in cells while
 *    counting a typed "3", and INDEX/ROW/OFFSET can work with addresses).
 *  - 'lazy':  passed as a thunk, evaluated only if the function asks (IF-like branches).
 * Arguments that were not given are `undefined`; arguments given empty (=IF(A1,,1)) are `null`.
 */
import type { EvalContext } from '../grid.ts';
import type { Operand } from '../values.ts';
import { MATH_FUNCTIONS } from './math.ts';
import { STATS_FUNCTIONS } from './stats.ts';
import { TEXT_FUNCTIONS } from './text.ts';
import { LOGICAL_FUNCTIONS } from './logical.ts';
import { LOOKUP_FUNCTIONS } from './lookup.ts';
import { DATE_FUNCTIONS } from './date.ts';
import { INFO_FUNCTIONS } from './info.ts';
import { FORMULAJS_FUNCTIONS } from './formulajs-adapter.ts';

export type ParamKind = 'value' | 'ref' | 'lazy';

export interface FnDef {
  name: string;
  minArgs: number;
  maxArgs: number;
  /** Kind of each parameter; the last entry repeats for further arguments. Default: all 'value'. */
  params?: ParamKind[];
  volatile?: boolean;
  lift?: boolean;
  acceptsErrors?: boolean;
  /** Functions Excel files write with the _xlfn. prefix (added after Excel 2007). */
  xlfn?: boolean;
  // Arguments are typed by each implementation according to `params`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  fn: (args: any[], ctx: EvalContext) => Operand;
}

const table = new Map<string, FnDef>();
for (const group of [
  FORMULAJS_FUNCTIONS,
  MATH_FUNCTIONS,
  STATS_FUNCTIONS,
  TEXT_FUNCTIONS,
  LOGICAL_FUNCTIONS,
  LOOKUP_FUNCTIONS,
  DATE_FUNCTIONS,
  INFO_FUNCTIONS,
]) {
  // Later groups win, so the hand-written implementations override formulajs where both exist.
  for (const def of group) table.set(def.name, def);
}

export function getFunction(name: string): FnDef | undefined {
  return table.get(name.toUpperCase());
}

export function functionNames(): string[] {
  return [...table.keys()].sort();
}

export function isVolatileFunction(name: string): boolean {
  return getFunction(name)?.volatile === true;
}
