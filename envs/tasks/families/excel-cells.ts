/**
 * Excel families about cells, formats and formulas: the Home tab's Font, Alignment, Number and Cells groups,
 * Freeze Panes, sheet renaming, formulas typed into a cell (judged on the computed value and on being a
 * formula), questions answered with `summary`, and one request Excel cannot meet offline.
 *
 * Every evaluator compares the final workbook with the initial one cell by cell: the asked change must be there,
 * and values, formulas, formatting and sheet layout outside it must be as they were.
 */
import type { Generator } from 'gymnasium-ts';
import { colToLetters, parseRect, rectContains, toA1, type Rect } from '../../excel/formula/address.ts';
import { isDateTimeFormat } from '../../excel/formula/number-format.ts';
import type { EpisodeEvidence, Evaluation, TaskFamily } from '../family.ts';
import type { OracleStep } from '../schema.ts';
import { click, failStep, focusKeys, keys, pick, pickDistinct, setText, summary, verdict } from './kit.ts';

// -- the canvas, as the Excel app shows it (envs/excel/model/canvas.ts) --------------------------------------------

type Scalar = string | number | null;
type Rows = Scalar[][];
type Style = Record<string, unknown>;

interface XCell {
  text: string;
  value: unknown;
  formula?: string;
  style?: Style;
}
interface XSheet {
  name: string;
  cells: Record<string, XCell>;
  cols: Record<string, { width?: number; hidden?: boolean }>;
  rows: Record<string, unknown>;
  merges: string[];
  freeze: { rows: number; cols: number } | null;
}
interface XBook {
  sheets: XSheet[];
}

function book(canvas: unknown): XBook {
  const b = canvas as Partial<XBook> | null;
  return { sheets: Array.isArray(b?.sheets) ? b.sheets : [] };
}

function sheetOf(b: XBook, name: string): XSheet | undefined {
  return b.sheets.find((s) => s.name === name);
}

/** JSON with sorted keys and empty objects dropped, so two equal styles compare equal however they were built. */
function canon(v: unknown): string {
  return JSON.stringify(prune(v)) ?? 'null';
}

function prune(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(prune);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const p = prune((v as Record<string, unknown>)[k]);
    if (p === undefined || (typeof p === 'object' && p !== null && Object.keys(p).length === 0)) continue;
    out[k] = p;
  }
  return out;
}

/** A style without the given dotted paths ('font.bold'); '*' drops everything. */
function without(style: Style | undefined, paths: readonly string[]): unknown {
  if (paths.includes('*')) return undefined;
  const copy = structuredClone(style ?? {}) as Record<string, unknown>;
  for (const path of paths) {
    const parts = path.split('.');
    let at: Record<string, unknown> | undefined = copy;
    for (const part of parts.slice(0, -1)) {
      const next: unknown = at?.[part];
      at = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : undefined;
    }
    if (at !== undefined) delete at[parts.at(-1)!];
  }
  return prune(copy);
}

const blankValue = (c: XCell | undefined) => c === undefined || c.value === null || c.value === '';

/** The style paths a cell may change (its cells before and after given, for judging what a change shows). */
type Allowed = (sheet: string, addr: string, before?: XCell, after?: XCell) => readonly string[];
const nothing: Allowed = () => [];

/** Every sheet keeps its name and order, and every cell its value and formula (except the `changed` ones). */
function contentKept(
  before: XBook,
  after: XBook,
  changed: (sheet: string, addr: string) => boolean,
): boolean {
  if (canon(before.sheets.map((s) => s.name)) !== canon(after.sheets.map((s) => s.name))) return false;
  return before.sheets.every((bs) => {
    const as = sheetOf(after, bs.name)!;
    for (const addr of new Set([...Object.keys(bs.cells), ...Object.keys(as.cells)])) {
      if (changed(bs.name, addr)) continue;
      const b = bs.cells[addr];
      const a = as.cells[addr];
      if (blankValue(b) && blankValue(a) && b?.formula === undefined && a?.formula === undefined) continue;
      if (canon(b?.value) !== canon(a?.value) || b?.formula !== a?.formula) return false;
    }
    return true;
  });
}

/** Cell formatting is unchanged apart from the style paths `allowed` names for a cell. */
function formatKept(before: XBook, after: XBook, allowed: Allowed): boolean {
  return before.sheets.every((bs) => {
    const as = sheetOf(after, bs.name);
    if (as === undefined) return false;
    for (const addr of new Set([...Object.keys(bs.cells), ...Object.keys(as.cells)])) {
      const paths = allowed(bs.name, addr, bs.cells[addr], as.cells[addr]);
      if (canon(without(bs.cells[addr]?.style, paths)) !== canon(without(as.cells[addr]?.style, paths)))
        return false;
    }
    return true;
  });
}

type LayoutPart = 'cols' | 'rows' | 'merges' | 'freeze';

/**
 * Column widths, row heights, merged cells and frozen panes are unchanged (apart from `except`). `stylePaths` of
 * whole-row and whole-column formats are ignored: formatting a full column reaches them.
 */
function layoutKept(
  before: XBook,
  after: XBook,
  except: readonly LayoutPart[] = [],
  stylePaths: readonly string[] = [],
): boolean {
  const parts: LayoutPart[] = (['cols', 'rows', 'merges', 'freeze'] as const).filter(
    (p) => !except.includes(p),
  );
  const strip = (part: unknown) =>
    typeof part === 'object' && part !== null && !Array.isArray(part)
      ? Object.fromEntries(
          Object.entries(part as Record<string, Record<string, unknown>>).map(([k, v]) => [
            k,
            { ...v, style: without(v.style as Style | undefined, stylePaths) },
          ]),
        )
      : part;
  return before.sheets.every((bs) => {
    const as = sheetOf(after, bs.name);
    return as !== undefined && parts.every((p) => canon(strip(bs[p])) === canon(strip(as[p])));
  });
}

function rect(range: string): Rect {
  const r = parseRect(range);
  if (r === null) throw new Error(`bad range '${range}'`);
  return r;
}

function addrsOf(range: string): string[] {
  const r = rect(range);
  const out: string[] = [];
  for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) out.push(toA1(row, col));
  return out;
}

function inRange(range: string): (addr: string) => boolean {
  const r = rect(range);
  return (addr) => {
    const p = parseRect(addr);
    return p !== null && rectContains(r, p.r1, p.c1);
  };
}

// -- data ----------------------------------------------------------------------------------------------------------

const ITEMS = [
  'Pens',
  'Notebooks',
  'Staplers',
  'Folders',
  'Markers',
  'Tape',
  'Binders',
  'Envelopes',
  'Scissors',
  'Labels',
];
const REGIONS = ['East', 'West', 'North', 'South'];
const SHEETS = ['Sales', 'Orders', 'Q1 Sales', 'Inventory', 'Supplies'];
const HEADER = ['Item', 'Region', 'Units', 'Price'];
/** Columns of the sample table by header. */
const COL: Readonly<Record<string, string>> = { Item: 'A', Region: 'B', Units: 'C', Price: 'D' };

const money = (rng: Generator) => Math.round((1 + rng.random() * 49) * 100) / 100;

interface TableParams extends Record<string, unknown> {
  sheet: string;
  /** Header row, then one row per item: Item, Region, Units, Price. */
  rows: Rows;
}

