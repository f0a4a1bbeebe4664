/** The slide master, its layouts and the notes master. */
import type {
  Bullet,
  LayoutPlaceholder,
  MasterTextStyles,
  Presentation,
  SlideLayout,
} from '../../model/types.ts';
import { el, PML_NAMESPACES } from '../xml.ts';
import { colorXml, fillXml, xfrmXml } from './drawing.ts';

export const GROUP_PROPS =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
  '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';

export function clrMapXml(tag: 'p:clrMap', dark: boolean): string {
  return el(tag, {
    bg1: dark ? 'dk1' : 'lt1',
    tx1: dark ? 'lt1' : 'dk1',
    bg2: dark ? 'dk2' : 'lt2',
    tx2: dark ? 'lt2' : 'dk2',
    accent1: 'accent1',
    accent2: 'accent2',
    accent3: 'accent3',
    accent4: 'accent4',
    accent5: 'accent5',
    accent6: 'accent6',
    hlink: 'hlink',
    folHlink: 'folHlink',
  });
}

const FONT_REF = { major: '+mj', minor: '+mn' } as const;

function defRPr(size: number, font: 'major' | 'minor', color: string, bold = false): string {
  const f = FONT_REF[font];
  return el(
    'a:defRPr',
    { sz: Math.round(size * 100), b: bold ? 1 : undefined, kern: 1200 },
    el('a:solidFill', {}, colorXml(color)),
    el('a:latin', { typeface: `${f}-lt` }),
    el('a:ea', { typeface: `${f}-ea` }),
    el('a:cs', { typeface: `${f}-cs` }),
  );
}

function bulletXml(b: Bullet): string {
  if (b.type === 'none') return el('a:buNone');
  if (b.type === 'char')
    return el('a:buFont', { typeface: b.font ?? 'Arial' }) + el('a:buChar', { char: b.char });
  return el('a:buAutoNum', { type: b.scheme });
}

function txStylesXml(s: MasterTextStyles): string {
  const t = s.title;
  const align = t.align === 'center' ? 'ctr' : t.align === 'right' ? 'r' : 'l';
  const title = el(
    'a:lvl1pPr',
    { algn: align, defTabSz: 914400, rtl: 0, eaLnBrk: 1, latinLnBrk: 0, hangingPunct: 1 },
    el('a:lnSpc', {}, el('a:spcPct', { val: 90000 })),
    el('a:spcBef', {}, el('a:spcPct', { val: 0 })),
    el('a:buNone'),
    defRPr(t.size, t.font, t.color, t.bold),
  );
  const body = s.body
    .map((lv, i) =>
      el(
        `a:lvl${i + 1}pPr`,
        {
          marL: 228600 + i * 457200,
          indent: -228600,
          algn: 'l',
          defTabSz: 914400,
          rtl: 0,
          eaLnBrk: 1,
          latinLnBrk: 0,
          hangingPunct: 1,
        },
        el('a:lnSpc', {}, el('a:spcPct', { val: 90000 })),
        el('a:spcBef', {}, el('a:spcPts', { val: i === 0 ? 1000 : 500 })),
        bulletXml(lv.bullet),
        defRPr(lv.size, s.bodyFont, s.bodyColor),
      ),
    )
    .join('');
  const other = Array.from({ length: 9 }, (_, i) =>
    el(
      `a:lvl${i + 1}pPr`,
      { marL: i * 457200, algn: 'l', defTabSz: 914400, rtl: 0, eaLnBrk: 1, latinLnBrk: 0, hangingPunct: 1 },
      defRPr(s.other.size, 'minor', 'tx1'),
    ),
  ).join('');
  return el(
    'p:txStyles',
    {},
    el('p:titleStyle', {}, title),
    el('p:bodyStyle', {}, body),
    el('p:otherStyle', {}, el('a:defPPr', {}, el('a:defRPr', { lang: 'en-US' })), other),
  );
}

interface PhShape {
  id: number;
  name: string;
  type: string;
  idx?: number;
  sz?: string;
  orient?: string;
  box: { x: number; y: number; width: number; height: number };
  body: string;
  bodyPr?: string;
  lstStyle?: string;
}

function placeholderSp(p: PhShape): string {
  return el(
    'p:sp',
    {},
    el(
      'p:nvSpPr',
      {},
      el('p:cNvPr', { id: p.id, name: p.name }),
      el('p:cNvSpPr', {}, el('a:spLocks', { noGrp: 1 })),
      el(
        'p:nvPr',
        {},
        el('p:ph', { type: p.type === 'obj' ? undefined : p.type, orient: p.orient, sz: p.sz, idx: p.idx }),
      ),
    ),
    el('p:spPr', {}, xfrmXml(p.box), el('a:prstGeom', { prst: 'rect' }, el('a:avLst'))),
    el('p:txBody', {}, p.bodyPr ?? el('a:bodyPr'), p.lstStyle ?? el('a:lstStyle'), p.body),
  );
}

