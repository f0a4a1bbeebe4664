/** Insert tab (text box, shapes, table, picture), shape formatting, arrangement and tables. */
import { copyData } from '../draft.ts';
import { parseColor } from '../colors.ts';
import { fail } from '../errors.ts';
import { layoutPlaceholderFor } from '../format.ts';
import {
  getCell,
  getShape,
  getSlide,
  nextShapeId,
  produce,
  slideIndexArg,
  findPlaceholder,
} from '../presentation.ts';
import type { PlaceholderKey } from '../presentation.ts';
import {
  emptyCell,
  isTextShape,
  newAutoShape,
  newPicture,
  newPlaceholder,
  newTable,
  newTextBox,
  resolveShapeType,
  tableStyleId,
  TABLE_STYLES,
} from '../shapes.ts';
import { endPosition, isEmptyText, paragraphsFromText, setBodyText } from '../text.ts';
import { inches } from '../units.ts';
import type { Fill, Line, PlaceholderShape, Presentation, Shape, Slide, Table } from '../types.ts';

export interface Box {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

function checkBox(box: Box, where: string): void {
  for (const k of ['x', 'y', 'width', 'height'] as const) {
    const v = box[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v))
      fail('INVALID_ARGUMENT', `${where}: ${k} must be a number of EMUs; got ${JSON.stringify(v)}`);
    if ((k === 'width' || k === 'height') && v <= 0)
      fail('INVALID_ARGUMENT', `${where}: ${k} must be positive; got ${v}`);
  }
}

/** A box of the given default size, centred on the slide where no position is given. */
function placeBox(pres: Presentation, box: Box, width: number, height: number): Required<Box> {
  const w = Math.round(box.width ?? width);
  const h = Math.round(box.height ?? height);
  return {
    x: Math.round(box.x ?? (pres.slideSize.width - w) / 2),
    y: Math.round(box.y ?? (pres.slideSize.height - h) / 2),
    width: w,
    height: h,
  };
}

function selectNew(draft: Presentation, slide: Slide, shapeId: number, editText: boolean): void {
  draft.selection = { slideId: slide.id, slideIds: [slide.id], shapeIds: [shapeId], text: null };
  if (editText) {
    const shape = slide.shapes.find((s) => s.id === shapeId)!;
    if (isTextShape(shape)) {
      const end = endPosition(shape.text);
      draft.selection.text = { shapeId, anchor: end, focus: { ...end } };
    }
  }
}

/** Selects shapes on a slide (which becomes current); `add` is Shift+click. */
export function selectShapes(
  pres: Presentation,
  shapeIds: number[],
  options: { slideIndex?: number; add?: boolean } = {},
): Presentation {
  const slide = getSlide(pres, options.slideIndex, 'selectShapes');
  for (const id of shapeIds) getShape(slide, id, 'selectShapes');
  return produce(pres, (draft) => {
    const keep = options.add && draft.selection.slideId === slide.id ? draft.selection.shapeIds : [];
    draft.selection = {
      slideId: slide.id,
      slideIds: [slide.id],
      shapeIds: [...new Set([...keep, ...shapeIds])],
      text: null,
    };
  });
}

/** Insert > Text Box. Without text the new box is in edit mode, ready for typing, as after drawing one. */
export function insertTextBox(
  pres: Presentation,
  options: Box & { slideIndex?: number; text?: string } = {},
): Presentation {
  checkBox(options, 'insertTextBox');
  const i = slideIndexArg(pres, options.slideIndex, 'insertTextBox');
  return produce(pres, (draft) => {
    const slide = draft.slides[i]!;
    const b = placeBox(draft, options, inches(3), inches(0.4));
    const box = newTextBox(nextShapeId(slide), b.x, b.y, b.width, b.height);
    if (options.text) box.text.paragraphs = paragraphsFromText(options.text);
    slide.shapes.push(box);
    selectNew(draft, slide, box.id, options.text === undefined);
  });
}