function sampleTable(rng: Generator): TableParams {
  const n = 4 + rng.integers(4);
  const items = pickDistinct(rng, ITEMS, n);
  const rows: Rows = [
    HEADER,
    ...items.map((item) => [item, pick(rng, REGIONS), 5 + rng.integers(196), money(rng)]),
  ];
  return { sheet: pick(rng, SHEETS), rows };
}

const lastRow = (p: { rows: Rows }) => p.rows.length;
/** The data cells of a column of the table ("C2:C7"). */
const columnRange = (p: TableParams, header: string) => `${COL[header]}2:${COL[header]}${lastRow(p)}`;
const headerRange = (p: { rows: Rows }) => `A1:${colToLetters(p.rows[0]!.length)}1`;
const tableRange = (p: { rows: Rows }) => `A1:${colToLetters(p.rows[0]!.length)}${lastRow(p)}`;
const numbers = (p: TableParams, header: string) =>
  p.rows.slice(1).map((r) => r[HEADER.indexOf(header)] as number);

const template = (p: { sheet: string; rows: Rows }) => ({ sheets: { [p.sheet]: p.rows } });

// -- oracle steps ----------------------------------------------------------------------------------------------------

/** pywinauto send_keys text: braces around its special characters, {SPACE} for spaces. */
function keysFor(text: string): string {
  return text.replace(/[+^%~(){}[\] ]/g, (c) => (c === ' ' ? '{SPACE}' : `{${c}}`));
}

/** Typing a reference into the Name Box and pressing Enter selects it. */
const selectRange = (range: string): OracleStep[] => [click('Name Box'), keys(`${range}{ENTER}`)];

/**
 * The arrow half of a split button (it carries the same name as the main half): focus the button, move to the
 * arrow with the Right key and press Enter, which opens its menu.
 */
const openSplit = (name: string): OracleStep => focusKeys(name, '{RIGHT}{ENTER}');

// -- formatting a range ---------------------------------------------------------------------------------------------

interface RangeFormatSpec<P extends TableParams> {
  id: string;
  difficulty: 'easy' | 'medium' | 'hard';
  sample(rng: Generator): P;
  template?(p: P): Record<string, unknown>;
  range(p: P): string;
  phrasings: readonly ((p: P) => string)[];
  refinedSteps(p: P): string[];
  oracle(p: P): OracleStep[];
  /** The style paths the task may change inside the range. */
  paths: readonly string[];
  /** What the task asks for, as a sub-score name. */
  goal(p: P): string;
  /** Whether a cell of the range has the asked format. */
  ok(p: P, cell: XCell | undefined): boolean;
  layoutExcept?: readonly LayoutPart[];
  /** The format shows on blank cells too (a fill, a border), so formatting beyond the range is never harmless. */
  showsOnBlank?: boolean;
}

/** A family that formats one range; the evaluator checks the range, then that nothing else changed. */
function rangeFormatFamily<P extends TableParams>(spec: RangeFormatSpec<P>): TaskFamily<P> {
  return {
    id: spec.id,
    app: 'excel',
    difficulty: spec.difficulty,
    sample: spec.sample,
    phrasings: spec.phrasings,
    template: spec.template ?? template,
    refinedSteps: spec.refinedSteps,
    oracle: spec.oracle,
    evaluate(p, evidence: EpisodeEvidence): Evaluation {
      const before = book(evidence.initial);
      const after = book(evidence.final);
      const range = spec.range(p);
      const inside = inRange(range);
      const sheet = sheetOf(after, p.sheet);
      const tolerant = spec.showsOnBlank !== true;
      const numberFormatOnly = spec.paths.every((x) => x === 'numFmt');
      // Users often format a whole row or column: that is harmless where it shows nothing (a blank cell, or a
      // number format on text), and wrong wherever the look of a cell changes.
      const allowed: Allowed = (s, addr, b, a) =>
        s === p.sheet &&
        (inside(addr) || (tolerant && (blankValue(a) || (numberFormatOnly && a?.text === b?.text))))
          ? spec.paths
          : [];
      return verdict(
        {
          [spec.goal(p)]: sheet !== undefined && addrsOf(range).every((a) => spec.ok(p, sheet.cells[a])),
          'cell values and formulas are unchanged': contentKept(before, after, () => false),
          [`no formatting outside ${range} changed`]: formatKept(before, after, allowed),
          'column widths, merges and frozen panes are unchanged': layoutKept(
            before,
            after,
            spec.layoutExcept ?? [],
            tolerant ? spec.paths : [],
          ),
        },
        `${spec.goal(p)}; nothing else changed`,
      );
    },
  };
}

const font = (c: XCell | undefined) => (c?.style?.font ?? {}) as Record<string, unknown>;
const alignment = (c: XCell | undefined) => (c?.style?.alignment ?? {}) as Record<string, unknown>;
const numFmt = (c: XCell | undefined) => (typeof c?.style?.numFmt === 'string' ? c.style.numFmt : 'General');

const currencyFormat = rangeFormatFamily<TableParams>({
  id: 'excel.currency-format',
  difficulty: 'easy',
  sample: sampleTable,
  range: (p) => columnRange(p, 'Price'),
  phrasings: [
    (p) => `Format the prices in ${columnRange(p, 'Price')} on the ${p.sheet} sheet as currency.`,
    (p) => `Apply the Currency number format to the Price column (${columnRange(p, 'Price')}).`,
    () => 'make the price column show dollar signs',
    () => 'How do I display the prices as money with a $ sign?',
  ],
  refinedSteps: (p) => [
    `1. Select the cells '${columnRange(p, 'Price')}'.`,
    '2. On the **Home** tab, in the **Number** group, select the **Number Format** box.',
    "3. Select 'Currency'.",
  ],
  oracle: (p) => [...selectRange(columnRange(p, 'Price')), click('Number Format'), click('Currency')],
  paths: ['numFmt'],
  goal: (p) => `${columnRange(p, 'Price')} has a currency format`,
  // Currency and Accounting are both "money" formats on Microsoft's help page.
  ok: (_p, c) => numFmt(c).includes('$'),
});

interface PercentParams extends TableParams {
  column: string;
}

const percentFormat = rangeFormatFamily<PercentParams>({
  id: 'excel.percent-format',
  difficulty: 'easy',
  sample(rng) {
    const n = 4 + rng.integers(4);
    const column = pick(rng, ['Discount', 'Growth', 'Share']);
    const rows: Rows = [
      ['Item', column],
      ...pickDistinct(rng, ITEMS, n).map((item) => [item, (1 + rng.integers(60)) / 100]),
    ];
    return { sheet: pick(rng, SHEETS), rows, column };
  },
  range: (p) => `B2:B${lastRow(p)}`,
  phrasings: [
    (p) => `Format B2:B${lastRow(p)} as percentages.`,
    (p) => `Show the ${p.column} values as a percent (Percent Style).`,
    (p) => `the ${p.column.toLowerCase()} column shows 0.15 instead of 15% - fix it`,
  ],
  refinedSteps: (p) => [
    `1. Select the cells 'B2:B${lastRow(p)}'.`,
    '2. On the **Home** tab, in the **Number** group, select **Percent Style**.',
  ],
  oracle: (p) => [...selectRange(`B2:B${lastRow(p)}`), click('Percent Style')],
  paths: ['numFmt'],
  goal: (p) => `B2:B${lastRow(p)} shows percentages`,
  ok: (_p, c) => numFmt(c).includes('%') && (c?.text ?? '').endsWith('%'),
});

