/** The Excel app on the Office kernel, driven through OfficeEnv.step as a LAM drives it. */
import { describe, expect, it } from 'vitest';
import { checkEnv, make, type Info } from 'gymnasium-ts';
import { OFFICE_APPS, registerOfficeEnvs } from '../../envs/apps.ts';
import { makeAction, type OfficeAction, type OfficeObservation } from '../../envs/office/index.ts';
import {
  activateSheet,
  createEmptyWorkbook,
  defineName,
  insertExcelTable,
  makeExcelEnv,
  type CellStyle,
  type Workbook,
} from '../../envs/excel/index.ts';

interface CanvasCell {
  text: string;
  value: unknown;
  formula?: string;
  style?: CellStyle;
}
interface CanvasSheet {
  name: string;
  cells: Record<string, CanvasCell>;
  merges: string[];
  freeze: { rows: number; cols: number } | null;
  autoFilter: { range: string } | null;
  showGridLines?: boolean;
}
interface Canvas {
  activeSheet: string;
  sheets: CanvasSheet[];
  selection: { sheet: string; active: string; ranges: string[] };
  entry: { text: string; mode: string } | null;
  file: { name: string; saved: { path: string; format: string } | null };
}

function table(rows: (string | number)[][], sheets = ['Sheet1']): Workbook {
  const wb = createEmptyWorkbook({ sheetNames: sheets });
  insertExcelTable(wb, sheets[0]!, rows, 1, 1);
  return wb;
}

const SALES = [
  ['Name', 'Qty'],
  ['Pear', 3],
  ['Apple', 10],
  ['Fig', 7],
];

function excel(template?: Workbook) {
  const env = makeExcelEnv({ request: 'Test Excel' });
  let [obs] = env.reset({ seed: 3, options: template === undefined ? {} : { template } });
  let info: Info = {};
  const find = (name: string, type?: string) =>
    obs.controls.filter((c) => c.control_text === name && (type === undefined || c.control_type === type));
  const label = (name: string, type?: string) => {
    const found = find(name, type);
    expect(found.length, `controls named '${name}'${type ? ` (${type})` : ''}`).toBe(1);
    return found[0]!.label;
  };
  const run = (action: OfficeAction) => {
    const out = env.step(action);
    obs = out[0];
    info = out[4];
    return info;
  };
  const d = {
    env,
    obs: (): OfficeObservation => obs,
    label,
    has: (name: string, type?: string) => find(name, type).length > 0,
    canvas: () => obs.canvas as Canvas,
    sheet: (name?: string) => {
      const c = obs.canvas as Canvas;
      return c.sheets.find((s) => s.name === (name ?? c.activeSheet))!;
    },
    cell: (addr: string, sheet?: string) => d.sheet(sheet).cells[addr],
    /** Clicks one part of a split button: 0 the main part, 1 the arrow (both carry the control's name). */
    clickPart: (name: string, part: 0 | 1) => {
      const parts = find(name, 'Button');
      expect(parts.length, `parts of split button '${name}'`).toBe(2);
      return run(
        makeAction({
          function: 'click_input',
          control_label: parts[part]!.label,
          args: { button: 'left', double: false },
        }),
      );
    },
    clickLabel: (controlLabel: string) =>
      run(
        makeAction({
          function: 'click_input',
          control_label: controlLabel,
          args: { button: 'left', double: false },
        }),
      ),
    click: (name: string, type?: string) =>
      run(
        makeAction({
          function: 'click_input',
          control_label: label(name, type),
          args: { button: 'left', double: false },
        }),
      ),
    setText: (name: string, text: string, type = 'Edit') =>
      run(makeAction({ function: 'set_edit_text', control_label: label(name, type), args: { text } })),
    keys: (keys: string) =>
      run(makeAction({ function: 'keyboard_input', control_label: '', args: { keys } })),
    api: (fn: string, args: Record<string, unknown>) =>
      run(makeAction({ function: fn, control_label: '', args })),
    /** Selects a range through the Name Box, as a user would. */
    go: (ref: string) => d.setText('Name Box', ref),
    info: () => info,
  };
  return d;
}

