/**
 * `SyncEnvFromAsync`: a synchronous `Env` that drives an `AsyncEnv` running in a worker thread, so synchronous
 * code (`SyncVectorEnv`, `checkEnv`, a plain training loop) can use an env whose steps wait on the outside world.
 *
 * Functions cannot cross threads, so the env is named rather than passed: a module (path, file URL or package
 * specifier), the name of an export (a class, constructed with `new`, or a factory, called and awaited), and
 * structured-clonable arguments. Each `reset` / `step` / `render` / `close` posts a request and blocks the
 * calling thread with `Atomics.wait` until the worker answers.
 *
 * - An error thrown in the worker is rethrown here with its original class (built-in errors and gymnasium-ts
 *   errors), name and message; its `stack` shows the worker's frames first.
 * - A worker that exits or crashes is reported at once as a `GymError`; one that does not answer within
 *   `timeoutMs` is terminated and reported. A call never hangs.
 * - The spaces are rebuilt here from their JSON; `npRandom` mirrors the worker env's generator after each call
 *   (assigning `npRandom` sends the new state to the worker), so `checkEnv`'s RNG checks see the real state.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { Env, type ResetArgs, type ResetResult, type StepResult } from '../core.ts';
import * as gymErrors from '../errors.ts';
import { GymError } from '../errors.ts';
import { spaceFromJSON } from '../spaces/json.ts';
import type { Space } from '../spaces/space.ts';
import { type Generator, npRandom } from './seeding.ts';
import {
  REPLY_READY,
  WORKER_DEAD,
  type ReadyValue,
  type RemoteError,
  type RngSnapshot,
  type WorkerInit,
  type WorkerReply,
  type WorkerRequest,
} from './sync-from-async-protocol.ts';
import { workerExecArgv } from './worker-exec-argv.ts';

// -------------------------------------------------------------------------------------------- caller

export interface SyncEnvFromAsyncOptions {
  /** The module exporting the env: a path (relative paths are resolved against the working directory), a file URL or a package specifier. */
  module: string | URL;
  /** The export: an AsyncEnv class (`new Export(...args)`) or a factory (`await Export(...args)`). */
  exportName: string;
  /** Arguments for the class or factory; they are structured-cloned into the worker. */
  args?: unknown[];
  /** How long one reset/step/render/close/call may take before the worker is terminated (default 60 s). */
  timeoutMs?: number;
  /** How long starting the worker and building the env may take (default 60 s). */
  startupTimeoutMs?: number;
  /** Node flags for the worker; by default a tsx ESM preload when running from TypeScript sources. */
  execArgv?: string[];
}

const WORKER_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const WORKER_URL = new URL(`./sync-from-async-worker${WORKER_EXTENSION}`, import.meta.url);

const BUILTIN_ERRORS: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

export class SyncEnvFromAsync<Obs = unknown, Act = unknown> extends Env<Obs, Act> {
  readonly actionSpace: Space<Act>;
  readonly observationSpace: Space<Obs>;
  /** `module:exportName`, for messages. */
  readonly label: string;
  private readonly worker: Worker;
  private readonly control: Int32Array;
  private readonly replyPort: MessagePort;
  private readonly timeoutMs: number;
  private readonly envName: string;
  private nextId = 1;
  private closed = false;
  private deathError: GymError | null = null;

  constructor(options: SyncEnvFromAsyncOptions) {
    super();
    const { exportName, args = [], timeoutMs = 60_000, startupTimeoutMs = 60_000 } = options;
    if (typeof exportName !== 'string' || exportName === '') {
      throw new TypeError(
        `SyncEnvFromAsync: exportName must be a non-empty string, got ${String(exportName)}`,
      );
    }
    if (!Array.isArray(args)) throw new TypeError('SyncEnvFromAsync: args must be an array');
    for (const [name, value] of [
      ['timeoutMs', timeoutMs],
      ['startupTimeoutMs', startupTimeoutMs],
    ] as const) {
      if (!(typeof value === 'number' && value > 0)) {
        throw new RangeError(
          `SyncEnvFromAsync: ${name} must be a positive number of milliseconds, got ${String(value)}`,
        );
      }
    }
    const module = moduleSpecifier(options.module);
    this.label = `${module}:${exportName}`;
    this.timeoutMs = timeoutMs;
    this.control = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
    const { port1, port2 } = new MessageChannel();
    this.replyPort = port1;
    const init: WorkerInit = { module, exportName, args, control: this.control, replyPort: port2 };
    const execArgv = options.execArgv ?? workerExecArgv(WORKER_URL);
    this.worker = new Worker(WORKER_URL, { workerData: init, transferList: [port2], execArgv });
    // A forgotten env must not keep the process alive.
    this.worker.unref();
    this.worker.on('error', () => undefined); // deaths are reported through the control block

    let ready: ReadyValue;
    try {
      ready = this.await<ReadyValue>(0, 'start', startupTimeoutMs);
    } catch (error) {
      this.stopWorker();
      throw error;
    }
    this.envName = ready.envName;
    this.actionSpace = spaceFromJSON(ready.actionSpace) as Space<Act>;
    this.observationSpace = spaceFromJSON(ready.observationSpace) as Space<Obs>;
    this.metadata = ready.metadata;
    this.renderMode = ready.renderMode;
  }

