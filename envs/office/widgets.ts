/**
 * How controls react to the mouse and to UIA text patterns: what a click does per control role (open a menu,
 * toggle a check box, run a command, press OK...), what `set_edit_text` and `texts()` do, and scrolling.
 * Every function returns an outcome (`error` for an action that cannot apply); none throws.
 */
import { rectCenter } from './controls.ts';
import { DOCUMENT_ID, MAIN_SCOPE, MESSAGE_BOX_ID, type UiNode } from './compile.ts';
import type { OutcomeInfo } from './app.ts';
import { dyn } from './ui.ts';
import type { Session } from './session.ts';
import { formatSpinnerValue, parseSpinnerValue } from './session.ts';
import { clickReceiver, type View, type ViewEntry } from './view.ts';

export interface WidgetOutcome {
  error?: string;
  result?: unknown;
  warning?: string;
}

export interface ClickOptions {
  button: 'left' | 'right' | 'middle' | 'x';
  double: boolean;
  pressed?: string | null;
}

/** `Bold` (Button, label 12) — how errors name a control. */
export function describe<S>(entry: ViewEntry<S>): string {
  const label = entry.label === '' ? '' : `, label ${entry.label}`;
  return `'${entry.text}' (${entry.type}${label})`;
}

/** The modal dialog that blocks input to `entry`, if any. */
export function blockedBy<S>(session: Session<S>, view: View<S>, entry: ViewEntry<S>): string | null {
  if (entry.node.scope === view.activeScope) return null;
  const top = session.topDialog;
  if (top === null) return null;
  const title =
    top.id === MESSAGE_BOX_ID
      ? session.compiled.decl.messageBoxTitle
      : (session.app.ui.dialogs?.[top.id]?.title ?? top.id);
  return `the modal dialog '${title}' is open: finish it with its buttons (or Escape) before using ${describe(entry)}`;
}

/** Whether the node is an open popup's owner or inside an open popup. */
function insideOpenPopup<S>(session: Session<S>, node: UiNode<S>): boolean {
  const popups = session.ui.popups;
  if (popups.length === 0) return false;
  for (let n: UiNode<S> | null = node; n !== null; n = n.parent) {
    if (popups.includes(n.id)) return true;
  }
  return false;
}

/** The innermost open popup that contains `node` (for submenus), or null. */
function popupChainOf<S>(session: Session<S>, node: UiNode<S>): string | null {
  const popups = session.ui.popups;
  for (let n: UiNode<S> | null = node.parent; n !== null; n = n.parent) {
    if (popups.includes(n.id)) return n.id;
  }
  return null;
}

function togglePopup<S>(session: Session<S>, node: UiNode<S>): void {
  if (session.uiView.isOpen(node.id)) session.closePopup(node.id);
  else session.openPopup(node.id, popupChainOf(session, node));
}

const TWICE_ON_DOUBLE = new Set([
  'button',
  'checkBox',
  'menuOwner',
  'comboBox',
  'fieldCheck',
  'spinButton',
  'fieldCombo',
]);

/** click_input on a control: the mouse goes to its centre, so whatever covers that point gets the click. */
export function click<S>(session: Session<S>, target: ViewEntry<S>, options: ClickOptions): WidgetOutcome {
  const view = session.view();
  const entry = clickReceiver(view, target);
  const warning =
    entry === target
      ? undefined
      : `${describe(target)} is covered by ${describe(entry)}, which received the click`;
  const outcome = clickAt(session, view, entry, options);
  return warning === undefined ? outcome : { ...outcome, warning: outcome.warning ?? warning };
}

/** A click that reached `entry` (after hit testing). */
export function clickAt<S>(
  session: Session<S>,
  view: View<S>,
  entry: ViewEntry<S>,
  options: ClickOptions,
): WidgetOutcome {
  const blocked = blockedBy(session, view, entry);
  if (blocked !== null) return { error: `click had no effect: ${blocked}` };
  const node = entry.node;
  // A click outside the open menus closes them (and still reaches its target).
  if (session.ui.popups.length > 0 && !insideOpenPopup(session, node)) session.closePopups();
  if (!entry.enabled) return { error: `${describe(entry)} is disabled` };
  if (options.button === 'middle' || options.button === 'x') return {};
  if (options.button === 'right') return rightClick(session, entry, options);
  // Leaving a ribbon box with typed text commits it, and ribbon clicks hand focus back to the document.
  const pending = session.ui.pendingText;
  if (pending !== null && node.id !== pending.node && node.parent?.id !== pending.node) {
    const committed = session.commitPendingText();
    if (committed.error !== undefined) return committed;
  }
  if (node.scope === MAIN_SCOPE && !node.focusable && session.ui.focus !== DOCUMENT_ID)
    session.focusDocument();
  if (options.double && node.doubleCommand !== undefined) {
    const first = leftClick(session, entry, { ...options, double: false });
    if (first.error !== undefined) return first;
    return session.exec(node.doubleCommand);
  }
  const times = options.double && TWICE_ON_DOUBLE.has(node.role) ? 2 : 1;
  let outcome: WidgetOutcome = {};
  for (let i = 0; i < times; i++) {
    outcome = leftClick(session, entry, options);
    if (outcome.error !== undefined) return outcome;
  }
  return outcome;
}

