/** Data > Filter: the auto-filter range, per-column criteria, and which rows it hides. */
import { colToLetters, rectToA1, toA1 } from '../formula/address.ts';
import { wildcardToRegExp } from '../formula/criteria.ts';
import { formatValue } from '../formula/number-format.ts';
import { recalculate } from './calc.ts';
import { ExcelError } from './errors.ts';
import { currentRegion, sortRange } from './sort.ts';
import type { AutoFilter, FilterCondition, FilterCriterion, Sheet, Workbook } from './types.ts';
import { colFromKey, getSheet, rangeRect } from './workbook.ts';

/**
 * Turns the auto-filter on for a range (a single cell stands for its current region, as in Excel).
 * A sheet has at most one auto-filter; turning it on elsewhere replaces the old one.
 */
export function setAutoFilter(wb: Workbook, sheetName: string | undefined, range: string): AutoFilter {
  const sheet = getSheet(wb, sheetName);
  let rect = rangeRect(range);
  if (rect.r1 === rect.r2 && rect.c1 === rect.c2) rect = currentRegion(sheet, rect.r1, rect.c1);
  if (rect.r1 === rect.r2 && rect.c1 === rect.c2 && !sheet.cells[toA1(rect.r1, rect.c1)]) {
    throw new ExcelError(
      'BAD_ARGUMENT',
      `cannot filter around ${toA1(rect.r1, rect.c1)}: select a cell inside a table of data`,
    );
  }
  if (sheet.autoFilter) showFilteredRows(sheet);
  sheet.autoFilter = { range: rectToA1(rect), criteria: {} };
  return sheet.autoFilter;
}

/** Data > Filter off: removes the buttons and shows every row the filter hid. */
export function removeAutoFilter(wb: Workbook, sheetName?: string): void {
  const sheet = getSheet(wb, sheetName);
  if (!sheet.autoFilter) throw new ExcelError('NOTHING_TO_DO', `sheet '${sheet.name}' has no filter`);
  showFilteredRows(sheet);
  sheet.autoFilter = null;
  recalculate(wb);
}

function showFilteredRows(sheet: Sheet): void {
  for (const [k, r] of Object.entries(sheet.rows)) {
    if (!r.filtered) continue;
    delete r.filtered;
    delete r.hidden;
    if (Object.keys(r).length === 0) delete sheet.rows[k];
  }
}

function filterOf(sheet: Sheet): AutoFilter {
  if (!sheet.autoFilter) {
    throw new ExcelError(
      'NOTHING_TO_DO',
      `sheet '${sheet.name}' has no filter; turn on Data > Filter for a range first`,
    );
  }
  return sheet.autoFilter;
}

function filterColumn(sheet: Sheet, column: string | number): string {
  const af = filterOf(sheet);
  const rect = rangeRect(af.range);
  const c = typeof column === 'number' ? column : colFromKey(column.trim().toUpperCase());
  if (!Number.isInteger(c) || c < rect.c1 || c > rect.c2) {
    throw new ExcelError(
      'BAD_ARGUMENT',
      `column '${String(column)}' is not inside the filter range ${af.range}`,
    );
  }
  return colToLetters(c);
}

/** Sets (or with null, clears) the criterion of one filter column and re-applies the filter. */
export function setFilterCriterion(
  wb: Workbook,
  sheetName: string | undefined,
  column: string | number,
  criterion: FilterCriterion | null,
): number {
  const sheet = getSheet(wb, sheetName);
  const key = filterColumn(sheet, column);
  const af = filterOf(sheet);
  if (criterion === null) delete af.criteria[key];
  else af.criteria[key] = checkCriterion(criterion);
  return applyAutoFilter(wb, sheet.name);
}

/** Data > Clear: drops every criterion and shows all rows. */
export function clearFilterCriteria(wb: Workbook, sheetName?: string): void {
  const sheet = getSheet(wb, sheetName);
  filterOf(sheet).criteria = {};
  applyAutoFilter(wb, sheet.name);
}

function checkCriterion(c: FilterCriterion): FilterCriterion {
  if (c.type === 'values') {
    if (!Array.isArray(c.values))
      throw new ExcelError('BAD_ARGUMENT', 'a values filter needs a list of values');
    return { type: 'values', values: c.values.map(String) };
  }
  if (c.type === 'custom') {
    if (!Array.isArray(c.conditions) || c.conditions.length < 1 || c.conditions.length > 2) {
      throw new ExcelError('BAD_ARGUMENT', 'a custom filter takes one or two conditions');
    }
    return structuredClone(c);
  }
  if (c.type === 'top10') {
    if (!(c.count >= 1 && c.count <= (c.percent ? 100 : 500))) {
      throw new ExcelError('BAD_ARGUMENT', `top 10 count ${c.count} is outside 1-${c.percent ? 100 : 500}`);
    }
    return { ...c };
  }
  throw new ExcelError('BAD_ARGUMENT', `unknown filter type '${String((c as { type: unknown }).type)}'`);
}

