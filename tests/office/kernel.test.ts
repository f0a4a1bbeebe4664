/**
 * The Office kernel through the Notepad fixture: what the control list shows, every UFO function, focus and
 * keyboard routing, modal dialogs, undo/redo, and invalid actions that must change nothing.
 */
import { describe, expect, it } from 'vitest';
import { driver } from './helpers.ts';
import { controlStateTree } from '../../envs/office/index.ts';

const names = (d: ReturnType<typeof driver>) => d.obs().controls.map((c) => c.control_text);

describe('control list', () => {
  it('lists only visible CONTROL_LIST controls, labelled 1..n in tree order', () => {
    const d = driver();
    const controls = d.obs().controls;
    expect(controls.map((c) => c.label)).toEqual(controls.map((_, i) => String(i + 1)));
    expect(names(d)).toEqual([
      'Undo',
      'Redo',
      'Search',
      'Minimize',
      'Restore Down',
      'Close',
      'Home',
      'View',
      'Bold',
      'Italic',
      'Font',
      'Font Size',
      'Font Size',
      'Page Setup',
      'Align',
      'Text Editor',
      'Vertical Scroll Bar',
      'Line up',
      'Page up',
      'Page down',
      'Line down',
    ]);
    // Closed drop-downs, the other tab's controls, dialog fields, text labels and check boxes are absent.
    for (const hidden of [
      'Align Left',
      'Center',
      'Arial',
      'Ruler',
      'Time/Date',
      'Header',
      'OK',
      'Portrait',
    ]) {
      expect(d.has(hidden), hidden).toBe(false);
    }
    expect(d.obs().controls.find((c) => c.control_text === 'Home')!.selected).toBe(true);
    expect(d.obs().controls.find((c) => c.control_text === 'View')!.selected).toBe(false);
    expect(d.obs().controls.find((c) => c.control_text === 'Bold')!.selected).toBe(false);
    expect(d.obs().controls.find((c) => c.control_text === 'Align')!.selected).toBeNull();
  });

  it('keeps labels and rectangles stable across resets and unrelated changes', () => {
    const a = driver();
    const b = driver();
    expect(b.obs().controls).toEqual(a.obs().controls);
    const before = a.obs().controls;
    a.act('click_input', 'Bold');
    const after = a.obs().controls;
    expect(after.map((c) => [c.label, c.control_text, c.rect])).toEqual(
      before.map((c) => [c.label, c.control_text, c.rect]),
    );
    expect(after.find((c) => c.control_text === 'Bold')!.selected).toBe(true);
    // Unchanged entries are the same objects from step to step.
    expect(after[0]).toBe(before[0]);
    for (const c of after) {
      expect(c.rect.right).toBeGreaterThan(c.rect.left);
      expect(c.rect.bottom).toBeGreaterThan(c.rect.top);
    }
  });

  it('switching tabs replaces the ribbon controls', () => {
    const d = driver();
    d.act('click_input', 'View');
    expect(d.has('Time/Date', 'Button')).toBe(true);
    expect(d.has('Clear All', 'Button')).toBe(true);
    expect(d.has('Bold')).toBe(false);
    expect(d.obs().controls.find((c) => c.control_text === 'View')!.selected).toBe(true);
  });

  it('opens and closes a drop-down menu; its items show their checked state', () => {
    const d = driver();
    d.act('click_input', 'Align');
    expect(names(d)).toEqual(expect.arrayContaining(['Align Left', 'Center', 'Align Right']));
    const left = d.obs().controls.find((c) => c.control_text === 'Align Left')!;
    expect(left.control_type).toBe('MenuItem');
    expect(left.selected).toBe(true);
    d.act('click_input', 'Center');
    expect(d.canvas().format.align).toBe('center');
    expect(d.has('Center')).toBe(false);
    // Escape closes an open menu without choosing.
    d.act('click_input', 'Align');
    expect(d.has('Center')).toBe(true);
    d.act('keyboard_input', null, { keys: '{ESC}' });
    expect(d.has('Center')).toBe(false);
    expect(d.canvas().format.align).toBe('center');
  });

  it("gives UFO's control-state tree of the visible UI", () => {
    const d = driver();
    const tree = controlStateTree(d.env.view());
    expect(tree.control_type).toBe('Window');
    expect(tree.control_text).toBe('Untitled - Notepad');
    const flat: { control_label: string; control_text: string }[] = [];
    const walk = (n: typeof tree) => {
      flat.push(n);
      n.children.forEach(walk);
    };
    walk(tree);
    expect(flat.filter((n) => n.control_label !== '').map((n) => n.control_text)).toEqual(names(d));
    expect(flat.some((n) => n.control_text === 'Ribbon' && n.control_label === '')).toBe(true);
  });
});

