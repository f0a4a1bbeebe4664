/**
 * What is on screen right now: the visible controls in UIA tree order (open dialogs first, then the main
 * window), their evaluated names and states, UFO's numeric labels for the CONTROL_LIST ones, the observation's
 * control list, hit testing for clicks at a point, and UFO's control-state tree.
 *
 * A view is rebuilt only when the document or the UI state changed since the last one (session.ts keeps the
 * versions); observation entries are reused across views while a control's label, name and state are the same.
 */
import {
  rectContains,
  rectCenter,
  type ControlStateNode,
  type ControlType,
  type ObservedControl,
  type Rect,
} from './controls.ts';
import type { CompiledUi, UiNode } from './compile.ts';
import { MAIN_SCOPE } from './compile.ts';
import type { CommandRef, CommandDecl } from './app.ts';
import type { UiView } from './ui.ts';
import type { UiState } from './ui-state.ts';

export interface ViewEntry<S = unknown> {
  readonly node: UiNode<S>;
  /** UFO's annotation label ("1", "2", …) for CONTROL_LIST controls; "" for the others. */
  readonly label: string;
  readonly text: string;
  readonly type: ControlType;
  readonly enabled: boolean;
  readonly selected: boolean | null;
  readonly expanded: boolean | null;
  readonly rect: Rect;
  /** Index of the parent entry in `entries`, or -1. */
  readonly parent: number;
}

export interface View<S = unknown> {
  /** Every visible control, pre-order. */
  readonly entries: readonly ViewEntry<S>[];
  /** The labelled ones: `listed[i].label === String(i + 1)`. */
  readonly listed: readonly ViewEntry<S>[];
  readonly byId: ReadonlyMap<string, ViewEntry<S>>;
  /** The observation's control list. */
  readonly controls: readonly ObservedControl[];
  /** The scope that takes input: the topmost dialog's id, or `main`. */
  readonly activeScope: string;
}

export interface ViewSource<S> {
  readonly compiled: CompiledUi<S>;
  readonly state: S;
  readonly ui: UiState;
  readonly uiView: UiView;
  readonly commands: Readonly<Record<string, CommandDecl<S>>>;
}

/** Per-session cache of observation entries, so unchanged controls keep the same object across steps. */
export type ObservedCache = Map<string, ObservedControl>;

export function buildView<S>(source: ViewSource<S>, cache: ObservedCache): View<S> {
  const { compiled, state, ui, uiView, commands } = source;
  const entries: ViewEntry<S>[] = [];
  const listed: ViewEntry<S>[] = [];
  const byId = new Map<string, ViewEntry<S>>();
  const controls: ObservedControl[] = [];

  const commandEnabled = (ref: CommandRef | undefined): boolean => {
    if (ref === undefined) return true;
    const id = typeof ref === 'string' ? ref : ref.command;
    if (id === 'undo') return uiView.canUndo;
    if (id === 'redo') return uiView.canRedo;
    const decl = commands[id];
    return decl?.enabled === undefined || decl.enabled(state, uiView);
  };

  const visit = (node: UiNode<S>, parentIndex: number, parentEnabled: boolean): void => {
    if (node.visible !== null && !node.visible(state, uiView)) return;
    let index = parentIndex;
    let enabled = parentEnabled;
    if (!node.transparent) {
      const name = node.name;
      const text = typeof name === 'string' ? name : name(state, uiView);
      const own = node.enabled;
      enabled =
        parentEnabled &&
        (own === null || (typeof own === 'boolean' ? own : own(state, uiView))) &&
        commandEnabled(node.command);
      const selected = node.selected === null ? null : node.selected(state, uiView);
      const expanded = node.expandable ? uiView.isOpen(node.id) : null;
      let label = '';
      if (node.listed) {
        label = String(listed.length + 1);
      }
      const entry: ViewEntry<S> = {
        node,
        label,
        text,
        type: node.type,
        enabled,
        selected,
        expanded,
        rect: node.rect,
        parent: parentIndex,
      };
      index = entries.length;
      entries.push(entry);
      byId.set(node.id, entry);
      if (label !== '') {
        listed.push(entry);
        controls.push(observed(cache, entry));
      }
    }
    const children = node.children;
    for (let i = 0; i < children.length; i++) visit(children[i]!, index, enabled);
    if (node.dynamic !== null) {
      const extra = node.dynamic(state, uiView);
      for (let i = 0; i < extra.length; i++) visit(extra[i]!, index, enabled);
    }
  };

  // Open dialogs are owned windows: UIA lists them before the main window's content, topmost first.
  const rootIndex = entries.length;
  const root = compiled.root;
  entries.push({
    node: root,
    label: '',
    text: typeof root.name === 'string' ? root.name : root.name(state, uiView),
    type: root.type,
    enabled: true,
    selected: null,
    expanded: null,
    rect: root.rect,
    parent: -1,
  });
  byId.set(root.id, entries[rootIndex]!);
  for (let i = ui.dialogs.length - 1; i >= 0; i--) {
    const instance = ui.dialogs[i]!;
    const dialogNode = instance.id === '#message' ? compiled.messageBox : compiled.dialogs.get(instance.id);
    if (dialogNode) visit(dialogNode, rootIndex, true);
  }
  const main = compiled.mainChildren;
  for (let i = 0; i < main.length; i++) visit(main[i]!, rootIndex, true);

  const top = ui.dialogs[ui.dialogs.length - 1];
  return { entries, listed, byId, controls, activeScope: top ? top.id : MAIN_SCOPE };
}

