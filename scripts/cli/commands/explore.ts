/**
 * `lamgym explore`: runs a policy over a task suite in parallel actors, keeping every trajectory in a run
 * directory, with a progress bar and a summary table (or `--json`). `--resume DIR` finishes a stopped run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { z } from 'zod';
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import { loadTaskFile, resolveTaskSource } from '../../../envs/tasks/index.ts';
import type { PolicySpec, RewardSpec } from '../../../runs/actors/specs.ts';
import { type ExploreConfig, type ExploreSummary, explore, readRunConfig } from '../../../runs/explore.ts';
import { parseNonNegativeInt, parsePositiveInt } from './demo.ts';
import { DEFAULT_LAM_MODEL } from '../../../agents/lam/default-model.ts';
import { trainLamSft } from '../../../runs/train.ts';

interface ExploreOptions {
  tasks: string;
  app?: string;
  policy: string;
  reward: string;
  actors: number;
  attempts: number;
  temperature: number;
  maxSteps: number;
  seed: number;
  limit?: number;
  out?: string;
  resume?: string;
  json?: boolean;
  config?: string;
}

/** The settings a config file may hold: the command's own options, by their long names (camelCase or kebab-case). */
const configFileSchema = z.strictObject({
  tasks: z.string().min(1).optional(),
  app: z.enum(['word', 'excel', 'powerpoint']).optional(),
  policy: z.string().min(1).optional(),
  reward: z.string().min(1).optional(),
  actors: z.number().int().positive().optional(),
  attempts: z.number().int().positive().optional(),
  temperature: z.number().nonnegative().optional(),
  maxSteps: z.number().int().positive().optional(),
  'max-steps': z.number().int().positive().optional(),
  seed: z.number().int().nonnegative().optional(),
  limit: z.number().int().positive().optional(),
  out: z.string().min(1).optional(),
});

/** Fills the options the command line did not set from a JSON config file; the command line wins. */
export function applyConfigFile(path: string, options: ExploreOptions, command: Command): void {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`--config ${path}: ${(error as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at '${issue.path.join('.')}'` : '';
    const keys =
      issue.code === 'unrecognized_keys'
        ? ` (${issue.keys.join(', ')}; known: ${Object.keys(configFileSchema.shape).join(', ')})`
        : '';
    throw new Error(`--config ${path}: ${issue.message}${where}${keys}`);
  }
  const { 'max-steps': kebabMaxSteps, ...settings } = parsed.data;
  if (kebabMaxSteps !== undefined && settings.maxSteps === undefined) settings.maxSteps = kebabMaxSteps;
  const target = options as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined || command.getOptionValueSource(key) === 'cli') continue;
    target[key] = value;
  }
}

/** `lam` (the built-in LAM's shipped checkpoint), `random`, `oracle`, `teacher`, `lam:MODEL.onnx`, `http:BASE_URL#MODEL`, `module:PATH[#EXPORT]`. */
export function parsePolicySpec(text: string): PolicySpec {
  if (text === 'lam') return { kind: 'lam', model: DEFAULT_LAM_MODEL };
  if (looksLikeModulePath(text)) return moduleSpec(text);
  if (text === 'random') return { kind: 'random' };
  if (text === 'oracle') return { kind: 'oracle' };
  if (text === 'teacher') return { kind: 'teacher' };
  const [kind, rest = ''] = splitOnce(text, ':');
  if (kind === 'lam' && rest !== '') return { kind: 'lam', model: rest };
  if (kind === 'http') {
    const [baseUrl, model = ''] = splitOnce(rest, '#', true);
    if (baseUrl !== '' && model !== '') return { kind: 'http', baseUrl, model };
  }
  if (kind === 'module' && rest !== '') {
    const [module, exportName] = splitOnce(rest, '#', true);
    return exportName === undefined
      ? { kind: 'module', module }
      : { kind: 'module', module, export: exportName };
  }
  throw new Error(
    `--policy '${text}': expected lam, random, oracle, teacher, lam:MODEL.onnx, http:BASE_URL#MODEL or module:PATH[#EXPORT]`,
  );
}

/**
 * `rule` (the task families' evaluators), `unscored`, `model:RM.onnx` (the learned reward model), `judge:BASE_URL#MODEL` (an LLM judge), `module:PATH[#EXPORT]`,
 * or `A|B`: A where the task has an evaluator, B otherwise (e.g. `rule|judge:http://127.0.0.1:8000/v1#qwen`).
 */
