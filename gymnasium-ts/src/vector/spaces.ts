/**
 * The single and batched spaces of a vector env from its sub-envs' spaces, with the checks Gymnasium's vector
 * envs make (`observation_mode` 'same' / 'different' / explicit spaces).
 */
import { batchDifferingSpaces, batchSpace, isSpaceDtypeShapeEquiv } from '../spaces/batching.ts';
import { Space } from '../spaces/space.ts';

/**
 * `'same'`: every sub-env has an equal observation space. `'different'`: the spaces share kind, shape and dtype
 * but may differ in bounds. `[observationSpace, singleObservationSpace]`: use these (Gymnasium's tuple order).
 */
export type ObservationMode =
  'same' | 'different' | readonly [observationSpace: Space, singleObservationSpace: Space];

export interface SubEnvSpaces {
  observationSpace: Space;
  actionSpace: Space;
}

export interface VectorSpaces {
  singleObservationSpace: Space;
  observationSpace: Space;
  singleActionSpace: Space;
  actionSpace: Space;
}

/**
 * The spaces of a vector env of `numEnvs` sub-envs. `subEnvs[0]` defines the single spaces; the others are
 * checked against them (an AsyncVectorEnv checks its sub-envs in their threads and passes just the first here,
 * or all of them for `'different'`, which batches each sub-env's own space).
 */
export function resolveSpaces(
  subEnvs: readonly SubEnvSpaces[],
  mode: ObservationMode,
  who: string,
  numEnvs: number = subEnvs.length,
): VectorSpaces {
  const n = numEnvs;
  const first = subEnvs[0]!;
  const singleActionSpace = first.actionSpace;
  checkIsSpace(singleActionSpace, `${who}: sub-env 0's actionSpace`);
  let singleObservationSpace: Space;
  let observationSpace: Space;
  if (Array.isArray(mode)) {
    if (mode.length !== 2 || !(mode[0] instanceof Space) || !(mode[1] instanceof Space)) {
      throw new TypeError(
        `${who}: observationMode as an array must be [observationSpace, singleObservationSpace]`,
      );
    }
    [observationSpace, singleObservationSpace] = mode as readonly [Space, Space];
  } else if (mode === 'same') {
    singleObservationSpace = first.observationSpace;
    checkIsSpace(singleObservationSpace, `${who}: sub-env 0's observationSpace`);
    observationSpace = batchSpace(singleObservationSpace, n);
  } else if (mode === 'different') {
    singleObservationSpace = first.observationSpace;
    subEnvs.forEach((s, i) => checkIsSpace(s.observationSpace, `${who}: sub-env ${i}'s observationSpace`));
    observationSpace = batchDifferingSpaces(subEnvs.map((s) => s.observationSpace));
  } else {
    throw new TypeError(
      `${who}: observationMode must be 'same', 'different' or [observationSpace, singleObservationSpace], ` +
        `got ${JSON.stringify(mode)}`,
    );
  }
  subEnvs.forEach((s, i) => {
    checkSubEnvSpaces(
      s,
      i,
      { singleObservationSpace, singleActionSpace },
      mode === 'same' ? 'same' : 'equivalent',
      who,
    );
  });
  return {
    singleObservationSpace,
    observationSpace,
    singleActionSpace,
    actionSpace: batchSpace(singleActionSpace, n),
  };
}

/** Throws when sub-env `index`'s spaces do not match the vector env's single spaces. */
export function checkSubEnvSpaces(
  spaces: SubEnvSpaces,
  index: number,
  single: { singleObservationSpace: Space; singleActionSpace: Space },
  observationCheck: 'same' | 'equivalent',
  who: string,
): void {
  if (observationCheck === 'same' && !spaces.observationSpace.equals(single.singleObservationSpace)) {
    throw new TypeError(
      `${who}(observationMode 'same'): sub-env ${index}'s observationSpace ${String(spaces.observationSpace)} ` +
        `differs from singleObservationSpace ${String(single.singleObservationSpace)}. If this is intended, ` +
        `use observationMode 'different'.`,
    );
  }
  if (
    observationCheck === 'equivalent' &&
    !isSpaceDtypeShapeEquiv(spaces.observationSpace, single.singleObservationSpace)
  ) {
    throw new TypeError(
      `${who}: sub-env ${index}'s observationSpace ${String(spaces.observationSpace)} does not share kind, shape ` +
        `and dtype with singleObservationSpace ${String(single.singleObservationSpace)}`,
    );
  }
  if (!spaces.actionSpace.equals(single.singleActionSpace)) {
    throw new TypeError(
      `${who}: sub-env ${index}'s actionSpace ${String(spaces.actionSpace)} differs from singleActionSpace ` +
        `${String(single.singleActionSpace)}; every sub-env needs the same action space`,
    );
  }
}

function checkIsSpace(space: unknown, what: string): void {
  if (!(space instanceof Space)) throw new TypeError(`${what} must be a Space, got ${String(space)}`);
}
