/**
 * Conditional formatting (Home > Conditional Formatting): highlight-cell rules, top/bottom rules,
 * duplicates, blanks and formula rules, and which look applies to a cell.
 */
import { parseA1, rectContains, toA1 } from '../formula/address.ts';
import { compareScalars, toNumber } from '../formula/coerce.ts';
import { formatValue } from '../formula/number-format.ts';
import { copyFormula } from '../formula/references.ts';
import { isError, type Scalar } from '../formula/values.ts';
import { evaluateAt } from './calc.ts';
import { normalizeFormula } from './entry.ts';
import { ExcelError } from './errors.ts';
import { rectsToSqref, sqrefContains, sqrefOrigin, sqrefRects, subtractRect } from './ranges.ts';
import { normColor } from './styles.ts';
import type { CfRule, CfStyle, ConditionalFormat, Sheet, Workbook } from './types.ts';
import { getSheet, rangeRect } from './workbook.ts';

/** Excel's preset looks of the Highlight Cells Rules dialogs. */
export const CF_PRESETS: Record<string, CfStyle> = {
  lightRedFillDarkRedText: { fill: '#FFC7CE', font: { color: '#9C0006' } },
  yellowFillDarkYellowText: { fill: '#FFEB9C', font: { color: '#9C5700' } },
  greenFillDarkGreenText: { fill: '#C6EFCE', font: { color: '#006100' } },
  lightRedFill: { fill: '#FFC7CE' },
  redText: { font: { color: '#9C0006' } },
  redBorder: { border: { color: '#9C0006', style: 'thin' } },
};

export interface ConditionalFormatInput {
  range: string;
  rule: CfRule;
  /** A CfStyle or a preset name from CF_PRESETS (default: light red fill with dark red text). */
  style?: CfStyle | keyof typeof CF_PRESETS;
  stopIfTrue?: boolean;
}

function checkRule(wb: Workbook, rule: CfRule): CfRule {
  switch (rule.type) {
    case 'cellIs': {
      const need = rule.operator === 'between' || rule.operator === 'notBetween' ? 2 : 1;
      if (!Array.isArray(rule.values) || rule.values.length !== need) {
        throw new ExcelError(
          'BAD_ARGUMENT',
          `a '${rule.operator}' rule needs ${need} value${need > 1 ? 's' : ''}`,
        );
      }
      return {
        ...rule,
        values: rule.values.map((v) =>
          String(v).trim().startsWith('=') ? normalizeFormula(String(v).trim(), wb) : String(v),
        ),
      };
    }
    case 'expression': {
      const f = rule.formula.trim();
      return { type: 'expression', formula: normalizeFormula(f.startsWith('=') ? f : `=${f}`, wb) };
    }
    case 'containsText':
    case 'notContainsText':
    case 'beginsWith':
    case 'endsWith':
      if (typeof rule.text !== 'string')
        throw new ExcelError('BAD_ARGUMENT', `a '${rule.type}' rule needs text`);
      return { ...rule };
    case 'top10':
      if (!Number.isInteger(rule.rank) || rule.rank < 1 || rule.rank > (rule.percent ? 100 : 1000)) {
        throw new ExcelError(
          'BAD_ARGUMENT',
          `top/bottom rank ${rule.rank} is outside 1-${rule.percent ? 100 : 1000}`,
        );
      }
      return { ...rule };
    case 'duplicateValues':
    case 'uniqueValues':
    case 'aboveAverage':
    case 'blanks':
    case 'noBlanks':
      return { ...rule };
    default:
      throw new ExcelError(
        'BAD_ARGUMENT',
        `unknown conditional format rule '${String((rule as { type: unknown }).type)}'`,
      );
  }
}

function checkStyle(style: ConditionalFormatInput['style']): CfStyle {
  if (style === undefined) return structuredClone(CF_PRESETS.lightRedFillDarkRedText!);
  if (typeof style === 'string') {
    const p = CF_PRESETS[style];
    if (!p)
      throw new ExcelError(
        'BAD_ARGUMENT',
        `unknown format preset '${style}' (use one of ${Object.keys(CF_PRESETS).join(', ')})`,
      );
    return structuredClone(p);
  }
  const out = structuredClone(style);
  const colour = (c: string | undefined, what: string) => {
    if (c === undefined) return undefined;
    const n = normColor(c);
    if (!n) throw new ExcelError('BAD_ARGUMENT', `${what} '${c}' is not a colour`);
    return n;
  };
  if (out.fill !== undefined) out.fill = colour(out.fill, 'fill');
  if (out.font?.color !== undefined) out.font.color = colour(out.font.color, 'font colour');
  if (out.border?.color !== undefined) out.border.color = colour(out.border.color, 'border colour');
  return out;
}

