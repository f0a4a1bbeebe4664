/**
 * The canvas state: the presentation as compact, deterministic JSON, what an agent reads as "the document"
 * (UFO's canvas state) and what evaluators and judges diff. Positions are in inches, font sizes in points,
 * colours resolved to #RRGGBB; slide numbers are 1-based as PowerPoint shows them.
 */
import { resolveColor, themeColorParts } from './colors.ts';
import { effectiveAlign, effectiveBullet, effectiveRunFormat } from './format.ts';
import type { TextContext } from './format.ts';
import { layoutPlaceholderFor } from './format.ts';
import { slideTitle } from './presentation.ts';
import { shapeKindLabel } from './shapes.ts';
import { isEmptyText, paragraphText } from './text.ts';
import { SLIDE_SIZES, toInches } from './units.ts';
import { selectedText } from './operations/text-editing.ts';
import type {
  Bullet,
  Fill,
  Line,
  Presentation,
  Shape,
  Slide,
  TextBody,
  TextRun,
  Transition,
} from './types.ts';

export interface CanvasRun {
  text: string;
  font: string;
  size: number;
  color: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
}

export interface CanvasParagraph {
  text: string;
  level?: number;
  align: string;
  bullet?: string;
  runs: CanvasRun[];
}

export interface CanvasFill {
  type: string;
  color?: string;
  theme_color?: string;
  transparency?: number;
  gradient?: string;
  angle?: number;
  stops?: { position: number; color: string }[];
  pattern?: string;
  foreground?: string;
  background?: string;
}

export interface CanvasShape {
  id: number;
  name: string;
  type: string;
  rect: [number, number, number, number];
  rotation?: number;
  placeholder_prompt?: string;
  text?: CanvasParagraph[];
  fill?: CanvasFill;
  line?: { color: string; width: number; dash?: string } | 'none';
  table?: {
    rows: number;
    columns: number;
    style: string;
    header_row: boolean;
    banded_rows: boolean;
    cells: string[][];
  };
  picture?: { name: string; description: string };
  animation?: string[];
}

export interface CanvasSlide {
  number: number;
  id: number;
  layout: string;
  title: string;
  hidden?: true;
  section?: string;
  background: CanvasFill & { follows_master: boolean };
  transition?: { type: string; effect?: string; duration: number; on_click: boolean; after?: number };
  notes?: string;
  shapes: CanvasShape[];
}

export interface CanvasState {
  document: string;
  slide_size: { name: string; width: number; height: number };
  theme: {
    name: string;
    variant: number;
    colors: string;
    fonts: string;
    heading_font: string;
    body_font: string;
  };
  slide_count: number;
  current_slide: number | null;
  selection: {
    slides: number[];
    shapes: number[];
    text?: {
      shape: number;
      cell?: [number, number];
      start: [number, number];
      end: [number, number];
      selected: string;
    };
  };
  sections?: { name: string; slides: number[] }[];
  slides: CanvasSlide[];
}

function fillJson(pres: Presentation, fill: Fill): CanvasFill {
  switch (fill.type) {
    case 'none':
      return { type: 'none' };
    case 'solid': {
      const out: CanvasFill = { type: 'solid', color: resolveColor(fill.color, pres.theme) };
      if (themeColorParts(fill.color)) out.theme_color = fill.color;
      if (fill.transparency) out.transparency = fill.transparency;
      return out;
    }
    case 'gradient':
      return {
        type: 'gradient',
        gradient: fill.gradientType,
        angle: fill.angle,
        stops: fill.stops.map((s) => ({ position: s.position, color: resolveColor(s.color, pres.theme) })),
      };
    case 'pattern':
      return {
        type: 'pattern',
        pattern: fill.pattern,
        foreground: resolveColor(fill.foreground, pres.theme),
        background: resolveColor(fill.background, pres.theme),
      };
  }
}

function lineJson(pres: Presentation, line: Line): CanvasShape['line'] {
  if (line.type === 'none') return 'none';
  const out: { color: string; width: number; dash?: string } = {
    color: resolveColor(line.color, pres.theme),
    width: line.width,
  };
  if (line.dash) out.dash = line.dash;
  return out;
}

