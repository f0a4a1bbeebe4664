/**
 * Reads a LAM's answer into an `OfficeAction`. It accepts the paper's 7 keys (Appendix C: `thought`,
 * `control_label`, `control_name`, `function`, `args`, `status`, `plan`) and UFO's AppAgent keys (`Observation`,
 * `Thought`, `ControlLabel`, `ControlText`, `Function`, `Args`, `Status`, `Plan`, `Comment`), in any casing, and
 * repairs what it safely can: code fences and prose around the JSON, Python literals, single quotes, trailing
 * commas, answers cut off after the last needed key, labels given as numbers, args given as a string or as
 * Python keyword arguments, a call written into `function` (`click_input(button='left')`), a plan given as one
 * "\n"-separated string. Every repair is listed; an answer it cannot read comes back as an error with its
 * position (offset, line, column).
 */
import { ACTION_STATUSES, type ActionStatus, type OfficeAction } from './actions.ts';
import { LenientParseError, lineColumn, parseKwargs, parseLenient } from './lenient-json.ts';

export type AnswerFormat = 'paper' | 'ufo';

export interface ParsedAnswer {
  ok: true;
  action: OfficeAction;
  /** What was repaired, in words; empty for a clean answer. */
  repairs: string[];
  /** Which key convention the answer used (the majority of its recognised keys). */
  format: AnswerFormat;
  /** UFO's `Observation` and `Comment`, when given. */
  observation?: string;
  comment?: string;
  /** Keys that are neither the paper's nor UFO's (kept for logs). */
  extra: Record<string, unknown>;
}

export interface AnswerError {
  ok: false;
  error: string;
  /** Offset of the problem in the answer text, and its 1-based line and column. */
  position: number;
  line: number;
  column: number;
  repairs: string[];
}

export type AnswerResult = ParsedAnswer | AnswerError;

type Field = keyof OfficeAction | 'observation' | 'comment' | 'ignored';

/** Recognised keys, compared without case, underscores, spaces and dashes. */
const KEY_FIELDS: Readonly<Record<string, Field>> = {
  thought: 'thought',
  thoughts: 'thought',
  controllabel: 'control_label',
  label: 'control_label',
  controltext: 'control_text',
  controlname: 'control_text',
  function: 'function',
  functionname: 'function',
  args: 'args',
  arguments: 'args',
  status: 'status',
  plan: 'plan',
  observation: 'observation',
  comment: 'comment',
  savescreenshot: 'ignored',
};

const STATUS_SET: ReadonlySet<string> = new Set(ACTION_STATUSES);
const UFO_ONLY_STATUSES: ReadonlySet<string> = new Set(['CONFIRM', 'SCREENSHOT']);

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function normKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, '');
}

/** A UFO-style key has an upper-case letter and no underscore (`ControlLabel`); the paper's are snake_case. */
function keyStyle(key: string): AnswerFormat {
  return /[A-Z]/.test(key) && !key.includes('_') ? 'ufo' : 'paper';
}

function failure(text: string, message: string, position: number, repairs: string[]): AnswerError {
  const at = Math.max(0, Math.min(position, text.length));
  const { line, column } = lineColumn(text, at);
  return {
    ok: false,
    error: `${message} (line ${line}, column ${column})`,
    position: at,
    line,
    column,
    repairs,
  };
}

/** Reads the first JSON object of the answer that has at least one recognised key. */
function readObject(
  text: string,
): { value: Record<string, unknown>; start: number; end: number; repairs: string[] } | AnswerError {
  // A whole answer sent as a JSON string ("{\"thought\": ...}").
  const trimmed = text.trim();
  if (trimmed.startsWith('"')) {
    try {
      const inner = parseLenient(trimmed, 0).value;
      if (typeof inner === 'string' && inner.includes('{')) {
        const again = readObject(inner);
        if (!('ok' in again))
          return {
            ...again,
            start: 0,
            end: text.length,
            repairs: ['decoded an answer sent as a JSON string', ...again.repairs],
          };
      }
    } catch {
      // Not a JSON string after all: read it as text.
    }
  }
  let firstError: AnswerError | null = null;
  let fallback: { value: Record<string, unknown>; start: number; end: number; repairs: string[] } | null =
    null;
  let from = 0;
  for (let attempt = 0; attempt < 32; attempt++) {
    const start = text.indexOf('{', from);
    if (start < 0) break;
    from = start + 1;
    try {
      const read = parseLenient(text, start);
      const value = read.value;
      const repairs = [...read.repairs];
      if (!isObject(value)) continue;
      // Prose may hold braces of its own ("{like this}"): prefer the first object with an answer key.
      const recognised = Object.keys(value).some((k) => KEY_FIELDS[normKey(k)] !== undefined);
      if (recognised) return { value, start, end: read.end, repairs };
      fallback ??= { value, start, end: read.end, repairs };
    } catch (error) {
      if (error instanceof LenientParseError) {
        firstError ??= failure(text, `cannot read the answer's JSON: ${error.message}`, error.position, []);
        continue;
      }
      throw error;
    }
  }
  if (firstError !== null) return firstError;
  if (fallback !== null) return fallback;
  return failure(
    text,
    'no JSON object found in the answer: expected {"thought": ..., "function": ..., ...}',
    text.length === 0 ? 0 : text.search(/\S|$/),
    [],
  );
}

