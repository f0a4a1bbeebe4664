/**
 * Values the ribbon, the status bar and the canvas show that are costly to compute (the selection's format,
 * the word count, the document part of the canvas): computed once per revision. Every Word command bumps a
 * revision before it runs (commands.ts, apis.ts): `content` for edits, `selection` for caret and selection
 * moves (which leave counts and the document JSON alone). Undo, redo and rollback hand the kernel a different
 * state object, which misses these caches by identity.
 */
import {
  canvasState,
  countText,
  selectionFormat,
  visibleText,
  allParagraphs,
  wordCount,
  type SelectionFormat,
  type WordCount,
} from '../model/index.ts';
import type { WordState } from './state.ts';

let contentRevision = 0;
let selectionRevision = 0;

/** Called by every command before it may change the document: `content` for edits, `selection` for moves. */
export function bumpRevision(kind: 'content' | 'selection' = 'content'): void {
  selectionRevision++;
  if (kind === 'content') contentRevision++;
}

/** The current content revision (layout caches key on it together with the document object). */
export function currentRevision(): number {
  return contentRevision;
}

function memo<T>(compute: (state: WordState) => T, kind: 'content' | 'selection'): (state: WordState) => T {
  let state: WordState | null = null;
  let doc: unknown = null;
  let rev = -1;
  let value: T;
  return (s: WordState): T => {
    const now = kind === 'content' ? contentRevision : selectionRevision;
    if (s !== state || s.doc !== doc || rev !== now) {
      value = compute(s);
      state = s;
      doc = s.doc;
      rev = now;
    }
    return value;
  };
}

export const formatOf: (state: WordState) => SelectionFormat = memo(
  (s) => selectionFormat(s.doc),
  'selection',
);
/** Word Count's figures (pages and lines come from the approximate layout). */
export const countOf: (state: WordState) => WordCount = memo((s) => wordCount(s.doc), 'content');
/** The status bar's word count: words of the body text, without the layout work of the full count. */
export const wordsOf: (state: WordState) => number = memo(
  (s) => allParagraphs(s.doc.body).reduce((n, p) => n + countText(visibleText(p.paragraph)).words, 0),
  'content',
);
/**
 * The status bar's page count: manual page breaks and "page break before" paragraphs (the full layout estimate
 * is Word Count's, recomputed only when that dialog or the Info page shows it).
 */
export const pagesOf: (state: WordState) => number = memo((s) => {
  let pages = 1;
  for (const b of s.doc.body) {
    if (b.type === 'pageBreak' && b.break === 'page') pages++;
    else if (b.type === 'paragraph' && b.pageBreakBefore === true) pages++;
  }
  return pages;
}, 'content');

/** The canvas without the selection (the document's content as JSON), shared until the content changes. */
export const contentCanvasOf: (state: WordState) => Record<string, unknown> = memo(
  (s) => canvasState(s.doc, { selection: false }) as Record<string, unknown>,
  'content',
);
