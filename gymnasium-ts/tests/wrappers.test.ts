import { describe, expect, it } from 'vitest';
import { Env, type Info, type ResetArgs, type ResetResult, type StepResult, Wrapper } from '../src/core.ts';
import { GymError, InvalidAction, ResetNeeded } from '../src/errors.ts';
import { Box } from '../src/spaces/box.ts';
import { Discrete } from '../src/spaces/discrete.ts';
import type { Space } from '../src/spaces/space.ts';
import { captureWarnings } from '../src/utils/warnings.ts';
import { createEnvSpec } from '../src/registry/env-spec.ts';
import { Autoreset } from '../src/wrappers/autoreset.ts';
import { ClipAction } from '../src/wrappers/clip-action.ts';
import { ClipReward } from '../src/wrappers/clip-reward.ts';
import { OrderEnforcing } from '../src/wrappers/order-enforcing.ts';
import {
  type EpisodeStatistics,
  RecordEpisodeStatistics,
} from '../src/wrappers/record-episode-statistics.ts';
import { RescaleAction } from '../src/wrappers/rescale-action.ts';
import { TimeLimit } from '../src/wrappers/time-limit.ts';
import { TransformAction } from '../src/wrappers/transform-action.ts';
import { TransformObservation } from '../src/wrappers/transform-observation.ts';
import { TransformReward } from '../src/wrappers/transform-reward.ts';

/**
 * Terminates after `episodeLength` steps. The observation is [steps so far, a draw from npRandom made at reset],
 * the reward is `rewards[step - 1]` (default 1), and every action and reset is recorded.
 */
class ScriptedEnv extends Env<number[], number> {
  actionSpace = new Discrete(3);
  // Plain-number observations are members of a Box; only the static type needs the cast.
  observationSpace = new Box(-1, 1000, { shape: [2] }) as unknown as Space<number[]>;
  readonly actions: number[] = [];
  readonly resets: (ResetArgs | undefined)[] = [];
  steps = 0;
  draw = 0;
  constructor(
    readonly episodeLength = 3,
    readonly rewards: number[] = [],
    readonly extraInfo: Info = {},
  ) {
    super();
    this.metadata = { renderModes: ['ansi'] };
    this.renderMode = 'ansi';
  }
  override reset(args?: ResetArgs): ResetResult<number[]> {
    super.reset(args);
    this.resets.push(args);
    this.steps = 0;
    this.draw = this.npRandom.random();
    return [[0, this.draw], { reset: true }];
  }
  step(action: number): StepResult<number[]> {
    this.actions.push(action);
    this.steps += 1;
    const reward = this.rewards[this.steps - 1] ?? 1;
    return [
      [this.steps, this.draw],
      reward,
      this.steps >= this.episodeLength,
      false,
      { step: this.steps, ...this.extraInfo },
    ];
  }
  override render(): string {
    return `steps=${this.steps}`;
  }
}

/** An env with a continuous action space that records the actions it receives. */
class ContinuousEnv extends Env<number, Float32Array> {
  actionSpace = new Box([-1, 0], [1, 10]);
  observationSpace = new Discrete(1);
  readonly received: Float32Array[] = [];
  override reset(args?: ResetArgs): ResetResult<number> {
    super.reset(args);
    return [0, {}];
  }
  step(action: Float32Array): StepResult<number> {
    this.received.push(action);
    return [0, 0, false, false, {}];
  }
}

describe('TimeLimit', () => {
  it('truncates after maxEpisodeSteps, independently of terminated', () => {
    const env = new TimeLimit(new ScriptedEnv(100), 3);
    env.reset();
    expect(env.step(0).slice(2, 4)).toEqual([false, false]);
    expect(env.step(0).slice(2, 4)).toEqual([false, false]);
    expect(env.step(0).slice(2, 4)).toEqual([false, true]);
    expect(env.elapsedSteps).toBe(3);
    env.reset();
    expect(env.elapsedSteps).toBe(0);
    expect(env.step(0)[3]).toBe(false);
  });

  it('reports both flags when the env terminates exactly at the limit', () => {
    const env = new TimeLimit(new ScriptedEnv(2), 2);
    env.reset();
    env.step(0);
    expect(env.step(0).slice(2, 4)).toEqual([true, true]);
  });

  it('keeps an env-issued truncation, and stays truncated past the limit', () => {
    class Truncating extends ScriptedEnv {
      override step(action: number): StepResult<number[]> {
        const [obs, reward, terminated, , info] = super.step(action);
        return [obs, reward, terminated, true, info];
      }
    }
    const env = new TimeLimit(new Truncating(100), 50);
    env.reset();
    expect(env.step(0)[3]).toBe(true);
    const short = new TimeLimit(new ScriptedEnv(100), 1);
    short.reset();
    short.step(0);
    expect(short.step(0)[3]).toBe(true);
  });

  it('needs a reset and a positive integer limit', () => {
    expect(() => new TimeLimit(new ScriptedEnv(), 1).step(0)).toThrow(ResetNeeded);
    for (const bad of [0, -1, 1.5, NaN]) {
      expect(() => new TimeLimit(new ScriptedEnv(), bad)).toThrow(
        `TimeLimit: maxEpisodeSteps must be a positive integer, got ${bad}`,
      );
    }
  });

  it('shows its limit in the spec seen through it', () => {
    const inner = new ScriptedEnv();
    inner.spec = createEnvSpec({ id: 'Scripted-v0', entryPoint: 'm.ts:E', maxEpisodeSteps: 100 });
    const env = new TimeLimit(inner, 7);
    expect(env.spec?.maxEpisodeSteps).toBe(7);
    expect(inner.spec.maxEpisodeSteps).toBe(100);
    expect(env.spec).toBe(env.spec);
    expect(new TimeLimit(new ScriptedEnv(), 7).spec).toBeNull();
    expect(env.toString()).toBe('<TimeLimit<ScriptedEnv<Scripted-v0>>>');
  });
});

