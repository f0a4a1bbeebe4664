/**
 * Building, printing and serialising `EnvSpec`s (gymnasium/envs/registration.py: `EnvSpec`, `to_json`,
 * `from_json`, `pprint`). The JSON form uses Gymnasium's field names (`entry_point`, `max_episode_steps`, ...)
 * so a spec can travel between gymnasium-ts and Python; `envSpecFromJSON` also accepts the camelCase names.
 */
import type { Env } from '../core.ts';
import { InvalidSpec } from '../errors.ts';
import type { EntryPoint, EnvSpec, WrapperSpec } from '../spec.ts';
import { parseEnvId } from './env-id.ts';

/** An env class: `make` constructs it with the spec's kwargs as its one argument. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EnvClass = abstract new (kwargs: any) => Env<unknown, unknown>;

/** What `register` and `createEnvSpec` accept as an entry point: a factory, an env class, or `"module:Export"`. */
export type EntryPointLike = EntryPoint | EnvClass;

/** The fields of an `EnvSpec` that can be given; the rest take Gymnasium's defaults. */
export interface EnvSpecInit {
  id: string;
  entryPoint?: EntryPointLike | null;
  rewardThreshold?: number | null;
  nondeterministic?: boolean;
  maxEpisodeSteps?: number | null;
  orderEnforce?: boolean;
  disableEnvChecker?: boolean;
  kwargs?: Record<string, unknown> | null;
  additionalWrappers?: readonly WrapperSpec[];
  vectorEntryPoint?: EntryPointLike | null;
}

/** A complete spec from `init`, with namespace, name and version parsed from the id. */
export function createEnvSpec(init: EnvSpecInit): EnvSpec {
  if (typeof init !== 'object' || init === null)
    throw new InvalidSpec(`an EnvSpec needs an object, got ${String(init)}`);
  const { namespace, name, version } = parseEnvId(init.id);
  const where = `EnvSpec ${init.id}`;
  checkEntryPoint(init.entryPoint, `${where}: entryPoint`);
  checkEntryPoint(init.vectorEntryPoint, `${where}: vectorEntryPoint`);
  const rewardThreshold = init.rewardThreshold ?? null;
  if (rewardThreshold !== null && typeof rewardThreshold !== 'number') {
    throw new InvalidSpec(
      `${where}: rewardThreshold must be a number or null, got ${String(rewardThreshold)}`,
    );
  }
  const maxEpisodeSteps = init.maxEpisodeSteps ?? null;
  if (maxEpisodeSteps !== null && !(Number.isSafeInteger(maxEpisodeSteps) && maxEpisodeSteps > 0)) {
    throw new InvalidSpec(
      `${where}: maxEpisodeSteps must be a positive integer or null, got ${String(maxEpisodeSteps)}`,
    );
  }
  const kwargs = init.kwargs ?? {};
  if (typeof kwargs !== 'object' || Array.isArray(kwargs)) {
    throw new InvalidSpec(`${where}: kwargs must be an object of keyword arguments, got ${describe(kwargs)}`);
  }
  const additionalWrappers = init.additionalWrappers ?? [];
  if (!Array.isArray(additionalWrappers)) {
    throw new InvalidSpec(
      `${where}: additionalWrappers must be an array of WrapperSpec, got ${describe(additionalWrappers)}`,
    );
  }
  additionalWrappers.forEach((wrapper, index) =>
    checkWrapperSpec(wrapper, `${where}: additionalWrappers[${index}]`),
  );
  for (const flag of ['nondeterministic', 'orderEnforce', 'disableEnvChecker'] as const) {
    if (init[flag] !== undefined && typeof init[flag] !== 'boolean') {
      throw new InvalidSpec(`${where}: ${flag} must be a boolean, got ${String(init[flag])}`);
    }
  }
  return {
    id: init.id,
    entryPoint: (init.entryPoint ?? null) as EntryPoint | null,
    rewardThreshold,
    nondeterministic: init.nondeterministic ?? false,
    maxEpisodeSteps,
    orderEnforce: init.orderEnforce ?? true,
    disableEnvChecker: init.disableEnvChecker ?? false,
    kwargs,
    additionalWrappers: [...additionalWrappers],
    vectorEntryPoint: (init.vectorEntryPoint ?? null) as EntryPoint | null,
    namespace,
    name,
    version,
  };
}

