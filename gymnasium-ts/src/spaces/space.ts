/**
 * The base of every space (gymnasium/spaces/space.py): a set of values with `sample`, `contains`, its own
 * seeded generator, equality, and JSON for both the space itself (`toJSON` / `spaceFromJSON`) and batches of
 * its values (`toJsonable` / `fromJsonable`).
 */
import { Generator, npRandom } from '../utils/seeding.ts';

/** Element types of numeric spaces, named as numpy names them. */
export type DType = 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'uint8' | 'uint16' | 'uint32';

/** What `seed` returns: one seed for a simple space, one per sub-space for composites (as Gymnasium). */
export type SeedResult = number | SeedResult[] | { [key: string]: SeedResult };

/**
 * What `seed` accepts: a number or null for any space; composites also take one entry per sub-space (an array
 * for Tuple/OneOf/Sequence, an object keyed like the space for Dict), as Gymnasium does.
 */
export type SeedInput =
  number | null | undefined | readonly SeedInput[] | { readonly [key: string]: SeedInput };

/** The type of the values of a space. */
export type SpaceValue<S> = S extends Space<infer V> ? V : never;

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

  /**
   * `seed` may be a number (seeds a fresh generator) or a `Generator`, which the space then shares rather than
   * copies (Gymnasium: passing an `np.random.Generator` as `seed`). Subclasses whose `seed` override needs
   * their own fields pass null here and call `applySeed` at the end of their constructor.
   */
  constructor(
    shape: readonly number[] | null = null,
    dtype: DType | null = null,
    seed?: number | Generator | null,
  ) {
    this.shape = shape === null ? null : Object.freeze([...shape]);
    this.dtype = dtype;
    this.applySeed(seed);
  }

  /** Seeds from a constructor's `seed` argument: a Generator is adopted, anything else goes to `seed`. */
  protected applySeed(seed: unknown): void {
    if (seed === undefined || seed === null) return;
    if (seed instanceof Generator) this._npRandom = seed;
    else (this.seed as (s: unknown) => SeedResult)(seed);
  }

  /**
   * The space's own generator, seeded from OS entropy on first use if it has none. Only this generator is
   * created: sub-spaces keep theirs (Gymnasium calls the composite `seed()` here, which reseeds every sub-space
   * and leaves a Tuple/Dict without a generator of its own).
   */
  get npRandom(): Generator {
    if (this._npRandom === null) this._npRandom = npRandom(null)[0];
    return this._npRandom;
  }

  /** Replaces the generator (shared, not copied), as assigning `space._np_random` does in Gymnasium. */
  set npRandom(generator: Generator) {
    this._npRandom = generator;
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

  /**
   * A batch of values as JSON-compatible data (Gymnasium's `to_jsonable`). Most spaces give one entry per
   * sample; `Tuple` gives one list per sub-space and `Dict` an object of lists, as Gymnasium does.
   */
  toJsonable(samples: readonly T[]): unknown {
    return samples.map((s) => s as unknown);
  }

  /** The inverse of `toJsonable`. */
  fromJsonable(json: unknown): T[] {
    if (!Array.isArray(json)) throw new TypeError(`fromJsonable expects an array, got ${preview(json)}`);
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
    text = ArrayBuffer.isView(x)
      ? `[${Array.from(x as unknown as ArrayLike<number>).join(', ')}]`
      : JSON.stringify(x);
  } catch {
    text = String(x);
  }
  text ??= String(x);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
