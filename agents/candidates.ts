/**
 * The valid candidate actions of an Office observation: every (control, function, arguments) a user could
 * perform on what is listed, plus FINISH. The random baseline draws from them uniformly; the built-in LAM
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

/** Text spans of the request worth typing: quoted strings, then numbers, then single capitalised words. */
export function requestSpans(request: string, maxSpans = 4): string[] {
  const spans: string[] = [];
  const add = (s: string) => {
    const t = s.trim();
    if (t !== '' && !spans.includes(t)) spans.push(t);
  };
  for (const m of request.matchAll(/'([^']+)'|"([^"]+)"|“([^”]+)”|‘([^’]+)’/g))
    add(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
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
  out.push(finish());
  return out;
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

function finish(): OfficeAction {
  return {
    thought: '',
    control_label: '',
    control_text: '',
    function: '',
    args: {},
    status: 'FINISH',
    plan: [],
  };
}
