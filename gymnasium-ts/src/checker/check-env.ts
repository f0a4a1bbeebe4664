/**
 * `checkEnv` / `checkAsyncEnv`: Gymnasium's `check_env` (gymnasium/utils/env_checker.py), the same checks in the
 * same order with the same pass / warn / fail outcomes. A failure throws `EnvCheckError` (whose `check` names
 * Gymnasium's function); a warning goes through the warnings channel (capture it with `captureWarnings`).
 *
 *  1. `env` is an `Env` (`AsyncEnv` for `checkAsyncEnv`); warn when it is wrapped.
 *  2. `actionSpace` exists, passes `checkActionSpace` and `checkSpaceLimit`.  3. Same for `observationSpace`.
 *  4. Warn if the env still has a `seed()` method.
 *  5. `reset()` returns `[obs, info]` with obs in the space and info an object.
 *  6. Seed determinism: `reset({seed: 123})`, `reset()`, `reset({seed: 123})`, `reset()`: the RNG state after both
 *     seeded resets is identical, and when the spec says the env is deterministic the observations are
 *     equivalent; `reset({seed: 456})` gives a different RNG state.
 *  7. `reset({options: {}})` works.
 *  8. The passive reset and step checks (`step` with `actionSpace.sample()`).
 *  9. Step determinism (unless `spec.nondeterministic`): with the action space seeded 123, `reset({seed: 123})`
 *     then `step(a)` twice gives equivalent results and RNG states, and does not truncate after one step.
 * 10. Render: the passive render check when a `renderMode` is set; with a spec, `make(spec, {renderMode})` for
 *     every declared mode and check each.  11. With a spec, a made env can be closed twice.
 *
 * JS has no signature introspection, so where Gymnasium reads `reset`'s signature this checks behaviour instead:
 * `reset({seed})` must not throw and must reseed `npRandom`; `reset()` without a seed must keep the generator.
 */
import { AsyncEnv, Env, type ResetArgs } from '../core.ts';
import { make } from '../registry/make.ts';
import type { Space } from '../spaces/space.ts';
import type { EnvSpec } from '../spec.ts';
import { dataEquivalence } from '../utils/data-equivalence.ts';
import { type Generator as RandomGenerator, type RngState, rngStatesEqual } from '../utils/seeding.ts';
import { warn } from '../utils/warnings.ts';
import { errorMessage, isPlainObject, isThenable, typeName } from './describe.ts';
import { EnvCheckError } from './errors.ts';
import {
  CREATE_ENV_DOCS,
  checkActionSpace,
  checkObservationSpace,
  checkRenderReturn,
  checkRenderSetup,
  checkResetResult,
  checkSpaceLimit,
  checkStepResult,
} from './passive.ts';

export interface CheckEnvOptions {
  /** Ignored, as in Gymnasium (it once silenced some warnings); passing it warns. */
  warn?: boolean | null;
  /** Skip the render checks (step 10). */
  skipRenderCheck?: boolean;
  /** Skip the close-twice check (step 11). */
  skipCloseCheck?: boolean;
}

type AnyEnv = Env<unknown, unknown> | AsyncEnv<unknown, unknown>;

/** One call into an env; the runner performs it (awaiting it for async envs) and sends back the result. */
type EnvCall =
  | { target: AnyEnv; method: 'reset'; args: ResetArgs | undefined }
  | { target: AnyEnv; method: 'step'; action: unknown }
  | { target: AnyEnv; method: 'render' }
  | { target: AnyEnv; method: 'close' }
  | { method: 'make'; spec: EnvSpec; renderMode?: string };

/** The checks, written once as a generator that yields env calls, so sync and async runners share them. */
type Checks = Generator<EnvCall, void, unknown>;

function* perform(call: EnvCall): Generator<EnvCall, unknown, unknown> {
  return yield call;
}

const reset = (target: AnyEnv, args?: ResetArgs) => perform({ target, method: 'reset', args });
const step = (target: AnyEnv, action: unknown) => perform({ target, method: 'step', action });

function fail(check: string, message: string, cause?: unknown): never {
  throw new EnvCheckError(check, message, cause === undefined ? undefined : { cause });
}

