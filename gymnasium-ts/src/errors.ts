/** Error types, named as Gymnasium's `gymnasium.error` names them so users can catch the same cases. */

export class GymError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Raised when a step or render happens before the first reset (OrderEnforcing). */
export class ResetNeeded extends GymError {}

/** The id is not registered, and no namespace/name/version of it is either. */
export class NameNotFound extends GymError {}

/** The namespace of an id is not registered. */
export class NamespaceNotFound extends GymError {}

/** The name is registered but not with the requested version. */
export class VersionNotFound extends GymError {}

/** The requested version was registered once and is superseded (deprecated). */
export class DeprecatedEnv extends GymError {}

/** The entry point, kwargs or wrappers of a spec cannot be used. */
export class InvalidSpec extends GymError {}

/** A seed that is not a non-negative safe integer. */
export class InvalidSeed extends GymError {}

/** An action outside the action space, where an env or wrapper checks it. */
export class InvalidAction extends GymError {}

/** A vector env was used in the wrong state (e.g. stepWait without stepAsync), or a sub-env failed. */
export class VectorEnvError extends GymError {}
