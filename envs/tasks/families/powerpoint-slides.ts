/**
 * PowerPoint families about slides and their text: add, delete, duplicate, move, re-layout and hide slides,
 * type a title or bullets, format a title, speaker notes, two questions (slide count, a slide's title) and an
 * infeasible request (Translator needs an online service the simulated PowerPoint does not have).
 *
 * Every evaluator compares the final slides with the initial ones by slide id, so changes to slides the task
 * did not name (collateral damage) fail it; the selection and the view are not judged.
 */
import type { Generator } from 'gymnasium-ts';
import type { EpisodeEvidence, TaskFamily } from '../family.ts';
import {
  click,
  failStep,
  focusKeys,
  goToSlide,
  judge,
  keys,
  numbered,
  pick,
  setText,
  shuffled,
  summary,
  yes,
} from './kit.ts';

// ------------------------------------------------------------------------------------------------ the canvas

interface Run {
  text: string;
  font: string;
  size: number;
  color: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
}
interface Para {
  text: string;
  bullet?: string;
  runs: Run[];
}
interface Shape {
  id: number;
  name: string;
  type: string;
  text?: Para[];
}
interface Slide {
  number: number;
  id: number;
  layout: string;
  title: string;
  hidden?: true;
  notes?: string;
  shapes: Shape[];
}

function slidesOf(canvas: unknown): Slide[] {
  return ((canvas as { slides?: Slide[] } | null)?.slides ?? []).filter((s) => typeof s.id === 'number');
}

/** A slide's content without its position, for "unchanged" comparisons. */
function content(slide: Slide | undefined, drop: readonly string[] = []): string {
  if (slide === undefined) return '';
  const copy: Record<string, unknown> = { ...slide };
  delete copy.number;
  for (const k of drop) delete copy[k];
  return JSON.stringify(copy);
}

/** Every initial slide except `except` is still there, unchanged, and they keep their relative order. */
function othersKept(before: Slide[], after: Slide[], except: readonly number[] = []): boolean {
  const kept = before.filter((s) => !except.includes(s.id));
  const order = after.filter((s) => kept.some((k) => k.id === s.id)).map((s) => s.id);
  return (
    order.length === kept.length &&
    kept.every((s, i) => order[i] === s.id && content(s) === content(after.find((a) => a.id === s.id)))
  );
}

function titleShape(slide: Slide | undefined): Shape | undefined {
  return slide?.shapes.find((s) => s.type === 'placeholder:title' || s.type === 'placeholder:ctrTitle');
}

function shapeText(shape: Shape | undefined): string[] {
  return (shape?.text ?? []).map((p) => p.text);
}

/** The slide's shapes other than the title, as JSON: what a title-only task must leave alone. */
function restOfSlide(slide: Slide | undefined): string {
  const title = titleShape(slide);
  return JSON.stringify((slide?.shapes ?? []).filter((s) => s !== title));
}

// ------------------------------------------------------------------------------------------------ decks

const DECKS: readonly [string, string][] = [
  ['Project Falcon', 'Quarterly update'],
  ['Spring Campaign', 'Marketing plan'],
  ['Annual Review', 'Finance team'],
  ['Onboarding Plan', 'Welcome to the team'],
  ['Store Openings', 'Regional briefing'],
];

/** Slide titles (none a substring of another, so an answer naming one is unambiguous) and their bullets. */
const POOL: readonly { title: string; bullets: string[] }[] = [
  { title: 'Agenda', bullets: ['Welcome', 'Results', 'Questions'] },
  { title: 'Market Overview', bullets: ['Demand is rising', 'Two new competitors', 'Prices are stable'] },
  { title: 'Sales Results', bullets: ['Revenue up 12%', 'North region leads', 'Online sales doubled'] },
  {
    title: 'Customer Feedback',
    bullets: ['Faster delivery wanted', 'Support rated 4.5', 'App reviews improved'],
  },
  { title: 'Product Roadmap', bullets: ['Beta in March', 'Launch in June', 'Version 2 in autumn'] },
  { title: 'Budget', bullets: ['Travel cut by 10%', 'Hiring on hold', 'Tools renewed'] },
  { title: 'Team Changes', bullets: ['Two new engineers', 'Dana leads design', 'Office moves in May'] },
  { title: 'Key Risks', bullets: ['Supplier delays', 'Currency swings', 'Staff turnover'] },
  { title: 'Timeline', bullets: ['Kick-off in week 1', 'Pilot in week 6', 'Review in week 10'] },
  { title: 'Next Steps', bullets: ['Confirm the budget', 'Book the venue', 'Send the invites'] },
];

