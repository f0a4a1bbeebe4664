/**
 * Dialogs of the Home tab's Cells group: Column Width (Format > Column Width...) and Format Cells (Ctrl+1, or
 * Format > Format Cells...) with its Number, Alignment and Font pages. Format Cells opens on the active cell's
 * format and OK applies only what the user changed, as Excel leaves untouched properties of a mixed selection.
 */
import { field, type CommandDecl, type DialogDecl, type FieldValue } from '../../office/index.ts';
import { NUMBER_FORMAT_PRESETS, numberFormatCategory } from '../formula/number-format.ts';
import { columnWidth } from '../model/layout.ts';
import { setAlignment, setFont, setNumberFormat, setWrapText } from '../model/format.ts';
import { mergeCells, mergeContaining, unmergeCells } from '../model/merges.ts';
import type { CellStyle, HorizontalAlignment, VerticalAlignment } from '../model/types.ts';
import { STANDARD_COLORS } from './commands.ts';
import { activeCell, activeSheet, selectedRanges, type ExcelState } from './state.ts';

type S = ExcelState;

/** Excel's own message for a width outside 0-255 or not a number. */
export const COLUMN_WIDTH_MESSAGE = 'Column width must be between 0 and 255.';

const columnWidthDialog: DialogDecl<S> = {
  title: 'Column Width',
  fields: [
    field.edit({
      key: 'width',
      label: 'Column width:',
      validate: (v) => {
        const t = v.trim();
        const n = Number(t);
        return t === '' || !Number.isFinite(n) || n < 0 || n > 255 ? COLUMN_WIDTH_MESSAGE : null;
      },
    }),
  ],
  init: (s) => ({ width: String(columnWidth(s.wb, s.wb.activeSheet, activeCell(s).col)) }),
  command: 'columnWidth',
};

// -- Format Cells ---------------------------------------------------------------------------------------------------

/** Number page categories → the preset whose "0.00" the Decimal places box rewrites (null: no decimals). */
const CATEGORIES: Readonly<Record<string, string | null>> = {
  General: NUMBER_FORMAT_PRESETS.general,
  Number: NUMBER_FORMAT_PRESETS.number,
  Currency: NUMBER_FORMAT_PRESETS.currency,
  Accounting: NUMBER_FORMAT_PRESETS.accounting,
  Date: NUMBER_FORMAT_PRESETS.shortDate,
  Time: NUMBER_FORMAT_PRESETS.time,
  Percentage: NUMBER_FORMAT_PRESETS.percentage,
  Fraction: NUMBER_FORMAT_PRESETS.fraction,
  Scientific: NUMBER_FORMAT_PRESETS.scientific,
  Text: NUMBER_FORMAT_PRESETS.text,
};
const WITH_DECIMALS = new Set(['Number', 'Currency', 'Accounting', 'Percentage', 'Scientific']);

/** The format code of a category with `decimals` places ("Currency", 0 → "$#,##0"). */
export function categoryFormat(category: string, decimals: number): string | null {
  const preset = CATEGORIES[category];
  if (preset === undefined || preset === null) return null;
  if (!WITH_DECIMALS.has(category)) return preset;
  const places = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  return preset.replace(/0\.00/g, places);
}

export const HORIZONTAL: Readonly<Record<string, HorizontalAlignment>> = {
  General: 'general',
  'Left (Indent)': 'left',
  Center: 'center',
  'Right (Indent)': 'right',
  Fill: 'fill',
  Justify: 'justify',
  'Center Across Selection': 'centerContinuous',
  'Distributed (Indent)': 'distributed',
};
export const VERTICAL: Readonly<Record<string, VerticalAlignment>> = {
  Top: 'top',
  Center: 'center',
  Bottom: 'bottom',
  Justify: 'justify',
  Distributed: 'distributed',
};
export const FONT_STYLES = ['Regular', 'Italic', 'Bold', 'Bold Italic'] as const;

const nameOf = <T>(table: Readonly<Record<string, T>>, value: T | undefined, fallback: string) =>
  Object.entries(table).find(([, v]) => v === value)?.[0] ?? fallback;

