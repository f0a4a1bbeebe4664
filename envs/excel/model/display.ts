/** What the grid and the formula bar show for a cell. */
import { editText, formatValue } from '../formula/number-format.ts';
import type { Sheet, Workbook } from './types.ts';
import { cellPos, getSheet } from './workbook.ts';
import { toA1 } from '../formula/address.ts';

/** The displayed text of a cell (its value rendered with its number format); '' for blank cells. */
export function displayText(wb: Workbook, sheetName: string | undefined, addr: string): string {
  const sheet = getSheet(wb, sheetName);
  const { row, col } = cellPos(addr);
  return cellDisplayText(sheet, toA1(row, col));
}

export function cellDisplayText(sheet: Sheet, addr: string): string {
  const c = sheet.cells[addr];
  if (!c) return '';
  return formatValue(c.value, c.style?.numFmt);
}

/** The formula bar's text: the formula, or the constant as Excel lets you edit it (dates as m/d/yyyy). */
export function formulaBarText(wb: Workbook, sheetName: string | undefined, addr: string): string {
  const sheet = getSheet(wb, sheetName);
  const { row, col } = cellPos(addr);
  const c = sheet.cells[toA1(row, col)];
  if (!c) return '';
  if (c.formula !== undefined) return c.formula;
  const t = editText(c.value, c.style?.numFmt);
  return c.style?.quotePrefix ? `'${t}` : t;
}
