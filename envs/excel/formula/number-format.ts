/**
 * Number formats: rendering a value with an Excel format code as Excel displays it (through numfmt, an
 * MIT-licensed implementation of ECMA-376 format codes with the 1900 leap-year bug), the preset formats of
 * Excel's Number Format box, and the category a format belongs to.
 */
import { format as nfFormat, isValidFormat, isDateFormat, isPercentFormat, isTextFormat } from 'numfmt';
import { numberToText } from './coerce.ts';
import { isError, type Scalar } from './values.ts';

export const GENERAL = 'General';

/** The formats behind Excel's Home > Number Format drop-down (en-US). */
export const NUMBER_FORMAT_PRESETS = {
  general: 'General',
  number: '0.00',
  currency: '$#,##0.00',
  accounting: '_($* #,##0.00_);_($* (#,##0.00);_($* "-"??_);_(@_)',
  shortDate: 'm/d/yyyy',
  longDate: '[$-F800]dddd, mmmm dd, yyyy',
  time: '[$-F400]h:mm:ss AM/PM',
  percentage: '0.00%',
  fraction: '# ?/?',
  scientific: '0.00E+00',
  text: '@',
  comma: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
} as const;
export type NumberFormatPreset = keyof typeof NUMBER_FORMAT_PRESETS;

export type NumberFormatCategory =
  | 'General'
  | 'Number'
  | 'Currency'
  | 'Accounting'
  | 'Date'
  | 'Time'
  | 'Percentage'
  | 'Fraction'
  | 'Scientific'
  | 'Text'
  | 'Custom';

/** Locale tags like [$-F800] and [$-409] only pick system formats; numfmt needs the plain pattern. */
function normalise(code: string): string {
  if (code === NUMBER_FORMAT_PRESETS.longDate) return 'dddd, mmmm d, yyyy';
  if (code === NUMBER_FORMAT_PRESETS.time) return 'h:mm:ss AM/PM';
  return code.replace(/\[\$-[0-9A-Fa-f]+\]/g, '');
}

export function isValidNumberFormat(code: string): boolean {
  if (code === '' || code.toLowerCase() === 'general') return true;
  try {
    return isValidFormat(normalise(code));
  } catch {
    return false;
  }
}

const formatCache = new Map<string, boolean>();

export function isDateTimeFormat(code: string | undefined): boolean {
  if (!code || code === GENERAL) return false;
  let hit = formatCache.get(code);
  if (hit === undefined) {
    try {
      hit = isDateFormat(normalise(code));
    } catch {
      hit = false;
    }
    formatCache.set(code, hit);
  }
  return hit;
}

/**
 * The text Excel shows for a value under a format code. Numbers in General use up to 11 characters (a
 * standard-width column), switching to scientific notation like Excel; dates out of range show #####.
 */
