/**
 * How Excel reads what is typed into a cell: formulas (=...; a leading + or - that makes a formula),
 * numbers with their implied format ($1,234.50, 12%, 1e3, 1 1/2), dates and times (3/15/2024, 15-Mar,
 * 2:30 PM), TRUE/FALSE, error literals, a leading apostrophe forcing text, and Text-formatted cells.
 */
import { parseNumberText } from '../formula/coerce.ts';
import { isoToSerial } from '../formula/dates.ts';
import { isDateTimeFormat } from '../formula/number-format.ts';
import { parseFormula } from '../formula/parser.ts';
import { formatRef } from '../formula/references.ts';
import { FormulaSyntaxError } from '../formula/syntax-error.ts';
import { tokenize } from '../formula/tokenizer.ts';
import { isErrorCode, type ErrorValue } from '../formula/values.ts';
import { ExcelError } from './errors.ts';
import type { Workbook } from './types.ts';
import { isPercentFormat } from 'numfmt';

export type Entry =
  | { kind: 'clear' }
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: number | string | boolean | ErrorValue; format?: string; quotePrefix?: boolean };

export const MAX_CELL_TEXT = 32767;

function unclosedParens(body: string): number {
  let depth = 0;
  let inStr = false;
  let inQuote = false;
  for (const ch of body) {
    if (inStr) {
      if (ch === '"') inStr = false;
      continue;
    }
    if (inQuote) {
      if (ch === "'") inQuote = false;
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === "'") inQuote = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
  }
  return depth;
}

/**
 * Checks and normalises formula text as Excel does on entry: function names and references upper-cased,
 * TRUE/FALSE upper-cased, sheet and defined names in their stored spelling, missing closing parentheses
 * added. Returns the formula with its leading '='. Throws FORMULA_SYNTAX with the reason and position.
 */
export function normalizeFormula(text: string, wb?: Workbook): string {
  let body = text.startsWith('=') ? text.slice(1) : text;
  try {
    parseFormula(body);
  } catch (e) {
    if (!(e instanceof FormulaSyntaxError)) throw e;
    const missing = unclosedParens(body);
    let fixed = false;
    if (missing > 0) {
      try {
        parseFormula(body + ')'.repeat(missing));
        body += ')'.repeat(missing);
        fixed = true;
      } catch {
        fixed = false;
      }
    }
    if (!fixed) {
      throw new ExcelError('FORMULA_SYNTAX', `There's a problem with the formula '=${body}': ${e.message}`);
    }
  }
  const tokens = tokenize(body);
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'func':
        out += t.name!;
        break;
      case 'bool':
        out += t.bool ? 'TRUE' : 'FALSE';
        break;
      case 'err':
        out += t.errCode!;
        break;
      case 'ref': {
        const ref = { ...t.ref! };
        if (ref.sheet !== undefined && wb) {
          const s = wb.sheets.find((x) => x.name.toLowerCase() === ref.sheet!.toLowerCase());
          if (s) ref.sheet = s.name;
        }
        out += formatRef(ref);
        break;
      }
      case 'name': {
        const hit = wb?.names.find((n) => n.name.toLowerCase() === t.name!.toLowerCase());
        if (hit && t.sheet === undefined) out += hit.name;
        else out += t.text;
        break;
      }
      default:
        out += t.text;
    }
  }
  return `=${out}`;
}

function looksNumeric(s: string): boolean {
  return /^[+-]?(\d|\.\d)/.test(s.trim());
}

/** Reads typed text; `cellFormat` is the cell's current number format. */
export function parseEntry(text: string, cellFormat: string | undefined, wb?: Workbook): Entry {
  if (typeof text !== 'string') throw new ExcelError('BAD_ARGUMENT', 'cell input must be text');
  if (text.length > MAX_CELL_TEXT) {
    throw new ExcelError(
      'BAD_ARGUMENT',
      `cell text is limited to ${MAX_CELL_TEXT} characters (got ${text.length})`,
    );
  }
  if (text === '') return { kind: 'clear' };
  if (cellFormat === '@') return { kind: 'value', value: text };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1), quotePrefix: true };
  if (text.startsWith('=')) {
    if (text.trim() === '=') {
      throw new ExcelError('FORMULA_SYNTAX', "There's a problem with the formula '=': the formula is empty");
    }
    return { kind: 'formula', formula: normalizeFormula(text, wb) };
  }
  const now = wb ? isoToSerial(wb.calc.now) : 45306;
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  if (isErrorCode(upper)) return { kind: 'value', value: { error: upper } };
  const num = parseNumberText(text, now);
  if (num) {
    let value = num.value;
    const general = !cellFormat || cellFormat.toLowerCase() === 'general';
    if (
      !general &&
      num.format === undefined &&
      cellFormat &&
      safePercent(cellFormat) &&
      !isDateTimeFormat(cellFormat)
    ) {
      // "Automatic percent entry": typing 15 into a percentage cell means 15%.
      value = value / 100;
    }
    return general && num.format ? { kind: 'value', value, format: num.format } : { kind: 'value', value };
  }
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1 && !looksNumeric(text)) {
    try {
      return { kind: 'formula', formula: normalizeFormula(`=${text}`, wb) };
    } catch {
      return { kind: 'value', value: text };
    }
  }
  return { kind: 'value', value: text };
}

function safePercent(code: string): boolean {
  try {
    return isPercentFormat(code);
  } catch {
    return false;
  }
}
