import { wordRangeAt } from './caret.ts';
import { takeId } from './document.ts';
import {
  currentBlocks,
  deleteSelection,
  insertionAttributes,
  pruneOrphanComments,
  setSelection,
} from './editing.ts';
import { invalidArgument, invalidState } from './errors.ts';
import { blockAt, isCollapsed, selectionRange } from './positions.ts';
import { paragraphSpans, selectionSpans } from './ranges.ts';
import type { ParagraphSpan } from './ranges.ts';
import { inlineAt, insertInlines, mapRange, normalizeRuns, paragraphText } from './runs.ts';
import type { Comment, Hyperlink, Inline, WordDocument } from './types.ts';

/** The spans an annotation command covers: the selection, or the word at a collapsed caret. */
function targetSpans(doc: WordDocument): ParagraphSpan[] {
  if (!isCollapsed(doc.selection)) return selectionSpans(doc);
  const blocks = currentBlocks(doc);
  const r = wordRangeAt(doc, blocks, doc.selection.focus);
  if (r.start.offset === r.end.offset) return [];
  // Trailing spaces are not part of the commented word.
  const b = blockAt(blocks, r.start.path);
  let end = r.end.offset;
  if (b.type === 'paragraph') {
    const text = paragraphText(b);
    while (end > r.start.offset + 1 && text[end - 1] === ' ') end--;
  }
  return paragraphSpans(blocks, r.start, { path: r.end.path, offset: end });
}

/**
 * Review > New Comment on the selection (the word at the caret when nothing is selected). Returns the
 * new comment.
 */
export function addComment(
  doc: WordDocument,
  text: string,
  options: { author?: string; initials?: string; date?: string } = {},
): Comment {
  if (typeof text !== 'string') throw invalidArgument('comment text must be a string');
  const spans = targetSpans(doc).filter((s) => s.to > s.from);
  if (spans.length === 0) throw invalidState('select some text (or put the caret in a word) to comment on');
  let n = takeId(doc);
  while (doc.comments.some((c) => c.id === String(n))) n = takeId(doc);
  const author = options.author ?? 'User';
  const comment: Comment = {
    id: String(n),
    author,
    initials:
      options.initials ??
      author
        .split(/\s+/)
        .map((w) => w[0] ?? '')
        .join('')
        .toUpperCase(),
    date: options.date ?? '',
    text,
    resolved: false,
  };
  for (const s of spans) {
    mapRange(s.paragraph, s.from, s.to, (r) => {
      if (r.kind === 'shape' || r.kind === 'opaque') return r;
      return { ...r, comments: [...(r.comments ?? []), comment.id] } as Inline;
    });
  }
  doc.comments.push(comment);
  return comment;
}

/** Review > Delete comment. */
export function deleteComment(doc: WordDocument, id: string): void {
  const index = doc.comments.findIndex((c) => c.id === id);
  if (index < 0) throw invalidArgument(`no comment with id ${JSON.stringify(id)}`);
  const strip = (runs: Inline[]): Inline[] =>
    runs.map((r) => {
      if ((r.kind === undefined || r.kind === 'field') && r.comments?.includes(id)) {
        const next = { ...r, comments: r.comments.filter((c) => c !== id) };
        if (next.comments.length === 0) delete (next as { comments?: string[] }).comments;
        return next as Inline;
      }
      if (r.kind === 'shape')
        r.shape.blocks.forEach((b) => b.type === 'paragraph' && (b.runs = strip(b.runs)));
      return r;
    });
  const visit = (blocks: WordDocument['body']): void => {
    for (const b of blocks) {
      if (b.type === 'paragraph') {
        b.runs = strip(b.runs);
        normalizeRuns(b);
      } else if (b.type === 'table')
        for (const row of b.rows) for (const cell of row.cells) visit(cell.blocks);
    }
  };
  visit(doc.body);
  doc.comments.splice(index, 1);
}

/** Marks a comment resolved (Review > Resolve) or open again. */
export function resolveComment(doc: WordDocument, id: string, resolved = true): void {
  const c = doc.comments.find((x) => x.id === id);
  if (!c) throw invalidArgument(`no comment with id ${JSON.stringify(id)}`);
  c.resolved = resolved;
}

