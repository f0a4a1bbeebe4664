/**
 * Evaluating a policy on a suite the way the paper reports it (Tables 3 and 4):
 * - offline, against reference steps: the env follows the reference trajectory (the teacher's recorded actions,
 *   else the oracle) and at every step the policy is asked what it would do; object accuracy (same control),
 *   operation accuracy (same function), status accuracy (same CONTINUE/FINISH), step success rate (all three and
 *   the same arguments), and the offline task success rate (every step right);
 * - online: the policy plays each task itself; task success rate, mean steps, seconds per task and the policy's
 *   per-step latency (median and p99).
 * Episodes run in this thread, one after another, so latencies are the policy's own.
 */
import { npRandom } from 'gymnasium-ts';
import type { Policy } from '../agents/policy.ts';
import {
  normaliseControlText,
  type OfficeAction,
  type OfficeEnv,
  type OfficeObservation,
} from '../envs/office/index.ts';
import type { OracleStep, TaskRecord } from '../envs/tasks/schema.ts';
import type { RewardFn } from '../rewards/reward-fn.ts';
import { runEpisode } from './episode.ts';
import { OfficeEnvs } from './office-envs.ts';
import { episodeSeed } from './seeds.ts';

type OfficePolicy = Policy<OfficeObservation, OfficeAction | string>;

export interface OfflineMetrics {
  tasks: number;
  steps: number;
  object_accuracy: number;
  operation_accuracy: number;
  status_accuracy: number;
  step_success_rate: number;
  task_success_rate: number;
  /** Tasks skipped because they have no reference steps, or whose reference could not be replayed. */
  skipped: number;
}

export interface OnlineMetrics {
  tasks: number;
  successes: number;
  task_success_rate: number;
  mean_steps: number;
  seconds_per_task: number;
  step_latency_ms: { median: number; p99: number };
  errors: number;
}

export interface AppMetrics {
  offline: OfflineMetrics;
  online: OnlineMetrics;
}

export interface PolicyEvaluation {
  policy: { name: string; version: string };
  overall: AppMetrics;
  apps: Record<string, AppMetrics>;
}

interface ReferenceStep {
  function: string;
  control_text: string;
  args: Record<string, unknown>;
  status: 'CONTINUE' | 'FINISH' | 'FAIL';
}

/** The reference trajectory of a task: the teacher's recorded actions when it succeeded, else the oracle. */
export function referenceSteps(task: TaskRecord): ReferenceStep[] | null {
  const teacher = task.meta?.teacher as
    { success?: boolean; actions?: Partial<ReferenceStep & { error: string }>[] } | undefined;
  if (teacher?.success === true && Array.isArray(teacher.actions) && teacher.actions.length > 0) {
    return teacher.actions.map((a) => ({
      function: a.function ?? '',
      control_text: a.control_text ?? '',
      args: a.args ?? {},
      status: a.status ?? 'CONTINUE',
    }));
  }
  if (task.oracle === undefined) return null;
  // As the oracle policy plays it: the last call carries the FINISH (or the oracle's own FAIL).
  const steps: ReferenceStep[] = task.oracle.map((s: OracleStep, i) => ({
    function: s.function,
    control_text: s.control_text ?? '',
    args: s.args,
    status: s.status ?? (i === task.oracle!.length - 1 ? 'FINISH' : 'CONTINUE'),
  }));
  return steps;
}

function asAction(a: OfficeAction | string): Partial<OfficeAction> {
  return typeof a === 'string' ? {} : a;
}

const sameObject = (a: string | undefined, b: string) =>
  normaliseControlText(a ?? '') === normaliseControlText(b);
const sameArgs = (a: Record<string, unknown> | undefined, b: Record<string, unknown>) =>
  JSON.stringify(sortKeys(a ?? {})) === JSON.stringify(sortKeys(b));

function sortKeys(x: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(x)
      .sort()
      .map((k) => [k, x[k]]),
  );
}

interface OfflineTally {
  tasks: number;
  steps: number;
  object: number;
  operation: number;
  status: number;
  stepSuccess: number;
  taskSuccess: number;
  skipped: number;
}

async function offlineTask(
  env: OfficeEnv<unknown>,
  policy: OfficePolicy,
  task: TaskRecord,
  seed: number,
  tally: OfflineTally,
): Promise<void> {
  const reference = referenceSteps(task);
  if (reference === null) {
    tally.skipped++;
    return;
  }
  let [obs] = env.reset({ seed, options: { task } });
  const rng = npRandom(seed)[0];
  const local = { steps: 0, object: 0, operation: 0, status: 0, stepSuccess: 0 };
  for (let i = 0; i < reference.length; i++) {
    const ref = reference[i]!;
    const predicted = asAction(await policy.act(obs, { rng, seed, step: i, task, temperature: 0 }));
    const object = sameObject(predicted.control_text, ref.control_text);
    const operation = (predicted.function ?? '') === ref.function;
    const status = (predicted.status ?? 'CONTINUE') === ref.status;
    local.steps++;
    local.object += Number(object);
    local.operation += Number(operation);
    local.status += Number(status);
    local.stepSuccess += Number(object && operation && status && sameArgs(predicted.args, ref.args));
    if (ref.status !== 'CONTINUE') break;
    const label =
      ref.control_text === ''
        ? ''
        : (obs.controls.find((c) => c.control_text === ref.control_text)?.label ?? '');
    const next = env.step({
      thought: '',
      control_label: label,
      control_text: ref.control_text,
      function: ref.function,
      args: ref.args,
      status: 'CONTINUE',
      plan: [],
    });
    obs = next[0];
    if (next[2] || next[3]) break;
  }
  tally.tasks++;
  tally.steps += local.steps;
  tally.object += local.object;
  tally.operation += local.operation;
  tally.status += local.status;
  tally.stepSuccess += local.stepSuccess;
  tally.taskSuccess += Number(local.stepSuccess === local.steps && local.steps === reference.length);
}

