/**
 * Reads story content (w:body, w:hdr, w:ftr, w:txbxContent, table cells) into model blocks:
 * paragraphs and runs with their formatting, hyperlinks, fields (simple and complex), comment
 * ranges, page breaks, tables, shapes and text boxes. What the model cannot edit (pictures, charts,
 * equations, VML objects) is kept verbatim as opaque content with the parts it refers to.
 */
import type {
  Block,
  Border,
  CharFormat,
  FieldRun,
  Hyperlink,
  Inline,
  OpaqueRun,
  Paragraph,
  PreservedPart,
  Table,
  TableCell,
  TableRow,
  TextRun,
  Watermark,
} from '../model/index.ts';
import { normalizeRuns } from '../model/index.ts';
import type { ThemeFonts } from './format.ts';
import { readBorder, readParagraphProps, readRunProps, readShading } from './format.ts';
import type { PackageReader, Relationship } from './package.ts';
import { readShape } from './shapes.ts';
import { fromTwips } from './units.ts';
import { isWatermarkShape, readWatermark } from './watermark.ts';
import type { XElement } from './xml.ts';
import { alternateBranch, attr, child, descendants, elements, onOff, serialize } from './xml.ts';

/** Namespace prefixes whose markup this reader understands (for mc:AlternateContent choices). */
const UNDERSTOOD = ['w', 'wp', 'a', 'pic', 'wps', 'wp14', 'w14', 'v', 'o', 'w10', 'mc', 'r'];

/** State shared by every story of one document being read. */
export interface DocumentReadState {
  pkg: PackageReader;
  theme: ThemeFonts;
  /** Shapes whose docPr id was already used for a model id. */
  usedShapeNumbers: Set<number>;
  watermark: Watermark | null;
  /** Id of the style marked w:default for paragraphs, when there is one. */
  defaultParagraphStyle?: string;
}

/** A story part being read. */
export interface StoryContext {
  state: DocumentReadState;
  part: string;
  rels: Relationship[];
  /** xmlns declarations of the part's root, for verbatim fragments. */
  namespaces: Record<string, string>;
  /** Comment ranges are read in the main body only. */
  comments: boolean;
  openComments: string[];
  fields: FieldFrame[];
  /** Whether a watermark shape was found in this story (headers). */
  sawWatermark: boolean;
  /** Reads the section properties of a paragraph (main body only). */
  onSectPr?: (sectPr: XElement, p: Paragraph) => void;
}

interface FieldFrame {
  instr: string;
  phase: 'instr' | 'result';
  format: CharFormat;
  /** The paragraph the field began in; a field that spans paragraphs is read as its result text. */
  paragraph: object;
  buffer: Item[];
  passthrough: boolean;
}

type Item = Inline | { kind: 'break'; break: 'page' | 'column' };

interface InlineState {
  link?: Hyperlink;
  paragraph: object;
  out: Item[];
}

function relTarget(ctx: StoryContext, id: string | undefined): Relationship | undefined {
  return id === undefined ? undefined : ctx.rels.find((r) => r.id === id);
}

// ---------------------------------------------------------------------------------------------
// Verbatim content

const REL_ATTR = /^[A-Za-z0-9]+:(id|embed|link|pict|dm|lo|qs|cs)$/;
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function preservedPart(ctx: StoryContext, rel: Relationship, depth = 0): PreservedPart {
  if (rel.external) return { type: rel.type, external: rel.target };
  const { pkg } = ctx.state;
  const data = pkg.bytes(rel.target);
  const part: PreservedPart = {
    type: rel.type,
    name: rel.target.slice(rel.target.lastIndexOf('/') + 1),
    contentType: pkg.contentType(rel.target) ?? 'application/octet-stream',
    data: data ? Buffer.from(data).toString('base64') : '',
  };
  if (depth < 2) {
    const nested = pkg.rels(rel.target);
    if (nested.length) {
      part.parts = {};
      for (const r of nested) part.parts[r.id] = preservedPart(ctx, r, depth + 1);
    }
  }
  return part;
}

/**
 * Keeps an element verbatim, declaring the namespaces it uses and carrying the parts it refers to.
 * Run content (a drawing, a VML picture, an object) is kept inside its w:r with the run's properties,
 * so that export can put it back where runs go.
 */
