/**
 * The worker side of `SyncEnvFromAsync`: builds the env from `workerData`, answers each request with exactly
 * one reply on the reply port followed by a notify on the control block, and reports its own death (exit,
 * uncaught exception, unhandled rejection) the same way so the blocked caller wakes up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Generator } from './seeding.ts';
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

/** What the worker needs from the env: AsyncEnv's methods (a sync Env works too: results are awaited). */
interface DrivenEnv {
  reset(args?: unknown): unknown;
  step(action: unknown): unknown;
  render(): unknown;
  close(): unknown;
  actionSpace: { toJSON(): unknown };
  observationSpace: { toJSON(): unknown };
  metadata?: unknown;
  renderMode?: string | null;
  unwrapped?: unknown;
  npRandom: Generator;
  spec?: { id?: string } | null;
}

const init = workerData as WorkerInit;
const { control, replyPort } = init;
let env: DrivenEnv | null = null;
let dead = false;

function signal(): void {
  Atomics.store(control, REPLY_READY, 1);
  Atomics.notify(control, REPLY_READY);
}

function toRemote(error: unknown): RemoteError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: `a non-Error value was thrown: ${String(error)}`, stack: undefined };
}

function rngSnapshot(): RngSnapshot | null {
  if (env === null) return null;
  const unwrapped = (env.unwrapped ?? env) as { _npRandom?: Generator | null; _npRandomSeed?: number | null };
  const generator = unwrapped._npRandom ?? null;
  return { state: generator === null ? null : generator.getState(), seed: unwrapped._npRandomSeed ?? null };
}

function send(reply: WorkerReply): void {
  try {
    replyPort.postMessage(reply);
  } catch (error) {
    // The value could not be structured-cloned (a function, a class with private state...): report that instead.
    const id = reply.kind === 'reply' ? reply.id : -1;
    const problem = toRemote(error);
    problem.message = `the env's answer cannot be sent from the worker: ${problem.message}`;
    replyPort.postMessage({
      kind: 'reply',
      id,
      ok: false,
      error: problem,
      rng: rngSnapshot(),
    } satisfies WorkerReply);
  }
  signal();
}

function die(reason: string, error: RemoteError | null): void {
  if (dead) return;
  dead = true;
  Atomics.store(control, WORKER_DEAD, 1);
  try {
    replyPort.postMessage({ kind: 'dead', reason, error } satisfies WorkerReply);
  } finally {
    signal();
  }
}

process.on('exit', (code) => die(`exited with code ${code}`, null));
process.on('uncaughtException', (error) => {
  die('uncaught exception', toRemote(error));
  process.exit(1);
});
process.on('unhandledRejection', (error) => {
  die('unhandled promise rejection', toRemote(error));
  process.exit(1);
});

function isClass(fn: unknown): boolean {
  return typeof fn === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return `an instance of ${(value as object).constructor?.name ?? 'Object'}`;
  return typeof value;
}

async function build(): Promise<ReadyValue> {
  const loaded = (await import(init.module)) as Record<string, unknown>;
  if (!(init.exportName in loaded)) {
    const available = Object.keys(loaded);
    throw new TypeError(
      `Module '${init.module}' has no export '${init.exportName}'; its exports are: ${available.join(', ') || '(none)'}`,
    );
  }
  const exported = loaded[init.exportName];
  if (typeof exported !== 'function') {
    throw new TypeError(
      `Export '${init.exportName}' of '${init.module}' is ${describeValue(exported)}, not a class or a factory`,
    );
  }
  const made = isClass(exported)
    ? new (exported as new (...args: unknown[]) => unknown)(...init.args)
    : await (exported as (...args: unknown[]) => unknown)(...init.args);
  const candidate = made as Partial<DrivenEnv> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.reset !== 'function' ||
    typeof candidate.step !== 'function'
  ) {
    throw new TypeError(
      `'${init.module}:${init.exportName}' did not produce an env (an object with reset and step), got ${describeValue(made)}`,
    );
  }
  for (const property of ['actionSpace', 'observationSpace'] as const) {
    if (typeof candidate[property]?.toJSON !== 'function') {
      throw new TypeError(`The env made by '${init.module}:${init.exportName}' has no ${property} (a Space)`);
    }
  }
  env = candidate as DrivenEnv;
  return {
    actionSpace: env.actionSpace.toJSON() as ReadyValue['actionSpace'],
    observationSpace: env.observationSpace.toJSON() as ReadyValue['observationSpace'],
    metadata: structuredClone(env.metadata ?? { renderModes: [] }) as ReadyValue['metadata'],
    renderMode: env.renderMode ?? null,
    envName: env.spec?.id ?? (env as object).constructor.name,
  };
}

async function handle(request: WorkerRequest): Promise<unknown> {
  const target = env!;
  switch (request.method) {
    case 'reset':
      return request.args === undefined ? await target.reset() : await target.reset(request.args);
    case 'step':
      return await target.step(request.action);
    case 'render':
      return await target.render();
    case 'close':
      return await target.close();
    case 'call': {
      if (!(request.name in target)) throw new TypeError(`The env has no attribute '${request.name}'`);
      const value = (target as unknown as Record<string, unknown>)[request.name];
      return typeof value === 'function'
        ? await (value as (...a: unknown[]) => unknown).apply(target, request.args)
        : value;
    }
    case 'getRng':
      target.npRandom.getState(); // creates the generator if the env never had one
      return null;
    case 'setRng': {
      const generator = target.npRandom;
      generator.setState(request.state);
      target.npRandom = generator; // through the setter, so the seed reads -1 as for any assigned generator
      return null;
    }
  }
}

parentPort!.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (value) => send({ kind: 'reply', id: request.id, ok: true, value, rng: rngSnapshot()! }),
    (error: unknown) =>
      send({ kind: 'reply', id: request.id, ok: false, error: toRemote(error), rng: rngSnapshot() }),
  );
});

build().then(
  (ready) => send({ kind: 'reply', id: 0, ok: true, value: ready, rng: rngSnapshot()! }),
  (error: unknown) => send({ kind: 'reply', id: 0, ok: false, error: toRemote(error), rng: null }),
);
