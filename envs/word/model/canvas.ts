/**
 * The canvas state: the document as compact, deterministic JSON, in the spirit of UFO dataflow's
 * "XML of the Word DOM converted to JSON". It shows what a reader sees (effective formatting), not
 * how the file stores it: runs are merged when they look the same, and only properties that differ
 * from the Normal style are listed (the Normal font and size are given once, as `default_font`).
 * Lengths are in points unless a key says otherwise (`_in` = inches).
 */
import { PAGE_SIZES } from './document.ts';
import { contentJson, formatScope, isFrozen, scopeMap } from './memo.ts';
import { ListCounter, listKind } from './numbering.ts';
import { isCollapsed, samePath, sections, selectionRange } from './positions.ts';
import { visibleText } from './runs.ts';
import { effectiveCharFormat, effectiveParagraphFormat, styleName } from './styles.ts';
import type {
  Block,
  Border,
  CharFormat,
  HeaderFooter,
  Inline,
  Paragraph,
  SectionSetup,
  Shape,
  Table,
  WordDocument,
} from './types.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const round = (n: number): number => Math.round(n * 100) / 100;
const inches = (pt: number): number => Math.round((pt / 72) * 1000) / 1000;

const RUN_KEYS: [keyof CharFormat, string][] = [
  ['font', 'font'],
  ['size', 'size'],
  ['bold', 'bold'],
  ['italic', 'italic'],
  ['underline', 'underline'],
  ['strike', 'strike'],
  ['doubleStrike', 'double_strike'],
  ['color', 'color'],
  ['highlight', 'highlight'],
  ['vertAlign', 'vert_align'],
  ['caps', 'all_caps'],
  ['smallCaps', 'small_caps'],
  ['hidden', 'hidden'],
];

function isOff(v: unknown): boolean {
  return v === undefined || v === false || v === 'none' || v === 'baseline' || v === 'auto';
}

function runProps(doc: WordDocument, p: Paragraph, r: Inline, base: CharFormat): Obj {
  const out: Obj = {};
  if (r.kind === 'shape' || r.kind === 'opaque') return out;
  const f = effectiveCharFormat(doc, p, r);
  for (const [key, name] of RUN_KEYS) {
    const v = f[key];
    const b = base[key];
    if (v === b || (isOff(v) && isOff(b))) continue;
    if (isOff(v))
      out[name] = key === 'color' ? 'auto' : key === 'underline' || key === 'highlight' ? 'none' : false;
    else out[name] = v as Json;
  }
  if (r.charStyle && r.charStyle !== 'Hyperlink') out.char_style = styleName(doc, r.charStyle);
  if (r.link) out.link = r.link.url ?? `#${r.link.anchor ?? ''}`;
  if (r.comments?.length) out.comments = [...r.comments];
  return out;
}

function sameProps(a: Obj, b: Obj): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function borderJson(b: Border | undefined): Json {
  if (!b) return null;
  return { style: b.style, width: round(b.width), color: b.color };
}

function shapeJson(s: Shape): Obj {
  const out: Obj = {
    id: s.id,
    name: s.name,
    type: s.textBox ? 'text_box' : s.geometry,
    width: round(s.width),
    height: round(s.height),
    x: round(s.x),
    y: round(s.y),
    wrap: s.wrap,
    fill: s.fill,
    line: s.line,
  };
  if (s.rotation) out.rotation = round(s.rotation);
  const text = s.blocks.map((b) => (b.type === 'paragraph' ? visibleText(b) : '')).join('\n');
  if (text) out.text = text;
  return out;
}

interface Ctx {
  doc: WordDocument;
  counter: ListCounter;
  base: CharFormat;
  basePara: ReturnType<typeof effectiveParagraphFormat>;
  n: { value: number } | null;
  /** Paragraph JSON by the paragraph's own JSON (memo.ts), for this formatting context. */
  cache: Map<string, Obj>;
  /** Whether `doc` is frozen (memo.ts): its paragraphs' JSON text is then remembered per paragraph. */
  frozen: boolean;
}

