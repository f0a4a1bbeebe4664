/**
 * The keyboard model: where each keystroke goes. The topmost dialog takes every key (Tab / Shift+Tab move
 * focus, Enter presses the focused or default button, Escape cancels, Space toggles, arrows move within radio
 * groups and lists, Ctrl+Tab switches pages); an open menu takes arrows, Enter and Escape; a focused edit box
 * takes text and editing keys; then application shortcuts (Ctrl+B, Ctrl+Z…); and whatever is left reaches the
 * document through the app's key bindings, consecutive characters as one `type` command.
 */
import type { KeyStroke } from './keys.ts';
import { chordOf } from './keys.ts';
import { DOCUMENT_ID, MAIN_SCOPE, MESSAGE_BOX_ID, type UiNode } from './compile.ts';
import type { CommandRef, OutcomeInfo } from './app.ts';
import type { Session } from './session.ts';
import { formatSpinnerValue, parseSpinnerValue } from './session.ts';
import { clickAt, openContextMenu, pressDialogButton } from './widgets.ts';
import type { ViewEntry } from './view.ts';

/** Sends keystrokes; stops at the first error (the step is then rolled back as a whole). */
export function sendStrokes<S>(session: Session<S>, strokes: readonly KeyStroke[]): OutcomeInfo {
  let typed = '';
  let result: unknown;
  const flush = (): OutcomeInfo => {
    if (typed === '') return {};
    const text = typed;
    typed = '';
    const command = session.app.keys?.type;
    return command === undefined ? {} : session.exec(command, { text });
  };
  for (const stroke of strokes) {
    // Plain characters for the document are batched into one typing command.
    if (isTextStroke(stroke) && routesToDocument(session)) {
      typed += stroke.char;
      continue;
    }
    const flushed = flush();
    if (flushed.error !== undefined) return flushed;
    const out = routeStroke(session, stroke);
    if (out.error !== undefined) return out;
    // The last key's result (a search count, a message box) is what the agent gets back.
    if (out.result !== undefined) result = out.result;
  }
  const flushed = flush();
  if (flushed.error !== undefined || flushed.result !== undefined || result === undefined) return flushed;
  return { ...flushed, result };
}

function isTextStroke(stroke: KeyStroke): stroke is KeyStroke & { char: string } {
  return stroke.char !== null && !stroke.ctrl && !stroke.alt && !stroke.win;
}

function routesToDocument<S>(session: Session<S>): boolean {
  const ui = session.ui;
  return (
    ui.dialogs.length === 0 && ui.popups.length === 0 && ui.backstage === null && ui.focus === DOCUMENT_ID
  );
}

function routeStroke<S>(session: Session<S>, stroke: KeyStroke): OutcomeInfo {
  if (stroke.key === 'ALT') return {}; // KeyTips are not simulated: a lone Alt tap changes nothing.
  if (session.ui.dialogs.length > 0) return dialogKey(session, stroke);
  if (session.ui.popups.length > 0) {
    const handled = popupKey(session, stroke);
    if (handled !== null) return handled;
  }
  if (session.ui.backstage !== null) return backstageKey(session, stroke);
  const focus = session.ui.focus;
  const entry = focus === DOCUMENT_ID ? undefined : session.view().byId.get(focus);
  if (entry !== undefined && isTextControl(entry.node)) {
    const handled = ribbonEditKey(session, entry, stroke);
    if (handled !== null) return handled;
  }
  if (opensContextMenu(stroke)) {
    // Windows' keyboard route to a right-click menu: for the document it acts on the selection as it is.
    if (entry !== undefined) return openContextMenu(session, entry.node);
    const owner = session.compiled.contextMenuOwner;
    if (owner !== null) {
      session.closePopups();
      session.openPopup(owner.id, null);
    }
    return {};
  }
  const shortcut = session.shortcut(chordOf(stroke));
  if (shortcut !== null) return shortcut;
  if (entry === undefined) return documentKey(session, stroke);
  return ribbonControlKey(session, entry, stroke);
}

function documentKey<S>(session: Session<S>, stroke: KeyStroke): OutcomeInfo {
  const keys = session.app.keys;
  if (isTextStroke(stroke)) {
    return keys?.type === undefined ? {} : session.exec(keys.type, { text: stroke.char });
  }
  const ref = keys?.map?.(session.state, stroke, session.uiView) ?? null;
  return ref === null ? {} : session.exec(ref);
}

const plain = (s: KeyStroke) => !s.ctrl && !s.alt && !s.shift && !s.win;

