/**
 * Word for Microsoft 365's ribbon: File, Home, Insert, Design, Layout, References, Review, View, and the
 * contextual Table Design and Table Layout tabs while the caret is in a table. Group and command names are
 * the ones Word shows (and UI Automation reports), so a LAM's `control_text` from real Word runs matches.
 */
import {
  button,
  checkBox,
  comboBox,
  dropDown,
  gallery,
  group,
  menu,
  menuItem,
  splitButton,
  tab,
  text,
  toggle,
  type BackstageDecl,
  type ControlDecl,
  type MenuEntryDecl,
  type RibbonDecl,
} from '../../office/index.ts';
import { FONT_SIZES, MARGIN_PRESETS, WATERMARK_PRESETS, findStyle } from '../model/index.ts';
import {
  BULLET_LIBRARY,
  HIGHLIGHT_NAMES,
  LINE_SPACINGS,
  NUMBERING_LIBRARY,
  PAPER_SIZES,
  SHAPE_NAMES,
  STANDARD_COLORS,
  parseNumber,
} from './commands.ts';
import { countOf, formatOf, pagesOf, wordsOf } from './derived.ts';
import type { WordState } from './state.ts';

type S = WordState;

/** Fonts in the Font box list (the Office theme fonts first, as Word lists them). */
export const FONT_NAMES = [
  'Calibri Light',
  'Calibri',
  'Aptos',
  'Arial',
  'Arial Black',
  'Cambria',
  'Candara',
  'Comic Sans MS',
  'Consolas',
  'Courier New',
  'Georgia',
  'Garamond',
  'Segoe UI',
  'Tahoma',
  'Times New Roman',
  'Trebuchet MS',
  'Verdana',
];

export const SYMBOLS = [
  '©',
  '®',
  '™',
  '€',
  '£',
  '¥',
  '§',
  '¶',
  '°',
  '±',
  '≠',
  '≤',
  '≥',
  '÷',
  '×',
  '∞',
  'µ',
  'α',
  'β',
  'π',
  'Ω',
  '✓',
  '…',
  '—',
];

/** formatOf(s).inTable, read directly: the contextual tabs ask on every view, most of which show no format. */
const inTable = (s: S): boolean =>
  s.doc.selection.focus.path.length > 1 && s.doc.selection.story === undefined;
const inHeaderFooter = (s: S): boolean => /^(header|footer):/.test(s.doc.selection.story ?? '');

function colorItems(
  command: string,
  names: readonly string[],
  extra: readonly MenuEntryDecl<S>[] = [],
): MenuEntryDecl<S>[] {
  return [
    ...names.map((name) => menuItem<S>({ name, command: { command, args: { value: name } } })),
    ...extra,
  ];
}

const fontColorMenu = menu<S>({
  items: colorItems(
    'fontColor',
    Object.keys(STANDARD_COLORS).filter((n) => n !== 'White' && n !== 'Black' && n !== 'Gray'),
  ),
});

const highlightMenu = menu<S>({
  items: colorItems('highlight', Object.keys(HIGHLIGHT_NAMES), [
    menuItem<S>({ name: 'No Color', command: { command: 'highlight', args: { value: 'No Color' } } }),
  ]),
});

/**
 * The Styles gallery's items. The same array comes back while the names are the same: the kernel compiles
 * computed item lists once per array.
 */
let lastStyles: { table: unknown; names: string[]; key: string } | null = null;
function quickStyles(s: S): string[] {
  if (lastStyles !== null && lastStyles.table === s.doc.styles) return lastStyles.names;
  const names = Object.values(s.doc.styles)
    .filter((st) => st.quick === true && (st.type === 'paragraph' || st.type === 'character'))
    .map((st) => st.name);
  const key = names.join('\u0000');
  if (lastStyles === null || lastStyles.key !== key) lastStyles = { table: s.doc.styles, names, key };
  else lastStyles.table = s.doc.styles;
  return lastStyles.names;
}

function fontSizeProblem(text: string): string | null {
  let n: number;
  try {
    n = parseNumber(text, 'size');
  } catch {
    return 'This is not a valid number.';
  }
  if (n < 1 || n > 1638) return 'The number must be between 1 and 1638.';
  return null;
}

