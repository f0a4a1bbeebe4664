import { takeId } from './document.ts';
import { currentBlocks, setSelection } from './editing.ts';
import { checkColor, checkNumber, invalidArgument, invalidState } from './errors.ts';
import { blockAt, findShape, firstPosition, sections } from './positions.ts';
import { insertInlines, normalizeRuns } from './runs.ts';
import type { Block, Paragraph, Shape, ShapeGeometry, WordDocument } from './types.ts';
import { SHAPE_GEOMETRIES } from './types.ts';

/** The name stem Word gives a new shape in the Selection Pane. */
const NAME_STEMS: Partial<Record<ShapeGeometry, string>> = {
  rect: 'Rectangle',
  roundRect: 'Rectangle: Rounded Corners',
  ellipse: 'Oval',
  triangle: 'Isosceles Triangle',
  rtTriangle: 'Right Triangle',
  line: 'Straight Connector',
  straightConnector1: 'Straight Arrow Connector',
  rightArrow: 'Arrow: Right',
  leftArrow: 'Arrow: Left',
  upArrow: 'Arrow: Up',
  downArrow: 'Arrow: Down',
  star5: 'Star: 5 Points',
  smileyFace: 'Smiley Face',
  heart: 'Heart',
};

export interface ShapeOptions {
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  fill?: string | null;
  line?: string | null;
  lineWidth?: number;
  rotation?: number;
  wrap?: Shape['wrap'];
  text?: string;
  name?: string;
}

const WRAPS: Shape['wrap'][] = ['inline', 'square', 'tight', 'topAndBottom', 'behindText', 'inFrontOfText'];

function applyOptions(shape: Shape, o: ShapeOptions): void {
  if (o.width !== undefined) shape.width = checkNumber('shape width', o.width, 0, 1584);
  if (o.height !== undefined) shape.height = checkNumber('shape height', o.height, 0, 1584);
  if (o.x !== undefined) shape.x = checkNumber('shape x', o.x, -1584, 1584);
  if (o.y !== undefined) shape.y = checkNumber('shape y', o.y, -1584, 1584);
  if (o.fill !== undefined) shape.fill = o.fill === null ? null : checkColor('shape fill', o.fill);
  if (o.line !== undefined) shape.line = o.line === null ? null : checkColor('shape outline', o.line);
  if (o.lineWidth !== undefined) shape.lineWidth = checkNumber('outline width', o.lineWidth, 0, 1584);
  if (o.rotation !== undefined)
    shape.rotation = ((checkNumber('rotation', o.rotation, -3600, 3600) % 360) + 360) % 360;
  if (o.wrap !== undefined) {
    if (!WRAPS.includes(o.wrap))
      throw invalidArgument(`wrap must be one of ${WRAPS.join(', ')}, got ${JSON.stringify(o.wrap)}`);
    shape.wrap = o.wrap;
  }
  if (o.name !== undefined) {
    if (typeof o.name !== 'string' || o.name.trim() === '')
      throw invalidArgument('shape name must be a non-empty string');
    shape.name = o.name;
  }
  if (o.text !== undefined) {
    if (typeof o.text !== 'string') throw invalidArgument('shape text must be a string');
    shape.blocks = o.text
      .split(/\r\n?|\n/)
      .map((line): Paragraph => ({ type: 'paragraph', runs: line ? [{ text: line }] : [] }));
  }
}

/**
 * Insert > Shapes: a floating shape anchored to the caret's paragraph (1" square by default, Office
 * theme blue fill). Returns the shape; it becomes the selected object.
 */
export function insertShape(doc: WordDocument, geometry: ShapeGeometry, options: ShapeOptions = {}): Shape {
  if (!(SHAPE_GEOMETRIES as readonly string[]).includes(geometry)) {
    throw invalidArgument(
      `unknown shape ${JSON.stringify(geometry)}; expected one of ${SHAPE_GEOMETRIES.join(', ')}`,
    );
  }
  const n = takeId(doc);
  const isLine = geometry === 'line' || geometry === 'straightConnector1';
  const shape: Shape = {
    id: `shape${n}`,
    name: `${NAME_STEMS[geometry] ?? geometry} ${n}`,
    geometry,
    textBox: false,
    width: 72,
    height: isLine ? 0 : 72,
    x: 0,
    y: 0,
    relativeFrom: { horizontal: 'column', vertical: 'paragraph' },
    wrap: 'inFrontOfText',
    fill: isLine ? null : '4472C4',
    line: isLine ? '4472C4' : '2F528F',
    lineWidth: isLine ? 0.5 : 1,
    rotation: 0,
    blocks: [],
  };
  applyOptions(shape, options);
  anchorAtCaret(doc, shape);
  return shape;
}

