/**
 * `Autoreset`: resets the env by itself, with Gymnasium 1.x's next-step semantics (gymnasium/wrappers/common.py).
 *
 * The step that ends an episode returns the final observation, reward and flags as usual. The NEXT call to
 * `step` ignores its action, resets the env (without a seed, so the generator stream continues) and returns
 * `(firstObs, 0, false, false, resetInfo)`. An explicit `reset` clears the pending autoreset.
 */
import { type Env, type ResetArgs, type ResetResult, type StepResult, Wrapper } from '../core.ts';

export class Autoreset<Obs = unknown, Act = unknown> extends Wrapper<Obs, Act> {
  /** Whether the next `step` resets instead of stepping. */
  autoreset = false;

  constructor(env: Env<Obs, Act>) {
    super(env);
  }

  static fromKwargs<O, A>(env: Env<O, A>): Autoreset<O, A> {
    return new Autoreset(env);
  }

  override reset(args?: ResetArgs): ResetResult<Obs> {
    this.autoreset = false;
    return this.env.reset(args);
  }

  override step(action: Act): StepResult<Obs> {
    let result: StepResult<Obs>;
    if (this.autoreset) {
      const [obs, info] = this.env.reset();
      result = [obs, 0, false, false, info];
    } else {
      result = this.env.step(action);
    }
    this.autoreset = result[2] || result[3];
    return result;
  }
}
