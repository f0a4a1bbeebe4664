/**
 * The three autoreset modes, step by step around episode ends, for SyncVectorEnv and AsyncVectorEnv (2 worker
 * threads, one sub-env each). Sub-env 0 ends its episodes after 2 steps, sub-env 1 after 3; actions are [1, 2],
 * so observation `[t, draw, action]`, reward `t + action / 10`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { VectorEnvError } from '../../src/errors.ts';
import { AutoresetMode } from '../../src/vector/autoreset-mode.ts';
import type { VectorEnv } from '../../src/vector/vector-env.ts';
import { countdownVector, draws, type Kind, plain } from './helpers.ts';

const ACTIONS = Int32Array.of(1, 2);
const [d0a, d0b, d0c] = draws(5, 3) as [number, number, number];
const [d1a, d1b] = draws(6, 2) as [number, number];

describe.each<Kind>(['sync', 'async'])('%s vector env autoreset', (kind) => {
  // One vector env per mode, shared by the tests (starting worker threads is the slow part); every test starts
  // with a seeded reset of all sub-envs, and the reset counter the infos report is zeroed here.
  const made = new Map<AutoresetMode, VectorEnv>();
  afterAll(async () => {
    await Promise.all([...made.values()].map(async (env) => env.close()));
  });

  async function make(autoresetMode: AutoresetMode): Promise<VectorEnv> {
    let env = made.get(autoresetMode);
    if (env === undefined) {
      env = await countdownVector(kind, [{ terminateAfter: 2 }, { terminateAfter: 3 }], { autoresetMode });
      made.set(autoresetMode, env);
    }
    await env.setAttr('resets', 0);
    return env;
  }

  async function step(env: VectorEnv): Promise<unknown[]> {
    return plain(await env.step(ACTIONS)) as unknown[];
  }

  it('NEXT_STEP: the step after an episode end resets that sub-env, ignoring its action', async () => {
    const env = await make(AutoresetMode.NEXT_STEP);
    expect(env.metadata.autoresetMode).toBe('NextStep');
    const [obs, infos] = await env.reset({ seed: 5 });
    expect(plain(obs)).toEqual([0, d0a, 0, 0, d1a, 0]);
    expect(plain(infos)).toEqual({ resets: [1, 1], _resets: [1, 1], draw: [d0a, d1a], _draw: [1, 1] });

    expect((await step(env)).slice(0, 4)).toEqual([
      [1, d0a, 1, 1, d1a, 2],
      [1.1, 1.2],
      [0, 0],
      [0, 0],
    ]);
    expect((await step(env)).slice(0, 4)).toEqual([
      [2, d0a, 1, 2, d1a, 2],
      [2.1, 2.2],
      [1, 0],
      [0, 0],
    ]);
    // Sub-env 0 resets (reward 0, flags false, reset info); sub-env 1 ends its episode.
    const [o3, r3, term3, trunc3, i3] = await step(env);
    expect([o3, r3, term3, trunc3]).toEqual([
      [0, d0b, 0, 3, d1a, 2],
      [0, 3.2],
      [0, 1],
      [0, 0],
    ]);
    expect(i3).toEqual({
      resets: [2, 0],
      _resets: [1, 0],
      draw: [d0b, 0],
      _draw: [1, 0],
      t: [0, 3],
      _t: [0, 1],
      even: [0, 0],
      _even: [0, 1],
      nested: { t2: [0, 6], _t2: [0, 1], deep: { tag: [null, 's3'], _tag: [0, 1] }, _deep: [0, 1] },
      _nested: [0, 1],
      odd: [null, 'odd3'],
      _odd: [0, 1],
    });
    expect((await step(env)).slice(0, 4)).toEqual([
      [1, d0b, 1, 0, d1b, 0],
      [1.1, 0],
      [0, 0],
      [0, 0],
    ]);
    expect((await step(env)).slice(0, 4)).toEqual([
      [2, d0b, 1, 1, d1b, 2],
      [2.1, 1.2],
      [1, 0],
      [0, 0],
    ]);
  });

  it('SAME_STEP: resets inside the ending step and reports final_obs / final_info', async () => {
    const env = await make(AutoresetMode.SAME_STEP);
    await env.reset({ seed: 5 });
    expect((await step(env)).slice(0, 4)).toEqual([
      [1, d0a, 1, 1, d1a, 2],
      [1.1, 1.2],
      [0, 0],
      [0, 0],
    ]);

    const [o2, r2, term2, , i2] = await step(env);
    expect([o2, r2, term2]).toEqual([
      [0, d0b, 0, 2, d1a, 2],
      [2.1, 2.2],
      [1, 0],
    ]);
    const infos2 = i2 as Record<string, unknown>;
    expect(infos2.final_obs).toEqual([[2, d0a, 1], null]);
    expect(infos2._final_obs).toEqual([1, 0]);
    expect(infos2.final_info).toEqual({
      t: [2, 0],
      _t: [1, 0],
      even: [1, 0],
      _even: [1, 0],
      nested: { t2: [4, 0], _t2: [1, 0], deep: { tag: ['s2', null], _tag: [1, 0] }, _deep: [1, 0] },
      _nested: [1, 0],
    });
    expect(infos2._final_info).toEqual([1, 0]);
    // The reset info of sub-env 0 and the step info of sub-env 1 share the infos.
    expect([infos2.resets, infos2._resets, infos2.t, infos2._t]).toEqual([
      [2, 0],
      [1, 0],
      [0, 2],
      [0, 1],
    ]);

    const [o3, r3, term3, , i3] = await step(env);
    expect([o3, r3, term3]).toEqual([
      [1, d0b, 1, 0, d1b, 0],
      [1.1, 3.2],
      [0, 1],
    ]);
    expect((i3 as Record<string, unknown>).final_obs).toEqual([null, [3, d1a, 2]]);
    expect((i3 as Record<string, unknown>)._final_obs).toEqual([0, 1]);

    const [o4, r4, term4, , i4] = await step(env);
    expect([o4, r4, term4]).toEqual([
      [0, d0c, 0, 1, d1b, 2],
      [2.1, 1.2],
      [1, 0],
    ]);
    expect((i4 as Record<string, unknown>)._final_info).toEqual([1, 0]);
  });

  it('DISABLED: never resets; stepping a finished sub-env throws until reset_mask resets it', async () => {
    const env = await make(AutoresetMode.DISABLED);
    await env.reset({ seed: 5 });
    await step(env);
    expect((await step(env)).slice(0, 3)).toEqual([
      [2, d0a, 1, 2, d1a, 2],
      [2.1, 2.2],
      [1, 0],
    ]);
    await expect(async () => env.step(ACTIONS)).rejects.toThrow(VectorEnvError);
    await expect(async () => env.step(ACTIONS)).rejects.toThrow(/sub-env 0 finished its episode.*DISABLED/);

    // Only sub-env 0 is reset; sub-env 1 keeps its observation and reports no info. The sub-envs get the
    // options without reset_mask (here {}, which CountdownEnv echoes in its info).
    const [obs, infos] = await env.reset({ options: { reset_mask: [true, false] } });
    expect(plain(obs)).toEqual([0, d0b, 0, 2, d1a, 2]);
    expect(plain(infos)).toEqual({
      resets: [2, 0],
      _resets: [1, 0],
      draw: [d0b, 0],
      _draw: [1, 0],
      options: {},
      _options: [1, 0],
    });
    expect((await step(env)).slice(0, 3)).toEqual([
      [1, d0b, 1, 3, d1a, 2],
      [1.1, 3.2],
      [0, 1],
    ]);
    await expect(async () => env.step(ACTIONS)).rejects.toThrow(/sub-env 1 finished its episode/);

    const [obs2] = await env.reset({ options: { reset_mask: Uint8Array.of(0, 1) } });
    expect(plain(obs2)).toEqual([1, d0b, 1, 0, d1b, 0]);
    expect((await step(env)).slice(0, 3)).toEqual([
      [2, d0b, 1, 1, d1b, 2],
      [2.1, 1.2],
      [1, 0],
    ]);
  });

  it('seeds sub-env i with seed + i, or with the i-th seed of a list', async () => {
    const env = await make(AutoresetMode.NEXT_STEP);
    const [obs] = await env.reset({ seed: 40 });
    expect(plain(obs)).toEqual([0, draws(40, 1)[0], 0, 0, draws(41, 1)[0], 0]);
    const [obs2] = await env.reset({ seed: [7, 3] });
    expect(plain(obs2)).toEqual([0, draws(7, 1)[0], 0, 0, draws(3, 1)[0], 0]);
    // null keeps a sub-env's generator going: its second draw after seed 7.
    const [obs3] = await env.reset({ seed: [null, 3] });
    expect(plain(obs3)).toEqual([0, draws(7, 2)[1], 0, 0, draws(3, 1)[0], 0]);
    await expect(async () => env.reset({ seed: [1, 2, 3] })).rejects.toThrow(
      /length 3, but there are 2 sub-envs/,
    );
    await expect(async () => env.reset({ seed: -1 })).rejects.toThrow(/non-negative safe integer/);
  });

  it('passes reset options to every sub-env and checks reset_mask', async () => {
    const env = await make(AutoresetMode.NEXT_STEP);
    const [, infos] = await env.reset({ seed: 1, options: { level: 3 } });
    expect(plain(infos.options)).toEqual({ level: [3, 3], _level: [1, 1] });
    const [, masked] = await env.reset({ options: { reset_mask: [false, true], level: 4 } });
    expect(plain(masked.options)).toEqual({ level: [0, 4], _level: [0, 1] });
    expect(plain(masked._options)).toEqual([0, 1]);
    await expect(async () => env.reset({ options: { reset_mask: [true] } })).rejects.toThrow(/length 2/);
    await expect(async () => env.reset({ options: { reset_mask: [false, false] } })).rejects.toThrow(
      /at least one/,
    );
    await expect(async () => env.reset({ options: { reset_mask: [1, 0] } })).rejects.toThrow(
      /boolean\[\] or a Uint8Array/,
    );
  });
});
