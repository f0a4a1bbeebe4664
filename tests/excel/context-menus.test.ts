/**
 * Right-click menus of the grid's cells and the sheet tabs, the Insert / Delete cell dialogs, sheet commands
 * (Insert, Delete with its confirmation, Hide, Unhide, Move or Copy, Tab Color), Remove Duplicates' column
 * check boxes and Data Validation's "Any value" input message, all driven through env.step with UFO's actions.
 */
import { describe, expect, it } from 'vitest';
import { excelUi } from './ui-driver.ts';

interface Cell {
  value: unknown;
  formula?: string;
  style?: Record<string, unknown>;
}
interface Sheet {
  name: string;
  hidden?: boolean;
  tabColor?: string;
  merges: string[];
  cells: Record<string, Cell>;
  validations: { ranges: string; type: string; prompt?: string; promptTitle?: string }[];
  autoFilter: unknown;
}
interface Book {
  activeSheet: string;
  names: { name: string; refersTo: string }[];
  sheets: Sheet[];
  selection: { sheet: string; active: string; ranges: string[] };
}

const TEMPLATE = {
  sheets: {
    Sales: [
      ['Rep', 'Region', 'Units'],
      ['Ben', 'West', 12],
      ['Ana', 'East', 30],
      ['Chen', 'East', 7],
      [null, null, '=SUM(C2:C4)'],
    ],
    Notes: [['memo', '=Sales!C3']],
    Empty: [],
  },
};

function excel(template: unknown = TEMPLATE) {
  const { env, step, book, visible } = excelUi<Book>(template, 'context menus');
  return {
    env,
    step,
    click: (t: string, type?: string) => step('click_input', t, { button: 'left', double: false }, type),
    right: (t: string, type?: string) => step('click_input', t, { button: 'right', double: false }, type),
    /** The arrow part of a Home > Cells split button (both parts bear the button's name). */
    arrow: (t: string) => step('click_input', t, { button: 'left', double: false }, 'Button', 1),
    keys: (keys: string) => step('keyboard_input', '', { keys }),
    goTo: (ref: string) => step('set_edit_text', 'Name Box', { text: ref }),
    visible,
    book,
    sheet: (name = 'Sales') => book().sheets.find((s) => s.name === name)!,
    value: (addr: string, name = 'Sales') => book().sheets.find((s) => s.name === name)!.cells[addr]?.value,
    names: () => book().sheets.map((s) => s.name),
    dialogValue: (dialog: string, key: string) => env.session.uiView.fieldOf(dialog, key),
  };
}

