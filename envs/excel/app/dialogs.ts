/**
 * Excel's dialog boxes for data tools, with the titles, labels and buttons Excel shows: Sort (Data > Sort),
 * Data Validation (Settings / Input Message / Error Alert), Remove Duplicates, the Highlight Cells Rules and
 * Top/Bottom Rules dialogs of Conditional Formatting, Custom AutoFilter, Create Table, Insert Chart and New Name.
 * Each OK runs a command of data-commands.ts with the field values.
 */
import { field, type DialogDecl, type Dyn, type FieldValue } from '../../office/index.ts';
import { parseRect, quoteSheetName, rectToA1, toA1, type Rect } from '../formula/address.ts';
import { formatValue } from '../formula/number-format.ts';
import { filterValues } from '../model/filter.ts';
import { looksLikeHeader } from '../model/sort.ts';
import {
  ALLOW_TYPES,
  ASCENDING_ORDERS,
  CF_FORMATS,
  CHART_ITEMS,
  DESCENDING_ORDERS,
  DUPLICATE_COLUMNS,
  FILTER_OPERATOR_NAMES,
  VALIDATION_OPERATORS,
  dataRect,
  duplicateColumnKey,
  numericColumn,
  sortColumnNames,
} from './data-commands.ts';
import { activeCell, activeSheet, selectedRanges, type ExcelState } from './state.ts';

type S = ExcelState;

const FORMAT_NAMES = Object.keys(CF_FORMATS);
const DEFAULT_FORMAT = 'Light Red Fill with Dark Red Text';

/** Excel pre-fills Greater Than / Less Than with the selection's average (a number users overwrite). */
function selectionAverage(s: S): string {
  const sheet = activeSheet(s);
  let sum = 0;
  let n = 0;
  for (const range of selectedRanges(s)) {
    const r = parseRect(range);
    if (r === null) continue;
    for (let row = r.r1; row <= r.r2 && row <= r.r1 + 5000; row++)
      for (let col = r.c1; col <= r.c2; col++) {
        const v = sheet.cells[toA1(row, col)]?.value;
        if (typeof v === 'number') {
          sum += v;
          n++;
        }
      }
  }
  return n === 0 ? '' : String(Math.round((sum / n) * 100) / 100);
}

const required = (what: string) => (v: string) => (v.trim() === '' ? `You must enter ${what}.` : null);

/** A Highlight Cells Rules dialog: one value and the look ("with"). */
function highlightDialog(title: string, label: string, rule: string, prefill: boolean): DialogDecl<S> {
  return {
    title,
    fields: [
      field.edit({ key: 'value', label, validate: required('a value or a formula') }),
      field.combo({ key: 'format', label: 'with', items: FORMAT_NAMES }),
    ],
    init: (s) => ({ rule, value: prefill ? selectionAverage(s) : '', format: DEFAULT_FORMAT }),
    command: 'highlightRule',
  };
}

const between: DialogDecl<S> = {
  title: 'Between',
  fields: [
    field.edit({ key: 'value', label: 'Format cells that are BETWEEN:', validate: required('a value') }),
    field.edit({ key: 'value2', label: 'and', validate: required('a value') }),
    field.combo({ key: 'format', label: 'with', items: FORMAT_NAMES }),
  ],
  init: () => ({ rule: 'between', value: '', value2: '', format: DEFAULT_FORMAT }),
  command: 'highlightRule',
};

const duplicateValues: DialogDecl<S> = {
  title: 'Duplicate Values',
  fields: [
    field.combo({ key: 'which', label: 'Format cells that contain:', items: ['Duplicate', 'Unique'] }),
    field.combo({ key: 'format', label: 'values with', items: FORMAT_NAMES }),
  ],
  init: () => ({ rule: 'duplicates', which: 'Duplicate', format: DEFAULT_FORMAT }),
  command: 'highlightRule',
};

