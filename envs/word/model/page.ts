import { PAGE_SIZES, emptyParagraph } from './document.ts';
import { currentBlocks, insertionAttributes, setSelection, deleteSelection } from './editing.ts';
import { checkColor, checkNumber, invalidArgument, invalidState } from './errors.ts';
import { firstPosition, isCollapsed, lastPosition, sections, sectionIndexOfBlock } from './positions.ts';
import { insertInlines, paragraphLength } from './runs.ts';
import type {
  Block,
  Border,
  FieldRun,
  HeaderFooter,
  NumberFormat,
  PageBorders,
  Paragraph,
  SectionSetup,
  Watermark,
  WordDocument,
} from './types.ts';

export type SectionScope = 'document' | 'section';

function targetSections(doc: WordDocument, scope: SectionScope): SectionSetup[] {
  if (scope === 'document') return sections(doc);
  if (scope !== 'section')
    throw invalidArgument(`scope must be 'document' or 'section', got ${JSON.stringify(scope)}`);
  const index =
    doc.selection.story === undefined ? sectionIndexOfBlock(doc, doc.selection.focus.path[0]!) : 0;
  return [sections(doc)[index]!];
}

/** Layout > Margins gallery presets, in points. */
export const MARGIN_PRESETS: Record<string, { top: number; bottom: number; left: number; right: number }> = {
  Normal: { top: 72, bottom: 72, left: 72, right: 72 },
  Narrow: { top: 36, bottom: 36, left: 36, right: 36 },
  Moderate: { top: 72, bottom: 72, left: 54, right: 54 },
  Wide: { top: 72, bottom: 72, left: 144, right: 144 },
  'Office 2003 Default': { top: 72, bottom: 72, left: 90, right: 90 },
};

export interface PageSetupPatch {
  orientation?: 'portrait' | 'landscape';
  /** A named size (Letter, A4, Legal...) or a custom one in points. */
  size?: string | { width: number; height: number };
  /** A Margins gallery preset name or explicit margins in points. */
  margins?: string | Partial<SectionSetup['margins']>;
  /** Number of columns, or the full column setup. */
  columns?: number | Partial<SectionSetup['columns']>;
  vAlign?: SectionSetup['vAlign'];
}

/**
 * Layout > Orientation / Size / Margins / Columns (and the Page Setup dialog). Applies to the whole
 * document by default, or to the caret's section.
 */
