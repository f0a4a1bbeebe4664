/**
 * Watermarks as Word writes them: a VML shape in the header. A text watermark is a WordArt
 * text-path shape (type 136) named PowerPlusWaterMarkObject…; a picture watermark is an image shape
 * (type 75) named WordPictureWatermark…, both centred on the margins and behind the text.
 */
import type { Watermark } from '../model/index.ts';
import type { XElement } from './xml.ts';
import { attr, child, descendants, el } from './xml.ts';

const TEXT_PATH_SHAPETYPE =
  '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">' +
  '<v:formulas>' +
  [
    'sum #0 0 10800',
    'prod #0 2 1',
    'sum 21600 0 @1',
    'sum 0 0 @2',
    'sum 21600 0 @3',
    'if @0 @3 0',
    'if @0 21600 @1',
    'if @0 0 @2',
    'if @0 @4 21600',
    'mid @5 @6',
    'mid @8 @5',
    'mid @7 @8',
    'mid @6 @7',
    'sum @6 0 @5',
  ]
    .map((eqn) => el('v:f', { eqn }))
    .join('') +
  '</v:formulas>' +
  '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>' +
  '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>' +
  '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>';

const PICTURE_SHAPETYPE =
  '<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f">' +
  '<v:stroke joinstyle="miter"/><v:formulas>' +
  [
    'if lineDrawn pixelLineWidth 0',
    'sum @0 1 0',
    'sum 0 0 @1',
    'prod @2 1 2',
    'prod @3 21600 pixelWidth',
    'prod @3 21600 pixelHeight',
    'sum @0 0 1',
    'prod @6 1 2',
    'prod @7 21600 pixelWidth',
    'sum @8 21600 0',
    'prod @7 21600 pixelHeight',
    'sum @10 21600 0',
  ]
    .map((eqn) => el('v:f', { eqn }))
    .join('') +
  '</v:formulas><v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/><o:lock v:ext="edit" aspectratio="t"/></v:shapetype>';

const CENTRED =
  'z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin';

/** Width and height Word gives a text watermark shape: 'auto' fills the text width. */
function textShapeSize(
  wm: Extract<Watermark, { kind: 'text' }>,
  textWidth: number,
): { width: number; height: number } {
  const chars = Math.max(1, [...wm.text].length);
  if (wm.size === 'auto') {
    const width = Math.round(textWidth * 10) / 10;
    return { width, height: Math.round(Math.min(width / 4, (width / chars) * 1.6) * 10) / 10 };
  }
  return { width: Math.round(wm.size * 0.6 * chars * 10) / 10, height: wm.size };
}

/**
 * The run holding the watermark. `rId` is the header's relationship to the picture part (picture
 * watermarks only); `n` numbers the shape uniquely in the document.
 */
export function watermarkRun(wm: Watermark, n: number, textWidth: number, rId?: string): string {
  if (wm.kind === 'text') {
    const { width, height } = textShapeSize(wm, textWidth);
    const rotation = wm.layout === 'diagonal' ? 'rotation:315;' : '';
    const style = `position:absolute;margin-left:0;margin-top:0;width:${width}pt;height:${height}pt;${rotation}${CENTRED}`;
    const fontSize = wm.size === 'auto' ? '1pt' : `${wm.size}pt`;
    const shape = el(
      'v:shape',
      {
        id: `PowerPlusWaterMarkObject${n}`,
        'o:spid': `_x0000_s${2048 + n}`,
        type: '#_x0000_t136',
        style,
        'o:allowincell': 'f',
        fillcolor: `#${wm.color === 'auto' ? 'C0C0C0' : wm.color}`,
        stroked: 'f',
      },
      wm.semitransparent ? el('v:fill', { opacity: '.5' }) : undefined,
      el('v:textpath', { style: `font-family:"${wm.font}";font-size:${fontSize}`, string: wm.text }),
      el('w10:wrap', { anchorx: 'margin', anchory: 'margin' }),
    );
    return `<w:r><w:rPr><w:noProof/></w:rPr><w:pict>${TEXT_PATH_SHAPETYPE}${shape}</w:pict></w:r>`;
  }
  const style = `position:absolute;margin-left:0;margin-top:0;width:${wm.width}pt;height:${wm.height}pt;${CENTRED}`;
  const shape = el(
    'v:shape',
    {
      id: `WordPictureWatermark${n}`,
      'o:spid': `_x0000_s${2048 + n}`,
      type: '#_x0000_t75',
      style,
      'o:allowincell': 'f',
    },
    el('v:imagedata', {
      'r:id': rId,
      'o:title': '',
      gain: wm.washout ? '19661f' : undefined,
      blacklevel: wm.washout ? '22938f' : undefined,
    }),
  );
  return `<w:r><w:rPr><w:noProof/></w:rPr><w:pict>${PICTURE_SHAPETYPE}${shape}</w:pict></w:r>`;
}

