/**
 * The Word document model: plain JSON-compatible data (no classes, no Maps, no undefined-only
 * semantics), so the kernel can snapshot it with structuredClone, evaluators can diff two states and
 * trajectories can store it. Every length is in points (1/72 inch); colours are 6-digit uppercase hex
 * without '#' ('FF0000'), or 'auto'.
 *
 * Operations (see the other modules) mutate a document in place; snapshot before calling them when
 * you need undo.
 */

/** OOXML ST_Underline values Word offers (absent = no underline). */
export const UNDERLINE_STYLES = [
  'single',
  'words',
  'double',
  'thick',
  'dotted',
  'dottedHeavy',
  'dash',
  'dashedHeavy',
  'dashLong',
  'dashLongHeavy',
  'dotDash',
  'dashDotHeavy',
  'dotDotDash',
  'dashDotDotHeavy',
  'wave',
  'wavyHeavy',
  'wavyDouble',
] as const;
export type UnderlineStyle = (typeof UNDERLINE_STYLES)[number];

/** Word's 16 text highlight colours (OOXML ST_HighlightColor names). */
export const HIGHLIGHT_COLORS = {
  yellow: 'FFFF00',
  brightGreen: '00FF00',
  turquoise: '00FFFF',
  pink: 'FF00FF',
  blue: '0000FF',
  red: 'FF0000',
  darkBlue: '000080',
  teal: '008080',
  green: '008000',
  violet: '800080',
  darkRed: '800000',
  darkYellow: '808000',
  darkGray: '808080',
  lightGray: 'C0C0C0',
  black: '000000',
  white: 'FFFFFF',
} as const;
export type HighlightColor = keyof typeof HIGHLIGHT_COLORS;

/**
 * Character formatting. An absent key inherits from the character style, the paragraph style and the
 * document defaults; an explicit `false` overrides a style that turns the property on.
 */
export interface CharFormat {
  font?: string;
  /** Points, in half-point steps (10.5 is valid). */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: UnderlineStyle | 'none';
  strike?: boolean;
  doubleStrike?: boolean;
  color?: string;
  highlight?: HighlightColor | 'none';
  vertAlign?: 'superscript' | 'subscript' | 'baseline';
  /** All Caps (a display attribute: the stored text keeps its case). */
  caps?: boolean;
  smallCaps?: boolean;
  hidden?: boolean;
  /** Character style id (e.g. 'Hyperlink', 'Strong'). */
  charStyle?: string;
}

/** The keys of CharFormat, in canonical order (canvas, comparisons, OOXML writing). */
export const CHAR_FORMAT_KEYS = [
  'charStyle',
  'font',
  'size',
  'bold',
  'italic',
  'underline',
  'strike',
  'doubleStrike',
  'color',
  'highlight',
  'vertAlign',
  'caps',
  'smallCaps',
  'hidden',
] as const satisfies readonly (keyof CharFormat)[];

export interface Hyperlink {
  /** External target (http:, https:, mailto:, file:). */
  url?: string;
  /** Internal target: a bookmark name. */
  anchor?: string;
  tooltip?: string;
}

/** A run of text with one format. Tabs are '\t', manual line breaks (Shift+Enter) are '\n'. */
export interface TextRun extends CharFormat {
  kind?: undefined;
  text: string;
  link?: Hyperlink;
  /** Ids of the comments whose anchored range covers this run. */
  comments?: string[];
}

/** A field (PAGE, NUMPAGES, DATE, ...). Occupies one caret position. */
export interface FieldRun extends CharFormat {
  kind: 'field';
  /** The field instruction, e.g. 'PAGE', 'NUMPAGES', 'DATE \\@ "M/d/yyyy"'. */
  instr: string;
  /** The cached result Word shows ('1' for PAGE in the model). */
  result: string;
  link?: Hyperlink;
  comments?: string[];
}

/** A shape or text box anchored at this point of the paragraph. Occupies one caret position. */
export interface ShapeRun {
  kind: 'shape';
  shape: Shape;
}

