/**
 * The messages between `AsyncVectorEnv` (main thread) and its worker threads (`async-worker.ts`). One worker
 * thread holds a contiguous group of sub-envs; every task addresses the whole group, so a vector step costs one
 * round trip per worker, whatever the number of sub-envs.
 */
import type { AutoresetMode } from './autoreset-mode.ts';
import type { GroupResetOutput, GroupStepOutput } from './sub-env-runner.ts';
import type { SubEnvSource } from './sub-env-source.ts';

/** What a worker checks its sub-envs' spaces against (the main thread's single spaces, as data). */
export interface SpaceCheck {
  /** `toJSON()` of the single action space: every sub-env's must be equal. */
  action: unknown;
  /** `'same'`: compare `toJSON()` of the observation spaces; `'equivalent'`: compare kind, shape and dtype. */
  observationCheck: 'same' | 'equivalent';
  observation: unknown;
  observationSignature: SpaceSignature;
}

export interface SpaceSignature {
  kind: string;
  shape: readonly number[] | null;
  dtype: string | null;
}

export type WorkerTask =
  | {
      kind: 'init';
      firstIndex: number;
      sources: SubEnvSource[];
      autoresetMode: AutoresetMode;
      /** Backs an Int32Array of STATUS_SLOTS slots (STATUS_CURRENT, ...). */
      status: SharedArrayBuffer;
      spaces: SpaceCheck;
    }
  | {
      kind: 'reset';
      seeds: (number | null)[];
      options: Record<string, unknown> | null;
      mask: boolean[] | null;
    }
  | { kind: 'step'; actions: unknown[] }
  | { kind: 'call'; name: string; args: unknown[] }
  | { kind: 'setAttr'; name: string; values: unknown[] }
  | { kind: 'close' };

export interface SubEnvErrorData {
  /** The vector index of the sub-env that raised, or -1 when the error did not come from a sub-env call. */
  envIndex: number;
  name: string;
  message: string;
  stack: string | null;
  /** Set when the task reached a new thread Piscina started after the group's thread died (it has no sub-envs). */
  threadRestarted?: boolean;
  /** For a DataCloneError: which value of the sub-env's result could not be sent (e.g. "its step info key 'x'"). */
  unsendable?: string;
}

export type WorkerReply =
  | { ok: true; kind: 'init' }
  | { ok: true; kind: 'reset'; out: GroupResetOutput }
  | { ok: true; kind: 'step'; out: GroupStepOutput }
  | { ok: true; kind: 'call'; results: unknown[] }
  | { ok: true; kind: 'setAttr' }
  | { ok: true; kind: 'close'; failures: SubEnvErrorData[] }
  | { ok: false; error: SubEnvErrorData };

/** Slots of the status array each worker shares with the main thread (all -1 when unset). */
/** The sub-env whose call is running. */
export const STATUS_CURRENT = 0;
/** The last sub-env called. */
export const STATUS_LAST = 1;
/** The sub-env whose asynchronous callback threw the uncaught error that is ending the thread. */
export const STATUS_UNCAUGHT = 2;
export const STATUS_SLOTS = 3;

/**
 * Posted by a worker thread, just before an uncaught error ends it, to report that error intact (Piscina passes
 * some, such as a DOMException, to the main thread as an empty object).
 */
export interface UncaughtReport {
  lamgymUncaught: SubEnvErrorData;
}

export function isUncaughtReport(message: unknown): message is UncaughtReport {
  return typeof message === 'object' && message !== null && 'lamgymUncaught' in message;
}
