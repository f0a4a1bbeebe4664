/** What the main thread sends an actor and what comes back: plain data, trajectories as packed bytes. */
import type { SamplingSettings } from '../../agents/policy.ts';
import type { TaskRecord } from '../../envs/tasks/schema.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import type { PolicySpec, RewardSpec } from './specs.ts';

export interface ActorEpisode {
  task: TaskRecord;
  attempt: number;
  seed: number;
}

export interface ActorJob {
  runId: string;
  policy: PolicySpec;
  reward: RewardSpec;
  sampling: SamplingSettings;
  maxSteps: number;
  episodes: ActorEpisode[];
}

/**
 * What the main thread needs of a trajectory to index it and write its metrics row, so that it never has to
 * unpack the whole trajectory (observations are most of its bytes).
 */
export interface TrajectoryHead {
  episode_id: string;
  task_id: string;
  app: string;
  attempt: number;
  seed: number;
  policy: { name: string; version: string };
  outcome: { success: boolean; reward: number; error?: string };
  steps: number;
  invalid_actions: number;
  ms: number;
}

export function trajectoryHead(t: Trajectory): TrajectoryHead {
  return {
    episode_id: t.episode_id,
    task_id: t.task.unique_id,
    app: t.task.app,
    attempt: t.attempt,
    seed: t.seed,
    policy: t.policy,
    outcome: {
      success: t.outcome.success,
      reward: t.outcome.reward,
      ...(t.outcome.error === undefined ? {} : { error: t.outcome.error }),
    },
    steps: t.steps.length,
    invalid_actions: t.steps.filter((s) => s.info.error !== undefined).length,
    ms: t.timing.ms,
  };
}

export interface ActorResult {
  /** One self-contained msgpackr record per episode, in the order of the job's episodes. */
  packed: ArrayBuffer[];
  /** The head of each packed trajectory, in the same order. */
  heads: TrajectoryHead[];
  steps: number;
  ms: number;
}
