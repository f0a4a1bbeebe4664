/**
 * Compiles an app's UI declaration (ui.ts) into the control tree the kernel walks: every control becomes a
 * `UiNode` with a stable id, its UIA type, a fixed rectangle, a role that says how it reacts to input, and the
 * dynamic parts (name, enabled, selected, visible) kept as functions for the view (view.ts) to evaluate.
 *
 * Compilation runs once per declaration (cached): the tree is immutable and shared by every env of the app.
 * Only item lists computed from the state (recent files, a document's cells) are compiled per observation.
 */
import { CONTROL_LIST_SET, rect, type ControlType, type Rect } from './controls.ts';
import type { CommandRef } from './app.ts';
import {
  DEFAULT_PANE_WIDTH,
  DIALOG_BUTTON_HEIGHT,
  DIALOG_BUTTON_WIDTH,
  DIALOG_ROW_HEIGHT,
  LIST_ITEM_HEIGHT,
  MENU_ITEM_HEIGHT,
  RIBBON_BOTTOM,
  RIBBON_GROUP_LABEL_TOP,
  RIBBON_ROW_HEIGHT,
  RIBBON_ROW_TOP,
  SCROLL_BAR_WIDTH,
  STATUS_BAR_HEIGHT,
  TAB_STRIP_BOTTOM,
  TITLE_BAR_BOTTOM,
  WINDOW_RECT,
  centred,
  onScreen,
  textWidth,
} from './layout.ts';
import {
  dyn,
  type ClusterDecl,
  type ComboBoxDecl,
  type ComboFieldDecl,
  type ControlDecl,
  type DialogDecl,
  type Dyn,
  type FieldDecl,
  type GalleryDecl,
  type GroupDecl,
  type ListFieldDecl,
  type MemoKey,
  type MenuDecl,
  type MenuEntryDecl,
  type PaneDecl,
  type SpinnerFieldDecl,
  type UiDecl,
  type UiView,
} from './ui.ts';

/** How a node reacts to clicks, text and keys (dispatch.ts and keyboard.ts switch on it). */
export type NodeRole =
  | 'window'
  | 'container'
  | 'text'
  | 'tab'
  | 'fileTab'
  | 'button'
  | 'menuOwner'
  | 'menuItem'
  | 'listItem'
  | 'comboBox'
  | 'comboEdit'
  | 'comboItem'
  | 'galleryItem'
  | 'checkBox'
  | 'edit'
  | 'document'
  | 'scrollBar'
  | 'scrollButton'
  | 'backstageNav'
  | 'backstageBack'
  | 'windowButton'
  | 'dialog'
  | 'dialogButton'
  | 'dialogTab'
  | 'fieldEdit'
  | 'fieldCheck'
  | 'fieldRadio'
  | 'fieldCombo'
  | 'fieldComboEdit'
  | 'fieldComboItem'
  | 'fieldSpinnerEdit'
  | 'fieldSpinner'
  | 'spinButton'
  | 'fieldList'
  | 'fieldListItem'
  | 'messageOk';

/** Which scope a node belongs to: the main window, the backstage, or a dialog (by id). */
export const MAIN_SCOPE = 'main';
export const MESSAGE_BOX_ID = '#message';
export const DOCUMENT_ID = 'document';

export interface UiNode<S = unknown> {
  readonly id: string;
  readonly role: NodeRole;
  readonly type: ControlType;
  readonly name: Dyn<S, string>;
  readonly automationId: string;
  readonly rect: Rect;
  readonly parent: UiNode<S> | null;
  readonly children: UiNode<S>[];
  /** In UFO's CONTROL_LIST: gets a label and appears in the observation. */
  readonly listed: boolean;
  /** Stacking order for hit tests: 0 main window, 1 panes, 5 backstage, 10+ popups, 100+ dialogs. */
  readonly layer: number;
  /** `main`, or the id of the dialog the node belongs to. */
  readonly scope: string;
  /** Not shown as a node itself (its children are): per-tab panels, per-page dialog panels. */
  readonly transparent: boolean;
  readonly visible: ((state: S, ui: UiView) => boolean) | null;
  readonly enabled: Dyn<S, boolean> | null;
  readonly selected: ((state: S, ui: UiView) => boolean | null) | null;
  /** Owns a popup (menu, list) that shows its children while open: the node reports `expanded`. */
  readonly expandable: boolean;
  /** Takes keyboard focus when clicked or tabbed to. */
  readonly focusable: boolean;
  /** Children computed from the state (menus with computed items, document children, panes). */
  readonly dynamic: ((state: S, ui: UiView) => readonly UiNode<S>[]) | null;
  /** Reuse this subtree's entries from the previous view while the key holds (see `MemoKey` in ui.ts). */
  readonly memo: MemoKey<S> | null;
  // Role data.
  readonly command?: CommandRef;
  readonly doubleCommand?: CommandRef;
  /** Id of the node owning the context menu a right-click opens (see `ContextMenuDecl`). */
  readonly contextMenu?: string;
  /** Runs on a right-click before the context menu opens. */
  readonly rightCommand?: CommandRef;
  readonly dialog?: string;
  readonly backstage?: string;
  readonly showTab?: string;
  readonly tabId?: string;
  readonly page?: string | number;
  readonly value?: string;
  readonly delta?: number;
  readonly fieldKey?: string;
  readonly dialogButton?: 'ok' | 'cancel' | 'close' | 'extra';
  readonly closes?: boolean;
  readonly combo?: ComboBoxDecl<S>;
  readonly gallery?: GalleryDecl<S>;
  readonly field?: FieldDecl<S>;
  readonly submenuOwner?: boolean;
  /** A ribbon edit box's current text. */
  readonly editValue?: Dyn<S, string>;
  /** An edit whose every change runs its command at once (`EditDecl.live`). */
  readonly live?: boolean;
}

type MutableNode<S> = { -readonly [K in keyof UiNode<S>]: UiNode<S>[K] };

/** The compiled UI of one app. */
export interface CompiledUi<S> {
  readonly decl: UiDecl<S>;
  readonly root: UiNode<S>;
  readonly byId: ReadonlyMap<string, UiNode<S>>;
  readonly dialogs: ReadonlyMap<string, UiNode<S>>;
  readonly messageBox: UiNode<S>;
  readonly document: UiNode<S>;
  /** Ribbon tabs in order: ids and whether they are contextual. */
  readonly tabs: readonly { id: string; name: string; contextual: boolean; node: UiNode<S> }[];
  readonly defaultTab: string;
  readonly backstagePages: readonly { id: string; name: string; hasContent: boolean }[];
  readonly backstageInitialPage: string | null;
  /** Main-window children other than dialogs, in tree order. */
  readonly mainChildren: readonly UiNode<S>[];
  /** The node owning the open-on-right-click document menu, if any. */
  readonly contextMenuOwner: UiNode<S> | null;
  /** The owners of `UiDecl.contextMenus`, by menu name. */
  readonly contextMenus: ReadonlyMap<string, UiNode<S>>;
}

const cache = new WeakMap<object, CompiledUi<unknown>>();

/** Compiles (once per declaration object) the UI of an app. */
export function compileUi<S>(decl: UiDecl<S>): CompiledUi<S> {
  const hit = cache.get(decl);
  if (hit) return hit as CompiledUi<S>;
  const compiled = new Compiler<S>(decl).compile();
  cache.set(decl, compiled as CompiledUi<unknown>);
  return compiled;
}

const staticName = <S>(name: Dyn<S, string>): string | null => (typeof name === 'string' ? name : null);

