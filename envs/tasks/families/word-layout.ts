/**
 * Word families about document structure and layout: tables (insert, add a row, table style), page setup
 * (orientation, margins, size, columns), breaks, headers, footers, page numbers, the page background
 * (watermark, page colour), Find and Replace, links, comments, text boxes, two question tasks and one request
 * the app cannot satisfy. Evaluators compare the final canvas with the initial one: the asked change must be
 * there and every other part of the document (text, tables, page setup, headers, background) must be as it was.
 */
import type { Generator } from 'gymnasium-ts';
import { STANDARD_COLORS } from '../../word/app/commands.ts';
import { MARGIN_PRESETS, PAGE_SIZES, WATERMARK_PRESETS } from '../../word/model/index.ts';
import type { TaskFamily } from '../family.ts';
import type { OracleStep } from '../schema.ts';
import {
  click,
  failStep,
  keys,
  pick,
  pickDistinct,
  same,
  selectText,
  setText,
  summary,
  verdict,
} from './kit.ts';

// -- Canvas access ------------------------------------------------------------------------------------------------

interface Run {
  text: string;
  link?: string;
  field?: string;
}
interface Cell {
  text: string;
}
interface Shape {
  type: string;
  text?: string;
}
interface Block {
  type: string;
  text?: string;
  style?: string;
  align?: string;
  runs?: Run[];
  shapes?: Shape[];
  rows?: number;
  columns?: number;
  cells?: Cell[][];
  page_break_before?: boolean;
}
interface Story {
  text: string;
  paragraphs: Block[];
}
interface Section {
  size: string;
  orientation: string;
  margins_in: Record<string, number>;
  columns: number;
  headers: Record<string, Story | undefined>;
  footers: Record<string, Story | undefined>;
  [key: string]: unknown;
}
interface CanvasComment {
  id: string;
  text: string;
  anchor: string;
}
interface Canvas {
  body: Block[];
  sections: Section[];
  page_color: string | null;
  watermark: { type: string; text?: string } | null;
  comments: CanvasComment[];
}

function canvasOf(value: unknown): Canvas {
  const c = (value ?? {}) as Partial<Canvas>;
  return {
    body: c.body ?? [],
    sections: c.sections ?? [],
    page_color: c.page_color ?? null,
    watermark: c.watermark ?? null,
    comments: c.comments ?? [],
  };
}

/** Every paragraph text of the body in order, table cells included (what a reader reads). */
function allTexts(c: Canvas): string[] {
  return c.body.flatMap((b) =>
    b.type === 'table'
      ? (b.cells ?? []).flatMap((row) => row.map((cell) => cell.text))
      : b.type === 'paragraph'
        ? [b.text ?? '']
        : [],
  );
}

const tables = (c: Canvas): Block[] => c.body.filter((b) => b.type === 'table');

/**
 * The document outside the body: page setup of every section, headers, footers, background and comments,
 * less the keys a task is allowed to change.
 */
function pageState(c: Canvas, except: readonly string[]): unknown {
  const sections = c.sections.map((s) => {
    const rest: Record<string, unknown> = { ...s };
    for (const k of except) delete rest[k];
    return rest;
  });
  const out: Record<string, unknown> = {
    sections,
    page_color: c.page_color,
    watermark: c.watermark,
    comments: c.comments,
  };
  for (const k of except) delete out[k];
  return out;
}

type Checks = Record<string, boolean>;

/** The checks every page-setup style task shares: the body is untouched, the rest of the layout too. */
function keptChecks(before: Canvas, after: Canvas, except: readonly string[]): Checks {
  return {
    'the document body is unchanged': same(before.body, after.body),
    'the rest of the page layout is unchanged':
      before.sections.length === after.sections.length &&
      same(pageState(before, except), pageState(after, except)),
  };
}

// -- Oracle steps ---------------------------------------------------------------------------------------------

/** Typing through keyboard_input: pywinauto drops bare spaces, so they are sent as {SPACE}. */
const typeText = (text: string): OracleStep => keys(text.replace(/ /g, '{SPACE}'));

// -- Sampled documents ----------------------------------------------------------------------------------------

const TITLES = [
  'Spring Fundraiser Plan',
  'Office Move Checklist',
  'Quarterly Sales Review',
  'Volunteer Handbook',
  'Product Launch Brief',
  'Annual Budget Summary',
  'Hiring Plan Overview',
];
const SENTENCES = [
  'The schedule below lists every milestone for the next quarter.',
  'Each team lead confirms the numbers before the review meeting.',
  'Please send corrections to the project office by Thursday.',
  'The venue has room for two hundred guests and a small stage.',
  'Costs stayed within the approved budget for the third month running.',
  'New members receive their badges on the first day.',
  'All travel must be booked through the company portal.',
  'The survey closes at the end of the month.',
];

interface DocParams extends Record<string, unknown> {
  title: string;
  paragraphs: string[];
}

function sampleDoc(rng: Generator): DocParams {
  return { title: pick(rng, TITLES), paragraphs: pickDistinct(rng, SENTENCES, 2 + rng.integers(3)) };
}

const docBody = (p: DocParams): unknown[] => [{ text: p.title, style: 'Heading1' }, ...p.paragraphs];

// -- Tables -----------------------------------------------------------------------------------------------------

interface InsertTableParams extends DocParams {
  rows: number;
  columns: number;
}

const insertTableFamily: TaskFamily<InsertTableParams> = {
  id: 'word.insert-table',
  app: 'word',
  difficulty: 'medium',
  sample: (rng) => ({ ...sampleDoc(rng), rows: 2 + rng.integers(6), columns: 2 + rng.integers(5) }),
  phrasings: [
    (p) => `Insert a table with ${p.rows} rows and ${p.columns} columns at the end of the document.`,
    (p) => `Add a ${p.columns}x${p.rows} table (${p.columns} columns, ${p.rows} rows) below the text.`,
    (p) => `I need an empty table at the bottom, ${p.rows} rows by ${p.columns} columns.`,
  ],
  template: (p) => ({ body: docBody(p), selection: 'end' }),
  refinedSteps: (p) =>
    p.rows <= 5 && p.columns <= 5
      ? [
          '1. Click where you want to insert the table, at the end of the document.',
          '2. On the **Insert** tab, select **Table**.',
          `3. In the grid, select '${p.columns}x${p.rows} Table' (${p.columns} columns, ${p.rows} rows).`,
        ]
      : [
          '1. Click where you want to insert the table, at the end of the document.',
          '2. On the **Insert** tab, select **Table**, and then select **Insert Table...**.',
          `3. In **Number of columns**, type '${p.columns}'.`,
          `4. In **Number of rows**, type '${p.rows}'.`,
          '5. Select **OK**.',
        ],
  oracle: (p) =>
    p.rows <= 5 && p.columns <= 5
      ? [click('Insert'), click('Table'), click(`${p.columns}x${p.rows} Table`)]
      : [
          click('Insert'),
          click('Table'),
          click('Insert Table...'),
          setText('Number of columns:', String(p.columns)),
          setText('Number of rows:', String(p.rows)),
          click('OK'),
        ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const added = tables(after).length - tables(before).length;
    const fresh = tables(after).filter(
      (t) =>
        t.rows === p.rows && t.columns === p.columns && allTexts({ ...after, body: [t] }).every((x) => !x),
    );
    const nonEmpty = (c: Canvas): string[] => allTexts(c).filter((t) => t !== '');
    const lastText = after.body.findLastIndex((b) => b.type === 'paragraph' && (b.text ?? '') !== '');
    return verdict(
      {
        'exactly one table was added': added === 1,
        [`the new table has ${p.rows} rows and ${p.columns} columns`]: added === 1 && fresh.length === 1,
        'the table is after the existing text':
          fresh.length === 1 && after.body.indexOf(fresh[0]!) > lastText,
        'the existing text is unchanged': same(nonEmpty(before), nonEmpty(after)),
        'the page layout is unchanged': same(pageState(before, []), pageState(after, [])),
      },
      `a ${p.rows}x${p.columns} table was inserted`,
    );
  },
};

