import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lamgym } from './run-cli.ts';
import { parsePolicySpec, parseRewardSpec } from '../../scripts/cli/commands/explore.ts';

describe('lamgym explore', () => {
  it('runs a suite, prints the summary table, and resumes from the run directory alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lamgym-cli-explore-'));
    const tasks = join(dir, 'tasks.jsonl');
    writeFileSync(
      tasks,
      ['Make the text bold', 'Type hello']
        .map((task, i) => JSON.stringify({ app: 'word', unique_id: `t${i}`, task, refined_steps: [] }))
        .join('\n'),
    );
    const out = join(dir, 'run');
    const run = await lamgym(
      'explore',
      '--tasks',
      tasks,
      '--attempts',
      '2',
      '--max-steps',
      '5',
      '--actors',
      '1',
      '--policy',
      'random',
      '--out',
      out,
      '--reward',
      'module:tests/runs/fixtures/bold-reward.ts',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/│ word +│ 2 +│ 4 +│/);
    expect(run.stdout).toMatch(/4 episodes in .*run \(0 already there\)/);
    expect(JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')).config).toMatchObject({
      attempts: 2,
      maxSteps: 5,
      reward: { kind: 'module' },
    });
    const resumed = await lamgym('explore', '--resume', out, '--json');
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      episodes: 4,
      resumed_from: 4,
    });
    const [ls, show, cat] = await Promise.all([
      lamgym('runs', 'ls', dir),
      lamgym('runs', 'show', out),
      lamgym('runs', 'cat', out),
    ]);
    expect(ls.stdout).toMatch(/│ run +│ 4 +│ \d+ +│ random +│/);
    expect(show.stdout).toMatch(/│ t0 +│ word +│ 2 +│/);
    expect(cat.stdout.match(/^episode /gm)).toHaveLength(4);
    expect(cat.stdout).toMatch(/request: Make the text bold/);
    expect(cat.stdout).toMatch(/verdict: (success|failure), reward \d \(any-bold\)/);
    expect((await lamgym('runs', 'show', dir)).stderr).toMatch(/is not a lamgym run directory/);
  });

  it('runs the built-in LAM on the shipped failed pool by default', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lamgym-cli-default-')), 'run');
    const run = await lamgym('explore', '--limit', '12', '--out', out, '--json');
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
      episodes: number;
      overall: { tasks: number };
    };
    expect(summary).toMatchObject({ episodes: 12, overall: { tasks: 12 } });
    const { config } = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')) as {
      config: { tasksSource: string; policy: { kind: string; model: string }; reward: { kind: string } };
    };
    expect(config).toMatchObject({
      tasksSource: 'failed',
      policy: { kind: 'lam' },
      reward: { kind: 'rule' },
    });
    expect(config.policy.model).toMatch(/agents\/lam\/checkpoints\/lam-sft\.onnx$/);
  });

  it('takes settings from a config file, the command line winning, and names unknown keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lamgym-cli-config-'));
    const config = join(dir, 'explore.json');
    writeFileSync(
      config,
      JSON.stringify({ policy: 'random', limit: 3, attempts: 2, 'max-steps': 4, seed: 9 }),
    );
    const out = join(dir, 'run');
    const run = await lamgym('explore', '--config', config, '--attempts', '1', '--out', out, '--json');
    expect(run.code, run.stderr).toBe(0);
    const saved = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')) as {
      config: Record<string, unknown>;
    };
    expect(saved.config).toMatchObject({
      policy: { kind: 'random' },
      limit: 3,
      attempts: 1,
      maxSteps: 4,
      seed: 9,
    });
    writeFileSync(config, JSON.stringify({ polcy: 'random' }));
    const bad = await lamgym('explore', '--config', config);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^lamgym: error: --config .*explore\.json: .*\(polcy; known: tasks, app, policy/m,
    );
  });

  it('explains bad options in one line', async () => {
    const run = await lamgym('explore', '--tasks', 'tests/fixtures/ufo/bulleted.json', '--policy', 'gpt');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^lamgym: error: --policy 'gpt': expected lam, random, oracle, teacher, lam:MODEL\.onnx/m,
    );
    expect((await lamgym('explore', '--tasks', 'nowhere.jsonl')).stderr).toMatch(
      /no task file 'nowhere\.jsonl' \(and it is not a shipped suite: expert-train, expert-test, failed\)/,
    );
  });

  it('parses policy and reward specs', () => {
    expect(parsePolicySpec('lam:models/lam.onnx')).toEqual({ kind: 'lam', model: 'models/lam.onnx' });
    expect(parsePolicySpec('http:http://127.0.0.1:8000/v1#qwen2.5')).toEqual({
      kind: 'http',
      baseUrl: 'http://127.0.0.1:8000/v1',
      model: 'qwen2.5',
    });
    expect(parsePolicySpec('module:./my-policy.ts#MyPolicy')).toEqual({
      kind: 'module',
      module: './my-policy.ts',
      export: 'MyPolicy',
    });
    expect(parseRewardSpec('module:./r.ts')).toEqual({ kind: 'module', module: './r.ts' });
    expect(() => parseRewardSpec('judge')).toThrow(/--reward 'judge'/);
    expect(parseRewardSpec('./my-reward.ts')).toEqual({ kind: 'module', module: './my-reward.ts' });
    expect(parsePolicySpec('./agents/mine.ts#Mine')).toEqual({
      kind: 'module',
      module: './agents/mine.ts',
      export: 'Mine',
    });
    expect(parseRewardSpec('model:outputs/checkpoints/reward-model.onnx')).toEqual({
      kind: 'model',
      model: 'outputs/checkpoints/reward-model.onnx',
    });
    expect(parseRewardSpec('rule|judge:http://127.0.0.1:8000/v1#qwen')).toEqual({
      kind: 'fallback',
      primary: { kind: 'rule' },
      secondary: { kind: 'judge', baseUrl: 'http://127.0.0.1:8000/v1', model: 'qwen' },
    });
  });

  it('lists the Office envs next to the gymnasium-ts ones', async () => {
    const run = await lamgym('envs');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Word-v0/);
    expect(run.stdout).toMatch(/PowerPoint-v0/);
    expect(run.stdout).toMatch(/CartPole-v1/);
  });
});
