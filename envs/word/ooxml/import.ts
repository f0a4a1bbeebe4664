/**
 * importDocx: a .docx package (from Word, LibreOffice or any other writer) as a WordDocument to
 * start an episode from. Broken input fails with a WordModelError (code 'invalid_document') that
 * names the broken part.
 */
import type {
  Comment,
  DocProperties,
  HeaderFooter,
  ListDef,
  ListLevel,
  NumberFormat,
  SectionSetup,
  StyleDef,
  WordDocument,
} from '../model/index.ts';
import { builtinStyles, defaultSection, firstPosition, listShapes, normalizeRuns } from '../model/index.ts';
import type { ThemeFonts } from './format.ts';
import { readBorder, readParagraphProps, readRunProps } from './format.ts';
import { NS, PackageReader, REL, findRel } from './package.ts';
import type { DocumentReadState, StoryContext } from './read-body.ts';
import { readBlocks, readTableBorders } from './read-body.ts';
import { fromTwips } from './units.ts';
import type { XElement } from './xml.ts';
import {
  attr,
  child,
  childrenNamed,
  descendants,
  documentError,
  elements,
  isOn,
  onOff,
  textOf,
} from './xml.ts';

const NUMBER_FORMATS: readonly NumberFormat[] = [
  'decimal',
  'lowerLetter',
  'upperLetter',
  'lowerRoman',
  'upperRoman',
  'bullet',
  'decimalZero',
  'ordinal',
  'cardinalText',
  'ordinalText',
  'none',
];

function namespacesOf(root: XElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(root.attrs)) if (k.startsWith('xmlns:')) out[k] = v;
  return out;
}

function readTheme(pkg: PackageReader, docPart: string): ThemeFonts {
  const fonts: ThemeFonts = { major: 'Calibri Light', minor: 'Calibri' };
  const rel = findRel(pkg.rels(docPart), REL.theme);
  const theme = rel ? pkg.xml(rel.target) : undefined;
  if (!theme) return fonts;
  const scheme = descendants(theme, 'a:fontScheme')[0];
  const major = attr(child(child(scheme, 'a:majorFont'), 'a:latin'), 'typeface');
  const minor = attr(child(child(scheme, 'a:minorFont'), 'a:latin'), 'typeface');
  if (major) fonts.major = major;
  if (minor) fonts.minor = minor;
  return fonts;
}

/** Word writes built-in style names in lower case ('heading 1'); the UI shows 'Heading 1'. */
function displayStyleName(name: string): string {
  const m = /^heading ([1-9])$/i.exec(name);
  return m ? `Heading ${m[1]}` : name;
}

function readStyles(
  root: XElement | undefined,
  theme: ThemeFonts,
): Pick<WordDocument, 'styles' | 'defaults'> & { defaultParagraphStyle?: string } {
  let defaultParagraphStyle: string | undefined;
  if (!root)
    return { styles: builtinStyles(), defaults: { char: { font: 'Times New Roman', size: 10 }, para: {} } };
  const docDefaults = child(root, 'w:docDefaults');
  const char = readRunProps(child(child(docDefaults, 'w:rPrDefault'), 'w:rPr'), theme);
  const para = readParagraphProps(child(child(docDefaults, 'w:pPrDefault'), 'w:pPr'));
  // What Word assumes when the defaults leave them out.
  char.font ??= 'Times New Roman';
  char.size ??= 10;
  const styles: Record<string, StyleDef> = {};
  for (const s of childrenNamed(root, 'w:style')) {
    const id = attr(s, 'w:styleId');
    const type = attr(s, 'w:type') ?? 'paragraph';
    if (!id || !['paragraph', 'character', 'table', 'numbering'].includes(type)) continue;
    const def: StyleDef = {
      id,
      name: displayStyleName(attr(child(s, 'w:name'), 'w:val') ?? id),
      type: type as StyleDef['type'],
    };
    const basedOn = attr(child(s, 'w:basedOn'), 'w:val');
    if (basedOn) def.basedOn = basedOn;
    const next = attr(child(s, 'w:next'), 'w:val');
    if (next) def.next = next;
    const link = attr(child(s, 'w:link'), 'w:val');
    if (link) def.link = link;
    if (onOff(child(s, 'w:qFormat'))) def.quick = true;
    if (!isOn(attr(s, 'w:customStyle'))) def.builtin = true;
    const pPr = readParagraphProps(child(s, 'w:pPr'));
    delete pPr.style;
    if (Object.keys(pPr).length) def.para = pPr;
    const rPr = readRunProps(child(s, 'w:rPr'), theme);
    delete rPr.charStyle;
    if (Object.keys(rPr).length) def.char = rPr;
    const borders = readTableBorders(child(child(s, 'w:tblPr'), 'w:tblBorders'));
    if (borders) def.table = { borders };
    styles[id] = def;
    if (type === 'paragraph' && isOn(attr(s, 'w:default'))) {
      defaultParagraphStyle ??= id;
    }
  }
  return { styles, defaults: { char, para }, defaultParagraphStyle };
}

