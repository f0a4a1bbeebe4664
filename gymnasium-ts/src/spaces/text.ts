/**
 * `Text(maxLength, {minLength, charset})`: strings of minLength..maxLength characters from a character set
 * (gymnasium/spaces/text.py). Lengths count Unicode code points, as Python's `len` does.
 *
 * The charset (default: ASCII letters and digits) is kept sorted by code point, as Gymnasium sorts it so that
 * character indexes (used by `flatten`) agree across processes.
 *
 * Sampling matches Gymnasium bit for bit: the length is `integers(minLength, maxLength + 1)` unless the mask
 * fixes it, then `choice(characters, size=length)` (with the charset mask or probability when given).
 */
import type { Generator } from '../utils/seeding.ts';
import { Space, type SpaceJSON } from './space.ts';
import { describe } from './ndarray.ts';
import { weightedChoice } from './draws.ts';
import { compareCodePoints } from './dict.ts';
import { assertInteger, assertNotBoth, given, readBinaryMask, readProbability } from './validate.ts';

/** Python's `string.ascii_letters + string.digits`. */
export const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export interface TextOptions {
  /** Default 1. */
  minLength?: number;
  /** The allowed characters: a string (each code point is one character) or an iterable of characters. */
  charset?: string | Iterable<string>;
  seed?: number | Generator | null;
}

/** `[length, charMask]`: either part may be null (a random length; all characters). */
export type TextMask = readonly [length: number | null, charMask: Int8Array | null];
export type TextProbability = readonly [length: number | null, charProbability: Float64Array | null];

export class Text extends Space<string> {
  readonly minLength: number;
  readonly maxLength: number;
  /** The characters, sorted by code point. */
  readonly characterList: readonly string[];
  readonly characterSet: ReadonlySet<string>;
  private readonly characterIndexes: ReadonlyMap<string, number>;

  constructor(maxLength: number, { minLength = 1, charset = ALPHANUMERIC, seed = null }: TextOptions = {}) {
    assertInteger(minLength, 'Text: minLength', 0);
    assertInteger(maxLength, 'Text: maxLength');
    if (minLength > maxLength) {
      throw new RangeError(
        `Text: minLength must be less than or equal to maxLength, minLength=${minLength}, maxLength=${maxLength}`,
      );
    }
    if (
      typeof charset !== 'string' &&
      (charset === null || typeof charset !== 'object' || !(Symbol.iterator in charset))
    ) {
      throw new TypeError(
        `Text: charset must be a string or an iterable of characters, got ${describe(charset)}`,
      );
    }
    const chars = new Set<string>();
    for (const item of typeof charset === 'string' ? [...charset] : charset) {
      if (typeof item !== 'string' || [...item].length !== 1) {
        throw new TypeError(`Text: every charset entry must be a single character, got ${describe(item)}`);
      }
      chars.add(item);
    }
    super(null, null, null);
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.characterList = Object.freeze([...chars].sort(compareCodePoints));
    this.characterSet = new Set(this.characterList);
    this.characterIndexes = new Map(this.characterList.map((c, i) => [c, i]));
    this.applySeed(seed);
  }

  /** The sorted charset as one string (Gymnasium's `characters`). */
  get characters(): string {
    return this.characterList.join('');
  }

  /** The index of a character in the sorted charset (what `flatten` writes); throws if it is not in it. */
  characterIndex(char: string): number {
    const index = this.characterIndexes.get(char);
    if (index === undefined) throw new RangeError(`Text: character ${describe(char)} is not in the charset`);
    return index;
  }

  override get isNpFlattenable(): boolean {
    return true;
  }

