import { describe, expect, it } from 'vitest';
import { createPresentation } from '../../envs/powerpoint/model/builder.ts';
import { canvasState } from '../../envs/powerpoint/model/canvas.ts';
import { LAYOUT_NAMES } from '../../envs/powerpoint/model/layouts.ts';
import { createEmptyPresentation, slideTitles } from '../../envs/powerpoint/model/presentation.ts';
import {
  addSection,
  moveSection,
  removeSection,
  renameSection,
} from '../../envs/powerpoint/model/operations/sections.ts';
import {
  changeLayout,
  deleteSlides,
  duplicateSlide,
  moveSlide,
  newSlide,
  resetSlide,
  selectSlide,
  setNotes,
  toggleHideSlide,
} from '../../envs/powerpoint/model/operations/slides.ts';
import { setPlaceholderText, setShapeGeometry } from '../../envs/powerpoint/model/operations/shapes.ts';
import { expectRefused } from './helpers.ts';

function deck(): ReturnType<typeof createPresentation> {
  return createPresentation({
    slides: [
      { title: 'Intro', subtitle: 'Q3 review' },
      { title: 'Agenda', body: 'Numbers\n\tRevenue\nPlans' },
      { title: 'Results', body: 'Up 10%' },
      { title: 'Thanks' },
    ],
  });
}

describe('a new presentation', () => {
  it('starts as File > New does: one Title Slide, Office Theme, 16:9', () => {
    const pres = createEmptyPresentation();
    expect(pres.slides).toHaveLength(1);
    expect(pres.slides[0]!.layout).toBe('Title Slide');
    expect(pres.slides[0]!.shapes.map((s) => s.name)).toEqual(['Title 1', 'Subtitle 2']);
    expect(pres.theme.name).toBe('Office Theme');
    expect(pres.slideSize).toEqual({ width: 12192000, height: 6858000 });
    expect(pres.master.layouts.map((l) => l.name)).toEqual([...LAYOUT_NAMES]);
    expect(pres.selection.slideId).toBe(pres.slides[0]!.id);
    const state = canvasState(pres);
    expect(state.slides[0]!.shapes[0]!.placeholder_prompt).toBe('Click to add title');
  });

  it('rejects a bad slide size and an unknown theme', () => {
    expect(() => createEmptyPresentation({ size: { width: 0, height: 5 } })).toThrow(/positive width/);
    expect(() => createEmptyPresentation({ theme: 'Nope' })).toThrow(/unknown theme "Nope".*Office Theme/);
  });

  it('builds a deck from a spec and refuses a bad spec with a pointed message', () => {
    const pres = deck();
    expect(slideTitles(pres)).toEqual(['Intro', 'Agenda', 'Results', 'Thanks']);
    expect(pres.slides[1]!.layout).toBe('Title and Content');
    const body = pres.slides[1]!.shapes[1]!;
    expect(body.kind === 'placeholder' && body.text.paragraphs.map((p) => p.level)).toEqual([0, 1, 0]);
    expect(() => createPresentation({ slides: [{ layout: 'Blank', title: 'x' }] })).toThrow(
      /slide 1 title: the layout "Blank" has no "title" placeholder/,
    );
    expect(() => createPresentation({ slides: [{ layout: 'Fancy' }] })).toThrow(
      /unknown slide layout "Fancy"/,
    );
  });
});

