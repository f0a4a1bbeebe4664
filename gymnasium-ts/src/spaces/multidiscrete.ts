/**
 * `MultiDiscrete(nvec, {start, dtype})`: an array of independent discrete values, element i in
 * [start[i], start[i] + nvec[i]) (gymnasium/spaces/multi_discrete.py). `nvec` may be nested to give a shape.
 * Values are flat row-major typed arrays of the dtype (default int32: numpy's default int64 has no typed array
 * of numbers here), with the shape on the space.
 *
 * Sampling matches Gymnasium bit for bit: `(random(shape) * nvec).astype(dtype) + start`; a mask or
 * probability is one entry per element, nested like `nvec` (arrays standing for Gymnasium's tuples), each
 * drawn with `choice` as `Discrete` does.
 */
import type { Generator } from '../utils/seeding.ts';
import { Space, type SpaceJSON } from './space.ts';
import { Discrete } from './discrete.ts';
import {
  type ArrayOf,
  DTYPES,
  type IntDType,
  allocate,
  arraysEqual,
  assertDType,
  broadcastTo,
  describe,
  formatArray,
  isIntDType,
  readFlatValue,
  readNdInput,
  shapeRepr,
  shapeSize,
  shapesEqual,
  toNested,
} from './ndarray.ts';
import { pairwiseSum, weightedChoice } from './draws.ts';
import { assertNotBoth, given, readBinaryMask, sumsToOne } from './validate.ts';

export interface MultiDiscreteOptions<D extends IntDType> {
  /** The smallest value of each element: a number (broadcast) or an array shaped like nvec. Default 0. */
  start?: number | readonly unknown[] | ArrayLike<number>;
  /** An integer dtype (default int32). */
  dtype?: D;
  seed?: number | Generator | null;
}

/** Masks for a MultiDiscrete: one per element, nested like nvec. */
export type MultiDiscreteMask = readonly (Int8Array | MultiDiscreteMask)[];
export type MultiDiscreteProbability = readonly (Float64Array | MultiDiscreteProbability)[];

export class MultiDiscrete<D extends IntDType = 'int32'> extends Space<ArrayOf<D>> {
  declare readonly shape: readonly number[];
  declare readonly dtype: D;
  /** The number of values of each element (flat, row-major). */
  readonly nvec: ArrayOf<D>;
  readonly start: ArrayOf<D>;

  constructor(
    nvec: readonly unknown[] | ArrayLike<number>,
    { start = 0, dtype = 'int32' as D, seed = null }: MultiDiscreteOptions<D> = {},
  ) {
    const checkedDtype = assertDType(dtype, 'MultiDiscrete') as D;
    if (!isIntDType(checkedDtype))
      throw new TypeError(`MultiDiscrete: dtype must be an integer dtype, got ${dtype}`);
    const nvecInput = readNdInput(nvec, 'MultiDiscrete nvec');
    if (nvecInput.scalar) {
      throw new TypeError(
        `MultiDiscrete: nvec must be an array, got ${describe(nvec)} (use Discrete for one value)`,
      );
    }
    const shape = nvecInput.shape;
    const startInput = readNdInput(start, 'MultiDiscrete start');
    const startData = startInput.scalar
      ? new Array<number>(nvecInput.data.length).fill(startInput.data[0]!)
      : broadcastTo(startInput.data, startInput.shape, shape);
    if (startData === null) {
      throw new RangeError(
        `MultiDiscrete: start and nvec should have the same shape, start.shape=${shapeRepr(startInput.shape)}, nvec.shape=${shapeRepr(shape)}`,
      );
    }
    const info = DTYPES[checkedDtype];
    nvecInput.data.forEach((n, i) => {
      if (!Number.isSafeInteger(n) || n <= 0) {
        throw new RangeError(
          `MultiDiscrete: nvec (counts) must be positive integers, got ${n} at flat index ${i}`,
        );
      }
      const s = startData[i]!;
      if (!Number.isSafeInteger(s)) throw new TypeError(`MultiDiscrete: start must hold integers, got ${s}`);
      if (s < info.min || s + n - 1 > info.max) {
        throw new RangeError(
          `MultiDiscrete: element ${i}'s values ${s}..${s + n - 1} do not fit dtype ${checkedDtype} (${info.min}..${info.max})`,
        );
      }
    });
    super(shape, checkedDtype, null);
    this.nvec = allocate(checkedDtype, nvecInput.data.length);
    this.nvec.set(nvecInput.data);
    this.start = allocate(checkedDtype, startData.length);
    this.start.set(startData);
    this.applySeed(seed);
  }

