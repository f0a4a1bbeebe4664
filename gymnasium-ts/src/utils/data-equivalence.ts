/**
 * `dataEquivalence`: Gymnasium's `data_equivalence` (gymnasium/utils/env_checker.py), used to compare
 * observations, rewards and infos from two runs that should be identical.
 *
 * Rules, mirroring Python's with JS's types:
 * - values of different types (typeof, or prototype for objects) are never equivalent;
 * - plain objects and class instances (dicts, NamedTuples): the same set of own keys, each value equivalent;
 *   `Map` likewise by key; `Set` by membership;
 * - arrays (tuples, lists): the same length, each element equivalent;
 * - typed arrays (ndarrays): the same constructor (dtype) and length; elements equal when `exact`, else within
 *   `numpy.allclose(rtol=1e-5, atol=1e-5)`;
 * - everything else: `===`.
 * As in Gymnasium, NaN equals nothing, not even NaN (so `checkEnv` fails an env whose reward is NaN); pass
 * `equalNan: true` to count two NaNs in the same place as equal (numpy's `equal_nan`).
 */

const TOLERANCE = 1e-5;

export interface DataEquivalenceOptions {
  /** Compare typed-array elements exactly instead of with numpy.allclose's 1e-5 tolerances. */
  exact?: boolean;
  /** Count NaN as equal to NaN (default false, as Gymnasium). */
  equalNan?: boolean;
}

export function dataEquivalence(
  a: unknown,
  b: unknown,
  { exact = false, equalNan = false }: DataEquivalenceOptions = {},
): boolean {
  return equivalent(a, b, { exact, equalNan });
}

interface Mode {
  exact: boolean;
  equalNan: boolean;
}

function equivalent(a: unknown, b: unknown, mode: Mode): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a !== 'object' || a === null || b === null) return sameScalar(a, b, mode.equalNan);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const y = b as object;

  if (ArrayBuffer.isView(a)) return typedArraysEquivalent(a, y as ArrayBufferView, mode);
  if (Array.isArray(a)) {
    const other = y as unknown[];
    return a.length === other.length && a.every((item, i) => equivalent(item, other[i], mode));
  }
  if (a instanceof Map) {
    const other = y as Map<unknown, unknown>;
    if (a.size !== other.size) return false;
    for (const [key, value] of a) {
      if (!other.has(key) || !equivalent(value, other.get(key), mode)) return false;
    }
    return true;
  }
  if (a instanceof Set) {
    const other = y as Set<unknown>;
    return a.size === other.size && [...a].every((item) => other.has(item));
  }
  if (a instanceof Date) return sameScalar(a.getTime(), (y as Date).getTime(), true);

  const keysA = Object.keys(a);
  const keysB = Object.keys(y);
  if (keysA.length !== keysB.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = y as Record<string, unknown>;
  return keysA.every(
    (key) => Object.prototype.hasOwnProperty.call(y, key) && equivalent(recordA[key], recordB[key], mode),
  );
}

function sameScalar(a: unknown, b: unknown, equalNan: boolean): boolean {
  if (equalNan && typeof a === 'number' && Number.isNaN(a)) return Number.isNaN(b);
  return a === b;
}

function typedArraysEquivalent(a: ArrayBufferView, b: ArrayBufferView, { exact, equalNan }: Mode): boolean {
  if (a instanceof DataView || b instanceof DataView) {
    // A DataView has no dtype: compare its bytes.
    return bytesEqual(a, b);
  }
  const x = a as unknown as ArrayLike<number | bigint>;
  const y = b as unknown as ArrayLike<number | bigint>;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const u = x[i]!;
    const v = y[i]!;
    if (typeof u === 'bigint') {
      // numpy.allclose compares int64 arrays with the same tolerances, as floats.
      if (!(exact ? u === v : allClose(Number(u), Number(v), false))) return false;
    } else if (!(exact ? sameScalar(u, v, equalNan) : allClose(u, v as number, equalNan))) {
      return false;
    }
  }
  return true;
}

/** numpy.isclose(u, v, rtol=1e-5, atol=1e-5, equal_nan). */
function allClose(u: number, v: number, equalNan: boolean): boolean {
  if (u === v) return true; // also equal infinities
  if (equalNan && Number.isNaN(u) && Number.isNaN(v)) return true;
  if (!Number.isFinite(u) || !Number.isFinite(v)) return false;
  return Math.abs(u - v) <= TOLERANCE + TOLERANCE * Math.abs(v);
}

function bytesEqual(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return x.every((byte, i) => byte === y[i]);
}
