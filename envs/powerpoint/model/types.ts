/**
 * The PowerPoint presentation model: plain JSON-compatible data only (no classes, no undefined values, no
 * Maps), so the kernel can snapshot it with structuredClone, evaluators can diff two states and trajectories
 * can store it. Geometry is in EMUs (914400 per inch), as OOXML stores it; font sizes are in points.
 */

/** English Metric Units: 914400 per inch, 12700 per point, 360000 per centimetre. */
export type Emu = number;

/** The theme colour slots PowerPoint's colour picker offers ("Blue, Accent 1", "Black, Text 1"…). */
export const THEME_COLOR_NAMES = [
  'tx1',
  'bg1',
  'tx2',
  'bg2',
  'accent1',
  'accent2',
  'accent3',
  'accent4',
  'accent5',
  'accent6',
  'hlink',
  'folHlink',
] as const;
export type ThemeColorName = (typeof THEME_COLOR_NAMES)[number];

/**
 * A colour as PowerPoint stores it: either a fixed RGB value `#RRGGBB` (upper case) or a theme colour, which
 * follows the theme when the theme changes: `accent1`, or a palette tint/shade such as `accent1/lighter40`
 * ("Lighter 40%") or `tx1/darker25` ("Darker 25%").
 */
export type Color = string;

export interface GradientStop {
  /** 0–100 (%) along the gradient. */
  position: number;
  color: Color;
}

export type Fill =
  | { type: 'none' }
  | { type: 'solid'; color: Color; /** 0–100 (%) */ transparency?: number }
  | {
      type: 'gradient';
      gradientType: 'linear' | 'radial' | 'rectangular' | 'path';
      /** Degrees, clockwise from left-to-right, for linear gradients. */
      angle: number;
      stops: GradientStop[];
    }
  | { type: 'pattern'; pattern: string; foreground: Color; background: Color };

export type DashStyle =
  'solid' | 'dash' | 'dot' | 'dashDot' | 'longDash' | 'longDashDot' | 'sysDash' | 'sysDot';

export type Line =
  { type: 'none' } | { type: 'solid'; color: Color; /** points */ width: number; dash?: DashStyle };

// ---------------------------------------------------------------------------------------------------- text

/** Direct character formatting; an absent key inherits from the placeholder, master or theme. */
export interface RunFormat {
  font?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  color?: Color;
}

