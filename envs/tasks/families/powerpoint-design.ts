/**
 * PowerPoint families about design and inserted objects: themes, variants, theme colours and fonts, slide
 * backgrounds, transitions (type, Apply To All, duration, Effect Options, automatic advance), animations,
 * inserting shapes, text boxes and tables, the slide size, slide numbers and footers (Header & Footer), two
 * questions, and two requests that need an online service this PowerPoint does not have. Evaluators read the
 * canvas (model/canvas.ts) and compare the slides before and after, so a change the task did not ask for fails.
 */
import type { Generator } from 'gymnasium-ts';
import { parseColor, STANDARD_COLORS } from '../../powerpoint/model/colors.ts';
import type { CanvasShape, CanvasSlide, CanvasState } from '../../powerpoint/model/canvas.ts';
import { TRANSITION_CATALOG } from '../../powerpoint/model/operations/transitions.ts';
import { SHAPE_CATALOG } from '../../powerpoint/model/shapes.ts';
import { COLOR_SCHEMES, FONT_SCHEMES, THEMES } from '../../powerpoint/model/themes.ts';
import { ENTRANCE_EFFECTS, TRANSITION_TYPES } from '../../powerpoint/model/types.ts';
import type { OracleStep } from '../schema.ts';
import type { EpisodeEvidence, TaskFamily, Verdict } from '../family.ts';
import {
  click,
  failStep,
  goToSlide,
  judge,
  keys,
  numbered,
  pick,
  pickDistinct,
  setText,
  summary,
  yes,
} from './kit.ts';

type AnyFamily = TaskFamily<Record<string, unknown>>;
type Scores = Record<string, Verdict>;

// ---------------------------------------------------------------------------------------------- decks

const TOPICS: readonly [string, string][] = [
  ['Project Falcon', 'Quarterly update'],
  ['Northwind Traders', 'Annual sales review'],
  ['Onboarding Guide', 'Welcome to the team'],
  ['Cloud Migration', 'Plan and milestones'],
  ['Marketing Kickoff', 'Spring campaign'],
  ['Budget 2027', 'Finance committee'],
];
const SECTION_TITLES = [
  'Agenda',
  'Results',
  'Roadmap',
  'Risks',
  'Next Steps',
  'Team',
  'Timeline',
  'Customer Feedback',
  'Open Questions',
];
const BULLETS = [
  'Revenue grew 12%',
  'Two new hires',
  'Launch in May',
  'Costs on budget',
  'Survey response rate 64%',
  'Vendor contract renewed',
  'Pilot with three customers',
  'Training sessions booked',
];

interface SlideParam {
  title: string;
  /** The subtitle of the title slide, the bullets of the others. */
  text: string;
}

/** A title slide, then `count - 1` Title and Content slides with distinct titles and two bullets each. */
function sampleSlides(rng: Generator, count: number): SlideParam[] {
  const [title, subtitle] = pick(rng, TOPICS);
  const titles = pickDistinct(rng, SECTION_TITLES, count - 1);
  return [
    { title, text: subtitle },
    ...titles.map((t) => ({ title: t, text: pickDistinct(rng, BULLETS, 2).join('\n') })),
  ];
}

/** The template's slide specs: the compact PresentationSpec form (model/builder.ts). */
function slideSpecs(slides: readonly SlideParam[]): Record<string, unknown>[] {
  return slides.map((s, i) =>
    i === 0 ? { title: s.title, subtitle: s.text } : { title: s.title, body: s.text },
  );
}

function deck(p: { slides: SlideParam[] }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...extra, slides: slideSpecs(p.slides) };
}

// ---------------------------------------------------------------------------------------------- canvas

function canvasOf(c: unknown): CanvasState | null {
  const s = c as CanvasState | null;
  return s !== null && typeof s === 'object' && Array.isArray(s.slides) ? s : null;
}

function slidesOf(c: unknown): CanvasSlide[] {
  return canvasOf(c)?.slides ?? [];
}

/**
 * A shape as JSON. Strict: all of it (text formatting, position, fill). Loose, for tasks that change the theme
 * or the slide size and so restyle or move every shape: what it holds, not how it looks.
 */
function shapeContent(s: CanvasShape, strict = true): string {
  if (strict) return JSON.stringify(s);
  return JSON.stringify([
    s.id,
    s.name,
    s.type,
    (s.text ?? []).map((p) => p.text),
    s.table?.cells ?? null,
    s.picture ?? null,
    s.animation ?? [],
  ]);
}

function slideContent(s: CanvasSlide, strict = true): string {
  return JSON.stringify([
    s.id,
    s.layout,
    s.hidden ?? false,
    s.notes ?? '',
    s.shapes.map((x) => shapeContent(x, strict)),
  ]);
}

function sameContent(before: CanvasSlide[], after: CanvasSlide[], strict = true): boolean {
  return (
    before.length === after.length &&
    before.every((b, i) => slideContent(b, strict) === slideContent(after[i]!, strict))
  );
}

/** Background and transition as JSON, to tell whether a slide's look changed. */
const backgroundKey = (s: CanvasSlide | undefined): string => JSON.stringify(s?.background ?? null);
const transitionKey = (s: CanvasSlide | undefined): string => JSON.stringify(s?.transition ?? null);

/** The slides other than `except` (1-based) keep their content, background and transition. */
function othersKept(before: CanvasSlide[], after: CanvasSlide[], except: number): boolean {
  if (before.length !== after.length) return false;
  return before.every(
    (b, i) =>
      i + 1 === except ||
      (slideContent(b) === slideContent(after[i]!) &&
        backgroundKey(b) === backgroundKey(after[i]) &&
        transitionKey(b) === transitionKey(after[i])),
  );
}

/**
 * Every slide keeps its transition and its own background; slides that follow the master may change colour
 * with the theme, but must still follow it.
 */
function looksKept(before: CanvasSlide[], after: CanvasSlide[]): boolean {
  return (
    before.length === after.length &&
    before.every((b, i) => {
      const a = after[i]!;
      const bgKept = b.background.follows_master
        ? a.background.follows_master
        : backgroundKey(a) === backgroundKey(b);
      return bgKept && transitionKey(a) === transitionKey(b);
    })
  );
}

// ---------------------------------------------------------------------------------------------- oracle steps

/** A gallery's first `inline` items show on the ribbon; the others need its More button. */
function galleryPick(items: readonly string[], inline: number, item: string): OracleStep[] {
  return items.indexOf(item) < inline ? [click(item)] : [click('More'), click(item)];
}

const selectSlideStep = (n: number): string => `In the slide thumbnail pane, select slide ${n}.`;

// ---------------------------------------------------------------------------------------------- themes

const THEME_NAMES = THEMES.map((t) => t.name);
const THEME_INLINE = 6;
/**
 * Themes a click by name reaches: not Office Theme (the starting one), not View, whose name the View tab also
 * has (the oracle clicks the first control of a name).
 */
const PICKABLE_THEMES = THEME_NAMES.filter((t) => t !== 'Office Theme' && t !== 'View');

interface ThemeParams extends Record<string, unknown> {
  slides: SlideParam[];
  theme: string;
}

