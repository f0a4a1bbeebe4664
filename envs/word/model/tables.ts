import { asCopies, emptyParagraph } from './document.ts';
import { currentBlocks, deleteSelection, setSelection } from './editing.ts';
import { checkColor, checkInteger, invalidArgument, invalidState, outOfRange } from './errors.ts';
import { availableWidth } from './layout.ts';
import {
  blockAt,
  blockLength,
  caretBlocks,
  containerAt,
  isCollapsed,
  samePath,
  selectionRange,
  tableContext,
} from './positions.ts';
import { paragraphLength, splitRunsAt, visibleText } from './runs.ts';
import { builtinStyles, findStyle } from './styles.ts';
import type {
  Block,
  Border,
  Paragraph,
  StyleDef,
  Table,
  TableBorders,
  TableCell,
  WordDocument,
} from './types.ts';

function newCell(width: number): TableCell {
  return asCopies<TableCell>({ blocks: [emptyParagraph()], width });
}

/** Makes a rows x cols table with equal columns across `width` points, in Word's Table Grid style. */
export function makeTable(rows: number, cols: number, width: number, style = 'TableGrid'): Table {
  const w = Math.round((width / cols) * 100) / 100;
  // Plain loops: Array.from on an array-like takes V8's generic path, several times slower here.
  const tableRows: Table['rows'] = [];
  for (let r = 0; r < rows; r++) {
    const cells: TableCell[] = [];
    for (let c = 0; c < cols; c++) cells.push(newCell(w));
    tableRows.push(asCopies({ cells }));
  }
  const colWidths: number[] = [];
  for (let c = 0; c < cols; c++) colWidths.push(w);
  const table: Table = asCopies<Table>({ type: 'table', rows: tableRows, colWidths });
  if (style) table.style = style;
  return table;
}

function gridBorders(color: string): TableBorders {
  const line = (): Border => ({ style: 'single', width: 0.5, color, space: 0 });
  return { top: line(), left: line(), bottom: line(), right: line(), insideH: line(), insideV: line() };
}

function galleryStyle(id: string, name: string, color: string): StyleDef {
  return {
    id,
    name,
    type: 'table',
    basedOn: 'TableNormal',
    builtin: true,
    para: { spaceAfter: 0, lineSpacing: 1, lineRule: 'auto' },
    table: { borders: gridBorders(color) },
  };
}

/**
 * Table Design gallery styles beyond Table Grid, under Word's style ids. Only their borders are modelled (the
 * model has no conditional header-row or banding formats), so each is Word's grid in the style's border colour.
 */
export const GALLERY_TABLE_STYLES: Readonly<Record<string, StyleDef>> = {
  TableGridLight: galleryStyle('TableGridLight', 'Grid Table Light', 'BFBFBF'),
  PlainTable1: galleryStyle('PlainTable1', 'Plain Table 1', 'BFBFBF'),
  GridTable1Light: galleryStyle('GridTable1Light', 'Grid Table 1 Light', '999999'),
};

function ensureTableStyle(doc: WordDocument, idOrName: string): void {
  const gallery = Object.values(GALLERY_TABLE_STYLES).find(
    (st) => st.id === idOrName || st.name === idOrName,
  );
  const id = gallery?.id ?? idOrName;
  if (doc.styles[id]) return;
  const builtin: Record<string, StyleDef> = { ...builtinStyles(), ...GALLERY_TABLE_STYLES };
  if (builtin[id]) {
    if (builtin[id].basedOn && !doc.styles[builtin[id].basedOn] && builtin[builtin[id].basedOn]) {
      doc.styles[builtin[id].basedOn] = builtin[builtin[id].basedOn]!;
    }
    doc.styles[id] = builtin[id];
  }
}

/**
 * Insert > Table. At the caret (Word's ribbon) the paragraph splits at the caret and the table goes
 * between the halves (before the paragraph when the caret is at its start); the caret lands in the
 * first cell. With position 'end' (UFO's insert_table API) the table is appended at the end of the
 * document and the selection stays.
 */
