/**
 * The declarative UI of an Office app: a title bar, a ribbon (tabs → groups → controls), a File backstage, a
 * document area, side panes, a status bar and dialogs. Apps write these with the builders below; the kernel
 * compiles them once into a control tree with fixed rectangles (compile.ts) and evaluates the dynamic parts
 * (`Dyn` values: functions of the document state and the UI state) when it builds an observation.
 *
 * Control names are what Windows Office shows through UI Automation, so they are the app's to choose.
 */
import type { ControlType, Rect } from './controls.ts';
import type { CommandRef } from './app.ts';

/** A value fixed at declaration time or computed from the document state and the UI state. */
export type Dyn<S, T> = T | ((state: S, ui: UiView) => T);

/** A field value in an open dialog. */
export type FieldValue = string | boolean | number;

/** Read-only UI state for `Dyn` functions and command handlers. */
export interface UiView {
  /** Id of the active ribbon tab. */
  readonly activeTab: string;
  /** Id of the topmost open dialog, or null. */
  readonly dialog: string | null;
  /** Value of a field of the topmost dialog (`#page` is its current tab page). */
  field(key: string): FieldValue | undefined;
  /** Value of a field of an open dialog by id, even when a message box covers it. */
  fieldOf(dialogId: string, key: string): FieldValue | undefined;
  /** Whether a popup (menu, drop-down list, gallery) owned by this control id is open. */
  isOpen(controlId: string): boolean;
  /** The open backstage page, or null when the backstage is closed. */
  readonly backstagePage: string | null;
  /** Id of the control with keyboard focus (`document` when the document has it). */
  readonly focus: string;
  /** Document scroll position, in lines from the top. */
  readonly scroll: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** Ribbon layout hint: `large` (icon above label, full height), `small` (icon + label), `icon` (24×24). */
export type ControlSize = 'large' | 'small' | 'icon';

interface DeclBase<S> {
  /** The UIA name (control_text). */
  name: Dyn<S, string>;
  /** Stable id, unique among siblings; defaults to the static name. Needed when the name is dynamic. */
  id?: string;
  automationId?: string;
  /** When false the control (and its subtree) is not shown at all. */
  visible?: (state: S, ui: UiView) => boolean;
  enabled?: Dyn<S, boolean>;
  size?: ControlSize;
  /** Width in pixels, overriding the size hint. */
  width?: number;
  /** Explicit rectangle (dynamic document children); otherwise the layout assigns one. */
  rect?: Rect;
  /**
   * Name of the `UiDecl.contextMenus` entry a right-click on this control opens (a cell, a sheet tab, a slide
   * thumbnail). Without it a right-click on the control does nothing.
   */
  contextMenu?: string;
  /**
   * What a right-click runs before its menu opens, as Office does: a cell outside the selection becomes the
   * selection, a sheet tab becomes the active sheet, a thumbnail the current slide. The menu's items then act on it.
   */
  rightCommand?: CommandRef;
}

/** A push button: runs a command, opens a dialog, or both are absent (does nothing, like a disabled stub). */
export interface ButtonDecl<S> extends DeclBase<S> {
  kind: 'button';
  type?: ControlType;
  command?: CommandRef;
  dialog?: string;
  /** A toggle button's state (Bold, Italic...): reported as `selected`. */
  toggled?: Dyn<S, boolean>;
  /** Opens the backstage at this page instead. */
  backstage?: string;
  /** A tab to activate (e.g. a "Table Design" link). */
  showTab?: string;
  /** What a double-click runs after its first click (Excel's sheet tab: rename), instead of clicking twice. */
  doubleCommand?: CommandRef;
}

/** A menu of items; opens under its owner. Items may be computed (recent files, styles). */
export interface MenuDecl<S> {
  name?: string;
  type?: ControlType;
  items: Dyn<S, readonly MenuEntryDecl<S>[]>;
  width?: number;
}

export interface MenuItemDecl<S> extends DeclBase<S> {
  kind: 'menuItem';
  type?: ControlType;
  command?: CommandRef;
  dialog?: string;
  checked?: Dyn<S, boolean>;
  submenu?: MenuDecl<S>;
}

/**
 * A right-click menu that controls name through `contextMenu`. It opens with its top left at `at` (screen
 * pixels): the menus are compiled once, so it has one place, near the controls that open it.
 */
export interface ContextMenuDecl<S> extends MenuDecl<S> {
  at: readonly [number, number];
}

export type MenuEntryDecl<S> = MenuItemDecl<S> | ButtonDecl<S> | ListItemDecl<S>;

export interface ListItemDecl<S> extends DeclBase<S> {
  kind: 'listItem';
  type?: ControlType;
  command?: CommandRef;
  selected?: Dyn<S, boolean>;
}

/** A split button: the main part runs `command`, the arrow part opens `menu` (SplitButton with two Buttons). */
export interface SplitButtonDecl<S> extends DeclBase<S> {
  kind: 'splitButton';
  command: CommandRef;
  menu: MenuDecl<S>;
  /** Name of the arrow part; defaults to the split button's own name, as Office names both parts. */
  arrowName?: string;
  toggled?: Dyn<S, boolean>;
}

/** A button whose only job is to open a menu (Change Case, Line Spacing...). */
export interface DropDownDecl<S> extends DeclBase<S> {
  kind: 'dropDown';
  type?: ControlType;
  menu: MenuDecl<S>;
}

/**
 * A combo box (Font, Font Size, Style): shows `value`, opens a list of `items`; choosing an item runs `command`
 * with `{value}`. An editable one also takes typed text (set_edit_text, or keys + Enter), checked by `validate`.
 */
export interface ComboBoxDecl<S> extends DeclBase<S> {
  kind: 'comboBox';
  value: Dyn<S, string>;
  items: Dyn<S, readonly string[]>;
  command: string;
  editable?: boolean;
  /**
   * A click in the edit part selects all its text, so typing replaces it (Excel's Name Box); otherwise the
   * caret goes to the end of the text.
   */
  selectAllOnClick?: boolean;
  /** Returns an error message for text that cannot be applied (Office shows it in a message box). */
  validate?: (text: string, state: S) => string | null;
}

/** A ribbon gallery (Styles): a row of items shown inline, and a More button that opens all of them. */
export interface GalleryDecl<S> extends DeclBase<S> {
  kind: 'gallery';
  items: Dyn<S, readonly string[]>;
  value?: Dyn<S, string | null>;
  command: string;
  /** How many items show in the ribbon row. */
  inline?: number;
  moreName?: string;
}

export interface CheckBoxDecl<S> extends DeclBase<S> {
  kind: 'checkBox';
  checked: Dyn<S, boolean>;
  command: CommandRef;
}

/** A ribbon or title-bar edit box (Search): set_edit_text then Enter runs `command` with `{value}`. */
export interface EditDecl<S> extends DeclBase<S> {
  kind: 'edit';
  value?: Dyn<S, string>;
  command?: string;
  /**
   * A text pane (PowerPoint's Notes) rather than a ribbon box: every edit runs `command` with `{value}` at once
   * (typed keys, Backspace, `set_edit_text`) and Enter starts a new line, instead of holding the text until Enter,
   * Tab or a click elsewhere. Give the command `undo: 'merge'` so a run of typing undoes as one step.
   */
  live?: boolean;
}

/** Static or computed text (status bar entries, labels). */
export interface TextDecl<S> extends DeclBase<S> {
  kind: 'text';
}

/**
 * A memo key for a subtree of the UI: the kernel reuses the subtree's entries from the session's previous view
 * (without calling any of its functions) while the key is the same (`Object.is`), everything the subtree read of
 * the UI through its `UiView` the last time would read the same (the kernel records those reads: open popups,
 * the active tab, focus, dialog fields, undo/redo…), and the subtree starts at the same place of the control list.
 * So the key must change whenever anything the subtree's functions read from the state would make it show
 * something else. Return a string or a number, or an object that is replaced, never mutated. Leave it out where
 * that is hard to say: the subtree is then evaluated on every view.
 */
export type MemoKey<S> = (state: S, ui: UiView) => unknown;

/**
 * Controls with explicit rectangles grouped under one memo key, listed as if they were the cluster's siblings
 * (the cluster is not a control itself: it adds nothing to the control list and its controls keep the ids they
 * would have without it). A spreadsheet grid clusters its cells by row, so a new selection re-evaluates only the
 * rows whose selected cells changed.
 */
export interface ClusterDecl<S> {
  kind: 'cluster';
  /** Unique among its siblings. */
  id: string;
  /** Its controls, or clusters of them (their key is checked only when this one's changed). */
  controls: readonly (ControlDecl<S> | ClusterDecl<S>)[];
  memo: MemoKey<S>;
}

export type ControlDecl<S> =
  | ButtonDecl<S>
  | SplitButtonDecl<S>
  | DropDownDecl<S>
  | ComboBoxDecl<S>
  | GalleryDecl<S>
  | CheckBoxDecl<S>
  | EditDecl<S>
  | TextDecl<S>
  | MenuItemDecl<S>
  | ListItemDecl<S>;

export interface GroupDecl<S> {
  name: string;
  id?: string;
  controls: readonly ControlDecl<S>[];
  /** The group's dialog box launcher (the small arrow at the bottom right), e.g. `{name: 'Font', dialog: 'font'}`. */
  launcher?: { name: string; dialog?: string; command?: CommandRef };
  visible?: (state: S, ui: UiView) => boolean;
  /** Reuse the group's controls from the previous view while this key holds (see `MemoKey`). */
  memo?: MemoKey<S>;
}

export interface TabDecl<S> {
  name: string;
  id?: string;
  groups: readonly GroupDecl<S>[];
  /** A contextual tab (Table Design, Picture Format) shows only while `when` holds. */
  contextual?: { when: (state: S, ui: UiView) => boolean };
}

/** One page of the File backstage: content controls, or an action that runs at once (Save, Close). */
export interface BackstagePageDecl<S> {
  name: string;
  id?: string;
  content?: readonly ControlDecl<S>[];
  command?: CommandRef;
  dialog?: string;
}

export interface BackstageDecl<S> {
  /** The File tab's name ("File Tab" in Office 365). */
  name?: string;
  pages: readonly BackstagePageDecl<S>[];
  /** The page the backstage opens on; defaults to the first page with content. */
  initialPage?: string;
  /** Control type of the navigation entries (ListItem in Office 365). */
  navType?: ControlType;
}

export interface RibbonDecl<S> {
  tabs: readonly TabDecl<S>[];
  fileTab?: BackstageDecl<S>;
  /** The tab active when a document opens (defaults to the first tab). */
  initialTab?: string;
}

/** The document area: one control standing for the app's canvas. */
export interface DocumentDecl<S> {
  name: Dyn<S, string>;
  type?: ControlType;
  /** What `texts()` returns for the document (pywinauto returns a list of strings). */
  texts(state: S): readonly string[];
  /** Command for set_edit_text on the document; receives `{text, clear}`. Absent: set_edit_text does not apply. */
  setTextCommand?: string;
  /** Command for clicks inside the document; receives `{button, double, x, y}` (pixels from its top left). */
  clickCommand?: string;
  /** Right-click menu. */
  contextMenu?: MenuDecl<S>;
  /** Number of lines the document can scroll (vertical scroll bar range). */
  scrollLines?(state: S): number;
  /**
   * Controls inside the document (cells, shapes, comments), with explicit rects; computed per observation. The
   * kernel compiles a returned array once per array object, so return the same array while it would be the same.
   */
  children?(state: S, ui: UiView): readonly (ControlDecl<S> | ClusterDecl<S>)[];
  /** Show the vertical scroll bar (default true). */
  scrollBar?: boolean;
}

/** A side pane (Navigation, Comments, slide thumbnails), left or right of the document. */
export interface PaneDecl<S> {
  name: string;
  id?: string;
  side: 'left' | 'right';
  width?: number;
  visible?: (state: S, ui: UiView) => boolean;
  controls: Dyn<S, readonly ControlDecl<S>[]>;
}

export interface FieldBase<S> {
  /** The key of the value in the dialog's values (and in the command's args). */
  key: string;
  /** The label Windows shows next to the field; also the field control's UIA name. */
  label: string;
  enabled?: (state: S, ui: UiView) => boolean;
  visible?: (state: S, ui: UiView) => boolean;
}

export interface EditFieldDecl<S> extends FieldBase<S> {
  kind: 'field.edit';
  /** Error message for a bad value, or null; checked on OK. */
  validate?: (value: string, state: S) => string | null;
}

export interface ComboFieldDecl<S> extends FieldBase<S> {
  kind: 'field.combo';
  items: Dyn<S, readonly string[]>;
  editable?: boolean;
  validate?: (value: string, state: S) => string | null;
}

export interface CheckFieldDecl<S> extends FieldBase<S> {
  kind: 'field.check';
}

export interface RadioFieldDecl<S> extends FieldBase<S> {
  kind: 'field.radio';
  options: readonly { value: string; label: string }[];
}

export interface SpinnerFieldDecl<S> extends FieldBase<S> {
  kind: 'field.spinner';
  min: number;
  max: number;
  step?: number;
  /** Unit shown after the number ("pt", "\""); typed values may omit it. */
  unit?: string;
  /** Office's message for out-of-range values; defaults to "The entry must be between {min} and {max}." */
  rangeMessage?: string;
}

export interface ListFieldDecl<S> extends FieldBase<S> {
  kind: 'field.list';
  items: Dyn<S, readonly string[]>;
  /** Double-clicking an item presses OK (Symbol, Insert Hyperlink...). */
  doubleClickOk?: boolean;
  height?: number;
}

export interface TextFieldDecl<S> {
  kind: 'field.text';
  key?: string;
  label: Dyn<S, string>;
  visible?: (state: S, ui: UiView) => boolean;
}

/** An extra dialog button ("Set As Default", "Apply"): runs `command` with the field values, then maybe closes. */
export interface ButtonFieldDecl<S> {
  kind: 'field.button';
  label: string;
  command: string;
  closes?: boolean;
  visible?: (state: S, ui: UiView) => boolean;
}

export type FieldDecl<S> =
  | EditFieldDecl<S>
  | ComboFieldDecl<S>
  | CheckFieldDecl<S>
  | RadioFieldDecl<S>
  | SpinnerFieldDecl<S>
  | ListFieldDecl<S>
  | TextFieldDecl<S>
  | ButtonFieldDecl<S>;

/**
 * A modal dialog. On open, `init(state)` gives the field values; OK validates them (fields' own checks, then
 * `validate`), shows the first error in a message box, or closes the dialog and runs `command` with the values
 * as args. Cancel, Escape and the Close button discard the values; Enter presses the default button.
 */
export interface DialogDecl<S> {
  title: string;
  fields?: readonly FieldDecl<S>[];
  /** Tabbed dialogs (Font: Font / Advanced; Paragraph: Indents and Spacing / Line and Page Breaks). */
  pages?: readonly { name: string; fields: readonly FieldDecl<S>[] }[];
  init?: (state: S) => Record<string, FieldValue>;
  validate?: (
    values: Readonly<Record<string, FieldValue>>,
    state: S,
  ) => { field: string; message: string } | null;
  /** The command OK runs with the values; absent for dialogs that only show something. */
  command?: string;
  okLabel?: string;
  /** Null for dialogs with a single (OK/Close) button. */
  cancelLabel?: string | null;
  width?: number;
}

export interface TitleBarDecl<S> {
  quickAccess?: readonly ControlDecl<S>[];
  search?: EditDecl<S>;
  /** Extra controls at the right of the title bar (account, Share, Comments...). */
  right?: readonly ControlDecl<S>[];
}

export interface UiDecl<S> {
  /** The main window's name: "Document1 - Word". */
  windowTitle: Dyn<S, string>;
  /** Message boxes' title: "Microsoft Word". */
  messageBoxTitle: string;
  titleBar?: TitleBarDecl<S>;
  ribbon?: RibbonDecl<S>;
  document: DocumentDecl<S>;
  panes?: readonly PaneDecl<S>[];
  statusBar?: { name?: string; items: readonly ControlDecl<S>[] };
  dialogs?: Readonly<Record<string, DialogDecl<S>>>;
  /** Right-click menus of controls other than the document (whose own menu is `document.contextMenu`). */
  contextMenus?: Readonly<Record<string, ContextMenuDecl<S>>>;
}

// ---------------------------------------------------------------------------------------------------------------
// Builders: plain functions that tag a declaration with its kind, so app files read as declarations.

type WithoutKind<T> = Omit<T, 'kind'>;

export const button = <S>(d: WithoutKind<ButtonDecl<S>>): ButtonDecl<S> => ({ kind: 'button', ...d });
/** A toggle button (Bold): a Button whose `selected` is its toggle state. */
export const toggle = <S>(d: WithoutKind<ButtonDecl<S>> & { toggled: Dyn<S, boolean> }): ButtonDecl<S> => ({
  kind: 'button',
  ...d,
});
export const splitButton = <S>(d: WithoutKind<SplitButtonDecl<S>>): SplitButtonDecl<S> => ({
  kind: 'splitButton',
  ...d,
});
export const dropDown = <S>(d: WithoutKind<DropDownDecl<S>>): DropDownDecl<S> => ({ kind: 'dropDown', ...d });
export const menuItem = <S>(d: WithoutKind<MenuItemDecl<S>>): MenuItemDecl<S> => ({ kind: 'menuItem', ...d });
export const listItem = <S>(d: WithoutKind<ListItemDecl<S>>): ListItemDecl<S> => ({ kind: 'listItem', ...d });
export const comboBox = <S>(d: WithoutKind<ComboBoxDecl<S>>): ComboBoxDecl<S> => ({ kind: 'comboBox', ...d });
export const gallery = <S>(d: WithoutKind<GalleryDecl<S>>): GalleryDecl<S> => ({ kind: 'gallery', ...d });
export const checkBox = <S>(d: WithoutKind<CheckBoxDecl<S>>): CheckBoxDecl<S> => ({ kind: 'checkBox', ...d });
export const editBox = <S>(d: WithoutKind<EditDecl<S>>): EditDecl<S> => ({ kind: 'edit', ...d });
export const text = <S>(d: WithoutKind<TextDecl<S>>): TextDecl<S> => ({ kind: 'text', ...d });
export const cluster = <S>(d: WithoutKind<ClusterDecl<S>>): ClusterDecl<S> => ({ kind: 'cluster', ...d });
export const menu = <S>(d: MenuDecl<S>): MenuDecl<S> => d;
export const group = <S>(
  name: string,
  controls: readonly ControlDecl<S>[],
  extra: Partial<GroupDecl<S>> = {},
) => ({ name, controls, ...extra }) as GroupDecl<S>;
export const tab = <S>(name: string, groups: readonly GroupDecl<S>[], extra: Partial<TabDecl<S>> = {}) =>
  ({ name, groups, ...extra }) as TabDecl<S>;

/** Dialog field builders. */
export const field = {
  edit: <S>(d: WithoutKind<EditFieldDecl<S>>): EditFieldDecl<S> => ({ kind: 'field.edit', ...d }),
  combo: <S>(d: WithoutKind<ComboFieldDecl<S>>): ComboFieldDecl<S> => ({ kind: 'field.combo', ...d }),
  check: <S>(d: WithoutKind<CheckFieldDecl<S>>): CheckFieldDecl<S> => ({ kind: 'field.check', ...d }),
  radio: <S>(d: WithoutKind<RadioFieldDecl<S>>): RadioFieldDecl<S> => ({ kind: 'field.radio', ...d }),
  spinner: <S>(d: WithoutKind<SpinnerFieldDecl<S>>): SpinnerFieldDecl<S> => ({ kind: 'field.spinner', ...d }),
  list: <S>(d: WithoutKind<ListFieldDecl<S>>): ListFieldDecl<S> => ({ kind: 'field.list', ...d }),
  text: <S>(d: WithoutKind<TextFieldDecl<S>>): TextFieldDecl<S> => ({ kind: 'field.text', ...d }),
  button: <S>(d: WithoutKind<ButtonFieldDecl<S>>): ButtonFieldDecl<S> => ({ kind: 'field.button', ...d }),
};

/** Evaluates a `Dyn` value. */
export function dyn<S, T>(value: Dyn<S, T>, state: S, ui: UiView): T {
  return typeof value === 'function' ? (value as (s: S, u: UiView) => T)(state, ui) : value;
}
