import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAM_MODEL } from '../../agents/lam/default-model.ts';
import { loadSuite } from '../../envs/tasks/suites.ts';
import { explore } from '../../runs/explore.ts';
import { onlinePpo } from '../../runs/online-ppo.ts';
import { TrajectoryStore } from '../../runs/store/trajectory-store.ts';
import { trainRewardModel } from '../../runs/train.ts';

describe('online PPO', () => {
  it('alternates exploration and updates, and the running actors take each new version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lamgym-online-'));
    const failed = loadSuite('failed').filter((_, i) => i % 300 === 0);
    // A reward model from the shipped LAM's failures on a few tasks and a few expert successes.
    const seedRun = join(dir, 'seed-run');
    await explore(
      seedRun,
      {
        runId: 'seed-run',
        tasksSource: 'failed',
        policy: { kind: 'lam', model: DEFAULT_LAM_MODEL },
        reward: { kind: 'rule' },
        actors: 1,
        attempts: 1,
        sampling: { temperature: 1 },
        maxSteps: 30,
        seed: 0,
        limit: null,
      },
      failed,
    );
    const rm = await trainRewardModel({
      runs: [seedRun],
      expert: loadSuite('expert-train').filter((_, i) => i % 100 === 0),
      out: join(dir, 'rm'),
      version: 'rm',
      epochs: 2,
    });
    const rounds = await onlinePpo({
      dir: join(dir, 'online'),
      tasks: failed,
      init: DEFAULT_LAM_MODEL,
      rewardModel: rm.onnxPath,
      rounds: 2,
      actors: 1,
      ppo: { epochs: 1 },
    });
    expect(rounds.map((r) => r.version)).toEqual(['lam-sft-online-r0', 'lam-sft-online-r1']);
    for (const [i, r] of rounds.entries()) {
      expect(r.episodes).toBe(failed.length);
      // Every trajectory of round i was played by version i: the actor swapped its session between rounds.
      const store = TrajectoryStore.open(join(dir, 'online', `round-${i}`, 'trajectories'));
      for (const t of store.trajectories()) expect(t.policy.version).toBe(r.version);
      store.close();
    }
    const sidecar = JSON.parse(
      readFileSync(join(dir, 'online', 'checkpoints', 'lam-sft-online-r2.json'), 'utf8'),
    );
    expect(sidecar).toMatchObject({ kind: 'lam', parent: 'lam-sft-online-r1' });
    expect(JSON.parse(readFileSync(join(dir, 'online', 'rounds.json'), 'utf8'))).toHaveLength(2);
  }, 120_000);
});
