/**
 * `OneOf([space, ...])`: a value of exactly one of the sub-spaces (gymnasium/spaces/oneof.py). Values are
 * `[index, value]` pairs.
 *
 * Sampling as Gymnasium: the OneOf's own generator picks the index (`integers(0, n)`), then that sub-space
 * samples (with its entry of `mask` / `probability` when given). Seeding a number seeds the OneOf's generator,
 * which draws one seed per sub-space and is then reseeded with the same number; `seed` returns
 * `[ownSeed, ...subSeeds]`.
 */
import type { Generator } from '../utils/seeding.ts';
import { type SeedInput, type SeedResult, Space, type SpaceJSON } from './space.ts';
import { describe } from './ndarray.ts';
import { subSeeds } from './draws.ts';
import { assertNotBoth, given } from './validate.ts';

export type OneOfValue = [index: number, value: unknown];

export interface OneOfOptions {
  seed?: SeedInput | Generator;
}

export class OneOf extends Space<OneOfValue> {
  readonly spaces: readonly Space[];

  constructor(spaces: readonly Space[], { seed = null }: OneOfOptions = {}) {
    if (!Array.isArray(spaces))
      throw new TypeError(`OneOf: spaces must be an array of spaces, got ${describe(spaces)}`);
    if (spaces.length === 0) throw new RangeError('OneOf: empty OneOf spaces are not supported');
    spaces.forEach((space: unknown, i) => {
      if (!(space instanceof Space)) {
        throw new TypeError(`OneOf: element ${i} does not inherit from Space: ${describe(space)}`);
      }
    });
    super(null, null, null);
    this.spaces = Object.freeze([...spaces]);
    this.applySeed(seed);
  }

  override get isNpFlattenable(): boolean {
    return this.spaces.every((space) => space.isNpFlattenable);
  }

  get length(): number {
    return this.spaces.length;
  }

  get(index: number): Space {
    const space = this.spaces[index];
    if (space === undefined)
      throw new RangeError(`OneOf: no sub-space at index ${index} (length ${this.length})`);
    return space;
  }

  override seed(seed?: SeedInput): SeedResult[] {
    if (seed === undefined || seed === null) {
      return [super.seed(null), ...this.spaces.map((space) => space.seed(null))];
    }
    if (typeof seed === 'number') {
      const own = super.seed(seed);
      const seeds = subSeeds(this.npRandom, this.spaces.length);
      // Gymnasium reseeds here so that number and list seeding leave the OneOf generator in the same state.
      super.seed(seed);
      return [own, ...this.spaces.map((space, i) => space.seed(seeds[i]!))];
    }
    if (Array.isArray(seed)) {
      if (seed.length !== this.spaces.length + 1) {
        throw new RangeError(
          `OneOf.seed: expects ${this.spaces.length + 1} seeds (its own, then one per sub-space), got ${seed.length}`,
        );
      }
      const own = super.seed(seed[0] as number | null);
      return [
        own,
        ...this.spaces.map((space, i) =>
          (space.seed as (s: SeedInput) => SeedResult)(seed[i + 1] as SeedInput),
        ),
      ];
    }
    throw new TypeError(`OneOf.seed: expected a number, an array or null, got ${describe(seed)}`);
  }

  /** `[index, value]`; `mask` / `probability` hold an entry (or null) per sub-space; the chosen one is used. */
  sample(mask?: readonly unknown[] | null, probability?: readonly unknown[] | null): OneOfValue {
    assertNotBoth(mask, probability, 'OneOf.sample');
    const index = this.npRandom.integers(0, this.spaces.length);
    const space = this.spaces[index]!;
    const masks = given(mask) ? mask : given(probability) ? probability : null;
    if (masks !== null && masks !== undefined) {
      const kind = given(mask) ? 'mask' : 'probability';
      if (!Array.isArray(masks) || masks.length !== this.spaces.length) {
        throw new TypeError(
          `OneOf.sample: the ${kind} must be an array with one entry per sub-space (${this.spaces.length}), got ${describe(masks)}`,
        );
      }
      return [index, kind === 'mask' ? space.sample(masks[index]) : space.sample(undefined, masks[index])];
    }
    return [index, space.sample()];
  }

  contains(x: unknown): x is OneOfValue {
    if (!Array.isArray(x) || x.length !== 2) return false;
    const [index, value] = x as [unknown, unknown];
    return (
      typeof index === 'number' &&
      Number.isInteger(index) &&
      index >= 0 &&
      index < this.spaces.length &&
      this.spaces[index]!.contains(value)
    );
  }

  equals(other: unknown): boolean {
    return (
      other instanceof OneOf &&
      other.spaces.length === this.spaces.length &&
      this.spaces.every((space, i) => space.equals(other.spaces[i]))
    );
  }

  toString(): string {
    return `OneOf(${this.spaces.map(String).join(', ')})`;
  }

  toJSON(): SpaceJSON {
    return { type: 'OneOf', spaces: this.spaces.map((space) => space.toJSON()) };
  }

  /**
   * `[index, jsonable]` per sample, where `jsonable` is the sub-space's `toJsonable` of a batch of one (Gymnasium
   * keeps its first entry, which loses data for Tuple and Dict sub-spaces, whose jsonable is column-wise).
   */
  override toJsonable(samples: readonly OneOfValue[]): unknown[] {
    return samples.map(([index, value]) => [index, this.get(index).toJsonable([value])]);
  }

  override fromJsonable(json: unknown): OneOfValue[] {
    if (!Array.isArray(json))
      throw new TypeError(`OneOf.fromJsonable expects an array, got ${describe(json)}`);
    return json.map((item, k) => {
      if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'number') {
        throw new TypeError(`OneOf.fromJsonable: entry ${k} must be [index, value], got ${describe(item)}`);
      }
      const index = item[0] as number;
      return [index, this.get(index).fromJsonable(item[1])[0]];
    });
  }
}