describe('UFO functions', () => {
  it('click_input toggles, double-clicks toggle twice, right and middle clicks on buttons do nothing', () => {
    const d = driver();
    d.act('click_input', 'Bold', { button: 'left', double: false });
    expect(d.canvas().format.bold).toBe(true);
    d.act('click_input', 'Bold', { button: 'left', double: true });
    expect(d.canvas().format.bold).toBe(true);
    const info = d.act('click_input', 'Bold', { button: 'right' });
    expect(info.error).toBeUndefined();
    d.act('click_input', 'Bold', { button: 'middle' });
    expect(d.canvas().format.bold).toBe(true);
  });

  it('click_on_coordinates takes fractions of the window and reaches the control there', () => {
    const d = driver();
    const bold = d.obs().controls.find((c) => c.control_text === 'Bold')!;
    const window = { width: 1920, height: 1040 };
    const x = (bold.rect.left + bold.rect.right) / 2 / window.width;
    const y = (bold.rect.top + bold.rect.bottom) / 2 / window.height;
    const info = d.act('click_on_coordinates', null, { x, y, button: 'left', double: false });
    expect(info.error).toBeUndefined();
    expect(info.result).toEqual({ clicked: bold.label });
    expect(d.canvas().format.bold).toBe(true);
    // Pixels are not fractions.
    const bad = d.act('click_on_coordinates', null, { x: 500, y: 300 });
    expect(bad.error).toMatch(/args\.x/);
    expect(d.canvas().format.bold).toBe(true);
  });

  it('set_edit_text fills the document, dialog edits and editable combo boxes', () => {
    const d = driver();
    d.act('set_edit_text', 'Text Editor', { text: 'Hello world' });
    expect(d.canvas().text).toBe('Hello world');
    d.act('set_edit_text', 'Text Editor', { text: '!', clear_current_text: false });
    expect(d.canvas().text).toBe('Hello world!');
    d.act('set_edit_text', ['Font Size', 'ComboBox'], { text: '14' });
    expect(d.canvas().format.size).toBe(14);
    const info = d.act('set_edit_text', 'Font', { text: 'Arial' });
    expect(info.error).toMatch(/not editable/);
    const onButton = d.act('set_edit_text', 'Bold', { text: 'x' });
    expect(onButton.error).toMatch(/set_edit_text does not apply to 'Bold' \(Button, label \d+\)/);
  });

  it('an invalid combo value shows a message box; the box is modal and Enter closes it', () => {
    const d = driver();
    const info = d.act('set_edit_text', ['Font Size', 'ComboBox'], { text: 'huge' });
    expect(info.error).toBeUndefined();
    expect(info.result).toEqual({ message_box: 'The number must be between 1 and 1638.' });
    expect(d.canvas().format.size).toBe(11);
    expect(d.obs().controls[0]).toMatchObject({ control_text: 'OK', control_type: 'Button' });
    const blocked = d.act('click_input', 'Bold');
    expect(blocked.error).toMatch(/modal dialog 'Notepad' is open/);
    d.act('keyboard_input', null, { keys: '{ENTER}' });
    expect(d.has('OK')).toBe(false);
    d.act('click_input', 'Bold');
    expect(d.canvas().format.bold).toBe(true);
  });

  it('keyboard_input follows pywinauto syntax: ^b, {ENTER}, {TAB 2}, +{RIGHT}, dropped spaces', () => {
    const d = driver();
    d.act('keyboard_input', 'Text Editor', { keys: 'Hello world{ENTER}x' });
    // type_keys drops spaces unless with_spaces is set, as UFO calls it.
    expect(d.canvas().text).toBe('Helloworld\nx');
    d.act('keyboard_input', null, { keys: '^b' });
    expect(d.canvas().format.bold).toBe(true);
    d.act('keyboard_input', null, { keys: '{SPACE}{BACKSPACE 2}' });
    expect(d.canvas().text).toBe('Helloworld\n');
    const shifted = d.act('keyboard_input', null, { keys: '+{RIGHT}' });
    expect(shifted.error).toBeUndefined();
    expect(d.canvas().text).toBe('Helloworld\n');
    d.act('keyboard_input', null, { keys: '%p' });
    expect(d.env.session.topDialog?.id).toBe('pageSetup');
    d.act('keyboard_input', null, { keys: '{TAB 2}' });
    expect(d.env.session.focusId).toBe('dialog/pageSetup/orientation/portrait');
  });

  it('{VK_CONTROL}b types "b" as Windows does, or holds Ctrl with stickyVkModifiers', () => {
    const plain = driver();
    plain.act('keyboard_input', 'Text Editor', { keys: '{VK_CONTROL}b' });
    expect(plain.canvas().text).toBe('b');
    expect(plain.canvas().format.bold).toBe(false);
    const sticky = driver({ stickyVkModifiers: true });
    sticky.act('keyboard_input', 'Text Editor', { keys: '{VK_CONTROL}b' });
    expect(sticky.canvas().text).toBe('');
    expect(sticky.canvas().format.bold).toBe(true);
    const held = driver();
    held.act('keyboard_input', 'Text Editor', { keys: '{VK_CONTROL down}b{VK_CONTROL up}' });
    expect(held.canvas().format.bold).toBe(true);
  });

  it('keyboard_input on a ribbon control focuses it; Enter then presses it', () => {
    const d = driver();
    d.act('keyboard_input', 'Italic', { keys: '{ENTER}' });
    expect(d.canvas().format.italic).toBe(true);
    // Tab from a focused ribbon control moves to the next one.
    d.act('keyboard_input', 'Bold', { keys: '{TAB}{ENTER}' });
    expect(d.canvas().format.italic).toBe(false);
    expect(d.canvas().format.bold).toBe(false);
  });

  it('a ribbon combo box opens its list; choosing an item applies it and closes the list', () => {
    const d = driver();
    d.act('click_input', 'Font');
    const arial = d.obs().controls.find((c) => c.control_text === 'Arial')!;
    expect(arial.control_type).toBe('ListItem');
    expect(d.obs().controls.find((c) => c.control_text === 'Consolas')!.selected).toBe(true);
    d.act('click_input', 'Arial');
    expect(d.canvas().format.font).toBe('Arial');
    expect(d.has('Consolas')).toBe(false);
    // Choosing the current font again changes nothing and adds no undo entry.
    d.act('click_input', 'Font');
    const info = d.act('click_input', 'Arial');
    expect(info.changed).toBe(false);
    expect(d.env.session.history.undoLabels).toEqual(['Font']);
  });

  it('typing into a ribbon combo box applies on Enter and is dropped on Escape', () => {
    const d = driver();
    d.act('keyboard_input', ['Font Size', 'Edit'], { keys: '^a18' });
    expect(d.canvas().format.size).toBe(11);
    expect(d.act('texts', ['Font Size', 'ComboBox']).result).toEqual(['18']);
    d.act('keyboard_input', null, { keys: '{ENTER}' });
    expect(d.canvas().format.size).toBe(18);
    expect(d.env.session.ui.focus).toBe('document');
    d.act('keyboard_input', ['Font Size', 'Edit'], { keys: '^a9{ESC}' });
    expect(d.canvas().format.size).toBe(18);
    expect(d.act('texts', ['Font Size', 'ComboBox']).result).toEqual(['18']);
  });

  it('typing into the ribbon search box stays pending until Enter runs its command', () => {
    const d = driver({}, 'one two one');
    d.act('set_edit_text', 'Search', { text: 'one' });
    const info = d.act('keyboard_input', 'Search', { keys: '{ENTER}', control_focus: false });
    expect(info.result).toEqual({ matches: 2 });
  });

  it('wheel_mouse_input scrolls the document within its extent', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    const d = driver({}, lines);
    d.act('wheel_mouse_input', 'Text Editor', { wheel_dist: -2 });
    expect(d.env.session.ui.scroll).toBe(6);
    d.act('wheel_mouse_input', 'Text Editor', { wheel_dist: -100 });
    expect(d.env.session.ui.scroll).toBe(20);
    d.act('wheel_mouse_input', 'Bold', { wheel_dist: 3 });
    expect(d.env.session.ui.scroll).toBe(20);
    d.act('wheel_mouse_input', 'Vertical Scroll Bar', { wheel_dist: 1 });
    expect(d.env.session.ui.scroll).toBe(17);
    const bad = d.act('wheel_mouse_input', 'Text Editor', { wheel_dist: 1.5 });
    expect(bad.error).toMatch(/args\.wheel_dist/);
  });

  it('texts, summary, annotation and the no-op', () => {
    const d = driver({}, 'first\nsecond');
    expect(d.act('texts', 'Text Editor').result).toEqual(['first', 'second']);
    expect(d.act('texts', 'Bold').result).toEqual(['Bold']);
    expect(d.act('texts', ['Font Size', 'ComboBox']).result).toEqual(['11']);
    const summary = d.act('summary', null, { text: 'Two lines.' });
    expect(summary.result).toBe('Two lines.');
    expect(d.env.answers).toEqual(['Two lines.']);
    const bold = d.label('Bold');
    const annotated = d.act('annotation', null, { control_labels: [bold, Number(d.label('Italic'))] });
    expect(annotated.result).toEqual([
      { label: bold, control_text: 'Bold', control_type: 'Button' },
      { label: d.label('Italic'), control_text: 'Italic', control_type: 'Button' },
    ]);
    expect(d.act('annotation', null, { control_labels: ['999'] }).error).toMatch(
      /no visible control has the label 999/,
    );
    const canvas = JSON.stringify(d.canvas());
    const noop = d.act('', null, {});
    expect(noop.error).toBeUndefined();
    expect(noop.changed).toBe(false);
    expect(JSON.stringify(d.canvas())).toBe(canvas);
  });

  it('app APIs are called with checked arguments', () => {
    const d = driver();
    d.act('set_font', null, { font_name: 'Arial', font_size: 16 });
    expect(d.canvas().format).toMatchObject({ font: 'Arial', size: 16 });
    expect(d.act('set_font', null, { font_size: 'big' }).error).toMatch(
      /bad arguments for set_font: args\.font_size/,
    );
    expect(d.act('set_font', null, { font_name: 'Papyrus' }).error).toBe("set_font: no font named 'Papyrus'");
    expect(d.canvas().format).toMatchObject({ font: 'Arial', size: 16 });
  });
});

