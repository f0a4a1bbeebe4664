/**
 * One running instance of an app: the document state, the UI state, undo history, the current view, and the
 * operations widgets and keys use (run a command, open a dialog, move focus...). Every step runs as a
 * transaction: `beginStep`, then either `commitStep` or `rollbackStep`, which puts the document, the UI and the
 * history back exactly as they were.
 */
import type { Generator } from 'gymnasium-ts';
import { cloneJson } from './clone.ts';
import { compileUi, DOCUMENT_ID, MESSAGE_BOX_ID, pageOf, type CompiledUi } from './compile.ts';
import type {
  CommandContext,
  CommandDecl,
  CommandRef,
  OfficeApp,
  OutcomeInfo,
  UiControl,
  UndoMode,
} from './app.ts';
import { REDO, UNDO } from './app.ts';
import { History } from './history.ts';
import { shortcutChord } from './keys.ts';
import { dyn, type ComboBoxDecl, type FieldValue, type SpinnerFieldDecl } from './ui.ts';
import { cloneUiState, initialUiState, LiveUiView, type DialogInstance, type UiState } from './ui-state.ts';
import { buildView, type ObservedCache, type View } from './view.ts';

const KERNEL_SHORTCUTS: Readonly<Record<string, CommandRef>> = { '^z': UNDO, '^y': REDO };

export interface SessionOptions {
  /** Undo levels kept (Word keeps 100 by default). */
  undoLimit?: number;
}

export class Session<S> {
  readonly app: OfficeApp<S>;
  readonly compiled: CompiledUi<S>;
  readonly history: History<S>;
  readonly uiView: LiveUiView;
  readonly commands: Readonly<Record<string, CommandDecl<S>>>;
  /** Chord (`ctrl+B`) → command, app shortcuts over the kernel's Ctrl+Z / Ctrl+Y. */
  readonly shortcuts: ReadonlyMap<string, CommandRef>;
  state: S;
  ui: UiState;
  rng: Generator;
  /** Bumped whenever the document changes; the view and the canvas are cached against it. */
  docVersion = 0;
  /** Bumped whenever the UI state changes. */
  uiVersion = 0;
  /** The document before its first change in this episode (null while unchanged). */
  initialState: S | null = null;
  /** The `summary(text)` answers given so far. */
  readonly answers: string[] = [];

  private cachedView: View<S> | null = null;
  private viewDoc = -1;
  private viewUi = -1;
  private readonly observedCache: ObservedCache = new Map();
  private readonly snapshotFn: (state: S) => S;
  private stepUi: UiState | null = null;
  private stepDocVersion = 0;
  private stepUiVersion = 0;
  private stepInitialSet = false;
  private stepAnswers = 0;
  private readonly ctx: CommandContext<S>;
  readonly uiControl: UiControl;

  constructor(app: OfficeApp<S>, rng: Generator, options: SessionOptions = {}) {
    this.app = app;
    this.compiled = compileUi(app.ui);
    this.rng = rng;
    this.commands = app.commands ?? {};
    this.snapshotFn = app.snapshot ?? cloneJson;
    this.history = new History<S>(this.snapshotFn, options.undoLimit ?? 100);
    this.ui = initialUiState(this.compiled.defaultTab);
    this.uiView = new LiveUiView(
      () => this.ui,
      () => this.history,
    );
    const shortcuts = new Map<string, CommandRef>();
    for (const [keys, ref] of Object.entries({ ...KERNEL_SHORTCUTS, ...(app.shortcuts ?? {}) })) {
      shortcuts.set(shortcutChord(keys), ref);
    }
    this.shortcuts = shortcuts;
    this.state = undefined as S;
    this.uiControl = this.makeUiControl();
    const readState = (): S => this.state;
    const readRng = (): Generator => this.rng;
    this.ctx = {
      get state() {
        return readState();
      },
      setState: (next: S) => {
        this.state = next;
      },
      ui: this.uiControl,
      get rng() {
        return readRng();
      },
      run: (command, args) => this.exec(command, args),
      willMutate: () => this.willMutate('push', 'Edit', '#manual'),
    };
  }