/**
 * A node function for a `Dyn` value: the app's own function when it is one, so that the view makes one call per
 * evaluation instead of two (the grid of a spreadsheet evaluates hundreds of these per observation).
 */
function dynFn<S, T>(value: Dyn<S, T>): (state: S, ui: UiView) => T {
  if (typeof value !== 'function') return () => value;
  return value as (state: S, ui: UiView) => T;
}

function slug(text: string): string {
  return text.replace(/[/\s]+/g, '_');
}

class Compiler<S> {
  private readonly byId = new Map<string, UiNode<S>>();
  private readonly decl: UiDecl<S>;
  /** While compiling computed children: they are returned to the container, not attached or registered. */
  private dynamicContainer: UiNode<S> | null = null;

  constructor(decl: UiDecl<S>) {
    this.decl = decl;
  }

  compile(): CompiledUi<S> {
    const decl = this.decl;
    const root = this.node({
      id: 'window',
      role: 'window',
      type: 'Window',
      name: decl.windowTitle,
      rect: WINDOW_RECT,
      parent: null,
      scope: MAIN_SCOPE,
      layer: 0,
    });
    const hasRibbon = decl.ribbon !== undefined;
    const backstageClosed = (_s: S, ui: UiView) => ui.backstagePage === null;

    this.compileTitleBar(root);
    const tabs: { id: string; name: string; contextual: boolean; node: UiNode<S> }[] = [];
    let backstagePages: { id: string; name: string; hasContent: boolean }[] = [];
    let backstageInitialPage: string | null = null;
    if (hasRibbon) {
      const ribbonResult = this.compileRibbon(root, backstageClosed);
      tabs.push(...ribbonResult.tabs);
      backstagePages = ribbonResult.backstagePages;
      backstageInitialPage = ribbonResult.backstageInitialPage;
    }
    const top = hasRibbon ? RIBBON_BOTTOM : TITLE_BAR_BOTTOM;
    const bottom = WINDOW_RECT.bottom - (this.decl.statusBar ? STATUS_BAR_HEIGHT : 0);
    const leftPanes = (decl.panes ?? []).filter((p) => p.side === 'left');
    const rightPanes = (decl.panes ?? []).filter((p) => p.side === 'right');
    const { document, contextMenuOwner } = this.compileDocument(root, top, bottom, backstageClosed);
    let leftX = 0;
    for (const pane of leftPanes) {
      const width = pane.width ?? DEFAULT_PANE_WIDTH;
      this.compilePane(root, pane, rect(leftX, top, leftX + width, bottom), backstageClosed);
      leftX += width;
    }
    let rightX = WINDOW_RECT.right - SCROLL_BAR_WIDTH;
    for (const pane of rightPanes) {
      const width = pane.width ?? DEFAULT_PANE_WIDTH;
      this.compilePane(root, pane, rect(rightX - width, top, rightX, bottom), backstageClosed);
      rightX -= width;
    }
    if (decl.statusBar) this.compileStatusBar(root, bottom, backstageClosed);
    const contextMenus = this.compileContextMenus(root);
    const mainChildren = [...root.children];

    const dialogs = new Map<string, UiNode<S>>();
    for (const [id, dialog] of Object.entries(decl.dialogs ?? {})) {
      dialogs.set(id, this.compileDialog(root, id, dialog));
    }
    const messageBox = this.compileMessageBox(root);
    const defaultTab = hasRibbon ? this.resolveInitialTab(tabs) : '';
    return {
      decl,
      root,
      byId: this.byId,
      dialogs,
      messageBox,
      document,
      tabs,
      defaultTab,
      backstagePages,
      backstageInitialPage,
      mainChildren,
      contextMenuOwner,
      contextMenus,
    };
  }

  private resolveInitialTab(tabs: readonly { id: string; name: string; contextual: boolean }[]): string {
    const wanted = this.decl.ribbon?.initialTab;
    if (wanted !== undefined) {
      const found = tabs.find((t) => t.name === wanted || t.id === wanted);
      if (!found) throw new Error(`ribbon.initialTab '${wanted}' is not a declared tab`);
      return found.id;
    }
    const first = tabs.find((t) => !t.contextual);
    if (!first) throw new Error('the ribbon needs at least one non-contextual tab');
    return first.id;
  }

  /** Creates a node, registers it under its parent and checks that its id is unique. */
  node(
    spec: Partial<MutableNode<S>> & Pick<UiNode<S>, 'id' | 'role' | 'type' | 'name' | 'rect' | 'parent'>,
  ): UiNode<S> {
    const parent = spec.parent;
    const node: MutableNode<S> = {
      automationId: '',
      children: [],
      listed: CONTROL_LIST_SET.has(spec.type),
      layer: parent?.layer ?? 0,
      scope: parent?.scope ?? MAIN_SCOPE,
      transparent: false,
      visible: null,
      enabled: null,
      selected: null,
      expandable: false,
      focusable: false,
      dynamic: null,
      memo: null,
      ...spec,
    };
    if (this.dynamicContainer === null) {
      if (this.byId.has(node.id)) {
        throw new Error(`two controls have the id '${node.id}': give one of them an explicit id`);
      }
      this.byId.set(node.id, node);
    }
    if (parent && parent !== this.dynamicContainer) (parent.children as UiNode<S>[]).push(node);
    return node;
  }

  private childId(parent: UiNode<S>, decl: { id?: string; name: Dyn<S, string> }, index: number): string {
    const own = decl.id ?? staticName(decl.name) ?? `#${index}`;
    // Computed lists may repeat a name (two headings "Intro"): their position keeps the ids apart.
    const suffix =
      this.dynamicContainer !== null && decl.id === undefined && !own.startsWith('#') ? `#${index}` : '';
    return `${parent.id}/${slug(own)}${suffix}`;
  }

  // -- title bar ----------------------------------------------------------------------------------------------

  private compileTitleBar(root: UiNode<S>): void {
    const titleBar = this.decl.titleBar ?? {};
    const bar = this.node({
      id: 'titlebar',
      role: 'container',
      type: 'TitleBar',
      name: '',
      rect: rect(0, 0, WINDOW_RECT.right, TITLE_BAR_BOTTOM),
      parent: root,
    });
    if (titleBar.quickAccess && titleBar.quickAccess.length > 0) {
      const qat = this.node({
        id: 'titlebar/qat',
        role: 'container',
        type: 'ToolBar',
        name: 'Quick Access Toolbar',
        rect: rect(8, 4, 8 + 40 * titleBar.quickAccess.length, 36),
        parent: bar,
      });
      titleBar.quickAccess.forEach((control, i) => {
        const width = control.width ?? 36;
        this.compileControl(qat, control, rect(8 + i * 40, 4, 8 + i * 40 + width, 36), i);
      });
    }
    if (titleBar.search) this.compileControl(bar, titleBar.search, rect(640, 6, 1120, 34), 0);
    const right = titleBar.right ?? [];
    let x = WINDOW_RECT.right - 3 * 46 - 8;
    right.forEach((control, i) => {
      const width = control.width ?? textWidth(staticName(control.name) ?? 'Button') + 24;
      this.compileControl(bar, control, rect(x - width, 4, x, 36), 100 + i);
      x -= width + 8;
    });
    const names = ['Minimize', 'Restore Down', 'Close'] as const;
    names.forEach((name, i) => {
      const left = WINDOW_RECT.right - (3 - i) * 46;
      this.node({
        id: `titlebar/${slug(name)}`,
        role: 'windowButton',
        type: 'Button',
        name,
        rect: rect(left, 0, left + 46, TITLE_BAR_BOTTOM),
        parent: bar,
        value: name,
      });
    });
  }

  // -- ribbon -------------------------------------------------------------------------------------------------

