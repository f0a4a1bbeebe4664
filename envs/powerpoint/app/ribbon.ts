/**
 * PowerPoint for Microsoft 365's ribbon: File, Home, Insert, Design, Transitions, Animations, Slide Show, Review
 * and View. Group and command names are the ones PowerPoint shows (and UI Automation reports), so a LAM's
 * `control_text` from real PowerPoint runs matches.
 */
import {
  button,
  checkBox,
  comboBox,
  dropDown,
  gallery,
  group,
  listItem,
  menu,
  menuItem,
  splitButton,
  tab,
  text,
  toggle,
  type BackstageDecl,
  type ControlDecl,
  type GroupDecl,
  type MemoKey,
  type MenuEntryDecl,
  type RibbonDecl,
} from '../../office/index.ts';
import { LAYOUT_NAMES } from '../model/layouts.ts';
import { ENTRANCE_DURATIONS } from '../model/operations/animations.ts';
import { FONT_SIZE_STEPS } from '../model/operations/text-editing.ts';
import { TRANSITION_CATALOG } from '../model/operations/transitions.ts';
import { SHAPE_CATALOG } from '../model/shapes.ts';
import { COLOR_SCHEMES, FONT_SCHEMES, THEMES } from '../model/themes.ts';
import { ENTRANCE_EFFECTS, TRANSITION_TYPES, type TransitionType } from '../model/types.ts';
import { currentSlide, selectedShape, selectionFormat } from './derived.ts';
import { COLOR_NAMES } from './dialogs.ts';
import type { PowerPointState } from './state.ts';

type S = PowerPointState;

/** Fonts in the Font box list: the theme fonts first, as PowerPoint lists them, then common fonts. */
export const FONT_NAMES = [
  'Calibri Light',
  'Calibri',
  'Aptos',
  'Arial',
  'Arial Black',
  'Century Gothic',
  'Comic Sans MS',
  'Consolas',
  'Courier New',
  'Garamond',
  'Georgia',
  'Impact',
  'Segoe UI',
  'Tahoma',
  'Times New Roman',
  'Trebuchet MS',
  'Verdana',
];

const fmt = (s: S) => selectionFormat(s.pres)?.format;
const transitionOf = (s: S) => currentSlide(s.pres)?.transition ?? null;
const animationOf = (s: S) => {
  const shape = selectedShape(s.pres);
  return shape
    ? currentSlide(s.pres)
        ?.animations.filter((a) => a.shapeId === shape.id)
        .pop()
    : undefined;
};
const hasSlide = (s: S) => currentSlide(s.pres) !== undefined;
const hasShape = (s: S) => selectedShape(s.pres) !== undefined;

/*
 * Memo keys of the ribbon groups (see the kernel's MemoKey): each says everything its group's controls read from
 * the state, so the kernel can reuse the group's entries while the key holds. Presentations are immutable, so
 * a slide's transition or a shape's animation object is a valid key: it is replaced whenever it changes.
 */
/** A ribbon group whose controls the kernel reuses while `memo` gives the same key. */
function memoGroup(name: string, memo: MemoKey<S>, controls: readonly ControlDecl<S>[]): GroupDecl<S> {
  return group(name, controls, { memo });
}

const STATIC = (): number => 0;
const slideKey = (s: S): boolean => hasSlide(s);
const layoutKey = (s: S): string => currentSlide(s.pres)?.layout ?? '\u0003';
const fontKey = (s: S): string => {
  const f = fmt(s);
  const shape = hasShape(s) ? '1' : '0';
  if (f === undefined) return shape;
  return `${shape}\u0001${f.font}\u0001${f.size}\u0001${f.bold}${f.italic}${f.underline}${f.strike}`;
};
const paragraphKey = (s: S): string =>
  `${hasShape(s) ? '1' : '0'}\u0001${selectionBullet(s)}\u0001${selectionFormat(s.pres)?.align ?? ''}`;
const themeKey = (s: S): string => s.pres.theme.name;
const variantKey = (s: S): string => {
  const t = s.pres.theme;
  return `${t.name}\u0001${t.variant}\u0001${t.colors.name}\u0001${t.fonts.name}`;
};
const transitionKey = (s: S): unknown => (hasSlide(s) ? transitionOf(s) : '\u0003');
const animationKey = (s: S): unknown => (hasShape(s) ? (animationOf(s) ?? null) : '\u0003');
const showKey = (s: S): string => `${s.view.ruler}${s.view.gridlines}${s.view.notesPane}`;
const hiddenKey = (s: S): string => {
  const slide = currentSlide(s.pres);
  return slide === undefined ? '\u0003' : String(slide.hidden);
};

