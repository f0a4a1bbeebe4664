import { describe, expect, it } from 'vitest';
import { createPresentation } from '../../envs/powerpoint/model/builder.ts';
import { canvasState } from '../../envs/powerpoint/model/canvas.ts';
import { findText, replaceText, selectTextMatch } from '../../envs/powerpoint/model/operations/find.ts';
import {
  changeFontSize,
  changeListLevel,
  deleteText,
  enterTextEdit,
  exitTextEdit,
  insertText,
  moveCaret,
  selectAll,
  selectedText,
  selectText,
  setParagraphFormat,
  setTextFormat,
  toggleTextFormat,
} from '../../envs/powerpoint/model/operations/text-editing.ts';
import { selectShapes } from '../../envs/powerpoint/model/operations/shapes.ts';
import type { Presentation } from '../../envs/powerpoint/model/types.ts';
import { expectRefused } from './helpers.ts';

function deck(): Presentation {
  return createPresentation({
    slides: [
      { title: 'Quarterly Review', subtitle: 'Sales team' },
      { title: 'Agenda', body: 'Revenue growth\nNew markets\nHiring' },
    ],
    currentSlide: 1,
  });
}

const TITLE = 2;
const BODY = 3;

function runs(
  pres: Presentation,
  slide: number,
  shape: number,
): { text: string; bold?: true; size: number; color: string }[][] {
  const s = canvasState(pres).slides[slide]!.shapes.find((x) => x.id === shape)!;
  return s.text!.map((p) => p.runs);
}

describe('typing', () => {
  it('types at the caret, Enter splits paragraphs, Backspace joins them', () => {
    let pres = enterTextEdit(deck(), { shapeId: TITLE });
    pres = insertText(pres, ' 2024');
    expect(canvasState(pres).slides[1]!.title).toBe('Agenda 2024');
    pres = enterTextEdit(pres, { shapeId: BODY, at: { paragraph: 0, offset: 7 } });
    pres = insertText(pres, '\n');
    expect(canvasState(pres).slides[1]!.shapes[1]!.text!.map((p) => p.text)).toEqual([
      'Revenue',
      ' growth',
      'New markets',
      'Hiring',
    ]);
    pres = deleteText(pres, 'backward');
    expect(canvasState(pres).slides[1]!.shapes[1]!.text![0]!.text).toBe('Revenue growth');
    pres = deleteText(pres, 'forward', { word: true });
    expect(canvasState(pres).slides[1]!.shapes[1]!.text![0]!.text).toBe('Revenuegrowth');
  });

  it('typing replaces a selection; Shift+arrows extend it; selectedText reads it', () => {
    let pres = enterTextEdit(deck(), { shapeId: BODY, at: 'start' });
    pres = moveCaret(pres, 'wordRight', { extend: true });
    expect(selectedText(pres)).toBe('Revenue ');
    pres = insertText(pres, 'Profit ');
    expect(canvasState(pres).slides[1]!.shapes[1]!.text![0]!.text).toBe('Profit growth');
    pres = moveCaret(pres, 'textEnd');
    pres = moveCaret(pres, 'up', { extend: true });
    expect(selectedText(pres)).toBe('rkets\nHiring');
  });

  it('typing with a whole placeholder selected (not in edit mode) replaces its text', () => {
    let pres = selectShapes(deck(), [TITLE]);
    pres = insertText(pres, 'Plan');
    expect(canvasState(pres).slides[1]!.title).toBe('Plan');
    expect(pres.selection.text).not.toBeNull();
  });

  it('refuses to type with nothing to type into, and leaves edit mode on Esc', () => {
    const pres = deck();
    expectRefused(
      pres,
      (p) => insertText(p, 'x'),
      'NO_TEXT_SELECTION',
      /click into a placeholder or text box/,
    );
    expectRefused(pres, (p) => deleteText(p, 'backward'), 'NO_TEXT_SELECTION', /no text is being edited/);
    const editing = enterTextEdit(pres, { shapeId: TITLE });
    expectRefused(editing, (p) => deleteText(p, 'sideways' as 'forward'), 'INVALID_ARGUMENT', /"sideways"/);
    expect(exitTextEdit(editing).selection.text).toBeNull();
    expectRefused(
      pres,
      (p) => enterTextEdit(p, { shapeId: TITLE, at: { paragraph: 0, offset: 99 } }),
      'INVALID_ARGUMENT',
      /offset 99 is outside paragraph 0, which has 6 characters/,
    );
    expectRefused(
      pres,
      (p) => enterTextEdit(p, { shapeId: 77 }),
      'SHAPE_NOT_FOUND',
      /no shape with id 77.*2 \(Title 1\)/,
    );
  });
});

