/**
 * Sampling reproduces Gymnasium bit for bit where the draws are numpy's uniform/integers/choice. The expected
 * numbers were produced with numpy 2.4 by replaying Gymnasium 1.x's calls (e.g. Discrete(5, seed=42).sample()
 * is `np.random.default_rng(42).integers(5)`); the Tuple/Dict one is the example in Gymnasium's docstrings.
 */
import { describe, expect, it } from 'vitest';
import { Discrete } from '../../src/spaces/discrete.ts';
import { Box } from '../../src/spaces/box.ts';
import { MultiDiscrete } from '../../src/spaces/multidiscrete.ts';
import { MultiBinary } from '../../src/spaces/multibinary.ts';
import { Text } from '../../src/spaces/text.ts';
import { Tuple } from '../../src/spaces/tuple.ts';
import { Dict } from '../../src/spaces/dict.ts';
import { OneOf } from '../../src/spaces/oneof.ts';
import { Sequence } from '../../src/spaces/sequence.ts';
import { Graph } from '../../src/spaces/graph.ts';
import { batchSpace } from '../../src/spaces/batching.ts';
import { pairwiseSum } from '../../src/spaces/draws.ts';
import { npRandom } from '../../src/utils/seeding.ts';

const draws = <T>(n: number, fn: () => T): T[] => Array.from({ length: n }, fn);

