/** The model of Insert / Delete cells: what moves with the shifted band, what stays, and what Excel refuses. */
import { describe, expect, it } from 'vitest';
import { setCellInput } from '../../envs/excel/model/cells.ts';
import { addConditionalFormat } from '../../envs/excel/model/conditional.ts';
import { mergeCells } from '../../envs/excel/model/merges.ts';
import { deleteCells, insertCells } from '../../envs/excel/model/shift-cells.ts';
import { createTable } from '../../envs/excel/model/tables.ts';
import type { Workbook } from '../../envs/excel/model/types.ts';
import { addDataValidation } from '../../envs/excel/model/validation.ts';
import { createEmptyWorkbook, getSheet } from '../../envs/excel/model/workbook.ts';

function book(): Workbook {
  const wb = createEmptyWorkbook();
  for (const [addr, text] of Object.entries({
    A1: '1',
    B1: '2',
    A2: '3',
    B2: '4',
    A3: '5',
    B3: '6',
    D1: '=SUM(A1:A3)',
    D2: '=B2',
    D3: '=SUM(A1:B3)',
  }))
    setCellInput(wb, undefined, addr, text);
  return wb;
}
const cells = (wb: Workbook) => getSheet(wb).cells;

describe('insertCells / deleteCells', () => {
  it('insert shift down moves only the band; references wholly in it follow, others stay', () => {
    const wb = book();
    insertCells(wb, undefined, 'A2', 'down');
    expect(cells(wb).A2).toBeUndefined();
    expect(cells(wb).A3?.value).toBe(3);
    expect(cells(wb).A4?.value).toBe(5);
    expect(cells(wb).B2?.value).toBe(4);
    expect(cells(wb).D1?.formula).toBe('=SUM(A1:A4)');
    expect(cells(wb).D1?.value).toBe(9);
    expect(cells(wb).D2?.formula).toBe('=B2');
    // A1:B3 spans a column that did not move: Excel leaves it as written.
    expect(cells(wb).D3?.formula).toBe('=SUM(A1:B3)');
  });

  it('delete shift left removes the cells and pulls the row in; a deleted reference is #REF!', () => {
    const wb = book();
    deleteCells(wb, undefined, 'B2', 'left');
    expect(cells(wb).B2).toBeUndefined();
    expect(cells(wb).C2?.formula).toBe('=#REF!');
    expect(cells(wb).A2?.value).toBe(3);
    expect(cells(wb).B1?.value).toBe(2);
  });

  it('validation and conditional-format ranges split at the band edge', () => {
    const wb = book();
    addDataValidation(wb, undefined, { range: 'A5:B5', type: 'whole', operator: 'greaterThan', value1: 0 });
    addConditionalFormat(wb, undefined, {
      range: 'A5:B5',
      rule: { type: 'cellIs', operator: 'greaterThan', values: ['1'] },
    });
    insertCells(wb, undefined, 'A1:A2', 'down');
    expect(getSheet(wb).validations[0]!.ranges).toBe('B5 A7');
    expect(getSheet(wb).conditionalFormats[0]!.ranges).toBe('B5 A7');
  });

  it('refuses to cut a merged range or a table, and to push cells off the sheet, changing nothing', () => {
    const wb = book();
    mergeCells(wb, undefined, 'A6:B6');
    const before = JSON.stringify(wb);
    expect(() => insertCells(wb, undefined, 'A1', 'down')).toThrow(/merged cell/);
    expect(() => deleteCells(wb, undefined, 'B5', 'up')).toThrow(/merged cell/);
    expect(JSON.stringify(wb)).toBe(before);
    // A merge wholly inside the band moves with it.
    insertCells(wb, undefined, 'A5:B5', 'down');
    expect(getSheet(wb).merges).toEqual(['A7:B7']);

    const t = book();
    createTable(t, undefined, 'A1:B3');
    expect(() => insertCells(t, undefined, 'A2', 'right')).toThrow(/table/);
    setCellInput(t, undefined, 'XFD9', 'edge');
    expect(() => insertCells(t, undefined, 'E9', 'right')).toThrow(/off of the worksheet/);
    expect(getSheet(t).cells.XFD9?.value).toBe('edge');
  });

  it('inserted cells take the format of the cells above', () => {
    const wb = book();
    getSheet(wb).cells.A1!.style = { font: { bold: true } };
    insertCells(wb, undefined, 'A2', 'down');
    expect(cells(wb).A2?.style).toEqual({ font: { bold: true } });
    expect(cells(wb).B2?.style).toBeUndefined();
  });
});
