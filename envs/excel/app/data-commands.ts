/**
 * Commands behind the Data, Insert and Formulas tabs, the Home tab's Styles group and their dialogs: Sort,
 * AutoFilter arrows and Custom AutoFilter, Data Validation, Remove Duplicates, Conditional Formatting's highlight
 * rules, charts, tables and New Name. Each takes the dialog's field values (as Excel reads them on OK).
 */
import type { CommandContext, CommandDecl, FieldValue, Outcome } from '../../office/index.ts';
import { colToLetters, parseRect, rectToA1, toA1, type Rect } from '../formula/address.ts';
import { formatValue } from '../formula/number-format.ts';
import { recalculate } from '../model/calc.ts';
import { addChart } from '../model/charts.ts';
import { addConditionalFormat, clearConditionalFormats, type CF_PRESETS } from '../model/conditional.ts';
import { clearFilterCriteria, setFilterCriterion, sortByFilterColumn } from '../model/filter.ts';
import { defineName } from '../model/names.ts';
import { currentRegion, sortRange } from '../model/sort.ts';
import type {
  CfRule,
  ChartType,
  FilterCondition,
  FilterOperator,
  Sheet,
  ValidationOperator,
  ValidationType,
} from '../model/types.ts';
import { createTable } from '../model/tables.ts';
import { addDataValidation, removeDataValidation } from '../model/validation.ts';
import { splitSheetRange } from '../model/workbook.ts';
import { activeSheet, selectedRanges, selectionRect, type ExcelState } from './state.ts';

type S = ExcelState;
type Ctx = CommandContext<S>;
type Args = Readonly<Record<string, unknown>>;

const notEditing = (s: S) => s.entry === null;
function cmd(label: string, run: (ctx: Ctx, args: Args) => Outcome): CommandDecl<S> {
  return { label, run, enabled: notEditing };
}
const text = (args: Args, key: string) => (args[key] === undefined ? '' : String(args[key]));

/** The range Sort, Remove Duplicates and charts act on: the selection, or the current region of one cell. */
export function dataRect(s: S): Rect {
  const r = selectionRect(s);
  if (r.r1 !== r.r2 || r.c1 !== r.c2) return r;
  return currentRegion(activeSheet(s), r.r1, r.c1);
}

/** The names the Sort dialog's "Sort by" lists: the header texts, or "Column B" without headers. */
export function sortColumnNames(sheet: Sheet, rect: Rect, headers: boolean): string[] {
  const names: string[] = [];
  for (let c = rect.c1; c <= rect.c2; c++) {
    const cell = sheet.cells[toA1(rect.r1, c)];
    const header = cell ? formatValue(cell.value, cell.style?.numFmt) : '';
    names.push(headers && header !== '' ? header : `Column ${colToLetters(c)}`);
  }
  return names;
}

/** Whether a data column holds numbers (the Sort dialog then offers Smallest to Largest). */
export function numericColumn(sheet: Sheet, rect: Rect, col: number, headers: boolean): boolean {
  for (let r = headers ? rect.r1 + 1 : rect.r1; r <= rect.r2; r++) {
    const v = sheet.cells[toA1(r, col)]?.value;
    if (v !== undefined && v !== null) return typeof v === 'number';
  }
  return false;
}

export const ASCENDING_ORDERS = ['A to Z', 'Smallest to Largest', 'Oldest to Newest'];
export const DESCENDING_ORDERS = ['Z to A', 'Largest to Smallest', 'Newest to Oldest'];

/** Highlight Cells Rules' "with" formats → the model's presets. */
export const CF_FORMATS: Readonly<Record<string, keyof typeof CF_PRESETS>> = {
  'Light Red Fill with Dark Red Text': 'lightRedFillDarkRedText',
  'Yellow Fill with Dark Yellow Text': 'yellowFillDarkYellowText',
  'Green Fill with Dark Green Text': 'greenFillDarkGreenText',
  'Light Red Fill': 'lightRedFill',
  'Red Text': 'redText',
  'Red Border': 'redBorder',
};