/**
 * Content the model cannot edit, kept verbatim so that export writes it back (pictures, charts,
 * SmartArt, equations, content controls...). Occupies one caret position.
 */
export interface OpaqueRun {
  kind: 'opaque';
  opaque: OpaqueContent;
}

export type Inline = TextRun | FieldRun | ShapeRun | OpaqueRun;

export interface OpaqueContent {
  /** What it is, for people and the canvas: 'picture', 'chart', 'drawing', 'object', 'math', ... */
  label: string;
  /** The element's XML as it appeared in the source part (namespace prefixes as Word writes them). */
  xml: string;
  /** Package parts the XML refers to by relationship id, carried along so export can write them. */
  parts: Record<string, PreservedPart>;
}

export interface PreservedPart {
  /** Relationship type URI. */
  type: string;
  /** External target (TargetMode="External"), when the relationship is not to a package part. */
  external?: string;
  /** File name of the part inside the package (e.g. 'image1.png'). */
  name?: string;
  contentType?: string;
  /** Part bytes, base64. */
  data?: string;
  /** Parts this part refers to (a chart's embedded workbook...). */
  parts?: Record<string, PreservedPart>;
}

/** DrawingML preset geometries the model knows by name (others import as opaque content). */
export const SHAPE_GEOMETRIES = [
  'rect',
  'roundRect',
  'ellipse',
  'triangle',
  'rtTriangle',
  'diamond',
  'pentagon',
  'hexagon',
  'octagon',
  'star5',
  'rightArrow',
  'leftArrow',
  'upArrow',
  'downArrow',
  'line',
  'straightConnector1',
  'heart',
  'smileyFace',
  'cloud',
  'plus',
  'can',
  'cube',
  'parallelogram',
  'trapezoid',
  'chevron',
  'wedgeRectCallout',
] as const;
export type ShapeGeometry = (typeof SHAPE_GEOMETRIES)[number];

export interface Shape {
  /** Unique within the document ('shape1'...). */
  id: string;
  /** The name Word shows in the Selection Pane ('Rectangle 1'). */
  name: string;
  geometry: ShapeGeometry;
  /** A text box (Insert > Text Box) rather than a drawn shape. */
  textBox: boolean;
  width: number;
  height: number;
  /** Offset from the reference edges given by relativeFrom (points). */
  x: number;
  y: number;
  relativeFrom: {
    horizontal: 'column' | 'page' | 'margin' | 'character';
    vertical: 'paragraph' | 'page' | 'margin' | 'line';
  };
  /** 'inline' sits in the text line like a character; the others float. */
  wrap: 'inline' | 'square' | 'tight' | 'topAndBottom' | 'behindText' | 'inFrontOfText';
  /** Fill colour, or null for no fill. */
  fill: string | null;
  /** Outline colour, or null for no outline. */
  line: string | null;
  lineWidth: number;
  rotation: number;
  /** Text inside the shape or text box (paragraphs; may be empty). */
  blocks: Block[];
}

export type Alignment = 'left' | 'center' | 'right' | 'justify' | 'distribute';

export interface Border {
  /** OOXML ST_Border: 'single', 'double', 'dotted', 'dashed', 'thick', 'wave', 'threeDEmboss', ... */
  style: string;
  /** Line width in points. */
  width: number;
  color: string;
  /** Distance from the text (or page edge), points. */
  space: number;
}

export interface ParagraphBorders {
  top?: Border;
  bottom?: Border;
  left?: Border;
  right?: Border;
  between?: Border;
}

/** Paragraph formatting. Absent keys inherit from the paragraph style. */
export interface ParagraphFormat {
  /** Paragraph style id ('Normal' when absent). */
  style?: string;
  align?: Alignment;
  indentLeft?: number;
  indentRight?: number;
  /** Positive: first-line indent; negative: hanging indent. */
  indentFirstLine?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** With lineRule 'auto' a multiple (1, 1.15, 1.5, 2); with 'exact'/'atLeast' points. */
  lineSpacing?: number;
  lineRule?: 'auto' | 'exact' | 'atLeast';
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  contextualSpacing?: boolean;
  /** 0-8; headings set it through their styles. */
  outlineLevel?: number;
  shading?: string;
  borders?: ParagraphBorders;
  /** Membership in a list: `id` keys WordDocument.lists, level 0-8. */
  list?: { id: number; level: number };
}

