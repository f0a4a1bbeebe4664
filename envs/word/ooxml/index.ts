/**
 * .docx import and export for the Word model: `importDocx(bytes)` reads a package written by Word,
 * LibreOffice or any other writer into a WordDocument; `exportDocx(doc)` writes one that Word and
 * LibreOffice open with the same content and formatting. Both are synchronous.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { WordDocument } from '../model/index.ts';
import { exportDocx } from './export.ts';
import { importDocx } from './import.ts';
import { documentError } from './xml.ts';

export { exportDocx } from './export.ts';
export { importDocx } from './import.ts';

/** Reads a .docx file; errors name the file and what is wrong with it. */
export function readDocxFile(path: string): WordDocument {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw documentError(`cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    return importDocx(bytes);
  } catch (e) {
    if (e instanceof Error && 'code' in e) e.message = `${path}: ${e.message}`;
    throw e;
  }
}

/** Writes a document as a .docx file. */
export function writeDocxFile(path: string, doc: WordDocument): void {
  writeFileSync(path, exportDocx(doc));
}
