/**
 * Editing text inside a shape as PowerPoint does it: a caret or selection in one text body (edit mode), or whole
 * shapes selected (formatting then applies to all their text).
 */
import { parseColor } from '../colors.ts';
import { copyData } from '../draft.ts';
import { fail } from '../errors.ts';
import { effectiveRunFormat } from '../format.ts';
import type { TextContext } from '../format.ts';
import { getShape, getTextBody, produce, slideIndexArg } from '../presentation.ts';
import { isTextShape } from '../shapes.ts';
import {
  checkPosition,
  comparePositions,
  deleteRange,
  endPosition,
  formatAt,
  formatRange,
  insertAt,
  mapRunsInRange,
  orderedRange,
  paragraphLength,
  paragraphText,
  runsInRange,
  setBodyText,
  wordAt,
} from '../text.ts';
import type {
  Align,
  Bullet,
  Presentation,
  RunFormat,
  Shape,
  Slide,
  TextBody,
  TextPosition,
  TextSelection,
} from '../types.ts';

interface EditTarget {
  slide: Slide;
  shape: Shape;
  body: TextBody;
  sel: TextSelection;
  ctx: TextContext;
}

function currentSlide(draft: Presentation, where: string): Slide {
  const slide = draft.slides.find((s) => s.id === draft.selection.slideId);
  if (!slide) fail('SLIDE_NOT_FOUND', `${where}: the presentation has no slides`);
  return slide;
}

function editTarget(draft: Presentation, where: string): EditTarget {
  const sel = draft.selection.text;
  if (!sel) {
    fail(
      'NO_TEXT_SELECTION',
      `${where}: no text is being edited; click into a placeholder or text box first (or select text)`,
    );
  }
  const slide = currentSlide(draft, where);
  const shape = getShape(slide, sel.shapeId, where);
  const body = getTextBody(shape, sel.cell, where);
  const ctx: TextContext = sel.cell ? { slide, shape, cell: sel.cell } : { slide, shape };
  return { slide, shape, body, sel, ctx };
}

function setCaret(draft: Presentation, sel: TextSelection, pos: TextPosition): void {
  const next: TextSelection = { shapeId: sel.shapeId, anchor: { ...pos }, focus: { ...pos } };
  if (sel.cell) next.cell = sel.cell;
  draft.selection.text = next;
}

function textSelection(
  shapeId: number,
  cell: { row: number; col: number } | undefined,
  anchor: TextPosition,
  focus: TextPosition,
): TextSelection {
  const sel: TextSelection = { shapeId, anchor: { ...anchor }, focus: { ...focus } };
  if (cell) sel.cell = { row: cell.row, col: cell.col };
  return sel;
}

export interface TextLocation {
  /** Default: the current slide. */
  slideIndex?: number;
  shapeId: number;
  /** For tables: the cell. */
  cell?: { row: number; col: number };
}

function locate(draft: Presentation, loc: TextLocation, where: string): { slide: Slide; body: TextBody } {
  const i = slideIndexArg(draft, loc.slideIndex, where);
  const slide = draft.slides[i]!;
  const shape = getShape(slide, loc.shapeId, where);
  return { slide, body: getTextBody(shape, loc.cell, where) };
}

/** Clicks into a shape's text: edit mode with the caret at the start, the end (default) or a position. */
export function enterTextEdit(
  pres: Presentation,
  loc: TextLocation & { at?: 'start' | 'end' | TextPosition },
): Presentation {
  return produce(pres, (draft) => {
    const { slide, body } = locate(draft, loc, 'enterTextEdit');
    const at = loc.at ?? 'end';
    const pos = at === 'end' ? endPosition(body) : at === 'start' ? { paragraph: 0, offset: 0 } : at;
    checkPosition(body, pos, 'enterTextEdit');
    draft.selection = {
      slideId: slide.id,
      slideIds: [slide.id],
      shapeIds: [loc.shapeId],
      text: textSelection(loc.shapeId, loc.cell, pos, pos),
    };
  });
}

/** Selects text from `anchor` to `focus` (the caret ends at `focus`). */
export function selectText(
  pres: Presentation,
  loc: TextLocation & { anchor: TextPosition; focus: TextPosition },
): Presentation {
  return produce(pres, (draft) => {
    const { slide, body } = locate(draft, loc, 'selectText');
    checkPosition(body, loc.anchor, 'selectText (anchor)');
    checkPosition(body, loc.focus, 'selectText (focus)');
    draft.selection = {
      slideId: slide.id,
      slideIds: [slide.id],
      shapeIds: [loc.shapeId],
      text: textSelection(loc.shapeId, loc.cell, loc.anchor, loc.focus),
    };
  });
}