function topBottom(title: string, label: string, rule: string): DialogDecl<S> {
  return {
    title,
    fields: [
      field.spinner({ key: 'rank', label, min: 1, max: 1000 }),
      field.combo({ key: 'format', label: 'with', items: FORMAT_NAMES }),
    ],
    init: () => ({ rule, rank: '10', format: DEFAULT_FORMAT }),
    command: 'highlightRule',
  };
}

/** Sort: one level (Sort by / Sort On / Order) over the data around the selection. */
const secondLevel = (ui: { field(k: string): FieldValue | undefined }) =>
  Number(ui.field('levels') ?? 1) >= 2;

const sort: DialogDecl<S> = {
  title: 'Sort',
  fields: [
    // Add Level reopens the dialog with a "Then by" row (the kernel's dialogs have a fixed set of fields).
    field.button({ label: 'Add Level', command: 'sortAddLevel', visible: (_s, ui) => !secondLevel(ui) }),
    field.check({ key: 'headers', label: 'My data has headers' }),
    field.combo({
      key: 'sortBy',
      label: 'Sort by',
      items: (s, ui) => {
        const rect = parseRect(String(ui.field('range') ?? ''));
        return rect === null ? [] : sortColumnNames(activeSheet(s), rect, ui.field('headers') === true);
      },
    }),
    field.combo({ key: 'sortOn', label: 'Sort On', items: ['Cell Values'] }),
    field.combo({
      key: 'order',
      label: 'Order',
      items: (s, ui) => {
        const rect = parseRect(String(ui.field('range') ?? ''));
        if (rect === null) return ASCENDING_ORDERS.slice(0, 1);
        const headers = ui.field('headers') === true;
        const names = sortColumnNames(activeSheet(s), rect, headers);
        const col = rect.c1 + Math.max(0, names.indexOf(String(ui.field('sortBy') ?? '')));
        return numericColumn(activeSheet(s), rect, col, headers)
          ? ['Smallest to Largest', 'Largest to Smallest']
          : ['A to Z', 'Z to A'];
      },
    }),
    field.combo({
      key: 'thenBy',
      label: 'Then by',
      visible: (_s, ui) => secondLevel(ui),
      items: (s, ui) => {
        const rect = parseRect(String(ui.field('range') ?? ''));
        return rect === null ? [] : sortColumnNames(activeSheet(s), rect, ui.field('headers') === true);
      },
    }),
    field.combo({
      key: 'order2',
      label: 'Then by order',
      visible: (_s, ui) => secondLevel(ui),
      items: (s, ui) => {
        const rect = parseRect(String(ui.field('range') ?? ''));
        if (rect === null) return ASCENDING_ORDERS.slice(0, 1);
        const headers = ui.field('headers') === true;
        const names = sortColumnNames(activeSheet(s), rect, headers);
        const col = rect.c1 + Math.max(0, names.indexOf(String(ui.field('thenBy') ?? '')));
        return numericColumn(activeSheet(s), rect, col, headers)
          ? ['Smallest to Largest', 'Largest to Smallest']
          : ['A to Z', 'Z to A'];
      },
    }),
  ],
  init: (s) => {
    const rect = dataRect(s);
    const headers = looksLikeHeader(activeSheet(s), rect);
    const sheet = activeSheet(s);
    const active = activeCell(s);
    const col = active.col >= rect.c1 && active.col <= rect.c2 ? active.col : rect.c1;
    const numeric = numericColumn(sheet, rect, col, headers);
    return {
      range: rectToA1(rect),
      headers,
      // Excel leaves "Sort by" empty until the user picks a column.
      sortBy: '',
      sortOn: 'Cell Values',
      order: numeric ? 'Smallest to Largest' : 'A to Z',
      levels: 1,
      thenBy: '',
      order2: 'A to Z',
    };
  },
  validate: (v) => {
    if (String(v.sortBy ?? '') === '')
      return { field: 'sortBy', message: 'Choose a column in the Sort by box.' };
    const order = String(v.order ?? '');
    if (!ASCENDING_ORDERS.includes(order) && !DESCENDING_ORDERS.includes(order))
      return { field: 'order', message: 'Choose an order.' };
    return null;
  },
  command: 'sortDialog',
};