const home = tab<S>('Home', [
  group('Clipboard', [
    button({ name: 'Paste', size: 'large', command: 'paste' }),
    button({ name: 'Cut', command: 'cut' }),
    button({ name: 'Copy', command: 'copy' }),
    toggle({
      name: 'Format Painter',
      command: 'formatPainter',
      toggled: (s) => s.painter !== null && s.painter !== undefined,
    }),
  ]),
  group(
    'Font',
    [
      comboBox({
        name: 'Font',
        value: (s) => formatOf(s).font ?? '',
        items: FONT_NAMES,
        command: 'font',
        editable: true,
        validate: (t) => (t.trim() === '' ? 'This is not a valid font name.' : null),
      }),
      comboBox({
        name: 'Font Size',
        value: (s) => {
          const size = formatOf(s).size;
          return size === null ? '' : String(size);
        },
        items: FONT_SIZES.map(String),
        command: 'fontSize',
        editable: true,
        validate: fontSizeProblem,
        width: 60,
      }),
      button({ name: 'Increase Font Size', size: 'icon', command: 'growFont' }),
      button({ name: 'Decrease Font Size', size: 'icon', command: 'shrinkFont' }),
      dropDown({
        name: 'Change Case',
        size: 'icon',
        menu: menu({
          items: [
            ['Sentence case.', 'sentence'],
            ['lowercase', 'lower'],
            ['UPPERCASE', 'upper'],
            ['Capitalize Each Word', 'capitalize'],
            ['tOGGLE cASE', 'toggle'],
          ].map(([name, mode]) =>
            menuItem<S>({ name: name!, command: { command: 'changeCase', args: { mode } } }),
          ),
        }),
      }),
      button({ name: 'Clear All Formatting', size: 'icon', command: 'clearFormatting' }),
      toggle({ name: 'Bold', size: 'icon', command: 'bold', toggled: (s) => formatOf(s).bold === true }),
      toggle({
        name: 'Italic',
        size: 'icon',
        command: 'italic',
        toggled: (s) => formatOf(s).italic === true,
      }),
      splitButton({
        name: 'Underline',
        size: 'icon',
        command: 'underline',
        toggled: (s) => {
          const u = formatOf(s).underline;
          return u !== null && u !== 'none';
        },
        menu: menu({
          items: [
            ['Underline', 'single'],
            ['Double underline', 'double'],
            ['Thick underline', 'thick'],
            ['Dotted underline', 'dotted'],
            ['Dashed underline', 'dash'],
            ['Wave underline', 'wave'],
          ].map(([name, value]) =>
            menuItem<S>({
              name: name!,
              id: `u_${value!}`,
              command: { command: 'underlineStyle', args: { value } },
            }),
          ),
        }),
      }),
      toggle({
        name: 'Strikethrough',
        size: 'icon',
        command: 'strikethrough',
        toggled: (s) => formatOf(s).strike === true,
      }),
      toggle({
        name: 'Subscript',
        size: 'icon',
        command: 'subscript',
        toggled: (s) => formatOf(s).subscript === true,
      }),
      toggle({
        name: 'Superscript',
        size: 'icon',
        command: 'superscript',
        toggled: (s) => formatOf(s).superscript === true,
      }),
      splitButton({ name: 'Text Highlight Color', size: 'icon', command: 'highlight', menu: highlightMenu }),
      splitButton({ name: 'Font Color', size: 'icon', command: 'fontColor', menu: fontColorMenu }),
    ],
    { launcher: { name: 'Font Settings', dialog: 'font' } },
  ),
  group(
    'Paragraph',
    [
      splitButton({
        name: 'Bullets',
        size: 'icon',
        command: 'bullets',
        toggled: (s) => formatOf(s).list === 'bullet',
        menu: menu({
          name: 'Bullet Library',
          items: [
            menuItem<S>({
              name: 'None',
              id: 'b_none',
              command: { command: 'bullets', args: { value: 'None' } },
            }),
            ...Object.keys(BULLET_LIBRARY).map((name) =>
              menuItem<S>({ name, command: { command: 'bullets', args: { value: name } } }),
            ),
          ],
        }),
      }),
      splitButton({
        name: 'Numbering',
        size: 'icon',
        command: 'numbering',
        toggled: (s) => formatOf(s).list === 'number',
        menu: menu({
          name: 'Numbering Library',
          items: [
            menuItem<S>({
              name: 'None',
              id: 'n_none',
              command: { command: 'numbering', args: { value: 'None' } },
            }),
            ...Object.keys(NUMBERING_LIBRARY).map((name) =>
              menuItem<S>({ name, command: { command: 'numbering', args: { value: name } } }),
            ),
          ],
        }),
      }),
      button({ name: 'Decrease Indent', size: 'icon', command: 'decreaseIndent' }),
      button({ name: 'Increase Indent', size: 'icon', command: 'increaseIndent' }),
      toggle({
        name: 'Show/Hide ¶',
        id: 'ShowHide',
        size: 'icon',
        command: 'toggleMarks',
        toggled: (s) => s.view.marks,
      }),
      toggle({
        name: 'Align Left',
        size: 'icon',
        command: { command: 'align', args: { value: 'left' } },
        toggled: (s) => formatOf(s).align === 'left',
      }),
      toggle({
        name: 'Center',
        size: 'icon',
        command: { command: 'align', args: { value: 'center' } },
        toggled: (s) => formatOf(s).align === 'center',
      }),
      toggle({
        name: 'Align Right',
        size: 'icon',
        command: { command: 'align', args: { value: 'right' } },
        toggled: (s) => formatOf(s).align === 'right',
      }),
      toggle({
        name: 'Justify',
        size: 'icon',
        command: { command: 'align', args: { value: 'justify' } },
        toggled: (s) => formatOf(s).align === 'justify',
      }),
      dropDown({
        name: 'Line and Paragraph Spacing',
        size: 'icon',
        menu: menu({
          items: [
            ...LINE_SPACINGS.map((v) =>
              menuItem<S>({
                name: v,
                command: { command: 'lineSpacing', args: { value: Number(v) } },
                checked: (s) => formatOf(s).lineSpacing === Number(v),
              }),
            ),
            menuItem<S>({ name: 'Line Spacing Options...', dialog: 'paragraph' }),
            menuItem<S>({ name: 'Add Space Before Paragraph', command: 'spaceBefore' }),
            menuItem<S>({
              name: 'Remove Space After Paragraph',
              command: { command: 'spaceAfter', args: { remove: true } },
            }),
          ],
        }),
      }),
      splitButton({
        name: 'Borders',
        size: 'icon',
        command: { command: 'paragraphBorders', args: { value: 'Bottom Border' } },
        menu: menu({
          items: [
            ...[
              'Bottom Border',
              'Top Border',
              'Left Border',
              'Right Border',
              'No Border',
              'All Borders',
              'Outside Borders',
            ].map((name) =>
              menuItem<S>({ name, command: { command: 'paragraphBorders', args: { value: name } } }),
            ),
            menuItem<S>({ name: 'Borders and Shading...', dialog: 'bordersShading' }),
          ],
        }),
      }),
    ],
    { launcher: { name: 'Paragraph Settings', dialog: 'paragraph' } },
  ),
  group('Styles', [
    gallery({
      name: 'Styles',
      items: quickStyles,
      value: (s) => {
        const id = formatOf(s).style;
        return id === null ? null : (findStyle(s.doc, id)?.name ?? id);
      },
      command: 'style',
      inline: 5,
    }),
  ]),
  group('Editing', [
    splitButton({
      name: 'Find',
      command: 'showNavigationPane',
      menu: menu({
        items: [
          menuItem<S>({ name: 'Find', id: 'findPane', command: 'showNavigationPane' }),
          menuItem<S>({ name: 'Advanced Find...', dialog: 'findReplace' }),
          menuItem<S>({ name: 'Go To...', dialog: 'findReplace' }),
        ],
      }),
    }),
    button({ name: 'Replace', dialog: 'replace' }),
    dropDown({
      name: 'Select',
      menu: menu({ items: [menuItem<S>({ name: 'Select All', command: 'selectAll' })] }),
    }),
  ]),
]);

