/**
 * `npm run bench -- env [--steps N] [--warmup N] [--resets N] [--episode N] [--seed N]`: for each app of
 * OFFICE_APPS, the steps per second of a random valid-action policy on one core (each step: pick a random enabled
 * control of the active window — the open dialog if there is one — and a UFO function that fits it; sometimes an
 * app API with sampled arguments), and the median time of `reset`. Human-readable lines go to stderr; one JSON
 * line with all figures goes to stdout at the end.
 *
 * Two rates per app: the first `--warmup` steps of a fresh process (V8 is still compiling: the random policy
 * reaches rarely used code for tens of thousands of steps, and on a single core the compiler threads take turns
 * with the env), and the steady state after them, which is what a long exploration run sees.
 */
import os from 'node:os';
import { Command } from 'commander';
import { OfficeEnv, type OfficeAction, type OfficeApp } from '../../envs/office/index.ts';
import { OFFICE_APPS } from '../../envs/apps.ts';
import { timePhases, type PhaseTimer } from './phases.ts';

interface AppFigures {
  app: string;
  steps: number;
  /** Steady state (after the warm-up): the wall rate of `env.step`. */
  steps_per_second: number;
  steps_per_cpu_second: number;
  us_per_step: number;
  /** Median and 99th percentile of one `env.step`, µs. */
  step_p50_us: number;
  step_p99_us: number;
  /** Share of the timed wall time spent in steps over 1 ms (a compile or a collection took the core). */
  stall_share: number;
  /** The warm-up steps of a fresh process: their wall rate of `env.step` (JIT compiling as it goes). */
  warmup_steps: number;
  warmup_steps_per_second: number;
  errors: number;
  resets_timed: number;
  reset_median_ms: number;
  reset_p90_ms: number;
  /** With `--phases`: wall µs per step of each kernel phase (the wrappers slow the steps themselves). */
  phases?: ReturnType<PhaseTimer['report']>;
}

const TYPED = ['hello ', 'The ', 'report', '42', 'x'];
const KEYS = [
  '{LEFT}',
  '{RIGHT}',
  '+{LEFT}',
  '+{RIGHT}',
  '{HOME}',
  '{END}',
  '^{HOME}',
  '{ENTER}',
  '{BACKSPACE}',
  '^b',
  '^z',
  '{ESC}',
  'word ',
];

/** A PCG-free tiny generator so the policy's draws do not disturb the env's seeded stream. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UFO action of `fn` on the control labelled `label` (showing `text`), with `args`. */
export function action(fn: string, label = '', text = '', args: Record<string, unknown> = {}): OfficeAction {
  return {
    thought: '',
    control_label: label,
    control_text: text,
    function: fn,
    args,
    status: 'CONTINUE',
    plan: [],
  };
}

const apiLists = new WeakMap<object, [string, NonNullable<OfficeApp<unknown>['apis']>[string]][]>();

/** The app's APIs as entries, listed once per app (the policy's own cost counts in the CPU figure). */
function apiEntries<S>(app: OfficeApp<S>): [string, NonNullable<OfficeApp<S>['apis']>[string]][] {
  let list = apiLists.get(app);
  if (list === undefined) {
    list = Object.entries(app.apis ?? {}) as [string, NonNullable<OfficeApp<unknown>['apis']>[string]][];
    apiLists.set(app, list);
  }
  return list as [string, NonNullable<OfficeApp<S>['apis']>[string]][];
}

