/**
 * `RescaleAction`: the agent acts in `[minAction, maxAction]` (numbers, or one bound per coordinate) and the
 * wrapper maps each action affinely onto the wrapped env's `Box` bounds (gymnasium/wrappers/transform_action.py,
 * with `rescale_box`'s formula: `env_action = (action - intercept) / gradient`, where
 * `gradient = (max - min) / (high - low)` and `intercept = max - high * gradient`).
 */
import type { Env } from '../core.ts';
import { Box } from '../spaces/box.ts';
import { allocate, type ArrayOf, describe } from '../spaces/ndarray.ts';
import type { DType } from '../spaces/space.ts';
import { type BoxActionInput, readBoxAction, requireBox } from './clip-action.ts';
import { TransformAction } from './transform-action.ts';

export type ActionBound = number | ArrayLike<number>;

export class RescaleAction<Obs = unknown, D extends DType = DType> extends TransformAction<
  Obs,
  BoxActionInput,
  ArrayOf<D>
> {
  readonly minAction: Float64Array;
  readonly maxAction: Float64Array;

  constructor(env: Env<Obs, ArrayOf<D>>, minAction: ActionBound, maxAction: ActionBound) {
    const space = requireBox(env.actionSpace, 'RescaleAction') as Box<D>;
    const size = space.low.length;
    const min = readBound(minAction, size, 'minAction');
    const max = readBound(maxAction, size, 'maxAction');
    const gradient = new Float64Array(size);
    const intercept = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const low = space.low[i]!;
      const high = space.high[i]!;
      if (!space.boundedBelow[i] || !space.boundedAbove[i] || !(low < high)) {
        throw new RangeError(
          `RescaleAction needs finite env action bounds with low < high, got [${low}, ${high}] at flat index ${i}`,
        );
      }
      if (!(min[i]! < max[i]!)) {
        throw new RangeError(
          `RescaleAction: minAction must be below maxAction in every coordinate, got ${min[i]} and ${max[i]} at flat index ${i}`,
        );
      }
      gradient[i] = (max[i]! - min[i]!) / (high - low);
      intercept[i] = max[i]! - high * gradient[i]!;
    }
    const rescaled = new Box<D>(Array.from(min), Array.from(max), { shape: space.shape, dtype: space.dtype });
    super(
      env,
      (action) => {
        const values = readBoxAction(action, space as Box<DType>, 'RescaleAction');
        const out = allocate(space.dtype, size);
        for (let i = 0; i < size; i++) out[i] = (values[i]! - intercept[i]!) / gradient[i]!;
        return out;
      },
      rescaled,
    );
    this.minAction = min;
    this.maxAction = max;
  }

  static fromKwargs<O, D extends DType>(
    env: Env<O, ArrayOf<D>>,
    kwargs: Record<string, unknown>,
  ): RescaleAction<O, D> {
    return new RescaleAction(env, kwargs.minAction as ActionBound, kwargs.maxAction as ActionBound);
  }
}

function readBound(bound: ActionBound, size: number, name: string): Float64Array {
  if (typeof bound === 'number') {
    if (!Number.isFinite(bound)) throw new RangeError(`RescaleAction: ${name} must be finite, got ${bound}`);
    return new Float64Array(size).fill(bound);
  }
  if (bound === null || typeof bound !== 'object' || typeof bound.length !== 'number') {
    throw new TypeError(
      `RescaleAction: ${name} must be a number or an array of numbers, got ${describe(bound)}`,
    );
  }
  if (bound.length !== size) {
    throw new RangeError(`RescaleAction: ${name} has ${bound.length} values, the action space has ${size}`);
  }
  const values = Float64Array.from(bound);
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(values[i]!)) {
      throw new RangeError(`RescaleAction: ${name} must be finite, got ${values[i]} at flat index ${i}`);
    }
  }
  return values;
}