function observed<S>(cache: ObservedCache, entry: ViewEntry<S>): ObservedControl {
  const key = entry.node.id;
  const hit = cache.get(key);
  if (
    hit !== undefined &&
    hit.label === entry.label &&
    hit.control_text === entry.text &&
    hit.selected === entry.selected &&
    hit.rect === entry.rect &&
    hit.control_type === entry.type
  ) {
    return hit;
  }
  const fresh: ObservedControl = Object.freeze({
    label: entry.label,
    control_text: entry.text,
    control_type: entry.type,
    selected: entry.selected,
    rect: entry.rect,
  });
  cache.set(key, fresh);
  return fresh;
}

/**
 * The control a mouse click at (x, y) reaches: among visible controls containing the point, the one on the
 * highest layer (dialogs over popups over panes over the window), and among those the last in tree order
 * (the innermost).
 */
export function hitTest<S>(view: View<S>, x: number, y: number): ViewEntry<S> | null {
  let best: ViewEntry<S> | null = null;
  let bestLayer = -1;
  const entries = view.entries;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (!rectContains(entry.rect, x, y)) continue;
    const layer = entry.node.layer;
    if (layer >= bestLayer) {
      best = entry;
      bestLayer = layer;
    }
  }
  return best;
}

/** The control that actually receives a click aimed at the centre of `entry` (another one may cover it). */
export function clickReceiver<S>(view: View<S>, entry: ViewEntry<S>): ViewEntry<S> {
  const [x, y] = rectCenter(entry.rect);
  const hit = hitTest(view, x, y);
  if (hit === null || hit === entry) return entry;
  // A covering control on a lower or equal layer that is an ancestor does not steal the click.
  if (hit.node.layer <= entry.node.layer) return entry;
  return hit;
}

/** Whether `entry` is `ancestor` or inside it. */
export function isWithin<S>(view: View<S>, entry: ViewEntry<S>, ancestor: ViewEntry<S>): boolean {
  let current: ViewEntry<S> | undefined = entry;
  while (current !== undefined) {
    if (current === ancestor) return true;
    current = current.parent >= 0 ? view.entries[current.parent] : undefined;
  }
  return false;
}

/**
 * UFO's control-state JSON (paper Appendix B.2) for the whole visible tree: every node with its label (empty for
 * containers), text, type, selection state and children.
 */
export function controlStateTree<S>(view: View<S>): ControlStateNode {
  const nodes: ControlStateNode[] = view.entries.map((e) => ({
    control_label: e.label,
    control_text: e.text,
    control_type: e.type,
    selected: e.selected,
    children: [],
  }));
  for (let i = 0; i < view.entries.length; i++) {
    const parent = view.entries[i]!.parent;
    if (parent >= 0) nodes[parent]!.children.push(nodes[i]!);
  }
  return nodes[0]!;
}
