/**
 * The LAM training prompt of the paper's Appendix C (arXiv 2412.10047): a system turn that lists the control
 * types, the functions (`{apis}`) and the statuses (CONTINUE and FINISH only), and asks for a JSON answer with 7
 * keys; a user turn on one line,
 * `<Available Control Item:> {control_item} <User Request:> {user_request} <Previous Actions:> {step_history}
 * <Previous Plans:> {previous_plan}`; and the assistant turn `{output}` for training samples.
 */
import { CONTROL_LIST } from '../controls.ts';
import type { OfficeAction } from '../actions.ts';
import { formatAnswer } from '../answer.ts';
import type { ActionRecord, OfficeObservation } from '../observation.ts';
import { controlItems, pyJsonDumps, renderApis, type ApiListOptions } from './format.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The user turn, with the paper's placeholder names. */
export const APPENDIX_C_USER_TEMPLATE =
  '<Available Control Item:> {control_item} <User Request:> {user_request} <Previous Actions:> {step_history} <Previous Plans:> {previous_plan}';

/** The 7 answer keys, in the paper's order. */
export const APPENDIX_C_KEYS = [
  'thought',
  'control_label',
  'control_name',
  'function',
  'args',
  'status',
  'plan',
] as const;

/** Fills `{name}` placeholders in one pass, so values that contain braces are left as they are. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole,
  );
}

/** One previous step as the `<Previous Actions:>` list shows it, in the answer's own keys. */
export function stepHistoryEntry(record: ActionRecord): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    step: record.step,
    thought: record.thought,
    control_label: record.control_label,
    control_name: record.control_text,
    function: record.function,
    args: record.args,
    status: record.status ?? '',
  };
  if (record.result !== null) entry.result = record.result;
  if (record.error !== null) entry.error = record.error;
  return entry;
}

export interface AppendixCSystemOptions extends ApiListOptions {
  /** The application named in the prompt (default "the application"). */
  app?: string;
  /** Statuses offered (default the paper's CONTINUE and FINISH). */
  statuses?: readonly string[];
}

const STATUS_MEANING: Readonly<Record<string, string>> = {
  CONTINUE: 'the request needs more actions after this one.',
  FINISH: 'the request is complete once this action is taken.',
  FAIL: 'the request cannot be completed in this application.',
};

export function appendixCSystem(options: AppendixCSystemOptions = {}): string {
  const app = options.app ?? 'the application';
  const statuses = options.statuses ?? ['CONTINUE', 'FINISH'];
  return [
    `You operate ${app} on Windows for a user, one action at a time, by selecting a control item and calling a function on it.`,
    '',
    '## Control items',
    '- The control items of the current window are given as a list of {"label", "control_text", "control_type"}.',
    `- Their types are: ${CONTROL_LIST.join(', ')}.`,
    '',
    '## Functions',
    '- You can call the following functions:',
    renderApis(options),
    '',
    '## Status',
    ...statuses.map((s) => `- "${s}": ${STATUS_MEANING[s] ?? 'see the task.'}`),
    '',
    '## Answer',
    `- Answer with one JSON object with exactly these ${APPENDIX_C_KEYS.length} keys:`,
    '  "thought": your reasoning for this one step,',
    '  "control_label": the label of the selected control item, or "" when the function needs none,',
    '  "control_name": the control_text of that control item, or "",',
    '  "function": the function name without arguments, or "" for no action,',
    '  "args": the arguments as a JSON object, {} when there are none,',
    `  "status": one of ${statuses.map((s) => `"${s}"`).join(', ')},`,
    '  "plan": the list of the remaining steps after this one; [] when the request is finished.',
  ].join('\n');
}

export function appendixCUser(
  observation: Pick<OfficeObservation, 'controls' | 'request' | 'previous_actions' | 'previous_plan'>,
): string {
  return fillTemplate(APPENDIX_C_USER_TEMPLATE, {
    control_item: controlItems(observation.controls),
    user_request: observation.request,
    step_history: pyJsonDumps(observation.previous_actions.map(stepHistoryEntry)),
    previous_plan: pyJsonDumps(observation.previous_plan),
  });
}

const APP_TITLES: Readonly<Record<string, string>> = {
  word: 'Microsoft Word',
  excel: 'Microsoft Excel',
  powerpoint: 'Microsoft PowerPoint',
};

/** "Microsoft Word" for `word`; other app keys as they are. */
export function appTitle(app: string): string {
  return APP_TITLES[app] ?? app;
}

/**
 * The system and user turns for a model to answer. Pass the app's APIs (`{apis: app.apis}`) to list them after
 * UFO's generic functions.
 */
export function appendixCMessages(
  observation: OfficeObservation,
  options: AppendixCSystemOptions = {},
): ChatMessage[] {
  return [
    { role: 'system', content: appendixCSystem({ app: appTitle(observation.app), ...options }) },
    { role: 'user', content: appendixCUser(observation) },
  ];
}

/** A training sample: the prompt and, as the assistant turn, the action in the paper's 7 keys. */
export function appendixCSample(
  observation: OfficeObservation,
  action: OfficeAction,
  options: AppendixCSystemOptions = {},
): ChatMessage[] {
  return [
    ...appendixCMessages(observation, options),
    { role: 'assistant', content: formatAnswer(action, 'paper') },
  ];
}
