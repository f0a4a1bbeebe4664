/**
 * `OfficeEnv`: one simulated Office app as a gymnasium-ts `Env`. `reset` opens a fresh document for a task;
 * `step` takes a LAM action (an `OfficeAction`, or the LAM's raw answer text, parsed by answer.ts) and runs it
 * as UFO's AppAgent would. The observation is what the AppAgent shows the model (observation.ts).
 *
 * Returns of `step`:
 * - reward: 0 unless a `reward` hook is given (rewards come from reward functions over trajectories).
 * - terminated: the agent answered with status FINISH or FAIL (the action of that step still runs).
 * - truncated: `maxSteps` steps were taken without terminating (UFO dataflow's MAX_STEPS is 30).
 * - info: `error` (why the step did nothing), `result` (what the function returned), `warnings`, `command` (the
 *   call as UFO logs it), `status`, `control` (the labelled control acted on), `changed` (the document changed),
 *   `repairs` (what the answer parser fixed), `step`.
 *
 * Invalid input never throws: an unknown label, a hidden control, bad arguments or unreadable answer text leave
 * the document and the UI unchanged, and come back as `info.error` and the next observation's `last_error`.
 */
import { Env, type Info, type ResetArgs, type StepResult } from 'gymnasium-ts';
import type { OfficeAction } from './actions.ts';
import { parseAnswer } from './answer.ts';
import { sampleValidAction } from './sampler.ts';
import type { OfficeApp } from './app.ts';
import { dispatch, type ControlTextCheck, type DispatchOptions, type DispatchResult } from './dispatch.ts';
import type { ActionRecord, OfficeObservation } from './observation.ts';
import { Session } from './session.ts';
import { OfficeActionSpace, OfficeObservationSpace, actionProblem } from './spaces.ts';
import { controlStateTree, type View } from './view.ts';
import type { ControlStateNode } from './controls.ts';

/** What a reward hook sees after each step. */
export interface OfficeStepContext<S> {
  readonly env: OfficeEnv<S>;
  /** The action as run (null when the answer text could not be read). */
  readonly action: OfficeAction | null;
  readonly record: ActionRecord;
  readonly terminated: boolean;
  readonly truncated: boolean;
}

export interface OfficeEnvOptions<S> {
  /** The request used when `reset` gets no task. */
  request?: string;
  /** The template used when `reset` gets none (passed to `app.createState`). */
  template?: unknown;
  /** Steps before truncation (default 30, UFO dataflow's MAX_STEPS). */
  maxSteps?: number;
  /** Undo levels kept (default 100). */
  undoLimit?: number;
  /** What a `control_text` that disagrees with the labelled control does (default `warn`). */
  controlTextCheck?: ControlTextCheck;
  /** Read `{VK_CONTROL}c` as Ctrl+C, as UFO's prompt documents (default false: Windows' behaviour). */
  stickyVkModifiers?: boolean;
  /** How many previous actions the observation keeps (default: all of the episode). */
  historyLength?: number;
  /** A per-step reward (default 0). */
  reward?: (ctx: OfficeStepContext<S>) => number;
  /** `ansi` renders the window title and the control list as text. */
  renderMode?: 'ansi' | null;
}

/** The outcome of an action that could not be read (nothing ran). */
function failed(error: string): DispatchResult {
  return { error, warnings: [], command: '', control: null, changed: false };
}

/** A task given to `reset({options: {task}})`: the request text, or a task record. */
export type OfficeTaskInput =
  | string
  | {
      instantiated_request?: string;
      request?: string;
      task?: string;
      template?: unknown;
    };

function readTask(task: unknown): { request?: string; template?: unknown } {
  if (task === undefined || task === null) return {};
  if (typeof task === 'string') return { request: task };
  if (typeof task !== 'object' || Array.isArray(task)) {
    throw new TypeError(`reset options.task must be a request string or a task record, got ${typeof task}`);
  }
  const t = task as Record<string, unknown>;
  const request = [t.instantiated_request, t.request, t.task].find((r) => typeof r === 'string') as
    string | undefined;
  const out: { request?: string; template?: unknown } = {};
  if (request !== undefined) out.request = request;
  if (t.template !== undefined) out.template = t.template;
  return out;
}

