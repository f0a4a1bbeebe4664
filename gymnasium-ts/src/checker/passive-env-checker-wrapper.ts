/**
 * `PassiveEnvChecker` (gymnasium/wrappers/common.py): the wrapper `make` puts right around every env unless
 * `disableEnvChecker`. It checks the spaces when built, and what `reset`, `step` and `render` return on their
 * FIRST call only, so it costs nothing afterwards. It warns about most problems and throws only where
 * Gymnasium asserts or raises.
 */
import { type Env, type ResetArgs, type ResetResult, type StepResult, Wrapper } from '../core.ts';
import type { EnvSpec } from '../spec.ts';
import { warn } from '../utils/warnings.ts';
import { EnvCheckError } from './errors.ts';
import {
  CREATE_ENV_DOCS,
  checkActionSpace,
  checkObservationSpace,
  envRenderPassiveChecker,
  envResetPassiveChecker,
  envStepPassiveChecker,
} from './passive.ts';

export class PassiveEnvChecker<Obs = unknown, Act = unknown> extends Wrapper<Obs, Act, Obs, Act> {
  checkedReset = false;
  checkedStep = false;
  checkedRender = false;
  closeCalled = false;
  private cachedSpec: EnvSpec | null = null;

  constructor(env: Env<Obs, Act>) {
    super(env);
    if (env.actionSpace === undefined || env.actionSpace === null) {
      throw new EnvCheckError(
        'PassiveEnvChecker',
        `The environment must specify an action space. ${CREATE_ENV_DOCS}`,
      );
    }
    checkActionSpace(env.actionSpace);
    if (env.observationSpace === undefined || env.observationSpace === null) {
      throw new EnvCheckError(
        'PassiveEnvChecker',
        `The environment must specify an observation space. ${CREATE_ENV_DOCS}`,
      );
    }
    checkObservationSpace(env.observationSpace);
  }

  override step(action: Act): StepResult<Obs> {
    if (this.checkedStep) return this.env.step(action);
    this.checkedStep = true;
    return envStepPassiveChecker(this.env, action);
  }

  override reset(args?: ResetArgs): ResetResult<Obs> {
    if (this.checkedReset) return this.env.reset(args);
    this.checkedReset = true;
    return envResetPassiveChecker(this.env, args);
  }

  override render(): unknown {
    if (this.checkedRender) return this.env.render();
    this.checkedRender = true;
    return envRenderPassiveChecker(this.env as Env<unknown, unknown>);
  }

  /** The inner env's spec with `disableEnvChecker: false`, since this checker is applied. */
  override get spec(): EnvSpec | null {
    if (this.cachedSpec !== null) return this.cachedSpec;
    const inner = this.env.spec;
    this.cachedSpec = inner === null ? null : { ...inner, disableEnvChecker: false };
    return this.cachedSpec;
  }
  override set spec(value: EnvSpec | null) {
    this.env.spec = value;
    this.cachedSpec = null;
  }

  /** The first close is passed through; a later close that throws is reported, then rethrown (as Gymnasium). */
  override close(): void {
    if (!this.closeCalled) {
      this.closeCalled = true;
      this.env.close();
      return;
    }
    try {
      this.env.close();
    } catch (error) {
      warn(
        'Calling `env.close()` on the closed environment should be allowed, but it raised the following exception.',
      );
      throw error;
    }
  }
}
