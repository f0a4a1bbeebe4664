/**
 * Batching for vector envs (gymnasium/vector/utils/space_utils.py): batchSpace, batchDifferingSpaces,
 * iterate, concatenate, createEmptyArray and isSpaceDtypeShapeEquiv.
 */
import { describe, expect, it } from 'vitest';
import { Box } from '../../src/spaces/box.ts';
import { Dict } from '../../src/spaces/dict.ts';
import { Discrete } from '../../src/spaces/discrete.ts';
import { Graph, type GraphInstance } from '../../src/spaces/graph.ts';
import { MultiBinary } from '../../src/spaces/multibinary.ts';
import { MultiDiscrete } from '../../src/spaces/multidiscrete.ts';
import { OneOf } from '../../src/spaces/oneof.ts';
import { Sequence } from '../../src/spaces/sequence.ts';
import { Text } from '../../src/spaces/text.ts';
import { Tuple } from '../../src/spaces/tuple.ts';
import {
  batchDifferingSpaces,
  batchSpace,
  concatenate,
  createEmptyArray,
  isSpaceDtypeShapeEquiv,
  iterate,
} from '../../src/spaces/batching.ts';
import type { Space } from '../../src/spaces/space.ts';

const list = (x: unknown): number[] => Array.from(x as ArrayLike<number>);

describe('batchSpace', () => {
  it('array spaces gain a leading batch dimension, as Gymnasium maps them', () => {
    expect(String(batchSpace(new Box(-1, 1, { shape: [2] }), 3))).toBe('Box(-1.0, 1.0, (3, 2), float32)');
    const discrete = batchSpace(new Discrete(3, { start: 1 }), 4) as MultiDiscrete;
    expect(discrete).toBeInstanceOf(MultiDiscrete);
    expect(String(discrete)).toBe('MultiDiscrete([3 3 3 3], start=[1 1 1 1])');
    const md = batchSpace(new MultiDiscrete([2, 3], { start: [0, 5] }), 2) as Box<'int32'>;
    expect(md).toBeInstanceOf(Box);
    expect(md.shape).toEqual([2, 2]);
    expect(md.dtype).toBe('int32');
    expect(list(md.low)).toEqual([0, 5, 0, 5]);
    expect(list(md.high)).toEqual([1, 7, 1, 7]);
    expect(String(batchSpace(new MultiBinary([2, 2]), 3))).toBe('Box(0, 1, (3, 2, 2), int8)');
    const unbounded = batchSpace(new Box(-Infinity, Infinity, { shape: [1] }), 2) as Box;
    expect(unbounded.isBounded('below')).toBe(false);
    expect(unbounded.isBounded('above')).toBe(false);
    expect(() => batchSpace(new Discrete(2), 0)).toThrow(/n must be a positive integer, got number 0/);
    expect(() => batchSpace({} as Space, 2)).toThrow(/expected a Space/);
  });

  it('composites batch part by part; other spaces become a Tuple of copies', () => {
    const tuple = batchSpace(new Tuple([new Discrete(2), new Box(0, 1)]), 2);
    expect(String(tuple)).toBe('Tuple(MultiDiscrete([2 2]), Box(0.0, 1.0, (2, 1), float32))');
    const dict = batchSpace(new Dict({ b: new MultiBinary(2), a: new Discrete(3) }), 2) as Dict;
    expect(dict.keys()).toEqual(['a', 'b']);
    expect(String(dict)).toBe("Dict('a': MultiDiscrete([3 3]), 'b': Box(0, 1, (2, 2), int8))");
    for (const space of [
      new Text(3),
      new Sequence(new Discrete(2)),
      new Graph(new Discrete(2), null),
      new OneOf([new Discrete(2), new Text(2)]),
    ] as Space[]) {
      const batched = batchSpace(space, 3) as Tuple;
      expect(batched).toBeInstanceOf(Tuple);
      expect(batched.length).toBe(3);
      expect(batched.spaces.every((copy) => copy.equals(space) && copy !== space)).toBe(true);
    }
  });

  it('batched spaces sample from a copy of the generator, never advancing the original', () => {
    const box = new Box(0, 1, { shape: [2], seed: 3 });
    const batched = batchSpace(box, 3);
    const batch = batched.sample() as Float32Array;
    expect(list(batch.subarray(0, 2))).toEqual(list(new Box(0, 1, { shape: [2], seed: 3 }).sample()));
    expect(box.sample()).toEqual(new Box(0, 1, { shape: [2], seed: 3 }).sample());
    const tuple = new Tuple([new Box(0, 1, { shape: [2] }), new Discrete(5)], { seed: 8 });
    const reference = new Tuple([new Box(0, 1, { shape: [2] }), new Discrete(5)], { seed: 8 });
    const batchedTuple = batchSpace(tuple, 2) as Tuple;
    const [boxes] = batchedTuple.sample() as [Float32Array, Int32Array];
    expect(list(boxes.subarray(0, 2))).toEqual(list(reference.get(0).sample()));
    expect(tuple.sample()).toEqual(
      new Tuple([new Box(0, 1, { shape: [2] }), new Discrete(5)], { seed: 8 }).sample(),
    );
    // Copies of a Text are reseeded independently, so they do not repeat one another.
    const texts = batchSpace(new Text(8, { seed: 1 }), 4).sample() as string[];
    expect(new Set(texts).size).toBe(4);
  });

  it('batching an unseeded composite leaves the seeds of its parts alone', () => {
    const part = new Discrete(1000, { seed: 4 });
    const tuple = new Tuple([part]);
    batchSpace(tuple, 2);
    void tuple.npRandom;
    expect(part.sample()).toBe(new Discrete(1000, { seed: 4 }).sample());
  });
});

