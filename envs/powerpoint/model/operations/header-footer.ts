/**
 * Insert > Header & Footer (the Slide tab): slide numbers and footer text. PowerPoint shows them by putting the
 * layout's slide-number and footer placeholders on the slides (a `slidenum` field in the number's), and takes
 * them off when the box is cleared; "Don't show on title slide" leaves Title Slide slides without them.
 */
import { fail } from '../errors.ts';
import { findLayout } from '../layouts.ts';
import { currentSlideIndex, nextShapeId, produce } from '../presentation.ts';
import { newPlaceholder } from '../shapes.ts';
import { paragraphsFromText } from '../text.ts';
import type { Presentation, Slide } from '../types.ts';

export interface HeaderFooterOptions {
  slideNumber: boolean;
  /** The footer text, or null when the Footer box is cleared. */
  footer: string | null;
  notOnTitleSlide: boolean;
  /** Apply (the selected slides) or Apply to All. */
  scope: 'selected' | 'all';
}

const isPart = (type: string, part: 'sldNum' | 'ftr') => type === part;

/** Puts the layout's `part` placeholder on the slide with `text`, or takes it off when `text` is null. */
function setPart(
  pres: Presentation,
  slide: Slide,
  part: 'sldNum' | 'ftr',
  text: { value: string; field?: string } | null,
): void {
  const existing = slide.shapes.find((s) => s.kind === 'placeholder' && isPart(s.placeholder.type, part));
  if (text === null) {
    if (existing) {
      slide.shapes = slide.shapes.filter((s) => s !== existing);
      slide.animations = slide.animations.filter((a) => a.shapeId !== existing.id);
    }
    return;
  }
  const run = text.field === undefined ? { text: text.value } : { text: text.value, field: text.field };
  const paragraphs = text.field === undefined ? paragraphsFromText(text.value) : [{ runs: [run], level: 0 }];
  if (existing && existing.kind === 'placeholder') {
    existing.text.paragraphs = paragraphs;
    return;
  }
  const lp = findLayout(pres.master.layouts, slide.layout).placeholders.find((p) => p.type === part);
  if (!lp) return;
  const shape = newPlaceholder(lp, nextShapeId(slide));
  shape.text.paragraphs = paragraphs;
  slide.shapes.push(shape);
}

export function setHeaderFooter(pres: Presentation, options: HeaderFooterOptions): Presentation {
  if (pres.slides.length === 0) fail('SLIDE_NOT_FOUND', 'Header & Footer: the presentation has no slides');
  const selected = new Set(
    pres.selection.slideIds.length > 0
      ? pres.selection.slideIds
      : [pres.slides[currentSlideIndex(pres)]?.id ?? -1],
  );
  return produce(pres, (draft) => {
    draft.slides.forEach((slide, i) => {
      if (options.scope === 'selected' && !selected.has(slide.id)) return;
      const hide = options.notOnTitleSlide && slide.layout === 'Title Slide';
      setPart(
        draft,
        slide,
        'sldNum',
        options.slideNumber && !hide ? { value: String(i + 1), field: 'slidenum' } : null,
      );
      setPart(draft, slide, 'ftr', options.footer !== null && !hide ? { value: options.footer } : null);
    });
    // The placeholders' selection may point at a shape that was taken off.
    const cur = draft.slides.find((s) => s.id === draft.selection.slideId);
    draft.selection.shapeIds = draft.selection.shapeIds.filter((id) => cur?.shapes.some((s) => s.id === id));
    if (draft.selection.text && !cur?.shapes.some((s) => s.id === draft.selection.text!.shapeId))
      draft.selection.text = null;
  });
}

/** What the dialog shows for a slide: whether it has a slide number and its footer text. */
export function headerFooterOf(slide: Slide | undefined): { slideNumber: boolean; footer: string | null } {
  const number = slide?.shapes.some((s) => s.kind === 'placeholder' && s.placeholder.type === 'sldNum');
  const ftr = slide?.shapes.find((s) => s.kind === 'placeholder' && s.placeholder.type === 'ftr');
  const footer =
    ftr && ftr.kind === 'placeholder'
      ? ftr.text.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n')
      : null;
  return { slideNumber: number === true, footer };
}
