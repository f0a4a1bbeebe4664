/**
 * Excel tables (ListObjects) as SpreadsheetML table parts (ECMA-376 Part 1, §18.5): one xl/tables/tableN.xml
 * per table, linked from its sheet by <tableParts>.
 */
import { rectToA1, toA1 } from '../formula/address.ts';
import { formatValue } from '../formula/number-format.ts';
import type { ExcelTable, Sheet } from '../model/types.ts';
import { rangeRect } from '../model/workbook.ts';
import { at, el, kid, kids, NS, num, XML_DECL, type XmlNode } from './xml.ts';

/**
 * The column names a table part declares. Excel requires them unique (ignoring case) and equal to the header
 * cells' text; it names blank headers "ColumnN" and numbers duplicates "Name2", "Name3"..., as it does when the
 * table is created.
 */
export function tableColumnNames(sheet: Sheet, table: ExcelTable): string[] {
  const rect = rangeRect(table.range);
  const seen = new Set<string>();
  const names: string[] = [];
  for (let c = rect.c1; c <= rect.c2; c++) {
    const i = c - rect.c1 + 1;
    let base = `Column${i}`;
    if (table.headerRow) {
      const cell = sheet.cells[toA1(rect.r1, c)];
      const v = cell?.value;
      const t =
        v === undefined || v === null ? '' : typeof v === 'string' ? v : formatValue(v, cell?.style?.numFmt);
      if (t !== '') base = t;
    }
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/**
 * Header cells whose stored value differs from the name the table part gives the column; the sheet must
 * hold the name as text there, or Excel repairs the file.
 */
export function headerOverrides(sheet: Sheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of sheet.tables ?? []) {
    if (!t.headerRow) continue;
    const rect = rangeRect(t.range);
    tableColumnNames(sheet, t).forEach((name, i) => {
      const addr = toA1(rect.r1, rect.c1 + i);
      const cell = sheet.cells[addr];
      if (cell?.value !== name || cell.formula !== undefined) out.set(addr, name);
    });
  }
  return out;
}

/** The table part for one table; `id` is unique in the workbook. */
export function tableXml(sheet: Sheet, table: ExcelTable, id: number): string {
  const names = tableColumnNames(sheet, table);
  return (
    XML_DECL +
    el(
      'table',
      {
        xmlns: NS.main,
        id,
        name: table.name,
        displayName: table.name,
        ref: table.range,
        headerRowCount: table.headerRow ? undefined : 0,
        totalsRowShown: 0,
      },
      table.headerRow ? el('autoFilter', { ref: table.range }) : undefined,
      el(
        'tableColumns',
        { count: names.length },
        ...names.map((name, i) => el('tableColumn', { id: i + 1, name })),
      ),
      el('tableStyleInfo', {
        name: table.style === '' ? undefined : table.style,
        showFirstColumn: 0,
        showLastColumn: 0,
        showRowStripes: table.bandedRows ? 1 : 0,
        showColumnStripes: 0,
      }),
    )
  );
}

/** A table part back to the model; null when it is not a worksheet table with a range. */
export function readTable(root: XmlNode | undefined): ExcelTable | null {
  const t = kid(root, 'table');
  const ref = at(t, 'ref');
  if (!t || !ref) return null;
  const name = at(t, 'displayName') ?? at(t, 'name');
  if (!name) return null;
  const info = kid(t, 'tableStyleInfo');
  const stripes = at(info, 'showRowStripes');
  return {
    name,
    range: rectToA1(rangeRect(ref)),
    style: at(info, 'name') ?? '',
    headerRow: (num(t, 'headerRowCount') ?? 1) !== 0,
    bandedRows: info ? stripes === '1' || stripes === 'true' : false,
  };
}

/** The relationship ids of a sheet's <tableParts>. */
export function tablePartIds(ws: XmlNode | undefined): string[] {
  return kids(kid(ws, 'tableParts'), 'tablePart')
    .map((p) => at(p, 'id'))
    .filter((x): x is string => x !== undefined);
}
