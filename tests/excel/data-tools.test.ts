/** Excel's data-tool UI: the Sort, Data Validation, Remove Duplicates, highlight-rule, Insert Chart, New Name and
 * Custom AutoFilter dialogs, filter arrows, chart galleries, and the compact template form, driven through step. */
import { describe, expect, it } from 'vitest';
import { excelUi, type StepInfo } from './ui-driver.ts';

interface Sheet {
  name: string;
  cells: Record<string, { value: unknown; conditional?: unknown; style?: unknown }>;
  rows: Record<string, { hidden?: boolean }>;
  autoFilter: { range: string; criteria: Record<string, unknown> } | null;
  validations: {
    ranges: string;
    type: string;
    listItems?: string[];
    operator?: string;
    formula1?: string;
    formula2?: string;
  }[];
  conditionalFormats: {
    ranges: string;
    rule: { type: string; operator?: string; values?: string[]; text?: string };
  }[];
  charts: { type: string; dataRange: string; stacked?: string }[];
}
interface Book {
  activeSheet: string;
  names: { name: string; refersTo: string; scope?: string }[];
  sheets: Sheet[];
}

const TABLE = {
  sheets: {
    Sales: [
      ['Rep', 'Region', 'Units'],
      ['Ben', 'West', 12],
      ['Ana', 'East', 30],
      ['Chen', 'East', 7],
      ['Ben', 'West', 12],
    ],
    Notes: [['memo']],
  },
  styles: { 'Sales!A1:C1': { font: { bold: true } } },
};

function excel(template: unknown = TABLE) {
  const ui = excelUi<Book>(template, 'data tools');
  let last: StepInfo = {};
  const step = (fn: string, controlText: string, args: Record<string, unknown>) => {
    last = ui.step(fn, controlText, args);
    return last;
  };
  const click = (t: string) => step('click_input', t, { button: 'left', double: false });
  const type = (t: string, text: string) => step('set_edit_text', t, { text });
  const key = (keys: string) => step('keyboard_input', '', { keys });
  const range = (r1: number, c1: number, r2: number, c2: number) =>
    step('select_table_range', '', {
      sheet_name: 'Sales',
      start_row: r1,
      start_col: c1,
      end_row: r2,
      end_col: c2,
    });
  const book = ui.book;
  const sheet = () => book().sheets.find((s) => s.name === 'Sales')!;
  const column = (letter: string) => [2, 3, 4, 5].map((r) => sheet().cells[`${letter}${r}`]?.value ?? null);
  const visible = (t: string) => ui.visible(t);
  const texts = () => ui.obs().controls.map((c) => c.control_text);
  return { click, type, key, range, book, sheet, column, visible, texts, last: () => last, obs: ui.obs };
}

describe('compact template', () => {
  it('builds sheets from rows, styles by range, and keeps values unparsed', () => {
    const x = excel({
      sheets: { A: [['00123', '=1+2', null, true]], B: [] },
      active: 'B',
      styles: { 'A!A1': { fill: '#FFFF00' } },
    });
    const a = x.book().sheets[0]!;
    expect(x.book().activeSheet).toBe('B');
    expect(a.cells.A1).toMatchObject({ value: '00123', style: { fill: '#FFFF00' } });
    expect(a.cells.B1).toMatchObject({ value: 3 });
    expect(a.cells.C1).toBeUndefined();
    expect(a.cells.D1).toMatchObject({ value: true });
  });
});

describe('compact template: filters and rules', () => {
  it('applies an AutoFilter with criteria and conditional formats, which Data > Clear then undoes', () => {
    const x = excel({
      ...TABLE,
      filters: { Sales: { range: 'A1:C5', criteria: { B: { type: 'values', values: ['East'] } } } },
      conditional: {
        Sales: [{ range: 'C2:C5', rule: { type: 'cellIs', operator: 'lessThan', values: ['10'] } }],
      },
    });
    expect(Object.keys(x.sheet().rows).sort()).toEqual(['2', '5']);
    expect(x.sheet().cells.C4!.conditional).toBeDefined();
    x.click('Data');
    x.click('Clear');
    expect(x.sheet().rows).toEqual({});
    expect(x.sheet().autoFilter).toMatchObject({ range: 'A1:C5', criteria: {} });
  });
});

