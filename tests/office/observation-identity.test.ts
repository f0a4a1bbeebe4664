/**
 * The kernel's view caches (node plans, the plan-marked `byId` index, reused observation entries, the canvas
 * cache) must show exactly what a plain walk of the compiled UI shows. Seeded random episodes of Word, Excel and
 * PowerPoint (clicks on any listed control, typing, keys, scrolling, app APIs, refused actions) are played, and
 * after every step the observation, the view's entries and every `byId` answer are compared with a reference
 * written here without any cache: each node's functions evaluated afresh, labels numbered, a map filled in walk
 * order. Views kept from earlier steps must still answer `byId` for their own entries.
 */
import { describe, expect, it } from 'vitest';
import {
  button,
  OfficeEnv,
  type ControlDecl,
  type OfficeAction,
  type OfficeApp,
} from '../../envs/office/index.ts';
import type { UiNode } from '../../envs/office/compile.ts';
import type { View } from '../../envs/office/view.ts';
import { excelApp, makeExcelEnv } from '../../envs/excel/index.ts';
import { makePowerPointEnv, powerPointApp } from '../../envs/powerpoint/index.ts';
import { makeWordEnv, wordApp } from '../../envs/word/index.ts';
import { notepad, type NotepadState } from './fixtures/notepad.ts';
import { act, mulberry32 } from '../support/seeded-actions.ts';

const KEYS = ['{LEFT}', '+{RIGHT}', '{DOWN}', '^{HOME}', '{ENTER}', '{BACKSPACE}', '^b', '^z', '^y', '{ESC}'];
const MORE_KEYS = ['{TAB}', '%', 'ab ', '=1+2{ENTER}', '{F2}'];
const TEXTS = ['hello ', '12', 'Arial', 'DRAFT', '2', '=SUM(A1:A3)'];

interface RefEntry {
  id: string;
  label: string;
  text: string;
  type: string;
  enabled: boolean;
  selected: boolean | null;
  expanded: boolean | null;
  rect: unknown;
  parent: number;
}

/** The visible tree as a plain walk of the compiled UI sees it: no plans, no caches. */
function referenceEntries<S>(env: OfficeEnv<S>): RefEntry[] {
  const session = env.session;
  const { compiled, state, ui, uiView, commands } = session;
  const entries: RefEntry[] = [];
  let listed = 0;
  const walk = (node: UiNode<S>, parent: number, parentEnabled: boolean): void => {
    if (node.visible !== null && !node.visible(state, uiView)) return;
    let index = parent;
    let enabled = parentEnabled;
    if (!node.transparent) {
      const text = typeof node.name === 'string' ? node.name : node.name(state, uiView);
      if (enabled) {
        const own = node.enabled;
        enabled = typeof own === 'function' ? own(state, uiView) : own !== false;
      }
      if (enabled && node.command !== undefined) {
        const id = typeof node.command === 'string' ? node.command : node.command.command;
        if (id === 'undo') enabled = uiView.canUndo;
        else if (id === 'redo') enabled = uiView.canRedo;
        else {
          const decl = commands[id];
          if (decl?.enabled !== undefined) enabled = decl.enabled(state, uiView);
        }
      }
      index = entries.length;
      entries.push({
        id: node.id,
        label: node.listed ? String(++listed) : '',
        text,
        type: node.type,
        enabled,
        selected: node.selected === null ? null : node.selected(state, uiView),
        expanded: node.expandable ? uiView.isOpen(node.id) : null,
        rect: node.rect,
        parent,
      });
    }
    for (const child of node.children) walk(child, index, enabled);
    if (node.dynamic !== null) for (const child of node.dynamic(state, uiView)) walk(child, index, enabled);
  };
  const root = compiled.root;
  entries.push({
    id: root.id,
    label: '',
    text: typeof root.name === 'string' ? root.name : root.name(state, uiView),
    type: root.type,
    enabled: true,
    selected: null,
    expanded: null,
    rect: root.rect,
    parent: -1,
  });
  for (let i = ui.dialogs.length - 1; i >= 0; i--) {
    const id = ui.dialogs[i]!.id;
    const node = id === '#message' ? compiled.messageBox : compiled.dialogs.get(id);
    if (node) walk(node, 0, true);
  }
  for (const node of compiled.mainChildren) walk(node, 0, true);
  return entries;
}

