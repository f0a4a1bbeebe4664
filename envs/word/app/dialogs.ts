/**
 * Word's dialog boxes, with the titles, field labels and buttons Word shows: Font, Paragraph, Insert Table,
 * Find and Replace, Page Setup, Printed Watermark (Design > Watermark > Custom Watermark...), Borders and
 * Shading, Insert Hyperlink, Symbol, Save As and Word Count. Each OK runs a command of commands.ts with the
 * field values as arguments.
 */
import { field, type DialogDecl } from '../../office/index.ts';
import {
  FONT_SIZES,
  WATERMARK_PRESETS,
  currentBlocks,
  effectiveParagraphFormat,
  selectedParagraphs,
  selectedText,
} from '../model/index.ts';
import {
  BORDER_STYLES,
  BORDER_WIDTHS,
  PAPER_SIZES,
  SAVE_FORMATS,
  STANDARD_COLORS,
  UNDERLINE_NAMES,
} from './commands.ts';
import { countOf, formatOf } from './derived.ts';
import { FONT_NAMES, SYMBOLS } from './ribbon.ts';
import type { WordState } from './state.ts';

type S = WordState;

const inches = (pt: number): string => `${Math.round((pt / 72) * 100) / 100}"`;
const COLOR_NAMES = Object.keys(STANDARD_COLORS);
const FILL_NAMES = ['No Color', ...COLOR_NAMES.filter((n) => n !== 'Automatic')];

function colorName(hex: string | null): string {
  if (hex === null) return '';
  for (const [name, value] of Object.entries(STANDARD_COLORS)) if (value === hex) return name;
  return hex;
}

const fontDialog: DialogDecl<S> = {
  title: 'Font',
  fields: [
    field.combo({ key: 'font', label: 'Font:', items: FONT_NAMES, editable: true }),
    field.combo({
      key: 'fontStyle',
      label: 'Font style:',
      items: ['Regular', 'Italic', 'Bold', 'Bold Italic'],
      editable: true,
      validate: (v) =>
        v === '' || ['Regular', 'Italic', 'Bold', 'Bold Italic'].includes(v)
          ? null
          : 'This is not a valid font style.',
    }),
    field.combo({
      key: 'size',
      label: 'Size:',
      items: FONT_SIZES.map(String),
      editable: true,
      validate: (v) =>
        v.trim() === '' || (/^\d+(\.5)?$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 1638)
          ? null
          : 'The number must be between 1 and 1638.',
    }),
    field.combo({ key: 'color', label: 'Font color:', items: COLOR_NAMES }),
    field.combo({ key: 'underline', label: 'Underline style:', items: Object.keys(UNDERLINE_NAMES) }),
    field.check({ key: 'strike', label: 'Strikethrough' }),
    field.check({ key: 'doubleStrike', label: 'Double strikethrough' }),
    field.check({ key: 'superscript', label: 'Superscript' }),
    field.check({ key: 'subscript', label: 'Subscript' }),
    field.check({ key: 'smallCaps', label: 'Small caps' }),
    field.check({ key: 'caps', label: 'All caps' }),
    field.check({ key: 'hidden', label: 'Hidden' }),
  ],
  init: (s) => {
    const f = formatOf(s);
    const style = f.bold && f.italic ? 'Bold Italic' : f.bold ? 'Bold' : f.italic ? 'Italic' : 'Regular';
    const underline =
      Object.entries(UNDERLINE_NAMES).find(([, v]) => v === (f.underline ?? 'none'))?.[0] ?? '(none)';
    return {
      font: f.font ?? '',
      fontStyle: f.bold === null || f.italic === null ? '' : style,
      size: f.size === null ? '' : String(f.size),
      color: f.color === null ? '' : colorName(f.color),
      underline,
      strike: f.strike === true,
      doubleStrike: f.doubleStrike === true,
      superscript: f.superscript === true,
      subscript: f.subscript === true,
      smallCaps: f.smallCaps === true,
      caps: f.caps === true,
      hidden: false,
    };
  },
  validate: (v) =>
    v.superscript === true && v.subscript === true
      ? { field: 'subscript', message: 'Text cannot be both superscript and subscript.' }
      : null,
  command: 'fontDialog',
};