describe('Sort dialog', () => {
  it('sorts by the chosen column and order, keeping the header row', () => {
    const x = excel();
    x.click('A2');
    x.click('Data');
    x.click('Sort');
    x.click('Sort by');
    x.click('Units');
    x.click('Order');
    // A number column offers the number orders.
    expect(x.visible('Largest to Smallest')).toBe(true);
    expect(x.visible('Z to A')).toBe(false);
    x.click('Largest to Smallest');
    x.click('OK');
    expect(x.column('C')).toEqual([30, 12, 12, 7]);
    expect(x.column('A')).toEqual(['Ana', 'Ben', 'Ben', 'Chen']);
    expect(x.sheet().cells.A1!.value).toBe('Rep');
  });

  it('refuses OK without a Sort by column, with Excel-style message', () => {
    const x = excel();
    x.click('A2');
    x.click('Data');
    x.click('Sort');
    expect(x.click('OK').result).toEqual({ message_box: 'Choose a column in the Sort by box.' });
    expect(x.column('A')).toEqual(['Ben', 'Ana', 'Chen', 'Ben']);
  });

  it('Add Level sorts by a second column within ties of the first', () => {
    const x = excel();
    x.click('A2');
    x.click('Data');
    x.click('Sort');
    x.click('Sort by');
    x.click('Region');
    x.click('Add Level');
    expect(x.visible('Add Level')).toBe(false);
    x.click('Then by');
    x.click('Units');
    x.click('Then by order');
    x.click('Smallest to Largest');
    x.click('OK');
    expect(x.column('B')).toEqual(['East', 'East', 'West', 'West']);
    expect(x.column('C')).toEqual([7, 30, 12, 12]);
  });

  it('opens from Home > Sort & Filter > Custom Sort...', () => {
    const x = excel();
    x.click('B3');
    x.click('Sort & Filter');
    x.click('Custom Sort...');
    x.click('Sort by');
    x.click('Region');
    x.click('Order');
    x.click('Z to A');
    x.click('OK');
    expect(x.column('B')).toEqual(['West', 'West', 'East', 'East']);
  });
});

describe('AutoFilter arrows and Custom AutoFilter', () => {
  it('filters a text column with Equals and a number column with Greater Than, then clears', () => {
    const x = excel();
    x.click('A2');
    x.click('Data');
    x.click('Filter');
    x.click('Region: (Showing All)');
    x.click('Text Filters');
    x.click('Equals...');
    x.type('Value', 'east');
    x.click('OK');
    expect(x.sheet().rows).toMatchObject({ '2': { hidden: true }, '5': { hidden: true } });
    expect(x.sheet().rows['3']).toBeUndefined();
    expect(x.visible('Region: Filtered')).toBe(true);
    x.click('Units: (Showing All)');
    x.click('Number Filters');
    x.click('Greater Than...');
    x.type('Value', '10');
    x.click('OK');
    // Both criteria hold: East and more than 10 units leaves Ana only.
    expect(Object.keys(x.sheet().rows).sort()).toEqual(['2', '4', '5']);
    x.click('Clear');
    expect(x.sheet().rows).toEqual({});
    expect(x.sheet().autoFilter).toMatchObject({ range: 'A1:C5', criteria: {} });
  });

  it('clears one column from its arrow menu and sorts from it', () => {
    const x = excel();
    x.click('A2');
    x.click('Data');
    x.click('Filter');
    x.click('Region: (Showing All)');
    x.click('Text Filters');
    x.click('Does Not Equal...');
    x.type('Value', 'West');
    x.click('OK');
    expect(Object.keys(x.sheet().rows).sort()).toEqual(['2', '5']);
    x.click('Region: Filtered');
    x.click('Clear Filter From "Region"');
    expect(x.sheet().rows).toEqual({});
    x.click('Units: (Showing All)');
    x.click('Sort Smallest to Largest');
    expect(x.column('C')).toEqual([7, 12, 12, 30]);
  });
});

