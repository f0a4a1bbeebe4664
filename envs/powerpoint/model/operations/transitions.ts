/** Transitions tab: effect, Effect Options, Duration, Advance Slide, Apply To All. */
import { copyData } from '../draft.ts';
import { fail } from '../errors.ts';
import { produce, slideIndexArg } from '../presentation.ts';
import { TRANSITION_TYPES } from '../types.ts';
import type { Presentation, Transition, TransitionType } from '../types.ts';
import { slideIndicesArg } from './slides.ts';

const EIGHT_WAYS = [
  'From Right',
  'From Top',
  'From Left',
  'From Bottom',
  'From Top-Right',
  'From Bottom-Right',
  'From Top-Left',
  'From Bottom-Left',
];

/**
 * Each effect's Effect Options (the first is the default) and default duration in seconds. Effects listed
 * with no options have none in this model (PowerPoint offers some for a few of them).
 */
export const TRANSITION_CATALOG: Readonly<
  Record<TransitionType, { effects: readonly string[]; duration: number }>
> = {
  None: { effects: [], duration: 0 },
  Morph: { effects: ['Objects', 'Words', 'Characters'], duration: 2 },
  Fade: { effects: ['Smoothly', 'Through Black'], duration: 0.7 },
  Push: { effects: ['From Bottom', 'From Left', 'From Right', 'From Top'], duration: 1 },
  Wipe: { effects: EIGHT_WAYS, duration: 1 },
  Split: { effects: ['Vertical Out', 'Vertical In', 'Horizontal Out', 'Horizontal In'], duration: 1.5 },
  Reveal: {
    effects: [
      'Smoothly From Right',
      'Smoothly From Left',
      'Through Black From Right',
      'Through Black From Left',
    ],
    duration: 1.6,
  },
  Cut: { effects: ['Cut', 'Through Black'], duration: 0.1 },
  'Random Bars': { effects: ['Vertical', 'Horizontal'], duration: 1 },
  Shape: { effects: ['Circle', 'Diamond', 'Plus', 'In', 'Out'], duration: 2 },
  Uncover: { effects: EIGHT_WAYS, duration: 1 },
  Cover: { effects: EIGHT_WAYS, duration: 1 },
  Flash: { effects: [], duration: 1 },
  Dissolve: { effects: [], duration: 1.2 },
  Checkerboard: { effects: ['From Left', 'From Top'], duration: 1.5 },
  Blinds: { effects: ['Vertical', 'Horizontal'], duration: 1.6 },
  Clock: { effects: ['Clockwise', 'Counterclockwise', 'Wedge'], duration: 2 },
  Ripple: { effects: [], duration: 1.4 },
  Honeycomb: { effects: [], duration: 3 },
  Glitter: { effects: [], duration: 2.5 },
  Vortex: { effects: [], duration: 3 },
  Shred: { effects: [], duration: 3 },
  Switch: { effects: [], duration: 1.3 },
  Flip: { effects: [], duration: 1.25 },
  Gallery: { effects: [], duration: 1.6 },
  Cube: { effects: [], duration: 1.5 },
  Doors: { effects: [], duration: 1.4 },
  Box: { effects: [], duration: 1.5 },
  Comb: { effects: ['Horizontal', 'Vertical'], duration: 0.8 },
  Zoom: { effects: [], duration: 1.5 },
  Random: { effects: [], duration: 1 },
  Pan: { effects: [], duration: 1.5 },
  'Ferris Wheel': { effects: [], duration: 2 },
  Conveyor: { effects: [], duration: 2 },
  Window: { effects: [], duration: 1.5 },
  'Fly Through': { effects: [], duration: 1 },
  'Fall Over': { effects: [], duration: 2 },
  Drape: { effects: [], duration: 2 },
  Curtains: { effects: [], duration: 2.5 },
  Wind: { effects: [], duration: 2 },
  Prestige: { effects: [], duration: 2 },
  Fracture: { effects: [], duration: 2 },
  Crush: { effects: [], duration: 2 },
  'Peel Off': { effects: [], duration: 1.5 },
  'Page Curl': { effects: [], duration: 2 },
  Airplane: { effects: [], duration: 2 },
  Origami: { effects: [], duration: 2 },
};

export function resolveTransitionType(name: string): TransitionType {
  const key = typeof name === 'string' ? name.trim().toLowerCase() : '';
  const found = TRANSITION_TYPES.find((t) => t.toLowerCase() === key);
  if (!found) {
    return fail(
      'UNKNOWN_TRANSITION',
      `unknown transition ${JSON.stringify(name)}; the gallery has: ${TRANSITION_TYPES.join(', ')}`,
    );
  }
  return found;
}