const NOTES = [
  'Pause here for questions.',
  'Mention the pilot customers.',
  'Keep this part under two minutes.',
  'Thank the finance team.',
  'Show the demo video after this slide.',
];

interface DeckSlide {
  title: string;
  subtitle?: string;
  bullets?: string[];
}

export interface DeckParams extends Record<string, unknown> {
  slides: DeckSlide[];
}

/** A deck of `min`..`max` slides: a Title Slide, then Title and Content slides with three bullets each. */
function sampleDeck(rng: Generator, min: number, max: number): DeckSlide[] {
  const n = min + rng.integers(max - min + 1);
  const [title, subtitle] = pick(rng, DECKS);
  const body = shuffled(rng, POOL)
    .slice(0, n - 1)
    .map((s) => ({ title: s.title, bullets: [...s.bullets] }));
  return [{ title, subtitle }, ...body];
}

/** A compact PresentationSpec; `notes` by 1-based slide number. */
function deckTemplate(slides: DeckSlide[], extra: Record<number, Record<string, unknown>> = {}) {
  return {
    slides: slides.map((s, i) => {
      const spec: Record<string, unknown> =
        s.subtitle !== undefined ? { title: s.title, subtitle: s.subtitle } : { title: s.title };
      if (s.bullets !== undefined) spec.body = s.bullets.join('\n');
      if (s.title === '') delete spec.title;
      return { ...spec, ...(extra[i + 1] ?? {}) };
    }),
  };
}

function selectStep(n: number): string {
  return `In the pane on the left, select the thumbnail of **Slide ${n}**.`;
}

/** A body slide's number, 2..n. */
function bodySlide(rng: Generator, slides: DeckSlide[]): number {
  return 2 + rng.integers(slides.length - 1);
}

// ------------------------------------------------------------------------------------------------ slides

const NEW_LAYOUTS = [
  'Title Only',
  'Two Content',
  'Comparison',
  'Section Header',
  'Blank',
  'Content with Caption',
];

interface NewSlideParams extends DeckParams {
  after: number;
  layout: string;
}

const newSlideWithLayout: TaskFamily<NewSlideParams> = {
  id: 'powerpoint.new-slide-layout',
  app: 'powerpoint',
  difficulty: 'easy',
  sample(rng) {
    const slides = sampleDeck(rng, 3, 5);
    return { slides, after: 1 + rng.integers(slides.length), layout: pick(rng, NEW_LAYOUTS) };
  },
  phrasings: [
    (p) => `Insert a new slide with the '${p.layout}' layout after slide ${p.after}.`,
    (p) => `Add a ${p.layout} slide right after the slide titled '${p.slides[p.after - 1]!.title}'.`,
    (p) => `i need one more slide after slide ${p.after}, make it a ${p.layout.toLowerCase()} one`,
  ],
  template: (p) => deckTemplate(p.slides),
  refinedSteps: (p) =>
    numbered([
      selectStep(p.after),
      'On the **Home** tab, in the **Slides** group, select the arrow next to **New Slide**.',
      `Select the **${p.layout}** layout.`,
    ]),
  oracle: (p) => [...goToSlide(p.after), focusKeys('New Slide', '{RIGHT}%{DOWN}'), click(p.layout)],
  evaluate(p, evidence) {
    const before = slidesOf(evidence.initial);
    const after = slidesOf(evidence.final);
    const added = after.filter((s) => !before.some((b) => b.id === s.id));
    const slide = added[0];
    return judge(
      {
        'exactly one slide was added': yes(added.length === 1 && after.length === before.length + 1),
        [`the new slide has the '${p.layout}' layout`]: yes(slide?.layout === p.layout),
        [`the new slide comes right after slide ${p.after}`]: yes(slide?.number === p.after + 1),
        'the other slides are unchanged and in order': yes(othersKept(before, after)),
      },
      `a ${p.layout} slide follows slide ${p.after}`,
    );
  },
};

interface SlideParams extends DeckParams {
  slide: number;
}

const deleteSlide: TaskFamily<SlideParams> = {
  id: 'powerpoint.delete-slide',
  app: 'powerpoint',
  difficulty: 'easy',
  sample(rng) {
    const slides = sampleDeck(rng, 3, 6);
    return { slides, slide: 1 + rng.integers(slides.length) };
  },
  phrasings: [
    (p) => `Delete slide ${p.slide}.`,
    (p) => `Remove the '${p.slides[p.slide - 1]!.title}' slide from the presentation.`,
    (p) => `get rid of slide ${p.slide}, we don't need it anymore`,
  ],
  template: (p) => deckTemplate(p.slides),
  refinedSteps: (p) =>
    numbered([selectStep(p.slide), 'Press Delete (or right-click it and select **Delete Slide**).']),
  oracle: (p) => [...goToSlide(p.slide), keys('{DELETE}')],
  evaluate(p, evidence) {
    const before = slidesOf(evidence.initial);
    const after = slidesOf(evidence.final);
    const target = before[p.slide - 1];
    return judge(
      {
        [`slide ${p.slide} ('${target?.title ?? ''}') is gone`]: yes(
          target !== undefined && !after.some((s) => s.id === target.id),
        ),
        'no other slide was deleted or added': yes(after.length === before.length - 1),
        'the other slides are unchanged and in order': yes(
          othersKept(before, after, target ? [target.id] : []),
        ),
      },
      `slide ${p.slide} was deleted`,
    );
  },
};

