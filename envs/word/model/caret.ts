import { currentBlocks, setSelection } from './editing.ts';
import { invalidArgument } from './errors.ts';
import { availableWidth, layoutParagraph, lineIndexOf, offsetAtX } from './layout.ts';
import type { LineBox } from './layout.ts';
import {
  blockAt,
  blockLength,
  caretBlocks,
  checkPosition,
  containerAt,
  firstPosition,
  indexOfPath,
  isCollapsed,
  lastPosition,
  samePath,
  selectionRange,
  storyBlocks,
  tableContext,
} from './positions.ts';
import type { CaretBlock, CaretBlockRef } from './positions.ts';
import { OBJECT_CHAR, paragraphText } from './runs.ts';
import type { Block, Position, Table, WordDocument } from './types.ts';

export const CARET_MOVES = [
  'left',
  'right',
  'up',
  'down',
  'home',
  'end',
  'docStart',
  'docEnd',
  'wordLeft',
  'wordRight',
  'paragraphUp',
  'paragraphDown',
  'pageUp',
  'pageDown',
] as const;
export type CaretMove = (typeof CARET_MOVES)[number];

/** Lines per Page Up/Down (about one screen of 11 pt text). */
const LINES_PER_PAGE = 30;

type CharClass = 'space' | 'word' | 'punct' | 'object';

