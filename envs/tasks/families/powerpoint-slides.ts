/** Task families: powerpoint-slides (being written). */
import type { TaskFamily } from '../family.ts';

export const POWERPOINT_SLIDES_FAMILIES: TaskFamily<Record<string, unknown>>[] = [];
