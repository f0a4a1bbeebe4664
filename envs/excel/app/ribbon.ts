/**
 * Excel for Microsoft 365's ribbon: Home, Insert, Page Layout, Formulas, Data, Review and View, with the group
 * and command names Excel shows through UI Automation. Commands the simulator does not model yet are shown
 * disabled (never as buttons that silently do nothing).
 */
import {
  button,
  checkBox,
  comboBox,
  dropDown,
  group,
  menu,
  menuItem,
  splitButton,
  tab,
  text,
  toggle,
  type ControlDecl,
  type GroupDecl,
  type MenuEntryDecl,
  type RibbonDecl,
  type TabDecl,
} from '../../office/index.ts';
import { NUMBER_FORMAT_PRESETS, numberFormatCategory } from '../formula/number-format.ts';
import type { CellStyle } from '../model/types.ts';
import { BORDER_ITEMS, NUMBER_FORMATS, STANDARD_COLORS } from './commands.ts';
import { activeCellOf, activeSheet, type ExcelState } from './state.ts';
import { dataTab, entryKey, fixedKey, formulasTab, insertTab, stylesGroup } from './ribbon-data.ts';

type S = ExcelState;

export const FONT_NAMES = [
  'Aptos Narrow',
  'Aptos Display',
  'Arial',
  'Arial Black',
  'Calibri',
  'Calibri Light',
  'Cambria',
  'Candara',
  'Comic Sans MS',
  'Consolas',
  'Courier New',
  'Georgia',
  'Segoe UI',
  'Tahoma',
  'Times New Roman',
  'Trebuchet MS',
  'Verdana',
];
export const FONT_SIZES = [
  '8',
  '9',
  '10',
  '11',
  '12',
  '14',
  '16',
  '18',
  '20',
  '22',
  '24',
  '26',
  '28',
  '36',
  '48',
  '72',
];

const NO_STYLE: Readonly<CellStyle> = Object.freeze({});

/** The active cell's own style (no copy: observations read it often). */
function activeStyle(s: S): Readonly<CellStyle> {
  const sheet = activeSheet(s);
  return sheet.cells[activeCellOf(sheet).addr]?.style ?? NO_STYLE;
}

/** The Number Format box shows the category of the active cell's format. */
export function numberFormatName(s: S): string {
  const code = activeStyle(s).numFmt;
  if (code === undefined || code === 'General') return 'General';
  for (const [name, preset] of Object.entries(NUMBER_FORMATS)) {
    if (NUMBER_FORMAT_PRESETS[preset as keyof typeof NUMBER_FORMAT_PRESETS] === code) return name;
  }
  // Other decimals of a category ("0.0", "$#,##0", "0%", Comma Style) still show the category's name.
  const category = numberFormatCategory(code);
  return ['Number', 'Currency', 'Accounting', 'Percentage', 'Scientific', 'Fraction'].includes(category)
    ? category
    : 'Custom';
}

/** A command not modelled yet: shown, disabled. */
const off = (name: string, size: 'large' | 'small' | 'icon' = 'small'): ControlDecl<S> =>
  button({ name, enabled: false, size });
const offGroup = (name: string, names: readonly string[]): GroupDecl<S> =>
  group(
    name,
    names.map((n) => off(n)),
    { memo: fixedKey },
  );

/*
 * Memo keys of the ribbon groups (GroupDecl.memo): each says everything its group's controls, their menus and
 * their commands' `enabled` read from the state, so the kernel reuses the group's entries while it holds. Every
 * command's `enabled` reads only whether a cell is being typed into (Excel greys the ribbon then).
 */

function fontKey(s: S): string {
  const f = activeStyle(s).font;
  const d = s.wb.defaultFont;
  return `${entryKey(s)}\u0000${f?.name ?? d.name}\u0000${f?.size ?? d.size}\u0000${f?.bold === true}\u0000${
    f?.italic === true
  }\u0000${f?.underline !== undefined}`;
}

function alignmentKey(s: S): string {
  const a = activeStyle(s).alignment;
  return `${entryKey(s)}\u0000${a?.horizontal}\u0000${a?.vertical}\u0000${a?.wrapText === true}`;
}

