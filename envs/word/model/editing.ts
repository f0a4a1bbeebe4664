import { asCopies, emptyParagraph } from './document.ts';
import { invalidArgument, invalidState } from './errors.ts';
import {
  blockAt,
  blockLength,
  caretBlocks,
  comparePositions,
  containerAt,
  indexOfPath,
  isCollapsed,
  samePath,
  sections,
  sectionIndexOfBlock,
  selectionRange,
  storyBlocks,
} from './positions.ts';
import type { CaretBlock } from './positions.ts';
import {
  charFormatOf,
  deleteInParagraph,
  inlineAt,
  insertInlines,
  normalizeRuns,
  paragraphLength,
  runAttributes,
  sliceParagraph,
  splitRunsAt,
  textRunLike,
} from './runs.ts';
import type {
  Block,
  CharFormat,
  Inline,
  Paragraph,
  Position,
  SectionSetup,
  TextRun,
  WordDocument,
} from './types.ts';

type RunAttrs = Omit<TextRun, 'text'>;

/** The blocks of the story the selection is in. */
export function currentBlocks(doc: WordDocument): Block[] {
  return storyBlocks(doc, doc.selection.story);
}

/** Sets the selection (same story), dropping the Up/Down goal column. */
export function setSelection(doc: WordDocument, anchor: Position, focus: Position = anchor): void {
  const sel: WordDocument['selection'] = asCopies({
    anchor: asCopies({ path: anchor.path.slice(), offset: anchor.offset }),
    focus: asCopies({ path: focus.path.slice(), offset: focus.offset }),
  });
  if (doc.selection.story !== undefined) sel.story = doc.selection.story;
  doc.selection = sel;
}

function attrsOfTextish(r: Inline): RunAttrs | undefined {
  if (r.kind === undefined) return runAttributes(r);
  if (r.kind === 'field') {
    // Object.assign, not a spread: properties are added to the copy (see formatCopy in styles.ts).
    const out: RunAttrs = Object.assign({}, charFormatOf(r));
    if (r.link) out.link = r.link;
    if (r.comments) out.comments = r.comments;
    return out;
  }
  return undefined;
}

/**
 * What newly typed text at `offset` looks like (before any pending format): the format of the
 * character before the caret (the one after at a paragraph start; the paragraph mark's in an empty
 * paragraph). Typing at the end of a hyperlink or comment does not extend it, as in Word.
 */
export function contextAttributes(p: Paragraph, offset: number): RunAttrs {
  let idx = -1;
  let pos = 0;
  for (let i = 0; i < p.runs.length; i++) {
    const len = p.runs[i]!.kind === undefined ? (p.runs[i] as TextRun).text.length : 1;
    if (pos + len >= offset && offset > pos) {
      idx = i;
      break;
    }
    pos += len;
  }
  let attrs: RunAttrs | undefined;
  for (let i = idx; i >= 0 && !attrs; i--) attrs = attrsOfTextish(p.runs[i]!);
  const after = inlineAt(p, offset, 'after');
  if (attrs) {
    const afterAttrs = after ? attrsOfTextish(after) : undefined;
    if (
      attrs.link &&
      !(
        afterAttrs?.link &&
        afterAttrs.link.url === attrs.link.url &&
        afterAttrs.link.anchor === attrs.link.anchor
      )
    ) {
      attrs = dropLink(attrs);
    }
    if (attrs.comments) {
      const keep = attrs.comments.filter((id) => afterAttrs?.comments?.includes(id));
      attrs = { ...attrs };
      if (keep.length) attrs.comments = keep;
      else delete attrs.comments;
    }
    return attrs;
  }
  for (const r of p.runs) {
    const a = attrsOfTextish(r);
    if (a) {
      const out = dropLink(a);
      delete out.comments;
      return out;
    }
  }
  return Object.assign({}, p.mark);
}

// insertionAttributes adds the pending format to these copies: Object.assign, not spreads (formatCopy, styles.ts).
function dropLink(attrs: RunAttrs): RunAttrs {
  const out = Object.assign({}, attrs);
  delete out.link;
  if (out.charStyle === 'Hyperlink') delete out.charStyle;
  return out;
}

/** Attributes for text typed at the caret: the context format with the pending format on top. */
export function insertionAttributes(doc: WordDocument, p: Paragraph, offset: number): RunAttrs {
  const attrs = contextAttributes(p, offset);
  if (doc.pending) Object.assign(attrs, doc.pending);
  for (const key of Object.keys(attrs))
    if ((attrs as Record<string, unknown>)[key] === undefined) delete (attrs as Record<string, unknown>)[key];
  return attrs;
}

