/** `lamgym tasks validate FILE...`: checks task files (lamgym JSONL suites, UFO dataflow task and result files). */
import type { Command } from 'commander';
import Table from 'cli-table3';
import { loadTaskFile } from '../../../envs/tasks/index.ts';

export function registerTasksCommand(program: Command): void {
  const tasks = program.command('tasks').description('Work with task files and the shipped task suites');
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
