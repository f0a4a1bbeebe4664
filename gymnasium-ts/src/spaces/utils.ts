/**
 * Flattening (gymnasium/spaces/utils.py): `flatdim`, `flatten`, `unflatten`, `flattenSpace`.
 *
 * - Box, MultiBinary: the values, flat, in the space's dtype.
 * - Discrete: a one-hot vector of n; MultiDiscrete: the one-hot vectors of its elements, concatenated.
 * - Text: maxLength int32 character indexes (into the sorted charset), padded with the charset's size.
 * - Tuple, Dict: the parts concatenated (in the promoted dtype, numpy's `result_type`), when every part is
 *   flattenable; otherwise a Tuple/Dict of flattened parts.
 * - OneOf: `[index, ...flattened value]`, padded to `1 + max flatdim` by repeating the value's first element.
 * - Graph: a Graph whose node/edge features are flattened (Discrete features become one-hot rows); Sequence: a
 *   Sequence of flattened items. Neither has a fixed size, so `flatdim` throws for them.
 * `flattenSpace(space)` contains `flatten(space, x)` for every x in `space`, and `unflatten` inverts `flatten`.
 * Flattened spaces share the original space's generator, as Gymnasium passes `seed=space.np_random`.
 */
import type { DType, Space } from './space.ts';
import { Box } from './box.ts';
import { Discrete } from './discrete.ts';
import { MultiDiscrete } from './multidiscrete.ts';
import { MultiBinary } from './multibinary.ts';
import { Text } from './text.ts';
import { Tuple } from './tuple.ts';
import { Dict } from './dict.ts';
import { Sequence } from './sequence.ts';
import { Graph, type GraphInstance } from './graph.ts';
import { OneOf } from './oneof.ts';
import { concatenate, iterate, batchSpace } from './batching.ts';
import {
  type NumericArray,
  allocate,
  describe,
  dtypeOf,
  readFlatValue,
  resultType,
  shapeRepr,
  shapeSize,
} from './ndarray.ts';

const NOT_FLATTENABLE =
  'cannot be flattened to a numpy array, probably because it contains a `Graph` or `Sequence` subspace';

function notFlattenable(space: Space): Error {
  return new RangeError(`${String(space)} ${NOT_FLATTENABLE}`);
}

/** The length of `flatten(space, x)`; throws for spaces without a fixed flat size (Graph, Sequence). */
export function flatdim(space: Space): number {
  if (space instanceof Box || space instanceof MultiBinary) return shapeSize(space.shape);
  if (space instanceof Discrete) return space.n;
  if (space instanceof MultiDiscrete)
    return Array.from(space.nvec as ArrayLike<number>).reduce((a, b) => a + b, 0);
  if (space instanceof Text) return space.maxLength;
  if (space instanceof Tuple || space instanceof Dict) {
    if (!space.isNpFlattenable) throw notFlattenable(space);
    return subSpaces(space).reduce((total, sub) => total + flatdim(sub), 0);
  }
  if (space instanceof OneOf) return 1 + Math.max(...space.spaces.map(flatdim));
  if (space instanceof Graph) {
    throw new RangeError('Cannot get flattened size as the Graph Space in Gym has a dynamic size.');
  }
  if (!space.isNpFlattenable) throw notFlattenable(space);
  throw new TypeError(`flatdim: unknown space ${String(space)}`);
}

function subSpaces(space: Tuple | Dict): Space[] {
  return space instanceof Tuple
    ? [...(space.spaces as readonly Space[])]
    : space.keys().map((k) => space.spaces[k]!);
}

/** The dtype of `flatten(space, x)` for a flattenable space (that of `flattenSpace(space)`). */
function flatDtype(space: Space): DType {
  if (
    space instanceof Box ||
    space instanceof MultiBinary ||
    space instanceof Discrete ||
    space instanceof MultiDiscrete
  ) {
    return space.dtype;
  }
  if (space instanceof Text) return 'int32';
  if (space instanceof Tuple || space instanceof Dict) return resultType(subSpaces(space).map(flatDtype));
  if (space instanceof OneOf) return resultType(space.spaces.map(flatDtype));
  throw notFlattenable(space);
}

function oneHot(dtype: DType, n: number, index: number): NumericArray {
  const out = allocate(dtype, n);
  out[index] = 1;
  return out;
}

function requireMember(space: Space, x: unknown, where: string): void {
  if (!space.contains(x)) throw new TypeError(`${where}: ${describe(x)} is not in ${String(space)}`);
}

