/**
 * exportDocx: a WordDocument as a .docx package (WordprocessingML, ECMA-376 transitional), with
 * document.xml, styles.xml, numbering.xml, settings.xml, header/footer parts, comments.xml (and
 * commentsExtended.xml for resolved comments), hyperlink relationships and the docProps parts.
 */
import type {
  Block,
  Comment,
  HeaderFooter,
  ListDef,
  SectionSetup,
  StyleDef,
  WordDocument,
} from '../model/index.ts';
import { PARAGRAPH_FORMAT_KEYS, WordModelError, listShapes, textWidth } from '../model/index.ts';
import { writeBorder, writeParagraphProps, writeRunProps } from './format.ts';
import { W_NS } from './namespaces.ts';
import { CONTENT_TYPES, NS, PackageWriter, REL, RelsWriter } from './package.ts';
import { toTwips } from './units.ts';
import { watermarkRun } from './watermark.ts';
import type { DocumentWriteState, PartWriteContext } from './write-body.ts';
import { countCommentRuns, tableBordersXml, writeBlocks } from './write-body.ts';
import { XML_DECLARATION, el, escapeText } from './xml.ts';

/** Word stores the built-in heading styles under lower-case names ('heading 1'). */
function xmlStyleName(s: StyleDef): string {
  const m = /^Heading ([1-9])$/.exec(s.name);
  return m && s.builtin ? `heading ${m[1]}` : s.name;
}

function stylesXml(doc: WordDocument): string {
  const paraFormat = (p: StyleDef['para']): string => {
    if (!p) return '';
    const f: Record<string, unknown> = {};
    for (const key of PARAGRAPH_FORMAT_KEYS) if (p[key] !== undefined) f[key] = p[key];
    return writeParagraphProps(f);
  };
  const styles = Object.values(doc.styles).map((s) =>
    el(
      'w:style',
      {
        'w:type': s.type,
        'w:default':
          s.id === 'Normal' || s.id === 'DefaultParagraphFont' || s.id === 'TableNormal' ? 1 : undefined,
        'w:customStyle': s.builtin ? undefined : 1,
        'w:styleId': s.id,
      },
      el('w:name', { 'w:val': xmlStyleName(s) }),
      s.basedOn === undefined ? undefined : el('w:basedOn', { 'w:val': s.basedOn }),
      s.next === undefined ? undefined : el('w:next', { 'w:val': s.next }),
      s.link === undefined ? undefined : el('w:link', { 'w:val': s.link }),
      s.quick ? el('w:qFormat') : undefined,
      paraFormat(s.para),
      s.char ? writeRunProps(s.char) : undefined,
      s.table?.borders ? `<w:tblPr>${tableBordersXml(s.table.borders)}</w:tblPr>` : undefined,
    ),
  );
  const defaults =
    '<w:docDefaults>' +
    `<w:rPrDefault>${writeRunProps(doc.defaults.char) || '<w:rPr/>'}</w:rPrDefault>` +
    `<w:pPrDefault>${writeParagraphProps(doc.defaults.para) || '<w:pPr/>'}</w:pPrDefault>` +
    '</w:docDefaults>';
  return XML_DECLARATION + el('w:styles', { 'xmlns:w': W_NS['xmlns:w'] }, defaults, ...styles);
}

function numberingXml(lists: ListDef[]): string {
  const abstracts = lists.map((def, i) =>
    el(
      'w:abstractNum',
      { 'w:abstractNumId': i },
      el('w:multiLevelType', { 'w:val': 'hybridMultilevel' }),
      ...def.levels.map((l, level) =>
        el(
          'w:lvl',
          { 'w:ilvl': level },
          el('w:start', { 'w:val': l.start }),
          el('w:numFmt', { 'w:val': l.format }),
          el('w:lvlText', { 'w:val': l.text }),
          el('w:lvlJc', { 'w:val': l.align ?? 'left' }),
          writeParagraphProps({ indentLeft: l.indentLeft, indentFirstLine: -l.hanging }),
          l.font
            ? el('w:rPr', {}, el('w:rFonts', { 'w:ascii': l.font, 'w:hAnsi': l.font, 'w:hint': 'default' }))
            : undefined,
        ),
      ),
    ),
  );
  const nums = lists.map((def, i) =>
    el('w:num', { 'w:numId': def.id }, el('w:abstractNumId', { 'w:val': i })),
  );
  return XML_DECLARATION + el('w:numbering', { 'xmlns:w': W_NS['xmlns:w'] }, ...abstracts, ...nums);
}