const duplicateSlide: TaskFamily<SlideParams> = {
  id: 'powerpoint.duplicate-slide',
  app: 'powerpoint',
  difficulty: 'easy',
  sample(rng) {
    const slides = sampleDeck(rng, 3, 5);
    return { slides, slide: 1 + rng.integers(slides.length) };
  },
  phrasings: [
    (p) => `Duplicate slide ${p.slide}.`,
    (p) => `Make a copy of the '${p.slides[p.slide - 1]!.title}' slide right after it.`,
    (p) => `can you copy slide ${p.slide} so I have it twice`,
  ],
  template: (p) => deckTemplate(p.slides),
  refinedSteps: (p) =>
    numbered([
      selectStep(p.slide),
      'On the **Home** tab, in the **Slides** group, select the arrow next to **New Slide**.',
      'Select **Duplicate Selected Slides**.',
    ]),
  oracle: (p) => [...goToSlide(p.slide), keys('^d')],
  evaluate(p, evidence) {
    const before = slidesOf(evidence.initial);
    const after = slidesOf(evidence.final);
    const original = before[p.slide - 1];
    const added = after.filter((s) => !before.some((b) => b.id === s.id));
    const copy = added[0];
    const same = (s: Slide | undefined) => content(s, ['id']);
    return judge(
      {
        'exactly one slide was added': yes(added.length === 1 && after.length === before.length + 1),
        [`the new slide is a copy of slide ${p.slide}`]: yes(
          copy !== undefined && same(copy) === same(original),
        ),
        [`the copy comes right after slide ${p.slide}`]: yes(copy?.number === p.slide + 1),
        'the other slides are unchanged and in order': yes(othersKept(before, after)),
      },
      `slide ${p.slide} was duplicated`,
    );
  },
};

interface MoveParams extends DeckParams {
  from: number;
  to: number;
}

const moveSlide: TaskFamily<MoveParams> = {
  id: 'powerpoint.move-slide',
  app: 'powerpoint',
  difficulty: 'medium',
  sample(rng) {
    const slides = sampleDeck(rng, 4, 6);
    const from = 1 + rng.integers(slides.length);
    const to = 1 + ((from + rng.integers(slides.length - 1)) % slides.length);
    return { slides, from, to };
  },
  phrasings: [
    (p) => `Move slide ${p.from} so that it becomes slide ${p.to}.`,
    (p) =>
      p.to === 1
        ? `Move the '${p.slides[p.from - 1]!.title}' slide to the beginning of the presentation.`
        : p.to === p.slides.length
          ? `Move the '${p.slides[p.from - 1]!.title}' slide to the end of the presentation.`
          : `Rearrange the slides so that '${p.slides[p.from - 1]!.title}' is slide number ${p.to}.`,
    (p) => `slide ${p.from} is in the wrong place, it should be number ${p.to}`,
  ],
  template: (p) => deckTemplate(p.slides),
  refinedSteps: (p) =>
    numbered([
      selectStep(p.from),
      `Drag the thumbnail ${p.to < p.from ? 'up' : 'down'} until it is at position ${p.to}, then release it (or press Ctrl+${p.to < p.from ? 'Up' : 'Down'} Arrow ${Math.abs(p.to - p.from)} time${Math.abs(p.to - p.from) === 1 ? '' : 's'}).`,
    ]),
  oracle: (p) => [
    ...goToSlide(p.from),
    keys((p.to < p.from ? '^{UP}' : '^{DOWN}').repeat(Math.abs(p.to - p.from))),
  ],
  evaluate(p, evidence) {
    const before = slidesOf(evidence.initial);
    const after = slidesOf(evidence.final);
    const order = before.map((s) => s.id);
    const [moved] = order.splice(p.from - 1, 1);
    order.splice(p.to - 1, 0, moved!);
    const unchanged =
      after.length === before.length &&
      before.every((s) => content(s) === content(after.find((a) => a.id === s.id)));
    return judge(
      {
        [`'${before[p.from - 1]?.title ?? ''}' is slide ${p.to}`]: yes(after[p.to - 1]?.id === moved),
        'the other slides keep their order': yes(after.map((s) => s.id).join() === order.join()),
        'no slide was added, deleted or edited': yes(unchanged),
      },
      `slide ${p.from} moved to position ${p.to}`,
    );
  },
};

