/** The HTTP LAM policy driving a real OfficeEnv through a loopback OpenAI-compatible server. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { npRandom } from 'gymnasium-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpPolicy } from '../../agents/http/http-policy.ts';
import { OfficeEnv } from '../../envs/office/index.ts';
import { notepad } from '../office/fixtures/notepad.ts';

const replies: (string | number)[] = [];
const prompts: { role: string; content: string }[][] = [];
const server = createServer((req, res) => {
  let data = '';
  req.on('data', (chunk: Buffer) => (data += chunk.toString()));
  req.on('end', () => {
    prompts.push((JSON.parse(data) as { messages: { role: string; content: string }[] }).messages);
    const reply = replies.shift() ?? '{}';
    if (typeof reply === 'number') {
      res.writeHead(reply);
      res.end('{"error": {"message": "server trouble"}}');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        choices: [{ message: { content: reply }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 50, completion_tokens: 10 },
      }),
    );
  });
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('HttpPolicy on an Office env', () => {
  it('acts from model answers, repairs what it can and turns garbage into invalid actions, not crashes', async () => {
    const env = new OfficeEnv(notepad, { request: 'Make the text bold' });
    const [first] = env.reset({ seed: 3 });
    const bold = first.controls.find((c) => c.control_text === 'Bold')!;
    expect(bold).toBeDefined();
    replies.push(
      'I am not sure what to do here.', // unreadable: passed on as text
      500, // the server fails once, then answers (a retry)
      `\`\`\`json\n{"thought": "click Bold", "control_label": "${bold.label}", "control_name": "Bold", "function": "click_input", "args": {"button": "left", "double": False}, "status": "CONTINUE", "plan": ["finish"]}\n\`\`\``,
      `{"Thought": "done", "ControlLabel": "", "ControlText": "", "Function": "", "Args": {}, "Status": "FINISH", "Plan": "<FINISH>"`, // cut off
    );
    const policy = new HttpPolicy({
      baseUrl,
      model: 'tiny-lam',
      backoffMs: 1,
      maxBackoffMs: 5,
      prompt: 'appendix-c',
    });
    const rng = npRandom(3)[0];
    let obs = first;
    const infos: Record<string, unknown>[] = [];
    const stepInfos: Record<string, unknown>[] = [];
    for (let step = 0; step < 3; step++) {
      const action = await policy.act(obs, { rng, seed: 3, step, temperature: 0 });
      stepInfos.push(policy.lastStepInfo());
      const [next, , terminated, , info] = env.step(action);
      infos.push(info);
      obs = next;
      if (terminated) break;
    }
    // Step 1: garbage → an invalid action reported by the env; the document did not change.
    expect(stepInfos[0]).toMatchObject({ parse_error: expect.any(String), prompt_tokens: 50 });
    expect(infos[0]?.error).toEqual(expect.any(String));
    // Step 2: after one retry, a fenced answer with a Python literal clicks Bold.
    expect(stepInfos[1]).toMatchObject({
      attempts: 2,
      parse_error: null,
      repairs: expect.arrayContaining([expect.any(String)]),
    });
    expect(infos[1]?.error).toBeUndefined();
    expect(obs.canvas).toMatchObject({ format: { bold: true } });
    // Step 3: a truncated UFO-style answer that says FINISH ends the episode.
    expect(stepInfos[2]).toMatchObject({ parse_error: null });
    expect(obs.previous_actions.at(-1)).toMatchObject({ status: 'FINISH' });
    // The prompt is the paper's Appendix C template, with the control list and the request.
    const user = prompts[0]!.find((m) => m.role === 'user')!.content;
    expect(user).toContain('<Available Control Item:>');
    expect(user).toContain('Make the text bold');
    expect(policy.client.stats).toMatchObject({ requests: 4 - 1, promptTokens: 150 });
    env.close();
  });

  it('turns an unreachable server into a no-op step with the reason, and can use UFO prompts', async () => {
    replies.push(503, 503);
    const env = new OfficeEnv(notepad, { request: 'Type hello' });
    const [obs] = env.reset({ seed: 1 });
    const policy = new HttpPolicy({ baseUrl, model: 'm', maxRetries: 1, backoffMs: 1, prompt: 'ufo' });
    const action = await policy.act(obs, { rng: npRandom(1)[0], seed: 1, step: 0 });
    expect(policy.lastStepInfo()).toMatchObject({
      http_error: expect.stringMatching(/HTTP 503/),
      attempts: 2,
    });
    const [, , , , info] = env.step(action);
    expect(info.error).toEqual(expect.any(String));
    expect(prompts.at(-1)!.find((m) => m.role === 'user')!.content).toContain('Type hello');
    env.close();
  });
});
