/**
 * `TimeLimit`: truncates an episode after `maxEpisodeSteps` steps (gymnasium/wrappers/common.py).
 *
 * The limit sets `truncated`, never `terminated`: running out of time is outside the MDP. Both can be true on
 * the same step when the env terminates exactly at the limit. `make` adds this wrapper when a spec has
 * `maxEpisodeSteps`; the spec seen through it reports the limit it applies.
 */
import { type Env, type ResetArgs, type ResetResult, type StepResult, Wrapper } from '../core.ts';
import { ResetNeeded } from '../errors.ts';
import type { EnvSpec } from '../spec.ts';

export class TimeLimit<Obs = unknown, Act = unknown> extends Wrapper<Obs, Act> {
  readonly maxEpisodeSteps: number;
  private _elapsedSteps: number | null = null;
  private cachedSpec: { from: EnvSpec; spec: EnvSpec } | null = null;

  constructor(env: Env<Obs, Act>, maxEpisodeSteps: number) {
    super(env);
    if (!Number.isSafeInteger(maxEpisodeSteps) || maxEpisodeSteps <= 0) {
      throw new RangeError(
        `TimeLimit: maxEpisodeSteps must be a positive integer, got ${String(maxEpisodeSteps)}`,
      );
    }
    this.maxEpisodeSteps = maxEpisodeSteps;
  }

  /** For `make`'s additional wrappers: `{maxEpisodeSteps}`. */
  static fromKwargs<O, A>(env: Env<O, A>, kwargs: Record<string, unknown>): TimeLimit<O, A> {
    return new TimeLimit(env, kwargs.maxEpisodeSteps as number);
  }

  /** Steps taken since the last reset; null before the first reset. */
  get elapsedSteps(): number | null {
    return this._elapsedSteps;
  }

  override step(action: Act): StepResult<Obs> {
    if (this._elapsedSteps === null)
      throw new ResetNeeded('Cannot call env.step() before calling env.reset()');
    const [obs, reward, terminated, truncated, info] = this.env.step(action);
    this._elapsedSteps += 1;
    return [obs, reward, terminated, truncated || this._elapsedSteps >= this.maxEpisodeSteps, info];
  }

  override reset(args?: ResetArgs): ResetResult<Obs> {
    this._elapsedSteps = 0;
    return this.env.reset(args);
  }

  /** The wrapped env's spec with `maxEpisodeSteps` set to this wrapper's limit. */
  override get spec(): EnvSpec | null {
    const inner = this.env.spec;
    if (inner === null) return null;
    if (this.cachedSpec?.from !== inner) {
      this.cachedSpec = { from: inner, spec: { ...inner, maxEpisodeSteps: this.maxEpisodeSteps } };
    }
    return this.cachedSpec.spec;
  }
  override set spec(value: EnvSpec | null) {
    this.env.spec = value;
  }
}
