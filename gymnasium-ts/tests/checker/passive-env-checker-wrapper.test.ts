import { describe, expect, it } from 'vitest';
import { EnvCheckError } from '../../src/checker/errors.ts';
import { PassiveEnvChecker } from '../../src/checker/passive-env-checker-wrapper.ts';
import type { ResetArgs, ResetResult, StepResult } from '../../src/core.ts';
import { make } from '../../src/index.ts';
import { createEnvSpec } from '../../src/registry/env-spec.ts';
import { Discrete } from '../../src/spaces/discrete.ts';
import { captureWarnings } from '../../src/utils/warnings.ts';
import { RandomWalkEnv } from './fixtures/random-walk.ts';

const messages = (fn: () => unknown): string[] => captureWarnings(fn).warnings.map((w) => w.message);

/** Every reset/step/render result is slightly wrong, so each call would warn if it were checked. */
class SloppyWalk extends RandomWalkEnv {
  override reset(args?: ResetArgs): ResetResult<Float32Array> {
    super.reset(args);
    return [Float32Array.of(50), {}];
  }
  override step(action: number): StepResult<Float32Array> {
    const [obs, , terminated, truncated, info] = super.step(action);
    return [obs, NaN, terminated, truncated, info];
  }
  override render(): string | null {
    return 42 as unknown as string;
  }
}

describe('PassiveEnvChecker', () => {
  it('checks reset, step and render on their first call only', () => {
    const env = new PassiveEnvChecker(new SloppyWalk({ renderMode: 'ansi' }));
    expect(messages(() => env.reset({ seed: 1 }))).toEqual([
      'The obs returned by the `reset()` method is not within the observation space.',
    ]);
    expect(messages(() => env.reset())).toEqual([]);
    expect(messages(() => env.step(1))).toEqual(['The reward is a NaN value.']);
    expect(messages(() => env.step(1))).toEqual([]);
    expect(messages(() => env.render())).toEqual([
      'ANSI/ASCII rendering should produce a string, got number',
    ]);
    expect(messages(() => env.render())).toEqual([]);
    expect([env.checkedReset, env.checkedStep, env.checkedRender]).toEqual([true, true, true]);
  });

  it('passes results and arguments through unchanged', () => {
    const checked = new PassiveEnvChecker(new RandomWalkEnv());
    const plain = new RandomWalkEnv();
    expect(checked.reset({ seed: 5 })).toEqual(plain.reset({ seed: 5 }));
    expect(checked.step(0)).toEqual(plain.step(0));
    expect(checked.step(1)).toEqual(plain.step(1));
  });

  it('checks the spaces at construction and throws where Gymnasium asserts', () => {
    class ZeroActions extends RandomWalkEnv {
      override actionSpace = Object.assign(Object.create(Discrete.prototype) as Discrete, {
        n: 0,
        shape: [],
      });
    }
    expect(() => new PassiveEnvChecker(new ZeroActions())).toThrow(
      new EnvCheckError(
        'check_space',
        "Discrete action space's number of elements must be positive, actual number of elements: 0",
      ),
    );
    class NoObservationSpace extends RandomWalkEnv {
      override observationSpace = undefined as unknown as RandomWalkEnv['observationSpace'];
    }
    expect(() => new PassiveEnvChecker(new NoObservationSpace())).toThrow(
      'The environment must specify an observation space. See https://gymnasium.farama.org/introduction/create_custom_env/ for more info.',
    );
  });

  it('throws (as Gymnasium asserts) when the first step returns a non-object info', () => {
    class BadInfo extends RandomWalkEnv {
      override step(action: number): StepResult<Float32Array> {
        const [obs, reward, terminated, truncated] = super.step(action);
        return [obs, reward, terminated, truncated, 'info' as unknown as Record<string, unknown>];
      }
    }
    const env = new PassiveEnvChecker(new BadInfo());
    env.reset({ seed: 0 });
    expect(() => env.step(0)).toThrow(EnvCheckError);
    // Only the first step is checked.
    expect(env.step(0)[4]).toBe('info');
  });

  it('is applied by make, and reports a spec with disableEnvChecker: false', () => {
    const spec = createEnvSpec({ id: 'test/CheckedWalk-v0', entryPoint: () => new SloppyWalk() });
    const env = make(spec);
    expect(String(env)).toBe('<OrderEnforcing<PassiveEnvChecker<SloppyWalk<test/CheckedWalk-v0>>>>');
    expect(messages(() => env.reset())).toHaveLength(1);
    const checker = (env as unknown as { env: PassiveEnvChecker }).env;
    expect(checker).toBeInstanceOf(PassiveEnvChecker);
    expect(checker.spec?.disableEnvChecker).toBe(false);
    expect(env.unwrapped.spec?.disableEnvChecker).toBe(true);
    expect(String(make(spec, { disableEnvChecker: true }))).toBe(
      '<OrderEnforcing<SloppyWalk<test/CheckedWalk-v0>>>',
    );
  });

  it('a second close that throws is reported, then rethrown', () => {
    class CloseOnce extends RandomWalkEnv {
      private closed = false;
      override close(): void {
        if (this.closed) throw new Error('already closed');
        this.closed = true;
      }
    }
    const env = new PassiveEnvChecker(new CloseOnce());
    expect(messages(() => env.close())).toEqual([]);
    const { warnings } = captureWarnings(() => expect(() => env.close()).toThrow('already closed'));
    expect(warnings.map((w) => w.message)).toEqual([
      'Calling `env.close()` on the closed environment should be allowed, but it raised the following exception.',
    ]);
  });
});