  private compileRibbon(root: UiNode<S>, backstageClosed: (s: S, ui: UiView) => boolean) {
    const ribbon = this.decl.ribbon!;
    const ribbonNode = this.node({
      id: 'ribbon',
      role: 'container',
      type: 'Pane',
      name: 'Ribbon',
      rect: rect(0, TITLE_BAR_BOTTOM, WINDOW_RECT.right, RIBBON_BOTTOM),
      parent: root,
    });
    const strip = this.node({
      id: 'ribbon/tabs',
      role: 'container',
      type: 'Tab',
      name: 'Ribbon Tabs',
      rect: rect(0, TITLE_BAR_BOTTOM, WINDOW_RECT.right, TAB_STRIP_BOTTOM),
      parent: ribbonNode,
    });
    let x = 8;
    const backstagePages: { id: string; name: string; hasContent: boolean }[] = [];
    let backstageInitialPage: string | null = null;
    if (ribbon.fileTab) {
      const fileName = ribbon.fileTab.name ?? 'File Tab';
      const width = 48;
      this.node({
        id: 'ribbon/tabs/file',
        role: 'fileTab',
        type: 'Button',
        name: fileName,
        rect: rect(x, TITLE_BAR_BOTTOM + 4, x + width, TAB_STRIP_BOTTOM - 4),
        parent: strip,
      });
      x += width + 4;
      const result = this.compileBackstage(root);
      backstagePages.push(...result.pages);
      backstageInitialPage = result.initial;
    }
    const lower = this.node({
      id: 'ribbon/lower',
      role: 'container',
      type: 'Pane',
      name: 'Lower Ribbon',
      rect: rect(0, TAB_STRIP_BOTTOM, WINDOW_RECT.right, RIBBON_BOTTOM),
      parent: ribbonNode,
    });
    const tabs: { id: string; name: string; contextual: boolean; node: UiNode<S> }[] = [];
    // Regular tabs first, contextual ones after them, as Office orders the strip.
    const ordered = [...ribbon.tabs.filter((t) => !t.contextual), ...ribbon.tabs.filter((t) => t.contextual)];
    for (const tabDecl of ordered) {
      const tabId = `ribbon/tab/${slug(tabDecl.id ?? tabDecl.name)}`;
      const width = textWidth(tabDecl.name) + 20;
      const when = tabDecl.contextual?.when ?? null;
      const tabNode = this.node({
        id: tabId,
        role: 'tab',
        type: 'TabItem',
        name: tabDecl.name,
        rect: rect(x, TITLE_BAR_BOTTOM + 4, x + width, TAB_STRIP_BOTTOM - 4),
        parent: strip,
        visible: when,
        selected: (_s, ui) => ui.activeTab === tabId,
        tabId,
      });
      x += width + 4;
      tabs.push({ id: tabId, name: tabDecl.name, contextual: when !== null, node: tabNode });
      const panel = this.node({
        id: `${tabId}/panel`,
        role: 'container',
        type: 'Pane',
        name: tabDecl.name,
        rect: lower.rect,
        parent: lower,
        transparent: true,
        visible: (s, ui) => ui.activeTab === tabId && (when === null || when(s, ui)),
      });
      let gx = 8;
      tabDecl.groups.forEach((groupDecl) => {
        gx = this.compileGroup(panel, groupDecl, gx) + 2;
      });
    }
    (ribbonNode as MutableNode<S>).visible = backstageClosed;
    return { tabs, backstagePages, backstageInitialPage };
  }

  /** Lays out one ribbon group from `left`; returns its right edge. */
  private compileGroup(panel: UiNode<S>, groupDecl: GroupDecl<S>, left: number): number {
    const groupId = `${panel.id}/${slug(groupDecl.id ?? groupDecl.name)}`;
    // Measure first: large controls take a full-height column, others stack three to a column.
    const placements: { decl: ControlDecl<S>; rect: Rect }[] = [];
    let x = left + 6;
    let row = 0;
    let columnWidth = 0;
    const flushColumn = () => {
      if (row > 0) {
        x += columnWidth + 4;
        row = 0;
        columnWidth = 0;
      }
    };
    for (const control of groupDecl.controls) {
      const label = staticName(control.name) ?? 'Item';
      if (control.kind === 'gallery') {
        flushColumn();
        const inline = control.inline ?? 4;
        const width = control.width ?? inline * 76 + 20;
        placements.push({
          decl: control,
          rect: rect(x, RIBBON_ROW_TOP, x + width, RIBBON_GROUP_LABEL_TOP - 2),
        });
        x += width + 4;
      } else if (control.size === 'large') {
        flushColumn();
        const width = control.width ?? Math.max(48, textWidth(label) + 12);
        placements.push({
          decl: control,
          rect: rect(x, RIBBON_ROW_TOP, x + width, RIBBON_GROUP_LABEL_TOP - 2),
        });
        x += width + 4;
      } else {
        const width =
          control.width ??
          (control.kind === 'comboBox' ? 130 : control.size === 'icon' ? 28 : textWidth(label) + 32);
        const top = RIBBON_ROW_TOP + row * RIBBON_ROW_HEIGHT;
        placements.push({ decl: control, rect: rect(x, top, x + width, top + RIBBON_ROW_HEIGHT - 4) });
        columnWidth = Math.max(columnWidth, width);
        row++;
        if (row === 3) flushColumn();
      }
    }
    flushColumn();
    const labelWidth = textWidth(groupDecl.name) + 24;
    const right = Math.max(x + 2, left + labelWidth);
    const groupNode = this.node({
      id: groupId,
      role: 'container',
      type: 'Group',
      name: groupDecl.name,
      rect: rect(left, TAB_STRIP_BOTTOM, right, RIBBON_BOTTOM),
      parent: panel,
      visible: groupDecl.visible ?? null,
      memo: groupDecl.memo ?? null,
    });
    placements.forEach((p, i) => this.compileControl(groupNode, p.decl, p.rect, i));
    if (groupDecl.launcher) {
      const launcher = groupDecl.launcher;
      this.node({
        id: `${groupId}/launcher`,
        role: 'button',
        type: 'Button',
        name: launcher.name,
        rect: rect(right - 18, RIBBON_BOTTOM - 18, right - 4, RIBBON_BOTTOM - 4),
        parent: groupNode,
        dialog: launcher.dialog,
        command: launcher.command,
      });
    }
    return right;
  }

  // -- controls -----------------------------------------------------------------------------------------------