export function setPageSetup(
  doc: WordDocument,
  patch: PageSetupPatch,
  scope: SectionScope = 'document',
): void {
  if (!patch || typeof patch !== 'object') throw invalidArgument('page setup must be an object');
  const known = ['orientation', 'size', 'margins', 'columns', 'vAlign'];
  for (const key of Object.keys(patch))
    if (!known.includes(key))
      throw invalidArgument(`unknown page setup key ${JSON.stringify(key)}; expected ${known.join(', ')}`);
  let size: { width: number; height: number } | undefined;
  if (patch.size !== undefined) {
    if (typeof patch.size === 'string') {
      const named = Object.entries(PAGE_SIZES).find(
        ([name]) => name.toLowerCase() === (patch.size as string).toLowerCase(),
      );
      if (!named)
        throw invalidArgument(
          `unknown page size ${JSON.stringify(patch.size)}; expected one of ${Object.keys(PAGE_SIZES).join(', ')} or {width, height}`,
        );
      size = { ...named[1] };
    } else {
      size = {
        width: checkNumber('page width', patch.size.width, 72, 1584),
        height: checkNumber('page height', patch.size.height, 72, 1584),
      };
    }
  }
  if (
    patch.orientation !== undefined &&
    patch.orientation !== 'portrait' &&
    patch.orientation !== 'landscape'
  ) {
    throw invalidArgument(
      `orientation must be 'portrait' or 'landscape', got ${JSON.stringify(patch.orientation)}`,
    );
  }
  let margins: Partial<SectionSetup['margins']> | undefined;
  if (patch.margins !== undefined) {
    if (typeof patch.margins === 'string') {
      const preset = Object.entries(MARGIN_PRESETS).find(
        ([name]) => name.toLowerCase() === (patch.margins as string).toLowerCase(),
      );
      if (!preset)
        throw invalidArgument(
          `unknown margins preset ${JSON.stringify(patch.margins)}; expected one of ${Object.keys(MARGIN_PRESETS).join(', ')}`,
        );
      margins = { ...preset[1] };
    } else {
      margins = {};
      for (const [k, v] of Object.entries(patch.margins)) {
        if (!['top', 'bottom', 'left', 'right', 'header', 'footer', 'gutter'].includes(k))
          throw invalidArgument(`unknown margin ${JSON.stringify(k)}`);
        (margins as Record<string, number>)[k] = checkNumber(`${k} margin`, v, 0, 1584);
      }
    }
  }
  let columns: Partial<SectionSetup['columns']> | undefined;
  if (patch.columns !== undefined) {
    columns = typeof patch.columns === 'number' ? { count: patch.columns } : { ...patch.columns };
    if (columns.count !== undefined) {
      checkNumber('column count', columns.count, 1, 45);
      if (!Number.isInteger(columns.count))
        throw invalidArgument(`column count must be an integer, got ${columns.count}`);
    }
    if (columns.space !== undefined) checkNumber('column spacing', columns.space, 0, 1584);
    if (columns.separator !== undefined && typeof columns.separator !== 'boolean')
      throw invalidArgument('column separator must be true or false');
  }
  if (patch.vAlign !== undefined && !['top', 'center', 'bottom', 'both'].includes(patch.vAlign)) {
    throw invalidArgument(
      `vertical alignment must be top, center, bottom or both, got ${JSON.stringify(patch.vAlign)}`,
    );
  }
  for (const s of targetSections(doc, scope)) {
    if (size) {
      const landscape = (patch.orientation ?? s.orientation) === 'landscape';
      s.pageWidth = landscape ? Math.max(size.width, size.height) : Math.min(size.width, size.height);
      s.pageHeight = landscape ? Math.min(size.width, size.height) : Math.max(size.width, size.height);
    }
    if (patch.orientation !== undefined && patch.orientation !== s.orientation) {
      s.orientation = patch.orientation;
      const long = Math.max(s.pageWidth, s.pageHeight);
      const short = Math.min(s.pageWidth, s.pageHeight);
      s.pageWidth = patch.orientation === 'landscape' ? long : short;
      s.pageHeight = patch.orientation === 'landscape' ? short : long;
    }
    if (margins) s.margins = { ...s.margins, ...margins };
    if (s.margins.left + s.margins.right + s.margins.gutter > s.pageWidth - 36) {
      throw invalidArgument('the left and right margins leave less than half an inch for text');
    }
    if (s.margins.top + s.margins.bottom > s.pageHeight - 36)
      throw invalidArgument('the top and bottom margins leave less than half an inch for text');
    if (columns) s.columns = { ...s.columns, ...columns } as SectionSetup['columns'];
    if (patch.vAlign !== undefined) s.vAlign = patch.vAlign;
  }
}

type HfKind = 'header' | 'footer';
type HfType = 'default' | 'first' | 'even';

function checkHfType(type: string): HfType {
  if (type !== 'default' && type !== 'first' && type !== 'even')
    throw invalidArgument(`header/footer type must be default, first or even, got ${JSON.stringify(type)}`);
  return type;
}

function paragraphsFromText(text: string, style: string): Paragraph[] {
  return text.split(/\r\n?|\n/).map((line) => {
    const p: Paragraph = { type: 'paragraph', style, runs: [] };
    if (line) p.runs.push({ text: line.replace(/\t/g, '\t') });
    return p;
  });
}

function setHf(
  doc: WordDocument,
  kind: HfKind,
  content: string | Block[] | null,
  type: HfType,
  scope: SectionScope,
): void {
  checkHfType(type);
  if (content !== null && typeof content !== 'string' && !Array.isArray(content)) {
    throw invalidArgument(`${kind} content must be text, a list of blocks or null`);
  }
  for (const s of targetSections(doc, scope)) {
    const map = kind === 'header' ? s.headers : s.footers;
    if (content === null) delete map[type];
    else {
      const blocks =
        typeof content === 'string'
          ? paragraphsFromText(content, kind === 'header' ? 'Header' : 'Footer')
          : structuredClone(content);
      if (blocks.length === 0) blocks.push(emptyParagraph());
      map[type] = { blocks };
    }
    if (type === 'first' && content !== null) s.titlePage = true;
  }
  if (type === 'even' && content !== null) doc.evenAndOddHeaders = true;
  if (doc.selection.story?.startsWith(`${kind}:${type}:`) && content === null)
    setSelection(doc, firstPosition(doc.body));
}

