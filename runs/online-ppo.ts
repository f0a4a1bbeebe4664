/**
 * Online PPO (issue #8): rounds that alternate exploration and updates. One actor pool runs for the whole job;
 * each round the learner writes the current network to `live.onnx` with a new version, the actors swap to it on
 * their next job (runs/actors/actor-worker.ts), explore the tasks, and the round's trajectories, scored step by
 * step by the reward model, drive a PPO update held near the starting policy by the KL penalty. Every round
 * keeps its run directory and its checkpoint, so any version can be evaluated or resumed from.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { exportOnnx } from '../agents/lam/onnx-export.ts';
import { loadCheckpoint, saveCheckpoint } from '../agents/learn/checkpoint.ts';
import { ppoFromTrajectories, type PpoOptions } from '../agents/learn/ppo.ts';
import type { TaskRecord } from '../envs/tasks/schema.ts';
import { RewardModel } from '../rewards/reward-model.ts';
import { ActorPool } from './actors/actor-pool.ts';
import { explore, type ExploreHooks } from './explore.ts';
import { runTrajectories } from './train.ts';

export interface OnlinePpoOptions {
  dir: string;
  tasks: readonly TaskRecord[];
  /** The starting policy's checkpoint; also the KL reference. */
  init: string;
  rewardModel: string;
  rounds: number;
  actors?: number;
  attempts?: number;
  temperature?: number;
  seed?: number;
  ppo?: PpoOptions;
  onRound?: (round: OnlineRound) => void;
  exploreHooks?: Omit<ExploreHooks, 'pool'>;
}

export interface OnlineRound {
  round: number;
  /** The policy version the actors explored with. */
  version: string;
  episodes: number;
  successes: number;
  success_rate: number;
  tasks_solved: number;
  mean_reward_model_score: number;
  /** The checkpoint the update produced (the next round's policy). */
  checkpoint: string;
}

export async function onlinePpo(options: OnlinePpoOptions): Promise<OnlineRound[]> {
  if (!(Number.isInteger(options.rounds) && options.rounds > 0))
    throw new RangeError(`rounds must be a positive integer, got ${options.rounds}`);
  const seed = options.seed ?? 0;
  mkdirSync(join(options.dir, 'checkpoints'), { recursive: true });
  const start = await loadCheckpoint(options.init);
  const reference = start.network;
  let network = start.network;
  const version = start.sidecar.version;
  const live = join(options.dir, 'live.onnx');
  const model = await RewardModel.fromFile(options.rewardModel);
  const pool = new ActorPool({ actors: options.actors ?? 2 });
  const rounds: OnlineRound[] = [];
  try {
    for (let round = 0; round < options.rounds; round++) {
      const roundVersion = `${version}-online-r${round}`;
      writeFileSync(live, exportOnnx(network, { lamgym_kind: 'lam', lamgym_version: roundVersion }));
      const runDir = join(options.dir, `round-${round}`);
      const summary = await explore(
        runDir,
        {
          runId: `online-r${round}`,
          tasksSource: 'online',
          policy: { kind: 'lam', model: live, version: roundVersion },
          reward: { kind: 'rule' },
          actors: pool.actors,
          attempts: options.attempts ?? 1,
          sampling: { temperature: options.temperature ?? 1 },
          maxSteps: 30,
          // Each round explores afresh: a new seed stream per round, still fixed by the job's seed.
          seed: seed + round,
          limit: null,
        },
        options.tasks,
        { ...options.exploreHooks, pool },
      );
      const trajectories = runTrajectories([runDir], 'all');
      const scores: number[][] = [];
      let scoreSum = 0;
      let scoreCount = 0;
      for (const t of trajectories) {
        const s = Array.from(await model.stepScores(t));
        scores.push(s);
        for (const x of s) scoreSum += x;
        scoreCount += s.length;
      }
      const update = await ppoFromTrajectories(
        network,
        trajectories,
        scores,
        { seed: seed + round, ...options.ppo },
        reference,
      );
      network = update.network;
      const next = `${version}-online-r${round + 1}`;
      const saved = await saveCheckpoint(join(options.dir, 'checkpoints'), network, {
        kind: 'lam',
        version: next,
        parent: roundVersion,
        data: { run: runDir, trajectories: trajectories.length, reward_model: options.rewardModel },
        hyperparameters: { ...update.options },
        metrics: {
          history: update.history,
          matched_steps: update.matched,
          unmatched_steps: update.unmatched,
        },
      });
      const result: OnlineRound = {
        round,
        version: roundVersion,
        episodes: summary.episodes,
        successes: summary.overall.successes,
        success_rate: summary.overall.success_rate,
        tasks_solved: summary.overall.tasks_solved,
        mean_reward_model_score: scoreCount === 0 ? 0 : scoreSum / scoreCount,
        checkpoint: saved.onnxPath,
      };
      rounds.push(result);
      options.onRound?.(result);
    }
  } finally {
    await pool.close();
    await model.release();
  }
  writeFileSync(join(options.dir, 'rounds.json'), `${JSON.stringify(rounds, null, 2)}\n`);
  return rounds;
}
