/**
 * Text bodies: paragraphs of runs. The editing helpers here MUTATE the body they are given; operations call
 * them on a draft copy of the presentation.
 */
import { copyData } from './draft.ts';
import { fail } from './errors.ts';
import type { Paragraph, RunFormat, TextBody, TextPosition, TextRun } from './types.ts';

export const RUN_FORMAT_KEYS = ['font', 'size', 'bold', 'italic', 'underline', 'strike', 'color'] as const;

export function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => r.text).join('');
}

/** The text as a user reads it: paragraphs and line breaks both become "\n". */
export function plainText(body: TextBody): string {
  return body.paragraphs.map(paragraphText).join('\n').replace(/\v/g, '\n');
}

export function isEmptyText(body: TextBody): boolean {
  return body.paragraphs.every((p) => p.runs.every((r) => r.text === ''));
}

export function emptyParagraph(level = 0): Paragraph {
  return { runs: [], level };
}

export function emptyBody(): TextBody {
  return { paragraphs: [emptyParagraph()] };
}

/**
 * Paragraphs from plain text: "\n" separates paragraphs, leading tabs set the outline level (as when typing
 * Tab at the start of a bullet), "\v" is a line break.
 */
export function paragraphsFromText(text: string, format: RunFormat = {}): Paragraph[] {
  return text.split(/\r?\n/).map((line) => {
    const tabs = /^\t*/.exec(line)![0].length;
    const content = line.slice(tabs);
    const p: Paragraph = { runs: content ? [{ text: content, ...format }] : [], level: Math.min(tabs, 8) };
    if (!content && Object.keys(format).length > 0) p.endFormat = { ...format };
    return p;
  });
}

export function formatOf(run: RunFormat): RunFormat {
  const out: RunFormat = {};
  for (const k of RUN_FORMAT_KEYS) {
    if (run[k] !== undefined) (out as Record<string, unknown>)[k] = run[k];
  }
  return out;
}

export function sameFormat(a: RunFormat, b: RunFormat): boolean {
  return RUN_FORMAT_KEYS.every((k) => a[k] === b[k]);
}

/** Merges neighbouring runs that look the same and drops empty ones (fields are kept whole). */
export function normalizeRuns(p: Paragraph): void {
  const out: TextRun[] = [];
  for (const run of p.runs) {
    if (run.text === '' && run.field === undefined) continue;
    const prev = out[out.length - 1];
    if (prev && prev.field === undefined && run.field === undefined && sameFormat(prev, run)) {
      prev.text += run.text;
    } else {
      out.push({ ...run });
    }
  }
  if (out.length === 0 && p.runs.length > 0 && p.endFormat === undefined) {
    const fmt = formatOf(p.runs[0]!);
    if (Object.keys(fmt).length > 0) p.endFormat = fmt;
  }
  p.runs = out;
}

export function paragraphLength(p: Paragraph): number {
  return p.runs.reduce((n, r) => n + r.text.length, 0);
}

export function comparePositions(a: TextPosition, b: TextPosition): number {
  return a.paragraph - b.paragraph || a.offset - b.offset;
}

export function orderedRange(a: TextPosition, b: TextPosition): [TextPosition, TextPosition] {
  return comparePositions(a, b) <= 0 ? [a, b] : [b, a];
}

export function checkPosition(body: TextBody, pos: TextPosition, where: string): void {
  const p = body.paragraphs[pos.paragraph];
  if (!Number.isInteger(pos.paragraph) || !p) {
    fail(
      'INVALID_ARGUMENT',
      `${where}: paragraph ${pos.paragraph} does not exist (the text has ${body.paragraphs.length} paragraphs, numbered from 0)`,
    );
  }
  const len = paragraphLength(p);
  if (!Number.isInteger(pos.offset) || pos.offset < 0 || pos.offset > len) {
    fail(
      'INVALID_ARGUMENT',
      `${where}: offset ${pos.offset} is outside paragraph ${pos.paragraph}, which has ${len} characters`,
    );
  }
}

export function endPosition(body: TextBody): TextPosition {
  const last = body.paragraphs.length - 1;
  return { paragraph: last, offset: paragraphLength(body.paragraphs[last]!) };
}

/** Splits runs so that `offset` falls on a run boundary; returns the index of the first run at/after it. */
function splitAt(p: Paragraph, offset: number): number {
  let pos = 0;
  for (let i = 0; i < p.runs.length; i++) {
    const run = p.runs[i]!;
    const end = pos + run.text.length;
    if (offset === pos) return i;
    if (offset < end) {
      if (run.field !== undefined) return i; // a field is atomic
      const head: TextRun = { ...run, text: run.text.slice(0, offset - pos) };
      const tail: TextRun = { ...run, text: run.text.slice(offset - pos) };
      p.runs.splice(i, 1, head, tail);
      return i + 1;
    }
    pos = end;
  }
  return p.runs.length;
}

/** The formatting typing at `pos` would use: the character before it, else after it, else the paragraph mark. */
export function formatAt(body: TextBody, pos: TextPosition): RunFormat {
  const p = body.paragraphs[pos.paragraph]!;
  let at = 0;
  let before: TextRun | undefined;
  let after: TextRun | undefined;
  for (const run of p.runs) {
    const end = at + run.text.length;
    if (pos.offset > at && pos.offset <= end) before = run;
    if (!after && pos.offset >= at && pos.offset < end) after = run;
    at = end;
  }
  const run = before ?? after;
  return run ? formatOf(run) : { ...(p.endFormat ?? {}) };
}