const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Coastal', 'Mountain'];

interface TableParams extends DocParams {
  header: string[];
  data: string[][];
}

function sampleTable(rng: Generator): TableParams {
  const labels = pickDistinct(rng, REGIONS, 3 + rng.integers(3));
  return {
    ...sampleDoc(rng),
    header: ['Region', 'Units Sold', 'Goal'],
    data: labels.map((l) => [l, String(50 + rng.integers(150)), String(100 + rng.integers(100))]),
  };
}

function tableTemplate(p: TableParams, style?: string): Record<string, unknown> {
  const table: Record<string, unknown> = { table: [p.header, ...p.data] };
  if (style !== undefined) table.style = style;
  return { body: [{ text: p.title, style: 'Heading1' }, p.paragraphs[0]!, table, ...p.paragraphs.slice(1)] };
}

/**
 * The body without its tables, for "nothing else changed"; paragraph numbers (`n`) are dropped because a new
 * row renumbers every paragraph after it.
 */
const outsideTable = (c: Canvas): Block[] =>
  c.body
    .filter((b) => b.type !== 'table')
    .map((b) => {
      const { n: _n, ...rest } = b as Block & { n?: number };
      return rest;
    });
const cellGrid = (t: Block | undefined): string[][] => (t?.cells ?? []).map((r) => r.map((c) => c.text));

interface AddRowParams extends TableParams {
  row: number;
  where: 'above' | 'below';
}

const addRowFamily: TaskFamily<AddRowParams> = {
  id: 'word.add-table-row',
  app: 'word',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng);
    return { ...t, row: rng.integers(t.data.length), where: rng.random() < 0.5 ? 'above' : 'below' };
  },
  phrasings: [
    (p) => `Insert a new empty row ${p.where} the '${p.data[p.row]![0]}' row of the table.`,
    (p) => `Add a row to the table, ${p.where} the row for ${p.data[p.row]![0]}.`,
    (p) =>
      `The table needs one more line ${p.where === 'above' ? 'just before' : 'right after'} ${p.data[p.row]![0]}, can you add it?`,
  ],
  template: (p) => tableTemplate(p),
  refinedSteps: (p) => [
    `1. Click in a cell of the row that starts with '${p.data[p.row]![0]}'.`,
    `2. On the **Table Layout** tab, in the **Rows & Columns** group, select **Insert ${p.where === 'above' ? 'Above' : 'Below'}**.`,
  ],
  oracle: (p) => [
    selectText(p.data[p.row]![0]!),
    click('Table Layout'),
    click(p.where === 'above' ? 'Insert Above' : 'Insert Below'),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const grid = cellGrid(tables(before)[0]);
    const at = 1 + p.row + (p.where === 'below' ? 1 : 0);
    const expected = [...grid.slice(0, at), grid[0]!.map(() => ''), ...grid.slice(at)];
    const got = cellGrid(tables(after)[0]);
    return verdict(
      {
        'the table has one more row': got.length === grid.length + 1,
        [`an empty row is ${p.where} '${p.data[p.row]![0]}' and the other cells are unchanged`]: same(
          got,
          expected,
        ),
        'the text outside the table is unchanged':
          tables(after).length === 1 && same(outsideTable(before), outsideTable(after)),
        'the page layout is unchanged': same(pageState(before, []), pageState(after, [])),
      },
      `a row was added ${p.where} '${p.data[p.row]![0]}'`,
    );
  },
};

/** The Table Design gallery's styles; the first three show in the ribbon, the rest under More. */
const TABLE_STYLES = ['Table Grid', 'Grid Table Light', 'Plain Table 1', 'Grid Table 1 Light'] as const;
const INLINE_TABLE_STYLES = 3;

interface TableStyleParams extends TableParams {
  style: string;
}

const tableStyleFamily: TaskFamily<TableStyleParams> = {
  id: 'word.apply-table-style',
  app: 'word',
  difficulty: 'medium',
  sample: (rng) => ({ ...sampleTable(rng), style: pick(rng, TABLE_STYLES) }),
  phrasings: [
    (p) => `Apply the '${p.style}' table style to the table.`,
    (p) => `The table has no borders. Format it with the ${p.style} style from the Table Styles gallery.`,
    (p) => `give my table the ${p.style.toLowerCase()} look`,
  ],
  template: (p) => tableTemplate(p, 'TableNormal'),
  refinedSteps: (p) => [
    `1. Click in a cell of the table, for example '${p.data[0]![0]}'.`,
    TABLE_STYLES.indexOf(p.style as never) < INLINE_TABLE_STYLES
      ? `2. On the **Table Design** tab, in the **Table Styles** group, select '${p.style}'.`
      : `2. On the **Table Design** tab, in the **Table Styles** group, select **More**, and then select '${p.style}'.`,
  ],
  oracle: (p) => [
    selectText(p.data[0]![0]!),
    click('Table Design'),
    ...(TABLE_STYLES.indexOf(p.style as never) < INLINE_TABLE_STYLES ? [] : [click('More')]),
    click(p.style),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const t = tables(after);
    return verdict(
      {
        [`the table's style is ${p.style}`]: t.length === 1 && t[0]!.style === p.style,
        'the table cells are unchanged': t.length === 1 && same(cellGrid(tables(before)[0]), cellGrid(t[0])),
        'the text outside the table is unchanged': same(outsideTable(before), outsideTable(after)),
        'the page layout is unchanged': same(pageState(before, []), pageState(after, [])),
      },
      `the table has the ${p.style} style`,
    );
  },
};

interface DeleteRowParams extends TableParams {
  row: number;
}

