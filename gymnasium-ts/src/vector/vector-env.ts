/**
 * `VectorEnv`: several independent copies of an env stepped as one (gymnasium/vector/vector_env.py).
 *
 * `step(actions)` takes a batch of actions (a value of `actionSpace`) and returns
 * `[observations, rewards, terminations, truncations, infos]`:
 * - `observations`: a value of the batched `observationSpace` (built by the spaces' `concatenate`);
 * - `rewards`: a `Float64Array` of length `numEnvs`;
 * - `terminations`, `truncations`: `Uint8Array`s of length `numEnvs`, 1 for true and 0 for false. (numpy's bool_
 *   arrays are one byte per flag too; typed arrays copy straight into training buffers, and `if (term[i])`,
 *   `term.some(Boolean)` read them as booleans. `term[i] === true` does not: compare with 1.)
 * - `infos`: one object of arrays with a `_key` mask per key (see `infos.ts`).
 * Episode ends are handled as `metadata.autoresetMode` says (see `autoreset-mode.ts`).
 *
 * Synchronous vector envs (`SyncVectorEnv`) return results directly; vector envs whose sub-envs live in other
 * threads (`AsyncVectorEnv`) return Promises. The third type parameter records which: `VectorEnv<O, A, 'sync'>`
 * or `VectorEnv<O, A, 'async'>`; code written for both awaits the results (`await env.step(a)` works on either).
 * The fourth, `Infos`, is the type of the infos: `VectorInfos` except behind `DictInfoToList`.
 */
import type { EnvMetadata } from '../core.ts';
import type { EnvSpec } from '../spec.ts';
import type { Space } from '../spaces/space.ts';
import { type Generator, npRandom } from '../utils/seeding.ts';
import type { AutoresetMode } from './autoreset-mode.ts';
import type { VectorInfos } from './infos.ts';
import type { VectorResetArgs } from './reset-args.ts';

export type { VectorInfos } from './infos.ts';
export type { VectorResetArgs } from './reset-args.ts';

/** Whether a vector env's methods return values ('sync') or Promises of them ('async'). */
export type ExecutionMode = 'sync' | 'async';

/** `T` for a synchronous vector env, `Promise<T>` for an asynchronous one. */
export type VectorReturn<M extends ExecutionMode, T> = M extends 'sync' ? T : Promise<T>;

export type VectorStepResult<Obs, Infos = VectorInfos> = [
  observations: Obs,
  rewards: Float64Array,
  terminations: Uint8Array,
  truncations: Uint8Array,
  infos: Infos,
];

export type VectorResetResult<Obs, Infos = VectorInfos> = [observations: Obs, infos: Infos];

export interface VectorMetadata extends EnvMetadata {
  autoresetMode: AutoresetMode;
}

export interface VectorCloseOptions {
  /** AsyncVectorEnv: stop the worker threads at once instead of closing the sub-envs first. */
  terminate?: boolean;
  /** AsyncVectorEnv: milliseconds to wait for a pending call and for the sub-envs to close. */
  timeout?: number;
}

/**
 * Applies `fn` to a vector env's result, whether it is a value or a Promise of one: how wrappers work over
 * both synchronous and asynchronous vector envs.
 */
export function thenApply<M extends ExecutionMode, T, U>(
  value: VectorReturn<M, T>,
  fn: (v: T) => U,
): VectorReturn<M, U> {
  if (value instanceof Promise) return value.then(fn) as VectorReturn<M, U>;
  return fn(value as T) as VectorReturn<M, U>;
}

export abstract class VectorEnv<
  Obs = unknown,
  Act = unknown,
  M extends ExecutionMode = ExecutionMode,
  Infos = VectorInfos,
