/**
 * `Box(low, high, {shape, dtype})`: the product of closed intervals [low[i], high[i]], any of them possibly
 * unbounded (gymnasium/spaces/box.py). Values are flat row-major typed arrays of the dtype (Float32Array for
 * float32, ...), with the shape on the space.
 *
 * Bounds: a number broadcasts to the shape (numpy rules); arrays may be nested (`[[0, 1], [2, 3]]`, the nesting
 * gives the shape), typed arrays (1-D), or flat data of exactly the shape's size. Without `shape`, it comes from
 * the array bound(s), or is `(1,)` when both are numbers. Infinite bounds are allowed: signed integer dtypes
 * store them as the dtype's min/max while remembering they are unbounded; unsigned dtypes reject them.
 *
 * Sampling follows Gymnasium: each coordinate is uniform on [low, high] (integer dtypes: floor of uniform on
 * [low, high + 1)), shifted exponential when bounded on one side, normal when unbounded, drawn in that
 * order: all normals, then low-bounded exponentials, then high-bounded ones, then the uniforms. Boxes whose
 * coordinates are all bounded sample bit-identically to Gymnasium for the same seed. Normal and exponential
 * draws are TS-specific (Box–Muller and inversion, not numpy's ziggurat), so half-bounded and unbounded
 * coordinates (and any uniforms drawn after them) differ from Gymnasium's numbers.
 */
import type { Generator } from '../utils/seeding.ts';
import { GymError } from '../errors.ts';
import { warn } from '../utils/warnings.ts';
import { type DType, Space, type SpaceJSON } from './space.ts';
import {
  type ArrayOf,
  DTYPES,
  allClose,
  allocate,
  assertDType,
  assertShape,
  broadcastTo,
  canCast,
  decodeNumber,
  describe,
  encodeNumber,
  formatArray,
  formatScalar,
  isIntDType,
  readFlatValue,
  readNdInput,
  type NdInput,
  shapeRepr,
  shapeSize,
  shapesEqual,
  toNested,
} from './ndarray.ts';
import { given } from './validate.ts';

/** A bound: a number, nested number arrays, or a typed array. */
export type BoundInput = number | readonly unknown[] | ArrayLike<number>;

export interface BoxOptions<D extends DType> {
  shape?: readonly number[];
  /** Default float32. */
  dtype?: D;
  seed?: number | Generator | null;
}

export type BoundednessManner = 'both' | 'below' | 'above';

export class Box<D extends DType = 'float32'> extends Space<ArrayOf<D>> {
  declare readonly shape: readonly number[];
  declare readonly dtype: D;
  /** Lower bounds, flat, in the dtype (signed-integer -inf bounds hold the dtype's min). */
  readonly low: ArrayOf<D>;
  readonly high: ArrayOf<D>;
  /** Per coordinate: whether the lower (upper) bound is finite. */
  readonly boundedBelow: readonly boolean[];
  readonly boundedAbove: readonly boolean[];
  /** Gymnasium's `low_repr` / `high_repr`: a scalar when every bound is the same, else the array. */
  readonly lowRepr: string;
  readonly highRepr: string;

  constructor(low: BoundInput, high: BoundInput, options: BoxOptions<D> = {}) {
    const dtype = assertDType(options.dtype ?? 'float32', 'Box') as D;
    const lowInput = readNdInput(low, 'Box low');
    const highInput = readNdInput(high, 'Box high');
    let shape: number[];
    if (given(options.shape)) {
      shape = assertShape(options.shape, 'Box');
    } else if (!lowInput.scalar && !highInput.scalar) {
      if (!shapesEqual(lowInput.shape, highInput.shape)) {
        throw new RangeError(
          `Box: low.shape and high.shape don't match, low.shape=${shapeRepr(lowInput.shape)}, high.shape=${shapeRepr(highInput.shape)}`,
        );
      }
      shape = lowInput.shape;
    } else if (!lowInput.scalar) {
      shape = lowInput.shape;
    } else if (!highInput.scalar) {
      shape = highInput.shape;
    } else {
      shape = [1];
    }
    super(shape, dtype, null);
    const info = DTYPES[dtype];
    const lowCast = castBound(lowInput, shape, dtype, 'low');
    const highCast = castBound(highInput, shape, dtype, 'high');
    this.low = lowCast.values as ArrayOf<D>;
    this.high = highCast.values as ArrayOf<D>;
    this.boundedBelow = lowCast.bounded;
    this.boundedAbove = highCast.bounded;
    for (let i = 0; i < this.low.length; i++) {
      if (this.low[i]! > this.high[i]!) {
        throw new RangeError(
          `Box: every low must be <= high, but low=${this.low[i]} > high=${this.high[i]} at flat index ${i}`,
        );
      }
    }
    if (
      info.kind === 'f' &&
      (lowInput.dtype === 'float64' || highInput.dtype === 'float64') &&
      dtype === 'float32'
    ) {
      warn(`Box bound precision lowered by casting to ${dtype}`);
    }
    this.lowRepr = shortRepr(this.low, shape, dtype);
    this.highRepr = shortRepr(this.high, shape, dtype);
    this.applySeed(options.seed);
  }

