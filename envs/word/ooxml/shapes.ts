/**
 * Shapes and text boxes as DrawingML word-processing shapes (wps:wsp) in a w:drawing, the way Word
 * 2010+ writes Insert > Shapes and Insert > Text Box. Floating shapes use wp:anchor, inline ones
 * wp:inline.
 */
import type { Block, Shape, ShapeGeometry } from '../model/index.ts';
import { SHAPE_GEOMETRIES } from '../model/index.ts';
import { WPS_URI } from './namespaces.ts';
import type { XElement } from './xml.ts';
import { attr, child, descendants, el } from './xml.ts';
import { fromEmu, toEmu } from './units.ts';

function solid(color: string): string {
  return `<a:solidFill>${el('a:srgbClr', { val: color === 'auto' ? '000000' : color })}</a:solidFill>`;
}

function wrapElement(shape: Shape): string {
  switch (shape.wrap) {
    case 'square':
      return el('wp:wrapSquare', { wrapText: 'bothSides' });
    case 'tight': {
      const points = [
        [0, 0],
        [0, 21600],
        [21600, 21600],
        [21600, 0],
        [0, 0],
      ];
      const [start, ...rest] = points;
      return el(
        'wp:wrapTight',
        { wrapText: 'bothSides' },
        el(
          'wp:wrapPolygon',
          { edited: '0' },
          el('wp:start', { x: start![0], y: start![1] }),
          ...rest.map(([x, y]) => el('wp:lineTo', { x, y })),
        ),
      );
    }
    case 'topAndBottom':
      return el('wp:wrapTopAndBottom');
    default:
      return el('wp:wrapNone');
  }
}

/** The w:drawing run for a shape; `docPrId` is unique in the document; `blocks` writes the text. */
export function shapeRun(shape: Shape, docPrId: number, blocks: (b: Block[]) => string): string {
  const cx = toEmu(shape.width);
  const cy = toEmu(shape.height);
  const isLine = shape.geometry === 'line' || shape.geometry === 'straightConnector1';
  const spPr =
    '<wps:spPr>' +
    el(
      'a:xfrm',
      { rot: shape.rotation ? Math.round(shape.rotation * 60000) : undefined },
      el('a:off', { x: 0, y: 0 }),
      el('a:ext', { cx, cy }),
    ) +
    el('a:prstGeom', { prst: shape.geometry }, el('a:avLst')) +
    (shape.fill === null ? '<a:noFill/>' : solid(shape.fill)) +
    el(
      'a:ln',
      { w: toEmu(shape.lineWidth) },
      shape.line === null ? '<a:noFill/>' : solid(shape.line),
      shape.geometry === 'straightConnector1' ? el('a:tailEnd', { type: 'triangle' }) : undefined,
    ) +
    '</wps:spPr>';
  const hasText = shape.textBox || shape.blocks.length > 0;
  const textBox =
    hasText && !isLine
      ? `<wps:txbx><w:txbxContent>${blocks(shape.blocks.length ? shape.blocks : [{ type: 'paragraph', runs: [] }])}</w:txbxContent></wps:txbx>`
      : '';
  const bodyPr = el('wps:bodyPr', {
    rot: '0',
    vert: 'horz',
    wrap: 'square',
    lIns: '91440',
    tIns: '45720',
    rIns: '91440',
    bIns: '45720',
    anchor: shape.textBox ? 't' : 'ctr',
    anchorCtr: '0',
  });
  const wsp =
    '<wps:wsp>' +
    (shape.textBox ? el('wps:cNvSpPr', { txBox: '1' }) : el('wps:cNvSpPr')) +
    spPr +
    textBox +
    bodyPr +
    '</wps:wsp>';
  const graphic = `<a:graphic><a:graphicData uri="${WPS_URI}">${wsp}</a:graphicData></a:graphic>`;
  const docPr = el('wp:docPr', { id: docPrId, name: shape.name });
  let drawing: string;
  if (shape.wrap === 'inline') {
    drawing = el(
      'wp:inline',
      { distT: 0, distB: 0, distL: 0, distR: 0 },
      el('wp:extent', { cx, cy }),
      el('wp:effectExtent', { l: 0, t: 0, r: 0, b: 0 }),
      docPr,
      '<wp:cNvGraphicFramePr/>',
      graphic,
    );
  } else {
    drawing = el(
      'wp:anchor',
      {
        distT: 0,
        distB: 0,
        distL: 114300,
        distR: 114300,
        simplePos: 0,
        relativeHeight: 251659264 + (docPrId % 1000000) * 1024,
        behindDoc: shape.wrap === 'behindText' ? 1 : 0,
        locked: 0,
        layoutInCell: 1,
        allowOverlap: 1,
      },
      el('wp:simplePos', { x: 0, y: 0 }),
      el(
        'wp:positionH',
        { relativeFrom: shape.relativeFrom.horizontal },
        `<wp:posOffset>${toEmu(shape.x)}</wp:posOffset>`,
      ),
      el(
        'wp:positionV',
        { relativeFrom: shape.relativeFrom.vertical },
        `<wp:posOffset>${toEmu(shape.y)}</wp:posOffset>`,
      ),
      el('wp:extent', { cx, cy }),
      el('wp:effectExtent', { l: 0, t: 0, r: 0, b: 0 }),
      wrapElement(shape),
      docPr,
      '<wp:cNvGraphicFramePr/>',
      graphic,
    );
  }
  return `<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${drawing}</w:drawing></mc:Choice></mc:AlternateContent></w:r>`;
}

