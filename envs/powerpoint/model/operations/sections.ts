/** Sections (Home > Section): named, ordered groups that partition the slide list. */
import { fail } from '../errors.ts';
import { produce, slideIndexArg } from '../presentation.ts';
import type { Presentation, Section } from '../types.ts';

export const DEFAULT_SECTION_NAME = 'Default Section';
export const UNTITLED_SECTION_NAME = 'Untitled Section';

/** Throws unless the sections, read in order, list exactly the slides in order (PowerPoint's invariant). */
export function checkSections(pres: Presentation): void {
  if (pres.sections.length === 0) return;
  const listed = pres.sections.flatMap((s) => s.slideIds);
  const order = pres.slides.map((s) => s.id);
  if (listed.length !== order.length || listed.some((id, i) => id !== order[i])) {
    fail(
      'INVALID_ARGUMENT',
      `sections list slides ${JSON.stringify(listed)} but the slide order is ${JSON.stringify(order)}`,
    );
  }
}

export function sectionIndexOfSlide(pres: Presentation, slideId: number): number {
  return pres.sections.findIndex((s) => s.slideIds.includes(slideId));
}

/** Drops a slide from whatever section lists it (the section stays, possibly empty, as in PowerPoint). */
export function removeFromSections(draft: Presentation, slideId: number): void {
  for (const s of draft.sections) s.slideIds = s.slideIds.filter((id) => id !== slideId);
}

/**
 * Puts a slide that is already in `draft.slides` into the section of the slide before it (the first
 * section when it is first), as a new or moved slide lands in PowerPoint.
 */
export function placeInSection(draft: Presentation, slideId: number): void {
  if (draft.sections.length === 0) return;
  const pos = draft.slides.findIndex((s) => s.id === slideId);
  const prev = pos > 0 ? draft.slides[pos - 1]!.id : undefined;
  if (prev === undefined) {
    draft.sections[0]!.slideIds.unshift(slideId);
    return;
  }
  const section = draft.sections.find((s) => s.slideIds.includes(prev))!;
  section.slideIds.splice(section.slideIds.indexOf(prev) + 1, 0, slideId);
}

function sectionArg(pres: Presentation, index: number, where: string): Section {
  const s = Number.isInteger(index) ? pres.sections[index] : undefined;
  if (!s) {
    const names = pres.sections.map((x, i) => `${i}: ${x.name}`).join(', ') || 'none';
    fail(
      'SECTION_NOT_FOUND',
      `${where}: there is no section ${JSON.stringify(index)}; sections (indexed from 0): ${names}`,
    );
  }
  return s;
}

function sectionName(name: string | undefined, where: string): string {
  if (name === undefined) return UNTITLED_SECTION_NAME;
  if (typeof name !== 'string' || name.trim() === '')
    fail('INVALID_ARGUMENT', `${where}: a section name cannot be empty`);
  return name.trim();
}

/**
 * Add Section: a new section starting at the slide `atIndex` (default: the current slide); `atIndex` equal
 * to the slide count adds an empty section at the end. When the presentation has no sections yet and the
 * new one does not start at the first slide, the slides before it go to a "Default Section", as in PowerPoint.
 */
export function addSection(
  pres: Presentation,
  options: { atIndex?: number; name?: string } = {},
): Presentation {
  const name = sectionName(options.name, 'addSection');
  const at =
    options.atIndex === pres.slides.length
      ? pres.slides.length
      : slideIndexArg(pres, options.atIndex, 'addSection');
  return produce(pres, (draft) => {
    const ids = draft.slides.map((s) => s.id);
    if (draft.sections.length === 0) {
      if (at > 0) draft.sections.push({ name: DEFAULT_SECTION_NAME, slideIds: ids.slice(0, at) });
      draft.sections.push({ name, slideIds: ids.slice(at) });
      return;
    }
    if (at === ids.length) {
      draft.sections.push({ name, slideIds: [] });
      return;
    }
    const slideId = ids[at]!;
    const si = sectionIndexOfSlide(draft, slideId);
    const host = draft.sections[si]!;
    const cut = host.slideIds.indexOf(slideId);
    const moved = host.slideIds.splice(cut);
    draft.sections.splice(si + 1, 0, { name, slideIds: moved });
  });
}

export function renameSection(pres: Presentation, index: number, name: string): Presentation {
  sectionArg(pres, index, 'renameSection');
  const clean = sectionName(name, 'renameSection');
  return produce(pres, (draft) => {
    draft.sections[index]!.name = clean;
  });
}

/**
 * Remove Section: its slides join the previous section (the next one when it is first); with
 * `deleteSlides` (Remove Section & Slides) the slides are deleted too.
 */
export function removeSection(
  pres: Presentation,
  index: number,
  options: { deleteSlides?: boolean } = {},
): Presentation {
  const section = sectionArg(pres, index, 'removeSection');
  return produce(pres, (draft) => {
    if (options.deleteSlides) {
      const gone = new Set(section.slideIds);
      draft.slides = draft.slides.filter((s) => !gone.has(s.id));
      draft.sections.splice(index, 1);
      fixSelectionAfterDelete(
        draft,
        pres.slides.findIndex((s) => gone.has(s.id)),
      );
      return;
    }
    const [removed] = draft.sections.splice(index, 1);
    if (draft.sections.length === 0) return;
    if (index > 0) draft.sections[index - 1]!.slideIds.push(...removed!.slideIds);
    else draft.sections[0]!.slideIds.unshift(...removed!.slideIds);
  });
}

export function removeAllSections(pres: Presentation): Presentation {
  return produce(pres, (draft) => {
    draft.sections = [];
  });
}

/** Move Section Up / Down: the section and its slides swap places with the neighbouring section. */
export function moveSection(pres: Presentation, index: number, direction: 'up' | 'down'): Presentation {
  sectionArg(pres, index, 'moveSection');
  const other = direction === 'up' ? index - 1 : index + 1;
  if (other < 0 || other >= pres.sections.length) {
    fail(
      'INVALID_ARGUMENT',
      `moveSection: section ${index} is already the ${direction === 'up' ? 'first' : 'last'} one`,
    );
  }
  return produce(pres, (draft) => {
    const [s] = draft.sections.splice(index, 1);
    draft.sections.splice(other, 0, s!);
    const byId = new Map(draft.slides.map((sl) => [sl.id, sl]));
    draft.slides = draft.sections.flatMap((x) => x.slideIds.map((id) => byId.get(id)!));
  });
}

/** After slides were removed: the current slide becomes the one now at `index` (or the last one). */
export function fixSelectionAfterDelete(draft: Presentation, index: number): void {
  const n = draft.slides.length;
  const cur = n === 0 ? null : draft.slides[Math.min(Math.max(index, 0), n - 1)]!.id;
  draft.selection = { slideId: cur, slideIds: cur === null ? [] : [cur], shapeIds: [], text: null };
}