const BODY_LAYOUTS = ['Two Content', 'Comparison', 'Title Only', 'Section Header', 'Content with Caption'];

interface LayoutParams extends SlideParams {
  layout: string;
}

const changeLayout: TaskFamily<LayoutParams> = {
  id: 'powerpoint.change-layout',
  app: 'powerpoint',
  difficulty: 'easy',
  sample(rng) {
    const slides = sampleDeck(rng, 3, 5);
    return { slides, slide: bodySlide(rng, slides), layout: pick(rng, BODY_LAYOUTS) };
  },
  phrasings: [
    (p) => `Change the layout of slide ${p.slide} to '${p.layout}'.`,
    (p) => `Apply the ${p.layout} layout to the '${p.slides[p.slide - 1]!.title}' slide.`,
    (p) => `slide ${p.slide} should use the ${p.layout.toLowerCase()} layout instead`,
  ],
  template: (p) => deckTemplate(p.slides),
  refinedSteps: (p) =>
    numbered([
      selectStep(p.slide),
      'On the **Home** tab, in the **Slides** group, select **Layout**.',
      `Select **${p.layout}**.`,
    ]),
  oracle: (p) => [...goToSlide(p.slide), click('Layout'), click(p.layout)],
  evaluate(p, evidence) {
    const before = slidesOf(evidence.initial);
    const after = slidesOf(evidence.final);
    const target = before[p.slide - 1];
    const now = after.find((s) => s.id === target?.id);
    const texts = (s: Slide | undefined) =>
      (s?.shapes ?? [])
        .map((sh) => shapeText(sh).join('\n'))
        .filter((t) => t !== '')
        .sort();
    return judge(
      {
        [`slide ${p.slide} has the '${p.layout}' layout`]: yes(
          now?.layout === p.layout && now.number === p.slide,
        ),
        'the slide keeps its title and text': yes(
          now !== undefined && JSON.stringify(texts(now)) === JSON.stringify(texts(target)),
        ),
        'the other slides are unchanged': yes(
          after.length === before.length && othersKept(before, after, target ? [target.id] : []),
        ),
      },
      `slide ${p.slide} uses ${p.layout}`,
    );
  },
};

const hideSlide: TaskFamily<SlideParams> = {
  id: 'powerpoint.hide-slide',
  app: 'powerpoint',
  difficulty: 'easy',
  sample(rng) {
    const slides = sampleDeck(rng, 3, 6);
    return { slides, slide: bodySlide(rng, slides) };
  },
  phrasings: [
    (p) => `Hide slide ${p.slide} so it does not appear in the slide show.`,
    (p) =>
      `Hide the '${p.slides[p.slide - 1]!.title}' slide during the presentation, but keep it in the file.`,
    (p) => `skip slide ${p.slide} when I present, don't delete it though`,
  ],
  template: (p) => deckTemplate(p.slides),
  refinedSteps: (p) =>
    numbered([
      selectStep(p.slide),
      'On the **Slide Show** tab, in the **Set Up** group, select **Hide Slide**.',
    ]),
  oracle: (p) => [...goToSlide(p.slide), click('Slide Show'), click('Hide Slide')],
  evaluate(p, evidence) {
    const before = slidesOf(evidence.initial);
    const after = slidesOf(evidence.final);
    const target = before[p.slide - 1];
    const now = after.find((s) => s.id === target?.id);
    return judge(
      {
        [`slide ${p.slide} is hidden`]: yes(now?.hidden === true),
        'the slide itself is otherwise unchanged and in place': yes(
          now !== undefined &&
            now.number === p.slide &&
            content(now, ['hidden']) === content(target, ['hidden']),
        ),
        'the other slides are unchanged (and not hidden)': yes(
          after.length === before.length && othersKept(before, after, target ? [target.id] : []),
        ),
      },
      `slide ${p.slide} is hidden`,
    );
  },
};

// ------------------------------------------------------------------------------------------------ text

interface TitleParams extends SlideParams {
  title: string;
  /** The title the slide has now ('' for an empty title placeholder). */
  old: string;
}

const NEW_TITLES = [
  'Where We Stand',
  'Highlights',
  'Looking Ahead',
  'Open Questions',
  'In Summary',
  'Our Progress',
];

/**
 * Typing a title into an empty title placeholder (`type`), or replacing the text of an existing one (`edit`).
 * Either way the title placeholder must hold exactly the new title and nothing else on the deck may change.
 */
