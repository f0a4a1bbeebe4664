/**
 * .pptx bytes → Presentation (synchronous). Reads what the model holds — slides and their order, layouts,
 * placeholders, text with run and paragraph formatting, shapes, tables, pictures (as named placeholders),
 * theme colours and fonts, backgrounds, notes, transitions, entrance animations, hidden slides and sections —
 * from files PowerPoint, LibreOffice or this package wrote. Malformed input is refused with an error that
 * names the part at fault.
 */
import { PresentationError } from '../model/errors.ts';
import { buildLayouts, defaultTextStyles } from '../model/layouts.ts';
import { checkSections } from '../model/operations/sections.ts';
import { THEMES } from '../model/themes.ts';
import type {
  Align,
  ColorScheme,
  DocumentInfo,
  Fill,
  MasterTextStyles,
  PlaceholderRef,
  Presentation,
  Section,
  Slide,
  SlideLayout,
  SlideSize,
  Theme,
} from '../model/types.ts';
import { PackageReader, REL } from './package.ts';
import type { ColorContext, Xfrm } from './read/drawing.ts';
import { readBullet, readColor, readFill, readRunFormat, readXfrm, colorChild } from './read/drawing.ts';
import { adoptable, assignPlaceholders, matchLayout, placeholdersOf } from './read/layout-match.ts';
import { readAnimations, readNotes, readPlaceholderRef, readShapes, readTransition } from './read/slide.ts';
import { child, children, descendants, intAttr, path } from './xml.ts';
import type { XNode } from './xml.ts';

export interface ImportOptions {
  /** Document name without extension (default: the file's title property, else "Presentation1"). */
  name?: string;
  dir?: string;
}

function invalid(message: string): never {
  throw new PresentationError('INVALID_PPTX', message);
}

function rootOf(pkg: PackageReader, part: string, expected: string): XNode {
  const root = pkg.xml(part);
  if (root.name !== expected)
    invalid(`${part} should hold a ${expected} element but its root is ${root.name}`);
  return root;
}

/** The one target of a relationship type from a part, which must exist in the package. */
function relPart(pkg: PackageReader, from: string, type: string): string | undefined {
  const rel = pkg.relsOfType(from, type).find((r) => !r.external);
  if (!rel) return undefined;
  if (!pkg.has(rel.target))
    invalid(`${from} points (${rel.id}) at ${rel.target}, which is not in the package`);
  return rel.target;
}

// ---------------------------------------------------------------------------------------------------- theme

const SLOTS = [
  'dk1',
  'lt1',
  'dk2',
  'lt2',
  'accent1',
  'accent2',
  'accent3',
  'accent4',
  'accent5',
  'accent6',
  'hlink',
  'folHlink',
] as const;

const OFFICE = THEMES[0]!;

function readTheme(pkg: PackageReader, part: string | undefined, colorMap: Theme['colorMap']): Theme {
  const office = OFFICE.variants[0]!.colors;
  if (!part) {
    return {
      name: OFFICE.name,
      variant: 1,
      colors: structuredClone(office),
      fonts: structuredClone(OFFICE.fonts),
      colorMap,
    };
  }
  const root = rootOf(pkg, part, 'a:theme');
  const elements = child(root, 'a:themeElements');
  const scheme = child(elements, 'a:clrScheme');
  const colors = { name: scheme?.attrs.name ?? 'Custom' } as ColorScheme;
  const ctx: ColorContext = { colors: office, colorMap: 'light' };
  for (const slot of SLOTS) {
    const c = readColor(colorChild(child(scheme, `a:${slot}`)), ctx);
    colors[slot] = c && c.color.startsWith('#') ? c.color : office[slot];
  }
  const fontScheme = child(elements, 'a:fontScheme');
  const major = path(fontScheme, 'a:majorFont', 'a:latin')?.attrs.typeface || OFFICE.fonts.major;
  const minor = path(fontScheme, 'a:minorFont', 'a:latin')?.attrs.typeface || OFFICE.fonts.minor;
  const name = root.attrs.name || 'Office Theme';
  // A catalogue theme's variant is the one with this colour scheme and colour map.
  const def = THEMES.find((t) => t.name === name);
  const index =
    def?.variants.findIndex((v) => v.colors.name === colors.name && v.colorMap === colorMap) ?? -1;
  return {
    name,
    variant: index >= 0 ? index + 1 : 1,
    colors,
    fonts: { name: fontScheme?.attrs.name ?? 'Custom', major, minor },
    colorMap,
  };
}

