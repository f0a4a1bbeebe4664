import { describe, expect, it } from 'vitest';
import { createPresentation } from '../../envs/powerpoint/model/builder.ts';
import { canvasState } from '../../envs/powerpoint/model/canvas.ts';
import { parseColor, resolveColor } from '../../envs/powerpoint/model/colors.ts';
import {
  addAnimation,
  removeAnimations,
  setAnimation,
} from '../../envs/powerpoint/model/operations/animations.ts';
import {
  applyColorScheme,
  applyFontScheme,
  applyTheme,
  applyVariant,
  setBackground,
  setSlideSize,
} from '../../envs/powerpoint/model/operations/design.ts';
import {
  applyTransitionToAll,
  setTransition,
  setTransitionTiming,
} from '../../envs/powerpoint/model/operations/transitions.ts';
import { setBackgroundColor } from '../../envs/powerpoint/model/operations/ufo.ts';
import { newSlide } from '../../envs/powerpoint/model/operations/slides.ts';
import type { Presentation } from '../../envs/powerpoint/model/types.ts';
import { expectRefused } from './helpers.ts';

function deck(): Presentation {
  return createPresentation({
    slides: [
      { title: 'One', subtitle: 'sub' },
      { title: 'Two', body: 'text' },
      { title: 'Three', body: 'more' },
    ],
  });
}

describe('colours', () => {
  it('parses hex, names, rgb() and theme colours', () => {
    expect(parseColor('ff0000')).toBe('#FF0000');
    expect(parseColor('#0f0')).toBe('#00FF00');
    expect(parseColor('Dark Blue')).toBe('#002060');
    expect(parseColor('rgb(1, 2, 3)')).toBe('#010203');
    expect(parseColor('Accent 2')).toBe('accent2');
    expect(parseColor('accent1/lighter40')).toBe('accent1/lighter40');
    expect(() => parseColor('accent1/lighter100')).toThrow(/is not a colour/);
    expect(() => parseColor(12, 'fill color')).toThrow(/fill color must be a colour string/);
  });

  it('resolves theme colours through the scheme, the colour map and luminance', () => {
    const pres = deck();
    expect(resolveColor('accent1', pres.theme)).toBe('#4472C4');
    expect(resolveColor('tx1', pres.theme)).toBe('#000000');
    expect(resolveColor('tx1', { ...pres.theme, colorMap: 'dark' })).toBe('#FFFFFF');
    expect(resolveColor('accent1/darker50', pres.theme)).toBe('#203864');
    expect(resolveColor('accent1/lighter40', pres.theme)).toBe('#8FAADC');
  });
});

describe('themes and variants', () => {
  it('a theme brings colours, fonts and background; theme colours follow, RGB stays', () => {
    let pres = createPresentation({
      slides: [
        {
          layout: 'Title Only',
          title: 'x',
          shapes: [{ type: 'Oval', x: 1, y: 1 }],
          textBoxes: [{ text: [{ text: 'red', color: 'red' }] }],
        },
      ],
    });
    pres = applyTheme(pres, 'Ion', 1);
    const state = canvasState(pres);
    expect(state.theme).toMatchObject({ name: 'Ion', variant: 1, heading_font: 'Century Gothic' });
    const [title, box, oval] = state.slides[0]!.shapes;
    expect(oval!.fill).toEqual({ type: 'solid', color: '#B01513', theme_color: 'accent1' });
    expect(title!.text![0]!.runs[0]!.font).toBe('Century Gothic');
    expect(title!.text![0]!.runs[0]!.color).toBe('#FFFFFF');
    expect(box!.text![0]!.runs[0]!.color).toBe('#FF0000');
    expect(state.slides[0]!.background).toMatchObject({
      follows_master: true,
      color: '#1E5155',
      theme_color: 'bg2',
    });
  });

  it('variants, colour schemes and font schemes change only their part', () => {
    let pres = applyTheme(deck(), 'Facet');
    pres = applyVariant(pres, 2);
    expect(pres.theme).toMatchObject({ name: 'Facet', variant: 2 });
    expect(pres.theme.colors.name).toBe('Blue');
    pres = applyFontScheme(pres, 'Georgia');
    expect(pres.theme.fonts).toEqual({ name: 'Georgia', major: 'Georgia', minor: 'Georgia' });
    expect(pres.theme.colors.name).toBe('Blue');
    pres = applyColorScheme(pres, 'red');
    expect(canvasState(pres).theme.colors).toBe('Red');
    expect(pres.theme.fonts.name).toBe('Georgia');
  });

  it('refuses unknown themes, variants and schemes', () => {
    const pres = deck();
    expectRefused(pres, (p) => applyTheme(p, 'Sparkle'), 'UNKNOWN_THEME', /unknown theme "Sparkle".*Facet/);
    expectRefused(pres, (p) => applyVariant(p, 5), 'INVALID_ARGUMENT', /variants 1-4; got 5/);
    expectRefused(pres, (p) => applyColorScheme(p, 'Puce'), 'UNKNOWN_THEME', /colour scheme "Puce"/);
    expectRefused(pres, (p) => applyFontScheme(p, 'Comic'), 'UNKNOWN_THEME', /font scheme "Comic"/);
  });
});

