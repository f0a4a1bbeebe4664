/**
 * Reading an .xlsx package into the workbook model, with its Excel tables and charts. Unknown parts and
 * elements are ignored; damage
 * that makes the file unreadable (not a ZIP, a missing workbook or sheet part, malformed XML) throws
 * ExcelError 'BAD_FILE' naming the part.
 */
import JSZip from 'jszip';
import { MAX_COLS, MAX_ROWS, colToLetters, parseA1, rectToA1, toA1 } from '../formula/address.ts';
import { copyFormula } from '../formula/references.ts';
import { isErrorCode, type ErrorCode } from '../formula/values.ts';
import { recalculate } from '../model/calc.ts';
import { rectsToSqref, sqrefRects } from '../model/ranges.ts';
import type {
  AutoFilter,
  CellValue,
  CfOperator,
  CfRule,
  ConditionalFormat,
  DataValidation,
  FilterCondition,
  FilterCriterion,
  FilterOperator,
  Sheet,
  ValidationOperator,
  ValidationType,
  Workbook,
} from '../model/types.ts';
import { DEFAULT_CLOCK } from '../model/types.ts';
import { newSheet, rangeRect } from '../model/workbook.ts';
import { widthFromFile } from '../model/layout.ts';
import { readChart, readDrawing } from './charts.ts';
import { fromFileFormula } from './formula-text.ts';
import { readTable, tablePartIds } from './tables.ts';
import { readStyles, themePalette, type ReadStyles } from './styles.ts';
import { at, decodeCellText, fileError, flag, kid, kids, num, parsePart, text, type XmlNode } from './xml.ts';

export interface ImportOptions {
  /**
   * Recompute every formula with lamgym's engine after loading (default true). With false, the
   * cached results stored in the file are kept as the cells' values.
   */
  recalculate?: boolean;
  /** Simulator clock for TODAY()/NOW() (default: the model's default clock). */
  now?: string;
}

async function openZip(bytes: Uint8Array): Promise<JSZip> {
  if (!(bytes instanceof Uint8Array))
    throw fileError('an .xlsx must be given as bytes (Uint8Array or Buffer)');
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileError(
      'not an .xlsx file: this is an OLE compound file (a legacy .xls, or a password-protected .xlsx)',
    );
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw fileError('not an .xlsx file: the data is not a ZIP archive (it does not start with "PK")');
  }
  try {
    return await JSZip.loadAsync(bytes);
  } catch (e) {
    throw fileError(`not an .xlsx file: the ZIP archive is damaged (${(e as Error).message})`);
  }
}