/** Ids whose `view.byId` answer differs from a map filled in walk order (checked with plain code: it runs a lot). */
function indexMismatches<S>(view: View<S>, ids: Iterable<string>): string[] {
  const map = new Map<string, number>();
  view.entries.forEach((e, i) => map.set(e.node.id, i));
  const wrong: string[] = [];
  for (const id of ids) {
    const at = map.get(id);
    const want = at === undefined ? undefined : view.entries[at];
    if (view.byId.get(id) !== want || view.byId.has(id) !== (at !== undefined)) wrong.push(id);
  }
  return wrong;
}

const plainEntry = (e: {
  label: string;
  text: string;
  type: string;
  enabled: boolean;
  selected: boolean | null;
  expanded: boolean | null;
  rect: unknown;
  parent: number;
}) => [e.label, e.text, e.type, e.enabled, e.selected, e.expanded, e.rect, e.parent];

function playAndCompare<S>(env: OfficeEnv<S>, app: OfficeApp<S>, seed: number, steps: number): number {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const apis = Object.entries(app.apis ?? {});
  let [obs] = env.reset({ seed });
  const compiledIds = [...env.session.compiled.byId.keys()];
  let previous: View<S> | null = null;
  let refused = 0;
  for (let step = 0; step < steps; step++) {
    const view = env.view();
    const ref = referenceEntries(env);
    // The observation and the view against the plain walk.
    expect(JSON.stringify(view.entries.map((e) => [e.node.id, ...plainEntry(e)]))).toBe(
      JSON.stringify(ref.map((r) => [r.id, ...plainEntry(r)])),
    );
    const refControls = ref
      .filter((r) => r.label !== '')
      .map((r) => ({
        label: r.label,
        control_text: r.text,
        control_type: r.type,
        selected: r.selected,
        rect: r.rect,
      }));
    expect(JSON.stringify(obs.controls)).toBe(JSON.stringify(refControls));
    expect(obs.window).toBe(ref[0]!.text);
    expect(JSON.stringify(obs.canvas)).toBe(JSON.stringify(app.canvas(env.state)));
    expect(indexMismatches(view, [...ref.map((r) => r.id), ...compiledIds, 'no such control'])).toEqual([]);
    // A view from an earlier step still answers for its own entries after later walks.
    if (previous !== null && previous !== view)
      expect(
        indexMismatches(
          previous,
          previous.entries.map((e) => e.node.id),
        ),
      ).toEqual([]);
    previous = view;

    let action: OfficeAction;
    const r = rand();
    if (apis.length > 0 && r < 0.08) {
      const [name, api] = pick(apis);
      action = act(name, '', '', api.sample?.(env.npRandom, env.state) ?? {});
    } else {
      // Mostly the active window's controls; sometimes any listed one, which a dialog may refuse.
      const pool = rand() < 0.9 ? view.listed.filter((e) => e.node.scope === view.activeScope) : view.listed;
      const entry = pool.length > 0 ? pick(pool) : null;
      const k = rand();
      if (entry === null) action = act('keyboard_input', '', '', { keys: '{ESC}' });
      else if (entry.type === 'Document' || entry.type === 'Edit' || entry.type === 'ComboBox') {
        if (k < 0.4) action = act('keyboard_input', entry.label, entry.text, { keys: pick(KEYS) });
        else if (k < 0.5) action = act('keyboard_input', entry.label, entry.text, { keys: pick(MORE_KEYS) });
        else if (k < 0.8) action = act('set_edit_text', entry.label, entry.text, { text: pick(TEXTS) });
        else action = act('click_input', entry.label, entry.text, { button: 'left', double: rand() < 0.3 });
      } else if (k < 0.05) action = act('wheel_mouse_input', entry.label, entry.text, { wheel_dist: -3 });
      else if (k < 0.08) action = act('click_on_coordinates', '', '', { x: rand(), y: rand() });
      else if (k < 0.1) action = act('click_input', String(view.listed.length + 5), '', {});
      else action = act('click_input', entry.label, entry.text, { button: 'left', double: false });
    }
    const [next, , terminated, truncated, info] = env.step(action);
    if (info.error !== undefined) refused++;
    obs = next;
    if (terminated || truncated) [obs] = env.reset();
  }
  return refused;
}