describe('backgrounds', () => {
  it('Format Background sets the selected slide; Apply to All sets the master; Reset follows it again', () => {
    let pres = setBackground(deck(), { fill: { type: 'solid', color: 'FFC000' }, slides: 1 });
    let state = canvasState(pres);
    expect(state.slides.map((s) => s.background.follows_master)).toEqual([true, false, true]);
    expect(state.slides[1]!.background.color).toBe('#FFC000');
    pres = setBackground(pres, {
      fill: {
        type: 'gradient',
        gradientType: 'linear',
        angle: 450,
        stops: [
          { position: 0, color: 'white' },
          { position: 100, color: 'accent1' },
        ],
      },
      slides: 'all',
    });
    state = canvasState(pres);
    expect(state.slides.every((s) => s.background.follows_master && s.background.type === 'gradient')).toBe(
      true,
    );
    expect(pres.master.background).toMatchObject({ angle: 90 });
    pres = newSlide(pres);
    expect(canvasState(pres).slides[1]!.background.type).toBe('gradient');
    pres = setBackground(pres, { fill: null, slides: 'all' });
    expect(canvasState(pres).slides[0]!.background).toMatchObject({ type: 'solid', color: '#FFFFFF' });
  });

  it('refuses bad fills and changes nothing', () => {
    const pres = deck();
    expectRefused(
      pres,
      (p) => setBackground(p, { fill: { type: 'none' } }),
      'INVALID_ARGUMENT',
      /cannot be "no fill"/,
    );
    expectRefused(
      pres,
      (p) => setBackground(p, { fill: { type: 'solid', color: 'nope' } }),
      'INVALID_COLOR',
      /setBackground: color "nope"/,
    );
    expectRefused(
      pres,
      (p) =>
        setBackground(p, {
          fill: {
            type: 'gradient',
            gradientType: 'linear',
            angle: 0,
            stops: [{ position: 0, color: 'red' }],
          },
        }),
      'INVALID_ARGUMENT',
      /at least two stops/,
    );
    expectRefused(
      pres,
      (p) => setBackground(p, { fill: { type: 'solid', color: 'red' }, slides: [7] }),
      'SLIDE_NOT_FOUND',
      /index 7/,
    );
  });

  it("UFO's set_background_color takes 1-based slide numbers, all slides by default, and RGB colours only", () => {
    const { presentation, message } = setBackgroundColor(deck(), 'FFFF00', [1, 3]);
    expect(canvasState(presentation).slides.map((s) => s.background.color)).toEqual([
      '#FFFF00',
      '#FFFFFF',
      '#FFFF00',
    ]);
    expect(message).toBe('Successfully Set the background color to FFFF00 for slide(s) [1, 3].');
    const all = setBackgroundColor(deck(), 'blue').presentation;
    expect(all.slides.every((s) => s.background?.type === 'solid' && s.background.color === '#0070C0')).toBe(
      true,
    );
    expectRefused(
      deck(),
      (p) => setBackgroundColor(p, 'FFFF00', [0]),
      'SLIDE_NOT_FOUND',
      /slide_index 0 .* numbered 1-3/,
    );
    expectRefused(deck(), (p) => setBackgroundColor(p, 'accent1'), 'INVALID_COLOR', /RGB colour/);
    expectRefused(
      createPresentation({ slides: [] }),
      (p) => setBackgroundColor(p, 'FFFFFF'),
      'SLIDE_NOT_FOUND',
      /has no slides/,
    );
  });
});

