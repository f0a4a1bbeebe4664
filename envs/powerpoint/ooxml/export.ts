/** Presentation → .pptx bytes (synchronous). */
import type { Presentation } from '../model/types.ts';
import { CONTENT_TYPE, PackageWriter, REL } from './package.ts';
import { el, NS, PML_NAMESPACES } from './xml.ts';
import { colorXml } from './write/drawing.ts';
import { layoutXml, masterXml, notesMasterXml } from './write/masters.ts';
import { notesSlideXml, slideXml } from './write/slide.ts';
import { themeXml } from './write/theme.ts';

const SECTIONS_EXT_URI = '{521415D9-36F7-43E2-AB2F-B90AF26B5E84}';

/** A 16×16 light-grey PNG standing in for every picture's pixels (the model keeps no image data). */
const PLACEHOLDER_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFElEQVR42mO4SSJgGNUwqmH4agAAFXuLH+GRldYAAAAASUVORK5CYII=',
    'base64',
  ),
);

export type PackageKind = 'presentation' | 'template' | 'slideshow';

function sectionGuid(i: number): string {
  return `{6F2B0A5C-1D3E-4C7A-9B8E-${(i + 1).toString(16).toUpperCase().padStart(12, '0')}}`;
}

function defaultTextStyle(): string {
  const levels = Array.from({ length: 9 }, (_, i) =>
    el(
      `a:lvl${i + 1}pPr`,
      { marL: i * 457200, algn: 'l', defTabSz: 914400, rtl: 0, eaLnBrk: 1, latinLnBrk: 0, hangingPunct: 1 },
      el(
        'a:defRPr',
        { sz: 1800, kern: 1200 },
        el('a:solidFill', {}, colorXml('tx1')),
        el('a:latin', { typeface: '+mn-lt' }),
        el('a:ea', { typeface: '+mn-ea' }),
        el('a:cs', { typeface: '+mn-cs' }),
      ),
    ),
  ).join('');
  return el('p:defaultTextStyle', {}, el('a:defPPr', {}, el('a:defRPr', { lang: 'en-US' })), levels);
}

function presentationXml(pres: Presentation, slideRelIds: string[], notesMasterRelId: string): string {
  const sections =
    pres.sections.length === 0
      ? ''
      : el(
          'p:extLst',
          {},
          el(
            'p:ext',
            { uri: SECTIONS_EXT_URI },
            el(
              'p14:sectionLst',
              { 'xmlns:p14': NS.p14 },
              pres.sections
                .map((s, i) =>
                  el(
                    'p14:section',
                    { name: s.name, id: sectionGuid(i) },
                    el('p14:sldIdLst', {}, s.slideIds.map((id) => el('p14:sldId', { id })).join('')),
                  ),
                )
                .join(''),
            ),
          ),
        );
  const { width, height } = pres.slideSize;
  const sizeType = width === 9144000 && height === 6858000 ? 'screen4x3' : undefined;
  return el(
    'p:presentation',
    { ...PML_NAMESPACES, saveSubsetFonts: 1 },
    el('p:sldMasterIdLst', {}, el('p:sldMasterId', { id: 2147483648, 'r:id': 'rId1' })),
    el('p:notesMasterIdLst', {}, el('p:notesMasterId', { 'r:id': notesMasterRelId })),
    pres.slides.length > 0
      ? el(
          'p:sldIdLst',
          {},
          pres.slides.map((s, i) => el('p:sldId', { id: s.id, 'r:id': slideRelIds[i] })).join(''),
        )
      : '',
    el('p:sldSz', { cx: width, cy: height, type: sizeType }),
    el('p:notesSz', { cx: 6858000, cy: 9144000 }),
    defaultTextStyle(),
    sections,
  );
}

const MAIN_TYPES: Readonly<Record<PackageKind, string>> = {
  presentation: CONTENT_TYPE.presentation,
  template: CONTENT_TYPE.template,
  slideshow: CONTENT_TYPE.slideshow,
};

