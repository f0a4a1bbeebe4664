/** What the ribbon shows about the selection: its font, size, toggles and alignment, and the current slide. */
import { effectiveAlign, effectiveRunFormat } from '../model/format.ts';
import type { EffectiveRunFormat } from '../model/format.ts';
import { currentSlideIndex } from '../model/presentation.ts';
import { isTextShape } from '../model/shapes.ts';
import { formatAt, orderedRange, runsInRange } from '../model/text.ts';
import type { Align, Presentation, Shape, Slide, TextBody } from '../model/types.ts';

export function currentSlide(pres: Presentation): Slide | undefined {
  return pres.slides[currentSlideIndex(pres)];
}

/** The shape the selection is in or on (the first selected one). */
export function selectedShape(pres: Presentation): Shape | undefined {
  const id = pres.selection.text?.shapeId ?? pres.selection.shapeIds[0];
  return currentSlide(pres)?.shapes.find((s) => s.id === id);
}

interface SelectionFormat {
  format: EffectiveRunFormat;
  align: Align;
}

/** Per presentation (they are immutable): a view asks once for each ribbon control that shows it. */
const formats = new WeakMap<Presentation, SelectionFormat | null>();

/** The formatting at the start of the selection (PowerPoint's ribbon shows the first character's). */
export function selectionFormat(pres: Presentation): SelectionFormat | null {
  let out = formats.get(pres);
  if (out === undefined) {
    out = computeSelectionFormat(pres);
    formats.set(pres, out);
  }
  return out;
}

function computeSelectionFormat(pres: Presentation): SelectionFormat | null {
  const slide = currentSlide(pres);
  const shape = selectedShape(pres);
  if (!slide || !shape) return null;
  const sel = pres.selection.text;
  let body: TextBody | undefined;
  if (shape.kind === 'table')
    body = sel?.cell
      ? shape.table.cells[sel.cell.row]?.[sel.cell.col]?.text
      : shape.table.cells[0]?.[0]?.text;
  else if (isTextShape(shape)) body = shape.text;
  if (!body) return null;
  const ctx = sel?.cell ? { slide, shape, cell: sel.cell } : { slide, shape };
  const [start, end] = sel
    ? orderedRange(sel.anchor, sel.focus)
    : [
        { paragraph: 0, offset: 0 },
        { paragraph: 0, offset: 0 },
      ];
  const para = body.paragraphs[start.paragraph] ?? body.paragraphs[0]!;
  const first = runsInRange(body, start, end)[0]?.run ?? {
    ...formatAt(body, start),
    ...(sel?.pendingFormat ?? {}),
  };
  return { format: effectiveRunFormat(pres, ctx, para, first), align: effectiveAlign(pres, ctx, para) };
}
