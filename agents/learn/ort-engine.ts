/**
 * The MLP's forward and backward passes as ONNX graphs run by onnxruntime-node (node-infra-facts.md §6: ORT has
 * no training API in 1.30, but the backward pass of a dense ReLU network is a handful of standard ops). Weights
 * are graph inputs, so one session serves every optimiser step; the loss and Adam stay in TypeScript, so every
 * loss (cross-entropy over candidate groups, MSE, PPO) shares the same two graphs:
 *   forward:  X, W*, b*            → scores
 *   backward: X, W*, b*, dScores   → gW*, gb*   (recomputes the forward pass; dz = da ⊙ sign(a) for ReLU)
 * Inputs arrive as CSR rows and are densified into a reused buffer (MLAS's dense GEMM beats a sparse JS loop).
 */
import onnxProto from 'onnx-proto';
import * as ort from 'onnxruntime-node';
import type { LamNetwork } from '../lam/network.ts';
import { type CsrRows, type Gradients, type MlpEngine, MlpWorkspace } from './backprop.ts';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

type Node = InstanceType<typeof onnx.NodeProto>;

function node(opType: string, input: string[], output: string[], attrs: Record<string, number> = {}): Node {
  return onnx.NodeProto.create({
    opType,
    input,
    output,
    attribute: Object.entries(attrs).map(([name, i]) =>
      onnx.AttributeProto.create({ name, i, type: onnx.AttributeProto.AttributeType.INT }),
    ),
  });
}

function valueInfo(name: string, dims: (number | string)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: FLOAT,
        shape: onnx.TensorShapeProto.create({
          dim: dims.map((d) =>
            typeof d === 'number'
              ? onnx.TensorShapeProto.Dimension.create({ dimValue: d })
              : onnx.TensorShapeProto.Dimension.create({ dimParam: d }),
          ),
        }),
      }),
    }),
  });
}

/** The forward (and, with `backward`, gradient) graph of a network of the given sizes. */
export function mlpGraph(sizes: readonly number[], backward: boolean): Uint8Array {
  const layers = sizes.length - 1;
  const nodes: Node[] = [];
  const inputs = [valueInfo('X', ['rows', sizes[0]!])];
  for (let l = 0; l < layers; l++) {
    inputs.push(valueInfo(`W${l}`, [sizes[l]!, sizes[l + 1]!]), valueInfo(`b${l}`, [sizes[l + 1]!]));
  }
  let current = 'X';
  const activations: string[] = ['X'];
  for (let l = 0; l < layers; l++) {
    const last = l === layers - 1;
    const z = last ? 'scores' : `z${l}`;
    nodes.push(node('Gemm', [current, `W${l}`, `b${l}`], [z]));
    if (!last) {
      nodes.push(node('Relu', [z], [`a${l}`]));
      current = `a${l}`;
      activations.push(current);
    }
  }
  const outputs = [valueInfo('scores', ['rows', 1])];
  const initializer: InstanceType<typeof onnx.TensorProto>[] = [];
  if (backward) {
    inputs.push(valueInfo('dScores', ['rows', 1]));
    initializer.push(onnx.TensorProto.create({ name: 'axis0', dims: [1], dataType: INT64, int64Data: [0] }));
    let delta = 'dScores';
    for (let l = layers - 1; l >= 0; l--) {
      const input = activations[l]!;
      nodes.push(node('Gemm', [input, delta], [`gW${l}`], { transA: 1 }));
      nodes.push(node('ReduceSum', [delta, 'axis0'], [`gb${l}`], { keepdims: 0 }));
      outputs.push(valueInfo(`gW${l}`, [sizes[l]!, sizes[l + 1]!]), valueInfo(`gb${l}`, [sizes[l + 1]!]));
      if (l > 0) {
        nodes.push(node('Gemm', [delta, `W${l}`], [`da${l - 1}`], { transB: 1 }));
        // sign(a) is 1 where the ReLU was on and 0 where it was off.
        nodes.push(node('Sign', [input], [`on${l - 1}`]));
        nodes.push(node('Mul', [`da${l - 1}`, `on${l - 1}`], [`dz${l - 1}`]));
        delta = `dz${l - 1}`;
      }
    }
  }
  const graph = onnx.GraphProto.create({
    name: backward ? 'lamgym_mlp_backward' : 'lamgym_mlp_forward',
    node: nodes,
    input: inputs,
    output: outputs,
    initializer,
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'lamgym',
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: 17 })],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Forward/backward of one network on onnxruntime-node, with the same contract as `MlpWorkspace` but async. */
export class OrtMlpEngine implements MlpEngine {
  private dense = new Float32Array(0);
  private constructor(
    readonly network: LamNetwork,
    private readonly forwardSession: ort.InferenceSession,
    private readonly backwardSession: ort.InferenceSession,
  ) {}

