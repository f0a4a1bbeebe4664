import { describe, expect, it } from 'vitest';
import { checkAsyncEnv, checkEnv, type CheckEnvOptions } from '../../src/checker/check-env.ts';
import { EnvCheckError } from '../../src/checker/errors.ts';
import { type AsyncEnv, Env, type ResetArgs, type ResetResult, type StepResult } from '../../src/core.ts';
import { Box } from '../../src/spaces/box.ts';
import { Discrete as DiscreteSpace } from '../../src/spaces/discrete.ts';
import { CartPoleEnv } from '../../src/envs/cartpole.ts';
import { make } from '../../src/index.ts';
import { createEnvSpec } from '../../src/registry/env-spec.ts';
import { captureWarnings, captureWarningsAsync, DeprecationWarning } from '../../src/utils/warnings.ts';
import { RandomWalkAsyncEnv, RandomWalkEnv, type RandomWalkOptions } from './fixtures/random-walk.ts';

const NO_SPEC_WARNING =
  'Not able to test alternative render modes due to the environment not having a spec. ' +
  'Try instantiating the environment through `make`';

interface Outcome {
  error: EnvCheckError | null;
  warnings: string[];
  deprecations: string[];
}

function runCheck(env: Env<unknown, unknown>, options: CheckEnvOptions = {}): Outcome {
  const { result, warnings } = captureWarnings(() => {
    try {
      checkEnv(env, options);
      return null;
    } catch (error) {
      if (!(error instanceof EnvCheckError)) throw error;
      return error;
    }
  });
  return {
    error: result,
    warnings: warnings.filter((w) => !(w instanceof DeprecationWarning)).map((w) => w.message),
    deprecations: warnings.filter((w) => w instanceof DeprecationWarning).map((w) => w.message),
  };
}

/** An env made from a spec whose entry point builds `Cls` (so the render-mode and close checks run). */
function made<E extends Env<unknown, unknown>>(
  Cls: new (options: RandomWalkOptions) => E,
  { nondeterministic = false, renderMode }: { nondeterministic?: boolean; renderMode?: string } = {},
): Env<unknown, unknown> {
  const spec = createEnvSpec({
    id: `test/${Cls.name}-v0`,
    entryPoint: (kwargs) => new Cls(kwargs as RandomWalkOptions),
    nondeterministic,
  });
  return make(spec, renderMode === undefined ? {} : { renderMode }).unwrapped;
}

