import { describe, expect, it } from 'vitest';
import {
  addSheet,
  clearContents,
  createEmptyWorkbook,
  defineName,
  deleteColumns,
  deleteName,
  deleteRows,
  deleteSheet,
  directDependents,
  getSheet,
  insertColumns,
  insertRows,
  renameSheet,
  setCellInput,
  type Workbook,
} from '../../envs/excel/index.ts';

const put = (wb: Workbook, addr: string, text: string, sheet?: string) => setCellInput(wb, sheet, addr, text);
const val = (wb: Workbook, addr: string, sheet?: string) => getSheet(wb, sheet).cells[addr]?.value ?? null;
const fx = (wb: Workbook, addr: string, sheet?: string) => getSheet(wb, sheet).cells[addr]?.formula;

describe('dependency graph and recalculation', () => {
  it('propagates a change through a chain of formulas', () => {
    const wb = createEmptyWorkbook();
    put(wb, 'A1', '2');
    for (let r = 2; r <= 200; r++) put(wb, `A${r}`, `=A${r - 1}+1`);
    expect(val(wb, 'A200')).toBe(201);
    put(wb, 'A1', '10');
    expect(val(wb, 'A200')).toBe(209);
  });

  it('recomputes range dependents and formulas entered before their inputs', () => {
    const wb = createEmptyWorkbook();
    put(wb, 'C1', '=SUM(A1:A3)*B1');
    expect(val(wb, 'C1')).toBe(0);
    put(wb, 'B1', '=A2');
    put(wb, 'A1', '1');
    put(wb, 'A2', '2');
    put(wb, 'A3', '3');
    expect(val(wb, 'B1')).toBe(2);
    expect(val(wb, 'C1')).toBe(12);
    clearContents(wb, undefined, 'A2');
    expect(val(wb, 'C1')).toBe(0);
  });

  it('evaluates a diamond in dependency order whatever the entry order', () => {
    const wb = createEmptyWorkbook();
    put(wb, 'D1', '=B1+C1');
    put(wb, 'C1', '=A1*3');
    put(wb, 'B1', '=A1*2');
    put(wb, 'A1', '5');
    expect(val(wb, 'D1')).toBe(25);
  });

  it('reports circular references, shows 0 there as Excel does, and recovers when the cycle is broken', () => {
    const wb = createEmptyWorkbook();
    put(wb, 'A1', '=B1+1');
    put(wb, 'B1', '=A1+1');
    put(wb, 'C1', '=A1*10');
    expect(val(wb, 'A1')).toBe(0);
    expect(val(wb, 'B1')).toBe(0);
    expect(wb.calc.circularRefs).toEqual(['Sheet1!A1', 'Sheet1!B1']);
    put(wb, 'B1', '7');
    expect(val(wb, 'A1')).toBe(8);
    expect(val(wb, 'C1')).toBe(80);
    expect(wb.calc.circularRefs).toEqual([]);
  });

  it('tracks wide ranges, whole rows and whole columns as precedents', () => {
    const wb = createEmptyWorkbook();
    put(wb, 'A10', '=SUM(A1:CZ1)');
    put(wb, 'B10', '=SUM(2:2)');
    put(wb, 'C10', '=COUNT(E:E)');
    put(wb, 'CY1', '5');
    put(wb, 'ZZ2', '7');
    put(wb, 'E500', '1');
    expect([val(wb, 'A10'), val(wb, 'B10'), val(wb, 'C10')]).toEqual([5, 7, 1]);
    put(wb, 'CY1', '6');
    put(wb, 'A2', '1');
    expect([val(wb, 'A10'), val(wb, 'B10')]).toEqual([6, 8]);
  });

  it('treats a self-reference through a range as circular', () => {
    const wb = createEmptyWorkbook();
    put(wb, 'A1', '1');
    put(wb, 'A3', '=SUM(A1:A3)');
    expect(wb.calc.circularRefs).toEqual(['Sheet1!A3']);
  });

  it('follows cross-sheet references and sheets added later', () => {
    const wb = createEmptyWorkbook();
    put(wb, 'A1', '=Data!B2*2');
    expect(val(wb, 'A1')).toEqual({ error: '#REF!' });
    addSheet(wb, 'Data');
    put(wb, 'B2', '21', 'Data');
    expect(val(wb, 'A1', 'Sheet1')).toBe(42);
    expect(directDependents(wb, 'Data', 'B2')).toEqual(['Sheet1!A1']);
  });

  it('resolves defined names and recalculates when a name changes or goes', () => {
    const wb = createEmptyWorkbook();
    put(wb, 'B1', '100');
    defineName(wb, 'Rate', '=0.07');
    defineName(wb, 'Base', 'B1');
    expect(wb.names.find((n) => n.name === 'Base')!.refersTo).toBe('=Sheet1!$B$1');
    put(wb, 'C1', '=base*rate');
    expect(fx(wb, 'C1')).toBe('=Base*Rate');
    expect(val(wb, 'C1')).toBeCloseTo(7);
    defineName(wb, 'Rate', '=0.1', { replace: true });
    expect(val(wb, 'C1')).toBeCloseTo(10);
    deleteName(wb, 'Rate');
    expect(val(wb, 'C1')).toEqual({ error: '#NAME?' });
  });

  it('refuses bad names with the reason', () => {
    const wb = createEmptyWorkbook();
    expect(() => defineName(wb, 'A1', '=1')).toThrow(/looks like a cell reference/);
    expect(() => defineName(wb, 'my name', '=1')).toThrow(/no spaces/);
    expect(() => defineName(wb, '1st', '=1')).toThrow(/not a valid name/);
    defineName(wb, 'Total', '=1');
    expect(() => defineName(wb, 'TOTAL', '=2')).toThrow(/already exists/);
  });
});

