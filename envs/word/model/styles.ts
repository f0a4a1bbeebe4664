import type { CharFormat, Paragraph, ParagraphFormat, StyleDef, TextRun, WordDocument } from './types.ts';
import { CHAR_FORMAT_KEYS } from './types.ts';

/**
 * Word's built-in styles as the Normal template of Word 2013-2021 defines them (Calibri 11 pt body,
 * Calibri Light headings, 8 pt after, 1.08 line spacing). Style ids are the OOXML ids ('Heading1'),
 * names the ones Word shows ('Heading 1').
 */
export function builtinStyles(): Record<string, StyleDef> {
  const heading = (
    level: number,
    size: number,
    color: string,
    before: number,
    extra: CharFormat = {},
  ): StyleDef => ({
    id: `Heading${level}`,
    name: `Heading ${level}`,
    type: 'paragraph',
    basedOn: 'Normal',
    next: 'Normal',
    quick: true,
    builtin: true,
    para: { keepNext: true, keepLines: true, spaceBefore: before, spaceAfter: 0, outlineLevel: level - 1 },
    char: { font: 'Calibri Light', size, color, ...extra },
  });
  const list: StyleDef[] = [
    { id: 'Normal', name: 'Normal', type: 'paragraph', quick: true, builtin: true },
    heading(1, 16, '2F5496', 12),
    heading(2, 13, '2F5496', 2),
    heading(3, 12, '1F3763', 2),
    heading(4, 11, '2F5496', 2, { italic: true }),
    heading(5, 11, '2F5496', 2),
    heading(6, 11, '1F3763', 2),
    {
      id: 'Title',
      name: 'Title',
      type: 'paragraph',
      basedOn: 'Normal',
      next: 'Normal',
      quick: true,
      builtin: true,
      para: { spaceAfter: 0, lineSpacing: 1, lineRule: 'auto', contextualSpacing: true },
      char: { font: 'Calibri Light', size: 28 },
    },
    {
      id: 'Subtitle',
      name: 'Subtitle',
      type: 'paragraph',
      basedOn: 'Normal',
      next: 'Normal',
      quick: true,
      builtin: true,
      char: { color: '5A5A5A', size: 11 },
    },
    {
      id: 'Quote',
      name: 'Quote',
      type: 'paragraph',
      basedOn: 'Normal',
      next: 'Normal',
      quick: true,
      builtin: true,
      para: { spaceBefore: 10, spaceAfter: 8, indentLeft: 43.2, indentRight: 43.2, align: 'center' },
      char: { italic: true, color: '404040' },
    },
    {
      id: 'IntenseQuote',
      name: 'Intense Quote',
      type: 'paragraph',
      basedOn: 'Normal',
      next: 'Normal',
      quick: true,
      builtin: true,
      para: { spaceBefore: 18, spaceAfter: 18, indentLeft: 43.2, indentRight: 43.2, align: 'center' },
      char: { italic: true, color: '4472C4' },
    },
    {
      id: 'NoSpacing',
      name: 'No Spacing',
      type: 'paragraph',
      quick: true,
      builtin: true,
      para: { spaceAfter: 0, lineSpacing: 1, lineRule: 'auto' },
    },
    {
      id: 'ListParagraph',
      name: 'List Paragraph',
      type: 'paragraph',
      basedOn: 'Normal',
      quick: true,
      builtin: true,
      para: { indentLeft: 36, contextualSpacing: true },
    },
    {
      id: 'Header',
      name: 'header',
      type: 'paragraph',
      basedOn: 'Normal',
      builtin: true,
      para: { spaceAfter: 0, lineSpacing: 1, lineRule: 'auto' },
    },
    {
      id: 'Footer',
      name: 'footer',
      type: 'paragraph',
      basedOn: 'Normal',
      builtin: true,
      para: { spaceAfter: 0, lineSpacing: 1, lineRule: 'auto' },
    },
    {
      id: 'CommentText',
      name: 'annotation text',
      type: 'paragraph',
      basedOn: 'Normal',
      builtin: true,
      para: { lineSpacing: 1, lineRule: 'auto' },
      char: { size: 10 },
    },
    { id: 'DefaultParagraphFont', name: 'Default Paragraph Font', type: 'character', builtin: true },
    {
      id: 'Hyperlink',
      name: 'Hyperlink',
      type: 'character',
      basedOn: 'DefaultParagraphFont',
      builtin: true,
      char: { color: '0563C1', underline: 'single' },
    },
    { id: 'Strong', name: 'Strong', type: 'character', quick: true, builtin: true, char: { bold: true } },
    {
      id: 'Emphasis',
      name: 'Emphasis',
      type: 'character',
      quick: true,
      builtin: true,
      char: { italic: true },
    },
    {
      id: 'SubtleEmphasis',
      name: 'Subtle Emphasis',
      type: 'character',
      quick: true,
      builtin: true,
      char: { italic: true, color: '404040' },
    },
    {
      id: 'IntenseEmphasis',
      name: 'Intense Emphasis',
      type: 'character',
      quick: true,
      builtin: true,
      char: { italic: true, color: '4472C4' },
    },
    { id: 'TableNormal', name: 'Normal Table', type: 'table', builtin: true },
    {
      id: 'TableGrid',
      name: 'Table Grid',
      type: 'table',
      basedOn: 'TableNormal',
      builtin: true,
      para: { spaceAfter: 0, lineSpacing: 1, lineRule: 'auto' },
      table: {
        borders: Object.fromEntries(
          (['top', 'left', 'bottom', 'right', 'insideH', 'insideV'] as const).map((side) => [
            side,
            { style: 'single', width: 0.5, color: 'auto', space: 0 },
          ]),
        ),
      },
    },
  ];
  return Object.fromEntries(list.map((s) => [s.id, s]));
}

