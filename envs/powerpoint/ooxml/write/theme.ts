/** ppt/theme/themeN.xml: colour scheme, font scheme and the standard format scheme. */
import type { Theme } from '../../model/types.ts';
import { el, NS } from '../xml.ts';

const SLOTS = [
  'dk1',
  'lt1',
  'dk2',
  'lt2',
  'accent1',
  'accent2',
  'accent3',
  'accent4',
  'accent5',
  'accent6',
  'hlink',
  'folHlink',
] as const;

const ph = (mods = ''): string => `<a:schemeClr val="phClr">${mods}</a:schemeClr>`;

/** The format scheme of Office 2013+ themes: flat fills, 2-layer gradients, thin lines, no effects. */
const FORMAT_SCHEME =
  '<a:fmtScheme name="Office">' +
  '<a:fillStyleLst>' +
  `<a:solidFill>${ph()}</a:solidFill>` +
  `<a:gradFill rotWithShape="1"><a:gsLst><a:gs pos="0">${ph('<a:lumMod val="110000"/><a:satMod val="105000"/><a:tint val="67000"/>')}</a:gs><a:gs pos="50000">${ph('<a:lumMod val="105000"/><a:satMod val="103000"/><a:tint val="73000"/>')}</a:gs><a:gs pos="100000">${ph('<a:lumMod val="105000"/><a:satMod val="109000"/><a:tint val="81000"/>')}</a:gs></a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill>` +
  `<a:gradFill rotWithShape="1"><a:gsLst><a:gs pos="0">${ph('<a:satMod val="103000"/><a:lumMod val="102000"/><a:tint val="94000"/>')}</a:gs><a:gs pos="50000">${ph('<a:satMod val="110000"/><a:lumMod val="100000"/><a:shade val="100000"/>')}</a:gs><a:gs pos="100000">${ph('<a:lumMod val="99000"/><a:satMod val="120000"/><a:shade val="78000"/>')}</a:gs></a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill>` +
  '</a:fillStyleLst>' +
  '<a:lnStyleLst>' +
  [6350, 12700, 19050]
    .map(
      (w) =>
        `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill>${ph()}</a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`,
    )
    .join('') +
  '</a:lnStyleLst>' +
  '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>' +
  '<a:effectStyle><a:effectLst><a:outerShdw blurRad="57150" dist="19050" dir="5400000" algn="ctr" rotWithShape="0"><a:srgbClr val="000000"><a:alpha val="63000"/></a:srgbClr></a:outerShdw></a:effectLst></a:effectStyle></a:effectStyleLst>' +
  '<a:bgFillStyleLst>' +
  `<a:solidFill>${ph()}</a:solidFill>` +
  `<a:solidFill>${ph('<a:tint val="95000"/><a:satMod val="170000"/>')}</a:solidFill>` +
  `<a:gradFill rotWithShape="1"><a:gsLst><a:gs pos="0">${ph('<a:tint val="93000"/><a:satMod val="150000"/><a:shade val="98000"/><a:lumMod val="102000"/>')}</a:gs><a:gs pos="50000">${ph('<a:tint val="98000"/><a:satMod val="130000"/><a:shade val="90000"/><a:lumMod val="103000"/>')}</a:gs><a:gs pos="100000">${ph('<a:shade val="63000"/><a:satMod val="120000"/>')}</a:gs></a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill>` +
  '</a:bgFillStyleLst>' +
  '</a:fmtScheme>';

function fontXml(tag: 'a:majorFont' | 'a:minorFont', typeface: string): string {
  return el(tag, {}, el('a:latin', { typeface }), el('a:ea', { typeface: '' }), el('a:cs', { typeface: '' }));
}

export function themeXml(theme: Theme): string {
  const colors = SLOTS.map((slot) => {
    const value = theme.colors[slot].slice(1);
    // dk1/lt1 are written as system colours, as Office does, with the value as lastClr.
    if (slot === 'dk1' && value === '000000')
      return el('a:dk1', {}, el('a:sysClr', { val: 'windowText', lastClr: value }));
    if (slot === 'lt1' && value === 'FFFFFF')
      return el('a:lt1', {}, el('a:sysClr', { val: 'window', lastClr: value }));
    return el(`a:${slot}`, {}, el('a:srgbClr', { val: value }));
  }).join('');
  return el(
    'a:theme',
    { 'xmlns:a': NS.a, name: theme.name },
    el(
      'a:themeElements',
      {},
      el('a:clrScheme', { name: theme.colors.name }, colors),
      el(
        'a:fontScheme',
        { name: theme.fonts.name },
        fontXml('a:majorFont', theme.fonts.major),
        fontXml('a:minorFont', theme.fonts.minor),
      ),
      FORMAT_SCHEME,
    ),
    el('a:objectDefaults'),
    el('a:extraClrSchemeLst'),
  );
}
