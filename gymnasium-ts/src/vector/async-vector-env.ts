/**
 * `AsyncVectorEnv`: sub-envs run in worker threads (gymnasium/vector/async_vector_env.py, with threads instead of
 * processes). `numWorkers` threads each hold a contiguous group of sub-envs; a vector step sends one task per
 * thread with that group's actions and the threads step their groups in parallel.
 *
 * Why one Piscina pool per thread: a sub-env's state lives in the thread that built it, but a pool hands each
 * task to any free thread. A pool of exactly one thread always runs its tasks on that thread, and still gives
 * Piscina's task plumbing, error propagation and thread-exit detection. (A shared pool would need tasks to carry
 * the envs' state, or some routing Piscina does not offer.) Each task costs one round trip (~50-80 µs under tsx,
 * see research/node-infra-facts.md §2), so a step costs about that once per thread, not once per sub-env.
 *
 * Functions cannot cross threads, so sub-envs are given as data (`SubEnvSource`: a registered id, or a module
 * export) and built in their thread. As in Gymnasium, the first sub-env is also built once in this thread to
 * read the spaces and metadata (every sub-env, for `observationMode: 'different'`), then closed.
 *
 * Every method returns a Promise. `step` is `stepAsync` + `stepWait`; likewise `reset` and `call`. Errors:
 * a second `xxxAsync` before the wait → `AlreadyPendingCallError`; a wait without its `xxxAsync` →
 * `NoAsyncCallError`; use after `close` → `ClosedEnvironmentError`; a sub-env that throws, a thread that dies,
 * or a wait that times out → `SubEnvError` naming the sub-env, after which the vector env can only be closed.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Space } from '../spaces/space.ts';
import { warn } from '../utils/warnings.ts';
import { AutoresetMode, toAutoresetMode } from './autoreset-mode.ts';
import { assembleReset, assembleStep, type GroupResult } from './assemble.ts';
import { batchObservations, splitActions } from './batch.ts';
import { AlreadyPendingCallError, ClosedEnvironmentError, NoAsyncCallError, SubEnvError } from './errors.ts';
import { resolveResetArgs } from './reset-args.ts';
import { type ObservationMode, resolveSpaces } from './spaces.ts';
import type { GroupResetOutput, GroupStepOutput } from './sub-env-runner.ts';
import { disabledStepMessage } from './sub-env-runner.ts';
import { checkSubEnvSource, createSubEnv, type SubEnvSource } from './sub-env-source.ts';
import {
  VectorEnv,
  type VectorCloseOptions,
  type VectorInfos,
  type VectorResetArgs,
  type VectorResetResult,
  type VectorStepResult,
  valuesPerEnv,
} from './vector-env.ts';
import { VectorEnvError } from '../errors.ts';
import {
  type SpaceCheck,
  STATUS_CURRENT,
  STATUS_LAST,
  STATUS_SLOTS,
  STATUS_UNCAUGHT,
  type SubEnvErrorData,
  isUncaughtReport,
  type WorkerReply,
  type WorkerTask,
} from './worker-protocol.ts';
import { workerExecArgv } from '../utils/worker-exec-argv.ts';

const WORKER_URL = new URL('./async-worker.ts', import.meta.url);
/** How long to wait for a dying thread's report of its uncaught error. */
const DEATH_REPORT_GRACE_MS = 50;

export interface AsyncVectorEnvOptions {
  /** Worker threads to spread the sub-envs over (contiguous groups). Default: min(numEnvs, CPU count). */
  numWorkers?: number;
  /** See `SyncVectorEnvOptions.copy`. */
  copy?: boolean;
  observationMode?: ObservationMode;
  autoresetMode?: AutoresetMode;
  /**
   * Node flags for the worker threads. Default: when this module runs from TypeScript, just the preload that
   * registers tsx's ESM hooks (see utils/ts-worker-loader.mjs); otherwise this process's flags.
   */
  execArgv?: string[];
  /** Milliseconds to wait for the worker threads to build their sub-envs; default: no limit. */
  startTimeout?: number;
  /**
   * How idle worker threads wait for tasks (Piscina's `atomics`). Default `'async'`: the thread's event loop
   * keeps running between steps, so timers and callbacks a sub-env schedules run (and their errors surface)
   * as they would on the main thread. `'sync'` blocks idle threads in `Atomics.wait`: such callbacks then wait
   * until a later task, or forever.
   */
  atomics?: 'async' | 'sync' | 'disabled';
}