function describeCall(call: EnvCall): string {
  switch (call.method) {
    case 'reset':
      return call.args === undefined ? 'env.reset()' : `env.reset(${JSON.stringify(call.args)})`;
    case 'step':
      return 'env.step(action)';
    case 'make':
      return `make(${call.spec.id}${call.renderMode === undefined ? '' : `, {renderMode: '${call.renderMode}'}`})`;
    default:
      return `env.${call.method}()`;
  }
}

/** Starts a call; returns its result or a promise of it. */
function invoke(call: EnvCall): unknown {
  switch (call.method) {
    case 'reset':
      return call.args === undefined ? call.target.reset() : call.target.reset(call.args);
    case 'step':
      return call.target.step(call.action);
    case 'render':
      return call.target.render();
    case 'close':
      return call.target.close();
    case 'make':
      return make(call.spec, call.renderMode === undefined ? {} : { renderMode: call.renderMode });
  }
}

/** Which check is running, so an exception from the env can say where it happened. */
interface Progress {
  check: string;
}

/** An exception the env threw (not a failed check): rethrown as an EnvCheckError naming the check and the call. */
function envCallFailed(progress: Progress, call: EnvCall, error: unknown): EnvCheckError {
  const where = call.method === 'render' ? ` (renderMode '${String(call.target.renderMode)}')` : '';
  return new EnvCheckError(
    progress.check,
    `${progress.check}: \`${describeCall(call)}\`${where} threw ${errorMessage(error)}`,
    { cause: error },
  );
}

function runSync(checks: Checks, progress: Progress): void {
  let next = checks.next();
  while (!next.done) {
    const call = next.value;
    let result: unknown;
    try {
      result = invoke(call);
    } catch (error) {
      try {
        next = checks.throw(error);
      } catch (escaped) {
        throw escaped === error && !(error instanceof EnvCheckError)
          ? envCallFailed(progress, call, error)
          : escaped;
      }
      continue;
    }
    if (isThenable(result)) {
      // Keep an unhandled rejection from surfacing later; the check fails now.
      Promise.resolve(result).catch(() => undefined);
      fail(
        progress.check,
        `\`${describeCall(call)}\` returned a Promise: this env is asynchronous. ` +
          'Subclass AsyncEnv and check it with checkAsyncEnv, or make the method synchronous.',
      );
    }
    next = checks.next(result);
  }
}

async function runAsync(checks: Checks, progress: Progress): Promise<void> {
  let next = checks.next();
  while (!next.done) {
    const call = next.value;
    let result: unknown;
    try {
      result = await invoke(call);
    } catch (error) {
      try {
        next = checks.throw(error);
      } catch (escaped) {
        throw escaped === error && !(error instanceof EnvCheckError)
          ? envCallFailed(progress, call, error)
          : escaped;
      }
      continue;
    }
    next = checks.next(result);
  }
}

/** Checks that `env` follows the Gymnasium API. Throws `EnvCheckError` on a failure; warns on smaller problems. */
export function checkEnv(env: Env<unknown, unknown>, options: CheckEnvOptions = {}): void {
  if (!((env as unknown) instanceof Env)) {
    if ((env as unknown) instanceof AsyncEnv) {
      fail(
        'check_env',
        'The environment is an AsyncEnv: check it with `checkAsyncEnv` (and await the result).',
      );
    }
    fail(
      'check_env',
      `The environment must inherit from the gymnasium-ts Env class, actual class: ${typeName(env)}. ${CREATE_ENV_DOCS}`,
    );
  }
  const progress = { check: 'check_env' };
  runSync(checkEnvSteps(env, options, progress), progress);
}

/** `checkEnv` for an `AsyncEnv`: the same checks, awaiting every call into the env. */
export async function checkAsyncEnv(
  env: AsyncEnv<unknown, unknown>,
  options: CheckEnvOptions = {},
): Promise<void> {
  if (!((env as unknown) instanceof AsyncEnv)) {
    if ((env as unknown) instanceof Env)
      fail('check_env', 'The environment is a synchronous Env: check it with `checkEnv`.');
    fail(
      'check_env',
      `The environment must inherit from the gymnasium-ts AsyncEnv class, actual class: ${typeName(env)}. ${CREATE_ENV_DOCS}`,
    );
  }
  const progress = { check: 'check_env' };
  await runAsync(checkEnvSteps(env, options, progress), progress);
}

