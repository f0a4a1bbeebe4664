/**
 * Memo'd subtrees (`GroupDecl.memo`, `cluster` in document children): while the key, the kernel-tracked UI and the
 * subtree's place hold, the view reuses the subtree's entries without calling its functions; otherwise it
 * evaluates them. The observation must be what a full evaluation shows (observation-identity.test.ts checks that
 * for the apps' real keys on random episodes; these tests pin the reuse rules themselves).
 */
import { describe, expect, it } from 'vitest';
import {
  button,
  cluster,
  dropDown,
  group,
  makeAction,
  menuItem,
  OfficeEnv,
  rect,
  tab,
  toggle,
  type ClusterDecl,
  type ControlDecl,
  type OfficeApp,
  type OfficeObservation,
  type UiView,
} from '../../envs/office/index.ts';
import { notepad, type NotepadState } from './fixtures/notepad.ts';

/** Calls of the memo'd subtrees' functions, by control name. */
const calls = new Map<string, number>();
const counted =
  <T>(name: string, fn: (s: NotepadState, ui: UiView) => T) =>
  (s: NotepadState, ui: UiView): T => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return fn(s, ui);
  };

/**
 * Three "cells" per row in two rows, clustered by row, keyed on whether the text mentions the row; `onRowKey` hears
 * each row key asked for.
 */
function cells(
  onRowKey: (row: number) => void = () => {},
): readonly (ControlDecl<NotepadState> | ClusterDecl<NotepadState>)[] {
  return [1, 2].map((row) =>
    cluster<NotepadState>({
      id: `row${row}`,
      memo: (s) => {
        onRowKey(row);
        return s.text.includes(`row${row}`);
      },
      controls: [1, 2, 3].map((col) =>
        button<NotepadState>({
          name: `R${row}C${col}`,
          id: `cell${row}${col}`,
          type: 'DataItem',
          command: 'bold',
          toggled: counted(`R${row}C${col}`, (s) => s.text.includes(`row${row}`)),
          rect: rect(100 + col * 60, 300 + row * 20, 160 + col * 60, 320 + row * 20),
        }),
      ),
    }),
  );
}
const cellList = cells();

const memoApp: OfficeApp<NotepadState> = {
  ...notepad,
  name: 'memo-notepad',
  ui: {
    ...notepad.ui,
    ribbon: {
      tabs: [
        tab('Home', [
          group(
            'Font',
            [
              toggle({ name: 'Bold', command: 'bold', toggled: counted('Bold', (s) => s.bold) }),
              toggle({ name: 'Italic', command: 'italic', toggled: counted('Italic', (s) => s.italic) }),
            ],
            { memo: (s) => `${s.bold}|${s.italic}` },
          ),
          group('Insert', [button({ name: 'Time/Date', command: 'insertDate' })]),
          // No function of the app in it: memo'd by the kernel under a constant key, on the UI reads it records.
          group('History', [button({ name: 'Undo Typing', id: 'undoTyping', command: 'undo' })]),
          group(
            'Edit',
            [
              button({ name: 'Clear', command: 'clear', enabled: counted('Clear', (_s, ui) => ui.canUndo) }),
              dropDown({
                name: 'Align',
                menu: {
                  items: [
                    menuItem({ name: 'Align Left', command: { command: 'align', args: { value: 'left' } } }),
                    menuItem({ name: 'Center', command: { command: 'align', args: { value: 'center' } } }),
                  ],
                },
              }),
            ],
            { memo: () => 'constant' },
          ),
        ]),
        tab('View', [group('Show', [button({ name: 'Clear All', command: 'clear' })])]),
      ],
    },
    document: { ...notepad.ui.document, children: () => cellList },
  },
};

function setup() {
  calls.clear();
  const env = new OfficeEnv<NotepadState>(memoApp);
  let obs: OfficeObservation = env.reset({ seed: 1 })[0];
  const label = (name: string) => obs.controls.find((c) => c.control_text === name)!.label;
  const act = (fn: string, name: string | null, args: Record<string, unknown> = {}) => {
    const result = env.step(
      makeAction({ function: fn, control_label: name === null ? '' : label(name), args }),
    );
    obs = result[0];
    return result[4];
  };
  const selected = (name: string) => obs.controls.find((c) => c.control_text === name)?.selected;
  return { env, act, selected, obs: () => obs };
}

