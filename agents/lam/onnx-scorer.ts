/**
 * The network on onnxruntime-node, as an actor thread holds it: one session with a single intra-op thread (N
 * actors × ORT thread pools would oversubscribe the cores), and `swap` to take a new policy version without
 * restarting the actor (a new session costs ~1 ms once the library is loaded; node-infra-facts.md §1–2).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { INPUT_NAME, OUTPUT_NAME } from './onnx-export.ts';

export class OnnxScorer {
  private session: ort.InferenceSession;
  private inputWidth: number;
  version: string;

  private constructor(session: ort.InferenceSession, inputWidth: number, version: string) {
    this.session = session;
    this.inputWidth = inputWidth;
    this.version = version;
  }

  static async fromBytes(bytes: Uint8Array, version = 'unversioned'): Promise<OnnxScorer> {
    const [session, width] = await createSession(bytes);
    return new OnnxScorer(session, width, version);
  }

  static async fromFile(path: string, version?: string): Promise<OnnxScorer> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new Error(`cannot read the LAM model ${path}: ${(error as Error).message}`);
    }
    return OnnxScorer.fromBytes(bytes, version ?? modelVersion(path, bytes));
  }

  get width(): number {
    return this.inputWidth;
  }

  /** Scores `count` candidates whose features are packed row by row. */
  async score(features: Float32Array, count: number): Promise<Float32Array> {
    if (features.length !== count * this.inputWidth) {
      throw new RangeError(`expected ${count} × ${this.inputWidth} features, got ${features.length} values`);
    }
    const input = new ort.Tensor('float32', features, [count, this.inputWidth]);
    const output = await this.session.run({ [INPUT_NAME]: input });
    return output[OUTPUT_NAME]!.data as Float32Array;
  }

  /** Replaces the network with a new version; the old session is released once the new one is ready. */
  async swap(bytes: Uint8Array, version: string): Promise<void> {
    const [session, width] = await createSession(bytes);
    const old = this.session;
    this.session = session;
    this.inputWidth = width;
    this.version = version;
    await old.release();
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

async function createSession(bytes: Uint8Array): Promise<[ort.InferenceSession, number]> {
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  } catch (error) {
    throw new Error(`not a loadable LAM scoring model: ${(error as Error).message}`);
  }
  if (!session.inputNames.includes(INPUT_NAME) || !session.outputNames.includes(OUTPUT_NAME)) {
    const io = `inputs [${session.inputNames.join(', ')}], outputs [${session.outputNames.join(', ')}]`;
    await session.release();
    throw new Error(`the model must take '${INPUT_NAME}' and give '${OUTPUT_NAME}'; it has ${io}`);
  }
  const metadata = session.inputMetadata as unknown as
    { name: string; shape?: readonly (number | string)[] }[] | undefined;
  const shape = Array.isArray(metadata) ? metadata.find((m) => m.name === INPUT_NAME)?.shape : undefined;
  const width = typeof shape?.[1] === 'number' ? shape[1] : NaN;
  if (!Number.isInteger(width)) {
    await session.release();
    throw new Error(`the model's '${INPUT_NAME}' input must have a fixed feature width`);
  }
  return [session, width];
}

/**
 * A model's version as trajectories record it: its checkpoint version (from the JSON sidecar beside it) and the
 * first 12 hex digits of its SHA-256, so the same weights give the same version on every machine.
 */
export function modelVersion(path: string, bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const sidecar = path.replace(/\.onnx$/, '') + '.json';
  if (path.endsWith('.onnx') && existsSync(sidecar)) {
    try {
      const version = (JSON.parse(readFileSync(sidecar, 'utf8')) as { version?: unknown }).version;
      if (typeof version === 'string' && version !== '') return `${version}@${digest}`;
    } catch {
      // An unreadable sidecar leaves the hash alone to name the model.
    }
  }
  return `sha256:${digest}`;
}