function checkEntryPoint(entryPoint: unknown, where: string): void {
  if (entryPoint === undefined || entryPoint === null || typeof entryPoint === 'function') return;
  if (typeof entryPoint !== 'string' || !entryPoint.includes(':')) {
    throw new InvalidSpec(
      `${where} must be a factory function, an Env class or a "path/to/module.ts:ExportName" string, got ${describe(entryPoint)}`,
    );
  }
}

function checkWrapperSpec(wrapper: unknown, where: string): void {
  const spec = wrapper as Partial<WrapperSpec> | null;
  if (typeof spec !== 'object' || spec === null || typeof spec.name !== 'string') {
    throw new InvalidSpec(`${where} must be {name, entryPoint, kwargs}, got ${describe(wrapper)}`);
  }
  if (typeof spec.entryPoint !== 'string' || !spec.entryPoint.includes(':')) {
    throw new InvalidSpec(
      `${where} (${spec.name}): entryPoint must be a "module:ExportName" string, got ${describe(spec.entryPoint)}`,
    );
  }
  if (spec.kwargs !== null && (typeof spec.kwargs !== 'object' || Array.isArray(spec.kwargs))) {
    throw new InvalidSpec(
      `${where} (${spec.name}): kwargs must be an object or null, got ${describe(spec.kwargs)}`,
    );
  }
}

// Gymnasium's JSON field names, in its dataclass order.
const JSON_FIELDS = [
  ['id', 'id'],
  ['entry_point', 'entryPoint'],
  ['reward_threshold', 'rewardThreshold'],
  ['nondeterministic', 'nondeterministic'],
  ['max_episode_steps', 'maxEpisodeSteps'],
  ['order_enforce', 'orderEnforce'],
  ['disable_env_checker', 'disableEnvChecker'],
  ['kwargs', 'kwargs'],
  ['additional_wrappers', 'additionalWrappers'],
  ['vector_entry_point', 'vectorEntryPoint'],
] as const;

/** The spec as Gymnasium's `EnvSpec.to_json()` writes it. Callable entry points and non-JSON kwargs are refused. */
export function envSpecToJSON(spec: EnvSpec): string {
  const out: Record<string, unknown> = {};
  for (const [jsonKey, key] of JSON_FIELDS) {
    const value = spec[key];
    if (typeof value === 'function') {
      throw new InvalidSpec(
        `Callable found in ${spec.id} for ${key} attribute with value=${describe(value)}. ` +
          'Currently, gymnasium-ts does not support serialising callables: register a "module:ExportName" string instead.',
      );
    }
    if (key === 'additionalWrappers') {
      out[jsonKey] = spec.additionalWrappers.map((wrapper, index) => {
        assertJsonable(wrapper.kwargs, `${spec.id}: additionalWrappers[${index}].kwargs`);
        return { name: wrapper.name, entry_point: wrapper.entryPoint, kwargs: wrapper.kwargs };
      });
    } else {
      assertJsonable(value, `${spec.id}: ${key}`);
      out[jsonKey] = value;
    }
  }
  return JSON.stringify(out);
}