/** Attributes of the first selected character (typing over a selection takes them). */
function firstCharAttributes(blocks: Block[], start: Position, end: Position): RunAttrs | undefined {
  const list = caretBlocks(blocks);
  let i = indexOfPath(list, start.path);
  let offset = start.offset;
  for (; i >= 0 && i < list.length; i++) {
    const ref = list[i]!;
    if (comparePositions({ path: ref.path, offset: 0 }, end) > 0) break;
    if (ref.block.type === 'paragraph' && offset < paragraphLength(ref.block)) {
      const r = inlineAt(ref.block, offset, 'after');
      const a = r ? attrsOfTextish(r) : undefined;
      if (a) return a;
    }
    offset = 0;
  }
  return undefined;
}

/** Keeps a story valid: never empty, and the body never ends with a table. */
function ensureStoryInvariants(blocks: Block[], isBody: boolean): void {
  if (blocks.length === 0) blocks.push(emptyParagraph());
  if (isBody && blocks[blocks.length - 1]!.type === 'table') blocks.push(emptyParagraph());
}

/** Removes comments whose anchored text has all been deleted, as Word does. */
export function pruneOrphanComments(doc: WordDocument): void {
  if (doc.comments.length === 0) return;
  const used = new Set<string>();
  const visit = (blocks: Block[]): void => {
    for (const b of blocks) {
      if (b.type === 'paragraph') {
        for (const r of b.runs) {
          if ((r.kind === undefined || r.kind === 'field') && r.comments)
            for (const id of r.comments) used.add(id);
          if (r.kind === 'shape') visit(r.shape.blocks);
        }
      } else if (b.type === 'table')
        for (const row of b.rows) for (const cell of row.cells) visit(cell.blocks);
    }
  };
  visit(doc.body);
  for (const s of sections(doc))
    for (const hf of [...Object.values(s.headers), ...Object.values(s.footers)]) if (hf) visit(hf.blocks);
  if (used.size !== doc.comments.length) doc.comments = doc.comments.filter((c) => used.has(c.id));
}

/**
 * Deletes [start, end) of a story. Within one block list paragraphs merge (the first keeps its
 * formatting unless it is left empty from its start, then the last paragraph's wins; blocks in between,
 * tables included, go). Across table cells only the text is cleared, as Word clears cells.
 * Returns the caret position afterwards.
 */
export function deleteRange(doc: WordDocument, blocks: Block[], start: Position, end: Position): Position {
  if (comparePositions(start, end) >= 0) return start;
  const isBody = blocks === doc.body;
  if (samePath(start.path, end.path)) {
    const b = blockAt(blocks, start.path);
    if (b.type === 'paragraph') deleteInParagraph(b, start.offset, end.offset);
    pruneOrphanComments(doc);
    return start;
  }
  const sameContainer = samePath(start.path.slice(0, -1), end.path.slice(0, -1));
  if (sameContainer) {
    const container = containerAt(blocks, start.path);
    const si = start.path[start.path.length - 1]!;
    const ei = end.path[end.path.length - 1]!;
    const sb = container[si] as CaretBlock;
    const eb = container[ei] as CaretBlock;
    if (sb.type === 'paragraph') {
      deleteInParagraph(sb, start.offset, paragraphLength(sb));
      if (eb.type === 'paragraph') {
        const tail = sliceParagraph(eb, end.offset, paragraphLength(eb));
        if (start.offset === 0 && sb.runs.length === 0) {
          const merged: Paragraph = { ...eb, runs: tail };
          normalizeRuns(merged);
          container.splice(si, ei - si + 1, merged);
        } else {
          sb.runs.push(...tail);
          normalizeRuns(sb);
          if (eb.mark) sb.mark = eb.mark;
          else delete sb.mark;
          if (eb.sectionBreak) sb.sectionBreak = eb.sectionBreak;
          else delete sb.sectionBreak;
          container.splice(si + 1, ei - si);
        }
      } else {
        container.splice(si + 1, ei - si - 1);
      }
    } else {
      if (eb.type === 'paragraph') deleteInParagraph(eb, 0, end.offset);
      container.splice(si, ei - si);
    }
    ensureStoryInvariants(blocks, isBody);
    pruneOrphanComments(doc);
    return { path: start.path.slice(), offset: start.offset };
  }
  for (const ref of caretBlocks(blocks)) {
    if (ref.block.type !== 'paragraph') continue;
    const first = comparePositions({ path: ref.path, offset: paragraphLength(ref.block) }, start) < 0;
    const after = comparePositions({ path: ref.path, offset: 0 }, end) > 0;
    if (first || after) continue;
    const from = samePath(ref.path, start.path) ? start.offset : 0;
    const to = samePath(ref.path, end.path) ? end.offset : paragraphLength(ref.block);
    deleteInParagraph(ref.block, from, to);
  }
  pruneOrphanComments(doc);
  return start;
}

