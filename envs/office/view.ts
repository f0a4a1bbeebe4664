/**
 * What is on screen right now: the visible controls in UIA tree order (open dialogs first, then the main
 * window), their evaluated names and states, UFO's numeric labels for the CONTROL_LIST ones, the observation's
 * control list, hit testing for clicks at a point, and UFO's control-state tree.
 *
 * A view is rebuilt only when the document or the UI state changed since the last one (session.ts keeps the
 * versions). A rebuild evaluates the visible nodes' functions (the app's, whose inputs the kernel cannot see),
 * except in memo'd subtrees whose key and UI reads hold: those reuse a kept evaluation, in place or relabelled
 * when they moved (`visitMemo`). It also reuses a node's entry and observation entry while they are the same,
 * UFO's label strings, the previous view's lists as the start of the new ones, and `byId` answers from the walk
 * itself instead of a map filled per view.
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
import type { MemoKey, UiView } from './ui.ts';
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
  /**
   * The entries above the main window's own layer (panes, popups, backstage, dialogs), in tree order: only these
   * can cover a control, so `clickReceiver` looks at them instead of every cell of a grid.
   */
  readonly raised: readonly ViewEntry<S>[];
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
  readonly layer: number;
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
  /** A computed node whose id a compiled node also has: views holding it answer `byId` from a full map. */
  readonly collides: boolean;
  /** A compiled node (found by id in the compiled UI): `byId` answers for it through `mark`. */
  readonly registered: boolean;
  /** The app's memo key, or `STATIC_KEY` for the top of a subtree that calls no app function (see `fixed`). */
  memo: MemoKey<S> | null;
  /**
   * Neither this node nor any below it has a function of the app (visibility, name, enabled, the command's
   * enabled, selection, computed children): what it shows depends only on the UI reads the kernel records (open
   * menus, undo and redo). The topmost such subtrees are memo'd under a constant key.
   */
  readonly fixed: boolean;
  /**
   * What the last evaluations of this memo'd subtree gave (most recent first, at most `MEMO_RECORDS`), for the
   * session whose cache `memoFor` is.
   */
  memoShelf: MemoShelf<S> | null = null;
  memoFor: ObservedCache | null = null;
  /** The walk that last gave this node an entry, and that entry's index (see `EntryIndex`). */
  mark = 0;
  markIndex = -1;
  /**
   * The entry the last walk of one session made for this node, that session's observation cache, and the entry's
   * observation. Plans are shared by the sessions of an app; another session's walk just makes fresh entries.
   */
  entry: ViewEntry<S> | null = null;
  entryFor: ObservedCache | null = null;
  observedEntry: ObservedControl | null = null;

  constructor(node: UiNode<S>, plans: PlanCache<S>) {
    const commands = plans.commands;
    this.node = node;
    this.id = node.id;
    const registered = plans.compiled.byId.get(node.id);
    this.collides = registered !== undefined && registered !== node;
    this.registered = registered === node;
    this.memo = node.memo;
    this.type = node.type;
    this.rect = node.rect;
    this.layer = node.layer;
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
    this.children = node.children.map((child) => planOf(child, plans));
    this.fixed =
      node.visible === null &&
      typeof name === 'string' &&
      typeof own !== 'function' &&
      check !== 3 &&
      node.selected === null &&
      node.dynamic === null &&
      node.memo === null &&
      this.children.every((child) => child.fixed);
    if (this.fixed) {
      // Only the topmost fixed subtree keeps the key: inner records would never be used.
      for (const child of this.children) if (child.memo === STATIC_KEY) child.memo = null;
      if (this.children.length > 0) this.memo = STATIC_KEY;
    }
  }
}

/** The memo key of subtrees that call no app function: they change only with the UI reads they recorded. */
const STATIC_KEY: MemoKey<unknown> = () => 0;

/**
 * One evaluation of a memo'd subtree: its key, what it read of the UI, where in the view it started, and the
 * slices of the view's lists it made. While all of these hold, the next view appends the slices instead of
 * evaluating.
 */