/** The dialog's values for the active cell's format; `was:` keys keep them, so OK can tell what changed. */
function formatCellsInit(s: S): Record<string, FieldValue> {
  const a = activeCell(s);
  const style: CellStyle = activeSheet(s).cells[a.addr]?.style ?? {};
  const code = style.numFmt ?? 'General';
  const category = numberFormatCategory(code);
  const places = /0\.(0+)/.exec(code)?.[1]?.length ?? (code.includes('0') ? 0 : 2);
  const f = style.font ?? {};
  const values: Record<string, FieldValue> = {
    category,
    decimals: WITH_DECIMALS.has(category) ? places : 2,
    horizontal: nameOf(HORIZONTAL, style.alignment?.horizontal, 'General'),
    vertical: nameOf(VERTICAL, style.alignment?.vertical, 'Bottom'),
    wrapText: style.alignment?.wrapText === true,
    merge: mergeContaining(activeSheet(s), a.row, a.col) !== null,
    fontStyle:
      f.bold === true ? (f.italic === true ? 'Bold Italic' : 'Bold') : f.italic ? 'Italic' : 'Regular',
    color: f.color === undefined ? 'Automatic' : nameOf(STANDARD_COLORS, f.color, f.color),
  };
  for (const [k, v] of Object.entries({ ...values })) values[`was:${k}`] = v;
  return values;
}

const formatCellsDialog: DialogDecl<S> = {
  title: 'Format Cells',
  pages: [
    {
      name: 'Number',
      fields: [
        field.list({
          key: 'category',
          label: 'Category:',
          items: (s) => {
            const current = formatCellsInit(s).category as string;
            return current in CATEGORIES ? Object.keys(CATEGORIES) : [...Object.keys(CATEGORIES), current];
          },
          height: 10,
        }),
        field.spinner({ key: 'decimals', label: 'Decimal places:', min: 0, max: 30 }),
      ],
    },
    {
      name: 'Alignment',
      fields: [
        field.combo({ key: 'horizontal', label: 'Horizontal:', items: Object.keys(HORIZONTAL) }),
        field.combo({ key: 'vertical', label: 'Vertical:', items: Object.keys(VERTICAL) }),
        field.check({ key: 'wrapText', label: 'Wrap text' }),
        field.check({ key: 'merge', label: 'Merge cells' }),
      ],
    },
    {
      name: 'Font',
      fields: [
        field.list({ key: 'fontStyle', label: 'Font style:', items: FONT_STYLES, height: 4 }),
        field.combo({ key: 'color', label: 'Color:', items: ['Automatic', ...Object.keys(STANDARD_COLORS)] }),
      ],
    },
  ],
  init: formatCellsInit,
  command: 'formatCells',
};

export const cellsDialogs: Readonly<Record<string, DialogDecl<S>>> = {
  columnWidth: columnWidthDialog,
  formatCells: formatCellsDialog,
};

/** OK in Format Cells: applies each property whose value differs from the one the dialog opened with. */
const formatCells: CommandDecl<S> = {
  label: 'Format Cells',
  enabled: (s) => s.entry === null,
  run(ctx, args) {
    const s = ctx.state;
    const sheet = s.wb.activeSheet;
    const changed = (key: string) => args[key] !== undefined && args[key] !== args[`was:${key}`];
    const ranges = selectedRanges(s);
    if (changed('category') || changed('decimals')) {
      const code = categoryFormat(String(args.category), Number(args.decimals));
      if (code === null) return { error: `Format Cells has no number category '${String(args.category)}'` };
      for (const r of ranges) setNumberFormat(s.wb, sheet, r, code);
    }
    if (changed('horizontal') || changed('vertical')) {
      const horizontal = HORIZONTAL[String(args.horizontal)];
      const vertical = VERTICAL[String(args.vertical)];
      if (horizontal === undefined || vertical === undefined)
        return { error: `no alignment '${String(args.horizontal)}' / '${String(args.vertical)}'` };
      for (const r of ranges)
        setAlignment(s.wb, sheet, r, {
          ...(changed('horizontal') ? { horizontal: horizontal === 'general' ? null : horizontal } : {}),
          ...(changed('vertical') ? { vertical: vertical === 'bottom' ? null : vertical } : {}),
        });
    }
    if (changed('wrapText')) for (const r of ranges) setWrapText(s.wb, sheet, r, args.wrapText === true);
    if (changed('merge')) {
      for (const r of ranges) {
        if (args.merge !== true) unmergeCells(s.wb, sheet, r);
        else if (r.includes(':')) mergeCells(s.wb, sheet, r);
      }
    }
    if (changed('fontStyle')) {
      const style = String(args.fontStyle);
      for (const r of ranges)
        setFont(s.wb, sheet, r, {
          bold: style.startsWith('Bold') || null,
          italic: style.endsWith('Italic') || null,
        });
    }
    if (changed('color')) {
      const name = String(args.color);
      const color = name === 'Automatic' ? null : (STANDARD_COLORS[name] ?? name);
      for (const r of ranges) setFont(s.wb, sheet, r, { color });
    }
  },
};

export const cellsDialogCommands: Readonly<Record<string, CommandDecl<S>>> = {
  formatCells,
  openFormatCells: {
    mutates: false,
    enabled: (s) => s.entry === null,
    run: (ctx) => ctx.ui.openDialog('formatCells'),
  },
};
