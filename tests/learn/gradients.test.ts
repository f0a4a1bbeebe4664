import { describe, expect, it } from 'vitest';
import {
  Adam,
  createGradients,
  type CsrRows,
  denseToCsr,
  MlpWorkspace,
  zeroGradients,
} from '../../agents/learn/backprop.ts';
import {
  type GroupedBatch,
  logSoftmax,
  meanSquaredError,
  type PpoBatch,
  ppoLoss,
  softmaxCrossEntropy,
} from '../../agents/learn/losses.ts';
import { forward, initNetwork, type LamNetwork } from '../../agents/lam/network.ts';
import { npRandom } from 'gymnasium-ts';
import { mlpGraph, OrtMlpEngine } from '../../agents/learn/ort-engine.ts';

const SIZES = [24, 8, 6, 1];
const ROWS = 14;

/** Sparse rows like hashed features (a few ±1 and a few fractional values), seeded. */
function sparseRows(seed: number, rows = ROWS, width = SIZES[0]!): CsrRows {
  const rng = npRandom(seed)[0];
  const dense = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++)
    for (let k = 0; k < 6; k++)
      dense[r * width + rng.integers(width)] = rng.random() < 0.3 ? 0.5 : 1 - 2 * (k % 2);
  return denseToCsr(dense, rows, width);
}

/** Three groups of candidates over the 14 rows. */
const GROUPS: GroupedBatch = {
  groups: 3,
  groupStart: Int32Array.from([0, 5, 9, 14]),
  targets: Int32Array.from([2, 0, 4]),
};

/** A network whose biases are not zero, so their gradients are exercised too. */
function network(seed: number): LamNetwork {
  const net = initNetwork(seed, SIZES);
  const rng = npRandom(seed + 100)[0];
  for (const l of net.layers) for (let i = 0; i < l.bias.length; i++) l.bias[i] = rng.normal(0, 0.3);
  return net;
}

type Loss = (scores: Float32Array, dScores: Float32Array) => number;

/**
 * Backprop gradients versus central finite differences over every parameter. Returns the worst absolute error
 * and the relative error of the whole gradient vector.
 */
function gradientCheck(
  net: LamNetwork,
  x: CsrRows,
  loss: Loss,
): { maxAbs: number; relative: number; norm: number } {
  const ws = new MlpWorkspace(net);
  const grads = createGradients(net);
  const dScores = new Float32Array(x.rows);
  loss(ws.forward(x), dScores);
  zeroGradients(grads);
  ws.backward(x, dScores, grads);
  const scratch = new Float32Array(x.rows);
  const lossAt = () => loss(forward(net, toDense(x), x.rows), scratch);
  const h = 1e-3;
  let maxAbs = 0;
  let diff2 = 0;
  let norm2 = 0;
  net.layers.forEach((layer, l) => {
    for (const [param, grad] of [
      [layer.weight, grads.layers[l]!.weight],
      [layer.bias, grads.layers[l]!.bias],
    ] as const) {
      for (let i = 0; i < param.length; i++) {
        const saved = param[i]!;
        param[i] = saved + h;
        const up = lossAt();
        param[i] = saved - h;
        const down = lossAt();
        param[i] = saved;
        const numeric = (up - down) / (2 * h);
        const err = Math.abs(numeric - grad[i]!);
        maxAbs = Math.max(maxAbs, err);
        diff2 += err * err;
        norm2 += numeric * numeric;
      }
    }
  });
  return { maxAbs, relative: Math.sqrt(diff2 / norm2), norm: Math.sqrt(norm2) };
}

function toDense(x: CsrRows): Float32Array {
  const out = new Float32Array(x.rows * x.width);
  for (let r = 0; r < x.rows; r++)
    for (let k = x.indptr[r]!; k < x.indptr[r + 1]!; k++) out[r * x.width + x.indices[k]!] = x.values[k]!;
  return out;
}