const applyTheme: TaskFamily<ThemeParams> = {
  id: 'powerpoint.apply-theme',
  app: 'powerpoint',
  difficulty: 'easy',
  sample: (rng) => ({
    slides: sampleSlides(rng, 2 + rng.integers(3)),
    theme: pick(rng, PICKABLE_THEMES),
  }),
  phrasings: [
    (p) => `Apply the ${p.theme} theme to the presentation.`,
    (p) => `Change the design of all slides to the '${p.theme}' theme.`,
    (p) => `can you make this deck use the ${p.theme} look from the Design tab`,
  ],
  template: (p) => deck(p),
  refinedSteps: (p) =>
    numbered([
      'Select the **Design** tab.',
      ...(THEME_NAMES.indexOf(p.theme) < THEME_INLINE
        ? []
        : ['In the **Themes** group, select **More** to see all the themes.']),
      `In the **Themes** gallery, select '${p.theme}'.`,
    ]),
  oracle: (p) => [click('Design'), ...galleryPick(THEME_NAMES, THEME_INLINE, p.theme)],
  evaluate(p, e) {
    const after = canvasOf(e.final);
    return judge(
      {
        [`the theme is ${p.theme}`]: yes(after?.theme.name === p.theme),
        'the slides and their content are unchanged': yes(
          sameContent(slidesOf(e.initial), slidesOf(e.final), false),
        ),
        'slide backgrounds, transitions and the slide size are unchanged': yes(designKept(e)),
      },
      `the presentation uses ${p.theme}`,
    );
  },
};

function designKept(e: EpisodeEvidence): boolean {
  const a = canvasOf(e.initial);
  const b = canvasOf(e.final);
  return (
    a !== null &&
    b !== null &&
    looksKept(a.slides, b.slides) &&
    JSON.stringify(a.slide_size) === JSON.stringify(b.slide_size)
  );
}

interface VariantParams extends ThemeParams {
  variant: number;
}

const themeVariant: TaskFamily<VariantParams> = {
  id: 'powerpoint.theme-variant',
  app: 'powerpoint',
  difficulty: 'easy',
  sample: (rng) => ({
    slides: sampleSlides(rng, 2 + rng.integers(3)),
    theme: pick(rng, PICKABLE_THEMES),
    variant: 2 + rng.integers(3),
  }),
  phrasings: [
    (p) => `Apply variant ${p.variant} of the current theme.`,
    (p) => `Keep the ${p.theme} theme but switch to its variant number ${p.variant}.`,
    (p) =>
      `try a different colour variation of this design, the ${ordinal(p.variant)} one in the Variants group`,
  ],
  template: (p) => deck(p, { theme: p.theme }),
  refinedSteps: (p) =>
    numbered([
      'Select the **Design** tab.',
      `In the **Variants** group, select the ${ordinal(p.variant)} variant ('Variant ${p.variant}').`,
    ]),
  oracle: (p) => [click('Design'), click(`Variant ${p.variant}`)],
  evaluate(p, e) {
    const after = canvasOf(e.final);
    return judge(
      {
        [`the theme is still ${p.theme}`]: yes(after?.theme.name === p.theme),
        [`variant ${p.variant} is applied`]: yes(after?.theme.variant === p.variant),
        'the slides and their content are unchanged': yes(
          sameContent(slidesOf(e.initial), slidesOf(e.final), false),
        ),
        'slide backgrounds, transitions and the slide size are unchanged': yes(designKept(e)),
      },
      `${p.theme} variant ${p.variant} is applied`,
    );
  },
};

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth'][n - 1] ?? `${n}th`;
}

// ---------------------------------------------------------------------------------------------- theme colours and fonts

interface SchemeParams extends Record<string, unknown> {
  slides: SlideParam[];
  scheme: string;
}

/** Design > Variants > Colors or Fonts: a scheme replaces the theme's colours or fonts, the theme stays. */
function schemeFamily(part: 'colors' | 'fonts'): TaskFamily<SchemeParams> {
  const menu = part === 'colors' ? 'Colors' : 'Fonts';
  const names = (part === 'colors' ? COLOR_SCHEMES : FONT_SCHEMES)
    .map((s) => s.name)
    .filter((n) => n !== 'Office');
  const noun = part === 'colors' ? 'color' : 'font';
  return {
    id: `powerpoint.theme-${part}`,
    app: 'powerpoint',
    difficulty: 'medium',
    sample: (rng) => ({ slides: sampleSlides(rng, 2 + rng.integers(3)), scheme: pick(rng, names) }),
    phrasings: [
      (p) => `Change the theme ${part} of the presentation to '${p.scheme}'.`,
      (p) => `Keep the current theme but use the ${p.scheme} ${noun} scheme.`,
      (p) =>
        part === 'colors'
          ? `switch the deck's colour palette to ${p.scheme}, same design otherwise`
          : `i'd like the ${p.scheme} fonts for the whole deck, keep the rest of the design`,
    ],
    template: (p) => deck(p),
    refinedSteps: (p) =>
      numbered([
        'Select the **Design** tab.',
        `In the **Variants** group, select the **More** arrow and then select **${menu}**.`,
        `Select '${p.scheme}'.`,
      ]),
    oracle: (p) => [click('Design'), click(menu), click(p.scheme)],
    evaluate(p, e) {
      const before = canvasOf(e.initial);
      const after = canvasOf(e.final);
      const other = part === 'colors' ? 'fonts' : 'colors';
      return judge(
        {
          [`the theme ${part} are ${p.scheme}`]: yes(after?.theme[part] === p.scheme),
          [`the theme and its ${other} are unchanged`]: yes(
            after?.theme.name === before?.theme.name && after?.theme[other] === before?.theme[other],
          ),
          'the slides and their content are unchanged': yes(
            sameContent(slidesOf(e.initial), slidesOf(e.final), false),
          ),
          'slide backgrounds, transitions and the slide size are unchanged': yes(designKept(e)),
        },
        `the theme ${part} are ${p.scheme}`,
      );
    },
  };
}

const themeColors = schemeFamily('colors');
const themeFonts = schemeFamily('fonts');

// ---------------------------------------------------------------------------------------------- backgrounds

const BACKGROUND_COLORS = Object.keys(STANDARD_COLORS).map((n) => n.replace(/\b\w/g, (c) => c.toUpperCase()));

interface BackgroundParams extends Record<string, unknown> {
  slides: SlideParam[];
  /** 1-based; 0 = every slide. */
  slide: number;
  color: string;
}

/** A solid background of exactly this colour, no transparency. */
function solidOf(s: CanvasSlide | undefined, hex: string): boolean {
  const bg = s?.background;
  return bg?.type === 'solid' && bg.color === hex && (bg.transparency ?? 0) === 0;
}

