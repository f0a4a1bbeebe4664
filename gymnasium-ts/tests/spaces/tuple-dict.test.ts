/**
 * Tuple and Dict: products of spaces. Reference numbers were produced with numpy by replaying Gymnasium 1.x's
 * calls: `seed(s)` draws `default_rng(s).integers(2**31 - 1, size=k)` sub-seeds, then each sub-space samples
 * from its own generator (Discrete masks draw `choice(np.where(mask)[0])`; MultiBinary masks draw
 * `integers(0, 2, size, dtype=int8)` and keep it where the mask is 2; Text masks `choice(chars, size=length)`).
 */
import { describe, expect, it } from 'vitest';
import { Box } from '../../src/spaces/box.ts';
import { Dict } from '../../src/spaces/dict.ts';
import { Discrete } from '../../src/spaces/discrete.ts';
import { MultiBinary } from '../../src/spaces/multibinary.ts';
import { MultiDiscrete } from '../../src/spaces/multidiscrete.ts';
import { Sequence } from '../../src/spaces/sequence.ts';
import { Text } from '../../src/spaces/text.ts';
import { Tuple } from '../../src/spaces/tuple.ts';
import { spaceFromJSON } from '../../src/spaces/json.ts';
import type { Space } from '../../src/spaces/space.ts';

const roundTrip = (space: Space): Space => spaceFromJSON(JSON.parse(JSON.stringify(space.toJSON())));