function readLevel(lvl: XElement | undefined, index: number, base: ListLevel | undefined): ListLevel {
  const fallback: ListLevel = base ?? {
    format: 'decimal',
    text: `%${index + 1}.`,
    start: 1,
    indentLeft: 36 * (index + 1),
    hanging: 18,
    align: 'left',
  };
  if (!lvl) return { ...fallback };
  const level: ListLevel = { ...fallback };
  const start = attr(child(lvl, 'w:start'), 'w:val');
  if (start !== undefined) level.start = Number(start) || 0;
  const fmt = attr(child(lvl, 'w:numFmt'), 'w:val');
  if (fmt !== undefined)
    level.format = (NUMBER_FORMATS as readonly string[]).includes(fmt) ? (fmt as NumberFormat) : 'decimal';
  const text = attr(child(lvl, 'w:lvlText'), 'w:val');
  if (text !== undefined) level.text = text;
  const jc = attr(child(lvl, 'w:lvlJc'), 'w:val');
  if (jc === 'center') level.align = 'center';
  else if (jc === 'right' || jc === 'end') level.align = 'right';
  else if (jc === 'left' || jc === 'start') level.align = 'left';
  const ind = child(child(lvl, 'w:pPr'), 'w:ind');
  if (ind) {
    const left = fromTwips(attr(ind, 'w:left') ?? attr(ind, 'w:start'));
    if (left !== undefined) level.indentLeft = left;
    const hanging = fromTwips(attr(ind, 'w:hanging'));
    const first = fromTwips(attr(ind, 'w:firstLine'));
    if (hanging !== undefined) level.hanging = hanging;
    else if (first !== undefined) level.hanging = -first;
  }
  const fonts = child(child(lvl, 'w:rPr'), 'w:rFonts');
  const font = attr(fonts, 'w:ascii') ?? attr(fonts, 'w:hAnsi');
  if (font) level.font = font;
  return level;
}

function readNumbering(root: XElement | undefined): Record<string, ListDef> {
  const lists: Record<string, ListDef> = {};
  if (!root) return lists;
  const abstracts = new Map<string, XElement>();
  const byStyleLink = new Map<string, XElement>();
  for (const a of childrenNamed(root, 'w:abstractNum')) {
    abstracts.set(attr(a, 'w:abstractNumId') ?? '', a);
    const styleLink = attr(child(a, 'w:styleLink'), 'w:val');
    if (styleLink) byStyleLink.set(styleLink, a);
  }
  for (const num of childrenNamed(root, 'w:num')) {
    const id = Number(attr(num, 'w:numId'));
    if (!Number.isInteger(id) || id <= 0) continue;
    let abs = abstracts.get(attr(child(num, 'w:abstractNumId'), 'w:val') ?? '');
    // A list style's abstractNum points at the definition through numStyleLink.
    const link = attr(child(abs, 'w:numStyleLink'), 'w:val');
    if (link && byStyleLink.get(link)) abs = byStyleLink.get(link);
    const lvls = childrenNamed(abs ?? { name: '', attrs: {}, children: [] }, 'w:lvl');
    const levels: ListLevel[] = [];
    for (let i = 0; i < 9; i++)
      levels.push(
        readLevel(
          lvls.find((l) => Number(attr(l, 'w:ilvl') ?? -1) === i),
          i,
          undefined,
        ),
      );
    for (const o of childrenNamed(num, 'w:lvlOverride')) {
      const i = Number(attr(o, 'w:ilvl'));
      if (!(i >= 0 && i < 9)) continue;
      const redefined = child(o, 'w:lvl');
      if (redefined) levels[i] = readLevel(redefined, i, levels[i]);
      const start = attr(child(o, 'w:startOverride'), 'w:val');
      if (start !== undefined) levels[i]!.start = Number(start) || 0;
    }
    lists[String(id)] = { id, levels };
  }
  return lists;
}