describe('checkEnv on well-formed envs', () => {
  it('passes a seeded random-walk env made from a spec, with no warning at all', () => {
    const outcome = runCheck(made(RandomWalkEnv));
    expect(outcome).toEqual({ error: null, warnings: [], deprecations: [] });
  });

  it('passes it with a render mode set, checking the ansi render', () => {
    const outcome = runCheck(made(RandomWalkEnv, { renderMode: 'ansi' }));
    expect(outcome).toEqual({ error: null, warnings: [], deprecations: [] });
  });

  it('passes a directly constructed env, warning that render modes cannot be tested without a spec', () => {
    expect(runCheck(new RandomWalkEnv())).toEqual({
      error: null,
      warnings: [NO_SPEC_WARNING],
      deprecations: [],
    });
  });

  it('skipRenderCheck / skipCloseCheck skip those checks', () => {
    expect(runCheck(new RandomWalkEnv(), { skipRenderCheck: true }).warnings).toEqual([]);
  });

  it('warns when given a wrapped env, and that the warn option is ignored', () => {
    const wrapped = make(createEnvSpec({ id: 'test/Walk-v0', entryPoint: () => new RandomWalkEnv() }));
    const outcome = runCheck(wrapped, { warn: true });
    expect(outcome.error).toBeNull();
    expect(outcome.warnings[0]).toBe('`checkEnv({warn})` parameter is now ignored.');
    expect(outcome.warnings[1]).toMatch(
      /^The environment \(<OrderEnforcing<PassiveEnvChecker<RandomWalkEnv<test\/Walk-v0>>>>\) is different from the unwrapped version \(<RandomWalkEnv<test\/Walk-v0>>\)/,
    );
  });

  it('passes CartPole-v1 from make, including its ansi render mode and the close check', () => {
    expect(runCheck(make('CartPole-v1').unwrapped)).toEqual({ error: null, warnings: [], deprecations: [] });
    expect(runCheck(make('CartPole-v1', { renderMode: 'ansi' }).unwrapped)).toEqual({
      error: null,
      warnings: [],
      deprecations: [],
    });
  });

  it('passes CartPole-v1 as make returns it (wrapped), warning only that it is wrapped', () => {
    const env = make('CartPole-v1');
    expect(runCheck(env)).toEqual({
      error: null,
      warnings: [
        `The environment (${String(env)}) is different from the unwrapped version (${String(env.unwrapped)}). ` +
          'This could effect the environment checker as the environment most likely has a wrapper applied to it. ' +
          'We recommend using the raw environment for `checkEnv` using `env.unwrapped`.',
      ],
      deprecations: [],
    });
    expect(String(env)).toBe('<TimeLimit<OrderEnforcing<PassiveEnvChecker<CartPoleEnv<CartPole-v1>>>>>');
  });

  it('passes a directly constructed CartPoleEnv, warning only that it has no spec', () => {
    expect(runCheck(new CartPoleEnv())).toEqual({
      error: null,
      warnings: [NO_SPEC_WARNING],
      deprecations: [],
    });
  });

  it('warns about infinite Box bounds and an un-normalised 1-D action Box', () => {
    class UnboundedWalk extends RandomWalkEnv {
      override observationSpace = new Box(-Infinity, Infinity, { shape: [1] });
    }
    class WideActions extends Env<Float32Array, Float32Array> {
      actionSpace = new Box(-2, 2, { shape: [2] });
      observationSpace = new Box(-1, 1, { shape: [1] });
      override reset(args?: ResetArgs): ResetResult<Float32Array> {
        super.reset(args);
        return [Float32Array.of(this.npRandom.uniform(-1, 1)), {}];
      }
      step(): StepResult<Float32Array> {
        return [Float32Array.of(this.npRandom.uniform(-1, 1)), 0, false, false, {}];
      }
    }
    expect(runCheck(new UnboundedWalk(), { skipRenderCheck: true }).warnings).toEqual([
      'A Box observation space minimum value is -infinity. This is probably too low.',
      'A Box observation space maximum value is infinity. This is probably too high.',
    ]);
    expect(runCheck(new WideActions(), { skipRenderCheck: true }).warnings).toEqual([
      'For Box action spaces, we recommend using a symmetric and normalized space (range=[-1, 1] or [0, 1]). ' +
        'See https://stable-baselines3.readthedocs.io/en/master/guide/rl_tips.html for more information.',
    ]);
  });
});

