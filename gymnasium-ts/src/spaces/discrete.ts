/**
 * `Discrete(n, {start})`: the integers start, start+1, ..., start+n-1 (gymnasium/spaces/discrete.py).
 * Values are plain JS numbers. The dtype (an integer dtype, default int32; numpy's default int64 has no typed
 * array of numbers) is what batching and flattening produce, and picks numpy's draw path as Gymnasium does.
 *
 * Sampling matches Gymnasium bit for bit: `sample()` is `start + np_random.integers(n, dtype=dtype)`;
 * a mask draws `np_random.choice(valid_indexes)`; a probability draws `np_random.choice(n, p=probability)`.
 */
import type { Generator } from '../utils/seeding.ts';
import { Space, type SpaceJSON } from './space.ts';
import { DTYPES, assertDType, describe, isIntDType, type IntDType } from './ndarray.ts';
import { boundedIntegers, weightedChoice } from './draws.ts';
import { assertInteger, assertNotBoth, given, readBinaryMask, readProbability } from './validate.ts';

export interface DiscreteOptions {
  /** The smallest value (default 0). */
  start?: number;
  /** An integer dtype (default int32). */
  dtype?: IntDType;
  seed?: number | Generator | null;
}

export class Discrete extends Space<number> {
  readonly n: number;
  readonly start: number;
  declare readonly dtype: IntDType;
  declare readonly shape: readonly number[];

  constructor(n: number, { start = 0, dtype = 'int32', seed = null }: DiscreteOptions = {}) {
    const checkedN = assertInteger(n, 'Discrete: n');
    if (checkedN <= 0) throw new RangeError(`Discrete: n (the number of values) must be positive, got ${n}`);
    assertInteger(start, 'Discrete: start');
    const checkedDtype = assertDType(dtype, 'Discrete');
    if (!isIntDType(checkedDtype)) {
      throw new TypeError(`Discrete: dtype must be an integer dtype, got ${checkedDtype}`);
    }
    const info = DTYPES[checkedDtype];
    if (start < info.min || start + checkedN - 1 > info.max) {
      throw new RangeError(
        `Discrete: the values ${start}..${start + checkedN - 1} do not fit dtype ${checkedDtype} (${info.min}..${info.max})`,
      );
    }
    super([], checkedDtype, null);
    this.n = checkedN;
    this.start = start;
    this.applySeed(seed);
  }

  override get isNpFlattenable(): boolean {
    return true;
  }

  /**
   * A uniform value; or, with `mask` (an Int8Array of n 0/1 entries), a uniform value among the allowed ones
   * (`start` when none is allowed); or, with `probability` (a Float64Array of n entries summing to 1), a value
   * drawn with those probabilities.
   */
  sample(mask?: Int8Array | null, probability?: Float64Array | null): number {
    assertNotBoth(mask, probability, 'Discrete.sample');
    if (given(mask)) {
      const valid = readBinaryMask(mask, this.n, 'Discrete.sample');
      if (valid.length === 0) return this.start;
      return this.start + valid[this.npRandom.integers(0, valid.length)]!;
    }
    if (given(probability)) {
      const p = readProbability(probability, this.n, 'Discrete.sample');
      return this.start + weightedChoice(this.npRandom, p)[0]!;
    }
    return this.start + boundedIntegers(this.npRandom, 0, this.n, 1, this.dtype)[0]!;
  }

  contains(x: unknown): x is number {
    return typeof x === 'number' && Number.isInteger(x) && x >= this.start && x < this.start + this.n;
  }

  equals(other: unknown): boolean {
    return (
      other instanceof Discrete &&
      other.n === this.n &&
      other.start === this.start &&
      other.dtype === this.dtype
    );
  }

  toString(): string {
    return this.start !== 0 ? `Discrete(${this.n}, start=${this.start})` : `Discrete(${this.n})`;
  }

  toJSON(): SpaceJSON {
    return { type: 'Discrete', n: this.n, start: this.start, dtype: this.dtype };
  }

  static fromJSON(json: SpaceJSON): Discrete {
    return new Discrete(json.n as number, {
      start: (json.start as number) ?? 0,
      dtype: json.dtype as IntDType,
    });
  }

  override toJsonable(samples: readonly number[]): number[] {
    return samples.map((x) => x);
  }

  override fromJsonable(json: unknown): number[] {
    if (!Array.isArray(json))
      throw new TypeError(`Discrete.fromJsonable expects an array, got ${describe(json)}`);
    return json.map((x, i) => {
      if (typeof x !== 'number' || !Number.isInteger(x)) {
        throw new TypeError(`Discrete.fromJsonable: entry ${i} is not an integer: ${describe(x)}`);
      }
      return x;
    });
  }
}