  /** Starts a new episode on a fresh document. */
  reset(template: unknown, rng: Generator): void {
    this.rng = rng;
    this.state = this.app.createState(template, rng);
    this.ui = initialUiState(this.compiled.defaultTab);
    this.history.clear();
    this.initialState = null;
    this.answers.length = 0;
    this.docVersion++;
    this.uiVersion++;
  }

  // -- transactions -------------------------------------------------------------------------------------------

  beginStep(): void {
    this.history.beginStep();
    this.stepUi = cloneUiState(this.ui);
    this.stepDocVersion = this.docVersion;
    this.stepUiVersion = this.uiVersion;
    this.stepInitialSet = false;
    this.stepAnswers = this.answers.length;
  }

  commitStep(): void {
    this.history.commitStep();
    this.stepUi = null;
  }

  rollbackStep(): void {
    const restored = this.history.rollbackStep();
    if (restored !== null) this.state = restored;
    if (this.stepUi !== null) this.ui = this.stepUi;
    this.stepUi = null;
    this.docVersion = this.stepDocVersion;
    this.uiVersion = this.stepUiVersion;
    if (this.stepInitialSet) this.initialState = null;
    this.answers.length = this.stepAnswers;
    // The cached view may have been rebuilt mid-step; the versions now point at the pre-step one.
    this.cachedView = this.preStepView;
    this.viewDoc = this.docVersion;
    this.viewUi = this.uiVersion;
  }

  /** The view as the agent saw it at the start of the step (kept so a rollback needs no rebuild). */
  private preStepView: View<S> | null = null;

  // -- view ---------------------------------------------------------------------------------------------------

  /** The current view, rebuilt only when the document or the UI changed. */
  view(): View<S> {
    if (this.cachedView !== null && this.viewDoc === this.docVersion && this.viewUi === this.uiVersion) {
      return this.cachedView;
    }
    let view = this.build();
    // A contextual tab that went away takes the ribbon back to the default tab.
    const active = this.ui.activeTab;
    if (
      active !== '' &&
      !view.byId.has(active) &&
      this.ui.backstage === null &&
      active !== this.compiled.defaultTab
    ) {
      this.ui.activeTab = this.compiled.defaultTab;
      this.uiVersion++;
      view = this.build();
    }
    if (!view.byId.has(this.ui.focus)) this.ui.focus = DOCUMENT_ID;
    this.cachedView = view;
    this.viewDoc = this.docVersion;
    this.viewUi = this.uiVersion;
    return view;
  }

  /** Marks the current view as the one the agent sees (called when an observation is emitted). */
  markObserved(): View<S> {
    const view = this.view();
    this.preStepView = view;
    return view;
  }

  private build(dialogsOnly = false): View<S> {
    return buildView(
      {
        compiled: this.compiled,
        state: this.state,
        ui: this.ui,
        uiView: this.uiView,
        commands: this.commands,
      },
      this.observedCache,
      dialogsOnly,
    );
  }

  touchUi(): void {
    this.uiVersion++;
  }

  // -- commands -----------------------------------------------------------------------------------------------

  /** Runs a command (app command, or the built-in undo/redo) with undo bookkeeping. Never throws. */
  exec(ref: CommandRef, args?: Readonly<Record<string, unknown>>): OutcomeInfo {
    const id = typeof ref === 'string' ? ref : ref.command;
    const fixed = typeof ref === 'string' ? undefined : ref.args;
    const allArgs = fixed === undefined ? (args ?? {}) : args === undefined ? fixed : { ...fixed, ...args };
    if (id === UNDO) return this.undoRedo('undo');
    if (id === REDO) return this.undoRedo('redo');
    const decl = this.commands[id];
    if (decl === undefined) return { error: `the app has no command '${id}'` };
    if (decl.enabled !== undefined && !decl.enabled(this.state, this.uiView)) {
      return { changed: false, result: null };
    }
    return this.runDecl(id, decl, allArgs);
  }