const backgroundColor: TaskFamily<BackgroundParams> = {
  id: 'powerpoint.background-color',
  app: 'powerpoint',
  difficulty: 'medium',
  sample(rng) {
    const slides = sampleSlides(rng, 3 + rng.integers(2));
    return { slides, slide: 1 + rng.integers(slides.length), color: pick(rng, BACKGROUND_COLORS) };
  },
  phrasings: [
    (p) => `Set the background of slide ${p.slide} to a solid ${p.color} fill.`,
    (p) => `Change only slide ${p.slide}'s background color to ${p.color}.`,
    (p) =>
      `make the background of slide ${p.slide} ${p.color.toLowerCase()}, leave the other slides as they are`,
  ],
  template: (p) => deck(p),
  refinedSteps: (p) =>
    numbered([
      selectSlideStep(p.slide),
      'On the **Design** tab, in the **Customize** group, select **Format Background**.',
      'Select **Solid fill**.',
      `In the **Color** box, choose '${p.color}'.`,
      'Select **OK** (do not select **Apply to All**).',
    ]),
  oracle: (p) => [
    ...goToSlide(p.slide),
    click('Design'),
    click('Format Background'),
    click('Solid fill'),
    setText('Color', p.color),
    click('OK'),
  ],
  evaluate(p, e) {
    const before = slidesOf(e.initial);
    const after = slidesOf(e.final);
    const target = after[p.slide - 1];
    return judge(
      {
        [`slide ${p.slide} has a solid ${p.color} background`]: yes(solidOf(target, parseColor(p.color))),
        [`slide ${p.slide}'s content and transition are unchanged`]: yes(
          target !== undefined &&
            before[p.slide - 1] !== undefined &&
            slideContent(before[p.slide - 1]!) === slideContent(target) &&
            transitionKey(before[p.slide - 1]) === transitionKey(target),
        ),
        'the other slides are unchanged': yes(othersKept(before, after, p.slide)),
      },
      `slide ${p.slide} has a ${p.color} background`,
    );
  },
};

const backgroundAll: TaskFamily<BackgroundParams> = {
  id: 'powerpoint.background-color-all',
  app: 'powerpoint',
  difficulty: 'medium',
  sample(rng) {
    const slides = sampleSlides(rng, 2 + rng.integers(3));
    return { slides, slide: 0, color: pick(rng, BACKGROUND_COLORS) };
  },
  phrasings: [
    (p) => `Give every slide a solid ${p.color} background.`,
    (p) => `Change the background color of all slides to ${p.color}.`,
    (p) => `i want the whole presentation on a ${p.color.toLowerCase()} background`,
  ],
  template: (p) => deck(p),
  refinedSteps: (p) =>
    numbered([
      'On the **Design** tab, in the **Customize** group, select **Format Background**.',
      'Select **Solid fill**.',
      `In the **Color** box, choose '${p.color}'.`,
      'Select **Apply to All**.',
    ]),
  oracle: (p) => [
    click('Design'),
    click('Format Background'),
    click('Solid fill'),
    setText('Color', p.color),
    click('Apply to All'),
  ],
  evaluate(p, e) {
    const after = slidesOf(e.final);
    const hex = parseColor(p.color);
    return judge(
      {
        [`every slide has a solid ${p.color} background`]: yes(
          after.length > 0 && after.every((s) => solidOf(s, hex)),
        ),
        'the slides and their content are unchanged': yes(sameContent(slidesOf(e.initial), after)),
        'the transitions are unchanged': yes(
          slidesOf(e.initial).every((b, i) => transitionKey(b) === transitionKey(after[i])),
        ),
      },
      `every slide has a ${p.color} background`,
    );
  },
};

// ---------------------------------------------------------------------------------------------- transitions

const TRANSITIONS = TRANSITION_TYPES.filter((t) => t !== 'None' && t !== 'Morph');
const TRANSITION_ITEMS: readonly string[] = TRANSITION_TYPES;
const TRANSITION_INLINE = 8;

interface TransitionParams extends Record<string, unknown> {
  slides: SlideParam[];
  /** 1-based; 0 = every slide. */
  slide: number;
  transition: string;
  /** A transition some slides already have (the template's), or null. */
  existing: { slide: number; type: string } | null;
}

function transitionTemplate(p: TransitionParams): Record<string, unknown> {
  const specs = slideSpecs(p.slides);
  if (p.existing !== null)
    specs[p.existing.slide - 1] = { ...specs[p.existing.slide - 1], transition: p.existing.type };
  return { slides: specs };
}

function sampleExisting(
  rng: Generator,
  count: number,
  not: number,
  avoid: string,
): TransitionParams['existing'] {
  if (rng.random() < 0.4) return null;
  const slides = Array.from({ length: count }, (_, i) => i + 1).filter((n) => n !== not);
  return {
    slide: pick(rng, slides),
    type: pick(
      rng,
      TRANSITIONS.filter((t) => t !== avoid),
    ),
  };
}

const transitionOne: TaskFamily<TransitionParams> = {
  id: 'powerpoint.transition-slide',
  app: 'powerpoint',
  difficulty: 'easy',
  sample(rng) {
    const slides = sampleSlides(rng, 3 + rng.integers(2));
    const slide = 1 + rng.integers(slides.length);
    const transition = pick(rng, TRANSITIONS);
    return { slides, slide, transition, existing: sampleExisting(rng, slides.length, slide, transition) };
  },
  phrasings: [
    (p) => `Add the ${p.transition} transition to slide ${p.slide}.`,
    (p) => `Apply a '${p.transition}' slide transition to slide ${p.slide} only.`,
    (p) => `when going to slide ${p.slide} i want it to use the ${p.transition.toLowerCase()} effect`,
  ],
  template: transitionTemplate,
  refinedSteps: (p) =>
    numbered([
      selectSlideStep(p.slide),
      'Select the **Transitions** tab.',
      ...(TRANSITION_ITEMS.indexOf(p.transition) < TRANSITION_INLINE
        ? []
        : ['In the **Transition to This Slide** group, select **More** to see all transitions.']),
      `Select '${p.transition}'.`,
    ]),
  oracle: (p) => [
    ...goToSlide(p.slide),
    click('Transitions'),
    ...galleryPick(TRANSITION_ITEMS, TRANSITION_INLINE, p.transition),
  ],
  evaluate(p, e) {
    const before = slidesOf(e.initial);
    const after = slidesOf(e.final);
    return judge(
      {
        [`slide ${p.slide} has the ${p.transition} transition`]: yes(
          after[p.slide - 1]?.transition?.type === p.transition,
        ),
        'the other slides keep their transitions': yes(othersKept(before, after, p.slide)),
        'the slides and their content are unchanged': yes(sameContent(before, after)),
        [`slide ${p.slide}'s background is unchanged`]: yes(
          backgroundKey(before[p.slide - 1]) === backgroundKey(after[p.slide - 1]),
        ),
      },
      `slide ${p.slide} has ${p.transition}`,
    );
  },
};

const transitionAll: TaskFamily<TransitionParams> = {
  id: 'powerpoint.transition-all',
  app: 'powerpoint',
  difficulty: 'medium',
  sample(rng) {
    const slides = sampleSlides(rng, 3 + rng.integers(2));
    const transition = pick(rng, TRANSITIONS);
    return { slides, slide: 0, transition, existing: sampleExisting(rng, slides.length, 1, transition) };
  },
  phrasings: [
    (p) => `Apply the ${p.transition} transition to all slides.`,
    (p) => `Use '${p.transition}' as the slide transition for every slide in the presentation.`,
    (p) => `put the same ${p.transition.toLowerCase()} transition between all my slides`,
  ],
  template: transitionTemplate,
  refinedSteps: (p) =>
    numbered([
      'Select the **Transitions** tab.',
      ...(TRANSITION_ITEMS.indexOf(p.transition) < TRANSITION_INLINE
        ? []
        : ['In the **Transition to This Slide** group, select **More** to see all transitions.']),
      `Select '${p.transition}'.`,
      'In the **Timing** group, select **Apply To All**.',
    ]),
  oracle: (p) => [
    click('Transitions'),
    ...galleryPick(TRANSITION_ITEMS, TRANSITION_INLINE, p.transition),
    click('Apply To All'),
  ],
  evaluate(p, e) {
    const after = slidesOf(e.final);
    return judge(
      {
        [`every slide has the ${p.transition} transition`]: yes(
          after.length > 0 && after.every((s) => s.transition?.type === p.transition),
        ),
        'the slides and their content are unchanged': yes(sameContent(slidesOf(e.initial), after)),
        'the slide backgrounds are unchanged': yes(
          slidesOf(e.initial).every((b, i) => backgroundKey(b) === backgroundKey(after[i])),
        ),
      },
      `every slide has ${p.transition}`,
    );
  },
};

