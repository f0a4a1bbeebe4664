/**
 * Writes block content (paragraphs, runs, fields, hyperlinks, comment ranges, tables, page breaks,
 * shapes and kept-verbatim content) as WordprocessingML for one story part.
 */
import type {
  Block,
  FieldRun,
  Hyperlink,
  Inline,
  OpaqueContent,
  Paragraph,
  PreservedPart,
  Table,
  TableBorders,
} from '../model/index.ts';
import { PARAGRAPH_FORMAT_KEYS } from '../model/index.ts';
import type { PackageWriter, RelsWriter } from './package.ts';
import { REL } from './package.ts';
import { writeBorder, writeParagraphProps, writeRunProps, writeShading } from './format.ts';
import { shapeRun } from './shapes.ts';
import { toTwips } from './units.ts';
import { el, escapeText, stripInvalidChars } from './xml.ts';

/** Document-wide state shared by every part being written. */
export interface DocumentWriteState {
  pkg: PackageWriter;
  /** Next wp:docPr id. */
  nextDrawingId: number;
  /** Drawing ids already taken. */
  usedDrawingIds: Set<number>;
  /** Drawing ids that shapes named 'shapeN' will use. */
  reservedDrawingIds: Set<number>;
  /** Comment ids that exist, mapped to their numeric w:id. */
  commentIds: Map<string, number>;
  /** How many more runs carry each comment (body only): the range ends after the last one. */
  commentRunsLeft: Map<string, number>;
  openComments: Set<string>;
  /** Media part names already written for preserved content, by base64 data. */
  mediaByData: Map<string, string>;
}

/** Per-part writing context: its relationships, and whether comments may be written in it. */
export interface PartWriteContext {
  state: DocumentWriteState;
  rels: RelsWriter;
  /** Whether comment ranges are written here (the main body; Word has no comments in headers). */
  comments: boolean;
}

function sameLink(a: Hyperlink | undefined, b: Hyperlink | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.url === b.url && a.anchor === b.anchor && a.tooltip === b.tooltip;
}

function textContent(text: string): string {
  let out = '';
  let buf = '';
  const flush = (): void => {
    if (buf) out += `<w:t xml:space="preserve">${escapeText(buf)}</w:t>`;
    buf = '';
  };
  for (const ch of stripInvalidChars(text)) {
    if (ch === '\t') {
      flush();
      out += '<w:tab/>';
    } else if (ch === '\n' || ch === '\v' || ch === '\r') {
      flush();
      out += '<w:br/>';
    } else buf += ch;
  }
  flush();
  return out;
}

function fieldRuns(f: FieldRun): string {
  const rPr = writeRunProps(f);
  const run = (inner: string): string => `<w:r>${rPr}${inner}</w:r>`;
  return (
    run(el('w:fldChar', { 'w:fldCharType': 'begin' })) +
    run(`<w:instrText xml:space="preserve"> ${escapeText(f.instr)} </w:instrText>`) +
    run(el('w:fldChar', { 'w:fldCharType': 'separate' })) +
    (f.result ? run(textContent(f.result)) : '') +
    run(el('w:fldChar', { 'w:fldCharType': 'end' }))
  );
}

function drawingId(state: DocumentWriteState, wanted: number | undefined): number {
  if (wanted !== undefined && wanted > 0 && !state.usedDrawingIds.has(wanted)) {
    state.usedDrawingIds.add(wanted);
    return wanted;
  }
  while (state.usedDrawingIds.has(state.nextDrawingId) || state.reservedDrawingIds.has(state.nextDrawingId))
    state.nextDrawingId++;
  state.usedDrawingIds.add(state.nextDrawingId);
  return state.nextDrawingId++;
}

/** Writes the parts a kept-verbatim element refers to and points its relationship ids at them. */
function opaqueXml(content: OpaqueContent, ctx: PartWriteContext): string {
  const map = new Map<string, string>();
  for (const [oldId, part] of Object.entries(content.parts))
    map.set(oldId, writePreservedPart(part, ctx.rels, ctx.state));
  // Run content kept without its w:r (a drawing, a VML picture, an object) goes back into a run.
  const xml = /^\s*<(w:drawing|w:pict|w:object|mc:AlternateContent)\b/.test(content.xml)
    ? `<w:r>${content.xml}</w:r>`
    : content.xml;
  if (map.size === 0) return xml;
  return xml.replace(
    /(\s[A-Za-z0-9]+:(?:id|embed|link|pict|dm|lo|qs|cs))="([^"]*)"/g,
    (m, name: string, value: string) => {
      const next = map.get(value);
      return next === undefined ? m : `${name}="${next}"`;
    },
  );
}

