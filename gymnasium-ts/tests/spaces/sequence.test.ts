/**
 * Sequence: variable-length sequences of one feature space, as arrays or (stack=true) stacked into one batched
 * value. Reference numbers come from numpy replaying Gymnasium 1.x: `Sequence.seed(9)` seeds the feature space
 * with `default_rng(9).integers(2**31 - 1)` = 905266064 and the feature space then samples on its own generator.
 */
import { describe, expect, it } from 'vitest';
import { Box } from '../../src/spaces/box.ts';
import { Dict } from '../../src/spaces/dict.ts';
import { Discrete } from '../../src/spaces/discrete.ts';
import { Sequence } from '../../src/spaces/sequence.ts';
import { Text } from '../../src/spaces/text.ts';
import { Tuple } from '../../src/spaces/tuple.ts';
import { spaceFromJSON } from '../../src/spaces/json.ts';

describe('Sequence (arrays of items)', () => {
  it('validates its arguments', () => {
    expect(() => new Sequence(3 as unknown as Discrete)).toThrow(
      /feature space must be an instance of Space/,
    );
    expect(() => new Sequence(new Discrete(2), { stack: 'yes' as unknown as boolean })).toThrow(
      /stack must be a boolean/,
    );
    expect(String(new Sequence(new Discrete(2)))).toBe('Sequence(Discrete(2), stack=False)');
    expect(String(new Sequence(new Box(0, 1), { stack: true }))).toBe(
      'Sequence(Box(0.0, 1.0, (1,), float32), stack=True)',
    );
  });

  it('samples arrays of members with a geometric length (>= 1), reproducibly', () => {
    const lengths = new Set<number>();
    for (let seed = 0; seed < 40; seed++) {
      const seq = new Sequence(new Dict({ a: new Discrete(3), b: new Text(2) }), { seed });
      const value = seq.sample() as unknown[];
      expect(Array.isArray(value)).toBe(true);
      expect(value.length).toBeGreaterThanOrEqual(1);
      lengths.add(value.length);
      expect(seq.contains(value)).toBe(true);
      expect(new Sequence(new Dict({ a: new Discrete(3), b: new Text(2) }), { seed }).sample()).toEqual(
        value,
      );
    }
    expect(lengths.size).toBeGreaterThan(3); // the length really varies
  });

  it('mask = [length, featureMask]: a fixed length, or lengths to choose from (numpy reference)', () => {
    const seq = new Sequence(new Discrete(4), { seed: 9 });
    expect(seq.sample([3, new Int8Array([1, 0, 0, 1])])).toEqual([0, 3, 0]);
    expect(seq.sample([0, null])).toEqual([]);
    for (let i = 0; i < 20; i++) {
      const value = seq.sample([[2, 5], null]) as number[];
      expect([2, 5]).toContain(value.length);
      const typed = seq.sample([new Int32Array([1, 3]), new Int8Array([0, 0, 1, 0])]) as number[];
      expect([[2], [2, 2, 2]]).toContainEqual(typed);
    }
    const weighted = seq.sample(null, [4, new Float64Array([0, 0, 0, 1])]);
    expect(weighted).toEqual([3, 3, 3, 3]);
    expect(() => seq.sample([-1, null])).toThrow(/length of the mask must be a non-negative integer, got -1/);
    expect(() => seq.sample([1.5, null])).toThrow(/non-negative integer, got 1.5/);
    expect(() => seq.sample([[], null])).toThrow(/lengths of the mask are empty/);
    expect(() => seq.sample([[2, -3], null])).toThrow(/non-negative integers, got number -3 at index 1/);
    expect(() => seq.sample([new Float64Array([2]), null])).toThrow(/null, an integer or an integer array/);
    expect(() => seq.sample([3] as unknown as [number, null])).toThrow(
      /must be a pair \[length, feature mask\]/,
    );
    expect(() => seq.sample([2, new Int8Array([1])])).toThrow(
      /Discrete.sample: the mask must have 4 entries/,
    );
    expect(() => seq.sample([1, null], [1, null])).toThrow(/only one of `mask` or `probability`/);
  });

  it('contains: an array whose every item is a feature member', () => {
    const seq = new Sequence(new Discrete(3));
    expect(seq.contains([])).toBe(true);
    expect(seq.contains([0, 2, 1])).toBe(true);
    expect(seq.contains([0, 3])).toBe(false);
    expect(seq.contains([0, 1.5])).toBe(false);
    expect(seq.contains(new Int32Array([0, 1]))).toBe(false); // non-stacked values are arrays
    expect(seq.contains('012')).toBe(false);
    expect(seq.contains(null)).toBe(false);
  });

  it('seed: a number seeds the feature space from the Sequence generator, then reseeds it', () => {
    const seq = new Sequence(new Discrete(4));
    expect(seq.seed(9)).toEqual([9, 905266064]);
    // After the reseed the Sequence generator is where `seed([9, ...])` leaves it, as in Gymnasium.
    const byList = new Sequence(new Discrete(4));
    expect(byList.seed([9, 905266064])).toEqual([9, 905266064]);
    expect([0, 1, 2].map(() => byList.sample())).toEqual([0, 1, 2].map(() => seq.sample()));
    const nested = new Sequence(new Tuple([new Discrete(2), new Discrete(2)]));
    expect(nested.seed([1, [2, 3]])).toEqual([1, [2, 3]]);
    const random = nested.seed(null);
    expect(random).toHaveLength(2);
    expect(() => seq.seed([1, 2, 3])).toThrow(/expects \[ownSeed, featureSeed\], got 3 seeds/);
    expect(() => seq.seed({ a: 1 })).toThrow(/expected a number, a \[own, feature\] pair or null/);
  });

  it('equality, JSON and jsonable round trips', () => {
    const seq = new Sequence(new Tuple([new Box(-1, 1, { shape: [2] }), new Discrete(3)]), { seed: 2 });
    expect(seq.equals(new Sequence(new Tuple([new Box(-1, 1, { shape: [2] }), new Discrete(3)])))).toBe(true);
    expect(seq.equals(new Sequence(new Tuple([new Box(-1, 1, { shape: [2] }), new Discrete(4)])))).toBe(
      false,
    );
    expect(
      seq.equals(new Sequence(new Tuple([new Box(-1, 1, { shape: [2] }), new Discrete(3)]), { stack: true })),
    ).toBe(false);
    expect(seq.equals(seq.featureSpace)).toBe(false);
    const copy = spaceFromJSON(JSON.stringify(seq.toJSON()));
    expect(copy.equals(seq)).toBe(true);
    const samples = [seq.sample([2, null]), seq.sample([0, null]), seq.sample([3, null])];
    const json = JSON.parse(JSON.stringify(seq.toJsonable(samples))) as unknown;
    expect(seq.fromJsonable(json)).toEqual(samples);
    expect(() => seq.toJsonable([5])).toThrow(/sample 0 is not a sequence/);
    expect(() => seq.fromJsonable('x')).toThrow(/expects an array/);
  });
});

