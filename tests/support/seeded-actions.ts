/**
 * Shared by the tests that play seeded random episodes: a small generator of their own (so drawing actions does
 * not disturb the env's seeded stream) and UFO actions built from a function, a label and arguments.
 */
import type { OfficeAction } from '../../envs/office/index.ts';

export { mulberry32 } from '../../scripts/bench/env.ts';

export function act(fn: string, label = '', text = '', args: Record<string, unknown> = {}): OfficeAction {
  return {
    thought: '',
    control_label: label,
    control_text: text,
    function: fn,
    args,
    status: 'CONTINUE',
    plan: [],
  };
}
