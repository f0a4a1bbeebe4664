/**
 * Bridges between the synchronous and the asynchronous env APIs. `toAsyncEnv(env)` presents a sync `Env` as an
 * `AsyncEnv` (so code written for real desktops and remote services can run the simulators too), and
 * `AsyncWrapper` is the base for wrappers of `AsyncEnv`s, forwarding everything as `Wrapper` does for `Env`s.
 * The sync classes never see a Promise: only these adapters do.
 */
import {
  AsyncEnv,
  type EnvMetadata,
  type Env,
  type ResetArgs,
  type ResetResult,
  type StepResult,
} from './core.ts';
import { GymError } from './errors.ts';
import type { EnvSpec } from './spec.ts';
import type { Space } from './spaces/space.ts';
import type { Generator } from './utils/seeding.ts';

/** An `AsyncEnv` over a sync `Env`: each call runs the sync method and returns its result (or error) as a Promise. */
export class SyncToAsyncEnv<Obs = unknown, Act = unknown> extends AsyncEnv<Obs, Act> {
  readonly env: Env<Obs, Act>;

  constructor(env: Env<Obs, Act>) {
    super();
    if (typeof (env as Partial<Env<Obs, Act>> | null)?.step !== 'function' || env instanceof AsyncEnv) {
      throw new TypeError(`toAsyncEnv wraps a synchronous Env, got ${describe(env)}`);
    }
    this.env = env;
  }

  get actionSpace(): Space<Act> {
    return this.env.actionSpace;
  }
  get observationSpace(): Space<Obs> {
    return this.env.observationSpace;
  }
  override get metadata(): EnvMetadata {
    return this.env.metadata;
  }
  override set metadata(value: EnvMetadata) {
    this.env.metadata = value;
  }
  override get renderMode(): string | null {
    return this.env.renderMode;
  }
  override set renderMode(value: string | null) {
    this.env.renderMode = value;
  }
  override get spec(): EnvSpec | null {
    return this.env.spec;
  }
  override set spec(value: EnvSpec | null) {
    this.env.spec = value;
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

  async step(action: Act): Promise<StepResult<Obs>> {
    return this.env.step(action);
  }

  override async reset(args?: ResetArgs): Promise<ResetResult<Obs>> {
    return this.env.reset(args);
  }

  override async render(): Promise<unknown> {
    return this.env.render();
  }

  override async close(): Promise<void> {
    this.env.close();
  }

  override hasWrapperAttr(name: string): boolean {
    return name in this || this.env.hasWrapperAttr(name);
  }

  override getWrapperAttr(name: string): unknown {
    if (name in this) return (this as unknown as Record<string, unknown>)[name];
    return this.env.getWrapperAttr(name);
  }

  override setWrapperAttr(name: string, value: unknown, options: { force?: boolean } = {}): void {
    setOnOutermostHolder(this, this.env, name, value, options.force ?? true);
  }

  override toString(): string {
    return `<SyncToAsyncEnv${this.env.toString()}>`;
  }
}

/** `env` as an `AsyncEnv`. */
export function toAsyncEnv<Obs, Act>(env: Env<Obs, Act>): SyncToAsyncEnv<Obs, Act> {
  return new SyncToAsyncEnv(env);
}

/**
 * Wraps an `AsyncEnv` to change one behaviour; everything else is forwarded. As with `Wrapper`, spaces and
 * metadata can be replaced by assigning them; `spec`, `renderMode` and `npRandom` come from the wrapped env.
 */
export class AsyncWrapper<WObs = unknown, WAct = unknown, Obs = WObs, Act = WAct> extends AsyncEnv<
  WObs,
  WAct
> {
  readonly env: AsyncEnv<Obs, Act>;
  private _actionSpace: Space<WAct> | null = null;
  private _observationSpace: Space<WObs> | null = null;
  private _metadata: EnvMetadata | null = null;

  constructor(env: AsyncEnv<Obs, Act>) {
    super();
    if (!(env instanceof AsyncEnv)) {
      throw new TypeError(
        `An AsyncWrapper wraps an AsyncEnv, got ${describe(env)}; turn a sync Env into one with toAsyncEnv(env)`,
      );
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

  async step(action: WAct): Promise<StepResult<WObs>> {
    return (await this.env.step(action as unknown as Act)) as unknown as StepResult<WObs>;
  }

  override async reset(args?: ResetArgs): Promise<ResetResult<WObs>> {
    return (await this.env.reset(args)) as unknown as ResetResult<WObs>;
  }

  override async render(): Promise<unknown> {
    return this.env.render();
  }

  override async close(): Promise<void> {
    await this.env.close();
  }

  override get unwrapped(): AsyncEnv<unknown, unknown> {
    return this.env.unwrapped;
  }

  override hasWrapperAttr(name: string): boolean {
    return name in this || this.env.hasWrapperAttr(name);
  }

  override getWrapperAttr(name: string): unknown {
    if (name in this) return (this as unknown as Record<string, unknown>)[name];
    return this.env.getWrapperAttr(name);
  }

  override setWrapperAttr(name: string, value: unknown, options: { force?: boolean } = {}): void {
    setOnOutermostHolder(this, this.env, name, value, options.force ?? true);
  }

  override toString(): string {
    return `<${this.constructor.name}${this.env.toString()}>`;
  }
}

/** Gymnasium's `set_wrapper_attr`: set on the outermost layer that has `name`, else (when forced) on the outermost. */
function setOnOutermostHolder(
  outer: object,
  inner: {
    hasWrapperAttr(name: string): boolean;
    setWrapperAttr(name: string, value: unknown, o: { force?: boolean }): void;
  },
  name: string,
  value: unknown,
  force: boolean,
): void {
  if (name in outer) (outer as Record<string, unknown>)[name] = value;
  else if (inner.hasWrapperAttr(name)) inner.setWrapperAttr(name, value, { force: false });
  else if (force) (outer as Record<string, unknown>)[name] = value;
  else throw new GymError(`no wrapper or env has attribute '${name}'`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an instance of ${(value as object).constructor?.name ?? 'Object'}`;
  return typeof value;
}
