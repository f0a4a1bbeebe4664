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

const READ_ACTIVE_TAB = 0;
const READ_DIALOG = 1;
const READ_FIELD = 2;
const READ_FIELD_OF = 3;
const READ_IS_OPEN = 4;
const READ_BACKSTAGE = 5;
const READ_FOCUS = 6;
const READ_SCROLL = 7;
const READ_CAN_UNDO = 8;
const READ_CAN_REDO = 9;

/** The read-only `UiView` handed to `Dyn` functions; reads the live state through a getter. */
export class LiveUiView implements UiView {
  private readonly read: () => UiState;
  private readonly history: () => { canUndo: boolean; canRedo: boolean };
  /**
   * While set, every read is appended as (kind, argument, value): the view records what a memo'd subtree read of
   * the UI, and reuses the subtree only while `holds` says each read would give the same value.
   */
  recorder: unknown[] | null = null;

  constructor(read: () => UiState, history: () => { canUndo: boolean; canRedo: boolean }) {
    this.read = read;
    this.history = history;
  }

  get activeTab(): string {
    return this.note(READ_ACTIVE_TAB, null, this.value(READ_ACTIVE_TAB, null)) as string;
  }

  get dialog(): string | null {
    return this.note(READ_DIALOG, null, this.value(READ_DIALOG, null)) as string | null;
  }

  field(key: string): FieldValue | undefined {
    return this.note(READ_FIELD, key, this.value(READ_FIELD, key)) as FieldValue | undefined;
  }

  /** A field of a specific open dialog (not only the topmost). */
  fieldOf(dialogId: string, key: string): FieldValue | undefined {
    const arg = [dialogId, key] as const;
    return this.note(READ_FIELD_OF, arg, this.value(READ_FIELD_OF, arg)) as FieldValue | undefined;
  }

  isOpen(controlId: string): boolean {
    return this.note(READ_IS_OPEN, controlId, this.value(READ_IS_OPEN, controlId)) as boolean;
  }

  get backstagePage(): string | null {
    return this.note(READ_BACKSTAGE, null, this.value(READ_BACKSTAGE, null)) as string | null;
  }

  get focus(): string {
    return this.note(READ_FOCUS, null, this.value(READ_FOCUS, null)) as string;
  }

  get scroll(): number {
    return this.note(READ_SCROLL, null, this.value(READ_SCROLL, null)) as number;
  }

  get canUndo(): boolean {
    return this.note(READ_CAN_UNDO, null, this.value(READ_CAN_UNDO, null)) as boolean;
  }

  get canRedo(): boolean {
    return this.note(READ_CAN_REDO, null, this.value(READ_CAN_REDO, null)) as boolean;
  }

  /** Whether every recorded read would give the value it gave then (`Object.is`). */
  holds(reads: readonly unknown[]): boolean {
    for (let i = 0; i < reads.length; i += 3) {
      if (!Object.is(this.value(reads[i] as number, reads[i + 1]), reads[i + 2])) return false;
    }
    return true;
  }

  private note(kind: number, arg: unknown, value: unknown): unknown {
    const recorder = this.recorder;
    if (recorder !== null) recorder.push(kind, arg, value);
    return value;
  }

  private value(kind: number, arg: unknown): unknown {
    const ui = this.read();
    switch (kind) {
      case READ_ACTIVE_TAB:
        return ui.activeTab;
      case READ_DIALOG: {
        const dialogs = ui.dialogs;
        return dialogs.length === 0 ? null : dialogs[dialogs.length - 1]!.id;
      }
      case READ_FIELD: {
        const dialogs = ui.dialogs;
        const top = dialogs[dialogs.length - 1];
        if (!top) return undefined;
        const key = arg as string;
        if (key === '#page') return top.page;
        if (top.id === MESSAGE_BOX_ID && key === 'message') return top.message ?? '';
        return top.values[key];
      }
      case READ_FIELD_OF: {
        const [dialogId, key] = arg as readonly [string, string];
        const dialogs = ui.dialogs;
        for (let i = dialogs.length - 1; i >= 0; i--) {
          const d = dialogs[i]!;
          if (d.id === dialogId)
            return key === '#page' ? d.page : key === 'message' ? d.message : d.values[key];
        }
        return undefined;
      }
      case READ_IS_OPEN: {
        const popups = ui.popups;
        for (let i = 0; i < popups.length; i++) if (popups[i] === arg) return true;
        return false;
      }
      case READ_BACKSTAGE:
        return ui.backstage;
      case READ_FOCUS: {
        const top = ui.dialogs[ui.dialogs.length - 1];
        return top ? (top.focus ?? '') : ui.focus;
      }
      case READ_SCROLL:
        return ui.scroll;
      case READ_CAN_UNDO:
        return this.history().canUndo;
      default:
        return this.history().canRedo;
    }
  }
}
