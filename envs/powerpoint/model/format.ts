/**
 * Effective formatting: what a run or paragraph looks like once direct formatting, the layout placeholder, the
 * master's text styles and the theme are combined (PowerPoint's inheritance chain, simplified to the levels
 * this model keeps).
 */
import { resolveColor } from './colors.ts';
import type {
  Align,
  Bullet,
  Color,
  LayoutPlaceholder,
  Paragraph,
  Presentation,
  RunFormat,
  Shape,
  Slide,
  TableShape,
} from './types.ts';

export interface TextContext {
  slide: Slide;
  shape: Shape;
  cell?: { row: number; col: number };
}

export interface EffectiveRunFormat {
  font: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  /** The colour as stored (theme reference or RGB). */
  color: Color;
  /** The colour as shown, #RRGGBB. */
  rgb: string;
}

interface Defaults {
  font: 'major' | 'minor' | string;
  size: number;
  bold: boolean;
  color: Color;
  align: Align;
  bullet: Bullet;
}

const NO_BULLET: Bullet = { type: 'none' };

/** The layout placeholder a slide placeholder inherits from (matched by idx, or by type for titles). */
export function layoutPlaceholderFor(
  pres: Presentation,
  slide: Slide,
  shape: Shape,
): LayoutPlaceholder | undefined {
  if (!('placeholder' in shape) || !shape.placeholder) return undefined;
  const layout = pres.master.layouts.find((l) => l.name === slide.layout);
  if (!layout) return undefined;
  const ref = shape.placeholder;
  const isTitle = ref.type === 'title' || ref.type === 'ctrTitle';
  return layout.placeholders.find((lp) =>
    isTitle
      ? lp.type === 'title' || lp.type === 'ctrTitle'
      : lp.idx === ref.idx && lp.type !== 'title' && lp.type !== 'ctrTitle',
  );
}

function defaultsFor(pres: Presentation, ctx: TextContext, level: number): Defaults {
  const { shape } = ctx;
  const styles = pres.master.textStyles;
  const other = {
    font: 'minor',
    size: styles.other.size,
    bold: false,
    color: 'tx1',
    align: 'left' as Align,
    bullet: NO_BULLET,
  };
  switch (shape.kind) {
    case 'textbox':
      return other;
    case 'shape':
      return { ...other, color: 'bg1', align: 'center' };
    case 'table':
      return { ...other, ...tableCellDefaults(shape, ctx.cell) };
    case 'picture':
      return other;
    case 'placeholder':
      break;
  }
  const type = shape.placeholder.type;
  const lp = layoutPlaceholderFor(pres, ctx.slide, shape);
  const ts = lp?.textStyle ?? {};
  if (type === 'title' || type === 'ctrTitle') {
    const t = styles.title;
    return {
      font: t.font,
      size: ts.size ?? t.size,
      bold: ts.bold ?? t.bold,
      color: t.color,
      align: ts.align ?? t.align,
      bullet: NO_BULLET,
    };
  }
  if (type === 'dt' || type === 'ftr' || type === 'sldNum') {
    return {
      ...other,
      size: 12,
      color: 'tx1/lighter50',
      align: type === 'ftr' ? 'center' : type === 'sldNum' ? 'right' : 'left',
    };
  }
  const lv = styles.body[Math.min(level, styles.body.length - 1)]!;
  return {
    font: styles.bodyFont,
    size: level === 0 && ts.size !== undefined ? ts.size : lv.size,
    bold: ts.bold ?? false,
    color: styles.bodyColor,
    align: ts.align ?? 'left',
    bullet: ts.noBullets || type === 'subTitle' ? NO_BULLET : lv.bullet,
  };
}

/** Header rows of the dark-header table styles show bold white text. */
function tableCellDefaults(
  shape: TableShape,
  cell: { row: number; col: number } | undefined,
): Partial<Defaults> {
  const t = shape.table;
  const header = t.firstRow && cell?.row === 0 && /^(Medium|Dark) Style/.test(t.style);
  return header ? { bold: true, color: 'bg1' } : {};
}

function fontName(pres: Presentation, font: string): string {
  if (font === 'major' || font === '+mj-lt') return pres.theme.fonts.major;
  if (font === 'minor' || font === '+mn-lt') return pres.theme.fonts.minor;
  return font;
}

export function effectiveRunFormat(
  pres: Presentation,
  ctx: TextContext,
  paragraph: Paragraph,
  run: RunFormat,
): EffectiveRunFormat {
  const d = defaultsFor(pres, ctx, paragraph.level);
  const color = run.color ?? d.color;
  return {
    font: fontName(pres, run.font ?? d.font),
    size: run.size ?? d.size,
    bold: run.bold ?? d.bold,
    italic: run.italic ?? false,
    underline: run.underline ?? false,
    strike: run.strike ?? false,
    color,
    rgb: resolveColor(color, pres.theme),
  };
}

export function effectiveAlign(pres: Presentation, ctx: TextContext, paragraph: Paragraph): Align {
  return paragraph.align ?? defaultsFor(pres, ctx, paragraph.level).align;
}

export function effectiveBullet(pres: Presentation, ctx: TextContext, paragraph: Paragraph): Bullet {
  return paragraph.bullet ?? defaultsFor(pres, ctx, paragraph.level).bullet;
}