async function readPart(zip: JSZip, path: string, required: true): Promise<XmlNode>;
async function readPart(zip: JSZip, path: string, required: false): Promise<XmlNode | undefined>;
async function readPart(zip: JSZip, path: string, required: boolean): Promise<XmlNode | undefined> {
  const lower = path.toLowerCase();
  const file =
    zip.file(path) ?? Object.values(zip.files).find((f) => f.name.toLowerCase() === lower && !f.dir);
  if (!file) {
    if (required) throw fileError(`the package has no part ${path}, which this .xlsx needs`);
    return undefined;
  }
  return parsePart(await file.async('string'), path);
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

async function relsOf(zip: JSZip, part: string): Promise<Map<string, { type: string; target: string }>> {
  const i = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
  const root = await readPart(zip, relsPath, false);
  const out = new Map<string, { type: string; target: string }>();
  for (const r of kids(kid(root, 'Relationships'), 'Relationship')) {
    const id = at(r, 'Id');
    const target = at(r, 'Target');
    if (id && target) out.set(id, { type: at(r, 'Type') ?? '', target: resolveTarget(part, target) });
  }
  return out;
}

function sharedStrings(root: XmlNode | undefined): string[] {
  return kids(kid(root, 'sst'), 'si').map((si) => {
    const t = kid(si, 't');
    if (t) return decodeCellText(text(t));
    return kids(si, 'r')
      .map((r) => decodeCellText(text(kid(r, 't'))))
      .join('');
  });
}

interface SharedFormula {
  row: number;
  col: number;
  body: string;
}

function readCell(
  c: XmlNode,
  sst: string[],
  styles: ReadStyles,
  shared: Map<string, SharedFormula>,
  part: string,
  arrays: { anchor: string; ref: string }[],
): { addr: string; value: CellValue; formula?: string; style?: ReturnType<typeof structuredClone> } | null {
  const r = at(c, 'r');
  const p = r ? parseA1(r) : null;
  if (!p) throw fileError(`${part}: a cell has no valid reference (r="${r ?? ''}")`);
  const t = at(c, 't') ?? 'n';
  const vNode = kid(c, 'v');
  const raw = vNode ? text(vNode) : undefined;
  let value: CellValue = null;
  if (raw !== undefined && raw !== '') {
    switch (t) {
      case 's': {
        const s = sst[Number(raw)];
        if (s === undefined)
          throw fileError(`${part}: cell ${r} points at shared string ${raw}, which does not exist`);
        value = s;
        break;
      }
      case 'str':
        value = decodeCellText(raw);
        break;
      case 'b':
        value = raw === '1' || raw === 'true';
        break;
      case 'e':
        value = isErrorCode(raw) ? { error: raw.toUpperCase() as ErrorCode } : { error: '#VALUE!' };
        break;
      case 'd': {
        const d = Date.parse(raw.endsWith('Z') ? raw : `${raw}Z`);
        value = Number.isFinite(d) ? d / 86_400_000 + 25569 : raw;
        break;
      }
      default: {
        const n = Number(raw);
        if (!Number.isFinite(n)) throw fileError(`${part}: cell ${r} holds '${raw}', which is not a number`);
        value = n;
      }
    }
  } else if (t === 'inlineStr') {
    const is = kid(c, 'is');
    value = kid(is, 't')
      ? decodeCellText(text(kid(is, 't')))
      : kids(is, 'r')
          .map((x) => decodeCellText(text(kid(x, 't'))))
          .join('');
  }
  let formula: string | undefined;
  const f = kid(c, 'f');
  if (f) {
    const body = text(f);
    const si = at(f, 'si');
    if (at(f, 't') === 'shared' && si !== undefined) {
      if (body.trim() !== '') shared.set(si, { row: p.row, col: p.col, body });
      const master = shared.get(si);
      if (master)
        formula = fromFileFormula(copyFormula(master.body, '', p.row - master.row, p.col - master.col));
    } else if (body.trim() !== '') {
      formula = fromFileFormula(body);
      const ref = at(f, 'ref');
      if (at(f, 't') === 'array' && ref && ref.includes(':'))
        arrays.push({ anchor: toA1(p.row, p.col), ref });
    }
  }
  const s = num(c, 's');
  const style = s !== undefined ? styles.xfs[s] : undefined;
  if (value === null && formula === undefined && !style) return null;
  return {
    addr: toA1(p.row, p.col),
    value,
    ...(formula !== undefined ? { formula } : {}),
    ...(style ? { style: structuredClone(style) } : {}),
  };
}

function readFilter(node: XmlNode): AutoFilter | null {
  const ref = at(node, 'ref');
  if (!ref) return null;
  const rect = rangeRect(ref);
  const af: AutoFilter = { range: rectToA1(rect), criteria: {} };
  for (const fc of kids(node, 'filterColumn')) {
    const colId = num(fc, 'colId') ?? 0;
    const key = colToLetters(rect.c1 + colId);
    let crit: FilterCriterion | null = null;
    const filters = kid(fc, 'filters');
    const custom = kid(fc, 'customFilters');
    const top = kid(fc, 'top10');
    if (filters) {
      const values = kids(filters, 'filter').map((x) => at(x, 'val') ?? '');
      if (flag(filters, 'blank')) values.push('');
      crit = { type: 'values', values };
    } else if (custom) {
      const conditions: FilterCondition[] = kids(custom, 'customFilter').map((cf) => {
        const op = (at(cf, 'operator') ?? 'equal') as FilterOperator;
        const val = at(cf, 'val') ?? '';
        const n = Number(val);
        if (op === 'equal' || op === 'notEqual') {
          const m = /^(\*?)([^*?]*)(\*?)$/.exec(val);
          if (m && (m[1] || m[3]) && m[2] !== '') {
            const inner = m[2]!;
            if (op === 'notEqual')
              return {
                operator: m[1] && m[3] ? 'notContains' : 'notEqual',
                value: m[1] && m[3] ? inner : val,
              };
            const kind: FilterOperator = m[1] && m[3] ? 'contains' : m[1] ? 'endsWith' : 'beginsWith';
            return { operator: kind, value: inner };
          }
        }
        return { operator: op, value: val.trim() !== '' && Number.isFinite(n) ? n : val };
      });
      crit = {
        type: 'custom',
        conditions,
        ...(flag(custom, 'and') || conditions.length < 2 ? {} : { join: 'or' as const }),
      };
    } else if (top) {
      crit = {
        type: 'top10',
        top: flag(top, 'top', true),
        count: num(top, 'val') ?? 10,
        ...(flag(top, 'percent') ? { percent: true } : {}),
      };
    }
    if (crit) af.criteria[key] = crit;
  }
  return af;
}

/** File operand back to the model: numbers and quoted strings as constants, anything else a formula. */
function operand(f: string): string {
  const t = f.trim();
  if (t !== '' && Number.isFinite(Number(t))) return t;
  const m = /^"((?:[^"]|"")*)"$/.exec(t);
  if (m) return m[1]!.replace(/""/g, '"');
  return fromFileFormula(t);
}