interface DateParams extends TableParams {
  style: 'Short Date' | 'Long Date';
}

const MONTHS = /January|February|March|April|May|June|July|August|September|October|November|December/;

const dateFormat = rangeFormatFamily<DateParams>({
  id: 'excel.date-format',
  difficulty: 'easy',
  sample(rng) {
    const n = 4 + rng.integers(4);
    // Serial numbers of days in 2024, shown as plain numbers until a date format is applied.
    const rows: Rows = [
      ['Order', 'Date', 'Amount'],
      ...Array.from({ length: n }, (_, i) => [`SO-${1001 + i}`, 45292 + rng.integers(366), money(rng)]),
    ];
    return { sheet: pick(rng, SHEETS), rows, style: rng.integers(2) === 0 ? 'Short Date' : 'Long Date' };
  },
  range: (p) => `B2:B${lastRow(p)}`,
  phrasings: [
    (p) => `Apply the ${p.style} format to the dates in B2:B${lastRow(p)}.`,
    (p) =>
      `The Date column shows numbers like 45310. Format B2:B${lastRow(p)} as ${p.style === 'Long Date' ? 'long dates (weekday, month day, year)' : 'short dates (m/d/yyyy)'}.`,
    (p) =>
      `dates in column B look like numbers, make them ${p.style === 'Long Date' ? 'spell out the month' : 'look like 1/15/2024'}`,
  ],
  refinedSteps: (p) => [
    `1. Select the cells 'B2:B${lastRow(p)}'.`,
    '2. On the **Home** tab, in the **Number** group, select the **Number Format** box.',
    `3. Select '${p.style}'.`,
  ],
  oracle: (p) => [...selectRange(`B2:B${lastRow(p)}`), click('Number Format'), click(p.style)],
  paths: ['numFmt'],
  goal: (p) => `B2:B${lastRow(p)} is shown as ${p.style === 'Long Date' ? 'long' : 'short'} dates`,
  ok: (p, c) =>
    isDateTimeFormat(numFmt(c)) &&
    (p.style === 'Long Date'
      ? MONTHS.test(c?.text ?? '')
      : /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(c?.text ?? '')),
});

interface DecimalParams extends TableParams {
  decimals: number;
}

const decimalPlaces = rangeFormatFamily<DecimalParams>({
  id: 'excel.decimal-places',
  difficulty: 'medium',
  sample(rng) {
    return { ...sampleTable(rng), decimals: pick(rng, [0, 1, 3, 4]) };
  },
  template: (p) => ({
    sheets: { [p.sheet]: p.rows },
    styles: { [`${p.sheet}!${columnRange(p, 'Price')}`]: { numFmt: '0.00' } },
  }),
  range: (p) => columnRange(p, 'Price'),
  phrasings: [
    (p) =>
      `Show the prices in ${columnRange(p, 'Price')} with ${p.decimals} decimal place${p.decimals === 1 ? '' : 's'}.`,
    (p) =>
      p.decimals === 0
        ? 'Round the displayed prices to whole numbers (no decimals), without changing the values.'
        : `Change the number of decimal places shown in the Price column to ${p.decimals}.`,
    (p) => `prices should display ${p.decimals} digit${p.decimals === 1 ? '' : 's'} after the point`,
  ],
  refinedSteps: (p) => {
    const button = p.decimals > 2 ? 'Increase Decimal' : 'Decrease Decimal';
    const times = Math.abs(p.decimals - 2);
    return [
      `1. Select the cells '${columnRange(p, 'Price')}'.`,
      `2. On the **Home** tab, in the **Number** group, select **${button}** ${times === 1 ? 'once' : `${times} times`}.`,
    ];
  },
  oracle: (p) => [
    ...selectRange(columnRange(p, 'Price')),
    ...Array.from({ length: Math.abs(p.decimals - 2) }, () =>
      click(p.decimals > 2 ? 'Increase Decimal' : 'Decrease Decimal'),
    ),
  ],
  paths: ['numFmt'],
  goal: (p) => `the prices show ${p.decimals} decimal places`,
  ok: (p, c) =>
    new RegExp(p.decimals === 0 ? '^-?[\\d,]+$' : `^-?[\\d,]*\\.\\d{${p.decimals}}$`).test(c?.text ?? ''),
});

const boldHeader = rangeFormatFamily<TableParams>({
  id: 'excel.bold-header',
  difficulty: 'easy',
  sample: sampleTable,
  range: headerRange,
  phrasings: [
    (p) => `Make the header row ${headerRange(p)} bold.`,
    (p) => `Bold the column headings (Item, Region, Units, Price) on the ${p.sheet} sheet.`,
    () => 'put the titles of the columns in bold',
  ],
  refinedSteps: (p) => [
    `1. Select the cells '${headerRange(p)}'.`,
    '2. On the **Home** tab, in the **Font** group, select **Bold**.',
  ],
  oracle: (p) => [...selectRange(headerRange(p)), click('Bold')],
  paths: ['font.bold'],
  goal: (p) => `${headerRange(p)} is bold`,
  ok: (_p, c) => font(c).bold === true,
});

const COLORS: Readonly<Record<string, string>> = {
  Red: '#FF0000',
  'Dark Red': '#C00000',
  Blue: '#0070C0',
  Green: '#00B050',
  Purple: '#7030A0',
  Orange: '#FFC000',
  Yellow: '#FFFF00',
  'Light Green': '#92D050',
  'Light Blue': '#00B0F0',
};

interface ColorParams extends TableParams {
  color: string;
}

const fontColor = rangeFormatFamily<ColorParams>({
  id: 'excel.font-color',
  difficulty: 'medium',
  sample: (rng) => ({
    ...sampleTable(rng),
    color: pick(rng, ['Red', 'Dark Red', 'Blue', 'Green', 'Purple']),
  }),
  range: (p) => columnRange(p, 'Units'),
  phrasings: [
    (p) => `Change the font color of ${columnRange(p, 'Units')} to ${p.color}.`,
    (p) => `Make the numbers in the Units column ${p.color.toLowerCase()}.`,
    (p) => `color the units text ${p.color.toLowerCase()}`,
  ],
  refinedSteps: (p) => [
    `1. Select the cells '${columnRange(p, 'Units')}'.`,
    '2. On the **Home** tab, in the **Font** group, select the arrow next to **Font Color**.',
    `3. Under **Standard Colors**, select '${p.color}'.`,
  ],
  oracle: (p) => [...selectRange(columnRange(p, 'Units')), openSplit('Font Color'), click(p.color)],
  paths: ['font.color'],
  goal: (p) => `${columnRange(p, 'Units')} has ${p.color} text`,
  ok: (p, c) => String(font(c).color ?? '').toUpperCase() === COLORS[p.color],
});

