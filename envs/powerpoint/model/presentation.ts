/** Creating presentations and finding things in them. */
import { produceDraft } from './draft.ts';
import { fail } from './errors.ts';
import { buildLayouts, defaultTextStyles, findLayout, isContentPlaceholder } from './layouts.ts';
import { isTextShape, newPlaceholder } from './shapes.ts';
import { plainText } from './text.ts';
import { buildTheme } from './themes.ts';
import { SLIDE_SIZES } from './units.ts';
import type { SlideSizePreset } from './units.ts';
import type {
  PlaceholderShape,
  Presentation,
  Shape,
  Slide,
  SlideSize,
  TableCell,
  TextBody,
} from './types.ts';

export interface NewPresentationOptions {
  theme?: string;
  variant?: number;
  size?: SlideSizePreset | SlideSize;
  /** Document name without extension; PowerPoint's default is "Presentation1". */
  name?: string;
  dir?: string;
  /** Create the single Title Slide a new PowerPoint presentation starts with (default true). */
  titleSlide?: boolean;
}

/** A new presentation as File > New > Blank Presentation makes it (one Title Slide, Office Theme). */
export function createEmptyPresentation(options: NewPresentationOptions = {}): Presentation {
  const size =
    typeof options.size === 'object' ? { ...options.size } : { ...SLIDE_SIZES[options.size ?? 'widescreen'] };
  if (!(size.width > 0 && size.height > 0)) {
    fail(
      'INVALID_ARGUMENT',
      `slide size must have a positive width and height; got ${JSON.stringify(options.size)}`,
    );
  }
  const { theme, background } = buildTheme(options.theme ?? 'Office Theme', options.variant ?? 1);
  const pres: Presentation = {
    slideSize: size,
    theme,
    master: { layouts: buildLayouts(size), textStyles: defaultTextStyles(), background },
    slides: [],
    sections: [],
    selection: { slideId: null, slideIds: [], shapeIds: [], text: null },
    document: { name: options.name ?? 'Presentation1', dir: options.dir ?? '', saves: [] },
  };
  if (options.titleSlide !== false) {
    const slide = slideFromLayout(pres, 'Title Slide', 256);
    pres.slides.push(slide);
    pres.selection = { slideId: slide.id, slideIds: [slide.id], shapeIds: [], text: null };
  }
  return pres;
}

/** A fresh slide with the layout's empty content placeholders (no date, footer or slide number). */
export function slideFromLayout(pres: Presentation, layoutName: string, id: number): Slide {
  const layout = findLayout(pres.master.layouts, layoutName);
  const shapes: Shape[] = [];
  for (const lp of layout.placeholders) {
    if (isContentPlaceholder(lp.type)) shapes.push(newPlaceholder(lp, shapes.length + 2));
  }
  return {
    id,
    layout: layout.name,
    shapes,
    background: null,
    notes: '',
    transition: null,
    animations: [],
    hidden: false,
  };
}

/**
 * Runs `edit` on a draft of `pres` and returns the result: operations are pure functions of the state. The draft
 * is copy-on-write (draft.ts), so the result shares what the edit did not touch with `pres`; presentations are
 * never modified in place.
 */
export function produce(pres: Presentation, edit: (draft: Presentation) => void): Presentation {
  return produceDraft(pres, edit);
}

export function nextSlideId(pres: Presentation): number {
  return pres.slides.reduce((m, s) => Math.max(m, s.id + 1), 256);
}

export function nextShapeId(slide: Slide): number {
  return slide.shapes.reduce((m, s) => Math.max(m, s.id + 1), 2);
}

export function currentSlideIndex(pres: Presentation): number {
  return pres.slides.findIndex((s) => s.id === pres.selection.slideId);
}

/** The slide at a 0-based index; `undefined` means the current slide. */
export function slideIndexArg(pres: Presentation, index: number | undefined, where: string): number {
  if (index === undefined) {
    const cur = currentSlideIndex(pres);
    if (cur < 0) fail('SLIDE_NOT_FOUND', `${where}: the presentation has no slides`);
    return cur;
  }
  if (!Number.isInteger(index) || index < 0 || index >= pres.slides.length) {
    fail(
      'SLIDE_NOT_FOUND',
      `${where}: there is no slide at index ${JSON.stringify(index)}; the presentation has ${pres.slides.length} slide(s), indexed from 0`,
    );
  }
  return index;
}

export function getSlide(pres: Presentation, index: number | undefined, where: string): Slide {
  return pres.slides[slideIndexArg(pres, index, where)]!;
}

export function getShape(slide: Slide, shapeId: number, where: string): Shape {
  const shape = slide.shapes.find((s) => s.id === shapeId);
  if (!shape) {
    const ids = slide.shapes.map((s) => `${s.id} (${s.name})`).join(', ') || 'none';
    fail(
      'SHAPE_NOT_FOUND',
      `${where}: slide ${slide.id} has no shape with id ${JSON.stringify(shapeId)}; its shapes are ${ids}`,
    );
  }
  return shape;
}

/** The text body of a shape, or of one cell when the shape is a table. */
export function getTextBody(
  shape: Shape,
  cell: { row: number; col: number } | undefined,
  where: string,
): TextBody {
  if (shape.kind === 'table') {
    if (!cell) fail('INVALID_ARGUMENT', `${where}: "${shape.name}" is a table; say which cell (row, col)`);
    return getCell(shape.table.cells, cell.row, cell.col, `${where} (${shape.name})`).text;
  }
  if (!isTextShape(shape))
    fail('NOT_A_TEXT_SHAPE', `${where}: "${shape.name}" is a ${shape.kind} and holds no text`);
  return shape.text;
}

export function getCell(cells: TableCell[][], row: number, col: number, where: string): TableCell {
  const r = cells[row];
  const c = r?.[col];
  if (!Number.isInteger(row) || !Number.isInteger(col) || !c) {
    fail(
      'INVALID_ARGUMENT',
      `${where}: no cell at row ${row}, column ${col}; the table has ${cells.length} rows and ${cells[0]?.length ?? 0} columns, indexed from 0`,
    );
  }
  return c;
}

/** The title placeholder (title or centred title) of a slide. */
export function titleShape(slide: Slide): PlaceholderShape | undefined {
  return slide.shapes.find(
    (s): s is PlaceholderShape =>
      s.kind === 'placeholder' && (s.placeholder.type === 'title' || s.placeholder.type === 'ctrTitle'),
  );
}

export function slideTitle(slide: Slide): string {
  const t = titleShape(slide);
  return t ? plainText(t.text) : '';
}

/** "What are the slide titles?": one entry per slide, '' for slides without a title. */
export function slideTitles(pres: Presentation): string[] {
  return pres.slides.map(slideTitle);
}

/** Which placeholder an operation means: 'title', 'subtitle', 'body' (first content/text), or an OOXML idx. */
export type PlaceholderKey = 'title' | 'subtitle' | 'body' | number;

export function findPlaceholder(slide: Slide, key: PlaceholderKey): PlaceholderShape | undefined {
  const phs = slide.shapes.filter((s): s is PlaceholderShape => s.kind === 'placeholder');
  if (key === 'title') return titleShape(slide);
  if (key === 'subtitle') return phs.find((s) => s.placeholder.type === 'subTitle');
  if (key === 'body') {
    return [...phs]
      .filter((s) => ['body', 'obj', 'subTitle'].includes(s.placeholder.type))
      .sort((a, b) => a.placeholder.idx - b.placeholder.idx)[0];
  }
  return phs.find(
    (s) => s.placeholder.idx === key && s.placeholder.type !== 'title' && s.placeholder.type !== 'ctrTitle',
  );
}