/** Insert > Shapes: by PowerPoint name ("Oval", "Arrow: Right"), alias or preset; 1" × 1" by default. */
export function insertShape(
  pres: Presentation,
  options: Box & { type: string; slideIndex?: number; text?: string },
): Presentation {
  checkBox(options, 'insertShape');
  const geometry = resolveShapeType(options.type);
  const i = slideIndexArg(pres, options.slideIndex, 'insertShape');
  return produce(pres, (draft) => {
    const slide = draft.slides[i]!;
    const b = placeBox(draft, options, inches(1), geometry === 'line' ? 0 : inches(1));
    const shape = newAutoShape(nextShapeId(slide), geometry, b.x, b.y, b.width, b.height);
    if (options.text) {
      shape.text.paragraphs = paragraphsFromText(options.text).map((p) => ({ ...p, align: 'center' }));
    }
    slide.shapes.push(shape);
    selectNew(draft, slide, shape.id, false);
  });
}

/** The first empty placeholder of the given types, for content inserted "into" a placeholder. */
function emptyPlaceholder(slide: Slide, types: string[]): PlaceholderShape | undefined {
  return slide.shapes
    .filter(
      (s): s is PlaceholderShape =>
        s.kind === 'placeholder' && types.includes(s.placeholder.type) && isEmptyText(s.text),
    )
    .sort((a, b) => a.placeholder.idx - b.placeholder.idx)[0];
}

/**
 * Insert > Table. Goes into the slide's first empty content placeholder when there is one (as PowerPoint does),
 * otherwise centred on the slide. At most 75 × 75, like the Insert Table dialog.
 */
export function insertTable(
  pres: Presentation,
  options: { rows: number; cols: number; slideIndex?: number; x?: number; y?: number; width?: number },
): Presentation {
  const { rows, cols } = options;
  for (const [k, v] of [
    ['rows', rows],
    ['cols', cols],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > 75)
      fail(
        'INVALID_ARGUMENT',
        `insertTable: ${k} must be a whole number from 1 to 75; got ${JSON.stringify(v)}`,
      );
  }
  checkBox(options, 'insertTable');
  const i = slideIndexArg(pres, options.slideIndex, 'insertTable');
  return produce(pres, (draft) => {
    const slide = draft.slides[i]!;
    const ph =
      options.x === undefined && options.y === undefined
        ? emptyPlaceholder(slide, ['obj', 'tbl'])
        : undefined;
    const id = nextShapeId(slide);
    if (ph) {
      const table = newTable(id, rows, cols, ph.x, ph.y, options.width ?? ph.width);
      table.placeholder = { ...ph.placeholder };
      slide.shapes[slide.shapes.indexOf(ph)] = table;
      selectNew(draft, slide, table.id, false);
      return;
    }
    const width = options.width ?? Math.round(draft.slideSize.width * 0.8625);
    const table = newTable(id, rows, cols, 0, 0, width);
    table.x = Math.round(options.x ?? (draft.slideSize.width - table.width) / 2);
    table.y = Math.round(options.y ?? (draft.slideSize.height - table.height) / 2);
    slide.shapes.push(table);
    selectNew(draft, slide, table.id, false);
  });
}

/**
 * Insert > Pictures, modelled without pixels: the picture is its file name and alt text. Fills the first empty
 * picture or content placeholder when there is one, else lands centred at 4" × 3".
 */
export function insertPicture(
  pres: Presentation,
  options: Box & { name: string; description?: string; slideIndex?: number },
): Presentation {
  if (typeof options.name !== 'string' || options.name.trim() === '') {
    fail(
      'INVALID_ARGUMENT',
      `insertPicture: name the picture (its file name, e.g. "chart.png"); got ${JSON.stringify(options.name)}`,
    );
  }
  checkBox(options, 'insertPicture');
  const i = slideIndexArg(pres, options.slideIndex, 'insertPicture');
  return produce(pres, (draft) => {
    const slide = draft.slides[i]!;
    const ph =
      options.x === undefined && options.y === undefined
        ? emptyPlaceholder(slide, ['pic', 'obj'])
        : undefined;
    const b = ph
      ? { x: ph.x, y: ph.y, width: ph.width, height: ph.height }
      : placeBox(draft, options, inches(4), inches(3));
    const pic = newPicture(
      nextShapeId(slide),
      options.name.trim(),
      options.description ?? '',
      b.x,
      b.y,
      b.width,
      b.height,
    );
    if (ph) {
      pic.placeholder = { ...ph.placeholder };
      slide.shapes[slide.shapes.indexOf(ph)] = pic;
    } else slide.shapes.push(pic);
    selectNew(draft, slide, pic.id, false);
  });
}

