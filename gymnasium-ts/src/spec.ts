/**
 * `EnvSpec` and `WrapperSpec`: the registry's plain-data description of how to make an env
 * (gymnasium/envs/registration.py). The registry module builds, prints and serialises them.
 */
import type { Env } from './core.ts';

/** A factory for an env: a constructor or a function taking the spec's kwargs. */
export type EnvCreator = (kwargs: Record<string, unknown>) => Env<unknown, unknown>;

/** `"path/to/module.ts:ExportName"` or a factory. */
export type EntryPoint = string | EnvCreator;

export interface WrapperSpec {
  name: string;
  entryPoint: string;
  kwargs: Record<string, unknown> | null;
}

export interface EnvSpec {
  id: string;
  entryPoint: EntryPoint | null;
  rewardThreshold: number | null;
  nondeterministic: boolean;
  maxEpisodeSteps: number | null;
  orderEnforce: boolean;
  disableEnvChecker: boolean;
  kwargs: Record<string, unknown>;
  additionalWrappers: readonly WrapperSpec[];
  vectorEntryPoint: EntryPoint | null;
  /** Parsed from `id`: `[namespace/]name[-vN]`. */
  namespace: string | null;
  name: string;
  version: number | null;
}
