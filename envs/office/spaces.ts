/**
 * gymnasium-ts spaces for the Office envs. Observations and actions are structured JSON, not arrays, so both are
 * custom spaces: `contains` checks the shape, `sample` draws from the env's seeded generator.
 *
 * The action space holds LAM actions (`OfficeAction` objects) and raw LAM answer text (a string the env parses).
 * Its samples are random UFO calls on random labels: most are legal to send and many do nothing useful, which is
 * what a random baseline should see. It knows no document state, so app APIs are sampled with empty arguments.
 */
import { Space, type SpaceJSON } from 'gymnasium-ts';
import { ACTION_STATUSES, GENERIC_FUNCTIONS, type OfficeAction } from './actions.ts';
import { isOfficeObservation, type OfficeObservation } from './observation.ts';

export class OfficeObservationSpace extends Space<OfficeObservation> {
  readonly app: string;

  constructor(app: string) {
    super(null, null, null);
    this.app = app;
  }

  sample(): OfficeObservation {
    throw new Error(
      `OfficeObservationSpace(${this.app}).sample(): observations come from env.reset() and env.step(); they cannot be drawn at random`,
    );
  }

  contains(x: unknown): x is OfficeObservation {
    return isOfficeObservation(x) && x.app === this.app;
  }

  equals(other: unknown): boolean {
    return other instanceof OfficeObservationSpace && other.app === this.app;
  }

  toJSON(): SpaceJSON {
    return { type: 'OfficeObservation', app: this.app };
  }

  toString(): string {
    return `OfficeObservation(${this.app})`;
  }
}

export interface OfficeActionSpaceOptions {
  /** App API names to sample besides UFO's generic functions. */
  apis?: readonly string[];
  /** Labels are sampled from 1 to this (default 100). */
  maxLabel?: number;
}

const SAMPLE_KEYS = [
  '{ENTER}',
  '{TAB}',
  '{ESC}',
  '{DOWN}',
  '^z',
  '^y',
  '^a',
  '^b',
  'a',
  'Hello',
  '{TAB 2}',
  '+{RIGHT}',
];
const SAMPLE_WORDS = ['Hello', 'World', '12', 'Arial', 'test', ''];

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * What is wrong with `x` as an action object, or null when it is one: a string `function`, and the other keys
 * (when present) of the right types.
 */
export function actionProblem(x: unknown): string | null {
  if (!isObject(x)) {
    return `the action must be an OfficeAction object ({function, args, control_label, status, ...}) or the LAM answer text, got ${Array.isArray(x) ? 'an array' : x === null ? 'null' : typeof x}`;
  }
  if (typeof x.function !== 'string')
    return `action.function must be a string (a function name, "" for no action), got ${JSON.stringify(x.function) ?? 'undefined'}`;
  for (const key of ['thought', 'control_label', 'control_text', 'status']) {
    if (x[key] !== undefined && typeof x[key] !== 'string')
      return `action.${key} must be a string, got ${JSON.stringify(x[key])}`;
  }
  if (x.args !== undefined && !isObject(x.args)) {
    return `action.args must be an object of keyword arguments, got ${Array.isArray(x.args) ? 'an array' : JSON.stringify(x.args)}`;
  }
  if (x.plan !== undefined && !(Array.isArray(x.plan) && x.plan.every((p) => typeof p === 'string'))) {
    return 'action.plan must be a list of strings';
  }
  return null;
}

/** Whether `x` is an action object (see `actionProblem`). */
export function isActionLike(x: unknown): x is OfficeAction {
  return actionProblem(x) === null;
}

export class OfficeActionSpace extends Space<OfficeAction | string> {
  readonly functions: readonly string[];
  readonly maxLabel: number;

  constructor(options: OfficeActionSpaceOptions = {}) {
    super(null, null, null);
    this.functions = [...Object.keys(GENERIC_FUNCTIONS), ...(options.apis ?? [])];
    this.maxLabel = options.maxLabel ?? 100;
    if (!Number.isInteger(this.maxLabel) || this.maxLabel < 1) {
      throw new RangeError(
        `OfficeActionSpace: maxLabel must be a positive integer, got ${String(options.maxLabel)}`,
      );
    }
  }

  sample(): OfficeAction {
    const rng = this.npRandom;
    const pick = <T>(items: readonly T[]): T => items[rng.integers(0, items.length)]!;
    const fn = pick(this.functions);
    const spec = GENERIC_FUNCTIONS[fn];
    const label =
      spec !== undefined && spec.control !== 'none' ? String(rng.integers(1, this.maxLabel + 1)) : '';
    let args: Record<string, unknown> = {};
    switch (fn) {
      case 'click_input':
        args = { button: pick(['left', 'left', 'left', 'right']), double: rng.random() < 0.1 };
        break;
      case 'click_on_coordinates':
        args = {
          x: Math.round(rng.random() * 1000) / 1000,
          y: Math.round(rng.random() * 1000) / 1000,
          button: 'left',
          double: false,
        };
        break;
      case 'set_edit_text':
        args = { text: pick(SAMPLE_WORDS) };
        break;
      case 'keyboard_input':
        args = { keys: pick(SAMPLE_KEYS) };
        break;
      case 'wheel_mouse_input':
        args = { wheel_dist: rng.integers(-5, 6) };
        break;
      case 'summary':
        args = { text: 'The task is done.' };
        break;
      default:
        args = {};
    }
    const status = rng.random() < 0.05 ? pick(ACTION_STATUSES) : 'CONTINUE';
    return { thought: '', control_label: label, control_text: '', function: fn, args, status, plan: [] };
  }

  contains(x: unknown): x is OfficeAction | string {
    return typeof x === 'string' || isActionLike(x);
  }

  equals(other: unknown): boolean {
    return (
      other instanceof OfficeActionSpace &&
      other.maxLabel === this.maxLabel &&
      other.functions.length === this.functions.length &&
      other.functions.every((f, i) => f === this.functions[i])
    );
  }

  toJSON(): SpaceJSON {
    return { type: 'OfficeAction', functions: [...this.functions], maxLabel: this.maxLabel };
  }

  toString(): string {
    return `OfficeAction(${this.functions.length} functions, labels 1..${this.maxLabel})`;
  }
}
