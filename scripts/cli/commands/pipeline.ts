/**
 * `lamgym pipeline`: Phase 2 → evaluate → Phase 3 (explore the failed pool, harvest, fine-tune) → evaluate →
 * Phase 4 (reward model, offline PPO) → evaluate, printing the table of the paper's Tables 3 and 4 for LAM2-4.
 */
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { loadTaskFile, resolveTaskSource } from '../../../envs/tasks/index.ts';
import { pipelineMarkdown, runPipeline } from '../../../runs/pipeline.ts';
import { parseNonNegativeInt, parsePositiveInt } from './demo.ts';

interface PipelineCliOptions {
  out?: string;
  seed: number;
  actors: number;
  attempts: number;
  limit?: number;
  sftEpochs: number;
  json?: boolean;
}

export function registerPipelineCommand(program: Command): void {
  program
    .command('pipeline')
    .description(
      'Phases 2-4 for the built-in LAM: SFT, exploration + harvest + SFT, reward model + offline PPO',
    )
    .option('--out <dir>', 'pipeline directory (default outputs/pipeline/<seed>-<time>)')
    .option('--seed <n>', 'seed of every phase', parseNonNegativeInt, 0)
    .option('--actors <n>', 'actor threads for the exploration', parsePositiveInt, 2)
    .option('--attempts <n>', 'attempts per failed task', parsePositiveInt, 1)
    .option('--limit <n>', 'only the first n tasks of each suite (a quick look)', parsePositiveInt)
    .option('--sft-epochs <n>', 'behaviour-cloning epochs', parsePositiveInt, 3)
    .option('--json', 'print the result as JSON on stdout')
    .action(async (opts: PipelineCliOptions) => {
      const suite = (name: string) => {
        const tasks = loadTaskFile(resolveTaskSource(name)).tasks.map((t) => t.task);
        return opts.limit === undefined ? tasks : tasks.slice(0, opts.limit);
      };
      const dir =
        opts.out ?? `outputs/pipeline/${opts.seed}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const bar = new SingleBar({
        format: 'explore [{bar}] {value}/{total} episodes | {successes} successes | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
      });
      const result = await runPipeline({
        dir,
        expertTrain: suite('expert-train'),
        expertTest: suite('expert-test'),
        failed: suite('failed'),
        seed: opts.seed,
        actors: opts.actors,
        attempts: opts.attempts,
        sftEpochs: opts.sftEpochs,
        onPhase: (phase) => process.stderr.write(`${phase}\n`),
        exploreHooks: {
          onStart: (total, done) => bar.start(total, done, { successes: 0 }),
          onProgress: (p) => {
            bar.update(p.done, { successes: p.successes });
            if (p.done === p.total) bar.stop();
          },
        },
      });
      bar.stop();
      if (opts.json === true) process.stdout.write(`${JSON.stringify(result)}\n`);
      else
        process.stdout.write(
          `${pipelineMarkdown(result)}\nwrote ${dir}/table.md and table.json in ${result.seconds.toFixed(0)} s\n`,
        );
    });
}
