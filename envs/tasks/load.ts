/**
 * Reading task files. Three shapes are accepted, told apart by content rather than by file name:
 * - lamgym suites: JSONL, one task record per line (blank lines and `//` comment lines are skipped);
 * - UFO dataflow task files: one pretty-printed JSON object (`app`, `unique_id`, `task`, `refined_steps`),
 *   or a JSON array of them;
 * - UFO instantiation / execution result files (`original.original_task`, `original.original_steps`, the
 *   instantiated request and plan): loaded as tasks without an evaluator, the plan and UFO's verdict kept in
 *   `meta`.
 * Keys are matched case-insensitively at the top level, as UFO's loader lower-cases them. Every malformed record
 * is reported with its line and reason; the good records of the same file are still returned.
 */
import { readFileSync } from 'node:fs';
import { closeMatches } from 'gymnasium-ts';
import type { z } from 'zod';
import { type TaskRecord, taskRecordSchema } from './schema.ts';

export type TaskSourceFormat = 'lamgym' | 'ufo-task' | 'ufo-result';

export interface LoadedTask {
  task: TaskRecord;
  /** 1-based line where the record starts. */
  line: number;
  format: TaskSourceFormat;
}

export interface TaskProblem {
  line: number;
  message: string;
}

export interface TaskParseResult {
  tasks: LoadedTask[];
  problems: TaskProblem[];
}

export class TaskFileError extends Error {
  readonly source: string;
  readonly problems: readonly TaskProblem[];
  constructor(source: string, problems: readonly TaskProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  ${source}:${p.line}: ${p.message}`);
    const more = problems.length > shown.length ? [`  … and ${problems.length - shown.length} more`] : [];
    super([`${source}: ${problems.length} malformed task record(s)`, ...shown, ...more].join('\n'));
    this.name = 'TaskFileError';
    this.source = source;
    this.problems = problems;
  }
}

const TASK_KEYS = Object.keys(taskRecordSchema.shape);

/** Parses the text of a task file; never throws on bad content (problems are returned). */
export function parseTasks(text: string): TaskParseResult {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  const firstLine = 1 + countNewlines(body, body.length - trimmed.length);
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !looksLikeJsonl(trimmed))) {
    return parseWholeFile(body, firstLine);
  }
  return parseJsonl(body);
}

/** Reads and parses a task file; throws `TaskFileError` listing every malformed record when `strict`. */
export function loadTaskFile(path: string, { strict = true }: { strict?: boolean } = {}): TaskParseResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read task file ${path}: ${(error as Error).message}`);
  }
  const result = parseTasks(text);
  if (strict && result.problems.length > 0) throw new TaskFileError(path, result.problems);
  return result;
}

function parseJsonl(text: string): TaskParseResult {
  const result: TaskParseResult = { tasks: [], problems: [] };
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('//')) return;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      result.problems.push({ line, message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    addRecord(result, seen, value, line);
  });
  return result;
}

function parseWholeFile(text: string, firstLine: number): TaskParseResult {
  const result: TaskParseResult = { tasks: [], problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position === null ? firstLine : 1 + countNewlines(text, Number(position[1]));
    result.problems.push({ line, message: `not valid JSON: ${message}` });
    return result;
  }
  const seen = new Map<string, number>();
  if (Array.isArray(value)) {
    const starts = arrayItemLines(text);
    value.forEach((item, i) => addRecord(result, seen, item, starts[i] ?? firstLine, `item ${i}`));
  } else {
    addRecord(result, seen, value, firstLine);
  }
  return result;
}

function addRecord(
  result: TaskParseResult,
  seen: Map<string, number>,
  value: unknown,
  line: number,
  where?: string,
): void {
  const prefix = where === undefined ? '' : `${where}: `;
  const normalised = normaliseRecord(value);
  if (typeof normalised === 'string') {
    result.problems.push({ line, message: prefix + normalised });
    return;
  }
  const parsed = taskRecordSchema.safeParse(normalised.record);
  if (!parsed.success) {
    result.problems.push({ line, message: prefix + describeIssues(parsed.error.issues) });
    return;
  }
  const key = `${parsed.data.app}/${parsed.data.unique_id}`;
  const previous = seen.get(key);
  if (previous !== undefined) {
    result.problems.push({
      line,
      message: `${prefix}duplicate unique_id '${parsed.data.unique_id}' for app ${parsed.data.app} (first on line ${previous})`,
    });
    return;
  }
  seen.set(key, line);
  result.tasks.push({ task: parsed.data, line, format: normalised.format });
}

/** Lower-cases top-level keys and turns UFO result files into task records; a string is a problem. */
function normaliseRecord(
  value: unknown,
): { record: Record<string, unknown>; format: TaskSourceFormat } | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `expected a task object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
  }
  const record: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) record[key.toLowerCase()] = v;
  if (typeof record.unique_id === 'number') record.unique_id = String(record.unique_id);
  if (typeof record.app === 'string') record.app = record.app.toLowerCase();
  if ('original' in record) return fromUfoResult(record);
  const isUfoTask = Object.keys(record).every((k) =>
    ['app', 'unique_id', 'task', 'refined_steps'].includes(k),
  );
  return { record, format: isUfoTask ? 'ufo-task' : 'lamgym' };
}

function fromUfoResult(
  record: Record<string, unknown>,
): { record: Record<string, unknown>; format: 'ufo-result' } | string {
  const original = asObject(record.original);
  if (original === null) return "field 'original': expected an object with original_task and original_steps";
  const instantiation = asObject(record.instantiation_result);
  const prefill = asObject(asObject(instantiation?.prefill)?.result);
  const templatePath = asObject(instantiation?.choose_template)?.result;
  const execution = asObject(asObject(record.execution_result)?.result);
  const meta: Record<string, unknown> = { ufo_format: 'result' };
  if (Array.isArray(prefill?.instantiated_plan)) meta.ufo_plan = prefill.instantiated_plan;
  if (execution !== null) meta.ufo_execution = execution;
  const task: Record<string, unknown> = {
    app: record.app,
    unique_id: record.unique_id,
    task: original.original_task,
    refined_steps: original.original_steps,
    meta,
  };
  if (typeof prefill?.instantiated_request === 'string')
    task.instantiated_request = prefill.instantiated_request;
  // UFO records Windows paths (dataflow\results\saved_document\5.docx): keep the file name.
  if (typeof templatePath === 'string') task.template = templatePath.split(/[\\/]/).pop();
  return { record: task, format: 'ufo-result' };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.length === 0 ? '' : `field '${formatPath(issue.path)}': `;
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map((key) => {
            const [best] = closeMatches(key, TASK_KEYS, { n: 1 });
            const hint = best === undefined ? '' : ` (did you mean '${best}'?)`;
            return `${issue.path.length === 0 ? '' : field}unknown field '${key}'${hint}`;
          })
          .join('; ');
      }
      if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
        return `missing field '${formatPath(issue.path)}' (${issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '')})`;
      }
      return field + issue.message;
    })
    .join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = 0; i < end && i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/** A JSONL file's first line is a complete object on its own. */
function looksLikeJsonl(text: string): boolean {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  try {
    JSON.parse(firstLine);
    return true;
  } catch {
    return false;
  }
}

/** The line on which each top-level item of a JSON array starts (the text is known to be valid JSON). */
function arrayItemLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectingItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectingItem && c !== undefined && !/\s|,|\]/.test(c)) {
      lines.push(line);
      expectingItem = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectingItem = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectingItem = true;
  }
  return lines;
}
