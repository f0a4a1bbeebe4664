/**
 * Training the reward model of the paper's Phase 4 (§4.4; research notes §1.3): every step of a successful
 * trajectory is labelled +1 and every step of a failed one −1, an MLP over the step's features
 * (envs/tasks/step-features.ts) regresses the label with MSE, and scores are later read through a sigmoid
 * (rewards/reward-model.ts runs the exported ONNX model on onnxruntime-node). The training lives here, with the
 * other learners, because rewards/ may not import agents/; both sides share the feature code in envs/.
 */
import { STEP_FEATURE_WIDTH, stepFeatures } from '../../envs/tasks/step-features.ts';
import type { OfficeObservation } from '../../envs/office/index.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { initNetwork, type LamNetwork } from '../lam/network.ts';
import { exportOnnx } from '../lam/onnx-export.ts';
import { Adam, createGradients, zeroGradients } from './backprop.ts';
import { createMlpEngine, type EngineKind } from './ort-engine.ts';
import { BatchGatherer, type CandidateDataset, shuffledOrder } from './dataset.ts';
import { meanSquaredError } from './losses.ts';

export interface RewardDataset {
  /** One group of one row per step (so the policy datasets' minibatch gatherer serves here too). */
  dataset: CandidateDataset;
  /** +1 / −1 per step. */
  labels: Float32Array;
  /** Trajectory index of each step. */
  trajectoryOf: Int32Array;
}

/** The paper's per-step labels: +1 for every step of a successful trajectory, −1 for every step of a failed one. */
export function stepLabel(trajectory: Trajectory): 1 | -1 {
  return trajectory.outcome.success ? 1 : -1;
}

export function buildRewardDataset(
  trajectories: readonly Trajectory[],
  width = STEP_FEATURE_WIDTH,
): RewardDataset {
  const steps = trajectories.reduce((n, t) => n + t.steps.length, 0);
  const row = new Float32Array(width);
  const rowPtr = new Int32Array(steps + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const labels = new Float32Array(steps);
  const trajectoryOf = new Int32Array(steps);
  const stepOf = new Int32Array(steps);
  let i = 0;
  trajectories.forEach((trajectory, t) => {
    const label = stepLabel(trajectory);
    trajectory.steps.forEach((step, s) => {
      row.fill(0);
      stepFeatures(step.obs as OfficeObservation, step.action, row);
      for (let c = 0; c < width; c++) {
        if (row[c] !== 0) {
          indices.push(c);
          values.push(row[c]!);
        }
      }
      rowPtr[i + 1] = indices.length;
      labels[i] = label;
      trajectoryOf[i] = t;
      stepOf[i] = s;
      i++;
    });
  });
  const groupStart = new Int32Array(steps + 1);
  for (let g = 0; g <= steps; g++) groupStart[g] = g;
  return {
    dataset: {
      width,
      steps,
      groupStart,
      targets: new Int32Array(steps),
      rowPtr,
      indices: Int32Array.from(indices),
      values: Float32Array.from(values),
      trajectoryOf,
      stepOf,
    },
    labels,
    trajectoryOf,
  };
}

export interface RewardModelOptions {
  /** Layer widths; the first must be the step-feature width. */
  sizes?: readonly number[];
  epochs?: number;
  batchSize?: number;
  lr?: number;
  weightDecay?: number;
  /** Seeds the initialisation and the shuffling. */
  seed?: number;
  engine?: EngineKind;
}

export const REWARD_MODEL_DEFAULTS: Required<RewardModelOptions> = {
  sizes: [STEP_FEATURE_WIDTH, 64, 1],
  epochs: 8,
  batchSize: 32,
  lr: 1e-3,
  weightDecay: 1e-4,
  seed: 0,
  engine: 'ort',
};

export interface RewardEpochStats {
  epoch: number;
  /** Mean squared error against ±1 during the epoch. */
  loss: number;
  /** Fraction of steps whose raw score has the label's sign. */
  accuracy: number;
  steps: number;
  seconds: number;
}

export interface RewardModelTraining {
  network: LamNetwork;
  history: RewardEpochStats[];
  options: Required<RewardModelOptions>;
  /** Steps and trajectories it was trained on, and how many were successes. */
  data: { trajectories: number; successes: number; steps: number };
}

export async function trainRewardModel(
  trajectories: readonly Trajectory[],
  options: RewardModelOptions = {},
): Promise<RewardModelTraining> {
  const opts: Required<RewardModelOptions> = { ...REWARD_MODEL_DEFAULTS, ...options };
  const network = initNetwork(opts.seed, opts.sizes);
  const { dataset, labels } = buildRewardDataset(trajectories, opts.sizes[0]);
  const history: RewardEpochStats[] = [];
  const engine = await createMlpEngine(network, opts.engine);
  try {
    const grads = createGradients(network);
    const adam = new Adam(network, { lr: opts.lr, weightDecay: opts.weightDecay });
    const gatherer = new BatchGatherer(dataset.width);
    const order = new Int32Array(dataset.steps);
    const batchLabels = new Float32Array(opts.batchSize);
    const dScores = new Float32Array(opts.batchSize);
    for (let epoch = 0; epoch < opts.epochs && dataset.steps > 0; epoch++) {
      const t0 = performance.now();
      shuffledOrder(dataset.steps, opts.seed * 1000003 + epoch, order);
      let lossSum = 0;
      let correct = 0;
      for (let from = 0; from < dataset.steps; from += opts.batchSize) {
        const to = Math.min(dataset.steps, from + opts.batchSize);
        gatherer.gather(dataset, order, from, to);
        const n = to - from;
        for (let b = 0; b < n; b++) batchLabels[b] = labels[order[from + b]!]!;
        const scores = await engine.forward(gatherer.x);
        lossSum += meanSquaredError(scores, batchLabels, n, dScores) * n;
        for (let b = 0; b < n; b++) if (scores[b]! > 0 === batchLabels[b]! > 0) correct++;
        zeroGradients(grads);
        await engine.backward(gatherer.x, dScores, grads);
        adam.step(network, grads);
      }
      history.push({
        epoch,
        loss: lossSum / dataset.steps,
        accuracy: correct / dataset.steps,
        steps: dataset.steps,
        seconds: (performance.now() - t0) / 1000,
      });
    }
  } finally {
    await engine.release?.();
  }
  const successes = trajectories.filter((t) => t.outcome.success).length;
  return {
    network,
    history,
    options: opts,
    data: { trajectories: trajectories.length, successes, steps: dataset.steps },
  };
}

/** The reward model as ONNX bytes (input `features` [steps × width], output `scores` [steps × 1], raw). */
export function exportRewardModel(network: LamNetwork, metadata: Record<string, string> = {}): Uint8Array {
  return exportOnnx(network, {
    kind: 'lamgym-reward-model',
    score: 'raw; sigmoid gives [0, 1]',
    ...metadata,
  });
}
