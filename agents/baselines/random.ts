/**
 * The `random` baseline: a uniformly random valid action of the current observation (agents/candidates.ts),
 * drawn from the episode's generator so a seeded episode replays exactly. `finishProbability` keeps episodes
 * from ending after a step or two just because FINISH is one candidate among few.
 */
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import { candidateActions } from '../candidates.ts';
import type { Policy, PolicyContext } from '../policy.ts';

export interface RandomPolicyOptions {
  /** Probability of answering FINISH at a step (default 0.05); otherwise a uniform non-FINISH candidate. */
  finishProbability?: number;
}

export class RandomPolicy implements Policy<OfficeObservation, OfficeAction> {
  readonly name = 'random';
  readonly version = '1';
  private readonly finishProbability: number;

  constructor(options: RandomPolicyOptions = {}) {
    this.finishProbability = options.finishProbability ?? 0.05;
    if (!(this.finishProbability >= 0 && this.finishProbability <= 1)) {
      throw new RangeError(`finishProbability must be in [0, 1], got ${this.finishProbability}`);
    }
  }

  act(observation: OfficeObservation, context: PolicyContext): OfficeAction {
    // A random agent never gives up: FAIL is left out, FINISH comes with `finishProbability`.
    const candidates = candidateActions(observation).filter((c) => c.status !== 'FAIL');
    const finish = candidates.pop()!;
    if (candidates.length === 0 || context.rng.random() < this.finishProbability) return finish;
    return candidates[context.rng.integers(candidates.length)]!;
  }
}
