/** The learners of the built-in LAM and of the reward model (what `lamgym train` and the pipeline call). */
export {
  Adam,
  type AdamOptions,
  cloneNetwork,
  createGradients,
  type CsrRows,
  denseToCsr,
  type Gradients,
  type MlpEngine,
  MlpWorkspace,
  zeroGradients,
} from './backprop.ts';
export {
  loadCheckpoint,
  networkFromOnnx,
  saveCheckpoint,
  CHECKPOINT_FORMAT,
  type CheckpointInfo,
  type CheckpointSidecar,
} from './checkpoint.ts';
export {
  BatchGatherer,
  buildCandidateDataset,
  type CandidateDataset,
  type DatasetOptions,
  type DatasetReport,
  matchCandidate,
  shuffledOrder,
} from './dataset.ts';
export { logSoftmax, meanSquaredError, ppoLoss, softmaxCrossEntropy } from './losses.ts';
export { offlineMetrics, type OfflineMetrics } from './offline-metrics.ts';
export { createMlpEngine, type EngineKind, mlpGraph, OrtMlpEngine } from './ort-engine.ts';
export {
  advantagesFromScores,
  groupLogProbs,
  PAPER_PPO,
  PPO_DEFAULTS,
  type PpoEpochStats,
  ppoFromTrajectories,
  type PpoOptions,
  type PpoResult,
  trainPpo,
} from './ppo.ts';
export {
  buildRewardDataset,
  exportRewardModel,
  REWARD_MODEL_DEFAULTS,
  type RewardModelOptions,
  type RewardModelTraining,
  stepLabel,
  trainRewardModel,
} from './reward-model.ts';
export {
  type DatasetEvaluation,
  type EpochStats,
  evaluateImitation,
  scheduledLr,
  SFT_DEFAULTS,
  type SftOptions,
  type SftResult,
  sftFromTrajectories,
  trainSft,
} from './sft.ts';
