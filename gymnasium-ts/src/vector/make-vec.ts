/**
 * `makeVec` (gymnasium/envs/registration.py `make_vec`): a vector env of `numEnvs` copies of a registered env.
 *
 * `vectorizationMode`:
 * - `'sync'`: a `SyncVectorEnv` whose sub-envs are `make(id, kwargs)`, each wrapped by `wrappers`;
 * - `'async'`: an `AsyncVectorEnv` whose worker threads make the sub-envs (`vectorKwargs` takes its options,
 *   e.g. `numWorkers`, plus `imports`: modules the threads import first, for ids registered outside
 *   gymnasium-ts); `wrappers` must then be `WrapperSpec`s, since functions cannot cross threads;
 * - `'vector_entry_point'`: the spec's `vectorEntryPoint`, called with `{numEnvs, ...vectorKwargs, ...kwargs}`;
 * - absent: `'vector_entry_point'` when the spec has one, else `'sync'`.
 * Other options are `make`'s (env kwargs, `maxEpisodeSteps`, `disableEnvChecker`). The result's `spec` records
 * how it was made (kwargs gain `numEnvs`, `vectorizationMode`, `vectorKwargs`, `wrappers`), and those keys in a
 * spec's kwargs take precedence over the arguments, so `makeVec(envs.spec)` makes the same vector env again.
 *
 * Always returns a Promise: async vector envs start threads and string entry points are imported first.
 */
import { Env } from '../core.ts';
import { GymError } from '../errors.ts';
import { createEnvSpec } from '../registry/env-spec.ts';
import { loadEntryPoint } from '../registry/entry-points.ts';
import { make } from '../registry/make.ts';
import { spec as findSpec } from '../registry/registry.ts';
import type { EnvSpec, WrapperSpec } from '../spec.ts';
import { AsyncVectorEnv, type AsyncVectorEnvOptions } from './async-vector-env.ts';
import { applyWrapper, loadWrapper, type RegisteredSubEnvSource } from './sub-env-source.ts';
import { SyncVectorEnv, type SyncVectorEnvOptions } from './sync-vector-env.ts';
import { VectorEnv } from './vector-env.ts';

export type VectorizationMode = 'sync' | 'async' | 'vector_entry_point';
const MODES: readonly VectorizationMode[] = ['sync', 'async', 'vector_entry_point'];

/** A sub-env wrapper: a function of the env (sync mode only) or a `WrapperSpec` (any mode). */
export type SubEnvWrapper = ((env: Env) => Env) | WrapperSpec;

export interface MakeVecOptions {
  /** Sub-envs (default 1). */
  numEnvs?: number;
  vectorizationMode?: VectorizationMode | null;
  /** Options of the vector env class (`SyncVectorEnvOptions`, `AsyncVectorEnvOptions` + `imports`). */
  vectorKwargs?: Record<string, unknown>;
  /** Applied to every sub-env after `make`, first innermost. */
  wrappers?: readonly SubEnvWrapper[];
  /** `make`'s options: env kwargs, `maxEpisodeSteps`, `disableEnvChecker`. */
  [kwarg: string]: unknown;
}

