/**
 * Excel families about data tools: sorting, AutoFilter, data validation drop-downs, conditional formatting
 * highlight rules, charts, defined names, Remove Duplicates, adding a sheet, a counting question, and an
 * infeasible web import. Evaluators judge by effect (row order, hidden rows, highlighted cells, chart data) and
 * check that every other part of the workbook is as it was.
 */
import type { Generator } from 'gymnasium-ts';
import type { EpisodeEvidence, Evaluation, TaskFamily } from '../family.ts';
import type { OracleStep } from '../schema.ts';
import { click, failStep, pick, setText, shuffled, summary, verdict } from './kit.ts';

type Value = string | number;
type Row = Value[];

interface CCell {
  text: string;
  value: unknown;
  formula?: string;
  style?: unknown;
  conditional?: unknown;
}
interface CSheet {
  name: string;
  cells: Record<string, CCell>;
  rows: Record<string, { hidden?: boolean; filtered?: boolean }>;
  cols: unknown;
  merges: unknown;
  freeze: unknown;
  autoFilter: { range: string; criteria: Record<string, unknown> } | null;
  validations: { ranges: string; type: string; listItems?: string[]; formula1?: string }[];
  conditionalFormats: unknown[];
  charts: {
    type: string;
    dataRange: string;
    stacked?: string;
    data: { categories: string[]; series: { name: string; values: unknown[] }[] };
  }[];
  tables?: { name: string; range: string; style: string; headerRow: boolean }[];
}
interface CBook {
  activeSheet: string;
  names: { name: string; refersTo: string; scope?: string }[];
  sheets: CSheet[];
}

// -- data -------------------------------------------------------------------------------------------------------