const fillColor = rangeFormatFamily<ColorParams>({
  id: 'excel.fill-color',
  difficulty: 'medium',
  sample: (rng) => ({
    ...sampleTable(rng),
    color: pick(rng, ['Yellow', 'Light Green', 'Light Blue', 'Orange']),
  }),
  range: headerRange,
  phrasings: [
    (p) => `Fill the header cells ${headerRange(p)} with ${p.color}.`,
    (p) => `Give the heading row a ${p.color.toLowerCase()} background (Fill Color).`,
    (p) => `shade the top row ${p.color.toLowerCase()}`,
  ],
  refinedSteps: (p) => [
    `1. Select the cells '${headerRange(p)}'.`,
    '2. On the **Home** tab, in the **Font** group, select the arrow next to **Fill Color**.',
    `3. Under **Standard Colors**, select '${p.color}'.`,
  ],
  oracle: (p) => [...selectRange(headerRange(p)), openSplit('Fill Color'), click(p.color)],
  paths: ['fill'],
  goal: (p) => `${headerRange(p)} is filled ${p.color}`,
  ok: (p, c) => String(c?.style?.fill ?? '').toUpperCase() === COLORS[p.color],
  showsOnBlank: true,
});

const allBorders = rangeFormatFamily<TableParams>({
  id: 'excel.all-borders',
  difficulty: 'medium',
  sample: sampleTable,
  range: tableRange,
  phrasings: [
    (p) => `Add all borders to the table ${tableRange(p)}.`,
    (p) => `Put a border around every cell of ${tableRange(p)} on the ${p.sheet} sheet.`,
    () => 'draw grid lines around each cell of the table so they show when printed',
  ],
  refinedSteps: (p) => [
    `1. Select the cells '${tableRange(p)}'.`,
    '2. On the **Home** tab, in the **Font** group, select the arrow next to **Borders**.',
    '3. Select **All Borders**.',
  ],
  oracle: (p) => [...selectRange(tableRange(p)), openSplit('Borders'), click('All Borders')],
  paths: ['border'],
  goal: (p) => `every cell of ${tableRange(p)} has a border on all four sides`,
  ok: (_p, c) => {
    const b = (c?.style?.border ?? {}) as Record<string, unknown>;
    return ['top', 'bottom', 'left', 'right'].every((side) => b[side] !== undefined);
  },
  showsOnBlank: true,
});

interface AlignParams extends TableParams {
  header: string;
  align: 'Center' | 'Align Right' | 'Align Left';
}

const ALIGN_VALUE = { Center: 'center', 'Align Right': 'right', 'Align Left': 'left' } as const;
const ALIGN_WORD = {
  Center: 'centered',
  'Align Right': 'right-aligned',
  'Align Left': 'left-aligned',
} as const;

const alignCells = rangeFormatFamily<AlignParams>({
  id: 'excel.align-cells',
  difficulty: 'easy',
  sample(rng) {
    const t = sampleTable(rng);
    const header = pick(rng, ['Item', 'Region']);
    // Text sits left by default, so the asked alignment always changes something.
    return { ...t, header, align: rng.integers(2) === 0 ? 'Center' : 'Align Right' };
  },
  range: (p) => columnRange(p, p.header),
  phrasings: [
    (p) => `Make the cells ${columnRange(p, p.header)} ${ALIGN_WORD[p.align]}.`,
    (p) =>
      `Align the ${p.header} column's entries ${p.align === 'Center' ? 'to the center' : 'to the right'}.`,
    (p) => `${p.align === 'Center' ? 'center' : 'right align'} the ${p.header.toLowerCase()} names`,
  ],
  refinedSteps: (p) => [
    `1. Select the cells '${columnRange(p, p.header)}'.`,
    `2. On the **Home** tab, in the **Alignment** group, select **${p.align}**.`,
  ],
  oracle: (p) => [...selectRange(columnRange(p, p.header)), click(p.align)],
  paths: ['alignment.horizontal'],
  goal: (p) => `${columnRange(p, p.header)} is ${ALIGN_WORD[p.align]}`,
  ok: (p, c) => alignment(c).horizontal === ALIGN_VALUE[p.align],
});

const NOTES = [
  'Reorder when stock falls below twenty units',
  'Supplier changed in March; check the new price list',
  'Discontinued after this quarter, sell remaining stock',
  'Bulk discount applies above one hundred units',
  'Delivered late twice, follow up with the warehouse',
  'Popular with the marketing team, keep in stock',
  'Price includes shipping to all regional offices',
];

const wrapText = rangeFormatFamily<TableParams>({
  id: 'excel.wrap-text',
  difficulty: 'easy',
  sample(rng) {
    const n = 3 + rng.integers(4);
    const notes = pickDistinct(rng, NOTES, n);
    const rows: Rows = [
      ['Item', 'Units', 'Notes'],
      ...pickDistinct(rng, ITEMS, n).map((item, i) => [item, 5 + rng.integers(196), notes[i]!]),
    ];
    return { sheet: pick(rng, SHEETS), rows };
  },
  range: (p) => `C2:C${lastRow(p)}`,
  phrasings: [
    (p) => `Turn on Wrap Text for the notes in C2:C${lastRow(p)}.`,
    () => 'Wrap the text in the Notes column so each note shows on several lines inside its cell.',
    () => 'the notes run off into the next columns, make them fit inside the cells',
  ],
  refinedSteps: (p) => [
    `1. Select the cells 'C2:C${lastRow(p)}'.`,
    '2. On the **Home** tab, in the **Alignment** group, select **Wrap Text**.',
  ],
  oracle: (p) => [...selectRange(`C2:C${lastRow(p)}`), click('Wrap Text')],
  paths: ['alignment.wrapText'],
  goal: (p) => `C2:C${lastRow(p)} wraps its text`,
  ok: (_p, c) => alignment(c).wrapText === true,
  // Excel grows the rows of wrapped text to fit.
  layoutExcept: ['rows'],
});

// -- merge, structure, layout -------------------------------------------------------------------------------------

interface TitledParams extends TableParams {
  title: string;
}

/** A table under a title row: title in A1, a blank row, then the table from row 3. */
function sampleTitled(rng: Generator): TitledParams {
  const t = sampleTable(rng);
  const title = `${pick(rng, ['Quarterly', 'Monthly', 'Regional', 'Annual'])} ${pick(rng, ['Sales', 'Orders', 'Supply'])} Report`;
  return { ...t, title, rows: [[title], [], ...t.rows] };
}

const mergeCenter: TaskFamily<TitledParams> = {
  id: 'excel.merge-center',
  app: 'excel',
  difficulty: 'easy',
  sample: sampleTitled,
  phrasings: [
    (p) => `Merge and center the title '${p.title}' across A1:D1.`,
    () => 'Center the title in A1 over the four table columns using Merge & Center.',
    (p) => `make '${p.title}' sit in the middle above the table`,
  ],
  template,
  refinedSteps: () => [
    "1. Select the cells 'A1:D1'.",
    '2. On the **Home** tab, in the **Alignment** group, select **Merge & Center**.',
  ],
  oracle: () => [...selectRange('A1:D1'), click('Merge & Center')],
  evaluate(p, evidence) {
    const before = book(evidence.initial);
    const after = book(evidence.final);
    const sheet = sheetOf(after, p.sheet);
    const title = inRange('A1:D1');
    return verdict(
      {
        'A1:D1 is merged': sheet !== undefined && sheet.merges.includes('A1:D1'),
        'the title is centered': alignment(sheet?.cells.A1).horizontal === 'center',
        'no other cells are merged': canon(sheet?.merges) === canon(['A1:D1']),
        'cell values and formulas are unchanged': contentKept(before, after, () => false),
        'no formatting outside the title changed': formatKept(before, after, (s, a) =>
          s === p.sheet && title(a) ? ['alignment.horizontal'] : [],
        ),
        'column widths and frozen panes are unchanged': layoutKept(before, after, ['merges']),
      },
      `'${p.title}' is merged and centered across A1:D1`,
    );
  },
};

