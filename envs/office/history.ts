/**
 * Undo/redo over snapshots of the app's JSON document state, and the per-step transaction that makes invalid
 * actions leave the document untouched.
 *
 * Cost model: a snapshot is taken only when a step is about to mutate the document (never for clicks that
 * only open menus or switch tabs), at most once per step for rollback, plus once per new undo entry. Merged
 * mutations (Word's "Typing") reuse the previous entry. Snapshots are never mutated: restoring one hands the
 * state a fresh copy, so no live state ever aliases a stored snapshot.
 */
import type { UndoMode } from './app.ts';

export interface UndoEntry<S> {
  readonly snapshot: S;
  readonly label: string;
  readonly group: string;
}

interface SavedStacks<S> {
  undo: UndoEntry<S>[];
  redo: UndoEntry<S>[];
  mergeGroup: string | null;
}

export class History<S> {
  private undoStack: UndoEntry<S>[] = [];
  private redoStack: UndoEntry<S>[] = [];
  /** The group still open for merging (the last entry's), or null once anything else happened. */
  private mergeGroup: string | null = null;
  /** Document state before this step's first mutation, for rollback. */
  private stepStart: S | null = null;
  private saved: SavedStacks<S> | null = null;
  /** The entry pushed by the latest `beforeMutation`, so a command that changed nothing can take it back. */
  private lastPush: { entry: UndoEntry<S>; redo: UndoEntry<S>[]; mergeGroup: string | null } | null = null;
  private readonly snapshot: (state: S) => S;
  readonly limit: number;

  constructor(snapshot: (state: S) => S, limit = 100) {
    this.snapshot = snapshot;
    this.limit = limit;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  get undoLabels(): string[] {
    return this.undoStack.map((e) => e.label);
  }

  get redoLabels(): string[] {
    return this.redoStack.map((e) => e.label);
  }

  /** Whether this step has mutated the document so far. */
  get stepMutated(): boolean {
    return this.stepStart !== null;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.mergeGroup = null;
    this.stepStart = null;
    this.saved = null;
  }

  beginStep(): void {
    this.stepStart = null;
    this.saved = null;
    this.lastPush = null;
  }

  /**
   * Called right before a command changes `state`. `first` is the pre-step snapshot when this is the step's
   * first mutation (the caller may keep it, e.g. as the episode's initial state: snapshots are never mutated);
   * `pushed` says whether a new undo entry was created.
   */
  beforeMutation(
    state: S,
    mode: UndoMode,
    label: string,
    group: string,
  ): { first: S | null; pushed: boolean } {
    let first: S | null = null;
    let snap: S | null = null;
    if (this.stepStart === null) {
      snap = this.snapshot(state);
      this.stepStart = snap;
      first = snap;
    }
    if (mode === 'none') {
      if (this.mergeGroup !== null) {
        this.save();
        this.mergeGroup = null;
      }
      return { first, pushed: false };
    }
    this.save();
    if (mode === 'merge' && this.mergeGroup === group && this.undoStack.length > 0)
      return { first, pushed: false };
    const entry: UndoEntry<S> = { snapshot: snap ?? this.snapshot(state), label, group };
    this.lastPush = { entry, redo: this.redoStack, mergeGroup: this.mergeGroup };
    this.undoStack.push(entry);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
    this.mergeGroup = mode === 'merge' ? group : null;
    return { first, pushed: true };
  }

  /** Takes back the entry of the latest `beforeMutation` (its command changed nothing after all). */
  discardLastPush(): void {
    const last = this.lastPush;
    if (last === null || this.undoStack[this.undoStack.length - 1] !== last.entry) return;
    this.undoStack.pop();
    this.redoStack = last.redo;
    this.mergeGroup = last.mergeGroup;
    this.lastPush = null;
  }

  /** Ctrl+Z: the state to continue from, or null when there is nothing to undo. */
  undo(current: S): S | null {
    const entry = this.undoStack[this.undoStack.length - 1];
    if (!entry) return null;
    this.save();
    const now = this.snapshot(current);
    if (this.stepStart === null) this.stepStart = now;
    this.undoStack.pop();
    this.redoStack.push({ snapshot: now, label: entry.label, group: entry.group });
    this.mergeGroup = null;
    return this.snapshot(entry.snapshot);
  }

  /** Ctrl+Y: the state to continue from, or null when there is nothing to redo. */
  redo(current: S): S | null {
    const entry = this.redoStack[this.redoStack.length - 1];
    if (!entry) return null;
    this.save();
    const now = this.snapshot(current);
    if (this.stepStart === null) this.stepStart = now;
    this.redoStack.pop();
    this.undoStack.push({ snapshot: now, label: entry.label, group: entry.group });
    this.mergeGroup = null;
    return this.snapshot(entry.snapshot);
  }

  /** Ends the step, keeping its changes. */
  commitStep(): void {
    this.stepStart = null;
    this.saved = null;
    this.lastPush = null;
  }

  /**
   * Ends the step discarding its changes: the history is as before the step; returns the document state to
   * restore, or null when the step changed nothing.
   */
  rollbackStep(): S | null {
    if (this.saved) {
      this.undoStack = this.saved.undo;
      this.redoStack = this.saved.redo;
      this.mergeGroup = this.saved.mergeGroup;
    }
    const restore = this.stepStart === null ? null : this.snapshot(this.stepStart);
    this.stepStart = null;
    this.saved = null;
    this.lastPush = null;
    return restore;
  }

  /** Copy-on-write of the stacks, once per step, so that a rollback can put them back. */
  private save(): void {
    if (this.saved === null) {
      this.saved = {
        undo: this.undoStack.slice(),
        redo: this.redoStack.slice(),
        mergeGroup: this.mergeGroup,
      };
    }
  }
}
