/**
 * The valid candidate actions of an Office observation: every (control, function, arguments) a user could
 * perform on what is listed, typing where the focus is, the app's selection APIs on spans of the request (Word's
 * select_text, Excel's select_table_range), plus the FAIL and FINISH answers (FINISH
 * last). The random baseline draws from them uniformly; the built-in LAM
 * scores them. Arguments for typing come from spans of the request (quoted text first, as instantiated UFO
 * requests quote the values to type: "Type 'hello'"), so a candidate set is finite and deterministic.
 */
import type { OfficeAction, OfficeObservation, ObservedControl } from '../envs/office/index.ts';

const CLICKABLE = new Set([
  'Button',
  'TabItem',
  'ListItem',
  'MenuItem',
  'CheckBox',
  'RadioButton',
  'Hyperlink',
  'DataItem',
  'TreeItem',
  'SplitButton',
  'Spinner',
]);
const EDITABLE = new Set(['Edit', 'ComboBox']);

export interface CandidateOptions {
  /** Most typing candidates per editable control (default 4). */
  maxSpans?: number;
}

const CELL_RANGE = /^\$?([A-Z]{1,3})\$?([1-9]\d{0,6})(?::\$?([A-Z]{1,3})\$?([1-9]\d{0,6}))?$/;

/** `select_table_range` arguments for an A1-style range ("B2:D9", "C4") on `sheet`, or null. */
export function cellRangeArgs(range: string, sheet: string): Record<string, unknown> | null {
  const m = CELL_RANGE.exec(range.toUpperCase());
  if (m === null) return null;
  const [, c1, r1, c2, r2] = m;
  return {
    sheet_name: sheet,
    start_row: Number(r1),
    start_col: c1!,
    end_row: Number(r2 ?? r1),
    end_col: c2 ?? c1!,
  };
}

/**
 * Text spans of the request worth typing or selecting: quoted strings, then cell ranges, then numbers, then
 * single capitalised words.
 */
export function requestSpans(request: string, maxSpans = 4): string[] {
  const spans: string[] = [];
  const add = (s: string) => {
    const t = s.trim();
    if (t !== '' && !spans.includes(t)) spans.push(t);
  };
  for (const m of request.matchAll(/'([^']+)'|"([^"]+)"|“([^”]+)”|‘([^’]+)’/g))
    add(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  for (const m of request.matchAll(/\b[A-Z]{1,3}[1-9]\d{0,6}(?::[A-Z]{1,3}[1-9]\d{0,6})?\b/g)) add(m[0]);
  for (const m of request.matchAll(/\b\d+(?:\.\d+)?%?/g)) add(m[0]);
  for (const m of request.matchAll(/\b[A-Z][a-zA-Z]+\b/g)) if (m.index !== 0) add(m[0]);
  return spans.slice(0, maxSpans);
}

export function candidateActions(
  observation: OfficeObservation,
  options: CandidateOptions = {},
): OfficeAction[] {
  const spans = requestSpans(observation.request, options.maxSpans ?? 4);
  const out: OfficeAction[] = [];
  for (const control of observation.controls) {
    const type = control.control_type;
    if (CLICKABLE.has(type)) out.push(act(control, 'click_input', { button: 'left', double: false }));
    if (EDITABLE.has(type)) {
      out.push(act(control, 'click_input', { button: 'left', double: false }));
      for (const text of spans) out.push(act(control, 'set_edit_text', { text }));
    }
    if (type === 'Document') {
      out.push(act(control, 'click_input', { button: 'left', double: false }));
      for (const text of spans)
        out.push(act(control, 'keyboard_input', { keys: escapeKeys(text), control_focus: true }));
      out.push(act(control, 'keyboard_input', { keys: '^a', control_focus: true }));
    }
    if (type === 'ScrollBar') out.push(act(control, 'wheel_mouse_input', { wheel_dist: -5 }));
  }
  // Actions on no control: typing where the focus is, the app's selection APIs, and the two answers.
  for (const text of spans) out.push(call('keyboard_input', { keys: escapeKeys(text) }));
  out.push(call('keyboard_input', { keys: '{ENTER}' }));
  if (observation.app === 'word') for (const text of spans) out.push(call('select_text', { text }));
  if (observation.app === 'excel') {
    const sheet = (observation.canvas as { activeSheet?: unknown } | null)?.activeSheet;
    for (const text of spans) {
      const args = cellRangeArgs(text, typeof sheet === 'string' ? sheet : 'Sheet1');
      if (args !== null) out.push(call('select_table_range', args));
    }
  }
  out.push(answer('FAIL'));
  out.push(finish());
  return out;
}

function call(fn: string, args: Record<string, unknown>): OfficeAction {
  return {
    thought: '',
    control_label: '',
    control_text: '',
    function: fn,
    args,
    status: 'CONTINUE',
    plan: [],
  };
}

/** pywinauto treats + ^ % ~ ( ) { } as syntax: brace them so they are typed. */
export function escapeKeys(text: string): string {
  return text.replace(/[+^%~(){}[\]]/g, (c) => `{${c}}`);
}

function act(control: ObservedControl, fn: string, args: Record<string, unknown>): OfficeAction {
  return {
    thought: '',
    control_label: control.label,
    control_text: control.control_text,
    function: fn,
    args,
    status: 'CONTINUE',
    plan: [],
  };
}

function answer(status: 'FINISH' | 'FAIL'): OfficeAction {
  return { thought: '', control_label: '', control_text: '', function: '', args: {}, status, plan: [] };
}

function finish(): OfficeAction {
  return answer('FINISH');
}