/** The cells of a sheet moved by `move` (null: the cell is gone), for insert/delete checks. */
function moved(sheet: XSheet, move: (row: number, col: number) => [number, number] | null) {
  const out: Record<string, XCell> = {};
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    const r = parseRect(addr)!;
    const to = move(r.r1, r.c1);
    if (to !== null) out[toA1(to[0], to[1])] = cell;
  }
  return out;
}

/** Cells of `after` match `expected` in value, formula and formatting (blank unformatted cells ignored). */
function cellsMatch(
  expected: Record<string, XCell>,
  actual: Record<string, XCell>,
  skip: (addr: string) => boolean,
): boolean {
  for (const addr of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    if (skip(addr)) continue;
    const e = expected[addr];
    const a = actual[addr];
    if (canon(blankValue(e) ? null : e?.value) !== canon(blankValue(a) ? null : a?.value)) return false;
    if (e?.formula !== a?.formula || canon(e?.style) !== canon(a?.style)) return false;
  }
  return true;
}

function otherSheetsKept(before: XBook, after: XBook, sheet: string): boolean {
  return before.sheets
    .filter((s) => s.name !== sheet)
    .every((s) => canon(s) === canon(sheetOf(after, s.name)));
}

interface RowParams extends TableParams {
  item: string;
  /** The row of `item`, above which the blank row goes. */
  row: number;
}

const insertRow: TaskFamily<RowParams> = {
  id: 'excel.insert-row',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng);
    const row = 2 + rng.integers(t.rows.length - 1);
    return { ...t, row, item: String(t.rows[row - 1]![0]) };
  },
  phrasings: [
    (p) => `Insert a blank row above row ${p.row} (the ${p.item} row).`,
    (p) => `Add a new empty row above '${p.item}' in the table.`,
    (p) => `I need space for one more line before ${p.item}, push the rest down`,
  ],
  template,
  refinedSteps: (p) => [
    `1. Select a cell in row ${p.row}, such as 'A${p.row}'.`,
    '2. On the **Home** tab, in the **Cells** group, select the arrow next to **Insert**.',
    '3. Select **Insert Sheet Rows**.',
  ],
  // The Insert tab shares the button's name, so reach the Insert arrow from the Delete button beside it.
  oracle: (p) => [click(`A${p.row}`), focusKeys('Delete', '{LEFT}{ENTER}'), click('Insert Sheet Rows')],
  evaluate(p, evidence) {
    const before = book(evidence.initial);
    const after = book(evidence.final);
    const b = sheetOf(before, p.sheet);
    const a = sheetOf(after, p.sheet);
    if (b === undefined || a === undefined) return verdict({ [`the ${p.sheet} sheet exists`]: false }, '');
    const expected = moved(b, (r, c) => [r >= p.row ? r + 1 : r, c]);
    const newRow = (addr: string) => parseRect(addr)!.r1 === p.row;
    return verdict(
      {
        [`row ${p.row} is blank`]: Object.entries(a.cells).every(
          ([addr, cell]) => !newRow(addr) || blankValue(cell),
        ),
        [`the ${p.item} row and the rows below moved down by one`]: cellsMatch(expected, a.cells, newRow),
        'other sheets are unchanged': otherSheetsKept(before, after, p.sheet),
        'column widths, merges and frozen panes are unchanged': layoutKept(before, after, ['rows']),
      },
      `a blank row was inserted above ${p.item}`,
    );
  },
};

interface ColumnParams extends TableParams {
  header: string;
}

const deleteColumn: TaskFamily<ColumnParams> = {
  id: 'excel.delete-column',
  app: 'excel',
  difficulty: 'medium',
  sample: (rng) => ({ ...sampleTable(rng), header: pick(rng, ['Region', 'Units', 'Price']) }),
  phrasings: [
    (p) => `Delete column ${COL[p.header]} (${p.header}) from the sheet.`,
    (p) => `Remove the ${p.header} column entirely; the columns to its right should shift left.`,
    (p) => `get rid of the ${p.header.toLowerCase()} column, we don't need it`,
  ],
  template,
  refinedSteps: (p) => [
    `1. Select a cell in column ${COL[p.header]}, such as '${COL[p.header]}1'.`,
    '2. On the **Home** tab, in the **Cells** group, select the arrow next to **Delete**.',
    '3. Select **Delete Sheet Columns**.',
  ],
  oracle: (p) => [click(`${COL[p.header]}1`), openSplit('Delete'), click('Delete Sheet Columns')],
  evaluate(p, evidence) {
    const before = book(evidence.initial);
    const after = book(evidence.final);
    const b = sheetOf(before, p.sheet);
    const a = sheetOf(after, p.sheet);
    if (b === undefined || a === undefined) return verdict({ [`the ${p.sheet} sheet exists`]: false }, '');
    const gone = HEADER.indexOf(p.header) + 1;
    const expected = moved(b, (r, c) => (c === gone ? null : [r, c > gone ? c - 1 : c]));
    const headers = Object.entries(a.cells)
      .filter(([addr]) => parseRect(addr)!.r1 === 1)
      .map(([, c]) => c.value);
    return verdict(
      {
        [`the ${p.header} column is gone`]: !headers.includes(p.header),
        'the other columns shifted left, intact': cellsMatch(expected, a.cells, () => false),
        'other sheets are unchanged': otherSheetsKept(before, after, p.sheet),
        'row heights, merges and frozen panes are unchanged': layoutKept(before, after, ['cols']),
      },
      `the ${p.header} column was deleted`,
    );
  },
};

interface FreezeParams extends TableParams {
  what: 'Freeze Top Row' | 'Freeze First Column';
}

const freeze: TaskFamily<FreezeParams> = {
  id: 'excel.freeze-panes',
  app: 'excel',
  difficulty: 'easy',
  sample: (rng) => ({
    ...sampleTable(rng),
    what: rng.integers(2) === 0 ? 'Freeze Top Row' : 'Freeze First Column',
  }),
  phrasings: [
    (p) =>
      `${p.what === 'Freeze Top Row' ? 'Freeze the top row' : 'Freeze the first column'} of the ${p.sheet} sheet.`,
    (p) =>
      p.what === 'Freeze Top Row'
        ? 'Keep the header row visible while scrolling down.'
        : 'Keep column A visible while scrolling to the right.',
    (p) =>
      p.what === 'Freeze Top Row'
        ? 'lock the headings at the top so they stay when I scroll'
        : 'lock the item names on the left so they stay put when I scroll sideways',
  ],
  template,
  refinedSteps: (p) => [
    '1. Select the **View** tab.',
    '2. In the **Window** group, select **Freeze Panes**.',
    `3. Select **${p.what}**.`,
  ],
  oracle: (p) => [click('View'), click('Freeze Panes'), click(p.what)],
  evaluate(p, evidence) {
    const before = book(evidence.initial);
    const after = book(evidence.final);
    const want = p.what === 'Freeze Top Row' ? { rows: 1, cols: 0 } : { rows: 0, cols: 1 };
    const got = sheetOf(after, p.sheet)?.freeze ?? null;
    return verdict(
      {
        [p.what === 'Freeze Top Row'
          ? 'exactly the top row is frozen'
          : 'exactly the first column is frozen']:
          got !== null && got.rows === want.rows && got.cols === want.cols,
        'cell values and formulas are unchanged': contentKept(before, after, () => false),
        'cell formatting is unchanged': formatKept(before, after, nothing),
        'column widths and merges are unchanged': layoutKept(before, after, ['freeze']),
      },
      `${p.what} applied`,
    );
  },
};