/** Deletes the selected content and collapses the caret; returns the first deleted character's format. */
export function deleteSelection(doc: WordDocument): RunAttrs | undefined {
  if (isCollapsed(doc.selection)) return undefined;
  const blocks = currentBlocks(doc);
  const { start, end } = selectionRange(doc.selection);
  const attrs = firstCharAttributes(blocks, start, end);
  const caret = deleteRange(doc, blocks, start, end);
  setSelection(doc, caret);
  return attrs;
}

/** Makes sure the caret is in a paragraph: at a page break, a new empty paragraph goes before it. */
function caretParagraph(doc: WordDocument): { p: Paragraph; path: number[]; offset: number } {
  const blocks = currentBlocks(doc);
  const { path, offset } = doc.selection.focus;
  const b = blockAt(blocks, path);
  if (b.type === 'paragraph') return { p: b, path, offset };
  if (b.type === 'table') throw invalidState('the caret is on a table, not in a paragraph');
  const container = containerAt(blocks, path);
  const p = emptyParagraph();
  container.splice(path[path.length - 1]!, 0, p);
  setSelection(doc, { path, offset: 0 });
  return { p, path, offset: 0 };
}

function insertAtCaret(doc: WordDocument, text: string, attrs: RunAttrs): void {
  const { p, path, offset } = caretParagraph(doc);
  if (text.length > 0) insertInlines(p, offset, [textRunLike(attrs, text)]);
  setSelection(doc, { path, offset: offset + text.length });
}

/**
 * Types text at the caret (over the selection, which it replaces taking the format of its first
 * character). '\n' (or '\r\n') starts a new paragraph as Enter does; '\v' or '\u2028' is a manual line
 * break (Shift+Enter); '\t' a tab.
 */
export function insertText(doc: WordDocument, text: string): void {
  if (typeof text !== 'string') throw invalidArgument(`insertText expects a string, got ${typeof text}`);
  if (text.length === 0) return;
  let attrs: RunAttrs | undefined;
  if (!isCollapsed(doc.selection)) {
    attrs = deleteSelection(doc);
    if (attrs && doc.pending) attrs = Object.assign({}, attrs, doc.pending);
  }
  const { p, offset } = caretParagraph(doc);
  attrs ??= insertionAttributes(doc, p, offset);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) splitAtCaret(doc, attrs);
    insertAtCaret(doc, lines[i]!.replace(/[\v\u2028]/g, '\n'), attrs);
  }
  doc.pending = null;
}

/** Shift+Enter: a manual line break. */
export function insertLineBreak(doc: WordDocument): void {
  insertText(doc, '\v');
}

/**
 * Splits the caret's paragraph (Enter). At the end of a paragraph whose style names a different next
 * style (headings, Title) the new paragraph takes that style; Enter in an empty list item ends the list.
 */