  /** Compiles one declared control at `r`; returns its node. Its id is made under `idParent` (a cluster's parent). */
  compileControl(
    parent: UiNode<S>,
    decl: ControlDecl<S>,
    r: Rect,
    index: number,
    idParent: UiNode<S> = parent,
  ): UiNode<S> {
    const id = this.childId(idParent, decl, index);
    const base = {
      id,
      name: decl.name,
      rect: decl.rect ?? r,
      parent,
      automationId: decl.automationId ?? '',
      visible: decl.visible ?? null,
      enabled: decl.enabled ?? null,
      contextMenu: this.contextMenuId(id, decl.contextMenu),
      rightCommand: decl.rightCommand,
    };
    switch (decl.kind) {
      case 'button': {
        const toggled = decl.toggled;
        return this.node({
          ...base,
          role: 'button',
          type: decl.type ?? 'Button',
          command: decl.command,
          doubleCommand: decl.doubleCommand,
          dialog: decl.dialog,
          backstage: decl.backstage,
          showTab: decl.showTab,
          selected: toggled === undefined ? null : dynFn(toggled),
        });
      }
      case 'splitButton': {
        const toggled = decl.toggled;
        const split = this.node({ ...base, role: 'container', type: 'SplitButton' });
        const half = Math.floor((base.rect.bottom - base.rect.top) * 0.6);
        const large = base.rect.bottom - base.rect.top > RIBBON_ROW_HEIGHT;
        const mainRect = large
          ? rect(base.rect.left, base.rect.top, base.rect.right, base.rect.top + half)
          : rect(base.rect.left, base.rect.top, base.rect.right - 14, base.rect.bottom);
        const arrowRect = large
          ? rect(base.rect.left, base.rect.top + half, base.rect.right, base.rect.bottom)
          : rect(base.rect.right - 14, base.rect.top, base.rect.right, base.rect.bottom);
        this.node({
          id: `${id}/main`,
          name: decl.name,
          rect: mainRect,
          parent: split,
          role: 'button',
          type: 'Button',
          command: decl.command,
          enabled: decl.enabled ?? null,
          selected: toggled === undefined ? null : dynFn(toggled),
        });
        const arrow = this.node({
          id: `${id}/arrow`,
          name: decl.arrowName ?? decl.name,
          rect: arrowRect,
          parent: split,
          role: 'menuOwner',
          type: 'Button',
          expandable: true,
          enabled: decl.enabled ?? null,
        });
        this.compileMenu(arrow, decl.menu);
        return split;
      }
      case 'dropDown': {
        const owner = this.node({
          ...base,
          role: 'menuOwner',
          type: decl.type ?? 'Button',
          expandable: true,
        });
        this.compileMenu(owner, decl.menu);
        return owner;
      }
      case 'menuItem': {
        const checked = decl.checked;
        const node = this.node({
          ...base,
          role: 'menuItem',
          type: decl.type ?? 'MenuItem',
          command: decl.command,
          dialog: decl.dialog,
          selected: checked === undefined ? null : dynFn(checked),
          expandable: decl.submenu !== undefined,
          submenuOwner: decl.submenu !== undefined,
        });
        if (decl.submenu) this.compileMenu(node, decl.submenu, 'right');
        return node;
      }
      case 'listItem': {
        const selected = decl.selected;
        return this.node({
          ...base,
          role: 'listItem',
          type: decl.type ?? 'ListItem',
          command: decl.command,
          selected: selected === undefined ? () => false : dynFn(selected),
        });
      }
      case 'comboBox':
        return this.compileComboBox(base, decl);
      case 'gallery':
        return this.compileGallery(base, decl);
      case 'checkBox': {
        const checked = decl.checked;
        return this.node({
          ...base,
          role: 'checkBox',
          type: 'CheckBox',
          command: decl.command,
          selected: dynFn(checked),
        });
      }
      case 'edit':
        return this.node({
          ...base,
          role: 'edit',
          type: 'Edit',
          focusable: true,
          editValue: decl.value ?? '',
          command: decl.command,
          live: decl.live === true,
        });
      case 'text':
        return this.node({ ...base, role: 'text', type: 'Text' });
    }
  }

  private compileComboBox(
    base: Pick<UiNode<S>, 'id' | 'name' | 'rect' | 'parent' | 'automationId' | 'visible' | 'enabled'>,
    decl: ComboBoxDecl<S>,
  ): UiNode<S> {
    const combo = this.node({
      ...base,
      role: 'comboBox',
      type: 'ComboBox',
      combo: decl,
      expandable: true,
      focusable: decl.editable === true,
    });
    if (decl.editable) {
      this.node({
        id: `${base.id}/edit`,
        name: decl.name,
        rect: rect(base.rect.left, base.rect.top, base.rect.right - 18, base.rect.bottom),
        parent: combo,
        role: 'comboEdit',
        type: 'Edit',
        focusable: true,
        combo: decl,
      });
    }
    const list = this.node({
      id: `${base.id}/list`,
      name: decl.name,
      rect: combo.rect,
      parent: combo,
      role: 'container',
      type: 'List',
      layer: 10,
      visible: (_s, ui) => ui.isOpen(combo.id),
    });
    const items = decl.items;
    const itemNode = (value: string, i: number): UiNode<S> =>
      this.node({
        id: `${list.id}/${slug(value)}#${i}`,
        name: value,
        rect: onScreen(
          base.rect.left,
          base.rect.bottom + 2 + i * LIST_ITEM_HEIGHT,
          Math.max(220, base.rect.right - base.rect.left),
          LIST_ITEM_HEIGHT,
        ),
        parent: list,
        role: 'comboItem',
        type: 'ListItem',
        value,
        combo: decl,
        selected: (s, ui) => dyn(decl.value, s, ui) === value,
      });
    if (typeof items === 'function') {
      (list as MutableNode<S>).dynamic = this.dynamicList(list, items, itemNode);
    } else {
      items.forEach(itemNode);
    }
    return combo;
  }

  private compileGallery(
    base: Pick<UiNode<S>, 'id' | 'name' | 'rect' | 'parent' | 'automationId' | 'visible' | 'enabled'>,
    decl: GalleryDecl<S>,
  ): UiNode<S> {
    const inline = decl.inline ?? 4;
    const galleryNode = this.node({ ...base, role: 'container', type: 'List', gallery: decl });
    const moreId = `${base.id}/more`;
    const r = base.rect;
    const tileWidth = Math.floor((r.right - r.left - 20) / inline);
    const selected = (value: string) => (s: S, ui: UiView) =>
      decl.value === undefined ? false : dyn(decl.value, s, ui) === value;
    const inlineItem =
      (parent: UiNode<S>) =>
      (value: string, i: number): UiNode<S> | null => {
        if (i >= inline) return null;
        return this.node({
          id: `${base.id}/${slug(value)}#${i}`,
          name: value,
          rect: rect(r.left + i * tileWidth, r.top, r.left + (i + 1) * tileWidth, r.bottom),
          parent,
          role: 'galleryItem',
          type: 'ListItem',
          value,
          gallery: decl,
          selected: selected(value),
        });
      };
    const items = decl.items;
    // Inline tiles come before the More button in tree order.
    let inlineRow: UiNode<S> | null = null;
    if (typeof items === 'function') {
      inlineRow = this.node({
        id: `${base.id}/row`,
        name: '',
        rect: r,
        parent: galleryNode,
        role: 'container',
        type: 'Pane',
        transparent: true,
      });
    } else {
      items.forEach(inlineItem(galleryNode));
    }
    const more = this.node({
      id: moreId,
      name: decl.moreName ?? 'More',
      rect: rect(r.right - 18, r.top, r.right, r.bottom),
      parent: galleryNode,
      role: 'menuOwner',
      type: 'Button',
      expandable: true,
    });
    const popup = this.node({
      id: `${moreId}/popup`,
      name: staticName(decl.name) ?? 'Gallery',
      rect: onScreen(r.left, r.top, 600, 400),
      parent: more,
      role: 'container',
      type: 'List',
      layer: 10,
      visible: (_s, ui) => ui.isOpen(moreId),
    });
    const popupItem = (value: string, i: number): UiNode<S> =>
      this.node({
        id: `${popup.id}/${slug(value)}#${i}`,
        name: value,
        rect: rect(
          popup.rect.left + (i % 6) * 96,
          popup.rect.top + Math.floor(i / 6) * 64,
          popup.rect.left + (i % 6) * 96 + 96,
          popup.rect.top + Math.floor(i / 6) * 64 + 64,
        ),
        parent: popup,
        role: 'galleryItem',
        type: 'ListItem',
        value,
        gallery: decl,
        selected: selected(value),
      });
    if (typeof items === 'function') {
      (inlineRow as MutableNode<S>).dynamic = this.dynamicList(inlineRow!, items, inlineItem(inlineRow!));
      (popup as MutableNode<S>).dynamic = this.dynamicList(popup, items, popupItem);
    } else {
      items.forEach(popupItem);
    }
    return galleryNode;
  }