interface WidthParams extends TableParams {
  column: string;
  width: number;
}

const columnWidth: TaskFamily<WidthParams> = {
  id: 'excel.column-width',
  app: 'excel',
  difficulty: 'medium',
  sample: (rng) => ({
    ...sampleTable(rng),
    column: pick(rng, ['A', 'B', 'C', 'D']),
    width: pick(rng, [12, 15, 18, 20, 25, 30]),
  }),
  phrasings: [
    (p) => `Set the width of column ${p.column} to ${p.width}.`,
    (p) => `Change column ${p.column}'s width to exactly ${p.width} characters.`,
    (p) => `make column ${p.column} wider, ${p.width} wide`,
  ],
  template,
  refinedSteps: (p) => [
    `1. Select a cell in column ${p.column}, such as '${p.column}1'.`,
    '2. On the **Home** tab, in the **Cells** group, select **Format**.',
    '3. Under **Cell Size**, select **Column Width**.',
    `4. In the **Column width** box, type '${p.width}'.`,
    '5. Select **OK**.',
  ],
  oracle: (p) => [
    click(`${p.column}1`),
    click('Format'),
    click('Column Width...'),
    setText('Column width:', String(p.width)),
    click('OK'),
  ],
  evaluate(p, evidence) {
    const before = book(evidence.initial);
    const after = book(evidence.final);
    const cols = sheetOf(after, p.sheet)?.cols ?? {};
    const others = (c: XSheet | undefined) =>
      Object.fromEntries(Object.entries(c?.cols ?? {}).filter(([k]) => k !== p.column));
    return verdict(
      {
        [`column ${p.column} is ${p.width} wide`]: Math.abs((cols[p.column]?.width ?? -1) - p.width) < 0.2,
        'other columns keep their widths': before.sheets.every((bs) =>
          bs.name === p.sheet
            ? canon(others(bs)) === canon(others(sheetOf(after, bs.name)))
            : canon(bs.cols) === canon(sheetOf(after, bs.name)?.cols),
        ),
        'cell values and formulas are unchanged': contentKept(before, after, () => false),
        'cell formatting is unchanged': formatKept(before, after, nothing),
        'row heights, merges and frozen panes are unchanged': layoutKept(before, after, ['cols']),
      },
      `column ${p.column} is ${p.width} wide`,
    );
  },
};

const LONG_ITEMS = [
  'Blue ballpoint pens (box of 50)',
  'A4 ruled notebooks, pack of 10',
  'Heavy-duty staplers with staples',
  'Recycled paper folders, assorted',
  'Whiteboard markers in four colours',
  'Clear packing tape, 48 mm rolls',
  'Ring binders with index tabs',
  'Self-seal envelopes, C5 size',
];

const autofitColumn: TaskFamily<TableParams> = {
  id: 'excel.autofit-column',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    const n = 3 + rng.integers(4);
    const rows: Rows = [
      ['Description', 'Units', 'Price'],
      ...pickDistinct(rng, LONG_ITEMS, n).map((d) => [d, 5 + rng.integers(196), money(rng)]),
    ];
    return { sheet: pick(rng, SHEETS), rows };
  },
  phrasings: [
    () => 'AutoFit the width of column A to its contents.',
    () => 'Make column A exactly wide enough to show the full descriptions.',
    () => 'the descriptions are cut off by the Units column, fix the column width',
  ],
  template,
  refinedSteps: (p) => [
    `1. Select the cells 'A1:A${lastRow(p)}'.`,
    '2. On the **Home** tab, in the **Cells** group, select **Format**.',
    '3. Under **Cell Size**, select **AutoFit Column Width**.',
  ],
  oracle: (p) => [...selectRange(`A1:A${lastRow(p)}`), click('Format'), click('AutoFit Column Width')],
  evaluate(p, evidence) {
    const before = book(evidence.initial);
    const after = book(evidence.final);
    const longest = Math.max(...p.rows.map((r) => String(r[0] ?? '').length));
    const width = sheetOf(after, p.sheet)?.cols.A?.width ?? 8.43;
    const others = (c: XSheet | undefined) =>
      Object.fromEntries(Object.entries(c?.cols ?? {}).filter(([k]) => k !== 'A'));
    return verdict(
      {
        // Characters of the default font: the longest entry has to fit, with the cell's padding.
        'column A is wide enough for its longest entry': width >= longest && width <= longest + 12,
        'other columns keep their widths':
          canon(others(sheetOf(before, p.sheet))) === canon(others(sheetOf(after, p.sheet))),
        'cell values and formulas are unchanged': contentKept(before, after, () => false),
        'cell formatting is unchanged': formatKept(before, after, nothing),
        'row heights, merges and frozen panes are unchanged': layoutKept(before, after, ['cols']),
      },
      'column A fits its contents',
    );
  },
};

interface RenameParams extends Record<string, unknown> {
  sheets: string[];
  /** The sheet to rename, and its new name. */
  from: string;
  to: string;
  rows: Rows;
}

const renameSheet: TaskFamily<RenameParams> = {
  id: 'excel.rename-sheet',
  app: 'excel',
  difficulty: 'medium',
  sample(rng) {
    const sheets = rng.integers(2) === 0 ? ['Sheet1', 'Sheet2'] : ['Sheet1', 'Sheet2', 'Sheet3'];
    const from = pick(rng, sheets);
    const to = pick(rng, ['Budget', 'Q3 Results', 'Expenses 2024', 'Summary', 'Contacts', 'Sales Data']);
    const t = sampleTable(rng);
    return { sheets, from, to, rows: t.rows };
  },
  phrasings: [
    (p) => `Rename the worksheet '${p.from}' to '${p.to}'.`,
    (p) => `Change the name of the ${p.from} tab to ${p.to}.`,
    (p) => `call the ${p.from} sheet "${p.to}" instead`,
  ],
  // The table lives on the first sheet, so renaming it must keep its cells.
  template: (p) => ({ sheets: Object.fromEntries(p.sheets.map((s, i) => [s, i === 0 ? p.rows : []])) }),
  refinedSteps: (p) => [`1. Double-click the sheet tab '${p.from}'.`, `2. Type '${p.to}' and press Enter.`],
  oracle: (p) => [
    { function: 'click_input', control_text: p.from, args: { button: 'left', double: true } },
    keys(`${keysFor(p.to)}{ENTER}`),
  ],
  evaluate(p, evidence) {
    const before = book(evidence.initial);
    const after = book(evidence.final);
    const want = before.sheets.map((s) => (s.name === p.from ? p.to : s.name));
    const renamed: XBook = {
      sheets: after.sheets.map((s) => (s.name === p.to ? { ...s, name: p.from } : s)),
    };
    return verdict(
      {
        [`the sheet '${p.from}' is named '${p.to}'`]: canon(after.sheets.map((s) => s.name)) === canon(want),
        'cell values and formulas are unchanged': contentKept(before, renamed, () => false),
        'cell formatting is unchanged': formatKept(before, renamed, nothing),
        'column widths, merges and frozen panes are unchanged': layoutKept(before, renamed),
      },
      `'${p.from}' was renamed '${p.to}'`,
    );
  },
};

