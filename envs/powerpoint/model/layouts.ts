/**
 * The slide master's layouts, as PowerPoint's Office Theme defines them (names, OOXML layout types,
 * placeholder types, indices and 16:9 geometry), and the master's text styles.
 */
import { fail } from './errors.ts';
import type {
  LayoutPlaceholder,
  MasterTextStyles,
  PlaceholderTextStyle,
  PlaceholderType,
  SlideLayout,
  SlideSize,
} from './types.ts';

/** Layout names in the order of Home > Layout's gallery. */
export const LAYOUT_NAMES = [
  'Title Slide',
  'Title and Content',
  'Section Header',
  'Two Content',
  'Comparison',
  'Title Only',
  'Blank',
  'Content with Caption',
  'Picture with Caption',
  'Title and Vertical Text',
  'Vertical Title and Text',
] as const;

/** OOXML ST_SlideLayoutType of each layout; import maps foreign layouts back through it. */
export const LAYOUT_TYPES: Readonly<Record<(typeof LAYOUT_NAMES)[number], string>> = {
  'Title Slide': 'title',
  'Title and Content': 'obj',
  'Section Header': 'secHead',
  'Two Content': 'twoObj',
  Comparison: 'twoTxTwoObj',
  'Title Only': 'titleOnly',
  Blank: 'blank',
  'Content with Caption': 'objTx',
  'Picture with Caption': 'picTx',
  'Title and Vertical Text': 'vertTx',
  'Vertical Title and Text': 'vertTitleAndTx',
};

const WIDE = { width: 12192000, height: 6858000 };

type Ph = [
  type: PlaceholderType,
  idx: number,
  x: number,
  y: number,
  w: number,
  h: number,
  style?: PlaceholderTextStyle,
];

const TITLE: Ph = ['title', 0, 838200, 365125, 10515600, 1325563];
const CAPTION_TITLE: Ph = ['title', 0, 839788, 457200, 3932237, 1600200, { size: 32, anchor: 'bottom' }];
const CAPTION_TEXT: Ph = ['body', 2, 839788, 2057400, 3932237, 3811588, { size: 16, noBullets: true }];
const COMPARISON_HEAD: PlaceholderTextStyle = { size: 24, bold: true, noBullets: true, anchor: 'bottom' };

const LAYOUT_PLACEHOLDERS: Readonly<Record<(typeof LAYOUT_NAMES)[number], Ph[]>> = {
  'Title Slide': [
    ['ctrTitle', 0, 1524000, 1122363, 9144000, 2387600, { size: 60, align: 'center', anchor: 'bottom' }],
    ['subTitle', 1, 1524000, 3602038, 9144000, 1655762, { size: 24, align: 'center', noBullets: true }],
  ],
  'Title and Content': [TITLE, ['obj', 1, 838200, 1825625, 10515600, 4351338]],
  'Section Header': [
    ['title', 0, 831850, 1709738, 10515600, 2852737, { size: 60, anchor: 'bottom' }],
    ['body', 1, 831850, 4589463, 10515600, 1500187, { size: 24, noBullets: true }],
  ],
  'Two Content': [
    TITLE,
    ['obj', 1, 838200, 1825625, 5181600, 4351338],
    ['obj', 2, 6172200, 1825625, 5181600, 4351338],
  ],
  Comparison: [
    ['title', 0, 839788, 365125, 10515600, 1325563],
    ['body', 1, 839788, 1681163, 5157787, 823912, COMPARISON_HEAD],
    ['obj', 2, 839788, 2505075, 5157787, 3684588],
    ['body', 3, 6172200, 1681163, 5183188, 823912, COMPARISON_HEAD],
    ['obj', 4, 6172200, 2505075, 5183188, 3684588],
  ],
  'Title Only': [TITLE],
  Blank: [],
  'Content with Caption': [CAPTION_TITLE, ['obj', 1, 5183188, 987425, 6172200, 4873625], CAPTION_TEXT],
  'Picture with Caption': [
    CAPTION_TITLE,
    ['pic', 1, 5183188, 987425, 6172200, 4873625, { size: 32 }],
    CAPTION_TEXT,
  ],
  'Title and Vertical Text': [TITLE, ['body', 1, 838200, 1825625, 10515600, 4351338]],
  'Vertical Title and Text': [
    ['title', 0, 8724900, 365125, 2628900, 5811838],
    ['body', 1, 838200, 365125, 7734300, 5811838],
  ],
};