  override get isNpFlattenable(): boolean {
    return true;
  }

  /** Whether every coordinate is bounded: below, above, or both (the default). */
  isBounded(manner: BoundednessManner = 'both'): boolean {
    const below = this.boundedBelow.every(Boolean);
    const above = this.boundedAbove.every(Boolean);
    if (manner === 'both') return below && above;
    if (manner === 'below') return below;
    if (manner === 'above') return above;
    throw new RangeError(`Box.isBounded: manner must be 'below', 'above' or 'both', got ${String(manner)}`);
  }

  /** A random value of the box (see the module comment for the distributions). Masks are not supported. */
  sample(mask?: null, probability?: null): ArrayOf<D> {
    if (given(mask))
      throw new GymError(`Box.sample cannot be provided a mask, actual value: ${describe(mask)}`);
    if (given(probability)) {
      throw new GymError(
        `Box.sample cannot be provided a probability mask, actual value: ${describe(probability)}`,
      );
    }
    const rng = this.npRandom;
    const size = this.low.length;
    const isInt = isIntDType(this.dtype);
    const info = DTYPES[this.dtype];
    const high = (i: number): number => (isInt ? this.high[i]! + 1 : this.high[i]!);
    const sample = new Float64Array(size);
    // Gymnasium fills each interval kind with one vectorised draw, in this order.
    for (let i = 0; i < size; i++) {
      if (!this.boundedBelow[i] && !this.boundedAbove[i]) sample[i] = rng.normal();
    }
    for (let i = 0; i < size; i++) {
      if (this.boundedBelow[i] && !this.boundedAbove[i]) sample[i] = rng.exponential() + this.low[i]!;
    }
    for (let i = 0; i < size; i++) {
      if (!this.boundedBelow[i] && this.boundedAbove[i]) sample[i] = -rng.exponential() + high(i);
    }
    for (let i = 0; i < size; i++) {
      if (this.boundedBelow[i] && this.boundedAbove[i]) {
        const lo = this.low[i]!;
        const range = high(i) - lo;
        if (!Number.isFinite(range)) {
          throw new RangeError(
            `Box.sample: range exceeds valid bounds (high - low overflows) at flat index ${i}`,
          );
        }
        sample[i] = lo + range * rng.random();
      }
    }
    const out = allocate(this.dtype, size);
    for (let i = 0; i < size; i++) {
      let v = sample[i]!;
      if (isInt) {
        v = Math.floor(v);
        // Gymnasium keeps signed samples two away from the dtype's extremes.
        const min = info.kind === 'i' ? info.min + 2 : info.min;
        const max = info.kind === 'i' ? info.max - 2 : info.max;
        v = Math.min(Math.max(v, min), max);
      }
      out[i] = v;
    }
    return out as ArrayOf<D>;
  }

  /**
   * Whether `x` is in the box: a typed array whose dtype casts safely to the box's (numpy `can_cast`), or plain
   * numbers (nested by the shape, or flat), of the box's size, within the bounds. Plain numbers for an integer
   * box must be integers (numpy would truncate them silently).
   */
  contains(x: unknown): x is ArrayOf<D> {
    const read = readFlatValue(x, this.shape);
    if (read === null) return false;
    if (read.dtype !== null && !canCast(read.dtype, this.dtype)) return false;
    const isInt = isIntDType(this.dtype);
    const toFloat32 = read.dtype === null && this.dtype === 'float32';
    for (let i = 0; i < read.data.length; i++) {
      let v = read.data[i]!;
      if (typeof v !== 'number') return false;
      if (read.dtype === null && isInt && !Number.isInteger(v)) return false;
      if (toFloat32) v = Math.fround(v);
      if (!(v >= this.low[i]! && v <= this.high[i]!)) return false;
    }
    return true;
  }

  /** Same shape, same dtype, bounds equal within numpy's `allclose` tolerances. */
  equals(other: unknown): boolean {
    return (
      other instanceof Box &&
      shapesEqual(this.shape, other.shape) &&
      this.dtype === other.dtype &&
      allClose(this.low, other.low) &&
      allClose(this.high, other.high) &&
      this.boundedBelow.every((b, i) => b === other.boundedBelow[i]) &&
      this.boundedAbove.every((b, i) => b === other.boundedAbove[i])
    );
  }

