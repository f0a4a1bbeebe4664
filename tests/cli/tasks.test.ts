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
