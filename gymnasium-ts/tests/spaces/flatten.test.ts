/**
 * flatdim / flatten / unflatten / flattenSpace, per space as gymnasium/spaces/utils.py lays them out. Expected
 * layouts come from Gymnasium's docstrings where it has them (marked), else from the rule the module states.
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
import { flatdim, flatten, flattenSpace, unflatten } from '../../src/spaces/utils.ts';
import type { Space } from '../../src/spaces/space.ts';

const list = (x: unknown): number[] => Array.from(x as ArrayLike<number>);

describe('flatten per space', () => {
  it('Box: the values flat, in the dtype; flattenSpace keeps the bounds (docstring example)', () => {
    const box = new Box(0, 1, { shape: [3, 4, 5], seed: 0 });
    expect(flatdim(box)).toBe(60);
    expect(String(flattenSpace(box))).toBe('Box(0.0, 1.0, (60,), float32)');
    const sample = box.sample();
    const flat = flatten(box, sample) as Float32Array;
    expect(flat).toBeInstanceOf(Float32Array);
    expect(flat).not.toBe(sample); // a copy
    expect(list(flat)).toEqual(list(sample));
    expect(flattenSpace(box).contains(flat)).toBe(true);
    expect(unflatten(box, flat)).toEqual(sample);
    const mixed = new Box([-1, 0], [1, 10], { dtype: 'int16' });
    const flatMixed = flattenSpace(mixed) as Box<'int16'>;
    expect(list(flatMixed.low)).toEqual([-1, 0]);
    expect(list(flatMixed.high)).toEqual([1, 10]);
    expect(flatMixed.dtype).toBe('int16');
    expect(flatten(mixed, [-1, 5])).toEqual(new Int16Array([-1, 5])); // plain numbers are read too
    expect(() => flatten(box, new Float32Array(3))).toThrow(/does not have the shape \(3, 4, 5\)/);
    expect(() => unflatten(box, new Float32Array(59))).toThrow(/expected 60 flat values/);
  });

  it('Discrete: a one-hot vector (docstring: flatten(Discrete(4), 2) is [0, 0, 1, 0])', () => {
    expect(list(flatten(new Discrete(4), 2))).toEqual([0, 0, 1, 0]);
    const shifted = new Discrete(3, { start: -1 });
    const flat = flatten(shifted, 1) as Int32Array;
    expect(flat).toBeInstanceOf(Int32Array);
    expect(list(flat)).toEqual([0, 0, 1]);
    expect(unflatten(shifted, flat)).toBe(1);
    expect(unflatten(shifted, [0, 1, 0])).toBe(0);
    expect(flatdim(shifted)).toBe(3);
    expect(String(flattenSpace(new Discrete(5)))).toBe('Box(0, 1, (5,), int32)');
    expect(() => flatten(shifted, 2)).toThrow(/2 is not in Discrete\(3, start=-1\)/);
    expect(() => unflatten(shifted, [0, 0, 0])).toThrow(/not a valid one-hot encoded vector/);
  });

  it('MultiDiscrete: the one-hot vectors of its elements, concatenated, with start', () => {
    const md = new MultiDiscrete(
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
    expect(flatdim(md)).toBe(14);
    const value = new Int32Array([1, 3, 2, 0]);
    const flat = flatten(md, value);
    expect(list(flat)).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
    expect(unflatten(md, flat)).toEqual(value);
    expect(String(flattenSpace(md))).toBe('Box(0, 1, (14,), int32)');
    expect(() => flatten(md, new Int32Array([2, 3, 2, 0]))).toThrow(/is not in MultiDiscrete/);
    expect(() => unflatten(md, new Int32Array(14))).toThrow(/element 0 has no 1/);
  });

  it('MultiBinary: the bits, flat', () => {
    const mb = new MultiBinary([2, 2]);
    const value = new Int8Array([1, 0, 0, 1]);
    expect(flatdim(mb)).toBe(4);
    expect(flatten(mb, value)).toEqual(value);
    expect(
      flatten(mb, [
        [1, 0],
        [0, 1],
      ]),
    ).toEqual(value);
    expect(unflatten(mb, [1, 0, 0, 1])).toEqual(value);
    expect(String(flattenSpace(mb))).toBe('Box(0, 1, (4,), int8)');
  });

  it('Text: int32 indexes into the sorted charset, padded with the charset size', () => {
    const text = new Text(5, { charset: 'cba' });
    expect(flatdim(text)).toBe(5);
    const flat = flatten(text, 'ca') as Int32Array;
    expect(flat).toBeInstanceOf(Int32Array);
    expect(list(flat)).toEqual([2, 0, 3, 3, 3]);
    expect(unflatten(text, flat)).toBe('ca');
    expect(String(flattenSpace(text))).toBe('Box(0, 3, (5,), int32)');
    expect(flattenSpace(text).contains(flat)).toBe(true);
    expect(() => flatten(text, 'abcabc')).toThrow(/is longer than/);
    expect(() => flatten(text, 'ad')).toThrow(/character "d" is not in the charset/);
    expect(() => flatten(text, 5)).toThrow(/is not a string/);
  });

  it('Tuple of flattenable parts: concatenated in the promoted dtype (docstring example)', () => {
    const space = new Tuple([new Box(0, 1, { shape: [2] }), new Box(0, 1, { shape: [3] }), new Discrete(3)]);
    const flat = flatten(space, [[0.5, 0.25], [1, 0, 0.2], 1]) as Float64Array;
    expect(flat).toBeInstanceOf(Float64Array); // numpy: result_type(float32, int) is float64
    expect(list(flat)).toEqual([0.5, 0.25, 1, 0, Math.fround(0.2), 0, 1, 0]);
    expect(flatdim(space)).toBe(8);
    const back = unflatten(space, flat) as [Float32Array, Float32Array, number];
    expect(list(back[0])).toEqual([0.5, 0.25]);
    expect(back[2]).toBe(1);
    const ints = new Tuple([new Discrete(2), new MultiBinary(2)]);
    expect(flatten(ints, [1, new Int8Array([1, 1])])).toBeInstanceOf(Int32Array);
    expect(() => flatten(space, [1, 2])).toThrow(/is not an array of 3 values/);
  });

  it('Dict of flattenable parts: concatenated in key order (docstring examples)', () => {
    expect(flatdim(new Dict({ position: new Discrete(2), velocity: new Discrete(3) }))).toBe(5);
    const space = new Dict({ position: new Discrete(2), velocity: new Box(0, 1, { shape: [2, 2] }) });
    expect(String(flattenSpace(space))).toBe('Box(0.0, 1.0, (6,), float64)');
    const value = { velocity: new Float32Array([0.5, 0, 1, 0.25]), position: 1 };
    const flat = flatten(space, value);
    expect(list(flat)).toEqual([0, 1, 0.5, 0, 1, 0.25]);
    expect(unflatten(space, flat)).toEqual(value);
    const reversed = new Dict([
      ['velocity', new Box(0, 1, { shape: [2, 2] })],
      ['position', new Discrete(2)],
    ]);
    expect(list(flatten(reversed, value))).toEqual([0.5, 0, 1, 0.25, 0, 1]);
    expect(() => flatten(space, { position: 1 })).toThrow(/has no key 'velocity'/);
  });

  it('OneOf: [index, ...flat value], padded by repeating the first element', () => {
    const space = new OneOf([new Discrete(3), new Box(-1, 1, { shape: [2] })]);
    expect(flatdim(space)).toBe(4);
    const fromBox = flatten(space, [1, new Float32Array([0.5, -0.5])]) as Float64Array;
    expect(fromBox).toBeInstanceOf(Float64Array);
    expect(list(fromBox)).toEqual([1, 0.5, -0.5, 0.5]);
    expect(list(flatten(space, [0, 2]))).toEqual([0, 0, 0, 1]);
    const flatSpace = flattenSpace(space) as Box<'float64'>;
    expect(list(flatSpace.low)).toEqual([0, -1, -1, -1]);
    expect(list(flatSpace.high)).toEqual([1, 1, 1, 1]);
    expect(flatSpace.contains(fromBox)).toBe(true);
    const back = unflatten(space, fromBox) as [number, Float32Array];
    expect(back[0]).toBe(1);
    expect(list(back[1])).toEqual([0.5, -0.5]);
    expect(unflatten(space, [0, 0, 0, 1])).toEqual([0, 2]);
    expect(() => unflatten(space, [2, 0, 0, 1])).toThrow(/index 2 does not name a sub-space/);
    expect(() => flatten(space, [3, 0])).toThrow(/is not an \[index, value\] pair/);
  });

  it('Graph: flattened node/edge rows; no fixed size (docstring example)', () => {
    const space = new Graph(new Box(-100, 100, { shape: [3, 4] }), new Discrete(5), { seed: 0 });
    expect(String(flattenSpace(space))).toBe(
      'Graph(Box(-100.0, 100.0, (12,), float32), Box(0, 1, (5,), int32))',
    );
    expect(() => flatdim(space)).toThrow(/Graph Space in Gym has a dynamic size/);
    for (let i = 0; i < 5; i++) {
      const g = space.sample(null, null, { numNodes: 3 });
      const flat = flatten(space, g) as GraphInstance;
      expect(flat.nodes.length).toBe(36);
      expect(flat.edges?.length ?? 0).toBe((g.edges?.length ?? 0) * 5);
      expect(flat.edgeLinks).toBe(g.edgeLinks);
      expect(flattenSpace(space).contains(flat)).toBe(true);
      expect(unflatten(space, flat)).toEqual(g);
    }
    const discreteNodes = new Graph(new Discrete(3, { start: 1 }), null);
    const g: GraphInstance = { nodes: new Int32Array([3, 1]), edges: null, edgeLinks: null };
    expect(list((flatten(discreteNodes, g) as GraphInstance).nodes)).toEqual([0, 0, 1, 1, 0, 0]);
    expect(unflatten(discreteNodes, flatten(discreteNodes, g))).toEqual(g);
    expect(() => flatten(discreteNodes, { nodes: [3], edges: null, edgeLinks: null })).toThrow(
      /is not a GraphInstance/,
    );
  });

  it('Sequence: flattened items (stacked when the space stacks); no fixed size', () => {
    const seq = new Sequence(new Discrete(3), { seed: 1 });
    expect(() => flatdim(seq)).toThrow(/cannot be flattened to a numpy array/);
    const flat = flatten(seq, [2, 0]) as Int32Array[];
    expect(flat.map(list)).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(unflatten(seq, flat)).toEqual([2, 0]);
    expect(String(flattenSpace(seq))).toBe('Sequence(Box(0, 1, (3,), int32), stack=False)');
    expect(flattenSpace(seq).contains(flat)).toBe(true);
    const stacked = new Sequence(new Discrete(3), { stack: true });
    const flatStacked = flatten(stacked, new Int32Array([2, 0])) as Int32Array;
    expect(flatStacked).toBeInstanceOf(Int32Array);
    expect(list(flatStacked)).toEqual([0, 0, 1, 1, 0, 0]);
    expect(flattenSpace(stacked).contains(flatStacked)).toBe(true);
    expect(unflatten(stacked, flatStacked)).toEqual(new Int32Array([2, 0]));
    expect(() => flatten(seq, 5)).toThrow(/is not a value of Sequence/);
  });

  it('composites holding a Graph or Sequence flatten part by part', () => {
    const tuple = new Tuple([new Discrete(2), new Sequence(new Box(0, 1))]);
    expect(tuple.isNpFlattenable).toBe(false);
    expect(() => flatdim(tuple)).toThrow(
      /cannot be flattened to a numpy array, probably because it contains/,
    );
    const value = [1, [new Float32Array([0.5])]];
    const flat = flatten(tuple, value) as unknown[];
    expect(list(flat[0])).toEqual([0, 1]);
    expect(String(flattenSpace(tuple))).toBe(
      'Tuple(Box(0, 1, (2,), int32), Sequence(Box(0.0, 1.0, (1,), float32), stack=False))',
    );
    expect(flattenSpace(tuple).contains(flat)).toBe(true);
    expect(unflatten(tuple, flat)).toEqual(value);
    const dict = new Dict({ g: new Graph(new Discrete(2), null), d: new Discrete(2) });
    const dictValue = { d: 0, g: { nodes: new Int32Array([1]), edges: null, edgeLinks: null } };
    const flatDict = flatten(dict, dictValue) as Record<string, unknown>;
    expect(Object.keys(flatDict)).toEqual(['d', 'g']);
    expect(flattenSpace(dict)).toBeInstanceOf(Dict);
    expect(flattenSpace(dict).contains(flatDict)).toBe(true);
    expect(unflatten(dict, flatDict)).toEqual(dictValue);
  });
});

describe('flatten over many spaces and samples', () => {
  const spaces: Space[] = [
    new Box(-2, 2, { shape: [2, 3] }),
    new Box([0, -1], [1, 1], { dtype: 'float64' }),
    new Box(0, 255, { shape: [4], dtype: 'uint8' }),
    new Discrete(7, { start: -3 }),
    new MultiDiscrete([3, 4, 2], { start: [1, 0, -1] }),
    new MultiBinary([3, 2]),
    new Text(6, { minLength: 0, charset: 'xyz' }),
    new Tuple([new Discrete(2), new Box(-1, 1, { shape: [2] }), new Text(3)]),
    new Dict({ a: new MultiBinary(3), b: new Tuple([new Discrete(4), new MultiDiscrete([2, 2])]) }),
    new OneOf([new Discrete(4), new Box(-5, 5, { shape: [3] }), new MultiBinary(2)]),
    new Graph(new Box(-1, 1, { shape: [2] }), new Discrete(3)),
    new Sequence(new Dict({ p: new Box(0, 1, { shape: [2] }), k: new Discrete(3) })),
    new Sequence(new Box(0, 1, { shape: [2] }), { stack: true }),
    new Tuple([new Sequence(new Discrete(2)), new Dict({ g: new Graph(new Discrete(3), new Box(0, 1)) })]),
  ];

  it('flatten(x) is in flattenSpace, has flatdim values, and unflatten inverts it', () => {
    for (const space of spaces) {
      space.seed(17);
      const flatSpace = flattenSpace(space);
      for (let i = 0; i < 10; i++) {
        const x = space instanceof Graph ? space.sample(null, null, { numNodes: 1 + i }) : space.sample();
        const flat = flatten(space, x);
        expect(flatSpace.contains(flat), `${String(space)}: flatten(x) in flattenSpace`).toBe(true);
        if (space.isNpFlattenable) expect((flat as ArrayLike<number>).length).toBe(flatdim(space));
        expect(unflatten(space, flat), `${String(space)}: unflatten(flatten(x))`).toEqual(x);
      }
    }
  });
});
