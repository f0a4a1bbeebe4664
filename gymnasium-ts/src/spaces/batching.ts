/**
 * Batching of spaces and values for vector envs (gymnasium/vector/utils/space_utils.py):
 * - `batchSpace(space, n)`: the space of n stacked values. Box → Box with a leading n dimension; Discrete →
 *   MultiDiscrete; MultiDiscrete and MultiBinary → an integer Box; Tuple/Dict → Tuple/Dict of batched
 *   sub-spaces; Text, Sequence, Graph, OneOf (and custom spaces) → a Tuple of n copies, seeded from the
 *   space's generator as Gymnasium seeds them.
 * - `batchDifferingSpaces(spaces)`: the batch of spaces that share kind, shape and dtype but not bounds.
 * - `concatenate(space, items)`: n values of `space` into one batched value; `iterate(batchedSpace, batch)`:
 *   the values back out; `createEmptyArray(space, n)`: a batched value to fill.
 * Batched array values are flat typed arrays (row-major, item after item).
 */
import { type DType, Space } from './space.ts';
import { Box } from './box.ts';
import { Discrete } from './discrete.ts';
import { MultiDiscrete } from './multidiscrete.ts';
import { MultiBinary } from './multibinary.ts';
import { Text } from './text.ts';
import { Tuple } from './tuple.ts';
import { Dict } from './dict.ts';
import { Sequence } from './sequence.ts';
import { Graph, type GraphInstance, featureSize } from './graph.ts';
import { OneOf } from './oneof.ts';
import { copySpace } from './json.ts';
import {
  type IntDType,
  type NumericArray,
  allocate,
  describe,
  dtypeOf,
  readFlatValue,
  shapeRepr,
  shapeSize,
  shapesEqual,
} from './ndarray.ts';

type ArraySpace = Box<DType> | MultiDiscrete<IntDType> | MultiBinary;

function isArraySpace(space: Space): space is ArraySpace {
  return space instanceof Box || space instanceof MultiDiscrete || space instanceof MultiBinary;
}

function tile(values: ArrayLike<number>, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) for (let k = 0; k < values.length; k++) out.push(values[k]!);
  return out;
}

function assertCount(n: unknown, where: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`${where}: n must be a positive integer, got ${describe(n)}`);
  }
  return n;
}

/** The space of `n` stacked values of `space` (Gymnasium's `batch_space`). */
export function batchSpace(space: Space, n = 1): Space {
  assertCount(n, 'batchSpace');
  if (!(space instanceof Space)) throw new TypeError(`batchSpace: expected a Space, got ${describe(space)}`);
  if (space instanceof Box) {
    return new Box(tile(space.low, n), tile(space.high, n), {
      shape: [n, ...space.shape],
      dtype: space.dtype,
      seed: space.npRandom.clone(),
    });
  }
  if (space instanceof Discrete) {
    return new MultiDiscrete(new Array<number>(n).fill(space.n), {
      start: space.start,
      dtype: space.dtype,
      seed: space.npRandom.clone(),
    });
  }
  if (space instanceof MultiDiscrete) {
    const low = tile(space.start, n);
    const nvec = tile(space.nvec, n);
    return new Box(
      low,
      low.map((l, i) => l + nvec[i]! - 1),
      { shape: [n, ...space.shape], dtype: space.dtype, seed: space.npRandom.clone() },
    );
  }
  if (space instanceof MultiBinary) {
    return new Box(0, 1, { shape: [n, ...space.shape], dtype: space.dtype, seed: space.npRandom.clone() });
  }
  if (space instanceof Tuple) {
    return new Tuple(
      space.spaces.map((sub: Space) => batchSpace(sub, n)),
      { seed: space.npRandom.clone() },
    );
  }
  if (space instanceof Dict) {
    return new Dict(
      space.entries().map(([key, sub]): [string, Space] => [key, batchSpace(sub, n)]),
      { seed: space.npRandom.clone() },
    );
  }
  // Text, Sequence, Graph, OneOf and custom spaces: n independent copies, each reseeded from a copy of the
  // space's generator so that sampling the batch does not advance the original.
  const batched = new Tuple(
    Array.from({ length: n }, () => copySpace(space)),
    { seed: space.npRandom.clone() },
  );
  const seeder = space.npRandom.clone();
  batched.seed(Array.from({ length: n }, () => seeder.integers(0, 100_000_000)));
  return batched;
}

