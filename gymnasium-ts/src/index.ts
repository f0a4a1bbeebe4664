/**
 * gymnasium-ts: a TypeScript port of the Gymnasium 1.x API.
 * Each section below is owned by one module family; keep exports grouped.
 */

// core
export * from './core.ts';
export type * from './spec.ts';
export * from './errors.ts';
export * from './utils/seeding.ts';
export { workerExecArgv } from './utils/worker-exec-argv.ts';

// spaces
export * from './spaces/space.ts';
export * from './spaces/discrete.ts';
export * from './spaces/box.ts';
export * from './spaces/multidiscrete.ts';
export * from './spaces/multibinary.ts';
export * from './spaces/text.ts';
export * from './spaces/tuple.ts';
export { Dict, type DictValue, type DictOptions } from './spaces/dict.ts';
export * from './spaces/sequence.ts';
export * from './spaces/graph.ts';
export * from './spaces/oneof.ts';
export { spaceFromJSON, registerSpaceType, copySpace } from './spaces/json.ts';
export * from './spaces/utils.ts';
export * from './spaces/batching.ts';
export { type ArrayOf, type NumericArray, type IntDType, canCast, resultType } from './spaces/ndarray.ts';
// end spaces

// wrappers
export * from './wrappers/index.ts';
export * from './async-adapters.ts';
// end wrappers

// registry
export * from './registry/index.ts';
// end registry

// checker
export { checkEnv, checkAsyncEnv, type CheckEnvOptions } from './checker/check-env.ts';
export { EnvCheckError } from './checker/errors.ts';
export {
  type SpaceType,
  checkSpace,
  checkActionSpace,
  checkObservationSpace,
  checkSpaceLimit,
  checkObs,
  checkResetResult,
  checkStepResult,
  checkRenderSetup,
  checkRenderReturn,
  envResetPassiveChecker,
  envStepPassiveChecker,
  envRenderPassiveChecker,
} from './checker/passive.ts';
export { PassiveEnvChecker } from './checker/passive-env-checker-wrapper.ts';
export { dataEquivalence, type DataEquivalenceOptions } from './utils/data-equivalence.ts';
export * from './utils/warnings.ts';
export { SyncEnvFromAsync, type SyncEnvFromAsyncOptions } from './utils/sync-from-async.ts';
// end checker

// vector
export * from './vector/index.ts';
// end vector

// envs
export * from './envs/index.ts';
// end envs