class MemoRecord<S> {
  constructor(
    readonly key: unknown,
    /** What the subtree read of the UI, as (kind, argument, value) triples (see `LiveUiView.recorder`). */
    readonly reads: readonly unknown[],
    readonly start: number,
    readonly listedStart: number,
    readonly raisedStart: number,
    readonly parentIndex: number,
    readonly parentEnabled: boolean,
    readonly entries: readonly ViewEntry<S>[],
    readonly listed: readonly ViewEntry<S>[],
    readonly controls: readonly ObservedControl[],
    readonly raised: readonly ViewEntry<S>[],
    /** The compiled nodes' plans among the entries and their indexes: renewed on reuse (see `EntryIndex`). */
    readonly marked: readonly NodePlan<S>[],
    readonly markedIndex: readonly number[],
    readonly collision: boolean,
    /** The last walk that placed these slices at `start` (see `Walk.baseStamp`); also when it was last used. */
    public placedIn: number,
  ) {}
}

/**
 * A memo'd subtree's kept evaluations (at most `MEMO_RECORDS`), found by where they start: the usual question is
 * whether the subtree can be reused where it is now, and a grid row has an evaluation for each of dozens of
 * places. When full, the one used longest ago goes.
 */
class MemoShelf<S> {
  readonly records: MemoRecord<S>[] = [];
  readonly byStart = new Map<number, MemoRecord<S>[]>();
  /** The evaluation the last view used or made. */
  latest: MemoRecord<S> | null = null;

  add(record: MemoRecord<S>): void {
    this.latest = record;
    if (this.records.length >= MEMO_RECORDS) this.evict();
    this.records.push(record);
    const here = this.byStart.get(record.start);
    if (here === undefined) this.byStart.set(record.start, [record]);
    else here.push(record);
  }

  private evict(): void {
    const records = this.records;
    let oldest = 0;
    for (let i = 1; i < records.length; i++) if (records[i]!.placedIn < records[oldest]!.placedIn) oldest = i;
    const gone = records[oldest]!;
    if (gone === this.latest) this.latest = null;
    records[oldest] = records[records.length - 1]!;
    records.pop();
    const here = this.byStart.get(gone.start)!;
    if (here.length === 1) this.byStart.delete(gone.start);
    else here.splice(here.indexOf(gone), 1);
  }
}

/** The plans of one compiled UI with one command table (an app's), by node and by computed child list. */
class PlanCache<S> {
  readonly compiled: CompiledUi<S>;
  readonly commands: Readonly<Record<string, CommandDecl<S>>>;
  readonly byNode = new WeakMap<UiNode<S>, NodePlan<S>>();
  /** Computed child lists are memoised by the app or the compiler, so their plans are kept per list object. */
  readonly byList = new WeakMap<readonly UiNode<S>[], readonly NodePlan<S>[]>();

  constructor(compiled: CompiledUi<S>, commands: Readonly<Record<string, CommandDecl<S>>>) {
    this.compiled = compiled;
    this.commands = commands;
  }
}

/** Plans per compiled UI and command table; compiled nodes are shared by every env of the app. */
const planCaches = new WeakMap<object, WeakMap<object, PlanCache<unknown>>>();

function planOf<S>(node: UiNode<S>, plans: PlanCache<S>): NodePlan<S> {
  const hit = plans.byNode.get(node);
  if (hit !== undefined) return hit;
  const plan = new NodePlan(node, plans);
  plans.byNode.set(node, plan);
  return plan;
}

function plansOfList<S>(list: readonly UiNode<S>[], plans: PlanCache<S>): readonly NodePlan<S>[] {
  const hit = plans.byList.get(list);
  if (hit !== undefined) return hit;
  const made = list.map((node) => planOf(node, plans));
  plans.byList.set(list, made);
  return made;
}

function plansFor<S>(
  compiled: CompiledUi<S>,
  commands: Readonly<Record<string, CommandDecl<S>>>,
): PlanCache<S> {
  let perCompiled = planCaches.get(compiled);
  if (perCompiled === undefined) {
    perCompiled = new WeakMap();
    planCaches.set(compiled, perCompiled);
  }
  let plans = perCompiled.get(commands) as PlanCache<S> | undefined;
  if (plans === undefined) {
    plans = new PlanCache(compiled, commands);
    perCompiled.set(commands, plans as PlanCache<unknown>);
  }
  return plans;
}

/** Numbers every walk; a plan's `mark` says which walk last listed it. Shared by all sessions in the thread. */
let walkCounter = 0;

/** UFO's labels "1", "2", … made once. */
const LABELS: string[] = [''];

