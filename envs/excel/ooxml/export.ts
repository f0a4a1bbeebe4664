/**
 * Writing a workbook as an .xlsx package (ECMA-376 SpreadsheetML): sheets with values, shared strings,
 * formulas with their cached results, styles, merges, column widths and row heights, freeze panes,
 * data validation, conditional formatting, the auto-filter and defined names; Excel tables as table parts and
 * charts as DrawingML drawing and chart parts.
 */
import JSZip from 'jszip';
import { MAX_COLS, parseA1, quoteSheetName, toA1 } from '../formula/address.ts';
import { isError } from '../formula/values.ts';
import { sqrefOrigin } from '../model/ranges.ts';
import type {
  AutoFilter,
  Cell,
  CfRule,
  ConditionalFormat,
  DataValidation,
  FilterCriterion,
  Sheet,
  Workbook,
} from '../model/types.ts';
import { widthToFile } from '../model/layout.ts';
import { colFromKey } from '../model/workbook.ts';
import { chartXml, drawingXml } from './charts.ts';
import { toFileFormula } from './formula-text.ts';
import { StylesWriter } from './styles.ts';
import { headerOverrides, tableXml } from './tables.ts';
import { el, NS, textEl, XML_DECL, type Attrs } from './xml.ts';

export interface ExportOptions {
  /**
   * Write the formulas' last results as cached values (default true). Without them, the application
   * that opens the file has to calculate every formula itself.
   */
  cachedValues?: boolean;
}

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  add(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  toXml(): string {
    return (
      XML_DECL +
      el(
        'sst',
        { xmlns: NS.main, count: this.count, uniqueCount: this.list.length },
        ...this.list.map((s) => el('si', {}, textEl('t', s))),
      )
    );
  }
}

function numText(n: number): string {
  // Shortest round-tripping form; files use a plain decimal or E notation.
  return String(n);
}

function cellXml(
  addr: string,
  cell: Cell,
  styles: StylesWriter,
  sst: SharedStrings,
  cached: boolean,
  arrayRef?: string,
): string {
  const s = styles.xf(cell.style) || undefined;
  const v = cell.value;
  if (cell.spilledFrom !== undefined && !cached) return el('c', { r: addr, s });
  if (cell.formula !== undefined) {
    // A spilling formula is written as an array formula over its block, which both Excel and
    // LibreOffice evaluate into every cell of the block.
    const f = textEl('f', toFileFormula(cell.formula), arrayRef ? { t: 'array', ref: arrayRef } : {});
    if (!cached || v === null) return el('c', { r: addr, s }, f);
    if (typeof v === 'number') return el('c', { r: addr, s }, f, el('v', {}, numText(v)));
    if (typeof v === 'string') return el('c', { r: addr, s, t: 'str' }, f, textEl('v', v));
    if (typeof v === 'boolean') return el('c', { r: addr, s, t: 'b' }, f, el('v', {}, v ? '1' : '0'));
    return el('c', { r: addr, s, t: 'e' }, f, el('v', {}, v.error));
  }
  if (v === null) return el('c', { r: addr, s });
  if (typeof v === 'number') return el('c', { r: addr, s }, el('v', {}, numText(v)));
  if (typeof v === 'string') return el('c', { r: addr, s, t: 's' }, el('v', {}, String(sst.add(v))));
  if (typeof v === 'boolean') return el('c', { r: addr, s, t: 'b' }, el('v', {}, v ? '1' : '0'));
  if (isError(v)) return el('c', { r: addr, s, t: 'e' }, el('v', {}, v.error));
  return '';
}

/** The block each spilling formula covers, by anchor address. */
function spillBlocks(sheet: Sheet): Map<string, string> {
  const rects = new Map<string, { r2: number; c2: number }>();
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    if (cell.spilledFrom === undefined) continue;
    const p = parseA1(addr)!;
    const r = rects.get(cell.spilledFrom) ?? { r2: 0, c2: 0 };
    rects.set(cell.spilledFrom, { r2: Math.max(r.r2, p.row), c2: Math.max(r.c2, p.col) });
  }
  const out = new Map<string, string>();
  for (const [anchor, r] of rects) {
    const a = parseA1(anchor)!;
    out.set(anchor, `${anchor}:${toA1(Math.max(a.row, r.r2), Math.max(a.col, r.c2))}`);
  }
  return out;
}

