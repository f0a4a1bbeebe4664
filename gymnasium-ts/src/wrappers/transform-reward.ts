/** `TransformReward`: applies `func` to every reward (gymnasium/wrappers/transform_reward.py). */
import { type Env, RewardWrapper } from '../core.ts';

export class TransformReward<Obs = unknown, Act = unknown> extends RewardWrapper<Obs, Act> {
  readonly func: (reward: number) => number;

  constructor(env: Env<Obs, Act>, func: (reward: number) => number) {
    super(env);
    if (typeof func !== 'function')
      throw new TypeError(`TransformReward: func must be a function, got ${typeof func}`);
    this.func = func;
  }

  reward(reward: number): number {
    return this.func(reward);
  }
}
