/**
 * `npm run bench -- policy [--calls N] [--episodes N]`: the built-in LAM on onnxruntime-node (one intra-op
 * thread, as in an actor):
 *   - forward latency per call (median and p99) for one candidate and for a batch of 64 candidates;
 *   - steps per second of a whole episode loop in this thread (features + forward + sampling + Word-v0 step).
 * The network is the deterministic initialisation (seed 0): latency does not depend on the weights' values.
 * Human-readable lines go to stderr; the last stdout line is one JSON object.
 */
import { parseArgs } from 'node:util';
import { npRandom } from 'gymnasium-ts';
import { FEATURE_WIDTH } from '../../agents/lam/features.ts';
import { LamPolicy } from '../../agents/lam/lam-policy.ts';
import { initNetwork } from '../../agents/lam/network.ts';
import { exportOnnx } from '../../agents/lam/onnx-export.ts';
import { OnnxScorer } from '../../agents/lam/onnx-scorer.ts';
import { OFFICE_APPS } from '../../envs/apps.ts';
import { OfficeEnv } from '../../envs/office/index.ts';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function latency(
  scorer: OnnxScorer,
  batch: number,
  calls: number,
): Promise<{ median_us: number; p99_us: number }> {
  const features = new Float32Array(batch * FEATURE_WIDTH);
  for (let i = 0; i < features.length; i += 37) features[i] = 1;
  for (let i = 0; i < 50; i++) await scorer.score(features, batch); // warm-up
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await scorer.score(features, batch);
    times.push((performance.now() - t0) * 1000);
  }
  times.sort((a, b) => a - b);
  return { median_us: Math.round(quantile(times, 0.5)), p99_us: Math.round(quantile(times, 0.99)) };
}

export default async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { calls: { type: 'string', default: '2000' }, episodes: { type: 'string', default: '40' } },
    strict: true,
  });
  const calls = Number(values.calls);
  const episodes = Number(values.episodes);
  if (!(Number.isSafeInteger(calls) && calls > 0 && Number.isSafeInteger(episodes) && episodes > 0)) {
    throw new RangeError('--calls and --episodes must be positive integers');
  }
  const scorer = await OnnxScorer.fromBytes(exportOnnx(initNetwork(0)), 'init-0');
  const batch1 = await latency(scorer, 1, calls);
  process.stderr.write(
    `forward, 1 candidate:   median ${batch1.median_us} µs, p99 ${batch1.p99_us} µs (${calls} calls)\n`,
  );
  const batch64 = await latency(scorer, 64, calls);
  process.stderr.write(
    `forward, 64 candidates: median ${batch64.median_us} µs, p99 ${batch64.p99_us} µs (${calls} calls)\n`,
  );

  const env = new OfficeEnv(OFFICE_APPS.word!, { maxSteps: 30 });
  const policy = new LamPolicy(scorer);
  let steps = 0;
  let candidates = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let e = 0; e < episodes; e++) {
    let [obs] = env.reset({ seed: e, options: { task: 'Make the first paragraph bold and centred' } });
    const rng = npRandom(e)[0];
    for (let step = 0; ; step++) {
      const action = await policy.act(obs, { rng, seed: e, step, temperature: 1 });
      candidates += policy.lastStepInfo().candidates as number;
      const [next, , terminated, truncated] = env.step(action);
      steps++;
      obs = next;
      if (terminated || truncated) break;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const loop = {
    steps,
    steps_per_second: Math.round(steps / seconds),
    steps_per_cpu_second: Math.round(steps / ((cpu.user + cpu.system) / 1e6)),
    mean_candidates: Math.round(candidates / steps),
  };
  process.stderr.write(
    `episode loop (Word-v0, LAM, one thread): ${loop.steps_per_second} steps/s (${loop.steps_per_cpu_second} per CPU-second), ${loop.mean_candidates} candidates per step on average\n`,
  );
  await scorer.release();
  process.stdout.write(
    `${JSON.stringify({ bench: 'policy', forward_batch1: batch1, forward_batch64: batch64, episode_loop: loop, node: process.version })}\n`,
  );
}
