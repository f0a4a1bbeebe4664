/**
 * The rest of the kernel's UI vocabulary through the rich fixture: backstage, split buttons, galleries,
 * submenus and menu keyboard navigation, contextual tabs, side panes, context menus, tabbed dialogs, list fields.
 */
import { describe, expect, it } from 'vitest';
import { OfficeEnv, makeAction, type OfficeObservation } from '../../envs/office/index.ts';
import { button } from '../../envs/office/index.ts';
import { rich, type RichState } from './fixtures/rich.ts';

function richDriver(template = '# Intro\ntext\n# End') {
  const env = new OfficeEnv<RichState>(rich);
  let obs: OfficeObservation = env.reset({ seed: 1, options: { template } })[0];
  const find = (name: string, type?: string, nth = 0) => {
    const found = obs.controls.filter(
      (c) => c.control_text === name && (type === undefined || c.control_type === type),
    );
    if (found[nth] === undefined)
      throw new Error(`no control #${nth} named '${name}' (${type ?? 'any type'})`);
    return found[nth];
  };
  const act = (
    fn: string,
    target: string | [string, string?, number?] | null,
    args: Record<string, unknown> = {},
  ) => {
    const label =
      target === null
        ? ''
        : Array.isArray(target)
          ? find(target[0], target[1], target[2]).label
          : find(target).label;
    const result = env.step(makeAction({ function: fn, control_label: label, args }));
    obs = result[0];
    return result[4];
  };
  const names = () => obs.controls.map((c) => c.control_text);
  const canvas = () => obs.canvas as Record<string, unknown>;
  return { env, act, find, names, canvas, obs: () => obs };
}

