/**
 * Writes the scoring network as an ONNX model (no Python here): input `features` [candidates × width],
 * output `scores` [candidates × 1], one `Gemm` per layer with `Relu` between. The protobuf messages come from
 * onnx-proto (the onnx.proto schema compiled for protobufjs); the graph itself is built here.
 */
import onnxProto from 'onnx-proto';
import { type LamNetwork, validateSizes } from './network.ts';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
export const ONNX_OPSET = 17;
export const INPUT_NAME = 'features';
export const OUTPUT_NAME = 'scores';

export interface ExportMetadata {
  /** Written into the model's metadata_props, e.g. the policy version and the feature schema. */
  [key: string]: string;
}

export function exportOnnx(network: LamNetwork, metadata: ExportMetadata = {}): Uint8Array {
  validateSizes(network.sizes);
  const initializer: InstanceType<typeof onnx.TensorProto>[] = [];
  const node: InstanceType<typeof onnx.NodeProto>[] = [];
  let current = INPUT_NAME;
  network.layers.forEach((layer, l) => {
    const inputs = network.sizes[l]!;
    const outputs = network.sizes[l + 1]!;
    if (layer.weight.length !== inputs * outputs || layer.bias.length !== outputs) {
      throw new RangeError(
        `layer ${l} has ${layer.weight.length} weights and ${layer.bias.length} biases for ${inputs}→${outputs}`,
      );
    }
    initializer.push(
      tensor(`W${l}`, [inputs, outputs], layer.weight),
      tensor(`b${l}`, [outputs], layer.bias),
    );
    const last = l === network.layers.length - 1;
    const gemmOut = last ? OUTPUT_NAME : `h${l}`;
    node.push(
      onnx.NodeProto.create({
        name: `dense${l}`,
        opType: 'Gemm',
        input: [current, `W${l}`, `b${l}`],
        output: [gemmOut],
      }),
    );
    if (!last) {
      node.push(
        onnx.NodeProto.create({ name: `relu${l}`, opType: 'Relu', input: [gemmOut], output: [`a${l}`] }),
      );
      current = `a${l}`;
    }
  });
  const graph = onnx.GraphProto.create({
    name: 'lamgym_candidate_scorer',
    node,
    initializer,
    input: [valueInfo(INPUT_NAME, network.sizes[0]!)],
    output: [valueInfo(OUTPUT_NAME, 1)],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'lamgym',
    producerVersion: '0.1.0',
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: ONNX_OPSET })],
    graph,
    metadataProps: Object.entries(metadata).map(([key, value]) =>
      onnx.StringStringEntryProto.create({ key, value }),
    ),
  });
  return onnx.ModelProto.encode(model).finish();
}

function tensor(name: string, dims: number[], values: Float32Array): InstanceType<typeof onnx.TensorProto> {
  // raw_data is little-endian, as Float32Array is on every platform Node runs on here.
  const rawData = new Uint8Array(
    values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength),
  );
  return onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData });
}

function valueInfo(name: string, width: number): InstanceType<typeof onnx.ValueInfoProto> {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: FLOAT,
        shape: onnx.TensorShapeProto.create({
          dim: [
            onnx.TensorShapeProto.Dimension.create({ dimParam: 'candidates' }),
            onnx.TensorShapeProto.Dimension.create({ dimValue: width }),
          ],
        }),
      }),
    }),
  });
}
