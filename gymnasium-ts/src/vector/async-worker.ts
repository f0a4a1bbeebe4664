/**
 * The worker-thread side of `AsyncVectorEnv` (a Piscina worker module). Each thread belongs to a pool of
 * exactly one thread, so the sub-envs it builds at `init` stay here and every later task of that pool reaches
 * them. Errors from sub-envs are caught and sent back as data naming the sub-env; a shared status array tells
 * the main thread which sub-env was running if this thread dies outright (process.exit, uncaught error).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { parentPort } from 'node:worker_threads';
import type { Env } from '../core.ts';
import { isSpaceDtypeShapeEquiv } from '../spaces/batching.ts';
import { spaceFromJSON } from '../spaces/json.ts';
import type { Space } from '../spaces/space.ts';
import { dataEquivalence } from '../utils/data-equivalence.ts';
import { SubEnvRunner } from './sub-env-runner.ts';
import { createSubEnv } from './sub-env-source.ts';
import {
  type SpaceCheck,
  STATUS_CURRENT,
  STATUS_LAST,
  STATUS_UNCAUGHT,
  type SubEnvErrorData,
  type UncaughtReport,
  type WorkerReply,
  type WorkerTask,
} from './worker-protocol.ts';

let runner: SubEnvRunner | null = null;
let status: Int32Array | null = null;

// Each call into a sub-env runs in an async context holding its index: an uncaught error thrown later by a
// callback it scheduled (a timer, process.nextTick) still carries that index, recorded here before the thread dies.
const callingEnv = new AsyncLocalStorage<number>();
process.on('uncaughtExceptionMonitor', (error) => {
  let index = callingEnv.getStore() ?? -1;
  if (status !== null && index >= 0) Atomics.store(status, STATUS_UNCAUGHT, index);
  // Piscina posts a task's reply after the handler returned: a value that cannot be cloned fails there, outside
  // any sub-env call. Find the sub-env and the value in the reply that was being sent.
  const unsendable =
    (error as { name?: unknown } | null)?.name === 'DataCloneError' ? findUnsendable(lastReply) : null;
  if (unsendable !== null) index = unsendable.envIndex;
  const data = errorData(error, index);
  if (unsendable !== null) data.unsendable = unsendable.what;
  const report: UncaughtReport = { lamgymUncaught: data };
  parentPort?.postMessage(report);
});

/** The reply being sent back (kept to explain a DataCloneError). */
let lastReply: WorkerReply | null = null;

function enter(index: number): void {
  if (status === null) return;
  Atomics.store(status, STATUS_CURRENT, index);
  if (index >= 0) Atomics.store(status, STATUS_LAST, index);
}

export default async function handleTask(task: WorkerTask): Promise<WorkerReply> {
  lastReply = await runTask(task);
  return lastReply;
}

async function runTask(task: WorkerTask): Promise<WorkerReply> {
  try {
    if (task.kind === 'init') return await init(task);
    if (runner === null) {
      // A replacement thread that Piscina started after the group's thread died: it holds no sub-envs.
      const message = 'this thread holds no sub-envs: it replaced a thread that died';
      return {
        ok: false,
        error: { envIndex: -1, name: 'Error', message, stack: null, threadRestarted: true },
      };
    }
    switch (task.kind) {
      case 'reset':
        return { ok: true, kind: 'reset', out: runner.reset(task.seeds, task.options, task.mask) };
      case 'step':
        return { ok: true, kind: 'step', out: runner.step(task.actions) };
      case 'call':
        return {
          ok: true,
          kind: 'call',
          results: await sendable(runner.callAll(task.name, task.args), task.name),
        };
      case 'setAttr':
        runner.setAll(task.name, task.values);
        return { ok: true, kind: 'setAttr' };
      case 'close':
        return {
          ok: true,
          kind: 'close',
          failures: runner.closeAll().map((f) => errorData(f.error, f.index)),
        };
    }
  } catch (error) {
    const index = runner?.current ?? -1;
    if (runner !== null) runner.current = -1;
    enter(-1);
    return { ok: false, error: errorData(error, index) };
  }
}

async function init(task: Extract<WorkerTask, { kind: 'init' }>): Promise<WorkerReply> {
  status = new Int32Array(task.status);
  const envs: Env[] = [];
  for (let k = 0; k < task.sources.length; k++) {
    const index = task.firstIndex + k;
    enter(index);
    try {
      const env = await callingEnv.run(index, () => createSubEnv(task.sources[k]!, index));
      envs.push(env);
      checkSpaces(env, task.spaces, index);
    } catch (error) {
      for (const env of envs) {
        try {
          env.close();
        } catch {
          // Already failing: the creation error is the one to report.
        }
      }
      enter(-1);
      return { ok: false, error: errorData(error, index) };
    }
  }
  enter(-1);
  runner = new SubEnvRunner(envs, task.firstIndex, task.autoresetMode);
  runner.onEnter = enter;
  runner.scope = (index, call) => callingEnv.run(index, call);
  return { ok: true, kind: 'init' };
}

