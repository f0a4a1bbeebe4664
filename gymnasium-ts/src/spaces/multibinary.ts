/**
 * `MultiBinary(n)`: arrays of 0s and 1s of shape `(n,)`, or of a given shape when `n` is an array
 * (gymnasium/spaces/multi_binary.py). Values are flat row-major Int8Arrays.
 *
 * Sampling matches Gymnasium bit for bit: `integers(0, 2, size=n, dtype=int8)` (numpy slices each 32-bit draw
 * into four bytes). A mask (Int8Array of the space's size) fixes an element to 0 or 1, or leaves it random
 * with 2; a probability (Float64Array of the same size) gives each element's chance of being 1.
 */
import type { Generator } from '../utils/seeding.ts';
import { Space, type SpaceJSON } from './space.ts';
import { describe, readFlatValue, shapeRepr, shapeSize, shapesEqual, toNested } from './ndarray.ts';
import { boundedIntegers } from './draws.ts';
import { assertNotBoth, given } from './validate.ts';

export interface MultiBinaryOptions {
  seed?: number | Generator | null;
}

export class MultiBinary extends Space<Int8Array> {
  declare readonly shape: readonly number[];
  declare readonly dtype: 'int8';
  /** As given: a number for a 1-D space, else the shape. */
  readonly n: number | readonly number[];

  constructor(n: number | readonly number[], { seed = null }: MultiBinaryOptions = {}) {
    const shape = typeof n === 'number' ? [n] : Array.isArray(n) ? [...(n as number[])] : null;
    if (shape === null || !shape.every((d) => Number.isSafeInteger(d) && d > 0)) {
      throw new RangeError(
        `MultiBinary: n must be a positive integer or an array of them, got ${describe(n)}`,
      );
    }
    super(shape, 'int8', null);
    this.n = typeof n === 'number' ? n : Object.freeze([...shape]);
    this.applySeed(seed);
  }

  override get isNpFlattenable(): boolean {
    return true;
  }

  private get size(): number {
    return shapeSize(this.shape);
  }

  sample(mask?: Int8Array | null, probability?: Float64Array | null): Int8Array {
    assertNotBoth(mask, probability, 'MultiBinary.sample');
    const size = this.size;
    if (given(mask)) {
      if (!(mask instanceof Int8Array)) {
        throw new TypeError(
          `MultiBinary.sample: the mask must be an Int8Array (numpy int8), got ${describe(mask)}`,
        );
      }
      if (mask.length !== size) {
        throw new RangeError(
          `MultiBinary.sample: the mask must have ${size} entries (flat), got ${mask.length}`,
        );
      }
      mask.forEach((v, i) => {
        if (v !== 0 && v !== 1 && v !== 2) {
          throw new RangeError(`MultiBinary.sample: mask values must be 0, 1 or 2, got ${v} at index ${i}`);
        }
      });
      // Gymnasium draws a full random array and keeps it where the mask says 2.
      const random = boundedIntegers(this.npRandom, 0, 2, size, 'int8');
      return Int8Array.from(mask, (v, i) => (v === 2 ? random[i]! : v));
    }
    if (given(probability)) {
      if (!(probability instanceof Float64Array)) {
        throw new TypeError(
          `MultiBinary.sample: the probability must be a Float64Array (numpy float64), got ${describe(probability)}`,
        );
      }
      if (probability.length !== size) {
        throw new RangeError(
          `MultiBinary.sample: the probability must have ${size} entries (flat), got ${probability.length}`,
        );
      }
      probability.forEach((p, i) => {
        if (!(p >= 0 && p <= 1)) {
          throw new RangeError(`MultiBinary.sample: probabilities must be in [0, 1], got ${p} at index ${i}`);
        }
      });
      const rng = this.npRandom;
      // Element i is 1 with probability p[i] (a uniform draw below it).
      return Int8Array.from(probability, (p) => (rng.random() < p ? 1 : 0));
    }
    return Int8Array.from(boundedIntegers(this.npRandom, 0, 2, size, 'int8'));
  }

  /** A typed array or plain numbers (nested by the shape, or flat) of the right size, each 0 or 1. */
  contains(x: unknown): x is Int8Array {
    const read = readFlatValue(x, this.shape);
    if (read === null) return false;
    for (let i = 0; i < read.data.length; i++) {
      const v = read.data[i];
      if (v !== 0 && v !== 1) return false;
    }
    return true;
  }

  equals(other: unknown): boolean {
    return other instanceof MultiBinary && shapesEqual(other.shape, this.shape);
  }

  toString(): string {
    return `MultiBinary(${typeof this.n === 'number' ? this.n : shapeRepr(this.shape)})`;
  }

  toJSON(): SpaceJSON {
    return { type: 'MultiBinary', n: typeof this.n === 'number' ? this.n : [...this.shape] };
  }

  static fromJSON(json: SpaceJSON): MultiBinary {
    return new MultiBinary(json.n as number | number[]);
  }

  override toJsonable(samples: readonly Int8Array[]): unknown[] {
    return samples.map((s) => toNested(s, this.shape));
  }

  override fromJsonable(json: unknown): Int8Array[] {
    if (!Array.isArray(json))
      throw new TypeError(`MultiBinary.fromJsonable expects an array, got ${describe(json)}`);
    return json.map((item, i) => {
      const read = readFlatValue(item, this.shape);
      if (read === null) {
        throw new TypeError(
          `MultiBinary.fromJsonable: sample ${i} does not have shape ${shapeRepr(this.shape)}`,
        );
      }
      return Int8Array.from(read.data);
    });
  }
}