function readCfRule(rule: XmlNode): CfRule | null {
  const type = at(rule, 'type');
  const formulas = kids(rule, 'formula').map((f) => text(f));
  const txt = at(rule, 'text') ?? '';
  switch (type) {
    case 'cellIs':
      return {
        type: 'cellIs',
        operator: (at(rule, 'operator') ?? 'equal') as CfOperator,
        values: formulas.map(operand),
      };
    case 'expression':
      return formulas[0] !== undefined ? { type: 'expression', formula: fromFileFormula(formulas[0]) } : null;
    case 'containsText':
    case 'notContainsText':
    case 'beginsWith':
    case 'endsWith':
      return { type, text: txt };
    case 'duplicateValues':
    case 'uniqueValues':
      return { type };
    case 'top10':
      return {
        type: 'top10',
        rank: num(rule, 'rank') ?? 10,
        ...(flag(rule, 'bottom') ? { bottom: true } : {}),
        ...(flag(rule, 'percent') ? { percent: true } : {}),
      };
    case 'aboveAverage':
      return { type: 'aboveAverage', ...(flag(rule, 'aboveAverage', true) ? {} : { below: true }) };
    case 'containsBlanks':
      return { type: 'blanks' };
    case 'notContainsBlanks':
      return { type: 'noBlanks' };
    default:
      return null; // colour scales, data bars, icon sets: not modelled
  }
}

