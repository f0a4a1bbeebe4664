/**
 * Building the shipped task suites (issue #5; the paper's expert successes and the 2,284 tasks the teacher
 * failed). Families are instantiated in rounds (round i holds instance i of every family, families in id order),
 * the teacher plays each instance once, and the outcome decides the split: teacher successes of the main stream
 * fill `expert-train`, its failures fill `failed`; `expert-test` is filled by the teacher successes of a held-out
 * stream (another suite seed), so no test instance shares a seed with a training one. An instance whose family
 * and parameters repeat one already played is skipped, so no task appears twice, across splits either. Everything
 * is a pure function of the seed, the families and the teacher: the same inputs write the same bytes.
 */
import { TeacherPolicy } from '../agents/baselines/teacher.ts';
import type { OfficeAction, OfficeObservation } from '../envs/office/index.ts';
import { instantiate, type TaskFamily } from '../envs/tasks/family.ts';
import type { TaskRecord, TaskSplit } from '../envs/tasks/schema.ts';
import type { Trajectory } from '../envs/tasks/trajectory.ts';
import type { RewardFn } from '../rewards/reward-fn.ts';
import { ruleReward } from '../rewards/rule.ts';
import { runEpisode } from './episode.ts';
import { OfficeEnvs } from './office-envs.ts';
import { episodeSeed } from './seeds.ts';

export type AnyFamily = TaskFamily<Record<string, unknown>>;

/** The paper's split sizes: 1,757 / 435 expert successes and 2,284 teacher failures. */
export const PAPER_QUOTAS: Readonly<Record<TaskSplit, number>> = {
  'expert-train': 1757,
  'expert-test': 435,
  failed: 2284,
};

export const DEFAULT_SUITE_SEED = 2412;
/** Rounds without a single new instance from a family before it is considered exhausted. */
const EXHAUSTED_AFTER = 40;

export interface BuildOptions {
  seed?: number;
  quotas?: Readonly<Record<TaskSplit, number>>;
  maxSteps?: number;
  /** What judges the teacher (default: the rule reward, the families' evaluators). */
  reward?: RewardFn;
  /** Called after every teacher episode. */
  onEpisode?: (progress: BuildProgress) => void;
}

export interface BuildProgress {
  episodes: number;
  filled: Record<TaskSplit, number>;
  quotas: Readonly<Record<TaskSplit, number>>;
}

export interface FamilyStats {
  app: string;
  played: number;
  teacherSuccesses: number;
  duplicates: number;
  placed: Record<TaskSplit, number>;
}

export interface BuiltSuites {
  seed: number;
  heldOutSeed: number;
  teacher: { name: string; version: string };
  suites: Record<TaskSplit, TaskRecord[]>;
  families: Record<string, FamilyStats>;
  episodes: number;
}

/** The suite seed of the held-out (test) stream: derived, so it never equals the main one. */
export function heldOutSeed(seed: number): number {
  return episodeSeed(seed, 'held-out-test-stream', 0);
}

/** The teacher's play, kept with the task: its actions in the LAM's keys and its verdict. */
export function teacherRecord(
  t: Trajectory<OfficeObservation, OfficeAction | string>,
): Record<string, unknown> {
  return {
    success: t.outcome.success,
    reason: t.outcome.reason,
    sub_scores: t.outcome.sub_scores,
    steps: t.steps.length,
    actions: t.steps.map((s) => {
      const a = s.action;
      if (typeof a === 'string') return { raw: a };
      const error = (s.info as { error?: unknown } | undefined)?.error;
      return {
        function: a.function,
        control_text: a.control_text,
        args: a.args,
        status: a.status,
        ...(typeof error === 'string' && error !== '' ? { error } : {}),
      };
    }),
  };
}

