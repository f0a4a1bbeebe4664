/**
 * Interoperability with a real Office suite: decks exported here survive a LibreOffice round trip, and decks
 * LibreOffice writes from scratch import. Both conversions run once, side by side, in beforeAll.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasState } from '../../envs/powerpoint/model/canvas.ts';
import type { CanvasSlide } from '../../envs/powerpoint/model/canvas.ts';
import type { Presentation } from '../../envs/powerpoint/model/types.ts';
import { exportPptx } from '../../envs/powerpoint/ooxml/export.ts';
import { importPptx } from '../../envs/powerpoint/ooxml/import.ts';
import { featureDeck } from './fixtures.ts';

const run = promisify(execFile);

/** Whether soffice is on the PATH (looked up, not run: running it would touch a shared profile). */
function hasSoffice(): boolean {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir !== '' && existsSync(join(dir, 'soffice')));
}

/** A presentation written by hand in OpenDocument (flat .fodp): LibreOffice makes the .pptx from scratch. */
const FOREIGN_FODP = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:smil="urn:oasis:names:tc:opendocument:xmlns:smil-compatible:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" fo:color="#c00000"/></style:style>
<style:style style:name="dp1" style:family="drawing-page"><style:drawing-page-properties presentation:transition-type="automatic" presentation:duration="PT00H00M04S" smil:type="fade" smil:subtype="crossfade"/></style:style>
<style:style style:name="dp2" style:family="drawing-page"><style:drawing-page-properties presentation:visibility="hidden" draw:fill="solid" draw:fill-color="#ffff00"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default"/></office:master-styles>
<office:body><office:presentation>
<draw:page draw:name="page1" draw:style-name="dp1" draw:master-page-name="Default" presentation:presentation-page-layout-name="AL1T1">
<draw:frame draw:layer="layout" presentation:style-name="pr1" presentation:class="title" svg:x="2cm" svg:y="1cm" svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>Imported <text:span text:style-name="T1">deck</text:span></text:p></draw:text-box></draw:frame>
<draw:frame draw:layer="layout" presentation:style-name="pr1" presentation:class="subtitle" svg:x="2cm" svg:y="5cm" svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>From ODP</text:p></draw:text-box></draw:frame>
<presentation:notes><draw:frame presentation:class="notes" svg:x="2cm" svg:y="14cm" svg:width="17cm" svg:height="10cm"><draw:text-box><text:p>Speaker note</text:p></draw:text-box></draw:frame></presentation:notes>
</draw:page>
<draw:page draw:name="page2" draw:style-name="dp2" draw:master-page-name="Default" presentation:presentation-page-layout-name="AL1T1">
<draw:frame draw:layer="layout" presentation:style-name="pr1" presentation:class="title" svg:x="2cm" svg:y="1cm" svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>Second</text:p></draw:text-box></draw:frame>
<draw:frame draw:layer="layout" presentation:style-name="pr1" presentation:class="outline" svg:x="2cm" svg:y="5cm" svg:width="20cm" svg:height="10cm"><draw:text-box><text:list><text:list-item><text:p>Point A</text:p></text:list-item><text:list-item><text:p>Point B</text:p></text:list-item></text:list></draw:text-box></draw:frame>
<draw:custom-shape svg:x="3cm" svg:y="12cm" svg:width="4cm" svg:height="2cm"><text:p>Box</text:p><draw:enhanced-geometry draw:type="ellipse"/></draw:custom-shape>
</draw:page>
</office:presentation></office:body>
</office:document>
`;

const available = hasSoffice();
let work = '';
let original: Presentation;
let viaLibreOffice: Presentation;
let foreign: Presentation;

/** Converts `file` to .pptx in `outDir` with a private LibreOffice profile, so parallel runs never collide. */
async function toPptx(file: string, outDir: string, profile: string): Promise<Buffer> {
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(work, profile)}`,
      '--headless',
      '--convert-to',
      'pptx',
      '--outdir',
      outDir,
      file,
    ],
    { timeout: 150_000 },
  );
  return readFileSync(
    join(
      outDir,
      file
        .split('/')
        .pop()!
        .replace(/\.\w+$/, '.pptx'),
    ),
  );
}

