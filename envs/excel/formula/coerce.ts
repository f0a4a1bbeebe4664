/**
 * Excel's coercion rules: how text, booleans and blanks become numbers, text or logicals, how numbers
 * print as text (General, 15 significant digits), and how values compare.
 */
import { parseValue } from 'numfmt';
import { dateToSerial, serialToDate } from './dates.ts';
import { ERR, isError, type ErrorValue, type Scalar } from './values.ts';

export interface ParsedNumberText {
  value: number;
  /** Number format Excel applies when this text is typed into a General cell; undefined = General. */
  format?: string;
}

const FORMAT_BY_ID: Record<number, string> = {
  3: '#,##0',
  4: '#,##0.00',
  5: '$#,##0_);($#,##0)',
  6: '$#,##0_);[Red]($#,##0)',
  7: '$#,##0.00_);($#,##0.00)',
  8: '$#,##0.00_);[Red]($#,##0.00)',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yyyy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
};

/**
 * Reads text the way Excel reads a typed entry or a text operand of arithmetic: plain and grouped
 * numbers, currency ($), percentages, scientific notation, fractions ("1 1/2"), dates (US order) and
 * times. Dates typed without a year take the year of `nowSerial` (the simulator clock), as Excel takes the
 * current year. Returns null for anything else (including "TRUE", which is a logical, not a number).
 */
export function parseNumberText(text: string, nowSerial: number): ParsedNumberText | null {
  const s = text.trim();
  if (s === '' || /[€£¥₹]/.test(s)) return null;
  let parsed = parsedTexts.get(s);
  if (parsed === undefined) {
    parsed = readNumberText(s);
    if (parsedTexts.size >= 8192) parsedTexts.clear();
    parsedTexts.set(s, parsed);
  }
  return numberTextResult(parsed, nowSerial);
}

/** `parseNumberText` reading the text afresh: what the cached answers must equal (tests). */
export function parseNumberTextUncached(text: string, nowSerial: number): ParsedNumberText | null {
  const s = text.trim();
  if (s === '' || /[€£¥₹]/.test(s)) return null;
  return numberTextResult(readNumberText(s), nowSerial);
}

function numberTextResult(parsed: NumberTextRead | null, nowSerial: number): ParsedNumberText | null {
  if (parsed === null) return null;
  let value = parsed.value;
  const id = parsed.formatId;
  if (id === 16) {
    // Day and month without a year: the library used the machine's year; Excel uses "this year".
    const { month, day } = serialToDate(value);
    const year = serialToDate(nowSerial).year;
    value = dateToSerial(year, month, day) ?? value;
  }
  const format = id !== undefined ? FORMAT_BY_ID[id] : undefined;
  return format !== undefined ? { value, format } : { value };
}

/**
 * What numfmt reads from trimmed text, by text: parsing is most of the cost of typed entries and of text operands,
 * and the same few texts come back again and again. numfmt's answer depends on the text alone (its year for
 * year-less dates is fixed when it loads, and `parseNumberText` replaces that year anyway).
 */
const parsedTexts = new Map<string, NumberTextRead | null>();

interface NumberTextRead {
  readonly value: number;
  readonly formatId: number | undefined;
}

function readNumberText(s: string): NumberTextRead | null {
  let parsed;
  try {
    parsed = parseValue(s);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed.value !== 'number' || !Number.isFinite(parsed.value)) return null;
  return { value: parsed.value, formatId: (parsed as { formatId?: number }).formatId };
}

/** The clock serial used for year-less dates when coercing; set per evaluation by the engine. */
let coercionNow = 45306; // 2024-01-15, replaced by the workbook clock during evaluation
export function setCoercionClock(serial: number): void {
  coercionNow = serial;
}

export function toNumber(v: Scalar): number | ErrorValue {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const p = parseNumberText(v, coercionNow);
    return p ? p.value : ERR.VALUE;
  }
  return v;
}

/** Number as Excel converts it to text (concatenation, LEN, TEXT-less contexts): 15 significant digits. */
export function numberToText(n: number): string {
  if (n === 0 || Object.is(n, -0)) return '0';
  if (!Number.isFinite(n)) return '#NUM!';
  const rounded = Number(n.toPrecision(15));
  const abs = Math.abs(rounded);
  const exp = Math.floor(Math.log10(abs));
  if (exp >= 15 || exp < -9) {
    const [mant, e] = rounded.toExponential(14).split('e') as [string, string];
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const en = Number(e);
    return `${m}E${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  if (Number.isInteger(rounded)) return String(rounded);
  // toPrecision never gives more than 15 significant digits; strip trailing zeros of the fixed form.
  const digitsAfter = Math.max(0, 14 - exp);
  return rounded.toFixed(Math.min(digitsAfter, 100)).replace(/\.?0+$/, '');
}

export function toText(v: Scalar): string | ErrorValue {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === null) return '';
  return v;
}

export function toBoolean(v: Scalar): boolean | ErrorValue {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  if (typeof v === 'string') {
    const u = v.trim().toUpperCase();
    if (u === 'TRUE') return true;
    if (u === 'FALSE') return false;
    return ERR.VALUE;
  }
  return v;
}

/** Rounds to 15 significant digits, the precision Excel shows and compares with. */
export function round15(n: number): number {
  if (n === 0 || !Number.isFinite(n)) return n;
  return Number(n.toPrecision(15));
}

const collator = new Intl.Collator('en', { sensitivity: 'accent', numeric: false });

export function compareText(a: string, b: string): number {
  const c = collator.compare(a, b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

function typeRank(v: number | string | boolean): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/**
 * Excel's comparison for = <> < > <= >=: blanks take the other side's type (0, "" or FALSE), numbers sort
 * before text before logicals, text compares case-insensitively, numbers at 15 significant digits.
 */
export function compareScalars(a: Scalar, b: Scalar): number | ErrorValue {
  if (isError(a)) return a;
  if (isError(b)) return b;
  let x = a;
  let y = b;
  if (x === null && y === null) return 0;
  if (x === null) x = typeof y === 'number' ? 0 : typeof y === 'string' ? '' : false;
  if (y === null) y = typeof x === 'number' ? 0 : typeof x === 'string' ? '' : false;
  const rx = typeRank(x as number | string | boolean);
  const ry = typeRank(y as number | string | boolean);
  if (rx !== ry) return rx < ry ? -1 : 1;
  if (typeof x === 'number' && typeof y === 'number') {
    const p = round15(x);
    const q = round15(y);
    return p < q ? -1 : p > q ? 1 : 0;
  }
  if (typeof x === 'string' && typeof y === 'string') return compareText(x, y);
  return x === y ? 0 : x ? 1 : -1;
}