const tableGrid: MenuEntryDecl<S>[] = [];
for (let r = 1; r <= 5; r++) {
  for (let c = 1; c <= 5; c++) {
    tableGrid.push(
      menuItem<S>({
        name: `${c}x${r} Table`,
        type: 'Button',
        command: { command: 'insertTable', args: { rows: r, columns: c } },
      }),
    );
  }
}

const insert = tab<S>('Insert', [
  group('Pages', [
    button({ name: 'Blank Page', command: 'blankPage' }),
    button({ name: 'Page Break', command: 'pageBreak' }),
  ]),
  group('Tables', [
    dropDown({
      name: 'Table',
      size: 'large',
      menu: menu({
        name: 'Insert Table',
        items: [...tableGrid, menuItem<S>({ name: 'Insert Table...', dialog: 'insertTable' })],
      }),
    }),
  ]),
  group('Illustrations', [
    dropDown({
      name: 'Shapes',
      menu: menu({
        items: SHAPE_NAMES.map((name) =>
          menuItem<S>({ name, type: 'Button', command: { command: 'shape', args: { value: name } } }),
        ),
      }),
    }),
  ]),
  group('Links', [button({ name: 'Link', size: 'large', dialog: 'hyperlink' })]),
  group('Comments', [button({ name: 'Comment', size: 'large', command: 'comment' })]),
  group('Header & Footer', [
    dropDown({
      name: 'Header',
      menu: menu({
        items: [
          menuItem<S>({ name: 'Edit Header', command: 'header' }),
          menuItem<S>({
            name: 'Remove Header',
            command: { command: 'header', args: { value: 'Remove Header' } },
          }),
        ],
      }),
    }),
    dropDown({
      name: 'Footer',
      menu: menu({
        items: [
          menuItem<S>({ name: 'Edit Footer', command: 'footer' }),
          menuItem<S>({
            name: 'Remove Footer',
            command: { command: 'footer', args: { value: 'Remove Footer' } },
          }),
        ],
      }),
    }),
    dropDown({
      name: 'Page Number',
      menu: menu({
        items: [
          menuItem<S>({
            name: 'Top of Page',
            submenu: menu({
              items: (['left', 'center', 'right'] as const).map((a, i) =>
                menuItem<S>({
                  name: `Plain Number ${i + 1}`,
                  id: `top${i + 1}`,
                  command: { command: 'pageNumber', args: { value: `header:${a}` } },
                }),
              ),
            }),
          }),
          menuItem<S>({
            name: 'Bottom of Page',
            submenu: menu({
              items: (['left', 'center', 'right'] as const).map((a, i) =>
                menuItem<S>({
                  name: `Plain Number ${i + 1}`,
                  id: `bottom${i + 1}`,
                  command: { command: 'pageNumber', args: { value: `footer:${a}` } },
                }),
              ),
            }),
          }),
          menuItem<S>({
            name: 'Remove Page Numbers',
            command: { command: 'pageNumber', args: { value: 'Remove Page Numbers' } },
          }),
        ],
      }),
    }),
  ]),
  group('Text', [
    dropDown({
      name: 'Text Box',
      size: 'large',
      menu: menu({
        items: [
          menuItem<S>({
            name: 'Simple Text Box',
            type: 'Button',
            command: { command: 'textBox', args: { text: '[Type a quote from the document]' } },
          }),
          menuItem<S>({ name: 'Draw Text Box', command: 'textBox' }),
        ],
      }),
    }),
  ]),
  group('Symbols', [
    dropDown({
      name: 'Symbol',
      menu: menu({
        items: [
          ...SYMBOLS.slice(0, 12).map((sym) =>
            menuItem<S>({ name: sym, type: 'Button', command: { command: 'symbol', args: { value: sym } } }),
          ),
          menuItem<S>({ name: 'More Symbols...', dialog: 'symbol' }),
        ],
      }),
    }),
  ]),
]);