describe.skipIf(!available)('LibreOffice interoperability', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'lamgym-pptx-lo-'));
    original = featureDeck();
    const input = join(work, 'features.pptx');
    writeFileSync(input, exportPptx(original));
    const odp = join(work, 'foreign.fodp');
    writeFileSync(odp, FOREIGN_FODP);
    const [roundTripped, fromScratch] = await Promise.all([
      toPptx(input, join(work, 'out-a'), 'profile-a'),
      toPptx(odp, join(work, 'out-b'), 'profile-b'),
    ]);
    viaLibreOffice = importPptx(roundTripped, { name: 'Features' });
    foreign = importPptx(fromScratch, { name: 'foreign' });
  }, 180_000);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  /** What a user sees on a slide, minus what LibreOffice is known to recompute (autofit heights). */
  function visible(slide: CanvasSlide): unknown {
    return {
      layout: slide.layout,
      title: slide.title,
      hidden: slide.hidden ?? false,
      notes: slide.notes ?? '',
      background: { ...slide.background, theme_color: undefined },
      shapes: slide.shapes.map((s) => ({
        // LibreOffice renames placeholders "PlaceHolder n"; other shapes keep their names.
        name: s.type.startsWith('placeholder') ? undefined : s.name,
        type: s.type,
        at: s.rect.slice(0, 3),
        rotation: s.rotation,
        text: s.text,
        table: s.table?.cells,
        picture: s.picture?.description,
        fill: s.fill && s.fill.type !== 'pattern' ? { ...s.fill, theme_color: undefined } : s.fill?.type,
        animation: s.animation,
      })),
    };
  }

  it('keeps slides, text, run and paragraph formatting, layouts, backgrounds, notes, hidden slides and animations', () => {
    const before = canvasState(original).slides;
    const after = canvasState(viaLibreOffice).slides;
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    for (let i = 0; i < before.length; i++) {
      expect(visible(after[i]!), `slide ${i + 1}`).toEqual(visible(before[i]!));
    }
  });

  it('keeps the transitions LibreOffice knows, with duration and automatic advance', () => {
    const t = viaLibreOffice.slides.map((s) => s.transition);
    expect(t[0]).toMatchObject({ type: 'Push', effect: 'From Top', duration: 1.25, advanceAfter: 3 });
    expect(t[1]).toBeNull();
    expect(t[2]).toEqual({ type: 'Vortex', duration: 3, advanceOnClick: true, advanceAfter: null });
    // LibreOffice has no Morph (it writes a fade instead) and drops the PowerPoint 2013 Curtains effect.
    expect(t[3]?.type).toBe('Fade');
  });

  it('keeps the theme colours and slide size', () => {
    expect(viaLibreOffice.slideSize).toEqual(original.slideSize);
    expect(viaLibreOffice.theme.name).toBe('Ion');
    const { name: _a, ...colors } = viaLibreOffice.theme.colors;
    const { name: _b, ...expected } = original.theme.colors;
    expect(colors).toEqual(expected);
  });

  it('imports a deck LibreOffice wrote from scratch: layouts inferred, text, formatting, notes, background, transition', () => {
    const state = canvasState(foreign);
    expect(state.slides.map((s) => [s.layout, s.title])).toEqual([
      ['Title Slide', 'Imported deck'],
      ['Title and Content', 'Second'],
    ]);
    const [first, second] = state.slides;
    expect(first!.shapes[0]!.text![0]!.runs.map((r) => [r.text, r.color, r.bold ?? false])).toEqual([
      ['Imported ', '#000000', false],
      ['deck', '#C00000', true],
    ]);
    expect(first!.shapes[1]!.text!.map((p) => p.text)).toEqual(['From ODP']);
    expect(first!.notes).toBe('Speaker note');
    expect(first!.transition).toMatchObject({ type: 'Fade', after: 4 });
    expect(second!.hidden).toBe(true);
    expect(second!.background).toMatchObject({ type: 'solid', color: '#FFFF00', follows_master: false });
    expect(second!.shapes[1]!.text!.map((p) => p.text)).toEqual(['Point A', 'Point B']);
    expect(second!.shapes[2]).toMatchObject({ type: 'Oval', text: [{ text: 'Box' }] });
    // The imported deck is a working presentation: it exports and imports again unchanged.
    expect(importPptx(exportPptx(foreign), { name: 'foreign' })).toEqual(foreign);
  });
});