const DURATIONS = [0.5, 1.25, 2, 2.5, 3, 4];
const DURATION_TRANSITIONS = ['Fade', 'Push', 'Wipe', 'Split', 'Cover', 'Uncover'];

interface DurationParams extends Record<string, unknown> {
  slides: SlideParam[];
  slide: number;
  transition: string;
  duration: number;
}

const transitionDuration: TaskFamily<DurationParams> = {
  id: 'powerpoint.transition-duration',
  app: 'powerpoint',
  difficulty: 'medium',
  sample(rng) {
    const slides = sampleSlides(rng, 3 + rng.integers(2));
    return {
      slides,
      slide: 1 + rng.integers(slides.length),
      transition: pick(rng, DURATION_TRANSITIONS),
      duration: pick(rng, DURATIONS),
    };
  },
  phrasings: [
    (p) => `Set the duration of slide ${p.slide}'s transition to ${p.duration} seconds.`,
    (p) => `Make the ${p.transition} transition on slide ${p.slide} last ${p.duration} seconds.`,
    (p) => `the transition into slide ${p.slide} is too quick or too slow, make it take ${p.duration} sec`,
  ],
  // Every slide has the transition, so a change of the wrong slide's duration shows.
  template: (p) => ({
    slides: slideSpecs(p.slides).map((s) => ({ ...s, transition: p.transition })),
  }),
  refinedSteps: (p) =>
    numbered([
      selectSlideStep(p.slide),
      'Select the **Transitions** tab.',
      `In the **Timing** group, in the **Duration** box, type '${p.duration.toFixed(2)}' and press Enter.`,
    ]),
  oracle: (p) => [...goToSlide(p.slide), click('Transitions'), setText('Duration', p.duration.toFixed(2))],
  evaluate(p, e) {
    const before = slidesOf(e.initial);
    const after = slidesOf(e.final);
    const t = after[p.slide - 1]?.transition;
    const was = before[p.slide - 1]?.transition;
    return judge(
      {
        [`slide ${p.slide}'s transition lasts ${p.duration} s`]: yes(
          t !== undefined && Math.abs(t.duration - p.duration) < 0.005,
        ),
        [`slide ${p.slide} still has the ${p.transition} transition`]: yes(
          t?.type === p.transition && t.effect === was?.effect && t.on_click === was?.on_click,
        ),
        'the other slides are unchanged': yes(othersKept(before, after, p.slide)),
        'the slides and their content are unchanged': yes(sameContent(before, after)),
      },
      `slide ${p.slide}'s transition lasts ${p.duration} s`,
    );
  },
};

const EFFECT_TRANSITIONS = [
  'Fade',
  'Push',
  'Wipe',
  'Split',
  'Reveal',
  'Random Bars',
  'Uncover',
  'Cover',
  'Blinds',
  'Clock',
] as const;

interface EffectOptionParams extends Record<string, unknown> {
  slides: SlideParam[];
  slide: number;
  transition: string;
  effect: string;
}

const transitionEffect: TaskFamily<EffectOptionParams> = {
  id: 'powerpoint.transition-effect-option',
  app: 'powerpoint',
  difficulty: 'medium',
  sample(rng) {
    const slides = sampleSlides(rng, 3 + rng.integers(2));
    const transition = pick(rng, EFFECT_TRANSITIONS);
    // Not the default (first) option, which the slides already have.
    const effect = pick(rng, TRANSITION_CATALOG[transition].effects.slice(1));
    return { slides, slide: 1 + rng.integers(slides.length), transition, effect };
  },
  phrasings: [
    (p) => `Set the Effect Options of slide ${p.slide}'s ${p.transition} transition to '${p.effect}'.`,
    (p) => `Change the ${p.transition} transition on slide ${p.slide} to use the '${p.effect}' variation.`,
    (p) => `on slide ${p.slide} the ${p.transition.toLowerCase()} should go ${p.effect.toLowerCase()}`,
  ],
  // Every slide has the transition with its default option, so changing the wrong slide shows.
  template: (p) => ({
    slides: slideSpecs(p.slides).map((s) => ({ ...s, transition: p.transition })),
  }),
  refinedSteps: (p) =>
    numbered([
      selectSlideStep(p.slide),
      'Select the **Transitions** tab.',
      'In the **Transition to This Slide** group, select **Effect Options**.',
      `Select '${p.effect}'.`,
    ]),
  oracle: (p) => [...goToSlide(p.slide), click('Transitions'), click('Effect Options'), click(p.effect)],
  evaluate(p, e) {
    const before = slidesOf(e.initial);
    const after = slidesOf(e.final);
    const t = after[p.slide - 1]?.transition;
    const was = before[p.slide - 1]?.transition;
    return judge(
      {
        [`slide ${p.slide}'s ${p.transition} transition goes '${p.effect}'`]: yes(
          t?.type === p.transition && t.effect === p.effect,
        ),
        [`slide ${p.slide}'s transition timing is unchanged`]: yes(
          t !== undefined &&
            t.duration === was?.duration &&
            t.on_click === was.on_click &&
            t.after === was.after,
        ),
        'the other slides are unchanged': yes(othersKept(before, after, p.slide)),
        'the slides and their content are unchanged': yes(sameContent(before, after)),
      },
      `slide ${p.slide}'s transition goes ${p.effect}`,
    );
  },
};

const ADVANCE_SECONDS = [3, 5, 8, 10, 15, 20];

interface AdvanceParams extends Record<string, unknown> {
  slides: SlideParam[];
  /** 1-based; 0 = every slide (Apply To All). */
  slide: number;
  seconds: number;
  /** A transition every slide already has, or null. */
  transition: string | null;
}

const typeOf = (s: CanvasSlide | undefined): string => s?.transition?.type ?? 'None';