/** Splits `click_input(button='left', double=False)` into the name and its keyword arguments. */
function splitCall(call: string): { name: string; args: Record<string, unknown> } | null {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(([\s\S]*)\)\s*$/.exec(call);
  if (!m) return null;
  try {
    const { kwargs, positional } = parseKwargs(m[2]!);
    if (positional.length > 0) return null;
    return { name: m[1]!, args: kwargs };
  } catch {
    return null;
  }
}

/** Parses a LAM answer. Never throws. */
export function parseAnswer(text: string): AnswerResult {
  if (typeof text !== 'string') return failure('', `the answer must be a string, got ${typeof text}`, 0, []);
  if (text.trim() === '') return failure(text, 'the answer is empty', 0, []);
  const read = readObject(text);
  if ('ok' in read) return read;
  const repairs = [...read.repairs];
  const before = text.slice(0, read.start);
  if (/```/.test(before)) repairs.unshift('removed a code fence around the JSON');
  else if (before.trim() !== '') repairs.unshift('ignored text before the JSON object');
  const after = text
    .slice(read.end)
    .replace(/```\s*$/, '')
    .trim();
  if (after !== '') repairs.push('ignored text after the JSON object');

  const fields: Partial<Record<Field, unknown>> = {};
  const extra: Record<string, unknown> = {};
  const keyAt = (field: Field): string =>
    Object.keys(read.value).find((k) => KEY_FIELDS[normKey(k)] === field) ?? field;
  let ufoKeys = 0;
  let paperKeys = 0;
  for (const [key, value] of Object.entries(read.value)) {
    const field = KEY_FIELDS[normKey(key)];
    if (field === undefined) {
      extra[key] = value;
      continue;
    }
    if (keyStyle(key) === 'ufo') ufoKeys++;
    else paperKeys++;
    if (field === 'ignored') continue;
    if (fields[field] !== undefined) repairs.push(`kept the last of two keys for ${field}`);
    fields[field] = value;
  }
  const format: AnswerFormat = ufoKeys > paperKeys ? 'ufo' : 'paper';
  const fail = (message: string) => failure(text, message, read.start, repairs);

  // status
  let status: ActionStatus = 'CONTINUE';
  const rawStatus = fields.status;
  if (rawStatus === undefined || rawStatus === null || rawStatus === '') {
    repairs.push('no status given: read it as CONTINUE');
  } else if (typeof rawStatus !== 'string') {
    return fail(
      `${keyAt('status')} must be a string (CONTINUE, FINISH or FAIL), got ${JSON.stringify(rawStatus)}`,
    );
  } else {
    const upper = rawStatus.trim().toUpperCase();
    if (UFO_ONLY_STATUSES.has(upper)) {
      // UFO's CONFIRM (ask the user first) and SCREENSHOT (annotate): the gym has no user and no screenshots.
      repairs.push(`read UFO status ${upper} as CONTINUE`);
      status = 'CONTINUE';
    } else if (!STATUS_SET.has(upper)) {
      return fail(
        `${keyAt('status')} must be one of ${ACTION_STATUSES.join(', ')}, got ${JSON.stringify(rawStatus)}`,
      );
    } else {
      if (upper !== rawStatus) repairs.push(`read status ${JSON.stringify(rawStatus)} as ${upper}`);
      status = upper as ActionStatus;
    }
  }

  // function and args
  let fn: string;
  let args: Record<string, unknown> = {};
  const rawFn = fields.function;
  if (rawFn === undefined) {
    if (status === 'CONTINUE') {
      const cut = repairs.some((r) => r.includes('cut off'));
      return fail(`the answer has no "function" key${cut ? ' (it looks cut off)' : ''}`);
    }
    repairs.push(`no function given with status ${status}: took no action`);
    fn = '';
  } else if (rawFn === null) {
    repairs.push('read function null as "" (no action)');
    fn = '';
  } else if (typeof rawFn !== 'string') {
    return fail(`${keyAt('function')} must be a string, got ${JSON.stringify(rawFn)}`);
  } else {
    fn = rawFn.trim();
    if (fn.includes('(')) {
      const call = splitCall(fn);
      if (call === null) return fail(`cannot read the call ${JSON.stringify(rawFn)} in ${keyAt('function')}`);
      fn = call.name;
      args = call.args;
      repairs.push('split a call written into function into its name and args');
    }
  }
  const rawArgs = fields.args;
  if (rawArgs === undefined || rawArgs === null) {
    if (rawArgs === null) repairs.push('read args null as {}');
  } else if (isObject(rawArgs)) {
    args = { ...args, ...rawArgs };
  } else if (typeof rawArgs === 'string') {
    const parsed = readArgsString(rawArgs);
    if (parsed === null)
      return fail(`cannot read ${keyAt('args')} ${JSON.stringify(rawArgs)} as keyword arguments`);
    args = { ...args, ...parsed };
    repairs.push('read args given as a string');
  } else if (Array.isArray(rawArgs) && rawArgs.length === 0) {
    repairs.push('read args [] as {}');
  } else {
    return fail(`${keyAt('args')} must be an object of keyword arguments, got ${JSON.stringify(rawArgs)}`);
  }

  // control
  const label = readLabel(fields.control_label, repairs);
  if (typeof label !== 'string')
    return fail(
      `${keyAt('control_label')} must be a label string like "12", got ${JSON.stringify(fields.control_label)}`,
    );
  const controlText = fields.control_text;
  if (controlText !== undefined && controlText !== null && typeof controlText !== 'string') {
    return fail(`${keyAt('control_text')} must be a string, got ${JSON.stringify(controlText)}`);
  }

  const thought = fields.thought;
  if (thought !== undefined && thought !== null && typeof thought !== 'string') {
    repairs.push('read a non-string thought as text');
  }
  const plan = readPlan(fields.plan, repairs);

  const action: OfficeAction = {
    thought:
      typeof thought === 'string'
        ? thought
        : thought === undefined || thought === null
          ? ''
          : JSON.stringify(thought),
    control_label: label,
    control_text: typeof controlText === 'string' ? controlText : '',
    function: fn,
    args,
    status,
    plan,
  };
  const result: ParsedAnswer = { ok: true, action, repairs, format, extra };
  if (typeof fields.observation === 'string') result.observation = fields.observation;
  if (typeof fields.comment === 'string') result.comment = fields.comment;
  return result;
}