function charClass(ch: string): CharClass {
  if (ch === OBJECT_CHAR) return 'object';
  if (/\s/.test(ch)) return 'space';
  if (/[\p{L}\p{N}_'’]/u.test(ch)) return 'word';
  return 'punct';
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

function neighbour(list: CaretBlockRef[], path: readonly number[], dir: -1 | 1): CaretBlockRef | undefined {
  const i = indexOfPath(list, path);
  return i < 0 ? undefined : list[i + dir];
}

function linesOf(doc: WordDocument, blocks: Block[], ref: { path: number[]; block: CaretBlock }): LineBox[] {
  if (ref.block.type !== 'paragraph') return [{ start: 0, end: 0, xs: [0], height: 12 }];
  return layoutParagraph(doc, ref.block, availableWidth(doc, blocks, ref.path));
}

/** The caret block above/below `path`, keeping to the same table column as Word does. */
function verticalNeighbour(
  blocks: Block[],
  list: CaretBlockRef[],
  path: number[],
  dir: -1 | 1,
): CaretBlockRef | undefined {
  const ctx = tableContext(path);
  if (ctx) {
    const cellBlocks = containerAt(blocks, path);
    const idx = path[path.length - 1]!;
    const atEdge = dir < 0 ? idx === 0 : idx === cellBlocks.length - 1;
    if (atEdge) {
      const table = blockAt(blocks, ctx.tablePath) as Table;
      const row = table.rows[ctx.row + dir];
      if (row && row.cells.length > 0) {
        const c = Math.min(ctx.cell, row.cells.length - 1);
        const inCell = caretBlocks(row.cells[c]!.blocks, [...ctx.tablePath, ctx.row + dir, c]);
        return dir < 0 ? inCell[inCell.length - 1] : inCell[0];
      }
      // Leave the table from its first or last caret block.
      const inTable = list.filter((r) => samePath(r.path.slice(0, ctx.tablePath.length), ctx.tablePath));
      const edge = dir < 0 ? inTable[0] : inTable[inTable.length - 1];
      return edge ? neighbour(list, edge.path, dir) : undefined;
    }
  }
  return neighbour(list, path, dir);
}

function wordRight(list: CaretBlockRef[], from: Position): Position {
  const ref = list[indexOfPath(list, from.path)];
  if (!ref) return from;
  const text = ref.block.type === 'paragraph' ? paragraphText(ref.block) : '';
  let o = from.offset;
  if (o >= text.length) {
    const next = neighbour(list, from.path, 1);
    return next ? { path: next.path, offset: 0 } : from;
  }
  const cls = charClass(text[o]!);
  if (cls !== 'space') while (o < text.length && charClass(text[o]!) === cls && cls !== 'object') o++;
  if (cls === 'object') o++;
  while (o < text.length && charClass(text[o]!) === 'space' && text[o] !== '\n') o++;
  return { path: from.path, offset: o };
}

function wordLeft(list: CaretBlockRef[], from: Position): Position {
  const ref = list[indexOfPath(list, from.path)];
  if (!ref) return from;
  const text = ref.block.type === 'paragraph' ? paragraphText(ref.block) : '';
  let o = from.offset;
  if (o === 0) {
    // The paragraph mark counts as a word: the first stop is the end of the previous paragraph.
    const prev = neighbour(list, from.path, -1);
    return prev ? { path: prev.path, offset: blockLength(prev.block) } : from;
  }
  while (o > 0 && charClass(text[o - 1]!) === 'space') o--;
  if (o === 0) return { path: from.path, offset: 0 };
  const cls = charClass(text[o - 1]!);
  if (cls === 'object') return { path: from.path, offset: o - 1 };
  while (o > 0 && charClass(text[o - 1]!) === cls) o--;
  return { path: from.path, offset: o };
}

function caretX(doc: WordDocument, blocks: Block[], p: Position): number {
  const ref = { path: p.path, block: blockAt(blocks, p.path) as CaretBlock };
  const lines = linesOf(doc, blocks, ref);
  const line = lines[lineIndexOf(lines, p.offset)]!;
  return line.xs[p.offset - line.start] ?? 0;
}

function vertical(
  doc: WordDocument,
  blocks: Block[],
  list: CaretBlockRef[],
  from: Position,
  dir: -1 | 1,
  x: number,
): Position {
  const ref = { path: from.path, block: blockAt(blocks, from.path) as CaretBlock };
  const lines = linesOf(doc, blocks, ref);
  const li = lineIndexOf(lines, from.offset);
  const target = lines[li + dir];
  if (target) return { path: from.path, offset: offsetAtX(target, x, li + dir === lines.length - 1) };
  const next = verticalNeighbour(blocks, list, from.path, dir);
  if (!next)
    return dir < 0 ? { path: from.path, offset: 0 } : { path: from.path, offset: blockLength(ref.block) };
  const nextLines = linesOf(doc, blocks, next);
  const li2 = dir < 0 ? nextLines.length - 1 : 0;
  return { path: next.path, offset: offsetAtX(nextLines[li2]!, x, li2 === nextLines.length - 1) };
}

function target(
  doc: WordDocument,
  blocks: Block[],
  from: Position,
  move: CaretMove,
  goalX: number | undefined,
): { pos: Position; goalX?: number } {
  const list = caretBlocks(blocks);
  const block = blockAt(blocks, from.path) as CaretBlock;
  const len = blockLength(block);
  switch (move) {
    case 'left': {
      if (from.offset > 0) {
        const text = block.type === 'paragraph' ? paragraphText(block) : '';
        const step = from.offset > 1 && isLowSurrogate(text, from.offset - 1) ? 2 : 1;
        return { pos: { path: from.path, offset: from.offset - step } };
      }
      const prev = neighbour(list, from.path, -1);
      return { pos: prev ? { path: prev.path, offset: blockLength(prev.block) } : from };
    }
    case 'right': {
      if (from.offset < len) {
        const text = block.type === 'paragraph' ? paragraphText(block) : '';
        const step = from.offset + 1 < len && isLowSurrogate(text, from.offset + 1) ? 2 : 1;
        return { pos: { path: from.path, offset: from.offset + step } };
      }
      const next = neighbour(list, from.path, 1);
      return { pos: next ? { path: next.path, offset: 0 } : from };
    }
    case 'home':
    case 'end': {
      const lines = linesOf(doc, blocks, { path: from.path, block });
      const li = lineIndexOf(lines, from.offset);
      const line = lines[li]!;
      if (move === 'home') return { pos: { path: from.path, offset: line.start } };
      const last = li === lines.length - 1;
      return { pos: { path: from.path, offset: last ? line.end : Math.max(line.start, line.end - 1) } };
    }
    case 'up':
    case 'down': {
      const x = goalX ?? caretX(doc, blocks, from);
      return { pos: vertical(doc, blocks, list, from, move === 'up' ? -1 : 1, x), goalX: x };
    }
    case 'pageUp':
    case 'pageDown': {
      const x = goalX ?? caretX(doc, blocks, from);
      let p = from;
      for (let i = 0; i < LINES_PER_PAGE; i++)
        p = vertical(doc, blocks, list, p, move === 'pageUp' ? -1 : 1, x);
      return { pos: p, goalX: x };
    }
    case 'docStart':
      return { pos: firstPosition(blocks) };
    case 'docEnd':
      return { pos: lastPosition(blocks) };
    case 'wordLeft':
      return { pos: wordLeft(list, from) };
    case 'wordRight':
      return { pos: wordRight(list, from) };
    case 'paragraphUp': {
      if (from.offset > 0) return { pos: { path: from.path, offset: 0 } };
      const prev = neighbour(list, from.path, -1);
      return { pos: prev ? { path: prev.path, offset: 0 } : from };
    }
    case 'paragraphDown': {
      const next = neighbour(list, from.path, 1);
      return { pos: next ? { path: next.path, offset: 0 } : { path: from.path, offset: len } };
    }
  }
}

/**
 * Moves the caret as the arrow keys, Home/End, Ctrl+arrows, Ctrl+Home/End and Page Up/Down do; with
 * `extend` (Shift held) only the selection's focus moves. Without Shift a selection collapses first:
 * Left/Right to its start/end, Up/Down from its start/end.
 */
export function moveCaret(doc: WordDocument, move: CaretMove, extend = false): void {
  if (!(CARET_MOVES as readonly string[]).includes(move)) {
    throw invalidArgument(
      `unknown caret move ${JSON.stringify(move)}; expected one of ${CARET_MOVES.join(', ')}`,
    );
  }
  const blocks = currentBlocks(doc);
  const sel = doc.selection;
  doc.pending = null;
  let from = sel.focus;
  if (!extend && !isCollapsed(sel)) {
    const { start, end } = selectionRange(sel);
    if (move === 'left' || move === 'right') {
      setSelection(doc, move === 'left' ? start : end);
      return;
    }
    if (move === 'up' || move === 'pageUp' || move === 'wordLeft') from = start;
    else if (move === 'down' || move === 'pageDown' || move === 'wordRight') from = end;
  }
  const keepGoal = move === 'up' || move === 'down' || move === 'pageUp' || move === 'pageDown';
  const t = target(doc, blocks, from, move, keepGoal ? sel.goalX : undefined);
  if (extend) setSelection(doc, sel.anchor, t.pos);
  else setSelection(doc, t.pos);
  if (keepGoal && t.goalX !== undefined) doc.selection.goalX = t.goalX;
}

/** Ctrl+A: the whole story the caret is in. */
export function selectAll(doc: WordDocument): void {
  const blocks = currentBlocks(doc);
  setSelection(doc, firstPosition(blocks), lastPosition(blocks));
  doc.pending = null;
}

/** Collapses the selection to its start (or end). */
export function collapseSelection(doc: WordDocument, toEnd = false): void {
  const { start, end } = selectionRange(doc.selection);
  setSelection(doc, toEnd ? end : start);
}

/** The word at a position plus its trailing spaces (what a double-click selects). */
export function wordRangeAt(
  doc: WordDocument,
  blocks: Block[],
  p: Position,
): { start: Position; end: Position } {
  const b = blockAt(blocks, p.path);
  if (b.type !== 'paragraph') return { start: p, end: p };
  const text = paragraphText(b);
  if (text.length === 0) return { start: { path: p.path, offset: 0 }, end: { path: p.path, offset: 0 } };
  let o = Math.min(p.offset, text.length - 1);
  // On a space after a word, Word takes the word before.
  if (charClass(text[o]!) === 'space' && o > 0 && charClass(text[o - 1]!) !== 'space') o--;
  const cls = charClass(text[o]!);
  let s = o;
  let e = o + 1;
  if (cls !== 'object') {
    while (s > 0 && charClass(text[s - 1]!) === cls) s--;
    while (e < text.length && charClass(text[e]!) === cls) e++;
  }
  if (cls !== 'space') while (e < text.length && text[e] === ' ') e++;
  return { start: { path: p.path, offset: s }, end: { path: p.path, offset: e } };
}

/**
 * A mouse click at a position: one click places the caret (Shift+click extends the selection), a
 * double-click selects the word, a triple-click the paragraph. `story` switches story (clicking into a
 * header or a text box) and defaults to the current one.
 */
export function clickAt(
  doc: WordDocument,
  position: Position,
  options: { shift?: boolean; clicks?: 1 | 2 | 3; story?: string | null } = {},
): void {
  const story = options.story === undefined ? doc.selection.story : (options.story ?? undefined);
  const blocks = storyBlocks(doc, story);
  checkPosition(blocks, position, 'click position');
  const clicks = options.clicks ?? 1;
  if (![1, 2, 3].includes(clicks)) throw invalidArgument(`clicks must be 1, 2 or 3, got ${String(clicks)}`);
  if (story !== doc.selection.story) {
    doc.selection = { anchor: position, focus: position };
    if (story !== undefined) doc.selection.story = story;
  }
  doc.pending = null;
  if (clicks === 2) {
    const r = wordRangeAt(doc, blocks, position);
    setSelection(doc, r.start, r.end);
  } else if (clicks === 3) {
    const b = blockAt(blocks, position.path) as CaretBlock;
    setSelection(doc, { path: position.path, offset: 0 }, { path: position.path, offset: blockLength(b) });
  } else if (options.shift) setSelection(doc, doc.selection.anchor, position);
  else setSelection(doc, position);
}

/** Dragging with the mouse button down: the focus follows the pointer. */
export function dragTo(doc: WordDocument, position: Position): void {
  checkPosition(currentBlocks(doc), position, 'drag position');
  setSelection(doc, doc.selection.anchor, position);
  doc.pending = null;
}

/** Leaves a header, footer or text box and puts the caret back at the start of the body. */
export function exitStory(doc: WordDocument): void {
  doc.selection = { anchor: firstPosition(doc.body), focus: firstPosition(doc.body) };
  doc.pending = null;
}

/** Sets the selection explicitly (validated). */
export function select(doc: WordDocument, anchor: Position, focus: Position = anchor): void {
  const blocks = currentBlocks(doc);
  checkPosition(blocks, anchor, 'anchor');
  checkPosition(blocks, focus, 'focus');
  setSelection(doc, anchor, focus);
  doc.pending = null;
}