function targetShapes(
  pres: Presentation,
  options: { slideIndex?: number; shapeIds?: number[] },
  where: string,
): { index: number; ids: number[] } {
  const index = slideIndexArg(pres, options.slideIndex, where);
  const slide = pres.slides[index]!;
  const ids = options.shapeIds ?? (slide.id === pres.selection.slideId ? pres.selection.shapeIds : []);
  if (ids.length === 0)
    fail('NO_SELECTION', `${where}: no shape is selected; select a shape first or give shapeIds`);
  for (const id of ids) getShape(slide, id, where);
  return { index, ids };
}

/**
 * Delete on selected shapes. As in PowerPoint, a placeholder holding text is emptied first (it shows its
 * prompt again) and only an empty one is removed; a table or picture that filled a placeholder gives the
 * empty placeholder back.
 */
export function deleteShapes(
  pres: Presentation,
  options: { slideIndex?: number; shapeIds?: number[] } = {},
): Presentation {
  const { index, ids } = targetShapes(pres, options, 'deleteShapes');
  return produce(pres, (draft) => {
    const slide = draft.slides[index]!;
    const out: Shape[] = [];
    for (const shape of slide.shapes) {
      if (!ids.includes(shape.id)) {
        out.push(shape);
      } else if (shape.kind === 'placeholder' && !isEmptyText(shape.text)) {
        shape.text.paragraphs = [{ runs: [], level: 0 }];
        out.push(shape);
      } else if ((shape.kind === 'table' || shape.kind === 'picture') && shape.placeholder) {
        const lp = layoutPlaceholderFor(draft, slide, shape);
        if (lp) out.push(newPlaceholder(lp, shape.id));
      }
    }
    slide.shapes = out;
    draft.selection.shapeIds = draft.selection.shapeIds.filter((id) =>
      out.some((s) => s.id === id && !ids.includes(id)),
    );
    draft.selection.text = null;
  });
}

export function checkFill(fill: Fill, where: string): Fill {
  if (!fill || typeof fill !== 'object')
    fail(
      'INVALID_ARGUMENT',
      `${where}: a fill must be an object such as {type: "solid", color: "FF0000"}; got ${JSON.stringify(fill)}`,
    );
  switch (fill.type) {
    case 'none':
      return { type: 'none' };
    case 'solid': {
      const out: Fill = { type: 'solid', color: parseColor(fill.color, `${where}: color`) };
      if (fill.transparency !== undefined) {
        if (!(fill.transparency >= 0 && fill.transparency <= 100))
          fail(
            'INVALID_ARGUMENT',
            `${where}: transparency must be 0-100 (%); got ${JSON.stringify(fill.transparency)}`,
          );
        if (fill.transparency > 0) out.transparency = fill.transparency;
      }
      return out;
    }
    case 'gradient': {
      if (!Array.isArray(fill.stops) || fill.stops.length < 2)
        fail('INVALID_ARGUMENT', `${where}: a gradient needs at least two stops`);
      const types = ['linear', 'radial', 'rectangular', 'path'];
      const gradientType = fill.gradientType ?? 'linear';
      if (!types.includes(gradientType))
        fail('INVALID_ARGUMENT', `${where}: gradientType must be one of ${types.join(', ')}`);
      const angle = fill.angle ?? 90;
      if (typeof angle !== 'number' || !Number.isFinite(angle))
        fail('INVALID_ARGUMENT', `${where}: gradient angle must be a number of degrees`);
      const stops = fill.stops.map((s, i) => {
        if (!(s.position >= 0 && s.position <= 100))
          fail(
            'INVALID_ARGUMENT',
            `${where}: stop ${i} position must be 0-100 (%); got ${JSON.stringify(s.position)}`,
          );
        return { position: s.position, color: parseColor(s.color, `${where}: stop ${i} color`) };
      });
      return { type: 'gradient', gradientType, angle: ((angle % 360) + 360) % 360, stops };
    }
    case 'pattern':
      if (typeof fill.pattern !== 'string' || !fill.pattern)
        fail('INVALID_ARGUMENT', `${where}: a pattern fill needs a pattern name such as "pct50"`);
      return {
        type: 'pattern',
        pattern: fill.pattern,
        foreground: parseColor(fill.foreground, `${where}: foreground`),
        background: parseColor(fill.background, `${where}: background`),
      };
    default:
      return fail(
        'INVALID_ARGUMENT',
        `${where}: fill type must be none, solid, gradient or pattern; got ${JSON.stringify((fill as { type: unknown }).type)}`,
      );
  }
}

