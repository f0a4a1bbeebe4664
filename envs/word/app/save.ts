/**
 * Saving. The simulator records every save in the state (`file.saved`, `file.saves`), which is what tasks and
 * evaluators check. Writing real files is a hook, a `WordFileWriter`, that every Save / Save As / save_as call
 * hands the document to:
 * - an env made with an `outputDir` (see envs/word/index.ts) writes .docx files there (`docxFileWriter`), for
 *   its own steps only (`withWordFileWriter`);
 * - otherwise the process-wide writer of `setWordFileWriter`, if any (a run engine's, for example).
 * Without either, nothing touches the disk. A writer that returns a path has that path recorded in the save
 * (`file.saved.path`, shown in the canvas).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandContext, Outcome } from '../../office/index.ts';
import type { WordDocument } from '../model/index.ts';
import { exportDocx } from '../ooxml/index.ts';
import { FILE_FORMATS, type FileFormat, type SavedFile, type WordState } from './state.ts';

/**
 * Writes a saved document somewhere (a file, a buffer); a returned string is the path written (other return
 * values are ignored). A thrown Error becomes the step's error and the save is not recorded.
 */
export type WordFileWriter = (doc: WordDocument, target: SavedFile) => unknown;

/** A save that a writer put on disk: the save as the agent asked for it, plus the file written. */
export interface WrittenFile extends SavedFile {
  path: string;
}

let writer: WordFileWriter | null = null;
let scopedWriter: WordFileWriter | null = null;

/** Installs (or with null removes) the process-wide hook that writes saved documents. Returns the previous one. */
export function setWordFileWriter(next: WordFileWriter | null): WordFileWriter | null {
  const previous = writer;
  writer = next;
  return previous;
}

/**
 * Runs `fn` with `scoped` as the writer (steps are synchronous, so this is how one env's saves reach its own
 * output folder while other envs in the same thread use theirs).
 */
export function withWordFileWriter<T>(scoped: WordFileWriter, fn: () => T): T {
  const previous = scopedWriter;
  scopedWriter = scoped;
  try {
    return fn();
  } finally {
    scopedWriter = previous;
  }
}

/** The formats the .docx exporter writes (a .docm or .dotx would need another package content type). */
const DOCX_FORMATS: ReadonlySet<FileFormat> = new Set(['docx']);

/**
 * A writer that exports .docx saves into `outputDir` (created when missing) as `<file_name>.docx`. The agent's
 * `file_dir` (often a Windows path such as `C:\Users\me`) is recorded but never written to: every
 * file stays inside `outputDir`. Other formats are recorded without a file.
 */
export function docxFileWriter(outputDir: string): WordFileWriter {
  const dir = resolve(outputDir);
  return (doc, target) => {
    if (!DOCX_FORMATS.has(target.file_ext)) return undefined;
    const path = join(dir, `${target.file_name}.${target.file_ext}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, exportDocx(doc));
    return path;
  };
}

/** Normalises UFO's save_as arguments: ".docx" or "docx"; a file name may carry its extension. */
export function saveTarget(state: WordState, args: Readonly<Record<string, unknown>>): SavedFile | string {
  const dir = typeof args.file_dir === 'string' ? args.file_dir : '';
  let name = typeof args.file_name === 'string' ? args.file_name.trim() : '';
  let ext = typeof args.file_ext === 'string' ? args.file_ext.trim().replace(/^\./, '').toLowerCase() : '';
  const fromName = /^(.*)\.([A-Za-z]+)$/.exec(name);
  if (ext === '' && fromName && (FILE_FORMATS as readonly string[]).includes(fromName[2]!.toLowerCase())) {
    name = fromName[1]!;
    ext = fromName[2]!.toLowerCase();
  }
  if (name === '') name = state.file.name;
  if (ext === '') ext = state.file.saved?.file_ext ?? 'docx';
  if (!(FILE_FORMATS as readonly string[]).includes(ext)) {
    return `Word cannot save as '.${ext}': the formats are ${FILE_FORMATS.map((f) => `.${f}`).join(', ')}`;
  }
  if (/[<>:"/\\|?*]/.test(name))
    return `the file name '${name}' is not valid: it cannot contain < > : " / \\ | ? *`;
  return {
    file_dir: dir === '' ? (state.file.saved?.file_dir ?? '') : dir,
    file_name: name,
    file_ext: ext as FileFormat,
  };
}

/** Save / Save As / save_as: records the save and hands the document to the writer hook, if any. */
export function saveAs(ctx: CommandContext<WordState>, args: Readonly<Record<string, unknown>>): Outcome {
  const target = saveTarget(ctx.state, args);
  if (typeof target === 'string') return { error: target };
  const write = scopedWriter ?? writer;
  let saved: SavedFile | WrittenFile = target;
  if (write !== null) {
    try {
      const path = write(ctx.state.doc, target);
      if (typeof path === 'string') saved = { ...target, path };
    } catch (error) {
      return { error: `saving failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const file = ctx.state.file;
  file.saved = saved;
  file.saves.push(saved);
  file.name = target.file_name;
  const where = `${target.file_dir === '' ? '' : `${target.file_dir}/`}${target.file_name}.${target.file_ext}`;
  return { result: 'path' in saved ? `saved as ${where} (written to ${saved.path})` : `saved as ${where}` };
}