export interface WaitOptions {
  /** Milliseconds to wait; when they pass, the late threads are stopped and the vector env fails. */
  timeout?: number;
}

type Phase = 'reset' | 'step' | 'call' | 'setAttr' | 'close' | 'init';

interface WorkerGroup {
  index: number;
  first: number;
  count: number;
  pool: Piscina<WorkerTask, WorkerReply>;
  status: Int32Array;
  /** The thread is gone: it exited, crashed, or was stopped. */
  dead: boolean;
  /** What ended it, as precisely as known (see `deathReason`). */
  stoppedBecause: string | null;
  /** The uncaught error the thread reported as it died (the most precise account). */
  uncaught: SubEnvErrorData | null;
  /** The error Piscina reported for the thread, or null. */
  crash: unknown;
}

interface Settled {
  group: WorkerGroup;
  reply: WorkerReply | null;
  error: unknown;
}

/** Tasks sent to every worker: their results (never rejecting), abort handles, and who has answered. */
interface Dispatch {
  results: Promise<Settled[]>;
  controllers: AbortController[];
  answered: boolean[];
}

interface PendingCall extends Dispatch {
  phase: 'reset' | 'step' | 'call';
  mask: boolean[] | null;
}

export class AsyncVectorEnv<Obs = unknown, Act = unknown> extends VectorEnv<Obs, Act, 'async'> {
  readonly numEnvs: number;
  readonly numWorkers: number;
  readonly copy: boolean;
  readonly autoresetMode: AutoresetMode;
  singleObservationSpace: Space;
  singleActionSpace: Space;
  observationSpace: Space;
  actionSpace: Space;
  private readonly groups: WorkerGroup[];
  private readonly envObs: unknown[];
  private readonly episodeOver: boolean[];
  private obsBuffer: unknown = undefined;
  private pending: PendingCall | null = null;
  private failure: VectorEnvError | null = null;
  private closing: Promise<void> | null = null;

  /**
   * Starts the worker threads and builds the sub-envs in them. `sources[i]` describes sub-env i (see
   * `SubEnvSource`); each must hold only data that can be sent to a thread.
   */
  static async create<Obs = unknown, Act = unknown>(
    sources: readonly SubEnvSource[],
    options: AsyncVectorEnvOptions = {},
  ): Promise<AsyncVectorEnv<Obs, Act>> {
    if (!Array.isArray(sources)) {
      throw new TypeError(
        'AsyncVectorEnv.create needs an array of sub-env sources ({id, kwargs} or {module, ...})',
      );
    }
    if (sources.length === 0)
      throw new RangeError('AsyncVectorEnv needs at least one sub-env source, got none');
    sources.forEach((source, i) => checkSubEnvSource(source, i));
    const autoresetMode = toAutoresetMode(options.autoresetMode ?? AutoresetMode.NEXT_STEP);
    const observationMode = options.observationMode ?? 'same';
    const numWorkers = options.numWorkers ?? Math.min(sources.length, availableParallelism());
    if (!Number.isSafeInteger(numWorkers) || numWorkers < 1 || numWorkers > sources.length) {
      throw new RangeError(
        `numWorkers must be an integer from 1 to numEnvs (${sources.length}), got ${String(numWorkers)}`,
      );
    }

    // As Gymnasium does: build sub-env 0 here (all of them for 'different') to learn spaces and metadata.
    const probeCount = observationMode === 'different' ? sources.length : 1;
    const probes = [];
    for (let i = 0; i < probeCount; i++) probes.push(await createSubEnv(sources[i]!, i));
    let layout;
    try {
      const spaces = resolveSpaces(
        probes.map((env) => ({ observationSpace: env.observationSpace, actionSpace: env.actionSpace })),
        observationMode,
        'AsyncVectorEnv',
        sources.length,
      );
      layout = {
        spaces,
        metadata: { ...probes[0]!.metadata, autoresetMode },
        renderMode: probes[0]!.renderMode,
      };
    } finally {
      for (const env of probes) env.close();
    }

    const env = new AsyncVectorEnv<Obs, Act>(
      sources.length,
      numWorkers,
      autoresetMode,
      options,
      layout.spaces,
    );
    env.metadata = layout.metadata;
    env.renderMode = layout.renderMode;
    const check: SpaceCheck = {
      action: layout.spaces.singleActionSpace.toJSON(),
      observationCheck: observationMode === 'same' ? 'same' : 'equivalent',
      observation: layout.spaces.singleObservationSpace.toJSON(),
      observationSignature: {
        kind: layout.spaces.singleObservationSpace.constructor.name,
        shape: layout.spaces.singleObservationSpace.shape,
        dtype: layout.spaces.singleObservationSpace.dtype,
      },
    };
    try {
      await env.startWorkers(sources, check, options.startTimeout);
    } catch (error) {
      await env.close({ terminate: true });
      throw error;
    }
    return env;
  }