const paragraphDialog: DialogDecl<S> = {
  title: 'Paragraph',
  pages: [
    {
      name: 'Indents and Spacing',
      fields: [
        field.combo({
          key: 'alignment',
          label: 'Alignment:',
          items: ['Left', 'Centered', 'Right', 'Justified'],
        }),
        field.spinner({
          key: 'left',
          label: 'Left:',
          min: -22,
          max: 22,
          step: 0.1,
          unit: '"',
          rangeMessage: 'The entry must be between -22" and 22".',
        }),
        field.spinner({
          key: 'right',
          label: 'Right:',
          min: -22,
          max: 22,
          step: 0.1,
          unit: '"',
          rangeMessage: 'The entry must be between -22" and 22".',
        }),
        field.combo({ key: 'special', label: 'Special:', items: ['(none)', 'First line', 'Hanging'] }),
        field.spinner({
          key: 'by',
          label: 'By:',
          min: 0,
          max: 22,
          step: 0.1,
          unit: '"',
          rangeMessage: 'The entry must be between 0" and 22".',
        }),
        field.spinner({ key: 'before', label: 'Before:', min: 0, max: 1584, step: 6, unit: 'pt' }),
        field.spinner({ key: 'after', label: 'After:', min: 0, max: 1584, step: 6, unit: 'pt' }),
        field.combo({
          key: 'lineSpacing',
          label: 'Line spacing:',
          items: ['Single', '1.5 lines', 'Double', 'At least', 'Exactly', 'Multiple'],
        }),
        field.edit({
          key: 'at',
          label: 'At:',
          enabled: (_s, ui) =>
            ['At least', 'Exactly', 'Multiple'].includes(String(ui.fieldOf('paragraph', 'lineSpacing'))),
          validate: (v) => (/^\s*\d+(\.\d+)?\s*(pt)?\s*$/.test(v) ? null : 'This is not a valid number.'),
        }),
      ],
    },
    {
      name: 'Line and Page Breaks',
      fields: [
        field.check({ key: 'widowControl', label: 'Widow/Orphan control' }),
        field.check({ key: 'keepNext', label: 'Keep with next' }),
        field.check({ key: 'keepLines', label: 'Keep lines together' }),
        field.check({ key: 'pageBreakBefore', label: 'Page break before' }),
      ],
    },
  ],
  init: (s) => {
    const p = selectedParagraphs(s.doc)[0];
    const f = p ? effectiveParagraphFormat(s.doc, p) : {};
    const first = f.indentFirstLine ?? 0;
    const rule = f.lineRule ?? 'auto';
    const spacing = f.lineSpacing ?? 1;
    const lineSpacing =
      rule === 'exact'
        ? 'Exactly'
        : rule === 'atLeast'
          ? 'At least'
          : spacing === 1
            ? 'Single'
            : spacing === 1.5
              ? '1.5 lines'
              : spacing === 2
                ? 'Double'
                : 'Multiple';
    return {
      alignment: (
        {
          left: 'Left',
          center: 'Centered',
          right: 'Right',
          justify: 'Justified',
          distribute: 'Justified',
        } as const
      )[f.align ?? 'left'],
      left: inches(f.indentLeft ?? 0),
      right: inches(f.indentRight ?? 0),
      special: first > 0 ? 'First line' : first < 0 ? 'Hanging' : '(none)',
      by: inches(Math.abs(first)),
      before: `${f.spaceBefore ?? 0} pt`,
      after: `${f.spaceAfter ?? 0} pt`,
      lineSpacing,
      at: rule === 'auto' ? String(spacing) : `${spacing} pt`,
      widowControl: f.widowControl !== false,
      keepNext: f.keepNext === true,
      keepLines: f.keepLines === true,
      pageBreakBefore: f.pageBreakBefore === true,
    };
  },
  command: 'paragraphDialog',
};

