import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatClient, ChatError, type ChatClientOptions } from '../../agents/http/chat-client.ts';

type Behaviour = (req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) => void;

/** A loopback server speaking OpenAI chat completions; each request takes the next scripted behaviour. */
const script: Behaviour[] = [];
const received: Record<string, unknown>[] = [];
let inFlight = 0;
let maxInFlight = 0;
const server = createServer((req, res) => {
  let data = '';
  req.on('data', (chunk: Buffer) => (data += chunk.toString()));
  req.on('end', () => {
    const body = JSON.parse(data) as Record<string, unknown>;
    received.push({ ...body, headers: req.headers, url: req.url });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const behaviour = script.shift() ?? answer('{"function": "click_input"}');
    behaviour(req, res, body);
  });
});
let baseUrl = '';

function answer(content: string, delayMs = 0): Behaviour {
  return (_req, res) =>
    setTimeout(() => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
        }),
      );
    }, delayMs);
}
const status =
  (code: number, body: string, headers: Record<string, string> = {}): Behaviour =>
  (_req, res) => {
    res.writeHead(code, headers);
    res.end(body);
  };

const client = (options: Partial<ChatClientOptions> = {}) =>
  new ChatClient({ baseUrl, model: 'lam-test', backoffMs: 5, maxBackoffMs: 20, timeoutMs: 2000, ...options });
const messages = [{ role: 'user' as const, content: 'hi' }];

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  script.length = 0;
  received.length = 0;
  maxInFlight = 0;
});

describe('ChatClient', () => {
  it('sends an OpenAI chat request and accounts tokens and latency', async () => {
    script.push(answer('{"Function": "click_input"}'));
    const chat = client({
      apiKey: 'sk-test',
      temperature: 0,
      maxTokens: 300,
      responseFormat: { type: 'json_object' },
    });
    const result = await chat.complete(messages, { seed: 42 });
    expect(result).toMatchObject({
      text: '{"Function": "click_input"}',
      finishReason: 'stop',
      attempts: 1,
      usage: { promptTokens: 100, completionTokens: 20 },
    });
    expect(received[0]).toMatchObject({
      model: 'lam-test',
      messages,
      temperature: 0,
      max_tokens: 300,
      seed: 42,
      response_format: { type: 'json_object' },
      url: '/v1/chat/completions',
      headers: { authorization: 'Bearer sk-test' },
    });
    expect(chat.stats).toMatchObject({
      requests: 1,
      attempts: 1,
      failures: 0,
      promptTokens: 100,
      completionTokens: 20,
    });
    expect(chat.stats.latenciesMs).toHaveLength(1);
  });

  it('retries server errors, rate limits (honouring Retry-After) and malformed bodies, then answers', async () => {
    script.push(
      status(503, 'overloaded'),
      status(429, '{"error": {"message": "slow down"}}', { 'retry-after': '0' }),
      status(200, '{"choices": ['),
    );
    script.push(answer('ok'));
    const chat = client();
    const result = await chat.complete(messages);
    expect(result.text).toBe('ok');
    expect(result.attempts).toBe(4);
    expect(chat.stats.attempts).toBe(4);
  });

  it('gives up after maxRetries with an error that says what the server said', async () => {
    script.push(
      ...Array.from({ length: 3 }, () => status(500, '{"error": {"message": "CUDA out of memory"}}')),
    );
    const error = (await client({ maxRetries: 2 })
      .complete(messages)
      .catch((e: unknown) => e)) as ChatError;
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ kind: 'http', status: 500, attempts: 3 });
    expect(error.message).toMatch(/chat\/completions: HTTP 500: CUDA out of memory \(after 3 attempts\)$/);
  });

  it('does not retry client errors', async () => {
    script.push(status(401, '{"error": "invalid api key"}'), answer('never'));
    await expect(client().complete(messages)).rejects.toMatchObject({
      kind: 'http',
      status: 401,
      attempts: 1,
      message: expect.stringMatching(/HTTP 401: invalid api key/),
    });
  });

  it('times out a slow answer and retries it', async () => {
    script.push(answer('late', 500), answer('in time'));
    const result = await client({ timeoutMs: 150 }).complete(messages);
    expect(result).toMatchObject({ text: 'in time', attempts: 2 });
    script.push(answer('late', 400), answer('late', 400));
    await expect(client({ timeoutMs: 100, maxRetries: 1 }).complete(messages)).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/no answer within 100 ms/),
    });
  });

  it('reports answers without content, and a server that is not there', async () => {
    script.push(status(200, '{"choices": []}'));
    await expect(client({ maxRetries: 0 }).complete(messages)).rejects.toMatchObject({
      kind: 'bad_response',
      message: expect.stringMatching(/without choices\[0\]\.message\.content/),
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nobody = new ChatClient({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm', maxRetries: 0 });
    await expect(nobody.complete(messages)).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('drops response_format once for a server that rejects it, and keeps it dropped', async () => {
    script.push(
      status(400, '{"error": {"message": "response_format is not supported"}}'),
      answer('a'),
      answer('b'),
    );
    const chat = client({ responseFormat: { type: 'json_object' } });
    expect((await chat.complete(messages)).attempts).toBe(1);
    expect((await chat.complete(messages)).text).toBe('b');
    expect(received.map((r) => 'response_format' in r)).toEqual([true, false, false]);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    for (let i = 0; i < 8; i++) script.push(answer(String(i), 30));
    const chat = client({ concurrency: 2 });
    const texts = await Promise.all(Array.from({ length: 8 }, () => chat.complete(messages)));
    expect(texts.map((t) => t.text).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(maxInFlight).toBe(2);
  });

  it('rejects bad options with a clear message', () => {
    expect(() => new ChatClient({ baseUrl: 'localhost:8000', model: 'm' })).toThrow(/must use http or https/);
    expect(() => new ChatClient({ baseUrl: 'not a url', model: 'm' })).toThrow(/absolute http\(s\) URL/);
    expect(() => new ChatClient({ baseUrl: 'http://x/v1', model: '' })).toThrow(
      /model must be a non-empty string/,
    );
    expect(() => new ChatClient({ baseUrl: 'http://x/v1', model: 'm', maxRetries: -1 })).toThrow(
      /maxRetries/,
    );
    const azure = new ChatClient({
      baseUrl:
        'https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-02-15-preview',
      model: 'm',
    });
    expect(azure).toBeInstanceOf(ChatClient);
  });
});
