/**
 * Values the ribbon, the status bar and the canvas show that are costly to compute (the selection's format,
 * the word count, the document part of the canvas). Every Word command that may change the document bumps a
 * revision before it runs (commands.ts, apis.ts): `content` for edits, `selection` for caret and selection moves
 * (which leave counts and the document JSON alone); view settings move none. A revision (or a new state object
 * from undo, redo and rollback) only makes the document's content key be recomputed; the values themselves are
 * recomputed when that key changed, so the many commands that may edit but do not (and undo copies of a document
 * already shown) reuse them.
 */
import {
  canvasState,
  countText,
  selectionFormat,
  selectionState,
  visibleText,
  allParagraphs,
  markFrozen,
  wordCount,
  type SelectionFormat,
  type WordCount,
  type WordDocument,
} from '../model/index.ts';
import { cloneJson, sameJson, shareJson } from '../../office/index.ts';
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

/*
 * The mirror: a frozen deep copy of the content of the document last keyed (every member but the selection, the
 * pending format and the style table), refreshed part by part. A part equal to its mirror copy keeps that copy, so
 * unchanged paragraphs, sections and lists keep one immutable object across steps: undo snapshots share them
 * instead of copying the document, and the canvas and the layout remember per object what they derive from them.
 * `mirrorVersion` moves whenever a part changed, so one version always means one content.
 */
let mirrorKeys: string[] = [];
let mirrorParts: unknown[] = [];
let mirrorVersion = 0;
/** The mirror as a document (with the live style table and selection), made once per version and document. */
let mirrorView: WordDocument | null = null;
let mirrorViewVersion = -1;
let mirrorViewSource: WordDocument | null = null;

/** `previous` (a frozen copy) where `live` still equals it, else a new frozen copy sharing what did not change. */
export function frozenCopy<T>(live: T, previous: unknown): T {
  return previous === undefined ? cloneJson(live) : shareJson(live, previous);
}

/**
 * Live documents made from a frozen copy (undo, redo and rollback restore a snapshot as a deep copy of it, see
 * word-app.ts) and not mirrored since, and that copy. Its parts are frozen copies that the canvas, the layout and
 * the counts saw when it was current: the next refresh shares from them rather than from the mirror, so the
 * values derived per object are found again instead of computed for fresh copies.
 */
const restoredFrom = new WeakMap<WordDocument, WordDocument>();

/** Records that `live` was deep-copied from the frozen document `source` (whose parts are never changed). */
export function noteRestored(live: WordDocument, source: WordDocument): void {
  restoredFrom.set(live, source);
}

/** Brings the mirror up to `doc`'s content; a changed part moves the version. */
function refreshMirror(doc: WordDocument): void {
  const keys: string[] = [];
  const parts: unknown[] = [];
  const source = restoredFrom.get(doc) as unknown as Record<string, unknown> | undefined;
  if (source !== undefined) restoredFrom.delete(doc);
  let changed = false;
  let i = 0;
  for (const k in doc) {
    if (k === 'selection' || k === 'pending' || k === 'styles') continue;
    const v = (doc as unknown as Record<string, unknown>)[k];
    if (v === undefined) continue;
    const old = mirrorKeys[i] === k ? mirrorParts[i] : undefined;
    // shareJson keeps only what equals `prev`, so either frozen copy gives a copy equal to the live part. The
    // source's part is the mirror's where the restore changed nothing there (snapshots are made of mirror parts).
    const alt = source === undefined ? undefined : source[k];
    const prev = alt === undefined ? old : alt;
    const part = prev === undefined ? cloneJson(v) : shareJson(v, prev);
    if (!Object.is(part, old)) changed = true;
    keys.push(k);
    parts.push(part);
    i++;
  }
  if (changed || i !== mirrorKeys.length) {
    mirrorKeys = keys;
    mirrorParts = parts;
    mirrorVersion++;
    // The document keyed last may not be the one just mirrored: its key must be checked again.
    keyDoc = null;
  }
}