export function formatValue(value: Scalar, code: string = GENERAL): string {
  if (value === null) return '';
  if (isError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  let byCode = formatted.get(code);
  if (byCode === undefined) {
    if (formatted.size >= 256) formatted.clear();
    const fmt = !code || code.toLowerCase() === 'general' ? GENERAL : normalise(code);
    byCode = { fmt, texts: new Map() };
    formatted.set(code, byCode);
  }
  const fmt = byCode.fmt;
  if (typeof value === 'string' && (fmt === GENERAL || fmt === '@')) return value;
  if (typeof value === 'number' && !Number.isFinite(value)) return '#NUM!';
  // The map's keys take -0 for 0, and numfmt may show them differently.
  if (Object.is(value, -0)) return formatUncached(value, fmt);
  let text = byCode.texts.get(value);
  if (text === undefined) {
    text = formatUncached(value, fmt);
    if (byCode.texts.size >= 4096) byCode.texts.clear();
    byCode.texts.set(value, text);
  }
  return text;
}

/**
 * Texts shown by format code and value: canvases and the grid format every cell they show, and a workbook holds
 * few distinct formats and values. numfmt's output depends on the (normalised) code and the value alone.
 */
const formatted = new Map<string, { fmt: string; texts: Map<string | number, string> }>();

/** `formatValue` computed afresh: what the cached texts must equal (tests). */
export function formatValueUncached(value: Scalar, code: string = GENERAL): string {
  if (value === null) return '';
  if (isError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const fmt = !code || code.toLowerCase() === 'general' ? GENERAL : normalise(code);
  if (typeof value === 'string' && (fmt === GENERAL || fmt === '@')) return value;
  if (typeof value === 'number' && !Number.isFinite(value)) return '#NUM!';
  return formatUncached(value, fmt);
}

function formatUncached(value: string | number, fmt: string): string {
  if (typeof value === 'string') {
    try {
      return nfFormat(fmt, value, { throws: false });
    } catch {
      return value;
    }
  }
  try {
    return nfFormat(fmt, value, {
      throws: false,
      invalid: numberToText(value),
      dateErrorNumber: false,
      overflow: '########',
      leap1900: true,
    });
  } catch {
    return numberToText(value);
  }
}

/** What Excel puts in the formula bar for a constant: dates as m/d/yyyy, percentages with %, else raw. */
export function editText(value: Scalar, code: string = GENERAL): string {
  if (value === null) return '';
  if (isError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDateTimeFormat(code)) {
    const hasDate = /[dy]/i.test(normalise(code).replace(/"[^"]*"/g, ''));
    const hasTime = /[hs]/i.test(normalise(code).replace(/"[^"]*"/g, '')) || value % 1 !== 0;
    if (value >= 1 && hasDate)
      return formatValue(value, hasTime && value % 1 !== 0 ? 'm/d/yyyy h:mm:ss AM/PM' : 'm/d/yyyy');
    if (hasTime || value < 1) return formatValue(value, 'h:mm:ss AM/PM');
  }
  if (code && isPercent(code)) return `${numberToText(value * 100)}%`;
  return numberToText(value);
}

function isPercent(code: string): boolean {
  try {
    return isPercentFormat(normalise(code));
  } catch {
    return false;
  }
}

export function numberFormatCategory(code: string | undefined): NumberFormatCategory {
  const c = code ?? GENERAL;
  if (c === '' || c.toLowerCase() === 'general') return 'General';
  if (c === '@') return 'Text';
  const plain = normalise(c);
  try {
    if (isTextFormat(plain)) return 'Text';
  } catch {
    return 'Custom';
  }
  if (isDateTimeFormat(c)) {
    const stripped = plain.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
    return /[dy]/i.test(stripped) || /m{3,}/i.test(stripped)
      ? 'Date'
      : /[hs]/i.test(stripped)
        ? 'Time'
        : 'Date';
  }
  if (isPercent(c)) return 'Percentage';
  if (/^_\(\$?\*/.test(c) || /^_-.*\*/.test(c)) return 'Accounting';
  if (/[$€£¥]/.test(c.replace(/"[^"]*"/g, ''))) return 'Currency';
  if (/E[+-]/i.test(plain)) return 'Scientific';
  if (/\?\/\?|#\s*\?+\/\?+/.test(plain)) return 'Fraction';
  if (/^[#,0.]+(_\)|;.*)?$/.test(plain) || /^#,##0(\.0+)?(_\);\(#,##0(\.0+)?\))?$/.test(plain))
    return 'Number';
  if (/^0(\.0+)?$/.test(plain) || /^#,##0(\.0+)?$/.test(plain)) return 'Number';
  return 'Custom';
}

/**
 * Excel's Increase/Decrease Decimal buttons: add or remove one decimal place in every numeric section of
 * a format; a General cell first takes the decimals its current value shows.
 */
export function adjustDecimals(code: string | undefined, delta: 1 | -1, sample: Scalar = null): string {
  let fmt = code && code.toLowerCase() !== 'general' ? code : null;
  if (fmt === null) {
    let places = 0;
    if (typeof sample === 'number') {
      const text = numberToText(sample);
      const dot = text.indexOf('.');
      places = dot >= 0 && !text.includes('E') ? text.length - dot - 1 : 0;
    }
    places = Math.max(0, places + delta);
    return places === 0 ? '0' : `0.${'0'.repeat(places)}`;
  }
  const sections = splitSections(fmt);
  fmt = sections
    .map((sec) => {
      if (
        /^\s*@?\s*$/.test(sec) ||
        (/"[^"]*"\s*$/.test(sec.trim()) && !/[0#?]/.test(sec.replace(/"[^"]*"/g, '')))
      ) {
        return sec;
      }
      return adjustSection(sec, delta);
    })
    .join(';');
  return fmt;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') inQuote = !inQuote;
    if (ch === '\\' && !inQuote) {
      cur += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !inQuote) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function adjustSection(sec: string, delta: 1 | -1): string {
  // Find the last run of digit placeholders outside quotes/brackets and edit its decimals.
  const re = /([0#?,]+)(\.([0#?]*))?/g;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  const masked = sec.replace(/"[^"]*"|\[[^\]]*\]|\\./g, (s) => '\u0000'.repeat(s.length));
  while ((m = re.exec(masked)) !== null) {
    if (/[0#?]/.test(m[0])) last = m;
  }
  if (!last) return sec;
  const intPart = last[1]!;
  const decimals = last[3] ?? '';
  let next: string;
  if (delta > 0) next = `${intPart}.${decimals}0`;
  else next = decimals.length <= 1 ? intPart : `${intPart}.${decimals.slice(0, -1)}`;
  return sec.slice(0, last.index) + next + sec.slice(last.index + last[0].length);
}