export class OfficeEnv<S> extends Env<OfficeObservation, OfficeAction | string> {
  readonly app: OfficeApp<S>;
  readonly observationSpace: OfficeObservationSpace;
  readonly actionSpace: OfficeActionSpace;
  readonly options: Readonly<OfficeEnvOptions<S>>;
  readonly maxSteps: number;

  private _session: Session<S> | null = null;
  private _request = '';
  private _template: unknown = undefined;
  private records: ActionRecord[] = [];
  private lastError: string | null = null;
  private done = false;
  private canvasCache: { version: number; state: S; canvas: unknown } | null = null;
  private readonly dispatchOptions: Readonly<Required<DispatchOptions>>;

  constructor(app: OfficeApp<S>, options: OfficeEnvOptions<S> = {}) {
    super();
    this.app = app;
    this.options = { ...options };
    this.maxSteps = options.maxSteps ?? 30;
    this.dispatchOptions = {
      controlTextCheck: options.controlTextCheck ?? 'warn',
      stickyVkModifiers: options.stickyVkModifiers ?? false,
    };
    if (!Number.isInteger(this.maxSteps) || this.maxSteps < 1) {
      throw new RangeError(`OfficeEnv: maxSteps must be a positive integer, got ${String(options.maxSteps)}`);
    }
    this.observationSpace = new OfficeObservationSpace(app.name);
    this.actionSpace = new OfficeActionSpace({ apis: Object.keys(app.apis ?? {}) });
    this.metadata = { renderModes: ['ansi'], renderFps: 1 };
    this.renderMode = options.renderMode ?? null;
  }

  /** The running app instance (document, UI state, undo history). Throws before the first `reset`. */
  get session(): Session<S> {
    if (this._session === null) throw new Error('OfficeEnv: call reset() before using the session');
    return this._session;
  }

  /** The current document state. */
  get state(): S {
    return this.session.state;
  }

  /** The document as it was when the episode started. */
  get initialState(): S {
    return this.session.initialState ?? this.session.state;
  }

  get request(): string {
    return this._request;
  }

  get template(): unknown {
    return this._template;
  }

  /** Steps taken in this episode. */
  get stepCount(): number {
    return this.records.length;
  }

  /** The episode's step records (what `previous_actions` shows, unabridged). */
  get actionRecords(): readonly ActionRecord[] {
    return this.records;
  }

  /** The `summary(text)` answers given in this episode. */
  get answers(): readonly string[] {
    return this.session.answers;
  }

  /** What is on screen now. */
  view(): View<S> {
    return this.session.view();
  }

  /** UFO's control-state tree of the visible UI (paper Appendix B.2). */
  controlStateTree(): ControlStateNode {
    return controlStateTree(this.session.view());
  }

  override reset(args?: ResetArgs): [OfficeObservation, Info] {
    super.reset(args);
    const options = (args?.options ?? {}) as Record<string, unknown>;
    const task = readTask(options.task);
    const request =
      typeof options.request === 'string' ? options.request : (task.request ?? this.options.request ?? '');
    const template =
      options.template !== undefined
        ? options.template
        : task.template !== undefined
          ? task.template
          : this.options.template;
    if (this._session === null) {
      const sessionOptions =
        this.options.undoLimit === undefined ? {} : { undoLimit: this.options.undoLimit };
      this._session = new Session(this.app, this.npRandom, sessionOptions);
    }
    this._session.reset(template, this.npRandom);
    this._request = request;
    this._template = template;
    this.records = [];
    this.lastError = null;
    this.done = false;
    this.canvasCache = null;
    return [this.observe(), { request, app: this.app.name }];
  }