/** Insert > Text Box > Draw Text Box: a white box with a black outline holding `text`. */
export function insertTextBox(doc: WordDocument, text = '', options: ShapeOptions = {}): Shape {
  const n = takeId(doc);
  const shape: Shape = {
    id: `shape${n}`,
    name: `Text Box ${n}`,
    geometry: 'rect',
    textBox: true,
    width: 144,
    height: 72,
    x: 0,
    y: 0,
    relativeFrom: { horizontal: 'column', vertical: 'paragraph' },
    wrap: 'square',
    fill: 'FFFFFF',
    line: '000000',
    lineWidth: 0.75,
    rotation: 0,
    blocks: [{ type: 'paragraph', runs: [] }],
  };
  applyOptions(shape, { ...options, text });
  anchorAtCaret(doc, shape);
  return shape;
}

function anchorAtCaret(doc: WordDocument, shape: Shape): void {
  const blocks = currentBlocks(doc);
  const { path, offset } = doc.selection.focus;
  const b = blockAt(blocks, path);
  if (b.type !== 'paragraph') throw invalidState('put the caret in a paragraph to insert a shape');
  insertInlines(b, offset, [{ kind: 'shape', shape }]);
  setSelection(doc, { path, offset: offset + 1 });
  doc.selection.shape = shape.id;
}

/** Clicking a shape's border selects it as an object. */
export function selectShape(doc: WordDocument, id: string): void {
  if (!findShape(doc, id)) throw invalidArgument(`no shape with id ${JSON.stringify(id)}`);
  if (doc.selection.story !== undefined) {
    const start = firstPosition(doc.body);
    doc.selection = { anchor: start, focus: { path: start.path.slice(), offset: 0 } };
  }
  doc.selection.shape = id;
}

/** Shape Format: size, position, fill, outline, rotation, wrapping, name, text. */
export function updateShape(doc: WordDocument, id: string, options: ShapeOptions): void {
  const shape = findShape(doc, id);
  if (!shape) throw invalidArgument(`no shape with id ${JSON.stringify(id)}`);
  applyOptions(shape, options);
}

/** Deletes a shape (Delete with the shape selected). */
export function deleteShape(doc: WordDocument, id: string): void {
  let removed = false;
  const visit = (blocks: Block[]): void => {
    for (const b of blocks) {
      if (removed) return;
      if (b.type === 'paragraph') {
        const i = b.runs.findIndex((r) => r.kind === 'shape' && r.shape.id === id);
        if (i >= 0) {
          b.runs.splice(i, 1);
          normalizeRuns(b);
          removed = true;
          return;
        }
        for (const r of b.runs) if (r.kind === 'shape') visit(r.shape.blocks);
      } else if (b.type === 'table')
        for (const row of b.rows) for (const cell of row.cells) visit(cell.blocks);
    }
  };
  visit(doc.body);
  for (const s of sections(doc))
    for (const hf of [...Object.values(s.headers), ...Object.values(s.footers)]) if (hf) visit(hf.blocks);
  if (!removed) throw invalidArgument(`no shape with id ${JSON.stringify(id)}`);
  if (doc.selection.story === `shape:${id}`) {
    const start = firstPosition(doc.body);
    doc.selection = { anchor: start, focus: { path: start.path.slice(), offset: 0 } };
  } else {
    // Offsets after the shape in its paragraph moved back by one; clamp the selection.
    for (const end of [doc.selection.anchor, doc.selection.focus]) {
      try {
        const b = blockAt(currentBlocks(doc), end.path);
        if (b.type === 'paragraph') {
          let len = 0;
          for (const r of b.runs) len += r.kind === undefined ? r.text.length : 1;
          end.offset = Math.min(end.offset, len);
        }
      } catch {
        end.path = [0];
        end.offset = 0;
      }
    }
  }
  delete doc.selection.shape;
}

/** Every shape in the document with where it is anchored. */
export function listShapes(doc: WordDocument): { shape: Shape; story: string }[] {
  const out: { shape: Shape; story: string }[] = [];
  const visit = (blocks: Block[], story: string): void => {
    for (const b of blocks) {
      if (b.type === 'paragraph') {
        for (const r of b.runs) {
          if (r.kind === 'shape') {
            out.push({ shape: r.shape, story });
            visit(r.shape.blocks, `shape:${r.shape.id}`);
          }
        }
      } else if (b.type === 'table')
        for (const row of b.rows) for (const cell of row.cells) visit(cell.blocks, story);
    }
  };
  visit(doc.body, 'body');
  sections(doc).forEach((s, i) => {
    for (const [type, hf] of Object.entries(s.headers)) if (hf) visit(hf.blocks, `header:${type}:${i}`);
    for (const [type, hf] of Object.entries(s.footers)) if (hf) visit(hf.blocks, `footer:${type}:${i}`);
  });
  return out;
}