/** Shift+F10 and the Menu key ({VK_APPS}) open the focused control's right-click menu. */
function opensContextMenu(s: KeyStroke): boolean {
  if (s.ctrl || s.alt || s.win) return false;
  return (s.key === 'F10' && s.shift) || (s.key === 'APPS' && !s.shift);
}

/** A ribbon control holding keyboard focus (after Tab or keyboard_input on it). */
function ribbonControlKey<S>(session: Session<S>, entry: ViewEntry<S>, stroke: KeyStroke): OutcomeInfo {
  if ((stroke.key === 'ENTER' || stroke.key === 'SPACE') && plain(stroke)) {
    return clickAt(session, session.view(), entry, { button: 'left', double: false });
  }
  if (stroke.key === 'TAB' || stroke.key === 'LEFT' || stroke.key === 'RIGHT') {
    const back = stroke.key === 'LEFT' || (stroke.key === 'TAB' && stroke.shift);
    moveFocus(session, back);
    return {};
  }
  if (stroke.key === 'ESC') {
    session.focusDocument();
    return {};
  }
  if (stroke.key === 'DOWN' && stroke.alt && entry.node.expandable) {
    session.openPopup(entry.node.id, null);
    return {};
  }
  return {};
}

function isTextControl<S>(node: UiNode<S>): boolean {
  const r = node.role;
  return (
    r === 'edit' ||
    r === 'comboEdit' ||
    (r === 'comboBox' && node.focusable) ||
    r === 'fieldEdit' ||
    r === 'fieldSpinnerEdit' ||
    r === 'fieldComboEdit' ||
    (r === 'fieldCombo' && node.field?.kind === 'field.combo' && node.field.editable === true)
  );
}

/** Typing into a ribbon combo box or edit box: the text stays pending until Enter, Tab or leaving the box. */
function ribbonEditKey<S>(session: Session<S>, entry: ViewEntry<S>, stroke: KeyStroke): OutcomeInfo | null {
  const node = entry.node;
  if (node.live === true && node.command !== undefined)
    return liveEditKey(session, node, node.command, stroke);
  const owner = node.role === 'comboEdit' ? node.parent! : node;
  if (stroke.key === 'ENTER' && plain(stroke)) {
    const out = session.commitPendingText();
    if (session.ui.dialogs.length === 0) session.focusDocument();
    return out;
  }
  if (stroke.key === 'ESC') {
    if (session.ui.pendingText !== null) {
      session.ui.pendingText = null;
      session.touchUi();
    }
    session.focusDocument();
    return {};
  }
  if (stroke.key === 'TAB') {
    const out = session.commitPendingText();
    if (out.error !== undefined) return out;
    moveFocus(session, stroke.shift);
    return {};
  }
  const edited = editText(session, node.id, session.editText(owner.id), stroke);
  if (edited === null) return null;
  session.ui.pendingText = { node: owner.id, text: edited };
  session.touchUi();
  return {};
}

/** A key in a text pane (`EditDecl.live`): edits apply at once, Enter is a new line, Escape leaves the pane. */
function liveEditKey<S>(
  session: Session<S>,
  node: UiNode<S>,
  command: CommandRef,
  stroke: KeyStroke,
): OutcomeInfo | null {
  if (stroke.key === 'ESC') {
    session.focusDocument();
    return {};
  }
  if (stroke.key === 'TAB' && !stroke.ctrl && !stroke.alt) {
    moveFocus(session, stroke.shift);
    return {};
  }
  const current = session.editText(node.id);
  const newLine = stroke.key === 'ENTER' && !stroke.ctrl && !stroke.alt && !stroke.win;
  const edited = newLine
    ? editText(session, node.id, current, { ...stroke, char: '\n', shift: false })
    : editText(session, node.id, current, stroke);
  if (edited === null) return null;
  return edited === current ? {} : session.exec(command, { value: edited });
}

/**
 * Applies an editing key to `text` with the caret of `nodeId`; returns the new text, or null when the key is
 * not an editing key. Typing replaces all-selected text (Tab into a field selects it, as Windows does).
 */