describe('checkEnv on envs broken in exactly one way', () => {
  function expectFailure(env: Env<unknown, unknown>, check: string, message: string | RegExp): Outcome {
    const outcome = runCheck(env);
    expect(outcome.error, `expected ${check} to fail`).not.toBeNull();
    expect(outcome.error!.check).toBe(check);
    if (typeof message === 'string') expect(outcome.error!.message).toBe(message);
    else expect(outcome.error!.message).toMatch(message);
    return outcome;
  }

  it('no action space', () => {
    class NoActionSpace extends RandomWalkEnv {
      override actionSpace = undefined as unknown as DiscreteSpace;
    }
    expectFailure(
      new NoActionSpace(),
      'check_env',
      'The environment must specify an action space (`actionSpace`). ' +
        'See https://gymnasium.farama.org/introduction/create_custom_env/ for more info.',
    );
  });

  it('an action space that is not a Space', () => {
    class PlainActionSpace extends RandomWalkEnv {
      override actionSpace = { n: 2 } as unknown as DiscreteSpace;
    }
    expectFailure(
      new PlainActionSpace(),
      'check_space',
      /^action space does not inherit from gymnasium-ts `Space`, actual type: Object/,
    );
  });

  it('reset returning an observation outside the space', () => {
    class FarAway extends RandomWalkEnv {
      override reset(args?: ResetArgs): ResetResult<Float32Array> {
        super.reset(args);
        return [Float32Array.of(20), {}];
      }
    }
    expectFailure(
      new FarAway(),
      'check_reset_return_type',
      'The first element returned by `env.reset()` is not within the observation space.',
    );
  });

  it('step returning an observation outside the space only warns (the passive check)', () => {
    class StepsAway extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [, ...rest] = super.step(action);
        return [Float32Array.of(20), ...rest];
      }
    }
    const outcome = runCheck(new StepsAway());
    expect(outcome.error).toBeNull();
    expect(outcome.warnings).toEqual([
      'The obs returned by the `step()` method is not within the observation space.',
      NO_SPEC_WARNING,
    ]);
  });

  it('step returning the wrong JS type for a Box obs warns with the expected type', () => {
    class NumberArrayObs extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, ...rest] = super.step(action);
        return [Array.from(obs) as unknown as Float32Array, ...rest];
      }
    }
    // Box.contains accepts a plain array of the right length, so only the type hint is given.
    expect(runCheck(new NumberArrayObs(), { skipRenderCheck: true })).toEqual({
      error: null,
      warnings: [
        'The obs returned by the `step()` method was expecting a typed array (Float32Array), actual type: Array',
      ],
      deprecations: [],
    });
  });

  it('reset returning a non-tuple', () => {
    class BareObs extends RandomWalkEnv {
      override reset(args?: ResetArgs): ResetResult<Float32Array> {
        return super.reset(args)[0] as unknown as ResetResult<Float32Array>;
      }
    }
    expectFailure(
      new BareObs(),
      'check_reset_return_type',
      'The result returned by `env.reset()` was not a tuple of the form `[obs, info]`, where `obs` is a observation ' +
        'and `info` is an object containing additional information. Actual type: `Float32Array`',
    );
  });

  it('reset ignoring the seed (never calling super.reset(args))', () => {
    class IgnoresSeed extends RandomWalkEnv {
      override reset(): ResetResult<Float32Array> {
        return [this.walker.start(this.npRandom), {}];
      }
    }
    expectFailure(
      new IgnoresSeed(),
      'check_reset_seed_determinism',
      'Most likely the environment reset function does not call `super.reset(args)` as the random generates are ' +
        'not same when the same seeds are passed to `env.reset`.',
    );
  });

  it('reset that never creates a generator for a seed', () => {
    class NoRng extends RandomWalkEnv {
      override reset(): ResetResult<Float32Array> {
        return [Float32Array.of(0), {}];
      }
    }
    expectFailure(
      new NoRng(),
      'check_reset_seed_determinism',
      'Expects the random number generator to have been generated given a seed was passed to reset. ' +
        'Most likely the environment reset function does not call `super.reset(args)`.',
    );
  });

  it('reset that seeds correctly but draws the observation elsewhere (non-deterministic, spec says deterministic)', () => {
    let calls = 0;
    class Unseeded extends RandomWalkEnv {
      override reset(args?: ResetArgs): ResetResult<Float32Array> {
        super.reset(args);
        calls += 1;
        return [Float32Array.of((calls % 7) / 7), {}];
      }
    }
    expectFailure(
      made(Unseeded),
      'check_reset_seed_determinism',
      'Using `env.reset({seed: 123})` is non-deterministic as the observations are not equivalent.',
    );
  });

  it('reset seeding with a constant, so seed 456 leaves the same RNG state as seed 123', () => {
    class ConstantSeed extends RandomWalkEnv {
      override reset(args?: ResetArgs): ResetResult<Float32Array> {
        return super.reset(args?.seed === undefined || args.seed === null ? args : { ...args, seed: 7 });
      }
    }
    expectFailure(
      new ConstantSeed(),
      'check_reset_seed_determinism',
      'Most likely the environment reset function does not call `super.reset(args)` as the random number ' +
        'generators are not different when different seeds are passed to `env.reset`.',
    );
  });

  it('reset that throws when given a seed', () => {
    class RejectsSeed extends RandomWalkEnv {
      override reset(args?: ResetArgs): ResetResult<Float32Array> {
        if (args?.seed !== undefined) throw new TypeError('unexpected argument seed');
        return super.reset(args);
      }
    }
    expectFailure(
      new RejectsSeed(),
      'check_reset_seed_determinism',
      'The environment cannot be reset with a seed: `env.reset({seed: 123})` threw TypeError: unexpected argument seed. ' +
        '`reset` must accept `{seed, options}` and pass them to `super.reset(args)`.',
    );
  });

  it('reset that throws when given options', () => {
    class RejectsOptions extends RandomWalkEnv {
      override reset(args?: ResetArgs): ResetResult<Float32Array> {
        if (args?.options !== undefined) throw new TypeError('unexpected argument options');
        return super.reset(args);
      }
    }
    expectFailure(
      new RejectsOptions(),
      'check_reset_options',
      'The environment cannot be reset with options: `env.reset({options: {}})` threw TypeError: unexpected ' +
        'argument options. `reset` must accept `{seed, options}`.',
    );
  });

  it('reset that reseeds when given no seed warns (a non-null default seed)', () => {
    class DefaultSeed extends RandomWalkEnv {
      override reset(args?: ResetArgs): ResetResult<Float32Array> {
        return super.reset({ seed: 0, ...args });
      }
    }
    const outcome = runCheck(new DefaultSeed());
    expect(outcome.warnings).toContain(
      '`env.reset()` without a seed replaced the random number generator. The default seed in `reset` should be ' +
        '`null`/`undefined`, otherwise the environment will by default always be deterministic.',
    );
  });

  it('step returning 4 values (the old done API): a deprecation, then a failure', () => {
    class OldStepApi extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, reward, terminated, truncated, info] = super.step(action);
        return [obs, reward, terminated || truncated, info] as unknown as StepResult<Float32Array>;
      }
    }
    const outcome = expectFailure(
      new OldStepApi(),
      'check_step_determinism',
      'Expected `env.step` to return 5 elements [obs, reward, terminated, truncated, info], got 4.',
    );
    expect(outcome.deprecations).toEqual([
      'Core environment is written in old step API which returns one bool instead of two. ' +
        'It is recommended to rewrite the environment with new step API. ',
    ]);
  });

  it('step returning 6 values fails', () => {
    class SixTuple extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        return [...super.step(action), 0] as unknown as StepResult<Float32Array>;
      }
    }
    expectFailure(
      new SixTuple(),
      'env_step_passive_checker',
      'Expected `Env.step` to return a four or five element tuple, actual number of elements returned: 6. ' +
        'Return [obs, reward, terminated, truncated, info].',
    );
  });

  it('non-boolean terminated only warns', () => {
    class NumericTerminated extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, reward, terminated, truncated, info] = super.step(action);
        return [obs, reward, Number(terminated) as unknown as boolean, truncated, info];
      }
    }
    expect(runCheck(new NumericTerminated())).toEqual({
      error: null,
      warnings: ['Expects `terminated` signal to be a boolean, actual type: number', NO_SPEC_WARNING],
      deprecations: [],
    });
  });

  it('NaN reward: a warning from the passive check, then a failure of step determinism (NaN != NaN)', () => {
    class NanReward extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, , terminated, truncated, info] = super.step(action);
        return [obs, NaN, terminated, truncated, info];
      }
    }
    const outcome = expectFailure(
      new NanReward(),
      'check_step_determinism',
      'Deterministic step rewards are not equivalent for the same seed and action (got NaN and NaN)',
    );
    expect(outcome.warnings).toEqual(['The reward is a NaN value.']);
  });

  it('a string reward warns with its type', () => {
    class StringReward extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, reward, terminated, truncated, info] = super.step(action);
        return [obs, String(reward) as unknown as number, terminated, truncated, info];
      }
    }
    expect(runCheck(new StringReward()).warnings[0]).toBe(
      'The reward returned by `step()` must be a number, actual type: string',
    );
  });

  it('info not an object', () => {
    class ArrayInfo extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, reward, terminated, truncated] = super.step(action);
        return [obs, reward, terminated, truncated, ['stride'] as unknown as Record<string, unknown>];
      }
    }
    expectFailure(
      new ArrayInfo(),
      'env_step_passive_checker',
      'The `info` returned by `step()` must be a plain object (a python dictionary), actual type: Array',
    );
  });

  it('truncates after 1 step', () => {
    class AlwaysTruncates extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, reward, terminated, , info] = super.step(action);
        return [obs, reward, terminated, true, info];
      }
    }
    expectFailure(
      new AlwaysTruncates(),
      'check_step_determinism',
      'Environment truncates after 1 step, something has gone very wrong.',
    );
  });

  it('step non-deterministic (noise from outside npRandom)', () => {
    let calls = 0;
    class NoisyStep extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, ...rest] = super.step(action);
        calls += 1;
        return [Float32Array.of(obs[0]! + calls / 100), ...rest];
      }
    }
    expectFailure(
      new NoisyStep(),
      'check_step_determinism',
      'Deterministic step observations are not equivalent for the same seed and action',
    );
  });

  it('step non-determinism is not checked when the spec says nondeterministic', () => {
    let calls = 0;
    class NoisyStep extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, ...rest] = super.step(action);
        calls += 1;
        return [Float32Array.of(obs[0]! + calls / 100), ...rest];
      }
    }
    expect(runCheck(made(NoisyStep, { nondeterministic: true })).error).toBeNull();
  });

  it('step consuming a different number of draws each time (npRandom not restored by reset)', () => {
    let calls = 0;
    class ExtraDraws extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        calls += 1;
        if (calls % 2 === 0) this.npRandom.random();
        return super.step(action);
      }
    }
    // The first step of each pair differs in what it drew: the states after step differ.
    const outcome = runCheck(new ExtraDraws());
    expect(outcome.error?.check).toBe('check_step_determinism');
  });

  it('close throwing on the second call: a warning, not a failure', () => {
    class CloseOnce extends RandomWalkEnv {
      private closed = false;
      override close(): void {
        if (this.closed) throw new Error('already closed');
        this.closed = true;
      }
    }
    expect(runCheck(made(CloseOnce))).toEqual({
      error: null,
      warnings: [
        'Calling `env.close()` on the closed environment should be allowed, but it raised an exception: Error: already closed',
      ],
      deprecations: [],
    });
  });

  it('a render mode listed in metadata that fails', () => {
    class BrokenRgb extends RandomWalkEnv {
      static override readonly metadata = { renderModes: ['ansi', 'rgb_array'], renderFps: 4 };
      constructor(options: RandomWalkOptions = {}) {
        super(options);
        this.metadata = BrokenRgb.metadata;
      }
      override render(): string | null {
        if (this.renderMode === 'rgb_array') throw new Error('no display to draw on');
        return super.render();
      }
    }
    expectFailure(
      made(BrokenRgb),
      'env_render_passive_checker',
      "env_render_passive_checker: `env.render()` (renderMode 'rgb_array') threw Error: no display to draw on",
    );
  });

  it('a render mode returning the wrong kind of frame warns', () => {
    class TextAsRgb extends RandomWalkEnv {
      static override readonly metadata = { renderModes: ['rgb_array'], renderFps: 4 };
      constructor(options: RandomWalkOptions = {}) {
        super(options);
        this.metadata = TextAsRgb.metadata;
      }
      override render(): string {
        return 'o';
      }
    }
    expect(runCheck(made(TextAsRgb)).warnings).toEqual([
      'RGB-array rendering should return an image ({data: Uint8Array, shape: [height, width, 3]}), got string',
    ]);
  });

  it('a step that returns a Promise in a sync Env fails with a pointer to checkAsyncEnv', () => {
    class SecretlyAsync extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        return Promise.resolve(super.step(action)) as unknown as StepResult<Float32Array>;
      }
    }
    expectFailure(
      new SecretlyAsync(),
      'env_step_passive_checker',
      '`env.step(action)` returned a Promise: this env is asynchronous. Subclass AsyncEnv and check it with ' +
        'checkAsyncEnv, or make the method synchronous.',
    );
  });

  it('an exception from the env names the check and the call', () => {
    class StepThrows extends RandomWalkEnv {
      override step(): StepResult<Float32Array> {
        throw new RangeError('bad action');
      }
    }
    const outcome = expectFailure(
      new StepThrows(),
      'env_step_passive_checker',
      'env_step_passive_checker: `env.step(action)` threw RangeError: bad action',
    );
    expect(outcome.error!.cause).toBeInstanceOf(RangeError);
  });

  it('no observation space', () => {
    class NoObservationSpace extends RandomWalkEnv {
      override observationSpace = null as unknown as Box;
    }
    expectFailure(
      new NoObservationSpace(),
      'check_env',
      'The environment must specify an observation space (`observationSpace`). ' +
        'See https://gymnasium.farama.org/introduction/create_custom_env/ for more info.',
    );
  });

  it('an incorrect space (a Discrete with no elements)', () => {
    class EmptyActions extends RandomWalkEnv {
      // Built around the constructor's own validation, as a deserialised or hand-edited space could be.
      override actionSpace = Object.assign(Object.create(DiscreteSpace.prototype) as DiscreteSpace, {
        n: 0,
        shape: [],
      });
    }
    expectFailure(
      new EmptyActions(),
      'check_space',
      "Discrete action space's number of elements must be positive, actual number of elements: 0",
    );
  });

  it('reset returning three values', () => {
    class ThreeValues extends RandomWalkEnv {
      override reset(args?: ResetArgs): ResetResult<Float32Array> {
        return [...super.reset(args), 'extra'] as unknown as ResetResult<Float32Array>;
      }
    }
    expectFailure(
      new ThreeValues(),
      'check_reset_return_type',
      'Calling the reset method did not return a 2-tuple, actual length: 3',
    );
  });

  it('reset returning an info that is not an object', () => {
    class NullInfo extends RandomWalkEnv {
      override reset(args?: ResetArgs): ResetResult<Float32Array> {
        return [super.reset(args)[0], null as unknown as Record<string, unknown>];
      }
    }
    expectFailure(
      new NullInfo(),
      'check_reset_return_type',
      'The second element returned by `env.reset()` was not a plain object (a dict), actual type: null',
    );
  });

  it('a leftover seed() method warns', () => {
    class OldSeeding extends RandomWalkEnv {
      seed(seed: number): number[] {
        return [seed];
      }
    }
    expect(runCheck(new OldSeeding(), { skipRenderCheck: true })).toEqual({
      error: null,
      warnings: [
        'Official support for the `seed` function is dropped. ' +
          'Standard practice is to reset gymnasium environments using `env.reset({seed: <desired seed>})`',
      ],
      deprecations: [],
    });
  });

  it('seeded reset observations that are only similar warn (spec says deterministic)', () => {
    let calls = 0;
    class Jitter extends RandomWalkEnv {
      override reset(args?: ResetArgs): ResetResult<Float32Array> {
        const [obs, info] = super.reset(args);
        calls += 1;
        return [Float32Array.of(obs[0]! + calls * 1e-6), info];
      }
    }
    expect(runCheck(made(Jitter))).toEqual({
      error: null,
      warnings: [
        'Using `env.reset({seed: 123})` observations are not equal although similar.',
        'Using `env.reset({seed: 123})` then `env.reset()` observations are not equal although similar.',
      ],
      deprecations: [],
    });
  });

  it('step observations that are only similar warn', () => {
    let calls = 0;
    class StepJitter extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, ...rest] = super.step(action);
        calls += 1;
        return [Float32Array.of(obs[0]! + calls * 1e-6), ...rest];
      }
    }
    expect(runCheck(new StepJitter(), { skipRenderCheck: true }).warnings).toEqual([
      'Step observations are not equal although similar given the same seed and action',
    ]);
  });

  it('step rewards, terminations or infos that differ for the same seed and action', () => {
    let calls = 0;
    class CountingReward extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, , terminated, truncated, info] = super.step(action);
        calls += 1;
        return [obs, calls, terminated, truncated, info];
      }
    }
    expectFailure(
      new CountingReward(),
      'check_step_determinism',
      /^Deterministic step rewards are not equivalent for the same seed and action \(got \d+ and \d+\)$/,
    );
    class FlipTerminated extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, reward, , truncated, info] = super.step(action);
        calls += 1;
        return [obs, reward, calls % 2 === 0, truncated, info];
      }
    }
    expectFailure(
      new FlipTerminated(),
      'check_step_determinism',
      'Deterministic step termination are not equivalent for the same seed and action',
    );
    class CountingInfo extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, reward, terminated, truncated] = super.step(action);
        calls += 1;
        return [obs, reward, terminated, truncated, { calls }];
      }
    }
    expectFailure(
      new CountingInfo(),
      'check_step_determinism',
      'Deterministic step info are not equivalent for the same seed and action',
    );
  });

  it('a render mode the metadata does not list', () => {
    expectFailure(
      new RandomWalkEnv({ renderMode: 'human' }),
      'env_render_passive_checker',
      'The environment was initialized successfully however with an unsupported render mode. ' +
        'Render mode: human, modes: ["ansi"]',
    );
  });

  it('a render mode set while the metadata declares none, or no fps', () => {
    class NoRenderModes extends RandomWalkEnv {
      constructor(options: RandomWalkOptions = {}) {
        super(options);
        this.metadata = { renderModes: [] };
      }
    }
    expectFailure(
      new NoRenderModes({ renderMode: 'ansi' }),
      'env_render_passive_checker',
      'With no renderModes, expects the Env.renderMode to be null, actual value: ansi',
    );
    class NoFps extends RandomWalkEnv {
      constructor(options: RandomWalkOptions = {}) {
        super(options);
        this.metadata = { renderModes: ['ansi'] };
      }
    }
    expect(runCheck(new NoFps({ renderMode: 'ansi' })).warnings).toEqual([
      "No render fps was declared in the environment (env.metadata['renderFps'] is null or not defined), " +
        'rendering may occur at inconsistent fps.',
      NO_SPEC_WARNING,
    ]);
  });

  it('rejects things that are not envs', () => {
    expect(() => checkEnv({} as Env<unknown, unknown>)).toThrow(
      /^The environment must inherit from the gymnasium-ts Env class, actual class: Object\./,
    );
    expect(() => checkEnv(new RandomWalkAsyncEnv() as unknown as Env<unknown, unknown>)).toThrow(
      'The environment is an AsyncEnv: check it with `checkAsyncEnv` (and await the result).',
    );
  });
});

