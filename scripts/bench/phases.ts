/**
 * Where the env bench's time goes: wall time per step of the kernel's phases, measured by wrapping the methods
 * that run them (`--phases` on `npm run bench -- env`). The wrappers cost time themselves, so the step rates of a
 * `--phases` run are not comparable with a plain run; the split between phases is what it is for.
 */
import { OfficeEnv, Session } from '../../envs/office/index.ts';

/** Phase name → the prototype and method whose calls are timed (inclusive of what they call). */
const PHASES: readonly [string, object, string][] = [
  ['step', OfficeEnv.prototype, 'step'],
  ['dispatch', OfficeEnv.prototype, 'run'],
  ['commands', Session.prototype, 'exec'],
  ['undo snapshot', Session.prototype, 'willMutate'],
  ['observe', OfficeEnv.prototype, 'observe'],
  ['view rebuild', Session.prototype, 'build'],
  ['canvas', OfficeEnv.prototype, 'canvas'],
];

export interface PhaseTimer {
  /** Forgets what was timed so far (after a warm-up). */
  reset(): void;
  /** Microseconds per call of `step`, and calls per step, by phase. */
  report(): Record<string, { us_per_step: number; calls_per_step: number }>;
  /** Puts the original methods back. */
  remove(): void;
}

export function timePhases(): PhaseTimer {
  const totals = new Map<string, { ns: number; calls: number }>();
  const originals: [Record<string, unknown>, string, unknown][] = [];
  for (const [phase, proto, method] of PHASES) {
    const target = proto as Record<string, unknown>;
    const original = target[method] as (...args: unknown[]) => unknown;
    originals.push([target, method, original]);
    const total = { ns: 0, calls: 0 };
    totals.set(phase, total);
    target[method] = function timed(this: unknown, ...args: unknown[]): unknown {
      const t0 = process.hrtime.bigint();
      try {
        return original.apply(this, args);
      } finally {
        total.ns += Number(process.hrtime.bigint() - t0);
        total.calls++;
      }
    };
  }
  return {
    reset() {
      for (const total of totals.values()) {
        total.ns = 0;
        total.calls = 0;
      }
    },
    report() {
      const steps = totals.get('step')!.calls || 1;
      const out: Record<string, { us_per_step: number; calls_per_step: number }> = {};
      for (const [phase, total] of totals) {
        out[phase] = {
          us_per_step: Math.round((total.ns / steps / 1000) * 100) / 100,
          calls_per_step: Math.round((total.calls / steps) * 100) / 100,
        };
      }
      return out;
    },
    remove() {
      for (const [target, method, original] of originals) target[method] = original;
    },
  };
}