/** `x` (a value of `space`) flattened; see the module comment for each space's layout. */
export function flatten(space: Space, x: unknown): unknown {
  if (space instanceof Box || space instanceof MultiBinary) {
    const read = readFlatValue(x, space.shape);
    if (read === null)
      throw new TypeError(
        `flatten: ${describe(x)} does not have the shape ${shapeRepr(space.shape)} of ${String(space)}`,
      );
    const out = allocate(space.dtype, read.data.length);
    for (let i = 0; i < read.data.length; i++) out[i] = read.data[i]!;
    return out;
  }
  if (space instanceof Discrete) {
    requireMember(space, x, 'flatten');
    return oneHot(space.dtype, space.n, (x as number) - space.start);
  }
  if (space instanceof MultiDiscrete) {
    requireMember(space, x, 'flatten');
    const read = readFlatValue(x, space.shape)!;
    const out = allocate(space.dtype, flatdim(space));
    let offset = 0;
    for (let i = 0; i < space.nvec.length; i++) {
      out[offset + read.data[i]! - space.start[i]!] = 1;
      offset += space.nvec[i]!;
    }
    return out;
  }
  if (space instanceof Text) {
    if (typeof x !== 'string')
      throw new TypeError(`flatten: ${describe(x)} is not a string of ${String(space)}`);
    const chars = [...x];
    if (chars.length > space.maxLength)
      throw new RangeError(`flatten: ${describe(x)} is longer than ${String(space)} allows`);
    const out = new Int32Array(space.maxLength).fill(space.characterList.length);
    chars.forEach((c, i) => (out[i] = space.characterIndex(c)));
    return out;
  }
  if (space instanceof Tuple) {
    if (!Array.isArray(x) || x.length !== space.length) {
      throw new TypeError(
        `flatten: ${describe(x)} is not an array of ${space.length} values of ${String(space)}`,
      );
    }
    const parts = subSpaces(space).map((sub, i) => flatten(sub, x[i]));
    return space.isNpFlattenable ? concatFlat(parts as NumericArray[], flatDtype(space)) : parts;
  }
  if (space instanceof Dict) {
    if (typeof x !== 'object' || x === null)
      throw new TypeError(`flatten: ${describe(x)} is not an object of ${String(space)}`);
    const record = x as Record<string, unknown>;
    const keys = space.keys();
    for (const key of keys)
      if (!(key in record)) throw new TypeError(`flatten: the value has no key '${key}' of ${String(space)}`);
    if (space.isNpFlattenable) {
      return concatFlat(
        keys.map((key) => flatten(space.spaces[key]!, record[key]) as NumericArray),
        flatDtype(space),
      );
    }
    return Object.fromEntries(keys.map((key) => [key, flatten(space.spaces[key]!, record[key])]));
  }
  if (space instanceof OneOf) {
    if (
      !Array.isArray(x) ||
      x.length !== 2 ||
      !Number.isInteger(x[0]) ||
      space.spaces[x[0] as number] === undefined
    ) {
      throw new TypeError(`flatten: ${describe(x)} is not an [index, value] pair of ${String(space)}`);
    }
    const [index, value] = x as [number, unknown];
    const flat = flatten(space.spaces[index]!, value) as NumericArray;
    const width = flatdim(space) - 1;
    const out = allocate(flatDtype(space), width + 1);
    out[0] = index;
    for (let i = 0; i < width; i++) out[i + 1] = i < flat.length ? flat[i]! : (flat[0] ?? 0);
    return out;
  }
  if (space instanceof Graph) {
    const g = x as GraphInstance;
    if (typeof x !== 'object' || x === null || dtypeOf(g.nodes) === null) {
      throw new TypeError(`flatten: ${describe(x)} is not a GraphInstance of ${String(space)}`);
    }
    return {
      nodes: flattenFeatures(space.nodeSpace, g.nodes),
      edges: space.edgeSpace === null || g.edges === null ? null : flattenFeatures(space.edgeSpace, g.edges),
      edgeLinks: g.edgeLinks,
    } satisfies GraphInstance;
  }
  if (space instanceof Sequence) {
    const items = space.items(x);
    if (items === null) throw new TypeError(`flatten: ${describe(x)} is not a value of ${String(space)}`);
    const flat = items.map((item) => flatten(space.featureSpace, item));
    return space.stack ? concatenate(flattenSpace(space.featureSpace), flat) : flat;
  }
  throw new TypeError(`flatten: unknown space ${String(space)}`);
}

