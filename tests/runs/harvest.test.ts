import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../envs/tasks/schema.ts';
import { type ExploreConfig, explore } from '../../runs/explore.ts';
import { harvest } from '../../runs/harvest.ts';

const reward = join(import.meta.dirname, 'fixtures', 'changed-reward.ts');
const tasks: TaskRecord[] = ["Type 'hello'", 'Make the text bold', 'Insert a table'].map((task, i) => ({
  app: 'word',
  unique_id: `h${i}`,
  task,
  refined_steps: [`Step ${i}`],
}));
const config = (workerOnly: boolean): ExploreConfig => ({
  runId: 'harvest-test',
  tasksSource: 'inline',
  policy: { kind: 'random', finishProbability: 0.1 },
  reward: { kind: 'module', module: reward, export: 'changedReward', options: { workerOnly } },
  actors: 1,
  attempts: 3,
  sampling: {},
  maxSteps: 8,
  seed: 5,
  limit: null,
});
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('harvest', () => {
  it('exports replay-verified successes as SFT, UFO execution records and per-step lines; failures apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lamgym-harvest-'));
    const run = await explore(dir, config(false), tasks);
    const report = await harvest(dir);
    expect(report.trajectories).toBe(9);
    expect(report.successes).toBe(run.overall.successes);
    expect(report.successes).toBeGreaterThan(0);
    expect(report.harvested).toBe(report.successes);
    expect(report.not_replayed).toEqual([]);
    expect(report.failures).toBe(9 - report.successes);

    const sft = lines(join(dir, 'harvest', 'sft.jsonl'));
    expect(sft).toHaveLength(report.sft_steps);
    const messages = sft[0]!.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(Object.keys(JSON.parse(messages[2]!.content) as object).sort()).toEqual(
      ['args', 'control_label', 'control_name', 'function', 'plan', 'status', 'thought'].sort(),
    );
    const ufo = lines(join(dir, 'harvest', 'ufo-execution.jsonl'));
    expect(ufo).toHaveLength(report.harvested);
    expect(ufo[0]).toMatchObject({
      app: 'word',
      original: { original_task: expect.any(String), original_steps: [expect.stringMatching(/^Step/)] },
      execution_result: { result: { complete: 'yes', sub_scores: { changed: 'yes' } }, error: null },
      instantiation_result: { prefill: { result: { instantiated_plan: expect.any(Array) } } },
    });
    expect(lines(join(dir, 'harvest', 'steps.jsonl')).length).toBeGreaterThan(0);
    expect(
      lines(join(dir, 'harvest', 'failures.jsonl')).every(
        (l) => (l.outcome as { success: boolean }).success === false,
      ),
    ).toBe(true);
  });

  it('reports successes whose replay reaches another verdict instead of harvesting them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lamgym-harvest-'));
    await explore(dir, config(true), tasks);
    const report = await harvest(dir);
    expect(report.successes).toBeGreaterThan(0);
    expect(report.harvested).toBe(0);
    expect(report.not_replayed).toHaveLength(report.successes);
    expect(report.not_replayed[0]?.reason).toMatch(/judged a failure \(unchanged\)/);
    expect(readFileSync(join(dir, 'harvest', 'sft.jsonl'), 'utf8')).toBe('');
  });
});
