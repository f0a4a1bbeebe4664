/** Task families: excel-data (being written). */
import type { TaskFamily } from '../family.ts';

export const EXCEL_DATA_FAMILIES: TaskFamily<Record<string, unknown>>[] = [];