  private constructor(
    numEnvs: number,
    numWorkers: number,
    autoresetMode: AutoresetMode,
    options: AsyncVectorEnvOptions,
    spaces: ReturnType<typeof resolveSpaces>,
  ) {
    super();
    this.numEnvs = numEnvs;
    this.numWorkers = numWorkers;
    this.autoresetMode = autoresetMode;
    this.copy = options.copy ?? true;
    this.singleObservationSpace = spaces.singleObservationSpace;
    this.observationSpace = spaces.observationSpace;
    this.singleActionSpace = spaces.singleActionSpace;
    this.actionSpace = spaces.actionSpace;
    this.envObs = new Array<unknown>(numEnvs).fill(undefined);
    this.episodeOver = new Array<boolean>(numEnvs).fill(false);
    const execArgv = options.execArgv ?? workerExecArgv(WORKER_URL);
    this.groups = [];
    let first = 0;
    for (let w = 0; w < numWorkers; w++) {
      // Contiguous groups whose sizes differ by at most one.
      const count = Math.floor(numEnvs / numWorkers) + (w < numEnvs % numWorkers ? 1 : 0);
      this.groups.push(this.startGroup(w, first, count, execArgv, options.atomics ?? 'async'));
      first += count;
    }
  }

  private startGroup(
    index: number,
    first: number,
    count: number,
    execArgv: string[] | undefined,
    atomics: 'async' | 'sync' | 'disabled',
  ): WorkerGroup {
    const pool = new Piscina<WorkerTask, WorkerReply>({
      filename: WORKER_URL.href,
      minThreads: 1,
      maxThreads: 1,
      concurrentTasksPerWorker: 1,
      idleTimeout: Infinity,
      atomics,
      ...(execArgv === undefined ? {} : { execArgv }),
    });
    const group: WorkerGroup = {
      index,
      first,
      count,
      pool,
      status: new Int32Array(new SharedArrayBuffer(STATUS_SLOTS * Int32Array.BYTES_PER_ELEMENT)).fill(-1),
      dead: false,
      stoppedBecause: null,
      uncaught: null,
      crash: null,
    };
    // An uncaught error in an idle thread arrives here (Piscina emits it when no task is running to reject),
    // e.g. from a callback a sub-env scheduled that ran after the thread had answered.
    pool.on('error', (error: unknown) => {
      group.dead = true;
      group.crash ??= error;
    });
    pool.on('message', (message: unknown) => {
      if (isUncaughtReport(message)) {
        group.dead = true;
        group.uncaught ??= message.lamgymUncaught;
      }
    });
    pool.on('workerDestroy', () => {
      if (this.closing === null) group.dead = true;
    });
    return group;
  }