/** Insert > Header (or typing into it): sets the header text (lines become paragraphs) or blocks; null removes it. */
export function setHeader(
  doc: WordDocument,
  content: string | Block[] | null,
  options: { type?: HfType; scope?: SectionScope } = {},
): void {
  setHf(doc, 'header', content, options.type ?? 'default', options.scope ?? 'document');
}

/** Insert > Footer; see setHeader. */
export function setFooter(
  doc: WordDocument,
  content: string | Block[] | null,
  options: { type?: HfType; scope?: SectionScope } = {},
): void {
  setHf(doc, 'footer', content, options.type ?? 'default', options.scope ?? 'document');
}

/**
 * Insert > Header > Edit Header (or double-clicking the header area): moves the caret into the header
 * of the caret's section, creating an empty one when there is none.
 */
export function editHeaderFooter(doc: WordDocument, kind: HfKind, type: HfType = 'default'): void {
  if (kind !== 'header' && kind !== 'footer')
    throw invalidArgument(`kind must be 'header' or 'footer', got ${JSON.stringify(kind)}`);
  checkHfType(type);
  const index =
    doc.selection.story === undefined ? sectionIndexOfBlock(doc, doc.selection.focus.path[0]!) : 0;
  // A section without its own header shows (and edits) the nearest earlier section's.
  const all = sections(doc);
  let owner = index;
  while (owner > 0 && !(kind === 'header' ? all[owner]!.headers : all[owner]!.footers)[type]) owner--;
  const section = all[owner]!;
  const map = kind === 'header' ? section.headers : section.footers;
  if (!map[type])
    map[type] = { blocks: [{ type: 'paragraph', style: kind === 'header' ? 'Header' : 'Footer', runs: [] }] };
  if (type === 'first') section.titlePage = true;
  if (type === 'even') doc.evenAndOddHeaders = true;
  const story = `${kind}:${type}:${owner}`;
  const blocks = map[type].blocks;
  const end = lastPosition(blocks);
  doc.selection = { story, anchor: end, focus: { path: end.path.slice(), offset: end.offset } };
  doc.pending = null;
}

/** Close Header and Footer: back to the body. */
export function closeHeaderFooter(doc: WordDocument): void {
  const start = firstPosition(doc.body);
  doc.selection = { anchor: start, focus: { path: start.path.slice(), offset: 0 } };
  doc.pending = null;
}

/** The value a field shows in the model (pages are not laid out, so PAGE shows 1). */
export function fieldResult(doc: WordDocument, instr: string, pageCount = 1): string {
  const name = instr.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
  switch (name) {
    case 'PAGE':
      return '1';
    case 'NUMPAGES':
    case 'SECTIONPAGES':
      return String(pageCount);
    case 'SECTION':
      return '1';
    case 'DATE':
    case 'TIME':
    case 'CREATEDATE':
    case 'SAVEDATE':
      return doc.properties.modified?.slice(0, 10) ?? '';
    case 'TITLE':
      return doc.properties.title ?? '';
    case 'AUTHOR':
      return doc.properties.creator ?? '';
    default:
      return '';
  }
}

/** Insert > Quick Parts > Field: a field at the caret. */
export function insertField(doc: WordDocument, instr: string): void {
  if (typeof instr !== 'string' || instr.trim() === '')
    throw invalidArgument('field instruction must be a non-empty string like PAGE');
  if (!isCollapsed(doc.selection)) deleteSelection(doc);
  const { path, offset } = doc.selection.focus;
  const blocks = currentBlocks(doc);
  const target = blocks.length ? (blockAtSafe(blocks, path) as Paragraph | undefined) : undefined;
  if (!target || target.type !== 'paragraph')
    throw invalidState('put the caret in a paragraph to insert a field');
  const attrs = insertionAttributes(doc, target, offset);
  const field: FieldRun = {
    ...attrs,
    kind: 'field',
    instr: instr.trim(),
    result: fieldResult(doc, instr),
  } as FieldRun;
  delete (field as { text?: string }).text;
  insertInlines(target, offset, [field]);
  setSelection(doc, { path, offset: offset + 1 });
  doc.pending = null;
}