describe('slide operations', () => {
  it('New Slide goes after the current slide, takes Title and Content after a Title Slide, and becomes current', () => {
    const pres = createEmptyPresentation();
    const next = newSlide(pres);
    expect(next.slides.map((s) => s.layout)).toEqual(['Title Slide', 'Title and Content']);
    expect(next.selection.slideId).toBe(next.slides[1]!.id);
    const third = newSlide(next, { layout: 'Two Content', afterIndex: -1 });
    expect(third.slides[0]!.layout).toBe('Two Content');
    expect(third.slides[0]!.shapes.map((s) => s.name)).toEqual([
      'Title 1',
      'Content Placeholder 2',
      'Content Placeholder 3',
    ]);
    expect(new Set(third.slides.map((s) => s.id)).size).toBe(3);
    expect(pres.slides).toHaveLength(1);
  });

  it('New Slide refuses an unknown layout or position and changes nothing', () => {
    const pres = deck();
    expectRefused(
      pres,
      (p) => newSlide(p, { layout: 'Title and Stuff' }),
      'UNKNOWN_LAYOUT',
      /Title and Stuff/,
    );
    expectRefused(pres, (p) => newSlide(p, { afterIndex: 9 }), 'SLIDE_NOT_FOUND', /afterIndex 9/);
  });

  it('duplicates, deletes and moves slides, keeping ids stable', () => {
    let pres = deck();
    const ids = pres.slides.map((s) => s.id);
    pres = duplicateSlide(pres, 1);
    expect(slideTitles(pres)).toEqual(['Intro', 'Agenda', 'Agenda', 'Results', 'Thanks']);
    expect(pres.selection.slideId).toBe(pres.slides[2]!.id);
    expect(pres.slides[2]!.id).not.toBe(ids[1]);
    pres = deleteSlides(pres, [0, 2]);
    expect(slideTitles(pres)).toEqual(['Agenda', 'Results', 'Thanks']);
    pres = moveSlide(pres, 2, 0);
    expect(slideTitles(pres)).toEqual(['Thanks', 'Agenda', 'Results']);
    expect(pres.slides[0]!.id).toBe(ids[3]);
    expect(pres.selection.slideId).toBe(ids[3]);
  });

  it('deleting the selected slides makes the next one current; deleting all leaves none', () => {
    let pres = selectSlide(deck(), 1);
    pres = deleteSlides(pres);
    expect(slideTitles(pres)).toEqual(['Intro', 'Results', 'Thanks']);
    expect(pres.selection.slideId).toBe(pres.slides[1]!.id);
    pres = deleteSlides(pres, [0, 1, 2]);
    expect(pres.slides).toEqual([]);
    expect(pres.selection.slideId).toBeNull();
    expectRefused(pres, (p) => deleteSlides(p), 'SLIDE_NOT_FOUND', /no slides/);
  });

  it('refuses bad slide indices with the valid range', () => {
    const pres = deck();
    expectRefused(
      pres,
      (p) => duplicateSlide(p, 4),
      'SLIDE_NOT_FOUND',
      /no slide at index 4.*4 slide\(s\), indexed from 0/,
    );
    expectRefused(pres, (p) => moveSlide(p, 0, -1), 'SLIDE_NOT_FOUND', /index -1/);
    expectRefused(pres, (p) => deleteSlides(p, []), 'INVALID_ARGUMENT', /no slides given/);
    expectRefused(pres, (p) => deleteSlides(p, [1.5]), 'SLIDE_NOT_FOUND', /1\.5/);
  });

  it('Ctrl+click extends the slide selection, and commands act on all selected slides', () => {
    let pres = selectSlide(deck(), 1);
    pres = selectSlide(pres, 3, { extend: true });
    expect(canvasState(pres).selection.slides).toEqual([2, 4]);
    pres = toggleHideSlide(pres);
    expect(pres.slides.map((s) => s.hidden)).toEqual([false, true, false, true]);
    pres = toggleHideSlide(pres);
    expect(pres.slides.every((s) => !s.hidden)).toBe(true);
    pres = selectSlide(pres, 3, { extend: true });
    expect(canvasState(pres).selection.slides).toEqual([2]);
  });

  it('hidden slides show in the canvas state', () => {
    const pres = toggleHideSlide(deck(), 2);
    expect(canvasState(pres).slides[2]!.hidden).toBe(true);
    expect(canvasState(pres).slides[1]!.hidden).toBeUndefined();
  });

  it('notes are set per slide, and must be a string', () => {
    const pres = setNotes(deck(), 'Say hello\r\nthen smile', 0);
    expect(pres.slides[0]!.notes).toBe('Say hello\nthen smile');
    expect(canvasState(pres).slides[0]!.notes).toBe('Say hello\nthen smile');
    expectRefused(
      pres,
      (p) => setNotes(p, 42 as unknown as string),
      'INVALID_ARGUMENT',
      /notes must be a string/,
    );
  });
});

