/**
 * Checkpoints of learned networks (the LAM policy and the reward model): an ONNX file, loadable as is by
 * onnxruntime-node (OnnxScorer, RewardModel), plus a JSON sidecar that says what it is: its version and the
 * version it was trained from, the data it saw, the hyper-parameters and metrics, and the ONNX file's SHA-256.
 * `loadCheckpoint` reads the weights back out of the ONNX initializers into a network, so training can resume.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import onnxProto from 'onnx-proto';
import { type LamNetwork, validateSizes } from '../lam/network.ts';
import { exportOnnx } from '../lam/onnx-export.ts';

const { onnx } = onnxProto;

export const CHECKPOINT_FORMAT = 'lamgym-checkpoint/1';

export interface CheckpointInfo {
  kind: 'lam' | 'reward-model';
  /** This checkpoint's version, e.g. `lam3-sft-1`; also its file stem. */
  version: string;
  /** The version it was trained from (null for a fresh initialisation). */
  parent: string | null;
  /** What it was trained on: runs, trajectory and step counts, splits … */
  data: Record<string, unknown>;
  hyperparameters: Record<string, unknown>;
  /** Results of training (per-epoch loss, held-out accuracy …). */
  metrics?: Record<string, unknown>;
}

export interface CheckpointSidecar extends CheckpointInfo {
  format: typeof CHECKPOINT_FORMAT;
  created_at: string;
  sizes: number[];
  onnx: { file: string; sha256: string; bytes: number };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes `<dir>/<version>.onnx` and `<dir>/<version>.json`; returns their paths and the sidecar. */
export async function saveCheckpoint(
  dir: string,
  network: LamNetwork,
  info: CheckpointInfo,
): Promise<{ onnxPath: string; sidecarPath: string; sidecar: CheckpointSidecar; bytes: Uint8Array }> {
  if (!/^[A-Za-z0-9._-]+$/.test(info.version))
    throw new RangeError(`a checkpoint version must be a file-name-safe word, got '${info.version}'`);
  const bytes = exportOnnx(network, {
    lamgym_kind: info.kind,
    lamgym_version: info.version,
    lamgym_parent: info.parent ?? '',
  });
  const file = `${info.version}.onnx`;
  const sidecar: CheckpointSidecar = {
    format: CHECKPOINT_FORMAT,
    ...info,
    created_at: new Date().toISOString(),
    sizes: [...network.sizes],
    onnx: { file, sha256: sha256(bytes), bytes: bytes.length },
  };
  await mkdir(dir, { recursive: true });
  const onnxPath = join(dir, file);
  const sidecarPath = join(dir, `${info.version}.json`);
  await writeFile(onnxPath, bytes);
  await writeFile(sidecarPath, `${JSON.stringify(sidecar, null, 2)}\n`);
  return { onnxPath, sidecarPath, sidecar, bytes };
}

/**
 * Loads a checkpoint from its sidecar (`….json`) or its ONNX file (`….onnx`, the sidecar beside it). Checks the
 * format and the ONNX file's hash.
 */
export async function loadCheckpoint(
  path: string,
): Promise<{ network: LamNetwork; sidecar: CheckpointSidecar; bytes: Uint8Array }> {
  const sidecarPath = path.endsWith('.onnx') ? path.slice(0, -'.onnx'.length) + '.json' : path;
  let sidecar: CheckpointSidecar;
  try {
    sidecar = JSON.parse(await readFile(sidecarPath, 'utf8')) as CheckpointSidecar;
  } catch (error) {
    throw new Error(`cannot read the checkpoint sidecar ${sidecarPath}: ${(error as Error).message}`);
  }
  if (sidecar.format !== CHECKPOINT_FORMAT)
    throw new Error(`${sidecarPath} is not a lamgym checkpoint (format ${JSON.stringify(sidecar.format)})`);
  const onnxPath = join(dirname(sidecarPath), basename(sidecar.onnx.file));
  const bytes = new Uint8Array(await readFile(onnxPath));
  if (sha256(bytes) !== sidecar.onnx.sha256)
    throw new Error(`${onnxPath} does not match its sidecar's SHA-256: the file was changed or replaced`);
  return { network: networkFromOnnx(bytes), sidecar, bytes };
}

/** The weights of a model written by `exportOnnx` (initializers W<l> [in × out] and b<l> [out]). */
export function networkFromOnnx(bytes: Uint8Array): LamNetwork {
  const model = onnx.ModelProto.decode(bytes);
  const tensors = new Map<string, { dims: number[]; data: Float32Array }>();
  for (const t of model.graph?.initializer ?? []) {
    const dims = (t.dims ?? []).map(Number);
    let data: Float32Array;
    if (t.rawData !== undefined && t.rawData !== null && t.rawData.length > 0) {
      // Copy: the raw bytes may not be 4-byte aligned inside the protobuf buffer.
      const raw = new Uint8Array(t.rawData);
      data = new Float32Array(raw.buffer, 0, raw.byteLength / 4);
    } else {
      data = Float32Array.from(t.floatData ?? []);
    }
    tensors.set(t.name ?? '', { dims, data });
  }
  const layers: LamNetwork['layers'] = [];
  const sizes: number[] = [];
  for (let l = 0; tensors.has(`W${l}`); l++) {
    const w = tensors.get(`W${l}`)!;
    const b = tensors.get(`b${l}`);
    if (w.dims.length !== 2 || b === undefined || b.data.length !== w.dims[1])
      throw new Error(`layer ${l} of the ONNX model is not a dense layer written by lamgym`);
    if (l === 0) sizes.push(w.dims[0]!);
    else if (sizes[l] !== w.dims[0]) throw new Error(`layer ${l} does not take layer ${l - 1}'s output`);
    sizes.push(w.dims[1]!);
    layers.push({ weight: w.data.slice(), bias: b.data.slice() });
  }
  if (layers.length === 0) throw new Error('the ONNX model has no lamgym dense layers (W0, b0, …)');
  validateSizes(sizes);
  return { sizes, layers };
}
