/**
 * `npm run bench -- explore [--tasks failed|N] [--attempts N] [--policy lam|random]`: an exploration run over
 * the shipped failed pool (default; or N generated Word requests) with 1 actor and then 2 actors (same seed, so
 * the same episodes): episodes/s and steps/s of each, the 2-actor scaling ratio, trajectory bytes per step in
 * the msgpackr store versus JSON Lines, and the peak resident memory of this process. The default policy is
 * the built-in LAM from its shipped checkpoint (an untrained network when there is none). Run directories go to
 * a temp folder and are removed. Human-readable lines go to stderr; the last stdout line is one JSON object.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { initNetwork } from '../../agents/lam/network.ts';
import { exportOnnx } from '../../agents/lam/onnx-export.ts';
import { writeFileSync } from 'node:fs';
import type { TaskRecord } from '../../envs/tasks/schema.ts';
import { loadSuite } from '../../envs/tasks/suites.ts';
import { DEFAULT_LAM_MODEL } from '../../agents/lam/default-model.ts';
import type { PolicySpec } from '../../runs/actors/specs.ts';
import { type ExploreConfig, explore } from '../../runs/explore.ts';
import { TrajectoryStore } from '../../runs/store/trajectory-store.ts';

const REQUESTS = [
  'Make the text bold',
  "Type 'quarterly report' and center it",
  'Insert a table',
  'Add a watermark',
  'Change the font to Arial',
];

export default async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      tasks: { type: 'string', default: 'failed' },
      attempts: { type: 'string', default: '4' },
      policy: { type: 'string', default: 'lam' },
    },
    strict: true,
  });
  const pool = values.tasks === 'failed' ? loadSuite('failed') : null;
  const taskCount = pool?.length ?? Number(values.tasks);
  const attempts = Number(values.attempts);
  if (!(Number.isSafeInteger(taskCount) && taskCount > 0 && Number.isSafeInteger(attempts) && attempts > 0)) {
    throw new RangeError('--tasks must be failed or a positive integer, --attempts a positive integer');
  }
  const work = mkdtempSync(join(tmpdir(), 'lamgym-bench-explore-'));
  let policy: PolicySpec = { kind: 'random', finishProbability: 0.05 };
  if (values.policy === 'lam') {
    if (existsSync(DEFAULT_LAM_MODEL)) policy = { kind: 'lam', model: DEFAULT_LAM_MODEL };
    else {
      const model = join(work, 'lam.onnx');
      writeFileSync(model, exportOnnx(initNetwork(0)));
      policy = { kind: 'lam', model, version: 'init-0' };
    }
  } else if (values.policy !== 'random')
    throw new RangeError(`--policy must be random or lam, got ${values.policy}`);
  const tasks: TaskRecord[] =
    pool ??
    Array.from({ length: taskCount }, (_, i) => ({
      app: 'word' as const,
      unique_id: `bench-${i}`,
      task: `${REQUESTS[i % REQUESTS.length]} (${i})`,
      refined_steps: [],
    }));
  interface ActorFigures {
    episodes_per_second: number;
    steps_per_second: number;
    seconds: number;
    steady_episodes_per_second: number;
    steady_steps_per_second: number;
  }
  const figures: Record<string, ActorFigures> = {};
  let bytesPerStep = { msgpackr: 0, jsonl: 0 };
  try {
    for (const actors of [1, 2]) {
      const dir = join(work, `run-${actors}`);
      const config: ExploreConfig = {
        runId: 'bench',
        tasksSource: pool === null ? 'generated' : 'failed',
        policy,
        reward: pool === null ? { kind: 'unscored' } : { kind: 'rule' },
        actors,
        attempts,
        sampling: { temperature: 1 },
        maxSteps: 30,
        seed: 0,
        limit: null,
      };
      const summary = await explore(dir, config, tasks);
      figures[`actors_${actors}`] = {
        episodes_per_second: Math.round(summary.episodes_per_second * 10) / 10,
        steps_per_second: Math.round(summary.steps_per_second),
        seconds: Math.round(summary.seconds * 100) / 100,
        steady_episodes_per_second: Math.round(summary.steady.episodes_per_second * 10) / 10,
        steady_steps_per_second: Math.round(summary.steady.steps_per_second),
      };
      process.stderr.write(
        `${actors} actor(s): ${summary.episodes} episodes in ${summary.seconds.toFixed(2)} s: ${summary.episodes_per_second.toFixed(1)} episodes/s, ${summary.steps_per_second.toFixed(0)} steps/s (steady, start-up excluded: ${summary.steady.episodes_per_second.toFixed(1)} episodes/s, ${summary.steady.steps_per_second.toFixed(0)} steps/s)\n`,
      );
      if (actors === 1) {
        const trajectories = join(dir, 'trajectories');
        const shardBytes = readdirSync(trajectories)
          .filter((f) => f.endsWith('.lgt'))
          .reduce((sum, f) => sum + statSync(join(trajectories, f)).size, 0);
        const store = TrajectoryStore.open(trajectories);
        let jsonBytes = 0;
        let steps = 0;
        for (const t of store.trajectories()) {
          jsonBytes += Buffer.byteLength(`${JSON.stringify(t)}\n`);
          steps += t.steps.length;
        }
        store.close();
        bytesPerStep = { msgpackr: Math.round(shardBytes / steps), jsonl: Math.round(jsonBytes / steps) };
        process.stderr.write(
          `bytes per step: msgpackr ${bytesPerStep.msgpackr}, JSON Lines ${bytesPerStep.jsonl}\n`,
        );
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // Scaling compares steady rates: starting a tsx worker thread costs ~0.5-2 s and would dominate short runs.
  const scaling = figures.actors_2!.steady_episodes_per_second / figures.actors_1!.steady_episodes_per_second;
  process.stderr.write(`scaling 2 actors / 1 actor: ${scaling.toFixed(2)}x\n`);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'explore',
      policy: values.policy,
      policy_version: policy.kind === 'lam' ? (policy.version ?? 'shipped') : 'random',
      tasks: pool === null ? taskCount : `failed pool (${taskCount})`,
      attempts,
      ...figures,
      scaling_2_over_1: Math.round(scaling * 100) / 100,
      bytes_per_step: bytesPerStep,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      node: process.version,
    })}\n`,
  );
}
