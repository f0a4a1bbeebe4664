/**
 * Small XML layer over fast-xml-parser: a reader that gives an ordered element tree with namespace prefixes
 * normalised to the usual OOXML ones (a:, p:, r:…, whatever prefixes the producer chose) and with
 * mc:AlternateContent already resolved, and a writer of escaped element strings.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PresentationError } from '../model/errors.ts';

export const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  p14: 'http://schemas.microsoft.com/office/powerpoint/2010/main',
  p15: 'http://schemas.microsoft.com/office/powerpoint/2012/main',
  p159: 'http://schemas.microsoft.com/office/powerpoint/2015/09/main',
  a14: 'http://schemas.microsoft.com/office/drawing/2010/main',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

/** Strict OOXML (ISO 29500 strict) namespaces mean the same elements. */
const STRICT: Readonly<Record<string, string>> = {
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://purl.oclc.org/ooxml/presentationml/main': 'p',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
};

const CANONICAL: ReadonlyMap<string, string> = new Map([
  ...Object.entries(NS).map(([prefix, uri]) => [uri, prefix] as [string, string]),
  ...Object.entries(STRICT),
]);

/** Extension namespaces whose mc:Choice branches the reader understands. */
const UNDERSTOOD = new Set(['p14', 'p15', 'p159', 'a14']);

export interface XNode {
  /** Normalised qualified name, e.g. "p:sp", "a:t". */
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Concatenated character data directly inside this element. */
  text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function qualify(name: string, scope: Map<string, string>, isAttr: boolean): string {
  const colon = name.indexOf(':');
  if (colon < 0) {
    if (isAttr) return name;
    const uri = scope.get('');
    const prefix = uri === undefined ? undefined : CANONICAL.get(uri);
    return prefix ? `${prefix}:${name}` : name;
  }
  const prefix = name.slice(0, colon);
  if (prefix === 'xmlns' || prefix === 'xml') return name;
  const uri = scope.get(prefix);
  const canonical = uri === undefined ? undefined : CANONICAL.get(uri);
  return `${canonical ?? prefix}:${name.slice(colon + 1)}`;
}

function convert(
  raw: RawNode[],
  parentScope: Map<string, string>,
  out: XNode[],
  textSink: { text: string },
): void {
  for (const item of raw) {
    const key = Object.keys(item).find((k) => k !== ':@');
    if (key === undefined) continue;
    if (key === '#text') {
      textSink.text += String(item[key]);
      continue;
    }
    if (key === '#comment') continue;
    const rawAttrs = item[':@'] ?? {};
    let scope = parentScope;
    for (const [k, v] of Object.entries(rawAttrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (scope === parentScope) scope = new Map(parentScope);
        scope.set(k === 'xmlns' ? '' : k.slice(6), v);
      }
    }
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      attrs[qualify(k, scope, true)] = v;
    }
    const name = qualify(key, scope, false);
    const kids = (item[key] as RawNode[]) ?? [];
    if (name === 'mc:AlternateContent') {
      const branch = chooseBranch(kids, scope);
      if (branch) convert(branch.kids, branch.scope, out, textSink);
      continue;
    }
    const node: XNode = { name, attrs, children: [], text: '' };
    convert(kids, scope, node.children, node);
    out.push(node);
  }
}

/** The first mc:Choice whose required namespaces are all understood, else mc:Fallback. */
function chooseBranch(
  kids: RawNode[],
  scope: Map<string, string>,
): { kids: RawNode[]; scope: Map<string, string> } | null {
  let fallback: { kids: RawNode[]; scope: Map<string, string> } | null = null;
  for (const item of kids) {
    const key = Object.keys(item).find((k) => k !== ':@');
    if (!key || key === '#text') continue;
    const attrs = item[':@'] ?? {};
    let local = scope;
    for (const [k, v] of Object.entries(attrs)) {
      if (k.startsWith('xmlns:')) {
        if (local === scope) local = new Map(scope);
        local.set(k.slice(6), v);
      }
    }
    const name = qualify(key, local, false);
    const branch = { kids: (item[key] as RawNode[]) ?? [], scope: local };
    if (name === 'mc:Choice') {
      const requires = (attrs.Requires ?? '').split(/\s+/).filter(Boolean);
      const ok = requires.every((prefix) => {
        const uri = local.get(prefix);
        const canonical = uri === undefined ? undefined : CANONICAL.get(uri);
        return canonical !== undefined && UNDERSTOOD.has(canonical);
      });
      if (ok) return branch;
    } else if (name === 'mc:Fallback') {
      fallback = branch;
    }
  }
  return fallback;
}

/** Parses an XML part into its root element. */
export function parseXml(xml: string, partName: string): XNode {
  // The parser itself accepts unclosed elements; a truncated or hand-broken part must be refused instead.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new PresentationError(
      'INVALID_PPTX',
      `${partName} is not well-formed XML: ${msg} (line ${line}, column ${col})`,
    );
  }
  let raw: RawNode[];
  try {
    raw = parser.parse(xml) as RawNode[];
  } catch (e) {
    throw new PresentationError(
      'INVALID_PPTX',
      `${partName} is not well-formed XML: ${(e as Error).message}`,
    );
  }
  const roots: XNode[] = [];
  convert(raw, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), roots, { text: '' });
  const root = roots[0];
  if (!root) throw new PresentationError('INVALID_PPTX', `${partName} has no root element`);
  return root;
}

export function child(node: XNode | undefined, name: string): XNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function children(node: XNode | undefined, name: string): XNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Follows a path of child names ("p:cSld", "p:spTree"). */
export function path(node: XNode | undefined, ...names: string[]): XNode | undefined {
  let cur = node;
  for (const n of names) cur = child(cur, n);
  return cur;
}

/** All descendants with this name, in document order. */
export function descendants(node: XNode | undefined, name: string): XNode[] {
  const out: XNode[] = [];
  const walk = (n: XNode): void => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  if (node) walk(node);
  return out;
}

export function intAttr(node: XNode | undefined, name: string): number | undefined {
  const v = node?.attrs[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** OOXML booleans: "1"/"true" and "0"/"false". */
export function boolAttr(node: XNode | undefined, name: string): boolean | undefined {
  const v = node?.attrs[name];
  if (v === undefined) return undefined;
  return v === '1' || v === 'true' || v === 'on';
}

// ---------------------------------------------------------------------------------------------------- writer

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 cannot carry at all.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeText(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export type Attrs = Record<string, string | number | boolean | undefined | null>;

/** An element: attributes with undefined/null values are left out; booleans become "1"/"0". */
export function el(
  name: string,
  attrs: Attrs = {},
  ...content: (string | false | null | undefined)[]
): string {
  let open = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    const value = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
    open += ` ${k}="${escapeAttr(value)}"`;
  }
  const body = content.filter((c): c is string => typeof c === 'string' && c !== '').join('');
  return body === '' ? `${open}/>` : `${open}>${body}</${name}>`;
}

/** The namespace declarations of a PresentationML part. */
export const PML_NAMESPACES: Attrs = { 'xmlns:a': NS.a, 'xmlns:r': NS.r, 'xmlns:p': NS.p };