  override step(action: OfficeAction | string): StepResult<OfficeObservation> {
    if (this._session === null) throw new Error('OfficeEnv: call reset() before step()');
    if (this.done)
      throw new Error('OfficeEnv: the episode is over (terminated or truncated); call reset() first');
    const stepNo = this.records.length + 1;
    const { parsed, repairs, outcome: out } = this.run(action);
    const record: ActionRecord = {
      step: stepNo,
      thought: parsed?.thought ?? '',
      control_label: out.control?.label ?? parsed?.control_label ?? '',
      control_text: out.control?.control_text ?? parsed?.control_text ?? '',
      function: parsed?.function ?? '',
      args: parsed?.args ?? {},
      command: out.command,
      status: parsed?.status ?? null,
      plan: parsed?.plan ?? [],
      result: out.result === undefined ? null : out.result,
      error: out.error ?? null,
    };
    this.records.push(record);
    this.lastError = record.error;
    const terminated = parsed !== null && (parsed.status === 'FINISH' || parsed.status === 'FAIL');
    const truncated = !terminated && stepNo >= this.maxSteps;
    this.done = terminated || truncated;
    const reward = this.options.reward?.({ env: this, action: parsed, record, terminated, truncated }) ?? 0;

    const info: Info = {
      step: stepNo,
      command: out.command,
      status: record.status,
      control: out.control,
      changed: out.changed,
    };
    if (out.error !== undefined) info.error = out.error;
    if (out.result !== undefined) info.result = out.result;
    if (out.warnings.length > 0) info.warnings = out.warnings;
    if (repairs.length > 0) info.repairs = repairs;
    return [this.observe(), reward, terminated, truncated, info];
  }

  /** Reads the action (parsing answer text) and runs it; never throws for anything the caller passes. */
  private run(action: unknown): { parsed: OfficeAction | null; repairs: string[]; outcome: DispatchResult } {
    let parsed: OfficeAction | null = null;
    let repairs: string[] = [];
    try {
      if (typeof action === 'string') {
        const answer = parseAnswer(action);
        repairs = answer.repairs;
        if (!answer.ok)
          return { parsed, repairs, outcome: failed(`cannot read the answer: ${answer.error}`) };
        parsed = answer.action;
      } else {
        const problem = actionProblem(action);
        if (problem !== null) return { parsed, repairs, outcome: failed(problem) };
        const a = action as Partial<OfficeAction> & { function: string };
        parsed = {
          thought: a.thought ?? '',
          control_label: a.control_label ?? '',
          control_text: a.control_text ?? '',
          function: a.function,
          args: a.args ?? {},
          status: a.status ?? 'CONTINUE',
          plan: a.plan ?? [],
        };
      }
      const outcome = dispatch(this.session, parsed, this.dispatchOptions);
      return { parsed, repairs, outcome };
    } catch (error) {
      // dispatch rolls its own transaction back; this only guards reading odd inputs (getters, cycles, BigInt).
      return {
        parsed,
        repairs,
        outcome: failed(
          `internal error reading the action: ${error instanceof Error ? error.message : String(error)}`,
        ),
      };
    }
  }

  /** A random action the current screen accepts (see sampler.ts), drawn from the env's generator. */
  sampleValidAction(): OfficeAction {
    return sampleValidAction(this.session, this.npRandom);
  }

  /** The observation of the current screen (also what `reset` and `step` return). */
  observe(): OfficeObservation {
    const session = this.session;
    const view = session.markObserved();
    const limit = this.options.historyLength;
    const records = limit === undefined ? this.records.slice() : limit <= 0 ? [] : this.records.slice(-limit);
    const last = this.records[this.records.length - 1];
    const root = view.entries[0];
    return {
      request: this._request,
      app: this.app.name,
      window: root?.text ?? '',
      // The view's list is frozen, so observations share it instead of copying ~900 entries per step.
      controls: view.controls,
      canvas: this.canvas(),
      previous_actions: records,
      previous_plan: last ? last.plan.slice() : [],
      last_error: this.lastError,
      step: this.records.length,
    };
  }

  /** The canvas (`app.canvas(state)`), computed once per document version. */
  canvas(): unknown {
    const session = this.session;
    const cache = this.canvasCache;
    if (cache !== null && cache.version === session.docVersion && cache.state === session.state)
      return cache.canvas;
    const canvas = this.app.canvas(session.state);
    this.canvasCache = { version: session.docVersion, state: session.state, canvas };
    return canvas;
  }

  override render(): string | null {
    if (this.renderMode !== 'ansi' || this._session === null) return null;
    const view = this._session.view();
    const lines = [`${view.entries[0]?.text ?? ''} (${this.app.name})`];
    for (const c of view.controls) {
      const state = c.selected === null ? '' : c.selected ? ' [x]' : ' [ ]';
      lines.push(`${c.label.padStart(4)}  ${c.control_type.padEnd(12)} ${c.control_text}${state}`);
    }
    if (this.lastError !== null) lines.push(`last error: ${this.lastError}`);
    return lines.join('\n');
  }
}