const REPS = ['Ana', 'Ben', 'Chen', 'Dana', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivan', 'Jo'];
const REGIONS = ['East', 'West', 'North', 'South'];
const PRODUCTS = ['Laptop', 'Monitor', 'Keyboard', 'Printer', 'Tablet', 'Camera', 'Speaker', 'Router'];
const SHEETS = ['Sales', 'Orders', 'Q1', 'Data'];
const HEADERS = ['Rep', 'Region', 'Product', 'Units', 'Revenue'];

export interface TableParams extends Record<string, unknown> {
  sheet: string;
  /** Header row first; columns Rep, Region, Product, Units, Revenue. */
  rows: Row[];
}

/** A sales table of 5-8 rows with distinct reps, and units and revenues that never tie (so thresholds split). */
function sampleTable(rng: Generator, minRows = 5): TableParams {
  for (;;) {
    const n = minRows + rng.integers(9 - minRows);
    const reps = shuffled(rng, REPS).slice(0, n);
    const units = shuffled(
      rng,
      Array.from({ length: 60 }, (_, i) => 5 + 2 * i),
    ).slice(0, n);
    const rows: Row[] = [HEADERS];
    reps.forEach((rep, i) => {
      const u = units[i]!;
      rows.push([rep, pick(rng, REGIONS), pick(rng, PRODUCTS), u, u * (40 + 5 * rng.integers(8))]);
    });
    const revenue = rows.slice(1).map((r) => r[4]);
    if (new Set(revenue).size === revenue.length) return { sheet: pick(rng, SHEETS), rows };
  }
}

const letter = (col: number) => String.fromCharCode(64 + col);
const lastCol = (p: TableParams) => letter(p.rows[0]!.length);
const tableRange = (p: TableParams) => `A1:${lastCol(p)}${p.rows.length}`;
const columnRange = (p: TableParams, col: number) => `${letter(col)}2:${letter(col)}${p.rows.length}`;

function template(p: TableParams): Record<string, unknown> {
  return { sheets: { [p.sheet]: p.rows }, styles: { [`A1:${lastCol(p)}1`]: { font: { bold: true } } } };
}

// -- canvas helpers ---------------------------------------------------------------------------------------------

function book(canvas: unknown): CBook {
  return (canvas as CBook | null) ?? { activeSheet: '', names: [], sheets: [] };
}
function sheetOf(canvas: unknown, name: string): CSheet | undefined {
  return book(canvas).sheets.find((s) => s.name === name);
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/** A cell as it matters for "unchanged": value, formula, style (not the conditional look, which rules give). */
function cellKey(c: CCell | undefined): string {
  return c === undefined ? 'null' : json({ v: c.value, f: c.formula, s: c.style });
}

function cellsEqual(a: CSheet | undefined, b: CSheet | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = new Set([...Object.keys(a.cells), ...Object.keys(b.cells)]);
  for (const k of keys) if (cellKey(a.cells[k]) !== cellKey(b.cells[k])) return false;
  return true;
}

type Part =
  'cells' | 'rows' | 'autoFilter' | 'validations' | 'conditionalFormats' | 'charts' | 'tables' | 'layout';
const PARTS: readonly Part[] = [
  'cells',
  'rows',
  'autoFilter',
  'validations',
  'conditionalFormats',
  'charts',
  'tables',
  'layout',
];

function partEqual(part: Part, a: CSheet | undefined, b: CSheet | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  switch (part) {
    case 'cells':
      return cellsEqual(a, b);
    case 'layout':
      return json([a.cols, a.merges, a.freeze]) === json([b.cols, b.merges, b.freeze]);
    default:
      return json(a[part]) === json(b[part]);
  }
}

/**
 * Whether everything but `allowed` is as before: every sheet (same names, same order), its parts, and the
 * workbook's defined names. The selection and the active sheet are not content and may change.
 */
function restUnchanged(
  evidence: EpisodeEvidence,
  sheet: string,
  allowed: readonly (Part | 'names' | 'sheets')[],
): boolean {
  const before = book(evidence.initial);
  const after = book(evidence.final);
  if (!allowed.includes('names') && json(before.names) !== json(after.names)) return false;
  const names = (b: CBook) => b.sheets.map((s) => s.name);
  if (!allowed.includes('sheets') && json(names(before)) !== json(names(after))) return false;
  for (const s of before.sheets) {
    const other = after.sheets.find((x) => x.name === s.name);
    if (other === undefined) return false;
    for (const part of PARTS) {
      if (s.name === sheet && allowed.includes(part)) continue;
      if (!partEqual(part, s, other)) return false;
    }
  }
  return true;
}

/** A rectangle of "B2:D9" / "B2" (with or without $ and a sheet prefix). */
function parseRange(ref: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const bare = ref.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(bare);
  if (m === null) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] === undefined ? c1 : col(m[3]);
  const r2 = m[4] === undefined ? r1 : Number(m[4]);
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/** Whether a space-separated list of ranges covers exactly the cells of `target`. */
function coversExactly(sqref: string, target: string): boolean {
  const t = parseRange(target)!;
  const rects = sqref
    .split(/\s+/)
    .filter((x) => x !== '')
    .map(parseRange);
  if (rects.some((r) => r === null)) return false;
  const inAny = (row: number, col: number) =>
    rects.some((r) => r !== null && row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2);
  let count = 0;
  for (const r of rects) count += (r!.r2 - r!.r1 + 1) * (r!.c2 - r!.c1 + 1);
  for (let row = t.r1; row <= t.r2; row++)
    for (let col = t.c1; col <= t.c2; col++) if (!inAny(row, col)) return false;
  return count === (t.r2 - t.r1 + 1) * (t.c2 - t.c1 + 1);
}

/** The data rows (below the header) of the table as cell keys, row by row. */
function dataRows(sheet: CSheet | undefined, p: TableParams): string[][] {
  const out: string[][] = [];
  for (let r = 2; r <= p.rows.length; r++) {
    const row: string[] = [];
    for (let c = 1; c <= p.rows[0]!.length; c++) row.push(cellKey(sheet?.cells[`${letter(c)}${r}`]));
    out.push(row);
  }
  return out;
}

function selectRange(sheet: string, range: string): OracleStep {
  const r = parseRange(range)!;
  return {
    function: 'select_table_range',
    args: { sheet_name: sheet, start_row: r.r1, start_col: r.c1, end_row: r.r2, end_col: r.c2 },
  };
}

const numeric = (v: unknown): v is number => typeof v === 'number';

// -- sorting ----------------------------------------------------------------------------------------------------

interface SortParams extends TableParams {
  column: number;
  descending: boolean;
}

/** Whether the column's data is already in that order (then the task would be solved before it starts). */
function alreadySorted(p: SortParams): boolean {
  const keys = p.rows.slice(1).map((r) => r[p.column - 1]!);
  return keys.every((k, i) => {
    if (i === 0) return true;
    const a = keys[i - 1]!;
    const cmp =
      numeric(a) && numeric(k) ? a - k : String(a).toLowerCase().localeCompare(String(k).toLowerCase());
    return p.descending ? cmp >= 0 : cmp <= 0;
  });
}

/** Whether the data rows are the same rows as before (each row kept together) and ordered by the column. */
function judgeSort(p: SortParams, evidence: EpisodeEvidence): Record<string, boolean> {
  const before = sheetOf(evidence.initial, p.sheet);
  const after = sheetOf(evidence.final, p.sheet);
  const rowsBefore = dataRows(before, p).map((r) => r.join('|'));
  const rowsAfter = dataRows(after, p).map((r) => r.join('|'));
  const together = json([...rowsBefore].sort()) === json([...rowsAfter].sort());
  const keys: unknown[] = [];
  for (let r = 2; r <= p.rows.length; r++) keys.push(after?.cells[`${letter(p.column)}${r}`]?.value);
  let ordered = together;
  for (let i = 1; i < keys.length && ordered; i++) {
    const a = keys[i - 1];
    const b = keys[i];
    const cmp =
      numeric(a) && numeric(b) ? a - b : String(a).toLowerCase().localeCompare(String(b).toLowerCase());
    if (p.descending ? cmp < 0 : cmp > 0) ordered = false;
  }
  const header = p.rows[0]!.every(
    (_, c) => cellKey(before?.cells[`${letter(c + 1)}1`]) === cellKey(after?.cells[`${letter(c + 1)}1`]),
  );
  const name = p.rows[0]![p.column - 1];
  return {
    [`the rows are sorted by ${String(name)} ${p.descending ? 'descending' : 'ascending'}`]: ordered,
    "each row's cells stay together": together,
    'the header row stays on top': header,
    'nothing else changed': restUnchanged(evidence, p.sheet, ['cells']),
  };
}

function sortQuickFamily(kind: 'text' | 'number'): TaskFamily<SortParams> {
  const descending = kind === 'number';
  const button = descending ? 'Sort Z to A' : 'Sort A to Z';
  return {
    id: kind === 'text' ? 'excel.sort-a-to-z' : 'excel.sort-largest-first',
    app: 'excel',
    difficulty: 'easy',
    sample(rng) {
      for (;;) {
        const t = sampleTable(rng);
        const column = kind === 'text' ? pick(rng, [1, 3]) : pick(rng, [4, 5]);
        const p = { ...t, column, descending };
        if (!alreadySorted(p)) return p;
      }
    },
    phrasings:
      kind === 'text'
        ? [
            (p) => `Sort the table on sheet '${p.sheet}' by ${String(p.rows[0]![p.column - 1])} from A to Z.`,
            (p) => `Put the rows in alphabetical order of ${String(p.rows[0]![p.column - 1])}.`,
            (p) =>
              `can you alphabetize the list by the ${String(p.rows[0]![p.column - 1]).toLowerCase()} column`,
          ]
        : [
            (p) =>
              `Sort the table on sheet '${p.sheet}' by ${String(p.rows[0]![p.column - 1])} from largest to smallest.`,
            (p) => `Order the rows so the highest ${String(p.rows[0]![p.column - 1])} comes first.`,
            (p) => `rank the rows by ${String(p.rows[0]![p.column - 1]).toLowerCase()}, biggest at the top`,
          ],
    template,
    refinedSteps: (p) => [
      `1. Select a cell in the ${String(p.rows[0]![p.column - 1])} column, such as '${letter(p.column)}2'.`,
      `2. On the **Data** tab, in the **Sort & Filter** group, select **${button}**.`,
    ],
    oracle: (p) => [click(`${letter(p.column)}2`), click('Data'), click(button)],
    evaluate: (p, evidence) => verdict(judgeSort(p, evidence), 'the rows are sorted and intact'),
  };
}

const ORDER_NAME = (numericColumn: boolean, descending: boolean) =>
  numericColumn
    ? descending
      ? 'Largest to Smallest'
      : 'Smallest to Largest'
    : descending
      ? 'Z to A'
      : 'A to Z';

const sortDialogFamily: TaskFamily<SortParams> = {
  id: 'excel.sort-dialog',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    for (;;) {
      const t = sampleTable(rng);
      const p = { ...t, column: 1 + rng.integers(5), descending: rng.random() < 0.5 };
      if (!alreadySorted(p)) return p;
    }
  },
  phrasings: [
    (p) =>
      `Use the Sort dialog to sort the data on '${p.sheet}' by ${String(p.rows[0]![p.column - 1])}, ${ORDER_NAME(p.column >= 4, p.descending)}.`,
    (p) =>
      `Sort the whole table by the ${String(p.rows[0]![p.column - 1])} column in ${p.descending ? 'descending' : 'ascending'} order, keeping the header row.`,
    (p) =>
      `i need this list ordered by ${String(p.rows[0]![p.column - 1]).toLowerCase()} (${p.descending ? 'reverse order' : 'normal order'}), headers stay where they are`,
  ],
  template,
  refinedSteps: (p) => [
    "1. Select a cell in the data, such as 'A2'.",
    '2. On the **Data** tab, in the **Sort & Filter** group, select **Sort**.',
    '3. In the **Sort** dialog box, make sure **My data has headers** is selected.',
    `4. Under **Column**, in the **Sort by** box, select '${String(p.rows[0]![p.column - 1])}'.`,
    `5. Under **Order**, select '${ORDER_NAME(p.column >= 4, p.descending)}'.`,
    '6. Select **OK**.',
  ],
  oracle: (p) => [
    click('A2'),
    click('Data'),
    click('Sort'),
    click('Sort by'),
    click(String(p.rows[0]![p.column - 1])),
    click('Order'),
    click(ORDER_NAME(p.column >= 4, p.descending)),
    click('OK'),
  ],
  evaluate: (p, evidence) => verdict(judgeSort(p, evidence), 'the rows are sorted and intact'),
};

interface TwoLevelParams extends TableParams {
  /** Region (2) or Product (3), A to Z; then Units (4) or Revenue (5), largest first. */
  first: number;
  second: number;
}

/** Whether rows are in (first A to Z, then second largest first) order. */
function twoLevelOrdered(rows: unknown[][], first: number, second: number): boolean {
  for (let i = 1; i < rows.length; i++) {
    const a = String(rows[i - 1]![first - 1]).toLowerCase();
    const b = String(rows[i]![first - 1]).toLowerCase();
    const c = a.localeCompare(b);
    if (c > 0) return false;
    if (c === 0 && (rows[i - 1]![second - 1] as number) < (rows[i]![second - 1] as number)) return false;
  }
  return true;
}

const sortTwoLevelsFamily: TaskFamily<TwoLevelParams> = {
  id: 'excel.sort-two-levels',
  app: 'excel',
  difficulty: 'hard',
  sample(rng) {
    for (;;) {
      const t = sampleTable(rng, 6);
      const first = pick(rng, [2, 3]);
      const second = pick(rng, [4, 5]);
      const keys = t.rows.slice(1).map((r) => r[first - 1]);
      const ties = keys.some((k, i) => keys.indexOf(k) !== i);
      // Sorting on the first level alone (a stable sort) must not happen to satisfy the second level too.
      const oneLevel = [...t.rows.slice(1)].sort((a, b) =>
        String(a[first - 1])
          .toLowerCase()
          .localeCompare(String(b[first - 1]).toLowerCase()),
      );
      if (ties && !twoLevelOrdered(oneLevel, first, second)) return { ...t, first, second };
    }
  },
  phrasings: [
    (p) =>
      `Sort the table on '${p.sheet}' by ${String(p.rows[0]![p.first - 1])} from A to Z, then by ${String(p.rows[0]![p.second - 1])} from largest to smallest.`,
    (p) =>
      `Group the rows by ${String(p.rows[0]![p.first - 1])} alphabetically and, within each, put the highest ${String(p.rows[0]![p.second - 1])} first.`,
    (p) =>
      `sort by ${String(p.rows[0]![p.first - 1]).toLowerCase()} and then by ${String(p.rows[0]![p.second - 1]).toLowerCase()} (biggest first)`,
  ],
  template,
  refinedSteps: (p) => [
    "1. Select any cell in the data, such as 'A2'.",
    '2. On the **Data** tab, in the **Sort & Filter** group, select **Sort**.',
    `3. In the **Sort by** box, select '${String(p.rows[0]![p.first - 1])}', and under **Order**, select 'A to Z'.`,
    '4. Select **Add Level**.',
    `5. In the **Then by** box, select '${String(p.rows[0]![p.second - 1])}', and choose 'Largest to Smallest'.`,
    '6. Select **OK**.',
  ],
  oracle: (p) => [
    click('A2'),
    click('Data'),
    click('Sort'),
    click('Sort by'),
    click(String(p.rows[0]![p.first - 1])),
    click('Add Level'),
    click('Then by'),
    click(String(p.rows[0]![p.second - 1])),
    click('Then by order'),
    click('Largest to Smallest'),
    click('OK'),
  ],
  evaluate(p, evidence) {
    const after = sheetOf(evidence.final, p.sheet);
    const base = judgeSort({ ...p, column: p.first, descending: false }, evidence);
    const values = p.rows
      .slice(1)
      .map((_, i) => p.rows[0]!.map((__, c) => after?.cells[`${letter(c + 1)}${i + 2}`]?.value));
    const sub: Record<string, boolean> = {};
    for (const [k, v] of Object.entries(base)) if (!k.startsWith('the rows are sorted')) sub[k] = v;
    sub[
      `the rows are sorted by ${String(p.rows[0]![p.first - 1])} A to Z, then ${String(p.rows[0]![p.second - 1])} largest first`
    ] = sub["each row's cells stay together"] === true && twoLevelOrdered(values, p.first, p.second);
    return verdict(sub, 'the rows are sorted on two levels and intact');
  },
};

// -- filtering --------------------------------------------------------------------------------------------------

interface FilterParams extends TableParams {
  column: number;
  /** Text: keep rows equal to `value`; number: keep rows greater than `value`. */
  value: Value;
}

function judgeFilter(p: FilterParams, evidence: EpisodeEvidence, keep: (v: unknown) => boolean): Evaluation {
  const after = sheetOf(evidence.final, p.sheet);
  const before = sheetOf(evidence.initial, p.sheet);
  let exact = true;
  for (let r = 2; r <= p.rows.length; r++) {
    const hidden = after?.rows[String(r)]?.hidden === true;
    if (hidden === keep(p.rows[r - 1]![p.column - 1])) exact = false;
  }
  const range = after?.autoFilter === null || after === undefined ? null : parseRange(after.autoFilter.range);
  const onTable =
    range !== null &&
    range.r1 === 1 &&
    range.c1 <= p.column &&
    range.c2 >= p.column &&
    range.r2 >= p.rows.length;
  const name = String(p.rows[0]![p.column - 1]);
  return verdict(
    {
      'the table has an AutoFilter on its header row': onTable,
      [`only the rows where ${name} ${typeof p.value === 'number' ? `is greater than ${p.value}` : `is ${p.value}`} are shown`]:
        exact,
      'the cells are unchanged': cellsEqual(before, after),
      'nothing else changed': restUnchanged(evidence, p.sheet, ['rows', 'autoFilter']),
    },
    'the filter shows exactly the asked rows',
  );
}

const filterEqualsFamily: TaskFamily<FilterParams> = {
  id: 'excel.filter-equals',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    for (;;) {
      const t = sampleTable(rng, 6);
      const column = pick(rng, [2, 3]);
      const values = t.rows.slice(1).map((r) => r[column - 1]!);
      const value = pick(rng, values);
      // Both kept and hidden rows, so doing nothing or hiding everything is wrong.
      if (values.some((v) => v !== value)) return { ...t, column, value };
    }
  },
  phrasings: [
    (p) =>
      `Filter the table on '${p.sheet}' so that only rows where ${String(p.rows[0]![p.column - 1])} is '${p.value}' are shown.`,
    (p) =>
      `Use AutoFilter to show just the ${p.value} rows in the ${String(p.rows[0]![p.column - 1])} column.`,
    (p) => `hide everything except ${p.value}`,
  ],
  template,
  refinedSteps: (p) => [
    "1. Select any cell within the data, such as 'A2'.",
    '2. Select **Data** > **Filter**.',
    `3. Select the column header arrow of '${String(p.rows[0]![p.column - 1])}'.`,
    '4. Select **Text Filters**, then **Equals...**.',
    `5. In the **Custom AutoFilter** box, type '${p.value}'.`,
    '6. Select **OK**.',
  ],
  oracle: (p) => [
    click('A2'),
    click('Data'),
    click('Filter'),
    click(`${String(p.rows[0]![p.column - 1])}: (Showing All)`),
    click('Text Filters'),
    click('Equals...'),
    setText('Value', String(p.value)),
    click('OK'),
  ],
  evaluate: (p, evidence) =>
    judgeFilter(p, evidence, (v) => String(v).toLowerCase() === String(p.value).toLowerCase()),
};

