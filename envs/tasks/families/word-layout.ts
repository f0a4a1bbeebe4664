/** Task families: word-layout (being written). */
import type { TaskFamily } from '../family.ts';

export const WORD_LAYOUT_FAMILIES: TaskFamily<Record<string, unknown>>[] = [];
