/** The single-env wrappers (gymnasium.wrappers), one per file. */
export { Autoreset } from './autoreset.ts';
export { ClipAction, type BoxActionInput } from './clip-action.ts';
export { ClipReward, type ClipRewardOptions } from './clip-reward.ts';
export { FlattenObservation } from './flatten-observation.ts';
export { OrderEnforcing, type OrderEnforcingOptions } from './order-enforcing.ts';
export {
  RecordEpisodeStatistics,
  type EpisodeStatistics,
  type RecordEpisodeStatisticsOptions,
} from './record-episode-statistics.ts';
export { RescaleAction, type ActionBound } from './rescale-action.ts';
export { TimeLimit } from './time-limit.ts';
export { TransformAction } from './transform-action.ts';
export { TransformObservation } from './transform-observation.ts';
export { TransformReward } from './transform-reward.ts';