/** Ctrl+A: all text of the shape being edited, or, outside edit mode, every shape on the slide. */
export function selectAll(pres: Presentation): Presentation {
  return produce(pres, (draft) => {
    if (draft.selection.text) {
      const { body, sel } = editTarget(draft, 'selectAll');
      draft.selection.text = textSelection(
        sel.shapeId,
        sel.cell,
        { paragraph: 0, offset: 0 },
        endPosition(body),
      );
      return;
    }
    const slide = currentSlide(draft, 'selectAll');
    draft.selection.shapeIds = slide.shapes.map((s) => s.id);
  });
}

/** Esc: leaves edit mode; the shape stays selected. */
export function exitTextEdit(pres: Presentation): Presentation {
  return produce(pres, (draft) => {
    draft.selection.text = null;
  });
}

/**
 * Types text. In edit mode it replaces the selection ("\n" = Enter starts a paragraph, "\v" = Shift+Enter);
 * with one text shape selected but not in edit mode, the typing replaces the shape's text, as in PowerPoint.
 */
export function insertText(pres: Presentation, text: string): Presentation {
  if (typeof text !== 'string')
    fail('INVALID_ARGUMENT', `insertText: text must be a string; got ${JSON.stringify(text)}`);
  return produce(pres, (draft) => {
    if (!draft.selection.text) {
      const slide = currentSlide(draft, 'insertText');
      const ids = draft.selection.shapeIds;
      const shape = ids.length === 1 ? slide.shapes.find((s) => s.id === ids[0]) : undefined;
      if (!shape || !isTextShape(shape)) {
        fail(
          'NO_TEXT_SELECTION',
          'insertText: nothing to type into; click into a placeholder or text box first',
        );
      }
      setBodyText(shape.text, text.replace(/\r\n?/g, '\n'));
      draft.selection.text = textSelection(
        shape.id,
        undefined,
        endPosition(shape.text),
        endPosition(shape.text),
      );
      return;
    }
    const { body, sel } = editTarget(draft, 'insertText');
    const start = deleteRange(body, sel.anchor, sel.focus);
    const format = { ...formatAt(body, start), ...(sel.pendingFormat ?? {}) };
    const end = insertAt(body, start, text, format);
    setCaret(draft, sel, end);
  });
}

function wordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return i;
}

function wordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !/\s/.test(text[i]!)) i++;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** Backspace ('backward') or Delete ('forward'); `word` is Ctrl+Backspace / Ctrl+Delete. */
export function deleteText(
  pres: Presentation,
  direction: 'backward' | 'forward',
  options: { word?: boolean } = {},
): Presentation {
  if (direction !== 'backward' && direction !== 'forward') {
    fail(
      'INVALID_ARGUMENT',
      `deleteText: direction must be "backward" or "forward"; got ${JSON.stringify(direction)}`,
    );
  }
  return produce(pres, (draft) => {
    const { body, sel } = editTarget(draft, 'deleteText');
    if (comparePositions(sel.anchor, sel.focus) !== 0) {
      setCaret(draft, sel, deleteRange(body, sel.anchor, sel.focus));
      return;
    }
    const pos = sel.focus;
    const text = paragraphText(body.paragraphs[pos.paragraph]!);
    let other: TextPosition;
    if (direction === 'backward') {
      if (pos.offset > 0)
        other = {
          paragraph: pos.paragraph,
          offset: options.word ? wordStart(text, pos.offset) : pos.offset - 1,
        };
      else if (pos.paragraph > 0) {
        other = {
          paragraph: pos.paragraph - 1,
          offset: paragraphLength(body.paragraphs[pos.paragraph - 1]!),
        };
      } else return;
    } else if (pos.offset < text.length) {
      other = { paragraph: pos.paragraph, offset: options.word ? wordEnd(text, pos.offset) : pos.offset + 1 };
    } else if (pos.paragraph < body.paragraphs.length - 1) {
      other = { paragraph: pos.paragraph + 1, offset: 0 };
    } else return;
    setCaret(draft, sel, deleteRange(body, pos, other));
  });
}

