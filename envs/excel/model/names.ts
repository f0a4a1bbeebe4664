/** Defined names (Formulas > Define Name, the Name Box, Name Manager). */
import { lettersToCol, MAX_ROWS, quoteSheetName } from '../formula/address.ts';
import { recalculate } from './calc.ts';
import { normalizeFormula } from './entry.ts';
import { ExcelError } from './errors.ts';
import type { DefinedName, Workbook } from './types.ts';
import { getSheet, rangeRect, splitSheetRange } from './workbook.ts';

/** Excel's rules for a name: letter, _ or \ first; letters, digits, _ . \ after; not a cell reference. */
export function validateName(name: string): void {
  if (typeof name !== 'string' || name === '') throw new ExcelError('BAD_NAME', 'a name cannot be empty');
  if (name.length > 255)
    throw new ExcelError('BAD_NAME', `name '${name.slice(0, 20)}...' is longer than 255 characters`);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) {
    throw new ExcelError(
      'BAD_NAME',
      `'${name}' is not a valid name: start with a letter, _ or \\ and use only letters, digits, _ . \\ (no spaces)`,
    );
  }
  const cellLike = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (cellLike && !Number.isNaN(lettersToCol(cellLike[1]!)) && Number(cellLike[2]) <= MAX_ROWS) {
    throw new ExcelError('BAD_NAME', `'${name}' is not a valid name: it looks like a cell reference`);
  }
  if (/^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name)) {
    throw new ExcelError('BAD_NAME', `'${name}' is not a valid name: R and C style references are reserved`);
  }
  if (/^(TRUE|FALSE)$/i.test(name)) throw new ExcelError('BAD_NAME', `'${name}' is not a valid name`);
}

export function findName(wb: Workbook, name: string, scope?: string): DefinedName | undefined {
  const lower = name.toLowerCase();
  return wb.names.find(
    (n) => n.name.toLowerCase() === lower && (n.scope ?? '').toLowerCase() === (scope ?? '').toLowerCase(),
  );
}

export interface DefineNameOptions {
  /** Sheet for a sheet-level name; absent means workbook scope. */
  scope?: string;
  comment?: string;
  /** Replace an existing definition instead of refusing. */
  replace?: boolean;
}

/**
 * Defines a name. `refersTo` is a range ("B2:B9" on the active sheet, "Sheet2!$A$1:$A$5") or a
 * formula ("=0.07", "=Sheet1!$B$1*2"). Ranges are stored absolute and sheet-qualified, as the Name
 * Box does.
 */
export function defineName(
  wb: Workbook,
  name: string,
  refersTo: string,
  opts: DefineNameOptions = {},
): DefinedName {
  validateName(name);
  const scope = opts.scope !== undefined ? getSheet(wb, opts.scope).name : undefined;
  const existing = findName(wb, name, scope);
  if (existing && !opts.replace) {
    throw new ExcelError(
      'BAD_NAME',
      `the name '${existing.name}' already exists${scope ? ` on sheet '${scope}'` : ''}; names must be unique`,
    );
  }
  const formula = toRefersTo(wb, refersTo, scope);
  const def: DefinedName = { name: existing?.name ?? name, refersTo: formula };
  if (scope !== undefined) def.scope = scope;
  if (opts.comment !== undefined) def.comment = opts.comment;
  if (existing) wb.names[wb.names.indexOf(existing)] = def;
  else wb.names.push(def);
  recalculate(wb);
  return def;
}

function toRefersTo(wb: Workbook, text: string, scope: string | undefined): string {
  if (typeof text !== 'string' || text.trim() === '')
    throw new ExcelError('BAD_ARGUMENT', 'a name must refer to something');
  const t = text.trim();
  if (!t.startsWith('=')) {
    const { sheet, range } = splitSheetRange(t);
    const rect = rangeRect(range);
    const s = getSheet(wb, sheet ?? scope ?? wb.activeSheet);
    const abs = rangeToAbsolute(range, rect);
    return `=${quoteSheetName(s.name)}!${abs}`;
  }
  return normalizeFormula(t, wb);
}

function rangeToAbsolute(range: string, rect: ReturnType<typeof rangeRect>): string {
  const clean = range.replace(/\$/g, '').toUpperCase();
  const [a, b] = clean.split(':');
  const absPart = (p: string) =>
    p.replace(/^([A-Z]+)?(\d+)?$/, (_m, c?: string, r?: string) => `${c ? `$${c}` : ''}${r ? `$${r}` : ''}`);
  if (b === undefined || (rect.r1 === rect.r2 && rect.c1 === rect.c2 && a === b)) return absPart(a!);
  return `${absPart(a!)}:${absPart(b)}`;
}

export function deleteName(wb: Workbook, name: string, scope?: string): void {
  const hit = findName(wb, name, scope);
  if (!hit)
    throw new ExcelError('NO_SUCH_NAME', `there is no name '${name}'${scope ? ` on sheet '${scope}'` : ''}`);
  wb.names.splice(wb.names.indexOf(hit), 1);
  recalculate(wb);
}

/** The range a name stands for, if it is a plain reference ("Sheet1!$B$2:$B$9"), else null. */
export function nameRange(
  wb: Workbook,
  name: string,
  scope?: string,
): { sheet: string; range: string } | null {
  const hit = findName(wb, name, scope) ?? findName(wb, name);
  if (!hit) return null;
  const { sheet, range } = splitSheetRange(hit.refersTo);
  try {
    rangeRect(range);
  } catch {
    return null;
  }
  return sheet === undefined ? null : { sheet, range: range.replace(/\$/g, '') };
}
