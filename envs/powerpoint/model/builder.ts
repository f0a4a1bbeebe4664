/**
 * createPresentation(spec): a presentation from a compact description, for task templates. Geometry in the
 * spec is in inches; colours may be hex or names; text is a string ("\n" = new paragraph, leading tabs =
 * bullet level) or a list of paragraphs with runs.
 */
import { parseColor } from './colors.ts';
import { fail } from './errors.ts';
import { findLayout } from './layouts.ts';
import {
  createEmptyPresentation,
  findPlaceholder,
  nextShapeId,
  nextSlideId,
  slideFromLayout,
} from './presentation.ts';
import type { PlaceholderKey } from './presentation.ts';
import { resolveEntranceEffect, ENTRANCE_DURATIONS } from './operations/animations.ts';
import { DEFAULT_SECTION_NAME } from './operations/sections.ts';
import { checkFill, checkLine } from './operations/shapes.ts';
import { resolveTransitionType, TRANSITION_CATALOG } from './operations/transitions.ts';
import { newAutoShape, newPicture, newTable, newTextBox, resolveShapeType, TABLE_STYLES } from './shapes.ts';
import { paragraphsFromText } from './text.ts';
import { inches } from './units.ts';
import type { SlideSizePreset } from './units.ts';
import type {
  Align,
  AnimationTrigger,
  Bullet,
  Fill,
  Line,
  Paragraph,
  PlaceholderShape,
  Presentation,
  RunFormat,
  Shape,
  Slide,
  TextRun,
  Transition,
} from './types.ts';

export interface RunSpec extends RunFormat {
  text: string;
}

export interface ParagraphSpec extends RunFormat {
  text?: string;
  runs?: RunSpec[];
  level?: number;
  align?: Align;
  /** 'none', a bullet character, 'number', or a full Bullet. */
  bullet?: Bullet | string;
}

export type TextSpec = string | ParagraphSpec[];

