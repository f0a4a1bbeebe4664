import { describe, expect, it } from 'vitest';
import {
  addChart,
  addConditionalFormat,
  addDataValidation,
  autoFitColumns,
  chartData,
  clearConditionalFormats,
  columnWidth,
  conditionalStyleAt,
  createEmptyWorkbook,
  deleteChart,
  displayText,
  formatValue,
  freezePanes,
  freezeTopRow,
  getSheet,
  highlightedCells,
  invalidCells,
  listOptions,
  mergeCells,
  removeAutoFilter,
  rowHeight,
  setAlignment,
  setAutoFilter,
  setBorders,
  setCellInput,
  setCellValue,
  setColumnWidth,
  setFill,
  setFilterCriterion,
  setFont,
  setNumberFormat,
  setRowHeight,
  sortByFilterColumn,
  sortRange,
  styleAt,
  toggleFontFlag,
  unfreezePanes,
  unmergeCells,
  updateChart,
  type Workbook,
} from '../../envs/excel/index.ts';

const put = (wb: Workbook, addr: string, text: string) => setCellInput(wb, undefined, addr, text);
const val = (wb: Workbook, addr: string) => getSheet(wb).cells[addr]?.value ?? null;
const shown = (wb: Workbook, addr: string) => displayText(wb, undefined, addr);

function sales(): Workbook {
  const wb = createEmptyWorkbook({ now: '2024-05-01T09:00:00' });
  const rows = [
    ['Region', 'Rep', 'Amount'],
    ['East', 'Ann', '120'],
    ['West', 'bob', '75'],
    ['East', 'Cid', '300'],
    ['North', 'Dee', ''],
    ['West', 'Al', '75'],
  ];
  rows.forEach((r, i) => r.forEach((t, j) => t !== '' && put(wb, `${'ABC'[j]}${i + 1}`, t)));
  return wb;
}

describe('number formats as displayed text', () => {
  const cases: [number | string | boolean, string, string][] = [
    [1234.5678, 'General', '1234.5678'],
    [1 / 3, 'General', '0.333333333'],
    [123456789012, 'General', '1.23457E+11'],
    [1234.5678, 'number', '1234.57'],
    [1234.5, '#,##0.00', '1,234.50'],
    [-1234.5, 'currency', '-$1,234.50'],
    [1234.5, 'accounting', ' $1,234.50 '],
    [0, 'accounting', ' $-   '],
    [-5, 'accounting', ' $(5.00)'],
    [0.256, 'percentage', '25.60%'],
    [0.5, '0%', '50%'],
    [45306, 'shortDate', '1/15/2024'],
    [45306, 'longDate', 'Monday, January 15, 2024'],
    [45306.75, 'm/d/yyyy h:mm', '1/15/2024 18:00'],
    [0.75, 'time', '6:00:00 PM'],
    [1234.5, '0.00E+00', '1.23E+03'],
    [1.5, 'fraction', '1 1/2'],
    ['abc', '@', 'abc'],
    [true, '0.00', 'TRUE'],
    [-3, '0;[Red](0)', '(3)'],
  ];
  it.each(cases)('%s with %s shows %s', (value, fmt, text) => {
    const wb = createEmptyWorkbook();
    setCellValue(wb, undefined, 'A1', value);
    setNumberFormat(wb, undefined, 'A1', fmt);
    expect(shown(wb, 'A1')).toBe(text);
  });

  it('rejects an invalid format code naming it', () => {
    const wb = createEmptyWorkbook();
    expect(() => setNumberFormat(wb, undefined, 'A1', '0.0.0"')).toThrow(
      /'0\.0\.0"' is not a valid number format/,
    );
  });

  it('formats errors and blanks as Excel shows them', () => {
    expect(formatValue({ error: '#N/A' }, '0.00')).toBe('#N/A');
    expect(formatValue(null, '0.00')).toBe('');
  });
});