const PAGE_COLOR_NAMES = Object.keys(STANDARD_COLORS).filter((n) => n !== 'Automatic');

const design = tab<S>('Design', [
  group('Page Background', [
    dropDown({
      name: 'Watermark',
      size: 'large',
      menu: menu({
        items: [
          ...WATERMARK_PRESETS.map((w) =>
            menuItem<S>({
              name: `${w} 1`,
              type: 'Button',
              command: { command: 'watermark', args: { value: w } },
            }),
          ),
          menuItem<S>({ name: 'Custom Watermark...', dialog: 'watermark' }),
          menuItem<S>({
            name: 'Remove Watermark',
            command: { command: 'watermark', args: { value: 'Remove Watermark' } },
          }),
        ],
      }),
    }),
    dropDown({
      name: 'Page Color',
      size: 'large',
      menu: menu({
        items: [
          ...PAGE_COLOR_NAMES.map((name) =>
            menuItem<S>({ name, command: { command: 'pageColor', args: { value: name } } }),
          ),
          menuItem<S>({ name: 'No Color', command: { command: 'pageColor', args: { value: 'No Color' } } }),
        ],
      }),
    }),
    button({ name: 'Page Borders', size: 'large', dialog: 'pageBorders' }),
  ]),
]);

const layoutTab = tab<S>('Layout', [
  group(
    'Page Setup',
    [
      dropDown({
        name: 'Margins',
        size: 'large',
        menu: menu({
          items: [
            ...Object.keys(MARGIN_PRESETS).map((name) =>
              menuItem<S>({ name, type: 'ListItem', command: { command: 'margins', args: { value: name } } }),
            ),
            menuItem<S>({ name: 'Custom Margins...', dialog: 'pageSetup' }),
          ],
        }),
      }),
      dropDown({
        name: 'Orientation',
        size: 'large',
        menu: menu({
          items: [
            menuItem<S>({
              name: 'Portrait',
              type: 'ListItem',
              command: { command: 'orientation', args: { value: 'portrait' } },
              checked: (s) => s.doc.section.orientation === 'portrait',
            }),
            menuItem<S>({
              name: 'Landscape',
              type: 'ListItem',
              command: { command: 'orientation', args: { value: 'landscape' } },
              checked: (s) => s.doc.section.orientation === 'landscape',
            }),
          ],
        }),
      }),
      dropDown({
        name: 'Size',
        size: 'large',
        menu: menu({
          items: [
            ...Object.keys(PAPER_SIZES).map((name) =>
              menuItem<S>({
                name,
                type: 'ListItem',
                command: { command: 'pageSize', args: { value: name } },
              }),
            ),
            menuItem<S>({ name: 'More Paper Sizes...', dialog: 'pageSetup' }),
          ],
        }),
      }),
      dropDown({
        name: 'Columns',
        size: 'large',
        menu: menu({
          items: (['One', 'Two', 'Three'] as const).map((name, i) =>
            menuItem<S>({
              name,
              type: 'ListItem',
              command: { command: 'columns', args: { value: i + 1 } },
              checked: (s) => s.doc.section.columns.count === i + 1,
            }),
          ),
        }),
      }),
      dropDown({
        name: 'Breaks',
        menu: menu({
          items: [
            menuItem<S>({ name: 'Page', command: 'pageBreak' }),
            menuItem<S>({ name: 'Column', command: 'columnBreak' }),
            menuItem<S>({
              name: 'Next Page',
              command: { command: 'sectionBreak', args: { value: 'nextPage' } },
            }),
            menuItem<S>({
              name: 'Continuous',
              command: { command: 'sectionBreak', args: { value: 'continuous' } },
            }),
          ],
        }),
      }),
    ],
    { launcher: { name: 'Page Setup', dialog: 'pageSetup' } },
  ),
]);

