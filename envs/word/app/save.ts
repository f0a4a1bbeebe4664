/**
 * Saving. The simulator records every save in the state (`file.saved`, `file.saves`), which is what tasks and
 * evaluators check. Writing real files is a hook: the docx exporter (envs/word/ooxml) or a run engine registers
 * a `WordFileWriter` with `setWordFileWriter`, and every Save / Save As / save_as call hands it the document.
 * Without one, nothing touches the disk.
 */
import type { CommandContext, Outcome } from '../../office/index.ts';
import type { WordDocument } from '../model/index.ts';
import { FILE_FORMATS, type FileFormat, type SavedFile, type WordState } from './state.ts';

/** Writes a saved document somewhere (a file, a buffer); a thrown Error becomes the step's error. */
export type WordFileWriter = (doc: WordDocument, target: SavedFile) => void;

let writer: WordFileWriter | null = null;

/** Installs (or with null removes) the hook that writes saved documents. Returns the previous one. */
export function setWordFileWriter(next: WordFileWriter | null): WordFileWriter | null {
  const previous = writer;
  writer = next;
  return previous;
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
  if (writer !== null) {
    try {
      writer(ctx.state.doc, target);
    } catch (error) {
      return { error: `saving failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const file = ctx.state.file;
  file.saved = target;
  file.saves.push(target);
  file.name = target.file_name;
  return {
    result: `saved as ${target.file_dir === '' ? '' : `${target.file_dir}/`}${target.file_name}.${target.file_ext}`,
  };
}