  static async create(network: LamNetwork, threads = 1): Promise<OrtMlpEngine> {
    const options = { intraOpNumThreads: threads, interOpNumThreads: 1 };
    const [f, b] = await Promise.all([
      ort.InferenceSession.create(mlpGraph(network.sizes, false), options),
      ort.InferenceSession.create(mlpGraph(network.sizes, true), options),
    ]);
    return new OrtMlpEngine(network, f, b);
  }

  private feeds(x: CsrRows): Record<string, ort.Tensor> {
    const width = this.network.sizes[0]!;
    if (x.width !== width) throw new RangeError(`expected rows of width ${width}, got ${x.width}`);
    const size = x.rows * width;
    if (this.dense.length < size) this.dense = new Float32Array(Math.ceil(size * 1.5));
    const dense = this.dense.subarray(0, size);
    dense.fill(0);
    for (let r = 0; r < x.rows; r++)
      for (let k = x.indptr[r]!; k < x.indptr[r + 1]!; k++) dense[r * width + x.indices[k]!] = x.values[k]!;
    const feeds: Record<string, ort.Tensor> = { X: new ort.Tensor('float32', dense, [x.rows, width]) };
    this.network.layers.forEach((layer, l) => {
      feeds[`W${l}`] = new ort.Tensor('float32', layer.weight, [
        this.network.sizes[l]!,
        this.network.sizes[l + 1]!,
      ]);
      feeds[`b${l}`] = new ort.Tensor('float32', layer.bias, [this.network.sizes[l + 1]!]);
    });
    return feeds;
  }

  async forward(x: CsrRows): Promise<Float32Array> {
    const out = await this.forwardSession.run(this.feeds(x));
    return out.scores!.data as Float32Array;
  }

  /** Adds the gradients for `dScores` (first `x.rows` values) to `grads`. */
  async backward(x: CsrRows, dScores: Float32Array, grads: Gradients): Promise<void> {
    const feeds = this.feeds(x);
    feeds.dScores = new ort.Tensor('float32', dScores.subarray(0, x.rows), [x.rows, 1]);
    const out = await this.backwardSession.run(feeds);
    grads.layers.forEach((g, l) => {
      const gW = out[`gW${l}`]!.data as Float32Array;
      const gb = out[`gb${l}`]!.data as Float32Array;
      for (let i = 0; i < gW.length; i++) g.weight[i]! += gW[i]!;
      for (let i = 0; i < gb.length; i++) g.bias[i]! += gb[i]!;
    });
  }

  async release(): Promise<void> {
    await Promise.all([this.forwardSession.release(), this.backwardSession.release()]);
  }
}

/** Which arithmetic trains: `ort` (onnxruntime-node, ~9× less CPU per batch here) or `ts` (plain TypeScript). */
export type EngineKind = 'ort' | 'ts';

export async function createMlpEngine(
  network: LamNetwork,
  kind: EngineKind = 'ort',
  threads = 1,
): Promise<MlpEngine> {
  return kind === 'ort' ? OrtMlpEngine.create(network, threads) : new MlpWorkspace(network);
}
