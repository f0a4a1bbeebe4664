/** Slide content readers: the shape tree, the transition, the entrance animations and the notes. */
import { TRANSITION_CATALOG } from '../../model/operations/transitions.ts';
import { tableStyleName } from '../../model/shapes.ts';
import { plainText } from '../../model/text.ts';
import type {
  Animation,
  AnimationTrigger,
  PictureShape,
  PlaceholderRef,
  PlaceholderType,
  Shape,
  TableCell,
  TableShape,
  Transition,
} from '../../model/types.ts';
import { entranceFromPreset } from '../animation-presets.ts';
import { transitionFromElement } from '../transitions-map.ts';
import { boolAttr, child, children, descendants, intAttr, path } from '../xml.ts';
import type { XNode } from '../xml.ts';
import { readFill, readLine, readTextBody, readXfrm } from './drawing.ts';
import type { ColorContext, Xfrm } from './drawing.ts';

const PLACEHOLDER_TYPES: readonly PlaceholderType[] = [
  'title',
  'ctrTitle',
  'subTitle',
  'body',
  'obj',
  'pic',
  'tbl',
  'chart',
  'dgm',
  'media',
  'clipArt',
  'dt',
  'ftr',
  'sldNum',
];

export interface ShapeReadContext {
  color: ColorContext;
  /** The position a placeholder without its own transform inherits (from the file's layout or master). */
  inheritedXfrm(ref: PlaceholderRef): Xfrm | undefined;
  /** The media part a picture's r:embed points at, for naming pictures that carry no title. */
  mediaName(relId: string): string | undefined;
}

/** Reads `p:ph` into a placeholder reference; unknown types are read as the generic content placeholder. */
export function readPlaceholderRef(nvPr: XNode | undefined): PlaceholderRef | undefined {
  const ph = child(nvPr, 'p:ph');
  if (!ph) return undefined;
  const raw = ph.attrs.type ?? 'obj';
  const type = (PLACEHOLDER_TYPES as readonly string[]).includes(raw) ? (raw as PlaceholderType) : 'obj';
  return { type, idx: intAttr(ph, 'idx') ?? 0 };
}

/** Maps a child shape's box from a group's child coordinate space to the slide. */
type Transform = (x: Xfrm) => Xfrm;

const IDENTITY: Transform = (x) => x;

function groupTransform(outer: Transform, group: Xfrm | undefined): Transform {
  if (!group || !group.childWidth || !group.childHeight) return outer;
  const sx = group.width / group.childWidth;
  const sy = group.height / group.childHeight;
  return (x) => {
    const mapped: Xfrm = {
      x: Math.round(group.x + (x.x - (group.childX ?? 0)) * sx),
      y: Math.round(group.y + (x.y - (group.childY ?? 0)) * sy),
      width: Math.round(x.width * sx),
      height: Math.round(x.height * sy),
    };
    if (x.rotation) mapped.rotation = x.rotation;
    return outer(mapped);
  };
}

interface Reader {
  ctx: ShapeReadContext;
  shapes: Shape[];
  usedIds: Set<number>;
  /** File shape id → model shape id (they differ only when the file repeats an id). */
  idMap: Map<number, number>;
}

function claimId(r: Reader, fileId: number | undefined): number {
  let id =
    fileId !== undefined && Number.isInteger(fileId) && fileId > 0 && !r.usedIds.has(fileId) ? fileId : 0;
  if (id === 0) {
    id = 2;
    while (r.usedIds.has(id)) id++;
  }
  r.usedIds.add(id);
  if (fileId !== undefined && !r.idMap.has(fileId)) r.idMap.set(fileId, id);
  return id;
}

function base(
  r: Reader,
  cNvPr: XNode | undefined,
  box: Xfrm | undefined,
  fallbackName: string,
): Omit<PictureShape, 'kind' | 'image'> {
  const id = claimId(r, intAttr(cNvPr, 'id'));
  const out: Omit<PictureShape, 'kind' | 'image'> = {
    id,
    name: cNvPr?.attrs.name || `${fallbackName} ${id - 1}`,
    x: box?.x ?? 0,
    y: box?.y ?? 0,
    width: box?.width ?? 0,
    height: box?.height ?? 0,
  };
  if (box?.rotation) out.rotation = box.rotation;
  return out;
}