const insertTableDialog: DialogDecl<S> = {
  title: 'Insert Table',
  fields: [
    field.spinner({
      key: 'columns',
      label: 'Number of columns:',
      min: 1,
      max: 63,
      rangeMessage: 'The number must be between 1 and 63.',
    }),
    field.spinner({
      key: 'rows',
      label: 'Number of rows:',
      min: 1,
      max: 32767,
      rangeMessage: 'The number must be between 1 and 32767.',
    }),
  ],
  init: () => ({ columns: '5', rows: '2' }),
  command: 'insertTable',
};

const findDialog: DialogDecl<S> = {
  title: 'Find and Replace',
  fields: [
    field.edit({ key: 'find', label: 'Find what:' }),
    field.check({ key: 'matchCase', label: 'Match case' }),
    field.check({ key: 'wholeWord', label: 'Find whole words only' }),
    field.button({ label: 'Find Next', command: 'findNext' }),
  ],
  init: (s) => ({ find: s.find.text, matchCase: false, wholeWord: false }),
  // Find Next keeps the dialog open (an extra button); the dialog's own button only closes it.
  okLabel: 'Close',
  cancelLabel: null,
};

const replaceDialog: DialogDecl<S> = {
  title: 'Find and Replace',
  fields: [
    field.edit({ key: 'findR', label: 'Find what:' }),
    field.edit({ key: 'replaceWith', label: 'Replace with:' }),
    field.check({ key: 'matchCaseR', label: 'Match case' }),
    field.check({ key: 'wholeWordR', label: 'Find whole words only' }),
    field.button({ label: 'Replace', command: 'replaceOne' }),
    field.button({ label: 'Replace All', command: 'replaceAll' }),
    field.button({ label: 'Find Next', command: 'findNext' }),
  ],
  init: (s) => ({
    findR: s.find.text,
    replaceWith: s.find.replacement,
    matchCaseR: false,
    wholeWordR: false,
  }),
  okLabel: 'Close',
  cancelLabel: null,
};

const pageSetupDialog: DialogDecl<S> = {
  title: 'Page Setup',
  pages: [
    {
      name: 'Margins',
      fields: [
        field.spinner({ key: 'top', label: 'Top:', min: 0, max: 22, step: 0.1, unit: '"' }),
        field.spinner({ key: 'bottom', label: 'Bottom:', min: 0, max: 22, step: 0.1, unit: '"' }),
        field.spinner({ key: 'left', label: 'Left:', min: 0, max: 22, step: 0.1, unit: '"' }),
        field.spinner({ key: 'right', label: 'Right:', min: 0, max: 22, step: 0.1, unit: '"' }),
        field.radio({
          key: 'orientation',
          label: 'Orientation',
          options: [
            { value: 'portrait', label: 'Portrait' },
            { value: 'landscape', label: 'Landscape' },
          ],
        }),
      ],
    },
    {
      name: 'Paper',
      fields: [field.combo({ key: 'paperSize', label: 'Paper size:', items: Object.keys(PAPER_SIZES) })],
    },
  ],
  init: (s) => {
    const sec = s.doc.section;
    const size = Object.keys(PAPER_SIZES).find((name) => {
      const dims = {
        Letter: [612, 792],
        Legal: [612, 1008],
        Executive: [522, 756],
        A4: [595.3, 841.9],
        A5: [419.55, 595.3],
        B5: [498.9, 708.65],
      }[name];
      if (!dims) return false;
      const [w, h] = sec.orientation === 'portrait' ? dims : [dims[1]!, dims[0]!];
      return Math.abs(sec.pageWidth - w!) < 2 && Math.abs(sec.pageHeight - h!) < 2;
    });
    return {
      top: inches(sec.margins.top),
      bottom: inches(sec.margins.bottom),
      left: inches(sec.margins.left),
      right: inches(sec.margins.right),
      orientation: sec.orientation,
      paperSize: size ?? 'Letter',
    };
  },
  command: 'pageSetupDialog',
};

