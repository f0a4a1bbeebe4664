/** DrawingML writers: colours, fills, outlines, transforms and text bodies. */
import { themeColorParts } from '../../model/colors.ts';
import type {
  Bullet,
  Color,
  Fill,
  Line,
  Paragraph,
  RunFormat,
  TextBody,
  TextRun,
} from '../../model/types.ts';
import { el, escapeText } from '../xml.ts';

const PCT = 1000; // DrawingML percentages are in 1000ths of a percent

export function colorXml(color: Color, alphaPct?: number): string {
  const alpha =
    alphaPct !== undefined && alphaPct < 100 ? el('a:alpha', { val: Math.round(alphaPct * PCT) }) : '';
  if (color.startsWith('#')) return el('a:srgbClr', { val: color.slice(1) }, alpha);
  const parts = themeColorParts(color);
  if (!parts) return el('a:srgbClr', { val: '000000' });
  const mods =
    (parts.lumMod !== 1 ? el('a:lumMod', { val: Math.round(parts.lumMod * 100 * PCT) }) : '') +
    (parts.lumOff !== 0 ? el('a:lumOff', { val: Math.round(parts.lumOff * 100 * PCT) }) : '');
  return el('a:schemeClr', { val: parts.name }, mods, alpha);
}

export function fillXml(fill: Fill | undefined): string {
  if (!fill) return '';
  switch (fill.type) {
    case 'none':
      return el('a:noFill');
    case 'solid':
      return el(
        'a:solidFill',
        {},
        colorXml(fill.color, fill.transparency === undefined ? undefined : 100 - fill.transparency),
      );
    case 'gradient': {
      const stops = fill.stops
        .map((s) => el('a:gs', { pos: Math.round(s.position * PCT) }, colorXml(s.color)))
        .join('');
      const shade =
        fill.gradientType === 'linear'
          ? el('a:lin', { ang: Math.round(fill.angle * 60000), scaled: 0 })
          : el(
              'a:path',
              {
                path:
                  fill.gradientType === 'radial'
                    ? 'circle'
                    : fill.gradientType === 'rectangular'
                      ? 'rect'
                      : 'shape',
              },
              el('a:fillToRect', { l: 50000, t: 50000, r: 50000, b: 50000 }),
            );
      return el('a:gradFill', { rotWithShape: 1 }, el('a:gsLst', {}, stops), shade);
    }
    case 'pattern':
      return el(
        'a:pattFill',
        { prst: fill.pattern },
        el('a:fgClr', {}, colorXml(fill.foreground)),
        el('a:bgClr', {}, colorXml(fill.background)),
      );
  }
}

const DASH: Readonly<Record<string, string>> = {
  dash: 'dash',
  dot: 'dot',
  dashDot: 'dashDot',
  longDash: 'lgDash',
  longDashDot: 'lgDashDot',
  sysDash: 'sysDash',
  sysDot: 'sysDot',
};

export function lineXml(line: Line | undefined): string {
  if (!line) return '';
  if (line.type === 'none') return el('a:ln', {}, el('a:noFill'));
  return el(
    'a:ln',
    { w: Math.round(line.width * 12700) },
    el('a:solidFill', {}, colorXml(line.color)),
    line.dash ? el('a:prstDash', { val: DASH[line.dash] }) : '',
  );
}

export function xfrmXml(
  s: { x: number; y: number; width: number; height: number; rotation?: number },
  tag = 'a:xfrm',
): string {
  return el(
    tag,
    { rot: s.rotation ? Math.round(s.rotation * 60000) : undefined },
    el('a:off', { x: s.x, y: s.y }),
    el('a:ext', { cx: s.width, cy: s.height }),
  );
}

export function bodyPrXml(
  body: TextBody,
  defaults: { wrap?: boolean; autofit?: TextBody['autofit'] } = {},
): string {
  const anchor =
    body.anchor === 'middle'
      ? 'ctr'
      : body.anchor === 'bottom'
        ? 'b'
        : body.anchor === 'top'
          ? 't'
          : undefined;
  const wrap = body.wrap ?? defaults.wrap;
  const autofit = body.autofit ?? defaults.autofit;
  const fit =
    autofit === 'resize'
      ? el('a:spAutoFit')
      : autofit === 'shrink'
        ? el('a:normAutofit')
        : autofit === 'none'
          ? el('a:noAutofit')
          : '';
  return el(
    'a:bodyPr',
    {
      vert: body.vertical ? 'vert' : undefined,
      wrap: wrap === undefined ? undefined : wrap ? 'square' : 'none',
      rtlCol: 0,
      anchor,
    },
    fit,
  );
}