function colsXml(sheet: Sheet, styles: StylesWriter): string | undefined {
  const keys = Object.keys(sheet.cols)
    .map((k) => ({ k, n: colFromKey(k) }))
    .filter((x) => Number.isInteger(x.n) && x.n >= 1 && x.n <= MAX_COLS)
    .sort((a, b) => a.n - b.n);
  const out: string[] = [];
  for (const { k, n } of keys) {
    const p = sheet.cols[k]!;
    const attrs: Attrs = { min: n, max: n };
    attrs.width = widthToFile(p.width ?? 8.43);
    if (p.width !== undefined) attrs.customWidth = 1;
    if (p.hidden) attrs.hidden = 1;
    if (p.style) attrs.style = styles.xf(p.style);
    out.push(el('col', attrs));
  }
  return out.length ? el('cols', {}, ...out) : undefined;
}

function sheetViewXml(sheet: Sheet, selected: boolean): string {
  const f = sheet.freeze;
  let pane: string | undefined;
  let paneName: string | undefined;
  if (f && (f.rows > 0 || f.cols > 0)) {
    paneName = f.rows > 0 && f.cols > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
    pane = el('pane', {
      xSplit: f.cols || undefined,
      ySplit: f.rows || undefined,
      topLeftCell: toA1(f.rows + 1, f.cols + 1),
      activePane: paneName,
      state: 'frozen',
    });
  }
  // Excel writes a selection for every pane of a frozen view; LibreOffice ignores the freeze without them.
  const sels: string[] = [];
  if (paneName === 'bottomRight')
    sels.push(el('selection', { pane: 'topRight' }), el('selection', { pane: 'bottomLeft' }));
  sels.push(
    el('selection', {
      pane: paneName,
      activeCell: sheet.selection.active,
      sqref: sheet.selection.ranges.join(' ') || sheet.selection.active,
    }),
  );
  return el(
    'sheetViews',
    {},
    el(
      'sheetView',
      {
        showGridLines: sheet.showGridLines === false ? 0 : undefined,
        tabSelected: selected ? 1 : undefined,
        workbookViewId: 0,
      },
      pane,
      ...sels,
    ),
  );
}

function filterColumnXml(colId: number, c: FilterCriterion): string {
  if (c.type === 'values') {
    const blank = c.values.includes('');
    return el(
      'filterColumn',
      { colId },
      el(
        'filters',
        { blank: blank ? 1 : undefined },
        ...c.values.filter((v) => v !== '').map((v) => el('filter', { val: v })),
      ),
    );
  }
  if (c.type === 'top10') {
    return el(
      'filterColumn',
      { colId },
      el('top10', { top: c.top ? undefined : 0, percent: c.percent ? 1 : undefined, val: c.count }),
    );
  }
  const conds = c.conditions.map((cond) => {
    const v = String(cond.value);
    switch (cond.operator) {
      case 'beginsWith':
        return el('customFilter', { val: `${v}*` });
      case 'endsWith':
        return el('customFilter', { val: `*${v}` });
      case 'contains':
        return el('customFilter', { val: `*${v}*` });
      case 'notContains':
        return el('customFilter', { operator: 'notEqual', val: `*${v}*` });
      default:
        return el('customFilter', {
          operator: cond.operator === 'equal' ? undefined : cond.operator,
          val: v,
        });
    }
  });
  return el(
    'filterColumn',
    { colId },
    el('customFilters', { and: c.join === 'or' ? undefined : conds.length > 1 ? 1 : undefined }, ...conds),
  );
}

function autoFilterXml(af: AutoFilter): string {
  const first = parseA1(af.range.split(':')[0]!)!.col;
  const cols = Object.entries(af.criteria)
    .map(([k, c]) => ({ id: colFromKey(k) - first, c }))
    .sort((a, b) => a.id - b.id)
    .map(({ id, c }) => filterColumnXml(id, c));
  return el('autoFilter', { ref: af.range }, ...cols);
}

/** A rule operand as a file formula: formulas lose '=', numbers stay, text gets quoted. */
function operandFormula(v: string): string {
  if (v.startsWith('=')) return toFileFormula(v);
  if (v.trim() !== '' && Number.isFinite(Number(v))) return v.trim();
  return `"${v.replace(/"/g, '""')}"`;
}

