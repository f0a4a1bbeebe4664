/**
 * Checks and expands the arguments of a vector `reset`: one seed per sub-env, the options every sub-env
 * receives, and the optional `reset_mask` that picks which sub-envs to reset.
 */
import { InvalidSeed } from '../errors.ts';

export interface VectorResetArgs {
  /**
   * `null`/absent: every sub-env keeps its generator (or seeds itself from OS entropy on first use);
   * an integer `s`: sub-env i is reset with seed `s + i`; an array: one seed (or null) per sub-env.
   */
  seed?: number | readonly (number | null)[] | null;
  /**
   * Passed to every sub-env's `reset`. The key `reset_mask` (a `boolean[]` or `Uint8Array` of length `numEnvs`
   * with at least one true) is taken out: only the sub-envs it marks are reset, the others keep their state.
   */
  options?: Record<string, unknown> | null;
}

export interface ResolvedReset {
  seeds: (number | null)[];
  /** The options for the sub-envs, without `reset_mask`. */
  options: Record<string, unknown> | null;
  /** Which sub-envs to reset; null means all of them. */
  mask: boolean[] | null;
}

export function resolveResetArgs(numEnvs: number, args: VectorResetArgs | undefined): ResolvedReset {
  const seeds = resolveSeeds(numEnvs, args?.seed);
  const rawOptions = args?.options ?? null;
  if (rawOptions !== null && (typeof rawOptions !== 'object' || Array.isArray(rawOptions))) {
    throw new TypeError(`reset options must be an object, got ${describe(rawOptions)}`);
  }
  if (rawOptions === null || !('reset_mask' in rawOptions)) return { seeds, options: rawOptions, mask: null };
  const { reset_mask: rawMask, ...options } = rawOptions;
  return { seeds, options, mask: resolveResetMask(numEnvs, rawMask) };
}

function resolveSeeds(numEnvs: number, seed: VectorResetArgs['seed']): (number | null)[] {
  if (seed === undefined || seed === null) return new Array<number | null>(numEnvs).fill(null);
  if (typeof seed === 'number') {
    checkSeed(seed, 'seed');
    if (!Number.isSafeInteger(seed + numEnvs - 1)) {
      throw new InvalidSeed(
        `seed ${seed} + ${numEnvs - 1} (one seed per sub-env) exceeds Number.MAX_SAFE_INTEGER`,
      );
    }
    return Array.from({ length: numEnvs }, (_, i) => seed + i);
  }
  if (!Array.isArray(seed)) {
    throw new InvalidSeed(
      `seed must be a non-negative integer, an array of them, or null; got ${describe(seed)}`,
    );
  }
  if (seed.length !== numEnvs) {
    throw new InvalidSeed(
      `seed is an array of length ${seed.length}, but there are ${numEnvs} sub-envs: give one seed (or null) each`,
    );
  }
  return seed.map((s: unknown, i) => {
    if (s === null || s === undefined) return null;
    checkSeed(s, `seed[${i}]`);
    return s as number;
  });
}

function checkSeed(seed: unknown, where: string): void {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw new InvalidSeed(`${where} must be a non-negative safe integer, got ${describe(seed)}`);
  }
}

/** `options.reset_mask` as booleans, checked as Gymnasium checks its numpy bool array. */
export function resolveResetMask(numEnvs: number, mask: unknown): boolean[] {
  let values: boolean[];
  if (mask instanceof Uint8Array) {
    if (mask.some((v) => v > 1)) {
      throw new TypeError(
        `options.reset_mask as a Uint8Array must hold only 0 and 1, got [${mask.join(', ')}]`,
      );
    }
    values = Array.from(mask, (v) => v === 1);
  } else if (Array.isArray(mask) && mask.every((v) => typeof v === 'boolean')) {
    values = mask as boolean[];
  } else {
    throw new TypeError(
      `options.reset_mask must be a boolean[] or a Uint8Array of 0/1 with one entry per sub-env, got ${describe(mask)}`,
    );
  }
  if (values.length !== numEnvs) {
    throw new RangeError(
      `options.reset_mask must have length ${numEnvs} (numEnvs), got length ${values.length}`,
    );
  }
  if (!values.includes(true)) {
    throw new RangeError('options.reset_mask must mark at least one sub-env to reset, got all false');
  }
  return values;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => describe(v)).join(', ')}]`;
  if (typeof value === 'object') return `an instance of ${(value as object).constructor?.name ?? 'Object'}`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
