/**
 * The Excel app's state: the workbook (its sheets keep their own selection, as Excel does), the cell being
 * typed into (Enter or Edit mode), the clipboard, which rows and columns the grid shows, and the file.
 */
import { colToLetters, parseRect, rectToA1, toA1, type Rect } from '../formula/address.ts';
import { ExcelError } from '../model/errors.ts';
import { setCellValue, setFormula } from '../model/cells.ts';
import { addConditionalFormat, type ConditionalFormatInput } from '../model/conditional.ts';
import { setAutoFilter, setFilterCriterion } from '../model/filter.ts';
import { setStyle } from '../model/format.ts';
import type { StylePatch } from '../model/styles.ts';
import type { CellStyle, FilterCriterion, Sheet, Workbook } from '../model/types.ts';
import { createEmptyWorkbook, getSheet, splitSheetRange } from '../model/workbook.ts';
import type { Clip } from '../model/clipboard.ts';

/** Rows and columns of the grid window the observation lists (A1:T40 when scrolled to the top left). */
export const VISIBLE_ROWS = 40;
export const VISIBLE_COLS = 20;

/** Excel's cell-entry modes: Enter (typing replaced the cell; arrows confirm) and Edit (F2; arrows stay). */
export interface CellEntry {
  text: string;
  mode: 'enter' | 'edit';
}

export interface ExcelFile {
  name: string;
  /** The latest Save As, recorded (the simulator does not write files from commands). */
  saved: { path: string; format: 'xlsx' | 'csv' } | null;
}

export interface ExcelState {
  wb: Workbook;
  entry: CellEntry | null;
  clip: Clip | null;
  /** Top-left cell of the visible grid window. */
  scroll: { row: number; col: number };
  file: ExcelFile;
  /**
   * A sheet tab being renamed in place (Home > Format > Rename Sheet): its new name as typed so far; `fresh`
   * while the old name is still selected, so the first typed character replaces it.
   */
  renaming?: { sheet: string; text: string; fresh: boolean } | null;
}

/** A workbook given as a template, or a new blank one ("Book1", one sheet). */
export function createExcelState(template: unknown): ExcelState {
  let wb: Workbook;
  if (template === undefined || template === null || template === '' || template === 'blank') {
    wb = createEmptyWorkbook();
  } else if (isWorkbook(template)) {
    wb = structuredClone(template);
  } else if (isCompactBook(template)) {
    wb = compactWorkbook(template);
  } else {
    throw new TypeError(
      `Excel template must be a workbook object ({sheets, activeSheet, ...}) or undefined for a blank workbook, got ${JSON.stringify(template)?.slice(0, 80)}`,
    );
  }
  return { wb, entry: null, clip: null, scroll: { row: 1, col: 1 }, file: { name: 'Book1', saved: null } };
}

/**
 * The compact template form task suites use (a full workbook is ~1 kB of boilerplate per task):
 * `{sheets: {Sales: [["Region", "Units"], ["East", 12]], Notes: []}, active?: "Sales", styles?: {"Sales!A1:B1":
 * {font: {bold: true}}}}`. Rows start at A1; strings starting with '=' are formulas, other values are stored as
 * given (no parsing, so "00123" stays text); null leaves the cell blank. The first sheet is active by default.
 */
export interface CompactBook {
  sheets: Record<string, readonly (readonly (string | number | boolean | null)[])[]>;
  active?: string;
  styles?: Record<string, CellStyle>;
  /** Per sheet: an AutoFilter range and its criteria by column letter (applied, so rows hide). */
  filters?: Record<string, { range: string; criteria?: Record<string, FilterCriterion> }>;
  /** Per sheet: conditional formatting rules, as the model's addConditionalFormat takes them. */
  conditional?: Record<string, ConditionalFormatInput[]>;
}

function isCompactBook(v: unknown): v is CompactBook {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { sheets?: unknown };
  return typeof o.sheets === 'object' && o.sheets !== null && !Array.isArray(o.sheets);
}