describe('checkAsyncEnv', () => {
  async function runAsyncCheck(env: AsyncEnv<unknown, unknown>): Promise<Outcome> {
    const { result, warnings } = await captureWarningsAsync(async () => {
      try {
        await checkAsyncEnv(env);
        return null;
      } catch (error) {
        if (!(error instanceof EnvCheckError)) throw error;
        return error;
      }
    });
    return {
      error: result,
      warnings: warnings.map((w) => w.message),
      deprecations: [],
    };
  }

  it('passes the async random walk', async () => {
    expect(await runAsyncCheck(new RandomWalkAsyncEnv())).toEqual({
      error: null,
      warnings: [NO_SPEC_WARNING],
      deprecations: [],
    });
  });

  it('fails the same way as checkEnv on a broken async env', async () => {
    class AsyncTruncates extends RandomWalkAsyncEnv {
      override async step(action: number): Promise<StepResult<Float32Array>> {
        const [obs, reward, terminated, , info] = await super.step(action);
        return [obs, reward, terminated, true, info];
      }
    }
    const outcome = await runAsyncCheck(new AsyncTruncates());
    expect(outcome.error?.message).toBe('Environment truncates after 1 step, something has gone very wrong.');
  });

  it('rejects a sync env', async () => {
    await expect(checkAsyncEnv(new RandomWalkEnv() as unknown as AsyncEnv<unknown, unknown>)).rejects.toThrow(
      'The environment is a synchronous Env: check it with `checkEnv`.',
    );
  });
});

describe('the package entry point', () => {
  it('exports the checker API', async () => {
    const gym = await import('../../src/index.ts');
    expect(gym.checkEnv).toBe(checkEnv);
    expect(gym.checkAsyncEnv).toBe(checkAsyncEnv);
    expect(gym.EnvCheckError).toBe(EnvCheckError);
    expect(gym.captureWarnings).toBe(captureWarnings);
    for (const name of [
      'PassiveEnvChecker',
      'checkActionSpace',
      'checkObservationSpace',
      'checkSpaceLimit',
      'envResetPassiveChecker',
      'envStepPassiveChecker',
      'envRenderPassiveChecker',
      'dataEquivalence',
      'warn',
      'filterWarnings',
      'UserWarning',
      'SyncEnvFromAsync',
    ]) {
      expect(typeof (gym as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
