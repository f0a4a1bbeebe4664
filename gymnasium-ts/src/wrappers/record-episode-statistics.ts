/**
 * `RecordEpisodeStatistics`: at the end of every episode (terminated or truncated) adds
 * `info[statsKey] = {r, l, t}` — the episode's return, length and wall-clock seconds (6 decimals) — and keeps
 * the last `bufferLength` of each in `returnQueue`, `lengthQueue` and `timeQueue` (gymnasium/wrappers/common.py).
 */
import { performance } from 'node:perf_hooks';
import { type Env, type ResetArgs, type ResetResult, type StepResult, Wrapper } from '../core.ts';
import { GymError } from '../errors.ts';

export interface EpisodeStatistics {
  /** The sum of the episode's rewards. */
  r: number;
  /** The number of steps. */
  l: number;
  /** Seconds from the reset to the last step, rounded to microseconds. */
  t: number;
}

export interface RecordEpisodeStatisticsOptions {
  /** How many finished episodes the queues keep (default 100). */
  bufferLength?: number;
  /** The info key the statistics are written under (default `'episode'`). */
  statsKey?: string;
}

export class RecordEpisodeStatistics<Obs = unknown, Act = unknown> extends Wrapper<Obs, Act> {
  readonly bufferLength: number;
  readonly statsKey: string;
  /** Episodes finished since the wrapper was created. */
  episodeCount = 0;
  /** `performance.now()` seconds at the current episode's reset; -1 before the first reset. */
  episodeStartTime = -1;
  episodeReturns = 0;
  episodeLengths = 0;
  readonly returnQueue: number[] = [];
  readonly lengthQueue: number[] = [];
  readonly timeQueue: number[] = [];

  constructor(
    env: Env<Obs, Act>,
    { bufferLength = 100, statsKey = 'episode' }: RecordEpisodeStatisticsOptions = {},
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
  }

  /** For `make`'s additional wrappers. */
  static fromKwargs<O, A>(env: Env<O, A>, kwargs: Record<string, unknown>): RecordEpisodeStatistics<O, A> {
    return new RecordEpisodeStatistics(env, kwargs as RecordEpisodeStatisticsOptions);
  }

  override step(action: Act): StepResult<Obs> {
    const [obs, reward, terminated, truncated, info] = this.env.step(action);
    this.episodeReturns += reward;
    this.episodeLengths += 1;
    if (terminated || truncated) {
      if (this.statsKey in info) {
        throw new GymError(
          `RecordEpisodeStatistics: the env's info already has the key '${this.statsKey}'; ` +
            'pass another statsKey so the statistics do not overwrite it',
        );
      }
      const now = nowSeconds();
      const elapsed = Math.round((now - this.episodeStartTime) * 1e6) / 1e6;
      const stats: EpisodeStatistics = { r: this.episodeReturns, l: this.episodeLengths, t: elapsed };
      info[this.statsKey] = stats;
      pushBounded(this.timeQueue, elapsed, this.bufferLength);
      pushBounded(this.returnQueue, this.episodeReturns, this.bufferLength);
      pushBounded(this.lengthQueue, this.episodeLengths, this.bufferLength);
      this.episodeCount += 1;
      this.episodeStartTime = now;
    }
    return [obs, reward, terminated, truncated, info];
  }

  override reset(args?: ResetArgs): ResetResult<Obs> {
    const result = this.env.reset(args);
    this.episodeStartTime = nowSeconds();
    this.episodeReturns = 0;
    this.episodeLengths = 0;
    return result;
  }
}

function nowSeconds(): number {
  return performance.now() / 1000;
}

/** A deque with a maximum length: the oldest value falls out. */
function pushBounded(queue: number[], value: number, maxLength: number): void {
  queue.push(value);
  if (queue.length > maxLength) queue.shift();
}
