/**
 * An exploration run: every (task, attempt) of a suite played by a policy in parallel actors, every trajectory
 * kept in the run directory's store, per-episode metrics appended, and a summary at the end. The run directory
 * describes itself: `config.json` holds everything needed to rerun it, so `--resume` needs only the directory.
 * Resuming skips the episodes already stored (by episode id), so nothing is counted twice.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SamplingSettings } from '../agents/policy.ts';
import type { TaskRecord } from '../envs/tasks/schema.ts';
import { ActorPool, type FailedJob } from './actors/actor-pool.ts';
import type { ActorEpisode, TrajectoryHead } from './actors/protocol.ts';
import type { PolicySpec, RewardSpec } from './actors/specs.ts';
import { episodeId, episodeSeed } from './seeds.ts';
import { TrajectoryStore } from './store/trajectory-store.ts';

export interface ExploreConfig {
  runId: string;
  /** Where the tasks came from (for the record). */
  tasksSource: string;
  policy: PolicySpec;
  reward: RewardSpec;
  actors: number;
  attempts: number;
  sampling: SamplingSettings;
  maxSteps: number;
  seed: number;
  limit: number | null;
}

export interface ExploreProgress {
  done: number;
  total: number;
  successes: number;
  tasksSolved: number;
  failedEpisodes: number;
}

export interface AppSummary {
  app: string;
  tasks: number;
  attempts: number;
  successes: number;
  tasks_solved: number;
  /** Solved tasks that the teacher had failed (a task without a teacher record counts as new). */
  tasks_newly_solved: number;
  /** Steps of all its episodes. */
  steps: number;
  success_rate: number;
  mean_steps: number;
  errors: number;
}

export interface ExploreSummary {
  run_id: string;
  dir: string;
  episodes: number;
  resumed_from: number;
  failed_episodes: { episode_id: string; error: string }[];
  recovery: TrajectoryStore['recovery'];
  per_app: AppSummary[];
  overall: AppSummary;
  seconds: number;
  episodes_per_second: number;
  steps_per_second: number;
  /** Rates between the first and the last trajectory of this session: actor start-up excluded. */
  steady: { episodes_per_second: number; steps_per_second: number };
}

export interface ExploreHooks {
  /** Run on this pool (left open afterwards) instead of starting and closing one. */
  pool?: ActorPool;
  onStart?(total: number, alreadyDone: number): void;
  onProgress?(progress: ExploreProgress): void;
  onRetry?(error: string): void;
}

/** The episodes of a run, in a fixed order; seeds depend on the run seed, task and attempt only. */
export function planEpisodes(config: ExploreConfig, tasks: readonly TaskRecord[]): ActorEpisode[] {
  const chosen = config.limit === null ? tasks : tasks.slice(0, config.limit);
  const episodes: ActorEpisode[] = [];
  for (let attempt = 0; attempt < config.attempts; attempt++) {
    for (const task of chosen)
      episodes.push({ task, attempt, seed: episodeSeed(config.seed, task.unique_id, attempt) });
  }
  return episodes;
}

export function readRunConfig(dir: string): { config: ExploreConfig; tasks: TaskRecord[] } {
  const path = join(dir, 'config.json');
  if (!existsSync(path)) throw new Error(`${dir} is not a lamgym run directory (no config.json)`);
  const saved = JSON.parse(readFileSync(path, 'utf8')) as { config: ExploreConfig; tasks: TaskRecord[] };
  return saved;
}