function readColorFill(e: XElement | undefined): string | null | undefined {
  if (!e) return undefined;
  if (child(e, 'a:noFill')) return null;
  const fill = child(e, 'a:solidFill');
  const rgb = attr(child(fill, 'a:srgbClr'), 'val');
  if (rgb && /^[0-9a-f]{6}$/i.test(rgb)) return rgb.toUpperCase();
  return undefined;
}

const H_RELATIVE: Record<string, Shape['relativeFrom']['horizontal']> = {
  column: 'column',
  page: 'page',
  margin: 'margin',
  character: 'character',
  leftMargin: 'page',
  rightMargin: 'margin',
  insideMargin: 'margin',
  outsideMargin: 'margin',
};
const V_RELATIVE: Record<string, Shape['relativeFrom']['vertical']> = {
  paragraph: 'paragraph',
  page: 'page',
  margin: 'margin',
  line: 'line',
  topMargin: 'page',
  bottomMargin: 'margin',
  insideMargin: 'margin',
  outsideMargin: 'margin',
};

/**
 * Reads a wp:anchor/wp:inline holding a wps:wsp into a Shape, or undefined when it is something
 * else (a picture, a chart, a group, a geometry the model does not know): the caller keeps those
 * as opaque content. `blocks` reads w:txbxContent.
 */
export function readShape(
  frame: XElement,
  blocks: (content: XElement) => Block[],
): (Omit<Shape, 'id'> & { docPrId: number }) | undefined {
  const wsp = descendants(frame, 'wps:wsp')[0];
  if (!wsp) return undefined;
  const spPr = child(wsp, 'wps:spPr');
  const geometry = attr(child(spPr, 'a:prstGeom'), 'prst') ?? 'rect';
  if (!(SHAPE_GEOMETRIES as readonly string[]).includes(geometry)) return undefined;
  const inline = frame.name === 'wp:inline';
  const extent = child(frame, 'wp:extent');
  const docPr = child(frame, 'wp:docPr');
  const txbx = child(wsp, 'wps:txbx');
  const content = child(txbx, 'w:txbxContent');
  // Word marks text boxes with txBox="1"; LibreOffice drops the mark but keeps Word's "Text Box n" name.
  const isTextBox =
    attr(child(wsp, 'wps:cNvSpPr'), 'txBox') === '1' ||
    (txbx !== undefined && /^Text Box\b/.test(attr(docPr, 'name') ?? ''));
  const posH = child(frame, 'wp:positionH');
  const posV = child(frame, 'wp:positionV');
  const offset = (p: XElement | undefined): number => {
    const o = child(p, 'wp:posOffset');
    if (!o) return 0;
    return (
      fromEmu(
        o.children
          .filter((c) => typeof c === 'string')
          .join('')
          .trim(),
      ) ?? 0
    );
  };
  let wrap: Shape['wrap'] = 'inline';
  if (!inline) {
    if (child(frame, 'wp:wrapSquare')) wrap = 'square';
    else if (child(frame, 'wp:wrapTight') || child(frame, 'wp:wrapThrough')) wrap = 'tight';
    else if (child(frame, 'wp:wrapTopAndBottom')) wrap = 'topAndBottom';
    else wrap = attr(frame, 'behindDoc') === '1' ? 'behindText' : 'inFrontOfText';
  }
  const ln = child(spPr, 'a:ln');
  let fill = readColorFill(spPr);
  let line = ln ? readColorFill(ln) : undefined;
  // Theme-styled shapes (wps:style) without direct colours: Office's default blue fill and outline.
  if (fill === undefined) fill = child(wsp, 'wps:style') ? '4472C4' : isTextBox ? 'FFFFFF' : null;
  if (line === undefined) line = child(wsp, 'wps:style') ? '2F528F' : isTextBox ? '000000' : null;
  const rot = Number(attr(child(spPr, 'a:xfrm'), 'rot') ?? 0) / 60000;
  return {
    docPrId: Number(attr(docPr, 'id') ?? 0),
    name: attr(docPr, 'name') ?? (isTextBox ? 'Text Box' : 'Shape'),
    geometry: geometry as ShapeGeometry,
    textBox: isTextBox,
    width: fromEmu(attr(extent, 'cx')) ?? 0,
    height: fromEmu(attr(extent, 'cy')) ?? 0,
    x: inline ? 0 : offset(posH),
    y: inline ? 0 : offset(posV),
    relativeFrom: {
      horizontal: inline ? 'column' : (H_RELATIVE[attr(posH, 'relativeFrom') ?? 'column'] ?? 'column'),
      vertical: inline ? 'paragraph' : (V_RELATIVE[attr(posV, 'relativeFrom') ?? 'paragraph'] ?? 'paragraph'),
    },
    wrap,
    fill,
    line,
    lineWidth: ln && attr(ln, 'w') !== undefined ? (fromEmu(attr(ln, 'w')) ?? 0.75) : 0.75,
    rotation: Math.round((((rot % 360) + 360) % 360) * 100) / 100,
    blocks: content ? blocks(content) : [],
  };
}