describe('character formatting', () => {
  it('formats only the selected characters and splits runs', () => {
    let pres = selectText(deck(), {
      shapeId: BODY,
      anchor: { paragraph: 0, offset: 0 },
      focus: { paragraph: 0, offset: 7 },
    });
    pres = setTextFormat(pres, { bold: true, color: 'red', size: 32, font: 'Arial' });
    const [first] = runs(pres, 1, BODY);
    expect(first).toEqual([
      { text: 'Revenue', font: 'Arial', size: 32, color: '#FF0000', bold: true },
      { text: ' growth', font: 'Calibri', size: 28, color: '#000000' },
    ]);
  });

  it('with a collapsed caret inside a word, formats the word; between words, the next typing', () => {
    let pres = enterTextEdit(deck(), { shapeId: BODY, at: { paragraph: 1, offset: 2 } });
    pres = toggleTextFormat(pres, 'italic');
    const canvas = canvasState(pres).slides[1]!.shapes[1]!.text![1]!.runs;
    expect(canvas.map((r) => [r.text, r.italic ?? false])).toEqual([
      ['New', true],
      [' markets', false],
    ]);
    pres = enterTextEdit(pres, { shapeId: BODY, at: { paragraph: 2, offset: 6 } });
    pres = toggleTextFormat(pres, 'bold');
    pres = insertText(pres, '!');
    expect(runs(pres, 1, BODY)[2]!.map((r) => [r.text, r.bold ?? false])).toEqual([
      ['Hiring', false],
      ['!', true],
    ]);
  });

  it('toggles off when all of the selection already has the format; selected shapes format all their text', () => {
    let pres = selectShapes(deck(), [TITLE, BODY]);
    pres = toggleTextFormat(pres, 'underline');
    expect(
      canvasState(pres).slides[1]!.shapes.every((s) =>
        s.text!.every((p) => p.runs.every((r) => r.underline)),
      ),
    ).toBe(true);
    pres = toggleTextFormat(pres, 'underline');
    expect(JSON.stringify(canvasState(pres))).not.toContain('underline');
  });

  it('grows and shrinks font size by PowerPoint steps from the effective size', () => {
    let pres = selectShapes(deck(), [TITLE]);
    pres = changeFontSize(pres, 'grow');
    expect(runs(pres, 1, TITLE)[0]![0]!.size).toBe(48);
    pres = changeFontSize(changeFontSize(pres, 'shrink'), 'shrink');
    expect(runs(pres, 1, TITLE)[0]![0]!.size).toBe(40);
  });

  it('refuses bad formats and changes nothing', () => {
    const pres = selectShapes(deck(), [TITLE]);
    expectRefused(
      pres,
      (p) => setTextFormat(p, { size: 0 }),
      'INVALID_ARGUMENT',
      /font size must be a number of points from 1 to 4000; got 0/,
    );
    expectRefused(
      pres,
      (p) => setTextFormat(p, { color: 'blurple' }),
      'INVALID_COLOR',
      /"blurple" is not a colour/,
    );
    expectRefused(
      pres,
      (p) => setTextFormat(p, { glow: true } as never),
      'INVALID_ARGUMENT',
      /unknown text format "glow"/,
    );
    expectRefused(
      pres,
      (p) => setTextFormat(p, { bold: 'yes' } as never),
      'INVALID_ARGUMENT',
      /bold must be true or false/,
    );
    expectRefused(deck(), (p) => setTextFormat(p, { bold: true }), 'NO_SELECTION', /select some text/);
    expectRefused(pres, (p) => toggleTextFormat(p, 'shadow' as 'bold'), 'INVALID_ARGUMENT', /"shadow"/);
  });
});