/**
 * The batch of spaces that differ only in bounds (Gymnasium's `batch_differing_spaces`, for vector envs with
 * `observationMode: 'different'`). All spaces must be of one kind with equal shapes and dtypes.
 */
export function batchDifferingSpaces(spaces: readonly Space[]): Space {
  if (!Array.isArray(spaces) || spaces.length === 0) {
    throw new RangeError('batchDifferingSpaces: expects a non-empty array of spaces');
  }
  const first = spaces[0]!;
  if (!spaces.every((space) => space instanceof Space && space.constructor === first.constructor)) {
    throw new TypeError(
      `batchDifferingSpaces: expects all spaces to be of one kind, got ${spaces.map((s) => (s as object).constructor?.name).join(', ')}`,
    );
  }
  const seed = first.npRandom.clone();
  const sameDtypeShape = (): void => {
    spaces.forEach((space, i) => {
      if (space.dtype !== first.dtype || !shapesEqual(space.shape, first.shape)) {
        throw new TypeError(
          `batchDifferingSpaces: space ${i} (${String(space)}) differs in dtype or shape from space 0 (${String(first)})`,
        );
      }
    });
  };
  if (first instanceof Box) {
    sameDtypeShape();
    const boxes = spaces as Box<DType>[];
    return new Box(
      boxes.flatMap((b) =>
        Array.from(b.low as ArrayLike<number>, (v, i) => (b.boundedBelow[i] ? v : -Infinity)),
      ),
      boxes.flatMap((b) =>
        Array.from(b.high as ArrayLike<number>, (v, i) => (b.boundedAbove[i] ? v : Infinity)),
      ),
      { shape: [spaces.length, ...first.shape], dtype: first.dtype, seed },
    );
  }
  if (first instanceof Discrete) {
    sameDtypeShape();
    const discretes = spaces as Discrete[];
    return new MultiDiscrete(
      discretes.map((d) => d.n),
      { start: discretes.map((d) => d.start), dtype: first.dtype, seed },
    );
  }
  if (first instanceof MultiDiscrete) {
    sameDtypeShape();
    const multi = spaces as MultiDiscrete<IntDType>[];
    const low = multi.flatMap((m) => Array.from(m.start as ArrayLike<number>));
    const high = multi.flatMap((m) => Array.from(m.start as ArrayLike<number>, (s, i) => s + m.nvec[i]! - 1));
    return new Box(low, high, { shape: [spaces.length, ...first.shape], dtype: first.dtype, seed });
  }
  if (first instanceof MultiBinary) {
    sameDtypeShape();
    return new Box(0, 1, { shape: [spaces.length, ...first.shape], dtype: 'int8', seed });
  }
  if (first instanceof Tuple) {
    const tuples = spaces as Tuple[];
    if (!tuples.every((t) => t.length === first.length)) {
      throw new TypeError(
        'batchDifferingSpaces: expects all Tuple spaces to have the same number of sub-spaces',
      );
    }
    return new Tuple(
      first.spaces.map((_: Space, i: number) => batchDifferingSpaces(tuples.map((t) => t.spaces[i]!))),
      { seed },
    );
  }
  if (first instanceof Dict) {
    const dicts = spaces as Dict[];
    const keys = first.keys();
    if (!dicts.every((d) => d.length === keys.length && keys.every((key) => d.has(key)))) {
      throw new TypeError('batchDifferingSpaces: expects all Dict spaces to have the same keys');
    }
    return new Dict(
      keys.map((key): [string, Space] => [key, batchDifferingSpaces(dicts.map((d) => d.spaces[key]!))]),
      { seed },
    );
  }
  return new Tuple([...spaces], { seed });
}

/**
 * Gymnasium's `is_space_dtype_shape_equiv`: array spaces of one kind with equal shape and dtype; composites
 * whose parts are; anything else must be equal.
 */