/** One valid action for what is on screen now. */
export function randomValidAction<S>(env: OfficeEnv<S>, app: OfficeApp<S>, rand: () => number): OfficeAction {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const view = env.view();
  const apis = apiEntries(app);
  if (view.activeScope === 'main' && apis.length > 0 && rand() < 0.1) {
    const [name, api] = pick(apis);
    const args = api.sample?.(env.npRandom, env.state);
    if (args !== null && args !== undefined) return action(name, '', '', args);
  }
  // A uniform draw among the enabled controls of the active window, counted then found again rather than
  // filtered into a new array: a spreadsheet lists ~875 controls, and the garbage would be collected inside the
  // timed steps. The draws are the same as picking from the filtered list.
  const listed = view.listed;
  const scope = view.activeScope;
  let count = 0;
  for (let i = 0; i < listed.length; i++) if (listed[i]!.enabled && listed[i]!.node.scope === scope) count++;
  if (count === 0) return action('keyboard_input', '', '', { keys: '{ESC}' });
  let k = Math.floor(rand() * count);
  let entry = listed[0]!;
  for (let i = 0; i < listed.length; i++) {
    const e = listed[i]!;
    if (!e.enabled || e.node.scope !== scope) continue;
    if (k-- === 0) {
      entry = e;
      break;
    }
  }
  switch (entry.type) {
    case 'Document': {
      const r = rand();
      if (r < 0.5) return action('keyboard_input', entry.label, entry.text, { keys: pick(KEYS) });
      if (r < 0.8) return action('set_edit_text', entry.label, entry.text, { text: pick(TYPED) });
      return action('click_input', entry.label, entry.text, { button: 'left', double: rand() < 0.2 });
    }
    case 'Edit':
      if (rand() < 0.6)
        return action('set_edit_text', entry.label, entry.text, {
          text: pick(['12', 'Arial', 'DRAFT', '2', 'hello']),
        });
      return action('click_input', entry.label, entry.text, { button: 'left', double: false });
    default:
      return action('click_input', entry.label, entry.text, { button: 'left', double: false });
  }
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function benchApp<S>(
  name: string,
  app: OfficeApp<S>,
  opts: { steps: number; warmup: number; resets: number; episode: number; seed: number; phases: boolean },
): AppFigures {
  const env = new OfficeEnv(app, { maxSteps: opts.episode });
  const timer = opts.phases ? timePhases() : null;
  const rand = mulberry32(opts.seed);
  env.reset({ seed: opts.seed });
  // Warm-up: timed on its own, as the rate a fresh process starts at.
  let warmupNs = 0n;
  for (let i = 0; i < opts.warmup; i++) {
    const a = randomValidAction(env, app, rand);
    const t0 = process.hrtime.bigint();
    const [, , terminated, truncated] = env.step(a);
    warmupNs += process.hrtime.bigint() - t0;
    if (terminated || truncated) env.reset();
  }
  // Steps: actions are drawn outside the timed region; resets at episode ends are not counted as steps.
  env.reset({ seed: opts.seed + 1 });
  timer?.reset();
  let errors = 0;
  const stepUs = new Float64Array(opts.steps);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < opts.steps; i++) {
    const a = randomValidAction(env, app, rand);
    const t0 = process.hrtime.bigint();
    const [, , terminated, truncated, info] = env.step(a);
    stepUs[i] = Number(process.hrtime.bigint() - t0) / 1000;
    if (info.error !== undefined) errors++;
    if (terminated || truncated) env.reset();
  }
  const cpu = process.cpuUsage(cpu0);
  let totalUs = 0;
  let stalledUs = 0;
  for (const us of stepUs) {
    totalUs += us;
    if (us > 1000) stalledUs += us;
  }
  const sortedUs = Array.from(stepUs).sort((a, b) => a - b);
  const phases = timer?.report();
  timer?.remove();
  // Resets, each after a short random episode so there is something to reset.
  const resetMs: number[] = [];
  for (let i = 0; i < opts.resets; i++) {
    for (let k = 0; k < 5; k++) env.step(randomValidAction(env, app, rand));
    const t0 = process.hrtime.bigint();
    env.reset();
    resetMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  resetMs.sort((a, b) => a - b);
  const seconds = totalUs / 1e6;
  return {
    app: name,
    steps: opts.steps,
    steps_per_second: Math.round(opts.steps / seconds),
    // CPU time of the whole loop (policy draws and episode resets included, and V8's compiler and collector
    // threads): the rate on one uncontended core.
    steps_per_cpu_second: Math.round(opts.steps / ((cpu.user + cpu.system) / 1e6)),
    us_per_step: Math.round((seconds / opts.steps) * 1e6 * 100) / 100,
    step_p50_us: Math.round(quantile(sortedUs, 0.5) * 10) / 10,
    step_p99_us: Math.round(quantile(sortedUs, 0.99) * 10) / 10,
    stall_share: Math.round((stalledUs / totalUs) * 1000) / 1000,
    warmup_steps: opts.warmup,
    warmup_steps_per_second: opts.warmup === 0 ? 0 : Math.round(opts.warmup / (Number(warmupNs) / 1e9)),
    errors,
    resets_timed: opts.resets,
    reset_median_ms: Math.round(quantile(resetMs, 0.5) * 10000) / 10000,
    reset_p90_ms: Math.round(quantile(resetMs, 0.9) * 10000) / 10000,
    ...(phases === undefined ? {} : { phases }),
  };
}

export default async function envBench(args: string[]): Promise<void> {
  const program = new Command('env')
    .option('--steps <n>', 'timed steps per app (after the warm-up)', '20000')
    .option('--warmup <n>', 'steps run first, timed apart (JIT warm-up)', '40000')
    .option('--resets <n>', 'timed resets per app', '500')
    .option('--episode <n>', 'steps per episode before truncation', '30')
    .option('--seed <n>', 'seed', '0')
    .option('--app <name>', 'only this app')
    .option(
      '--phases',
      'also time the kernel phases of a step (slows the steps: compare the split, not the rates)',
    )
    .exitOverride();
  program.parse(args, { from: 'user' });
  const o = program.opts<{
    steps: string;
    warmup: string;
    resets: string;
    episode: string;
    seed: string;
    app?: string;
    phases?: boolean;
  }>();
  const opts = {
    steps: Number(o.steps),
    warmup: Number(o.warmup),
    resets: Number(o.resets),
    episode: Number(o.episode),
    seed: Number(o.seed),
  };
  for (const [key, value] of Object.entries(opts)) {
    if (!Number.isInteger(value) || value < (key === 'seed' || key === 'warmup' ? 0 : 1))
      throw new Error(`--${key} must be a positive integer, got ${String(value)}`);
  }
  const results: AppFigures[] = [];
  for (const [name, app] of Object.entries(OFFICE_APPS)) {
    if (o.app !== undefined && o.app !== name) continue;
    const r = benchApp(name, app, { ...opts, phases: o.phases === true });
    results.push(r);
    process.stderr.write(
      `${name}: ${r.steps_per_second} steps/s wall (${r.us_per_step} µs/step; median ${r.step_p50_us} µs, ` +
        `p99 ${r.step_p99_us} µs; ${(r.stall_share * 100).toFixed(1)}% of the time in steps over 1 ms), ` +
        `${r.steps_per_cpu_second} steps per CPU-second, ${r.errors} of ${r.steps} steps refused; ` +
        `reset median ${r.reset_median_ms} ms (p90 ${r.reset_p90_ms} ms); ` +
        `the first ${r.warmup_steps} steps of the process: ${r.warmup_steps_per_second} steps/s wall\n`,
    );
    if (r.phases !== undefined) {
      const parts = Object.entries(r.phases).map(
        ([phase, p]) => `${phase} ${p.us_per_step} µs (${p.calls_per_step}×)`,
      );
      process.stderr.write(`  per step, timed with wrappers: ${parts.join(', ')}\n`);
    }
  }
  if (results.length === 0)
    throw new Error(`no app named '${String(o.app)}'; apps: ${Object.keys(OFFICE_APPS).join(', ')}`);
  process.stdout.write(
    `${JSON.stringify({ bench: 'env', node: process.version, cores: os.availableParallelism(), ...opts, apps: results })}\n`,
  );
}
