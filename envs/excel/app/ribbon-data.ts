/**
 * The ribbon parts for data tools: the Insert, Formulas and Data tabs, the Home tab's Styles group (Conditional
 * Formatting, Format as Table), and the AutoFilter arrows in header cells, with the names Excel for Microsoft 365
 * shows. Commands not modelled are disabled.
 */
import {
  button,
  dropDown,
  group,
  menu,
  menuItem,
  splitButton,
  tab,
  toggle,
  type ControlDecl,
  type GroupDecl,
  type MenuEntryDecl,
  type TabDecl,
} from '../../office/index.ts';
import { colToLetters, parseRect, toA1 } from '../formula/address.ts';
import { formatValue } from '../formula/number-format.ts';
import { numericColumn } from './data-commands.ts';
import { activeSheet, type ExcelState } from './state.ts';

type S = ExcelState;

/*
 * Memo keys of ribbon groups (GroupDecl.memo) must change whenever anything the group's controls, their menus or
 * their commands' `enabled` read from the state would show something else. Every command's `enabled` reads only
 * whether a cell is being typed into (Excel greys the ribbon then).
 */

/** A group of disabled stubs shows the same in every state. */
export const fixedKey = (): number => 0;
/** A group whose controls only grey out while a cell entry is open. */
export const entryKey = (s: S): number => (s.entry === null ? 0 : 1);

const off = (name: string, size: 'large' | 'small' | 'icon' = 'small'): ControlDecl<S> =>
  button({ name, enabled: false, size });
const offGroup = (name: string, names: readonly string[]): GroupDecl<S> =>
  group(
    name,
    names.map((n) => off(n)),
    { memo: fixedKey },
  );
const offItem = (name: string): MenuEntryDecl<S> => menuItem({ name, enabled: false });

const hasCriteria = (s: S) => {
  const af = activeSheet(s).autoFilter;
  return af !== null && Object.keys(af.criteria).length > 0;
};

/** Data > Sort & Filter: the Filter toggle reads whether the sheet has an AutoFilter, Clear whether it filters. */
const filterKey = (s: S): number =>
  entryKey(s) + (activeSheet(s).autoFilter !== null ? 2 : 0) + (hasCriteria(s) ? 4 : 0);

function chartMenu(names: readonly string[], more: string): MenuEntryDecl<S>[] {
  return [
    ...names.map((name) => menuItem<S>({ name, command: { command: 'insertChart', args: { type: name } } })),
    menuItem<S>({ name: more, dialog: 'insertChart' }),
  ];
}

const conditionalFormatting = dropDown<S>({
  name: 'Conditional Formatting',
  size: 'large',
  menu: menu({
    items: [
      menuItem({
        name: 'Highlight Cells Rules',
        submenu: menu({
          items: [
            menuItem({ name: 'Greater Than...', dialog: 'cfGreaterThan' }),
            menuItem({ name: 'Less Than...', dialog: 'cfLessThan' }),
            menuItem({ name: 'Between...', dialog: 'cfBetween' }),
            menuItem({ name: 'Equal To...', dialog: 'cfEqualTo' }),
            menuItem({ name: 'Text that Contains...', dialog: 'cfTextContains' }),
            offItem('A Date Occurring...'),
            menuItem({ name: 'Duplicate Values...', dialog: 'cfDuplicates' }),
            offItem('More Rules...'),
          ],
        }),
      }),
      menuItem({
        name: 'Top/Bottom Rules',
        submenu: menu({
          items: [
            menuItem({ name: 'Top 10 Items...', dialog: 'cfTop10' }),
            offItem('Top 10%...'),
            menuItem({ name: 'Bottom 10 Items...', dialog: 'cfBottom10' }),
            offItem('Bottom 10%...'),
            offItem('Above Average...'),
            offItem('Below Average...'),
          ],
        }),
      }),
      offItem('Data Bars'),
      offItem('Color Scales'),
      offItem('Icon Sets'),
      offItem('New Rule...'),
      menuItem({
        name: 'Clear Rules',
        submenu: menu({
          items: [
            menuItem({ name: 'Clear Rules from Selected Cells', command: 'clearRulesSelection' }),
            menuItem({ name: 'Clear Rules from Entire Sheet', command: 'clearRulesSheet' }),
          ],
        }),
      }),
      offItem('Manage Rules...'),
    ],
  }),
});

/** Format as Table's gallery: "Table Style Medium 2" is stored as TableStyleMedium2. */
export const TABLE_STYLES = [
  'Table Style Light 1',
  'Table Style Light 8',
  'Table Style Light 9',
  'Table Style Light 15',
  'Table Style Medium 2',
  'Table Style Medium 3',
  'Table Style Medium 7',
  'Table Style Medium 9',
  'Table Style Medium 14',
  'Table Style Dark 1',
  'Table Style Dark 2',
  'Table Style Dark 9',
];

