/**
 * The shipped task suites (`envs/tasks/suites/*.jsonl`, written by `lamgym tasks build`): `expert-train` and
 * `expert-test` (the teacher's successes) and `failed` (the teacher's failures, the pool exploration runs on).
 * A suite is named by its split; anything else given where a suite is expected is a task file path.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadTaskFile } from './load.ts';
import { TASK_SPLITS, type TaskRecord, type TaskSplit } from './schema.ts';

export const SUITES_DIR = fileURLToPath(new URL('./suites/', import.meta.url));
export const SUITE_MANIFEST = 'manifest.json';

export function isSuiteName(name: string): name is TaskSplit {
  return (TASK_SPLITS as readonly string[]).includes(name);
}

export function suitePath(name: TaskSplit, dir = SUITES_DIR): string {
  return join(dir, `${name}.jsonl`);
}

/** A shipped suite by name, or a task file by path. */
export function resolveTaskSource(nameOrPath: string): string {
  if (isSuiteName(nameOrPath)) {
    const path = suitePath(nameOrPath);
    if (!existsSync(path))
      throw new Error(
        `the shipped suite '${nameOrPath}' is missing (${path}); rebuild it with: lamgym tasks build`,
      );
    return path;
  }
  if (!existsSync(nameOrPath))
    throw new Error(
      `no task file '${nameOrPath}' (and it is not a shipped suite: ${TASK_SPLITS.join(', ')})`,
    );
  return nameOrPath;
}

export function loadSuite(name: TaskSplit, dir = SUITES_DIR): TaskRecord[] {
  return loadTaskFile(suitePath(name, dir)).tasks.map((t) => t.task);
}