describe('Data Validation dialog', () => {
  it('adds a list drop-down and a whole-number rule to the selection, and Any value removes it', () => {
    const x = excel();
    x.range(2, 2, 5, 2);
    x.click('Data');
    x.click('Data Validation');
    x.click('OK');
    // Any value with no rule to remove changes nothing.
    expect(x.sheet().validations).toEqual([]);
    x.click('Data Validation');
    x.click('Allow:');
    x.click('List');
    expect(x.click('OK').result).toEqual({ message_box: 'You must enter a value in the Source box.' });
    x.click('OK');
    x.type('Source:', 'East, West,North');
    x.click('OK');
    expect(x.sheet().validations).toEqual([
      expect.objectContaining({
        ranges: 'B2:B5',
        type: 'list',
        listItems: ['East', 'West', 'North'],
        showDropDown: true,
      }),
    ]);
    x.range(2, 3, 5, 3);
    x.click('Data Validation');
    x.click('Allow:');
    x.click('Whole number');
    x.type('Minimum:', '1');
    x.type('Maximum:', '100');
    x.click('OK');
    expect(x.sheet().validations[1]).toMatchObject({
      ranges: 'C2:C5',
      type: 'whole',
      operator: 'between',
      formula1: '1',
      formula2: '100',
    });
    x.range(2, 2, 5, 2);
    x.click('Data Validation');
    x.click('OK');
    expect(x.sheet().validations.map((v) => v.ranges)).toEqual(['C2:C5']);
  });
});

describe('Remove Duplicates dialog', () => {
  it('removes repeated records below the header and reports the count in a message box', () => {
    const x = excel();
    x.click('A2');
    x.click('Data');
    x.click('Remove Duplicates');
    expect(x.click('OK').result).toEqual({
      message_box: '1 duplicate values found and removed; 3 unique values remain.',
    });
    x.click('OK');
    expect(x.column('A')).toEqual(['Ben', 'Ana', 'Chen', null]);
    expect(x.sheet().cells.A1!.value).toBe('Rep');
    x.click('Remove Duplicates');
    expect(x.click('OK').result).toEqual({ message_box: 'No duplicate values found.' });
  });
});

describe('Conditional Formatting', () => {
  it('Greater Than, Text that Contains and Duplicate Values highlight the matching cells; Clear Rules removes them', () => {
    const x = excel();
    x.range(2, 3, 5, 3);
    x.click('Conditional Formatting');
    x.click('Highlight Cells Rules');
    x.click('Greater Than...');
    x.type('Format cells that are GREATER THAN:', '11');
    x.click('with');
    x.click('Green Fill with Dark Green Text');
    x.click('OK');
    const lit = () =>
      Object.entries(x.sheet().cells)
        .filter(([, c]) => c.conditional !== undefined)
        .map(([a]) => a)
        .sort();
    expect(lit()).toEqual(['C2', 'C3', 'C5']);
    expect(x.sheet().conditionalFormats[0]).toMatchObject({
      ranges: 'C2:C5',
      rule: { type: 'cellIs', operator: 'greaterThan', values: ['11'] },
    });
    x.click('Conditional Formatting');
    x.click('Clear Rules');
    x.click('Clear Rules from Selected Cells');
    expect(lit()).toEqual([]);
    x.range(2, 2, 5, 2);
    x.click('Conditional Formatting');
    x.click('Highlight Cells Rules');
    x.click('Text that Contains...');
    x.type('Format cells that contain the text:', 'es');
    x.click('OK');
    expect(lit()).toEqual(['B2', 'B5']);
    x.range(2, 1, 5, 1);
    x.click('Conditional Formatting');
    x.click('Highlight Cells Rules');
    x.click('Duplicate Values...');
    x.click('OK');
    expect(lit()).toEqual(['A2', 'A5', 'B2', 'B5']);
    x.click('Conditional Formatting');
    x.click('Clear Rules');
    x.click('Clear Rules from Entire Sheet');
    expect(lit()).toEqual([]);
  });

  it('Top 10 Items ranks the top N', () => {
    const x = excel();
    x.range(2, 3, 5, 3);
    x.click('Conditional Formatting');
    x.click('Top/Bottom Rules');
    x.click('Top 10 Items...');
    x.type('Format cells that rank in the TOP:', '1');
    x.click('OK');
    expect(x.sheet().cells.C3!.conditional).toBeDefined();
    expect(x.sheet().cells.C2!.conditional).toBeUndefined();
  });
});

