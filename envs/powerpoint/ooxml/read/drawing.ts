/** DrawingML readers: colours, fills, outlines, transforms and text bodies, into model values. */
import { applyLuminance, resolveColor } from '../../model/colors.ts';
import { formatOf, normalizeRuns, sameFormat } from '../../model/text.ts';
import { THEME_COLOR_NAMES } from '../../model/types.ts';
import type {
  Align,
  Bullet,
  Color,
  DashStyle,
  Fill,
  Line,
  NumberingScheme,
  Paragraph,
  RunFormat,
  TextBody,
  TextRun,
  Theme,
  ThemeColorName,
} from '../../model/types.ts';
import { child, children, intAttr } from '../xml.ts';
import type { XNode } from '../xml.ts';

/** What colour reading needs: the theme (for colours that cannot stay theme references) and its colour map. */
export type ColorContext = Pick<Theme, 'colors' | 'colorMap'>;

const PRESET_COLORS: Readonly<Record<string, string>> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  gray: '#808080',
  grey: '#808080',
  darkGray: '#A9A9A9',
  lightGray: '#D3D3D3',
  orange: '#FFA500',
  purple: '#800080',
};

const COLOR_ELEMENTS = ['a:srgbClr', 'a:schemeClr', 'a:sysClr', 'a:prstClr', 'a:scrgbClr', 'a:hslClr'];

/** The first colour element inside `node` (a:solidFill, a:fgClr, a:gs…). */
export function colorChild(node: XNode | undefined): XNode | undefined {
  return node?.children.find((c) => COLOR_ELEMENTS.includes(c.name));
}

function pct(node: XNode, name: string): number | undefined {
  const v = intAttr(child(node, name), 'val');
  return v === undefined ? undefined : v / 100000;
}

/** The scheme slot names a file may use, mapped onto the model's theme colour names. */
function schemeName(val: string, ctx: ColorContext): ThemeColorName | null {
  const dark = ctx.colorMap === 'dark';
  const direct: Readonly<Record<string, ThemeColorName>> = dark
    ? { dk1: 'bg1', lt1: 'tx1', dk2: 'bg2', lt2: 'tx2' }
    : { dk1: 'tx1', lt1: 'bg1', dk2: 'tx2', lt2: 'bg2' };
  if (direct[val]) return direct[val];
  return (THEME_COLOR_NAMES as readonly string[]).includes(val) ? (val as ThemeColorName) : null;
}

/**
 * A colour element as a model Color: theme colours stay references when their modifiers are a palette tint
 * or shade ("Lighter 40%", "Darker 25%"); anything else is resolved to RGB under the theme.
 */
export function readColor(
  node: XNode | undefined,
  ctx: ColorContext,
): { color: Color; alpha?: number } | null {
  if (!node) return null;
  const alphaVal = pct(node, 'a:alpha');
  const alpha = alphaVal === undefined ? undefined : Math.round(alphaVal * 100);
  const withAlpha = (color: Color): { color: Color; alpha?: number } =>
    alpha === undefined ? { color } : { color, alpha };
  let rgb: string | null = null;
  switch (node.name) {
    case 'a:srgbClr':
      rgb = /^[0-9a-f]{6}$/i.test(node.attrs.val ?? '') ? `#${node.attrs.val!.toUpperCase()}` : '#000000';
      break;
    case 'a:sysClr':
      rgb = /^[0-9a-f]{6}$/i.test(node.attrs.lastClr ?? '')
        ? `#${node.attrs.lastClr!.toUpperCase()}`
        : node.attrs.val === 'window'
          ? '#FFFFFF'
          : '#000000';
      break;
    case 'a:prstClr':
      rgb = PRESET_COLORS[node.attrs.val ?? ''] ?? '#000000';
      break;
    case 'a:schemeClr': {
      const name = schemeName(node.attrs.val ?? '', ctx);
      if (!name) return withAlpha('#000000');
      const lumMod = pct(node, 'a:lumMod') ?? 1;
      const lumOff = pct(node, 'a:lumOff') ?? 0;
      const round = (v: number): number => Math.round(v * 100);
      if (lumMod === 1 && lumOff === 0) return withAlpha(name);
      if (lumOff > 0 && Math.abs(lumMod + lumOff - 1) < 0.001 && round(lumOff) > 0 && round(lumOff) < 100) {
        return withAlpha(`${name}/lighter${round(lumOff)}`);
      }
      if (lumOff === 0 && lumMod < 1 && round(1 - lumMod) > 0)
        return withAlpha(`${name}/darker${round(1 - lumMod)}`);
      return withAlpha(applyLuminance(resolveColor(name, ctx), lumMod, lumOff));
    }
    default:
      rgb = '#000000';
  }
  const lumMod = pct(node, 'a:lumMod');
  const lumOff = pct(node, 'a:lumOff');
  if (lumMod !== undefined || lumOff !== undefined) rgb = applyLuminance(rgb, lumMod ?? 1, lumOff ?? 0);
  return withAlpha(rgb);
}

