import { describe, expect, it } from 'vitest';
import { dataEquivalence } from '../../src/utils/data-equivalence.ts';

describe('dataEquivalence', () => {
  it('compares scalars with ===; NaN equals nothing (Python `nan == nan` is False) unless equalNan', () => {
    expect(dataEquivalence(1, 1)).toBe(true);
    expect(dataEquivalence(1, 1.000001)).toBe(false); // no tolerance outside typed arrays, as Gymnasium
    expect(dataEquivalence('a', 'a')).toBe(true);
    expect(dataEquivalence(true, false)).toBe(false);
    expect(dataEquivalence(NaN, NaN)).toBe(false);
    expect(dataEquivalence(NaN, NaN, { equalNan: true })).toBe(true);
    expect(dataEquivalence(NaN, 1, { equalNan: true })).toBe(false);
    expect(dataEquivalence(null, null)).toBe(true);
    expect(dataEquivalence(null, undefined)).toBe(false);
  });

  it('never equates values of different types', () => {
    expect(dataEquivalence(1, '1')).toBe(false);
    expect(dataEquivalence([1, 2], new Float64Array([1, 2]))).toBe(false);
    expect(dataEquivalence(new Float32Array([1]), new Float64Array([1]))).toBe(false);
    expect(dataEquivalence({ a: 1 }, new Map([['a', 1]]))).toBe(false);
    class Point {
      constructor(readonly x: number) {}
    }
    expect(dataEquivalence(new Point(1), { x: 1 })).toBe(false);
    expect(dataEquivalence(new Point(1), new Point(1))).toBe(true);
  });

  it('recurses into objects (same key set, any order) and arrays (same length)', () => {
    expect(dataEquivalence({ a: [1, { b: 2 }], c: 'x' }, { c: 'x', a: [1, { b: 2 }] })).toBe(true);
    expect(dataEquivalence({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(dataEquivalence({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(dataEquivalence([1, 2], [1, 2, 3])).toBe(false);
    expect(dataEquivalence([[1], [2]], [[1], [3]])).toBe(false);
  });

  it('compares typed arrays by dtype and length, with numpy.allclose tolerance unless exact', () => {
    const a = new Float32Array([1, 2, 3]);
    const close = new Float32Array([1, 2, 3.00002]);
    const far = new Float32Array([1, 2, 3.001]);
    expect(dataEquivalence(a, close)).toBe(true);
    expect(dataEquivalence(a, close, { exact: true })).toBe(false);
    expect(dataEquivalence(a, far)).toBe(false);
    expect(dataEquivalence(a, new Float32Array([1, 2]))).toBe(false);
    // numpy.allclose's default equal_nan=False: a NaN element makes the arrays differ, exact or not.
    const withNan = new Float64Array([Infinity, NaN]);
    expect(dataEquivalence(withNan, new Float64Array([Infinity, NaN]))).toBe(false);
    expect(dataEquivalence(withNan, new Float64Array([Infinity, NaN]), { exact: true })).toBe(false);
    expect(dataEquivalence(withNan, new Float64Array([Infinity, NaN]), { equalNan: true })).toBe(true);
    expect(dataEquivalence(withNan, new Float64Array([Infinity, NaN]), { equalNan: true, exact: true })).toBe(
      true,
    );
    expect(dataEquivalence(new Float64Array([Infinity]), new Float64Array([-Infinity]))).toBe(false);
    expect(dataEquivalence(new BigInt64Array([1n, 2n]), new BigInt64Array([1n, 2n]))).toBe(true);
    expect(dataEquivalence(new BigInt64Array([1n]), new BigInt64Array([2n]))).toBe(false);
    // numpy.allclose applies the same tolerances to int64 arrays (numpy says True for 1000000 vs 1000005).
    expect(dataEquivalence(new BigInt64Array([1000000n]), new BigInt64Array([1000005n]))).toBe(true);
    expect(
      dataEquivalence(new BigInt64Array([1000000n]), new BigInt64Array([1000005n]), { exact: true }),
    ).toBe(false);
    // atol + rtol*|b| = 1e-5 + 1e-5 * 1000 = 0.01001
    expect(dataEquivalence(new Float64Array([1000]), new Float64Array([1000.01]))).toBe(true);
    expect(dataEquivalence(new Float64Array([1000]), new Float64Array([1000.011]))).toBe(false);
  });

  it('applies the tolerance inside nested structures', () => {
    const obs = { pos: new Float64Array([0.1]), hist: [new Int32Array([1, 2])] };
    expect(dataEquivalence(obs, { pos: new Float64Array([0.100001]), hist: [new Int32Array([1, 2])] })).toBe(
      true,
    );
    expect(
      dataEquivalence(
        obs,
        { pos: new Float64Array([0.100001]), hist: [new Int32Array([1, 2])] },
        { exact: true },
      ),
    ).toBe(false);
  });

  it('compares Maps by key and Sets by membership', () => {
    expect(dataEquivalence(new Map([['k', [1]]]), new Map([['k', [1]]]))).toBe(true);
    expect(dataEquivalence(new Map([['k', [1]]]), new Map([['k', [2]]]))).toBe(false);
    expect(dataEquivalence(new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(dataEquivalence(new Set([1, 2]), new Set([1, 3]))).toBe(false);
  });
});
