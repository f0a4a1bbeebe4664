/**
 * The base of every space (gymnasium/spaces/space.py): a set of values with `sample`, `contains`, its own
 * seeded generator, equality, and JSON for both the space itself (`toJSON` / `spaceFromJSON`) and batches of
 * its values (`toJsonable` / `fromJsonable`).
 */
import { type Generator, npRandom } from '../utils/seeding.ts';

/** Element types of numeric spaces, named as numpy names them. */
export type DType = 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'uint8' | 'uint16' | 'uint32';

/** What `seed` returns: one seed for a simple space, one per sub-space for composites (as Gymnasium). */
export type SeedResult = number | SeedResult[] | { [key: string]: SeedResult };

/** The serialised description of a space: `{type: 'Discrete', ...}`; see `spaceFromJSON`. */
export interface SpaceJSON {
  type: string;
  [key: string]: unknown;
}

export abstract class Space<T = unknown> {
  /** The shape of a value for array-like spaces; null for spaces whose values have no fixed shape. */
  readonly shape: readonly number[] | null;
  readonly dtype: DType | null;
  protected _npRandom: Generator | null = null;

  constructor(shape: readonly number[] | null = null, dtype: DType | null = null, seed?: number | null) {
    this.shape = shape === null ? null : Object.freeze([...shape]);
    this.dtype = dtype;
    if (seed !== undefined && seed !== null) this.seed(seed);
  }

  /** The space's generator, seeded from OS entropy on first use if `seed` was never called. */
  get npRandom(): Generator {
    if (this._npRandom === null) this.seed();
    return this._npRandom!;
  }

  /** Seeds this space's generator (and sub-spaces' for composites). Returns the seeds used. */
  seed(seed?: number | null): SeedResult {
    const [generator, used] = npRandom(seed);
    this._npRandom = generator;
    return used;
  }

  /**
   * A random value of the space. `mask` restricts the values (its form depends on the space, as in
   * Gymnasium); `probability` gives per-value probabilities instead. At most one of them may be given.
   */
  abstract sample(mask?: unknown, probability?: unknown): T;

  /** Whether `x` is a value of this space. */
  abstract contains(x: unknown): x is T;

  /** Structural equality: same kind, same bounds/sizes/sub-spaces (the generator is not compared). */
  abstract equals(other: unknown): boolean;

  /** Whether values flatten to a fixed-length numeric vector (`flatten`/`flatdim` work). */
  get isNpFlattenable(): boolean {
    return false;
  }

  /** The description of the space, for `spaceFromJSON`. */
  abstract toJSON(): SpaceJSON;

  /** A batch of values as JSON-compatible data (Gymnasium's `to_jsonable`). */
  toJsonable(samples: readonly T[]): unknown[] {
    return samples.map((s) => s as unknown);
  }

  /** The inverse of `toJsonable`. */
  fromJsonable(json: readonly unknown[]): T[] {
    return json.map((s) => s as T);
  }

  /** Values must be checked, not trusted: throws a TypeError naming the space when `x` is not a member. */
  assertContains(x: unknown, what = 'value'): asserts x is T {
    if (!this.contains(x)) throw new TypeError(`${what} ${preview(x)} is not in ${this.toString()}`);
  }

  abstract toString(): string;
}

export function preview(x: unknown): string {
  let text: string;
  try {
    text = ArrayBuffer.isView(x) ? `[${Array.from(x as unknown as ArrayLike<number>).join(', ')}]` : JSON.stringify(x);
  } catch {
    text = String(x);
  }
  text ??= String(x);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