/** Word's docDefaults in the Normal template (Calibri 11, 8 pt after, 1.08 lines). */
export function defaultFormats(): WordDocument['defaults'] {
  return {
    char: { font: 'Calibri', size: 11 },
    para: { spaceAfter: 8, lineSpacing: 1.08, lineRule: 'auto' },
  };
}

/** Finds a style by id or by its displayed name (case-insensitive), as the Styles pane accepts both. */
export function findStyle(doc: WordDocument, idOrName: string): StyleDef | undefined {
  const direct = doc.styles[idOrName];
  if (direct) return direct;
  const wanted = idOrName.toLowerCase().replace(/\s+/g, '');
  for (const style of Object.values(doc.styles)) {
    if (style.name.toLowerCase().replace(/\s+/g, '') === wanted || style.id.toLowerCase() === wanted)
      return style;
  }
  return undefined;
}

/** Base-first chain of styles (Normal, Heading1...), guarding against basedOn cycles. */
function styleChain(doc: WordDocument, id: string | undefined): StyleDef[] {
  const chain: StyleDef[] = [];
  let current = id === undefined ? undefined : doc.styles[id];
  while (current && chain.length < 20 && !chain.includes(current)) {
    chain.unshift(current);
    current = current.basedOn === undefined ? undefined : doc.styles[current.basedOn];
  }
  return chain;
}

function paragraphStyleId(doc: WordDocument, p: ParagraphFormat): string | undefined {
  if (p.style && doc.styles[p.style]) return p.style;
  return doc.styles['Normal'] ? 'Normal' : undefined;
}

/**
 * What a style chain gives (defaults, then each style's char or para formats), cached per style table: the
 * model never changes a StyleDef in place (a changed style is a new object, and undo copies share the old ones),
 * so an entry stays valid while the table maps the id to the same StyleDef and the defaults are the same object.
 */
interface ChainEntry {
  def: StyleDef | undefined;
  defaults: object;
  /** Another defaults object found equal to `defaults` (sameFlat), so checked by identity from then on. */
  alias: object | null;
  value: CharFormat | ParagraphFormat;
}
const chainCache = new WeakMap<object, { char: Map<string, ChainEntry>; para: Map<string, ChainEntry> }>();

/**
 * Whether two defaults objects hold the same primitive members in the same order: the app's frozen copies of a
 * document (app/derived.ts) have their own defaults objects, equal to the live document's.
 */