  /**
   * A child list computed from the state: nodes are compiled on demand and cached by the identity of the
   * returned array, so apps that memoise their lists pay nothing per observation.
   */
  private dynamicList(
    container: UiNode<S>,
    items: (s: S, ui: UiView) => readonly string[],
    make: (value: string, i: number) => UiNode<S> | null,
  ): (s: S, ui: UiView) => readonly UiNode<S>[] {
    return this.dynamicNodes(container, items, (list) =>
      list.map((v, i) => make(v, i)).filter((n): n is UiNode<S> => n !== null),
    );
  }

  /**
   * A computed child list: `listOf` gives the app's list (an array object), compiled by `build` once per array.
   * Nothing is allocated per call when the app hands back the same array.
   */
  private dynamicNodes<L extends object>(
    container: UiNode<S>,
    listOf: (s: S, ui: UiView) => L,
    build: (list: L) => UiNode<S>[],
  ): (s: S, ui: UiView) => readonly UiNode<S>[] {
    const memo = new WeakMap<L, UiNode<S>[]>();
    return (s, ui) => {
      const list = listOf(s, ui);
      const hit = memo.get(list);
      if (hit) return hit;
      const outer = this.dynamicContainer;
      this.dynamicContainer = container;
      let built: UiNode<S>[];
      try {
        built = build(list);
      } finally {
        this.dynamicContainer = outer;
      }
      memo.set(list, built);
      return built;
    };
  }

  // -- menus --------------------------------------------------------------------------------------------------

  /**
   * The owners of the declared right-click menus: invisible one-pixel nodes at each menu's place, so the menu
   * compiles and lays out like any other popup and Escape or a click elsewhere closes it.
   */
  private compileContextMenus(root: UiNode<S>): ReadonlyMap<string, UiNode<S>> {
    const owners = new Map<string, UiNode<S>>();
    for (const [name, menuDecl] of Object.entries(this.decl.contextMenus ?? {})) {
      const [x, y] = menuDecl.at;
      const owner = this.node({
        id: `context/${slug(name)}`,
        role: 'container',
        type: 'Pane',
        name: menuDecl.name ?? 'Context Menu',
        rect: rect(x, y - 3, x + 1, y - 2),
        parent: root,
        transparent: true,
        expandable: true,
      });
      this.compileMenu(owner, { ...menuDecl, name: menuDecl.name ?? 'Context Menu' });
      owners.set(name, owner);
    }
    return owners;
  }

  /** The owner id of the context menu a control names; an undeclared name is a mistake in the app's UI. */
  private contextMenuId(controlId: string, name: string | undefined): string | undefined {
    if (name === undefined) return undefined;
    if (this.decl.contextMenus?.[name] === undefined) {
      throw new Error(
        `control '${controlId}' names the context menu '${name}', which the UI does not declare`,
      );
    }
    return `context/${slug(name)}`;
  }

  /** Compiles the popup menu of `owner`: a Menu node shown while the owner is open. */
  private compileMenu(
    owner: UiNode<S>,
    menuDecl: MenuDecl<S>,
    placement: 'below' | 'right' = 'below',
  ): UiNode<S> {
    const left = placement === 'below' ? owner.rect.left : owner.rect.right;
    const top = placement === 'below' ? owner.rect.bottom + 2 : owner.rect.top;
    const items = menuDecl.items;
    const staticItems = typeof items === 'function' ? null : items;
    const widest = staticItems
      ? Math.max(0, ...staticItems.map((it) => textWidth(staticName(it.name) ?? '')))
      : 200;
    const width = menuDecl.width ?? Math.max(220, widest + 56);
    const count = staticItems ? staticItems.length : 8;
    const menuNode = this.node({
      id: `${owner.id}/menu`,
      name: menuDecl.name ?? staticName(owner.name) ?? '',
      rect: onScreen(left, top, width, Math.max(1, count) * MENU_ITEM_HEIGHT + 8),
      parent: owner,
      role: 'container',
      type: menuDecl.type ?? 'Menu',
      layer: owner.layer >= 10 ? owner.layer + 1 : Math.max(10, owner.layer + 10),
      visible: (_s, ui) => ui.isOpen(owner.id),
    });
    const itemRect = (i: number) =>
      rect(
        menuNode.rect.left + 4,
        menuNode.rect.top + 4 + i * MENU_ITEM_HEIGHT,
        menuNode.rect.right - 4,
        menuNode.rect.top + 4 + (i + 1) * MENU_ITEM_HEIGHT,
      );
    if (staticItems) {
      staticItems.forEach((item, i) => this.compileControl(menuNode, item as ControlDecl<S>, itemRect(i), i));
    } else {
      const fn = items as (s: S, ui: UiView) => readonly MenuEntryDecl<S>[];
      (menuNode as MutableNode<S>).dynamic = this.dynamicNodes(menuNode, fn, (list) =>
        list.map((item, i) => this.compileControl(menuNode, item as ControlDecl<S>, itemRect(i), i)),
      );
    }
    return menuNode;
  }

  // -- backstage ----------------------------------------------------------------------------------------------

  private compileBackstage(root: UiNode<S>) {
    const decl = this.decl.ribbon!.fileTab!;
    const backstage = this.node({
      id: 'backstage',
      role: 'container',
      type: 'Pane',
      name: 'Backstage view',
      rect: rect(0, TITLE_BAR_BOTTOM, WINDOW_RECT.right, WINDOW_RECT.bottom),
      parent: root,
      layer: 5,
      visible: (_s, ui) => ui.backstagePage !== null,
    });
    this.node({
      id: 'backstage/back',
      role: 'backstageBack',
      type: 'Button',
      name: 'Back',
      rect: rect(12, TITLE_BAR_BOTTOM + 12, 52, TITLE_BAR_BOTTOM + 52),
      parent: backstage,
    });
    const nav = this.node({
      id: 'backstage/nav',
      role: 'container',
      type: 'List',
      name: 'File',
      rect: rect(0, TITLE_BAR_BOTTOM + 60, 260, WINDOW_RECT.bottom),
      parent: backstage,
    });
    const pages: { id: string; name: string; hasContent: boolean }[] = [];
    decl.pages.forEach((page, i) => {
      const pageId = slug(page.id ?? page.name);
      const top = TITLE_BAR_BOTTOM + 64 + i * 44;
      this.node({
        id: `backstage/nav/${pageId}`,
        role: 'backstageNav',
        type: decl.navType ?? 'ListItem',
        name: page.name,
        rect: rect(0, top, 260, top + 40),
        parent: nav,
        page: pageId,
        command: page.command,
        dialog: page.dialog,
        selected: (_s, ui) => ui.backstagePage === pageId,
      });
      const hasContent = page.content !== undefined;
      pages.push({ id: pageId, name: page.name, hasContent });
      if (hasContent) {
        const content = this.node({
          id: `backstage/page/${pageId}`,
          role: 'container',
          type: 'Pane',
          name: page.name,
          rect: rect(260, TITLE_BAR_BOTTOM, WINDOW_RECT.right, WINDOW_RECT.bottom),
          parent: backstage,
          visible: (_s, ui) => ui.backstagePage === pageId,
        });
        page.content!.forEach((control, j) => {
          const cTop = TITLE_BAR_BOTTOM + 100 + j * 48;
          const width = control.width ?? (control.size === 'large' ? 160 : 400);
          this.compileControl(content, control, rect(300, cTop, 300 + width, cTop + 40), j);
        });
      }
    });
    let initial = decl.initialPage ?? pages.find((p) => p.hasContent)?.name ?? null;
    if (initial !== null) {
      const found = pages.find((p) => p.name === initial || p.id === initial);
      if (!found) throw new Error(`backstage initialPage '${initial}' is not a declared page`);
      initial = found.id;
    }
    return { pages, initial };
  }

