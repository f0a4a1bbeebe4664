import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEnv } from '../src/checker/check-env.ts';
import { Box, CartPoleEnv, Discrete, type Env, InvalidAction, make, ResetNeeded } from '../src/index.ts';
import { captureWarnings, UserWarning } from '../src/utils/warnings.ts';

/**
 * Reference trajectories computed with numpy 2.4 by re-implementing Gymnasium 1.x CartPoleEnv's dynamics:
 * `np.random.default_rng(seed).uniform(-0.05, 0.05, size=4)` start states, explicit Euler in float64, float32
 * observations, TimeLimit truncation, and `reset()` without a seed after each episode end.
 */
interface Trajectory {
  seed: number;
  maxEpisodeSteps: number;
  actions: number[];
  resets: { afterStep: number; obs: number[]; state: number[] }[];
  /** obs[0..3] (float32), state[0..3] (float64), reward, terminated (0/1), truncated (0/1). */
  steps: number[][];
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/cartpole-reference.json', import.meta.url), 'utf8'),
) as {
  trajectories: Trajectory[];
  customBounds: { seed: number; low: number; high: number; obs: number[] };
};

const f32 = (values: number[]): number[] => values.map((v) => Math.fround(v));
const balance = (obs: Float32Array): number =>
  obs[2]! + 0.5 * obs[3]! + 0.01 * obs[0]! + 0.1 * obs[1]! > 0 ? 1 : 0;

describe('CartPole numerics match Gymnasium (numpy reference)', () => {
  for (const trajectory of fixture.trajectories) {
    it(`seed ${trajectory.seed}: ${trajectory.actions.length} steps, limit ${trajectory.maxEpisodeSteps}`, () => {
      const env = make<Float32Array, number>('CartPole-v1', { maxEpisodeSteps: trajectory.maxEpisodeSteps });
      const cartpole = env.unwrapped as CartPoleEnv;
      const resets = new Map(trajectory.resets.map((r) => [r.afterStep, r]));
      const [obs0] = env.reset({ seed: trajectory.seed });
      expect(Array.from(obs0)).toEqual(f32(resets.get(-1)!.obs));
      expect(Array.from(cartpole.state!)).toEqual(resets.get(-1)!.state);

      trajectory.actions.forEach((action, i) => {
        const [obs, reward, terminated, truncated] = env.step(action);
        const row = trajectory.steps[i]!;
        expect(obs).toBeInstanceOf(Float32Array);
        // float32 observations equal bit for bit; the float64 state too (same operations in the same order).
        expect(Array.from(obs), `obs at step ${i}`).toEqual(f32(row.slice(0, 4)));
        expect(Array.from(cartpole.state!), `state at step ${i}`).toEqual(row.slice(4, 8));
        expect([reward, Number(terminated), Number(truncated)], `flags at step ${i}`).toEqual(
          row.slice(8, 11),
        );
        if (terminated || truncated) {
          const [next] = env.reset();
          expect(Array.from(next), `reset after step ${i}`).toEqual(f32(resets.get(i)!.obs));
        }
      });
    });
  }

  it('reset options low/high change the start-state bounds (Gymnasium docstring example)', () => {
    const { seed, low, high, obs } = fixture.customBounds;
    const env = make<Float32Array, number>('CartPole-v1');
    expect(Array.from(env.reset({ seed, options: { low, high } })[0])).toEqual(f32(obs));
    expect(f32(obs)).toEqual(f32([0.6823519, 0.05382102, 0.22035988, 0.18437181]));
    expect(() => env.reset({ options: { low: 1, high: 0 } })).toThrow(
      'Lower bound (1) must be lower than higher bound (0).',
    );
    expect(() => env.reset({ options: { low: 'x' } })).toThrow(
      'An option (x) could not be converted to a float.',
    );
  });
});

