/** Home > Find / Replace, and select_text (selecting the first occurrence of a string). */
import { fail } from '../errors.ts';
import { produce } from '../presentation.ts';
import { isTextShape } from '../shapes.ts';
import { deleteRange, insertAt, paragraphText, runsInRange, formatOf } from '../text.ts';
import type { Presentation, Slide, TextBody } from '../types.ts';

export interface FindOptions {
  matchCase?: boolean;
  wholeWords?: boolean;
  /** Search speaker notes too (PowerPoint's Find does); default true. */
  includeNotes?: boolean;
}

export interface TextMatch {
  /** 0-based slide index. */
  slideIndex: number;
  /** null for a match in the speaker notes. */
  shapeId: number | null;
  cell?: { row: number; col: number };
  paragraph: number;
  offset: number;
  length: number;
  /** The matched text as it is in the presentation. */
  text: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matcher(query: string, options: FindOptions): RegExp {
  if (typeof query !== 'string' || query === '')
    fail(
      'INVALID_ARGUMENT',
      `find: the text to find must be a non-empty string; got ${JSON.stringify(query)}`,
    );
  if (/[\n\v]/.test(query)) fail('INVALID_ARGUMENT', 'find: the text to find cannot contain line breaks');
  const body = escapeRegExp(query);
  const pattern = options.wholeWords ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  return new RegExp(pattern, options.matchCase ? 'gu' : 'giu');
}

interface Searchable {
  shapeId: number;
  cell?: { row: number; col: number };
  body: TextBody;
}

function searchables(slide: Slide): Searchable[] {
  const out: Searchable[] = [];
  for (const shape of slide.shapes) {
    if (isTextShape(shape)) out.push({ shapeId: shape.id, body: shape.text });
    else if (shape.kind === 'table') {
      shape.table.cells.forEach((row, r) =>
        row.forEach((cell, c) => out.push({ shapeId: shape.id, cell: { row: r, col: c }, body: cell.text })),
      );
    }
  }
  return out;
}

/** Every occurrence, in slide order, then shape order (z-order), then text order; notes last per slide. */
export function findText(pres: Presentation, query: string, options: FindOptions = {}): TextMatch[] {
  const re = matcher(query, options);
  const out: TextMatch[] = [];
  pres.slides.forEach((slide, slideIndex) => {
    for (const s of searchables(slide)) {
      s.body.paragraphs.forEach((p, pi) => {
        for (const m of paragraphText(p).matchAll(re)) {
          const match: TextMatch = {
            slideIndex,
            shapeId: s.shapeId,
            paragraph: pi,
            offset: m.index,
            length: m[0].length,
            text: m[0],
          };
          if (s.cell) match.cell = s.cell;
          out.push(match);
        }
      });
    }
    if (options.includeNotes !== false) {
      slide.notes.split('\n').forEach((line, pi) => {
        for (const m of line.matchAll(re)) {
          out.push({
            slideIndex,
            shapeId: null,
            paragraph: pi,
            offset: m.index,
            length: m[0].length,
            text: m[0],
          });
        }
      });
    }
  });
  return out;
}

/** Matches starting at the current slide and wrapping around, as Find Next walks them. */
function fromCurrentSlide(pres: Presentation, matches: TextMatch[]): TextMatch[] {
  const cur = Math.max(
    0,
    pres.slides.findIndex((s) => s.id === pres.selection.slideId),
  );
  return [...matches.filter((m) => m.slideIndex >= cur), ...matches.filter((m) => m.slideIndex < cur)];
}

function bodyOf(slide: Slide, m: TextMatch): TextBody {
  const shape = slide.shapes.find((s) => s.id === m.shapeId)!;
  if (shape.kind === 'table') return shape.table.cells[m.cell!.row]![m.cell!.col]!.text;
  if (isTextShape(shape)) return shape.text;
  throw new Error('match in a shape without text');
}

/**
 * Replace / Replace All. Each replacement takes the formatting of the first character it replaces. With
 * `all: false` only the first match (from the current slide on) is replaced.
 */
export function replaceText(
  pres: Presentation,
  find: string,
  replacement: string,
  options: FindOptions & { all?: boolean } = {},
): { presentation: Presentation; count: number } {
  if (typeof replacement !== 'string' || /[\n\v]/.test(replacement)) {
    fail(
      'INVALID_ARGUMENT',
      `replaceText: the replacement must be a string without line breaks; got ${JSON.stringify(replacement)}`,
    );
  }
  const all = findText(pres, find, options);
  const chosen = options.all === false ? fromCurrentSlide(pres, all).slice(0, 1) : all;
  if (chosen.length === 0) return { presentation: pres, count: 0 };
  const presentation = produce(pres, (draft) => {
    // Right to left, so earlier offsets in the same paragraph stay valid.
    for (const m of [...chosen].reverse()) {
      const slide = draft.slides[m.slideIndex]!;
      if (m.shapeId === null) {
        const lines = slide.notes.split('\n');
        const line = lines[m.paragraph]!;
        lines[m.paragraph] = line.slice(0, m.offset) + replacement + line.slice(m.offset + m.length);
        slide.notes = lines.join('\n');
        continue;
      }
      const body = bodyOf(slide, m);
      const start = { paragraph: m.paragraph, offset: m.offset };
      const end = { paragraph: m.paragraph, offset: m.offset + m.length };
      const first = runsInRange(body, start, { paragraph: m.paragraph, offset: m.offset + 1 })[0];
      const format = first ? formatOf(first.run) : {};
      deleteRange(body, start, end);
      if (replacement) insertAt(body, start, replacement, format);
    }
    draft.selection.text = null;
  });
  return { presentation, count: chosen.length };
}

/**
 * select_text: selects the `occurrence`-th (1-based) match, searching from the current slide on; the slide
 * becomes current and the shape enters edit mode with the text selected.
 */
export function selectTextMatch(
  pres: Presentation,
  text: string,
  options: { occurrence?: number; matchCase?: boolean } = {},
): Presentation {
  const occurrence = options.occurrence ?? 1;
  if (!Number.isInteger(occurrence) || occurrence < 1)
    fail(
      'INVALID_ARGUMENT',
      `selectTextMatch: occurrence must be 1 or more; got ${JSON.stringify(options.occurrence)}`,
    );
  const matches = fromCurrentSlide(
    pres,
    findText(pres, text, { matchCase: options.matchCase ?? false, includeNotes: false }),
  );
  const m = matches[occurrence - 1];
  if (!m) {
    fail(
      'INVALID_ARGUMENT',
      `selectTextMatch: ${JSON.stringify(text)} ${matches.length === 0 ? 'does not occur on any slide' : `occurs only ${matches.length} time(s)`}`,
    );
  }
  return produce(pres, (draft) => {
    const slideId = draft.slides[m.slideIndex]!.id;
    const sel = {
      shapeId: m.shapeId!,
      anchor: { paragraph: m.paragraph, offset: m.offset },
      focus: { paragraph: m.paragraph, offset: m.offset + m.length },
    };
    draft.selection = {
      slideId,
      slideIds: [slideId],
      shapeIds: [m.shapeId!],
      text: m.cell ? { ...sel, cell: m.cell } : sel,
    };
  });
}