  /**
   * A random string. `mask = [length, charMask]` fixes the length and/or allows only the characters whose
   * entry is 1 (an Int8Array over the sorted charset); with no allowed character the result is '' when
   * minLength is 0 and an error otherwise. `probability = [length, charProbability]` weighs the characters.
   */
  sample(mask?: TextMask | null, probability?: TextProbability | null): string {
    assertNotBoth(mask, probability, 'Text.sample');
    let length: number | null = null;
    let charMask: Int8Array | Float64Array | null = null;
    if (given(mask)) [length, charMask] = this.readMask(mask, 'mask');
    else if (given(probability)) [length, charMask] = this.readMask(probability, 'probability');
    const rng = this.npRandom;
    if (length === null) length = rng.integers(this.minLength, this.maxLength + 1);
    const k = this.characterList.length;
    if (charMask === null) {
      if (length > 0 && k === 0)
        throw new RangeError('Text.sample: the charset is empty, no character can be sampled');
      return Array.from({ length }, () => this.characterList[rng.integers(0, k)]!).join('');
    }
    if (given(mask)) {
      const valid = readBinaryMask(charMask, k, 'Text.sample');
      if (valid.length === 0) {
        if (this.minLength === 0) return '';
        throw new RangeError(
          `Text.sample: the character mask is all zero, so no character can be sampled, but the minimum length is ${this.minLength}`,
        );
      }
      return Array.from({ length }, () => this.characterList[valid[rng.integers(0, valid.length)]!]!).join(
        '',
      );
    }
    const p = readProbability(charMask, k, 'Text.sample');
    return weightedChoice(rng, p, length)
      .map((i) => this.characterList[i]!)
      .join('');
  }

  private readMask(
    value: unknown,
    kind: 'mask' | 'probability',
  ): [number | null, Int8Array | Float64Array | null] {
    if (!Array.isArray(value) || value.length !== 2) {
      throw new TypeError(
        `Text.sample: the ${kind} must be a pair [length, charset ${kind}], got ${describe(value)}`,
      );
    }
    const [length, chars] = value as [unknown, unknown];
    if (given(length)) {
      assertInteger(length, `Text.sample: the ${kind} length`);
      if ((length as number) < this.minLength || (length as number) > this.maxLength) {
        throw new RangeError(
          `Text.sample: the ${kind} length must be between ${this.minLength} and ${this.maxLength}, got ${length as number}`,
        );
      }
    }
    if (given(chars)) {
      const expected = kind === 'mask' ? Int8Array : Float64Array;
      if (!(chars instanceof expected)) {
        throw new TypeError(
          `Text.sample: the charset ${kind} must be a ${expected.name}, got ${describe(chars)}`,
        );
      }
      if (chars.length !== this.characterList.length) {
        throw new RangeError(
          `Text.sample: the charset ${kind} must have ${this.characterList.length} entries (one per character), got ${chars.length}`,
        );
      }
    }
    return [
      given(length) ? (length as number) : null,
      given(chars) ? (chars as Int8Array | Float64Array) : null,
    ];
  }

  contains(x: unknown): x is string {
    if (typeof x !== 'string') return false;
    const chars = [...x];
    return (
      chars.length >= this.minLength &&
      chars.length <= this.maxLength &&
      chars.every((c) => this.characterSet.has(c))
    );
  }

  equals(other: unknown): boolean {
    return (
      other instanceof Text &&
      other.minLength === this.minLength &&
      other.maxLength === this.maxLength &&
      other.characters === this.characters
    );
  }

  toString(): string {
    return `Text(${this.minLength}, ${this.maxLength}, charset=${this.characters})`;
  }

  toJSON(): SpaceJSON {
    return { type: 'Text', maxLength: this.maxLength, minLength: this.minLength, charset: this.characters };
  }

  static fromJSON(json: SpaceJSON): Text {
    return new Text(json.maxLength as number, {
      minLength: json.minLength as number,
      charset: json.charset as string,
    });
  }

  override toJsonable(samples: readonly string[]): string[] {
    return [...samples];
  }

  override fromJsonable(json: unknown): string[] {
    if (!Array.isArray(json) || !json.every((s) => typeof s === 'string')) {
      throw new TypeError(`Text.fromJsonable expects an array of strings, got ${describe(json)}`);
    }
    return [...(json as string[])];
  }
}