describe('OrderEnforcing', () => {
  it("throws Gymnasium's ResetNeeded for step and render before reset", () => {
    const env = new OrderEnforcing(new ScriptedEnv());
    expect(env.hasReset).toBe(false);
    expect(() => env.step(0)).toThrow(ResetNeeded);
    expect(() => env.step(0)).toThrow('Cannot call env.step() before calling env.reset()');
    expect(() => env.render()).toThrow(
      'Cannot call `env.render()` before calling `env.reset()`, if this is an intended action, set `disableRenderOrderEnforcing: true` on the OrderEnforcing wrapper.',
    );
    env.reset();
    expect(env.hasReset).toBe(true);
    expect(env.step(1)[0]).toEqual([1, expect.any(Number)]);
    expect(env.render()).toBe('steps=1');
  });

  it('can allow render before reset', () => {
    const env = new OrderEnforcing(new ScriptedEnv(), { disableRenderOrderEnforcing: true });
    expect(env.render()).toBe('steps=0');
    expect(() => env.step(0)).toThrow(ResetNeeded);
  });

  it('sets orderEnforce in the spec seen through it', () => {
    const inner = new ScriptedEnv();
    inner.spec = createEnvSpec({ id: 'Scripted-v0', entryPoint: 'm.ts:E', orderEnforce: false });
    expect(new OrderEnforcing(inner).spec?.orderEnforce).toBe(true);
  });
});

describe('RecordEpisodeStatistics', () => {
  it('adds {r, l, t} to the info of the last step of each episode', () => {
    const env = new RecordEpisodeStatistics(new ScriptedEnv(3, [0.5, 2, -1]));
    env.reset();
    const infos = [env.step(0)[4], env.step(0)[4], env.step(0)[4]];
    expect(infos[0]).not.toHaveProperty('episode');
    expect(infos[1]).not.toHaveProperty('episode');
    const stats = infos[2]!.episode as EpisodeStatistics;
    expect(stats.r).toBe(1.5);
    expect(stats.l).toBe(3);
    expect(stats.t).toBeGreaterThanOrEqual(0);
    expect(Math.round(stats.t * 1e6) / 1e6).toBe(stats.t);
    expect(infos[2]!.step).toBe(3);
    expect(env.returnQueue).toEqual([1.5]);
    expect(env.lengthQueue).toEqual([3]);
    expect(env.timeQueue).toEqual([stats.t]);
    expect(env.episodeCount).toBe(1);
  });

  it('counts truncated episodes and keeps the last bufferLength of each statistic', () => {
    const env = new RecordEpisodeStatistics(new TimeLimit(new ScriptedEnv(100), 2), { bufferLength: 2 });
    for (let episode = 1; episode <= 3; episode++) {
      env.reset();
      env.step(0);
      const [, , terminated, truncated, info] = env.step(0);
      expect([terminated, truncated]).toEqual([false, true]);
      expect((info.episode as EpisodeStatistics).l).toBe(2);
    }
    expect(env.lengthQueue).toEqual([2, 2]);
    expect(env.returnQueue).toEqual([2, 2]);
    expect(env.timeQueue).toHaveLength(2);
    expect(env.episodeCount).toBe(3);
  });

  it('uses statsKey, refuses to overwrite an existing key, and validates its options', () => {
    const custom = new RecordEpisodeStatistics(new ScriptedEnv(1), { statsKey: 'stats' });
    custom.reset();
    expect(custom.step(0)[4].stats).toMatchObject({ r: 1, l: 1 });
    const clash = new RecordEpisodeStatistics(new ScriptedEnv(1, [], { episode: 'mine' }));
    clash.reset();
    expect(() => clash.step(0)).toThrow(GymError);
    expect(() => clash.step(0)).toThrow(
      "RecordEpisodeStatistics: the env's info already has the key 'episode'",
    );
    expect(() => new RecordEpisodeStatistics(new ScriptedEnv(), { bufferLength: 0 })).toThrow(
      'RecordEpisodeStatistics: bufferLength must be a positive integer, got 0',
    );
  });

  it('resets the running return and length on reset only', () => {
    const env = new RecordEpisodeStatistics(new ScriptedEnv(10));
    env.reset();
    env.step(0);
    env.step(0);
    expect([env.episodeReturns, env.episodeLengths]).toEqual([2, 2]);
    env.reset();
    expect([env.episodeReturns, env.episodeLengths]).toEqual([0, 0]);
  });
});