export async function makeVec(
  id: string | EnvSpec,
  options: MakeVecOptions & { vectorizationMode: 'async' },
): Promise<AsyncVectorEnv>;
export async function makeVec(
  id: string | EnvSpec,
  options: MakeVecOptions & { vectorizationMode: 'sync' },
): Promise<SyncVectorEnv>;
export async function makeVec(id: string | EnvSpec, options?: MakeVecOptions): Promise<VectorEnv>;
export async function makeVec(id: string | EnvSpec, options: MakeVecOptions = {}): Promise<VectorEnv> {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('makeVec: options must be an object');
  const baseSpec = typeof id === 'string' ? findSpec(id) : id;
  if (typeof baseSpec !== 'object' || baseSpec === null || typeof baseSpec.id !== 'string') {
    throw new TypeError(`makeVec: id must be a registered env id or an EnvSpec, got ${String(id)}`);
  }
  const {
    numEnvs: argNumEnvs,
    vectorizationMode: argMode,
    vectorKwargs: argVectorKwargs,
    wrappers: argWrappers,
    ...kwargs
  } = options;
  // Keys recorded in a spec by an earlier makeVec win over the arguments, as in Gymnasium.
  const {
    numEnvs = argNumEnvs ?? 1,
    vectorizationMode: specMode,
    vectorKwargs = argVectorKwargs ?? {},
    wrappers = argWrappers ?? [],
    ...specKwargs
  } = baseSpec.kwargs as Record<string, unknown>;
  const envKwargs: Record<string, unknown> = { ...specKwargs, ...kwargs };
  const envSpec: EnvSpec = { ...baseSpec, kwargs: {} };

  if (!Number.isSafeInteger(numEnvs) || (numEnvs as number) < 1) {
    throw new RangeError(
      `makeVec(${envSpec.id}): numEnvs must be a positive integer, got ${String(numEnvs)}`,
    );
  }
  if (typeof vectorKwargs !== 'object' || vectorKwargs === null || Array.isArray(vectorKwargs)) {
    throw new TypeError(`makeVec(${envSpec.id}): vectorKwargs must be an object`);
  }
  if (!Array.isArray(wrappers)) throw new TypeError(`makeVec(${envSpec.id}): wrappers must be an array`);
  const mode = resolveMode(specMode ?? argMode, envSpec);
  const n = numEnvs as number;
  const vkw = vectorKwargs as Record<string, unknown>;
  const wrapperList = wrappers as SubEnvWrapper[];

  let env: VectorEnv;
  if (mode === 'sync') {
    env = await makeSync(envSpec, n, envKwargs, vkw, wrapperList);
  } else if (mode === 'async') {
    env = await makeAsyncVector(envSpec, n, envKwargs, vkw, wrapperList);
  } else {
    env = await makeFromVectorEntryPoint(envSpec, n, envKwargs, vkw, wrapperList);
  }

  const recorded: Record<string, unknown> = { ...envKwargs };
  if (n !== 1) recorded.numEnvs = n;
  recorded.vectorizationMode = mode;
  if (Object.keys(vkw).length > 0) recorded.vectorKwargs = vkw;
  if (wrapperList.length > 0) recorded.wrappers = wrapperList;
  env.unwrapped.spec = createEnvSpec({
    id: envSpec.id,
    entryPoint: envSpec.entryPoint,
    rewardThreshold: envSpec.rewardThreshold,
    nondeterministic: envSpec.nondeterministic,
    maxEpisodeSteps: envSpec.maxEpisodeSteps,
    orderEnforce: envSpec.orderEnforce,
    disableEnvChecker: envSpec.disableEnvChecker,
    kwargs: recorded,
    additionalWrappers: envSpec.additionalWrappers,
    vectorEntryPoint: envSpec.vectorEntryPoint,
  });
  return env;
}

function resolveMode(mode: unknown, envSpec: EnvSpec): VectorizationMode {
  if (mode === undefined || mode === null)
    return envSpec.vectorEntryPoint !== null ? 'vector_entry_point' : 'sync';
  if (!MODES.includes(mode as VectorizationMode)) {
    throw new TypeError(
      `makeVec(${envSpec.id}): invalid vectorizationMode ${JSON.stringify(mode)}, valid modes: ${MODES.join(', ')}`,
    );
  }
  return mode as VectorizationMode;
}