export type CaretMotion =
  'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'wordLeft' | 'wordRight' | 'textStart' | 'textEnd';

/**
 * Arrow keys, Home/End, Ctrl+arrows, Ctrl+Home/End; `extend` (Shift) moves only the focus. The model has no
 * line layout, so Up/Down move by paragraph and Home/End go to the paragraph's ends.
 */
export function moveCaret(
  pres: Presentation,
  motion: CaretMotion,
  options: { extend?: boolean } = {},
): Presentation {
  return produce(pres, (draft) => {
    const { body, sel } = editTarget(draft, 'moveCaret');
    const collapsed = comparePositions(sel.anchor, sel.focus) === 0;
    const [start, end] = orderedRange(sel.anchor, sel.focus);
    const f = sel.focus;
    const len = (p: number): number => paragraphLength(body.paragraphs[p]!);
    const text = paragraphText(body.paragraphs[f.paragraph]!);
    let pos: TextPosition;
    switch (motion) {
      case 'left':
        if (!options.extend && !collapsed) pos = start;
        else if (f.offset > 0) pos = { paragraph: f.paragraph, offset: f.offset - 1 };
        else if (f.paragraph > 0) pos = { paragraph: f.paragraph - 1, offset: len(f.paragraph - 1) };
        else pos = f;
        break;
      case 'right':
        if (!options.extend && !collapsed) pos = end;
        else if (f.offset < len(f.paragraph)) pos = { paragraph: f.paragraph, offset: f.offset + 1 };
        else if (f.paragraph < body.paragraphs.length - 1) pos = { paragraph: f.paragraph + 1, offset: 0 };
        else pos = f;
        break;
      case 'up':
        pos =
          f.paragraph > 0
            ? { paragraph: f.paragraph - 1, offset: Math.min(f.offset, len(f.paragraph - 1)) }
            : { paragraph: 0, offset: 0 };
        break;
      case 'down':
        pos =
          f.paragraph < body.paragraphs.length - 1
            ? { paragraph: f.paragraph + 1, offset: Math.min(f.offset, len(f.paragraph + 1)) }
            : endPosition(body);
        break;
      case 'home':
        pos = { paragraph: f.paragraph, offset: 0 };
        break;
      case 'end':
        pos = { paragraph: f.paragraph, offset: len(f.paragraph) };
        break;
      case 'wordLeft':
        pos =
          f.offset > 0
            ? { paragraph: f.paragraph, offset: wordStart(text, f.offset) }
            : f.paragraph > 0
              ? { paragraph: f.paragraph - 1, offset: len(f.paragraph - 1) }
              : f;
        break;
      case 'wordRight':
        pos =
          f.offset < text.length
            ? { paragraph: f.paragraph, offset: wordEnd(text, f.offset) }
            : f.paragraph < body.paragraphs.length - 1
              ? { paragraph: f.paragraph + 1, offset: 0 }
              : f;
        break;
      case 'textStart':
        pos = { paragraph: 0, offset: 0 };
        break;
      case 'textEnd':
        pos = endPosition(body);
        break;
      default:
        return fail('INVALID_ARGUMENT', `moveCaret: unknown motion ${JSON.stringify(motion)}`);
    }
    draft.selection.text = options.extend
      ? textSelection(sel.shapeId, sel.cell, sel.anchor, pos)
      : textSelection(sel.shapeId, sel.cell, pos, pos);
  });
}

// ------------------------------------------------------------------------------------------ character formatting

interface FormatRange {
  body: TextBody;
  ctx: TextContext;
  start: TextPosition;
  end: TextPosition;
}

type FormatTarget = { kind: 'ranges'; ranges: FormatRange[] } | { kind: 'pending'; target: EditTarget };

/**
 * What a formatting command applies to: the selected text; with a collapsed caret, the word around it (or,
 * between words, the text typed next); outside edit mode, all text of the selected shapes.
 */