describe('Insert > Charts', () => {
  it('inserts column, pie and line charts from the galleries and the Insert Chart dialog', () => {
    const x = excel();
    x.range(1, 1, 5, 3);
    x.click('Insert');
    x.click('Insert Column or Bar Chart');
    x.click('Stacked Column');
    x.click('Insert Pie or Doughnut Chart');
    x.click('Pie');
    x.click('Recommended Charts');
    x.click('Line with Markers');
    x.click('OK');
    expect(x.sheet().charts.map((c) => [c.type, c.dataRange, c.stacked ?? null])).toEqual([
      ['column', 'A1:C5', 'stacked'],
      ['pie', 'A1:C5', null],
      ['line', 'A1:C5', null],
    ]);
  });

  it('charts the current region around a single selected cell', () => {
    const x = excel();
    x.click('B3');
    x.click('Insert');
    x.click('Insert Line or Area Chart');
    x.click('Area');
    expect(x.sheet().charts[0]).toMatchObject({ type: 'area', dataRange: 'A1:C5' });
  });
});

describe('New Name dialog', () => {
  it('defines a workbook name for the selection and rejects an invalid one', () => {
    const x = excel();
    x.range(2, 3, 5, 3);
    x.click('Formulas');
    x.click('Define Name');
    x.type('Name:', 'Q1 Units');
    x.click('OK');
    expect(x.last().error ?? '').toMatch(/not a valid name/);
    x.click('Define Name');
    x.type('Name:', 'UnitsSold');
    expect(x.texts()).toContain('Refers to:');
    x.click('OK');
    expect(x.book().names).toEqual([{ name: 'UnitsSold', refersTo: '=Sales!$C$2:$C$5' }]);
  });
});

describe('Format as Table and Insert > Table', () => {
  it('creates a styled table over the current region, and refuses an overlapping one', () => {
    const x = excel();
    x.click('B3');
    x.click('Format as Table');
    x.click('Table Style Medium 9');
    expect(x.texts()).toContain('Where is the data for your table?');
    x.click('OK');
    const tables = () => (x.sheet() as unknown as { tables?: unknown[] }).tables;
    expect(tables()).toEqual([
      { name: 'Table1', range: 'A1:C5', style: 'TableStyleMedium9', headerRow: true, bandedRows: true },
    ]);
    x.click('Insert');
    x.click('Table');
    x.click('OK');
    expect(x.last().error).toMatch(/can't overlap another table/);
    expect(tables()).toHaveLength(1);
  });

  it('Ctrl+T opens Create Table with the default style', () => {
    const x = excel();
    x.click('A2');
    x.key('^t');
    x.click('OK');
    expect((x.sheet() as unknown as { tables?: { style: string; range: string }[] }).tables).toMatchObject([
      { style: 'TableStyleMedium2', range: 'A1:C5' },
    ]);
  });
});
