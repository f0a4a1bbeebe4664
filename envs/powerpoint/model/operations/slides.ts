/** Slide-level operations: New Slide, Duplicate, Delete, reorder, Hide Slide, Layout, Reset, notes, selection. */
import { copyData } from '../draft.ts';
import { fail } from '../errors.ts';
import { findLayout, isContentPlaceholder } from '../layouts.ts';
import {
  currentSlideIndex,
  getSlide,
  nextShapeId,
  nextSlideId,
  produce,
  slideFromLayout,
  slideIndexArg,
} from '../presentation.ts';
import { newPlaceholder } from '../shapes.ts';
import { isEmptyText } from '../text.ts';
import { fixSelectionAfterDelete, placeInSection, removeFromSections } from './sections.ts';
import type { LayoutPlaceholder, PlaceholderType, Presentation, Shape, Slide } from '../types.ts';

function selectOnly(draft: Presentation, slideId: number): void {
  draft.selection = { slideId, slideIds: [slideId], shapeIds: [], text: null };
}

/** Slide indices an operation acts on: the given ones, or the slides selected in the thumbnail pane. */
export function slideIndicesArg(
  pres: Presentation,
  indices: number[] | number | undefined,
  where: string,
): number[] {
  if (indices === undefined) {
    const sel = pres.selection.slideIds
      .map((id) => pres.slides.findIndex((s) => s.id === id))
      .filter((i) => i >= 0);
    if (sel.length === 0) return [slideIndexArg(pres, undefined, where)];
    return sel.sort((a, b) => a - b);
  }
  const list = Array.isArray(indices) ? indices : [indices];
  if (list.length === 0) fail('INVALID_ARGUMENT', `${where}: no slides given`);
  return [...new Set(list.map((i) => slideIndexArg(pres, i, where)))].sort((a, b) => a - b);
}

/**
 * Home > New Slide. Inserted after `afterIndex` (default: the current slide; -1 inserts at the start).
 * Without a layout it takes the current slide's layout, except after a Title Slide, where PowerPoint
 * uses Title and Content. The new slide becomes current and joins the section of the slide before it.
 */
export function newSlide(
  pres: Presentation,
  options: { layout?: string; afterIndex?: number } = {},
): Presentation {
  const cur = currentSlideIndex(pres);
  const after = options.afterIndex ?? cur;
  if (!Number.isInteger(after) || after < -1 || after >= pres.slides.length) {
    fail(
      'SLIDE_NOT_FOUND',
      `newSlide: afterIndex ${JSON.stringify(options.afterIndex)} must be -1 (at the start) or a slide index 0-${pres.slides.length - 1}`,
    );
  }
  const base = pres.slides[after] ?? pres.slides[cur];
  const layout =
    options.layout ??
    (base === undefined ? 'Title Slide' : base.layout === 'Title Slide' ? 'Title and Content' : base.layout);
  findLayout(pres.master.layouts, layout);
  return produce(pres, (draft) => {
    const slide = slideFromLayout(draft, layout, nextSlideId(draft));
    draft.slides.splice(after + 1, 0, slide);
    placeInSection(draft, slide.id);
    selectOnly(draft, slide.id);
  });
}

/** Duplicate Slide: an identical copy right after the original, which becomes current. */
export function duplicateSlide(pres: Presentation, index?: number): Presentation {
  const i = slideIndexArg(pres, index, 'duplicateSlide');
  return produce(pres, (draft) => {
    const copy: Slide = { ...copyData(draft.slides[i]!), id: nextSlideId(draft) };
    draft.slides.splice(i + 1, 0, copy);
    placeInSection(draft, copy.id);
    selectOnly(draft, copy.id);
  });
}

/** Delete Slide: removes the slides (default: those selected); the slide that takes their place becomes current. */
export function deleteSlides(pres: Presentation, indices?: number[] | number): Presentation {
  const list = slideIndicesArg(pres, indices, 'deleteSlides');
  return produce(pres, (draft) => {
    const gone = new Set(list.map((i) => draft.slides[i]!.id));
    draft.slides = draft.slides.filter((s) => !gone.has(s.id));
    for (const id of gone) removeFromSections(draft, id);
    fixSelectionAfterDelete(draft, list[0]!);
  });
}

/** Drag a slide in the thumbnail pane: the slide at `from` ends up at index `to`, and stays current. */
export function moveSlide(pres: Presentation, from: number, to: number): Presentation {
  slideIndexArg(pres, from, 'moveSlide');
  slideIndexArg(pres, to, 'moveSlide (target)');
  return produce(pres, (draft) => {
    const [slide] = draft.slides.splice(from, 1);
    draft.slides.splice(to, 0, slide!);
    if (draft.sections.length > 0 && from !== to) {
      removeFromSections(draft, slide!.id);
      placeInSection(draft, slide!.id);
    }
    selectOnly(draft, slide!.id);
  });
}

/** Sets the hidden flag of slides (default: the selected ones). */
export function setSlidesHidden(
  pres: Presentation,
  hidden: boolean,
  indices?: number[] | number,
): Presentation {
  const list = slideIndicesArg(pres, indices, 'setSlidesHidden');
  return produce(pres, (draft) => {
    for (const i of list) draft.slides[i]!.hidden = hidden;
  });
}

/** Slide Show > Hide Slide is a toggle: hides the slides unless the first of them is hidden already. */
export function toggleHideSlide(pres: Presentation, indices?: number[] | number): Presentation {
  const list = slideIndicesArg(pres, indices, 'toggleHideSlide');
  return setSlidesHidden(pres, !pres.slides[list[0]!]!.hidden, list);
}

type Content = 'empty' | 'text' | 'table' | 'picture';

