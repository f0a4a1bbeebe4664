/**
 * Behaviour cloning (Phases 2 and 3 of the paper: SFT on expert trajectories, then on expert + harvested
 * successes): for each step, the cross-entropy of the taken action under the softmax over the observation's
 * candidates. Minibatches of steps in a seeded shuffled order, Adam with warm-up then cosine decay, as the paper's
 * SFT recipe (cosine schedule, 2 warm-up steps, batch 16, 3 epochs; §1.3 of the research notes). The learning
 * rate is ours: the paper's 2e-5 is for a 7B model.
 */
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import type { LamNetwork } from '../lam/network.ts';
import { Adam, cloneNetwork, createGradients, MlpWorkspace, zeroGradients } from './backprop.ts';
import { createMlpEngine, type EngineKind } from './ort-engine.ts';
import {
  BatchGatherer,
  buildCandidateDataset,
  type CandidateDataset,
  type DatasetOptions,
  shuffledOrder,
} from './dataset.ts';
import { softmaxCrossEntropy } from './losses.ts';

export interface SftOptions {
  epochs?: number;
  /** Steps per minibatch. */
  batchSize?: number;
  lr?: number;
  warmupSteps?: number;
  schedule?: 'cosine' | 'constant';
  weightDecay?: number;
  maxGradNorm?: number;
  /** Seeds the shuffling; the same seed and data give the same network, bit for bit. */
  seed?: number;
  /** The forward/backward arithmetic (default `ort`; both give the same gradients to float precision). */
  engine?: EngineKind;
}

export const SFT_DEFAULTS: Required<SftOptions> = {
  epochs: 3,
  batchSize: 16,
  lr: 2e-3,
  warmupSteps: 2,
  schedule: 'cosine',
  weightDecay: 0,
  maxGradNorm: 5,
  seed: 0,
  engine: 'ort',
};

export interface EpochStats {
  epoch: number;
  /** Mean cross-entropy over the epoch's minibatches (weighted by steps), during training. */
  loss: number;
  /** Fraction of steps where a greedy policy would pick the taken action, during training. */
  accuracy: number;
  steps: number;
  seconds: number;
}

export interface SftResult {
  network: LamNetwork;
  history: EpochStats[];
  /** Optimiser updates made. */
  updates: number;
  options: Required<SftOptions>;
}

/** The learning rate at update `t` of `total`: linear warm-up, then cosine to zero (or constant). */
export function scheduledLr(options: Required<SftOptions>, t: number, total: number): number {
  const { lr, warmupSteps, schedule } = options;
  if (t < warmupSteps) return (lr * (t + 1)) / (warmupSteps + 1);
  if (schedule === 'constant') return lr;
  const progress = (t - warmupSteps) / Math.max(1, total - warmupSteps);
  return 0.5 * lr * (1 + Math.cos(Math.PI * Math.min(1, progress)));
}