function titleTextFamily(mode: 'type' | 'edit'): TaskFamily<TitleParams> {
  return {
    id: mode === 'type' ? 'powerpoint.type-title' : 'powerpoint.edit-title',
    app: 'powerpoint',
    difficulty: 'easy',
    sample(rng) {
      const slides = sampleDeck(rng, 3, 5);
      const slide = mode === 'type' ? bodySlide(rng, slides) : 1 + rng.integers(slides.length);
      const current = slides[slide - 1]!.title;
      if (mode === 'edit') return { slides, slide, title: pick(rng, NEW_TITLES), old: current };
      slides[slide - 1] = { ...slides[slide - 1]!, title: '' };
      return { slides, slide, title: current, old: '' };
    },
    phrasings:
      mode === 'type'
        ? [
            (p) => `Type the title '${p.title}' on slide ${p.slide}.`,
            (p) => `Slide ${p.slide} has no title yet; give it the title '${p.title}'.`,
            (p) => `put '${p.title}' as the heading of slide ${p.slide}`,
          ]
        : [
            (p) => `Change the title of slide ${p.slide} from '${p.old}' to '${p.title}'.`,
            (p) => `Rename the '${p.old}' slide's title to '${p.title}'.`,
            (p) => `the heading on slide ${p.slide} should read ${p.title} now`,
          ],
    template: (p) => deckTemplate(p.slides),
    refinedSteps: (p) =>
      numbered([
        selectStep(p.slide),
        mode === 'type'
          ? "On the slide, click the title placeholder ('Click to add title')."
          : 'On the slide, select the title placeholder by clicking its border.',
        mode === 'type' ? `Type '${p.title}'` : `Type '${p.title}' to replace the old title`,
      ]),
    oracle: (p) => [
      ...goToSlide(p.slide),
      click('Title 1'),
      // A selected placeholder's whole text is replaced by what is typed (UIA SetValue on the slide).
      setText(`Slide ${p.slide}`, p.title),
    ],
    evaluate(p, evidence) {
      const before = slidesOf(evidence.initial);
      const after = slidesOf(evidence.final);
      const target = before[p.slide - 1];
      const now = after.find((s) => s.id === target?.id);
      return judge(
        {
          [`the title placeholder of slide ${p.slide} reads exactly '${p.title}'`]: yes(
            shapeText(titleShape(now)).join('\n').trim() === p.title && now?.number === p.slide,
          ),
          "the slide's other text is unchanged": yes(
            now !== undefined && restOfSlide(now) === restOfSlide(target),
          ),
          'the other slides are unchanged': yes(
            after.length === before.length && othersKept(before, after, target ? [target.id] : []),
          ),
        },
        `slide ${p.slide} is titled '${p.title}'`,
      );
    },
  };
}

interface BulletParams extends SlideParams {
  bullets: string[];
}

const addBullets: TaskFamily<BulletParams> = {
  id: 'powerpoint.add-bullets',
  app: 'powerpoint',
  difficulty: 'medium',
  sample(rng) {
    const slides = sampleDeck(rng, 3, 5);
    const slide = bodySlide(rng, slides);
    const bullets = slides[slide - 1]!.bullets!;
    slides[slide - 1] = { title: slides[slide - 1]!.title };
    return { slides, slide, bullets };
  },
  phrasings: [
    (p) => `On slide ${p.slide}, add the bullet points ${p.bullets.map((b) => `'${b}'`).join(', ')}.`,
    (p) =>
      `Fill in the '${p.slides[p.slide - 1]!.title}' slide with three bullets: ${p.bullets.map((b) => `'${b}'`).join(', ')}.`,
    (p) => `slide ${p.slide} is empty, list these on it: ${p.bullets.join('; ')}`,
  ],
  template: (p) => deckTemplate(p.slides),
  refinedSteps: (p) =>
    numbered([
      selectStep(p.slide),
      "On the slide, click the content placeholder ('Click to add text').",
      ...p.bullets.map((b, i) =>
        i < p.bullets.length - 1 ? `Type '${b}' and press Enter.` : `Type '${b}'.`,
      ),
    ]),
  oracle: (p) => [
    ...goToSlide(p.slide),
    click('Content Placeholder 2'),
    setText(`Slide ${p.slide}`, p.bullets.join('\n')),
  ],
  evaluate(p, evidence) {
    const before = slidesOf(evidence.initial);
    const after = slidesOf(evidence.final);
    const target = before[p.slide - 1];
    const now = after.find((s) => s.id === target?.id);
    const title = titleShape(now);
    const others = (now?.shapes ?? []).filter((s) => s !== title);
    const body = others.find((s) => s.type === 'placeholder:obj' || s.type === 'placeholder:body');
    const paras = (body?.text ?? []).filter((q) => q.text.trim() !== '');
    return judge(
      {
        'the content placeholder holds exactly the three items, in order': yes(
          JSON.stringify(paras.map((q) => q.text.trim())) === JSON.stringify(p.bullets),
        ),
        'each item is a bulleted paragraph': yes(
          paras.length > 0 && paras.every((q) => q.bullet !== undefined),
        ),
        'the title is unchanged': yes(JSON.stringify(title) === JSON.stringify(titleShape(target))),
        'no other text was added to the slide': yes(
          others.filter((s) => s !== body && shapeText(s).join('') !== '').length === 0,
        ),
        'the other slides are unchanged': yes(
          after.length === before.length && othersKept(before, after, target ? [target.id] : []),
        ),
      },
      `slide ${p.slide} lists ${p.bullets.join(', ')}`,
    );
  },
};

