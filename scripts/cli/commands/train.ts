/**
 * `lamgym train sft | rm | ppo`: the built-in LAM's behaviour cloning (Phases 2-3), the reward model and offline
 * PPO (Phase 4). Each writes a checkpoint (ONNX + JSON sidecar) and prints what it trained on and how it went.
 */
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_LAM_MODEL } from '../../../agents/lam/default-model.ts';
import { loadTaskFile, resolveTaskSource } from '../../../envs/tasks/index.ts';
import { onlinePpo } from '../../../runs/online-ppo.ts';
import { trainLamPpo, trainLamSft, trainRewardModel } from '../../../runs/train.ts';
import { parseNonNegativeInt, parsePositiveInt } from './demo.ts';

const say = (line: string) => process.stderr.write(`${line}\n`);
const DEFAULT_VERSION = 'lam-sft';

export function registerTrainCommand(program: Command): void {
  const train = program.command('train').description('Train the built-in LAM and the reward model');
  train
    .command('sft')
    .description('Behaviour cloning on an expert suite (reference trajectories) plus the successes of runs')
    .argument('[runs...]', 'exploration run directories whose successful trajectories are added')
    .option('--suite <suite|file>', 'expert tasks whose reference steps are replayed', 'expert-train')
    .option('--init <checkpoint>', 'start from this checkpoint (.onnx or .json) instead of a fresh network')
    .option('--epochs <n>', 'passes over the data', parsePositiveInt, 3)
    .option('--seed <n>', 'initialisation and shuffling seed', parseNonNegativeInt, 0)
    .option('--out <dir>', 'checkpoint folder', dirname(DEFAULT_LAM_MODEL))
    .option('--version <name>', 'checkpoint version (its file stem)', DEFAULT_VERSION)
    .action(
      async (
        runs: string[],
        opts: { suite: string; init?: string; epochs: number; seed: number; out: string; version: string },
      ) => {
        const expert = loadTaskFile(resolveTaskSource(opts.suite)).tasks.map((t) => t.task);
        const result = await trainLamSft({
          expert,
          runs,
          out: opts.out,
          version: opts.version,
          seed: opts.seed,
          options: { epochs: opts.epochs },
          ...(opts.init === undefined ? {} : { init: opts.init }),
          onPhase: say,
        });
        const m = result.metrics as {
          final_loss: number;
          final_accuracy: number;
          matched_steps: number;
          unmatched_steps: number;
        };
        process.stdout.write(
          `wrote ${result.onnxPath} (${result.version}): loss ${m.final_loss.toFixed(4)}, training accuracy ${(100 * m.final_accuracy).toFixed(1)}%, ${m.matched_steps} steps learnt, ${m.unmatched_steps} without a matching candidate\n`,
        );
      },
    );
  train
    .command('rm')
    .description("Train the paper's reward model on runs' successes (+1 per step) and failures (-1 per step)")
    .argument('<runs...>', 'exploration run directories')
    .option('--suite <suite|file>', 'expert tasks whose reference trajectories join the successes')
    .option('--epochs <n>', 'passes over the data', parsePositiveInt)
    .option('--seed <n>', 'initialisation and shuffling seed', parseNonNegativeInt, 0)
    .option('--out <dir>', 'checkpoint folder', 'outputs/checkpoints')
    .option('--version <name>', 'checkpoint version (its file stem)', 'reward-model')
    .action(
      async (
        runs: string[],
        opts: { suite?: string; epochs?: number; seed: number; out: string; version: string },
      ) => {
        const result = await trainRewardModel({
          runs,
          out: opts.out,
          version: opts.version,
          seed: opts.seed,
          ...(opts.epochs === undefined ? {} : { epochs: opts.epochs }),
          ...(opts.suite === undefined
            ? {}
            : { expert: loadTaskFile(resolveTaskSource(opts.suite)).tasks.map((t) => t.task) }),
          onPhase: say,
        });
        const a = result.accuracy;
        process.stdout.write(
          `wrote ${result.onnxPath}: held-out step accuracy ${(100 * a.stepAccuracy).toFixed(1)}% over ${a.steps} steps, trajectory accuracy ${(100 * a.trajectoryAccuracy).toFixed(1)}% over ${a.trajectories} trajectories (mean score: successes ${a.meanScoreSuccess.toFixed(3)}, failures ${a.meanScoreFailure.toFixed(3)})\n`,
        );
      },
    );
  train
    .command('ppo')
    .description(
      'PPO with reward-model advantages and a KL leash: offline on the failed trajectories of runs, or --online, ' +
        'alternating exploration rounds and updates while the actors keep running',
    )
    .argument('[runs...]', 'exploration run directories (offline mode)')
    .requiredOption('--reward-model <onnx>', 'a reward-model checkpoint (lamgym train rm)')
    .option('--init <checkpoint>', 'the policy to improve (and the KL reference)', DEFAULT_LAM_MODEL)
    .option('--epochs <n>', 'passes over the data per update', parsePositiveInt, 1)
    .option('--seed <n>', 'shuffling and exploration seed', parseNonNegativeInt, 0)
    .option('--out <dir>', 'checkpoint folder (online: the job folder)', 'outputs/checkpoints')
    .option('--version <name>', 'checkpoint version (its file stem; offline mode)', 'lam-ppo')
    .option(
      '--online',
      'alternate exploration of --tasks and updates, pushing each version to the running actors',
    )
    .option('--tasks <suite|file>', 'online mode: the tasks explored each round', 'failed')
    .option('--rounds <n>', 'online mode: exploration/update rounds', parsePositiveInt, 3)
    .option('--actors <n>', 'online mode: actor threads', parsePositiveInt, 2)
    .option('--attempts <n>', 'online mode: attempts per task per round', parsePositiveInt, 1)
    .option('--limit <n>', 'online mode: only the first n tasks', parsePositiveInt)
    .action(
      async (
        runs: string[],
        opts: {
          rewardModel: string;
          init: string;
          epochs: number;
          seed: number;
          out: string;
          version: string;
          online?: boolean;
          tasks: string;
          rounds: number;
          actors: number;
          attempts: number;
          limit?: number;
        },
      ) => {
        if (opts.online === true) {
          let tasks = loadTaskFile(resolveTaskSource(opts.tasks)).tasks.map((t) => t.task);
          if (opts.limit !== undefined) tasks = tasks.slice(0, opts.limit);
          const rounds = await onlinePpo({
            dir: opts.out,
            tasks,
            init: opts.init,
            rewardModel: opts.rewardModel,
            rounds: opts.rounds,
            actors: opts.actors,
            attempts: opts.attempts,
            seed: opts.seed,
            ppo: { epochs: opts.epochs },
            onRound: (r) =>
              say(
                `round ${r.round}: ${r.version} explored ${r.episodes} episodes, ${r.successes} successes (${(100 * r.success_rate).toFixed(1)}%), mean reward-model score ${r.mean_reward_model_score.toFixed(3)} -> ${r.checkpoint}`,
              ),
          });
          process.stdout.write(`wrote ${rounds.length} rounds to ${opts.out}/rounds.json\n`);
          return;
        }
        if (runs.length === 0) throw new Error('offline PPO needs run directories (or --online)');
        const result = await trainLamPpo({
          runs,
          rewardModel: opts.rewardModel,
          init: opts.init,
          out: opts.out,
          version: opts.version,
          seed: opts.seed,
          options: { epochs: opts.epochs },
          onPhase: say,
        });
        process.stdout.write(`wrote ${result.onnxPath} (${result.version})\n`);
      },
    );
}
