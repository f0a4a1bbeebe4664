/** Vector envs: many copies of an env stepped as one (gymnasium/vector). */
export { AutoresetMode } from './autoreset-mode.ts';
export {
  thenApply,
  VectorEnv,
  type ExecutionMode,
  type VectorCloseOptions,
  type VectorInfos,
  type VectorMetadata,
  type VectorResetArgs,
  type VectorResetResult,
  type VectorReturn,
  type VectorStepResult,
} from './vector-env.ts';
export { addInfo, infosToList } from './infos.ts';
export { VectorWrapper } from './vector-wrapper.ts';
export { SyncVectorEnv, type SyncVectorEnvOptions } from './sync-vector-env.ts';
export type { ObservationMode } from './spaces.ts';
export { AsyncVectorEnv, type AsyncVectorEnvOptions, type WaitOptions } from './async-vector-env.ts';
export type { ModuleSubEnvSource, RegisteredSubEnvSource, SubEnvSource } from './sub-env-source.ts';
export { AlreadyPendingCallError, ClosedEnvironmentError, NoAsyncCallError, SubEnvError } from './errors.ts';
export { makeVec, type MakeVecOptions, type SubEnvWrapper, type VectorizationMode } from './make-vec.ts';
export {
  RecordEpisodeStatistics as VectorRecordEpisodeStatistics,
  type VectorRecordEpisodeStatisticsOptions,
} from './wrappers/record-episode-statistics.ts';
export { DictInfoToList } from './wrappers/dict-info-to-list.ts';
