/** Checks shared by the spaces' constructors and `sample` masks, each with a message naming what was wrong. */
import { describe } from './ndarray.ts';

/** Gymnasium raises when both are given: exactly one kind of restriction per draw. */
export function assertNotBoth(mask: unknown, probability: unknown, where: string): void {
  if (mask !== undefined && mask !== null && probability !== undefined && probability !== null) {
    throw new Error(
      `${where}: only one of \`mask\` or \`probability\` can be provided, got mask=${describe(mask)}, probability=${describe(probability)}`,
    );
  }
}

export function given(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A 0/1 mask: an Int8Array of `length` entries, each 0 or 1. Returns the indexes of the 1s. */
export function readBinaryMask(mask: unknown, length: number, where: string): number[] {
  if (!(mask instanceof Int8Array)) {
    throw new TypeError(`${where}: the mask must be an Int8Array (numpy int8), got ${describe(mask)}`);
  }
  if (mask.length !== length) {
    throw new RangeError(`${where}: the mask must have ${length} entries, got ${mask.length}`);
  }
  const valid: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    const v = mask[i]!;
    if (v === 1) valid.push(i);
    else if (v !== 0) throw new RangeError(`${where}: mask values must be 0 or 1, got ${v} at index ${i}`);
  }
  return valid;
}

/** numpy's `isclose(sum, 1)` with default tolerances. */
export function sumsToOne(total: number): boolean {
  return Math.abs(total - 1) <= 1e-8 + 1e-5;
}

/** A probability vector: a Float64Array of `length` entries in [0, 1] summing to 1. */
export function readProbability(probability: unknown, length: number, where: string): Float64Array {
  if (!(probability instanceof Float64Array)) {
    throw new TypeError(
      `${where}: the probability must be a Float64Array (numpy float64), got ${describe(probability)}`,
    );
  }
  if (probability.length !== length) {
    throw new RangeError(`${where}: the probability must have ${length} entries, got ${probability.length}`);
  }
  let total = 0;
  for (let i = 0; i < probability.length; i++) {
    const p = probability[i]!;
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`${where}: probabilities must be in [0, 1], got ${p} at index ${i}`);
    }
    total += p;
  }
  if (!sumsToOne(total)) throw new RangeError(`${where}: probabilities must sum to 1, got a sum of ${total}`);
  return probability;
}

export function assertInteger(value: unknown, where: string, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new TypeError(`${where} must be an integer, got ${describe(value)}`);
  }
  if (value < min) throw new RangeError(`${where} must be >= ${min}, got ${value}`);
  return value;
}
