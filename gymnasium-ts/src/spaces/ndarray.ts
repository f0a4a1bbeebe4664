/**
 * The small slice of numpy the spaces need: dtypes and their typed arrays, numpy's safe-casting and type
 * promotion rules, shapes and broadcasting of flat row-major data, and numpy-like printing for `toString`.
 * Values of array spaces are flat typed arrays; the shape lives on the space.
 */
import type { DType } from './space.ts';

export type NumericArray =
  Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

/** The typed array that holds values of a dtype. */
export type ArrayOf<D extends DType> = D extends 'float32'
  ? Float32Array
  : D extends 'float64'
    ? Float64Array
    : D extends 'int8'
      ? Int8Array
      : D extends 'int16'
        ? Int16Array
        : D extends 'int32'
          ? Int32Array
          : D extends 'uint8'
            ? Uint8Array
            : D extends 'uint16'
              ? Uint16Array
              : D extends 'uint32'
                ? Uint32Array
                : NumericArray;

export type IntDType = 'int8' | 'int16' | 'int32' | 'uint8' | 'uint16' | 'uint32';

interface DTypeInfo {
  readonly ctor: new (length: number) => NumericArray;
  readonly kind: 'f' | 'i' | 'u';
  readonly bits: number;
  readonly min: number;
  readonly max: number;
}

const FLOAT32_MAX = 3.4028234663852886e38;

export const DTYPES: Readonly<Record<DType, DTypeInfo>> = {
  float32: { ctor: Float32Array, kind: 'f', bits: 32, min: -FLOAT32_MAX, max: FLOAT32_MAX },
  float64: { ctor: Float64Array, kind: 'f', bits: 64, min: -Number.MAX_VALUE, max: Number.MAX_VALUE },
  int8: { ctor: Int8Array, kind: 'i', bits: 8, min: -128, max: 127 },
  int16: { ctor: Int16Array, kind: 'i', bits: 16, min: -32768, max: 32767 },
  int32: { ctor: Int32Array, kind: 'i', bits: 32, min: -2147483648, max: 2147483647 },
  uint8: { ctor: Uint8Array, kind: 'u', bits: 8, min: 0, max: 255 },
  uint16: { ctor: Uint16Array, kind: 'u', bits: 16, min: 0, max: 65535 },
  uint32: { ctor: Uint32Array, kind: 'u', bits: 32, min: 0, max: 4294967295 },
};

export const ALL_DTYPES = Object.keys(DTYPES) as DType[];

export function isDType(value: unknown): value is DType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DTYPES, value);
}

export function assertDType(value: unknown, where: string): DType {
  if (!isDType(value)) {
    throw new TypeError(`${where}: dtype must be one of ${ALL_DTYPES.join(', ')}, got ${String(value)}`);
  }
  return value;
}

export function isIntDType(dtype: DType): dtype is IntDType {
  return DTYPES[dtype].kind !== 'f';
}

export function allocate<D extends DType>(dtype: D, length: number): ArrayOf<D> {
  return new DTYPES[dtype].ctor(length) as ArrayOf<D>;
}

/** The dtype of a typed array, or null for anything else (including BigInt and clamped arrays). */
export function dtypeOf(x: unknown): DType | null {
  if (x instanceof Float32Array) return 'float32';
  if (x instanceof Float64Array) return 'float64';
  if (x instanceof Int8Array) return 'int8';
  if (x instanceof Int16Array) return 'int16';
  if (x instanceof Int32Array) return 'int32';
  if (x instanceof Uint8Array) return 'uint8';
  if (x instanceof Uint16Array) return 'uint16';
  if (x instanceof Uint32Array) return 'uint32';
  return null;
}

// numpy's "safe" casting table restricted to our dtypes (np.can_cast(from, to)).
const SAFE_CASTS: Readonly<Record<DType, readonly DType[]>> = {
  int8: ['int8', 'int16', 'int32', 'float32', 'float64'],
  uint8: ['uint8', 'int16', 'uint16', 'int32', 'uint32', 'float32', 'float64'],
  int16: ['int16', 'int32', 'float32', 'float64'],
  uint16: ['uint16', 'int32', 'uint32', 'float32', 'float64'],
  int32: ['int32', 'float64'],
  uint32: ['uint32', 'float64'],
  float32: ['float32', 'float64'],
  float64: ['float64'],
};

