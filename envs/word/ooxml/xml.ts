/**
 * A small element tree over fast-xml-parser (parsing) and a string builder (writing). OOXML parts
 * are read into `XElement`s that keep child order (runs, fields and comment marks depend on it) and
 * text exactly as written (`xml:space="preserve"` text must keep its spaces).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WordModelError } from '../model/index.ts';

export interface XElement {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}
export type XNode = XElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

/** A clear error for a broken package or part: code 'invalid_document', naming the part. */
export function documentError(message: string): WordModelError {
  return new WordModelError('invalid_document', message);
}

type Raw = Record<string, unknown>;

/**
 * The prefixes this package reads markup under, by namespace URI (transitional and strict). Parts
 * that bind these namespaces to other prefixes (or to the default namespace) are read as if they
 * used these, so that `w:p` means a WordprocessingML paragraph whatever the writer called it.
 */
const CANONICAL_PREFIX: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'urn:schemas-microsoft-com:office:word': 'w10',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.microsoft.com/office/word/2012/wordml': 'w15',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://schemas.openxmlformats.org/package/2006/relationships': '',
  'http://schemas.openxmlformats.org/package/2006/content-types': '',
};

/** In-scope namespace bindings: prefix ('' for the default namespace) to URI. */
type Scope = Record<string, string>;

function rename(name: string, scope: Scope, isAttribute: boolean): string {
  const i = name.indexOf(':');
  const prefix = i < 0 ? '' : name.slice(0, i);
  if (prefix === 'xml' || prefix === 'xmlns' || (isAttribute && i < 0)) return name;
  const uri = scope[prefix];
  const canonical = uri === undefined ? undefined : CANONICAL_PREFIX[uri];
  if (canonical === undefined || canonical === prefix) return name;
  const local = i < 0 ? name : name.slice(i + 1);
  return canonical === '' ? local : `${canonical}:${local}`;
}

function convert(raw: Raw[], outer: Scope): XNode[] {
  const out: XNode[] = [];
  for (const item of raw) {
    for (const key of Object.keys(item)) {
      if (key === ':@' || key === '#comment') continue;
      if (key === '#text') {
        out.push(String(item[key]));
        continue;
      }
      const rawAttrs = (item[':@'] as Record<string, string> | undefined) ?? {};
      let scope = outer;
      for (const [k, v] of Object.entries(rawAttrs)) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) {
          if (scope === outer) scope = { ...outer };
          scope[k === 'xmlns' ? '' : k.slice(6)] = v;
        }
      }
      const attrs: Record<string, string> = {};
      for (const [k, v] of Object.entries(rawAttrs)) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) {
          // Declarations follow the renaming, so verbatim fragments stay well-formed.
          const canonical = CANONICAL_PREFIX[v];
          if (canonical === undefined) attrs[k] = v;
          else attrs[canonical === '' ? 'xmlns' : `xmlns:${canonical}`] = v;
        } else attrs[rename(k, scope, true)] = v;
      }
      out.push({ name: rename(key, scope, false), attrs, children: convert(item[key] as Raw[], scope) });
    }
  }
  return out;
}

/** Parses a part; throws an 'invalid_document' error naming the part and the position of the fault. */
export function parseXml(text: string, part: string): XElement {
  const check = XMLValidator.validate(text);
  if (check !== true) {
    throw documentError(
      `${part} is not well-formed XML: ${check.err.msg} (line ${check.err.line}, column ${check.err.col})`,
    );
  }
  const root = convert(parser.parse(text) as Raw[], {}).find((n): n is XElement => typeof n !== 'string');
  if (!root) throw documentError(`${part} has no root element`);
  return root;
}

/**
 * The branch of an mc:AlternateContent a reader that knows `understood` namespace prefixes takes:
 * the first Choice whose Requires prefixes are all understood, else the Fallback.
 */
export function alternateBranch(e: XElement, understood: readonly string[]): XElement | undefined {
  for (const c of elements(e)) {
    if (c.name === 'mc:Choice') {
      const requires = (c.attrs['Requires'] ?? '').split(/\s+/).filter(Boolean);
      if (requires.every((r) => understood.includes(r))) return c;
    }
  }
  return elements(e).find((c) => c.name === 'mc:Fallback');
}

export function elements(e: XElement | undefined): XElement[] {
  if (!e) return [];
  return e.children.filter((c): c is XElement => typeof c !== 'string');
}

/** First child element with this qualified name ('w:rPr'). */
export function child(e: XElement | undefined, name: string): XElement | undefined {
  if (!e) return undefined;
  for (const c of e.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function childrenNamed(e: XElement | undefined, name: string): XElement[] {
  return elements(e).filter((c) => c.name === name);
}

/** Depth-first search for descendants with this name. */
export function descendants(e: XElement, name: string, out: XElement[] = []): XElement[] {
  for (const c of elements(e)) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

export function attr(e: XElement | undefined, name: string): string | undefined {
  return e?.attrs[name];
}

/** Text content of an element (all descendant text). */
export function textOf(e: XElement): string {
  let s = '';
  for (const c of e.children) s += typeof c === 'string' ? c : textOf(c);
  return s;
}

/**
 * An OOXML on/off property (<w:b/>, <w:b w:val="0"/>): undefined when absent, otherwise true unless
 * the value says off.
 */
export function onOff(e: XElement | undefined, valAttr = 'w:val'): boolean | undefined {
  if (!e) return undefined;
  const v = e.attrs[valAttr];
  return !(v === '0' || v === 'false' || v === 'off');
}

/** Escapes text for XML, dropping the control characters XML 1.0 cannot carry. */
/** An ST_OnOff attribute value ('1', 'true', 'on'); absent is off. */
export function isOn(v: string | undefined): boolean {
  return v === '1' || v === 'true' || v === 'on';
}

export function escapeText(s: string): string {
  return stripInvalidChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** Removes characters XML 1.0 cannot carry at all (control characters except tab, LF, CR). */
export function stripInvalidChars(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** Serialises an element back to XML (used for content kept verbatim). */
export function serialize(e: XNode): string {
  if (typeof e === 'string') return escapeText(e);
  const attrs = Object.entries(e.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  if (e.children.length === 0) return `<${e.name}${attrs}/>`;
  return `<${e.name}${attrs}>${e.children.map(serialize).join('')}</${e.name}>`;
}

export type Attrs = Record<string, string | number | undefined>;

/** Builds an element string; undefined attributes are left out. */
export function el(name: string, attrs: Attrs = {}, ...content: (string | undefined | false)[]): string {
  let a = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) a += ` ${k}="${escapeAttr(String(v))}"`;
  const inner = content.filter((c): c is string => typeof c === 'string').join('');
  return inner === '' ? `<${name}${a}/>` : `<${name}${a}>${inner}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