export function runPropsXml(tag: 'a:rPr' | 'a:endParaRPr' | 'a:defRPr', f: RunFormat | undefined): string {
  const fmt = f ?? {};
  return el(
    tag,
    {
      lang: tag === 'a:defRPr' ? undefined : 'en-US',
      sz: fmt.size === undefined ? undefined : Math.round(fmt.size * 100),
      b: fmt.bold,
      i: fmt.italic,
      u: fmt.underline === undefined ? undefined : fmt.underline ? 'sng' : 'none',
      strike: fmt.strike === undefined ? undefined : fmt.strike ? 'sngStrike' : 'noStrike',
      dirty: tag === 'a:defRPr' ? undefined : 0,
    },
    fmt.color ? el('a:solidFill', {}, colorXml(fmt.color)) : '',
    fmt.font ? el('a:latin', { typeface: fmt.font }) + el('a:cs', { typeface: fmt.font }) : '',
  );
}

function bulletXml(b: Bullet | undefined): string {
  if (!b) return '';
  if (b.type === 'none') return el('a:buNone');
  if (b.type === 'char')
    return el('a:buFont', { typeface: b.font ?? 'Arial' }) + el('a:buChar', { char: b.char });
  return el('a:buAutoNum', { type: b.scheme, startAt: b.startAt });
}

/** Indent PowerPoint gives a bulleted paragraph outside placeholders (0.31" hanging, per level). */
const BULLET_INDENT = 285750;

function paragraphPropsXml(p: Paragraph, explicitIndent: boolean): string {
  const algn =
    p.align === 'center'
      ? 'ctr'
      : p.align === 'right'
        ? 'r'
        : p.align === 'justify'
          ? 'just'
          : p.align === 'left'
            ? 'l'
            : undefined;
  const bulleted = explicitIndent && p.bullet !== undefined && p.bullet.type !== 'none';
  return el(
    'a:pPr',
    {
      marL: bulleted ? BULLET_INDENT * (p.level + 1) : undefined,
      lvl: p.level > 0 ? p.level : undefined,
      indent: bulleted ? -BULLET_INDENT : undefined,
      algn,
    },
    p.lineSpacing !== undefined
      ? el('a:lnSpc', {}, el('a:spcPct', { val: Math.round(p.lineSpacing * 100 * PCT) }))
      : '',
    p.spaceBefore !== undefined
      ? el('a:spcBef', {}, el('a:spcPts', { val: Math.round(p.spaceBefore * 100) }))
      : '',
    p.spaceAfter !== undefined
      ? el('a:spcAft', {}, el('a:spcPts', { val: Math.round(p.spaceAfter * 100) }))
      : '',
    bulletXml(p.bullet),
  );
}

/** Field ids must be GUIDs; derive stable ones so exports stay reproducible. */
function fieldId(n: number): string {
  return `{B6F15528-21DE-4FAA-801E-${n.toString(16).toUpperCase().padStart(12, '0')}}`;
}

function runXml(run: TextRun, fieldCounter: { n: number }): string {
  if (run.field !== undefined) {
    return el(
      'a:fld',
      { id: fieldId(++fieldCounter.n), type: run.field },
      runPropsXml('a:rPr', run),
      el('a:t', {}, escapeText(run.text)),
    );
  }
  // "\v" is a line break inside the paragraph (a:br).
  return run.text
    .split('\v')
    .map(
      (piece, i) =>
        (i > 0 ? el('a:br', {}, runPropsXml('a:rPr', run)) : '') +
        (piece ? el('a:r', {}, runPropsXml('a:rPr', run), el('a:t', {}, escapeText(piece))) : ''),
    )
    .join('');
}

export function paragraphsXml(body: TextBody, options: { explicitIndent?: boolean } = {}): string {
  const counter = { n: 0 };
  return body.paragraphs
    .map((p) =>
      el(
        'a:p',
        {},
        paragraphPropsXml(p, options.explicitIndent ?? false),
        p.runs.map((r) => runXml(r, counter)).join(''),
        runPropsXml(
          'a:endParaRPr',
          p.endFormat ?? (p.runs[p.runs.length - 1] ? pickFormat(p.runs[p.runs.length - 1]!) : undefined),
        ),
      ),
    )
    .join('');
}

function pickFormat(r: TextRun): RunFormat {
  const { text: _text, field: _field, ...f } = r;
  return f;
}

/** p:txBody / a:txBody: bodyPr, an empty list style, paragraphs. */
export function txBodyXml(
  tag: 'p:txBody' | 'a:txBody',
  body: TextBody,
  defaults: { wrap?: boolean; autofit?: TextBody['autofit']; explicitIndent?: boolean } = {},
): string {
  return el(
    tag,
    {},
    bodyPrXml(body, defaults),
    el('a:lstStyle'),
    paragraphsXml(body, { explicitIndent: defaults.explicitIndent ?? false }),
  );
}
