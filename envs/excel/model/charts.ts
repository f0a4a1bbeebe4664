/** Charts as model objects (Insert > Charts, Chart Design): their source data, type and layout. */
import { quoteSheetName, toA1 } from '../formula/address.ts';
import { formatValue } from '../formula/number-format.ts';
import { ExcelError } from './errors.ts';
import type { Chart, ChartType, Workbook } from './types.ts';
import { getSheet, rangeRect, splitSheetRange } from './workbook.ts';

export const CHART_TYPES: readonly ChartType[] = [
  'column',
  'bar',
  'line',
  'pie',
  'doughnut',
  'area',
  'scatter',
];

export interface ChartInput {
  type: ChartType;
  /** Source data with headers, "A1:C6" or "'Other'!A1:C6". */
  dataRange: string;
  title?: string | null;
  /** Where to place it; by default right of the data, 8 columns by 15 rows, as Excel does. */
  anchor?: { from: string; to: string };
  seriesBy?: 'columns' | 'rows';
  legend?: Chart['legend'];
  stacked?: 'stacked' | 'percent';
  xAxisTitle?: string;
  yAxisTitle?: string;
}

/** Chart ids are "Chart 1", "Chart 2"... across the workbook, like Excel's default chart names. */
export function nextChartId(wb: Workbook): string {
  let max = 0;
  for (const s of wb.sheets) {
    for (const c of s.charts) {
      const m = /^Chart (\d+)$/.exec(c.id);
      if (m) max = Math.max(max, Number(m[1]));
    }
  }
  return `Chart ${max + 1}`;
}

function checkType(type: unknown): asserts type is ChartType {
  if (!CHART_TYPES.includes(type as ChartType)) {
    throw new ExcelError(
      'BAD_ARGUMENT',
      `unknown chart type '${String(type)}' (use one of ${CHART_TYPES.join(', ')})`,
    );
  }
}

function normDataRange(wb: Workbook, host: string, text: string): string {
  if (typeof text !== 'string' || text.trim() === '')
    throw new ExcelError('BAD_ARGUMENT', 'a chart needs a data range');
  const { sheet, range } = splitSheetRange(text);
  const rect = rangeRect(range);
  const src = sheet !== undefined ? getSheet(wb, sheet).name : host;
  const plain = `${toA1(rect.r1, rect.c1)}:${toA1(rect.r2, rect.c2)}`;
  return src.toLowerCase() === host.toLowerCase() ? plain : `${quoteSheetName(src)}!${plain}`;
}

/** Inserts a chart on a sheet; returns it. */
export function addChart(wb: Workbook, sheetName: string | undefined, input: ChartInput): Chart {
  const sheet = getSheet(wb, sheetName);
  checkType(input.type);
  const dataRange = normDataRange(wb, sheet.name, input.dataRange);
  const rect = rangeRect(splitSheetRange(dataRange).range);
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  let anchor = input.anchor;
  if (anchor) {
    const f = rangeRect(anchor.from);
    const t = rangeRect(anchor.to);
    anchor = { from: toA1(f.r1, f.c1), to: toA1(t.r1, t.c1) };
  } else {
    const c0 = Math.min(rect.c2 + 2, 16384 - 8);
    anchor = { from: toA1(rect.r1, c0), to: toA1(rect.r1 + 15, c0 + 8) };
  }
  const chart: Chart = {
    id: nextChartId(wb),
    type: input.type,
    title: input.title === undefined ? defaultTitle(wb, sheet.name, dataRange) : input.title,
    dataRange,
    seriesBy: input.seriesBy ?? (rows >= cols ? 'columns' : 'rows'),
    anchor,
    legend: input.legend ?? (input.type === 'pie' || input.type === 'doughnut' ? 'right' : 'bottom'),
  };
  if (input.stacked) chart.stacked = input.stacked;
  if (input.xAxisTitle !== undefined) chart.xAxisTitle = input.xAxisTitle;
  if (input.yAxisTitle !== undefined) chart.yAxisTitle = input.yAxisTitle;
  sheet.charts.push(chart);
  return chart;
}

/** Excel titles a one-series chart with the series name, and leaves "Chart Title" otherwise. */
function defaultTitle(wb: Workbook, host: string, dataRange: string): string {
  const tmp: Chart = {
    id: '',
    type: 'column',
    title: null,
    dataRange,
    seriesBy: 'columns',
    anchor: { from: 'A1', to: 'A1' },
    legend: 'none',
  };
  const rect = rangeRect(splitSheetRange(dataRange).range);
  tmp.seriesBy = rect.r2 - rect.r1 >= rect.c2 - rect.c1 ? 'columns' : 'rows';
  const data = chartData(wb, host, tmp);
  return data.series.length === 1 ? data.series[0]!.name : 'Chart Title';
}