export const layoutItems = (command: string) =>
  LAYOUT_NAMES.map((name) =>
    listItem<S>({
      name,
      command: { command, args: { value: name } },
      selected: (s: S) => command === 'layout' && currentSlide(s.pres)?.layout === name,
    }),
  );

const home = tab<S>('Home', [
  memoGroup('Slides', layoutKey, [
    splitButton({
      name: 'New Slide',
      command: 'newSlide',
      // Below the layout gallery PowerPoint's Home > New Slide menu offers Duplicate Selected Slides.
      menu: menu({
        name: 'New Slide',
        items: [
          ...layoutItems('newSlide'),
          menuItem<S>({ name: 'Duplicate Selected Slides', command: 'duplicateSlide' }),
        ],
      }),
    }),
    dropDown({
      name: 'Layout',
      menu: menu({ name: 'Layout', items: layoutItems('layout') }),
      enabled: hasSlide,
    }),
    button({ name: 'Reset', command: 'resetSlide', enabled: hasSlide }),
    dropDown({
      name: 'Section',
      menu: menu({ name: 'Section', items: [menuItem({ name: 'Add Section', command: 'addSection' })] }),
    }),
  ]),
  memoGroup('Font', fontKey, [
    comboBox({
      name: 'Font',
      value: (s: S) => fmt(s)?.font ?? '',
      items: FONT_NAMES,
      command: 'font',
      editable: true,
      enabled: hasShape,
    }),
    comboBox({
      name: 'Font Size',
      value: (s: S) => (fmt(s) ? String(fmt(s)!.size) : ''),
      items: FONT_SIZE_STEPS.map(String),
      command: 'fontSize',
      editable: true,
      enabled: hasShape,
      validate: (v) =>
        /^\d+(\.\d)?$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 4000
          ? null
          : 'The entry must be a number from 1 to 4000.',
    }),
    button({ name: 'Increase Font Size', command: 'growFont', size: 'icon', enabled: hasShape }),
    button({ name: 'Decrease Font Size', command: 'shrinkFont', size: 'icon', enabled: hasShape }),
    toggle({
      name: 'Bold',
      command: 'bold',
      toggled: (s: S) => fmt(s)?.bold ?? false,
      size: 'icon',
      enabled: hasShape,
    }),
    toggle({
      name: 'Italic',
      command: 'italic',
      toggled: (s: S) => fmt(s)?.italic ?? false,
      size: 'icon',
      enabled: hasShape,
    }),
    toggle({
      name: 'Underline',
      command: 'underline',
      toggled: (s: S) => fmt(s)?.underline ?? false,
      size: 'icon',
      enabled: hasShape,
    }),
    toggle({
      name: 'Strikethrough',
      command: 'strike',
      toggled: (s: S) => fmt(s)?.strike ?? false,
      size: 'icon',
      enabled: hasShape,
    }),
    splitButton({
      name: 'Font Color',
      command: 'fontColor',
      enabled: hasShape,
      menu: menu({
        name: 'Font Color',
        items: COLOR_NAMES.map((name) =>
          menuItem<S>({ name, command: { command: 'fontColor', args: { value: name } } }),
        ),
      }),
    }),
  ]),
  memoGroup('Paragraph', paragraphKey, [
    toggle({
      name: 'Bullets',
      command: 'bullets',
      toggled: (s: S) => {
        const b = selectionBullet(s);
        return b !== '' && !/^(arabic|roman|alpha)/.test(b);
      },
      size: 'icon',
      enabled: hasShape,
    }),
    toggle({
      name: 'Numbering',
      command: 'numbering',
      toggled: (s: S) => /^(arabic|roman|alpha)/.test(selectionBullet(s)),
      size: 'icon',
      enabled: hasShape,
    }),
    button({ name: 'Decrease List Level', command: 'decreaseListLevel', size: 'icon', enabled: hasShape }),
    button({ name: 'Increase List Level', command: 'increaseListLevel', size: 'icon', enabled: hasShape }),
    dropDown({
      name: 'Line Spacing',
      enabled: hasShape,
      menu: menu({
        name: 'Line Spacing',
        items: ['1.0', '1.5', '2.0', '2.5', '3.0'].map((v) =>
          menuItem<S>({ name: v, command: { command: 'lineSpacing', args: { value: Number(v) } } }),
        ),
      }),
    }),
    ...(['left', 'center', 'right', 'justify'] as const).map((value) =>
      toggle<S>({
        name: { left: 'Align Left', center: 'Center', right: 'Align Right', justify: 'Justify' }[value],
        command: { command: 'align', args: { value } },
        toggled: (s: S) => selectionFormat(s.pres)?.align === value,
        size: 'icon',
        enabled: hasShape,
      }),
    ),
  ]),
  memoGroup('Editing', STATIC, [button({ name: 'Replace', dialog: 'replace' })]),
]);