function concatFlat(parts: NumericArray[], dtype: DType): NumericArray {
  const out = allocate(
    dtype,
    parts.reduce((n, p) => n + p.length, 0),
  );
  let offset = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) out[offset + i] = part[i]!;
    offset += part.length;
  }
  return out;
}

/** Graph features flattened: a Box's rows as they are, a Discrete's values as one-hot rows. */
function flattenFeatures(space: Box<DType> | Discrete, data: NumericArray): NumericArray {
  if (space instanceof Box) return allocate(space.dtype, data.length).map((_, i) => data[i]!);
  const out = allocate(space.dtype, data.length * space.n);
  data.forEach((v, row) => {
    if (!space.contains(v)) throw new TypeError(`flatten: node/edge value ${v} is not in ${String(space)}`);
    out[row * space.n + v - space.start] = 1;
  });
  return out;
}

function firstNonZero(data: ArrayLike<number>, start: number, end: number): number {
  for (let i = start; i < end; i++) if (data[i] !== 0) return i - start;
  return -1;
}

function readFlat(space: Space, x: unknown, length: number): ArrayLike<number> {
  const typed = dtypeOf(x);
  const data = typed !== null ? (x as NumericArray) : Array.isArray(x) ? (x as number[]) : null;
  if (data === null || data.length !== length) {
    throw new TypeError(`unflatten: expected ${length} flat values for ${String(space)}, got ${describe(x)}`);
  }
  return data;
}

/** The inverse of `flatten`. A one-hot part with no 1 cannot be unflattened and throws. */
export function unflatten(space: Space, x: unknown): unknown {
  if (space instanceof Box || space instanceof MultiBinary) {
    const data = readFlat(space, x, shapeSize(space.shape));
    const out = allocate(space.dtype, data.length);
    for (let i = 0; i < data.length; i++) out[i] = data[i]!;
    return out;
  }
  if (space instanceof Discrete) {
    const data = readFlat(space, x, space.n);
    const index = firstNonZero(data, 0, space.n);
    if (index < 0) {
      throw new RangeError(
        `${describe(x)} is not a valid one-hot encoded vector and can not be unflattened to space ${String(space)}. ` +
          'Not all valid samples in a flattened space can be unflattened.',
      );
    }
    return space.start + index;
  }
  if (space instanceof MultiDiscrete) {
    const data = readFlat(space, x, flatdim(space));
    const out = allocate(space.dtype, space.nvec.length);
    let offset = 0;
    for (let i = 0; i < space.nvec.length; i++) {
      const index = firstNonZero(data, offset, offset + space.nvec[i]!);
      if (index < 0) {
        throw new RangeError(
          `${describe(x)} is not a valid one-hot encoded vector (element ${i} has no 1) and can not be unflattened to space ${String(space)}.`,
        );
      }
      out[i] = space.start[i]! + index;
      offset += space.nvec[i]!;
    }
    return out;
  }
  if (space instanceof Text) {
    const data = readFlat(space, x, space.maxLength);
    const k = space.characterList.length;
    return Array.from(data)
      .filter((v) => v >= 0 && v < k)
      .map((v) => space.characterList[v]!)
      .join('');
  }
  if (space instanceof Tuple || space instanceof Dict) {
    const subs = subSpaces(space);
    let parts: unknown[];
    if (space.isNpFlattenable) {
      const data = readFlat(space, x, flatdim(space));
      let offset = 0;
      parts = subs.map((sub) => {
        const dim = flatdim(sub);
        const slice = Array.prototype.slice.call(data, offset, offset + dim) as number[];
        offset += dim;
        return unflatten(sub, slice);
      });
    } else {
      const items =
        space instanceof Tuple ? x : space.keys().map((key) => (x as Record<string, unknown>)?.[key]);
      if (!Array.isArray(items) || items.length !== subs.length) {
        throw new TypeError(
          `unflatten: ${describe(x)} does not hold one flattened value per part of ${String(space)}`,
        );
      }
      parts = subs.map((sub, i) => unflatten(sub, items[i]));
    }
    return space instanceof Tuple ? parts : Object.fromEntries(space.keys().map((key, i) => [key, parts[i]]));
  }
  if (space instanceof OneOf) {
    const data = readFlat(space, x, flatdim(space));
    const index = data[0]!;
    const sub = space.spaces[index];
    if (sub === undefined || !Number.isInteger(index)) {
      throw new RangeError(`unflatten: index ${index} does not name a sub-space of ${String(space)}`);
    }
    const trimmed = Array.prototype.slice.call(data, 1, 1 + flatdim(sub)) as number[];
    return [index, unflatten(sub, trimmed)];
  }
  if (space instanceof Graph) {
    const g = x as GraphInstance;
    if (typeof x !== 'object' || x === null)
      throw new TypeError(`unflatten: ${describe(x)} is not a GraphInstance`);
    return {
      nodes: unflattenFeatures(space.nodeSpace, g.nodes),
      edges:
        space.edgeSpace === null || g.edges === null ? null : unflattenFeatures(space.edgeSpace, g.edges),
      edgeLinks: g.edgeLinks,
    } satisfies GraphInstance;
  }
  if (space instanceof Sequence) {
    let flatItems: unknown[];
    if (space.stack) {
      flatItems = iterate(batchSpace(flattenSpace(space.featureSpace), 1), x);
    } else {
      if (!Array.isArray(x))
        throw new TypeError(`unflatten: ${describe(x)} is not an array of ${String(space)}`);
      flatItems = x;
    }
    const items = flatItems.map((item) => unflatten(space.featureSpace, item));
    return space.stack ? concatenate(space.featureSpace, items) : items;
  }
  throw new TypeError(`unflatten: unknown space ${String(space)}`);
}

