/**
 * The trajectory store of a run directory (`<run>/trajectories/`): append-only shards of framed msgpackr
 * records (frames.ts) and `index.jsonl`, one row per stored trajectory. The shards are the truth; the index is
 * a cache that `open` checks against the shard sizes and rebuilds from the shards when they disagree (a run
 * killed between writing a frame and its index row, or mid-frame).
 *
 * Each record is packed on its own (`maxSharedStructures: 0`: msgpackr writes its record definitions inline),
 * so any record can be decoded alone from its offset, and a damaged record never makes others unreadable.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readSync,
  renameSync,
} from 'node:fs';
import { ftruncateSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Packr, Unpackr } from 'msgpackr';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { type DamagedRegion, FRAME_HEADER_BYTES, encodeFrame, scanFrames } from './frames.ts';

export const STORE_FORMAT = 'lamgym-trajectories';
export const STORE_VERSION = 1;
const SHARD_RE = /^shard-(\d{6})\.lgt$/;
const DEFAULT_MAX_SHARD_BYTES = 64 * 1024 * 1024;

export interface StoreIndexEntry {
  episode_id: string;
  task_id: string;
  app: string;
  attempt: number;
  seed: number;
  success: boolean;
  reward: number;
  steps: number;
  /** `reward_error`, `policy_error` or `env_error` when the episode did not end normally. */
  error: string | null;
  shard: string;
  offset: number;
  /** Frame size in bytes (header included). */
  bytes: number;
}

export interface DroppedRegion extends DamagedRegion {
  shard: string;
}

/** What `open` found and did. Nothing is silently dropped: every unreadable byte range is listed. */
export interface RecoveryReport {
  shards: number;
  trajectories: number;
  /** Whether the index had to be rebuilt from the shards. */
  rebuiltIndex: boolean;
  /** Byte ranges without a valid record (torn tails are cut off the shard when repairing). */
  dropped: DroppedRegion[];
  /** Records whose episode id was already stored earlier (kept once). */
  duplicates: string[];
}

export interface TrajectoryStoreOptions {
  /** Start a new shard once the current one reaches this size (default 64 MiB). */
  maxShardBytes?: number;
}

export class TrajectoryStore {
  readonly dir: string;
  readonly maxShardBytes: number;
  readonly recovery: RecoveryReport;
  private readonly index = new Map<string, StoreIndexEntry>();
  private readonly packr = new Packr({ useRecords: true, maxSharedStructures: 0 });
  private readonly unpackr = new Unpackr({ useRecords: true, maxSharedStructures: 0 });
  private shardNumber = 0;
  private shardSize = 0;
  private fd: number | null = null;
  private indexFd: number | null = null;
  private closed = false;

  /**
   * Opens (creating if needed) the store in `dir`. Damaged shard regions are reported in `recovery`; a torn
   * tail is cut off the last shard so new records follow the last complete one.
   */
  static open(dir: string, options: TrajectoryStoreOptions = {}): TrajectoryStore {
    return new TrajectoryStore(dir, options);
  }

  private constructor(dir: string, options: TrajectoryStoreOptions) {
    this.dir = dir;
    this.maxShardBytes = options.maxShardBytes ?? DEFAULT_MAX_SHARD_BYTES;
    if (!(Number.isInteger(this.maxShardBytes) && this.maxShardBytes > 0)) {
      throw new RangeError(`maxShardBytes must be a positive integer, got ${String(options.maxShardBytes)}`);
    }
    mkdirSync(dir, { recursive: true });
    this.checkFormat();
    this.recovery = this.load();
    this.indexFd = openSync(join(dir, 'index.jsonl'), 'a');
  }

  get size(): number {
    return this.index.size;
  }

  has(episodeId: string): boolean {
    return this.index.has(episodeId);
  }

  /** Index rows in the order the trajectories were stored. */
  entries(): StoreIndexEntry[] {
    return [...this.index.values()];
  }

  /** Appends one trajectory. An episode id that is already stored is refused, so nothing is counted twice. */
  append(trajectory: Trajectory): StoreIndexEntry {
    return this.appendPacked(summarise(trajectory), this.packr.pack(trajectory));
  }

