/**
 * SyncVectorEnv specifics: errors that name the failing sub-env, the observation buffer of `copy: false`, an
 * idempotent close, calls and attributes, and bad constructor input.
 */
import { describe, expect, it } from 'vitest';
import type { Env } from '../../src/core.ts';
import { SubEnvError } from '../../src/vector/errors.ts';
import { SyncVectorEnv } from '../../src/vector/sync-vector-env.ts';
import { CountdownEnv, type CountdownOptions } from './fixtures/countdown-env.ts';
import { plain } from './helpers.ts';

const ACTIONS = Int32Array.of(1, 1, 1);

function threeEnvs(options: CountdownOptions[] = [{}, {}, {}], copy = true): SyncVectorEnv<Float32Array> {
  return new SyncVectorEnv(
    options.map((o) => () => new CountdownEnv(o)),
    { copy },
  );
}

describe('SyncVectorEnv', () => {
  it('names the sub-env that throws and keeps the original error as the cause', () => {
    const env = threeEnvs([{}, { crash: { at: 2, how: 'throw' } }, {}]);
    env.reset({ seed: 0 });
    env.step(ACTIONS);
    let error: unknown = null;
    try {
      env.step(ACTIONS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SubEnvError);
    expect((error as SubEnvError).message).toBe(
      'sub-env 1 raised Error during step: countdown crash (throw) at step 2',
    );
    expect((error as SubEnvError).envIndex).toBe(1);
    expect((error as SubEnvError).workerIndex).toBeNull();
    expect(((error as SubEnvError).cause as Error).message).toBe('countdown crash (throw) at step 2');
    // Errors of the vector env itself are not blamed on a sub-env.
    expect(() => env.step(Int32Array.of(1, 1))).toThrow(/expected a batch of 3 actions/);
    expect(() => env.call('nope')).toThrow(
      /sub-env 0 raised GymError during call: sub-env 0 .* has no attribute 'nope'/,
    );
    env.close();
  });

  it('returns fresh batches by default and reuses one buffer with copy: false', () => {
    const copying = threeEnvs();
    const [a] = copying.reset({ seed: 0 });
    const [b] = copying.step(ACTIONS);
    expect(a).not.toBe(b);
    expect(plain(a)).not.toEqual(plain(b));

    const reusing = threeEnvs([{}, {}, {}], false);
    const [c] = reusing.reset({ seed: 0 });
    const cBefore = plain(c);
    const [d] = reusing.step(ACTIONS);
    expect(d).toBe(c);
    expect(plain(d)).not.toEqual(cBefore);
    expect(plain(d)).toEqual(plain(b));
  });

  it('calls methods, gets and sets attributes, renders, and closes once', () => {
    const env = threeEnvs();
    env.reset({ seed: 0 });
    env.step(ACTIONS);
    expect(env.call('scaled', 3)).toEqual([3, 3, 3]);
    env.setAttr('label', ['a', 'b', 'c']);
    expect(env.getAttr('label')).toEqual(['a', 'b', 'c']);
    expect(env.render()).toEqual([null, null, null]);
    env.close();
    env.close();
    expect(env.closed).toBe(true);
    expect(env.envs.every((sub) => (sub as CountdownEnv).closed)).toBe(true);
  });

  it('rejects bad sub-env functions with the index at fault', () => {
    expect(() => new SyncVectorEnv([])).toThrow(/at least one sub-env function/);
    expect(() => new SyncVectorEnv([() => new CountdownEnv(), 5 as never])).toThrow(
      /envFns\[1\] must be a function/,
    );
    expect(() => new SyncVectorEnv([() => ({}) as Env])).toThrow(/envFns\[0\] must return an Env/);
    expect(
      () => new SyncVectorEnv([() => new CountdownEnv(), () => new CountdownEnv({ drawHigh: 5 })]),
    ).toThrow(/sub-env 1's observationSpace .* differs/);
    expect(
      () => new SyncVectorEnv([() => new CountdownEnv()], { autoresetMode: 'Sometimes' as never }),
    ).toThrow(/autoresetMode must be one of 'NextStep', 'SameStep', 'Disabled'/);
    expect(() => threeEnvs().reset({ options: { reset_mask: [true] } })).toThrow(
      /reset_mask must have length 3/,
    );
  });
});
