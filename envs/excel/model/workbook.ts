/** Creating workbooks and sheets, finding them, and reading cells and ranges with clear errors. */
import {
  colToLetters,
  lettersToCol,
  MAX_COLS,
  MAX_ROWS,
  parseA1,
  parseRect,
  rectToA1,
  toA1,
  type CellPos,
  type Rect,
} from '../formula/address.ts';
import { ExcelError } from './errors.ts';
import {
  DEFAULT_CLOCK,
  DEFAULT_FONT,
  type Cell,
  type CellStyle,
  type Sheet,
  type Workbook,
} from './types.ts';

export function newSheet(name: string): Sheet {
  return {
    name,
    cells: {},
    cols: {},
    rows: {},
    merges: [],
    freeze: null,
    autoFilter: null,
    validations: [],
    conditionalFormats: [],
    charts: [],
    selection: { active: 'A1', ranges: ['A1'] },
  };
}

export interface NewWorkbookOptions {
  sheetNames?: string[];
  /** Simulator clock for TODAY()/NOW(), ISO local date-time. */
  now?: string;
  seed?: number;
}

/** A blank workbook, by default with one sheet "Sheet1" as Excel starts. */
export function createEmptyWorkbook(opts: NewWorkbookOptions = {}): Workbook {
  const names = opts.sheetNames ?? ['Sheet1'];
  if (names.length === 0) throw new ExcelError('BAD_ARGUMENT', 'a workbook needs at least one sheet');
  const seen = new Set<string>();
  for (const n of names) {
    validateSheetName(n);
    if (seen.has(n.toLowerCase()))
      throw new ExcelError('SHEET_NAME_TAKEN', `sheet name '${n}' is used twice`);
    seen.add(n.toLowerCase());
  }
  return {
    sheets: names.map(newSheet),
    activeSheet: names[0]!,
    names: [],
    calc: { now: opts.now ?? DEFAULT_CLOCK, seed: opts.seed ?? 0, circularRefs: [] },
    defaultFont: { ...DEFAULT_FONT },
  };
}

/** Excel's rules: 1-31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
export function validateSheetName(name: string): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new ExcelError('BAD_SHEET_NAME', 'a sheet name cannot be blank');
  }
  if (name.length > 31) {
    throw new ExcelError('BAD_SHEET_NAME', `sheet name '${name}' is longer than 31 characters`);
  }
  const bad = /[:\\/?*[\]]/.exec(name);
  if (bad) {
    throw new ExcelError(
      'BAD_SHEET_NAME',
      `sheet name '${name}' contains '${bad[0]}' (not allowed: : \\ / ? * [ ])`,
    );
  }
  if (name.startsWith("'") || name.endsWith("'")) {
    throw new ExcelError('BAD_SHEET_NAME', `sheet name '${name}' cannot begin or end with an apostrophe`);
  }
  if (name.toLowerCase() === 'history') {
    throw new ExcelError('BAD_SHEET_NAME', "'History' is a reserved sheet name in Excel");
  }
}

export function findSheet(wb: Workbook, name: string): Sheet | undefined {
  // The exact name is tried first at each place (it implies the case-insensitive match), so the common lookup of
  // a name as stored allocates no lower-case copies; the first sheet matching either way still wins.
  const sheets = wb.sheets;
  let lower: string | null = null;
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i]!;
    if (s.name === name) return s;
    lower ??= name.toLowerCase();
    if (s.name.toLowerCase() === lower) return s;
  }
  return undefined;
}

/** The named sheet (case-insensitive), or the active sheet when no name is given. */
export function getSheet(wb: Workbook, name?: string): Sheet {
  const target = name ?? wb.activeSheet;
  const s = findSheet(wb, target);
  if (!s) {
    throw new ExcelError(
      'NO_SUCH_SHEET',
      `there is no sheet named '${target}' (sheets: ${wb.sheets.map((x) => `'${x.name}'`).join(', ')})`,
    );
  }
  return s;
}

export function sheetIndex(wb: Workbook, name: string): number {
  const lower = name.toLowerCase();
  return wb.sheets.findIndex((s) => s.name.toLowerCase() === lower);
}

/** Parses a cell address; throws BAD_ADDRESS with the offending text. */
export function cellPos(addr: string): CellPos {
  const p = typeof addr === 'string' ? parseA1(addr.trim()) : null;
  if (!p) {
    throw new ExcelError(
      'BAD_ADDRESS',
      `'${String(addr)}' is not a cell address (expected a column A-XFD and a row 1-${MAX_ROWS}, like B3)`,
    );
  }
  return p;
}