function settingsXml(doc: WordDocument): string {
  return (
    XML_DECLARATION +
    el(
      'w:settings',
      { 'xmlns:w': W_NS['xmlns:w'] },
      el('w:zoom', { 'w:percent': 100 }),
      doc.pageColor ? el('w:displayBackgroundShape') : undefined,
      el('w:defaultTabStop', { 'w:val': 720 }),
      doc.evenAndOddHeaders ? el('w:evenAndOddHeaders') : undefined,
      el('w:characterSpacingControl', { 'w:val': 'doNotCompress' }),
      el(
        'w:compat',
        {},
        el('w:compatSetting', {
          'w:name': 'compatibilityMode',
          'w:uri': 'http://schemas.microsoft.com/office/word',
          'w:val': 15,
        }),
      ),
    )
  );
}

/** w14:paraId for a comment's paragraph (below 0x80000000, as the schema requires). */
const paraId = (n: number): string => (0x10000000 + n).toString(16).toUpperCase().padStart(8, '0');

function commentsXml(comments: Comment[], ids: Map<string, number>): string {
  const items = comments.map((c) => {
    const n = ids.get(c.id)!;
    const lines = c.text.split('\n');
    const paragraphs = lines.map((line, i) => {
      const last = i === lines.length - 1;
      const ref = i === 0 ? '<w:r><w:annotationRef/></w:r>' : '';
      const text = line ? `<w:r><w:t xml:space="preserve">${escapeText(line)}</w:t></w:r>` : '';
      return `<w:p${last ? ` w14:paraId="${paraId(n)}" w14:textId="77777777"` : ''}><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>${ref}${text}</w:p>`;
    });
    return el(
      'w:comment',
      { 'w:id': n, 'w:author': c.author, 'w:date': c.date || undefined, 'w:initials': c.initials },
      ...paragraphs,
    );
  });
  return XML_DECLARATION + el('w:comments', W_NS, ...items);
}

function commentsExtendedXml(comments: Comment[], ids: Map<string, number>): string {
  const items = comments.map((c) =>
    el('w15:commentEx', { 'w15:paraId': paraId(ids.get(c.id)!), 'w15:done': c.resolved ? 1 : 0 }),
  );
  return XML_DECLARATION + el('w15:commentsEx', W_NS, ...items);
}

function coreXml(doc: WordDocument): string {
  const p = doc.properties;
  const date = (name: string, v: string | undefined): string | undefined =>
    v ? el(name, { 'xsi:type': 'dcterms:W3CDTF' }, escapeText(v)) : undefined;
  const text = (name: string, v: string | undefined): string | undefined =>
    v === undefined ? undefined : el(name, {}, escapeText(v));
  return (
    XML_DECLARATION +
    el(
      'cp:coreProperties',
      {
        'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:dcterms': 'http://purl.org/dc/terms/',
        'xmlns:dcmitype': 'http://purl.org/dc/dcmitype/',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      },
      text('dc:title', p.title),
      text('dc:subject', p.subject),
      text('dc:creator', p.creator),
      text('cp:keywords', p.keywords),
      text('dc:description', p.description),
      text('cp:lastModifiedBy', p.lastModifiedBy),
      date('dcterms:created', p.created),
      date('dcterms:modified', p.modified),
    )
  );
}

function appXml(): string {
  return (
    XML_DECLARATION +
    el(
      'Properties',
      {
        xmlns: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
        'xmlns:vt': 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
      },
      el('Template', {}, 'Normal.dotm'),
      el('Application', {}, 'lamgym'),
      el('DocSecurity', {}, '0'),
      el('AppVersion', {}, '16.0000'),
    )
  );
}

const HF_TYPES = ['default', 'first', 'even'] as const;

interface ExportState extends DocumentWriteState {
  docRels: RelsWriter;
  headerCount: number;
  footerCount: number;
  watermarkCount: number;
}