const filterGreaterFamily: TaskFamily<FilterParams> = {
  id: 'excel.filter-greater-than',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng, 6);
    const column = pick(rng, [4, 5]);
    const values = t.rows
      .slice(1)
      .map((r) => r[column - 1] as number)
      .sort((a, b) => a - b);
    // A threshold strictly between two values, so some rows show and some hide.
    const i = 1 + rng.integers(values.length - 2);
    const value = Math.floor((values[i - 1]! + values[i]!) / 2);
    return { ...t, column, value };
  },
  phrasings: [
    (p) =>
      `Filter the table on '${p.sheet}' to show only rows where ${String(p.rows[0]![p.column - 1])} is greater than ${p.value}.`,
    (p) =>
      `Use a Number Filter so only ${String(p.rows[0]![p.column - 1])} values above ${p.value} are visible.`,
    (p) =>
      `just show me the rows with more than ${p.value} ${String(p.rows[0]![p.column - 1]).toLowerCase()}`,
  ],
  template,
  refinedSteps: (p) => [
    "1. Select any cell within the data, such as 'A2'.",
    '2. Select **Data** > **Filter**.',
    `3. Select the column header arrow of '${String(p.rows[0]![p.column - 1])}'.`,
    '4. Select **Number Filters**, then **Greater Than...**.',
    `5. In the **Custom AutoFilter** box, type '${p.value}'.`,
    '6. Select **OK**.',
  ],
  oracle: (p) => [
    click('A2'),
    click('Data'),
    click('Filter'),
    click(`${String(p.rows[0]![p.column - 1])}: (Showing All)`),
    click('Number Filters'),
    click('Greater Than...'),
    setText('Value', String(p.value)),
    click('OK'),
  ],
  evaluate: (p, evidence) => judgeFilter(p, evidence, (v) => numeric(v) && v > (p.value as number)),
};

interface ClearFilterParams extends FilterParams {
  hidden: number[];
}