/** Adds a rule; like Excel, the newest rule gets priority 1 and the others move down. */
export function addConditionalFormat(
  wb: Workbook,
  sheetName: string | undefined,
  input: ConditionalFormatInput,
): ConditionalFormat {
  const sheet = getSheet(wb, sheetName);
  const rects = sqrefRects(input.range);
  if (rects.length === 0) throw new ExcelError('BAD_ADDRESS', 'a conditional format needs a range');
  const cf: ConditionalFormat = {
    ranges: rectsToSqref(rects),
    rule: checkRule(wb, input.rule),
    style: checkStyle(input.style),
    priority: 1,
  };
  if (input.stopIfTrue) cf.stopIfTrue = true;
  for (const other of sheet.conditionalFormats) other.priority++;
  sheet.conditionalFormats.push(cf);
  return cf;
}

/** Clear Rules > from Selected Cells (or the whole sheet when no range is given). Returns rules touched. */
export function clearConditionalFormats(wb: Workbook, sheetName: string | undefined, range?: string): number {
  const sheet = getSheet(wb, sheetName);
  const before = sheet.conditionalFormats.length;
  if (range === undefined) {
    sheet.conditionalFormats = [];
    return before;
  }
  const cut = rangeRect(range);
  let touched = 0;
  const kept: ConditionalFormat[] = [];
  for (const cf of sheet.conditionalFormats) {
    const parts = sqrefRects(cf.ranges).flatMap((p) => subtractRect(p, cut));
    if (rectsToSqref(parts) !== cf.ranges) touched++;
    if (parts.length) kept.push({ ...cf, ranges: rectsToSqref(parts) });
  }
  kept.sort((a, b) => a.priority - b.priority).forEach((cf, i) => (cf.priority = i + 1));
  sheet.conditionalFormats = kept;
  return touched;
}

function valuesIn(sheet: Sheet, sqref: string): Scalar[] {
  const rects = sqrefRects(sqref);
  const out: Scalar[] = [];
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    const p = parseA1(addr);
    if (p && rects.some((r) => rectContains(r, p.row, p.col))) out.push(cell.value);
  }
  return out;
}

function relative(cf: ConditionalFormat, f: string, sheet: Sheet, row: number, col: number): string {
  const o = sqrefOrigin(cf.ranges);
  return copyFormula(f.startsWith('=') ? f.slice(1) : f, sheet.name, row - o.row, col - o.col);
}