describe('memo keys', () => {
  it('reuse a group while its key holds and evaluate it again when the key changes', () => {
    const d = setup();
    // A first change (Undo becomes available; groups that read it are evaluated again).
    d.act('set_edit_text', 'Text Editor', { text: 'first' });
    const before = calls.get('Bold')!;
    // Typing changes the document, not the Font group's key: the group is reused.
    d.act('set_edit_text', 'Text Editor', { text: 'hello' });
    expect(calls.get('Bold')).toBe(before);
    expect(d.selected('Bold')).toBe(false);
    // Bold changes the key: evaluated again, and the observation shows the new state.
    d.act('click_input', 'Bold');
    expect(calls.get('Bold')).toBe(before + 1);
    expect(d.selected('Bold')).toBe(true);
  });

  it('evaluate again when a UI value the subtree read changes, and reuse by place', () => {
    const d = setup();
    const italic = calls.get('Italic')!;
    const clear = calls.get('Clear')!;
    // Another tab: the Font group is not shown; back on Home it sits where it was, with the same key and reads,
    // so its last evaluation is reused.
    d.act('click_input', 'View');
    expect(d.obs().controls.some((c) => c.control_text === 'Italic')).toBe(false);
    d.act('click_input', 'Home');
    expect(calls.get('Italic')).toBe(italic);
    expect(d.selected('Italic')).toBe(false);
    // Undo becoming available: the Edit group read it and is evaluated again; the Font group did not.
    d.act('set_edit_text', 'Text Editor', { text: 'x' });
    expect(calls.get('Clear')).toBe(clear + 1);
    expect(calls.get('Italic')).toBe(italic);
    d.act('set_edit_text', 'Text Editor', { text: 'y' });
    expect(calls.get('Clear')).toBe(clear + 1);
    // The kernel's own reads count too: opening the drop-down (its `expanded`) shows its items.
    expect(d.obs().controls.some((c) => c.control_text === 'Center')).toBe(false);
    d.act('click_input', 'Align');
    expect(d.obs().controls.find((c) => c.control_text === 'Center')?.control_type).toBe('MenuItem');
    d.act('click_input', 'Center');
    expect(d.obs().controls.some((c) => c.control_text === 'Center')).toBe(false);
    expect(d.env.session.state.align).toBe('center');
  });

  it('clusters list their controls as the document children they stand for and re-evaluate only changed rows', () => {
    const d = setup();
    const names = d.obs().controls.map((c) => c.control_text);
    expect(names.filter((n) => /^R\dC\d$/.test(n))).toEqual(['R1C1', 'R1C2', 'R1C3', 'R2C1', 'R2C2', 'R2C3']);
    const tree = d.env.controlStateTree();
    const doc = JSON.stringify(tree).includes('R1C1');
    expect(doc).toBe(true);
    d.act('set_edit_text', 'Text Editor', { text: 'nothing yet' });
    const row1 = calls.get('R1C1')!;
    const row2 = calls.get('R2C1')!;
    d.act('set_edit_text', 'Text Editor', { text: 'row2 only' });
    expect(calls.get('R1C1')).toBe(row1);
    expect(calls.get('R2C1')).toBe(row2 + 1);
    expect(d.selected('R2C3')).toBe(true);
    expect(d.selected('R1C3')).toBe(false);
    // A clustered control keeps the id it would have without the cluster, and byId finds it.
    const entry = d.env.view().byId.get('document/cell23');
    expect(entry?.text).toBe('R2C3');
    // Clicking a clustered cell acts on it like any control.
    d.act('click_input', 'R1C2');
    expect(d.env.session.state.bold).toBe(true);
  });

  it('relabel a subtree that moved without evaluating it again, on the way there and back', () => {
    const d = setup();
    d.act('set_edit_text', 'Text Editor', { text: 'row1' });
    const before = d.obs().controls;
    const cellsBefore = before.filter((c) => /^R\dC\d$/.test(c.control_text));
    const row1 = calls.get('R1C1')!;
    const row2 = calls.get('R2C1')!;
    // The open drop-down lists its items before the document: every cell moves down by two labels.
    d.act('click_input', 'Align');
    const opened = d.obs().controls;
    const cellsOpened = opened.filter((c) => /^R\dC\d$/.test(c.control_text));
    expect(cellsOpened.map((c) => Number(c.label))).toEqual(cellsBefore.map((c) => Number(c.label) + 2));
    expect(cellsOpened.map((c) => [c.control_text, c.selected])).toEqual(
      cellsBefore.map((c) => [c.control_text, c.selected]),
    );
    expect(calls.get('R1C1')).toBe(row1);
    expect(calls.get('R2C1')).toBe(row2);
    // Labels stay the list positions, and the view's entries point at their parents.
    expect(opened.map((c) => c.label)).toEqual(opened.map((_, i) => String(i + 1)));
    const view = d.env.view();
    for (const entry of view.entries.slice(1)) expect(view.entries[entry.parent]).toBeDefined();
    const cell = view.byId.get('document/cell12')!;
    expect(view.listed[Number(cell.label) - 1]).toBe(cell);
    expect(view.entries[cell.parent]!.node.id).toBe('document');
    // Closing it puts the cells back where they were, still without evaluating them.
    d.act('keyboard_input', null, { keys: '{ESC}' });
    expect(d.obs().controls).toEqual(before);
    expect(calls.get('R1C1')).toBe(row1);
  });

  it('byId answers for a reused group come from the view that reused it', () => {
    const d = setup();
    d.act('set_edit_text', 'Text Editor', { text: 'a' });
    d.act('set_edit_text', 'Text Editor', { text: 'b' });
    const view = d.env.view();
    const bold = [...view.entries].find((e) => e.text === 'Bold')!;
    expect(view.byId.get(bold.node.id)).toBe(bold);
    expect(view.listed[Number(bold.label) - 1]).toBe(bold);
  });
});

