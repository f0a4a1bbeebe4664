/**
 * Word's commands: what each ribbon button, menu item, dialog OK and shortcut does to the document, written
 * as calls into the Word model. A model error (WordModelError) becomes the step's error, and the kernel rolls
 * the step back, so a refused command leaves the document as it was.
 */
import type { CommandContext, CommandDecl, Outcome, UndoMode } from '../../office/index.ts';
import {
  CARET_MOVES,
  HIGHLIGHT_COLORS,
  WordModelError,
  addComment,
  applyStyle,
  changeCase,
  changeIndent,
  checkColor,
  clearFormatting,
  clickAt,
  closeHeaderFooter,
  collapseSelection,
  currentTable,
  deleteBackward,
  deleteColumns,
  deleteComment,
  deleteForward,
  deleteRows,
  deleteSelection,
  deleteTable,
  editHeaderFooter,
  findNext,
  insertColumns,
  insertHyperlink,
  insertLineBreak,
  insertPageBreak,
  insertPageNumber,
  insertRows,
  insertSectionBreak,
  insertShape,
  insertTab,
  insertTable,
  insertText,
  insertTextBox,
  firstPosition,
  lastPosition,
  isCollapsed,
  mergeCells,
  moveCaret,
  removeListFormatting,
  replace,
  resolveComment,
  selectAll,
  selectTable,
  selectedText,
  selectionFormat,
  setCellShading,
  setCharFormat,
  setFooter,
  setHeader,
  setLineSpacing,
  setPageBorders,
  setPageColor,
  setPageSetup,
  setParagraphFormat,
  setTableBorders,
  setTableStyle,
  setWatermark,
  splitParagraph,
  stepFontSize,
  toggleCharFormat,
  toggleList,
  currentBlocks,
  type CaretMove,
  type HighlightColor,
  type NumberFormat,
  type ShapeGeometry,
  type ToggleKey,
  type WordDocument,
} from '../model/index.ts';
import { bumpRevision, currentRevision } from './derived.ts';
import { positionAtPoint } from './geometry.ts';
import type { WordState } from './state.ts';
import { DOCUMENT_AREA_WIDTH } from './layout-constants.ts';

type Args = Readonly<Record<string, unknown>>;
type Run = (ctx: CommandContext<WordState>, args: Args) => Outcome;

/**
 * Runs `fn`, turning the model's refusals into the step's error. `kind` is the revision to bump first (derived.ts);
 * null for commands that leave the document alone.
 */
function guarded(run: Run, kind: 'content' | 'selection' | null = 'content'): Run {
  return (ctx, args) => {
    if (kind !== null) bumpRevision(kind);
    try {
      return run(ctx, args);
    } catch (error) {
      if (error instanceof WordModelError) return { error: error.message };
      throw error;
    }
  };
}

interface Options {
  label?: string;
  undo?: UndoMode;
  mutates?: boolean | 'manual';
  enabled?: (state: WordState) => boolean;
}

/** A command that changes the document: snapshot, undo entry, errors from the model. */
function edit(
  label: string,
  run: (doc: WordDocument, args: Args, ctx: CommandContext<WordState>) => Outcome,
  options: Options = {},
): CommandDecl<WordState> {
  const decl: CommandDecl<WordState> = {
    label,
    run: guarded((ctx, args) => run(ctx.state.doc, args, ctx)),
    undo: options.undo ?? 'push',
    mutates: options.mutates ?? true,
  };
  if (options.enabled) {
    const enabled = options.enabled;
    decl.enabled = (s) => enabled(s);
  }
  return decl;
}

/** A caret or selection move: changes the state but is not an undo step. */
function move(
  label: string,
  run: (doc: WordDocument, args: Args, ctx: CommandContext<WordState>) => Outcome,
): CommandDecl<WordState> {
  return {
    label,
    undo: 'none',
    mutates: true,
    run: guarded((ctx, args) => run(ctx.state.doc, args, ctx), 'selection'),
  };
}

/** A command that only changes the UI (dialogs, panes): no snapshot. */
function uiOnly(run: Run): CommandDecl<WordState> {
  return { run, mutates: false };
}

function str(args: Args, key: string, what: string): string {
  const v = args[key];
  if (typeof v !== 'string')
    throw new WordModelError('invalid_argument', `${what} must be text, got ${JSON.stringify(v)}`);
  return v;
}

function bool(args: Args, key: string): boolean {
  return args[key] === true;
}

/** A number typed in a box: "12", "12 pt", "1.5\"". */
export function parseNumber(value: unknown, what: string, unit = ''): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    let t = value.trim();
    if (unit !== '' && t.toLowerCase().endsWith(unit.toLowerCase())) t = t.slice(0, -unit.length).trim();
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return Number(t);
  }
  throw new WordModelError('invalid_argument', `${what} must be a number, got ${JSON.stringify(value)}`);
}

/** Word's standard colours as its colour menus name them, and "Automatic". */
export const STANDARD_COLORS: Readonly<Record<string, string>> = {
  Automatic: 'auto',
  'Dark Red': 'C00000',
  Red: 'FF0000',
  Orange: 'FFC000',
  Yellow: 'FFFF00',
  'Light Green': '92D050',
  Green: '00B050',
  'Light Blue': '00B0F0',
  Blue: '0070C0',
  'Dark Blue': '002060',
  Purple: '7030A0',
  Black: '000000',
  White: 'FFFFFF',
  Gray: '808080',
};

