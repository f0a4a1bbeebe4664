/** Every shipped task family, by id. Each file exports its families as one array. */
import type { TaskFamily } from '../family.ts';
import { EXCEL_CELLS_FAMILIES } from './excel-cells.ts';
import { EXCEL_DATA_FAMILIES } from './excel-data.ts';
import { POWERPOINT_DESIGN_FAMILIES } from './powerpoint-design.ts';
import { POWERPOINT_SLIDES_FAMILIES } from './powerpoint-slides.ts';
import { WORD_FORMAT_FAMILIES } from './word-format.ts';
import { WORD_LAYOUT_FAMILIES } from './word-layout.ts';
import { charFormatFamily, wordCountFamily } from './word-text.ts';

type AnyFamily = TaskFamily<Record<string, unknown>>;

const WORD_TEXT_FAMILIES = [
  charFormatFamily('bold'),
  charFormatFamily('italic'),
  charFormatFamily('underline'),
  wordCountFamily,
] as unknown as AnyFamily[];

const ALL: AnyFamily[] = [
  ...WORD_TEXT_FAMILIES,
  ...WORD_FORMAT_FAMILIES,
  ...WORD_LAYOUT_FAMILIES,
  ...EXCEL_CELLS_FAMILIES,
  ...EXCEL_DATA_FAMILIES,
  ...POWERPOINT_SLIDES_FAMILIES,
  ...POWERPOINT_DESIGN_FAMILIES,
];

function byId(families: AnyFamily[]): ReadonlyMap<string, AnyFamily> {
  const map = new Map<string, AnyFamily>();
  for (const f of families) {
    if (map.has(f.id)) throw new Error(`two task families share the id '${f.id}'`);
    map.set(f.id, f);
  }
  return map;
}

export const FAMILIES: ReadonlyMap<string, AnyFamily> = byId(ALL);
