/** Excel tables (Home > Format as Table, Insert > Table): a named, styled range with a header row. */
import { rectsIntersect, rectToA1, toA1 } from '../formula/address.ts';
import { recalculate } from './calc.ts';
import { ExcelError } from './errors.ts';
import type { ExcelTable, Workbook } from './types.ts';
import { getSheet, rangeRect } from './workbook.ts';

/** The name Excel gives the next table: "Table" plus one more than the highest number in use. */
export function nextTableName(wb: Workbook): string {
  let max = 0;
  for (const s of wb.sheets)
    for (const t of s.tables ?? []) {
      const m = /^Table(\d+)$/i.exec(t.name);
      if (m) max = Math.max(max, Number(m[1]));
    }
  return `Table${max + 1}`;
}

export interface CreateTableOptions {
  /** Built-in style, e.g. "TableStyleMedium2" (Excel's default for Insert > Table). */
  style?: string;
  /** Whether the range's first row holds the headers; without, Excel adds a "Column1, Column2..." row above. */
  headers?: boolean;
}

/**
 * Turns a range into a table. Like Excel, it refuses ranges that overlap another table or a merged range, and a
 * sheet AutoFilter over the range gives way to the table's own filter buttons.
 */
export function createTable(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  opts: CreateTableOptions = {},
): ExcelTable {
  const sheet = getSheet(wb, sheetName);
  let rect = rangeRect(range);
  for (const t of sheet.tables ?? [])
    if (rectsIntersect(rangeRect(t.range), rect))
      throw new ExcelError('BAD_ARGUMENT', "A table can't overlap another table.");
  for (const m of sheet.merges)
    if (rectsIntersect(rangeRect(m), rect))
      throw new ExcelError('MERGE_CONFLICT', "A table can't contain merged cells.");
  if (opts.headers === false) {
    // Shift the range's columns down by one row (as Insert Cells > Shift cells down does) to make room.
    const moves = Object.keys(sheet.cells)
      .map((addr) => ({ addr, p: rangeRect(addr) }))
      .filter(({ p }) => p.c1 >= rect.c1 && p.c1 <= rect.c2 && p.r1 >= rect.r1)
      .sort((a, b) => b.p.r1 - a.p.r1);
    for (const { addr, p } of moves) {
      sheet.cells[toA1(p.r1 + 1, p.c1)] = sheet.cells[addr]!;
      delete sheet.cells[addr];
    }
    for (let c = rect.c1; c <= rect.c2; c++)
      sheet.cells[toA1(rect.r1, c)] = { value: `Column${c - rect.c1 + 1}` };
    rect = { ...rect, r2: rect.r2 + 1 };
  }
  if (sheet.autoFilter !== null && rectsIntersect(rangeRect(sheet.autoFilter.range), rect)) {
    for (const [k, r] of Object.entries(sheet.rows)) {
      if (!r.filtered) continue;
      delete r.filtered;
      delete r.hidden;
      if (Object.keys(r).length === 0) delete sheet.rows[k];
    }
    sheet.autoFilter = null;
  }
  const table: ExcelTable = {
    name: nextTableName(wb),
    range: rectToA1(rect),
    style: opts.style ?? 'TableStyleMedium2',
    headerRow: true,
    bandedRows: true,
  };
  (sheet.tables ??= []).push(table);
  recalculate(wb);
  return table;
}