describe('rich UI', () => {
  it('split button: the main part runs the command, the arrow opens its menu', () => {
    const d = richDriver();
    d.act('click_input', 'Format');
    const [main, arrow] = d.obs().controls.filter((c) => c.control_text === 'Underline');
    expect(main!.selected).toBe(false);
    expect(arrow!.selected).toBeNull();
    d.act('click_input', ['Underline', 'Button', 0]);
    expect(d.canvas().underline).toBe('single');
    expect(d.find('Underline', 'Button', 0).selected).toBe(true);
    expect(d.names()).not.toContain('Double');
    d.act('click_input', ['Underline', 'Button', 1]);
    expect(d.find('Double').control_type).toBe('MenuItem');
    d.act('click_input', 'Double');
    expect(d.canvas().underline).toBe('double');
    expect(d.names()).not.toContain('Double');
  });

  it('gallery: inline items, the More popup with every item, and the selected one', () => {
    const d = richDriver();
    d.act('click_input', 'Format');
    expect(
      d.names().filter((n) => ['Normal', 'Heading 1', 'Heading 2', 'Title', 'Quote'].includes(n)),
    ).toEqual(['Normal', 'Heading 1', 'Heading 2']);
    d.act('click_input', 'More');
    expect(d.names()).toContain('Quote');
    d.act('click_input', 'Quote');
    expect(d.canvas().style).toBe('Quote');
    expect(d.names()).not.toContain('Quote');
    d.act('click_input', 'Heading 1');
    expect(d.canvas().style).toBe('Heading 1');
    expect(d.find('Heading 1').selected).toBe(true);
  });

  it('submenus open by click and by the keyboard (Down, Right, Enter)', () => {
    const d = richDriver();
    d.act('click_input', 'Format');
    d.act('click_input', 'Change Case');
    expect(d.names()).not.toContain('UPPERCASE');
    d.act('click_input', 'More Cases');
    d.act('click_input', 'UPPERCASE');
    expect(d.canvas().case).toBe('upper');
    expect(d.names()).not.toContain('More Cases');
    d.act('click_input', 'Change Case');
    d.act('keyboard_input', null, { keys: '{DOWN}{DOWN}{RIGHT}{DOWN}{DOWN}{ENTER}' });
    expect(d.canvas().case).toBe('lower');
    expect(d.names()).not.toContain('lowercase');
  });

  it('a contextual tab shows while its condition holds, and the ribbon falls back when it goes', () => {
    const d = richDriver('plain');
    expect(d.names()).not.toContain('Table Tools');
    d.act('set_edit_text', 'Text Editor', { text: 'a | b', clear_current_text: true });
    d.act('click_input', 'Table Tools');
    expect(d.names()).toContain('Insert Row');
    d.act('set_edit_text', 'Text Editor', { text: 'no table', clear_current_text: true });
    expect(d.names()).not.toContain('Table Tools');
    expect(d.find('Home').selected).toBe(true);
    expect(d.names()).toContain('Bold');
  });

  it('a side pane lists computed items; disabled buttons refuse clicks', () => {
    const d = richDriver();
    d.act('click_input', 'Format');
    expect(d.names()).not.toContain('Intro');
    d.act('click_input', 'Show Navigation');
    expect(d.names().slice(-2)).toEqual(['Intro', 'End']);
    expect(d.act('click_input', 'End').result).toEqual({ heading: 'End' });
    expect(d.act('click_input', 'Show Navigation').error).toMatch(
      /'Show Navigation' \(Button, label \d+\) is disabled/,
    );
    const pane = d.find('Intro');
    expect(pane.rect.left).toBeGreaterThanOrEqual(0);
    expect(pane.rect.right).toBeLessThanOrEqual(d.find('Text Editor').rect.left);
  });

  it('right-clicking the document opens its context menu', () => {
    const d = richDriver();
    d.act('click_input', 'Text Editor', { button: 'right' });
    expect(d.find('Select All').control_type).toBe('MenuItem');
    expect(d.act('click_input', 'Select All').result).toBe('selected all');
    expect(d.names()).not.toContain('Select All');
    d.act('click_input', 'Text Editor', { button: 'right' });
    d.act('click_input', 'Font...');
    expect(d.env.session.topDialog?.id).toBe('font');
  });

  it('Shift+F10 and the Menu key ({VK_APPS}) open the document menu from the keyboard; other F10 chords do not', () => {
    for (const keys of ['+{F10}', '{VK_APPS}']) {
      const d = richDriver();
      d.act('keyboard_input', 'Text Editor', { keys });
      expect(d.find('Select All').control_type).toBe('MenuItem');
      d.act('keyboard_input', null, { keys: '{ESC}' });
      expect(d.names()).not.toContain('Select All');
    }
    const d = richDriver();
    d.act('keyboard_input', 'Text Editor', { keys: '^{F10}' });
    expect(d.names()).not.toContain('Select All');
  });

  it('a control naming a context menu opens it on right-click, after its right-click command', () => {
    const d = richDriver();
    d.act('click_input', 'Format');
    d.act('click_input', 'Show Navigation');
    expect(d.names()).not.toContain('Delete Heading');
    d.act('click_input', 'End', { button: 'right' });
    const item = d.find('Delete Heading', 'MenuItem');
    // The menu opens where the app placed it, over the pane.
    expect([item.rect.left, item.rect.top]).toEqual([28, 604]);
    expect(d.find('Intro').control_type).toBe('ListItem');
    d.act('click_input', 'Delete Heading');
    expect(d.names()).not.toContain('Delete Heading');
    expect(d.env.session.state.text).toBe('# Intro\ntext');
    expect(d.names().slice(-1)).toEqual(['Intro']);
    // Escape closes it and changes nothing; a left click never opens it.
    d.act('click_input', 'Intro', { button: 'right' });
    d.act('keyboard_input', null, { keys: '{ESC}' });
    expect(d.names()).not.toContain('Delete Heading');
    d.act('click_input', 'Intro');
    expect(d.names()).not.toContain('Delete Heading');
    expect(d.env.session.state.text).toBe('# Intro\ntext');
  });

  it('a menu item whose command is disabled refuses, and undo restores what a context command deleted', () => {
    const d = richDriver();
    d.act('click_input', 'Format');
    d.act('click_input', 'Show Navigation');
    d.act('click_input', 'Intro', { button: 'right' });
    d.act('click_input', 'Delete Heading');
    expect(d.env.session.state.text).toBe('text\n# End');
    d.act('keyboard_input', null, { keys: '^z' });
    expect(d.env.session.state.text).toBe('# Intro\ntext\n# End');
  });

  it('a control naming an undeclared context menu is an error in the app, named at compile time', () => {
    const broken = {
      ...rich,
      ui: {
        ...rich.ui,
        titleBar: {
          quickAccess: [button<RichState>({ name: 'Odd', command: 'selectAll', contextMenu: 'nowhere' })],
        },
      },
    };
    expect(() => new OfficeEnv<RichState>(broken).reset({ seed: 1 })).toThrow(
      /control 'titlebar\/.*' names the context menu 'nowhere', which the UI does not declare/,
    );
  });

  it('tabbed dialog: pages switch by click and Ctrl+Tab; a list item double-click presses OK', () => {
    const d = richDriver();
    d.act('keyboard_input', null, { keys: '^d' });
    expect(d.names().slice(0, 11)).toEqual([
      'Close',
      'Font',
      'Advanced',
      'Font:',
      'Font:',
      'Size:',
      'Size:',
      'Up',
      'Down',
      'OK',
      'Cancel',
    ]);
    expect(d.find('Font', 'TabItem').selected).toBe(true);
    d.act('set_edit_text', ['Size:', 'Edit'], { text: '14' });
    d.act('keyboard_input', null, { keys: '^{TAB}' });
    expect(d.find('Advanced').selected).toBe(true);
    expect(d.names()).not.toContain('Size:');
    d.act('click_input', 'Font', { button: 'left' });
    expect(d.find('Size:', 'Edit')).toBeDefined();
    d.act('click_input', 'Advanced');
    d.act('click_input', 'Expanded', { double: true });
    expect(d.env.session.topDialog).toBeNull();
    expect(d.canvas()).toMatchObject({ spacing: 'Expanded', format: { size: 14 } });
  });

  it('an invalid editable-combo value in a dialog shows a message box and focuses the field again', () => {
    const d = richDriver();
    d.act('keyboard_input', null, { keys: '^d' });
    d.act('set_edit_text', ['Font:', 'Edit'], { text: 'Comic' });
    d.act('click_input', 'Advanced');
    const info = d.act('click_input', 'OK');
    expect(info.result).toEqual({ message_box: 'This is not a valid font.' });
    d.act('click_input', 'OK');
    expect(d.env.session.topDialog?.id).toBe('font');
    expect(d.find('Font', 'TabItem').selected).toBe(true);
    expect(d.env.session.focusId).toBe('dialog/font/font');
    d.act('click_input', ['Font:', 'ComboBox']);
    d.act('click_input', 'Arial');
    d.act('keyboard_input', null, { keys: '{ENTER}' });
    expect(d.canvas()).toMatchObject({ format: { font: 'Arial' } });
  });

  it('backstage: content pages, dialog pages, command pages, Back and Escape', () => {
    const d = richDriver();
    d.act('click_input', 'File Tab');
    expect(d.names()).toEqual([
      'Undo',
      'Redo',
      'Search',
      'Minimize',
      'Restore Down',
      'Close',
      'Back',
      'Info',
      'Save As',
      'Close',
      'Protect Document',
    ]);
    expect(d.find('Info').selected).toBe(true);
    d.act('click_input', 'Protect Document');
    expect(d.find('OK').control_type).toBe('Button');
    d.act('keyboard_input', null, { keys: '{ENTER}' });
    d.act('click_input', 'Save As');
    d.act('set_edit_text', ['File name:', 'Edit'], { text: '' });
    expect(d.act('click_input', 'Save').result).toEqual({ message_box: 'Please enter a file name.' });
    d.act('keyboard_input', null, { keys: '{ENTER}' });
    d.act('set_edit_text', ['File name:', 'Edit'], { text: 'report.txt' });
    d.act('keyboard_input', null, { keys: '{ENTER}' });
    expect(d.canvas().title).toBe('report.txt');
    expect(d.obs().window).toBe('report.txt - Notepad');
    expect(d.names()).toContain('Bold');
    d.act('click_input', 'File Tab');
    d.act('keyboard_input', null, { keys: '{ESC}' });
    expect(d.names()).toContain('Bold');
    d.act('click_input', 'File Tab');
    d.act('click_input', 'Back');
    expect(d.names()).toContain('Bold');
    d.act('click_input', 'File Tab');
    d.act('click_input', ['Close', 'ListItem']);
    expect(d.canvas().closed).toBe(true);
  });
});

describe('computed lists', () => {
  it('keep repeated names apart', () => {
    const d = richDriver('# Intro\n# Intro\n# End');
    d.act('click_input', 'Format');
    d.act('click_input', 'Show Navigation');
    const intros = d.obs().controls.filter((c) => c.control_text === 'Intro');
    expect(intros).toHaveLength(2);
    const ids = d.env
      .view()
      .listed.filter((e) => e.text === 'Intro')
      .map((e) => e.node.id);
    expect(new Set(ids).size).toBe(2);
    d.env.session.setFocus(ids[1]!);
    expect(d.env.session.ui.focus).toBe(ids[1]);
    expect(d.act('keyboard_input', null, { keys: '{ENTER}' }).result).toEqual({ heading: 'Intro' });
  });
});
