/**
 * The vector-env errors, named as Gymnasium names them (gymnasium/error.py), all `VectorEnvError`s so one
 * `catch` can handle every vector-env failure.
 */
import { VectorEnvError } from '../errors.ts';

/** An `xxxAsync` call while another call is still pending (call its `xxxWait` first). */
export class AlreadyPendingCallError extends VectorEnvError {}

/** An `xxxWait` call without the matching `xxxAsync` call before it. */
export class NoAsyncCallError extends VectorEnvError {}

/** A call on a vector env after `close()`. */
export class ClosedEnvironmentError extends VectorEnvError {}

/**
 * A sub-env failed. In `AsyncVectorEnv`: it threw, its worker thread died (process.exit, an uncaught error, a
 * value that cannot be sent between threads), or it did not answer in time. In `SyncVectorEnv`: it threw.
 * `cause` holds the original error (from a worker: rebuilt with its name, message and stack).
 */
export class SubEnvError extends VectorEnvError {
  /** The vector index of the failing sub-env (for a dead thread: the one running, or the last one called). */
  readonly envIndex: number;
  /** The worker thread that held it (`AsyncVectorEnv`), or null (`SyncVectorEnv`). */
  readonly workerIndex: number | null;

  constructor(message: string, envIndex: number, workerIndex: number | null, cause?: unknown) {
    super(message);
    this.envIndex = envIndex;
    this.workerIndex = workerIndex;
    if (cause !== undefined) this.cause = cause;
  }
}