function rightClick<S>(session: Session<S>, entry: ViewEntry<S>, options: ClickOptions): WidgetOutcome {
  const node = entry.node;
  if (node.role !== 'document') return openContextMenu(session, node);
  session.closePopups();
  session.focusDocument();
  const clickCommand = session.app.ui.document.clickCommand;
  if (clickCommand !== undefined) {
    const out = session.exec(clickCommand, documentClickArgs(entry, options));
    if (out.error !== undefined) return out;
  }
  const owner = session.compiled.contextMenuOwner;
  if (owner !== null) session.openPopup(owner.id, null);
  return {};
}

/** A right-click on a control that declares a context menu (or Shift+F10 on it): its `rightCommand`, then the menu. */
export function openContextMenu<S>(session: Session<S>, node: UiNode<S>): WidgetOutcome {
  if (node.contextMenu === undefined) return {};
  session.closePopups();
  if (node.rightCommand !== undefined) {
    const out = session.exec(node.rightCommand);
    if (out.error !== undefined) return out;
  }
  session.openPopup(node.contextMenu, null);
  return {};
}

function documentClickArgs<S>(entry: ViewEntry<S>, options: ClickOptions, point?: [number, number]) {
  const [cx, cy] = point ?? rectCenter(entry.rect);
  return {
    button: options.button,
    double: options.double,
    x: cx - entry.rect.left,
    y: cy - entry.rect.top,
    pressed: options.pressed ?? null,
  };
}

/** Runs a button-like control's binding: a dialog, the backstage, a tab, or a command. */
export function activate<S>(session: Session<S>, node: UiNode<S>): OutcomeInfo {
  session.closePopups();
  if (node.dialog !== undefined) {
    const out = session.openDialog(node.dialog);
    if (out.error !== undefined) return out;
  }
  if (node.backstage !== undefined) session.openBackstage(node.backstage);
  if (node.showTab !== undefined) {
    const tab = session.compiled.tabs.find((t) => t.name === node.showTab || t.id === node.showTab);
    if (tab) session.showTab(tab.id);
  }
  if (node.command !== undefined) return session.exec(node.command);
  return {};
}

function fieldValue<S>(session: Session<S>, node: UiNode<S>): string {
  const v = session.uiView.fieldOf(node.scope, node.fieldKey!);
  return v === undefined ? '' : String(v);
}