  /**
   * Appends a trajectory already packed with the store's msgpackr settings (self-contained records, no shared
   * structures), as actors send them, with its index fields; the bytes are framed and written as they are.
   */
  appendPacked(
    summary: Omit<StoreIndexEntry, 'shard' | 'offset' | 'bytes'>,
    packed: Uint8Array,
  ): StoreIndexEntry {
    this.assertOpen();
    if (this.index.has(summary.episode_id)) {
      throw new Error(`trajectory ${summary.episode_id} is already in the store at ${this.dir}`);
    }
    const frame = encodeFrame(packed);
    const fits = this.shardSize === 0 || this.shardSize + frame.length <= this.maxShardBytes;
    if (this.fd === null) this.startShard(fits ? this.shardNumber : this.shardNumber + 1);
    else if (!fits) this.startShard(this.shardNumber + 1);
    const entry: StoreIndexEntry = {
      ...summary,
      shard: shardName(this.shardNumber),
      offset: this.shardSize,
      bytes: frame.length,
    };
    writeAll(this.fd!, frame);
    this.shardSize += frame.length;
    writeAll(this.indexFd!, Buffer.from(`${JSON.stringify(entry)}\n`));
    this.index.set(entry.episode_id, entry);
    return entry;
  }

  get(episodeId: string): Trajectory {
    const entry = this.index.get(episodeId);
    if (entry === undefined) throw new Error(`no trajectory ${episodeId} in ${this.dir}`);
    return this.readEntry(entry);
  }

  /** Every stored trajectory, in storage order, decoded one at a time. */
  *trajectories(filter?: (entry: StoreIndexEntry) => boolean): Generator<Trajectory> {
    for (const entry of this.index.values())
      if (filter === undefined || filter(entry)) yield this.readEntry(entry);
  }

  /** Makes everything appended so far durable (the OS keeps it across a killed process even without this). */
  flush(): void {
    if (this.fd !== null) fsyncSync(this.fd);
    if (this.indexFd !== null) fsyncSync(this.indexFd);
  }

  /** Flushes and closes the files. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    if (this.indexFd !== null) closeSync(this.indexFd);
    this.fd = null;
    this.indexFd = null;
    this.closed = true;
  }

  private readEntry(entry: StoreIndexEntry): Trajectory {
    const payloadBytes = entry.bytes - FRAME_HEADER_BYTES;
    const buffer = Buffer.allocUnsafe(payloadBytes);
    const fd = openSync(join(this.dir, entry.shard), 'r');
    try {
      const read = readSync(fd, buffer, 0, payloadBytes, entry.offset + FRAME_HEADER_BYTES);
      if (read !== payloadBytes) throw new Error(`${entry.shard} ends inside trajectory ${entry.episode_id}`);
    } finally {
      closeSync(fd);
    }
    return this.unpackr.unpack(buffer) as Trajectory;
  }

  private startShard(number: number): void {
    if (this.fd !== null) closeSync(this.fd);
    this.shardNumber = number;
    const path = join(this.dir, shardName(number));
    this.fd = openSync(path, 'a');
    this.shardSize = statSync(path).size;
  }

  private checkFormat(): void {
    const path = join(this.dir, 'store.json');
    if (!existsSync(path)) {
      writeFileSync(path, `${JSON.stringify({ format: STORE_FORMAT, version: STORE_VERSION }, null, 2)}\n`);
      return;
    }
    let meta: { format?: unknown; version?: unknown };
    try {
      meta = JSON.parse(readFileSync(path, 'utf8')) as typeof meta;
    } catch (error) {
      throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
    }
    if (meta.format !== STORE_FORMAT || meta.version !== STORE_VERSION) {
      throw new Error(
        `${path} describes ${String(meta.format)} v${String(meta.version)}; this lamgym reads ${STORE_FORMAT} v${STORE_VERSION}`,
      );
    }
  }

  private shardFiles(): string[] {
    return readdirSync(this.dir)
      .filter((name) => SHARD_RE.test(name))
      .sort();
  }

  /** Fast path: an index that ends exactly where every shard ends is trusted; otherwise rebuild from shards. */
  private load(): RecoveryReport {
    const shards = this.shardFiles();
    const report: RecoveryReport = {
      shards: shards.length,
      trajectories: 0,
      rebuiltIndex: false,
      dropped: [],
      duplicates: [],
    };
    const fromIndex = this.readIndex(shards);
    if (fromIndex !== null) {
      for (const entry of fromIndex) this.index.set(entry.episode_id, entry);
    } else {
      report.rebuiltIndex = true;
      this.rebuildIndex(shards, report);
    }
    report.trajectories = this.index.size;
    const last = shards.at(-1);
    if (last !== undefined) {
      this.shardNumber = Number(SHARD_RE.exec(last)![1]);
      this.shardSize = statSync(join(this.dir, last)).size;
    }
    return report;
  }