const deleteRowFamily: TaskFamily<DeleteRowParams> = {
  id: 'word.delete-table-row',
  app: 'word',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng);
    return { ...t, row: rng.integers(t.data.length) };
  },
  phrasings: [
    (p) => `Delete the row for '${p.data[p.row]![0]}' from the table.`,
    (p) => `Remove the table row that starts with ${p.data[p.row]![0]}.`,
    (p) => `get rid of the ${p.data[p.row]![0]} line in the table, the rest stays`,
  ],
  template: (p) => tableTemplate(p),
  refinedSteps: (p) => [
    `1. Click in a cell of the row that starts with '${p.data[p.row]![0]}'.`,
    '2. On the **Table Layout** tab, in the **Rows & Columns** group, select **Delete**.',
    '3. Select **Delete Rows**.',
  ],
  oracle: (p) => [
    selectText(p.data[p.row]![0]!),
    click('Table Layout'),
    click('Delete'),
    click('Delete Rows'),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const grid = cellGrid(tables(before)[0]);
    const expected = grid.filter((_, r) => r !== p.row + 1);
    const got = tables(after).length === 1 ? cellGrid(tables(after)[0]) : [];
    return verdict(
      {
        [`the '${p.data[p.row]![0]}' row is gone`]: !got.some((r) => r[0] === p.data[p.row]![0]),
        'the other rows are unchanged': same(got, expected),
        'the text outside the table is unchanged': same(outsideTable(before), outsideTable(after)),
        'the page layout is unchanged': same(pageState(before, []), pageState(after, [])),
      },
      `the '${p.data[p.row]![0]}' row was deleted`,
    );
  },
};

interface AddColumnParams extends TableParams {
  column: number;
  where: 'left' | 'right';
}

const addColumnFamily: TaskFamily<AddColumnParams> = {
  id: 'word.add-table-column',
  app: 'word',
  difficulty: 'medium',
  sample(rng) {
    const t = sampleTable(rng);
    return { ...t, column: rng.integers(t.header.length), where: rng.random() < 0.5 ? 'left' : 'right' };
  },
  phrasings: [
    (p) => `Insert an empty column to the ${p.where} of the '${p.header[p.column]}' column.`,
    (p) =>
      `Add a new column ${p.where === 'left' ? 'before' : 'after'} the ${p.header[p.column]} column of the table.`,
    (p) => `i need one more column in the table, ${p.where} of ${p.header[p.column]}`,
  ],
  template: (p) => tableTemplate(p),
  refinedSteps: (p) => [
    `1. Click in a cell of the '${p.header[p.column]}' column.`,
    `2. On the **Table Layout** tab, in the **Rows & Columns** group, select **Insert ${p.where === 'left' ? 'Left' : 'Right'}**.`,
  ],
  oracle: (p) => [
    selectText(p.header[p.column]!),
    click('Table Layout'),
    click(p.where === 'left' ? 'Insert Left' : 'Insert Right'),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const at = p.column + (p.where === 'right' ? 1 : 0);
    const expected = cellGrid(tables(before)[0]).map((r) => [...r.slice(0, at), '', ...r.slice(at)]);
    const got = tables(after).length === 1 ? cellGrid(tables(after)[0]) : [];
    return verdict(
      {
        'the table has one more column': got.length > 0 && got[0]!.length === p.header.length + 1,
        [`an empty column is ${p.where} of '${p.header[p.column]}' and the other cells are unchanged`]: same(
          got,
          expected,
        ),
        'the text outside the table is unchanged': same(outsideTable(before), outsideTable(after)),
        'the page layout is unchanged': same(pageState(before, []), pageState(after, [])),
      },
      `a column was added ${p.where} of '${p.header[p.column]}'`,
    );
  },
};

// -- Page setup -------------------------------------------------------------------------------------------------

interface OrientationParams extends DocParams {
  target: 'landscape' | 'portrait';
}

const orientationFamily: TaskFamily<OrientationParams> = {
  id: 'word.page-orientation',
  app: 'word',
  difficulty: 'easy',
  sample: (rng) => ({ ...sampleDoc(rng), target: rng.random() < 0.7 ? 'landscape' : 'portrait' }),
  phrasings: [
    (p) => `Change the page orientation of the document to ${p.target}.`,
    (p) => `Make the pages ${p.target} instead of ${p.target === 'landscape' ? 'portrait' : 'landscape'}.`,
    (p) =>
      p.target === 'landscape'
        ? 'turn the page sideways so it is wider than it is tall'
        : 'make the page upright again, taller than it is wide',
  ],
  template: (p) => ({
    body: docBody(p),
    page: { orientation: p.target === 'landscape' ? 'portrait' : 'landscape' },
  }),
  refinedSteps: (p) => [
    '1. On the **Layout** tab, in the **Page Setup** group, select **Orientation**.',
    `2. Select '${p.target === 'landscape' ? 'Landscape' : 'Portrait'}'.`,
  ],
  oracle: (p) => [
    click('Layout'),
    click('Orientation'),
    click(p.target === 'landscape' ? 'Landscape' : 'Portrait'),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    return verdict(
      {
        [`the pages are ${p.target}`]:
          after.sections.length > 0 && after.sections.every((s) => s.orientation === p.target),
        ...keptChecks(before, after, ['orientation', 'width_in', 'height_in']),
      },
      `the document is ${p.target}`,
    );
  },
};

const MARGIN_NAMES = ['Normal', 'Narrow', 'Moderate', 'Wide'] as const;
const inchesOf = (pt: number): number => Math.round((pt / 72) * 1000) / 1000;

interface MarginsParams extends DocParams {
  start: string;
  target: string;
}

const marginsFamily: TaskFamily<MarginsParams> = {
  id: 'word.margins-preset',
  app: 'word',
  difficulty: 'easy',
  sample(rng) {
    const [start, target] = pickDistinct(rng, MARGIN_NAMES, 2);
    return { ...sampleDoc(rng), start: start!, target: target! };
  },
  phrasings: [
    (p) => `Set the page margins to the '${p.target}' preset.`,
    (p) => {
      const m = MARGIN_PRESETS[p.target]!;
      return `Use ${p.target} margins (${inchesOf(m.top)}" top and bottom, ${inchesOf(m.left)}" left and right).`;
    },
    (p) => `can you switch the margins of this doc to ${p.target.toLowerCase()}?`,
  ],
  template: (p) => ({ body: docBody(p), page: { margins: p.start } }),
  refinedSteps: (p) => [
    '1. On the **Layout** tab, in the **Page Setup** group, select **Margins**.',
    `2. Select '${p.target}'.`,
  ],
  oracle: (p) => [click('Layout'), click('Margins'), click(p.target)],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const m = MARGIN_PRESETS[p.target]!;
    const want = { top: m.top, bottom: m.bottom, left: m.left, right: m.right };
    const ok = after.sections.every((s) =>
      Object.entries(want).every(([k, v]) => Math.abs((s.margins_in[k] ?? -1) - v / 72) < 0.01),
    );
    return verdict(
      {
        [`the margins are ${p.target}`]: after.sections.length > 0 && ok,
        ...keptChecks(before, after, ['margins_in']),
      },
      `the margins are ${p.target}`,
    );
  },
};

interface CustomMarginsParams extends DocParams {
  inches: number;
}

