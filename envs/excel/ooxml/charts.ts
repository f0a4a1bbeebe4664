/**
 * Charts as DrawingML (ECMA-376 Part 1, §20.5 and §21.2): a sheet's charts sit in one drawing part
 * (xl/drawings/drawingN.xml, a twoCellAnchor per chart) and each chart is a chart part (xl/charts/chartN.xml)
 * whose series point into the sheet with formulas and carry cached values. Element order follows the schema
 * sequences strictly, since Excel refuses misordered children.
 */
import { quoteSheetName, rectToA1, toA1, type Rect } from '../formula/address.ts';
import { formatValue } from '../formula/number-format.ts';
import type { Chart, ChartType, Workbook } from '../model/types.ts';
import { findSheet, rangeRect, splitSheetRange } from '../model/workbook.ts';
import { at, el, escapeText, kid, kids, NS, text, XML_DECL, type Attrs, type XmlNode } from './xml.ts';

interface SeriesLayout {
  name: string;
  /** The header cell that names the series; absent when the range has no header. */
  tx?: Rect;
  val?: Rect;
  values: (number | null)[];
}

/** Where a chart's categories and series sit in its source range, with the values they show. */
export interface ChartLayout {
  sheet: string;
  cat?: Rect;
  categories: string[];
  series: SeriesLayout[];
}

/**
 * Splits a chart's source range the way the model's chartData reads it (text first column or row = categories,
 * text header = series names), but keeps the cell ranges so the file can point at them.
 */
export function chartLayout(wb: Workbook, host: string, chart: Chart): ChartLayout {
  const { sheet: sName, range } = splitSheetRange(chart.dataRange);
  const sheetName = findSheet(wb, sName ?? host)?.name ?? sName ?? host;
  const cells = findSheet(wb, sheetName)?.cells ?? {};
  const rect = rangeRect(range);
  const at1 = (r: number, c: number) => cells[toA1(r, c)];
  const label = (r: number, c: number) => {
    const cell = at1(r, c);
    return cell ? formatValue(cell.value, cell.style?.numFmt) : '';
  };
  const isLabel = (r: number, c: number) => {
    const v = at1(r, c)?.value;
    return v === undefined || v === null || typeof v === 'string';
  };
  const byCols = chart.seriesBy === 'columns';
  const nOuter = byCols ? rect.c2 - rect.c1 + 1 : rect.r2 - rect.r1 + 1;
  const nInner = byCols ? rect.r2 - rect.r1 + 1 : rect.c2 - rect.c1 + 1;
  const cell = (outer: number, inner: number): [number, number] =>
    byCols ? [rect.r1 + inner, rect.c1 + outer] : [rect.r1 + outer, rect.c1 + inner];
  const lineRect = (outer: number, from: number): Rect | undefined => {
    if (from > nInner - 1) return undefined;
    const [r1, c1] = cell(outer, from);
    const [r2, c2] = cell(outer, nInner - 1);
    return { r1, c1, r2, c2 };
  };
  const hasHeader = Array.from({ length: nOuter }, (_, o) => o).some((o) => o > 0 && isLabel(...cell(o, 0)));
  const hasCats =
    nOuter > 1 && Array.from({ length: nInner }, (_, i) => i).every((i) => isLabel(...cell(0, i)));
  const first = hasHeader ? 1 : 0;
  const categories: string[] = [];
  for (let i = first; i < nInner; i++)
    categories.push(hasCats ? label(...cell(0, i)) : String(i - first + 1));
  const series: SeriesLayout[] = [];
  for (let o = hasCats ? 1 : 0; o < nOuter; o++) {
    const [hr, hc] = cell(o, 0);
    const values: (number | null)[] = [];
    for (let i = first; i < nInner; i++) {
      const v = at1(...cell(o, i))?.value;
      values.push(typeof v === 'number' ? v : null);
    }
    const s: SeriesLayout = { name: hasHeader ? label(hr, hc) : `Series${series.length + 1}`, values };
    if (hasHeader) s.tx = { r1: hr, c1: hc, r2: hr, c2: hc };
    const val = lineRect(o, first);
    if (val) s.val = val;
    series.push(s);
  }
  const layout: ChartLayout = { sheet: sheetName, categories, series };
  const cat = hasCats ? lineRect(0, first) : undefined;
  if (cat) layout.cat = cat;
  return layout;
}