describe('numpy reference values', () => {
  it('Discrete: integers, the 8/16-bit paths, mask choice and probability choice', () => {
    const d = new Discrete(5, { seed: 42 });
    expect(draws(8, () => d.sample())).toEqual([0, 3, 3, 2, 2, 4, 0, 3]);
    expect(new Discrete(3, { start: -1, seed: 42 }).sample()).toBe(-1); // Gymnasium's docstring example
    const u8 = new Discrete(200, { dtype: 'uint8', seed: 7 });
    expect(draws(10, () => u8.sample())).toEqual([108, 50, 116, 146, 76, 74, 51, 133, 53, 119]);
    const i16 = new Discrete(100, { dtype: 'int16', seed: 7 });
    expect(draws(10, () => i16.sample())).toEqual([29, 25, 41, 80, 97, 33, 15, 17, 31, 69]);
    const masked = new Discrete(5, { seed: 1 });
    const mask = new Int8Array([0, 1, 0, 1, 1]);
    expect(draws(10, () => masked.sample(mask))).toEqual([3, 3, 4, 4, 1, 1, 4, 4, 1, 1]);
    const weighted = new Discrete(4, { seed: 1 });
    const p = new Float64Array([0.1, 0.2, 0.3, 0.4]);
    expect(draws(10, () => weighted.sample(null, p))).toEqual([2, 3, 1, 3, 2, 2, 3, 2, 2, 0]);
  });

  it('Box: bounded float and integer sampling', () => {
    expect(Array.from(new Box(-1, 2, { shape: [2, 3], seed: 42 }).sample())).toEqual([
      1.3218681812286377, 0.3166353106498718, 1.575793743133545, 1.0921040773391724, -0.7174679636955261,
      1.9268670082092285,
    ]);
    const f64 = new Box([-3, 0, 10], [3, 0.5, 20], { dtype: 'float64', seed: 5 });
    expect(Array.from(f64.sample())).toEqual([1.830017542472281, 0.4039703948682469, 15.15325561042142]);
    expect(Array.from(f64.sample())).toEqual([-1.2851917194711504, 0.026965351190828213, 13.833688807855182]);
    expect(Array.from(new Box([-5, 0, 100], [5, 1, 200], { dtype: 'int32', seed: 11 }).sample())).toEqual([
      -4, 0, 160,
    ]);
    expect(Array.from(new Box(0, 255, { shape: [4], dtype: 'uint8', seed: 0 }).sample())).toEqual([
      163, 69, 10, 4,
    ]);
  });

  it('MultiDiscrete: uniform, masked and weighted elements', () => {
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
        seed: 3,
      },
    );
    expect(draws(3, () => Array.from(md.sample()))).toEqual([
      [0, 1, 2, 2],
      [0, 2, 0, 0],
      [1, 1, 0, 2],
    ]);
    const flat = new MultiDiscrete([3, 2, 4], { start: [0, 10, -2], seed: 3 });
    const mask = [new Int8Array([1, 0, 1]), new Int8Array([0, 0]), new Int8Array([0, 1, 1, 1])];
    expect(Array.from(flat.sample(mask))).toEqual([2, 10, -1]);
    flat.seed(3);
    const p = [
      new Float64Array([0.5, 0, 0.5]),
      new Float64Array([0, 1]),
      new Float64Array([0.25, 0.25, 0.25, 0.25]),
    ];
    expect(Array.from(flat.sample(null, p))).toEqual([0, 11, 1]);
  });

  it('MultiBinary: int8 integers (four values per 32-bit draw) and masks', () => {
    const mb = new MultiBinary([2, 5], { seed: 9 });
    expect(Array.from(mb.sample())).toEqual([0, 1, 1, 0, 1, 1, 1, 1, 0, 0]);
    expect(Array.from(mb.sample())).toEqual([0, 1, 0, 0, 1, 1, 0, 0, 1, 1]);
    const masked = new MultiBinary(8, { seed: 9 });
    expect(Array.from(masked.sample(new Int8Array([0, 1, 2, 2, 0, 2, 1, 2])))).toEqual([
      0, 1, 1, 0, 0, 1, 1, 1,
    ]);
  });

  it('Text: length then characters, with masks and probabilities', () => {
    const text = new Text(8, { seed: 4 });
    expect(draws(4, () => text.sample())).toEqual(['wsVwyy', 'S', 'HNcna', 'fs']);
    const abc = new Text(6, { charset: 'edcba', seed: 4 });
    expect(abc.sample(null, [6, new Float64Array([0.1, 0, 0.5, 0.2, 0.2])])).toBe('eceadc');
    const masked = new Text(5, { minLength: 0, charset: 'abcde', seed: 4 });
    expect(masked.sample([null, new Int8Array([1, 0, 0, 1, 1])])).toBe('eede');
  });

  it('Tuple and Dict: sub-seeds drawn from the composite seed (Gymnasium docstring examples)', () => {
    const tuple = new Tuple([new Discrete(2), new Box(-1, 1, { shape: [2] })], { seed: 42 });
    const [d, box] = tuple.sample();
    expect(d).toBe(0);
    expect(Array.from(box)).toEqual([-0.3991572856903076, 0.21649833023548126]);
    expect(new Tuple([new Discrete(2), new Discrete(2)]).seed(42)).toEqual([191664963, 1662057957]);
    const dict = new Dict({ position: new Box(-1, 1, { shape: [2] }), color: new Discrete(3) }, { seed: 42 });
    expect(dict.keys()).toEqual(['color', 'position']);
    const value = dict.sample();
    expect(value.color).toBe(0);
    expect(Array.from(value.position)).toEqual([-0.3991572856903076, 0.21649833023548126]);
  });

  it('OneOf: sub-seeds, a reseed, then the index from the OneOf generator (Gymnasium docstring example)', () => {
    const oneOf = new OneOf([new Discrete(3), new Box(-1, 1, { shape: [2] })]);
    expect(oneOf.seed(42)).toEqual([42, 191664963, 1662057957]);
    expect(oneOf.sample()).toEqual([0, 0]);
    const [index, value] = oneOf.sample();
    expect(index).toBe(1);
    expect(Array.from(value as Float32Array)).toEqual([-0.3991572856903076, 0.21649833023548126]);
    // OneOf((Discrete(2), Box(-1, 1, shape=(2,))), seed=123): (0, 0), then (1, [-0.00711833, -0.7257502]).
    const docstring = new OneOf([new Discrete(2), new Box(-1, 1, { shape: [2] })], { seed: 123 });
    expect(docstring.sample()).toEqual([0, 0]);
    const [second, box] = docstring.sample();
    expect(second).toBe(1);
    expect(Array.from(box as Float32Array)).toEqual([-0.007118329405784607, -0.725750207901001]);
  });

  it('Sequence: the feature seed, fixed and chosen lengths', () => {
    const seq = new Sequence(new Discrete(4));
    expect(seq.seed(42)).toEqual([42, 191664963]);
    expect(seq.sample([5, null])).toEqual([0, 3, 2, 2, 1]);
    const choose = new Sequence(new Discrete(4), { seed: 42 });
    expect((choose.sample([new Int32Array([2, 4, 6]), null]) as number[]).length).toBe(2);
  });

  it('Graph: edge count, nodes, edges and links in Gymnasium order', () => {
    const graph = new Graph(new Box(0, 1, { shape: [2] }), new Discrete(3), { seed: 42 });
    const g = graph.sample(null, null, { numNodes: 4 });
    expect(Array.from(g.nodes)).toEqual([
      0.43887844681739807, 0.8585979342460632, 0.6973680257797241, 0.09417735040187836, 0.9756223559379578,
      0.7611396908760071, 0.7860643267631531, 0.12811362743377686,
    ]);
    expect(Array.from(g.edges!)).toEqual([1]);
    expect(Array.from(g.edgeLinks!)).toEqual([3, 2]);
  });

  it('batchSpace of a non-numeric space seeds its copies with integers(0, 1e8)', () => {
    const text = new Text(4, { seed: 42 });
    const batched = batchSpace(text, 3) as Tuple;
    const expectedSeeds = [8925095, 77395604, 65457151];
    batched.spaces.forEach((copy, i) => {
      const reference = new Text(4, { seed: expectedSeeds[i]! });
      expect(copy.sample()).toBe(reference.sample());
    });
  });

  it("pairwiseSum is numpy's np.sum", () => {
    const [rng] = npRandom(1);
    const values = Float64Array.from({ length: 300 }, () => rng.random());
    expect(values[0]).toBe(0.5118216247002567);
    expect(pairwiseSum(values)).toBe(147.17343732830665);
    expect(pairwiseSum(values.subarray(0, 37))).toBe(19.00758480965498);
    expect(pairwiseSum(values.subarray(0, 5))).toBe(2.866925832893555);
  });
});