export function checkLine(line: Line, where: string): Line {
  if (!line || typeof line !== 'object')
    fail(
      'INVALID_ARGUMENT',
      `${where}: a line must be an object such as {type: "solid", color: "000000", width: 1}`,
    );
  if (line.type === 'none') return { type: 'none' };
  if (line.type !== 'solid')
    fail(
      'INVALID_ARGUMENT',
      `${where}: line type must be "none" or "solid"; got ${JSON.stringify((line as { type: unknown }).type)}`,
    );
  const width = line.width ?? 0.75;
  if (!(width > 0 && width <= 1584))
    fail('INVALID_ARGUMENT', `${where}: line width must be 0-1584 points; got ${JSON.stringify(line.width)}`);
  const out: Line = { type: 'solid', color: parseColor(line.color, `${where}: color`), width };
  const dashes = ['solid', 'dash', 'dot', 'dashDot', 'longDash', 'longDashDot', 'sysDash', 'sysDot'];
  if (line.dash !== undefined) {
    if (!dashes.includes(line.dash))
      fail('INVALID_ARGUMENT', `${where}: dash must be one of ${dashes.join(', ')}`);
    if (line.dash !== 'solid') out.dash = line.dash;
  }
  return out;
}

/** Shape Format > Shape Fill (on a table: every cell's shading). */
export function setShapeFill(
  pres: Presentation,
  fill: Fill,
  options: { slideIndex?: number; shapeIds?: number[] } = {},
): Presentation {
  const clean = checkFill(fill, 'setShapeFill');
  const { index, ids } = targetShapes(pres, options, 'setShapeFill');
  for (const id of ids) {
    const s = getShape(pres.slides[index]!, id, 'setShapeFill');
    if (s.kind === 'picture')
      fail('INVALID_ARGUMENT', `setShapeFill: "${s.name}" is a picture; pictures have no fill here`);
  }
  return produce(pres, (draft) => {
    for (const id of ids) {
      const s = getShape(draft.slides[index]!, id, 'setShapeFill');
      if (s.kind === 'table') s.table.cells.flat().forEach((c) => (c.fill = copyData(clean)));
      else if (s.kind !== 'picture') s.fill = copyData(clean);
    }
  });
}

/** Shape Format > Shape Outline (Picture Border for pictures). */
export function setShapeLine(
  pres: Presentation,
  line: Line,
  options: { slideIndex?: number; shapeIds?: number[] } = {},
): Presentation {
  const clean = checkLine(line, 'setShapeLine');
  const { index, ids } = targetShapes(pres, options, 'setShapeLine');
  for (const id of ids) {
    const s = getShape(pres.slides[index]!, id, 'setShapeLine');
    if (s.kind === 'table')
      fail('INVALID_ARGUMENT', `setShapeLine: "${s.name}" is a table; table borders are not modelled`);
  }
  return produce(pres, (draft) => {
    for (const id of ids) {
      const s = getShape(draft.slides[index]!, id, 'setShapeLine');
      if (s.kind !== 'table') s.line = copyData(clean);
    }
  });
}

