/**
 * `SubEnvRunner`: steps and resets a group of sub-envs with the autoreset rules of `AutoresetMode`. The same
 * code runs inside `SyncVectorEnv` (one group: all sub-envs) and inside each `AsyncVectorEnv` worker thread (one
 * group per thread), so both vector envs give the same results for the same seeds.
 *
 * The runner returns per-sub-env values; turning them into batched arrays and vector infos is the vector env's
 * job (on the main thread, in sub-env order).
 */
import { type Env, type Info, Wrapper } from '../core.ts';
import { GymError, VectorEnvError } from '../errors.ts';
import { AutoresetMode } from './autoreset-mode.ts';

export interface GroupStepOutput {
  observations: unknown[];
  rewards: number[];
  terminations: boolean[];
  truncations: boolean[];
  /** Per sub-env, the info objects to add to the vector infos, in order. */
  infos: Info[][];
}

export interface GroupResetOutput {
  /** Per sub-env: its new observation, or undefined when the reset mask left it alone. */
  observations: unknown[];
  /** Per sub-env: its reset info, or null when the reset mask left it alone. */
  infos: (Info | null)[];
}

export class SubEnvRunner {
  readonly envs: readonly Env[];
  /** The vector index of `envs[0]`; sub-env `envs[k]` is vector index `firstIndex + k`. */
  readonly firstIndex: number;
  readonly autoresetMode: AutoresetMode;
  /** Per sub-env: its last step ended the episode (terminated or truncated). */
  readonly episodeOver: boolean[];
  /** The vector index of the sub-env being called, or -1 between calls: names the culprit when one fails. */
  current = -1;
  /** Called with a vector index before each call into that sub-env, and with -1 after a batch of calls. */
  onEnter: ((index: number) => void) | null = null;
  /**
   * Runs each call into a sub-env (given its vector index); a worker thread uses it to tag the call's async
   * context, so an uncaught error from a callback the sub-env scheduled can still be traced to it.
   */
  scope: (<T>(index: number, call: () => T) => T) | null = null;

  constructor(envs: readonly Env[], firstIndex: number, autoresetMode: AutoresetMode) {
    this.envs = envs;
    this.firstIndex = firstIndex;
    this.autoresetMode = autoresetMode;
    this.episodeOver = new Array<boolean>(envs.length).fill(false);
  }

  /** Calls `fn` on `envs[k]`, recording which sub-env is running. */
  private within<T>(k: number, fn: (env: Env) => T): T {
    this.current = this.firstIndex + k;
    this.onEnter?.(this.current);
    const env = this.envs[k]!;
    return this.scope === null ? fn(env) : this.scope(this.current, () => fn(env));
  }

  private leave(): void {
    this.current = -1;
    this.onEnter?.(-1);
  }

  /** Resets the sub-envs whose `mask` entry is true (all when `mask` is null); arrays are per sub-env here. */
  reset(
    seeds: readonly (number | null)[],
    options: Record<string, unknown> | null,
    mask: readonly boolean[] | null,
  ): GroupResetOutput {
    const observations: unknown[] = new Array<unknown>(this.envs.length).fill(undefined);
    const infos: (Info | null)[] = new Array<Info | null>(this.envs.length).fill(null);
    for (let k = 0; k < this.envs.length; k++) {
      if (mask !== null && !mask[k]) continue;
      const [obs, info] = this.within(k, (env) => env.reset({ seed: seeds[k] ?? null, options }));
      observations[k] = obs;
      infos[k] = info;
      this.episodeOver[k] = false;
    }
    this.leave();
    return { observations, infos };
  }

  /**
   * The first sub-env (vector index) that may not be stepped: under DISABLED, one whose episode is over and
   * that was not reset since. -1 when all may be stepped.
   */
  firstBlocked(): number {
    if (this.autoresetMode !== AutoresetMode.DISABLED) return -1;
    const k = this.episodeOver.indexOf(true);
    return k === -1 ? -1 : this.firstIndex + k;
  }

