/**
 * `Sequence(space, {stack})`: variable-length sequences of values of one feature space
 * (gymnasium/spaces/sequence.py). Values are JS arrays of feature values; with `stack: true` they are the
 * feature values batched (`concatenate`), e.g. one flat typed array holding every row for a Box feature.
 *
 * Sampling as Gymnasium: the length is geometric(0.25) unless the mask gives it (a number, or an array of
 * lengths to choose from), then each item is sampled from the feature space (with the feature mask).
 * The geometric draw is TS-specific (numpy draws its exponential with a ziggurat); a fixed or chosen length
 * keeps the draws bit-identical to Gymnasium. Seeding a number seeds the Sequence's generator, which draws the
 * feature space's seed and is then reseeded with the same number, as Gymnasium does.
 */
import type { Generator } from '../utils/seeding.ts';
import { type SeedInput, type SeedResult, Space, type SpaceJSON, type SpaceValue } from './space.ts';
import { describe, dtypeOf, DTYPES, type NumericArray } from './ndarray.ts';
import { geometric } from './draws.ts';
import { batchSpace, concatenate, iterate } from './batching.ts';
import { assertNotBoth, given } from './validate.ts';

export interface SequenceOptions {
  /** Stack the items into one batched value (default false: an array of items). */
  stack?: boolean;
  seed?: SeedInput | Generator;
}

/** The length part of a Sequence mask: null (geometric), a length, or lengths to choose from uniformly. */
export type SequenceLengthMask = number | readonly number[] | NumericArray | null;
export type SequenceMask = readonly [length: SequenceLengthMask, feature: unknown];

export class Sequence<F extends Space = Space> extends Space<unknown> {
  readonly featureSpace: F;
  readonly stack: boolean;
  /** `batchSpace(featureSpace, 1)` when stacking: the space the stacked value is iterated with. */
  readonly stackedFeatureSpace: Space | null;

  constructor(space: F, { stack = false, seed = null }: SequenceOptions = {}) {
    if (!(space instanceof Space)) {
      throw new TypeError(`Sequence: the feature space must be an instance of Space, got ${describe(space)}`);
    }
    if (typeof stack !== 'boolean')
      throw new TypeError(`Sequence: stack must be a boolean, got ${describe(stack)}`);
    super(null, null, null);
    this.featureSpace = space;
    this.stack = stack;
    this.stackedFeatureSpace = stack ? batchSpace(space, 1) : null;
    this.applySeed(seed);
  }

  override get isNpFlattenable(): boolean {
    return false;
  }

  override seed(seed?: SeedInput): SeedResult[] {
    if (seed === undefined || seed === null) return [super.seed(null), this.featureSpace.seed(null)];
    if (typeof seed === 'number') {
      const own = super.seed(seed);
      const featureSeed = this.npRandom.integers(2147483647);
      super.seed(seed);
      return [own, this.featureSpace.seed(featureSeed)];
    }
    if (Array.isArray(seed)) {
      if (seed.length !== 2) {
        throw new RangeError(`Sequence.seed: expects [ownSeed, featureSeed], got ${seed.length} seeds`);
      }
      return [
        super.seed(seed[0] as number | null),
        (this.featureSpace.seed as (s: SeedInput) => SeedResult)(seed[1] as SeedInput),
      ];
    }
    throw new TypeError(
      `Sequence.seed: expected a number, a [own, feature] pair or null, got ${describe(seed)}`,
    );
  }