const PARA_KEYS: [string, string][] = [
  ['indentLeft', 'indent_left'],
  ['indentRight', 'indent_right'],
  ['indentFirstLine', 'indent_first_line'],
  ['spaceBefore', 'space_before'],
  ['spaceAfter', 'space_after'],
  ['lineSpacing', 'line_spacing'],
  ['lineRule', 'line_rule'],
  ['keepNext', 'keep_with_next'],
  ['keepLines', 'keep_lines_together'],
  ['pageBreakBefore', 'page_break_before'],
  ['shading', 'shading'],
];

/** A frozen paragraph's cache entries (numbered and not), found by the paragraph object instead of its JSON. */
interface FrozenParagraphEntry {
  cache: Map<string, Obj>;
  numbered: Obj | undefined;
  plain: Obj | undefined;
}
const frozenParagraphs = new WeakMap<Paragraph, FrozenParagraphEntry>();

/**
 * A paragraph's JSON, from the cache when the same paragraph was shown before in this formatting context. Only
 * `n` and the list label depend on the paragraphs before it: they are counted afresh, in the same key order.
 */
function paragraphJson(ctx: Ctx, p: Paragraph): Obj {
  let hit: Obj | undefined;
  let entry: FrozenParagraphEntry | undefined;
  if (ctx.frozen) {
    entry = frozenParagraphs.get(p);
    if (entry === undefined || entry.cache !== ctx.cache) {
      entry = { cache: ctx.cache, numbered: undefined, plain: undefined };
      frozenParagraphs.set(p, entry);
    }
    hit = ctx.n ? entry.numbered : entry.plain;
  }
  if (hit === undefined) {
    const key = (ctx.n ? 'n' : '-') + contentJson(p, ctx.frozen);
    hit = ctx.cache.get(key);
    if (hit === undefined) {
      const out = computeParagraphJson(ctx, p);
      ctx.cache.set(key, out);
      if (entry !== undefined) {
        if (ctx.n) entry.numbered = out;
        else entry.plain = out;
      }
      return out;
    }
    if (entry !== undefined) {
      if (ctx.n) entry.numbered = hit;
      else entry.plain = hit;
    }
  }
  const out: Obj = {};
  for (const k in hit) {
    if (k === 'n') out.n = ++ctx.n!.value;
    else if (k === 'list') {
      const list = hit.list as Obj;
      out.list = { kind: list.kind!, level: list.level!, label: ctx.counter.next(p.list!.id, p.list!.level) };
    } else out[k] = hit[k]!;
  }
  return out;
}

function computeParagraphJson(ctx: Ctx, p: Paragraph): Obj {
  const { doc } = ctx;
  const out: Obj = { type: 'paragraph' };
  if (ctx.n) out.n = ++ctx.n.value;
  out.text = visibleText(p);
  const pf = effectiveParagraphFormat(doc, p);
  out.style = styleName(doc, pf.style);
  if (pf.align && pf.align !== 'left') out.align = pf.align;
  if (p.list) {
    const def = doc.lists[String(p.list.id)];
    out.list = { kind: listKind(def), level: p.list.level, label: ctx.counter.next(p.list.id, p.list.level) };
  }
  for (const [key, name] of PARA_KEYS) {
    if (p.list && (key === 'indentLeft' || key === 'indentFirstLine')) continue;
    const v = (pf as Record<string, unknown>)[key];
    const b = (ctx.basePara as Record<string, unknown>)[key];
    if (
      v === b ||
      (isOff(v) && isOff(b)) ||
      (typeof v === 'number' && typeof b === 'number' && round(v) === round(b))
    )
      continue;
    if (v === undefined && (b === 0 || b === false)) continue;
    if ((v === 0 || v === false) && b === undefined) continue;
    out[name] = typeof v === 'number' ? round(v) : ((v ?? null) as Json);
  }
  if (p.borders) {
    const borders: Obj = {};
    for (const [side, b] of Object.entries(p.borders)) borders[side] = borderJson(b);
    out.borders = borders;
  }
  const runs: Obj[] = [];
  const shapes: Obj[] = [];
  const objects: Obj[] = [];
  for (const r of p.runs) {
    if (r.kind === 'shape') {
      shapes.push(shapeJson(r.shape));
      continue;
    }
    if (r.kind === 'opaque') {
      objects.push({ type: r.opaque.label });
      continue;
    }
    const props = runProps(doc, p, r, ctx.base);
    const text = r.kind === 'field' ? r.result : r.text;
    if (r.kind === 'field') props.field = r.instr.split(/\s+/)[0]!.toUpperCase();
    const prev = runs[runs.length - 1];
    if (prev && r.kind === undefined && prev.field === undefined) {
      const { text: prevText, ...prevProps } = prev;
      if (sameProps(prevProps, props)) {
        prev.text = (prevText as string) + text;
        continue;
      }
    }
    runs.push({ text, ...props });
  }
  const plain = runs.length === 0 || (runs.length === 1 && Object.keys(runs[0]!).length === 1);
  if (!plain) out.runs = runs;
  if (shapes.length) out.shapes = shapes;
  if (objects.length) out.objects = objects;
  if (p.sectionBreak) out.section_break = true;
  return out;
}