describe('Excel-v0 window', () => {
  it('shows the ribbon tabs, the Name Box, the Formula Bar, the visible cells and the sheet tabs', () => {
    const x = excel(table(SALES, ['Sales', 'Notes']));
    for (const t of ['Home', 'Insert', 'Page Layout', 'Formulas', 'Data', 'Review', 'View'])
      expect(x.has(t, 'TabItem'), t).toBe(true);
    expect(x.has('Name Box', 'ComboBox') && x.has('Name Box', 'Edit')).toBe(true);
    expect(x.has('Formula Bar', 'Edit')).toBe(true);
    const cells = x.obs().controls.filter((c) => c.control_type === 'DataItem');
    expect(cells.length).toBe(800);
    expect(cells[0]!.control_text).toBe('A1');
    expect(cells.at(-1)!.control_text).toBe('T40');
    expect(x.has('U1')).toBe(false);
    expect(x.obs().controls.find((c) => c.control_text === 'A1')!.selected).toBe(true);
    expect(x.has('Sales', 'TabItem') && x.has('Notes', 'TabItem')).toBe(true);
    expect(x.obs().window).toContain('Excel');
  });

  it('keeps every tab of the ribbon on the screen', () => {
    const x = excel();
    for (const t of ['Home', 'Insert', 'Page Layout', 'Formulas', 'Data', 'Review', 'View']) {
      x.click(t, 'TabItem');
      const off = x.obs().controls.filter((c) => c.rect.right > 1920);
      expect(off.map((c) => `${t}: ${c.control_text}`)).toEqual([]);
    }
  });

  it('shows commands it does not model as disabled, and a click on one changes nothing', () => {
    const x = excel(table(SALES));
    x.click('Insert', 'TabItem');
    const before = JSON.stringify(x.canvas());
    const info = x.click('PivotTable');
    expect(String(info.error)).toMatch(/disabled/);
    expect(JSON.stringify(x.canvas())).toBe(before);
  });
});

describe('selection', () => {
  it('clicking a cell, the Name Box and the arrow keys move the selection', () => {
    const x = excel(table(SALES));
    x.click('B3', 'DataItem');
    expect(x.canvas().selection.active).toBe('B3');
    expect(x.obs().controls.find((c) => c.control_text === 'B3')!.selected).toBe(true);
    x.keys('{DOWN}{RIGHT}');
    expect(x.canvas().selection.active).toBe('C4');
    x.go('A2:B4');
    expect(x.canvas().selection).toMatchObject({ active: 'A2', ranges: ['A2:B4'] });
    x.keys('+{DOWN}');
    expect(x.canvas().selection.ranges).toEqual(['A2:B5']);
  });

  it('the Name Box scrolls far cells into view; a bad reference changes nothing', () => {
    const x = excel();
    x.go('Z100');
    expect(x.canvas().selection.active).toBe('Z100');
    expect(x.has('Z100', 'DataItem')).toBe(true);
    expect(x.has('A1', 'DataItem')).toBe(false);
    x.go('not a cell!');
    expect(x.canvas().selection.active).toBe('Z100');
    expect(x.obs().controls.some((c) => c.control_text === 'OK')).toBe(true); // Excel's message box
  });

  it('the Name Box goes to a defined name or a cell on another sheet', () => {
    const wb = table(SALES, ['Sales', 'Notes']);
    defineName(wb, 'Quantities', '=Sales!$B$2:$B$4');
    activateSheet(wb, 'Notes');
    const x = excel(wb);
    x.go('Quantities');
    expect(x.canvas().activeSheet).toBe('Sales');
    expect(x.canvas().selection).toMatchObject({ active: 'B2', ranges: ['B2:B4'] });
    x.go('Notes!C3');
    expect(x.canvas().selection).toMatchObject({ sheet: 'Notes', active: 'C3' });
  });

  it('clicking a sheet tab activates the sheet', () => {
    const x = excel(table(SALES, ['Sales', 'Notes']));
    x.click('Notes', 'TabItem');
    expect(x.canvas().activeSheet).toBe('Notes');
    x.setText('Formula Bar', 'memo');
    expect(x.cell('A1', 'Notes')!.value).toBe('memo');
    expect(x.cell('A1', 'Sales')!.value).toBe('Name');
  });
});