// -- formulas ---------------------------------------------------------------------------------------------------

interface FormulaParams extends TableParams, FormulaExtra {}

interface FormulaExtra {
  /** The cell the formula goes into. */
  target: string;
  /** A formula that gives the answer (the oracle types it). */
  formula: string;
  expected: number | string;
  /** Extra cells the template holds (labels, the lookup key), as [addr, value]. */
  extra: [string, Scalar][];
  /** A help text detail per family: the item, region or threshold asked about. */
  subject: string;
}

interface FormulaSpec {
  id: string;
  difficulty: 'easy' | 'medium' | 'hard';
  fn: string;
  sample(rng: Generator, t: TableParams): FormulaExtra;
  phrasings: readonly ((p: FormulaParams) => string)[];
  /** Functions that count as doing what was asked (null: any formula computing the value). */
  accept: RegExp | null;
}

function withExtra(p: FormulaParams): Rows {
  const rows = p.rows.map((r) => [...r]);
  for (const [addr, v] of p.extra) {
    const r = parseRect(addr)!;
    while (rows.length < r.r1) rows.push([]);
    const row = rows[r.r1 - 1]!;
    while (row.length < r.c1) row.push(null);
    row[r.c1 - 1] = v;
  }
  return rows;
}

function sameValue(a: unknown, b: number | string): boolean {
  if (typeof b === 'number')
    return typeof a === 'number' && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  return typeof a === 'string' && a.trim().toLowerCase() === b.toLowerCase();
}

function formulaFamily(spec: FormulaSpec): TaskFamily<FormulaParams> {
  return {
    id: spec.id,
    app: 'excel',
    difficulty: spec.difficulty,
    sample(rng) {
      const t = sampleTable(rng);
      return { ...t, ...spec.sample(rng, t) };
    },
    phrasings: spec.phrasings,
    template: (p) => ({ sheets: { [p.sheet]: withExtra(p) } }),
    refinedSteps: (p) => [`1. Select cell '${p.target}'.`, `2. Type '${p.formula}' and press Enter.`],
    oracle: (p) => [click(p.target), keys(`${keysFor(p.formula)}{ENTER}`)],
    evaluate(p, evidence) {
      const before = book(evidence.initial);
      const after = book(evidence.final);
      const cell = sheetOf(after, p.sheet)?.cells[p.target];
      const formula = cell?.formula ?? '';
      const target = (s: string, a: string) => s === p.sheet && a === p.target;
      const checks: Record<string, boolean> = {
        [`${p.target} holds a formula`]: formula.startsWith('=') && /\$?[A-Z]{1,3}\$?\d+/.test(formula),
        [`${p.target} shows ${p.expected}`]: sameValue(cell?.value, p.expected),
      };
      if (spec.accept !== null)
        checks[`the formula uses ${spec.fn}`] = spec.accept.test(formula.toUpperCase());
      checks['no other cell changed'] = contentKept(before, after, target);
      // Excel may give the formula cell a number format of its own (a currency sum, a date).
      checks['no other cell formatting changed'] = formatKept(before, after, (s, a) =>
        target(s, a) ? ['*'] : [],
      );
      checks['column widths, merges and frozen panes are unchanged'] = layoutKept(before, after);
      return verdict(checks, `${p.target} computes ${p.expected} with a formula`);
    },
  };
}

const round2 = (n: number) => Math.round(n * 1e6) / 1e6;

const sumFormula = formulaFamily({
  id: 'excel.sum-formula',
  difficulty: 'easy',
  fn: 'SUM',
  accept: null,
  sample(_rng, t) {
    const n = t.rows.length;
    const target = `C${n + 1}`;
    return {
      target,
      formula: `=SUM(C2:C${n})`,
      expected: numbers(t, 'Units').reduce((a, b) => a + b, 0),
      extra: [[`A${n + 1}`, 'Total']],
      subject: 'Units',
    };
  },
  phrasings: [
    (p) => `In ${p.target}, enter a SUM formula that adds up the Units column (C2:C${p.rows.length}).`,
    (p) => `Put the total number of units in cell ${p.target} next to the 'Total' label, using a formula.`,
    (p) => `add up all the units in ${p.target} so it updates when numbers change`,
  ],
});

const averageFormula = formulaFamily({
  id: 'excel.average-formula',
  difficulty: 'easy',
  fn: 'AVERAGE',
  accept: /AVERAGE|SUM/,
  sample(_rng, t) {
    const n = t.rows.length;
    const prices = numbers(t, 'Price');
    return {
      target: `D${n + 1}`,
      formula: `=AVERAGE(D2:D${n})`,
      expected: round2(prices.reduce((a, b) => a + b, 0) / prices.length),
      extra: [[`A${n + 1}`, 'Average']],
      subject: 'Price',
    };
  },
  phrasings: [
    (p) => `In ${p.target}, use the AVERAGE function to calculate the average price of D2:D${p.rows.length}.`,
    (p) => `Calculate the mean price in cell ${p.target} with a formula.`,
    (p) => `what's the average price? put it in ${p.target} as a formula`,
  ],
});

const maxFormula = formulaFamily({
  id: 'excel.max-formula',
  difficulty: 'easy',
  fn: 'MAX',
  accept: /MAX|LARGE/,
  sample(_rng, t) {
    const n = t.rows.length;
    return {
      target: `C${n + 1}`,
      formula: `=MAX(C2:C${n})`,
      expected: Math.max(...numbers(t, 'Units')),
      extra: [[`A${n + 1}`, 'Highest']],
      subject: 'Units',
    };
  },
  phrasings: [
    (p) => `Enter a MAX formula in ${p.target} that returns the largest value in C2:C${p.rows.length}.`,
    (p) => `Show the highest number of units in ${p.target}, calculated by a formula.`,
    (p) => `find the biggest units figure with a function in ${p.target}`,
  ],
});

