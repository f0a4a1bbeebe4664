/**
 * .docx export and import: model -> docx -> model round trips for every feature, the shape of the
 * WordprocessingML written (what Word reads), and clear errors for broken packages.
 */
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as W from '../../envs/word/model/index.ts';
import type { WordDocument } from '../../envs/word/model/index.ts';
import { exportDocx, importDocx, readDocxFile, writeDocxFile } from '../../envs/word/ooxml/index.ts';
import * as F from './fixtures/docx/documents.ts';

/** Lengths are stored in twips (1/20 pt): a table column of 178.98 pt comes back as 179 pt. */
function onTwipGrid(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 20) / 20;
  if (Array.isArray(value)) return value.map(onTwipGrid);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, onTwipGrid(v)]));
  return value;
}

/** The document's content: everything but the editing state (selection, pending format, id counter). */
function content(doc: WordDocument): unknown {
  const { selection: _s, pending: _p, nextId: _n, ...rest } = doc;
  return onTwipGrid(rest);
}

function roundTrip(doc: WordDocument): WordDocument {
  return importDocx(exportDocx(doc));
}

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

describe('model -> docx -> model round trip', () => {
  const cases: [string, () => WordDocument][] = [
    ['character formatting', F.characterFormatting],
    ['paragraph formatting', F.paragraphFormatting],
    ['styles, headings and lists', F.stylesAndLists],
    ['tables (merges, shading, borders, nesting)', F.tables],
    ['page setup and sections', F.pageSetup],
    ['headers, footers and page numbers', F.headersFooters],
    ['watermark, page borders and page colour', F.decorations],
    ['picture watermark', F.pictureWatermark],
    ['comments and hyperlinks', F.annotations],
    ['page and column breaks, shapes and text boxes', F.breaksAndShapes],
    ['document properties', F.properties],
    ['a blank document', () => W.emptyDocument()],
    ['every feature at once', F.everything],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const doc = make();
      const back = roundTrip(doc);
      expect(content(back)).toEqual(content(doc));
    });
  }

  it('keeps the features the fixtures are meant to exercise (not vacuously equal)', () => {
    const chars = roundTrip(F.characterFormatting());
    expect(F.runWith(chars, 'double struck').run.doubleStrike).toBe(true);
    expect(F.runWith(chars, 'half size').run.size).toBe(10.5);
    expect(F.runWith(chars, 'Heading with bold off').run).toMatchObject({ bold: false, italic: true });
    expect(F.runWith(chars, 'tabbed').run.text).toContain('\ttabbed\nline break');
    const tables = roundTrip(F.tables());
    const t = tables.body[1];
    expect(t?.type === 'table' && t.rows[2]!.cells[0]!.span).toBe(2);
    const decorations = roundTrip(F.decorations());
    expect(decorations.watermark).toMatchObject({
      kind: 'text',
      text: 'CONFIDENTIAL',
      size: 54,
      layout: 'horizontal',
    });
    expect(decorations.section.pageBorders?.top?.style).toBe('double');
    const notes = roundTrip(F.annotations());
    expect(notes.comments.map((c) => [c.author, c.resolved])).toEqual([
      ['Ann Lee', false],
      ['Bob', true],
    ]);
    const shapes = W.listShapes(roundTrip(F.breaksAndShapes())).map((s) => s.shape.geometry);
    expect(shapes.sort()).toEqual(['ellipse', 'line', 'rect', 'rightArrow']);
  });

  it('a model edit survives export (typing, bold, a list, a table inserted through the API)', () => {
    const doc = W.createDocument({ body: ['Hello world', 'Second'] });
    W.selectText(doc, 'world');
    W.toggleCharFormat(doc, 'bold');
    W.setSelection(doc, { path: [1], offset: 6 });
    W.insertText(doc, ' line');
    W.toggleList(doc, 'number');
    W.insertTable(doc, 2, 3, { position: 'end' });
    const back = roundTrip(doc);
    expect(content(back)).toEqual(content(doc));
    expect(F.runWith(back, 'world').run.bold).toBe(true);
  });

  it('is idempotent for content kept verbatim (a picture with its image part)', () => {
    const drawing =
      '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="127000" cy="127000"/><wp:docPr id="77" name="Picture 1"/>' +
      '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="p.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
      '<pic:blipFill><a:blip r:embed="rId42"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="127000" cy="127000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>';
    const doc = W.createDocument({ body: ['Picture: '] });
    const p = doc.body[0];
    if (p?.type !== 'paragraph') throw new Error('expected a paragraph');
    p.runs.push({
      kind: 'opaque',
      opaque: {
        label: 'picture',
        xml: `<w:r>${drawing}</w:r>`,
        parts: {
          rId42: {
            type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
            name: 'p.png',
            contentType: 'image/png',
            data: F.TINY_PNG,
          },
        },
      },
    });
    const bytes = exportDocx(doc);
    const files = parts(bytes);
    expect(Object.keys(files)).toContain('word/media/p.png');
    const once = importDocx(bytes);
    const pic = F.paragraphWith(once, 'Picture').runs.find((r) => r.kind === 'opaque');
    expect(pic?.kind === 'opaque' && pic.opaque.label).toBe('picture');
    expect(pic?.kind === 'opaque' && Object.values(pic.opaque.parts)[0]?.data).toBe(F.TINY_PNG);
    const twice = roundTrip(once);
    expect(content(twice)).toEqual(content(once));
    // Content kept without its run (as an older model may hold it) is written inside one.
    const bare = structuredClone(doc);
    const bareRun = (bare.body[0] as W.Paragraph).runs[1]!;
    if (bareRun.kind === 'opaque') bareRun.opaque.xml = drawing;
    const again = F.paragraphWith(importDocx(exportDocx(bare)), 'Picture').runs.find(
      (r) => r.kind === 'opaque',
    );
    expect(again?.kind === 'opaque' && again.opaque.label).toBe('picture');
  });

  it('writes and reads files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lamgym-ooxml-'));
    try {
      const file = join(dir, 'doc.docx');
      writeDocxFile(file, F.stylesAndLists());
      expect(content(readDocxFile(file))).toEqual(content(F.stylesAndLists()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the WordprocessingML written', () => {
  const files = parts(exportDocx(F.everything()));

  it('has the package parts Word expects, each with its content type', () => {
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/_rels/document.xml.rels',
      'word/styles.xml',
      'word/numbering.xml',
      'word/settings.xml',
      'word/comments.xml',
      'docProps/core.xml',
      'docProps/app.xml',
    ]) {
      expect(Object.keys(files)).toContain(part);
    }
    const types = files['[Content_Types].xml']!;
    expect(types).toContain(
      'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"',
    );
    expect(types).toContain('PartName="/word/header1.xml"');
    expect(types).toContain('PartName="/word/footer1.xml"');
    expect(files['_rels/.rels']).toContain('Target="word/document.xml"');
  });

  it('writes the watermark as Word does: a VML WordArt shape in the header', () => {
    const header = files['word/header1.xml']!;
    expect(header).toMatch(/<v:shape id="PowerPlusWaterMarkObject\d+"[^>]*type="#_x0000_t136"/);
    expect(header).toContain('string="DRAFT"');
    expect(header).toContain('HeaderText');
  });

  it('writes page numbers as PAGE fields in the footer, and the page colour and borders', () => {
    expect(files['word/footer1.xml']).toMatch(
      /<w:fldChar w:fldCharType="begin"\/>.*<w:instrText xml:space="preserve"> PAGE <\/w:instrText>/,
    );
    expect(files['word/document.xml']).toContain('<w:background w:color="FFF2CC"/>');
    expect(files['word/settings.xml']).toContain('<w:displayBackgroundShape/>');
    expect(files['word/document.xml']).toMatch(
      /<w:pgBorders w:offsetFrom="page"><w:top w:val="single" w:sz="8"/,
    );
    expect(files['word/document.xml']).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('writes hyperlinks through external relationships and comments as ranges', () => {
    const rels = files['word/_rels/document.xml.rels']!;
    const m =
      /Id="(rId\d+)" Type="[^"]*\/hyperlink" Target="https:\/\/example.com\/docs" TargetMode="External"/.exec(
        rels,
      );
    expect(m).not.toBeNull();
    expect(files['word/document.xml']).toMatch(
      new RegExp(
        `<w:hyperlink [^>]*r:id="${m![1]}"[^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">ExampleLink<`,
      ),
    );
    expect(files['word/document.xml']).toMatch(
      /<w:commentRangeStart w:id="(\d+)"\/>.*CommentedWords.*<w:commentRangeEnd w:id="\1"\/><w:r><w:commentReference w:id="\1"\/>/,
    );
    expect(files['word/comments.xml']).toContain('w:author="Ann Lee"');
  });

  it('writes a page break as a break run and headings under their Word style ids', () => {
    expect(files['word/document.xml']).toContain('<w:r><w:br w:type="page"/></w:r>');
    expect(files['word/document.xml']).toContain('<w:pStyle w:val="Heading1"/>');
    expect(files['word/styles.xml']).toContain('<w:name w:val="heading 1"/>');
  });

  it('is a consistent package: well-formed parts, every part typed, every relationship target present', () => {
    const fixtures = [
      F.everything(),
      F.headersFooters(),
      F.pictureWatermark(),
      F.annotations(),
      F.breaksAndShapes(),
      F.pageSetup(),
    ];
    for (const doc of fixtures) {
      const all = parts(exportDocx(doc));
      const types = all['[Content_Types].xml']!;
      for (const [name, text] of Object.entries(all)) {
        if (name.endsWith('.xml') || name.endsWith('.rels'))
          expect(XMLValidator.validate(text), name).toBe(true);
        const ext = name.slice(name.lastIndexOf('.') + 1);
        const typed = types.includes(`PartName="/${name}"`) || types.includes(`Extension="${ext}"`);
        expect(typed, `${name} has a content type`).toBe(true);
      }
      for (const [name, text] of Object.entries(all)) {
        if (!name.endsWith('.rels')) continue;
        const source = name.replace('_rels/', '').replace(/\.rels$/, '');
        const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
        for (const m of text.matchAll(
          /<Relationship Id="([^"]+)" Type="([^"]+)" Target="([^"]+)"( TargetMode="External")?/g,
        )) {
          const [, id, type, target, external] = m;
          // Explicit relationships are used by id in their part (styles, settings... are implicit).
          if (/\/(hyperlink|header|footer|image)$/.test(type!))
            expect(all[source], `${source} uses ${id}`).toContain(`"${id}"`);
          if (external) continue;
          const partName = target!.startsWith('/') ? target!.slice(1) : dir + target!;
          expect(Object.keys(all), `${name} ${id} -> ${partName}`).toContain(partName);
        }
      }
    }
  });

  it('refuses to export something that is not a document', () => {
    expect(() => exportDocx({} as WordDocument)).toThrow(/exportDocx needs a WordDocument/);
  });

  it('is deterministic', () => {
    expect(exportDocx(F.everything())).toEqual(exportDocx(F.everything()));
  });
});

