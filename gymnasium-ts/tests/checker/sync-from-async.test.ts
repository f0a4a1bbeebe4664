import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkEnv } from '../../src/checker/check-env.ts';
import { Env } from '../../src/core.ts';
import { GymError } from '../../src/errors.ts';
import { Box } from '../../src/spaces/box.ts';
import { Discrete } from '../../src/spaces/discrete.ts';
import { SyncEnvFromAsync } from '../../src/utils/sync-from-async.ts';
import { captureWarnings } from '../../src/utils/warnings.ts';
import { RandomWalkEnv } from './fixtures/random-walk.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/random-walk.ts', import.meta.url));
const opened: SyncEnvFromAsync[] = [];

// Small limits, so a worker that fails to start or answer fails its test in seconds. The caller blocks in
// Atomics.wait, so these (not vitest's timeout) are what stop a hang.
const STARTUP_TIMEOUT_MS = 15_000;
const CALL_TIMEOUT_MS = 5_000;

type Options = Partial<ConstructorParameters<typeof SyncEnvFromAsync>[0]>;

function start(exportName: string, extra: Options = {}): SyncEnvFromAsync<Float32Array, number> {
  return new SyncEnvFromAsync<Float32Array, number>({
    module: FIXTURE,
    exportName,
    startupTimeoutMs: STARTUP_TIMEOUT_MS,
    timeoutMs: CALL_TIMEOUT_MS,
    ...extra,
  });
}

/** A worker env for one test: closed after it. */
function open(exportName: string, extra: Options = {}): SyncEnvFromAsync<Float32Array, number> {
  const env = start(exportName, extra);
  opened.push(env as SyncEnvFromAsync);
  return env;
}

function closeAll(envs: SyncEnvFromAsync[]): void {
  for (const env of envs) {
    try {
      env.close();
    } catch {
      // a dead worker's env closes without a worker to ask
    }
  }
}

afterEach(() => closeAll(opened.splice(0)));

describe('SyncEnvFromAsync', { timeout: 30_000 }, () => {
  // Starting a worker costs about half a second (it loads tsx), so the well-behaved env is started once and
  // shared; each test seeds its own resets.
  describe('on one shared worker running the random walk', () => {
    let walk: SyncEnvFromAsync<Float32Array, number>;
    beforeAll(() => {
      // A factory export, given structured-cloned arguments.
      walk = start('makeRandomWalkAsync', { args: [{ renderMode: 'ansi' }] });
    });
    afterAll(() => closeAll([walk as SyncEnvFromAsync]));

    it('drives the AsyncEnv synchronously, step for step the same as the sync version', () => {
      expect(walk).toBeInstanceOf(Env);
      expect(walk.actionSpace).toBeInstanceOf(Discrete);
      expect(walk.observationSpace).toBeInstanceOf(Box);
      expect(walk.observationSpace.equals(new Box(-10, 10, { shape: [1] }))).toBe(true);
      expect(walk.metadata).toEqual({ renderModes: ['ansi'], renderFps: 4 });
      expect(walk.renderMode).toBe('ansi');

      const local = new RandomWalkEnv({ renderMode: 'ansi' });
      expect(walk.reset({ seed: 42 })).toEqual(local.reset({ seed: 42 }));
      for (const action of [1, 1, 0, 1, 1, 1]) expect(walk.step(action)).toEqual(local.step(action));
      expect(walk.render()).toBe(local.render());
      // The caller's npRandom mirrors the worker env's generator.
      expect(walk.npRandom.getState()).toEqual(local.npRandom.getState());
      expect(walk.npRandomSeed).toBe(42);
      expect(walk.call('closeCount')).toBe(0);
    });

    it('passes checkEnv (its RNG checks see the worker env generator), render included', () => {
      const { warnings } = captureWarnings(() => checkEnv(walk));
      expect(warnings.map((w) => w.message)).toEqual([
        'Not able to test alternative render modes due to the environment not having a spec. ' +
          'Try instantiating the environment through `make`',
      ]);
    });

    it('assigning npRandom sends the generator state to the worker', () => {
      const local = new RandomWalkEnv();
      // Same walker position on both sides, then the local generator moves on by three draws.
      walk.reset({ seed: 3 });
      local.reset({ seed: 3 });
      for (let i = 0; i < 3; i++) local.npRandom.random();
      walk.npRandom = local.npRandom.clone();
      expect(walk.npRandomSeed).toBe(-1);
      expect(walk.npRandom.getState()).toEqual(local.npRandom.getState());
      expect(walk.step(1)).toEqual(local.step(1));
    });
  });

  it('rethrows an error from the worker with its class and message, keeps working, and closes', () => {
    const remote = open('FaultyAsyncEnv');
    remote.reset({ seed: 0 });
    let caught: unknown;
    try {
      remote.step(1);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RangeError);
    expect((caught as Error).message).toBe('cannot walk into the wall');
    expect((caught as Error).stack).toContain('rethrown by SyncEnvFromAsync');
    expect(remote.reset({ seed: 0 })[0]).toBeInstanceOf(Float32Array);

    // An answer that cannot cross threads is reported as such; the worker stays usable.
    expect(() => remote.render()).toThrow(
      /^the env's answer cannot be sent from the worker: .*could not be cloned/,
    );
    expect(remote.alive).toBe(true);
    expect(remote.reset({ seed: 0 })[0]).toBeInstanceOf(Float32Array);

    // close() closes the env in the worker and stops it; a second close does nothing.
    remote.close();
    expect(remote.alive).toBe(false);
    remote.close();
    expect(() => remote.step(0)).toThrow(/step after close\(\)$/);
  });

  it('a worker that exits surfaces as an error at once, and on every later call', () => {
    const remote = open('ExitingAsyncEnv');
    remote.reset({ seed: 0 });
    expect(() => remote.step(1)).toThrow(
      new GymError(`SyncEnvFromAsync(${remote.label}): the worker died (exited with code 7)`),
    );
    expect(remote.alive).toBe(false);
    expect(() => remote.reset()).toThrow(/the worker died \(exited with code 7\)/);
  });

  it('a call that never finishes times out and terminates the worker', () => {
    const remote = open('StuckAsyncEnv', { timeoutMs: 300 });
    remote.reset({ seed: 0 });
    expect(() => remote.step(1)).toThrow(
      `SyncEnvFromAsync(${remote.label}): step did not finish within 300 ms; the worker was terminated`,
    );
    expect(remote.alive).toBe(false);
  });

  it('says what is wrong with the module or export', () => {
    expect(() => open('NoSuchEnv')).toThrow(
      /^Module 'file:.*random-walk\.ts' has no export 'NoSuchEnv'; its exports are: .*RandomWalkAsyncEnv/,
    );
    expect(() => open('WALK_METADATA')).toThrow(
      /^Export 'WALK_METADATA' of .* is an instance of Object, not a class or a factory$/,
    );
    expect(() => new SyncEnvFromAsync({ module: FIXTURE, exportName: '' })).toThrow(
      'SyncEnvFromAsync: exportName must be a non-empty string, got ',
    );
  });
});