describe('Autoreset', () => {
  it('resets on the step after the episode ends (next-step semantics)', () => {
    const inner = new ScriptedEnv(2);
    const env = new Autoreset(inner);
    env.reset({ seed: 5 });
    const firstDraw = inner.draw;
    expect(env.step(1).slice(1, 4)).toEqual([1, false, false]);
    const last = env.step(2);
    expect(last[0][0]).toBe(2);
    expect(last.slice(1, 4)).toEqual([1, true, false]);
    expect(env.autoreset).toBe(true);

    const afterEnd = env.step(0);
    expect(afterEnd).toEqual([[0, inner.draw], 0, false, false, { reset: true }]);
    expect(inner.actions).toEqual([1, 2]); // the action of the autoreset step is ignored
    expect(inner.resets).toEqual([{ seed: 5 }, undefined]); // no seed: the generator stream continues
    expect(inner.draw).not.toBe(firstDraw);
    expect(env.autoreset).toBe(false);
    expect(env.step(1)[0][0]).toBe(1);
  });

  it('a manual reset cancels the pending autoreset', () => {
    const inner = new ScriptedEnv(1);
    const env = new Autoreset(inner);
    env.reset();
    env.step(0);
    env.reset();
    expect(env.step(0).slice(1, 4)).toEqual([1, true, false]);
    expect(inner.resets).toHaveLength(2);
  });

  it('autoresets after truncation too', () => {
    const env = new Autoreset(new TimeLimit(new ScriptedEnv(100), 1));
    env.reset();
    expect(env.step(0).slice(2, 4)).toEqual([false, true]);
    expect(env.step(0).slice(1, 4)).toEqual([0, false, false]);
  });
});