describe('concatenate and iterate', () => {
  const spaces: Space[] = [
    new Box(-1, 1, { shape: [2, 2] }),
    new Box(0, 10, { dtype: 'int16' }),
    new Discrete(5, { start: 2 }),
    new MultiDiscrete([3, 4]),
    new MultiBinary(3),
    new Text(4),
    new Tuple([new Discrete(2), new Box(0, 1, { shape: [3] })]),
    new Dict({
      pos: new Box(-1, 1, { shape: [2] }),
      inner: new Dict({ id: new Discrete(9), bits: new MultiBinary(2) }),
    }),
    new Tuple([new Text(3), new Sequence(new Discrete(2))]),
    new Sequence(new Discrete(3)),
    new Graph(new Box(0, 1), new Discrete(2)),
    new OneOf([new Discrete(3), new Box(0, 1)]),
  ];

  it('concatenate(samples) is in batchSpace and iterate gives the samples back', () => {
    for (const space of spaces) {
      space.seed(5);
      const items = Array.from({ length: 3 }, () => space.sample());
      const batched = batchSpace(space, 3);
      const batch = concatenate(space, items);
      expect(batched.contains(batch), `${String(space)}: batch in batchSpace`).toBe(true);
      expect(iterate(batched, batch), `${String(space)}: iterate(concatenate(items))`).toEqual(items);
    }
  });

  it('lays array batches out flat, item after item', () => {
    const box = new Box(0, 9, { shape: [2], dtype: 'int32' });
    const batch = concatenate(box, [new Int32Array([1, 2]), [3, 4]]);
    expect(batch).toEqual(new Int32Array([1, 2, 3, 4]));
    const discrete = concatenate(new Discrete(4), [3, 1, 2]);
    expect(discrete).toEqual(new Int32Array([3, 1, 2]));
    expect(iterate(batchSpace(new Discrete(4), 3), discrete)).toEqual([3, 1, 2]);
    const dict = concatenate(new Dict({ a: new Discrete(3), b: new MultiBinary(2) }), [
      { a: 1, b: new Int8Array([1, 0]) },
      { a: 2, b: new Int8Array([0, 1]) },
    ]);
    expect(dict).toEqual({ a: new Int32Array([1, 2]), b: new Int8Array([1, 0, 0, 1]) });
    expect(concatenate(new Text(3), ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('writes into `out` from createEmptyArray and returns it', () => {
    const space = new Tuple([new Box(0, 1, { shape: [2] }), new Discrete(3)]);
    const out = createEmptyArray(space, 2) as [Float32Array, Int32Array];
    const result = concatenate(
      space,
      [
        [new Float32Array([0.5, 1]), 2],
        [new Float32Array([0, 0.25]), 1],
      ],
      out,
    ) as [Float32Array, Int32Array];
    expect(result[0]).toBe(out[0]);
    expect(result[1]).toBe(out[1]);
    expect(list(out[0])).toEqual([0.5, 1, 0, 0.25]);
    expect(list(out[1])).toEqual([2, 1]);
    expect(() => concatenate(new Discrete(3), [1, 2], new Int32Array(3))).toThrow(
      /out must be a typed array of 2 elements/,
    );
    expect(() => concatenate(new Box(0, 1, { shape: [2] }), [new Float32Array(3)])).toThrow(
      /item 0 .* does not have the shape \(2,\)/,
    );
    expect(() => concatenate(new Box(0, 1), 'ab' as unknown as unknown[])).toThrow(/items must be an array/);
  });

  it('iterate rejects what is not a batch', () => {
    expect(() => iterate(new Discrete(3), [1, 2])).toThrow(
      'Unable to iterate over a space of type `Discrete`.',
    );
    expect(() => iterate(new Text(3), ['a'])).toThrow(/not a batched space/);
    expect(() => iterate(new Box(0, 1, { shape: [2, 3] }), new Float32Array(7))).toThrow(
      /whole items of 3 elements/,
    );
    expect(() => iterate(new Box(0, 1, { shape: [2] }), 'ab')).toThrow(/unable to iterate over/);
    expect(() => iterate(batchSpace(new Dict({ a: new Discrete(2) }), 2), { b: new Int32Array(2) })).toThrow(
      /the Dict batch has no key 'a'/,
    );
    expect(() => iterate(batchSpace(new Tuple([new Discrete(2)]), 2), [new Int32Array(2), 1])).toThrow(
      /a Tuple batch needs 1 parts, got 2/,
    );
  });
});

describe('createEmptyArray', () => {
  it('gives a batch of n zeros (or `fill`) shaped like batchSpace', () => {
    const box = createEmptyArray(new Box(-1, 1, { shape: [2] }), 3);
    expect(box).toEqual(new Float32Array(6));
    expect(createEmptyArray(new Box(-1, 1, { shape: [2] }), 2, 1)).toEqual(new Float32Array([1, 1, 1, 1]));
    expect(createEmptyArray(new Discrete(4), 2)).toEqual(new Int32Array(2));
    expect(createEmptyArray(new MultiBinary([2, 2]), 2)).toEqual(new Int8Array(8));
    expect(
      createEmptyArray(new Dict({ b: new Discrete(2), a: new Tuple([new MultiDiscrete([2, 2])]) }), 2),
    ).toEqual({
      a: [new Int32Array(4)],
      b: new Int32Array(2),
    });
    expect(createEmptyArray(new Text(4, { minLength: 2, charset: 'ba' }), 2)).toEqual(['aa', 'aa']);
    expect(createEmptyArray(new Sequence(new Discrete(2)), 2)).toEqual([[], []]);
    expect(createEmptyArray(new Sequence(new Discrete(2), { stack: true }), 2)).toEqual([
      new Int32Array(1),
      new Int32Array(1),
    ]);
    expect(createEmptyArray(new OneOf([new Discrete(2)]), 2)).toEqual([[], []]);
    const graphs = createEmptyArray(
      new Graph(new Box(0, 1, { shape: [2] }), new Discrete(3)),
      2,
    ) as GraphInstance[];
    expect(graphs).toEqual([
      { nodes: new Float32Array(2), edges: new Int32Array(1), edgeLinks: new Int32Array(2) },
      { nodes: new Float32Array(2), edges: new Int32Array(1), edgeLinks: new Int32Array(2) },
    ]);
    expect(createEmptyArray(new Graph(new Discrete(3), null), 1)).toEqual([
      { nodes: new Int32Array(1), edges: null, edgeLinks: null },
    ]);
    expect(() => createEmptyArray(new Discrete(2), -1)).toThrow(/n must be a non-negative integer, got -1/);
  });

  it('array batches of zeros are members of the batched space when zero is in range', () => {
    for (const space of [new Box(-1, 1, { shape: [3] }), new Discrete(3), new MultiBinary(2)] as Space[]) {
      expect(batchSpace(space, 4).contains(createEmptyArray(space, 4))).toBe(true);
    }
  });
});

describe('batchDifferingSpaces', () => {
  it('stacks spaces of one kind whose bounds differ', () => {
    const boxes = batchDifferingSpaces([
      new Box(0, 1, { shape: [2] }),
      new Box([-1, -Infinity], [2, 3], { shape: [2] }),
    ]) as Box;
    expect(boxes.shape).toEqual([2, 2]);
    expect(list(boxes.low)).toEqual([0, 0, -1, -Infinity]);
    expect(list(boxes.high)).toEqual([1, 1, 2, 3]);
    expect(String(batchDifferingSpaces([new Discrete(2), new Discrete(3, { start: 1 })]))).toBe(
      'MultiDiscrete([2 3], start=[0 1])',
    );
    const md = batchDifferingSpaces([
      new MultiDiscrete([2, 3]),
      new MultiDiscrete([4, 5], { start: 1 }),
    ]) as Box<'int32'>;
    expect(list(md.low)).toEqual([0, 0, 1, 1]);
    expect(list(md.high)).toEqual([1, 2, 4, 5]);
    expect(String(batchDifferingSpaces([new MultiBinary(2), new MultiBinary(2)]))).toBe(
      'Box(0, 1, (2, 2), int8)',
    );
    const tuple = batchDifferingSpaces([
      new Tuple([new Discrete(2), new Box(0, 1)]),
      new Tuple([new Discrete(4), new Box(0, 5)]),
    ]);
    expect(String(tuple)).toBe('Tuple(MultiDiscrete([2 4]), Box(0.0, [[1.]\n [5.]], (2, 1), float32))');
    const dict = batchDifferingSpaces([new Dict({ a: new Discrete(2) }), new Dict({ a: new Discrete(5) })]);
    expect(String(dict)).toBe("Dict('a': MultiDiscrete([2 5]))");
    const texts = batchDifferingSpaces([new Text(2), new Text(3)]) as Tuple;
    expect(texts.spaces.map(String)).toEqual([String(new Text(2)), String(new Text(3))]);
  });

  it('rejects mixed kinds, shapes, dtypes, lengths and keys', () => {
    expect(() => batchDifferingSpaces([])).toThrow(/non-empty array of spaces/);
    expect(() => batchDifferingSpaces([new Discrete(2), new Box(0, 1)])).toThrow(
      /all spaces to be of one kind/,
    );
    expect(() =>
      batchDifferingSpaces([new Box(0, 1, { shape: [2] }), new Box(0, 1, { shape: [3] })]),
    ).toThrow(/space 1 .* differs in dtype or shape from space 0/);
    expect(() => batchDifferingSpaces([new Box(0, 1), new Box(0, 1, { dtype: 'float64' })])).toThrow(
      /differs in dtype or shape/,
    );
    expect(() =>
      batchDifferingSpaces([new Tuple([new Discrete(2)]), new Tuple([new Discrete(2), new Discrete(2)])]),
    ).toThrow(/same number of sub-spaces/);
    expect(() =>
      batchDifferingSpaces([new Dict({ a: new Discrete(2) }), new Dict({ b: new Discrete(2) })]),
    ).toThrow(/same keys/);
  });
});

describe('isSpaceDtypeShapeEquiv', () => {
  it('compares kinds, shapes and dtypes, ignoring bounds', () => {
    expect(isSpaceDtypeShapeEquiv(new Box(0, 1, { shape: [2] }), new Box(-5, 5, { shape: [2] }))).toBe(true);
    expect(isSpaceDtypeShapeEquiv(new Box(0, 1, { shape: [2] }), new Box(0, 1, { shape: [3] }))).toBe(false);
    expect(isSpaceDtypeShapeEquiv(new Box(0, 1), new Box(0, 1, { dtype: 'float64' }))).toBe(false);
    expect(isSpaceDtypeShapeEquiv(new Discrete(2), new Discrete(5, { start: 3 }))).toBe(true);
    expect(isSpaceDtypeShapeEquiv(new Discrete(2), new MultiDiscrete([2]))).toBe(false);
    // Text: Gymnasium compares the maximum length and the charset only.
    expect(isSpaceDtypeShapeEquiv(new Text(4, { minLength: 1 }), new Text(4, { minLength: 3 }))).toBe(true);
    expect(isSpaceDtypeShapeEquiv(new Text(4), new Text(5))).toBe(false);
    expect(isSpaceDtypeShapeEquiv(new Text(4, { charset: 'ab' }), new Text(4, { charset: 'abc' }))).toBe(
      false,
    );
    expect(isSpaceDtypeShapeEquiv(new Text(4), new Discrete(4))).toBe(false);
    expect(
      isSpaceDtypeShapeEquiv(
        new Dict({ a: new Box(0, 1), b: new Tuple([new Discrete(2)]) }),
        new Dict({ a: new Box(2, 3), b: new Tuple([new Discrete(7)]) }),
      ),
    ).toBe(true);
    expect(isSpaceDtypeShapeEquiv(new Dict({ a: new Box(0, 1) }), new Dict({ b: new Box(0, 1) }))).toBe(
      false,
    );
    expect(
      isSpaceDtypeShapeEquiv(
        new Graph(new Box(0, 1), new Discrete(2)),
        new Graph(new Box(0, 5), new Discrete(3)),
      ),
    ).toBe(true);
    expect(
      isSpaceDtypeShapeEquiv(new Graph(new Box(0, 1), null), new Graph(new Box(0, 1), new Discrete(2))),
    ).toBe(false);
    expect(
      isSpaceDtypeShapeEquiv(new Sequence(new Discrete(2)), new Sequence(new Discrete(2), { stack: true })),
    ).toBe(false);
    expect(isSpaceDtypeShapeEquiv(new OneOf([new Discrete(2)]), new OneOf([new Discrete(3)]))).toBe(true);
  });
});
