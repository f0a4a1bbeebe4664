/**
 * Excel tables and charts in .xlsx: table parts, drawing and chart parts in schema order, the round trip
 * through our own import, and what LibreOffice keeps when it rewrites the file.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as X from '../../envs/excel/index.ts';
import { createTable } from '../../envs/excel/model/tables.ts';
import { exportXlsx, importXlsx } from '../../envs/excel/ooxml/index.ts';

const put = (wb: X.Workbook, addr: string, text: string, sheet?: string) =>
  X.setCellInput(wb, sheet, addr, text);

function fill(wb: X.Workbook, sheet: string | undefined, rows: string[][], col0 = 'A', row0 = 1): void {
  const c0 = col0.charCodeAt(0);
  rows.forEach((r, i) => r.forEach((t, j) => put(wb, `${String.fromCharCode(c0 + j)}${row0 + i}`, t, sheet)));
}

/** Two sheets of data, three tables and every chart kind the model has, in several variants. */
function chartsWorkbook(): X.Workbook {
  const wb = X.createEmptyWorkbook({ now: '2024-05-01T09:00:00' });
  fill(wb, undefined, [
    ['Month', 'North', 'South', 'West'],
    ['Jan', '10', '20', '5'],
    ['Feb', '15', '18', '7.5'],
    ['Mar', '12', '25', '-3'],
    ['Apr', '=B4+1', '=SUM(C2:C4)', '=AVERAGE(B2:C2)'],
  ]);
  createTable(wb, undefined, 'A1:D5', { style: 'TableStyleMedium9' });
  fill(
    wb,
    undefined,
    [
      ['Item', 'Qty'],
      ['Pens', '3'],
      ['Ink', '=F2*2'],
    ],
    'F',
    1,
  );
  const small = createTable(wb, undefined, 'F1:G3', { style: 'TableStyleLight1' });
  small.bandedRows = false;
  X.addSheet(wb, 'Q1 Data');
  // Rows of series (more columns than rows) and a table whose header row Excel invented.
  fill(wb, 'Q1 Data', [
    ['', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5'],
    ['Sales', '100', '120', '90', '130', '150'],
    ['Costs', '80', '85', '70', '95', '99'],
  ]);
  fill(
    wb,
    'Q1 Data',
    [
      ['1', '2'],
      ['3', '4'],
    ],
    'A',
    10,
  );
  createTable(wb, 'Q1 Data', 'A10:B11', { headers: false, style: 'TableStyleDark2' });
  X.activateSheet(wb, 'Sheet1');
  const at = (i: number) => ({ from: `F${5 + i * 16}`, to: `N${20 + i * 16}` });
  const specs: X.ChartInput[] = [
    { type: 'column', dataRange: 'A1:D5', xAxisTitle: 'Month', yAxisTitle: 'Units' },
    { type: 'column', dataRange: 'A1:C5', stacked: 'stacked', legend: 'top' },
    { type: 'bar', dataRange: 'A1:D5', stacked: 'percent', title: 'Share\nby month' },
    { type: 'bar', dataRange: 'A1:B5', legend: 'none' },
    { type: 'line', dataRange: 'A1:D5', title: null, legend: 'left' },
    { type: 'line', dataRange: "'Q1 Data'!A1:F3", stacked: 'stacked' },
    { type: 'pie', dataRange: 'A1:B5' },
    { type: 'pie', dataRange: "'Q1 Data'!A1:F2", title: 'Sales & <more>' },
    { type: 'doughnut', dataRange: 'A1:C5' },
    { type: 'area', dataRange: 'A1:D5', stacked: 'stacked', yAxisTitle: 'Total' },
    { type: 'area', dataRange: 'B1:C5' },
    { type: 'scatter', dataRange: 'B1:C5', xAxisTitle: 'North', yAxisTitle: 'South' },
    { type: 'scatter', dataRange: 'A1:D5', legend: 'right' },
  ];
  specs.forEach((s, i) => X.addChart(wb, undefined, { ...s, anchor: at(i) }));
  X.addChart(wb, 'Q1 Data', { type: 'column', dataRange: 'A1:F3' });
  return wb;
}

async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}
const part = async (zip: JSZip, name: string): Promise<string> => {
  const f = zip.file(name);
  if (!f) throw new Error(`no part ${name}`);
  return f.async('string');
};

