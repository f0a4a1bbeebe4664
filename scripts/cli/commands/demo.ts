/**
 * `lamgym demo cartpole`: a random policy on `CartPole-v1`, made through the registry exactly as a user would
 * (`make`, then `RecordEpisodeStatistics`), printing each episode's return and length and a summary table. The
 * first reset is seeded with `--seed` and the action space is seeded with it too, so a run is reproducible.
 */
import Table from 'cli-table3';
import { type Command, InvalidArgumentError } from 'commander';
import { type EpisodeStatistics, make, RecordEpisodeStatistics } from 'gymnasium-ts';

export interface CartPoleDemoOptions {
  episodes: number;
  seed: number;
  maxSteps?: number;
}

export function registerDemoCommand(program: Command): void {
  const demo = program.command('demo').description('Run a bundled environment with a random policy');
  demo
    .command('cartpole')
    .description('Random policy on CartPole-v1; prints each episode and a summary table')
    .option('--episodes <n>', 'number of episodes', parsePositiveInt, 5)
    .option('--seed <n>', 'seed of the first reset and of the action sampling', parseNonNegativeInt, 0)
    .option('--max-steps <n>', "step limit per episode (default: the spec's 500)", parsePositiveInt)
    .action((options: CartPoleDemoOptions) => {
      process.stdout.write(runCartPoleDemo(options));
    });
}

/** Runs the demo and returns what it prints. */
export function runCartPoleDemo({ episodes, seed, maxSteps }: CartPoleDemoOptions): string {
  const env = new RecordEpisodeStatistics(
    make<Float32Array, number>('CartPole-v1', maxSteps === undefined ? {} : { maxEpisodeSteps: maxSteps }),
  );
  const lines: string[] = [];
  const limit = env.spec?.maxEpisodeSteps ?? null;
  lines.push(
    `${env.toString()}: random policy, ${episodes} episode${episodes === 1 ? '' : 's'}, seed ${seed}` +
      (limit === null ? '' : `, at most ${limit} steps`),
  );
  env.actionSpace.seed(seed);
  const finished: EpisodeStatistics[] = [];
  try {
    for (let episode = 1; episode <= episodes; episode++) {
      env.reset(episode === 1 ? { seed } : undefined);
      for (;;) {
        const [, , terminated, truncated, info] = env.step(env.actionSpace.sample());
        if (terminated || truncated) {
          const stats = info.episode as EpisodeStatistics;
          finished.push(stats);
          const how = terminated ? 'pole fell or cart left the track' : 'time limit';
          lines.push(`episode ${episode}: return ${formatNumber(stats.r)}, length ${stats.l} (${how})`);
          break;
        }
      }
    }
  } finally {
    env.close();
  }
  lines.push(summaryTable(finished));
  return `${lines.join('\n')}\n`;
}

function summaryTable(episodes: readonly EpisodeStatistics[]): string {
  const table = new Table({
    head: ['', 'mean', 'std', 'min', 'max'],
    style: { head: [], border: [] },
    colAligns: ['left', 'right', 'right', 'right', 'right'],
  });
  const row = (label: string, values: number[]): (string | number)[] => {
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const std = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
    return [
      label,
      mean.toFixed(2),
      std.toFixed(2),
      formatNumber(Math.min(...values)),
      formatNumber(Math.max(...values)),
    ];
  };
  table.push(
    row(
      'return',
      episodes.map((e) => e.r),
    ),
    row(
      'length',
      episodes.map((e) => e.l),
    ),
  );
  return `summary over ${episodes.length} episode${episodes.length === 1 ? '' : 's'}:\n${table.toString()}`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Option parsers: a bad value becomes commander's one-line "argument ... is invalid" error. */
export function parsePositiveInt(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number <= 0) {
    throw new InvalidArgumentError('Expected a positive integer.');
  }
  return number;
}

export function parseNonNegativeInt(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) {
    throw new InvalidArgumentError('Expected a non-negative integer.');
  }
  return number;
}
