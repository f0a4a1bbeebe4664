/** Cell content operations: typing, formulas, raw values, clearing. */
import { toA1, type Rect } from '../formula/address.ts';
import { isDateTimeFormat } from '../formula/number-format.ts';
import { parseFormulaCached, type Node } from '../formula/parser.ts';
import { recalcAfterEdit } from './calc.ts';
import { parseEntry, normalizeFormula, type Entry } from './entry.ts';
import { ExcelError } from './errors.ts';
import { mergeContaining } from './merges.ts';
import { applyStylePatch } from './styles.ts';
import type { CellValue, Sheet, Workbook } from './types.ts';
import { checkValidation } from './validation.ts';
import { cellPos, cellsIn, ensureCell, getSheet, pruneCell, rangeRect } from './workbook.ts';

export interface ChangedCell {
  sheet: string;
  row: number;
  col: number;
}

function assertNotInsideMerge(sheet: Sheet, row: number, col: number): void {
  const m = mergeContaining(sheet, row, col);
  if (m && (m.r1 !== row || m.c1 !== col)) {
    throw new ExcelError(
      'MERGE_CONFLICT',
      `cell ${toA1(row, col)} is part of the merged range ${toA1(m.r1, m.c1)}:${toA1(m.r2, m.c2)}; only its top-left cell ${toA1(m.r1, m.c1)} can hold a value`,
    );
  }
}

const DATE_FUNCS = new Set(['TODAY', 'DATE', 'DATEVALUE', 'EDATE', 'EOMONTH', 'WORKDAY']);
const CURRENCY_FUNCS = new Set(['PMT', 'PV', 'FV', 'IPMT', 'PPMT']);
const PASS_FUNCS = new Set([
  'SUM',
  'AVERAGE',
  'MIN',
  'MAX',
  'ROUND',
  'ROUNDUP',
  'ROUNDDOWN',
  'ABS',
  'MEDIAN',
  'LARGE',
  'SMALL',
  'SUBTOTAL',
]);

/**
 * The number format Excel gives a General cell when a formula is entered: date functions show dates,
 * payment functions currency, and simple arithmetic or aggregates take the format of the first cell
 * they reference (a date minus a date stays General).
 */
export function impliedFormulaFormat(wb: Workbook, sheet: Sheet, formula: string): string | undefined {
  let ast: Node;
  try {
    ast = parseFormulaCached(formula.slice(1)).ast;
  } catch {
    return undefined;
  }
  if (ast.type === 'func') {
    if (DATE_FUNCS.has(ast.name)) return 'm/d/yyyy';
    if (ast.name === 'NOW') return 'm/d/yyyy h:mm';
    if (ast.name === 'TIME' || ast.name === 'TIMEVALUE') return 'h:mm AM/PM';
    if (CURRENCY_FUNCS.has(ast.name)) return '$#,##0.00_);[Red]($#,##0.00)';
  }
  const fmtOf = (n: Node): string | undefined => {
    if (n.type !== 'ref' || n.ref.kind === 'error' || n.ref.kind === 'cols' || n.ref.kind === 'rows')
      return undefined;
    const target =
      n.ref.sheet !== undefined
        ? wb.sheets.find((s) => s.name.toLowerCase() === n.ref.sheet!.toLowerCase())
        : sheet;
    const f = target?.cells[toA1(n.ref.r1, n.ref.c1)]?.style?.numFmt;
    return f && f !== 'General' ? f : undefined;
  };
  const firstRef = (n: Node): Node | undefined => {
    if (n.type === 'ref') return n;
    if (n.type === 'unary') return firstRef(n.arg);
    if (n.type === 'binary' && ['+', '-', '*', '/'].includes(n.op))
      return firstRef(n.left) ?? firstRef(n.right);
    if (n.type === 'func' && PASS_FUNCS.has(n.name)) {
      for (const a of n.name === 'SUBTOTAL' ? n.args.slice(1) : n.args) {
        const r = firstRef(a);
        if (r) return r;
      }
    }
    return undefined;
  };
  if (ast.type === 'binary' && ast.op === '-') {
    const l = firstRef(ast.left);
    const r = firstRef(ast.right);
    if (l && r && isDateTimeFormat(fmtOf(l)) && isDateTimeFormat(fmtOf(r))) return undefined;
  }
  const ref = firstRef(ast);
  return ref ? fmtOf(ref) : undefined;
}

function writeEntry(wb: Workbook, sheet: Sheet, row: number, col: number, entry: Entry): void {
  const addr = toA1(row, col);
  if (entry.kind === 'clear') {
    const c = sheet.cells[addr];
    if (c) {
      c.value = null;
      delete c.formula;
      pruneCell(sheet, addr);
    }
    return;
  }
  const cell = ensureCell(sheet, row, col);
  if (entry.kind === 'formula') {
    cell.formula = entry.formula;
    cell.value = cell.value ?? 0;
    if (cell.style?.quotePrefix) cell.style = applyStylePatch(cell.style, { quotePrefix: null });
    if (!cell.style?.numFmt) {
      const f = impliedFormulaFormat(wb, sheet, entry.formula);
      if (f) cell.style = applyStylePatch(cell.style, { numFmt: f });
    }
    if (!cell.style) delete cell.style;
    return;
  }
  delete cell.formula;
  cell.value = entry.value;
  const patch: Record<string, unknown> = {};
  if (entry.format) patch.numFmt = entry.format;
  patch.quotePrefix = entry.quotePrefix ? true : null;
  cell.style = applyStylePatch(cell.style, patch);
  if (!cell.style) delete cell.style;
}

