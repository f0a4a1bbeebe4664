/** The `rule` reward: the task family's evaluator (1 for success, 0 otherwise); tasks without one score 0. */
import { evaluateTrajectory } from '../envs/tasks/evaluate.ts';
import type { RewardFn } from './reward-fn.ts';

export const ruleReward: RewardFn = {
  name: 'rule',
  score(trajectory) {
    const verdict = evaluateTrajectory(trajectory);
    if (verdict === null)
      return { reward: 0, success: false, reason: 'no evaluator: the task has no rule to judge it by' };
    return {
      reward: verdict.success ? 1 : 0,
      success: verdict.success,
      sub_scores: verdict.sub_scores,
      reason: verdict.reason,
    };
  },
};
