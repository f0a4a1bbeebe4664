/**
 * A client for OpenAI-compatible chat completions (vLLM, llama.cpp server, Ollama, Azure OpenAI, OpenAI):
 * timeouts, bounded retries with exponential backoff that honour `Retry-After`, a concurrency limit, and
 * token and latency accounting. It returns the model's text; reading that text as an action is the answer
 * parser's job. Written on Node's fetch because the official SDK requires Node 22.
 */
import pLimit, { type LimitFunction } from 'p-limit';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** `json_object` (JSON mode) or a JSON schema the server should constrain the answer to. */
export type ResponseFormat =
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema: object; strict?: boolean } };

export interface ChatClientOptions {
  /** e.g. `http://127.0.0.1:8000/v1`; a URL already ending in `/chat/completions` is used as it is (Azure). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Extra headers (Azure's `api-key`, an organisation …). */
  headers?: Record<string, string>;
  temperature?: number;
  maxTokens?: number;
  responseFormat?: ResponseFormat;
  /** Per attempt (default 60 s, UFO's TIMEOUT). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3, UFO's MAX_RETRY). */
  maxRetries?: number;
  /** First backoff delay; doubled each retry, with jitter, up to `maxBackoffMs` (defaults 500 ms / 8 s). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatResult {
  text: string;
  finishReason: string | null;
  /** Null when the server reported no usage. */
  usage: ChatUsage | null;
  attempts: number;
  /** From the first attempt to the answer, retries and backoff included. */
  latencyMs: number;
}

export type ChatErrorKind = 'http' | 'timeout' | 'network' | 'bad_response';

export class ChatError extends Error {
  readonly kind: ChatErrorKind;
  readonly status: number | null;
  readonly attempts: number;
  constructor(kind: ChatErrorKind, message: string, status: number | null, attempts: number) {
    super(message);
    this.name = 'ChatError';
    this.kind = kind;
    this.status = status;
    this.attempts = attempts;
  }
}

export interface ChatStats {
  requests: number;
  attempts: number;
  failures: number;
  promptTokens: number;
  completionTokens: number;
  latenciesMs: number[];
}

const RETRYABLE_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

export class ChatClient {
  readonly options: Readonly<
    Required<Omit<ChatClientOptions, 'apiKey' | 'headers' | 'temperature' | 'maxTokens' | 'responseFormat'>>
  > &
    ChatClientOptions;
  readonly stats: ChatStats = {
    requests: 0,
    attempts: 0,
    failures: 0,
    promptTokens: 0,
    completionTokens: 0,
    latenciesMs: [],
  };
  private readonly url: string;
  private readonly limit: LimitFunction;
  /** Set once a server rejects `response_format`, so later requests do not pay for the refusal again. */
  private responseFormatUnsupported = false;

