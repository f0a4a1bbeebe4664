/**
 * `lamgym runs ls [DIR]`, `runs show RUN`, `runs cat RUN [EPISODE]`: list run directories, summarise one, and
 * print episodes as readable text (request, each step's action and error, the verdict).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import Table from 'cli-table3';
import type { OfficeAction, OfficeObservation } from '../../../envs/office/index.ts';
import type { Trajectory } from '../../../envs/tasks/trajectory.ts';
import { readRunConfig } from '../../../runs/explore.ts';
import { TrajectoryStore } from '../../../runs/store/trajectory-store.ts';

const plain = { style: { head: [], border: [] } };

function openStore(run: string): TrajectoryStore {
  readRunConfig(run); // a clear error when RUN is not a run directory
  return TrajectoryStore.open(join(run, 'trajectories'));
}

export function renderEpisode(trajectory: Trajectory): string {
  const t = trajectory as Trajectory<OfficeObservation, OfficeAction | string>;
  const lines = [
    `episode ${t.episode_id} (seed ${t.seed}, policy ${t.policy.name}@${t.policy.version})`,
    `request: ${t.steps[0]?.obs.request ?? t.task.instantiated_request ?? t.task.task}`,
  ];
  t.steps.forEach((step, i) => {
    const a = step.action;
    const what =
      typeof a === 'string'
        ? `unreadable answer ${JSON.stringify(a.slice(0, 80))}`
        : `${a.function || '(no action)'}(${JSON.stringify(a.args)})${a.control_text ? ` on '${a.control_text}' [${a.control_label}]` : ''} → ${a.status}`;
    const error = step.info.error === undefined ? '' : `\n      error: ${String(step.info.error)}`;
    lines.push(`  ${String(i + 1).padStart(2)}. ${what}${error}`);
  });
  const o = t.outcome;
  lines.push(
    `verdict: ${o.success ? 'success' : 'failure'}, reward ${o.reward} (${o.reward_fn})${o.error ? ` [${o.error}]` : ''}${o.reason ? `: ${o.reason}` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

export function registerRunsCommand(program: Command): void {
  const runs = program.command('runs').description('List, summarise and read exploration runs');
  runs
    .command('ls')
    .description('List the run directories under a folder')
    .argument('[dir]', 'folder holding run directories', 'outputs/runs')
    .action((dir: string) => {
      if (!existsSync(dir)) throw new Error(`no folder ${dir}`);
      const table = new Table({ head: ['run', 'episodes', 'successes', 'policy', 'tasks from'], ...plain });
      for (const name of readdirSync(dir).sort()) {
        const run = join(dir, name);
        if (!existsSync(join(run, 'config.json'))) continue;
        const { config } = readRunConfig(run);
        const store = TrajectoryStore.open(join(run, 'trajectories'));
        const entries = store.entries();
        store.close();
        table.push([
          name,
          entries.length,
          entries.filter((e) => e.success).length,
          config.policy.kind,
          config.tasksSource,
        ]);
      }
      process.stdout.write(`${table.toString()}\n`);
    });
  runs
    .command('show')
    .description("A run's configuration and per-task results")
    .argument('<run>', 'a run directory')
    .action((run: string) => {
      const { config } = readRunConfig(run);
      const store = openStore(run);
      const byTask = new Map<string, { app: string; attempts: number; successes: number; steps: number }>();
      for (const e of store.entries()) {
        const row = byTask.get(e.task_id) ?? { app: e.app, attempts: 0, successes: 0, steps: 0 };
        row.attempts++;
        row.successes += e.success ? 1 : 0;
        row.steps += e.steps;
        byTask.set(e.task_id, row);
      }
      store.close();
      const table = new Table({ head: ['task', 'app', 'attempts', 'successes', 'mean steps'], ...plain });
      for (const [task, r] of byTask)
        table.push([task, r.app, r.attempts, r.successes, (r.steps / r.attempts).toFixed(1)]);
      process.stdout.write(`${JSON.stringify(config, null, 2)}\n${table.toString()}\n`);
    });
  runs
    .command('cat')
    .description('Print episodes as readable text (all, or one by episode id)')
    .argument('<run>', 'a run directory')
    .argument('[episode]', 'an episode id (run/app/task/attempt)')
    .action((run: string, episode: string | undefined) => {
      const store = openStore(run);
      try {
        if (episode !== undefined) process.stdout.write(renderEpisode(store.get(episode)));
        else for (const t of store.trajectories()) process.stdout.write(`${renderEpisode(t)}\n`);
      } finally {
        store.close();
      }
    });
}