const customMarginsFamily: TaskFamily<CustomMarginsParams> = {
  id: 'word.custom-margins',
  app: 'word',
  difficulty: 'medium',
  sample: (rng) => ({ ...sampleDoc(rng), inches: pick(rng, [0.75, 1.25, 1.5, 1.75, 2]) }),
  phrasings: [
    (p) => `Set all four page margins (top, bottom, left and right) to ${p.inches} inches.`,
    (p) => `Use custom margins of ${p.inches}" on every side of the page.`,
    (p) => `I want ${p.inches} inch margins all the way around`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    '1. On the **Layout** tab, in the **Page Setup** group, select **Margins**, and then select **Custom Margins...**.',
    `2. In **Top**, type '${p.inches}"'.`,
    `3. In **Bottom**, type '${p.inches}"'.`,
    `4. In **Left**, type '${p.inches}"'.`,
    `5. In **Right**, type '${p.inches}"'.`,
    '6. Select **OK**.',
  ],
  oracle: (p) => [
    click('Layout'),
    click('Margins'),
    click('Custom Margins...'),
    ...['Top:', 'Bottom:', 'Left:', 'Right:'].map((f) => setText(f, `${p.inches}"`)),
    click('OK'),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const ok = after.sections.every((s) =>
      ['top', 'bottom', 'left', 'right'].every((k) => Math.abs((s.margins_in[k] ?? -1) - p.inches) < 0.01),
    );
    return verdict(
      {
        [`every margin is ${p.inches}"`]: after.sections.length > 0 && ok,
        ...keptChecks(before, after, ['margins_in']),
      },
      `the margins are ${p.inches}"`,
    );
  },
};

const SIZE_NAMES = ['Legal', 'A4', 'A5', 'Executive', 'B5'] as const;

interface PageSizeParams extends DocParams {
  size: string;
}

const pageSizeFamily: TaskFamily<PageSizeParams> = {
  id: 'word.page-size',
  app: 'word',
  difficulty: 'easy',
  sample: (rng) => ({ ...sampleDoc(rng), size: pick(rng, SIZE_NAMES) }),
  phrasings: [
    (p) => `Change the paper size of the document to ${p.size}.`,
    (p) => {
      const s = PAGE_SIZES[p.size]!;
      return `Set the page size to ${p.size} (${inchesOf(s.width)}" x ${inchesOf(s.height)}").`;
    },
    (p) => `this has to print on ${p.size} paper, please fix the page size`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    '1. On the **Layout** tab, in the **Page Setup** group, select **Size**.',
    `2. Select '${p.size}'.`,
  ],
  oracle: (p) => [click('Layout'), click('Size'), click(p.size)],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    return verdict(
      {
        [`the paper size is ${p.size}`]:
          after.sections.length > 0 && after.sections.every((s) => s.size === p.size),
        ...keptChecks(before, after, ['size', 'width_in', 'height_in']),
      },
      `the paper is ${p.size}`,
    );
  },
};

interface ColumnsParams extends DocParams {
  count: 2 | 3;
}

const columnsFamily: TaskFamily<ColumnsParams> = {
  id: 'word.page-columns',
  app: 'word',
  difficulty: 'easy',
  sample: (rng) => ({ ...sampleDoc(rng), count: rng.random() < 0.6 ? 2 : 3 }),
  phrasings: [
    (p) => `Lay out the document text in ${p.count} columns.`,
    (p) => `Split the page into ${p.count === 2 ? 'two' : 'three'} columns like a newsletter.`,
    (p) => `make the text flow in ${p.count} columns`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    '1. On the **Layout** tab, in the **Page Setup** group, select **Columns**.',
    `2. Select '${p.count === 2 ? 'Two' : 'Three'}'.`,
  ],
  oracle: (p) => [click('Layout'), click('Columns'), click(p.count === 2 ? 'Two' : 'Three')],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    return verdict(
      {
        [`the text is in ${p.count} columns`]:
          after.sections.length > 0 && after.sections.every((s) => s.columns === p.count),
        ...keptChecks(before, after, ['columns', 'column_spacing_in']),
      },
      `the document has ${p.count} columns`,
    );
  },
};

interface BreakParams extends DocParams {
  target: number;
}

const pageBreakFamily: TaskFamily<BreakParams> = {
  id: 'word.page-break-before',
  app: 'word',
  difficulty: 'medium',
  sample(rng) {
    const d = sampleDoc(rng);
    return { ...d, target: 1 + rng.integers(d.paragraphs.length - 1) };
  },
  phrasings: [
    (p) => `Insert a page break before the paragraph that starts with '${startOf(p)}'.`,
    (p) => `Start a new page at '${startOf(p)}' so that paragraph begins at the top of the next page.`,
    (p) => `push the part from '${startOf(p)}' onto its own page`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    `1. Click at the start of the paragraph that begins with '${startOf(p)}'.`,
    '2. On the **Insert** tab, in the **Pages** group, select **Page Break**.',
  ],
  oracle: (p) => [selectText(startOf(p)), keys('{LEFT}'), click('Insert'), click('Page Break')],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    // Paragraph p.target + 1 of the body (after the heading): a manual break just before it, or the
    // paragraph's own "Page break before", are both a new page there and nowhere else.
    const at = 1 + p.target;
    const asBreak = [...before.body.slice(0, at), { type: 'page_break' }, ...before.body.slice(at)];
    const withFlag = after.body.map((b, i) => {
      if (i !== at || b.page_break_before !== true) return b;
      const { page_break_before: _flag, ...rest } = b;
      return rest;
    });
    const flagged = after.body[at]?.page_break_before === true && same(withFlag, before.body);
    return verdict(
      {
        [`a new page starts at '${startOf(p)}' and nowhere else`]: same(after.body, asBreak) || flagged,
        'the text is unchanged': same(allTexts(before), allTexts(after)),
        'the page layout is unchanged': same(pageState(before, []), pageState(after, [])),
      },
      `a page break precedes '${startOf(p)}'`,
    );
  },
};

function startOf(p: BreakParams): string {
  return p.paragraphs[p.target]!.split(' ').slice(0, 4).join(' ');
}

// -- Headers, footers, page numbers -----------------------------------------------------------------------------

const HEADER_TEXTS = [
  'Contoso Ltd',
  'Internal Draft',
  'Northwind Traders',
  'Board Meeting Notes',
  'Fabrikam Research',
  'Prepared by Finance',
];

interface StoryParams extends DocParams {
  text: string;
}

function storyTextFamily(kind: 'header' | 'footer'): TaskFamily<StoryParams> {
  const Kind = kind === 'header' ? 'Header' : 'Footer';
  const key = kind === 'header' ? 'headers' : 'footers';
  return {
    id: `word.${kind}-text`,
    app: 'word',
    difficulty: 'medium',
    sample: (rng) => ({ ...sampleDoc(rng), text: pick(rng, HEADER_TEXTS) }),
    phrasings: [
      (p) => `Add a ${kind} to the document that says '${p.text}'.`,
      (p) => `Put the text '${p.text}' in the page ${kind}.`,
      (p) => `i want '${p.text}' to show at the ${kind === 'header' ? 'top' : 'bottom'} of every page`,
    ],
    template: (p) => ({ body: docBody(p) }),
    refinedSteps: (p) => [
      `1. On the **Insert** tab, in the **Header & Footer** group, select **${Kind}**.`,
      `2. Select **Edit ${Kind}**.`,
      `3. Type '${p.text}'.`,
      '4. Select **Close Header and Footer** or press Esc.',
    ],
    oracle: (p) => [
      click('Insert'),
      click(Kind),
      click(`Edit ${Kind}`),
      typeText(p.text),
      click('Close Header and Footer'),
    ],
    evaluate(p, evidence) {
      const before = canvasOf(evidence.initial);
      const after = canvasOf(evidence.final);
      const story = after.sections[0]?.[key].default;
      return verdict(
        {
          [`the ${kind} says '${p.text}'`]: story !== undefined && story.text.trim() === p.text,
          ...keptChecks(before, after, [key]),
        },
        `the ${kind} reads '${p.text}'`,
      );
    },
  };
}