function blockAtSafe(blocks: Block[], path: number[]): Block | undefined {
  let list = blocks;
  let b: Block | undefined;
  for (let i = 0; i < path.length; i += 3) {
    b = list[path[i]!];
    if (!b) return undefined;
    if (i + 3 < path.length) {
      if (b.type !== 'table') return undefined;
      const cell = b.rows[path[i + 1]!]?.cells[path[i + 2]!];
      if (!cell) return undefined;
      list = cell.blocks;
    }
  }
  return b;
}

/**
 * Insert > Page Number > Top/Bottom of Page: replaces the header or footer with one paragraph holding
 * a PAGE field ('Page X of Y' adds NUMPAGES), aligned as asked, in every section. In a header or
 * footer story, position 'current' inserts the field at the caret instead.
 */
export function insertPageNumber(
  doc: WordDocument,
  options: {
    position?: 'header' | 'footer' | 'current';
    align?: 'left' | 'center' | 'right';
    format?: 'plain' | 'pageXofY';
  } = {},
): void {
  const position = options.position ?? 'footer';
  const align = options.align ?? 'center';
  const format = options.format ?? 'plain';
  if (!['header', 'footer', 'current'].includes(position))
    throw invalidArgument(
      `page number position must be header, footer or current, got ${JSON.stringify(position)}`,
    );
  if (!['left', 'center', 'right'].includes(align))
    throw invalidArgument(
      `page number alignment must be left, center or right, got ${JSON.stringify(align)}`,
    );
  if (format !== 'plain' && format !== 'pageXofY')
    throw invalidArgument(`page number format must be plain or pageXofY, got ${JSON.stringify(format)}`);
  if (position === 'current') {
    insertField(doc, 'PAGE');
    return;
  }
  const page: FieldRun = { kind: 'field', instr: 'PAGE', result: '1' };
  const runs: Paragraph['runs'] =
    format === 'plain'
      ? [page]
      : [
          { text: 'Page ' },
          { ...page, bold: true },
          { text: ' of ' },
          { kind: 'field', instr: 'NUMPAGES', result: '1', bold: true },
        ];
  const p: Paragraph = { type: 'paragraph', style: position === 'header' ? 'Header' : 'Footer', runs };
  if (align !== 'left') p.align = align;
  setHf(doc, position, [p], 'default', 'document');
}

/** Insert > Page Number > Format Page Numbers: number format and start value. */
export function setPageNumbering(
  doc: WordDocument,
  options: { format?: NumberFormat; start?: number | null },
  scope: SectionScope = 'document',
): void {
  const formats: NumberFormat[] = ['decimal', 'lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman'];
  if (options.format !== undefined && !formats.includes(options.format))
    throw invalidArgument(`page number format must be one of ${formats.join(', ')}`);
  if (options.start !== undefined && options.start !== null)
    checkNumber('page number start', options.start, 0, 32767);
  for (const s of targetSections(doc, scope)) {
    if (options.format !== undefined) s.pageNumbers.format = options.format;
    if (options.start === null) delete s.pageNumbers.start;
    else if (options.start !== undefined) s.pageNumbers.start = options.start;
  }
}

/** The text watermarks in Word's Watermark gallery. */
export const WATERMARK_PRESETS = ['CONFIDENTIAL', 'DO NOT COPY', 'DRAFT', 'SAMPLE', 'ASAP', 'URGENT'];

export type WatermarkInput =
  | {
      kind?: 'text';
      text: string;
      font?: string;
      size?: number | 'auto';
      color?: string;
      semitransparent?: boolean;
      layout?: 'diagonal' | 'horizontal';
    }
  | {
      kind: 'picture';
      name: string;
      contentType: string;
      data: string;
      width?: number;
      height?: number;
      washout?: boolean;
    };

