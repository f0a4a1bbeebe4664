import { describe, expect, it } from 'vitest';
import { charFormatFamily, wordCountFamily } from '../../envs/tasks/families/word-text.ts';
import type { TaskFamily } from '../../envs/tasks/family.ts';
import {
  type AnyFamily,
  type BuildOptions,
  buildSuites as build,
  heldOutSeed,
  suiteJsonl,
} from '../../runs/build-suites.ts';
import { familyReward, judgeWith } from '../tasks/family-check.ts';

const families = [
  charFormatFamily('bold'),
  charFormatFamily('italic'),
  wordCountFamily,
] as unknown as AnyFamily[];
const quotas = { 'expert-train': 12, 'expert-test': 4, failed: 5 };
judgeWith(families);
const buildSuites = (f: readonly AnyFamily[], options: BuildOptions) =>
  build(f, { ...options, reward: familyReward() });

describe('building the suites with the teacher', () => {
  it('fills each split to its quota: teacher successes in expert-*, teacher failures in failed', async () => {
    const built = await buildSuites(families, { seed: 7, quotas });
    expect(built.suites['expert-train']).toHaveLength(12);
    expect(built.suites['expert-test']).toHaveLength(4);
    expect(built.suites.failed).toHaveLength(5);
    for (const split of ['expert-train', 'expert-test'] as const)
      for (const t of built.suites[split]) {
        expect(t.split).toBe(split);
        expect(t.meta?.teacher).toMatchObject({ success: true });
      }
    for (const t of built.suites.failed) expect(t.meta?.teacher).toMatchObject({ success: false });
    // The teacher cannot read a dialog it never sees listed: the word-count question is what it fails.
    expect(new Set(built.suites.failed.map((t) => t.family))).toEqual(new Set(['word.count-words']));
    expect(built.families['word.count-words']).toMatchObject({ teacherSuccesses: 0 });
  });

  it('holds out the test stream and never places the same task twice', async () => {
    const built = await buildSuites(families, { seed: 7, quotas });
    const all = [...built.suites['expert-train'], ...built.suites['expert-test'], ...built.suites.failed];
    expect(new Set(all.map((t) => t.unique_id)).size).toBe(all.length);
    expect(new Set(all.map((t) => JSON.stringify([t.family, t.params]))).size).toBe(all.length);
    const trainSeeds = new Set(built.suites['expert-train'].map((t) => t.seed));
    for (const t of built.suites['expert-test']) {
      expect(t.unique_id).toMatch(/-test-\d+$/);
      expect(trainSeeds.has(t.seed)).toBe(false);
    }
    expect(built.heldOutSeed).toBe(heldOutSeed(7));
    expect(built.heldOutSeed).not.toBe(7);
  });

  it('writes the same bytes for the same seed, and other bytes for another seed', async () => {
    const a = await buildSuites(families, { seed: 3, quotas });
    const b = await buildSuites([...families].reverse(), { seed: 3, quotas });
    const c = await buildSuites(families, { seed: 4, quotas });
    expect(suiteJsonl(b.suites['expert-train'])).toBe(suiteJsonl(a.suites['expert-train']));
    expect(suiteJsonl(b.suites.failed)).toBe(suiteJsonl(a.suites.failed));
    expect(suiteJsonl(c.suites['expert-train'])).not.toBe(suiteJsonl(a.suites['expert-train']));
  });

  it('says so when the families cannot fill the quotas', async () => {
    const tiny: AnyFamily = {
      ...(charFormatFamily('bold') as unknown as AnyFamily),
      sample: () => ({ paragraphs: ['The team meeting starts next week.'], phrase: 'team meeting' }),
    } as TaskFamily<Record<string, unknown>>;
    await expect(
      buildSuites([tiny], { seed: 0, quotas: { 'expert-train': 3, 'expert-test': 0, failed: 0 } }),
    ).rejects.toThrow(/ran out of distinct instances .*expert-train 1\/3/);
  });
});