describe('subtrees without app functions', () => {
  it('follow the UI state they read (here: whether there is anything to undo)', () => {
    const d = setup();
    const undoEnabled = () => d.env.view().byId.get('ribbon/tab/Home/panel/History/undoTyping')?.enabled;
    expect(undoEnabled()).toBe(false);
    d.act('click_input', 'View');
    d.act('click_input', 'Home');
    expect(undoEnabled()).toBe(false);
    d.act('set_edit_text', 'Text Editor', { text: 'hello' });
    expect(undoEnabled()).toBe(true);
    d.act('click_input', 'Undo Typing');
    expect(d.env.session.state.text).toBe('');
    expect(undoEnabled()).toBe(false);
  });
});

describe('nested clusters', () => {
  /** The same rows inside one outer cluster, keyed on whether the text mentions any row; row keys are counted. */
  const rowKeys = new Map<number, number>();
  const rows = cells((row) => rowKeys.set(row, (rowKeys.get(row) ?? 0) + 1));
  const grid = [cluster<NotepadState>({ id: 'grid', memo: (s) => s.text.includes('row'), controls: rows })];
  const nestedApp: OfficeApp<NotepadState> = {
    ...memoApp,
    name: 'nested-memo-notepad',
    ui: { ...memoApp.ui, document: { ...memoApp.ui.document, children: () => grid } },
  };

  it('list the inner controls with their own ids, and check inner keys only when the outer key changed', () => {
    calls.clear();
    rowKeys.clear();
    const flat = new OfficeEnv<NotepadState>(memoApp);
    const env = new OfficeEnv<NotepadState>(nestedApp);
    const [flatObs] = flat.reset({ seed: 1 });
    let [obs] = env.reset({ seed: 1 });
    expect(obs.controls).toEqual(flatObs.controls);
    expect(env.view().byId.get('document/cell23')?.text).toBe('R2C3');
    const type = (text: string) => {
      const label = obs.controls.find((c) => c.control_text === 'Text Editor')!.label;
      obs = env.step(makeAction({ function: 'set_edit_text', control_label: label, args: { text } }))[0];
    };
    type('nothing');
    type('still nothing');
    const keys1 = rowKeys.get(1)!;
    const cells1 = calls.get('R1C1')!;
    // The outer key holds: neither the rows' keys nor their cells are looked at.
    type('nothing again');
    expect(rowKeys.get(1)).toBe(keys1);
    expect(calls.get('R1C1')).toBe(cells1);
    // The outer key changes: each row's key is checked, and only the row whose key changed is evaluated.
    const cells2 = calls.get('R2C1')!;
    type('row2 only');
    expect(rowKeys.get(1)).toBe(keys1 + 1);
    expect(calls.get('R1C1')).toBe(cells1);
    expect(calls.get('R2C1')).toBe(cells2 + 1);
    expect(obs.controls.find((c) => c.control_text === 'R2C3')?.selected).toBe(true);
    expect(obs.controls.find((c) => c.control_text === 'R1C3')?.selected).toBe(false);
  });
});