function bulletLabel(b: Bullet): string | undefined {
  if (b.type === 'none') return undefined;
  if (b.type === 'char') return b.char;
  return b.startAt && b.startAt !== 1 ? `${b.scheme} from ${b.startAt}` : b.scheme;
}

function textJson(pres: Presentation, ctx: TextContext, body: TextBody): CanvasParagraph[] {
  // A slide-number field shows the slide's current number, whatever it showed when it was inserted.
  const number = String(pres.slides.findIndex((s) => s.id === ctx.slide.id) + 1);
  const shown = (r: TextRun): string => (r.field === 'slidenum' ? number : r.text).replace(/\v/g, '\n');
  return body.paragraphs.map((p) => {
    const runs: CanvasRun[] = p.runs.map((r) => {
      const f = effectiveRunFormat(pres, ctx, p, r);
      const run: CanvasRun = { text: shown(r), font: f.font, size: f.size, color: f.rgb };
      if (f.bold) run.bold = true;
      if (f.italic) run.italic = true;
      if (f.underline) run.underline = true;
      if (f.strike) run.strike = true;
      return run;
    });
    const out: CanvasParagraph = {
      text: p.runs.map(shown).join(''),
      align: effectiveAlign(pres, ctx, p),
      runs,
    };
    if (p.level > 0) out.level = p.level;
    const bullet = p.runs.length > 0 ? bulletLabel(effectiveBullet(pres, ctx, p)) : undefined;
    if (bullet) out.bullet = bullet;
    return out;
  });
}

function rect(s: Shape): [number, number, number, number] {
  return [toInches(s.x), toInches(s.y), toInches(s.width), toInches(s.height)];
}

function shapeJson(pres: Presentation, slide: Slide, s: Shape): CanvasShape {
  const out: CanvasShape = { id: s.id, name: s.name, type: shapeKindLabel(s), rect: rect(s) };
  if (s.rotation) out.rotation = s.rotation;
  switch (s.kind) {
    case 'placeholder':
    case 'textbox':
    case 'shape':
      out.text = isEmptyText(s.text) ? [] : textJson(pres, { slide, shape: s }, s.text);
      if (s.kind === 'placeholder' && isEmptyText(s.text)) {
        out.placeholder_prompt = layoutPlaceholderFor(pres, slide, s)?.prompt ?? 'Click to add text';
      }
      break;
    case 'table':
      out.table = {
        rows: s.table.cells.length,
        columns: s.table.columnWidths.length,
        style: s.table.style,
        header_row: s.table.firstRow,
        banded_rows: s.table.bandRows,
        cells: s.table.cells.map((row) => row.map((c) => c.text.paragraphs.map(paragraphText).join('\n'))),
      };
      break;
    case 'picture':
      out.picture = { name: s.image.name, description: s.image.description };
      break;
  }
  if ('fill' in s && s.fill) out.fill = fillJson(pres, s.fill);
  if ('line' in s && s.line) out.line = lineJson(pres, s.line);
  const anims = slide.animations.filter((a) => a.shapeId === s.id);
  if (anims.length > 0)
    out.animation = anims.map(
      (a) => `${a.effect} (${a.trigger}, ${a.duration}s${a.delay ? `, delay ${a.delay}s` : ''})`,
    );
  return out;
}

/**
 * A shape's canvas entry, kept per shape object (an edit to one shape leaves the others' entries): it stays right
 * while the slide's number, layout and animations, the master and the theme are the same objects.
 */
const shapeMemo = new WeakMap<
  Shape,
  { number: number; layout: string; animations: unknown; master: unknown; theme: unknown; out: CanvasShape }
>();

function memoShapeJson(pres: Presentation, slide: Slide, number: number, s: Shape): CanvasShape {
  const hit = shapeMemo.get(s);
  if (
    hit !== undefined &&
    hit.number === number &&
    hit.layout === slide.layout &&
    hit.animations === slide.animations &&
    hit.master === pres.master &&
    hit.theme === pres.theme
  ) {
    return hit.out;
  }
  const out = shapeJson(pres, slide, s);
  shapeMemo.set(s, {
    number,
    layout: slide.layout,
    animations: slide.animations,
    master: pres.master,
    theme: pres.theme,
    out,
  });
  return out;
}