function readColorMap(master: XNode): Theme['colorMap'] {
  return child(master, 'p:clrMap')?.attrs.bg1 === 'dk1' ? 'dark' : 'light';
}

// ---------------------------------------------------------------------------------------------------- master

/** p:cSld/p:bg as a Fill: an explicit p:bgPr fill or the colour of a p:bgRef style reference. */
function readBackground(root: XNode, ctx: ColorContext): Fill | undefined {
  const bg = path(root, 'p:cSld', 'p:bg');
  if (!bg) return undefined;
  const bgPr = child(bg, 'p:bgPr');
  if (bgPr) {
    const fill = readFill(bgPr, ctx);
    return fill && fill.type !== 'none' ? fill : undefined;
  }
  const ref = readColor(colorChild(child(bg, 'p:bgRef')), ctx);
  return ref ? { type: 'solid', color: ref.color } : undefined;
}

const ALIGN: Readonly<Record<string, Align>> = { l: 'left', ctr: 'center', r: 'right', just: 'justify' };

function readTextStyles(master: XNode, ctx: ColorContext): MasterTextStyles {
  const styles = defaultTextStyles();
  const tx = child(master, 'p:txStyles');
  const title = path(tx, 'p:titleStyle', 'a:lvl1pPr');
  if (title) {
    const f = readRunFormat(child(title, 'a:defRPr'), ctx);
    if (f.size) styles.title.size = f.size;
    if (f.bold !== undefined) styles.title.bold = f.bold;
    if (f.color) styles.title.color = f.color;
    const algn = ALIGN[title.attrs.algn ?? ''];
    if (algn) styles.title.align = algn;
  }
  const body = child(tx, 'p:bodyStyle');
  styles.body.forEach((level, i) => {
    const lvl = child(body, `a:lvl${i + 1}pPr`);
    if (!lvl) return;
    const f = readRunFormat(child(lvl, 'a:defRPr'), ctx);
    if (f.size) level.size = f.size;
    const bullet = readBullet(lvl, null);
    if (bullet) level.bullet = bullet;
    if (i === 0 && f.color) styles.bodyColor = f.color;
  });
  const other = readRunFormat(child(path(tx, 'p:otherStyle', 'a:lvl1pPr'), 'a:defRPr'), ctx);
  if (other.size) styles.other.size = other.size;
  return styles;
}

// ---------------------------------------------------------------------------------------------------- slides

interface PlaceholderBox {
  ref: PlaceholderRef;
  xfrm: Xfrm;
}

/** The placeholders of a layout or master part that carry their own position. */
function placeholderBoxes(pkg: PackageReader, part: string | undefined): PlaceholderBox[] {
  if (!part) return [];
  const tree = path(pkg.xml(part), 'p:cSld', 'p:spTree');
  const out: PlaceholderBox[] = [];
  for (const sp of children(tree, 'p:sp')) {
    const ref = readPlaceholderRef(path(sp, 'p:nvSpPr', 'p:nvPr'));
    const xfrm = readXfrm(path(sp, 'p:spPr', 'a:xfrm'));
    if (ref && xfrm) out.push({ ref, xfrm });
  }
  return out;
}

const isTitle = (t: string): boolean => t === 'title' || t === 'ctrTitle';

/** Where a placeholder without a transform sits: its layout's placeholder (same idx, else type), else the master's. */
function inheritFrom(
  layout: PlaceholderBox[],
  master: PlaceholderBox[],
  ref: PlaceholderRef,
): Xfrm | undefined {
  const byIdx = isTitle(ref.type)
    ? layout.find((b) => isTitle(b.ref.type))
    : (layout.find((b) => b.ref.idx === ref.idx && !isTitle(b.ref.type)) ??
      layout.find((b) => b.ref.type === ref.type));
  if (byIdx) return byIdx.xfrm;
  const masterType = isTitle(ref.type)
    ? 'title'
    : ['dt', 'ftr', 'sldNum'].includes(ref.type)
      ? ref.type
      : 'body';
  return master.find((b) => (masterType === 'title' ? isTitle(b.ref.type) : b.ref.type === masterType))?.xfrm;
}

