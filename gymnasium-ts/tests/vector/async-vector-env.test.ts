/**
 * AsyncVectorEnv specifics, with real worker threads (2 per vector env): the call state machine, call /
 * getAttr / setAttr, failures that must name the sub-env (a throwing sub-env, a thread that exits, an uncaught
 * error, a value that cannot cross threads, a hang with a timeout) and close.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VectorEnvError } from '../../src/errors.ts';
import { AsyncVectorEnv } from '../../src/vector/async-vector-env.ts';
import {
  AlreadyPendingCallError,
  ClosedEnvironmentError,
  NoAsyncCallError,
  SubEnvError,
} from '../../src/vector/errors.ts';
import type { CountdownOptions } from './fixtures/countdown-env.ts';
import { countdownSource, plain } from './helpers.ts';

const ACTIONS = Int32Array.of(1, 1, 1, 1);
let envs: AsyncVectorEnv | null = null;

afterEach(async () => {
  await envs?.close({ terminate: true });
  envs = null;
});

/** Four CountdownEnvs over 2 threads: sub-envs 0-1 in worker 0, 2-3 in worker 1. */
async function fourEnvs(options: CountdownOptions[] = [{}, {}, {}, {}]): Promise<AsyncVectorEnv> {
  envs = await AsyncVectorEnv.create(options.map(countdownSource), { numWorkers: 2 });
  return envs;
}

/** The SubEnvError a failing step raises. */
async function failingStep(env: AsyncVectorEnv, steps: number): Promise<SubEnvError> {
  await env.reset({ seed: 0 });
  for (let i = 1; i < steps; i++) await env.step(ACTIONS);
  const error = await env.step(ACTIONS).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SubEnvError);
  return error as SubEnvError;
}

