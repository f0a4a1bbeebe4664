/** Animations tab, entrance effects only: the gallery (replace), Add Animation (append), remove, timing. */
import { fail } from '../errors.ts';
import { getShape, produce, slideIndexArg } from '../presentation.ts';
import { ENTRANCE_EFFECTS } from '../types.ts';
import type { Animation, AnimationTrigger, EntranceEffect, Presentation } from '../types.ts';

/** Default durations (seconds) of the entrance effects. */
export const ENTRANCE_DURATIONS: Readonly<Record<EntranceEffect, number>> = {
  Appear: 0,
  Fade: 0.5,
  'Fly In': 0.5,
  'Float In': 1,
  Split: 0.5,
  Wipe: 0.5,
  Shape: 2,
  Wheel: 2,
  'Random Bars': 0.5,
  'Grow & Turn': 0.5,
  Zoom: 0.5,
  Swivel: 2,
  Bounce: 2,
};

const TRIGGERS: AnimationTrigger[] = ['On Click', 'With Previous', 'After Previous'];

export function resolveEntranceEffect(name: string): EntranceEffect {
  const key = typeof name === 'string' ? name.trim().toLowerCase() : '';
  const found = ENTRANCE_EFFECTS.find((e) => e.toLowerCase() === key);
  if (!found)
    fail(
      'INVALID_ARGUMENT',
      `unknown entrance effect ${JSON.stringify(name)}; choose one of: ${ENTRANCE_EFFECTS.join(', ')}`,
    );
  return found;
}

export interface AnimationOptions {
  effect: string;
  slideIndex?: number;
  /** Default: the selected shape. */
  shapeId?: number;
  trigger?: AnimationTrigger;
  duration?: number;
  delay?: number;
}

function build(
  pres: Presentation,
  options: AnimationOptions,
  where: string,
): { index: number; animation: Animation } {
  const effect = resolveEntranceEffect(options.effect);
  const index = slideIndexArg(pres, options.slideIndex, where);
  const slide = pres.slides[index]!;
  const shapeId =
    options.shapeId ??
    (slide.id === pres.selection.slideId && pres.selection.shapeIds.length === 1
      ? pres.selection.shapeIds[0]
      : undefined);
  if (shapeId === undefined) fail('NO_SELECTION', `${where}: select one shape to animate (or give shapeId)`);
  getShape(slide, shapeId, where);
  const trigger = options.trigger ?? 'On Click';
  if (!TRIGGERS.includes(trigger))
    fail(
      'INVALID_ARGUMENT',
      `${where}: Start must be one of ${TRIGGERS.join(', ')}; got ${JSON.stringify(trigger)}`,
    );
  for (const k of ['duration', 'delay'] as const) {
    const v = options[k];
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= 59.99))
      fail('INVALID_ARGUMENT', `${where}: ${k} must be 0-59.99 seconds; got ${JSON.stringify(v)}`);
  }
  return {
    index,
    animation: {
      shapeId,
      effect,
      trigger,
      duration: options.duration ?? ENTRANCE_DURATIONS[effect],
      delay: options.delay ?? 0,
    },
  };
}

/** Picking from the Animation gallery: replaces the shape's effects with this one. */
export function setAnimation(pres: Presentation, options: AnimationOptions): Presentation {
  const { index, animation } = build(pres, options, 'setAnimation');
  return produce(pres, (draft) => {
    const slide = draft.slides[index]!;
    const at = slide.animations.findIndex((a) => a.shapeId === animation.shapeId);
    slide.animations = slide.animations.filter((a) => a.shapeId !== animation.shapeId);
    slide.animations.splice(at < 0 ? slide.animations.length : at, 0, animation);
  });
}

/** Add Animation: appends an effect to the slide's animation order. */
export function addAnimation(pres: Presentation, options: AnimationOptions): Presentation {
  const { index, animation } = build(pres, options, 'addAnimation');
  return produce(pres, (draft) => {
    draft.slides[index]!.animations.push(animation);
  });
}

/** Animation gallery > None: removes a shape's effects (default: the selected shape's). */
export function removeAnimations(
  pres: Presentation,
  options: { slideIndex?: number; shapeId?: number } = {},
): Presentation {
  const index = slideIndexArg(pres, options.slideIndex, 'removeAnimations');
  const slide = pres.slides[index]!;
  const shapeId =
    options.shapeId ?? (slide.id === pres.selection.slideId ? pres.selection.shapeIds[0] : undefined);
  if (shapeId === undefined) fail('NO_SELECTION', 'removeAnimations: select a shape (or give shapeId)');
  return produce(pres, (draft) => {
    const s = draft.slides[index]!;
    s.animations = s.animations.filter((a) => a.shapeId !== shapeId);
  });
}
