/**
 * createDocument(spec): a compact description (what task families and tests write) turned into a
 * WordDocument. Strings stand for plain paragraphs and runs; objects add formatting.
 *
 *   createDocument({
 *     body: [
 *       { text: 'Quarterly report', style: 'Title' },
 *       { runs: [{ text: 'Revenue ', bold: true }, 'grew by 5%.'], align: 'justify' },
 *       { text: 'first item', list: 'bullet' },
 *       { table: [['Name', 'Score'], ['Ann', '90']] },
 *       { pageBreak: true },
 *     ],
 *     header: 'ACME Corp', pageNumbers: { align: 'right' }, page: { orientation: 'landscape' },
 *     watermark: 'DRAFT', comments: [{ anchor: 'Revenue', text: 'Check this' }],
 *     selection: { text: 'grew' },
 *   })
 */
import { z } from 'zod';
import { addComment } from './annotations.ts';
import { emptyDocument, takeId } from './document.ts';
import { invalidArgument } from './errors.ts';
import { selectText } from './find.ts';
import { validateCharPatch, validateParagraphPatch } from './formatting.ts';
import { availableWidth } from './layout.ts';
import { bulletListDef, numberedListDef } from './numbering.ts';
import {
  insertPageNumber,
  setFooter,
  setHeader,
  setPageBorders,
  setPageColor,
  setPageSetup,
  setWatermark,
} from './page.ts';
import { checkPosition, firstPosition, lastPosition } from './positions.ts';
import { makeTable } from './tables.ts';
import type { Block, Inline, Paragraph, Shape, Table, WordDocument } from './types.ts';
import { SHAPE_GEOMETRIES } from './types.ts';

const charFormat = {
  font: z.string().optional(),
  size: z.number().optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.string().optional(),
  strike: z.boolean().optional(),
  doubleStrike: z.boolean().optional(),
  color: z.string().optional(),
  highlight: z.string().optional(),
  vertAlign: z.enum(['superscript', 'subscript', 'baseline']).optional(),
  caps: z.boolean().optional(),
  smallCaps: z.boolean().optional(),
  hidden: z.boolean().optional(),
  charStyle: z.string().optional(),
};

const runSpec = z.union([
  z.string(),
  z
    .object({
      text: z.string().optional(),
      field: z.string().optional(),
      link: z.string().optional(),
      ...charFormat,
    })
    .strict(),
]);

const shapeSpec = z
  .object({
    geometry: z.enum(SHAPE_GEOMETRIES).optional(),
    textBox: z.boolean().optional(),
    text: z.string().optional(),
    name: z.string().optional(),
    width: z.number().optional(),
    height: z.number().optional(),
    x: z.number().optional(),
    y: z.number().optional(),
    fill: z.string().nullable().optional(),
    line: z.string().nullable().optional(),
    wrap: z.enum(['inline', 'square', 'tight', 'topAndBottom', 'behindText', 'inFrontOfText']).optional(),
  })
  .strict();

const paragraphFormat = {
  style: z.string().optional(),
  align: z.enum(['left', 'center', 'right', 'justify', 'distribute']).optional(),
  indentLeft: z.number().optional(),
  indentRight: z.number().optional(),
  indentFirstLine: z.number().optional(),
  spaceBefore: z.number().optional(),
  spaceAfter: z.number().optional(),
  lineSpacing: z.number().optional(),
  lineRule: z.enum(['auto', 'exact', 'atLeast']).optional(),
  keepNext: z.boolean().optional(),
  keepLines: z.boolean().optional(),
  pageBreakBefore: z.boolean().optional(),
  shading: z.string().optional(),
};

const paragraphObject = z
  .object({
    text: z.string().optional(),
    runs: z.array(runSpec).optional(),
    list: z
      .union([
        z.enum(['bullet', 'number']),
        z.object({ kind: z.enum(['bullet', 'number']), level: z.number().int().min(0).max(8) }).strict(),
      ])
      .optional(),
    shapes: z.array(shapeSpec).optional(),
    /** Character formatting for the whole paragraph (applied to every run). */
    format: z.object(charFormat).strict().optional(),
    ...paragraphFormat,
  })
  .strict();

const paragraphSpec = z.union([z.string(), paragraphObject]);