const ALLOW = Object.keys(ALLOW_TYPES);
const withBounds = (ui: { field(k: string): FieldValue | undefined }) =>
  !['Any value', 'List', 'Custom'].includes(String(ui.field('allow')));
const twoBounds = (ui: { field(k: string): FieldValue | undefined }) =>
  withBounds(ui) && ['between', 'not between'].includes(String(ui.field('operator')));

const dataValidation: DialogDecl<S> = {
  title: 'Data Validation',
  pages: [
    {
      name: 'Settings',
      fields: [
        field.combo({ key: 'allow', label: 'Allow:', items: ALLOW }),
        field.combo({
          key: 'operator',
          label: 'Data:',
          items: Object.keys(VALIDATION_OPERATORS),
          visible: (_s, ui) => withBounds(ui),
        }),
        field.check({
          key: 'ignoreBlank',
          label: 'Ignore blank',
          visible: (_s, ui) => ui.field('allow') !== 'Any value',
        }),
        field.check({
          key: 'dropDown',
          label: 'In-cell dropdown',
          visible: (_s, ui) => ui.field('allow') === 'List',
        }),
        field.edit({ key: 'source', label: 'Source:', visible: (_s, ui) => ui.field('allow') === 'List' }),
        field.edit({ key: 'minimum', label: 'Minimum:', visible: (_s, ui) => twoBounds(ui) }),
        field.edit({ key: 'maximum', label: 'Maximum:', visible: (_s, ui) => twoBounds(ui) }),
        field.edit({
          key: 'value',
          label: 'Value:',
          visible: (_s, ui) => withBounds(ui) && !twoBounds(ui),
        }),
        field.edit({
          key: 'formula',
          label: 'Formula:',
          visible: (_s, ui) => ui.field('allow') === 'Custom',
        }),
      ],
    },
    {
      name: 'Input Message',
      fields: [
        field.check({ key: 'showInput', label: 'Show input message when cell is selected' }),
        field.edit({ key: 'promptTitle', label: 'Title:' }),
        field.edit({ key: 'prompt', label: 'Input message:' }),
      ],
    },
    {
      // The model always alerts on invalid entries, so the page has no "Show error alert" check box.
      name: 'Error Alert',
      fields: [
        field.combo({ key: 'errorStyle', label: 'Style:', items: ['Stop', 'Warning', 'Information'] }),
        field.edit({ key: 'errorTitle', label: 'Title:' }),
        field.edit({ key: 'error', label: 'Error message:' }),
      ],
    },
  ],
  init: () => ({
    allow: 'Any value',
    operator: 'between',
    ignoreBlank: true,
    dropDown: true,
    source: '',
    minimum: '',
    maximum: '',
    value: '',
    formula: '',
    showInput: true,
    promptTitle: '',
    prompt: '',
    errorStyle: 'Stop',
    errorTitle: '',
    error: '',
  }),
  validate: (v) => {
    const allow = String(v.allow);
    if (allow === 'List' && String(v.source ?? '').trim() === '')
      return { field: 'source', message: 'You must enter a value in the Source box.' };
    if (allow === 'Custom' && String(v.formula ?? '').trim() === '')
      return { field: 'formula', message: 'You must enter a formula.' };
    if (!['Any value', 'List', 'Custom'].includes(allow)) {
      const two = ['between', 'not between'].includes(String(v.operator));
      if (two && (String(v.minimum).trim() === '' || String(v.maximum).trim() === ''))
        return {
          field: String(v.minimum).trim() === '' ? 'minimum' : 'maximum',
          message: 'You must enter a value in both boxes.',
        };
      if (!two && String(v.value).trim() === '')
        return { field: 'value', message: 'You must enter a value.' };
    }
    return null;
  },
  command: 'dataValidation',
};

/** The range the open Remove Duplicates dialog works on (its hidden `range` value). */
function dialogRange(ui: { field(k: string): FieldValue | undefined }): Rect | null {
  return parseRect(String(ui.field('range') ?? ''));
}

