/**
 * Vector wrappers over SyncVectorEnv and AsyncVectorEnv: RecordEpisodeStatistics (infos.episode = {r, l, t} with
 * the `_episode` mask, the queues, each autoreset mode's episode boundaries) and DictInfoToList.
 * CountdownEnv sub-env 0 ends its episodes after 2 steps, sub-env 1 after 3; with actions [1, 2] their returns
 * are 1.1 + 2.1 = 3.2 and 1.2 + 2.2 + 3.2 ≈ 6.6.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GymError } from '../../src/errors.ts';
import { AutoresetMode } from '../../src/vector/autoreset-mode.ts';
import { SyncVectorEnv } from '../../src/vector/sync-vector-env.ts';
import type { VectorEnv, VectorInfos } from '../../src/vector/vector-env.ts';
import { DictInfoToList } from '../../src/vector/wrappers/dict-info-to-list.ts';
import { RecordEpisodeStatistics } from '../../src/vector/wrappers/record-episode-statistics.ts';
import { CountdownEnv } from './fixtures/countdown-env.ts';
import { countdownVector, type Kind, plain } from './helpers.ts';

const ACTIONS = Int32Array.of(1, 2);
// Summed in step order, as the wrapper sums them (1.2 + 2.2 + 3.2 is not exactly 6.6 in float64).
const R0 = 1.1 + 2.1;
const R1 = 1.2 + 2.2 + 3.2;
const opened: VectorEnv[] = [];

afterAll(async () => {
  await Promise.all(opened.map(async (env) => env.close()));
});

async function recorded(kind: Kind, autoresetMode: AutoresetMode): Promise<RecordEpisodeStatistics> {
  // One worker thread for both sub-envs keeps the async case cheap to start.
  const env = await countdownVector(kind, [{ terminateAfter: 2 }, { terminateAfter: 3 }], {
    autoresetMode,
    numWorkers: 1,
  });
  opened.push(env);
  return new RecordEpisodeStatistics(env, { bufferLength: 3 });
}

/** `infos.episode` as plain arrays, or null when no episode ended. */
function episode(infos: VectorInfos): unknown {
  if (!('episode' in infos)) return null;
  const { r, l, t } = infos.episode as { r: Float64Array; l: Int32Array; t: Float64Array };
  expect(l).toBeInstanceOf(Int32Array);
  expect([...t].every((s) => s >= 0)).toBe(true);
  return { r: plain(r), l: plain(l), mask: plain(infos._episode) };
}

describe.each<Kind>(['sync', 'async'])('RecordEpisodeStatistics over a %s vector env', (kind) => {
  it('NEXT_STEP: reports each finished episode; the reset step after it does not count', async () => {
    const env = await recorded(kind, AutoresetMode.NEXT_STEP);
    await env.reset({ seed: 0 });
    const seen: unknown[] = [];
    for (let t = 0; t < 6; t++) seen.push(episode((await env.step(ACTIONS))[4]));
    expect(seen).toEqual([
      null,
      { r: [R0, 0], l: [2, 0], mask: [1, 0] },
      { r: [0, R1], l: [0, 3], mask: [0, 1] }, // sub-env 0 resets here
      null, // sub-env 1 resets; sub-env 0 takes step 1 of its second episode
      { r: [R0, 0], l: [2, 0], mask: [1, 0] },
      null,
    ]);
    expect(env.episodeCount).toBe(3);
    expect(env.returnQueue).toEqual([R0, R1, R0]);
    expect(env.lengthQueue).toEqual([2, 3, 2]);
    expect(env.timeQueue).toHaveLength(3);
  });

  it('SAME_STEP: every step counts, statistics restart in the step that ends an episode', async () => {
    const env = await recorded(kind, AutoresetMode.SAME_STEP);
    await env.reset({ seed: 0 });
    const seen: unknown[] = [];
    for (let t = 0; t < 6; t++) seen.push(episode((await env.step(ACTIONS))[4]));
    expect(seen).toEqual([
      null,
      { r: [R0, 0], l: [2, 0], mask: [1, 0] },
      { r: [0, R1], l: [0, 3], mask: [0, 1] },
      { r: [R0, 0], l: [2, 0], mask: [1, 0] },
      null,
      { r: [R0, R1], l: [2, 3], mask: [1, 1] },
    ]);
    // The queues keep the last bufferLength (3) episodes.
    expect(env.episodeCount).toBe(5);
    expect(env.returnQueue).toEqual([R0, R0, R1]);
    expect(env.lengthQueue).toEqual([2, 2, 3]);
  });
});

describe('RecordEpisodeStatistics (sync only)', () => {
  it('DISABLED: a reset_mask reset restarts only the masked sub-envs', async () => {
    const env = (await recorded('sync', AutoresetMode.DISABLED)) as RecordEpisodeStatistics<
      unknown,
      unknown,
      'sync'
    >;
    env.reset({ seed: 0 });
    env.step(ACTIONS);
    expect(episode(env.step(ACTIONS)[4])).toEqual({ r: [R0, 0], l: [2, 0], mask: [1, 0] });
    env.reset({ options: { reset_mask: [true, false] } });
    expect(episode(env.step(ACTIONS)[4])).toEqual({ r: [0, R1], l: [0, 3], mask: [0, 1] });
  });

  it('refuses to overwrite an existing info key and checks its options', () => {
    const base = new SyncVectorEnv([() => new CountdownEnv({ terminateAfter: 1 })]);
    const env = new RecordEpisodeStatistics(base, { statsKey: 't' });
    env.reset({ seed: 0 });
    expect(() => env.step(Int32Array.of(0))).toThrow(GymError);
    expect(() => env.step(Int32Array.of(0))).not.toThrow(); // the reset step of NEXT_STEP ends no episode
    expect(() => new RecordEpisodeStatistics(base, { bufferLength: 0 })).toThrow(
      /bufferLength must be a positive integer/,
    );
    env.close();
  });
});

describe('DictInfoToList', () => {
  it('gives one info per sub-env with only its own keys, sync and async alike', async () => {
    for (const kind of ['sync', 'async'] as const) {
      const inner = await countdownVector(kind, [{ terminateAfter: 2 }, { terminateAfter: 3 }], {
        numWorkers: 1,
      });
      opened.push(inner);
      const env = new DictInfoToList(inner);
      const [, resetInfos] = await env.reset({ seed: 3 });
      expect(resetInfos).toHaveLength(2);
      expect(resetInfos.map((info) => Object.keys(info).sort())).toEqual([
        ['draw', 'resets'],
        ['draw', 'resets'],
      ]);
      const [, , , , infos] = await env.step(ACTIONS);
      expect(infos).toEqual([
        { t: 1, even: false, nested: { t2: 2, deep: { tag: 's1' } }, odd: 'odd1' },
        { t: 1, even: false, nested: { t2: 2, deep: { tag: 's1' } }, odd: 'odd1' },
      ]);
      await env.step(ACTIONS);
      const [, , , , third] = await env.step(ACTIONS);
      // Sub-env 0 was reset (reset info); sub-env 1 took its third step.
      expect(third[0]).toEqual({ resets: 2, draw: expect.any(Number) as number });
      expect(third[1]).toMatchObject({ t: 3, odd: 'odd3' });
    }
  });
});