function hasVerticalText(sld: XNode): boolean {
  return (
    descendants(sld, 'p:ph').some((ph) => ph.attrs.orient === 'vert') ||
    descendants(sld, 'a:bodyPr').some((b) => b.attrs.vert !== undefined && b.attrs.vert !== 'horz')
  );
}

interface SlideSource {
  id: number;
  part: string;
}

function readSlide(pkg: PackageReader, source: SlideSource, layouts: SlideLayout[], theme: Theme): Slide {
  const { part } = source;
  const sld = rootOf(pkg, part, 'p:sld');
  const ctx: ColorContext = theme;
  const layoutPart = relPart(pkg, part, REL.slideLayout);
  const layoutRoot = layoutPart ? rootOf(pkg, layoutPart, 'p:sldLayout') : undefined;
  const masterPart = layoutPart ? relPart(pkg, layoutPart, REL.slideMaster) : undefined;
  const layoutBoxes = placeholderBoxes(pkg, layoutPart);
  const masterBoxes = placeholderBoxes(pkg, masterPart);
  const media = new Map(pkg.rels(part).map((r) => [r.id, r.target.split('/').pop() ?? r.target]));
  const { shapes, idMap } = readShapes(path(sld, 'p:cSld', 'p:spTree'), {
    color: ctx,
    inheritedXfrm: (ref) => inheritFrom(layoutBoxes, masterBoxes, ref),
    mediaName: (id) => media.get(id),
  });

  const layout = matchLayout(
    shapes,
    layouts,
    { name: path(layoutRoot, 'p:cSld')?.attrs.name, type: layoutRoot?.attrs.type },
    hasVerticalText(sld),
  );
  const pairs = assignPlaceholders(shapes, layout);
  for (const [s, lp] of adoptable(shapes, layout, pairs)) {
    if (s.kind === 'picture' || s.kind === 'table') s.placeholder = { type: lp.type, idx: lp.idx };
  }
  let spareIdx = 100;
  for (const s of placeholdersOf(shapes)) {
    const lp = pairs.get(s);
    if (!lp) {
      // A placeholder the layout has no room for keeps its content, under an index no layout uses.
      s.placeholder = { type: s.placeholder.type, idx: spareIdx++ };
      continue;
    }
    s.placeholder = { type: lp.type, idx: lp.idx };
    if (s.width === 0 && s.height === 0)
      Object.assign(s, { x: lp.x, y: lp.y, width: lp.width, height: lp.height });
  }

  let background: Fill | null = readBackground(sld, ctx) ?? null;
  if (!background && layoutRoot) background = readBackground(layoutRoot, ctx) ?? null;

  const notesPart = relPart(pkg, part, REL.notesSlide);
  const notes = notesPart ? readNotes(rootOf(pkg, notesPart, 'p:notes'), ctx) : '';
  return {
    id: source.id,
    layout: layout.name,
    shapes,
    background,
    notes,
    transition: readTransition(sld),
    animations: readAnimations(sld, idMap),
    hidden: sld.attrs.show === '0' || sld.attrs.show === 'false',
  };
}

function readSlideSources(pkg: PackageReader, presPart: string, presRoot: XNode): SlideSource[] {
  const rels = pkg.rels(presPart);
  const seen = new Set<number>();
  return children(child(presRoot, 'p:sldIdLst'), 'p:sldId').map((node, i) => {
    const relId = node.attrs['r:id'];
    const rel = rels.find((r) => r.id === relId);
    if (!relId || !rel)
      invalid(
        `${presPart}: slide ${i + 1} refers to relationship ${JSON.stringify(relId ?? null)}, which ${presPart} does not define`,
      );
    if (!pkg.has(rel.target))
      invalid(`${presPart}: slide ${i + 1} (${relId}) points at ${rel.target}, which is not in the package`);
    // Slide ids must be unique and ≥ 256; a file that breaks the rule gets fresh ones.
    let id = intAttr(node, 'id') ?? 0;
    if (id < 256 || seen.has(id)) id = Math.max(255, ...seen) + 1;
    seen.add(id);
    return { id, part: rel.target };
  });
}

