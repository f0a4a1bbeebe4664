/**
 * Where the document's text is on screen, for mouse clicks on the document: Print Layout shows the page
 * centred in the document area, the text inside the margins, one line under another (line heights from the
 * model's approximate layout). A click point becomes a caret position the way Word hit-tests: the nearest line,
 * then the nearest offset on it; a click in a table goes to the cell under it.
 */
import {
  availableWidth,
  effectiveParagraphFormat,
  formatScope,
  layoutParagraphCached,
  type Block,
  type LineBox,
  type Paragraph,
  type Position,
  type Table,
  type WordDocument,
} from '../model/index.ts';
import { contentView, documentContentKey } from './derived.ts';

/** Screen pixels per point at 100% zoom (96 dpi). */
export const PX_PER_PT = 96 / 72;
/** Gap above the first page, pixels. */
export const PAGE_TOP_PX = 20;
/** Pixels one scroll line moves (the kernel scrolls in lines). */
export const SCROLL_LINE_PX = 20;

interface Placed {
  path: number[];
  top: number;
  bottom: number;
  /** Paragraph lines, with tops in points from the story's top. */
  paragraph?: {
    p: Paragraph;
    lines: { start: number; end: number; xs: number[]; top: number; bottom: number }[];
    left: number;
  };
}

/** Lays out `blocks` from `top` (points) at `left` (points); returns the end y. */
function place(
  doc: WordDocument,
  blocks: Block[],
  prefix: number[],
  top: number,
  left: number,
  width: number,
  out: Placed[],
  layouts: Map<string, LineBox[]>,
): number {
  let y = top;
  blocks.forEach((block, i) => {
    const path = [...prefix, i];
    if (block.type === 'paragraph') {
      const pf = effectiveParagraphFormat(doc, block);
      const before = pf.spaceBefore ?? 0;
      const after = pf.spaceAfter ?? 0;
      const lines = layoutParagraphCached(doc, block, width, layouts);
      let ly = y + before;
      const placedLines = lines.map((l) => {
        const line = { start: l.start, end: l.end, xs: l.xs, top: ly, bottom: ly + l.height };
        ly += l.height;
        return line;
      });
      out.push({ path, top: y, bottom: ly + after, paragraph: { p: block, lines: placedLines, left } });
      y = ly + after;
    } else if (block.type === 'pageBreak') {
      out.push({ path, top: y, bottom: y + 14 });
      y += 14;
    } else {
      y = placeTable(doc, block, path, y, left, out, layouts);
    }
  });
  return y;
}

function placeTable(
  doc: WordDocument,
  table: Table,
  path: number[],
  top: number,
  left: number,
  out: Placed[],
  layouts: Map<string, LineBox[]>,
): number {
  let y = top;
  table.rows.forEach((row, r) => {
    let x = left;
    let bottom = y + (row.height ?? 0);
    let grid = 0;
    row.cells.forEach((cell, c) => {
      let w = 0;
      for (let g = grid; g < grid + (cell.span ?? 1); g++) w += table.colWidths[g] ?? 72;
      grid += cell.span ?? 1;
      const cellPath = [...path, r, c];
      const inner = availableWidth(doc, doc.body, [...cellPath, 0]);
      const end = place(doc, cell.blocks, cellPath, y + 2, x + 5.4, inner, out, layouts);
      bottom = Math.max(bottom, end + 2);
      x += cell.width ?? w;
    });
    y = bottom;
  });
  return y;
}

/**
 * The last layout and the content key it was made for: layout depends on the content alone, so an undo copy or
 * a command that changed nothing reuses it. The revision arguments below are kept for callers; the key
 * subsumes them.
 */
let cacheKey: string | null = null;
let cacheLayout: Placed[] = [];

function layoutOf(live: WordDocument): Placed[] {
  const key = documentContentKey(live);
  if (cacheKey === key) return cacheLayout;
  // The frozen copy of the same content: its paragraphs' JSON (the line cache's key) is computed once each.
  const doc = contentView(live);
  const out: Placed[] = [];
  const width = availableWidth(doc, doc.body, [0]);
  const layouts = formatScope<LineBox[]>(doc, 'layout');
  place(doc, doc.body, [], doc.section.margins.top, doc.section.margins.left, width, out, layouts);
  cacheKey = key;
  cacheLayout = out;
  return out;
}

/**
 * The caret position under a click at (x, y) pixels from the document area's top left, with the document
 * scrolled `scrollLines` down and the area `areaWidth` pixels wide. Null when the click is outside the page.
 */
export function positionAtPoint(
  doc: WordDocument,
  _revision: number,
  x: number,
  y: number,
  scrollLines: number,
  areaWidth: number,
): Position | null {
  const pageWidthPx = doc.section.pageWidth * PX_PER_PT;
  const pageLeftPx = Math.max(0, (areaWidth - pageWidthPx) / 2);
  const xPt = (x - pageLeftPx) / PX_PER_PT;
  const yPt = (y + scrollLines * SCROLL_LINE_PX - PAGE_TOP_PX) / PX_PER_PT;
  if (xPt < 0 || xPt > doc.section.pageWidth || yPt < 0) return null;
  const placed = layoutOf(doc).filter((p) => p.paragraph !== undefined || p.path.length === 1);
  if (placed.length === 0) return null;
  // The paragraph (or page break) whose lines are nearest vertically; inside a table, the one under x too.
  let best: Placed | null = null;
  let bestDist = Infinity;
  for (const p of placed) {
    const dy = yPt < p.top ? p.top - yPt : yPt > p.bottom ? yPt - p.bottom : 0;
    let dx = 0;
    if (p.paragraph && p.path.length > 1) {
      const left = p.paragraph.left - 5.4;
      const right = left + availableWidth(doc, doc.body, p.path) + 10.8;
      dx = xPt < left ? left - xPt : xPt > right ? xPt - right : 0;
    }
    const d = dy * 1000 + dx;
    if (d < bestDist) {
      bestDist = d;
      best = p;
    }
  }
  if (best === null) return null;
  if (!best.paragraph) return { path: best.path, offset: 0 };
  const { lines, left } = best.paragraph;
  let line = lines[lines.length - 1]!;
  for (const l of lines) {
    if (yPt < l.bottom) {
      line = l;
      break;
    }
  }
  const isLast = line === lines[lines.length - 1];
  const lastStop = isLast ? line.end : Math.max(line.start, line.end - 1);
  const relX = xPt - left;
  let offset = line.start;
  let bestX = Infinity;
  for (let o = line.start; o <= lastStop; o++) {
    const d = Math.abs((line.xs[o - line.start] ?? 0) - relX);
    if (d < bestX) {
      bestX = d;
      offset = o;
    }
  }
  return { path: best.path, offset };
}

/** Scroll range in lines: the document's laid-out height beyond one screen. */
export function scrollExtent(doc: WordDocument, _revision: number, areaHeight: number): number {
  const placed = layoutOf(doc);
  const last = placed[placed.length - 1];
  const heightPx = ((last?.bottom ?? 0) + doc.section.margins.bottom) * PX_PER_PT + PAGE_TOP_PX * 2;
  return Math.max(0, Math.ceil((heightPx - areaHeight) / SCROLL_LINE_PX));
}
