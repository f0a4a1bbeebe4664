/**
 * Episode seeds derive from the run seed, the task id and the attempt number, never from run order: a rerun
 * with the same seed gives every episode the same seed whatever the number of actors or the scheduling.
 */
import { createHash } from 'node:crypto';

/** A 32-bit seed from SHA-256 of the three parts (a hash, so neighbouring ids give unrelated seeds). */
export function episodeSeed(runSeed: number, taskId: string, attempt: number): number {
  if (!Number.isInteger(runSeed) || runSeed < 0)
    throw new RangeError(`the run seed must be a non-negative integer, got ${runSeed}`);
  if (!Number.isInteger(attempt) || attempt < 0)
    throw new RangeError(`the attempt must be a non-negative integer, got ${attempt}`);
  const digest = createHash('sha256').update(`lamgym-episode\0${runSeed}\0${taskId}\0${attempt}`).digest();
  return digest.readUInt32LE(0);
}

/** The stable id of an episode within a run. */
export function episodeId(runId: string, app: string, taskId: string, attempt: number): string {
  return `${runId}/${app}/${taskId}/${attempt}`;
}
