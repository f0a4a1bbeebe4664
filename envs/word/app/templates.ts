/**
 * Templates from .docx files. A task's `template` may name a Word file, as UFO dataflow's templates are
 * (`dataflow/templates/word/template2.docx`): an absolute path, or one relative to the env's `templateDir` (the
 * current directory when none is set). The file is imported once per path and modification time; every reset
 * copies the imported document, so a reset costs a copy and a `stat`, not a parse.
 */
import { statSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import { cloneJson } from '../../office/index.ts';
import type { WordDocument } from '../model/index.ts';
import { importDocx } from '../ooxml/index.ts';
import { createWordState, type WordState } from './state.ts';

export interface WordTemplateOptions {
  /** The folder relative template paths are read from (default: the current directory). */
  templateDir?: string;
}

/** A template string is a file path when it ends in a Word file extension or contains a path separator. */
export function isTemplatePath(template: string): boolean {
  return /\.(docx|docm|dotx|dotm)$/i.test(template) || /[/\\]/.test(template);
}

/** Where a template path points: absolute paths as they are, others under `templateDir` (or the cwd). */
export function resolveTemplatePath(template: string, templateDir?: string): string {
  return isAbsolute(template) ? template : resolve(templateDir ?? process.cwd(), template);
}

interface CachedTemplate {
  mtimeMs: number;
  size: number;
  doc: WordDocument;
}

const cache = new Map<string, CachedTemplate>();

/** The OLE compound-file signature: legacy .doc files and encrypted or rights-protected .docx packages. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/**
 * Why an OLE container cannot be a template, or null when it is not one. UFO's own v1.2.0 templates are
 * Microsoft rights-managed (IRM) packages: the document is encrypted for its tenant's rights server.
 */
function oleProblem(bytes: Uint8Array): string | null {
  if (bytes.length < OLE_SIGNATURE.length || OLE_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  if (containsUtf16(bytes, 'DRMEncryptedDataSpace')) {
    return (
      'it is a rights-managed (IRM/Azure RMS) Word document: its content is encrypted for the rights server of ' +
      'the organisation that protected it and cannot be read without a licence from that server; open it in ' +
      'Word with an authorised account and save an unprotected copy'
    );
  }
  if (containsUtf16(bytes, 'EncryptedPackage')) {
    return 'it is a password-protected Word document; save an unprotected copy to use it as a template';
  }
  return 'it is a legacy binary Word 97-2003 (.doc) file, not a .docx package; save it as .docx to use it';
}

/** Reads and imports a .docx template (cached by path, modification time and size). Errors name the file. */
export function loadDocxTemplate(path: string): WordDocument {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? `Word template file not found: ${path}`
        : `cannot read Word template ${path}: ${(error as Error).message}`,
    );
  }
  if (!stat.isFile()) throw new Error(`Word template ${path} is not a file`);
  const hit = cache.get(path);
  if (hit !== undefined && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.doc;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read Word template ${path}: ${(error as Error).message}`);
  }
  const problem = oleProblem(bytes);
  if (problem !== null) throw new Error(`cannot use ${path} as a Word template: ${problem}`);
  let doc: WordDocument;
  try {
    doc = importDocx(bytes);
  } catch (error) {
    throw new Error(`cannot use ${path} as a Word template: ${(error as Error).message}`);
  }
  cache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, doc });
  return doc;
}

/** Forgets imported templates (all, or one resolved path). */
export function clearDocxTemplateCache(path?: string): void {
  if (path === undefined) cache.clear();
  else cache.delete(path);
}

/**
 * A copy of an imported document for one episode. Style definitions are shared: the model never changes a
 * style in place (see snapshotWordState).
 */
function copyDocument(doc: WordDocument): WordDocument {
  const { styles, ...rest } = doc;
  const copy = cloneJson(rest) as WordDocument;
  copy.styles = { ...styles };
  return copy;
}

/**
 * `createWordState` plus .docx templates: a string template that is a file path is imported (see
 * `isTemplatePath`); anything else goes to `createWordState` (names, specs, documents).
 */
export function createWordStateFrom(template: unknown, options: WordTemplateOptions = {}): WordState {
  if (typeof template !== 'string' || !isTemplatePath(template)) return createWordState(template);
  const path = resolveTemplatePath(template, options.templateDir);
  let doc: WordDocument;
  try {
    doc = loadDocxTemplate(path);
  } catch (error) {
    if (isAbsolute(template)) throw error;
    const dir =
      options.templateDir === undefined ? 'the current directory' : `templateDir ${options.templateDir}`;
    throw new Error(`${(error as Error).message} (template '${template}', relative to ${dir})`);
  }
  const state = createWordState({ name: basename(path) });
  state.doc = copyDocument(doc);
  return state;
}
