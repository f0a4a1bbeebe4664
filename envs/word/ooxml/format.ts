/**
 * Character and paragraph properties (w:rPr, w:pPr) in both directions. Elements are written in
 * the order the schema's sequences give (CT_RPr, CT_PPrBase), which Word insists on.
 */
import type {
  Alignment,
  Border,
  CharFormat,
  HighlightColor,
  ParagraphBorders,
  ParagraphFormat,
  UnderlineStyle,
} from '../model/index.ts';
import { HIGHLIGHT_COLORS, UNDERLINE_STYLES } from '../model/index.ts';
import type { XElement } from './xml.ts';
import { attr, child, el, onOff } from './xml.ts';
import {
  fromEighths,
  fromHalfPoints,
  fromLines,
  fromTwips,
  toEighths,
  toHalfPoints,
  toLines,
  toTwips,
} from './units.ts';

const toggle = (name: string, v: boolean | undefined): string | undefined =>
  v === undefined ? undefined : v ? el(name) : el(name, { 'w:val': '0' });

/** Theme font names a document refers to (asciiTheme="minorHAnsi"), read from theme1.xml. */
export interface ThemeFonts {
  major: string;
  minor: string;
}

// ---------------------------------------------------------------------------------------------
// Character properties

export function writeRunProps(f: CharFormat, extra: { rStyle?: string } = {}): string {
  const rStyle = f.charStyle ?? extra.rStyle;
  const parts = [
    rStyle === undefined ? undefined : el('w:rStyle', { 'w:val': rStyle }),
    f.font === undefined
      ? undefined
      : el('w:rFonts', { 'w:ascii': f.font, 'w:hAnsi': f.font, 'w:eastAsia': f.font, 'w:cs': f.font }),
    toggle('w:b', f.bold),
    toggle('w:bCs', f.bold),
    toggle('w:i', f.italic),
    toggle('w:iCs', f.italic),
    toggle('w:caps', f.caps),
    toggle('w:smallCaps', f.smallCaps),
    toggle('w:strike', f.strike),
    toggle('w:dstrike', f.doubleStrike),
    toggle('w:vanish', f.hidden),
    f.color === undefined ? undefined : el('w:color', { 'w:val': f.color }),
    f.size === undefined ? undefined : el('w:sz', { 'w:val': toHalfPoints(f.size) }),
    f.size === undefined ? undefined : el('w:szCs', { 'w:val': toHalfPoints(f.size) }),
    f.highlight === undefined ? undefined : el('w:highlight', { 'w:val': f.highlight }),
    f.underline === undefined ? undefined : el('w:u', { 'w:val': f.underline }),
    f.vertAlign === undefined ? undefined : el('w:vertAlign', { 'w:val': f.vertAlign }),
  ];
  const inner = parts.filter((p) => p !== undefined).join('');
  return inner === '' ? '' : `<w:rPr>${inner}</w:rPr>`;
}

function normalColor(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v.toLowerCase() === 'auto') return 'auto';
  return /^[0-9a-f]{6}$/i.test(v) ? v.toUpperCase() : undefined;
}

const HIGHLIGHT_BY_HEX = new Map<string, HighlightColor>(
  Object.entries(HIGHLIGHT_COLORS).map(([name, hex]) => [hex, name as HighlightColor]),
);

/** Reads w:rPr into a CharFormat (only the properties present). */
export function readRunProps(rPr: XElement | undefined, theme: ThemeFonts): CharFormat {
  const f: CharFormat = {};
  if (!rPr) return f;
  const rStyle = attr(child(rPr, 'w:rStyle'), 'w:val');
  if (rStyle) f.charStyle = rStyle;
  const fonts = child(rPr, 'w:rFonts');
  if (fonts) {
    const themeName = attr(fonts, 'w:asciiTheme') ?? attr(fonts, 'w:hAnsiTheme');
    const font =
      attr(fonts, 'w:ascii') ??
      attr(fonts, 'w:hAnsi') ??
      (themeName ? (themeName.startsWith('major') ? theme.major : theme.minor) : undefined);
    // eastAsia and cs fonts apply to other scripts only; without an ascii font the Latin font is inherited.
    if (font) f.font = font;
  }
  const set = <K extends keyof CharFormat>(key: K, v: CharFormat[K] | undefined): void => {
    if (v !== undefined) f[key] = v;
  };
  set('bold', onOff(child(rPr, 'w:b')));
  set('italic', onOff(child(rPr, 'w:i')));
  set('caps', onOff(child(rPr, 'w:caps')));
  set('smallCaps', onOff(child(rPr, 'w:smallCaps')));
  set('strike', onOff(child(rPr, 'w:strike')));
  set('doubleStrike', onOff(child(rPr, 'w:dstrike')));
  set('hidden', onOff(child(rPr, 'w:vanish')));
  set('color', normalColor(attr(child(rPr, 'w:color'), 'w:val')));
  set('size', fromHalfPoints(attr(child(rPr, 'w:sz'), 'w:val')));
  const highlight = attr(child(rPr, 'w:highlight'), 'w:val');
  if (highlight !== undefined) {
    if (highlight === 'none' || highlight in HIGHLIGHT_COLORS)
      f.highlight = highlight as HighlightColor | 'none';
  } else {
    // Some writers (LibreOffice's "export highlighting as shading") store a highlight as character
    // shading; one of Word's highlight colours reads back as that highlight.
    const fill = normalColor(attr(child(rPr, 'w:shd'), 'w:fill'));
    const name = fill ? HIGHLIGHT_BY_HEX.get(fill) : undefined;
    if (name) f.highlight = name;
  }
  const u = attr(child(rPr, 'w:u'), 'w:val');
  if (u !== undefined) {
    if (u === 'none') f.underline = 'none';
    else if ((UNDERLINE_STYLES as readonly string[]).includes(u)) f.underline = u as UnderlineStyle;
    else f.underline = 'single';
  } else if (child(rPr, 'w:u')) f.underline = 'single';
  const va = attr(child(rPr, 'w:vertAlign'), 'w:val');
  if (va === 'superscript' || va === 'subscript' || va === 'baseline') f.vertAlign = va;
  return f;
}

