/**
 * Runs one LAM action on a session, as UFO's AppAgent does: check the status and the function, check the
 * arguments against the function's schema, find the control by its annotation label in the view the agent saw,
 * then click / type / scroll / call the app API. The whole step is a transaction: any error puts the document,
 * the UI state and the undo history back as they were, and comes back as a message that says what was wrong.
 * Nothing here throws for bad agent input.
 */
import {
  ACTION_STATUSES,
  GENERIC_FUNCTIONS,
  describeArgIssues,
  formatCommand,
  type OfficeAction,
} from './actions.ts';
import { DOCUMENT_ID, MAIN_SCOPE } from './compile.ts';
import type { ControlType } from './controls.ts';
import { sendStrokes } from './keyboard.ts';
import { parseKeyStrokes } from './keys.ts';
import { WINDOW_RECT } from './layout.ts';
import type { Session } from './session.ts';
import { hitTest, type View, type ViewEntry } from './view.ts';
import {
  blockedBy,
  click,
  clickPoint,
  describe,
  setText,
  texts,
  wheel,
  type WidgetOutcome,
} from './widgets.ts';

/** How a step's `control_text` that disagrees with the labelled control's name is treated. */
export type ControlTextCheck = 'ignore' | 'warn' | 'error';

export interface DispatchOptions {
  controlTextCheck?: ControlTextCheck;
  /**
   * Read a bare `{VK_CONTROL}` / `{VK_SHIFT}` / `{VK_MENU}` as holding the modifier for the next key, as UFO's
   * prompt documents ("{VK_CONTROL}c" copies). Off by default: on Windows it presses and releases the key.
   */
  stickyVkModifiers?: boolean;
}

/** The control an action targeted, as the observation listed it. */
export interface ActedControl {
  label: string;
  control_text: string;
  control_type: ControlType;
}

export interface DispatchResult {
  /** The error that made the step a no-op, or undefined when the action ran. */
  error?: string;
  /** What the function returned (`texts`, `summary`, `annotation`, app APIs, message boxes). */
  result?: unknown;
  /** Things that did not stop the action but the agent should know (a covered control took the click...). */
  warnings: string[];
  /** The call as UFO's logs print it: `click_input(button='left', double=False)`. */
  command: string;
  control: ActedControl | null;
  /** Whether the document changed. */
  changed: boolean;
}

const STATUS_SET: ReadonlySet<string> = new Set(ACTION_STATUSES);