describe('CartPole behaviour', () => {
  it('has the documented spaces, constants and registration', () => {
    const env = new CartPoleEnv();
    expect(env.actionSpace).toBeInstanceOf(Discrete);
    expect(env.actionSpace.n).toBe(2);
    expect(env.observationSpace).toBeInstanceOf(Box);
    expect(Array.from(env.observationSpace.high)).toEqual(
      f32([4.8, 3.4028234663852886e38, (12 * 2 * Math.PI * 2) / 360, 3.4028234663852886e38]),
    );
    expect(Array.from(env.observationSpace.low)).toEqual(Array.from(env.observationSpace.high, (v) => -v));
    expect([env.gravity, env.masscart, env.masspole, env.length, env.forceMag, env.tau]).toEqual([
      9.8, 1.0, 0.1, 0.5, 10.0, 0.02,
    ]);
    expect(env.thetaThresholdRadians).toBe((12 * 2 * Math.PI) / 360);
    expect(env.xThreshold).toBe(2.4);
    expect(make('CartPole-v1').spec).toMatchObject({ maxEpisodeSteps: 500, rewardThreshold: 475 });
    expect(captureWarnings(() => make('CartPole-v0', { disableEnvChecker: true })).result.spec).toMatchObject(
      {
        maxEpisodeSteps: 200,
        rewardThreshold: 195,
      },
    );
  });

  it('is deterministic per seed, and reset() without a seed continues the stream', () => {
    const episode = (env: Env<Float32Array, number>, seed?: number): number[][] => {
      const observations = [Array.from(env.reset(seed === undefined ? undefined : { seed })[0])];
      for (let i = 0; i < 5; i++) observations.push(Array.from(env.step(i % 2)[0]));
      return observations;
    };
    const a = make<Float32Array, number>('CartPole-v1');
    const b = make<Float32Array, number>('CartPole-v1');
    expect(episode(a, 99)).toEqual(episode(b, 99));
    const continued = episode(a);
    expect(continued).toEqual(episode(b));
    expect(continued[0]).not.toEqual(episode(make('CartPole-v1'), 99)[0]);
    expect(episode(a, 99)).toEqual(episode(b, 99));
  });

  it('truncates CartPole-v0 at 200 and v1 at 500 steps under a balancing policy', () => {
    for (const [id, limit] of [
      ['CartPole-v0', 200],
      ['CartPole-v1', 500],
    ] as const) {
      const env = captureWarnings(() => make<Float32Array, number>(id)).result;
      let [obs] = env.reset({ seed: 3 });
      let steps = 0;
      let total = 0;
      for (;;) {
        const [next, reward, terminated, truncated] = env.step(balance(obs));
        obs = next;
        steps += 1;
        total += reward;
        if (terminated || truncated) {
          expect([terminated, truncated]).toEqual([false, true]);
          break;
        }
      }
      expect(steps).toBe(limit);
      expect(total).toBe(limit);
    }
  });

  it('rewards 1 per step including the terminating one; Sutton-Barto rewards 0 then -1', () => {
    const play = (env: Env<Float32Array, number>): number[] => {
      env.reset({ seed: 0 });
      const rewards: number[] = [];
      for (;;) {
        const [, reward, terminated] = env.step(1);
        rewards.push(reward);
        if (terminated) return rewards;
      }
    };
    const standard = play(new CartPoleEnv());
    expect(standard.every((r) => r === 1)).toBe(true);
    const sutton = play(new CartPoleEnv({ suttonBartoReward: true }));
    expect(sutton).toHaveLength(standard.length);
    expect(sutton.slice(0, -1).every((r) => r === 0)).toBe(true);
    expect(sutton.at(-1)).toBe(-1);
  });

  it('warns once when stepped after termination, then rewards 0 (or -1)', () => {
    for (const [suttonBartoReward, after] of [
      [false, 0],
      [true, -1],
    ] as const) {
      const env = new CartPoleEnv({ suttonBartoReward });
      env.reset({ seed: 0 });
      while (!env.step(1)[2]);
      const { result, warnings } = captureWarnings(() => [env.step(1)[1], env.step(1)[1], env.step(1)[1]]);
      expect(result).toEqual([after, after, after]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toBeInstanceOf(UserWarning);
      expect(warnings[0]!.message).toBe(
        "You are calling 'step()' even though this environment has already returned terminated = True. " +
          "You should always call 'reset()' once you receive 'terminated = True' -- any further steps are undefined behavior.",
      );
      expect(env.stepsBeyondTerminated).toBe(3);
      env.reset();
      expect(env.stepsBeyondTerminated).toBeNull();
    }
  });

  it('rejects invalid actions, stepping before reset, and unknown options', () => {
    const env = new CartPoleEnv();
    expect(() => env.step(0)).toThrow(ResetNeeded);
    env.reset({ seed: 1 });
    for (const bad of [2, -1, 0.5, '1', null]) {
      expect(() => env.step(bad as never)).toThrow(InvalidAction);
    }
    expect(() => env.step(2)).toThrow("2 (number) invalid: CartPole's actions are 0 and 1");
    expect(() => new CartPoleEnv({ render_mode: 'ansi' } as never)).toThrow(
      "CartPoleEnv got an unexpected keyword argument 'render_mode' (it takes renderMode, suttonBartoReward)",
    );
    expect(() => new CartPoleEnv({ suttonBartoReward: 'yes' } as never)).toThrow(
      'CartPoleEnv suttonBartoReward must be a boolean, got yes',
    );
  });

  it("renders text in 'ansi' mode and warns without a render mode", () => {
    const env = make<Float32Array, number>('CartPole-v1', { renderMode: 'ansi' });
    env.reset({ seed: 0 });
    const frame = env.render() as string;
    expect(frame.split('\n')[0]).toBe('x=+0.0137  x_dot=-0.0230  theta=-2.63°  theta_dot=-0.0483');
    expect(frame).toContain('[=o=]');
    expect(frame.split('\n')).toHaveLength(7);
    env.step(1);
    expect(env.render()).not.toBe(frame);

    const silent = make('CartPole-v1');
    silent.reset();
    const { result, warnings } = captureWarnings(() => silent.render());
    expect(result).toBeNull();
    expect(warnings.map((w) => w.message)).toEqual([
      'You are calling render method without specifying any render mode. You can specify the renderMode at initialization, e.g. make("CartPole-v1", { renderMode: "ansi" })',
    ]);
    expect(() => new CartPoleEnv({ renderMode: 'rgb_array' }).render()).toThrow(
      'CartPoleEnv cannot render in mode \'rgb_array\': its render modes are ["ansi"]',
    );
  });

  it('passes checkEnv and the passive checker without warnings', () => {
    const { warnings } = captureWarnings(() => {
      const env = make<Float32Array, number>('CartPole-v1');
      checkEnv(env.unwrapped);
      env.reset({ seed: 0 });
      env.step(0);
      env.close();
      env.close();
    });
    expect(warnings.map((w) => w.message)).toEqual([]);
  });
});
