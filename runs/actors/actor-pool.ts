/**
 * The local actor pool: Piscina worker threads running `actor-worker.ts` jobs (a few whole episodes each).
 * The caller feeds episodes and gets trajectories back as each job ends; at most `actors × 2` jobs are in flight,
 * so memory stays bounded however large the suite. A job whose worker dies or throws is retried (bounded); a
 * job that keeps failing is reported with its episodes, never silently dropped.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { workerExecArgv } from 'gymnasium-ts';
import type { ActorEpisode, ActorJob, ActorResult, TrajectoryHead } from './protocol.ts';

const WORKER_URL = new URL(
  `./actor-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);

export interface ActorPoolOptions {
  actors?: number;
  /** Episodes per job (default 4): amortises the round trip without starving other actors. */
  episodesPerJob?: number;
  /** Retries of a failed job before its episodes are given up (default 2). */
  maxRetries?: number;
}

export interface FailedJob {
  episodes: ActorEpisode[];
  error: string;
  attempts: number;
}

export interface PoolCallbacks {
  /** A finished episode: its head, and the trajectory as the actor packed it (self-contained msgpackr records). */
  onTrajectory(head: TrajectoryHead, packed: Uint8Array): void;
  onFailedJob?(failure: FailedJob): void;
  onRetry?(error: string, attempt: number): void;
}

export class ActorPool {
  readonly actors: number;
  private readonly pool: Piscina<ActorJob, ActorResult>;
  private readonly episodesPerJob: number;
  private readonly maxRetries: number;

  constructor(options: ActorPoolOptions = {}) {
    this.actors = options.actors ?? Math.max(1, availableParallelism());
    this.episodesPerJob = options.episodesPerJob ?? 4;
    this.maxRetries = options.maxRetries ?? 2;
    if (!(Number.isInteger(this.actors) && this.actors > 0))
      throw new RangeError(`actors must be a positive integer, got ${this.actors}`);
    const execArgv = workerExecArgv(WORKER_URL);
    this.pool = new Piscina<ActorJob, ActorResult>({
      filename: WORKER_URL.href,
      minThreads: this.actors,
      maxThreads: this.actors,
      idleTimeout: 60_000,
      ...(execArgv === undefined ? {} : { execArgv }),
    });
  }

  /** Runs every episode; resolves once all are stored or reported failed. */
  async run(
    base: Omit<ActorJob, 'episodes'>,
    episodes: Iterable<ActorEpisode>,
    callbacks: PoolCallbacks,
  ): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    let batch: ActorEpisode[] = [];
    const launch = async (jobEpisodes: ActorEpisode[]): Promise<void> => {
      const job = { ...base, episodes: jobEpisodes };
      // A job of several episodes gets one try; if it fails, each episode is retried alone, so one episode
      // that kills its worker cannot take the others down with it.
      const tries = jobEpisodes.length > 1 ? 1 : this.maxRetries + 1;
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await this.pool.run(job);
          result.packed.forEach((bytes, i) =>
            callbacks.onTrajectory(result.heads[i]!, new Uint8Array(bytes)),
          );
          return;
        } catch (error) {
          const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          if (jobEpisodes.length > 1) {
            callbacks.onRetry?.(message, attempt);
            await Promise.all(jobEpisodes.map((episode) => launch([episode])));
            return;
          }
          if (attempt >= tries) {
            callbacks.onFailedJob?.({ episodes: jobEpisodes, error: message, attempts: attempt });
            return;
          }
          callbacks.onRetry?.(message, attempt);
        }
      }
    };
    const submit = async (jobEpisodes: ActorEpisode[]) => {
      const promise = launch(jobEpisodes).finally(() => inFlight.delete(promise));
      inFlight.add(promise);
      if (inFlight.size >= this.actors * 2) await Promise.race(inFlight);
    };
    for (const episode of episodes) {
      batch.push(episode);
      if (batch.length === this.episodesPerJob) {
        await submit(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await submit(batch);
    await Promise.all(inFlight);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