/** Insert > Charts gallery items → the model's chart type. */
export const CHART_ITEMS: Readonly<Record<string, { type: ChartType; stacked?: 'stacked' | 'percent' }>> = {
  'Clustered Column': { type: 'column' },
  'Stacked Column': { type: 'column', stacked: 'stacked' },
  '100% Stacked Column': { type: 'column', stacked: 'percent' },
  'Clustered Bar': { type: 'bar' },
  'Stacked Bar': { type: 'bar', stacked: 'stacked' },
  '100% Stacked Bar': { type: 'bar', stacked: 'percent' },
  Line: { type: 'line' },
  'Stacked Line': { type: 'line', stacked: 'stacked' },
  'Line with Markers': { type: 'line' },
  Area: { type: 'area' },
  'Stacked Area': { type: 'area', stacked: 'stacked' },
  Pie: { type: 'pie' },
  Doughnut: { type: 'doughnut' },
  Scatter: { type: 'scatter' },
};

/** Data Validation's "Allow:" entries → the model's types ('Any value' keeps only an input message). */
export const ALLOW_TYPES: Readonly<Record<string, ValidationType>> = {
  'Any value': 'none',
  'Whole number': 'whole',
  Decimal: 'decimal',
  List: 'list',
  Date: 'date',
  Time: 'time',
  'Text length': 'textLength',
  Custom: 'custom',
};

/** Data Validation's "Data:" entries. */
export const VALIDATION_OPERATORS: Readonly<Record<string, ValidationOperator>> = {
  between: 'between',
  'not between': 'notBetween',
  'equal to': 'equal',
  'not equal to': 'notEqual',
  'greater than': 'greaterThan',
  'less than': 'lessThan',
  'greater than or equal to': 'greaterThanOrEqual',
  'less than or equal to': 'lessThanOrEqual',
};

/** The Custom AutoFilter dialog's comparisons → the model's operators. */
export const CUSTOM_FILTER_OPERATORS: Readonly<Record<string, FilterOperator>> = {
  equals: 'equal',
  'does not equal': 'notEqual',
  'is greater than': 'greaterThan',
  'is greater than or equal to': 'greaterThanOrEqual',
  'is less than': 'lessThan',
  'is less than or equal to': 'lessThanOrEqual',
  'begins with': 'beginsWith',
  'does not begin with': 'notEqual',
  'ends with': 'endsWith',
  contains: 'contains',
  'does not contain': 'notContains',
};
export const FILTER_OPERATOR_NAMES = Object.keys(CUSTOM_FILTER_OPERATORS).filter(
  (n) => n !== 'does not begin with',
);

/**
 * How many columns the Remove Duplicates dialog lists with a check box (a dialog has a fixed set of fields);
 * columns of a wider range past these are always compared.
 */
export const DUPLICATE_COLUMNS = 12;
export const duplicateColumnKey = (index: number) => `column${index + 1}`;

/** Select All / Unselect All in Remove Duplicates: the dialog again, every column box set one way. */
function setAllDuplicateColumns(checked: boolean): CommandDecl<S> {
  return {
    mutates: false,
    run(ctx, args) {
      const values: Record<string, FieldValue> = {};
      for (const [k, v] of Object.entries(args))
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') values[k] = v;
      for (let i = 0; i < DUPLICATE_COLUMNS; i++) values[duplicateColumnKey(i)] = checked;
      ctx.ui.closeDialog();
      ctx.ui.openDialog('removeDuplicates', values);
    },
  };
}

const sheetOf = (s: S) => s.wb.activeSheet;
const selectionSqref = (s: S) => selectedRanges(s).join(' ');

