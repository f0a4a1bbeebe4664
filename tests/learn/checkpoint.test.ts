import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCheckpoint, networkFromOnnx, saveCheckpoint } from '../../agents/learn/checkpoint.ts';
import { forward, initNetwork } from '../../agents/lam/network.ts';
import { exportOnnx } from '../../agents/lam/onnx-export.ts';
import { OnnxScorer } from '../../agents/lam/onnx-scorer.ts';
import { RewardModel, sigmoid } from '../../rewards/reward-model.ts';

const dir = mkdtempSync(join(tmpdir(), 'lamgym-ckpt-'));
const releases: { release(): Promise<void> }[] = [];
afterAll(async () => {
  for (const r of releases) await r.release();
});

/** A network with non-trivial biases (a trained one's are not zero). */
function trained(seed: number, sizes: number[]) {
  const net = initNetwork(seed, sizes);
  net.layers.forEach((l, i) =>
    l.bias.forEach((_, j) => (l.bias[j] = 0.01 * (j + 1) * (i % 2 === 0 ? 1 : -1))),
  );
  return net;
}

function features(rows: number, width: number): Float32Array {
  const x = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++)
    for (let k = 0; k < 9; k++) x[r * width + ((r * 53 + k * 31) % width)] = k % 3 === 0 ? -1 : 1;
  return x;
}

describe('checkpoints: ONNX + JSON sidecar', () => {
  it('round-trips: the loaded network and the ONNX file score as the trained network does', async () => {
    const net = trained(4, [512, 128, 64, 1]);
    const saved = await saveCheckpoint(dir, net, {
      kind: 'lam',
      version: 'lam3-sft-1',
      parent: 'lam2-sft-0',
      data: { runs: ['run-a'], trajectories: 12, steps: 24 },
      hyperparameters: { lr: 0.003, epochs: 12 },
      metrics: { accuracy: 1 },
    });
    expect(saved.onnxPath).toBe(join(dir, 'lam3-sft-1.onnx'));
    const sidecar = JSON.parse(readFileSync(saved.sidecarPath, 'utf8'));
    expect(sidecar).toMatchObject({
      format: 'lamgym-checkpoint/1',
      kind: 'lam',
      version: 'lam3-sft-1',
      parent: 'lam2-sft-0',
      sizes: [512, 128, 64, 1],
      data: { trajectories: 12 },
      hyperparameters: { lr: 0.003 },
      onnx: { file: 'lam3-sft-1.onnx', bytes: saved.bytes.length },
    });
    for (const path of [saved.sidecarPath, saved.onnxPath]) {
      const loaded = await loadCheckpoint(path);
      expect(loaded.network.sizes).toEqual([512, 128, 64, 1]);
      loaded.network.layers.forEach((l, i) => {
        expect(Array.from(l.weight)).toEqual(Array.from(net.layers[i]!.weight));
        expect(Array.from(l.bias)).toEqual(Array.from(net.layers[i]!.bias));
      });
    }
    const scorer = await OnnxScorer.fromFile(saved.onnxPath, 'lam3-sft-1');
    releases.push(scorer);
    const x = features(40, 512);
    const onnx = await scorer.score(x, 40);
    const ts = forward(net, x, 40);
    onnx.forEach((v, i) => expect(v).toBeCloseTo(ts[i]!, 4));
  });

  it('saves reward models that the `model` reward loads, and reads weights from any lamgym ONNX', async () => {
    const rm = trained(5, [512, 64, 1]);
    const saved = await saveCheckpoint(dir, rm, {
      kind: 'reward-model',
      version: 'rm-1',
      parent: null,
      data: {},
      hyperparameters: {},
    });
    const model = await RewardModel.fromFile(saved.onnxPath, 'rm-1');
    releases.push(model);
    const x = features(5, 512);
    const raw = await model.rawScores(x, 5);
    raw.forEach((v, i) => expect(sigmoid(v)).toBeCloseTo(sigmoid(forward(rm, x, 5)[i]!), 5));
    expect(networkFromOnnx(exportOnnx(rm)).sizes).toEqual([512, 64, 1]);
  });

  it('refuses a changed ONNX file, a foreign sidecar and an unsafe version', async () => {
    const net = trained(6, [16, 8, 1]);
    const saved = await saveCheckpoint(dir, net, {
      kind: 'lam',
      version: 'v-tamper',
      parent: null,
      data: {},
      hyperparameters: {},
    });
    const bytes = readFileSync(saved.onnxPath);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0xff;
    writeFileSync(saved.onnxPath, bytes);
    await expect(loadCheckpoint(saved.sidecarPath)).rejects.toThrow(/SHA-256/);
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ format: 'something-else' }));
    await expect(loadCheckpoint(join(dir, 'other.json'))).rejects.toThrow(/not a lamgym checkpoint/);
    await expect(loadCheckpoint(join(dir, 'missing.json'))).rejects.toThrow(
      /cannot read the checkpoint sidecar/,
    );
    await expect(
      saveCheckpoint(dir, net, {
        kind: 'lam',
        version: '../escape',
        parent: null,
        data: {},
        hyperparameters: {},
      }),
    ).rejects.toThrow(/file-name-safe/);
    expect(() => networkFromOnnx(new Uint8Array(0))).toThrow(/no lamgym dense layers/);
  });
});