export interface BoxSpec {
  /** Inches from the slide's left/top edge; centred when absent. */
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

export type FillSpec = string | Fill;
export type LineSpec = string | Line;

export interface SlideSpec {
  /** Default: Title Slide for the first slide, Title and Content after. */
  layout?: string;
  title?: TextSpec;
  subtitle?: TextSpec;
  /** The first text or content placeholder. */
  body?: TextSpec;
  /** By OOXML placeholder idx (Two Content: 1 = left, 2 = right). */
  placeholders?: Record<number, TextSpec>;
  textBoxes?: (BoxSpec & { text: TextSpec; name?: string; fill?: FillSpec; line?: LineSpec })[];
  shapes?: (BoxSpec & {
    type: string;
    text?: TextSpec;
    name?: string;
    fill?: FillSpec;
    line?: LineSpec;
    rotation?: number;
  })[];
  tables?: (BoxSpec & {
    rows: string[][];
    style?: string;
    header?: boolean;
    bandedRows?: boolean;
    name?: string;
  })[];
  pictures?: (BoxSpec & { name: string; description?: string })[];
  /** A colour or a fill; absent = follows the master. */
  background?: FillSpec;
  notes?: string;
  transition?:
    | string
    | {
        type: string;
        effect?: string;
        duration?: number;
        advanceOnClick?: boolean;
        advanceAfter?: number | null;
      };
  /** Entrance effects; `shape` is a shape name on this slide ("Title 1", "Rectangle 4"). */
  animations?: {
    shape: string;
    effect: string;
    trigger?: AnimationTrigger;
    duration?: number;
    delay?: number;
  }[];
  hidden?: boolean;
  /** Starts a section with this name at this slide. */
  section?: string;
}

export interface PresentationSpec {
  name?: string;
  dir?: string;
  theme?: string;
  variant?: number;
  size?: SlideSizePreset;
  /** Background of the master (Format Background > Apply to All). */
  background?: FillSpec;
  slides: SlideSpec[];
  /** 0-based index of the current slide (default 0). */
  currentSlide?: number;
}

function fillOf(spec: FillSpec, where: string): Fill {
  return typeof spec === 'string'
    ? { type: 'solid', color: parseColor(spec, where) }
    : checkFill(spec, where);
}

function lineOf(spec: LineSpec, where: string): Line {
  if (spec === 'none') return { type: 'none' };
  return typeof spec === 'string'
    ? { type: 'solid', color: parseColor(spec, where), width: 1 }
    : checkLine(spec, where);
}

function formatOf(spec: RunFormat, where: string): RunFormat {
  const out: RunFormat = {};
  if (spec.font !== undefined) out.font = spec.font;
  if (spec.size !== undefined) {
    if (!(spec.size >= 1 && spec.size <= 4000))
      fail('INVALID_ARGUMENT', `${where}: size must be 1-4000 points; got ${JSON.stringify(spec.size)}`);
    out.size = spec.size;
  }
  for (const k of ['bold', 'italic', 'underline', 'strike'] as const)
    if (spec[k] !== undefined) out[k] = spec[k];
  if (spec.color !== undefined) out.color = parseColor(spec.color, `${where}: color`);
  return out;
}

function bulletOf(spec: Bullet | string): Bullet {
  if (typeof spec !== 'string') return spec;
  if (spec === 'none') return { type: 'none' };
  if (spec === 'number') return { type: 'number', scheme: 'arabicPeriod' };
  return { type: 'char', char: spec };
}

export function paragraphsOf(spec: TextSpec, where: string): Paragraph[] {
  if (typeof spec === 'string') return paragraphsFromText(spec);
  if (!Array.isArray(spec))
    fail('INVALID_ARGUMENT', `${where}: text must be a string or a list of paragraphs`);
  return spec.map((p, i) => {
    const base = formatOf(p, `${where} paragraph ${i}`);
    const runs: TextRun[] = (p.runs ?? (p.text ? [{ text: p.text }] : [])).map((r, j) => ({
      text: r.text,
      ...base,
      ...formatOf(r, `${where} paragraph ${i} run ${j}`),
    }));
    const out: Paragraph = { runs, level: p.level ?? 0 };
    if (!Number.isInteger(out.level) || out.level < 0 || out.level > 8)
      fail('INVALID_ARGUMENT', `${where} paragraph ${i}: level must be 0-8`);
    if (p.align) out.align = p.align;
    if (p.bullet !== undefined) out.bullet = bulletOf(p.bullet);
    if (runs.length === 0 && Object.keys(base).length > 0) out.endFormat = base;
    return out;
  });
}

function boxOf(
  pres: Presentation,
  spec: BoxSpec,
  w: number,
  h: number,
): { x: number; y: number; width: number; height: number } {
  const width = inches(spec.width ?? w);
  const height = inches(spec.height ?? h);
  return {
    x: spec.x === undefined ? Math.round((pres.slideSize.width - width) / 2) : inches(spec.x),
    y: spec.y === undefined ? Math.round((pres.slideSize.height - height) / 2) : inches(spec.y),
    width,
    height,
  };
}

function fillPlaceholder(slide: Slide, key: PlaceholderKey, spec: TextSpec, where: string): void {
  const ph = findPlaceholder(slide, key);
  if (!ph)
    fail(
      'PLACEHOLDER_NOT_FOUND',
      `${where}: the layout "${slide.layout}" has no ${JSON.stringify(key)} placeholder`,
    );
  ph.text.paragraphs = paragraphsOf(spec, where);
}

function transitionOf(spec: NonNullable<SlideSpec['transition']>, where: string): Transition {
  const s = typeof spec === 'string' ? { type: spec } : spec;
  const type = resolveTransitionType(s.type);
  const cat = TRANSITION_CATALOG[type];
  const t: Transition = {
    type,
    duration: s.duration ?? cat.duration,
    advanceOnClick: s.advanceOnClick ?? true,
    advanceAfter: s.advanceAfter ?? null,
  };
  const effect = s.effect ?? cat.effects[0];
  if (effect !== undefined) {
    const found = cat.effects.find((e) => e.toLowerCase() === effect.toLowerCase());
    if (!found)
      fail(
        'INVALID_ARGUMENT',
        `${where}: the ${type} transition's Effect Options are ${cat.effects.join(', ') || 'none'}; got ${JSON.stringify(effect)}`,
      );
    t.effect = found;
  }
  return t;
}

function buildSlide(pres: Presentation, spec: SlideSpec, index: number): Slide {
  const where = `slide ${index + 1}`;
  const layout = findLayout(
    pres.master.layouts,
    spec.layout ?? (index === 0 ? 'Title Slide' : 'Title and Content'),
  ).name;
  const slide = slideFromLayout(pres, layout, nextSlideId(pres));
  if (spec.title !== undefined) fillPlaceholder(slide, 'title', spec.title, `${where} title`);
  if (spec.subtitle !== undefined) fillPlaceholder(slide, 'subtitle', spec.subtitle, `${where} subtitle`);
  if (spec.body !== undefined) fillPlaceholder(slide, 'body', spec.body, `${where} body`);
  for (const [idx, text] of Object.entries(spec.placeholders ?? {})) {
    fillPlaceholder(slide, Number(idx), text, `${where} placeholder ${idx}`);
  }
  const add = (shape: Shape, name: string | undefined): void => {
    if (name) shape.name = name;
    slide.shapes.push(shape);
  };
  for (const [i, tb] of (spec.textBoxes ?? []).entries()) {
    const b = boxOf(pres, tb, 3, 0.5);
    const shape = newTextBox(nextShapeId(slide), b.x, b.y, b.width, b.height);
    shape.text.paragraphs = paragraphsOf(tb.text, `${where} text box ${i}`);
    if (tb.fill !== undefined) shape.fill = fillOf(tb.fill, `${where} text box ${i} fill`);
    if (tb.line !== undefined) shape.line = lineOf(tb.line, `${where} text box ${i} line`);
    add(shape, tb.name);
  }
  for (const [i, sh] of (spec.shapes ?? []).entries()) {
    const geometry = resolveShapeType(sh.type);
    const b = boxOf(pres, sh, 1, geometry === 'line' ? 0 : 1);
    const shape = newAutoShape(nextShapeId(slide), geometry, b.x, b.y, b.width, b.height);
    if (sh.text !== undefined)
      shape.text.paragraphs = paragraphsOf(sh.text, `${where} shape ${i}`).map((p) => ({
        align: 'center',
        ...p,
      }));
    if (sh.fill !== undefined) shape.fill = fillOf(sh.fill, `${where} shape ${i} fill`);
    if (sh.line !== undefined) shape.line = lineOf(sh.line, `${where} shape ${i} line`);
    if (sh.rotation) shape.rotation = ((sh.rotation % 360) + 360) % 360;
    add(shape, sh.name);
  }
  for (const [i, tb] of (spec.tables ?? []).entries()) {
    const rows = tb.rows.length;
    const cols = tb.rows[0]?.length ?? 0;
    if (rows < 1 || cols < 1 || tb.rows.some((r) => r.length !== cols)) {
      fail('INVALID_ARGUMENT', `${where} table ${i}: rows must be a non-empty rectangle of strings`);
    }
    const width = inches(tb.width ?? 10);
    const shape = newTable(nextShapeId(slide), rows, cols, 0, 0, width);
    shape.x = tb.x === undefined ? Math.round((pres.slideSize.width - shape.width) / 2) : inches(tb.x);
    shape.y = tb.y === undefined ? Math.round((pres.slideSize.height - shape.height) / 2) : inches(tb.y);
    tb.rows.forEach((row, r) =>
      row.forEach((text, c) => (shape.table.cells[r]![c]!.text.paragraphs = paragraphsFromText(text))),
    );
    if (tb.style !== undefined) {
      if (!(tb.style in TABLE_STYLES))
        fail('INVALID_ARGUMENT', `${where} table ${i}: unknown table style ${JSON.stringify(tb.style)}`);
      shape.table.style = tb.style;
    }
    if (tb.header !== undefined) shape.table.firstRow = tb.header;
    if (tb.bandedRows !== undefined) shape.table.bandRows = tb.bandedRows;
    add(shape, tb.name);
  }
  for (const pic of spec.pictures ?? []) {
    const b = boxOf(pres, pic, 4, 3);
    const ph = slide.shapes.find(
      (s): s is PlaceholderShape => s.kind === 'placeholder' && s.placeholder.type === 'pic',
    );
    const shape = newPicture(
      nextShapeId(slide),
      pic.name,
      pic.description ?? '',
      b.x,
      b.y,
      b.width,
      b.height,
    );
    if (ph && pic.x === undefined && pic.y === undefined) {
      Object.assign(shape, {
        x: ph.x,
        y: ph.y,
        width: ph.width,
        height: ph.height,
        placeholder: { ...ph.placeholder },
      });
      slide.shapes[slide.shapes.indexOf(ph)] = shape;
    } else slide.shapes.push(shape);
  }
  if (spec.background !== undefined) slide.background = fillOf(spec.background, `${where} background`);
  if (spec.notes !== undefined) slide.notes = spec.notes;
  if (spec.transition !== undefined) slide.transition = transitionOf(spec.transition, `${where} transition`);
  for (const a of spec.animations ?? []) {
    const shape = slide.shapes.find((s) => s.name === a.shape);
    if (!shape)
      fail(
        'SHAPE_NOT_FOUND',
        `${where} animation: no shape named ${JSON.stringify(a.shape)}; shapes: ${slide.shapes.map((s) => s.name).join(', ')}`,
      );
    const effect = resolveEntranceEffect(a.effect);
    slide.animations.push({
      shapeId: shape.id,
      effect,
      trigger: a.trigger ?? 'On Click',
      duration: a.duration ?? ENTRANCE_DURATIONS[effect],
      delay: a.delay ?? 0,
    });
  }
  if (spec.hidden) slide.hidden = true;
  return slide;
}

export function createPresentation(spec: PresentationSpec): Presentation {
  if (!spec || !Array.isArray(spec.slides))
    fail('INVALID_ARGUMENT', 'createPresentation: the spec needs a slides list');
  const pres = createEmptyPresentation({
    theme: spec.theme ?? 'Office Theme',
    variant: spec.variant ?? 1,
    size: spec.size ?? 'widescreen',
    name: spec.name ?? 'Presentation1',
    dir: spec.dir ?? '',
    titleSlide: false,
  });
  if (spec.background !== undefined) pres.master.background = fillOf(spec.background, 'background');
  spec.slides.forEach((s, i) => pres.slides.push(buildSlide(pres, s, i)));
  if (spec.slides.some((s) => s.section !== undefined)) {
    spec.slides.forEach((s, i) => {
      const id = pres.slides[i]!.id;
      if (s.section !== undefined) pres.sections.push({ name: s.section, slideIds: [id] });
      else if (pres.sections.length === 0) pres.sections.push({ name: DEFAULT_SECTION_NAME, slideIds: [id] });
      else pres.sections[pres.sections.length - 1]!.slideIds.push(id);
    });
  }
  const cur = spec.currentSlide ?? 0;
  if (pres.slides.length > 0) {
    const slide = pres.slides[cur];
    if (!slide)
      fail(
        'SLIDE_NOT_FOUND',
        `createPresentation: currentSlide ${cur} is not a slide index (0-${pres.slides.length - 1})`,
      );
    pres.selection = { slideId: slide.id, slideIds: [slide.id], shapeIds: [], text: null };
  }
  return pres;
}