describe('Sequence with stack=true', () => {
  it('stacks Box items into one flat typed array of rows (numpy reference)', () => {
    const seq = new Sequence(new Box(0, 1, { shape: [2] }), { stack: true, seed: 9 });
    const value = seq.sample([2, null]) as Float32Array;
    expect(value).toBeInstanceOf(Float32Array);
    expect(Array.from(value)).toEqual([
      0.5821940302848816, 0.939085841178894, 0.12467252463102341, 0.17046943306922913,
    ]);
    expect(seq.contains(value)).toBe(true);
    expect(seq.items(value)!.map((row) => Array.from(row as Float32Array))).toEqual([
      [0.5821940302848816, 0.939085841178894],
      [0.12467252463102341, 0.17046943306922913],
    ]);
    expect(seq.contains(new Float32Array(0))).toBe(true); // the empty sequence
    expect(seq.contains(new Float32Array([0.5, 0.5, 0.5]))).toBe(false); // not whole rows
    expect(seq.contains(new Float32Array([0.5, 1.5]))).toBe(false); // a row outside the box
    expect(seq.contains(new Float64Array([0.5, 0.5]))).toBe(false); // float64 rows do not cast to float32
    expect(seq.contains('rows')).toBe(false);
  });

  it('stacks Discrete items into a typed array of the dtype', () => {
    const seq = new Sequence(new Discrete(4), { stack: true, seed: 9 });
    const value = seq.sample([3, new Int8Array([1, 0, 0, 1])]);
    expect(value).toBeInstanceOf(Int32Array);
    expect(Array.from(value as Int32Array)).toEqual([0, 3, 0]);
    expect(seq.contains(value)).toBe(true);
    expect(seq.contains(new Int32Array([0, 4]))).toBe(false);
    for (let seed = 0; seed < 20; seed++) {
      const s = new Sequence(new Discrete(4), { stack: true, seed });
      const v = s.sample() as Int32Array;
      expect(v.length).toBeGreaterThanOrEqual(1);
      expect(s.contains(v)).toBe(true);
    }
  });

  it('stacks Dict items column-wise and round-trips through JSON', () => {
    const seq = new Sequence(new Dict({ pos: new Box(-1, 1, { shape: [2] }), id: new Discrete(5) }), {
      stack: true,
      seed: 1,
    });
    const value = seq.sample([3, null]) as { pos: Float32Array; id: Int32Array };
    expect(value.pos).toBeInstanceOf(Float32Array);
    expect(value.pos.length).toBe(6);
    expect(value.id.length).toBe(3);
    expect(seq.contains(value)).toBe(true);
    expect(seq.contains({ pos: value.pos, id: new Int32Array([0, 9, 0]) })).toBe(false);
    const samples = [value, seq.sample([1, null])];
    const json = JSON.parse(JSON.stringify(seq.toJsonable(samples))) as unknown;
    expect(seq.fromJsonable(json)).toEqual(samples);
    expect(spaceFromJSON(seq.toJSON()).equals(seq)).toBe(true);
  });
});
