/**
 * xl/styles.xml: cell formats (numFmts, fonts, fills, borders, alignment) as cellXfs indexes, and the
 * differential formats (dxfs) conditional formatting points at. Writing collects the distinct styles
 * of the workbook; reading turns each xf back into the model's partial CellStyle.
 */
import { sortKeys } from '../model/styles.ts';
import type {
  AlignmentStyle,
  BorderLineStyle,
  BorderSide,
  BorderStyle,
  CellStyle,
  CfStyle,
  FontStyle,
  UnderlineStyle,
} from '../model/types.ts';
import { at, el, flag, kid, kids, NS, num, XML_DECL, type XmlNode } from './xml.ts';

/** The built-in number formats (ECMA-376 18.8.30) that have fixed en-US codes. */
export const BUILTIN_NUMFMTS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yyyy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

const DEFAULT_FONT_XML = (name: string, size: number) =>
  el(
    'font',
    {},
    el('sz', { val: size }),
    el('color', { theme: 1 }),
    el('name', { val: name }),
    el('family', { val: 2 }),
    el('scheme', { val: 'minor' }),
  );

const rgb = (c: string) => `FF${c.replace('#', '').toUpperCase()}`;

function fontXml(f: FontStyle, base: { name: string; size: number }): string {
  return el(
    'font',
    {},
    f.bold ? el('b') : undefined,
    f.italic ? el('i') : undefined,
    f.strike ? el('strike') : undefined,
    f.underline ? el('u', f.underline === 'single' ? {} : { val: f.underline }) : undefined,
    el('sz', { val: f.size ?? base.size }),
    f.color ? el('color', { rgb: rgb(f.color) }) : el('color', { theme: 1 }),
    el('name', { val: f.name ?? base.name }),
    el('family', { val: 2 }),
  );
}

function borderSideXml(name: string, side: BorderSide | undefined): string {
  if (!side) return el(name);
  return el(
    name,
    { style: side.style },
    side.color ? el('color', { rgb: rgb(side.color) }) : el('color', { indexed: 64 }),
  );
}

function borderXml(b: BorderStyle): string {
  return el(
    'border',
    {},
    borderSideXml('left', b.left),
    borderSideXml('right', b.right),
    borderSideXml('top', b.top),
    borderSideXml('bottom', b.bottom),
    el('diagonal'),
  );
}

function alignmentAttrs(a: AlignmentStyle): Record<string, string | number | undefined> {
  const rot = a.textRotation;
  return {
    horizontal: a.horizontal,
    vertical: a.vertical,
    wrapText: a.wrapText ? 1 : undefined,
    indent: a.indent || undefined,
    textRotation: rot === undefined || rot === 0 ? undefined : rot < 0 ? 90 - rot : rot,
    shrinkToFit: a.shrinkToFit ? 1 : undefined,
  };
}

