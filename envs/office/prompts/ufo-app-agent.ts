/**
 * UFO's AppAgent prompt (v1.2.0, text-only variant): a system turn (control items as {label, control_text,
 * control_type}, the `{apis}` list, the statuses, and the 9 response keys of `system_nonvisual`) and a user turn
 * with UFO's fields in UFO's order. The step history goes first, as UFO's blackboard puts it, one JSON object per
 * step with UFO's HISTORY_KEYS.
 */
import { CONTROL_LIST } from '../controls.ts';
import type { OfficeAction } from '../actions.ts';
import { formatAnswer } from '../answer.ts';
import type { ActionRecord, OfficeObservation } from '../observation.ts';
import { controlItems, pyJsonDumps, renderApis, type ApiListOptions } from './format.ts';
import type { ChatMessage } from './appendix-c.ts';

/** The user turn's fields, in UFO's order. */
export const UFO_USER_FIELDS = [
  '<Available Control Item:>',
  '<Overall User Request:>',
  '<Previous Sub-tasks Results:>',
  '<Sub-task for you to complete:>',
  '<Current Application You are Working on:>',
  '<Message and Information from the HostAgent:>',
  '<Your Next Plan:>',
] as const;

/** The 9 response keys of the text-only AppAgent prompt. */
export const UFO_RESPONSE_KEYS = [
  'Observation',
  'Thought',
  'ControlLabel',
  'ControlText',
  'Function',
  'Args',
  'Status',
  'Plan',
  'Comment',
] as const;

/** UFO's HISTORY_KEYS: what each past step shows the model. */
export const UFO_HISTORY_KEYS = [
  'Step',
  'ControlText',
  'Subtask',
  'Action',
  'Results',
  'UserConfirm',
] as const;

export const STEP_HISTORY_TITLE = '[Step Trajectories Completed Previously]:';

export interface UfoPromptOptions extends ApiListOptions {
  /** The sub-task the HostAgent assigned (default: the whole request). */
  subtask?: string;
  /** Results of earlier sub-tasks (default none). */
  previousSubtasks?: readonly unknown[];
  /** The HostAgent's message (default none). */
  hostMessage?: readonly string[];
  /** The application's window name (default: the observation's window title). */
  application?: string;
  /** Statuses offered (default CONTINUE, FINISH, FAIL: the ones an OfficeEnv runs). */
  statuses?: readonly string[];
}

export function ufoHistoryEntry(record: ActionRecord, subtask: string): Record<string, unknown> {
  return {
    Step: record.step - 1,
    ControlText: record.control_text,
    Subtask: subtask,
    Action: record.command,
    Results: record.error !== null ? `Error: ${record.error}` : record.result === null ? '' : record.result,
    UserConfirm: null,
  };
}

const STATUS_MEANING: Readonly<Record<string, string>> = {
  CONTINUE: 'the sub-task is not finished and needs more actions.',
  FINISH: 'the sub-task is finished after this action; no more actions are needed.',
  FAIL: 'the sub-task cannot be completed in the current application state; say why in "Comment".',
};

export function ufoAppAgentSystem(options: UfoPromptOptions = {}): string {
  const statuses = options.statuses ?? ['CONTINUE', 'FINISH', 'FAIL'];
  return [
    '- You are the AppAgent of UFO, a UI-focused agent framework for Windows. You complete the sub-task the HostAgent gives you by taking one action at a time on the current application window.',
    '- You are given the control items of the window, your previous plan, and the steps you took before with their results.',
    '',
    '## Control item',
    '- The control items are given as a list of {"label": "the annotated label of the control item", "control_text": "the text of the control item", "control_type": "the type of the control item"}.',
    `- Their types are: ${CONTROL_LIST.join(', ')}.`,
    '',
    '## Actions',
    '- You can call the following APIs on a control item:',
    renderApis(options),
    '',
    '## Status of the task',
    ...statuses.map((s) => `- "${s}": ${STATUS_MEANING[s] ?? 'see the task.'}`),
    '',
    '## Response',
    `- Respond with one JSON object with these ${UFO_RESPONSE_KEYS.length} keys:`,
    '  "Observation": what the window shows now, as it concerns the request,',
    '  "Thought": your reasoning for this one step,',
    '  "ControlLabel": the label of the selected control item, or "" when none is needed,',
    '  "ControlText": the control_text of that control item, exactly as listed, or "",',
    '  "Function": the API name without arguments, or "" for no action,',
    '  "Args": the arguments as a JSON object, {} when there are none,',
    `  "Status": one of ${statuses.map((s) => `"${s}"`).join(', ')},`,
    '  "Plan": the list of the remaining steps after this action, or "<FINISH>" when none remain,',
    '  "Comment": anything else to report, such as the answer to a question in the request.',
    '- Respond with the JSON object only, so that json.loads can read it.',
  ].join('\n');
}

export function ufoAppAgentUser(
  observation: Pick<
    OfficeObservation,
    'controls' | 'request' | 'previous_actions' | 'previous_plan' | 'window'
  >,
  options: UfoPromptOptions = {},
): string {
  const subtask = options.subtask ?? observation.request;
  const lines: string[] = [];
  if (observation.previous_actions.length > 0) {
    lines.push(STEP_HISTORY_TITLE);
    for (const record of observation.previous_actions)
      lines.push(pyJsonDumps(ufoHistoryEntry(record, subtask)));
    lines.push('');
  }
  const values = [
    controlItems(observation.controls),
    observation.request,
    pyJsonDumps(options.previousSubtasks ?? []),
    subtask,
    options.application ?? observation.window,
    pyJsonDumps(options.hostMessage ?? []),
    pyJsonDumps(observation.previous_plan),
  ];
  UFO_USER_FIELDS.forEach((field, i) => lines.push(`${field} ${values[i]}`));
  return lines.join('\n');
}

export function ufoAppAgentMessages(
  observation: OfficeObservation,
  options: UfoPromptOptions = {},
): ChatMessage[] {
  return [
    { role: 'system', content: ufoAppAgentSystem(options) },
    { role: 'user', content: ufoAppAgentUser(observation, options) },
  ];
}

/** A UFO-format training sample: the prompt and the action in UFO's response keys. */
export function ufoAppAgentSample(
  observation: OfficeObservation,
  action: OfficeAction,
  options: UfoPromptOptions & { observationText?: string; comment?: string } = {},
): ChatMessage[] {
  const extra: { observation?: string; comment?: string } = {};
  if (options.observationText !== undefined) extra.observation = options.observationText;
  if (options.comment !== undefined) extra.comment = options.comment;
  return [
    ...ufoAppAgentMessages(observation, options),
    { role: 'assistant', content: formatAnswer(action, 'ufo', extra) },
  ];
}
