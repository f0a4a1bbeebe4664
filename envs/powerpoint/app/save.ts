/**
 * Saving. Every Save / Save As / save_as is recorded in the presentation (`document.saves`), which is what tasks
 * and evaluators check. Writing real files is a hook: a run engine registers a `PowerPointFileWriter` with
 * `setPowerPointFileWriter` (`pptxFileWriter` writes .pptx files with the exporter), and every save hands it
 * the presentation. Without one, nothing touches the disk.
 */
import type { CommandContext, Outcome } from '../../office/index.ts';
import { currentSlideIndex } from '../model/presentation.ts';
import { exportPptx } from '../ooxml/export.ts';
import type { Presentation, SaveRecord } from '../model/types.ts';
import { FILE_FORMATS, type FileFormat, type PowerPointState } from './state.ts';

/** Writes a saved presentation somewhere; a thrown Error becomes the step's error. */
export type PowerPointFileWriter = (pres: Presentation, target: SaveRecord) => void;

let writer: PowerPointFileWriter | null = null;

/** Installs (or with null removes) the hook that writes saved presentations. Returns the previous one. */
export function setPowerPointFileWriter(next: PowerPointFileWriter | null): PowerPointFileWriter | null {
  const previous = writer;
  writer = next;
  return previous;
}

/** Formats that hold pictures of slides, where "current slide only" applies (PowerPoint asks for PNG/JPG). */
const IMAGE_FORMATS: readonly FileFormat[] = ['png', 'jpg', 'pdf'];

/** UFO's save_as arguments as a save record, or the reason they cannot be. */
export function saveTarget(
  state: PowerPointState,
  args: Readonly<Record<string, unknown>>,
): SaveRecord | string {
  const doc = state.pres.document;
  const last = doc.saves[doc.saves.length - 1];
  const dir = typeof args.file_dir === 'string' ? args.file_dir : '';
  let name = typeof args.file_name === 'string' ? args.file_name.trim() : '';
  let ext = typeof args.file_ext === 'string' ? args.file_ext.trim().replace(/^\./, '').toLowerCase() : '';
  const fromName = /^(.*)\.([A-Za-z]+)$/.exec(name);
  if (ext === '' && fromName && (FILE_FORMATS as readonly string[]).includes(fromName[2]!.toLowerCase())) {
    name = fromName[1]!;
    ext = fromName[2]!.toLowerCase();
  }
  if (name === '') name = doc.name;
  if (ext === '') ext = state.format;
  if (!(FILE_FORMATS as readonly string[]).includes(ext)) {
    return `PowerPoint cannot save as '.${ext}': the formats are ${FILE_FORMATS.map((f) => `.${f}`).join(', ')}`;
  }
  if (/[<>:"/\\|?*]/.test(name))
    return `the file name '${name}' is not valid: it cannot contain < > : " / \\ | ? *`;
  const record: SaveRecord = { dir: dir === '' ? (last?.dir ?? doc.dir) : dir, name, ext: `.${ext}` };
  if (args.current_slide_only === true) {
    if (!IMAGE_FORMATS.includes(ext as FileFormat)) {
      return `current_slide_only applies to pictures and PDF (.png, .jpg, .pdf), not to '.${ext}'`;
    }
    const cur = currentSlideIndex(state.pres);
    if (cur < 0) return 'current_slide_only: the presentation has no slides';
    record.slides = [cur + 1];
  }
  return record;
}

/** Save / Save As / save_as: records the save and hands the presentation to the writer hook, if any. */
export function saveAs(
  ctx: CommandContext<PowerPointState>,
  args: Readonly<Record<string, unknown>>,
): Outcome {
  const target = saveTarget(ctx.state, args);
  if (typeof target === 'string') return { error: target };
  if (writer !== null) {
    try {
      writer(ctx.state.pres, target);
    } catch (error) {
      return { error: `saving failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  // Presentations are immutable (undo snapshots share them): the save makes a new document record.
  const pres = ctx.state.pres;
  const doc = { ...pres.document, saves: [...pres.document.saves, target], dir: target.dir };
  // Pictures and PDFs are exports: the open presentation keeps its own name and format.
  if (!IMAGE_FORMATS.includes(target.ext.slice(1) as FileFormat)) {
    doc.name = target.name;
    ctx.state.format = target.ext.slice(1) as FileFormat;
  }
  ctx.state.pres = { ...pres, document: doc };
  const where = `${target.dir === '' ? '' : `${target.dir}/`}${target.name}${target.ext}`;
  return { result: `saved as ${where}${target.slides ? ` (slide ${target.slides.join(', ')} only)` : ''}` };
}

/** Main part kinds of the OOXML formats `pptxFileWriter` writes. */
const PACKAGE_KINDS = { '.pptx': 'presentation', '.potx': 'template', '.ppsx': 'slideshow' } as const;

/**
 * A writer that puts .pptx, .potx and .ppsx saves on disk under `rootDir` (the save's folder is taken relative
 * to it, so agents' "C:\Users\me" paths stay inside the run directory). Other formats (.pdf, .png, .ppt…)
 * need a converter: with `others: 'skip'` (the default) they are only recorded, with `'error'` they fail the save.
 */
export function pptxFileWriter(
  rootDir: string,
  write: (path: string, bytes: Uint8Array) => void,
  options: { others?: 'skip' | 'error' } = {},
): PowerPointFileWriter {
  return (pres, target) => {
    const kind = PACKAGE_KINDS[target.ext as keyof typeof PACKAGE_KINDS];
    if (kind === undefined) {
      if (options.others === 'error') {
        throw new Error(`this writer writes .pptx, .potx and .ppsx files; ${target.ext} needs a converter`);
      }
      return;
    }
    const folder = target.dir
      .replace(/^[A-Za-z]:/, '')
      .replace(/\\/g, '/')
      .replace(/^\/+/, '');
    const safe = folder
      .split('/')
      .filter((part) => part !== '' && part !== '.' && part !== '..')
      .join('/');
    const root = rootDir.replace(/\/+$/, '');
    write(`${root}/${safe === '' ? '' : `${safe}/`}${target.name}${target.ext}`, exportPptx(pres, kind));
  };
}
