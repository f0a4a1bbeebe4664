/**
 * The shipped suites under envs/tasks/suites/: the paper's sizes, valid records, the families' spread, and a
 * sample of records rebuilt from (seed, family, index) with the teacher replayed, byte for byte. The full
 * rebuild is `lamgym tasks build --check`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TeacherPolicy } from '../../agents/baselines/teacher.ts';
import { OFFICE_APPS } from '../../envs/apps.ts';
import { OfficeEnv } from '../../envs/office/index.ts';
import { instantiate } from '../../envs/tasks/family.ts';
import { FAMILIES } from '../../envs/tasks/families/index.ts';
import {
  SUITE_MANIFEST,
  SUITES_DIR,
  loadSuite,
  suitePath,
  taskRecordSchema,
} from '../../envs/tasks/index.ts';
import { DEFAULT_SUITE_SEED, PAPER_QUOTAS, heldOutSeed, teacherRecord } from '../../runs/build-suites.ts';
import { ruleReward } from '../../rewards/rule.ts';
import { runEpisode } from '../../runs/episode.ts';
import { join } from 'node:path';

const splits = ['expert-train', 'expert-test', 'failed'] as const;
const suites = Object.fromEntries(splits.map((s) => [s, loadSuite(s)])) as Record<
  (typeof splits)[number],
  ReturnType<typeof loadSuite>
>;

describe('the shipped suites', () => {
  it('hold 1,757 / 435 expert successes and 2,284 teacher failures, all valid and distinct', () => {
    for (const s of splits) expect(suites[s]).toHaveLength(PAPER_QUOTAS[s]);
    const all = splits.flatMap((s) => suites[s]);
    expect(new Set(all.map((t) => t.unique_id)).size).toBe(all.length);
    for (const t of all) {
      expect(taskRecordSchema.safeParse(t).success).toBe(true);
      expect(FAMILIES.has(t.family!)).toBe(true);
    }
    for (const t of [...suites['expert-train'], ...suites['expert-test']])
      expect((t.meta?.teacher as { success: boolean }).success).toBe(true);
    for (const t of suites.failed) expect((t.meta?.teacher as { success: boolean }).success).toBe(false);
  });

  it('come from at least 80 families (35 Word, 25 Excel, 20 PowerPoint), every app in every split', () => {
    const byApp = (app: string) => [...FAMILIES.values()].filter((f) => f.app === app).length;
    expect(FAMILIES.size).toBeGreaterThanOrEqual(80);
    expect(byApp('word')).toBeGreaterThanOrEqual(35);
    expect(byApp('excel')).toBeGreaterThanOrEqual(25);
    expect(byApp('powerpoint')).toBeGreaterThanOrEqual(20);
    for (const s of splits)
      expect(new Set(suites[s].map((t) => t.app))).toEqual(new Set(['word', 'excel', 'powerpoint']));
    const manifest = JSON.parse(readFileSync(join(SUITES_DIR, SUITE_MANIFEST), 'utf8')) as { seed: number };
    expect(manifest.seed).toBe(DEFAULT_SUITE_SEED);
  });

  it('rebuild byte for byte: a sample of records re-instantiated and replayed by the teacher', async () => {
    const lines = Object.fromEntries(
      splits.map((s) => [s, readFileSync(suitePath(s), 'utf8').trimEnd().split('\n')]),
    ) as Record<(typeof splits)[number], string[]>;
    const envs = new Map<string, OfficeEnv<unknown>>();
    for (const s of splits) {
      // Every 97th record: a spread over families and rounds that stays fast.
      for (let i = 0; i < lines[s].length; i += 97) {
        const shipped = JSON.parse(lines[s][i]!) as { family: string; unique_id: string };
        const family = FAMILIES.get(shipped.family)!;
        const test = /-test-(\d+)$/.exec(shipped.unique_id);
        const index = Number(test?.[1] ?? /-(\d+)$/.exec(shipped.unique_id)![1]);
        let task = instantiate(
          family,
          test === null ? DEFAULT_SUITE_SEED : heldOutSeed(DEFAULT_SUITE_SEED),
          index,
        );
        if (test !== null) task = { ...task, unique_id: shipped.unique_id };
        let env = envs.get(task.app);
        if (env === undefined)
          envs.set(task.app, (env = new OfficeEnv(OFFICE_APPS[task.app]!, { maxSteps: 30 })));
        const t = await runEpisode(env, new TeacherPolicy(), ruleReward, {
          runId: 'tasks-build',
          task,
          attempt: 0,
          seed: task.seed ?? 0,
        });
        const rebuilt = JSON.stringify({
          ...task,
          split: s,
          meta: { ...task.meta, teacher: teacherRecord(t) },
        });
        expect(rebuilt, `${s} line ${i + 1}`).toBe(lines[s][i]);
      }
    }
  });
});