  toString(): string {
    return `Box(${this.lowRepr}, ${this.highRepr}, ${shapeRepr(this.shape)}, ${this.dtype})`;
  }

  toJSON(): SpaceJSON {
    const encode = (values: ArrayOf<D>, bounded: readonly boolean[], sign: 1 | -1): unknown =>
      toNested(
        Array.from(values, (v, i) => (bounded[i] ? v : sign * Infinity)),
        this.shape,
      );
    const jsonSafe = (nested: unknown): unknown =>
      Array.isArray(nested) ? nested.map(jsonSafe) : encodeNumber(nested as number);
    return {
      type: 'Box',
      low: jsonSafe(encode(this.low, this.boundedBelow, -1)),
      high: jsonSafe(encode(this.high, this.boundedAbove, 1)),
      shape: [...this.shape],
      dtype: this.dtype,
    };
  }

  static fromJSON(json: SpaceJSON): Box<DType> {
    const decode = (nested: unknown, where: string): unknown =>
      Array.isArray(nested) ? nested.map((n) => decode(n, where)) : decodeNumber(nested, where);
    return new Box(decode(json.low, 'Box low') as BoundInput, decode(json.high, 'Box high') as BoundInput, {
      shape: json.shape as number[],
      dtype: json.dtype as DType,
    });
  }

  /** Each sample as nested number arrays of the box's shape (numpy's `tolist`). */
  override toJsonable(samples: readonly ArrayOf<D>[]): unknown[] {
    return samples.map((s) => toNested(s, this.shape));
  }

  override fromJsonable(json: unknown): ArrayOf<D>[] {
    if (!Array.isArray(json)) throw new TypeError(`Box.fromJsonable expects an array, got ${describe(json)}`);
    return json.map((item, i) => {
      const read = readFlatValue(item, this.shape);
      if (read === null) {
        throw new TypeError(`Box.fromJsonable: sample ${i} does not have shape ${shapeRepr(this.shape)}`);
      }
      const out = allocate(this.dtype, read.data.length);
      for (let k = 0; k < read.data.length; k++) out[k] = read.data[k]!;
      return out as ArrayOf<D>;
    });
  }
}

function castBound(
  input: NdInput,
  shape: readonly number[],
  dtype: DType,
  which: 'low' | 'high',
): { values: ArrayOf<DType>; bounded: boolean[] } {
  const size = shapeSize(shape);
  let data: number[] | null;
  if (input.scalar) data = new Array<number>(size).fill(input.data[0]!);
  else if (input.data.length === size && input.shape.length === 1) data = input.data;
  else data = broadcastTo(input.data, input.shape, shape);
  if (data === null) {
    throw new RangeError(
      `Box: ${which}.shape ${shapeRepr(input.shape)} doesn't match (or broadcast to) the shape ${shapeRepr(shape)}`,
    );
  }
  const info = DTYPES[dtype];
  const values = allocate(dtype, size);
  const bounded = new Array<boolean>(size);
  const infinity = which === 'low' ? -Infinity : Infinity;
  for (let i = 0; i < size; i++) {
    let v = data[i]!;
    if (Number.isNaN(v)) throw new RangeError(`Box: no ${which} value can be NaN (flat index ${i})`);
    bounded[i] = v !== infinity;
    if (v === infinity) {
      if (info.kind === 'u') {
        throw new RangeError(
          `Box: unsigned int dtype ${dtype} doesn't support ${which}=${v} (flat index ${i})`,
        );
      }
      if (info.kind === 'i') v = which === 'low' ? info.min : info.max;
    } else if (v === -infinity) {
      // +inf as a low (or -inf as a high) is a valid float bound (the low <= high check judges it); an
      // integer dtype cannot hold it.
      if (info.kind !== 'f') {
        throw new RangeError(`Box: ${which}=${v} at flat index ${i} cannot be held by dtype ${dtype}`);
      }
    } else if ((which === 'low' && v < info.min) || (which === 'high' && v > info.max)) {
      throw new RangeError(
        `Box: ${which} is out of bounds of the ${dtype} range, ${which}=${v} at flat index ${i}, ${which === 'low' ? 'min' : 'max'} dtype=${which === 'low' ? info.min : info.max}`,
      );
    }
    values[i] = info.kind === 'f' ? v : Math.trunc(v);
  }
  return { values, bounded };
}

function shortRepr(values: ArrayLike<number>, shape: readonly number[], dtype: DType): string {
  if (values.length !== 0) {
    let min = values[0]!;
    let max = values[0]!;
    for (let i = 1; i < values.length; i++) {
      min = Math.min(min, values[i]!);
      max = Math.max(max, values[i]!);
    }
    if (min === max) return formatScalar(min, dtype);
  }
  return formatArray(values, shape, dtype);
}