function opaque(content: XElement, label: string, ctx: StoryContext, run?: XElement): OpaqueRun {
  const rPr = run ? child(run, 'w:rPr') : undefined;
  const e: XElement = run ? { name: 'w:r', attrs: {}, children: rPr ? [rPr, content] : [content] } : content;
  const prefixes = new Set<string>();
  const parts: Record<string, PreservedPart> = {};
  const visit = (n: XElement): void => {
    const p = n.name.indexOf(':');
    if (p > 0) prefixes.add(n.name.slice(0, p));
    for (const [k, v] of Object.entries(n.attrs)) {
      const q = k.indexOf(':');
      if (q > 0 && k.slice(0, q) !== 'xmlns' && k.slice(0, q) !== 'xml') prefixes.add(k.slice(0, q));
      if (REL_ATTR.test(k) && ctx.namespaces[`xmlns:${k.slice(0, k.indexOf(':'))}`] === RELATIONSHIPS_NS) {
        const rel = relTarget(ctx, v);
        if (rel && !parts[v]) parts[v] = preservedPart(ctx, rel);
      }
    }
    for (const c of elements(n)) visit(c);
  };
  visit(e);
  const attrs = { ...e.attrs };
  for (const prefix of prefixes) {
    const ns = ctx.namespaces[`xmlns:${prefix}`];
    if (ns !== undefined && attrs[`xmlns:${prefix}`] === undefined) attrs[`xmlns:${prefix}`] = ns;
  }
  return { kind: 'opaque', opaque: { label, xml: serialize({ ...e, attrs }), parts } };
}

// ---------------------------------------------------------------------------------------------
// Runs

function emit(ctx: StoryContext, st: InlineState, item: Item): void {
  const top = ctx.fields[ctx.fields.length - 1];
  if (top && !top.passthrough) {
    if (top.phase === 'instr') return; // nested content inside an instruction
    top.buffer.push(item);
    return;
  }
  st.out.push(item);
}

function withAnnotations(ctx: StoryContext, st: InlineState, r: TextRun | FieldRun): TextRun | FieldRun {
  if (st.link) r.link = { ...st.link };
  if (ctx.comments && ctx.openComments.length) r.comments = [...ctx.openComments];
  return r;
}

function emitText(ctx: StoryContext, st: InlineState, format: CharFormat, text: string): void {
  if (text === '') return;
  emit(ctx, st, withAnnotations(ctx, st, { ...format, text }) as TextRun);
}

/** The link a HYPERLINK field instruction names. */
function hyperlinkFromInstr(instr: string): Hyperlink | undefined {
  const m = /^\s*HYPERLINK\s+(.*)$/i.exec(instr);
  if (!m) return undefined;
  const args = m[1]!;
  const quoted = [...args.matchAll(/(\\[lo])?\s*"([^"]*)"/g)];
  const link: Hyperlink = {};
  for (const q of quoted) {
    if (q[1] === '\\l') link.anchor = q[2]!;
    else if (q[1] === '\\o') link.tooltip = q[2]!;
    else if (link.url === undefined) link.url = q[2]!;
  }
  if (link.url === undefined && link.anchor === undefined) {
    const bare = /^(\S+)/.exec(args.trim());
    if (bare) link.url = bare[1]!;
  }
  return link.url !== undefined || link.anchor !== undefined ? link : undefined;
}

function endField(ctx: StoryContext, st: InlineState): void {
  const frame = ctx.fields.pop();
  if (!frame || frame.passthrough) return;
  const instr = frame.instr.trim();
  const link = hyperlinkFromInstr(instr);
  if (link) {
    for (const item of frame.buffer) {
      if (item.kind === undefined || item.kind === 'field') item.link = link;
      emit(ctx, st, item);
    }
    return;
  }
  let result = '';
  for (const item of frame.buffer)
    if (item.kind === undefined) result += item.text;
    else if (item.kind === 'field') result += item.result;
  const field: FieldRun = { ...frame.format, kind: 'field', instr, result };
  emit(ctx, st, withAnnotations(ctx, st, field));
  for (const item of frame.buffer) if (item.kind === 'shape' || item.kind === 'opaque') emit(ctx, st, item);
}