const para = (text: string, lvl?: number): string =>
  el(
    'a:p',
    {},
    lvl ? el('a:pPr', { lvl }) : '',
    el('a:r', {}, el('a:rPr', { lang: 'en-US' }), el('a:t', {}, text)),
  );

const FOOTER_BODY: Readonly<Record<string, string>> = {
  dt: el(
    'a:p',
    {},
    el(
      'a:fld',
      { id: '{8E1C1A6A-9C1F-4D7C-8D4E-000000000001}', type: 'datetimeFigureOut' },
      el('a:rPr', { lang: 'en-US' }),
      el('a:t', {}, '1/1/2024'),
    ),
  ),
  ftr: el('a:p', {}, el('a:endParaRPr', { lang: 'en-US' })),
  sldNum: el(
    'a:p',
    {},
    el(
      'a:fld',
      { id: '{8E1C1A6A-9C1F-4D7C-8D4E-000000000002}', type: 'slidenum' },
      el('a:rPr', { lang: 'en-US' }),
      el('a:t', {}, '‹#›'),
    ),
  ),
};

const LEVEL_NAMES = [
  'Click to edit Master text styles',
  'Second level',
  'Third level',
  'Fourth level',
  'Fifth level',
];

function footerAlign(type: string): string {
  return el(
    'a:lstStyle',
    {},
    el(
      'a:lvl1pPr',
      { algn: type === 'ftr' ? 'ctr' : type === 'sldNum' ? 'r' : 'l' },
      el('a:defRPr', { sz: 1200 }, el('a:solidFill', {}, colorXml('tx1/lighter50'))),
    ),
  );
}

/** Layout placeholders as the master also holds them (title, body, date, footer, number). */
function masterPlaceholders(pres: Presentation): string {
  const layout = pres.master.layouts.find((l) => l.name === 'Title and Content') ?? pres.master.layouts[0];
  const find = (type: string): LayoutPlaceholder | undefined =>
    layout?.placeholders.find((p) => p.type === type);
  const title = find('title');
  const body = find('obj') ?? find('body');
  const out: string[] = [];
  if (title)
    out.push(
      placeholderSp({
        id: 2,
        name: 'Title Placeholder 1',
        type: 'title',
        box: title,
        body: para('Click to edit Master title style'),
        bodyPr: el(
          'a:bodyPr',
          { vert: 'horz', lIns: 91440, tIns: 45720, rIns: 91440, bIns: 45720, rtlCol: 0, anchor: 'ctr' },
          el('a:normAutofit'),
        ),
      }),
    );
  if (body)
    out.push(
      placeholderSp({
        id: 3,
        name: 'Text Placeholder 2',
        type: 'body',
        idx: 1,
        box: body,
        body: LEVEL_NAMES.map((t, i) => para(t, i)).join(''),
        bodyPr: el(
          'a:bodyPr',
          { vert: 'horz', lIns: 91440, tIns: 45720, rIns: 91440, bIns: 45720, rtlCol: 0 },
          el('a:normAutofit'),
        ),
      }),
    );
  (['dt', 'ftr', 'sldNum'] as const).forEach((type, i) => {
    const lp = find(type);
    if (!lp) return;
    const names = { dt: 'Date Placeholder', ftr: 'Footer Placeholder', sldNum: 'Slide Number Placeholder' };
    out.push(
      placeholderSp({
        id: 4 + i,
        name: `${names[type]} ${3 + i}`,
        type,
        idx: 2 + i,
        sz: type === 'ftr' ? 'quarter' : 'half',
        box: lp,
        body: FOOTER_BODY[type]!,
        bodyPr: el('a:bodyPr', { anchor: 'ctr' }),
        lstStyle: footerAlign(type),
      }),
    );
  });
  return out.join('');
}

export function masterXml(pres: Presentation, layoutRelIds: string[]): string {
  return el(
    'p:sldMaster',
    PML_NAMESPACES,
    el(
      'p:cSld',
      {},
      el('p:bg', {}, el('p:bgPr', {}, fillXml(pres.master.background), el('a:effectLst'))),
      el('p:spTree', {}, GROUP_PROPS, masterPlaceholders(pres)),
    ),
    clrMapXml('p:clrMap', pres.theme.colorMap === 'dark'),
    el(
      'p:sldLayoutIdLst',
      {},
      layoutRelIds.map((rid, i) => el('p:sldLayoutId', { id: 2147483649 + i, 'r:id': rid })).join(''),
    ),
    txStylesXml(pres.master.textStyles),
  );
}

function sizeOf(layout: SlideLayout, lp: LayoutPlaceholder): string | undefined {
  if (lp.type === 'dt' || lp.type === 'sldNum') return 'half';
  if (lp.type === 'ftr') return 'quarter';
  const contentCount = layout.placeholders.filter((p) => ['obj', 'body', 'pic'].includes(p.type)).length;
  if (contentCount >= 4) return 'quarter';
  if (contentCount >= 2 && lp.type !== 'title') return 'half';
  return undefined;
}

