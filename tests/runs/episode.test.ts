import { describe, expect, it } from 'vitest';
import { RandomPolicy } from '../../agents/baselines/random.ts';
import type { Policy } from '../../agents/policy.ts';
import { OfficeEnv, type OfficeAction, type OfficeObservation } from '../../envs/office/index.ts';
import type { TaskRecord } from '../../envs/tasks/schema.ts';
import type { RewardFn } from '../../rewards/reward-fn.ts';
import { runEpisode } from '../../runs/episode.ts';
import { episodeId, episodeSeed } from '../../runs/seeds.ts';
import { notepad } from '../office/fixtures/notepad.ts';

const task: TaskRecord = { app: 'word', unique_id: 'bold-1', task: 'Make the text bold', refined_steps: [] };
const boldReward: RewardFn = {
  name: 'bold-rule',
  score: (t) => {
    const bold = (t.final_obs as OfficeObservation | undefined)?.canvas as
      { format?: { bold?: boolean } } | undefined;
    const success = bold?.format?.bold === true;
    return {
      reward: success ? 1 : 0,
      success,
      sub_scores: { bold: success ? 'yes' : 'no' },
      reason: 'checked bold',
    };
  },
};
const env = () => new OfficeEnv(notepad, {});
const spec = (seed: number) => ({ runId: 'run-1', task, attempt: 0, seed });

describe('runEpisode', () => {
  it('plays a seeded episode reproducibly and scores the final document', async () => {
    const a = await runEpisode(env(), new RandomPolicy(), boldReward, spec(3));
    const b = await runEpisode(env(), new RandomPolicy(), boldReward, spec(3));
    const strip = (t: typeof a) => ({ ...t, timing: null, steps: t.steps.map((s) => ({ ...s, ms: 0 })) });
    expect(strip(b)).toEqual(strip(a));
    expect(a.episode_id).toBe('run-1/word/bold-1/0');
    expect(a.policy).toEqual({ name: 'random', version: '1' });
    expect(a.steps.length).toBeGreaterThan(0);
    expect(a.steps[0]?.obs.request).toBe('Make the text bold');
    expect(a.final_obs).toBeDefined();
    expect(a.outcome).toMatchObject({
      reward_fn: 'bold-rule',
      sub_scores: { bold: expect.stringMatching(/yes|no/) },
    });
    expect(a.outcome.error).toBeUndefined();
  });

  it('keeps the trajectory when the policy throws, and says where', async () => {
    let calls = 0;
    const flaky: Policy<OfficeObservation, OfficeAction> = {
      name: 'flaky',
      version: '0',
      act: (obs, ctx) => {
        if (++calls === 3) throw new Error('CUDA error');
        return new RandomPolicy({ finishProbability: 0 }).act(obs, ctx);
      },
    };
    const t = await runEpisode(env(), flaky, boldReward, spec(1));
    expect(t.steps).toHaveLength(2);
    expect(t.outcome).toMatchObject({
      success: false,
      error: 'policy_error',
      reason: "the policy 'flaky' threw at step 2: Error: CUDA error",
    });
  });

  it('marks reward_error when the reward function throws or returns nonsense, and goes on', async () => {
    const throwing: RewardFn = {
      name: 'broken',
      score: () => {
        throw new TypeError('x is undefined');
      },
    };
    const t = await runEpisode(env(), new RandomPolicy(), throwing, spec(2));
    expect(t.steps.length).toBeGreaterThan(0);
    expect(t.outcome).toMatchObject({
      error: 'reward_error',
      success: false,
      reason: "the reward function 'broken' threw TypeError: x is undefined",
    });
    const nonsense = { name: 'nan', score: () => ({ reward: Number.NaN, success: true }) };
    expect((await runEpisode(env(), new RandomPolicy(), nonsense, spec(2))).outcome.reason).toMatch(
      /not a finite number \(NaN\)/,
    );
    const badSub = {
      name: 'sub',
      score: () => ({ reward: 1, success: true, sub_scores: { a: 'maybe' } }),
    } as unknown as RewardFn;
    expect((await runEpisode(env(), new RandomPolicy(), badSub, spec(2))).outcome.reason).toMatch(
      /sub_scores\.a = "maybe"/,
    );
  });

  it('reports a reset that fails as env_error', async () => {
    const broken = env();
    broken.reset = () => {
      throw new Error('template missing');
    };
    const t = await runEpisode(broken, new RandomPolicy(), boldReward, spec(0));
    expect(t.outcome).toMatchObject({ error: 'env_error', reason: 'reset failed: Error: template missing' });
  });
});

describe('episode seeds', () => {
  it('derive from the run seed, task and attempt only', () => {
    const s = episodeSeed(0, 'bold-1', 0);
    expect(episodeSeed(0, 'bold-1', 0)).toBe(s);
    expect(
      new Set([s, episodeSeed(1, 'bold-1', 0), episodeSeed(0, 'bold-2', 0), episodeSeed(0, 'bold-1', 1)])
        .size,
    ).toBe(4);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThan(2 ** 32);
    expect(() => episodeSeed(-1, 'x', 0)).toThrow(/non-negative integer/);
    expect(episodeId('r', 'excel', 't', 2)).toBe('r/excel/t/2');
  });
});
