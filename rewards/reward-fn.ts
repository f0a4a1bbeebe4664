/**
 * The `RewardFn` contract (DESIGN.md): `score(trajectory) → {reward, success, per_step?, sub_scores?, reason?}`,
 * sync or async, with a name that every scored trajectory records. `scoreSafely` is how the run engine calls
 * one: a reward function that throws or returns nonsense marks the episode `reward_error` and the run goes on.
 */
import type { EpisodeOutcome, Trajectory } from '../envs/tasks/trajectory.ts';

export type SubScore = 'yes' | 'no' | 'unsure';

export interface RewardResult {
  reward: number;
  success: boolean;
  /** One reward per step, for learners that credit steps (sums need not equal `reward`). */
  per_step?: number[];
  sub_scores?: Record<string, SubScore>;
  reason?: string;
}

export interface RewardFn {
  readonly name: string;
  /** Recorded with every outcome it produces (default '1'), so a changed reward function is told apart. */
  readonly version?: string;
  score(trajectory: Trajectory): RewardResult | Promise<RewardResult>;
}

/** Scores a trajectory; never throws. The outcome says `reward_error` and why when the function failed. */
export async function scoreSafely(
  fn: RewardFn,
  trajectory: Trajectory,
): Promise<EpisodeOutcome & { per_step?: number[] }> {
  let result: RewardResult;
  try {
    result = await fn.score(trajectory);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return failed(fn.name, `the reward function '${fn.name}' threw ${message}`, fn.version);
  }
  const problem = resultProblem(result);
  if (problem !== null)
    return failed(fn.name, `the reward function '${fn.name}' returned ${problem}`, fn.version);
  const outcome: EpisodeOutcome & { per_step?: number[] } = {
    success: result.success,
    reward: result.reward,
    sub_scores: result.sub_scores ?? {},
    reason: result.reason ?? '',
    reward_fn: fn.name,
    reward_fn_version: fn.version ?? '1',
  };
  if (result.per_step !== undefined) outcome.per_step = result.per_step;
  return outcome;
}

function failed(name: string, reason: string, version = '1'): EpisodeOutcome {
  return {
    success: false,
    reward: 0,
    sub_scores: {},
    reason,
    reward_fn: name,
    reward_fn_version: version,
    error: 'reward_error',
  };
}

function resultProblem(result: unknown): string | null {
  if (result === null || typeof result !== 'object')
    return `${result === null ? 'null' : typeof result} instead of {reward, success}`;
  const r = result as Partial<RewardResult>;
  if (typeof r.reward !== 'number' || !Number.isFinite(r.reward))
    return `a reward that is not a finite number (${String(r.reward)})`;
  if (typeof r.success !== 'boolean') return `a success flag that is not a boolean (${String(r.success)})`;
  if (
    r.per_step !== undefined &&
    !(Array.isArray(r.per_step) && r.per_step.every((x) => typeof x === 'number' && Number.isFinite(x)))
  ) {
    return 'per_step that is not an array of finite numbers';
  }
  if (r.sub_scores !== undefined) {
    for (const [key, value] of Object.entries(r.sub_scores)) {
      if (value !== 'yes' && value !== 'no' && value !== 'unsure')
        return `sub_scores.${key} = ${JSON.stringify(value)} (expected yes, no or unsure)`;
    }
  }
  return null;
}