export function insertTable(
  doc: WordDocument,
  rows: number,
  cols: number,
  options: { position?: 'caret' | 'end'; style?: string } = {},
): Table {
  checkInteger('rows', rows, 1, 1000);
  checkInteger('columns', cols, 1, 63);
  const position = options.position ?? 'caret';
  if (position !== 'caret' && position !== 'end')
    throw invalidArgument(`position must be 'caret' or 'end', got ${JSON.stringify(position)}`);
  const style = options.style ?? 'TableGrid';
  ensureTableStyle(doc, style);
  if (style && doc.styles[style]?.type !== 'table')
    throw invalidArgument(`${JSON.stringify(style)} is not a table style`);
  if (position === 'end') {
    const table = makeTable(rows, cols, availableWidth(doc, doc.body, [doc.body.length - 1]), style);
    doc.body.push(table, emptyParagraph());
    return table;
  }
  if (!isCollapsed(doc.selection)) deleteSelection(doc);
  const blocks = currentBlocks(doc);
  const { path, offset } = doc.selection.focus;
  const container = containerAt(blocks, path);
  const index = path[path.length - 1]!;
  const table = makeTable(rows, cols, availableWidth(doc, blocks, path), style);
  const b = container[index]!;
  let at = index;
  if (b.type === 'paragraph' && offset > 0) {
    const cut = splitRunsAt(b, offset);
    const tail: Paragraph = { ...b, runs: b.runs.splice(cut) };
    delete b.sectionBreak;
    container.splice(index + 1, 0, tail);
    at = index + 1;
  }
  container.splice(at, 0, table);
  if (blocks === doc.body && container === blocks && at === container.length - 1)
    container.push(emptyParagraph());
  setSelection(doc, { path: [...path.slice(0, -1), at, 0, 0, 0], offset: 0 });
  doc.pending = null;
  return table;
}

/** Top-level tables of the body in document order (Word's Document.Tables). */
export function bodyTables(doc: WordDocument): { index: number; table: Table }[] {
  const out: { index: number; table: Table }[] = [];
  doc.body.forEach((b, index) => {
    if (b.type === 'table') out.push({ index, table: b });
  });
  return out;
}

function cellStart(
  tablePath: number[],
  table: Table,
  r: number,
  c: number,
): { path: number[]; offset: number } {
  const refs = caretBlocks(table.rows[r]!.cells[c]!.blocks, [...tablePath, r, c]);
  return { path: refs[0]!.path, offset: 0 };
}

function cellEnd(
  tablePath: number[],
  table: Table,
  r: number,
  c: number,
): { path: number[]; offset: number } {
  const refs = caretBlocks(table.rows[r]!.cells[c]!.blocks, [...tablePath, r, c]);
  const last = refs[refs.length - 1]!;
  return { path: last.path, offset: blockLength(last.block) };
}

/** UFO's select_table(number): selects the whole n-th table (1-based) of the document. */
export function selectTable(doc: WordDocument, n: number): void {
  const tables = bodyTables(doc);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > tables.length) {
    throw outOfRange(`Table number ${String(n)} is out of range.`);
  }
  const { index, table } = tables[n - 1]!;
  doc.selection = { anchor: cellStart([index], table, 0, 0), focus: { path: [], offset: 0 } };
  const lastRow = table.rows.length - 1;
  doc.selection.focus = cellEnd([index], table, lastRow, table.rows[lastRow]!.cells.length - 1);
  doc.pending = null;
}

/** The innermost table around the caret (focus), or null. */
export function currentTable(
  doc: WordDocument,
): { tablePath: number[]; table: Table; row: number; cell: number } | null {
  const ctx = tableContext(doc.selection.focus.path);
  if (!ctx) return null;
  const table = blockAt(currentBlocks(doc), ctx.tablePath) as Table;
  return { ...ctx, table };
}

function requireTable(doc: WordDocument): { tablePath: number[]; table: Table; row: number; cell: number } {
  const t = currentTable(doc);
  if (!t) throw invalidState('the selection is not in a table');
  return t;
}

/** Rows and cells the selection covers in the caret's table. */
export function selectedCells(doc: WordDocument): {
  tablePath: number[];
  table: Table;
  rows: [number, number];
  cells: [number, number];
} {
  const t = requireTable(doc);
  const a = tableContext(doc.selection.anchor.path);
  let rows: [number, number] = [t.row, t.row];
  let cells: [number, number] = [t.cell, t.cell];
  if (a && samePath(a.tablePath, t.tablePath)) {
    rows = [Math.min(a.row, t.row), Math.max(a.row, t.row)];
    cells = [Math.min(a.cell, t.cell), Math.max(a.cell, t.cell)];
  }
  return { tablePath: t.tablePath, table: t.table, rows, cells };
}

