/**
 * Shared pieces of the prompt renderers: Python's `json.dumps` text (what UFO's Python prompters put in
 * prompts), the control-item list, and the `{apis}` block listing the functions a model may call.
 */
import { GENERIC_FUNCTIONS, LITE_FUNCTIONS } from '../actions.ts';
import type { ApiDecl } from '../app.ts';
import type { ObservedControl } from '../controls.ts';

/**
 * Python's `json.dumps(value)` with its defaults: `", "` and `": "` separators, non-ASCII escaped as `\uXXXX`
 * (`ensure_ascii=True`), keys in insertion order.
 */
export function pyJsonDumps(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return Number.isInteger(value) ? String(value) : pyFloat(value);
  }
  if (typeof value === 'string') return asciiJsonString(value);
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      parts.push(`${asciiJsonString(k)}: ${pyJsonDumps(v)}`);
    }
    return `{${parts.join(', ')}}`;
  }
  return asciiJsonString(String(value));
}

/** Python's float repr: positional from 1e-4 up to 1e16, else exponent with at least two digits (`1e-05`). */
function pyFloat(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e-4 && abs < 1e16) return String(value);
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(value.toExponential());
  return m ? `${m[1]}e${m[2]}${m[3]!.padStart(2, '0')}` : String(value);
}

function asciiJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** The control list as UFO gives it to the model: `[{"label": ..., "control_text": ..., "control_type": ...}]`. */
export function controlItems(controls: readonly ObservedControl[]): string {
  return pyJsonDumps(
    controls.map((c) => ({ label: c.label, control_text: c.control_text, control_type: c.control_type })),
  );
}

export interface ApiListOptions {
  /** Generic functions to list (default: UFO's lite set, the one dataflow and the LAM prompts use). */
  functions?: readonly string[];
  /** App APIs to list after them. */
  apis?: Readonly<Record<string, Pick<ApiDecl<unknown>, 'summary' | 'usage'>>>;
}

/** The `{apis}` block: each function's one-line summary, then its usage lines, indented under it. */
export function renderApis(options: ApiListOptions = {}): string {
  const blocks: string[] = [];
  const add = (summary: string, usage: string) => {
    const body = usage
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
    blocks.push(`  - ${summary}\n${body}`);
  };
  for (const name of options.functions ?? LITE_FUNCTIONS) {
    const spec = GENERIC_FUNCTIONS[name];
    if (spec === undefined) throw new Error(`renderApis: '${name}' is not one of UFO's generic functions`);
    add(spec.summary, spec.usage);
  }
  for (const api of Object.values(options.apis ?? {})) add(api.summary, api.usage);
  return blocks.join('\n');
}
