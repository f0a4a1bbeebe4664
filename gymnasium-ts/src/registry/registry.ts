/**
 * The global env registry (gymnasium/envs/registration.py): `register`, `spec`, `namespace`, `pprintRegistry`
 * and the id checks whose errors tell the user what they probably meant: the closest registered name, the
 * versions that exist, or the newer version that replaces a deprecated one.
 */
import {
  DeprecatedEnv,
  GymError,
  InvalidSpec,
  NameNotFound,
  NamespaceNotFound,
  VersionNotFound,
} from '../errors.ts';
import type { EnvSpec } from '../spec.ts';
import { warn } from '../utils/warnings.ts';
import { closeMatches } from './close-matches.ts';
import { getEnvId, parseEnvId } from './env-id.ts';
import { createEnvSpec, type EnvSpecInit } from './env-spec.ts';
import { splitEntryPoint } from './entry-points.ts';

/** Every registered spec by id, in registration order. Meant to be changed through `register`. */
export const registry: Map<string, EnvSpec> = new Map();

let currentNamespace: string | null = null;

/** The namespace `register` puts envs in right now (set by `namespace`), or null. */
export function getCurrentNamespace(): string | null {
  return currentNamespace;
}

/**
 * Runs `fn` with `ns` as the namespace of every env it registers (Gymnasium's `with namespace(ns):`).
 * `fn` must register synchronously: registrations after an `await` would land outside the namespace.
 */
export function namespace<T>(ns: string, fn: () => T): T {
  if (typeof ns !== 'string' || !/^[\p{L}\p{N}_:-]+$/u.test(ns)) {
    throw new GymError(
      `namespace: '${String(ns)}' is not a valid namespace (letters, digits, '_', ':' and '-')`,
    );
  }
  const previous = currentNamespace;
  currentNamespace = ns;
  let result: T;
  try {
    result = fn();
  } finally {
    currentNamespace = previous;
  }
  if (typeof (result as { then?: unknown } | null)?.then === 'function') {
    throw new TypeError(
      `namespace('${ns}', fn): fn returned a Promise; register synchronously inside fn ` +
        '(registrations after an await are not put in the namespace)',
    );
  }
  return result;
}

export type RegisterOptions = Omit<EnvSpecInit, 'id'>;

/**
 * Registers an env under `id` (`[namespace/]Name[-vN]`) for `make`. Inside `namespace(ns, fn)` the namespace
 * of the id is replaced by `ns`. Registering an id again replaces the spec, with a warning.
 */
export function register(id: string, options: RegisterOptions): EnvSpec {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidSpec(
      `register('${id}', options): options must be an object with at least an entryPoint`,
    );
  }
  if (
    (options.entryPoint === undefined || options.entryPoint === null) &&
    (options.vectorEntryPoint === undefined || options.vectorEntryPoint === null)
  ) {
    throw new InvalidSpec(
      `register('${id}'): either \`entryPoint\` or \`vectorEntryPoint\` (or both) must be provided`,
    );
  }
  const { namespace: ns, name, version } = parseEnvId(id);
  const kwargs = options.kwargs ?? {};
  let namespaceId = ns;
  if (currentNamespace !== null) {
    const requested = kwargs.namespace;
    if (requested !== undefined && requested !== null && requested !== currentNamespace) {
      warn(
        `Custom namespace \`${String(requested)}\` is being overridden by namespace \`${currentNamespace}\`. ` +
          "If you are developing a plugin you shouldn't specify a namespace in `register` calls. " +
          'The namespace is specified through the entry point package metadata.',
      );
    }
    namespaceId = currentNamespace;
  }
  const newSpec = createEnvSpec({ ...options, id: getEnvId(namespaceId, name, version), kwargs });
  checkSpecRegister(newSpec);
  if (registry.has(newSpec.id)) warn(`Overriding environment ${newSpec.id} already in registry.`);
  registry.set(newSpec.id, newSpec);
  return newSpec;
}

/** A registered spec; unknown ids throw the same helpful errors as `make`. */
export function spec(envId: string): EnvSpec {
  const found = registry.get(envId);
  if (found !== undefined) return found;
  const { namespace: ns, name, version } = parseEnvId(envId);
  checkVersionExists(ns, name, version);
  throw new GymError(`No registered env with id: ${envId}`);
}

/** The highest registered version of `namespace/name`, or null when only an unversioned one (or none) exists. */
export function findHighestVersion(ns: string | null, name: string): number | null {
  let highest: number | null = null;
  for (const envSpec of registry.values()) {
    if (envSpec.namespace === ns && envSpec.name === name && envSpec.version !== null) {
      if (highest === null || envSpec.version > highest) highest = envSpec.version;
    }
  }
  return highest;
}

function checkNamespaceExists(ns: string | null): void {
  if (ns === null) return;
  const namespaces = new Set<string>();
  for (const envSpec of registry.values()) if (envSpec.namespace !== null) namespaces.add(envSpec.namespace);
  if (namespaces.has(ns)) return;
  const [suggestion] = closeMatches(ns, namespaces, { n: 1 });
  const hint =
    suggestion !== undefined
      ? `Did you mean: \`${suggestion}\`?`
      : `Have you installed (or imported) the proper package for ${ns}?`;
  throw new NamespaceNotFound(`Namespace ${ns} not found. ${hint}`);
}