function selectCellContent(doc: WordDocument, tablePath: number[], table: Table, r: number, c: number): void {
  const start = cellStart(tablePath, table, r, c);
  const end = cellEnd(tablePath, table, r, c);
  setSelection(doc, start, end);
}

/**
 * Tab / Shift+Tab in a table: moves to the next/previous cell and selects its content, as Word does;
 * Tab in the last cell adds a row. Returns false when the caret is not in a table (the caller then
 * inserts a tab).
 */
export function tableTab(doc: WordDocument, shift = false): boolean {
  const t = currentTable(doc);
  if (!t) return false;
  doc.pending = null;
  const { tablePath, table } = t;
  let r = t.row;
  let c = t.cell + (shift ? -1 : 1);
  if (c >= table.rows[r]!.cells.length) {
    r++;
    c = 0;
  } else if (c < 0) {
    r--;
    if (r < 0) return true;
    c = table.rows[r]!.cells.length - 1;
  }
  if (r >= table.rows.length) {
    addRow(table, table.rows.length - 1, 'below');
  }
  selectCellContent(doc, tablePath, table, r, c);
  return true;
}

function addRow(table: Table, at: number, where: 'above' | 'below'): void {
  const model = table.rows[at]!;
  const row = asCopies({
    cells: model.cells.map((cell) => {
      const out: TableCell = asCopies<TableCell>({ blocks: [emptyParagraph()] });
      if (cell.width !== undefined) out.width = cell.width;
      if (cell.span !== undefined) out.span = cell.span;
      if (cell.shading !== undefined) out.shading = cell.shading;
      return out;
    }),
  });
  table.rows.splice(where === 'above' ? at : at + 1, 0, row);
}

/** Layout > Insert Above / Below: as many rows as are selected. */
export function insertRows(doc: WordDocument, where: 'above' | 'below', count?: number): void {
  if (where !== 'above' && where !== 'below')
    throw invalidArgument(`where must be 'above' or 'below', got ${JSON.stringify(where)}`);
  const sel = selectedCells(doc);
  const n = count ?? sel.rows[1] - sel.rows[0] + 1;
  checkInteger('row count', n, 1, 1000);
  const at = where === 'above' ? sel.rows[0] : sel.rows[1];
  for (let i = 0; i < n; i++) addRow(sel.table, at, where === 'above' ? 'above' : 'below');
  const shift = where === 'above' ? n : 0;
  moveSelectionRows(doc, sel.tablePath, shift);
}

function moveSelectionRows(doc: WordDocument, tablePath: number[], shift: number): void {
  if (shift === 0) return;
  // Anchor and focus may share one path array (select_text makes them so): build new paths, never shift in
  // place, or a shared path would move twice.
  for (const end of [doc.selection.anchor, doc.selection.focus]) {
    if (samePath(end.path.slice(0, tablePath.length), tablePath) && end.path.length > tablePath.length) {
      end.path = end.path.map((v, i) => (i === tablePath.length ? v + shift : v));
    }
  }
}

/** Layout > Insert Left / Right: one column beside the selected cells, in every row. */
export function insertColumns(doc: WordDocument, where: 'left' | 'right', count?: number): void {
  if (where !== 'left' && where !== 'right')
    throw invalidArgument(`where must be 'left' or 'right', got ${JSON.stringify(where)}`);
  const sel = selectedCells(doc);
  const n = count ?? sel.cells[1] - sel.cells[0] + 1;
  checkInteger('column count', n, 1, 62);
  const table = sel.table;
  if (table.colWidths.length + n > 63) throw outOfRange('a Word table has at most 63 columns');
  const at = where === 'left' ? sel.cells[0] : sel.cells[1] + 1;
  const total = table.colWidths.reduce((a, b) => a + b, 0);
  for (const row of table.rows) {
    for (let i = 0; i < n; i++) row.cells.splice(Math.min(at, row.cells.length), 0, newCell(0));
  }
  table.colWidths.splice(Math.min(at, table.colWidths.length), 0, ...Array.from({ length: n }, () => 0));
  // Word keeps the table width: every column shrinks to fit.
  const w = Math.round((total / table.colWidths.length) * 100) / 100;
  table.colWidths = table.colWidths.map(() => w);
  for (const row of table.rows) for (const cell of row.cells) cell.width = w * (cell.span ?? 1);
  if (where === 'left') {
    for (const end of [doc.selection.anchor, doc.selection.focus]) {
      if (
        samePath(end.path.slice(0, sel.tablePath.length), sel.tablePath) &&
        end.path.length > sel.tablePath.length + 1
      ) {
        end.path = end.path.map((v, i) => (i === sel.tablePath.length + 1 ? v + n : v));
      }
    }
  }
}