function tableJson(ctx: Ctx, t: Table, tableNumber: number | null): Obj {
  const out: Obj = { type: 'table' };
  if (tableNumber !== null) out.n = tableNumber;
  out.rows = t.rows.length;
  out.columns = t.colWidths.length;
  if (t.style) out.style = styleName(ctx.doc, t.style);
  if (t.align) out.align = t.align;
  if (t.borders) {
    const b: Obj = {};
    for (const [side, border] of Object.entries(t.borders))
      b[side] = border && border.style !== 'nil' && border.style !== 'none' ? borderJson(border) : null;
    out.borders = b;
  }
  out.cells = t.rows.map((row) => row.cells.map((cell) => cellJsonOf(ctx, cell)));
  return out;
}

type Cell = Table['rows'][number]['cells'][number];

function cellJson(ctx: Ctx, cell: Cell): Obj {
  const c: Obj = {
    text: cell.blocks.map((b) => (b.type === 'paragraph' ? visibleText(b) : '')).join('\n'),
  };
  const blocks = blocksJson(ctx, cell.blocks, false);
  const simple =
    blocks.length === 1 &&
    Object.keys(blocks[0]!).every((k) => k === 'type' || k === 'n' || k === 'text' || k === 'style');
  if (!simple || (blocks[0] as Obj).style !== styleName(ctx.doc, 'Normal')) c.paragraphs = blocks;
  else if (ctx.n) {
    // keep paragraph numbering visible for select_paragraph
    c.n = (blocks[0] as Obj).n ?? null;
  }
  if (cell.span && cell.span > 1) c.span = cell.span;
  if (cell.vMerge) c.v_merge = cell.vMerge;
  if (cell.shading) c.shading = cell.shading;
  if (cell.vAlign) c.v_align = cell.vAlign;
  return c;
}

/**
 * Cell JSON of frozen documents by cell object: like a table's (tableJsonOf), a cell without list items depends
 * only on its content, the formatting context and the paragraph number it starts at. An edit in one cell of a
 * frozen table leaves the other cells the same objects (app/derived.ts), so only that cell is computed again.
 */
interface CellEntry {
  cache: Map<string, Obj>;
  nStart: number | null;
  out: Obj;
  nEnd: number | null;
  /** Whether the cell holds paragraphs alone: its JSON then follows another start number by a shift of `n`. */
  flat: boolean;
}
const frozenCells = new WeakMap<Cell, CellEntry | null>();

/** A flat cell's JSON with every paragraph number moved by `delta`, members in the same order. */
function shiftedCell(out: Obj, delta: number): Obj {
  const copy: Obj = { ...out };
  if (typeof out.n === 'number') copy.n = out.n + delta;
  if (Array.isArray(out.paragraphs)) {
    copy.paragraphs = out.paragraphs.map((p) => {
      const q = p as Obj;
      return typeof q.n === 'number' ? { ...q, n: q.n + delta } : q;
    });
  }
  return copy;
}