describe('entering data', () => {
  it('set_edit_text on the Formula Bar fills the active cell, formulas included', () => {
    const x = excel(table(SALES));
    x.go('B5');
    x.setText('Formula Bar', '=SUM(B2:B4)');
    expect(x.cell('B5')).toMatchObject({ formula: '=SUM(B2:B4)', value: 20 });
    expect(
      x.obs().controls.find((c) => c.control_type === 'Edit' && c.control_text === 'Formula Bar'),
    ).toBeTruthy();
  });

  it('Backspace clears the active cell into a new entry', () => {
    const x = excel(table(SALES));
    x.go('A2');
    x.keys('{BACKSPACE}Plum{ENTER}');
    expect(x.cell('A2')!.value).toBe('Plum');
    expect(x.canvas().selection.active).toBe('A3');
  });

  it('typing then Enter / Tab commits and moves, as Excel does', () => {
    const x = excel();
    x.click('A1', 'DataItem');
    x.keys('42{ENTER}');
    expect(x.cell('A1')!.value).toBe(42);
    expect(x.canvas().selection.active).toBe('A2');
    x.keys('hello{TAB}');
    expect(x.cell('A2')!.value).toBe('hello');
    expect(x.canvas().selection.active).toBe('B2');
    x.keys('=A1*2{RIGHT}');
    expect(x.cell('B2')).toMatchObject({ formula: '=A1*2', value: 84 });
    expect(x.canvas().selection.active).toBe('C2');
  });

  it('typing shows Enter mode; Escape cancels; F2 edits the existing text', () => {
    const x = excel(table(SALES));
    x.go('A2');
    x.keys('Kiwi');
    expect(x.canvas().entry).toEqual({ text: 'Kiwi', mode: 'enter' });
    expect(x.cell('A2')!.value).toBe('Pear');
    x.keys('{ESC}');
    expect(x.canvas().entry).toBeNull();
    expect(x.cell('A2')!.value).toBe('Pear');
    x.keys('{F2}s{ENTER}');
    expect(x.cell('A2')!.value).toBe('Pears');
  });

  it('{DELETE} clears the selection; ^z undoes it; one ^z undoes one typed entry', () => {
    const x = excel(table(SALES));
    x.go('A2:B3');
    x.keys('{DELETE}');
    expect(x.cell('A2')).toBeUndefined();
    expect(x.cell('B3')).toBeUndefined();
    x.keys('^z');
    expect(x.cell('A2')!.value).toBe('Pear');
    expect(x.cell('B3')!.value).toBe(10);
    x.go('C1');
    x.keys('Total{ENTER}');
    x.keys('5{ENTER}');
    x.keys('^z');
    expect(x.cell('C2')).toBeUndefined();
    expect(x.cell('C1')!.value).toBe('Total');
  });

  it('^c / ^v copy cells, moving relative references', () => {
    const x = excel(table(SALES));
    x.go('C2');
    x.setText('Formula Bar', '=B2*2');
    x.keys('^c');
    x.go('C3:C4');
    x.keys('^v');
    expect(x.cell('C3')).toMatchObject({ formula: '=B3*2', value: 20 });
    expect(x.cell('C4')).toMatchObject({ formula: '=B4*2', value: 14 });
  });

  it('a formula with a syntax error is refused and changes nothing', () => {
    const x = excel(table(SALES));
    x.go('C1');
    const before = JSON.stringify(x.canvas().sheets);
    const info = x.setText('Formula Bar', '=SUM(B2:B4))');
    expect(info.error).toBeTruthy();
    expect(JSON.stringify(x.canvas().sheets)).toBe(before);
  });
});