function headerFooterPart(
  kind: 'header' | 'footer',
  hf: HeaderFooter,
  state: ExportState,
  watermark: { doc: WordDocument; section: SectionSetup } | undefined,
): string {
  const n = kind === 'header' ? ++state.headerCount : ++state.footerCount;
  const part = `word/${kind}${n}.xml`;
  const rels = new RelsWriter();
  const ctx: PartWriteContext = { state, rels, comments: false };
  let blocks: Block[] = hf.blocks.length
    ? hf.blocks
    : [{ type: 'paragraph', style: kind === 'header' ? 'Header' : 'Footer', runs: [] }];
  let prefix: string | undefined;
  if (watermark?.doc.watermark) {
    const wm = watermark.doc.watermark;
    let rId: string | undefined;
    if (wm.kind === 'picture') {
      let media = state.mediaByData.get(wm.data);
      if (!media) {
        media = state.pkg.freeName(`word/media/${wm.name}`);
        state.pkg.add(media, Buffer.from(wm.data, 'base64'), wm.contentType);
        state.mediaByData.set(wm.data, media);
      }
      rId = rels.add(REL.image, media.slice('word/'.length));
    }
    prefix = watermarkRun(wm, ++state.watermarkCount, textWidth(watermark.section), rId);
    if (blocks[0]?.type !== 'paragraph')
      blocks = [{ type: 'paragraph', style: 'Header', runs: [] }, ...blocks];
  }
  const body = writeBlocks(blocks, ctx, { prefixFor: (i) => (i === 0 ? prefix : undefined) });
  state.pkg.add(
    part,
    XML_DECLARATION + el(kind === 'header' ? 'w:hdr' : 'w:ftr', W_NS, body),
    CONTENT_TYPES[kind],
  );
  state.pkg.addRels(part, rels);
  return state.docRels.add(REL[kind], `${kind}${n}.xml`);
}

function sectPrXml(doc: WordDocument, s: SectionSetup, index: number, state: ExportState): string {
  const refs: string[] = [];
  for (const kind of ['header', 'footer'] as const) {
    const map = kind === 'header' ? s.headers : s.footers;
    for (const type of HF_TYPES) {
      let hf = map[type];
      // The watermark lives in the headers; give the first section the headers it needs to show it.
      const needed =
        type === 'default' || (type === 'first' && s.titlePage) || (type === 'even' && doc.evenAndOddHeaders);
      if (!hf && kind === 'header' && doc.watermark && index === 0 && needed) hf = { blocks: [] };
      if (!hf) continue;
      const withWatermark = kind === 'header' && doc.watermark ? { doc, section: s } : undefined;
      const rId = headerFooterPart(kind, hf, state, withWatermark);
      refs.push(el(`w:${kind}Reference`, { 'w:type': type, 'r:id': rId }));
    }
  }
  const m = s.margins;
  const pb = s.pageBorders;
  const borders = pb
    ? `<w:pgBorders w:offsetFrom="${pb.offsetFrom}">${(['top', 'left', 'bottom', 'right'] as const)
        .map((side) => (pb[side] ? writeBorder(`w:${side}`, pb[side]) : ''))
        .join('')}</w:pgBorders>`
    : '';
  return el(
    'w:sectPr',
    {},
    ...refs,
    s.start === 'nextPage' ? undefined : el('w:type', { 'w:val': s.start }),
    el('w:pgSz', {
      'w:w': toTwips(s.pageWidth),
      'w:h': toTwips(s.pageHeight),
      'w:orient': s.orientation === 'landscape' ? 'landscape' : undefined,
    }),
    el('w:pgMar', {
      'w:top': toTwips(m.top),
      'w:right': toTwips(m.right),
      'w:bottom': toTwips(m.bottom),
      'w:left': toTwips(m.left),
      'w:header': toTwips(m.header),
      'w:footer': toTwips(m.footer),
      'w:gutter': toTwips(m.gutter),
    }),
    borders || undefined,
    s.pageNumbers.format !== undefined || s.pageNumbers.start !== undefined
      ? el('w:pgNumType', { 'w:fmt': s.pageNumbers.format, 'w:start': s.pageNumbers.start })
      : undefined,
    el('w:cols', {
      'w:num': s.columns.count > 1 ? s.columns.count : undefined,
      'w:space': toTwips(s.columns.space),
      'w:sep': s.columns.separator ? 1 : undefined,
    }),
    s.vAlign !== undefined ? el('w:vAlign', { 'w:val': s.vAlign }) : undefined,
    s.titlePage ? el('w:titlePg') : undefined,
  );
}

