/**
 * The action a LAM answers with, and UFO's generic UI functions (the "Puppeteer" commands of
 * ufo/automator/ui_control/controller.py, v1.2.0, plus `click_on_coordinates` from the base prompt) with their
 * exact argument names and defaults, zod schemas, and the prompt documentation the renderers list as `{apis}`.
 */
import { z } from 'zod';
import type { ControlType } from './controls.ts';

export const ACTION_STATUSES = ['CONTINUE', 'FINISH', 'FAIL'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * One step of a LAM: the paper's 7 keys (Appendix C) with UFO's `control_text` for the paper's `control_name`.
 * `control_label` is "" when the function needs no control; `args` is a JSON object; `plan` lists future steps.
 */
export interface OfficeAction {
  thought: string;
  control_label: string;
  control_text: string;
  function: string;
  args: Record<string, unknown>;
  status: ActionStatus;
  plan: string[];
}

/** A no-op action: UFO's `""` function (NoActionCommand). */
export function noAction(status: ActionStatus = 'CONTINUE', thought = ''): OfficeAction {
  return { thought, control_label: '', control_text: '', function: '', args: {}, status, plan: [] };
}

/** Builds an action with defaults for everything not given. */
export function makeAction(partial: Partial<OfficeAction> & { function: string }): OfficeAction {
  return {
    thought: partial.thought ?? '',
    control_label: partial.control_label ?? '',
    control_text: partial.control_text ?? '',
    function: partial.function,
    args: partial.args ?? {},
    status: partial.status ?? 'CONTINUE',
    plan: partial.plan ?? [],
  };
}

const MOUSE_BUTTONS = ['left', 'right', 'middle', 'x'] as const;
export type MouseButton = (typeof MOUSE_BUTTONS)[number];

/** Where a generic function may be used. */
export type ControlRequirement = 'required' | 'optional' | 'none';

export interface GenericFunctionSpec {
  readonly name: string;
  readonly args: z.ZodType<Record<string, unknown>>;
  /** Whether a target control is needed (UFO calls the function on the selected control). */
  readonly control: ControlRequirement;
  /** Control types it applies to; null for all (the dispatcher checks roles more precisely). */
  readonly appliesTo: readonly ControlType[] | null;
  readonly summary: string;
  readonly usage: string;
}

// Arguments are strict: pywinauto receives them as keyword arguments and rejects unknown ones.
const clickArgs = z.strictObject({
  button: z.enum(MOUSE_BUTTONS).default('left'),
  double: z.boolean().default(false),
  pressed: z.string().nullable().optional(),
});

const coordinate = z.number().min(0).max(1);

export const GENERIC_FUNCTIONS: Readonly<Record<string, GenericFunctionSpec>> = {
  click_input: {
    name: 'click_input',
    args: clickArgs,
    control: 'required',
    appliesTo: null,
    summary: '"click_input" clicks the control item with the mouse.',
    usage: [
      '[1] API call: click_input(button: str, double: bool = False, pressed: str = None)',
      '[2] Args:',
      "  - button: The mouse button to click: 'left', 'right', 'middle' or 'x' (Default: 'left')",
      '  - double: Whether to double-click (Default: False)',
      "  - pressed: A key held while clicking, e.g. 'CONTROL' (Default: None)",
      '[3] Example: click_input(button="left", double=False)',
      '[4] Available control item: All control items.',
      '[5] Return: None',
    ].join('\n'),
  },
  click_on_coordinates: {
    name: 'click_on_coordinates',
    args: z.strictObject({
      x: coordinate,
      y: coordinate,
      button: z.enum(['left', 'right']).default('left'),
      double: z.boolean().default(false),
    }),
    control: 'none',
    appliesTo: null,
    summary:
      '"click_on_coordinates" clicks a point of the application window given as fractions of its width and height, for places no control item covers.',
    usage: [
      '[1] API call: click_on_coordinates(x: float, y: float, button: str, double: bool)',
      '[2] Args:',
      '  - x: Horizontal position as a fraction of the window width, 0.0 (left edge) to 1.0 (right edge).',
      '  - y: Vertical position as a fraction of the window height, 0.0 (top edge) to 1.0 (bottom edge).',
      "  - button: 'left' or 'right' (Default: 'left')",
      '  - double: Whether to double-click (Default: False)',
      '[3] Example: click_on_coordinates(x=0.5, y=0.5, button="left", double=False)',
      '[4] Available control item: No control item is needed.',
      '[5] Return: None',
    ].join('\n'),
  },
  set_edit_text: {
    name: 'set_edit_text',
    args: z.strictObject({ text: z.string(), clear_current_text: z.boolean().optional() }),
    control: 'required',
    appliesTo: ['Edit', 'ComboBox', 'Document'],
    summary: '"set_edit_text" puts text into an Edit control item.',
    usage: [
      '[1] API call: set_edit_text(text: str="The text to input.")',
      '[2] Args:',
      '  - text: The text for the Edit control item. It replaces the current text of an Edit box; in a document it is typed at the cursor.',
      '  - clear_current_text: Optional. True clears the current text first; False appends to it.',
      '[3] Example: set_edit_text(text="Hello World.")',
      '[4] Available control item: [Edit]',
      '[5] Return: None',
    ].join('\n'),
  },
  keyboard_input: {
    name: 'keyboard_input',
    args: z.strictObject({ keys: z.string(), control_focus: z.boolean().default(true) }),
    control: 'optional',
    appliesTo: null,
    summary:
      '"keyboard_input" sends keystrokes, such as shortcut keys, to the control item or, without one, to the application window.',
    usage: [
      '[1] API call: keyboard_input(keys: str, control_focus: bool = True)',
      '[2] Args:',
      '  - keys: The keys in pywinauto syntax: ^ is Ctrl, + is Shift, % is Alt, and special keys go in braces, e.g. "^c" for Ctrl+C, "{ENTER}", "{TAB 2}" for Tab twice.',
      '  - control_focus: Whether to focus the selected control item first (Default: True)',
      '[3] Example: keyboard_input(keys="^a"), keyboard_input(keys="{TAB 2}")',
      '[4] Available control item: All control items.',
      '[5] Return: None',
    ].join('\n'),
  },
  wheel_mouse_input: {
    name: 'wheel_mouse_input',
    args: z.strictObject({ wheel_dist: z.number().int() }),
    control: 'optional',
    appliesTo: null,
    summary: '"wheel_mouse_input" scrolls the control item with the mouse wheel.',
    usage: [
      '[1] API call: wheel_mouse_input(wheel_dist: int)',
      '[2] Args:',
      '  - wheel_dist: Wheel notches to scroll: positive scrolls up, negative scrolls down.',
      '[3] Example: wheel_mouse_input(wheel_dist=-5)',
      '[4] Available control item: All control items, typically a ScrollBar or the Document.',
      '[5] Return: None',
    ].join('\n'),
  },
  texts: {
    name: 'texts',
    args: z.strictObject({}),
    control: 'required',
    appliesTo: null,
    summary: '"texts" returns the text of the control item, typically an Edit or Document control item.',
    usage: [
      '[1] API call: texts()',
      '[2] Args: None',
      '[3] Example: texts()',
      '[4] Available control item: Edit and Document control items.',
      '[5] Return: The text content of the control item.',
    ].join('\n'),
  },
  summary: {
    name: 'summary',
    args: z.strictObject({ text: z.string() }),
    control: 'none',
    appliesTo: null,
    summary:
      '"summary" answers with your description of what the application shows, e.g. to answer a question in the request.',
    usage: [
      '[1] API call: summary(text: str="Your description.")',
      '[2] Args:',
      '  - text: The description or answer.',
      '[3] Example: summary(text="The document has two paragraphs.")',
      '[4] Available control item: All control items.',
      '[5] Return: The text.',
    ].join('\n'),
  },
  annotation: {
    name: 'annotation',
    args: z.strictObject({ control_labels: z.array(z.union([z.string(), z.number().int()])).default([]) }),
    control: 'none',
    appliesTo: null,
    summary: '"annotation" marks the given control items on the screenshot for a closer look.',
    usage: [
      '[1] API call: annotation(control_labels: List[str]=[])',
      '[2] Args:',
      '  - control_labels: Labels of the control items to mark; empty marks all of them.',
      '[3] Example: annotation(control_labels=["1", "2", "36"])',
      '[4] Available control item: All control items.',
      '[5] Return: The marked control items.',
    ].join('\n'),
  },
  '': {
    name: '',
    args: z.strictObject({}),
    control: 'none',
    appliesTo: null,
    summary: 'An empty function name takes no action.',
    usage: '[1] API call: "" (no action)',
  },
};

export function isGenericFunction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(GENERIC_FUNCTIONS, name);
}

