import type { CharFormat, Hyperlink, Inline, Paragraph, TextRun } from './types.ts';

/** The character that stands for a field, shape or opaque object in paragraph text. */
export const OBJECT_CHAR = '\uFFFC';

export function inlineLength(r: Inline): number {
  return r.kind === undefined ? r.text.length : 1;
}

export function paragraphLength(p: Paragraph): number {
  let n = 0;
  for (const r of p.runs) n += r.kind === undefined ? r.text.length : 1;
  return n;
}

/** Paragraph text with one OBJECT_CHAR per field/shape/opaque item, so offsets match positions. */
export function paragraphText(p: Paragraph): string {
  let s = '';
  for (const r of p.runs) s += r.kind === undefined ? r.text : OBJECT_CHAR;
  return s;
}

/** Text as a reader sees it: fields show their result, objects nothing. */
export function visibleText(p: Paragraph): string {
  let s = '';
  for (const r of p.runs) {
    if (r.kind === undefined) s += r.text;
    else if (r.kind === 'field') s += r.result;
  }
  return s;
}

function sameLink(a: Hyperlink | undefined, b: Hyperlink | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.url === b.url && a.anchor === b.anchor && a.tooltip === b.tooltip;
}

function sameList(a: string[] | undefined, b: string[] | undefined): boolean {
  if (a === b) return true;
  const la = a?.length ?? 0;
  const lb = b?.length ?? 0;
  if (la !== lb) return false;
  for (let i = 0; i < la; i++) if (a![i] !== b![i]) return false;
  return true;
}

/** True when two text runs carry identical formatting, link and comments (their text may differ). */
export function sameAttributes(a: TextRun, b: TextRun): boolean {
  let count = 0;
  for (const key in a) {
    if (key === 'text') continue;
    const va = (a as unknown as Record<string, unknown>)[key];
    if (va === undefined) continue;
    count++;
    const vb = (b as unknown as Record<string, unknown>)[key];
    if (key === 'link') {
      if (!sameLink(va as Hyperlink, vb as Hyperlink | undefined)) return false;
    } else if (key === 'comments') {
      if (!sameList(va as string[], vb as string[] | undefined)) return false;
    } else if (va !== vb) return false;
  }
  for (const key in b) {
    if (key === 'text') continue;
    if ((b as unknown as Record<string, unknown>)[key] !== undefined) count--;
  }
  return count === 0;
}

/** The attributes of a run (formatting, link, comments) without its text. */
export function runAttributes(r: TextRun): Omit<TextRun, 'text'> {
  const out: Record<string, unknown> = {};
  for (const key in r) {
    if (key === 'text') continue;
    const v = (r as unknown as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as Omit<TextRun, 'text'>;
}

/** Only the character formatting of a run (no link, comments or text). */
export function charFormatOf(r: Inline | CharFormat | undefined): CharFormat {
  if (!r) return {};
  if ('kind' in r && (r.kind === 'shape' || r.kind === 'opaque')) return {};
  const out: Record<string, unknown> = {};
  for (const key in r) {
    if (
      key === 'text' ||
      key === 'kind' ||
      key === 'link' ||
      key === 'comments' ||
      key === 'instr' ||
      key === 'result'
    )
      continue;
    const v = (r as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as CharFormat;
}

/** Merges neighbouring text runs with the same attributes and drops empty ones. */
export function normalizeRuns(p: Paragraph): void {
  const runs = p.runs;
  let w = 0;
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    if (r.kind === undefined && r.text.length === 0) continue;
    const prev = w > 0 ? runs[w - 1] : undefined;
    if (r.kind === undefined && prev && prev.kind === undefined && sameAttributes(prev, r)) {
      runs[w - 1] = { ...prev, text: prev.text + r.text };
      continue;
    }
    runs[w++] = r;
  }
  runs.length = w;
}

/**
 * Makes a run boundary at `offset` and returns the index of the first run that starts there
 * (runs.length at the end). Offsets are clamped to the paragraph.
 */
export function splitRunsAt(p: Paragraph, offset: number): number {
  let pos = 0;
  const runs = p.runs;
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    if (pos === offset) return i;
    const len = r.kind === undefined ? r.text.length : 1;
    if (offset < pos + len) {
      // Only text runs can be cut inside.
      const t = r as TextRun;
      const cut = offset - pos;
      runs.splice(i, 1, { ...t, text: t.text.slice(0, cut) }, { ...t, text: t.text.slice(cut) });
      return i + 1;
    }
    pos += len;
  }
  return runs.length;
}

/** Removes [start, end) from the paragraph and returns what was removed. */
export function deleteInParagraph(p: Paragraph, start: number, end: number): Inline[] {
  if (end <= start) return [];
  const a = splitRunsAt(p, start);
  const b = splitRunsAt(p, end);
  const removed = p.runs.splice(a, b - a);
  normalizeRuns(p);
  return removed;
}

/** Copies of the inlines covering [start, end). */
export function sliceParagraph(p: Paragraph, start: number, end: number): Inline[] {
  const out: Inline[] = [];
  let pos = 0;
  for (const r of p.runs) {
    const len = inlineLength(r);
    const from = Math.max(start, pos);
    const to = Math.min(end, pos + len);
    if (from < to) {
      if (r.kind === undefined) out.push({ ...r, text: r.text.slice(from - pos, to - pos) });
      else out.push(r);
    }
    pos += len;
    if (pos >= end) break;
  }
  return out;
}

export function insertInlines(p: Paragraph, offset: number, inlines: Inline[]): void {
  const i = splitRunsAt(p, offset);
  p.runs.splice(i, 0, ...inlines);
  normalizeRuns(p);
}

/**
 * Replaces every inline in [start, end) by fn(inline) (text runs are cut at the range ends first).
 * fn must return a new object rather than mutate: runs may share objects with snapshots.
 */
export function mapRange(p: Paragraph, start: number, end: number, fn: (r: Inline) => Inline): void {
  if (end <= start) return;
  const a = splitRunsAt(p, start);
  const b = splitRunsAt(p, end);
  for (let i = a; i < b; i++) p.runs[i] = fn(p.runs[i]!);
  normalizeRuns(p);
}

/** The inline holding the character just before (side 'before') or at (side 'after') `offset`. */
export function inlineAt(p: Paragraph, offset: number, side: 'before' | 'after'): Inline | undefined {
  const target = side === 'before' ? offset - 1 : offset;
  if (target < 0) return undefined;
  let pos = 0;
  for (const r of p.runs) {
    const len = inlineLength(r);
    if (target < pos + len) return r;
    pos += len;
  }
  return undefined;
}

/** Copy a text run's attributes onto new text. */
export function textRunLike(attrs: Omit<TextRun, 'text'> | CharFormat, text: string): TextRun {
  // Not `{ ...attrs, text }`: V8 adds a property to a spread copy on a slow path (formatCopy, styles.ts).
  const out = Object.assign({}, attrs) as TextRun;
  out.text = text;
  delete (out as { kind?: unknown }).kind;
  return out;
}