function writePreservedPart(part: PreservedPart, rels: RelsWriter, state: DocumentWriteState): string {
  if (part.external !== undefined) return rels.add(part.type, part.external, true);
  const name = part.name ?? 'part.bin';
  let target = part.data !== undefined && !part.parts ? state.mediaByData.get(part.data) : undefined;
  if (target === undefined) {
    const dir = /\/image$/.test(part.type)
      ? 'word/media/'
      : /\/chart$/.test(part.type)
        ? 'word/charts/'
        : 'word/media/';
    const partName = state.pkg.freeName(dir + name);
    state.pkg.add(
      partName,
      Buffer.from(part.data ?? '', 'base64'),
      part.contentType ?? 'application/octet-stream',
    );
    if (part.parts && Object.keys(part.parts).length) {
      // The part's own relationships (a chart's embedded workbook...), kept with their ids.
      const relsLines = Object.entries(part.parts).map(([id, sub]) => {
        const subTarget = sub.external ?? writeNested(sub, state);
        return el('Relationship', {
          Id: id,
          Type: sub.type,
          Target: subTarget,
          TargetMode: sub.external !== undefined ? 'External' : undefined,
        });
      });
      const dirOf = partName.slice(0, partName.lastIndexOf('/') + 1);
      state.pkg.add(
        `${dirOf}_rels/${partName.slice(dirOf.length)}.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relsLines.join('')}</Relationships>`,
      );
    }
    target = partName;
    if (part.data !== undefined && !part.parts) state.mediaByData.set(part.data, partName);
  }
  return rels.add(part.type, target.slice('word/'.length));
}

/** Writes a nested preserved part and returns its absolute target. */
function writeNested(part: PreservedPart, state: DocumentWriteState): string {
  const partName = state.pkg.freeName(`word/embeddings/${part.name ?? 'part.bin'}`);
  state.pkg.add(
    partName,
    Buffer.from(part.data ?? '', 'base64'),
    part.contentType ?? 'application/octet-stream',
  );
  return `/${partName}`;
}

function inlineXml(r: Inline, ctx: PartWriteContext): string {
  switch (r.kind) {
    case undefined:
      return r.text === '' ? '' : `<w:r>${writeRunProps(r)}${textContent(r.text)}</w:r>`;
    case 'field':
      return fieldRuns(r);
    case 'shape': {
      const m = /^shape(\d+)$/.exec(r.shape.id);
      return shapeRun(r.shape, drawingId(ctx.state, m ? Number(m[1]) : undefined), (blocks) =>
        writeBlocks(blocks, ctx),
      );
    }
    case 'opaque':
      return opaqueXml(r.opaque, ctx);
  }
}

function commentIdsOf(r: Inline): string[] {
  return (r.kind === undefined || r.kind === 'field') && r.comments ? r.comments : [];
}

/** Runs of a paragraph, with hyperlinks wrapping their runs and comment ranges around theirs. */
function paragraphContent(p: Paragraph, ctx: PartWriteContext): string {
  let out = '';
  let linkOpen: Hyperlink | undefined;
  const { state } = ctx;
  for (const r of p.runs) {
    const link = r.kind === undefined || r.kind === 'field' ? r.link : undefined;
    if (!sameLink(link, linkOpen)) {
      if (linkOpen) out += '</w:hyperlink>';
      linkOpen = link;
      if (link) {
        const attrs: Record<string, string | undefined> = {
          'w:anchor': link.anchor,
          'w:tooltip': link.tooltip,
          'w:history': '1',
        };
        if (link.url !== undefined) attrs['r:id'] = ctx.rels.add(REL.hyperlink, link.url, true);
        out += el('w:hyperlink', attrs).replace(/\/>$/, '>');
      }
    }
    const ids = ctx.comments ? commentIdsOf(r).filter((id) => state.commentIds.has(id)) : [];
    for (const id of ids) {
      if (!state.openComments.has(id)) {
        state.openComments.add(id);
        out += el('w:commentRangeStart', { 'w:id': state.commentIds.get(id) });
      }
    }
    out += inlineXml(r, ctx);
    for (const id of ids) {
      const left = (state.commentRunsLeft.get(id) ?? 1) - 1;
      state.commentRunsLeft.set(id, left);
      if (left <= 0 && state.openComments.has(id)) {
        state.openComments.delete(id);
        const n = state.commentIds.get(id);
        out += el('w:commentRangeEnd', { 'w:id': n });
        out += `<w:r>${el('w:commentReference', { 'w:id': n })}</w:r>`;
      }
    }
  }
  if (linkOpen) out += '</w:hyperlink>';
  return out;
}

