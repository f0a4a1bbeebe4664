/** Task families: powerpoint-design (being written). */
import type { TaskFamily } from '../family.ts';

export const POWERPOINT_DESIGN_FAMILIES: TaskFamily<Record<string, unknown>>[] = [];
