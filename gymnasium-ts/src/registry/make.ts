/**
 * `make` and `makeAsync` (gymnasium/envs/registration.py `make`): build an env from an id or a spec and wrap it as
 * Gymnasium does, innermost first: env → PassiveEnvChecker (unless disabled) → OrderEnforcing (if `orderEnforce`)
 * → TimeLimit (if `maxEpisodeSteps`; `maxEpisodeSteps: -1` leaves it out) → the spec's `additionalWrappers`.
 * The env gets a copy of the spec whose kwargs are the registered ones merged with `make`'s.
 *
 * `make` is synchronous: it takes factory and class entry points, and string entry points whose module is already
 * loaded. `makeAsync` also imports string entry points (and the `module` of a `"module:Env-v0"` id) first.
 */
import { PassiveEnvChecker } from '../checker/passive-env-checker-wrapper.ts';
import { Env, type EnvMetadata } from '../core.ts';
import { GymError, InvalidSpec } from '../errors.ts';
import type { EnvSpec, WrapperSpec } from '../spec.ts';
import { deprecation, warn } from '../utils/warnings.ts';
import { OrderEnforcing } from '../wrappers/order-enforcing.ts';
import { TimeLimit } from '../wrappers/time-limit.ts';
import { getEnvId, parseEnvId } from './env-id.ts';
import { createEnvSpec, describe, type EntryPointLike } from './env-spec.ts';
import {
  importModule,
  isModuleImported,
  loadedEntryPoint,
  loadEntryPoint,
  splitEntryPoint,
} from './entry-points.ts';
import { checkVersionExists, findHighestVersion, registry } from './registry.ts';

export interface MakeOptions {
  /** Overrides the spec's episode limit; -1 applies no TimeLimit at all. */
  maxEpisodeSteps?: number | null;
  /** Overrides the spec's `disableEnvChecker`. */
  disableEnvChecker?: boolean | null;
  /** Everything else is passed to the env's entry point, over the spec's kwargs. */
  [kwarg: string]: unknown;
}

/** Makes an env from a registered id (`[namespace/]Name[-vN]`) or a spec. See the module comment for the wrappers. */
export function make<Obs = unknown, Act = unknown>(
  id: string | EnvSpec,
  options: MakeOptions = {},
): Env<Obs, Act> {
  const envSpec = typeof id === 'string' ? findSpec(id, false) : checkedSpec(id);
  return makeFromSpec(envSpec, options) as Env<Obs, Act>;
}

/** `make` for string entry points that may not be loaded yet: imports them (and an id's `module:` part) first. */
export async function makeAsync<Obs = unknown, Act = unknown>(
  id: string | EnvSpec,
  options: MakeOptions = {},
): Promise<Env<Obs, Act>> {
  let envSpec: EnvSpec;
  if (typeof id === 'string') {
    const split = splitModuleFromId(id);
    if (split !== null) await importModule(split.module, `Environment registration via importing a module`);
    envSpec = findSpec(id, true);
  } else {
    envSpec = checkedSpec(id);
  }
  if (typeof envSpec.entryPoint === 'string') await loadEntryPoint(envSpec.entryPoint);
  for (const wrapper of envSpec.additionalWrappers) await loadEntryPoint(wrapper.entryPoint);
  return makeFromSpec(envSpec, options) as Env<Obs, Act>;
}

/** `"module:Name-v0"` → module and id, when the whole string is not itself a registered id. */
function splitModuleFromId(id: string): { module: string; envId: string } | null {
  if (!id.includes(':') || registry.has(id)) return null;
  const at = id.lastIndexOf(':');
  return { module: id.slice(0, at), envId: id.slice(at + 1) };
}