const references = tab<S>('References', [
  group('Footnotes', [
    button({ name: 'Insert Footnote', size: 'large', enabled: false }),
    button({ name: 'Insert Endnote', enabled: false }),
  ]),
  group('Citations & Bibliography', [button({ name: 'Insert Citation', size: 'large', enabled: false })]),
  group('Captions', [button({ name: 'Insert Caption', size: 'large', enabled: false })]),
]);

const review = tab<S>('Review', [
  group('Proofing', [button({ name: 'Word Count', dialog: 'wordCount' })]),
  group('Comments', [
    button({ name: 'New Comment', size: 'large', command: 'comment' }),
    button({ name: 'Delete', id: 'DeleteComment', command: 'deleteComment' }),
    button({ name: 'Resolve', command: 'resolveComment' }),
  ]),
]);

const viewTab = tab<S>('View', [
  group('Views', [
    toggle({
      name: 'Read Mode',
      size: 'large',
      command: { command: 'viewMode', args: { value: 'read' } },
      toggled: (s) => s.view.mode === 'read',
    }),
    toggle({
      name: 'Print Layout',
      size: 'large',
      command: { command: 'viewMode', args: { value: 'print' } },
      toggled: (s) => s.view.mode === 'print',
    }),
    toggle({
      name: 'Web Layout',
      size: 'large',
      command: { command: 'viewMode', args: { value: 'web' } },
      toggled: (s) => s.view.mode === 'web',
    }),
  ]),
  group('Show', [
    checkBox({ name: 'Ruler', checked: (s) => s.view.ruler, command: 'toggleRuler' }),
    checkBox({ name: 'Gridlines', checked: (s) => s.view.gridlines, command: 'toggleGridlines' }),
    checkBox({
      name: 'Navigation Pane',
      checked: (s) => s.view.navigationPane,
      command: 'toggleNavigationPane',
    }),
  ]),
  group('Zoom', [
    button({ name: '100%', size: 'large', command: { command: 'zoom', args: { value: 100 } } }),
  ]),
]);