  override get isNpFlattenable(): boolean {
    return true;
  }

  /** The number of elements along the first axis (Gymnasium's `len`). */
  get length(): number {
    return this.shape[0]!;
  }

  /**
   * The sub-space at `index` along the first axis: a Discrete for a 1-D space, else a MultiDiscrete. It gets a
   * copy of this space's generator state, as Gymnasium's `__getitem__` does.
   */
  at(index: number): Discrete | MultiDiscrete<D> {
    const dim = this.shape[0]!;
    const i = index < 0 ? dim + index : index;
    if (!Number.isInteger(i) || i < 0 || i >= dim) {
      throw new RangeError(
        `MultiDiscrete.at: index ${index} is out of range for the first axis of size ${dim}`,
      );
    }
    const rest = this.shape.slice(1);
    const step = shapeSize(rest);
    const nvec = Array.from(this.nvec.subarray(i * step, (i + 1) * step));
    const start = Array.from(this.start.subarray(i * step, (i + 1) * step));
    const sub =
      rest.length === 0
        ? new Discrete(nvec[0]!, { start: start[0]!, dtype: this.dtype })
        : new MultiDiscrete(toNested(nvec, rest) as unknown[], {
            start: toNested(start, rest) as unknown[],
            dtype: this.dtype,
          });
    sub.npRandom = this.npRandom.clone();
    return sub;
  }

  /**
   * A uniform value, or one restricted per element by `mask` (Int8Array of nvec[i] 0/1 entries; none allowed
   * gives start[i]) or drawn with `probability` (Float64Array of nvec[i] entries summing to 1).
   */
  sample(mask?: MultiDiscreteMask | null, probability?: MultiDiscreteProbability | null): ArrayOf<D> {
    assertNotBoth(mask, probability, 'MultiDiscrete.sample');
    const size = this.nvec.length;
    const out = allocate(this.dtype, size);
    if (given(mask) || given(probability)) {
      const kind = given(mask) ? 'mask' : 'probability';
      const leaves = this.leafMasks((mask ?? probability) as unknown, kind);
      for (let i = 0; i < size; i++) out[i] = this.drawMasked(i, leaves[i]!, kind);
      return out as ArrayOf<D>;
    }
    const rng = this.npRandom;
    for (let i = 0; i < size; i++) out[i] = Math.trunc(rng.random() * this.nvec[i]!) + this.start[i]!;
    return out as ArrayOf<D>;
  }

  /** Walks a nested mask along the shape, returning one leaf per element in row-major order. */
  private leafMasks(mask: unknown, kind: 'mask' | 'probability'): unknown[] {
    const leaves: unknown[] = [];
    const walk = (node: unknown, depth: number, path: string): void => {
      if (depth === this.shape.length) {
        leaves.push(node);
        return;
      }
      const dim = this.shape[depth]!;
      if (!Array.isArray(node)) {
        throw new TypeError(
          `MultiDiscrete.sample: the ${kind}${path} must be an array (Gymnasium's tuple) of ${dim} entries, got ${describe(node)}`,
        );
      }
      if (node.length !== dim) {
        throw new RangeError(
          `MultiDiscrete.sample: the ${kind}${path} must have ${dim} entries (one per element), got ${node.length}`,
        );
      }
      node.forEach((child, i) => walk(child, depth + 1, `${path}[${i}]`));
    };
    walk(mask, 0, '');
    return leaves;
  }

