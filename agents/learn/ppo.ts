/**
 * Offline PPO (the paper's Phase 4; research notes §1.3): the policy is refined on previously collected failed
 * trajectories, without new interaction, with advantages from the reward model's step scores, PPO's clipped
 * objective and a KL penalty to the reference policy (the network PPO starts from, LAM3).
 *
 * Structure as in the paper's (TRL-like) settings: batches of `batchSize` steps; at the start of a batch the
 * current policy's log-probabilities of the taken actions are frozen as π_old; then `ppoEpochs` passes over the
 * batch in minibatches of `minibatchSize`; an adaptive KL controller moves β toward `targetKl` (TRL's
 * AdaptiveKLController). The paper gives no ε; 0.2 is TRL's default `cliprange`, which its other values match.
 * Rewards are the reward model's sigmoid scores mapped to [−0.5, 0.5] (score − 0.5), as the paper normalises them.
 */
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import type { LamNetwork } from '../lam/network.ts';
import { Adam, cloneNetwork, createGradients, MlpWorkspace, zeroGradients } from './backprop.ts';
import { createMlpEngine, type EngineKind } from './ort-engine.ts';
import { BatchGatherer, buildCandidateDataset, type CandidateDataset, shuffledOrder } from './dataset.ts';
import { logSoftmax, type PpoBatch, ppoLoss } from './losses.ts';
import { npRandom } from 'gymnasium-ts';

export interface PpoOptions {
  /** ε of the clipped objective. */
  clip?: number;
  /** Initial β of the KL penalty. */
  klCoef?: number;
  /** Adaptive β toward this KL per step (0: fixed β). */
  targetKl?: number;
  /** Horizon of the adaptive KL controller, in steps (TRL's default 10,000). */
  klHorizon?: number;
  lr?: number;
  batchSize?: number;
  minibatchSize?: number;
  ppoEpochs?: number;
  /** Passes over the whole dataset. */
  epochs?: number;
  maxGradNorm?: number;
  /** Discount of the return-to-go built from step rewards; 0 uses each step's own score (the default). */
  gamma?: number;
  /** Subtract the mean advantage of the data ('mean') or not ('none', the paper's plain normalised rewards). */
  baseline?: 'none' | 'mean';
  seed?: number;
  engine?: EngineKind;
}

/** The paper's PPO values, for reference (its lr is for a 7B LoRA model; ours differs). */
export const PAPER_PPO = {
  lr: 1.4e-5,
  batchSize: 8,
  minibatchSize: 1,
  ppoEpochs: 4,
  targetKl: 0.1,
  klCoef: 0.2,
  rewardRange: [-0.5, 0.5],
} as const;

export const PPO_DEFAULTS: Required<PpoOptions> = {
  clip: 0.2,
  klCoef: PAPER_PPO.klCoef,
  targetKl: PAPER_PPO.targetKl,
  klHorizon: 10_000,
  // The paper's rate: at 3e-4 four PPO epochs of single-sample minibatches over mostly negative advantages
  // collapsed the LAM (expert-test task success 50% -> 0%); at 1.4e-5 it keeps the SFT policy's skills.
  lr: PAPER_PPO.lr,
  batchSize: PAPER_PPO.batchSize,
  minibatchSize: PAPER_PPO.minibatchSize,
  ppoEpochs: PAPER_PPO.ppoEpochs,
  epochs: 1,
  maxGradNorm: 5,
  gamma: 0,
  baseline: 'none',
  seed: 0,
  engine: 'ort',
};

export interface PpoEpochStats {
  epoch: number;
  /** Means over the minibatch updates of the epoch. */
  loss: number;
  policyLoss: number;
  kl: number;
  clipFraction: number;
  /** β at the end of the epoch. */
  klCoef: number;
  updates: number;
  /** Steps (samples) processed by forward + backward, counting each PPO epoch. */
  samples: number;
  seconds: number;
}

export interface PpoResult {
  network: LamNetwork;
  history: PpoEpochStats[];
  options: Required<PpoOptions>;
}

/**
 * Per-step advantages from reward-model scores in [0, 1]: r_t = score_t − 0.5, then the discounted return-to-go
 * (γ = 0: r_t itself), then minus the mean if `baseline` is 'mean'.
 */
