/** Task families: excel-cells (being written). */
import type { TaskFamily } from '../family.ts';

export const EXCEL_CELLS_FAMILIES: TaskFamily<Record<string, unknown>>[] = [];