function readArgsString(text: string): Record<string, unknown> | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '{}' || trimmed === 'None') return {};
  try {
    if (trimmed.startsWith('{')) {
      const value = parseLenient(trimmed, 0).value;
      return isObject(value) ? value : null;
    }
    const inner = trimmed.startsWith('(') && trimmed.endsWith(')') ? trimmed.slice(1, -1) : trimmed;
    const { kwargs, positional } = parseKwargs(inner);
    return positional.length === 0 ? kwargs : null;
  } catch {
    return null;
  }
}

function readLabel(raw: unknown, repairs: string[]): string | null {
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed !== raw) repairs.push('trimmed spaces around control_label');
    return trimmed;
  }
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) {
    repairs.push(`read control_label ${raw} as "${raw}"`);
    return String(raw);
  }
  return null;
}

function readPlan(raw: unknown, repairs: string[]): string[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string') {
    const items = raw
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (items.length > 0) repairs.push('split a plan given as one string into its lines');
    return items;
  }
  if (Array.isArray(raw)) {
    if (raw.some((p) => typeof p !== 'string')) repairs.push('read non-string plan items as text');
    return raw.map((p) => (typeof p === 'string' ? p : JSON.stringify(p)));
  }
  repairs.push('read a plan that is not a list as one item');
  return [JSON.stringify(raw)];
}

/** Writes an action as the answer JSON a LAM gives: the paper's 7 keys (Appendix C) or UFO's AppAgent keys. */
export function formatAnswer(
  action: OfficeAction,
  format: AnswerFormat = 'paper',
  extra: { observation?: string; comment?: string } = {},
): string {
  if (format === 'paper') {
    return JSON.stringify({
      thought: action.thought,
      control_label: action.control_label,
      control_name: action.control_text,
      function: action.function,
      args: action.args,
      status: action.status,
      plan: action.plan,
    });
  }
  return JSON.stringify({
    Observation: extra.observation ?? '',
    Thought: action.thought,
    ControlLabel: action.control_label,
    ControlText: action.control_text,
    Function: action.function,
    Args: action.args,
    Status: action.status,
    Plan: action.plan,
    Comment: extra.comment ?? '',
  });
}
