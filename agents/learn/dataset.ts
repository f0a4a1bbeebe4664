/**
 * Training data of the policy learners: each usable step of a trajectory becomes one group of rows, the
 * features of every candidate action of its observation (recomputed with agents/candidates.ts and the LAM's
 * feature code, exactly as the policy sees them at act time) and the index of the candidate that was taken.
 * Rows are stored sparse (CSR): a step's 60-odd candidates × 512 hashed features would be ~120 KB dense.
 */
import { npRandom } from 'gymnasium-ts';
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { candidateActions } from '../candidates.ts';
import { candidateFeatures, FEATURE_WIDTH, observationFeatures } from '../lam/features.ts';
import type { CsrRows } from './backprop.ts';
import type { GroupedBatch } from './losses.ts';

export interface CandidateDataset {
  width: number;
  /** Number of groups (steps). */
  steps: number;
  /** Row offsets of the groups, length steps + 1. */
  groupStart: Int32Array;
  /** Index of the taken candidate within each group. */
  targets: Int32Array;
  /** CSR over all rows. */
  rowPtr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  /** Where each group comes from: trajectory index (in the input order) and step index. */
  trajectoryOf: Int32Array;
  stepOf: Int32Array;
}

export interface DatasetReport {
  dataset: CandidateDataset;
  /** Steps whose action is none of the observation's candidates (e.g. `select_text`, unparsable text). */
  unmatched: number;
  /** Steps kept. */
  matched: number;
}

const MATCHED_ARGS = ['text', 'keys', 'wheel_dist'] as const;

/**
 * Index of the candidate that performs `action`, or −1. Status is ignored (a LAM answers FINISH as its own
 * candidate, while a recorded action may run a control and FINISH in one step); the control matches by label,
 * or by name when the action gives no label; typed text, keys and wheel distance must be equal.
 */
export function matchCandidate(candidates: readonly OfficeAction[], action: unknown): number {
  if (action === null || typeof action !== 'object') return -1;
  const a = action as Partial<OfficeAction>;
  const fn = a.function ?? '';
  if (fn === '') {
    if (a.status !== 'FINISH' && a.status !== 'FAIL') return -1;
    return candidates.findIndex((c) => c.function === '' && c.status === a.status);
  }
  const label = a.control_label ?? '';
  const text = a.control_text ?? '';
  const args = a.args ?? {};
  if (label === '' && text === '') {
    // A call on no control (typing where the focus is, an app API): the arguments are the whole action.
    const wanted = JSON.stringify(sortedArgs(args));
    return candidates.findIndex(
      (c) =>
        c.function === fn &&
        c.control_label === '' &&
        c.control_text === '' &&
        JSON.stringify(sortedArgs(c.args)) === wanted,
    );
  }
  return candidates.findIndex((c) => {
    if (c.function !== fn) return false;
    if (label !== '' ? c.control_label !== label : text === '' || c.control_text !== text) return false;
    return MATCHED_ARGS.every((k) => c.args[k] === undefined || c.args[k] === args[k]);
  });
}

function sortedArgs(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(args)
      .sort()
      .map((k) => [k, args[k]]),
  );
}

class Growable<T extends Int32Array | Float32Array> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

export interface DatasetOptions {
  width?: number;
  /** Keep a step or not (e.g. only steps before the first error); all steps by default. */
  keepStep?: (trajectory: Trajectory, step: number) => boolean;
}