/** numpy's `np.can_cast(from, to)` (safe casting). */
export function canCast(from: DType, to: DType): boolean {
  return SAFE_CASTS[from].includes(to);
}

const PROMOTION_ORDER: readonly DType[] = [
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'float32',
  'float64',
];

/**
 * numpy's `np.result_type` over our dtypes: the smallest dtype every input casts to safely. Where numpy
 * answers int64 (int32 with uint32, for instance) there is no int64 here, so the answer is float64.
 */
export function resultType(dtypes: readonly DType[]): DType {
  if (dtypes.length === 0) return 'float64';
  for (const candidate of PROMOTION_ORDER) {
    if (dtypes.every((d) => canCast(d, candidate))) return candidate;
  }
  return 'float64';
}

export function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const dim of shape) size *= dim;
  return size;
}

export function shapesEqual(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((dim, i) => dim === b[i]);
}

/** Python's repr of a shape tuple: `()`, `(3,)`, `(2, 3)`. */
export function shapeRepr(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

export function assertShape(shape: unknown, where: string): number[] {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) {
    throw new TypeError(`${where}: shape must be an array of non-negative integers, got ${describe(shape)}`);
  }
  return [...(shape as number[])];
}

/** An n-dimensional array given by the user: a number, nested arrays, or a flat typed array. */
export interface NdInput {
  data: number[];
  shape: number[];
  /** True for a bare number (numpy's "scalar" bound, which broadcasts to any shape). */
  scalar: boolean;
  /** The dtype of a typed-array input, or null for numbers and plain arrays. */
  dtype: DType | null;
}

/**
 * Reads a number, a nested array (its nesting gives the shape, and must be rectangular) or a typed array
 * (1-D). Throws on anything else, naming `where`.
 */
export function readNdInput(value: unknown, where: string): NdInput {
  if (typeof value === 'number') return { data: [value], shape: [], scalar: true, dtype: null };
  const typed = dtypeOf(value);
  if (typed !== null) {
    const arr = value as NumericArray;
    return { data: Array.from(arr), shape: [arr.length], scalar: false, dtype: typed };
  }
  if (!Array.isArray(value)) {
    throw new TypeError(`${where} must be a number, an array or a typed array, got ${describe(value)}`);
  }
  const shape: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  const data: number[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number') {
        throw new TypeError(
          `${where} must hold only numbers in a rectangular nesting, found ${describe(node)}`,
        );
      }
      data.push(node);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new TypeError(`${where} is not rectangular: expected shape ${shapeRepr(shape)}`);
    }
    for (const child of node) walk(child, depth + 1);
  };
  walk(value, 0);
  return { data, shape, scalar: false, dtype: null };
}

/** numpy broadcasting of `data` (with `fromShape`) to `toShape`, or null if the shapes are incompatible. */
export function broadcastTo(
  data: readonly number[],
  fromShape: readonly number[],
  toShape: readonly number[],
): number[] | null {
  if (fromShape.length > toShape.length) return null;
  const offset = toShape.length - fromShape.length;
  for (let i = 0; i < fromShape.length; i++) {
    const f = fromShape[i]!;
    if (f !== 1 && f !== toShape[offset + i]) return null;
  }
  const size = shapeSize(toShape);
  const out = new Array<number>(size);
  // Strides of the source in the target's index space (0 along broadcast dimensions).
  const strides = new Array<number>(toShape.length).fill(0);
  let stride = 1;
  for (let i = fromShape.length - 1; i >= 0; i--) {
    strides[offset + i] = fromShape[i] === 1 ? 0 : stride;
    stride *= fromShape[i]!;
  }
  const index = new Array<number>(toShape.length).fill(0);
  for (let flat = 0; flat < size; flat++) {
    let src = 0;
    for (let d = 0; d < toShape.length; d++) src += index[d]! * strides[d]!;
    out[flat] = data[src]!;
    for (let d = toShape.length - 1; d >= 0; d--) {
      index[d]!++;
      if (index[d]! < toShape[d]!) break;
      index[d] = 0;
    }
  }
  return out;
}