> {
  // Accessors over private fields, as in core.ts: a field here would shadow the accessors VectorWrapper forwards.
  private _ownMetadata: VectorMetadata | null = null;
  private _ownSpec: EnvSpec | null = null;
  private _ownRenderMode: string | null = null;
  private _ownClosed = false;
  private _npRandom: Generator | null = null;
  private _npRandomSeed: number | null = null;

  abstract readonly numEnvs: number;
  /** The observation space of one sub-env. */
  abstract singleObservationSpace: Space;
  /** The action space of one sub-env. */
  abstract singleActionSpace: Space;
  /** The batched observation space: `batchSpace(singleObservationSpace, numEnvs)` unless told otherwise. */
  abstract observationSpace: Space;
  /** The batched action space: `batchSpace(singleActionSpace, numEnvs)`. */
  abstract actionSpace: Space;

  /** The first sub-env's metadata plus `autoresetMode`. */
  get metadata(): VectorMetadata {
    if (this._ownMetadata === null) throw new Error(`${this.constructor.name} did not set its metadata`);
    return this._ownMetadata;
  }
  set metadata(value: VectorMetadata) {
    this._ownMetadata = value;
  }

  /** The spec `makeVec` made this vector env from (its kwargs record numEnvs and vectorizationMode), or null. */
  get spec(): EnvSpec | null {
    return this._ownSpec;
  }
  set spec(value: EnvSpec | null) {
    this._ownSpec = value;
  }

  get renderMode(): string | null {
    return this._ownRenderMode;
  }
  set renderMode(value: string | null) {
    this._ownRenderMode = value;
  }

  /** True once `close` has run. */
  get closed(): boolean {
    return this._ownClosed;
  }
  set closed(value: boolean) {
    this._ownClosed = value;
  }

  /** The vector env's own generator (not the sub-envs'), created from OS entropy on first use. */
  get npRandom(): Generator {
    if (this._npRandom === null) [this._npRandom, this._npRandomSeed] = npRandom();
    return this._npRandom;
  }
  set npRandom(generator: Generator) {
    this._npRandom = generator;
    this._npRandomSeed = -1;
  }
  get npRandomSeed(): number {
    if (this._npRandomSeed === null) [this._npRandom, this._npRandomSeed] = npRandom();
    return this._npRandomSeed;
  }

  /** Resets every sub-env (or those `options.reset_mask` marks) and returns the batched observations. */
  abstract reset(args?: VectorResetArgs): VectorReturn<M, VectorResetResult<Obs, Infos>>;

  /** Steps every sub-env with its action from the batch. */
  abstract step(actions: Act): VectorReturn<M, VectorStepResult<Obs, Infos>>;

  /** Each sub-env's `render()`. */
  abstract render(): VectorReturn<M, unknown[]>;

  /**
   * Calls method `name` on every sub-env (found through its wrappers) with `args`, returning each result; when
   * `name` is not a method, returns each sub-env's value of it.
   */
  abstract call(name: string, ...args: unknown[]): VectorReturn<M, unknown[]>;

  /** Each sub-env's attribute `name` (as Gymnasium does, a method is called with no arguments). */
  abstract getAttr(name: string): VectorReturn<M, unknown[]>;

  /** Sets attribute `name` on every sub-env: `values` is one value per sub-env, or one value for all. */
  abstract setAttr(name: string, values: unknown): VectorReturn<M, void>;

  /** Closes every sub-env and releases resources. Safe to call more than once. */
  abstract close(options?: VectorCloseOptions): VectorReturn<M, void>;

  get unwrapped(): VectorEnv<unknown, unknown, M> {
    return this as unknown as VectorEnv<unknown, unknown, M>;
  }

  toString(): string {
    const id = this.spec === null ? '' : `${this.spec.id}, `;
    return `${this.constructor.name}(${id}numEnvs=${this.numEnvs})`;
  }
}

/** The per-sub-env values of `setAttr`: an array is one value per sub-env, anything else is shared. */
export function valuesPerEnv(name: string, values: unknown, numEnvs: number): unknown[] {
  if (!Array.isArray(values)) return new Array<unknown>(numEnvs).fill(values);
  if (values.length !== numEnvs) {
    throw new RangeError(
      `setAttr('${name}', values): an array must hold one value per sub-env (${numEnvs}), got ${values.length}; ` +
        `to give every sub-env the same array, pass an array of ${numEnvs} copies`,
    );
  }
  return values;
}