function sameFlat(a: object, b: object): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i]) return false;
    const va = (a as Record<string, unknown>)[k];
    if ((typeof va === 'object' && va !== null) || !Object.is(va, (b as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}

function chainFormat<K extends 'char' | 'para'>(
  doc: WordDocument,
  id: string | undefined,
  kind: K,
): K extends 'char' ? CharFormat : ParagraphFormat {
  const defaults = kind === 'char' ? doc.defaults.char : doc.defaults.para;
  let tables = chainCache.get(doc.styles);
  if (tables === undefined) {
    tables = { char: new Map(), para: new Map() };
    chainCache.set(doc.styles, tables);
  }
  const table = kind === 'char' ? tables.char : tables.para;
  const key = id ?? '';
  const def = id === undefined ? undefined : doc.styles[id];
  const hit = table.get(key);
  if (hit !== undefined && hit.def === def) {
    if (hit.defaults === defaults) return hit.value as never;
    if (hit.alias === defaults) return hit.value as never;
    if (sameFlat(hit.defaults, defaults)) {
      hit.alias = defaults;
      return hit.value as never;
    }
  }
  const value = formatCopy(defaults) as Record<string, unknown>;
  for (const style of styleChain(doc, id)) {
    const part = kind === 'char' ? style.char : style.para;
    if (part) Object.assign(value, part);
  }
  table.set(key, { def, defaults, alias: null, value });
  return value as never;
}

/**
 * A shallow copy of a format that properties will be added to. Not `{ ...format }`: V8 (Node 20) adds properties
 * to a spread copy on a slow path, ~20 times slower than to an `Object.assign` copy (format keys are plain names,
 * never `__proto__`, so the two copies are the same).
 */
export function formatCopy<T extends object>(format: T): T {
  return Object.assign({}, format);
}

/** The character formatting a paragraph's style chain gives its text (before character styles). */
export function paragraphBaseChar(doc: WordDocument, p: ParagraphFormat): CharFormat {
  return formatCopy(chainFormat(doc, paragraphStyleId(doc, p), 'char'));
}

/** The formatting a run shows: defaults < paragraph style < character style < direct formatting. */
export function effectiveCharFormat(doc: WordDocument, p: ParagraphFormat, run: CharFormat): CharFormat {
  const out = paragraphBaseChar(doc, p);
  if (run.charStyle)
    for (const style of styleChain(doc, run.charStyle)) if (style.char) Object.assign(out, style.char);
  for (const key of CHAR_FORMAT_KEYS) {
    const value = run[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  delete out.charStyle;
  if (run.charStyle) out.charStyle = run.charStyle;
  return out;
}

/** The paragraph formatting a paragraph shows: defaults < style chain < list level < direct. */
export function effectiveParagraphFormat(doc: WordDocument, p: ParagraphFormat): ParagraphFormat {
  const out: ParagraphFormat = formatCopy(chainFormat(doc, paragraphStyleId(doc, p), 'para'));
  const list = p.list ?? out.list;
  if (list) {
    const level = doc.lists[String(list.id)]?.levels[list.level];
    if (level) {
      out.indentLeft = level.indentLeft;
      out.indentFirstLine = -level.hanging;
    }
  }
  for (const key in p) {
    const value = (p as Record<string, unknown>)[key];
    if (value === undefined || key === 'type' || key === 'runs' || key === 'mark' || key === 'sectionBreak')
      continue;
    (out as Record<string, unknown>)[key] = value;
  }
  out.style = paragraphStyleId(doc, p) ?? 'Normal';
  return out;
}

/** The displayed name of a paragraph's style. */
export function styleName(doc: WordDocument, id: string | undefined): string {
  if (id === undefined) return doc.styles['Normal']?.name ?? 'Normal';
  return doc.styles[id]?.name ?? id;
}

/**
 * Removes direct properties that equal what the run would inherit anyway, so that toggling Bold off on
 * text whose style is not bold leaves no `bold: false` behind (Word stores no property either).
 */
export function pruneRedundant(doc: WordDocument, p: Paragraph, run: TextRun | CharFormat): void {
  const base = paragraphBaseChar(doc, p);
  if (run.charStyle)
    for (const style of styleChain(doc, run.charStyle)) if (style.char) Object.assign(base, style.char);
  const rec = run as Record<string, unknown>;
  for (const key of CHAR_FORMAT_KEYS) {
    if (key === 'charStyle') continue;
    const value = rec[key];
    if (value === undefined) continue;
    const inherited = (base as Record<string, unknown>)[key];
    const inheritedOff =
      inherited === undefined || inherited === false || inherited === 'none' || inherited === 'baseline';
    const valueOff = value === false || value === 'none' || value === 'baseline';
    if (value === inherited || (valueOff && inheritedOff)) delete rec[key];
  }
}