/** Removes the text between two positions (any order), joining paragraphs; returns the start position. */
export function deleteRange(body: TextBody, a: TextPosition, b: TextPosition): TextPosition {
  const [start, end] = orderedRange(a, b);
  if (comparePositions(start, end) === 0) return start;
  const first = body.paragraphs[start.paragraph]!;
  const last = body.paragraphs[end.paragraph]!;
  const lastTail = last.runs.slice(splitAt(last, end.offset));
  const firstHeadEnd = splitAt(first, start.offset);
  if (first === last) {
    const tailStart = first.runs.length - lastTail.length;
    first.runs.splice(firstHeadEnd, tailStart - firstHeadEnd);
  } else {
    first.runs = [...first.runs.slice(0, firstHeadEnd), ...lastTail];
    body.paragraphs.splice(start.paragraph + 1, end.paragraph - start.paragraph);
  }
  normalizeRuns(first);
  return { ...start };
}

/**
 * Inserts text at `pos` with `format`; "\n" starts a new paragraph that keeps this paragraph's level,
 * alignment and bullet (as Enter does). Returns the position after the inserted text.
 */
export function insertAt(body: TextBody, pos: TextPosition, text: string, format: RunFormat): TextPosition {
  const pieces = text.replace(/\r\n?/g, '\n').split('\n');
  let cur = { ...pos };
  pieces.forEach((piece, i) => {
    const p = body.paragraphs[cur.paragraph]!;
    if (i > 0) {
      const idx = splitAt(p, cur.offset);
      const next: Paragraph = { ...copyData(p), runs: p.runs.slice(idx) };
      p.runs = p.runs.slice(0, idx);
      if (Object.keys(format).length > 0) {
        p.endFormat = { ...format };
        next.endFormat = { ...format };
      }
      normalizeRuns(p);
      body.paragraphs.splice(cur.paragraph + 1, 0, next);
      cur = { paragraph: cur.paragraph + 1, offset: 0 };
    }
    if (piece) {
      const target = body.paragraphs[cur.paragraph]!;
      const idx = splitAt(target, cur.offset);
      target.runs.splice(idx, 0, { text: piece, ...format });
      normalizeRuns(target);
      cur = { paragraph: cur.paragraph, offset: cur.offset + piece.length };
    }
  });
  return cur;
}

/**
 * Calls `edit` on every run (split at the range ends) between two positions, and on the paragraph mark of
 * paragraphs the range covers to their end, so that typing there continues the new formatting.
 */
export function mapRunsInRange(
  body: TextBody,
  a: TextPosition,
  b: TextPosition,
  edit: (format: RunFormat, paragraph: Paragraph) => void,
): void {
  const [start, end] = orderedRange(a, b);
  for (let pi = start.paragraph; pi <= end.paragraph; pi++) {
    const p = body.paragraphs[pi]!;
    const len = paragraphLength(p);
    const from = pi === start.paragraph ? start.offset : 0;
    const to = pi === end.paragraph ? end.offset : len;
    if (from < to) {
      const i0 = splitAt(p, from);
      const i1 = splitAt(p, to);
      for (let i = i0; i < i1; i++) edit(p.runs[i]!, p);
    }
    if (to === len && (from < to || len === 0)) {
      p.endFormat = { ...(p.endFormat ?? {}) };
      edit(p.endFormat, p);
    }
    normalizeRuns(p);
  }
}

/** Applies `patch` to every character between two positions (split runs as needed). */
export function formatRange(body: TextBody, a: TextPosition, b: TextPosition, patch: RunFormat): void {
  mapRunsInRange(body, a, b, (f) => Object.assign(f, patch));
}

/** The runs (pieces of runs) between two positions, for reading formatting. */
export function runsInRange(
  body: TextBody,
  a: TextPosition,
  b: TextPosition,
): { paragraph: number; run: TextRun }[] {
  const [start, end] = orderedRange(a, b);
  const out: { paragraph: number; run: TextRun }[] = [];
  for (let pi = start.paragraph; pi <= end.paragraph; pi++) {
    const p = body.paragraphs[pi]!;
    const from = pi === start.paragraph ? start.offset : 0;
    const to = pi === end.paragraph ? end.offset : paragraphLength(p);
    let at = 0;
    for (const run of p.runs) {
      const rEnd = at + run.text.length;
      const lo = Math.max(from, at);
      const hi = Math.min(to, rEnd);
      if (hi > lo) out.push({ paragraph: pi, run: { ...run, text: run.text.slice(lo - at, hi - at) } });
      at = rEnd;
    }
  }
  return out;
}

/** The boundaries of the word around `pos` (letters, digits, apostrophes); null when not inside a word. */
export function wordAt(body: TextBody, pos: TextPosition): [number, number] | null {
  const text = paragraphText(body.paragraphs[pos.paragraph]!);
  const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}'’_]/u.test(c);
  if (!isWord(text[pos.offset - 1]) || !isWord(text[pos.offset])) return null;
  let s = pos.offset;
  let e = pos.offset;
  while (isWord(text[s - 1])) s--;
  while (isWord(text[e])) e++;
  return [s, e];
}

/** Replaces all text; the first paragraph's alignment, level and bullet carry over, as when retyping. */
export function setBodyText(body: TextBody, text: string): void {
  const first = body.paragraphs[0];
  const paragraphs = paragraphsFromText(text);
  if (first) {
    for (const p of paragraphs) {
      if (first.align !== undefined) p.align = first.align;
      if (first.bullet !== undefined) p.bullet = copyData(first.bullet);
      if (p.level === 0) p.level = first.level;
    }
  }
  body.paragraphs = paragraphs;
}
