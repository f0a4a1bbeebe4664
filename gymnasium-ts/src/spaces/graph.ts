/**
 * `Graph(nodeSpace, edgeSpace | null)`: graphs whose node (and edge) features come from a Box or Discrete
 * space (gymnasium/spaces/graph.py). Values are `GraphInstance {nodes, edges, edgeLinks}`:
 * - `nodes`: the node features stacked, flat row-major: shape (numNodes, ...nodeSpace.shape), in the node
 *   space's dtype (a Discrete node space gives one integer per node);
 * - `edges`: likewise for edges, or null (no edge space, or no edges);
 * - `edgeLinks`: Int32Array of numEdges × 2 (source, target) node indexes, flat, or null with `edges`.
 *
 * Sampling follows Gymnasium's draw order on the Graph's own generator: the edge count
 * (`integers(numNodes * (numNodes - 1))` unless given), the nodes, the edges, then the edge links
 * (`integers(0, numNodes, size=(numEdges, 2))`), so graphs of bounded Box or Discrete features are
 * bit-identical to Gymnasium's.
 */
import type { Generator } from '../utils/seeding.ts';
import { warn } from '../utils/warnings.ts';
import { type DType, type SeedInput, type SeedResult, Space, type SpaceJSON } from './space.ts';
import { Box } from './box.ts';
import { Discrete } from './discrete.ts';
import { MultiDiscrete } from './multidiscrete.ts';
import {
  type IntDType,
  type NumericArray,
  DTYPES,
  allocate,
  describe,
  dtypeOf,
  readNdInput,
  shapeSize,
  toNested,
} from './ndarray.ts';
import { subSeeds } from './draws.ts';
import { assertInteger, assertNotBoth, given } from './validate.ts';

export interface GraphInstance {
  nodes: NumericArray;
  edges: NumericArray | null;
  edgeLinks: Int32Array | null;
}

export type GraphFeatureSpace = Box<DType> | Discrete;

export interface GraphOptions {
  seed?: SeedInput | Generator;
}

export interface GraphSampleOptions {
  /** Default 10; must be positive. */
  numNodes?: number;
  /** Default: `integers(numNodes * (numNodes - 1))` (0 for a single node). */
  numEdges?: number;
}

/** `[nodeMask, edgeMask]` / `[nodeProbability, edgeProbability]`, each passed to the stacked node/edge space. */
export type GraphMask = readonly [nodes: unknown, edges: unknown];

function isFeatureSpace(space: unknown): space is Box<DType> | Discrete {
  return space instanceof Box || space instanceof Discrete;
}

/** Elements per node (or edge) feature. */
export function featureSize(space: Box<DType> | Discrete): number {
  return space instanceof Discrete ? 1 : shapeSize(space.shape);
}

export class Graph extends Space<GraphInstance> {
  readonly nodeSpace: Box<DType> | Discrete;
  readonly edgeSpace: Box<DType> | Discrete | null;

  constructor(
    nodeSpace: Box<DType> | Discrete,
    edgeSpace: Box<DType> | Discrete | null,
    { seed = null }: GraphOptions = {},
  ) {
    if (!isFeatureSpace(nodeSpace)) {
      throw new TypeError(`Graph: nodeSpace must be a Box or a Discrete, got ${describe(String(nodeSpace))}`);
    }
    if (edgeSpace !== null && !isFeatureSpace(edgeSpace)) {
      throw new TypeError(
        `Graph: edgeSpace must be null, a Box or a Discrete, got ${describe(String(edgeSpace))}`,
      );
    }
    for (const [name, space] of [
      ['nodeSpace', nodeSpace],
      ['edgeSpace', edgeSpace],
    ] as const) {
      if (space instanceof Box && shapeSize(space.shape) === 0) {
        throw new RangeError(`Graph: ${name} ${String(space)} has no elements; features need at least one`);
      }
    }
    super(null, null, null);
    this.nodeSpace = nodeSpace as Box<DType> | Discrete;
    this.edgeSpace = edgeSpace as Box<DType> | Discrete | null;
    this.applySeed(seed);
  }

  override get isNpFlattenable(): boolean {
    return false;
  }

