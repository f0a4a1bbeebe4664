/** Design tab: themes, variants (colours, fonts), Format Background, Slide Size. */
import { copyData } from '../draft.ts';
import { fail } from '../errors.ts';
import { buildLayouts } from '../layouts.ts';
import { produce } from '../presentation.ts';
import {
  buildTheme,
  findColorScheme,
  findFontScheme,
  findThemeDefinition,
  themeVariant,
  THEMES,
} from '../themes.ts';
import { SLIDE_SIZES } from '../units.ts';
import type { SlideSizePreset } from '../units.ts';
import type { Fill, Presentation, SlideSize } from '../types.ts';
import { checkFill } from './shapes.ts';
import { slideIndicesArg } from './slides.ts';

/**
 * Design > Themes: applies a theme (and variant, default 1) to every slide. The theme brings its colours,
 * fonts and background; theme colours and fonts in the slides follow it, direct RGB formatting and
 * slide-specific backgrounds stay, as in PowerPoint.
 */
export function applyTheme(pres: Presentation, name: string, variant = 1): Presentation {
  const { theme, background } = buildTheme(name, variant);
  return produce(pres, (draft) => {
    draft.theme = theme;
    draft.master.background = background;
  });
}

/** Design > Variants: one of the current theme's four variants. */
export function applyVariant(pres: Presentation, variant: number): Presentation {
  const known = THEMES.some((t) => t.name === pres.theme.name);
  if (!known) {
    fail(
      'UNKNOWN_THEME',
      `applyVariant: the theme "${pres.theme.name}" came from a file and has no variants here; apply a built-in theme first`,
    );
  }
  themeVariant(findThemeDefinition(pres.theme.name), variant);
  return applyTheme(pres, pres.theme.name, variant);
}

/** Design > Variants > Colors. */
export function applyColorScheme(pres: Presentation, name: string): Presentation {
  const colors = findColorScheme(name);
  return produce(pres, (draft) => {
    draft.theme.colors = copyData(colors);
  });
}

/** Design > Variants > Fonts. */
export function applyFontScheme(pres: Presentation, name: string): Presentation {
  const fonts = findFontScheme(name);
  return produce(pres, (draft) => {
    draft.theme.fonts = copyData(fonts);
  });
}

/** The background the theme (variant) itself gives, for Reset Background. */
function themeBackground(pres: Presentation): Fill {
  if (!THEMES.some((t) => t.name === pres.theme.name)) return copyData(pres.master.background);
  return buildTheme(pres.theme.name, pres.theme.variant).background;
}

/**
 * Format Background. `fill` null is Reset Background (the slide follows the master again). `slides: 'all'`
 * is Apply to All: the fill becomes the master's background, which every slide then follows (including slides
 * added later); otherwise it applies to the given slides (default: the selected ones).
 */
export function setBackground(
  pres: Presentation,
  options: { fill: Fill | null; slides?: number[] | number | 'all' },
): Presentation {
  const fill = options.fill === null ? null : checkFill(options.fill, 'setBackground');
  if (fill?.type === 'none')
    fail(
      'INVALID_ARGUMENT',
      'setBackground: a slide background cannot be "no fill"; use a solid, gradient or pattern fill',
    );
  if (options.slides === 'all') {
    return produce(pres, (draft) => {
      draft.master.background = fill ?? themeBackground(draft);
      for (const s of draft.slides) s.background = null;
    });
  }
  const list = slideIndicesArg(pres, options.slides, 'setBackground');
  return produce(pres, (draft) => {
    for (const i of list) draft.slides[i]!.background = fill ? copyData(fill) : null;
  });
}

/**
 * Design > Slide Size. Content is scaled uniformly and centred: 'ensureFit' (the default) keeps everything on
 * the slide, 'maximize' scales by the larger ratio. Layout placeholders are re-laid out for the new size.
 */
export function setSlideSize(
  pres: Presentation,
  size: SlideSizePreset | SlideSize,
  mode: 'ensureFit' | 'maximize' = 'ensureFit',
): Presentation {
  const next: SlideSize = typeof size === 'string' ? SLIDE_SIZES[size] : size;
  if (
    !next ||
    !(next.width >= 914400 && next.width <= 51206400 && next.height >= 914400 && next.height <= 51206400)
  ) {
    fail(
      'INVALID_ARGUMENT',
      `setSlideSize: size must be "widescreen", "standard" or {width, height} of 1-56 inches in EMUs; got ${JSON.stringify(size)}`,
    );
  }
  const sx = next.width / pres.slideSize.width;
  const sy = next.height / pres.slideSize.height;
  const k = mode === 'maximize' ? Math.max(sx, sy) : Math.min(sx, sy);
  const dx = (next.width - pres.slideSize.width * k) / 2;
  const dy = (next.height - pres.slideSize.height * k) / 2;
  return produce(pres, (draft) => {
    draft.slideSize = { width: Math.round(next.width), height: Math.round(next.height) };
    draft.master.layouts = buildLayouts(draft.slideSize);
    for (const slide of draft.slides) {
      for (const s of slide.shapes) {
        s.x = Math.round(s.x * k + dx);
        s.y = Math.round(s.y * k + dy);
        s.width = Math.round(s.width * k);
        s.height = Math.round(s.height * k);
        if (s.kind === 'table') {
          s.table.columnWidths = s.table.columnWidths.map((w) => Math.round(w * k));
          s.table.rowHeights = s.table.rowHeights.map((h) => Math.round(h * k));
        }
      }
    }
  });
}