/** The Text Highlight Color menu: Word's names for the 16 highlight colours. */
export const HIGHLIGHT_NAMES: Readonly<Record<string, HighlightColor>> = {
  Yellow: 'yellow',
  'Bright Green': 'brightGreen',
  Turquoise: 'turquoise',
  Pink: 'pink',
  Blue: 'blue',
  Red: 'red',
  'Dark Blue': 'darkBlue',
  Teal: 'teal',
  Green: 'green',
  Violet: 'violet',
  'Dark Red': 'darkRed',
  'Dark Yellow': 'darkYellow',
  'Gray-50%': 'darkGray',
  'Gray-25%': 'lightGray',
  Black: 'black',
};

/** A colour given as a menu name, a hex code or a CSS-like name. */
export function colorValue(value: unknown, what: string): string {
  if (typeof value === 'string' && STANDARD_COLORS[value] !== undefined) return STANDARD_COLORS[value];
  return checkColor(what, value);
}

function highlightValue(value: unknown): HighlightColor | 'none' {
  if (value === 'No Color' || value === 'none') return 'none';
  if (typeof value === 'string') {
    const named = HIGHLIGHT_NAMES[value];
    if (named !== undefined) return named;
    if (Object.prototype.hasOwnProperty.call(HIGHLIGHT_COLORS, value)) return value as HighlightColor;
  }
  throw new WordModelError(
    'invalid_argument',
    `unknown highlight colour ${JSON.stringify(value)}; expected one of ${Object.keys(HIGHLIGHT_NAMES).join(', ')}, No Color`,
  );
}

/**
 * What Format Painter and Ctrl+Shift+C pick up: the selection's character formatting as a full patch (off
 * values included, so painting replaces the target's formatting); properties mixed across the selection are
 * left out, as Word copies the formatting of the selection's start.
 */
export function copiedFormat(doc: WordDocument): Record<string, unknown> {
  const f = selectionFormat(doc);
  const patch: Record<string, unknown> = {};
  if (f.font !== null && f.font !== '') patch.font = f.font;
  for (const key of [
    'size',
    'bold',
    'italic',
    'underline',
    'strike',
    'doubleStrike',
    'caps',
    'smallCaps',
  ] as const)
    if (f[key] !== null) patch[key] = f[key];
  if (f.color !== null) patch.color = f.color;
  if (f.highlight !== null) patch.highlight = f.highlight;
  if (f.superscript !== null && f.subscript !== null)
    patch.vertAlign = f.superscript ? 'superscript' : f.subscript ? 'subscript' : 'baseline';
  return patch;
}

/**
 * Format Painter's second half: once text is selected after the painter was armed, the picked-up formatting is
 * applied to it and the painter turns off. Called by the mouse selection and by select_text (which stands in for
 * the drag a user makes with the painter brush; keyboard selection does not paint, as in Word);
 * the content revision is bumped because the document changes under a selection command.
 */
export function paintSelection(state: WordState): void {
  const painter = state.painter;
  if (painter === null || painter === undefined || isCollapsed(state.doc.selection)) return;
  bumpRevision('content');
  setCharFormat(state.doc, painter);
  state.painter = null;
}

const toggle = (label: string, key: ToggleKey) => edit(label, (doc) => toggleCharFormat(doc, key));

const ALIGN_VALUES = ['left', 'center', 'right', 'justify'] as const;

/** Bullet Library / Numbering Library entries: menu name → list style. */
export const BULLET_LIBRARY: Readonly<Record<string, string>> = {
  'Filled Round Bullet': '•',
  'Hollow Round Bullet': '○',
  'Filled Square Bullet': '■',
  'Four Diamonds Bullet': '❖',
  'Arrow Bullet': '➢',
  'Checkmark Bullet': '✓',
};
export const NUMBERING_LIBRARY: Readonly<Record<string, { format: NumberFormat; suffix: '.' | ')' }>> = {
  'Number Alignment: Left (1. 2. 3.)': { format: 'decimal', suffix: '.' },
  'Number Alignment: Left (1) 2) 3))': { format: 'decimal', suffix: ')' },
  'Number Alignment: Left (I. II. III.)': { format: 'upperRoman', suffix: '.' },
  'Number Alignment: Left (A. B. C.)': { format: 'upperLetter', suffix: '.' },
  'Number Alignment: Left (a) b) c))': { format: 'lowerLetter', suffix: ')' },
  'Number Alignment: Left (a. b. c.)': { format: 'lowerLetter', suffix: '.' },
  'Number Alignment: Left (i. ii. iii.)': { format: 'lowerRoman', suffix: '.' },
};

export const LINE_SPACINGS = ['1.0', '1.15', '1.5', '2.0', '2.5', '3.0'] as const;

export const PAPER_SIZES: Readonly<Record<string, string>> = {
  Letter: 'Letter',
  Legal: 'Legal',
  Executive: 'Executive',
  A4: 'A4',
  A5: 'A5',
  B5: 'B5',
};

const SHAPES: Readonly<Record<string, ShapeGeometry>> = {
  Rectangle: 'rect',
  'Rectangle: Rounded Corners': 'roundRect',
  Oval: 'ellipse',
  'Isosceles Triangle': 'triangle',
  'Arrow: Right': 'rightArrow',
  'Star: 5 Points': 'star5',
  Heart: 'heart',
  Line: 'line',
};
export const SHAPE_NAMES = Object.keys(SHAPES);

function insertPlainText(doc: WordDocument, text: string): void {
  // Typing and pasting: line feeds start new paragraphs, as Enter does.
  const parts = text.replace(/\r\n?/g, '\n').split('\n');
  parts.forEach((part, i) => {
    if (i > 0) splitParagraph(doc);
    if (part !== '') insertText(doc, part);
  });
}