function resolveEffect(type: TransitionType, effect: string | undefined): string | undefined {
  const options = TRANSITION_CATALOG[type].effects;
  if (effect === undefined) return options[0];
  const found = options.find((o) => o.toLowerCase() === effect.trim().toLowerCase());
  if (!found) {
    return fail(
      'INVALID_ARGUMENT',
      options.length === 0
        ? `the ${type} transition has no Effect Options here; got ${JSON.stringify(effect)}`
        : `the ${type} transition's Effect Options are ${options.join(', ')}; got ${JSON.stringify(effect)}`,
    );
  }
  return found;
}

function checkSeconds(value: number, where: string, max: number): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= max)) {
    fail('INVALID_ARGUMENT', `${where} must be 0-${max} seconds; got ${JSON.stringify(value)}`);
  }
}

type SlideTargets = number[] | number | 'all' | undefined;

function targets(pres: Presentation, slides: SlideTargets, where: string): number[] {
  return slides === 'all' ? pres.slides.map((_, i) => i) : slideIndicesArg(pres, slides, where);
}

/** A transition left with nothing in it (no effect, advance on click only) is stored as none. */
function tidy(t: Transition): Transition | null {
  return t.type === 'None' && t.advanceOnClick && t.advanceAfter === null ? null : t;
}

/**
 * Picks a transition from the gallery (and optionally its Effect Options and Duration) for slides (default:
 * the selected slides; 'all' = Apply To All). The duration resets to the new effect's default unless
 * given; the Advance Slide settings are kept.
 */
export function setTransition(
  pres: Presentation,
  options: { type: string; effect?: string; duration?: number; slides?: SlideTargets },
): Presentation {
  const type = resolveTransitionType(options.type);
  const effect = resolveEffect(type, options.effect);
  if (options.duration !== undefined) {
    if (type === 'None') fail('INVALID_ARGUMENT', 'setTransition: the None transition has no duration');
    checkSeconds(options.duration, 'setTransition: duration', 59.99);
  }
  const list = targets(pres, options.slides, 'setTransition');
  return produce(pres, (draft) => {
    for (const i of list) {
      const slide = draft.slides[i]!;
      const t: Transition = {
        type,
        duration: options.duration ?? TRANSITION_CATALOG[type].duration,
        advanceOnClick: slide.transition?.advanceOnClick ?? true,
        advanceAfter: slide.transition?.advanceAfter ?? null,
      };
      if (effect !== undefined) t.effect = effect;
      slide.transition = tidy(t);
    }
  });
}

/** Transitions > Timing: Duration, On Mouse Click, After (null unticks it). */
export function setTransitionTiming(
  pres: Presentation,
  options: {
    duration?: number;
    advanceOnClick?: boolean;
    advanceAfter?: number | null;
    slides?: SlideTargets;
  },
): Presentation {
  if (options.duration !== undefined) checkSeconds(options.duration, 'setTransitionTiming: duration', 59.99);
  if (options.advanceAfter !== undefined && options.advanceAfter !== null) {
    checkSeconds(options.advanceAfter, 'setTransitionTiming: advanceAfter', 86399);
  }
  if (options.advanceOnClick !== undefined && typeof options.advanceOnClick !== 'boolean') {
    fail('INVALID_ARGUMENT', 'setTransitionTiming: advanceOnClick must be true or false');
  }
  const list = targets(pres, options.slides, 'setTransitionTiming');
  for (const i of list) {
    const t = pres.slides[i]!.transition;
    if (options.duration !== undefined && (!t || t.type === 'None')) {
      fail(
        'INVALID_ARGUMENT',
        `setTransitionTiming: slide ${i + 1} has no transition effect, so it has no duration; pick a transition first`,
      );
    }
  }
  return produce(pres, (draft) => {
    for (const i of list) {
      const slide = draft.slides[i]!;
      const t: Transition = slide.transition ?? {
        type: 'None',
        duration: 0,
        advanceOnClick: true,
        advanceAfter: null,
      };
      if (options.duration !== undefined) t.duration = options.duration;
      if (options.advanceOnClick !== undefined) t.advanceOnClick = options.advanceOnClick;
      if (options.advanceAfter !== undefined) t.advanceAfter = options.advanceAfter;
      slide.transition = tidy(t);
    }
  });
}

/** Transitions > Apply To All: every slide gets the transition (effect and timing) of slide `fromIndex`. */
export function applyTransitionToAll(pres: Presentation, fromIndex?: number): Presentation {
  const src = pres.slides[slideIndexArg(pres, fromIndex, 'applyTransitionToAll')]!.transition;
  return produce(pres, (draft) => {
    for (const s of draft.slides) s.transition = src ? copyData(src) : null;
  });
}
