/**
 * The plug-in interface an Office app implements to run on the kernel. An app is mostly declarations: its
 * document state (plain JSON-compatible data), a UI declaration (ui.ts builders), named commands that mutate the
 * state, key bindings, and app APIs (UFO's COM-backed functions such as `select_text`). The kernel owns
 * everything else: the control tree, labels, focus, dialogs, undo/redo, observations and errors.
 */
import type { z } from 'zod';
import type { Generator } from 'gymnasium-ts';
import type { KeyStroke } from './keys.ts';
import type { UiDecl, UiView, FieldValue, MenuDecl } from './ui.ts';

/**
 * What a command handler returns. `undefined` means "done, state changed as declared".
 * - `error`: the command refused; the kernel restores the state of before the step and reports the message.
 * - `result`: returned to the agent as `info.result` (e.g. a `texts()`-like query API).
 * - `changed: false`: nothing changed after all (no undo entry, no new document version).
 * - `undo`: overrides the command's declared undo mode for this call.
 */
export interface OutcomeInfo {
  error?: string;
  result?: unknown;
  changed?: boolean;
  undo?: UndoMode;
}
export type Outcome = OutcomeInfo | void | undefined;

/**
 * How a mutation enters the undo history: `push` a new entry (the default), `merge` into the previous entry
 * when it came from the same command group (Word's "Typing"), or `none` (caret moves, view changes).
 */
export type UndoMode = 'push' | 'merge' | 'none';

/** A reference to a command, with fixed arguments: `'bold'` or `{command: 'align', args: {value: 'center'}}`. */
export type CommandRef =
  string | { readonly command: string; readonly args?: Readonly<Record<string, unknown>> };

/** UI operations available to command handlers. */
export interface UiControl {
  readonly view: UiView;
  /** Opens a declared dialog; `values` override what its `init` computes. */
  openDialog(id: string, values?: Readonly<Record<string, FieldValue>>): void;
  /** Closes the topmost dialog (as Cancel would, without running its command). */
  closeDialog(): void;
  /** Shows an Office-style message box (app title, the text, an OK button) on top of everything. */
  messageBox(text: string): void;
  /** Activates a ribbon tab by name or id. */
  showTab(nameOrId: string): void;
  closePopups(): void;
  openBackstage(page?: string): void;
  closeBackstage(): void;
  focusDocument(): void;
}

/** What a command handler receives. The state is mutated in place (or replaced with `setState`). */
export interface CommandContext<S> {
  /** The current document state. Read it through `ctx.state` every time: undo replaces the object. */
  readonly state: S;
  setState(next: S): void;
  readonly ui: UiControl;
  /** The env's seeded generator (for commands with randomness, e.g. a simulated autosave name). */
  readonly rng: Generator;
  /** Runs another command inside this one (same step, same undo handling). */
  run(command: CommandRef, args?: Readonly<Record<string, unknown>>): OutcomeInfo;
  /** For `mutates: 'manual'` commands: call right before the first change, so the kernel can snapshot. */
  willMutate(): void;
}

export interface CommandDecl<S> {
  run(ctx: CommandContext<S>, args: Readonly<Record<string, unknown>>): Outcome;
  /** The undo entry's label ("Bold", "Typing"); defaults to the command id. */
  label?: string;
  /**
   * `true` (default): the kernel snapshots the state before running, so undo and error rollback just work.
   * `false`: the command never touches the document state (it only opens dialogs, switches tabs...).
   * `'manual'`: the command calls `ctx.willMutate()` itself before changing anything (cheaper when most calls
   * turn out to be no-ops).
   */
  mutates?: boolean | 'manual';
  /** How the change enters the undo history (default `push`). */
  undo?: UndoMode;
  /** Controls bound to this command are disabled when this returns false. */
  enabled?: (state: S, ui: UiView) => boolean;
}

/**
 * An app API (UFO's app-specific functions, e.g. Word's `select_text(text)`): called with no control, its
 * arguments checked against `args` (a zod object schema) before `run`.
 */
export interface ApiDecl<S> {
  /** One-sentence description for the prompt's API list. */
  summary: string;
  /** The usage block of the prompt's API list: call signature, arguments, an example. */
  usage: string;
  args: z.ZodType<Record<string, unknown>>;
  run(ctx: CommandContext<S>, args: Readonly<Record<string, unknown>>): Outcome;
  label?: string;
  mutates?: boolean | 'manual';
  undo?: UndoMode;
  /** Valid arguments for the random valid-action sampler, or null when the API cannot be called now. */
  sample?(rng: Generator, state: S): Record<string, unknown> | null;
}

/** How keys that no control handles reach the document. */
export interface DocumentKeys<S> {
  /** Command that types text at the caret; receives `{text}` (consecutive characters arrive as one call). */
  type?: string;
  /** Maps any other keystroke (arrows, Delete, Enter, Backspace...) to a command, or null to ignore it. */
  map?(state: S, stroke: KeyStroke, ui: UiView): CommandRef | null;
}

export interface OfficeApp<S> {
  /** The app key used in observations and tasks: 'word', 'excel', 'powerpoint'. */
  readonly name: string;
  readonly ui: UiDecl<S>;
  readonly commands?: Readonly<Record<string, CommandDecl<S>>>;
  readonly apis?: Readonly<Record<string, ApiDecl<S>>>;
  /** Application-wide shortcuts in pywinauto syntax: `{'^b': 'bold', '{F12}': {command: 'openDialog'...}}`. */
  readonly shortcuts?: Readonly<Record<string, CommandRef>>;
  readonly keys?: DocumentKeys<S>;
  /** The document a task starts from: `template` is the task's template (a name or document JSON) or undefined. */
  createState(template: unknown, rng: Generator): S;
  /** The document as structured JSON for the observation's canvas. Must return data the state does not share. */
  canvas(state: S): unknown;
  /** A copy of the state for undo and rollback; defaults to a deep JSON copy. */
  snapshot?(state: S): S;
  /** A context menu for right clicks on the document. */
  readonly contextMenu?: MenuDecl<S>;
}

/** The built-in commands every app can bind to controls and shortcuts. */
export const UNDO = 'undo';
export const REDO = 'redo';
