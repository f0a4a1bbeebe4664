/**
 * `RecordEpisodeStatistics` for vector envs (gymnasium/wrappers/vector/common.py). On a step where sub-envs end
 * their episodes it adds
 *   `infos.episode = {r: Float64Array, l: Int32Array, t: Float64Array}` (return, length, wall-clock seconds
 *   rounded to microseconds; 0 for sub-envs that did not finish) and `infos._episode` (a Uint8Array mask of the
 *   sub-envs that finished),
 * and keeps the last `bufferLength` returns, lengths and times in `returnQueue`, `lengthQueue`, `timeQueue`.
 *
 * Autoreset modes: under NEXT_STEP (and DISABLED) the step after an episode end does not count towards the next
 * episode (it is the reset step); under SAME_STEP every step counts and the statistics restart at once.
 * Exported from the package root as `VectorRecordEpisodeStatistics`.
 */
import { performance } from 'node:perf_hooks';
import { GymError } from '../../errors.ts';
import { AutoresetMode } from '../autoreset-mode.ts';
import { resolveResetMask } from '../reset-args.ts';
import {
  type ExecutionMode,
  thenApply,
  type VectorEnv,
  type VectorResetArgs,
  type VectorResetResult,
  type VectorReturn,
  type VectorStepResult,
} from '../vector-env.ts';
import { VectorWrapper } from '../vector-wrapper.ts';

export interface VectorRecordEpisodeStatisticsOptions {
  /** How many finished episodes the queues keep (default 100). */
  bufferLength?: number;
  /** The info key the statistics are written under (default `'episode'`). */
  statsKey?: string;
}

const seconds = (): number => performance.now() / 1000;

export class RecordEpisodeStatistics<
  Obs = unknown,
  Act = unknown,
  M extends ExecutionMode = ExecutionMode,
> extends VectorWrapper<Obs, Act, M> {
  readonly bufferLength: number;
  readonly statsKey: string;
  readonly autoresetMode: AutoresetMode;
  /** Episodes finished since the wrapper was created. */
  episodeCount = 0;
  episodeStartTimes: Float64Array;
  episodeReturns: Float64Array;
  episodeLengths: Int32Array;
  /** Per sub-env: its last step ended an episode. */
  prevDones: Uint8Array;
  readonly returnQueue: number[] = [];
  readonly lengthQueue: number[] = [];
  readonly timeQueue: number[] = [];

  constructor(
    env: VectorEnv<Obs, Act, M>,
    { bufferLength = 100, statsKey = 'episode' }: VectorRecordEpisodeStatisticsOptions = {},
  ) {
    super(env);
    if (!Number.isSafeInteger(bufferLength) || bufferLength <= 0) {
      throw new RangeError(
        `RecordEpisodeStatistics: bufferLength must be a positive integer, got ${String(bufferLength)}`,
      );
    }
    if (typeof statsKey !== 'string' || statsKey === '') {
      throw new TypeError(
        `RecordEpisodeStatistics: statsKey must be a non-empty string, got ${String(statsKey)}`,
      );
    }
    this.bufferLength = bufferLength;
    this.statsKey = statsKey;
    this.autoresetMode = env.metadata.autoresetMode ?? AutoresetMode.NEXT_STEP;
    const n = this.numEnvs;
    this.episodeStartTimes = new Float64Array(n);
    this.episodeReturns = new Float64Array(n);
    this.episodeLengths = new Int32Array(n);
    this.prevDones = new Uint8Array(n);
  }

  override reset(args?: VectorResetArgs): VectorReturn<M, VectorResetResult<Obs>> {
    const rawMask = args?.options?.reset_mask;
    const mask = rawMask === undefined ? null : resolveResetMask(this.numEnvs, rawMask);
    return thenApply<M, VectorResetResult<Obs>, VectorResetResult<Obs>>(super.reset(args), (result) => {
      const now = seconds();
      for (let i = 0; i < this.numEnvs; i++) {
        if (mask !== null && !mask[i]) continue;
        this.episodeStartTimes[i] = now;
        this.episodeReturns[i] = 0;
        this.episodeLengths[i] = 0;
        this.prevDones[i] = 0;
      }
      return result;
    });
  }

  override step(actions: Act): VectorReturn<M, VectorStepResult<Obs>> {
    return thenApply<M, VectorStepResult<Obs>, VectorStepResult<Obs>>(super.step(actions), (result) =>
      this.record(result),
    );
  }

  private record(result: VectorStepResult<Obs>): VectorStepResult<Obs> {
    const [, rewards, terminations, truncations, infos] = result;
    const n = this.numEnvs;
    const now = seconds();
    const sameStep = this.autoresetMode === AutoresetMode.SAME_STEP;
    for (let i = 0; i < n; i++) {
      if (!sameStep && this.prevDones[i] === 1) {
        // The reset step of NEXT_STEP: it starts the next episode and does not count.
        this.episodeReturns[i] = 0;
        this.episodeLengths[i] = 0;
        this.episodeStartTimes[i] = now;
      } else {
        this.episodeReturns[i]! += rewards[i]!;
        this.episodeLengths[i]! += 1;
      }
    }
    const dones = new Uint8Array(n);
    for (let i = 0; i < n; i++) dones[i] = terminations[i] === 1 || truncations[i] === 1 ? 1 : 0;
    this.prevDones = dones;
    if (!dones.includes(1)) return result;

    if (this.statsKey in infos || `_${this.statsKey}` in infos) {
      throw new GymError(
        `Attempted to add episode stats with key '${this.statsKey}' but this key already exists in info: ` +
          `${Object.keys(infos).join(', ')}`,
      );
    }
    const r = new Float64Array(n);
    const l = new Int32Array(n);
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (dones[i] !== 1) continue;
      r[i] = this.episodeReturns[i]!;
      l[i] = this.episodeLengths[i]!;
      t[i] = Math.round((now - this.episodeStartTimes[i]!) * 1e6) / 1e6;
      this.episodeCount += 1;
      push(this.returnQueue, r[i]!, this.bufferLength);
      push(this.lengthQueue, l[i]!, this.bufferLength);
      push(this.timeQueue, t[i]!, this.bufferLength);
      if (sameStep) {
        // The sub-env has already been reset: its next episode starts now.
        this.episodeReturns[i] = 0;
        this.episodeLengths[i] = 0;
        this.episodeStartTimes[i] = now;
      }
    }
    infos[this.statsKey] = { r, l, t };
    infos[`_${this.statsKey}`] = dones;
    return result;
  }
}

function push(queue: number[], value: number, limit: number): void {
  queue.push(value);
  if (queue.length > limit) queue.shift();
}
