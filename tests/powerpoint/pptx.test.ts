import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createPresentation } from '../../envs/powerpoint/model/builder.ts';
import { canvasState } from '../../envs/powerpoint/model/canvas.ts';
import { PresentationError } from '../../envs/powerpoint/model/errors.ts';
import { ENTRANCE_DURATIONS } from '../../envs/powerpoint/model/operations/animations.ts';
import { setAnimation } from '../../envs/powerpoint/model/operations/animations.ts';
import { applyTheme, setBackground } from '../../envs/powerpoint/model/operations/design.ts';
import { addSection } from '../../envs/powerpoint/model/operations/sections.ts';
import { insertTable, setShapeText } from '../../envs/powerpoint/model/operations/shapes.ts';
import {
  changeLayout,
  moveSlide,
  newSlide,
  setNotes,
} from '../../envs/powerpoint/model/operations/slides.ts';
import {
  enterTextEdit,
  insertText,
  selectText,
  setTextFormat,
} from '../../envs/powerpoint/model/operations/text-editing.ts';
import { TRANSITION_CATALOG, setTransition } from '../../envs/powerpoint/model/operations/transitions.ts';
import { ENTRANCE_EFFECTS, TRANSITION_TYPES } from '../../envs/powerpoint/model/types.ts';
import type { EntranceEffect, Presentation } from '../../envs/powerpoint/model/types.ts';
import { exportPptx } from '../../envs/powerpoint/ooxml/export.ts';
import { importPptx } from '../../envs/powerpoint/ooxml/import.ts';
import { featureDeck } from './fixtures.ts';

function roundTrip(pres: Presentation): Presentation {
  return importPptx(exportPptx(pres), { name: pres.document.name, dir: pres.document.dir });
}

describe('pptx export and import', () => {
  it('a deck using every feature comes back identical', () => {
    const pres = featureDeck();
    expect(roundTrip(pres)).toEqual(pres);
  });

  it('a deck edited through the operations comes back identical', () => {
    let pres = applyTheme(featureDeck(), 'Facet', 2);
    pres = newSlide(pres, { layout: 'Comparison', afterIndex: 0 });
    pres = setShapeText(pres, { shapeId: 3, text: 'Left heading' });
    pres = insertTable(pres, { rows: 3, cols: 2 });
    pres = enterTextEdit(pres, { slideIndex: 0, shapeId: 3, at: 'end' });
    pres = insertText(pres, '\nmore & <escaped> "text"');
    pres = selectText(pres, {
      shapeId: 3,
      anchor: { paragraph: 0, offset: 0 },
      focus: { paragraph: 0, offset: 5 },
    });
    pres = setTextFormat(pres, { color: '#1F4E79', size: 13.5 });
    pres = setNotes(pres, 'Tabs\tand ünïcödé ✓', 2);
    pres = setAnimation(pres, { effect: 'Wheel', slideIndex: 0, shapeId: 2, trigger: 'With Previous' });
    pres = moveSlide(pres, 4, 0);
    pres = addSection(pres, { atIndex: 3, name: 'Later' });
    pres = changeLayout(pres, 'Title Only', 5);
    pres = setBackground(pres, {
      fill: { type: 'solid', color: 'accent3', transparency: 10 },
      slides: 'all',
    });
    const back = roundTrip(pres);
    // Import selects the first slide, as opening a file does.
    expect(back).toEqual({
      ...pres,
      selection: { slideId: pres.slides[0]!.id, slideIds: [pres.slides[0]!.id], shapeIds: [], text: null },
    });
    expect(canvasState(back).slides).toEqual(canvasState(pres).slides);
  });

  it('every transition and Effect Option survives', () => {
    let pres = createPresentation({ slides: [{ title: 'x' }] });
    const expected: unknown[] = [];
    for (const type of TRANSITION_TYPES.filter((t) => t !== 'None')) {
      const effects = TRANSITION_CATALOG[type].effects;
      for (const effect of effects.length > 0 ? effects : [undefined]) {
        pres = newSlide(pres, { layout: 'Blank' });
        pres = setTransition(
          pres,
          effect === undefined ? { type, duration: 1.1 } : { type, effect, duration: 1.1 },
        );
        expected.push(effect === undefined ? { type } : { type, effect });
      }
    }
    const back = roundTrip(pres);
    expect(
      back.slides.slice(1).map((s) => ({
        type: s.transition?.type,
        ...(s.transition?.effect ? { effect: s.transition.effect } : {}),
      })),
    ).toEqual(expected);
    expect(back.slides.slice(1).every((s) => s.transition?.duration === 1.1)).toBe(true);
  });

  it('every entrance effect survives, with its trigger, duration and delay', () => {
    const pres = createPresentation({
      slides: [
        {
          layout: 'Blank',
          shapes: ENTRANCE_EFFECTS.map((_, i) => ({
            type: 'Rectangle',
            x: (i % 6) * 2,
            y: Math.floor(i / 6) * 2,
          })),
          animations: ENTRANCE_EFFECTS.map((effect: EntranceEffect, i) => ({
            shape: `Rectangle ${i + 1}`,
            effect,
            trigger: (['On Click', 'With Previous', 'After Previous'] as const)[i % 3],
            delay: i / 4,
          })),
        },
      ],
    });
    const back = roundTrip(pres);
    expect(back.slides[0]!.animations).toEqual(pres.slides[0]!.animations);
    expect(back.slides[0]!.animations.map((a) => a.duration)).toEqual(
      ENTRANCE_EFFECTS.map((e) => ENTRANCE_DURATIONS[e]),
    );
  });

  it('exports are byte-for-byte reproducible and the package is well formed', () => {
    const pres = featureDeck();
    const a = exportPptx(pres);
    expect(exportPptx(pres)).toEqual(a);
    const files = unzipSync(a);
    const types = strFromU8(files['[Content_Types].xml']!);
    for (const name of Object.keys(files).filter((n) => n.endsWith('.xml') && !n.startsWith('['))) {
      expect(types, `content type of ${name}`).toContain(`PartName="/${name}"`);
    }
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'ppt/slides/slide5.xml',
        'ppt/notesSlides/notesSlide1.xml',
        'ppt/media/image1.png',
      ]),
    );
    expect(strFromU8(files['ppt/slides/slide2.xml']!)).toContain('show="0"');
  });

  it('template and show packages differ only in the main content type, and import alike', () => {
    const pres = featureDeck();
    const potx = exportPptx(pres, 'template');
    expect(strFromU8(unzipSync(potx)['[Content_Types].xml']!)).toContain('presentationml.template.main+xml');
    expect(importPptx(potx, { name: 'Features' })).toEqual(pres);
  });
});

