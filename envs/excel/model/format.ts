/** Formatting operations: number formats, fonts, fills, borders, alignment and wrap. */
import { colToLetters, MAX_COLS, MAX_ROWS, type Rect } from '../formula/address.ts';
import {
  adjustDecimals,
  isValidNumberFormat,
  NUMBER_FORMAT_PRESETS,
  type NumberFormatPreset,
} from '../formula/number-format.ts';
import { ExcelError } from './errors.ts';
import { applyStylePatch, normColor, type StylePatch } from './styles.ts';
import type {
  AlignmentStyle,
  BorderLineStyle,
  BorderSide,
  CellStyle,
  FontStyle,
  Sheet,
  Workbook,
} from './types.ts';
import { cellsIn, ensureCell, getSheet, pruneCell, rangeRect } from './workbook.ts';

const MAX_FORMAT_CELLS = 2_000_000;

/**
 * Applies `edit` to the style of every cell of a range. Whole columns or rows also get a column/row
 * style (so later entries there inherit it); other ranges create the cells they format.
 */
export function editStyles(
  sheet: Sheet,
  rect: Rect,
  edit: (s: CellStyle | undefined, row: number, col: number) => CellStyle | undefined,
): void {
  const wholeCols = rect.r1 === 1 && rect.r2 === MAX_ROWS;
  const wholeRows = rect.c1 === 1 && rect.c2 === MAX_COLS;
  if (wholeCols && !wholeRows) {
    for (let c = rect.c1; c <= rect.c2; c++) {
      const key = colToLetters(c);
      const props = (sheet.cols[key] ??= {});
      const st = edit(props.style, 0, c);
      if (st) props.style = st;
      else delete props.style;
      if (Object.keys(props).length === 0) delete sheet.cols[key];
    }
  } else if (wholeRows && !wholeCols) {
    for (let r = rect.r1; r <= rect.r2; r++) {
      const key = String(r);
      const props = (sheet.rows[key] ??= {});
      const st = edit(props.style, r, 0);
      if (st) props.style = st;
      else delete props.style;
      if (Object.keys(props).length === 0) delete sheet.rows[key];
    }
  }
  if (wholeCols || wholeRows) {
    for (const { addr, row, col, cell } of cellsIn(sheet, rect)) {
      const st = edit(cell.style, row, col);
      if (st) cell.style = st;
      else delete cell.style;
      pruneCell(sheet, addr);
    }
    return;
  }
  const area = (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
  if (area > MAX_FORMAT_CELLS) {
    throw new ExcelError(
      'BAD_ARGUMENT',
      `formatting ${area} cells one by one is too much; select whole rows or columns instead`,
    );
  }
  for (let r = rect.r1; r <= rect.r2; r++) {
    for (let c = rect.c1; c <= rect.c2; c++) {
      const cell = ensureCell(sheet, r, c);
      const st = edit(cell.style, r, c);
      if (st) cell.style = st;
      else delete cell.style;
      pruneCell(sheet, colToLetters(c) + r);
    }
  }
}

/** Applies a style patch (null removes a property) to every cell of a range. */
export function setStyle(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  patch: StylePatch,
): void {
  const sheet = getSheet(wb, sheetName);
  editStyles(sheet, rangeRect(range), (s) => applyStylePatch(s, patch));
}

/** Sets a number format: an Excel format code ("0.00", "$#,##0.00", "m/d/yyyy") or a preset name. */
export function setNumberFormat(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  format: string,
): void {
  const code = format in NUMBER_FORMAT_PRESETS ? NUMBER_FORMAT_PRESETS[format as NumberFormatPreset] : format;
  if (typeof code !== 'string' || !isValidNumberFormat(code)) {
    throw new ExcelError(
      'BAD_FORMAT',
      `'${String(format)}' is not a valid number format (use a code like 0.00, #,##0, $#,##0.00, 0%, m/d/yyyy or one of ${Object.keys(NUMBER_FORMAT_PRESETS).join(', ')})`,
    );
  }
  setStyle(wb, sheetName, range, { numFmt: code === 'General' ? null : code });
}

/** Increase Decimal (+1) / Decrease Decimal (-1), based on each cell's format and value. */
export function changeDecimals(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  delta: 1 | -1,
): void {
  const sheet = getSheet(wb, sheetName);
  const rect = rangeRect(range);
  // Excel derives the new format from the active (first) cell and applies it to the whole selection.
  const first = sheet.cells[colToLetters(rect.c1) + rect.r1];
  const next = adjustDecimals(first?.style?.numFmt, delta, first?.value ?? null);
  editStyles(sheet, rect, (s) => applyStylePatch(s, { numFmt: next === 'General' ? null : next }));
}

function checkColor(c: string | null | undefined, what: string): string | null | undefined {
  if (c === undefined || c === null) return c;
  const n = normColor(c);
  if (!n)
    throw new ExcelError(
      'BAD_ARGUMENT',
      `${what} '${c}' is not a colour (use '#RRGGBB' or a name like red, yellow)`,
    );
  return n;
}

export type FontPatch = { [K in keyof FontStyle]?: FontStyle[K] | null };

/** Sets font properties (name, size, bold, italic, underline, strike, color); null removes one. */
export function setFont(wb: Workbook, sheetName: string | undefined, range: string, font: FontPatch): void {
  if (font.size !== undefined && font.size !== null && (!(font.size >= 1) || font.size > 409)) {
    throw new ExcelError('BAD_ARGUMENT', `font size ${font.size} is outside 1-409`);
  }
  if (
    font.name !== undefined &&
    font.name !== null &&
    (typeof font.name !== 'string' || font.name.trim() === '')
  ) {
    throw new ExcelError('BAD_ARGUMENT', 'font name cannot be empty');
  }
  const patch = { ...font };
  if (patch.color !== undefined) patch.color = checkColor(patch.color, 'font color');
  for (const flag of ['bold', 'italic', 'strike'] as const) if (patch[flag] === false) patch[flag] = null;
  setStyle(wb, sheetName, range, { font: patch });
}

/**
 * The Bold/Italic/Underline/Strikethrough buttons: if the range's first cell already has the flag it is
 * removed everywhere, otherwise set everywhere. Returns the new state.
 */
export function toggleFontFlag(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  flag: 'bold' | 'italic' | 'underline' | 'strike',
): boolean {
  const sheet = getSheet(wb, sheetName);
  const rect = rangeRect(range);
  const first = sheet.cells[colToLetters(rect.c1) + rect.r1]?.style?.font;
  const on = !(flag === 'underline' ? first?.underline !== undefined : first?.[flag] === true);
  const value = on ? (flag === 'underline' ? 'single' : true) : null;
  editStyles(sheet, rect, (s) => applyStylePatch(s, { font: { [flag]: value } }));
  return on;
}

/** Fill colour ('#RRGGBB' or a name); null = No Fill. */
export function setFill(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  color: string | null,
): void {
  setStyle(wb, sheetName, range, { fill: checkColor(color, 'fill color') ?? null });
}

export function setAlignment(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  alignment: { [K in keyof AlignmentStyle]?: AlignmentStyle[K] | null },
): void {
  if (
    alignment.indent !== undefined &&
    alignment.indent !== null &&
    !(alignment.indent >= 0 && alignment.indent <= 250)
  ) {
    throw new ExcelError('BAD_ARGUMENT', `indent ${alignment.indent} is outside 0-250`);
  }
  if (
    alignment.textRotation !== undefined &&
    alignment.textRotation !== null &&
    !(alignment.textRotation >= -90 && alignment.textRotation <= 90) &&
    alignment.textRotation !== 255
  ) {
    throw new ExcelError('BAD_ARGUMENT', `text rotation ${alignment.textRotation} is outside -90..90`);
  }
  const patch = { ...alignment };
  if (patch.wrapText === false) patch.wrapText = null;
  setStyle(wb, sheetName, range, { alignment: patch });
}

export function setWrapText(wb: Workbook, sheetName: string | undefined, range: string, wrap: boolean): void {
  setAlignment(wb, sheetName, range, { wrapText: wrap ? true : null });
}

/** The Borders gallery of the Home tab. */
export type BorderPreset =
  | 'all'
  | 'outside'
  | 'thickOutside'
  | 'inside'
  | 'top'
  | 'bottom'
  | 'left'
  | 'right'
  | 'thickBottom'
  | 'doubleBottom'
  | 'topAndBottom'
  | 'none';

export function setBorders(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  preset: BorderPreset,
  opts: { style?: BorderLineStyle; color?: string } = {},
): void {
  const sheet = getSheet(wb, sheetName);
  const rect = rangeRect(range);
  const color = checkColor(opts.color, 'border color') ?? undefined;
  const side = (style: BorderLineStyle): BorderSide => (color ? { style, color } : { style });
  const base = opts.style ?? 'thin';
  editStyles(sheet, rect, (s, row, col) => {
    const b = { ...(s?.border ?? {}) };
    const top = row === rect.r1 || row === 0;
    const bottom = row === rect.r2 || row === 0;
    const left = col === rect.c1 || col === 0;
    const right = col === rect.c2 || col === 0;
    switch (preset) {
      case 'none':
        return applyStylePatch(s, { border: null });
      case 'all':
        b.top = b.bottom = b.left = b.right = side(base);
        break;
      case 'outside':
      case 'thickOutside': {
        const st = preset === 'thickOutside' ? 'thick' : base;
        if (top) b.top = side(st);
        if (bottom) b.bottom = side(st);
        if (left) b.left = side(st);
        if (right) b.right = side(st);
        break;
      }
      case 'inside':
        if (!top) b.top = side(base);
        if (!bottom) b.bottom = side(base);
        if (!left) b.left = side(base);
        if (!right) b.right = side(base);
        break;
      case 'top':
        if (top) b.top = side(base);
        break;
      case 'bottom':
        if (bottom) b.bottom = side(base);
        break;
      case 'left':
        if (left) b.left = side(base);
        break;
      case 'right':
        if (right) b.right = side(base);
        break;
      case 'thickBottom':
        if (bottom) b.bottom = side('thick');
        break;
      case 'doubleBottom':
        if (bottom) b.bottom = side('double');
        break;
      case 'topAndBottom':
        if (top) b.top = side(base);
        if (bottom) b.bottom = side(base);
        break;
      default:
        throw new ExcelError('BAD_ARGUMENT', `unknown border preset '${String(preset)}'`);
    }
    const out = { ...(s ?? {}), border: b };
    return Object.keys(b).length ? out : applyStylePatch(s, { border: null });
  });
}

/** The effective style of a cell (cell style, or the row/column style it would inherit). */
export function styleAt(wb: Workbook, sheetName: string | undefined, addr: string): CellStyle {
  const sheet = getSheet(wb, sheetName);
  const rect = rangeRect(addr);
  const cell = sheet.cells[colToLetters(rect.c1) + rect.r1];
  return structuredClone(
    cell?.style ?? sheet.rows[String(rect.r1)]?.style ?? sheet.cols[colToLetters(rect.c1)]?.style ?? {},
  );
}