describe('transitions', () => {
  it('picks an effect with its default options and duration, keeps Advance Slide settings', () => {
    let pres = setTransitionTiming(deck(), { advanceAfter: 5, slides: 0 });
    expect(pres.slides[0]!.transition).toEqual({
      type: 'None',
      duration: 0,
      advanceOnClick: true,
      advanceAfter: 5,
    });
    pres = setTransition(pres, { type: 'push', effect: 'from left', slides: 0 });
    expect(pres.slides[0]!.transition).toEqual({
      type: 'Push',
      effect: 'From Left',
      duration: 1,
      advanceOnClick: true,
      advanceAfter: 5,
    });
    pres = setTransitionTiming(pres, { duration: 2.5, advanceOnClick: false, slides: 0 });
    pres = applyTransitionToAll(pres, 0);
    expect(canvasState(pres).slides.map((s) => s.transition)).toEqual(
      Array(3).fill({ type: 'Push', effect: 'From Left', duration: 2.5, on_click: false, after: 5 }),
    );
    pres = setTransition(pres, { type: 'None', slides: 'all' });
    expect(pres.slides[1]!.transition?.type).toBe('None');
    const cleared = setTransitionTiming(pres, { advanceAfter: null, advanceOnClick: true, slides: 'all' });
    expect(cleared.slides.map((s) => s.transition)).toEqual([null, null, null]);
  });

  it('refuses unknown effects, options and durations', () => {
    const pres = deck();
    expectRefused(
      pres,
      (p) => setTransition(p, { type: 'Spin' }),
      'UNKNOWN_TRANSITION',
      /unknown transition "Spin".*Morph, Fade/,
    );
    expectRefused(
      pres,
      (p) => setTransition(p, { type: 'Fade', effect: 'Sideways' }),
      'INVALID_ARGUMENT',
      /Effect Options are Smoothly, Through Black/,
    );
    expectRefused(
      pres,
      (p) => setTransition(p, { type: 'Vortex', effect: 'Left' }),
      'INVALID_ARGUMENT',
      /no Effect Options/,
    );
    expectRefused(
      pres,
      (p) => setTransition(p, { type: 'Fade', duration: 99 }),
      'INVALID_ARGUMENT',
      /duration must be 0-59.99 seconds/,
    );
    expectRefused(
      pres,
      (p) => setTransitionTiming(p, { duration: 1 }),
      'INVALID_ARGUMENT',
      /has no transition effect/,
    );
  });
});

describe('animations', () => {
  it('the gallery replaces a shape’s effect; Add Animation appends; None removes', () => {
    let pres = deck();
    pres = setAnimation(pres, { effect: 'fly in', shapeId: 2 });
    pres = addAnimation(pres, { effect: 'Fade', shapeId: 3, trigger: 'After Previous', delay: 0.25 });
    pres = setAnimation(pres, { effect: 'Zoom', shapeId: 2 });
    expect(pres.slides[0]!.animations).toEqual([
      { shapeId: 2, effect: 'Zoom', trigger: 'On Click', duration: 0.5, delay: 0 },
      { shapeId: 3, effect: 'Fade', trigger: 'After Previous', duration: 0.5, delay: 0.25 },
    ]);
    expect(canvasState(pres).slides[0]!.shapes[1]!.animation).toEqual([
      'Fade (After Previous, 0.5s, delay 0.25s)',
    ]);
    pres = removeAnimations(pres, { shapeId: 2 });
    expect(pres.slides[0]!.animations.map((a) => a.shapeId)).toEqual([3]);
  });

  it('refuses unknown effects, triggers, shapes and timings', () => {
    const pres = deck();
    expectRefused(
      pres,
      (p) => setAnimation(p, { effect: 'Explode', shapeId: 2 }),
      'INVALID_ARGUMENT',
      /unknown entrance effect "Explode"/,
    );
    expectRefused(pres, (p) => setAnimation(p, { effect: 'Fade' }), 'NO_SELECTION', /select one shape/);
    expectRefused(pres, (p) => setAnimation(p, { effect: 'Fade', shapeId: 9 }), 'SHAPE_NOT_FOUND', /id 9/);
    expectRefused(
      pres,
      (p) => addAnimation(p, { effect: 'Fade', shapeId: 2, trigger: 'Later' as 'On Click' }),
      'INVALID_ARGUMENT',
      /Start must be one of/,
    );
    expectRefused(
      pres,
      (p) => addAnimation(p, { effect: 'Fade', shapeId: 2, duration: -1 }),
      'INVALID_ARGUMENT',
      /duration must be 0-59.99/,
    );
  });
});

describe('slide size', () => {
  it('scales content to fit and re-lays the layouts out', () => {
    const pres = setSlideSize(deck(), 'standard');
    expect(canvasState(pres).slide_size).toEqual({ name: 'Standard (4:3)', width: 10, height: 7.5 });
    const title = pres.slides[1]!.shapes[0]!;
    const layoutTitle = pres.master.layouts[1]!.placeholders[0]!;
    expect(title.width).toBeLessThan(9144000);
    expect(layoutTitle.width).toBe(Math.round((10515600 * 9144000) / 12192000));
    expectRefused(pres, (p) => setSlideSize(p, { width: 10, height: 10 }), 'INVALID_ARGUMENT', /1-56 inches/);
  });
});
