/**
 * `lamgym eval --suite expert-test --policy NAME`: the paper's offline metrics (object, operation and status
 * accuracy against the reference steps, step and task success rates) and online metrics (task success, steps,
 * seconds per task, per-step latency), per app and overall.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import { loadTaskFile, resolveTaskSource } from '../../../envs/tasks/index.ts';
import { buildPolicy, buildReward } from '../../../runs/actors/specs.ts';
import { type AppMetrics, evaluatePolicy } from '../../../runs/evaluate-policy.ts';
import { parseNonNegativeInt, parsePositiveInt } from './demo.ts';
import { parsePolicySpec, parseRewardSpec } from './explore.ts';

interface EvalOptions {
  suite: string;
  policy: string;
  reward: string;
  mode: 'offline' | 'online' | 'both';
  app?: string;
  limit?: number;
  seed: number;
  maxSteps: number;
  json?: boolean;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function parseMode(text: string): EvalOptions['mode'] {
  if (text === 'offline' || text === 'online' || text === 'both') return text;
  throw new InvalidArgumentError('expected offline, online or both');
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description(
      'Evaluate a policy on a suite: offline step metrics against the reference and online task success',
    )
    .option(
      '--suite <suite|file>',
      'a shipped suite (expert-test, expert-train, failed) or a task file',
      'expert-test',
    )
    .option(
      '--policy <spec>',
      'teacher | oracle | random | lam:MODEL.onnx | http:BASE_URL#MODEL | module:PATH',
      'teacher',
    )
    .option('--reward <spec>', 'what judges online episodes: rule | module:PATH[#EXPORT]', 'rule')
    .option('--mode <mode>', 'offline | online | both', parseMode, 'both')
    .option('--app <name>', 'only the tasks of this app')
    .option('--limit <n>', 'only the first n tasks', parsePositiveInt)
    .option(
      '--seed <n>',
      'evaluation seed (episode seeds derive from it and the task id)',
      parseNonNegativeInt,
      0,
    )
    .option('--max-steps <n>', 'step limit per online episode', parsePositiveInt, 30)
    .option('--json', 'print the metrics as JSON on stdout instead of tables')
    .action(async (opts: EvalOptions) => {
      let tasks = loadTaskFile(resolveTaskSource(opts.suite)).tasks.map((t) => t.task);
      if (opts.app !== undefined) tasks = tasks.filter((t) => t.app === opts.app);
      if (opts.limit !== undefined) tasks = tasks.slice(0, opts.limit);
      if (tasks.length === 0) throw new Error(`no tasks to evaluate in ${opts.suite}`);
      const policy = await buildPolicy(parsePolicySpec(opts.policy));
      const reward = await buildReward(parseRewardSpec(opts.reward));
      const bar = new SingleBar({
        format: 'eval {bar} {value}/{total} tasks | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: false,
      });
      if (opts.json !== true) bar.start(tasks.length, 0);
      const result = await evaluatePolicy(policy, reward, tasks, {
        seed: opts.seed,
        maxSteps: opts.maxSteps,
        mode: opts.mode,
        onTask: (done) => opts.json !== true && bar.update(done),
      });
      if (opts.json !== true) bar.stop();
      await policy.close?.();
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify({ suite: opts.suite, ...result })}\n`);
        return;
      }
      const rows: [string, AppMetrics][] = [...Object.entries(result.apps), ['all', result.overall]];
      if (opts.mode !== 'online') {
        const offline = new Table({
          head: [
            'offline',
            'tasks',
            'steps',
            'object acc',
            'operation acc',
            'status acc',
            'step SR',
            'task SR',
          ],
          style: { head: [], border: [] },
        });
        for (const [app, m] of rows)
          offline.push([
            app,
            m.offline.tasks,
            m.offline.steps,
            pct(m.offline.object_accuracy),
            pct(m.offline.operation_accuracy),
            pct(m.offline.status_accuracy),
            pct(m.offline.step_success_rate),
            pct(m.offline.task_success_rate),
          ]);
        process.stdout.write(`${offline.toString()}\n`);
      }
      if (opts.mode !== 'offline') {
        const online = new Table({
          head: [
            'online',
            'tasks',
            'successes',
            'task SR',
            'mean steps',
            's/task',
            'step ms p50',
            'step ms p99',
          ],
          style: { head: [], border: [] },
        });
        for (const [app, m] of rows)
          online.push([
            app,
            m.online.tasks,
            m.online.successes,
            pct(m.online.task_success_rate),
            m.online.mean_steps.toFixed(1),
            m.online.seconds_per_task.toFixed(3),
            m.online.step_latency_ms.median.toFixed(3),
            m.online.step_latency_ms.p99.toFixed(3),
          ]);
        process.stdout.write(`${online.toString()}\n`);
      }
      process.stdout.write(`policy ${result.policy.name} v${result.policy.version} on ${opts.suite}\n`);
    });
}