const clearFilterFamily: TaskFamily<ClearFilterParams> = {
  id: 'excel.clear-filter',
  app: 'excel',
  difficulty: 'easy',
  sample(rng) {
    for (;;) {
      const t = sampleTable(rng, 6);
      const value = pick(rng, REGIONS);
      const hidden = t.rows.flatMap((r, i) => (i > 0 && r[1] !== value ? [i + 1] : []));
      if (hidden.length > 0 && hidden.length < t.rows.length - 1) return { ...t, column: 2, value, hidden };
    }
  },
  phrasings: [
    (p) => `Clear the filter on '${p.sheet}' so that every row is shown again.`,
    (p) => `Remove the Region filter that only shows ${p.value} and display all the data.`,
    () => 'some of my rows disappeared, show everything again',
  ],
  template: (p) => ({
    ...template(p),
    filters: {
      [p.sheet]: { range: tableRange(p), criteria: { B: { type: 'values', values: [p.value] } } },
    },
  }),
  refinedSteps: () => ['1. On the **Data** tab, in the **Sort & Filter** group, select **Clear**.'],
  oracle: () => [click('Data'), click('Clear')],
  evaluate(p, evidence) {
    const after = sheetOf(evidence.final, p.sheet);
    const before = sheetOf(evidence.initial, p.sheet);
    const shown = p.rows.slice(1).every((_, i) => after?.rows[String(i + 2)]?.hidden !== true);
    return verdict(
      {
        'every row of the table is shown': shown,
        'the cells are unchanged': cellsEqual(before, after),
        'nothing else changed': restUnchanged(evidence, p.sheet, ['rows', 'autoFilter']),
      },
      'the filter is cleared and the data intact',
    );
  },
};

// -- data validation --------------------------------------------------------------------------------------------

interface ListParams extends TableParams {
  header: string;
  items: string[];
}

const STATUS_LISTS = [
  ['Open', 'Closed', 'Pending'],
  ['Yes', 'No'],
  ['Paid', 'Unpaid', 'Overdue'],
  ['High', 'Medium', 'Low'],
  ['Shipped', 'Packed', 'Ordered', 'Returned'],
];
const STATUS_HEADERS = ['Status', 'Approved', 'Payment', 'Priority', 'Shipping'];

const validationListFamily: TaskFamily<ListParams> = {
  id: 'excel.validation-list',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng);
    const k = rng.integers(STATUS_LISTS.length);
    const rows = t.rows.map((r, i) => [...r, ...(i === 0 ? [STATUS_HEADERS[k]!] : [])]);
    return { ...t, rows, header: STATUS_HEADERS[k]!, items: STATUS_LISTS[k]! };
  },
  phrasings: [
    (p) =>
      `Add a data validation drop-down list to ${columnRange(p, 6)} on '${p.sheet}' with the items ${p.items.join(', ')}.`,
    (p) =>
      `Make the ${p.header} cells (${columnRange(p, 6)}) a drop-down where you can pick ${p.items.join(' or ')}.`,
    (p) =>
      `people should only be able to choose ${p.items.join('/')} in the ${p.header.toLowerCase()} column`,
  ],
  template: (p) => ({
    sheets: { [p.sheet]: p.rows },
    styles: { 'A1:F1': { font: { bold: true } } },
  }),
  refinedSteps: (p) => [
    `1. Select the cells ${columnRange(p, 6)}.`,
    '2. On the **Data** tab, in the **Data Tools** group, select **Data Validation**.',
    "3. On the **Settings** tab, in the **Allow** box, select 'List'.",
    `4. In the **Source** box, type '${p.items.join(',')}'.`,
    '5. Make sure **In-cell dropdown** is checked, and select **OK**.',
  ],
  oracle: (p) => [
    selectRange(p.sheet, columnRange(p, 6)),
    click('Data'),
    click('Data Validation'),
    click('Allow:'),
    click('List'),
    setText('Source:', p.items.join(',')),
    click('OK'),
  ],
  evaluate(p, evidence) {
    const after = sheetOf(evidence.final, p.sheet);
    const target = columnRange(p, 6);
    const lists = (after?.validations ?? []).filter((v) => v.type === 'list');
    const items = (v: (typeof lists)[number]) => (v.listItems ?? []).map((x) => x.trim().toLowerCase());
    const wanted = p.items.map((x) => x.toLowerCase());
    const covering = lists.filter((v) => json(items(v)) === json(wanted));
    const sqref = covering.map((v) => v.ranges).join(' ');
    const all = (after?.validations ?? []).map((v) => v.ranges).join(' ');
    return verdict(
      {
        [`${target} offers the list ${p.items.join(', ')}`]:
          covering.length > 0 && coversExactly(sqref, target),
        'no other cell got a validation rule': all !== '' && coversExactly(all, target),
        'nothing else changed': restUnchanged(evidence, p.sheet, ['validations']),
      },
      'the drop-down list is on exactly the asked cells',
    );
  },
};

interface BoundsParams extends TableParams {
  min: number;
  max: number;
}

const validationWholeFamily: TaskFamily<BoundsParams> = {
  id: 'excel.validation-whole-number',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng);
    return { ...t, min: pick(rng, [0, 1, 5]), max: pick(rng, [100, 150, 200, 500]) };
  },
  phrasings: [
    (p) =>
      `Add data validation to ${columnRange(p, 4)} on '${p.sheet}' so only whole numbers between ${p.min} and ${p.max} can be entered.`,
    (p) => `Restrict the Units cells to whole numbers from ${p.min} to ${p.max}.`,
    (p) => `stop people typing decimals or anything over ${p.max} in the units column`,
  ],
  template,
  refinedSteps: (p) => [
    `1. Select the cells ${columnRange(p, 4)}.`,
    '2. On the **Data** tab, in the **Data Tools** group, select **Data Validation**.',
    "3. On the **Settings** tab, in the **Allow** box, select 'Whole number'.",
    "4. In the **Data** box, select 'between'.",
    `5. Enter '${p.min}' in the **Minimum** box and '${p.max}' in the **Maximum** box.`,
    '6. Select **OK**.',
  ],
  oracle: (p) => [
    selectRange(p.sheet, columnRange(p, 4)),
    click('Data'),
    click('Data Validation'),
    click('Allow:'),
    click('Whole number'),
    setText('Minimum:', String(p.min)),
    setText('Maximum:', String(p.max)),
    click('OK'),
  ],
  evaluate(p, evidence) {
    const after = sheetOf(evidence.final, p.sheet);
    const target = columnRange(p, 4);
    const vs = (after?.validations ?? []) as (CSheet['validations'][number] & {
      operator?: string;
      formula2?: string;
    })[];
    const right = vs.filter(
      (v) =>
        v.type === 'whole' &&
        v.operator === 'between' &&
        Number(String(v.formula1).replace(/^=/, '')) === p.min &&
        Number(String(v.formula2).replace(/^=/, '')) === p.max,
    );
    const all = vs.map((v) => v.ranges).join(' ');
    return verdict(
      {
        [`${target} accepts whole numbers from ${p.min} to ${p.max}`]:
          right.length > 0 && coversExactly(right.map((v) => v.ranges).join(' '), target),
        'no other cell got a validation rule': all !== '' && coversExactly(all, target),
        'nothing else changed': restUnchanged(evidence, p.sheet, ['validations']),
      },
      'the whole-number rule is on exactly the asked cells',
    );
  },
};

interface MessageParams extends ListParams {
  title: string;
  message: string;
}

const INPUT_MESSAGES = [
  ['Pick one', 'Choose a value from the list.'],
  ['Status', 'Select the current status of this order.'],
  ['Heads up', 'Use the drop-down; typed values are rejected.'],
  ['Update', 'Change this when the record moves on.'],
];