interface PageNumberParams extends DocParams {
  position: 'top' | 'bottom';
  align: 'left' | 'center' | 'right';
}

const ALIGNS = ['left', 'center', 'right'] as const;

const pageNumbersFamily: TaskFamily<PageNumberParams> = {
  id: 'word.page-numbers',
  app: 'word',
  difficulty: 'medium',
  sample: (rng) => ({
    ...sampleDoc(rng),
    position: rng.random() < 0.7 ? 'bottom' : 'top',
    align: pick(rng, ALIGNS),
  }),
  phrasings: [
    (p) => `Add plain page numbers at the ${p.position} of the page, aligned ${p.align}.`,
    (p) =>
      `Number the pages: put the page number in the ${p.position === 'top' ? 'header' : 'footer'}, on the ${p.align === 'center' ? 'center' : `${p.align} side`}.`,
    (p) => `insert page numbers ${p.position} ${p.align}`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    '1. On the **Insert** tab, in the **Header & Footer** group, select **Page Number**.',
    `2. Select **${p.position === 'top' ? 'Top of Page' : 'Bottom of Page'}**.`,
    `3. Select 'Plain Number ${ALIGNS.indexOf(p.align) + 1}'.`,
  ],
  oracle: (p) => [
    click('Insert'),
    click('Page Number'),
    click(p.position === 'top' ? 'Top of Page' : 'Bottom of Page'),
    click(`Plain Number ${ALIGNS.indexOf(p.align) + 1}`),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const key = p.position === 'top' ? 'headers' : 'footers';
    const story = after.sections[0]?.[key].default;
    const numbered = (story?.paragraphs ?? []).filter((b) => (b.runs ?? []).some((r) => r.field === 'PAGE'));
    return verdict(
      {
        [`a page number field is in the ${p.position === 'top' ? 'header' : 'footer'}`]: numbered.length > 0,
        [`the page number is aligned ${p.align}`]:
          numbered.length > 0 && numbered.every((b) => (b.align ?? 'left') === p.align),
        ...keptChecks(before, after, [key, 'page_numbers']),
      },
      `page numbers at the ${p.position} ${p.align}`,
    );
  },
};

// -- Page background ------------------------------------------------------------------------------------------

interface WatermarkParams extends DocParams {
  text: string;
}

const watermarkFamily: TaskFamily<WatermarkParams> = {
  id: 'word.watermark-preset',
  app: 'word',
  difficulty: 'easy',
  sample: (rng) => ({ ...sampleDoc(rng), text: pick(rng, WATERMARK_PRESETS) }),
  phrasings: [
    (p) => `Add the '${p.text}' watermark to the document.`,
    (p) => `Insert a ${p.text} watermark behind the text on every page.`,
    (p) => `stamp this doc as ${p.text.toLowerCase()} with a watermark`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    '1. On the **Design** tab, in the **Page Background** group, select **Watermark**.',
    `2. Select '${p.text} 1'.`,
  ],
  oracle: (p) => [click('Design'), click('Watermark'), click(`${p.text} 1`)],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    return verdict(
      {
        [`the watermark reads '${p.text}'`]:
          after.watermark?.type === 'text' && after.watermark.text === p.text,
        ...keptChecks(before, after, ['watermark']),
      },
      `a ${p.text} watermark was added`,
    );
  },
};

const CUSTOM_WATERMARKS = ['INTERNAL ONLY', 'DO NOT DISTRIBUTE', 'PRELIMINARY', 'FOR REVIEW', 'TOP SECRET'];

const customWatermarkFamily: TaskFamily<WatermarkParams> = {
  id: 'word.custom-watermark',
  app: 'word',
  difficulty: 'medium',
  sample: (rng) => ({ ...sampleDoc(rng), text: pick(rng, CUSTOM_WATERMARKS) }),
  phrasings: [
    (p) => `Add a custom text watermark that reads '${p.text}'.`,
    (p) => `Create a text watermark with the words '${p.text}'.`,
    (p) => `i need '${p.text}' written across the background of each page`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    '1. On the **Design** tab, in the **Page Background** group, select **Watermark**.',
    '2. Select **Custom Watermark...**.',
    '3. Select **Text watermark**.',
    `4. In the **Text** box, type '${p.text}'.`,
    '5. Select **OK**.',
  ],
  oracle: (p) => [
    click('Design'),
    click('Watermark'),
    click('Custom Watermark...'),
    click('Text watermark'),
    setText('Text:', p.text),
    click('OK'),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    return verdict(
      {
        [`the watermark reads '${p.text}'`]:
          after.watermark?.type === 'text' && after.watermark.text?.trim() === p.text,
        ...keptChecks(before, after, ['watermark']),
      },
      `a '${p.text}' watermark was added`,
    );
  },
};

const PAGE_COLORS = ['Light Blue', 'Yellow', 'Light Green', 'Orange', 'Gray', 'Blue', 'Green'] as const;

interface PageColorParams extends DocParams {
  color: string;
}

const pageColorFamily: TaskFamily<PageColorParams> = {
  id: 'word.page-color',
  app: 'word',
  difficulty: 'easy',
  sample: (rng) => ({ ...sampleDoc(rng), color: pick(rng, PAGE_COLORS) }),
  phrasings: [
    (p) => `Set the page color of the document to ${p.color}.`,
    (p) => `Change the background color of the pages to ${p.color.toLowerCase()}.`,
    (p) => `make the page background ${p.color.toLowerCase()}`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    '1. On the **Design** tab, in the **Page Background** group, select **Page Color**.',
    `2. Under Standard Colors, select '${p.color}'.`,
  ],
  oracle: (p) => [click('Design'), click('Page Color'), click(p.color)],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    return verdict(
      {
        [`the page color is ${p.color}`]: after.page_color?.toUpperCase() === STANDARD_COLORS[p.color],
        ...keptChecks(before, after, ['page_color']),
      },
      `the page color is ${p.color}`,
    );
  },
};

const removeWatermarkFamily: TaskFamily<WatermarkParams> = {
  id: 'word.remove-watermark',
  app: 'word',
  difficulty: 'easy',
  sample: (rng) => ({ ...sampleDoc(rng), text: pick(rng, WATERMARK_PRESETS) }),
  phrasings: [
    (p) => `Remove the '${p.text}' watermark from the document.`,
    () => 'Delete the watermark behind the text.',
    (p) => `the doc is final now, take the ${p.text.toLowerCase()} watermark off`,
  ],
  template: (p) => ({ body: docBody(p), watermark: p.text }),
  refinedSteps: () => [
    '1. On the **Design** tab, in the **Page Background** group, select **Watermark**.',
    '2. Select **Remove Watermark**.',
  ],
  oracle: () => [click('Design'), click('Watermark'), click('Remove Watermark')],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    return verdict(
      {
        [`the '${p.text}' watermark is gone`]: after.watermark === null,
        ...keptChecks(before, after, ['watermark']),
      },
      'the watermark was removed',
    );
  },
};