  // -- document, panes, status bar ----------------------------------------------------------------------------

  private compileDocument(
    root: UiNode<S>,
    top: number,
    bottom: number,
    backstageClosed: (s: S, ui: UiView) => boolean,
  ) {
    const decl = this.decl.document;
    const leftWidth = (this.decl.panes ?? [])
      .filter((p) => p.side === 'left')
      .reduce((sum, p) => sum + (p.width ?? DEFAULT_PANE_WIDTH), 0);
    const rightWidth = (this.decl.panes ?? [])
      .filter((p) => p.side === 'right')
      .reduce((sum, p) => sum + (p.width ?? DEFAULT_PANE_WIDTH), 0);
    const area = this.node({
      id: 'client',
      role: 'container',
      type: 'Pane',
      name: '',
      rect: rect(0, top, WINDOW_RECT.right, bottom),
      parent: root,
      transparent: true,
      visible: backstageClosed,
    });
    const withScroll = decl.scrollBar !== false;
    const docRect = rect(
      leftWidth,
      top,
      WINDOW_RECT.right - (withScroll ? SCROLL_BAR_WIDTH : 0) - rightWidth,
      bottom,
    );
    const document = this.node({
      id: DOCUMENT_ID,
      role: 'document',
      type: decl.type ?? 'Document',
      name: decl.name,
      rect: docRect,
      parent: area,
      focusable: true,
    });
    if (decl.children) {
      const childrenFn = decl.children;
      (document as MutableNode<S>).dynamic = this.dynamicNodes(
        document,
        (s: S, ui: UiView) => childrenFn(s, ui),
        (list) => {
          // Positions count through clusters, so a control's id and default place do not depend on them.
          let position = 0;
          const place = (control: ControlDecl<S>, parent: UiNode<S>): UiNode<S> => {
            const i = position++;
            return this.compileControl(
              parent,
              control,
              control.rect ??
                rect(
                  docRect.left + 40,
                  docRect.top + 40 + i * 24,
                  docRect.right - 40,
                  docRect.top + 62 + i * 24,
                ),
              i,
              document,
            );
          };
          // A cluster may hold clusters (a grid of row clusters under one key): a hit on the outer key skips them all.
          const placeChild = (child: ControlDecl<S> | ClusterDecl<S>, parent: UiNode<S>): UiNode<S> => {
            if (child.kind !== 'cluster') return place(child, parent);
            const group = this.node({
              id: `${parent.id}/${slug(child.id)}`,
              role: 'container',
              type: 'Group',
              name: '',
              rect: docRect,
              parent,
              transparent: true,
              memo: child.memo,
            });
            for (const control of child.controls) placeChild(control, group);
            return group;
          };
          return list.map((child) => placeChild(child, document));
        },
      );
    }
    let contextMenuOwner: UiNode<S> | null = null;
    if (decl.contextMenu) {
      // The right-click menu opens at a fixed point of the page (where the selection usually is).
      contextMenuOwner = this.node({
        id: `${DOCUMENT_ID}/context`,
        role: 'container',
        type: 'Pane',
        name: 'Context Menu',
        rect: rect(docRect.left + 240, docRect.top + 120, docRect.left + 241, docRect.top + 121),
        parent: area,
        transparent: true,
        expandable: true,
      });
      this.compileMenu(contextMenuOwner, {
        ...decl.contextMenu,
        name: decl.contextMenu.name ?? 'Context Menu',
      });
    }
    if (withScroll) {
      const x0 = WINDOW_RECT.right - SCROLL_BAR_WIDTH - rightWidth;
      const bar = this.node({
        id: 'document/vscroll',
        role: 'scrollBar',
        type: 'ScrollBar',
        name: 'Vertical Scroll Bar',
        rect: rect(x0, top, x0 + SCROLL_BAR_WIDTH, bottom),
        parent: area,
      });
      const h = SCROLL_BAR_WIDTH;
      const parts: [string, number, Rect, ControlType][] = [
        ['Line up', -1, rect(x0, top, x0 + h, top + h), 'Button'],
        ['Page up', -30, rect(x0, top + h, x0 + h, top + 200), 'Button'],
        ['Position', 0, rect(x0, top + 200, x0 + h, top + 260), 'Thumb'],
        ['Page down', 30, rect(x0, top + 260, x0 + h, bottom - h), 'Button'],
        ['Line down', 1, rect(x0, bottom - h, x0 + h, bottom), 'Button'],
      ];
      for (const [name, delta, r, type] of parts) {
        this.node({
          id: `document/vscroll/${slug(name)}`,
          role: type === 'Thumb' ? 'container' : 'scrollButton',
          type,
          name,
          rect: r,
          parent: bar,
          delta,
        });
      }
    }
    return { document, contextMenuOwner };
  }

  private compilePane(
    root: UiNode<S>,
    pane: PaneDecl<S>,
    r: Rect,
    backstageClosed: (s: S, ui: UiView) => boolean,
  ) {
    const own = pane.visible;
    const paneNode = this.node({
      id: `pane/${slug(pane.id ?? pane.name)}`,
      role: 'container',
      type: 'Pane',
      name: pane.name,
      rect: r,
      parent: root,
      layer: 1,
      visible: own ? (s, ui) => backstageClosed(s, ui) && own(s, ui) : backstageClosed,
    });
    const rowRect = (i: number) => rect(r.left + 12, r.top + 48 + i * 32, r.right - 12, r.top + 76 + i * 32);
    const controls = pane.controls;
    if (typeof controls === 'function') {
      (paneNode as MutableNode<S>).dynamic = this.dynamicNodes(paneNode, controls, (list) =>
        list.map((c, i) => this.compileControl(paneNode, c, rowRect(i), i)),
      );
    } else {
      controls.forEach((c, i) => this.compileControl(paneNode, c, rowRect(i), i));
    }
  }

  private compileStatusBar(
    root: UiNode<S>,
    top: number,
    backstageClosed: (s: S, ui: UiView) => boolean,
  ): void {
    const decl = this.decl.statusBar!;
    const bar = this.node({
      id: 'statusbar',
      role: 'container',
      type: 'StatusBar',
      name: decl.name ?? 'Status Bar',
      rect: rect(0, top, WINDOW_RECT.right, WINDOW_RECT.bottom),
      parent: root,
      visible: backstageClosed,
    });
    let x = 8;
    decl.items.forEach((item, i) => {
      const width = item.width ?? textWidth(staticName(item.name) ?? 'Page 1 of 1') + 16;
      this.compileControl(bar, item, rect(x, top + 4, x + width, WINDOW_RECT.bottom - 4), i);
      x += width + 8;
    });
  }

  // -- dialogs ------------------------------------------------------------------------------------------------

