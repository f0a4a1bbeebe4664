/**
 * Training arithmetic for the candidate-scoring MLP (agents/lam/network.ts): a batched forward pass that keeps
 * the activations, the backward pass (gradients of the weights and biases from the gradient of the scores), and
 * Adam. Inputs are sparse rows (CSR): the hashed features set a few dozen of 512 columns, so the first layer costs
 * nnz × width instead of 512 × width per row, in both directions.
 *
 * Everything is Float32Array and the hot loop does not allocate: the workspace owns its activation and delta
 * buffers and only grows them (geometrically) when a batch has more rows than any before it.
 */
import type { LamNetwork } from '../lam/network.ts';

/** Sparse rows: row r holds `values[k]` at column `indices[k]` for k in [indptr[r], indptr[r + 1]). */
export interface CsrRows {
  rows: number;
  width: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** One tensor per weight and bias, shaped like the network's layers. */
export interface Gradients {
  layers: { weight: Float32Array; bias: Float32Array }[];
}

export function createGradients(network: LamNetwork): Gradients {
  return {
    layers: network.layers.map((l) => ({
      weight: new Float32Array(l.weight.length),
      bias: new Float32Array(l.bias.length),
    })),
  };
}

export function zeroGradients(grads: Gradients): void {
  for (const l of grads.layers) {
    l.weight.fill(0);
    l.bias.fill(0);
  }
}

/** A dense row-major matrix [rows × width] as CSR (for tests and callers with dense features). */
export function denseToCsr(dense: Float32Array, rows: number, width: number): CsrRows {
  if (dense.length !== rows * width) throw new RangeError(`expected ${rows} × ${width} values`);
  let nnz = 0;
  for (let i = 0; i < dense.length; i++) if (dense[i] !== 0) nnz++;
  const indptr = new Int32Array(rows + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < width; c++) {
      const v = dense[r * width + c]!;
      if (v !== 0) {
        indices[k] = c;
        values[k++] = v;
      }
    }
    indptr[r + 1] = k;
  }
  return { rows, width, indptr, indices, values };
}

/**
 * What the trainers need of a network's arithmetic: scores of a batch, then the gradients for the scores'
 * gradient. `MlpWorkspace` (TypeScript, here) and `OrtMlpEngine` (onnxruntime-node, ort-engine.ts) implement it.
 */
export interface MlpEngine {
  readonly network: LamNetwork;
  /** Scores of the batch's rows (read the first `x.rows`), valid until the next call. */
  forward(x: CsrRows): Float32Array | Promise<Float32Array>;
  /** Adds to `grads` the gradients for `dScores`, for the batch of the preceding `forward`. */
  backward(x: CsrRows, dScores: Float32Array, grads: Gradients): void | Promise<void>;
  release?(): Promise<void>;
}

/**
 * Forward and backward passes of one network over batches of rows. Keeps the activations of the last forward
 * pass for the backward pass, so `backward` must follow the `forward` of the same batch.
 */
export class MlpWorkspace implements MlpEngine {
  readonly network: LamNetwork;
  private capacity = 0;
  /** outputs[l]: layer l's output (post-ReLU for hidden layers, the scores for the last) [rows × sizes[l+1]]. */
  private outputs: Float32Array[] = [];
  /** deltas[l]: gradient of the loss w.r.t. layer l's pre-activation [rows × sizes[l+1]]. */
  private deltas: Float32Array[] = [];

  constructor(network: LamNetwork, rows = 256) {
    this.network = network;
    this.ensure(rows);
  }

  private ensure(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = Math.max(rows, Math.ceil(this.capacity * 1.5), 16);
    const sizes = this.network.sizes;
    this.outputs = sizes.slice(1).map((s) => new Float32Array(capacity * s));
    this.deltas = sizes.slice(1).map((s) => new Float32Array(capacity * s));
    this.capacity = capacity;
  }