/**
 * One check box per column of the range, named by its header (or "Column B" without headers), as Excel lists
 * them. The kernel types a check box's label as a fixed string but shows any Dyn name, so the computed name is
 * passed through a cast.
 */
function duplicateColumnCheck(index: number) {
  const label: Dyn<S, string> = (s, ui) => {
    const rect = dialogRange(ui);
    if (rect === null) return `Column ${index + 1}`;
    return sortColumnNames(activeSheet(s), rect, ui.field('headers') === true)[index] ?? '';
  };
  return field.check<S>({
    key: duplicateColumnKey(index),
    label: label as unknown as string,
    visible: (_s, ui) => {
      const rect = dialogRange(ui);
      return rect !== null && index <= rect.c2 - rect.c1;
    },
  });
}

const removeDuplicates: DialogDecl<S> = {
  title: 'Remove Duplicates',
  fields: [
    field.text({
      label: (_s, ui) => {
        const rect = dialogRange(ui);
        const n = rect === null ? 0 : rect.c2 - rect.c1 + 1;
        const checked = Array.from({ length: n }, (_, i) => i).filter(
          (i) => i >= DUPLICATE_COLUMNS || ui.field(duplicateColumnKey(i)) !== false,
        ).length;
        return `To delete duplicate values, select one or more columns that contain duplicates (${checked} columns selected).`;
      },
    }),
    field.button({ label: 'Select All', command: 'removeDuplicatesSelectAll' }),
    field.button({ label: 'Unselect All', command: 'removeDuplicatesUnselectAll' }),
    field.check({ key: 'headers', label: 'My data has headers' }),
    field.text({ label: 'Columns' }),
    ...Array.from({ length: DUPLICATE_COLUMNS }, (_, i) => duplicateColumnCheck(i)),
  ],
  init: (s) => {
    const rect = dataRect(s);
    const values: Record<string, FieldValue> = {
      range: rectToA1(rect),
      headers: looksLikeHeader(activeSheet(s), rect),
    };
    for (let i = 0; i < DUPLICATE_COLUMNS; i++) values[duplicateColumnKey(i)] = true;
    return values;
  },
  validate: (v) => {
    const rect = parseRect(String(v.range ?? ''));
    const n = rect === null ? 0 : Math.min(DUPLICATE_COLUMNS, rect.c2 - rect.c1 + 1);
    for (let i = 0; i < n; i++) if (v[duplicateColumnKey(i)] !== false) return null;
    return n === 0 ? null : { field: duplicateColumnKey(0), message: 'Select one or more columns.' };
  },
  command: 'removeDuplicates',
};

const insertChart: DialogDecl<S> = {
  title: 'Insert Chart',
  fields: [
    field.list({ key: 'type', label: 'All Charts', items: Object.keys(CHART_ITEMS), doubleClickOk: true }),
  ],
  init: () => ({ type: 'Clustered Column' }),
  command: 'insertChart',
};

const newName: DialogDecl<S> = {
  title: 'New Name',
  fields: [
    field.edit({ key: 'name', label: 'Name:', validate: required('a name') }),
    field.combo({
      key: 'scope',
      label: 'Scope:',
      items: (s) => ['Workbook', ...s.wb.sheets.map((x) => x.name)],
    }),
    field.edit({ key: 'comment', label: 'Comment:' }),
    field.edit({ key: 'refersTo', label: 'Refers to:', validate: required('a reference') }),
  ],
  init: (s) => {
    const sheet = quoteSheetName(s.wb.activeSheet);
    const ref = selectedRanges(s)
      .map((r) => `${sheet}!${absolute(r)}`)
      .join(',');
    // Excel suggests the text of the active cell (or the cell above a column selection) as the name.
    const a = activeCell(s);
    const cell = activeSheet(s).cells[a.addr];
    const suggestion = cell && typeof cell.value === 'string' ? cell.value.replace(/\s+/g, '_') : '';
    return {
      name: /^[A-Za-z_]\w*$/.test(suggestion) ? suggestion : '',
      scope: 'Workbook',
      comment: '',
      refersTo: `=${ref}`,
    };
  },
  command: 'newName',
};

