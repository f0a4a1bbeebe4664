import { currentBlocks, insertionAttributes } from './editing.ts';
import { checkColor, checkNumber, invalidArgument, invalidState, outOfRange } from './errors.ts';
import { wordRangeAt } from './caret.ts';
import { listKind } from './numbering.ts';
import { blockAt, isCollapsed } from './positions.ts';
import { selectionSpans, wordAroundCaret } from './ranges.ts';
import type { ParagraphSpan } from './ranges.ts';
import { mapRange, paragraphText } from './runs.ts';
import { effectiveCharFormat, effectiveParagraphFormat, findStyle, pruneRedundant } from './styles.ts';
import type { Border, CharFormat, Inline, Paragraph, ParagraphFormat, WordDocument } from './types.ts';
import { CHAR_FORMAT_KEYS, HIGHLIGHT_COLORS, PARAGRAPH_FORMAT_KEYS, UNDERLINE_STYLES } from './types.ts';

/** A character-format change; null removes the direct property (the text inherits again). */
export type CharFormatPatch = { [K in keyof CharFormat]?: CharFormat[K] | null };
/** A paragraph-format change; null removes the direct property. */
export type ParagraphFormatPatch = { [K in keyof ParagraphFormat]?: ParagraphFormat[K] | null };

const MAX_FONT_SIZE = 1638;

function checkBool(name: string, v: unknown): boolean {
  if (typeof v !== 'boolean')
    throw invalidArgument(`${name} must be true or false, got ${JSON.stringify(v)}`);
  return v;
}

/** Validates a character-format patch and returns it normalised (colours upper-case, sizes in half points). */
export function validateCharPatch(doc: WordDocument, patch: CharFormatPatch): CharFormatPatch {
  if (!patch || typeof patch !== 'object') throw invalidArgument('character format must be an object');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!(CHAR_FORMAT_KEYS as readonly string[]).includes(key)) {
      throw invalidArgument(
        `unknown character format key ${JSON.stringify(key)}; expected one of ${CHAR_FORMAT_KEYS.join(', ')}`,
      );
    }
    if (value === null || value === undefined) {
      out[key] = null;
      continue;
    }
    switch (key) {
      case 'font':
        if (typeof value !== 'string' || value.trim() === '' || value.length > 100) {
          throw invalidArgument(`font must be a non-empty font name, got ${JSON.stringify(value)}`);
        }
        out[key] = value.trim();
        break;
      case 'size':
        checkNumber('font size', value, 1, MAX_FONT_SIZE);
        out[key] = Math.round((value as number) * 2) / 2;
        break;
      case 'underline':
        if (value !== 'none' && !(UNDERLINE_STYLES as readonly string[]).includes(value as string)) {
          throw invalidArgument(
            `underline must be 'none' or one of ${UNDERLINE_STYLES.join(', ')}, got ${JSON.stringify(value)}`,
          );
        }
        out[key] = value;
        break;
      case 'color':
        out[key] = checkColor('font color', value);
        break;
      case 'highlight':
        if (value !== 'none' && !Object.hasOwn(HIGHLIGHT_COLORS, value as string)) {
          throw invalidArgument(
            `highlight must be 'none' or one of ${Object.keys(HIGHLIGHT_COLORS).join(', ')}, got ${JSON.stringify(value)}`,
          );
        }
        out[key] = value;
        break;
      case 'vertAlign':
        if (!['superscript', 'subscript', 'baseline'].includes(value as string)) {
          throw invalidArgument(
            `vertAlign must be superscript, subscript or baseline, got ${JSON.stringify(value)}`,
          );
        }
        out[key] = value;
        break;
      case 'charStyle': {
        const style = typeof value === 'string' ? findStyle(doc, value) : undefined;
        if (!style || style.type !== 'character')
          throw invalidArgument(`no character style ${JSON.stringify(value)}`);
        out[key] = style.id;
        break;
      }
      default:
        out[key] = checkBool(key, value);
    }
  }
  return out as CharFormatPatch;
}

