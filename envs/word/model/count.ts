import { availableWidth, layoutParagraphCached, type LineBox } from './layout.ts';
import { formatScope } from './memo.ts';
import { caretBlocks, isCollapsed, sections } from './positions.ts';
import { selectionSpans } from './ranges.ts';
import { OBJECT_CHAR, paragraphText, visibleText } from './runs.ts';
import { effectiveParagraphFormat } from './styles.ts';
import type { Block, Paragraph, WordDocument } from './types.ts';

export interface WordCount {
  pages: number;
  words: number;
  /** Characters (no spaces). */
  characters: number;
  /** Characters (with spaces). */
  charactersWithSpaces: number;
  paragraphs: number;
  lines: number;
}

/** Word's word separators: spaces, tabs and breaks (a non-breaking space joins words). */
const SEPARATOR = /[ \t\n\r\f\v\u2028\u2029\u2002\u2003\u2009]+/;
const SPACE = /[ \t\u00A0\u2002\u2003\u2009]/;

type TextCount = { words: number; characters: number; charactersWithSpaces: number };

/** Counts by text: a document's paragraphs are counted again after every edit, most of them unchanged. */
const countsByText = new Map<string, Readonly<TextCount>>();

/** Counts one piece of text by Word's rules. */
export function countText(text: string): TextCount {
  let hit = countsByText.get(text);
  if (hit === undefined) {
    if (countsByText.size > 4000) countsByText.clear();
    hit = countTextOnce(text);
    countsByText.set(text, hit);
  }
  return { ...hit };
}

function countTextOnce(text: string): TextCount {
  const words = text.split(SEPARATOR).filter((w) => w.length > 0).length;
  let characters = 0;
  let withSpaces = 0;
  for (const ch of text) {
    if (ch === '\n' || ch === OBJECT_CHAR) continue;
    withSpaces++;
    if (!SPACE.test(ch)) characters++;
  }
  return { words, characters, charactersWithSpaces: withSpaces };
}

function shapeParagraphs(blocks: Block[], out: Paragraph[]): void {
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      for (const r of b.runs)
        if (r.kind === 'shape')
          for (const ref of caretBlocks(r.shape.blocks))
            if (ref.block.type === 'paragraph') out.push(ref.block);
    } else if (b.type === 'table')
      for (const row of b.rows) for (const cell of row.cells) shapeParagraphs(cell.blocks, out);
  }
}

/** Estimated page count: line heights and spacing against each section's text height, plus breaks. */
function estimatePages(doc: WordDocument, layouts: Map<string, LineBox[]>): number {
  let pages = 1;
  let used = 0;
  const list = caretBlocks(doc.body);
  const all = sections(doc);
  // Section index per top-level block, computed once (sectionIndexOfBlock scans the body each call).
  const sectionOf: number[] = [];
  let si = 0;
  doc.body.forEach((b, i) => {
    sectionOf[i] = si;
    if (b.type === 'paragraph' && b.sectionBreak) si++;
  });
  for (const ref of list) {
    const section = all[sectionOf[ref.path[0]!] ?? 0] ?? doc.section;
    const height =
      Math.max(72, section.pageHeight - section.margins.top - section.margins.bottom) *
      Math.max(1, section.columns.count);
    if (ref.block.type === 'pageBreak') {
      pages++;
      used = 0;
      continue;
    }
    const p = ref.block;
    const pf = effectiveParagraphFormat(doc, p);
    if (pf.pageBreakBefore && used > 0) {
      pages++;
      used = 0;
    }
    const lines = layoutParagraphCached(doc, p, availableWidth(doc, doc.body, ref.path), layouts);
    let h = (pf.spaceBefore ?? 0) + (pf.spaceAfter ?? 0);
    for (const l of lines) h += l.height;
    used += h;
    while (used > height) {
      pages++;
      used -= height;
    }
    if (p.sectionBreak && p.sectionBreak !== doc.section && ref.path.length === 1) {
      const next = all[(sectionOf[ref.path[0]!] ?? 0) + 1];
      if (next && next.start !== 'continuous') {
        pages++;
        used = 0;
      }
    }
  }
  return pages;
}

/**
 * Review > Word Count: words, characters with and without spaces and paragraphs as Word counts them
 * (text boxes included, headers and footers not; empty paragraphs are not counted), with lines and
 * pages estimated from the approximate layout. With `selectionOnly` (and a selection) only the
 * selected text is counted, as Word's status bar does.
 */
export function wordCount(
  doc: WordDocument,
  options: { selectionOnly?: boolean; includeTextBoxes?: boolean } = {},
): WordCount {
  const result: WordCount = {
    pages: 0,
    words: 0,
    characters: 0,
    charactersWithSpaces: 0,
    paragraphs: 0,
    lines: 0,
  };
  const pieces: { text: string; paragraph: Paragraph; path?: number[] }[] = [];
  if (options.selectionOnly && !isCollapsed(doc.selection)) {
    for (const s of selectionSpans(doc))
      pieces.push({ text: visibleSlice(s.paragraph, s.from, s.to), paragraph: s.paragraph });
  } else {
    for (const ref of caretBlocks(doc.body))
      if (ref.block.type === 'paragraph')
        pieces.push({ text: visibleText(ref.block), paragraph: ref.block, path: ref.path });
    if (options.includeTextBoxes ?? true) {
      const extra: Paragraph[] = [];
      shapeParagraphs(doc.body, extra);
      for (const p of extra) pieces.push({ text: visibleText(p), paragraph: p });
    }
  }
  const layouts = formatScope<LineBox[]>(doc, 'layout');
  for (const piece of pieces) {
    const c = countText(piece.text);
    result.words += c.words;
    result.characters += c.characters;
    result.charactersWithSpaces += c.charactersWithSpaces;
    if (/\S/.test(piece.text.replace(/\u00A0/g, ' '))) result.paragraphs++;
    if (piece.path)
      result.lines += layoutParagraphCached(
        doc,
        piece.paragraph,
        availableWidth(doc, doc.body, piece.path),
        layouts,
      ).length;
    else result.lines += piece.text.length > 0 ? 1 : 0;
  }
  result.pages = estimatePages(doc, layouts);
  return result;
}

/** Visible text of [from, to) with fields shown by their results. */
function visibleSlice(p: Paragraph, from: number, to: number): string {
  const text = paragraphText(p);
  let out = '';
  let pos = 0;
  for (const r of p.runs) {
    const len = r.kind === undefined ? r.text.length : 1;
    if (pos + len > from && pos < to) {
      if (r.kind === undefined) out += text.slice(Math.max(pos, from), Math.min(pos + len, to));
      else if (r.kind === 'field') out += r.result;
    }
    pos += len;
  }
  return out;
}
