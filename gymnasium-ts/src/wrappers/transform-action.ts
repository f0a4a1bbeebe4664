/**
 * `TransformAction`: applies `func` to each action before it reaches the wrapped env
 * (gymnasium/wrappers/transform_action.py). Pass the space of the actions the wrapper accepts when it differs
 * from the wrapped env's.
 */
import { ActionWrapper, type Env } from '../core.ts';
import type { Space } from '../spaces/space.ts';

export class TransformAction<Obs = unknown, WAct = unknown, Act = unknown> extends ActionWrapper<
  Obs,
  WAct,
  Act
> {
  readonly func: (action: WAct) => Act;

  constructor(env: Env<Obs, Act>, func: (action: WAct) => Act, actionSpace?: Space<WAct> | null) {
    super(env);
    if (typeof func !== 'function') {
      throw new TypeError(`TransformAction: func must be a function, got ${typeof func}`);
    }
    this.func = func;
    if (actionSpace !== undefined && actionSpace !== null) this.actionSpace = actionSpace;
  }

  action(action: WAct): Act {
    return this.func(action);
  }
}