function numberKey(s: S): string {
  const code = activeStyle(s).numFmt;
  return code === undefined ? `${entryKey(s)}` : `${entryKey(s)}\u0000${code}`;
}

/** Gridlines check boxes read the sheet's setting. */
function gridlinesKey(s: S): number {
  return entryKey(s) + (activeSheet(s).showGridLines !== false ? 2 : 0);
}

/** View > Window: Freeze Panes' first item reads whether the sheet has frozen panes. */
function windowKey(s: S): number {
  return entryKey(s) + (activeSheet(s).freeze ? 2 : 0);
}

function colorMenu(command: string, extra: string): MenuEntryDecl<S>[] {
  return [
    menuItem<S>({ name: extra, command: { command, args: { value: extra } } }),
    ...Object.keys(STANDARD_COLORS).map((name) =>
      menuItem<S>({ name, command: { command, args: { value: name } } }),
    ),
  ];
}

const alignToggle = (name: string, axis: 'horizontal' | 'vertical', value: string) =>
  toggle<S>({
    name,
    size: 'icon',
    command: { command: axis === 'horizontal' ? 'alignHorizontal' : 'alignVertical', args: { value } },
    toggled: (s) => activeStyle(s).alignment?.[axis] === value,
  });

const sortFilterItems: MenuEntryDecl<S>[] = [
  menuItem({ name: 'Sort A to Z', command: { command: 'sort', args: { descending: false } } }),
  menuItem({ name: 'Sort Z to A', command: { command: 'sort', args: { descending: true } } }),
  menuItem({ name: 'Custom Sort...', dialog: 'sort' }),
  menuItem({ name: 'Filter', command: 'filter' }),
  menuItem({ name: 'Clear', id: 'ClearFilter', command: 'clearFilter' }),
  menuItem({ name: 'Reapply', enabled: false }),
];