function readValidation(dv: XmlNode): DataValidation | null {
  const sqref = at(dv, 'sqref');
  const type = (at(dv, 'type') ?? 'none') as ValidationType;
  if (!sqref) return null;
  // An "Any value" rule restricts nothing: the model keeps one only for the input message it carries.
  if (type === 'none' && at(dv, 'prompt') === undefined && at(dv, 'promptTitle') === undefined) return null;
  const out: DataValidation = { ranges: rectsToSqref(sqrefRects(sqref)), type };
  const f1 = kid(dv, 'formula1') ? text(kid(dv, 'formula1')) : undefined;
  const f2 = kid(dv, 'formula2') ? text(kid(dv, 'formula2')) : undefined;
  if (type === 'list' && f1 !== undefined) {
    const m = /^"((?:[^"]|"")*)"$/.exec(f1.trim());
    if (m) out.listItems = m[1]!.replace(/""/g, '"').split(',');
    else out.formula1 = fromFileFormula(f1);
    out.showDropDown = !flag(dv, 'showDropDown');
  } else {
    if (type !== 'custom' && type !== 'none')
      out.operator = (at(dv, 'operator') ?? 'between') as ValidationOperator;
    if (f1 !== undefined) out.formula1 = type === 'custom' ? fromFileFormula(f1) : operandToValidation(f1);
    if (f2 !== undefined) out.formula2 = operandToValidation(f2);
  }
  out.allowBlank = flag(dv, 'allowBlank');
  out.errorStyle = (at(dv, 'errorStyle') ?? 'stop') as DataValidation['errorStyle'];
  for (const k of ['errorTitle', 'error', 'promptTitle', 'prompt'] as const) {
    const v = at(dv, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function operandToValidation(f: string): string {
  const t = f.trim();
  return t !== '' && Number.isFinite(Number(t)) ? t : fromFileFormula(t);
}

async function readSheet(
  zip: JSZip,
  part: string,
  name: string,
  sst: string[],
  styles: ReadStyles,
): Promise<Sheet> {
  const root = await readPart(zip, part, true);
  const ws = kid(root, 'worksheet');
  if (!ws) throw fileError(`${part} is not a worksheet (its root element is not <worksheet>)`);
  const sheet = newSheet(name);
  const tab = at(kid(kid(ws, 'sheetPr'), 'tabColor'), 'rgb');
  if (tab && /^[0-9A-Fa-f]{8}$/.test(tab)) sheet.tabColor = `#${tab.slice(2).toUpperCase()}`;
  const view = kid(kid(ws, 'sheetViews'), 'sheetView');
  if (view) {
    if (at(view, 'showGridLines') === '0' || at(view, 'showGridLines') === 'false')
      sheet.showGridLines = false;
    const pane = kid(view, 'pane');
    if (pane && (at(pane, 'state') === 'frozen' || at(pane, 'state') === 'frozenSplit')) {
      const rows = num(pane, 'ySplit') ?? 0;
      const cols = num(pane, 'xSplit') ?? 0;
      if (rows > 0 || cols > 0) sheet.freeze = { rows, cols };
    }
    const sel = kids(view, 'selection').at(-1);
    const active = at(sel, 'activeCell');
    if (active && parseA1(active)) {
      const ranges = (at(sel, 'sqref') ?? active).split(/\s+/).filter((x) => x !== '');
      sheet.selection = { active, ranges };
    }
  }
  for (const col of kids(kid(ws, 'cols'), 'col')) {
    const min = num(col, 'min') ?? 0;
    const max = Math.min(num(col, 'max') ?? min, MAX_COLS);
    if (min < 1 || max - min > 2000) continue; // a "rest of the sheet" span only sets defaults
    const width = num(col, 'width');
    const style = num(col, 's') ?? num(col, 'style');
    for (let c = min; c <= max; c++) {
      const props: Sheet['cols'][string] = {};
      if (width !== undefined && (flag(col, 'customWidth') || Math.abs(widthFromFile(width) - 8.43) > 0.005))
        props.width = widthFromFile(width);
      if (flag(col, 'hidden')) props.hidden = true;
      const st = style !== undefined ? styles.xfs[style] : undefined;
      if (st) props.style = structuredClone(st);
      if (Object.keys(props).length) sheet.cols[colToLetters(c)] = props;
    }
  }
  const shared = new Map<string, SharedFormula>();
  const arrays: { anchor: string; ref: string }[] = [];
  for (const row of kids(kid(ws, 'sheetData'), 'row')) {
    const r = num(row, 'r');
    if (r !== undefined && (r < 1 || r > MAX_ROWS))
      throw fileError(`${part}: row number ${r} is outside 1-${MAX_ROWS}`);
    if (r !== undefined) {
      const props: Sheet['rows'][string] = {};
      const ht = num(row, 'ht');
      if (ht !== undefined && flag(row, 'customHeight')) props.height = ht;
      if (flag(row, 'hidden')) props.hidden = true;
      const s = num(row, 's');
      const st = s !== undefined && flag(row, 'customFormat') ? styles.xfs[s] : undefined;
      if (st) props.style = structuredClone(st);
      if (Object.keys(props).length) sheet.rows[String(r)] = props;
    }
    for (const c of kids(row, 'c')) {
      const cell = readCell(c, sst, styles, shared, part, arrays);
      if (!cell) continue;
      sheet.cells[cell.addr] = {
        value: cell.value,
        ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
        ...(cell.style ? { style: cell.style } : {}),
      };
    }
  }
  // The other cells of an array formula's block are its spilled values.
  for (const { anchor, ref } of arrays) {
    const rect = rangeRect(ref);
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const addr = toA1(r, c);
        if (addr === anchor) continue;
        const cell = (sheet.cells[addr] ??= { value: null });
        if (cell.formula === undefined) cell.spilledFrom = anchor;
      }
    }
  }
  for (const m of kids(kid(ws, 'mergeCells'), 'mergeCell')) {
    const ref = at(m, 'ref');
    if (ref) sheet.merges.push(rectToA1(rangeRect(ref)));
  }
  const af = kid(ws, 'autoFilter');
  if (af) {
    sheet.autoFilter = readFilter(af);
    if (sheet.autoFilter && Object.keys(sheet.autoFilter.criteria).length) {
      const rect = rangeRect(sheet.autoFilter.range);
      for (const [k, p] of Object.entries(sheet.rows)) {
        const r = Number(k);
        if (p.hidden && r > rect.r1 && r <= rect.r2) p.filtered = true;
      }
    }
  }
  const dxfRules: ConditionalFormat[] = [];
  for (const cfNode of kids(ws, 'conditionalFormatting')) {
    const sqref = at(cfNode, 'sqref');
    if (!sqref) continue;
    for (const rule of kids(cfNode, 'cfRule')) {
      const parsed = readCfRule(rule);
      if (!parsed) continue;
      const dxfId = num(rule, 'dxfId');
      const cf: ConditionalFormat = {
        ranges: rectsToSqref(sqrefRects(sqref)),
        rule: parsed,
        style: dxfId !== undefined ? structuredClone(styles.dxfs[dxfId] ?? {}) : {},
        priority: num(rule, 'priority') ?? dxfRules.length + 1,
      };
      if (flag(rule, 'stopIfTrue')) cf.stopIfTrue = true;
      dxfRules.push(cf);
    }
  }
  sheet.conditionalFormats = dxfRules;
  for (const dv of kids(kid(ws, 'dataValidations'), 'dataValidation')) {
    const v = readValidation(dv);
    if (v) sheet.validations.push(v);
  }
  await readSheetObjects(zip, part, ws, sheet);
  return sheet;
}