function patchInline(doc: WordDocument, p: Paragraph, r: Inline, patch: CharFormatPatch): Inline {
  if (r.kind === 'shape' || r.kind === 'opaque') return r;
  // Object.assign copies below, not spreads: the patch adds properties to them (formatCopy, styles.ts).
  const next = Object.assign({}, r) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
  }
  pruneRedundant(doc, p, next as CharFormat);
  return next as unknown as Inline;
}

function patchMark(doc: WordDocument, p: Paragraph, patch: CharFormatPatch): void {
  const mark = patchInline(
    doc,
    p,
    Object.assign({}, p.mark, { text: '' }) as Inline,
    patch,
  ) as unknown as Record<string, unknown>;
  delete mark.text;
  if (Object.keys(mark).length) p.mark = mark as CharFormat;
  else delete p.mark;
}

/** Applies a patch to spans of text (and to selected paragraph marks / empty paragraphs). */
function applyToSpans(doc: WordDocument, spans: ParagraphSpan[], patch: CharFormatPatch): void {
  for (const s of spans) {
    mapRange(s.paragraph, s.from, s.to, (r) => patchInline(doc, s.paragraph, r, patch));
    if (s.includesMark || s.paragraph.runs.length === 0) patchMark(doc, s.paragraph, patch);
  }
}

/** The spans a character command acts on: the selection, or the word around a collapsed caret. */
function charTargets(doc: WordDocument): ParagraphSpan[] | null {
  if (isCollapsed(doc.selection)) {
    const word = wordAroundCaret(doc);
    return word ? [word] : null;
  }
  return selectionSpans(doc);
}

/**
 * Sets character formatting on the selection. With nothing selected it formats the word around the
 * caret, or (between words) sets the format the next typed text gets, as Word does.
 */
export function setCharFormat(doc: WordDocument, patch: CharFormatPatch): void {
  const clean = validateCharPatch(doc, patch);
  const targets = charTargets(doc);
  if (targets) {
    applyToSpans(doc, targets, clean);
    return;
  }
  const pending: Record<string, unknown> = Object.assign({}, doc.pending) as Record<string, unknown>;
  const b = blockAt(currentBlocks(doc), doc.selection.focus.path);
  for (const [key, value] of Object.entries(clean)) {
    if (value === null) {
      // Reset to what the style gives: an explicit undefined would be dropped, so store the inherited value.
      const inherited =
        b.type === 'paragraph'
          ? (effectiveCharFormat(doc, { style: b.style }, {}) as Record<string, unknown>)[key]
          : undefined;
      pending[key] = inherited ?? offValue(key);
    } else pending[key] = value;
  }
  doc.pending = pending as CharFormat;
}

function offValue(key: string): unknown {
  if (key === 'underline' || key === 'highlight') return 'none';
  if (key === 'vertAlign') return 'baseline';
  return false;
}

export const TOGGLES = [
  'bold',
  'italic',
  'underline',
  'strike',
  'doubleStrike',
  'superscript',
  'subscript',
  'caps',
  'smallCaps',
  'hidden',
] as const;
export type ToggleKey = (typeof TOGGLES)[number];

function toggleIsOn(f: CharFormat, key: ToggleKey): boolean {
  switch (key) {
    case 'underline':
      return f.underline !== undefined && f.underline !== 'none';
    case 'superscript':
      return f.vertAlign === 'superscript';
    case 'subscript':
      return f.vertAlign === 'subscript';
    default:
      return f[key] === true;
  }
}

function togglePatch(key: ToggleKey, on: boolean): CharFormatPatch {
  switch (key) {
    case 'underline':
      return { underline: on ? 'single' : 'none' };
    case 'superscript':
      return { vertAlign: on ? 'superscript' : 'baseline' };
    case 'subscript':
      return { vertAlign: on ? 'subscript' : 'baseline' };
    case 'strike':
      return on ? { strike: true, doubleStrike: false } : { strike: false };
    case 'doubleStrike':
      return on ? { doubleStrike: true, strike: false } : { doubleStrike: false };
    case 'caps':
      return on ? { caps: true, smallCaps: false } : { caps: false };
    case 'smallCaps':
      return on ? { smallCaps: true, caps: false } : { smallCaps: false };
    default:
      return { [key]: on };
  }
}