const watermarkDialog: DialogDecl<S> = {
  title: 'Printed Watermark',
  fields: [
    field.radio({
      key: 'kind',
      label: 'Watermark',
      options: [
        { value: 'none', label: 'No watermark' },
        { value: 'picture', label: 'Picture watermark' },
        { value: 'text', label: 'Text watermark' },
      ],
    }),
    field.combo({
      key: 'text',
      label: 'Text:',
      items: WATERMARK_PRESETS,
      editable: true,
      enabled: (_s, ui) => ui.fieldOf('watermark', 'kind') === 'text',
    }),
    field.combo({
      key: 'font',
      label: 'Font:',
      items: FONT_NAMES,
      editable: true,
      enabled: (_s, ui) => ui.fieldOf('watermark', 'kind') === 'text',
    }),
    field.combo({
      key: 'size',
      label: 'Size:',
      items: ['Auto', '36', '40', '44', '48', '54', '60', '66', '72', '80', '90', '96', '105', '120', '144'],
      editable: true,
      enabled: (_s, ui) => ui.fieldOf('watermark', 'kind') === 'text',
    }),
    field.combo({
      key: 'color',
      label: 'Color:',
      items: COLOR_NAMES,
      enabled: (_s, ui) => ui.fieldOf('watermark', 'kind') === 'text',
    }),
    field.check({
      key: 'semitransparent',
      label: 'Semitransparent',
      enabled: (_s, ui) => ui.fieldOf('watermark', 'kind') === 'text',
    }),
    field.radio({
      key: 'layout',
      label: 'Layout',
      options: [
        { value: 'diagonal', label: 'Diagonal' },
        { value: 'horizontal', label: 'Horizontal' },
      ],
    }),
    field.button({ label: 'Apply', command: 'watermarkDialog' }),
  ],
  init: (s) => {
    const w = s.doc.watermark;
    if (w === null || w.kind !== 'text') {
      return {
        kind: w === null ? 'none' : 'picture',
        text: 'ASAP',
        font: 'Calibri',
        size: 'Auto',
        color: 'Automatic',
        semitransparent: true,
        layout: 'diagonal',
      };
    }
    return {
      kind: 'text',
      text: w.text,
      font: w.font,
      size: w.size === 'auto' ? 'Auto' : String(w.size),
      color: w.color === 'C0C0C0' ? 'Automatic' : colorName(w.color),
      semitransparent: w.semitransparent,
      layout: w.layout,
    };
  },
  command: 'watermarkDialog',
};

const borderFields = (prefix: '' | 'page') => {
  const k = (key: string) => (prefix === '' ? key : `page${key[0]!.toUpperCase()}${key.slice(1)}`);
  return [
    field.radio<S>({
      key: k('setting'),
      label: 'Setting:',
      options: [
        { value: 'None', label: 'None' },
        { value: 'Box', label: 'Box' },
      ],
    }),
    field.combo<S>({ key: k('style'), label: 'Style:', items: Object.keys(BORDER_STYLES) }),
    field.combo<S>({ key: k('color'), label: 'Color:', items: COLOR_NAMES }),
    field.combo<S>({ key: k('width'), label: 'Width:', items: Object.keys(BORDER_WIDTHS) }),
  ];
};

function bordersDialog(startOnPageBorder: boolean): DialogDecl<S> {
  const pages = [
    { name: 'Borders', fields: borderFields('') },
    { name: 'Page Border', fields: borderFields('page') },
    { name: 'Shading', fields: [field.combo<S>({ key: 'fill', label: 'Fill:', items: FILL_NAMES })] },
  ];
  return {
    title: 'Borders and Shading',
    // Page Borders opens the dialog on its Page Border tab: that tab comes first in this copy.
    pages: startOnPageBorder ? [pages[1]!, pages[0]!, pages[2]!] : pages,
    init: (s) => {
      const p = selectedParagraphs(s.doc)[0];
      const b = p?.borders?.top ?? p?.borders?.bottom;
      const pb = s.doc.section.pageBorders?.top;
      const styleName = (style: string | undefined) =>
        Object.entries(BORDER_STYLES).find(([, v]) => v === style)?.[0] ?? 'Single';
      const widthName = (w: number | undefined) =>
        Object.entries(BORDER_WIDTHS).find(([, v]) => v === w)?.[0] ?? '1/2 pt';
      return {
        setting: b ? 'Box' : 'None',
        style: styleName(b?.style),
        color: b ? colorName(b.color) || 'Automatic' : 'Automatic',
        width: widthName(b?.width),
        pageSetting: pb ? 'Box' : 'None',
        pageStyle: styleName(pb?.style),
        pageColor: pb ? colorName(pb.color) || 'Automatic' : 'Automatic',
        pageWidth: widthName(pb?.width),
        fill: p?.shading ? colorName(p.shading) : 'No Color',
      };
    },
    command: 'bordersDialog',
  };
}

