/**
 * Sub-envs described as data, for vector envs whose sub-envs live in worker threads: functions cannot cross
 * threads, so each thread builds its sub-envs from one of these descriptions.
 *
 * - `{id, kwargs?}`: a registered env, made with `makeAsync(id, kwargs)` after importing gymnasium-ts's own envs
 *   (`envs/index.ts`) and the `imports` (modules that call `register`). `"module:Name-v0"` ids work as in `make`;
 *   `id` may also be an `EnvSpec` with a string entry point.
 * - `{module, exportName?, args?}`: the export `exportName` (default `'default'`) of `module`: an `Env` subclass
 *   is constructed with `new Export(...args)`, any other function is called as `Export(...args)` and may return
 *   a Promise of the env. `module` is a file path (absolute or relative to the working directory), a file URL or
 *   a package specifier, resolved as the registry resolves entry points.
 * Both take `wrappers`: `WrapperSpec`s (`{name, entryPoint: 'module:Export', kwargs}`) applied after the env is
 * made, first innermost. A wrapper export is applied as `make` applies a spec's `additionalWrappers`: through its
 * static `fromKwargs(env, kwargs)` when it has one, else `new Export(env, kwargs)` for a class, else
 * `Export(env, kwargs)`.
 * Everything in a description (kwargs, args) must survive `structuredClone`.
 */
import { Env } from '../core.ts';
import { GymError } from '../errors.ts';
// Registers gymnasium-ts's own envs (CartPole) in every thread that builds sub-envs.
import '../envs/index.ts';
import { importModule, loadEntryPoint } from '../registry/entry-points.ts';
import { makeAsync } from '../registry/make.ts';
import type { EnvSpec, WrapperSpec } from '../spec.ts';

interface SubEnvSourceBase {
  /** Modules imported (in order) before the env is made, e.g. modules that register envs. */
  imports?: readonly string[];
  /** Wrappers applied after the env is made, first innermost. */
  wrappers?: readonly WrapperSpec[];
}

export interface RegisteredSubEnvSource extends SubEnvSourceBase {
  /**
   * A registered env id, as for `make`, or a spec whose entry point is a `"module:Export"` string (specs with
   * function entry points cannot cross threads: give their id and `imports` the module that registers it).
   */
  id: string | EnvSpec;
  /** `make`'s options: the env's kwargs plus `maxEpisodeSteps` / `disableEnvChecker`. */
  kwargs?: Record<string, unknown>;
}

export interface ModuleSubEnvSource extends SubEnvSourceBase {
  module: string;
  /** The export that creates the env; `'default'` when absent. */
  exportName?: string;
  /** Arguments for the constructor or factory. */
  args?: readonly unknown[];
}

export type SubEnvSource = RegisteredSubEnvSource | ModuleSubEnvSource;

/** Checks the shape of `source` and that it can be sent to a worker thread. */
export function checkSubEnvSource(source: unknown, index: number): asserts source is SubEnvSource {
  const where = `sub-env source ${index}`;
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    throw new TypeError(
      `${where} must be an object {id, kwargs?} or {module, exportName?, args?}, got ` +
        `${typeof source === 'function' ? 'a function (functions cannot be sent to worker threads)' : String(source)}`,
    );
  }
  const s = source as Record<string, unknown>;
  const hasId = 'id' in s;
  const hasModule = 'module' in s;
  if (hasId === hasModule) throw new TypeError(`${where} must have exactly one of 'id' and 'module'`);
  if (hasId && (typeof s.id !== 'string' || s.id === '')) {
    const spec = s.id as Partial<EnvSpec> | null;
    if (typeof spec !== 'object' || spec === null || typeof spec.id !== 'string') {
      throw new TypeError(`${where}: id must be a registered env id (a non-empty string) or an EnvSpec`);
    }
    if (typeof spec.entryPoint === 'function') {
      throw new TypeError(
        `${where}: the EnvSpec of ${spec.id} has a function entry point, which cannot be sent to a worker ` +
          `thread; give its id instead, with 'imports' naming the module that registers it`,
      );
    }
  }
  if (hasModule && (typeof s.module !== 'string' || s.module === '')) {
    throw new TypeError(
      `${where}: module must be a non-empty string (a file path, file URL or package name)`,
    );
  }
  if (s.exportName !== undefined && typeof s.exportName !== 'string') {
    throw new TypeError(`${where}: exportName must be a string`);
  }
  if (
    s.kwargs !== undefined &&
    (typeof s.kwargs !== 'object' || s.kwargs === null || Array.isArray(s.kwargs))
  ) {
    throw new TypeError(`${where}: kwargs must be an object`);
  }
  if (s.args !== undefined && !Array.isArray(s.args)) throw new TypeError(`${where}: args must be an array`);
  if (
    s.imports !== undefined &&
    !(Array.isArray(s.imports) && s.imports.every((m) => typeof m === 'string'))
  ) {
    throw new TypeError(`${where}: imports must be an array of module paths`);
  }
  if (s.wrappers !== undefined) {
    if (!Array.isArray(s.wrappers)) throw new TypeError(`${where}: wrappers must be an array of WrapperSpec`);
    s.wrappers.forEach((w: unknown, k) => {
      const spec = w as Partial<WrapperSpec> | null;
      if (typeof spec !== 'object' || spec === null || typeof spec.entryPoint !== 'string') {
        throw new TypeError(
          `${where}: wrappers[${k}] must be a WrapperSpec {name, entryPoint: 'module:Export', kwargs}` +
            (typeof w === 'function' ? ' (a wrapper function cannot be sent to a worker thread)' : ''),
        );
      }
    });
  }
  try {
    structuredClone(source);
  } catch (error) {
    throw new TypeError(
      `${where} cannot be sent to a worker thread: ${(error as Error).message}. ` +
        'Sub-env descriptions may hold only plain data (no functions or class instances with private state).',
    );
  }
}