function labelOf(n: number): string {
  while (LABELS.length <= n) LABELS.push(String(LABELS.length));
  return LABELS[n]!;
}

/**
 * `View.byId` without building a map on every view: while this view is the latest walk of the thread, a compiled
 * node's entry is found through its plan's mark (plans are marked with the walk that listed them). Other lookups
 * (computed nodes, older views, ids shared by a computed and a compiled node) use a map built on first need, which
 * answers exactly as a map filled in walk order would (a later entry with the same id wins).
 */
class EntryIndex<S> implements ReadonlyMap<string, ViewEntry<S>> {
  private readonly list: readonly ViewEntry<S>[];
  private readonly plans: PlanCache<S>;
  private readonly stamp: number;
  private readonly exact: boolean;
  private map: Map<string, ViewEntry<S>> | null = null;

  constructor(entries: readonly ViewEntry<S>[], plans: PlanCache<S>, stamp: number, exact: boolean) {
    this.list = entries;
    this.plans = plans;
    this.stamp = stamp;
    this.exact = exact;
  }

  get(id: string): ViewEntry<S> | undefined {
    if (this.map === null && this.exact && this.stamp === walkCounter) {
      const node = this.plans.compiled.byId.get(id);
      if (node !== undefined) {
        if (node === this.plans.compiled.root) return this.list[0];
        const plan = this.plans.byNode.get(node);
        return plan !== undefined && plan.mark === this.stamp ? this.list[plan.markIndex] : undefined;
      }
    }
    return this.full().get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    return this.full().size;
  }

  forEach(
    fn: (value: ViewEntry<S>, key: string, map: ReadonlyMap<string, ViewEntry<S>>) => void,
    thisArg?: unknown,
  ): void {
    this.full().forEach((value, key) => fn.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, ViewEntry<S>]> {
    return this.full().entries();
  }

  keys(): MapIterator<string> {
    return this.full().keys();
  }

  values(): MapIterator<ViewEntry<S>> {
    return this.full().values();
  }

  [Symbol.iterator](): MapIterator<[string, ViewEntry<S>]> {
    return this.full()[Symbol.iterator]();
  }

  private full(): Map<string, ViewEntry<S>> {
    if (this.map === null) {
      const map = new Map<string, ViewEntry<S>>();
      for (const entry of this.list) map.set(entry.node.id, entry);
      this.map = map;
    }
    return this.map;
  }
}

/** A session's last full view's lists and walk stamp: the next walk starts from copies of them. */
interface BaseLists<S> {
  readonly stamp: number;
  readonly entries: readonly ViewEntry<S>[];
  readonly listed: readonly ViewEntry<S>[];
  readonly controls: readonly ObservedControl[];
  readonly raised: readonly ViewEntry<S>[];
}

/** Per observation cache (one per session): the lists of its last full walk. */
const baseLists = new WeakMap<ObservedCache, BaseLists<unknown>>();

/**
 * One build's inputs and outputs, passed down the walk instead of closed over.
 *
 * The lists start as copies of the session's last full view's lists (one native copy each) and are written by
 * index, then cut to length. A memo'd subtree reused at the place where that view had it then costs nothing: its
 * slices are already there. Most steps change a few subtrees of a view that lists ~900 controls (a spreadsheet
 * grid), so this replaces thousands of element copies per step with four array copies.
 */
class Walk<S> {
  readonly state: S;
  readonly uiView: UiView;
  readonly plans: PlanCache<S>;
  readonly cache: ObservedCache;
  readonly stamp: number;
  /** The stamp of the walk whose lists these started from, or -1. */
  readonly baseStamp: number;
  readonly entries: ViewEntry<S>[];
  readonly listed: ViewEntry<S>[];
  readonly controls: ObservedControl[];
  readonly raised: ViewEntry<S>[];
  /** How much of each list this walk has written (`controls` grows with `listed`). */
  nEntries = 0;
  nListed = 0;
  nRaised = 0;
  /**
   * The compiled nodes' plans listed while a memo'd subtree is being evaluated, in order, and their entries'
   * indexes: its record keeps them, to mark them again when it is reused. Outside such an evaluation nothing
   * would read them (a spreadsheet grid reused whole marks ~800 plans per step), so none are kept.
   */
  readonly markedPlans: NodePlan<S>[] = [];
  readonly markedIndexes: number[] = [];
  /** A computed node with an entry shares its id with a compiled node (then `byId` cannot go through plans). */
  collision = false;
  /** The UI view when it can record reads (the session's); without one, memo'd subtrees are always evaluated. */
  readonly tracker: TrackedUiView | null;

