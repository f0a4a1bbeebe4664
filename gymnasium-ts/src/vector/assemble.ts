/**
 * Turns per-group runner outputs into a vector env's results, in sub-env order: the same code for
 * `SyncVectorEnv` (one group) and `AsyncVectorEnv` (one group per worker), so their results agree exactly.
 */
import { addInfo, type VectorInfos } from './infos.ts';
import type { GroupResetOutput, GroupStepOutput } from './sub-env-runner.ts';

export interface GroupResult<Out> {
  /** The vector index of the group's first sub-env. */
  first: number;
  out: Out;
}

export interface AssembledStep {
  rewards: Float64Array;
  terminations: Uint8Array;
  truncations: Uint8Array;
  infos: VectorInfos;
}

/** Stores each sub-env's observation in `envObs` and gathers rewards, flags and infos. */
export function assembleStep(
  numEnvs: number,
  groups: readonly GroupResult<GroupStepOutput>[],
  envObs: unknown[],
): AssembledStep {
  const rewards = new Float64Array(numEnvs);
  const terminations = new Uint8Array(numEnvs);
  const truncations = new Uint8Array(numEnvs);
  const infos: VectorInfos = {};
  for (const { first, out } of groups) {
    for (let k = 0; k < out.rewards.length; k++) {
      const i = first + k;
      envObs[i] = out.observations[k];
      rewards[i] = out.rewards[k]!;
      terminations[i] = out.terminations[k]! ? 1 : 0;
      truncations[i] = out.truncations[k]! ? 1 : 0;
      for (const info of out.infos[k]!) addInfo(infos, info, i, numEnvs);
    }
  }
  return { rewards, terminations, truncations, infos };
}

/** Stores the observations of the sub-envs that were reset in `envObs` and gathers their infos. */
export function assembleReset(
  numEnvs: number,
  groups: readonly GroupResult<GroupResetOutput>[],
  envObs: unknown[],
): VectorInfos {
  const infos: VectorInfos = {};
  for (const { first, out } of groups) {
    for (let k = 0; k < out.infos.length; k++) {
      const info = out.infos[k];
      if (info === null || info === undefined) continue;
      envObs[first + k] = out.observations[k];
      addInfo(infos, info, first + k, numEnvs);
    }
  }
  return infos;
}
