/**
 * `npm run bench -- gym [--steps N] [--repeats R]`: CartPole-v1 env-steps per second for
 *   (a) one env from `make`, (b) a SyncVectorEnv of 8 sub-envs, (c) an AsyncVectorEnv of 2 worker threads × 4
 *   sub-envs (env-steps = vector steps × 8).
 * Actions are drawn from the (batched) action space, seeded, so every run does the same work. Each case runs once
 * untimed (JIT warm-up), then `repeats` timed runs of about `steps` env-steps; the median is reported.
 * Human-readable lines go to stderr; the last stdout line is one JSON object (see scripts/bench/README.md).
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { make, makeVec, type Env, type VectorEnv } from 'gymnasium-ts';

const NUM_ENVS = 8;
const ASYNC_WORKERS = 2;
const SEED = 0;

interface Options {
  steps: number;
  repeats: number;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: { steps: { type: 'string', default: '40000' }, repeats: { type: 'string', default: '5' } },
    strict: true,
  });
  const steps = Number(values.steps);
  const repeats = Number(values.repeats);
  if (!Number.isSafeInteger(steps) || steps < NUM_ENVS) {
    throw new RangeError(
      `--steps must be an integer >= ${NUM_ENVS} (env-steps per timed run), got ${values.steps}`,
    );
  }
  if (!Number.isSafeInteger(repeats) || repeats < 1) {
    throw new RangeError(`--repeats must be a positive integer, got ${values.repeats}`);
  }
  return { steps, repeats };
}

/** Env-steps per second of `steps` single-env steps with random actions, resetting at episode ends. */
function runSingle(env: Env<Float32Array, number>, steps: number): number {
  const start = performance.now();
  for (let t = 0; t < steps; t++) {
    const [, , terminated, truncated] = env.step(env.actionSpace.sample() as number);
    if (terminated || truncated) env.reset();
  }
  return steps / ((performance.now() - start) / 1000);
}

/** Env-steps per second of vector steps (autoreset NEXT_STEP) totalling about `steps` env-steps. */
async function runVector(env: VectorEnv, steps: number): Promise<number> {
  const batches = Math.max(1, Math.round(steps / env.numEnvs));
  const start = performance.now();
  for (let t = 0; t < batches; t++) await env.step(env.actionSpace.sample());
  return (batches * env.numEnvs) / ((performance.now() - start) / 1000);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function measure(label: string, repeats: number, run: () => number | Promise<number>): Promise<number> {
  await run(); // warm-up, untimed
  const rates: number[] = [];
  for (let r = 0; r < repeats; r++) rates.push(await run());
  const result = median(rates);
  const spread = `min ${Math.round(Math.min(...rates))}, max ${Math.round(Math.max(...rates))}`;
  console.error(
    `${label.padEnd(34)} ${Math.round(result).toString().padStart(10)} env-steps/s (median of ${repeats}; ${spread})`,
  );
  return result;
}

export default async function gymBench(args: string[]): Promise<void> {
  const { steps, repeats } = parseOptions(args);
  console.error(
    `gym bench: CartPole-v1, ~${steps} env-steps per timed run, ${repeats} runs per case, node ${process.version}, ` +
      `${availableParallelism()} CPUs`,
  );

  const single = make<Float32Array, number>('CartPole-v1');
  single.actionSpace.seed(SEED);
  single.reset({ seed: SEED });
  const singleRate = await measure('single env (make)', repeats, () => runSingle(single, steps));
  single.close();

  const sync = await makeVec('CartPole-v1', { numEnvs: NUM_ENVS, vectorizationMode: 'sync' });
  sync.actionSpace.seed(SEED);
  sync.reset({ seed: SEED });
  const syncRate = await measure(`SyncVectorEnv x${NUM_ENVS}`, repeats, () => runVector(sync, steps));
  sync.close();

  const asyncEnv = await makeVec('CartPole-v1', {
    numEnvs: NUM_ENVS,
    vectorizationMode: 'async',
    vectorKwargs: { numWorkers: ASYNC_WORKERS },
  });
  let asyncRate: number;
  try {
    asyncEnv.actionSpace.seed(SEED);
    await asyncEnv.reset({ seed: SEED });
    asyncRate = await measure(
      `AsyncVectorEnv ${ASYNC_WORKERS} workers x ${NUM_ENVS / ASYNC_WORKERS}`,
      repeats,
      () => runVector(asyncEnv, steps),
    );
  } finally {
    await asyncEnv.close();
  }

  const result = {
    bench: 'gym',
    single_env_steps_per_s: Math.round(singleRate),
    sync_vec8_env_steps_per_s: Math.round(syncRate),
    async_2x4_env_steps_per_s: Math.round(asyncRate),
    steps_per_run: steps,
    repeats,
    node: process.version,
    cpus: availableParallelism(),
  };
  console.log(JSON.stringify(result));
}