let lastContentKey = '';
let keyDoc: WordDocument | null = null;
let keyRevision = -1;
let keyValue = '';

/**
 * A name for the document's content: its style table by identity (StyleDefs are never changed in place) and the
 * mirror's version for the rest, without the selection and the pending insertion format. Two documents with the
 * same key have the same canvas, counts and layout, however they were reached (a command that changed nothing,
 * an undo copy of what the mirror holds). Checked once per content revision and document object; an unchanged
 * key comes back as the same string object, so the memos compare it by identity.
 */
export function documentContentKey(doc: WordDocument): string {
  if (doc === keyDoc && keyRevision === contentRevision) return keyValue;
  refreshMirror(doc);
  let key = `${stylesKey(doc.styles)}|${mirrorVersion}`;
  if (key === lastContentKey) key = lastContentKey;
  else lastContentKey = key;
  keyDoc = doc;
  keyRevision = contentRevision;
  keyValue = key;
  return key;
}

/**
 * `doc` with its content read from the mirror (frozen, model/memo.ts): equal to `doc` in everything the content
 * key covers, so content-keyed values (canvas, layout) may be computed from it. Its selection and pending format
 * are `doc`'s at the time it was made and must not be relied on.
 */
export function contentView(doc: WordDocument): WordDocument {
  documentContentKey(doc);
  if (mirrorView !== null && mirrorViewVersion === mirrorVersion && mirrorViewSource === doc) {
    if (mirrorView.styles === doc.styles) return mirrorView;
  }
  // Members in `doc`'s order, so that it has the live document's hidden class (see assembleWordState).
  const view: Record<string, unknown> = {};
  let i = 0;
  for (const k in doc) {
    const v = (doc as unknown as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (k === 'styles' || k === 'selection' || k === 'pending' || mirrorKeys[i] !== k) view[k] = v;
    else view[k] = mirrorParts[i++];
  }
  mirrorView = view as unknown as WordDocument;
  markFrozen(mirrorView);
  mirrorViewVersion = mirrorVersion;
  mirrorViewSource = doc;
  return mirrorView;
}

/** The last style table copied for a snapshot, shared while the live table holds the same entries. */
let frozenStyles: Record<string, unknown> = {};
let frozenStyleEntries: unknown[] = [];

function stylesCopy(styles: WordDocument['styles']): WordDocument['styles'] {
  let n = 0;
  let same = true;
  for (const id in styles) {
    if (frozenStyleEntries[n * 2] !== id || frozenStyleEntries[n * 2 + 1] !== styles[id]) {
      same = false;
      break;
    }
    n++;
  }
  if (!same || n * 2 !== frozenStyleEntries.length) {
    const entries: unknown[] = [];
    for (const id in styles) entries.push(id, styles[id]);
    frozenStyles = { ...styles };
    frozenStyleEntries = entries;
  }
  return frozenStyles as WordDocument['styles'];
}

/**
 * An immutable copy of `doc` for undo and rollback: the mirror's parts (shared with other snapshots and never
 * changed), a shared copy of the style table, and fresh copies of the selection and the pending format; members
 * in `doc`'s order but the style table, which comes last. The mirror is refreshed unless it was keyed at the
 * current revision; refreshing here does not key the document, because a command may snapshot after its revision
 * bump and before its edit.
 */
export function frozenDocument(doc: WordDocument): WordDocument {
  if (doc !== keyDoc || keyRevision !== contentRevision) refreshMirror(doc);
  const copy = assembleCopy(doc);
  if (copy !== null) return copy;
  refreshMirror(doc);
  return assembleCopy(doc)!;
}

/** The copy of `frozenDocument`, or null when the mirror's members are not `doc`'s (it must be refreshed). */
function assembleCopy(doc: WordDocument): WordDocument | null {
  const out: Record<string, unknown> = {};
  let i = 0;
  for (const k in doc) {
    const v = (doc as unknown as Record<string, unknown>)[k];
    if (v === undefined || k === 'styles') continue;
    if (k === 'selection' || k === 'pending') out[k] = cloneJson(v);
    else if (mirrorKeys[i] === k) out[k] = mirrorParts[i++];
    else return null;
  }
  if (i !== mirrorKeys.length) return null;
  // Last, as the copies made before the mirror had it (a restored document keeps that order).
  out.styles = stylesCopy(doc.styles);
  return out as unknown as WordDocument;
}

const contentKey = (s: WordState): string => documentContentKey(s.doc);

/** Copies of the selection and the pending format the current selection key names (see `selectionKey`). */
let keySelection: unknown = undefined;
let keyPending: unknown = undefined;
let selectionKeyValue = 0;

/**
 * A number naming the selection and the pending format (with the content, what the selection's formatting
 * depends on): the same while both stay equal as JSON would show them, a new one otherwise. Compared with copies
 * of the last ones rather than by building their JSON text.
 */
const selectionKey: (state: WordState) => number = memo((s) => {
  const { selection, pending } = s.doc;
  if (selectionKeyValue !== 0 && sameJson(selection, keySelection) && sameJson(pending, keyPending))
    return selectionKeyValue;
  keySelection = cloneJson(selection);
  keyPending = cloneJson(pending);
  return ++selectionKeyValue;
}, 'selection');

/** Memoises `compute` on the content key (and the selection key, with `selection`). */
function keyed<T>(compute: (state: WordState) => T, selection = false): (state: WordState) => T {
  let lastContent: string | null = null;
  let lastSelection: number | null = null;
  let value: T;
  // The state and revisions of the last call: the ribbon asks many times per view with nothing moved between.
  let seenState: WordState | null = null;
  let seenDoc: WordDocument | null = null;
  let seenContent = -1;
  let seenSelection = -1;
  return (s: WordState): T => {
    if (
      s === seenState &&
      s.doc === seenDoc &&
      seenContent === contentRevision &&
      (!selection || seenSelection === selectionRevision)
    )
      return value;
    const c = contentKey(s);
    const sel = selection ? selectionKey(s) : null;
    if (c !== lastContent || sel !== lastSelection) {
      value = compute(s);
      lastContent = c;
      lastSelection = sel;
    }
    seenState = s;
    seenDoc = s.doc;
    seenContent = contentRevision;
    seenSelection = selectionRevision;
    return value;
  };
}

export const formatOf: (state: WordState) => SelectionFormat = keyed((s) => selectionFormat(s.doc), true);
/** Word Count's figures (pages and lines come from the approximate layout). */
export const countOf: (state: WordState) => WordCount = keyed((s) => wordCount(contentView(s.doc)));
/** The status bar's word count: words of the body text, without the layout work of the full count. */
export const wordsOf: (state: WordState) => number = keyed((s) => {
  let words = 0;
  for (const p of allParagraphs(contentView(s.doc).body)) words += wordsOfFrozen(p.paragraph);
  return words;
});

/** Words of a mirror paragraph (never changed in place), remembered per paragraph object. */
const wordsByParagraph = new WeakMap<object, number>();

function wordsOfFrozen(p: Parameters<typeof visibleText>[0]): number {
  let n = wordsByParagraph.get(p);
  if (n === undefined) {
    n = wordsIn(visibleText(p));
    wordsByParagraph.set(p, n);
  }
  return n;
}

/** The document control's texts (each paragraph's visible text), shared until the content changes. */
export const paragraphTextsOf: (state: WordState) => string[] = keyed((s) =>
  allParagraphs(s.doc.body).map((p) => visibleText(p.paragraph)),
);

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

/** The canvas's `selection` entry, shared while the content and the selection stay the same. */
export const selectionCanvasOf: (state: WordState) => Record<string, unknown> = keyed(
  (s) => selectionState(s.doc) as Record<string, unknown>,
  true,
);

/** The canvas without the selection (the document's content as JSON), shared until the content changes. */
export const contentCanvasOf: (state: WordState) => Record<string, unknown> = keyed(
  (s) => canvasState(contentView(s.doc), { selection: false }) as Record<string, unknown>,
);
