import { describe, expect, it } from 'vitest';
import * as X from '../../envs/excel/index.ts';
import { importXlsx } from '../../envs/excel/ooxml/index.ts';
import {
  insertExcelTable,
  reorderColumns,
  saveAs,
  selectTableRange,
  sheetToCsv,
  table2markdown,
} from '../../envs/excel/ufo-api.ts';

function sample(): X.Workbook {
  const wb = X.createEmptyWorkbook();
  insertExcelTable(wb, 'Sheet1', [
    ['Region', 'Amount', 'Note'],
    ['East', 120, 'ok'],
    ['West', 75.5, null],
    ['North', 2.5, 'a, "b"'],
  ]);
  return wb;
}

describe('UFO Excel APIs', () => {
  it('table2markdown prints the used range as pandas to_markdown does, numbers with no decimals', () => {
    const wb = sample();
    expect(table2markdown(wb, 'Sheet1')).toBe(
      [
        '| Region   |   Amount | Note   |',
        '|:---------|---------:|:-------|',
        '| East     |      120 | ok     |',
        '| West     |       76 |        |',
        '| North    |        2 | a, "b" |',
      ].join('\n'),
    );
    expect(table2markdown(wb, 1)).toBe(table2markdown(wb, 'Sheet1'));
    expect(() => table2markdown(wb, 3)).toThrow(/no sheet number 3/);
  });

  it('insert_excel_table reads text like typed input, at a start given by number or letters', () => {
    const wb = sample();
    insertExcelTable(wb, 'Sheet1', [['=SUM(B2:B4)', '3/1/2024', true]], 6, 'B');
    const s = X.getSheet(wb);
    expect(s.cells.B6).toMatchObject({ value: 198, formula: '=SUM(B2:B4)' });
    expect(s.cells.C6!.value).toBe(45352);
    expect(s.cells.D6!.value).toBe(true);
    expect(() => insertExcelTable(wb, 'Sheet1', [['x']], 0, 1)).toThrow(/start_row 0 is not a row/);
    expect(() => insertExcelTable(wb, 'Nope', [['x']])).toThrow(/no sheet named 'Nope'/);
  });

  it('select_table_range selects, runs to the edge with -1 and falls back to the first sheet', () => {
    const wb = sample();
    X.addSheet(wb, 'Other');
    expect(selectTableRange(wb, 'Sheet1', 2, 'A', 4, 'C')).toBe('Range 2:A to 4:C is selected.');
    expect(wb.activeSheet).toBe('Sheet1');
    expect(X.getSheet(wb).selection).toEqual({ active: 'A2', ranges: ['A2:C4'] });
    selectTableRange(wb, 'Missing', 1, 2, -1, 2);
    expect(X.getSheet(wb, 'Sheet1').selection.ranges).toEqual(['B:B']);
  });

  it('reorder_columns moves the listed columns into the header slots and drops the rest, as UFO does', () => {
    const wb = sample();
    expect(reorderColumns(wb, 'Sheet1', ['Note', 'Region', 'Missing'])).toBe(
      "Columns reordered successfully into: ['Note', 'Region', 'Missing']",
    );
    const row = (r: number) => ['A', 'B', 'C'].map((c) => X.getSheet(wb).cells[`${c}${r}`]?.value ?? null);
    expect(row(1)).toEqual(['Note', 'Region', null]);
    expect(row(2)).toEqual(['ok', 'East', null]);
    expect(row(4)).toEqual(['a, "b"', 'North', null]);
  });

  it('save_as gives CSV by default and .xlsx bytes that read back', async () => {
    const wb = sample();
    const csv = await saveAs(wb, 'C:\\out\\', 'report');
    expect(csv.path).toBe('C:\\out/report.csv');
    expect(new TextDecoder().decode(csv.bytes)).toBe(sheetToCsv(wb));
    expect(sheetToCsv(wb)).toBe(
      'Region,Amount,Note\r\nEast,120,ok\r\nWest,75.5,\r\nNorth,2.5,"a, ""b"""\r\n',
    );
    const xlsx = await saveAs(wb, '/tmp', 'report', '.xlsx');
    expect(xlsx.message).toBe('Document is saved to /tmp/report.xlsx.');
    const back = await importXlsx(xlsx.bytes);
    expect(X.getSheet(back).cells).toEqual(X.getSheet(wb).cells);
    await expect(saveAs(wb, '', 'x', '.pdf')).rejects.toThrow(/writes \.xlsx and \.csv, not '\.pdf'/);
  });
});