function formatTarget(draft: Presentation, where: string): FormatTarget {
  if (draft.selection.text) {
    const t = editTarget(draft, where);
    const { sel, body } = t;
    if (comparePositions(sel.anchor, sel.focus) !== 0) {
      return { kind: 'ranges', ranges: [{ body, ctx: t.ctx, start: sel.anchor, end: sel.focus }] };
    }
    const word = wordAt(body, sel.focus);
    if (word) {
      const p = sel.focus.paragraph;
      return {
        kind: 'ranges',
        ranges: [
          {
            body,
            ctx: t.ctx,
            start: { paragraph: p, offset: word[0] },
            end: { paragraph: p, offset: word[1] },
          },
        ],
      };
    }
    return { kind: 'pending', target: t };
  }
  const slide = currentSlide(draft, where);
  const ranges: FormatRange[] = [];
  for (const id of draft.selection.shapeIds) {
    const shape = getShape(slide, id, where);
    if (shape.kind === 'table') {
      shape.table.cells.forEach((row, r) =>
        row.forEach((cell, c) =>
          ranges.push({
            body: cell.text,
            ctx: { slide, shape, cell: { row: r, col: c } },
            start: { paragraph: 0, offset: 0 },
            end: endPosition(cell.text),
          }),
        ),
      );
    } else if (isTextShape(shape)) {
      ranges.push({
        body: shape.text,
        ctx: { slide, shape },
        start: { paragraph: 0, offset: 0 },
        end: endPosition(shape.text),
      });
    }
  }
  if (ranges.length === 0) {
    fail('NO_SELECTION', `${where}: select some text, or a shape that holds text, first`);
  }
  return { kind: 'ranges', ranges };
}

function checkRunFormat(patch: RunFormat, where: string): RunFormat {
  const out: RunFormat = {};
  for (const [k, v] of Object.entries(patch)) {
    switch (k) {
      case 'font':
        if (typeof v !== 'string' || v.trim() === '')
          fail(
            'INVALID_ARGUMENT',
            `${where}: font must be a font name such as "Arial"; got ${JSON.stringify(v)}`,
          );
        out.font = v.trim();
        break;
      case 'size':
        if (typeof v !== 'number' || !(v >= 1 && v <= 4000))
          fail(
            'INVALID_ARGUMENT',
            `${where}: font size must be a number of points from 1 to 4000; got ${JSON.stringify(v)}`,
          );
        out.size = Math.round(v * 10) / 10;
        break;
      case 'bold':
      case 'italic':
      case 'underline':
      case 'strike':
        if (typeof v !== 'boolean')
          fail('INVALID_ARGUMENT', `${where}: ${k} must be true or false; got ${JSON.stringify(v)}`);
        out[k] = v;
        break;
      case 'color':
        out.color = parseColor(v, `${where}: color`);
        break;
      default:
        fail(
          'INVALID_ARGUMENT',
          `${where}: unknown text format "${k}"; use font, size, bold, italic, underline, strike or color`,
        );
    }
  }
  return out;
}

/** Font, size, colour, bold… on the selection (see formatTarget for what that is). */
export function setTextFormat(pres: Presentation, patch: RunFormat): Presentation {
  const clean = checkRunFormat(patch, 'setTextFormat');
  return produce(pres, (draft) => {
    const target = formatTarget(draft, 'setTextFormat');
    if (target.kind === 'pending') {
      const sel = draft.selection.text!;
      sel.pendingFormat = { ...(sel.pendingFormat ?? {}), ...clean };
      const p = target.target.body.paragraphs[sel.focus.paragraph]!;
      if (paragraphLength(p) === 0) p.endFormat = { ...(p.endFormat ?? {}), ...clean };
      return;
    }
    for (const r of target.ranges) formatRange(r.body, r.start, r.end, clean);
  });
}

export type ToggleFormat = 'bold' | 'italic' | 'underline' | 'strike';

/** Ctrl+B / Ctrl+I / Ctrl+U: on when any of the selection lacks it, off when all of it has it. */
export function toggleTextFormat(pres: Presentation, key: ToggleFormat): Presentation {
  if (!['bold', 'italic', 'underline', 'strike'].includes(key)) {
    fail(
      'INVALID_ARGUMENT',
      `toggleTextFormat: ${JSON.stringify(key)} is not one of bold, italic, underline, strike`,
    );
  }
  // Reading the selection's formatting changes nothing, so it reads the presentation itself.
  const target = formatTarget(pres, 'toggleTextFormat');
  let allOn: boolean;
  if (target.kind === 'pending') {
    const { body, sel, ctx } = target.target;
    const para = body.paragraphs[sel.focus.paragraph]!;
    const here = { ...formatAt(body, sel.focus), ...(sel.pendingFormat ?? {}) };
    allOn = effectiveRunFormat(pres, ctx, para, here)[key];
  } else {
    const pieces = target.ranges.flatMap((r) =>
      runsInRange(r.body, r.start, r.end).map(
        (x) => effectiveRunFormat(pres, r.ctx, r.body.paragraphs[x.paragraph]!, x.run)[key],
      ),
    );
    allOn = pieces.length > 0 && pieces.every(Boolean);
  }
  return setTextFormat(pres, { [key]: !allOn });
}