  /**
   * Scores of the batch's rows. The returned buffer is the workspace's own (valid until the next forward) and may
   * be longer than `x.rows`: read the first `x.rows` values.
   */
  forward(x: CsrRows): Float32Array {
    const { sizes, layers } = this.network;
    if (x.width !== sizes[0]) throw new RangeError(`expected rows of width ${sizes[0]}, got ${x.width}`);
    const rows = x.rows;
    this.ensure(rows);
    const last = layers.length - 1;
    // Layer 0 reads the sparse input.
    {
      const outW = sizes[1]!;
      const { weight, bias } = layers[0]!;
      const out = this.outputs[0]!;
      const { indptr, indices, values } = x;
      for (let r = 0; r < rows; r++) {
        const base = r * outW;
        for (let o = 0; o < outW; o++) out[base + o] = bias[o]!;
        for (let k = indptr[r]!, end = indptr[r + 1]!; k < end; k++) {
          const v = values[k]!;
          const w = indices[k]! * outW;
          for (let o = 0; o < outW; o++) out[base + o]! += v * weight[w + o]!;
        }
        if (last !== 0) for (let o = 0; o < outW; o++) if (out[base + o]! < 0) out[base + o] = 0;
      }
    }
    for (let l = 1; l <= last; l++) {
      const inW = sizes[l]!;
      const outW = sizes[l + 1]!;
      const { weight, bias } = layers[l]!;
      const input = this.outputs[l - 1]!;
      const out = this.outputs[l]!;
      for (let r = 0; r < rows; r++) {
        const base = r * outW;
        const inBase = r * inW;
        for (let o = 0; o < outW; o++) out[base + o] = bias[o]!;
        for (let i = 0; i < inW; i++) {
          const a = input[inBase + i]!;
          if (a === 0) continue; // ReLU zeros: about half of every hidden row
          const w = i * outW;
          for (let o = 0; o < outW; o++) out[base + o]! += a * weight[w + o]!;
        }
        if (l !== last) for (let o = 0; o < outW; o++) if (out[base + o]! < 0) out[base + o] = 0;
      }
    }
    return this.outputs[last]!;
  }

  /**
   * Adds to `grads` the gradients of the loss whose gradient w.r.t. the scores of the last forward batch is
   * `dScores` (first `x.rows` values). Callers zero `grads` between optimiser steps.
   */
  backward(x: CsrRows, dScores: Float32Array, grads: Gradients): void {
    const { sizes, layers } = this.network;
    const rows = x.rows;
    const last = layers.length - 1;
    const top = this.deltas[last]!;
    for (let r = 0; r < rows; r++) top[r] = dScores[r]!;
    for (let l = last; l >= 1; l--) {
      const inW = sizes[l]!;
      const outW = sizes[l + 1]!;
      const weight = layers[l]!.weight;
      const gW = grads.layers[l]!.weight;
      const gb = grads.layers[l]!.bias;
      const input = this.outputs[l - 1]!;
      const delta = this.deltas[l]!;
      const below = this.deltas[l - 1]!;
      for (let r = 0; r < rows; r++) {
        const base = r * outW;
        const inBase = r * inW;
        for (let o = 0; o < outW; o++) gb[o]! += delta[base + o]!;
        for (let i = 0; i < inW; i++) {
          const a = input[inBase + i]!;
          if (a === 0) {
            // ReLU was off: no weight gradient from this input and no gradient below it.
            below[inBase + i] = 0;
            continue;
          }
          const w = i * outW;
          let sum = 0;
          for (let o = 0; o < outW; o++) {
            const d = delta[base + o]!;
            gW[w + o]! += a * d;
            sum += d * weight[w + o]!;
          }
          below[inBase + i] = sum;
        }
      }
    }
    const outW = sizes[1]!;
    const gW = grads.layers[0]!.weight;
    const gb = grads.layers[0]!.bias;
    const delta = this.deltas[0]!;
    const { indptr, indices, values } = x;
    for (let r = 0; r < rows; r++) {
      const base = r * outW;
      for (let o = 0; o < outW; o++) gb[o]! += delta[base + o]!;
      for (let k = indptr[r]!, end = indptr[r + 1]!; k < end; k++) {
        const v = values[k]!;
        const w = indices[k]! * outW;
        for (let o = 0; o < outW; o++) gW[w + o]! += v * delta[base + o]!;
      }
    }
  }
}