  private async startWorkers(
    sources: readonly SubEnvSource[],
    spaces: SpaceCheck,
    timeout: number | undefined,
  ): Promise<void> {
    const sent = this.dispatch((group) => ({
      kind: 'init',
      firstIndex: group.first,
      sources: sources.slice(group.first, group.first + group.count) as SubEnvSource[],
      autoresetMode: this.autoresetMode,
      status: group.status.buffer as SharedArrayBuffer,
      spaces,
    }));
    await this.collect(sent, 'init', timeout);
  }

  // ---- the call state machine ----

  private checkUsable(method: string): void {
    if (this.closed || this.closing !== null) {
      throw new ClosedEnvironmentError(
        `Trying to operate on AsyncVectorEnv (${method}) after a call to close()`,
      );
    }
    if (this.failure !== null) {
      throw new VectorEnvError(
        `AsyncVectorEnv.${method}: this vector env failed earlier and can only be closed. The failure: ${this.failure.message}`,
      );
    }
  }

  private checkNotPending(method: string): void {
    this.checkUsable(method);
    if (this.pending !== null) {
      throw new AlreadyPendingCallError(
        `Calling ${method} while waiting for a pending call to ${this.pending.phase} to complete ` +
          `(call ${this.pending.phase}Wait first)`,
      );
    }
  }

  private takePending(phase: PendingCall['phase'], method: string): PendingCall {
    this.checkUsable(method);
    const pending = this.pending;
    if (pending === null || pending.phase !== phase) {
      const hint =
        pending === null ? '' : ` (the pending call is ${pending.phase}; call ${pending.phase}Wait)`;
      throw new NoAsyncCallError(`Calling ${method} without any prior call to ${phase}Async${hint}`);
    }
    this.pending = null;
    return pending;
  }

  /** Sends one task per worker; the results never reject (failures are data). */
  private dispatch(makeTask: (group: WorkerGroup) => WorkerTask): Dispatch {
    const controllers: AbortController[] = [];
    const answered = this.groups.map(() => false);
    const results = Promise.all(
      this.groups.map(async (group, w): Promise<Settled> => {
        let settled: Settled;
        if (group.dead) {
          settled = { group, reply: null, error: null };
        } else {
          const controller = new AbortController();
          controllers.push(controller);
          try {
            settled = {
              group,
              reply: await group.pool.run(makeTask(group), { signal: controller.signal }),
              error: null,
            };
          } catch (error) {
            settled = { group, reply: null, error };
          }
        }
        answered[w] = true;
        return settled;
      }),
    );
    return { results, controllers, answered };
  }

  /** Waits for `sent` (at most `timeout` ms) and returns the replies in group order, or throws a SubEnvError. */
  private async collect(sent: Dispatch, phase: Phase, timeout: number | undefined): Promise<WorkerReply[]> {
    if (timeout !== undefined && !(typeof timeout === 'number' && timeout >= 0)) {
      throw new RangeError(`timeout must be a non-negative number of milliseconds, got ${String(timeout)}`);
    }
    const results = await waitAtMost(sent.results, timeout);
    if (results === null) throw this.fail(this.timeoutError(phase, timeout!, sent));
    if (results.some((r) => r.reply === null || (!r.reply.ok && r.reply.error.threadRestarted))) {
      // A thread died: give its last report (posted as it died, on another channel) time to arrive.
      await new Promise((resolve) => setTimeout(resolve, DEATH_REPORT_GRACE_MS));
    }
    const failures = results.map((r) => this.failureOf(r, phase)).filter((e): e is SubEnvError => e !== null);
    if (failures.length > 0) {
      const first = failures.reduce((a, b) => (b.envIndex < a.envIndex ? b : a));
      if (failures.length > 1) first.message += ` (${failures.length - 1} other worker(s) failed too)`;
      throw this.fail(first);
    }
    return results.map((r) => r.reply!);
  }

  private fail(error: VectorEnvError): VectorEnvError {
    this.failure ??= error;
    return error;
  }

