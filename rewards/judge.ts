/**
 * The `judge` reward: an LLM judge over an OpenAI-compatible endpoint with UFO's evaluation prompt (v1.2.0
 * `ufo/prompts/evaluation/evaluate.yaml`: the trajectory's Subtask, Step, Observation, Thought, ControlLabel,
 * ControlText, Action, Plan, Comment, Results and Application fields; the answer
 * `{"reason", "sub_scores": {...: "yes|no|unsure"}, "complete": "yes|no|unsure"}`). Only `complete == "yes"`
 * counts as success, as in UFO's EXECUTION_RESULT_MAP. The judge sees the request, the steps and the document
 * before and after, never the task's evaluator. The HTTP client is passed in (rewards do not import agents):
 * anything with `complete(messages) → {text}` will do.
 */
import { parseLenient } from '../envs/office/index.ts';
import type { Trajectory } from '../envs/tasks/trajectory.ts';
import type { RewardFn, RewardResult, SubScore } from './reward-fn.ts';

export interface JudgeMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface JudgeChat {
  complete(
    messages: readonly JudgeMessage[],
    overrides?: { temperature?: number; seed?: number },
  ): Promise<{
    text: string;
  }>;
}

export const JUDGE_SYSTEM_PROMPT = [
  'You are an evaluator that judges whether an agent completed a user request on a Windows Office application.',
  'You are given the request, the agent trajectory step by step (Subtask, Step, Observation, Thought, ControlLabel,',
  'ControlText, Action, Plan, Comment, Results, Application) and the document before and after the episode.',
  'Decompose the request into sub-scores, judge each one "yes", "no" or "unsure", then judge the whole.',
  'Answer with a JSON object only, in this format:',
  '{"reason": "<why>", "sub_scores": {"<sub-score 1>": "yes/no/unsure", ...}, "complete": "yes/no/unsure"}',
].join('\n');

interface StepLike {
  function?: string;
  control_label?: string;
  control_text?: string;
  args?: unknown;
  thought?: string;
  plan?: unknown;
  status?: string;
}

/** Keeps the prompt bounded: a document far larger than this is cut, and the cut is said. */
const MAX_DOCUMENT_CHARS = 6000;

function documentText(canvas: unknown): string {
  const text = JSON.stringify(canvas ?? null);
  return text.length <= MAX_DOCUMENT_CHARS
    ? text
    : `${text.slice(0, MAX_DOCUMENT_CHARS)} … (${text.length - MAX_DOCUMENT_CHARS} more characters cut)`;
}

/** The user turn: the request, the steps in UFO's log fields, and the document before and after. */
export function judgeUserPrompt(trajectory: Trajectory): string {
  const request = trajectory.task.instantiated_request ?? trajectory.task.task;
  const steps = trajectory.steps.map((s, i) => {
    const a = (
      typeof s.action === 'object' && s.action !== null ? s.action : { function: String(s.action) }
    ) as StepLike;
    const error = (s.info as { error?: unknown }).error;
    return JSON.stringify({
      Subtask: request,
      Step: i + 1,
      Thought: a.thought ?? '',
      ControlLabel: a.control_label ?? '',
      ControlText: a.control_text ?? '',
      Action: `${a.function ?? ''}(${JSON.stringify(a.args ?? {})})`,
      Plan: a.plan ?? [],
      Comment: a.status ?? '',
      Results: typeof error === 'string' && error !== '' ? `error: ${error}` : 'success',
      Application: trajectory.task.app,
    });
  });
  const first = (trajectory.steps[0]?.obs as { canvas?: unknown } | undefined)?.canvas;
  const last = (trajectory.final_obs as { canvas?: unknown } | undefined)?.canvas;
  return [
    `<User Request:> ${request}`,
    '<Trajectory:>',
    ...steps,
    `<Document before:> ${documentText(first)}`,
    `<Document after:> ${documentText(last)}`,
    'Your evaluation:',
  ].join('\n');
}

const VERDICTS = new Set(['yes', 'no', 'unsure']);

/** Reads the judge's answer tolerantly (code fences, prose around the JSON, single quotes); throws when unreadable. */
export function parseJudgeAnswer(text: string): {
  complete: SubScore;
  sub_scores: Record<string, SubScore>;
  reason: string;
} {
  const start = text.indexOf('{');
  if (start === -1)
    throw new Error(`the judge's answer holds no JSON object: ${JSON.stringify(text.slice(0, 120))}`);
  let value: unknown;
  try {
    value = parseLenient(text, start).value;
  } catch (error) {
    throw new Error(`the judge's answer is not readable JSON: ${(error as Error).message}`);
  }
  const v = value as { complete?: unknown; task_complete?: unknown; sub_scores?: unknown; reason?: unknown };
  // The paper's keys (task_complete) and UFO's (complete) are both accepted.
  const complete = String(v.complete ?? v.task_complete ?? '')
    .toLowerCase()
    .trim();
  if (!VERDICTS.has(complete))
    throw new Error(
      `the judge's answer has no complete: yes|no|unsure (got ${JSON.stringify(v.complete ?? v.task_complete)})`,
    );
  const sub_scores: Record<string, SubScore> = {};
  if (v.sub_scores !== null && typeof v.sub_scores === 'object')
    for (const [k, s] of Object.entries(v.sub_scores as Record<string, unknown>)) {
      const verdict = String(s).toLowerCase().trim();
      sub_scores[k] = (VERDICTS.has(verdict) ? verdict : 'unsure') as SubScore;
    }
  return { complete: complete as SubScore, sub_scores, reason: typeof v.reason === 'string' ? v.reason : '' };
}

export function judgeReward(chat: JudgeChat, options: { name?: string; version?: string } = {}): RewardFn {
  return {
    name: options.name ?? 'judge',
    version: options.version ?? '1',
    async score(trajectory): Promise<RewardResult> {
      const answer = await chat.complete(
        [
          { role: 'system', content: JUDGE_SYSTEM_PROMPT },
          { role: 'user', content: judgeUserPrompt(trajectory) },
        ],
        { temperature: 0, seed: trajectory.seed },
      );
      const verdict = parseJudgeAnswer(answer.text);
      return {
        reward: verdict.complete === 'yes' ? 1 : 0,
        success: verdict.complete === 'yes',
        sub_scores: verdict.sub_scores,
        reason: verdict.reason,
      };
    },
  };
}