/** p14:sectionLst, kept only when it partitions the slides in order (else sections are rebuilt from it). */
function readSections(presRoot: XNode, slides: Slide[]): Section[] {
  const list = descendants(child(presRoot, 'p:extLst'), 'p14:section');
  if (list.length === 0) return [];
  const known = new Set(slides.map((s) => s.id));
  const sectionOf = new Map<number, string>();
  const sections: Section[] = list.map((node) => {
    const ids = descendants(node, 'p14:sldId')
      .map((s) => intAttr(s, 'id'))
      .filter((id): id is number => id !== undefined && known.has(id) && !sectionOf.has(id));
    for (const id of ids) sectionOf.set(id, node.attrs.name ?? '');
    return { name: node.attrs.name || 'Untitled Section', slideIds: ids };
  });
  try {
    checkSections({ slides, sections } as Presentation);
    return sections;
  } catch {
    // Out of order or incomplete: group consecutive slides under the section that lists them.
    const rebuilt: Section[] = [];
    for (const s of slides) {
      const name = sectionOf.get(s.id) ?? rebuilt[rebuilt.length - 1]?.name ?? 'Default Section';
      const last = rebuilt[rebuilt.length - 1];
      if (last && last.name === name) last.slideIds.push(s.id);
      else rebuilt.push({ name, slideIds: [s.id] });
    }
    return rebuilt;
  }
}

function readSlideSize(presRoot: XNode): SlideSize {
  const sz = child(presRoot, 'p:sldSz');
  const width = intAttr(sz, 'cx');
  const height = intAttr(sz, 'cy');
  return width && height && width > 0 && height > 0 ? { width, height } : { width: 9144000, height: 6858000 };
}

function readDocumentInfo(pkg: PackageReader, options: ImportOptions): DocumentInfo {
  let name = options.name;
  if (name === undefined) {
    const core = pkg.relsOfType('', REL.coreProperties)[0];
    const title =
      core && pkg.has(core.target) ? child(pkg.xml(core.target), 'dc:title')?.text.trim() : undefined;
    name = title || 'Presentation1';
  }
  return { name, dir: options.dir ?? '', saves: [] };
}

/** Reads a .pptx (or .potx / .ppsx) package into a Presentation. */
export function importPptx(bytes: Uint8Array, options: ImportOptions = {}): Presentation {
  if (!(bytes instanceof Uint8Array)) invalid('importPptx: expected the file contents as a Uint8Array');
  const pkg = new PackageReader(bytes);
  const main = pkg.relsOfType('', REL.officeDocument).find((r) => !r.external);
  if (!main) invalid('not a presentation: _rels/.rels has no officeDocument relationship to a main part');
  if (!pkg.has(main.target))
    invalid(`_rels/.rels points at the main part ${main.target}, which is not in the package`);
  const presPart = main.target;
  const presRoot = pkg.xml(presPart);
  if (presRoot.name !== 'p:presentation') {
    invalid(
      `not a presentation: the main part ${presPart} holds ${presRoot.name} (a Word or Excel file?), not p:presentation`,
    );
  }

  const masterRelId = child(child(presRoot, 'p:sldMasterIdLst'), 'p:sldMasterId')?.attrs['r:id'];
  const masterPart = masterRelId
    ? pkg.rels(presPart).find((r) => r.id === masterRelId)?.target
    : relPart(pkg, presPart, REL.slideMaster);
  if (!masterPart || !pkg.has(masterPart)) invalid(`${presPart}: the presentation has no slide master part`);
  const masterRoot = rootOf(pkg, masterPart, 'p:sldMaster');
  const colorMap = readColorMap(masterRoot);
  const theme = readTheme(pkg, relPart(pkg, masterPart, REL.theme), colorMap);

  const slideSize = readSlideSize(presRoot);
  const layouts = buildLayouts(slideSize);
  const background = readBackground(masterRoot, theme) ?? { type: 'solid', color: 'bg1' };
  const slides = readSlideSources(pkg, presPart, presRoot).map((source) =>
    readSlide(pkg, source, layouts, theme),
  );
  const first = slides[0];
  return {
    slideSize,
    theme,
    master: { layouts, textStyles: readTextStyles(masterRoot, theme), background },
    slides,
    sections: readSections(presRoot, slides),
    selection: first
      ? { slideId: first.id, slideIds: [first.id], shapeIds: [], text: null }
      : { slideId: null, slideIds: [], shapeIds: [], text: null },
    document: readDocumentInfo(pkg, options),
  };
}