/** Times `act`, so latencies are the policy's and not the env's. */
function timed(policy: OfficePolicy, latencies: number[]): OfficePolicy {
  return {
    name: policy.name,
    version: policy.version,
    async act(obs, ctx) {
      const t0 = performance.now();
      const action = await policy.act(obs, ctx);
      latencies.push(performance.now() - t0);
      return action;
    },
    ...(policy.lastStepInfo === undefined ? {} : { lastStepInfo: () => policy.lastStepInfo!() }),
  };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export interface EvaluateOptions {
  seed?: number;
  maxSteps?: number;
  mode?: 'offline' | 'online' | 'both';
  onTask?: (done: number, total: number) => void;
}

export async function evaluatePolicy(
  policy: OfficePolicy,
  reward: RewardFn,
  tasks: readonly TaskRecord[],
  options: EvaluateOptions = {},
): Promise<PolicyEvaluation> {
  const seed = options.seed ?? 0;
  const mode = options.mode ?? 'both';
  const envs = new OfficeEnvs();
  const envOf = (app: string) => envs.get(app, options.maxSteps);
  const apps = [...new Set(tasks.map((t) => t.app))].sort();
  const perApp = new Map<string, { off: OfflineTally; on: OnlineTally }>();
  const fresh = () => ({
    off: {
      tasks: 0,
      steps: 0,
      object: 0,
      operation: 0,
      status: 0,
      stepSuccess: 0,
      taskSuccess: 0,
      skipped: 0,
    },
    on: { tasks: 0, successes: 0, steps: 0, ms: 0, errors: 0, latencies: [] as number[] },
  });
  for (const app of apps) perApp.set(app, fresh());
  let done = 0;
  for (const task of tasks) {
    const tally = perApp.get(task.app)!;
    const taskSeed = episodeSeed(seed, task.unique_id, 0);
    if (mode !== 'online') await offlineTask(envOf(task.app), policy, task, taskSeed, tally.off);
    if (mode !== 'offline') {
      const t = await runEpisode(envOf(task.app), timed(policy, tally.on.latencies), reward, {
        runId: 'eval',
        task,
        attempt: 0,
        seed: taskSeed,
        sampling: { temperature: 0 },
      });
      tally.on.tasks++;
      tally.on.successes += Number(t.outcome.success);
      tally.on.steps += t.steps.length;
      tally.on.ms += t.timing.ms;
      tally.on.errors += Number(t.outcome.error !== undefined);
    }
    options.onTask?.(++done, tasks.length);
  }
  envs.close();
  const all = fresh();
  for (const { off, on } of perApp.values()) {
    for (const k of Object.keys(off) as (keyof OfflineTally)[]) all.off[k] += off[k];
    all.on.tasks += on.tasks;
    all.on.successes += on.successes;
    all.on.steps += on.steps;
    all.on.ms += on.ms;
    all.on.errors += on.errors;
    all.on.latencies.push(...on.latencies);
  }
  return {
    policy: { name: policy.name, version: policy.version },
    overall: metricsOf(all.off, all.on),
    apps: Object.fromEntries([...perApp].map(([app, { off, on }]) => [app, metricsOf(off, on)])),
  };
}

interface OnlineTally {
  tasks: number;
  successes: number;
  steps: number;
  ms: number;
  errors: number;
  latencies: number[];
}

function metricsOf(off: OfflineTally, on: OnlineTally): AppMetrics {
  const sorted = [...on.latencies].sort((a, b) => a - b);
  return {
    offline: {
      tasks: off.tasks,
      steps: off.steps,
      object_accuracy: ratio(off.object, off.steps),
      operation_accuracy: ratio(off.operation, off.steps),
      status_accuracy: ratio(off.status, off.steps),
      step_success_rate: ratio(off.stepSuccess, off.steps),
      task_success_rate: ratio(off.taskSuccess, off.tasks),
      skipped: off.skipped,
    },
    online: {
      tasks: on.tasks,
      successes: on.successes,
      task_success_rate: ratio(on.successes, on.tasks),
      mean_steps: ratio(on.steps, on.tasks),
      seconds_per_task: ratio(on.ms, on.tasks) / 1000,
      step_latency_ms: { median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) },
      errors: on.errors,
    },
  };
}