export function isSpaceDtypeShapeEquiv(a: Space, b: Space): boolean {
  const simple = (s: Space): boolean => isArraySpace(s) || s instanceof Discrete;
  if (simple(a) && simple(b)) {
    return a.constructor === b.constructor && shapesEqual(a.shape, b.shape) && a.dtype === b.dtype;
  }
  if (a instanceof Text) {
    // Gymnasium compares only the maximum length and the charset (not the minimum length).
    return b instanceof Text && a.maxLength === b.maxLength && a.characters === b.characters;
  }
  if (a instanceof Tuple && b instanceof Tuple) {
    return (
      a.length === b.length &&
      a.spaces.every((s: Space, i: number) => isSpaceDtypeShapeEquiv(s, b.spaces[i]!))
    );
  }
  if (a instanceof Dict && b instanceof Dict) {
    const keys = a.keys();
    return (
      keys.length === b.length &&
      keys.every((key) => b.has(key) && isSpaceDtypeShapeEquiv(a.spaces[key]!, b.spaces[key]!))
    );
  }
  if (a instanceof Graph && b instanceof Graph) {
    return (
      isSpaceDtypeShapeEquiv(a.nodeSpace, b.nodeSpace) &&
      (a.edgeSpace === null
        ? b.edgeSpace === null
        : b.edgeSpace !== null && isSpaceDtypeShapeEquiv(a.edgeSpace, b.edgeSpace))
    );
  }
  if (a instanceof OneOf && b instanceof OneOf) {
    return a.length === b.length && a.spaces.every((s, i) => isSpaceDtypeShapeEquiv(s, b.spaces[i]!));
  }
  if (a instanceof Sequence && b instanceof Sequence) {
    return a.stack === b.stack && isSpaceDtypeShapeEquiv(a.featureSpace, b.featureSpace);
  }
  return a.equals(b);
}

/**
 * The values of a batch of `space` (a space made by `batchSpace`): for array spaces, one item per slice along
 * the first axis (Box items are typed-array views; 1-D MultiDiscrete/MultiBinary items are numbers); Tuple and
 * Dict batches are split per sub-space and zipped. The number of items comes from the data, as numpy iterates.
 */
export function iterate(space: Space, items: unknown): unknown[] {
  if (space instanceof Discrete) throw new TypeError('Unable to iterate over a space of type `Discrete`.');
  if (isArraySpace(space)) {
    if (Array.isArray(items)) return [...items];
    const dtype = dtypeOf(items);
    if (dtype === null) {
      throw new TypeError(
        `iterate: unable to iterate over ${describe(items)} as a batch of ${String(space)}`,
      );
    }
    if (space.shape.length === 0) throw new TypeError(`iterate: ${String(space)} has shape () and no items`);
    const data = items as NumericArray;
    const rowShape = space.shape.slice(1);
    const rowSize = shapeSize(rowShape);
    if (rowSize === 0) return Array.from({ length: space.shape[0]! }, () => data.subarray(0, 0));
    if (data.length % rowSize !== 0) {
      throw new RangeError(
        `iterate: a batch of ${String(space)} must hold whole items of ${rowSize} elements, got ${data.length}`,
      );
    }
    const count = data.length / rowSize;
    const scalars = !(space instanceof Box) && rowShape.length === 0;
    return Array.from({ length: count }, (_, i) =>
      scalars ? data[i]! : data.subarray(i * rowSize, (i + 1) * rowSize),
    );
  }
  if (space instanceof Tuple) {
    if (!Array.isArray(items))
      throw new TypeError(`iterate: a batch of a Tuple space must be an array, got ${describe(items)}`);
    const custom = space.spaces.every(
      (s: Space) => !(isArraySpace(s) || s instanceof Tuple || s instanceof Dict),
    );
    if (custom) return [...items];
    if (items.length !== space.length) {
      throw new RangeError(`iterate: a Tuple batch needs ${space.length} parts, got ${items.length}`);
    }
    const columns = space.spaces.map((sub: Space, i: number) => iterate(sub, items[i]));
    return zipColumns(columns).map((row) => row);
  }
  if (space instanceof Dict) {
    if (typeof items !== 'object' || items === null || Array.isArray(items)) {
      throw new TypeError(`iterate: a batch of a Dict space must be an object, got ${describe(items)}`);
    }
    const keys = space.keys();
    const record = items as Record<string, unknown>;
    const columns = keys.map((key) => {
      if (!(key in record)) throw new RangeError(`iterate: the Dict batch has no key '${key}'`);
      return iterate(space.spaces[key]!, record[key]);
    });
    return zipColumns(columns).map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i]])));
  }
  throw new TypeError(`iterate: unable to iterate over a batch of ${String(space)} (not a batched space)`);
}

