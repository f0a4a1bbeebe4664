/**
 * The trajectory contract (DESIGN.md, "Trajectory"): one episode of one task, as actors produce it, reward
 * functions score it, the store keeps it and harvesting exports it. Plain data only (it crosses threads and is
 * stored with msgpackr), so observations and infos are whatever JSON-compatible values the env produced.
 */
import type { TaskRecord } from './schema.ts';

export interface PolicyRef {
  name: string;
  version: string;
}

export interface TrajectoryStep<Obs = unknown, Act = unknown> {
  obs: Obs;
  action: Act;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: Record<string, unknown>;
  /** Wall-clock milliseconds the step took (policy + env). */
  ms: number;
}

/** UFO's execution verdict (`sub_scores` values "yes" | "no" | "unsure"), plus the reward that scored it. */
export interface EpisodeOutcome {
  success: boolean;
  reward: number;
  sub_scores: Record<string, 'yes' | 'no' | 'unsure'>;
  reason: string;
  /** The reward function's name; `reward_error` when it threw (the reason then holds its message). */
  reward_fn: string;
  /** The reward function's version, when it declares one. */
  reward_fn_version?: string;
  error?: 'reward_error' | 'policy_error' | 'env_error';
}

export interface Trajectory<Obs = unknown, Act = unknown> {
  episode_id: string;
  run_id: string;
  task: TaskRecord;
  attempt: number;
  policy: PolicyRef;
  seed: number;
  steps: TrajectoryStep<Obs, Act>[];
  /** The observation after the last step: the final document, which evaluators judge. */
  final_obs?: Obs;
  outcome: EpisodeOutcome;
  timing: { started_at: string; ms: number };
}
