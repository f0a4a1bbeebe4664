/**
 * XML reading and writing for SpreadsheetML parts: fast-xml-parser for reading (elements that can
 * repeat always come back as arrays, so one row or one cell reads like many), a string builder for
 * writing. Every parse error names the part it came from.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ExcelError } from '../model/errors.ts';

/** Elements that may occur more than once under their parent in the parts we read. */
const REPEATED = new Set([
  'sheet',
  'definedName',
  'Relationship',
  'Override',
  'Default',
  'row',
  'c',
  'si',
  'r',
  'col',
  'mergeCell',
  'dataValidation',
  'conditionalFormatting',
  'cfRule',
  'formula',
  'numFmt',
  'font',
  'fill',
  'border',
  'xf',
  'dxf',
  'filterColumn',
  'filter',
  'customFilter',
  'selection',
  'cellStyle',
  'rPh',
  // Table, drawing and chart parts.
  'tablePart',
  'tableColumn',
  'twoCellAnchor',
  'oneCellAnchor',
  'absoluteAnchor',
  'ser',
  'pt',
  'p',
  'axId',
  'catAx',
  'valAx',
  'dateAx',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  textNodeName: '#text',
  isArray: (name) => REPEATED.has(name),
});

/** A parsed element: attributes under '@name', text under '#text', children by local name. */
export type XmlNode = Record<string, unknown>;

export function fileError(message: string): ExcelError {
  return new ExcelError('BAD_FILE', message);
}

/** Parses a part, throwing BAD_FILE that names the part and where the XML breaks. */
export function parsePart(text: string, part: string): XmlNode {
  const check = XMLValidator.validate(text);
  if (check !== true) {
    throw fileError(
      `${part} is not well-formed XML: ${check.err.msg} (line ${check.err.line}, column ${check.err.col})`,
    );
  }
  return parser.parse(text) as XmlNode;
}

/** The child element(s) of a node, always as an array. */
export function kids(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const v = (node as XmlNode)[name];
  if (v === undefined || v === null) return [];
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'object' && x !== null ? (x as XmlNode) : { '#text': String(x) }));
  return [typeof v === 'object' ? (v as XmlNode) : { '#text': String(v) }];
}

export function kid(node: unknown, name: string): XmlNode | undefined {
  return kids(node, name)[0];
}

export function at(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const v = (node as XmlNode)[`@${name}`];
  return v === undefined ? undefined : String(v);
}

/** An xsd:boolean attribute ("1"/"true"); `dflt` when absent. */
export function flag(node: unknown, name: string, dflt = false): boolean {
  const v = at(node, name);
  if (v === undefined) return dflt;
  return v === '1' || v === 'true';
}

export function num(node: unknown, name: string): number | undefined {
  const v = at(node, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Text content of an element given as a node or a bare string. */
export function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node !== 'object') return String(node);
  const t = (node as XmlNode)['#text'];
  return t === undefined ? '' : String(t);
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** XML 1.0 cannot carry most control characters; Excel writes them as _xHHHH_ escapes. */
export function encodeCellText(s: string): string {
  let out = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  if (/[^\t\n\r\u0020-\uFFFF]/.test(out) || [...out].some(isXmlInvalid)) {
    out = [...out]
      .map((ch) =>
        isXmlInvalid(ch) ? `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_` : ch,
      )
      .join('');
  }
  return out;
}

function isXmlInvalid(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
}

export function decodeCellText(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export type Attrs = Record<string, string | number | boolean | undefined>;

/** Builds an element; undefined attributes are left out, booleans become 1/0. */
export function el(name: string, attrs: Attrs = {}, ...content: (string | undefined | false)[]): string {
  let a = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    a += ` ${k}="${escapeAttr(typeof v === 'boolean' ? (v ? '1' : '0') : String(v))}"`;
  }
  const inner = content.filter((c): c is string => typeof c === 'string').join('');
  return inner === '' ? `<${name}${a}/>` : `<${name}${a}>${inner}</${name}>`;
}

/** An element holding text (kept exactly, with xml:space="preserve" when it has edge spaces). */
export function textEl(name: string, value: string, attrs: Attrs = {}): string {
  const preserve = /^\s|\s$/.test(value) || value.includes('\n') ? { 'xml:space': 'preserve' } : {};
  return `${el(name, { ...attrs, ...preserve }).replace(/\/>$/, '>')}${escapeText(encodeCellText(value))}</${name}>`;
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  relOfficeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  relWorksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  relStyles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  relSharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  relTable: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  relDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  relChart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
} as const;
