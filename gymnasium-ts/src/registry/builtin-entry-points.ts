/**
 * The entry points of gymnasium-ts's own wrappers, `"gymnasium-ts:<Name>"`, so specs can name them in
 * `additionalWrappers` (and round-trip through JSON) and the synchronous `make` can apply them.
 */
import type { Env } from '../core.ts';
import type { Space } from '../spaces/space.ts';
import { Autoreset } from '../wrappers/autoreset.ts';
import { ClipAction } from '../wrappers/clip-action.ts';
import { ClipReward } from '../wrappers/clip-reward.ts';
import { FlattenObservation } from '../wrappers/flatten-observation.ts';
import { OrderEnforcing } from '../wrappers/order-enforcing.ts';
import { RecordEpisodeStatistics } from '../wrappers/record-episode-statistics.ts';
import { RescaleAction } from '../wrappers/rescale-action.ts';
import { TimeLimit } from '../wrappers/time-limit.ts';
import { TransformAction } from '../wrappers/transform-action.ts';
import { TransformObservation } from '../wrappers/transform-observation.ts';
import { TransformReward } from '../wrappers/transform-reward.ts';
import { provideEntryPoint } from './entry-points.ts';

export const PACKAGE_ENTRY_MODULE = 'gymnasium-ts';

const builtinWrappers: Record<string, unknown> = {
  Autoreset,
  ClipAction,
  ClipReward,
  FlattenObservation,
  OrderEnforcing,
  RecordEpisodeStatistics,
  RescaleAction,
  TimeLimit,
  // These take functions, so their kwargs ({func, observationSpace/actionSpace}) only live in in-memory specs.
  TransformAction: (env: Env, kwargs: Record<string, unknown>) =>
    new TransformAction(
      env,
      kwargs.func as (action: unknown) => unknown,
      kwargs.actionSpace as Space | undefined,
    ),
  TransformObservation: (env: Env, kwargs: Record<string, unknown>) =>
    new TransformObservation(
      env,
      kwargs.func as (obs: unknown) => unknown,
      kwargs.observationSpace as Space | undefined,
    ),
  TransformReward: (env: Env, kwargs: Record<string, unknown>) =>
    new TransformReward(env, kwargs.func as (reward: number) => number),
};

for (const [name, wrapper] of Object.entries(builtinWrappers))
  provideEntryPoint(`${PACKAGE_ENTRY_MODULE}:${name}`, wrapper);
