import { currentBlocks } from './editing.ts';
import {
  blockAt,
  caretBlocks,
  comparePositions,
  indexOfPath,
  isCollapsed,
  samePath,
  selectionRange,
} from './positions.ts';
import { paragraphLength, paragraphText } from './runs.ts';
import type { Block, Paragraph, Position, WordDocument } from './types.ts';

export interface ParagraphSpan {
  path: number[];
  paragraph: Paragraph;
  /** Offsets [from, to) of the paragraph inside the range. */
  from: number;
  to: number;
  /** The range runs on past this paragraph's end, so its mark is selected too. */
  includesMark: boolean;
}

/** Paragraphs the range [start, end] touches, in document order, with the part of each inside it. */
export function paragraphSpans(blocks: Block[], start: Position, end: Position): ParagraphSpan[] {
  const out: ParagraphSpan[] = [];
  if (samePath(start.path, end.path)) {
    const b = blockAt(blocks, start.path);
    if (b.type === 'paragraph') {
      out.push({ path: start.path, paragraph: b, from: start.offset, to: end.offset, includesMark: false });
    }
    return out;
  }
  const list = caretBlocks(blocks);
  let i = indexOfPath(list, start.path);
  for (; i >= 0 && i < list.length; i++) {
    const ref = list[i]!;
    if (comparePositions({ path: ref.path, offset: 0 }, end) > 0) break;
    if (ref.block.type !== 'paragraph') continue;
    const first = samePath(ref.path, start.path);
    const last = samePath(ref.path, end.path);
    const len = paragraphLength(ref.block);
    out.push({
      path: ref.path,
      paragraph: ref.block,
      from: first ? start.offset : 0,
      to: last ? end.offset : len,
      includesMark: !last,
    });
    if (last) break;
  }
  return out;
}

/** The spans of the current selection. */
export function selectionSpans(doc: WordDocument): ParagraphSpan[] {
  const { start, end } = selectionRange(doc.selection);
  return paragraphSpans(currentBlocks(doc), start, end);
}

/** Paragraphs the selection touches (paragraph formatting applies to all of them). */
export function selectedParagraphs(doc: WordDocument): Paragraph[] {
  return selectionSpans(doc).map((s) => s.paragraph);
}

const WORD_CHAR = /[\p{L}\p{N}_'’]/u;

/**
 * With nothing selected and the caret inside a word (letters on both sides), Word applies character
 * formatting to that whole word; returns the word's span in that case, null otherwise.
 */
export function wordAroundCaret(doc: WordDocument): ParagraphSpan | null {
  if (!isCollapsed(doc.selection)) return null;
  const { path, offset } = doc.selection.focus;
  const b = blockAt(currentBlocks(doc), path);
  if (b.type !== 'paragraph') return null;
  const text = paragraphText(b);
  if (offset === 0 || offset >= text.length) return null;
  if (!WORD_CHAR.test(text[offset - 1]!) || !WORD_CHAR.test(text[offset]!)) return null;
  let s = offset;
  let e = offset;
  while (s > 0 && WORD_CHAR.test(text[s - 1]!)) s--;
  while (e < text.length && WORD_CHAR.test(text[e]!)) e++;
  return { path, paragraph: b, from: s, to: e, includesMark: false };
}
