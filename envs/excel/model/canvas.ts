/**
 * The workbook as the observation's canvas: compact structured JSON of what a user sees (displayed
 * text, values, formulas, formatting that differs from the default, layout, rules, charts with the
 * data they plot). It shares nothing with the workbook, so callers may keep or change it freely.
 */
import { parseA1 } from '../formula/address.ts';
import { formatValue } from '../formula/number-format.ts';
import { chartData } from './charts.ts';
import { conditionalStyleAt } from './conditional.ts';
import type { CellStyle, CellValue, Selection, Sheet, Workbook } from './types.ts';
import { usedRange } from './workbook.ts';

export interface CanvasCell {
  /** Displayed text. */
  text: string;
  value: CellValue;
  formula?: string;
  style?: CellStyle;
  /** The look conditional formatting gives the cell now, if any. */
  conditional?: object;
  spilledFrom?: string;
}

export interface CanvasOptions {
  /** Cells listed per sheet at most (row-major); the rest are counted in `truncatedCells`. Default 2000. */
  maxCells?: number;
}

/** A sheet's canvas without its selection: what stays the same while only selections change. */
type SheetBody = ReturnType<typeof sheetBody>;

interface CanvasBody {
  names: Workbook['names'];
  circularRefs: string[];
  sheets: SheetBody[];
}

export function workbookCanvas(wb: Workbook, opts: CanvasOptions = {}) {
  return assemble(wb, canvasBody(wb, opts.maxCells ?? 2000));
}

/**
 * `workbookCanvas`, reusing the cells, layout, rules and charts computed for a workbook of the same content: an
 * observation is made after every step, and most steps only move the selection. The content is compared with a
 * private copy kept from the last computation (everything but the sheets' selections and the active sheet), so
 * changes made in place are seen; the answer is a fresh copy as `workbookCanvas` gives.
 */
export function cachedWorkbookCanvas(wb: Workbook, opts: CanvasOptions = {}) {
  const maxCells = opts.maxCells ?? 2000;
  let memo = memos.get(wb) ?? lastMemo;
  if (memo === null || memo.maxCells !== maxCells || !sameWorkbookContent(wb, memo.source)) {
    memo = { source: copyData(wb), maxCells, body: canvasBody(wb, maxCells) };
  }
  memos.set(wb, memo);
  lastMemo = memo;
  return assemble(wb, memo.body, true);
}

interface CanvasMemo {
  /** A copy of the workbook the body was computed from. */
  source: Workbook;
  maxCells: number;
  body: CanvasBody;
}

/** The memo per workbook object, and the latest one (undo and rollback hand the state a new workbook object). */
const memos = new WeakMap<Workbook, CanvasMemo>();
let lastMemo: CanvasMemo | null = null;

/** The canvas from its selection-free body, in the key order `workbookCanvas` has always had. */
function assemble(wb: Workbook, body: CanvasBody, copy = false) {
  return {
    activeSheet: wb.activeSheet,
    names: copy ? copyData(body.names) : body.names,
    circularRefs: copy ? [...body.circularRefs] : body.circularRefs,
    sheets: body.sheets.map((b, i) => {
      // The body is this canvas's own (fresh or a copy), so the selection is added to it as its last member.
      const sheet = (copy ? copyData(b) : b) as SheetBody & { selection: Selection };
      sheet.selection = copyData(wb.sheets[i]!.selection);
      return sheet;
    }),
  };
}

function canvasBody(wb: Workbook, maxCells: number): CanvasBody {
  return {
    names: wb.names.map((n) => ({ ...n })),
    circularRefs: [...wb.calc.circularRefs],
    sheets: wb.sheets.map((s) => sheetBody(wb, s, maxCells)),
  };
}

function sheetBody(wb: Workbook, s: Sheet, maxCells: number) {
  const entries = Object.entries(s.cells)
    .map(([addr, cell]) => ({ addr, cell, p: parseA1(addr)! }))
    .sort((a, b) => a.p.row - b.p.row || a.p.col - b.p.col);
  const cells: Record<string, CanvasCell> = {};
  let listed = 0;
  for (const { addr, cell } of entries) {
    if (listed >= maxCells) break;
    const c: CanvasCell = {
      text: formatValue(cell.value, cell.style?.numFmt),
      value: copyData(cell.value),
    };
    if (cell.formula !== undefined) c.formula = cell.formula;
    if (cell.style) c.style = copyData(cell.style);
    if (cell.spilledFrom !== undefined) c.spilledFrom = cell.spilledFrom;
    if (s.conditionalFormats.length) {
      const cf = conditionalStyleAt(wb, s.name, addr);
      if (cf) c.conditional = cf;
    }
    cells[addr] = c;
    listed++;
  }
  return {
    name: s.name,
    ...(s.hidden ? { hidden: true } : {}),
    ...(s.tabColor !== undefined ? { tabColor: s.tabColor } : {}),
    usedRange: usedRange(s),
    cells,
    truncatedCells: entries.length - listed,
    cols: copyData(s.cols),
    rows: copyData(s.rows),
    merges: [...s.merges],
    freeze: s.freeze ? { ...s.freeze } : null,
    autoFilter: s.autoFilter ? copyData(s.autoFilter) : null,
    validations: copyData(s.validations),
    conditionalFormats: copyData(s.conditionalFormats),
    charts: s.charts.map((ch) => ({ ...copyData(ch), data: chartData(wb, s.name, ch) })),
    ...(s.tables !== undefined && s.tables.length > 0 ? { tables: copyData(s.tables) } : {}),
  };
}

/**
 * A deep copy of plain data as `structuredClone` makes it (members holding `undefined` are kept), without its
 * per-call cost: workbooks are plain JSON-like data.
 */
export function copyData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const n = value.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v: unknown = value[i];
      out[i] = v === null || typeof v !== 'object' ? v : copyData(v);
    }
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v: unknown = (value as Record<string, unknown>)[key];
    out[key] = v === null || typeof v !== 'object' ? v : copyData(v);
  }
  return out as T;
}

/** Whether two workbooks hold the same content but for the sheets' selections and the active sheet. */
function sameWorkbookContent(a: Workbook, b: Workbook): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const key = ka[i]!;
    if (key !== kb[i]) return false;
    if (key === 'activeSheet') continue;
    if (key !== 'sheets') {
      if (!sameData(a[key as keyof Workbook], b[key as keyof Workbook])) return false;
      continue;
    }
    const sa = a.sheets;
    const sb = b.sheets;
    if (!Array.isArray(sa) || !Array.isArray(sb) || sa.length !== sb.length) return false;
    for (let j = 0; j < sa.length; j++) if (!sameSheetContent(sa[j]!, sb[j]!)) return false;
  }
  return true;
}

function sameSheetContent(a: Sheet, b: Sheet): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const key = ka[i]!;
    if (key !== kb[i]) return false;
    if (key !== 'selection' && !sameData(a[key as keyof Sheet], b[key as keyof Sheet])) return false;
  }
  return true;
}

/**
 * Deep equality of plain data that also holds the members' order (copies keep it, and the canvas shows it):
 * leaves compare with `Object.is`, so NaN equals NaN and 0 differs from -0.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const key = ka[i]!;
    if (key !== kb[i]) return false;
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