/** Writes the presentation as a .pptx package (or .potx / .ppsx, which differ only in the main content type). */
export function exportPptx(pres: Presentation, kind: PackageKind = 'presentation'): Uint8Array {
  const pkg = new PackageWriter();
  const n = pres.slides.length;
  const slideRelIds = pres.slides.map((_, i) => `rId${i + 2}`);
  const next = n + 2;
  const ids = {
    notesMaster: `rId${next}`,
    presProps: `rId${next + 1}`,
    viewProps: `rId${next + 2}`,
    theme: `rId${next + 3}`,
    tableStyles: `rId${next + 4}`,
  };

  pkg.addRels('', [
    { id: 'rId1', type: REL.officeDocument, target: 'ppt/presentation.xml' },
    { id: 'rId2', type: REL.coreProperties, target: 'docProps/core.xml' },
    { id: 'rId3', type: REL.extendedProperties, target: 'docProps/app.xml' },
  ]);
  pkg.addXml(
    'docProps/core.xml',
    CONTENT_TYPE.core,
    el(
      'cp:coreProperties',
      {
        'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:dcterms': 'http://purl.org/dc/terms/',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      },
      el('dc:title', {}, escapeContent(pres.document.name)),
      el('dc:creator', {}, 'lamgym'),
      el('cp:revision', {}, '1'),
    ),
  );
  pkg.addXml(
    'docProps/app.xml',
    CONTENT_TYPE.app,
    el(
      'Properties',
      { xmlns: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties' },
      el('Application', {}, 'lamgym'),
      el('Slides', {}, String(n)),
      el('Notes', {}, String(pres.slides.filter((s) => s.notes).length)),
      el('HiddenSlides', {}, String(pres.slides.filter((s) => s.hidden).length)),
    ),
  );

  pkg.addXml('ppt/presentation.xml', MAIN_TYPES[kind], presentationXml(pres, slideRelIds, ids.notesMaster));
  pkg.addRels('ppt/presentation.xml', [
    { id: 'rId1', type: REL.slideMaster, target: 'slideMasters/slideMaster1.xml' },
    ...pres.slides.map((_, i) => ({
      id: slideRelIds[i]!,
      type: REL.slide,
      target: `slides/slide${i + 1}.xml`,
    })),
    { id: ids.notesMaster, type: REL.notesMaster, target: 'notesMasters/notesMaster1.xml' },
    { id: ids.presProps, type: REL.presProps, target: 'presProps.xml' },
    { id: ids.viewProps, type: REL.viewProps, target: 'viewProps.xml' },
    { id: ids.theme, type: REL.theme, target: 'theme/theme1.xml' },
    { id: ids.tableStyles, type: REL.tableStyles, target: 'tableStyles.xml' },
  ]);
  pkg.addXml('ppt/presProps.xml', CONTENT_TYPE.presProps, el('p:presentationPr', PML_NAMESPACES));
  pkg.addXml(
    'ppt/viewProps.xml',
    CONTENT_TYPE.viewProps,
    el(
      'p:viewPr',
      PML_NAMESPACES,
      el('p:normalViewPr', {}, el('p:restoredLeft', { sz: 15620 }), el('p:restoredTop', { sz: 94660 })),
      el('p:gridSpacing', { cx: 76200, cy: 76200 }),
    ),
  );
  pkg.addXml(
    'ppt/tableStyles.xml',
    CONTENT_TYPE.tableStyles,
    el('a:tblStyleLst', { 'xmlns:a': NS.a, def: '{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}' }),
  );

  pkg.addXml('ppt/theme/theme1.xml', CONTENT_TYPE.theme, themeXml(pres.theme));
  pkg.addXml('ppt/theme/theme2.xml', CONTENT_TYPE.theme, themeXml({ ...pres.theme, colorMap: 'light' }));

  const layouts = pres.master.layouts;
  const layoutRelIds = layouts.map((_, i) => `rId${i + 1}`);
  pkg.addXml('ppt/slideMasters/slideMaster1.xml', CONTENT_TYPE.slideMaster, masterXml(pres, layoutRelIds));
  pkg.addRels('ppt/slideMasters/slideMaster1.xml', [
    ...layouts.map((_, i) => ({
      id: layoutRelIds[i]!,
      type: REL.slideLayout,
      target: `../slideLayouts/slideLayout${i + 1}.xml`,
    })),
    { id: `rId${layouts.length + 1}`, type: REL.theme, target: '../theme/theme1.xml' },
  ]);
  layouts.forEach((layout, i) => {
    const part = `ppt/slideLayouts/slideLayout${i + 1}.xml`;
    pkg.addXml(part, CONTENT_TYPE.slideLayout, layoutXml(layout));
    pkg.addRels(part, [{ id: 'rId1', type: REL.slideMaster, target: '../slideMasters/slideMaster1.xml' }]);
  });

  pkg.addXml('ppt/notesMasters/notesMaster1.xml', CONTENT_TYPE.notesMaster, notesMasterXml());
  pkg.addRels('ppt/notesMasters/notesMaster1.xml', [
    { id: 'rId1', type: REL.theme, target: '../theme/theme2.xml' },
  ]);

  let notesCount = 0;
  let usesImage = false;
  pres.slides.forEach((slide, i) => {
    const part = `ppt/slides/slide${i + 1}.xml`;
    const layoutIndex = Math.max(
      0,
      layouts.findIndex((l) => l.name === slide.layout),
    );
    const rels: { id: string; type: string; target: string }[] = [
      { id: 'rId1', type: REL.slideLayout, target: `../slideLayouts/slideLayout${layoutIndex + 1}.xml` },
    ];
    const hasPicture = slide.shapes.some((s) => s.kind === 'picture');
    if (hasPicture) {
      rels.push({ id: 'rId2', type: REL.image, target: '../media/image1.png' });
      usesImage = true;
    }
    if (slide.notes) {
      notesCount++;
      const notesPart = `ppt/notesSlides/notesSlide${notesCount}.xml`;
      rels.push({ id: 'rId3', type: REL.notesSlide, target: `../notesSlides/notesSlide${notesCount}.xml` });
      pkg.addXml(notesPart, CONTENT_TYPE.notesSlide, notesSlideXml(slide.notes));
      pkg.addRels(notesPart, [
        { id: 'rId1', type: REL.notesMaster, target: '../notesMasters/notesMaster1.xml' },
        { id: 'rId2', type: REL.slide, target: `../slides/slide${i + 1}.xml` },
      ]);
    }
    pkg.addXml(part, CONTENT_TYPE.slide, slideXml(pres, slide, hasPicture ? 'rId2' : null));
    pkg.addRels(part, rels);
  });
  if (usesImage) pkg.addBinary('ppt/media/image1.png', 'png', 'image/png', PLACEHOLDER_PNG);
  return pkg.toZip();
}

function escapeContent(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
