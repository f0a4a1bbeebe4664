import { describe, expect, it } from 'vitest';
import { MultiDiscrete } from '../../src/spaces/multidiscrete.ts';
import { MultiBinary } from '../../src/spaces/multibinary.ts';
import { Discrete } from '../../src/spaces/discrete.ts';
import { spaceFromJSON } from '../../src/spaces/json.ts';

describe('MultiDiscrete', () => {
  it('constructs from nested nvec with start and dtype, rejecting bad input', () => {
    const space = new MultiDiscrete(
      [
        [2, 3],
        [4, 5],
      ],
      {
        start: [
          [0, 1],
          [-1, 0],
        ],
        dtype: 'int16',
      },
    );
    expect(space.shape).toEqual([2, 2]);
    expect(space.nvec).toBeInstanceOf(Int16Array);
    expect(Array.from(space.nvec)).toEqual([2, 3, 4, 5]);
    expect(Array.from(space.start)).toEqual([0, 1, -1, 0]);
    expect(Array.from(new MultiDiscrete([3, 3], { start: 5 }).start)).toEqual([5, 5]);
    expect(() => new MultiDiscrete([2, 0])).toThrow(
      /nvec \(counts\) must be positive integers, got 0 at flat index 1/,
    );
    expect(() => new MultiDiscrete([2, 3], { start: [0, 0, 0] })).toThrow(
      /start and nvec should have the same shape/,
    );
    expect(() => new MultiDiscrete(3 as never)).toThrow(/nvec must be an array/);
    expect(() => new MultiDiscrete([2], { dtype: 'float32' as never })).toThrow(/integer dtype/);
    expect(() => new MultiDiscrete([300], { dtype: 'uint8' })).toThrow(/do not fit dtype uint8/);
  });

  it('samples members over many seeds, deterministically', () => {
    const space = new MultiDiscrete(
      [
        [2, 3],
        [4, 5],
      ],
      {
        start: [
          [0, 1],
          [-1, 0],
        ],
      },
    );
    for (let seed = 0; seed < 30; seed++) {
      space.seed(seed);
      const x = space.sample();
      expect(x).toBeInstanceOf(Int32Array);
      expect(space.contains(x)).toBe(true);
    }
    const a = new MultiDiscrete([5, 5, 5], { seed: 9 });
    const b = new MultiDiscrete([5, 5, 5], { seed: 9 });
    expect(Array.from(a.sample())).toEqual(Array.from(b.sample()));
  });

  it('masks and probabilities per element, nested like nvec', () => {
    const space = new MultiDiscrete([[2, 3]], { seed: 0 });
    const mask = [[new Int8Array([0, 1]), new Int8Array([0, 0, 0])]];
    for (let k = 0; k < 20; k++) expect(Array.from(space.sample(mask))).toEqual([1, 0]);
    const p = [[new Float64Array([1, 0]), new Float64Array([0, 0, 1])]];
    expect(Array.from(space.sample(null, p))).toEqual([0, 2]);
    expect(() => space.sample([new Int8Array([1, 1])] as never)).toThrow(/the mask\[0\] must be an array/);
    expect(() => space.sample([[new Int8Array([1, 1])]])).toThrow(
      /must have 2 entries \(one per element\), got 1/,
    );
    expect(() => space.sample([[new Int8Array([1, 1]), new Int8Array([1, 1])]])).toThrow(
      /element 1\): the mask must have 3 entries/,
    );
    expect(() => space.sample(null, [[new Float64Array([0.5, 0.4]), new Float64Array([1, 0, 0])]])).toThrow(
      /sum to 1/,
    );
    expect(() => space.sample(mask, p)).toThrow(/only one of/);
  });

  it('contains checks shape, integers and ranges', () => {
    const space = new MultiDiscrete([2, 3], { start: [1, -1] });
    expect(space.contains(new Int32Array([1, -1]))).toBe(true);
    expect(space.contains([2, 1])).toBe(true);
    expect(space.contains(new Int8Array([2, 1]))).toBe(true);
    expect(space.contains([3, 1])).toBe(false);
    expect(space.contains([0, 1])).toBe(false);
    expect(space.contains([1.5, 1])).toBe(false);
    expect(space.contains([1])).toBe(false);
    expect(space.contains(1)).toBe(false);
  });

  it('indexes sub-spaces with a copy of the generator, and compares, prints, serialises', () => {
    const space = new MultiDiscrete(
      [
        [2, 3],
        [4, 5],
      ],
      { seed: 1 },
    );
    const row = space.at(1) as MultiDiscrete;
    expect(row).toBeInstanceOf(MultiDiscrete);
    expect(Array.from(row.nvec)).toEqual([4, 5]);
    const cell = row.at(-1);
    expect(cell).toBeInstanceOf(Discrete);
    expect((cell as Discrete).n).toBe(5);
    expect(() => space.at(2)).toThrow(/out of range/);
    expect(space.length).toBe(2);
    expect(String(new MultiDiscrete([2, 3]))).toBe('MultiDiscrete([2 3])');
    expect(String(new MultiDiscrete([2, 3], { start: [1, 0] }))).toBe('MultiDiscrete([2 3], start=[1 0])');
    expect(new MultiDiscrete([2, 3]).equals(new MultiDiscrete([2, 3]))).toBe(true);
    expect(new MultiDiscrete([2, 3]).equals(new MultiDiscrete([2, 4]))).toBe(false);
    expect(new MultiDiscrete([2, 3]).equals(new MultiDiscrete([2, 3], { start: 1 }))).toBe(false);
    expect(new MultiDiscrete([2, 3]).equals(new MultiDiscrete([[2, 3]]))).toBe(false);
    const back = spaceFromJSON(JSON.parse(JSON.stringify(space)));
    expect(back.equals(space)).toBe(true);
    const samples = [space.sample(), space.sample()];
    const values = space.fromJsonable(JSON.parse(JSON.stringify(space.toJsonable(samples))));
    expect(values.map((v) => Array.from(v))).toEqual(samples.map((v) => Array.from(v)));
  });
});