const formatAsTable = dropDown<S>({
  name: 'Format as Table',
  size: 'large',
  menu: menu({
    items: [
      ...TABLE_STYLES.map((name) =>
        menuItem<S>({
          name,
          command: { command: 'openCreateTable', args: { style: name.replace(/\s+/g, '') } },
        }),
      ),
      offItem('New Table Style...'),
    ],
  }),
});

/** Home > Styles. */
export const stylesGroup: GroupDecl<S> = group(
  'Styles',
  [conditionalFormatting, formatAsTable, off('Cell Styles')],
  { memo: entryKey },
);

export const insertTab: TabDecl<S> = tab('Insert', [
  group(
    'Tables',
    [
      off('PivotTable', 'large'),
      off('Recommended PivotTables', 'large'),
      button({
        name: 'Table',
        size: 'large',
        command: { command: 'openCreateTable', args: { style: 'TableStyleMedium2' } },
      }),
    ],
    { memo: entryKey },
  ),
  offGroup('Illustrations', ['Pictures', 'Shapes', 'Icons', 'SmartArt']),
  group(
    'Charts',
    [
      button({ name: 'Recommended Charts', size: 'large', dialog: 'insertChart' }),
      dropDown({
        name: 'Insert Column or Bar Chart',
        size: 'icon',
        menu: menu({
          items: chartMenu(
            [
              'Clustered Column',
              'Stacked Column',
              '100% Stacked Column',
              'Clustered Bar',
              'Stacked Bar',
              '100% Stacked Bar',
            ],
            'More Column Charts...',
          ),
        }),
      }),
      dropDown({
        name: 'Insert Line or Area Chart',
        size: 'icon',
        menu: menu({
          items: chartMenu(
            ['Line', 'Stacked Line', 'Line with Markers', 'Area', 'Stacked Area'],
            'More Line Charts...',
          ),
        }),
      }),
      dropDown({
        name: 'Insert Pie or Doughnut Chart',
        size: 'icon',
        menu: menu({ items: chartMenu(['Pie', 'Doughnut'], 'More Pie Charts...') }),
      }),
      dropDown({
        name: 'Insert Scatter (X, Y) or Bubble Chart',
        size: 'icon',
        menu: menu({ items: chartMenu(['Scatter'], 'More Scatter Charts...') }),
      }),
    ],
    { memo: entryKey },
  ),
  offGroup('Sparklines', ['Line', 'Column', 'Win/Loss']),
  offGroup('Filters', ['Slicer', 'Timeline']),
  offGroup('Links', ['Link']),
  offGroup('Text', ['Text Box', 'Header & Footer']),
  offGroup('Symbols', ['Equation', 'Symbol']),
]);

export const formulasTab: TabDecl<S> = tab('Formulas', [
  group(
    'Function Library',
    [
      off('Insert Function', 'large'),
      splitButton({
        name: 'AutoSum',
        command: 'autoSum',
        menu: menu({ items: [menuItem({ name: 'Sum', command: 'autoSum' })] }),
      }),
      ...[
        'Recently Used',
        'Financial',
        'Logical',
        'Text',
        'Date & Time',
        'Lookup & Reference',
        'Math & Trig',
        'More Functions',
      ].map((n) => off(n)),
    ],
    { memo: entryKey },
  ),
  group(
    'Defined Names',
    [
      off('Name Manager', 'large'),
      button({ name: 'Define Name', dialog: 'newName' }),
      off('Use in Formula'),
      off('Create from Selection'),
    ],
    { memo: entryKey },
  ),
  offGroup('Formula Auditing', [
    'Trace Precedents',
    'Trace Dependents',
    'Remove Arrows',
    'Show Formulas',
    'Error Checking',
    'Evaluate Formula',
    'Watch Window',
  ]),
  offGroup('Calculation', ['Calculation Options', 'Calculate Now', 'Calculate Sheet']),
]);