/** Makes the env `source` describes, in the calling thread. */
export async function createSubEnv(source: SubEnvSource, index: number): Promise<Env> {
  for (const module of source.imports ?? [])
    await importModule(module, `Importing '${module}' for sub-env ${index}`);
  let env: unknown;
  if ('id' in source) {
    env = await makeAsync(source.id, source.kwargs ?? {});
  } else {
    const exportName = source.exportName ?? 'default';
    const loaded = await importModule(source.module, `Loading sub-env ${index} from '${source.module}'`);
    if (!(exportName in loaded)) {
      throw new GymError(
        `module '${source.module}' has no export '${exportName}' (sub-env ${index}); its exports are: ` +
          `${Object.keys(loaded).sort().join(', ') || '(none)'}`,
      );
    }
    const creator = loaded[exportName];
    const args = source.args ?? [];
    if (typeof creator !== 'function') {
      throw new TypeError(
        `export '${exportName}' of '${source.module}' is not a class or a function (sub-env ${index})`,
      );
    }
    env = await (creator.prototype instanceof Env
      ? new (creator as new (...a: unknown[]) => unknown)(...args)
      : (creator as (...a: unknown[]) => unknown)(...args));
  }
  if (!(env instanceof Env)) {
    throw new TypeError(
      `sub-env ${index} is not an Env: its source made ${env === null ? 'null' : typeof env}`,
    );
  }
  for (const wrapper of source.wrappers ?? []) {
    env = applyWrapper(env as Env, wrapper, await loadWrapper(wrapper), `sub-env ${index}`);
  }
  return env as Env;
}

/** Loads the export behind a wrapper spec's entry point. */
export async function loadWrapper(spec: WrapperSpec): Promise<unknown> {
  return loadEntryPoint(spec.entryPoint);
}

/**
 * Wraps `env` with the wrapper `creator` (loaded by `loadWrapper(spec)`), as `make` applies additional
 * wrappers: `creator.fromKwargs(env, kwargs)`, else `new creator(env, kwargs)` for a class, else
 * `creator(env, kwargs)`.
 */
export function applyWrapper(env: Env, spec: WrapperSpec, creator: unknown, where: string): Env {
  const kwargs = spec.kwargs ?? {};
  let wrapped: unknown;
  if (
    typeof creator === 'function' &&
    typeof (creator as { fromKwargs?: unknown }).fromKwargs === 'function'
  ) {
    wrapped = (creator as unknown as { fromKwargs(e: Env, k: unknown): unknown }).fromKwargs(env, kwargs);
  } else if (typeof creator === 'function' && creator.prototype instanceof Env) {
    wrapped = new (creator as new (e: Env, k: unknown) => unknown)(env, kwargs);
  } else if (typeof creator === 'function') {
    wrapped = (creator as (e: Env, k: unknown) => unknown)(env, kwargs);
  } else {
    throw new TypeError(
      `wrapper '${spec.name}' ("${spec.entryPoint}") of ${where} is not a class or a function`,
    );
  }
  if (!(wrapped instanceof Env)) {
    throw new TypeError(`wrapper '${spec.name}' ("${spec.entryPoint}") of ${where} did not return an Env`);
  }
  return wrapped;
}
