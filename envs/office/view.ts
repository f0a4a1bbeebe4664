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

type Eval<S, T> = ((state: S, ui: UiView) => T) | null;

/**
 * What the view needs of one node, resolved once: static names split from computed ones and the command's
 * `enabled` looked up. One class keeps every plan the same shape, so the walk below reads its fields from
 * monomorphic objects instead of the many shapes compiled nodes have.
 */
class NodePlan<S> {
  readonly node: UiNode<S>;
  readonly id: string;
  readonly type: ControlType;
  readonly rect: Rect;
  readonly visible: Eval<S, boolean>;
  readonly transparent: boolean;
  readonly listed: boolean;
  readonly expandable: boolean;
  readonly staticName: string;
  readonly name: Eval<S, string>;
  /** The node's own `enabled` when it is a constant (true when undeclared). */
  readonly staticEnabled: boolean;
  readonly enabled: Eval<S, boolean>;
  /** 0: no command check, 1: undo, 2: redo, 3: the command's `enabled`. */
  readonly commandCheck: 0 | 1 | 2 | 3;
  readonly commandEnabled: Eval<S, boolean>;
  readonly selected: Eval<S, boolean | null>;
  readonly dynamic: Eval<S, readonly UiNode<S>[]>;
  readonly children: readonly NodePlan<S>[];

  constructor(node: UiNode<S>, commands: Readonly<Record<string, CommandDecl<S>>>, plans: PlanCache<S>) {
    this.node = node;
    this.id = node.id;
    this.type = node.type;
    this.rect = node.rect;
    this.visible = node.visible;
    this.transparent = node.transparent;
    this.listed = node.listed;
    this.expandable = node.expandable;
    const name = node.name;
    this.staticName = typeof name === 'string' ? name : '';
    this.name = typeof name === 'string' ? null : name;
    const own = node.enabled;
    this.staticEnabled = typeof own === 'function' ? true : own !== false;
    this.enabled = typeof own === 'function' ? own : null;
    let check: 0 | 1 | 2 | 3 = 0;
    let commandEnabled: Eval<S, boolean> = null;
    const ref: CommandRef | undefined = node.command;
    if (ref !== undefined) {
      const id = typeof ref === 'string' ? ref : ref.command;
      if (id === 'undo') check = 1;
      else if (id === 'redo') check = 2;
      else {
        const decl = commands[id];
        if (decl?.enabled !== undefined) {
          check = 3;
          commandEnabled = decl.enabled;
        }
      }
    }
    this.commandCheck = check;
    this.commandEnabled = commandEnabled;
    this.selected = node.selected;
    this.dynamic = node.dynamic;
    this.children = node.children.map((child) => planOf(child, commands, plans));
  }
}

type PlanCache<S> = WeakMap<UiNode<S>, NodePlan<S>>;

/** Plans per command table (an app's), then per node; compiled nodes are shared by every env of the app. */
const planCaches = new WeakMap<object, PlanCache<unknown>>();

function planOf<S>(
  node: UiNode<S>,
  commands: Readonly<Record<string, CommandDecl<S>>>,
  plans: PlanCache<S>,
): NodePlan<S> {
  const hit = plans.get(node);
  if (hit !== undefined) return hit;
  const plan = new NodePlan(node, commands, plans);
  plans.set(node, plan);
  return plan;
}

function plansFor<S>(commands: Readonly<Record<string, CommandDecl<S>>>): PlanCache<S> {
  let plans = planCaches.get(commands) as PlanCache<S> | undefined;
  if (plans === undefined) {
    plans = new WeakMap();
    planCaches.set(commands, plans as PlanCache<unknown>);
  }
  return plans;
}

/** One build's inputs and outputs, passed down the walk instead of closed over. */
class Walk<S> {
  readonly state: S;
  readonly uiView: UiView;
  readonly commands: Readonly<Record<string, CommandDecl<S>>>;
  readonly plans: PlanCache<S>;
  readonly cache: ObservedCache;
  readonly entries: ViewEntry<S>[] = [];
  readonly listed: ViewEntry<S>[] = [];
  readonly byId = new Map<string, ViewEntry<S>>();
  readonly controls: ObservedControl[] = [];

  constructor(source: ViewSource<S>, cache: ObservedCache) {
    this.state = source.state;
    this.uiView = source.uiView;
    this.commands = source.commands;
    this.plans = plansFor(source.commands);
    this.cache = cache;
  }
}

function visit<S>(walk: Walk<S>, plan: NodePlan<S>, parentIndex: number, parentEnabled: boolean): void {
  const state = walk.state;
  const uiView = walk.uiView;
  if (plan.visible !== null && !plan.visible(state, uiView)) return;
  let index = parentIndex;
  let enabled = parentEnabled;
  if (!plan.transparent) {
    const text = plan.name === null ? plan.staticName : plan.name(state, uiView);
    // Evaluated in this order (own, then the command's) and short-circuited as before: the functions are the app's.
    if (enabled) enabled = plan.enabled === null ? plan.staticEnabled : plan.enabled(state, uiView);
    if (enabled) {
      const check = plan.commandCheck;
      if (check === 1) enabled = uiView.canUndo;
      else if (check === 2) enabled = uiView.canRedo;
      else if (check === 3) enabled = plan.commandEnabled!(state, uiView);
    }
    const selected = plan.selected === null ? null : plan.selected(state, uiView);
    const expanded = plan.expandable ? uiView.isOpen(plan.id) : null;
    const listed = walk.listed;
    const label = plan.listed ? String(listed.length + 1) : '';
    const entry: ViewEntry<S> = {
      node: plan.node,
      label,
      text,
      type: plan.type,
      enabled,
      selected,
      expanded,
      rect: plan.rect,
      parent: parentIndex,
    };
    index = walk.entries.length;
    walk.entries.push(entry);
    walk.byId.set(plan.id, entry);
    if (label !== '') {
      listed.push(entry);
      walk.controls.push(observed(walk.cache, entry));
    }
  }
  const children = plan.children;
  for (let i = 0; i < children.length; i++) visit(walk, children[i]!, index, enabled);
  if (plan.dynamic !== null) {
    const extra = plan.dynamic(state, uiView);
    for (let i = 0; i < extra.length; i++)
      visit(walk, planOf(extra[i]!, walk.commands, walk.plans), index, enabled);
  }
}

export function buildView<S>(source: ViewSource<S>, cache: ObservedCache): View<S> {
  const { compiled, state, ui, uiView } = source;
  const walk = new Walk(source, cache);
  const entries = walk.entries;

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
  walk.byId.set(root.id, entries[rootIndex]!);
  for (let i = ui.dialogs.length - 1; i >= 0; i--) {
    const instance = ui.dialogs[i]!;
    const dialogNode = instance.id === '#message' ? compiled.messageBox : compiled.dialogs.get(instance.id);
    if (dialogNode) visit(walk, planOf(dialogNode, walk.commands, walk.plans), rootIndex, true);
  }
  const main = compiled.mainChildren;
  for (let i = 0; i < main.length; i++)
    visit(walk, planOf(main[i]!, walk.commands, walk.plans), rootIndex, true);

  const top = ui.dialogs[ui.dialogs.length - 1];
  return {
    entries,
    listed: walk.listed,
    byId: walk.byId,
    controls: walk.controls,
    activeScope: top ? top.id : MAIN_SCOPE,
  };
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
