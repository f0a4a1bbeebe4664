/**
 * LibreOffice interoperability. (b) Documents exported here are rewritten by LibreOffice (which
 * saves .docx in its own style) and imported back: content and formatting must survive. (c) A .docx
 * that LibreOffice generates from an HTML page imports as a foreign file. All conversions run in one
 * soffice invocation (each cold start costs seconds).
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as W from '../../envs/word/model/index.ts';
import type { Paragraph, WordDocument } from '../../envs/word/model/index.ts';
import { exportDocx, importDocx } from '../../envs/word/ooxml/index.ts';
import * as F from './fixtures/docx/documents.ts';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) console.warn('ooxml-libreoffice tests skipped: soffice (LibreOffice) is not installed');

const FIXTURES = join(import.meta.dirname, 'fixtures', 'docx');

function withColumns(doc: WordDocument): WordDocument {
  doc.section.columns = { count: 3, space: 24, separator: true };
  return doc;
}

describe.skipIf(!hasSoffice)('LibreOffice round trip and foreign files', () => {
  let dir = '';
  const converted: Record<string, WordDocument> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lamgym-ooxml-lo-'));
    const inputs: Record<string, WordDocument> = {
      everything: F.everything(),
      headers: withColumns(F.headersFooters()),
      annotations: F.annotations(),
      tables: F.tables(),
      sections: F.pageSetup(),
      shapes: F.breaksAndShapes(),
      picture: F.pictureWatermark(),
    };
    const files = Object.entries(inputs).map(([name, doc]) => {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, exportDocx(doc));
      return file;
    });
    copyFileSync(join(FIXTURES, 'foreign.html'), join(dir, 'foreign.html'));
    files.push(join(dir, 'foreign.html'));
    const out = join(dir, 'out');
    const profile = `file://${join(dir, 'lo-profile')}`;
    await promisify(execFile)(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        out,
        ...files,
      ],
      { timeout: 240_000 },
    );
    for (const name of [...Object.keys(inputs), 'foreign'])
      converted[name] = importDocx(readFileSync(join(out, `${name}.docx`)));
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Shapes are object characters in the text; LibreOffice moves their anchors to the paragraph start.
  const texts = (doc: WordDocument): string[] =>
    F.paragraphs(doc)
      .map((p) => W.paragraphText(p).replaceAll(W.OBJECT_CHAR, ''))
      .filter((t) => t !== '');
  const charFormat = (doc: WordDocument, text: string): W.CharFormat => {
    const { run, paragraph } = F.runWith(doc, text);
    return W.effectiveCharFormat(doc, paragraph, run);
  };
  const paraFormat = (doc: WordDocument, text: string): W.ParagraphFormat =>
    W.effectiveParagraphFormat(doc, F.paragraphWith(doc, text));
  const listOf = (doc: WordDocument, text: string): { id: number; kind: string } => {
    const list = F.paragraphWith(doc, text).list;
    if (!list) throw new Error(`${text} is not in a list`);
    return { id: list.id, kind: W.listKind(doc.lists[String(list.id)]) };
  };

  it('keeps the text and the paragraph order', () => {
    const doc = converted['everything']!;
    expect(texts(doc)).toEqual(texts(F.everything()));
  });

  it('keeps character formatting', () => {
    const doc = converted['everything']!;
    expect(charFormat(doc, 'Georgia14')).toMatchObject({ font: 'Georgia', size: 14 });
    expect(charFormat(doc, 'BoldText').bold).toBe(true);
    expect(charFormat(doc, 'ItalicText').italic).toBe(true);
    expect(charFormat(doc, 'UnderText').underline).toBe('single');
    expect(charFormat(doc, 'DoubleUnder').underline).toBe('double');
    expect(charFormat(doc, 'StruckText').strike).toBe(true);
    expect(charFormat(doc, 'RedText').color).toBe('FF0000');
    expect(charFormat(doc, 'YellowMark').highlight).toBe('yellow');
    expect(charFormat(doc, 'Super').vertAlign).toBe('superscript');
    expect(charFormat(doc, 'Sub').vertAlign).toBe('subscript');
    expect(charFormat(doc, 'CapsText').caps).toBe(true);
    expect(charFormat(doc, 'SmallCapsText').smallCaps).toBe(true);
    expect(charFormat(doc, 'BoldText').italic ?? false).toBe(false);
  });

  it('keeps paragraph formatting and styles', () => {
    const doc = converted['everything']!;
    expect(F.paragraphWith(doc, 'Feature Tour').style).toBe('Title');
    expect(F.paragraphWith(doc, 'Formatting').style).toBe('Heading1');
    expect(F.paragraphWith(doc, 'Paragraphs').style).toBe('Heading2');
    expect(F.paragraphWith(doc, 'Lists').style).toBe('Heading3');
    expect(paraFormat(doc, 'CenteredPara').align).toBe('center');
    expect(paraFormat(doc, 'RightPara').align).toBe('right');
    expect(paraFormat(doc, 'JustifiedPara').align).toBe('justify');
    const indented = paraFormat(doc, 'IndentedPara');
    expect(indented.indentLeft).toBeCloseTo(36, 0);
    expect(indented.indentRight).toBeCloseTo(18, 0);
    expect(indented.indentFirstLine).toBeCloseTo(18, 0);
    const spaced = paraFormat(doc, 'SpacedPara');
    expect(spaced.spaceBefore).toBeCloseTo(12, 0);
    expect(spaced.spaceAfter).toBeCloseTo(6, 0);
    expect(spaced).toMatchObject({ lineSpacing: 1.5, lineRule: 'auto' });
  });

  it('keeps bullets and numbering', () => {
    const doc = converted['everything']!;
    const b1 = listOf(doc, 'BulletOne');
    expect(b1.kind).toBe('bullet');
    expect(listOf(doc, 'BulletTwo')).toEqual(b1);
    const n1 = listOf(doc, 'NumberOne');
    expect(n1.kind).toBe('number');
    expect(listOf(doc, 'NumberTwo')).toEqual(n1);
    expect(n1.id).not.toBe(b1.id);
  });

  it('keeps the table', () => {
    const doc = converted['everything']!;
    const table = doc.body.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('the table is gone');
    const cells = table.rows.map((r) =>
      r.cells.map((c) => c.blocks.map((b) => (b.type === 'paragraph' ? W.paragraphText(b) : '')).join('')),
    );
    expect(cells).toEqual([
      ['Name', 'Score'],
      ['Ann', '90'],
      ['Bob', '75'],
    ]);
    expect(table.rows[0]!.header).toBe(true);
  });

  it('keeps the page setup, header, page number field, watermark, page colour and borders', () => {
    const doc = converted['everything']!;
    const s = doc.section;
    expect(s.orientation).toBe('landscape');
    expect(s.pageWidth).toBeCloseTo(841.9, 0);
    expect(s.pageHeight).toBeCloseTo(595.3, 0);
    expect(s.margins.top).toBeCloseTo(54, 0);
    expect(s.margins.left).toBeCloseTo(63, 0);
    const header = s.headers.default?.blocks
      .filter((b): b is Paragraph => b.type === 'paragraph')
      .map((p) => W.paragraphText(p));
    expect(header).toContain('HeaderText');
    const footerRuns = s.footers.default?.blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : [])) ?? [];
    expect(footerRuns.some((r) => r.kind === 'field' && /^PAGE\b/.test(r.instr))).toBe(true);
    expect(doc.watermark).toMatchObject({ kind: 'text', text: 'DRAFT', font: 'Calibri', layout: 'diagonal' });
    expect(doc.pageColor).toBe('FFF2CC');
    expect(s.pageBorders?.top).toMatchObject({ style: 'single', color: 'FF0000' });
    expect(s.pageBorders?.top?.width).toBeCloseTo(1, 1);
  });

  it('keeps the hyperlink, comment, text box, page break and properties', () => {
    const doc = converted['everything']!;
    expect(F.runWith(doc, 'ExampleLink').run.link?.url).toMatch(/^https:\/\/example\.com\/docs/);
    const comment = doc.comments.find((c) => c.text === 'Please check');
    expect(comment?.author).toBe('Ann Lee');
    expect(F.runWith(doc, 'CommentedWords').run.comments).toEqual([comment!.id]);
    const box = W.listShapes(doc).find((s) =>
      s.shape.blocks.some((b) => b.type === 'paragraph' && W.paragraphText(b) === 'InsideTheBox'),
    );
    expect(box?.shape).toMatchObject({ textBox: true, geometry: 'rect' });
    expect(box?.shape.width).toBeCloseTo(150, 0);
    const breakAt = doc.body.findIndex((b) => b.type === 'pageBreak');
    expect(breakAt).toBeGreaterThan(0);
    expect(
      doc.body
        .slice(breakAt + 1)
        .some((b) => b.type === 'paragraph' && W.paragraphText(b) === 'AfterTheBreak'),
    ).toBe(true);
    expect(doc.properties.title).toBe('Feature tour');
  });

  it('keeps first-page and even-page headers and the page number format', () => {
    const doc = converted['headers']!;
    const text = (hf: W.HeaderFooter | undefined): string =>
      (hf?.blocks ?? []).map((b) => (b.type === 'paragraph' ? W.visibleText(b) : '')).join('\n');
    expect(doc.section.titlePage).toBe(true);
    expect(doc.evenAndOddHeaders).toBe(true);
    expect(text(doc.section.headers.first)).toContain('Cover page header');
    expect(text(doc.section.headers.default)).toContain('ACME Corp — Confidential');
    expect(text(doc.section.footers.even)).toContain('Even footer');
    const fields = (doc.section.footers.default?.blocks ?? [])
      .flatMap((b) => (b.type === 'paragraph' ? b.runs : []))
      .filter((r) => r.kind === 'field');
    expect(fields.map((f) => (f.kind === 'field' ? f.instr.split(/\s+/)[0] : ''))).toEqual([
      'PAGE',
      'NUMPAGES',
    ]);
    expect(doc.section.pageNumbers).toMatchObject({ format: 'lowerRoman', start: 3 });
    expect(doc.section.columns).toEqual({ count: 3, space: 24, separator: true });
    expect(doc.body.filter((b) => b.type === 'pageBreak')).toHaveLength(2);
  });

  it('keeps comments spanning paragraphs, multi-line comments and bookmark links', () => {
    const doc = converted['annotations']!;
    const ann = doc.comments.find((c) => c.author === 'Ann Lee');
    expect(ann?.text).toBe('Is this the right section?\nSecond line.');
    const bob = doc.comments.find((c) => c.author === 'Bob');
    expect(bob?.text).toBe('Spans paragraphs');
    const covered = F.paragraphs(doc).flatMap((p) =>
      p.runs
        .filter((r) => r.kind === undefined && r.comments?.includes(bob!.id))
        .map((r) => (r.kind === undefined ? r.text : '')),
    );
    expect(covered.join('|')).toBe('second paragraph spans a comment.|Third');
    expect(F.runWith(doc, 'our site').run.link?.url).toMatch(/^https:\/\/example\.com\/path\?q=1&x=2/);
    expect(F.runWith(doc, 'Jump').run.link).toMatchObject({ anchor: 'Summary' });
  });

  it('keeps merged cells, shading, header rows, nested tables and table borders', () => {
    const doc = converted['tables']!;
    const table = doc.body.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('the table is gone');
    expect(table.align).toBe('center');
    expect(table.rows[0]).toMatchObject({ header: true, height: 24 });
    expect(table.rows[0]!.cells[0]!.shading).toBe('FFD966');
    expect(table.rows[0]!.cells[1]!.vAlign).toBe('center');
    expect(table.rows[1]!.cells[2]!.vMerge).toBe('restart');
    expect(table.rows[2]!.cells.map((c) => [c.span ?? 1, c.vMerge])).toEqual([
      [2, undefined],
      [1, 'continue'],
    ]);
    const nested = table.rows[1]!.cells[0]!.blocks.find((b) => b.type === 'table');
    expect(
      nested?.type === 'table' && F.paragraphWith(doc, 'inner', nested.rows[0]!.cells[0]!.blocks),
    ).toBeTruthy();
    expect(table.borders?.top).toMatchObject({ style: 'double', width: 1.5, color: 'FF0000' });
    expect(table.borders?.insideV).toMatchObject({ style: 'dotted', width: 0.5 });
  });

  it('keeps sections with their own page size, orientation, columns and vertical alignment', () => {
    const doc = converted['sections']!;
    // LibreOffice ends a multi-column section with an empty paragraph of its own that carries the break.
    const at = (text: string): number =>
      doc.body.findIndex((b) => b.type === 'paragraph' && W.paragraphText(b) === text);
    const breakAt = doc.body.findIndex((b) => b.type === 'paragraph' && b.sectionBreak);
    expect(breakAt).toBeGreaterThanOrEqual(at('First section, portrait A4 with two columns.'));
    expect(breakAt).toBeLessThan(at('Second section, landscape.'));
    const block = doc.body[breakAt];
    const first = block?.type === 'paragraph' ? block.sectionBreak : undefined;
    expect(first).toMatchObject({
      orientation: 'portrait',
      vAlign: 'center',
      columns: { count: 2, space: 24, separator: true },
    });
    expect(first?.pageWidth).toBeCloseTo(595.3, 0);
    expect(first?.margins).toMatchObject({ top: 54, bottom: 54, left: 90, right: 72 });
    expect(doc.section.orientation).toBe('landscape');
    expect(doc.section.pageWidth).toBeCloseTo(841.9, 0);
    expect(doc.section.columns.count).toBe(1);
  });

  it('keeps shapes, text boxes and column breaks', () => {
    const doc = converted['shapes']!;
    const shapes = W.listShapes(doc).map((s) => s.shape);
    expect(shapes.find((s) => s.geometry === 'ellipse')).toMatchObject({
      rotation: 30,
      fill: '70AD47',
      line: null,
      wrap: 'behindText',
      width: 50,
      height: 40,
    });
    expect(shapes.find((s) => s.geometry === 'rightArrow')).toMatchObject({
      wrap: 'inline',
      width: 60,
      height: 20,
    });
    const box = shapes.find((s) => s.textBox);
    expect(box?.blocks.map((b) => (b.type === 'paragraph' ? W.paragraphText(b) : ''))).toEqual([
      'Text box line 1',
      'line 2',
    ]);
    expect(box).toMatchObject({ x: 36, y: 12, width: 180, height: 60 });
    expect(
      doc.body.filter((b) => b.type === 'pageBreak').map((b) => (b.type === 'pageBreak' ? b.break : '')),
    ).toEqual(['page', 'column']);
  });

  it('keeps a picture watermark', () => {
    const doc = converted['picture']!;
    // LibreOffice 7.4 keeps the picture but not Word's washout (the imagedata gain and black level).
    expect(doc.watermark).toMatchObject({ kind: 'picture', data: F.TINY_PNG, contentType: 'image/png' });
    expect(doc.watermark?.kind === 'picture' && doc.watermark.width).toBeCloseTo(200, 0);
    expect(
      doc.section.headers.default?.blocks.map((b) => (b.type === 'paragraph' ? W.paragraphText(b) : '')),
    ).toEqual(['Header text']);
  });

  it('imports a .docx LibreOffice generated from an HTML page', () => {
    const doc = converted['foreign']!;
    // HTML line breaks in the source become trailing spaces.
    expect(texts(doc).map((t) => t.trim())).toEqual([
      'Annual Summary',
      'This is bold, italic, underlined and red text with a link.',
      'Items',
      'First bullet',
      'Second bullet',
      'Step one',
      'Step two',
      'Name',
      'Score',
      'Ann',
      '90',
      'Centered paragraph',
    ]);
    expect(F.paragraphWith(doc, 'Annual Summary').style).toBe('Heading1');
    expect(W.styleName(doc, F.paragraphWith(doc, 'Annual Summary').style)).toBe('Heading 1');
    expect(charFormat(doc, 'bold').bold).toBe(true);
    expect(charFormat(doc, 'italic').italic).toBe(true);
    expect(charFormat(doc, 'underlined').underline).toBe('single');
    expect(charFormat(doc, 'red').color).toBe('FF0000');
    expect(F.runWith(doc, 'link').run.link?.url).toBe('https://example.org/page');
    expect(listOf(doc, 'First bullet').kind).toBe('bullet');
    expect(listOf(doc, 'Step one').kind).toBe('number');
    expect(doc.body.filter((b) => b.type === 'table')).toHaveLength(1);
    expect(paraFormat(doc, 'Centered paragraph').align).toBe('center');
    expect(doc.properties.title).toBe('Foreign doc');
    // The imported document is a working model document: edit it and export it again.
    W.selectText(doc, 'Annual');
    W.toggleCharFormat(doc, 'italic');
    const again = importDocx(exportDocx(doc));
    expect(charFormat(again, 'Annual').italic).toBe(true);
    expect(texts(again)).toEqual(texts(doc));
  });
});