function paragraphBorders(args: Args): Record<string, unknown> | null {
  const setting = args.setting ?? 'Box';
  if (setting === 'None') return null;
  if (setting !== 'Box')
    throw new WordModelError(
      'invalid_argument',
      `border setting must be None or Box, got ${JSON.stringify(setting)}`,
    );
  const style = BORDER_STYLES[String(args.style ?? 'Single')];
  if (style === undefined)
    throw new WordModelError('invalid_argument', `unknown border style ${JSON.stringify(args.style)}`);
  const width = BORDER_WIDTHS[String(args.width ?? '1/2 pt')];
  if (width === undefined)
    throw new WordModelError('invalid_argument', `unknown border width ${JSON.stringify(args.width)}`);
  return { style, width, color: colorValue(args.color ?? 'Automatic', 'border color') };
}

export const BORDER_STYLES: Readonly<Record<string, string>> = {
  Single: 'single',
  Dotted: 'dotted',
  Dashed: 'dashed',
  Double: 'double',
  Thick: 'thick',
  Wave: 'wave',
};
export const BORDER_WIDTHS: Readonly<Record<string, number>> = {
  '1/4 pt': 0.25,
  '1/2 pt': 0.5,
  '3/4 pt': 0.75,
  '1 pt': 1,
  '1 1/2 pt': 1.5,
  '2 1/4 pt': 2.25,
  '3 pt': 3,
  '4 1/2 pt': 4.5,
  '6 pt': 6,
};

export const SAVE_FORMATS: Readonly<Record<string, string>> = {
  'Word Document (*.docx)': 'docx',
  'Word Macro-Enabled Document (*.docm)': 'docm',
  'Word 97-2003 Document (*.doc)': 'doc',
  'Word Template (*.dotx)': 'dotx',
  'PDF (*.pdf)': 'pdf',
  'Rich Text Format (*.rtf)': 'rtf',
  'Plain Text (*.txt)': 'txt',
  'Web Page (*.htm;*.html)': 'htm',
  'OpenDocument Text (*.odt)': 'odt',
};

const inTable = (s: WordState): boolean =>
  s.doc.selection.focus.path.length > 1 && s.doc.selection.story === undefined;