  constructor(source: ViewSource<S>, cache: ObservedCache, base: BaseLists<S> | undefined) {
    this.state = source.state;
    this.tracker = isTracked(source.uiView) ? source.uiView : null;
    this.uiView = source.uiView;
    this.plans = plansFor(source.compiled, source.commands);
    this.cache = cache;
    this.stamp = ++walkCounter;
    if (base === undefined) {
      this.baseStamp = -1;
      this.entries = [];
      this.listed = [];
      this.controls = [];
      this.raised = [];
    } else {
      this.baseStamp = base.stamp;
      this.entries = base.entries.slice();
      this.listed = base.listed.slice();
      // Spread, not slice: `controls` is frozen (observations share it), and V8 slices a frozen array into a
      // holey one that later writes make slow (microbenchmark: 33 µs against 1.5 µs for 900 entries).
      this.controls = [...base.controls];
      this.raised = base.raised.slice();
    }
  }

  /** Whether a memo'd subtree is being evaluated (its reads are recorded): then marked plans are kept. */
  recording(): boolean {
    return this.tracker !== null && this.tracker.recorder !== null;
  }

  /** Cuts the lists to what this walk wrote. */
  finish(): void {
    if (this.entries.length > this.nEntries) this.entries.length = this.nEntries;
    if (this.listed.length > this.nListed) {
      this.listed.length = this.nListed;
      this.controls.length = this.nListed;
    }
    if (this.raised.length > this.nRaised) this.raised.length = this.nRaised;
    // Observations hand this list out as it is (no copy per step): nobody may change it.
    Object.freeze(this.controls);
  }
}

/**
 * Visits sibling plans in order, each before its children and computed children (pre-order). One call per list
 * of siblings rather than per node: a spreadsheet grid is hundreds of leaves under one parent.
 */
function visitAll<S>(
  walk: Walk<S>,
  plans: readonly NodePlan<S>[],
  parentIndex: number,
  parentEnabled: boolean,
): void {
  const state = walk.state;
  const uiView = walk.uiView;
  for (let p = 0; p < plans.length; p++) {
    const plan = plans[p]!;
    if (plan.visible !== null && !plan.visible(state, uiView)) continue;
    if (plan.memo === null) visitOne(walk, plan, parentIndex, parentEnabled, state, uiView);
    else visitMemo(walk, plan, parentIndex, parentEnabled, state, uiView);
  }
}

function visitOne<S>(
  walk: Walk<S>,
  plan: NodePlan<S>,
  parentIndex: number,
  parentEnabled: boolean,
  state: S,
  uiView: UiView,
): void {
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
    // Called without a receiver: it may be the app's own `toggled` / `checked` function (compile.ts `dynFn`).
    const select = plan.selected;
    const selected = select === null ? null : select(state, uiView);
    const expanded = plan.expandable ? uiView.isOpen(plan.id) : null;
    const label = plan.listed ? labelOf(walk.nListed + 1) : '';
    // Entries are immutable: the one this session's last walk made for the node is reused while it is the same.
    let entry = plan.entryFor === walk.cache ? plan.entry : null;
    if (
      entry === null ||
      entry.label !== label ||
      entry.text !== text ||
      entry.enabled !== enabled ||
      entry.selected !== selected ||
      entry.expanded !== expanded ||
      entry.parent !== parentIndex
    ) {
      entry = {
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
      if (label !== '') {
        // A moved entry (another parent index or label) often shows the same as before: keep its observation.
        const last = plan.entryFor === walk.cache ? plan.observedEntry : null;
        plan.observedEntry =
          last !== null &&
          last.label === label &&
          last.control_text === text &&
          last.selected === selected &&
          last.rect === plan.rect &&
          last.control_type === plan.type
            ? last
            : observed(walk.cache, entry);
      }
      plan.entry = entry;
      plan.entryFor = walk.cache;
    }
    index = walk.nEntries++;
    walk.entries[index] = entry;
    plan.mark = walk.stamp;
    plan.markIndex = index;
    if (plan.registered && walk.recording()) {
      walk.markedPlans.push(plan);
      walk.markedIndexes.push(index);
    }
    if (plan.collides) walk.collision = true;
    if (plan.layer > 0) walk.raised[walk.nRaised++] = entry;
    if (label !== '') {
      const at = walk.nListed++;
      walk.listed[at] = entry;
      walk.controls[at] = plan.observedEntry!;
    }
  }
  if (plan.children.length > 0) visitAll(walk, plan.children, index, enabled);
  if (plan.dynamic !== null)
    visitAll(walk, plansOfList(plan.dynamic(state, uiView), walk.plans), index, enabled);
}

/**
 * Builds the view of what is on screen. `dialogsOnly` stops after the open dialogs (their entries and labels are
 * the same as in the full view, which lists them first): enough to find a new dialog's first tab stop without
 * walking the main window twice in one step.
 */
/** A UI view that records reads (`LiveUiView`): what lets memo'd subtrees depend on exactly the UI they read. */
interface TrackedUiView extends UiView {
  recorder: unknown[] | null;
  holds(reads: readonly unknown[]): boolean;
}

function isTracked(view: UiView): view is TrackedUiView {
  return typeof (view as Partial<TrackedUiView>).holds === 'function' && 'recorder' in view;
}

/** Appends a slice: `push.apply` copies a small array natively, twice as fast as pushing element by element. */
function append<T>(target: T[], items: readonly T[]): void {
  if (items.length === 0) return;
  if (items.length <= 4096) Array.prototype.push.apply(target, items as T[]);
  else for (let i = 0; i < items.length; i++) target.push(items[i]!);
}

/** Writes `items` into `target` from `at` on (the walk's lists are written by index, see `Walk`). */
function place<T>(target: T[], at: number, items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target[at + i] = items[i]!;
}

/**
 * How many evaluations of a memo'd subtree are kept. A subtree moves when what comes before it changes (another
 * ribbon tab, an open drop-down or dialog lists other controls before a spreadsheet grid) and its key changes with
 * the selection. Excel's grid rows see dozens of such places; keeping 64 lets coming back to one reuse the entries
 * made there instead of re-labelling ~800 cells (lockstep A/B of the Excel bench: 1.07–1.10× faster than 8, heap
 * no larger since fewer entries are made).
 */
const MEMO_RECORDS = 64;

/** A memo'd subtree: appended from its last evaluation while its key, the UI and its place hold; else evaluated. */
function visitMemo<S>(
  walk: Walk<S>,
  plan: NodePlan<S>,
  parentIndex: number,
  parentEnabled: boolean,
  state: S,
  uiView: UiView,
): void {
  const tracker = walk.tracker;
  if (tracker === null) {
    visitOne(walk, plan, parentIndex, parentEnabled, state, uiView);
    return;
  }
  const key = plan.memo!(state, uiView);
  const start = walk.nEntries;
  const listedStart = walk.nListed;
  const outer = tracker.recorder;
  let shelf = plan.memoFor === walk.cache ? plan.memoShelf : null;
  if (shelf === null) {
    shelf = new MemoShelf<S>();
    plan.memoShelf = shelf;
    plan.memoFor = walk.cache;
  }
  // The evaluation used last time is asked first: most views reuse every subtree where it was.
  let last: MemoRecord<S> | null = shelf.latest;
  if (
    last === null ||
    last.start !== start ||
    !Object.is(last.key, key) ||
    last.listedStart !== listedStart ||
    last.parentIndex !== parentIndex ||
    last.parentEnabled !== parentEnabled ||
    !tracker.holds(last.reads)
  )
    last = null;
  const here = last === null ? shelf.byStart.get(start) : undefined;
  if (here !== undefined) {
    for (let i = 0; i < here.length; i++) {
      const record = here[i]!;
      if (
        Object.is(record.key, key) &&
        record.listedStart === listedStart &&
        record.parentIndex === parentIndex &&
        record.parentEnabled === parentEnabled &&
        tracker.holds(record.reads)
      ) {
        last = record;
        break;
      }
    }
  }
  // Not kept for this place: an evaluation with the same key and reads elsewhere is relabelled (the latest used).
  let moved: MemoRecord<S> | null = null;
  if (last === null) {
    const records = shelf.records;
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      if (
        Object.is(record.key, key) &&
        record.parentEnabled === parentEnabled &&
        (moved === null || record.placedIn > moved.placedIn) &&
        tracker.holds(record.reads)
      )
        moved = record;
    }
  }
  if (last === null && moved !== null) {
    relocate(walk, shelf, moved, parentIndex);
    if (outer !== null) append(outer, moved.reads);
    return;
  }
  if (last !== null) {
    const raisedStart = walk.nRaised;
    // The lists started as copies of the last full view's: where it placed these slices here, they are in place.
    if (last.placedIn !== walk.baseStamp || last.raisedStart !== raisedStart) {
      place(walk.entries, start, last.entries);
      place(walk.listed, listedStart, last.listed);
      place(walk.controls, listedStart, last.controls);
      place(walk.raised, raisedStart, last.raised);
    }
    walk.nEntries = start + last.entries.length;
    walk.nListed = listedStart + last.listed.length;
    walk.nRaised = raisedStart + last.raised.length;
    last.placedIn = walk.stamp;
    shelf.latest = last;
    const marked = last.marked;
    const markedIndex = last.markedIndex;
    const stamp = walk.stamp;
    for (let i = 0; i < marked.length; i++) {
      const inner = marked[i]!;
      inner.mark = stamp;
      inner.markIndex = markedIndex[i]!;
    }
    if (outer !== null) {
      append(walk.markedPlans, marked);
      append(walk.markedIndexes, markedIndex);
    }
    if (last.collision) walk.collision = true;
    // An enclosing memo'd subtree depends on what this one read.
    if (outer !== null) append(outer, last.reads);
    return;
  }
  const collisionBefore = walk.collision;
  const raisedStart = walk.nRaised;
  const markedStart = walk.markedPlans.length;
  walk.collision = false;
  const reads: unknown[] = [];
  tracker.recorder = reads;
  try {
    visitOne(walk, plan, parentIndex, parentEnabled, state, uiView);
  } finally {
    tracker.recorder = outer;
  }
  if (outer !== null) append(outer, reads);
  const entries = walk.entries.slice(start, walk.nEntries);
  const marked = walk.markedPlans.slice(markedStart);
  const markedIndex = walk.markedIndexes.slice(markedStart);
  const record = new MemoRecord(
    key,
    reads,
    start,
    listedStart,
    raisedStart,
    parentIndex,
    parentEnabled,
    entries,
    walk.listed.slice(listedStart, walk.nListed),
    walk.controls.slice(listedStart, walk.nListed),
    walk.raised.slice(raisedStart, walk.nRaised),
    marked,
    markedIndex,
    walk.collision,
    walk.stamp,
  );
  shelf.add(record);
  walk.collision = walk.collision || collisionBefore;
}