describe('cached observations equal a plain walk of the UI', () => {
  it('Word', () => {
    const refused = playAndCompare(makeWordEnv({ maxSteps: 60 }), wordApp, 21, 400);
    // The label past the end of the list is refused at least.
    expect(refused).toBeGreaterThan(0);
  });

  it('Excel', () => {
    const refused = playAndCompare(makeExcelEnv({ maxSteps: 60 }), excelApp, 22, 150);
    expect(refused).toBeGreaterThan(0);
  });

  it('PowerPoint', () => {
    const refused = playAndCompare(makePowerPointEnv({ maxSteps: 60 }), powerPointApp, 23, 400);
    expect(refused).toBeGreaterThan(0);
  });

  it('two sessions of one app walking in turn keep their own views exact', () => {
    const a = makeExcelEnv({ maxSteps: 1000 });
    const b = makeExcelEnv({ maxSteps: 1000 });
    a.reset({ seed: 1 });
    b.reset({ seed: 2 });
    const rand = mulberry32(5);
    for (let i = 0; i < 40; i++) {
      for (const env of [a, b]) {
        const view = env.view();
        const cells = view.listed.filter((e) => e.type === 'DataItem' || e.type === 'TabItem');
        const entry = cells[Math.floor(rand() * cells.length)]!;
        env.step(act('click_input', entry.label, entry.text, { button: 'left', double: false }));
      }
      for (const env of [a, b]) {
        const view = env.view();
        expect(
          indexMismatches(view, [...view.entries.map((e) => e.node.id), ...env.session.compiled.byId.keys()]),
        ).toEqual([]);
        expect(env.observe().controls).toEqual(
          referenceEntries(env)
            .filter((r) => r.label !== '')
            .map((r) => ({
              label: r.label,
              control_text: r.text,
              control_type: r.type,
              selected: r.selected,
              rect: r.rect,
            })),
        );
      }
    }
  });

  it("a computed control with a compiled control's id: byId answers as a map filled in walk order", () => {
    // `vscroll` under the document is also the id of the compiled scroll bar: the later entry (the bar) wins.
    const twins: ControlDecl<NotepadState>[] = [button({ name: 'Twin', id: 'vscroll', command: 'clear' })];
    const app: OfficeApp<NotepadState> = {
      ...notepad,
      ui: { ...notepad.ui, document: { ...notepad.ui.document, children: () => twins } },
    };
    const env = new OfficeEnv(app, { request: 'twins' });
    env.reset({ seed: 1 });
    const view = env.view();
    const both = view.entries.filter((e) => e.node.id === 'document/vscroll');
    expect(both.map((e) => e.text)).toEqual(['Twin', 'Vertical Scroll Bar']);
    expect(view.byId.get('document/vscroll')).toBe(both[1]);
    expect(
      indexMismatches(view, [...view.entries.map((e) => e.node.id), ...env.session.compiled.byId.keys()]),
    ).toEqual([]);
    expect(JSON.stringify(env.observe().controls)).toBe(
      JSON.stringify(
        referenceEntries(env)
          .filter((r) => r.label !== '')
          .map((r) => ({
            label: r.label,
            control_text: r.text,
            control_type: r.type,
            selected: r.selected,
            rect: r.rect,
          })),
      ),
    );
  });
});
