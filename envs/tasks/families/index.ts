/** Every shipped task family, by id. */
import type { TaskFamily } from '../family.ts';
import { charFormatFamily, wordCountFamily } from './word-text.ts';

const families: TaskFamily<Record<string, unknown>>[] = [
  charFormatFamily('bold'),
  charFormatFamily('italic'),
  charFormatFamily('underline'),
  wordCountFamily,
] as unknown as TaskFamily<Record<string, unknown>>[];

export const FAMILIES: ReadonlyMap<string, TaskFamily<Record<string, unknown>>> = new Map(
  families.map((f) => [f.id, f]),
);
