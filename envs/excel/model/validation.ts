/** Data validation: list drop-downs (and number/date/length rules), checking typed entries. */
import { toA1 } from '../formula/address.ts';
import { copyFormula } from '../formula/references.ts';
import { compareScalars, toNumber } from '../formula/coerce.ts';
import { formatValue } from '../formula/number-format.ts';
import { isError, type Scalar } from '../formula/values.ts';
import { evaluateAt, workbookEnv } from './calc.ts';
import { normalizeFormula } from './entry.ts';
import { ExcelError } from './errors.ts';
import { rectsToSqref, sqrefContains, sqrefOrigin, sqrefRects, subtractRect } from './ranges.ts';
import type {
  CellValue,
  DataValidation,
  Sheet,
  ValidationOperator,
  ValidationType,
  Workbook,
} from './types.ts';
import { getSheet, rangeRect } from './workbook.ts';
import { toGrid } from '../formula/grid.ts';
import { evaluate } from '../formula/evaluator.ts';
import { parseFormulaCached } from '../formula/parser.ts';

export interface DataValidationInput {
  /** Cells it applies to ("C2:C50", or several separated by spaces). */
  range: string;
  type: ValidationType;
  /** For lists: the items (["Yes","No"]) or a source like "=$H$2:$H$5" / "Yes,No". */
  source?: string[] | string;
  operator?: ValidationOperator;
  /** Bounds for non-list types: numbers, dates (as serials or text), or formulas ("=B1"). */
  value1?: string | number;
  value2?: string | number;
  allowBlank?: boolean;
  showDropDown?: boolean;
  errorStyle?: 'stop' | 'warning' | 'information';
  errorTitle?: string;
  error?: string;
  promptTitle?: string;
  prompt?: string;
}

const NEEDS_TWO: ValidationOperator[] = ['between', 'notBetween'];

function asFormula(v: string | number, wb: Workbook): string {
  if (typeof v === 'number') return String(v);
  const t = v.trim();
  if (t.startsWith('=')) return normalizeFormula(t, wb);
  return t;
}

/** Adds a validation rule to a range (replacing rules that covered those cells, as Excel does). */
export function addDataValidation(
  wb: Workbook,
  sheetName: string | undefined,
  input: DataValidationInput,
): DataValidation {
  const sheet = getSheet(wb, sheetName);
  const rects = sqrefRects(input.range);
  if (rects.length === 0) throw new ExcelError('BAD_ADDRESS', 'data validation needs a range');
  const dv: DataValidation = { ranges: rectsToSqref(rects), type: input.type };
  if (input.type === 'none') {
    // "Any value" restricts nothing; Excel keeps the rule for its input message.
  } else if (input.type === 'list') {
    if (input.source === undefined || (Array.isArray(input.source) && input.source.length === 0)) {
      throw new ExcelError(
        'BAD_ARGUMENT',
        'a list validation needs a source: items like ["Yes","No"] or a range like =$H$2:$H$5',
      );
    }
    if (Array.isArray(input.source)) dv.listItems = input.source.map(String);
    else if (input.source.trim().startsWith('=')) dv.formula1 = normalizeFormula(input.source.trim(), wb);
    else
      dv.listItems = input.source
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    if (dv.listItems && dv.listItems.join(',').length > 255) {
      throw new ExcelError(
        'BAD_ARGUMENT',
        'a typed list source is limited to 255 characters; put the items in cells and use a range',
      );
    }
    dv.showDropDown = input.showDropDown ?? true;
  } else if (input.type === 'custom') {
    if (input.value1 === undefined)
      throw new ExcelError('BAD_ARGUMENT', 'a custom validation needs a formula (value1)');
    dv.formula1 = asFormula(
      typeof input.value1 === 'string' && !input.value1.startsWith('=') ? `=${input.value1}` : input.value1,
      wb,
    );
  } else {
    const op = input.operator ?? 'between';
    dv.operator = op;
    if (input.value1 === undefined)
      throw new ExcelError('BAD_ARGUMENT', `a ${input.type} validation needs value1`);
    dv.formula1 = asFormula(input.value1, wb);
    if (NEEDS_TWO.includes(op)) {
      if (input.value2 === undefined) throw new ExcelError('BAD_ARGUMENT', `operator '${op}' needs value2`);
      dv.formula2 = asFormula(input.value2, wb);
    }
  }
  dv.allowBlank = input.allowBlank ?? true;
  dv.errorStyle = input.errorStyle ?? 'stop';
  for (const k of ['errorTitle', 'error', 'promptTitle', 'prompt'] as const)
    if (input[k] !== undefined) dv[k] = input[k];
  removeValidationRects(sheet, rects);
  sheet.validations.push(dv);
  return dv;
}

