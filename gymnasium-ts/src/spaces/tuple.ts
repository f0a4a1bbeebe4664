/**
 * `Tuple([space, ...])`: the cartesian product of spaces (gymnasium/spaces/tuple.py). Values are JS arrays
 * with one value per sub-space.
 *
 * Seeding as Gymnasium: a number seeds the Tuple's own generator, which draws one seed per sub-space
 * (`integers(2**31 - 1)`); an array gives each sub-space its seed; null reseeds every sub-space from entropy.
 * `seed` returns the sub-spaces' seeds.
 */
import type { Generator } from '../utils/seeding.ts';
import { type SeedInput, type SeedResult, Space, type SpaceJSON, type SpaceValue } from './space.ts';
import { describe } from './ndarray.ts';
import { subSeeds } from './draws.ts';
import { assertNotBoth, given } from './validate.ts';

export type TupleValue<S extends readonly Space[]> = { -readonly [K in keyof S]: SpaceValue<S[K]> };

export interface TupleOptions {
  seed?: SeedInput | Generator;
}

export class Tuple<S extends readonly Space[] = readonly Space[]> extends Space<TupleValue<S>> {
  readonly spaces: S;

  constructor(spaces: readonly [...S], { seed = null }: TupleOptions = {}) {
    if (!Array.isArray(spaces))
      throw new TypeError(`Tuple: spaces must be an array of spaces, got ${describe(spaces)}`);
    spaces.forEach((space: unknown, i) => {
      if (!(space instanceof Space)) {
        throw new TypeError(`Tuple: element ${i} must be an instance of Space, got ${describe(space)}`);
      }
    });
    super(null, null, null);
    this.spaces = Object.freeze([...spaces]) as unknown as S;
    this.applySeed(seed);
  }

  override get isNpFlattenable(): boolean {
    return this.spaces.every((space) => space.isNpFlattenable);
  }

  get length(): number {
    return this.spaces.length;
  }

  get<I extends number>(index: I): S[I] {
    const space = this.spaces[index];
    if (space === undefined)
      throw new RangeError(`Tuple: no sub-space at index ${index} (length ${this.length})`);
    return space as S[I];
  }

  [Symbol.iterator](): Iterator<Space> {
    return this.spaces[Symbol.iterator]();
  }

  override seed(seed?: SeedInput): SeedResult[] {
    if (seed === undefined || seed === null) return this.spaces.map((space) => space.seed(null));
    if (typeof seed === 'number') {
      super.seed(seed);
      const seeds = subSeeds(this.npRandom, this.spaces.length);
      return this.spaces.map((space, i) => space.seed(seeds[i]!));
    }
    if (Array.isArray(seed)) {
      if (seed.length !== this.spaces.length) {
        throw new RangeError(
          `Tuple.seed: expects one seed per sub-space, got ${seed.length} seeds for ${this.spaces.length} sub-spaces`,
        );
      }
      return this.spaces.map((space, i) =>
        (space.seed as (s: SeedInput) => SeedResult)(seed[i] as SeedInput),
      );
    }
    throw new TypeError(`Tuple.seed: expected a number, an array or null, got ${describe(seed)}`);
  }

  /** One sample per sub-space; `mask` / `probability` are arrays with an entry (or null) per sub-space. */
  sample(mask?: readonly unknown[] | null, probability?: readonly unknown[] | null): TupleValue<S> {
    assertNotBoth(mask, probability, 'Tuple.sample');
    const masks = given(mask) ? mask : given(probability) ? probability : null;
    if (masks !== null && masks !== undefined) {
      const kind = given(mask) ? 'mask' : 'probability';
      if (!Array.isArray(masks)) {
        throw new TypeError(
          `Tuple.sample: the ${kind} must be an array (Gymnasium's tuple), got ${describe(masks)}`,
        );
      }
      if (masks.length !== this.spaces.length) {
        throw new RangeError(
          `Tuple.sample: the ${kind} must have ${this.spaces.length} entries (one per sub-space), got ${masks.length}`,
        );
      }
      return this.spaces.map((space, i) =>
        kind === 'mask' ? space.sample(masks[i]) : space.sample(undefined, masks[i]),
      ) as TupleValue<S>;
    }
    return this.spaces.map((space) => space.sample()) as TupleValue<S>;
  }

  /** An array (or typed array) with one member of each sub-space, in order. */
  contains(x: unknown): x is TupleValue<S> {
    const items = Array.isArray(x)
      ? x
      : ArrayBuffer.isView(x)
        ? Array.from(x as unknown as ArrayLike<number>)
        : null;
    return (
      items !== null &&
      items.length === this.spaces.length &&
      this.spaces.every((space, i) => space.contains(items[i]))
    );
  }

  equals(other: unknown): boolean {
    return (
      other instanceof Tuple &&
      other.spaces.length === this.spaces.length &&
      this.spaces.every((space, i) => space.equals(other.spaces[i]))
    );
  }

  toString(): string {
    return `Tuple(${this.spaces.map(String).join(', ')})`;
  }

  toJSON(): SpaceJSON {
    return { type: 'Tuple', spaces: this.spaces.map((space) => space.toJSON()) };
  }

  /** One list per sub-space (the batch column by column), as Gymnasium. */
  override toJsonable(samples: readonly TupleValue<S>[]): unknown[] {
    return this.spaces.map((space, i) => space.toJsonable(samples.map((sample) => (sample as unknown[])[i])));
  }

  override fromJsonable(json: unknown): TupleValue<S>[] {
    if (!Array.isArray(json) || json.length !== this.spaces.length) {
      throw new TypeError(
        `Tuple.fromJsonable expects an array of ${this.spaces.length} lists (one per sub-space), got ${describe(json)}`,
      );
    }
    const columns = this.spaces.map((space, i) => space.fromJsonable(json[i]));
    const n = columns.length === 0 ? 0 : columns[0]!.length;
    if (columns.some((column) => column.length !== n)) {
      throw new RangeError('Tuple.fromJsonable: the sub-space lists have different lengths');
    }
    return Array.from({ length: n }, (_, k) => columns.map((column) => column[k]) as TupleValue<S>);
  }
}
