/**
 * The core of gymnasium-ts: `Env`, the `Wrapper` family, and `AsyncEnv` for environments whose steps wait on
 * the outside world (a real desktop, a server). Mirrors gymnasium/core.py; names are camelCased.
 *
 * Return values of `step`:
 * - `terminated`: the agent reached a terminal state of the MDP (success or failure). The episode is over.
 * - `truncated`: the episode was cut for a reason outside the MDP (a time limit, leaving the bounds).
 * Either one means the caller must `reset()` before stepping again.
 */
import type { EnvSpec } from './spec.ts';
import type { Space } from './spaces/space.ts';
import { type Generator, npRandom } from './utils/seeding.ts';
import { GymError } from './errors.ts';

export type Info = Record<string, unknown>;

export interface ResetArgs {
  /** Re-seeds the env's generator when given; `reset()` without a seed continues the current stream. */
  seed?: number | null;
  options?: Record<string, unknown> | null;
}

export type StepResult<Obs> = [obs: Obs, reward: number, terminated: boolean, truncated: boolean, info: Info];
export type ResetResult<Obs> = [obs: Obs, info: Info];

export interface EnvMetadata {
  renderModes: readonly string[];
  renderFps?: number;
  autoresetMode?: string;
  [key: string]: unknown;
}

/** What Env and AsyncEnv share: spaces, seeding, metadata and wrapper-attribute lookup. */
abstract class EnvBase<Obs, Act> {
  // Accessors rather than fields: class fields would shadow the accessors Wrapper forwards through.
  private _ownMetadata: EnvMetadata = { renderModes: [] };
  private _ownRenderMode: string | null = null;
  private _ownSpec: EnvSpec | null = null;

  /** Static facts about the env: `renderModes`, `renderFps`, and for vector envs `autoresetMode`. */
  get metadata(): EnvMetadata {
    return this._ownMetadata;
  }
  set metadata(value: EnvMetadata) {
    this._ownMetadata = value;
  }

  /** The render mode fixed at construction, or null. */
  get renderMode(): string | null {
    return this._ownRenderMode;
  }
  set renderMode(value: string | null) {
    this._ownRenderMode = value;
  }

  /** The registry spec this env was made from (set by `make`), or null. */
  get spec(): EnvSpec | null {
    return this._ownSpec;
  }
  set spec(value: EnvSpec | null) {
    this._ownSpec = value;
  }

  abstract actionSpace: Space<Act>;
  abstract observationSpace: Space<Obs>;

  protected _npRandom: Generator | null = null;
  protected _npRandomSeed: number | null = null;

  /** The env's generator, created from OS entropy on first use when `reset` was never seeded. */
  get npRandom(): Generator {
    if (this._npRandom === null) [this._npRandom, this._npRandomSeed] = npRandom();
    return this._npRandom;
  }

  set npRandom(generator: Generator) {
    this._npRandom = generator;
    this._npRandomSeed = -1;
  }

  /** The seed of the current generator; -1 when a generator was assigned directly. */
  get npRandomSeed(): number {
    if (this._npRandomSeed === null) [this._npRandom, this._npRandomSeed] = npRandom();
    return this._npRandomSeed;
  }

  /** Seeds the generator when a seed is given: what `super.reset(args)` does in Gymnasium. */
  protected seedFromReset(args: ResetArgs | undefined): void {
    if (args?.seed !== undefined && args.seed !== null) {
      [this._npRandom, this._npRandomSeed] = npRandom(args.seed);
    }
  }

  get unwrapped(): EnvBase<unknown, unknown> {
    return this as EnvBase<unknown, unknown>;
  }

  hasWrapperAttr(name: string): boolean {
    return name in this;
  }

  getWrapperAttr(name: string): unknown {
    if (!(name in this)) throw new GymError(`${this.constructor.name} has no attribute '${name}'`);
    return (this as unknown as Record<string, unknown>)[name];
  }

  setWrapperAttr(name: string, value: unknown, { force = true }: { force?: boolean } = {}): void {
    if (!force && !(name in this)) throw new GymError(`${this.constructor.name} has no attribute '${name}'`);
    (this as unknown as Record<string, unknown>)[name] = value;
  }

  toString(): string {
    return this.spec === null
      ? `<${this.constructor.name} instance>`
      : `<${this.constructor.name}<${this.spec.id}>>`;
  }
}

/**
 * A synchronous environment. Subclasses implement `step` and `reset`; `reset` calls `super.reset(args)`
 * first so that a given seed re-seeds `npRandom` (the base return value is not an observation).
 */
export abstract class Env<Obs = unknown, Act = unknown> extends EnvBase<Obs, Act> {
  abstract step(action: Act): StepResult<Obs>;

  reset(args?: ResetArgs): ResetResult<Obs> {
    this.seedFromReset(args);
    return [undefined as Obs, {}];
  }

  /** Renders in the mode fixed at construction (`renderMode`); null when the env renders nothing. */
  render(): unknown {
    return null;
  }

  /** Releases resources. Safe to call more than once. */
  close(): void {}

  override get unwrapped(): Env<unknown, unknown> {
    return this as unknown as Env<unknown, unknown>;
  }
}

/** An environment whose `reset`, `step` and `close` return Promises (real desktops, remote services). */
export abstract class AsyncEnv<Obs = unknown, Act = unknown> extends EnvBase<Obs, Act> {
  abstract step(action: Act): Promise<StepResult<Obs>>;