function removeTableAt(doc: WordDocument, tablePath: number[]): void {
  const blocks = currentBlocks(doc);
  const container = containerAt(blocks, tablePath);
  const index = tablePath[tablePath.length - 1]!;
  container.splice(index, 1);
  if (container.length === 0 || container[index] === undefined || container[index]!.type === 'table') {
    container.splice(index, 0, emptyParagraph());
  }
  setSelection(doc, { path: tablePath.slice(), offset: 0 });
}

/** Layout > Delete > Delete Rows: the selected rows (the whole table when all go). */
export function deleteRows(doc: WordDocument): void {
  const sel = selectedCells(doc);
  const [r0, r1] = sel.rows;
  if (r1 - r0 + 1 >= sel.table.rows.length) {
    removeTableAt(doc, sel.tablePath);
    return;
  }
  sel.table.rows.splice(r0, r1 - r0 + 1);
  const r = Math.min(r0, sel.table.rows.length - 1);
  const c = Math.min(sel.cells[0], sel.table.rows[r]!.cells.length - 1);
  setSelection(doc, cellStart(sel.tablePath, sel.table, r, c));
}

/** Layout > Delete > Delete Columns: the selected columns (the whole table when all go). */
export function deleteColumns(doc: WordDocument): void {
  const sel = selectedCells(doc);
  const [c0, c1] = sel.cells;
  const maxCells = Math.max(...sel.table.rows.map((r) => r.cells.length));
  if (c1 - c0 + 1 >= maxCells) {
    removeTableAt(doc, sel.tablePath);
    return;
  }
  for (const row of sel.table.rows)
    row.cells.splice(c0, Math.max(0, Math.min(c1, row.cells.length - 1) - c0 + 1));
  sel.table.colWidths.splice(c0, c1 - c0 + 1);
  for (const row of sel.table.rows)
    if (row.cells.length === 0) row.cells.push(newCell(sel.table.colWidths[0] ?? 72));
  const r = sel.rows[0];
  const c = Math.min(c0, sel.table.rows[r]!.cells.length - 1);
  setSelection(doc, cellStart(sel.tablePath, sel.table, r, c));
}

/** Layout > Delete > Delete Table. */
export function deleteTable(doc: WordDocument): void {
  const t = requireTable(doc);
  removeTableAt(doc, t.tablePath);
}

/**
 * Layout > Merge Cells: the selected rectangle becomes one cell (gridSpan across, vMerge down); the
 * non-empty paragraphs of the merged cells are kept in order, as Word does.
 */
export function mergeCells(doc: WordDocument): void {
  const sel = selectedCells(doc);
  const [r0, r1] = sel.rows;
  const [c0, c1] = sel.cells;
  if (r0 === r1 && c0 === c1) throw invalidState('select at least two cells to merge');
  const table = sel.table;
  const kept: Block[] = [];
  for (let r = r0; r <= r1; r++) {
    const row = table.rows[r]!;
    if (c1 >= row.cells.length) throw invalidState(`row ${r + 1} has no cell ${c1 + 1}`);
    const merged = row.cells.slice(c0, c1 + 1);
    for (const cell of merged)
      for (const b of cell.blocks) if (b.type !== 'paragraph' || paragraphLength(b) > 0) kept.push(b);
    const span = merged.reduce((n, cell) => n + (cell.span ?? 1), 0);
    const width = merged.reduce((n, cell) => n + (cell.width ?? 0), 0);
    // The first cell's members in their order, with new blocks and the merged span, or without a span when it is 1
    // (rather than deleting it: `delete` would turn the cell into a slow dictionary object).
    const target = {} as TableCell;
    for (const k in merged[0]!) {
      if (k === 'span' && span <= 1) continue;
      (target as unknown as Record<string, unknown>)[k] =
        k === 'blocks'
          ? [emptyParagraph()]
          : k === 'span'
            ? span
            : (merged[0] as unknown as Record<string, unknown>)[k];
    }
    if (span > 1) target.span = span;
    if (width > 0) target.width = width;
    if (r1 > r0) target.vMerge = r === r0 ? 'restart' : 'continue';
    row.cells.splice(c0, c1 - c0 + 1, target);
  }
  const first = table.rows[r0]!.cells[c0]!;
  first.blocks = kept.length ? kept : [emptyParagraph()];
  setSelection(doc, cellStart(sel.tablePath, table, r0, c0));
}