describe('modal dialogs', () => {
  const open = () => {
    const d = driver();
    d.act('click_input', 'Page Setup');
    return d;
  };

  it('opening a dialog lists its fields first, focused on the first field', () => {
    const d = open();
    expect(names(d).slice(0, 11)).toEqual([
      'Close',
      'Header',
      'Portrait',
      'Landscape',
      'Margin',
      'Margin',
      'Up',
      'Down',
      'Paper size',
      'OK',
      'Cancel',
    ]);
    expect(d.obs().controls.find((c) => c.control_text === 'Portrait')).toMatchObject({
      control_type: 'RadioButton',
      selected: true,
    });
    expect(d.env.session.focusId).toBe('dialog/pageSetup/header');
    // The main window stays listed and readable, but does not take input.
    expect(d.act('texts', 'Bold').result).toEqual(['Bold']);
    expect(d.act('click_input', 'Bold').error).toMatch(/modal dialog 'Page Setup' is open/);
  });

  it('OK applies every field kind at once; undo reverts the whole dialog', () => {
    const d = open();
    d.act('set_edit_text', ['Header', 'Edit'], { text: 'Report' });
    d.act('click_input', 'Landscape');
    d.act('click_input', 'Up');
    d.act('click_input', 'Paper size');
    d.act('click_input', 'Letter');
    d.act('keyboard_input', ['Header', 'Edit'], { keys: '{TAB}{SPACE}' });
    expect(d.canvas().page).toEqual({
      header: '',
      numbers: false,
      orientation: 'portrait',
      margin: 2,
      paper: 'A4',
    });
    d.act('click_input', 'OK');
    expect(d.has('Header')).toBe(false);
    expect(d.canvas().page).toEqual({
      header: 'Report',
      numbers: true,
      orientation: 'landscape',
      margin: 2.5,
      paper: 'Letter',
    });
    d.act('click_input', 'Undo');
    expect(d.canvas().page).toEqual({
      header: '',
      numbers: false,
      orientation: 'portrait',
      margin: 2,
      paper: 'A4',
    });
  });

  it('Cancel, Escape and the Close button discard the values', () => {
    const closers: ((d: ReturnType<typeof driver>) => unknown)[] = [
      (d) => d.act('click_input', 'Cancel'),
      (d) => d.act('keyboard_input', null, { keys: '{ESC}' }),
      // The dialog's own Close button comes first in the list (the title bar's is further down).
      (d) =>
        d.act('click_input', null, {}, { control_label: d.obs().controls[0]!.label, control_text: 'Close' }),
    ];
    for (const close of closers) {
      const d = open();
      d.act('set_edit_text', ['Header', 'Edit'], { text: 'Report' });
      close(d);
      expect(d.env.session.topDialog).toBeNull();
      expect(d.has('Header')).toBe(false);
      expect(d.canvas().page.header).toBe('');
      expect(d.env.session.history.canUndo).toBe(false);
    }
  });

  it('Enter presses OK from a field; radio arrows move the choice', () => {
    const d = open();
    d.act('keyboard_input', ['Header', 'Edit'], { keys: 'Title' });
    d.act('keyboard_input', 'Portrait', { keys: '{DOWN}' });
    expect(d.obs().controls.find((c) => c.control_text === 'Landscape')!.selected).toBe(true);
    d.act('keyboard_input', null, { keys: '{ENTER}' });
    expect(d.env.session.topDialog).toBeNull();
    expect(d.canvas().page).toMatchObject({ header: 'Title', orientation: 'landscape' });
  });

  it('keyboard inside a dialog: spinner arrows, a combo list that Escape closes first', () => {
    const d = open();
    d.act('keyboard_input', ['Margin', 'Edit'], { keys: '{UP}{UP}{DOWN}' });
    expect(d.env.session.topDialog?.values.margin).toBe('2.5 cm');
    d.act('click_input', 'Paper size');
    expect(d.has('Letter')).toBe(true);
    d.act('keyboard_input', null, { keys: '{ESC}' });
    expect(d.has('Letter')).toBe(false);
    expect(d.env.session.topDialog?.id).toBe('pageSetup');
    d.act('keyboard_input', 'Paper size', { keys: '{DOWN}' });
    expect(d.env.session.topDialog?.values.paper).toBe('A5');
    d.act('keyboard_input', null, { keys: '{ESC}' });
    expect(d.env.session.topDialog).toBeNull();
    expect(d.canvas().page).toMatchObject({ margin: 2, paper: 'A4' });
  });

  it("an out-of-range spinner value shows Office's message and keeps the dialog open", () => {
    const d = open();
    d.act('set_edit_text', ['Margin', 'Edit'], { text: '99' });
    const info = d.act('click_input', 'OK');
    expect(info.result).toEqual({ message_box: 'The entry must be between 0 cm and 10 cm.' });
    expect(d.env.session.topDialog?.id).toBe('#message');
    d.act('keyboard_input', null, { keys: '{ENTER}' });
    expect(d.env.session.topDialog?.id).toBe('pageSetup');
    expect(d.env.session.focusId).toBe('dialog/pageSetup/margin');
    d.act('keyboard_input', null, { keys: '^a3{ENTER}' });
    expect(d.env.session.topDialog).toBeNull();
    expect(d.canvas().page.margin).toBe(3);
  });
});

