/**
 * `TransformObservation`: applies `func` to every observation from `reset` and `step`
 * (gymnasium/wrappers/transform_observation.py). Pass the space of the transformed observations when `func`
 * changes their shape or type; without one the wrapped env's space is kept.
 */
import { type Env, ObservationWrapper } from '../core.ts';
import type { Space } from '../spaces/space.ts';

export class TransformObservation<WObs = unknown, Act = unknown, Obs = unknown> extends ObservationWrapper<
  WObs,
  Act,
  Obs
> {
  readonly func: (obs: Obs) => WObs;

  constructor(env: Env<Obs, Act>, func: (obs: Obs) => WObs, observationSpace?: Space<WObs> | null) {
    super(env);
    if (typeof func !== 'function') {
      throw new TypeError(`TransformObservation: func must be a function, got ${typeof func}`);
    }
    this.func = func;
    if (observationSpace !== undefined && observationSpace !== null) this.observationSpace = observationSpace;
  }

  observation(obs: Obs): WObs {
    return this.func(obs);
  }
}