function boxOf(
  r: Reader,
  xfrm: XNode | undefined,
  ref: PlaceholderRef | undefined,
  transform: Transform,
): Xfrm | undefined {
  const own = readXfrm(xfrm);
  if (own) return transform(own);
  return ref ? r.ctx.inheritedXfrm(ref) : undefined;
}

function readSp(r: Reader, sp: XNode, transform: Transform, connector: boolean): void {
  const nv = child(sp, connector ? 'p:nvCxnSpPr' : 'p:nvSpPr');
  const cNvPr = child(nv, 'p:cNvPr');
  const ref = connector ? undefined : readPlaceholderRef(child(nv, 'p:nvPr'));
  const spPr = child(sp, 'p:spPr');
  const box = boxOf(r, child(spPr, 'a:xfrm'), ref, transform);
  const fill = readFill(spPr, r.ctx.color);
  const line = readLine(child(spPr, 'a:ln'), r.ctx.color);
  const text = readTextBody(child(sp, 'p:txBody'), r.ctx.color);
  const alt = cNvPr?.attrs.descr;
  const geometry = child(spPr, 'a:prstGeom')?.attrs.prst ?? (connector ? 'line' : 'rect');
  // PowerPoint marks text boxes with txBox; LibreOffice drops the mark, but its text boxes (unlike its
  // shapes, and unlike any PowerPoint shape) are rectangles whose style brings no fill and no outline.
  const style = child(sp, 'p:style');
  const unstyled =
    !style || (child(style, 'a:fillRef')?.attrs.idx === '0' && child(style, 'a:lnRef')?.attrs.idx === '0');
  const isTextBox =
    !connector &&
    !ref &&
    (boolAttr(child(nv, 'p:cNvSpPr'), 'txBox') === true || (geometry === 'rect' && unstyled));
  let shape: Shape;
  if (ref) {
    shape = { kind: 'placeholder', ...base(r, cNvPr, box, 'Placeholder'), placeholder: ref, text };
    // Placeholders show no fill by default; an explicit "no fill" says nothing more.
    if (fill && fill.type !== 'none') shape.fill = fill;
  } else if (isTextBox) {
    shape = { kind: 'textbox', ...base(r, cNvPr, box, 'TextBox'), text };
    // "No fill" is what a text box shows anyway; the model leaves it unset.
    if (fill && fill.type !== 'none') shape.fill = fill;
  } else {
    shape = { kind: 'shape', ...base(r, cNvPr, box, connector ? 'Connector' : 'Shape'), geometry, text };
    if (fill) shape.fill = fill;
  }
  if (line) shape.line = line;
  if (alt) shape.altText = alt;
  r.shapes.push(shape);
}

function readTable(
  r: Reader,
  frame: XNode,
  tbl: XNode,
  box: Xfrm | undefined,
  ref: PlaceholderRef | undefined,
): void {
  const cNvPr = path(frame, 'p:nvGraphicFramePr', 'p:cNvPr');
  const columnWidths = children(child(tbl, 'a:tblGrid'), 'a:gridCol').map((c) => intAttr(c, 'w') ?? 0);
  const rows = children(tbl, 'a:tr');
  const cells: TableCell[][] = rows.map((tr) =>
    children(tr, 'a:tc').map((tc) => {
      const cell: TableCell = { text: readTextBody(child(tc, 'a:txBody'), r.ctx.color) };
      const fill = readFill(child(tc, 'a:tcPr'), r.ctx.color);
      if (fill) cell.fill = fill;
      const gridSpan = intAttr(tc, 'gridSpan');
      if (gridSpan !== undefined && gridSpan > 1) cell.gridSpan = gridSpan;
      const rowSpan = intAttr(tc, 'rowSpan');
      if (rowSpan !== undefined && rowSpan > 1) cell.rowSpan = rowSpan;
      if (boolAttr(tc, 'hMerge')) cell.hMerge = true;
      if (boolAttr(tc, 'vMerge')) cell.vMerge = true;
      return cell;
    }),
  );
  // A ragged table (fewer cells than grid columns) is padded, so every row has one cell per column.
  const cols = Math.max(columnWidths.length, ...cells.map((row) => row.length));
  while (columnWidths.length < cols) columnWidths.push(columnWidths[columnWidths.length - 1] ?? 914400);
  for (const row of cells)
    while (row.length < cols) row.push({ text: { paragraphs: [{ runs: [], level: 0 }] } });
  const tblPr = child(tbl, 'a:tblPr');
  const styleId = child(tblPr, 'a:tableStyleId')?.text.trim();
  const shape: TableShape = {
    kind: 'table',
    ...base(r, cNvPr, box, 'Table'),
    table: {
      columnWidths,
      rowHeights: rows.map((tr) => intAttr(tr, 'h') ?? 370840),
      cells,
      style: styleId ? tableStyleName(styleId) : 'No Style, Table Grid',
      firstRow: boolAttr(tblPr, 'firstRow') ?? false,
      bandRows: boolAttr(tblPr, 'bandRow') ?? false,
    },
  };
  const optional = [
    ['firstCol', 'firstColumn'],
    ['lastRow', 'lastRow'],
    ['lastCol', 'lastColumn'],
    ['bandCol', 'bandColumns'],
  ] as const;
  for (const [attr, key] of optional) if (boolAttr(tblPr, attr)) shape.table[key] = true;
  if (ref) shape.placeholder = ref;
  r.shapes.push(shape);
}