/** Normalises what people type in the Insert Hyperlink Address box the way Word does. */
export function normalizeUrl(address: string): string {
  const a = address.trim();
  if (a === '') throw invalidArgument('hyperlink address must not be empty');
  if (/^[a-z][a-z0-9+.-]*:/i.test(a)) return a;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a)) return `mailto:${a}`;
  if (/^www\./i.test(a) || /^[^\s/]+\.[a-z]{2,}(\/|$)/i.test(a)) return `http://${a}`;
  if (/\s/.test(a))
    throw invalidArgument(`${JSON.stringify(address)} is not a web address, e-mail address or file path`);
  return a;
}

/**
 * Insert > Link. `url` (or `anchor`, a bookmark) is the target; `text` is the text to display: it
 * replaces the selection, or is typed at the caret. Without text the selected text becomes the link,
 * or the address itself is typed.
 */
export function insertHyperlink(
  doc: WordDocument,
  target: { url?: string; anchor?: string; text?: string; tooltip?: string },
): void {
  if (!target || (target.url === undefined && target.anchor === undefined))
    throw invalidArgument('a hyperlink needs a url or an anchor');
  const link: Hyperlink = {};
  if (target.url !== undefined) link.url = normalizeUrl(target.url);
  if (target.anchor !== undefined) {
    if (typeof target.anchor !== 'string' || target.anchor === '')
      throw invalidArgument('hyperlink anchor must be a bookmark name');
    link.anchor = target.anchor;
  }
  if (target.tooltip !== undefined) link.tooltip = String(target.tooltip);
  if (target.text !== undefined && typeof target.text !== 'string')
    throw invalidArgument('hyperlink text must be a string');
  if (isCollapsed(doc.selection) || (target.text !== undefined && target.text !== '')) {
    if (!isCollapsed(doc.selection)) deleteSelection(doc);
    const text = target.text || link.url || link.anchor || '';
    const { path, offset } = doc.selection.focus;
    const b = blockAt(currentBlocks(doc), path);
    if (b.type !== 'paragraph') throw invalidState('put the caret in a paragraph to insert a link');
    const attrs = insertionAttributes(doc, b, offset);
    insertInlines(b, offset, [{ ...attrs, text, link, charStyle: 'Hyperlink' }]);
    setSelection(doc, { path, offset: offset + text.length });
    doc.pending = null;
    return;
  }
  for (const s of selectionSpans(doc)) {
    mapRange(s.paragraph, s.from, s.to, (r) => {
      if (r.kind === 'shape' || r.kind === 'opaque') return r;
      return { ...r, link, charStyle: 'Hyperlink' } as Inline;
    });
  }
}

/** Right-click > Remove Hyperlink: the selection (or the link at the caret) loses its link. */
export function removeHyperlink(doc: WordDocument): void {
  let spans = selectionSpans(doc);
  if (isCollapsed(doc.selection)) {
    const { path, offset } = selectionRange(doc.selection).start;
    const b = blockAt(currentBlocks(doc), path);
    if (b.type !== 'paragraph') return;
    const r = inlineAt(b, offset, 'after') ?? inlineAt(b, offset, 'before');
    const link = r && (r.kind === undefined || r.kind === 'field') ? r.link : undefined;
    if (!link) throw invalidState('the caret is not in a hyperlink');
    spans = [{ path, paragraph: b, from: 0, to: paragraphText(b).length, includesMark: false }];
    for (const s of spans) {
      mapRange(s.paragraph, s.from, s.to, (x) => {
        if (
          (x.kind === undefined || x.kind === 'field') &&
          x.link &&
          x.link.url === link.url &&
          x.link.anchor === link.anchor
        )
          return unlink(x);
        return x;
      });
    }
    return;
  }
  for (const s of spans)
    mapRange(s.paragraph, s.from, s.to, (x) => (x.kind === undefined || x.kind === 'field' ? unlink(x) : x));
  pruneOrphanComments(doc);
}

function unlink(r: Inline): Inline {
  const next = { ...r } as Record<string, unknown>;
  delete next.link;
  if (next.charStyle === 'Hyperlink') delete next.charStyle;
  return next as unknown as Inline;
}