function cellJsonOf(ctx: Ctx, cell: Cell): Obj {
  if (!ctx.frozen) return cellJson(ctx, cell);
  const entry = frozenCells.get(cell);
  if (entry === null) return cellJson(ctx, cell);
  const nStart = ctx.n ? ctx.n.value : null;
  if (entry !== undefined && entry.cache === ctx.cache) {
    if (entry.nStart === nStart) {
      if (ctx.n) ctx.n.value = entry.nEnd!;
      return entry.out;
    }
    if (entry.flat && nStart !== null && entry.nStart !== null) {
      const delta = nStart - entry.nStart;
      ctx.n!.value = entry.nEnd! + delta;
      return shiftedCell(entry.out, delta);
    }
  }
  if (entry === undefined && hasListItem(cell.blocks)) {
    frozenCells.set(cell, null);
    return cellJson(ctx, cell);
  }
  const out = cellJson(ctx, cell);
  const flat = cell.blocks.every((b) => b.type === 'paragraph');
  frozenCells.set(cell, { cache: ctx.cache, nStart, out, nEnd: ctx.n ? ctx.n.value : null, flat });
  return out;
}

/** Whether any paragraph of `blocks` (in tables and nested tables too) is a list item. */
function hasListItem(blocks: Block[]): boolean {
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      if (b.list) return true;
    } else if (b.type === 'table') {
      for (const row of b.rows) for (const cell of row.cells) if (hasListItem(cell.blocks)) return true;
    }
  }
  return false;
}

/**
 * Table JSON of frozen documents by table object: without list items a table's JSON depends only on its content,
 * the formatting context (the cache map of its scope), its number and the paragraph number it starts at.
 */
interface TableEntry {
  cache: Map<string, Obj>;
  number: number | null;
  nStart: number | null;
  out: Obj;
  nEnd: number | null;
}
const frozenTables = new WeakMap<Table, TableEntry | null>();

function tableJsonOf(ctx: Ctx, t: Table, tableNumber: number | null): Obj {
  if (!ctx.frozen) return tableJson(ctx, t, tableNumber);
  let entry = frozenTables.get(t);
  const nStart = ctx.n ? ctx.n.value : null;
  if (entry === null) return tableJson(ctx, t, tableNumber);
  if (
    entry !== undefined &&
    entry.cache === ctx.cache &&
    entry.number === tableNumber &&
    entry.nStart === nStart
  ) {
    if (ctx.n) ctx.n.value = entry.nEnd!;
    return entry.out;
  }
  if (entry === undefined && hasListItem([t])) {
    frozenTables.set(t, null);
    return tableJson(ctx, t, tableNumber);
  }
  const out = tableJson(ctx, t, tableNumber);
  entry = { cache: ctx.cache, number: tableNumber, nStart, out, nEnd: ctx.n ? ctx.n.value : null };
  frozenTables.set(t, entry);
  return out;
}

function blocksJson(ctx: Ctx, blocks: Block[], topLevel: boolean, tableCounter?: { value: number }): Obj[] {
  const out: Obj[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push(paragraphJson(ctx, b));
    else if (b.type === 'pageBreak') out.push({ type: b.break === 'column' ? 'column_break' : 'page_break' });
    else out.push(tableJsonOf(ctx, b, topLevel && tableCounter ? ++tableCounter.value : null));
  }
  return out;
}

/** PAGE_SIZES as entries, listed once (the table is fixed). */
const PAGE_SIZE_ENTRIES = Object.entries(PAGE_SIZES);

function sizeName(s: SectionSetup): string {
  const w = Math.min(s.pageWidth, s.pageHeight);
  const h = Math.max(s.pageWidth, s.pageHeight);
  for (const [name, size] of PAGE_SIZE_ENTRIES)
    if (Math.abs(size.width - w) < 2 && Math.abs(size.height - h) < 2) return name;
  return 'Custom';
}