function removeValidationRects(sheet: Sheet, rects: ReturnType<typeof sqrefRects>): void {
  const kept: DataValidation[] = [];
  for (const v of sheet.validations) {
    let parts = sqrefRects(v.ranges);
    for (const r of rects) parts = parts.flatMap((p) => subtractRect(p, r));
    if (parts.length) kept.push({ ...v, ranges: rectsToSqref(parts) });
  }
  sheet.validations = kept;
}

/** Data Validation > Clear All for a range. Returns whether any rule was touched. */
export function removeDataValidation(wb: Workbook, sheetName: string | undefined, range: string): boolean {
  const sheet = getSheet(wb, sheetName);
  const before = JSON.stringify(sheet.validations);
  removeValidationRects(sheet, [rangeRect(range)]);
  return JSON.stringify(sheet.validations) !== before;
}

export function validationAt(sheet: Sheet, row: number, col: number): DataValidation | undefined {
  for (let i = sheet.validations.length - 1; i >= 0; i--) {
    const v = sheet.validations[i]!;
    if (sqrefContains(v.ranges, row, col)) return v;
  }
  return undefined;
}

/** The items of a list validation's drop-down at a cell (displayed text), or null if it has none. */
export function listOptions(wb: Workbook, sheetName: string | undefined, addr: string): string[] | null {
  const sheet = getSheet(wb, sheetName);
  const p = rangeRect(addr);
  const v = validationAt(sheet, p.r1, p.c1);
  if (!v || v.type !== 'list') return null;
  return listItemsOf(wb, sheet, v, p.r1, p.c1);
}

function relativeFormula(v: DataValidation, f: string, sheet: Sheet, row: number, col: number): string {
  const o = sqrefOrigin(v.ranges);
  return copyFormula(f.startsWith('=') ? f.slice(1) : f, sheet.name, row - o.row, col - o.col);
}

function listItemsOf(wb: Workbook, sheet: Sheet, v: DataValidation, row: number, col: number): string[] {
  if (v.listItems) return v.listItems;
  if (!v.formula1) return [];
  const body = relativeFormula(v, v.formula1, sheet, row, col);
  const env = workbookEnv(wb);
  let op;
  try {
    op = evaluate(parseFormulaCached(body).ast, { env, sheet: sheet.name, row, col });
  } catch {
    return [];
  }
  if (isError(op)) return [];
  const g = toGrid(op, env);
  const out: string[] = [];
  for (let r = 0; r < g.rows && r < 10000; r++) {
    for (let c = 0; c < g.cols; c++) {
      const val = g.get(r, c);
      const fmt = g.ref
        ? wb.sheets.find((s) => s.name === g.ref!.sheet)?.cells[toA1(g.ref.r1 + r, g.ref.c1 + c)]?.style
            ?.numFmt
        : undefined;
      if (val !== null) out.push(formatValue(val, fmt));
    }
  }
  return out;
}

function bound(
  wb: Workbook,
  sheet: Sheet,
  v: DataValidation,
  f: string | undefined,
  row: number,
  col: number,
): Scalar {
  if (f === undefined) return null;
  if (!f.startsWith('=')) {
    const n = toNumber(f);
    return isError(n) ? f : n;
  }
  return evaluateAt(wb, sheet.name, row, col, relativeFormula(v, f, sheet, row, col));
}