  /**
   * Seeds the Graph's generator and its node (and edge) space, as Gymnasium: a number seeds the Graph, which
   * draws the sub-spaces' seeds and is then reseeded with the same number (so number and list seeding leave
   * it in the same state); an array gives `[graph, node]` or `[graph, node, edge]` seeds; null reseeds all
   * from entropy. Returns `[graphSeed, nodeSeed]` or `[graphSeed, nodeSeed, edgeSeed]`.
   */
  override seed(seed?: SeedInput): SeedResult[] {
    const parts: Space[] = this.edgeSpace === null ? [this.nodeSpace] : [this.nodeSpace, this.edgeSpace];
    if (seed === undefined || seed === null)
      return [super.seed(null), ...parts.map((space) => space.seed(null))];
    if (typeof seed === 'number') {
      const own = super.seed(seed);
      const seeds = subSeeds(this.npRandom, parts.length);
      super.seed(seed);
      return [own, ...parts.map((space, i) => space.seed(seeds[i]!))];
    }
    if (Array.isArray(seed)) {
      if (seed.length !== parts.length + 1) {
        const expected = this.edgeSpace === null ? '[graph, node]' : '[graph, node, edge]';
        throw new RangeError(`Graph.seed: expects ${parts.length + 1} seeds ${expected}, got ${seed.length}`);
      }
      const own = super.seed(seed[0] as number | null);
      return [
        own,
        ...parts.map((space, i) => (space.seed as (s: SeedInput) => SeedResult)(seed[i + 1] as SeedInput)),
      ];
    }
    throw new TypeError(`Graph.seed: expected a number, an array of seeds or null, got ${describe(seed)}`);
  }

  /** A space of `count` stacked features sharing the Graph's generator (Gymnasium's `_generate_sample_space`). */
  private stackedSpace(
    base: Box<DType> | Discrete | null,
    count: number,
  ): Box<DType> | MultiDiscrete<IntDType> | null {
    if (count === 0 || base === null) return null;
    if (base instanceof Box) {
      const tile = (values: NumericArray): number[] => {
        const out: number[] = [];
        for (let i = 0; i < count; i++) for (const v of values) out.push(v);
        return out;
      };
      // Unbounded float coordinates keep their infinities, so the stacked box samples them the same way.
      const low = tile(base.low).map((v, i) => (base.boundedBelow[i % base.low.length] ? v : -Infinity));
      const high = tile(base.high).map((v, i) => (base.boundedAbove[i % base.high.length] ? v : Infinity));
      const isFloat = DTYPES[base.dtype].kind === 'f';
      return new Box(isFloat ? low : tile(base.low), isFloat ? high : tile(base.high), {
        shape: [count, ...base.shape],
        dtype: base.dtype,
        seed: this.npRandom,
      }) as Box<DType>;
    }
    return new MultiDiscrete(new Array<number>(count).fill(base.n), {
      start: base.start,
      dtype: base.dtype,
      seed: this.npRandom,
    }) as MultiDiscrete<IntDType>;
  }

  /**
   * A random graph of `numNodes` nodes (default 10). `mask = [nodeMask, edgeMask]` (or `probability`): the node
   * part goes to the stacked node space (for a Discrete node space, an array with an Int8Array per node); the
   * edge part is one edge's mask, repeated for every edge when `numEdges` is not given (as Gymnasium).
   */
  sample(
    mask?: GraphMask | null,
    probability?: GraphMask | null,
    { numNodes = 10, numEdges }: GraphSampleOptions = {},
  ): GraphInstance {
    assertInteger(numNodes, 'Graph.sample: numNodes');
    if (numNodes <= 0) throw new RangeError(`Graph.sample: numNodes must be greater than 0, got ${numNodes}`);
    assertNotBoth(mask, probability, 'Graph.sample');
    let kind: 'mask' | 'probability' | null = null;
    let nodeMask: unknown = null;
    let edgeMask: unknown = null;
    const masks = given(mask) ? mask : given(probability) ? probability : null;
    if (masks !== null && masks !== undefined) {
      kind = given(mask) ? 'mask' : 'probability';
      if (!Array.isArray(masks) || masks.length !== 2) {
        throw new TypeError(
          `Graph.sample: the ${kind} must be a pair [node ${kind}, edge ${kind}], got ${describe(masks)}`,
        );
      }
      [nodeMask, edgeMask] = masks as [unknown, unknown];
    }
    const rng = this.npRandom;
    let edgeCount: number;
    if (numEdges === undefined) {
      edgeCount = numNodes > 1 ? rng.integers(numNodes * (numNodes - 1)) : 0;
      if (given(edgeMask)) edgeMask = Array.from({ length: edgeCount }, () => edgeMask);
    } else {
      if (this.edgeSpace === null)
        warn(`The number of edges is set (${numEdges}) but the edge space is null.`);
      edgeCount = assertInteger(numEdges, 'Graph.sample: numEdges', 0);
    }
    const nodeStack = this.stackedSpace(this.nodeSpace, numNodes)!;
    const edgeStack = this.stackedSpace(this.edgeSpace, edgeCount);
    const draw = (space: Space, part: unknown): NumericArray =>
      (kind === 'mask'
        ? space.sample(part)
        : kind === 'probability'
          ? space.sample(undefined, part)
          : space.sample()) as NumericArray;
    const nodes = draw(nodeStack, nodeMask);
    const edges = edgeStack === null ? null : draw(edgeStack, edgeMask);
    let edgeLinks: Int32Array | null = null;
    if (edges !== null && edgeCount > 0) {
      edgeLinks = new Int32Array(edgeCount * 2);
      for (let i = 0; i < edgeLinks.length; i++) edgeLinks[i] = rng.integers(0, numNodes);
    }
    return { nodes, edges, edgeLinks };
  }