function transitionJson(t: Transition): CanvasSlide['transition'] {
  const out: NonNullable<CanvasSlide['transition']> = {
    type: t.type,
    duration: t.duration,
    on_click: t.advanceOnClick,
  };
  if (t.effect) out.effect = t.effect;
  if (t.advanceAfter !== null) out.after = t.advanceAfter;
  return out;
}

function sizeName(pres: Presentation): string {
  const { width, height } = pres.slideSize;
  if (width === SLIDE_SIZES.widescreen.width && height === SLIDE_SIZES.widescreen.height)
    return 'Widescreen (16:9)';
  if (width === SLIDE_SIZES.standard.width && height === SLIDE_SIZES.standard.height) return 'Standard (4:3)';
  return 'Custom';
}

/**
 * A slide's canvas entry, kept per slide object: presentations are immutable, so an entry stays right while its
 * slide, its number, its section, the master and the theme are the same objects (the canvas is read-only data).
 */
const slideMemo = new WeakMap<
  Slide,
  { number: number; section: string | undefined; master: unknown; theme: unknown; out: CanvasSlide }
>();

function slideJson(pres: Presentation, slide: Slide, i: number, section: string | undefined): CanvasSlide {
  const bg = slide.background ?? pres.master.background;
  const out: CanvasSlide = {
    number: i + 1,
    id: slide.id,
    layout: slide.layout,
    title: slideTitle(slide),
    background: { ...fillJson(pres, bg), follows_master: slide.background === null },
    shapes: slide.shapes.map((s) => memoShapeJson(pres, slide, i + 1, s)),
  };
  if (slide.hidden) out.hidden = true;
  if (section !== undefined) out.section = section;
  if (slide.transition) out.transition = transitionJson(slide.transition);
  if (slide.notes) out.notes = slide.notes;
  return out;
}

export function canvasState(pres: Presentation): CanvasState {
  const numberOf = new Map(pres.slides.map((s, i) => [s.id, i + 1]));
  const sectionOf = new Map<number, string>();
  for (const sec of pres.sections) for (const id of sec.slideIds) sectionOf.set(id, sec.name);
  const slides = pres.slides.map((slide, i): CanvasSlide => {
    const section = sectionOf.get(slide.id);
    const hit = slideMemo.get(slide);
    if (
      hit !== undefined &&
      hit.number === i + 1 &&
      hit.section === section &&
      hit.master === pres.master &&
      hit.theme === pres.theme
    ) {
      return hit.out;
    }
    const out = slideJson(pres, slide, i, section);
    slideMemo.set(slide, { number: i + 1, section, master: pres.master, theme: pres.theme, out });
    return out;
  });
  const sel = pres.selection;
  const selection: CanvasState['selection'] = {
    slides: sel.slideIds.map((id) => numberOf.get(id)!).filter((n) => n !== undefined),
    shapes: [...sel.shapeIds],
  };
  if (sel.text) {
    selection.text = {
      shape: sel.text.shapeId,
      start: [sel.text.anchor.paragraph, sel.text.anchor.offset],
      end: [sel.text.focus.paragraph, sel.text.focus.offset],
      selected: selectedText(pres),
    };
    if (sel.text.cell) selection.text.cell = [sel.text.cell.row, sel.text.cell.col];
  }
  const state: CanvasState = {
    document: pres.document.name,
    slide_size: {
      name: sizeName(pres),
      width: toInches(pres.slideSize.width),
      height: toInches(pres.slideSize.height),
    },
    theme: {
      name: pres.theme.name,
      variant: pres.theme.variant,
      colors: pres.theme.colors.name,
      fonts: pres.theme.fonts.name,
      heading_font: pres.theme.fonts.major,
      body_font: pres.theme.fonts.minor,
    },
    slide_count: pres.slides.length,
    current_slide: sel.slideId === null ? null : (numberOf.get(sel.slideId) ?? null),
    selection,
    slides,
  };
  if (pres.sections.length > 0) {
    state.sections = pres.sections.map((s) => ({
      name: s.name,
      slides: s.slideIds.map((id) => numberOf.get(id)!),
    }));
  }
  return state;
}