  private drawMasked(i: number, leaf: unknown, kind: 'mask' | 'probability'): number {
    const n = this.nvec[i]!;
    const start = this.start[i]!;
    const where = `MultiDiscrete.sample (element ${i})`;
    if (kind === 'mask') {
      const valid = readBinaryMask(leaf, n, where);
      return valid.length === 0 ? start : start + valid[this.npRandom.integers(0, valid.length)]!;
    }
    if (!(leaf instanceof Float64Array)) {
      throw new TypeError(
        `${where}: the probability must be a Float64Array (numpy float64), got ${describe(leaf)}`,
      );
    }
    if (leaf.length !== n)
      throw new RangeError(`${where}: the probability must have ${n} entries, got ${leaf.length}`);
    const valid: number[] = [];
    leaf.forEach((p, k) => {
      if (p > 0 && p <= 1) valid.push(k);
      else if (p !== 0)
        throw new RangeError(`${where}: probabilities must be in [0, 1], got ${p} at index ${k}`);
    });
    const total = pairwiseSum(leaf);
    if (!sumsToOne(total))
      throw new RangeError(`${where}: probabilities must sum to 1, got a sum of ${total}`);
    const normalised = valid.map((k) => leaf[k]! / total);
    return start + valid[weightedChoice(this.npRandom, normalised)[0]!]!;
  }

  /**
   * Whether `x` is a value: a typed array or plain numbers (nested by the shape, or flat) of the right size,
   * each an integer in [start[i], start[i] + nvec[i]).
   */
  contains(x: unknown): x is ArrayOf<D> {
    const read = readFlatValue(x, this.shape);
    if (read === null) return false;
    for (let i = 0; i < read.data.length; i++) {
      const v = read.data[i]!;
      if (typeof v !== 'number' || !Number.isInteger(v)) return false;
      const offset = v - this.start[i]!;
      if (!(offset >= 0 && offset < this.nvec[i]!)) return false;
    }
    return true;
  }

  equals(other: unknown): boolean {
    return (
      other instanceof MultiDiscrete &&
      other.dtype === this.dtype &&
      shapesEqual(other.shape, this.shape) &&
      arraysEqual(other.nvec, this.nvec) &&
      arraysEqual(other.start, this.start)
    );
  }

  toString(): string {
    const nvec = formatArray(this.nvec, this.shape, this.dtype);
    if (this.start.some((s) => s !== 0)) {
      return `MultiDiscrete(${nvec}, start=${formatArray(this.start, this.shape, this.dtype)})`;
    }
    return `MultiDiscrete(${nvec})`;
  }

  toJSON(): SpaceJSON {
    return {
      type: 'MultiDiscrete',
      nvec: toNested(this.nvec, this.shape),
      start: toNested(this.start, this.shape),
      dtype: this.dtype,
    };
  }

  static fromJSON(json: SpaceJSON): MultiDiscrete<IntDType> {
    return new MultiDiscrete(json.nvec as unknown[], {
      start: json.start as unknown[],
      dtype: json.dtype as IntDType,
    });
  }

  override toJsonable(samples: readonly ArrayOf<D>[]): unknown[] {
    return samples.map((s) => toNested(s, this.shape));
  }

  override fromJsonable(json: unknown): ArrayOf<D>[] {
    if (!Array.isArray(json)) {
      throw new TypeError(`MultiDiscrete.fromJsonable expects an array, got ${describe(json)}`);
    }
    return json.map((item, i) => {
      const read = readFlatValue(item, this.shape);
      if (read === null) {
        throw new TypeError(
          `MultiDiscrete.fromJsonable: sample ${i} does not have shape ${shapeRepr(this.shape)}`,
        );
      }
      const out = allocate(this.dtype, read.data.length);
      for (let k = 0; k < read.data.length; k++) out[k] = read.data[k]!;
      return out as ArrayOf<D>;
    });
  }
}