/** Move and/or resize one shape (Size & Position); values in EMUs, rotation in degrees. */
export function setShapeGeometry(
  pres: Presentation,
  options: Box & { slideIndex?: number; shapeId?: number; rotation?: number },
): Presentation {
  checkBox(options, 'setShapeGeometry');
  if (options.rotation !== undefined && !Number.isFinite(options.rotation))
    fail('INVALID_ARGUMENT', 'setShapeGeometry: rotation must be a number of degrees');
  const { index, ids } = targetShapes(
    pres,
    options.shapeId === undefined ? options : { ...options, shapeIds: [options.shapeId] },
    'setShapeGeometry',
  );
  if (ids.length !== 1)
    fail('INVALID_ARGUMENT', `setShapeGeometry: select exactly one shape (${ids.length} are selected)`);
  return produce(pres, (draft) => {
    const s = getShape(draft.slides[index]!, ids[0]!, 'setShapeGeometry');
    for (const k of ['x', 'y', 'width', 'height'] as const)
      if (options[k] !== undefined) s[k] = Math.round(options[k]);
    if (options.rotation !== undefined) {
      const r = ((options.rotation % 360) + 360) % 360;
      if (r === 0) delete s.rotation;
      else s.rotation = r;
    }
  });
}

/** Arrow keys on selected shapes: move them by (dx, dy) EMUs. */
export function nudgeShapes(
  pres: Presentation,
  dx: number,
  dy: number,
  options: { slideIndex?: number; shapeIds?: number[] } = {},
): Presentation {
  if (!Number.isFinite(dx) || !Number.isFinite(dy))
    fail('INVALID_ARGUMENT', 'nudgeShapes: dx and dy must be numbers of EMUs');
  const { index, ids } = targetShapes(pres, options, 'nudgeShapes');
  return produce(pres, (draft) => {
    for (const id of ids) {
      const s = getShape(draft.slides[index]!, id, 'nudgeShapes');
      s.x = Math.round(s.x + dx);
      s.y = Math.round(s.y + dy);
    }
  });
}

export type ArrangeOrder = 'bringToFront' | 'sendToBack' | 'bringForward' | 'sendBackward';

/** Arrange > Bring to Front / Send to Back / Bring Forward / Send Backward for one shape. */
export function arrangeShape(
  pres: Presentation,
  order: ArrangeOrder,
  options: { slideIndex?: number; shapeId?: number } = {},
): Presentation {
  const { index, ids } = targetShapes(
    pres,
    options.shapeId === undefined ? options : { ...options, shapeIds: [options.shapeId] },
    'arrangeShape',
  );
  if (!['bringToFront', 'sendToBack', 'bringForward', 'sendBackward'].includes(order)) {
    fail(
      'INVALID_ARGUMENT',
      `arrangeShape: order must be bringToFront, sendToBack, bringForward or sendBackward; got ${JSON.stringify(order)}`,
    );
  }
  return produce(pres, (draft) => {
    const shapes = draft.slides[index]!.shapes;
    const from = shapes.findIndex((s) => s.id === ids[0]);
    const [s] = shapes.splice(from, 1);
    const to =
      order === 'bringToFront'
        ? shapes.length
        : order === 'sendToBack'
          ? 0
          : order === 'bringForward'
            ? Math.min(shapes.length, from + 1)
            : Math.max(0, from - 1);
    shapes.splice(to, 0, s!);
  });
}