function* checkEnvSteps(env: AnyEnv, options: CheckEnvOptions, progress: Progress): Checks {
  if (options.warn !== undefined && options.warn !== null)
    warn('`checkEnv({warn})` parameter is now ignored.');
  if (env.unwrapped !== env) {
    warn(
      `The environment (${String(env)}) is different from the unwrapped version (${String(env.unwrapped)}). ` +
        'This could effect the environment checker as the environment most likely has a wrapper applied to it. ' +
        'We recommend using the raw environment for `checkEnv` using `env.unwrapped`.',
    );
  }

  // ============= the spaces =============
  const actionSpace = readSpace(env, 'actionSpace', 'action');
  checkActionSpace(actionSpace);
  checkSpaceLimit(actionSpace, 'action');
  const observationSpace = readSpace(env, 'observationSpace', 'observation');
  checkObservationSpace(observationSpace);
  checkSpaceLimit(observationSpace, 'observation');

  // ============= reset =============
  checkSeedDeprecation(env);
  progress.check = 'check_reset_return_type';
  yield* checkResetReturnType(env, observationSpace);
  progress.check = 'check_reset_seed_determinism';
  yield* checkResetSeedDeterminism(env, observationSpace);
  progress.check = 'check_reset_options';
  yield* checkResetOptions(env);

  // ============= what reset and step return =============
  progress.check = 'env_reset_passive_checker';
  checkResetResult(yield* reset(env), observationSpace);
  progress.check = 'env_step_passive_checker';
  checkStepResult(yield* step(env, actionSpace.sample()), observationSpace);

  // ============= step =============
  progress.check = 'check_step_determinism';
  yield* checkStepDeterminism(env, actionSpace);

  // ============= render and close =============
  if (!options.skipRenderCheck) {
    progress.check = 'env_render_passive_checker';
    if (env.renderMode !== null && env.renderMode !== undefined) {
      checkRenderSetup(env.metadata, env.renderMode);
      checkRenderReturn(env.renderMode, yield* perform({ target: env, method: 'render' }));
    }
    if (env.spec !== null && env.spec !== undefined) {
      const renderModes: unknown = env.metadata?.renderModes;
      for (const renderMode of Array.isArray(renderModes) ? renderModes : []) {
        yield* checkMadeEnvRenders(env.spec, String(renderMode));
      }
    } else {
      warn(
        'Not able to test alternative render modes due to the environment not having a spec. ' +
          'Try instantiating the environment through `make`',
      );
    }
  }
  if (!options.skipCloseCheck && env.spec !== null && env.spec !== undefined) {
    progress.check = 'check_close';
    const newEnv = (yield* perform({ method: 'make', spec: env.spec })) as AnyEnv;
    yield* perform({ target: newEnv, method: 'close' });
    try {
      yield* perform({ target: newEnv, method: 'close' });
    } catch (error) {
      warn(
        `Calling \`env.close()\` on the closed environment should be allowed, but it raised an exception: ${errorMessage(error)}`,
      );
    }
  }
}

function readSpace(env: AnyEnv, property: 'actionSpace' | 'observationSpace', spaceType: string): Space {
  let space: unknown;
  try {
    space = env[property];
  } catch (error) {
    fail('check_env', `Reading \`env.${property}\` threw: ${errorMessage(error)}. ${CREATE_ENV_DOCS}`, error);
  }
  if (space === undefined || space === null) {
    fail(
      'check_env',
      `The environment must specify an ${spaceType} space (\`${property}\`). ${CREATE_ENV_DOCS}`,
    );
  }
  return space as Space;
}

function checkSeedDeprecation(env: AnyEnv): void {
  if (typeof (env as unknown as { seed?: unknown }).seed === 'function') {
    warn(
      'Official support for the `seed` function is dropped. ' +
        'Standard practice is to reset gymnasium environments using `env.reset({seed: <desired seed>})`',
    );
  }
}