/*
 * Computed item lists are memoised by what they list: the kernel compiles a list once per array object, so the
 * same array for the same theme (or transition) saves compiling it again for every observation.
 */
const variantLists = new Map<string, readonly string[]>();

function variantNames(theme: string): readonly string[] {
  let list = variantLists.get(theme);
  if (list === undefined) {
    const def = THEMES.find((t) => t.name === theme);
    list = def ? def.variants.map((_, i) => `Variant ${i + 1}`) : [];
    // Imported decks can bring any theme name; the cache stays small.
    if (variantLists.size >= 64) variantLists.clear();
    variantLists.set(theme, list);
  }
  return list;
}

const effectLists = new Map<string, readonly MenuEntryDecl<S>[]>();

function effectOptionItems(type: TransitionType): readonly MenuEntryDecl<S>[] {
  let list = effectLists.get(type);
  if (list === undefined) {
    list = TRANSITION_CATALOG[type].effects.map((e) =>
      listItem<S>({
        name: e,
        command: { command: 'effectOption', args: { value: e } },
        selected: (st: S) => transitionOf(st)?.effect === e,
      }),
    );
    effectLists.set(type, list);
  }
  return list;
}

function selectionBullet(s: S): string {
  const shape = selectedShape(s.pres);
  if (!shape || !('text' in shape)) return '';
  const p = shape.text.paragraphs[s.pres.selection.text?.anchor.paragraph ?? 0];
  const b = p?.bullet;
  if (b) return b.type === 'none' ? '' : b.type === 'char' ? b.char : b.scheme;
  // Content placeholders are bulleted unless told otherwise.
  return shape.kind === 'placeholder' &&
    (shape.placeholder.type === 'obj' || shape.placeholder.type === 'body')
    ? '•'
    : '';
}

const insert = tab<S>('Insert', [
  memoGroup('Slides', STATIC, [
    splitButton({
      name: 'New Slide',
      id: 'InsertNewSlide',
      command: 'newSlide',
      menu: menu({ name: 'New Slide', items: layoutItems('newSlide') }),
    }),
  ]),
  memoGroup('Tables', slideKey, [button({ name: 'Table', dialog: 'insertTable', enabled: hasSlide })]),
  memoGroup('Images', slideKey, [button({ name: 'Pictures', dialog: 'insertPicture', enabled: hasSlide })]),
  memoGroup('Illustrations', slideKey, [
    dropDown({
      name: 'Shapes',
      enabled: hasSlide,
      menu: menu({
        name: 'Shapes',
        items: Object.keys(SHAPE_CATALOG).map((name) =>
          listItem<S>({ name, command: { command: 'insertShape', args: { value: name } } }),
        ),
      }),
    }),
  ]),
  memoGroup('Text', slideKey, [
    button({ name: 'Text Box', command: 'textBox', enabled: hasSlide }),
    // PowerPoint's Slide Number button opens the same Header and Footer dialog.
    button({ name: 'Header & Footer', dialog: 'headerFooter', enabled: hasSlide }),
    button({ name: 'Slide Number', dialog: 'headerFooter', enabled: hasSlide }),
  ]),
]);

