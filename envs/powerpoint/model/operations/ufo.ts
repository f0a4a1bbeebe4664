/**
 * UFO's PowerPoint API `set_background_color(color, slide_index)` (UFO v2 `powerpointclient.py`): a hex RGB
 * colour, a list of 1-based slide numbers, all slides when none are given; each slide gets its own solid
 * background (COM: FollowMasterBackground = False). UFO skips out-of-range numbers silently; here they are an
 * error, so an agent learns from the mistake. Colour names are accepted too.
 */
import { parseColor } from '../colors.ts';
import { fail } from '../errors.ts';
import { produce } from '../presentation.ts';
import type { Presentation } from '../types.ts';

export function setBackgroundColor(
  pres: Presentation,
  color: string,
  slideIndex?: number[] | number | null,
): { presentation: Presentation; message: string } {
  const rgb = parseColor(color, 'set_background_color: color');
  if (!rgb.startsWith('#')) {
    fail(
      'INVALID_COLOR',
      `set_background_color: color must be an RGB colour such as "FFFFFF"; got the theme colour ${JSON.stringify(color)}`,
    );
  }
  if (pres.slides.length === 0)
    fail('SLIDE_NOT_FOUND', 'set_background_color: the presentation has no slides');
  const list =
    slideIndex === undefined || slideIndex === null
      ? []
      : Array.isArray(slideIndex)
        ? slideIndex
        : [slideIndex];
  const numbers = list.length === 0 ? pres.slides.map((_, i) => i + 1) : list;
  for (const n of numbers) {
    if (!Number.isInteger(n) || n < 1 || n > pres.slides.length) {
      fail(
        'SLIDE_NOT_FOUND',
        `set_background_color: slide_index ${JSON.stringify(n)} is not a slide number; slides are numbered 1-${pres.slides.length}`,
      );
    }
  }
  const presentation = produce(pres, (draft) => {
    for (const n of numbers) draft.slides[n - 1]!.background = { type: 'solid', color: rgb };
  });
  return {
    presentation,
    message: `Successfully Set the background color to ${typeof color === 'string' ? color : rgb} for slide(s) [${numbers.join(', ')}].`,
  };
}
