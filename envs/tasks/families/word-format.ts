/** Task families: word-format (being written). */
import type { TaskFamily } from '../family.ts';

export const WORD_FORMAT_FAMILIES: TaskFamily<Record<string, unknown>>[] = [];