function splitAtCaret(doc: WordDocument, markAttrs?: RunAttrs): void {
  const blocks = currentBlocks(doc);
  const { path, offset } = doc.selection.focus;
  const b = blockAt(blocks, path);
  const container = containerAt(blocks, path);
  const index = path[path.length - 1]!;
  if (b.type === 'pageBreak') {
    container.splice(index, 0, emptyParagraph());
    setSelection(doc, { path: [...path.slice(0, -1), index + 1], offset: 0 });
    return;
  }
  if (b.type !== 'paragraph') throw invalidState('the caret is not in a paragraph');
  const len = paragraphLength(b);
  if (len === 0 && b.list) {
    delete b.list;
    if (b.style === 'ListParagraph') delete b.style;
    return;
  }
  const attrs = markAttrs ?? insertionAttributes(doc, b, offset);
  const cut = splitRunsAt(b, offset);
  const tail = b.runs.splice(cut);
  const next: Paragraph = { ...b, runs: tail };
  delete next.pageBreakBefore;
  const style = b.style === undefined ? undefined : doc.styles[b.style];
  if (offset === len && style?.next && style.next !== style.id) {
    for (const key of Object.keys(next))
      if (key !== 'type' && key !== 'runs' && key !== 'sectionBreak')
        delete (next as unknown as Record<string, unknown>)[key];
    if (style.next !== 'Normal') next.style = style.next;
  } else if (tail.length === 0) {
    const mark = charFormatOf(attrs as CharFormat);
    if (Object.keys(mark).length) next.mark = mark;
    else delete next.mark;
  }
  if (b.runs.length === 0) {
    const mark = charFormatOf(attrs as CharFormat);
    if (Object.keys(mark).length) b.mark = mark;
  }
  delete b.sectionBreak;
  if (next.sectionBreak === undefined) delete next.sectionBreak;
  container.splice(index + 1, 0, next);
  setSelection(doc, { path: [...path.slice(0, -1), index + 1], offset: 0 });
}

/** Enter: replaces the selection, then splits the paragraph at the caret. */
export function splitParagraph(doc: WordDocument): void {
  let attrs: RunAttrs | undefined;
  if (!isCollapsed(doc.selection)) attrs = deleteSelection(doc);
  if (attrs && doc.pending) attrs = Object.assign({}, attrs, doc.pending);
  splitAtCaret(doc, attrs);
  doc.pending = null;
}

function previousInContainer(blocks: Block[], path: number[]): Block | undefined {
  const index = path[path.length - 1]!;
  return index > 0 ? containerAt(blocks, path)[index - 1] : undefined;
}

/** Backspace. */
export function deleteBackward(doc: WordDocument): void {
  if (!isCollapsed(doc.selection)) {
    const attrs = deleteSelection(doc);
    doc.pending = attrs ? charFormatOf(attrs as CharFormat) : null;
    return;
  }
  doc.pending = null;
  const blocks = currentBlocks(doc);
  const { path, offset } = doc.selection.focus;
  const b = blockAt(blocks, path) as CaretBlock;
  if (b.type === 'paragraph' && offset > 0) {
    let from = offset - 1;
    const text = (inlineAt(b, offset, 'before') as TextRun | undefined)?.text;
    if (text !== undefined && from > 0) {
      const code = charCodeBefore(b, offset);
      if (code >= 0xdc00 && code <= 0xdfff) from--;
    }
    deleteInParagraph(b, from, offset);
    pruneOrphanComments(doc);
    setSelection(doc, { path, offset: from });
    return;
  }
  if (b.type === 'paragraph' && b.list) {
    // Word's first Backspace at the start of a list item removes its number or bullet.
    delete b.list;
    return;
  }
  const prev = previousInContainer(blocks, path);
  const index = path[path.length - 1]!;
  const prevPath = [...path.slice(0, -1), index - 1];
  if (!prev) return;
  if (prev.type === 'pageBreak') {
    containerAt(blocks, path).splice(index - 1, 1);
    setSelection(doc, { path: prevPath, offset: 0 });
    return;
  }
  if (prev.type === 'table') {
    // Word moves into the table instead of deleting across it.
    const list = caretBlocks(blocks);
    const i = indexOfPath(list, path);
    const target = list[i - 1];
    if (target) setSelection(doc, { path: target.path, offset: blockLength(target.block) });
    return;
  }
  if (b.type === 'pageBreak') {
    setSelection(doc, { path: prevPath, offset: paragraphLength(prev) });
    return;
  }
  const end = paragraphLength(prev);
  const caret = deleteRange(doc, blocks, { path: prevPath, offset: end }, { path, offset: 0 });
  setSelection(doc, caret);
}

