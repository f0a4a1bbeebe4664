/**
 * The workbook as the observation's canvas: compact structured JSON of what a user sees (displayed
 * text, values, formulas, formatting that differs from the default, layout, rules, charts with the
 * data they plot). It shares nothing with the workbook, so callers may keep or change it freely.
 */
import { parseA1 } from '../formula/address.ts';
import { formatValue } from '../formula/number-format.ts';
import { chartData } from './charts.ts';
import { conditionalStyleAt } from './conditional.ts';
import type { CellStyle, CellValue, Workbook } from './types.ts';
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

export function workbookCanvas(wb: Workbook, opts: CanvasOptions = {}) {
  const maxCells = opts.maxCells ?? 2000;
  return {
    activeSheet: wb.activeSheet,
    names: wb.names.map((n) => ({ ...n })),
    circularRefs: [...wb.calc.circularRefs],
    sheets: wb.sheets.map((s) => {
      const entries = Object.entries(s.cells)
        .map(([addr, cell]) => ({ addr, cell, p: parseA1(addr)! }))
        .sort((a, b) => a.p.row - b.p.row || a.p.col - b.p.col);
      const cells: Record<string, CanvasCell> = {};
      let listed = 0;
      for (const { addr, cell } of entries) {
        if (listed >= maxCells) break;
        const c: CanvasCell = {
          text: formatValue(cell.value, cell.style?.numFmt),
          value: structuredClone(cell.value),
        };
        if (cell.formula !== undefined) c.formula = cell.formula;
        if (cell.style) c.style = structuredClone(cell.style);
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
        cols: structuredClone(s.cols),
        rows: structuredClone(s.rows),
        merges: [...s.merges],
        freeze: s.freeze ? { ...s.freeze } : null,
        autoFilter: s.autoFilter ? structuredClone(s.autoFilter) : null,
        validations: structuredClone(s.validations),
        conditionalFormats: structuredClone(s.conditionalFormats),
        charts: s.charts.map((ch) => ({ ...structuredClone(ch), data: chartData(wb, s.name, ch) })),
        ...(s.tables !== undefined && s.tables.length > 0 ? { tables: structuredClone(s.tables) } : {}),
        selection: structuredClone(s.selection),
      };
    }),
  };
}