const design = tab<S>('Design', [
  memoGroup('Themes', themeKey, [
    gallery({
      name: 'Themes',
      items: THEMES.map((t) => t.name),
      value: (s: S) => s.pres.theme.name,
      command: 'theme',
      inline: 6,
    }),
  ]),
  memoGroup('Variants', variantKey, [
    gallery({
      name: 'Variants',
      items: (s: S) => variantNames(s.pres.theme.name),
      value: (s: S) => `Variant ${s.pres.theme.variant}`,
      command: 'variant',
      inline: 4,
    }),
    dropDown({
      name: 'Colors',
      menu: menu({
        name: 'Colors',
        items: COLOR_SCHEMES.map((c) =>
          listItem<S>({
            name: c.name,
            command: { command: 'colors', args: { value: c.name } },
            selected: (s: S) => s.pres.theme.colors.name === c.name,
          }),
        ),
      }),
    }),
    dropDown({
      name: 'Fonts',
      menu: menu({
        name: 'Fonts',
        items: FONT_SCHEMES.map((f) =>
          listItem<S>({
            name: f.name,
            command: { command: 'fonts', args: { value: f.name } },
            selected: (s: S) => s.pres.theme.fonts.name === f.name,
          }),
        ),
      }),
    }),
  ]),
  memoGroup('Customize', slideKey, [
    dropDown({
      name: 'Slide Size',
      menu: menu({
        name: 'Slide Size',
        items: ['Standard (4:3)', 'Widescreen (16:9)'].map((name) =>
          menuItem<S>({ name, command: { command: 'slideSize', args: { value: name } } }),
        ),
      }),
    }),
    button({ name: 'Format Background', dialog: 'formatBackground', enabled: hasSlide }),
  ]),
]);

const transitions = tab<S>('Transitions', [
  memoGroup('Transition to This Slide', transitionKey, [
    gallery({
      name: 'Transition to This Slide',
      items: [...TRANSITION_TYPES],
      value: (s: S) => transitionOf(s)?.type ?? 'None',
      command: 'transition',
      inline: 8,
      enabled: hasSlide,
    }),
    dropDown({
      name: 'Effect Options',
      enabled: (s: S) => (TRANSITION_CATALOG[transitionOf(s)?.type ?? 'None'].effects.length ?? 0) > 0,
      menu: menu({
        name: 'Effect Options',
        items: (s: S) => effectOptionItems(transitionOf(s)?.type ?? 'None'),
      }),
    }),
  ]),
  memoGroup('Timing', transitionKey, [
    comboBox({
      name: 'Duration',
      value: (s: S) => (transitionOf(s)?.duration ?? 0).toFixed(2),
      items: ['0.50', '0.75', '1.00', '1.50', '2.00', '3.00'],
      command: 'transitionDuration',
      editable: true,
      enabled: (s: S) => (transitionOf(s)?.type ?? 'None') !== 'None',
      validate: (v) =>
        /^\d+(\.\d+)?/.test(v.trim()) && Number.parseFloat(v) <= 59.99
          ? null
          : 'The entry must be a number of seconds from 0 to 59.99.',
    }),
    button({ name: 'Apply To All', command: 'applyTransitionToAll', enabled: hasSlide }),
    checkBox({
      name: 'On Mouse Click',
      checked: (s: S) => transitionOf(s)?.advanceOnClick ?? true,
      command: 'advanceOnClick',
      enabled: hasSlide,
    }),
    checkBox({
      name: 'After',
      checked: (s: S) => (transitionOf(s)?.advanceAfter ?? null) !== null,
      command: 'toggleAdvanceAfter',
      enabled: hasSlide,
    }),
    comboBox({
      name: 'Advance After',
      value: (s: S) => (transitionOf(s)?.advanceAfter ?? 0).toFixed(2),
      items: ['00.00', '01.00', '02.00', '05.00', '10.00'],
      command: 'advanceAfter',
      editable: true,
      enabled: hasSlide,
      validate: (v) => (/^\d+(\.\d+)?/.test(v.trim()) ? null : 'The entry must be a number of seconds.'),
    }),
  ]),
]);

const animationNames = ['None', ...ENTRANCE_EFFECTS];