export function wordCommands(
  saveAs: (ctx: CommandContext<WordState>, args: Args) => Outcome,
): Record<string, CommandDecl<WordState>> {
  return {
    // -- Home > Clipboard ---------------------------------------------------------------------------------------
    cut: edit(
      'Cut',
      (doc, _a, ctx) => {
        if (isCollapsed(doc.selection)) return { changed: false };
        ctx.state.clipboard = selectedText(doc, currentBlocks(doc));
        deleteSelection(doc);
        return undefined;
      },
      { enabled: (s) => !isCollapsed(s.doc.selection) },
    ),
    copy: edit(
      'Copy',
      (doc, _a, ctx) => {
        ctx.state.clipboard = selectedText(doc, currentBlocks(doc));
        return undefined;
      },
      { undo: 'none', enabled: (s) => !isCollapsed(s.doc.selection) },
    ),
    paste: edit(
      'Paste',
      (doc, _a, ctx) => {
        const text = ctx.state.clipboard;
        if (text === null) return { changed: false };
        if (!isCollapsed(doc.selection)) deleteSelection(doc);
        insertPlainText(doc, text);
        return undefined;
      },
      { enabled: (s) => s.clipboard !== null },
    ),
    /** Format Painter: picks up the selection's formatting (or turns the painter off when it is on). */
    formatPainter: uiState((s) => {
      s.painter = s.painter === null || s.painter === undefined ? copiedFormat(s.doc) : null;
    }),
    /** Ctrl+Shift+C: Copy Formatting. */
    copyFormat: uiState((s) => {
      s.copiedFormat = copiedFormat(s.doc);
    }),
    /** Ctrl+Shift+V: Paste Formatting (the formatting stays copied, as in Word). */
    pasteFormat: edit('Paste Formatting', (doc, _a, ctx) => {
      const format = ctx.state.copiedFormat;
      if (format === null || format === undefined)
        return { error: 'copy formatting first with Ctrl+Shift+C' };
      setCharFormat(doc, format);
      return undefined;
    }),

    // -- Home > Font ------------------------------------------------------------------------------------------
    bold: toggle('Bold', 'bold'),
    italic: toggle('Italic', 'italic'),
    underline: toggle('Underline', 'underline'),
    strikethrough: toggle('Strikethrough', 'strike'),
    subscript: toggle('Subscript', 'subscript'),
    superscript: toggle('Superscript', 'superscript'),
    /** Ctrl+Shift+A and Ctrl+Shift+K: the Font dialog's All caps and Small caps effects. */
    allCaps: toggle('All Caps', 'caps'),
    smallCaps: toggle('Small Caps', 'smallCaps'),
    underlineStyle: edit('Underline', (doc, a) =>
      setCharFormat(doc, { underline: str(a, 'value', 'underline style') as never }),
    ),
    font: edit('Font', (doc, a) => {
      const name = str(a, 'value', 'the font name').trim();
      if (name === '') return { error: 'the font name is empty' };
      setCharFormat(doc, { font: name });
      return undefined;
    }),
    fontSize: edit('Font Size', (doc, a) =>
      setCharFormat(doc, { size: parseNumber(a.value, 'the font size') }),
    ),
    growFont: edit('Grow Font', (doc) => stepFontSize(doc, 1)),
    growFontPoint: edit('Grow Font', (doc) => stepFontSize(doc, 1, 'point')),
    shrinkFontPoint: edit('Shrink Font', (doc) => stepFontSize(doc, -1, 'point')),
    shrinkFont: edit('Shrink Font', (doc) => stepFontSize(doc, -1)),
    changeCase: edit('Change Case', (doc, a) => changeCase(doc, str(a, 'mode', 'case mode') as never)),
    clearFormatting: edit('Clear Formatting', (doc) => clearFormatting(doc)),
    fontColor: edit('Font Color', (doc, a, ctx) => {
      const color = a.value === undefined ? ctx.state.lastFontColor : colorValue(a.value, 'font color');
      setCharFormat(doc, { color });
      if (color !== 'auto') ctx.state.lastFontColor = color;
      return undefined;
    }),
    highlight: edit('Highlight', (doc, a, ctx) => {
      const value = a.value === undefined ? ctx.state.lastHighlight : highlightValue(a.value);
      setCharFormat(doc, { highlight: value as HighlightColor | 'none' });
      if (value !== 'none') ctx.state.lastHighlight = value;
      return undefined;
    }),
    /** The Font dialog's OK. */
    fontDialog: edit('Font', (doc, a) => {
      const patch: Record<string, unknown> = {};
      const font = String(a.font ?? '').trim();
      if (font !== '') patch.font = font;
      const sizeText = String(a.size ?? '').trim();
      if (sizeText !== '') patch.size = parseNumber(sizeText, 'the font size');
      const style = String(a.fontStyle ?? '');
      if (style !== '') {
        if (!['Regular', 'Italic', 'Bold', 'Bold Italic'].includes(style)) {
          return { error: `font style must be Regular, Italic, Bold or Bold Italic, got '${style}'` };
        }
        patch.bold = style.includes('Bold');
        patch.italic = style.includes('Italic');
      }
      const color = String(a.color ?? '');
      if (color !== '') patch.color = colorValue(color, 'font color');
      const underline = String(a.underline ?? '');
      if (underline !== '') patch.underline = UNDERLINE_NAMES[underline] ?? underline;
      patch.strike = bool(a, 'strike');
      patch.doubleStrike = bool(a, 'doubleStrike');
      patch.vertAlign = bool(a, 'superscript')
        ? 'superscript'
        : bool(a, 'subscript')
          ? 'subscript'
          : 'baseline';
      patch.smallCaps = bool(a, 'smallCaps');
      patch.caps = bool(a, 'caps');
      patch.hidden = bool(a, 'hidden');
      setCharFormat(doc, patch);
      return undefined;
    }),

    // -- Home > Paragraph -------------------------------------------------------------------------------------
    bullets: edit('Bullets', (doc, a) => {
      const name = a.value;
      if (name === undefined) return void toggleList(doc, 'bullet');
      if (name === 'None') return void removeListFormatting(doc);
      const bullet = BULLET_LIBRARY[String(name)];
      if (bullet === undefined) return { error: `unknown bullet '${String(name)}'` };
      toggleList(doc, 'bullet', { bullet });
      return undefined;
    }),
    numbering: edit('Numbering', (doc, a) => {
      const name = a.value;
      if (name === undefined) return void toggleList(doc, 'number');
      if (name === 'None') return void removeListFormatting(doc);
      const style = NUMBERING_LIBRARY[String(name)];
      if (style === undefined) return { error: `unknown numbering format '${String(name)}'` };
      toggleList(doc, 'number', style);
      return undefined;
    }),
    decreaseIndent: edit('Decrease Indent', (doc) => changeIndent(doc, -1)),
    increaseIndent: edit('Increase Indent', (doc) => changeIndent(doc, 1)),
    align: edit('Align', (doc, a) => {
      const value = a.value;
      if (!ALIGN_VALUES.includes(value as never))
        return { error: `alignment must be one of ${ALIGN_VALUES.join(', ')}` };
      setParagraphFormat(doc, { align: value as (typeof ALIGN_VALUES)[number] });
      return undefined;
    }),
    lineSpacing: edit('Line Spacing', (doc, a) => setLineSpacing(doc, parseNumber(a.value, 'line spacing'))),
    spaceBefore: edit('Spacing', (doc, a) =>
      setParagraphFormat(doc, { spaceBefore: a.remove === true ? 0 : 12 }),
    ),
    spaceAfter: edit('Spacing', (doc, a) =>
      setParagraphFormat(doc, { spaceAfter: a.remove === true ? 0 : 12 }),
    ),
    toggleMarks: uiState((s) => {
      s.view.marks = !s.view.marks;
    }),
    /** The Paragraph dialog's OK. */
    paragraphDialog: edit('Paragraph', (doc, a) => {
      const alignName = String(a.alignment ?? 'Left');
      const align = ({ Left: 'left', Centered: 'center', Right: 'right', Justified: 'justify' } as const)[
        alignName as 'Left'
      ];
      if (align === undefined)
        return { error: `alignment must be Left, Centered, Right or Justified, got '${alignName}'` };
      const inch = (key: string, what: string) => parseNumber(a[key], what, '"') * 72;
      const special = String(a.special ?? '(none)');
      const by = special === '(none)' ? 0 : inch('by', 'the special indent');
      const lineName = String(a.lineSpacing ?? 'Single');
      const at = String(a.at ?? '');
      let lineSpacing: number;
      let lineRule: 'auto' | 'exact' | 'atLeast' = 'auto';
      switch (lineName) {
        case 'Single':
          lineSpacing = 1;
          break;
        case '1.5 lines':
          lineSpacing = 1.5;
          break;
        case 'Double':
          lineSpacing = 2;
          break;
        case 'Multiple':
          lineSpacing = parseNumber(at, 'the line spacing');
          break;
        case 'At least':
        case 'Exactly':
          lineSpacing = parseNumber(at, 'the line spacing', 'pt');
          lineRule = lineName === 'Exactly' ? 'exact' : 'atLeast';
          break;
        default:
          return {
            error: `line spacing must be Single, 1.5 lines, Double, At least, Exactly or Multiple, got '${lineName}'`,
          };
      }
      setParagraphFormat(doc, {
        align,
        indentLeft: inch('left', 'the left indent'),
        indentRight: inch('right', 'the right indent'),
        indentFirstLine: special === 'Hanging' ? -by : by,
        spaceBefore: parseNumber(a.before, 'spacing before', 'pt'),
        spaceAfter: parseNumber(a.after, 'spacing after', 'pt'),
        lineSpacing,
        lineRule,
        widowControl: bool(a, 'widowControl'),
        keepNext: bool(a, 'keepNext'),
        keepLines: bool(a, 'keepLines'),
        pageBreakBefore: bool(a, 'pageBreakBefore'),
      });
      return undefined;
    }),
    /** Borders and Shading's OK: paragraph borders, page border, paragraph shading. */
    bordersDialog: edit('Borders and Shading', (doc, a) => {
      const border = paragraphBorders({ setting: a.setting, style: a.style, color: a.color, width: a.width });
      const b = border as { style: string; width: number; color: string } | null;
      setParagraphFormat(doc, {
        borders:
          b === null
            ? null
            : {
                top: { ...b, space: 1 },
                bottom: { ...b, space: 1 },
                left: { ...b, space: 4 },
                right: { ...b, space: 4 },
              },
      });
      const page = paragraphBorders({
        setting: a.pageSetting,
        style: a.pageStyle,
        color: a.pageColor,
        width: a.pageWidth,
      });
      setPageBorders(doc, page as never);
      const fill = String(a.fill ?? 'No Color');
      setParagraphFormat(doc, { shading: fill === 'No Color' ? null : colorValue(fill, 'shading fill') });
      return undefined;
    }),
    paragraphBorders: edit('Borders', (doc, a) => {
      const which = String(a.value);
      const line = { style: 'single', width: 0.5, color: 'auto', space: 1 };
      const sides: Record<string, string[]> = {
        'Bottom Border': ['bottom'],
        'Top Border': ['top'],
        'Left Border': ['left'],
        'Right Border': ['right'],
        'Outside Borders': ['top', 'bottom', 'left', 'right'],
        'All Borders': ['top', 'bottom', 'left', 'right'],
      };
      if (which === 'No Border') {
        setParagraphFormat(doc, { borders: null });
        return undefined;
      }
      const chosen = sides[which];
      if (chosen === undefined) return { error: `unknown border '${which}'` };
      const borders: Record<string, unknown> = {};
      for (const side of chosen) borders[side] = { ...line };
      setParagraphFormat(doc, { borders: borders as never });
      return undefined;
    }),

    // -- Home > Styles / Editing ------------------------------------------------------------------------------
    style: edit('Style', (doc, a) => applyStyle(doc, str(a, 'value', 'the style name'))),
    selectAll: move('Select All', (doc) => selectAll(doc)),
    /** Find and Replace > Find Next (the dialog stays open). */
    findNext: edit(
      'Find',
      (doc, a, ctx) => {
        const text = String(a.find ?? a.findR ?? '');
        ctx.state.find.text = text;
        if (text === '') return { changed: false };
        const found = findNext(doc, text, {
          matchCase: bool(a, 'matchCase'),
          wholeWord: bool(a, 'wholeWord'),
        });
        if (!found) ctx.ui.messageBox('Word finished searching the document.');
        return undefined;
      },
      { undo: 'none' },
    ),
    replaceOne: edit('Replace', (doc, a, ctx) => {
      const text = String(a.findR ?? '');
      const replacement = String(a.replaceWith ?? '');
      ctx.state.find = { text, replacement };
      if (text === '') return { changed: false };
      const result = replace(doc, text, replacement, {
        matchCase: bool(a, 'matchCaseR'),
        wholeWord: bool(a, 'wholeWordR'),
      });
      if (result.replaced === 0 && !result.found) ctx.ui.messageBox('Word finished searching the document.');
      return undefined;
    }),
    replaceAll: edit('Replace All', (doc, a, ctx) => {
      const text = String(a.findR ?? '');
      const replacement = String(a.replaceWith ?? '');
      ctx.state.find = { text, replacement };
      if (text === '') return { changed: false };
      const result = replace(doc, text, replacement, {
        all: true,
        matchCase: bool(a, 'matchCaseR'),
        wholeWord: bool(a, 'wholeWordR'),
      });
      ctx.ui.messageBox(
        result.replaced === 0
          ? "We couldn't find what you were looking for."
          : `All done. We made ${result.replaced} replacement${result.replaced === 1 ? '' : 's'}.`,
      );
      return { result: { replaced: result.replaced } };
    }),
    /** The Navigation pane's search box (Ctrl+F). */
    navigationSearch: edit(
      'Find',
      (doc, a, ctx) => {
        const text = String(a.value ?? '');
        ctx.state.find.text = text;
        if (text === '') return { changed: false };
        const found = findNext(doc, text);
        return { result: found ? 'found' : 'No results' };
      },
      { undo: 'none' },
    ),
    showNavigationPane: uiState((s) => {
      s.view.navigationPane = true;
    }),
    closeNavigationPane: uiState((s) => {
      s.view.navigationPane = false;
    }),

    // -- Insert -----------------------------------------------------------------------------------------------
    pageBreak: edit('Page Break', (doc) => insertPageBreak(doc)),
    blankPage: edit('Blank Page', (doc) => {
      insertPageBreak(doc);
      insertPageBreak(doc);
      moveCaret(doc, 'left');
    }),
    sectionBreak: edit('Section Break', (doc, a) =>
      insertSectionBreak(doc, (a.value ?? 'nextPage') as never),
    ),
    columnBreak: edit('Column Break', (doc) => insertPageBreak(doc, 'column')),
    insertTable: edit('Insert Table', (doc, a) => {
      insertTable(doc, parseNumber(a.rows, 'number of rows'), parseNumber(a.columns, 'number of columns'));
      return undefined;
    }),
    shape: edit('Insert Shape', (doc, a) => {
      const geometry = SHAPES[String(a.value)];
      if (geometry === undefined)
        return { error: `unknown shape '${String(a.value)}'; shapes: ${SHAPE_NAMES.join(', ')}` };
      insertShape(doc, geometry);
      return undefined;
    }),
    textBox: edit('Text Box', (doc, a) => {
      const shape = insertTextBox(doc, typeof a.text === 'string' ? a.text : '');
      // Word leaves the caret in the new text box, its sample text selected, so typing fills the box.
      doc.selection = {
        story: `shape:${shape.id}`,
        anchor: firstPosition(shape.blocks),
        focus: lastPosition(shape.blocks),
      };
      return undefined;
    }),
    hyperlink: edit('Insert Hyperlink', (doc, a) => {
      const address = String(a.address ?? '').trim();
      if (address === '') return { error: 'type the address of the link in the Address box' };
      const text = String(a.text ?? '');
      insertHyperlink(doc, { url: address, text: text === '' ? undefined : text });
      return undefined;
    }),
    comment: edit('New Comment', (doc, a, ctx) => {
      const given = typeof a.text === 'string' ? a.text : '';
      const added = addComment(doc, given);
      // Without text, Word opens the new comment's card to type it in and post it.
      ctx.state.commentCard = given === '' ? added.id : null;
      if (given === '') ctx.ui.openDialog('commentCard');
      return undefined;
    }),
    /** The comment card's Post comment: the typed text becomes the new comment's text. */
    postComment: edit('Post Comment', (doc, a, ctx) => {
      const id = ctx.state.commentCard;
      const comment = doc.comments.find((c) => c.id === id);
      if (comment === undefined) return { error: 'the comment was deleted' };
      const text = String(a.text ?? '');
      if (text.trim() === '') return { error: 'type a comment before posting it' };
      comment.text = text;
      ctx.state.commentCard = null;
      return undefined;
    }),
    deleteComment: edit(
      'Delete Comment',
      (doc) => {
        const id = commentAtCaret(doc);
        if (id === null) return { error: 'put the caret in commented text to delete its comment' };
        deleteComment(doc, id);
        return undefined;
      },
      { enabled: (s) => s.doc.comments.length > 0 },
    ),
    resolveComment: edit(
      'Resolve Comment',
      (doc) => {
        const id = commentAtCaret(doc);
        if (id === null) return { error: 'put the caret in commented text to resolve its comment' };
        resolveComment(doc, id);
        return undefined;
      },
      { enabled: (s) => s.doc.comments.length > 0 },
    ),
    header: edit('Header', (doc, a, ctx) => {
      if (a.value === 'Remove Header') return void setHeader(doc, null);
      editHeaderFooter(doc, 'header');
      ctx.ui.showTab('Header & Footer');
      return undefined;
    }),
    footer: edit('Footer', (doc, a, ctx) => {
      if (a.value === 'Remove Footer') return void setFooter(doc, null);
      editHeaderFooter(doc, 'footer');
      ctx.ui.showTab('Header & Footer');
      return undefined;
    }),
    closeHeaderFooter: edit('Close Header and Footer', (doc) => closeHeaderFooter(doc), {
      undo: 'none',
      enabled: (s) =>
        s.doc.selection.story?.startsWith('header') === true ||
        s.doc.selection.story?.startsWith('footer') === true,
    }),
    pageNumber: edit('Page Number', (doc, a) => {
      const value = String(a.value);
      if (value === 'Remove Page Numbers') return void setFooter(doc, null);
      const [position, align] = value.split(':') as ['header' | 'footer', 'left' | 'center' | 'right'];
      insertPageNumber(doc, { position, align });
      return undefined;
    }),
    symbol: edit('Symbol', (doc, a) => {
      const ch = str(a, 'value', 'the symbol');
      if (ch === '') return { error: 'choose a symbol' };
      if (!isCollapsed(doc.selection)) deleteSelection(doc);
      insertText(doc, ch);
      return undefined;
    }),

    // -- Design -----------------------------------------------------------------------------------------------
    watermark: edit('Watermark', (doc, a) => {
      if (a.value === null || a.value === 'Remove Watermark') return void setWatermark(doc, null);
      setWatermark(doc, str(a, 'value', 'the watermark text'));
      return undefined;
    }),
    /** Printed Watermark's OK (and Apply). */
    watermarkDialog: edit('Watermark', (doc, a) => {
      const kind = String(a.kind ?? 'none');
      if (kind === 'none') return void setWatermark(doc, null);
      if (kind === 'picture')
        return { error: 'no picture is selected: use Select Picture... first, or choose Text watermark' };
      if (kind !== 'text') return { error: `watermark must be none, picture or text, got '${kind}'` };
      const text = String(a.text ?? '');
      if (text.trim() === '') return { error: 'type the watermark text in the Text box' };
      const sizeText = String(a.size ?? 'Auto');
      setWatermark(doc, {
        kind: 'text',
        text,
        font: String(a.font ?? 'Calibri'),
        size: sizeText === 'Auto' ? 'auto' : parseNumber(sizeText, 'the watermark size'),
        color:
          colorValue(a.color ?? 'Automatic', 'watermark color') === 'auto'
            ? 'C0C0C0'
            : colorValue(a.color ?? 'Automatic', 'watermark color'),
        semitransparent: a.semitransparent !== false,
        layout: a.layout === 'horizontal' ? 'horizontal' : 'diagonal',
      });
      return undefined;
    }),
    pageColor: edit('Page Color', (doc, a) =>
      setPageColor(doc, a.value === 'No Color' ? null : colorValue(a.value, 'page color')),
    ),

    // -- Layout -----------------------------------------------------------------------------------------------
    margins: edit('Margins', (doc, a) =>
      setPageSetup(doc, { margins: str(a, 'value', 'the margins preset') }),
    ),
    orientation: edit('Orientation', (doc, a) =>
      setPageSetup(doc, { orientation: a.value === 'landscape' ? 'landscape' : 'portrait' }),
    ),
    pageSize: edit('Size', (doc, a) => setPageSetup(doc, { size: str(a, 'value', 'the paper size') })),
    columns: edit('Columns', (doc, a) =>
      setPageSetup(doc, { columns: parseNumber(a.value, 'the number of columns') }),
    ),
    /** Page Setup's OK. */
    pageSetupDialog: edit('Page Setup', (doc, a) => {
      const inch = (key: string, what: string) => parseNumber(a[key], what, '"') * 72;
      setPageSetup(doc, {
        margins: {
          top: inch('top', 'the top margin'),
          bottom: inch('bottom', 'the bottom margin'),
          left: inch('left', 'the left margin'),
          right: inch('right', 'the right margin'),
        },
        orientation: a.orientation === 'landscape' ? 'landscape' : 'portrait',
        size: String(a.paperSize ?? 'Letter'),
      });
      return undefined;
    }),

    // -- Review -----------------------------------------------------------------------------------------------
    // (Word Count opens its dialog; New Comment is `comment`.)

    // -- View -------------------------------------------------------------------------------------------------
    viewMode: uiState((s, a) => {
      const mode = a.value;
      if (mode !== 'print' && mode !== 'web' && mode !== 'read')
        return { error: `unknown view '${String(mode)}'` };
      s.view.mode = mode;
      return undefined;
    }),
    toggleRuler: uiState((s) => {
      s.view.ruler = !s.view.ruler;
    }),
    toggleGridlines: uiState((s) => {
      s.view.gridlines = !s.view.gridlines;
    }),
    toggleNavigationPane: uiState((s) => {
      s.view.navigationPane = !s.view.navigationPane;
    }),
    zoom: uiState((s, a) => {
      const z = parseNumber(a.value, 'the zoom');
      if (z < 10 || z > 500) return { error: 'zoom must be between 10% and 500%' };
      s.view.zoom = z;
      return undefined;
    }),

    // -- Table Design / Table Layout --------------------------------------------------------------------------
    tableStyle: edit('Table Style', (doc, a) => setTableStyle(doc, str(a, 'value', 'the table style')), {
      enabled: inTable,
    }),
    tableShading: edit(
      'Shading',
      (doc, a) => setCellShading(doc, a.value === 'No Color' ? null : colorValue(a.value, 'shading')),
      { enabled: inTable },
    ),
    tableBorders: edit(
      'Borders',
      (doc, a) => {
        const which = (
          {
            'All Borders': 'all',
            'No Border': 'none',
            'Outside Borders': 'outside',
            'Inside Borders': 'inside',
          } as const
        )[String(a.value) as 'All Borders'];
        if (which === undefined) return { error: `unknown table border '${String(a.value)}'` };
        setTableBorders(doc, which);
        return undefined;
      },
      { enabled: inTable },
    ),
    selectTable: move('Select Table', (doc) => {
      const t = currentTable(doc);
      if (t === null) return { error: 'the caret is not in a table' };
      const index = t.tablePath[0]!;
      let n = 0;
      for (let i = 0; i <= index; i++) if (doc.body[i]?.type === 'table') n++;
      selectTable(doc, n);
      return undefined;
    }),
    insertRows: edit('Insert Rows', (doc, a) => insertRows(doc, a.value === 'above' ? 'above' : 'below'), {
      enabled: inTable,
    }),
    insertColumns: edit(
      'Insert Columns',
      (doc, a) => insertColumns(doc, a.value === 'left' ? 'left' : 'right'),
      { enabled: inTable },
    ),
    deleteRows: edit('Delete Rows', (doc) => deleteRows(doc), { enabled: inTable }),
    deleteColumns: edit('Delete Columns', (doc) => deleteColumns(doc), { enabled: inTable }),
    deleteTable: edit('Delete Table', (doc) => deleteTable(doc), { enabled: inTable }),
    mergeCells: edit('Merge Cells', (doc) => mergeCells(doc), { enabled: inTable }),

    // -- File -------------------------------------------------------------------------------------------------
    save: {
      label: 'Save',
      mutates: true,
      undo: 'none',
      run: (ctx, args) => {
        const saved = ctx.state.file.saved;
        if (saved === null) {
          ctx.ui.openDialog('saveAs');
          return { changed: false };
        }
        return saveAs(ctx, { ...saved, ...args });
      },
    },
    saveAsDialog: {
      label: 'Save As',
      mutates: true,
      undo: 'none',
      // Saving records the file and reads the document: no revision moves.
      run: guarded((ctx, a) => {
        const name = String(a.fileName ?? '').trim();
        if (name === '') return { error: 'type a file name' };
        const format = SAVE_FORMATS[String(a.saveAsType ?? 'Word Document (*.docx)')];
        if (format === undefined) return { error: `unknown file type '${String(a.saveAsType)}'` };
        const base = name.toLowerCase().endsWith(`.${format}`) ? name.slice(0, -format.length - 1) : name;
        return saveAs(ctx, { file_dir: String(a.folder ?? ''), file_name: base, file_ext: format });
      }, null),
    },

    // -- Dialogs opened by shortcuts (Ctrl+H, Ctrl+D, Ctrl+K, F12) ------------------------------------------------
    openReplace: uiOnly((ctx) => ctx.ui.openDialog('replace')),
    openFont: uiOnly((ctx) => ctx.ui.openDialog('font')),
    openHyperlink: uiOnly((ctx) => ctx.ui.openDialog('hyperlink')),
    openSaveAs: uiOnly((ctx) => ctx.ui.openDialog('saveAs')),

    // -- Typing and the keyboard ------------------------------------------------------------------------------
    type: edit('Typing', (doc, a) => insertPlainText(doc, str(a, 'text', 'typed text')), { undo: 'merge' }),
    setText: edit('Typing', (doc, a) => {
      if (a.clear === true) {
        selectAll(doc);
        if (!isCollapsed(doc.selection)) deleteSelection(doc);
      }
      insertPlainText(doc, str(a, 'text', 'the text'));
      return undefined;
    }),
    enter: edit('Typing', (doc) => splitParagraph(doc), { undo: 'merge' }),
    lineBreak: edit('Typing', (doc) => insertLineBreak(doc), { undo: 'merge' }),
    tab: edit('Typing', (doc, a) => insertTab(doc, a.shift === true), { undo: 'merge' }),
    backspace: edit('Typing', (doc) => deleteBackward(doc), { undo: 'merge' }),
    delete: edit('Delete', (doc) => deleteForward(doc)),
    caret: move('Move', (doc, a) => {
      const m = a.move as CaretMove;
      if (!(CARET_MOVES as readonly string[]).includes(m))
        return { error: `unknown caret move '${String(m)}'` };
      moveCaret(doc, m, a.extend === true);
      return undefined;
    }),
    escape: move('Escape', (doc) => {
      if (doc.selection.story !== undefined) closeHeaderFooter(doc);
      else if (!isCollapsed(doc.selection)) collapseSelection(doc);
      else return { changed: false };
      return undefined;
    }),
    /** A mouse click on the document area (x, y: pixels from its top left). */
    documentClick: move('Click', (doc, a, ctx) => {
      const x = Number(a.x);
      const y = Number(a.y);
      const scroll = ctx.ui.view.scroll;
      const position = positionAtPoint(doc, currentRevision(), x, y, scroll, DOCUMENT_AREA_WIDTH);
      if (position === null) return { changed: false };
      if (doc.selection.story !== undefined) closeHeaderFooter(doc);
      const pressed = typeof a.pressed === 'string' ? a.pressed.toUpperCase() : '';
      clickAt(doc, position, {
        clicks: a.double === true ? 2 : 1,
        shift: pressed.includes('SHIFT'),
        story: null,
      });
      paintSelection(ctx.state);
      return undefined;
    }),
  };
}