function operand(
  wb: Workbook,
  sheet: Sheet,
  cf: ConditionalFormat,
  v: string,
  row: number,
  col: number,
): Scalar {
  if (v.startsWith('=')) return evaluateAt(wb, sheet.name, row, col, relative(cf, v, sheet, row, col));
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

/** Whether a rule matches the cell at (row, col). */
export function ruleMatches(
  wb: Workbook,
  sheet: Sheet,
  cf: ConditionalFormat,
  row: number,
  col: number,
): boolean {
  const cell = sheet.cells[toA1(row, col)];
  const value: Scalar = cell?.value ?? null;
  const text = cell ? formatValue(value, cell.style?.numFmt).toLowerCase() : '';
  const rule = cf.rule;
  switch (rule.type) {
    case 'cellIs': {
      if (value === null || isError(value)) return false;
      const ops = rule.values.map((v) => operand(wb, sheet, cf, v, row, col));
      const c = (x: Scalar) => {
        const r = compareScalars(value, x);
        return isError(r) ? null : r;
      };
      const a = c(ops[0] ?? null);
      if (a === null) return false;
      switch (rule.operator) {
        case 'greaterThan':
          return a > 0;
        case 'lessThan':
          return a < 0;
        case 'greaterThanOrEqual':
          return a >= 0;
        case 'lessThanOrEqual':
          return a <= 0;
        case 'equal':
          return a === 0;
        case 'notEqual':
          return a !== 0;
        case 'between':
        case 'notBetween': {
          const b = c(ops[1] ?? null);
          if (b === null) return false;
          const lo = compareScalars(ops[0] ?? null, ops[1] ?? null);
          const inside = !isError(lo) && lo <= 0 ? a >= 0 && b <= 0 : a <= 0 && b >= 0;
          return rule.operator === 'between' ? inside : !inside;
        }
      }
      return false;
    }
    case 'containsText':
      return text.includes(rule.text.toLowerCase());
    case 'notContainsText':
      return !text.includes(rule.text.toLowerCase());
    case 'beginsWith':
      return text.startsWith(rule.text.toLowerCase());
    case 'endsWith':
      return text.endsWith(rule.text.toLowerCase());
    case 'blanks':
      return value === null || (typeof value === 'string' && value.trim() === '');
    case 'noBlanks':
      return !(value === null || (typeof value === 'string' && value.trim() === ''));
    case 'duplicateValues':
    case 'uniqueValues': {
      if (value === null) return false;
      const key = (v: Scalar) =>
        typeof v === 'string' ? `s:${v.toLowerCase()}` : `${typeof v}:${JSON.stringify(v)}`;
      const k = key(value);
      const n = valuesIn(sheet, cf.ranges).filter((v) => v !== null && key(v) === k).length;
      return rule.type === 'duplicateValues' ? n > 1 : n === 1;
    }
    case 'top10': {
      if (typeof value !== 'number') return false;
      const nums = valuesIn(sheet, cf.ranges).filter((v): v is number => typeof v === 'number');
      nums.sort((a, b) => (rule.bottom ? a - b : b - a));
      const n = rule.percent ? Math.max(1, Math.floor((nums.length * rule.rank) / 100)) : rule.rank;
      const cutoff = nums[Math.min(n, nums.length) - 1];
      return cutoff !== undefined && (rule.bottom ? value <= cutoff : value >= cutoff);
    }
    case 'aboveAverage': {
      if (typeof value !== 'number') return false;
      const nums = valuesIn(sheet, cf.ranges).filter((v): v is number => typeof v === 'number');
      const avg = nums.reduce((a, b) => a + b, 0) / nums.length;
      return rule.below ? value < avg : value > avg;
    }
    case 'expression': {
      const r = evaluateAt(wb, sheet.name, row, col, relative(cf, rule.formula, sheet, row, col));
      if (typeof r === 'boolean') return r;
      const n = toNumber(r);
      return !isError(n) && n !== 0;
    }
  }
}

/**
 * The conditional look of a cell: the rules covering it in priority order, later matches filling in
 * only what earlier ones left unset (Excel's rule precedence), stopping at a matching stop-if-true
 * rule. null when no rule applies.
 */
export function conditionalStyleAt(
  wb: Workbook,
  sheetName: string | undefined,
  addr: string,
): CfStyle | null {
  const sheet = getSheet(wb, sheetName);
  const p = rangeRect(addr);
  const rules = sheet.conditionalFormats
    .filter((cf) => sqrefContains(cf.ranges, p.r1, p.c1))
    .sort((a, b) => a.priority - b.priority);
  let out: CfStyle | null = null;
  for (const cf of rules) {
    if (!ruleMatches(wb, sheet, cf, p.r1, p.c1)) continue;
    const s = cf.style;
    out ??= {};
    if (s.fill !== undefined && out.fill === undefined) out.fill = s.fill;
    if (s.numFmt !== undefined && out.numFmt === undefined) out.numFmt = s.numFmt;
    if (s.font) out.font = { ...s.font, ...(out.font ?? {}) };
    if (s.border) out.border = { ...s.border, ...(out.border ?? {}) };
    if (cf.stopIfTrue) break;
  }
  return out;
}

/** Cells of a sheet that some rule currently highlights (for evaluators and observations). */
export function highlightedCells(wb: Workbook, sheetName?: string): string[] {
  const sheet = getSheet(wb, sheetName);
  const out = new Set<string>();
  for (const cf of sheet.conditionalFormats) {
    for (const r of sqrefRects(cf.ranges)) {
      const r2 = Math.min(r.r2, r.r1 + 5000);
      const c2 = Math.min(r.c2, r.c1 + 200);
      for (let row = r.r1; row <= r2; row++) {
        for (let col = r.c1; col <= c2; col++) {
          const a = toA1(row, col);
          if (!out.has(a) && conditionalStyleAt(wb, sheet.name, a)) out.add(a);
        }
      }
    }
  }
  return [...out].sort();
}
