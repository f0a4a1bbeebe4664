/** Model changes made for the app: cached style chains stay correct, and page counts across sections. */
import { describe, expect, it } from 'vitest';
import * as W from '../../envs/word/model/index.ts';

describe('style chain cache', () => {
  it('follows a style that is replaced by a new definition, and a change of defaults', () => {
    const doc = W.createDocument({ body: [{ text: 'Title text', style: 'Heading1' }] });
    const p = doc.body[0] as W.Paragraph;
    expect(W.effectiveCharFormat(doc, p, {}).size).toBe(16);
    expect(W.effectiveParagraphFormat(doc, p).spaceBefore).toBe(12);
    doc.styles.Heading1 = {
      ...doc.styles.Heading1!,
      char: { ...doc.styles.Heading1!.char, size: 20 },
      para: { spaceBefore: 6 },
    };
    expect(W.effectiveCharFormat(doc, p, {}).size).toBe(20);
    expect(W.effectiveParagraphFormat(doc, p).spaceBefore).toBe(6);
    doc.defaults = { char: { ...doc.defaults.char, font: 'Arial' }, para: { ...doc.defaults.para } };
    expect(W.effectiveCharFormat(doc, { style: 'Normal' }, {}).font).toBe('Arial');
  });

  it('hands out copies: changing a result does not change the next one', () => {
    const doc = W.createDocument({ body: ['x'] });
    const a = W.effectiveParagraphFormat(doc, doc.body[0] as W.Paragraph);
    a.spaceAfter = 99;
    expect(W.effectiveParagraphFormat(doc, doc.body[0] as W.Paragraph).spaceAfter).toBe(8);
  });
});

describe('word count pages', () => {
  it('counts manual page breaks and next-page section breaks', () => {
    const doc = W.createDocument({ body: ['one', { pageBreak: true }, 'two'] });
    expect(W.wordCount(doc).pages).toBe(2);
    W.moveCaret(doc, 'docEnd');
    W.insertSectionBreak(doc, 'nextPage');
    W.insertText(doc, 'three');
    expect(W.wordCount(doc).pages).toBe(3);
    expect(W.wordCount(doc).words).toBe(3);
  });
});