describe('undo and redo', () => {
  it('merges consecutive typing into one entry; Ctrl+Z / Ctrl+Y and the buttons', () => {
    const d = driver();
    expect(d.act('click_input', 'Undo').error).toMatch(/'Undo' \(Button, label 1\) is disabled/);
    d.act('keyboard_input', 'Text Editor', { keys: 'abc' });
    d.act('keyboard_input', 'Text Editor', { keys: 'def' });
    d.act('click_input', 'Bold');
    d.act('keyboard_input', null, { keys: '^z' });
    expect(d.canvas().format.bold).toBe(false);
    expect(d.canvas().text).toBe('abcdef');
    d.act('keyboard_input', null, { keys: '^z' });
    expect(d.canvas().text).toBe('');
    d.act('click_input', 'Redo');
    expect(d.canvas().text).toBe('abcdef');
    d.act('keyboard_input', null, { keys: '^y' });
    expect(d.canvas().format.bold).toBe(true);
    expect(d.act('click_input', 'Redo').error).toMatch(/disabled/);
  });

  it('a new change clears the redo stack; undo: none changes are not undone', () => {
    const d = driver();
    d.act('click_input', 'Bold');
    d.act('keyboard_input', null, { keys: '^z' });
    d.act('click_input', 'Italic');
    expect(d.env.session.history.canRedo).toBe(false);
    d.act('click_input', 'View');
    d.act('click_input', 'Time/Date');
    expect(d.canvas().text).toBe('10:30 01/02/2026');
    d.act('keyboard_input', null, { keys: '^z' });
    expect(d.canvas().text).toBe('');
    expect(d.canvas().format.italic).toBe(true);
  });
});