// ---------------------------------------------------------------------------------------------
// Borders and shading

export function writeBorder(name: string, b: Border): string {
  return el(name, {
    'w:val': b.style,
    'w:sz': toEighths(b.width),
    'w:space': Math.round(b.space),
    'w:color': b.color,
  });
}

export function readBorder(e: XElement | undefined): Border | undefined {
  if (!e) return undefined;
  const style = attr(e, 'w:val') ?? 'single';
  if (style === 'nil' || style === 'none') return undefined;
  return {
    style,
    width: fromEighths(attr(e, 'w:sz')) ?? 0.5,
    color: normalColor(attr(e, 'w:color')) ?? 'auto',
    space: Number(attr(e, 'w:space') ?? 0) || 0,
  };
}

export function writeShading(fill: string): string {
  return el('w:shd', { 'w:val': 'clear', 'w:color': 'auto', 'w:fill': fill });
}

export function readShading(e: XElement | undefined): string | undefined {
  if (!e) return undefined;
  const fill = normalColor(attr(e, 'w:fill'));
  if (fill && fill !== 'auto') return fill;
  // A solid pattern paints with the pattern colour.
  if (attr(e, 'w:val') === 'solid') {
    const color = normalColor(attr(e, 'w:color'));
    if (color && color !== 'auto') return color;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Paragraph properties

const ALIGN_TO_JC: Record<Alignment, string> = {
  left: 'left',
  center: 'center',
  right: 'right',
  justify: 'both',
  distribute: 'distribute',
};
const JC_TO_ALIGN: Record<string, Alignment> = {
  left: 'left',
  start: 'left',
  center: 'center',
  right: 'right',
  end: 'right',
  both: 'justify',
  justify: 'justify',
  distribute: 'distribute',
};

const BORDER_SIDES = ['top', 'left', 'bottom', 'right', 'between'] as const;

/**
 * Writes w:pPr (list membership as w:numPr); `inner` is appended last (the paragraph mark's rPr
 * and a sectPr).
 */
export function writeParagraphProps(
  p: ParagraphFormat,
  inner: { markRPr?: string; sectPr?: string } = {},
): string {
  const spacing: Record<string, string | number | undefined> = {};
  if (p.spaceBefore !== undefined) spacing['w:before'] = toTwips(p.spaceBefore);
  if (p.spaceAfter !== undefined) spacing['w:after'] = toTwips(p.spaceAfter);
  if (p.lineSpacing !== undefined) {
    const rule = p.lineRule ?? 'auto';
    spacing['w:line'] = rule === 'auto' ? toLines(p.lineSpacing) : toTwips(p.lineSpacing);
    spacing['w:lineRule'] = rule;
  }
  const ind: Record<string, string | number | undefined> = {};
  if (p.indentLeft !== undefined) ind['w:left'] = toTwips(p.indentLeft);
  if (p.indentRight !== undefined) ind['w:right'] = toTwips(p.indentRight);
  if (p.indentFirstLine !== undefined) {
    if (p.indentFirstLine < 0) ind['w:hanging'] = toTwips(-p.indentFirstLine);
    else ind['w:firstLine'] = toTwips(p.indentFirstLine);
  }
  const borders = p.borders
    ? BORDER_SIDES.map((side) => {
        const b = p.borders?.[side];
        return b ? writeBorder(`w:${side}`, b) : undefined;
      }).join('')
    : '';
  const parts = [
    p.style === undefined ? undefined : el('w:pStyle', { 'w:val': p.style }),
    toggle('w:keepNext', p.keepNext),
    toggle('w:keepLines', p.keepLines),
    toggle('w:pageBreakBefore', p.pageBreakBefore),
    toggle('w:widowControl', p.widowControl),
    p.list === undefined
      ? undefined
      : el('w:numPr', {}, el('w:ilvl', { 'w:val': p.list.level }), el('w:numId', { 'w:val': p.list.id })),
    borders === '' ? undefined : `<w:pBdr>${borders}</w:pBdr>`,
    p.shading === undefined ? undefined : writeShading(p.shading),
    Object.keys(spacing).length ? el('w:spacing', spacing) : undefined,
    Object.keys(ind).length ? el('w:ind', ind) : undefined,
    toggle('w:contextualSpacing', p.contextualSpacing),
    p.align === undefined ? undefined : el('w:jc', { 'w:val': ALIGN_TO_JC[p.align] }),
    p.outlineLevel === undefined ? undefined : el('w:outlineLvl', { 'w:val': p.outlineLevel }),
    inner.markRPr || undefined,
    inner.sectPr,
  ];
  const content = parts.filter((x) => x !== undefined).join('');
  return content === '' ? '' : `<w:pPr>${content}</w:pPr>`;
}

/** Reads w:pPr (without rPr, sectPr and numbering, which the callers handle). */
export function readParagraphProps(pPr: XElement | undefined): ParagraphFormat {
  const f: ParagraphFormat = {};
  if (!pPr) return f;
  const style = attr(child(pPr, 'w:pStyle'), 'w:val');
  if (style) f.style = style;
  const set = <K extends keyof ParagraphFormat>(key: K, v: ParagraphFormat[K] | undefined): void => {
    if (v !== undefined) f[key] = v;
  };
  set('keepNext', onOff(child(pPr, 'w:keepNext')));
  set('keepLines', onOff(child(pPr, 'w:keepLines')));
  set('pageBreakBefore', onOff(child(pPr, 'w:pageBreakBefore')));
  set('widowControl', onOff(child(pPr, 'w:widowControl')));
  set('contextualSpacing', onOff(child(pPr, 'w:contextualSpacing')));
  const jc = attr(child(pPr, 'w:jc'), 'w:val');
  if (jc !== undefined && JC_TO_ALIGN[jc]) f.align = JC_TO_ALIGN[jc];
  const spacing = child(pPr, 'w:spacing');
  if (spacing) {
    if (attr(spacing, 'w:beforeAutospacing') !== '1')
      set('spaceBefore', fromTwips(attr(spacing, 'w:before')));
    if (attr(spacing, 'w:afterAutospacing') !== '1') set('spaceAfter', fromTwips(attr(spacing, 'w:after')));
    const line = attr(spacing, 'w:line');
    if (line !== undefined) {
      const rule = attr(spacing, 'w:lineRule') ?? 'auto';
      if (rule === 'exact' || rule === 'atLeast') {
        set('lineSpacing', fromTwips(line));
        f.lineRule = rule;
      } else {
        set('lineSpacing', fromLines(line));
        f.lineRule = 'auto';
      }
    }
  }
  const ind = child(pPr, 'w:ind');
  if (ind) {
    set('indentLeft', fromTwips(attr(ind, 'w:left') ?? attr(ind, 'w:start')));
    set('indentRight', fromTwips(attr(ind, 'w:right') ?? attr(ind, 'w:end')));
    const hanging = fromTwips(attr(ind, 'w:hanging'));
    const first = fromTwips(attr(ind, 'w:firstLine'));
    if (hanging !== undefined && hanging !== 0) f.indentFirstLine = -hanging;
    else if (first !== undefined) f.indentFirstLine = first;
    else if (hanging === 0) f.indentFirstLine = 0;
  }
  const outline = attr(child(pPr, 'w:outlineLvl'), 'w:val');
  // Level 9 is "body text" (no outline level).
  if (outline !== undefined && Number(outline) >= 0 && Number(outline) <= 8) f.outlineLevel = Number(outline);
  set('shading', readShading(child(pPr, 'w:shd')));
  const pBdr = child(pPr, 'w:pBdr');
  if (pBdr) {
    const borders: ParagraphBorders = {};
    for (const side of BORDER_SIDES) {
      const b = readBorder(
        child(pBdr, `w:${side}`) ??
          (side === 'left' ? child(pBdr, 'w:start') : side === 'right' ? child(pBdr, 'w:end') : undefined),
      );
      if (b) borders[side] = b;
    }
    if (Object.keys(borders).length) f.borders = borders;
  }
  const numPr = child(pPr, 'w:numPr');
  if (numPr) {
    const numId = Number(attr(child(numPr, 'w:numId'), 'w:val') ?? NaN);
    const ilvl = Number(attr(child(numPr, 'w:ilvl'), 'w:val') ?? 0);
    if (Number.isInteger(numId) && numId > 0)
      f.list = { id: numId, level: Math.min(8, Math.max(0, ilvl || 0)) };
  }
  return f;
}
