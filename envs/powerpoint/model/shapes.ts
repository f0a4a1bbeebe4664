/** Insert > Shapes catalogue and the shapes PowerPoint creates (names, default sizes and styles). */
import { fail } from './errors.ts';
import { placeholderBaseName } from './layouts.ts';
import { emptyBody } from './text.ts';
import type {
  AutoShape,
  Fill,
  LayoutPlaceholder,
  Line,
  PictureShape,
  PlaceholderShape,
  Shape,
  Table,
  TableCell,
  TableShape,
  TextBoxShape,
  TextShape,
} from './types.ts';

/** PowerPoint's shape names (as its Shapes gallery tooltips and Selection Pane show them) → OOXML preset. */
export const SHAPE_CATALOG: Readonly<Record<string, string>> = {
  Rectangle: 'rect',
  'Rectangle: Rounded Corners': 'roundRect',
  Oval: 'ellipse',
  'Isosceles Triangle': 'triangle',
  'Right Triangle': 'rtTriangle',
  Parallelogram: 'parallelogram',
  Trapezoid: 'trapezoid',
  Diamond: 'diamond',
  'Regular Pentagon': 'pentagon',
  Hexagon: 'hexagon',
  Octagon: 'octagon',
  Cross: 'plus',
  'Circle: Hollow': 'donut',
  Cube: 'cube',
  'Smiley Face': 'smileyFace',
  Heart: 'heart',
  'Lightning Bolt': 'lightningBolt',
  Moon: 'moon',
  Cloud: 'cloud',
  'Arrow: Right': 'rightArrow',
  'Arrow: Left': 'leftArrow',
  'Arrow: Up': 'upArrow',
  'Arrow: Down': 'downArrow',
  'Arrow: Left-Right': 'leftRightArrow',
  'Arrow: Up-Down': 'upDownArrow',
  'Arrow: Pentagon': 'homePlate',
  'Arrow: Chevron': 'chevron',
  'Star: 4 Points': 'star4',
  'Star: 5 Points': 'star5',
  'Star: 6 Points': 'star6',
  'Flowchart: Process': 'flowChartProcess',
  'Flowchart: Decision': 'flowChartDecision',
  'Speech Bubble: Rectangle': 'wedgeRectCallout',
  Line: 'line',
};

/** Older PowerPoint names and plain words an agent may use. */
const SHAPE_ALIASES: Readonly<Record<string, string>> = {
  'rounded rectangle': 'roundRect',
  circle: 'ellipse',
  ellipse: 'ellipse',
  triangle: 'triangle',
  pentagon: 'pentagon',
  'right arrow': 'rightArrow',
  'left arrow': 'leftArrow',
  'up arrow': 'upArrow',
  'down arrow': 'downArrow',
  'left-right arrow': 'leftRightArrow',
  arrow: 'rightArrow',
  star: 'star5',
  '5-point star': 'star5',
  'star: 5-point': 'star5',
  chevron: 'chevron',
  square: 'rect',
};

export function shapeDisplayName(geometry: string): string {
  return Object.entries(SHAPE_CATALOG).find(([, prst]) => prst === geometry)?.[0] ?? 'Freeform';
}

/** A shape type by PowerPoint name ("Oval", "Arrow: Right"), alias ("circle") or OOXML preset ("ellipse"). */
export function resolveShapeType(name: string): string {
  const key = name.trim().toLowerCase();
  const byName = Object.entries(SHAPE_CATALOG).find(([n]) => n.toLowerCase() === key);
  if (byName) return byName[1];
  const alias = SHAPE_ALIASES[key];
  if (alias) return alias;
  const byPreset = Object.values(SHAPE_CATALOG).find((p) => p.toLowerCase() === key);
  if (byPreset) return byPreset;
  return fail(
    'UNKNOWN_SHAPE_TYPE',
    `unknown shape ${JSON.stringify(name)}; Insert > Shapes offers: ${Object.keys(SHAPE_CATALOG).join(', ')}`,
  );
}

/** The look PowerPoint gives a new shape: Accent 1 fill, darker Accent 1 outline of 1 pt. */
export function defaultShapeFill(): Fill {
  return { type: 'solid', color: 'accent1' };
}

export function defaultShapeLine(geometry: string): Line {
  return geometry === 'line'
    ? { type: 'solid', color: 'accent1', width: 0.5 }
    : { type: 'solid', color: 'accent1/darker50', width: 1 };
}