/** Table Design > Shading for the selected cells (null removes it). */
export function setCellShading(doc: WordDocument, color: string | null): void {
  const sel = selectedCells(doc);
  const value = color === null ? null : checkColor('cell shading', color);
  for (let r = sel.rows[0]; r <= sel.rows[1]; r++) {
    const row = sel.table.rows[r]!;
    for (let c = sel.cells[0]; c <= Math.min(sel.cells[1], row.cells.length - 1); c++) {
      const cell = row.cells[c]!;
      if (value === null) delete cell.shading;
      else cell.shading = value;
    }
  }
}

/** Table Design > Table Styles. */
export function setTableStyle(doc: WordDocument, styleIdOrName: string): void {
  const t = requireTable(doc);
  let style = findStyle(doc, styleIdOrName);
  if (style === undefined) {
    ensureTableStyle(doc, styleIdOrName);
    style = findStyle(doc, styleIdOrName);
  }
  if (!style || style.type !== 'table')
    throw invalidArgument(`no table style ${JSON.stringify(styleIdOrName)}`);
  t.table.style = style.id;
}

/** Table Design > Borders: 'all', 'none', 'outside' or 'inside' borders of the caret's table. */
export function setTableBorders(
  doc: WordDocument,
  which: 'all' | 'none' | 'outside' | 'inside',
  border?: Partial<Border>,
): void {
  const t = requireTable(doc);
  if (!['all', 'none', 'outside', 'inside'].includes(which))
    throw invalidArgument(`borders must be all, none, outside or inside, got ${JSON.stringify(which)}`);
  const line: Border = {
    style: border?.style ?? 'single',
    width: border?.width ?? 0.5,
    color: border?.color === undefined ? 'auto' : checkColor('border color', border.color),
    space: 0,
  };
  const nil: Border = { style: 'nil', width: 0, color: 'auto', space: 0 };
  const outside = which === 'all' || which === 'outside';
  const inside = which === 'all' || which === 'inside';
  const borders: TableBorders = {
    top: outside ? line : nil,
    left: outside ? line : nil,
    bottom: outside ? line : nil,
    right: outside ? line : nil,
    insideH: inside ? line : nil,
    insideV: inside ? line : nil,
  };
  t.table.borders = borders;
}

/** Table Properties > Alignment. */
export function setTableAlignment(doc: WordDocument, align: 'left' | 'center' | 'right'): void {
  if (!['left', 'center', 'right'].includes(align))
    throw invalidArgument(`table alignment must be left, center or right, got ${JSON.stringify(align)}`);
  const t = requireTable(doc);
  if (align === 'left') delete t.table.align;
  else t.table.align = align;
}

/** Plain text of a cell, paragraphs joined by '\n'. */
export function cellText(cell: TableCell): string {
  return cell.blocks
    .map((b) => (b.type === 'paragraph' ? visibleText(b) : b.type === 'table' ? '' : ''))
    .join('\n');
}

/** A table as a grid of cell texts. */
export function tableTexts(table: Table): string[][] {
  return table.rows.map((row) => row.cells.map(cellText));
}

/** Is a whole-table selection active (what select_table produces)? */
export function isWholeTableSelected(doc: WordDocument): boolean {
  if (isCollapsed(doc.selection)) return false;
  const { start, end } = selectionRange(doc.selection);
  const a = tableContext(start.path);
  const b = tableContext(end.path);
  if (!a || !b || !samePath(a.tablePath, b.tablePath)) return false;
  const table = blockAt(currentBlocks(doc), a.tablePath) as Table;
  const s = cellStart(a.tablePath, table, 0, 0);
  const lastRow = table.rows.length - 1;
  const e = cellEnd(a.tablePath, table, lastRow, table.rows[lastRow]!.cells.length - 1);
  return (
    samePath(s.path, start.path) &&
    s.offset === start.offset &&
    samePath(e.path, end.path) &&
    e.offset === end.offset
  );
}
