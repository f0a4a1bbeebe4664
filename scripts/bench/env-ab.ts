/**
 * `npm run bench -- env-ab --base DIR [--app NAME] [--steps N] [--passes K] [--seed N]`: the env bench's random
 * policy played in lockstep on two checkouts of lamgym in one process (DIR, e.g. a `git worktree` of an older
 * commit, and this one), to tell whether a change made `env.step` faster.
 *
 * On a shared machine two separate bench runs differ by tens of percent; here both versions take the same actions
 * in alternating order within the same second, each step is timed on both, and the whole sequence is played
 * `--passes` times after one untimed pass (JIT warm-up). A step's time is its minimum over the passes, which drops
 * the steps where another process or a compiler thread took the core. The observations of the two versions are
 * compared as they go: a change of behaviour stops the comparison with the step where they first differ.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import type { OfficeAction, OfficeApp, OfficeEnv } from '../../envs/office/index.ts';
// The generator of this checkout draws for both: the base may not export one.
import { mulberry32 } from './env.ts';

interface Checkout {
  readonly OfficeEnv: new (app: OfficeApp<unknown>, options: { maxSteps: number }) => OfficeEnv<unknown>;
  readonly OFFICE_APPS: Readonly<Record<string, OfficeApp<unknown>>>;
  readonly randomValidAction: (
    env: OfficeEnv<unknown>,
    app: OfficeApp<unknown>,
    rand: () => number,
  ) => OfficeAction;
}

interface AppComparison {
  app: string;
  steps: number;
  passes: number;
  base_us_per_step: number;
  head_us_per_step: number;
  /** base / head: above 1 means this checkout is faster. */
  speedup: number;
}

async function load(root: string): Promise<Checkout> {
  const url = (file: string) => pathToFileURL(path.join(root, file)).href;
  const office = (await import(url('envs/office/index.ts'))) as Pick<Checkout, 'OfficeEnv'>;
  const apps = (await import(url('envs/apps.ts'))) as Pick<Checkout, 'OFFICE_APPS'>;
  const bench = (await import(url('scripts/bench/env.ts'))) as Pick<Checkout, 'randomValidAction'>;
  return {
    OfficeEnv: office.OfficeEnv,
    OFFICE_APPS: apps.OFFICE_APPS,
    randomValidAction: bench.randomValidAction,
  };
}

/** One pass of `steps` lockstep steps; returns each version's time per step (µs). */
function pass(
  name: string,
  sides: readonly [Checkout, Checkout],
  opts: { steps: number; seed: number; check: boolean },
): [Float64Array, Float64Array] {
  const envs = sides.map((side) => {
    const env = new side.OfficeEnv(side.OFFICE_APPS[name]!, { maxSteps: 30 });
    env.reset({ seed: opts.seed });
    return env;
  });
  const times: [Float64Array, Float64Array] = [new Float64Array(opts.steps), new Float64Array(opts.steps)];
  const rand = mulberry32(opts.seed);
  const head = sides[1];
  for (let i = 0; i < opts.steps; i++) {
    const action = head.randomValidAction(envs[1]!, head.OFFICE_APPS[name]!, rand);
    // Alternate who goes first, so neither always runs with the other's garbage or cache state.
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    const results: ReturnType<OfficeEnv<unknown>['step']>[] = [];
    for (const k of order) {
      const t0 = process.hrtime.bigint();
      results[k] = envs[k]!.step(action);
      times[k]![i] = Number(process.hrtime.bigint() - t0) / 1000;
    }
    if (opts.check && JSON.stringify(results[0]![0]) !== JSON.stringify(results[1]![0]))
      throw new Error(`${name}: the two checkouts show different observations after step ${i + 1}`);
    for (let k = 0; k < 2; k++) if (results[k]![2] || results[k]![3]) envs[k]!.reset();
  }
  return times;
}

function compare(
  name: string,
  sides: readonly [Checkout, Checkout],
  opts: { steps: number; passes: number; seed: number },
): AppComparison {
  const best = [new Float64Array(opts.steps).fill(Infinity), new Float64Array(opts.steps).fill(Infinity)];
  for (let p = 0; p <= opts.passes; p++) {
    // Pass 0 warms the JIT up and checks the observations; the timed passes replay the same actions.
    const times = pass(name, sides, { steps: opts.steps, seed: opts.seed, check: p === 0 });
    if (p === 0) continue;
    for (let k = 0; k < 2; k++)
      for (let i = 0; i < opts.steps; i++) best[k]![i] = Math.min(best[k]![i]!, times[k]![i]!);
  }
  const mean = (a: Float64Array) => a.reduce((s, x) => s + x, 0) / a.length;
  const base = mean(best[0]!);
  const head = mean(best[1]!);
  return {
    app: name,
    steps: opts.steps,
    passes: opts.passes,
    base_us_per_step: Math.round(base * 100) / 100,
    head_us_per_step: Math.round(head * 100) / 100,
    speedup: Math.round((base / head) * 1000) / 1000,
  };
}

export default async function envAbBench(args: string[]): Promise<void> {
  const program = new Command('env-ab')
    .requiredOption('--base <dir>', 'the other checkout (its node_modules may be a link to this one)')
    .option('--app <name>', 'only this app')
    .option('--steps <n>', 'steps per pass', '8000')
    .option('--passes <n>', 'timed passes (after one untimed)', '3')
    .option('--seed <n>', 'seed', '0')
    .exitOverride();
  program.parse(args, { from: 'user' });
  const o = program.opts<{ base: string; app?: string; steps: string; passes: string; seed: string }>();
  const opts = { steps: Number(o.steps), passes: Number(o.passes), seed: Number(o.seed) };
  for (const [key, value] of Object.entries(opts)) {
    if (!Number.isInteger(value) || value < (key === 'seed' ? 0 : 1))
      throw new Error(`--${key} must be a positive integer, got ${String(value)}`);
  }
  const here = path.resolve(import.meta.dirname, '..', '..');
  const baseRoot = path.resolve(o.base);
  if (baseRoot === here) throw new Error('--base is this checkout; give another one (e.g. a git worktree)');
  const sides = [await load(baseRoot), await load(here)] as const;
  const names = Object.keys(sides[1].OFFICE_APPS).filter((n) => o.app === undefined || n === o.app);
  if (names.length === 0)
    throw new Error(`no app named '${String(o.app)}'; apps: ${Object.keys(sides[1].OFFICE_APPS).join(', ')}`);
  const results: AppComparison[] = [];
  for (const name of names) {
    if (sides[0].OFFICE_APPS[name] === undefined) throw new Error(`the base checkout has no app '${name}'`);
    const r = compare(name, sides, opts);
    results.push(r);
    process.stderr.write(
      `${name}: base ${r.base_us_per_step} µs/step, this checkout ${r.head_us_per_step} µs/step ` +
        `(${r.speedup}× ; per-step minimum of ${r.passes} passes over ${r.steps} steps)\n`,
    );
  }
  process.stdout.write(
    `${JSON.stringify({ bench: 'env-ab', node: process.version, base: baseRoot, ...opts, apps: results })}\n`,
  );
}
