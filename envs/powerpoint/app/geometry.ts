/**
 * Where PowerPoint's Normal view puts things on the simulated 1920×1080 screen: the slide thumbnails on the left,
 * the notes pane on the right (PowerPoint has it under the slide; the kernel lays panes out at the sides), and
 * the slide scaled to fit the document area between them.
 */
import { rect, type Rect } from '../../office/index.ts';
import type { Presentation, Shape } from '../model/types.ts';

export const THUMBNAIL_PANE_WIDTH = 220;
export const NOTES_PANE_WIDTH = 320;
/** The document area between the panes, the ribbon and the status bar (the kernel reserves both panes' room). */
const AREA = { left: THUMBNAIL_PANE_WIDTH, top: 200, right: 1920 - NOTES_PANE_WIDTH, bottom: 1008 };
const MARGIN = 24;

/** The slide on screen: as large as fits, centred. */
export function slideRect(pres: Presentation): Rect {
  const bottom = AREA.bottom;
  const availW = AREA.right - AREA.left - 2 * MARGIN;
  const availH = bottom - AREA.top - 2 * MARGIN;
  const scale = Math.min(availW / pres.slideSize.width, availH / pres.slideSize.height);
  const w = Math.round(pres.slideSize.width * scale);
  const h = Math.round(pres.slideSize.height * scale);
  const left = Math.round(AREA.left + (AREA.right - AREA.left - w) / 2);
  const top = Math.round(AREA.top + (bottom - AREA.top - h) / 2);
  return rect(left, top, left + w, top + h);
}

/** A shape's rectangle on screen (at least 4 px each way, so lines stay clickable). */
export function shapeRect(pres: Presentation, slide: Rect, shape: Shape): Rect {
  const k = (slide.right - slide.left) / pres.slideSize.width;
  const left = Math.round(slide.left + shape.x * k);
  const top = Math.round(slide.top + shape.y * k);
  return rect(
    left,
    top,
    left + Math.max(4, Math.round(shape.width * k)),
    top + Math.max(4, Math.round(shape.height * k)),
  );
}

/** The topmost shape under a point of the document (pixels from its top left), or undefined for empty slide. */
export function shapeAt(
  pres: Presentation,
  shapes: readonly Shape[],
  x: number,
  y: number,
): Shape | undefined {
  const slide = slideRect(pres);
  const px = AREA.left + x;
  const py = AREA.top + y;
  for (let i = shapes.length - 1; i >= 0; i--) {
    const r = shapeRect(pres, slide, shapes[i]!);
    if (px >= r.left && px < r.right && py >= r.top && py < r.bottom) return shapes[i];
  }
  return undefined;
}
