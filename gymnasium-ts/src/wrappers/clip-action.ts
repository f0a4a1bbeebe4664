/**
 * `ClipAction`: clips each continuous action to the wrapped env's `Box` bounds before stepping
 * (gymnasium/wrappers/transform_action.py). As in Gymnasium 1.x, the wrapper's own action space is the
 * unbounded box of the same shape and dtype, since any action is now acceptable.
 */
import type { Env } from '../core.ts';
import { InvalidAction } from '../errors.ts';
import { Box } from '../spaces/box.ts';
import { allocate, type ArrayOf, DTYPES, describe, readFlatValue } from '../spaces/ndarray.ts';
import type { DType } from '../spaces/space.ts';
import { TransformAction } from './transform-action.ts';

/** An action for a `Box`: a typed array or plain numbers of the box's size (flat, or nested by its shape). */
export type BoxActionInput = ArrayLike<number> | readonly unknown[];

export class ClipAction<Obs = unknown, D extends DType = DType> extends TransformAction<
  Obs,
  BoxActionInput,
  ArrayOf<D>
> {
  constructor(env: Env<Obs, ArrayOf<D>>) {
    const space = requireBox(env.actionSpace, 'ClipAction') as Box<D>;
    super(env, (action) => clipToBox(action, space), unboundedLike(space));
  }

  static fromKwargs<O, D extends DType>(env: Env<O, ArrayOf<D>>): ClipAction<O, D> {
    return new ClipAction(env);
  }
}

export function requireBox(space: unknown, wrapper: string): Box<DType> {
  if (!(space instanceof Box)) {
    throw new TypeError(`${wrapper} needs an env whose action space is a Box, got ${String(space)}`);
  }
  return space as Box<DType>;
}

/** Reads an action of the box's size, or throws an `InvalidAction` that says what was wrong. */
export function readBoxAction(action: unknown, space: Box<DType>, wrapper: string): ArrayLike<number> {
  const read = readFlatValue(action, space.shape);
  if (read === null) {
    throw new InvalidAction(
      `${wrapper}: the action ${describe(action)} does not fit the action space ${space.toString()} ` +
        `(expected ${space.low.length} numbers)`,
    );
  }
  return read.data;
}

function clipToBox<D extends DType>(action: BoxActionInput, space: Box<D>): ArrayOf<D> {
  const values = readBoxAction(action, space as Box<DType>, 'ClipAction');
  const out = allocate(space.dtype, values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = v < space.low[i]! ? space.low[i]! : v > space.high[i]! ? space.high[i]! : v;
  }
  return out;
}

function unboundedLike<D extends DType>(space: Box<D>): Box<D> {
  // Unsigned integer boxes cannot hold -inf; their widest range is the dtype's.
  const info = DTYPES[space.dtype];
  const low = info.kind === 'u' ? info.min : -Infinity;
  const high = info.kind === 'u' ? info.max : Infinity;
  return new Box(low, high, { shape: space.shape, dtype: space.dtype });
}