/** PowerPoint's Increase/Decrease Font Size steps (Ctrl+Shift+> / <). */
export const FONT_SIZE_STEPS = [
  8, 9, 10, 10.5, 11, 12, 14, 16, 18, 20, 24, 28, 32, 36, 40, 44, 48, 54, 60, 66, 72, 80, 88, 96,
];

function stepSize(size: number, direction: 'grow' | 'shrink'): number {
  if (direction === 'grow') {
    const next = FONT_SIZE_STEPS.find((s) => s > size);
    return next ?? Math.min(4000, Math.ceil((size + 1) / 10) * 10);
  }
  const prev = [...FONT_SIZE_STEPS].reverse().find((s) => s < size);
  return prev ?? Math.max(1, size - 1);
}

export function changeFontSize(pres: Presentation, direction: 'grow' | 'shrink'): Presentation {
  if (direction !== 'grow' && direction !== 'shrink') {
    fail(
      'INVALID_ARGUMENT',
      `changeFontSize: direction must be "grow" or "shrink"; got ${JSON.stringify(direction)}`,
    );
  }
  return produce(pres, (draft) => {
    const target = formatTarget(draft, 'changeFontSize');
    if (target.kind === 'pending') {
      const { body, sel, ctx } = target.target;
      const para = body.paragraphs[sel.focus.paragraph]!;
      const cur = effectiveRunFormat(draft, ctx, para, {
        ...formatAt(body, sel.focus),
        ...(sel.pendingFormat ?? {}),
      }).size;
      draft.selection.text!.pendingFormat = { ...(sel.pendingFormat ?? {}), size: stepSize(cur, direction) };
      return;
    }
    for (const r of target.ranges) {
      mapRunsInRange(r.body, r.start, r.end, (f, para) => {
        f.size = stepSize(effectiveRunFormat(draft, r.ctx, para, f).size, direction);
      });
    }
  });
}

// ------------------------------------------------------------------------------------------ paragraph formatting

export interface ParagraphFormatPatch {
  align?: Align;
  level?: number;
  /** null removes direct bullet formatting (the placeholder's default comes back). */
  bullet?: Bullet | null;
  lineSpacing?: number;
  spaceBefore?: number;
  spaceAfter?: number;
}

function paragraphTargets(
  draft: Presentation,
  where: string,
): { body: TextBody; from: number; to: number }[] {
  if (draft.selection.text) {
    const { body, sel } = editTarget(draft, where);
    const [s, e] = orderedRange(sel.anchor, sel.focus);
    return [{ body, from: s.paragraph, to: e.paragraph }];
  }
  const target = formatTarget(draft, where);
  if (target.kind !== 'ranges') return [];
  return target.ranges.map((r) => ({ body: r.body, from: 0, to: r.body.paragraphs.length - 1 }));
}

function checkBullet(b: Bullet, where: string): Bullet {
  if (b.type === 'none') return { type: 'none' };
  if (b.type === 'char') {
    if (typeof b.char !== 'string' || [...b.char].length !== 1)
      fail(
        'INVALID_ARGUMENT',
        `${where}: a bullet character must be one character; got ${JSON.stringify(b.char)}`,
      );
    return b.font ? { type: 'char', char: b.char, font: b.font } : { type: 'char', char: b.char };
  }
  if (b.type === 'number') {
    const schemes = [
      'arabicPeriod',
      'arabicParenR',
      'romanUcPeriod',
      'romanLcPeriod',
      'alphaUcPeriod',
      'alphaLcPeriod',
      'alphaLcParenR',
    ];
    if (!schemes.includes(b.scheme))
      fail(
        'INVALID_ARGUMENT',
        `${where}: numbering scheme must be one of ${schemes.join(', ')}; got ${JSON.stringify(b.scheme)}`,
      );
    const out: Bullet = { type: 'number', scheme: b.scheme };
    if (b.startAt !== undefined) {
      if (!Number.isInteger(b.startAt) || b.startAt < 1 || b.startAt > 32767)
        fail(
          'INVALID_ARGUMENT',
          `${where}: numbering must start at 1-32767; got ${JSON.stringify(b.startAt)}`,
        );
      out.startAt = b.startAt;
    }
    return out;
  }
  return fail(
    'INVALID_ARGUMENT',
    `${where}: bullet type must be "none", "char" or "number"; got ${JSON.stringify((b as { type: unknown }).type)}`,
  );
}