describe('inserting and deleting rows and columns', () => {
  function table(): Workbook {
    const wb = createEmptyWorkbook();
    for (let r = 1; r <= 5; r++) put(wb, `A${r}`, String(r * 10));
    put(wb, 'B1', '=SUM(A1:A5)');
    put(wb, 'B2', '=A3*2');
    put(wb, 'B3', '=$A$5+A1');
    addSheet(wb, 'Other');
    put(wb, 'A1', '=Sheet1!A4', 'Other');
    return wb;
  }

  it('shifts references below an inserted row and grows ranges spanning it', () => {
    const wb = table();
    insertRows(wb, 'Sheet1', 3, 2);
    expect(val(wb, 'A5', 'Sheet1')).toBe(30);
    expect(val(wb, 'A3', 'Sheet1')).toBeNull();
    expect(fx(wb, 'B1', 'Sheet1')).toBe('=SUM(A1:A7)');
    expect(fx(wb, 'B2', 'Sheet1')).toBe('=A5*2');
    // Formula cells below the insertion move too.
    expect(fx(wb, 'B5', 'Sheet1')).toBe('=$A$7+A1');
    expect(fx(wb, 'A1', 'Other')).toBe('=Sheet1!A6');
    expect(val(wb, 'A1', 'Other')).toBe(40);
    put(wb, 'A3', '1000', 'Sheet1');
    expect(val(wb, 'B1', 'Sheet1')).toBe(1150);
  });

  it('turns references to deleted rows into #REF! and shrinks ranges', () => {
    const wb = table();
    deleteRows(wb, 'Sheet1', 3);
    expect(fx(wb, 'B1', 'Sheet1')).toBe('=SUM(A1:A4)');
    expect(val(wb, 'B1', 'Sheet1')).toBe(120);
    expect(fx(wb, 'B2', 'Sheet1')).toBe('=#REF!*2');
    expect(val(wb, 'B2', 'Sheet1')).toEqual({ error: '#REF!' });
    expect(fx(wb, 'A1', 'Other')).toBe('=Sheet1!A3');
    expect(val(wb, 'A1', 'Other')).toBe(40);
  });

  it('adjusts column references on column insert and delete', () => {
    const wb = createEmptyWorkbook();
    put(wb, 'A1', '1');
    put(wb, 'B1', '2');
    put(wb, 'C1', '3');
    put(wb, 'D1', '=SUM(A1:C1)');
    put(wb, 'E1', '=B1*10');
    insertColumns(wb, undefined, 'B');
    expect(fx(wb, 'E1')).toBe('=SUM(A1:D1)');
    expect(fx(wb, 'F1')).toBe('=C1*10');
    expect(val(wb, 'F1')).toBe(20);
    deleteColumns(wb, undefined, 'C');
    expect(fx(wb, 'D1')).toBe('=SUM(A1:C1)');
    expect(val(wb, 'D1')).toBe(4);
    expect(fx(wb, 'E1')).toBe('=#REF!*10');
  });

  it('moves merges, validations, conditional formats, names, row heights and the filter with the rows', () => {
    const wb = table();
    const s = getSheet(wb, 'Sheet1');
    s.merges.push('C4:D4');
    s.rows['4'] = { height: 30 };
    s.validations.push({ ranges: 'E2:E5', type: 'list', listItems: ['a'] });
    s.conditionalFormats.push({
      ranges: 'A1:A5',
      rule: { type: 'blanks' },
      style: { fill: '#FF0000' },
      priority: 1,
    });
    s.autoFilter = { range: 'A1:B5', criteria: {} };
    defineName(wb, 'Tail', 'Sheet1!A4:A5');
    insertRows(wb, 'Sheet1', 2);
    expect(s.merges).toEqual(['C5:D5']);
    expect(s.rows['5']).toEqual({ height: 30 });
    expect(s.validations[0]!.ranges).toBe('E3:E6');
    expect(s.conditionalFormats[0]!.ranges).toBe('A1:A6');
    expect(s.autoFilter.range).toBe('A1:B6');
    expect(wb.names[0]!.refersTo).toBe('=Sheet1!$A$5:$A$6');
    deleteRows(wb, 'Sheet1', 5, 2);
    expect(s.merges).toEqual([]);
    expect(wb.names[0]!.refersTo).toBe('=Sheet1!#REF!');
  });

  it('refuses a bad row count with a clear error and changes nothing', () => {
    const wb = table();
    const before = JSON.stringify(wb);
    expect(() => insertRows(wb, 'Sheet1', 0)).toThrow(/row 0 is outside/);
    expect(() => deleteRows(wb, 'Sheet1', 2, -1)).toThrow(/positive whole number/);
    expect(() => insertColumns(wb, 'Sheet1', 'ZZZZ')).toThrow(/not a column/);
    expect(JSON.stringify(wb)).toBe(before);
  });
});

