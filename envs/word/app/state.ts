/**
 * The Word app's state: the document (the model's WordDocument) plus what Word keeps beside it — the file it
 * was opened from or saved as, view settings (ruler, navigation pane, view mode), the last Find/Replace text
 * and the clipboard. Plain JSON data, so the kernel snapshots it for undo and rollback.
 */
import { cloneJson } from '../../office/index.ts';
import { createDocument, WordModelError, type DocumentSpec, type WordDocument } from '../model/index.ts';

export const FILE_FORMATS = [
  'docx',
  'doc',
  'docm',
  'dotx',
  'pdf',
  'rtf',
  'txt',
  'htm',
  'xml',
  'odt',
] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export interface SavedFile {
  file_dir: string;
  file_name: string;
  file_ext: FileFormat;
}

export interface WordFile {
  /** The name in the title bar, without the extension ("Document1"). */
  name: string;
  /** The format it was opened in; 'doc' shows Compatibility Mode, as Word does. */
  format: FileFormat;
  /** Where it was last saved (Save As / save_as), or null for a new unsaved document. */
  saved: SavedFile | null;
  /** Every save made in this episode, oldest first (exporters write these; see save.ts). */
  saves: SavedFile[];
}

export interface WordView {
  mode: 'print' | 'web' | 'read';
  ruler: boolean;
  gridlines: boolean;
  navigationPane: boolean;
  /** Show/Hide ¶ (formatting marks). */
  marks: boolean;
  zoom: number;
}

export interface WordState {
  doc: WordDocument;
  file: WordFile;
  view: WordView;
  /** The Find and Replace boxes keep their text between openings, as Word's do. */
  find: { text: string; replacement: string };
  /** Plain text on the clipboard (Cut/Copy), or null. */
  clipboard: string | null;
  /** The colours the Font Color and Text Highlight Color buttons apply (their last choice). */
  lastFontColor: string;
  lastHighlight: string;
  /**
   * The character formatting Format Painter picked up, waiting to be painted on the next selection; null or
   * absent when the painter is off.
   */
  painter?: Record<string, unknown> | null;
  /** The character formatting Ctrl+Shift+C (Copy Formatting) copied, for Ctrl+Shift+V (Paste Formatting). */
  copiedFormat?: Record<string, unknown> | null;
  /** The id of the new comment whose card (opened by New Comment) posts its text; null or absent otherwise. */
  commentCard?: string | null;
}

/** Named starting documents; tasks may also give a DocumentSpec or a whole WordDocument. */
export const WORD_TEMPLATES: Readonly<Record<string, () => DocumentSpec>> = {
  blank: () => ({}),
  /** UFO dataflow's template2.docx: "A doc with a line of text. Can be edited, deleted, or replaced." */
  'line-of-text': () => ({ body: ['text to edit'] }),
  /** The template of UFO's sample task 5 ("Turn the line of text 'text to edit' into a bulleted list"). */
  bulleted: () => ({ body: ['text to edit'] }),
  /** A short report: headings, body text, a bulleted list and a table. */
  report: () => ({
    body: [
      { text: 'Quarterly Report', style: 'Title' },
      { text: 'Summary', style: 'Heading1' },
      'Revenue grew by five percent this quarter, driven by strong sales in the northern region.',
      'Costs stayed flat while the team delivered two new products on schedule.',
      { text: 'Highlights', style: 'Heading1' },
      { text: 'New office opened in Lisbon', list: 'bullet' },
      { text: 'Customer satisfaction reached 92%', list: 'bullet' },
      {
        table: [
          ['Region', 'Sales'],
          ['North', '120'],
          ['South', '95'],
        ],
      },
      'The outlook for next quarter remains positive.',
    ],
  }),
};

export interface WordTemplateObject {
  /** A file name for the title bar ("bulleted.docx"). */
  name?: string;
  /** A document spec (model/builder.ts) or a complete WordDocument. */
  document?: DocumentSpec | WordDocument;
}

function isWordDocument(value: unknown): value is WordDocument {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    Array.isArray(v.body) &&
    typeof v.section === 'object' &&
    typeof v.styles === 'object' &&
    typeof v.selection === 'object'
  );
}