/** The sheet's Excel tables (table parts) and charts (chart parts placed by its drawing). */
async function readSheetObjects(zip: JSZip, part: string, ws: XmlNode, sheet: Sheet): Promise<void> {
  const drawingId = at(kid(ws, 'drawing'), 'id');
  const tableIds = tablePartIds(ws);
  if (drawingId === undefined && tableIds.length === 0) return;
  const rels = await relsOf(zip, part);
  for (const rid of tableIds) {
    const rel = rels.get(rid);
    if (!rel) throw fileError(`${part}: table part '${rid}' is missing from the sheet's .rels part`);
    const table = readTable(await readPart(zip, rel.target, true));
    if (table) (sheet.tables ??= []).push(table);
  }
  const drawing = drawingId !== undefined ? rels.get(drawingId) : undefined;
  if (!drawing) return;
  // Excel's pixel width of a column is width * 7 + 5 (Calibri 11), 9525 EMU a pixel; a point is 12700 EMU.
  const placed = readDrawing(await readPart(zip, drawing.target, false), {
    colEmu: (col) => Math.trunc((sheet.cols[colToLetters(col)]?.width ?? 8.43) * 7 + 5) * 9525,
    rowEmu: (row) => (sheet.rows[String(row)]?.height ?? 15) * 12700,
  });
  if (placed.length === 0) return;
  const drawingRels = await relsOf(zip, drawing.target);
  for (const p of placed) {
    const rel = drawingRels.get(p.rid);
    if (!rel) continue;
    const id = p.name !== '' ? p.name : `Chart ${sheet.charts.length + 1}`;
    const chart = readChart(await readPart(zip, rel.target, false), sheet.name, p, id);
    if (chart) sheet.charts.push(chart);
  }
}

