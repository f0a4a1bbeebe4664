/** Home > Cells > Format: Column Width..., AutoFit Column Width and Rename Sheet, driven as a LAM drives them. */
import { describe, expect, it } from 'vitest';
import { makeAction } from '../../envs/office/index.ts';
import { makeExcelEnv } from '../../envs/excel/index.ts';

interface Sheet {
  name: string;
  merges: string[];
  cols: Record<string, { width?: number }>;
  cells: Record<string, { value: unknown; formula?: string; text?: string; style?: Record<string, unknown> }>;
}
interface Canvas {
  activeSheet: string;
  sheets: Sheet[];
}

const TEMPLATE = {
  sheets: {
    Sales: [
      ['Region', 'Units'],
      ['North-western territories', 12],
    ],
    Notes: [['=Sales!B2*2']],
  },
};

function excel() {
  const env = makeExcelEnv({ request: 'Test Excel' });
  let [obs] = env.reset({ seed: 1, options: { template: TEMPLATE } });
  const label = (name: string, type?: string) => {
    const c = obs.controls.find(
      (x) => x.control_text === name && (type === undefined || x.control_type === type),
    );
    expect(c, `${name} (${type ?? 'any'})`).toBeDefined();
    return c!.label;
  };
  const step = (fn: string, control_label: string, args: Record<string, unknown>) => {
    const out = env.step(makeAction({ function: fn, control_label, args }));
    obs = out[0];
    return out[4];
  };
  return {
    label,
    step,
    click: (name: string, type?: string) =>
      step('click_input', label(name, type), { button: 'left', double: false }),
    setText: (name: string, text: string, type = 'Edit') =>
      step('set_edit_text', label(name, type), { text }),
    keys: (keys: string) => step('keyboard_input', '', { keys }),
    has: (name: string, type?: string) =>
      obs.controls.some((x) => x.control_text === name && (type === undefined || x.control_type === type)),
    canvas: () => obs.canvas as Canvas,
    /** What the Number Format box shows, read as UFO's `texts` reads a control. */
    numberFormatBox: () => step('texts', label('Number Format', 'ComboBox'), {}).result,
    sheet: (name: string) => (obs.canvas as Canvas).sheets.find((s) => s.name === name),
  };
}

