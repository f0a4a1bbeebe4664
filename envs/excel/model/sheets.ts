/** Sheet tabs: add, rename, delete, move, activate, hide, with formulas following the change. */
import { deleteSheetInFormula, renameSheetInFormula } from '../formula/references.ts';
import { recalculate } from './calc.ts';
import { nextChartId } from './charts.ts';
import { ExcelError } from './errors.ts';
import { rewriteAllFormulas } from './rewrite.ts';
import type { Sheet, Workbook } from './types.ts';
import { findSheet, getSheet, newSheet, sheetIndex, validateSheetName } from './workbook.ts';

function checkFreeName(wb: Workbook, name: string, except?: Sheet): void {
  validateSheetName(name);
  const other = findSheet(wb, name);
  if (other && other !== except) {
    throw new ExcelError(
      'SHEET_NAME_TAKEN',
      `that name is already taken: there is a sheet named '${other.name}'`,
    );
  }
}

/** The name Excel gives a new sheet: "Sheet" plus one more than the highest number in use. */
export function nextSheetName(wb: Workbook): string {
  let max = 0;
  for (const s of wb.sheets) {
    const m = /^Sheet(\d+)$/i.exec(s.name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = Math.max(max + 1, wb.sheets.length + 1);
  while (findSheet(wb, `Sheet${n}`)) n++;
  return `Sheet${n}`;
}

/**
 * Inserts a new sheet (Excel's "+" button puts it after the active sheet) and makes it active.
 * `index` is the 0-based tab position. Returns the sheet's name.
 */
export function addSheet(wb: Workbook, name?: string, index?: number): string {
  const finalName = name ?? nextSheetName(wb);
  checkFreeName(wb, finalName);
  const at = index ?? sheetIndex(wb, wb.activeSheet) + 1;
  if (!Number.isInteger(at) || at < 0 || at > wb.sheets.length) {
    throw new ExcelError('BAD_ARGUMENT', `sheet position ${at} is outside 0-${wb.sheets.length}`);
  }
  wb.sheets.splice(at, 0, newSheet(finalName));
  wb.activeSheet = finalName;
  // Formulas that referred to a missing sheet of this name now have something to read.
  recalculate(wb);
  return finalName;
}

/** Renames a sheet; every formula, name, rule and chart that mentions it follows. */
export function renameSheet(wb: Workbook, oldName: string, newName: string): void {
  const sheet = getSheet(wb, oldName);
  checkFreeName(wb, newName, sheet);
  const was = sheet.name;
  if (was === newName) return;
  rewriteAllFormulas(wb, (body, fs) => renameSheetInFormula(body, fs, was, newName));
  for (const n of wb.names)
    if (n.scope !== undefined && n.scope.toLowerCase() === was.toLowerCase()) n.scope = newName;
  wb.calc.circularRefs = wb.calc.circularRefs.map((r) =>
    r.startsWith(`${was}!`) ? `${newName}!${r.slice(was.length + 1)}` : r,
  );
  sheet.name = newName;
  if (wb.activeSheet.toLowerCase() === was.toLowerCase()) wb.activeSheet = newName;
  recalculate(wb);
}

/**
 * Deletes a sheet. References to it become #REF! (as Excel rewrites them), names scoped to it go, and
 * the next sheet (or the previous, for the last tab) becomes active. A workbook keeps at least one
 * visible sheet.
 */
export function deleteSheet(wb: Workbook, name: string): void {
  const sheet = getSheet(wb, name);
  const visible = wb.sheets.filter((s) => !s.hidden);
  if (wb.sheets.length === 1 || (visible.length === 1 && visible[0] === sheet)) {
    throw new ExcelError('LAST_SHEET', 'a workbook must contain at least one visible worksheet');
  }
  const idx = wb.sheets.indexOf(sheet);
  wb.sheets.splice(idx, 1);
  wb.names = wb.names.filter(
    (n) => n.scope === undefined || n.scope.toLowerCase() !== sheet.name.toLowerCase(),
  );
  rewriteAllFormulas(wb, (body, fs) => deleteSheetInFormula(body, fs, sheet.name));
  if (wb.activeSheet.toLowerCase() === sheet.name.toLowerCase()) {
    const next =
      wb.sheets.slice(idx).find((s) => !s.hidden) ?? [...wb.sheets].reverse().find((s) => !s.hidden);
    wb.activeSheet = next!.name;
  }
  recalculate(wb);
}

/** Moves a sheet tab to a 0-based position. */
export function moveSheet(wb: Workbook, name: string, index: number): void {
  const sheet = getSheet(wb, name);
  if (!Number.isInteger(index) || index < 0 || index >= wb.sheets.length) {
    throw new ExcelError('BAD_ARGUMENT', `sheet position ${index} is outside 0-${wb.sheets.length - 1}`);
  }
  wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
  wb.sheets.splice(index, 0, sheet);
}

/** Selects a sheet tab. */
export function activateSheet(wb: Workbook, name: string): void {
  const sheet = getSheet(wb, name);
  if (sheet.hidden) throw new ExcelError('BAD_ARGUMENT', `sheet '${sheet.name}' is hidden; unhide it first`);
  wb.activeSheet = sheet.name;
}

/** Right-click > Hide / Unhide. */
export function setSheetHidden(wb: Workbook, name: string, hidden: boolean): void {
  const sheet = getSheet(wb, name);
  if (hidden && wb.sheets.filter((s) => !s.hidden && s !== sheet).length === 0) {
    throw new ExcelError('LAST_SHEET', 'a workbook must contain at least one visible worksheet');
  }
  if (hidden) sheet.hidden = true;
  else delete sheet.hidden;
  if (hidden && wb.activeSheet === sheet.name) {
    wb.activeSheet = wb.sheets.find((s) => !s.hidden)!.name;
  }
}

/** Right-click a tab > Tab Color: '#RRGGBB', or null for No Color. */
export function setTabColor(wb: Workbook, name: string, color: string | null): void {
  const sheet = getSheet(wb, name);
  if (color === null) {
    delete sheet.tabColor;
    return;
  }
  if (!/^#[0-9A-Fa-f]{6}$/.test(color))
    throw new ExcelError('BAD_ARGUMENT', `tab colour '${color}' is not a '#RRGGBB' colour`);
  sheet.tabColor = color.toUpperCase();
}

/** Move or Copy > Create a copy: a deep copy named like Excel's "Sheet1 (2)", placed after the original. */
export function copySheet(wb: Workbook, name: string, newName?: string): string {
  const sheet = getSheet(wb, name);
  let target = newName;
  if (target === undefined) {
    let n = 2;
    const base = sheet.name.slice(0, 31 - 4);
    while (findSheet(wb, `${base} (${n})`)) n++;
    target = `${base} (${n})`;
  }
  checkFreeName(wb, target);
  const copy = structuredClone(sheet);
  copy.name = target;
  delete copy.hidden;
  const charts = copy.charts;
  copy.charts = [];
  wb.sheets.splice(wb.sheets.indexOf(sheet) + 1, 0, copy);
  for (const c of charts) copy.charts.push({ ...c, id: nextChartId(wb) });
  wb.activeSheet = target;
  recalculate(wb);
  return target;
}
