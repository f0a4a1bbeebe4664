/**
 * Excel's undo and rollback copies with structural sharing. The kernel (office/history.ts) snapshots the live
 * state before a step's first change and for each undo entry, keeps those copies unchanged, and snapshots a
 * stored copy again to restore it (that copy becomes the live state and is edited in place). A plain deep copy
 * of the whole workbook per mutating step costs time and memory in proportion to the workbook, while a step
 * mostly changes a few cells of one sheet: here a copy of a live state is built from the previous copy wherever
 * the two agree, so unchanged sheets, cells and styles are one shared object across every stored copy.
 */
import { cloneJson, countJsonObjects, shareJson } from '../../office/index.ts';
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
  // The size is measured on every 16th copy only: it changes slowly, and counting is a walk of its own.
  if ((++copies & 15) === 0) lastObjects = countJsonObjects(s);
  if (lastCopy !== undefined && lastObjects >= SHARE_FROM_OBJECTS) {
    const copy = shareJson(s, lastCopy);
    sharedCopies.add(copy);
    lastCopy = copy;
    return copy;
  }
  const copy = cloneJson(s);
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
let copies = 0;
