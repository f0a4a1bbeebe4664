/**
 * How a vector env restarts a sub-env whose episode ended (gymnasium/vector/vector_env.py `AutoresetMode`,
 * https://farama.org/Vector-Autoreset-Mode):
 * - `NEXT_STEP` (default): the step that ends an episode returns its last observation; on the NEXT step that
 *   sub-env is reset instead of stepped: its action is ignored, its reward is 0 and both flags are false.
 * - `SAME_STEP`: the sub-env is reset inside the step that ended it; the step returns the reset observation, and
 *   the last observation and info go to `infos.final_obs` / `infos.final_info` (masks `_final_obs` /
 *   `_final_info`).
 * - `DISABLED`: never reset automatically. The caller resets finished sub-envs with
 *   `reset({options: {reset_mask}})`; stepping a finished sub-env is an error.
 */
export const AutoresetMode = {
  NEXT_STEP: 'NextStep',
  SAME_STEP: 'SameStep',
  DISABLED: 'Disabled',
} as const;

export type AutoresetMode = (typeof AutoresetMode)[keyof typeof AutoresetMode];

const MODES: readonly string[] = Object.values(AutoresetMode);

/** Checks a user-given mode (an `AutoresetMode` value such as `'SameStep'`). */
export function toAutoresetMode(value: unknown): AutoresetMode {
  if (typeof value === 'string' && MODES.includes(value)) return value as AutoresetMode;
  throw new TypeError(
    `autoresetMode must be one of ${MODES.map((m) => `'${m}'`).join(', ')} (AutoresetMode.NEXT_STEP, ` +
      `.SAME_STEP, .DISABLED), got ${JSON.stringify(value) ?? String(value)}`,
  );
}