/** Collects distinct values and hands out their indexes. */
class Pool {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(initial: string[] = []) {
    for (const i of initial) this.add(i);
  }
  add(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

/** Builds styles.xml while sheets are written: `xf(style)` gives the cellXfs index of a style. */
export class StylesWriter {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts: Pool;
  private readonly fills = new Pool([
    el('fill', {}, el('patternFill', { patternType: 'none' })),
    el('fill', {}, el('patternFill', { patternType: 'gray125' })),
  ]);
  private readonly borders = new Pool([borderXml({})]);
  private readonly xfs: Pool;
  private readonly xfByStyle = new Map<string, number>();
  private readonly dxfs: string[] = [];

  constructor(private readonly defaultFont: { name: string; size: number }) {
    this.fonts = new Pool([DEFAULT_FONT_XML(defaultFont.name, defaultFont.size)]);
    this.xfs = new Pool([el('xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 })]);
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined || code === 'General') return 0;
    if (code === '@') return 49;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  /** The cellXfs index for a cell style (0 for the default). */
  xf(style: CellStyle | undefined): number {
    if (!style || Object.keys(style).length === 0) return 0;
    const key = JSON.stringify(sortKeys(style));
    const hit = this.xfByStyle.get(key);
    if (hit !== undefined) return hit;
    const numFmtId = this.numFmtId(style.numFmt);
    const fontId = style.font ? this.fonts.add(fontXml(style.font, this.defaultFont)) : 0;
    const fillId = style.fill
      ? this.fills.add(
          el(
            'fill',
            {},
            el(
              'patternFill',
              { patternType: 'solid' },
              el('fgColor', { rgb: rgb(style.fill) }),
              el('bgColor', { indexed: 64 }),
            ),
          ),
        )
      : 0;
    const borderId = style.border ? this.borders.add(borderXml(style.border)) : 0;
    const align = style.alignment ? el('alignment', alignmentAttrs(style.alignment)) : undefined;
    const xml = el(
      'xf',
      {
        numFmtId,
        fontId,
        fillId,
        borderId,
        xfId: 0,
        applyNumberFormat: numFmtId ? 1 : undefined,
        applyFont: fontId ? 1 : undefined,
        applyFill: fillId ? 1 : undefined,
        applyBorder: borderId ? 1 : undefined,
        applyAlignment: align ? 1 : undefined,
        quotePrefix: style.quotePrefix ? 1 : undefined,
      },
      align,
    );
    const i = this.xfs.add(xml);
    this.xfByStyle.set(key, i);
    return i;
  }

  /** A differential format for a conditional-format rule; returns its dxfId. */
  dxf(style: CfStyle): number {
    const f = style.font;
    const font = f
      ? el(
          'font',
          {},
          f.bold ? el('b') : undefined,
          f.italic ? el('i') : undefined,
          f.strike ? el('strike') : undefined,
          f.underline ? el('u', f.underline === 'single' ? {} : { val: f.underline }) : undefined,
          f.color ? el('color', { rgb: rgb(f.color) }) : undefined,
        )
      : undefined;
    const numFmt = style.numFmt
      ? el('numFmt', { numFmtId: this.numFmtId(style.numFmt), formatCode: style.numFmt })
      : undefined;
    const fill = style.fill
      ? el('fill', {}, el('patternFill', {}, el('bgColor', { rgb: rgb(style.fill) })))
      : undefined;
    const b = style.border;
    const side = (n: string) =>
      b
        ? el(n, { style: b.style ?? 'thin' }, b.color ? el('color', { rgb: rgb(b.color) }) : undefined)
        : undefined;
    const border = b ? el('border', {}, side('left'), side('right'), side('top'), side('bottom')) : undefined;
    this.dxfs.push(el('dxf', {}, font, numFmt, fill, border));
    return this.dxfs.length - 1;
  }

  toXml(): string {
    const numFmts = [...this.numFmts.entries()].map(([code, id]) =>
      el('numFmt', { numFmtId: id, formatCode: code }),
    );
    return (
      XML_DECL +
      el(
        'styleSheet',
        { xmlns: NS.main },
        numFmts.length ? el('numFmts', { count: numFmts.length }, ...numFmts) : undefined,
        el('fonts', { count: this.fonts.items.length }, ...this.fonts.items),
        el('fills', { count: this.fills.items.length }, ...this.fills.items),
        el('borders', { count: this.borders.items.length }, ...this.borders.items),
        el('cellStyleXfs', { count: 1 }, el('xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 })),
        el('cellXfs', { count: this.xfs.items.length }, ...this.xfs.items),
        el('cellStyles', { count: 1 }, el('cellStyle', { name: 'Normal', xfId: 0, builtinId: 0 })),
        el('dxfs', { count: this.dxfs.length }, ...this.dxfs),
      )
    );
  }
}

// -------------------------------------------------------------------------------------------------
// Reading

export interface ReadStyles {
  /** Model style of each cellXfs entry (undefined for the default look). */
  xfs: (CellStyle | undefined)[];
  dxfs: CfStyle[];
  defaultFont: { name: string; size: number };
}

/** '#RRGGBB' from a <color rgb="AARRGGBB"/>, <color indexed=".."/> or <color theme=".." tint=".."/>. */
function colorOf(node: XmlNode | undefined, theme: string[]): string | undefined {
  const v = at(node, 'rgb');
  if (!v) {
    const idx = num(node, 'indexed');
    if (idx !== undefined) return INDEXED[idx];
    const t = num(node, 'theme');
    const base = t !== undefined ? theme[t] : undefined;
    return base ? applyTint(base, num(node, 'tint') ?? 0) : undefined;
  }
  const hex = v.length === 8 ? v.slice(2) : v;
  return /^[0-9A-Fa-f]{6}$/.test(hex) ? `#${hex.toUpperCase()}` : undefined;
}

/**
 * The theme palette in the order <color theme="n"/> indexes it: lt1, dk1, lt2, dk2, accent1-6, hlink,
 * folHlink (Excel swaps the first two pairs relative to the scheme's element order).
 */
export function themePalette(themeRoot: XmlNode | undefined): string[] {
  const scheme = kid(kid(kid(themeRoot, 'theme'), 'themeElements'), 'clrScheme');
  const colour = (name: string) => {
    const e = kid(scheme, name);
    const srgb = at(kid(e, 'srgbClr'), 'val');
    const sys = at(kid(e, 'sysClr'), 'lastClr');
    const hex = srgb ?? sys;
    return hex && /^[0-9A-Fa-f]{6}$/.test(hex) ? `#${hex.toUpperCase()}` : '';
  };
  return [
    'lt1',
    'dk1',
    'lt2',
    'dk2',
    'accent1',
    'accent2',
    'accent3',
    'accent4',
    'accent5',
    'accent6',
    'hlink',
    'folHlink',
  ].map(colour);
}

/** ECMA-376 tint: lightens (tint > 0) or darkens (tint < 0) a colour's luminance in HSL space. */
function applyTint(hex: string, tint: number): string {
  if (!tint) return hex;
  const n = parseInt(hex.slice(1), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((x) => x / 255) as [number, number, number];
  const max = Math.max(...rgb);
  const min = Math.min(...rgb);
  let l = (max + min) / 2;
  const d = max - min;
  let h = 0;
  let sat = 0;
  if (d !== 0) {
    sat = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    const [r, g, b] = rgb;
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  let out: number[];
  if (sat === 0) out = [l, l, l];
  else {
    const q = l < 0.5 ? l * (1 + sat) : l + sat - l * sat;
    const p = 2 * l - q;
    out = [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  }
  return `#${out
    .map((x) =>
      Math.round(x * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase()}`;
}

/** The legacy palette entries files commonly use. */
const INDEXED: Record<number, string> = {
  2: '#FF0000',
  3: '#00FF00',
  4: '#0000FF',
  5: '#FFFF00',
  6: '#FF00FF',
  7: '#00FFFF',
  8: '#000000',
  9: '#FFFFFF',
  10: '#FF0000',
  11: '#00FF00',
  12: '#0000FF',
  13: '#FFFF00',
};

function readFont(
  f: XmlNode | undefined,
  base: { name: string; size: number },
  theme: string[],
): FontStyle | undefined {
  if (!f) return undefined;
  const out: FontStyle = {};
  const on = (n: string) => {
    const k = kid(f, n);
    return k !== undefined && at(k, 'val') !== '0' && at(k, 'val') !== 'false';
  };
  if (on('b')) out.bold = true;
  if (on('i')) out.italic = true;
  if (on('strike')) out.strike = true;
  const u = kid(f, 'u');
  if (u && at(u, 'val') !== 'none') out.underline = (at(u, 'val') as UnderlineStyle | undefined) ?? 'single';
  const sz = num(kid(f, 'sz'), 'val');
  if (sz !== undefined && sz !== base.size) out.size = sz;
  const name = at(kid(f, 'name'), 'val');
  if (name !== undefined && name !== base.name) out.name = name;
  // Theme text colour 1 (dk1) is the automatic font colour.
  const color =
    at(kid(f, 'color'), 'theme') === '1' && !at(kid(f, 'color'), 'tint')
      ? undefined
      : colorOf(kid(f, 'color'), theme);
  if (color && color !== '#000000') out.color = color;
  return Object.keys(out).length ? out : undefined;
}

function readFill(f: XmlNode | undefined, dxf: boolean, theme: string[]): string | undefined {
  const p = kid(f, 'patternFill');
  if (!p) return undefined;
  const type = at(p, 'patternType');
  if (!dxf && type !== 'solid') return undefined;
  if (dxf && type !== undefined && type !== 'solid') return undefined;
  return dxf
    ? (colorOf(kid(p, 'bgColor'), theme) ?? colorOf(kid(p, 'fgColor'), theme))
    : colorOf(kid(p, 'fgColor'), theme);
}

function readBorder(b: XmlNode | undefined, theme: string[]): BorderStyle | undefined {
  if (!b) return undefined;
  const out: BorderStyle = {};
  for (const side of ['left', 'right', 'top', 'bottom'] as const) {
    const s = kid(b, side);
    const style = at(s, 'style') as BorderLineStyle | undefined;
    if (!style || (style as string) === 'none') continue;
    const color = colorOf(kid(s, 'color'), theme);
    out[side] = color && color !== '#000000' ? { style, color } : { style };
  }
  return Object.keys(out).length ? out : undefined;
}

function readAlignment(a: XmlNode | undefined): AlignmentStyle | undefined {
  if (!a) return undefined;
  const out: AlignmentStyle = {};
  const h = at(a, 'horizontal');
  if (h && h !== 'general') out.horizontal = h as AlignmentStyle['horizontal'];
  const v = at(a, 'vertical');
  if (v && v !== 'bottom') out.vertical = v as AlignmentStyle['vertical'];
  if (flag(a, 'wrapText')) out.wrapText = true;
  const indent = num(a, 'indent');
  if (indent) out.indent = indent;
  const rot = num(a, 'textRotation');
  if (rot) out.textRotation = rot > 90 && rot <= 180 ? 90 - rot : rot;
  if (flag(a, 'shrinkToFit')) out.shrinkToFit = true;
  return Object.keys(out).length ? out : undefined;
}

export function readStyles(root: XmlNode | undefined, theme: string[] = []): ReadStyles {
  const ss = kid(root, 'styleSheet');
  const numFmts = new Map<number, string>();
  for (const n of kids(kid(ss, 'numFmts'), 'numFmt')) {
    const id = num(n, 'numFmtId');
    const code = at(n, 'formatCode');
    if (id !== undefined && code !== undefined) numFmts.set(id, code);
  }
  const fmt = (id: number | undefined) =>
    id === undefined ? undefined : (numFmts.get(id) ?? BUILTIN_NUMFMTS[id]);
  const fontNodes = kids(kid(ss, 'fonts'), 'font');
  const f0 = fontNodes[0];
  const defaultFont = {
    name: at(kid(f0, 'name'), 'val') ?? 'Calibri',
    size: num(kid(f0, 'sz'), 'val') ?? 11,
  };
  const fills = kids(kid(ss, 'fills'), 'fill');
  const borders = kids(kid(ss, 'borders'), 'border');
  const xfs = kids(kid(ss, 'cellXfs'), 'xf').map((x): CellStyle | undefined => {
    const s: CellStyle = {};
    const code = fmt(num(x, 'numFmtId'));
    if (code && code !== 'General') s.numFmt = code;
    const fontId = num(x, 'fontId') ?? 0;
    const font = fontId ? readFont(fontNodes[fontId], defaultFont, theme) : undefined;
    if (font) s.font = font;
    const fill = readFill(fills[num(x, 'fillId') ?? 0], false, theme);
    if (fill) s.fill = fill;
    const border = readBorder(borders[num(x, 'borderId') ?? 0], theme);
    if (border) s.border = border;
    const align = readAlignment(kid(x, 'alignment'));
    if (align) s.alignment = align;
    if (flag(x, 'quotePrefix')) s.quotePrefix = true;
    return Object.keys(s).length ? s : undefined;
  });
  const dxfs = kids(kid(ss, 'dxfs'), 'dxf').map((d): CfStyle => {
    const s: CfStyle = {};
    const font = readFont(kid(d, 'font'), { name: '', size: -1 }, theme);
    if (font) {
      const { bold, italic, underline, strike, color } = font;
      s.font = Object.fromEntries(
        Object.entries({ bold, italic, underline, strike, color }).filter(([, v]) => v !== undefined),
      );
    }
    const fill = readFill(kid(d, 'fill'), true, theme);
    if (fill) s.fill = fill;
    const nf = kid(d, 'numFmt');
    if (nf && at(nf, 'formatCode')) s.numFmt = at(nf, 'formatCode');
    const b = readBorder(kid(d, 'border'), theme);
    const side = b?.left ?? b?.top ?? b?.right ?? b?.bottom;
    if (side) s.border = side.color ? { style: side.style, color: side.color } : { style: side.style };
    return s;
  });
  return { xfs, dxfs, defaultFont };
}