type TitleFormat = 'bold' | 'size' | 'color';

interface FormatParams extends SlideParams {
  size?: number;
  color?: string;
}

const COLORS: Readonly<Record<string, string>> = {
  'Dark Red': '#C00000',
  Red: '#FF0000',
  Orange: '#FFC000',
  Green: '#00B050',
  Blue: '#0070C0',
  'Dark Blue': '#002060',
  Purple: '#7030A0',
};
const SIZES = [28, 32, 36, 40, 48, 54];

interface CharFormat {
  font: string;
  size: number;
  color: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
}

function charFormats(shape: Shape | undefined): CharFormat[] {
  return (shape?.text ?? []).flatMap((p) =>
    p.runs.flatMap((r) =>
      Array.from(r.text, () => ({
        font: r.font,
        size: r.size,
        color: r.color,
        bold: r.bold === true,
        italic: r.italic === true,
        underline: r.underline === true,
        strike: r.strike === true,
      })),
    ),
  );
}

function titleFormatFamily(kind: TitleFormat): TaskFamily<FormatParams> {
  const key = { bold: 'bold', size: 'size', color: 'color' } as const;
  const goal = (p: FormatParams): string =>
    kind === 'bold' ? 'bold' : kind === 'size' ? `${p.size} pt` : p.color!.toLowerCase();
  const has = (p: FormatParams, f: CharFormat): boolean =>
    kind === 'bold' ? f.bold : kind === 'size' ? f.size === p.size : f.color === COLORS[p.color!];
  return {
    id: {
      bold: 'powerpoint.title-bold',
      size: 'powerpoint.title-font-size',
      color: 'powerpoint.title-font-color',
    }[kind],
    app: 'powerpoint',
    difficulty: 'easy',
    sample(rng) {
      const slides = sampleDeck(rng, 3, 5);
      const p: FormatParams = { slides, slide: 1 + rng.integers(slides.length) };
      if (kind === 'size') p.size = pick(rng, SIZES);
      if (kind === 'color') p.color = pick(rng, Object.keys(COLORS));
      return p;
    },
    phrasings:
      kind === 'bold'
        ? [
            (p) => `Make the title of slide ${p.slide} bold.`,
            (p) => `Apply bold formatting to the title '${p.slides[p.slide - 1]!.title}'.`,
            (p) => `the heading on slide ${p.slide} should stand out, bold it`,
          ]
        : kind === 'size'
          ? [
              (p) => `Change the font size of the title on slide ${p.slide} to ${p.size} pt.`,
              (p) => `Set the '${p.slides[p.slide - 1]!.title}' title to ${p.size} point text.`,
              (p) => `make the slide ${p.slide} title size ${p.size}`,
            ]
          : [
              (p) => `Change the font color of the title on slide ${p.slide} to ${p.color}.`,
              (p) => `Color the title '${p.slides[p.slide - 1]!.title}' ${p.color!.toLowerCase()}.`,
              (p) => `can the title on slide ${p.slide} be ${p.color!.toLowerCase()} instead of black`,
            ],
    template: (p) => deckTemplate(p.slides),
    refinedSteps: (p) =>
      numbered([
        selectStep(p.slide),
        'On the slide, select the title placeholder by clicking its border.',
        kind === 'bold'
          ? 'On the **Home** tab, in the **Font** group, select **Bold**.'
          : kind === 'size'
            ? `On the **Home** tab, in the **Font** group, type '${p.size}' in the **Font Size** box and press Enter.`
            : 'On the **Home** tab, in the **Font** group, select the arrow next to **Font Color**.',
        ...(kind === 'color' ? [`Select **${p.color}**.`] : []),
      ]),
    oracle: (p) => [
      ...goToSlide(p.slide),
      click('Title 1'),
      ...(kind === 'bold'
        ? [click('Bold')]
        : kind === 'size'
          ? [setText('Font Size', String(p.size))]
          : [
              // The split button's arrow shares the name; Alt+Down on it opens the colour menu.
              focusKeys('Font Color', '{RIGHT}%{DOWN}'),
              click(p.color!),
            ]),
    ],
    evaluate(p, evidence) {
      const before = slidesOf(evidence.initial);
      const after = slidesOf(evidence.final);
      const target = before[p.slide - 1];
      const now = after.find((s) => s.id === target?.id);
      const was = charFormats(titleShape(target));
      const is = charFormats(titleShape(now));
      const strip = (f: CharFormat) => JSON.stringify({ ...f, [key[kind]]: null });
      return judge(
        {
          [`the whole title of slide ${p.slide} is ${goal(p)}`]: yes(
            is.length > 0 && is.every((f) => has(p, f)),
          ),
          'the title text is unchanged': yes(now?.title === target?.title),
          "the title's other formatting is unchanged": yes(
            is.length === was.length && is.every((f, i) => strip(f) === strip(was[i]!)),
          ),
          'the rest of the slide is unchanged': yes(
            now !== undefined && restOfSlide(now) === restOfSlide(target),
          ),
          'the other slides are unchanged': yes(
            after.length === before.length && othersKept(before, after, target ? [target.id] : []),
          ),
        },
        `the title of slide ${p.slide} is ${goal(p)}`,
      );
    },
  };
}