describe('Home tab', () => {
  it('Bold, Italic, Underline buttons and ^b/^i/^u toggle the selection, and show their state', () => {
    const x = excel(table(SALES));
    x.go('A1:B1');
    x.click('Bold');
    expect(x.cell('A1')!.style!.font!.bold).toBe(true);
    expect(x.cell('B1')!.style!.font!.bold).toBe(true);
    expect(x.obs().controls.find((c) => c.control_text === 'Bold')!.selected).toBe(true);
    x.click('Italic');
    x.click('Underline');
    expect(x.cell('B1')!.style!.font).toMatchObject({ italic: true, underline: 'single' });
    x.keys('^b^i^u');
    expect(x.cell('A1')!.style?.font ?? {}).toEqual({});
  });

  it('^z and the Undo button undo formatting; selection moves are not undo steps', () => {
    // Moving the selection adds no undo entry, so ^z undoes Bold; like Excel, it selects the cells it restored.
    const x = excel(table(SALES));
    x.go('A1');
    x.click('Bold');
    x.keys('{DOWN}{DOWN}');
    x.keys('^z');
    expect(x.cell('A1')!.style?.font?.bold).toBeUndefined();
    expect(x.canvas().selection.active).toBe('A1');
    x.click('Redo');
    expect(x.cell('A1')!.style!.font!.bold).toBe(true);
    x.click('Undo');
    expect(x.cell('A1')!.style?.font?.bold).toBeUndefined();
  });

  it('Font and Font Size combo boxes, Fill Color and Font Color menus', () => {
    const x = excel(table(SALES));
    x.go('A2');
    x.setText('Font', 'Arial');
    x.setText('Font Size', '14');
    expect(x.cell('A2')!.style!.font).toMatchObject({ name: 'Arial', size: 14 });
    x.setText('Font Size', 'big');
    expect(x.cell('A2')!.style!.font!.size).toBe(14);
    x.click('OK');
    x.clickPart('Fill Color', 0); // the main part: the last colour (yellow)
    expect(x.cell('A2')!.style!.fill).toBe('#FFFF00');
    x.clickPart('Font Color', 1);
    x.click('Blue', 'MenuItem');
    expect(x.cell('A2')!.style!.font!.color).toBe('#0070C0');
  });

  it('Borders, alignment, Wrap Text and Merge & Center', () => {
    const x = excel(table(SALES));
    x.go('A1:B2');
    x.clickPart('Borders', 1);
    x.click('All Borders', 'MenuItem');
    expect(x.cell('B2')!.style!.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } });
    x.click('Center');
    x.click('Top Align');
    x.click('Wrap Text');
    expect(x.cell('A1')!.style!.alignment).toMatchObject({
      horizontal: 'center',
      vertical: 'top',
      wrapText: true,
    });
    x.go('D1:E1');
    x.clickPart('Merge & Center', 0);
    expect(x.sheet().merges).toEqual(['D1:E1']);
  });

  it('Number Format box, Increase / Decrease Decimal', () => {
    const x = excel(table(SALES));
    x.go('B2:B4');
    x.click('Number Format', 'ComboBox');
    x.click('Currency', 'ListItem');
    expect(x.cell('B2')).toMatchObject({ text: '$3.00' });
    x.click('Decrease Decimal');
    expect(x.cell('B3')!.text).toBe('$10.0');
    x.click('Number Format', 'ComboBox');
    x.click('Percentage', 'ListItem');
    expect(x.cell('B2')!.text).toBe('300.00%');
    x.click('Increase Decimal');
    expect(x.cell('B2')!.text).toBe('300.000%');
    x.click('Number Format', 'ComboBox');
    x.click('Short Date', 'ListItem');
    expect(
      x.obs().controls.find((c) => c.control_text === 'Number Format' && c.control_type === 'ComboBox'),
    ).toBeTruthy();
    expect(x.cell('B4')!.text).toBe('1/7/1900');
  });

  it('Insert / Delete sheet rows and columns', () => {
    const x = excel(table(SALES));
    x.go('A2');
    x.clickPart('Insert', 0); // the main part: Insert Sheet Rows
    expect(x.cell('A3')!.value).toBe('Pear');
    expect(x.cell('A2')).toBeUndefined();
    x.clickPart('Delete', 1);
    x.click('Delete Sheet Columns', 'MenuItem');
    expect(x.cell('A1')!.value).toBe('Qty');
  });

  it('Sort & Filter menu: Sort A to Z, Sort Z to A, Filter', () => {
    const x = excel(table(SALES));
    x.go('A3');
    x.click('Sort & Filter');
    x.click('Sort A to Z', 'MenuItem');
    expect(['A2', 'A3', 'A4'].map((a) => x.cell(a)!.value)).toEqual(['Apple', 'Fig', 'Pear']);
    expect(x.cell('A1')!.value).toBe('Name');
    x.go('B2');
    x.click('Sort & Filter');
    x.click('Sort Z to A', 'MenuItem');
    expect(['B2', 'B3', 'B4'].map((a) => x.cell(a)!.value)).toEqual([10, 7, 3]);
    x.click('Sort & Filter');
    x.click('Filter', 'MenuItem');
    expect(x.sheet().autoFilter!.range).toBe('A1:B4');
  });

  it('AutoSum proposes =SUM of the numbers above; Enter confirms it', () => {
    const x = excel(table(SALES));
    x.go('B5');
    x.clickPart('AutoSum', 0);
    expect(x.canvas().entry).toEqual({ text: '=SUM(B2:B4)', mode: 'enter' });
    x.keys('{ENTER}');
    expect(x.cell('B5')).toMatchObject({ formula: '=SUM(B2:B4)', value: 20 });
  });
});