/** The functions of UFO's `lite` api.yaml, the set dataflow and the LAM prompts list by default. */
export const LITE_FUNCTIONS = [
  'click_input',
  'set_edit_text',
  'annotation',
  'summary',
  'texts',
  'wheel_mouse_input',
  'keyboard_input',
] as const;

/** Renders zod issues as `args.button: expected one of ...` lines. */
export function describeArgIssues(fn: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const path = issue.path.length > 0 ? `args.${issue.path.join('.')}` : 'args';
    if (issue.code === 'unrecognized_keys') {
      return `${fn}() got unexpected argument${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    }
    return `${path}: ${issue.message}`;
  });
  return `bad arguments for ${fn || 'the no-op'}: ${parts.join('; ')}`;
}

/** A Python literal for a JSON value, as UFO's Puppeteer prints commands (`repr` of each argument). */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    let out = quote;
    for (const ch of value) {
      if (ch === '\\') out += '\\\\';
      else if (ch === quote) out += `\\${quote}`;
      else if (ch === '\n') out += '\\n';
      else if (ch === '\t') out += '\\t';
      else if (ch === '\r') out += '\\r';
      else out += ch;
    }
    return out + quote;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return pyRepr(String(value));
}

/** `click_input(button='left', double=False)`: the command string of UFO's logs and step history. */
export function formatCommand(fn: string, args: Readonly<Record<string, unknown>>): string {
  const parts = Object.entries(args).map(([k, v]) => `${k}=${pyRepr(v)}`);
  return `${fn}(${parts.join(', ')})`;
}