/** Trains a copy of `initial` on `dataset`; `initial` is left unchanged. */
export async function trainSft(
  initial: LamNetwork,
  dataset: CandidateDataset,
  options: SftOptions = {},
  /** Called after every minibatch with the updates done and planned (for progress bars). */
  onUpdate?: (done: number, total: number) => void,
): Promise<SftResult> {
  const opts: Required<SftOptions> = { ...SFT_DEFAULTS, ...options };
  if (!(
    Number.isInteger(opts.epochs) &&
    opts.epochs >= 0 &&
    Number.isInteger(opts.batchSize) &&
    opts.batchSize > 0
  ))
    throw new RangeError('epochs must be a non-negative integer and batchSize a positive integer');
  if (dataset.width !== initial.sizes[0])
    throw new RangeError(`the dataset has ${dataset.width} features, the network takes ${initial.sizes[0]}`);
  const network = cloneNetwork(initial);
  const history: EpochStats[] = [];
  if (dataset.steps === 0) return { network, history, updates: 0, options: opts };
  const engine = await createMlpEngine(network, opts.engine);
  try {
    const grads = createGradients(network);
    const adam = new Adam(network, {
      weightDecay: opts.weightDecay,
      maxGradNorm: opts.maxGradNorm,
      lr: opts.lr,
    });
    const gatherer = new BatchGatherer(dataset.width);
    const order = new Int32Array(dataset.steps);
    let dScores = new Float32Array(1024);
    let scratch = new Float32Array(1024);
    const perEpoch = Math.ceil(dataset.steps / opts.batchSize);
    const total = perEpoch * opts.epochs;
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const t0 = performance.now();
      // One stream per epoch, derived from the seed, so epoch k's order does not depend on how many draws came before.
      shuffledOrder(dataset.steps, opts.seed * 1000003 + epoch, order);
      let lossSum = 0;
      let correct = 0;
      for (let from = 0; from < dataset.steps; from += opts.batchSize) {
        const to = Math.min(dataset.steps, from + opts.batchSize);
        gatherer.gather(dataset, order, from, to);
        const { x, batch } = gatherer;
        if (dScores.length < x.rows) {
          dScores = new Float32Array(Math.ceil(x.rows * 1.5));
          scratch = new Float32Array(dScores.length);
        }
        const scores = await engine.forward(x);
        const stats = softmaxCrossEntropy(scores, batch, dScores, scratch);
        lossSum += stats.loss * batch.groups;
        correct += stats.correct;
        zeroGradients(grads);
        await engine.backward(x, dScores, grads);
        adam.step(network, grads, scheduledLr(opts, adam.steps, total));
        onUpdate?.(adam.steps, total);
      }
      history.push({
        epoch,
        loss: lossSum / dataset.steps,
        accuracy: correct / dataset.steps,
        steps: dataset.steps,
        seconds: (performance.now() - t0) / 1000,
      });
    }
    return { network, history, updates: adam.steps, options: opts };
  } finally {
    await engine.release?.();
  }
}

export interface DatasetEvaluation {
  steps: number;
  /** Mean cross-entropy of the taken actions. */
  loss: number;
  /** Fraction of steps where a greedy LAM would pick the taken action (highest score, ties to the lower index). */
  accuracy: number;
  /** Mean probability of the taken action. */
  meanProbability: number;
}

/** How well `network` imitates a dataset's actions (held-out evaluation, before/after comparisons). */
export function evaluateImitation(network: LamNetwork, dataset: CandidateDataset): DatasetEvaluation {
  const workspace = new MlpWorkspace(network);
  const gatherer = new BatchGatherer(dataset.width);
  const order = new Int32Array(dataset.steps);
  for (let i = 0; i < order.length; i++) order[i] = i;
  let dScores = new Float32Array(1024);
  let scratch = new Float32Array(1024);
  let loss = 0;
  let correct = 0;
  let probability = 0;
  const chunk = 64;
  for (let from = 0; from < dataset.steps; from += chunk) {
    const to = Math.min(dataset.steps, from + chunk);
    gatherer.gather(dataset, order, from, to);
    const { x, batch } = gatherer;
    if (dScores.length < x.rows) {
      dScores = new Float32Array(Math.ceil(x.rows * 1.5));
      scratch = new Float32Array(dScores.length);
    }
    const stats = softmaxCrossEntropy(workspace.forward(x), batch, dScores, scratch);
    loss += stats.loss * batch.groups;
    correct += stats.correct;
    for (let g = 0; g < batch.groups; g++)
      probability += Math.exp(scratch[batch.groupStart[g]! + batch.targets[g]!]!);
  }
  const n = Math.max(1, dataset.steps);
  return { steps: dataset.steps, loss: loss / n, accuracy: correct / n, meanProbability: probability / n };
}

/**
 * Filtered behaviour cloning from trajectories: keeps successful ones (`outcome.success`), builds their dataset
 * and trains. Returns the dataset report too, so callers can say how many steps had no matching candidate.
 */
export async function sftFromTrajectories(
  initial: LamNetwork,
  trajectories: readonly Trajectory[],
  options: SftOptions & DatasetOptions & { onlySuccessful?: boolean } = {},
  onUpdate?: (done: number, total: number) => void,
): Promise<SftResult & { matched: number; unmatched: number; trajectories: number }> {
  const kept =
    options.onlySuccessful === false ? trajectories : trajectories.filter((t) => t.outcome.success === true);
  const { dataset, matched, unmatched } = buildCandidateDataset(kept, options);
  return {
    ...(await trainSft(initial, dataset, options, onUpdate)),
    matched,
    unmatched,
    trajectories: kept.length,
  };
}