export interface TextRun extends RunFormat {
  /** The run's characters; `\v` (vertical tab) is a line break inside the paragraph (Shift+Enter). */
  text: string;
  /** A field PowerPoint computes (slide number, date); its `text` is the value last shown. */
  field?: string;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export type NumberingScheme =
  | 'arabicPeriod'
  | 'arabicParenR'
  | 'romanUcPeriod'
  | 'romanLcPeriod'
  | 'alphaUcPeriod'
  | 'alphaLcPeriod'
  | 'alphaLcParenR';

export type Bullet =
  | { type: 'none' }
  | { type: 'char'; char: string; font?: string }
  | { type: 'number'; scheme: NumberingScheme; startAt?: number };

export interface Paragraph {
  runs: TextRun[];
  /** Outline level 0–8 (PowerPoint's "list level" 1–9). */
  level: number;
  align?: Align;
  /** Absent: the placeholder's default (bullets in content placeholders, none in text boxes). */
  bullet?: Bullet;
  /** Line spacing as a multiple of single spacing (1, 1.5, 2…). */
  lineSpacing?: number;
  /** Points. */
  spaceBefore?: number;
  spaceAfter?: number;
  /** Formatting of the paragraph mark: what an empty paragraph types with. */
  endFormat?: RunFormat;
}

export interface TextBody {
  paragraphs: Paragraph[];
  anchor?: 'top' | 'middle' | 'bottom';
  autofit?: 'none' | 'shrink' | 'resize';
  wrap?: boolean;
  vertical?: boolean;
}

// ---------------------------------------------------------------------------------------------------- shapes

/** OOXML placeholder types (ST_PlaceholderType); `obj` is the generic content placeholder. */
export type PlaceholderType =
  | 'title'
  | 'ctrTitle'
  | 'subTitle'
  | 'body'
  | 'obj'
  | 'pic'
  | 'tbl'
  | 'chart'
  | 'dgm'
  | 'media'
  | 'clipArt'
  | 'dt'
  | 'ftr'
  | 'sldNum';

export interface PlaceholderRef {
  type: PlaceholderType;
  /** OOXML `idx`; 0 for the title. */
  idx: number;
}

interface ShapeBase {
  /** Unique within its slide (OOXML cNvPr id). */
  id: number;
  /** As PowerPoint's Selection Pane shows it: "Title 1", "TextBox 3", "Rectangle 4". */
  name: string;
  x: Emu;
  y: Emu;
  width: Emu;
  height: Emu;
  /** Degrees clockwise. */
  rotation?: number;
  altText?: string;
}

export interface PlaceholderShape extends ShapeBase {
  kind: 'placeholder';
  placeholder: PlaceholderRef;
  text: TextBody;
  fill?: Fill;
  line?: Line;
}

export interface TextBoxShape extends ShapeBase {
  kind: 'textbox';
  text: TextBody;
  fill?: Fill;
  line?: Line;
}

export interface AutoShape extends ShapeBase {
  kind: 'shape';
  /** OOXML preset geometry (`rect`, `ellipse`, `rightArrow`…); see SHAPE_CATALOG for PowerPoint's names. */
  geometry: string;
  text: TextBody;
  /** Absent: the theme's default shape style (Accent 1 fill, darker outline). */
  fill?: Fill;
  line?: Line;
}

export interface TableCell {
  text: TextBody;
  fill?: Fill;
  /** Columns this cell spans (merged cells); the covered cells carry `hMerge`. */
  gridSpan?: number;
  rowSpan?: number;
  hMerge?: boolean;
  vMerge?: boolean;
}

export interface Table {
  columnWidths: Emu[];
  rowHeights: Emu[];
  cells: TableCell[][];
  /** PowerPoint's table style name, e.g. "Medium Style 2 - Accent 1"; an unknown style keeps its {GUID}. */
  style: string;
  /** Table Style Options: Header Row, Banded Rows, First Column… */
  firstRow: boolean;
  bandRows: boolean;
  firstColumn?: boolean;
  lastRow?: boolean;
  lastColumn?: boolean;
  bandColumns?: boolean;
}

export interface TableShape extends ShapeBase {
  kind: 'table';
  table: Table;
  /** Set when the table was inserted through a content placeholder, which it replaced. */
  placeholder?: PlaceholderRef;
}

/** A picture, modelled without pixels: what it shows is its name and alt text. */
export interface PictureShape extends ShapeBase {
  kind: 'picture';
  image: { name: string; description: string };
  placeholder?: PlaceholderRef;
  /** Picture Border. */
  line?: Line;
}

export type Shape = PlaceholderShape | TextBoxShape | AutoShape | TableShape | PictureShape;
export type TextShape = PlaceholderShape | TextBoxShape | AutoShape;

// ---------------------------------------------------------------------------------------------------- slides

export const TRANSITION_TYPES = [
  'None',
  'Morph',
  'Fade',
  'Push',
  'Wipe',
  'Split',
  'Reveal',
  'Cut',
  'Random Bars',
  'Shape',
  'Uncover',
  'Cover',
  'Flash',
  'Dissolve',
  'Checkerboard',
  'Blinds',
  'Clock',
  'Ripple',
  'Honeycomb',
  'Glitter',
  'Vortex',
  'Shred',
  'Switch',
  'Flip',
  'Gallery',
  'Cube',
  'Doors',
  'Box',
  'Comb',
  'Zoom',
  'Random',
  'Pan',
  'Ferris Wheel',
  'Conveyor',
  'Window',
  'Fly Through',
  'Fall Over',
  'Drape',
  'Curtains',
  'Wind',
  'Prestige',
  'Fracture',
  'Crush',
  'Peel Off',
  'Page Curl',
  'Airplane',
  'Origami',
] as const;
export type TransitionType = (typeof TRANSITION_TYPES)[number];

export interface Transition {
  type: TransitionType;
  /** PowerPoint's Effect Options entry ("From Right", "Through Black"…); absent for effects without options. */
  effect?: string;
  /** Seconds. */
  duration: number;
  /** Advance Slide: On Mouse Click. */
  advanceOnClick: boolean;
  /** Advance Slide: After (seconds); null when unticked. */
  advanceAfter: number | null;
}

export const ENTRANCE_EFFECTS = [
  'Appear',
  'Fade',
  'Fly In',
  'Float In',
  'Split',
  'Wipe',
  'Shape',
  'Wheel',
  'Random Bars',
  'Grow & Turn',
  'Zoom',
  'Swivel',
  'Bounce',
] as const;
export type EntranceEffect = (typeof ENTRANCE_EFFECTS)[number];

export type AnimationTrigger = 'On Click' | 'With Previous' | 'After Previous';

/** An entrance effect on one shape (Animations tab); a slide's list is its animation order. */
export interface Animation {
  shapeId: number;
  effect: EntranceEffect;
  trigger: AnimationTrigger;
  /** Seconds. */
  duration: number;
  /** Seconds. */
  delay: number;
}

export interface Slide {
  /** Stable identity (OOXML sldId, ≥ 256); survives moves. */
  id: number;
  /** Name of the slide layout (one of `presentation.master.layouts`). */
  layout: string;
  /** Z-order: first is at the back. */
  shapes: Shape[];
  /** null: follows the master (the theme's background). */
  background: Fill | null;
  /** Speaker notes; paragraphs separated by `\n`. */
  notes: string;
  transition: Transition | null;
  animations: Animation[];
  hidden: boolean;
}

// ---------------------------------------------------------------------------------------------------- design

export interface ColorScheme {
  name: string;
  dk1: string;
  lt1: string;
  dk2: string;
  lt2: string;
  accent1: string;
  accent2: string;
  accent3: string;
  accent4: string;
  accent5: string;
  accent6: string;
  hlink: string;
  folHlink: string;
}

export interface FontScheme {
  name: string;
  /** Headings font (OOXML +mj-lt). */
  major: string;
  /** Body font (OOXML +mn-lt). */
  minor: string;
}

export interface Theme {
  /** As PowerPoint's Design gallery names it: "Office Theme", "Facet", "Ion"… */
  name: string;
  /** Design > Variants, 1–4. */
  variant: number;
  colors: ColorScheme;
  fonts: FontScheme;
  /** `dark`: Text 1 shows the scheme's lt1 and Background 1 its dk1 (OOXML clrMap), as dark themes do. */
  colorMap: 'light' | 'dark';
}

export interface LevelStyle {
  size: number;
  bullet: Bullet;
}

export interface MasterTextStyles {
  title: { size: number; font: 'major' | 'minor'; color: Color; align: Align; bold: boolean };
  /** Nine outline levels of body text. */
  body: LevelStyle[];
  bodyFont: 'major' | 'minor';
  bodyColor: Color;
  /** Text boxes and shapes. */
  other: { size: number };
}

/** Overrides a layout placeholder applies to its text (Title Slide's centred 60 pt title…). */
export interface PlaceholderTextStyle {
  size?: number;
  bold?: boolean;
  align?: Align;
  noBullets?: boolean;
  anchor?: 'top' | 'middle' | 'bottom';
}

export interface LayoutPlaceholder {
  type: PlaceholderType;
  idx: number;
  name: string;
  x: Emu;
  y: Emu;
  width: Emu;
  height: Emu;
  /** What PowerPoint shows in the empty placeholder: "Click to add title". */
  prompt: string;
  vertical?: boolean;
  textStyle?: PlaceholderTextStyle;
}

export interface SlideLayout {
  /** PowerPoint's layout name: "Title Slide", "Title and Content"… */
  name: string;
  /** OOXML ST_SlideLayoutType: title, obj, secHead, twoObj… */
  type: string;
  placeholders: LayoutPlaceholder[];
}

export interface SlideMaster {
  layouts: SlideLayout[];
  textStyles: MasterTextStyles;
  /** What slides with `background: null` show. */
  background: Fill;
}

export interface Section {
  name: string;
  /** The slides of this section, in order. Sections partition the slide list in order. */
  slideIds: number[];
}

export interface TextPosition {
  paragraph: number;
  /** Character offset within the paragraph (`\v` line breaks count as one character). */
  offset: number;
}

/** The caret (anchor = focus) or a text selection inside one shape or table cell, in edit mode. */
export interface TextSelection {
  shapeId: number;
  cell?: { row: number; col: number };
  anchor: TextPosition;
  focus: TextPosition;
  /** Formatting toggled with a collapsed caret, applied to what is typed next. */
  pendingFormat?: RunFormat;
}

export interface Selection {
  /** The current slide (the one on the canvas); null only when there are no slides. */
  slideId: number | null;
  /** Slides selected in the thumbnail pane (always includes the current slide). */
  slideIds: number[];
  /** Shapes selected on the current slide. */
  shapeIds: number[];
  text: TextSelection | null;
}

export interface SaveRecord {
  dir: string;
  name: string;
  /** With the dot: ".pptx". */
  ext: string;
  /** 1-based numbers of the slides written, when only some were (save_as with current_slide_only). */
  slides?: number[];
}

export interface DocumentInfo {
  /** File name without extension ("Presentation1"). */
  name: string;
  dir: string;
  /** Every successful Save As, in order. */
  saves: SaveRecord[];
}

export interface SlideSize {
  width: Emu;
  height: Emu;
}

export interface Presentation {
  slideSize: SlideSize;
  theme: Theme;
  master: SlideMaster;
  slides: Slide[];
  sections: Section[];
  selection: Selection;
  document: DocumentInfo;
}