function hfJson(ctx: Ctx, map: SectionSetup['headers']): Obj {
  const out: Obj = {};
  for (const type of ['default', 'first', 'even'] as const) {
    const hf: HeaderFooter | undefined = map[type];
    if (!hf) continue;
    const blocks = blocksJson({ ...ctx, n: null }, hf.blocks, false);
    out[type] = {
      text: blocks.map((b) => (b.type === 'paragraph' ? ((b.text as string) ?? '') : '')).join('\n'),
      paragraphs: blocks,
    };
  }
  return out;
}

/** Section JSON of frozen documents by section object and formatting context (it depends on nothing else). */
const frozenSections = new WeakMap<SectionSetup, { cache: Map<string, Obj>; out: Obj }>();

function sectionJsonOf(ctx: Ctx, s: SectionSetup): Obj {
  if (!ctx.frozen) return sectionJson(ctx, s);
  const hit = frozenSections.get(s);
  if (hit !== undefined && hit.cache === ctx.cache) return hit.out;
  const out = sectionJson(ctx, s);
  frozenSections.set(s, { cache: ctx.cache, out });
  return out;
}

function sectionJson(ctx: Ctx, s: SectionSetup): Obj {
  const out: Obj = {
    size: sizeName(s),
    orientation: s.orientation,
    width_in: inches(s.pageWidth),
    height_in: inches(s.pageHeight),
    margins_in: {
      top: inches(s.margins.top),
      bottom: inches(s.margins.bottom),
      left: inches(s.margins.left),
      right: inches(s.margins.right),
    },
    columns: s.columns.count,
  };
  if (s.columns.count > 1) out.column_spacing_in = inches(s.columns.space);
  if (s.start !== 'nextPage') out.start = s.start;
  if (s.titlePage) out.different_first_page = true;
  if (s.vAlign && s.vAlign !== 'top') out.vertical_alignment = s.vAlign;
  if (s.pageNumbers.format || s.pageNumbers.start !== undefined) {
    out.page_numbers = { format: s.pageNumbers.format ?? 'decimal', start: s.pageNumbers.start ?? null };
  }
  if (s.pageBorders) {
    const pb: Obj = { offset_from: s.pageBorders.offsetFrom };
    for (const side of ['top', 'left', 'bottom', 'right'] as const)
      pb[side] = borderJson(s.pageBorders[side]);
    out.page_borders = pb;
  }
  out.headers = hfJson(ctx, s.headers);
  out.footers = hfJson(ctx, s.footers);
  return out;
}

/** Where a position is, in canvas terms. */
function positionJson(doc: WordDocument, p: { path: number[]; offset: number }): Obj {
  const out: Obj = { path: [...p.path], offset: p.offset };
  if (doc.selection.story === undefined) {
    const n = paragraphNumberAt(doc.body, p.path);
    if (n !== undefined) out.paragraph = n;
  }
  return out;
}

/**
 * The 1-based number of the paragraph at `target` in document order (table cells' paragraphs included, as
 * select_paragraph counts them), or undefined when no body paragraph is there. Walks only up to the target.
 */
function paragraphNumberAt(blocks: Block[], target: readonly number[]): number | undefined {
  const walk = { path: [] as number[], count: 0 };
  return findParagraph(blocks, target, walk) ? walk.count : undefined;
}

function findParagraph(
  blocks: Block[],
  target: readonly number[],
  walk: { path: number[]; count: number },
): boolean {
  const path = walk.path;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    path.push(i);
    if (b.type === 'paragraph') {
      walk.count++;
      if (path.length === target.length && comparePathArr(path, target as number[]) === 0) return true;
    } else if (b.type === 'table') {
      for (let r = 0; r < b.rows.length; r++) {
        const cells = b.rows[r]!.cells;
        path.push(r);
        for (let c = 0; c < cells.length; c++) {
          path.push(c);
          if (findParagraph(cells[c]!.blocks, target, walk)) return true;
          path.pop();
        }
        path.pop();
      }
    }
    path.pop();
  }
  return false;
}

