/**
 * The Word app's public API: the app on the Office kernel (`wordApp`), `registerWord()` for the gymnasium-ts
 * registry (`Word-v0`), `makeWordEnv`, the state type and its templates (named, specs, or .docx files), the
 * save hooks, and the document model.
 */
import { register, registry } from 'gymnasium-ts';
import {
  OfficeEnv,
  type ApiDecl,
  type CommandDecl,
  type OfficeApp,
  type OfficeEnvOptions,
} from '../office/index.ts';
import { wordApp } from './app/word-app.ts';
import type { WordState } from './app/state.ts';
import { docxFileWriter, withWordFileWriter, type WordFileWriter } from './app/save.ts';
import { createWordStateFrom } from './app/templates.ts';

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
export {
  setWordFileWriter,
  withWordFileWriter,
  docxFileWriter,
  type WordFileWriter,
  type WrittenFile,
} from './app/save.ts';
export {
  createWordStateFrom,
  loadDocxTemplate,
  clearDocxTemplateCache,
  isTemplatePath,
  resolveTemplatePath,
  type WordTemplateOptions,
} from './app/templates.ts';
export * as wordModel from './model/index.ts';

export const WORD_ENV_ID = 'Word-v0';

export interface WordEnvOptions extends OfficeEnvOptions<WordState> {
  /**
   * The folder that relative .docx template paths are read from (default: the current directory). A template
   * is a file path when it ends in .docx/.docm/.dotx/.dotm or contains a path separator.
   */
  templateDir?: string;
  /**
   * Where Save / Save As / save_as write real .docx files (`<file_name>.docx`, created when missing); the path
   * written is recorded in the canvas (`file.saved.path`). Default: none, saves are only recorded.
   */
  outputDir?: string;
}

function withWriter<D extends { run: CommandDecl<WordState>['run'] }>(decl: D, write: WordFileWriter): D {
  const run = decl.run;
  return { ...decl, run: (ctx, args) => withWordFileWriter(write, () => run(ctx, args)) };
}

/**
 * The Word app for one env's options: .docx templates under `templateDir`, and (with `outputDir`) every
 * command and API run with that folder's writer, so whichever of them saves writes there. The UI declaration is
 * shared, so the compiled UI is too.
 */
export function wordAppWith(
  options: Pick<WordEnvOptions, 'templateDir' | 'outputDir'> = {},
): OfficeApp<WordState> {
  const templateOptions = options.templateDir === undefined ? {} : { templateDir: options.templateDir };
  const app: OfficeApp<WordState> = {
    ...wordApp,
    createState: (template) => createWordStateFrom(template, templateOptions),
  };
  if (options.outputDir === undefined) return app;
  const write = docxFileWriter(options.outputDir);
  const commands: Record<string, CommandDecl<WordState>> = {};
  for (const [id, decl] of Object.entries(wordApp.commands ?? {})) commands[id] = withWriter(decl, write);
  const apis: Record<string, ApiDecl<WordState>> = {};
  for (const [id, decl] of Object.entries(wordApp.apis ?? {})) apis[id] = withWriter(decl, write);
  return { ...app, commands, apis };
}

/** A Word env: `new OfficeEnv(wordAppWith(options), options)`. */
export function makeWordEnv(options: WordEnvOptions = {}): OfficeEnv<WordState> {
  for (const key of ['templateDir', 'outputDir'] as const) {
    const value = options[key];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new TypeError(
        `makeWordEnv: ${key} must be a non-empty folder path, got ${JSON.stringify(value)}`,
      );
    }
  }
  return new OfficeEnv(wordAppWith(options), options);
}

/**
 * Registers `Word-v0` (kwargs are WordEnvOptions: template, request, maxSteps, templateDir, outputDir...).
 * Idempotent.
 */
export function registerWord(): void {
  if (registry.has(WORD_ENV_ID)) return;
  register(WORD_ENV_ID, {
    entryPoint: (kwargs: Record<string, unknown>) => makeWordEnv(kwargs as WordEnvOptions),
  });
}