/** A drop-down list plus an input message (Data Validation's Input Message tab). */
const listWithMessageFamily: TaskFamily<MessageParams> = {
  id: 'excel.validation-list-message',
  app: 'excel',
  difficulty: 'hard',
  sample(rng) {
    const [title, message] = pick(rng, INPUT_MESSAGES);
    return { ...validationListFamily.sample(rng), title: title!, message: message! };
  },
  phrasings: [
    (p) =>
      `Add a drop-down list (${p.items.join(', ')}) to ${columnRange(p, 6)} on '${p.sheet}', with the input message title '${p.title}' and message '${p.message}'.`,
    (p) =>
      `Make ${columnRange(p, 6)} a list of ${p.items.join('/')} and show '${p.message}' when one of those cells is selected (title '${p.title}').`,
    (p) =>
      `the ${p.header.toLowerCase()} column needs a dropdown with ${p.items.join(', ')} and a hint "${p.message}" titled ${p.title}`,
  ],
  template: validationListFamily.template,
  refinedSteps: (p) => [
    `1. Select the cells ${columnRange(p, 6)}.`,
    '2. On the **Data** tab, in the **Data Tools** group, select **Data Validation**.',
    `3. On the **Settings** tab, in the **Allow** box, select 'List', and in the **Source** box, type '${p.items.join(',')}'.`,
    '4. Select the **Input Message** tab and check **Show input message when cell is selected**.',
    `5. In the **Title** box, type '${p.title}', and in the **Input message** box, type '${p.message}'.`,
    '6. Select **OK**.',
  ],
  oracle: (p) => [
    selectRange(p.sheet, columnRange(p, 6)),
    click('Data'),
    click('Data Validation'),
    click('Allow:'),
    click('List'),
    setText('Source:', p.items.join(',')),
    click('Input Message'),
    setText('Title:', p.title),
    setText('Input message:', p.message),
    click('OK'),
  ],
  evaluate(p, evidence) {
    const list = validationListFamily.evaluate(p, evidence);
    const after = sheetOf(evidence.final, p.sheet);
    const target = columnRange(p, 6);
    const vs = (after?.validations ?? []) as (CSheet['validations'][number] & {
      prompt?: string;
      promptTitle?: string;
    })[];
    const right = vs.filter(
      (v) => v.prompt?.trim() === p.message && (v.promptTitle ?? '').trim() === p.title,
    );
    const sub: Record<string, boolean> = {};
    for (const [k, v] of Object.entries(list.sub_scores)) sub[k] = v === 'yes';
    sub[`${target} shows the input message '${p.message}' titled '${p.title}'`] =
      right.length > 0 && coversExactly(right.map((v) => v.ranges).join(' '), target);
    return verdict(sub, 'the drop-down list and its input message are on exactly the asked cells');
  },
};

// -- conditional formatting -------------------------------------------------------------------------------------

interface HighlightParams extends TableParams {
  column: number;
  value: Value;
}

/** Judges a highlight rule by its effect: exactly the matching cells of the column show a conditional look. */
function judgeHighlight(
  p: HighlightParams,
  evidence: EpisodeEvidence,
  matches: (v: unknown) => boolean,
  what: string,
): Evaluation {
  const after = sheetOf(evidence.final, p.sheet);
  const before = sheetOf(evidence.initial, p.sheet);
  let right = true;
  let collateral = false;
  for (const [addr, cell] of Object.entries(after?.cells ?? {})) {
    const r = parseRange(addr)!;
    const inTarget = r.c1 === p.column && r.r1 >= 2 && r.r1 <= p.rows.length;
    const lit = cell.conditional !== undefined;
    if (inTarget && lit !== matches(cell.value)) right = false;
    if (!inTarget && lit) collateral = true;
  }
  return verdict(
    {
      [`the ${String(p.rows[0]![p.column - 1])} cells ${what} are highlighted, the others are not`]: right,
      'no cell outside the column is highlighted': !collateral,
      'the cells are unchanged': cellsEqual(before, after),
      'nothing else changed': restUnchanged(evidence, p.sheet, ['conditionalFormats']),
    },
    'exactly the asked cells are highlighted',
  );
}

/** Highlight Cells Rules > Greater Than / Less Than on a number column, with a threshold between two values. */
function highlightCompareFamily(op: 'greater' | 'less'): TaskFamily<HighlightParams> {
  const greater = op === 'greater';
  const item = greater ? 'Greater Than...' : 'Less Than...';
  const words = greater ? 'greater than' : 'less than';
  return {
    id: greater ? 'excel.highlight-greater-than' : 'excel.highlight-less-than',
    app: 'excel',
    difficulty: 'medium',
    sample(rng) {
      const t = sampleTable(rng);
      const column = pick(rng, [4, 5]);
      const values = t.rows
        .slice(1)
        .map((r) => r[column - 1] as number)
        .sort((a, b) => a - b);
      const i = 1 + rng.integers(values.length - 1);
      return { ...t, column, value: Math.floor((values[i - 1]! + values[i]!) / 2) };
    },
    phrasings: [
      (p) =>
        `Highlight the cells in ${columnRange(p, p.column)} that are ${words} ${p.value} with a light red fill, using conditional formatting.`,
      (p) =>
        `Use Conditional Formatting so any ${String(p.rows[0]![p.column - 1])} value ${greater ? 'above' : 'below'} ${p.value} stands out.`,
      (p) =>
        `make the ${String(p.rows[0]![p.column - 1]).toLowerCase()} numbers ${greater ? 'over' : 'under'} ${p.value} show up in red`,
    ],
    template,
    refinedSteps: (p) => [
      `1. Select the cells ${columnRange(p, p.column)}.`,
      `2. Select **Home** > **Conditional Formatting** > **Highlight Cells Rules** > **${item}**.`,
      `3. In the **${greater ? 'Greater Than' : 'Less Than'}** box, type '${p.value}' and keep **Light Red Fill with Dark Red Text**.`,
      '4. Select **OK**.',
    ],
    oracle: (p) => [
      selectRange(p.sheet, columnRange(p, p.column)),
      click('Home'),
      click('Conditional Formatting'),
      click('Highlight Cells Rules'),
      click(item),
      setText(`Format cells that are ${words.toUpperCase()}:`, String(p.value)),
      click('OK'),
    ],
    evaluate: (p, evidence) =>
      judgeHighlight(
        p,
        evidence,
        (v) => numeric(v) && (greater ? v > (p.value as number) : v < (p.value as number)),
        `${words} ${p.value}`,
      ),
  };
}

const highlightTextFamily: TaskFamily<HighlightParams> = {
  id: 'excel.highlight-text-contains',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    for (;;) {
      const t = sampleTable(rng);
      const values = t.rows.slice(1).map((r) => String(r[2]));
      const value = pick(rng, values);
      if (values.some((v) => v !== value)) return { ...t, column: 3, value };
    }
  },
  phrasings: [
    (p) =>
      `Use conditional formatting to highlight the cells in ${columnRange(p, 3)} that contain the text '${p.value}'.`,
    (p) => `Highlight every ${p.value} in the Product column with a Text that Contains rule.`,
    (p) => `color the ${p.value} products so I can spot them`,
  ],
  template,
  refinedSteps: (p) => [
    `1. Select the cells ${columnRange(p, 3)}.`,
    '2. Select **Home** > **Conditional Formatting** > **Highlight Cells Rules** > **Text that Contains...**.',
    `3. In the box on the left, type '${p.value}'.`,
    '4. Select the color format for the text, and then select **OK**.',
  ],
  oracle: (p) => [
    selectRange(p.sheet, columnRange(p, 3)),
    click('Home'),
    click('Conditional Formatting'),
    click('Highlight Cells Rules'),
    click('Text that Contains...'),
    setText('Format cells that contain the text:', String(p.value)),
    click('OK'),
  ],
  evaluate: (p, evidence) =>
    judgeHighlight(
      p,
      evidence,
      (v) => String(v).toLowerCase().includes(String(p.value).toLowerCase()),
      `containing '${p.value}'`,
    ),
};