  /** Runs an app API (already validated arguments). */
  runApi(name: string, args: Readonly<Record<string, unknown>>): OutcomeInfo {
    const decl = this.app.apis?.[name];
    if (decl === undefined) return { error: `unknown function '${name}'` };
    return this.runDecl(name, decl, args);
  }

  private runDecl(
    id: string,
    decl: Pick<CommandDecl<S>, 'run' | 'label' | 'mutates' | 'undo'>,
    args: Readonly<Record<string, unknown>>,
  ): OutcomeInfo {
    const mutates = decl.mutates ?? true;
    const mode: UndoMode = decl.undo ?? 'push';
    const label = decl.label ?? id;
    const docBefore = this.docVersion;
    let pushed = false;
    if (mutates === true) pushed = this.willMutate(mode, label, id);
    const saveManual = this.manual;
    this.manual = { mode, label, group: id, called: false };
    let outcome: OutcomeInfo;
    try {
      const out = decl.run(this.ctx, args);
      outcome = out ?? {};
    } catch (error) {
      outcome = {
        error: `command '${id}' failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    const manualCalled = this.manual.called;
    this.manual = saveManual;
    if (outcome.error !== undefined) return outcome;
    const mutated = mutates === true || manualCalled;
    if (mutated && outcome.changed !== false) {
      this.docVersion = Math.max(this.docVersion, docBefore) + 1;
    } else if (pushed && outcome.changed === false) {
      this.history.discardLastPush();
    }
    return outcome;
  }

  private manual: { mode: UndoMode; label: string; group: string; called: boolean } | null = null;

  /** Snapshot bookkeeping before a change; returns whether a new undo entry was pushed. */
  private willMutate(mode: UndoMode, label: string, group: string): boolean {
    let m = mode;
    let l = label;
    let g = group;
    if (group === '#manual' && this.manual !== null) {
      if (this.manual.called) return false;
      this.manual.called = true;
      m = this.manual.mode;
      l = this.manual.label;
      g = this.manual.group;
    }
    const { first, pushed } = this.history.beforeMutation(this.state, m, l, g);
    if (first !== null && this.initialState === null) {
      this.initialState = first;
      this.stepInitialSet = true;
    }
    return pushed;
  }

  private undoRedo(which: 'undo' | 'redo'): OutcomeInfo {
    const restored = which === 'undo' ? this.history.undo(this.state) : this.history.redo(this.state);
    if (restored === null) return { changed: false, result: null };
    if (this.initialState === null) {
      // Undo before any change cannot happen (nothing to undo), so the initial state is already known.
      this.initialState = this.snapshotFn(this.state);
      this.stepInitialSet = true;
    }
    this.state = restored;
    this.docVersion++;
    return {};
  }

  /** Runs a command bound to a keyboard shortcut chord, if any; null when the chord is not bound. */
  shortcut(chord: string): OutcomeInfo | null {
    const ref = this.shortcuts.get(chord);
    return ref === undefined ? null : this.exec(ref);
  }

  // -- UI operations ------------------------------------------------------------------------------------------

  get topDialog(): DialogInstance | null {
    return this.ui.dialogs[this.ui.dialogs.length - 1] ?? null;
  }

  /** The focused control id of the active scope. */
  get focusId(): string {
    const top = this.topDialog;
    return top ? (top.focus ?? '') : this.ui.focus;
  }

  setFocus(id: string, caret: 'end' | 'all' | null = null, text = ''): void {
    const top = this.topDialog;
    if (top) top.focus = id;
    else this.ui.focus = id;
    this.ui.caret = caret === null ? null : { node: id, at: text.length, selectAll: caret === 'all' };
    this.uiVersion++;
  }

  focusDocument(): void {
    this.commitPendingText();
    this.ui.focus = DOCUMENT_ID;
    this.ui.caret = null;
    this.uiVersion++;
  }

  /** Opens the popup of `ownerId`; a popup not inside the open chain closes the others first. */
  openPopup(ownerId: string, insideChainOf: string | null): void {
    const popups = this.ui.popups;
    if (insideChainOf !== null) {
      const at = popups.indexOf(insideChainOf);
      if (at >= 0) popups.length = at + 1;
      else popups.length = 0;
    } else {
      popups.length = 0;
    }
    popups.push(ownerId);
    this.ui.highlight = null;
    this.uiVersion++;
  }

  closePopup(ownerId: string): void {
    const at = this.ui.popups.indexOf(ownerId);
    if (at >= 0) {
      this.ui.popups.length = at;
      this.ui.highlight = null;
      this.uiVersion++;
    }
  }

  closePopups(): void {
    if (this.ui.popups.length > 0 || this.ui.highlight !== null) {
      this.ui.popups.length = 0;
      this.ui.highlight = null;
      this.uiVersion++;
    }
  }

  showTab(tabId: string): void {
    this.closePopups();
    if (this.ui.activeTab !== tabId) {
      this.ui.activeTab = tabId;
      this.uiVersion++;
    }
  }

  openBackstage(page?: string): void {
    this.closePopups();
    const target = page ?? this.compiled.backstageInitialPage;
    if (target === null) return;
    const found = this.compiled.backstagePages.find((p) => p.id === target || p.name === target);
    this.ui.backstage = found ? found.id : target;
    this.uiVersion++;
  }

  closeBackstage(): void {
    if (this.ui.backstage !== null) {
      this.ui.backstage = null;
      this.ui.focus = DOCUMENT_ID;
      this.uiVersion++;
    }
  }

  /** Opens a declared dialog with its initial values; returns an error for unknown ids. */
  openDialog(id: string, values?: Readonly<Record<string, FieldValue>>): OutcomeInfo {
    const decl = this.app.ui.dialogs?.[id];
    if (decl === undefined) return { error: `the app has no dialog '${id}'` };
    this.closePopups();
    this.commitPendingText();
    let initial: Record<string, FieldValue>;
    try {
      initial = { ...(decl.init ? decl.init(this.state) : {}), ...(values ?? {}) };
    } catch (error) {
      return {
        error: `dialog '${id}' could not open: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    this.ui.dialogs.push({ id, values: initial, page: 0, focus: null });
    this.ui.caret = null;
    this.uiVersion++;
    // Focus starts on the first field that takes it, as Windows dialogs do. The dialog's controls alone say which.
    const dialogView = this.build(true);
    const first = this.tabStops(dialogView)[0];
    if (first !== undefined) this.focusField(first, dialogView);
    return {};
  }

  closeDialog(): void {
    if (this.ui.dialogs.length === 0) return;
    const closed = this.ui.dialogs.pop()!;
    this.ui.caret = null;
    const below = this.topDialog;
    if (closed.id === MESSAGE_BOX_ID && below && closed.returnFocus) {
      below.focus = closed.returnFocus;
    }
    this.uiVersion++;
  }

  messageBox(text: string, returnFocus: string | null = null): void {
    this.closePopups();
    this.ui.dialogs.push({
      id: MESSAGE_BOX_ID,
      values: {},
      page: 0,
      focus: `${this.compiled.messageBox.id}/OK`,
      message: text,
      returnFocus,
    });
    this.ui.caret = null;
    this.uiVersion++;
  }

  setField(key: string, value: FieldValue): void {
    const top = this.topDialog;
    if (!top) return;
    if (top.values[key] !== value) {
      top.values[key] = value;
      this.uiVersion++;
    }
  }

  setPage(page: number): void {
    const top = this.topDialog;
    if (top && top.page !== page) {
      top.page = page;
      top.focus = null;
      this.ui.caret = null;
      this.uiVersion++;
    }
  }

  /**
   * OK on the topmost dialog: validate every field (first error wins, shown in a message box the way Office
   * shows it), then close the dialog and run its command with the values.
   */
  pressOk(): OutcomeInfo {
    const top = this.topDialog;
    if (!top) return {};
    if (top.id === MESSAGE_BOX_ID) {
      this.closeDialog();
      return {};
    }
    const decl = this.app.ui.dialogs?.[top.id];
    if (!decl) return { error: `the app has no dialog '${top.id}'` };
    const problem = this.validateDialog(top);
    if (problem !== null) {
      this.messageBox(problem.message, problem.nodeId);
      return { result: { message_box: problem.message } };
    }
    const values = { ...top.values };
    this.closeDialog();
    if (decl.command === undefined) return {};
    return this.exec(decl.command, values);
  }

  private validateDialog(top: DialogInstance): { message: string; nodeId: string | null } | null {
    const decl = this.app.ui.dialogs![top.id]!;
    const pages = decl.pages ?? [{ name: '', fields: decl.fields ?? [] }];
    const dialogNode = this.compiled.dialogs.get(top.id)!;
    for (let p = 0; p < pages.length; p++) {
      for (const f of pages[p]!.fields) {
        if (
          f.kind === 'field.text' ||
          f.kind === 'field.button' ||
          f.kind === 'field.check' ||
          f.kind === 'field.radio'
        )
          continue;
        if (f.enabled && !f.enabled(this.state, this.uiView)) continue;
        const raw = top.values[f.key];
        const text = raw === undefined ? '' : String(raw);
        let message: string | null = null;
        if (f.kind === 'field.spinner') message = spinnerProblem(f, text);
        else if ((f.kind === 'field.edit' || f.kind === 'field.combo') && f.validate)
          message = f.validate(text, this.state);
        if (message !== null) {
          top.page = p;
          const nodeId = findFieldNode(dialogNode.id, f.key, this.compiled.byId);
          top.focus = nodeId;
          return { message, nodeId };
        }
      }
    }
    if (decl.validate) {
      const problem = decl.validate(top.values, this.state);
      if (problem !== null) {
        return {
          message: problem.message,
          nodeId: findFieldNode(dialogNode.id, problem.field, this.compiled.byId),
        };
      }
    }
    return null;
  }

  /** Focusable, enabled, visible controls of the active scope in Tab order. */
  tabStops(view: View<S> = this.view()): string[] {
    const scope = view.activeScope;
    const stops: string[] = [];
    for (const entry of view.entries) {
      const node = entry.node;
      if (node.scope !== scope || !entry.enabled) continue;
      if (scope === 'main') {
        // In the main window Tab walks the ribbon's controls (the document takes Tab as a character).
        if (!node.id.startsWith('ribbon/') || !entry.node.listed || node.type === 'TabItem') continue;
      } else {
        if (!node.focusable) continue;
        if (node.role === 'fieldRadio') {
          const value = this.uiView.fieldOf(scope, node.fieldKey!);
          const options = node.field?.kind === 'field.radio' ? node.field.options : [];
          const checked = options.some((o) => o.value === value) ? value : options[0]?.value;
          if (node.value !== checked) continue;
        }
        if (node.role === 'fieldComboEdit') continue; // the combo box itself is the stop
      }
      stops.push(node.id);
    }
    return stops;
  }

  /** Focus a dialog field the way Tab does: edit text gets selected. */
  focusField(id: string, view: View<S> = this.view()): void {
    const entry = view.byId.get(id);
    const role = entry?.node.role;
    const isText =
      role === 'fieldEdit' ||
      role === 'fieldSpinnerEdit' ||
      role === 'fieldCombo' ||
      role === 'comboBox' ||
      role === 'edit';
    this.setFocus(id, isText ? 'all' : null, isText ? this.editText(id, view) : '');
  }

  /** The text of an edit-like control (dialog field value, pending ribbon text, combo value). */
  editText(id: string, view: View<S> = this.view()): string {
    const entry = view.byId.get(id);
    if (!entry) return '';
    const node = entry.node;
    if (node.fieldKey !== undefined && node.scope !== 'main') {
      const value = this.uiView.fieldOf(node.scope, node.fieldKey);
      return value === undefined ? '' : String(value);
    }
    const pending = this.ui.pendingText;
    const ownerId = node.role === 'comboEdit' ? node.parent!.id : node.id;
    if (pending !== null && pending.node === ownerId) return pending.text;
    if (node.combo) return dyn(node.combo.value, this.state, this.uiView);
    if (node.editValue !== undefined) return dyn(node.editValue, this.state, this.uiView);
    return '';
  }

  /** Commits text typed into a ribbon combo box (Enter, Tab or leaving it); a bad value shows a message box. */
  commitPendingText(): OutcomeInfo {
    const pending = this.ui.pendingText;
    if (pending === null) return {};
    this.ui.pendingText = null;
    this.uiVersion++;
    // Document children (Excel's Name Box and Formula Bar) are compiled per view, not with the static UI.
    const node = this.compiled.byId.get(pending.node) ?? this.view().byId.get(pending.node)?.node;
    if (!node) return {};
    if (node.combo) return this.applyComboText(node.combo, pending.text);
    if (node.role === 'edit' && node.command !== undefined)
      return this.exec(node.command, { value: pending.text });
    return {};
  }

  /** Applies text to a ribbon combo box (Font Size "14"): validate, then run its command with `{value}`. */
  applyComboText(combo: ComboBoxDecl<S>, text: string): OutcomeInfo {
    const problem = combo.validate ? combo.validate(text, this.state) : null;
    if (problem !== null) {
      this.messageBox(problem);
      return { result: { message_box: problem } };
    }
    return this.exec(combo.command, { value: text });
  }

  private makeUiControl(): UiControl {
    return {
      view: this.uiView,
      openDialog: (id, values) => {
        const out = this.openDialog(id, values);
        if (out.error !== undefined) throw new Error(out.error);
      },
      closeDialog: () => this.closeDialog(),
      messageBox: (text) => this.messageBox(text),
      showTab: (nameOrId) => {
        const tab = this.compiled.tabs.find((t) => t.id === nameOrId || t.name === nameOrId);
        if (!tab) throw new Error(`no ribbon tab '${nameOrId}'`);
        this.showTab(tab.id);
      },
      closePopups: () => this.closePopups(),
      openBackstage: (page) => this.openBackstage(page),
      closeBackstage: () => this.closeBackstage(),
      focusDocument: () => this.focusDocument(),
    };
  }

  /** Scrolls the document by `lines` (positive = down), within its extent. */
  scrollBy(lines: number): void {
    const extent = this.app.ui.document.scrollLines
      ? Math.max(0, this.app.ui.document.scrollLines(this.state))
      : 0;
    const next = Math.max(0, Math.min(extent, this.ui.scroll + lines));
    if (next !== this.ui.scroll) {
      this.ui.scroll = next;
      this.uiVersion++;
    }
  }

  /** The current page of the topmost dialog. */
  get dialogPage(): number {
    return pageOf(this.uiView);
  }
}

/** Word's range check for spin boxes ("The entry must be between 0 pt and 1584 pt."). */
export function spinnerProblem<S>(f: SpinnerFieldDecl<S>, text: string): string | null {
  const value = parseSpinnerValue(f, text);
  const unit = f.unit ? ` ${f.unit}` : '';
  const message = f.rangeMessage ?? `The entry must be between ${f.min}${unit} and ${f.max}${unit}.`;
  if (value === null) return message;
  if (value < f.min || value > f.max) return message;
  return null;
}

/** Reads a spin box's text: a number, optionally followed by its unit. */
export function parseSpinnerValue<S>(f: SpinnerFieldDecl<S>, text: string): number | null {
  let t = text.trim();
  if (f.unit && t.toLowerCase().endsWith(f.unit.toLowerCase()))
    t = t.slice(0, t.length - f.unit.length).trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

export function formatSpinnerValue<S>(f: SpinnerFieldDecl<S>, value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return f.unit ? `${rounded} ${f.unit}` : String(rounded);
}

function findFieldNode(dialogNodeId: string, key: string, byId: ReadonlyMap<string, unknown>): string | null {
  for (const [id, node] of byId) {
    if (!id.startsWith(`${dialogNodeId}/`)) continue;
    const n = node as { fieldKey?: string; focusable: boolean; role: string };
    if (n.fieldKey === key && n.focusable && n.role !== 'fieldComboEdit') return id;
  }
  return null;
}
