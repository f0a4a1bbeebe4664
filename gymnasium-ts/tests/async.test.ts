import { describe, expect, it } from 'vitest';
import {
  AsyncEnv,
  AsyncWrapper,
  CartPoleEnv,
  make,
  ResetNeeded,
  type ResetArgs,
  type ResetResult,
  type StepResult,
  SyncToAsyncEnv,
  toAsyncEnv,
} from '../src/index.ts';
import { Discrete } from '../src/spaces/discrete.ts';

/** Doubles rewards, waiting a tick as a real async wrapper (logging to a server, say) would. */
class DoubleReward<Obs, Act> extends AsyncWrapper<Obs, Act> {
  calls = 0;
  override async step(action: Act): Promise<StepResult<Obs>> {
    const [obs, reward, terminated, truncated, info] = await this.env.step(action);
    await new Promise((resolve) => setImmediate(resolve));
    this.calls += 1;
    return [obs, reward * 2, terminated, truncated, info];
  }
}

/** A natively asynchronous env: counts to 3. */
class RemoteCounter extends AsyncEnv<number, number> {
  actionSpace = new Discrete(2);
  observationSpace = new Discrete(10);
  count = 0;
  closed = 0;
  override async reset(args?: ResetArgs): Promise<ResetResult<number>> {
    await super.reset(args);
    this.count = 0;
    return [0, { seed: args?.seed ?? null }];
  }
  async step(): Promise<StepResult<number>> {
    this.count += 1;
    return [this.count, 1, this.count >= 3, false, {}];
  }
  override async close(): Promise<void> {
    this.closed += 1;
  }
}

describe('toAsyncEnv', () => {
  it('gives the same results as the sync env, as Promises', async () => {
    const sync = make<Float32Array, number>('CartPole-v1');
    const asyncEnv = toAsyncEnv(make<Float32Array, number>('CartPole-v1'));
    expect(asyncEnv).toBeInstanceOf(AsyncEnv);
    expect(asyncEnv).toBeInstanceOf(SyncToAsyncEnv);
    const resetPromise = asyncEnv.reset({ seed: 4 });
    expect(resetPromise).toBeInstanceOf(Promise);
    expect(await resetPromise).toEqual(sync.reset({ seed: 4 }));
    for (let i = 0; i < 10; i++) expect(await asyncEnv.step(i % 2)).toEqual(sync.step(i % 2));
  });

  it('forwards spaces, spec, metadata, generator and wrapper attributes', async () => {
    const inner = make<Float32Array, number>('CartPole-v1', { renderMode: 'ansi' });
    const env = toAsyncEnv(inner);
    expect(env.actionSpace).toBe(inner.actionSpace);
    expect(env.observationSpace).toBe(inner.observationSpace);
    expect(env.spec).toBe(inner.spec);
    expect(env.metadata).toBe(CartPoleEnv.metadata);
    expect(env.renderMode).toBe('ansi');
    await env.reset({ seed: 1 });
    expect(env.npRandom).toBe(inner.npRandom);
    expect(env.npRandomSeed).toBe(1);
    expect(env.getWrapperAttr('maxEpisodeSteps')).toBe(500);
    expect(env.hasWrapperAttr('hasReset')).toBe(true);
    env.setWrapperAttr('suttonBartoReward', true);
    expect((inner.unwrapped as CartPoleEnv).suttonBartoReward).toBe(true);
    expect(typeof (await env.render())).toBe('string');
    expect(env.toString()).toBe(
      '<SyncToAsyncEnv<TimeLimit<OrderEnforcing<PassiveEnvChecker<CartPoleEnv<CartPole-v1>>>>>>',
    );
    await env.close();
  });

  it('turns sync errors into rejections', async () => {
    const env = toAsyncEnv(make('CartPole-v1'));
    await expect(env.step(0)).rejects.toThrow(ResetNeeded);
    await expect(env.step(0)).rejects.toThrow('Cannot call env.step() before calling env.reset()');
  });

  it('accepts only sync envs', () => {
    expect(() => toAsyncEnv(new RemoteCounter() as never)).toThrow(
      'toAsyncEnv wraps a synchronous Env, got an instance of RemoteCounter',
    );
    expect(() => toAsyncEnv({} as never)).toThrow(
      'toAsyncEnv wraps a synchronous Env, got an instance of Object',
    );
  });

  it('keeps the sync path free of Promises', () => {
    const env = make<Float32Array, number>('CartPole-v1');
    const reset = env.reset({ seed: 0 });
    const step = env.step(0);
    expect(Array.isArray(reset)).toBe(true);
    expect(Array.isArray(step)).toBe(true);
    expect(step[0]).toBeInstanceOf(Float32Array);
  });
});

describe('AsyncWrapper', () => {
  it('wraps native async envs and adapted sync envs', async () => {
    const remote = new DoubleReward(new RemoteCounter());
    expect(await remote.reset({ seed: 3 })).toEqual([0, { seed: 3 }]);
    expect(await remote.step(0)).toEqual([1, 2, false, false, {}]);
    expect(remote.calls).toBe(1);
    expect(remote.unwrapped).toBeInstanceOf(RemoteCounter);
    expect(remote.toString()).toBe('<DoubleReward<RemoteCounter instance>>');
    await remote.close();
    expect((remote.unwrapped as RemoteCounter).closed).toBe(1);

    const cartpole = new DoubleReward(toAsyncEnv(make<Float32Array, number>('CartPole-v1')));
    await cartpole.reset({ seed: 0 });
    expect((await cartpole.step(1))[1]).toBe(2);
    expect(cartpole.getWrapperAttr('maxEpisodeSteps')).toBe(500);
    expect(cartpole.unwrapped).toBeInstanceOf(SyncToAsyncEnv);
  });

  it('forwards spaces unless replaced, and spec/renderMode/npRandom always', async () => {
    const inner = new RemoteCounter();
    const env = new AsyncWrapper(inner);
    expect(env.actionSpace).toBe(inner.actionSpace);
    const replaced = new Discrete(5);
    env.observationSpace = replaced;
    expect(env.observationSpace).toBe(replaced);
    expect(inner.observationSpace).not.toBe(replaced);
    await env.reset({ seed: 8 });
    expect(env.npRandomSeed).toBe(8);
    expect(env.npRandom).toBe(inner.npRandom);
    env.renderMode = 'ansi';
    expect(inner.renderMode).toBe('ansi');
  });

  it('sets attributes on the outermost layer that has them', () => {
    const inner = new RemoteCounter();
    const outer = new DoubleReward(new AsyncWrapper(inner));
    outer.setWrapperAttr('count', 7);
    expect(inner.count).toBe(7);
    outer.setWrapperAttr('calls', 5);
    expect(outer.calls).toBe(5);
    outer.setWrapperAttr('fresh', 1);
    expect(outer.getWrapperAttr('fresh')).toBe(1);
    expect(() => outer.setWrapperAttr('other', 1, { force: false })).toThrow(
      "no wrapper or env has attribute 'other'",
    );
  });

  it('refuses a sync env, pointing to toAsyncEnv', () => {
    expect(() => new AsyncWrapper(new CartPoleEnv() as never)).toThrow(
      'An AsyncWrapper wraps an AsyncEnv, got an instance of CartPoleEnv; turn a sync Env into one with toAsyncEnv(env)',
    );
  });
});
