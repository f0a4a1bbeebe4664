/**
 * `OrderEnforcing`: refuses `step` (and, unless disabled, `render`) before the first `reset`, with Gymnasium's
 * `ResetNeeded` error (gymnasium/wrappers/common.py). `make` adds it when a spec has `orderEnforce`.
 */
import { type Env, type ResetArgs, type ResetResult, type StepResult, Wrapper } from '../core.ts';
import { ResetNeeded } from '../errors.ts';
import type { EnvSpec } from '../spec.ts';

export interface OrderEnforcingOptions {
  /** Allow `render()` before the first `reset()` (some envs can draw their initial state). */
  disableRenderOrderEnforcing?: boolean;
}

export class OrderEnforcing<Obs = unknown, Act = unknown> extends Wrapper<Obs, Act> {
  readonly disableRenderOrderEnforcing: boolean;
  private _hasReset = false;
  private cachedSpec: { from: EnvSpec; spec: EnvSpec } | null = null;

  constructor(env: Env<Obs, Act>, { disableRenderOrderEnforcing = false }: OrderEnforcingOptions = {}) {
    super(env);
    this.disableRenderOrderEnforcing = disableRenderOrderEnforcing;
  }

  /** For `make`'s additional wrappers. */
  static fromKwargs<O, A>(env: Env<O, A>, kwargs: Record<string, unknown>): OrderEnforcing<O, A> {
    return new OrderEnforcing(env, kwargs as OrderEnforcingOptions);
  }

  /** Whether `reset` has been called at least once. */
  get hasReset(): boolean {
    return this._hasReset;
  }

  override step(action: Act): StepResult<Obs> {
    if (!this._hasReset) throw new ResetNeeded('Cannot call env.step() before calling env.reset()');
    return this.env.step(action);
  }

  override reset(args?: ResetArgs): ResetResult<Obs> {
    this._hasReset = true;
    return this.env.reset(args);
  }

  override render(): unknown {
    if (!this.disableRenderOrderEnforcing && !this._hasReset) {
      throw new ResetNeeded(
        'Cannot call `env.render()` before calling `env.reset()`, if this is an intended action, ' +
          'set `disableRenderOrderEnforcing: true` on the OrderEnforcing wrapper.',
      );
    }
    return this.env.render();
  }

  /** The wrapped env's spec with `orderEnforce: true`. */
  override get spec(): EnvSpec | null {
    const inner = this.env.spec;
    if (inner === null) return null;
    if (this.cachedSpec?.from !== inner)
      this.cachedSpec = { from: inner, spec: { ...inner, orderEnforce: true } };
    return this.cachedSpec.spec;
  }
  override set spec(value: EnvSpec | null) {
    this.env.spec = value;
  }
}