/** Effective character formats of everything in the spans (the caret's insertion format when empty). */
function effectiveFormatsIn(doc: WordDocument, spans: ParagraphSpan[] | null): CharFormat[] {
  const out: CharFormat[] = [];
  if (spans) {
    for (const s of spans) {
      let pos = 0;
      for (const r of s.paragraph.runs) {
        const len = r.kind === undefined ? r.text.length : 1;
        if (pos < s.to && pos + len > s.from && (r.kind === undefined || r.kind === 'field')) {
          out.push(effectiveCharFormat(doc, s.paragraph, r));
        }
        pos += len;
      }
    }
    if (out.length === 0)
      for (const s of spans) out.push(effectiveCharFormat(doc, s.paragraph, s.paragraph.mark ?? {}));
    if (out.length) return out;
  }
  const { path, offset } = doc.selection.focus;
  const b = blockAt(currentBlocks(doc), path);
  if (b.type === 'paragraph') out.push(effectiveCharFormat(doc, b, insertionAttributes(doc, b, offset)));
  return out;
}

/**
 * Bold, Italic, Underline... buttons: on when any selected text lacks the property (a mixed selection
 * gets it everywhere), off when all of it has it. A collapsed caret inside a word toggles the word;
 * between words it toggles the pending insertion format.
 */
export function toggleCharFormat(doc: WordDocument, key: ToggleKey): void {
  if (!(TOGGLES as readonly string[]).includes(key)) {
    throw invalidArgument(`cannot toggle ${JSON.stringify(key)}; expected one of ${TOGGLES.join(', ')}`);
  }
  const targets = charTargets(doc);
  const formats = effectiveFormatsIn(doc, targets);
  const allOn = formats.length > 0 && formats.every((f) => toggleIsOn(f, key));
  setCharFormat(doc, togglePatch(key, !allOn));
}

/** UFO's set_font(font_name, font_size): either may be omitted. */
export function setFont(doc: WordDocument, fontName?: string | null, fontSize?: number | null): void {
  const patch: CharFormatPatch = {};
  if (fontName !== undefined && fontName !== null && fontName !== '') patch.font = fontName;
  if (fontSize !== undefined && fontSize !== null) patch.size = fontSize;
  if (Object.keys(patch).length === 0) throw invalidArgument('set_font needs a font_name or a font_size');
  setCharFormat(doc, patch);
}

/** The sizes of Word's font size box; Grow/Shrink Font step through them. */
export const FONT_SIZES = [8, 9, 10, 11, 12, 14, 16, 18, 20, 22, 24, 26, 28, 36, 48, 72];

/** The size Grow Font (Ctrl+Shift+>) gives: the next listed size, then steps of 10 past 72. */
export function growSize(size: number): number {
  if (size < 8) return Math.min(8, Math.floor(size) + 1);
  const next = FONT_SIZES.find((s) => s > size);
  if (next !== undefined) return next;
  return Math.min(MAX_FONT_SIZE, Math.floor(size / 10) * 10 + 10);
}

/** The size Shrink Font (Ctrl+Shift+<) gives: the previous listed size, 1 pt steps below 8. */
export function shrinkSize(size: number): number {
  if (size <= 8) return Math.max(1, Math.ceil(size) - 1);
  if (size > 72) return size <= 80 ? 72 : Math.ceil(size / 10) * 10 - 10;
  let prev = 8;
  for (const s of FONT_SIZES) if (s < size) prev = s;
  return prev;
}

/**
 * Grow/Shrink Font ('list' steps through FONT_SIZES) or Ctrl+] / Ctrl+[ ('point': one point).
 * Each run changes from its own size, so mixed sizes stay mixed.
 */
export function stepFontSize(doc: WordDocument, direction: 1 | -1, mode: 'list' | 'point' = 'list'): void {
  if (direction !== 1 && direction !== -1)
    throw invalidArgument(`direction must be 1 or -1, got ${String(direction)}`);
  if (mode !== 'list' && mode !== 'point')
    throw invalidArgument(`mode must be 'list' or 'point', got ${String(mode)}`);
  const step = (s: number): number =>
    mode === 'point'
      ? Math.max(1, Math.min(MAX_FONT_SIZE, s + direction))
      : direction > 0
        ? growSize(s)
        : shrinkSize(s);
  const targets = charTargets(doc);
  if (!targets) {
    const [f] = effectiveFormatsIn(doc, null);
    setCharFormat(doc, { size: step(f?.size ?? 11) });
    return;
  }
  for (const s of targets) {
    mapRange(s.paragraph, s.from, s.to, (r) => {
      if (r.kind === 'shape' || r.kind === 'opaque') return r;
      const size = effectiveCharFormat(doc, s.paragraph, r).size ?? 11;
      return patchInline(doc, s.paragraph, r, { size: step(size) });
    });
  }
}

