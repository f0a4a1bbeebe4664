import { describe, expect, it } from 'vitest';
import { ALPHANUMERIC, Text } from '../../src/spaces/text.ts';
import { spaceFromJSON } from '../../src/spaces/json.ts';

describe('Text', () => {
  it('sorts its charset by code point and validates arguments', () => {
    const text = new Text(5);
    expect(text.minLength).toBe(1);
    expect(text.characters).toBe([...ALPHANUMERIC].sort().join(''));
    expect(text.characters.startsWith('0123456789ABC')).toBe(true);
    expect(new Text(3, { charset: 'cabca' }).characters).toBe('abc');
    expect(new Text(3, { charset: new Set(['😀', 'z', 'a']) }).characterList).toEqual(['a', 'z', '😀']);
    expect(new Text(3, { charset: 'ab' }).characterIndex('b')).toBe(1);
    expect(() => new Text(3, { charset: 'ab' }).characterIndex('c')).toThrow(/not in the charset/);
    expect(() => new Text(2, { minLength: 3 })).toThrow(/minLength must be less than or equal to maxLength/);
    expect(() => new Text(2, { minLength: -1 })).toThrow(/minLength must be >= 0/);
    expect(() => new Text(2.5)).toThrow(/maxLength must be an integer/);
    expect(() => new Text(2, { charset: ['ab'] })).toThrow(/single character/);
    expect(() => new Text(2, { charset: 5 as never })).toThrow(/charset must be a string or an iterable/);
  });

  it('samples members over many seeds, deterministically', () => {
    const text = new Text(6, { minLength: 0, charset: 'xyz😀' });
    for (let seed = 0; seed < 40; seed++) {
      text.seed(seed);
      expect(text.contains(text.sample())).toBe(true);
    }
    expect(new Text(10, { seed: 3 }).sample()).toBe(new Text(10, { seed: 3 }).sample());
  });

  it('masks fix the length and restrict characters', () => {
    const text = new Text(5, { charset: 'abcd', seed: 0 });
    for (let k = 0; k < 20; k++) {
      const s = text.sample([4, new Int8Array([0, 1, 0, 1])]);
      expect(s).toMatch(/^[bd]{4}$/);
    }
    expect(text.sample([3, null])).toHaveLength(3);
    expect(() => text.sample([null, new Int8Array(4)])).toThrow(/all zero.*minimum length is 1/);
    expect(new Text(5, { minLength: 0, charset: 'ab' }).sample([null, new Int8Array(2)])).toBe('');
    expect(() => text.sample([9, null])).toThrow(/length must be between 1 and 5, got 9/);
    expect(() => text.sample([2, new Int8Array(3)])).toThrow(/must have 4 entries/);
    expect(() => text.sample([2, new Float64Array(4)] as never)).toThrow(/must be a Int8Array/);
    expect(() => text.sample('ab' as never)).toThrow(/must be a pair/);
  });

  it('probabilities weigh the characters', () => {
    const text = new Text(8, { charset: 'ab', seed: 2 });
    expect(text.sample(null, [8, new Float64Array([0, 1])])).toBe('bbbbbbbb');
    expect(() => text.sample(null, [8, new Float64Array([0.2, 0.2])])).toThrow(/sum to 1/);
    expect(() => text.sample([1, null], [1, null])).toThrow(/only one of/);
  });

  it('contains counts code points and checks the charset', () => {
    const text = new Text(2, { charset: 'a😀' });
    expect(text.contains('😀a')).toBe(true);
    expect(text.contains('')).toBe(false);
    expect(text.contains('aaa')).toBe(false);
    expect(text.contains('ab')).toBe(false);
    expect(text.contains(1)).toBe(false);
  });

  it('equality, repr, JSON', () => {
    expect(String(new Text(3, { charset: 'ba' }))).toBe('Text(1, 3, charset=ab)');
    expect(new Text(3, { charset: 'ab' }).equals(new Text(3, { charset: 'ba' }))).toBe(true);
    expect(new Text(3, { charset: 'ab' }).equals(new Text(4, { charset: 'ab' }))).toBe(false);
    expect(new Text(3, { charset: 'ab' }).equals(new Text(3, { charset: 'abc' }))).toBe(false);
    const text = new Text(4, { minLength: 2, charset: 'xy😀' });
    expect(spaceFromJSON(JSON.parse(JSON.stringify(text))).equals(text)).toBe(true);
    expect(text.fromJsonable(text.toJsonable(['xy', '😀😀']))).toEqual(['xy', '😀😀']);
    expect(() => text.fromJsonable([1])).toThrow(/array of strings/);
  });
});