  constructor(options: ChatClientOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new TypeError(`baseUrl must be an absolute http(s) URL, got '${options.baseUrl}'`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError(`baseUrl must use http or https, got '${url.protocol}'`);
    if (typeof options.model !== 'string' || options.model === '')
      throw new TypeError('model must be a non-empty string');
    this.options = {
      timeoutMs: 60_000,
      maxRetries: 3,
      backoffMs: 500,
      maxBackoffMs: 8_000,
      concurrency: 4,
      ...options,
    };
    for (const key of ['timeoutMs', 'backoffMs', 'maxBackoffMs', 'concurrency'] as const) {
      if (!(this.options[key] > 0)) throw new RangeError(`${key} must be positive, got ${this.options[key]}`);
    }
    if (!(Number.isInteger(this.options.maxRetries) && this.options.maxRetries >= 0)) {
      throw new RangeError(`maxRetries must be a non-negative integer, got ${this.options.maxRetries}`);
    }
    const base = options.baseUrl.replace(/\/+$/, '');
    this.url = /\/chat\/completions(\?|$)/.test(base) ? base : `${base}/chat/completions`;
    this.limit = pLimit(this.options.concurrency);
  }

  complete(
    messages: readonly ChatMessage[],
    overrides: { temperature?: number; seed?: number } = {},
  ): Promise<ChatResult> {
    return this.limit(() => this.completeNow(messages, overrides));
  }

  private async completeNow(
    messages: readonly ChatMessage[],
    overrides: { temperature?: number; seed?: number },
  ): Promise<ChatResult> {
    this.stats.requests++;
    const started = performance.now();
    let attempts = 0;
    for (;;) {
      attempts++;
      this.stats.attempts++;
      const outcome = await this.attempt(messages, overrides);
      if ('text' in outcome) {
        const latencyMs = performance.now() - started;
        this.stats.latenciesMs.push(latencyMs);
        if (outcome.usage !== null) {
          this.stats.promptTokens += outcome.usage.promptTokens;
          this.stats.completionTokens += outcome.usage.completionTokens;
        }
        return { ...outcome, attempts, latencyMs };
      }
      if (outcome.retryFormatless) {
        attempts--; // the refusal of response_format is not a failed attempt
        this.stats.attempts--;
        continue;
      }
      if (!outcome.retryable || attempts > this.options.maxRetries) {
        this.stats.failures++;
        const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
        throw new ChatError(
          outcome.kind,
          `${this.url}: ${outcome.message} (after ${tries})`,
          outcome.status,
          attempts,
        );
      }
      await sleep(this.backoff(attempts, outcome.retryAfterMs));
    }
  }

  private backoff(attempt: number, retryAfterMs: number | null): number {
    if (retryAfterMs !== null) return Math.min(retryAfterMs, this.options.maxBackoffMs);
    const ceiling = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (attempt - 1));
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  private async attempt(
    messages: readonly ChatMessage[],
    overrides: { temperature?: number; seed?: number },
  ): Promise<
    | { text: string; finishReason: string | null; usage: ChatUsage | null }
    | {
        kind: ChatErrorKind;
        message: string;
        status: number | null;
        retryable: boolean;
        retryAfterMs: number | null;
        retryFormatless?: boolean;
      }
  > {
    const body: Record<string, unknown> = { model: this.options.model, messages };
    const temperature = overrides.temperature ?? this.options.temperature;
    if (temperature !== undefined) body.temperature = temperature;
    if (overrides.seed !== undefined) body.seed = overrides.seed;
    if (this.options.maxTokens !== undefined) body.max_tokens = this.options.maxTokens;
    const sendFormat = this.options.responseFormat !== undefined && !this.responseFormatUnsupported;
    if (sendFormat) body.response_format = this.options.responseFormat;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...this.options.headers };
    if (this.options.apiKey !== undefined) headers.authorization = `Bearer ${this.options.apiKey}`;

    let response: Response;
    let raw: string;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      raw = await response.text();
    } catch (error) {
      const err = error as Error;
      if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        return {
          kind: 'timeout',
          message: `no answer within ${this.options.timeoutMs} ms`,
          status: null,
          retryable: true,
          retryAfterMs: null,
        };
      }
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const detail = cause?.code ?? cause?.message ?? err.message;
      return {
        kind: 'network',
        message: `request failed: ${detail}`,
        status: null,
        retryable: true,
        retryAfterMs: null,
      };
    }
    if (!response.ok) {
      const serverMessage = errorMessage(raw);
      if (
        sendFormat &&
        response.status === 400 &&
        /response_format|json_schema|json mode/i.test(serverMessage)
      ) {
        this.responseFormatUnsupported = true;
        return {
          kind: 'http',
          message: serverMessage,
          status: 400,
          retryable: true,
          retryAfterMs: 0,
          retryFormatless: true,
        };
      }
      return {
        kind: 'http',
        message: `HTTP ${response.status}${serverMessage === '' ? '' : `: ${serverMessage}`}`,
        status: response.status,
        retryable: RETRYABLE_STATUS.has(response.status),
        retryAfterMs: retryAfter(response.headers.get('retry-after')),
      };
    }
    const parsed = readCompletion(raw);
    if (typeof parsed === 'string') {
      return {
        kind: 'bad_response',
        message: parsed,
        status: response.status,
        retryable: true,
        retryAfterMs: null,
      };
    }
    return parsed;
  }
}

function readCompletion(
  raw: string,
): { text: string; finishReason: string | null; usage: ChatUsage | null } | string {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return `the server's answer is not JSON: ${JSON.stringify(raw.slice(0, 120))}`;
  }
  const choice = (json as { choices?: { message?: { content?: unknown }; finish_reason?: unknown }[] })
    .choices?.[0];
  const content = choice?.message?.content;
  if (typeof content !== 'string') return 'the server answered without choices[0].message.content';
  const usage = (json as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } }).usage;
  return {
    text: content,
    finishReason: typeof choice?.finish_reason === 'string' ? choice.finish_reason : null,
    usage:
      typeof usage?.prompt_tokens === 'number' && typeof usage.completion_tokens === 'number'
        ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens }
        : null,
  };
}

function errorMessage(raw: string): string {
  try {
    const json = JSON.parse(raw) as { error?: { message?: unknown } | string; message?: unknown };
    if (typeof json.error === 'string') return json.error;
    if (typeof json.error?.message === 'string') return json.error.message;
    if (typeof json.message === 'string') return json.message;
  } catch {
    // not JSON: show the start of the body
  }
  return raw.trim().slice(0, 200);
}

/** `Retry-After` in seconds or as an HTTP date. */
function retryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
