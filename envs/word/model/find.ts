import { currentBlocks, setSelection } from './editing.ts';
import { WordModelError, invalidArgument } from './errors.ts';
import {
  blockAt,
  blockLength,
  caretBlocks,
  comparePositions,
  containerAt,
  isCollapsed,
  samePath,
  sections,
  selectionRange,
  storyBlocks,
} from './positions.ts';
import {
  charFormatOf,
  deleteInParagraph,
  inlineAt,
  insertInlines,
  paragraphText,
  runAttributes,
  splitRunsAt,
  textRunLike,
} from './runs.ts';
import { listShapes } from './shapes.ts';
import type { Block, Paragraph, Position, WordDocument } from './types.ts';

export interface FindOptions {
  matchCase?: boolean;
  wholeWord?: boolean;
  /** 'main' searches the story the selection is in (the body by default); 'all' adds headers, footers and text boxes. */
  stories?: 'main' | 'all';
}

export interface Match {
  /** Undefined for the body. */
  story?: string;
  start: Position;
  end: Position;
  text: string;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Lower-cases unit by unit so that offsets in the folded string match the original. */
function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Word's special characters in the Find box: ^t tab, ^l manual line break, ^^ caret. */
export function parseFindText(text: string): string {
  if (typeof text !== 'string' || text.length === 0)
    throw invalidArgument('the text to find must be a non-empty string');
  if (text.length > 255) throw invalidArgument('Word finds at most 255 characters');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '^' || i === text.length - 1) {
      out += ch;
      continue;
    }
    const code = text[++i]!;
    if (code === 't') out += '\t';
    else if (code === 'l') out += '\n';
    else if (code === '^') out += '^';
    else if (code === 'p')
      throw new WordModelError(
        'unsupported',
        'finding paragraph marks (^p) is not supported: matches stay inside one paragraph',
      );
    else out += `^${code}`;
  }
  return out;
}

function storyList(doc: WordDocument, options: FindOptions): (string | undefined)[] {
  const main = doc.selection.story;
  if ((options.stories ?? 'main') === 'main') return [main];
  const out: (string | undefined)[] = [undefined];
  sections(doc).forEach((s, i) => {
    for (const type of Object.keys(s.headers)) out.push(`header:${type}:${i}`);
    for (const type of Object.keys(s.footers)) out.push(`footer:${type}:${i}`);
  });
  for (const { shape } of listShapes(doc)) out.push(`shape:${shape.id}`);
  return out;
}

function matchesIn(p: Paragraph, needle: string, options: FindOptions): [number, number][] {
  const text = paragraphText(p);
  const hay = options.matchCase ? text : fold(text);
  const n = options.matchCase ? needle : fold(needle);
  const out: [number, number][] = [];
  let from = 0;
  for (;;) {
    const i = hay.indexOf(n, from);
    if (i < 0) break;
    const j = i + n.length;
    const okBefore = !options.wholeWord || i === 0 || !WORD_CHAR.test(text[i - 1]!);
    const okAfter = !options.wholeWord || j >= text.length || !WORD_CHAR.test(text[j]!);
    if (okBefore && okAfter) {
      out.push([i, j]);
      from = j;
    } else from = i + 1;
  }
  return out;
}

function searchBlocks(
  blocks: Block[],
  needle: string,
  options: FindOptions,
  story: string | undefined,
  out: Match[],
): void {
  for (const ref of caretBlocks(blocks)) {
    if (ref.block.type !== 'paragraph') continue;
    const text = paragraphText(ref.block);
    for (const [a, b] of matchesIn(ref.block, needle, options)) {
      const m: Match = {
        start: { path: ref.path, offset: a },
        end: { path: ref.path, offset: b },
        text: text.slice(a, b),
      };
      if (story !== undefined) m.story = story;
      out.push(m);
    }
  }
}

/** Every match of `text` (Word's Find, "Find In" the chosen stories), in document order. */
export function findAll(doc: WordDocument, text: string, options: FindOptions = {}): Match[] {
  const needle = parseFindText(text);
  const out: Match[] = [];
  for (const story of storyList(doc, options))
    searchBlocks(storyBlocks(doc, story), needle, options, story, out);
  return out;
}

/**
 * UFO's select_text(text): selects the n-th (1-based) occurrence in the body, as Word's Find with default
 * options (case-insensitive) does. Returns false, leaving the selection alone, when there is none.
 */
export function selectText(
  doc: WordDocument,
  text: string,
  occurrence = 1,
  options: Omit<FindOptions, 'stories'> = {},
): boolean {
  if (!Number.isInteger(occurrence) || occurrence < 1)
    throw invalidArgument(`occurrence must be a positive integer, got ${JSON.stringify(occurrence)}`);
  const needle = parseFindText(text);
  const matches: Match[] = [];
  searchBlocks(doc.body, needle, options, undefined, matches);
  const m = matches[occurrence - 1];
  if (!m) return false;
  doc.selection = { anchor: m.start, focus: m.end };
  doc.pending = null;
  return true;
}

