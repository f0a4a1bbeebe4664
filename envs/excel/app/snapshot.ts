/**
 * Excel's undo and rollback copies with structural sharing. The kernel (office/history.ts) snapshots the live
 * state before a step's first change and for each undo entry, keeps those copies unchanged, and snapshots a
 * stored copy again to restore it (that copy becomes the live state and is edited in place). A plain deep copy
 * of the whole workbook per mutating step costs time and memory in proportion to the workbook, while a step
 * mostly changes a few cells of one sheet: here a copy of a live state is built from the previous copy wherever
 * the two agree, so unchanged sheets, cells and styles are one shared object across every stored copy.
 */
import { cloneJson } from '../../office/index.ts';
import type { ExcelState } from './state.ts';

/**
 * The states the kernel edits in place: those `createState` made and those a restore handed out. Only these are
 * copied with sharing; anything else asked for (a stored copy being restored, or a state from elsewhere) gets a
 * plain fresh deep copy, which is right whatever it is, so a state never aliases a shared part by mistake.
 */
const liveStates = new WeakSet<object>();
/** Copies made by sharing: restoring one hands out a live state. */
const sharedCopies = new WeakSet<object>();
/** The latest plain copies, ring-buffered: a restore (rollback, undo) usually asks for one of these. */
const recentPlain: (object | null)[] = new Array<object | null>(8).fill(null);
let recentAt = 0;
/** The latest copy, which the next shared copy shares with where they agree. */
let lastCopy: unknown = undefined;

/** Marks `s` as a state the kernel will edit in place (from `createState`). */
export function liveExcelState(s: ExcelState): ExcelState {
  liveStates.add(s);
  return s;
}

/**
 * The copy the kernel stores or restores: always equal to `cloneJson(state)` (the same members in the same
 * order, `undefined` members left out). A live state's copy is immutable and, once states are big enough for that
 * to pay, shares the unchanged parts of the last copy; a stored copy gives a full fresh deep copy (the new live
 * state), so a live state never aliases anything a copy holds.
 */
export function snapshotExcelState(s: ExcelState): ExcelState {
  if (!liveStates.has(s)) {
    const fresh = cloneJson(s);
    if (sharedCopies.has(s) || recentPlain.includes(s)) liveStates.add(fresh);
    return fresh;
  }
  if (lastCopy !== undefined && lastObjects >= SHARE_FROM_OBJECTS) {
    visited = 0;
    const copy = share(s, lastCopy) as ExcelState;
    lastObjects = visited;
    sharedCopies.add(copy);
    lastCopy = copy;
    return copy;
  }
  let copy: ExcelState;
  // The size is measured on every 16th plain copy only: counting slows the copy, and sizes change slowly.
  if ((++plainCopies & 15) === 0) {
    visited = 0;
    copy = copyCounting(s);
    lastObjects = visited;
  } else copy = cloneJson(s);
  recentPlain[recentAt] = copy;
  recentAt = (recentAt + 1) & 7;
  lastCopy = copy;
  return copy;
}

/**
 * Sharing walks the state comparing it with the last copy, which costs about what a plain copy costs (and more for
 * small states), so it only pays when the walk finds much to keep: from this many objects and arrays in the last
 * measured state on (some 80 cells), the shared parts save time and memory; below, copies are plain.
 */
const SHARE_FROM_OBJECTS = 128;
/** Objects and arrays in the state at the last measure: its size, which changes little from step to step. */
let lastObjects = 0;
let visited = 0;
let plainCopies = 0;

/** `cloneJson`, counting the objects and arrays it copies in `visited`. */
function copyCounting<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  visited++;
  if (Array.isArray(value)) {
    const n = value.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v: unknown = value[i];
      out[i] = v === null || typeof v !== 'object' ? v : copyCounting(v);
    }
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      out[key] = v === null || typeof v !== 'object' ? v : copyCounting(v);
    }
  }
  return out as T;
}

/**
 * JSON equality as the copies see it: the same keys in the same order, `undefined` members absent (cloneJson
 * drops them), numbers by Object.is (so -0 is kept apart from 0). `frozen` is a copy (no undefined members).
 */
