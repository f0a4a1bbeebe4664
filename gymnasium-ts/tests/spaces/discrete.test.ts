import { describe, expect, it } from 'vitest';
import { Discrete } from '../../src/spaces/discrete.ts';
import { spaceFromJSON } from '../../src/spaces/json.ts';
import { InvalidSeed } from '../../src/errors.ts';

describe('Discrete', () => {
  it('constructs with n, start and dtype, and rejects bad arguments clearly', () => {
    const space = new Discrete(3, { start: -1 });
    expect(space.n).toBe(3);
    expect(space.start).toBe(-1);
    expect(space.dtype).toBe('int32');
    expect(space.shape).toEqual([]);
    expect(space.isNpFlattenable).toBe(true);
    expect(() => new Discrete(0)).toThrow(/n \(the number of values\) must be positive, got 0/);
    expect(() => new Discrete(2.5)).toThrow(/n must be an integer/);
    expect(() => new Discrete(2, { start: 0.5 })).toThrow(/start must be an integer/);
    expect(() => new Discrete(2, { dtype: 'float32' as never })).toThrow(/integer dtype/);
    expect(() => new Discrete(300, { dtype: 'int8' })).toThrow(/do not fit dtype int8/);
    expect(() => new Discrete(3, { seed: -1 })).toThrow(InvalidSeed);
  });

  it('samples members over many seeds', () => {
    const space = new Discrete(7, { start: 3 });
    for (let seed = 0; seed < 50; seed++) {
      space.seed(seed);
      for (let k = 0; k < 5; k++) expect(space.contains(space.sample())).toBe(true);
    }
  });

  it('is deterministic given a seed, and seed returns the seed used', () => {
    const a = new Discrete(100, { seed: 5 });
    const b = new Discrete(100);
    expect(b.seed(5)).toBe(5);
    const draws = (s: Discrete): number[] => Array.from({ length: 20 }, () => s.sample());
    expect(draws(a)).toEqual(draws(b));
    expect(typeof new Discrete(3).seed()).toBe('number');
  });

  it('masks: only allowed values, start when none is allowed, invalid masks throw', () => {
    const space = new Discrete(5, { start: 10, seed: 0 });
    const mask = new Int8Array([0, 1, 0, 1, 0]);
    for (let k = 0; k < 50; k++) expect([11, 13]).toContain(space.sample(mask));
    expect(space.sample(new Int8Array(5))).toBe(10);
    expect(() => space.sample(new Int8Array([1, 0]))).toThrow(/must have 5 entries, got 2/);
    expect(() => space.sample(new Int8Array([1, 0, 2, 0, 0]))).toThrow(/must be 0 or 1, got 2 at index 2/);
    expect(() => space.sample(new Uint8Array(5) as never)).toThrow(/Int8Array/);
    expect(() => space.sample([0, 1, 0, 0, 0] as never)).toThrow(/Int8Array/);
  });

  it('probabilities: follow the weights; invalid ones and both arguments throw', () => {
    const space = new Discrete(3, { seed: 1 });
    const p = new Float64Array([0, 0.25, 0.75]);
    const counts = [0, 0, 0];
    for (let k = 0; k < 4000; k++) counts[space.sample(null, p)]!++;
    expect(counts[0]).toBe(0);
    expect(counts[2]! / 4000).toBeGreaterThan(0.7);
    expect(counts[2]! / 4000).toBeLessThan(0.8);
    expect(space.sample(null, new Float64Array([0, 0, 1]))).toBe(2);
    expect(() => space.sample(null, new Float64Array([0.5, 0.2, 0.2]))).toThrow(
      /sum to 1, got a sum of 0.899/,
    );
    expect(() => space.sample(null, new Float64Array([1.5, -0.5, 0]))).toThrow(/in \[0, 1\]/);
    expect(() => space.sample(null, new Float32Array([0, 0, 1]) as never)).toThrow(/Float64Array/);
    expect(() => space.sample(new Int8Array([1, 1, 1]), p)).toThrow(/only one of `mask` or `probability`/);
  });

  it('contains rejects non-integers, out-of-range values and other types', () => {
    const space = new Discrete(3, { start: -1 });
    expect(space.contains(-1)).toBe(true);
    expect(space.contains(1)).toBe(true);
    expect(space.contains(2)).toBe(false);
    expect(space.contains(-2)).toBe(false);
    expect(space.contains(0.5)).toBe(false);
    expect(space.contains('1')).toBe(false);
    expect(space.contains(NaN)).toBe(false);
    expect(space.contains(new Int32Array([0]))).toBe(false);
  });

  it('equality, repr and JSON', () => {
    expect(new Discrete(2).equals(new Discrete(2))).toBe(true);
    expect(new Discrete(2).equals(new Discrete(3))).toBe(false);
    expect(new Discrete(2).equals(new Discrete(2, { start: 1 }))).toBe(false);
    expect(new Discrete(2).equals(new Discrete(2, { dtype: 'int8' }))).toBe(false);
    expect(String(new Discrete(2))).toBe('Discrete(2)');
    expect(String(new Discrete(3, { start: -1 }))).toBe('Discrete(3, start=-1)');
    const space = new Discrete(4, { start: 2, dtype: 'int16' });
    const back = spaceFromJSON(JSON.parse(JSON.stringify(space)));
    expect(back).toBeInstanceOf(Discrete);
    expect(back.equals(space)).toBe(true);
    const values = [2, 5, 3];
    expect(space.fromJsonable(JSON.parse(JSON.stringify(space.toJsonable(values))))).toEqual(values);
    expect(() => space.fromJsonable(['a'])).toThrow(/entry 0 is not an integer/);
  });
});