/**
 * Types `text` into a cell and confirms it (as Enter does): parses it as Excel does (see parseEntry),
 * checks data validation, applies an implied number format to General cells, and recalculates.
 * An empty string clears the contents. Returns what the entry became.
 */
export function setCellInput(
  wb: Workbook,
  sheetName: string | undefined,
  addr: string,
  text: string,
): Entry['kind'] {
  const sheet = getSheet(wb, sheetName);
  const { row, col } = cellPos(addr);
  assertNotInsideMerge(sheet, row, col);
  const existing = sheet.cells[toA1(row, col)];
  const entry = parseEntry(text, existing?.style?.numFmt ?? sheet.rows[String(row)]?.style?.numFmt, wb);
  if (entry.kind === 'value') checkValidation(wb, sheet, row, col, entry.value);
  writeEntry(wb, sheet, row, col, entry);
  recalcAfterEdit(wb, [{ sheet: sheet.name, row, col }]);
  return entry.kind;
}

/** Puts a formula into a cell ("=A1*2" or "A1*2"); throws FORMULA_SYNTAX for bad formulas. */
export function setFormula(wb: Workbook, sheetName: string | undefined, addr: string, formula: string): void {
  const sheet = getSheet(wb, sheetName);
  const { row, col } = cellPos(addr);
  assertNotInsideMerge(sheet, row, col);
  const f = normalizeFormula(formula.startsWith('=') ? formula : `=${formula}`, wb);
  writeEntry(wb, sheet, row, col, { kind: 'formula', formula: f });
  recalcAfterEdit(wb, [{ sheet: sheet.name, row, col }]);
}

/** Stores a value exactly as given (no parsing: "00123" stays text); null clears the contents. */
export function setCellValue(
  wb: Workbook,
  sheetName: string | undefined,
  addr: string,
  value: CellValue,
): void {
  const sheet = getSheet(wb, sheetName);
  const { row, col } = cellPos(addr);
  assertNotInsideMerge(sheet, row, col);
  checkCellValue(value);
  writeEntry(wb, sheet, row, col, value === null ? { kind: 'clear' } : { kind: 'value', value });
  recalcAfterEdit(wb, [{ sheet: sheet.name, row, col }]);
}

export function checkCellValue(value: unknown): asserts value is CellValue {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ExcelError('BAD_ARGUMENT', `cells cannot hold ${value}`);
    return;
  }
  if (typeof value === 'string') {
    if (value.length > 32767)
      throw new ExcelError('BAD_ARGUMENT', 'cell text is limited to 32767 characters');
    return;
  }
  if (typeof value === 'object' && value !== null && 'error' in value) return;
  throw new ExcelError('BAD_ARGUMENT', `unsupported cell value ${JSON.stringify(value)}`);
}

/** Writes many cells and recalculates once; used by paste, fill, UFO table insertion and builders. */
export function writeCells(
  wb: Workbook,
  sheet: Sheet,
  writes: { row: number; col: number; value?: CellValue; formula?: string }[],
): ChangedCell[] {
  for (const w of writes) assertNotInsideMerge(sheet, w.row, w.col);
  const changed: ChangedCell[] = [];
  for (const w of writes) {
    if (w.formula !== undefined) writeEntry(wb, sheet, w.row, w.col, { kind: 'formula', formula: w.formula });
    else if (w.value === null || w.value === undefined)
      writeEntry(wb, sheet, w.row, w.col, { kind: 'clear' });
    else writeEntry(wb, sheet, w.row, w.col, { kind: 'value', value: w.value });
    changed.push({ sheet: sheet.name, row: w.row, col: w.col });
  }
  recalcAfterEdit(wb, changed);
  return changed;
}

function clearIn(
  wb: Workbook,
  sheetName: string | undefined,
  range: string,
  what: 'contents' | 'formats' | 'all',
): number {
  const sheet = getSheet(wb, sheetName);
  const rect: Rect = rangeRect(range);
  const changed: ChangedCell[] = [];
  for (const { addr, row, col, cell } of cellsIn(sheet, rect)) {
    if (what !== 'formats') {
      if (cell.value !== null || cell.formula !== undefined) changed.push({ sheet: sheet.name, row, col });
      cell.value = null;
      delete cell.formula;
    }
    if (what !== 'contents') delete cell.style;
    pruneCell(sheet, addr);
  }
  if (what !== 'contents') {
    // Whole rows/columns also lose their row/column formatting.
    if (rect.r1 === 1 && rect.r2 === 1_048_576) {
      for (let c = rect.c1; c <= rect.c2 && c <= 16384; c++) {
        const k = toA1(1, c).replace(/\d+$/, '');
        if (sheet.cols[k]) delete sheet.cols[k]!.style;
      }
    }
    if (rect.c1 === 1 && rect.c2 === 16384) {
      for (const k of Object.keys(sheet.rows)) {
        const r = Number(k);
        if (r >= rect.r1 && r <= rect.r2) delete sheet.rows[k]!.style;
      }
    }
  }
  if (changed.length) recalcAfterEdit(wb, changed);
  return changed.length;
}

/** The Delete key: removes values and formulas, keeps formatting. Returns how many cells had content. */
export function clearContents(wb: Workbook, sheetName: string | undefined, range: string): number {
  return clearIn(wb, sheetName, range, 'contents');
}

/** Home > Clear > Clear Formats. */
export function clearFormats(wb: Workbook, sheetName: string | undefined, range: string): void {
  clearIn(wb, sheetName, range, 'formats');
}

/** Home > Clear > Clear All. */
export function clearAll(wb: Workbook, sheetName: string | undefined, range: string): void {
  clearIn(wb, sheetName, range, 'all');
}

/** What the formula bar shows for a cell: its formula, or its constant as Excel lets you edit it. */
export { formulaBarText } from './display.ts';