function cfRuleXml(cf: ConditionalFormat, dxfId: number): string {
  const r: CfRule = cf.rule;
  const o = sqrefOrigin(cf.ranges);
  const first = toA1(o.row, o.col);
  const base: Attrs = { dxfId, priority: cf.priority, stopIfTrue: cf.stopIfTrue ? 1 : undefined };
  const fx = (f: string) =>
    el('formula', {}, f.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  const q = (t: string) => `"${t.replace(/"/g, '""')}"`;
  switch (r.type) {
    case 'cellIs':
      return el(
        'cfRule',
        { type: 'cellIs', ...base, operator: r.operator },
        ...r.values.map((v) => fx(operandFormula(v))),
      );
    case 'expression':
      return el('cfRule', { type: 'expression', ...base }, fx(toFileFormula(r.formula)));
    case 'containsText':
      return el(
        'cfRule',
        { type: 'containsText', ...base, operator: 'containsText', text: r.text },
        fx(`NOT(ISERROR(SEARCH(${q(r.text)},${first})))`),
      );
    case 'notContainsText':
      return el(
        'cfRule',
        { type: 'notContainsText', ...base, operator: 'notContains', text: r.text },
        fx(`ISERROR(SEARCH(${q(r.text)},${first}))`),
      );
    case 'beginsWith':
      return el(
        'cfRule',
        { type: 'beginsWith', ...base, operator: 'beginsWith', text: r.text },
        fx(`LEFT(${first},LEN(${q(r.text)}))=${q(r.text)}`),
      );
    case 'endsWith':
      return el(
        'cfRule',
        { type: 'endsWith', ...base, operator: 'endsWith', text: r.text },
        fx(`RIGHT(${first},LEN(${q(r.text)}))=${q(r.text)}`),
      );
    case 'duplicateValues':
    case 'uniqueValues':
      return el('cfRule', { type: r.type, ...base });
    case 'top10':
      return el('cfRule', {
        type: 'top10',
        ...base,
        rank: r.rank,
        bottom: r.bottom ? 1 : undefined,
        percent: r.percent ? 1 : undefined,
      });
    case 'aboveAverage':
      return el('cfRule', { type: 'aboveAverage', ...base, aboveAverage: r.below ? 0 : undefined });
    case 'blanks':
      return el('cfRule', { type: 'containsBlanks', ...base }, fx(`LEN(TRIM(${first}))=0`));
    case 'noBlanks':
      return el('cfRule', { type: 'notContainsBlanks', ...base }, fx(`LEN(TRIM(${first}))>0`));
  }
}

function validationXml(v: DataValidation): string {
  const f1 = v.listItems
    ? `"${v.listItems.join(',').replace(/"/g, '""')}"`
    : v.formula1 !== undefined
      ? operandFormula(v.formula1)
      : undefined;
  const f2 = v.formula2 !== undefined ? operandFormula(v.formula2) : undefined;
  return el(
    'dataValidation',
    {
      type: v.type,
      errorStyle: v.errorStyle && v.errorStyle !== 'stop' ? v.errorStyle : undefined,
      operator: v.type === 'list' || v.type === 'custom' || v.operator === 'between' ? undefined : v.operator,
      allowBlank: v.allowBlank === false ? undefined : 1,
      // OOXML's showDropDown means "hide the in-cell arrow".
      showDropDown: v.type === 'list' && v.showDropDown === false ? 1 : undefined,
      showInputMessage: 1,
      showErrorMessage: 1,
      errorTitle: v.errorTitle,
      error: v.error,
      promptTitle: v.promptTitle,
      prompt: v.prompt,
      sqref: v.ranges,
    },
    f1 !== undefined ? textEl('formula1', f1) : undefined,
    f2 !== undefined ? textEl('formula2', f2) : undefined,
  );
}

/** What a sheet part links to through its relationships. */
interface SheetLinks {
  drawing?: string;
  tables: string[];
}

function sheetXml(
  sheet: Sheet,
  selected: boolean,
  styles: StylesWriter,
  sst: SharedStrings,
  cached: boolean,
  links: SheetLinks = { tables: [] },
): string {
  const spillRefs = spillBlocks(sheet);
  const headers = headerOverrides(sheet);
  const byRow = new Map<number, { col: number; xml: string }[]>();
  const entries: [string, Cell][] = Object.entries(sheet.cells);
  for (const addr of headers.keys()) if (!sheet.cells[addr]) entries.push([addr, { value: null }]);
  for (const [addr, stored] of entries) {
    const name = headers.get(addr);
    const cell: Cell =
      name !== undefined ? { value: name, ...(stored.style ? { style: stored.style } : {}) } : stored;
    const p = parseA1(addr);
    if (!p) continue;
    let list = byRow.get(p.row);
    if (!list) byRow.set(p.row, (list = []));
    list.push({ col: p.col, xml: cellXml(addr, cell, styles, sst, cached, spillRefs.get(addr)) });
  }
  for (const k of Object.keys(sheet.rows)) if (!byRow.has(Number(k))) byRow.set(Number(k), []);
  const rows = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const p = sheet.rows[String(r)];
      const cells = byRow.get(r)!.sort((a, b) => a.col - b.col);
      const s = p?.style ? styles.xf(p.style) : undefined;
      return el(
        'row',
        {
          r,
          s,
          customFormat: s ? 1 : undefined,
          ht: p?.height,
          customHeight: p?.height !== undefined ? 1 : undefined,
          hidden: p?.hidden ? 1 : undefined,
        },
        ...cells.map((c) => c.xml),
      );
    });
  const cfs = [...sheet.conditionalFormats]
    .sort((a, b) => a.priority - b.priority)
    .map((cf) => el('conditionalFormatting', { sqref: cf.ranges }, cfRuleXml(cf, styles.dxf(cf.style))));
  return (
    XML_DECL +
    el(
      'worksheet',
      { xmlns: NS.main, 'xmlns:r': NS.r },
      sheet.tabColor ? el('sheetPr', {}, el('tabColor', { rgb: `FF${sheet.tabColor.slice(1)}` })) : undefined,
      sheetViewXml(sheet, selected),
      el('sheetFormatPr', { defaultRowHeight: 15 }),
      colsXml(sheet, styles),
      rows.length ? el('sheetData', {}, ...rows) : el('sheetData'),
      sheet.autoFilter ? autoFilterXml(sheet.autoFilter) : undefined,
      sheet.merges.length
        ? el(
            'mergeCells',
            { count: sheet.merges.length },
            ...sheet.merges.map((m) => el('mergeCell', { ref: m })),
          )
        : undefined,
      ...cfs,
      sheet.validations.length
        ? el('dataValidations', { count: sheet.validations.length }, ...sheet.validations.map(validationXml))
        : undefined,
      el('pageMargins', { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }),
      links.drawing ? el('drawing', { 'r:id': links.drawing }) : undefined,
      links.tables.length
        ? el(
            'tableParts',
            { count: links.tables.length },
            ...links.tables.map((id) => el('tablePart', { 'r:id': id })),
          )
        : undefined,
    )
  );
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    XML_DECL +
    el(
      'Relationships',
      { xmlns: NS.rels },
      ...rels.map((r) => el('Relationship', { Id: r.id, Type: r.type, Target: r.target })),
    )
  );
}