describe('the cell context menu', () => {
  it('a right-click outside the selection selects the cell; inside, the selection stays', () => {
    const x = excel();
    expect(x.visible('Insert...', 'MenuItem')).toBe(false);
    x.right('C3', 'DataItem');
    expect(x.book().selection).toMatchObject({ active: 'C3', ranges: ['C3'] });
    for (const item of [
      'Cut',
      'Copy',
      'Paste',
      'Insert...',
      'Delete...',
      'Clear Contents',
      'Format Cells...',
    ])
      expect(x.visible(item, 'MenuItem'), item).toBe(true);
    expect(x.visible('Define Name...', 'MenuItem')).toBe(true);
    x.keys('{ESC}');
    expect(x.visible('Insert...', 'MenuItem')).toBe(false);
    x.goTo('A2:B4');
    x.right('B3', 'DataItem');
    expect(x.book().selection).toMatchObject({ active: 'A2', ranges: ['A2:B4'] });
    // Clear Contents from the menu acts on the kept selection.
    x.click('Clear Contents', 'MenuItem');
    expect(x.value('A3')).toBeUndefined();
    expect(x.value('B4')).toBeUndefined();
    expect(x.value('C3')).toBe(30);
  });

  it('a right-click while typing commits the entry first; Sort, Filter, Format Cells and Define Name work', () => {
    const x = excel({ sheets: { Sales: TEMPLATE.sheets.Sales.slice(0, 4) } });
    x.click('A8', 'DataItem');
    x.keys('Dana');
    x.right('C3', 'DataItem');
    expect(x.value('A8')).toBe('Dana');
    x.click('Sort', 'MenuItem');
    x.click('Sort Z to A', 'MenuItem');
    expect([2, 3, 4].map((r) => x.value(`C${r}`))).toEqual([30, 12, 7]);
    x.right('B3', 'DataItem');
    x.click('Filter', 'MenuItem');
    x.click('Filter by Selected Cell\u2019s Value', 'MenuItem');
    expect(x.sheet().autoFilter).toEqual({
      range: 'A1:C4',
      criteria: { B: { type: 'values', values: ['West'] } },
    });
    x.right('C2', 'DataItem');
    x.click('Format Cells...', 'MenuItem');
    expect(x.visible('Category:', 'List') || x.visible('Decimal places:')).toBe(true);
    x.click('Cancel');
    x.right('C2', 'DataItem');
    x.click('Define Name...', 'MenuItem');
    x.step('set_edit_text', 'Name:', { text: 'Top' });
    x.click('OK');
    expect(x.book().names).toEqual([expect.objectContaining({ name: 'Top', refersTo: '=Sales!$C$2' })]);
  });

  it('Insert... shifts the cells of the selected columns down, and formulas follow them', () => {
    const x = excel();
    x.goTo('B2:C2');
    x.right('C2', 'DataItem');
    x.click('Insert...', 'MenuItem');
    expect(x.visible('Shift cells down', 'RadioButton')).toBe(true);
    expect(x.dialogValue('insertCells', 'shift')).toBe('down');
    x.click('OK');
    // B2:C2 are blank now; column A did not move.
    expect(x.value('B2')).toBeUndefined();
    expect(x.value('C3')).toBe(12);
    expect(x.value('C4')).toBe(30);
    expect(x.value('A2')).toBe('Ben');
    expect(x.value('A3')).toBe('Ana');
    expect(x.sheet().cells.C6?.formula).toBe('=SUM(C3:C5)');
    expect(x.value('C6')).toBe(49);
    // A reference on another sheet to a moved cell follows it.
    expect(x.sheet('Notes').cells.B1?.formula).toBe('=Sales!C4');
  });

  it('Insert... > Shift cells right moves only the selected rows', () => {
    const x = excel();
    x.right('A3', 'DataItem');
    x.click('Insert...', 'MenuItem');
    x.click('Shift cells right', 'RadioButton');
    x.click('OK');
    expect(x.value('A3')).toBeUndefined();
    expect(x.value('B3')).toBe('Ana');
    expect(x.value('D3')).toBe(30);
    expect(x.value('C2')).toBe(12);
    expect(x.sheet('Notes').cells.B1?.formula).toBe('=Sales!D3');
  });

  it('Delete... > Shift cells up closes the gap; a reference to a deleted cell becomes #REF!', () => {
    const x = excel();
    x.right('C3', 'DataItem');
    x.click('Delete...', 'MenuItem');
    expect(x.dialogValue('deleteCells', 'shift')).toBe('up');
    x.click('OK');
    expect(x.value('C3')).toBe(7);
    expect(x.value('B3')).toBe('East');
    expect(x.sheet().cells.C4?.formula).toBe('=SUM(C2:C3)');
    expect(x.value('C4')).toBe(19);
    expect(x.sheet('Notes').cells.B1?.formula).toBe('=Sales!#REF!');
  });

  it('Delete... > Entire row and Shift cells left', () => {
    const x = excel();
    x.right('B3', 'DataItem');
    x.click('Delete...', 'MenuItem');
    x.click('Entire row', 'RadioButton');
    x.click('OK');
    expect(x.value('A3')).toBe('Chen');
    x.right('A2', 'DataItem');
    x.click('Delete...', 'MenuItem');
    x.click('Shift cells left', 'RadioButton');
    x.click('OK');
    expect(x.value('A2')).toBe('West');
    expect(x.value('B2')).toBe(12);
    expect(x.value('A3')).toBe('Chen');
  });

  it('shifting through a merged range is refused and changes nothing; Cancel changes nothing', () => {
    const x = excel({
      sheets: {
        S: [
          ['a', 'b', 'c'],
          [1, null, 3],
        ],
      },
    });
    x.goTo('A2:B2');
    x.click('Merge & Center');
    expect(x.sheet('S').merges).toEqual(['A2:B2']);
    const content = () => JSON.stringify(x.book().sheets.map((sh) => [sh.cells, sh.merges]));
    const before = content();
    // Shifting column B up from B1 would cut the merged A2:B2.
    x.right('B1', 'DataItem');
    x.click('Delete...', 'MenuItem');
    expect(x.click('OK').result).toEqual({ message_box: 'We can\u2019t do that to a merged cell.' });
    x.click('OK');
    expect(content()).toBe(before);
    x.right('B1', 'DataItem');
    x.click('Insert...', 'MenuItem');
    x.click('Cancel');
    expect(content()).toBe(before);
  });

  it('Home > Insert > Insert Cells... opens the same dialog; undo restores the cells', () => {
    const x = excel();
    x.click('A2', 'DataItem');
    const before = JSON.stringify(x.sheet().cells);
    x.arrow('Insert');
    x.click('Insert Cells...', 'MenuItem');
    x.click('OK');
    expect(x.value('A3')).toBe('Ben');
    x.keys('^z');
    expect(JSON.stringify(x.sheet().cells)).toBe(before);
  });
});