function editText<S>(session: Session<S>, nodeId: string, text: string, stroke: KeyStroke): string | null {
  let caret = session.ui.caret;
  if (caret === null || caret.node !== nodeId) {
    caret = { node: nodeId, at: text.length, selectAll: false };
    session.ui.caret = caret;
  }
  const at = Math.min(caret.at, text.length);
  const setCaret = (pos: number, all = false) => {
    session.ui.caret = { node: nodeId, at: pos, selectAll: all };
    session.touchUi();
  };
  if (isTextStroke(stroke)) {
    if (caret.selectAll) {
      setCaret(stroke.char.length);
      return stroke.char;
    }
    setCaret(at + stroke.char.length);
    return text.slice(0, at) + stroke.char + text.slice(at);
  }
  if (stroke.ctrl && stroke.key === 'A' && !stroke.alt) {
    setCaret(text.length, true);
    return text;
  }
  if (stroke.ctrl || stroke.alt || stroke.win) return null;
  switch (stroke.key) {
    case 'BACKSPACE':
      if (caret.selectAll) {
        setCaret(0);
        return '';
      }
      if (at === 0) return text;
      setCaret(at - 1);
      return text.slice(0, at - 1) + text.slice(at);
    case 'DELETE':
      if (caret.selectAll) {
        setCaret(0);
        return '';
      }
      return text.slice(0, at) + text.slice(at + 1);
    case 'HOME':
      setCaret(0);
      return text;
    case 'END':
      setCaret(text.length);
      return text;
    case 'LEFT':
      setCaret(caret.selectAll ? 0 : Math.max(0, at - 1));
      return text;
    case 'RIGHT':
      setCaret(caret.selectAll ? text.length : Math.min(text.length, at + 1));
      return text;
    default:
      return null;
  }
}

/** Moves keyboard focus to the next (or previous) Tab stop of the active scope, wrapping around. */
export function moveFocus<S>(session: Session<S>, back: boolean): void {
  const stops = session.tabStops();
  if (stops.length === 0) return;
  const current = stops.indexOf(session.focusId);
  const next =
    current < 0 ? (back ? stops.length - 1 : 0) : (current + (back ? -1 : 1) + stops.length) % stops.length;
  session.focusField(stops[next]!);
}

function dialogKey<S>(session: Session<S>, stroke: KeyStroke): OutcomeInfo {
  const top = session.topDialog!;
  const view = session.view();
  const focused = top.focus === null ? undefined : view.byId.get(top.focus);
  const node = focused?.node;
  if (top.id === MESSAGE_BOX_ID) {
    if (stroke.key === 'ENTER' || stroke.key === 'ESC' || stroke.key === 'SPACE') session.closeDialog();
    return {};
  }
  // An open drop-down list inside the dialog takes Escape, Enter and arrows first.
  const openCombo = session.ui.popups[session.ui.popups.length - 1];
  if (openCombo !== undefined) {
    if (stroke.key === 'ESC' || stroke.key === 'ENTER') {
      session.closePopups();
      return {};
    }
  }
  if (stroke.key === 'ESC' || (stroke.key === 'F4' && stroke.alt)) {
    session.closeDialog();
    return {};
  }
  if (stroke.key === 'TAB' && stroke.ctrl) {
    const decl = session.app.ui.dialogs?.[top.id];
    const pages = decl?.pages?.length ?? 0;
    if (pages > 1) session.setPage((top.page + (stroke.shift ? pages - 1 : 1)) % pages);
    return {};
  }
  if (stroke.key === 'TAB' && !stroke.alt) {
    session.closePopups();
    moveFocus(session, stroke.shift);
    return {};
  }
  if (stroke.key === 'ENTER' && !stroke.ctrl && !stroke.alt) {
    if (node?.role === 'dialogButton') return pressDialogButton(session, node);
    return session.pressOk();
  }
  if (node === undefined) return {};
  if (stroke.key === 'SPACE' && plain(stroke)) {
    if (node.role === 'dialogButton') return pressDialogButton(session, node);
    if (node.role === 'fieldCheck') {
      session.setField(node.fieldKey!, session.uiView.fieldOf(node.scope, node.fieldKey!) !== true);
      return {};
    }
    if (node.role === 'fieldRadio') {
      session.setField(node.fieldKey!, node.value!);
      return {};
    }
  }
  const arrow =
    stroke.key === 'UP' || stroke.key === 'DOWN' || stroke.key === 'LEFT' || stroke.key === 'RIGHT';
  if (arrow && !stroke.ctrl) {
    const forward = stroke.key === 'DOWN' || stroke.key === 'RIGHT';
    if (node.role === 'fieldRadio' && node.field?.kind === 'field.radio') {
      const options = node.field.options;
      const i = options.findIndex((o) => o.value === node.value);
      const next = options[(i + (forward ? 1 : -1) + options.length) % options.length]!;
      session.setField(node.fieldKey!, next.value);
      session.setFocus(`${node.parent!.id}/${next.value.replace(/[/\s]+/g, '_')}`);
      return {};
    }
    if (
      (node.role === 'fieldCombo' || node.role === 'fieldList') &&
      (stroke.key === 'UP' || stroke.key === 'DOWN')
    ) {
      if (node.role === 'fieldCombo' && stroke.alt) {
        session.openPopup(node.id, null);
        return {};
      }
      const items = itemsOf(session, node);
      if (items.length === 0) return {};
      const value = session.uiView.fieldOf(node.scope, node.fieldKey!);
      const i = items.indexOf(String(value));
      const next = i < 0 ? 0 : Math.max(0, Math.min(items.length - 1, i + (forward ? 1 : -1)));
      session.setField(node.fieldKey!, items[next]!);
      return {};
    }
    if (
      node.role === 'fieldSpinnerEdit' &&
      node.field?.kind === 'field.spinner' &&
      (stroke.key === 'UP' || stroke.key === 'DOWN')
    ) {
      const f = node.field;
      const current =
        parseSpinnerValue(f, String(session.uiView.fieldOf(node.scope, node.fieldKey!) ?? '')) ?? f.min;
      // Up raises a spin box's value (in lists and combo boxes Down moves forward).
      const next = Math.max(f.min, Math.min(f.max, current + (stroke.key === 'UP' ? 1 : -1) * (f.step ?? 1)));
      session.setField(node.fieldKey!, formatSpinnerValue(f, next));
      return {};
    }
  }
  if (isTextControl(node)) {
    const current = session.uiView.fieldOf(node.scope, node.fieldKey!);
    const edited = editText(session, node.id, current === undefined ? '' : String(current), stroke);
    if (edited !== null) session.setField(node.fieldKey!, edited);
  }
  return {};
}

