import { takeId } from './document.ts';
import { invalidArgument } from './errors.ts';
import { bulletListDef, listKind, numberedListDef } from './numbering.ts';
import { containerAt } from './positions.ts';
import { currentBlocks } from './editing.ts';
import { selectionSpans } from './ranges.ts';
import type { ListDef, NumberFormat, Paragraph, WordDocument } from './types.ts';

export interface ListStyleOptions {
  /** Bullet character for 'bullet' lists (Bullet Library: '•', '○', '■', '❖', '➢', '✓'). */
  bullet?: string;
  /** Number format for 'number' lists (Numbering Library: decimal, upperRoman, upperLetter...). */
  format?: NumberFormat;
  /** Text after the number: '.' (default) or ')'. */
  suffix?: '.' | ')';
}

const NUMBER_FORMATS: NumberFormat[] = [
  'decimal',
  'lowerLetter',
  'upperLetter',
  'lowerRoman',
  'upperRoman',
  'decimalZero',
];

function makeList(doc: WordDocument, kind: 'bullet' | 'number', options: ListStyleOptions): ListDef {
  const id = takeId(doc);
  const def = kind === 'bullet' ? bulletListDef(id) : numberedListDef(id);
  const level0 = def.levels[0]!;
  if (kind === 'bullet' && options.bullet !== undefined) {
    if (typeof options.bullet !== 'string' || [...options.bullet].length !== 1) {
      throw invalidArgument(`bullet must be a single character, got ${JSON.stringify(options.bullet)}`);
    }
    level0.text = options.bullet;
    delete level0.font;
  }
  if (kind === 'number') {
    if (options.format !== undefined) {
      if (!NUMBER_FORMATS.includes(options.format)) {
        throw invalidArgument(
          `number format must be one of ${NUMBER_FORMATS.join(', ')}, got ${JSON.stringify(options.format)}`,
        );
      }
      level0.format = options.format;
    }
    if (options.suffix !== undefined) {
      if (options.suffix !== '.' && options.suffix !== ')')
        throw invalidArgument(`suffix must be '.' or ')', got ${JSON.stringify(options.suffix)}`);
      level0.text = `%1${options.suffix}`;
    }
  }
  doc.lists[String(id)] = def;
  return def;
}

function sameStyle(def: ListDef | undefined, kind: 'bullet' | 'number', options: ListStyleOptions): boolean {
  if (!def || listKind(def) !== kind) return false;
  const l0 = def.levels[0]!;
  if (options.bullet !== undefined && l0.text !== options.bullet) return false;
  if (options.format !== undefined && l0.format !== options.format) return false;
  if (options.suffix !== undefined && !l0.text.endsWith(options.suffix)) return false;
  return true;
}

/**
 * Home > Bullets / Numbering on the selected paragraphs. Without options it toggles: when every
 * selected paragraph is already in a list of that kind the list is removed, otherwise the paragraphs
 * join the list of that kind just above them or a new one. With options (a gallery choice) it always
 * applies that list style. List items take the List Paragraph style, as Word gives Normal text.
 */
export function toggleList(
  doc: WordDocument,
  kind: 'bullet' | 'number',
  options: ListStyleOptions = {},
): void {
  if (kind !== 'bullet' && kind !== 'number')
    throw invalidArgument(`list kind must be 'bullet' or 'number', got ${JSON.stringify(kind)}`);
  const spans = selectionSpans(doc);
  const paragraphs = spans.map((s) => s.paragraph);
  if (paragraphs.length === 0) return;
  const gallery = Object.keys(options).length > 0;
  const allIn = paragraphs.every((p) => p.list && listKind(doc.lists[String(p.list.id)]) === kind);
  if (allIn && !gallery) {
    for (const p of paragraphs) removeList(p);
    return;
  }
  let def: ListDef | undefined;
  const first = spans[0]!;
  const container = containerAt(currentBlocks(doc), first.path);
  const above = container[first.path[first.path.length - 1]! - 1];
  if (
    above?.type === 'paragraph' &&
    above.list &&
    sameStyle(doc.lists[String(above.list.id)], kind, options)
  ) {
    def = doc.lists[String(above.list.id)];
  }
  if (!def && gallery) {
    const inside = paragraphs.find((p) => p.list && sameStyle(doc.lists[String(p.list.id)], kind, options));
    if (inside?.list) def = doc.lists[String(inside.list.id)];
  }
  def ??= makeList(doc, kind, options);
  for (const p of paragraphs) {
    p.list = { id: def.id, level: p.list?.level ?? 0 };
    if (p.style === undefined) p.style = 'ListParagraph';
    delete p.indentLeft;
    delete p.indentFirstLine;
  }
}

function removeList(p: Paragraph): void {
  delete p.list;
  if (p.style === 'ListParagraph') delete p.style;
}

/** Removes list formatting from the selected paragraphs. */
export function removeListFormatting(doc: WordDocument): void {
  for (const s of selectionSpans(doc)) removeList(s.paragraph);
}

/** Change List Level: sets the level (0-8) of the selected list items. */
export function setListLevel(doc: WordDocument, level: number): void {
  if (!Number.isInteger(level) || level < 0 || level > 8)
    throw invalidArgument(`list level must be an integer 0-8, got ${JSON.stringify(level)}`);
  for (const s of selectionSpans(doc)) {
    const p = s.paragraph;
    if (p.list) p.list = { id: p.list.id, level };
  }
}

/** Set Numbering Value > Start new list: the selected items start a fresh copy of their list at 1. */
export function restartNumbering(doc: WordDocument): void {
  const spans = selectionSpans(doc);
  const first = spans.find((s) => s.paragraph.list)?.paragraph.list;
  if (!first) throw invalidArgument('the selection is not in a list');
  const old = doc.lists[String(first.id)]!;
  const id = takeId(doc);
  const copy: ListDef = structuredClone(old);
  copy.id = id;
  doc.lists[String(id)] = copy;
  // Every later paragraph of the old list in this story moves to the new one.
  let moving = false;
  const visit = (p: Paragraph): void => {
    if (p === spans[0]!.paragraph) moving = true;
    if (moving && p.list?.id === first.id) p.list = { id, level: p.list.level };
  };
  for (const b of currentBlocks(doc)) {
    if (b.type === 'paragraph') visit(b);
    else if (b.type === 'table')
      for (const row of b.rows)
        for (const cell of row.cells) for (const cb of cell.blocks) if (cb.type === 'paragraph') visit(cb);
  }
}
