/**
 * Env ids: `[namespace/]Name[-vN]` (gymnasium/envs/registration.py). `\w` is Unicode-aware, as in Python's `re`.
 * Examples: `CartPole-v1`, `lamgym/Word-v0`, `browsergym/miniwob.choose-list` (no version).
 */
import { GymError } from '../errors.ts';

export const ENV_ID_RE =
  /^(?:(?<namespace>[\p{L}\p{N}_:-]+)\/)?(?:(?<name>[\p{L}\p{N}_:.-]+?))(?:-v(?<version>\d+))?$/u;

export interface ParsedEnvId {
  namespace: string | null;
  name: string;
  version: number | null;
}

/** Splits an id into namespace, name and version; throws a `GymError` for an id that does not fit the form. */
export function parseEnvId(envId: string): ParsedEnvId {
  const match = typeof envId === 'string' ? ENV_ID_RE.exec(envId) : null;
  if (match === null || match.groups === undefined) {
    throw new GymError(
      `Malformed environment ID: ${String(envId)}. (Currently all IDs must be of the form ` +
        '[namespace/](env-name)-v(version). (namespace is optional))',
    );
  }
  const { namespace, name, version } = match.groups;
  return {
    namespace: namespace ?? null,
    name: name!,
    version: version === undefined ? null : Number.parseInt(version, 10),
  };
}

/** The inverse of `parseEnvId`. */
export function getEnvId(namespace: string | null, name: string, version: number | null): string {
  let id = namespace === null ? name : `${namespace}/${name}`;
  if (version !== null) id += `-v${version}`;
  return id;
}