function itemsOf<S>(session: Session<S>, node: UiNode<S>): string[] {
  const f = node.field;
  if (f === undefined || (f.kind !== 'field.combo' && f.kind !== 'field.list')) return [];
  const items = f.items;
  return [...(typeof items === 'function' ? items(session.state, session.uiView) : items)];
}

/** Keys while a menu or drop-down is open; null when the key closes the menus and goes on. */
function popupKey<S>(session: Session<S>, stroke: KeyStroke): OutcomeInfo | null {
  const popups = session.ui.popups;
  const ownerId = popups[popups.length - 1]!;
  const view = session.view();
  const items = view.listed.filter((e) => {
    if (e.node.id === ownerId || !e.enabled) return false;
    for (let n = e.node.parent; n !== null; n = n.parent) {
      if (n.id === ownerId) return true;
      if (popups.includes(n.id) && n.id !== ownerId) return false;
    }
    return false;
  });
  const highlighted = items.findIndex((e) => e.node.id === session.ui.highlight);
  switch (stroke.key) {
    case 'ESC':
      session.closePopup(ownerId);
      return {};
    case 'DOWN':
    case 'UP': {
      if (items.length === 0) return {};
      const step = stroke.key === 'DOWN' ? 1 : -1;
      const next =
        highlighted < 0
          ? step > 0
            ? 0
            : items.length - 1
          : (highlighted + step + items.length) % items.length;
      session.ui.highlight = items[next]!.node.id;
      session.touchUi();
      return {};
    }
    case 'RIGHT': {
      const item = items[highlighted];
      if (item?.node.submenuOwner) session.openPopup(item.node.id, ownerId);
      return {};
    }
    case 'LEFT':
      if (popups.length > 1) session.closePopup(ownerId);
      return {};
    case 'ENTER':
    case 'SPACE': {
      const item = items[highlighted];
      if (item === undefined) {
        session.closePopup(ownerId);
        return {};
      }
      return clickAt(session, view, item, { button: 'left', double: false });
    }
    default:
      session.closePopups();
      return null;
  }
}

function backstageKey<S>(session: Session<S>, stroke: KeyStroke): OutcomeInfo {
  if (stroke.key === 'ESC') {
    session.closeBackstage();
    return {};
  }
  if (stroke.key === 'UP' || stroke.key === 'DOWN') {
    const pages = session.compiled.backstagePages.filter((p) => p.hasContent);
    const i = pages.findIndex((p) => p.id === session.ui.backstage);
    const next = pages[Math.max(0, Math.min(pages.length - 1, i + (stroke.key === 'DOWN' ? 1 : -1)))];
    if (next) session.openBackstage(next.id);
  }
  return {};
}

export { MAIN_SCOPE };