  async reset(args?: ResetArgs): Promise<ResetResult<Obs>> {
    this.seedFromReset(args);
    return [undefined as Obs, {}];
  }

  async render(): Promise<unknown> {
    return null;
  }

  async close(): Promise<void> {}

  override get unwrapped(): AsyncEnv<unknown, unknown> {
    return this as unknown as AsyncEnv<unknown, unknown>;
  }
}

/**
 * Wraps an env to change one behaviour; everything else is forwarded. Spaces and metadata can be replaced
 * by assigning them; `spec`, `renderMode` and `npRandom` always come from the wrapped env.
 */
export class Wrapper<WObs = unknown, WAct = unknown, Obs = WObs, Act = WAct> extends Env<WObs, WAct> {
  readonly env: Env<Obs, Act>;
  private _actionSpace: Space<WAct> | null = null;
  private _observationSpace: Space<WObs> | null = null;
  private _metadata: EnvMetadata | null = null;

  constructor(env: Env<Obs, Act>) {
    super();
    if (!(env instanceof Env)) {
      throw new TypeError(`A Wrapper wraps an Env, got ${describe(env)}`);
    }
    this.env = env;
  }

  get actionSpace(): Space<WAct> {
    return this._actionSpace ?? (this.env.actionSpace as unknown as Space<WAct>);
  }
  set actionSpace(space: Space<WAct>) {
    this._actionSpace = space;
  }

  get observationSpace(): Space<WObs> {
    return this._observationSpace ?? (this.env.observationSpace as unknown as Space<WObs>);
  }
  set observationSpace(space: Space<WObs>) {
    this._observationSpace = space;
  }

  override get metadata(): EnvMetadata {
    return this._metadata ?? this.env.metadata;
  }
  override set metadata(value: EnvMetadata) {
    this._metadata = value;
  }

  override get spec(): EnvSpec | null {
    return this.env.spec;
  }
  override set spec(value: EnvSpec | null) {
    this.env.spec = value;
  }

  override get renderMode(): string | null {
    return this.env.renderMode;
  }
  override set renderMode(value: string | null) {
    this.env.renderMode = value;
  }

  override get npRandom(): Generator {
    return this.env.npRandom;
  }
  override set npRandom(generator: Generator) {
    this.env.npRandom = generator;
  }
  override get npRandomSeed(): number {
    return this.env.npRandomSeed;
  }

  step(action: WAct): StepResult<WObs> {
    return this.env.step(action as unknown as Act) as unknown as StepResult<WObs>;
  }

  override reset(args?: ResetArgs): ResetResult<WObs> {
    return this.env.reset(args) as unknown as ResetResult<WObs>;
  }

  override render(): unknown {
    return this.env.render();
  }

  override close(): void {
    this.env.close();
  }

  override get unwrapped(): Env<unknown, unknown> {
    return this.env.unwrapped;
  }

  override hasWrapperAttr(name: string): boolean {
    return name in this || this.env.hasWrapperAttr(name);
  }

  override getWrapperAttr(name: string): unknown {
    if (name in this) return (this as unknown as Record<string, unknown>)[name];
    return this.env.getWrapperAttr(name);
  }

  override setWrapperAttr(name: string, value: unknown, { force = true }: { force?: boolean } = {}): void {
    // Set on the innermost env that has it; otherwise on this wrapper when forced.
    let current: Env<unknown, unknown> = this as unknown as Env<unknown, unknown>;
    for (;;) {
      if (Object.prototype.hasOwnProperty.call(current, name) || name in Object.getPrototypeOf(current)) {
        (current as unknown as Record<string, unknown>)[name] = value;
        return;
      }
      if (!(current instanceof Wrapper)) break;
      current = current.env as Env<unknown, unknown>;
    }
    if (!force) throw new GymError(`no wrapper or env has attribute '${name}'`);
    (this as unknown as Record<string, unknown>)[name] = value;
  }

  override toString(): string {
    return `<${this.constructor.name}${this.env.toString()}>`;
  }
}

/** Transforms observations (from both `reset` and `step`) with `observation(obs)`. */
export abstract class ObservationWrapper<WObs, Act, Obs> extends Wrapper<WObs, Act, Obs, Act> {
  abstract observation(obs: Obs): WObs;

  override reset(args?: ResetArgs): ResetResult<WObs> {
    const [obs, info] = this.env.reset(args);
    return [this.observation(obs), info];
  }

  override step(action: Act): StepResult<WObs> {
    const [obs, reward, terminated, truncated, info] = this.env.step(action);
    return [this.observation(obs), reward, terminated, truncated, info];
  }
}

/** Transforms actions with `action(act)` before they reach the wrapped env. */
export abstract class ActionWrapper<Obs, WAct, Act> extends Wrapper<Obs, WAct, Obs, Act> {
  abstract action(action: WAct): Act;

  override step(action: WAct): StepResult<Obs> {
    return this.env.step(this.action(action));
  }
}

/** Transforms rewards with `reward(r)`. */
export abstract class RewardWrapper<Obs, Act> extends Wrapper<Obs, Act, Obs, Act> {
  abstract reward(reward: number): number;

  override step(action: Act): StepResult<Obs> {
    const [obs, reward, terminated, truncated, info] = this.env.step(action);
    return [obs, this.reward(reward), terminated, truncated, info];
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an instance of ${(value as object).constructor?.name ?? 'Object'}`;
  return typeof value;
}
