/**
 * An actor thread: builds envs, the policy and the reward function once (kept across jobs: an ONNX session
 * or an HTTP client is expensive) and runs whole episodes, never one task per step (a Piscina round trip
 * costs more than a policy forward pass; node-infra-facts.md §2). Trajectories go back packed and transferred.
 */
import { readFile } from 'node:fs/promises';
import { Packr } from 'msgpackr';
import { LamPolicy } from '../../agents/lam/lam-policy.ts';
import type { RewardFn } from '../../rewards/reward-fn.ts';
import { runEpisode } from '../episode.ts';
import { OfficeEnvs } from '../office-envs.ts';
import { type ActorJob, type ActorResult, type TrajectoryHead, trajectoryHead } from './protocol.ts';
import { type OfficePolicy, buildPolicy, buildReward } from './specs.ts';

const packr = new Packr({ useRecords: true, maxSharedStructures: 0 });
const envs = new OfficeEnvs();
const policies = new Map<string, OfficePolicy>();
const rewards = new Map<string, RewardFn>();

async function cached<T>(map: Map<string, T>, spec: unknown, build: () => Promise<T>): Promise<T> {
  const key = JSON.stringify(spec);
  let value = map.get(key);
  if (value === undefined) {
    value = await build();
    map.set(key, value);
  }
  return value;
}

/**
 * The actor's policy for a spec. A LAM is kept per model file: when a job names a new version of the same file,
 * the running session swaps to it (the online learner pushes versions this way) instead of building another.
 */
async function policyFor(spec: ActorJob['policy']): Promise<OfficePolicy> {
  if (spec.kind !== 'lam') return cached(policies, spec, () => buildPolicy(spec));
  const key = `lam:${spec.model}`;
  const current = policies.get(key);
  if (current === undefined) {
    const built = await buildPolicy(spec);
    policies.set(key, built);
    return built;
  }
  if (spec.version !== undefined && current.version !== spec.version && current instanceof LamPolicy)
    await current.swapModel(new Uint8Array(await readFile(spec.model)), spec.version);
  return current;
}

export default async function runJob(job: ActorJob): Promise<ActorResult> {
  const started = performance.now();
  const policy = await policyFor(job.policy);
  const reward = await cached(rewards, job.reward, () => buildReward(job.reward));
  const packed: ArrayBuffer[] = [];
  const heads: TrajectoryHead[] = [];
  let steps = 0;
  for (const episode of job.episodes) {
    const env = envs.get(episode.task.app, job.maxSteps);
    const trajectory = await runEpisode(env, policy, reward, {
      runId: job.runId,
      sampling: job.sampling,
      ...episode,
    });
    steps += trajectory.steps.length;
    heads.push(trajectoryHead(trajectory));
    const bytes = packr.pack(trajectory);
    // pack() returns a view into a reused buffer: copy before transferring (node-infra-facts.md §3).
    packed.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }
  return { packed, heads, steps, ms: performance.now() - started };
}