describe('cell formatting', () => {
  it('sets fonts, fills, borders, alignment and wrap, and toggles bold', () => {
    const wb = sales();
    setFont(wb, undefined, 'A1:C1', { bold: true, size: 14, color: 'red', name: 'Arial' });
    setFill(wb, undefined, 'A1:C1', '#ffff00');
    setBorders(wb, undefined, 'A1:C2', 'outside');
    setAlignment(wb, undefined, 'A1', { horizontal: 'center', vertical: 'top', wrapText: true });
    expect(styleAt(wb, undefined, 'B1')).toMatchObject({
      font: { bold: true, size: 14, color: '#FF0000', name: 'Arial' },
      fill: '#FFFF00',
      border: { top: { style: 'thin' } },
    });
    expect(styleAt(wb, undefined, 'A2').border).toEqual({
      left: { style: 'thin' },
      bottom: { style: 'thin' },
    });
    expect(styleAt(wb, undefined, 'B2').border).toEqual({ bottom: { style: 'thin' } });
    expect(styleAt(wb, undefined, 'A1').alignment).toEqual({
      horizontal: 'center',
      vertical: 'top',
      wrapText: true,
    });
    expect(toggleFontFlag(wb, undefined, 'A1:C1', 'bold')).toBe(false);
    expect(styleAt(wb, undefined, 'C1').font).toEqual({ size: 14, color: '#FF0000', name: 'Arial' });
    expect(() => setFill(wb, undefined, 'A1', 'blurple')).toThrow(/'blurple' is not a colour/);
    expect(() => setFont(wb, undefined, 'A1', { size: 500 })).toThrow(/outside 1-409/);
  });

  it('whole-column formatting applies to cells typed later', () => {
    const wb = createEmptyWorkbook();
    setNumberFormat(wb, undefined, 'B:B', 'currency');
    put(wb, 'B7', '5');
    expect(shown(wb, 'B7')).toBe('$5.00');
  });
});

describe('merged cells', () => {
  it('merges keeping the top-left value, centres, and refuses writing inside', () => {
    const wb = sales();
    const discarded = mergeCells(wb, undefined, 'A1:B1', { center: true });
    expect(discarded).toEqual(['B1']);
    expect(getSheet(wb).merges).toEqual(['A1:B1']);
    expect(val(wb, 'B1')).toBeNull();
    expect(styleAt(wb, undefined, 'A1').alignment?.horizontal).toBe('center');
    expect(() => put(wb, 'B1', 'x')).toThrow(/part of the merged range A1:B1/);
    expect(() => mergeCells(wb, undefined, 'B1:C1')).toThrow(/partly overlaps/);
    expect(unmergeCells(wb, undefined, 'A1')).toEqual(['A1:B1']);
  });
});

describe('column widths, row heights and freeze panes', () => {
  it('stores sizes with range checks', () => {
    const wb = sales();
    setColumnWidth(wb, undefined, 'B:C', 20);
    setRowHeight(wb, undefined, 2, 30);
    expect(columnWidth(wb, undefined, 'C')).toBe(20);
    expect(columnWidth(wb, undefined, 'D')).toBe(8.43);
    expect(rowHeight(wb, undefined, 2)).toBe(30);
    expect(rowHeight(wb, undefined, 3)).toBe(15);
    expect(() => setColumnWidth(wb, undefined, 'A', 300)).toThrow(/between 0 and 255/);
    autoFitColumns(wb, undefined, 'A');
    expect(columnWidth(wb, undefined, 'A')).toBeGreaterThan(6);
    expect(columnWidth(wb, undefined, 'A')).toBeLessThan(8.43);
  });

  it('freezes panes at a cell, the top row, and unfreezes', () => {
    const wb = sales();
    freezePanes(wb, undefined, 'B2');
    expect(getSheet(wb).freeze).toEqual({ rows: 1, cols: 1 });
    freezeTopRow(wb);
    expect(getSheet(wb).freeze).toEqual({ rows: 1, cols: 0 });
    unfreezePanes(wb);
    expect(getSheet(wb).freeze).toBeNull();
    expect(() => unfreezePanes(wb)).toThrow(/no frozen panes/);
  });
});

describe('sort', () => {
  it('sorts by several keys, detects the header, keeps blanks last and moves formulas', () => {
    const wb = sales();
    put(wb, 'D2', '=C2*2');
    sortRange(wb, undefined, 'A1:D6', [{ column: 'A' }, { column: 'C', descending: true }]);
    const col = (c: string) => [2, 3, 4, 5, 6].map((r) => val(wb, `${c}${r}`));
    expect(col('A')).toEqual(['East', 'East', 'North', 'West', 'West']);
    expect(col('B')).toEqual(['Cid', 'Ann', 'Dee', 'bob', 'Al']);
    expect(val(wb, 'A1')).toBe('Region');
    expect(getSheet(wb).cells.D3!.formula).toBe('=C3*2');
    expect(val(wb, 'D3')).toBe(240);
    sortRange(wb, undefined, 'A1:C6', [{ column: 'C' }]);
    expect(col('C')).toEqual([75, 75, 120, 300, null]);
    sortRange(wb, undefined, 'A1:C6', [{ column: 'C', descending: true }]);
    expect(col('C')).toEqual([300, 120, 75, 75, null]);
    expect(() => sortRange(wb, undefined, 'A1:C6', [{ column: 'F' }])).toThrow(/outside the range A1:C6/);
  });

  it('orders mixed types as Excel does: numbers, text, logicals, errors, blanks', () => {
    const wb = createEmptyWorkbook();
    setCellValue(wb, undefined, 'A1', true);
    setCellValue(wb, undefined, 'A2', 'b');
    setCellValue(wb, undefined, 'A3', { error: '#N/A' });
    setCellValue(wb, undefined, 'A4', 10);
    setCellValue(wb, undefined, 'A6', 'A');
    setCellValue(wb, undefined, 'A7', -1);
    sortRange(wb, undefined, 'A1:A7', [{ column: 'A' }], { header: false });
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => val(wb, `A${r}`))).toEqual([
      -1,
      10,
      'A',
      'b',
      true,
      { error: '#N/A' },
      null,
    ]);
  });
});