  override reset(args?: ResetArgs): ResetResult<Obs> {
    return this.request<ResetResult<Obs>>({ id: 0, method: 'reset', args });
  }

  step(action: Act): StepResult<Obs> {
    return this.request<StepResult<Obs>>({ id: 0, method: 'step', action });
  }

  override render(): unknown {
    return this.request({ id: 0, method: 'render' });
  }

  /** Closes the env in the worker, then stops the worker. Later calls do nothing. */
  override close(): void {
    if (this.closed) return;
    try {
      if (this.deathError === null) this.request({ id: 0, method: 'close' });
    } finally {
      this.closed = true;
      this.stopWorker();
    }
  }

  /** Calls the env's method `name` with `args` in the worker (awaiting it), or reads the attribute `name`. */
  call(name: string, ...args: unknown[]): unknown {
    return this.request({ id: 0, method: 'call', name, args });
  }

  /** Whether the worker is still there to answer. */
  get alive(): boolean {
    return !this.closed && this.deathError === null && Atomics.load(this.control, WORKER_DEAD) === 0;
  }

  override get npRandom(): Generator {
    if (this._npRandom === null) this.request({ id: 0, method: 'getRng' });
    return this._npRandom!;
  }
  override set npRandom(generator: Generator) {
    this.request({ id: 0, method: 'setRng', state: generator.getState() });
  }
  override get npRandomSeed(): number {
    if (this._npRandomSeed === null) this.request({ id: 0, method: 'getRng' });
    return this._npRandomSeed!;
  }

  override toString(): string {
    return `<SyncEnvFromAsync<${this.envName}>>`;
  }

  private request<T>(request: WorkerRequest): T {
    if (this.closed) throw new GymError(`SyncEnvFromAsync(${this.label}): ${request.method} after close()`);
    if (this.deathError !== null) throw this.deathError;
    const id = this.nextId++;
    Atomics.store(this.control, REPLY_READY, 0);
    this.worker.postMessage({ ...request, id });
    return this.await<T>(id, request.method, this.timeoutMs);
  }

  /** Blocks until the reply to `id` arrives, the worker dies, or `timeoutMs` passes. */
  private await<T>(id: number, what: string, timeoutMs: number): T {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reply = receiveMessageOnPort(this.replyPort)?.message as WorkerReply | undefined;
      if (reply !== undefined) {
        if (reply.kind === 'dead') throw this.died(reply);
        if (reply.id !== id) continue;
        if (reply.rng !== null) this.mirrorRng(reply.rng);
        if (reply.ok) return reply.value as T;
        throw rebuildError(reply.error, `${this.label} ${what}`);
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        this.stopWorker();
        this.deathError = new GymError(
          `SyncEnvFromAsync(${this.label}): ${what} did not finish within ${timeoutMs} ms; the worker was terminated`,
        );
        throw this.deathError;
      }
      Atomics.wait(this.control, REPLY_READY, 0, remaining);
      Atomics.store(this.control, REPLY_READY, 0);
    }
  }

  private died(reply: Extract<WorkerReply, { kind: 'dead' }>): GymError {
    const detail = reply.error === null ? '' : `: ${reply.error.name}: ${reply.error.message}`;
    this.deathError = new GymError(
      `SyncEnvFromAsync(${this.label}): the worker died (${reply.reason})${detail}`,
    );
    if (reply.error !== null) this.deathError.cause = rebuildError(reply.error, this.label);
    this.stopWorker();
    return this.deathError;
  }

  private mirrorRng(snapshot: RngSnapshot): void {
    if (snapshot.state === null) {
      this._npRandom = null;
      this._npRandomSeed = null;
      return;
    }
    if (this._npRandom === null) this._npRandom = npRandom(0)[0];
    this._npRandom.setState(snapshot.state);
    this._npRandomSeed = snapshot.seed;
  }

  private stopWorker(): void {
    this.replyPort.close();
    void this.worker.terminate();
  }
}

function moduleSpecifier(module: string | URL): string {
  if (module instanceof URL) return module.href;
  if (typeof module !== 'string' || module === '') {
    throw new TypeError(
      `SyncEnvFromAsync: module must be a path, a file URL or a package name, got ${String(module)}`,
    );
  }
  if (isAbsolute(module)) return pathToFileURL(module).href;
  if (module.startsWith('./') || module.startsWith('../')) return pathToFileURL(resolve(module)).href;
  return module;
}

/** Rebuilds a worker's error with its class when it is a built-in or a gymnasium-ts error, else a plain Error. */
function rebuildError(remote: RemoteError, where: string): Error {
  const gymClass = (gymErrors as Record<string, unknown>)[remote.name];
  let error: Error;
  if (typeof gymClass === 'function' && (gymClass === GymError || gymClass.prototype instanceof GymError)) {
    error = new (gymClass as new (message: string) => Error)(remote.message);
  } else {
    error = new (BUILTIN_ERRORS[remote.name] ?? Error)(remote.message);
    if (error.name !== remote.name) error.name = remote.name;
  }
  const callerFrames = (new Error().stack ?? '').split('\n').slice(1).join('\n');
  error.stack = `${remote.stack ?? `${remote.name}: ${remote.message}`}\n    --- rethrown by SyncEnvFromAsync (${where}) ---\n${callerFrames}`;
  return error;
}
