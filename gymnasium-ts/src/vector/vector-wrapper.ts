/**
 * `VectorWrapper`: changes one behaviour of a vector env and forwards the rest (gymnasium/vector/vector_env.py).
 * It keeps the wrapped env's execution mode: wrapping a `SyncVectorEnv` gives synchronous results, wrapping an
 * `AsyncVectorEnv` gives Promises. Subclasses that post-process results use `thenApply` to cover both.
 * Spaces and metadata can be replaced by assigning them; `numEnvs`, `spec`, `renderMode` and `closed` always
 * come from the wrapped env.
 */
import type { EnvSpec } from '../spec.ts';
import type { Space } from '../spaces/space.ts';
import type { Generator } from '../utils/seeding.ts';
import {
  type ExecutionMode,
  VectorEnv,
  type VectorCloseOptions,
  type VectorInfos,
  type VectorMetadata,
  type VectorResetArgs,
  type VectorResetResult,
  type VectorReturn,
  type VectorStepResult,
} from './vector-env.ts';

export class VectorWrapper<
  Obs = unknown,
  Act = unknown,
  M extends ExecutionMode = ExecutionMode,
  Infos = VectorInfos,
  InnerObs = Obs,
  InnerAct = Act,
> extends VectorEnv<Obs, Act, M, Infos> {
  readonly env: VectorEnv<InnerObs, InnerAct, M>;
  private _observationSpace: Space | null = null;
  private _actionSpace: Space | null = null;
  private _singleObservationSpace: Space | null = null;
  private _singleActionSpace: Space | null = null;
  private _metadata: VectorMetadata | null = null;

  constructor(env: VectorEnv<InnerObs, InnerAct, M>) {
    super();
    if (!(env instanceof VectorEnv)) {
      throw new TypeError(`A VectorWrapper wraps a VectorEnv, got ${env === null ? 'null' : typeof env}`);
    }
    this.env = env;
  }

  get numEnvs(): number {
    return this.env.numEnvs;
  }

  get observationSpace(): Space {
    return this._observationSpace ?? this.env.observationSpace;
  }
  set observationSpace(space: Space) {
    this._observationSpace = space;
  }

  get actionSpace(): Space {
    return this._actionSpace ?? this.env.actionSpace;
  }
  set actionSpace(space: Space) {
    this._actionSpace = space;
  }

  get singleObservationSpace(): Space {
    return this._singleObservationSpace ?? this.env.singleObservationSpace;
  }
  set singleObservationSpace(space: Space) {
    this._singleObservationSpace = space;
  }

  get singleActionSpace(): Space {
    return this._singleActionSpace ?? this.env.singleActionSpace;
  }
  set singleActionSpace(space: Space) {
    this._singleActionSpace = space;
  }

  override get metadata(): VectorMetadata {
    return this._metadata ?? this.env.metadata;
  }
  override set metadata(value: VectorMetadata) {
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

  override get closed(): boolean {
    return this.env.closed;
  }
  override set closed(value: boolean) {
    this.env.closed = value;
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

  reset(args?: VectorResetArgs): VectorReturn<M, VectorResetResult<Obs, Infos>> {
    return this.env.reset(args) as unknown as VectorReturn<M, VectorResetResult<Obs, Infos>>;
  }

  step(actions: Act): VectorReturn<M, VectorStepResult<Obs, Infos>> {
    return this.env.step(actions as unknown as InnerAct) as unknown as VectorReturn<
      M,
      VectorStepResult<Obs, Infos>
    >;
  }

  render(): VectorReturn<M, unknown[]> {
    return this.env.render();
  }

  call(name: string, ...args: unknown[]): VectorReturn<M, unknown[]> {
    return this.env.call(name, ...args);
  }

  getAttr(name: string): VectorReturn<M, unknown[]> {
    return this.env.getAttr(name);
  }

  setAttr(name: string, values: unknown): VectorReturn<M, void> {
    return this.env.setAttr(name, values);
  }

  close(options?: VectorCloseOptions): VectorReturn<M, void> {
    return this.env.close(options);
  }

  override get unwrapped(): VectorEnv<unknown, unknown, M> {
    return this.env.unwrapped;
  }

  override toString(): string {
    return `<${this.constructor.name}, ${this.env.toString()}>`;
  }
}