describe('import errors name what is broken', () => {
  const valid = unzipSync(exportDocx(F.stylesAndLists()));
  const rezip = (changes: Record<string, string | null>): Uint8Array => {
    const files: Record<string, Uint8Array> = { ...valid };
    for (const [name, text] of Object.entries(changes)) {
      if (text === null) delete files[name];
      else files[name] = strToU8(text);
    }
    return zipSync(files);
  };

  it('rejects data that is not a ZIP archive', () => {
    expect(() => importDocx(strToU8('hello, this is plain text'))).toThrow(
      /not a \.docx file: the data is not a ZIP archive/,
    );
  });

  it('recognises a legacy binary .doc', () => {
    expect(() => importDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toThrow(
      /legacy binary \.doc/,
    );
  });

  it('rejects a damaged ZIP archive', () => {
    const bytes = exportDocx(F.stylesAndLists()).slice(0, 200);
    expect(() => importDocx(bytes)).toThrow(/not a \.docx file: the ZIP archive is damaged/);
  });

  it('rejects a package without word/document.xml', () => {
    expect(() => importDocx(zipSync({ 'hello.txt': strToU8('hi') }))).toThrow(/no word\/document\.xml/);
    expect(() => importDocx(rezip({ 'word/document.xml': null }))).toThrow(
      /main document part word\/document\.xml named in _rels\/\.rels is missing/,
    );
  });

  it('names the part with malformed XML and where the fault is', () => {
    const err = (() => {
      try {
        importDocx(
          rezip({ 'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p></w:body></w:document>' }),
        );
      } catch (e) {
        return e as W.WordModelError;
      }
      throw new Error('import did not fail');
    })();
    expect(err).toBeInstanceOf(W.WordModelError);
    expect(err.code).toBe('invalid_document');
    expect(err.message).toMatch(/^word\/document\.xml is not well-formed XML: .*\(line 1, column \d+\)$/);
    expect(() => importDocx(rezip({ 'word/styles.xml': '<w:styles><w:style></w:styles' }))).toThrow(
      /^word\/styles\.xml is not well-formed XML/,
    );
    expect(() => importDocx(rezip({ 'word/numbering.xml': 'not xml <' }))).toThrow(/word\/numbering\.xml/);
  });

  it('rejects a document part that is not WordprocessingML', () => {
    expect(() => importDocx(rezip({ 'word/document.xml': '<html><body/></html>' }))).toThrow(
      /word\/document\.xml is not a WordprocessingML document/,
    );
  });

  it('names a missing header part', () => {
    const bytes = exportDocx(F.headersFooters());
    const files = unzipSync(bytes);
    delete files['word/header1.xml'];
    expect(() => importDocx(zipSync(files))).toThrow(/header part word\/header1\.xml is missing/);
  });

  it('names the file in file helper errors', () => {
    expect(() => readDocxFile('/nonexistent/dir/file.docx')).toThrow(
      /cannot read \/nonexistent\/dir\/file\.docx/,
    );
  });
});
