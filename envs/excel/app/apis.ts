/**
 * UFO's Excel app APIs (v1.2.0: table2markdown, insert_excel_table; v2.0.0: select_table_range,
 * reorder_columns, save_as) as kernel app APIs over ufo-api.ts, with UFO's argument names.
 */
import { z } from 'zod';
import type { ApiDecl } from '../../office/index.ts';
import { insertExcelTable, reorderColumns, selectTableRange, table2markdown } from '../ufo-api.ts';
import { activeCell, scrollIntoView, type ExcelState } from './state.ts';

type S = ExcelState;

const sheetName = z.union([z.string().min(1), z.number().int().positive()]);
const column = z.union([z.number().int().positive(), z.string().regex(/^[A-Za-z]{1,3}$/)]);
const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const excelApis: Readonly<Record<string, ApiDecl<S>>> = {
  table2markdown: {
    summary: 'Get the table content in a sheet of the Excel app and convert it to markdown format.',
    usage: 'table2markdown(sheet_name: str) -> str\nExample: table2markdown(sheet_name="Sheet1")',
    args: z.object({ sheet_name: sheetName }).strict(),
    mutates: false,
    run: (ctx, args) => ({ result: table2markdown(ctx.state.wb, args.sheet_name as string | number) }),
    sample: (_rng, s) => ({ sheet_name: s.wb.activeSheet }),
  },
  insert_excel_table: {
    summary: 'Insert a table into a sheet of the Excel app, starting at the given row and column.',
    usage:
      'insert_excel_table(table: list[list], sheet_name: str, start_row: int, start_col: int)\n' +
      'Example: insert_excel_table(table=[["Name", "Age"], ["Alice", 30]], sheet_name="Sheet1", start_row=1, start_col=1)',
    args: z
      .object({
        table: z.array(z.array(cellValue)),
        sheet_name: sheetName,
        start_row: z.number().int().positive().default(1),
        start_col: column.default(1),
      })
      .strict(),
    label: 'Insert Table',
    run(ctx, args) {
      const table = insertExcelTable(
        ctx.state.wb,
        args.sheet_name as string | number,
        args.table as (string | number | boolean | null)[][],
        args.start_row as number,
        args.start_col as number | string,
      );
      return { result: table };
    },
    sample: (_rng, s) => ({
      table: [
        ['Item', 'Qty'],
        ['Pens', 3],
      ],
      sheet_name: s.wb.activeSheet,
      start_row: 1,
      start_col: 1,
    }),
  },
  select_table_range: {
    summary: 'Select a range of cells in a sheet of the Excel app.',
    usage:
      'select_table_range(sheet_name: str, start_row: int, start_col: int, end_row: int, end_col: int)\n' +
      'Example: select_table_range(sheet_name="Sheet1", start_row=1, start_col=1, end_row=3, end_col=2)',
    args: z
      .object({
        sheet_name: z.string(),
        start_row: z.number().int().positive(),
        start_col: column,
        // -1 reaches the sheet's edge, as UFO's COM code does.
        end_row: z.number().int().min(-1),
        end_col: z.union([column, z.literal(-1)]),
      })
      .strict(),
    label: 'Select',
    undo: 'none',
    run(ctx, args) {
      const s = ctx.state;
      s.entry = null;
      const message = selectTableRange(
        s.wb,
        args.sheet_name as string,
        args.start_row as number,
        args.start_col as number | string,
        args.end_row as number,
        args.end_col as number | string,
      );
      const active = activeCell(s);
      scrollIntoView(s, active.row, active.col);
      return { result: message };
    },
  },
  reorder_columns: {
    summary: 'Reorder the columns of a sheet by their header names; columns not listed are removed.',
    usage:
      'reorder_columns(sheet_name: str, desired_order: list[str])\n' +
      'Example: reorder_columns(sheet_name="Sheet1", desired_order=["Name", "Age"])',
    args: z.object({ sheet_name: sheetName, desired_order: z.array(z.string()).min(1) }).strict(),
    label: 'Reorder Columns',
    run(ctx, args) {
      const message = reorderColumns(
        ctx.state.wb,
        args.sheet_name as string | number,
        args.desired_order as string[],
      );
      return { result: message };
    },
  },
  save_as: {
    summary: 'Save the workbook to a file (.xlsx or .csv; UFO defaults to .csv).',
    usage:
      'save_as(file_dir: str, file_name: str, file_ext: str)\n' +
      'Example: save_as(file_dir="C:/Users/me/Documents", file_name="report", file_ext=".xlsx")',
    args: z
      .object({
        file_dir: z.string().default(''),
        file_name: z.string().min(1),
        file_ext: z.string().default('.csv'),
      })
      .strict(),
    label: 'Save As',
    undo: 'none',
    run(ctx, args) {
      const raw = (args.file_ext as string) || '.csv';
      const ext = (raw.startsWith('.') ? raw : `.${raw}`).toLowerCase();
      if (ext !== '.xlsx' && ext !== '.csv') {
        return { error: `save_as: the simulator saves .xlsx and .csv, not '${raw}'` };
      }
      const dir = (args.file_dir as string).replace(/[\\/]+$/, '');
      const name = args.file_name as string;
      const path = dir ? `${dir}/${name}${ext}` : `${name}${ext}`;
      ctx.state.file = { name: `${name}${ext}`, saved: { path, format: ext === '.xlsx' ? 'xlsx' : 'csv' } };
      return { result: `Document is saved to ${path}.` };
    },
  },
};