/**
 * A memo'd subtree whose key and UI reads hold but that sits elsewhere (something before it listed more or fewer
 * controls): its entries as `record` has them, with the labels and parent indexes of the new place. What a walk
 * would give there, without calling the app's functions again; only the labels and indexes change.
 */
function relocate<S>(walk: Walk<S>, shelf: MemoShelf<S>, record: MemoRecord<S>, parentIndex: number): void {
  const start = walk.nEntries;
  const listedStart = walk.nListed;
  const raisedStart = walk.nRaised;
  const delta = start - record.start;
  const from = record.start;
  const old = record.entries;
  const entries = walk.entries;
  const listed = walk.listed;
  const controls = walk.controls;
  const raised = walk.raised;
  let n = listedStart;
  let r = raisedStart;
  for (let i = 0; i < old.length; i++) {
    const before = old[i]!;
    // Only the subtree's top entries have a parent outside it, and that parent is the subtree's.
    const parent = before.parent >= from ? before.parent + delta : parentIndex;
    const label = before.label === '' ? '' : labelOf(n + 1);
    const entry =
      label === before.label && parent === before.parent
        ? before
        : {
            node: before.node,
            label,
            text: before.text,
            type: before.type,
            enabled: before.enabled,
            selected: before.selected,
            expanded: before.expanded,
            rect: before.rect,
            parent,
          };
    entries[start + i] = entry;
    if (label !== '') {
      listed[n] = entry;
      // Same label (only a parent index moved): the observation entry is the one the record has.
      controls[n] =
        entry.label === before.label ? record.controls[n - listedStart]! : fresh(walk.cache, entry);
      n++;
    }
    if (entry.node.layer > 0) raised[r++] = entry;
  }
  walk.nEntries = start + old.length;
  walk.nListed = n;
  walk.nRaised = r;
  const markedIndex = record.markedIndex.map((index) => index + delta);
  for (let i = 0; i < record.marked.length; i++) {
    const inner = record.marked[i]!;
    inner.mark = walk.stamp;
    inner.markIndex = markedIndex[i]!;
  }
  if (walk.recording()) {
    append(walk.markedPlans, record.marked);
    append(walk.markedIndexes, markedIndex);
  }
  if (record.collision) walk.collision = true;
  shelf.add(
    new MemoRecord(
      record.key,
      record.reads,
      start,
      listedStart,
      raisedStart,
      parentIndex,
      record.parentEnabled,
      entries.slice(start, walk.nEntries),
      listed.slice(listedStart, n),
      controls.slice(listedStart, n),
      raised.slice(raisedStart, r),
      record.marked,
      markedIndex,
      record.collision,
      walk.stamp,
    ),
  );
}