describe('AsyncVectorEnv', () => {
  it('runs the async/wait state machine, calls, attributes and an idempotent close', async () => {
    const env = await fourEnvs();
    expect(env.numWorkers).toBe(2);
    expect(env.toString()).toBe('AsyncVectorEnv(numEnvs=4)');
    await expect(env.stepWait()).rejects.toThrow(NoAsyncCallError);
    await expect(env.stepWait()).rejects.toThrow('Calling stepWait without any prior call to stepAsync');

    env.resetAsync({ seed: 1 });
    expect(() => env.stepAsync(ACTIONS)).toThrow(AlreadyPendingCallError);
    expect(() => env.stepAsync(ACTIONS)).toThrow(/pending call to reset/);
    await expect(env.stepWait()).rejects.toThrow(/the pending call is reset/);
    const [obs] = await env.resetWait();
    expect((obs as Float32Array).length).toBe(12);

    env.stepAsync(ACTIONS);
    const [stepped, rewards] = await env.stepWait({ timeout: 10_000 });
    expect((plain(stepped) as number[]).filter((_, i) => i % 3 === 0)).toEqual([1, 1, 1, 1]);
    expect(plain(rewards)).toEqual([1.1, 1.1, 1.1, 1.1]);

    expect(await env.call('scaled', 10)).toEqual([10, 10, 10, 10]);
    expect(await env.call('later', 'x')).toEqual(['x:1', 'x:1', 'x:1', 'x:1']);
    expect(await env.getAttr('label')).toEqual(['countdown', 'countdown', 'countdown', 'countdown']);
    await env.setAttr('label', ['a', 'b', 'c', 'd']);
    expect(await env.getAttr('label')).toEqual(['a', 'b', 'c', 'd']);
    await env.setAttr('label', 'same');
    expect(await env.getAttr('label')).toEqual(['same', 'same', 'same', 'same']);
    await expect(env.setAttr('label', ['too', 'few'])).rejects.toThrow(/one value per sub-env \(4\), got 2/);
    await expect(env.call('scaled', () => 1)).rejects.toThrow(/cannot be sent to the worker threads/);
    expect(await env.call('closed')).toEqual([false, false, false, false]);

    await Promise.all([env.close(), env.close()]);
    await env.close();
    expect(env.closed).toBe(true);
    await expect(env.step(ACTIONS)).rejects.toThrow(ClosedEnvironmentError);
  });

  it('names the sub-env that throws, with the original message, and then only closes', async () => {
    const env = await fourEnvs([{}, {}, {}, { crash: { at: 2, how: 'throw' } }]);
    const error = await failingStep(env, 2);
    expect(error.envIndex).toBe(3);
    expect(error.workerIndex).toBe(1);
    expect(error.message).toBe(
      'sub-env 3 (worker 1) raised Error during step: countdown crash (throw) at step 2',
    );
    expect((error.cause as Error).stack).toContain('countdown-env.ts');
    await expect(env.step(ACTIONS)).rejects.toThrow(/failed earlier and can only be closed.*sub-env 3/);
    await env.close();
    await env.close();
  });

  it('names the sub-env whose call exits its worker thread', async () => {
    const env = await fourEnvs([{}, { crash: { at: 2, how: 'exit' } }, {}, {}]);
    const error = await failingStep(env, 2);
    expect(error.envIndex).toBe(1);
    expect(error.workerIndex).toBe(0);
    expect(error.message).toBe(
      'worker 0 (sub-envs 0-1) died during step while sub-env 1 was running: Error: worker exited with code: 7',
    );
    await expect(env.reset()).rejects.toThrow(VectorEnvError);
    await env.close();
  });

  it('traces an uncaught error from a callback to the sub-env that scheduled it', async () => {
    // Sub-env 2 is the first of worker 1's group: the culprit is not merely the last sub-env called.
    const env = await fourEnvs([{}, {}, { crash: { at: 2, how: 'uncaught' } }, {}]);
    await env.reset({ seed: 0 });
    await env.step(ACTIONS);
    // The callback runs once the step's answer is on its way, so the crash surfaces in this step or the next.
    let error: unknown = null;
    for (let attempt = 0; attempt < 2 && error === null; attempt++) {
      error = await env.step(ACTIONS).then(
        () => null,
        (e: unknown) => e,
      );
    }
    expect(error).toBeInstanceOf(SubEnvError);
    expect((error as SubEnvError).envIndex).toBe(2);
    expect((error as SubEnvError).message).toMatch(
      /^worker 1 \(sub-envs 2-3\) (died during step|is dead \(it died earlier\) and cannot step) while running a callback that sub-env 2 scheduled: uncaught RangeError: countdown crash \(uncaught\) at step 2$/,
    );
    await env.close();
  });

  it('reports an info that cannot be sent between threads instead of hanging', async () => {
    const env = await fourEnvs([{}, {}, {}, { unsendableInfo: true }]);
    const error = await failingStep(env, 1);
    expect(error.workerIndex).toBe(1);
    expect(error.envIndex).toBe(3);
    expect(error.message).toMatch(
      /^worker 1 \(sub-envs 2-3\) died during step while sending sub-env 3's result to the main thread: uncaught DataCloneError: .*could not be cloned\. Sub-env 3 returned a value that cannot be sent between threads \(its step info key 'callback'\); observations and infos must be data structuredClone accepts/,
    );
    await env.close();
  });

  it('stops threads that do not answer within the timeout', async () => {
    const env = await fourEnvs([{ crash: { at: 1, how: 'hang' } }, {}, {}, {}]);
    await env.reset();
    env.stepAsync(ACTIONS);
    const error = await env.stepWait({ timeout: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubEnvError);
    expect((error as SubEnvError).message).toBe(
      'stepWait timed out after 300 ms: worker 0 (sub-envs 0-1) (sub-env 0 was running) did not answer; ' +
        'the worker threads were stopped',
    );
    expect((error as SubEnvError).envIndex).toBe(0);
    await env.close();
  });

  it('reports sub-envs that cannot be made, and bad sources before starting threads', async () => {
    await expect(
      AsyncVectorEnv.create([countdownSource(), { module: countdownSource().module, exportName: 'Nope' }]),
    ).rejects.toThrow(
      /sub-env 1 \(worker 1\) raised GymError during init: module '.*countdown-env.ts' has no export 'Nope'/,
    );
    await expect(AsyncVectorEnv.create([() => null] as never)).rejects.toThrow(/functions cannot be sent/);
    await expect(AsyncVectorEnv.create([{ id: 'CartPole-v1', kwargs: { f: () => 1 } }])).rejects.toThrow(
      /sub-env source 0 cannot be sent to a worker thread/,
    );
    await expect(AsyncVectorEnv.create([countdownSource()], { numWorkers: 2 })).rejects.toThrow(
      /numWorkers must be an integer from 1 to numEnvs \(1\)/,
    );
    await expect(
      AsyncVectorEnv.create([countdownSource(), countdownSource({ drawHigh: 5 })], { numWorkers: 2 }),
    ).rejects.toThrow(/sub-env 1 .*observationMode 'same': sub-env 1's observationSpace .* differs/);
  });

  it('close({terminate}) stops threads at once, even with a call pending', async () => {
    const env = await fourEnvs([{ crash: { at: 1, how: 'hang' } }, {}, {}, {}]);
    await env.reset();
    env.stepAsync(ACTIONS);
    await env.close({ terminate: true });
    expect(env.closed).toBe(true);
    await expect(env.stepWait()).rejects.toThrow(ClosedEnvironmentError);
  });
});
