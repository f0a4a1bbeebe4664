/**
 * `Dict({key: space, ...})`: a product of named spaces (gymnasium/spaces/dict.py). Values are plain objects
 * with one value per key.
 *
 * Key order, as Gymnasium orders a mapping: a plain object's keys are sorted (Python's `sorted`, by code
 * point); an array of `[key, space]` pairs or a `Map` keeps its order (Gymnasium's sequence / OrderedDict).
 * The order decides the order of seeding, sampling, flattening and `toString`.
 *
 * Seeding as Gymnasium: a number seeds the Dict's generator, which draws one seed per key in order; an object
 * with exactly the space's keys seeds each sub-space; null reseeds every sub-space from entropy.
 */
import type { Generator } from '../utils/seeding.ts';
import { type SeedInput, type SeedResult, Space, type SpaceJSON, type SpaceValue } from './space.ts';
import { describe } from './ndarray.ts';
import { subSeeds } from './draws.ts';
import { assertNotBoth, given } from './validate.ts';

export type DictValue<S extends Record<string, Space>> = { [K in keyof S]: SpaceValue<S[K]> };

export interface DictOptions {
  seed?: SeedInput | Generator;
}

/** Python's `sorted` on strings: by code point (JS's default sort compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export class Dict<S extends Record<string, Space> = Record<string, Space>> extends Space<DictValue<S>> {
  /** The sub-spaces by key (iterate with `keys()` for the space's order). */
  readonly spaces: Readonly<S>;
  private readonly orderedKeys: readonly string[];

  constructor(
    spaces: S | readonly (readonly [string, Space])[] | Map<string, Space> = {} as S,
    { seed = null }: DictOptions = {},
  ) {
    let entries: [string, Space][];
    if (spaces instanceof Map) entries = [...spaces.entries()];
    else if (Array.isArray(spaces)) {
      entries = spaces.map((pair: unknown, i) => {
        if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
          throw new TypeError(`Dict: entry ${i} must be a [key, space] pair, got ${describe(pair)}`);
        }
        return [pair[0], pair[1] as Space];
      });
    } else if (isPlainObject(spaces)) {
      entries = Object.entries(spaces as Record<string, Space>).sort(([a], [b]) => compareCodePoints(a, b));
    } else {
      throw new TypeError(
        `Dict: spaces must be an object, a Map or [key, space] pairs, got ${describe(spaces)}`,
      );
    }
    const seen = new Set<string>();
    for (const [key, space] of entries) {
      if (seen.has(key)) throw new RangeError(`Dict: key '${key}' appears twice`);
      seen.add(key);
      if (!(space instanceof Space)) {
        throw new TypeError(
          `Dict: the value of key '${key}' is not an instance of Space: ${describe(space)}`,
        );
      }
    }
    super(null, null, null);
    const record = Object.create(null) as Record<string, Space>;
    for (const [key, space] of entries) record[key] = space;
    this.spaces = Object.freeze(record) as Readonly<S>;
    this.orderedKeys = Object.freeze(entries.map(([key]) => key));
    this.applySeed(seed);
  }

  override get isNpFlattenable(): boolean {
    return this.orderedKeys.every((key) => this.spaces[key]!.isNpFlattenable);
  }

  /** The keys in the space's order. */
  keys(): string[] {
    return [...this.orderedKeys];
  }

  entries(): [string, Space][] {
    return this.orderedKeys.map((key) => [key, this.spaces[key]!]);
  }

  get length(): number {
    return this.orderedKeys.length;
  }

  get<K extends keyof S & string>(key: K): S[K] {
    if (!this.has(key))
      throw new RangeError(`Dict: no sub-space with key '${key}' (keys: ${this.orderedKeys.join(', ')})`);
    return this.spaces[key]!;
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.spaces, key);
  }

  override seed(seed?: SeedInput): { [key: string]: SeedResult } {
    const result: { [key: string]: SeedResult } = {};
    if (seed === undefined || seed === null) {
      for (const key of this.orderedKeys) result[key] = this.spaces[key]!.seed(null);
      return result;
    }
    if (typeof seed === 'number') {
      super.seed(seed);
      const seeds = subSeeds(this.npRandom, this.orderedKeys.length);
      this.orderedKeys.forEach((key, i) => (result[key] = this.spaces[key]!.seed(seeds[i]!)));
      return result;
    }
    if (isPlainObject(seed)) {
      this.checkKeys(seed, 'Dict.seed', 'seed');
      for (const key of this.orderedKeys) {
        result[key] = (this.spaces[key]!.seed as (s: SeedInput) => SeedResult)(seed[key] as SeedInput);
      }
      return result;
    }
    throw new TypeError(`Dict.seed: expected a number, an object of seeds or null, got ${describe(seed)}`);
  }

  private checkKeys(value: Record<string, unknown>, where: string, what: string): void {
    const keys = Object.keys(value);
    if (keys.length !== this.orderedKeys.length || !keys.every((key) => this.has(key))) {
      throw new RangeError(
        `${where}: the ${what} keys [${keys.join(', ')}] are not identical to the space keys [${this.orderedKeys.join(', ')}]`,
      );
    }
  }

  /** One sample per key; `mask` / `probability` are objects with an entry (or null) for every key. */
  sample(mask?: Record<string, unknown> | null, probability?: Record<string, unknown> | null): DictValue<S> {
    assertNotBoth(mask, probability, 'Dict.sample');
    const out: Record<string, unknown> = {};
    const masks = given(mask) ? mask : given(probability) ? probability : null;
    if (masks !== null && masks !== undefined) {
      const kind = given(mask) ? 'mask' : 'probability';
      if (!isPlainObject(masks)) {
        throw new TypeError(
          `Dict.sample: the ${kind} must be an object keyed like the space, got ${describe(masks)}`,
        );
      }
      this.checkKeys(masks, 'Dict.sample', kind);
      for (const key of this.orderedKeys) {
        const space = this.spaces[key]!;
        out[key] = kind === 'mask' ? space.sample(masks[key]) : space.sample(undefined, masks[key]);
      }
      return out as DictValue<S>;
    }
    for (const key of this.orderedKeys) out[key] = this.spaces[key]!.sample();
    return out as DictValue<S>;
  }

  /** A plain object with exactly the space's keys, each value a member of its sub-space. */
  contains(x: unknown): x is DictValue<S> {
    if (!isPlainObject(x)) return false;
    const keys = Object.keys(x);
    if (keys.length !== this.orderedKeys.length) return false;
    return this.orderedKeys.every(
      (key) => Object.prototype.hasOwnProperty.call(x, key) && this.spaces[key]!.contains(x[key]),
    );
  }

  /**
   * Same keys and equal sub-spaces. Order does not matter: Gymnasium 1.x keeps `spaces` in a plain dict and
   * compares with `dict.__eq__` (order-insensitive); two equal Dicts built in different key orders still
   * flatten in their own orders.
   */
  equals(other: unknown): boolean {
    return (
      other instanceof Dict &&
      other.orderedKeys.length === this.orderedKeys.length &&
      this.orderedKeys.every((key) => other.has(key) && this.spaces[key]!.equals(other.spaces[key]))
    );
  }

  toString(): string {
    return `Dict(${this.orderedKeys.map((key) => `${pythonStringRepr(key)}: ${String(this.spaces[key])}`).join(', ')})`;
  }

  toJSON(): SpaceJSON {
    // Pairs keep the order through JSON (an object would reorder integer-like keys).
    return { type: 'Dict', spaces: this.orderedKeys.map((key) => [key, this.spaces[key]!.toJSON()]) };
  }

  /** An object of lists, one list per key, as Gymnasium. */
  override toJsonable(samples: readonly DictValue<S>[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of this.orderedKeys) {
      out[key] = this.spaces[key]!.toJsonable(
        samples.map((sample) => (sample as Record<string, unknown>)[key]),
      );
    }
    return out;
  }

  override fromJsonable(json: unknown): DictValue<S>[] {
    if (!isPlainObject(json))
      throw new TypeError(`Dict.fromJsonable expects an object of lists, got ${describe(json)}`);
    this.checkKeys(json, 'Dict.fromJsonable', 'json');
    const columns = this.orderedKeys.map((key) => this.spaces[key]!.fromJsonable(json[key]));
    const n = columns.length === 0 ? 0 : columns[0]!.length;
    if (columns.some((column) => column.length !== n)) {
      throw new RangeError('Dict.fromJsonable: the lists of the keys have different lengths');
    }
    return Array.from({ length: n }, (_, k) => {
      const sample: Record<string, unknown> = {};
      this.orderedKeys.forEach((key, c) => (sample[key] = columns[c]![k]));
      return sample as DictValue<S>;
    });
  }
}

/** Python's `repr` of a str: single quotes unless the text holds one and no double quote. */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(new RegExp(quote, 'g'), `\\${quote}`);
  return `${quote}${body}${quote}`;
}
