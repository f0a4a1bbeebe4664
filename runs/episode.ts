/**
 * One episode of one task: reset the env with the task and the episode's seed, let the policy act until the env
 * terminates or truncates, then score the trajectory. Nothing that goes wrong inside is allowed to lose the
 * episode: a policy that throws ends it with `policy_error`, a reset that fails gives `env_error`, a reward
 * function that throws gives `reward_error`; the trajectory is returned in every case.
 */
import type { Env } from 'gymnasium-ts';
import { npRandom } from 'gymnasium-ts';
import type { Policy, SamplingSettings } from '../agents/policy.ts';
import type { TaskRecord } from '../envs/tasks/schema.ts';
import type { EpisodeOutcome, Trajectory, TrajectoryStep } from '../envs/tasks/trajectory.ts';
import { type RewardFn, scoreSafely } from '../rewards/reward-fn.ts';
import { episodeId } from './seeds.ts';

export interface EpisodeSpec {
  runId: string;
  task: TaskRecord;
  attempt: number;
  seed: number;
  sampling?: SamplingSettings;
}

export async function runEpisode<Obs, Act>(
  env: Env<Obs, Act>,
  policy: Policy<Obs, Act>,
  reward: RewardFn,
  spec: EpisodeSpec,
): Promise<Trajectory<Obs, Act>> {
  const started = performance.now();
  const trajectory: Trajectory<Obs, Act> = {
    episode_id: episodeId(spec.runId, spec.task.app, spec.task.unique_id, spec.attempt),
    run_id: spec.runId,
    task: spec.task,
    attempt: spec.attempt,
    policy: { name: policy.name, version: policy.version },
    seed: spec.seed,
    steps: [],
    outcome: { success: false, reward: 0, sub_scores: {}, reason: '', reward_fn: reward.name },
    timing: { started_at: new Date().toISOString(), ms: 0 },
  };
  const failure = await play(env, policy, spec, trajectory);
  if (failure !== null) {
    trajectory.outcome = { ...trajectory.outcome, ...failure };
  } else {
    const { per_step: perStep, ...outcome } = await scoreSafely(reward, trajectory as Trajectory);
    trajectory.outcome = outcome;
    if (perStep !== undefined)
      perStep.forEach((r, i) => trajectory.steps[i] !== undefined && (trajectory.steps[i].reward = r));
  }
  trajectory.timing.ms = performance.now() - started;
  return trajectory;
}

async function play<Obs, Act>(
  env: Env<Obs, Act>,
  policy: Policy<Obs, Act>,
  spec: EpisodeSpec,
  trajectory: Trajectory<Obs, Act>,
): Promise<Pick<EpisodeOutcome, 'error' | 'reason'> | null> {
  let obs: Obs;
  try {
    [obs] = env.reset({ seed: spec.seed, options: { task: spec.task } });
  } catch (error) {
    return { error: 'env_error', reason: `reset failed: ${describe(error)}` };
  }
  // The policy's own stream, separate from the env's, both derived from the episode seed.
  const rng = npRandom(spec.seed)[0];
  const steps: TrajectoryStep<Obs, Act>[] = trajectory.steps;
  for (let step = 0; ; step++) {
    const t0 = performance.now();
    let action: Act;
    try {
      action = await policy.act(obs, { ...spec.sampling, rng, seed: spec.seed, step, task: spec.task });
    } catch (error) {
      return {
        error: 'policy_error',
        reason: `the policy '${policy.name}' threw at step ${step}: ${describe(error)}`,
      };
    }
    let result: ReturnType<Env<Obs, Act>['step']>;
    try {
      result = env.step(action);
    } catch (error) {
      return { error: 'env_error', reason: `step ${step} failed: ${describe(error)}` };
    }
    const [next, stepReward, terminated, truncated, info] = result;
    const policyInfo = policy.lastStepInfo?.();
    steps.push({
      obs,
      action,
      reward: stepReward,
      terminated,
      truncated,
      info: policyInfo === undefined ? info : { ...info, policy: policyInfo },
      ms: performance.now() - t0,
    });
    obs = next;
    trajectory.final_obs = next;
    if (terminated || truncated) return null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
