/**
 * The built-in LAM's scoring network: a multilayer perceptron that maps each candidate action's feature
 * vector to one score (ReLU between layers, linear output). The policy is a softmax over the scores of the
 * current observation's candidates. This module holds the weights, their deterministic initialisation and a
 * plain-TypeScript forward pass, which the learners use and which the ONNX export must reproduce.
 */
import { npRandom } from 'gymnasium-ts';

export interface DenseLayer {
  /** Row-major [inputs × outputs]. */
  weight: Float32Array;
  bias: Float32Array;
}

export interface LamNetwork {
  /** Layer widths from the feature vector to the single score, e.g. [512, 128, 64, 1]. */
  sizes: readonly number[];
  layers: DenseLayer[];
}

export const DEFAULT_LAYER_SIZES = [512, 128, 64, 1] as const;

/** He-initialised weights (normal, std √(2/fan-in)) and zero biases, drawn from a seeded PCG64 generator. */
export function initNetwork(seed: number, sizes: readonly number[] = DEFAULT_LAYER_SIZES): LamNetwork {
  validateSizes(sizes);
  const rng = npRandom(seed)[0];
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l]!;
    const outputs = sizes[l + 1]!;
    const std = Math.sqrt(2 / inputs);
    const weight = new Float32Array(inputs * outputs);
    for (let i = 0; i < weight.length; i++) weight[i] = rng.normal(0, std);
    layers.push({ weight, bias: new Float32Array(outputs) });
  }
  return { sizes: [...sizes], layers };
}

/** Scores for `count` candidates whose features are packed row by row in `features` ([count × sizes[0]]). */
export function forward(network: LamNetwork, features: Float32Array, count: number): Float32Array {
  const inputWidth = network.sizes[0]!;
  if (features.length !== count * inputWidth) {
    throw new RangeError(`expected ${count} × ${inputWidth} features, got ${features.length} values`);
  }
  let activations = features;
  network.layers.forEach((layer, l) => {
    const inputs = network.sizes[l]!;
    const outputs = network.sizes[l + 1]!;
    const last = l === network.layers.length - 1;
    const next = new Float32Array(count * outputs);
    for (let row = 0; row < count; row++) {
      const out = row * outputs;
      for (let o = 0; o < outputs; o++) next[out + o] = layer.bias[o]!;
      for (let i = 0; i < inputs; i++) {
        const x = activations[row * inputs + i]!;
        if (x === 0) continue; // hashed features are sparse
        const w = i * outputs;
        for (let o = 0; o < outputs; o++) next[out + o]! += x * layer.weight[w + o]!;
      }
      if (!last) for (let o = 0; o < outputs; o++) if (next[out + o]! < 0) next[out + o] = 0;
    }
    activations = next;
  });
  return activations;
}

export function validateSizes(sizes: readonly number[]): void {
  if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s <= 0) || sizes.at(-1) !== 1) {
    throw new RangeError(
      `layer sizes must be ≥ 2 positive integers ending in 1 (one score), got [${sizes.join(', ')}]`,
    );
  }
}
