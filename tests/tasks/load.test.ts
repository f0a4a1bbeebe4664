import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TaskFileError, loadTaskFile, parseTasks, requestOf } from '../../envs/tasks/index.ts';

const ufo = (name: string) => join(import.meta.dirname, '../fixtures/ufo', name);

const good = {
  app: 'word',
  unique_id: 'bold-1',
  task: 'Make the title bold',
  refined_steps: ['Select the title', 'Click Bold'],
  family: 'word.bold-title',
  seed: 7,
  evaluator: { name: 'word.bold-title', params: { text: 'Title' } },
  oracle: [
    { function: 'select_text', args: { text: 'Title' } },
    { function: 'click_input', control_text: 'Bold' },
  ],
  split: 'failed',
};

const { refined_steps: _steps, ...withoutSteps } = good;

describe('task files', () => {
  it('loads UFO dataflow task files as written by UFO (pretty-printed, one object)', () => {
    const { tasks, problems } = loadTaskFile(ufo('bulleted.json'));
    expect(problems).toEqual([]);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.format).toBe('ufo-task');
    expect(tasks[0]?.task).toMatchObject({ app: 'word', unique_id: '5', refined_steps: expect.any(Array) });
    expect(tasks[0]?.task.evaluator).toBeUndefined();
  });

  it('loads UFO execution results as tasks without an evaluator, keeping the plan and verdict', () => {
    const { tasks } = loadTaskFile(ufo('result-5.json'));
    const task = tasks[0]!.task;
    expect(tasks[0]?.format).toBe('ufo-result');
    expect(task.task).toBe('Turning lines of text into a bulleted list in Word');
    expect(requestOf(task)).toBe("Turn the line of text 'text to edit' into a bulleted list in Word.");
    expect(task.template).toBe('bulleted.docx');
    expect(task.evaluator).toBeUndefined();
    expect(task.meta?.ufo_plan).toHaveLength(2);
    expect(task.meta?.ufo_execution).toMatchObject({ complete: 'yes' });
  });

  it('reads JSONL suites and reports each malformed line with its number, keeping the good ones', () => {
    const lines = [
      JSON.stringify(good),
      '',
      '{"app": "word", "unique_id": "2", "task": "x"', // cut off
      JSON.stringify({ ...good, unique_id: 'b', app: 'outlook' }),
      JSON.stringify({ ...withoutSteps, unique_id: 'c', refined_step: [] }),
      JSON.stringify({ ...good, unique_id: 'd', refined_steps: ['ok', 3] }),
      JSON.stringify(good),
      JSON.stringify({ ...good, unique_id: 'e', oracle: [{ control_text: 'Bold' }] }),
      '[1, 2]',
      JSON.stringify({ ...good, unique_id: 'f' }),
    ].join('\n');
    const { tasks, problems } = parseTasks(lines);
    expect(tasks.map((t) => [t.line, t.task.unique_id])).toEqual([
      [1, 'bold-1'],
      [10, 'f'],
    ]);
    const byLine = Object.fromEntries(problems.map((p) => [p.line, p.message]));
    expect(Object.keys(byLine).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(byLine[3]).toMatch(/^not valid JSON/);
    expect(byLine[4]).toMatch(/field 'app'.*"word"\|"excel"\|"powerpoint"/);
    expect(byLine[5]).toMatch(/unknown field 'refined_step' \(did you mean 'refined_steps'\?\)/);
    expect(byLine[5]).toMatch(/missing field 'refined_steps'/);
    expect(byLine[6]).toMatch(/field 'refined_steps\[1\]': .*expected string/);
    expect(byLine[7]).toBe("duplicate unique_id 'bold-1' for app word (first on line 1)");
    expect(byLine[8]).toMatch(/missing field 'oracle\[0\]\.function'/);
    expect(byLine[9]).toBe('expected a task object, got an array');
  });

  it('gives the line of a JSON syntax error in a pretty-printed file and of each bad item in an array', () => {
    expect(parseTasks('{\n  "app": "word",\n  "unique_id": "1",,\n}').problems[0]?.line).toBe(3);
    const array = JSON.stringify([good, { ...good, unique_id: 'x', task: '' }], null, 2);
    const { tasks, problems } = parseTasks(array);
    expect(tasks).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(array.split('\n')[problems[0]!.line - 1]?.trim()).toBe('{');
    expect(problems[0]?.line).toBeGreaterThan(2);
    expect(problems[0]?.message).toMatch(/^item 1: field 'task'/);
  });

  it('accepts UFO key spellings (UFO lower-cases keys) and numeric ids', () => {
    const { tasks, problems } = parseTasks(
      JSON.stringify({ App: 'Word', Unique_ID: 9, Task: 't', Refined_Steps: [] }),
    );
    expect(problems).toEqual([]);
    expect(tasks[0]?.task).toEqual({ app: 'word', unique_id: '9', task: 't', refined_steps: [] });
  });

  it('throws one readable error listing every problem in strict mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lamgym-tasks-'));
    const file = join(dir, 'suite.jsonl');
    writeFileSync(file, `${JSON.stringify(good)}\nnot json\n`);
    expect(() => loadTaskFile(file)).toThrow(TaskFileError);
    expect(() => loadTaskFile(file)).toThrow(
      /suite\.jsonl: 1 malformed task record\(s\)\n {2}.*suite\.jsonl:2: not valid JSON/,
    );
    expect(loadTaskFile(file, { strict: false }).tasks).toHaveLength(1);
    expect(() => loadTaskFile(join(dir, 'missing.jsonl'))).toThrow(/cannot read task file .*missing\.jsonl/);
  });
});
