/**
 * Workbook-wide formula rewriting. Structural edits (inserting rows, renaming a sheet...) must change
 * every formula that can mention a reference: cell formulas, defined names, data-validation and
 * conditional-format formulas, and chart source ranges. This module walks all of them once.
 */
import type { Workbook } from './types.ts';

/** Rewrites a formula body (no '='); `formulaSheet` is the sheet unqualified references point at. */
export type BodyRewriter = (body: string, formulaSheet: string) => string;

function rewriteFormula(f: string, sheet: string, fn: BodyRewriter): string {
  return f.startsWith('=') ? `=${fn(f.slice(1), sheet)}` : f;
}

/**
 * Applies `fn` to every formula in the workbook. Workbook-scoped names have no sheet of their own;
 * their references are always sheet-qualified in Excel, so the first sheet stands in.
 */
export function rewriteAllFormulas(wb: Workbook, fn: BodyRewriter): void {
  for (const s of wb.sheets) {
    for (const cell of Object.values(s.cells)) {
      if (cell.formula !== undefined) cell.formula = rewriteFormula(cell.formula, s.name, fn);
    }
    for (const v of s.validations) {
      if (v.formula1 !== undefined) v.formula1 = rewriteFormula(v.formula1, s.name, fn);
      if (v.formula2 !== undefined) v.formula2 = rewriteFormula(v.formula2, s.name, fn);
    }
    for (const cf of s.conditionalFormats) {
      if (cf.rule.type === 'cellIs')
        cf.rule.values = cf.rule.values.map((x) => rewriteFormula(x, s.name, fn));
      else if (cf.rule.type === 'expression') cf.rule.formula = rewriteFormula(cf.rule.formula, s.name, fn);
    }
    for (const ch of s.charts) ch.dataRange = fn(ch.dataRange, s.name);
  }
  const fallback = wb.sheets[0]?.name ?? 'Sheet1';
  for (const n of wb.names) n.refersTo = rewriteFormula(n.refersTo, n.scope ?? fallback, fn);
}
