/**
 * The observation of an Office env (DESIGN.md, "Observation"): what UFO's AppAgent gives the model. The request,
 * the app, the visible controls `{label, control_text, control_type, selected, rect}`, the canvas (the document
 * as structured JSON), the actions taken so far, the latest plan, and the error of the last action if it failed.
 */
import type { ActionStatus } from './actions.ts';
import type { ObservedControl } from './controls.ts';

/** One past step as the observation lists it (UFO's step history: the control, the call, its result). */
export interface ActionRecord {
  /** 1-based step number. */
  step: number;
  thought: string;
  control_label: string;
  control_text: string;
  function: string;
  args: Record<string, unknown>;
  /** The call as UFO's logs print it: `click_input(button='left', double=False)`. */
  command: string;
  status: ActionStatus | null;
  plan: string[];
  /** What the function returned, or null. */
  result: unknown;
  /** Why the step did nothing, or null when it ran. */
  error: string | null;
}

export interface OfficeObservation {
  /** The user request (the task's instantiated request). */
  request: string;
  /** `word`, `excel`, `powerpoint`, or the app's own name. */
  app: string;
  /** The main window's title ("Document1 - Word"). */
  window: string;
  controls: readonly ObservedControl[];
  /** The document as structured JSON (`app.canvas(state)`). */
  canvas: unknown;
  previous_actions: readonly ActionRecord[];
  /** The plan of the latest step ([] before the first step). */
  previous_plan: readonly string[];
  /** The error of the last action, when it failed; null otherwise. */
  last_error: string | null;
  /** Steps taken so far in the episode. */
  step: number;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function isRect(x: unknown): boolean {
  if (!isObject(x)) return false;
  return ['left', 'top', 'right', 'bottom'].every((k) => typeof x[k] === 'number');
}

/** Whether `x` has the shape of an observed control. */
export function isObservedControl(x: unknown): x is ObservedControl {
  return (
    isObject(x) &&
    typeof x.label === 'string' &&
    typeof x.control_text === 'string' &&
    typeof x.control_type === 'string' &&
    (x.selected === null || typeof x.selected === 'boolean') &&
    isRect(x.rect)
  );
}

function isActionRecord(x: unknown): x is ActionRecord {
  return (
    isObject(x) &&
    Number.isInteger(x.step) &&
    typeof x.function === 'string' &&
    typeof x.command === 'string' &&
    typeof x.control_label === 'string' &&
    isObject(x.args) &&
    Array.isArray(x.plan) &&
    (x.error === null || typeof x.error === 'string')
  );
}

/** Whether `x` has the shape of an `OfficeObservation` (what the observation space's `contains` checks). */
export function isOfficeObservation(x: unknown): x is OfficeObservation {
  return (
    isObject(x) &&
    typeof x.request === 'string' &&
    typeof x.app === 'string' &&
    typeof x.window === 'string' &&
    Array.isArray(x.controls) &&
    x.controls.every(isObservedControl) &&
    'canvas' in x &&
    Array.isArray(x.previous_actions) &&
    x.previous_actions.every(isActionRecord) &&
    Array.isArray(x.previous_plan) &&
    x.previous_plan.every((p) => typeof p === 'string') &&
    (x.last_error === null || typeof x.last_error === 'string') &&
    Number.isInteger(x.step) &&
    (x.step as number) >= 0
  );
}