describe('the sheet tab menu', () => {
  it('a right-click on a tab activates its sheet; Rename starts renaming it', () => {
    const x = excel();
    x.right('Notes', 'TabItem');
    expect(x.book().activeSheet).toBe('Notes');
    for (const item of ['Insert...', 'Delete', 'Rename', 'Move or Copy...', 'Tab Color', 'Hide', 'Unhide...'])
      expect(x.visible(item, 'MenuItem'), item).toBe(true);
    x.click('Rename', 'MenuItem');
    x.keys('Memo{ENTER}');
    expect(x.names()).toEqual(['Sales', 'Memo', 'Empty']);
  });

  it('Delete asks first on a sheet with data: Cancel keeps it, Delete removes it and formulas show #REF!', () => {
    const x = excel();
    x.right('Sales', 'TabItem');
    x.click('Delete', 'MenuItem');
    expect(x.visible('Delete', 'Button')).toBe(true);
    expect(x.visible('Cancel', 'Button')).toBe(true);
    x.click('Cancel');
    expect(x.names()).toEqual(['Sales', 'Notes', 'Empty']);
    x.right('Sales', 'TabItem');
    x.click('Delete', 'MenuItem');
    x.click('Delete', 'Button');
    expect(x.names()).toEqual(['Notes', 'Empty']);
    expect(x.book().activeSheet).toBe('Notes');
    expect(x.sheet('Notes').cells.B1?.formula).toBe('=#REF!');
    // An empty sheet goes without a question.
    x.right('Empty', 'TabItem');
    x.click('Delete', 'MenuItem');
    expect(x.names()).toEqual(['Notes']);
  });

  it('the last visible sheet can be neither deleted nor hidden: a message, and nothing changes', () => {
    const x = excel({ sheets: { Only: [['x']] } });
    const before = JSON.stringify(x.book().sheets);
    x.right('Only', 'TabItem');
    const out = x.click('Delete', 'MenuItem');
    expect(out.result).toEqual({ message_box: expect.stringMatching(/at least one visible worksheet/) });
    x.click('OK');
    x.right('Only', 'TabItem');
    expect(x.click('Hide', 'MenuItem').result).toEqual({
      message_box: expect.stringMatching(/at least one visible worksheet/),
    });
    x.click('OK');
    x.arrow('Delete');
    x.click('Delete Sheet', 'MenuItem');
    x.click('OK');
    expect(JSON.stringify(x.book().sheets)).toBe(before);
  });

  it('Hide, then Unhide... brings the sheet back', () => {
    const x = excel();
    x.right('Notes', 'TabItem');
    // Nothing is hidden yet, so Unhide... is greyed out.
    expect(x.click('Unhide...', 'MenuItem').error).toMatch(/disabled/);
    x.right('Notes', 'TabItem');
    x.click('Hide', 'MenuItem');
    expect(x.sheet('Notes').hidden).toBe(true);
    expect(x.visible('Notes', 'TabItem')).toBe(false);
    expect(x.book().activeSheet).toBe('Sales');
    x.right('Sales', 'TabItem');
    x.click('Unhide...', 'MenuItem');
    x.click('Notes', 'ListItem');
    x.click('OK');
    expect(x.sheet('Notes').hidden).toBeUndefined();
    expect(x.book().activeSheet).toBe('Notes');
  });

  it('Insert... puts a new worksheet before the tab; Home > Insert > Insert Sheet does too', () => {
    const x = excel();
    x.right('Notes', 'TabItem');
    x.click('Insert...', 'MenuItem');
    x.click('OK');
    expect(x.names()).toEqual(['Sales', 'Sheet4', 'Notes', 'Empty']);
    expect(x.book().activeSheet).toBe('Sheet4');
    x.arrow('Insert');
    x.click('Insert Sheet', 'MenuItem');
    expect(x.names()).toEqual(['Sales', 'Sheet5', 'Sheet4', 'Notes', 'Empty']);
  });

  it('Move or Copy... moves a sheet, or copies it before the chosen one', () => {
    const x = excel();
    x.right('Sales', 'TabItem');
    x.click('Move or Copy...', 'MenuItem');
    x.click('(move to end)', 'ListItem');
    x.click('OK');
    expect(x.names()).toEqual(['Notes', 'Empty', 'Sales']);
    x.right('Notes', 'TabItem');
    x.click('Move or Copy...', 'MenuItem');
    x.click('Sales', 'ListItem');
    // "Create a copy" is a check box, which UFO's control list leaves out: Tab to it and press Space.
    x.keys('{TAB}');
    expect(x.env.session.uiView.focus).toBe('dialog/moveOrCopy/copy');
    x.keys('{SPACE}');
    expect(x.dialogValue('moveOrCopy', 'copy')).toBe(true);
    x.click('OK');
    expect(x.names()).toEqual(['Notes', 'Empty', 'Notes (2)', 'Sales']);
    expect(x.sheet('Notes (2)').cells.A1?.value).toBe('memo');
  });

  it('Tab Color colours the tab; No Color clears it', () => {
    const x = excel();
    x.right('Notes', 'TabItem');
    x.click('Tab Color', 'MenuItem');
    x.click('Red', 'MenuItem');
    expect(x.sheet('Notes').tabColor).toBe('#FF0000');
    x.right('Notes', 'TabItem');
    x.click('Tab Color', 'MenuItem');
    x.click('No Color', 'MenuItem');
    expect(x.sheet('Notes').tabColor).toBeUndefined();
  });

  it('Home > Delete > Delete Sheet deletes the active sheet after the confirmation', () => {
    const x = excel();
    x.click('Notes', 'TabItem');
    x.arrow('Delete');
    x.click('Delete Sheet', 'MenuItem');
    x.click('Delete', 'Button');
    expect(x.names()).toEqual(['Sales', 'Empty']);
    x.keys('^z');
    expect(x.names()).toEqual(['Sales', 'Notes', 'Empty']);
  });
});