function unflattenFeatures(space: Box<DType> | Discrete, data: NumericArray): NumericArray {
  if (space instanceof Box) return allocate(space.dtype, data.length).map((_, i) => data[i]!);
  if (data.length % space.n !== 0) {
    throw new RangeError(
      `unflatten: ${data.length} values are not whole one-hot rows of ${space.n} for ${String(space)}`,
    );
  }
  const rows = data.length / space.n;
  const out = allocate(space.dtype, rows);
  for (let r = 0; r < rows; r++) {
    const index = firstNonZero(data, r * space.n, (r + 1) * space.n);
    if (index < 0)
      throw new RangeError(`unflatten: row ${r} is not a valid one-hot vector for ${String(space)}`);
    out[r] = space.start + index;
  }
  return out;
}

/** The space of `flatten(space, x)`: a Box for flattenable spaces, else a Tuple/Dict/Graph/Sequence of them. */
export function flattenSpace(space: Space): Space {
  const seed = space.npRandom;
  if (space instanceof Box) {
    const low = Array.from(space.low as ArrayLike<number>);
    const high = Array.from(space.high as ArrayLike<number>);
    return new Box(low, high, { shape: [low.length], dtype: space.dtype, seed });
  }
  if (space instanceof Discrete || space instanceof MultiDiscrete || space instanceof MultiBinary) {
    return new Box(0, 1, { shape: [flatdim(space)], dtype: space.dtype, seed });
  }
  if (space instanceof Text) {
    return new Box(0, space.characterList.length, { shape: [space.maxLength], dtype: 'int32', seed });
  }
  if (space instanceof Tuple || space instanceof Dict) {
    const flat = subSpaces(space).map(flattenSpace);
    if (space.isNpFlattenable) {
      const boxes = flat as Box<DType>[];
      return new Box(
        boxes.flatMap((b) => Array.from(b.low as ArrayLike<number>)),
        boxes.flatMap((b) => Array.from(b.high as ArrayLike<number>)),
        { dtype: resultType(boxes.map((b) => b.dtype)), seed },
      );
    }
    if (space instanceof Tuple) return new Tuple(flat, { seed });
    return new Dict(
      space.keys().map((key, i): [string, Space] => [key, flat[i]!]),
      { seed },
    );
  }
  if (space instanceof OneOf) {
    const boxes = space.spaces.map(flattenSpace) as Box<DType>[];
    const width = 1 + Math.max(...space.spaces.map(flatdim));
    const lowest = Math.min(...boxes.map((b) => Math.min(...(b.low as NumericArray))));
    const highest = Math.max(...boxes.map((b) => Math.max(...(b.high as NumericArray))));
    const low = [0, ...new Array<number>(width - 1).fill(lowest)];
    const high = [space.length - 1, ...new Array<number>(width - 1).fill(highest)];
    return new Box(low, high, { shape: [width], dtype: flatDtype(space), seed });
  }
  if (space instanceof Graph) {
    return new Graph(
      flattenSpace(space.nodeSpace) as Box<DType>,
      space.edgeSpace === null ? null : (flattenSpace(space.edgeSpace) as Box<DType>),
      { seed },
    );
  }
  if (space instanceof Sequence) {
    return new Sequence(flattenSpace(space.featureSpace), { stack: space.stack, seed });
  }
  throw new TypeError(`flattenSpace: unknown space ${String(space)}`);
}
