import { describe, expect, it } from 'vitest';
import { Box } from '../../src/spaces/box.ts';
import { spaceFromJSON } from '../../src/spaces/json.ts';
import { GymError } from '../../src/errors.ts';
import { captureWarnings } from '../../src/utils/warnings.ts';

describe('Box construction', () => {
  it('broadcasts scalar bounds and infers shapes as Gymnasium does', () => {
    const a = new Box(-1, 2, { shape: [3, 4] });
    expect(a.shape).toEqual([3, 4]);
    expect(a.dtype).toBe('float32');
    expect(a.low).toBeInstanceOf(Float32Array);
    expect(a.low.length).toBe(12);
    expect(Array.from(a.high)).toEqual(new Array(12).fill(2));
    expect(new Box(0, 1).shape).toEqual([1]);
    expect(new Box([-1, -2], [2, 4]).shape).toEqual([2]);
    expect(
      new Box(
        [
          [0, 1],
          [2, 3],
        ],
        10,
        { dtype: 'int32' },
      ).shape,
    ).toEqual([2, 2]);
    expect(new Box(0, new Float64Array([1, 2, 3]), { dtype: 'float64' }).shape).toEqual([3]);
    // numpy broadcasting of a row to a matrix, and flat data of exactly the shape's size
    const rows = new Box([0, 1, 2], 5, { shape: [2, 3], dtype: 'float64' });
    expect(Array.from(rows.low)).toEqual([0, 1, 2, 0, 1, 2]);
    const flat = new Box([0, 1, 2, 3, 4, 5], 9, { shape: [2, 3], dtype: 'float64' });
    expect(Array.from(flat.low)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives clear errors for bad bounds, shapes and dtypes', () => {
    expect(() => new Box([0, 0], [1, 1, 1])).toThrow(
      /low.shape and high.shape don't match, low.shape=\(2,\), high.shape=\(3,\)/,
    );
    expect(() => new Box([0, 0, 0], 1, { shape: [2] })).toThrow(/low.shape \(3,\) doesn't match/);
    expect(() => new Box(1, 0)).toThrow(/every low must be <= high, but low=1 > high=0/);
    expect(() => new Box(NaN, 1)).toThrow(/no low value can be NaN/);
    expect(() => new Box(0, 1, { dtype: 'complex64' as never })).toThrow(/dtype must be one of/);
    expect(() => new Box(-Infinity, 1, { dtype: 'uint8' })).toThrow(
      /unsigned int dtype uint8 doesn't support low=-Infinity/,
    );
    expect(() => new Box(0, 300, { dtype: 'uint8' })).toThrow(/high is out of bounds of the uint8 range/);
    expect(() => new Box(0, 1e39)).toThrow(/out of bounds of the float32 range/);
    expect(() => new Box(0, 1, { shape: [2.5] })).toThrow(/shape must be an array of non-negative integers/);
    expect(() => new Box('0' as never, 1)).toThrow(/Box low must be a number, an array or a typed array/);
    expect(() => new Box([[0, 1], [2]], 5)).toThrow(/not rectangular/);
  });

  it('handles infinite bounds: floats keep them, signed ints store the dtype range', () => {
    const f = new Box(-Infinity, [0, Infinity], { dtype: 'float64' });
    expect(Array.from(f.low)).toEqual([-Infinity, -Infinity]);
    expect(f.boundedBelow).toEqual([false, false]);
    expect(f.boundedAbove).toEqual([true, false]);
    expect(f.isBounded()).toBe(false);
    expect(f.isBounded('above')).toBe(false);
    expect(new Box(0, Infinity).isBounded('below')).toBe(true);
    const i = new Box(-Infinity, 5, { shape: [2], dtype: 'int32' });
    expect(Array.from(i.low)).toEqual([-2147483648, -2147483648]);
    expect(i.isBounded('below')).toBe(false);
    expect(i.isBounded('above')).toBe(true);
    expect(() => i.isBounded('sideways' as never)).toThrow(/manner must be/);
  });

  it('warns when float64 bounds are cast to float32', () => {
    const { warnings } = captureWarnings(() => new Box(new Float64Array([0, 0]), 1));
    expect(warnings.map((w) => w.message)).toEqual(['Box bound precision lowered by casting to float32']);
  });
});

describe('Box sampling', () => {
  const spaces = [
    new Box(-1, 1, { shape: [3] }),
    new Box([-5, 0, 10], [5, 0.001, 10], { dtype: 'float64' }),
    new Box(-Infinity, Infinity, { shape: [4] }),
    new Box(0, Infinity, { shape: [2], dtype: 'float64' }),
    new Box(-Infinity, 0, { shape: [2] }),
    new Box(-3, 3, { shape: [2, 2], dtype: 'int8' }),
    new Box(0, 255, { shape: [5], dtype: 'uint8' }),
    new Box(-Infinity, Infinity, { shape: [3], dtype: 'int16' }),
    new Box(0, 4294967295, { shape: [3], dtype: 'uint32' }),
    new Box(-128, 127, { shape: [50], dtype: 'int8' }),
  ];

  it('samples members of the dtype over many seeds', () => {
    for (const space of spaces) {
      for (let seed = 0; seed < 25; seed++) {
        space.seed(seed);
        const x = space.sample();
        expect(x.constructor).toBe(space.low.constructor);
        expect(space.contains(x)).toBe(true);
      }
    }
  });

  it('keeps signed integer samples two away from the dtype extremes, as Gymnasium clips them', () => {
    const space = new Box(-128, 127, { shape: [2000], dtype: 'int8', seed: 0 });
    const x = space.sample();
    expect(Math.min(...x)).toBe(-126);
    expect(Math.max(...x)).toBe(125);
  });

  it('is deterministic given a seed', () => {
    const a = new Box(-1, 1, { shape: [5], seed: 123 });
    const b = new Box(-1, 1, { shape: [5], seed: 123 });
    expect(Array.from(a.sample())).toEqual(Array.from(b.sample()));
    expect(Array.from(a.sample())).toEqual(Array.from(b.sample()));
    expect(Array.from(a.sample())).not.toEqual(
      Array.from(new Box(-1, 1, { shape: [5], seed: 124 }).sample()),
    );
  });

  it('rejects masks and probabilities', () => {
    const space = new Box(0, 1);
    expect(() => space.sample(new Int8Array([1]) as never)).toThrow(GymError);
    expect(() => space.sample(undefined, new Float64Array([1]) as never)).toThrow(
      /cannot be provided a probability/,
    );
  });
});

describe('Box contains', () => {
  const space = new Box([0, -1], [1, 1], { shape: [2] });

  it('accepts typed arrays that cast safely and plain numbers', () => {
    expect(space.contains(new Float32Array([0.5, 0]))).toBe(true);
    expect(space.contains(new Int8Array([1, -1]))).toBe(true); // int8 casts safely to float32
    expect(space.contains([0.5, 0.5])).toBe(true);
    expect(new Box(0, 1, { shape: [] }).contains(0.5)).toBe(true);
    expect(
      new Box(0, 2, { shape: [2, 2] }).contains([
        [0, 1],
        [2, 1],
      ]),
    ).toBe(true);
  });

  it('rejects wrong dtype, shape, range and NaN', () => {
    expect(space.contains(new Float64Array([0.5, 0]))).toBe(false); // float64 does not cast safely to float32
    expect(space.contains(new Int32Array([1, 0]))).toBe(false);
    expect(space.contains(new Float32Array([0.5]))).toBe(false);
    expect(space.contains(new Float32Array([1.5, 0]))).toBe(false);
    expect(space.contains(new Float32Array([NaN, 0]))).toBe(false);
    expect(space.contains([0.5])).toBe(false);
    expect(space.contains('ab')).toBe(false);
    expect(space.contains(null)).toBe(false);
    expect(new Box(0, 2, { shape: [2, 2] }).contains([[0, 1, 2], [2]])).toBe(false);
    const ints = new Box(0, 10, { shape: [2], dtype: 'int32' });
    expect(ints.contains([1, 2])).toBe(true);
    expect(ints.contains([1.5, 2])).toBe(false);
    expect(ints.contains(new Float32Array([1, 2]))).toBe(false);
    expect(ints.contains(new Uint16Array([1, 2]))).toBe(true);
  });
});

describe('Box equality, repr and JSON', () => {
  it('compares shape, dtype and bounds', () => {
    expect(new Box(0, 1, { shape: [2] }).equals(new Box(0, 1, { shape: [2] }))).toBe(true);
    expect(new Box(0, 1, { shape: [2] }).equals(new Box(0, 1, { shape: [3] }))).toBe(false);
    expect(new Box(0, 1, { shape: [2] }).equals(new Box(0, 1, { shape: [2], dtype: 'float64' }))).toBe(false);
    expect(new Box(0, 1, { shape: [2] }).equals(new Box(0, 2, { shape: [2] }))).toBe(false);
    expect(new Box(0, 1, { shape: [2] }).equals({})).toBe(false);
  });

  it('prints like Gymnasium', () => {
    expect(String(new Box(-1, 1, { shape: [3] }))).toBe('Box(-1.0, 1.0, (3,), float32)');
    expect(String(new Box(-1, 2, { shape: [3, 4] }))).toBe('Box(-1.0, 2.0, (3, 4), float32)');
    expect(String(new Box([-1, -2], [2, 4]))).toBe('Box([-1. -2.], [2. 4.], (2,), float32)');
    expect(String(new Box(0, 255, { shape: [2, 2], dtype: 'uint8' }))).toBe('Box(0, 255, (2, 2), uint8)');
    expect(String(new Box(-Infinity, Infinity, { shape: [2], dtype: 'float64' }))).toBe(
      'Box(-inf, inf, (2,), float64)',
    );
    expect(String(new Box([0.5, 0.25], 1, { dtype: 'float64' }))).toBe(
      'Box([0.5  0.25], 1.0, (2,), float64)',
    );
    expect(
      String(
        new Box(
          [
            [1, 2],
            [3, 4],
          ],
          10,
          { dtype: 'int32' },
        ),
      ),
    ).toBe('Box([[1 2]\n [3 4]], 10, (2, 2), int32)');
    expect(String(new Box(0, 0.1, { shape: [1] }))).toBe('Box(0.0, 0.1, (1,), float32)');
  });

  it('round-trips through JSON, infinite bounds included', () => {
    const spaces = [
      new Box(-Infinity, [0, Infinity], { dtype: 'float64' }),
      new Box(-Infinity, 7, { shape: [2, 2], dtype: 'int16' }),
      new Box(
        [
          [0, 1],
          [2, 3],
        ],
        10,
        { dtype: 'uint8' },
      ),
    ];
    for (const space of spaces) {
      const text = JSON.stringify(space);
      const back = spaceFromJSON(JSON.parse(text));
      expect(back.equals(space)).toBe(true);
      expect(String(back)).toBe(String(space));
    }
  });

  it('converts batches of values to JSON and back', () => {
    const space = new Box(-1, 1, { shape: [2, 2], seed: 0 });
    const samples = [space.sample(), space.sample()];
    const json = space.toJsonable(samples);
    expect(Array.isArray((json as unknown[][])[0]![0])).toBe(true); // nested by the shape, as numpy's tolist
    const back = space.fromJsonable(JSON.parse(JSON.stringify(json)));
    expect(back.map((b) => Array.from(b))).toEqual(samples.map((s) => Array.from(s)));
    expect(back[0]).toBeInstanceOf(Float32Array);
    expect(() => space.fromJsonable([[1, 2, 3]])).toThrow(/sample 0 does not have shape \(2, 2\)/);
  });
});
