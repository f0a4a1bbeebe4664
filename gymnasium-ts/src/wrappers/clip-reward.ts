/**
 * `ClipReward`: clips every reward to `[minReward, maxReward]`; either bound may be left out, not both
 * (gymnasium/wrappers/transform_reward.py).
 */
import type { Env } from '../core.ts';
import { GymError } from '../errors.ts';
import { TransformReward } from './transform-reward.ts';

export interface ClipRewardOptions {
  minReward?: number | null;
  maxReward?: number | null;
}

export class ClipReward<Obs = unknown, Act = unknown> extends TransformReward<Obs, Act> {
  readonly minReward: number | null;
  readonly maxReward: number | null;

  constructor(env: Env<Obs, Act>, { minReward = null, maxReward = null }: ClipRewardOptions = {}) {
    if (minReward === null && maxReward === null) {
      throw new GymError('ClipReward: minReward and maxReward cannot both be null');
    }
    for (const [name, bound] of [
      ['minReward', minReward],
      ['maxReward', maxReward],
    ] as const) {
      if (bound !== null && (typeof bound !== 'number' || Number.isNaN(bound))) {
        throw new TypeError(`ClipReward: ${name} must be a number or null, got ${String(bound)}`);
      }
    }
    if (minReward !== null && maxReward !== null && maxReward < minReward) {
      throw new GymError(
        `ClipReward: min reward (${minReward}) must be smaller than max reward (${maxReward})`,
      );
    }
    super(env, (reward) => clip(reward, minReward, maxReward));
    this.minReward = minReward;
    this.maxReward = maxReward;
  }

  static fromKwargs<O, A>(env: Env<O, A>, kwargs: Record<string, unknown>): ClipReward<O, A> {
    return new ClipReward(env, kwargs as ClipRewardOptions);
  }
}

function clip(value: number, low: number | null, high: number | null): number {
  let clipped = value;
  if (low !== null && clipped < low) clipped = low;
  if (high !== null && clipped > high) clipped = high;
  return clipped;
}