/** Gymnasium's `_find_spec`: resolves an id, warning about outdated versions and picking the latest for no version. */
function findSpec(id: string, moduleAlreadyImported: boolean): EnvSpec {
  if (typeof id !== 'string')
    throw new TypeError(`make: the id must be a string or an EnvSpec, got ${describe(id)}`);
  let envName = id;
  const split = splitModuleFromId(id);
  if (split !== null) {
    if (!moduleAlreadyImported && !isModuleImported(split.module)) {
      throw new GymError(
        `make('${id}') needs the module '${split.module}' to be imported first: use makeAsync('${id}'), ` +
          `or import the module yourself and call make('${split.envId}')`,
      );
    }
    envName = split.envId;
  }
  let envSpec = registry.get(envName);
  const parsed = parseEnvId(envName);
  const { namespace: ns, name } = parsed;
  let { version } = parsed;
  const latestVersion = findHighestVersion(ns, name);
  if (version !== null && latestVersion !== null && latestVersion > version) {
    deprecation(
      `The environment ${envName} is out of date. You should consider upgrading to version \`v${latestVersion}\`.`,
    );
  }
  if (version === null && latestVersion !== null) {
    version = latestVersion;
    const newId = getEnvId(ns, name, version);
    envSpec = registry.get(newId);
    warn(
      `Using the latest versioned environment \`${newId}\` instead of the unversioned environment \`${envName}\`.`,
    );
  }
  if (envSpec === undefined) {
    checkVersionExists(ns, name, version);
    throw new GymError(
      `No registered env with id: ${envName}. Did you register it, or import the package that registers it? ` +
        'Use `pprintRegistry()` to see all of the registered environments.',
    );
  }
  return envSpec;
}

function checkedSpec(value: EnvSpec): EnvSpec {
  if (typeof value !== 'object' || value === null || typeof value.id !== 'string') {
    throw new TypeError(`make: the id must be a string or an EnvSpec, got ${describe(value)}`);
  }
  if (!Array.isArray(value.additionalWrappers)) {
    warn(
      `The env spec passed to \`make\` does not have \`additionalWrappers\`; treating it as empty. Env spec id=${value.id}`,
    );
    return { ...value, additionalWrappers: [] };
  }
  return value;
}

function makeFromSpec(envSpec: EnvSpec, options: MakeOptions): Env<unknown, unknown> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`make(${envSpec.id}): options must be an object, got ${describe(options)}`);
  }
  const { maxEpisodeSteps = null, disableEnvChecker = null, ...makeKwargs } = options;
  if (
    maxEpisodeSteps !== null &&
    maxEpisodeSteps !== -1 &&
    !(Number.isSafeInteger(maxEpisodeSteps) && maxEpisodeSteps > 0)
  ) {
    throw new RangeError(
      `make(${envSpec.id}): maxEpisodeSteps must be a positive integer, -1 (no time limit) or null, got ${String(maxEpisodeSteps)}`,
    );
  }
  if (disableEnvChecker !== null && typeof disableEnvChecker !== 'boolean') {
    throw new TypeError(
      `make(${envSpec.id}): disableEnvChecker must be a boolean, got ${String(disableEnvChecker)}`,
    );
  }
  const envKwargs: Record<string, unknown> = { ...cloneKwargs(envSpec.kwargs), ...makeKwargs };

  if (envSpec.entryPoint === null)
    throw new GymError(`${envSpec.id} registered but entryPoint is not specified`);
  const creator = resolveCreator(envSpec.entryPoint, envSpec.id);
  checkRenderMode(creator, envKwargs);

  let env: unknown;
  try {
    env = callCreator(creator, envKwargs);
  } catch (error) {
    if (error instanceof TypeError) {
      throw new TypeError(
        `${error.message} was raised from the environment creator for ${envSpec.id} with kwargs (${describe(envKwargs)})`,
        { cause: error },
      );
    }
    throw error;
  }
  if (!(env instanceof Env)) {
    throw new TypeError(
      `The environment must inherit from the Env class, actual value: ${describe(env)} (made by the entry point of ${envSpec.id})`,
    );
  }

  env.unwrapped.spec = createEnvSpec({
    id: envSpec.id,
    entryPoint: envSpec.entryPoint,
    rewardThreshold: envSpec.rewardThreshold,
    nondeterministic: envSpec.nondeterministic,
    maxEpisodeSteps: null,
    orderEnforce: false,
    disableEnvChecker: true,
    kwargs: envKwargs,
    additionalWrappers: [],
    vectorEntryPoint: envSpec.vectorEntryPoint,
  });

  let wrapped: Env<unknown, unknown> = env;
  if (disableEnvChecker === false || (disableEnvChecker === null && !envSpec.disableEnvChecker)) {
    wrapped = new PassiveEnvChecker(wrapped);
  }
  if (envSpec.orderEnforce) wrapped = new OrderEnforcing(wrapped);
  if (maxEpisodeSteps !== -1) {
    if (maxEpisodeSteps !== null) wrapped = new TimeLimit(wrapped, maxEpisodeSteps);
    else if (envSpec.maxEpisodeSteps !== null) wrapped = new TimeLimit(wrapped, envSpec.maxEpisodeSteps);
  }
  for (const wrapperSpec of envSpec.additionalWrappers)
    wrapped = applyWrapper(wrapped, wrapperSpec, envSpec.id);
  return wrapped;
}