  private readIndex(shards: string[]): StoreIndexEntry[] | null {
    const path = join(this.dir, 'index.jsonl');
    if (!existsSync(path)) return shards.length === 0 ? [] : null;
    const entries: StoreIndexEntry[] = [];
    const ends = new Map<string, number>();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line === '') continue;
      try {
        const entry = JSON.parse(line) as StoreIndexEntry;
        entries.push(entry);
        ends.set(entry.shard, Math.max(ends.get(entry.shard) ?? 0, entry.offset + entry.bytes));
      } catch {
        return null;
      }
    }
    const ids = new Set(entries.map((e) => e.episode_id));
    if (ids.size !== entries.length) return null;
    for (const shard of shards)
      if ((ends.get(shard) ?? 0) !== statSync(join(this.dir, shard)).size) return null;
    for (const shard of ends.keys()) if (!shards.includes(shard)) return null;
    return entries;
  }

  private rebuildIndex(shards: string[], report: RecoveryReport): void {
    for (const shard of shards) {
      const path = join(this.dir, shard);
      const scan = scanFrames(readFileSync(path));
      for (const region of scan.damaged) report.dropped.push({ shard, ...region });
      for (const frame of scan.frames) {
        let trajectory: Trajectory;
        try {
          trajectory = this.unpackr.unpack(frame.payload) as Trajectory;
        } catch (error) {
          const bytes = frame.payload.length + FRAME_HEADER_BYTES;
          report.dropped.push({
            shard,
            offset: frame.offset,
            bytes,
            reason: `undecodable record: ${(error as Error).message}`,
          });
          continue;
        }
        if (this.index.has(trajectory.episode_id)) {
          report.duplicates.push(trajectory.episode_id);
          continue;
        }
        const entry = {
          ...summarise(trajectory),
          shard,
          offset: frame.offset,
          bytes: frame.payload.length + FRAME_HEADER_BYTES,
        };
        this.index.set(entry.episode_id, entry);
      }
      // A torn tail is cut off so that appends continue right after the last complete record.
      if (scan.validEnd < statSync(path).size && scan.damaged.at(-1)?.offset === scan.validEnd) {
        const fd = openSync(path, 'r+');
        ftruncateSync(fd, scan.validEnd);
        closeSync(fd);
      }
    }
    const tmp = join(this.dir, 'index.jsonl.tmp');
    writeFileSync(tmp, [...this.index.values()].map((e) => `${JSON.stringify(e)}\n`).join(''));
    renameSync(tmp, join(this.dir, 'index.jsonl'));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`the trajectory store at ${this.dir} is closed`);
  }
}

function summarise(trajectory: Trajectory): Omit<StoreIndexEntry, 'shard' | 'offset' | 'bytes'> {
  return {
    episode_id: trajectory.episode_id,
    task_id: trajectory.task.unique_id,
    app: trajectory.task.app,
    attempt: trajectory.attempt,
    seed: trajectory.seed,
    success: trajectory.outcome.success,
    reward: trajectory.outcome.reward,
    steps: trajectory.steps.length,
    error: trajectory.outcome.error ?? null,
  };
}

function shardName(number: number): string {
  return `shard-${String(number).padStart(6, '0')}.lgt`;
}

function writeAll(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}