/** "'My Sheet'!$A$2:$A$6", as chart formulas reference cells. */
function refFormula(sheet: string, r: Rect): string {
  const abs = (row: number, col: number) => toA1(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const a = abs(r.r1, r.c1);
  return `${quoteSheetName(sheet)}!${r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${abs(r.r2, r.c2)}`}`;
}

/** DrawingML text cannot carry control characters other than tab and newline. */
function plain(s: string): string {
  return escapeText([...s].filter((ch) => ch >= ' ' || ch === '\t' || ch === '\n').join(''));
}

const c = (name: string, attrs: Attrs = {}, ...content: (string | undefined | false)[]) =>
  el(`c:${name}`, attrs, ...content);
const cv = (name: string, val: string | number) => c(name, { val });

/** Title text in Excel's default look: regular weight, `sz` in hundredths of a point. */
function richText(s: string, sz: number): string {
  const paras = s
    .split('\n')
    .map((line) =>
      el(
        'a:p',
        {},
        el('a:pPr', {}, el('a:defRPr', { sz, b: 0 })),
        line === '' ? undefined : el('a:r', {}, el('a:t', {}, plain(line))),
      ),
    );
  return c('rich', {}, el('a:bodyPr'), el('a:lstStyle'), ...paras);
}

function titleXml(s: string, sz: number): string {
  return c('title', {}, c('tx', {}, richText(s, sz)), cv('overlay', 0));
}

function strRef(sheet: string, r: Rect, values: string[]): string {
  const pts = values.map((v, i) => (v === '' ? '' : c('pt', { idx: i }, c('v', {}, plain(v)))));
  return c(
    'strRef',
    {},
    c('f', {}, plain(refFormula(sheet, r))),
    c('strCache', {}, cv('ptCount', values.length), ...pts),
  );
}

function numRef(sheet: string, r: Rect, values: (number | null)[]): string {
  const pts = values.map((v, i) => (v === null ? '' : c('pt', { idx: i }, c('v', {}, String(v)))));
  return c(
    'numRef',
    {},
    c('f', {}, plain(refFormula(sheet, r))),
    c('numCache', {}, c('formatCode', {}, 'General'), cv('ptCount', values.length), ...pts),
  );
}

/**
 * Office's accent colours, written on every series: without them an application falls back to the theme,
 * and this package has no theme part (LibreOffice then draws the series without fill).
 */
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];
const fill = (rgb: string) => el('a:solidFill', {}, el('a:srgbClr', { val: rgb }));
const line = (rgb: string, w: number) => el('a:ln', { w, cap: 'rnd' }, fill(rgb), el('a:round'));

const AX_CAT = 500000001;
const AX_VAL = 500000002;

function axisXml(
  kind: 'catAx' | 'valAx',
  id: number,
  cross: number,
  pos: 'b' | 'l',
  title: string | undefined,
  extra: { gridlines?: boolean; crossBetween?: 'between' | 'midCat'; percent?: boolean },
): string {
  return c(
    kind,
    {},
    cv('axId', id),
    c('scaling', {}, cv('orientation', 'minMax')),
    cv('delete', 0),
    cv('axPos', pos),
    extra.gridlines ? c('majorGridlines', {}, c('spPr', {}, line('D9D9D9', 9525))) : undefined,
    title !== undefined ? titleXml(title, 1000) : undefined,
    c('numFmt', { formatCode: extra.percent ? '0%' : 'General', sourceLinked: extra.percent ? 0 : 1 }),
    cv('majorTickMark', 'out'),
    cv('minorTickMark', 'none'),
    cv('tickLblPos', 'nextTo'),
    c('spPr', {}, kind === 'catAx' ? line('BFBFBF', 9525) : el('a:ln', {}, el('a:noFill'))),
    cv('crossAx', cross),
    cv('crosses', 'autoZero'),
    ...(kind === 'catAx'
      ? [cv('auto', 1), cv('lblAlgn', 'ctr'), cv('lblOffset', 100), cv('noMultiLvlLbl', 0)]
      : [cv('crossBetween', extra.crossBetween ?? 'between')]),
  );
}

const LEGEND_POS: Record<Exclude<Chart['legend'], 'none'>, string> = {
  right: 'r',
  bottom: 'b',
  top: 't',
  left: 'l',
};

/** The chart part for one chart. */
export function chartXml(wb: Workbook, host: string, chart: Chart): string {
  const lay = chartLayout(wb, host, chart);
  const type = chart.type;
  const grouped = type === 'column' || type === 'bar' || type === 'line' || type === 'area';
  const grouping = !grouped
    ? undefined
    : chart.stacked === 'stacked'
      ? 'stacked'
      : chart.stacked === 'percent'
        ? 'percentStacked'
        : type === 'column' || type === 'bar'
          ? 'clustered'
          : 'standard';
  const sers = lay.series.map((s, i) => {
    const tx = c('tx', {}, s.tx ? strRef(lay.sheet, s.tx, [s.name]) : c('v', {}, plain(s.name)));
    const cat = lay.cat ? strRef(lay.sheet, lay.cat, lay.categories) : undefined;
    const val = s.val ? numRef(lay.sheet, s.val, s.values) : undefined;
    const head = [cv('idx', i), cv('order', i), tx];
    const color = PALETTE[i % PALETTE.length]!;
    switch (type) {
      case 'column':
      case 'bar':
        return c(
          'ser',
          {},
          ...head,
          c('spPr', {}, fill(color)),
          cv('invertIfNegative', 0),
          cat && c('cat', {}, cat),
          val && c('val', {}, val),
        );
      case 'line':
        return c(
          'ser',
          {},
          ...head,
          c('spPr', {}, line(color, 28575)),
          c('marker', {}, cv('symbol', 'none')),
          cat && c('cat', {}, cat),
          val && c('val', {}, val),
          cv('smooth', 0),
        );
      case 'scatter':
        // Excel's default scatter shows markers without connecting lines.
        return c(
          'ser',
          {},
          ...head,
          c('spPr', {}, el('a:ln', { w: 19050 }, el('a:noFill'))),
          c('marker', {}, cv('symbol', 'circle'), cv('size', 5), c('spPr', {}, fill(color))),
          cat && c('xVal', {}, cat),
          val && c('yVal', {}, val),
          cv('smooth', 0),
        );
      case 'pie':
      case 'doughnut': {
        // One colour per slice; white edges separate the slices.
        const n = Math.max(s.values.length, lay.categories.length);
        const points = Array.from({ length: n }, (_, k) =>
          c(
            'dPt',
            {},
            cv('idx', k),
            cv('bubble3D', 0),
            c('spPr', {}, fill(PALETTE[k % PALETTE.length]!), line('FFFFFF', 19050)),
          ),
        );
        return c('ser', {}, ...head, ...points, cat && c('cat', {}, cat), val && c('val', {}, val));
      }
      default:
        return c(
          'ser',
          {},
          ...head,
          c('spPr', {}, fill(color)),
          cat && c('cat', {}, cat),
          val && c('val', {}, val),
        );
    }
  });
  const axIds = [cv('axId', AX_CAT), cv('axId', AX_VAL)];
  let plot: string;
  switch (type) {
    case 'column':
    case 'bar':
      plot = c(
        'barChart',
        {},
        cv('barDir', type === 'bar' ? 'bar' : 'col'),
        cv('grouping', grouping!),
        cv('varyColors', 0),
        ...sers,
        cv('gapWidth', 150),
        chart.stacked ? cv('overlap', 100) : undefined,
        ...axIds,
      );
      break;
    case 'line':
      plot = c(
        'lineChart',
        {},
        cv('grouping', grouping!),
        cv('varyColors', 0),
        ...sers,
        cv('marker', 1),
        ...axIds,
      );
      break;
    case 'area':
      plot = c('areaChart', {}, cv('grouping', grouping!), cv('varyColors', 0), ...sers, ...axIds);
      break;
    case 'pie':
      plot = c('pieChart', {}, cv('varyColors', 1), ...sers, cv('firstSliceAng', 0));
      break;
    case 'doughnut':
      plot = c('doughnutChart', {}, cv('varyColors', 1), ...sers, cv('firstSliceAng', 0), cv('holeSize', 50));
      break;
    case 'scatter':
      plot = c('scatterChart', {}, cv('scatterStyle', 'lineMarker'), cv('varyColors', 0), ...sers, ...axIds);
      break;
  }
  const percent = chart.stacked === 'percent';
  let axes: string[] = [];
  if (type === 'scatter') {
    axes = [
      axisXml('valAx', AX_CAT, AX_VAL, 'b', chart.xAxisTitle, { crossBetween: 'midCat' }),
      axisXml('valAx', AX_VAL, AX_CAT, 'l', chart.yAxisTitle, { gridlines: true, crossBetween: 'midCat' }),
    ];
  } else if (type !== 'pie' && type !== 'doughnut') {
    const horizontal = type === 'bar';
    axes = [
      axisXml('catAx', AX_CAT, AX_VAL, horizontal ? 'l' : 'b', chart.xAxisTitle, {}),
      axisXml('valAx', AX_VAL, AX_CAT, horizontal ? 'b' : 'l', chart.yAxisTitle, {
        gridlines: true,
        crossBetween: type === 'area' ? 'midCat' : 'between',
        percent,
      }),
    ];
  }
  return (
    XML_DECL +
    el(
      'c:chartSpace',
      { 'xmlns:c': NS.c, 'xmlns:a': NS.a, 'xmlns:r': NS.r },
      cv('roundedCorners', 0),
      c(
        'chart',
        {},
        chart.title !== null ? titleXml(chart.title, 1400) : undefined,
        cv('autoTitleDeleted', chart.title === null ? 1 : 0),
        c('plotArea', {}, c('layout'), plot, ...axes),
        chart.legend !== 'none'
          ? c('legend', {}, cv('legendPos', LEGEND_POS[chart.legend]), cv('overlay', 0))
          : undefined,
        cv('plotVisOnly', 1),
        cv('dispBlanksAs', 'gap'),
      ),
    )
  );
}

function marker(tag: 'from' | 'to', addr: string): string {
  const r = rangeRect(addr);
  return el(
    `xdr:${tag}`,
    {},
    el('xdr:col', {}, String(r.c1 - 1)),
    el('xdr:colOff', {}, '0'),
    el('xdr:row', {}, String(r.r1 - 1)),
    el('xdr:rowOff', {}, '0'),
  );
}

/** The drawing part holding a sheet's charts; chart k (0-based) uses relationship rId{k+1}. */
export function drawingXml(charts: Chart[]): string {
  const anchors = charts.map((ch, k) =>
    el(
      'xdr:twoCellAnchor',
      {},
      marker('from', ch.anchor.from),
      marker('to', ch.anchor.to),
      el(
        'xdr:graphicFrame',
        { macro: '' },
        el(
          'xdr:nvGraphicFramePr',
          {},
          el('xdr:cNvPr', { id: k + 2, name: ch.id }),
          el('xdr:cNvGraphicFramePr'),
        ),
        el('xdr:xfrm', {}, el('a:off', { x: 0, y: 0 }), el('a:ext', { cx: 0, cy: 0 })),
        el(
          'a:graphic',
          {},
          el(
            'a:graphicData',
            { uri: NS.c },
            el('c:chart', { 'xmlns:c': NS.c, 'xmlns:r': NS.r, 'r:id': `rId${k + 1}` }),
          ),
        ),
      ),
      el('xdr:clientData'),
    ),
  );
  return XML_DECL + el('xdr:wsDr', { 'xmlns:xdr': NS.xdr, 'xmlns:a': NS.a }, ...anchors);
}

/** A chart placed by a drawing: its name, cells and the relationship id of its chart part. */
export interface DrawingChart {
  name: string;
  from: string;
  to: string;
  rid: string;
}

/** Cell sizes in EMU, to snap anchor offsets to the nearest cell edge. */
export interface CellSizes {
  colEmu(col: number): number;
  rowEmu(row: number): number;
}

/**
 * The cell whose top-left corner is nearest to a marker. Other writers (LibreOffice, Excel after a resize)
 * give the bottom-right corner as the previous cell plus an offset close to its full size.
 */
function anchorCell(node: XmlNode | undefined, sizes: CellSizes): string | undefined {
  const col = Number(text(kid(node, 'col')));
  const row = Number(text(kid(node, 'row')));
  if (!node || !Number.isInteger(col) || !Number.isInteger(row) || col < 0 || row < 0) return undefined;
  const colOff = Number(text(kid(node, 'colOff'))) || 0;
  const rowOff = Number(text(kid(node, 'rowOff'))) || 0;
  const c1 = col + 1 + (colOff * 2 >= sizes.colEmu(col + 1) ? 1 : 0);
  const r1 = row + 1 + (rowOff * 2 >= sizes.rowEmu(row + 1) ? 1 : 0);
  return toA1(r1, c1);
}

/** The charts a drawing part places, in document order; pictures and shapes are skipped. */
export function readDrawing(root: XmlNode | undefined, sizes: CellSizes): DrawingChart[] {
  const dr = kid(root, 'wsDr');
  const out: DrawingChart[] = [];
  const anchors = [...kids(dr, 'twoCellAnchor'), ...kids(dr, 'oneCellAnchor')];
  for (const a of anchors) {
    const frame = kid(a, 'graphicFrame');
    const rid = at(kid(kid(kid(frame, 'graphic'), 'graphicData'), 'chart'), 'id');
    const from = anchorCell(kid(a, 'from'), sizes);
    if (!frame || !rid || !from) continue;
    let to = anchorCell(kid(a, 'to'), sizes);
    if (!to) {
      // A one-cell anchor gives a size instead of an end cell: use the model's default 8 x 15 cells.
      const f = rangeRect(from);
      to = toA1(f.r1 + 15, f.c1 + 8);
    }
    out.push({ name: at(kid(kid(frame, 'nvGraphicFramePr'), 'cNvPr'), 'name') ?? '', from, to, rid });
  }
  return out;
}

const PLOTS: [string, ChartType][] = [
  ['barChart', 'column'],
  ['bar3DChart', 'column'],
  ['lineChart', 'line'],
  ['line3DChart', 'line'],
  ['pieChart', 'pie'],
  ['pie3DChart', 'pie'],
  ['ofPieChart', 'pie'],
  ['doughnutChart', 'doughnut'],
  ['areaChart', 'area'],
  ['area3DChart', 'area'],
  ['scatterChart', 'scatter'],
];

function richToText(tx: XmlNode | undefined): string | undefined {
  const rich = kid(tx, 'rich');
  if (rich) {
    return kids(rich, 'p')
      .map((p) =>
        kids(p, 'r')
          .map((r) => text(kid(r, 't')))
          .join(''),
      )
      .join('\n');
  }
  const ref = kid(tx, 'strRef');
  if (ref) return text(kid(kids(kid(ref, 'strCache'), 'pt')[0], 'v'));
  return undefined;
}

function refOf(node: XmlNode | undefined): { sheet?: string; rect: Rect } | undefined {
  const ref = kid(node, 'strRef') ?? kid(node, 'numRef');
  const f = text(kid(ref, 'f')).trim();
  if (!f) return undefined;
  try {
    const { sheet, range } = splitSheetRange(f.replace(/^\((.*)\)$/, '$1'));
    return { ...(sheet !== undefined ? { sheet } : {}), rect: rangeRect(range) };
  } catch {
    return undefined; // several areas or a name: not a range the model can hold
  }
}

const LEGEND_FROM_POS: Record<string, Chart['legend']> = {
  r: 'right',
  tr: 'right',
  b: 'bottom',
  t: 'top',
  l: 'left',
};

/**
 * A chart part back to the model. The source range is the box around every range the series point at;
 * charts whose data is not in cells (literal values) come back as null.
 */
export function readChart(
  root: XmlNode | undefined,
  host: string,
  placed: DrawingChart,
  id: string,
): Chart | null {
  const ch = kid(kid(root, 'chartSpace'), 'chart');
  const pa = kid(ch, 'plotArea');
  let group: XmlNode | undefined;
  let type: ChartType = 'column';
  for (const [tag, t] of PLOTS) {
    group = kid(pa, tag);
    if (group) {
      type = t;
      break;
    }
  }
  if (!group) return null;
  if (type === 'column' && at(kid(group, 'barDir'), 'val') === 'bar') type = 'bar';
  const sers = kids(group, 'ser')
    .map((s, i) => ({ s, order: Number(at(kid(s, 'order'), 'val') ?? i) }))
    .sort((a, b) => a.order - b.order)
    .map((x) => x.s);
  const refs: { sheet?: string; rect: Rect }[] = [];
  let seriesBy: Chart['seriesBy'] | undefined;
  const names: string[] = [];
  for (const s of sers) {
    const tx = refOf(kid(s, 'tx'));
    const cat = refOf(kid(s, 'cat') ?? kid(s, 'xVal'));
    const val = refOf(kid(s, 'val') ?? kid(s, 'yVal'));
    for (const r of [tx, cat, val]) if (r) refs.push(r);
    names.push(richToText(kid(s, 'tx')) ?? text(kid(kid(s, 'tx'), 'v')));
    if (seriesBy === undefined && val) {
      const v = val.rect;
      if (v.r2 > v.r1 && v.c1 === v.c2) seriesBy = 'columns';
      else if (v.c2 > v.c1 && v.r1 === v.r2) seriesBy = 'rows';
      else if (tx && tx.rect.c1 === v.c1) seriesBy = 'columns';
      else if (tx && tx.rect.r1 === v.r1) seriesBy = 'rows';
      else if (cat && cat.rect.r2 > cat.rect.r1) seriesBy = 'columns';
      else if (cat && cat.rect.c2 > cat.rect.c1) seriesBy = 'rows';
    }
  }
  if (refs.length === 0) return null;
  const sheet = refs[0]!.sheet ?? host;
  const same = refs.filter((r) => (r.sheet ?? host).toLowerCase() === sheet.toLowerCase());
  const box: Rect = {
    r1: Math.min(...same.map((r) => r.rect.r1)),
    c1: Math.min(...same.map((r) => r.rect.c1)),
    r2: Math.max(...same.map((r) => r.rect.r2)),
    c2: Math.max(...same.map((r) => r.rect.c2)),
  };
  const plainRange = rectToA1(box);
  const dataRange =
    sheet.toLowerCase() === host.toLowerCase() ? plainRange : `${quoteSheetName(sheet)}!${plainRange}`;
  const titleNode = kid(ch, 'title');
  const autoDeleted = kid(ch, 'autoTitleDeleted');
  const deleted =
    autoDeleted !== undefined &&
    (at(autoDeleted, 'val') ?? 'true') !== '0' &&
    at(autoDeleted, 'val') !== 'false';
  let title: string | null;
  if (titleNode) title = richToText(kid(titleNode, 'tx')) ?? (names.length === 1 ? names[0]! : 'Chart Title');
  else title = !deleted && names.length === 1 ? names[0]! : null;
  const legendNode = kid(ch, 'legend');
  const legend: Chart['legend'] = legendNode
    ? (LEGEND_FROM_POS[at(kid(legendNode, 'legendPos'), 'val') ?? 'r'] ?? 'right')
    : 'none';
  const chart: Chart = {
    id,
    type,
    title,
    dataRange,
    seriesBy: seriesBy ?? 'columns',
    anchor: { from: placed.from, to: placed.to },
    legend,
  };
  const grouping = at(kid(group, 'grouping'), 'val');
  if (grouping === 'stacked') chart.stacked = 'stacked';
  else if (grouping === 'percentStacked') chart.stacked = 'percent';
  const axisTitle = (ax: XmlNode | undefined) => {
    const t = kid(ax, 'title');
    return t ? richToText(kid(t, 'tx')) : undefined;
  };
  let xAx: XmlNode | undefined;
  let yAx: XmlNode | undefined;
  if (type === 'scatter') {
    for (const ax of kids(pa, 'valAx')) {
      const pos = at(kid(ax, 'axPos'), 'val');
      if (pos === 'b' || pos === 't') xAx ??= ax;
      else yAx ??= ax;
    }
  } else {
    xAx = kids(pa, 'catAx')[0] ?? kids(pa, 'dateAx')[0];
    yAx = kids(pa, 'valAx')[0];
  }
  const xt = axisTitle(xAx);
  const yt = axisTitle(yAx);
  if (xt !== undefined) chart.xAxisTitle = xt;
  if (yt !== undefined) chart.yAxisTitle = yt;
  return chart;
}