  /**
   * The error for one worker's settled task, or null when it succeeded. A dead thread's message reads
   * `worker W (sub-envs A-B) died during PHASE while sub-env I was running: REASON`: which thread and sub-envs
   * are lost, which sub-env (most likely) killed it, and why.
   */
  private failureOf({ group, reply, error }: Settled, phase: Phase): SubEnvError | null {
    if (reply !== null) {
      if (reply.ok) return null;
      if (!reply.error.threadRestarted) return subEnvFailure(reply.error, group, phase);
    }
    group.dead = true;
    if (error !== null) group.crash ??= error;
    const culprit = culpritOf(group);
    const what = error !== null ? `died during ${phase}` : `is dead (it died earlier) and cannot ${phase}`;
    return new SubEnvError(
      `${groupLabel(group)} ${what}${culprit.text}: ${deathReason(group)}`,
      culprit.index,
      group.index,
      group.uncaught !== null ? rebuildError(group.uncaught) : (group.crash ?? undefined),
    );
  }

  private timeoutError(phase: Phase, timeout: number, sent: Dispatch): SubEnvError {
    const late = this.groups.filter((_, w) => !sent.answered[w]);
    const running = late.map((g) => Atomics.load(g.status, STATUS_CURRENT));
    // Stop the late threads: their sub-envs are in an unknown state.
    for (const controller of sent.controllers) controller.abort();
    for (const g of this.groups) {
      g.dead = true;
      g.stoppedBecause ??= `the vector env was stopped after ${phase} timed out`;
    }
    const details = late.map(
      (g, k) => `${groupLabel(g)}${running[k]! >= 0 ? ` (sub-env ${running[k]} was running)` : ''}`,
    );
    const group = late[0] ?? this.groups[0]!;
    return new SubEnvError(
      `${phase}Wait timed out after ${timeout} ms: ${details.join(', ')} did not answer; the worker threads were stopped`,
      running[0] ?? -1,
      group.index,
    );
  }

  // ---- reset ----

  /** Starts resetting the sub-envs (see `VectorResetArgs`); `resetWait` returns the result. */
  resetAsync(args?: VectorResetArgs): void {
    this.checkNotPending('resetAsync');
    const { seeds, options, mask } = resolveResetArgs(this.numEnvs, args);
    const sent = this.dispatch((g) => ({
      kind: 'reset',
      seeds: seeds.slice(g.first, g.first + g.count),
      options,
      mask: mask === null ? null : mask.slice(g.first, g.first + g.count),
    }));
    this.pending = { phase: 'reset', ...sent, mask };
  }

  async resetWait(options: WaitOptions = {}): Promise<VectorResetResult<Obs>> {
    const pending = this.takePending('reset', 'resetWait');
    const replies = await this.collect(pending, 'reset', options.timeout);
    const groups = replies.map((reply, w) => ({
      first: this.groups[w]!.first,
      out: (reply as { out: GroupResetOutput }).out,
    }));
    const infos = assembleReset(this.numEnvs, groups, this.envObs);
    for (let i = 0; i < this.numEnvs; i++)
      if (pending.mask === null || pending.mask[i]) this.episodeOver[i] = false;
    return [this.batch(), infos];
  }

  async reset(args?: VectorResetArgs): Promise<VectorResetResult<Obs>> {
    this.resetAsync(args);
    return this.resetWait();
  }

  // ---- step ----

  /** Sends each worker its group's actions; `stepWait` returns the result. */
  stepAsync(actions: Act): void {
    this.checkNotPending('stepAsync');
    const perEnv = splitActions(this.actionSpace, actions, this.numEnvs);
    if (this.autoresetMode === AutoresetMode.DISABLED) {
      const blocked = this.episodeOver.indexOf(true);
      if (blocked !== -1) throw new VectorEnvError(disabledStepMessage(blocked));
    }
    const sent = this.dispatch((g) => ({
      kind: 'step',
      actions: perEnv.slice(g.first, g.first + g.count).map(compactView),
    }));
    this.pending = { phase: 'step', ...sent, mask: null };
  }