/** Alignment, list level, bullets, spacing on the paragraphs the selection touches (or all, for selected shapes). */
export function setParagraphFormat(pres: Presentation, patch: ParagraphFormatPatch): Presentation {
  const where = 'setParagraphFormat';
  if (patch.align !== undefined && !['left', 'center', 'right', 'justify'].includes(patch.align)) {
    fail(
      'INVALID_ARGUMENT',
      `${where}: align must be left, center, right or justify; got ${JSON.stringify(patch.align)}`,
    );
  }
  if (patch.level !== undefined && !(Number.isInteger(patch.level) && patch.level >= 0 && patch.level <= 8)) {
    fail(
      'INVALID_ARGUMENT',
      `${where}: list level must be 0-8 (PowerPoint's levels 1-9); got ${JSON.stringify(patch.level)}`,
    );
  }
  if (patch.lineSpacing !== undefined && !(patch.lineSpacing > 0 && patch.lineSpacing <= 9.99)) {
    fail(
      'INVALID_ARGUMENT',
      `${where}: line spacing must be a multiple between 0 and 9.99; got ${JSON.stringify(patch.lineSpacing)}`,
    );
  }
  for (const k of ['spaceBefore', 'spaceAfter'] as const) {
    const v = patch[k];
    if (v !== undefined && !(v >= 0 && v <= 1584))
      fail('INVALID_ARGUMENT', `${where}: ${k} must be 0-1584 points; got ${JSON.stringify(v)}`);
  }
  const bullet =
    patch.bullet === undefined || patch.bullet === null ? patch.bullet : checkBullet(patch.bullet, where);
  return produce(pres, (draft) => {
    for (const t of paragraphTargets(draft, where)) {
      for (let i = t.from; i <= t.to; i++) {
        const p = t.body.paragraphs[i]!;
        if (patch.align !== undefined) p.align = patch.align;
        if (patch.level !== undefined) p.level = patch.level;
        if (bullet === null) delete p.bullet;
        else if (bullet !== undefined) p.bullet = copyData(bullet);
        if (patch.lineSpacing !== undefined) p.lineSpacing = patch.lineSpacing;
        if (patch.spaceBefore !== undefined) p.spaceBefore = patch.spaceBefore;
        if (patch.spaceAfter !== undefined) p.spaceAfter = patch.spaceAfter;
      }
    }
  });
}

/** Increase / Decrease List Level (Tab / Shift+Tab at a bullet). */
export function changeListLevel(pres: Presentation, delta: 1 | -1): Presentation {
  if (delta !== 1 && delta !== -1)
    fail('INVALID_ARGUMENT', `changeListLevel: delta must be 1 or -1; got ${JSON.stringify(delta)}`);
  return produce(pres, (draft) => {
    for (const t of paragraphTargets(draft, 'changeListLevel')) {
      for (let i = t.from; i <= t.to; i++) {
        const p = t.body.paragraphs[i]!;
        p.level = Math.min(8, Math.max(0, p.level + delta));
      }
    }
  });
}

/** The selected text as plain text (what Ctrl+C copies), '' without a text selection. */
export function selectedText(pres: Presentation): string {
  const sel = pres.selection.text;
  if (!sel) return '';
  const { body } = editTarget(pres, 'selectedText');
  const [s, e] = orderedRange(sel.anchor, sel.focus);
  const parts: string[] = [];
  for (let p = s.paragraph; p <= e.paragraph; p++) {
    parts.push(
      runsInRange(
        body,
        p === s.paragraph ? s : { paragraph: p, offset: 0 },
        p === e.paragraph ? e : { paragraph: p, offset: paragraphLength(body.paragraphs[p]!) },
      )
        .map((x) => x.run.text)
        .join(''),
    );
  }
  return parts.join('\n');
}
