import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient } from '../../agents/http/chat-client.ts';
import { OraclePolicy } from '../../agents/baselines/oracle.ts';
import { instantiate } from '../../envs/tasks/family.ts';
import { charFormatFamily } from '../../envs/tasks/families/word-text.ts';
import type { TaskRecord } from '../../envs/tasks/schema.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { allOf, anyOf, fallback, weightedSum } from '../../rewards/combinators.ts';
import { judgeReward, judgeUserPrompt, parseJudgeAnswer } from '../../rewards/judge.ts';
import { type RewardFn, scoreSafely } from '../../rewards/reward-fn.ts';
import { judgeWith, play } from '../tasks/family-check.ts';

const bold = charFormatFamily('bold') as never;
judgeWith([bold]);

/** A loopback OpenAI-compatible server whose answers the test scripts; it records the prompts it got. */
const answers: string[] = [];
const prompts: string[] = [];
const server = createServer((req, res) => {
  let data = '';
  req.on('data', (c: Buffer) => (data += c.toString()));
  req.on('end', () => {
    const body = JSON.parse(data) as { messages: { content: string }[] };
    prompts.push(body.messages.map((m) => m.content).join('\n'));
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({ choices: [{ message: { role: 'assistant', content: answers.shift() ?? '' } }] }),
    );
  });
});
let chat: ChatClient;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  chat = new ChatClient({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    model: 'judge',
    maxRetries: 0,
  });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let solved: Trajectory;
beforeAll(async () => {
  solved = (await play(new OraclePolicy(), instantiate(bold, 0, 0) as TaskRecord, 0)) as Trajectory;
});

const fixed = (name: string, reward: number, success: boolean): RewardFn => ({
  name,
  score: () => ({ reward, success, sub_scores: { [name]: success ? 'yes' : 'no' }, reason: name }),
});

describe('the LLM judge', () => {
  it("shows the judge UFO's step fields and the documents, and reads its verdict", async () => {
    answers.push(
      'Sure! ```json\n{"reason": "the phrase is bold", "sub_scores": {"phrase bold": "yes", "text kept": "Yes"}, "complete": "yes"}\n```',
    );
    const outcome = await scoreSafely(judgeReward(chat), solved);
    expect(outcome).toMatchObject({
      success: true,
      reward: 1,
      reward_fn: 'judge',
      reward_fn_version: '1',
      sub_scores: { 'phrase bold': 'yes', 'text kept': 'yes' },
    });
    expect(prompts.at(-1)).toMatch(/"ControlText":"Bold","Action":"click_input/);
    expect(prompts.at(-1)).toMatch(/<Document before:> .*<Document after:>/s);
    expect(judgeUserPrompt(solved)).not.toMatch(/evaluator/);
  });

  it('counts only complete == yes, and takes the paper key task_complete too', () => {
    expect(parseJudgeAnswer("{'complete': 'unsure', 'reason': 'cannot tell'}").complete).toBe('unsure');
    expect(parseJudgeAnswer('{"task_complete": "no"}').complete).toBe('no');
  });

  it('turns an unreadable or failing judge into reward_error, not a crash', async () => {
    answers.push('I think it went well.');
    const unreadable = await scoreSafely(judgeReward(chat), solved);
    expect(unreadable).toMatchObject({ error: 'reward_error', success: false });
    expect(unreadable.reason).toMatch(/holds no JSON object/);
    answers.push('{"reason": "x", "complete": "maybe"}');
    expect((await scoreSafely(judgeReward(chat), solved)).reason).toMatch(/no complete: yes\|no\|unsure/);
  });
});

describe('reward combinators', () => {
  it('weights, requires all, accepts any', async () => {
    const yes = fixed('a', 1, true);
    const no = fixed('b', 0, false);
    const sum = await scoreSafely(
      weightedSum(
        [
          { fn: yes, weight: 0.7 },
          { fn: no, weight: 0.3 },
        ],
        0.5,
      ),
      solved,
    );
    expect(sum).toMatchObject({
      reward: 0.7,
      success: true,
      reward_fn: 'sum(0.7*a+0.3*b)',
      reward_fn_version: 'a@1,b@1',
    });
    expect((await scoreSafely(allOf([yes, no]), solved)).success).toBe(false);
    expect((await scoreSafely(anyOf([yes, no]), solved)).success).toBe(true);
    expect(() => weightedSum([])).toThrow(/at least one/);
  });

  it('falls back to the second function where the task has no evaluator, and says which judged', async () => {
    const either = fallback(fixed('rule', 1, true), fixed('model', 0, false));
    expect((await scoreSafely(either, solved)).reason).toBe('[rule] rule');
    const { evaluator: _e, ...bare } = solved.task;
    const plain = await scoreSafely(either, { ...solved, task: bare as TaskRecord });
    expect(plain).toMatchObject({ success: false, reason: '[model] model' });
  });
});