/** Plain text of a comment paragraph (text, tabs and line breaks). */
function paragraphPlainText(p: XElement): string {
  let s = '';
  const visit = (e: XElement): void => {
    for (const c of elements(e)) {
      if (c.name === 'w:t') s += textOf(c);
      else if (c.name === 'w:tab') s += '\t';
      else if (c.name === 'w:br' || c.name === 'w:cr') s += '\n';
      else if (c.name !== 'w:del' && c.name !== 'w:rPr' && c.name !== 'w:pPr') visit(c);
    }
  };
  visit(p);
  return s;
}

/** An ISO date, or '' for none (some writers put a zero date such as '0-00-00T00:00:00Z'). */
function commentDate(v: string | undefined): string {
  if (!v || !/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(Date.parse(v)) || Number(v.slice(0, 4)) < 1900)
    return '';
  return v;
}

function readComments(pkg: PackageReader, docPart: string): Comment[] {
  const rels = pkg.rels(docPart);
  const rel = findRel(rels, REL.comments);
  const root = rel ? pkg.xml(rel.target) : undefined;
  if (!root) return [];
  const doneByParaId = new Map<string, boolean>();
  const extRel = findRel(rels, REL.commentsExtended);
  const ext = extRel ? pkg.xml(extRel.target) : undefined;
  for (const e of childrenNamed(ext ?? { name: '', attrs: {}, children: [] }, 'w15:commentEx')) {
    doneByParaId.set((attr(e, 'w15:paraId') ?? '').toUpperCase(), attr(e, 'w15:done') === '1');
  }
  return childrenNamed(root, 'w:comment').map((c) => {
    const paragraphs = descendants(c, 'w:p');
    const lastParaId = (attr(paragraphs[paragraphs.length - 1], 'w14:paraId') ?? '').toUpperCase();
    return {
      id: attr(c, 'w:id') ?? '',
      author: attr(c, 'w:author') ?? '',
      initials: attr(c, 'w:initials') ?? '',
      date: commentDate(attr(c, 'w:date')),
      text: paragraphs.map(paragraphPlainText).join('\n'),
      resolved: doneByParaId.get(lastParaId) ?? false,
    };
  });
}

function readCoreProperties(pkg: PackageReader): DocProperties {
  const rel = findRel(pkg.rels(''), NS.coreProps);
  const root = pkg.xml(rel?.target ?? 'docProps/core.xml');
  const props: DocProperties = {};
  if (!root) return props;
  const map: [keyof DocProperties, string][] = [
    ['title', 'dc:title'],
    ['subject', 'dc:subject'],
    ['creator', 'dc:creator'],
    ['keywords', 'cp:keywords'],
    ['description', 'dc:description'],
    ['lastModifiedBy', 'cp:lastModifiedBy'],
    ['created', 'dcterms:created'],
    ['modified', 'dcterms:modified'],
  ];
  for (const [key, name] of map) {
    const e = elements(root).find((x) => x.name === name || x.name.endsWith(`:${name.split(':')[1]}`));
    const value = e ? textOf(e) : '';
    if (value !== '') props[key] = value;
  }
  return props;
}