const hyperlinkDialog: DialogDecl<S> = {
  title: 'Insert Hyperlink',
  fields: [
    field.edit({ key: 'text', label: 'Text to display:' }),
    field.edit({ key: 'address', label: 'Address:' }),
  ],
  init: (s) => ({ text: selectedText(s.doc, currentBlocks(s.doc)), address: '' }),
  validate: (v) =>
    String(v.address ?? '').trim() === ''
      ? { field: 'address', message: 'Type the address of the link in the Address box.' }
      : null,
  command: 'hyperlink',
};

const symbolDialog: DialogDecl<S> = {
  title: 'Symbol',
  fields: [field.list({ key: 'value', label: 'Symbols', items: SYMBOLS, doubleClickOk: true, height: 6 })],
  init: () => ({ value: SYMBOLS[0]! }),
  okLabel: 'Insert',
  cancelLabel: 'Cancel',
  command: 'symbol',
};

const saveAsDialog: DialogDecl<S> = {
  title: 'Save As',
  fields: [
    field.edit({ key: 'folder', label: 'Folder:' }),
    field.edit({
      key: 'fileName',
      label: 'File name:',
      validate: (v) =>
        v.trim() === '' ? 'Type a file name.' : /[<>:"/\\|?*]/.test(v) ? 'The file name is not valid.' : null,
    }),
    field.combo({ key: 'saveAsType', label: 'Save as type:', items: Object.keys(SAVE_FORMATS) }),
  ],
  init: (s) => ({
    folder: s.file.saved?.file_dir ?? 'Documents',
    fileName: s.file.name,
    saveAsType:
      Object.entries(SAVE_FORMATS).find(([, v]) => v === (s.file.saved?.file_ext ?? 'docx'))?.[0] ??
      'Word Document (*.docx)',
  }),
  okLabel: 'Save',
  command: 'saveAsDialog',
};

const wordCountDialog: DialogDecl<S> = {
  title: 'Word Count',
  fields: [
    field.text({ label: (s) => `Pages ${countOf(s).pages}` }),
    field.text({ label: (s) => `Words ${countOf(s).words}` }),
    field.text({ label: (s) => `Characters (no spaces) ${countOf(s).characters}` }),
    field.text({ label: (s) => `Characters (with spaces) ${countOf(s).charactersWithSpaces}` }),
    field.text({ label: (s) => `Paragraphs ${countOf(s).paragraphs}` }),
    field.text({ label: (s) => `Lines ${countOf(s).lines}` }),
  ],
  okLabel: 'Close',
  cancelLabel: null,
};

/**
 * The card Review > New Comment opens beside the commented text, as a small dialog: the text box and Post
 * comment. Cancel closes the card and leaves the comment empty.
 */
const commentCardDialog: DialogDecl<S> = {
  title: 'Comment',
  fields: [field.edit({ key: 'text', label: 'Start a conversation' })],
  init: () => ({ text: '' }),
  validate: (v) =>
    String(v.text ?? '').trim() === ''
      ? { field: 'text', message: 'Type a comment before posting it.' }
      : null,
  okLabel: 'Post comment',
  cancelLabel: 'Cancel',
  command: 'postComment',
};

export const wordDialogs: Readonly<Record<string, DialogDecl<S>>> = {
  font: fontDialog,
  paragraph: paragraphDialog,
  insertTable: insertTableDialog,
  findReplace: findDialog,
  replace: replaceDialog,
  pageSetup: pageSetupDialog,
  watermark: watermarkDialog,
  bordersShading: bordersDialog(false),
  pageBorders: bordersDialog(true),
  hyperlink: hyperlinkDialog,
  symbol: symbolDialog,
  saveAs: saveAsDialog,
  wordCount: wordCountDialog,
  commentCard: commentCardDialog,
};