function leftClick<S>(
  session: Session<S>,
  entry: ViewEntry<S>,
  options: ClickOptions,
  point?: [number, number],
): WidgetOutcome {
  const node = entry.node;
  switch (node.role) {
    case 'tab':
      session.showTab(node.tabId!);
      return {};
    case 'fileTab':
      session.openBackstage();
      return {};
    case 'button':
      return activate(session, node);
    case 'menuOwner':
      togglePopup(session, node);
      return {};
    case 'menuItem':
      if (node.submenuOwner) {
        session.openPopup(node.id, popupChainOf(session, node));
        return {};
      }
      return activate(session, node);
    case 'listItem':
      return activate(session, node);
    case 'comboBox': {
      togglePopup(session, node);
      if (node.focusable) session.setFocus(node.id, 'all', session.editText(node.id));
      return {};
    }
    case 'comboEdit':
    case 'edit':
      session.setFocus(
        node.id,
        node.combo?.selectAllOnClick === true ? 'all' : 'end',
        session.editText(node.id),
      );
      return {};
    case 'comboItem': {
      session.closePopups();
      if (session.ui.pendingText !== null) {
        session.ui.pendingText = null;
        session.touchUi();
      }
      session.focusDocument();
      return session.exec(node.combo!.command, { value: node.value! });
    }
    case 'galleryItem':
      session.closePopups();
      return session.exec(node.gallery!.command, { value: node.value! });
    case 'checkBox':
      return session.exec(node.command!);
    case 'document': {
      session.closePopups();
      session.focusDocument();
      const clickCommand = session.app.ui.document.clickCommand;
      if (clickCommand !== undefined)
        return session.exec(clickCommand, documentClickArgs(entry, options, point));
      return {};
    }
    case 'scrollButton':
      session.scrollBy(node.delta ?? 0);
      return {};
    case 'backstageNav': {
      const page = session.compiled.backstagePages.find((p) => p.id === node.page);
      if (page?.hasContent) {
        session.openBackstage(page.id);
        return {};
      }
      if (node.dialog !== undefined) return session.openDialog(node.dialog);
      if (node.command !== undefined) {
        session.closeBackstage();
        return session.exec(node.command);
      }
      return {};
    }
    case 'backstageBack':
      session.closeBackstage();
      return {};
    case 'windowButton':
      return { result: `${String(node.value)}: the simulated window stays as it is` };
    case 'dialogButton':
      return pressDialogButton(session, node);
    case 'dialogTab':
      session.setPage(node.page as number);
      return {};
    case 'fieldEdit':
    case 'fieldSpinnerEdit':
    case 'fieldComboEdit':
      session.setFocus(node.id, 'end', fieldValue(session, node));
      return {};
    case 'fieldCheck':
      session.setField(node.fieldKey!, session.uiView.fieldOf(node.scope, node.fieldKey!) !== true);
      session.setFocus(node.id);
      return {};
    case 'fieldRadio':
      session.setField(node.fieldKey!, node.value!);
      session.setFocus(node.id);
      return {};
    case 'fieldCombo':
      togglePopup(session, node);
      session.setFocus(node.id, 'all', fieldValue(session, node));
      return {};
    case 'fieldComboItem': {
      session.setField(node.fieldKey!, node.value!);
      const combo = node.parent!.parent!;
      session.closePopup(combo.id);
      session.setFocus(combo.id, 'all', node.value!);
      return {};
    }
    case 'fieldList':
      session.setFocus(node.id);
      return {};
    case 'fieldListItem': {
      session.setField(node.fieldKey!, node.value!);
      session.setFocus(node.parent!.id);
      if (options.double && node.field?.kind === 'field.list' && node.field.doubleClickOk)
        return session.pressOk();
      return {};
    }
    case 'spinButton': {
      const spinner = node.field?.kind === 'field.spinner' ? node.field : null;
      if (spinner === null) return {};
      const current = parseSpinnerValue(spinner, fieldValue(session, node)) ?? spinner.min;
      const next = Math.max(spinner.min, Math.min(spinner.max, current + (node.delta ?? 0)));
      session.setField(node.fieldKey!, formatSpinnerValue(spinner, next));
      return {};
    }
    case 'messageOk':
      session.closeDialog();
      return {};
    default:
      return {};
  }
}

/** OK / Cancel / Close / an extra dialog button. */
export function pressDialogButton<S>(session: Session<S>, node: UiNode<S>): OutcomeInfo {
  switch (node.dialogButton) {
    case 'ok':
      return session.pressOk();
    case 'cancel':
    case 'close':
      session.closeDialog();
      return {};
    case 'extra': {
      const values = { ...(session.topDialog?.values ?? {}) };
      const out = session.exec(node.command!, values);
      if (out.error !== undefined) return out;
      if (node.closes) session.closeDialog();
      return out;
    }
    default:
      return {};
  }
}

/** click_on_coordinates: a click at a screen point, reaching whatever is on top there. */
export function clickPoint<S>(
  session: Session<S>,
  x: number,
  y: number,
  options: ClickOptions,
  hit: ViewEntry<S>,
): WidgetOutcome {
  const view = session.view();
  if (hit.node.role === 'document' && options.button === 'left') {
    const blocked = blockedBy(session, view, hit);
    if (blocked !== null) return { error: `click had no effect: ${blocked}` };
    if (session.ui.popups.length > 0) session.closePopups();
    session.focusDocument();
    const clickCommand = session.app.ui.document.clickCommand;
    if (clickCommand !== undefined)
      return session.exec(clickCommand, documentClickArgs(hit, options, [x, y]));
    return {};
  }
  return clickAt(session, view, hit, options);
}