/** Design > Watermark (gallery or Custom Watermark); null removes it. */
export function setWatermark(doc: WordDocument, input: WatermarkInput | string | null): void {
  if (input === null) {
    doc.watermark = null;
    return;
  }
  const spec: WatermarkInput = typeof input === 'string' ? { kind: 'text', text: input } : input;
  if (spec.kind === 'picture') {
    if (typeof spec.data !== 'string' || spec.data.length === 0)
      throw invalidArgument('picture watermark needs base64 image data');
    if (!/^image\/(png|jpeg|gif|bmp)$/.test(spec.contentType))
      throw invalidArgument(
        `picture watermark must be png, jpeg, gif or bmp, got ${JSON.stringify(spec.contentType)}`,
      );
    if (typeof spec.name !== 'string' || !/\.(png|jpe?g|gif|bmp)$/i.test(spec.name))
      throw invalidArgument(
        `picture watermark name must be a file name like image1.png, got ${JSON.stringify(spec.name)}`,
      );
    doc.watermark = {
      kind: 'picture',
      name: spec.name,
      contentType: spec.contentType,
      data: spec.data,
      width: spec.width === undefined ? 432 : checkNumber('watermark width', spec.width, 1, 1584),
      height: spec.height === undefined ? 288 : checkNumber('watermark height', spec.height, 1, 1584),
      washout: spec.washout ?? true,
    };
    return;
  }
  if (typeof spec.text !== 'string' || spec.text.trim() === '')
    throw invalidArgument('text watermark needs non-empty text');
  if (spec.layout !== undefined && spec.layout !== 'diagonal' && spec.layout !== 'horizontal')
    throw invalidArgument(
      `watermark layout must be diagonal or horizontal, got ${JSON.stringify(spec.layout)}`,
    );
  const size =
    spec.size === undefined || spec.size === 'auto'
      ? 'auto'
      : checkNumber('watermark size', spec.size, 1, 1638);
  const wm: Watermark = {
    kind: 'text',
    text: spec.text,
    font: spec.font ?? 'Calibri',
    size,
    color: spec.color === undefined ? 'C0C0C0' : checkColor('watermark color', spec.color),
    semitransparent: spec.semitransparent ?? true,
    layout: spec.layout ?? 'diagonal',
  };
  doc.watermark = wm;
}

/** Design > Page Color; null is No Color. */
export function setPageColor(doc: WordDocument, color: string | null): void {
  doc.pageColor = color === null ? null : checkColor('page color', color);
  if (doc.pageColor === 'auto') doc.pageColor = null;
}

/**
 * Design > Page Borders: a border on the given sides (all four, Word's Box setting, by default); null
 * removes the page border.
 */
export function setPageBorders(
  doc: WordDocument,
  border: Partial<Border> | null,
  options: {
    sides?: ('top' | 'left' | 'bottom' | 'right')[];
    offsetFrom?: 'text' | 'page';
    scope?: SectionScope;
  } = {},
): void {
  const scope = options.scope ?? 'document';
  if (border === null) {
    for (const s of targetSections(doc, scope)) delete s.pageBorders;
    return;
  }
  const sides = options.sides ?? ['top', 'left', 'bottom', 'right'];
  for (const side of sides)
    if (!['top', 'left', 'bottom', 'right'].includes(side))
      throw invalidArgument(`unknown page border side ${JSON.stringify(side)}`);
  if (options.offsetFrom !== undefined && options.offsetFrom !== 'text' && options.offsetFrom !== 'page')
    throw invalidArgument('offsetFrom must be text or page');
  const line: Border = {
    style: border.style ?? 'single',
    width: checkNumber('page border width', border.width ?? 0.5, 0.25, 6),
    color: checkColor('page border color', border.color ?? 'auto'),
    space: checkNumber('page border spacing', border.space ?? 24, 0, 31),
  };
  if (typeof line.style !== 'string' || line.style === '' || line.style === 'none' || line.style === 'nil')
    throw invalidArgument('page border style must be a line style such as single, double or dotted');
  for (const s of targetSections(doc, scope)) {
    const pb: PageBorders = { offsetFrom: options.offsetFrom ?? 'page' };
    for (const side of sides) pb[side] = { ...line };
    s.pageBorders = pb;
  }
}

/** Is the header/footer empty of text (only empty paragraphs)? */
export function isEmptyHeaderFooter(hf: HeaderFooter | undefined): boolean {
  return !hf || hf.blocks.every((b) => b.type === 'paragraph' && paragraphLength(b) === 0);
}