describe('Remove Duplicates column check boxes', () => {
  const ROWS = {
    sheets: {
      S: [
        ['Rep', 'Region', 'Units'],
        ['Ben', 'West', 12],
        ['Ana', 'West', 30],
        ['Ben', 'West', 12],
        ['Chen', 'East', 7],
      ],
    },
  };

  it('with every column checked (the default) only whole duplicate rows go', () => {
    const x = excel(ROWS);
    x.click('A2', 'DataItem');
    x.click('Data');
    x.click('Remove Duplicates');
    expect(x.dialogValue('removeDuplicates', 'column1')).toBe(true);
    expect(x.dialogValue('removeDuplicates', 'column3')).toBe(true);
    x.click('OK');
    x.click('OK');
    expect([2, 3, 4, 5].map((r) => x.value(`A${r}`, 'S'))).toEqual(['Ben', 'Ana', 'Chen', undefined]);
  });

  it('compares only the checked columns: Region alone keeps the first row of each region', () => {
    const x = excel(ROWS);
    x.click('A2', 'DataItem');
    x.click('Data');
    x.click('Remove Duplicates');
    x.click('Unselect All');
    expect(x.dialogValue('removeDuplicates', 'column1')).toBe(false);
    // Check boxes are not in UFO's control list: from the first tab stop (Select All), Tab past Unselect All,
    // My data has headers and Rep to the Region box, and press Space.
    x.keys('{TAB}{TAB}{TAB}{TAB}');
    expect(x.env.session.uiView.focus).toBe('dialog/removeDuplicates/column2');
    x.keys('{SPACE}');
    expect(x.dialogValue('removeDuplicates', 'column2')).toBe(true);
    expect(x.dialogValue('removeDuplicates', 'headers')).toBe(true);
    x.click('OK');
    x.click('OK');
    expect([2, 3, 4].map((r) => [x.value(`A${r}`, 'S'), x.value(`C${r}`, 'S')])).toEqual([
      ['Ben', 12],
      ['Chen', 7],
      [undefined, undefined],
    ]);
  });

  it('with no column checked OK refuses and nothing changes; Select All checks them again', () => {
    const x = excel(ROWS);
    const before = JSON.stringify(x.sheet('S').cells);
    x.click('A2', 'DataItem');
    x.click('Data');
    x.click('Remove Duplicates');
    x.click('Unselect All');
    const out = x.click('OK');
    expect(out.result).toEqual({ message_box: 'Select one or more columns.' });
    x.click('OK');
    expect(JSON.stringify(x.sheet('S').cells)).toBe(before);
    x.click('Select All');
    expect(x.dialogValue('removeDuplicates', 'column2')).toBe(true);
    x.click('Cancel');
    expect(JSON.stringify(x.sheet('S').cells)).toBe(before);
  });
});

