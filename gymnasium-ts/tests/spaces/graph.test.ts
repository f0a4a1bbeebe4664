/**
 * Graph: node (and edge) features from a Box or Discrete, edges given as (source, target) links. Reference numbers
 * come from numpy replaying Gymnasium 1.x's `_sample` on the Graph generator: the stacked node space samples
 * (for Discrete nodes a MultiDiscrete, masks drawn with `choice`), then the stacked edge Box (`uniform`), then
 * `integers(0, numNodes, size=(numEdges, 2), dtype=int32)` for the links.
 */
import { describe, expect, it } from 'vitest';
import { Box } from '../../src/spaces/box.ts';
import { Discrete } from '../../src/spaces/discrete.ts';
import { Graph, type GraphInstance } from '../../src/spaces/graph.ts';
import { MultiBinary } from '../../src/spaces/multibinary.ts';
import { spaceFromJSON } from '../../src/spaces/json.ts';
import type { Space } from '../../src/spaces/space.ts';
import { captureWarnings } from '../../src/utils/warnings.ts';

const make = (seed?: number): Graph =>
  new Graph(new Box(-1, 1, { shape: [3] }), new Discrete(4, { start: 1 }), { seed });

describe('Graph', () => {
  it('takes Box or Discrete feature spaces and rejects others', () => {
    expect(() => new Graph(new MultiBinary(2) as unknown as Box, null)).toThrow(
      /nodeSpace must be a Box or a Discrete/,
    );
    expect(() => new Graph(new Discrete(2), new MultiBinary(2) as unknown as Discrete)).toThrow(
      /edgeSpace must be null, a Box or a Discrete/,
    );
    expect(() => new Graph(new Box(0, 1, { shape: [0] }), null)).toThrow(/has no elements/);
    expect(String(make())).toBe('Graph(Box(-1.0, 1.0, (3,), float32), Discrete(4, start=1))');
    expect(String(new Graph(new Discrete(2), null))).toBe('Graph(Discrete(2), None)');
  });

  it('samples graphs of numNodes nodes with a random edge count, reproducibly', () => {
    for (let seed = 0; seed < 20; seed++) {
      const graph = make(seed);
      const g = graph.sample();
      expect(graph.numNodes(g)).toBe(10);
      expect(g.nodes).toBeInstanceOf(Float32Array);
      expect(g.nodes.length).toBe(30);
      const edgeCount = g.edges === null ? 0 : g.edges.length;
      expect(edgeCount).toBeLessThan(10 * 9);
      expect(g.edgeLinks === null ? 0 : g.edgeLinks.length).toBe(edgeCount * 2);
      expect(graph.contains(g)).toBe(true);
      expect(make(seed).sample()).toEqual(g);
    }
    const graph = make(1);
    const fixed = graph.sample(null, null, { numNodes: 3, numEdges: 5 });
    expect(fixed.nodes.length).toBe(9);
    expect(fixed.edges).toBeInstanceOf(Int32Array);
    expect(fixed.edges!.length).toBe(5);
    expect(fixed.edgeLinks!.length).toBe(10);
    expect(graph.contains(fixed)).toBe(true);
    // One node: no edge can be drawn.
    expect(graph.sample(null, null, { numNodes: 1 })).toMatchObject({ edges: null, edgeLinks: null });
    expect(() => graph.sample(null, null, { numNodes: 0 })).toThrow(/numNodes must be greater than 0, got 0/);
    expect(() => graph.sample(null, null, { numNodes: 2, numEdges: -1 })).toThrow(/numEdges must be >= 0/);
  });

  it('warns when numEdges is given for a graph without an edge space', () => {
    const graph = new Graph(new Discrete(3), null, { seed: 0 });
    const { result, warnings } = captureWarnings(() =>
      graph.sample(null, null, { numNodes: 2, numEdges: 3 }),
    );
    expect(warnings.map((w) => w.message)).toEqual([
      'The number of edges is set (3) but the edge space is null.',
    ]);
    expect(result).toMatchObject({ edges: null, edgeLinks: null });
  });

  it('mask = [nodeMask, edgeMask] for Discrete features (numpy reference)', () => {
    const graph = new Graph(new Discrete(3), new Box(0, 1, { shape: [2] }), { seed: 11 });
    const g = graph.sample(
      [[new Int8Array([1, 1, 0]), new Int8Array([0, 0, 1]), new Int8Array([0, 1, 0])], null],
      null,
      {
        numNodes: 3,
        numEdges: 2,
      },
    );
    expect(Array.from(g.nodes)).toEqual([0, 2, 1]);
    expect(Array.from(g.edges!)).toEqual([
      0.49927785992622375, 0.6014983654022217, 0.028689008206129074, 0.14792607724666595,
    ]);
    expect(Array.from(g.edgeLinks!)).toEqual([0, 1, 2, 1]);
    // Without numEdges, one edge mask applies to every edge.
    const edgeMasked = new Graph(new Box(0, 1), new Discrete(3), { seed: 2 });
    for (let i = 0; i < 5; i++) {
      const sample = edgeMasked.sample([null, new Int8Array([0, 1, 0])], null, { numNodes: 4 });
      expect(Array.from(sample.edges ?? [])).toEqual(new Array<number>(sample.edges?.length ?? 0).fill(1));
    }
    const weighted = edgeMasked.sample(null, [null, new Float64Array([0, 0, 1])], { numNodes: 4 });
    expect(Array.from(weighted.edges ?? [])).toEqual(new Array<number>(weighted.edges?.length ?? 0).fill(2));
    expect(() => graph.sample([null] as unknown as [null, null])).toThrow(
      /must be a pair \[node mask, edge mask\]/,
    );
    expect(() => graph.sample([null, null], [null, null])).toThrow(/only one of `mask` or `probability`/);
  });

  it('contains checks node rows, edge rows, link dtype, shape and range', () => {
    const graph = make(0);
    const g: GraphInstance = {
      nodes: new Float32Array([0, 0, 0, 0.5, 0.5, 0.5]),
      edges: new Int32Array([1, 4]),
      edgeLinks: new Int32Array([0, 1, 1, 1]),
    };
    expect(graph.contains(g)).toBe(true);
    expect(graph.contains({ ...g, edges: null, edgeLinks: null })).toBe(true); // edges are optional
    expect(graph.contains({ ...g, nodes: [0, 0, 0] })).toBe(false); // not a typed array
    expect(graph.contains({ ...g, nodes: new Float32Array([0, 0, 2, 0, 0, 0]) })).toBe(false); // out of the box
    expect(graph.contains({ ...g, nodes: new Float32Array([0, 0, 0, 0]) })).toBe(false); // not whole rows
    expect(graph.contains({ ...g, edges: new Int32Array([0, 4]) })).toBe(false); // below the Discrete start
    expect(graph.contains({ ...g, edges: new Float32Array([1, 4]) })).toBe(false); // float edges for a Discrete
    expect(graph.contains({ ...g, edgeLinks: new Int32Array([0, 2, 1, 1]) })).toBe(false); // node 2 does not exist
    expect(graph.contains({ ...g, edgeLinks: new Int32Array([0, -1, 1, 1]) })).toBe(false);
    expect(graph.contains({ ...g, edgeLinks: new Float32Array([0, 1, 1, 1]) as unknown as Int32Array })).toBe(
      false,
    );
    expect(graph.contains({ ...g, edgeLinks: new Int32Array([0, 1]) })).toBe(false); // one link for two edges
    expect(graph.contains({ ...g, edgeLinks: null })).toBe(false);
    expect(new Graph(new Box(-1, 1, { shape: [3] }), null).contains(g)).toBe(false); // no edge space
    expect(graph.contains(null)).toBe(false);
    expect(graph.contains('graph')).toBe(false);
  });

  it('seed: [graph, node(, edge)]; a number reseeds the graph generator after drawing sub-seeds', () => {
    expect(make().seed(42)).toEqual([42, 191664963, 1662057957]);
    expect(new Graph(new Discrete(2), null).seed(42)).toEqual([42, 191664963]);
    const byInt = make(42);
    const byList = make();
    expect(byList.seed([42, 191664963, 1662057957])).toEqual([42, 191664963, 1662057957]);
    expect(byList.sample(null, null, { numNodes: 3 })).toEqual(byInt.sample(null, null, { numNodes: 3 }));
    expect(byList.nodeSpace.sample()).toEqual(new Box(-1, 1, { shape: [3], seed: 191664963 }).sample());
    expect(make().seed(null)).toHaveLength(3);
    expect(() => make().seed([1, 2])).toThrow(/expects 3 seeds \[graph, node, edge\], got 2/);
    expect(() => new Graph(new Discrete(2), null).seed([1, 2, 3])).toThrow(/expects 2 seeds \[graph, node\]/);
    expect(() => make().seed({ a: 1 })).toThrow(/expected a number, an array of seeds or null/);
  });

  it('equality, JSON and jsonable round trips', () => {
    const graph = make(3);
    expect(graph.equals(make())).toBe(true);
    expect(graph.equals(new Graph(new Box(-1, 1, { shape: [3] }), null))).toBe(false);
    expect(graph.equals(new Graph(new Box(-1, 1, { shape: [3] }), new Discrete(4)))).toBe(false);
    expect(new Graph(new Discrete(2), null).equals(new Graph(new Discrete(2), null))).toBe(true);
    expect(graph.equals(graph.nodeSpace)).toBe(false);
    for (const space of [graph, new Graph(new Discrete(5), null)] as Space[]) {
      const copy = spaceFromJSON(JSON.stringify(space.toJSON()));
      expect(copy).toBeInstanceOf(Graph);
      expect(copy.equals(space)).toBe(true);
    }
    const samples = [
      graph.sample(null, null, { numNodes: 3 }),
      graph.sample(null, null, { numNodes: 1 }),
      graph.sample(null, null, { numNodes: 4, numEdges: 2 }),
    ];
    const json = JSON.parse(JSON.stringify(graph.toJsonable(samples))) as Record<string, unknown>[];
    expect(Object.keys(json[2]!)).toEqual(['nodes', 'edges', 'edge_links']); // Gymnasium's keys
    expect((json[2]!.nodes as unknown[]).length).toBe(4); // one row per node
    expect(json[1]).toEqual({ nodes: [Array.from(samples[1]!.nodes)] });
    const back = graph.fromJsonable(json);
    expect(back).toEqual(samples);
    expect(back.every((g) => graph.contains(g))).toBe(true);
    expect(() => graph.fromJsonable([{ edges: [] }])).toThrow(
      /entry 0 must be \{nodes, edges\?, edge_links\?\}/,
    );
    expect(() =>
      new Graph(new Discrete(2), null).fromJsonable([{ nodes: [0], edges: [1], edge_links: [[0, 0]] }]),
    ).toThrow(/has edges but the space has no edge space/);
  });
});