export function newPlaceholder(lp: LayoutPlaceholder, id: number): PlaceholderShape {
  return {
    kind: 'placeholder',
    id,
    name: `${placeholderBaseName(lp.type, lp.vertical)} ${id - 1}`,
    x: lp.x,
    y: lp.y,
    width: lp.width,
    height: lp.height,
    placeholder: { type: lp.type, idx: lp.idx },
    text: emptyBody(),
  };
}

export function newTextBox(id: number, x: number, y: number, width: number, height: number): TextBoxShape {
  return {
    kind: 'textbox',
    id,
    name: `TextBox ${id - 1}`,
    x,
    y,
    width,
    height,
    text: { ...emptyBody(), wrap: true, autofit: 'resize' },
  };
}

export function newAutoShape(
  id: number,
  geometry: string,
  x: number,
  y: number,
  width: number,
  height: number,
): AutoShape {
  const shape: AutoShape = {
    kind: 'shape',
    id,
    name: `${shapeDisplayName(geometry)} ${id - 1}`,
    x,
    y,
    width,
    height,
    geometry,
    text: { paragraphs: [{ runs: [], level: 0, align: 'center' }], anchor: 'middle' },
    line: defaultShapeLine(geometry),
  };
  if (geometry !== 'line') shape.fill = defaultShapeFill();
  return shape;
}

/** Built-in table styles by the names PowerPoint's Table Styles gallery shows, with their OOXML ids. */
export const TABLE_STYLES: Readonly<Record<string, string>> = {
  'Medium Style 2 - Accent 1': '{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}',
  'Medium Style 2': '{073A0DAA-6AF3-43AB-8588-CEC1D06C72B9}',
  'Medium Style 2 - Accent 2': '{21E4AEA4-8DFA-4A89-87EB-49C32662AFE8}',
  'Light Style 1 - Accent 1': '{3B4B98B0-60AC-42C2-AFA5-B58CD77FA1E5}',
  'Light Style 2 - Accent 1': '{69012ECD-51FC-41F1-AA8D-1B2483CD663E}',
  'Themed Style 1 - Accent 1': '{3C2FFA5D-87B4-456A-9821-1D502468CF0F}',
  'No Style, No Grid': '{2D5ABB26-0587-4C30-8999-92F81FD0307C}',
  'No Style, Table Grid': '{5940675A-B579-460E-94D1-54222C63F5DA}',
  'Dark Style 1': '{E8034E78-7F5D-4C2E-B375-FC64B27BC917}',
};

export function tableStyleId(name: string): string {
  return (
    TABLE_STYLES[name] ??
    (/^\{[0-9A-F-]{36}\}$/i.test(name) ? name : TABLE_STYLES['Medium Style 2 - Accent 1']!)
  );
}

export function tableStyleName(id: string): string {
  return Object.entries(TABLE_STYLES).find(([, guid]) => guid.toUpperCase() === id.toUpperCase())?.[0] ?? id;
}

export function emptyCell(): TableCell {
  return { text: emptyBody() };
}

/** Row height PowerPoint gives new table rows (0.4"). */
export const DEFAULT_ROW_HEIGHT = 370840;

export function newTable(
  id: number,
  rows: number,
  cols: number,
  x: number,
  y: number,
  width: number,
): TableShape {
  const colWidth = Math.round(width / cols);
  const table: Table = {
    columnWidths: Array.from({ length: cols }, () => colWidth),
    rowHeights: Array.from({ length: rows }, () => DEFAULT_ROW_HEIGHT),
    cells: Array.from({ length: rows }, () => Array.from({ length: cols }, emptyCell)),
    style: 'Medium Style 2 - Accent 1',
    firstRow: true,
    bandRows: true,
  };
  return {
    kind: 'table',
    id,
    name: `Table ${id - 1}`,
    x,
    y,
    width: colWidth * cols,
    height: DEFAULT_ROW_HEIGHT * rows,
    table,
  };
}

export function newPicture(
  id: number,
  name: string,
  description: string,
  x: number,
  y: number,
  width: number,
  height: number,
): PictureShape {
  return {
    kind: 'picture',
    id,
    name: `Picture ${id - 1}`,
    x,
    y,
    width,
    height,
    image: { name, description },
  };
}

export function isTextShape(shape: Shape): shape is TextShape {
  return shape.kind === 'placeholder' || shape.kind === 'textbox' || shape.kind === 'shape';
}

/** PowerPoint's shape kind names, as the canvas state reports them. */
export function shapeKindLabel(shape: Shape): string {
  switch (shape.kind) {
    case 'placeholder':
      return `placeholder:${shape.placeholder.type}`;
    case 'textbox':
      return 'text box';
    case 'shape':
      return shapeDisplayName(shape.geometry);
    case 'table':
      return 'table';
    case 'picture':
      return 'picture';
  }
}