describe('invalid actions change nothing and say why', () => {
  const snapshot = (d: ReturnType<typeof driver>) => ({
    canvas: JSON.stringify(d.canvas()),
    controls: JSON.stringify(d.obs().controls),
    ui: JSON.stringify(d.env.session.ui),
    undo: d.env.session.history.undoLabels.join(','),
  });

  const cases: [
    string,
    (d: ReturnType<typeof driver>) => ReturnType<ReturnType<typeof driver>['act']>,
    RegExp,
  ][] = [
    [
      'unknown label',
      (d) => d.act('click_input', null, {}, { control_label: '77' }),
      /no visible control has the label 77: the control list has labels 1 to \d+/,
    ],
    [
      'non-numeric label',
      (d) => d.act('click_input', null, {}, { control_label: 'Bold' }),
      /control_label "Bold" is not a label/,
    ],
    ['missing label', (d) => d.act('click_input', null, {}), /click_input needs a control/],
    [
      'unknown function',
      (d) => d.act('click', 'Bold'),
      /unknown function "click": the available functions are click_input, click_on_coordinates/,
    ],
    [
      'bad button',
      (d) => d.act('click_input', 'Bold', { button: 'top' }),
      /bad arguments for click_input: args\.button/,
    ],
    [
      'unexpected argument',
      (d) => d.act('click_input', 'Bold', { force: true }),
      /click_input\(\) got unexpected argument 'force'/,
    ],
    [
      'bad status',
      (d) => d.act('click_input', 'Bold', {}, { status: 'DONE' as never }),
      /status must be one of CONTINUE, FINISH, FAIL/,
    ],
    [
      'key syntax',
      (d) => d.act('keyboard_input', 'Text Editor', { keys: 'ab{ENTER' }),
      /invalid keys "ab\{ENTER": `\}` not found/,
    ],
    [
      'unknown key',
      (d) => d.act('keyboard_input', 'Text Editor', { keys: '{BOGUS}' }),
      /unknown key code \{BOGUS\}/,
    ],
    [
      'failing command rolls back earlier keys',
      (d) => d.act('keyboard_input', 'Text Editor', { keys: 'abc^+x' }),
      /command 'explode' failed: boom/,
    ],
    [
      'unparsable answer',
      (d) => d.answer('I think I should click Bold.'),
      /cannot read the answer: no JSON object found/,
    ],
    ['args not an object', (d) => d.act('click_input', 'Bold', [] as never), /args must be an object/],
  ];

  for (const [name, run, message] of cases) {
    it(name, () => {
      const d = driver({}, 'keep');
      const before = snapshot(d);
      const info = run(d);
      expect(info.error).toMatch(message);
      expect(d.obs().last_error).toBe(info.error);
      expect(snapshot(d)).toEqual(before);
      expect(d.canvas().text).toBe('keep');
    });
  }

  it('a disabled control refuses the click', () => {
    const d = driver();
    d.act('click_input', 'View');
    const before = snapshot(d);
    const info = d.act('click_input', 'Clear All');
    expect(info.error).toMatch(/'Clear All' \(Button, label \d+\) is disabled/);
    expect(snapshot(d)).toEqual(before);
  });

  it('a label from before a menu closed no longer reaches the hidden item', () => {
    const d = driver();
    d.act('click_input', 'Align');
    const center = d.label('Center');
    d.act('keyboard_input', null, { keys: '{ESC}' });
    const info = d.act('click_input', null, {}, { control_label: center, control_text: 'Center' });
    // The label now belongs to another control (or none): the mismatch is reported.
    if (info.error === undefined)
      expect(info.warnings).toEqual([expect.stringMatching(/control_text "Center" does not match label/)]);
    else expect(info.error).toMatch(/no visible control has the label/);
    expect(d.canvas().format.align).toBe('left');
  });

  it('controlTextCheck: error refuses a mismatched control_text', () => {
    const d = driver({ controlTextCheck: 'error' });
    const info = d.act('click_input', null, {}, { control_label: d.label('Bold'), control_text: 'Italic' });
    expect(info.error).toMatch(/control_text "Italic" does not match label \d+, which is 'Bold'/);
    expect(d.canvas().format.bold).toBe(false);
    const ok = d.act('click_input', null, {}, { control_label: d.label('Bold'), control_text: '  bold ' });
    expect(ok.error).toBeUndefined();
  });
});