const home: TabDecl<S> = tab('Home', [
  group(
    'Clipboard',
    [
      splitButton({
        name: 'Paste',
        size: 'large',
        command: 'paste',
        menu: menu({ items: [menuItem({ name: 'Paste', id: 'PasteAll', command: 'paste' })] }),
      }),
      button({ name: 'Cut', command: 'cut' }),
      button({ name: 'Copy', command: 'copy' }),
      off('Format Painter', 'icon'),
    ],
    { memo: entryKey },
  ),
  group(
    'Font',
    [
      comboBox({
        name: 'Font',
        editable: true,
        value: (s) => activeStyle(s).font?.name ?? s.wb.defaultFont.name,
        items: FONT_NAMES,
        command: 'font',
      }),
      comboBox({
        name: 'Font Size',
        editable: true,
        value: (s) => String(activeStyle(s).font?.size ?? s.wb.defaultFont.size),
        items: FONT_SIZES,
        command: 'fontSize',
        validate: (t) => {
          const n = Number(t);
          if (!Number.isFinite(n) || t.trim() === '') return 'This is not a valid number.';
          return n < 1 || n > 409 ? 'The number must be between 1 and 409.' : null;
        },
      }),
      off('Increase Font Size', 'icon'),
      off('Decrease Font Size', 'icon'),
      toggle({
        name: 'Bold',
        size: 'icon',
        command: 'bold',
        toggled: (s) => activeStyle(s).font?.bold === true,
      }),
      toggle({
        name: 'Italic',
        size: 'icon',
        command: 'italic',
        toggled: (s) => activeStyle(s).font?.italic === true,
      }),
      toggle({
        name: 'Underline',
        size: 'icon',
        command: 'underline',
        toggled: (s) => activeStyle(s).font?.underline !== undefined,
      }),
      splitButton({
        name: 'Borders',
        command: { command: 'borders', args: { value: 'Bottom Border' } },
        menu: menu({
          items: Object.keys(BORDER_ITEMS).map((name) =>
            menuItem<S>({ name, command: { command: 'borders', args: { value: name } } }),
          ),
        }),
      }),
      splitButton({
        name: 'Fill Color',
        command: { command: 'fillColor', args: { value: 'Yellow' } },
        menu: menu({ items: colorMenu('fillColor', 'No Fill') }),
      }),
      splitButton({
        name: 'Font Color',
        command: { command: 'fontColor', args: { value: 'Red' } },
        menu: menu({ items: colorMenu('fontColor', 'Automatic') }),
      }),
    ],
    { memo: fontKey },
  ),
  group(
    'Alignment',
    [
      alignToggle('Top Align', 'vertical', 'top'),
      alignToggle('Middle Align', 'vertical', 'center'),
      alignToggle('Bottom Align', 'vertical', 'bottom'),
      off('Orientation', 'icon'),
      alignToggle('Align Left', 'horizontal', 'left'),
      alignToggle('Center', 'horizontal', 'center'),
      alignToggle('Align Right', 'horizontal', 'right'),
      off('Decrease Indent', 'icon'),
      off('Increase Indent', 'icon'),
      toggle({
        name: 'Wrap Text',
        command: 'wrapText',
        toggled: (s) => activeStyle(s).alignment?.wrapText === true,
      }),
      splitButton({
        name: 'Merge & Center',
        command: { command: 'mergeCenter', args: { mode: 'center' } },
        menu: menu({
          items: [
            menuItem({
              name: 'Merge & Center',
              id: 'MergeCenterItem',
              command: { command: 'mergeCenter', args: { mode: 'center' } },
            }),
            menuItem({ name: 'Merge Across', command: { command: 'mergeCenter', args: { mode: 'across' } } }),
            menuItem({ name: 'Merge Cells', command: { command: 'mergeCenter', args: { mode: 'merge' } } }),
            menuItem({
              name: 'Unmerge Cells',
              command: { command: 'mergeCenter', args: { mode: 'unmerge' } },
            }),
          ],
        }),
      }),
    ],
    { memo: alignmentKey },
  ),
  group(
    'Number',
    [
      comboBox({
        name: 'Number Format',
        value: numberFormatName,
        items: Object.keys(NUMBER_FORMATS),
        command: 'numberFormat',
      }),
      button({
        name: 'Accounting Number Format',
        size: 'icon',
        command: { command: 'numberFormat', args: { value: 'Accounting' } },
      }),
      button({
        name: 'Percent Style',
        size: 'icon',
        command: { command: 'numberFormatCode', args: { code: '0%' } },
      }),
      button({
        name: 'Comma Style',
        size: 'icon',
        command: { command: 'numberFormatCode', args: { code: 'comma' } },
      }),
      button({ name: 'Increase Decimal', size: 'icon', command: 'increaseDecimal' }),
      button({ name: 'Decrease Decimal', size: 'icon', command: 'decreaseDecimal' }),
    ],
    { memo: numberKey },
  ),
  stylesGroup,
  group(
    'Cells',
    [
      splitButton({
        name: 'Insert',
        command: 'insertRows',
        menu: menu({
          items: [
            menuItem({ name: 'Insert Cells...', command: 'openInsertCells' }),
            menuItem({ name: 'Insert Sheet Rows', command: 'insertRows' }),
            menuItem({ name: 'Insert Sheet Columns', command: 'insertColumns' }),
            menuItem({ name: 'Insert Sheet', command: 'insertSheet' }),
          ],
        }),
      }),
      splitButton({
        name: 'Delete',
        command: 'deleteRows',
        menu: menu({
          items: [
            menuItem({ name: 'Delete Cells...', command: 'openDeleteCells' }),
            menuItem({ name: 'Delete Sheet Rows', command: 'deleteRows' }),
            menuItem({ name: 'Delete Sheet Columns', command: 'deleteColumns' }),
            menuItem({ name: 'Delete Sheet', command: 'deleteSheet' }),
          ],
        }),
      }),
      dropDown({
        name: 'Format',
        menu: menu({
          items: [
            menuItem({ name: 'Row Height...', enabled: false }),
            menuItem({ name: 'AutoFit Row Height', enabled: false }),
            menuItem({ name: 'Column Width...', dialog: 'columnWidth' }),
            menuItem({ name: 'AutoFit Column Width', command: 'autoFitColumns' }),
            menuItem({ name: 'Default Width...', enabled: false }),
            menuItem({ name: 'Rename Sheet', command: 'startRename' }),
            menuItem({ name: 'Move or Copy Sheet...', dialog: 'moveOrCopy' }),
            menuItem({ name: 'Format Cells...', dialog: 'formatCells' }),
          ],
        }),
      }),
    ],
    { memo: entryKey },
  ),
  group(
    'Editing',
    [
      splitButton({
        name: 'AutoSum',
        command: 'autoSum',
        menu: menu({
          items: [
            menuItem({ name: 'Sum', command: 'autoSum' }),
            menuItem({ name: 'Average', enabled: false }),
            menuItem({ name: 'Count Numbers', enabled: false }),
            menuItem({ name: 'Max', enabled: false }),
            menuItem({ name: 'Min', enabled: false }),
          ],
        }),
      }),
      off('Fill'),
      dropDown({
        name: 'Clear',
        menu: menu({ items: [menuItem({ name: 'Clear Contents', command: 'clearContents' })] }),
      }),
      dropDown({ name: 'Sort & Filter', menu: menu({ items: sortFilterItems }) }),
      off('Find & Select'),
    ],
    { memo: entryKey },
  ),
]);

