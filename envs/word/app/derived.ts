/**
 * Values the ribbon, the status bar and the canvas show that are costly to compute (the selection's format,
 * the word count, the document part of the canvas). Every Word command bumps a revision before it runs
 * (commands.ts, apis.ts): `content` for edits, `selection` for caret and selection moves (which leave counts and
 * the document JSON alone). A revision (or a new state object from undo, redo and rollback) only makes the
 * document's content key be recomputed; the values themselves are recomputed when that key changed, so the many
 * commands that may edit but do not (and undo copies of a document already shown) reuse them.
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
  type WordDocument,
} from '../model/index.ts';
import type { WordState } from './state.ts';

let contentRevision = 0;
let selectionRevision = 0;

/** Called by every command before it may change the document: `content` for edits, `selection` for moves. */
export function bumpRevision(kind: 'content' | 'selection' = 'content'): void {
  selectionRevision++;
  if (kind === 'content') contentRevision++;
}

/** The current content revision (the content key below is recomputed when it moves). */
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

/** A number per StyleDef object, so a style table's content can be named without serialising the styles. */
const styleIds = new WeakMap<object, number>();
let nextStyleId = 1;
/** The last table's entries in order and its key: undo copies of the table share every StyleDef. */
let lastStyleDefs: unknown[] = [];
let lastStylesKey = '';

function stylesKey(styles: WordState['doc']['styles']): string {
  let n = 0;
  let same = true;
  for (const id in styles) {
    if (lastStyleDefs[n * 2] !== id || lastStyleDefs[n * 2 + 1] !== styles[id]) {
      same = false;
      break;
    }
    n++;
  }
  if (same && n * 2 === lastStyleDefs.length) return lastStylesKey;
  const defs: unknown[] = [];
  let key = '';
  for (const id in styles) {
    const def = styles[id];
    defs.push(id, def);
    if (def === undefined) continue;
    let k = styleIds.get(def);
    if (k === undefined) {
      k = nextStyleId++;
      styleIds.set(def, k);
    }
    key += `${id}:${k},`;
  }
  lastStyleDefs = defs;
  lastStylesKey = key;
  return key;
}

let lastContentKey = '';
let keyDoc: WordDocument | null = null;
let keyRevision = -1;
let keyValue = '';

/**
 * The document's content as a string: its JSON without the selection and the pending insertion format, and its
 * style table by identity (StyleDefs are never changed in place). Two documents with the same key have the same
 * canvas, counts and layout, however they were reached (an edit undone, a command that changed nothing, an undo
 * copy). Computed once per content revision and document object; an unchanged key comes back as the same string
 * object, so the memos compare it by identity.
 */
export function documentContentKey(doc: WordDocument): string {
  if (doc === keyDoc && keyRevision === contentRevision) return keyValue;
  const { selection: _selection, pending: _pending, styles, ...rest } = doc;
  let key = `${stylesKey(styles)}|${JSON.stringify(rest)}`;
  if (key === lastContentKey) key = lastContentKey;
  else lastContentKey = key;
  keyDoc = doc;
  keyRevision = contentRevision;
  keyValue = key;
  return key;
}

const contentKey = (s: WordState): string => documentContentKey(s.doc);

/** The selection and the pending format: with the content, what the selection's formatting depends on. */
let lastSelectionKey = '';
const selectionKey: (state: WordState) => string = memo((s) => {
  const key = JSON.stringify(s.doc.selection) + JSON.stringify(s.doc.pending);
  if (key === lastSelectionKey) return lastSelectionKey;
  lastSelectionKey = key;
  return key;
}, 'selection');

/** Memoises `compute` on the content key (and the selection key, with `selection`). */
function keyed<T>(compute: (state: WordState) => T, selection = false): (state: WordState) => T {
  let lastContent: string | null = null;
  let lastSelection: string | null = null;
  let value: T;
  return (s: WordState): T => {
    const c = contentKey(s);
    const sel = selection ? selectionKey(s) : null;
    if (c !== lastContent || sel !== lastSelection) {
      value = compute(s);
      lastContent = c;
      lastSelection = sel;
    }
    return value;
  };
}

export const formatOf: (state: WordState) => SelectionFormat = keyed((s) => selectionFormat(s.doc), true);
/** Word Count's figures (pages and lines come from the approximate layout). */
export const countOf: (state: WordState) => WordCount = keyed((s) => wordCount(s.doc));
/** The status bar's word count: words of the body text, without the layout work of the full count. */
export const wordsOf: (state: WordState) => number = keyed((s) => {
  let words = 0;
  for (const p of allParagraphs(s.doc.body)) words += wordsIn(visibleText(p.paragraph));
  return words;
});

/** Words of a paragraph's text, by text: an edit changes one paragraph, the others keep their counts. */
const wordsByText = new Map<string, number>();

function wordsIn(text: string): number {
  let n = wordsByText.get(text);
  if (n === undefined) {
    if (wordsByText.size > 4000) wordsByText.clear();
    n = countText(text).words;
    wordsByText.set(text, n);
  }
  return n;
}
/**
 * The status bar's page count: manual page breaks and "page break before" paragraphs (the full layout estimate
 * is Word Count's, recomputed only when that dialog or the Info page shows it).
 */
export const pagesOf: (state: WordState) => number = keyed((s) => {
  let pages = 1;
  for (const b of s.doc.body) {
    if (b.type === 'pageBreak' && b.break === 'page') pages++;
    else if (b.type === 'paragraph' && b.pageBreakBefore === true) pages++;
  }
  return pages;
});

/** The canvas without the selection (the document's content as JSON), shared until the content changes. */
export const contentCanvasOf: (state: WordState) => Record<string, unknown> = keyed(
  (s) => canvasState(s.doc, { selection: false }) as Record<string, unknown>,
);