function readGraphicFrame(r: Reader, frame: XNode, transform: Transform): void {
  const nv = child(frame, 'p:nvGraphicFramePr');
  const ref = readPlaceholderRef(child(nv, 'p:nvPr'));
  const box = boxOf(r, child(frame, 'p:xfrm'), ref, transform);
  const data = path(frame, 'a:graphic', 'a:graphicData');
  const tbl = child(data, 'a:tbl');
  if (tbl) {
    readTable(r, frame, tbl, box, ref);
    return;
  }
  // Charts, SmartArt and embedded objects have no model of their own: they stay as named pictures.
  const uri = data?.attrs.uri ?? '';
  const kind = uri.includes('/chart') ? 'chart' : uri.includes('/diagram') ? 'SmartArt graphic' : 'object';
  const cNvPr = child(nv, 'p:cNvPr');
  const shape: PictureShape = {
    kind: 'picture',
    ...base(r, cNvPr, box, 'Object'),
    image: { name: kind, description: cNvPr?.attrs.descr ?? '' },
  };
  if (ref) shape.placeholder = ref;
  r.shapes.push(shape);
}

function readPicture(r: Reader, pic: XNode, transform: Transform): void {
  const nv = child(pic, 'p:nvPicPr');
  const cNvPr = child(nv, 'p:cNvPr');
  const ref = readPlaceholderRef(child(nv, 'p:nvPr'));
  const spPr = child(pic, 'p:spPr');
  const box = boxOf(r, child(spPr, 'a:xfrm'), ref, transform);
  const embed = path(pic, 'p:blipFill', 'a:blip')?.attrs['r:embed'];
  const media = embed ? r.ctx.mediaName(embed) : undefined;
  const shape: PictureShape = {
    kind: 'picture',
    ...base(r, cNvPr, box, 'Picture'),
    image: { name: cNvPr?.attrs.title || media || 'picture', description: cNvPr?.attrs.descr ?? '' },
  };
  const line = readLine(child(spPr, 'a:ln'), r.ctx.color);
  if (line) shape.line = line;
  if (ref) shape.placeholder = ref;
  r.shapes.push(shape);
}

function readTree(r: Reader, tree: XNode, transform: Transform): void {
  for (const node of tree.children) {
    switch (node.name) {
      case 'p:sp':
        readSp(r, node, transform, false);
        break;
      case 'p:cxnSp':
        readSp(r, node, transform, true);
        break;
      case 'p:pic':
        readPicture(r, node, transform);
        break;
      case 'p:graphicFrame':
        readGraphicFrame(r, node, transform);
        break;
      case 'p:grpSp':
        // Groups are flattened: the model has no groups, so their members become top-level shapes.
        readTree(r, node, groupTransform(transform, readXfrm(path(node, 'p:grpSpPr', 'a:xfrm'))));
        break;
      default:
        break;
    }
  }
}

/** The shapes of a p:spTree in z-order, and the map from the file's shape ids to the model's. */
export function readShapes(
  spTree: XNode | undefined,
  ctx: ShapeReadContext,
): { shapes: Shape[]; idMap: Map<number, number> } {
  const r: Reader = { ctx, shapes: [], usedIds: new Set([1]), idMap: new Map() };
  if (spTree) readTree(r, spTree, IDENTITY);
  return { shapes: r.shapes, idMap: r.idMap };
}