/** Normalised control text for comparisons: case, surrounding and repeated spaces ignored. */
export function normaliseText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The available function names: UFO's generic ones, then the app's APIs. */
export function functionNames<S>(session: Session<S>): string[] {
  return [...Object.keys(GENERIC_FUNCTIONS).filter((n) => n !== ''), ...Object.keys(session.app.apis ?? {})];
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Finds a listed control by its label in `view`; an error message when there is none. */
export function resolveLabel<S>(view: View<S>, label: string): ViewEntry<S> | string {
  const count = view.listed.length;
  if (!/^\d+$/.test(label)) {
    return `control_label ${JSON.stringify(label)} is not a label: labels are the numbers 1 to ${count} of the control list`;
  }
  const entry = view.listed[Number(label) - 1];
  if (entry === undefined) {
    return `no visible control has the label ${label}: the control list has labels 1 to ${count}`;
  }
  return entry;
}

/** Runs `action` on `session` as one transaction. */
export function dispatch<S>(
  session: Session<S>,
  action: OfficeAction,
  options: DispatchOptions = {},
): DispatchResult {
  const fn = typeof action.function === 'string' ? action.function.trim() : '';
  const rawArgs: unknown = action.args ?? {};
  const base = { warnings: [] as string[], control: null as ActedControl | null, changed: false };
  const command = formatCommand(fn, isPlainRecord(rawArgs) ? rawArgs : {});
  // Results are written out key by key (same key order as spreading `base`): spreading `base` after its
  // `control` changed shape was a slow path of V8's object literal cloning.
  const fail = (error: string): DispatchResult => ({
    warnings: base.warnings,
    control: base.control,
    changed: base.changed,
    command,
    error,
  });

  if (typeof action.function !== 'string')
    return fail(`function must be a string, got ${typeof action.function}`);
  if (typeof action.status !== 'string' || !STATUS_SET.has(action.status)) {
    return fail(`status must be one of ${ACTION_STATUSES.join(', ')}, got ${JSON.stringify(action.status)}`);
  }
  if (!isPlainRecord(rawArgs)) {
    return fail(
      `args must be an object of keyword arguments, got ${Array.isArray(rawArgs) ? 'an array' : typeof rawArgs}`,
    );
  }
  const generic = Object.prototype.hasOwnProperty.call(GENERIC_FUNCTIONS, fn) ? GENERIC_FUNCTIONS[fn]! : null;
  const api = generic === null ? session.app.apis?.[fn] : undefined;
  if (generic === null && api === undefined) {
    return fail(
      `unknown function ${JSON.stringify(fn)}: the available functions are ${functionNames(session).join(', ')}`,
    );
  }
  const parsed = (generic?.args ?? api!.args).safeParse(rawArgs);
  if (!parsed.success) return fail(describeArgIssues(fn, parsed.error));
  const args = parsed.data;

  const view = session.view();
  const label =
    action.control_label === undefined || action.control_label === null
      ? ''
      : String(action.control_label).trim();
  let entry: ViewEntry<S> | null = null;
  const needsControl = generic !== null && generic.control !== 'none';
  if (needsControl && label !== '') {
    const found = resolveLabel(view, label);
    if (typeof found === 'string') return fail(found);
    entry = found;
  } else if (generic?.control === 'required') {
    return fail(`${fn} needs a control: give its control_label from the control list`);
  }
  const warnings: string[] = [];
  if (entry !== null) {
    base.control = { label: entry.label, control_text: entry.text, control_type: entry.type };
    const claimed = typeof action.control_text === 'string' ? action.control_text : '';
    const check = options.controlTextCheck ?? 'warn';
    if (
      check !== 'ignore' &&
      claimed !== entry.text && // the common case: the agent copied the name from the control list
      claimed.trim() !== '' &&
      normaliseText(claimed) !== normaliseText(entry.text)
    ) {
      const message = `control_text ${JSON.stringify(claimed)} does not match label ${entry.label}, which is ${describe(entry)}`;
      if (check === 'error') return fail(message);
      warnings.push(`${message}; acted on label ${entry.label}`);
    }
  }

  const docBefore = session.docVersion;
  session.beginStep();
  let outcome: WidgetOutcome;
  try {
    outcome = run(session, view, fn, args, entry, options);
  } catch (error) {
    outcome = {
      error: `internal error in ${fn || 'the no-op'}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (outcome.error !== undefined) {
    session.rollbackStep();
    return { warnings, control: base.control, changed: base.changed, command, error: outcome.error };
  }
  session.commitStep();
  if (outcome.warning !== undefined) warnings.push(outcome.warning);
  const result: DispatchResult = {
    warnings,
    control: base.control,
    changed: session.docVersion !== docBefore,
    command,
  };
  if (outcome.result !== undefined) result.result = outcome.result;
  return result;
}

function run<S>(
  session: Session<S>,
  view: View<S>,
  fn: string,
  args: Record<string, unknown>,
  entry: ViewEntry<S> | null,
  options: DispatchOptions,
): WidgetOutcome {
  switch (fn) {
    case '':
      return {};
    case 'click_input':
      return click(session, entry!, {
        button: args.button as 'left',
        double: args.double as boolean,
        pressed: (args.pressed as string | null | undefined) ?? null,
      });
    case 'click_on_coordinates': {
      const w = WINDOW_RECT.right - WINDOW_RECT.left;
      const h = WINDOW_RECT.bottom - WINDOW_RECT.top;
      const x = Math.min(WINDOW_RECT.right - 1, WINDOW_RECT.left + Math.floor((args.x as number) * w));
      const y = Math.min(WINDOW_RECT.bottom - 1, WINDOW_RECT.top + Math.floor((args.y as number) * h));
      const hit = hitTest(view, x, y);
      if (hit === null) return { error: `nothing is at (${x}, ${y}) in the window` };
      const out = clickPoint(
        session,
        x,
        y,
        { button: args.button as 'left', double: args.double as boolean },
        hit,
      );
      return out.error !== undefined || hit.label === ''
        ? out
        : { ...out, result: out.result ?? { clicked: hit.label } };
    }
    case 'set_edit_text':
      return setText(session, entry!, args.text as string, args.clear_current_text as boolean | undefined);
    case 'keyboard_input':
      return keyboardInput(session, view, entry, args.keys as string, args.control_focus as boolean, options);
    case 'wheel_mouse_input':
      return wheel(session, entry, args.wheel_dist as number);
    case 'texts':
      // Reading a UIA property works behind a modal dialog too.
      return { result: texts(session, entry!) };
    case 'summary':
      session.answers.push(args.text as string);
      return { result: args.text };
    case 'annotation':
      return annotate(view, args.control_labels as (string | number)[]);
    default:
      return session.runApi(fn, args);
  }
}

function annotate<S>(view: View<S>, labels: readonly (string | number)[]): WidgetOutcome {
  const chosen: ViewEntry<S>[] = [];
  if (labels.length === 0) chosen.push(...view.listed);
  for (const raw of labels) {
    const found = resolveLabel(view, String(raw).trim());
    if (typeof found === 'string') return { error: `annotation: ${found}` };
    chosen.push(found);
  }
  return { result: chosen.map((e) => ({ label: e.label, control_text: e.text, control_type: e.type })) };
}

/** keyboard_input: focus the control first (UFO's `control_focus`), then send the keys where focus is. */
function keyboardInput<S>(
  session: Session<S>,
  view: View<S>,
  entry: ViewEntry<S> | null,
  keys: string,
  controlFocus: boolean,
  options: DispatchOptions,
): WidgetOutcome {
  const parsed = parseKeyStrokes(keys, { stickyVkModifiers: options.stickyVkModifiers === true });
  if (!parsed.ok) return { error: `${parsed.error} (at offset ${parsed.position})` };
  if (entry !== null && controlFocus) {
    const blocked = blockedBy(session, view, entry);
    if (blocked !== null) return { error: `keyboard_input had no effect: ${blocked}` };
    if (!entry.enabled) return { error: `${describe(entry)} is disabled` };
    focusControl(session, entry);
  }
  return sendStrokes(session, parsed.strokes);
}

/** UIA `set_focus` on a control: the document, a dialog field, or a ribbon control taking keyboard focus. */
function focusControl<S>(session: Session<S>, entry: ViewEntry<S>): void {
  const node = entry.node;
  if (node.id === DOCUMENT_ID || node.role === 'document') {
    session.closePopups();
    session.focusDocument();
    return;
  }
  if (node.scope !== MAIN_SCOPE) {
    if (session.focusId !== node.id) session.focusField(node.id);
    return;
  }
  if (session.ui.focus === node.id) return;
  const text = node.focusable ? session.editText(node.id) : '';
  session.setFocus(node.id, node.focusable ? 'all' : null, text);
}