function layoutPlaceholderSp(layout: SlideLayout, lp: LayoutPlaceholder, id: number): string {
  const ts = lp.textStyle;
  const isTitle = lp.type === 'title' || lp.type === 'ctrTitle';
  const prompt =
    lp.type === 'dt' || lp.type === 'ftr' || lp.type === 'sldNum'
      ? FOOTER_BODY[lp.type]!
      : isTitle
        ? para('Click to edit Master title style')
        : lp.type === 'subTitle'
          ? para('Click to edit Master subtitle style')
          : LEVEL_NAMES.map((t, i) => para(t, i)).join('');
  const algn = ts?.align === 'center' ? 'ctr' : ts?.align === 'right' ? 'r' : undefined;
  const lvl1 =
    ts && (ts.size !== undefined || ts.bold !== undefined || ts.noBullets || algn)
      ? el(
          'a:lvl1pPr',
          { marL: ts.noBullets ? 0 : undefined, indent: ts.noBullets ? 0 : undefined, algn },
          ts.noBullets ? el('a:buNone') : '',
          el('a:defRPr', { sz: ts.size === undefined ? undefined : Math.round(ts.size * 100), b: ts.bold }),
        )
      : '';
  const anchor =
    ts?.anchor === 'bottom' ? 'b' : ts?.anchor === 'middle' ? 'ctr' : ts?.anchor === 'top' ? 't' : undefined;
  return placeholderSp({
    id,
    name: lp.name,
    type: lp.type,
    idx: isTitle ? undefined : lp.idx,
    sz: sizeOf(layout, lp),
    orient: lp.vertical ? 'vert' : undefined,
    box: lp,
    body: prompt,
    bodyPr: el('a:bodyPr', { vert: lp.vertical ? 'eaVert' : undefined, anchor }),
    lstStyle:
      lp.type === 'dt' || lp.type === 'ftr' || lp.type === 'sldNum'
        ? el('a:lstStyle')
        : el('a:lstStyle', {}, lvl1),
  });
}

export function layoutXml(layout: SlideLayout): string {
  return el(
    'p:sldLayout',
    { ...PML_NAMESPACES, type: layout.type, preserve: 1 },
    el(
      'p:cSld',
      { name: layout.name },
      el(
        'p:spTree',
        {},
        GROUP_PROPS,
        layout.placeholders.map((lp, i) => layoutPlaceholderSp(layout, lp, i + 2)).join(''),
      ),
    ),
    el('p:clrMapOvr', {}, el('a:masterClrMapping')),
  );
}

export function notesMasterXml(): string {
  const sldImg = el(
    'p:sp',
    {},
    el(
      'p:nvSpPr',
      {},
      el('p:cNvPr', { id: 2, name: 'Slide Image Placeholder 1' }),
      el('p:cNvSpPr', {}, el('a:spLocks', { noGrp: 1, noRot: 1, noChangeAspect: 1 })),
      el('p:nvPr', {}, el('p:ph', { type: 'sldImg', idx: 2 })),
    ),
    el(
      'p:spPr',
      {},
      xfrmXml({ x: 685800, y: 1143000, width: 5486400, height: 3086100 }),
      el('a:prstGeom', { prst: 'rect' }, el('a:avLst')),
      el('a:noFill'),
      el('a:ln', { w: 12700 }, el('a:solidFill', {}, el('a:prstClr', { val: 'black' }))),
    ),
  );
  const body = el(
    'p:sp',
    {},
    el(
      'p:nvSpPr',
      {},
      el('p:cNvPr', { id: 3, name: 'Notes Placeholder 2' }),
      el('p:cNvSpPr', {}, el('a:spLocks', { noGrp: 1 })),
      el('p:nvPr', {}, el('p:ph', { type: 'body', sz: 'quarter', idx: 3 })),
    ),
    el(
      'p:spPr',
      {},
      xfrmXml({ x: 685800, y: 4400550, width: 5486400, height: 3600450 }),
      el('a:prstGeom', { prst: 'rect' }, el('a:avLst')),
    ),
    el('p:txBody', {}, el('a:bodyPr'), el('a:lstStyle'), LEVEL_NAMES.map((t, i) => para(t, i)).join('')),
  );
  return el(
    'p:notesMaster',
    PML_NAMESPACES,
    el(
      'p:cSld',
      {},
      el('p:bg', {}, el('p:bgRef', { idx: 1001 }, el('a:schemeClr', { val: 'bg1' }))),
      el('p:spTree', {}, GROUP_PROPS, sldImg, body),
    ),
    clrMapXml('p:clrMap', false),
    el(
      'p:notesStyle',
      {},
      el(
        'a:lvl1pPr',
        { marL: 0, algn: 'l', defTabSz: 914400, rtl: 0, eaLnBrk: 1, latinLnBrk: 0, hangingPunct: 1 },
        defRPr(12, 'minor', 'tx1'),
      ),
    ),
  );
}