describe('Home > Cells > Format', () => {
  it('Column Width... sets the width of the selected columns; a bad width shows Excel\u2019s message', () => {
    const x = excel();
    x.setText('Name Box', 'A1:B3', 'ComboBox');
    x.click('Format');
    x.click('Column Width...');
    expect(x.has('Column width:', 'Edit')).toBe(true);
    x.setText('Column width:', '300');
    expect(x.click('OK').result).toEqual({ message_box: 'Column width must be between 0 and 255.' });
    x.click('OK');
    x.setText('Column width:', '20');
    x.click('OK');
    expect(x.sheet('Sales')!.cols).toMatchObject({ A: { width: 20 }, B: { width: 20 } });
    expect(x.sheet('Sales')!.cols.C).toBeUndefined();
  });

  it('AutoFit Column Width widens a column to its longest entry', () => {
    const x = excel();
    x.click('A2', 'DataItem');
    x.click('Format');
    x.click('AutoFit Column Width');
    const width = x.sheet('Sales')!.cols.A?.width ?? 0;
    expect(width).toBeGreaterThan('North-western territories'.length);
    expect(x.sheet('Sales')!.cols.B).toBeUndefined();
  });

  it('Rename Sheet: typed characters replace the name, Enter renames and formulas follow', () => {
    const x = excel();
    x.click('Format');
    x.click('Rename Sheet');
    expect(x.has('Sales', 'Edit')).toBe(true);
    x.keys('Q1{SPACE}Sales{ENTER}');
    expect(x.canvas().sheets.map((s) => s.name)).toEqual(['Q1 Sales', 'Notes']);
    expect(x.sheet('Notes')!.cells.A1).toMatchObject({ value: 24, formula: "='Q1 Sales'!B2*2" });
    expect(x.sheet('Q1 Sales')!.cells.A1).toMatchObject({ value: 'Region' });
    x.keys('x{ENTER}');
    expect(x.sheet('Q1 Sales')!.cells.A1).toMatchObject({ value: 'x' });
  });

  it('Rename Sheet: set_edit_text on the tab then Enter; a name with a slash is refused', () => {
    const x = excel();
    x.click('Notes', 'TabItem');
    x.click('Format');
    x.click('Rename Sheet');
    x.setText('Notes', 'A/B');
    x.keys('{ENTER}');
    expect(x.canvas().sheets.map((s) => s.name)).toEqual(['Sales', 'Notes']);
    expect(x.has('OK')).toBe(true);
    x.click('OK');
    x.setText('Notes', 'Remarks');
    x.keys('{ENTER}');
    expect(x.canvas().sheets.map((s) => s.name)).toEqual(['Sales', 'Remarks']);
    expect(x.has('Remarks', 'TabItem')).toBe(true);
  });

  it('double-clicking a sheet tab selects it and starts renaming it', () => {
    const x = excel();
    const tab = x.label('Notes', 'TabItem');
    x.step('click_input', tab, { button: 'left', double: true });
    expect(x.has('Notes', 'Edit')).toBe(true);
    x.keys('Remarks{ENTER}');
    expect(x.canvas().sheets.map((s) => s.name)).toEqual(['Sales', 'Remarks']);
    expect(x.canvas().activeSheet).toBe('Remarks');
  });

  it('Escape leaves the name as it was', () => {
    const x = excel();
    x.click('Format');
    x.click('Rename Sheet');
    x.keys('Other{ESC}');
    expect(x.canvas().sheets.map((s) => s.name)).toEqual(['Sales', 'Notes']);
    expect(x.has('Sales', 'TabItem')).toBe(true);
  });

  it('Format Cells (Ctrl+1): Currency with no decimals and Wrap text; untouched properties stay', () => {
    const x = excel();
    x.setText('Name Box', 'A1:B2', 'ComboBox');
    x.click('Bold');
    x.setText('Name Box', 'B1:B2', 'ComboBox');
    x.keys('^1');
    x.click('Currency', 'ListItem');
    x.setText('Decimal places:', '0');
    x.click('Alignment', 'TabItem');
    // UFO lists no CheckBox controls: the keyboard reaches Wrap text (Horizontal, Vertical, then it).
    x.keys('{TAB}{TAB}{TAB}{SPACE}');
    x.click('OK');
    const cells = x.sheet('Sales')!.cells;
    expect(cells.B2!.style).toEqual({
      font: { bold: true },
      numFmt: '$#,##0',
      alignment: { wrapText: true },
    });
    expect(cells.B2!.text).toBe('$12');
    expect(cells.A2!.style).toEqual({ font: { bold: true } });
  });

  it('Format Cells > Font and Merge cells, from the Format menu; Cancel changes nothing', () => {
    const x = excel();
    x.setText('Name Box', 'A1:B1', 'ComboBox');
    x.click('Format');
    x.click('Format Cells...');
    x.click('Font', 'TabItem');
    x.click('Bold Italic', 'ListItem');
    x.click('Cancel');
    expect(x.sheet('Sales')!.cells.A1!.style).toBeUndefined();
    x.click('Format');
    x.click('Format Cells...');
    x.click('Alignment', 'TabItem');
    x.keys('{TAB}{TAB}{TAB}{TAB}{SPACE}');
    x.click('Font', 'TabItem');
    x.click('Bold Italic', 'ListItem');
    x.click('OK');
    expect(x.sheet('Sales')!.merges).toEqual(['A1:B1']);
    expect(x.sheet('Sales')!.cells.A1!.style).toMatchObject({ font: { bold: true, italic: true } });
  });
});

describe('Home > Number', () => {
  it('Percent Style is 0%, Comma Style is Accounting without a symbol, and the box names their category', () => {
    const x = excel();
    x.click('B2', 'DataItem');
    x.click('Percent Style');
    expect(x.sheet('Sales')!.cells.B2!.text).toBe('1200%');
    expect(x.numberFormatBox()).toEqual(['Percentage']);
    x.click('Comma Style');
    expect(x.sheet('Sales')!.cells.B2!.text!.trim()).toBe('12.00');
    expect(x.numberFormatBox()).toEqual(['Accounting']);
    x.click('Decrease Decimal');
    expect(x.numberFormatBox()).toEqual(['Accounting']);
  });
});
