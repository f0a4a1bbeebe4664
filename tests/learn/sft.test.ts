import { beforeAll, describe, expect, it } from 'vitest';
import { candidateActions } from '../../agents/candidates.ts';
import { buildCandidateDataset, matchCandidate, shuffledOrder } from '../../agents/learn/dataset.ts';
import {
  evaluateImitation,
  scheduledLr,
  SFT_DEFAULTS,
  sftFromTrajectories,
  trainSft,
} from '../../agents/learn/sft.ts';
import { offlineMetrics } from '../../agents/learn/offline-metrics.ts';
import { initNetwork } from '../../agents/lam/network.ts';
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { episodes } from './trajectories.ts';

let train: Trajectory[];
let heldOut: Trajectory[];

beforeAll(async () => {
  train = await episodes('oracle', 0, 8);
  heldOut = await episodes('oracle', 100, 104);
});

describe('behaviour cloning on oracle trajectories', () => {
  it('finds the taken action among the candidates, and says which steps have none', () => {
    const { dataset, matched, unmatched } = buildCandidateDataset(train);
    // Each oracle episode is select_text (a candidate on the request's quoted phrase) then a click on the format button.
    expect(matched).toBe(2 * train.length);
    expect(unmatched).toBe(0);
    for (let g = 0; g < dataset.steps; g++) {
      const step = train[dataset.trajectoryOf[g]!]!.steps[dataset.stepOf[g]!]!;
      const candidates = candidateActions(step.obs as OfficeObservation);
      const target = candidates[dataset.targets[g]!]!;
      const taken = step.action as OfficeAction;
      expect(target.function).toBe(taken.function);
      expect(target.control_text).toBe(taken.control_text);
      expect(target.args).toMatchObject(taken.function === 'select_text' ? taken.args : {});
      expect(dataset.groupStart[g + 1]! - dataset.groupStart[g]!).toBe(candidates.length);
    }
    const obs = train[0]!.steps[1]!.obs as OfficeObservation;
    const candidates = candidateActions(obs);
    expect(matchCandidate(candidates, 'not json')).toBe(-1);
    expect(matchCandidate(candidates, { function: '', status: 'FINISH' })).toBe(candidates.length - 1);
    expect(
      matchCandidate(candidates, { function: 'click_input', control_text: 'No Such Button', args: {} }),
    ).toBe(-1);
  });

  it('raises the oracle action’s probability and accuracy on held-out tasks', async () => {
    const initial = initNetwork(0);
    const { dataset } = buildCandidateDataset(heldOut);
    const before = evaluateImitation(initial, dataset);
    const result = await sftFromTrajectories(initial, train, { epochs: 12, batchSize: 8, lr: 3e-3, seed: 1 });
    const after = evaluateImitation(result.network, dataset);
    expect(result.trajectories).toBe(train.length);
    expect(result.history).toHaveLength(12);
    expect(result.history.at(-1)!.loss).toBeLessThan(result.history[0]!.loss);
    expect(result.history.at(-1)!.accuracy).toBe(1);
    expect(before.accuracy).toBeLessThan(0.5);
    expect(after.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(after.meanProbability).toBeGreaterThan(Math.max(0.5, 5 * before.meanProbability));
    expect(after.loss).toBeLessThan(before.loss);
    // The paper's Table 3 metrics: both steps (select the phrase, click the format) are learnt.
    const offline = offlineMetrics(result.network, heldOut);
    const untrained = offlineMetrics(initial, heldOut);
    expect(offline.steps).toBe(2 * heldOut.length);
    expect(offline.stepSuccessRate).toBeGreaterThanOrEqual(0.9);
    expect(offline.objectAccuracy).toBeGreaterThan(untrained.objectAccuracy);
    expect(offline.taskSuccessRate).toBeGreaterThan(untrained.taskSuccessRate);
    // The starting network is not modified.
    expect(evaluateImitation(initial, dataset)).toEqual(before);
  });

  it('is deterministic given its seed, and the seed matters', async () => {
    const { dataset } = buildCandidateDataset(train);
    const a = await trainSft(initNetwork(0), dataset, { epochs: 2, batchSize: 4, seed: 5 });
    const b = await trainSft(initNetwork(0), dataset, { epochs: 2, batchSize: 4, seed: 5 });
    const c = await trainSft(initNetwork(0), dataset, { epochs: 2, batchSize: 4, seed: 6 });
    expect(Array.from(a.network.layers[0]!.weight)).toEqual(Array.from(b.network.layers[0]!.weight));
    expect(a.history.map((h) => h.loss)).toEqual(b.history.map((h) => h.loss));
    expect(Array.from(a.network.layers[1]!.weight)).not.toEqual(Array.from(c.network.layers[1]!.weight));
    // The TypeScript arithmetic trains the same network up to float rounding.
    const t = await trainSft(initNetwork(0), dataset, { epochs: 2, batchSize: 4, seed: 5, engine: 'ts' });
    t.network.layers[1]!.weight.forEach((w, i) => expect(w).toBeCloseTo(a.network.layers[1]!.weight[i]!, 3));
    expect(Array.from(shuffledOrder(10, 3))).toEqual(Array.from(shuffledOrder(10, 3)));
    expect(Array.from(shuffledOrder(10, 3)).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('warms up then decays the learning rate, and rejects bad settings', async () => {
    const opts = { ...SFT_DEFAULTS, lr: 1 };
    expect(scheduledLr(opts, 0, 100)).toBeCloseTo(1 / 3);
    expect(scheduledLr(opts, 2, 100)).toBeCloseTo(1);
    expect(scheduledLr(opts, 51, 100)).toBeCloseTo(0.5, 1);
    expect(scheduledLr(opts, 100, 100)).toBeCloseTo(0);
    const { dataset } = buildCandidateDataset(train.slice(0, 1));
    await expect(trainSft(initNetwork(0, [16, 1]), dataset)).rejects.toThrow(
      /512 features, the network takes 16/,
    );
    await expect(trainSft(initNetwork(0), dataset, { batchSize: 0 })).rejects.toThrow(/batchSize/);
  });
});
