/**
 * Import of markup as Microsoft Word writes it (rsids, proofing marks, bookmarks, a TOC content
 * control with nested fields, fldSimple, HYPERLINK fields, tracked changes, theme fonts, symbols,
 * a text box with its VML fallback, lvlOverride, a watermark in a Watermarks building block,
 * resolved comments) and a default paragraph style whose id is not 'Normal'.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as W from '../../envs/word/model/index.ts';
import type { FieldRun, WordDocument } from '../../envs/word/model/index.ts';
import { exportDocx, importDocx } from '../../envs/word/ooxml/index.ts';
import * as F from './fixtures/docx/documents.ts';

const NS =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" mc:Ignorable="w14 w15"';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const TEXT_BOX =
  '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>' +
  '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
  '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>457200</wp:posOffset></wp:positionH>' +
  '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2360930" cy="1404620"/>' +
  '<wp:effectExtent l="0" t="0" r="22860" b="11430"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="217" name="Text Box 2"/>' +
  '<wp:cNvGraphicFramePr><a:graphicFrameLocks/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">' +
  '<wps:wsp><wps:cNvSpPr txBox="1"><a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr><wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="2360930" cy="1404620"/></a:xfrm>' +
  '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:miter lim="800000"/></a:ln></wps:spPr>' +
  '<wps:txbx><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square"><a:spAutoFit/></wps:bodyPr></wps:wsp>' +
  '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/>' +
  '<v:shape id="Text Box 2" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:36pt;width:185.9pt;height:110.6pt"><v:textbox style="mso-fit-shape-to-text:t">' +
  '<w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></v:textbox><w10:wrap type="square"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>';

const DOCUMENT =
  DECL +
  `<w:document ${NS}><w:body>` +
  '<w:p w:rsidR="00A14F2B" w:rsidRDefault="00A14F2B"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="0" w:name="_Toc1"/><w:r><w:t>Intro</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>' +
  '<w:sdt><w:sdtPr><w:id w:val="-1"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>' +
  '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  '<w:hyperlink w:anchor="_Toc1" w:history="1"><w:r><w:t>Intro</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>' +
  '<w:p><w:r><w:rPr><w:b/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>' +
  '<w:p><w:commentRangeStart w:id="0"/><w:r><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:lang w:val="en-US"/></w:rPr><w:t xml:space="preserve">Theme </w:t></w:r><w:commentRangeEnd w:id="0"/>' +
  '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>' +
  '<w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>fnt</w:t></w:r><w:proofErr w:type="spellEnd"/>' +
  '<w:ins w:id="5" w:author="Ann" w:date="2024-01-01T00:00:00Z"><w:r><w:t xml:space="preserve"> inserted</w:t></w:r></w:ins>' +
  '<w:del w:id="6" w:author="Ann" w:date="2024-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve"> deleted</w:delText></w:r></w:del>' +
  '<w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F04A"/></w:r><w:r><w:t>well</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t xml:space="preserve">known </w:t></w:r>' +
  '<w:fldSimple w:instr=" DATE \\@ &quot;M/d/yyyy&quot; "><w:r><w:rPr><w:i/></w:rPr><w:t>1/2/2024</w:t></w:r></w:fldSimple>' +
  '<w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.com/" \\o "Tip" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  '<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>field link</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
  '<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>restarted item</w:t></w:r></w:p>' +
  `<w:p><w:r><w:t xml:space="preserve">Box: </w:t></w:r>${TEXT_BOX}</w:p>` +
  '<w:p><w:r><w:t>Before</w:t></w:r><w:r><w:br w:type="page"/></w:r><w:r><w:lastRenderedPageBreak/><w:t>After</w:t></w:r></w:p>' +
  '<w:sectPr w:rsidR="00A14F2B"><w:headerReference w:type="default" r:id="rId8"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1134" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>' +
  '</w:body></w:document>';

const STYLES =
  DECL +
  `<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="de-DE"/></w:rPr></w:rPrDefault>` +
  '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:latentStyles w:defLockedState="0" w:defUIPriority="99"><w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/></w:latentStyles>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/><w:next w:val="Standard"/><w:link w:val="Heading1Char"/><w:uiPriority w:val="9"/><w:qFormat/>' +
  '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="0"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:color w:val="2F5496" w:themeColor="accent1" w:themeShade="BF"/><w:sz w:val="32"/></w:rPr></w:style>' +
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  '<w:style w:type="character" w:customStyle="1" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/><w:link w:val="Heading1"/><w:rPr><w:sz w:val="32"/></w:rPr></w:style>' +
  '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Standard"/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>' +
  '</w:styles>';

const NUMBERING =
  DECL +
  `<w:numbering ${NS}><w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="0409000F"/>` +
  '<w:lvl w:ilvl="0" w:tplc="0409000F"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>' +
  '<w:lvl w:ilvl="1" w:tplc="04090019"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>' +
  '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num></w:numbering>';

const HEADER =
  DECL +
  `<w:hdr ${NS}><w:sdt><w:sdtPr><w:id w:val="-1"/><w:docPartObj><w:docPartGallery w:val="Watermarks"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>` +
  '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:textpath on="t" fitshape="t"/></v:shapetype>' +
  '<v:shape id="PowerPlusWaterMarkObject357831064" o:spid="_x0000_s2049" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:412.4pt;height:164.95pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="silver" stroked="f">' +
  '<v:fill opacity=".5"/><v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string="SAMPLE"/><w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r></w:p></w:sdtContent></w:sdt></w:hdr>';

const COMMENTS =
  DECL +
  `<w:comments ${NS}><w:comment w:id="0" w:author="Ann Lee" w:date="2024-01-01T09:00:00Z" w:initials="AL"><w:p w14:paraId="1A2B3C4D" w14:textId="77777777">` +
  '<w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t>Looks good</w:t></w:r></w:p></w:comment></w:comments>';

const COMMENTS_EX =
  DECL + `<w15:commentsEx ${NS}><w15:commentEx w15:paraId="1A2B3C4D" w15:done="1"/></w15:commentsEx>`;

const THEME =
  DECL +
  '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:fontScheme name="Custom">' +
  '<a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Corbel"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>' +
  '</a:fontScheme></a:themeElements></a:theme>';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DOC_RELS =
  DECL +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/theme" Target="theme/theme1.xml"/><Relationship Id="rId4" Type="${REL}/comments" Target="comments.xml"/>` +
  '<Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>' +
  `<Relationship Id="rId8" Type="${REL}/header" Target="header1.xml"/></Relationships>`;

const ROOT_RELS =
  DECL +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="/word/document.xml"/></Relationships>`;

const CONTENT_TYPES =
  DECL +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

function wordPackage(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(DOCUMENT),
    'word/_rels/document.xml.rels': strToU8(DOC_RELS),
    'word/styles.xml': strToU8(STYLES),
    'word/numbering.xml': strToU8(NUMBERING),
    'word/header1.xml': strToU8(HEADER),
    'word/comments.xml': strToU8(COMMENTS),
    'word/commentsExtended.xml': strToU8(COMMENTS_EX),
    'word/theme/theme1.xml': strToU8(THEME),
  });
}

describe('import of Word-written markup', () => {
  const doc: WordDocument = importDocx(wordPackage());

  it('reads headings, bookmarks and a table of contents as text', () => {
    expect(F.paragraphWith(doc, 'Intro').style).toBe('Heading1');
    expect(doc.styles['Heading1']).toMatchObject({
      name: 'Heading 1',
      basedOn: 'Standard',
      next: 'Standard',
      link: 'Heading1Char',
      quick: true,
      builtin: true,
    });
    const toc = F.paragraphs(doc)[1]!;
    expect(toc.style).toBe('TOC1');
    expect(W.visibleText(toc)).toBe('Intro\t1');
    expect(toc.runs[0]).toMatchObject({ text: 'Intro\t', link: { anchor: '_Toc1' } });
    expect(toc.runs[1]).toMatchObject({
      kind: 'field',
      instr: 'PAGEREF _Toc1 \\h',
      result: '1',
      link: { anchor: '_Toc1' },
    });
  });

  it('resolves theme fonts and a default paragraph style that is not called Normal', () => {
    const { run, paragraph } = F.runWith(doc, 'Theme');
    expect(run.font).toBe('Cambria');
    expect(paragraph.style).toBe('Standard');
    expect(doc.defaults.char).toEqual({ font: 'Corbel', size: 11 });
    expect(W.effectiveCharFormat(doc, paragraph, F.runWith(doc, 'fnt').run)).toMatchObject({
      font: 'Corbel',
      size: 11,
      bold: true,
    });
  });

  it('keeps insertions, drops deletions, and reads symbols, non-breaking hyphens and fields', () => {
    const p = F.paragraphWith(doc, 'Theme');
    expect(W.paragraphText(p)).toBe(`Theme fnt inserted \uF04Awell\u2011known ${W.OBJECT_CHAR} field link`);
    const date = p.runs.find((r): r is FieldRun => r.kind === 'field');
    expect(date).toMatchObject({ instr: 'DATE \\@ "M/d/yyyy"', result: '1/2/2024', italic: true });
    expect(F.runWith(doc, 'field link').run).toMatchObject({
      charStyle: 'Hyperlink',
      link: { url: 'https://example.com/', tooltip: 'Tip' },
    });
  });

  it('reads lvlOverride start values', () => {
    const list = F.paragraphWith(doc, 'restarted item').list!;
    expect(list).toEqual({ id: 3, level: 0 });
    expect(doc.lists['3']!.levels[0]).toMatchObject({
      format: 'decimal',
      text: '%1.',
      start: 4,
      indentLeft: 36,
      hanging: 18,
    });
    expect(doc.lists['3']!.levels[1]).toMatchObject({ format: 'lowerLetter', indentLeft: 72 });
    expect(doc.lists['3']!.levels).toHaveLength(9);
  });

  it('reads the text box from the DrawingML choice, not its VML fallback', () => {
    const shapes = W.listShapes(doc);
    expect(shapes).toHaveLength(1);
    expect(shapes[0]!.shape).toMatchObject({
      id: 'shape217',
      name: 'Text Box 2',
      textBox: true,
      geometry: 'rect',
      x: 36,
      wrap: 'square',
      fill: 'FFFFFF',
      line: '000000',
      lineWidth: 0.75,
    });
    expect(shapes[0]!.shape.width).toBeCloseTo(185.9, 1);
    expect(W.paragraphText(shapes[0]!.shape.blocks[0] as W.Paragraph)).toBe('boxed');
    expect(doc.nextId).toBeGreaterThan(217);
  });

  it('splits a paragraph at a page break', () => {
    const i = doc.body.findIndex((b) => b.type === 'paragraph' && W.paragraphText(b) === 'Before');
    expect(doc.body[i + 1]).toEqual({ type: 'pageBreak', break: 'page' });
    expect(doc.body[i + 2]).toMatchObject({ type: 'paragraph', runs: [{ text: 'After' }] });
  });

  it('reads the watermark from its building block and drops the header that only held it', () => {
    expect(doc.watermark).toEqual({
      kind: 'text',
      text: 'SAMPLE',
      font: 'Calibri',
      size: 'auto',
      color: 'C0C0C0',
      semitransparent: true,
      layout: 'diagonal',
    });
    expect(doc.section.headers.default).toBeUndefined();
  });

  it('reads resolved comments and their ranges, and the page size', () => {
    expect(doc.comments).toEqual([
      {
        id: '0',
        author: 'Ann Lee',
        initials: 'AL',
        date: '2024-01-01T09:00:00Z',
        text: 'Looks good',
        resolved: true,
      },
    ]);
    expect(F.runWith(doc, 'Theme').run.comments).toEqual(['0']);
    expect(F.runWith(doc, 'fnt').run.comments).toBeUndefined();
    expect(doc.section).toMatchObject({
      pageWidth: 595.3,
      pageHeight: 841.9,
      orientation: 'portrait',
      margins: { top: 70.85, bottom: 56.7, left: 70.85, right: 70.85 },
    });
  });

  it('exports what it imported and reads the same document back', () => {
    const back = importDocx(exportDocx(doc));
    const strip = ({ selection: _s, pending: _p, nextId: _n, ...rest }: WordDocument): unknown => rest;
    expect(strip(back)).toEqual(strip(doc));
  });
});

describe('import of minimal and unusual packages', () => {
  const minimal = (documentXml: string, officeDocumentType = `${REL}/officeDocument`): Uint8Array =>
    zipSync({
      '_rels/.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${officeDocumentType}" Target="word/document.xml"/></Relationships>`,
      ),
      'word/document.xml': strToU8(documentXml),
    });

  it('reads a document that binds WordprocessingML to another prefix', () => {
    const doc = importDocx(
      minimal(
        '<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body>' +
          '<ns0:p><ns0:pPr><ns0:jc ns0:val="center"/></ns0:pPr><ns0:r><ns0:rPr><ns0:b/></ns0:rPr><ns0:t>odd prefix</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>',
      ),
    );
    expect(doc.body[0]).toMatchObject({
      type: 'paragraph',
      align: 'center',
      runs: [{ text: 'odd prefix', bold: true }],
    });
  });

  it('reads a Strict OOXML document written with the default namespace', () => {
    const doc = importDocx(
      minimal(
        '<document xmlns="http://purl.oclc.org/ooxml/wordprocessingml/main"><body><p><r><rPr><i/></rPr><t>strict</t></r></p>' +
          '<sectPr><pgSz w="12240" h="15840"/></sectPr></body></document>',
        'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
      ),
    );
    expect(doc.body[0]).toMatchObject({ type: 'paragraph', runs: [{ text: 'strict', italic: true }] });
  });

  it("gives a document without styles Word's built-in styles and defaults", () => {
    const doc = importDocx(
      minimal(
        `<w:document ${NS}><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Title</w:t></w:r></w:p></w:body></w:document>`,
      ),
    );
    expect(W.styleName(doc, F.paragraphWith(doc, 'Title').style)).toBe('Heading 1');
    expect(doc.defaults.char).toEqual({ font: 'Times New Roman', size: 10 });
    expect(doc.section).toEqual(W.defaultSection());
  });
});