const tableSpec = z
  .object({
    table: z.array(z.array(z.union([paragraphSpec, z.array(paragraphSpec)]))).min(1),
    style: z.string().optional(),
    headerRow: z.boolean().optional(),
    align: z.enum(['left', 'center', 'right']).optional(),
  })
  .strict();

const blockSpec = z.union([paragraphSpec, tableSpec, z.object({ pageBreak: z.literal(true) }).strict()]);

const documentSpec = z
  .object({
    body: z.array(blockSpec).optional(),
    header: z.union([z.string(), z.array(paragraphSpec)]).optional(),
    footer: z.union([z.string(), z.array(paragraphSpec)]).optional(),
    pageNumbers: z
      .union([
        z.literal(true),
        z
          .object({
            position: z.enum(['header', 'footer']).optional(),
            align: z.enum(['left', 'center', 'right']).optional(),
            format: z.enum(['plain', 'pageXofY']).optional(),
          })
          .strict(),
      ])
      .optional(),
    page: z
      .object({
        orientation: z.enum(['portrait', 'landscape']).optional(),
        size: z.union([z.string(), z.object({ width: z.number(), height: z.number() }).strict()]).optional(),
        margins: z.union([z.string(), z.record(z.string(), z.number())]).optional(),
        columns: z.number().optional(),
      })
      .strict()
      .optional(),
    watermark: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    pageColor: z.string().optional(),
    pageBorders: z
      .union([
        z.literal(true),
        z
          .object({
            style: z.string().optional(),
            width: z.number().optional(),
            color: z.string().optional(),
          })
          .strict(),
      ])
      .optional(),
    comments: z
      .array(
        z
          .object({
            anchor: z.string(),
            occurrence: z.number().int().min(1).optional(),
            text: z.string(),
            author: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    properties: z.record(z.string(), z.string()).optional(),
    selection: z
      .union([
        z.enum(['start', 'end']),
        z.object({ text: z.string(), occurrence: z.number().int().min(1).optional() }).strict(),
        z.object({ paragraph: z.number().int().min(1), offset: z.number().int().min(0).optional() }).strict(),
      ])
      .optional(),
  })
  .strict();

export type DocumentSpec = z.input<typeof documentSpec>;
export type ParagraphSpec = z.input<typeof paragraphSpec>;
type ParagraphObject = z.output<typeof paragraphObject>;
type RunSpec = z.output<typeof runSpec>;

function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

interface BuildState {
  doc: WordDocument;
  /** The list a following list paragraph of that kind continues. */
  openList: { kind: 'bullet' | 'number'; id: number } | null;
}

function buildRun(
  state: BuildState,
  spec: RunSpec,
  paragraphFormat: Record<string, unknown> | undefined,
  where: string,
): Inline {
  const { doc } = state;
  const obj = typeof spec === 'string' ? { text: spec } : spec;
  const { text, field, link, ...format } = obj;
  let clean: Record<string, unknown> = {};
  try {
    clean = validateCharPatch(doc, { ...(paragraphFormat ?? {}), ...format } as never) as Record<
      string,
      unknown
    >;
  } catch (e) {
    throw invalidArgument(`${where}: ${(e as Error).message}`);
  }
  for (const k of Object.keys(clean)) if (clean[k] === null) delete clean[k];
  if (field !== undefined) {
    if (text !== undefined) throw invalidArgument(`${where}: a run has either text or a field, not both`);
    return {
      ...clean,
      kind: 'field',
      instr: field,
      result: field.trim().toUpperCase().startsWith('PAGE') ? '1' : '',
    } as Inline;
  }
  const run = { ...clean, text: text ?? '' } as Inline & { link?: unknown; charStyle?: string };
  if (link !== undefined) {
    run.link = { url: link };
    run.charStyle ??= 'Hyperlink';
  }
  return run;
}

function buildShape(state: BuildState, spec: z.output<typeof shapeSpec>): Shape {
  const n = takeId(state.doc);
  const textBox = spec.textBox ?? false;
  const geometry = spec.geometry ?? 'rect';
  return {
    id: `shape${n}`,
    name: spec.name ?? `${textBox ? 'Text Box' : geometry === 'rect' ? 'Rectangle' : geometry} ${n}`,
    geometry,
    textBox,
    width: spec.width ?? (textBox ? 144 : 72),
    height: spec.height ?? 72,
    x: spec.x ?? 0,
    y: spec.y ?? 0,
    relativeFrom: { horizontal: 'column', vertical: 'paragraph' },
    wrap: spec.wrap ?? (textBox ? 'square' : 'inFrontOfText'),
    fill: spec.fill === undefined ? (textBox ? 'FFFFFF' : '4472C4') : spec.fill,
    line: spec.line === undefined ? (textBox ? '000000' : '2F528F') : spec.line,
    lineWidth: textBox ? 0.75 : 1,
    rotation: 0,
    blocks: (spec.text ?? '')
      .split('\n')
      .map((line): Paragraph => ({ type: 'paragraph', runs: line ? [{ text: line }] : [] })),
  };
}

function buildParagraph(state: BuildState, spec: ParagraphSpec, where: string): Paragraph {
  const obj: ParagraphObject = typeof spec === 'string' ? { text: spec } : (spec as ParagraphObject);
  const { text, runs, list, shapes, format, ...pf } = obj;
  if (text !== undefined && runs !== undefined)
    throw invalidArgument(`${where}: give either text or runs, not both`);
  const p: Paragraph = { type: 'paragraph', runs: [] };
  let clean: Record<string, unknown>;
  try {
    clean = validateParagraphPatch(state.doc, pf as never) as Record<string, unknown>;
  } catch (e) {
    throw invalidArgument(`${where}: ${(e as Error).message}`);
  }
  for (const [k, v] of Object.entries(clean))
    if (v !== null && !(k === 'style' && v === 'Normal')) (p as unknown as Record<string, unknown>)[k] = v;
  const runSpecs: RunSpec[] = runs ?? (text ? text.split('\v').flatMap((t, i) => (i ? ['\n', t] : [t])) : []);
  runSpecs.forEach((r, i) => {
    const run = buildRun(
      state,
      typeof r === 'string' ? r.replace(/\v/g, '\n') : r,
      format,
      `${where}.runs.${i}`,
    );
    if (run.kind !== undefined || run.text.length > 0) p.runs.push(run);
  });
  if (format && p.runs.length === 0) {
    const mark = buildRun(state, { text: '' }, format, where) as unknown as Record<string, unknown>;
    delete mark.text;
    if (Object.keys(mark).length) p.mark = mark;
  }
  for (const s of shapes ?? []) p.runs.push({ kind: 'shape', shape: buildShape(state, s) });
  if (list !== undefined) {
    const kind = typeof list === 'string' ? list : list.kind;
    const level = typeof list === 'string' ? 0 : list.level;
    let id = state.openList?.kind === kind ? state.openList.id : -1;
    if (id < 0) {
      id = takeId(state.doc);
      state.doc.lists[String(id)] = kind === 'bullet' ? bulletListDef(id) : numberedListDef(id);
    }
    state.openList = { kind, id };
    p.list = { id, level };
    if (p.style === undefined) p.style = 'ListParagraph';
  } else state.openList = null;
  return p;
}

function buildTable(
  state: BuildState,
  spec: z.output<typeof tableSpec>,
  where: string,
  width: number,
): Table {
  const cols = Math.max(...spec.table.map((r) => r.length));
  if (cols > 63) throw invalidArgument(`${where}: a Word table has at most 63 columns`);
  const table = makeTable(spec.table.length, cols, width, spec.style ?? 'TableGrid');
  spec.table.forEach((row, r) => {
    for (let c = 0; c < cols; c++) {
      const cellSpec = row[c];
      if (cellSpec === undefined) continue;
      const paragraphs = Array.isArray(cellSpec) ? cellSpec : [cellSpec];
      state.openList = null;
      const blocks = paragraphs.map((p, i) =>
        buildParagraph(state, p, `${where}.table.${r}.${c}${Array.isArray(cellSpec) ? `.${i}` : ''}`),
      );
      table.rows[r]!.cells[c]!.blocks = blocks.length ? blocks : [{ type: 'paragraph', runs: [] }];
    }
  });
  if (spec.headerRow) table.rows[0]!.header = true;
  if (spec.align && spec.align !== 'left') table.align = spec.align;
  state.openList = null;
  return table;
}

/** Builds a document from a compact spec (see the module comment); throws a WordModelError naming the bad field. */
export function createDocument(spec: DocumentSpec = {}): WordDocument {
  const parsed = documentSpec.safeParse(spec);
  if (!parsed.success) throw invalidArgument(`invalid document spec: ${formatIssues(parsed.error)}`);
  const s = parsed.data;
  const doc = emptyDocument();
  const state: BuildState = { doc, openList: null };
  if (s.page) setPageSetup(doc, s.page as never);
  if (s.properties) doc.properties = { ...s.properties };
  const body: Block[] = [];
  const width = availableWidth(doc, doc.body, [0]);
  (s.body ?? []).forEach((b, i) => {
    const where = `body.${i}`;
    if (typeof b === 'object' && 'pageBreak' in b) {
      state.openList = null;
      body.push({ type: 'pageBreak', break: 'page' });
    } else if (typeof b === 'object' && 'table' in b) body.push(buildTable(state, b, where, width));
    else body.push(buildParagraph(state, b as ParagraphSpec, where));
  });
  if (body.length === 0 || body[body.length - 1]!.type !== 'paragraph')
    body.push({ type: 'paragraph', runs: [] });
  doc.body = body;
  for (const kind of ['header', 'footer'] as const) {
    const content = s[kind];
    if (content === undefined) continue;
    const blocks =
      typeof content === 'string'
        ? content
            .split('\n')
            .map((line) =>
              buildParagraph(state, { text: line, style: kind === 'header' ? 'Header' : 'Footer' }, kind),
            )
        : content.map((p, i) => {
            const built = buildParagraph(state, p, `${kind}.${i}`);
            built.style ??= kind === 'header' ? 'Header' : 'Footer';
            return built;
          });
    if (kind === 'header') setHeader(doc, blocks);
    else setFooter(doc, blocks);
  }
  if (s.pageNumbers) insertPageNumber(doc, s.pageNumbers === true ? {} : s.pageNumbers);
  if (s.watermark !== undefined) setWatermark(doc, s.watermark as never);
  if (s.pageColor !== undefined) setPageColor(doc, s.pageColor);
  if (s.pageBorders !== undefined) setPageBorders(doc, s.pageBorders === true ? {} : s.pageBorders);
  doc.selection = { anchor: firstPosition(doc.body), focus: firstPosition(doc.body) };
  for (const [i, c] of (s.comments ?? []).entries()) {
    if (!selectText(doc, c.anchor, c.occurrence ?? 1, { matchCase: true })) {
      throw invalidArgument(`comments.${i}: the anchor text ${JSON.stringify(c.anchor)} is not in the body`);
    }
    addComment(doc, c.text, c.author === undefined ? {} : { author: c.author });
  }
  const sel = s.selection ?? 'start';
  if (sel === 'start') doc.selection = { anchor: firstPosition(doc.body), focus: firstPosition(doc.body) };
  else if (sel === 'end') doc.selection = { anchor: lastPosition(doc.body), focus: lastPosition(doc.body) };
  else if ('text' in sel) {
    if (!selectText(doc, sel.text, sel.occurrence ?? 1, { matchCase: true }))
      throw invalidArgument(`selection: ${JSON.stringify(sel.text)} is not in the body`);
  } else {
    const paragraphs: number[][] = [];
    const visit = (blocks: Block[], prefix: number[]): void =>
      blocks.forEach((b, i) => {
        if (b.type === 'paragraph') paragraphs.push([...prefix, i]);
        else if (b.type === 'table')
          b.rows.forEach((row, r) =>
            row.cells.forEach((cell, c) => visit(cell.blocks, [...prefix, i, r, c])),
          );
      });
    visit(doc.body, []);
    const path = paragraphs[sel.paragraph - 1];
    if (!path)
      throw invalidArgument(
        `selection: the document has ${paragraphs.length} paragraphs, not ${sel.paragraph}`,
      );
    const at = { path, offset: sel.offset ?? 0 };
    checkPosition(doc.body, at, 'selection');
    doc.selection = { anchor: at, focus: { path: path.slice(), offset: at.offset } };
  }
  doc.pending = null;
  return doc;
}
