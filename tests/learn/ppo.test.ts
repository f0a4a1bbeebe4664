import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCandidateDataset } from '../../agents/learn/dataset.ts';
import {
  advantagesFromScores,
  groupLogProbs,
  ppoFromTrajectories,
  trainPpo,
} from '../../agents/learn/ppo.ts';
import { exportRewardModel, trainRewardModel } from '../../agents/learn/reward-model.ts';
import { evaluateImitation, sftFromTrajectories } from '../../agents/learn/sft.ts';
import { initNetwork, type LamNetwork } from '../../agents/lam/network.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { RewardModel } from '../../rewards/reward-model.ts';
import { episodes } from './trajectories.ts';

let policy: LamNetwork;
let failed: Trajectory[];
let scores: number[][];
let rm: RewardModel;

beforeAll(async () => {
  const oracle = await episodes('oracle', 0, 6);
  const wrong = await episodes('wrong-button', 0, 6);
  const random = await episodes('random', 0, 2);
  // A weak "LAM3": a short SFT, so the wrong buttons still have probability mass to lose.
  policy = (await sftFromTrajectories(initNetwork(0), oracle, { epochs: 2, batchSize: 8, seed: 2 })).network;
  rm = await RewardModel.fromBytes(
    exportRewardModel(
      (await trainRewardModel([...oracle, ...wrong, ...random], { epochs: 20, seed: 1 })).network,
    ),
  );
  failed = await episodes('wrong-button', 50, 53);
  scores = [];
  for (const t of failed) scores.push(Array.from(await rm.stepScores(t)));
});

afterAll(async () => {
  await rm.release();
});

/** Mean KL(π ‖ π_ref) over the groups of the failed steps. */
function meanKl(net: LamNetwork, reference: LamNetwork): number {
  const { dataset } = buildCandidateDataset(failed);
  const p = groupLogProbs(net, dataset);
  const q = groupLogProbs(reference, dataset);
  let kl = 0;
  for (let i = 0; i < p.length; i++) kl += Math.exp(p[i]!) * (p[i]! - q[i]!);
  return kl / dataset.steps;
}

describe('offline PPO on failed trajectories with reward-model advantages', () => {
  it('turns reward-model scores into advantages in [−0.5, 0.5], with return-to-go and a baseline', () => {
    expect(advantagesFromScores([[0.9, 0.2]])).toEqual([[0.4, expect.closeTo(-0.3, 10)]]);
    const discounted = advantagesFromScores([[0.9, 0.2]], 0.5);
    expect(discounted[0]![0]).toBeCloseTo(0.4 + 0.5 * -0.3);
    const centred = advantagesFromScores([[1], [0]], 0, 'mean');
    expect(centred).toEqual([[0.5], [-0.5]]);
  });

  it('lowers the probability of the failed actions the reward model scores low, within a KL leash', async () => {
    // The wrong button's step scores below 0.5: a negative advantage.
    expect(scores.every((s) => s[1]! < 0.5)).toBe(true);
    const { dataset } = buildCandidateDataset(failed);
    // The wrong-button clicks (step 1 of each episode) are what the reward model scores low.
    const wrong = buildCandidateDataset(failed, { keepStep: (_t, step) => step === 1 }).dataset;
    const before = evaluateImitation(policy, wrong);
    const result = await ppoFromTrajectories(policy, failed, scores, { epochs: 2, lr: 1e-3, seed: 4 });
    const after = evaluateImitation(result.network, wrong);
    expect(result.matched).toBe(dataset.steps);
    expect(result.unmatched).toBe(0); // select_text on the quoted phrase is a candidate too
    expect(after.meanProbability).toBeLessThan(before.meanProbability * 0.8);
    for (const h of result.history) {
      expect(Number.isFinite(h.loss)).toBe(true);
      expect(h.kl).toBeGreaterThanOrEqual(0);
      expect(h.clipFraction).toBeGreaterThanOrEqual(0);
      expect(h.clipFraction).toBeLessThanOrEqual(1);
      expect(h.updates).toBe(dataset.steps * 4); // minibatch 1, 4 PPO epochs
    }
    // The KL penalty holds the policy nearer the reference.
    const free = await ppoFromTrajectories(policy, failed, scores, {
      epochs: 2,
      lr: 1e-3,
      seed: 4,
      klCoef: 0,
      targetKl: 0,
    });
    const leashed = await ppoFromTrajectories(policy, failed, scores, {
      epochs: 2,
      lr: 1e-3,
      seed: 4,
      klCoef: 20,
      targetKl: 0,
    });
    expect(meanKl(leashed.network, policy)).toBeLessThan(meanKl(free.network, policy));
    expect(meanKl(policy, policy)).toBeCloseTo(0, 6);
  });

  it('is deterministic given its seed, leaves its inputs alone and checks its inputs', async () => {
    const { dataset } = buildCandidateDataset(failed);
    const advantages = Float32Array.from({ length: dataset.steps }, (_, i) => (i % 2 === 0 ? -0.3 : 0.2));
    const w = Array.from(policy.layers[0]!.weight);
    const a = await trainPpo(policy, dataset, advantages, { seed: 9, minibatchSize: 4 });
    const b = await trainPpo(policy, dataset, advantages, { seed: 9, minibatchSize: 4 });
    expect(Array.from(a.network.layers[1]!.weight)).toEqual(Array.from(b.network.layers[1]!.weight));
    expect(Array.from(policy.layers[0]!.weight)).toEqual(w);
    await expect(trainPpo(policy, dataset, new Float32Array(1))).rejects.toThrow(/advantages for/);
    await expect(trainPpo(policy, dataset, advantages, { minibatchSize: 16 })).rejects.toThrow(
      /minibatchSize/,
    );
    await expect(ppoFromTrajectories(policy, failed, [])).rejects.toThrow(/score lists/);
  });
});
