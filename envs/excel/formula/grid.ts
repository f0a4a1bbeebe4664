/**
 * Operands seen as grids of values, and Excel's elementwise broadcasting. Shared by the evaluator and the
 * function library.
 */
import { ERR, isArray, isRef, type ArrayValue, type Operand, type RangeRef, type Scalar } from './values.ts';

/** What the evaluator needs from the workbook. */
export interface EvalEnv {
  /** Value of a cell; a formula cell that still needs computing is computed first. */
  cellValue(sheet: string, row: number, col: number): Scalar;
  /** The formula text of a cell (with '='), if it has one. */
  cellFormula(sheet: string, row: number, col: number): string | undefined;
  /** Canonical name of a sheet written in a formula (case-insensitive), or null when it does not exist. */
  resolveSheet(name: string): string | null;
  /** The formula body (no '=') a defined name stands for, looked up in `sheet`'s scope then the workbook's. */
  resolveName(name: string, sheet: string | undefined, formulaSheet: string): string | null;
  /** Last used row and column of a sheet, to clip whole-column references. */
  usedBounds(sheet: string): { rows: number; cols: number };
  /** All sheet names in tab order (for 3-D aware functions such as SHEET). */
  sheetNames(): string[];
  /** Whether a row is hidden, and why (filtered-out rows are skipped by SUBTOTAL 1-11 too). */
  rowHidden(sheet: string, row: number): 'no' | 'manual' | 'filtered';
  nowSerial: number;
  random(): number;
}

export interface EvalContext {
  env: EvalEnv;
  sheet: string;
  row: number;
  col: number;
  nameDepth?: number;
}

/** A rectangular view of an operand; reading beyond usedRows/usedCols yields blanks. */
export interface Grid {
  rows: number;
  cols: number;
  usedRows: number;
  usedCols: number;
  get(r: number, c: number): Scalar;
  /** Set when the grid reads cells (so functions can tell references from literal arrays). */
  ref?: RangeRef;
}

export function toGrid(op: Operand, env: EvalEnv): Grid {
  if (isRef(op)) {
    const rows = op.r2 - op.r1 + 1;
    const cols = op.c2 - op.c1 + 1;
    const b = env.usedBounds(op.sheet);
    const usedRows = Math.max(0, Math.min(rows, b.rows - op.r1 + 1));
    const usedCols = Math.max(0, Math.min(cols, b.cols - op.c1 + 1));
    return {
      rows,
      cols,
      usedRows,
      usedCols,
      ref: op,
      get: (r, c) => (r < usedRows && c < usedCols ? env.cellValue(op.sheet, op.r1 + r, op.c1 + c) : null),
    };
  }
  if (isArray(op)) {
    const rows = op.rows.length;
    const cols = op.rows[0]?.length ?? 0;
    return { rows, cols, usedRows: rows, usedCols: cols, get: (r, c) => op.rows[r]?.[c] ?? null };
  }
  return { rows: 1, cols: 1, usedRows: 1, usedCols: 1, get: () => op };
}

export function gridToArray(g: Grid): ArrayValue {
  const rows: Scalar[][] = [];
  for (let r = 0; r < g.rows; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < g.cols; c++) row.push(g.get(r, c));
    rows.push(row);
  }
  return { kind: 'array', rows };
}

/** A single value from an operand: a one-cell reference or 1x1 array gives its value, else top-left. */
export function toScalar(op: Operand, env: EvalEnv): Scalar {
  if (isRef(op)) return env.cellValue(op.sheet, op.r1, op.c1);
  if (isArray(op)) return op.rows[0]?.[0] ?? null;
  return op;
}

export function isMulti(op: Operand): boolean {
  if (isRef(op)) return op.r1 !== op.r2 || op.c1 !== op.c2;
  if (isArray(op)) return op.rows.length > 1 || (op.rows[0]?.length ?? 0) > 1;
  return false;
}

/** Elementwise application with Excel's broadcasting: 1-row/1-column operands stretch; gaps are #N/A. */
export function liftN(ops: Operand[], env: EvalEnv, f: (vals: Scalar[]) => Scalar): Operand {
  if (!ops.some(isMulti)) return f(ops.map((o) => toScalar(o, env)));
  const grids = ops.map((o) => toGrid(o, env));
  const rows = Math.max(...grids.map((g) => g.rows));
  const cols = Math.max(...grids.map((g) => g.cols));
  if (rows * cols > 5_000_000) return ERR.NUM;
  const out: Scalar[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < cols; c++) {
      const vals: Scalar[] = [];
      let gap = false;
      for (const g of grids) {
        const rr = g.rows === 1 ? 0 : r;
        const cc = g.cols === 1 ? 0 : c;
        if (rr >= g.rows || cc >= g.cols) {
          gap = true;
          break;
        }
        vals.push(g.get(rr, cc));
      }
      row.push(gap ? ERR.NA : f(vals));
    }
    out.push(row);
  }
  return { kind: 'array', rows: out };
}