export function parseRewardSpec(text: string): RewardSpec {
  const bar = text.indexOf('|');
  if (bar !== -1)
    return {
      kind: 'fallback',
      primary: parseRewardSpec(text.slice(0, bar)),
      secondary: parseRewardSpec(text.slice(bar + 1)),
    };
  if (text === 'unscored') return { kind: 'unscored' };
  if (looksLikeModulePath(text)) return moduleSpec(text);
  if (text === 'rule') return { kind: 'rule' };
  const [kind, rest = ''] = splitOnce(text, ':');
  if (kind === 'model' && rest !== '') return { kind: 'model', model: rest };
  if (kind === 'judge') {
    const [baseUrl, model = ''] = splitOnce(rest, '#', true);
    if (baseUrl !== '' && model !== '') return { kind: 'judge', baseUrl, model };
  }
  if (kind === 'module' && rest !== '') {
    const [module, exportName] = splitOnce(rest, '#', true);
    return exportName === undefined
      ? { kind: 'module', module }
      : { kind: 'module', module, export: exportName };
  }
  throw new Error(
    `--reward '${text}': expected rule, unscored, model:RM.onnx, judge:BASE_URL#MODEL, module:PATH[#EXPORT] or A|B (A where the task has an evaluator, else B)`,
  );
}