describe('paragraph formatting', () => {
  it('aligns, indents and bullets the paragraphs the selection touches', () => {
    let pres = selectText(deck(), {
      shapeId: BODY,
      anchor: { paragraph: 1, offset: 1 },
      focus: { paragraph: 2, offset: 1 },
    });
    pres = setParagraphFormat(pres, {
      align: 'center',
      bullet: { type: 'number', scheme: 'arabicPeriod', startAt: 3 },
    });
    pres = changeListLevel(pres, 1);
    const paras = canvasState(pres).slides[1]!.shapes[1]!.text!;
    expect(paras.map((p) => [p.align, p.bullet, p.level ?? 0])).toEqual([
      ['left', '•', 0],
      ['center', 'arabicPeriod from 3', 1],
      ['center', 'arabicPeriod from 3', 1],
    ]);
    pres = setParagraphFormat(pres, { bullet: null, lineSpacing: 1.5, spaceBefore: 6, spaceAfter: 12 });
    const p = pres.slides[1]!.shapes[1]!;
    expect(p.kind === 'placeholder' && p.text.paragraphs[1]).toMatchObject({
      lineSpacing: 1.5,
      spaceBefore: 6,
      spaceAfter: 12,
    });
    expect(p.kind === 'placeholder' && p.text.paragraphs[1]!.bullet).toBeUndefined();
    expect(canvasState(pres).slides[1]!.shapes[1]!.text![1]!.bullet).toBe('•');
  });

  it('list level stays within 0-8; bad paragraph formats are refused', () => {
    let pres = selectAll(enterTextEdit(deck(), { shapeId: BODY }));
    for (let i = 0; i < 10; i++) pres = changeListLevel(pres, 1);
    expect(
      pres.slides[1]!.shapes[1]!.kind === 'placeholder' &&
        pres.slides[1]!.shapes[1]!.text.paragraphs[0]!.level,
    ).toBe(8);
    expectRefused(
      pres,
      (p) => setParagraphFormat(p, { align: 'middle' as 'left' }),
      'INVALID_ARGUMENT',
      /align must be left, center, right or justify/,
    );
    expectRefused(
      pres,
      (p) => setParagraphFormat(p, { level: 9 }),
      'INVALID_ARGUMENT',
      /list level must be 0-8/,
    );
    expectRefused(
      pres,
      (p) => setParagraphFormat(p, { bullet: { type: 'char', char: 'ab' } }),
      'INVALID_ARGUMENT',
      /one character/,
    );
    expectRefused(pres, (p) => setParagraphFormat(p, { lineSpacing: 0 }), 'INVALID_ARGUMENT', /line spacing/);
    expectRefused(pres, (p) => changeListLevel(p, 2 as 1), 'INVALID_ARGUMENT', /delta must be 1 or -1/);
  });
});

describe('find, replace and select_text', () => {
  it('finds text in placeholders, tables and notes, with match case and whole words', () => {
    const pres = createPresentation({
      slides: [
        { title: 'Sales plan', notes: 'sales notes' },
        { layout: 'Title Only', title: 'Wholesale', tables: [{ rows: [['Sales', 'x']] }] },
      ],
    });
    expect(findText(pres, 'sales').map((m) => [m.slideIndex, m.shapeId === null ? 'notes' : m.text])).toEqual(
      [
        [0, 'Sales'],
        [0, 'notes'],
        [1, 'Sales'],
      ],
    );
    expect(findText(pres, 'sales', { wholeWords: true, matchCase: true })).toHaveLength(1);
    expect(findText(pres, 'Sales', { includeNotes: false, wholeWords: true })[1]!.cell).toEqual({
      row: 0,
      col: 0,
    });
    expectRefused(pres, (p) => findText(p, ''), 'INVALID_ARGUMENT', /non-empty string/);
  });

  it('replaces all matches keeping formatting; reports the count', () => {
    let pres = selectText(deck(), {
      shapeId: TITLE,
      anchor: { paragraph: 0, offset: 0 },
      focus: { paragraph: 0, offset: 6 },
    });
    pres = setTextFormat(pres, { bold: true });
    const { presentation, count } = replaceText(pres, 'agenda', 'Plan');
    expect(count).toBe(1);
    expect(runs(presentation, 1, TITLE)[0]).toEqual([
      { text: 'Plan', font: 'Calibri Light', size: 44, color: '#000000', bold: true },
    ]);
    const none = replaceText(pres, 'zebra', 'x');
    expect(none.count).toBe(0);
    expect(none.presentation).toBe(pres);
    expectRefused(pres, (p) => replaceText(p, 'a', 'b\nc'), 'INVALID_ARGUMENT', /without line breaks/);
  });

  it('select_text selects the n-th match from the current slide on, entering edit mode', () => {
    const pres = selectTextMatch(deck(), 'e', { occurrence: 2 });
    expect(selectedText(pres)).toBe('e');
    expect(pres.selection.text).toMatchObject({ shapeId: BODY, anchor: { paragraph: 0, offset: 1 } });
    expectRefused(
      deck(),
      (p) => selectTextMatch(p, 'Nowhere'),
      'INVALID_ARGUMENT',
      /does not occur on any slide/,
    );
    expectRefused(
      deck(),
      (p) => selectTextMatch(p, 'Hiring', { occurrence: 2 }),
      'INVALID_ARGUMENT',
      /occurs only 1 time/,
    );
  });
});