const highlightDuplicatesFamily: TaskFamily<HighlightParams> = {
  id: 'excel.highlight-duplicates',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    for (;;) {
      const t = sampleTable(rng, 6);
      const column = pick(rng, [2, 3]);
      const values = t.rows.slice(1).map((r) => String(r[column - 1]));
      const dup = values.some((v, i) => values.indexOf(v) !== i);
      const unique = values.some((v) => values.indexOf(v) === values.lastIndexOf(v));
      if (dup && unique) return { ...t, column, value: '' };
    }
  },
  phrasings: [
    (p) =>
      `Highlight the duplicate values in ${columnRange(p, p.column)} on '${p.sheet}' with conditional formatting.`,
    (p) => `Find and highlight repeated entries in the ${String(p.rows[0]![p.column - 1])} column.`,
    (p) => `mark the ${String(p.rows[0]![p.column - 1]).toLowerCase()} names that show up more than once`,
  ],
  template,
  refinedSteps: (p) => [
    `1. Select the cells ${columnRange(p, p.column)}.`,
    '2. Select **Home** > **Conditional Formatting** > **Highlight Cells Rules** > **Duplicate Values...**.',
    "3. In the box next to **values with**, keep 'Duplicate' and pick the formatting, then select **OK**.",
  ],
  oracle: (p) => [
    selectRange(p.sheet, columnRange(p, p.column)),
    click('Home'),
    click('Conditional Formatting'),
    click('Highlight Cells Rules'),
    click('Duplicate Values...'),
    click('OK'),
  ],
  evaluate(p, evidence) {
    const values = p.rows.slice(1).map((r) => String(r[p.column - 1]).toLowerCase());
    const isDup = (v: unknown) => values.filter((x) => x === String(v).toLowerCase()).length > 1;
    return judgeHighlight(p, evidence, isDup, 'that repeat');
  },
};

const highlightTopFamily: TaskFamily<HighlightParams> = {
  id: 'excel.highlight-top-items',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng);
    return { ...t, column: 4, value: 2 + rng.integers(3) };
  },
  phrasings: [
    (p) =>
      `Use a Top 10 Items rule to highlight the top ${p.value} values in ${columnRange(p, 4)} on '${p.sheet}'.`,
    (p) => `Highlight the ${p.value} largest Units figures with conditional formatting.`,
    (p) => `make the best ${p.value} unit numbers stand out`,
  ],
  template,
  refinedSteps: (p) => [
    `1. Select the cells ${columnRange(p, 4)}.`,
    '2. Select **Home** > **Conditional Formatting** > **Top/Bottom Rules** > **Top 10 Items...**.',
    `3. Change the number of items to '${p.value}', keep the format, and select **OK**.`,
  ],
  oracle: (p) => [
    selectRange(p.sheet, columnRange(p, 4)),
    click('Home'),
    click('Conditional Formatting'),
    click('Top/Bottom Rules'),
    click('Top 10 Items...'),
    setText('Format cells that rank in the TOP:', String(p.value)),
    click('OK'),
  ],
  evaluate(p, evidence) {
    const top = p.rows
      .slice(1)
      .map((r) => r[3] as number)
      .sort((a, b) => b - a)
      .slice(0, p.value as number);
    return judgeHighlight(p, evidence, (v) => numeric(v) && top.includes(v), `in the top ${p.value}`);
  },
};

interface ClearRulesParams extends TableParams {
  /** The column whose rule goes (4 = Units, 3 = Product); the other rule stays. */
  column: number;
  units: number;
  product: string;
}

const clearRulesFamily: TaskFamily<ClearRulesParams> = {
  id: 'excel.clear-rules-from-cells',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng);
    return {
      ...t,
      column: pick(rng, [3, 4]),
      units: 20 + 10 * rng.integers(5),
      product: String(pick(rng, t.rows.slice(1))[2]),
    };
  },
  phrasings: [
    (p) =>
      `Remove the conditional formatting rule from ${columnRange(p, p.column)} on '${p.sheet}', keeping the other rule.`,
    (p) => `Clear the highlighting rule on the ${String(p.rows[0]![p.column - 1])} column only.`,
    (p) =>
      `get rid of the colors in the ${String(p.rows[0]![p.column - 1]).toLowerCase()} column but leave the rest`,
  ],
  template: (p) => ({
    ...template(p),
    conditional: {
      [p.sheet]: [
        {
          range: columnRange(p, 4),
          rule: { type: 'cellIs', operator: 'greaterThan', values: [String(p.units)] },
        },
        {
          range: columnRange(p, 3),
          rule: { type: 'containsText', text: p.product },
          style: 'greenFillDarkGreenText',
        },
      ],
    },
  }),
  refinedSteps: (p) => [
    `1. Select the cells ${columnRange(p, p.column)}.`,
    '2. Select **Home** > **Conditional Formatting** > **Clear Rules** > **Clear Rules from Selected Cells**.',
  ],
  oracle: (p) => [
    selectRange(p.sheet, columnRange(p, p.column)),
    click('Conditional Formatting'),
    click('Clear Rules'),
    click('Clear Rules from Selected Cells'),
  ],
  evaluate(p, evidence) {
    const after = sheetOf(evidence.final, p.sheet);
    const before = sheetOf(evidence.initial, p.sheet);
    const target = parseRange(columnRange(p, p.column))!;
    const rules = (sheet: CSheet | undefined) =>
      (sheet?.conditionalFormats ?? []) as { ranges: string; rule: unknown; style: unknown }[];
    const touches = (r: { ranges: string }) =>
      r.ranges.split(/\s+/).some((x) => {
        const q = parseRange(x);
        return q !== null && q.c1 <= target.c1 && q.c2 >= target.c1 && q.r2 >= target.r1 && q.r1 <= target.r2;
      });
    const other = rules(before).filter((r) => !touches(r));
    const keptOther = other.every((o) =>
      rules(after).some(
        (r) => r.ranges === o.ranges && json(r.rule) === json(o.rule) && json(r.style) === json(o.style),
      ),
    );
    return verdict(
      {
        [`no rule applies to ${columnRange(p, p.column)}`]: !rules(after).some(touches),
        'the other rule is kept': keptOther && rules(after).length === other.length,
        'the cells are unchanged': cellsEqual(before, after),
        'nothing else changed': restUnchanged(evidence, p.sheet, ['conditionalFormats']),
      },
      'the rule is gone from the column and the other rule stays',
    );
  },
};

// -- charts -----------------------------------------------------------------------------------------------------

interface ChartParams extends TableParams {
  /** The data columns of the chart: label column first, then 1-2 number columns (1-based). */
  columns: number[];
}

const CHART_FAMILIES = {
  column: {
    id: 'excel.insert-column-chart',
    menu: 'Insert Column or Bar Chart',
    item: 'Clustered Column',
    type: 'column',
    noun: 'clustered column chart',
  },
  pie: {
    id: 'excel.insert-pie-chart',
    menu: 'Insert Pie or Doughnut Chart',
    item: 'Pie',
    type: 'pie',
    noun: 'pie chart',
  },
  line: {
    id: 'excel.insert-line-chart',
    menu: 'Insert Line or Area Chart',
    item: 'Line',
    type: 'line',
    noun: 'line chart',
  },
} as const;

function chartFamily(kind: keyof typeof CHART_FAMILIES): TaskFamily<ChartParams> {
  const c = CHART_FAMILIES[kind];
  return {
    id: c.id,
    app: 'excel',
    difficulty: 'easy',
    sample(rng) {
      const t = sampleTable(rng);
      // A chart's own small table: labels and one (pie) or two number columns, as the user would select.
      const columns = kind === 'pie' ? [1, pick(rng, [4, 5])] : rng.random() < 0.5 ? [1, 4] : [1, 4, 5];
      const rows = t.rows.map((r) => columns.map((col) => r[col - 1]!));
      return { sheet: t.sheet, rows, columns: columns.map((_, i) => i + 1) };
    },
    phrasings: [
      (p) => `Insert a ${c.noun} of the data in ${tableRange(p)} on sheet '${p.sheet}'.`,
      (p) =>
        `Create a ${c.noun} that shows ${p.rows[0]!.slice(1).join(' and ')} for each ${String(p.rows[0]![0])}.`,
      (p) =>
        `can you make a ${kind} chart out of the ${p.rows[0]!.slice(1)
          .map((h) => String(h).toLowerCase())
          .join(' and ')} numbers`,
    ],
    template,
    refinedSteps: (p) => [
      `1. Select the data for the chart: ${tableRange(p)}.`,
      `2. Select **Insert** > **${c.menu}**.`,
      `3. Select **${c.item}**.`,
    ],
    oracle: (p) => [selectRange(p.sheet, tableRange(p)), click('Insert'), click(c.menu), click(c.item)],
    evaluate(p, evidence) {
      const before = sheetOf(evidence.initial, p.sheet);
      const after = sheetOf(evidence.final, p.sheet);
      const added = (after?.charts ?? []).slice(before?.charts.length ?? 0);
      const labels = p.rows.slice(1).map((r) => String(r[0]));
      const series = p.rows[0]!.slice(1).map((h, i) => ({
        name: String(h),
        values: p.rows.slice(1).map((r) => r[i + 1]),
      }));
      const chart = added[0];
      const plotsData =
        chart !== undefined &&
        json(chart.data.categories) === json(labels) &&
        json(chart.data.series.map((s) => ({ name: s.name, values: s.values }))) === json(series);
      return verdict(
        {
          [`one new ${c.noun} was inserted`]:
            added.length === 1 && chart?.type === c.type && chart.stacked === undefined,
          [`the chart plots ${tableRange(p)} with ${String(p.rows[0]![0])} as categories`]: plotsData,
          'the existing charts are unchanged':
            json(after?.charts.slice(0, before?.charts.length ?? 0)) === json(before?.charts),
          'nothing else changed': restUnchanged(evidence, p.sheet, ['charts']),
        },
        `a ${c.noun} of the table was inserted`,
      );
    },
  };
}