export const CASE_MODES = ['sentence', 'lower', 'upper', 'capitalize', 'toggle'] as const;
export type CaseMode = (typeof CASE_MODES)[number];

function mapChar(ch: string, upper: boolean): string {
  const m = upper ? ch.toUpperCase() : ch.toLowerCase();
  return m.length === ch.length ? m : ch;
}

/**
 * Home > Change Case: Sentence case., lowercase, UPPERCASE, Capitalize Each Word, tOGGLE cASE. Changes
 * the characters (not a display attribute) and keeps every run's formatting. A collapsed caret changes
 * the word at the caret.
 */
export function changeCase(doc: WordDocument, mode: CaseMode): void {
  if (!(CASE_MODES as readonly string[]).includes(mode)) {
    throw invalidArgument(`unknown case ${JSON.stringify(mode)}; expected one of ${CASE_MODES.join(', ')}`);
  }
  let spans: ParagraphSpan[];
  if (isCollapsed(doc.selection)) {
    const blocks = currentBlocks(doc);
    const r = wordRangeAt(doc, blocks, doc.selection.focus);
    const b = blockAt(blocks, r.start.path);
    if (b.type !== 'paragraph' || r.start.offset === r.end.offset) return;
    spans = [
      { path: r.start.path, paragraph: b, from: r.start.offset, to: r.end.offset, includesMark: false },
    ];
  } else spans = selectionSpans(doc);
  for (const s of spans) {
    const text = paragraphText(s.paragraph);
    let sentenceStart = true;
    let wordStart = true;
    // Look back so a selection starting mid-sentence is not capitalised.
    for (let i = s.from - 1; i >= 0; i--) {
      const ch = text[i]!;
      if (/\s/.test(ch)) continue;
      sentenceStart = /[.!?]/.test(ch);
      break;
    }
    if (s.from > 0 && /[\p{L}\p{N}'’]/u.test(text[s.from - 1]!)) wordStart = false;
    let pos = 0;
    const out: Inline[] = [];
    for (const r of s.paragraph.runs) {
      const len = r.kind === undefined ? r.text.length : 1;
      if (r.kind !== undefined || pos + len <= s.from || pos >= s.to) {
        out.push(r);
        pos += len;
        continue;
      }
      let t = '';
      for (let i = 0; i < r.text.length; i++) {
        const ch = r.text[i]!;
        const at = pos + i;
        if (at < s.from || at >= s.to) {
          t += ch;
          continue;
        }
        const letter = /\p{L}/u.test(ch);
        switch (mode) {
          case 'lower':
            t += mapChar(ch, false);
            break;
          case 'upper':
            t += mapChar(ch, true);
            break;
          case 'toggle':
            t += mapChar(ch, ch === ch.toLowerCase());
            break;
          case 'capitalize':
            t += letter ? mapChar(ch, wordStart) : ch;
            break;
          case 'sentence':
            t += letter ? mapChar(ch, sentenceStart) : ch;
            break;
        }
        if (letter) sentenceStart = false;
        if (/[.!?]/.test(ch)) sentenceStart = true;
        wordStart = !/[\p{L}\p{N}'’]/u.test(ch);
      }
      out.push({ ...r, text: t });
      pos += len;
    }
    s.paragraph.runs = out;
  }
}

const KEEP_ON_CLEAR = ['highlight', 'link', 'comments'] as const;

/**
 * Home > Clear All Formatting: selected text loses its direct character formatting (highlight, links
 * and comments stay, as in Word) and the touched paragraphs go back to Normal with no direct paragraph
 * formatting or list. With nothing selected, the caret's paragraph is reset and the pending format
 * dropped.
 */
export function clearFormatting(doc: WordDocument): void {
  const spans = selectionSpans(doc);
  for (const s of spans) {
    mapRange(s.paragraph, s.from, s.to, (r) => {
      if (r.kind === 'shape' || r.kind === 'opaque') return r;
      const next: Record<string, unknown> =
        r.kind === 'field' ? { kind: 'field', instr: r.instr, result: r.result } : { text: r.text };
      for (const key of KEEP_ON_CLEAR) {
        const v = (r as unknown as Record<string, unknown>)[key];
        if (v !== undefined) next[key] = v;
      }
      if (r.charStyle === 'Hyperlink' && r.link) next.charStyle = 'Hyperlink';
      return next as unknown as Inline;
    });
    const p = s.paragraph;
    for (const key of PARAGRAPH_FORMAT_KEYS) delete p[key];
    delete p.mark;
  }
  doc.pending = null;
}

function checkBorder(name: string, b: unknown): Border {
  if (!b || typeof b !== 'object')
    throw invalidArgument(`${name} must be a border object {style, width, color, space}`);
  const o = b as Record<string, unknown>;
  if (typeof o.style !== 'string' || o.style === '')
    throw invalidArgument(`${name}.style must be a border style name like 'single'`);
  return {
    style: o.style,
    width: checkNumber(`${name}.width`, o.width ?? 0.5, 0.25, 31),
    color: checkColor(`${name}.color`, o.color ?? 'auto'),
    space: checkNumber(`${name}.space`, o.space ?? 0, 0, 31),
  };
}

const ALIGNMENTS = ['left', 'center', 'right', 'justify', 'distribute'];

/** Validates a paragraph-format patch. */
export function validateParagraphPatch(doc: WordDocument, patch: ParagraphFormatPatch): ParagraphFormatPatch {
  if (!patch || typeof patch !== 'object') throw invalidArgument('paragraph format must be an object');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!(PARAGRAPH_FORMAT_KEYS as readonly string[]).includes(key)) {
      throw invalidArgument(
        `unknown paragraph format key ${JSON.stringify(key)}; expected one of ${PARAGRAPH_FORMAT_KEYS.join(', ')}`,
      );
    }
    if (value === null || value === undefined) {
      out[key] = null;
      continue;
    }
    switch (key) {
      case 'style': {
        const style = typeof value === 'string' ? findStyle(doc, value) : undefined;
        if (!style || style.type !== 'paragraph')
          throw invalidArgument(`no paragraph style ${JSON.stringify(value)}`);
        out[key] = style.id;
        break;
      }
      case 'align':
        if (!ALIGNMENTS.includes(value as string))
          throw invalidArgument(
            `align must be one of ${ALIGNMENTS.join(', ')}, got ${JSON.stringify(value)}`,
          );
        out[key] = value;
        break;
      case 'indentLeft':
      case 'indentRight':
      case 'indentFirstLine':
        out[key] = checkNumber(key, value, -1584, 1584);
        break;
      case 'spaceBefore':
      case 'spaceAfter':
        out[key] = checkNumber(key, value, 0, 1584);
        break;
      case 'lineSpacing':
        out[key] = checkNumber(key, value, 0.06, 1584);
        break;
      case 'lineRule':
        if (!['auto', 'exact', 'atLeast'].includes(value as string))
          throw invalidArgument(`lineRule must be auto, exact or atLeast, got ${JSON.stringify(value)}`);
        out[key] = value;
        break;
      case 'outlineLevel':
        out[key] = checkNumber(key, value, 0, 9);
        break;
      case 'shading':
        out[key] = checkColor('shading', value);
        break;
      case 'borders': {
        const borders: Record<string, Border> = {};
        for (const [side, b] of Object.entries(value as object)) {
          if (!['top', 'bottom', 'left', 'right', 'between'].includes(side))
            throw invalidArgument(`unknown paragraph border side ${JSON.stringify(side)}`);
          if (b) borders[side] = checkBorder(`borders.${side}`, b);
        }
        out[key] = borders;
        break;
      }
      case 'list': {
        const l = value as { id?: unknown; level?: unknown };
        if (typeof l.id !== 'number' || !doc.lists[String(l.id)])
          throw invalidArgument(`list id ${JSON.stringify(l.id)} is not a list of this document`);
        const level = checkNumber('list level', l.level ?? 0, 0, 8);
        out[key] = { id: l.id, level: Math.floor(level) };
        break;
      }
      default:
        out[key] = checkBool(key, value);
    }
  }
  if (
    out.lineRule !== undefined &&
    out.lineRule !== null &&
    out.lineRule !== 'auto' &&
    typeof out.lineSpacing === 'number' &&
    out.lineSpacing < 0.7
  ) {
    throw outOfRange(`an ${String(out.lineRule)} line spacing is in points and must be at least 0.7`);
  }
  return out as ParagraphFormatPatch;
}

function patchParagraph(p: Paragraph, patch: ParagraphFormatPatch): void {
  const rec = p as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || (key === 'style' && value === 'Normal')) delete rec[key];
    else rec[key] = value;
  }
}