/** Replaces a shape's (or table cell's) whole text, as set_edit_text does. */
export function setShapeText(
  pres: Presentation,
  options: { slideIndex?: number; shapeId: number; text: string; cell?: { row: number; col: number } },
): Presentation {
  if (typeof options.text !== 'string')
    fail('INVALID_ARGUMENT', `setShapeText: text must be a string; got ${JSON.stringify(options.text)}`);
  const i = slideIndexArg(pres, options.slideIndex, 'setShapeText');
  return produce(pres, (draft) => {
    const slide = draft.slides[i]!;
    const shape = getShape(slide, options.shapeId, 'setShapeText');
    if (shape.kind === 'table') {
      if (!options.cell)
        fail('INVALID_ARGUMENT', `setShapeText: "${shape.name}" is a table; give the cell {row, col}`);
      setBodyText(
        getCell(shape.table.cells, options.cell.row, options.cell.col, 'setShapeText').text,
        options.text,
      );
    } else if (isTextShape(shape)) {
      setBodyText(shape.text, options.text);
    } else {
      fail('NOT_A_TEXT_SHAPE', `setShapeText: "${shape.name}" is a ${shape.kind} and holds no text`);
    }
    if (draft.selection.text?.shapeId === shape.id) draft.selection.text = null;
  });
}

/**
 * Types into a placeholder ("Click to add title"): 'title', 'subtitle', 'body' (the first text/content
 * placeholder) or an OOXML idx. "\n" separates paragraphs; leading tabs set bullet levels.
 */
export function setPlaceholderText(
  pres: Presentation,
  key: PlaceholderKey,
  text: string,
  slideIndex?: number,
): Presentation {
  const i = slideIndexArg(pres, slideIndex, 'setPlaceholderText');
  const slide = pres.slides[i]!;
  const ph = findPlaceholder(slide, key);
  if (!ph) {
    const have = slide.shapes
      .filter((s): s is PlaceholderShape => s.kind === 'placeholder')
      .map((s) => `${s.name} (${s.placeholder.type}, idx ${s.placeholder.idx})`)
      .join(', ');
    fail(
      'PLACEHOLDER_NOT_FOUND',
      `setPlaceholderText: slide ${i + 1} (layout "${slide.layout}") has no ${JSON.stringify(key)} placeholder; it has: ${have || 'no placeholders'}`,
    );
  }
  return setShapeText(pres, { slideIndex: i, shapeId: ph.id, text });
}

// ------------------------------------------------------------------------------------------ tables

function tableArg(
  pres: Presentation,
  options: { slideIndex?: number; shapeId?: number },
  where: string,
): { index: number; id: number; table: Table } {
  const { index, ids } = targetShapes(
    pres,
    options.shapeId === undefined ? options : { ...options, shapeIds: [options.shapeId] },
    where,
  );
  const shape = getShape(pres.slides[index]!, ids[0]!, where);
  if (shape.kind !== 'table') fail('INVALID_ARGUMENT', `${where}: "${shape.name}" is not a table`);
  return { index, id: shape.id, table: shape.table };
}

function editTable(
  pres: Presentation,
  index: number,
  id: number,
  edit: (t: Table, shape: Shape) => void,
): Presentation {
  return produce(pres, (draft) => {
    const shape = getShape(draft.slides[index]!, id, 'table');
    if (shape.kind !== 'table') return;
    edit(shape.table, shape);
    shape.height = shape.table.rowHeights.reduce((a, b) => a + b, 0);
    shape.width = shape.table.columnWidths.reduce((a, b) => a + b, 0);
    if (draft.selection.text?.shapeId === id) draft.selection.text = null;
  });
}

/** Table Layout > Insert Above / Insert Below. */
export function insertTableRow(
  pres: Presentation,
  options: { slideIndex?: number; shapeId?: number; row: number; position: 'above' | 'below' },
): Presentation {
  const { index, id, table } = tableArg(pres, options, 'insertTableRow');
  getCell(table.cells, options.row, 0, 'insertTableRow');
  return editTable(pres, index, id, (t) => {
    const at = options.position === 'above' ? options.row : options.row + 1;
    t.cells.splice(at, 0, t.columnWidths.map(emptyCell));
    t.rowHeights.splice(at, 0, t.rowHeights[options.row]!);
  });
}

