import { describe, expect, it } from 'vitest';
import { lamgym } from './run-cli.ts';
import { type EpisodeStatistics, make, RecordEpisodeStatistics } from 'gymnasium-ts';

/** The demo's procedure done by hand through the library: the CLI must print these numbers. */
function expectedEpisodes(episodes: number, seed: number): EpisodeStatistics[] {
  const env = new RecordEpisodeStatistics(make<Float32Array, number>('CartPole-v1'));
  env.actionSpace.seed(seed);
  const stats: EpisodeStatistics[] = [];
  for (let episode = 0; episode < episodes; episode++) {
    env.reset(episode === 0 ? { seed } : undefined);
    for (;;) {
      const [, , terminated, truncated, info] = env.step(env.actionSpace.sample());
      if (terminated || truncated) {
        stats.push(info.episode as EpisodeStatistics);
        break;
      }
    }
  }
  return stats;
}

describe('lamgym demo cartpole', () => {
  it('runs a seeded random policy and prints each episode and a summary table', async () => {
    const run = await lamgym('demo', 'cartpole', '--episodes', '2');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const expected = expectedEpisodes(2, 0);
    const episodeLines = run.stdout.split('\n').filter((line) => line.startsWith('episode '));
    expect(episodeLines).toHaveLength(2);
    expected.forEach((stats, i) => {
      expect(episodeLines[i]).toMatch(
        new RegExp(`^episode ${i + 1}: return ${stats.r}, length ${stats.l} \\(`),
      );
    });
    expect(run.stdout).toContain('random policy, 2 episodes, seed 0, at most 500 steps');
    expect(run.stdout).toContain('summary over 2 episodes:');
    const mean = ((expected[0]!.r + expected[1]!.r) / 2).toFixed(2);
    expect(run.stdout).toMatch(new RegExp(`│ return │ +${mean.replace('.', '\\.')} │`));
    expect(run.stdout).toMatch(/│ length │/);
  });

  it('is reproducible for a seed, and --max-steps truncates episodes', async () => {
    const [a, b, short] = await Promise.all([
      lamgym('demo', 'cartpole', '--episodes', '3', '--seed', '7'),
      lamgym('demo', 'cartpole', '--episodes', '3', '--seed', '7'),
      lamgym('demo', 'cartpole', '--episodes', '2', '--max-steps', '4'),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.split('\n').filter((l) => l.startsWith('episode '))).toEqual(
      expectedEpisodes(3, 7).map((s, i) =>
        expect.stringMatching(new RegExp(`^episode ${i + 1}: return ${s.r}, length ${s.l} `)),
      ),
    );
    expect(short.stdout).toContain('episode 1: return 4, length 4 (time limit)');
    expect(short.stdout).toContain('episode 2: return 4, length 4 (time limit)');
  });

  it('rejects bad option values with a one-line error and a non-zero exit', async () => {
    const cases = [
      ['--episodes', '0'],
      ['--episodes', 'abc'],
      ['--seed', '-1'],
      ['--max-steps', '2.5'],
    ];
    const runs = await Promise.all(cases.map((args) => lamgym('demo', 'cartpole', ...args)));
    cases.forEach((args, i) => {
      const run = runs[i]!;
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.stdout).toBe('');
      const [first] = run.stderr.split('\n');
      expect(first).toMatch(
        new RegExp(`^error: option '${args[0]} <n>' argument '${args[1]}' is invalid\\. Expected a`),
      );
    });
    const unknown = await lamgym('demo', 'mountaincar');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/^error: unknown command 'mountaincar'/);
  });

  it('documents its options in --help', async () => {
    const run = await lamgym('demo', 'cartpole', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: lamgym demo cartpole [options]');
    for (const option of ['--episodes <n>', '--seed <n>', '--max-steps <n>'])
      expect(run.stdout).toContain(option);
    expect(run.stdout).toContain('(default: 5)');
  });
});

describe('lamgym envs', () => {
  it('lists the registry and prints one spec', async () => {
    const [list, one] = await Promise.all([lamgym('envs'), lamgym('envs', 'CartPole-v1')]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^===== gymnasium-ts =====\nCartPole-v0 +CartPole-v1\n/);
    expect(list.stdout).toMatch(/Word-v0/);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(
      'id=CartPole-v1\nentryPoint=gymnasium-ts:CartPoleEnv\nrewardThreshold=475\n',
    );
    expect(one.stdout).toContain('maxEpisodeSteps=500');
  });

  it('explains an unknown id in one line', async () => {
    const run = await lamgym('envs', 'CartPoel-v1');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "lamgym: error: Environment `CartPoel` doesn't exist. Did you mean: `CartPole`?\n",
    );
  });
});