export function buildView<S>(source: ViewSource<S>, cache: ObservedCache, dialogsOnly = false): View<S> {
  const { compiled, state, ui, uiView } = source;
  const walk = new Walk(
    source,
    cache,
    dialogsOnly ? undefined : (baseLists.get(cache) as BaseLists<S> | undefined),
  );
  const entries = walk.entries;

  // Open dialogs are owned windows: UIA lists them before the main window's content, topmost first.
  const rootIndex = walk.nEntries++;
  const root = compiled.root;
  entries[rootIndex] = {
    node: root,
    label: '',
    text: typeof root.name === 'string' ? root.name : root.name(state, uiView),
    type: root.type,
    enabled: true,
    selected: null,
    expanded: null,
    rect: root.rect,
    parent: -1,
  };
  for (let i = ui.dialogs.length - 1; i >= 0; i--) {
    const instance = ui.dialogs[i]!;
    const dialogNode = instance.id === '#message' ? compiled.messageBox : compiled.dialogs.get(instance.id);
    if (dialogNode) visitAll(walk, [planOf(dialogNode, walk.plans)], rootIndex, true);
  }
  if (!dialogsOnly) visitAll(walk, plansOfList(compiled.mainChildren, walk.plans), rootIndex, true);
  walk.finish();
  if (!dialogsOnly) {
    const base: BaseLists<S> = {
      stamp: walk.stamp,
      entries,
      listed: walk.listed,
      controls: walk.controls,
      raised: walk.raised,
    };
    baseLists.set(cache, base as BaseLists<unknown>);
  }

  const top = ui.dialogs[ui.dialogs.length - 1];
  return {
    entries,
    listed: walk.listed,
    byId: new EntryIndex(entries, walk.plans, walk.stamp, !walk.collision),
    controls: walk.controls,
    activeScope: top ? top.id : MAIN_SCOPE,
    raised: walk.raised,
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
  return fresh(cache, entry);
}

/** A new observation entry for `entry`, kept in the cache under its id. */
function fresh<S>(cache: ObservedCache, entry: ViewEntry<S>): ObservedControl {
  const made: ObservedControl = Object.freeze({
    label: entry.label,
    control_text: entry.text,
    control_type: entry.type,
    selected: entry.selected,
    rect: entry.rect,
  });
  cache.set(entry.node.id, made);
  return made;
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

/**
 * The control that actually receives a click aimed at the centre of `entry`: the one `hitTest` finds there when
 * it sits on a higher layer (a popup or dialog covering it), else `entry` itself (an ancestor or sibling on the
 * same layer does not steal the click). Only raised entries can be on a higher layer, so only they are tested.
 */
export function clickReceiver<S>(view: View<S>, entry: ViewEntry<S>): ViewEntry<S> {
  const [x, y] = rectCenter(entry.rect);
  let best: ViewEntry<S> | null = null;
  let bestLayer = entry.node.layer + 1;
  const raised = view.raised;
  for (let i = 0; i < raised.length; i++) {
    const candidate = raised[i]!;
    const layer = candidate.node.layer;
    if (layer >= bestLayer && rectContains(candidate.rect, x, y)) {
      best = candidate;
      bestLayer = layer;
    }
  }
  return best ?? entry;
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