interface NotesParams extends SlideParams {
  notes: string;
  /** Another slide that already has notes (1-based), which must keep them. */
  other: number;
  otherNotes: string;
}

const speakerNotes: TaskFamily<NotesParams> = {
  id: 'powerpoint.speaker-notes',
  app: 'powerpoint',
  difficulty: 'easy',
  sample(rng) {
    const slides = sampleDeck(rng, 3, 5);
    const slide = 1 + rng.integers(slides.length);
    const other = 1 + ((slide + rng.integers(slides.length - 1)) % slides.length);
    const [notes, otherNotes] = shuffled(rng, NOTES);
    return { slides, slide, notes: notes!, other, otherNotes: otherNotes! };
  },
  phrasings: [
    (p) => `Add the speaker note '${p.notes}' to slide ${p.slide}.`,
    (p) => `Write '${p.notes}' in the notes of the '${p.slides[p.slide - 1]!.title}' slide.`,
    (p) => `remind me on slide ${p.slide}: ${p.notes}`,
  ],
  template: (p) => deckTemplate(p.slides, { [p.other]: { notes: p.otherNotes } }),
  refinedSteps: (p) =>
    numbered([
      selectStep(p.slide),
      'Click in the **Notes** pane below the slide (on the **View** tab, select **Notes** if it is hidden).',
      `Type '${p.notes}'`,
    ]),
  oracle: (p) => [
    ...goToSlide(p.slide),
    setText('Notes', p.notes),
    // Clicking back on the slide leaves the notes pane, which commits the typed text.
    click(`Slide ${p.slide}`),
  ],
  evaluate(p, evidence) {
    const before = slidesOf(evidence.initial);
    const after = slidesOf(evidence.final);
    const target = before[p.slide - 1];
    const now = after.find((s) => s.id === target?.id);
    return judge(
      {
        [`slide ${p.slide} has the note '${p.notes}'`]: yes((now?.notes ?? '').trim() === p.notes),
        'the slide itself is unchanged': yes(
          now !== undefined && content(now, ['notes']) === content(target, ['notes']),
        ),
        [`the other slides are unchanged (slide ${p.other} keeps its note)`]: yes(
          after.length === before.length && othersKept(before, after, target ? [target.id] : []),
        ),
      },
      `slide ${p.slide} has the note`,
    );
  },
};

// ------------------------------------------------------------------------------------------------ questions

/** Nothing about the slides changed (answering a question must not edit the deck). */
function deckUnchanged(evidence: EpisodeEvidence): boolean {
  const before = slidesOf(evidence.initial);
  const after = slidesOf(evidence.final);
  return after.length === before.length && before.every((s, i) => content(s) === content(after[i]));
}

interface CountParams extends DeckParams {
  hidden: number;
}