/** Date, footer and slide number: on every layout, but not put on new slides (Insert > Header & Footer). */
const FOOTERS: Ph[] = [
  ['dt', 10, 838200, 6356350, 2743200, 365125],
  ['ftr', 11, 4038600, 6356350, 4114800, 365125],
  ['sldNum', 12, 8610600, 6356350, 2743200, 365125],
];

const VERTICAL_LAYOUTS = new Set(['Title and Vertical Text', 'Vertical Title and Text']);

/** "Title 1", "Content Placeholder 2"…: the names PowerPoint gives placeholders (the number is added later). */
export function placeholderBaseName(type: PlaceholderType, vertical = false): string {
  switch (type) {
    case 'title':
    case 'ctrTitle':
      return vertical ? 'Vertical Title' : 'Title';
    case 'subTitle':
      return 'Subtitle';
    case 'body':
      return vertical ? 'Vertical Text Placeholder' : 'Text Placeholder';
    case 'obj':
      return 'Content Placeholder';
    case 'pic':
      return 'Picture Placeholder';
    case 'tbl':
      return 'Table Placeholder';
    case 'chart':
      return 'Chart Placeholder';
    case 'dt':
      return 'Date Placeholder';
    case 'ftr':
      return 'Footer Placeholder';
    case 'sldNum':
      return 'Slide Number Placeholder';
    default:
      return 'Placeholder';
  }
}

export function placeholderPrompt(type: PlaceholderType): string {
  switch (type) {
    case 'title':
    case 'ctrTitle':
      return 'Click to add title';
    case 'subTitle':
      return 'Click to add subtitle';
    case 'pic':
      return 'Click icon to add picture';
    case 'tbl':
      return 'Click icon to add table';
    case 'dt':
    case 'ftr':
    case 'sldNum':
      return '';
    default:
      return 'Click to add text';
  }
}

/** The layouts of the Office Theme master, laid out for `size` (x scales with the width, y with the height). */
export function buildLayouts(size: SlideSize): SlideLayout[] {
  const sx = size.width / WIDE.width;
  const sy = size.height / WIDE.height;
  return LAYOUT_NAMES.map((name) => {
    const vertical = VERTICAL_LAYOUTS.has(name);
    const placeholders = [...LAYOUT_PLACEHOLDERS[name], ...FOOTERS].map(
      ([type, idx, x, y, w, h, style], i) => {
        const isVertical =
          vertical && (type === 'body' || (type === 'title' && name === 'Vertical Title and Text'));
        const ph: LayoutPlaceholder = {
          type,
          idx,
          name: `${placeholderBaseName(type, isVertical)} ${i + 1}`,
          x: Math.round(x * sx),
          y: Math.round(y * sy),
          width: Math.round(w * sx),
          height: Math.round(h * sy),
          prompt: placeholderPrompt(type),
        };
        if (isVertical) ph.vertical = true;
        if (style) ph.textStyle = { ...style };
        return ph;
      },
    );
    return { name, type: LAYOUT_TYPES[name], placeholders };
  });
}

/** The Office Theme master's text styles: 44 pt headings font titles, 28/24/20/18 pt bulleted body levels. */
export function defaultTextStyles(): MasterTextStyles {
  const sizes = [28, 24, 20, 18, 18, 18, 18, 18, 18];
  return {
    title: { size: 44, font: 'major', color: 'tx1', align: 'left', bold: false },
    body: sizes.map((size) => ({ size, bullet: { type: 'char', char: '•', font: 'Arial' } })),
    bodyFont: 'minor',
    bodyColor: 'tx1',
    other: { size: 18 },
  };
}

export function findLayout(layouts: readonly SlideLayout[], name: string): SlideLayout {
  const key = name.trim().toLowerCase();
  const found = layouts.find((l) => l.name.toLowerCase() === key);
  if (!found) {
    return fail(
      'UNKNOWN_LAYOUT',
      `unknown slide layout ${JSON.stringify(name)}; this master has: ${layouts.map((l) => l.name).join(', ')}`,
    );
  }
  return found;
}

/** True for placeholders PowerPoint fills when a slide is created from the layout (not date/footer/number). */
export function isContentPlaceholder(type: PlaceholderType): boolean {
  return type !== 'dt' && type !== 'ftr' && type !== 'sldNum';
}