function absolute(range: string): string {
  return range
    .split(':')
    .map((p) => p.replace(/^([A-Z]+)(\d+)$/i, (_m, c: string, r: string) => `$${c.toUpperCase()}$${r}`))
    .join(':');
}

function columnValues(s: S, ui: { field(k: string): FieldValue | undefined }): string[] {
  if (activeSheet(s).autoFilter === null) return [];
  try {
    return filterValues(s.wb, s.wb.activeSheet, String(ui.field('column') ?? 'A')).filter((v) => v !== '');
  } catch {
    return [];
  }
}

/** Custom AutoFilter (a filter arrow > Text Filters / Number Filters > a comparison). */
const customAutoFilter: DialogDecl<S> = {
  title: 'Custom AutoFilter',
  fields: [
    field.text({
      label: (s, ui) => {
        const col = String(ui.field('column') ?? '');
        const af = activeSheet(s).autoFilter;
        const r = af === null ? null : parseRect(af.range);
        const cell = r === null ? undefined : activeSheet(s).cells[`${col}${r.r1}`];
        return `Show rows where: ${cell ? formatValue(cell.value, cell.style?.numFmt) : col}`;
      },
    }),
    field.combo({ key: 'operator', label: 'Comparison', items: FILTER_OPERATOR_NAMES }),
    // Excel lists the column's values in the value boxes; any other text may be typed.
    field.combo({ key: 'value', label: 'Value', items: columnValues, editable: true }),
    field.radio({
      key: 'join',
      label: 'Join',
      options: [
        { value: 'and', label: 'And' },
        { value: 'or', label: 'Or' },
      ],
    }),
    field.combo({ key: 'operator2', label: 'Second comparison', items: ['', ...FILTER_OPERATOR_NAMES] }),
    field.combo({ key: 'value2', label: 'Second value', items: columnValues, editable: true }),
  ],
  init: () => ({ column: 'A', operator: 'equals', value: '', join: 'and', operator2: '', value2: '' }),
  validate: (v) =>
    String(v.value ?? '').trim() === '' ? { field: 'value', message: 'Type a value to compare with.' } : null,
  command: 'customFilter',
};

/** Create Table: the range (the current region by default) and whether its first row holds headers. */
const createTable: DialogDecl<S> = {
  title: 'Create Table',
  fields: [
    field.edit({
      key: 'range',
      label: 'Where is the data for your table?',
      validate: (v) =>
        parseRect(v.replace(/^=/, '').replace(/^.*!/, '').replace(/\$/g, '')) === null
          ? 'The reference isn\u2019t valid.'
          : null,
    }),
    field.check({ key: 'headers', label: 'My table has headers' }),
  ],
  init: (s) => {
    const rect = dataRect(s);
    return {
      range: `=${absolute(rectToA1(rect))}`,
      headers: looksLikeHeader(activeSheet(s), rect),
      style: 'TableStyleMedium2',
    };
  },
  command: 'createTable',
};

export const excelDialogs: Readonly<Record<string, DialogDecl<S>>> = {
  sort,
  dataValidation,
  removeDuplicates,
  insertChart,
  newName,
  customAutoFilter,
  createTable,
  cfGreaterThan: highlightDialog('Greater Than', 'Format cells that are GREATER THAN:', 'greaterThan', true),
  cfLessThan: highlightDialog('Less Than', 'Format cells that are LESS THAN:', 'lessThan', true),
  cfBetween: between,
  cfEqualTo: highlightDialog('Equal To', 'Format cells that are EQUAL TO:', 'equal', false),
  cfTextContains: highlightDialog(
    'Text That Contains',
    'Format cells that contain the text:',
    'containsText',
    false,
  ),
  cfDuplicates: duplicateValues,
  cfTop10: topBottom('Top 10 Items', 'Format cells that rank in the TOP:', 'top10'),
  cfBottom10: topBottom('Bottom 10 Items', 'Format cells that rank in the BOTTOM:', 'bottom10'),
};
