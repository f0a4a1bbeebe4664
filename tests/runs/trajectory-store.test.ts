import { spawn } from 'node:child_process';
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrajectoryStore } from '../../runs/store/trajectory-store.ts';
import { encodeFrame, scanFrames } from '../../runs/store/frames.ts';
import { fakeTrajectory } from './fixtures/trajectories.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'lamgym-store-'));
const shards = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.lgt'))
    .sort();

function fill(dir: string, count: number, maxShardBytes?: number): void {
  const store = TrajectoryStore.open(dir, maxShardBytes === undefined ? {} : { maxShardBytes });
  for (let i = 0; i < count; i++) store.append(fakeTrajectory(i));
  store.close();
}

describe('TrajectoryStore', () => {
  it('gives back exactly what was appended, across reopen and shard rotation', () => {
    const dir = freshDir();
    fill(dir, 40, 16 * 1024);
    expect(shards(dir).length).toBeGreaterThan(2);
    const store = TrajectoryStore.open(dir);
    expect(store.recovery).toMatchObject({ trajectories: 40, rebuiltIndex: false, dropped: [] });
    expect([...store.trajectories()]).toEqual(Array.from({ length: 40 }, (_, i) => fakeTrajectory(i)));
    expect(store.get(fakeTrajectory(17).episode_id)).toEqual(fakeTrajectory(17));
    const successes = [...store.trajectories((e) => e.success)].map((t) => t.seed);
    expect(successes).toEqual(Array.from({ length: 14 }, (_, k) => 1000 + 3 * k));
    for (const shard of shards(dir)) expect(statSync(join(dir, shard)).size).toBeLessThanOrEqual(16 * 1024);
    store.close();
    store.close();
  });

  it('refuses an episode id it already holds, so nothing is counted twice', () => {
    const dir = freshDir();
    const store = TrajectoryStore.open(dir);
    store.append(fakeTrajectory(1));
    expect(() => store.append(fakeTrajectory(1))).toThrow(/already in the store/);
    expect(store.size).toBe(1);
    store.close();
    expect(() => store.append(fakeTrajectory(2))).toThrow(/is closed/);
  });

  it('recovers every complete trajectory when the last shard is cut at any byte', () => {
    const reference = freshDir();
    fill(reference, 3);
    const [shard] = shards(reference);
    const bytes = readFileSync(join(reference, shard!));
    const frames = scanFrames(bytes).frames;
    expect(frames).toHaveLength(3);
    const cuts = [
      1,
      11,
      12,
      13,
      frames[1]!.offset - 1,
      frames[1]!.offset + 5,
      frames[2]!.offset + 20,
      bytes.length - 1,
    ];
    for (const cut of cuts) {
      const dir = freshDir();
      fill(dir, 3);
      truncateSync(join(dir, shard!), cut);
      const store = TrajectoryStore.open(dir);
      const complete = frames.filter((f) => f.offset + 12 + f.payload.length <= cut).length;
      expect(store.size, `cut at ${cut}`).toBe(complete);
      expect(store.recovery.rebuiltIndex).toBe(true);
      expect(store.recovery.dropped).toHaveLength(1);
      expect(store.recovery.dropped[0]?.reason).toMatch(/cut off at the end of the shard/);
      // Appending continues after the last complete record, and everything reads back.
      store.append(fakeTrajectory(3));
      store.close();
      const reopened = TrajectoryStore.open(dir);
      expect([...reopened.trajectories()].map((t) => t.seed)).toEqual(
        [...Array(complete).keys(), 3].map((i) => 1000 + i),
      );
      expect(reopened.recovery.dropped).toEqual([]);
      reopened.close();
    }
  });

  it('skips a damaged record in the middle of a shard and keeps the ones after it', () => {
    const dir = freshDir();
    fill(dir, 5);
    const path = join(dir, shards(dir)[0]!);
    const bytes = readFileSync(path);
    const victim = scanFrames(bytes).frames[2]!;
    bytes.writeUInt8(bytes.readUInt8(victim.offset + 22) ^ 0xff, victim.offset + 22); // flip a payload byte: the checksum no longer matches
    writeFileSync(path, bytes);
    writeFileSync(join(dir, 'index.jsonl'), ''); // a stale index must not be trusted
    const store = TrajectoryStore.open(dir);
    expect([...store.trajectories()].map((t) => t.seed)).toEqual([1000, 1001, 1003, 1004]);
    expect(store.recovery.dropped).toEqual([
      {
        shard: shards(dir)[0],
        offset: victim.offset,
        bytes: victim.payload.length + 12,
        reason: 'a frame whose checksum does not match its payload',
      },
    ]);
    store.close();
  });

  it('rebuilds the index when a run died between a record and its index row', () => {
    const dir = freshDir();
    fill(dir, 4);
    const index = readFileSync(join(dir, 'index.jsonl'), 'utf8').split('\n');
    writeFileSync(join(dir, 'index.jsonl'), `${index.slice(0, 2).join('\n')}\n`);
    const store = TrajectoryStore.open(dir);
    expect(store.recovery).toMatchObject({ rebuiltIndex: true, trajectories: 4, dropped: [] });
    store.close();
  });

  it('keeps a store whose writer was killed with SIGKILL mid-run readable and appendable', async () => {
    const dir = freshDir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures/append-forever.ts'), dir],
      {
        stdio: 'ignore',
      },
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        try {
          if (statSync(join(dir, 'index.jsonl')).size > 150_000) {
            clearInterval(timer);
            resolve();
          }
        } catch {
          // not created yet
        }
      }, 20);
      child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const store = TrajectoryStore.open(dir);
    const all = [...store.trajectories()];
    expect(all.length).toBeGreaterThan(100);
    all.forEach((t, i) => expect(t).toEqual(fakeTrajectory(i, 1 + (i % 5))));
    expect(shards(dir).length).toBeGreaterThan(1);
    store.append(fakeTrajectory(all.length, 2));
    expect(store.size).toBe(all.length + 1);
    store.close();
  });

  it('says what is wrong with a directory that is not a lamgym store', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'store.json'), '{"format": "something-else", "version": 3}');
    expect(() => TrajectoryStore.open(dir)).toThrow(
      /describes something-else v3; this lamgym reads lamgym-trajectories v1/,
    );
    appendFileSync(join(dir, 'store.json'), 'x');
    expect(() => TrajectoryStore.open(dir)).toThrow(/store\.json is not valid JSON/);
  });

  it('frames carry their own length and checksum', () => {
    const frame = encodeFrame(Buffer.from('hello'));
    expect(frame.length).toBe(17);
    expect(scanFrames(Buffer.concat([frame, frame])).frames.map((f) => f.payload.toString())).toEqual([
      'hello',
      'hello',
    ]);
    expect(scanFrames(Buffer.from('garbage')).damaged[0]?.reason).toMatch(/cut off|do not start a frame/);
  });
});