/**
 * The child orders ECMA-376 requires (xsd:sequence; a nested array is an xsd:choice of equal rank), for the
 * elements these parts contain. Keys are "parent" or "grandparent>parent" where the parent's type depends on it.
 */
const CHART_GROUPS = ['barChart', 'lineChart', 'pieChart', 'doughnutChart', 'areaChart', 'scatterChart'];
const FILLS = ['noFill', 'solidFill', 'gradFill', 'pattFill'];
const SEQUENCES: Record<string, (string | string[])[]> = {
  worksheet: [
    'sheetPr',
    'dimension',
    'sheetViews',
    'sheetFormatPr',
    'cols',
    'sheetData',
    'sheetCalcPr',
    'sheetProtection',
    'protectedRanges',
    'scenarios',
    'autoFilter',
    'sortState',
    'dataConsolidate',
    'customSheetViews',
    'mergeCells',
    'phoneticPr',
    'conditionalFormatting',
    'dataValidations',
    'hyperlinks',
    'printOptions',
    'pageMargins',
    'pageSetup',
    'headerFooter',
    'rowBreaks',
    'colBreaks',
    'customProperties',
    'cellWatches',
    'ignoredErrors',
    'smartTags',
    'drawing',
    'legacyDrawing',
    'legacyDrawingHF',
    'picture',
    'oleObjects',
    'controls',
    'webPublishItems',
    'tableParts',
    'extLst',
  ],
  table: ['autoFilter', 'sortState', 'tableColumns', 'tableStyleInfo', 'extLst'],
  tableColumns: ['tableColumn'],
  wsDr: [['twoCellAnchor', 'oneCellAnchor', 'absoluteAnchor']],
  twoCellAnchor: ['from', 'to', ['sp', 'grpSp', 'graphicFrame', 'cxnSp', 'pic', 'contentPart'], 'clientData'],
  from: ['col', 'colOff', 'row', 'rowOff'],
  to: ['col', 'colOff', 'row', 'rowOff'],
  graphicFrame: ['nvGraphicFramePr', 'xfrm', 'graphic', 'extLst'],
  nvGraphicFramePr: ['cNvPr', 'cNvGraphicFramePr'],
  xfrm: ['off', 'ext'],
  chartSpace: [
    'date1904',
    'lang',
    'roundedCorners',
    'AlternateContent',
    'style',
    'clrMapOvr',
    'pivotSource',
    'protection',
    'chart',
    'spPr',
    'txPr',
    'externalData',
    'printSettings',
    'userShapes',
    'extLst',
  ],
  'chartSpace>chart': [
    'title',
    'autoTitleDeleted',
    'pivotFmts',
    'view3D',
    'floor',
    'sideWall',
    'backWall',
    'plotArea',
    'legend',
    'plotVisOnly',
    'dispBlanksAs',
    'showDLblsOverMax',
    'extLst',
  ],
  plotArea: ['layout', CHART_GROUPS, ['valAx', 'catAx', 'dateAx', 'serAx'], 'dTable', 'spPr', 'extLst'],
  barChart: [
    'barDir',
    'grouping',
    'varyColors',
    'ser',
    'dLbls',
    'gapWidth',
    'overlap',
    'serLines',
    'axId',
    'extLst',
  ],
  lineChart: [
    'grouping',
    'varyColors',
    'ser',
    'dLbls',
    'dropLines',
    'hiLowLines',
    'upDownBars',
    'marker',
    'smooth',
    'axId',
    'extLst',
  ],
  pieChart: ['varyColors', 'ser', 'dLbls', 'firstSliceAng', 'extLst'],
  doughnutChart: ['varyColors', 'ser', 'dLbls', 'firstSliceAng', 'holeSize', 'extLst'],
  areaChart: ['grouping', 'varyColors', 'ser', 'dLbls', 'dropLines', 'axId', 'extLst'],
  scatterChart: ['scatterStyle', 'varyColors', 'ser', 'dLbls', 'axId', 'extLst'],
  'barChart>ser': [
    'idx',
    'order',
    'tx',
    'spPr',
    'invertIfNegative',
    'pictureOptions',
    'dPt',
    'dLbls',
    'trendline',
    'errBars',
    'cat',
    'val',
    'shape',
    'extLst',
  ],
  'lineChart>ser': [
    'idx',
    'order',
    'tx',
    'spPr',
    'marker',
    'dPt',
    'dLbls',
    'trendline',
    'errBars',
    'cat',
    'val',
    'smooth',
    'extLst',
  ],
  'pieChart>ser': ['idx', 'order', 'tx', 'spPr', 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
  'doughnutChart>ser': ['idx', 'order', 'tx', 'spPr', 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
  'areaChart>ser': [
    'idx',
    'order',
    'tx',
    'spPr',
    'pictureOptions',
    'dPt',
    'dLbls',
    'trendline',
    'errBars',
    'cat',
    'val',
    'extLst',
  ],
  'scatterChart>ser': [
    'idx',
    'order',
    'tx',
    'spPr',
    'marker',
    'dPt',
    'dLbls',
    'trendline',
    'errBars',
    'xVal',
    'yVal',
    'smooth',
    'extLst',
  ],
  'ser>tx': [['strRef', 'v']],
  'ser>marker': ['symbol', 'size', 'spPr', 'extLst'],
  dPt: ['idx', 'invertIfNegative', 'marker', 'bubble3D', 'explosion', 'spPr', 'pictureOptions', 'extLst'],
  strRef: ['f', 'strCache', 'extLst'],
  numRef: ['f', 'numCache', 'extLst'],
  strCache: ['ptCount', 'pt', 'extLst'],
  numCache: ['formatCode', 'ptCount', 'pt', 'extLst'],
  catAx: [
    'axId',
    'scaling',
    'delete',
    'axPos',
    'majorGridlines',
    'minorGridlines',
    'title',
    'numFmt',
    'majorTickMark',
    'minorTickMark',
    'tickLblPos',
    'spPr',
    'txPr',
    'crossAx',
    ['crosses', 'crossesAt'],
    'auto',
    'lblAlgn',
    'lblOffset',
    'tickLblSkip',
    'tickMarkSkip',
    'noMultiLvlLbl',
    'extLst',
  ],
  valAx: [
    'axId',
    'scaling',
    'delete',
    'axPos',
    'majorGridlines',
    'minorGridlines',
    'title',
    'numFmt',
    'majorTickMark',
    'minorTickMark',
    'tickLblPos',
    'spPr',
    'txPr',
    'crossAx',
    ['crosses', 'crossesAt'],
    'crossBetween',
    'majorUnit',
    'minorUnit',
    'dispUnits',
    'extLst',
  ],
  scaling: ['logBase', 'orientation', 'max', 'min', 'extLst'],
  majorGridlines: ['spPr'],
  title: ['tx', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  'title>tx': [['strRef', 'rich']],
  rich: ['bodyPr', 'lstStyle', 'p'],
  p: ['pPr', ['r', 'br', 'fld'], 'endParaRPr'],
  r: ['rPr', 't'],
  legend: ['legendPos', 'legendEntry', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  spPr: [
    'xfrm',
    ['custGeom', 'prstGeom'],
    FILLS,
    'ln',
    ['effectLst', 'effectDag'],
    'scene3d',
    'sp3d',
    'extLst',
  ],
  ln: [FILLS, ['prstDash', 'custDash'], ['round', 'bevel', 'miter'], 'headEnd', 'tailEnd', 'extLst'],
  solidFill: [['srgbClr', 'schemeClr', 'sysClr', 'prstClr', 'scrgbClr', 'hslClr']],
};

type Ordered = Record<string, unknown>[];
const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, removeNSPrefix: true });

/** Every place a part puts a child out of its schema order, or a child its schema does not list. */
function orderViolations(xml: string, partName: string): string[] {
  const out: string[] = [];
  const walk = (nodes: Ordered, parent: string, grand: string) => {
    const seq = SEQUENCES[`${grand}>${parent}`] ?? SEQUENCES[parent];
    let last = -1;
    for (const n of nodes) {
      const name = Object.keys(n).find((k) => k !== ':@' && k !== '#text');
      if (!name) continue;
      if (seq) {
        const rank = seq.findIndex((s) => (Array.isArray(s) ? s.includes(name) : s === name));
        if (rank < 0) out.push(`${partName}: <${name}> is not a child of <${parent}>`);
        else if (rank < last) out.push(`${partName}: <${name}> comes too late in <${parent}>`);
        last = Math.max(last, rank);
      }
      walk(n[name] as Ordered, name, parent);
    }
  };
  walk(orderedParser.parse(xml) as Ordered, '', '');
  return out;
}

describe('xlsx tables and charts: parts and schema order', () => {
  let zip: JSZip;
  beforeAll(async () => {
    zip = await unzip(await exportXlsx(chartsWorkbook()));
  });

  it('writes one table part per table, with header names, filter and style', async () => {
    const t1 = await part(zip, 'xl/tables/table1.xml');
    expect(t1).toContain(
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Table1" displayName="Table1" ref="A1:D5" totalsRowShown="0">',
    );
    expect(t1).toContain('<autoFilter ref="A1:D5"/>');
    expect(t1).toContain(
      '<tableColumns count="4"><tableColumn id="1" name="Month"/><tableColumn id="2" name="North"/><tableColumn id="3" name="South"/><tableColumn id="4" name="West"/></tableColumns>',
    );
    expect(t1).toContain(
      '<tableStyleInfo name="TableStyleMedium9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>',
    );
    const t2 = await part(zip, 'xl/tables/table2.xml');
    expect(t2).toContain('id="2" name="Table2" displayName="Table2" ref="F1:G3"');
    expect(t2).toContain('name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="0"');
    const t3 = await part(zip, 'xl/tables/table3.xml');
    expect(t3).toContain('name="Table3" displayName="Table3" ref="A10:B12"');
    expect(t3).toContain('<tableColumn id="1" name="Column1"/><tableColumn id="2" name="Column2"/>');
  });

  it('links tables and the drawing from their sheet, with relationships and content types', async () => {
    const sheet1 = await part(zip, 'xl/worksheets/sheet1.xml');
    expect(sheet1).toMatch(
      /<pageMargins [^>]*\/><drawing r:id="rId1"\/><tableParts count="2"><tablePart r:id="rId2"\/><tablePart r:id="rId3"\/><\/tableParts><\/worksheet>$/,
    );
    const rels1 = await part(zip, 'xl/worksheets/_rels/sheet1.xml.rels');
    expect(rels1).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"',
    );
    expect(rels1).toContain(
      'Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table2.xml"',
    );
    const rels2 = await part(zip, 'xl/worksheets/_rels/sheet2.xml.rels');
    expect(rels2).toContain('Target="../drawings/drawing2.xml"');
    expect(rels2).toContain('Target="../tables/table3.xml"');
    const drawingRels = await part(zip, 'xl/drawings/_rels/drawing1.xml.rels');
    expect(drawingRels.match(/relationships\/chart"/g)).toHaveLength(13);
    expect(drawingRels).toContain(
      'Id="rId13" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart13.xml"',
    );
    expect(await part(zip, 'xl/drawings/_rels/drawing2.xml.rels')).toContain(
      'Target="../charts/chart14.xml"',
    );
    const types = await part(zip, '[Content_Types].xml');
    expect(types).toContain(
      '<Override PartName="/xl/tables/table3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart14.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    // Every part a relationship names exists.
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
      const base = name.replace(/_rels\/[^/]*\.rels$/, '');
      for (const m of (await part(zip, name)).matchAll(/Target="([^"]+)"/g)) {
        const target = new URL(m[1]!, `http://x/${base}`).pathname.slice(1);
        expect(zip.file(target), `${name} -> ${m[1]}`).not.toBeNull();
      }
    }
  });

  it('places each chart with a twoCellAnchor from its anchor cells', async () => {
    const d = await part(zip, 'xl/drawings/drawing1.xml');
    expect(d).toContain(
      '<xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>19</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/>',
    );
    expect(d).toContain(
      '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>',
    );
  });

  it('writes the plot type of each chart kind, with grouping and bar direction', async () => {
    const expected: [string, string][] = [
      ['barChart', '<c:barDir val="col"/><c:grouping val="clustered"/>'],
      ['barChart', '<c:barDir val="col"/><c:grouping val="stacked"/>'],
      ['barChart', '<c:barDir val="bar"/><c:grouping val="percentStacked"/>'],
      ['barChart', '<c:barDir val="bar"/><c:grouping val="clustered"/>'],
      ['lineChart', '<c:grouping val="standard"/>'],
      ['lineChart', '<c:grouping val="stacked"/>'],
      ['pieChart', '<c:varyColors val="1"/>'],
      ['pieChart', '<c:varyColors val="1"/>'],
      ['doughnutChart', '<c:holeSize val="50"/>'],
      ['areaChart', '<c:grouping val="stacked"/>'],
      ['areaChart', '<c:grouping val="standard"/>'],
      ['scatterChart', '<c:scatterStyle val="lineMarker"/>'],
      ['scatterChart', '<c:scatterStyle val="lineMarker"/>'],
    ];
    for (const [i, [tag, inner]] of expected.entries()) {
      const xml = await part(zip, `xl/charts/chart${i + 1}.xml`);
      expect(xml, `chart${i + 1}`).toContain(`<c:${tag}>`);
      expect(xml, `chart${i + 1}`).toContain(inner);
    }
  });

  it('points series at the sheet with formulas and caches the values chartData shows', async () => {
    const wb = chartsWorkbook();
    const charts = X.getSheet(wb, 'Sheet1').charts;
    const c1 = await part(zip, 'xl/charts/chart1.xml');
    expect(c1).toContain(
      '<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>North</c:v></c:pt></c:strCache></c:strRef></c:tx>',
    );
    expect(c1).toContain('<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$5</c:f>');
    expect(c1).toContain(
      '<c:val><c:numRef><c:f>Sheet1!$D$2:$D$5</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="4"/><c:pt idx="0"><c:v>5</c:v></c:pt><c:pt idx="1"><c:v>7.5</c:v></c:pt><c:pt idx="2"><c:v>-3</c:v></c:pt><c:pt idx="3"><c:v>15</c:v></c:pt></c:numCache></c:numRef></c:val>',
    );
    const rows = await part(zip, 'xl/charts/chart6.xml');
    expect(rows).toContain("<c:f>'Q1 Data'!$A$2</c:f>");
    expect(rows).toContain("<c:f>'Q1 Data'!$B$1:$F$1</c:f>");
    expect(rows).toContain("<c:f>'Q1 Data'!$B$3:$F$3</c:f>");
    const scatter = await part(zip, 'xl/charts/chart12.xml');
    expect(scatter).toContain('<c:yVal><c:numRef><c:f>Sheet1!$C$2:$C$5</c:f>');
    // The caches say what the model's chartData plots, for every chart.
    const tag = (xml: string, name: string) =>
      [...xml.matchAll(new RegExp(`<c:${name}>(.*?)</c:${name}>`, 'g'))].map((m) => m[1]!);
    const points = (cache: string) => {
      const n = Number(/<c:ptCount val="(\d+)"\/>/.exec(cache)![1]);
      const out: (string | null)[] = Array.from({ length: n }, () => null);
      for (const m of cache.matchAll(/<c:pt idx="(\d+)"><c:v>(.*?)<\/c:v><\/c:pt>/g))
        out[Number(m[1])] = m[2]!;
      return out;
    };
    for (const [i, chart] of charts.entries()) {
      const xml = await part(zip, `xl/charts/chart${i + 1}.xml`);
      const data = X.chartData(wb, 'Sheet1', chart);
      const sers = tag(xml, 'ser');
      expect(sers, chart.id).toHaveLength(data.series.length);
      sers.forEach((ser, k) => {
        const name = /<c:tx>.*?<c:v>(.*?)<\/c:v>/.exec(ser)![1];
        expect(name, chart.id).toBe(data.series[k]!.name.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
        const vals = tag(ser, chart.type === 'scatter' ? 'yVal' : 'val')[0]!;
        expect(
          points(vals).map((v) => (v === null ? null : Number(v))),
          chart.id,
        ).toEqual(data.series[k]!.values);
        const cats = tag(ser, chart.type === 'scatter' ? 'xVal' : 'cat')[0];
        if (cats)
          expect(
            points(cats).map((v) => v ?? ''),
            chart.id,
          ).toEqual(data.categories);
        else expect(data.categories, chart.id).toEqual(data.categories.map((_, j) => String(j + 1)));
      });
    }
  });

  it('writes titles, axis titles and legends where the chart has them', async () => {
    const c1 = await part(zip, 'xl/charts/chart1.xml');
    expect(c1).toContain('<c:autoTitleDeleted val="0"/>');
    expect(c1).toMatch(/<c:catAx>.*<c:title>.*<a:t>Month<\/a:t>.*<\/c:catAx>/);
    expect(c1).toMatch(/<c:valAx>.*<c:title>.*<a:t>Units<\/a:t>.*<\/c:valAx>/);
    expect(c1).toContain('<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>');
    const c3 = await part(zip, 'xl/charts/chart3.xml');
    expect(c3).toMatch(/<c:title><c:tx><c:rich>.*<a:t>Share<\/a:t><\/a:r><\/a:p><a:p>.*<a:t>by month<\/a:t>/);
    expect(await part(zip, 'xl/charts/chart4.xml')).not.toContain('<c:legend>');
    const c5 = await part(zip, 'xl/charts/chart5.xml');
    expect(c5).not.toContain('<c:title>');
    expect(c5).toContain('<c:autoTitleDeleted val="1"/>');
    expect(await part(zip, 'xl/charts/chart8.xml')).toContain('<a:t>Sales &amp; &lt;more&gt;</a:t>');
  });

  it('puts every child in the order the ECMA-376 schemas require', async () => {
    const names = Object.keys(zip.files).filter((n) =>
      /^xl\/(worksheets\/sheet|tables\/table|drawings\/drawing|charts\/chart)\d+\.xml$/.test(n),
    );
    expect(names).toHaveLength(2 + 3 + 2 + 14);
    const problems: string[] = [];
    for (const n of names) problems.push(...orderViolations(await part(zip, n), n));
    expect(problems).toEqual([]);
    // The checker itself catches a misordered child.
    expect(
      orderViolations('<c:chartSpace><c:chart><c:plotArea/><c:title/></c:chart></c:chartSpace>', 't'),
    ).toEqual(['t: <title> comes too late in <chart>']);
  });

  it('writes header cells as the column names Excel requires, numbering blanks and duplicates', async () => {
    const wb = X.createEmptyWorkbook();
    fill(wb, undefined, [
      ['Name', '2024', '', 'name'],
      ['a', '1', '2', '3'],
    ]);
    createTable(wb, undefined, 'A1:D2');
    const z = await unzip(await exportXlsx(wb));
    expect(await part(z, 'xl/tables/table1.xml')).toContain(
      '<tableColumn id="1" name="Name"/><tableColumn id="2" name="2024"/><tableColumn id="3" name="Column3"/><tableColumn id="4" name="name2"/>',
    );
    const back = await importXlsx(await exportXlsx(wb));
    const cells = X.getSheet(back).cells;
    expect([cells.A1!.value, cells.B1!.value, cells.C1!.value, cells.D1!.value]).toEqual([
      'Name',
      '2024',
      'Column3',
      'name2',
    ]);
  });
});

describe('xlsx tables and charts: round trip through our import', () => {
  it('gives back the same tables and charts of every kind, and the same cells', async () => {
    const wb = chartsWorkbook();
    const back = await importXlsx(await exportXlsx(wb), { now: wb.calc.now });
    for (const name of ['Sheet1', 'Q1 Data']) {
      const a = X.getSheet(wb, name);
      const b = X.getSheet(back, name);
      expect(b.tables, name).toEqual(a.tables);
      expect(b.charts, name).toEqual(a.charts);
      expect(b.cells, name).toEqual(a.cells);
    }
    expect(X.getSheet(back, 'Sheet1').charts.map((c) => c.type)).toEqual([
      'column',
      'column',
      'bar',
      'bar',
      'line',
      'line',
      'pie',
      'pie',
      'doughnut',
      'area',
      'area',
      'scatter',
      'scatter',
    ]);
    expect(new Set(X.CHART_TYPES)).toEqual(new Set(X.getSheet(back, 'Sheet1').charts.map((c) => c.type)));
  });

  it('reads a chart from literal values as absent, and an auto title as Excel shows it', async () => {
    const wb = X.createEmptyWorkbook();
    fill(wb, undefined, [
      ['Name', 'Qty'],
      ['a', '1'],
      ['b', '2'],
    ]);
    X.addChart(wb, undefined, { type: 'pie', dataRange: 'A1:B3' });
    const zip = await unzip(await exportXlsx(wb));
    const xml = await part(zip, 'xl/charts/chart1.xml');
    // Excel leaves out <c:title> and autoTitleDeleted when the title is automatic: one series names it.
    zip.file(
      'xl/charts/chart1.xml',
      xml.replace(/<c:title>.*?<\/c:title><c:autoTitleDeleted val="0"\/>/, ''),
    );
    const auto = await importXlsx(await zip.generateAsync({ type: 'uint8array' }));
    expect(X.getSheet(auto).charts[0]!.title).toBe('Qty');
    zip.file(
      'xl/charts/chart1.xml',
      xml
        .replace(
          /<c:strRef><c:f>[^<]*<\/c:f><c:strCache>(.*?)<\/c:strCache><\/c:strRef>/g,
          '<c:strLit>$1</c:strLit>',
        )
        .replace(
          /<c:numRef><c:f>[^<]*<\/c:f><c:numCache>(.*?)<\/c:numCache><\/c:numRef>/g,
          '<c:numLit>$1</c:numLit>',
        ),
    );
    const literal = await importXlsx(await zip.generateAsync({ type: 'uint8array' }));
    expect(X.getSheet(literal).charts).toEqual([]);
  });
  it('snaps anchors written with offsets to the nearest cell edge', async () => {
    const wb = X.createEmptyWorkbook();
    fill(wb, undefined, [
      ['Name', 'Qty'],
      ['a', '1'],
      ['b', '2'],
    ]);
    X.setColumnWidth(wb, undefined, 'M', 20);
    X.addChart(wb, undefined, { type: 'line', dataRange: 'A1:B3', anchor: { from: 'D2', to: 'N20' } });
    const zip = await unzip(await exportXlsx(wb));
    const xml = await part(zip, 'xl/drawings/drawing1.xml');
    // A small offset stays in its cell; the end given as M19 plus most of M's width (20 chars = 145 px) and
    // most of row 19's height (15 pt) is the top-left corner of N20, as LibreOffice writes it.
    const moved = xml
      .replace(
        '<xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff>',
        '<xdr:col>3</xdr:col><xdr:colOff>95250</xdr:colOff>',
      )
      .replace(
        '<xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>19</xdr:row><xdr:rowOff>0</xdr:rowOff>',
        '<xdr:col>12</xdr:col><xdr:colOff>1300000</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>180000</xdr:rowOff>',
      );
    expect(moved).not.toBe(xml);
    zip.file('xl/drawings/drawing1.xml', moved);
    const back = await importXlsx(await zip.generateAsync({ type: 'uint8array' }));
    expect(X.getSheet(back).charts[0]!.anchor).toEqual({ from: 'D2', to: 'N20' });
    // Under half of M's width rounds down.
    zip.file(
      'xl/drawings/drawing1.xml',
      moved.replace('<xdr:colOff>1300000</xdr:colOff>', '<xdr:colOff>600000</xdr:colOff>'),
    );
    const early = await importXlsx(await zip.generateAsync({ type: 'uint8array' }));
    expect(X.getSheet(early).charts[0]!.anchor).toEqual({ from: 'D2', to: 'M20' });
  });
});

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) console.warn('LibreOffice table/chart tests skipped: soffice is not installed');

describe.skipIf(!hasSoffice)('xlsx tables and charts: LibreOffice rewrites the file', () => {
  let dir = '';
  let ours: X.Workbook;
  let lo: X.Workbook;
  let loZip: JSZip;
  let ourZip: JSZip;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lamgym-xlsx-charts-'));
    ours = chartsWorkbook();
    const bytes = await exportXlsx(ours);
    ourZip = await unzip(bytes);
    writeFileSync(join(dir, 'in.xlsx'), bytes);
    await promisify(execFile)(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'xlsx:Calc Office Open XML',
        '--outdir',
        join(dir, 'out'),
        join(dir, 'in.xlsx'),
      ],
      { timeout: 120_000 },
    );
    const out = readFileSync(join(dir, 'out', 'in.xlsx'));
    loZip = await unzip(out);
    lo = await importXlsx(out, { recalculate: false });
  }, 150_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every table as a table part with its name, range and header row (not its style or banding)', () => {
    for (const name of ['Sheet1', 'Q1 Data']) {
      const kept = (X.getSheet(lo, name).tables ?? []).map(({ name: n, range, headerRow }) => ({
        n,
        range,
        headerRow,
      }));
      const want = (X.getSheet(ours, name).tables ?? []).map(({ name: n, range, headerRow }) => ({
        n,
        range,
        headerRow,
      }));
      expect(kept, name).toEqual(want);
    }
  });

  it('keeps every chart: kind, stacking, source range, series direction, anchor, titles and legend', () => {
    for (const name of ['Sheet1', 'Q1 Data']) {
      expect(X.getSheet(lo, name).charts, name).toEqual(X.getSheet(ours, name).charts);
    }
  });

  it('keeps each series pointing at the same cells', async () => {
    const refs = async (zip: JSZip, i: number) => {
      const xml = await part(zip, `xl/charts/chart${i}.xml`);
      return [...xml.matchAll(/<c:f>(.*?)<\/c:f>/g)].map((m) => m[1]!.replace(/&apos;/g, "'"));
    };
    for (let i = 1; i <= 14; i++) {
      const want = await refs(ourZip, i);
      expect(want.length, `chart${i}`).toBeGreaterThan(0);
      expect(await refs(loZip, i), `chart${i}`).toEqual(want);
    }
  });

  it('keeps cell values, formulas and their results', () => {
    for (const name of ['Sheet1', 'Q1 Data']) {
      const a = X.getSheet(ours, name).cells;
      const b = X.getSheet(lo, name).cells;
      for (const [addr, cell] of Object.entries(a)) {
        expect(b[addr]?.value, `${name}!${addr}`).toEqual(cell.value);
        expect(b[addr]?.formula, `${name}!${addr}`).toEqual(cell.formula);
      }
    }
    expect(X.getSheet(lo).cells.C5).toEqual({ value: 63, formula: '=SUM(C2:C4)' });
  });
});