function readDrawing(drawing: XElement, ctx: StoryContext, run: XElement): Inline | undefined {
  const frame = elements(drawing).find((e) => e.name === 'wp:anchor' || e.name === 'wp:inline');
  if (!frame) return undefined;
  const shape = readShape(frame, (content) =>
    readBlocks(content, { ...ctx, comments: ctx.comments, fields: [] }),
  );
  if (shape) {
    const { docPrId, ...rest } = shape;
    let id = '';
    if (docPrId > 0 && !ctx.state.usedShapeNumbers.has(docPrId)) {
      ctx.state.usedShapeNumbers.add(docPrId);
      id = `shape${docPrId}`;
    }
    return { kind: 'shape', shape: { id, ...rest } };
  }
  const label = descendants(frame, 'pic:pic').length
    ? 'picture'
    : descendants(frame, 'c:chart').length
      ? 'chart'
      : descendants(frame, 'dgm:relIds').length
        ? 'smartart'
        : 'drawing';
  return opaque(drawing, label, ctx, run);
}

function readRun(r: XElement, ctx: StoryContext, st: InlineState): void {
  const format = readRunProps(child(r, 'w:rPr'), ctx.state.theme);
  let text = '';
  const flush = (): void => {
    emitText(ctx, st, format, text);
    text = '';
  };
  for (const c of elements(r)) {
    switch (c.name) {
      case 'w:t':
        text += c.children.filter((x): x is string => typeof x === 'string').join('');
        break;
      case 'w:instrText': {
        const top = ctx.fields[ctx.fields.length - 1];
        if (top && top.phase === 'instr')
          top.instr += c.children.filter((x): x is string => typeof x === 'string').join('');
        break;
      }
      case 'w:tab':
      case 'w:ptab':
        text += '\t';
        break;
      case 'w:cr':
        text += '\n';
        break;
      case 'w:br': {
        const type = attr(c, 'w:type');
        if (type === 'page' || type === 'column') {
          flush();
          emit(ctx, st, { kind: 'break', break: type });
        } else text += '\n';
        break;
      }
      case 'w:noBreakHyphen':
        text += '\u2011';
        break;
      case 'w:sym': {
        const code = parseInt(attr(c, 'w:char') ?? '', 16);
        if (Number.isFinite(code)) text += String.fromCharCode(code);
        break;
      }
      case 'w:fldChar': {
        flush();
        const type = attr(c, 'w:fldCharType');
        if (type === 'begin') {
          const parent = ctx.fields[ctx.fields.length - 1];
          ctx.fields.push({
            instr: '',
            phase: 'instr',
            format,
            paragraph: st.paragraph,
            buffer: [],
            // Inside a field that is passed through (or a field's instruction), nested fields are too.
            passthrough: parent !== undefined && (parent.passthrough || parent.phase === 'instr'),
          });
        } else if (type === 'separate') {
          const top = ctx.fields[ctx.fields.length - 1];
          if (top) top.phase = 'result';
        } else if (type === 'end') endField(ctx, st);
        break;
      }
      case 'w:drawing': {
        flush();
        const item = readDrawing(c, ctx, r);
        if (item) emit(ctx, st, item);
        break;
      }
      case 'mc:AlternateContent': {
        flush();
        const choice = childrenNamed(c, 'mc:Choice').find((x) => child(x, 'w:drawing'));
        const drawing = child(choice, 'w:drawing');
        const shape = drawing ? readDrawing(drawing, ctx, r) : undefined;
        if (shape && shape.kind === 'shape') emit(ctx, st, shape);
        else {
          const pict = child(child(c, 'mc:Fallback'), 'w:pict');
          if (pict && readPict(pict, ctx)) break;
          emit(ctx, st, opaque(c, 'drawing', ctx, r));
        }
        break;
      }
      case 'w:pict': {
        flush();
        if (!readPict(c, ctx)) emit(ctx, st, opaque(c, 'drawing', ctx, r));
        break;
      }
      case 'w:object':
        flush();
        emit(ctx, st, opaque(c, 'object', ctx, r));
        break;
      default:
        // rPr, annotationRef, commentReference, footnote marks, lastRenderedPageBreak, softHyphen...
        break;
    }
  }
  flush();
}