/** The document as .docx bytes. */
export function exportDocx(doc: WordDocument): Uint8Array {
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.body) || !doc.section || !doc.styles) {
    throw new WordModelError(
      'invalid_argument',
      'exportDocx needs a WordDocument (with body, section and styles)',
    );
  }
  const pkg = new PackageWriter();
  const docRels = new RelsWriter();
  const commentIds = new Map<string, number>();
  // Numeric comment ids are kept as w:id; any other id gets a number after the largest.
  const taken = new Set<number>();
  let nextCommentId = Math.max(0, ...doc.comments.map((c) => (/^\d+$/.test(c.id) ? Number(c.id) + 1 : 0)));
  for (const c of doc.comments) {
    const wanted = /^\d+$/.test(c.id) ? Number(c.id) : -1;
    const n = wanted >= 0 && !taken.has(wanted) ? wanted : nextCommentId++;
    taken.add(n);
    commentIds.set(c.id, n);
  }
  const state: ExportState = {
    pkg,
    docRels,
    nextDrawingId: 1,
    usedDrawingIds: new Set(),
    reservedDrawingIds: new Set(),
    commentIds,
    commentRunsLeft: new Map(),
    openComments: new Set(),
    mediaByData: new Map(),
    headerCount: 0,
    footerCount: 0,
    watermarkCount: 0,
  };
  countCommentRuns(doc.body, state.commentRunsLeft);
  // Shapes keep their number as the drawing id ('shape12' is written as docPr id 12); others get free ones.
  for (const { shape } of listShapes(doc)) {
    const m = /^shape(\d+)$/.exec(shape.id);
    if (m) state.reservedDrawingIds.add(Number(m[1]));
  }
  const ctx: PartWriteContext = { state, rels: docRels, comments: true };

  docRels.add(REL.styles, 'styles.xml');
  docRels.add(REL.settings, 'settings.xml');
  const lists = Object.values(doc.lists).sort((a, b) => a.id - b.id);
  if (lists.length) docRels.add(REL.numbering, 'numbering.xml');

  let sectionIndex = 0;
  const body = writeBlocks(doc.body, ctx, {
    sectPrFor: (p) => (p.sectionBreak ? sectPrXml(doc, p.sectionBreak, sectionIndex++, state) : undefined),
  });
  const finalSectPr = sectPrXml(doc, doc.section, sectionIndex, state);
  const background = doc.pageColor ? el('w:background', { 'w:color': doc.pageColor }) : undefined;
  pkg.add(
    'word/document.xml',
    XML_DECLARATION + el('w:document', W_NS, background, `<w:body>${body}${finalSectPr}</w:body>`),
    CONTENT_TYPES.document,
  );

  pkg.add('word/styles.xml', stylesXml(doc), CONTENT_TYPES.styles);
  pkg.add('word/settings.xml', settingsXml(doc), CONTENT_TYPES.settings);
  if (lists.length) pkg.add('word/numbering.xml', numberingXml(lists), CONTENT_TYPES.numbering);
  if (doc.comments.length) {
    pkg.add('word/comments.xml', commentsXml(doc.comments, commentIds), CONTENT_TYPES.comments);
    docRels.add(REL.comments, 'comments.xml');
    pkg.add(
      'word/commentsExtended.xml',
      commentsExtendedXml(doc.comments, commentIds),
      CONTENT_TYPES.commentsExtended,
    );
    docRels.add(REL.commentsExtended, 'commentsExtended.xml');
  }
  pkg.addRels('word/document.xml', docRels);

  const rootRels = new RelsWriter();
  rootRels.add(NS.officeDocument, 'word/document.xml');
  rootRels.add(NS.coreProps, 'docProps/core.xml');
  rootRels.add(NS.extendedProps, 'docProps/app.xml');
  pkg.add('_rels/.rels', rootRels.toXml());
  pkg.add('docProps/core.xml', coreXml(doc), CONTENT_TYPES.core);
  pkg.add('docProps/app.xml', appXml(), CONTENT_TYPES.app);
  return pkg.zip();
}