/** Sets paragraph formatting on every paragraph the selection touches. */
export function setParagraphFormat(doc: WordDocument, patch: ParagraphFormatPatch): void {
  const clean = validateParagraphPatch(doc, patch);
  for (const s of selectionSpans(doc)) patchParagraph(s.paragraph, clean);
}

/**
 * Applies a style by id or name. A paragraph style replaces the paragraphs' style and drops their
 * direct paragraph formatting (lists stay) and the direct character properties the style sets; a
 * character style applies like character formatting.
 */
export function applyStyle(doc: WordDocument, styleIdOrName: string): void {
  if (typeof styleIdOrName !== 'string' || styleIdOrName === '')
    throw invalidArgument('style name must be a non-empty string');
  const style = findStyle(doc, styleIdOrName);
  if (!style) throw invalidArgument(`no style named ${JSON.stringify(styleIdOrName)} in this document`);
  if (style.type === 'character') {
    setCharFormat(doc, { charStyle: style.id });
    return;
  }
  if (style.type !== 'paragraph')
    throw invalidState(`${style.name} is a ${style.type} style; apply it to a table instead`);
  const styleChar = effectiveCharFormat(doc, { style: style.id }, {});
  const normalChar = effectiveCharFormat(doc, {}, {});
  const definedKeys = CHAR_FORMAT_KEYS.filter(
    (k) =>
      k !== 'charStyle' &&
      (styleChar as Record<string, unknown>)[k] !== (normalChar as Record<string, unknown>)[k],
  );
  for (const s of selectionSpans(doc)) {
    const p = s.paragraph;
    for (const key of PARAGRAPH_FORMAT_KEYS) if (key !== 'list') delete p[key];
    if (style.id !== 'Normal') p.style = style.id;
    p.runs = p.runs.map((r) => {
      if (r.kind === 'shape' || r.kind === 'opaque') return r;
      const next = { ...r } as Record<string, unknown>;
      for (const k of definedKeys) delete next[k];
      return next as unknown as Inline;
    });
    if (p.mark) {
      const mark = { ...p.mark } as Record<string, unknown>;
      for (const k of definedKeys) delete mark[k];
      if (Object.keys(mark).length) p.mark = mark as CharFormat;
      else delete p.mark;
    }
  }
}

