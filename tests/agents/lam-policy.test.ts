import { npRandom } from 'gymnasium-ts';
import { afterAll, describe, expect, it } from 'vitest';
import { candidateActions } from '../../agents/candidates.ts';
import { FEATURE_WIDTH, featureMatrix } from '../../agents/lam/features.ts';
import { LamPolicy, choose } from '../../agents/lam/lam-policy.ts';
import { initNetwork } from '../../agents/lam/network.ts';
import { exportOnnx } from '../../agents/lam/onnx-export.ts';
import { OnnxScorer } from '../../agents/lam/onnx-scorer.ts';
import { OfficeEnv } from '../../envs/office/index.ts';
import { notepad } from '../office/fixtures/notepad.ts';

const scorer = await OnnxScorer.fromBytes(exportOnnx(initNetwork(0)), 'init-0');
afterAll(() => scorer.release());

async function episode(seed: number, temperature: number) {
  const env = new OfficeEnv(notepad, { request: "Type 'hello' and make it bold" });
  let [obs] = env.reset({ seed });
  const policy = new LamPolicy(scorer);
  const rng = npRandom(seed)[0];
  const actions = [];
  for (let step = 0; step < 15; step++) {
    const action = await policy.act(obs, { rng, seed, step, temperature });
    actions.push(action);
    const [next, , terminated, truncated] = env.step(action);
    obs = next;
    if (terminated || truncated) break;
  }
  env.close();
  return actions;
}

describe('the built-in LAM policy', () => {
  it('is reproducible from the seed when sampling, and seed-independent when greedy', async () => {
    expect(await episode(4, 1)).toEqual(await episode(4, 1));
    expect(await episode(4, 0)).toEqual(await episode(9, 0));
  });

  it('records its version and per-step accounting', async () => {
    const env = new OfficeEnv(notepad, { request: 'Make it bold' });
    const [obs] = env.reset({ seed: 0 });
    const policy = new LamPolicy(scorer);
    await policy.act(obs, { rng: npRandom(0)[0], seed: 0, step: 0 });
    expect(policy.version).toBe('init-0');
    expect(policy.lastStepInfo()).toMatchObject({
      candidates: candidateActions(obs).length,
      score_ms: expect.any(Number),
    });
    env.close();
  });

  it('builds deterministic, distinct feature rows for distinct candidates', () => {
    const env = new OfficeEnv(notepad, { request: 'Make it bold' });
    const [obs] = env.reset({ seed: 0 });
    const candidates = candidateActions(obs);
    const a = featureMatrix(obs, candidates);
    expect(a).toEqual(featureMatrix(obs, candidates));
    expect(a.length).toBe(candidates.length * FEATURE_WIDTH);
    const rows = new Set(
      candidates.map((_, i) => a.subarray(i * FEATURE_WIDTH, (i + 1) * FEATURE_WIDTH).join(',')),
    );
    expect(rows.size).toBe(candidates.length);
    env.close();
  });

  it('chooses greedily at temperature 0, within top-k when sampling, and uniformly under epsilon', () => {
    const scores = Float32Array.from([0.1, 3, 2.9, -1]);
    const rng = npRandom(1)[0];
    expect(choose(scores, { rng, seed: 1, step: 0 })).toBe(1);
    const picks = new Set(
      Array.from({ length: 200 }, () => choose(scores, { rng, seed: 1, step: 0, temperature: 5, topK: 2 })),
    );
    expect([...picks].sort()).toEqual([1, 2]);
    const uniform = new Set(
      Array.from({ length: 200 }, () => choose(scores, { rng, seed: 1, step: 0, epsilon: 1 })),
    );
    expect(uniform.size).toBe(4);
    expect(() => choose(new Float32Array(0), { rng, seed: 1, step: 0 })).toThrow(/no candidates/);
  });
});
