/**
 * A LAM served behind an OpenAI-compatible chat endpoint, as a `Policy` of the Office envs. The prompt is the
 * paper's Appendix C template or UFO's AppAgent prompt; the answer goes through the kernel's tolerant parser
 * (small models break UFO's JSON format: UFO issue #140). An answer that cannot be read is passed to the env
 * as raw text, which reports it as an invalid action in `info.error`: the episode goes on, nothing is lost.
 */
import {
  type OfficeAction,
  type OfficeObservation,
  appendixCMessages,
  parseAnswer,
  ufoAppAgentMessages,
} from '../../envs/office/index.ts';
import type { Policy, PolicyContext } from '../policy.ts';
import { ChatClient, type ChatClientOptions, ChatError } from './chat-client.ts';

export type PromptStyle = 'appendix-c' | 'ufo';

export interface HttpPolicyOptions extends ChatClientOptions {
  prompt?: PromptStyle;
  /** The policy version recorded in trajectories (default: the model name). */
  version?: string;
}

export interface HttpStepInfo {
  prompt_tokens: number | null;
  completion_tokens: number | null;
  latency_ms: number;
  attempts: number;
  repairs: string[];
  parse_error: string | null;
  http_error: string | null;
}

export class HttpPolicy implements Policy<OfficeObservation, OfficeAction | string> {
  readonly name: string;
  readonly version: string;
  readonly prompt: PromptStyle;
  readonly client: ChatClient;
  private last: HttpStepInfo | null = null;

  constructor(options: HttpPolicyOptions) {
    this.client = new ChatClient(options);
    this.prompt = options.prompt ?? 'appendix-c';
    this.name = `http:${options.model}`;
    this.version = options.version ?? options.model;
  }

  async act(observation: OfficeObservation, context: PolicyContext): Promise<OfficeAction | string> {
    const messages =
      this.prompt === 'ufo' ? ufoAppAgentMessages(observation) : appendixCMessages(observation);
    const info: HttpStepInfo = {
      prompt_tokens: null,
      completion_tokens: null,
      latency_ms: 0,
      attempts: 0,
      repairs: [],
      parse_error: null,
      http_error: null,
    };
    this.last = info;
    let text: string;
    try {
      const overrides: { temperature?: number; seed: number } = { seed: context.seed + context.step };
      if (context.temperature !== undefined) overrides.temperature = context.temperature;
      const result = await this.client.complete(messages, overrides);
      text = result.text;
      info.prompt_tokens = result.usage?.promptTokens ?? null;
      info.completion_tokens = result.usage?.completionTokens ?? null;
      info.latency_ms = result.latencyMs;
      info.attempts = result.attempts;
    } catch (error) {
      if (!(error instanceof ChatError)) throw error;
      // The server could not answer: the step becomes a no-op whose error the env shows in the next observation.
      info.http_error = error.message;
      info.attempts = error.attempts;
      return `(no answer from the LAM server: ${error.message})`;
    }
    const parsed = parseAnswer(text);
    info.repairs = parsed.repairs;
    if (!parsed.ok) {
      info.parse_error = `${parsed.error} (line ${parsed.line}, column ${parsed.column})`;
      return text;
    }
    return parsed.action;
  }

  lastStepInfo(): Record<string, unknown> {
    return { ...(this.last ?? {}) };
  }
}
