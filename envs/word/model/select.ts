import { invalidArgument, outOfRange } from './errors.ts';
import { allParagraphs, lastPosition } from './positions.ts';
import { paragraphLength, visibleText } from './runs.ts';
import type { WordDocument } from './types.ts';

/**
 * UFO's select_paragraph(start_index, end_index, non_empty): selects from the start of paragraph
 * start_index to the end of paragraph end_index (1-based, counting paragraphs in table cells as Word's
 * Document.Paragraphs does; end_index -1 means the end of the document). With nonEmpty only paragraphs
 * with visible text are counted. A start index below 1 is treated as 1, as UFO does.
 */
export function selectParagraph(
  doc: WordDocument,
  startIndex: number,
  endIndex: number,
  nonEmpty = true,
): void {
  if (!Number.isInteger(startIndex))
    throw invalidArgument(`start_index must be an integer, got ${JSON.stringify(startIndex)}`);
  if (!Number.isInteger(endIndex))
    throw invalidArgument(`end_index must be an integer, got ${JSON.stringify(endIndex)}`);
  let paragraphs = allParagraphs(doc.body);
  if (nonEmpty) paragraphs = paragraphs.filter((p) => visibleText(p.paragraph).trim() !== '');
  const count = paragraphs.length;
  const what = nonEmpty ? 'non-empty paragraphs' : 'paragraphs';
  const start = Math.max(1, startIndex);
  if (start > count)
    throw outOfRange(`start_index ${startIndex} is out of range: the document has ${count} ${what}`);
  const first = paragraphs[start - 1]!;
  let focus;
  if (endIndex === -1) focus = lastPosition(doc.body);
  else {
    if (endIndex < start || endIndex > count) {
      throw outOfRange(
        `end_index ${endIndex} is out of range: expected -1 or ${start}..${count} (${count} ${what})`,
      );
    }
    const last = paragraphs[endIndex - 1]!;
    focus = { path: last.path, offset: paragraphLength(last.paragraph) };
  }
  doc.selection = { anchor: { path: first.path, offset: 0 }, focus };
  doc.pending = null;
}