describe('Data, Formulas and View tabs', () => {
  it('Data: Sort A to Z, Sort Z to A and the Filter toggle', () => {
    const x = excel(table(SALES));
    x.go('B2');
    x.click('Data', 'TabItem');
    x.click('Sort A to Z');
    expect(['B2', 'B3', 'B4'].map((a) => x.cell(a)!.value)).toEqual([3, 7, 10]);
    x.click('Sort Z to A');
    expect(['A2', 'A3', 'A4'].map((a) => x.cell(a)!.value)).toEqual(['Apple', 'Fig', 'Pear']);
    x.click('Filter');
    expect(x.sheet().autoFilter).not.toBeNull();
    expect(x.obs().controls.find((c) => c.control_text === 'Filter')!.selected).toBe(true);
    x.click('Filter');
    expect(x.sheet().autoFilter).toBeNull();
  });

  it('Formulas: AutoSum', () => {
    const x = excel(table(SALES));
    x.go('C2');
    x.click('Formulas', 'TabItem');
    x.clickPart('AutoSum', 0);
    x.keys('{ENTER}');
    expect(x.cell('C2')).toMatchObject({ formula: '=SUM(B2)', value: 3 });
  });

  it('View: the Freeze Panes menu', () => {
    const x = excel(table(SALES));
    x.click('View', 'TabItem');
    x.click('Freeze Panes');
    x.click('Freeze Top Row', 'MenuItem');
    expect(x.sheet().freeze).toEqual({ rows: 1, cols: 0 });
    x.go('B3');
    x.click('Freeze Panes');
    x.click('Unfreeze Panes', 'MenuItem');
    expect(x.sheet().freeze).toBeNull();
    x.click('Freeze Panes');
    x.click('Freeze Panes', 'MenuItem');
    expect(x.sheet().freeze).toEqual({ rows: 2, cols: 1 });
  });
});

describe("UFO's Excel APIs", () => {
  it('insert_excel_table, table2markdown, select_table_range, reorder_columns, save_as', () => {
    const x = excel();
    x.api('insert_excel_table', { table: SALES, sheet_name: 'Sheet1', start_row: 1, start_col: 1 });
    expect(x.cell('A3')!.value).toBe('Apple');
    const md = x.api('table2markdown', { sheet_name: 'Sheet1' });
    expect(String(md.result)).toContain('| Apple');
    x.api('select_table_range', { sheet_name: 'Sheet1', start_row: 2, start_col: 1, end_row: 4, end_col: 2 });
    expect(x.canvas().selection).toMatchObject({ active: 'A2', ranges: ['A2:B4'] });
    x.click('Bold');
    expect(x.cell('B4')!.style!.font!.bold).toBe(true);
    x.api('reorder_columns', { sheet_name: 'Sheet1', desired_order: ['Qty', 'Name'] });
    expect(x.cell('A1')!.value).toBe('Qty');
    const saved = x.api('save_as', { file_dir: 'C:/out', file_name: 'sales', file_ext: '.xlsx' });
    expect(saved.result).toBe('Document is saved to C:/out/sales.xlsx.');
    expect(x.canvas().file.saved).toEqual({ path: 'C:/out/sales.xlsx', format: 'xlsx' });
    expect(x.obs().window).toContain('sales.xlsx');
  });

  it('bad API arguments are refused and change nothing', () => {
    const x = excel(table(SALES));
    const before = JSON.stringify(x.canvas());
    expect(x.api('table2markdown', { sheet_name: 'Nope' }).error).toBeTruthy();
    expect(x.api('insert_excel_table', { table: 'x', sheet_name: 'Sheet1' }).error).toBeTruthy();
    expect(x.api('save_as', { file_dir: '', file_name: 'a', file_ext: '.pdf' }).error).toMatch(/\.pdf/);
    expect(JSON.stringify(x.canvas())).toBe(before);
  });
});

describe('invalid actions and registration', () => {
  it('an unknown label or a set_edit_text on a cell changes nothing', () => {
    const x = excel(table(SALES));
    const before = JSON.stringify(x.canvas());
    x.clickLabel('99999');
    expect(x.info().error).toBeTruthy();
    x.setText('A2', 'x', 'DataItem');
    expect(x.info().error).toBeTruthy();
    expect(JSON.stringify(x.canvas())).toBe(before);
  });

  it('is registered as Excel-v0 and passes gymnasium-ts checkEnv', () => {
    registerOfficeEnvs();
    expect(Object.keys(OFFICE_APPS)).toContain('excel');
    const env = make('Excel-v0', { template: table(SALES) });
    checkEnv(env.unwrapped as never);
    env.close();
  });
});