const animations = tab<S>('Animations', [
  memoGroup('Animation', animationKey, [
    gallery({
      name: 'Animation Styles',
      items: animationNames,
      value: (s: S) => animationOf(s)?.effect ?? 'None',
      command: 'animation',
      inline: 7,
      enabled: hasShape,
    }),
  ]),
  memoGroup('Advanced Animation', animationKey, [
    dropDown({
      name: 'Add Animation',
      enabled: hasShape,
      menu: menu({
        name: 'Add Animation',
        items: ENTRANCE_EFFECTS.map((e) =>
          listItem<S>({ name: e, command: { command: 'addAnimation', args: { value: e } } }),
        ),
      }),
    }),
  ]),
  memoGroup('Timing', animationKey, [
    comboBox({
      name: 'Start',
      value: (s: S) => animationOf(s)?.trigger ?? '',
      items: ['On Click', 'With Previous', 'After Previous'],
      command: 'animationStart',
      enabled: (s: S) => animationOf(s) !== undefined,
    }),
    comboBox({
      name: 'Duration',
      id: 'AnimationDuration',
      value: (s: S) => {
        const a = animationOf(s);
        return a ? a.duration.toFixed(2) : '';
      },
      items: [...new Set(Object.values(ENTRANCE_DURATIONS))].sort((a, b) => a - b).map((d) => d.toFixed(2)),
      command: 'animationDuration',
      editable: true,
      enabled: (s: S) => animationOf(s) !== undefined,
    }),
    comboBox({
      name: 'Delay',
      value: (s: S) => {
        const a = animationOf(s);
        return a ? a.delay.toFixed(2) : '';
      },
      items: ['00.00', '00.25', '00.50', '01.00'],
      command: 'animationDelay',
      editable: true,
      enabled: (s: S) => animationOf(s) !== undefined,
    }),
  ]),
]);

const slideShow = tab<S>('Slide Show', [
  memoGroup('Start Slide Show', STATIC, [
    button({ name: 'From Beginning', command: 'slideShowFromBeginning' }),
    button({ name: 'From Current Slide', command: 'slideShowFromCurrent' }),
  ]),
  memoGroup('Set Up', hiddenKey, [
    toggle({
      name: 'Hide Slide',
      command: 'hideSlide',
      toggled: (s: S) => currentSlide(s.pres)?.hidden ?? false,
      enabled: hasSlide,
    }),
  ]),
]);

const review = tab<S>('Review', [
  memoGroup('Accessibility', STATIC, [
    button({ name: 'Check Accessibility', command: 'checkAccessibility' }),
  ]),
]);

const VIEWS = [
  ['Normal', 'normal'],
  ['Outline View', 'outline'],
  ['Slide Sorter', 'sorter'],
  ['Notes Page', 'notesPage'],
  ['Reading View', 'reading'],
] as const;

const view = tab<S>('View', [
  memoGroup(
    'Presentation Views',
    (s: S) => s.view.mode,
    VIEWS.map(([name, value]) =>
      toggle<S>({
        name,
        command: { command: 'viewMode', args: { value } },
        toggled: (s: S) => s.view.mode === value,
      }),
    ),
  ),
  memoGroup('Show', showKey, [
    checkBox({ name: 'Ruler', checked: (s: S) => s.view.ruler, command: 'toggleRuler' }),
    checkBox({ name: 'Gridlines', checked: (s: S) => s.view.gridlines, command: 'toggleGridlines' }),
    toggle({ name: 'Notes', command: 'toggleNotesPane', toggled: (s: S) => s.view.notesPane }),
  ]),
]);

const fileTab: BackstageDecl<S> = {
  name: 'File Tab',
  navType: 'ListItem',
  initialPage: 'Info',
  pages: [
    {
      name: 'Info',
      content: [text({ name: (s: S) => `${s.pres.document.name}: ${s.pres.slides.length} slides` })],
    },
    { name: 'Save', command: 'save' },
    { name: 'Save As', dialog: 'saveAs' },
  ],
};

export const powerPointRibbon: RibbonDecl<S> = {
  tabs: [home, insert, design, transitions, animations, slideShow, review, view],
  fileTab,
  initialTab: 'Home',
};

/** Status bar: "Slide 2 of 5", the Notes toggle, as PowerPoint's status bar shows them. */
export const statusItems: ControlDecl<S>[] = [
  text({
    name: (s: S) => {
      const i = s.pres.slides.findIndex((x) => x.id === s.pres.selection.slideId);
      return `Slide ${i + 1} of ${s.pres.slides.length}`;
    },
    id: 'SlideNumber',
  }),
  toggle({
    name: 'Notes',
    id: 'StatusNotes',
    command: 'toggleNotesPane',
    toggled: (s: S) => s.view.notesPane,
  }),
];