/** Home > Increase/Decrease Indent: list items change level; other paragraphs move by 0.5". */
export function changeIndent(doc: WordDocument, direction: 1 | -1): void {
  if (direction !== 1 && direction !== -1)
    throw invalidArgument(`direction must be 1 or -1, got ${String(direction)}`);
  for (const s of selectionSpans(doc)) {
    const p = s.paragraph;
    if (p.list) {
      p.list = { id: p.list.id, level: Math.max(0, Math.min(8, p.list.level + direction)) };
      continue;
    }
    const left = effectiveParagraphFormat(doc, p).indentLeft ?? 0;
    const next =
      direction > 0
        ? (Math.floor(left / 36 + 1e-6) + 1) * 36
        : Math.max(0, (Math.ceil(left / 36 - 1e-6) - 1) * 36);
    p.indentLeft = next;
  }
}

/** Home > Line and Paragraph Spacing: a multiple of single spacing (1, 1.15, 1.5, 2, 2.5, 3). */
export function setLineSpacing(doc: WordDocument, multiple: number): void {
  checkNumber('line spacing', multiple, 0.06, 132);
  setParagraphFormat(doc, { lineSpacing: multiple, lineRule: 'auto' });
}

/** What the ribbon shows for the selection: null where the selection is mixed. */
export interface SelectionFormat {
  font: string | null;
  size: number | null;
  bold: boolean | null;
  italic: boolean | null;
  underline: string | null;
  strike: boolean | null;
  doubleStrike: boolean | null;
  superscript: boolean | null;
  subscript: boolean | null;
  caps: boolean | null;
  smallCaps: boolean | null;
  color: string | null;
  highlight: string | null;
  style: string | null;
  align: string | null;
  list: 'bullet' | 'number' | 'none' | null;
  lineSpacing: number | null;
  inTable: boolean;
}