describe('auto-filter', () => {
  it('hides rows that fail the criteria and SUBTOTAL ignores them', () => {
    const wb = sales();
    setAutoFilter(wb, undefined, 'B3');
    expect(getSheet(wb).autoFilter!.range).toBe('A1:C6');
    put(wb, 'E1', '=SUBTOTAL(9,C2:C6)');
    setFilterCriterion(wb, undefined, 'A', { type: 'values', values: ['East'] });
    const hidden = () =>
      Object.entries(getSheet(wb).rows)
        .filter(([, r]) => r.hidden)
        .map(([k]) => Number(k));
    expect(hidden()).toEqual([3, 5, 6]);
    expect(val(wb, 'E1')).toBe(420);
    setFilterCriterion(wb, undefined, 'A', null);
    expect(
      setFilterCriterion(wb, undefined, 'C', {
        type: 'custom',
        conditions: [{ operator: 'greaterThanOrEqual', value: 100 }],
      }),
    ).toBe(2);
    expect(hidden()).toEqual([3, 5, 6]);
    setFilterCriterion(wb, undefined, 'C', { type: 'top10', top: true, count: 1 });
    expect(hidden()).toEqual([2, 3, 5, 6]);
    removeAutoFilter(wb);
    expect(hidden()).toEqual([]);
    expect(getSheet(wb).autoFilter).toBeNull();
    expect(val(wb, 'E1')).toBe(570);
  });

  it('sorts from a filter button and rejects columns outside the filter', () => {
    const wb = sales();
    setAutoFilter(wb, undefined, 'A1:C6');
    sortByFilterColumn(wb, undefined, 'B');
    expect([2, 3, 4, 5, 6].map((r) => val(wb, `B${r}`))).toEqual(['Al', 'Ann', 'bob', 'Cid', 'Dee']);
    expect(() => setFilterCriterion(wb, undefined, 'H', null)).toThrow(/not inside the filter range A1:C6/);
  });
});