/** Find Next: selects the first match after the selection, wrapping to the start. */
export function findNext(
  doc: WordDocument,
  text: string,
  options: Omit<FindOptions, 'stories'> = {},
): boolean {
  const matches = findAll(doc, text, { ...options, stories: 'main' });
  if (matches.length === 0) return false;
  const { start, end } = selectionRange(doc.selection);
  const from = isCollapsed(doc.selection) ? start : end;
  const next =
    matches.find(
      (m) =>
        comparePositions(m.start, from) >= 0 && !(samePosition(m.start, start) && samePosition(m.end, end)),
    ) ?? matches[0]!;
  setSelection(doc, next.start, next.end);
  doc.pending = null;
  return true;
}

function samePosition(a: Position, b: Position): boolean {
  return a.offset === b.offset && samePath(a.path, b.path);
}

/** Replace-box specials: ^t tab, ^l line break, ^p paragraph, ^& the found text, ^^ caret. */
function expandReplacement(replacement: string, found: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i]!;
    if (ch !== '^' || i === replacement.length - 1) {
      out += ch;
      continue;
    }
    const code = replacement[++i]!;
    if (code === 't') out += '\t';
    else if (code === 'l') out += '\n';
    else if (code === 'p') out += '\r';
    else if (code === '&') out += found;
    else if (code === '^') out += '^';
    else out += `^${code}`;
  }
  return out;
}

/** Replaces [a, b) of a paragraph by text ('\r' splits the paragraph) with the first replaced character's format. */
function replaceIn(blocks: Block[], path: number[], a: number, b: number, text: string): void {
  const p = blockAt(blocks, path) as Paragraph;
  const first = inlineAt(p, a, 'after');
  const attrs =
    first?.kind === undefined && first
      ? runAttributes(first)
      : first?.kind === 'field'
        ? charFormatOf(first)
        : {};
  deleteInParagraph(p, a, b);
  const parts = text.split('\r');
  const container = containerAt(blocks, path);
  let index = path[path.length - 1]!;
  let cur = p;
  let at = a;
  parts.forEach((part, k) => {
    if (k > 0) {
      const cut = splitRunsAt(cur, at);
      const tail: Paragraph = { ...cur, runs: cur.runs.splice(cut) };
      delete cur.sectionBreak;
      container.splice(++index, 0, tail);
      cur = tail;
      at = 0;
    }
    if (part) insertInlines(cur, at, [textRunLike(attrs, part)]);
    at += part.length;
  });
}

export interface ReplaceResult {
  /** How many occurrences were replaced. */
  replaced: number;
  /** Replace (one): whether another occurrence is now selected. */
  found: boolean;
}

/**
 * Home > Replace. With `all`, every occurrence is replaced (body, headers, footers and text boxes, as
 * Word's Replace All) and the count returned. Otherwise it behaves as the Replace button: when the
 * selection is an occurrence it is replaced, then the next occurrence is selected. Replacement text
 * takes the format of the first replaced character.
 */
export function replace(
  doc: WordDocument,
  find: string,
  replacement: string,
  options: FindOptions & { all?: boolean } = {},
): ReplaceResult {
  if (typeof replacement !== 'string') throw invalidArgument('the replacement must be a string');
  const needle = parseFindText(find);
  if (options.all) {
    let replaced = 0;
    const stories = storyList(doc, { stories: options.stories ?? 'all' });
    for (const story of stories) {
      const blocks = storyBlocks(doc, story);
      const matches: Match[] = [];
      searchBlocks(blocks, needle, options, story, matches);
      for (let i = matches.length - 1; i >= 0; i--) {
        const m = matches[i]!;
        replaceIn(blocks, m.start.path, m.start.offset, m.end.offset, expandReplacement(replacement, m.text));
        replaced++;
      }
    }
    clampSelection(doc);
    return { replaced, found: false };
  }
  let replaced = 0;
  if (!isCollapsed(doc.selection)) {
    const { start, end } = selectionRange(doc.selection);
    const blocks = currentBlocks(doc);
    if (samePath(start.path, end.path)) {
      const b = blockAt(blocks, start.path);
      if (
        b.type === 'paragraph' &&
        matchesIn(b, needle, options).some(([a, z]) => a === start.offset && z === end.offset)
      ) {
        const text = expandReplacement(replacement, paragraphText(b).slice(start.offset, end.offset));
        replaceIn(blocks, start.path, start.offset, end.offset, text);
        const lastLine = text.split('\r').pop()!;
        const endPath = text.includes('\r')
          ? [...start.path.slice(0, -1), start.path[start.path.length - 1]! + text.split('\r').length - 1]
          : start.path;
        const caret = {
          path: endPath,
          offset: text.includes('\r') ? lastLine.length : start.offset + text.length,
        };
        setSelection(doc, caret);
        replaced = 1;
      }
    }
  }
  const found = findNext(doc, find, options);
  return { replaced, found };
}

/** After edits elsewhere, keeps the selection pointing at valid places. */
export function clampSelection(doc: WordDocument): void {
  const blocks = currentBlocks(doc);
  const list = caretBlocks(blocks);
  for (const end of [doc.selection.anchor, doc.selection.focus]) {
    let ok = false;
    try {
      const b = blockAt(blocks, end.path);
      if (b.type !== 'table') {
        end.offset = Math.min(end.offset, blockLength(b));
        ok = true;
      }
    } catch {
      ok = false;
    }
    if (!ok) {
      const last = list[list.length - 1]!;
      end.path = last.path.slice();
      end.offset = blockLength(last.block);
    }
  }
}
