/**
 * The Word app's public API: the app on the Office kernel (`wordApp`), `registerWord()` for the gymnasium-ts
 * registry (`Word-v0`), `makeWordEnv`, the state type and its templates, the save hook, and the document model.
 */
import { register, registry } from 'gymnasium-ts';
import { OfficeEnv, type OfficeEnvOptions } from '../office/index.ts';
import { wordApp } from './app/word-app.ts';
import type { WordState } from './app/state.ts';

export { wordApp } from './app/word-app.ts';
export { createWordState, WORD_TEMPLATES, FILE_FORMATS } from './app/state.ts';
export type {
  WordState,
  WordFile,
  WordView,
  SavedFile,
  FileFormat,
  WordTemplateObject,
} from './app/state.ts';
export { setWordFileWriter, type WordFileWriter } from './app/save.ts';
export * as wordModel from './model/index.ts';

export const WORD_ENV_ID = 'Word-v0';

/** A Word env: `new OfficeEnv(wordApp, options)`. */
export function makeWordEnv(options: OfficeEnvOptions<WordState> = {}): OfficeEnv<WordState> {
  return new OfficeEnv(wordApp, options);
}

/** Registers `Word-v0` (kwargs are OfficeEnvOptions: template, request, maxSteps...). Idempotent. */
export function registerWord(): void {
  if (registry.has(WORD_ENV_ID)) return;
  register(WORD_ENV_ID, {
    entryPoint: (kwargs: Record<string, unknown>) => makeWordEnv(kwargs as OfficeEnvOptions<WordState>),
  });
}