describe('gradients of the learners’ losses match finite differences', () => {
  it('the batched sparse forward pass equals the network’s plain forward pass', () => {
    const net = network(1);
    const x = sparseRows(2);
    const ws = new MlpWorkspace(net, 2); // grows past its initial capacity
    const batched = ws.forward(x).slice(0, x.rows);
    const plain = forward(net, toDense(x), x.rows);
    batched.forEach((v, i) => expect(v).toBeCloseTo(plain[i]!, 5));
  });

  it('the onnxruntime engine gives the TypeScript backprop’s scores and gradients', async () => {
    const net = network(11);
    const x = sparseRows(12);
    const dScores = Float32Array.from({ length: ROWS }, (_, i) => Math.sin(i + 1));
    const ts = new MlpWorkspace(net);
    const tsGrads = createGradients(net);
    const tsScores = ts.forward(x).slice(0, ROWS);
    ts.backward(x, dScores, tsGrads);
    const engine = await OrtMlpEngine.create(net);
    try {
      const ortGrads = createGradients(net);
      const ortScores = await engine.forward(x);
      await engine.backward(x, dScores, ortGrads);
      await engine.backward(x, dScores, ortGrads); // accumulates, as the TS pass does
      ortScores.forEach((v, i) => expect(v).toBeCloseTo(tsScores[i]!, 5));
      tsGrads.layers.forEach((g, l) => {
        g.weight.forEach((v, i) => expect(ortGrads.layers[l]!.weight[i]!).toBeCloseTo(2 * v, 5));
        g.bias.forEach((v, i) => expect(ortGrads.layers[l]!.bias[i]!).toBeCloseTo(2 * v, 5));
      });
    } finally {
      await engine.release();
    }
    expect(mlpGraph([8, 1], true).length).toBeGreaterThan(0);
  });

  it('softmax cross-entropy over candidate groups (SFT)', () => {
    const scratch = new Float32Array(ROWS);
    const result = gradientCheck(
      network(3),
      sparseRows(4),
      (s, d) => softmaxCrossEntropy(s, GROUPS, d, scratch).loss,
    );
    expect(result.norm).toBeGreaterThan(0.05);
    expect(result.relative).toBeLessThan(2e-3);
    expect(result.maxAbs).toBeLessThan(2e-3);
  });

  it('mean squared error against ±1 labels (reward model)', () => {
    const labels = Float32Array.from({ length: ROWS }, (_, i) => (i % 3 === 0 ? -1 : 1));
    const result = gradientCheck(network(5), sparseRows(6), (s, d) => meanSquaredError(s, labels, ROWS, d));
    expect(result.norm).toBeGreaterThan(0.05);
    expect(result.relative).toBeLessThan(2e-3);
    expect(result.maxAbs).toBeLessThan(2e-3);
  });

  it('PPO clipped surrogate + KL to the reference policy, with ratios inside and outside the clip range', () => {
    const net = network(7);
    const x = sparseRows(8);
    const ref = network(9);
    const refScores = forward(ref, toDense(x), ROWS);
    const refLogp = new Float32Array(ROWS);
    for (let g = 0; g < GROUPS.groups; g++)
      logSoftmax(refScores, GROUPS.groupStart[g]!, GROUPS.groupStart[g + 1]!, refLogp);
    const current = new Float32Array(ROWS);
    const scores = forward(net, toDense(x), ROWS);
    for (let g = 0; g < GROUPS.groups; g++)
      logSoftmax(scores, GROUPS.groupStart[g]!, GROUPS.groupStart[g + 1]!, current);
    const taken = (g: number) => current[GROUPS.groupStart[g]! + GROUPS.targets[g]!]!;
    const scratch = new Float32Array(ROWS);
    // Group 0: ratio e^0.05 (inside), group 1: e^0.6 with A > 0 (clipped, no gradient), group 2: e^−0.6 with A < 0.
    const cases: [number[], number[]][] = [
      [
        [0.05, 0.6, -0.6],
        [0.8, 0.5, -0.7],
      ],
      [
        [0.05, 0.6, -0.6],
        [-0.8, -0.5, 0.7],
      ], // the same ratios with the other signs: all terms active
    ];
    for (const [offsets, advantages] of cases) {
      const batch: PpoBatch = {
        ...GROUPS,
        oldLogp: Float32Array.from(offsets, (o, g) => taken(g) - o),
        advantages: Float32Array.from(advantages),
        refLogp,
      };
      const result = gradientCheck(net, x, (s, d) => ppoLoss(s, batch, 0.2, 0.2, d, scratch).loss);
      expect(result.norm).toBeGreaterThan(0.01);
      expect(result.relative).toBeLessThan(2e-3);
      expect(result.maxAbs).toBeLessThan(2e-3);
    }
    // With the reference equal to the current policy, the KL term and its gradient vanish.
    const stats = ppoLoss(
      scores,
      { ...GROUPS, oldLogp: new Float32Array(3), advantages: new Float32Array(3), refLogp: current },
      0.2,
      1,
      new Float32Array(ROWS),
      scratch,
    );
    expect(stats.kl).toBeCloseTo(0, 6);
  });

  it('counts a target as correct when a greedy policy would pick it (ties to the lower index)', () => {
    const scores = Float32Array.from([1, 0, 1, 0, 0, 2, 0, 0, 2, 0, 0, 0, 0, 3]);
    const stats = softmaxCrossEntropy(scores, GROUPS, new Float32Array(ROWS), new Float32Array(ROWS));
    expect(stats.correct).toBe(2); // group 0: target 2 ties with row 0, which comes first; group 1: the target is the first of a tie
  });

  it('Adam lowers a quadratic loss and clips large gradients', () => {
    const net = initNetwork(1, [4, 1]);
    const grads = createGradients(net);
    const adam = new Adam(net, { lr: 0.05, maxGradNorm: 1 });
    const target = Float32Array.from([0.5, -1, 2, 0]);
    const lossOf = () => net.layers[0]!.weight.reduce((a, w, i) => a + (w - target[i]!) ** 2, 0);
    const before = lossOf();
    for (let t = 0; t < 200; t++) {
      net.layers[0]!.weight.forEach((w, i) => (grads.layers[0]!.weight[i] = 2 * (w - target[i]!) * 1000));
      adam.step(net, grads);
    }
    expect(lossOf()).toBeLessThan(before / 100);
  });
});