function readSection(
  sectPr: XElement,
  pkg: PackageReader,
  state: DocumentReadState,
  docRels: ReturnType<PackageReader['rels']>,
): SectionSetup {
  const s = defaultSection();
  const pgSz = child(sectPr, 'w:pgSz');
  if (pgSz) {
    s.pageWidth = fromTwips(attr(pgSz, 'w:w')) ?? s.pageWidth;
    s.pageHeight = fromTwips(attr(pgSz, 'w:h')) ?? s.pageHeight;
    const orient = attr(pgSz, 'w:orient');
    s.orientation =
      orient === 'landscape' || (orient === undefined && s.pageWidth > s.pageHeight)
        ? 'landscape'
        : 'portrait';
  }
  const pgMar = child(sectPr, 'w:pgMar');
  if (pgMar) {
    for (const side of ['top', 'bottom', 'left', 'right', 'header', 'footer', 'gutter'] as const) {
      const v = fromTwips(attr(pgMar, `w:${side}`));
      // Negative top/bottom margins mean "exactly, even if the header is taller"; the model keeps the size.
      if (v !== undefined) s.margins[side] = Math.abs(v);
    }
  }
  const cols = child(sectPr, 'w:cols');
  if (cols) {
    const num = Number(attr(cols, 'w:num') ?? 1);
    s.columns = {
      count: Number.isInteger(num) && num >= 1 ? num : 1,
      space: fromTwips(attr(cols, 'w:space')) ?? 36,
      separator: isOn(attr(cols, 'w:sep')),
    };
  }
  const type = attr(child(sectPr, 'w:type'), 'w:val');
  if (
    type === 'continuous' ||
    type === 'evenPage' ||
    type === 'oddPage' ||
    type === 'nextColumn' ||
    type === 'nextPage'
  )
    s.start = type;
  s.titlePage = onOff(child(sectPr, 'w:titlePg')) ?? false;
  const pgNum = child(sectPr, 'w:pgNumType');
  if (pgNum) {
    const fmt = attr(pgNum, 'w:fmt');
    if (fmt && (NUMBER_FORMATS as readonly string[]).includes(fmt))
      s.pageNumbers.format = fmt as NumberFormat;
    const start = attr(pgNum, 'w:start');
    if (start !== undefined && Number.isFinite(Number(start))) s.pageNumbers.start = Number(start);
  }
  const vAlign = attr(child(sectPr, 'w:vAlign'), 'w:val');
  if (vAlign === 'top' || vAlign === 'center' || vAlign === 'bottom' || vAlign === 'both') s.vAlign = vAlign;
  const pgBorders = child(sectPr, 'w:pgBorders');
  if (pgBorders) {
    const pb: NonNullable<SectionSetup['pageBorders']> = {
      offsetFrom: attr(pgBorders, 'w:offsetFrom') === 'page' ? 'page' : 'text',
    };
    for (const side of ['top', 'left', 'bottom', 'right'] as const) {
      const b = readBorder(child(pgBorders, `w:${side}`));
      if (b) pb[side] = b;
    }
    if (pb.top || pb.left || pb.bottom || pb.right) s.pageBorders = pb;
  }
  for (const kind of ['header', 'footer'] as const) {
    for (const ref of childrenNamed(sectPr, `w:${kind}Reference`)) {
      const type = attr(ref, 'w:type') ?? 'default';
      if (type !== 'default' && type !== 'first' && type !== 'even') continue;
      const rel = docRels.find((r) => r.id === attr(ref, 'r:id'));
      if (!rel || rel.external) continue;
      const root = pkg.xml(rel.target);
      if (!root)
        throw documentError(
          `${kind} part ${rel.target} is missing (document.xml refers to it as ${attr(ref, 'r:id')})`,
        );
      const ctx: StoryContext = {
        state,
        part: rel.target,
        rels: pkg.rels(rel.target),
        namespaces: namespacesOf(root),
        comments: false,
        openComments: [],
        fields: [],
        sawWatermark: false,
      };
      const hf: HeaderFooter = { blocks: readBlocks(root, ctx) };
      const onlyEmpty = hf.blocks.every((b) => b.type === 'paragraph' && b.runs.length === 0);
      // A header that only carried the watermark (Word adds one to show it) is not content.
      if (ctx.sawWatermark && onlyEmpty && hf.blocks.length <= 1) continue;
      if (hf.blocks.length === 0) hf.blocks.push({ type: 'paragraph', runs: [] });
      (kind === 'header' ? s.headers : s.footers)[type] = hf;
    }
  }
  return s;
}