export const excelDataCommands: Readonly<Record<string, CommandDecl<S>>> = {
  /** Sort dialog OK: one sort level over the dialog's range. */
  sortDialog: cmd('Sort', (ctx, args) => {
    const s = ctx.state;
    const rect = parseRect(text(args, 'range'));
    if (rect === null) return { error: 'the Sort dialog has no range to sort' };
    const headers = args.headers === true;
    const names = sortColumnNames(activeSheet(s), rect, headers);
    const index = names.indexOf(text(args, 'sortBy'));
    if (index < 0) return { error: `'${text(args, 'sortBy')}' is not a column of ${rectToA1(rect)}` };
    const order = text(args, 'order');
    if (!ASCENDING_ORDERS.includes(order) && !DESCENDING_ORDERS.includes(order))
      return { error: `unknown sort order '${order}'` };
    const keys = [{ column: rect.c1 + index, descending: DESCENDING_ORDERS.includes(order) }];
    const then = text(args, 'thenBy');
    if (Number(args.levels ?? 1) >= 2 && then !== '') {
      const second = names.indexOf(then);
      if (second < 0) return { error: `'${then}' is not a column of ${rectToA1(rect)}` };
      keys.push({ column: rect.c1 + second, descending: DESCENDING_ORDERS.includes(text(args, 'order2')) });
    }
    sortRange(s.wb, sheetOf(s), rectToA1(rect), keys, { header: headers });
  }),
  /** Sort > Add Level: the same dialog again, with a "Then by" row. */
  sortAddLevel: {
    mutates: false,
    run(ctx, args) {
      const values: Record<string, FieldValue> = {};
      for (const [k, v] of Object.entries(args))
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') values[k] = v;
      ctx.ui.closeDialog();
      ctx.ui.openDialog('sort', { ...values, levels: 2 });
    },
  },
  sortFilterColumn: cmd('Sort', (ctx, args) => {
    const s = ctx.state;
    sortByFilterColumn(s.wb, sheetOf(s), text(args, 'column'), args.descending === true);
  }),
  clearColumnFilter: cmd('Clear Filter', (ctx, args) => {
    const s = ctx.state;
    setFilterCriterion(s.wb, sheetOf(s), text(args, 'column'), null);
  }),
  /** A Text Filters / Number Filters item: the Custom AutoFilter dialog with that comparison chosen. */
  openCustomFilter: {
    mutates: false,
    run(ctx, args) {
      const s = ctx.state;
      const af = activeSheet(s).autoFilter;
      const current = af?.criteria[text(args, 'column')];
      const first = current?.type === 'custom' ? current.conditions[0] : undefined;
      const shown =
        first === undefined
          ? undefined
          : FILTER_OPERATOR_NAMES.find((n) => CUSTOM_FILTER_OPERATORS[n] === first.operator);
      ctx.ui.openDialog('customAutoFilter', {
        column: text(args, 'column'),
        operator: shown ?? text(args, 'operator'),
        value: first === undefined ? '' : String(first.value),
      });
    },
  },
  /** Custom AutoFilter OK: one or two comparisons on the column. */
  customFilter: cmd('Filter', (ctx, args) => {
    const s = ctx.state;
    const conditions: FilterCondition[] = [];
    for (const [op, value] of [
      [text(args, 'operator'), text(args, 'value')],
      [text(args, 'operator2'), text(args, 'value2')],
    ] as const) {
      if (op === '' || value === '') continue;
      const operator = CUSTOM_FILTER_OPERATORS[op];
      if (operator === undefined) return { error: `unknown comparison '${op}'` };
      const n = Number(value);
      conditions.push({ operator, value: value.trim() !== '' && Number.isFinite(n) ? n : value });
    }
    if (conditions.length === 0) return { error: 'type a value to compare with' };
    setFilterCriterion(s.wb, sheetOf(s), text(args, 'column'), {
      type: 'custom',
      conditions,
      ...(conditions.length === 2 ? { join: args.join === 'or' ? ('or' as const) : ('and' as const) } : {}),
    });
  }),
  clearFilter: cmd('Clear', (ctx) => {
    const s = ctx.state;
    const af = activeSheet(s).autoFilter;
    if (af === null || Object.keys(af.criteria).length === 0) return { changed: false };
    clearFilterCriteria(s.wb, sheetOf(s));
  }),
  /** Data Validation dialog OK: the rule for the selected cells. */
  dataValidation: cmd('Data Validation', (ctx, args) => {
    const s = ctx.state;
    const allow = text(args, 'allow');
    if (!(allow in ALLOW_TYPES)) return { error: `unknown Allow entry '${allow}'` };
    const type = ALLOW_TYPES[allow]!;
    const range = selectionSqref(s);
    const promptTitle = args.showInput === true ? text(args, 'promptTitle') : '';
    const prompt = args.showInput === true ? text(args, 'prompt') : '';
    if (type === 'none') {
      for (const r of selectedRanges(s)) removeDataValidation(s.wb, sheetOf(s), r);
      // Any value with an input message is still a rule: Excel shows the message when a cell is selected.
      if (promptTitle === '' && prompt === '') return;
      addDataValidation(s.wb, sheetOf(s), {
        range,
        type,
        allowBlank: args.ignoreBlank !== false,
        ...(promptTitle !== '' ? { promptTitle } : {}),
        ...(prompt !== '' ? { prompt } : {}),
      });
      return;
    }
    const op = VALIDATION_OPERATORS[text(args, 'operator')] ?? 'between';
    const twoBounds = op === 'between' || op === 'notBetween';
    const value1 =
      type === 'custom' ? text(args, 'formula') : twoBounds ? text(args, 'minimum') : text(args, 'value');
    addDataValidation(s.wb, sheetOf(s), {
      range,
      type,
      ...(type === 'list' ? { source: text(args, 'source'), showDropDown: args.dropDown !== false } : {}),
      ...(type !== 'list' && type !== 'custom' ? { operator: op } : {}),
      ...(type !== 'list' ? { value1 } : {}),
      ...(type !== 'list' && type !== 'custom' && twoBounds ? { value2: text(args, 'maximum') } : {}),
      allowBlank: args.ignoreBlank !== false,
      ...(promptTitle !== '' ? { promptTitle } : {}),
      ...(prompt !== '' ? { prompt } : {}),
      errorStyle: (text(args, 'errorStyle') || 'Stop').toLowerCase() as 'stop' | 'warning' | 'information',
      ...(text(args, 'errorTitle') !== '' ? { errorTitle: text(args, 'errorTitle') } : {}),
      ...(text(args, 'error') !== '' ? { error: text(args, 'error') } : {}),
    });
  }),
  removeDuplicatesSelectAll: setAllDuplicateColumns(true),
  removeDuplicatesUnselectAll: setAllDuplicateColumns(false),
  /**
   * Remove Duplicates OK: drops later rows equal to an earlier one in the checked columns (all of them unless
   * the user unchecked some); the whole row of the range goes, as in Excel.
   */
  removeDuplicates: cmd('Remove Duplicates', (ctx, args) => {
    const s = ctx.state;
    const rect = parseRect(text(args, 'range'));
    if (rect === null) return { error: 'Remove Duplicates has no range' };
    const compared = (c: number) => {
      const i = c - rect.c1;
      return i >= DUPLICATE_COLUMNS || args[duplicateColumnKey(i)] !== false;
    };
    let anyCompared = false;
    for (let c = rect.c1; c <= rect.c2; c++) anyCompared ||= compared(c);
    if (!anyCompared) return { error: 'Remove Duplicates needs at least one column to compare' };
    const sheet = activeSheet(s);
    const first = args.headers === true ? rect.r1 + 1 : rect.r1;
    const seen = new Set<string>();
    const kept: (typeof sheet.cells)[string][][] = [];
    let removed = 0;
    for (let r = first; r <= rect.r2; r++) {
      const row = [];
      const key: string[] = [];
      for (let c = rect.c1; c <= rect.c2; c++) {
        const cell = sheet.cells[toA1(r, c)];
        row.push(cell);
        if (!compared(c)) continue;
        key.push(
          JSON.stringify(typeof cell?.value === 'string' ? cell.value.toLowerCase() : (cell?.value ?? null)),
        );
      }
      const k = key.join('\u0000');
      if (seen.has(k)) {
        removed++;
        continue;
      }
      seen.add(k);
      kept.push(row as (typeof sheet.cells)[string][]);
    }
    for (let r = first; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const addr = toA1(r, c);
        const cell = kept[r - first]?.[c - rect.c1];
        if (cell === undefined) delete sheet.cells[addr];
        else sheet.cells[addr] = structuredClone(cell);
      }
    }
    recalculate(s.wb);
    const message =
      removed === 0
        ? 'No duplicate values found.'
        : `${removed} duplicate values found and removed; ${kept.length} unique values remain.`;
    ctx.ui.messageBox(message);
    // The agent reads the message box's text in the result, as with the kernel's own message boxes.
    return removed === 0
      ? { changed: false, result: { message_box: message } }
      : { result: { message_box: message } };
  }),
  /** A Highlight Cells Rules / Top-Bottom dialog's OK: a conditional format on the selection. */
  highlightRule: cmd('Conditional Formatting', (ctx, args) => {
    const s = ctx.state;
    const preset = CF_FORMATS[text(args, 'format')];
    if (preset === undefined) return { error: `unknown format '${text(args, 'format')}'` };
    let rule: CfRule;
    const kind = text(args, 'rule');
    switch (kind) {
      case 'greaterThan':
      case 'lessThan':
      case 'equal':
        rule = { type: 'cellIs', operator: kind, values: [text(args, 'value')] };
        break;
      case 'between':
        rule = { type: 'cellIs', operator: 'between', values: [text(args, 'value'), text(args, 'value2')] };
        break;
      case 'containsText':
        rule = { type: 'containsText', text: text(args, 'value') };
        break;
      case 'duplicates':
        rule = text(args, 'which') === 'Unique' ? { type: 'uniqueValues' } : { type: 'duplicateValues' };
        break;
      case 'top10':
      case 'bottom10':
        rule = { type: 'top10', rank: Number(args.rank), ...(kind === 'bottom10' ? { bottom: true } : {}) };
        break;
      default:
        return { error: `unknown highlight rule '${kind}'` };
    }
    addConditionalFormat(s.wb, sheetOf(s), { range: selectionSqref(s), rule, style: preset });
  }),
  clearRulesSelection: cmd('Clear Rules', (ctx) => {
    const s = ctx.state;
    let n = 0;
    for (const r of selectedRanges(s)) n += clearConditionalFormats(s.wb, sheetOf(s), r);
    if (n === 0) return { changed: false };
  }),
  clearRulesSheet: cmd('Clear Rules', (ctx) => {
    const s = ctx.state;
    if (clearConditionalFormats(s.wb, sheetOf(s)) === 0) return { changed: false };
  }),
  /** Insert > Charts: a chart of the selected data (the current region around one selected cell). */
  insertChart: cmd('Insert Chart', (ctx, args) => {
    const s = ctx.state;
    const item = CHART_ITEMS[text(args, 'type')];
    if (item === undefined) return { error: `unknown chart type '${text(args, 'type')}'` };
    const rect = dataRect(s);
    const sheet = activeSheet(s);
    if (rect.r1 === rect.r2 && rect.c1 === rect.c2 && sheet.cells[toA1(rect.r1, rect.c1)] === undefined)
      return { error: 'select the data to chart first' };
    addChart(s.wb, sheetOf(s), {
      type: item.type,
      dataRange: rectToA1(rect),
      ...(item.stacked !== undefined ? { stacked: item.stacked } : {}),
    });
  }),
  /** Format as Table's styles and Insert > Table: the Create Table dialog, remembering the style. */
  openCreateTable: {
    mutates: false,
    run(ctx, args) {
      ctx.ui.openDialog('createTable', { style: text(args, 'style') || 'TableStyleMedium2' });
    },
  },
  /** Create Table OK. */
  createTable: cmd('Create Table', (ctx, args) => {
    const s = ctx.state;
    const ref = text(args, 'range').replace(/^=/, '');
    const { sheet, range } = splitSheetRange(ref);
    const target = sheet === undefined ? sheetOf(s) : sheet;
    if (target.toLowerCase() !== sheetOf(s).toLowerCase())
      return { error: 'the table must be on the active sheet' };
    createTable(s.wb, sheetOf(s), range.replace(/\$/g, ''), {
      style: text(args, 'style') || 'TableStyleMedium2',
      headers: args.headers !== false,
    });
  }),
  /** New Name dialog OK. */
  newName: cmd('Define Name', (ctx, args) => {
    const s = ctx.state;
    const scope = text(args, 'scope');
    const comment = text(args, 'comment');
    defineName(s.wb, text(args, 'name').trim(), text(args, 'refersTo'), {
      ...(scope !== '' && scope !== 'Workbook' ? { scope } : {}),
      ...(comment !== '' ? { comment } : {}),
    });
  }),
};
