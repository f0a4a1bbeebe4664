/**
 * UFO's Excel app APIs (ufo/automator/app_apis/excel/excelclient.py, v1.2 and v2): table2markdown,
 * insert_excel_table, select_table_range, reorder_columns and save_as, on the simulated workbook.
 * They keep UFO's observable behaviour, quirks included, because LAMs are trained on what UFO
 * returned: table2markdown prints numbers with no decimals ("{:.0f}"), an unknown sheet in
 * select_table_range falls back to the first sheet, reorder_columns keeps only the listed columns
 * (as values), and save_as defaults to CSV.
 */
import { lettersToCol, MAX_COLS, MAX_ROWS, rectToA1, toA1 } from './formula/address.ts';
import { formatValue, isDateTimeFormat } from './formula/number-format.ts';
import { isError } from './formula/values.ts';
import { writeCells } from './model/cells.ts';
import { parseEntry } from './model/entry.ts';
import { ExcelError } from './model/errors.ts';
import { deleteColumns } from './model/structure.ts';
import type { CellValue, Sheet, Workbook } from './model/types.ts';
import { getSheet, usedRect } from './model/workbook.ts';
import { exportXlsx } from './ooxml/export.ts';

/** A sheet by name, or by 1-based index as COM's Sheets(i) takes it. */
function sheetArg(wb: Workbook, sheet: string | number): Sheet {
  if (typeof sheet === 'number') {
    const s = wb.sheets[sheet - 1];
    if (!Number.isInteger(sheet) || !s)
      throw new ExcelError(
        'NO_SUCH_SHEET',
        `there is no sheet number ${sheet} (the workbook has ${wb.sheets.length})`,
      );
    return s;
  }
  return getSheet(wb, sheet);
}

function colArg(c: number | string, what: string): number {
  if (typeof c === 'string' && /^[A-Za-z]+$/.test(c)) {
    const n = lettersToCol(c);
    if (!Number.isNaN(n)) return n;
  }
  const n = Number(c);
  if (!Number.isInteger(n) || n < 1 || n > MAX_COLS) {
    throw new ExcelError(
      'BAD_ARGUMENT',
      `${what} '${String(c)}' is not a column (use 1-${MAX_COLS} or letters like "C")`,
    );
  }
  return n;
}

function rowArg(r: number, what: string): number {
  if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS)
    throw new ExcelError('BAD_ARGUMENT', `${what} ${String(r)} is not a row (1-${MAX_ROWS})`);
  return r;
}

/** UFO's cell text: numbers as "{:.0f}" (Python rounds half to even), text as shown. */
function ufoText(value: CellValue, fmt: string | undefined): string {
  if (value === null) return '';
  // COM hands dates over as datetimes, which pandas prints in ISO form.
  if (typeof value === 'number' && isDateTimeFormat(fmt)) return formatValue(value, 'yyyy-mm-dd hh:mm:ss');
  // Python's bool is an int, so "{:.0f}" prints 1 and 0.
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    const r = Math.round(value);
    const even = Math.abs(value % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
    // Python keeps the sign of a negative number that rounds to zero ("-0").
    return even === 0 && value < 0 ? '-0' : String(even);
  }
  if (isError(value)) return value.error;
  return formatValue(value, fmt);
}

/** tabulate's number test, which decides right alignment of a column. */
const isNumeric = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/**
 * table2markdown(sheet_name): the sheet's used range as a pandas `to_markdown(index=False)` table,
 * first row as the header, all-blank rows dropped.
 */
