/**
 * Which of the model's layouts an imported slide uses, and which of its placeholders each slide placeholder is.
 * Files name their layouts as they like (LibreOffice writes "Title, Content" and points every slide at its own
 * layouts), so the slide's placeholders decide; the file's layout name and type only break ties.
 */
import type { LayoutPlaceholder, PlaceholderType, Shape, SlideLayout } from '../../model/types.ts';

type Kind = 'title' | 'text' | 'pic' | 'footer';

function kindOf(type: PlaceholderType): Kind {
  if (type === 'title' || type === 'ctrTitle') return 'title';
  if (type === 'pic') return 'pic';
  if (type === 'dt' || type === 'ftr' || type === 'sldNum') return 'footer';
  return 'text';
}

type PlaceholderHolder = Shape & { placeholder: { type: PlaceholderType; idx: number } };

export function placeholdersOf(shapes: Shape[]): PlaceholderHolder[] {
  return shapes.filter((s): s is PlaceholderHolder => 'placeholder' in s && s.placeholder !== undefined);
}

function counts(kinds: Kind[]): Map<Kind, number> {
  const m = new Map<Kind, number>();
  for (const k of kinds) if (k !== 'footer') m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function covers(layout: Map<Kind, number>, slide: Map<Kind, number>): boolean {
  return [...slide].every(([k, n]) => (layout.get(k) ?? 0) >= n);
}

function sameCounts(a: Map<Kind, number>, b: Map<Kind, number>): boolean {
  return a.size === b.size && [...a].every(([k, n]) => b.get(k) === n);
}

export interface FileLayoutInfo {
  name: string | undefined;
  type: string | undefined;
}

/**
 * Pairs each slide placeholder with a layout placeholder: same idx, then same type, then same kind, in order.
 * Returns the pairs; unpaired slide placeholders are absent from the map.
 */
export function assignPlaceholders(shapes: Shape[], layout: SlideLayout): Map<Shape, LayoutPlaceholder> {
  const out = new Map<Shape, LayoutPlaceholder>();
  const free = new Set(layout.placeholders);
  const phs = placeholdersOf(shapes);
  const passes: ((s: PlaceholderHolder, lp: LayoutPlaceholder) => boolean)[] = [
    (s, lp) =>
      kindOf(s.placeholder.type) === kindOf(lp.type) &&
      (kindOf(lp.type) === 'title' || (s.placeholder.idx === lp.idx && s.placeholder.type === lp.type)),
    (s, lp) => s.placeholder.type === lp.type,
    (s, lp) => kindOf(s.placeholder.type) === kindOf(lp.type) && kindOf(lp.type) !== 'footer',
  ];
  for (const pass of passes) {
    for (const s of phs) {
      if (out.has(s)) continue;
      const lp = [...free].find((l) => pass(s, l));
      if (lp) {
        out.set(s, lp);
        free.delete(lp);
      }
    }
  }
  return out;
}

/** Within 5000 EMUs (0.14 mm): writers round positions to their own units. */
export function sameBox(a: Box, b: Box): boolean {
  const near = (x: number, y: number): boolean => Math.abs(x - y) <= 5000;
  return near(a.x, b.x) && near(a.y, b.y) && near(a.width, b.width) && near(a.height, b.height);
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * Tables and pictures that lost their placeholder reference (LibreOffice drops it) but fill a free picture,
 * table or content placeholder of the layout exactly: they are taken to be that placeholder's content.
 */
export function adoptable(
  shapes: Shape[],
  layout: SlideLayout,
  pairs: Map<Shape, LayoutPlaceholder>,
): Map<Shape, LayoutPlaceholder> {
  const used = new Set(pairs.values());
  const out = new Map<Shape, LayoutPlaceholder>();
  for (const s of shapes) {
    if ((s.kind !== 'picture' && s.kind !== 'table') || s.placeholder) continue;
    const types = s.kind === 'picture' ? ['pic', 'obj'] : ['tbl', 'obj'];
    const lp = layout.placeholders.find((l) => !used.has(l) && types.includes(l.type) && sameBox(s, l));
    if (lp) {
      out.set(s, lp);
      used.add(lp);
    }
  }
  return out;
}

function isVerticalLayout(layout: SlideLayout): boolean {
  return layout.placeholders.some((p) => p.vertical);
}

/** The model layout that best fits a slide's placeholders (see the module comment). */
export function matchLayout(
  shapes: Shape[],
  layouts: readonly SlideLayout[],
  file: FileLayoutInfo,
  verticalText: boolean,
): SlideLayout {
  const slideCounts = counts(placeholdersOf(shapes).map((s) => kindOf(s.placeholder.type)));
  let best: { layout: SlideLayout; score: number } | null = null;
  for (const layout of layouts) {
    const layoutCounts = counts(layout.placeholders.map((p) => kindOf(p.type)));
    const fits = covers(layoutCounts, slideCounts);
    let score = fits ? 1000 : 0;
    if (fits && sameCounts(layoutCounts, slideCounts)) score += 200;
    // The file's own layout, when it can hold the slide, outweighs a closer placeholder count.
    if (file.name !== undefined && file.name.toLowerCase() === layout.name.toLowerCase()) score += 300;
    if (file.type !== undefined && file.type === layout.type) score += 150;
    const pairs = assignPlaceholders(shapes, layout);
    score +=
      10 * [...pairs].filter(([s, lp]) => 'placeholder' in s && s.placeholder?.type === lp.type).length;
    score += 5 * pairs.size;
    // Placeholders sitting exactly where this layout puts them are strong evidence (writers keep positions).
    score += 150 * [...pairs].filter(([s, lp]) => sameBox(s, lp)).length;
    score += 150 * adoptable(shapes, layout, pairs).size;
    if (isVerticalLayout(layout) !== verticalText) score -= 30;
    if (!best || score > best.score) best = { layout, score };
  }
  return best!.layout;
}