function contentOf(shape: Shape): Content {
  if (shape.kind === 'table') return 'table';
  if (shape.kind === 'picture') return 'picture';
  if (shape.kind === 'placeholder') return isEmptyText(shape.text) ? 'empty' : 'text';
  return 'text';
}

function isTitleType(t: PlaceholderType): boolean {
  return t === 'title' || t === 'ctrTitle';
}

/** Which layout placeholders can take a slide placeholder's content when the layout changes. */
function fits(content: Content, shapeType: PlaceholderType, target: LayoutPlaceholder): boolean {
  if (isTitleType(shapeType) || isTitleType(target.type))
    return isTitleType(shapeType) && isTitleType(target.type);
  if (content === 'empty') return true;
  if (content === 'table') return target.type === 'obj' || target.type === 'tbl';
  if (content === 'picture') return target.type === 'obj' || target.type === 'pic';
  if (target.type === 'dt' || target.type === 'ftr' || target.type === 'sldNum')
    return shapeType === target.type;
  return target.type === 'body' || target.type === 'obj' || target.type === 'subTitle';
}

function relayout(pres: Presentation, slide: Slide, layoutName: string): void {
  const layout = findLayout(pres.master.layouts, layoutName);
  const placeholders = slide.shapes.filter((s) => 'placeholder' in s && s.placeholder !== undefined);
  const others = slide.shapes.filter((s) => !placeholders.includes(s));
  const matched = new Map<LayoutPlaceholder, Shape>();
  const used = new Set<Shape>();
  const typeOf = (s: Shape): PlaceholderType =>
    (s as { placeholder: { type: PlaceholderType } }).placeholder.type;
  const idxOf = (s: Shape): number => (s as { placeholder: { idx: number } }).placeholder.idx;
  // First by index (titles by type), then any compatible free placeholder, as PowerPoint carries content over.
  for (const lp of layout.placeholders) {
    const s = placeholders.find(
      (p) =>
        !used.has(p) &&
        (isTitleType(lp.type) ? isTitleType(typeOf(p)) : idxOf(p) === lp.idx) &&
        fits(contentOf(p), typeOf(p), lp),
    );
    if (s) {
      matched.set(lp, s);
      used.add(s);
    }
  }
  for (const s of placeholders) {
    if (used.has(s) || contentOf(s) === 'empty') continue;
    const lp = layout.placeholders.find(
      (l) => !matched.has(l) && isContentPlaceholder(l.type) && fits(contentOf(s), typeOf(s), l),
    );
    if (lp) {
      matched.set(lp, s);
      used.add(s);
    }
  }
  const result: Shape[] = [];
  let nextId = nextShapeId(slide);
  for (const lp of layout.placeholders) {
    const s = matched.get(lp);
    if (s) {
      const ref = { type: lp.type, idx: lp.idx };
      if (s.kind === 'placeholder') {
        Object.assign(s, { placeholder: ref, x: lp.x, y: lp.y, width: lp.width, height: lp.height });
      } else if (s.kind === 'table' || s.kind === 'picture') {
        s.placeholder = ref;
      }
      result.push(s);
    } else if (isContentPlaceholder(lp.type)) {
      result.push(newPlaceholder(lp, nextId++));
    }
  }
  // Filled placeholders the new layout has no room for stay where they are, as PowerPoint leaves them.
  const orphans = placeholders.filter((s) => !used.has(s) && contentOf(s) !== 'empty');
  slide.shapes = [...result, ...orphans, ...others];
  slide.layout = layout.name;
}

/** Home > Layout: applies a layout to slides (default: the selected ones), carrying placeholder content over. */
export function changeLayout(pres: Presentation, layout: string, indices?: number[] | number): Presentation {
  findLayout(pres.master.layouts, layout);
  const list = slideIndicesArg(pres, indices, 'changeLayout');
  return produce(pres, (draft) => {
    for (const i of list) relayout(draft, draft.slides[i]!, layout);
    draft.selection.shapeIds = [];
    draft.selection.text = null;
  });
}

/** Home > Reset: placeholders go back to the layout's positions and missing ones come back (content is kept). */
export function resetSlide(pres: Presentation, indices?: number[] | number): Presentation {
  const list = slideIndicesArg(pres, indices, 'resetSlide');
  return produce(pres, (draft) => {
    for (const i of list) {
      const slide = draft.slides[i]!;
      relayout(draft, slide, slide.layout);
    }
  });
}

export function setNotes(pres: Presentation, text: string, index?: number): Presentation {
  if (typeof text !== 'string')
    fail('INVALID_ARGUMENT', `setNotes: notes must be a string; got ${JSON.stringify(text)}`);
  const i = slideIndexArg(pres, index, 'setNotes');
  return produce(pres, (draft) => {
    draft.slides[i]!.notes = text.replace(/\r\n?/g, '\n');
  });
}

/**
 * Clicks a slide in the thumbnail pane: it becomes current. With `extend` (Ctrl+click) it is added to
 * (or removed from) the selected slides instead.
 */
export function selectSlide(
  pres: Presentation,
  index: number,
  options: { extend?: boolean } = {},
): Presentation {
  const slide = getSlide(pres, index, 'selectSlide');
  return produce(pres, (draft) => {
    if (!options.extend) {
      selectOnly(draft, slide.id);
      return;
    }
    const ids = draft.selection.slideIds;
    const next =
      ids.includes(slide.id) && ids.length > 1
        ? ids.filter((id) => id !== slide.id)
        : [...new Set([...ids, slide.id])];
    const order = draft.slides.map((s) => s.id).filter((id) => next.includes(id));
    draft.selection = { slideId: slide.id, slideIds: order, shapeIds: [], text: null };
    if (!order.includes(slide.id)) draft.selection.slideId = order[0]!;
  });
}