/** Delete. */
export function deleteForward(doc: WordDocument): void {
  if (!isCollapsed(doc.selection)) {
    const attrs = deleteSelection(doc);
    doc.pending = attrs ? charFormatOf(attrs as CharFormat) : null;
    return;
  }
  doc.pending = null;
  const blocks = currentBlocks(doc);
  const { path, offset } = doc.selection.focus;
  const b = blockAt(blocks, path) as CaretBlock;
  const container = containerAt(blocks, path);
  const index = path[path.length - 1]!;
  if (b.type === 'pageBreak') {
    container.splice(index, 1);
    ensureStoryInvariants(blocks, blocks === doc.body);
    if (!container[index] || container[index]!.type === 'table') container.splice(index, 0, emptyParagraph());
    setSelection(doc, { path, offset: 0 });
    return;
  }
  const len = paragraphLength(b);
  if (offset < len) {
    let to = offset + 1;
    const code = charCodeAt(b, offset);
    if (code >= 0xd800 && code <= 0xdbff) to++;
    deleteInParagraph(b, offset, Math.min(to, len));
    pruneOrphanComments(doc);
    return;
  }
  const next = container[index + 1];
  if (!next || next.type === 'table') return;
  if (next.type === 'pageBreak') {
    container.splice(index + 1, 1);
    return;
  }
  const caret = deleteRange(
    doc,
    blocks,
    { path, offset },
    { path: [...path.slice(0, -1), index + 1], offset: 0 },
  );
  setSelection(doc, caret);
}

function charCodeBefore(p: Paragraph, offset: number): number {
  const r = inlineAt(p, offset, 'before');
  if (!r || r.kind !== undefined) return -1;
  let pos = 0;
  for (const run of p.runs) {
    if (run === r) break;
    pos += run.kind === undefined ? run.text.length : 1;
  }
  return r.text.charCodeAt(offset - 1 - pos);
}

function charCodeAt(p: Paragraph, offset: number): number {
  return charCodeBefore(p, offset + 1);
}

/**
 * Ctrl+Enter: a page break at the caret. The paragraph splits around it; at a paragraph start the
 * break goes before the paragraph. Not allowed in tables, headers, footers or shapes (Word disables it).
 */
export function insertPageBreak(doc: WordDocument, kind: 'page' | 'column' = 'page'): void {
  if (kind !== 'page' && kind !== 'column')
    throw invalidArgument(`break kind must be 'page' or 'column', got ${String(kind)}`);
  if (doc.selection.story !== undefined)
    throw invalidState('page breaks can only be inserted in the main document');
  if (!isCollapsed(doc.selection)) deleteSelection(doc);
  const { path, offset } = doc.selection.focus;
  if (path.length > 1) throw invalidState('a page break cannot be inserted inside a table');
  const b = doc.body[path[0]!]!;
  const index = path[0]!;
  if (b.type === 'pageBreak' || (b.type === 'paragraph' && offset === 0)) {
    doc.body.splice(index, 0, { type: 'pageBreak', break: kind });
    setSelection(doc, { path: [index + 1], offset: 0 });
    return;
  }
  splitAtCaret(doc);
  doc.body.splice(index + 1, 0, { type: 'pageBreak', break: kind });
  setSelection(doc, { path: [index + 2], offset: 0 });
  doc.pending = null;
}

/**
 * Layout > Breaks > Section Breaks: ends the caret's section at the caret. The section before keeps a
 * copy of the current setup; the one after starts as `kind` says.
 */
export function insertSectionBreak(doc: WordDocument, kind: SectionSetup['start'] = 'nextPage'): void {
  const kinds: SectionSetup['start'][] = ['nextPage', 'continuous', 'evenPage', 'oddPage', 'nextColumn'];
  if (!kinds.includes(kind))
    throw invalidArgument(`section break kind must be one of ${kinds.join(', ')}, got ${String(kind)}`);
  if (doc.selection.story !== undefined)
    throw invalidState('section breaks can only be inserted in the main document');
  if (!isCollapsed(doc.selection)) deleteSelection(doc);
  const { path } = doc.selection.focus;
  if (path.length > 1) throw invalidState('a section break cannot be inserted inside a table');
  const index = path[0]!;
  const current = sections(doc)[sectionIndexOfBlock(doc, index)]!;
  const before: SectionSetup = structuredClone(current);
  splitAtCaret(doc);
  const head = doc.body[index];
  if (head?.type !== 'paragraph') throw invalidState('cannot end a section at a page break');
  head.sectionBreak = before;
  current.start = kind;
  doc.pending = null;
}

/** Tab key semantics outside tables: at the start of a list item it demotes, otherwise a tab. */
export function insertTab(doc: WordDocument, shift = false): void {
  const blocks = currentBlocks(doc);
  const { path, offset } = doc.selection.focus;
  const b = blockAt(blocks, path);
  if (b.type === 'paragraph' && b.list && isCollapsed(doc.selection) && offset === 0) {
    b.list = { id: b.list.id, level: Math.max(0, Math.min(8, b.list.level + (shift ? -1 : 1))) };
    return;
  }
  if (shift) return;
  insertText(doc, '\t');
}
