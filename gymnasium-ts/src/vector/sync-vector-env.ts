/**
 * `SyncVectorEnv`: runs its sub-envs one after another in this thread (gymnasium/vector/sync_vector_env.py).
 * Cheap to create and exact to debug; use `AsyncVectorEnv` when sub-env steps are expensive enough for threads to
 * pay off.
 */
import { Env } from '../core.ts';
import type { Space } from '../spaces/space.ts';
import { AutoresetMode, toAutoresetMode } from './autoreset-mode.ts';
import { SubEnvError } from './errors.ts';
import { assembleReset, assembleStep } from './assemble.ts';
import { type ObservationMode, resolveSpaces } from './spaces.ts';
import { batchObservations, splitActions } from './batch.ts';
import { resolveResetArgs } from './reset-args.ts';
import { SubEnvRunner } from './sub-env-runner.ts';
import {
  VectorEnv,
  type VectorResetArgs,
  type VectorResetResult,
  type VectorStepResult,
  valuesPerEnv,
} from './vector-env.ts';

export interface SyncVectorEnvOptions {
  /**
   * Return a fresh observation batch from every `reset`/`step` (default). With false the batch may be a buffer
   * that the next call overwrites, which saves an allocation per step.
   */
  copy?: boolean;
  /**
   * `'same'` (default): every sub-env has the same observation space. `'different'`: spaces of the same shape
   * and dtype but different bounds. `[observationSpace, singleObservationSpace]`: use these spaces.
   */
  observationMode?: ObservationMode;
  autoresetMode?: AutoresetMode;
}

export class SyncVectorEnv<Obs = unknown, Act = unknown> extends VectorEnv<Obs, Act, 'sync'> {
  readonly numEnvs: number;
  readonly envs: readonly Env[];
  readonly copy: boolean;
  readonly autoresetMode: AutoresetMode;
  singleObservationSpace: Space;
  singleActionSpace: Space;
  observationSpace: Space;
  actionSpace: Space;
  private readonly runner: SubEnvRunner;
  private readonly envObs: unknown[];
  private obsBuffer: unknown = undefined;

  /** `envFns`: one function per sub-env that creates it. */
  constructor(envFns: Iterable<() => Env>, options: SyncVectorEnvOptions = {}) {
    super();
    if (envFns === null || typeof (envFns as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new TypeError('SyncVectorEnv needs an array (or iterable) of functions that create the sub-envs');
    }
    const fns = [...envFns];
    if (fns.length === 0) throw new RangeError('SyncVectorEnv needs at least one sub-env function, got none');
    this.autoresetMode = toAutoresetMode(options.autoresetMode ?? AutoresetMode.NEXT_STEP);
    this.copy = options.copy ?? true;
    this.envs = fns.map((fn, i) => {
      if (typeof fn !== 'function')
        throw new TypeError(`envFns[${i}] must be a function that creates an env`);
      const env = fn();
      if (!(env instanceof Env)) {
        throw new TypeError(`envFns[${i}] must return an Env, got ${env === null ? 'null' : typeof env}`);
      }
      return env;
    });
    this.numEnvs = this.envs.length;
    const first = this.envs[0]!;
    this.metadata = { ...first.metadata, autoresetMode: this.autoresetMode };
    this.renderMode = first.renderMode;
    const spaces = resolveSpaces(
      this.envs.map((env) => ({ observationSpace: env.observationSpace, actionSpace: env.actionSpace })),
      options.observationMode ?? 'same',
      'SyncVectorEnv',
    );
    this.singleObservationSpace = spaces.singleObservationSpace;
    this.observationSpace = spaces.observationSpace;
    this.singleActionSpace = spaces.singleActionSpace;
    this.actionSpace = spaces.actionSpace;
    this.runner = new SubEnvRunner(this.envs, 0, this.autoresetMode);
    this.envObs = new Array<unknown>(this.numEnvs).fill(undefined);
  }

  reset(args?: VectorResetArgs): VectorResetResult<Obs> {
    const { seeds, options, mask } = resolveResetArgs(this.numEnvs, args);
    const out = this.run('reset', () => this.runner.reset(seeds, options, mask));
    const infos = assembleReset(this.numEnvs, [{ first: 0, out }], this.envObs);
    return [this.batch(), infos];
  }

  step(actions: Act): VectorStepResult<Obs> {
    const perEnv = splitActions(this.actionSpace, actions, this.numEnvs);
    const out = this.run('step', () => this.runner.step(perEnv));
    const { rewards, terminations, truncations, infos } = assembleStep(
      this.numEnvs,
      [{ first: 0, out }],
      this.envObs,
    );
    return [this.batch(), rewards, terminations, truncations, infos];
  }

  /**
   * Runs `call` on the sub-envs; an error thrown inside a sub-env becomes a `SubEnvError` naming it (the
   * original is its `cause`), as AsyncVectorEnv reports it. Errors of the vector env itself pass unchanged.
   */
  private run<T>(phase: string, call: () => T): T {
    try {
      return call();
    } catch (error) {
      const index = this.runner.current;
      this.runner.current = -1;
      if (index < 0) throw error;
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      throw new SubEnvError(
        `sub-env ${index} raised ${name} during ${phase}: ${message}`,
        index,
        null,
        error,
      );
    }
  }

  private batch(): Obs {
    const [batch, buffer] = batchObservations(
      this.singleObservationSpace,
      this.envObs,
      this.obsBuffer,
      this.copy,
    );
    this.obsBuffer = buffer;
    return batch as Obs;
  }

  render(): unknown[] {
    return this.envs.map((env) => env.render());
  }

  call(name: string, ...args: unknown[]): unknown[] {
    return this.run('call', () => this.runner.callAll(name, args));
  }

  getAttr(name: string): unknown[] {
    return this.run('call', () => this.runner.callAll(name, []));
  }

  setAttr(name: string, values: unknown): void {
    const perEnv = valuesPerEnv(name, values, this.numEnvs);
    this.run('setAttr', () => this.runner.setAll(name, perEnv));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const failures = this.runner.closeAll();
    if (failures.length > 0) throw failures[0]!.error;
  }
}