/** Flat row-major data as nested arrays of the given shape (numpy's `tolist`). A shape of `()` gives a number. */
export function toNested(data: ArrayLike<number>, shape: readonly number[]): unknown {
  if (shape.length === 0) return data[0];
  const build = (start: number, depth: number): unknown[] => {
    const dim = shape[depth]!;
    if (depth === shape.length - 1) return Array.from({ length: dim }, (_, i) => data[start + i]);
    const step = shapeSize(shape.slice(depth + 1));
    return Array.from({ length: dim }, (_, i) => build(start + i * step, depth + 1));
  };
  return build(0, 0);
}

/**
 * Reads a value given as a typed array, nested arrays or a number into flat data of `shape`, or null when the
 * layout does not fit. A flat input of the right size is accepted for any shape (values are flat here).
 */
export function readFlatValue(
  x: unknown,
  shape: readonly number[],
): { data: ArrayLike<number>; dtype: DType | null } | null {
  const size = shapeSize(shape);
  const typed = dtypeOf(x);
  if (typed !== null) {
    return (x as NumericArray).length === size ? { data: x as NumericArray, dtype: typed } : null;
  }
  if (typeof x === 'number') return shape.length === 0 ? { data: [x], dtype: null } : null;
  if (!Array.isArray(x)) return null;
  let input: NdInput;
  try {
    input = readNdInput(x, 'value');
  } catch {
    return null;
  }
  if (input.data.length !== size) return null;
  if (input.shape.length !== 1 && !shapesEqual(input.shape, shape)) return null;
  return { data: input.data, dtype: null };
}