export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** Decoupled weight decay (AdamW), applied to weights, not biases. */
  weightDecay?: number;
  /** Rescale the gradients when their global L2 norm exceeds this (0 or undefined: never). */
  maxGradNorm?: number;
}

/** Adam (AdamW with `weightDecay`), updating the network's Float32Arrays in place. */
export class Adam {
  readonly options: Required<AdamOptions>;
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  private t = 0;

  constructor(network: LamNetwork, options: AdamOptions = {}) {
    this.options = {
      lr: options.lr ?? 1e-3,
      beta1: options.beta1 ?? 0.9,
      beta2: options.beta2 ?? 0.999,
      eps: options.eps ?? 1e-8,
      weightDecay: options.weightDecay ?? 0,
      maxGradNorm: options.maxGradNorm ?? 0,
    };
    const tensors = network.layers.flatMap((l) => [l.weight, l.bias]);
    this.m = tensors.map((t) => new Float32Array(t.length));
    this.v = tensors.map((t) => new Float32Array(t.length));
  }

  get steps(): number {
    return this.t;
  }

  /** One update from `grads`; `lr` overrides the configured rate (for schedules). Returns the gradient norm. */
  step(network: LamNetwork, grads: Gradients, lr = this.options.lr): number {
    const { beta1, beta2, eps, weightDecay, maxGradNorm } = this.options;
    let squares = 0;
    for (const g of grads.layers) {
      for (let i = 0; i < g.weight.length; i++) squares += g.weight[i]! * g.weight[i]!;
      for (let i = 0; i < g.bias.length; i++) squares += g.bias[i]! * g.bias[i]!;
    }
    const norm = Math.sqrt(squares);
    const scale = maxGradNorm > 0 && norm > maxGradNorm ? maxGradNorm / norm : 1;
    this.t++;
    const c1 = 1 - beta1 ** this.t;
    const c2 = 1 - beta2 ** this.t;
    const stepSize = lr / c1;
    const sqrtC2 = Math.sqrt(c2);
    for (let l = 0; l < network.layers.length; l++) {
      const layer = network.layers[l]!;
      const g = grads.layers[l]!;
      adamUpdate(
        layer.weight,
        g.weight,
        this.m[2 * l]!,
        this.v[2 * l]!,
        1 - lr * weightDecay,
        scale,
        beta1,
        beta2,
        stepSize,
        sqrtC2,
        eps,
      );
      adamUpdate(
        layer.bias,
        g.bias,
        this.m[2 * l + 1]!,
        this.v[2 * l + 1]!,
        1,
        scale,
        beta1,
        beta2,
        stepSize,
        sqrtC2,
        eps,
      );
    }
    return norm;
  }
}

// A module-level function with scalar arguments, so an optimiser step allocates no closures.
function adamUpdate(
  param: Float32Array,
  grad: Float32Array,
  m: Float32Array,
  v: Float32Array,
  shrink: number,
  scale: number,
  beta1: number,
  beta2: number,
  stepSize: number,
  sqrtC2: number,
  eps: number,
): void {
  for (let i = 0; i < param.length; i++) {
    const gi = grad[i]! * scale;
    const mi = (m[i] = beta1 * m[i]! + (1 - beta1) * gi);
    const vi = (v[i] = beta2 * v[i]! + (1 - beta2) * gi * gi);
    param[i] = param[i]! * shrink - (stepSize * mi) / (Math.sqrt(vi) / sqrtC2 + eps);
  }
}

/** A deep copy of a network (the reference policy of PPO, the starting point of a fine-tune). */
export function cloneNetwork(network: LamNetwork): LamNetwork {
  return {
    sizes: [...network.sizes],
    layers: network.layers.map((l) => ({ weight: l.weight.slice(), bias: l.bias.slice() })),
  };
}