function* checkResetReturnType(env: AnyEnv, observationSpace: Space): Checks {
  const result = yield* reset(env);
  if (!Array.isArray(result)) {
    fail(
      'check_reset_return_type',
      'The result returned by `env.reset()` was not a tuple of the form `[obs, info]`, where `obs` is a observation ' +
        `and \`info\` is an object containing additional information. Actual type: \`${typeName(result)}\``,
    );
  }
  if (result.length !== 2) {
    fail(
      'check_reset_return_type',
      `Calling the reset method did not return a 2-tuple, actual length: ${result.length}`,
    );
  }
  const [obs, info] = result as [unknown, unknown];
  if (!observationSpace.contains(obs)) {
    fail(
      'check_reset_return_type',
      'The first element returned by `env.reset()` is not within the observation space.',
    );
  }
  if (!isPlainObject(info)) {
    fail(
      'check_reset_return_type',
      `The second element returned by \`env.reset()\` was not a plain object (a dict), actual type: ${typeName(info)}`,
    );
  }
}

/** The generator `reset` seeds: `_npRandom` without creating one (the public getter would). */
function envGenerator(env: AnyEnv): RandomGenerator | null {
  return (env.unwrapped as unknown as { _npRandom: RandomGenerator | null })._npRandom ?? null;
}

function rngState(env: AnyEnv): RngState | null {
  return envGenerator(env)?.getState() ?? null;
}

function* resetObs(
  env: AnyEnv,
  args: ResetArgs | undefined,
  observationSpace: Space,
  check: string,
): Generator<EnvCall, unknown, unknown> {
  const shown = args === undefined ? 'env.reset()' : `env.reset({seed: ${args.seed}})`;
  let result: unknown;
  try {
    result = yield* reset(env, args);
  } catch (error) {
    if (args === undefined) throw error;
    fail(
      check,
      `The environment cannot be reset with a seed: \`${shown}\` threw ${errorMessage(error)}. ` +
        '`reset` must accept `{seed, options}` and pass them to `super.reset(args)`.',
      error,
    );
  }
  const obs = (result as unknown[])[0];
  if (!observationSpace.contains(obs)) {
    fail(check, `The observation returned by \`${shown}\` is not within the observation space.`);
  }
  return obs;
}

function* checkResetSeedDeterminism(env: AnyEnv, observationSpace: Space): Checks {
  const check = 'check_reset_seed_determinism';
  const notCallingSuper = 'Most likely the environment reset function does not call `super.reset(args)`';

  const obs1 = yield* resetObs(env, { seed: 123 }, observationSpace, check);
  const generator1 = envGenerator(env);
  if (generator1 === null) {
    fail(
      check,
      'Expects the random number generator to have been generated given a seed was passed to reset. ' +
        `${notCallingSuper}.`,
    );
  }
  const seed123State1 = generator1.getState();

  const obs2 = yield* resetObs(env, undefined, observationSpace, check);
  if (envGenerator(env) !== generator1) {
    // Gymnasium warns when `reset`'s seed parameter defaults to a value; this is how that shows in behaviour.
    warn(
      '`env.reset()` without a seed replaced the random number generator. The default seed in `reset` should be ' +
        '`null`/`undefined`, otherwise the environment will by default always be deterministic.',
    );
  }

  const obs3 = yield* resetObs(env, { seed: 123 }, observationSpace, check);
  const seed123State3 = rngState(env);
  const obs4 = yield* resetObs(env, undefined, observationSpace, check);

  if (env.spec !== null && env.spec !== undefined && env.spec.nondeterministic === false) {
    if (!dataEquivalence(obs1, obs3)) {
      fail(
        check,
        'Using `env.reset({seed: 123})` is non-deterministic as the observations are not equivalent.',
      );
    }
    if (!dataEquivalence(obs2, obs4)) {
      fail(
        check,
        'Using `env.reset({seed: 123})` then `env.reset()` is non-deterministic as the observations are not equivalent.',
      );
    }
    if (!dataEquivalence(obs1, obs3, { exact: true })) {
      warn('Using `env.reset({seed: 123})` observations are not equal although similar.');
    }
    if (!dataEquivalence(obs2, obs4, { exact: true })) {
      warn('Using `env.reset({seed: 123})` then `env.reset()` observations are not equal although similar.');
    }
  }

  if (seed123State3 === null || !rngStatesEqual(seed123State1, seed123State3)) {
    fail(
      check,
      `${notCallingSuper} as the random generates are not same when the same seeds are passed to \`env.reset\`.`,
    );
  }

  yield* resetObs(env, { seed: 456 }, observationSpace, check);
  const seed456State = rngState(env);
  if (seed456State === null || rngStatesEqual(seed456State, seed123State1)) {
    fail(
      check,
      `${notCallingSuper} as the random number generators are not different when different seeds are passed to \`env.reset\`.`,
    );
  }
}

