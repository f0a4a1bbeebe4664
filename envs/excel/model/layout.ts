/** Column widths, row heights, hiding, and freeze panes (Format and View tab commands). */
import { colToLetters, MAX_COLS, MAX_ROWS, parseA1 } from '../formula/address.ts';
import { formatValue } from '../formula/number-format.ts';
import { ExcelError } from './errors.ts';
import { DEFAULT_COL_WIDTH, DEFAULT_ROW_HEIGHT, type Freeze, type Workbook } from './types.ts';
import { getSheet, rangeRect } from './workbook.ts';

/**
 * Displayed column width (characters of the default font's digit, 7 px in Calibri 11) to the width
 * files store, which adds 5 px of padding (ECMA-376 18.3.1.13). Widths snap to whole pixels, as in Excel.
 */
export function widthToFile(width: number): number {
  if (width <= 0) return 0;
  const pixels = Math.round(width * 7) + 5;
  return Math.trunc((pixels / 7) * 256) / 256;
}

export function widthFromFile(stored: number): number {
  if (stored <= 0) return 0;
  const pixels = Math.trunc(((256 * stored + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(((pixels - 5) / 7) * 100) / 100;
}

/** Columns named by "B", "B:D", "B2:D9" (its columns) or 1-based numbers. */
function columnSpan(cols: string | number): [number, number] {
  if (typeof cols === 'number') {
    if (!Number.isInteger(cols) || cols < 1 || cols > MAX_COLS) {
      throw new ExcelError('BAD_ADDRESS', `column ${cols} is outside 1-${MAX_COLS}`);
    }
    return [cols, cols];
  }
  const t = cols.trim();
  const r = rangeRect(/^[A-Za-z$]+$/.test(t) ? `${t}:${t}` : t);
  return [r.c1, r.c2];
}

function rowSpan(rows: string | number): [number, number] {
  if (typeof rows === 'number') {
    if (!Number.isInteger(rows) || rows < 1 || rows > MAX_ROWS) {
      throw new ExcelError('BAD_ADDRESS', `row ${rows} is outside 1-${MAX_ROWS}`);
    }
    return [rows, rows];
  }
  const t = rows.trim();
  const r = rangeRect(/^\$?\d+$/.test(t) ? `${t}:${t}` : t);
  return [r.r1, r.r2];
}

/** Format > Column Width: 0-255 characters (0 hides the column, as in Excel). */
export function setColumnWidth(
  wb: Workbook,
  sheetName: string | undefined,
  cols: string | number,
  width: number,
): void {
  if (typeof width !== 'number' || !(width >= 0 && width <= 255)) {
    throw new ExcelError(
      'BAD_ARGUMENT',
      `column width must be between 0 and 255 characters (got ${String(width)})`,
    );
  }
  const sheet = getSheet(wb, sheetName);
  const [c1, c2] = columnSpan(cols);
  for (let c = c1; c <= c2; c++) {
    const key = colToLetters(c);
    const props = (sheet.cols[key] ??= {});
    props.width = widthFromFile(widthToFile(width));
  }
}

/** Format > Row Height: 0-409 points. */
export function setRowHeight(
  wb: Workbook,
  sheetName: string | undefined,
  rows: string | number,
  height: number,
): void {
  if (typeof height !== 'number' || !(height >= 0 && height <= 409)) {
    throw new ExcelError(
      'BAD_ARGUMENT',
      `row height must be between 0 and 409 points (got ${String(height)})`,
    );
  }
  const sheet = getSheet(wb, sheetName);
  const [r1, r2] = rowSpan(rows);
  if (r2 - r1 > 100_000)
    throw new ExcelError('BAD_ARGUMENT', 'set the default row height instead of 100,000+ rows');
  for (let r = r1; r <= r2; r++) {
    const props = (sheet.rows[String(r)] ??= {});
    props.height = height;
  }
}

export function columnWidth(wb: Workbook, sheetName: string | undefined, col: string | number): number {
  const sheet = getSheet(wb, sheetName);
  const [c] = columnSpan(col);
  const p = sheet.cols[colToLetters(c)];
  if (p?.hidden) return 0;
  return p?.width ?? DEFAULT_COL_WIDTH;
}

export function rowHeight(wb: Workbook, sheetName: string | undefined, row: number): number {
  const sheet = getSheet(wb, sheetName);
  const [r] = rowSpan(row);
  const p = sheet.rows[String(r)];
  if (p?.hidden) return 0;
  return p?.height ?? DEFAULT_ROW_HEIGHT;
}

/**
 * Format > AutoFit Column Width: the widest displayed text in the column, in characters of the default
 * font (scaled by font size), plus padding, as Excel approximates it.
 */
export function autoFitColumns(wb: Workbook, sheetName: string | undefined, cols: string | number): void {
  const sheet = getSheet(wb, sheetName);
  const [c1, c2] = columnSpan(cols);
  const widest = new Map<number, number>();
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    const p = parseA1(addr)!;
    if (p.col < c1 || p.col > c2) continue;
    const text = formatValue(cell.value, cell.style?.numFmt);
    const scale = (cell.style?.font?.size ?? wb.defaultFont.size) / 11;
    const w = text.length * scale * (cell.style?.font?.bold ? 1.1 : 1);
    widest.set(p.col, Math.max(widest.get(p.col) ?? 0, w));
  }
  for (let c = c1; c <= c2; c++) {
    const key = colToLetters(c);
    const w = widest.get(c);
    if (w === undefined) {
      if (sheet.cols[key]) delete sheet.cols[key]!.width;
      continue;
    }
    (sheet.cols[key] ??= {}).width = widthFromFile(widthToFile(Math.min(255, w + 0.71)));
  }
}

export function setColumnsHidden(
  wb: Workbook,
  sheetName: string | undefined,
  cols: string | number,
  hidden: boolean,
): void {
  const sheet = getSheet(wb, sheetName);
  const [c1, c2] = columnSpan(cols);
  for (let c = c1; c <= c2; c++) {
    const key = colToLetters(c);
    if (hidden) (sheet.cols[key] ??= {}).hidden = true;
    else if (sheet.cols[key]) {
      delete sheet.cols[key]!.hidden;
      if (Object.keys(sheet.cols[key]!).length === 0) delete sheet.cols[key];
    }
  }
}

export function setRowsHidden(
  wb: Workbook,
  sheetName: string | undefined,
  rows: string | number,
  hidden: boolean,
): void {
  const sheet = getSheet(wb, sheetName);
  const [r1, r2] = rowSpan(rows);
  for (let r = r1; r <= r2; r++) {
    const key = String(r);
    if (hidden) (sheet.rows[key] ??= {}).hidden = true;
    else if (sheet.rows[key]) {
      delete sheet.rows[key]!.hidden;
      delete sheet.rows[key]!.filtered;
      if (Object.keys(sheet.rows[key]!).length === 0) delete sheet.rows[key];
    }
  }
}

/**
 * View > Freeze Panes at a cell: rows above and columns left of it stay put. "A1" unfreezes;
 * freezeTopRow / freezeFirstColumn are "A2" / "B1".
 */
export function freezePanes(wb: Workbook, sheetName: string | undefined, cell: string): Freeze | null {
  const sheet = getSheet(wb, sheetName);
  const p = parseA1(cell.trim());
  if (!p)
    throw new ExcelError(
      'BAD_ADDRESS',
      `'${cell}' is not a cell address (freeze panes needs the first unfrozen cell, like B2)`,
    );
  sheet.freeze = p.row === 1 && p.col === 1 ? null : { rows: p.row - 1, cols: p.col - 1 };
  return sheet.freeze;
}

export function freezeTopRow(wb: Workbook, sheetName?: string): void {
  freezePanes(wb, sheetName, 'A2');
}

export function freezeFirstColumn(wb: Workbook, sheetName?: string): void {
  freezePanes(wb, sheetName, 'B1');
}

export function unfreezePanes(wb: Workbook, sheetName?: string): void {
  const sheet = getSheet(wb, sheetName);
  if (!sheet.freeze) throw new ExcelError('NOTHING_TO_DO', `sheet '${sheet.name}' has no frozen panes`);
  sheet.freeze = null;
}

export function setGridlines(wb: Workbook, sheetName: string | undefined, show: boolean): void {
  const sheet = getSheet(wb, sheetName);
  if (show) delete sheet.showGridLines;
  else sheet.showGridLines = false;
}