  async stepWait(options: WaitOptions = {}): Promise<VectorStepResult<Obs>> {
    const pending = this.takePending('step', 'stepWait');
    const replies = await this.collect(pending, 'step', options.timeout);
    const groups: GroupResult<GroupStepOutput>[] = replies.map((reply, w) => ({
      first: this.groups[w]!.first,
      out: (reply as { out: GroupStepOutput }).out,
    }));
    const { rewards, terminations, truncations, infos } = assembleStep(this.numEnvs, groups, this.envObs);
    for (let i = 0; i < this.numEnvs; i++)
      this.episodeOver[i] = terminations[i] === 1 || truncations[i] === 1;
    return [this.batch(), rewards, terminations, truncations, infos];
  }

  async step(actions: Act): Promise<VectorStepResult<Obs>> {
    this.stepAsync(actions);
    return this.stepWait();
  }

  private batch(): Obs {
    const [batch, buffer] = batchObservations(
      this.singleObservationSpace,
      this.envObs,
      this.obsBuffer,
      this.copy,
    );
    this.obsBuffer = buffer;
    return batch as Obs;
  }

  // ---- call, attributes, render ----

  /** Starts calling method `name` with `args` on every sub-env; `callWait` returns the results. */
  callAsync(name: string, ...args: unknown[]): void {
    this.checkNotPending('callAsync');
    if (typeof name !== 'string') throw new TypeError(`call: name must be a string, got ${typeof name}`);
    checkSendable(args, `call('${name}') arguments`);
    this.pending = { phase: 'call', ...this.dispatch(() => ({ kind: 'call', name, args })), mask: null };
  }

  async callWait(options: WaitOptions = {}): Promise<unknown[]> {
    const pending = this.takePending('call', 'callWait');
    const replies = await this.collect(pending, 'call', options.timeout);
    return replies.flatMap((reply) => (reply as { results: unknown[] }).results);
  }

  async call(name: string, ...args: unknown[]): Promise<unknown[]> {
    this.callAsync(name, ...args);
    return this.callWait();
  }

  async getAttr(name: string): Promise<unknown[]> {
    return this.call(name);
  }

  async setAttr(name: string, values: unknown): Promise<void> {
    this.checkNotPending('setAttr');
    const perEnv = valuesPerEnv(name, values, this.numEnvs);
    checkSendable(perEnv, `setAttr('${name}') values`);
    const sent = this.dispatch((g) => ({
      kind: 'setAttr',
      name,
      values: perEnv.slice(g.first, g.first + g.count),
    }));
    await this.collect(sent, 'setAttr', undefined);
  }

  async render(): Promise<unknown[]> {
    return this.call('render');
  }

  // ---- close ----

  /**
   * Closes the sub-envs and stops the threads. A pending call is waited for first (at most `timeout` ms) unless
   * `terminate` is true, which stops the threads at once without closing the sub-envs. Safe to call again.
   */
  close(options: VectorCloseOptions = {}): Promise<void> {
    if (this.closing !== null) return this.closing;
    this.closing = this.closeWorkers(options);
    return this.closing;
  }

  private async closeWorkers({ terminate = false, timeout }: VectorCloseOptions): Promise<void> {
    const failures: SubEnvErrorData[] = [];
    try {
      if (!terminate) {
        if (this.pending !== null) {
          warn(`Calling close while waiting for a pending call to ${this.pending.phase} to complete.`);
          await waitAtMost(this.pending.results, timeout);
          this.pending = null;
        }
        const replies = await waitAtMost(this.dispatch(() => ({ kind: 'close' })).results, timeout);
        for (const settled of replies ?? []) {
          if (settled.reply?.ok === true && settled.reply.kind === 'close')
            failures.push(...settled.reply.failures);
        }
      }
    } finally {
      this.pending = null;
      await Promise.all(this.groups.map((g) => g.pool.destroy().catch(() => undefined)));
      this.closed = true;
    }
    if (failures.length > 0) {
      const first = failures[0]!;
      const group = this.groups.find((g) => first.envIndex >= g.first && first.envIndex < g.first + g.count)!;
      throw subEnvFailure(first, group, 'close');
    }
  }
}