function* checkResetOptions(env: AnyEnv): Checks {
  try {
    yield* reset(env, { options: {} });
  } catch (error) {
    fail(
      'check_reset_options',
      `The environment cannot be reset with options: \`env.reset({options: {}})\` threw ${errorMessage(error)}. ` +
        '`reset` must accept `{seed, options}`.',
      error,
    );
  }
}

function* checkStepDeterminism(env: AnyEnv, actionSpace: Space, seed = 123): Checks {
  const check = 'check_step_determinism';
  if (env.spec !== null && env.spec !== undefined && env.spec.nondeterministic === true) return;

  actionSpace.seed(seed);
  const action = actionSpace.sample();

  yield* reset(env, { seed });
  const [obs0, rew0, term0, trunc0, info0] = fiveElements(yield* step(env, action), check);
  const seededState = rngState(env);

  yield* reset(env, { seed });
  const [obs1, rew1, term1, trunc1, info1] = fiveElements(yield* step(env, action), check);

  const stateNow = rngState(env);
  if (seededState === null || stateNow === null || !rngStatesEqual(stateNow, seededState)) {
    fail(check, 'The `npRandom` is not properly been updated after step.');
  }
  if (!dataEquivalence(obs0, obs1)) {
    fail(check, 'Deterministic step observations are not equivalent for the same seed and action');
  }
  if (!dataEquivalence(obs0, obs1, { exact: true })) {
    warn('Step observations are not equal although similar given the same seed and action');
  }
  if (!dataEquivalence(rew0, rew1)) {
    fail(
      check,
      `Deterministic step rewards are not equivalent for the same seed and action (got ${String(rew0)} and ${String(rew1)})`,
    );
  }
  if (!dataEquivalence(rew0, rew1, { exact: true })) {
    warn('Step rewards are not equal although similar given the same seed and action');
  }
  if (!dataEquivalence(term0, term1, { exact: true })) {
    fail(check, 'Deterministic step termination are not equivalent for the same seed and action');
  }
  if (trunc0 !== false || trunc1 !== false) {
    fail(check, 'Environment truncates after 1 step, something has gone very wrong.');
  }
  if (!dataEquivalence(info0, info1)) {
    fail(check, 'Deterministic step info are not equivalent for the same seed and action');
  }
  if (!dataEquivalence(info0, info1, { exact: true })) {
    warn('Step info are not equal although similar given the same seed and action');
  }
}

/** Python unpacks five values here and raises if there are not five; say what was expected instead. */
function fiveElements(result: unknown, check: string): unknown[] {
  const length = Array.isArray(result) ? result.length : typeName(result);
  if (!Array.isArray(result) || result.length !== 5) {
    fail(
      check,
      `Expected \`env.step\` to return 5 elements [obs, reward, terminated, truncated, info], got ${length}.`,
    );
  }
  return result;
}

function* checkMadeEnvRenders(spec: EnvSpec, renderMode: string): Checks {
  const newEnv = (yield* perform({ method: 'make', spec, renderMode })) as AnyEnv;
  yield* reset(newEnv);
  checkRenderSetup(newEnv.metadata, newEnv.renderMode);
  const frame = yield* perform({ target: newEnv, method: 'render' });
  if (newEnv.renderMode !== null && newEnv.renderMode !== undefined)
    checkRenderReturn(newEnv.renderMode, frame);
  yield* perform({ target: newEnv, method: 'close' });
}