const autoAdvance: TaskFamily<AdvanceParams> = {
  id: 'powerpoint.auto-advance',
  app: 'powerpoint',
  difficulty: 'medium',
  sample(rng) {
    const slides = sampleSlides(rng, 3 + rng.integers(3));
    return {
      slides,
      slide: rng.random() < 0.5 ? 0 : 1 + rng.integers(slides.length),
      seconds: pick(rng, ADVANCE_SECONDS),
      transition: rng.random() < 0.5 ? null : pick(rng, DURATION_TRANSITIONS),
    };
  },
  phrasings: [
    (p) =>
      `Make ${p.slide === 0 ? 'every slide' : `slide ${p.slide}`} advance automatically after ${p.seconds} seconds.`,
    (p) =>
      `Set the Advance Slide timing of ${p.slide === 0 ? 'all slides' : `slide ${p.slide}`} to After ${p.seconds} seconds.`,
    (p) =>
      p.slide === 0
        ? `the deck should play by itself, moving on every ${p.seconds} seconds`
        : `slide ${p.slide} should move on by itself after ${p.seconds} sec`,
  ],
  template: (p) => ({
    slides: slideSpecs(p.slides).map((s) => (p.transition === null ? s : { ...s, transition: p.transition })),
  }),
  refinedSteps: (p) =>
    numbered([
      ...(p.slide === 0 ? [] : [selectSlideStep(p.slide)]),
      'Select the **Transitions** tab.',
      'In the **Timing** group, under **Advance Slide**, select the **After** check box.',
      `In the **After** box, enter '${p.seconds.toFixed(2)}' seconds.`,
      ...(p.slide === 0 ? ['Select **Apply To All**.'] : []),
    ]),
  oracle: (p) => [
    ...goToSlide(p.slide === 0 ? 1 : p.slide),
    click('Transitions'),
    // Typing a time in the After box ticks After, as in PowerPoint.
    setText('Advance After', p.seconds.toFixed(2)),
    ...(p.slide === 0 ? [click('Apply To All')] : []),
  ],
  evaluate(p, e) {
    const before = slidesOf(e.initial);
    const after = slidesOf(e.final);
    const targets = after.filter((_, i) => p.slide === 0 || i + 1 === p.slide);
    const where = p.slide === 0 ? 'every slide' : `slide ${p.slide}`;
    return judge(
      {
        [`${where} advances after ${p.seconds} s`]: yes(
          targets.length > 0 && targets.every((s) => s.transition?.after === p.seconds),
        ),
        'the transition effects are unchanged': yes(
          before.length === after.length && before.every((b, i) => typeOf(b) === typeOf(after[i])),
        ),
        ...(p.slide === 0
          ? {}
          : { 'the other slides are unchanged': yes(othersKept(before, after, p.slide)) }),
        'the slides and their content are unchanged': yes(sameContent(before, after)),
      },
      `${where} advances after ${p.seconds} s`,
    );
  },
};

// ---------------------------------------------------------------------------------------------- animations

const EFFECT_ITEMS = ['None', ...ENTRANCE_EFFECTS];
const EFFECT_INLINE = 7;

interface AnimateParams extends Record<string, unknown> {
  slides: SlideParam[];
  slide: number;
  /** 'title' or 'body' of a Title and Content slide. */
  part: 'title' | 'body';
  effect: string;
}

const PART_SHAPE = { title: 'Title 1', body: 'Content Placeholder 2' } as const;