  /**
   * A random sequence. `mask = [length, featureMask]` (or `probability = [length, featureProbability]`):
   * `length` is null, a non-negative integer, or an array of such lengths to pick from.
   */
  sample(mask?: SequenceMask | null, probability?: SequenceMask | null): SpaceValue<F>[] | unknown {
    assertNotBoth(mask, probability, 'Sequence.sample');
    let items: unknown[];
    const masks = given(mask) ? mask : given(probability) ? probability : null;
    if (masks !== null && masks !== undefined) {
      const kind = given(mask) ? 'mask' : 'probability';
      if (!Array.isArray(masks) || masks.length !== 2) {
        throw new TypeError(
          `Sequence.sample: the ${kind} must be a pair [length, feature ${kind}], got ${describe(masks)}`,
        );
      }
      const [lengthMask, featureMask] = masks as [unknown, unknown];
      const length = this.sampleLength(lengthMask, kind);
      items = Array.from({ length }, () =>
        kind === 'mask'
          ? this.featureSpace.sample(featureMask)
          : this.featureSpace.sample(undefined, featureMask),
      );
    } else {
      const length = geometric(this.npRandom, 0.25);
      items = Array.from({ length }, () => this.featureSpace.sample());
    }
    return this.stack ? concatenate(this.featureSpace, items) : items;
  }

  private sampleLength(lengthMask: unknown, kind: string): number {
    if (lengthMask === null || lengthMask === undefined) return geometric(this.npRandom, 0.25);
    if (typeof lengthMask === 'number') {
      if (!Number.isSafeInteger(lengthMask) || lengthMask < 0) {
        throw new RangeError(
          `Sequence.sample: the length of the ${kind} must be a non-negative integer, got ${lengthMask}`,
        );
      }
      return lengthMask;
    }
    const typed = dtypeOf(lengthMask);
    if (Array.isArray(lengthMask) || (typed !== null && DTYPES[typed].kind !== 'f')) {
      const lengths = Array.from(lengthMask as ArrayLike<unknown>);
      if (lengths.length === 0) throw new RangeError(`Sequence.sample: the lengths of the ${kind} are empty`);
      lengths.forEach((l, i) => {
        if (typeof l !== 'number' || !Number.isSafeInteger(l) || l < 0) {
          throw new RangeError(
            `Sequence.sample: the lengths of the ${kind} must be non-negative integers, got ${describe(l)} at index ${i}`,
          );
        }
      });
      return lengths[this.npRandom.integers(0, lengths.length)] as number;
    }
    throw new TypeError(
      `Sequence.sample: the length of the ${kind} must be null, an integer or an integer array, got ${describe(lengthMask)}`,
    );
  }

  /** The items of a value (the array, or the stacked value split with `iterate`); null if it is not one. */
  items(x: unknown): unknown[] | null {
    if (!this.stack) return Array.isArray(x) ? x : null;
    try {
      return [...iterate(this.stackedFeatureSpace!, x)];
    } catch {
      return null;
    }
  }

  contains(x: unknown): x is SpaceValue<F>[] {
    const items = this.items(x);
    return items !== null && items.every((item) => this.featureSpace.contains(item));
  }

  equals(other: unknown): boolean {
    return (
      other instanceof Sequence && other.stack === this.stack && this.featureSpace.equals(other.featureSpace)
    );
  }

  toString(): string {
    return `Sequence(${String(this.featureSpace)}, stack=${this.stack ? 'True' : 'False'})`;
  }

  toJSON(): SpaceJSON {
    return { type: 'Sequence', space: this.featureSpace.toJSON(), stack: this.stack };
  }

  /** Each sequence as the feature space's `toJsonable` of its items. */
  override toJsonable(samples: readonly unknown[]): unknown[] {
    return samples.map((sample, i) => {
      const items = this.items(sample);
      if (items === null)
        throw new TypeError(`Sequence.toJsonable: sample ${i} is not a sequence of ${String(this)}`);
      return this.featureSpace.toJsonable(items);
    });
  }

  override fromJsonable(json: unknown): unknown[] {
    if (!Array.isArray(json))
      throw new TypeError(`Sequence.fromJsonable expects an array, got ${describe(json)}`);
    return json.map((sample) => {
      const items = this.featureSpace.fromJsonable(sample);
      return this.stack ? concatenate(this.featureSpace, items) : items;
    });
  }
}