const pageBorderFamily: TaskFamily<DocParams> = {
  id: 'word.page-border',
  app: 'word',
  difficulty: 'medium',
  sample: sampleDoc,
  phrasings: [
    () => 'Add a box page border around every page of the document.',
    () => 'Put a simple border around the pages (Page Borders, setting Box).',
    () => 'draw a frame around the whole page',
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: () => [
    '1. On the **Design** tab, in the **Page Background** group, select **Page Borders**.',
    '2. On the **Page Border** tab, under **Setting**, select **Box**.',
    '3. Select **OK**.',
  ],
  oracle: () => [click('Design'), click('Page Borders'), click('Box'), click('OK')],
  evaluate(_p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const borders = after.sections.map((s) => s.page_borders as Record<string, unknown> | undefined);
    const boxed =
      borders.length > 0 &&
      borders.every(
        (b) =>
          b !== undefined &&
          ['top', 'left', 'bottom', 'right'].every((side) => b[side] !== null && b[side] !== undefined),
      );
    return verdict(
      {
        'every page has a border on all four sides': boxed,
        ...keptChecks(before, after, ['page_borders']),
      },
      'the pages have a box border',
    );
  },
};

// -- Find and Replace -------------------------------------------------------------------------------------------

const NAME_PAIRS = [
  ['Contoso', 'Fabrikam'],
  ['Northwind', 'Tailspin'],
  ['Litware', 'Proseware'],
  ['Adatum', 'Woodgrove'],
] as const;
const NAME_SENTENCES = [
  '{N} will host the kickoff meeting in March.',
  'Invoices from {N} are due within thirty days.',
  'The {N} team shared the final draft on Friday.',
  'Contact {N} support for a replacement badge.',
  'Last year {N} doubled its volunteer program.',
];

interface ReplaceParams extends DocParams {
  find: string;
  replacement: string;
}

const replaceAllFamily: TaskFamily<ReplaceParams> = {
  id: 'word.replace-all',
  app: 'word',
  difficulty: 'medium',
  sample(rng) {
    const [find, replacement] = pick(rng, NAME_PAIRS);
    const named = pickDistinct(rng, NAME_SENTENCES, 2 + rng.integers(2)).map((s) => s.replace('{N}', find));
    const plain = pickDistinct(rng, SENTENCES, 1 + rng.integers(2));
    const paragraphs = [...named, ...plain];
    // Shuffle so the plain sentences are not always last.
    for (let i = paragraphs.length - 1; i > 0; i--) {
      const j = rng.integers(i + 1);
      [paragraphs[i], paragraphs[j]] = [paragraphs[j]!, paragraphs[i]!];
    }
    return { title: `${find} Partnership Update`, paragraphs, find, replacement };
  },
  phrasings: [
    (p) => `Replace every occurrence of '${p.find}' with '${p.replacement}' in the document.`,
    (p) => `Use Find and Replace to change all instances of ${p.find} to ${p.replacement}.`,
    (p) => `the company name changed from ${p.find} to ${p.replacement}, update it everywhere`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    '1. On the **Home** tab, in the **Editing** group, select **Replace**.',
    `2. In the **Find what** box, type '${p.find}'.`,
    `3. In the **Replace with** box, type '${p.replacement}'.`,
    '4. Select **Replace All**.',
    '5. Select **OK**, and then select **Close**.',
  ],
  oracle: (p) => [
    keys('^h'),
    setText('Find what:', p.find),
    setText('Replace with:', p.replacement),
    click('Replace All'),
    click('OK'),
    click('Close'),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const expected = JSON.stringify(before.body).split(p.find).join(p.replacement);
    const texts = allTexts(after).join('\n');
    return verdict(
      {
        [`no '${p.find}' is left`]: !texts.includes(p.find),
        [`'${p.replacement}' appears where '${p.find}' was and nothing else changed`]:
          JSON.stringify(after.body) === expected,
        'the page layout is unchanged': same(pageState(before, []), pageState(after, [])),
      },
      `every '${p.find}' became '${p.replacement}'`,
    );
  },
};

// -- Links, comments, text boxes -------------------------------------------------------------------------------

const LINKED = [
  {
    phrase: 'travel policy',
    sentence: 'Read the travel policy before booking any trip.',
    url: 'https://contoso.com/travel',
  },
  {
    phrase: 'volunteer form',
    sentence: 'New helpers fill in the volunteer form on arrival.',
    url: 'https://example.org/volunteer',
  },
  {
    phrase: 'sales dashboard',
    sentence: 'Weekly figures are on the sales dashboard.',
    url: 'https://fabrikam.com/dashboard',
  },
  {
    phrase: 'event calendar',
    sentence: 'Check the event calendar for room bookings.',
    url: 'https://northwind.example.com/calendar',
  },
  {
    phrase: 'style guide',
    sentence: 'Every report follows the style guide.',
    url: 'https://docs.example.com/style',
  },
] as const;

interface PhraseParams extends DocParams {
  phrase: string;
  url: string;
}

function samplePhraseDoc(rng: Generator): PhraseParams {
  const d = sampleDoc(rng);
  const link = pick(rng, LINKED);
  const at = rng.integers(d.paragraphs.length + 1);
  const paragraphs = [...d.paragraphs.slice(0, at), link.sentence, ...d.paragraphs.slice(at)];
  return { title: d.title, paragraphs, phrase: link.phrase, url: link.url };
}

/** Per character of each body paragraph: the link it carries, or ''. */
function linkMasks(c: Canvas): string[][] {
  return c.body.map((b) => {
    if (b.type !== 'paragraph') return [];
    const runs = b.runs ?? [{ text: b.text ?? '' }];
    return runs.flatMap((r) => Array.from({ length: r.text.length }, () => r.link ?? ''));
  });
}

const hyperlinkFamily: TaskFamily<PhraseParams> = {
  id: 'word.insert-hyperlink',
  app: 'word',
  difficulty: 'medium',
  sample: samplePhraseDoc,
  phrasings: [
    (p) => `Turn the text '${p.phrase}' into a hyperlink to ${p.url}.`,
    (p) => `Link the words '${p.phrase}' to the web page ${p.url}.`,
    (p) => `make '${p.phrase}' clickable so it opens ${p.url}`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    `1. Select the text '${p.phrase}'.`,
    '2. On the **Insert** tab, in the **Links** group, select **Link**.',
    `3. In the **Address** box, type '${p.url}'.`,
    '4. Select **OK**.',
  ],
  oracle: (p) => [
    selectText(p.phrase),
    click('Insert'),
    click('Link'),
    setText('Address:', p.url),
    click('OK'),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const accept = (link: string): boolean => link === p.url || link === `${p.url}/`;
    const masks = linkMasks(after);
    const was = linkMasks(before);
    let linked = false;
    let stray = false;
    after.body.forEach((b, i) => {
      const start = b.type === 'paragraph' ? (b.text ?? '').indexOf(p.phrase) : -1;
      const mask = masks[i] ?? [];
      mask.forEach((link, c) => {
        const inPhrase = start >= 0 && c >= start && c < start + p.phrase.length;
        if (!inPhrase && link !== (was[i]?.[c] ?? '')) stray = true;
      });
      if (start >= 0 && mask.slice(start, start + p.phrase.length).every(accept)) linked = true;
    });
    return verdict(
      {
        [`'${p.phrase}' links to ${p.url}`]: linked,
        'no other text became a link': !stray,
        'the text is unchanged': same(allTexts(before), allTexts(after)),
        'the page layout is unchanged': same(pageState(before, []), pageState(after, [])),
      },
      `'${p.phrase}' links to ${p.url}`,
    );
  },
};

const NOTES = [
  'Is this still current?',
  'Please double-check this.',
  'Needs a source.',
  'Update before sending.',
  'Who owns this?',
];

interface CommentParams extends PhraseParams {
  note: string;
}

const commentFamily: TaskFamily<CommentParams> = {
  id: 'word.insert-comment',
  app: 'word',
  difficulty: 'medium',
  sample: (rng) => ({ ...samplePhraseDoc(rng), note: pick(rng, NOTES) }),
  phrasings: [
    (p) => `Add a comment to the text '${p.phrase}' that says '${p.note}'.`,
    (p) => `Insert a new comment on the words '${p.phrase}' with the text '${p.note}'.`,
    (p) => `leave a note on '${p.phrase}' for the reviewers: '${p.note}'`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    `1. Select the text '${p.phrase}'.`,
    '2. On the **Review** tab, in the **Comments** group, select **New Comment**.',
    `3. In the **Start a conversation** box, type '${p.note}'.`,
    '4. Select **Post comment**.',
  ],
  oracle: (p) => [
    selectText(p.phrase),
    click('Review'),
    click('New Comment'),
    setText('Start a conversation', p.note),
    click('Post comment'),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const added = after.comments.filter((c) => !before.comments.some((b) => b.id === c.id));
    const one = added.length === 1 ? added[0]! : null;
    return verdict(
      {
        'exactly one comment was added': added.length === 1,
        [`the comment is on '${p.phrase}'`]:
          one !== null && one.anchor.trim().toLowerCase() === p.phrase.toLowerCase(),
        [`the comment says '${p.note}'`]: one !== null && one.text.trim() === p.note,
        'the text is unchanged': same(allTexts(before), allTexts(after)),
        'the page layout is unchanged': same(pageState(before, ['comments']), pageState(after, ['comments'])),
      },
      `a comment '${p.note}' is on '${p.phrase}'`,
    );
  },
};

const countShapes = (c: Canvas): number => c.body.reduce((n, b) => n + (b.shapes ?? []).length, 0);

const CALLOUTS = [
  'Call us today',
  'Doors open at 9',
  'Free parking on site',
  'Limited seats',
  'Register by Friday',
];

interface TextBoxParams extends DocParams {
  text: string;
}

/** Texts of the text boxes in the body. */
const textBoxTexts = (c: Canvas): string[] =>
  c.body.flatMap((b) => (b.shapes ?? []).filter((s) => s.type === 'text_box').map((s) => s.text ?? ''));

const textBoxFamily: TaskFamily<TextBoxParams> = {
  id: 'word.insert-text-box',
  app: 'word',
  difficulty: 'medium',
  sample: (rng) => ({ ...sampleDoc(rng), text: pick(rng, CALLOUTS) }),
  phrasings: [
    (p) => `Insert a text box containing the text '${p.text}'.`,
    (p) => `Draw a text box on the page and type '${p.text}' in it.`,
    (p) => `add a little box with '${p.text}' in it`,
  ],
  template: (p) => ({ body: docBody(p), selection: 'end' }),
  refinedSteps: (p) => [
    '1. On the **Insert** tab, in the **Text** group, select **Text Box**.',
    '2. Select **Draw Text Box**.',
    `3. Type '${p.text}' in the text box.`,
    '4. Press Esc to leave the text box.',
  ],
  oracle: (p) => [
    click('Insert'),
    click('Text Box'),
    click('Draw Text Box'),
    typeText(p.text),
    keys('{ESC}'),
  ],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const was = textBoxTexts(before);
    const now = textBoxTexts(after);
    const added = now.filter((t, i) => was[i] !== t);
    return verdict(
      {
        'one text box was added': now.length === was.length + 1,
        [`the new text box says '${p.text}'`]: added.length === 1 && added[0]!.trim() === p.text,
        'no other shape was added': countShapes(after) === countShapes(before) + 1,
        'the text is unchanged': same(allTexts(before), allTexts(after)),
        'the page layout is unchanged': same(pageState(before, []), pageState(after, [])),
      },
      `a text box says '${p.text}'`,
    );
  },
};