/** `./my-reward.ts`, `../x.js`, `/abs/p.mjs`, `my.ts#Export`: a user's module given by its path. */
function looksLikeModulePath(text: string): boolean {
  if (/^[a-z]+:/i.test(text)) return false; // module:…, lam:…, http:…, judge:… say what they are
  const path = text.replace(/#[^/]*$/, '');
  return /^(\.{1,2}\/|\/)/.test(path) || /\.(ts|mts|js|mjs)$/.test(path);
}

function moduleSpec(text: string): { kind: 'module'; module: string; export?: string } {
  const [module, exportName] = splitOnce(text, '#', true);
  return exportName === undefined
    ? { kind: 'module', module }
    : { kind: 'module', module, export: exportName };
}

function splitOnce(text: string, separator: string, last = false): [string, string | undefined] {
  const at = last ? text.lastIndexOf(separator) : text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function parseTemperature(text: string): number {
  const value = Number(text);
  if (!(Number.isFinite(value) && value >= 0)) throw new InvalidArgumentError('expected a number ≥ 0');
  return value;
}

export function registerExploreCommand(program: Command): void {
  program
    .command('explore')
    .description('Run a policy over a task suite in parallel actors and keep every trajectory')
    .option(
      '--tasks <suite|file>',
      'a shipped suite (failed, expert-train, expert-test) or a task file (lamgym JSONL, UFO task/result files)',
      'failed',
    )
    .option('--app <name>', 'only the tasks of this app (word, excel, powerpoint)')
    .option(
      '--policy <spec>',
      'lam (the built-in LAM) | random | oracle | teacher | lam:MODEL.onnx | http:BASE_URL#MODEL | module:PATH[#EXPORT]',
      'lam',
    )
    .option(
      '--reward <spec>',
      'rule (task evaluators) | unscored | model:RM.onnx | judge:BASE_URL#MODEL | module:PATH[#EXPORT] | A|B (fallback)',
      'rule',
    )
    .option('--actors <n>', 'actor threads', parsePositiveInt, 2)
    .option('--attempts <n>', 'attempts per task', parsePositiveInt, 1)
    .option('--temperature <t>', 'sampling temperature (0: greedy)', parseTemperature, 1)
    .option('--max-steps <n>', "step limit per episode (UFO dataflow's 30)", parsePositiveInt, 30)
    .option(
      '--seed <n>',
      'run seed: episode seeds derive from it, the task id and the attempt',
      parseNonNegativeInt,
      0,
    )
    .option('--limit <n>', 'only the first n tasks', parsePositiveInt)
    .option('--out <dir>', 'run directory (default outputs/runs/<run id>)')
    .option('--resume <dir>', 'finish a stopped run: everything else comes from its config.json')
    .option('--json', 'print the summary as JSON on stdout instead of a table')
    .option('--config <file>', 'a JSON file with any of these settings by long name; the command line wins')
    .action(async (options: ExploreOptions, command: Command) => {
      if (options.config !== undefined) applyConfigFile(options.config, options, command);
      let dir: string;
      let config: ExploreConfig;
      let tasks;
      if (options.resume !== undefined) {
        dir = options.resume;
        ({ config, tasks } = readRunConfig(dir));
      } else {
        tasks = loadTaskFile(resolveTaskSource(options.tasks)).tasks.map((t) => t.task);
        if (options.app !== undefined) tasks = tasks.filter((t) => t.app === options.app);
        if (tasks.length === 0)
          throw new Error(
            `no tasks to run in ${options.tasks}${options.app ? ` for app ${options.app}` : ''}`,
          );
        const runId = `${basename(options.tasks).replace(/\.[^.]*$/, '')}-${options.seed}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        dir = options.out ?? `outputs/runs/${runId}`;
        config = {
          runId,
          tasksSource: options.tasks,
          policy: parsePolicySpec(options.policy),
          reward: parseRewardSpec(options.reward),
          actors: options.actors,
          attempts: options.attempts,
          sampling: { temperature: options.temperature },
          maxSteps: options.maxSteps,
          seed: options.seed,
          limit: options.limit ?? null,
        };
      }
      if (
        config.policy.kind === 'lam' &&
        config.policy.model === DEFAULT_LAM_MODEL &&
        !existsSync(DEFAULT_LAM_MODEL)
      )
        await trainDefaultLam();
      const bar = new SingleBar({
        format:
          'explore [{bar}] {value}/{total} episodes | {successes} successes | {solved} tasks solved | {eps} ep/s | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
      });
      const started = performance.now();
      let startDone = 0;
      const summary = await explore(dir, config, tasks, {
        onStart: (total, done) => {
          startDone = done;
          bar.start(total, done, { successes: 0, solved: 0, eps: '0' });
        },
        onProgress: (p) =>
          bar.update(p.done, {
            successes: p.successes,
            solved: p.tasksSolved,
            eps: ((p.done - startDone) / ((performance.now() - started) / 1000)).toFixed(1),
          }),
        onRetry: (error) => process.stderr.write(`\nactor failed, retrying: ${error}\n`),
      });
      bar.stop();
      process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : renderSummary(summary));
    });
}

/** The shipped checkpoint is missing (a fresh clone without it, or deleted): train it as `lamgym train sft` would. */
async function trainDefaultLam(): Promise<void> {
  process.stderr.write(
    `the built-in LAM's checkpoint ${DEFAULT_LAM_MODEL} is missing: training it on expert-train first (lamgym train sft)\n`,
  );
  const bar = new SingleBar({
    format: '{phase} [{bar}] {value}/{total} | ETA {eta_formatted}',
    stream: process.stderr,
    hideCursor: true,
  });
  let current = '';
  const expert = loadTaskFile(resolveTaskSource('expert-train')).tasks.map((t) => t.task);
  const result = await trainLamSft({
    expert,
    out: dirname(DEFAULT_LAM_MODEL),
    version: basename(DEFAULT_LAM_MODEL, '.onnx'),
    onProgress: (phase, done, total) => {
      const label = phase === 'replay' ? 'replaying expert tasks' : 'behaviour cloning';
      if (label !== current) {
        if (current !== '') bar.stop();
        bar.start(total, done, { phase: label });
        current = label;
      } else bar.update(done);
    },
  });
  bar.stop();
  process.stderr.write(`trained ${result.onnxPath}\n`);
}

export function renderSummary(summary: ExploreSummary): string {
  const table = new Table({
    head: [
      'app',
      'tasks',
      'attempts',
      'successes',
      'tasks solved',
      'newly solved',
      'success rate',
      'mean steps',
      'steps/s',
      'errors',
    ],
    style: { head: [], border: [] },
  });
  for (const row of [...summary.per_app, summary.overall]) {
    table.push([
      row.app,
      row.tasks,
      row.attempts,
      row.successes,
      row.tasks_solved,
      row.tasks_newly_solved,
      `${(100 * row.success_rate).toFixed(1)}%`,
      row.mean_steps.toFixed(1),
      // Per-app rates share the run's wall time; after a resume only the whole run's rate means anything.
      summary.resumed_from === 0 ? (row.steps / summary.seconds).toFixed(0) : '-',
      row.errors,
    ]);
  }
  const lines = [
    table.toString(),
    `run ${summary.run_id}: ${summary.episodes} episodes in ${summary.dir} (${summary.resumed_from} already there), ` +
      `${summary.episodes_per_second.toFixed(1)} episodes/s, ${summary.steps_per_second.toFixed(0)} steps/s`,
  ];
  if (summary.failed_episodes.length > 0) {
    lines.push(`${summary.failed_episodes.length} episode(s) failed in their actor after retries:`);
    for (const f of summary.failed_episodes) lines.push(`  ${f.episode_id}: ${f.error}`);
  }
  if (summary.recovery.dropped.length > 0) {
    lines.push(
      `recovered the trajectory store: dropped ${summary.recovery.dropped.length} damaged region(s):`,
    );
    for (const d of summary.recovery.dropped)
      lines.push(`  ${d.shard} @${d.offset} (${d.bytes} bytes): ${d.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