describe('data validation', () => {
  it('offers list items, rejects other entries with the allowed values, and finds invalid cells', () => {
    const wb = sales();
    addDataValidation(wb, undefined, { range: 'A2:A10', type: 'list', source: 'East,West,North,South' });
    expect(listOptions(wb, undefined, 'A4')).toEqual(['East', 'West', 'North', 'South']);
    put(wb, 'A7', 'south');
    expect(() => put(wb, 'A8', 'Mars')).toThrow(/Allowed values for A8: East, West, North, South/);
    expect(val(wb, 'A8')).toBeNull();
    setCellValue(wb, undefined, 'A9', 'Mars');
    expect(invalidCells(wb, undefined)).toEqual(['A9']);
  });

  it('reads list items from a range and checks whole-number bounds', () => {
    const wb = sales();
    put(wb, 'H1', 'Yes');
    put(wb, 'H2', 'No');
    addDataValidation(wb, undefined, { range: 'E2:E6', type: 'list', source: '=$H$1:$H$2' });
    expect(listOptions(wb, undefined, 'E3')).toEqual(['Yes', 'No']);
    addDataValidation(wb, undefined, {
      range: 'F2:F6',
      type: 'whole',
      operator: 'between',
      value1: 1,
      value2: 10,
    });
    put(wb, 'F2', '7');
    expect(() => put(wb, 'F3', '11')).toThrow(/doesn't match the data validation/);
    expect(() => put(wb, 'F3', '2.5')).toThrow(/doesn't match/);
    expect(() => addDataValidation(wb, undefined, { range: 'G1', type: 'list' })).toThrow(/needs a source/);
  });
});

describe('conditional formatting', () => {
  it('highlights by cell value, text, duplicates and formulas, honouring priority', () => {
    const wb = sales();
    addConditionalFormat(wb, undefined, {
      range: 'C2:C6',
      rule: { type: 'cellIs', operator: 'greaterThan', values: ['100'] },
    });
    expect(conditionalStyleAt(wb, undefined, 'C2')).toEqual({ fill: '#FFC7CE', font: { color: '#9C0006' } });
    expect(conditionalStyleAt(wb, undefined, 'C3')).toBeNull();
    expect(highlightedCells(wb)).toEqual(['C2', 'C4']);
    put(wb, 'C3', '101');
    expect(highlightedCells(wb)).toEqual(['C2', 'C3', 'C4']);
    addConditionalFormat(wb, undefined, {
      range: 'C2:C6',
      rule: { type: 'duplicateValues' },
      style: 'greenFillDarkGreenText',
    });
    expect(getSheet(wb).conditionalFormats.map((c) => c.priority)).toEqual([2, 1]);
    expect(conditionalStyleAt(wb, undefined, 'C6')).toBeNull();
    put(wb, 'C6', '101');
    // The newer duplicate rule wins the fill; both would colour the font, and priority 1 wins there too.
    expect(conditionalStyleAt(wb, undefined, 'C6')).toEqual({ fill: '#C6EFCE', font: { color: '#006100' } });
    addConditionalFormat(wb, undefined, {
      range: 'A2:C6',
      rule: { type: 'expression', formula: '=$A2="West"' },
      style: { font: { bold: true } },
    });
    expect(conditionalStyleAt(wb, undefined, 'B3')).toEqual({ font: { bold: true } });
    expect(conditionalStyleAt(wb, undefined, 'B2')).toBeNull();
    addConditionalFormat(wb, undefined, {
      range: 'B2:B6',
      rule: { type: 'beginsWith', text: 'a' },
      style: { fill: 'yellow' },
    });
    expect(conditionalStyleAt(wb, undefined, 'B6')).toMatchObject({ fill: '#FFFF00' });
    addConditionalFormat(wb, undefined, {
      range: 'C2:C6',
      rule: { type: 'top10', rank: 1 },
      style: { fill: '#0000FF' },
    });
    expect(conditionalStyleAt(wb, undefined, 'C4')!.fill).toBe('#0000FF');
    expect(clearConditionalFormats(wb, undefined, 'C2:C6')).toBe(4);
    expect(getSheet(wb).conditionalFormats.map((c) => c.ranges)).toEqual(['B2:B6', 'A2:B6']);
    expect(() =>
      addConditionalFormat(wb, undefined, {
        range: 'A1',
        rule: { type: 'cellIs', operator: 'between', values: ['1'] },
      }),
    ).toThrow(/needs 2 values/);
  });
});

describe('charts', () => {
  it('adds a chart reading series and categories from its range, edits and deletes it', () => {
    const wb = sales();
    const ch = addChart(wb, undefined, { type: 'column', dataRange: 'B1:C4' });
    expect(ch.id).toBe('Chart 1');
    expect(ch.title).toBe('Amount');
    expect(ch.seriesBy).toBe('columns');
    expect(chartData(wb, 'Sheet1', ch)).toEqual({
      categories: ['Ann', 'bob', 'Cid'],
      series: [{ name: 'Amount', values: [120, 75, 300] }],
    });
    updateChart(wb, undefined, 'Chart 1', { type: 'pie', title: 'Sales' });
    expect(getSheet(wb).charts[0]).toMatchObject({ type: 'pie', title: 'Sales' });
    expect(() => addChart(wb, undefined, { type: 'radar' as 'pie', dataRange: 'A1:B2' })).toThrow(
      /unknown chart type 'radar'/,
    );
    expect(() => updateChart(wb, undefined, 'Chart 9', {})).toThrow(/no chart 'Chart 9'.*Chart 1/);
    deleteChart(wb, undefined, 'chart 1');
    expect(getSheet(wb).charts).toEqual([]);
  });
});

describe('canvas', () => {
  it('describes what the user sees and shares nothing with the workbook', async () => {
    const { workbookCanvas } = await import('../../envs/excel/index.ts');
    const wb = sales();
    put(wb, 'D2', '=C2*2');
    setNumberFormat(wb, undefined, 'C2', 'currency');
    addConditionalFormat(wb, undefined, {
      range: 'C2:C6',
      rule: { type: 'cellIs', operator: 'greaterThan', values: ['100'] },
    });
    addChart(wb, undefined, { type: 'bar', dataRange: 'B1:C3' });
    const canvas = workbookCanvas(wb, { maxCells: 5 });
    const s = canvas.sheets[0]!;
    expect(s.usedRange).toBe('A1:D6');
    expect(Object.keys(s.cells)).toEqual(['A1', 'B1', 'C1', 'A2', 'B2']);
    expect(s.truncatedCells).toBe(13);
    const full = workbookCanvas(wb).sheets[0]!;
    expect(full.cells.C2).toMatchObject({ text: '$120.00', value: 120, conditional: { fill: '#FFC7CE' } });
    expect(full.cells.D2).toEqual({ text: '240', value: 240, formula: '=C2*2' });
    expect(full.charts[0]!.data.series).toEqual([{ name: 'Amount', values: [120, 75] }]);
    full.cells.D2!.value = 0;
    full.merges.push('Z1:Z2');
    expect(val(wb, 'D2')).toBe(240);
    expect(getSheet(wb).merges).toEqual([]);
  });
});
