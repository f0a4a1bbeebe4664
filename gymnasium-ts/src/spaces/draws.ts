/**
 * numpy Generator draws that spaces make and `Generator` does not offer directly, reproduced bit for bit:
 * `integers(low, high, size, dtype)` for 8- and 16-bit dtypes (numpy slices one 32-bit draw into 4 or 2
 * values), and `choice(n, p=p)` (a normalised cumulative sum searched with one `random()` per value).
 */
import type { Generator } from '../utils/seeding.ts';
import type { DType } from './space.ts';
import { DTYPES } from './ndarray.ts';

/**
 * numpy: `integers(low, high, size=count, dtype=dtype)`, high exclusive. 8- and 16-bit dtypes use numpy's
 * buffered Lemire draws (several values per 32-bit draw, the buffer living for one call); wider dtypes
 * draw each value with `Generator.integers`, as numpy's 32/64-bit paths do.
 */
export function boundedIntegers(
  generator: Generator,
  low: number,
  high: number,
  count: number,
  dtype: DType,
): number[] {
  if (!(high > low)) throw new RangeError(`integers: high (${high}) must be greater than low (${low})`);
  const bits = DTYPES[dtype].bits;
  const out = new Array<number>(count);
  if (bits > 16) {
    for (let i = 0; i < count; i++) out[i] = generator.integers(low, high);
    return out;
  }
  const rng = high - 1 - low;
  const maxValue = bits === 8 ? 0xff : 0xffff;
  const perDraw = 32 / bits;
  let buffer = 0;
  let remaining = 0;
  const next = (): number => {
    if (remaining === 0) {
      buffer = generator.nextUint32();
      remaining = perDraw - 1;
    } else {
      buffer = Math.floor(buffer / 2 ** bits);
      remaining -= 1;
    }
    return buffer % 2 ** bits;
  };
  for (let i = 0; i < count; i++) {
    if (rng === 0) {
      out[i] = low;
    } else if (rng === maxValue) {
      out[i] = low + next();
    } else {
      const rngExcl = rng + 1;
      let m = next() * rngExcl;
      let leftover = m % 2 ** bits;
      if (leftover < rngExcl) {
        const threshold = (maxValue - rng) % rngExcl;
        while (leftover < threshold) {
          m = next() * rngExcl;
          leftover = m % 2 ** bits;
        }
      }
      out[i] = low + Math.floor(m / 2 ** bits);
    }
  }
  return out;
}

/**
 * numpy: `choice(len(p), size=count, p=p)`: cdf = cumsum(p) / sum, one `random()` per value, and the index is
 * the first cdf entry strictly above the draw (`searchsorted(side='right')`).
 */
export function weightedChoice(generator: Generator, probabilities: ArrayLike<number>, count = 1): number[] {
  const n = probabilities.length;
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += probabilities[i]!;
    cdf[i] = total;
  }
  const last = cdf[n - 1]!;
  for (let i = 0; i < n; i++) cdf[i] = cdf[i]! / last;
  const out = new Array<number>(count);
  for (let k = 0; k < count; k++) {
    const u = generator.random();
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! <= u) lo = mid + 1;
      else hi = mid;
    }
    out[k] = Math.min(lo, n - 1);
  }
  return out;
}

/**
 * A geometric draw (number of trials to the first success, >= 1). numpy's formula for p < 1/3,
 * `ceil(-E / log1p(-p))`, with E drawn by inversion: TS-specific, since numpy draws E with a ziggurat.
 */
export function geometric(generator: Generator, p: number): number {
  if (p >= 1 / 3) {
    // numpy's search method, exact.
    const u = generator.random();
    let x = 1;
    let prod = p;
    let sum = p;
    const q = 1 - p;
    while (u > sum) {
      prod *= q;
      sum += prod;
      x++;
    }
    return x;
  }
  return Math.max(1, Math.ceil(-generator.exponential() / Math.log1p(-p)));
}

/** numpy's `np.sum` of a float64 vector: pairwise summation (8 accumulators, blocks of 128), bit for bit. */
export function pairwiseSum(values: ArrayLike<number>, start = 0, length = values.length): number {
  if (length < 8) {
    let sum = 0;
    for (let i = start; i < start + length; i++) sum += values[i]!;
    return sum;
  }
  if (length <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => values[start + k]!);
    let i = 8;
    for (; i < length - (length % 8); i += 8) {
      for (let k = 0; k < 8; k++) r[k] = r[k]! + values[start + i + k]!;
    }
    let sum = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < length; i++) sum += values[start + i]!;
    return sum;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, length - half);
}

/** Composite seeding: Gymnasium's `np_random.integers(np.iinfo(np.int32).max, size=k)`, one seed per sub-space. */
export function subSeeds(generator: Generator, count: number): number[] {
  return Array.from({ length: count }, () => generator.integers(2147483647));
}