const FILL_ELEMENTS = ['a:noFill', 'a:solidFill', 'a:gradFill', 'a:pattFill', 'a:blipFill', 'a:grpFill'];

/** The fill element among a node's children (spPr, bgPr, tcPr), as a model Fill; undefined when there is none. */
export function readFill(parent: XNode | undefined, ctx: ColorContext): Fill | undefined {
  const node = parent?.children.find((c) => FILL_ELEMENTS.includes(c.name));
  if (!node) return undefined;
  switch (node.name) {
    case 'a:noFill':
      return { type: 'none' };
    case 'a:solidFill': {
      const c = readColor(colorChild(node), ctx) ?? { color: '#000000' };
      const fill: Fill = { type: 'solid', color: c.color };
      if (c.alpha !== undefined && c.alpha < 100) fill.transparency = 100 - c.alpha;
      return fill;
    }
    case 'a:gradFill': {
      const stops = children(child(node, 'a:gsLst'), 'a:gs').map((gs) => ({
        position: Math.round((intAttr(gs, 'pos') ?? 0) / 1000),
        color: readColor(colorChild(gs), ctx)?.color ?? '#000000',
      }));
      const path = child(node, 'a:path')?.attrs.path;
      const gradientType =
        path === 'circle' ? 'radial' : path === 'rect' ? 'rectangular' : path ? 'path' : 'linear';
      const angle = Math.round(((intAttr(child(node, 'a:lin'), 'ang') ?? 0) / 60000) * 100) / 100;
      if (stops.length < 2) return stops[0] ? { type: 'solid', color: stops[0].color } : undefined;
      return { type: 'gradient', gradientType, angle, stops };
    }
    case 'a:pattFill':
      return {
        type: 'pattern',
        pattern: node.attrs.prst ?? 'pct5',
        foreground: readColor(colorChild(child(node, 'a:fgClr')), ctx)?.color ?? '#000000',
        background: readColor(colorChild(child(node, 'a:bgClr')), ctx)?.color ?? '#FFFFFF',
      };
    default:
      // Picture and group fills have no model equivalent; a light grey stands in for what they show.
      return { type: 'solid', color: '#D9D9D9' };
  }
}

const DASHES: Readonly<Record<string, DashStyle>> = {
  solid: 'solid',
  dash: 'dash',
  dot: 'dot',
  dashDot: 'dashDot',
  lgDash: 'longDash',
  lgDashDot: 'longDashDot',
  sysDash: 'sysDash',
  sysDot: 'sysDot',
};

/** a:ln as a model Line; undefined when the outline is not set (or set without a colour of its own). */
export function readLine(ln: XNode | undefined, ctx: ColorContext): Line | undefined {
  if (!ln) return undefined;
  if (child(ln, 'a:noFill')) return { type: 'none' };
  const fill = readFill(ln, ctx);
  if (!fill || fill.type !== 'solid') return undefined;
  const width = Math.round(((intAttr(ln, 'w') ?? 9525) / 12700) * 100) / 100;
  if (width <= 0) return { type: 'none' };
  const line: Line = { type: 'solid', color: fill.color, width };
  const dash = DASHES[child(ln, 'a:prstDash')?.attrs.val ?? 'solid'];
  if (dash && dash !== 'solid') line.dash = dash;
  return line;
}

