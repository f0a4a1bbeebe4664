import { describe, expect, it } from 'vitest';
import * as X from '../../envs/excel/index.ts';

const put = (wb: X.Workbook, a: string, t: string, s?: string) => X.setCellInput(wb, s, a, t);
const cell = (wb: X.Workbook, a: string, s?: string) => X.getSheet(wb, s).cells[a];

function sheet(): X.Workbook {
  const wb = X.createEmptyWorkbook();
  put(wb, 'A1', '1');
  put(wb, 'A2', '2');
  put(wb, 'A3', '3');
  put(wb, 'B1', '=A1*10');
  put(wb, 'C1', '=$A$1+B1');
  X.setFont(wb, undefined, 'B1', { bold: true });
  return wb;
}

describe('copy, cut, paste and fill', () => {
  it('pastes formulas with relative references moved and absolute ones kept, with formats', () => {
    const wb = sheet();
    const clip = X.copyRange(wb, undefined, 'B1:C1');
    expect(X.paste(wb, undefined, 'B2', clip)).toBe('B2:C2');
    expect(cell(wb, 'B2')).toEqual({ value: 20, formula: '=A2*10', style: { font: { bold: true } } });
    expect(cell(wb, 'C2')).toMatchObject({ value: 21, formula: '=$A$1+B2' });
    // A larger target that is a multiple of the copy is tiled.
    X.paste(wb, undefined, 'E1:F2', X.copyRange(wb, undefined, 'A1'));
    expect(['E1', 'F1', 'E2', 'F2'].map((a) => cell(wb, a)?.value)).toEqual([1, 1, 1, 1]);
  });

  it('gives #REF! when a copied reference leaves the sheet, and pastes values or formats only', () => {
    const wb = sheet();
    X.paste(wb, undefined, 'B5', X.copyRange(wb, undefined, 'B1'));
    expect(cell(wb, 'B5')!.formula).toBe('=A5*10');
    put(wb, 'D2', '=A1');
    X.paste(wb, undefined, 'D1', X.copyRange(wb, undefined, 'D2'));
    expect(cell(wb, 'D1')).toMatchObject({ formula: '=#REF!', value: { error: '#REF!' } });
    X.paste(wb, undefined, 'G1', X.copyRange(wb, undefined, 'B1'), 'values');
    expect(cell(wb, 'G1')).toEqual({ value: 10 });
    X.paste(wb, undefined, 'H1', X.copyRange(wb, undefined, 'B1'), 'formats');
    expect(cell(wb, 'H1')).toEqual({ value: null, style: { font: { bold: true } } });
  });

  it('cut and paste moves cells and makes references to them follow', () => {
    const wb = sheet();
    X.addSheet(wb, 'Other');
    put(wb, 'A1', '=Sheet1!A1+Sheet1!A3', 'Other');
    X.activateSheet(wb, 'Sheet1');
    X.paste(wb, undefined, 'D5', X.cutRange(wb, undefined, 'A1:A2'));
    expect(cell(wb, 'A1')).toBeUndefined();
    expect(cell(wb, 'D5')!.value).toBe(1);
    expect(cell(wb, 'B1')!.formula).toBe('=D5*10');
    expect(cell(wb, 'C1')!.formula).toBe('=$D$5+B1');
    expect(cell(wb, 'A1', 'Other')).toMatchObject({ formula: '=Sheet1!D5+Sheet1!A3', value: 4 });
  });

  it('moves cut formulas to another sheet keeping what they read', () => {
    const wb = sheet();
    X.addSheet(wb, 'Other');
    X.paste(wb, 'Other', 'A1', X.cutRange(wb, 'Sheet1', 'B1'));
    expect(cell(wb, 'A1', 'Other')).toMatchObject({ formula: '=Sheet1!A1*10', value: 10 });
    expect(cell(wb, 'C1', 'Sheet1')!.formula).toBe('=$A$1+Other!A1');
    expect(cell(wb, 'C1', 'Sheet1')!.value).toBe(11);
  });

  it('fills down and right', () => {
    const wb = sheet();
    X.fillDown(wb, undefined, 'B1:C3');
    expect(['B2', 'B3', 'C3'].map((a) => cell(wb, a)!.formula)).toEqual(['=A2*10', '=A3*10', '=$A$1+B3']);
    expect(cell(wb, 'C3')!.value).toBe(31);
    X.fillRight(wb, undefined, 'B2:D2');
    expect(cell(wb, 'D2')).toMatchObject({ formula: '=C2*10', value: 2000 });
    expect(() => X.fillDown(wb, undefined, 'A1')).toThrow(/needs a row above/);
  });

  it('refuses to paste over part of a merged range', () => {
    const wb = sheet();
    X.mergeCells(wb, undefined, 'E1:F1');
    expect(() => X.paste(wb, undefined, 'F1', X.copyRange(wb, undefined, 'A1'))).toThrow(
      /part of the merged range E1:F1/,
    );
  });
});
