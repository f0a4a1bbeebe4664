/**
 * Drives Excel-v0 by control text, as an agent reading the control list does: the core the UI tests build their
 * own helpers on. `Book` is the part of the canvas a test reads.
 */
import { expect } from 'vitest';
import { makeExcelEnv } from '../../envs/excel/index.ts';
import type { OfficeObservation } from '../../envs/office/index.ts';
import { act } from '../support/seeded-actions.ts';

export interface StepInfo {
  error?: string;
  result?: unknown;
}

export function excelUi<Book>(template: unknown, request: string) {
  const env = makeExcelEnv({ request });
  let [obs] = env.reset({ seed: 1, options: { template } });
  /** Runs `fn` on the `nth` visible control named `controlText` (of `type`, if given); '' acts on no control. */
  const step = (
    fn: string,
    controlText: string,
    args: Record<string, unknown>,
    type?: string,
    nth = 0,
  ): StepInfo => {
    const c = obs.controls.filter(
      (x) => x.control_text === controlText && (type === undefined || x.control_type === type),
    )[nth];
    if (controlText !== '') expect(c, `a visible control '${controlText}'`).toBeDefined();
    const out = env.step(act(fn, c?.label ?? '', controlText, args));
    obs = out[0] as OfficeObservation;
    return out[4] as StepInfo;
  };
  return {
    env,
    obs: () => obs,
    step,
    book: () => obs.canvas as Book,
    visible: (text: string, type?: string) =>
      obs.controls.some((c) => c.control_text === text && (type === undefined || c.control_type === type)),
  };
}