export interface Xfrm {
  x: number;
  y: number;
  width: number;
  height: number;
  rotation?: number;
  /** Group transforms: the child coordinate space. */
  childX?: number;
  childY?: number;
  childWidth?: number;
  childHeight?: number;
}

export function readXfrm(node: XNode | undefined): Xfrm | undefined {
  if (!node) return undefined;
  const off = child(node, 'a:off');
  const ext = child(node, 'a:ext');
  if (!off || !ext) return undefined;
  const out: Xfrm = {
    x: intAttr(off, 'x') ?? 0,
    y: intAttr(off, 'y') ?? 0,
    width: Math.max(0, intAttr(ext, 'cx') ?? 0),
    height: Math.max(0, intAttr(ext, 'cy') ?? 0),
  };
  const rot = intAttr(node, 'rot');
  if (rot) {
    const deg = Math.round((((rot / 60000) % 360) + 360) % 360);
    if (deg !== 0) out.rotation = deg;
  }
  const chOff = child(node, 'a:chOff');
  const chExt = child(node, 'a:chExt');
  if (chOff && chExt) {
    out.childX = intAttr(chOff, 'x') ?? 0;
    out.childY = intAttr(chOff, 'y') ?? 0;
    out.childWidth = intAttr(chExt, 'cx') ?? 0;
    out.childHeight = intAttr(chExt, 'cy') ?? 0;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------- text

/** Run properties (a:rPr, a:endParaRPr, a:defRPr) as a model RunFormat. */
export function readRunFormat(rPr: XNode | undefined, ctx: ColorContext): RunFormat {
  const f: RunFormat = {};
  if (!rPr) return f;
  const sz = intAttr(rPr, 'sz');
  if (sz !== undefined && sz > 0) f.size = sz / 100;
  const flag = (name: string): boolean | undefined => {
    const v = rPr.attrs[name];
    return v === undefined ? undefined : v === '1' || v === 'true';
  };
  const b = flag('b');
  if (b !== undefined) f.bold = b;
  const i = flag('i');
  if (i !== undefined) f.italic = i;
  const u = rPr.attrs.u;
  if (u !== undefined) f.underline = u !== 'none';
  const strike = rPr.attrs.strike;
  if (strike !== undefined) f.strike = strike !== 'noStrike';
  const fill = readFill(rPr, ctx);
  if (fill?.type === 'solid') f.color = fill.color;
  else if (fill?.type === 'gradient') f.color = fill.stops[0]!.color;
  const latin = child(rPr, 'a:latin')?.attrs.typeface;
  if (latin) f.font = latin;
  return f;
}

const ALIGN: Readonly<Record<string, Align>> = {
  l: 'left',
  ctr: 'center',
  r: 'right',
  just: 'justify',
  dist: 'justify',
};

const SCHEMES: readonly NumberingScheme[] = [
  'arabicPeriod',
  'arabicParenR',
  'romanUcPeriod',
  'romanLcPeriod',
  'alphaUcPeriod',
  'alphaLcPeriod',
  'alphaLcParenR',
];

/**
 * a:buNone / a:buChar / a:buAutoNum. `defaultFont` is the bullet font left unstated in the model (writers put
 * Arial on character bullets that name no font).
 */
export function readBullet(pPr: XNode | undefined, defaultFont: string | null = 'Arial'): Bullet | undefined {
  if (!pPr) return undefined;
  if (child(pPr, 'a:buNone')) return { type: 'none' };
  const char = child(pPr, 'a:buChar')?.attrs.char;
  if (char) {
    const font = child(pPr, 'a:buFont')?.attrs.typeface;
    const b: Bullet = { type: 'char', char: [...char][0]! };
    if (font && font !== defaultFont) b.font = font;
    return b;
  }
  const num = child(pPr, 'a:buAutoNum');
  if (num) {
    const type = num.attrs.type ?? 'arabicPeriod';
    const b: Bullet = {
      type: 'number',
      scheme: (SCHEMES as readonly string[]).includes(type) ? (type as NumberingScheme) : 'arabicPeriod',
    };
    const startAt = intAttr(num, 'startAt');
    if (startAt !== undefined && startAt > 1) b.startAt = startAt;
    return b;
  }
  return undefined;
}

function spacingPoints(node: XNode | undefined): number | undefined {
  const pts = intAttr(child(node, 'a:spcPts'), 'val');
  return pts === undefined ? undefined : pts / 100;
}

function readParagraph(p: XNode, ctx: ColorContext): Paragraph {
  const pPr = child(p, 'a:pPr');
  const level = Math.min(8, Math.max(0, intAttr(pPr, 'lvl') ?? 0));
  const para: Paragraph = { runs: [], level };
  const algn = pPr?.attrs.algn;
  if (algn && ALIGN[algn]) para.align = ALIGN[algn];
  const bullet = readBullet(pPr);
  if (bullet) para.bullet = bullet;
  const lnPct = intAttr(child(child(pPr, 'a:lnSpc'), 'a:spcPct'), 'val');
  if (lnPct !== undefined && lnPct > 0) para.lineSpacing = Math.round(lnPct / 1000) / 100;
  const before = spacingPoints(child(pPr, 'a:spcBef'));
  if (before !== undefined) para.spaceBefore = before;
  const after = spacingPoints(child(pPr, 'a:spcAft'));
  if (after !== undefined) para.spaceAfter = after;
  const runs: TextRun[] = [];
  for (const c of p.children) {
    if (c.name === 'a:r') {
      runs.push({ text: textOf(child(c, 'a:t')), ...readRunFormat(child(c, 'a:rPr'), ctx) });
    } else if (c.name === 'a:br') {
      // A line break shows no glyph, so its own formatting is noise: it takes the text's before it.
      const prev = runs[runs.length - 1];
      const fmt = prev ? formatOf(prev) : readRunFormat(child(c, 'a:rPr'), ctx);
      runs.push({ text: '\v', ...fmt });
    } else if (c.name === 'a:fld') {
      const run: TextRun = { text: textOf(child(c, 'a:t')), ...readRunFormat(child(c, 'a:rPr'), ctx) };
      if (c.attrs.type) run.field = c.attrs.type;
      runs.push(run);
    }
  }
  para.runs = runs;
  const end = readRunFormat(child(p, 'a:endParaRPr'), ctx);
  const last = runs[runs.length - 1];
  // The paragraph mark usually repeats the last run's formatting; keep it only when it says something new.
  if (Object.keys(end).length > 0 && !(last && sameFormat(last, end))) para.endFormat = end;
  normalizeRuns(para);
  return para;
}

/** Character data of a:t, with the tab and line-feed characters PowerPoint keeps as they are. */
function textOf(t: XNode | undefined): string {
  return (t?.text ?? '').replace(/\r\n?/g, '\n').replace(/\n/g, '\v');
}

/** A text body (p:txBody / a:txBody) as a model TextBody. */
export function readTextBody(txBody: XNode | undefined, ctx: ColorContext): TextBody {
  const paragraphs = children(txBody, 'a:p').map((p) => readParagraph(p, ctx));
  const body: TextBody = { paragraphs: paragraphs.length > 0 ? paragraphs : [{ runs: [], level: 0 }] };
  const bodyPr = child(txBody, 'a:bodyPr');
  if (bodyPr) {
    const anchor = bodyPr.attrs.anchor;
    if (anchor === 't') body.anchor = 'top';
    else if (anchor === 'ctr') body.anchor = 'middle';
    else if (anchor === 'b') body.anchor = 'bottom';
    if (bodyPr.attrs.wrap === 'square') body.wrap = true;
    else if (bodyPr.attrs.wrap === 'none') body.wrap = false;
    if (child(bodyPr, 'a:spAutoFit')) body.autofit = 'resize';
    else if (child(bodyPr, 'a:normAutofit')) body.autofit = 'shrink';
    else if (child(bodyPr, 'a:noAutofit')) body.autofit = 'none';
    const vert = bodyPr.attrs.vert;
    if (vert && vert !== 'horz') body.vertical = true;
  }
  return body;
}
