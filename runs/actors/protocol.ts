/** What the main thread sends an actor and what comes back: plain data, trajectories as packed bytes. */
import type { SamplingSettings } from '../../agents/policy.ts';
import type { TaskRecord } from '../../envs/tasks/schema.ts';
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

export interface ActorResult {
  /** One self-contained msgpackr record per episode, in the order of the job's episodes. */
  packed: ArrayBuffer[];
  steps: number;
  ms: number;
}