function checkNameExists(ns: string | null, name: string): void {
  checkNamespaceExists(ns);
  const names = new Set<string>();
  for (const envSpec of registry.values()) if (envSpec.namespace === ns) names.add(envSpec.name);
  if (names.has(name)) return;
  const [suggestion] = closeMatches(name, names, { n: 1 });
  const inNamespace = ns !== null ? ` in namespace ${ns}` : '';
  const hint = suggestion !== undefined ? ` Did you mean: \`${suggestion}\`?` : '';
  throw new NameNotFound(`Environment \`${name}\` doesn't exist${inNamespace}.${hint}`);
}

/**
 * Throws the most helpful error for an id that is not registered: unknown namespace or name (with the closest
 * match), a version newer than any registered (listing the versions), or an older, deprecated one.
 */
export function checkVersionExists(ns: string | null, name: string, version: number | null): void {
  if (registry.has(getEnvId(ns, name, version))) return;
  checkNameExists(ns, name);
  if (version === null) return;

  let message = `Environment version \`v${version}\` for environment \`${getEnvId(ns, name, null)}\` doesn't exist.`;
  const envSpecs = [...registry.values()]
    .filter((envSpec) => envSpec.namespace === ns && envSpec.name === name)
    .sort((a, b) => (a.version ?? -1) - (b.version ?? -1));
  const defaultSpec = envSpecs.find((envSpec) => envSpec.version === null);
  if (defaultSpec !== undefined) {
    message += ` It provides the default version \`${defaultSpec.id}\`.`;
    if (envSpecs.length === 1) throw new DeprecatedEnv(message);
  }
  const versioned = envSpecs.filter((envSpec) => envSpec.version !== null);
  const latest = versioned.reduce<EnvSpec | null>(
    (best, s) => (best === null || s.version! > best.version! ? s : best),
    null,
  );
  if (latest !== null && version > latest.version!) {
    const versions = envSpecs.map((envSpec) => `\`v${envSpec.version}\``).join(', ');
    message += ` It provides versioned environments: [ ${versions} ].`;
    throw new VersionNotFound(message);
  }
  if (latest !== null && version < latest.version!) {
    throw new DeprecatedEnv(
      `Environment version v${version} for \`${getEnvId(ns, name, null)}\` is deprecated. ` +
        `Please use \`${latest.id}\` instead.`,
    );
  }
}

/** A name is either versioned or not: mixing the two would make `make('Name')` ambiguous. */
function checkSpecRegister(testing: EnvSpec): void {
  let latestVersioned: EnvSpec | null = null;
  let unversioned: EnvSpec | null = null;
  for (const envSpec of registry.values()) {
    if (envSpec.namespace !== testing.namespace || envSpec.name !== testing.name) continue;
    if (envSpec.version === null) unversioned ??= envSpec;
    else if (latestVersioned === null || envSpec.version > latestVersioned.version!)
      latestVersioned = envSpec;
  }
  if (unversioned !== null && testing.version !== null) {
    throw new GymError(
      `Can't register the versioned environment \`${testing.id}\` when the unversioned environment ` +
        `\`${unversioned.id}\` of the same name already exists.`,
    );
  }
  if (latestVersioned !== null && testing.version === null) {
    throw new GymError(
      `Can't register the unversioned environment \`${testing.id}\` when the versioned environment ` +
        `\`${latestVersioned.id}\` of the same name already exists. Note: the default behavior is that ` +
        '`make` with the unversioned environment will return the latest versioned environment',
    );
  }
}

export interface PprintRegistryOptions {
  /** The specs to print (default: the global registry). */
  printRegistry?: ReadonlyMap<string, EnvSpec>;
  /** Ids per line (default 3). */
  numCols?: number;
  /** Groups to leave out. */
  excludeNamespaces?: readonly string[] | null;
  /** Return the text without printing it. */
  disablePrint?: boolean;
}

/**
 * Gymnasium's `pprint_registry`: ids grouped under `===== group =====` headers, sorted, in columns. The group is
 * the namespace; for ids without one, the module of a string entry point, else `root`. Returns the text and,
 * unless `disablePrint`, prints it.
 */
export function pprintRegistry({
  printRegistry = registry,
  numCols = 3,
  excludeNamespaces = null,
  disablePrint = false,
}: PprintRegistryOptions = {}): string {
  if (!Number.isSafeInteger(numCols) || numCols <= 0) {
    throw new RangeError(`pprintRegistry: numCols must be a positive integer, got ${String(numCols)}`);
  }
  const groups = new Map<string, string[]>();
  for (const envSpec of printRegistry.values()) {
    const group = envSpec.namespace ?? groupOfEntryPoint(envSpec);
    const ids = groups.get(group);
    if (ids === undefined) groups.set(group, [envSpec.id]);
    else ids.push(envSpec.id);
  }
  let width = 0;
  for (const ids of groups.values()) for (const id of ids) width = Math.max(width, id.length);

  const output: string[] = [];
  for (const [group, ids] of groups) {
    if (excludeNamespaces?.includes(group)) continue;
    let text = `${'='.repeat(5)} ${group} ${'='.repeat(5)}\n`;
    const sorted = [...ids].sort();
    sorted.forEach((id, index) => {
      text += `${id.padEnd(width)} `;
      const count = index + 1;
      if (count % numCols === 0) {
        text = text.replace(/ +$/, '');
        if (count !== sorted.length) text += '\n';
      }
    });
    output.push(text.replace(/ +$/, ''));
  }
  const printed = output.join('\n');
  if (!disablePrint) console.log(printed);
  return printed;
}

function groupOfEntryPoint(envSpec: EnvSpec): string {
  if (typeof envSpec.entryPoint === 'string') return splitEntryPoint(envSpec.entryPoint).module;
  return 'root';
}