// -- Questions --------------------------------------------------------------------------------------------------

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

interface CountTablesParams extends Record<string, unknown> {
  blocks: (string | string[][])[];
  count: number;
}

/** The document is unchanged: the checks of a question task. */
function unchanged(before: Canvas, after: Canvas): boolean {
  return same(before.body, after.body) && same(pageState(before, []), pageState(after, []));
}

const countTablesFamily: TaskFamily<CountTablesParams> = {
  id: 'word.count-tables',
  app: 'word',
  difficulty: 'easy',
  sample(rng) {
    const count = 1 + rng.integers(4);
    const blocks: (string | string[][])[] = [pick(rng, SENTENCES)];
    for (let i = 0; i < count; i++) {
      const rows = 2 + rng.integers(2);
      blocks.push(
        Array.from({ length: rows }, (_, r) =>
          r === 0 ? ['Item', 'Qty'] : [pick(rng, REGIONS), String(1 + rng.integers(20))],
        ),
      );
      if (rng.random() < 0.7) blocks.push(pick(rng, SENTENCES));
    }
    return { blocks, count };
  },
  phrasings: [
    () => 'How many tables are in this document?',
    () => 'Count the tables in the document and tell me the number.',
    () => 'how many tables did i put in here?',
  ],
  template: (p) => ({ body: p.blocks.map((b) => (typeof b === 'string' ? b : { table: b })) }),
  refinedSteps: () => [
    '1. Scroll through the document from the beginning to the end.',
    '2. Count each table you see and report the number.',
  ],
  oracle: (p) => [summary(`The document contains ${p.count} tables.`)],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    // Every count the answers give, as digits or words: a shotgun answer listing several numbers fails.
    const said = new Set<number>();
    for (const a of evidence.answers) {
      for (const m of a.matchAll(/\d+/g)) said.add(Number(m[0]));
      NUMBER_WORDS.forEach((w, n) => {
        if (new RegExp(`\\b${w}\\s+tables?\\b`, 'i').test(a)) said.add(n);
      });
    }
    return verdict(
      {
        [`the answer says ${p.count} tables`]: said.has(p.count),
        'the answer gives no other number': [...said].every((n) => n === p.count),
        'the document is unchanged': unchanged(before, after),
      },
      `answered ${p.count} tables`,
    );
  },
};

const HEADINGS = [
  'Background',
  'Goals for the Year',
  'Budget Overview',
  'Next Steps',
  'Risks and Issues',
  'Team Members',
  'Timeline',
];

interface HeadingParams extends Record<string, unknown> {
  intro: string;
  sections: { heading: string; text: string }[];
}