export async function explore(
  dir: string,
  config: ExploreConfig,
  tasks: readonly TaskRecord[],
  hooks: ExploreHooks = {},
): Promise<ExploreSummary> {
  mkdirSync(dir, { recursive: true });
  const configPath = join(dir, 'config.json');
  const resuming = existsSync(configPath);
  if (!resuming) writeFileSync(configPath, `${JSON.stringify({ config, tasks }, null, 2)}\n`);
  const store = TrajectoryStore.open(join(dir, 'trajectories'));
  const metricsPath = join(dir, 'metrics.jsonl');
  const started = performance.now();
  const planned = planEpisodes(config, tasks);
  const todo = planned.filter(
    (e) => !store.has(episodeId(config.runId, e.task.app, e.task.unique_id, e.attempt)),
  );
  const solved = new Set(
    store
      .entries()
      .filter((e) => e.success)
      .map((e) => `${e.app}/${e.task_id}`),
  );
  const progress: ExploreProgress = {
    done: planned.length - todo.length,
    total: planned.length,
    successes: store.entries().filter((e) => e.success).length,
    tasksSolved: solved.size,
    failedEpisodes: 0,
  };
  hooks.onStart?.(planned.length, progress.done);
  const failures: { episode_id: string; error: string }[] = [];
  let newSteps = 0;
  let firstAt: number | null = null;
  let lastAt = 0;
  let stepsAfterFirst = 0;
  let episodesAfterFirst = 0;
  // A caller that runs rounds (the online learner) lends its pool, so the actors keep running between them.
  const pool = hooks.pool ?? new ActorPool({ actors: config.actors });
  try {
    await pool.run(
      {
        runId: config.runId,
        policy: config.policy,
        reward: config.reward,
        sampling: config.sampling,
        maxSteps: config.maxSteps,
      },
      todo,
      {
        onTrajectory: (head: TrajectoryHead, packed: Uint8Array) => {
          // The actor's bytes are stored as they came, indexed from its head: the main thread never unpacks or
          // packs a whole trajectory, which would make it the bottleneck of every actor.
          const entry = store.appendPacked(
            {
              episode_id: head.episode_id,
              task_id: head.task_id,
              app: head.app,
              attempt: head.attempt,
              seed: head.seed,
              success: head.outcome.success,
              reward: head.outcome.reward,
              steps: head.steps,
              error: head.outcome.error ?? null,
            },
            packed,
          );
          appendFileSync(metricsPath, `${JSON.stringify(metricsRow(head))}\n`);
          newSteps += entry.steps;
          lastAt = performance.now();
          if (firstAt === null) firstAt = lastAt;
          else {
            episodesAfterFirst++;
            stepsAfterFirst += entry.steps;
          }
          progress.done++;
          if (entry.success) {
            progress.successes++;
            solved.add(`${entry.app}/${entry.task_id}`);
            progress.tasksSolved = solved.size;
          }
          hooks.onProgress?.({ ...progress });
        },
        onFailedJob: (failure: FailedJob) => {
          for (const e of failure.episodes) {
            failures.push({
              episode_id: episodeId(config.runId, e.task.app, e.task.unique_id, e.attempt),
              error: failure.error,
            });
            progress.failedEpisodes++;
          }
          hooks.onProgress?.({ ...progress });
        },
        onRetry: (error) => hooks.onRetry?.(error),
      },
    );
  } finally {
    if (hooks.pool === undefined) await pool.close();
    store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const reopened = TrajectoryStore.open(join(dir, 'trajectories'));
  const entries = reopened.entries();
  reopened.close();
  const teacherSolved = new Set(
    tasks
      .filter((t) => (t.meta?.teacher as { success?: unknown } | undefined)?.success === true)
      .map((t) => t.unique_id),
  );
  const summarise = (app: string, rows: typeof entries): AppSummary => {
    const tasksSeen = new Set(rows.map((r) => r.task_id));
    const solvedTasks = new Set(rows.filter((r) => r.success).map((r) => r.task_id));
    const successes = rows.filter((r) => r.success).length;
    const newlySolved = [...solvedTasks].filter((id) => !teacherSolved.has(id)).length;
    return {
      app,
      tasks: tasksSeen.size,
      attempts: rows.length,
      successes,
      tasks_solved: solvedTasks.size,
      tasks_newly_solved: newlySolved,
      steps: rows.reduce((a, r) => a + r.steps, 0),
      success_rate: rows.length === 0 ? 0 : successes / rows.length,
      mean_steps: rows.length === 0 ? 0 : rows.reduce((a, r) => a + r.steps, 0) / rows.length,
      errors: rows.filter((r) => (r.error ?? null) !== null).length,
    };
  };
  const apps = [...new Set(entries.map((e) => e.app))].sort();
  const summary: ExploreSummary = {
    run_id: config.runId,
    dir,
    episodes: entries.length,
    resumed_from: planned.length - todo.length,
    failed_episodes: failures,
    recovery: store.recovery,
    per_app: apps.map((app) =>
      summarise(
        app,
        entries.filter((e) => e.app === app),
      ),
    ),
    overall: summarise('all', entries),
    seconds,
    episodes_per_second: (entries.length - (planned.length - todo.length)) / seconds,
    steps_per_second: newSteps / seconds,
    steady:
      firstAt === null || lastAt === firstAt
        ? { episodes_per_second: 0, steps_per_second: 0 }
        : {
            episodes_per_second: episodesAfterFirst / ((lastAt - firstAt) / 1000),
            steps_per_second: stepsAfterFirst / ((lastAt - firstAt) / 1000),
          },
  };
  writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

function metricsRow(head: TrajectoryHead): Record<string, unknown> {
  return {
    episode_id: head.episode_id,
    app: head.app,
    task_id: head.task_id,
    attempt: head.attempt,
    seed: head.seed,
    policy: head.policy,
    success: head.outcome.success,
    reward: head.outcome.reward,
    error: head.outcome.error ?? null,
    steps: head.steps,
    invalid_actions: head.invalid_actions,
    ms: head.ms,
  };
}