const EDIT_ROLES = new Set(['fieldEdit', 'fieldSpinnerEdit', 'fieldComboEdit']);

/** set_edit_text: replaces the text (UFO v1: pywinauto set_edit_text); `clear_current_text: false` appends. */
export function setText<S>(
  session: Session<S>,
  entry: ViewEntry<S>,
  text: string,
  clear: boolean | undefined,
): WidgetOutcome {
  const view = session.view();
  const blocked = blockedBy(session, view, entry);
  if (blocked !== null) return { error: `set_edit_text had no effect: ${blocked}` };
  if (!entry.enabled) return { error: `${describe(entry)} is disabled` };
  const node = entry.node;
  if (session.ui.popups.length > 0 && !insideOpenPopup(session, node)) session.closePopups();
  const editable =
    node.field?.kind === 'field.combo' ? node.field.editable === true : node.combo?.editable === true;
  if (EDIT_ROLES.has(node.role) || (node.role === 'fieldCombo' && editable)) {
    const current = fieldValue(session, node);
    const next = clear === false ? current + text : text;
    session.setField(node.fieldKey!, next);
    session.setFocus(node.id, 'end', next);
    return {};
  }
  if ((node.role === 'comboBox' || node.role === 'comboEdit') && editable) {
    const combo = node.combo!;
    const current = dyn(combo.value, session.state, session.uiView);
    session.closePopups();
    session.ui.pendingText = null;
    session.ui.focus = DOCUMENT_ID;
    session.ui.caret = null;
    session.touchUi();
    return session.applyComboText(combo, clear === false ? current + text : text);
  }
  if (node.role === 'edit') {
    const current = session.editText(node.id);
    const next = clear === false ? current + text : text;
    if (node.live === true && node.command !== undefined) {
      session.setFocus(node.id, 'end', next);
      return next === current ? {} : session.exec(node.command, { value: next });
    }
    session.ui.pendingText = { node: node.id, text: next };
    session.setFocus(node.id, 'end', next);
    return {};
  }
  if (node.role === 'document') {
    const command = session.app.ui.document.setTextCommand;
    if (command === undefined) return { error: notApplicable('set_edit_text', entry, 'Edit controls') };
    session.closePopups();
    session.focusDocument();
    return session.exec(command, { text, clear: clear === true });
  }
  if (node.role === 'comboBox' || node.role === 'fieldCombo') {
    return {
      error: `set_edit_text does not apply to ${describe(entry)}: the combo box is not editable; click it and choose one of its items`,
    };
  }
  return { error: notApplicable('set_edit_text', entry, 'Edit controls (and editable ComboBoxes)') };
}

export function notApplicable<S>(fn: string, entry: ViewEntry<S>, what: string): string {
  return `${fn} does not apply to ${describe(entry)}: it applies to ${what}`;
}

/** texts(): pywinauto returns the control's texts as a list of strings. */
export function texts<S>(session: Session<S>, entry: ViewEntry<S>): string[] {
  const node = entry.node;
  if (node.role === 'document') return [...session.app.ui.document.texts(session.state)];
  if (
    node.fieldKey !== undefined &&
    node.scope !== MAIN_SCOPE &&
    node.role !== 'fieldRadio' &&
    node.role !== 'fieldCheck'
  ) {
    if (node.role === 'fieldListItem' || node.role === 'fieldComboItem') return [entry.text];
    return [fieldValue(session, node)];
  }
  if (node.role === 'comboBox' || node.role === 'comboEdit' || node.role === 'edit')
    return [session.editText(node.id)];
  return [entry.text];
}

/** wheel_mouse_input: scrolls the document (3 lines a notch; positive = up); elsewhere it has no effect. */
export function wheel<S>(session: Session<S>, entry: ViewEntry<S> | null, dist: number): WidgetOutcome {
  const view = session.view();
  if (entry !== null) {
    const blocked = blockedBy(session, view, entry);
    if (blocked !== null) return { error: `wheel_mouse_input had no effect: ${blocked}` };
  }
  const role = entry?.node.role;
  const scrollsDocument =
    entry === null
      ? view.activeScope === MAIN_SCOPE && session.ui.backstage === null
      : role === 'document' ||
        role === 'scrollBar' ||
        role === 'scrollButton' ||
        entry.node.id.startsWith(`${DOCUMENT_ID}/vscroll`);
  if (scrollsDocument) session.scrollBy(-dist * 3);
  return {};
}