export function findChart(wb: Workbook, sheetName: string | undefined, id: string): Chart {
  const sheet = getSheet(wb, sheetName);
  const c = sheet.charts.find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (!c) {
    throw new ExcelError(
      'NO_SUCH_CHART',
      `there is no chart '${id}' on sheet '${sheet.name}' (charts: ${sheet.charts.map((x) => x.id).join(', ') || 'none'})`,
    );
  }
  return c;
}

export type ChartPatch = Partial<Omit<ChartInput, 'anchor'>> & { anchor?: { from: string; to: string } };

/** Chart Design edits: change type, title, data, legend, axis titles. */
export function updateChart(
  wb: Workbook,
  sheetName: string | undefined,
  id: string,
  patch: ChartPatch,
): Chart {
  const sheet = getSheet(wb, sheetName);
  const c = findChart(wb, sheet.name, id);
  if (patch.type !== undefined) checkType(patch.type);
  const dataRange =
    patch.dataRange !== undefined ? normDataRange(wb, sheet.name, patch.dataRange) : undefined;
  if (patch.type !== undefined) c.type = patch.type;
  if (dataRange !== undefined) c.dataRange = dataRange;
  if (patch.title !== undefined) c.title = patch.title;
  if (patch.seriesBy !== undefined) c.seriesBy = patch.seriesBy;
  if (patch.legend !== undefined) c.legend = patch.legend;
  if (patch.stacked !== undefined) c.stacked = patch.stacked;
  if (patch.xAxisTitle !== undefined) c.xAxisTitle = patch.xAxisTitle;
  if (patch.yAxisTitle !== undefined) c.yAxisTitle = patch.yAxisTitle;
  if (patch.anchor !== undefined) {
    const f = rangeRect(patch.anchor.from);
    const t = rangeRect(patch.anchor.to);
    c.anchor = { from: toA1(f.r1, f.c1), to: toA1(t.r1, t.c1) };
  }
  return c;
}

export function deleteChart(wb: Workbook, sheetName: string | undefined, id: string): void {
  const sheet = getSheet(wb, sheetName);
  const c = findChart(wb, sheet.name, id);
  sheet.charts.splice(sheet.charts.indexOf(c), 1);
}

export interface ChartSeriesData {
  name: string;
  values: (number | null)[];
}

/**
 * What a chart plots, read from its source: the first column (or row) gives category labels when it
 * holds text, the header row (or column) gives series names, as Excel's chart wizard reads a range.
 */
export function chartData(
  wb: Workbook,
  host: string,
  chart: Chart,
): { categories: string[]; series: ChartSeriesData[] } {
  const { sheet: sName, range } = splitSheetRange(chart.dataRange);
  const sheet = getSheet(wb, sName ?? host);
  const rect = rangeRect(range);
  const at = (r: number, c: number) => sheet.cells[toA1(r, c)];
  const text = (r: number, c: number) => {
    const cell = at(r, c);
    return cell ? formatValue(cell.value, cell.style?.numFmt) : '';
  };
  const isLabel = (r: number, c: number) => {
    const v = at(r, c)?.value;
    return v === undefined || v === null || typeof v === 'string';
  };
  const byCols = chart.seriesBy === 'columns';
  const nOuter = byCols ? rect.c2 - rect.c1 + 1 : rect.r2 - rect.r1 + 1;
  const nInner = byCols ? rect.r2 - rect.r1 + 1 : rect.c2 - rect.c1 + 1;
  const cell = (outer: number, inner: number): [number, number] =>
    byCols ? [rect.r1 + inner, rect.c1 + outer] : [rect.r1 + outer, rect.c1 + inner];
  // Header (series names) along the first inner position when it is text; categories in the first outer line when text.
  const hasHeader = Array.from({ length: nOuter }, (_, o) => o).some((o) => o > 0 && isLabel(...cell(o, 0)));
  const hasCats =
    nOuter > 1 && Array.from({ length: nInner }, (_, i) => i).every((i) => isLabel(...cell(0, i)));
  const first = hasHeader ? 1 : 0;
  const categories: string[] = [];
  for (let i = first; i < nInner; i++) categories.push(hasCats ? text(...cell(0, i)) : String(i - first + 1));
  const series: ChartSeriesData[] = [];
  for (let o = hasCats ? 1 : 0; o < nOuter; o++) {
    const [hr, hc] = cell(o, 0);
    const name = hasHeader ? text(hr, hc) : `Series${series.length + 1}`;
    const values: (number | null)[] = [];
    for (let i = first; i < nInner; i++) {
      const v = at(...cell(o, i))?.value;
      values.push(typeof v === 'number' ? v : null);
    }
    series.push({ name, values });
  }
  return { categories, series };
}