function compareOp(op: ValidationOperator, x: number, a: number, b: number): boolean {
  switch (op) {
    case 'between':
      return x >= Math.min(a, b) && x <= Math.max(a, b);
    case 'notBetween':
      return x < Math.min(a, b) || x > Math.max(a, b);
    case 'equal':
      return x === a;
    case 'notEqual':
      return x !== a;
    case 'greaterThan':
      return x > a;
    case 'lessThan':
      return x < a;
    case 'greaterThanOrEqual':
      return x >= a;
    case 'lessThanOrEqual':
      return x <= a;
  }
}

/** Whether a value satisfies the validation at a cell (blank values pass when blanks are allowed). */
export function isValidEntry(
  wb: Workbook,
  sheet: Sheet,
  row: number,
  col: number,
  value: CellValue,
): boolean {
  const v = validationAt(sheet, row, col);
  if (!v || v.type === 'none') return true;
  if (value === null || value === '') return v.allowBlank !== false;
  switch (v.type) {
    case 'list': {
      const items = listItemsOf(wb, sheet, v, row, col);
      const text = typeof value === 'object' ? value.error : formatValue(value as Scalar);
      return items.some(
        (i) => i.toLowerCase() === text.toLowerCase() || compareScalars(i, value as Scalar) === 0,
      );
    }
    case 'custom': {
      const cell = sheet.cells[toA1(row, col)];
      const saved = cell ? { value: cell.value } : null;
      const target = cell ?? (sheet.cells[toA1(row, col)] = { value: null });
      target.value = value;
      const res = bound(wb, sheet, v, v.formula1, row, col);
      if (saved) target.value = saved.value;
      else delete sheet.cells[toA1(row, col)];
      return res === true || (typeof res === 'number' && res !== 0);
    }
    default: {
      let x: number;
      if (v.type === 'textLength') {
        x = (typeof value === 'object' ? value.error : formatValue(value as Scalar)).length;
      } else {
        if (typeof value !== 'number') return false;
        x = value;
        if (v.type === 'whole' && !Number.isInteger(x)) return false;
        if (v.type === 'time' && (x < 0 || x >= 1)) return false;
      }
      const a = toNumber(bound(wb, sheet, v, v.formula1, row, col));
      const b = toNumber(bound(wb, sheet, v, v.formula2, row, col));
      if (isError(a)) return false;
      return compareOp(v.operator ?? 'between', x, a, isError(b) ? a : b);
    }
  }
}

/** Throws VALIDATION_REJECTED when a typed value breaks a "Stop" validation, with Excel's message. */
export function checkValidation(
  wb: Workbook,
  sheet: Sheet,
  row: number,
  col: number,
  value: CellValue,
): void {
  const v = validationAt(sheet, row, col);
  if (!v || (v.errorStyle ?? 'stop') !== 'stop') return;
  if (isValidEntry(wb, sheet, row, col, value)) return;
  const base = v.error ?? "This value doesn't match the data validation restrictions defined for this cell.";
  const detail =
    v.type === 'list'
      ? ` Allowed values for ${toA1(row, col)}: ${listItemsOf(wb, sheet, v, row, col).join(', ')}.`
      : '';
  throw new ExcelError('VALIDATION_REJECTED', `${base}${detail}`);
}

/** Cells in the sheet whose current value breaks their validation (Excel's "Circle Invalid Data"). */
export function invalidCells(wb: Workbook, sheetName: string | undefined): string[] {
  const sheet = getSheet(wb, sheetName);
  const out: string[] = [];
  for (const v of sheet.validations) {
    for (const r of sqrefRects(v.ranges)) {
      for (let row = r.r1; row <= Math.min(r.r2, r.r1 + 5000); row++) {
        for (let col = r.c1; col <= r.c2; col++) {
          const c = sheet.cells[toA1(row, col)];
          if (c && !isValidEntry(wb, sheet, row, col, c.value)) out.push(toA1(row, col));
        }
      }
    }
  }
  return out;
}