type Creator = EntryPointLike & { metadata?: unknown; fromKwargs?: unknown };

function resolveCreator(entryPoint: EntryPointLike | string, envId: string): Creator {
  if (typeof entryPoint === 'function') return entryPoint as Creator;
  const loaded = loadedEntryPoint(entryPoint);
  if (loaded === undefined) {
    splitEntryPoint(entryPoint);
    throw new GymError(
      `The entry point "${entryPoint}" of ${envId} has not been loaded: use makeAsync('${envId}'), ` +
        `or await loadEntryPoint("${entryPoint}") before make`,
    );
  }
  if (typeof loaded !== 'function') {
    throw new InvalidSpec(
      `The entry point "${entryPoint}" of ${envId} is ${describe(loaded)}, not a class or a function`,
    );
  }
  return loaded as Creator;
}

function isClass(fn: unknown): fn is abstract new (...args: unknown[]) => unknown {
  return typeof fn === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

function callCreator(creator: Creator, kwargs: Record<string, unknown>): unknown {
  if (isClass(creator))
    return new (creator as unknown as new (kwargs: Record<string, unknown>) => unknown)(kwargs);
  return (creator as (kwargs: Record<string, unknown>) => unknown)(kwargs);
}

/** Gymnasium's `_check_metadata` and render-mode check, on `metadata` of the class or factory when it has one. */
function checkRenderMode(creator: Creator, kwargs: Record<string, unknown>): void {
  if (!('metadata' in creator) || creator.metadata === undefined) return;
  const metadata = creator.metadata as EnvMetadata | null;
  if (typeof metadata !== 'object' || metadata === null) {
    throw new InvalidSpec(
      `Expect the environment metadata to be an object, actual value: ${describe(metadata)}`,
    );
  }
  const renderModes = metadata.renderModes;
  if (renderModes === undefined) {
    warn(
      `The environment creator metadata doesn't include \`renderModes\`, contains: ${JSON.stringify(Object.keys(metadata))}`,
    );
    return;
  }
  if (!Array.isArray(renderModes)) {
    warn(
      `Expects the environment metadata renderModes to be an array, actual value: ${describe(renderModes)}`,
    );
    return;
  }
  const renderMode = kwargs.renderMode;
  if (renderMode !== undefined && renderMode !== null && !renderModes.includes(renderMode as string)) {
    warn(
      `The environment is being initialised with renderMode=${JSON.stringify(renderMode)} ` +
        `that is not in the possible renderModes (${JSON.stringify(renderModes)}).`,
    );
  }
}

function applyWrapper(
  env: Env<unknown, unknown>,
  wrapperSpec: WrapperSpec,
  envId: string,
): Env<unknown, unknown> {
  if (wrapperSpec.kwargs === null) {
    throw new GymError(
      `${wrapperSpec.name} wrapper of ${envId} has kwargs null (its constructor arguments were not recorded), ` +
        'therefore, the wrapper cannot be recreated.',
    );
  }
  const wrapperCreator = resolveCreator(wrapperSpec.entryPoint, `${envId} (wrapper ${wrapperSpec.name})`);
  const kwargs = cloneKwargs(wrapperSpec.kwargs);
  let wrapped: unknown;
  if (typeof wrapperCreator.fromKwargs === 'function') {
    wrapped = (wrapperCreator.fromKwargs as (env: Env, kwargs: Record<string, unknown>) => unknown).call(
      wrapperCreator,
      env,
      kwargs,
    );
  } else if (isClass(wrapperCreator)) {
    wrapped = new (wrapperCreator as unknown as new (env: Env, kwargs: Record<string, unknown>) => unknown)(
      env,
      kwargs,
    );
  } else {
    wrapped = (wrapperCreator as unknown as (env: Env, kwargs: Record<string, unknown>) => unknown)(
      env,
      kwargs,
    );
  }
  if (!(wrapped instanceof Env)) {
    throw new TypeError(
      `The wrapper ${wrapperSpec.name} of ${envId} did not return an Env, got ${describe(wrapped)}`,
    );
  }
  return wrapped;
}

/** A deep copy of plain data (objects, arrays, typed arrays); functions and class instances are shared. */
function cloneKwargs(kwargs: Record<string, unknown>): Record<string, unknown> {
  return clonePlain(kwargs) as Record<string, unknown>;
}

function clonePlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clonePlain);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return (value as unknown as { slice(): unknown }).slice();
  }
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = clonePlain(item);
    return copy;
  }
  return value;
}
