/**
 * A real env through the vector envs: CartPole-v1 from `makeVec` (SyncVectorEnv, and AsyncVectorEnv with 2 worker
 * threads of 2 sub-envs), checked step by step against 4 single CartPole envs from `make` driven by hand with
 * Gymnasium's rules for each autoreset mode. A short time limit (15 steps) makes episodes end both ways:
 * terminated (the pole falls under random actions) and truncated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../../src/core.ts';
import { make } from '../../src/registry/index.ts';
import { npRandom } from '../../src/utils/seeding.ts';
import { AutoresetMode } from '../../src/vector/autoreset-mode.ts';
import { makeVec } from '../../src/vector/make-vec.ts';
import type { VectorEnv } from '../../src/vector/vector-env.ts';
import { plain } from './helpers.ts';

const NUM_ENVS = 4;
const SEED = 42;
const STEPS = 90;
const MAX_EPISODE_STEPS = 15;
const MODES = [AutoresetMode.NEXT_STEP, AutoresetMode.SAME_STEP, AutoresetMode.DISABLED] as const;

type Mode = (typeof MODES)[number];
const vectors = new Map<string, VectorEnv>();

beforeAll(async () => {
  const common = { numEnvs: NUM_ENVS, maxEpisodeSteps: MAX_EPISODE_STEPS };
  // Started together: most of the cost is the worker threads starting up.
  const made = await Promise.all(
    MODES.flatMap((autoresetMode) => [
      makeVec('CartPole-v1', { ...common, vectorizationMode: 'sync', vectorKwargs: { autoresetMode } }),
      makeVec('CartPole-v1', {
        ...common,
        vectorizationMode: 'async',
        vectorKwargs: { autoresetMode, numWorkers: 2 },
      }),
    ]),
  );
  MODES.forEach((autoresetMode, m) => {
    vectors.set(`sync ${autoresetMode}`, made[2 * m]!);
    vectors.set(`async ${autoresetMode}`, made[2 * m + 1]!);
  });
});

afterAll(async () => {
  await Promise.all([...vectors.values()].map(async (env) => env.close()));
});

/** One expected vector step, computed from the single envs. */
interface Expected {
  obs: number[][];
  rewards: number[];
  terminations: number[];
  truncations: number[];
  /** SAME_STEP: the terminal observation of each sub-env that ended its episode, else null. */
  finalObs: (number[] | null)[];
}

/** Steps the single envs as a vector env in `mode` must step its sub-envs (gymnasium/vector, AutoresetMode). */
function referenceStep(
  mode: Mode,
  envs: Env<Float32Array, number>[],
  prevDone: boolean[],
  actions: Int32Array,
): Expected {
  const expected: Expected = { obs: [], rewards: [], terminations: [], truncations: [], finalObs: [] };
  envs.forEach((env, i) => {
    let obs: Float32Array;
    let reward = 0;
    let terminated = false;
    let truncated = false;
    let finalObs: number[] | null = null;
    if (mode === AutoresetMode.NEXT_STEP && prevDone[i]) {
      // The step after an episode end: reset, action ignored, reward 0, flags false.
      [obs] = env.reset();
    } else {
      const [stepObs, stepReward, stepTerminated, stepTruncated] = env.step(actions[i]!);
      [obs, reward, terminated, truncated] = [stepObs, Number(stepReward), stepTerminated, stepTruncated];
      if (mode === AutoresetMode.SAME_STEP && (terminated || truncated)) {
        finalObs = Array.from(obs);
        [obs] = env.reset();
      }
    }
    prevDone[i] = terminated || truncated;
    expected.obs.push(Array.from(obs));
    expected.rewards.push(reward);
    expected.terminations.push(terminated ? 1 : 0);
    expected.truncations.push(truncated ? 1 : 0);
    expected.finalObs.push(finalObs);
  });
  return expected;
}

/** A vector observation batch as one array per sub-env. */
function rows(batch: unknown): number[][] {
  const flat = plain(batch) as number[];
  return Array.from({ length: NUM_ENVS }, (_, i) => flat.slice(i * 4, (i + 1) * 4));
}