function checkSpaces(env: Env, check: SpaceCheck, index: number): void {
  if (!dataEquivalence(env.actionSpace.toJSON(), check.action, { exact: true })) {
    throw new TypeError(
      `sub-env ${index}'s actionSpace ${String(env.actionSpace)} differs from sub-env 0's; every sub-env needs ` +
        'the same action space',
    );
  }
  const obs = env.observationSpace;
  if (check.observationCheck === 'same') {
    if (!dataEquivalence(obs.toJSON(), check.observation, { exact: true })) {
      throw new TypeError(
        `observationMode 'same': sub-env ${index}'s observationSpace ${String(obs)} differs from ` +
          "singleObservationSpace. If this is intended, use observationMode 'different'.",
      );
    }
  } else {
    if (!observationEquivalent(obs, check)) {
      const sig = check.observationSignature;
      throw new TypeError(
        `sub-env ${index}'s observationSpace ${String(obs)} does not share kind, shape and dtype with ` +
          `singleObservationSpace (${sig.kind}, shape ${JSON.stringify(sig.shape)}, dtype ${String(sig.dtype)})`,
      );
    }
  }
}

/**
 * Gymnasium's `is_space_dtype_shape_equiv` against the main thread's single observation space, rebuilt from its
 * JSON; a space type this thread cannot rebuild (a custom space not registered here) is compared by kind, shape
 * and dtype only.
 */
function observationEquivalent(obs: Space, check: SpaceCheck): boolean {
  let single: Space | null = null;
  try {
    single = spaceFromJSON(check.observation);
  } catch {
    single = null;
  }
  if (single !== null) return isSpaceDtypeShapeEquiv(obs, single);
  const sig = check.observationSignature;
  return (
    obs.constructor.name === sig.kind &&
    obs.dtype === sig.dtype &&
    JSON.stringify(obs.shape) === JSON.stringify(sig.shape)
  );
}

/** Awaits Promise results (async methods) and checks each can be sent back to the main thread. */
async function sendable(results: unknown[], name: string): Promise<unknown[]> {
  const settled = await Promise.all(results);
  settled.forEach((value, k) => {
    try {
      structuredClone(value);
    } catch (error) {
      runner!.current = runner!.firstIndex + k;
      throw new TypeError(
        `call('${name}') on sub-env ${runner!.current} returned a value that cannot be sent between threads: ` +
          (error as Error).message,
      );
    }
  });
  return settled;
}

function errorData(error: unknown, envIndex: number): SubEnvErrorData {
  if (error instanceof Error || error instanceof DOMException) {
    return { envIndex, name: error.name, message: error.message, stack: error.stack ?? null };
  }
  return { envIndex, name: 'Error', message: `non-Error value thrown: ${String(error)}`, stack: null };
}

/**
 * The first value in `reply` that `structuredClone` rejects: the sub-env it came from and where it sits (e.g.
 * "its step info key 'nested.callback'"), or null.
 */
function findUnsendable(reply: WorkerReply | null): { envIndex: number; what: string } | null {
  if (reply === null || !reply.ok || runner === null) return null;
  const first = runner.firstIndex;
  if (reply.kind === 'step' || reply.kind === 'reset') {
    const { observations, infos } = reply.out;
    for (let k = 0; k < observations.length; k++) {
      if (!cloneable(observations[k])) return { envIndex: first + k, what: `its ${reply.kind} observation` };
      const entries: unknown[] = reply.kind === 'step' ? (infos[k] as unknown[]) : [infos[k]];
      for (const info of entries) {
        if (cloneable(info)) continue;
        const path = unsendablePath(info, '');
        const where = path === null ? 'info' : `info key '${path}'`;
        return { envIndex: first + k, what: `its ${reply.kind} ${where}` };
      }
    }
  }
  return null;
}

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** The dotted path of the first value in a plain object that cannot be cloned, or null. */
function unsendablePath(value: unknown, path: string): string | null {
  if (cloneable(value)) return null;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, inner] of Object.entries(value)) {
      const found = unsendablePath(inner, path === '' ? key : `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return path === '' ? null : path;
}
