/**
 * The OPC package: the ZIP container (fflate, synchronous), relationship parts and
 * [Content_Types].xml, for reading and for writing.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { XElement } from './xml.ts';
import { XML_DECLARATION, attr, childrenNamed, documentError, el, parseXml } from './xml.ts';

export const NS = {
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  coreProps: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
} as const;

/** Relationship types of the parts the Word document uses. */
export const REL = {
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  numbering: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering',
  settings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings',
  header: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
  footer: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  commentsExtended: 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  theme: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
} as const;

export const CONTENT_TYPES = {
  document: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  numbering: 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml',
  settings: 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
  comments: 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
  commentsExtended: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** An opened package: part names (no leading slash) to bytes. */
export class PackageReader {
  private readonly files: Record<string, Uint8Array>;
  private readonly contentTypes: { defaults: Record<string, string>; overrides: Record<string, string> };

  constructor(bytes: Uint8Array) {
    if (!(bytes instanceof Uint8Array))
      throw documentError('a .docx must be given as bytes (Uint8Array or Buffer)');
    if (
      bytes.length >= 4 &&
      bytes[0] === 0xd0 &&
      bytes[1] === 0xcf &&
      bytes[2] === 0x11 &&
      bytes[3] === 0xe0
    ) {
      throw documentError(
        'not a .docx file: this is an OLE compound file (a legacy binary .doc, or a password-protected .docx)',
      );
    }
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw documentError('not a .docx file: the data is not a ZIP archive (it does not start with "PK")');
    }
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes);
    } catch (e) {
      throw documentError(`not a .docx file: the ZIP archive is damaged (${(e as Error).message})`);
    }
    this.files = {};
    // Part names are case-insensitive (OPC); keep a lower-case index.
    for (const [name, data] of Object.entries(files))
      this.files[name.replace(/^\/+/, '').toLowerCase()] = data;
    this.contentTypes = { defaults: {}, overrides: {} };
    const ct = this.xml('[Content_Types].xml');
    if (ct) {
      for (const d of childrenNamed(ct, 'Default')) {
        const ext = attr(d, 'Extension');
        const type = attr(d, 'ContentType');
        if (ext && type) this.contentTypes.defaults[ext.toLowerCase()] = type;
      }
      for (const o of childrenNamed(ct, 'Override')) {
        const part = attr(o, 'PartName');
        const type = attr(o, 'ContentType');
        if (part && type) this.contentTypes.overrides[part.replace(/^\/+/, '').toLowerCase()] = type;
      }
    }
  }

  has(part: string): boolean {
    return this.files[part.toLowerCase()] !== undefined;
  }

  bytes(part: string): Uint8Array | undefined {
    return this.files[part.toLowerCase()];
  }

  text(part: string): string | undefined {
    const data = this.bytes(part);
    if (!data) return undefined;
    let s = strFromU8(data);
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    return s;
  }

  /** The parsed part, or undefined when the package has no such part. */
  xml(part: string): XElement | undefined {
    const text = this.text(part);
    return text === undefined ? undefined : parseXml(text, part);
  }

  contentType(part: string): string | undefined {
    const key = part.toLowerCase();
    const override = this.contentTypes.overrides[key];
    if (override) return override;
    const ext = key.slice(key.lastIndexOf('.') + 1);
    return this.contentTypes.defaults[ext];
  }

  /** Relationships of a part ('' for the package), with targets resolved to part names. */
  rels(part: string): Relationship[] {
    const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
    const file = part.slice(dir.length);
    const relsPart = `${dir}_rels/${file}.rels`;
    const root = this.xml(relsPart);
    if (!root) return [];
    return childrenNamed(root, 'Relationship').map((r) => {
      const external = attr(r, 'TargetMode') === 'External';
      const target = attr(r, 'Target') ?? '';
      return {
        id: attr(r, 'Id') ?? '',
        type: attr(r, 'Type') ?? '',
        target: external ? target : resolvePartName(dir, target),
        external,
      };
    });
  }
}