// ---------------------------------------------------------------------------------------------------- transition

const SPEED_SECONDS: Readonly<Record<string, number>> = { fast: 0.5, med: 0.75, slow: 1 };

/** p:transition as a model Transition; null when the slide has none (or nothing but the defaults). */
export function readTransition(sld: XNode): Transition | null {
  const node = child(sld, 'p:transition');
  if (!node) return null;
  const advanceOnClick = node.attrs.advClick === undefined ? true : boolAttr(node, 'advClick') !== false;
  const advTm = intAttr(node, 'advTm');
  const advanceAfter = advTm === undefined ? null : Math.round(advTm / 10) / 100;
  const effectNode = node.children.find((c) => c.name !== 'p:sndAc' && c.name !== 'p:extLst');
  const found = effectNode ? transitionFromElement(effectNode.name, effectNode.attrs) : null;
  if (!found) {
    // No effect, or one this model does not know: only the Advance Slide settings are kept.
    if (advanceOnClick && advanceAfter === null) return null;
    return { type: 'None', duration: 0, advanceOnClick, advanceAfter };
  }
  const ms = intAttr(node, 'p14:dur');
  const duration =
    ms !== undefined ? Math.round(ms / 10) / 100 : (SPEED_SECONDS[node.attrs.spd ?? 'fast'] ?? 0.5);
  const t: Transition = { type: found.type, duration, advanceOnClick, advanceAfter };
  const effect = found.effect ?? TRANSITION_CATALOG[found.type].effects[0];
  if (effect !== undefined) t.effect = effect;
  return t;
}

// ---------------------------------------------------------------------------------------------------- animations

const TRIGGERS: Readonly<Record<string, AnimationTrigger>> = {
  clickEffect: 'On Click',
  withEffect: 'With Previous',
  afterEffect: 'After Previous',
};

function seconds(ms: string | undefined): number {
  const n = Number(ms);
  return Number.isFinite(n) && n > 0 ? Math.round(n / 10) / 100 : 0;
}

/**
 * The entrance effects of p:timing's main sequence, in order. Emphasis, exit and motion-path effects, and
 * entrance presets this model does not know, are left out.
 */
export function readAnimations(sld: XNode, idMap: Map<number, number>): Animation[] {
  const out: Animation[] = [];
  const timing = child(sld, 'p:timing');
  for (const ctn of descendants(timing, 'p:cTn')) {
    if (ctn.attrs.presetClass !== 'entr') continue;
    const effect = entranceFromPreset(intAttr(ctn, 'presetID') ?? -1);
    const fileId = intAttr(descendants(ctn, 'p:spTgt')[0], 'spid');
    const shapeId = fileId === undefined ? undefined : idMap.get(fileId);
    if (!effect || shapeId === undefined) continue;
    const behaviours = descendants(ctn, 'p:cTn').filter(
      (c) => c.attrs.dur !== undefined && c.attrs.dur !== 'indefinite',
    );
    // The p:set that makes the shape visible lasts 1 ms; the effect's length is its longest other behaviour.
    const duration = Math.max(0, ...behaviours.map((c) => seconds(c.attrs.dur)).filter((d) => d > 0.001));
    const delay = seconds(child(child(ctn, 'p:stCondLst'), 'p:cond')?.attrs.delay);
    out.push({ shapeId, effect, trigger: TRIGGERS[ctn.attrs.nodeType ?? ''] ?? 'On Click', duration, delay });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------- notes

/** The text of a notes slide's body placeholder ("" when it has none). */
export function readNotes(notes: XNode, ctx: ColorContext): string {
  const tree = path(notes, 'p:cSld', 'p:spTree');
  const sps = children(tree, 'p:sp');
  const body = sps.find((sp) => path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph')?.attrs.type === 'body');
  // Without a notes placeholder (LibreOffice writes notes typed into a plain frame as a text box), the
  // notes are the text of the page's shapes that are not placeholders (slide image, header, number).
  const sources = body ? [body] : sps.filter((sp) => !path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph'));
  const text = sources
    .map((sp) => plainText(readTextBody(child(sp, 'p:txBody'), ctx)))
    .filter((t) => t.trim() !== '')
    .join('\n');
  return text.replace(/\n+$/, '');
}