function sameJson(live: unknown, frozen: unknown): boolean {
  if (typeof live !== 'object' || live === null) return Object.is(live, frozen);
  if (typeof frozen !== 'object' || frozen === null) return false;
  if (Array.isArray(live)) {
    if (!Array.isArray(frozen) || live.length !== frozen.length) return false;
    for (let i = 0; i < live.length; i++) if (!sameJson(live[i], frozen[i])) return false;
    return true;
  }
  if (Array.isArray(frozen)) return false;
  const keys = Object.keys(frozen);
  let j = 0;
  for (const k in live) {
    const v = (live as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (keys[j] !== k || !sameJson(v, (frozen as Record<string, unknown>)[k])) return false;
    j++;
  }
  return j === keys.length;
}

/**
 * A copy of `live` built from `prev` (an earlier copy) wherever they agree: `prev` itself when they are equal as
 * sameJson sees it, else a new object or array whose unchanged members are `prev`'s, down to the leaves; what
 * `prev` lacks is deep-copied from `live`. So an edit of one cell leaves the other cells and sheets shared.
 */
function share(live: unknown, prev: unknown): unknown {
  if (typeof live !== 'object' || live === null) return live;
  if (typeof prev !== 'object' || prev === null || Array.isArray(live) !== Array.isArray(prev))
    return copyCounting(live);
  if (Array.isArray(live)) return shareArray(live, prev as readonly unknown[]);
  return shareObject(live as Record<string, unknown>, prev as Record<string, unknown>);
}

/** `share` for two plain objects; leaves are handled in place, as most members are strings and numbers. */
function shareObject(live: Record<string, unknown>, before: Record<string, unknown>): unknown {
  visited++;
  const keys = Object.keys(before);
  let out: Record<string, unknown> | null = null;
  let j = 0;
  for (const k in live) {
    const v = live[k];
    if (v === undefined) continue;
    let c: unknown;
    if (keys[j] === k) {
      const p = before[k];
      if (typeof v !== 'object' || v === null) {
        if (out === null && Object.is(v, p)) {
          j++;
          continue;
        }
        c = v;
      } else {
        c = share(v, p);
        if (out === null && c === p) {
          j++;
          continue;
        }
      }
    } else c = typeof v !== 'object' || v === null ? v : copyCounting(v);
    if (out === null) {
      // The first difference: the members so far are prev's, in the same order.
      out = {};
      for (let t = 0; t < j; t++) out[keys[t]!] = before[keys[t]!];
    }
    out[k] = c;
    j++;
  }
  if (out !== null) return out;
  if (j === keys.length) return before;
  // `live` is a prefix of `prev`'s members.
  out = {};
  for (let t = 0; t < j; t++) out[keys[t]!] = before[keys[t]!];
  return out;
}

/** `share` for arrays: element by element, or with the common head and tail kept when the lengths differ. */
function shareArray(live: readonly unknown[], prev: readonly unknown[]): readonly unknown[] {
  visited++;
  const n = live.length;
  const m = prev.length;
  if (n === m) {
    let out: unknown[] | null = null;
    for (let i = 0; i < n; i++) {
      const v = live[i];
      const c = typeof v !== 'object' || v === null ? v : share(v, prev[i]);
      if (out === null) {
        if (Object.is(c, prev[i])) continue;
        out = prev.slice(0, i);
      }
      out.push(c);
    }
    return out ?? prev;
  }
  let head = 0;
  while (head < n && head < m && sameJson(live[head], prev[head])) head++;
  let tail = 0;
  while (tail < n - head && tail < m - head && sameJson(live[n - 1 - tail], prev[m - 1 - tail])) tail++;
  const out = new Array<unknown>(n);
  for (let i = 0; i < head; i++) out[i] = prev[i];
  for (let i = head; i < n - tail; i++) out[i] = copyCounting(live[i]);
  for (let t = 0; t < tail; t++) out[n - 1 - t] = prev[m - 1 - t];
  return out;
}
