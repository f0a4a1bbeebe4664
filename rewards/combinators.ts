/**
 * Reward combinators: a weighted sum, all-of / any-of, and a fallback (the rule evaluators where a task has one,
 * a reward model or a judge otherwise). A combined reward names its parts, so a trajectory says exactly what
 * scored it.
 */
import type { Trajectory } from '../envs/tasks/trajectory.ts';
import type { RewardFn, RewardResult } from './reward-fn.ts';

const versionOf = (parts: readonly RewardFn[]) => parts.map((p) => `${p.name}@${p.version ?? '1'}`).join(',');

/** Σ wᵢ·rewardᵢ; success when the weighted reward reaches `threshold` (default: the sum of the weights). */
export function weightedSum(
  parts: readonly { fn: RewardFn; weight: number }[],
  threshold?: number,
): RewardFn {
  if (parts.length === 0) throw new RangeError('weightedSum needs at least one reward function');
  for (const p of parts)
    if (!Number.isFinite(p.weight))
      throw new RangeError(`weightedSum: the weight of '${p.fn.name}' is not finite`);
  const total = parts.reduce((s, p) => s + p.weight, 0);
  return {
    name: `sum(${parts.map((p) => `${p.weight}*${p.fn.name}`).join('+')})`,
    version: versionOf(parts.map((p) => p.fn)),
    async score(t) {
      const results = await Promise.all(parts.map((p) => p.fn.score(t)));
      const reward = results.reduce((s, r, i) => s + parts[i]!.weight * r.reward, 0);
      return {
        reward,
        success: reward >= (threshold ?? total) - 1e-9,
        sub_scores: Object.assign({}, ...results.map((r) => r.sub_scores ?? {})),
        reason: results.map((r, i) => `${parts[i]!.fn.name}: ${r.reward} (${r.reason ?? ''})`).join('; '),
      };
    },
  };
}

function logical(kind: 'all' | 'any', parts: readonly RewardFn[]): RewardFn {
  if (parts.length === 0) throw new RangeError(`${kind}Of needs at least one reward function`);
  return {
    name: `${kind}(${parts.map((p) => p.name).join(',')})`,
    version: versionOf(parts),
    async score(t) {
      const results = await Promise.all(parts.map((p) => p.score(t)));
      const success = kind === 'all' ? results.every((r) => r.success) : results.some((r) => r.success);
      return {
        reward: success ? 1 : 0,
        success,
        sub_scores: Object.assign({}, ...results.map((r) => r.sub_scores ?? {})),
        reason: results.map((r, i) => `${parts[i]!.name}: ${r.success ? 'success' : 'failure'}`).join('; '),
      };
    },
  };
}

export const allOf = (parts: readonly RewardFn[]) => logical('all', parts);
export const anyOf = (parts: readonly RewardFn[]) => logical('any', parts);

/**
 * `primary` where it applies (by default: the task has an evaluator), `secondary` otherwise. The result's
 * reason says which one judged.
 */
export function fallback(
  primary: RewardFn,
  secondary: RewardFn,
  applies: (t: Trajectory) => boolean = (t) => t.task.evaluator !== undefined,
): RewardFn {
  return {
    name: `${primary.name}|${secondary.name}`,
    version: versionOf([primary, secondary]),
    async score(t): Promise<RewardResult> {
      const fn = applies(t) ? primary : secondary;
      const result = await fn.score(t);
      return { ...result, reason: `[${fn.name}] ${result.reason ?? ''}`.trim() };
    },
  };
}
