import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lamgym } from './run-cli.ts';

describe('lamgym tasks validate', () => {
  it('summarises good files and exits 0', async () => {
    const run = await lamgym(
      'tasks',
      'validate',
      'tests/fixtures/ufo/bulleted.json',
      'tests/fixtures/ufo/result-5.json',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/bulleted\.json.*│ 1 .*ufo-task/);
    expect(run.stdout).toMatch(/result-5\.json.*ufo-result/);
  });

  it('prints file:line: reason for each malformed record and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lamgym-cli-tasks-'));
    const file = join(dir, 'bad.jsonl');
    const ok = { app: 'excel', unique_id: '1', task: 'Sum column B', refined_steps: [] };
    writeFileSync(
      file,
      [JSON.stringify(ok), '{oops', JSON.stringify({ ...ok, unique_id: '2', app: 'access' })].join('\n'),
    );
    const run = await lamgym('tasks', 'validate', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:2: not valid JSON`);
    expect(run.stderr).toContain(`${file}:3: field 'app'`);
    expect(run.stderr).toMatch(/lamgym: error: 2 malformed task record\(s\) in 1 file\(s\)/);
  });
});

describe('lamgym tasks list / show, and lamgym eval', () => {
  it('lists the families of an app with their tasks per suite', async () => {
    const run = await lamgym('tasks', 'list', '--app', 'excel');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/family +│ app +│ difficulty +│ expert-train +│ expert-test +│ failed/);
    expect(run.stdout).not.toMatch(/│ word /);
    expect(run.stdout).toMatch(/^\d+ families$/m);
    expect((await lamgym('tasks', 'list', '--app', 'outlook')).stderr).toMatch(
      /no task families for the app 'outlook'/,
    );
  });

  it("shows a shipped task with its steps and the teacher's attempt", async () => {
    const run = await lamgym('tasks', 'show', 'word.bold-phrase-0');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^word\.bold-phrase-0 +\(word, word\.bold-phrase, (expert-train|failed)/);
    expect(run.stdout).toMatch(/refined steps:\n {2}1\. Select the text/);
    expect(run.stdout).toMatch(/teacher: (succeeded|failed)/);
    expect((await lamgym('tasks', 'show', 'nope-1')).stderr).toMatch(
      /no task 'nope-1' in the shipped suites/,
    );
  });

  it('replays the teacher on expert-test: full marks against its own recordings, as JSON', async () => {
    const run = await lamgym(
      'eval',
      '--suite',
      'expert-test',
      '--policy',
      'teacher',
      '--limit',
      '6',
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim()) as {
      overall: {
        offline: { step_success_rate: number; tasks: number };
        online: { task_success_rate: number };
      };
    };
    // expert-test holds teacher successes, and the reference is the teacher's own recording.
    expect(result.overall.offline).toMatchObject({ tasks: 6, step_success_rate: 1 });
    expect(result.overall.online.task_success_rate).toBe(1);
  });
});
