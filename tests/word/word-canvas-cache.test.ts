/**
 * The canvas's per-paragraph cache (model/memo.ts) and the app's content-keyed memos (app/derived.ts) must never
 * show stale values: a paragraph's JSON follows its style, the document defaults and its list definition, which
 * the cache key leaves out; counters that depend on earlier paragraphs are recounted on every hit; and the app
 * recomputes when the content changes under the same document object.
 */
import { describe, expect, it } from 'vitest';
import * as W from '../../envs/word/model/index.ts';
import { wordsOf } from '../../envs/word/app/derived.ts';
import { driver } from './helpers.ts';

type Obj = Record<string, unknown>;
const body = (doc: W.WordDocument): Obj[] => W.canvasState(doc).body as Obj[];

describe('canvas paragraph cache', () => {
  it('follows a replaced style definition and changed defaults', () => {
    const doc = W.createDocument({ body: [{ text: 'Heading text', style: 'Heading1' }, 'Plain text'] });
    const runs = (): Obj[] => body(doc)[0]!.runs as Obj[];
    expect(runs()[0]!.size).toBe(16);
    doc.styles.Heading1 = {
      ...doc.styles.Heading1!,
      name: 'Big Heading',
      char: { ...doc.styles.Heading1!.char, size: 20 },
    };
    expect(body(doc)[0]!.style).toBe('Big Heading');
    expect(runs()[0]!.size).toBe(20);
    doc.defaults = { char: { ...doc.defaults.char, font: 'Arial' }, para: { ...doc.defaults.para } };
    expect((W.canvasState(doc).default_font as Obj).font).toBe('Arial');
  });

  it('recounts paragraph numbers and list labels for paragraphs it has seen', () => {
    const doc = W.createDocument({
      body: [
        { text: 'same', list: 'number' },
        { text: 'same', list: 'number' },
        { text: 'same', list: 'number' },
      ],
    });
    const first = body(doc);
    expect(first.map((p) => p.n)).toEqual([1, 2, 3]);
    expect(first.map((p) => (p.list as Obj).label)).toEqual(['1.', '2.', '3.']);
    // Insert a paragraph before them: the cached ones shift their numbers and labels.
    doc.body.unshift({ type: 'paragraph', runs: [{ text: 'intro' }] });
    const second = body(doc);
    expect(second.map((p) => p.n)).toEqual([1, 2, 3, 4]);
    expect(second.slice(1).map((p) => (p.list as Obj).label)).toEqual(['1.', '2.', '3.']);
  });

  it('follows a change of the list definition', () => {
    const doc = W.createDocument({ body: [{ text: 'item', list: 'number' }] });
    const list = (): Obj => body(doc)[0]!.list as Obj;
    expect(list()).toEqual({ kind: 'number', level: 0, label: '1.' });
    // The definition changes in place while the paragraph stays the same.
    const p = doc.body[0] as W.Paragraph;
    const def = doc.lists[String(p.list!.id)]!;
    def.levels[0] = { ...def.levels[0]!, format: 'bullet', text: '•' };
    expect(list().kind).toBe('bullet');
  });

  it('gives the same JSON as a first computation after edits and undo', () => {
    const doc = W.createDocument({ body: ['alpha beta', { table: [['a', 'b']] }, 'gamma'] });
    const seen = JSON.stringify(W.canvasState(doc));
    W.selectText(doc, 'beta');
    W.toggleCharFormat(doc, 'bold');
    const edited = JSON.stringify(W.canvasState(doc));
    expect(edited).not.toBe(seen);
    expect(edited).toContain('"bold":true');
  });
});

describe('layout cache', () => {
  it("gives Word Count's lines for the paragraphs as they are now, in the current styles", () => {
    const doc = W.createDocument({ body: ['short', 'also short'] });
    const before = W.wordCount(doc).lines;
    expect(before).toBe(2);
    (doc.body[0] as W.Paragraph).runs = [{ text: 'word '.repeat(100) }];
    const after = W.wordCount(doc).lines;
    expect(after).toBeGreaterThan(before);
    const normal = doc.styles.Normal!;
    doc.styles.Normal = { ...normal, char: { ...normal.char, size: 30 } };
    expect(W.wordCount(doc).lines).toBeGreaterThan(after);
  });
});

describe('content-keyed memos of the app', () => {
  it('show edits in the canvas, and the first canvas again after undo', () => {
    const d = driver('line-of-text');
    const first = JSON.stringify(d.obs.canvas);
    const text = (): string => (d.canvas().body as Obj[])[0]!.text as string;
    expect(text()).toBe('text to edit');
    d.keys('{END}');
    d.act('Page 1 content', 'set_edit_text', { text: ' more' });
    expect(text()).toBe('text to edit more');
    d.keys('^b');
    d.keys('^z');
    d.keys('^z');
    expect(text()).toBe('text to edit');
    d.keys('^{HOME}');
    expect(JSON.stringify(d.obs.canvas)).toBe(first);
  });

  it("count the status bar's words afresh after edits that reuse paragraph texts", () => {
    const d = driver('report');
    const expected = (): number =>
      W.allParagraphs(d.state().doc.body).reduce(
        (n, p) => n + W.countText(W.visibleText(p.paragraph)).words,
        0,
      );
    const first = wordsOf(d.state());
    expect(first).toBe(expected());
    d.keys('^{HOME}');
    d.act('Page 1 content', 'set_edit_text', { text: 'two more ' });
    expect(wordsOf(d.state())).toBe(first + 2);
    expect(wordsOf(d.state())).toBe(expected());
    d.keys('^z');
    expect(wordsOf(d.state())).toBe(first);
  });
});