const firstHeadingFamily: TaskFamily<HeadingParams> = {
  id: 'word.first-heading',
  app: 'word',
  difficulty: 'easy',
  sample(rng) {
    const headings = pickDistinct(rng, HEADINGS, 2 + rng.integers(3));
    return {
      intro: pick(rng, SENTENCES),
      sections: headings.map((heading) => ({ heading, text: pick(rng, SENTENCES) })),
    };
  },
  phrasings: [
    () => 'What does the first heading in the document say?',
    () => 'Tell me the text of the first Heading 1 in this document.',
    () => "what's the first section called?",
  ],
  template: (p) => ({
    body: [p.intro, ...p.sections.flatMap((s) => [{ text: s.heading, style: 'Heading1' }, s.text])],
  }),
  refinedSteps: () => [
    '1. Go to the top of the document (press Ctrl+Home).',
    "2. Find the first paragraph formatted with a heading style, such as 'Heading 1', and read its text.",
    '3. Answer with the text of that heading.',
  ],
  oracle: (p) => [summary(`The first heading is '${p.sections[0]!.heading}'.`)],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const first = p.sections[0]!.heading.toLowerCase();
    const others = p.sections.slice(1).map((s) => s.heading.toLowerCase());
    const answers = evidence.answers.map((a) => a.toLowerCase());
    return verdict(
      {
        [`the answer names '${p.sections[0]!.heading}'`]: answers.some((a) => a.includes(first)),
        'the answer does not name a later heading': !answers.some((a) => others.some((o) => a.includes(o))),
        'the document is unchanged': unchanged(before, after),
      },
      `answered '${p.sections[0]!.heading}'`,
    );
  },
};

interface CountPagesParams extends Record<string, unknown> {
  pages: string[][];
}

const countPagesFamily: TaskFamily<CountPagesParams> = {
  id: 'word.count-pages',
  app: 'word',
  difficulty: 'easy',
  sample: (rng) => ({
    pages: Array.from({ length: 2 + rng.integers(4) }, () =>
      pickDistinct(rng, SENTENCES, 1 + rng.integers(2)),
    ),
  }),
  phrasings: [
    () => 'How many pages does this document have?',
    () => 'Tell me the page count of the document.',
    () => 'how long is this doc in pages?',
  ],
  // Each page holds a sentence or two and ends with a manual page break: the page count is certain.
  template: (p) => ({
    body: p.pages.flatMap((page, i) => [...page, ...(i < p.pages.length - 1 ? [{ pageBreak: true }] : [])]),
  }),
  refinedSteps: () => [
    '1. Look at the page count on the status bar (for example, Page 1 of 3), or on the **Review** tab, select **Word Count**.',
    '2. Read the number of pages.',
  ],
  oracle: (p) => [summary(`The document has ${p.pages.length} pages.`)],
  evaluate(p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    const n = p.pages.length;
    const said = new Set<number>();
    for (const a of evidence.answers) {
      for (const m of a.matchAll(/\d+/g)) said.add(Number(m[0]));
      NUMBER_WORDS.forEach((w, k) => {
        if (new RegExp(`\\b${w}\\s+pages?\\b`, 'i').test(a)) said.add(k);
      });
    }
    return verdict(
      {
        [`the answer says ${n} pages`]: said.has(n),
        'the answer gives no other number': [...said].every((k) => k === n),
        'the document is unchanged': unchanged(before, after),
      },
      `answered ${n} pages`,
    );
  },
};

// -- Infeasible by design ---------------------------------------------------------------------------------------

interface TranslateParams extends DocParams {
  language: string;
}

/**
 * Word's Translate sends the text to the online Microsoft Translator service; this app has no Translate command
 * and no network, so the honest answer is FAIL (typing a translation by hand is not what was asked).
 */
const translateFamily: TaskFamily<TranslateParams> = {
  id: 'word.translate-document',
  app: 'word',
  difficulty: 'hard',
  infeasible: true,
  sample: (rng) => ({ ...sampleDoc(rng), language: pick(rng, ['French', 'Spanish', 'German', 'Japanese']) }),
  phrasings: [
    (p) => `Translate the whole document into ${p.language} with Word's Translator.`,
    (p) => `Use Review > Translate > Translate Document to make a ${p.language} copy of this document.`,
    (p) => `can word translate this into ${p.language} for me?`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: () => [
    '1. On the **Review** tab, look for **Translate** in the **Language** group.',
    '2. This copy of Word has no **Translate** command (it needs the online Translator service); report that the task cannot be done.',
  ],
  oracle: () => [failStep()],
  evaluate(_p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    return verdict(
      {
        'the agent reported that the task cannot be done': evidence.status === 'FAIL',
        'the document is unchanged': unchanged(before, after),
      },
      'the agent recognised the request as infeasible',
    );
  },
};

interface PictureParams extends DocParams {
  file: string;
}

/**
 * Insert > Pictures needs an image file; this copy of Word has no Pictures command and the named file does not
 * exist, so the honest answer is FAIL (a shape or text box is not the picture that was asked for).
 */
const insertPictureFamily: TaskFamily<PictureParams> = {
  id: 'word.insert-picture-from-file',
  app: 'word',
  difficulty: 'hard',
  infeasible: true,
  sample: (rng) => ({
    ...sampleDoc(rng),
    file: `C:\\Users\\me\\Pictures\\${pick(rng, ['logo', 'team-photo', 'floor-plan', 'signature'])}.png`,
  }),
  phrasings: [
    (p) => `Insert the picture ${p.file} at the top of the document.`,
    (p) => `Add the image file ${p.file} below the title.`,
    (p) => `put our picture (${p.file}) in the doc`,
  ],
  template: (p) => ({ body: docBody(p) }),
  refinedSteps: (p) => [
    '1. On the **Insert** tab, look for **Pictures** in the **Illustrations** group.',
    `2. This copy of Word has no **Pictures** command and ${p.file} is not available; report that the task cannot be done.`,
  ],
  oracle: () => [failStep()],
  evaluate(_p, evidence) {
    const before = canvasOf(evidence.initial);
    const after = canvasOf(evidence.final);
    return verdict(
      {
        'the agent reported that the task cannot be done': evidence.status === 'FAIL',
        'the document is unchanged': unchanged(before, after),
      },
      'the agent recognised the request as infeasible',
    );
  },
};

type AnyFamily = TaskFamily<Record<string, unknown>>;

export const WORD_LAYOUT_FAMILIES: AnyFamily[] = [
  insertTableFamily,
  addRowFamily,
  deleteRowFamily,
  addColumnFamily,
  tableStyleFamily,
  orientationFamily,
  marginsFamily,
  customMarginsFamily,
  pageSizeFamily,
  columnsFamily,
  pageBreakFamily,
  storyTextFamily('header'),
  storyTextFamily('footer'),
  pageNumbersFamily,
  watermarkFamily,
  customWatermarkFamily,
  pageColorFamily,
  removeWatermarkFamily,
  pageBorderFamily,
  replaceAllFamily,
  hyperlinkFamily,
  commentFamily,
  textBoxFamily,
  countTablesFamily,
  firstHeadingFamily,
  countPagesFamily,
  translateFamily,
  insertPictureFamily,
] as unknown as AnyFamily[];
