/**
 * Between per-sub-env values and batches: observations are gathered with the spaces' `concatenate`, actions are
 * split with `iterate` (gymnasium/vector/utils/space_utils.py, here spaces/batching.ts).
 */
import { concatenate, createEmptyArray, iterate } from '../spaces/batching.ts';
import type { Space } from '../spaces/space.ts';

/**
 * The batch of `items` (one observation per sub-env) and the buffer to pass next time. With `copy` every call
 * returns a new batch; without it the batch is written into `buffer` (created on the first call), as
 * Gymnasium's vector envs reuse `self._observations` when `copy=False`.
 */
export function batchObservations(
  singleSpace: Space,
  items: readonly unknown[],
  buffer: unknown,
  copy: boolean,
): [batch: unknown, buffer: unknown] {
  if (copy) return [concatenate(singleSpace, items), undefined];
  const out = buffer ?? createEmptyArray(singleSpace, items.length);
  const batch = concatenate(singleSpace, items, out);
  return [batch, out];
}

/** One action per sub-env from a batch of `actionSpace` (checked to hold `numEnvs` actions). */
export function splitActions(actionSpace: Space, actions: unknown, numEnvs: number): unknown[] {
  const perEnv = iterate(actionSpace, actions);
  if (perEnv.length !== numEnvs) {
    throw new RangeError(`expected a batch of ${numEnvs} actions (one per sub-env), got ${perEnv.length}`);
  }
  return perEnv;
}