export const UNDERLINE_NAMES: Readonly<Record<string, string>> = {
  '(none)': 'none',
  Single: 'single',
  'Words only': 'words',
  Double: 'double',
  Thick: 'thick',
  Dotted: 'dotted',
  Dash: 'dash',
  Wave: 'wave',
};

/**
 * A command that changes only Word's own settings (view options, panes, the format painter), never the document:
 * it moves no revision (derived.ts), since nothing derived from the document can change.
 */
function uiState(run: (state: WordState, args: Args) => Outcome): CommandDecl<WordState> {
  return { mutates: true, undo: 'none', run: guarded((ctx, args) => run(ctx.state, args), null) };
}

function commentAtCaret(doc: WordDocument): string | null {
  const { path, offset } = doc.selection.focus;
  const blocks = currentBlocks(doc);
  let list = blocks;
  let block: unknown = undefined;
  for (let i = 0; i < path.length; i += 3) {
    block = list[path[i]!];
    if (i + 3 < path.length) {
      const t = block as { rows: { cells: { blocks: typeof blocks }[] }[] };
      list = t.rows[path[i + 1]!]!.cells[path[i + 2]!]!.blocks;
    }
  }
  const p = block as
    { type: string; runs: { kind?: string; text?: string; comments?: string[] }[] } | undefined;
  if (!p || p.type !== 'paragraph') return null;
  let at = 0;
  for (const r of p.runs) {
    const len = r.kind === undefined ? (r.text ?? '').length : 1;
    if (offset >= at && offset <= at + len && r.comments && r.comments.length > 0) return r.comments[0]!;
    at += len;
  }
  return doc.comments[0]?.id ?? null;
}