export function paragraphXml(
  p: Paragraph,
  ctx: PartWriteContext,
  extra: { sectPr?: string; prefix?: string } = {},
): string {
  const format: Record<string, unknown> = {};
  for (const key of PARAGRAPH_FORMAT_KEYS) if (p[key] !== undefined) format[key] = p[key];
  const pPr = writeParagraphProps(format, {
    markRPr: p.mark ? writeRunProps(p.mark) : undefined,
    sectPr: extra.sectPr,
  });
  return `<w:p>${pPr}${extra.prefix ?? ''}${paragraphContent(p, ctx)}</w:p>`;
}

const TABLE_BORDER_SIDES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'] as const;

export function tableBordersXml(borders: TableBorders | undefined): string {
  if (!borders) return '';
  const inner = TABLE_BORDER_SIDES.map((side) => {
    const b = borders[side];
    return b ? writeBorder(`w:${side}`, b) : undefined;
  }).join('');
  return inner ? `<w:tblBorders>${inner}</w:tblBorders>` : '';
}

function tableXml(t: Table, ctx: PartWriteContext): string {
  const tblPr =
    '<w:tblPr>' +
    (t.style ? el('w:tblStyle', { 'w:val': t.style }) : '') +
    el('w:tblW', { 'w:w': 0, 'w:type': 'auto' }) +
    (t.align ? el('w:jc', { 'w:val': t.align }) : '') +
    tableBordersXml(t.borders) +
    el('w:tblLook', {
      'w:val': '04A0',
      'w:firstRow': 1,
      'w:lastRow': 0,
      'w:firstColumn': 1,
      'w:lastColumn': 0,
      'w:noHBand': 0,
      'w:noVBand': 1,
    }) +
    '</w:tblPr>';
  const grid = `<w:tblGrid>${t.colWidths.map((w) => el('w:gridCol', { 'w:w': toTwips(w) })).join('')}</w:tblGrid>`;
  const rows = t.rows.map((row) => {
    const trPr = [
      row.header ? '<w:tblHeader/>' : '',
      row.height !== undefined
        ? el('w:trHeight', { 'w:val': toTwips(row.height), 'w:hRule': 'atLeast' })
        : '',
    ].join('');
    const cells = row.cells.map((cell) => {
      const tcPr = [
        cell.width !== undefined ? el('w:tcW', { 'w:w': toTwips(cell.width), 'w:type': 'dxa' }) : '',
        cell.span !== undefined && cell.span > 1 ? el('w:gridSpan', { 'w:val': cell.span }) : '',
        cell.vMerge === 'restart'
          ? el('w:vMerge', { 'w:val': 'restart' })
          : cell.vMerge === 'continue'
            ? '<w:vMerge/>'
            : '',
        cell.shading !== undefined ? writeShading(cell.shading) : '',
        cell.vAlign !== undefined ? el('w:vAlign', { 'w:val': cell.vAlign }) : '',
      ].join('');
      let content = writeBlocks(cell.blocks, ctx);
      // A cell must end with a paragraph.
      const last = cell.blocks[cell.blocks.length - 1];
      if (!last || last.type !== 'paragraph') content += '<w:p/>';
      return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content}</w:tc>`;
    });
    return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
  });
  return `<w:tbl>${tblPr}${grid}${rows.join('')}</w:tbl>`;
}

/**
 * Writes blocks. `sectPrFor` gives the sectPr to put in a paragraph's pPr (section breaks);
 * `prefixFor` gives content to put at the start of a paragraph (a header's watermark).
 */
export function writeBlocks(
  blocks: Block[],
  ctx: PartWriteContext,
  hooks: {
    sectPrFor?: (p: Paragraph) => string | undefined;
    prefixFor?: (index: number) => string | undefined;
  } = {},
): string {
  return blocks
    .map((b, i) => {
      const prefix = hooks.prefixFor?.(i);
      if (b.type === 'paragraph') return paragraphXml(b, ctx, { sectPr: hooks.sectPrFor?.(b), prefix });
      if (b.type === 'table') return (prefix ? `<w:p>${prefix}</w:p>` : '') + tableXml(b, ctx);
      return `<w:p>${prefix ?? ''}<w:r>${el('w:br', { 'w:type': b.break })}</w:r></w:p>`;
    })
    .join('');
}

/** Counts, per comment id, how many body runs carry it (so ranges can close after the last). */
export function countCommentRuns(blocks: Block[], out: Map<string, number>): void {
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      for (const r of b.runs) {
        for (const id of commentIdsOf(r)) out.set(id, (out.get(id) ?? 0) + 1);
        if (r.kind === 'shape') countCommentRuns(r.shape.blocks, out);
      }
    } else if (b.type === 'table')
      for (const row of b.rows) for (const cell of row.cells) countCommentRuns(cell.blocks, out);
  }
}
