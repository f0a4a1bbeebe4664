import { builtinStyles, defaultFormats } from './styles.ts';
import type { Paragraph, SectionSetup, WordDocument } from './types.ts';

/** US Letter and A4 and the other sizes Word's Size gallery offers, in points (portrait). */
export const PAGE_SIZES: Record<string, { width: number; height: number }> = {
  Letter: { width: 612, height: 792 },
  Legal: { width: 612, height: 1008 },
  Executive: { width: 522, height: 756 },
  A3: { width: 841.9, height: 1190.55 },
  A4: { width: 595.3, height: 841.9 },
  A5: { width: 419.55, height: 595.3 },
  B5: { width: 498.9, height: 708.65 },
  Tabloid: { width: 792, height: 1224 },
};

/** Word's Normal template page: Letter, 1" margins, header/footer 0.5" from the edge, one column. */
export function defaultSection(): SectionSetup {
  return {
    pageWidth: 612,
    pageHeight: 792,
    orientation: 'portrait',
    margins: { top: 72, bottom: 72, left: 72, right: 72, header: 36, footer: 36, gutter: 0 },
    columns: { count: 1, space: 36, separator: false },
    start: 'nextPage',
    headers: {},
    footers: {},
    titlePage: false,
    pageNumbers: {},
  };
}

/**
 * A shallow copy of `literal` built member by member, as `cloneJson` builds copies. V8 gives an object literal and an
 * object built by adding members different hidden classes even when their members and order are the same, so code
 * that reads both a live document and copies of it (undo snapshots, the canvas's frozen mirror) would meet two for
 * every shape and keep throwing away its optimised code. The model's factories return their objects through this.
 */
export function asCopies<T extends object>(literal: T): T {
  return { ...literal };
}

export function emptyParagraph(): Paragraph {
  return asCopies<Paragraph>({ type: 'paragraph', runs: [] });
}

/** A blank document as Word's File > New > Blank document makes it: one empty Normal paragraph. */
export function emptyDocument(): WordDocument {
  return {
    body: [emptyParagraph()],
    section: defaultSection(),
    styles: builtinStyles(),
    defaults: defaultFormats(),
    lists: {},
    comments: [],
    watermark: null,
    pageColor: null,
    evenAndOddHeaders: false,
    properties: {},
    selection: { anchor: { path: [0], offset: 0 }, focus: { path: [0], offset: 0 } },
    pending: null,
    nextId: 1,
  };
}

/** A fresh id for shapes, comments and lists ('prefix' + number). */
export function takeId(doc: WordDocument): number {
  return doc.nextId++;
}

/** Width available to text in a section (page width less the side margins and gutter), points. */
export function textWidth(section: SectionSetup): number {
  return Math.max(
    36,
    section.pageWidth - section.margins.left - section.margins.right - section.margins.gutter,
  );
}
