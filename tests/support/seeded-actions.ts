/**
 * Shared by the tests that play seeded random episodes: a small generator of their own (so drawing actions does
 * not disturb the env's seeded stream) and UFO actions built from a function, a label and arguments.
 */
import type { OfficeAction } from '../../envs/office/index.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