describe('CartPole-v1 vector env spaces', () => {
  it.each(['sync', 'async'])(
    '%s: batched spaces hold numEnvs values, and sampled actions step',
    async (kind) => {
      const env = vectors.get(`${kind} ${AutoresetMode.NEXT_STEP}`)!;
      expect(env.numEnvs).toBe(NUM_ENVS);
      expect(String(env.singleActionSpace)).toBe('Discrete(2)');
      expect(String(env.actionSpace)).toBe('MultiDiscrete([2 2 2 2])');
      expect(env.singleObservationSpace.shape).toEqual([4]);
      expect(env.observationSpace.shape).toEqual([NUM_ENVS, 4]);
      const [obs] = await env.reset({ seed: 1 });
      expect(env.observationSpace.contains(obs)).toBe(true);
      env.actionSpace.seed(3);
      const [next] = await env.step(env.actionSpace.sample());
      expect(env.observationSpace.contains(next)).toBe(true);
    },
  );
});

describe.each(MODES)('CartPole-v1 vector envs, autoresetMode %s', (mode) => {
  it('match single envs step by step, sync and async alike', async () => {
    const sync = vectors.get(`sync ${mode}`)!;
    const async_ = vectors.get(`async ${mode}`)!;
    expect(sync.metadata.autoresetMode).toBe(mode);
    expect(async_.metadata.autoresetMode).toBe(mode);
    const singles = Array.from({ length: NUM_ENVS }, () =>
      make<Float32Array, number>('CartPole-v1', { maxEpisodeSteps: MAX_EPISODE_STEPS }),
    );
    const prevDone = new Array<boolean>(NUM_ENVS).fill(false);

    // reset({seed: s}) seeds sub-env i with s + i.
    const [syncObs] = await sync.reset({ seed: SEED });
    const [asyncObs] = await async_.reset({ seed: SEED });
    const resetRows = singles.map((env, i) => Array.from(env.reset({ seed: SEED + i })[0]));
    expect(rows(syncObs)).toEqual(resetRows);
    expect(rows(asyncObs)).toEqual(resetRows);

    const [rng] = npRandom(7);
    let terminations = 0;
    let truncations = 0;
    let resetSteps = 0;
    for (let t = 0; t < STEPS; t++) {
      const actions = Int32Array.from({ length: NUM_ENVS }, () => rng.integers(0, 2));
      const wasDone = [...prevDone];
      const expected = referenceStep(mode, singles, prevDone, actions);
      for (const [kind, env] of [
        ['sync', sync],
        ['async', async_],
      ] as const) {
        const [obs, rewards, terms, truncs, infos] = await env.step(actions);
        const where = `${kind}, step ${t}`;
        expect(rows(obs), where).toEqual(expected.obs);
        expect(plain(rewards), where).toEqual(expected.rewards);
        expect(plain(terms), where).toEqual(expected.terminations);
        expect(plain(truncs), where).toEqual(expected.truncations);
        const dones = expected.terminations.map((term, i) =>
          term === 1 || expected.truncations[i] === 1 ? 1 : 0,
        );
        if (mode === AutoresetMode.SAME_STEP && dones.includes(1)) {
          expect(plain(infos._final_obs), where).toEqual(dones);
          expect(plain(infos._final_info), where).toEqual(dones);
          expect(
            (plain(infos.final_obs) as unknown[]).map((o) => (o === null ? null : Array.from(o as number[]))),
            where,
          ).toEqual(expected.finalObs);
        } else {
          expect(infos, where).not.toHaveProperty('final_obs');
          expect(infos, where).not.toHaveProperty('_final_obs');
        }
      }
      terminations += expected.terminations.reduce((a, b) => a + b, 0);
      truncations += expected.truncations.reduce((a, b) => a + b, 0);
      resetSteps += wasDone.filter(Boolean).length;

      if (mode === AutoresetMode.DISABLED && prevDone.includes(true)) {
        // The caller resets the finished sub-envs; the others keep their state and observation.
        const resetMask = [...prevDone];
        const before = expected.obs;
        const [syncReset] = await sync.reset({ options: { reset_mask: resetMask } });
        const [asyncReset] = await async_.reset({ options: { reset_mask: resetMask } });
        const after = singles.map((env, i) => (resetMask[i] ? Array.from(env.reset()[0]) : before[i]!));
        expect(rows(syncReset)).toEqual(after);
        expect(rows(asyncReset)).toEqual(after);
        prevDone.fill(false);
      }
    }
    // The run exercised both kinds of episode end (and, under NEXT_STEP, the reset steps after them).
    expect(terminations).toBeGreaterThan(0);
    expect(truncations).toBeGreaterThan(0);
    if (mode === AutoresetMode.NEXT_STEP) expect(resetSteps).toBeGreaterThan(0);
    for (const env of singles) env.close();
  });
});
