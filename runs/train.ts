/**
 * Training lamgym's own models from suites and run directories (issue #8), as `lamgym train` and the pipeline
 * call it:
 * - `trainLamSft`: behaviour cloning on the expert suite's reference trajectories (Phase 2) plus the replay-
 *   verified successes of exploration runs (Phase 3);
 * - `trainRewardModel`: the paper's reward model on the runs' successes (+1 per step) and failures (−1), with a
 *   held-out fifth of the episodes (chosen by a hash of the episode id) to report its accuracy;
 * - `trainLamPpo`: offline PPO on the runs' failed trajectories with reward-model advantages and a KL leash to
 *   the starting policy (Phase 4).
 * Every result is a checkpoint (ONNX + JSON sidecar) whose sidecar records its parent, its data and its
 * hyper-parameters.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { initNetwork, type LamNetwork } from '../agents/lam/network.ts';
import { loadCheckpoint, saveCheckpoint } from '../agents/learn/checkpoint.ts';
import { ppoFromTrajectories, type PpoOptions } from '../agents/learn/ppo.ts';
import { trainRewardModel as fitRewardModel } from '../agents/learn/reward-model.ts';
import { sftFromTrajectories, type SftOptions } from '../agents/learn/sft.ts';
import type { TaskRecord } from '../envs/tasks/schema.ts';
import type { Trajectory } from '../envs/tasks/trajectory.ts';
import { RewardModel, rewardModelAccuracy, type RewardModelAccuracy } from '../rewards/reward-model.ts';
import { readRunConfig } from './explore.ts';
import { referenceTrajectories } from './reference-trajectories.ts';
import { TrajectoryStore } from './store/trajectory-store.ts';

export interface TrainedCheckpoint {
  onnxPath: string;
  sidecarPath: string;
  version: string;
  metrics: Record<string, unknown>;
}

/**
 * The trajectories of run directories, ordered by run then episode id (a store's order is the order actors
 * finished in, which varies; training data must not); `which` filters by outcome.
 */
export function runTrajectories(
  runDirs: readonly string[],
  which: 'success' | 'failure' | 'all',
): Trajectory[] {
  const out: Trajectory[] = [];
  for (const dir of runDirs) {
    readRunConfig(dir); // a clear error when it is not a run directory
    const store = TrajectoryStore.open(join(dir, 'trajectories'));
    const fromRun: Trajectory[] = [];
    try {
      for (const t of store.trajectories()) {
        if (t.outcome.error !== undefined) continue; // unjudged episodes teach nothing either way
        if (which === 'all' || (which === 'success') === t.outcome.success) fromRun.push(t);
      }
    } finally {
      store.close();
    }
    fromRun.sort((a, b) => (a.episode_id < b.episode_id ? -1 : a.episode_id > b.episode_id ? 1 : 0));
    out.push(...fromRun);
  }
  return out;
}

async function startingNetwork(
  init: string | undefined,
  seed: number,
): Promise<{ network: LamNetwork; parent: string | null }> {
  if (init === undefined) return { network: initNetwork(seed), parent: null };
  const { network, sidecar } = await loadCheckpoint(init);
  return { network, parent: sidecar.version };
}

/** The reference trajectories of expert tasks (their observations rebuilt by replaying the recorded steps). */
export function replayExpert(
  tasks: readonly TaskRecord[],
  onPhase?: (phase: string) => void,
  onProgress?: (phase: 'replay', done: number, total: number) => void,
): Trajectory[] {
  onPhase?.(`replaying ${tasks.length} expert trajectories`);
  return referenceTrajectories(tasks, {
    onTask: (done, total) => onProgress?.('replay', done, total),
  }) as unknown as Trajectory[];
}

export interface SftJob {
  /** Expert tasks whose reference steps are replayed (the expert-train suite). */
  expert: readonly TaskRecord[];
  /** Their reference trajectories when the caller has replayed them already (the pipeline trains three times). */
  expertTrajectories?: readonly Trajectory[];
  /** Run directories whose successful trajectories are added. */
  runs?: readonly string[];
  /** A checkpoint to start from; a seeded initialisation otherwise. */
  init?: string;
  out: string;
  version: string;
  seed?: number;
  options?: SftOptions;
  onPhase?: (phase: string) => void;
  /** Progress of a phase: replayed tasks, then optimiser updates. */
  onProgress?: (phase: 'replay' | 'train', done: number, total: number) => void;
}