/** The selected text, paragraphs separated by '\n'. */
export function selectedText(doc: WordDocument, blocks: Block[]): string {
  if (isCollapsed(doc.selection)) return '';
  const { start, end } = selectionRange(doc.selection);
  const parts: string[] = [];
  const visit = (bs: Block[], prefix: number[]): void => {
    bs.forEach((b, i) => {
      const path = [...prefix, i];
      if (b.type === 'table')
        b.rows.forEach((row, r) => row.cells.forEach((cell, c) => visit(cell.blocks, [...path, r, c])));
      else if (b.type === 'paragraph') {
        const before = comparePathArr(path, start.path) < 0;
        const after = comparePathArr(path, end.path) > 0;
        if (before || after) return;
        const text = visibleText(b);
        const from = samePath(path, start.path) ? start.offset : 0;
        const to = samePath(path, end.path) ? end.offset : text.length;
        parts.push(text.slice(from, to));
      }
    });
  };
  visit(blocks, []);
  return parts.join('\n');
}

function comparePathArr(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The canvas state of a document (see the module comment). */
export function canvasState(doc: WordDocument, options: { selection?: boolean } = {}): Obj {
  const cache = formatScope<Obj>(doc, 'canvas');
  // The Normal formats depend on the formatting context alone, so they live in its scope too.
  const bases = scopeMap<Ctx['base'] | Ctx['basePara']>('canvas-base');
  let base = bases.get('char') as CharFormat | undefined;
  let basePara = bases.get('para') as Ctx['basePara'] | undefined;
  if (base === undefined || basePara === undefined) {
    base = effectiveCharFormat(doc, {}, {});
    basePara = effectiveParagraphFormat(doc, {});
    bases.set('char', base);
    bases.set('para', basePara);
  }
  const ctx: Ctx = {
    doc,
    counter: new ListCounter(doc.lists),
    base,
    basePara,
    n: { value: 0 },
    cache,
    frozen: isFrozen(doc),
  };
  const body = blocksJson(ctx, doc.body, true, { value: 0 });
  const out: Obj = {
    default_font: { font: base.font ?? 'Calibri', size: base.size ?? 11 },
    sections: sections(doc).map((s) => sectionJsonOf({ ...ctx, counter: new ListCounter(doc.lists) }, s)),
    page_color: doc.pageColor,
    watermark: doc.watermark
      ? doc.watermark.kind === 'text'
        ? {
            type: 'text',
            text: doc.watermark.text,
            font: doc.watermark.font,
            size: doc.watermark.size,
            color: doc.watermark.color,
            layout: doc.watermark.layout,
            semitransparent: doc.watermark.semitransparent,
          }
        : { type: 'picture', name: doc.watermark.name, washout: doc.watermark.washout }
      : null,
    body,
    comments: doc.comments.map((c) => ({
      id: c.id,
      author: c.author,
      text: c.text,
      anchor: commentAnchor(doc, c.id),
      resolved: c.resolved,
    })),
  };
  if (options.selection ?? true) out.selection = selectionState(doc);
  return out;
}

/** The canvas's `selection` entry alone (apps that cache the rest recompute only this after caret moves). */
export function selectionState(doc: WordDocument): Obj {
  const { start, end } = selectionRange(doc.selection);
  const blocks = doc.selection.story === undefined ? doc.body : null;
  const sel: Obj = {
    story: doc.selection.story ?? 'body',
    collapsed: isCollapsed(doc.selection),
    start: positionJson(doc, start),
    end: positionJson(doc, end),
    text: blocks ? selectedText(doc, blocks) : '',
  };
  if (doc.selection.shape) sel.shape = doc.selection.shape;
  return sel;
}

/** The text a comment is anchored to (joined across paragraphs with '\n'). */
export function commentAnchor(doc: WordDocument, id: string): string {
  const parts: string[] = [];
  const visit = (blocks: Block[]): void => {
    for (const b of blocks) {
      if (b.type === 'paragraph') {
        let s = '';
        for (const r of b.runs)
          if ((r.kind === undefined || r.kind === 'field') && r.comments?.includes(id))
            s += r.kind === undefined ? r.text : r.result;
        if (s) parts.push(s);
      } else if (b.type === 'table')
        for (const row of b.rows) for (const cell of row.cells) visit(cell.blocks);
    }
  };
  visit(doc.body);
  return parts.join('\n');
}
