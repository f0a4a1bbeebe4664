/**
 * PowerPoint's dialogs: Format Background (a pane in PowerPoint 365, modelled as a dialog: Solid or Gradient
 * fill, colour, transparency, Apply to All, Reset Background), Insert Table, Insert Picture, Replace, Save As.
 */
import { field, type DialogDecl, type FieldValue } from '../../office/index.ts';
import { parseColor, STANDARD_COLORS } from '../model/colors.ts';
import { PresentationError } from '../model/errors.ts';
import { headerFooterOf } from '../model/operations/header-footer.ts';
import { currentSlide } from './derived.ts';
import type { PowerPointState } from './state.ts';

type S = PowerPointState;

/** Colour names the colour boxes list: PowerPoint's Standard Colors, then black and white. */
export const COLOR_NAMES = [
  ...Object.keys(STANDARD_COLORS).map((n) => n.replace(/\b\w/g, (c) => c.toUpperCase())),
  'Black',
  'White',
];

function colorProblem(value: string): string | null {
  try {
    parseColor(value);
    return null;
  } catch (error) {
    if (error instanceof PresentationError)
      return `"${value}" is not a colour: type a name such as Blue or a hex code such as 1F4E79.`;
    throw error;
  }
}

const formatBackground: DialogDecl<S> = {
  title: 'Format Background',
  fields: [
    field.radio({
      key: 'fillType',
      label: 'Fill',
      options: [
        { value: 'solid', label: 'Solid fill' },
        { value: 'gradient', label: 'Gradient fill' },
      ],
    }),
    field.combo({ key: 'color', label: 'Color', items: COLOR_NAMES, editable: true, validate: colorProblem }),
    field.combo({
      key: 'color2',
      label: 'Gradient end color',
      items: COLOR_NAMES,
      editable: true,
      validate: colorProblem,
      visible: (_s, ui) => ui.field('fillType') === 'gradient',
    }),
    field.spinner({ key: 'transparency', label: 'Transparency', min: 0, max: 100, unit: '%' }),
    // The pane's two buttons: the fill for every slide (through the master), or back to the theme's.
    field.button({ label: 'Apply to All', command: 'formatBackgroundAll', closes: true }),
    field.button({ label: 'Reset Background', command: 'resetBackground', closes: true }),
  ],
  init: (s): Record<string, FieldValue> => {
    const bg = currentSlide(s.pres)?.background ?? s.pres.master.background;
    const color =
      bg.type === 'solid' ? bg.color : bg.type === 'gradient' ? (bg.stops[0]?.color ?? '#FFFFFF') : '#FFFFFF';
    const color2 = bg.type === 'gradient' ? (bg.stops[bg.stops.length - 1]?.color ?? '#FFFFFF') : 'White';
    return {
      fillType: bg.type === 'gradient' ? 'gradient' : 'solid',
      color: color.replace(/^#/, ''),
      color2: color2.replace(/^#/, ''),
      transparency: bg.type === 'solid' ? (bg.transparency ?? 0) : 0,
    };
  },
  okLabel: 'OK',
  command: 'formatBackground',
};

const insertTable: DialogDecl<S> = {
  title: 'Insert Table',
  fields: [
    field.spinner({ key: 'columns', label: 'Number of columns:', min: 1, max: 75 }),
    field.spinner({ key: 'rows', label: 'Number of rows:', min: 1, max: 75 }),
  ],
  init: () => ({ columns: 5, rows: 2 }),
  command: 'insertTable',
};

const insertPicture: DialogDecl<S> = {
  title: 'Insert Picture',
  fields: [
    field.edit({
      key: 'name',
      label: 'File name:',
      validate: (v) => (v.trim() === '' ? 'Type the name of the picture file.' : null),
    }),
    field.edit({ key: 'description', label: 'Alt Text:' }),
  ],
  init: () => ({ name: '', description: '' }),
  okLabel: 'Insert',
  command: 'insertPicture',
};

const replace: DialogDecl<S> = {
  title: 'Replace',
  fields: [
    field.edit({
      key: 'find',
      label: 'Find what:',
      validate: (v) => (v === '' ? 'Type the text to find.' : null),
    }),
    field.edit({ key: 'replace', label: 'Replace with:' }),
    field.check({ key: 'matchCase', label: 'Match case' }),
    field.check({ key: 'wholeWords', label: 'Find whole words only' }),
  ],
  init: () => ({ find: '', replace: '', matchCase: false, wholeWords: false }),
  okLabel: 'Replace All',
  command: 'replace',
};

/** Save as type → extension, as the Save As dialog lists them. */
export const SAVE_FORMATS: Readonly<Record<string, string>> = {
  'PowerPoint Presentation (*.pptx)': 'pptx',
  'PowerPoint Macro-Enabled Presentation (*.pptm)': 'pptm',
  'PowerPoint 97-2003 Presentation (*.ppt)': 'ppt',
  'PDF (*.pdf)': 'pdf',
  'PowerPoint Template (*.potx)': 'potx',
  'PowerPoint Show (*.ppsx)': 'ppsx',
  'OpenDocument Presentation (*.odp)': 'odp',
  'PNG Portable Network Graphics Format (*.png)': 'png',
  'JPEG File Interchange Format (*.jpg)': 'jpg',
};

const saveAs: DialogDecl<S> = {
  title: 'Save As',
  fields: [
    field.edit({ key: 'file_dir', label: 'Folder:' }),
    field.edit({
      key: 'file_name',
      label: 'File name:',
      validate: (v) =>
        v.trim() === '' ? 'Type a file name.' : /[<>:"/\\|?*]/.test(v) ? 'The file name is not valid.' : null,
    }),
    field.combo({ key: 'file_ext', label: 'Save as type:', items: Object.keys(SAVE_FORMATS) }),
  ],
  init: (s) => {
    const last = s.pres.document.saves[s.pres.document.saves.length - 1];
    return {
      file_dir: last?.dir ?? (s.pres.document.dir || 'Documents'),
      file_name: s.pres.document.name,
      file_ext:
        Object.entries(SAVE_FORMATS).find(([, ext]) => ext === s.format)?.[0] ??
        'PowerPoint Presentation (*.pptx)',
    };
  },
  okLabel: 'Save',
  command: 'saveAsDialog',
};

/** Insert > Header & Footer, its Slide tab: slide numbers and footer text; Apply (selected slides) or Apply to All. */
const headerFooter: DialogDecl<S> = {
  title: 'Header and Footer',
  fields: [
    field.check({ key: 'slideNumber', label: 'Slide number' }),
    field.check({ key: 'footer', label: 'Footer' }),
    field.edit({ key: 'footerText', label: 'Footer text' }),
    field.check({ key: 'notOnTitleSlide', label: "Don't show on title slide" }),
    field.button({ label: 'Apply to All', command: 'headerFooterAll', closes: true }),
  ],
  init: (s): Record<string, FieldValue> => {
    const { slideNumber, footer } = headerFooterOf(currentSlide(s.pres));
    const titleWithout = s.pres.slides.some(
      (x) =>
        x.layout === 'Title Slide' && headerFooterOf(x).footer === null && !headerFooterOf(x).slideNumber,
    );
    return {
      slideNumber,
      footer: footer !== null,
      footerText: footer ?? '',
      notOnTitleSlide: titleWithout && s.pres.slides.some((x) => headerFooterOf(x).slideNumber),
    };
  },
  okLabel: 'Apply',
  command: 'headerFooter',
};

export const powerPointDialogs: Readonly<Record<string, DialogDecl<S>>> = {
  headerFooter,
  formatBackground,
  insertTable,
  insertPicture,
  replace,
  saveAs,
};
