/**
 * `lamgym tasks build | list | show ID | validate FILE...`: building the shipped suites with the teacher, browsing
 * the families and suites, and checking task files (lamgym JSONL suites, UFO dataflow task and result files).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import { FAMILIES } from '../../../envs/tasks/families/index.ts';
import {
  SUITE_MANIFEST,
  SUITES_DIR,
  TASK_SPLITS,
  loadTaskFile,
  suitePath,
  type TaskRecord,
  type TaskSplit,
} from '../../../envs/tasks/index.ts';
import { type BuiltSuites, DEFAULT_SUITE_SEED, buildSuites, suiteJsonl } from '../../../runs/build-suites.ts';
import { parseNonNegativeInt } from './demo.ts';

const plainTable = (head: string[]) => new Table({ head, style: { head: [], border: [] } });

export function registerTasksCommand(program: Command): void {
  const tasks = program.command('tasks').description('Work with task files and the shipped task suites');
  registerBuild(tasks);
  registerList(tasks);
  registerShow(tasks);
  tasks
    .command('validate')
    .description('Check task files; report every malformed record with its line number and reason')
    .argument('<files...>', 'JSONL suites, UFO task files (.json) or UFO instantiation/execution results')
    .action((files: string[]) => {
      const table = new Table({
        head: ['file', 'tasks', 'word', 'excel', 'powerpoint', 'formats', 'problems'],
        style: { head: [], border: [] },
      });
      let problems = 0;
      for (const file of files) {
        const result = loadTaskFile(file, { strict: false });
        for (const problem of result.problems)
          process.stderr.write(`${file}:${problem.line}: ${problem.message}\n`);
        problems += result.problems.length;
        const byApp = (app: string) => result.tasks.filter((t) => t.task.app === app).length;
        const formats = [...new Set(result.tasks.map((t) => t.format))].join(', ');
        table.push([
          file,
          result.tasks.length,
          byApp('word'),
          byApp('excel'),
          byApp('powerpoint'),
          formats,
          result.problems.length,
        ]);
      }
      process.stdout.write(`${table.toString()}\n`);
      if (problems > 0) throw new Error(`${problems} malformed task record(s) in ${files.length} file(s)`);
    });
}

/** The manifest written beside the suites: what built them and how each family fared with the teacher. */
function manifestOf(built: BuiltSuites): Record<string, unknown> {
  return {
    seed: built.seed,
    held_out_seed: built.heldOutSeed,
    teacher: built.teacher,
    counts: Object.fromEntries(TASK_SPLITS.map((s) => [s, built.suites[s].length])),
    teacher_episodes: built.episodes,
    families: built.families,
  };
}