describe('Tuple', () => {
  const make = (seed?: number): Tuple<[Discrete, Box, Text]> =>
    new Tuple(
      [new Discrete(3, { start: 1 }), new Box(-1, 1, { shape: [2] }), new Text(3, { charset: 'xy' })],
      {
        seed,
      },
    );

  it('constructs from spaces and rejects anything else by index', () => {
    const tuple = make();
    expect(tuple.length).toBe(3);
    expect(tuple.get(1)).toBeInstanceOf(Box);
    expect([...tuple].map(String)).toEqual([
      'Discrete(3, start=1)',
      'Box(-1.0, 1.0, (2,), float32)',
      tuple.get(2).toString(),
    ]);
    expect(() => tuple.get(3)).toThrow(/no sub-space at index 3/);
    expect(() => new Tuple([new Discrete(2), 5 as unknown as Space])).toThrow(
      /element 1 must be an instance of Space/,
    );
    expect(() => new Tuple('ab' as unknown as Space[])).toThrow(/spaces must be an array/);
    expect(String(make())).toBe(
      'Tuple(Discrete(3, start=1), Box(-1.0, 1.0, (2,), float32), Text(1, 3, charset=xy))',
    );
  });

  it('samples members, reproducibly for a seed', () => {
    for (let seed = 0; seed < 30; seed++) {
      const tuple = make(seed);
      const value = tuple.sample();
      expect(tuple.contains(value)).toBe(true);
      expect(make(seed).sample()).toEqual(value);
    }
    const a = make(1);
    const b = make(2);
    expect([0, 1, 2, 3].map(() => a.sample())).not.toEqual([0, 1, 2, 3].map(() => b.sample()));
  });

  it('masks are arrays with one (possibly null) mask per sub-space, as numpy gives', () => {
    const tuple = new Tuple([new Discrete(5), new MultiBinary(4)], { seed: 7 });
    const [d, mb] = tuple.sample([new Int8Array([0, 1, 0, 1, 1]), new Int8Array([2, 2, 0, 1])]);
    expect(d).toBe(3);
    expect(Array.from(mb)).toEqual([0, 0, 0, 1]);
    const [d2, mb2] = tuple.sample([null, null]);
    expect(d2).toBe(1);
    expect(Array.from(mb2)).toEqual([0, 0, 1, 0]);
    expect(() => tuple.sample([null])).toThrow(/must have 2 entries \(one per sub-space\), got 1/);
    expect(() => tuple.sample({} as unknown as unknown[])).toThrow(/mask must be an array/);
    expect(() => tuple.sample([new Int8Array([1, 1]), null])).toThrow(
      /Discrete.sample: the mask must have 5 entries/,
    );
    expect(() => tuple.sample([null, null], [null, null])).toThrow(/only one of `mask` or `probability`/);
  });

  it('probabilities are passed per sub-space', () => {
    const tuple = new Tuple([new Discrete(3), new Discrete(4, { start: 10 })], { seed: 0 });
    for (let i = 0; i < 10; i++) {
      expect(tuple.sample(null, [new Float64Array([0, 0, 1]), new Float64Array([0, 1, 0, 0])])).toEqual([
        2, 11,
      ]);
    }
    expect(() => tuple.sample(null, [new Float64Array([0.5, 0.6, 0]), null])).toThrow(/sum to 1/);
  });

  it('contains checks length, type and every part', () => {
    const tuple = make(0);
    const good = [2, new Float32Array([0, 0.5]), 'xyx'];
    expect(tuple.contains(good)).toBe(true);
    expect(tuple.contains([2, [0, 0.5], 'x'])).toBe(true); // plain numbers are Box members too
    expect(tuple.contains([2, new Float32Array([0, 0.5])])).toBe(false); // too short
    expect(tuple.contains([...good, 1])).toBe(false); // too long
    expect(tuple.contains([0, new Float32Array([0, 0.5]), 'x'])).toBe(false); // below start
    expect(tuple.contains([2, new Float32Array([0, 1.5]), 'x'])).toBe(false); // out of the box
    expect(tuple.contains([2, new Float64Array([0, 0.5]), 'x'])).toBe(false); // float64 does not cast to float32
    expect(tuple.contains([2, new Float32Array([0, 0.5]), 'xz'])).toBe(false); // not in the charset
    expect(tuple.contains({ 0: 2, 1: new Float32Array([0, 0]), 2: 'x', length: 3 })).toBe(false);
    expect(tuple.contains('abc')).toBe(false);
    expect(tuple.contains(null)).toBe(false);
    expect(() => tuple.assertContains([9, 9, 9], 'action')).toThrow(/action \[9,9,9\] is not in Tuple\(/);
  });

  it('seed: a number draws one sub-seed per space; arrays seed each part; null reseeds all', () => {
    const tuple = new Tuple([new Discrete(2), new Discrete(2)]);
    expect(tuple.seed(7)).toEqual([2029167940, 1342382291]);
    // Seeding by the returned list gives the same sub-space generators.
    const byList = new Tuple([new Discrete(100), new Box(0, 1, { shape: [3] })]);
    const byInt = new Tuple([new Discrete(100), new Box(0, 1, { shape: [3] })]);
    byList.seed(byInt.seed(123) as number[]);
    expect([0, 1, 2].map(() => byList.sample())).toEqual([0, 1, 2].map(() => byInt.sample()));
    // Each part is seeded as if on its own.
    const parts = new Tuple([new Discrete(50), new Discrete(50)], { seed: [5, 6] });
    expect(parts.sample()).toEqual([
      new Discrete(50, { seed: 5 }).sample(),
      new Discrete(50, { seed: 6 }).sample(),
    ]);
    // Nested composites take nested seeds and return nested seeds.
    const nested = new Tuple([new Discrete(2), new Tuple([new Discrete(2), new Discrete(2)])]);
    expect(nested.seed([1, [2, 3]])).toEqual([1, [2, 3]]);
    const fromInt = nested.seed(7) as [number, number[]];
    expect(fromInt[0]).toBe(2029167940);
    expect(fromInt[1]).toEqual(new Tuple([new Discrete(2), new Discrete(2)]).seed(1342382291));
    const random = tuple.seed(null);
    expect(random).toHaveLength(2);
    expect(random.every((s) => typeof s === 'number' && s >= 0)).toBe(true);
    expect(() => tuple.seed([1, 2, 3])).toThrow(/one seed per sub-space, got 3 seeds for 2 sub-spaces/);
    expect(() => tuple.seed('x' as unknown as number)).toThrow(/expected a number, an array or null/);
    expect(() => tuple.seed(-1)).toThrow();
  });

  it('equality is structural and ignores the generator', () => {
    expect(make(1).equals(make(2))).toBe(true);
    expect(make().equals(new Tuple([new Discrete(3, { start: 1 }), new Box(-1, 1, { shape: [2] })]))).toBe(
      false,
    );
    expect(
      make().equals(
        new Tuple([new Discrete(3), new Box(-1, 1, { shape: [2] }), new Text(3, { charset: 'xy' })]),
      ),
    ).toBe(false);
    expect(new Tuple([]).equals(new Tuple([]))).toBe(true);
    expect(make().equals([new Discrete(3, { start: 1 })])).toBe(false);
  });

  it('round-trips through JSON, and batches of values through toJsonable', () => {
    const tuple = new Tuple(
      [make(), new Dict({ b: new MultiBinary([2, 2]), a: new MultiDiscrete([2, 3]) })],
      {
        seed: 4,
      },
    );
    const copy = roundTrip(tuple);
    expect(copy).toBeInstanceOf(Tuple);
    expect(copy.equals(tuple)).toBe(true);
    expect(String(copy)).toBe(String(tuple));
    const samples = [tuple.sample(), tuple.sample(), tuple.sample()];
    const json = tuple.toJsonable(samples);
    // Column by column, as Gymnasium: one list per sub-space.
    expect(json).toHaveLength(2);
    expect((json[0] as unknown[]).length).toBe(3);
    const back = tuple.fromJsonable(JSON.parse(JSON.stringify(json)));
    expect(back).toEqual(samples);
    expect(back.every((v) => tuple.contains(v))).toBe(true);
    expect(() => tuple.fromJsonable([[]])).toThrow(/expects an array of 2 lists/);
  });
});

describe('Dict', () => {
  const make = (seed?: number): Dict<{ position: Box; color: Discrete; name: Text }> =>
    new Dict(
      {
        position: new Box(-1, 1, { shape: [2] }),
        color: new Discrete(3),
        name: new Text(2, { charset: 'ab' }),
      },
      { seed },
    );

  it('orders keys like Gymnasium: plain objects sorted, pairs and Maps as given', () => {
    expect(make().keys()).toEqual(['color', 'name', 'position']);
    const pairs = new Dict([
      ['z', new Discrete(2)],
      ['a', new Discrete(3)],
    ]);
    expect(pairs.keys()).toEqual(['z', 'a']);
    const map = new Dict(
      new Map<string, Space>([
        ['b', new Discrete(2)],
        ['a', new Discrete(2)],
      ]),
    );
    expect(map.keys()).toEqual(['b', 'a']);
    // Python sorts by code point; JS's default sort would put the astral character first.
    expect(new Dict({ '\u{1F600}': new Discrete(2), '\uFF21': new Discrete(2) }).keys()).toEqual([
      '\uFF21',
      '\u{1F600}',
    ]);
    expect(new Dict().length).toBe(0);
    expect(make().get('color').n).toBe(3);
    expect(make().has('size')).toBe(false);
    expect(() => make().get('size' as 'color')).toThrow(
      /no sub-space with key 'size' \(keys: color, name, position\)/,
    );
    expect(String(pairs)).toBe("Dict('z': Discrete(2), 'a': Discrete(3))");
  });

  it('rejects duplicate keys, non-spaces and other inputs clearly', () => {
    expect(
      () =>
        new Dict([
          ['a', new Discrete(2)],
          ['a', new Discrete(3)],
        ]),
    ).toThrow(/key 'a' appears twice/);
    expect(() => new Dict({ a: 3 as unknown as Space })).toThrow(
      /value of key 'a' is not an instance of Space/,
    );
    expect(() => new Dict([['a']] as unknown as [string, Space][])).toThrow(
      /entry 0 must be a \[key, space\] pair/,
    );
    expect(() => new Dict(5 as unknown as Record<string, Space>)).toThrow(
      /spaces must be an object, a Map or/,
    );
  });

  it('samples members, reproducibly; sub-seeds follow key order (numpy reference)', () => {
    for (let seed = 0; seed < 30; seed++) {
      const dict = make(seed);
      const value = dict.sample();
      expect(Object.keys(value).sort()).toEqual(['color', 'name', 'position']);
      expect(dict.contains(value)).toBe(true);
      expect(make(seed).sample()).toEqual(value);
    }
    const dict = new Dict({ position: new Box(-1, 1, { shape: [2] }), color: new Discrete(3) });
    expect(dict.seed(42)).toEqual({ color: 191664963, position: 1662057957 });
  });

  it('masks are objects with a (possibly null) mask for every key', () => {
    const dict = new Dict({ a: new Discrete(3), b: new Text(4, { charset: 'abc' }) }, { seed: 3 });
    expect(dict.sample({ a: new Int8Array([1, 0, 1]), b: [2, new Int8Array([0, 1, 1])] })).toEqual({
      a: 2,
      b: 'cc',
    });
    const value = dict.sample({ a: null, b: null });
    expect(dict.contains(value)).toBe(true);
    expect(() => dict.sample({ a: null })).toThrow(
      /mask keys \[a\] are not identical to the space keys \[a, b\]/,
    );
    expect(() => dict.sample({ a: null, b: null, c: null })).toThrow(/not identical to the space keys/);
    expect(() => dict.sample([null, null] as unknown as Record<string, unknown>)).toThrow(
      /mask must be an object keyed like the space/,
    );
    const weighted = dict.sample(null, {
      a: new Float64Array([0, 1, 0]),
      b: [3, new Float64Array([1, 0, 0])],
    });
    expect(weighted).toEqual({ a: 1, b: 'aaa' });
  });

  it('contains needs exactly the keys, each value a member', () => {
    const dict = make(0);
    const good = { color: 2, name: 'ab', position: new Float32Array([0.5, -0.5]) };
    expect(dict.contains(good)).toBe(true);
    expect(dict.contains({ ...good, extra: 1 })).toBe(false);
    const { color: _color, ...missing } = good;
    expect(dict.contains(missing)).toBe(false);
    expect(dict.contains({ ...good, color: 3 })).toBe(false);
    expect(dict.contains({ ...good, name: 'abc' })).toBe(false);
    expect(dict.contains({ ...good, position: new Int32Array([0, 0]) })).toBe(false); // int32 does not cast to float32
    expect(dict.contains(new Map(Object.entries(good)))).toBe(false);
    expect(dict.contains([2, 'ab', good.position])).toBe(false);
    expect(dict.contains(null)).toBe(false);
  });

  it('seed: a number, an object of seeds (nested for nested Dicts), or null', () => {
    const nested = new Dict({
      inner: new Dict({ x: new Discrete(100), y: new Discrete(100) }),
      z: new Discrete(100),
    });
    expect(nested.seed({ inner: { x: 1, y: 2 }, z: 3 })).toEqual({ inner: { x: 1, y: 2 }, z: 3 });
    const value = nested.sample();
    expect(value).toEqual({
      inner: { x: new Discrete(100, { seed: 1 }).sample(), y: new Discrete(100, { seed: 2 }).sample() },
      z: new Discrete(100, { seed: 3 }).sample(),
    });
    const seeds = nested.seed(5);
    expect(Object.keys(seeds)).toEqual(['inner', 'z']);
    expect(typeof (seeds.inner as Record<string, unknown>).x).toBe('number');
    expect(Object.keys(nested.seed(null))).toEqual(['inner', 'z']);
    expect(() => nested.seed({ inner: 1 })).toThrow(
      /seed keys \[inner\] are not identical to the space keys \[inner, z\]/,
    );
    expect(() => nested.seed([1, 2] as unknown as number)).toThrow(
      /expected a number, an object of seeds or null/,
    );
    // Seeded from the constructor with an object too.
    const seeded = new Dict({ a: new Discrete(100), b: new Discrete(100) }, { seed: { a: 9, b: 10 } });
    expect(seeded.sample()).toEqual({
      a: new Discrete(100, { seed: 9 }).sample(),
      b: new Discrete(100, { seed: 10 }).sample(),
    });
  });

  it('equality compares keys and sub-spaces, not key order (Python dict equality)', () => {
    expect(make(1).equals(make(2))).toBe(true);
    const ab = new Dict([
      ['a', new Discrete(2)],
      ['b', new Discrete(3)],
    ]);
    const ba = new Dict([
      ['b', new Discrete(3)],
      ['a', new Discrete(2)],
    ]);
    expect(ab.equals(ba)).toBe(true);
    expect(ab.equals(new Dict({ a: new Discrete(2), b: new Discrete(4) }))).toBe(false);
    expect(ab.equals(new Dict({ a: new Discrete(2), c: new Discrete(3) }))).toBe(false);
    expect(ab.equals(new Dict({ a: new Discrete(2) }))).toBe(false);
    expect(ab.equals(new Tuple([new Discrete(2), new Discrete(3)]))).toBe(false);
  });

  it('round-trips through JSON keeping key order, and batches of values through toJsonable', () => {
    const dict = new Dict(
      [
        ['10', new Discrete(2)],
        ['2', new Tuple([new Box(0, 1, { shape: [2, 2] }), new Text(3)])],
        ['seq', new Sequence(new Discrete(4))],
      ],
      { seed: 8 },
    );
    const copy = roundTrip(dict) as Dict;
    expect(copy.keys()).toEqual(['10', '2', 'seq']); // an object would have reordered the integer-like keys
    expect(copy.equals(dict)).toBe(true);
    const samples = [dict.sample(), dict.sample()];
    const json = dict.toJsonable(samples);
    expect(Object.keys(json).sort()).toEqual(['10', '2', 'seq']); // a JS object lists integer-like keys first
    expect((json['10'] as unknown[]).length).toBe(2);
    const back = dict.fromJsonable(JSON.parse(JSON.stringify(json)));
    expect(back).toEqual(samples);
    expect(() => dict.fromJsonable({ '10': [] })).toThrow(/json keys \[10\] are not identical/);
    expect(() => dict.fromJsonable([])).toThrow(/expects an object of lists/);
  });
});