export const dataTab: TabDecl<S> = tab('Data', [
  offGroup('Get & Transform Data', ['Get Data', 'From Text/CSV', 'From Web', 'From Table/Range']),
  offGroup('Queries & Connections', ['Refresh All', 'Queries & Connections']),
  group(
    'Sort & Filter',
    [
      button({
        name: 'Sort A to Z',
        size: 'icon',
        command: { command: 'sort', args: { descending: false } },
      }),
      button({ name: 'Sort Z to A', size: 'icon', command: { command: 'sort', args: { descending: true } } }),
      button({ name: 'Sort', size: 'large', dialog: 'sort' }),
      toggle<S>({
        name: 'Filter',
        size: 'large',
        command: 'filter',
        toggled: (s) => activeSheet(s).autoFilter !== null,
      }),
      button({ name: 'Clear', command: 'clearFilter', enabled: hasCriteria }),
      off('Reapply'),
      off('Advanced'),
    ],
    { memo: filterKey },
  ),
  group(
    'Data Tools',
    [
      off('Text to Columns'),
      off('Flash Fill', 'icon'),
      button({ name: 'Remove Duplicates', size: 'icon', dialog: 'removeDuplicates' }),
      button({ name: 'Data Validation', size: 'icon', dialog: 'dataValidation' }),
      off('Consolidate', 'icon'),
      off('Relationships', 'icon'),
    ],
    { memo: entryKey },
  ),
  offGroup('Forecast', ['What-If Analysis', 'Forecast Sheet']),
  offGroup('Outline', ['Group', 'Ungroup', 'Subtotal']),
]);

/** The Text Filters / Number Filters items of a filter arrow's menu → the Custom AutoFilter operator. */
export const TEXT_FILTERS: Readonly<Record<string, string>> = {
  'Equals...': 'equals',
  'Does Not Equal...': 'does not equal',
  'Begins With...': 'begins with',
  'Ends With...': 'ends with',
  'Contains...': 'contains',
  'Does Not Contain...': 'does not contain',
  'Custom Filter...': 'equals',
};
export const NUMBER_FILTERS: Readonly<Record<string, string>> = {
  'Equals...': 'equals',
  'Does Not Equal...': 'does not equal',
  'Greater Than...': 'is greater than',
  'Greater Than Or Equal To...': 'is greater than or equal to',
  'Less Than...': 'is less than',
  'Less Than Or Equal To...': 'is less than or equal to',
  'Custom Filter...': 'equals',
};

/**
 * The drop-down arrows an AutoFilter puts in its header cells, named as Excel's tooltip reads them
 * ("Region: (Showing All)"). `cellRect` places them at the right edge of visible header cells; `key` changes
 * whenever the arrows do (the grid caches its children per key).
 */
export function filterArrows(
  s: S,
  cellRect: (row: number, col: number) => { left: number; top: number; right: number; bottom: number } | null,
): { key: string; controls: ControlDecl<S>[] } {
  const sheet = activeSheet(s);
  const af = sheet.autoFilter;
  if (af === null) return { key: '', controls: [] };
  const r = parseRect(af.range);
  if (r === null) return { key: '', controls: [] };
  const controls: ControlDecl<S>[] = [];
  const keys: string[] = [af.range];
  for (let col = r.c1; col <= r.c2; col++) {
    const at = cellRect(r.r1, col);
    if (at === null) continue;
    const cell = sheet.cells[toA1(r.r1, col)];
    const header = cell ? formatValue(cell.value, cell.style?.numFmt) : `Column ${colToLetters(col)}`;
    const letter = colToLetters(col);
    const numeric = numericColumn(sheet, r, col, true);
    keys.push(`${header}:${numeric ? 1 : 0}`);
    const filters = numeric ? NUMBER_FILTERS : TEXT_FILTERS;
    controls.push(
      dropDown<S>({
        name: (st) =>
          `${header}: ${activeSheet(st).autoFilter?.criteria[letter] === undefined ? '(Showing All)' : 'Filtered'}`,
        id: `filter:${letter}`,
        menu: menu({
          items: [
            menuItem({
              name: numeric ? 'Sort Smallest to Largest' : 'Sort A to Z',
              command: { command: 'sortFilterColumn', args: { column: letter, descending: false } },
            }),
            menuItem({
              name: numeric ? 'Sort Largest to Smallest' : 'Sort Z to A',
              command: { command: 'sortFilterColumn', args: { column: letter, descending: true } },
            }),
            menuItem({
              name: `Clear Filter From "${header}"`,
              id: 'ClearColumnFilter',
              command: { command: 'clearColumnFilter', args: { column: letter } },
              enabled: (st) => activeSheet(st).autoFilter?.criteria[letter] !== undefined,
            }),
            menuItem({
              name: numeric ? 'Number Filters' : 'Text Filters',
              submenu: menu({
                items: Object.entries(filters).map(([name, operator]) =>
                  menuItem<S>({
                    name,
                    command: { command: 'openCustomFilter', args: { column: letter, operator } },
                  }),
                ),
              }),
            }),
          ],
        }),
        rect: { left: at.right - 18, top: at.top + 1, right: at.right - 1, bottom: at.bottom - 1 },
      }),
    );
  }
  return { key: keys.join('\u0000'), controls };
}
