/**
 * Policies and reward functions cross into actor threads as data: a spec names a built-in or a module export,
 * and each actor builds its own instance (an ONNX session, an HTTP client) once and reuses it.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OraclePolicy } from '../../agents/baselines/oracle.ts';
import { RandomPolicy } from '../../agents/baselines/random.ts';
import { TeacherPolicy } from '../../agents/baselines/teacher.ts';
import { ChatClient } from '../../agents/http/chat-client.ts';
import { HttpPolicy, type HttpPolicyOptions } from '../../agents/http/http-policy.ts';
import { LamPolicy } from '../../agents/lam/lam-policy.ts';
import { OnnxScorer } from '../../agents/lam/onnx-scorer.ts';
import type { Policy } from '../../agents/policy.ts';
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import type { RewardFn } from '../../rewards/reward-fn.ts';
import { fallback } from '../../rewards/combinators.ts';
import { judgeReward } from '../../rewards/judge.ts';
import { loadModelReward } from '../../rewards/reward-model.ts';
import { ruleReward } from '../../rewards/rule.ts';

export type PolicySpec =
  | { kind: 'random'; finishProbability?: number }
  | { kind: 'oracle' }
  | { kind: 'teacher' }
  | { kind: 'lam'; model: string; version?: string }
  | ({ kind: 'http' } & HttpPolicyOptions)
  | { kind: 'module'; module: string; export?: string; options?: unknown };

export type RewardSpec =
  | { kind: 'rule' }
  | { kind: 'unscored' }
  | { kind: 'judge'; baseUrl: string; model: string; apiKey?: string }
  /** The learned reward model (an ONNX checkpoint written by `lamgym train rm`). */
  | { kind: 'model'; model: string }
  /** `primary` where the task has an evaluator, `secondary` otherwise. */
  | { kind: 'fallback'; primary: RewardSpec; secondary: RewardSpec }
  | { kind: 'module'; module: string; export?: string; options?: unknown };

export type OfficePolicy = Policy<OfficeObservation, OfficeAction | string>;

/** The reward of tasks that have nobody to judge them: every episode unscored, and said so. */
export const UNSCORED: RewardFn = {
  name: 'unscored',
  score: () => ({ reward: 0, success: false, reason: 'no evaluator: the task has no reward function' }),
};

export async function buildPolicy(spec: PolicySpec): Promise<OfficePolicy> {
  switch (spec.kind) {
    case 'random':
      return new RandomPolicy(
        spec.finishProbability === undefined ? {} : { finishProbability: spec.finishProbability },
      );
    case 'oracle':
      return new OraclePolicy();
    case 'teacher':
      return new TeacherPolicy();
    case 'lam':
      return new LamPolicy(await OnnxScorer.fromFile(spec.model, spec.version));
    case 'http': {
      const { kind: _kind, ...options } = spec;
      return new HttpPolicy(options);
    }
    case 'module':
      return (await fromModule(spec.module, spec.export, spec.options, 'policy')) as OfficePolicy;
  }
}

export async function buildReward(spec: RewardSpec): Promise<RewardFn> {
  if (spec.kind === 'unscored') return UNSCORED;
  if (spec.kind === 'rule') return ruleReward;
  if (spec.kind === 'judge') {
    const { kind: _kind, ...options } = spec;
    return judgeReward(new ChatClient({ ...options, temperature: 0 }), { version: options.model });
  }
  if (spec.kind === 'model') return loadModelReward(spec.model);
  if (spec.kind === 'fallback')
    return fallback(await buildReward(spec.primary), await buildReward(spec.secondary));
  const reward = (await fromModule(spec.module, spec.export, spec.options, 'reward function')) as RewardFn;
  if (typeof reward?.score !== 'function' || typeof reward.name !== 'string') {
    throw new TypeError(
      `${spec.module}: the export is not a reward function (it needs a name and score(trajectory))`,
    );
  }
  return reward;
}

/** A module's export: an object used as it is, a class (constructed) or a factory (called) with `options`. */
async function fromModule(
  module: string,
  exportName = 'default',
  options: unknown,
  what: string,
): Promise<unknown> {
  const url = /^[a-z]+:/i.test(module)
    ? module
    : pathToFileURL(isAbsolute(module) ? module : resolve(module)).href;
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot load the ${what} module ${module}: ${(error as Error).message}`);
  }
  const value = loaded[exportName];
  if (value === undefined) {
    throw new Error(
      `${module} has no export '${exportName}' (it exports: ${Object.keys(loaded).join(', ') || 'nothing'})`,
    );
  }
  if (typeof value !== 'function') return value;
  const ctor = value as { prototype?: unknown } & ((o: unknown) => unknown);
  return /^class\s/.test(Function.prototype.toString.call(value))
    ? new (value as new (o: unknown) => unknown)(options)
    : await ctor(options);
}