/** Parses .xlsx bytes into a workbook. */
export async function importXlsx(bytes: Uint8Array, opts: ImportOptions = {}): Promise<Workbook> {
  const zip = await openZip(bytes);
  const rootRels = await relsOf(zip, '');
  const office = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const wbPath = office?.target ?? 'xl/workbook.xml';
  const wbRoot = await readPart(zip, wbPath, true);
  const wbNode = kid(wbRoot, 'workbook');
  if (!wbNode)
    throw fileError(`${wbPath} is not a SpreadsheetML workbook (its root element is not <workbook>)`);
  const rels = await relsOf(zip, wbPath);
  const relOf = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const themePart = relOf('/theme');
  const theme = themePalette(themePart ? await readPart(zip, themePart, false) : undefined);
  const styles = readStyles(await readPart(zip, relOf('/styles') ?? 'xl/styles.xml', false), theme);
  const sst = sharedStrings(await readPart(zip, relOf('/sharedStrings') ?? 'xl/sharedStrings.xml', false));
  const sheetNodes = kids(kid(wbNode, 'sheets'), 'sheet');
  if (sheetNodes.length === 0) throw fileError(`${wbPath} lists no sheets`);
  const sheets: Sheet[] = [];
  for (const s of sheetNodes) {
    const name = at(s, 'name');
    const rid = at(s, 'id');
    if (!name) throw fileError(`${wbPath}: a <sheet> has no name`);
    const rel = rid ? rels.get(rid) : undefined;
    if (!rel)
      throw fileError(
        `${wbPath}: sheet '${name}' points at relationship '${rid ?? ''}', which is missing from its .rels part`,
      );
    if (!rel.type.endsWith('/worksheet')) continue; // chart sheets and dialog sheets are not modelled
    const sheet = await readSheet(zip, rel.target, name, sst, styles);
    const state = at(s, 'state');
    if (state === 'hidden' || state === 'veryHidden') sheet.hidden = true;
    sheets.push(sheet);
  }
  if (sheets.length === 0) throw fileError(`${wbPath} has no worksheets (only chart or dialog sheets)`);
  const activeTab = num(kid(kid(wbNode, 'bookViews'), 'workbookView'), 'activeTab') ?? 0;
  const wb: Workbook = {
    sheets,
    activeSheet: (sheets[activeTab] ?? sheets.find((s) => !s.hidden) ?? sheets[0]!).name,
    names: [],
    calc: { now: opts.now ?? DEFAULT_CLOCK, seed: 0, circularRefs: [] },
    defaultFont: styles.defaultFont,
  };
  for (const dn of kids(kid(wbNode, 'definedNames'), 'definedName')) {
    const name = at(dn, 'name');
    if (!name || name.startsWith('_xlnm.')) continue;
    const local = num(dn, 'localSheetId');
    const body = text(dn);
    const def: Workbook['names'][number] = { name, refersTo: fromFileFormula(body) };
    if (local !== undefined) {
      const scope = sheetNodes[local] ? at(sheetNodes[local], 'name') : undefined;
      if (scope) def.scope = scope;
    }
    const comment = at(dn, 'comment');
    if (comment) def.comment = comment;
    wb.names.push(def);
  }
  if (opts.recalculate !== false) recalculate(wb);
  return wb;
}