export async function trainLamSft(job: SftJob): Promise<TrainedCheckpoint> {
  const seed = job.seed ?? 0;
  const expert = job.expertTrajectories ?? replayExpert(job.expert, job.onPhase, job.onProgress);
  const harvested = runTrajectories(job.runs ?? [], 'success');
  const { network, parent } = await startingNetwork(job.init, seed);
  job.onPhase?.(`behaviour cloning on ${expert.length} expert + ${harvested.length} harvested trajectories`);
  const result = await sftFromTrajectories(
    network,
    [...expert, ...harvested],
    { seed, ...job.options },
    (done, total) => job.onProgress?.('train', done, total),
  );
  const last = result.history.at(-1);
  const metrics = {
    history: result.history.map((h) => ({ ...h, seconds: Math.round(h.seconds * 10) / 10 })),
    matched_steps: result.matched,
    unmatched_steps: result.unmatched,
    final_loss: last?.loss ?? null,
    final_accuracy: last?.accuracy ?? null,
  };
  const saved = await saveCheckpoint(job.out, result.network, {
    kind: 'lam',
    version: job.version,
    parent,
    data: {
      expert_tasks: job.expert.length,
      expert_trajectories: expert.length,
      runs: [...(job.runs ?? [])],
      harvested_trajectories: harvested.length,
    },
    hyperparameters: { ...result.options, seed },
    metrics,
  });
  return { onnxPath: saved.onnxPath, sidecarPath: saved.sidecarPath, version: job.version, metrics };
}

/** A stable fifth of the episodes, by id, held out for the reward model's accuracy. */
export function isHeldOut(episodeId: string): boolean {
  return createHash('sha256').update(episodeId).digest()[0]! % 5 === 0;
}

export interface RewardModelJob {
  runs: readonly string[];
  /** Expert tasks whose reference trajectories join the successes. */
  expert?: readonly TaskRecord[];
  /** Their reference trajectories, when already replayed. */
  expertTrajectories?: readonly Trajectory[];
  out: string;
  version: string;
  seed?: number;
  epochs?: number;
  onPhase?: (phase: string) => void;
}

export async function trainRewardModel(
  job: RewardModelJob,
): Promise<TrainedCheckpoint & { accuracy: RewardModelAccuracy }> {
  const seed = job.seed ?? 0;
  const fromRuns = runTrajectories(job.runs, 'all');
  const expert =
    job.expertTrajectories ?? (job.expert === undefined ? [] : replayExpert(job.expert, job.onPhase));
  const all = [...fromRuns, ...expert];
  const train = all.filter((t) => !isHeldOut(t.episode_id + t.task.unique_id));
  const heldOut = all.filter((t) => isHeldOut(t.episode_id + t.task.unique_id));
  const counts = (ts: readonly Trajectory[]) => ({
    successes: ts.filter((t) => t.outcome.success).length,
    failures: ts.filter((t) => !t.outcome.success).length,
  });
  if (counts(train).successes === 0 || counts(train).failures === 0)
    throw new Error(
      `a reward model needs both successes and failures to learn from; the runs hold ${JSON.stringify(counts(train))}`,
    );
  job.onPhase?.(`training the reward model on ${train.length} trajectories (${heldOut.length} held out)`);
  const fitted = await fitRewardModel(train, {
    seed,
    ...(job.epochs === undefined ? {} : { epochs: job.epochs }),
  });
  const saved = await saveCheckpoint(job.out, fitted.network, {
    kind: 'reward-model',
    version: job.version,
    parent: null,
    data: {
      runs: [...job.runs],
      train: counts(train),
      held_out: counts(heldOut),
      expert_tasks: job.expert?.length ?? 0,
    },
    hyperparameters: { ...fitted.options },
  });
  const model = await RewardModel.fromBytes(saved.bytes, job.version);
  try {
    const accuracy = await rewardModelAccuracy(model, heldOut);
    return {
      onnxPath: saved.onnxPath,
      sidecarPath: saved.sidecarPath,
      version: job.version,
      metrics: { held_out: accuracy },
      accuracy,
    };
  } finally {
    await model.release();
  }
}

export interface PpoJob {
  runs: readonly string[];
  rewardModel: string;
  init: string;
  out: string;
  version: string;
  seed?: number;
  options?: PpoOptions;
  onPhase?: (phase: string) => void;
}

export async function trainLamPpo(job: PpoJob): Promise<TrainedCheckpoint> {
  const seed = job.seed ?? 0;
  const failed = runTrajectories(job.runs, 'failure');
  if (failed.length === 0) throw new Error('offline PPO needs failed trajectories; the runs hold none');
  const { network, parent } = await startingNetwork(job.init, seed);
  const model = await RewardModel.fromFile(job.rewardModel);
  let scores: number[][];
  try {
    job.onPhase?.(`scoring ${failed.length} failed trajectories with the reward model`);
    scores = [];
    for (const t of failed) scores.push(Array.from(await model.stepScores(t)));
  } finally {
    await model.release();
  }
  job.onPhase?.('offline PPO');
  const result = await ppoFromTrajectories(network, failed, scores, { seed, ...job.options });
  const metrics = {
    history: result.history,
    matched_steps: result.matched,
    unmatched_steps: result.unmatched,
  };
  const saved = await saveCheckpoint(job.out, result.network, {
    kind: 'lam',
    version: job.version,
    parent,
    data: { runs: [...job.runs], failed_trajectories: failed.length, reward_model: job.rewardModel },
    hyperparameters: { ...result.options, seed },
    metrics,
  });
  return { onnxPath: saved.onnxPath, sidecarPath: saved.sidecarPath, version: job.version, metrics };
}