/** Table Layout > Insert Left / Insert Right (the table widens, as in PowerPoint). */
export function insertTableColumn(
  pres: Presentation,
  options: { slideIndex?: number; shapeId?: number; col: number; position: 'left' | 'right' },
): Presentation {
  const { index, id, table } = tableArg(pres, options, 'insertTableColumn');
  getCell(table.cells, 0, options.col, 'insertTableColumn');
  return editTable(pres, index, id, (t) => {
    const at = options.position === 'left' ? options.col : options.col + 1;
    for (const row of t.cells) row.splice(at, 0, emptyCell());
    t.columnWidths.splice(at, 0, t.columnWidths[options.col]!);
  });
}

export function deleteTableRow(
  pres: Presentation,
  options: { slideIndex?: number; shapeId?: number; row: number },
): Presentation {
  const { index, id, table } = tableArg(pres, options, 'deleteTableRow');
  getCell(table.cells, options.row, 0, 'deleteTableRow');
  if (table.cells.length === 1)
    fail('INVALID_ARGUMENT', 'deleteTableRow: the table has one row; delete the table instead');
  return editTable(pres, index, id, (t) => {
    t.cells.splice(options.row, 1);
    t.rowHeights.splice(options.row, 1);
  });
}

export function deleteTableColumn(
  pres: Presentation,
  options: { slideIndex?: number; shapeId?: number; col: number },
): Presentation {
  const { index, id, table } = tableArg(pres, options, 'deleteTableColumn');
  getCell(table.cells, 0, options.col, 'deleteTableColumn');
  if (table.columnWidths.length === 1)
    fail('INVALID_ARGUMENT', 'deleteTableColumn: the table has one column; delete the table instead');
  return editTable(pres, index, id, (t) => {
    for (const row of t.cells) row.splice(options.col, 1);
    t.columnWidths.splice(options.col, 1);
  });
}

/** Table Design > Shading for one cell. */
export function setTableCellFill(
  pres: Presentation,
  options: { slideIndex?: number; shapeId?: number; row: number; col: number; fill: Fill },
): Presentation {
  const { index, id, table } = tableArg(pres, options, 'setTableCellFill');
  getCell(table.cells, options.row, options.col, 'setTableCellFill');
  const clean = checkFill(options.fill, 'setTableCellFill');
  return editTable(pres, index, id, (t) => {
    t.cells[options.row]![options.col]!.fill = clean;
  });
}

export type TableStyleOptions = Partial<
  Pick<Table, 'firstRow' | 'bandRows' | 'firstColumn' | 'lastRow' | 'lastColumn' | 'bandColumns'>
>;

/** Table Design > Table Styles (by name) and Table Style Options (Header Row, Banded Rows…). */
export function setTableStyle(
  pres: Presentation,
  options: { slideIndex?: number; shapeId?: number; style?: string; styleOptions?: TableStyleOptions },
): Presentation {
  const { index, id } = tableArg(pres, options, 'setTableStyle');
  if (options.style !== undefined && !(options.style in TABLE_STYLES)) {
    fail(
      'INVALID_ARGUMENT',
      `setTableStyle: unknown table style ${JSON.stringify(options.style)}; known: ${Object.keys(TABLE_STYLES).join(', ')}`,
    );
  }
  for (const [k, v] of Object.entries(options.styleOptions ?? {})) {
    if (
      !['firstRow', 'bandRows', 'firstColumn', 'lastRow', 'lastColumn', 'bandColumns'].includes(k) ||
      typeof v !== 'boolean'
    ) {
      fail(
        'INVALID_ARGUMENT',
        `setTableStyle: style option ${k} must be one of firstRow, bandRows, firstColumn, lastRow, lastColumn, bandColumns with a true/false value`,
      );
    }
  }
  return editTable(pres, index, id, (t) => {
    if (options.style !== undefined) {
      tableStyleId(options.style);
      t.style = options.style;
    }
    Object.assign(t, options.styleOptions ?? {});
  });
}