export function advantagesFromScores(
  scores: readonly (readonly number[])[],
  gamma = 0,
  baseline: 'none' | 'mean' = 'none',
): number[][] {
  const out = scores.map((steps) => {
    const adv = new Array<number>(steps.length);
    let running = 0;
    for (let t = steps.length - 1; t >= 0; t--) {
      running = steps[t]! - 0.5 + gamma * running;
      adv[t] = running;
    }
    return adv;
  });
  if (baseline === 'mean') {
    const all = out.flat();
    const mean = all.length === 0 ? 0 : all.reduce((a, b) => a + b, 0) / all.length;
    return out.map((a) => a.map((x) => x - mean));
  }
  return out;
}

/** Log-probabilities of every row under `network`, softmax per group of `data` (the reference policy's). */
export function groupLogProbs(network: LamNetwork, data: CandidateDataset): Float32Array {
  const rows = data.groupStart[data.steps]!;
  const out = new Float32Array(rows);
  const workspace = new MlpWorkspace(network);
  const gatherer = new BatchGatherer(data.width);
  const order = new Int32Array(data.steps);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const chunk = 64;
  for (let from = 0; from < data.steps; from += chunk) {
    const to = Math.min(data.steps, from + chunk);
    gatherer.gather(data, order, from, to);
    const scores = workspace.forward(gatherer.x);
    const base = data.groupStart[from]!;
    const { batch } = gatherer;
    for (let g = 0; g < batch.groups; g++) {
      const start = batch.groupStart[g]!;
      const end = batch.groupStart[g + 1]!;
      logSoftmax(scores, start, end, scores);
      for (let i = start; i < end; i++) out[base + i] = scores[i]!;
    }
  }
  return out;
}

/**
 * Offline PPO on a candidate dataset with one advantage per group. Trains a copy of `policy`; `reference` (by
 * default the starting policy) anchors the KL penalty.
 */
