/**
 * An approximate line layout: enough for Home/End/Up/Down to move by visual lines, for Word Count's
 * line and page figures, and for a UI to place the caret. Widths come from per-character estimates
 * (fractions of the font size), not font metrics, so line breaks are close to Word's, not identical.
 */
import { textWidth } from './document.ts';
import { sections, sectionIndexOfBlock } from './positions.ts';
import { contentJson, isFrozen } from './memo.ts';
import { effectiveCharFormat, effectiveParagraphFormat } from './styles.ts';
import type { Block, Paragraph, Table, WordDocument } from './types.ts';

export interface LineBox {
  /** Offsets [start, end) of the paragraph covered by the line. */
  start: number;
  end: number;
  /** x (points from the paragraph's text-area left edge) of every offset start..end. */
  xs: number[];
  /** Line height, points. */
  height: number;
}

const NARROW = new Set([...'iljtfrI.,;:!|\'"`()[]{} ']);
const WIDE = new Set([...'mwMW@%']);

/** Estimated advance of one character as a fraction of the font size. */
export function charWidthFactor(ch: string, bold: boolean): number {
  let f: number;
  if (NARROW.has(ch)) f = 0.28;
  else if (WIDE.has(ch)) f = 0.8;
  else if (ch >= 'A' && ch <= 'Z') f = 0.62;
  else if (ch.charCodeAt(0) > 0x2e80) f = 1;
  else f = 0.5;
  return bold ? f * 1.05 : f;
}

const TAB_STOP = 36;

/** Lines of a paragraph laid out in `width` points (indents applied inside). */
export function layoutParagraph(doc: WordDocument, p: Paragraph, width: number): LineBox[] {
  const pf = effectiveParagraphFormat(doc, p);
  const left = pf.indentLeft ?? 0;
  const right = pf.indentRight ?? 0;
  const first = pf.indentFirstLine ?? 0;
  const lineFactor = pf.lineRule === 'auto' || pf.lineRule === undefined ? (pf.lineSpacing ?? 1) : 1;
  // One entry per offset: advance width, break opportunity, forced break, font size.
  const widths: number[] = [];
  const chars: string[] = [];
  let maxSize = 0;
  for (const r of p.runs) {
    if (r.kind === undefined) {
      const f = effectiveCharFormat(doc, p, r);
      const size = f.size ?? 11;
      maxSize = Math.max(maxSize, size);
      for (const ch of r.text) {
        // Astral characters take two offsets; the second carries no width.
        widths.push(charWidthFactor(ch, f.bold === true) * size);
        chars.push(ch);
        if (ch.length === 2) {
          widths.push(0);
          chars.push('');
        }
      }
    } else if (r.kind === 'shape') {
      widths.push(r.shape.wrap === 'inline' ? r.shape.width : 0);
      chars.push('\uFFFC');
    } else {
      const f = r.kind === 'field' ? effectiveCharFormat(doc, p, r) : {};
      const size = f.size ?? 11;
      widths.push(r.kind === 'field' ? r.result.length * 0.5 * size : size);
      chars.push('\uFFFC');
    }
  }
  if (maxSize === 0) maxSize = effectiveCharFormat(doc, p, p.mark ?? {}).size ?? 11;
  const height =
    pf.lineRule === 'exact' || pf.lineRule === 'atLeast'
      ? Math.max(pf.lineSpacing ?? 12, pf.lineRule === 'atLeast' ? maxSize * 1.2 : 0)
      : maxSize * 1.22 * lineFactor;
  const lines: LineBox[] = [];
  let start = 0;
  let x0 = left + first;
  let x = x0;
  let xs: number[] = [x];
  let lastBreak = -1;
  const avail = (): number => Math.max(12, width - right);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    let w = widths[i]!;
    if (ch === '\t') w = Math.max(2, (Math.floor(x / TAB_STOP) + 1) * TAB_STOP - x);
    if (ch === '\n') {
      xs.push(x);
      lines.push({ start, end: i + 1, xs, height });
      start = i + 1;
      x0 = left;
      x = x0;
      xs = [x];
      lastBreak = -1;
      continue;
    }
    if (x + w > avail() && ch !== ' ' && i > start) {
      const cut = lastBreak >= start ? lastBreak + 1 : i;
      lines.push({ start, end: cut, xs: xs.slice(0, cut - start + 1), height });
      // Re-flow the characters after the cut onto the next line.
      start = cut;
      x0 = left;
      x = x0;
      xs = [x];
      for (let k = cut; k < i; k++) {
        x += chars[k] === '\t' ? Math.max(2, (Math.floor(x / TAB_STOP) + 1) * TAB_STOP - x) : widths[k]!;
        xs.push(x);
      }
      lastBreak = -1;
      if (ch === '\t') w = Math.max(2, (Math.floor(x / TAB_STOP) + 1) * TAB_STOP - x);
    }
    x += w;
    xs.push(x);
    if (ch === ' ' || ch === '\t' || ch === '-') lastBreak = i;
  }
  lines.push({ start, end: chars.length, xs, height });
  return lines;
}