/** The keys of ParagraphFormat that setParagraphFormat accepts, in canonical order. */
export const PARAGRAPH_FORMAT_KEYS = [
  'style',
  'align',
  'indentLeft',
  'indentRight',
  'indentFirstLine',
  'spaceBefore',
  'spaceAfter',
  'lineSpacing',
  'lineRule',
  'keepNext',
  'keepLines',
  'pageBreakBefore',
  'widowControl',
  'contextualSpacing',
  'outlineLevel',
  'shading',
  'borders',
  'list',
] as const satisfies readonly (keyof ParagraphFormat)[];

export interface Paragraph extends ParagraphFormat {
  type: 'paragraph';
  runs: Inline[];
  /** Formatting of the paragraph mark; an empty paragraph types with it. */
  mark?: CharFormat;
  /** Set on the last paragraph of every section but the last: that section's setup. */
  sectionBreak?: SectionSetup;
}

/** A manual page (or column) break, Ctrl+Enter. One caret position (before the break). */
export interface PageBreak {
  type: 'pageBreak';
  break: 'page' | 'column';
}

export interface TableCell {
  blocks: Block[];
  /** Width in points (tcW). */
  width?: number;
  /** Number of grid columns this cell spans (gridSpan); 1 when absent. */
  span?: number;
  /** Vertical merge: 'restart' starts a merged column, 'continue' is covered by the cell above. */
  vMerge?: 'restart' | 'continue';
  shading?: string;
  vAlign?: 'top' | 'center' | 'bottom';
}

export interface TableRow {
  cells: TableCell[];
  /** Minimum height in points. */
  height?: number;
  /** Repeat as header row. */
  header?: boolean;
}

export interface TableBorders {
  top?: Border;
  bottom?: Border;
  left?: Border;
  right?: Border;
  insideH?: Border;
  insideV?: Border;
}

export interface Table {
  type: 'table';
  rows: TableRow[];
  /** Grid column widths in points. */
  colWidths: number[];
  /** Table style id ('TableGrid' for Word's Insert Table). */
  style?: string;
  /** Direct table borders (override the style's). */
  borders?: TableBorders;
  align?: 'left' | 'center' | 'right';
}

export type Block = Paragraph | Table | PageBreak;

export interface HeaderFooter {
  blocks: Block[];
}

export interface PageBorders {
  top?: Border;
  left?: Border;
  bottom?: Border;
  right?: Border;
  offsetFrom: 'text' | 'page';
}

export interface SectionSetup {
  pageWidth: number;
  pageHeight: number;
  orientation: 'portrait' | 'landscape';
  margins: {
    top: number;
    bottom: number;
    left: number;
    right: number;
    header: number;
    footer: number;
    gutter: number;
  };
  columns: { count: number; space: number; separator: boolean };
  /** How this section starts (the break before it). */
  start: 'nextPage' | 'continuous' | 'evenPage' | 'oddPage' | 'nextColumn';
  /** Header/footer per type; a missing type is linked to the previous section's. */
  headers: { default?: HeaderFooter; first?: HeaderFooter; even?: HeaderFooter };
  footers: { default?: HeaderFooter; first?: HeaderFooter; even?: HeaderFooter };
  /** "Different First Page". */
  titlePage: boolean;
  pageNumbers: { start?: number; format?: NumberFormat };
  pageBorders?: PageBorders;
  vAlign?: 'top' | 'center' | 'bottom' | 'both';
}

export type NumberFormat =
  | 'decimal'
  | 'lowerLetter'
  | 'upperLetter'
  | 'lowerRoman'
  | 'upperRoman'
  | 'bullet'
  | 'decimalZero'
  | 'ordinal'
  | 'cardinalText'
  | 'ordinalText'
  | 'none';