describe('MultiBinary', () => {
  it('constructs from n or a shape', () => {
    expect(new MultiBinary(4).shape).toEqual([4]);
    expect(new MultiBinary([2, 3]).shape).toEqual([2, 3]);
    expect(() => new MultiBinary(0)).toThrow(/positive integer/);
    expect(() => new MultiBinary([2, -1])).toThrow(/positive integer/);
    expect(String(new MultiBinary(4))).toBe('MultiBinary(4)');
    expect(String(new MultiBinary([2, 3]))).toBe('MultiBinary((2, 3))');
  });

  it('samples 0/1 Int8Arrays, honours masks and probabilities', () => {
    const space = new MultiBinary([2, 3], { seed: 0 });
    for (let k = 0; k < 20; k++) {
      const x = space.sample();
      expect(x).toBeInstanceOf(Int8Array);
      expect(space.contains(x)).toBe(true);
    }
    const mask = new Int8Array([0, 1, 2, 0, 1, 2]);
    for (let k = 0; k < 20; k++) {
      const x = space.sample(mask);
      expect([x[0], x[1], x[3], x[4]]).toEqual([0, 1, 0, 1]);
    }
    expect(Array.from(space.sample(null, new Float64Array([0, 1, 0, 1, 0, 1])))).toEqual([0, 1, 0, 1, 0, 1]);
    expect(() => space.sample(new Int8Array([3, 0, 0, 0, 0, 0]))).toThrow(/0, 1 or 2, got 3 at index 0/);
    expect(() => space.sample(new Int8Array(5))).toThrow(/must have 6 entries/);
    expect(() => space.sample(null, new Float64Array([2, 0, 0, 0, 0, 0]))).toThrow(/in \[0, 1\]/);
    expect(() => space.sample(new Int8Array(6), new Float64Array(6))).toThrow(/only one of/);
  });

  it('contains only 0/1 values of the right size', () => {
    const space = new MultiBinary(3);
    expect(space.contains(new Int8Array([0, 1, 1]))).toBe(true);
    expect(space.contains([1, 0, 1])).toBe(true);
    expect(space.contains([1, 0, 2])).toBe(false);
    expect(space.contains([1, 0])).toBe(false);
    expect(space.equals(new MultiBinary([3]))).toBe(true);
    expect(space.equals(new MultiBinary(4))).toBe(false);
    const back = spaceFromJSON(JSON.parse(JSON.stringify(new MultiBinary([2, 2]))));
    expect(back.equals(new MultiBinary([2, 2]))).toBe(true);
    const samples = [new Int8Array([1, 0, 1])];
    expect(Array.from(space.fromJsonable(space.toJsonable(samples))[0]!)).toEqual([1, 0, 1]);
  });
});