/** The inverse of `envSpecToJSON`; accepts Gymnasium's snake_case field names or gymnasium-ts's camelCase ones. */
export function envSpecFromJSON(json: string): EnvSpec {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new InvalidSpec(`envSpecFromJSON: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidSpec(`envSpecFromJSON: expected a JSON object, got ${describe(parsed)}`);
  }
  const byName = new Map<string, string>();
  for (const [jsonKey, key] of JSON_FIELDS) {
    byName.set(jsonKey, key);
    byName.set(key, key);
  }
  const init: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(parsed)) {
    const key = byName.get(field);
    if (key === undefined) {
      throw new InvalidSpec(
        `envSpecFromJSON: unknown field '${field}' (an EnvSpec has ${JSON_FIELDS.map(([k]) => k).join(', ')})`,
      );
    }
    init[key] = value;
  }
  if (typeof init.id !== 'string') throw new InvalidSpec(`envSpecFromJSON: the spec has no string 'id'`);
  const wrappers = init.additionalWrappers ?? [];
  if (!Array.isArray(wrappers)) {
    throw new InvalidSpec(`envSpecFromJSON: additional_wrappers must be an array, got ${describe(wrappers)}`);
  }
  init.additionalWrappers = wrappers.map((wrapper: unknown, index) => {
    const w = (wrapper ?? {}) as Record<string, unknown>;
    const unknownKeys = Object.keys(w).filter(
      (k) => !['name', 'entry_point', 'entryPoint', 'kwargs'].includes(k),
    );
    if (unknownKeys.length > 0) {
      throw new InvalidSpec(
        `An issue occurred when trying to make additional_wrappers[${index}] a WrapperSpec: unknown field '${unknownKeys[0]}'`,
      );
    }
    return {
      name: w.name,
      entryPoint: w.entry_point ?? w.entryPoint,
      kwargs: w.kwargs ?? null,
    } as WrapperSpec;
  });
  return createEnvSpec(init as unknown as EnvSpecInit);
}

function assertJsonable(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidSpec(`${path} is ${value}, which JSON cannot hold`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertJsonable(item, `${path}[${index}]`));
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) assertJsonable(item, `${path}.${key}`);
    return;
  }
  throw new InvalidSpec(`${path} is ${describe(value)}, which cannot be serialised to JSON`);
}

export interface PrettyPrintSpecOptions {
  /** Include `entryPoint` (and the wrappers' entry points). */
  includeEntryPoints?: boolean;
  /** Include every field, also those at their default value. */
  printAll?: boolean;
}

/** Gymnasium's `EnvSpec.pprint(disable_print=True)`: `id=...` then one `field=value` line per non-default field. */
export function prettyPrintSpec(
  spec: EnvSpec,
  { includeEntryPoints = false, printAll = false }: PrettyPrintSpecOptions = {},
): string {
  let output = `id=${spec.id}`;
  if (printAll || includeEntryPoints) output += `\nentryPoint=${formatEntryPoint(spec.entryPoint)}`;
  if (printAll || spec.rewardThreshold !== null)
    output += `\nrewardThreshold=${String(spec.rewardThreshold)}`;
  if (printAll || spec.nondeterministic) output += `\nnondeterministic=${String(spec.nondeterministic)}`;
  if (printAll || spec.maxEpisodeSteps !== null)
    output += `\nmaxEpisodeSteps=${String(spec.maxEpisodeSteps)}`;
  if (printAll || !spec.orderEnforce) output += `\norderEnforce=${String(spec.orderEnforce)}`;
  if (printAll || spec.disableEnvChecker) output += `\ndisableEnvChecker=${String(spec.disableEnvChecker)}`;
  if (printAll && Object.keys(spec.kwargs).length > 0) output += `\nkwargs=${formatValue(spec.kwargs)}`;
  if (printAll || spec.additionalWrappers.length > 0) {
    const lines = spec.additionalWrappers.map((wrapper) =>
      includeEntryPoints
        ? `\n\tname=${wrapper.name}, entryPoint=${wrapper.entryPoint}, kwargs=${formatValue(wrapper.kwargs)}`
        : `\n\tname=${wrapper.name}, kwargs=${formatValue(wrapper.kwargs)}`,
    );
    output += lines.length === 0 ? '\nadditionalWrappers=[]' : `\nadditionalWrappers=[${lines.join(',')}\n]`;
  }
  return output;
}

export function formatEntryPoint(entryPoint: EntryPoint | null): string {
  if (entryPoint === null || typeof entryPoint === 'string') return String(entryPoint);
  const isClass = /^class[\s{]/.test(Function.prototype.toString.call(entryPoint));
  return `[${isClass ? 'class' : 'function'} ${entryPoint.name || '(anonymous)'}]`;
}

function formatValue(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) =>
        typeof item === 'function' ? `[function ${item.name}]` : item,
      ) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `[function ${value.name || '(anonymous)'}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `an instance of ${name}` : formatValue(value);
  }
  return String(value);
}