export function table2markdown(wb: Workbook, sheetName: string | number): string {
  const sheet = sheetArg(wb, sheetName);
  const rect = usedRect(sheet);
  if (!rect) return '';
  const grid: string[][] = [];
  for (let r = rect.r1; r <= rect.r2; r++) {
    const row: string[] = [];
    let any = false;
    for (let c = rect.c1; c <= rect.c2; c++) {
      const cell = sheet.cells[toA1(r, c)];
      if (cell && cell.value !== null) any = true;
      row.push(cell ? ufoText(cell.value, cell.style?.numFmt) : '');
    }
    if (r === rect.r1 || any) grid.push(row);
  }
  const [header, ...body] = grid as [string[], ...string[][]];
  const ncol = header.length;
  const right = Array.from({ length: ncol }, (_, c) => {
    const vals = body.map((r) => r[c]!).filter((v) => v !== '');
    return vals.length > 0 && vals.every(isNumeric);
  });
  const width = Array.from({ length: ncol }, (_, c) =>
    Math.max(header[c]!.length + 2, ...body.map((r) => r[c]!.length)),
  );
  const pad = (s: string, c: number) => (right[c] ? s.padStart(width[c]!) : s.padEnd(width[c]!));
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${width.map((w, c) => (right[c] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

export type TableValue = string | number | boolean | null;

/**
 * insert_excel_table(table, sheet_name, start_row, start_col): writes a list of rows as COM's
 * Range.Value does (text is read like typed input, so "=A1*2" becomes a formula; data validation is
 * not applied). Returns the table.
 */
export function insertExcelTable(
  wb: Workbook,
  sheetName: string | number,
  table: TableValue[][],
  startRow: number = 1,
  startCol: number | string = 1,
): TableValue[][] {
  const sheet = sheetArg(wb, sheetName);
  if (!Array.isArray(table) || table.some((r) => !Array.isArray(r))) {
    throw new ExcelError('BAD_ARGUMENT', 'table must be a list of rows, each a list of values');
  }
  const r0 = rowArg(startRow, 'start_row');
  const c0 = colArg(startCol, 'start_col');
  const writes: Parameters<typeof writeCells>[2] = [];
  table.forEach((row, i) =>
    row.forEach((v, j) => {
      const row1 = rowArg(r0 + i, 'row');
      const col1 = colArg(c0 + j, 'column');
      if (v === null || v === undefined) writes.push({ row: row1, col: col1, value: null });
      else if (typeof v === 'number' || typeof v === 'boolean')
        writes.push({ row: row1, col: col1, value: v });
      else if (typeof v === 'string') {
        const e = parseEntry(v, sheet.cells[toA1(row1, col1)]?.style?.numFmt, wb);
        if (e.kind === 'formula') writes.push({ row: row1, col: col1, formula: e.formula });
        else writes.push({ row: row1, col: col1, value: e.kind === 'clear' ? null : e.value });
      } else throw new ExcelError('BAD_ARGUMENT', `table[${i}][${j}] is not a text, number, boolean or null`);
    }),
  );
  writeCells(wb, sheet, writes);
  return table;
}

/**
 * select_table_range(sheet_name, start_row, start_col, end_row, end_col): selects a range (-1 runs
 * to the sheet's edge); an unknown sheet name falls back to the first sheet, as UFO does.
 */
export function selectTableRange(
  wb: Workbook,
  sheetName: string,
  startRow: number,
  startCol: number | string,
  endRow: number,
  endCol: number | string,
): string {
  const sheet = wb.sheets.find((s) => s.name === sheetName) ?? wb.sheets[0]!;
  const r1 = rowArg(startRow, 'start_row');
  const c1 = colArg(startCol, 'start_col');
  const r2 = endRow === -1 ? MAX_ROWS : rowArg(endRow, 'end_row');
  const c2 = endCol === -1 ? MAX_COLS : colArg(endCol, 'end_col');
  const rect = { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  sheet.selection = { active: toA1(r1, c1), ranges: [rectToA1(rect)] };
  wb.activeSheet = sheet.name;
  return `Range ${startRow}:${String(startCol)} to ${endRow}:${String(endCol)} is selected.`;
}

function pyList(items: string[]): string {
  return `[${items.map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}

/**
 * reorder_columns(sheet_name, desired_order): the columns whose row-1 headers are listed are put, in
 * that order, into the slots of the non-empty header columns; columns with blank headers stay where
 * they are. As in UFO, header columns not listed are deleted and the moved columns keep values only.
 */
export function reorderColumns(wb: Workbook, sheetName: string | number, desiredOrder: string[]): string {
  const sheet = sheetArg(wb, sheetName);
  if (!Array.isArray(desiredOrder) || desiredOrder.some((x) => typeof x !== 'string')) {
    throw new ExcelError('BAD_ARGUMENT', 'desired_order must be a list of column header names');
  }
  const rect = usedRect(sheet);
  if (!rect) return `Columns reordered successfully into: ${pyList(desiredOrder)}`;
  const headerCols: { name: string; col: number }[] = [];
  const emptyCols: number[] = [];
  for (let c = 1; c <= rect.c2; c++) {
    const v = sheet.cells[toA1(1, c)]?.value;
    const name = v === null || v === undefined ? '' : ufoHeader(v);
    if (name.trim() !== '') headerCols.push({ name: name.trim(), col: c });
    else emptyCols.push(c);
  }
  const byName = new Map(headerCols.map((h) => [h.name, h.col] as const));
  const moved: { name: string; values: CellValue[] }[] = [];
  for (const name of desiredOrder) {
    const col = byName.get(name);
    if (col === undefined) continue;
    const values: CellValue[] = [];
    for (let r = 1; r <= Math.max(rect.r2, 1); r++) values.push(sheet.cells[toA1(r, col)]?.value ?? null);
    moved.push({ name, values });
  }
  for (const { col } of [...headerCols].sort((a, b) => b.col - a.col)) deleteColumns(wb, sheet.name, col);
  // Slots are counted over the original layout: the n-th column that was not blank-headed.
  const slot = (n: number) => {
    let col = 0;
    let seen = 0;
    while (seen < n) {
      col++;
      if (!emptyCols.includes(col)) seen++;
    }
    return col;
  };
  const writes: Parameters<typeof writeCells>[2] = [];
  moved.forEach((m, i) => {
    const col = slot(i + 1);
    m.values.forEach((v, r) => writes.push({ row: r + 1, col, value: v }));
  });
  writeCells(wb, sheet, writes);
  return `Columns reordered successfully into: ${pyList(desiredOrder)}`;
}

function ufoHeader(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

/** The active sheet's used range as CSV, with displayed text, as Excel's "CSV (Comma delimited)" writes it. */
export function sheetToCsv(wb: Workbook, sheetName?: string): string {
  const sheet = getSheet(wb, sheetName);
  const rect = usedRect(sheet);
  if (!rect) return '';
  const lines: string[] = [];
  for (let r = 1; r <= rect.r2; r++) {
    const fields: string[] = [];
    for (let c = 1; c <= rect.c2; c++) {
      const cell = sheet.cells[toA1(r, c)];
      const t = cell ? formatValue(cell.value, cell.style?.numFmt) : '';
      fields.push(/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
    }
    lines.push(fields.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface SavedFile {
  /** file_dir/file_name + file_ext, as UFO joins it. */
  path: string;
  bytes: Uint8Array;
  message: string;
}

/**
 * save_as(file_dir, file_name, file_ext): the bytes of the workbook in the requested format (.xlsx or
 * .csv; UFO's default is .csv). The caller decides where the bytes go; the simulator never touches disk.
 */
export async function saveAs(
  wb: Workbook,
  fileDir: string,
  fileName: string,
  fileExt = '.csv',
): Promise<SavedFile> {
  const ext = (fileExt || '.csv').toLowerCase().startsWith('.')
    ? (fileExt || '.csv').toLowerCase()
    : `.${fileExt.toLowerCase()}`;
  const dir = fileDir.replace(/[\\/]+$/, '');
  const path = dir ? `${dir}/${fileName}${ext}` : `${fileName}${ext}`;
  let bytes: Uint8Array;
  if (ext === '.xlsx') bytes = await exportXlsx(wb);
  else if (ext === '.csv') bytes = new TextEncoder().encode(sheetToCsv(wb));
  else {
    throw new ExcelError(
      'BAD_ARGUMENT',
      `Failed to save the document to ${path}. The simulator writes .xlsx and .csv, not '${fileExt}'`,
    );
  }
  return { path, bytes, message: `Document is saved to ${path}.` };
}