  private compileDialog(root: UiNode<S>, dialogId: string, decl: DialogDecl<S>): UiNode<S> {
    if (decl.fields && decl.pages) throw new Error(`dialog '${dialogId}' declares both fields and pages`);
    const pages = decl.pages ?? [{ name: '', fields: decl.fields ?? [] }];
    const width = decl.width ?? 480;
    const tabbed = decl.pages !== undefined;
    const contentTop = tabbed ? 76 : 44;
    const rowsOf = (fields: readonly FieldDecl<S>[]) => fields.reduce((n, f) => n + fieldRows(f), 0);
    const rows = Math.max(1, ...pages.map((p) => rowsOf(p.fields)));
    const height = contentTop + rows * DIALOG_ROW_HEIGHT + DIALOG_BUTTON_HEIGHT + 40;
    const box = centred(width, height);
    const scope = dialogId;
    const layer = 100;
    const dialog = this.node({
      id: `dialog/${slug(dialogId)}`,
      role: 'dialog',
      type: 'Window',
      name: decl.title,
      rect: box,
      parent: null,
      scope,
      layer,
      value: dialogId,
    });
    this.node({
      id: `${dialog.id}/Close`,
      role: 'dialogButton',
      type: 'Button',
      name: 'Close',
      rect: rect(box.right - 46, box.top, box.right, box.top + 30),
      parent: dialog,
      dialogButton: 'close',
    });
    if (tabbed) {
      const tabStrip = this.node({
        id: `${dialog.id}/tabs`,
        role: 'container',
        type: 'Tab',
        name: '',
        rect: rect(box.left + 12, box.top + 36, box.right - 12, box.top + 64),
        parent: dialog,
      });
      let tx = box.left + 12;
      pages.forEach((page, i) => {
        const w = textWidth(page.name) + 24;
        this.node({
          id: `${tabStrip.id}/${slug(page.name)}`,
          role: 'dialogTab',
          type: 'TabItem',
          name: page.name,
          rect: rect(tx, box.top + 36, tx + w, box.top + 64),
          parent: tabStrip,
          page: i,
          selected: (_s, ui) => (ui.fieldOf(dialogId, '#page') ?? 0) === i,
        });
        tx += w + 2;
      });
    }
    const keys = new Set<string>();
    pages.forEach((page, pageIndex) => {
      const panel = this.node({
        id: `${dialog.id}/page${pageIndex}`,
        role: 'container',
        type: 'Pane',
        name: page.name,
        rect: box,
        parent: dialog,
        transparent: true,
        visible: tabbed ? (_s, ui) => (ui.fieldOf(dialogId, '#page') ?? 0) === pageIndex : null,
      });
      let row = 0;
      page.fields.forEach((fieldDecl, i) => {
        if ('key' in fieldDecl && fieldDecl.key !== undefined && fieldDecl.kind !== 'field.text') {
          if (keys.has(fieldDecl.key))
            throw new Error(`dialog '${dialogId}' has two fields with key '${fieldDecl.key}'`);
          keys.add(fieldDecl.key);
        }
        const top = box.top + contentTop + row * DIALOG_ROW_HEIGHT;
        this.compileField(panel, dialogId, fieldDecl, box, top, i);
        row += fieldRows(fieldDecl);
      });
    });
    const buttonTop = box.bottom - DIALOG_BUTTON_HEIGHT - 14;
    const okRight = decl.cancelLabel === null ? box.right - 16 : box.right - 16 - DIALOG_BUTTON_WIDTH - 8;
    this.node({
      id: `${dialog.id}/OK`,
      role: 'dialogButton',
      type: 'Button',
      name: decl.okLabel ?? 'OK',
      rect: rect(okRight - DIALOG_BUTTON_WIDTH, buttonTop, okRight, buttonTop + DIALOG_BUTTON_HEIGHT),
      parent: dialog,
      focusable: true,
      dialogButton: 'ok',
    });
    if (decl.cancelLabel !== null) {
      this.node({
        id: `${dialog.id}/Cancel`,
        role: 'dialogButton',
        type: 'Button',
        name: decl.cancelLabel ?? 'Cancel',
        rect: rect(
          box.right - 16 - DIALOG_BUTTON_WIDTH,
          buttonTop,
          box.right - 16,
          buttonTop + DIALOG_BUTTON_HEIGHT,
        ),
        parent: dialog,
        focusable: true,
        dialogButton: 'cancel',
      });
    }
    // Dialogs are owned windows: listed before the main window's content, not inside it.
    (dialog as MutableNode<S>).parent = root;
    return dialog;
  }

  private compileField(
    panel: UiNode<S>,
    dialogId: string,
    decl: FieldDecl<S>,
    box: Rect,
    top: number,
    index: number,
  ): void {
    const labelRect = rect(box.left + 16, top + 4, box.left + 160, top + DIALOG_ROW_HEIGHT - 4);
    const controlRect = rect(box.left + 168, top + 2, box.right - 24, top + DIALOG_ROW_HEIGHT - 4);
    const idBase = `${panel.parent!.id}/${slug(decl.kind === 'field.text' ? `text${index}` : decl.kind === 'field.button' ? decl.label : decl.key)}`;
    const visible = decl.visible ?? null;
    const enabled =
      'enabled' in decl && decl.enabled ? (decl.enabled as (s: S, ui: UiView) => boolean) : null;
    const common = { parent: panel, visible, enabled, scope: dialogId, layer: 100 };
    switch (decl.kind) {
      case 'field.text':
        this.node({
          ...common,
          id: idBase,
          role: 'text',
          type: 'Text',
          name: decl.label,
          rect: rect(box.left + 16, top + 4, box.right - 24, top + DIALOG_ROW_HEIGHT - 4),
          fieldKey: decl.key,
        });
        return;
      case 'field.button':
        this.node({
          ...common,
          id: idBase,
          role: 'dialogButton',
          type: 'Button',
          name: decl.label,
          rect: rect(
            box.left + 16,
            top + 2,
            box.left + 16 + textWidth(decl.label) + 32,
            top + DIALOG_ROW_HEIGHT - 2,
          ),
          focusable: true,
          dialogButton: 'extra',
          command: decl.command,
          closes: decl.closes ?? false,
        });
        return;
      case 'field.edit':
        this.label(common, idBase, decl.label, labelRect);
        this.node({
          ...common,
          id: idBase,
          role: 'fieldEdit',
          type: 'Edit',
          name: decl.label,
          rect: controlRect,
          focusable: true,
          fieldKey: decl.key,
          field: decl,
        });
        return;
      case 'field.check': {
        const key = decl.key;
        this.node({
          ...common,
          id: idBase,
          role: 'fieldCheck',
          type: 'CheckBox',
          name: decl.label,
          rect: rect(box.left + 16, top + 4, box.right - 24, top + DIALOG_ROW_HEIGHT - 4),
          focusable: true,
          fieldKey: key,
          field: decl,
          selected: (_s, ui) => ui.fieldOf(dialogId, key) === true,
        });
        return;
      }
      case 'field.radio': {
        const key = decl.key;
        const groupNode = this.node({
          ...common,
          id: idBase,
          role: 'container',
          type: 'Group',
          name: decl.label,
          rect: rect(box.left + 12, top, box.right - 12, top + (decl.options.length + 1) * DIALOG_ROW_HEIGHT),
          fieldKey: key,
          field: decl,
        });
        decl.options.forEach((option, i) => {
          const optionTop = top + (i + 1) * DIALOG_ROW_HEIGHT;
          this.node({
            ...common,
            parent: groupNode,
            visible: null,
            id: `${idBase}/${slug(option.value)}`,
            role: 'fieldRadio',
            type: 'RadioButton',
            name: option.label,
            rect: rect(box.left + 28, optionTop + 4, box.right - 24, optionTop + DIALOG_ROW_HEIGHT - 4),
            focusable: true,
            fieldKey: key,
            field: decl,
            value: option.value,
            selected: (_s, ui) => ui.fieldOf(dialogId, key) === option.value,
          });
        });
        return;
      }
      case 'field.combo':
        this.label(common, idBase, decl.label, labelRect);
        this.compileComboField(common, idBase, decl, controlRect);
        return;
      case 'field.spinner':
        this.label(common, idBase, decl.label, labelRect);
        this.compileSpinner(common, idBase, decl, controlRect);
        return;
      case 'field.list':
        this.label(common, idBase, decl.label, labelRect);
        this.compileListField(
          common,
          idBase,
          decl,
          rect(box.left + 168, top + 2, box.right - 24, top + fieldRows(decl) * DIALOG_ROW_HEIGHT - 4),
        );
        return;
    }
  }

