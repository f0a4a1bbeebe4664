import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MlpWorkspace } from '../../agents/learn/backprop.ts';
import {
  buildRewardDataset,
  exportRewardModel,
  stepLabel,
  trainRewardModel,
} from '../../agents/learn/reward-model.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { scoreSafely } from '../../rewards/reward-fn.ts';
import {
  loadModelReward,
  modelReward,
  RewardModel,
  rewardModelAccuracy,
  sigmoid,
} from '../../rewards/reward-model.ts';
import { episodes } from './trajectories.ts';

let train: Trajectory[];
let heldOut: Trajectory[];
const models: RewardModel[] = [];

beforeAll(async () => {
  // Successes: the oracle. Failures: random play, and the right selection formatted with the wrong button.
  train = [
    ...(await episodes('oracle', 0, 6)),
    ...(await episodes('random', 0, 3)),
    ...(await episodes('wrong-button', 0, 6)),
  ];
  heldOut = [
    ...(await episodes('oracle', 200, 203)),
    ...(await episodes('random', 200, 202)),
    ...(await episodes('wrong-button', 200, 203)),
  ];
});

afterAll(async () => {
  for (const m of models) await m.release();
});

describe('the reward model (paper Phase 4)', () => {
  it('labels every step +1 in successful trajectories and −1 in failed ones', () => {
    expect(train.filter((t) => t.outcome.success).length).toBe(18);
    expect(train.some((t) => !t.outcome.success && t.policy.name === 'random')).toBe(true);
    const { labels, trajectoryOf, dataset } = buildRewardDataset(train);
    expect(dataset.steps).toBe(train.reduce((n, t) => n + t.steps.length, 0));
    labels.forEach((label, i) => expect(label).toBe(stepLabel(train[trajectoryOf[i]!]!)));
  });

  it('separates held-out successes from failures, on onnxruntime-node, with the TS forward pass’s scores', async () => {
    const training = await trainRewardModel(train, { epochs: 30, seed: 3 });
    expect(training.history.at(-1)!.loss).toBeLessThan(training.history[0]!.loss);
    expect(training.data).toEqual({ trajectories: train.length, successes: 18, steps: expect.any(Number) });
    const model = await RewardModel.fromBytes(exportRewardModel(training.network), 'rm-test');
    models.push(model);
    const accuracy = await rewardModelAccuracy(model, heldOut);
    expect(accuracy.trajectories).toBe(heldOut.length);
    expect(accuracy.trajectoryAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(accuracy.stepAccuracy).toBeGreaterThanOrEqual(0.75);
    // MSE to ±1 then a sigmoid keeps scores within about [0.27, 0.73]: sigmoid(±1).
    expect(accuracy.meanScoreSuccess).toBeGreaterThan(accuracy.meanScoreFailure + 0.15);
    // The wrong-button failures differ from successes only in which button matches the request.
    const wrong = heldOut.filter((t) => t.policy.name === 'scripted');
    const right = heldOut.filter((t) => t.policy.name === 'oracle');
    const lastScore = async (t: Trajectory) => (await model.stepScores(t)).at(-1)!;
    for (let i = 0; i < wrong.length; i++)
      expect(await lastScore(right[i]!)).toBeGreaterThan(await lastScore(wrong[i]!));

    // ONNX scores = the TypeScript forward pass through a sigmoid.
    const { dataset } = buildRewardDataset(heldOut.slice(0, 2));
    const ws = new MlpWorkspace(training.network);
    const x = {
      rows: dataset.steps,
      width: dataset.width,
      indptr: dataset.rowPtr,
      indices: dataset.indices,
      values: dataset.values,
    };
    const ts = ws.forward(x);
    const onnx = [...(await model.stepScores(heldOut[0]!)), ...(await model.stepScores(heldOut[1]!))];
    onnx.forEach((s, i) => expect(s).toBeCloseTo(sigmoid(ts[i]!), 5));
  });

  it('is the `model` reward function: per-step scores in [0, 1], the run engine’s contract', async () => {
    const training = await trainRewardModel(train.slice(0, 9), { epochs: 2 });
    const model = await RewardModel.fromBytes(exportRewardModel(training.network), 'rm-small');
    models.push(model);
    const fn = modelReward(model);
    expect(fn.name).toBe('model');
    const outcome = await scoreSafely(fn, heldOut[0]!);
    expect(outcome.error).toBeUndefined();
    expect(outcome.reward_fn).toBe('model');
    expect(outcome.per_step).toHaveLength(heldOut[0]!.steps.length);
    for (const s of outcome.per_step!) expect(s >= 0 && s <= 1).toBe(true);
    expect(outcome.reason).toMatch(/rm-small/);
    const empty = await fn.score({ ...heldOut[0]!, steps: [] });
    expect(empty).toMatchObject({ reward: 0, success: false, per_step: [] });
    expect(fn.version).toBe('rm-small');
    expect(outcome.reward_fn_version).toBe('rm-small');
    const dir = mkdtempSync(join(tmpdir(), 'lamgym-rm-'));
    writeFileSync(join(dir, 'rm.onnx'), exportRewardModel(training.network));
    const loaded = await loadModelReward(join(dir, 'rm.onnx'), { version: 'rm-file' });
    expect(loaded.name).toBe('model');
    expect((await loaded.score(heldOut[0]!)).per_step).toEqual(outcome.per_step);
    await loaded.release();
    await expect(RewardModel.fromBytes(new Uint8Array([1, 2, 3]))).rejects.toThrow(
      /not a loadable reward model/,
    );
    await expect(RewardModel.fromFile('/nonexistent/rm.onnx')).rejects.toThrow(
      /cannot read the reward model/,
    );
  });
});