const countSlides: TaskFamily<CountParams> = {
  id: 'powerpoint.count-slides',
  app: 'powerpoint',
  difficulty: 'easy',
  sample(rng) {
    const slides = sampleDeck(rng, 3, 8);
    // Sometimes one slide is hidden: it still counts, as PowerPoint's status bar counts it.
    return { slides, hidden: rng.integers(2) === 0 ? 0 : bodySlide(rng, slides) };
  },
  phrasings: [
    () => 'How many slides are in this presentation?',
    () => 'Count the slides in the deck, hidden ones included.',
    () => "what's the total number of slides here",
  ],
  template: (p) => deckTemplate(p.slides, p.hidden > 0 ? { [p.hidden]: { hidden: true } } : {}),
  refinedSteps: () =>
    numbered([
      "Look at the status bar at the bottom of the window: it shows 'Slide 1 of N'.",
      'Read N, the number of slides.',
    ]),
  oracle: (p) => [summary(`The presentation has ${p.slides.length} slides.`)],
  evaluate(p, evidence) {
    const n = p.slides.length;
    const said = evidence.answers.some((a) => new RegExp(`(^|\\D)${n}(\\D|$)`).test(a));
    return judge(
      {
        [`the answer says ${n} slides`]: yes(said),
        'the presentation is unchanged': yes(deckUnchanged(evidence)),
      },
      `answered ${n} slides`,
    );
  },
};

const slideTitleQuestion: TaskFamily<SlideParams> = {
  id: 'powerpoint.slide-title-question',
  app: 'powerpoint',
  difficulty: 'easy',
  sample(rng) {
    const slides = sampleDeck(rng, 3, 6);
    return { slides, slide: 1 + rng.integers(slides.length) };
  },
  phrasings: [
    (p) => `What is the title of slide ${p.slide}?`,
    (p) => `Tell me the heading of slide number ${p.slide}.`,
    (p) => `what does slide ${p.slide} say at the top`,
  ],
  template: (p) => ({ ...deckTemplate(p.slides) }),
  refinedSteps: (p) =>
    numbered([selectStep(p.slide), 'Read the text in the title placeholder of the slide.']),
  oracle: (p) => [summary(`The title of slide ${p.slide} is '${p.slides[p.slide - 1]!.title}'.`)],
  evaluate(p, evidence) {
    const title = p.slides[p.slide - 1]!.title.toLowerCase();
    const others = p.slides.filter((_, i) => i !== p.slide - 1).map((s) => s.title.toLowerCase());
    const answers = evidence.answers.map((a) => a.toLowerCase());
    return judge(
      {
        [`the answer names '${p.slides[p.slide - 1]!.title}'`]: yes(answers.some((a) => a.includes(title))),
        'the answer does not name another slide instead': yes(
          answers.every((a) => !others.some((o) => a.includes(o))),
        ),
        'the presentation is unchanged': yes(deckUnchanged(evidence)),
      },
      `answered '${p.slides[p.slide - 1]!.title}'`,
    );
  },
};

// ------------------------------------------------------------------------------------------------ infeasible

interface TranslateParams extends DeckParams {
  language: string;
}

/** Review > Translate sends text to Microsoft Translator, an online service this offline PowerPoint lacks. */
const translateInfeasible: TaskFamily<TranslateParams> = {
  id: 'powerpoint.translate-slides-infeasible',
  app: 'powerpoint',
  difficulty: 'medium',
  infeasible: true,
  sample(rng) {
    return {
      slides: sampleDeck(rng, 3, 5),
      language: pick(rng, ['French', 'German', 'Spanish', 'Japanese']),
    };
  },
  phrasings: [
    (p) => `Use Microsoft Translator (Review > Translate) to translate every slide into ${p.language}.`,
    (p) => `Translate the whole presentation into ${p.language} with PowerPoint's built-in Translator.`,
    (p) => `my audience speaks ${p.language}, translate the deck for them with the translate button`,
  ],
  template: (p) => deckTemplate(p.slides),
  refinedSteps: (p) =>
    numbered([
      'On the **Review** tab, in the **Language** group, select **Translate**.',
      `In the **Translator** pane, set the target language to '${p.language}'.`,
      'Select **Insert** to replace the text of each slide.',
    ]),
  oracle: () => [failStep()],
  evaluate(_p, evidence) {
    return judge(
      {
        'the agent reported that the task cannot be done': yes(evidence.status === 'FAIL'),
        'the presentation is unchanged': yes(deckUnchanged(evidence)),
      },
      'reported that Translator is not available',
    );
  },
};

export const POWERPOINT_SLIDES_FAMILIES = [
  newSlideWithLayout,
  deleteSlide,
  duplicateSlide,
  moveSlide,
  changeLayout,
  hideSlide,
  titleTextFamily('type'),
  titleTextFamily('edit'),
  addBullets,
  titleFormatFamily('bold'),
  titleFormatFamily('size'),
  titleFormatFamily('color'),
  speakerNotes,
  countSlides,
  slideTitleQuestion,
  translateInfeasible,
] as unknown as TaskFamily<Record<string, unknown>>[];