/** Canonical A1 key for an address written any way ("$b$3" → "B3"). */
export function normAddr(addr: string): string {
  const p = cellPos(addr);
  return toA1(p.row, p.col);
}

/** Parses "B2:D9", "B2", "C:C" or "3:5"; throws BAD_ADDRESS. */
export function rangeRect(range: string): Rect {
  const r = typeof range === 'string' ? parseRect(range.trim().replace(/\$/g, '')) : null;
  if (!r) {
    throw new ExcelError(
      'BAD_ADDRESS',
      `'${String(range)}' is not a range (expected something like B2:D9, C:C or 3:5)`,
    );
  }
  return r;
}

/** A range given with or without a sheet prefix ("'Q1 Data'!A1:C6"); the sheet defaults to `sheet`. */
export function splitSheetRange(text: string): { sheet?: string; range: string } {
  const t = text.trim().replace(/^=/, '');
  const bang = t.lastIndexOf('!');
  if (bang < 0) return { range: t };
  let sheet = t.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: t.slice(bang + 1) };
}

/** Cell at 1-based row/col, if it exists. */
export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.cells[toA1(row, col)];
}

export function checkRowCol(row: number, col: number): void {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) {
    throw new ExcelError('OUT_OF_SHEET', `row ${row} is outside the sheet (1-${MAX_ROWS})`);
  }
  if (!Number.isInteger(col) || col < 1 || col > MAX_COLS) {
    throw new ExcelError('OUT_OF_SHEET', `column ${col} is outside the sheet (1-${MAX_COLS})`);
  }
}

/** Row/column style a new cell inherits: the row's style wins over the column's, as in Excel. */
export function inheritedStyle(sheet: Sheet, row: number, col: number): CellStyle | undefined {
  const rs = sheet.rows[String(row)]?.style;
  const cs = sheet.cols[colToLetters(col)]?.style;
  const s = rs ?? cs;
  return s ? structuredClone(s) : undefined;
}

/** The cell at (row, col), created blank (with inherited row/column formatting) when missing. */
export function ensureCell(sheet: Sheet, row: number, col: number): Cell {
  const addr = toA1(row, col);
  let c = sheet.cells[addr];
  if (!c) {
    c = { value: null };
    const st = inheritedStyle(sheet, row, col);
    if (st) c.style = st;
    sheet.cells[addr] = c;
  }
  return c;
}

/** Drops a cell that holds nothing (no value, formula or style). */
export function pruneCell(sheet: Sheet, addr: string): void {
  const c = sheet.cells[addr];
  if (c && c.value === null && c.formula === undefined && (!c.style || Object.keys(c.style).length === 0)) {
    delete sheet.cells[addr];
  }
}

export function isEmptyCell(c: Cell | undefined): boolean {
  return !c || (c.value === null && c.formula === undefined);
}

/** Bounding box of cells with a value or formula (or, with `withFormats`, any stored cell); null if none. */
export function usedRect(sheet: Sheet, withFormats = false): Rect | null {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = 0;
  let c2 = 0;
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    if (!withFormats && isEmptyCell(cell)) continue;
    const p = parseA1(addr);
    if (!p) continue;
    if (p.row < r1) r1 = p.row;
    if (p.row > r2) r2 = p.row;
    if (p.col < c1) c1 = p.col;
    if (p.col > c2) c2 = p.col;
  }
  return r2 === 0 ? null : { r1, c1, r2, c2 };
}

export function usedRange(sheet: Sheet, withFormats = false): string | null {
  const r = usedRect(sheet, withFormats);
  return r ? rectToA1(r) : null;
}

/** Cells within a rectangle that exist, in row-major order. */
export function cellsIn(sheet: Sheet, rect: Rect): { addr: string; row: number; col: number; cell: Cell }[] {
  const out: { addr: string; row: number; col: number; cell: Cell }[] = [];
  const area = (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
  const entries = Object.entries(sheet.cells);
  if (area <= entries.length) {
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const addr = toA1(r, c);
        const cell = sheet.cells[addr];
        if (cell) out.push({ addr, row: r, col: c, cell });
      }
    }
    return out;
  }
  for (const [addr, cell] of entries) {
    const p = parseA1(addr);
    if (p && p.row >= rect.r1 && p.row <= rect.r2 && p.col >= rect.c1 && p.col <= rect.c2) {
      out.push({ addr, row: p.row, col: p.col, cell });
    }
  }
  out.sort((a, b) => a.row - b.row || a.col - b.col);
  return out;
}

export function colKey(col: number): string {
  return colToLetters(col);
}

export function colFromKey(key: string): number {
  return lettersToCol(key);
}

export { toA1, rectToA1 };