  /** The number of nodes of a value (nodes hold one feature row per node). */
  numNodes(x: GraphInstance): number {
    return x.nodes.length / featureSize(this.nodeSpace);
  }

  contains(x: unknown): x is GraphInstance {
    if (typeof x !== 'object' || x === null) return false;
    const { nodes, edges, edgeLinks } = x as Partial<GraphInstance>;
    const nodeCount = featureRowsIn(this.nodeSpace, nodes);
    if (nodeCount === null) return false;
    if (edges === null && edgeLinks === null) return true;
    if (this.edgeSpace === null || edges === undefined || edgeLinks === undefined) return false;
    const edgeCount = featureRowsIn(this.edgeSpace, edges);
    if (edgeCount === null) return false;
    const linkDtype = dtypeOf(edgeLinks);
    if (linkDtype === null || DTYPES[linkDtype].kind === 'f') return false;
    const links = edgeLinks as unknown as NumericArray;
    if (links.length !== edgeCount * 2) return false;
    return links.every((v) => v >= 0 && v < nodeCount);
  }

  equals(other: unknown): boolean {
    return (
      other instanceof Graph &&
      this.nodeSpace.equals(other.nodeSpace) &&
      (this.edgeSpace === null ? other.edgeSpace === null : this.edgeSpace.equals(other.edgeSpace))
    );
  }

  toString(): string {
    return `Graph(${String(this.nodeSpace)}, ${this.edgeSpace === null ? 'None' : String(this.edgeSpace)})`;
  }

  toJSON(): SpaceJSON {
    return {
      type: 'Graph',
      nodeSpace: this.nodeSpace.toJSON(),
      edgeSpace: this.edgeSpace === null ? null : this.edgeSpace.toJSON(),
    };
  }

  /** `{nodes, edges?, edge_links?}` per sample (Gymnasium's keys), nested as numpy's `tolist` nests. */
  override toJsonable(samples: readonly GraphInstance[]): Record<string, unknown>[] {
    return samples.map((sample) => {
      const out: Record<string, unknown> = { nodes: stackedToNested(this.nodeSpace, sample.nodes) };
      if (sample.edges !== null && this.edgeSpace !== null) {
        out.edges = stackedToNested(this.edgeSpace, sample.edges);
        out.edge_links = toNested(sample.edgeLinks ?? new Int32Array(0), [
          (sample.edgeLinks?.length ?? 0) / 2,
          2,
        ]);
      }
      return out;
    });
  }

  override fromJsonable(json: unknown): GraphInstance[] {
    if (!Array.isArray(json))
      throw new TypeError(`Graph.fromJsonable expects an array, got ${describe(json)}`);
    return json.map((item, i) => {
      if (typeof item !== 'object' || item === null || !('nodes' in item)) {
        throw new TypeError(
          `Graph.fromJsonable: entry ${i} must be {nodes, edges?, edge_links?}, got ${describe(item)}`,
        );
      }
      const record = item as Record<string, unknown>;
      const nodes = nestedToStacked(this.nodeSpace, record.nodes, `Graph.fromJsonable entry ${i} nodes`);
      if (!('edges' in record) || record.edges === null) return { nodes, edges: null, edgeLinks: null };
      if (this.edgeSpace === null) {
        throw new TypeError(`Graph.fromJsonable: entry ${i} has edges but the space has no edge space`);
      }
      const edges = nestedToStacked(this.edgeSpace, record.edges, `Graph.fromJsonable entry ${i} edges`);
      const links = readNdInput(record.edge_links ?? [], `Graph.fromJsonable entry ${i} edge_links`);
      return { nodes, edges, edgeLinks: Int32Array.from(links.data) };
    });
  }
}

/** The number of feature rows in `data` when every row is in `space`; null when `data` is not such a stack. */
function featureRowsIn(space: Box<DType> | Discrete, data: unknown): number | null {
  const dtype = dtypeOf(data);
  if (dtype === null) return null;
  const arr = data as NumericArray;
  if (space instanceof Discrete) {
    if (DTYPES[dtype].kind === 'f') return null;
    return arr.every((v) => space.contains(v)) ? arr.length : null;
  }
  const size = shapeSize(space.shape);
  if (arr.length % size !== 0) return null;
  const rows = arr.length / size;
  for (let r = 0; r < rows; r++) if (!space.contains(arr.subarray(r * size, (r + 1) * size))) return null;
  return rows;
}

function stackedToNested(space: Box<DType> | Discrete, data: NumericArray): unknown {
  const size = featureSize(space);
  const shape = space instanceof Discrete ? [data.length] : [data.length / size, ...space.shape];
  return toNested(data, shape);
}

function nestedToStacked(space: Box<DType> | Discrete, json: unknown, where: string): NumericArray {
  const input = readNdInput(json, where);
  const out = allocate(space.dtype, input.data.length);
  out.set(input.data);
  return out;
}