  private label(
    common: {
      parent: UiNode<S>;
      scope: string;
      layer: number;
      visible: ((s: S, ui: UiView) => boolean) | null;
    },
    idBase: string,
    label: string,
    r: Rect,
  ): void {
    this.node({ ...common, id: `${idBase}#label`, role: 'text', type: 'Text', name: label, rect: r });
  }

  private compileComboField(
    common: {
      parent: UiNode<S>;
      scope: string;
      layer: number;
      visible: ((s: S, ui: UiView) => boolean) | null;
      enabled: ((s: S, ui: UiView) => boolean) | null;
    },
    idBase: string,
    decl: ComboFieldDecl<S>,
    r: Rect,
  ): void {
    const key = decl.key;
    const combo = this.node({
      ...common,
      id: idBase,
      role: 'fieldCombo',
      type: 'ComboBox',
      name: decl.label,
      rect: r,
      focusable: true,
      expandable: true,
      fieldKey: key,
      field: decl,
    });
    if (decl.editable) {
      this.node({
        ...common,
        parent: combo,
        visible: null,
        id: `${idBase}/edit`,
        role: 'fieldComboEdit',
        type: 'Edit',
        name: decl.label,
        rect: rect(r.left, r.top, r.right - 18, r.bottom),
        focusable: true,
        fieldKey: key,
        field: decl,
      });
    }
    const list = this.node({
      ...common,
      parent: combo,
      id: `${idBase}/list`,
      role: 'container',
      type: 'List',
      name: decl.label,
      rect: r,
      layer: 110,
      visible: (_s, ui) => ui.isOpen(combo.id),
    });
    const itemNode = (value: string, i: number) =>
      this.node({
        ...common,
        parent: list,
        visible: null,
        layer: 110,
        id: `${list.id}/${slug(value)}#${i}`,
        role: 'fieldComboItem',
        type: 'ListItem',
        name: value,
        rect: onScreen(r.left, r.bottom + 2 + i * LIST_ITEM_HEIGHT, r.right - r.left, LIST_ITEM_HEIGHT),
        fieldKey: key,
        field: decl,
        value,
        selected: (_s, ui) => ui.fieldOf(common.scope, key) === value,
      });
    const items = decl.items;
    if (typeof items === 'function')
      (list as MutableNode<S>).dynamic = this.dynamicList(list, items, itemNode);
    else items.forEach(itemNode);
  }

  private compileSpinner(
    common: {
      parent: UiNode<S>;
      scope: string;
      layer: number;
      visible: ((s: S, ui: UiView) => boolean) | null;
      enabled: ((s: S, ui: UiView) => boolean) | null;
    },
    idBase: string,
    decl: SpinnerFieldDecl<S>,
    r: Rect,
  ): void {
    this.node({
      ...common,
      id: idBase,
      role: 'fieldSpinnerEdit',
      type: 'Edit',
      name: decl.label,
      rect: rect(r.left, r.top, r.right - 20, r.bottom),
      focusable: true,
      fieldKey: decl.key,
      field: decl,
    });
    const spinner = this.node({
      ...common,
      id: `${idBase}/spin`,
      role: 'fieldSpinner',
      type: 'Spinner',
      name: decl.label,
      rect: rect(r.right - 20, r.top, r.right, r.bottom),
      fieldKey: decl.key,
      field: decl,
    });
    const mid = Math.floor((r.top + r.bottom) / 2);
    const step = decl.step ?? 1;
    this.node({
      ...common,
      parent: spinner,
      visible: null,
      id: `${idBase}/spin/up`,
      role: 'spinButton',
      type: 'Button',
      name: 'Up',
      rect: rect(r.right - 20, r.top, r.right, mid),
      fieldKey: decl.key,
      field: decl,
      delta: step,
    });
    this.node({
      ...common,
      parent: spinner,
      visible: null,
      id: `${idBase}/spin/down`,
      role: 'spinButton',
      type: 'Button',
      name: 'Down',
      rect: rect(r.right - 20, mid, r.right, r.bottom),
      fieldKey: decl.key,
      field: decl,
      delta: -step,
    });
  }

  private compileListField(
    common: {
      parent: UiNode<S>;
      scope: string;
      layer: number;
      visible: ((s: S, ui: UiView) => boolean) | null;
      enabled: ((s: S, ui: UiView) => boolean) | null;
    },
    idBase: string,
    decl: ListFieldDecl<S>,
    r: Rect,
  ): void {
    const key = decl.key;
    const list = this.node({
      ...common,
      id: idBase,
      role: 'fieldList',
      type: 'List',
      name: decl.label,
      rect: r,
      focusable: true,
      fieldKey: key,
      field: decl,
    });
    const itemNode = (value: string, i: number) =>
      this.node({
        ...common,
        parent: list,
        visible: null,
        id: `${idBase}/${slug(value)}#${i}`,
        role: 'fieldListItem',
        type: 'ListItem',
        name: value,
        rect: rect(
          r.left + 2,
          r.top + 2 + i * LIST_ITEM_HEIGHT,
          r.right - 2,
          r.top + 2 + (i + 1) * LIST_ITEM_HEIGHT,
        ),
        fieldKey: key,
        field: decl,
        value,
        selected: (_s, ui) => ui.fieldOf(common.scope, key) === value,
      });
    const items = decl.items;
    if (typeof items === 'function')
      (list as MutableNode<S>).dynamic = this.dynamicList(list, items, itemNode);
    else items.forEach(itemNode);
  }

  private compileMessageBox(root: UiNode<S>): UiNode<S> {
    const box = centred(420, 160);
    const dialog = this.node({
      id: 'dialog/#message',
      role: 'dialog',
      type: 'Window',
      name: this.decl.messageBoxTitle,
      rect: box,
      parent: null,
      scope: MESSAGE_BOX_ID,
      layer: 200,
      value: MESSAGE_BOX_ID,
    });
    this.node({
      id: `${dialog.id}/text`,
      role: 'text',
      type: 'Text',
      name: (_s: S, ui: UiView) => String(ui.field('message') ?? ''),
      rect: rect(box.left + 24, box.top + 44, box.right - 24, box.top + 100),
      parent: dialog,
    });
    this.node({
      id: `${dialog.id}/OK`,
      role: 'messageOk',
      type: 'Button',
      name: 'OK',
      rect: rect(box.right - 16 - DIALOG_BUTTON_WIDTH, box.bottom - 40, box.right - 16, box.bottom - 14),
      parent: dialog,
      focusable: true,
    });
    (dialog as MutableNode<S>).parent = root;
    return dialog;
  }
}

/** Rows a dialog field takes. */
function fieldRows<S>(decl: FieldDecl<S>): number {
  if (decl.kind === 'field.radio') return decl.options.length + 1;
  if (decl.kind === 'field.list') return Math.max(2, Math.ceil((decl.height ?? 120) / DIALOG_ROW_HEIGHT));
  return 1;
}

/** The current page of the topmost dialog (stored by the UI state as the `#page` pseudo-field). */
export function pageOf(ui: UiView): number {
  const page = ui.field('#page');
  return typeof page === 'number' ? page : 0;
}