/** The candidate groups of every matched step of `trajectories` (Office observations and actions). */
export function buildCandidateDataset(
  trajectories: readonly Trajectory[],
  options: DatasetOptions = {},
): DatasetReport {
  const width = options.width ?? FEATURE_WIDTH;
  const row = new Float32Array(width);
  const groupStart = new Growable((n) => new Int32Array(n));
  const targets = new Growable((n) => new Int32Array(n));
  const trajectoryOf = new Growable((n) => new Int32Array(n));
  const stepOf = new Growable((n) => new Int32Array(n));
  const rowPtr = new Growable((n) => new Int32Array(n));
  const indices = new Growable((n) => new Int32Array(n));
  const values = new Growable((n) => new Float32Array(n));
  let rows = 0;
  let unmatched = 0;
  groupStart.push(0);
  rowPtr.push(0);
  trajectories.forEach((trajectory, t) => {
    trajectory.steps.forEach((step, s) => {
      if (options.keepStep !== undefined && !options.keepStep(trajectory, s)) return;
      const obs = step.obs as OfficeObservation;
      const candidates = candidateActions(obs);
      const target = matchCandidate(candidates, step.action);
      if (target < 0) {
        unmatched++;
        return;
      }
      const shared = observationFeatures(obs);
      for (const candidate of candidates) {
        row.fill(0);
        candidateFeatures(shared, candidate, row);
        for (let c = 0; c < width; c++) {
          if (row[c] !== 0) {
            indices.push(c);
            values.push(row[c]!);
          }
        }
        rowPtr.push(indices.length);
      }
      rows += candidates.length;
      groupStart.push(rows);
      targets.push(target);
      trajectoryOf.push(t);
      stepOf.push(s);
    });
  });
  const dataset: CandidateDataset = {
    width,
    steps: targets.length,
    groupStart: groupStart.done(),
    targets: targets.done(),
    rowPtr: rowPtr.done(),
    indices: indices.done(),
    values: values.done(),
    trajectoryOf: trajectoryOf.done(),
    stepOf: stepOf.done(),
  };
  return { dataset, unmatched, matched: dataset.steps };
}

/** A seeded permutation of 0..n−1 (Fisher–Yates on a PCG64 stream): the same seed, the same order. */
export function shuffledOrder(n: number, seed: number, out = new Int32Array(n)): Int32Array {
  const rng = npRandom(seed)[0];
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.integers(i + 1);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}

/**
 * Copies chosen groups of a dataset into one contiguous minibatch (CSR rows + grouped targets), reusing its
 * buffers from batch to batch; they only grow.
 */
export class BatchGatherer {
  readonly x: CsrRows;
  readonly batch: GroupedBatch;
  /** Dataset group index of each batch group. */
  groupIds = new Int32Array(16);

  constructor(width: number) {
    this.x = {
      rows: 0,
      width,
      indptr: new Int32Array(1024),
      indices: new Int32Array(16384),
      values: new Float32Array(16384),
    };
    this.batch = { groups: 0, groupStart: new Int32Array(17), targets: new Int32Array(16) };
  }

  /** Gathers groups `order[from..to)` of `data`. */
  gather(data: CandidateDataset, order: Int32Array, from: number, to: number): void {
    const groups = to - from;
    let rows = 0;
    let nnz = 0;
    for (let i = from; i < to; i++) {
      const g = order[i]!;
      const r0 = data.groupStart[g]!;
      const r1 = data.groupStart[g + 1]!;
      rows += r1 - r0;
      nnz += data.rowPtr[r1]! - data.rowPtr[r0]!;
    }
    this.reserve(groups, rows, nnz);
    const { x, batch } = this;
    let row = 0;
    let k = 0;
    x.indptr[0] = 0;
    batch.groupStart[0] = 0;
    for (let i = from; i < to; i++) {
      const g = order[i]!;
      const b = i - from;
      const r0 = data.groupStart[g]!;
      const r1 = data.groupStart[g + 1]!;
      for (let r = r0; r < r1; r++) {
        const k0 = data.rowPtr[r]!;
        const k1 = data.rowPtr[r + 1]!;
        for (let j = k0; j < k1; j++, k++) {
          x.indices[k] = data.indices[j]!;
          x.values[k] = data.values[j]!;
        }
        x.indptr[++row] = k;
      }
      batch.groupStart[b + 1] = row;
      batch.targets[b] = data.targets[g]!;
      this.groupIds[b] = g;
    }
    x.rows = row;
    batch.groups = groups;
  }

  private reserve(groups: number, rows: number, nnz: number): void {
    const { x, batch } = this;
    if (x.indptr.length < rows + 1) x.indptr = new Int32Array(Math.ceil((rows + 1) * 1.5));
    if (x.indices.length < nnz) {
      x.indices = new Int32Array(Math.ceil(nnz * 1.5));
      x.values = new Float32Array(x.indices.length);
    }
    if (batch.targets.length < groups) {
      batch.targets = new Int32Array(Math.ceil(groups * 1.5));
      batch.groupStart = new Int32Array(batch.targets.length + 1);
      this.groupIds = new Int32Array(batch.targets.length);
    }
  }
}
