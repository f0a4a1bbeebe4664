/**
 * The OPC package: a zip of parts with [Content_Types].xml and _rels. fflate's synchronous zip is used so that
 * export and import can run inside a synchronous env.step (jszip only offers async generation).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PresentationError } from '../model/errors.ts';
import { children, el, NS, parseXml, XML_DECLARATION } from './xml.ts';
import type { XNode } from './xml.ts';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties:
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  slide: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide',
  slideLayout: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout',
  slideMaster: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster',
  notesSlide: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide',
  notesMaster: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster',
  theme: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  presProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/presProps',
  viewProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/viewProps',
  tableStyles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/tableStyles',
} as const;

export const CONTENT_TYPE = {
  presentation: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  template: 'application/vnd.openxmlformats-officedocument.presentationml.template.main+xml',
  slideshow: 'application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml',
  slide: 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml',
  slideLayout: 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml',
  slideMaster: 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml',
  notesSlide: 'application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml',
  notesMaster: 'application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  presProps: 'application/vnd.openxmlformats-officedocument.presentationml.presProps+xml',
  viewProps: 'application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml',
  tableStyles: 'application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** Absolute part name without a leading slash ("ppt/slides/slide1.xml"), or the URL when external. */
  target: string;
  external: boolean;
}

/** Parts of a package being written, with their content types and relationships. */
export class PackageWriter {
  private readonly parts = new Map<string, Uint8Array>();
  private readonly overrides = new Map<string, string>();
  private readonly defaults = new Map<string, string>([
    ['rels', CONTENT_TYPE.rels],
    ['xml', 'application/xml'],
  ]);

  addXml(name: string, contentType: string | null, xml: string): void {
    this.parts.set(name, strToU8(XML_DECLARATION + xml));
    if (contentType) this.overrides.set(name, contentType);
  }

  addBinary(name: string, extension: string, contentType: string, data: Uint8Array): void {
    this.parts.set(name, data);
    this.defaults.set(extension, contentType);
  }

  /** Writes `<part dir>/_rels/<part file>.rels`; targets are given relative to the source part. */
  addRels(sourcePart: string, rels: { id: string; type: string; target: string }[]): void {
    const slash = sourcePart.lastIndexOf('/');
    const dir = slash < 0 ? '' : sourcePart.slice(0, slash + 1);
    const file = sourcePart.slice(slash + 1);
    const body = rels.map((r) => el('Relationship', { Id: r.id, Type: r.type, Target: r.target })).join('');
    this.addXml(`${dir}_rels/${file}.rels`, null, el('Relationships', { xmlns: NS.rel }, body));
  }

  toZip(): Uint8Array {
    const types =
      [...this.defaults].map(([ext, ct]) => el('Default', { Extension: ext, ContentType: ct })).join('') +
      [...this.overrides]
        .map(([part, ct]) => el('Override', { PartName: `/${part}`, ContentType: ct }))
        .join('');
    const files: Record<string, Uint8Array> = {
      '[Content_Types].xml': strToU8(XML_DECLARATION + el('Types', { xmlns: NS.ct }, types)),
    };
    for (const [name, data] of this.parts) files[name] = data;
    // A fixed timestamp keeps exports byte-for-byte reproducible.
    return zipSync(files, { level: 6, mtime: new Date('2024-01-01T00:00:00Z') });
  }
}

/** A package being read. */
export class PackageReader {
  private readonly files: Record<string, Uint8Array>;
  private readonly xmlCache = new Map<string, XNode>();

  constructor(bytes: Uint8Array) {
    try {
      this.files = unzipSync(bytes);
    } catch (e) {
      throw new PresentationError(
        'INVALID_PPTX',
        `not a .pptx file (not a zip archive): ${(e as Error).message}`,
      );
    }
    if (!this.files['[Content_Types].xml']) {
      throw new PresentationError('INVALID_PPTX', 'not a .pptx file: the archive has no [Content_Types].xml');
    }
  }

  has(part: string): boolean {
    return this.files[part] !== undefined;
  }

  binary(part: string): Uint8Array | undefined {
    return this.files[part];
  }

  xml(part: string): XNode {
    const cached = this.xmlCache.get(part);
    if (cached) return cached;
    const data = this.files[part];
    if (!data) throw new PresentationError('INVALID_PPTX', `the package has no part ${part}`);
    let text = strFromU8(data);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const node = parseXml(text, part);
    this.xmlCache.set(part, node);
    return node;
  }

  /** The relationships of a part (empty when it has none). */
  rels(part: string): Relationship[] {
    const slash = part.lastIndexOf('/');
    const dir = slash < 0 ? '' : part.slice(0, slash + 1);
    const relsPart = `${dir}_rels/${part.slice(slash + 1)}.rels`;
    if (!this.has(relsPart)) return [];
    return children(this.xml(relsPart), 'rel:Relationship').map((r) => {
      const external = r.attrs.TargetMode === 'External';
      const raw = r.attrs.Target ?? '';
      return {
        id: r.attrs.Id ?? '',
        type: r.attrs.Type ?? '',
        target: external ? raw : resolvePartName(dir, raw),
        external,
      };
    });
  }

  relTarget(part: string, id: string): string | undefined {
    return this.rels(part).find((r) => r.id === id)?.target;
  }

  relsOfType(part: string, type: string): Relationship[] {
    return this.rels(part).filter((r) => r.type === type || r.type.endsWith(`/${type.split('/').pop()}`));
  }
}

/** Resolves a relationship target against the source part's folder ("../slideLayouts/x.xml", "/ppt/x.xml"). */
export function resolvePartName(dir: string, target: string): string {
  const decoded = decodeURI(target);
  const segments = (decoded.startsWith('/') ? decoded.slice(1) : dir + decoded).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}
