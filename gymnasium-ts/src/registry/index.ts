/** The registry: `register` envs by id, `make` them, inspect and print specs. */
import './builtin-entry-points.ts';

export { closeMatches, similarityRatio } from './close-matches.ts';
export { ENV_ID_RE, getEnvId, parseEnvId, type ParsedEnvId } from './env-id.ts';
export {
  createEnvSpec,
  envSpecFromJSON,
  envSpecToJSON,
  prettyPrintSpec,
  type EntryPointLike,
  type EnvClass,
  type EnvSpecInit,
  type PrettyPrintSpecOptions,
} from './env-spec.ts';
export { loadEntryPoint, provideEntryPoint } from './entry-points.ts';
export { make, makeAsync, type MakeOptions } from './make.ts';
export {
  findHighestVersion,
  getCurrentNamespace,
  namespace,
  pprintRegistry,
  register,
  registry,
  spec,
  type PprintRegistryOptions,
  type RegisterOptions,
} from './registry.ts';
