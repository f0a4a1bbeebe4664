/**
 * The `Policy` contract (DESIGN.md): `act(observation, context) → action`, sync or async, with a name and a
 * version that every trajectory records. Sampling settings travel in the context, so one policy both explores
 * and exploits; its randomness comes from the context's generator, so a seeded episode is reproducible.
 */
import type { Generator } from 'gymnasium-ts';
import type { TaskRecord } from '../envs/tasks/schema.ts';

export interface SamplingSettings {
  /** Softmax temperature; 0 means greedy. */
  temperature?: number;
  topK?: number;
  /** Probability of a uniformly random valid action instead of the policy's choice. */
  epsilon?: number;
}

export interface PolicyContext extends SamplingSettings {
  /** The episode's generator (derived from the run seed, the task id and the attempt). */
  rng: Generator;
  /** The episode's seed, for policies that pass it on (an LLM server's `seed`). */
  seed: number;
  /** 0-based step within the episode. */
  step: number;
  /** The task being played: the oracle reads its solution; a LAM must not (it sees the observation only). */
  task?: TaskRecord;
}

export interface Policy<Obs, Act> {
  readonly name: string;
  readonly version: string;
  act(observation: Obs, context: PolicyContext): Act | Promise<Act>;
  /** Optional batched form: one action per observation, in order. */
  actBatch?(observations: readonly Obs[], contexts: readonly PolicyContext[]): Promise<Act[]>;
  /** Per-step accounting (tokens, latency …) that the run engine adds to the step's info. */
  lastStepInfo?(): Record<string, unknown>;
  close?(): void | Promise<void>;
}