/** A short human description of any value, for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const typed = dtypeOf(value);
  if (typed !== null) {
    const arr = value as NumericArray;
    const items = Array.from(arr.subarray(0, 8)).join(', ');
    return `${arr.constructor.name}(${arr.length}) [${items}${arr.length > 8 ? ', ...' : ''}]`;
  }
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value !== 'object') return `${typeof value} ${String(value)}`;
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

// ---------------------------------------------------------------------------------------------------------
// numpy-like printing

/** The shortest decimal digits that read back to `v` at the dtype's precision. */
function shortestDigits(v: number, dtype: DType): string {
  if (dtype !== 'float32') return String(v);
  for (let p = 1; p <= 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  return String(v);
}

/** Splits JS's shortest representation into mantissa digits and a decimal exponent. */
function decompose(v: number, dtype: DType): { digits: string; exponent: number } {
  const text = Math.abs(v).toExponential(); // shortest float64 digits
  let [mantissa, exp] = text.split('e') as [string, string];
  if (dtype === 'float32') {
    const shortest = Math.abs(Number(shortestDigits(v, dtype))).toExponential();
    [mantissa, exp] = shortest.split('e') as [string, string];
  }
  return { digits: mantissa.replace('.', ''), exponent: Number(exp) };
}

function positional(v: number, dtype: DType): string {
  const { digits, exponent } = decompose(v, dtype);
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  let intPart: string;
  let frac: string;
  if (exponent >= 0) {
    const padded = digits.padEnd(exponent + 1, '0');
    intPart = padded.slice(0, exponent + 1);
    frac = padded.slice(exponent + 1);
  } else {
    intPart = '0';
    frac = '0'.repeat(-exponent - 1) + digits;
  }
  frac = frac.replace(/0+$/, '');
  return `${sign}${intPart}.${frac}`;
}

function scientific(v: number, dtype: DType, trailingDot: boolean): string {
  const { digits, exponent } = decompose(v, dtype);
  const sign = v < 0 ? '-' : '';
  const rest = digits.slice(1).replace(/0+$/, '');
  const mantissa = rest.length > 0 ? `${digits[0]}.${rest}` : trailingDot ? `${digits[0]}.` : digits[0]!;
  const expSign = exponent < 0 ? '-' : '+';
  return `${sign}${mantissa}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** `str(np.float32(v))` / `str(np.int8(v))`: Python-style shortest repr, scientific outside numpy's range. */
export function formatScalar(v: number, dtype: DType): string {
  if (isIntDType(dtype)) return String(v);
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const abs = Math.abs(v);
  const upper = dtype === 'float32' ? 1e6 : 1e16;
  if (abs !== 0 && (abs < 1e-4 || abs >= upper)) return scientific(v, dtype, false);
  const text = positional(v, dtype);
  return text.endsWith('.') ? `${text}0` : text;
}

/** `str(ndarray)` for flat data of a shape: `[-1. -2.]`, `[0.5  0.25]`, `[[1 2]\n [3 4]]`. */
export function formatArray(data: ArrayLike<number>, shape: readonly number[], dtype: DType): string {
  if (shape.length === 0) return formatScalar(data[0]!, dtype);
  const values = Array.from(data);
  let cells: string[];
  if (isIntDType(dtype)) {
    cells = values.map(String);
  } else {
    const finite = values.filter((v) => Number.isFinite(v));
    const absNonZero = finite.map(Math.abs).filter((a) => a > 0);
    const maxAbs = absNonZero.length ? Math.max(...absNonZero) : 0;
    const minAbs = absNonZero.length ? Math.min(...absNonZero) : 0;
    const useExp = maxAbs >= 1e8 || (absNonZero.length > 0 && (minAbs < 1e-4 || maxAbs / minAbs > 1e3));
    const special = (v: number): string | null =>
      Number.isNaN(v) ? 'nan' : !Number.isFinite(v) ? (v > 0 ? 'inf' : '-inf') : null;
    if (useExp) {
      cells = values.map((v) => special(v) ?? scientific(v, dtype, true));
    } else {
      const parts = values.map((v) => {
        const s = special(v);
        if (s !== null) return { whole: s, frac: null as string | null };
        const text = positional(v, dtype);
        const dot = text.indexOf('.');
        return { whole: text.slice(0, dot), frac: text.slice(dot + 1) };
      });
      const fracWidth = Math.max(0, ...parts.map((p) => (p.frac === null ? 0 : p.frac.length)));
      cells = parts.map((p) => (p.frac === null ? p.whole : `${p.whole}.${p.frac.padEnd(fracWidth, ' ')}`));
    }
  }
  const width = Math.max(...cells.map((c) => c.length));
  const padded = cells.map((c) => c.padStart(width, ' '));
  const render = (start: number, depth: number): string => {
    const dim = shape[depth]!;
    if (depth === shape.length - 1) return `[${padded.slice(start, start + dim).join(' ')}]`;
    const step = shapeSize(shape.slice(depth + 1));
    const rows = Array.from({ length: dim }, (_, i) => render(start + i * step, depth + 1));
    const sep = `${'\n'.repeat(shape.length - depth - 1)}${' '.repeat(depth + 1)}`;
    return `[${rows.join(sep)}]`;
  };
  return render(0, 0).replace(/ +\]/g, ']');
}

/** numpy's `allclose(a, b)` with its default tolerances (rtol=1e-5, atol=1e-8); equal infinities match. */
export function allClose(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const u = a[i]!;
    const v = b[i]!;
    if (u === v) continue;
    if (!Number.isFinite(u) || !Number.isFinite(v)) return false;
    if (Math.abs(u - v) > 1e-8 + 1e-5 * Math.abs(v)) return false;
  }
  return true;
}

export function arraysEqual(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** JSON cannot hold infinities: they travel as the strings "inf" / "-inf" (and NaN as "nan"). */
export function encodeNumber(v: number): number | string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return v;
}

export function decodeNumber(v: unknown, where: string): number {
  if (typeof v === 'number') return v;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === 'nan') return NaN;
  throw new TypeError(`${where}: expected a number (or "inf", "-inf", "nan"), got ${describe(v)}`);
}