function compactWorkbook(spec: CompactBook): Workbook {
  const wb = createEmptyWorkbook({ sheetNames: Object.keys(spec.sheets) });
  for (const [name, rows] of Object.entries(spec.sheets)) {
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        const addr = toA1(i + 1, j + 1);
        if (typeof v === 'string' && v.startsWith('=')) setFormula(wb, name, addr, v);
        else setCellValue(wb, name, addr, v);
      }),
    );
  }
  for (const [ref, style] of Object.entries(spec.styles ?? {})) {
    const { sheet, range } = splitSheetRange(ref);
    setStyle(wb, sheet ?? wb.sheets[0]!.name, range, style as StylePatch);
  }
  for (const [name, f] of Object.entries(spec.filters ?? {})) {
    setAutoFilter(wb, name, f.range);
    for (const [col, c] of Object.entries(f.criteria ?? {})) setFilterCriterion(wb, name, col, c);
  }
  for (const [name, rules] of Object.entries(spec.conditional ?? {}))
    for (const rule of rules) addConditionalFormat(wb, name, rule);
  if (spec.active !== undefined) wb.activeSheet = getSheet(wb, spec.active).name;
  return wb;
}

function isWorkbook(v: unknown): v is Workbook {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Partial<Workbook>;
  return Array.isArray(o.sheets) && o.sheets.length > 0 && typeof o.activeSheet === 'string';
}

export function activeSheet(s: ExcelState): Sheet {
  return getSheet(s.wb, s.wb.activeSheet);
}

/** The selected ranges of the active sheet ("B2:D5"); a single cell is "B2". */
export function selectedRanges(s: ExcelState): string[] {
  const sel = activeSheet(s).selection;
  return sel.ranges.length > 0 ? sel.ranges : [sel.active];
}

export function selectionRect(s: ExcelState): Rect {
  const ranges = selectedRanges(s);
  const r = parseRect(ranges[ranges.length - 1]!);
  if (r === null) throw new ExcelError('BAD_ARGUMENT', `bad selection '${ranges.join(',')}'`);
  return r;
}

/** `activeCell` answers by the selection's `active` text: observations ask for it many times per step. */
const activeCells = new Map<string, Readonly<{ row: number; col: number; addr: string }>>();

let lastActive: string | null = null;
let lastActiveCell: Readonly<{ row: number; col: number; addr: string }> | null = null;

export function activeCell(s: ExcelState): Readonly<{ row: number; col: number; addr: string }> {
  return activeCellOf(activeSheet(s));
}

/** The active cell of `sheet` (`activeCell` when it is the active sheet). */
export function activeCellOf(sheet: Sheet): Readonly<{ row: number; col: number; addr: string }> {
  const active = sheet.selection.active;
  if (active === lastActive) return lastActiveCell!;
  let hit = activeCells.get(active);
  if (hit === undefined) {
    const r = parseRect(active)!;
    // Frozen: every caller shares it.
    hit = Object.freeze({ row: r.r1, col: r.c1, addr: toA1(r.r1, r.c1) });
    if (activeCells.size >= 4096) activeCells.clear();
    activeCells.set(active, hit);
  }
  lastActive = active;
  lastActiveCell = hit;
  return hit;
}

/** Selects `range` with `active` as its active cell, and scrolls it into view. */
export function select(s: ExcelState, range: Rect, active: { row: number; col: number }): void {
  const sheet = activeSheet(s);
  const a = toA1(active.row, active.col);
  const single = range.r1 === range.r2 && range.c1 === range.c2;
  sheet.selection = { active: a, ranges: [single ? a : rectToA1(range)] };
  scrollIntoView(s, active.row, active.col);
}

export function scrollIntoView(s: ExcelState, row: number, col: number): void {
  const sc = s.scroll;
  if (row < sc.row) sc.row = row;
  else if (row >= sc.row + VISIBLE_ROWS) sc.row = row - VISIBLE_ROWS + 1;
  if (col < sc.col) sc.col = col;
  else if (col >= sc.col + VISIBLE_COLS) sc.col = col - VISIBLE_COLS + 1;
}

export function visibleWindow(s: ExcelState): string {
  const { row, col } = s.scroll;
  return `${colToLetters(col)}${row}:${colToLetters(col + VISIBLE_COLS - 1)}${row + VISIBLE_ROWS - 1}`;
}
