/**
 * The messages between `SyncEnvFromAsync` (the blocked caller) and its worker thread. Kept apart from both so
 * the worker loads only this and the env module, not the caller's code.
 */
import type { MessagePort } from 'node:worker_threads';
import type { EnvMetadata, ResetArgs } from '../core.ts';
import type { SpaceJSON } from '../spaces/space.ts';
import type { RngState } from './seeding.ts';

/** Indices into the shared Int32Array: a reply is waiting; the worker is gone. */
export const REPLY_READY = 0;
export const WORKER_DEAD = 1;

/** What the worker receives as `workerData`. */
export interface WorkerInit {
  module: string;
  exportName: string;
  args: unknown[];
  control: Int32Array;
  replyPort: MessagePort;
}

export type WorkerRequest =
  | { id: number; method: 'reset'; args: ResetArgs | undefined }
  | { id: number; method: 'step'; action: unknown }
  | { id: number; method: 'render' }
  | { id: number; method: 'close' }
  | { id: number; method: 'call'; name: string; args: unknown[] }
  | { id: number; method: 'getRng' }
  | { id: number; method: 'setRng'; state: RngState };

/** An error as it crosses the thread boundary. */
export interface RemoteError {
  name: string;
  message: string;
  stack: string | undefined;
}

/** The env's generator after a call, so the caller's `npRandom` mirrors the worker's. */
export interface RngSnapshot {
  state: RngState | null;
  seed: number | null;
}

export interface ReadyValue {
  actionSpace: SpaceJSON;
  observationSpace: SpaceJSON;
  metadata: EnvMetadata;
  renderMode: string | null;
  envName: string;
}

export type WorkerReply =
  | { kind: 'reply'; id: number; ok: true; value: unknown; rng: RngSnapshot }
  | { kind: 'reply'; id: number; ok: false; error: RemoteError; rng: RngSnapshot | null }
  | { kind: 'dead'; reason: string; error: RemoteError | null };
