/**
 * `FlattenObservation`: observations become `flatten(space, obs)` and the observation space
 * `flattenSpace(space)` (gymnasium/wrappers/transform_observation.py). For Box, Discrete, MultiDiscrete,
 * MultiBinary, Text, and Tuples/Dicts of them, that is one flat typed array in a 1-D Box.
 */
import { type Env, ObservationWrapper } from '../core.ts';
import type { NumericArray } from '../spaces/ndarray.ts';
import type { Space } from '../spaces/space.ts';
import { flatten, flattenSpace } from '../spaces/utils.ts';

export class FlattenObservation<Obs = unknown, Act = unknown, WObs = NumericArray> extends ObservationWrapper<
  WObs,
  Act,
  Obs
> {
  /** The wrapped env's observation space, which `flatten` reads observations by. */
  private readonly sourceSpace: Space<Obs>;

  constructor(env: Env<Obs, Act>) {
    super(env);
    this.sourceSpace = env.observationSpace;
    this.observationSpace = flattenSpace(env.observationSpace) as Space<WObs>;
  }

  static fromKwargs<O, A>(env: Env<O, A>): FlattenObservation<O, A> {
    return new FlattenObservation(env);
  }

  observation(obs: Obs): WObs {
    return flatten(this.sourceSpace, obs) as WObs;
  }
}
