/**
 * The `model` reward: the learned reward model of the paper's Phase 4, run on onnxruntime-node. It scores each
 * step (s_t, a_t) of a trajectory (features from envs/tasks/step-features.ts, the same code its trainer in
 * agents/learn/reward-model.ts used), normalises the raw scores to [0, 1] with a sigmoid as the paper does, and
 * gives the mean step score as the trajectory's reward. `rewardModelAccuracy` measures it on held-out
 * trajectories: per step (the score's side of 0.5 against the ±1 label) and per trajectory.
 */
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import type { OfficeObservation } from '../envs/office/index.ts';
import { stepFeatures } from '../envs/tasks/step-features.ts';
import type { Trajectory } from '../envs/tasks/trajectory.ts';
import type { RewardFn, RewardResult } from './reward-fn.ts';

/** The graph's input and output names (the project's ONNX writer, agents/lam/onnx-export.ts, uses these). */
export const REWARD_INPUT = 'features';
export const REWARD_OUTPUT = 'scores';

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export class RewardModel {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly width: number,
    readonly version: string,
  ) {}

  static async fromBytes(bytes: Uint8Array, version = 'unversioned'): Promise<RewardModel> {
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    } catch (error) {
      throw new Error(`not a loadable reward model: ${(error as Error).message}`);
    }
    if (!session.inputNames.includes(REWARD_INPUT) || !session.outputNames.includes(REWARD_OUTPUT)) {
      const io = `inputs [${session.inputNames.join(', ')}], outputs [${session.outputNames.join(', ')}]`;
      await session.release();
      throw new Error(`a reward model must take '${REWARD_INPUT}' and give '${REWARD_OUTPUT}'; it has ${io}`);
    }
    const metadata = session.inputMetadata as unknown as
      { name: string; shape?: readonly (number | string)[] }[] | undefined;
    const shape = Array.isArray(metadata) ? metadata.find((m) => m.name === REWARD_INPUT)?.shape : undefined;
    const width = typeof shape?.[1] === 'number' ? shape[1] : NaN;
    if (!Number.isInteger(width)) {
      await session.release();
      throw new Error(`the reward model's '${REWARD_INPUT}' input must have a fixed feature width`);
    }
    return new RewardModel(session, width, version);
  }

  static async fromFile(path: string, version?: string): Promise<RewardModel> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new Error(`cannot read the reward model ${path}: ${(error as Error).message}`);
    }
    return RewardModel.fromBytes(bytes, version ?? path);
  }

  /** Raw scores of packed feature rows [count × width] (≈ +1 for success-like steps, ≈ −1 for failure-like). */
  async rawScores(features: Float32Array, count: number): Promise<Float32Array> {
    if (count === 0) return new Float32Array(0);
    const input = new ort.Tensor('float32', features, [count, this.width]);
    const output = await this.session.run({ [REWARD_INPUT]: input });
    return output[REWARD_OUTPUT]!.data as Float32Array;
  }

  /** Sigmoid-normalised scores in [0, 1], one per step of the trajectory. */
  async stepScores(trajectory: Pick<Trajectory, 'steps'>): Promise<Float32Array> {
    const steps = trajectory.steps;
    const features = new Float32Array(steps.length * this.width);
    steps.forEach((s, i) =>
      stepFeatures(
        s.obs as OfficeObservation,
        s.action,
        features.subarray(i * this.width, (i + 1) * this.width),
      ),
    );
    const raw = await this.rawScores(features, steps.length);
    return raw.map(sigmoid);
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

export interface ModelRewardOptions {
  /** A trajectory counts as a success when its mean step score exceeds this (default 0.5). */
  threshold?: number;
}

/** The reward function named `model`: mean sigmoid step score as the reward, per-step scores for learners. */
export function modelReward(model: RewardModel, options: ModelRewardOptions = {}): RewardFn {
  const threshold = options.threshold ?? 0.5;
  return {
    name: 'model',
    version: model.version,
    async score(trajectory): Promise<RewardResult> {
      const scores = await model.stepScores(trajectory);
      if (scores.length === 0)
        return { reward: 0, success: false, per_step: [], reason: 'no steps to score (reward model)' };
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      return {
        reward: mean,
        success: mean > threshold,
        per_step: Array.from(scores),
        reason: `reward model ${model.version}: mean step score ${mean.toFixed(3)} over ${scores.length} steps`,
      };
    },
  };
}

/** The `model` reward from an ONNX file (e.g. a checkpoint's `.onnx`); `release` frees its ORT session. */
export async function loadModelReward(
  path: string,
  options: ModelRewardOptions & { version?: string } = {},
): Promise<RewardFn & { release(): Promise<void> }> {
  const model = await RewardModel.fromFile(path, options.version);
  return { ...modelReward(model, options), release: () => model.release() };
}

export interface RewardModelAccuracy {
  steps: number;
  /** Fraction of steps scored on the side of 0.5 that their trajectory's outcome says (+1 → > 0.5). */
  stepAccuracy: number;
  trajectories: number;
  /** Fraction of trajectories whose mean step score is on the right side of the threshold. */
  trajectoryAccuracy: number;
  /** Mean step score over the steps of successful and of failed trajectories. */
  meanScoreSuccess: number;
  meanScoreFailure: number;
}

/** Accuracy of the reward model on (held-out) trajectories whose outcome is known. */
export async function rewardModelAccuracy(
  model: RewardModel,
  trajectories: readonly Trajectory[],
  options: ModelRewardOptions = {},
): Promise<RewardModelAccuracy> {
  const threshold = options.threshold ?? 0.5;
  let steps = 0;
  let rightSteps = 0;
  let rightTrajectories = 0;
  let scored = 0;
  const sums = { success: 0, failure: 0, nSuccess: 0, nFailure: 0 };
  for (const trajectory of trajectories) {
    const scores = await model.stepScores(trajectory);
    if (scores.length === 0) continue;
    const success = trajectory.outcome.success;
    let mean = 0;
    for (const s of scores) {
      mean += s;
      if (s > 0.5 === success) rightSteps++;
      if (success) sums.success += s;
      else sums.failure += s;
    }
    if (success) sums.nSuccess += scores.length;
    else sums.nFailure += scores.length;
    mean /= scores.length;
    if (mean > threshold === success) rightTrajectories++;
    steps += scores.length;
    scored++;
  }
  return {
    steps,
    stepAccuracy: steps === 0 ? 0 : rightSteps / steps,
    trajectories: scored,
    trajectoryAccuracy: scored === 0 ? 0 : rightTrajectories / scored,
    meanScoreSuccess: sums.nSuccess === 0 ? NaN : sums.success / sums.nSuccess,
    meanScoreFailure: sums.nFailure === 0 ? NaN : sums.failure / sums.nFailure,
  };
}