describe('Data Validation: Any value', () => {
  it('keeps the Input Message title and message as a rule that restricts nothing', () => {
    const x = excel();
    x.goTo('B2:B4');
    x.click('Data');
    x.click('Data Validation');
    x.click('Input Message');
    x.step('set_edit_text', 'Title:', { text: 'Region' });
    x.step('set_edit_text', 'Input message:', { text: 'Where the rep works.' });
    x.click('OK');
    expect(x.sheet().validations).toEqual([
      expect.objectContaining({
        ranges: 'B2:B4',
        type: 'none',
        promptTitle: 'Region',
        prompt: 'Where the rep works.',
      }),
    ]);
    // Any value accepts anything.
    x.click('B3', 'DataItem');
    x.keys('12345{ENTER}');
    expect(x.value('B3')).toBe(12345);
  });

  it('without a message, Any value clears the rule', () => {
    const x = excel();
    x.goTo('B2:B4');
    x.click('Data');
    x.click('Data Validation');
    x.click('Allow:');
    x.click('List', 'ListItem');
    x.step('set_edit_text', 'Source:', { text: 'East,West' });
    x.click('OK');
    expect(x.sheet().validations).toHaveLength(1);
    x.click('Data Validation');
    x.click('OK');
    expect(x.sheet().validations).toEqual([]);
  });
});