function splitFileName(name: string): { base: string; format: FileFormat } {
  const m = /^(.*)\.([A-Za-z]+)$/.exec(name);
  const ext = m?.[2]?.toLowerCase();
  if (m && ext !== undefined && (FILE_FORMATS as readonly string[]).includes(ext)) {
    return { base: m[1]!, format: ext as FileFormat };
  }
  return { base: name, format: 'docx' };
}

/**
 * Built documents by template (name or spec object), so a reset copies a finished document instead of building
 * one. Copies share the style definitions, which the model never changes in place.
 */
const builtByName = new Map<string, WordDocument>();
const builtBySpec = new WeakMap<object, WordDocument>();

function copyDocument(doc: WordDocument): WordDocument {
  const { styles, ...rest } = doc;
  const copy = cloneJson(rest) as WordDocument;
  copy.styles = { ...styles };
  return copy;
}

function documentFrom(source: DocumentSpec | WordDocument): WordDocument {
  if (isWordDocument(source)) return structuredClone(source);
  let built = builtBySpec.get(source);
  if (built === undefined) {
    built = createDocument(source);
    builtBySpec.set(source, built);
  }
  return copyDocument(built);
}

function namedDocument(name: string, make: () => DocumentSpec): WordDocument {
  let built = builtByName.get(name);
  if (built === undefined) {
    built = createDocument(make());
    builtByName.set(name, built);
  }
  return copyDocument(built);
}

/**
 * The state a task starts from. `template`: undefined (a blank Document1), a name of WORD_TEMPLATES, a
 * DocumentSpec, a WordDocument, or `{name, document}`. Throws an Error naming what was wrong.
 */
export function createWordState(template: unknown): WordState {
  let doc: WordDocument;
  let fileName = 'Document1';
  try {
    if (template === undefined || template === null) doc = namedDocument('blank', () => ({}));
    else if (typeof template === 'string') {
      const make = WORD_TEMPLATES[template];
      if (make === undefined) {
        throw new Error(
          `unknown Word template '${template}'; known templates: ${Object.keys(WORD_TEMPLATES).join(', ')}`,
        );
      }
      doc = namedDocument(template, make);
      fileName = template === 'blank' ? 'Document1' : `${template}.docx`;
    } else if (
      typeof template === 'object' &&
      ('document' in template || 'name' in template) &&
      !('body' in template)
    ) {
      const t = template as WordTemplateObject;
      if (t.name !== undefined && typeof t.name !== 'string')
        throw new Error('template.name must be a string');
      doc = t.document === undefined ? namedDocument('blank', () => ({})) : documentFrom(t.document);
      if (t.name !== undefined) fileName = t.name;
    } else if (typeof template === 'object') doc = documentFrom(template as DocumentSpec);
    else
      throw new Error(
        `a Word template must be a template name, a document spec or a document, got ${typeof template}`,
      );
  } catch (error) {
    if (error instanceof WordModelError) throw new Error(`bad Word template: ${error.message}`);
    throw error;
  }
  const { base, format } = splitFileName(fileName);
  return assembleWordState(doc, {
    file: { name: base, format, saved: null, saves: [] },
    view: { mode: 'print', ruler: false, gridlines: false, navigationPane: false, marks: false, zoom: 100 },
    find: { text: '', replacement: '' },
    clipboard: null,
    lastFontColor: 'FF0000',
    lastHighlight: 'yellow',
    // Every member a command may set, from the start (null: off), so that setting one does not give the state
    // another hidden class.
    painter: null,
    copiedFormat: null,
    commentCard: null,
  });
}

/**
 * A state of `doc` and copies of the other members, built member by member with `doc` first. New states and the
 * copies undo and rollback restore are both made here, so V8 gives them (and their members) the same hidden
 * classes: an object literal and an object built by adding members get different ones, and every `s.doc` read
 * in Word's code would then see two or more (`npm run bench -- env-ab` and the V8 deopt trace measure it).
 */
export function assembleWordState(doc: WordDocument, members: Omit<WordState, 'doc'>): WordState {
  const state: Record<string, unknown> = {};
  state.doc = doc;
  for (const k in members) {
    const v = (members as Record<string, unknown>)[k];
    if (v !== undefined) state[k] = cloneJson(v);
  }
  return state as unknown as WordState;
}