// -- defined names ----------------------------------------------------------------------------------------------

interface NameParams extends TableParams {
  column: number;
  name: string;
}

const defineNameFamily: TaskFamily<NameParams> = {
  id: 'excel.define-name',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng);
    const column = pick(rng, [4, 5]);
    const name = `${pick(rng, ['Total', 'Q1', 'Team', 'Monthly'])}${String(t.rows[0]![column - 1])}`;
    return { ...t, column, name };
  },
  phrasings: [
    (p) => `Define the name '${p.name}' for the range ${columnRange(p, p.column)} on sheet '${p.sheet}'.`,
    (p) =>
      `Give the ${String(p.rows[0]![p.column - 1])} cells (${columnRange(p, p.column)}) the range name ${p.name} so formulas can use it.`,
    (p) => `name the ${String(p.rows[0]![p.column - 1]).toLowerCase()} numbers ${p.name}`,
  ],
  template,
  refinedSteps: (p) => [
    `1. Select the range ${columnRange(p, p.column)}.`,
    '2. On the **Formulas** tab, in the **Defined Names** group, select **Define Name**.',
    `3. In the **New Name** dialog box, in the **Name** box, type '${p.name}'.`,
    "4. Check that **Refers to** shows the selected range and **Scope** is 'Workbook', then select **OK**.",
  ],
  oracle: (p) => [
    selectRange(p.sheet, columnRange(p, p.column)),
    click('Formulas'),
    click('Define Name'),
    setText('Name:', p.name),
    click('OK'),
  ],
  evaluate(p, evidence) {
    const names = book(evidence.final).names;
    const hit = names.find((n) => n.name.toLowerCase() === p.name.toLowerCase());
    const target = parseRange(columnRange(p, p.column))!;
    const m = /^=(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(hit?.refersTo ?? '');
    const sheet = m === null ? null : (m[1]?.replace(/''/g, "'") ?? m[2]);
    const r = m === null ? null : parseRange(m[3]!);
    const refersRight = sheet === p.sheet && r !== null && json(r) === json(target);
    return verdict(
      {
        [`the name '${p.name}' exists`]: hit !== undefined,
        [`'${p.name}' refers to ${p.sheet}!${columnRange(p, p.column)}`]: refersRight,
        'no other name was added or changed':
          json(names.filter((n) => n !== hit)) === json(book(evidence.initial).names),
        'nothing else changed': restUnchanged(evidence, p.sheet, ['names']),
      },
      `the name ${p.name} refers to the asked range`,
    );
  },
};

// -- tables ---------------------------------------------------------------------------------------------------

interface TableStyleParams extends TableParams {
  /** As the gallery names it: "Table Style Medium 9". */
  style: string;
}

const STYLE_CHOICES = [
  'Table Style Light 9',
  'Table Style Light 15',
  'Table Style Medium 2',
  'Table Style Medium 7',
  'Table Style Medium 9',
  'Table Style Dark 1',
];

const formatAsTableFamily: TaskFamily<TableStyleParams> = {
  id: 'excel.format-as-table',
  app: 'excel',
  difficulty: 'medium',
  sample: (rng) => ({ ...sampleTable(rng), style: pick(rng, STYLE_CHOICES) }),
  phrasings: [
    (p) => `Format the data in ${tableRange(p)} on '${p.sheet}' as a table with the style '${p.style}'.`,
    (p) => `Turn the range into an Excel table (${p.style}), keeping the first row as headers.`,
    (p) => `make this list a proper table, ${p.style.replace('Table Style ', '').toLowerCase()} look`,
  ],
  template,
  refinedSteps: (p) => [
    "1. Select a cell within your data, such as 'A2'.",
    '2. Select **Home** > **Format as Table**.',
    `3. Choose the style '${p.style}'.`,
    `4. In the **Create Table** dialog box, confirm the range '${tableRange(p)}'.`,
    '5. Mark **My table has headers**, and select **OK**.',
  ],
  oracle: (p) => [click('A2'), click('Home'), click('Format as Table'), click(p.style), click('OK')],
  evaluate(p, evidence) {
    const before = sheetOf(evidence.initial, p.sheet);
    const after = sheetOf(evidence.final, p.sheet);
    const added = (after?.tables ?? []).slice(before?.tables?.length ?? 0);
    const t = added[0];
    const range = t === undefined ? null : parseRange(t.range);
    return verdict(
      {
        [`${tableRange(p)} is one table with a header row`]:
          added.length === 1 && t?.headerRow === true && json(range) === json(parseRange(tableRange(p))),
        [`the table has the style ${p.style}`]: t?.style === p.style.replace(/\s+/g, ''),
        'the cells are unchanged': cellsEqual(before, after),
        'nothing else changed': restUnchanged(evidence, p.sheet, ['tables']),
      },
      'the data is a table with the asked style',
    );
  },
};

// -- remove duplicates ------------------------------------------------------------------------------------------

const removeDuplicatesFamily: TaskFamily<TableParams> = {
  id: 'excel.remove-duplicates',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng, 5);
    const rows = [...t.rows];
    // Copy one to three data rows to later positions: exact duplicate records, as an import would leave.
    const copies = 1 + rng.integers(3);
    for (let i = 0; i < copies; i++) {
      const src = rows[1 + rng.integers(rows.length - 1)]!;
      rows.splice(1 + rng.integers(rows.length), 0, [...src]);
    }
    return { sheet: t.sheet, rows };
  },
  phrasings: [
    (p) => `Remove the duplicate rows from the table in ${tableRange(p)} on '${p.sheet}'.`,
    (p) => `Some records on '${p.sheet}' were entered twice; delete the repeated rows and keep one of each.`,
    () => 'get rid of the dupes in my list',
  ],
  template,
  refinedSteps: () => [
    "1. Select a cell in the table, such as 'A2'.",
    '2. On the **Data** tab, in the **Data Tools** group, select **Remove Duplicates**.',
    '3. In the **Remove Duplicates** dialog box, keep all columns selected and **My data has headers** checked.',
    '4. Select **OK**, then select **OK** on the message that says how many duplicates were removed.',
  ],
  oracle: () => [click('A2'), click('Data'), click('Remove Duplicates'), click('OK'), click('OK')],
  evaluate(p, evidence) {
    const after = sheetOf(evidence.final, p.sheet);
    const before = sheetOf(evidence.initial, p.sheet);
    const rows = dataRows(before, p).map((r) => r.join('|'));
    const unique = rows.filter((r, i) => rows.indexOf(r) === i);
    const now = dataRows(after, p).map((r) => r.join('|'));
    const blank = p.rows[0]!.map(() => 'null').join('|');
    const expected = [...unique, ...rows.slice(unique.length).map(() => blank)];
    const header = p.rows[0]!.every(
      (_, c) => cellKey(before?.cells[`${letter(c + 1)}1`]) === cellKey(after?.cells[`${letter(c + 1)}1`]),
    );
    const outside = Object.keys({ ...before?.cells, ...after?.cells }).every((addr) => {
      const r = parseRange(addr)!;
      if (r.r1 <= p.rows.length && r.c1 <= p.rows[0]!.length) return true;
      return cellKey(before?.cells[addr]) === cellKey(after?.cells[addr]);
    });
    return verdict(
      {
        'each record appears once, in its original order': json(now) === json(expected),
        'the header row is unchanged': header,
        'cells outside the table are unchanged': outside,
        'nothing else changed': restUnchanged(evidence, p.sheet, ['cells']),
      },
      'the duplicate rows were removed',
    );
  },
};