/** Python's `zip`: as many rows as the shortest column. */
function zipColumns(columns: unknown[][]): unknown[][] {
  const n = columns.length === 0 ? 0 : Math.min(...columns.map((c) => c.length));
  return Array.from({ length: n }, (_, k) => columns.map((column) => column[k]));
}

/**
 * `items` (values of `space`) as one batched value of `batchSpace(space, items.length)`. When `out` (from
 * `createEmptyArray`) is given, array data is written into it and it is returned.
 */
export function concatenate(space: Space, items: readonly unknown[], out?: unknown): unknown {
  if (!Array.isArray(items))
    throw new TypeError(`concatenate: items must be an array, got ${describe(items)}`);
  if (space instanceof Discrete || isArraySpace(space)) {
    const shape = space.shape!;
    const size = shapeSize(shape);
    const target =
      out === undefined || out === null ? allocate(space.dtype!, items.length * size) : (out as NumericArray);
    if (dtypeOf(target) === null || target.length !== items.length * size) {
      throw new TypeError(
        `concatenate: out must be a typed array of ${items.length * size} elements, got ${describe(target)}`,
      );
    }
    items.forEach((item, i) => {
      const read = readFlatValue(item, shape);
      if (read === null) {
        throw new TypeError(
          `concatenate: item ${i} ${describe(item)} does not have the shape ${shapeRepr(shape)} of ${String(space)}`,
        );
      }
      for (let k = 0; k < size; k++) target[i * size + k] = read.data[k]!;
    });
    return target;
  }
  if (space instanceof Tuple) {
    const outs = out as unknown[] | undefined | null;
    return space.spaces.map((sub: Space, i: number) =>
      concatenate(
        sub,
        items.map((item) => (item as unknown[])[i]),
        outs?.[i],
      ),
    );
  }
  if (space instanceof Dict) {
    const outs = out as Record<string, unknown> | undefined | null;
    const result: Record<string, unknown> = {};
    for (const key of space.keys()) {
      result[key] = concatenate(
        space.spaces[key]!,
        items.map((item) => (item as Record<string, unknown>)[key]),
        outs?.[key],
      );
    }
    return result;
  }
  return [...items];
}

/**
 * A batched value of `n` items to fill (Gymnasium's `create_empty_array`, with `fill` standing for its
 * `fn=np.zeros` / `np.ones`): array spaces give typed arrays of `fill`; Text gives strings of the first
 * character; Graph gives one-node graphs; Sequence and OneOf give empty arrays, as Gymnasium does.
 */
export function createEmptyArray(space: Space, n = 1, fill = 0): unknown {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`createEmptyArray: n must be a non-negative integer, got ${n}`);
  if (space instanceof Discrete || isArraySpace(space)) {
    return allocate(space.dtype!, n * shapeSize(space.shape!)).fill(fill);
  }
  if (space instanceof Tuple) return space.spaces.map((sub: Space) => createEmptyArray(sub, n, fill));
  if (space instanceof Dict) {
    return Object.fromEntries(
      space.keys().map((key) => [key, createEmptyArray(space.spaces[key]!, n, fill)]),
    );
  }
  if (space instanceof Graph) {
    return Array.from({ length: n }, (): GraphInstance => {
      const nodes = allocate(space.nodeSpace.dtype, featureSize(space.nodeSpace)).fill(fill);
      if (space.edgeSpace === null) return { nodes, edges: null, edgeLinks: null };
      return {
        nodes,
        edges: allocate(space.edgeSpace.dtype, featureSize(space.edgeSpace)).fill(fill),
        edgeLinks: new Int32Array(2).fill(fill),
      };
    });
  }
  if (space instanceof Text) {
    const first = space.characterList[0] ?? '';
    return Array.from({ length: n }, () => first.repeat(space.minLength));
  }
  if (space instanceof Sequence) {
    return Array.from({ length: n }, () =>
      space.stack ? createEmptyArray(space.featureSpace, 1, fill) : [],
    );
  }
  if (space instanceof OneOf) return Array.from({ length: n }, () => []);
  throw new TypeError(`createEmptyArray: unknown space ${String(space)}`);
}