const animateShape: TaskFamily<AnimateParams> = {
  id: 'powerpoint.animate-shape',
  app: 'powerpoint',
  difficulty: 'medium',
  sample(rng) {
    const slides = sampleSlides(rng, 3 + rng.integers(2));
    return {
      slides,
      slide: 2 + rng.integers(slides.length - 1),
      part: rng.random() < 0.5 ? 'title' : 'body',
      effect: pick(rng, ENTRANCE_EFFECTS),
    };
  },
  phrasings: [
    (p) => `Apply the ${p.effect} entrance animation to ${partName(p)} on slide ${p.slide}.`,
    (p) => `Animate ${partName(p)} of slide ${p.slide} with '${p.effect}'.`,
    (p) => `i want ${partName(p)} on slide ${p.slide} to come in with a ${p.effect.toLowerCase()} effect`,
  ],
  template: (p) => deck(p),
  refinedSteps: (p) =>
    numbered([
      selectSlideStep(p.slide),
      `Select ${partName(p)} ('${PART_SHAPE[p.part]}').`,
      'Select the **Animations** tab.',
      ...(EFFECT_ITEMS.indexOf(p.effect) < EFFECT_INLINE
        ? []
        : ['In the **Animation** group, select **More** to see all the effects.']),
      `Select the '${p.effect}' entrance effect.`,
    ]),
  oracle: (p) => [
    ...goToSlide(p.slide),
    click(PART_SHAPE[p.part]),
    click('Animations'),
    ...galleryPick(EFFECT_ITEMS, EFFECT_INLINE, p.effect),
  ],
  evaluate(p, e) {
    const before = slidesOf(e.initial);
    const after = slidesOf(e.final);
    const shapes = after[p.slide - 1]?.shapes ?? [];
    const target = shapes.find((s) => s.name === PART_SHAPE[p.part]);
    const effects = (target?.animation ?? []).map((a) => a.replace(/ \(.*$/, ''));
    const othersAnimated = shapes.some(
      (s) =>
        s !== target &&
        JSON.stringify(s.animation ?? []) !==
          JSON.stringify(before[p.slide - 1]?.shapes.find((b) => b.id === s.id)?.animation ?? []),
    );
    const withoutAnimation = (x: CanvasShape | undefined) => JSON.stringify({ ...x, animation: null });
    const shapesKept =
      shapes.length === (before[p.slide - 1]?.shapes.length ?? -1) &&
      shapes.every((s, i) => withoutAnimation(s) === withoutAnimation(before[p.slide - 1]?.shapes[i]));
    return judge(
      {
        [`${partName(p)} on slide ${p.slide} has the ${p.effect} animation`]: yes(effects.includes(p.effect)),
        'no other shape on the slide got an animation': yes(!othersAnimated),
        [`slide ${p.slide}'s shapes and text are otherwise unchanged`]: yes(shapesKept),
        'the other slides are unchanged': yes(othersKept(before, after, p.slide)),
      },
      `${partName(p)} on slide ${p.slide} animates with ${p.effect}`,
    );
  },
};

function partName(p: AnimateParams): string {
  return p.part === 'title' ? `the title '${p.slides[p.slide - 1]!.title}'` : 'the bulleted list';
}

// ---------------------------------------------------------------------------------------------- inserted objects

/** The shapes a slide gained (by id), after checking that every shape it had is still there unchanged. */
function addedShapes(before: CanvasSlide | undefined, after: CanvasSlide | undefined): CanvasShape[] | null {
  if (!before || !after) return null;
  const kept = before.shapes.every((b) => {
    const a = after.shapes.find((s) => s.id === b.id);
    return a !== undefined && shapeContent(a) === shapeContent(b);
  });
  if (!kept) return null;
  const old = new Set(before.shapes.map((s) => s.id));
  return after.shapes.filter((s) => !old.has(s.id));
}

interface InsertParams extends Record<string, unknown> {
  slides: SlideParam[];
  slide: number;
}

/** Slides after the first are Title Only when something goes on them, so nothing is put in a placeholder. */
function insertTemplate(p: InsertParams): Record<string, unknown> {
  return {
    slides: slideSpecs(p.slides).map((s, i) =>
      i + 1 === p.slide && i > 0 ? { layout: 'Title Only', title: s.title } : s,
    ),
  };
}

function sampleInsert(rng: Generator): InsertParams {
  const slides = sampleSlides(rng, 2 + rng.integers(3));
  return { slides, slide: 1 + rng.integers(slides.length) };
}

function insertEvaluation(
  p: InsertParams,
  e: EpisodeEvidence,
  what: string,
  matches: (s: CanvasShape) => boolean,
): Scores {
  const before = slidesOf(e.initial);
  const after = slidesOf(e.final);
  const added = addedShapes(before[p.slide - 1], after[p.slide - 1]);
  return {
    [`slide ${p.slide} has one new ${what}`]: yes(added !== null && added.length === 1 && matches(added[0]!)),
    [`slide ${p.slide}'s other shapes are unchanged`]: yes(added !== null),
    'the other slides are unchanged': yes(othersKept(before, after, p.slide)),
  };
}

const SHAPES = Object.keys(SHAPE_CATALOG).filter((s) => s !== 'Line');

/** How a user names a gallery shape: "Arrow: Right" is "a right arrow", "Star: 5 Points" "a 5-point star". */
function casualShape(name: string): string {
  const star = /^Star: (\d+) Points$/.exec(name);
  const [kind, variant] = name.split(': ') as [string, string | undefined];
  const words = (
    star ? `${star[1]}-point star` : variant === undefined ? kind : `${variant} ${kind}`
  ).toLowerCase();
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
}

interface ShapeParams extends InsertParams {
  shape: string;
}

const insertShape: TaskFamily<ShapeParams> = {
  id: 'powerpoint.insert-shape',
  app: 'powerpoint',
  difficulty: 'easy',
  sample: (rng) => ({ ...sampleInsert(rng), shape: pick(rng, SHAPES) }),
  phrasings: [
    (p) => `Insert a '${p.shape}' shape on slide ${p.slide}.`,
    (p) => `Add one ${p.shape} shape to slide ${p.slide}.`,
    (p) => `put ${casualShape(p.shape)} on slide ${p.slide} please`,
  ],
  template: insertTemplate,
  refinedSteps: (p) =>
    numbered([
      selectSlideStep(p.slide),
      'On the **Insert** tab, in the **Illustrations** group, select **Shapes**.',
      `Select '${p.shape}'.`,
    ]),
  oracle: (p) => [...goToSlide(p.slide), click('Insert'), click('Shapes'), click(p.shape)],
  evaluate: (p, e) =>
    judge(
      insertEvaluation(p, e, `${p.shape} shape`, (s) => s.type === p.shape),
      `slide ${p.slide} has a new ${p.shape}`,
    ),
};

const BOX_TEXTS = [
  'Draft - do not distribute',
  'Source: internal survey',
  'Questions? Ask the project office',
  'Updated weekly',
  'Confidential',
  'See appendix for details',
];

interface TextBoxParams extends InsertParams {
  text: string;
}

const insertTextBox: TaskFamily<TextBoxParams> = {
  id: 'powerpoint.insert-text-box',
  app: 'powerpoint',
  difficulty: 'medium',
  sample: (rng) => ({ ...sampleInsert(rng), text: pick(rng, BOX_TEXTS) }),
  phrasings: [
    (p) => `Insert a text box on slide ${p.slide} that says '${p.text}'.`,
    (p) => `Add a text box with the text "${p.text}" to slide ${p.slide}.`,
    (p) => `on slide ${p.slide} add a little note: ${p.text}`,
  ],
  template: insertTemplate,
  refinedSteps: (p) =>
    numbered([
      selectSlideStep(p.slide),
      'On the **Insert** tab, in the **Text** group, select **Text Box**.',
      'Click on the slide to place the text box.',
      `Type '${p.text}'.`,
    ]),
  oracle: (p) => [
    ...goToSlide(p.slide),
    click('Insert'),
    click('Text Box'),
    setText(`Slide ${p.slide}`, p.text),
  ],
  evaluate: (p, e) =>
    judge(
      insertEvaluation(
        p,
        e,
        `text box reading '${p.text}'`,
        (s) =>
          s.type === 'text box' &&
          (s.text ?? [])
            .map((t) => t.text)
            .join('\n')
            .trim() === p.text,
      ),
      `slide ${p.slide} has a text box with '${p.text}'`,
    ),
};

interface TableParams extends InsertParams {
  rows: number;
  columns: number;
}

const insertTable: TaskFamily<TableParams> = {
  id: 'powerpoint.insert-table',
  app: 'powerpoint',
  difficulty: 'medium',
  sample(rng) {
    const base = sampleInsert(rng);
    // A table on the title slide would be odd; tables go on the later slides.
    const slide = base.slide === 1 ? 2 : base.slide;
    return { ...base, slide, rows: 2 + rng.integers(5), columns: 2 + rng.integers(4) };
  },
  phrasings: [
    (p) => `Insert a table with ${p.columns} columns and ${p.rows} rows on slide ${p.slide}.`,
    (p) => `Add a ${p.columns} x ${p.rows} table (columns x rows) to slide ${p.slide}.`,
    (p) => `i need an empty table on slide ${p.slide}, ${p.rows} rows by ${p.columns} columns`,
  ],
  template: insertTemplate,
  refinedSteps: (p) =>
    numbered([
      selectSlideStep(p.slide),
      'On the **Insert** tab, select **Table**.',
      `In the **Insert Table** dialog, in **Number of columns**, enter '${p.columns}'.`,
      `In **Number of rows**, enter '${p.rows}'.`,
      'Select **OK**.',
    ]),
  oracle: (p) => [
    ...goToSlide(p.slide),
    click('Insert'),
    click('Table'),
    setText('Number of columns:', String(p.columns)),
    setText('Number of rows:', String(p.rows)),
    click('OK'),
  ],
  evaluate: (p, e) =>
    judge(
      insertEvaluation(
        p,
        e,
        `${p.rows}-row, ${p.columns}-column table`,
        (s) => s.table?.rows === p.rows && s.table.columns === p.columns,
      ),
      `slide ${p.slide} has a ${p.rows} x ${p.columns} table`,
    ),
};

// ---------------------------------------------------------------------------------------------- slide size

const SIZES = { standard: 'Standard (4:3)', widescreen: 'Widescreen (16:9)' } as const;

interface SizeParams extends Record<string, unknown> {
  slides: SlideParam[];
  to: 'standard' | 'widescreen';
}

const slideSize: TaskFamily<SizeParams> = {
  id: 'powerpoint.slide-size',
  app: 'powerpoint',
  difficulty: 'easy',
  sample: (rng) => ({
    slides: sampleSlides(rng, 2 + rng.integers(3)),
    to: rng.random() < 0.7 ? 'standard' : 'widescreen',
  }),
  phrasings: [
    (p) => `Change the slide size to ${SIZES[p.to]}.`,
    (p) =>
      `Make the slides ${p.to === 'standard' ? '4:3' : '16:9'} instead of ${p.to === 'standard' ? '16:9' : '4:3'}.`,
    (p) =>
      p.to === 'standard'
        ? 'the projector is an old 4:3 one, can you switch the slides to that shape'
        : 'switch this old 4:3 deck to widescreen',
  ],
  template: (p) => deck(p, { size: p.to === 'standard' ? 'widescreen' : 'standard' }),
  refinedSteps: (p) =>
    numbered([
      'Select the **Design** tab.',
      'In the **Customize** group, select **Slide Size**.',
      `Select '${SIZES[p.to]}'.`,
    ]),
  oracle: (p) => [click('Design'), click('Slide Size'), click(SIZES[p.to])],
  evaluate(p, e) {
    const after = canvasOf(e.final);
    return judge(
      {
        [`the slide size is ${SIZES[p.to]}`]: yes(after?.slide_size.name === SIZES[p.to]),
        'the slides and their content are unchanged': yes(
          sameContent(slidesOf(e.initial), slidesOf(e.final), false),
        ),
        'the theme, slide backgrounds and transitions are unchanged': yes(
          JSON.stringify(canvasOf(e.initial)?.theme) === JSON.stringify(after?.theme) &&
            looksKept(slidesOf(e.initial), slidesOf(e.final)),
        ),
      },
      `the slides are ${SIZES[p.to]}`,
    );
  },
};

// ---------------------------------------------------------------------------------------------- header & footer

const FOOTER_TYPES = new Set(['placeholder:sldNum', 'placeholder:ftr', 'placeholder:dt']);

/** A slide's content without its date, footer and slide-number placeholders. */
function contentWithoutFooters(s: CanvasSlide): string {
  return slideContent({ ...s, shapes: s.shapes.filter((x) => !FOOTER_TYPES.has(x.type)) });
}

function footerPart(s: CanvasSlide | undefined, type: 'sldNum' | 'ftr'): string | null {
  const shape = s?.shapes.find((x) => x.type === `placeholder:${type}`);
  return shape === undefined ? null : (shape.text ?? []).map((p) => p.text).join('\n');
}

function footersOnlyChanged(e: EpisodeEvidence): boolean {
  const before = slidesOf(e.initial);
  const after = slidesOf(e.final);
  return (
    before.length === after.length &&
    before.every(
      (b, i) =>
        contentWithoutFooters(b) === contentWithoutFooters(after[i]!) &&
        backgroundKey(b) === backgroundKey(after[i]) &&
        transitionKey(b) === transitionKey(after[i]),
    )
  );
}

interface SlideNumberParams extends Record<string, unknown> {
  slides: SlideParam[];
  /** "Don't show on title slide". */
  skipTitle: boolean;
}

const openHeaderFooter = [click('Insert'), click('Header & Footer')];

const slideNumbers: TaskFamily<SlideNumberParams> = {
  id: 'powerpoint.slide-numbers',
  app: 'powerpoint',
  difficulty: 'medium',
  sample: (rng) => ({ slides: sampleSlides(rng, 3 + rng.integers(3)), skipTitle: rng.random() < 0.5 }),
  phrasings: [
    (p) =>
      p.skipTitle
        ? 'Add slide numbers to all slides except the title slide.'
        : 'Add slide numbers to every slide, including the title slide.',
    (p) =>
      `Turn on slide numbering for the whole presentation${p.skipTitle ? ", but don't show a number on the title slide" : ''}.`,
    (p) =>
      p.skipTitle
        ? 'number my slides please, the cover slide should not get a number'
        : 'can you number all my slides, the first one too',
  ],
  template: (p) => deck(p),
  refinedSteps: (p) =>
    numbered([
      'On the **Insert** tab, in the **Text** group, select **Header & Footer**.',
      'On the **Slide** tab, select the **Slide number** check box.',
      ...(p.skipTitle ? ["Select the **Don't show on title slide** check box."] : []),
      'Select **Apply to All**.',
    ]),
  oracle: (p) => [
    ...openHeaderFooter,
    // The dialog opens with the focus on Slide number; check boxes are not in UFO's control list, so the
    // keyboard ticks them (Space), as a user tabbing through the dialog would.
    keys('{SPACE}'),
    ...(p.skipTitle ? [keys('{TAB}{TAB}{TAB}{SPACE}')] : []),
    click('Apply to All'),
  ],
  evaluate(p, e) {
    const after = slidesOf(e.final);
    const numberedRight = after.every(
      (s, i) => footerPart(s, 'sldNum') === String(i + 1) || (i === 0 && p.skipTitle),
    );
    const title = footerPart(after[0], 'sldNum');
    return judge(
      {
        [`every slide${p.skipTitle ? ' after the title slide' : ''} shows its slide number`]: yes(
          after.length > 0 && numberedRight,
        ),
        [p.skipTitle ? 'the title slide has no number' : 'the title slide has number 1']: yes(
          p.skipTitle ? title === null : title === '1',
        ),
        'the slides and their content are otherwise unchanged': yes(footersOnlyChanged(e)),
      },
      'the slides are numbered',
    );
  },
};

const FOOTERS = [
  'Confidential',
  'Northwind Traders',
  'Internal use only',
  'Draft for review',
  'Sales Kickoff 2027',
];

interface FooterParams extends Record<string, unknown> {
  slides: SlideParam[];
  footer: string;
}

const footerText: TaskFamily<FooterParams> = {
  id: 'powerpoint.footer-text',
  app: 'powerpoint',
  difficulty: 'medium',
  sample: (rng) => ({ slides: sampleSlides(rng, 2 + rng.integers(4)), footer: pick(rng, FOOTERS) }),
  phrasings: [
    (p) => `Add the footer '${p.footer}' to all slides.`,
    (p) => `Put "${p.footer}" in the footer of every slide.`,
    (p) => `i need '${p.footer}' written at the bottom of each slide, as a footer`,
  ],
  template: (p) => deck(p),
  refinedSteps: (p) =>
    numbered([
      'On the **Insert** tab, in the **Text** group, select **Header & Footer**.',
      'On the **Slide** tab, select the **Footer** check box.',
      `In the box below **Footer**, type '${p.footer}'.`,
      'Select **Apply to All**.',
    ]),
  oracle: (p) => [
    ...openHeaderFooter,
    // Focus starts on Slide number; Tab moves to the Footer check box (not in UFO's control list).
    keys('{TAB}{SPACE}'),
    setText('Footer text', p.footer),
    click('Apply to All'),
  ],
  evaluate(p, e) {
    const after = slidesOf(e.final);
    return judge(
      {
        [`every slide has the footer '${p.footer}'`]: yes(
          after.length > 0 && after.every((s) => footerPart(s, 'ftr') === p.footer),
        ),
        'no slide numbers were added': yes(
          after.every((s, i) => footerPart(s, 'sldNum') === footerPart(slidesOf(e.initial)[i], 'sldNum')),
        ),
        'the slides and their content are otherwise unchanged': yes(footersOnlyChanged(e)),
      },
      `every slide has the footer '${p.footer}'`,
    );
  },
};

// ---------------------------------------------------------------------------------------------- questions

/** Theme names that are not also everyday words an answer might contain ("view", "frame", "gallery"…). */
const DISTINCT_THEMES = THEME_NAMES.filter(
  (t) => !['Office Theme', 'View', 'Frame', 'Gallery', 'Badge', 'Slice', 'Mesh', 'Basis'].includes(t),
);

/**
 * The (distinctly named) catalogue themes an answer names, longest first so "Ion Boardroom" is not also read
 * as "Ion"; the questions only ask about these, so "you can view it" does not name the View theme.
 */
function themesNamed(answer: string): string[] {
  let rest = answer.toLowerCase();
  const found: string[] = [];
  for (const name of [...DISTINCT_THEMES].sort((a, b) => b.length - a.length)) {
    const re = new RegExp(`\\b${name.toLowerCase()}\\b`, 'g');
    if (re.test(rest)) {
      found.push(name);
      rest = rest.replace(re, ' ');
    }
  }
  return found;
}

function unchanged(e: EpisodeEvidence): boolean {
  const a = canvasOf(e.initial);
  const b = canvasOf(e.final);
  return (
    a !== null &&
    b !== null &&
    sameContent(a.slides, b.slides) &&
    JSON.stringify(a.theme) === JSON.stringify(b.theme) &&
    JSON.stringify(a.slide_size) === JSON.stringify(b.slide_size) &&
    a.slides.every(
      (s, i) =>
        backgroundKey(s) === backgroundKey(b.slides[i]) && transitionKey(s) === transitionKey(b.slides[i]),
    )
  );
}

const whichTheme: TaskFamily<VariantParams> = {
  id: 'powerpoint.which-theme',
  app: 'powerpoint',
  difficulty: 'easy',
  sample: (rng) => ({
    slides: sampleSlides(rng, 2 + rng.integers(3)),
    theme: pick(rng, DISTINCT_THEMES),
    variant: 1 + rng.integers(4),
  }),
  phrasings: [
    () => 'Which theme does this presentation use?',
    () => 'What is the name of the design theme applied to these slides?',
    () => "what's this template's theme called? I want to use it for another deck",
  ],
  template: (p) => deck(p, { theme: p.theme, variant: p.variant }),
  refinedSteps: () =>
    numbered([
      'Select the **Design** tab.',
      'In the **Themes** gallery, find the highlighted theme (point to it to see its name).',
      'Read the name of the theme.',
    ]),
  oracle: (p) => [summary(`The presentation uses the ${p.theme} theme.`)],
  evaluate(p, e) {
    const named = e.answers.map(themesNamed);
    return judge(
      {
        [`the answer names the ${p.theme} theme (and no other)`]: yes(
          named.some((n) => n.length === 1 && n[0] === p.theme),
        ),
        'the presentation is unchanged': yes(unchanged(e)),
      },
      `answered ${p.theme}`,
    );
  },
};

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/**
 * Whether an answer states `count`, as digits or a word. Slide numbers the answer lists ("slides 2, 4 and 5")
 * are not counts, so they are dropped first; "no slides" and "none" state zero.
 */
function answersCount(answer: string, count: number): boolean {
  const rest = answer.replace(/\bslides?\s+(?:number\s+)?\d+(?:\s*(?:,|and|&)\s*\d+)*/gi, ' ');
  const word = NUMBER_WORDS[count] ?? String(count);
  const zero = count === 0 ? '|\\bno\\b|\\bnone\\b' : '';
  return new RegExp(`(^|[^\\d.])${count}(?![\\d.]\\d)|\\b${word}\\b${zero}`, 'i').test(rest);
}

interface CountTransitionParams extends Record<string, unknown> {
  slides: SlideParam[];
  transition: string;
  /** Per slide: its transition, or null. */
  transitions: (string | null)[];
  count: number;
}

const countTransitions: TaskFamily<CountTransitionParams> = {
  id: 'powerpoint.count-transition-slides',
  app: 'powerpoint',
  difficulty: 'medium',
  sample(rng) {
    const slides = sampleSlides(rng, 4 + rng.integers(3));
    const [transition, other] = pickDistinct(rng, TRANSITIONS.slice(0, 10), 2) as [string, string];
    const transitions = slides.map(() => {
      const r = rng.random();
      return r < 0.45 ? transition : r < 0.7 ? other : null;
    });
    return { slides, transition, transitions, count: transitions.filter((t) => t === transition).length };
  },
  phrasings: [
    (p) => `How many slides in this presentation use the ${p.transition} transition?`,
    (p) => `Count the slides that have a '${p.transition}' transition.`,
    (p) => `how many of my slides did i give the ${p.transition.toLowerCase()} transition to?`,
  ],
  template: (p) => ({
    slides: slideSpecs(p.slides).map((s, i) =>
      p.transitions[i] ? { ...s, transition: p.transitions[i] } : s,
    ),
  }),
  refinedSteps: () =>
    numbered([
      'Select the **Transitions** tab.',
      'Select each slide in the thumbnail pane in turn and see which transition is highlighted in the **Transition to This Slide** group.',
      'Count the slides with that transition.',
    ]),
  oracle: (p) => [
    summary(`${p.count} ${p.count === 1 ? 'slide uses' : 'slides use'} the ${p.transition} transition.`),
  ],
  evaluate(p, e) {
    const answered = e.answers.some((a) => answersCount(a, p.count));
    return judge(
      {
        [`the answer says ${p.count}`]: yes(answered),
        'the presentation is unchanged': yes(unchanged(e)),
      },
      `answered ${p.count}`,
    );
  },
};

// ---------------------------------------------------------------------------------------------- infeasible

interface InfeasibleParams extends Record<string, unknown> {
  slides: SlideParam[];
  slide: number;
}

function infeasibleFamily(
  id: string,
  phrasings: TaskFamily<InfeasibleParams>['phrasings'],
  refinedSteps: (p: InfeasibleParams) => string[],
): TaskFamily<InfeasibleParams> {
  return {
    id,
    app: 'powerpoint',
    difficulty: 'medium',
    infeasible: true,
    sample(rng) {
      const slides = sampleSlides(rng, 2 + rng.integers(3));
      return { slides, slide: 1 + rng.integers(slides.length) };
    },
    phrasings,
    template: (p) => deck(p),
    refinedSteps,
    oracle: () => [failStep()],
    evaluate: (_p, e) =>
      judge(
        {
          'the agent reported the task as infeasible (FAIL)': yes(e.status === 'FAIL'),
          'the presentation is unchanged': yes(unchanged(e)),
        },
        'reported infeasible without changing the presentation',
      ),
  };
}

/** Designer's Design Ideas come from a Microsoft online service; this PowerPoint has no Designer. */
const designIdeas = infeasibleFamily(
  'powerpoint.designer-ideas',
  [
    (p) => `Use Designer to apply the first Design Idea to slide ${p.slide}.`,
    (p) => `Open Design Ideas and pick a suggested layout for slide ${p.slide}.`,
    (p) => `let powerpoint's designer suggest a nicer look for slide ${p.slide} and use it`,
  ],
  (p) =>
    numbered([
      selectSlideStep(p.slide),
      'On the **Design** tab, select **Designer** (**Design Ideas**).',
      'Designer needs Microsoft 365 connected experiences, which this PowerPoint does not have: report that the task cannot be done.',
    ]),
);

/** Inserting an online video needs a video service (YouTube, Vimeo) this PowerPoint cannot reach. */
const onlineVideo = infeasibleFamily(
  'powerpoint.insert-online-video',
  [
    (p) => `Insert the YouTube video https://www.youtube.com/watch?v=aqz-KE-bpKQ on slide ${p.slide}.`,
    (p) => `Embed an online video from YouTube on slide ${p.slide}.`,
    (p) => `add the product demo video from youtube to slide ${p.slide}`,
  ],
  (p) =>
    numbered([
      selectSlideStep(p.slide),
      'On the **Insert** tab, select **Video** > **Online Videos**.',
      'Online videos need an internet video service, which this PowerPoint cannot reach: report that the task cannot be done.',
    ]),
);

export const POWERPOINT_DESIGN_FAMILIES: AnyFamily[] = [
  applyTheme,
  themeVariant,
  themeColors,
  themeFonts,
  backgroundColor,
  backgroundAll,
  transitionOne,
  transitionAll,
  transitionDuration,
  transitionEffect,
  autoAdvance,
  animateShape,
  insertShape,
  insertTextBox,
  insertTable,
  slideSize,
  slideNumbers,
  footerText,
  whichTheme,
  countTransitions,
  designIdeas,
  onlineVideo,
] as unknown as AnyFamily[];