/** Reads a .docx package into a WordDocument. */
export function importDocx(bytes: Uint8Array): WordDocument {
  const pkg = new PackageReader(bytes);
  const officeRel = pkg
    .rels('')
    .find((r) => r.type === NS.officeDocument || r.type.endsWith('/officeDocument'));
  const docPart = officeRel?.target ?? 'word/document.xml';
  if (!pkg.has(docPart)) {
    throw documentError(
      officeRel
        ? `the main document part ${docPart} named in _rels/.rels is missing from the package`
        : 'not a Word document: the package has no word/document.xml (and _rels/.rels names no main document)',
    );
  }
  const root = pkg.xml(docPart)!;
  const body = child(root, 'w:body');
  if (root.name !== 'w:document' || !body) {
    throw documentError(
      `${docPart} is not a WordprocessingML document (expected <w:document><w:body>, found <${root.name}>)`,
    );
  }
  const docRels = pkg.rels(docPart);
  const theme = readTheme(pkg, docPart);
  const stylesRel = findRel(docRels, REL.styles);
  const { styles, defaults, defaultParagraphStyle } = readStyles(
    stylesRel ? pkg.xml(stylesRel.target) : undefined,
    theme,
  );
  const numberingRel = findRel(docRels, REL.numbering);
  const lists = readNumbering(numberingRel ? pkg.xml(numberingRel.target) : undefined);
  const settingsRel = findRel(docRels, REL.settings);
  const settings = settingsRel ? pkg.xml(settingsRel.target) : undefined;

  const state: DocumentReadState = {
    pkg,
    theme,
    usedShapeNumbers: new Set(),
    watermark: null,
    defaultParagraphStyle,
  };
  const ctx: StoryContext = {
    state,
    part: docPart,
    rels: docRels,
    namespaces: namespacesOf(root),
    comments: true,
    openComments: [],
    fields: [],
    sawWatermark: false,
    onSectPr: (sectPr, p) => {
      p.sectionBreak = readSection(sectPr, pkg, state, docRels);
    },
  };
  const blocks = readBlocks(body, ctx);
  const finalSectPr = child(body, 'w:sectPr');
  const section = finalSectPr ? readSection(finalSectPr, pkg, state, docRels) : defaultSection();
  if (blocks.length === 0 || blocks[blocks.length - 1]!.type !== 'paragraph')
    blocks.push({ type: 'paragraph', runs: [] });

  const comments = readComments(pkg, docPart);
  const commentIds = new Set(comments.map((c) => c.id));
  const pageColor = attr(child(root, 'w:background'), 'w:color');
  const doc: WordDocument = {
    body: blocks,
    section,
    styles,
    defaults,
    lists,
    comments,
    watermark: state.watermark,
    pageColor: pageColor && /^[0-9a-f]{6}$/i.test(pageColor) ? pageColor.toUpperCase() : null,
    evenAndOddHeaders: onOff(child(settings, 'w:evenAndOddHeaders')) ?? false,
    properties: readCoreProperties(pkg),
    selection: { anchor: firstPosition(blocks), focus: firstPosition(blocks) },
    pending: null,
    nextId: 1,
  };
  finishIds(doc, commentIds);
  return doc;
}

/**
 * Drops references to comments and lists the package does not define, gives shapes without a
 * usable drawing id a fresh one, and sets nextId past every numeric id in use.
 */
function finishIds(doc: WordDocument, commentIds: Set<string>): void {
  let max = 0;
  const note = (s: string): void => {
    const m = /(\d+)$/.exec(s);
    if (m) max = Math.max(max, Number(m[1]));
  };
  doc.comments.forEach((c) => note(c.id));
  Object.keys(doc.lists).forEach(note);
  const shapes = listShapes(doc);
  for (const { shape } of shapes) if (shape.id) note(shape.id);
  for (const { shape } of shapes) if (!shape.id) shape.id = `shape${++max}`;
  doc.nextId = max + 1;
  const visit = (blocks: WordDocument['body']): void => {
    for (const b of blocks) {
      if (b.type === 'paragraph') {
        if (b.list && !doc.lists[String(b.list.id)]) delete b.list;
        for (const r of b.runs) {
          if ((r.kind === undefined || r.kind === 'field') && r.comments) {
            r.comments = r.comments.filter((id) => commentIds.has(id));
            if (r.comments.length === 0) delete r.comments;
          }
          if (r.kind === 'shape') visit(r.shape.blocks);
        }
        normalizeRuns(b);
      } else if (b.type === 'table')
        for (const row of b.rows) for (const cell of row.cells) visit(cell.blocks);
    }
  };
  visit(doc.body);
}
