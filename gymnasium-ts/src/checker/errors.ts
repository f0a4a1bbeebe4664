import { GymError } from '../errors.ts';

/**
 * An env breaks the Gymnasium API in a way the checkers must not let pass: what Gymnasium raises as an
 * `AssertionError`, `TypeError`, `AttributeError` or `error.Error` from its env checkers. `check` names the
 * check that failed (Gymnasium's function name, e.g. `check_reset_seed_determinism`).
 */
export class EnvCheckError extends GymError {
  readonly check: string;

  constructor(check: string, message: string, options?: { cause?: unknown }) {
    super(message);
    this.check = check;
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
