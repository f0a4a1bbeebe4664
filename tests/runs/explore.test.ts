import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  truncateSync,
  writeFileSync,
  statSync,
  cpSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../envs/tasks/schema.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { type ExploreConfig, explore } from '../../runs/explore.ts';
import { TrajectoryStore } from '../../runs/store/trajectory-store.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const tasks: TaskRecord[] = [
  'Make the first word bold',
  'Type hello',
  'Center the text',
  'Insert a table',
].map((task, i) => ({
  app: 'word',
  unique_id: `t${i}`,
  task,
  refined_steps: [],
}));
const config = (overrides: Partial<ExploreConfig> = {}): ExploreConfig => ({
  runId: 'run-test',
  tasksSource: 'inline',
  policy: { kind: 'random', finishProbability: 0.1 },
  reward: { kind: 'module', module: join(fixtures, 'bold-reward.ts') },
  actors: 2,
  attempts: 2,
  sampling: {},
  maxSteps: 8,
  seed: 7,
  limit: null,
  ...overrides,
});
const fresh = () => mkdtempSync(join(tmpdir(), 'lamgym-run-'));

function stored(dir: string): Trajectory[] {
  const store = TrajectoryStore.open(join(dir, 'trajectories'));
  const all = [...store.trajectories()].sort((a, b) => a.episode_id.localeCompare(b.episode_id));
  store.close();
  // Timing is the only thing allowed to differ between runs.
  return all.map((t) => ({
    ...t,
    timing: { started_at: '', ms: 0 },
    steps: t.steps.map((s) => ({ ...s, ms: 0 })),
  }));
}

describe('explore', () => {
  it('writes a self-describing run directory, the same trajectories whatever the number of actors', async () => {
    const one = fresh();
    const two = fresh();
    const progress: number[] = [];
    const a = await explore(one, config({ actors: 1 }), tasks);
    const b = await explore(two, config({ actors: 2 }), tasks, { onProgress: (p) => progress.push(p.done) });
    expect(stored(two)).toEqual(stored(one));
    expect(b.episodes).toBe(8);
    expect(progress.at(-1)).toBe(8);
    for (const file of ['config.json', 'metrics.jsonl', 'summary.json', 'trajectories/index.jsonl'])
      expect(existsSync(join(two, file))).toBe(true);
    expect(readFileSync(join(two, 'metrics.jsonl'), 'utf8').trim().split('\n')).toHaveLength(8);
    expect(JSON.parse(readFileSync(join(two, 'summary.json'), 'utf8'))).toMatchObject({
      episodes: 8,
      overall: { attempts: 8, tasks: 4 },
    });
    expect(a.overall.successes).toBe(b.overall.successes);
    expect(b.per_app.map((s) => s.app)).toEqual(['word']);
    const t = stored(two)[0]!;
    expect(t.outcome.reward_fn).toBe('any-bold');
    expect(t.policy).toEqual({ name: 'random', version: '1' });
  });

  it('resumes a run whose last shard was torn, re-running only what is missing', async () => {
    const complete = fresh();
    await explore(complete, config(), tasks);
    const torn = fresh();
    cpSync(complete, torn, { recursive: true });
    const shard = join(
      torn,
      'trajectories',
      readdirSync(join(torn, 'trajectories')).find((f) => f.endsWith('.lgt'))!,
    );
    truncateSync(shard, Math.floor(statSync(shard).size * 0.6));
    writeFileSync(join(torn, 'trajectories', 'index.jsonl'), '');
    const summary = await explore(torn, config(), tasks);
    expect(summary.recovery.dropped.length).toBe(1);
    expect(summary.resumed_from).toBeGreaterThan(0);
    expect(summary.resumed_from).toBeLessThan(8);
    expect(stored(torn)).toEqual(stored(complete));
  });

  it('retries episodes whose actor died, then reports the ones that keep killing it', async () => {
    const dir = fresh();
    const doomed: TaskRecord = { app: 'word', unique_id: 'd', task: 'a doomed task', refined_steps: [] };
    const retries: string[] = [];
    const summary = await explore(
      dir,
      config({
        policy: { kind: 'module', module: join(fixtures, 'doomed-policy.ts'), export: 'DoomedPolicy' },
        attempts: 1,
      }),
      [...tasks, doomed],
      { onRetry: (e) => retries.push(e) },
    );
    expect(summary.episodes).toBe(4);
    expect(summary.failed_episodes).toEqual([
      { episode_id: 'run-test/word/d/0', error: expect.stringMatching(/exit|3/) },
    ]);
    expect(retries.length).toBeGreaterThanOrEqual(1);
  });
});