function definedNamesXml(wb: Workbook): string | undefined {
  const out: string[] = [];
  for (const n of wb.names) {
    const local =
      n.scope !== undefined
        ? wb.sheets.findIndex((s) => s.name.toLowerCase() === n.scope!.toLowerCase())
        : -1;
    out.push(
      textEl('definedName', toFileFormula(n.refersTo), {
        name: n.name,
        comment: n.comment,
        localSheetId: local >= 0 ? local : undefined,
      }),
    );
  }
  wb.sheets.forEach((s, i) => {
    if (!s.autoFilter) return;
    const [a, b] = s.autoFilter.range.split(':');
    const abs = (x: string) => x.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    const ref = `${quoteSheetName(s.name)}!${abs(a!)}${b ? `:${abs(b)}` : ''}`;
    out.push(textEl('definedName', ref, { name: '_xlnm._FilterDatabase', localSheetId: i, hidden: 1 }));
  });
  return out.length ? el('definedNames', {}, ...out) : undefined;
}

const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Serialises the workbook as .xlsx bytes. */
export async function exportXlsx(wb: Workbook, opts: ExportOptions = {}): Promise<Uint8Array> {
  const cached = opts.cachedValues !== false;
  const styles = new StylesWriter(wb.defaultFont);
  const sst = new SharedStrings();
  const zip = new JSZip();
  const active = Math.max(
    0,
    wb.sheets.findIndex((s) => s.name === wb.activeSheet),
  );
  // Table, drawing and chart parts are numbered across the workbook, as Excel numbers them.
  const parts: { name: string; type: string }[] = [];
  let nTables = 0;
  let nDrawings = 0;
  let nCharts = 0;
  wb.sheets.forEach((s, i) => {
    const rels: { id: string; type: string; target: string }[] = [];
    const links: SheetLinks = { tables: [] };
    if (s.charts.length) {
      const d = ++nDrawings;
      links.drawing = `rId${rels.length + 1}`;
      rels.push({ id: links.drawing, type: NS.relDrawing, target: `../drawings/drawing${d}.xml` });
      zip.file(`xl/drawings/drawing${d}.xml`, drawingXml(s.charts));
      parts.push({
        name: `/xl/drawings/drawing${d}.xml`,
        type: 'application/vnd.openxmlformats-officedocument.drawing+xml',
      });
      const chartRels = s.charts.map((ch, k) => {
        const n = ++nCharts;
        zip.file(`xl/charts/chart${n}.xml`, chartXml(wb, s.name, ch));
        parts.push({
          name: `/xl/charts/chart${n}.xml`,
          type: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
        });
        return { id: `rId${k + 1}`, type: NS.relChart, target: `../charts/chart${n}.xml` };
      });
      zip.file(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(chartRels));
    }
    for (const t of s.tables ?? []) {
      const n = ++nTables;
      const id = `rId${rels.length + 1}`;
      links.tables.push(id);
      rels.push({ id, type: NS.relTable, target: `../tables/table${n}.xml` });
      zip.file(`xl/tables/table${n}.xml`, tableXml(s, t, n));
      parts.push({ name: `/xl/tables/table${n}.xml`, type: `${CT}.table+xml` });
    }
    if (rels.length) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relsXml(rels));
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, i === active, styles, sst, cached, links));
  });
  const sheetRels = wb.sheets.map((_, i) =>
    el('Relationship', { Id: `rId${i + 1}`, Type: NS.relWorksheet, Target: `worksheets/sheet${i + 1}.xml` }),
  );
  const n = wb.sheets.length;
  zip.file(
    'xl/_rels/workbook.xml.rels',
    XML_DECL +
      el(
        'Relationships',
        { xmlns: NS.rels },
        ...sheetRels,
        el('Relationship', { Id: `rId${n + 1}`, Type: NS.relStyles, Target: 'styles.xml' }),
        el('Relationship', { Id: `rId${n + 2}`, Type: NS.relSharedStrings, Target: 'sharedStrings.xml' }),
      ),
  );
  zip.file(
    'xl/workbook.xml',
    XML_DECL +
      el(
        'workbook',
        { xmlns: NS.main, 'xmlns:r': NS.r },
        el('bookViews', {}, el('workbookView', { activeTab: active || undefined })),
        el(
          'sheets',
          {},
          ...wb.sheets.map((s, i) =>
            el('sheet', {
              name: s.name,
              sheetId: i + 1,
              state: s.hidden ? 'hidden' : undefined,
              'r:id': `rId${i + 1}`,
            }),
          ),
        ),
        definedNamesXml(wb),
        el('calcPr', { calcId: 191029 }),
      ),
  );
  zip.file('xl/styles.xml', styles.toXml());
  zip.file('xl/sharedStrings.xml', sst.toXml());
  zip.file(
    '_rels/.rels',
    XML_DECL +
      el(
        'Relationships',
        { xmlns: NS.rels },
        el('Relationship', { Id: 'rId1', Type: NS.relOfficeDocument, Target: 'xl/workbook.xml' }),
      ),
  );
  const ct = CT;
  zip.file(
    '[Content_Types].xml',
    XML_DECL +
      el(
        'Types',
        { xmlns: NS.ct },
        el('Default', {
          Extension: 'rels',
          ContentType: 'application/vnd.openxmlformats-package.relationships+xml',
        }),
        el('Default', { Extension: 'xml', ContentType: 'application/xml' }),
        el('Override', { PartName: '/xl/workbook.xml', ContentType: `${ct}.sheet.main+xml` }),
        ...wb.sheets.map((_, i) =>
          el('Override', {
            PartName: `/xl/worksheets/sheet${i + 1}.xml`,
            ContentType: `${ct}.worksheet+xml`,
          }),
        ),
        el('Override', { PartName: '/xl/styles.xml', ContentType: `${ct}.styles+xml` }),
        el('Override', { PartName: '/xl/sharedStrings.xml', ContentType: `${ct}.sharedStrings+xml` }),
        ...parts.map((p) => el('Override', { PartName: p.name, ContentType: p.type })),
      ),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