describe('sheets', () => {
  it('renames a sheet and rewrites every formula that mentions it', () => {
    const wb = createEmptyWorkbook();
    addSheet(wb, 'Data');
    put(wb, 'A1', '5', 'Data');
    put(wb, 'A1', '=Data!A1*2', 'Sheet1');
    defineName(wb, 'Src', 'Data!A1');
    renameSheet(wb, 'data', 'Q1 Data');
    expect(fx(wb, 'A1', 'Sheet1')).toBe("='Q1 Data'!A1*2");
    expect(val(wb, 'A1', 'Sheet1')).toBe(10);
    expect(wb.names[0]!.refersTo).toBe("='Q1 Data'!$A$1");
    expect(wb.activeSheet).toBe('Q1 Data');
    expect(() => renameSheet(wb, 'Sheet1', 'q1 data')).toThrow(/already taken/);
    expect(() => renameSheet(wb, 'Sheet1', 'a/b')).toThrow(/contains '\/'/);
  });

  it('names new sheets like Excel and deletes sheets turning references into #REF!', () => {
    const wb = createEmptyWorkbook();
    expect(addSheet(wb)).toBe('Sheet2');
    expect(addSheet(wb)).toBe('Sheet3');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet2', 'Sheet3']);
    put(wb, 'A1', '=Sheet2!A1+1', 'Sheet1');
    deleteSheet(wb, 'Sheet2');
    expect(fx(wb, 'A1', 'Sheet1')).toBe('=#REF!+1');
    expect(val(wb, 'A1', 'Sheet1')).toEqual({ error: '#REF!' });
    deleteSheet(wb, 'Sheet3');
    expect(() => deleteSheet(wb, 'Sheet1')).toThrow(/at least one visible worksheet/);
    expect(() => deleteSheet(wb, 'Nope')).toThrow(/no sheet named 'Nope' \(sheets: 'Sheet1'\)/);
  });
});