function refused(bytes: Uint8Array, message: RegExp): void {
  let thrown: unknown;
  try {
    importPptx(bytes);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(PresentationError);
  expect((thrown as PresentationError).code).toBe('INVALID_PPTX');
  expect((thrown as PresentationError).message).toMatch(message);
}

/** The feature deck's package with some parts replaced (undefined removes a part). */
function tampered(parts: Record<string, string | undefined>): Uint8Array {
  const files = unzipSync(exportPptx(featureDeck()));
  for (const [name, xml] of Object.entries(parts)) {
    if (xml === undefined) delete files[name];
    else files[name] = strToU8(xml);
  }
  return zipSync(files);
}

const NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

describe('import of constructs the model has no direct equivalent for', () => {
  it('flattens groups into slide coordinates, keeps charts as named pictures, renumbers repeated ids', () => {
    const sp = (id: number, name: string, x: number, text: string): string =>
      `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="${x}" y="0"/><a:ext cx="1000" cy="1000"/></a:xfrm><a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom></p:spPr><p:style><a:lnRef idx="2"/><a:fillRef idx="1"/><a:effectRef idx="0"/><a:fontRef idx="minor"/></p:style><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="en-US"><a:solidFill><a:schemeClr val="accent2"><a:lumMod val="75000"/></a:schemeClr></a:solidFill></a:rPr><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp>`;
    const slide = `<p:sld ${NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>
      <p:grpSp><p:nvGrpSpPr><p:cNvPr id="10" name="Group 9"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="914400" y="914400"/><a:ext cx="4000" cy="2000"/><a:chOff x="0" y="0"/><a:chExt cx="2000" cy="1000"/></a:xfrm></p:grpSpPr>${sp(4, 'Oval A', 0, 'left')}${sp(4, 'Oval B', 1000, 'right')}</p:grpSp>
      <p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="20" name="Chart 19" descr="Sales by region"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic></p:graphicFrame>
      <mc:AlternateContent><mc:Choice Requires="unknownExt"><p:sp><p:nvSpPr><p:cNvPr id="30" name="Future shape"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/></p:sp></mc:Choice><mc:Fallback>${sp(31, 'Fallback shape', 0, 'fallback')}</mc:Fallback></mc:AlternateContent>
      </p:spTree></p:cSld></p:sld>`;
    const pres = importPptx(tampered({ 'ppt/slides/slide5.xml': slide }));
    const shapes = pres.slides[4]!.shapes;
    expect(shapes.map((s) => [s.id, s.name, s.kind])).toEqual([
      [4, 'Oval A', 'shape'],
      [2, 'Oval B', 'shape'],
      [20, 'Chart 19', 'picture'],
      [31, 'Fallback shape', 'shape'],
    ]);
    expect(shapes.slice(0, 2).map((s) => [s.x, s.y, s.width, s.height])).toEqual([
      [914400, 914400, 2000, 2000],
      [916400, 914400, 2000, 2000],
    ]);
    expect(shapes[2]).toMatchObject({ image: { name: 'chart', description: 'Sales by region' } });
    // A palette shade (lumMod 75%) stays a theme colour, "Darker 25%", so it follows theme changes.
    expect(shapes[0]!.kind === 'shape' && shapes[0]!.text.paragraphs[0]!.runs[0]!.color).toBe(
      'accent2/darker25',
    );
    expect(pres.slides[4]!.layout).toBe('Blank');
  });
});

describe('bad input is refused with the part at fault', () => {
  it('bytes that are not a zip, or a zip that is not a package', () => {
    refused(strToU8('hello, not a zip'), /not a \.pptx file \(not a zip archive\)/);
    refused(zipSync({ 'a.txt': strToU8('x') }), /no \[Content_Types\]\.xml/);
  });

  it('a package without a presentation, or with a Word document inside', () => {
    refused(
      tampered({
        '_rels/.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
      }),
      /_rels\/\.rels has no officeDocument relationship/,
    );
    refused(
      tampered({ 'ppt/presentation.xml': undefined }),
      /main part ppt\/presentation\.xml, which is not in the package/,
    );
    refused(
      tampered({
        'ppt/presentation.xml':
          '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
      }),
      /ppt\/presentation\.xml holds w:document .* not p:presentation/,
    );
  });

  it('malformed or missing slide parts are named', () => {
    refused(
      tampered({ 'ppt/slides/slide3.xml': '<p:sld xmlns:p="x"><p:cSld>' }),
      /ppt\/slides\/slide3\.xml is not well-formed XML/,
    );
    refused(
      tampered({ 'ppt/slides/slide2.xml': undefined }),
      /slide 2 \(rId3\) points at ppt\/slides\/slide2\.xml, which is not in the package/,
    );
    refused(
      tampered({
        'ppt/slides/slide1.xml':
          '<p:notes xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
      }),
      /ppt\/slides\/slide1\.xml should hold a p:sld element but its root is p:notes/,
    );
    refused(
      tampered({ 'ppt/notesSlides/notesSlide1.xml': undefined }),
      /ppt\/slides\/slide1\.xml points \(rId3\) at ppt\/notesSlides\/notesSlide1\.xml, which is not in the package/,
    );
  });

  it('refuses input that is not bytes', () => {
    refused('file.pptx' as unknown as Uint8Array, /expected the file contents as a Uint8Array/);
  });
});

describe('layouts on import', () => {
  it("keeps the file's layout for a slide that lost a placeholder, instead of a layout with fewer placeholders", () => {
    let pres = featureDeck();
    pres = deleteShapesOnSlide(pres, 3, 3);
    const back = importPptx(exportPptx(pres), { name: 'Features' });
    expect(back.slides[3]!.layout).toBe('Two Content');
    expect(back.slides[3]!.shapes.map((s) => s.name)).toEqual(['Title 1', 'Content Placeholder 3']);
  });
});

function deleteShapesOnSlide(pres: Presentation, slideIndex: number, shapeId: number): Presentation {
  const next = structuredClone(pres);
  next.slides[slideIndex]!.shapes = next.slides[slideIndex]!.shapes.filter((s) => s.id !== shapeId);
  return next;
}