async function makeSync(
  envSpec: EnvSpec,
  numEnvs: number,
  envKwargs: Record<string, unknown>,
  vectorKwargs: Record<string, unknown>,
  wrappers: SubEnvWrapper[],
): Promise<SyncVectorEnv> {
  if (envSpec.entryPoint === null) {
    throw new GymError(
      `Cannot create vectorized environment for ${envSpec.id} because it doesn't have an entry point defined.`,
    );
  }
  // The synchronous make needs string entry points loaded.
  if (typeof envSpec.entryPoint === 'string') await loadEntryPoint(envSpec.entryPoint);
  for (const wrapper of envSpec.additionalWrappers) await loadEntryPoint(wrapper.entryPoint);
  const wrapperCreators = await Promise.all(
    wrappers.map((w) => (typeof w === 'function' ? w : loadWrapper(w))),
  );
  const createEnv = (): Env => {
    let env: Env = make(envSpec, { ...envKwargs });
    wrappers.forEach((wrapper, k) => {
      env =
        typeof wrapper === 'function'
          ? checkWrapped(wrapper(env), k, envSpec.id)
          : applyWrapper(env, wrapper, wrapperCreators[k], `makeVec(${envSpec.id})`);
    });
    return env;
  };
  return new SyncVectorEnv(
    Array.from({ length: numEnvs }, () => createEnv),
    vectorKwargs as SyncVectorEnvOptions,
  );
}

async function makeAsyncVector(
  envSpec: EnvSpec,
  numEnvs: number,
  envKwargs: Record<string, unknown>,
  vectorKwargs: Record<string, unknown>,
  wrappers: SubEnvWrapper[],
): Promise<AsyncVectorEnv> {
  if (envSpec.entryPoint === null) {
    throw new GymError(
      `Cannot create vectorized environment for ${envSpec.id} because it doesn't have an entry point defined.`,
    );
  }
  const wrapperSpecs = wrappers.map((wrapper, k) => {
    if (typeof wrapper === 'function') {
      throw new TypeError(
        `makeVec(${envSpec.id}, {vectorizationMode: 'async'}): wrappers[${k}] is a function, which cannot be sent ` +
          "to a worker thread; give a WrapperSpec {name, entryPoint: 'module:Export', kwargs} instead",
      );
    }
    return wrapper;
  });
  const { imports = [], ...options } = vectorKwargs as AsyncVectorEnvOptions & { imports?: string[] };
  // A spec with a string entry point travels as data; one with a function entry point is found by id there.
  const id = typeof envSpec.entryPoint === 'string' ? envSpec : envSpec.id;
  const source: RegisteredSubEnvSource = { id, kwargs: envKwargs, imports, wrappers: wrapperSpecs };
  return AsyncVectorEnv.create(
    Array.from({ length: numEnvs }, () => source),
    options,
  );
}

async function makeFromVectorEntryPoint(
  envSpec: EnvSpec,
  numEnvs: number,
  envKwargs: Record<string, unknown>,
  vectorKwargs: Record<string, unknown>,
  wrappers: SubEnvWrapper[],
): Promise<VectorEnv> {
  if (wrappers.length > 0)
    throw new GymError('Cannot use `vector_entry_point` vectorization mode with the wrappers argument.');
  if ('maxEpisodeSteps' in envKwargs) {
    throw new GymError(
      'Cannot use `vector_entry_point` vectorization mode with the maxEpisodeSteps argument.',
    );
  }
  const entryPoint = envSpec.vectorEntryPoint;
  if (entryPoint === null) {
    throw new GymError(
      `Cannot create vectorized environment for ${envSpec.id} because it doesn't have a vector entry point defined.`,
    );
  }
  const creator = typeof entryPoint === 'function' ? entryPoint : await loadEntryPoint(entryPoint);
  if (typeof creator !== 'function') {
    throw new GymError(`The vector entry point of ${envSpec.id} is not a class or a function`);
  }
  const args = { numEnvs, ...vectorKwargs, ...envKwargs };
  const made: unknown = await (/^class[\s{]/.test(Function.prototype.toString.call(creator))
    ? new (creator as unknown as new (a: unknown) => unknown)(args)
    : (creator as (a: unknown) => unknown)(args));
  if (!(made instanceof VectorEnv)) {
    throw new TypeError(`The vector entry point of ${envSpec.id} did not return a VectorEnv`);
  }
  return made;
}

function checkWrapped(env: unknown, index: number, id: string): Env {
  if (!(env instanceof Env)) throw new TypeError(`makeVec(${id}): wrappers[${index}] did not return an Env`);
  return env;
}
