import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forward, initNetwork } from '../../agents/lam/network.ts';
import { exportOnnx } from '../../agents/lam/onnx-export.ts';
import { OnnxScorer } from '../../agents/lam/onnx-scorer.ts';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Sparse 0/1 rows like hashed features, plus a few real values. */
function features(count: number, width: number, salt: number): Float32Array {
  const out = new Float32Array(count * width);
  for (let r = 0; r < count; r++) {
    for (let k = 0; k < 12; k++) out[r * width + ((r * 131 + k * 37 + salt) % width)] = 1;
    out[r * width + ((r + salt) % width)] = 0.25 * (r % 5);
  }
  return out;
}

const scorers: OnnxScorer[] = [];
afterAll(async () => {
  for (const s of scorers) await s.release();
});

describe('the built-in LAM network', () => {
  it('initialises deterministically from its seed', () => {
    expect(sha(exportOnnx(initNetwork(7)))).toBe(sha(exportOnnx(initNetwork(7))));
    expect(sha(exportOnnx(initNetwork(7)))).not.toBe(sha(exportOnnx(initNetwork(8))));
    const net = initNetwork(7, [16, 8, 1]);
    const weights = Array.from(net.layers[0]!.weight);
    const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
    const std = Math.sqrt(weights.reduce((a, b) => a + (b - mean) ** 2, 0) / weights.length);
    expect(std).toBeGreaterThan(0.2);
    expect(std).toBeLessThan(0.5); // He init: √(2/16) ≈ 0.354
  });

  it('runs on onnxruntime-node with the same scores as the TypeScript forward pass', async () => {
    const net = initNetwork(3);
    const scorer = await OnnxScorer.fromBytes(exportOnnx(net), 'v3');
    scorers.push(scorer);
    expect(scorer.width).toBe(512);
    for (const count of [1, 64]) {
      const x = features(count, 512, count);
      const onnx = await scorer.score(x, count);
      const ts = forward(net, x, count);
      expect(onnx).toHaveLength(count);
      onnx.forEach((v, i) => expect(v).toBeCloseTo(ts[i]!, 4));
    }
  });

  it('swaps in a new version without a new scorer, and loads models from files', async () => {
    const scorer = await OnnxScorer.fromBytes(exportOnnx(initNetwork(1, [32, 16, 1])), 'v1');
    scorers.push(scorer);
    const x = features(4, 32, 5);
    const before = await scorer.score(x, 4);
    const next = initNetwork(2, [32, 16, 1]);
    await scorer.swap(exportOnnx(next), 'v2');
    expect(scorer.version).toBe('v2');
    const after = await scorer.score(x, 4);
    expect(Array.from(after)).not.toEqual(Array.from(before));
    after.forEach((v, i) => expect(v).toBeCloseTo(forward(next, x, 4)[i]!, 4));

    const dir = mkdtempSync(join(tmpdir(), 'lamgym-lam-'));
    writeFileSync(join(dir, 'lam.onnx'), exportOnnx(next, { policy_version: 'v2' }));
    const fromFile = await OnnxScorer.fromFile(join(dir, 'lam.onnx'));
    scorers.push(fromFile);
    expect(Array.from(await fromFile.score(x, 4))).toEqual(Array.from(after));
  });

  it('says clearly what is wrong with a bad model or bad input', async () => {
    await expect(OnnxScorer.fromBytes(new Uint8Array([1, 2, 3]))).rejects.toThrow(
      /not a loadable LAM scoring model/,
    );
    await expect(OnnxScorer.fromFile('/nonexistent/lam.onnx')).rejects.toThrow(/cannot read the LAM model/);
    const scorer = await OnnxScorer.fromBytes(exportOnnx(initNetwork(1, [8, 1])));
    scorers.push(scorer);
    await expect(scorer.score(new Float32Array(9), 1)).rejects.toThrow(
      /expected 1 × 8 features, got 9 values/,
    );
    expect(() => initNetwork(1, [8, 2])).toThrow(/ending in 1/);
  });
});