export async function trainPpo(
  policy: LamNetwork,
  data: CandidateDataset,
  advantages: Float32Array,
  options: PpoOptions = {},
  reference: LamNetwork = policy,
): Promise<PpoResult> {
  const opts: Required<PpoOptions> = { ...PPO_DEFAULTS, ...options };
  if (advantages.length !== data.steps)
    throw new RangeError(`${advantages.length} advantages for ${data.steps} steps`);
  if (!(opts.batchSize > 0 && opts.minibatchSize > 0 && opts.minibatchSize <= opts.batchSize))
    throw new RangeError('batchSize and minibatchSize must be positive, minibatchSize ≤ batchSize');
  const network = cloneNetwork(policy);
  const refLogpAll = groupLogProbs(reference, data);
  const oldLogpAll = new Float32Array(data.steps);
  const engine = await createMlpEngine(network, opts.engine);
  try {
    const grads = createGradients(network);
    const adam = new Adam(network, { lr: opts.lr, maxGradNorm: opts.maxGradNorm });
    const gatherer = new BatchGatherer(data.width);
    const order = new Int32Array(data.steps);
    const inner = new Int32Array(opts.batchSize);
    const shuffler = npRandom(opts.seed + 7919)[0];
    const mb: PpoBatch = {
      groups: 0,
      groupStart: gatherer.batch.groupStart,
      targets: gatherer.batch.targets,
      oldLogp: new Float32Array(opts.minibatchSize),
      advantages: new Float32Array(opts.minibatchSize),
      refLogp: new Float32Array(1024),
    };
    let dScores = new Float32Array(1024);
    let scratch = new Float32Array(1024);
    let klCoef = opts.klCoef;
    const history: PpoEpochStats[] = [];
    const grow = (rows: number) => {
      if (dScores.length >= rows) return;
      dScores = new Float32Array(Math.ceil(rows * 1.5));
      scratch = new Float32Array(dScores.length);
      mb.refLogp = new Float32Array(dScores.length);
    };
    for (let epoch = 0; epoch < opts.epochs && data.steps > 0; epoch++) {
      const t0 = performance.now();
      shuffledOrder(data.steps, opts.seed * 1000003 + epoch, order);
      const sums = { loss: 0, policyLoss: 0, kl: 0, clipFraction: 0, updates: 0, samples: 0 };
      for (let from = 0; from < data.steps; from += opts.batchSize) {
        const to = Math.min(data.steps, from + opts.batchSize);
        // π_old: the policy as it is before this batch's updates.
        gatherer.gather(data, order, from, to);
        grow(gatherer.x.rows);
        const scores = await engine.forward(gatherer.x);
        for (let g = 0; g < gatherer.batch.groups; g++) {
          const start = gatherer.batch.groupStart[g]!;
          const logZ = logSoftmax(scores, start, gatherer.batch.groupStart[g + 1]!, scratch);
          oldLogpAll[order[from + g]!] = scores[start + gatherer.batch.targets[g]!]! - logZ;
        }
        const n = to - from;
        for (let i = 0; i < n; i++) inner[i] = order[from + i]!;
        let batchKl = 0;
        let batchUpdates = 0;
        for (let pe = 0; pe < opts.ppoEpochs; pe++) {
          for (let i = n - 1; i > 0; i--) {
            const j = shuffler.integers(i + 1);
            const tmp = inner[i]!;
            inner[i] = inner[j]!;
            inner[j] = tmp;
          }
          for (let m = 0; m < n; m += opts.minibatchSize) {
            const mEnd = Math.min(n, m + opts.minibatchSize);
            gatherer.gather(data, inner, m, mEnd);
            const { x, batch } = gatherer;
            grow(x.rows);
            mb.groups = batch.groups;
            mb.groupStart = batch.groupStart;
            mb.targets = batch.targets;
            for (let b = 0; b < batch.groups; b++) {
              const g = gatherer.groupIds[b]!;
              mb.oldLogp[b] = oldLogpAll[g]!;
              mb.advantages[b] = advantages[g]!;
              const src = data.groupStart[g]!;
              for (let r = batch.groupStart[b]!; r < batch.groupStart[b + 1]!; r++)
                mb.refLogp[r] = refLogpAll[src + r - batch.groupStart[b]!]!;
            }
            const stats = ppoLoss(await engine.forward(x), mb, opts.clip, klCoef, dScores, scratch);
            zeroGradients(grads);
            await engine.backward(x, dScores, grads);
            adam.step(network, grads);
            sums.loss += stats.loss;
            sums.policyLoss += stats.policyLoss;
            sums.kl += stats.kl;
            sums.clipFraction += stats.clipFraction;
            sums.updates++;
            sums.samples += batch.groups;
            batchKl += stats.kl;
            batchUpdates++;
          }
        }
        if (opts.targetKl > 0 && batchUpdates > 0) {
          const error = Math.min(Math.max(batchKl / batchUpdates / opts.targetKl - 1, -0.2), 0.2);
          klCoef *= 1 + (error * n) / opts.klHorizon;
        }
      }
      const u = Math.max(1, sums.updates);
      history.push({
        epoch,
        loss: sums.loss / u,
        policyLoss: sums.policyLoss / u,
        kl: sums.kl / u,
        clipFraction: sums.clipFraction / u,
        klCoef,
        updates: sums.updates,
        samples: sums.samples,
        seconds: (performance.now() - t0) / 1000,
      });
    }
    return { network, history, options: opts };
  } finally {
    await engine.release?.();
  }
}

/**
 * Offline PPO from failed trajectories and their reward-model step scores (`scores[i][t]` in [0, 1] for step t of
 * trajectory i, e.g. `modelReward(...).score(...).per_step`). Steps whose action is no candidate are skipped.
 */
export async function ppoFromTrajectories(
  policy: LamNetwork,
  trajectories: readonly Trajectory[],
  scores: readonly (readonly number[])[],
  options: PpoOptions = {},
  reference: LamNetwork = policy,
): Promise<PpoResult & { matched: number; unmatched: number }> {
  if (scores.length !== trajectories.length)
    throw new RangeError(`${scores.length} score lists for ${trajectories.length} trajectories`);
  trajectories.forEach((t, i) => {
    if (scores[i]!.length !== t.steps.length)
      throw new RangeError(`trajectory ${i} has ${t.steps.length} steps but ${scores[i]!.length} scores`);
  });
  const opts = { ...PPO_DEFAULTS, ...options };
  const perStep = advantagesFromScores(scores, opts.gamma, opts.baseline);
  const { dataset, matched, unmatched } = buildCandidateDataset(trajectories);
  const advantages = new Float32Array(dataset.steps);
  for (let g = 0; g < dataset.steps; g++)
    advantages[g] = perStep[dataset.trajectoryOf[g]!]![dataset.stepOf[g]!]!;
  return { ...(await trainPpo(policy, dataset, advantages, opts, reference)), matched, unmatched };
}