const tableDesign = tab<S>(
  'Table Design',
  [
    group('Table Styles', [
      gallery({
        name: 'Table Styles',
        items: ['Table Grid', 'Grid Table Light', 'Plain Table 1', 'Grid Table 1 Light', 'Normal Table'],
        command: 'tableStyle',
        inline: 3,
      }),
      dropDown({
        name: 'Shading',
        menu: menu({
          items: [
            ...PAGE_COLOR_NAMES.map((name) =>
              menuItem<S>({ name, command: { command: 'tableShading', args: { value: name } } }),
            ),
            menuItem<S>({
              name: 'No Color',
              command: { command: 'tableShading', args: { value: 'No Color' } },
            }),
          ],
        }),
      }),
    ]),
    group('Borders', [
      dropDown({
        name: 'Borders',
        menu: menu({
          items: ['All Borders', 'No Border', 'Outside Borders', 'Inside Borders'].map((name) =>
            menuItem<S>({ name, command: { command: 'tableBorders', args: { value: name } } }),
          ),
        }),
      }),
    ]),
  ],
  { contextual: { when: (s: S) => inTable(s) } },
);

const tableLayout = tab<S>(
  'Table Layout',
  [
    group('Table', [
      dropDown({
        name: 'Select',
        id: 'SelectInTable',
        menu: menu({ items: [menuItem<S>({ name: 'Select Table', command: 'selectTable' })] }),
      }),
    ]),
    group('Rows & Columns', [
      dropDown({
        name: 'Delete',
        size: 'large',
        menu: menu({
          items: [
            menuItem<S>({ name: 'Delete Columns', command: 'deleteColumns' }),
            menuItem<S>({ name: 'Delete Rows', command: 'deleteRows' }),
            menuItem<S>({ name: 'Delete Table', command: 'deleteTable' }),
          ],
        }),
      }),
      button({
        name: 'Insert Above',
        size: 'large',
        command: { command: 'insertRows', args: { value: 'above' } },
      }),
      button({
        name: 'Insert Below',
        size: 'large',
        command: { command: 'insertRows', args: { value: 'below' } },
      }),
      button({ name: 'Insert Left', command: { command: 'insertColumns', args: { value: 'left' } } }),
      button({ name: 'Insert Right', command: { command: 'insertColumns', args: { value: 'right' } } }),
    ]),
    group('Merge', [button({ name: 'Merge Cells', command: 'mergeCells' })]),
  ],
  { contextual: { when: (s: S) => inTable(s) } },
);

/** Header & Footer (contextual while the caret is in a header or footer). */
const headerFooterTab = tab<S>(
  'Header & Footer',
  [
    group('Close', [
      button({ name: 'Close Header and Footer', size: 'large', command: 'closeHeaderFooter' }),
    ]),
  ],
  { contextual: { when: (s: S) => inHeaderFooter(s) } },
);

const infoContent: ControlDecl<S>[] = [
  text({ name: (s: S) => (s.file.format === 'doc' ? 'Compatibility Mode' : 'Info'), id: 'InfoTitle' }),
  text({ name: (s: S) => `Pages: ${countOf(s).pages}`, id: 'Pages' }),
  text({ name: (s: S) => `Words: ${countOf(s).words}`, id: 'Words' }),
];

const fileTab: BackstageDecl<S> = {
  name: 'File Tab',
  navType: 'ListItem',
  initialPage: 'Info',
  pages: [
    { name: 'Info', content: infoContent },
    { name: 'Save', command: 'save' },
    { name: 'Save As', dialog: 'saveAs' },
  ],
};

export const wordRibbon: RibbonDecl<S> = {
  tabs: [
    home,
    insert,
    design,
    layoutTab,
    references,
    review,
    viewTab,
    tableDesign,
    tableLayout,
    headerFooterTab,
  ],
  fileTab,
  initialTab: 'Home',
};

/** Status bar entries: page and word counts, as Word's status bar shows them. */
export const statusItems: ControlDecl<S>[] = [
  text({ name: (s: S) => `Page 1 of ${pagesOf(s)}`, id: 'PageNumber' }),
  text({ name: (s: S) => `${wordsOf(s)} words`, id: 'WordCount' }),
  button({
    name: (s: S) => `Zoom ${s.view.zoom}%`,
    id: 'Zoom',
    command: { command: 'zoom', args: { value: 100 } },
  }),
];