function conditionHolds(cond: FilterCondition, value: unknown, text: string): boolean {
  const target = cond.value;
  const num = typeof value === 'number' ? value : null;
  const tnum =
    typeof target === 'number'
      ? target
      : target.trim() !== '' && !Number.isNaN(Number(target))
        ? Number(target)
        : null;
  const lower = text.toLowerCase();
  const tstr = String(target).toLowerCase();
  const cmp = (): number | null => {
    if (num !== null && tnum !== null) return num - tnum;
    if (num === null && tnum === null) return lower < tstr ? -1 : lower > tstr ? 1 : 0;
    return null;
  };
  switch (cond.operator) {
    case 'equal':
      return num !== null && tnum !== null ? num === tnum : wildcardToRegExp(String(target)).test(text);
    case 'notEqual':
      return !(num !== null && tnum !== null ? num === tnum : wildcardToRegExp(String(target)).test(text));
    case 'greaterThan':
      return (cmp() ?? -1) > 0;
    case 'greaterThanOrEqual':
      return (cmp() ?? -1) >= 0;
    case 'lessThan':
      return (cmp() ?? 1) < 0;
    case 'lessThanOrEqual':
      return (cmp() ?? 1) <= 0;
    case 'beginsWith':
      return lower.startsWith(tstr);
    case 'endsWith':
      return lower.endsWith(tstr);
    case 'contains':
      return lower.includes(tstr);
    case 'notContains':
      return !lower.includes(tstr);
  }
}

/** Re-evaluates the filter (Data > Reapply); returns how many data rows are visible. */
export function applyAutoFilter(wb: Workbook, sheetName?: string): number {
  const sheet = getSheet(wb, sheetName);
  const af = filterOf(sheet);
  const rect = rangeRect(af.range);
  showFilteredRows(sheet);
  const tests: ((row: number) => boolean)[] = [];
  for (const [key, crit] of Object.entries(af.criteria)) {
    const c = colFromKey(key);
    const cellAt = (r: number) => sheet.cells[toA1(r, c)];
    const textAt = (r: number) => {
      const cell = cellAt(r);
      return cell ? formatValue(cell.value, cell.style?.numFmt) : '';
    };
    if (crit.type === 'values') {
      const wanted = new Set(crit.values.map((v) => v.toLowerCase()));
      tests.push((r) => wanted.has(textAt(r).toLowerCase()));
    } else if (crit.type === 'custom') {
      tests.push((r) => {
        const res = crit.conditions.map((cond) => conditionHolds(cond, cellAt(r)?.value ?? null, textAt(r)));
        return crit.join === 'or' ? res.some(Boolean) : res.every(Boolean);
      });
    } else {
      const nums: number[] = [];
      for (let r = rect.r1 + 1; r <= rect.r2; r++) {
        const v = cellAt(r)?.value;
        if (typeof v === 'number') nums.push(v);
      }
      nums.sort((a, b) => (crit.top ? b - a : a - b));
      const n = crit.percent ? Math.max(1, Math.floor((nums.length * crit.count) / 100)) : crit.count;
      const cutoff = nums[Math.min(n, nums.length) - 1];
      tests.push((r) => {
        const v = cellAt(r)?.value;
        return typeof v === 'number' && cutoff !== undefined && (crit.top ? v >= cutoff : v <= cutoff);
      });
    }
  }
  let visible = 0;
  for (let r = rect.r1 + 1; r <= rect.r2; r++) {
    const manual = sheet.rows[String(r)]?.hidden === true;
    if (tests.every((t) => t(r))) {
      if (!manual) visible++;
      continue;
    }
    const props = (sheet.rows[String(r)] ??= {});
    if (!props.hidden) {
      props.hidden = true;
      props.filtered = true;
    }
  }
  recalculate(wb);
  return visible;
}

/** Sort A to Z / Z to A from a filter button: sorts the filter's data rows by that column. */
export function sortByFilterColumn(
  wb: Workbook,
  sheetName: string | undefined,
  column: string | number,
  descending = false,
): void {
  const sheet = getSheet(wb, sheetName);
  const key = filterColumn(sheet, column);
  const af = filterOf(sheet);
  sortRange(wb, sheet.name, af.range, [{ column: key, descending }], { header: true });
  af.sort = { column: key, descending };
  if (Object.keys(af.criteria).length) applyAutoFilter(wb, sheet.name);
}

/** The distinct displayed values of a filter column (the check-box list), sorted; "" is (Blanks). */
export function filterValues(wb: Workbook, sheetName: string | undefined, column: string | number): string[] {
  const sheet = getSheet(wb, sheetName);
  const key = filterColumn(sheet, column);
  const rect = rangeRect(filterOf(sheet).range);
  const c = colFromKey(key);
  const seen = new Map<string, string>();
  for (let r = rect.r1 + 1; r <= rect.r2; r++) {
    const cell = sheet.cells[toA1(r, c)];
    const t = cell ? formatValue(cell.value, cell.style?.numFmt) : '';
    if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  }
  return [...seen.values()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
}
