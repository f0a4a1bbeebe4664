/**
 * OneOf: a value of exactly one sub-space, as `[index, value]`. Reference numbers come from numpy replaying
 * Gymnasium 1.x: `OneOf.seed(5)` gives the sub-spaces `default_rng(5).integers(2**31 - 1, size=2)`, reseeds its
 * own generator with 5, and each sample draws the index with `integers(0, n)` before the chosen sub-space samples.
 */
import { describe, expect, it } from 'vitest';
import { Box } from '../../src/spaces/box.ts';
import { Dict } from '../../src/spaces/dict.ts';
import { Discrete } from '../../src/spaces/discrete.ts';
import { MultiDiscrete } from '../../src/spaces/multidiscrete.ts';
import { OneOf, type OneOfValue } from '../../src/spaces/oneof.ts';
import { Text } from '../../src/spaces/text.ts';
import { Tuple } from '../../src/spaces/tuple.ts';
import { spaceFromJSON } from '../../src/spaces/json.ts';
import type { Space } from '../../src/spaces/space.ts';

const normalise = ([index, value]: OneOfValue): unknown => [
  index,
  ArrayBuffer.isView(value) ? Array.from(value as Int32Array) : value,
];

describe('OneOf', () => {
  it('validates its sub-spaces and gives access to them', () => {
    expect(() => new OneOf([])).toThrow(/empty OneOf spaces are not supported/);
    expect(() => new OneOf([new Discrete(2), {} as Space])).toThrow(/element 1 does not inherit from Space/);
    expect(() => new OneOf(new Discrete(2) as unknown as Space[])).toThrow(/spaces must be an array/);
    const oneOf = new OneOf([new Discrete(2), new Box(-1, 1, { shape: [2] })]);
    expect(oneOf.length).toBe(2);
    expect(String(oneOf.get(0))).toBe('Discrete(2)');
    expect(() => oneOf.get(2)).toThrow(/no sub-space at index 2/);
    expect(String(oneOf)).toBe('OneOf(Discrete(2), Box(-1.0, 1.0, (2,), float32))');
  });

  it('samples [index, value] members, using every sub-space, reproducibly', () => {
    const make = (seed: number): OneOf =>
      new OneOf([new Discrete(3), new Text(3), new Tuple([new Discrete(2), new Box(0, 1)])], { seed });
    const seen = new Set<number>();
    for (let seed = 0; seed < 30; seed++) {
      const oneOf = make(seed);
      const value = oneOf.sample();
      seen.add(value[0]);
      expect(oneOf.contains(value)).toBe(true);
      expect(make(seed).sample()).toEqual(value);
    }
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });

  it('mask: one (possibly null) entry per sub-space; the chosen one is used (numpy reference)', () => {
    const oneOf = new OneOf([new Discrete(4), new MultiDiscrete([2, 3])], { seed: 5 });
    const mask = [new Int8Array([0, 0, 1, 1]), [new Int8Array([1, 0]), new Int8Array([0, 1, 1])]];
    expect(Array.from({ length: 6 }, () => normalise(oneOf.sample(mask)))).toEqual([
      [1, [0, 1]],
      [1, [0, 2]],
      [0, 3],
      [1, [0, 1]],
      [0, 3],
      [1, [0, 1]],
    ]);
    const partial = oneOf.sample([new Int8Array([1, 0, 0, 0]), null]);
    expect(oneOf.contains(partial)).toBe(true);
    if (partial[0] === 0) expect(partial[1]).toBe(0);
    expect(() => oneOf.sample([null])).toThrow(/one entry per sub-space \(2\)/);
    expect(() => oneOf.sample([null, null], [null, null])).toThrow(/only one of `mask` or `probability`/);
  });

  it('probability: the chosen sub-space samples with its entry', () => {
    const oneOf = new OneOf([new Discrete(3), new Discrete(2, { start: 7 })], { seed: 1 });
    for (let i = 0; i < 20; i++) {
      const [index, value] = oneOf.sample(null, [new Float64Array([0, 1, 0]), new Float64Array([0, 1])]);
      expect(value).toBe(index === 0 ? 1 : 8);
    }
  });

  it('contains: an [index, value] pair with an integer index in range and a member of that sub-space', () => {
    const oneOf = new OneOf([new Discrete(3), new Box(-1, 1, { shape: [2] })]);
    expect(oneOf.contains([0, 2])).toBe(true);
    expect(oneOf.contains([1, new Float32Array([0, 1])])).toBe(true);
    expect(oneOf.contains([0, new Float32Array([0, 1])])).toBe(false); // value of the other sub-space
    expect(oneOf.contains([1, 2])).toBe(false);
    expect(oneOf.contains([2, 0])).toBe(false);
    expect(oneOf.contains([-1, 0])).toBe(false);
    expect(oneOf.contains([0.5, 0])).toBe(false);
    expect(oneOf.contains(['0', 0])).toBe(false);
    expect(oneOf.contains([0, 1, 2])).toBe(false);
    expect(oneOf.contains([0])).toBe(false);
    expect(oneOf.contains(2)).toBe(false);
    expect(oneOf.contains(null)).toBe(false);
  });

  it('seed: [own, ...sub-seeds]; a number reseeds its own generator after drawing the sub-seeds', () => {
    const oneOf = new OneOf([new Discrete(4), new MultiDiscrete([2, 3])]);
    expect(oneOf.seed(5)).toEqual([5, 1440510675, 1728730614]);
    const byList = new OneOf([new Discrete(4), new MultiDiscrete([2, 3])]);
    expect(byList.seed([5, 1440510675, 1728730614])).toEqual([5, 1440510675, 1728730614]);
    expect(Array.from({ length: 5 }, () => normalise(byList.sample()))).toEqual(
      Array.from({ length: 5 }, () => normalise(oneOf.sample())),
    );
    const nested = new OneOf([new Discrete(2), new Dict({ a: new Discrete(2) })]);
    expect(nested.seed([1, 2, { a: 3 }])).toEqual([1, 2, { a: 3 }]);
    expect(nested.seed(null)).toHaveLength(3);
    expect(() => oneOf.seed([1, 2])).toThrow(/expects 3 seeds \(its own, then one per sub-space\), got 2/);
    expect(() => oneOf.seed({ a: 1 })).toThrow(/expected a number, an array or null/);
  });

  it('equality, JSON and jsonable round trips', () => {
    const oneOf = new OneOf([new Discrete(3), new Box(-1, 1, { shape: [2] }), new Dict({ t: new Text(2) })], {
      seed: 3,
    });
    expect(
      oneOf.equals(
        new OneOf([new Discrete(3), new Box(-1, 1, { shape: [2] }), new Dict({ t: new Text(2) })]),
      ),
    ).toBe(true);
    expect(oneOf.equals(new OneOf([new Discrete(3), new Box(-1, 1, { shape: [2] })]))).toBe(false);
    expect(
      oneOf.equals(
        new Tuple([new Discrete(3), new Box(-1, 1, { shape: [2] }), new Dict({ t: new Text(2) })]),
      ),
    ).toBe(false);
    const copy = spaceFromJSON(JSON.stringify(oneOf.toJSON()));
    expect(copy).toBeInstanceOf(OneOf);
    expect(copy.equals(oneOf)).toBe(true);
    const samples = Array.from({ length: 8 }, () => oneOf.sample());
    const json = JSON.parse(JSON.stringify(oneOf.toJsonable(samples))) as unknown;
    const back = oneOf.fromJsonable(json);
    expect(back).toEqual(samples);
    expect(() => oneOf.fromJsonable([[0]])).toThrow(/entry 0 must be \[index, value\]/);
    expect(() => oneOf.fromJsonable([[5, [1]]])).toThrow(/no sub-space at index 5/);
  });
});
