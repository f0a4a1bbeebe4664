import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../envs/tasks/suites.ts';
import { runPipeline } from '../../runs/pipeline.ts';

describe('the phase pipeline', () => {
  it('trains LAM2, explores and harvests, trains LAM3, the reward model and LAM4, and tabulates them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lamgym-pipeline-'));
    // A spread of apps in few tasks: every 80th expert-train task, every 40th expert-test task, every 200th failed one.
    const every = <T>(xs: T[], n: number) => xs.filter((_, i) => i % n === 0);
    const result = await runPipeline({
      dir,
      expertTrain: every(loadSuite('expert-train'), 80),
      expertTest: every(loadSuite('expert-test'), 40),
      failed: every(loadSuite('failed'), 200),
      actors: 1,
      attempts: 1,
      sftEpochs: 1,
      ppoEpochs: 1,
    });
    expect(result.rows.map((r) => r.model)).toEqual(['LAM2', 'LAM3', 'LAM4']);
    for (const r of result.rows) {
      expect(r.version).toMatch(/^lam[234]@[0-9a-f]{12}$/);
      for (const k of ['object_accuracy', 'step_success_rate', 'online_task_success_rate'] as const) {
        expect(r[k]).toBeGreaterThanOrEqual(0);
        expect(r[k]).toBeLessThanOrEqual(1);
      }
    }
    expect(result.exploration.episodes).toBe(result.failed_pool);
    expect(result.failed_tasks_harvested).toBeLessThanOrEqual(result.failed_pool);
    const sidecar = (v: string) =>
      JSON.parse(readFileSync(join(dir, 'checkpoints', `${v}.json`), 'utf8')) as {
        parent: string | null;
        kind: string;
      };
    expect(sidecar('lam2').parent).toBeNull();
    expect(sidecar('lam3').parent).toBe('lam2');
    expect(sidecar('lam4').parent).toBe('lam3');
    expect(sidecar('reward-model').kind).toBe('reward-model');
    expect(readFileSync(join(dir, 'table.md'), 'utf8')).toMatch(/^\| model \| object acc .*\n.*\n\| LAM2 \|/);
    expect(JSON.parse(readFileSync(join(dir, 'table.json'), 'utf8'))).toMatchObject({
      failed_pool: result.failed_pool,
    });
    expect(existsSync(join(dir, 'explore-lam2', 'harvest', 'report.json'))).toBe(true);
  }, 180_000);
});