const NAMED_COLORS: Record<string, string> = {
  silver: 'C0C0C0',
  gray: '808080',
  grey: '808080',
  black: '000000',
  white: 'FFFFFF',
  red: 'FF0000',
  green: '008000',
  lime: '00FF00',
  blue: '0000FF',
  navy: '000080',
  yellow: 'FFFF00',
  maroon: '800000',
  olive: '808000',
  purple: '800080',
  teal: '008080',
  aqua: '00FFFF',
  fuchsia: 'FF00FF',
};

export function vmlColor(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const s = v.trim().split(/\s/)[0]!.toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(s)) return s.slice(1).toUpperCase();
  if (/^#[0-9a-f]{3}$/.test(s))
    return [...s.slice(1)]
      .map((c) => c + c)
      .join('')
      .toUpperCase();
  return NAMED_COLORS[s];
}

function cssValue(style: string, key: string): string | undefined {
  for (const part of style.split(';')) {
    const i = part.indexOf(':');
    if (i > 0 && part.slice(0, i).trim().toLowerCase() === key) return part.slice(i + 1).trim();
  }
  return undefined;
}

function cssPoints(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const m = /^(-?\d+(?:\.\d+)?)(pt|in|cm|mm|px)?$/.exec(v.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const factor = { pt: 1, in: 72, cm: 72 / 2.54, mm: 7.2 / 2.54, px: 0.75 }[m[2] ?? 'pt'] ?? 1;
  return Math.round(n * factor * 100) / 100;
}

/** A VML shape that is a watermark: Word's named shapes, or any text-path shape in a header. */
export function isWatermarkShape(shape: XElement): boolean {
  const id = attr(shape, 'id') ?? '';
  return (
    id.startsWith('PowerPlusWaterMarkObject') ||
    id.startsWith('WordPictureWatermark') ||
    child(shape, 'v:textpath') !== undefined
  );
}

/**
 * Reads a watermark from a VML shape. `image` resolves the picture's relationship id to its part.
 */
export function readWatermark(
  shape: XElement,
  image: (rId: string) => { name: string; contentType: string; data: string } | undefined,
): Watermark | undefined {
  const style = attr(shape, 'style') ?? '';
  const textpath = child(shape, 'v:textpath');
  if (textpath) {
    const text = attr(textpath, 'string') ?? '';
    if (text.trim() === '') return undefined;
    const tpStyle = attr(textpath, 'style') ?? '';
    const font = (cssValue(tpStyle, 'font-family') ?? 'Calibri').replace(/^["']|["']$/g, '');
    const fontSize = cssPoints(cssValue(tpStyle, 'font-size'));
    const fill = child(shape, 'v:fill');
    const opacity = attr(fill, 'opacity');
    const rotation = Number(cssValue(style, 'rotation') ?? 0);
    const angle = ((rotation % 360) + 360) % 360;
    return {
      kind: 'text',
      text,
      font,
      size: fontSize === undefined || fontSize <= 1 ? 'auto' : fontSize,
      color: vmlColor(attr(shape, 'fillcolor')) ?? 'C0C0C0',
      semitransparent: opacity !== undefined && parseOpacity(opacity) < 1,
      layout: angle === 0 ? 'horizontal' : 'diagonal',
    };
  }
  const imagedata = descendants(shape, 'v:imagedata')[0];
  const rId = attr(imagedata, 'r:id') ?? attr(imagedata, 'r:pict');
  const picture = rId ? image(rId) : undefined;
  if (!picture) return undefined;
  return {
    kind: 'picture',
    ...picture,
    width: cssPoints(cssValue(style, 'width')) ?? 432,
    height: cssPoints(cssValue(style, 'height')) ?? 288,
    washout: attr(imagedata, 'gain') !== undefined || attr(imagedata, 'blacklevel') !== undefined,
  };
}

function parseOpacity(v: string): number {
  // VML fractions: '.5', '0.5', or fixed-point '32768f' (out of 65536).
  if (v.endsWith('f')) return Number(v.slice(0, -1)) / 65536;
  return Number(v);
}
