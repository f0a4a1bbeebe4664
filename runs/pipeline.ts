/**
 * The paper's phases end to end for lamgym's own LAM (issue #8; paper §1.2-1.6, Tables 3 and 4):
 * - Phase 2: LAM2 = behaviour cloning on the expert-train trajectories;
 * - Phase 3: LAM2 explores the failed pool, the new successes are harvested (replay-verified), LAM3 = LAM2
 *   fine-tuned on expert + harvested trajectories;
 * - Phase 4: a reward model trained on the exploration's successes and failures (+ the expert trajectories), and
 *   LAM4 = offline PPO from LAM3 on the failed trajectories with reward-model advantages;
 * each LAM evaluated on expert-test (offline step metrics and online task success). Everything lands in one run
 * directory: the checkpoints, the exploration run, and the table as Markdown and JSON. Deterministic given the
 * seed (the exploration's episodes depend on the seed, not on the number of actors).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskRecord } from '../envs/tasks/schema.ts';
import { buildPolicy } from './actors/specs.ts';
import { evaluatePolicy, type PolicyEvaluation } from './evaluate-policy.ts';
import { explore, type ExploreHooks, type ExploreSummary } from './explore.ts';
import { harvest, type HarvestReport } from './harvest.ts';
import { ruleReward } from '../rewards/rule.ts';
import { replayExpert, trainLamPpo, trainLamSft, trainRewardModel } from './train.ts';

export interface PipelineOptions {
  dir: string;
  expertTrain: readonly TaskRecord[];
  expertTest: readonly TaskRecord[];
  failed: readonly TaskRecord[];
  seed?: number;
  actors?: number;
  attempts?: number;
  temperature?: number;
  sftEpochs?: number;
  ppoEpochs?: number;
  onPhase?: (phase: string) => void;
  exploreHooks?: ExploreHooks;
}

export interface PipelineRow {
  model: string;
  version: string;
  object_accuracy: number;
  operation_accuracy: number;
  status_accuracy: number;
  step_success_rate: number;
  offline_task_success_rate: number;
  online_task_success_rate: number;
}

export interface PipelineResult {
  dir: string;
  rows: PipelineRow[];
  evaluations: Record<string, PolicyEvaluation>;
  exploration: Pick<ExploreSummary, 'episodes' | 'overall' | 'per_app' | 'seconds'>;
  harvest: Pick<HarvestReport, 'successes' | 'harvested' | 'not_replayed'>;
  failed_pool: number;
  failed_tasks_harvested: number;
  reward_model: { step_accuracy: number; trajectory_accuracy: number };
  seconds: number;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function pipelineMarkdown(result: PipelineResult): string {
  const lines = [
    '| model | object acc | operation acc | status acc | step SR | task SR (offline) | task SR (online) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...result.rows.map(
      (r) =>
        `| ${r.model} | ${pct(r.object_accuracy)} | ${pct(r.operation_accuracy)} | ${pct(r.status_accuracy)} | ${pct(r.step_success_rate)} | ${pct(r.offline_task_success_rate)} | ${pct(r.online_task_success_rate)} |`,
    ),
    '',
    `Failed-pool tasks harvested by LAM2's exploration: ${result.failed_tasks_harvested} of ${result.failed_pool} (${pct(result.failed_tasks_harvested / Math.max(1, result.failed_pool))}); reward model held-out step accuracy ${pct(result.reward_model.step_accuracy)}, trajectory accuracy ${pct(result.reward_model.trajectory_accuracy)}.`,
    '',
  ];
  return lines.join('\n');
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const started = performance.now();
  const seed = options.seed ?? 0;
  const say = options.onPhase ?? (() => undefined);
  const checkpoints = join(options.dir, 'checkpoints');
  mkdirSync(checkpoints, { recursive: true });
  const evaluations: Record<string, PolicyEvaluation> = {};
  const rows: PipelineRow[] = [];
  const evaluate = async (model: string, onnxPath: string) => {
    say(`evaluating ${model} on expert-test (${options.expertTest.length} tasks)`);
    const policy = await buildPolicy({ kind: 'lam', model: onnxPath });
    try {
      const e = await evaluatePolicy(policy, ruleReward, options.expertTest, { seed });
      evaluations[model] = e;
      rows.push({
        model,
        version: e.policy.version,
        object_accuracy: e.overall.offline.object_accuracy,
        operation_accuracy: e.overall.offline.operation_accuracy,
        status_accuracy: e.overall.offline.status_accuracy,
        step_success_rate: e.overall.offline.step_success_rate,
        offline_task_success_rate: e.overall.offline.task_success_rate,
        online_task_success_rate: e.overall.online.task_success_rate,
      });
    } finally {
      await policy.close?.();
    }
  };
  const sftOptions = options.sftEpochs === undefined ? {} : { epochs: options.sftEpochs };
  // Replayed once, used by the three trainings that learn from the expert trajectories.
  const expertTrajectories = replayExpert(options.expertTrain, say);

  say('Phase 2: LAM2, behaviour cloning on expert-train');
  const lam2 = await trainLamSft({
    expert: options.expertTrain,
    expertTrajectories,
    out: checkpoints,
    version: 'lam2',
    seed,
    options: sftOptions,
    onPhase: say,
  });
  await evaluate('LAM2', lam2.onnxPath);

  say(`Phase 3: LAM2 explores the failed pool (${options.failed.length} tasks)`);
  const runDir = join(options.dir, 'explore-lam2');
  const exploration = await explore(
    runDir,
    {
      runId: 'pipeline-explore-lam2',
      tasksSource: 'failed',
      policy: { kind: 'lam', model: lam2.onnxPath },
      reward: { kind: 'rule' },
      actors: options.actors ?? 2,
      attempts: options.attempts ?? 1,
      sampling: { temperature: options.temperature ?? 1 },
      maxSteps: 30,
      seed,
      limit: null,
    },
    options.failed,
    options.exploreHooks ?? {},
  );
  say('harvesting the new successes (each replayed before it counts)');
  const harvested = await harvest(runDir);
  const lam3 = await trainLamSft({
    expert: options.expertTrain,
    expertTrajectories,
    runs: [runDir],
    init: lam2.sidecarPath,
    out: checkpoints,
    version: 'lam3',
    seed,
    options: sftOptions,
    onPhase: say,
  });
  await evaluate('LAM3', lam3.onnxPath);

  say('Phase 4: reward model, then offline PPO on the failures');
  const rm = await trainRewardModel({
    runs: [runDir],
    expert: options.expertTrain,
    expertTrajectories,
    out: checkpoints,
    version: 'reward-model',
    seed,
    onPhase: say,
  });
  const lam4 = await trainLamPpo({
    runs: [runDir],
    rewardModel: rm.onnxPath,
    init: lam3.sidecarPath,
    out: checkpoints,
    version: 'lam4',
    seed,
    options: options.ppoEpochs === undefined ? {} : { epochs: options.ppoEpochs },
    onPhase: say,
  });
  await evaluate('LAM4', lam4.onnxPath);

  const result: PipelineResult = {
    dir: options.dir,
    rows,
    evaluations,
    exploration: {
      episodes: exploration.episodes,
      overall: exploration.overall,
      per_app: exploration.per_app,
      seconds: exploration.seconds,
    },
    harvest: {
      successes: harvested.successes,
      harvested: harvested.harvested,
      not_replayed: harvested.not_replayed,
    },
    failed_pool: options.failed.length,
    failed_tasks_harvested: exploration.overall.tasks_solved,
    reward_model: {
      step_accuracy: rm.accuracy.stepAccuracy,
      trajectory_accuracy: rm.accuracy.trajectoryAccuracy,
    },
    seconds: (performance.now() - started) / 1000,
  };
  writeFileSync(join(options.dir, 'table.md'), pipelineMarkdown(result));
  writeFileSync(join(options.dir, 'table.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
