import { describe, expect, it } from 'vitest';
import { exportPptx, importPptx } from '../../envs/powerpoint/index.ts';
import { createPresentation } from '../../envs/powerpoint/model/builder.ts';
import { canvasState } from '../../envs/powerpoint/model/canvas.ts';
import { setHeaderFooter } from '../../envs/powerpoint/model/operations/header-footer.ts';
import { moveSlide, selectSlide } from '../../envs/powerpoint/model/operations/slides.ts';
import { driver } from './app-driver.ts';

const deck = () =>
  createPresentation({
    slides: [
      { title: 'Cover', subtitle: 'sub' },
      { title: 'Two', body: 'a' },
      { title: 'Three', body: 'b' },
    ],
  });

/** Per slide: [slide number text, footer text], null where the placeholder is absent. */
function footers(pres: ReturnType<typeof deck>): [string | null, string | null][] {
  return canvasState(pres).slides.map((s) => {
    const part = (t: string) => {
      const shape = s.shapes.find((x) => x.type === `placeholder:${t}`);
      return shape ? (shape.text ?? []).map((p) => p.text).join('\n') : null;
    };
    return [part('sldNum'), part('ftr')];
  });
}

describe('Insert > Header & Footer', () => {
  it('Apply to All numbers every slide and sets the footer; the title slide can be left out', () => {
    let pres = setHeaderFooter(deck(), {
      slideNumber: true,
      footer: 'Confidential',
      notOnTitleSlide: false,
      scope: 'all',
    });
    expect(footers(pres)).toEqual([
      ['1', 'Confidential'],
      ['2', 'Confidential'],
      ['3', 'Confidential'],
    ]);
    const number = pres.slides[1]!.shapes.find((s) => s.name.startsWith('Slide Number'));
    expect(number).toMatchObject({ kind: 'placeholder', placeholder: { type: 'sldNum', idx: 12 } });
    pres = setHeaderFooter(pres, { slideNumber: true, footer: null, notOnTitleSlide: true, scope: 'all' });
    expect(footers(pres)).toEqual([
      [null, null],
      ['2', null],
      ['3', null],
    ]);
    // The other shapes are kept as they were.
    expect(canvasState(pres).slides.map((s) => s.shapes.length)).toEqual([2, 3, 3]);
    // A slide-number field shows the slide's current number after the slides move.
    expect(footers(moveSlide(pres, 2, 1))).toEqual([
      [null, null],
      ['2', null],
      ['3', null],
    ]);
    expect(canvasState(moveSlide(pres, 2, 1)).slides.map((s) => s.title)).toEqual(['Cover', 'Three', 'Two']);
  });

  it('Apply changes only the selected slide, and survives a .pptx round trip', () => {
    const pres = setHeaderFooter(selectSlide(deck(), 2), {
      slideNumber: false,
      footer: 'Draft',
      notOnTitleSlide: false,
      scope: 'selected',
    });
    expect(footers(pres)).toEqual([
      [null, null],
      [null, null],
      [null, 'Draft'],
    ]);
    const numbered = setHeaderFooter(pres, {
      slideNumber: true,
      footer: null,
      notOnTitleSlide: false,
      scope: 'all',
    });
    expect(footers(importPptx(exportPptx(numbered)))).toEqual(footers(numbered));
  });

  it('the dialog opens from Insert > Header & Footer and Slide Number; the keyboard ticks its check boxes', () => {
    const d = driver({ slides: [{ title: 'Cover' }, { title: 'Two', body: 'a' }] });
    d.act('Insert');
    d.act('Slide Number');
    expect(d.has('Apply to All')).toBe(true);
    d.keys('{ESC}');
    d.act('Header & Footer');
    d.keys('{SPACE}'); // Slide number
    d.keys('{TAB}{SPACE}'); // Footer
    d.act('Footer text', 'set_edit_text', { text: 'Internal' });
    d.act('Apply to All');
    expect(footers(d.state().pres)).toEqual([
      ['1', 'Internal'],
      ['2', 'Internal'],
    ]);
    // Reopened, it shows the slide's settings; clearing Footer and applying to one slide takes it off there.
    d.act('Header & Footer');
    d.keys('{TAB}{SPACE}');
    d.act('Apply');
    expect(footers(d.state().pres)).toEqual([
      ['1', null],
      ['2', 'Internal'],
    ]);
  });
});