export interface ListLevel {
  format: NumberFormat;
  /** Level text: '%1.' for numbers (%n = the counter of level n), the bullet character for bullets. */
  text: string;
  start: number;
  /** Left indent and hanging indent of the level, points. */
  indentLeft: number;
  hanging: number;
  /** Font of the number/bullet ('Symbol' for Word's default bullet). */
  font?: string;
  align?: 'left' | 'center' | 'right';
}

export interface ListDef {
  /** numId. */
  id: number;
  /** 9 levels. */
  levels: ListLevel[];
}

export interface StyleDef {
  id: string;
  /** The name Word shows ('Heading 1'). */
  name: string;
  type: 'paragraph' | 'character' | 'table' | 'numbering';
  basedOn?: string;
  next?: string;
  /** The paragraph (or character) style linked to this one. */
  link?: string;
  /** Shown in the Styles gallery. */
  quick?: boolean;
  builtin?: boolean;
  char?: CharFormat;
  para?: ParagraphFormat;
  /** Table styles: borders applied to tables using the style. */
  table?: { borders?: TableBorders };
}

export interface Comment {
  /** Unique within the document ('1', '2'...). */
  id: string;
  author: string;
  initials: string;
  /** ISO 8601 date, or '' when unknown. */
  date: string;
  /** The comment's text; paragraphs separated by '\n'. */
  text: string;
  resolved: boolean;
}

export type Watermark =
  | {
      kind: 'text';
      text: string;
      font: string;
      /** Points, or 'auto' (Word scales the text to the page width). */
      size: number | 'auto';
      color: string;
      semitransparent: boolean;
      layout: 'diagonal' | 'horizontal';
    }
  | {
      kind: 'picture';
      /** File name, e.g. 'image1.png'. */
      name: string;
      contentType: string;
      /** Image bytes, base64. */
      data: string;
      /** Width and height in points as placed on the page. */
      width: number;
      height: number;
      washout: boolean;
    };

export interface DocProperties {
  title?: string;
  subject?: string;
  creator?: string;
  keywords?: string;
  description?: string;
  lastModifiedBy?: string;
  created?: string;
  modified?: string;
}

/** Where the caret or a selection end is: a caret block (paragraph or page break) and an offset. */
export interface Position {
  /**
   * Path of the block in its story: [i] is the i-th block; inside a table [i, row, cell, j] is the j-th
   * block of that cell, and so on for nested tables.
   */
  path: number[];
  /** Offset in the paragraph: text characters count one each, fields/shapes/opaque content one. */
  offset: number;
}

export interface Selection {
  /**
   * The story the selection is in: absent for the main body; 'header:<type>:<section>' or
   * 'footer:<type>:<section>' (type default|first|even, section index from 0); 'shape:<id>' for the
   * text in a shape or text box.
   */
  story?: string;
  anchor: Position;
  focus: Position;
  /** Horizontal position (points from the text's left edge) kept across Up/Down moves. */
  goalX?: number;
  /** Id of a shape selected as an object (clicked on its border); the text selection stays put. */
  shape?: string;
}

export interface WordDocument {
  body: Block[];
  /** The last (or only) section's setup; earlier sections end at paragraphs with sectionBreak. */
  section: SectionSetup;
  /** Style definitions keyed by style id. */
  styles: Record<string, StyleDef>;
  /** Document defaults (docDefaults): base character and paragraph formatting. */
  defaults: { char: CharFormat; para: ParagraphFormat };
  /** List definitions keyed by numId. */
  lists: Record<string, ListDef>;
  comments: Comment[];
  watermark: Watermark | null;
  /** Page colour (Design > Page Color), or null. */
  pageColor: string | null;
  /** Settings: different odd and even headers. */
  evenAndOddHeaders: boolean;
  properties: DocProperties;
  selection: Selection;
  /**
   * Formatting for the next typed text at a collapsed caret (a toggle pressed with nothing selected,
   * or the format of text just deleted); cleared when the caret moves.
   */
  pending: CharFormat | null;
  /** Next free number for generated ids (shapes, comments, lists). */
  nextId: number;
}