describe('layouts and placeholders', () => {
  it('changing layout carries title and body text over to the new placeholders', () => {
    const pres = changeLayout(deck(), 'Two Content', 1);
    const slide = pres.slides[1]!;
    expect(slide.layout).toBe('Two Content');
    const state = canvasState(pres).slides[1]!;
    expect(state.title).toBe('Agenda');
    expect(state.shapes.map((s) => s.name)).toEqual([
      'Title 1',
      'Content Placeholder 2',
      'Content Placeholder 3',
    ]);
    expect(state.shapes[1]!.text!.map((p) => p.text)).toEqual(['Numbers', 'Revenue', 'Plans']);
    expect(state.shapes[2]!.placeholder_prompt).toBe('Click to add text');
  });

  it('a layout without room keeps filled placeholders on the slide; going back restores them', () => {
    const blank = changeLayout(deck(), 'Title Only', 1);
    const state = canvasState(blank).slides[1]!;
    expect(state.layout).toBe('Title Only');
    expect(state.shapes.map((s) => s.text?.[0]?.text)).toEqual(['Agenda', 'Numbers']);
    const back = changeLayout(blank, 'Title and Content', 1);
    expect(canvasState(back).slides[1]!.shapes.map((s) => s.text?.[0]?.text)).toEqual(['Agenda', 'Numbers']);
  });

  it('Reset puts a moved placeholder back at the layout position and keeps its text', () => {
    let pres = deck();
    const titleId = pres.slides[1]!.shapes[0]!.id;
    pres = setShapeGeometry(pres, { slideIndex: 1, shapeId: titleId, x: 0, y: 0 });
    expect(pres.slides[1]!.shapes[0]!.x).toBe(0);
    pres = resetSlide(pres, 1);
    expect(pres.slides[1]!.shapes[0]!.x).toBe(838200);
    expect(canvasState(pres).slides[1]!.title).toBe('Agenda');
  });

  it('setPlaceholderText fills a placeholder, and names the ones that exist when asked for a missing one', () => {
    let pres = setPlaceholderText(deck(), 'body', 'New body', 2);
    expect(canvasState(pres).slides[2]!.shapes[1]!.text![0]!.text).toBe('New body');
    pres = changeLayout(pres, 'Title Only', 3);
    expectRefused(
      pres,
      (p) => setPlaceholderText(p, 'body', 'x', 3),
      'PLACEHOLDER_NOT_FOUND',
      /slide 4 \(layout "Title Only"\) has no "body" placeholder; it has: Title 1 \(title, idx 0\)/,
    );
    expectRefused(pres, (p) => changeLayout(p, 'Nope'), 'UNKNOWN_LAYOUT', /Title Slide, Title and Content/);
  });
});

describe('sections', () => {
  it('Add Section before the first slide collects the earlier slides in a Default Section', () => {
    let pres = addSection(deck(), { atIndex: 2, name: 'Details' });
    expect(canvasState(pres).sections).toEqual([
      { name: 'Default Section', slides: [1, 2] },
      { name: 'Details', slides: [3, 4] },
    ]);
    pres = renameSection(pres, 0, 'Opening');
    pres = newSlide(pres, { afterIndex: 1 });
    expect(canvasState(pres).sections).toEqual([
      { name: 'Opening', slides: [1, 2, 3] },
      { name: 'Details', slides: [4, 5] },
    ]);
    pres = moveSection(pres, 1, 'up');
    expect(slideTitles(pres)).toEqual(['Results', 'Thanks', 'Intro', 'Agenda', '']);
    expect(canvasState(pres).slides[0]!.section).toBe('Details');
  });

  it('Remove Section merges the slides into the previous section, or deletes them', () => {
    const pres = addSection(addSection(deck(), { atIndex: 0, name: 'A' }), { atIndex: 2, name: 'B' });
    const merged = removeSection(pres, 1);
    expect(canvasState(merged).sections).toEqual([{ name: 'A', slides: [1, 2, 3, 4] }]);
    const gone = removeSection(pres, 1, { deleteSlides: true });
    expect(slideTitles(gone)).toEqual(['Intro', 'Agenda']);
    expect(canvasState(gone).sections).toEqual([{ name: 'A', slides: [1, 2] }]);
  });

  it('refuses unknown sections, empty names and impossible moves', () => {
    const pres = addSection(deck(), { atIndex: 0, name: 'A' });
    expectRefused(pres, (p) => renameSection(p, 3, 'x'), 'SECTION_NOT_FOUND', /no section 3.*0: A/);
    expectRefused(pres, (p) => renameSection(p, 0, '  '), 'INVALID_ARGUMENT', /cannot be empty/);
    expectRefused(pres, (p) => moveSection(p, 0, 'up'), 'INVALID_ARGUMENT', /already the first/);
  });
});