/** A VML picture: true when it was a watermark (captured, not kept as content). */
function readPict(pict: XElement, ctx: StoryContext): boolean {
  const shape = descendants(pict, 'v:shape').find(isWatermarkShape);
  if (!shape || !ctx.part.includes('header')) return false;
  ctx.sawWatermark = true;
  if (!ctx.state.watermark) {
    ctx.state.watermark =
      readWatermark(shape, (rId) => {
        const rel = relTarget(ctx, rId);
        const data = rel && !rel.external ? ctx.state.pkg.bytes(rel.target) : undefined;
        if (!rel || !data) return undefined;
        return {
          name: rel.target.slice(rel.target.lastIndexOf('/') + 1),
          contentType: ctx.state.pkg.contentType(rel.target) ?? 'image/png',
          data: Buffer.from(data).toString('base64'),
        };
      }) ?? null;
  }
  return true;
}

function childrenNamed(e: XElement, name: string): XElement[] {
  return elements(e).filter((c) => c.name === name);
}

function readInlineContent(container: XElement, ctx: StoryContext, st: InlineState): void {
  for (const c of elements(container)) {
    switch (c.name) {
      case 'w:r':
        readRun(c, ctx, st);
        break;
      case 'w:hyperlink': {
        const rel = relTarget(ctx, attr(c, 'r:id'));
        const link: Hyperlink = {};
        if (rel) link.url = rel.target;
        const anchor = attr(c, 'w:anchor');
        if (anchor) link.anchor = anchor;
        const tooltip = attr(c, 'w:tooltip');
        if (tooltip) link.tooltip = tooltip;
        readInlineContent(c, ctx, {
          ...st,
          link: link.url !== undefined || link.anchor !== undefined ? link : st.link,
          out: st.out,
        });
        break;
      }
      case 'w:fldSimple': {
        const instr = (attr(c, 'w:instr') ?? '').trim();
        const firstRun = child(c, 'w:r');
        ctx.fields.push({
          instr,
          phase: 'result',
          format: readRunProps(child(firstRun, 'w:rPr'), ctx.state.theme),
          paragraph: st.paragraph,
          buffer: [],
          passthrough: false,
        });
        readInlineContent(c, ctx, st);
        endField(ctx, st);
        break;
      }
      case 'w:ins':
      case 'w:moveTo':
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:dir':
      case 'w:bdo':
        readInlineContent(c, ctx, st);
        break;
      case 'w:sdt':
        readInlineContent(child(c, 'w:sdtContent') ?? c, ctx, st);
        break;
      case 'mc:AlternateContent': {
        const branch = alternateBranch(c, UNDERSTOOD);
        if (branch) readInlineContent(branch, ctx, st);
        break;
      }
      case 'w:commentRangeStart': {
        const id = attr(c, 'w:id');
        if (ctx.comments && id !== undefined && !ctx.openComments.includes(id)) ctx.openComments.push(id);
        break;
      }
      case 'w:commentRangeEnd': {
        const id = attr(c, 'w:id');
        const i = id === undefined ? -1 : ctx.openComments.indexOf(id);
        if (i >= 0) ctx.openComments.splice(i, 1);
        break;
      }
      case 'm:oMath':
      case 'm:oMathPara':
        emit(ctx, st, opaque(c, 'math', ctx));
        break;
      default:
        // pPr, bookmarks, w:del / w:moveFrom (deleted text), proofErr, permStart...
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and blocks

function readParagraph(p: XElement, ctx: StoryContext): Block[] {
  const pPr = child(p, 'w:pPr');
  const format = readParagraphProps(pPr);
  // The model reads a paragraph without a style as 'Normal'; name the default style when it is another.
  const defaultStyle = ctx.state.defaultParagraphStyle;
  if (format.style === undefined && defaultStyle !== undefined && defaultStyle !== 'Normal')
    format.style = defaultStyle;
  const markProps = readRunProps(child(pPr, 'w:rPr'), ctx.state.theme);
  const token = {};
  const st: InlineState = { paragraph: token, out: [] };
  readInlineContent(p, ctx, st);
  // A field still open at the paragraph end spans paragraphs: its result so far is plain content.
  for (const frame of ctx.fields) {
    if (frame.passthrough) continue;
    if (frame.paragraph === token && frame.phase === 'result') st.out.push(...frame.buffer);
    frame.buffer = [];
    frame.passthrough = true;
  }
  const make = (items: Item[]): Paragraph => {
    const para: Paragraph = { type: 'paragraph', ...structuredClone(format), runs: items as Inline[] };
    if (Object.keys(markProps).length) para.mark = { ...markProps };
    normalizeRuns(para);
    return para;
  };
  const blocks: Block[] = [];
  let segment: Item[] = [];
  let breaks = 0;
  for (const item of st.out) {
    if (item.kind === 'break') {
      if (segment.length) blocks.push(make(segment));
      blocks.push({ type: 'pageBreak', break: item.break });
      segment = [];
      breaks++;
    } else segment.push(item);
  }
  // After a break, an empty remainder is just the paragraph mark the break left on the next page.
  const sectPr = child(pPr, 'w:sectPr');
  if (segment.length || breaks === 0 || sectPr) {
    const last = make(segment);
    if (sectPr && ctx.onSectPr) ctx.onSectPr(sectPr, last);
    blocks.push(last);
  }
  return blocks;
}

function cellWidth(tcW: XElement | undefined): number | undefined {
  const type = attr(tcW, 'w:type') ?? 'dxa';
  if (type !== 'dxa') return undefined;
  return fromTwips(attr(tcW, 'w:w'));
}

function collectRows(e: XElement, out: XElement[] = []): XElement[] {
  for (const c of elements(e)) {
    if (c.name === 'w:tr') out.push(c);
    else if (c.name === 'w:sdt') collectRows(child(c, 'w:sdtContent') ?? c, out);
    else if (c.name === 'w:customXml') collectRows(c, out);
  }
  return out;
}

function collectCells(tr: XElement, out: XElement[] = []): XElement[] {
  for (const c of elements(tr)) {
    if (c.name === 'w:tc') out.push(c);
    else if (c.name === 'w:sdt') collectCells(child(c, 'w:sdtContent') ?? c, out);
    else if (c.name === 'w:customXml') collectCells(c, out);
  }
  return out;
}

const TABLE_BORDER_SIDES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'] as const;

export function readTableBorders(tblBorders: XElement | undefined): Table['borders'] {
  if (!tblBorders) return undefined;
  const borders: NonNullable<Table['borders']> = {};
  for (const side of TABLE_BORDER_SIDES) {
    const alt = side === 'left' ? 'w:start' : side === 'right' ? 'w:end' : undefined;
    const b = readBorder(child(tblBorders, `w:${side}`) ?? (alt ? child(tblBorders, alt) : undefined));
    if (b) borders[side] = b;
  }
  return Object.keys(borders).length ? borders : undefined;
}

function readTable(tbl: XElement, ctx: StoryContext): Table {
  const tblPr = child(tbl, 'w:tblPr');
  const table: Table = { type: 'table', rows: [], colWidths: [] };
  const style = attr(child(tblPr, 'w:tblStyle'), 'w:val');
  if (style) table.style = style;
  const jc = attr(child(tblPr, 'w:jc'), 'w:val');
  if (jc === 'center') table.align = 'center';
  else if (jc === 'right' || jc === 'end') table.align = 'right';
  else if (jc === 'left' || jc === 'start') table.align = 'left';
  const borders = readTableBorders(child(tblPr, 'w:tblBorders'));
  if (borders) table.borders = borders;
  const cellBorders: CellBorders[][] = [];
  table.colWidths = elements(child(tbl, 'w:tblGrid'))
    .filter((g) => g.name === 'w:gridCol')
    .map((g) => fromTwips(attr(g, 'w:w')) ?? 0);
  for (const tr of collectRows(tbl)) {
    const trPr = child(tr, 'w:trPr');
    const row: TableRow = { cells: [] };
    const height = fromTwips(attr(child(trPr, 'w:trHeight'), 'w:val'));
    if (height !== undefined && height > 0) row.height = height;
    if (onOff(child(trPr, 'w:tblHeader'))) row.header = true;
    const rowBorders: CellBorders[] = [];
    cellBorders.push(rowBorders);
    for (const tc of collectCells(tr)) {
      const tcPr = child(tc, 'w:tcPr');
      const tcBorders = child(tcPr, 'w:tcBorders');
      rowBorders.push({
        top: readBorder(child(tcBorders, 'w:top')),
        bottom: readBorder(child(tcBorders, 'w:bottom')),
        left: readBorder(child(tcBorders, 'w:left') ?? child(tcBorders, 'w:start')),
        right: readBorder(child(tcBorders, 'w:right') ?? child(tcBorders, 'w:end')),
      });
      const cell: TableCell = { blocks: readBlocks(tc, ctx) };
      if (cell.blocks.length === 0) cell.blocks.push({ type: 'paragraph', runs: [] });
      const width = cellWidth(child(tcPr, 'w:tcW'));
      if (width !== undefined) cell.width = width;
      const span = Number(attr(child(tcPr, 'w:gridSpan'), 'w:val') ?? 1);
      if (span > 1) cell.span = span;
      const vMerge = child(tcPr, 'w:vMerge');
      if (vMerge) cell.vMerge = attr(vMerge, 'w:val') === 'restart' ? 'restart' : 'continue';
      const shading = readShading(child(tcPr, 'w:shd'));
      if (shading) cell.shading = shading;
      const vAlign = attr(child(tcPr, 'w:vAlign'), 'w:val');
      if (vAlign === 'top' || vAlign === 'center' || vAlign === 'bottom') cell.vAlign = vAlign;
      row.cells.push(cell);
    }
    table.rows.push(row);
  }
  if (table.colWidths.length === 0 && table.rows[0]) {
    table.colWidths = table.rows[0].cells.flatMap((c) =>
      Array.from({ length: c.span ?? 1 }, () => (c.width ?? 72) / (c.span ?? 1)),
    );
  }
  if (!table.borders) {
    const derived = bordersFromCells(cellBorders);
    if (derived) table.borders = derived;
  }
  return table;
}

interface CellBorders {
  top?: Border;
  bottom?: Border;
  left?: Border;
  right?: Border;
}

function sameBorder(a: Border | undefined, b: Border | undefined): boolean {
  return (
    a === b ||
    (!!a && !!b && a.style === b.style && a.width === b.width && a.color === b.color && a.space === b.space)
  );
}

/** The border every listed cell edge shares, or undefined when they differ or one has none. */
function common(edges: (Border | undefined)[]): Border | undefined {
  const first = edges[0];
  return first && edges.every((b) => sameBorder(b, first)) ? first : undefined;
}

/**
 * Table borders from cell borders. Some writers (LibreOffice) put a table's borders on its cells;
 * the model keeps table-level borders, so a side all the cells agree on becomes the table's.
 */
function bordersFromCells(rows: CellBorders[][]): Table['borders'] {
  if (rows.length === 0 || rows.every((r) => r.every((c) => !c.top && !c.bottom && !c.left && !c.right)))
    return undefined;
  const last = rows.length - 1;
  const borders: NonNullable<Table['borders']> = {};
  const set = (side: keyof NonNullable<Table['borders']>, b: Border | undefined): void => {
    if (b) borders[side] = b;
  };
  set('top', common(rows[0]!.map((c) => c.top)));
  set('bottom', common(rows[last]!.map((c) => c.bottom)));
  set('left', common(rows.map((r) => r[0]?.left)));
  set('right', common(rows.map((r) => r[r.length - 1]?.right)));
  const innerH = rows.slice(0, last).flatMap((r) => r.map((c) => c.bottom));
  if (innerH.length) set('insideH', common(innerH));
  const innerV = rows.flatMap((r) => r.slice(0, -1).map((c) => c.right));
  if (innerV.length) set('insideV', common(innerV));
  return Object.keys(borders).length ? borders : undefined;
}

/** Reads the block-level content of a story element (w:body, w:hdr, w:tc, w:txbxContent...). */
export function readBlocks(container: XElement, ctx: StoryContext): Block[] {
  const out: Block[] = [];
  const visit = (e: XElement): void => {
    for (const c of elements(e)) {
      switch (c.name) {
        case 'w:p':
          out.push(...readParagraph(c, ctx));
          break;
        case 'w:tbl':
          out.push(readTable(c, ctx));
          break;
        case 'w:sdt':
          visit(child(c, 'w:sdtContent') ?? c);
          break;
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          visit(c);
          break;
        case 'mc:AlternateContent': {
          const branch = alternateBranch(c, UNDERSTOOD);
          if (branch) visit(branch);
          break;
        }
        case 'w:commentRangeStart': {
          const id = attr(c, 'w:id');
          if (ctx.comments && id !== undefined && !ctx.openComments.includes(id)) ctx.openComments.push(id);
          break;
        }
        case 'w:commentRangeEnd': {
          const id = attr(c, 'w:id');
          const i = id === undefined ? -1 : ctx.openComments.indexOf(id);
          if (i >= 0) ctx.openComments.splice(i, 1);
          break;
        }
        default:
          break;
      }
    }
  };
  visit(container);
  return out;
}