const ifFormula = formulaFamily({
  id: 'excel.if-formula',
  difficulty: 'medium',
  fn: 'IF',
  accept: /\bIF\(|IFS\(/,
  sample(rng, t) {
    const row = 2 + rng.integers(t.rows.length - 1);
    const threshold = pick(rng, [50, 75, 100, 150]);
    const units = t.rows[row - 1]![2] as number;
    return {
      target: `E${row}`,
      formula: `=IF(C${row}>=${threshold},"Reorder","OK")`,
      expected: units >= threshold ? 'Reorder' : 'OK',
      extra: [['E1', 'Status']],
      subject: String(threshold),
    };
  },
  phrasings: [
    (p) =>
      `In ${p.target}, write an IF formula that shows "Reorder" when C${p.target.slice(1)} is ${p.subject} or more, otherwise "OK".`,
    (p) =>
      `Use IF in the Status column (${p.target}) to flag the row: "Reorder" if its units are at least ${p.subject}, else "OK".`,
    (p) => `${p.target} should say Reorder if units >= ${p.subject}, OK otherwise - use a formula`,
  ],
});

const countifFormula = formulaFamily({
  id: 'excel.countif-formula',
  difficulty: 'medium',
  fn: 'COUNTIF',
  accept: /COUNT|SUMPRODUCT|SUM\(/,
  sample(rng, t) {
    const region = pick(rng, REGIONS);
    const n = t.rows.length;
    return {
      target: 'G1',
      formula: `=COUNTIF(B2:B${n},"${region}")`,
      expected: t.rows.slice(1).filter((r) => r[1] === region).length,
      extra: [['F1', `${region} orders`]],
      subject: region,
    };
  },
  phrasings: [
    (p) => `In ${p.target}, use COUNTIF to count how many rows of B2:B${p.rows.length} are "${p.subject}".`,
    (p) => `Count the ${p.subject} orders in cell ${p.target} with a formula.`,
    (p) => `how many rows are in the ${p.subject} region? formula in ${p.target} please`,
  ],
});

const vlookupFormula = formulaFamily({
  id: 'excel.vlookup-formula',
  difficulty: 'hard',
  fn: 'VLOOKUP',
  // A lookup: VLOOKUP, XLOOKUP, LOOKUP or INDEX/MATCH all find the row by the item's name.
  accept: /VLOOKUP|XLOOKUP|\bLOOKUP\(|INDEX\(/,
  sample(rng, t) {
    const row = 2 + rng.integers(t.rows.length - 1);
    const item = String(t.rows[row - 1]![0]);
    return {
      target: 'G2',
      formula: `=VLOOKUP(F2,A2:D${t.rows.length},4,FALSE)`,
      expected: t.rows[row - 1]![3] as number,
      extra: [
        ['F1', 'Item'],
        ['G1', 'Price'],
        ['F2', item],
      ],
      subject: item,
    };
  },
  phrasings: [
    (p) =>
      `In G2, use VLOOKUP to find the price of the item in F2 (${p.subject}) from the table A1:D${p.rows.length}.`,
    (p) =>
      `Look up the Price of '${p.subject}' into G2 with a VLOOKUP formula that reads the item name from F2.`,
    () => 'G2 should pull the price for whatever item is typed in F2 - set up the lookup',
  ],
});

// -- questions --------------------------------------------------------------------------------------------------

interface QuestionParams extends TableParams {
  header: string;
  answer: number;
}

/** The numbers an answer states ("$1,234.50" reads as 1234.5); cell references ("D2:D7") are not numbers. */
function numbersIn(text: string): number[] {
  const plain = text.replace(/\$?\b[A-Za-z]{1,3}\$?\d+\b/g, ' ');
  return [...plain.matchAll(/-?\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
}

function questionFamily(
  id: string,
  compute: (xs: number[]) => number,
  phrasings: readonly ((p: QuestionParams) => string)[],
  refined: (p: QuestionParams) => string[],
): TaskFamily<QuestionParams> {
  return {
    id,
    app: 'excel',
    difficulty: 'easy',
    sample(rng) {
      const t = sampleTable(rng);
      const header = pick(rng, ['Units', 'Price']);
      return { ...t, header, answer: round2(compute(numbers(t, header))) };
    },
    phrasings,
    template,
    refinedSteps: refined,
    oracle: (p) => [summary(`The answer is ${p.answer}.`)],
    evaluate(p, evidence) {
      const before = book(evidence.initial);
      const after = book(evidence.final);
      const answered = evidence.answers.some((a) => numbersIn(a).some((n) => Math.abs(n - p.answer) < 0.006));
      return verdict(
        {
          [`the answer says ${p.answer}`]: answered,
          'the workbook is unchanged':
            contentKept(before, after, () => false) &&
            formatKept(before, after, nothing) &&
            layoutKept(before, after),
        },
        `answered ${p.answer}`,
      );
    },
  };
}

const totalQuestion = questionFamily(
  'excel.column-total-question',
  (xs) => xs.reduce((a, b) => a + b, 0),
  [
    (p) =>
      `What is the total of the ${p.header} column (${columnRange(p, p.header)}) on the ${p.sheet} sheet?`,
    (p) => `Add up the ${p.header} values and tell me the sum.`,
    (p) => `whats the ${p.header.toLowerCase()} total?`,
  ],
  (p) => [`1. Select the cells '${columnRange(p, p.header)}'.`, '2. Read the **Sum** on the status bar.'],
);

const maxQuestion = questionFamily(
  'excel.column-max-question',
  (xs) => Math.max(...xs),
  [
    (p) => `What is the largest value in the ${p.header} column (${columnRange(p, p.header)})?`,
    (p) => `Find the maximum ${p.header} in the table and report it.`,
    (p) => `which is the highest ${p.header.toLowerCase()} in the list? just tell me the number`,
  ],
  (p) => [
    `1. Select the cells '${columnRange(p, p.header)}'.`,
    '2. Compare the selected values and note the largest one.',
  ],
);

// -- infeasible --------------------------------------------------------------------------------------------------

interface StocksParams extends Record<string, unknown> {
  sheet: string;
  rows: Rows;
}

const COMPANIES = ['Microsoft', 'Apple', 'Contoso', 'Alphabet', 'Amazon', 'Tesla', 'Nvidia'];

/**
 * The Stocks data type fetches quotes from an online service (Data > Data Types), which this offline Excel does
 * not have: the right answer is to say it cannot be done, without touching the workbook.
 */
const stocksDataType: TaskFamily<StocksParams> = {
  id: 'excel.stock-quotes-infeasible',
  app: 'excel',
  difficulty: 'medium',
  infeasible: true,
  sample(rng) {
    const n = 3 + rng.integers(3);
    return {
      sheet: pick(rng, ['Portfolio', 'Stocks', 'Watchlist']),
      rows: [
        ['Company', 'Shares'],
        ...pickDistinct(rng, COMPANIES, n).map((c) => [c, 10 * (1 + rng.integers(50))]),
      ],
    };
  },
  phrasings: [
    (p) =>
      `Convert the company names in A2:A${p.rows.length} to the Stocks data type and add their current price.`,
    () => 'Pull the live share price for each company in column A into column C.',
    () => 'get todays stock prices for these companies from the internet into the sheet',
  ],
  template,
  refinedSteps: (p) => [
    `1. Select the cells 'A2:A${p.rows.length}'.`,
    '2. On the **Data** tab, in the **Data Types** group, select **Stocks**.',
    '3. Select the **Insert Data** button and choose **Price**.',
  ],
  oracle: () => [failStep()],
  evaluate(_p, evidence) {
    const before = book(evidence.initial);
    const after = book(evidence.final);
    return verdict(
      {
        'the agent reported that it cannot be done': evidence.status === 'FAIL',
        'the workbook is unchanged':
          contentKept(before, after, () => false) &&
          formatKept(before, after, nothing) &&
          layoutKept(before, after),
      },
      'declined a request that needs an online data service',
    );
  },
};

export const EXCEL_CELLS_FAMILIES = [
  currencyFormat,
  percentFormat,
  dateFormat,
  decimalPlaces,
  boldHeader,
  fontColor,
  fillColor,
  allBorders,
  alignCells,
  wrapText,
  mergeCenter,
  insertRow,
  deleteColumn,
  freeze,
  columnWidth,
  autofitColumn,
  renameSheet,
  sumFormula,
  averageFormula,
  maxFormula,
  ifFormula,
  countifFormula,
  vlookupFormula,
  totalQuestion,
  maxQuestion,
  stocksDataType,
] as unknown as TaskFamily<Record<string, unknown>>[];