/**
 * The first relationship of a type. Strict OOXML files use other URIs for the same types
 * (http://purl.oclc.org/ooxml/officeDocument/relationships/styles), so the last segment decides.
 */
export function findRel(rels: Relationship[], type: string): Relationship | undefined {
  const tail = type.slice(type.lastIndexOf('/'));
  return rels.find((r) => r.type === type) ?? rels.find((r) => r.type.endsWith(tail));
}

/** Resolves a relationship target against the directory of its source part. */
export function resolvePartName(dir: string, target: string): string {
  const decoded = safeDecode(target);
  const segments = (decoded.startsWith('/') ? decoded.slice(1) : dir + decoded).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Relationships of one source part being written. */
export class RelsWriter {
  private readonly list: Relationship[] = [];

  add(type: string, target: string, external = false): string {
    const existing = this.list.find((r) => r.type === type && r.target === target && r.external === external);
    if (existing) return existing.id;
    const id = `rId${this.list.length + 1}`;
    this.list.push({ id, type, target, external });
    return id;
  }

  get size(): number {
    return this.list.length;
  }

  toXml(): string {
    const rels = this.list.map((r) =>
      el('Relationship', {
        Id: r.id,
        Type: r.type,
        Target: r.target,
        TargetMode: r.external ? 'External' : undefined,
      }),
    );
    return XML_DECLARATION + el('Relationships', { xmlns: NS.rels }, ...rels);
  }
}

/** Collects parts and content types, then zips them. */
export class PackageWriter {
  private readonly files: Record<string, Uint8Array> = {};
  private readonly defaults: Record<string, string> = {
    rels: CONTENT_TYPES.rels,
    xml: 'application/xml',
  };
  private readonly overrides: Record<string, string> = {};

  /** Adds a part; a content type equal to the extension's default needs no override. */
  add(part: string, data: string | Uint8Array, contentType?: string): void {
    this.files[part] = typeof data === 'string' ? strToU8(data) : data;
    if (contentType === undefined) return;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    if (this.defaults[ext] === contentType) return;
    if (this.defaults[ext] === undefined && !['xml', 'rels'].includes(ext) && !part.endsWith('.xml')) {
      this.defaults[ext] = contentType;
      return;
    }
    this.overrides[`/${part}`] = contentType;
  }

  has(part: string): boolean {
    return this.files[part] !== undefined;
  }

  /** A part name not yet used, from a wanted one ('word/media/image1.png' -> 'word/media/image1_2.png'). */
  freeName(wanted: string): string {
    if (!this.has(wanted)) return wanted;
    const dot = wanted.lastIndexOf('.');
    const stem = dot < 0 ? wanted : wanted.slice(0, dot);
    const ext = dot < 0 ? '' : wanted.slice(dot);
    for (let i = 2; ; i++) if (!this.has(`${stem}_${i}${ext}`)) return `${stem}_${i}${ext}`;
  }

  addRels(part: string, rels: RelsWriter): void {
    if (rels.size === 0) return;
    const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
    this.add(`${dir}_rels/${part.slice(dir.length)}.rels`, rels.toXml());
  }

  zip(): Uint8Array {
    const types = [
      ...Object.entries(this.defaults).map(([ext, type]) =>
        el('Default', { Extension: ext, ContentType: type }),
      ),
      ...Object.entries(this.overrides).map(([part, type]) =>
        el('Override', { PartName: part, ContentType: type }),
      ),
    ];
    const contentTypes = XML_DECLARATION + el('Types', { xmlns: NS.contentTypes }, ...types);
    // [Content_Types].xml first, as Office writes it (some readers sniff the first entry).
    const ordered: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(contentTypes) };
    for (const [name, data] of Object.entries(this.files)) ordered[name] = data;
    // A fixed timestamp keeps exports of the same document byte-identical.
    return zipSync(ordered, { level: 6, mtime: new Date('2024-01-01T00:00:00Z') });
  }
}
