/**
 * The kernel-owned UI state: which ribbon tab is active, which popups and dialogs are open (with their field
 * values), the backstage page, keyboard focus, the caret inside an edit field, and the scroll position. It is
 * small plain data, copied at the start of each step so an invalid action can be rolled back, and it is not
 * part of the undo history (Office does not undo tab switches).
 */
import type { FieldValue, UiView } from './ui.ts';
import { DOCUMENT_ID, MESSAGE_BOX_ID } from './compile.ts';

export interface DialogInstance {
  /** Dialog id (a key of `ui.dialogs`) or `#message` for a message box. */
  id: string;
  values: Record<string, FieldValue>;
  page: number;
  /** Focused control inside the dialog. */
  focus: string | null;
  /** A message box's text. */
  message?: string;
  /** Where focus goes when a message box closes (the field that failed validation). */
  returnFocus?: string | null;
}

/** The caret of the focused text field (dialog edit, combo edit, ribbon edit). */
export interface CaretState {
  node: string;
  at: number;
  /** All text selected: the next typed character replaces it (focus by Tab selects all, as Windows does). */
  selectAll: boolean;
}

export interface UiState {
  activeTab: string;
  /** Open popups' owner ids, outermost first (a submenu follows its menu). */
  popups: string[];
  /** Keyboard-highlighted item of the innermost open popup. */
  highlight: string | null;
  /** Open dialogs, bottom first; the last one is modal. */
  dialogs: DialogInstance[];
  backstage: string | null;
  /** Focused control id in the main window. */
  focus: string;
  caret: CaretState | null;
  /** Uncommitted text typed into a ribbon combo box or edit box, by control id. */
  pendingText: { node: string; text: string } | null;
  scroll: number;
}

export function initialUiState(activeTab: string): UiState {
  return {
    activeTab,
    popups: [],
    highlight: null,
    dialogs: [],
    backstage: null,
    focus: DOCUMENT_ID,
    caret: null,
    pendingText: null,
    scroll: 0,
  };
}

export function cloneUiState(ui: UiState): UiState {
  return {
    activeTab: ui.activeTab,
    popups: ui.popups.length === 0 ? [] : ui.popups.slice(),
    highlight: ui.highlight,
    dialogs: ui.dialogs.length === 0 ? [] : ui.dialogs.map((d) => ({ ...d, values: { ...d.values } })),
    backstage: ui.backstage,
    focus: ui.focus,
    caret: ui.caret === null ? null : { ...ui.caret },
    pendingText: ui.pendingText === null ? null : { ...ui.pendingText },
    scroll: ui.scroll,
  };
}

/** The read-only `UiView` handed to `Dyn` functions; reads the live state through a getter. */
export class LiveUiView implements UiView {
  private readonly read: () => UiState;
  private readonly history: () => { canUndo: boolean; canRedo: boolean };

  constructor(read: () => UiState, history: () => { canUndo: boolean; canRedo: boolean }) {
    this.read = read;
    this.history = history;
  }

  get activeTab(): string {
    return this.read().activeTab;
  }

  get dialog(): string | null {
    const dialogs = this.read().dialogs;
    return dialogs.length === 0 ? null : dialogs[dialogs.length - 1]!.id;
  }

  field(key: string): FieldValue | undefined {
    const dialogs = this.read().dialogs;
    const top = dialogs[dialogs.length - 1];
    if (!top) return undefined;
    if (key === '#page') return top.page;
    if (top.id === MESSAGE_BOX_ID && key === 'message') return top.message ?? '';
    return top.values[key];
  }

  /** A field of a specific open dialog (not only the topmost). */
  fieldOf(dialogId: string, key: string): FieldValue | undefined {
    const dialogs = this.read().dialogs;
    for (let i = dialogs.length - 1; i >= 0; i--) {
      const d = dialogs[i]!;
      if (d.id === dialogId) return key === '#page' ? d.page : key === 'message' ? d.message : d.values[key];
    }
    return undefined;
  }

  isOpen(controlId: string): boolean {
    const popups = this.read().popups;
    for (let i = 0; i < popups.length; i++) if (popups[i] === controlId) return true;
    return false;
  }

  get backstagePage(): string | null {
    return this.read().backstage;
  }

  get focus(): string {
    const ui = this.read();
    const top = ui.dialogs[ui.dialogs.length - 1];
    return top ? (top.focus ?? '') : ui.focus;
  }

  get scroll(): number {
    return this.read().scroll;
  }

  get canUndo(): boolean {
    return this.history().canUndo;
  }

  get canRedo(): boolean {
    return this.history().canRedo;
  }
}