function registerBuild(tasks: Command): void {
  tasks
    .command('build')
    .description(
      'Instantiate every task family, run the teacher on each instance, and write the suites ' +
        '(teacher successes: expert-train/expert-test; teacher failures: failed)',
    )
    .option('--seed <n>', 'suite seed', parseNonNegativeInt, DEFAULT_SUITE_SEED)
    .option('--out <dir>', 'where to write the suites', SUITES_DIR)
    .option('--check', 'rebuild in memory and fail unless the files in --out are identical, byte for byte')
    .action(async (opts: { seed: number; out: string; check?: boolean }) => {
      const bar = new SingleBar({
        format: 'teacher {bar} {value}/{total} tasks placed | {episodes} episodes | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: false,
      });
      let started = false;
      const built = await buildSuites([...FAMILIES.values()], {
        seed: opts.seed,
        onEpisode: (p) => {
          const total = TASK_SPLITS.reduce((n, s) => n + p.quotas[s], 0);
          const value = TASK_SPLITS.reduce((n, s) => n + p.filled[s], 0);
          if (!started) {
            bar.start(total, value, { episodes: p.episodes });
            started = true;
          } else bar.update(value, { episodes: p.episodes });
        },
      });
      if (started) bar.stop();
      const files: [string, string][] = [
        ...TASK_SPLITS.map((s): [string, string] => [suitePath(s, opts.out), suiteJsonl(built.suites[s])]),
        [join(opts.out, SUITE_MANIFEST), `${JSON.stringify(manifestOf(built), null, 2)}\n`],
      ];
      process.stdout.write(`${summaryTable(built)}\n`);
      if (opts.check === true) {
        const differing = files.filter(
          ([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text,
        );
        if (differing.length > 0)
          throw new Error(
            `the rebuilt suites differ from ${differing.map(([p]) => p).join(', ')}; run lamgym tasks build to update them`,
          );
        process.stdout.write(`identical: ${files.map(([p]) => p).join(', ')}\n`);
        return;
      }
      mkdirSync(opts.out, { recursive: true });
      for (const [path, text] of files) writeFileSync(path, text);
      process.stdout.write(`wrote ${files.map(([p]) => p).join(', ')}\n`);
    });
}

/** Per app: families, teacher episodes and success rate, and the tasks placed in each split. */
function summaryTable(built: BuiltSuites): string {
  const table = plainTable([
    'app',
    'families',
    'teacher episodes',
    'teacher success',
    ...TASK_SPLITS,
    'families in failed',
  ]);
  const apps = [...new Set(Object.values(built.families).map((f) => f.app))].sort();
  const row = (name: string, stats: BuiltSuites['families'][string][]) => {
    const played = stats.reduce((n, f) => n + f.played, 0);
    const wins = stats.reduce((n, f) => n + f.teacherSuccesses, 0);
    table.push([
      name,
      stats.length,
      played,
      played === 0 ? '-' : `${((100 * wins) / played).toFixed(1)}%`,
      ...TASK_SPLITS.map((s) => stats.reduce((n, f) => n + f.placed[s], 0)),
      stats.filter((f) => f.placed.failed > 0).length,
    ]);
  };
  for (const app of apps)
    row(
      app,
      Object.values(built.families).filter((f) => f.app === app),
    );
  row('all', Object.values(built.families));
  return table.toString();
}

function readShipped(split: TaskSplit): TaskRecord[] {
  const path = suitePath(split);
  return existsSync(path) ? loadTaskFile(path).tasks.map((t) => t.task) : [];
}

function registerList(tasks: Command): void {
  tasks
    .command('list')
    .description('List the task families and how many of their tasks each shipped suite holds')
    .option('--app <app>', 'only this app (word, excel, powerpoint)')
    .action((opts: { app?: string }) => {
      const counts = new Map<string, Record<TaskSplit, number>>();
      for (const split of TASK_SPLITS)
        for (const task of readShipped(split)) {
          const c = counts.get(task.family ?? '') ?? { 'expert-train': 0, 'expert-test': 0, failed: 0 };
          c[split]++;
          counts.set(task.family ?? '', c);
        }
      const table = plainTable(['family', 'app', 'difficulty', ...TASK_SPLITS]);
      let shown = 0;
      for (const family of [...FAMILIES.values()].sort((a, b) => a.id.localeCompare(b.id))) {
        if (opts.app !== undefined && family.app !== opts.app) continue;
        const c = counts.get(family.id);
        table.push([
          family.id + (family.infeasible === true ? ' (infeasible)' : ''),
          family.app,
          family.difficulty,
          ...TASK_SPLITS.map((s) => c?.[s] ?? 0),
        ]);
        shown++;
      }
      if (opts.app !== undefined && shown === 0)
        throw new Error(`no task families for the app '${opts.app}'`);
      process.stdout.write(`${table.toString()}\n${shown} families\n`);
    });
}

function registerShow(tasks: Command): void {
  tasks
    .command('show')
    .description("Print one task of the shipped suites: request, steps, evaluator and the teacher's attempt")
    .argument('<id>', "the task's unique_id, e.g. word.bold-phrase-3")
    .option('--json', 'print the task record as JSON')
    .action((id: string, opts: { json?: boolean }) => {
      const task = TASK_SPLITS.flatMap(readShipped).find((t) => t.unique_id === id);
      if (task === undefined)
        throw new Error(`no task '${id}' in the shipped suites (lamgym tasks list shows the families)`);
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify(task, null, 2)}\n`);
        return;
      }
      const teacher = task.meta?.teacher as
        | {
            success: boolean;
            reason: string;
            actions: { function?: string; control_text?: string; args?: unknown; error?: string }[];
          }
        | undefined;
      const lines = [
        `${task.unique_id}  (${task.app}, ${task.family ?? 'no family'}, ${task.split ?? 'no split'}, ${task.difficulty ?? ''})`,
        `request: ${task.instantiated_request ?? task.task}`,
        'refined steps:',
        ...task.refined_steps.map((s) => `  ${s}`),
        `evaluator: ${task.evaluator?.name ?? 'none'}${task.evaluator?.infeasible === true ? ' (infeasible by design)' : ''}`,
      ];
      if (teacher !== undefined) {
        lines.push(`teacher: ${teacher.success ? 'succeeded' : 'failed'}: ${teacher.reason}`);
        teacher.actions.forEach((a, i) =>
          lines.push(
            `  ${i + 1}. ${a.function || '(no call)'}${a.control_text ? ` on '${a.control_text}'` : ''} ${JSON.stringify(a.args ?? {})}${a.error ? `  -> error: ${a.error}` : ''}`,
          ),
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