export async function buildSuites(
  families: readonly AnyFamily[],
  options: BuildOptions = {},
): Promise<BuiltSuites> {
  const seed = options.seed ?? DEFAULT_SUITE_SEED;
  const quotas = options.quotas ?? PAPER_QUOTAS;
  const testSeed = heldOutSeed(seed);
  const ordered = [...families].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const teacher = new TeacherPolicy();
  const envs = new OfficeEnvs();
  const suites: Record<TaskSplit, TaskRecord[]> = { 'expert-train': [], 'expert-test': [], failed: [] };
  const seen = new Set<string>();
  const stats: Record<string, FamilyStats> = {};
  const staleRounds = new Map<string, number>();
  for (const f of ordered)
    stats[f.id] = {
      app: f.app,
      played: 0,
      teacherSuccesses: 0,
      duplicates: 0,
      placed: { 'expert-train': 0, 'expert-test': 0, failed: 0 },
    };
  let episodes = 0;
  const full = (split: TaskSplit) => suites[split].length >= quotas[split];
  const allFull = () => full('expert-train') && full('expert-test') && full('failed');

  const play = async (task: TaskRecord) => {
    const trajectory = await runEpisode(
      envs.get(task.app, options.maxSteps),
      teacher,
      options.reward ?? ruleReward,
      {
        runId: 'tasks-build',
        task,
        attempt: 0,
        seed: task.seed ?? 0,
      },
    );
    episodes++;
    return trajectory;
  };

  for (let round = 0; !allFull(); round++) {
    let active = 0;
    for (const family of ordered) {
      if (allFull()) break;
      if ((staleRounds.get(family.id) ?? 0) >= EXHAUSTED_AFTER) continue;
      active++;
      let placedThisRound = false;
      const streams: { stream: 'main' | 'test'; task: TaskRecord }[] = [];
      if (!full('expert-train') || !full('failed'))
        streams.push({ stream: 'main', task: instantiate(family, seed, round) });
      if (!full('expert-test')) {
        const task = instantiate(family, testSeed, round);
        streams.push({ stream: 'test', task: { ...task, unique_id: `${family.id}-test-${round}` } });
      }
      for (const { stream, task } of streams) {
        const key = JSON.stringify([family.id, task.params]);
        if (seen.has(key)) {
          stats[family.id]!.duplicates++;
          continue;
        }
        const trajectory = await play(task);
        const s = stats[family.id]!;
        s.played++;
        if (trajectory.outcome.success) s.teacherSuccesses++;
        const split: TaskSplit | null =
          stream === 'test'
            ? trajectory.outcome.success && !full('expert-test')
              ? 'expert-test'
              : null
            : trajectory.outcome.success
              ? full('expert-train')
                ? null
                : 'expert-train'
              : full('failed')
                ? null
                : 'failed';
        options.onEpisode?.({
          episodes,
          filled: {
            'expert-train': suites['expert-train'].length,
            'expert-test': suites['expert-test'].length,
            failed: suites.failed.length,
          },
          quotas,
        });
        // Seen whatever its split: a task the teacher played is never offered again, even as a discard.
        seen.add(key);
        placedThisRound = true;
        if (split === null) continue;
        s.placed[split]++;
        suites[split].push({ ...task, split, meta: { ...task.meta, teacher: teacherRecord(trajectory) } });
      }
      staleRounds.set(family.id, placedThisRound ? 0 : (staleRounds.get(family.id) ?? 0) + 1);
    }
    if (active === 0) {
      const short = (Object.keys(quotas) as TaskSplit[])
        .filter((k) => !full(k))
        .map((k) => `${k} ${suites[k].length}/${quotas[k]}`);
      throw new Error(
        `the families ran out of distinct instances before the suites were full (${short.join(', ')}); ` +
          'add families or parameters, or lower the quotas',
      );
    }
  }
  envs.close();
  return {
    seed,
    heldOutSeed: testSeed,
    teacher: { name: teacher.name, version: teacher.version },
    suites,
    families: stats,
    episodes,
  };
}

/** A suite as JSONL: one record per line, in placement order, ending with a newline. */
export function suiteJsonl(tasks: readonly TaskRecord[]): string {
  return tasks.map((t) => JSON.stringify(t)).join('\n') + (tasks.length > 0 ? '\n' : '');
}