const pageLayout = tab('Page Layout', [
  offGroup('Themes', ['Themes', 'Colors', 'Fonts', 'Effects']),
  offGroup('Page Setup', [
    'Margins',
    'Orientation',
    'Size',
    'Print Area',
    'Breaks',
    'Background',
    'Print Titles',
  ]),
  offGroup('Scale to Fit', ['Width', 'Height', 'Scale']),
  group(
    'Sheet Options',
    [
      checkBox<S>({
        name: 'View Gridlines',
        checked: (s) => activeSheet(s).showGridLines !== false,
        command: 'toggleGridlines',
      }),
    ],
    { memo: gridlinesKey },
  ),
  offGroup('Arrange', ['Bring Forward', 'Send Backward', 'Selection Pane', 'Align', 'Group', 'Rotate']),
]);

const review = tab('Review', [
  offGroup('Proofing', ['Spelling', 'Thesaurus', 'Workbook Statistics']),
  offGroup('Accessibility', ['Check Accessibility']),
  offGroup('Language', ['Translate']),
  offGroup('Comments', ['New Comment', 'Delete', 'Previous Comment', 'Next Comment', 'Show Comments']),
  offGroup('Protect', ['Protect Sheet', 'Protect Workbook', 'Allow Edit Ranges']),
]);

const view = tab('View', [
  offGroup('Workbook Views', ['Normal', 'Page Break Preview', 'Page Layout', 'Custom Views']),
  group(
    'Show',
    [
      checkBox<S>({
        name: 'Gridlines',
        checked: (s) => activeSheet(s).showGridLines !== false,
        command: 'toggleGridlines',
      }),
    ],
    { memo: gridlinesKey },
  ),
  offGroup('Zoom', ['Zoom', '100%', 'Zoom to Selection']),
  group(
    'Window',
    [
      off('New Window'),
      off('Arrange All'),
      dropDown({
        name: 'Freeze Panes',
        menu: menu({
          items: [
            menuItem<S>({
              name: (s) => (activeSheet(s).freeze ? 'Unfreeze Panes' : 'Freeze Panes'),
              id: 'FreezePanesItem',
              command: 'freezePanes',
            }),
            menuItem({ name: 'Freeze Top Row', command: 'freezeTopRow' }),
            menuItem({ name: 'Freeze First Column', command: 'freezeFirstColumn' }),
          ],
        }),
      }),
      off('Split'),
      off('Hide'),
      off('Unhide'),
      off('Switch Windows'),
    ],
    { memo: windowKey },
  ),
  offGroup('Macros', ['Macros']),
]);

export const excelRibbon: RibbonDecl<S> = {
  tabs: [home, insertTab, pageLayout, formulasTab, dataTab, review, view],
  initialTab: 'Home',
};

/** The status bar: the cell mode (Ready / Enter / Edit) and, for a selection of numbers, their sum. */
export const statusItems: readonly ControlDecl<S>[] = [
  text({
    name: (s) => (s.entry === null ? 'Ready' : s.entry.mode === 'edit' ? 'Edit' : 'Enter'),
    id: 'CellMode',
  }),
];