  /** Steps every sub-env with its action (`actions[k]` for `envs[k]`). */
  step(actions: readonly unknown[]): GroupStepOutput {
    const n = this.envs.length;
    if (actions.length !== n)
      throw new RangeError(`expected ${n} actions for ${n} sub-envs, got ${actions.length}`);
    const blocked = this.firstBlocked();
    if (blocked !== -1) throw new VectorEnvError(disabledStepMessage(blocked));
    const out: GroupStepOutput = {
      observations: new Array<unknown>(n),
      rewards: new Array<number>(n),
      terminations: new Array<boolean>(n),
      truncations: new Array<boolean>(n),
      infos: new Array<Info[]>(n),
    };
    for (let k = 0; k < n; k++) this.within(k, (env) => this.stepOne(env, k, actions[k], out));
    this.leave();
    return out;
  }

  private stepOne(env: Env, k: number, action: unknown, out: GroupStepOutput): void {
    if (this.autoresetMode === AutoresetMode.NEXT_STEP && this.episodeOver[k]) {
      // The step after an episode end only resets: the action is ignored.
      const [obs, info] = env.reset();
      out.observations[k] = obs;
      out.rewards[k] = 0;
      out.terminations[k] = false;
      out.truncations[k] = false;
      out.infos[k] = [info];
    } else {
      const [obs, reward, terminated, truncated, info] = env.step(action);
      out.rewards[k] = Number(reward);
      out.terminations[k] = Boolean(terminated);
      out.truncations[k] = Boolean(truncated);
      if (this.autoresetMode === AutoresetMode.SAME_STEP && (terminated || truncated)) {
        const [resetObs, resetInfo] = env.reset();
        out.observations[k] = resetObs;
        out.infos[k] = [{ final_obs: obs, final_info: info }, resetInfo];
      } else {
        out.observations[k] = obs;
        out.infos[k] = [info];
      }
    }
    this.episodeOver[k] = out.terminations[k]! || out.truncations[k]!;
  }

  /** Each sub-env's attribute `name`; a method is called with `args` when `callMethods` is true. */
  callAll(name: string, args: readonly unknown[], callMethods = true): unknown[] {
    const results = this.envs.map((_, k) =>
      this.within(k, (env) => {
        const { owner, value } = findAttr(env, name, this.firstIndex + k);
        return callMethods && typeof value === 'function'
          ? (value as AnyFunction).apply(owner, [...args])
          : value;
      }),
    );
    this.leave();
    return results;
  }

  /** Sets attribute `name` of `envs[k]` to `values[k]` (through the wrappers, as `setWrapperAttr` does). */
  setAll(name: string, values: readonly unknown[]): void {
    this.envs.forEach((_, k) => this.within(k, (env) => env.setWrapperAttr(name, values[k])));
    this.leave();
  }

  /** Closes every sub-env, even when some throw; returns the failures by vector index. */
  closeAll(): { index: number; error: unknown }[] {
    const failures: { index: number; error: unknown }[] = [];
    this.envs.forEach((_, k) => {
      try {
        this.within(k, (env) => env.close());
      } catch (error) {
        failures.push({ index: this.firstIndex + k, error });
      }
    });
    this.leave();
    return failures;
  }
}

type AnyFunction = (...args: unknown[]) => unknown;

/** The outermost env or wrapper in `env`'s chain that has `name`, and its value there. */
function findAttr(env: Env, name: string, index: number): { owner: object; value: unknown } {
  let current: object = env;
  for (;;) {
    if (name in current) return { owner: current, value: (current as Record<string, unknown>)[name] };
    if (!(current instanceof Wrapper)) break;
    current = current.env as object;
  }
  throw new GymError(`sub-env ${index} (${env.toString()}) has no attribute '${name}'`);
}

export function disabledStepMessage(index: number): string {
  return (
    `sub-env ${index} finished its episode (terminated or truncated) and autoresetMode is DISABLED: ` +
    `reset it with reset({options: {reset_mask}}) before stepping again`
  );
}