describe('transform wrappers', () => {
  it('TransformObservation applies func to reset and step observations, and can replace the space', () => {
    const space = new Discrete(1000);
    const env = new TransformObservation(new ScriptedEnv(), (obs: number[]) => obs[0]! * 10, space);
    expect(env.observationSpace).toBe(space);
    expect(env.reset()[0]).toBe(0);
    expect(env.step(0)[0]).toBe(10);
    const keep = new TransformObservation(new ScriptedEnv(), (obs: number[]) => obs);
    expect(keep.observationSpace).toBe(keep.env.observationSpace);
    expect(() => new TransformObservation(new ScriptedEnv(), 'x' as never)).toThrow(
      'TransformObservation: func must be a function, got string',
    );
  });

  it('TransformAction applies func before the env sees the action', () => {
    const inner = new ScriptedEnv();
    const agentSpace = new Discrete(2, { start: 10 });
    const env = new TransformAction(inner, (a: number) => a - 10, agentSpace);
    env.reset();
    env.step(11);
    expect(inner.actions).toEqual([1]);
    expect(env.actionSpace).toBe(agentSpace);
    expect(new TransformAction(inner, (a: number) => a).actionSpace).toBe(inner.actionSpace);
  });

  it('TransformReward and ClipReward change only the reward', () => {
    const scaled = new TransformReward(new ScriptedEnv(3, [2, -4, 8]), (r) => r * 0.5);
    scaled.reset();
    expect([scaled.step(0)[1], scaled.step(0)[1], scaled.step(0)[1]]).toEqual([1, -2, 4]);

    const clipped = new ClipReward(new ScriptedEnv(3, [2, -4, 0.5]), { minReward: -1, maxReward: 1 });
    clipped.reset();
    expect([clipped.step(0)[1], clipped.step(0)[1], clipped.step(0)[1]]).toEqual([1, -1, 0.5]);

    const onlyMax = new ClipReward(new ScriptedEnv(2, [5, -5]), { maxReward: 1 });
    onlyMax.reset();
    expect([onlyMax.step(0)[1], onlyMax.step(0)[1]]).toEqual([1, -5]);
  });

  it('ClipReward rejects missing or inverted bounds', () => {
    expect(() => new ClipReward(new ScriptedEnv())).toThrow(
      'ClipReward: minReward and maxReward cannot both be null',
    );
    expect(() => new ClipReward(new ScriptedEnv(), { minReward: 1, maxReward: 0 })).toThrow(
      'ClipReward: min reward (1) must be smaller than max reward (0)',
    );
    expect(() => new ClipReward(new ScriptedEnv(), { minReward: NaN })).toThrow(
      'ClipReward: minReward must be a number or null, got NaN',
    );
  });

  it('ClipAction clips to the env bounds and widens its own space', () => {
    const inner = new ContinuousEnv();
    const env = new ClipAction(inner);
    expect(env.actionSpace).toBeInstanceOf(Box);
    const space = env.actionSpace as Box;
    expect(Array.from(space.low)).toEqual([-Infinity, -Infinity]);
    expect(Array.from(space.high)).toEqual([Infinity, Infinity]);
    expect(space.dtype).toBe('float32');
    env.reset();
    env.step([5, -2]);
    env.step(new Float32Array([0.25, 3]));
    expect(inner.received.map((a) => Array.from(a))).toEqual([
      [1, 0],
      [0.25, 3],
    ]);
    expect(inner.received[0]).toBeInstanceOf(Float32Array);
    expect(() => env.step([1, 2, 3])).toThrow(InvalidAction);
    expect(() => env.step([1, 2, 3])).toThrow('ClipAction: the action [1,2,3] does not fit the action space');
    expect(() => new ClipAction(new ScriptedEnv() as never)).toThrow(
      'ClipAction needs an env whose action space is a Box',
    );
  });

  it('RescaleAction maps [min, max] affinely onto the env bounds', () => {
    const inner = new ContinuousEnv();
    const env = new RescaleAction(inner, -1, 1);
    const space = env.actionSpace as Box;
    expect(Array.from(space.low)).toEqual([-1, -1]);
    expect(Array.from(space.high)).toEqual([1, 1]);
    env.reset();
    env.step([-1, -1]);
    env.step([1, 1]);
    env.step([0, 0]);
    expect(inner.received.map((a) => Array.from(a))).toEqual([
      [-1, 0],
      [1, 10],
      [0, 5],
    ]);
    const perCoordinate = new RescaleAction(new ContinuousEnv(), [0, 0], [1, 2]);
    perCoordinate.reset();
    perCoordinate.step([0.5, 1]);
    expect(Array.from((perCoordinate.env as ContinuousEnv).received[0]!)).toEqual([0, 5]);
  });

  it('RescaleAction validates its bounds', () => {
    expect(() => new RescaleAction(new ContinuousEnv(), 1, 1)).toThrow(
      'RescaleAction: minAction must be below maxAction in every coordinate, got 1 and 1 at flat index 0',
    );
    expect(() => new RescaleAction(new ContinuousEnv(), [0, 0, 0], 1)).toThrow(
      'RescaleAction: minAction has 3 values, the action space has 2',
    );
    class Unbounded extends ContinuousEnv {
      override actionSpace = new Box(-Infinity, Infinity, { shape: [2] });
    }
    expect(() => new RescaleAction(new Unbounded(), -1, 1)).toThrow(
      'RescaleAction needs finite env action bounds with low < high, got [-Infinity, Infinity] at flat index 0',
    );
  });
});

describe('wrapper stacks', () => {
  it('find attributes through the stack and print nested reprs', () => {
    const env = new RecordEpisodeStatistics(new TimeLimit(new OrderEnforcing(new ScriptedEnv()), 5));
    expect(env.getWrapperAttr('maxEpisodeSteps')).toBe(5);
    expect(env.getWrapperAttr('hasReset')).toBe(false);
    expect(env.getWrapperAttr('episodeLength')).toBe(3);
    expect(env.toString()).toBe('<RecordEpisodeStatistics<TimeLimit<OrderEnforcing<ScriptedEnv instance>>>>');
    expect(env.unwrapped).toBeInstanceOf(ScriptedEnv);
    expect(env).toBeInstanceOf(Wrapper);
  });

  it('a seeded reset through wrappers gives the same episode; an unseeded one continues the stream', () => {
    const run = (): number[] => {
      const env = new RecordEpisodeStatistics(new TimeLimit(new ScriptedEnv(), 5));
      const draws = [env.reset({ seed: 11 })[0][1]!, env.reset()[0][1]!, env.reset()[0][1]!];
      return draws;
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('captures no warnings for well-behaved stacks', () => {
    const { warnings } = captureWarnings(() => {
      const env = new ClipReward(new TimeLimit(new ScriptedEnv(), 2), { minReward: 0 });
      env.reset();
      env.step(0);
      env.step(0);
    });
    expect(warnings).toEqual([]);
  });
});