// -- a question -------------------------------------------------------------------------------------------------

interface CountParams extends TableParams {
  region: string;
  count: number;
}

const countRowsFamily: TaskFamily<CountParams> = {
  id: 'excel.count-matching-rows',
  app: 'excel',
  difficulty: 'easy',
  sample(rng) {
    const t = sampleTable(rng);
    const region = pick(rng, REGIONS);
    return { ...t, region, count: t.rows.slice(1).filter((r) => r[1] === region).length };
  },
  phrasings: [
    (p) => `How many rows on sheet '${p.sheet}' have the Region '${p.region}'?`,
    (p) => `Count the sales records from the ${p.region} region.`,
    (p) => `how many ${p.region.toLowerCase()} entries are there?`,
  ],
  template,
  refinedSteps: (p) => [
    '1. Select **Data** > **Filter**.',
    "2. Select the arrow in the 'Region' column header, and filter to show only " + `'${p.region}'.`,
    '3. Read the number of records shown at the bottom of the window, and report it.',
  ],
  oracle: (p) => [summary(`There are ${p.count} rows with the Region ${p.region}.`)],
  evaluate(p, evidence) {
    const answered = evidence.answers.some((a) => new RegExp(`(^|\\D)${p.count}(\\D|$)`).test(a));
    return verdict(
      {
        [`the answer says ${p.count}`]: answered,
        'the data is unchanged': cellsEqual(
          sheetOf(evidence.initial, p.sheet),
          sheetOf(evidence.final, p.sheet),
        ),
        'nothing else changed': restUnchanged(evidence, p.sheet, ['rows', 'autoFilter', 'cells']),
      },
      `answered ${p.count}`,
    );
  },
};

interface TotalParams extends TableParams {
  region: string;
  total: number;
}

const regionTotalFamily: TaskFamily<TotalParams> = {
  id: 'excel.region-total-question',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng);
    const region = String(pick(rng, t.rows.slice(1))[1]);
    const total = t.rows
      .slice(1)
      .filter((r) => r[1] === region)
      .reduce((n, r) => n + (r[4] as number), 0);
    return { ...t, region, total };
  },
  phrasings: [
    (p) => `What is the total Revenue of the ${p.region} region on sheet '${p.sheet}'?`,
    (p) => `Add up the revenue for ${p.region} and tell me the result.`,
    (p) => `how much did ${p.region.toLowerCase()} bring in altogether?`,
  ],
  template,
  refinedSteps: (p) => [
    `1. Filter the Region column to show only '${p.region}' (**Data** > **Filter**).`,
    '2. Select the visible Revenue cells and read the **Sum** on the status bar.',
    '3. Report the total.',
  ],
  oracle: (p) => [summary(`The total Revenue for ${p.region} is ${p.total}.`)],
  evaluate(p, evidence) {
    // Accept "12,345" and "12345" alike.
    const answered = evidence.answers.some((a) =>
      new RegExp(`(^|[^\\d,.])${p.total}([^\\d,.]|[.,](?!\\d)|\\.0+(?!\\d)|$)`).test(
        a.replace(/(\d),(?=\d{3}\b)/g, '$1'),
      ),
    );
    return verdict(
      {
        [`the answer says ${p.total}`]: answered,
        'the data is unchanged': cellsEqual(
          sheetOf(evidence.initial, p.sheet),
          sheetOf(evidence.final, p.sheet),
        ),
        'nothing else changed': restUnchanged(evidence, p.sheet, ['rows', 'autoFilter', 'cells']),
      },
      `answered ${p.total}`,
    );
  },
};

// -- sheets -----------------------------------------------------------------------------------------------------

const addSheetFamily: TaskFamily<TableParams> = {
  id: 'excel.add-worksheet',
  app: 'excel',
  difficulty: 'easy',
  sample: (rng) => sampleTable(rng),
  phrasings: [
    (p) => `Add a new blank worksheet to the workbook that has the '${p.sheet}' sheet.`,
    () => 'Insert a new sheet.',
    () => 'i need another empty tab in this workbook',
  ],
  template,
  refinedSteps: () => ['1. Select the **New sheet** plus icon at the bottom of the workbook.'],
  oracle: () => [click('New sheet')],
  evaluate(p, evidence) {
    const before = book(evidence.initial).sheets;
    const after = book(evidence.final).sheets;
    const added = after.filter((s) => !before.some((b) => b.name === s.name));
    const empty =
      added.length === 1 &&
      Object.keys(added[0]!.cells).length === 0 &&
      added[0]!.charts.length === 0 &&
      added[0]!.validations.length === 0;
    return verdict(
      {
        'one new worksheet was added': after.length === before.length + 1 && added.length === 1,
        'the new worksheet is blank': empty,
        'the existing sheets are unchanged': restUnchanged(evidence, p.sheet, ['sheets']),
      },
      'a blank worksheet was added',
    );
  },
};

// -- infeasible -------------------------------------------------------------------------------------------------

interface WebParams extends TableParams {
  url: string;
}

const WEB_SOURCES = [
  'https://www.x-rates.com/table/?from=USD',
  'https://finance.example.com/markets/indices',
  'https://www.timeanddate.com/weather/',
];

/** Get & Transform from the web needs a network connection and Power Query, which the simulator has neither of. */
const webImportFamily: TaskFamily<WebParams> = {
  id: 'excel.import-web-table',
  app: 'excel',
  difficulty: 'hard',
  infeasible: true,
  sample: (rng) => ({ ...sampleTable(rng), url: pick(rng, WEB_SOURCES) }),
  phrasings: [
    (p) => `Import the live table from ${p.url} into a new sheet with Data > From Web.`,
    (p) => `Pull today's numbers from ${p.url} into the workbook and keep them refreshed.`,
    (p) => `grab the table on ${p.url} and put it in excel`,
  ],
  template,
  refinedSteps: (p) => [
    '1. On the **Data** tab, in the **Get & Transform Data** group, select **From Web**.',
    `2. In the **From Web** dialog box, type '${p.url}' and select **OK**.`,
    '3. In the **Navigator**, select the table, and then select **Load**.',
  ],
  oracle: () => [failStep()],
  evaluate(p, evidence) {
    return verdict(
      {
        'the agent reported that the task cannot be done': evidence.status === 'FAIL',
        'the workbook is unchanged': restUnchanged(evidence, p.sheet, []),
      },
      'the agent recognised that web data cannot be imported here',
    );
  },
};

export const EXCEL_DATA_FAMILIES = [
  sortQuickFamily('text'),
  sortQuickFamily('number'),
  sortDialogFamily,
  sortTwoLevelsFamily,
  filterEqualsFamily,
  filterGreaterFamily,
  clearFilterFamily,
  validationListFamily,
  validationWholeFamily,
  listWithMessageFamily,
  highlightCompareFamily('greater'),
  highlightCompareFamily('less'),
  highlightTextFamily,
  highlightDuplicatesFamily,
  highlightTopFamily,
  clearRulesFamily,
  chartFamily('column'),
  chartFamily('pie'),
  chartFamily('line'),
  defineNameFamily,
  formatAsTableFamily,
  removeDuplicatesFamily,
  countRowsFamily,
  regionTotalFamily,
  addSheetFamily,
  webImportFamily,
] as unknown as TaskFamily<Record<string, unknown>>[];