describe('dynamic arrays (spill)', () => {
  it('spills a multi-cell result into the cells below and right, and readers see the spilled values', () => {
    const wb = createEmptyWorkbook();
    ['b', 'a', 'b', 'c'].forEach((t, i) => put(wb, `A${i + 1}`, t));
    put(wb, 'D1', '=COUNTA(C1:C10)');
    put(wb, 'C1', '=UNIQUE(A1:A4)');
    expect([1, 2, 3, 4].map((r) => val(wb, `C${r}`))).toEqual(['b', 'a', 'c', null]);
    expect(getSheet(wb).cells.C2).toEqual({ value: 'a', spilledFrom: 'C1' });
    expect(val(wb, 'D1')).toBe(3);
    put(wb, 'A4', 'd');
    put(wb, 'A5', 'e');
    expect(val(wb, 'C3')).toBe('d');
    put(wb, 'E1', '=A1:A2&"!"');
    expect([val(wb, 'E1'), val(wb, 'E2')]).toEqual(['b!', 'a!']);
    put(wb, 'F1', '={1,2;3,4}*10');
    expect([val(wb, 'F1'), val(wb, 'G1'), val(wb, 'F2'), val(wb, 'G2')]).toEqual([10, 20, 30, 40]);
  });

  it('shows #SPILL! when the block is taken and spills again once it is free', () => {
    const wb = createEmptyWorkbook();
    put(wb, 'A1', '1');
    put(wb, 'A2', '2');
    put(wb, 'B2', 'in the way');
    put(wb, 'B1', '=A1:A2*2');
    expect(val(wb, 'B1')).toEqual({ error: '#SPILL!' });
    clearContents(wb, undefined, 'B2');
    expect([val(wb, 'B1'), val(wb, 'B2')]).toEqual([2, 4]);
    put(wb, 'B2', 'mine');
    expect(val(wb, 'B1')).toEqual({ error: '#SPILL!' });
    expect(getSheet(wb).cells.B2).toEqual({ value: 'mine' });
    clearContents(wb, undefined, 'B2');
    expect(val(wb, 'B2')).toBe(4);
    // Deleting the formula removes its spilled values.
    clearContents(wb, undefined, 'B1');
    expect(getSheet(wb).cells.B2).toBeUndefined();
  });

  it('re-spills after structural edits', () => {
    const wb = createEmptyWorkbook();
    put(wb, 'A1', '3');
    put(wb, 'A2', '1');
    put(wb, 'C1', '=SORT(A1:A2)');
    insertRows(wb, undefined, 1);
    expect(getSheet(wb).cells.C2!.formula).toBe('=SORT(A2:A3)');
    expect([val(wb, 'C2'), val(wb, 'C3')]).toEqual([1, 3]);
    expect(getSheet(wb).cells.C1).toBeUndefined();
  });
});

describe('more sheet operations', () => {
  it('copies, moves, hides and activates sheets', async () => {
    const { copySheet, moveSheet, setSheetHidden, activateSheet, addChart } =
      await import('../../envs/excel/index.ts');
    const wb = createEmptyWorkbook();
    put(wb, 'A1', '4');
    put(wb, 'B1', '=A1*2');
    addChart(wb, undefined, { type: 'line', dataRange: 'A1:B1' });
    expect(copySheet(wb, 'Sheet1')).toBe('Sheet1 (2)');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet1 (2)']);
    expect(getSheet(wb, 'Sheet1 (2)').cells.B1).toMatchObject({ formula: '=A1*2', value: 8 });
    expect(getSheet(wb, 'Sheet1 (2)').charts.map((c) => c.id)).toEqual(['Chart 2']);
    put(wb, 'A1', '5', 'Sheet1 (2)');
    expect(val(wb, 'B1', 'Sheet1')).toBe(8);
    moveSheet(wb, 'Sheet1 (2)', 0);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1 (2)', 'Sheet1']);
    setSheetHidden(wb, 'Sheet1', true);
    expect(() => setSheetHidden(wb, 'Sheet1 (2)', true)).toThrow(/at least one visible worksheet/);
    expect(() => activateSheet(wb, 'Sheet1')).toThrow(/is hidden/);
    expect(() => moveSheet(wb, 'Sheet1', 5)).toThrow(/position 5 is outside 0-1/);
  });

  it('prefers a sheet-scoped name over a workbook name of the same spelling', () => {
    const wb = createEmptyWorkbook({ sheetNames: ['A', 'B'] });
    defineName(wb, 'Tax', '=0.1');
    defineName(wb, 'Tax', '=0.2', { scope: 'B' });
    put(wb, 'A1', '=Tax*100', 'A');
    put(wb, 'A1', '=Tax*100', 'B');
    expect(val(wb, 'A1', 'A')).toBeCloseTo(10);
    expect(val(wb, 'A1', 'B')).toBeCloseTo(20);
    deleteSheet(wb, 'B');
    expect(wb.names).toEqual([{ name: 'Tax', refersTo: '=0.1' }]);
  });
});