function groupLabel(group: WorkerGroup): string {
  const last = group.first + group.count - 1;
  return `worker ${group.index} (sub-env${group.count > 1 ? `s ${group.first}-${last}` : ` ${group.first}`})`;
}

/** What ended a group's thread, from the most precise account available. */
function deathReason(group: WorkerGroup): string {
  const uncaught = group.uncaught;
  if (uncaught !== null) {
    const reason = `uncaught ${uncaught.name}: ${uncaught.message}`;
    if (uncaught.unsendable === undefined) return reason + cloneHint(uncaught.name);
    return (
      `${reason.replace(/\.$/, '')}. Sub-env ${uncaught.envIndex} returned a value that cannot be sent between ` +
      `threads (${uncaught.unsendable}); observations and infos must be data structuredClone accepts (plain ` +
      'objects, arrays, typed arrays; no functions)'
    );
  }
  if (group.stoppedBecause !== null) return group.stoppedBecause;
  if (group.crash !== null) return describeError(group.crash) + cloneHint(describeError(group.crash));
  return 'its thread exited without reporting an error';
}

function cloneHint(errorText: string): string {
  return errorText.includes('DataCloneError')
    ? '. A value its sub-envs returned (an observation or an info entry) cannot be sent between threads'
    : '';
}

/** Which sub-env most likely killed a group's thread, and how to say it. */
function culpritOf(group: WorkerGroup): { index: number; text: string } {
  const unsendable = group.uncaught?.unsendable;
  if (unsendable !== undefined) {
    const index = group.uncaught!.envIndex;
    return { index, text: ` while sending sub-env ${index}'s result to the main thread` };
  }
  const uncaught = Atomics.load(group.status, STATUS_UNCAUGHT);
  if (uncaught >= 0)
    return { index: uncaught, text: ` while running a callback that sub-env ${uncaught} scheduled` };
  const current = Atomics.load(group.status, STATUS_CURRENT);
  if (current >= 0) return { index: current, text: ` while sub-env ${current} was running` };
  const last = Atomics.load(group.status, STATUS_LAST);
  if (last >= 0)
    return { index: last, text: ` between sub-env calls (the last one called was sub-env ${last})` };
  return { index: -1, text: '' };
}

/** The error a worker reported, rebuilt with its name, message and stack. */
function rebuildError(data: SubEnvErrorData): Error {
  const original = new Error(data.message);
  original.name = data.name;
  if (data.stack !== null) original.stack = data.stack;
  return original;
}

function subEnvFailure(data: SubEnvErrorData, group: WorkerGroup, phase: Phase): SubEnvError {
  const original = rebuildError(data);
  const who = data.envIndex >= 0 ? `sub-env ${data.envIndex} (worker ${group.index})` : groupLabel(group);
  return new SubEnvError(
    `${who} raised ${data.name} during ${phase}: ${data.message}`,
    data.envIndex,
    group.index,
    original,
  );
}

function describeError(error: unknown): string {
  // Errors from a dead thread may arrive as plain objects (a DOMException loses its class crossing threads).
  if (typeof error === 'object' && error !== null && typeof (error as Error).message === 'string') {
    const { name, message } = error as Error;
    return `${typeof name === 'string' ? name : 'Error'}: ${message}`;
  }
  return String(error);
}

async function waitAtMost<T>(promise: Promise<T>, timeout: number | undefined): Promise<T | null> {
  if (timeout === undefined) return promise;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeout);
  });
  const result = await Promise.race([promise, expired]);
  clearTimeout(timer);
  return result;
}

function checkSendable(value: unknown, what: string): void {
  try {
    structuredClone(value);
  } catch (error) {
    throw new TypeError(`${what} cannot be sent to the worker threads: ${(error as Error).message}`);
  }
}

/** A typed-array view copied to its own buffer, so sending it does not copy the whole batch it views. */
function compactView(value: unknown): unknown {
  if (
    ArrayBuffer.isView(value) &&
    !(value instanceof DataView) &&
    value.byteLength !== value.buffer.byteLength
  ) {
    return (value as unknown as { slice(): unknown }).slice();
  }
  return value;
}

export type { VectorInfos };