/**
 * `layoutParagraph` through `cache`, a map of `formatScope` (memo.ts) taken once per whole-document layout: a
 * paragraph with the same content at the same width in the same formatting context has the same lines. The
 * lines are shared between callers, which only read them.
 */
export function layoutParagraphCached(
  doc: WordDocument,
  p: Paragraph,
  width: number,
  cache: Map<string, LineBox[]>,
): LineBox[] {
  const key = `${width}|${contentJson(p, isFrozen(doc))}`;
  let lines = cache.get(key);
  if (lines === undefined) {
    lines = layoutParagraph(doc, p, width);
    cache.set(key, lines);
  }
  return lines;
}

/** Width available to a paragraph's lines at `path` in the body (page text width or cell width). */
export function availableWidth(doc: WordDocument, blocks: Block[], path: readonly number[]): number {
  const section = sections(doc)[blocks === doc.body ? sectionIndexOfBlock(doc, path[0]!) : 0] ?? doc.section;
  let width = textWidth(section) / Math.max(1, section.columns.count);
  let list = blocks;
  for (let i = 0; i + 3 < path.length; i += 3) {
    const table = list[path[i]!] as Table | undefined;
    if (!table || table.type !== 'table') break;
    const row = table.rows[path[i + 1]!];
    const cell = row?.cells[path[i + 2]!];
    if (!row || !cell) break;
    let grid = 0;
    for (let c = 0; c < path[i + 2]!; c++) grid += row.cells[c]!.span ?? 1;
    let w = 0;
    for (let g = grid; g < grid + (cell.span ?? 1); g++)
      w += table.colWidths[g] ?? width / Math.max(1, table.colWidths.length);
    width = Math.max(12, (cell.width ?? w) - 10.8);
    list = cell.blocks;
  }
  return width;
}

/** Which line of `lines` holds `offset` (the caret at a wrap point belongs to the next line). */
export function lineIndexOf(lines: LineBox[], offset: number): number {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (offset < l.end || i === lines.length - 1) return i;
  }
  return lines.length - 1;
}

/** The offset on `line` nearest to x. */
export function offsetAtX(line: LineBox, x: number, isLastLine: boolean): number {
  let best = line.start;
  let bestDist = Infinity;
  // A wrapped line's end offset is the next line's start, so it is not a caret stop on this line
  // unless this is the last line or a line break ends it.
  const lastStop = isLastLine ? line.end : Math.max(line.start, line.end - 1);
  for (let o = line.start; o <= lastStop; o++) {
    const d = Math.abs((line.xs[o - line.start] ?? 0) - x);
    if (d < bestDist) {
      bestDist = d;
      best = o;
    }
  }
  return best;
}