/** `get` of every item when they all agree (===), null when they differ or there are none. */
function uniform<A, T>(items: readonly A[], get: (item: A) => T): T | null {
  if (items.length === 0) return null;
  const first = get(items[0]!);
  for (let i = 1; i < items.length; i++) if (get(items[i]!) !== first) return null;
  return first;
}

/*
 * What each ribbon field reads from a character or paragraph format, defined once: the ribbon asks for the
 * selection's format after most steps, and closures made per call (each wrapped by the TypeScript loader's
 * name helper) cost more than the reading itself.
 */
const fontOf = (f: CharFormat): string => f.font ?? '';
const sizeOf = (f: CharFormat): number => f.size ?? 11;
const boldOf = (f: CharFormat): boolean => f.bold === true;
const italicOf = (f: CharFormat): boolean => f.italic === true;
const underlineOf = (f: CharFormat): string => f.underline ?? 'none';
const strikeOf = (f: CharFormat): boolean => f.strike === true;
const doubleStrikeOf = (f: CharFormat): boolean => f.doubleStrike === true;
const superscriptOf = (f: CharFormat): boolean => f.vertAlign === 'superscript';
const subscriptOf = (f: CharFormat): boolean => f.vertAlign === 'subscript';
const capsOf = (f: CharFormat): boolean => f.caps === true;
const smallCapsOf = (f: CharFormat): boolean => f.smallCaps === true;
const colorOf = (f: CharFormat): string => f.color ?? 'auto';
const highlightOf = (f: CharFormat): string => f.highlight ?? 'none';
const styleOf = (f: ParagraphFormat): string => f.style ?? 'Normal';
const alignOf = (f: ParagraphFormat): string => f.align ?? 'left';
const lineSpacingOf = (f: ParagraphFormat): number =>
  f.lineRule === 'auto' || f.lineRule === undefined ? (f.lineSpacing ?? 1) : -1;

export function selectionFormat(doc: WordDocument): SelectionFormat {
  const all = selectionSpans(doc);
  const formats = effectiveFormatsIn(doc, isCollapsed(doc.selection) ? null : all);
  const paragraphs: Paragraph[] = [];
  const pfs: ParagraphFormat[] = [];
  for (const span of all) {
    paragraphs.push(span.paragraph);
    pfs.push(effectiveParagraphFormat(doc, span.paragraph));
  }
  let list: SelectionFormat['list'] = null;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const kind = p.list ? listKind(doc.lists[String(p.list.id)]) : 'none';
    if (i === 0) list = kind;
    else if (kind !== list) {
      list = null;
      break;
    }
  }
  return {
    font: uniform(formats, fontOf),
    size: uniform(formats, sizeOf),
    bold: uniform(formats, boldOf),
    italic: uniform(formats, italicOf),
    underline: uniform(formats, underlineOf),
    strike: uniform(formats, strikeOf),
    doubleStrike: uniform(formats, doubleStrikeOf),
    superscript: uniform(formats, superscriptOf),
    subscript: uniform(formats, subscriptOf),
    caps: uniform(formats, capsOf),
    smallCaps: uniform(formats, smallCapsOf),
    color: uniform(formats, colorOf),
    highlight: uniform(formats, highlightOf),
    style: uniform(pfs, styleOf),
    align: uniform(pfs, alignOf),
    list,
    lineSpacing: uniform(pfs, lineSpacingOf),
    inTable: doc.selection.focus.path.length > 1,
  };
}
