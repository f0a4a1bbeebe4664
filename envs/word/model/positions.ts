import { WordModelError, invalidArgument } from './errors.ts';
import { paragraphLength } from './runs.ts';
import type {
  Block,
  HeaderFooter,
  PageBreak,
  Paragraph,
  Position,
  SectionSetup,
  Selection,
  Shape,
  Table,
  WordDocument,
} from './types.ts';

export type CaretBlock = Paragraph | PageBreak;

export interface CaretBlockRef {
  path: number[];
  block: CaretBlock;
}

/** Every section setup in order: those ending at paragraphs with sectionBreak, then doc.section. */
export function sections(doc: WordDocument): SectionSetup[] {
  const out: SectionSetup[] = [];
  for (const b of doc.body) if (b.type === 'paragraph' && b.sectionBreak) out.push(b.sectionBreak);
  out.push(doc.section);
  return out;
}

/** Index of the section that contains top-level body block `index`. */
export function sectionIndexOfBlock(doc: WordDocument, index: number): number {
  let s = 0;
  for (let i = 0; i < index && i < doc.body.length; i++) {
    const b = doc.body[i]!;
    if (b.type === 'paragraph' && b.sectionBreak) s++;
  }
  return s;
}

/** Finds a shape anywhere in the document (body, tables, headers, footers, other shapes). */
export function findShape(doc: WordDocument, id: string): Shape | undefined {
  let found: Shape | undefined;
  const visit = (blocks: Block[]): void => {
    for (const b of blocks) {
      if (found) return;
      if (b.type === 'paragraph') {
        for (const r of b.runs) {
          if (r.kind === 'shape') {
            if (r.shape.id === id) {
              found = r.shape;
              return;
            }
            visit(r.shape.blocks);
          }
        }
      } else if (b.type === 'table') {
        for (const row of b.rows) for (const cell of row.cells) visit(cell.blocks);
      }
    }
  };
  visit(doc.body);
  for (const s of sections(doc)) {
    for (const hf of [...Object.values(s.headers), ...Object.values(s.footers)]) if (hf) visit(hf.blocks);
  }
  return found;
}

const STORY_RE = /^(header|footer):(default|first|even):(\d+)$/;

/** The block list of a story (see Selection.story). */
export function storyBlocks(doc: WordDocument, story: string | undefined): Block[] {
  if (story === undefined || story === 'body') return doc.body;
  const m = STORY_RE.exec(story);
  if (m) {
    const section = sections(doc)[Number(m[3])];
    if (!section) throw invalidArgument(`story ${story}: the document has no section ${m[3]}`);
    const hf: HeaderFooter | undefined = (m[1] === 'header' ? section.headers : section.footers)[
      m[2] as 'default' | 'first' | 'even'
    ];
    if (!hf) throw invalidArgument(`story ${story}: that section has no ${m[2]} ${m[1]}`);
    return hf.blocks;
  }
  if (story.startsWith('shape:')) {
    const shape = findShape(doc, story.slice(6));
    if (!shape) throw invalidArgument(`story ${story}: no shape with id ${story.slice(6)}`);
    if (shape.blocks.length === 0) shape.blocks.push({ type: 'paragraph', runs: [] });
    return shape.blocks;
  }
  throw invalidArgument(
    `unknown story ${JSON.stringify(story)} (expected body, header:<type>:<n>, footer:..., shape:<id>)`,
  );
}

/** Resolves a path to its block, or throws a clear error. */
export function blockAt(blocks: Block[], path: readonly number[]): Block {
  let list = blocks;
  let i = 0;
  for (;;) {
    const block = list[path[i]!];
    if (!block) throw new WordModelError('invalid_state', `no block at path [${path.join(', ')}]`);
    if (i === path.length - 1) return block;
    if (block.type !== 'table')
      throw new WordModelError('invalid_state', `path [${path.join(', ')}] goes through a non-table`);
    const cell = block.rows[path[i + 1]!]?.cells[path[i + 2]!];
    if (!cell) throw new WordModelError('invalid_state', `no table cell at path [${path.join(', ')}]`);
    list = cell.blocks;
    i += 3;
  }
}

/** The block list that directly contains the block at `path`. */
export function containerAt(blocks: Block[], path: readonly number[]): Block[] {
  if (path.length === 1) return blocks;
  const table = blockAt(blocks, path.slice(0, -3)) as Table;
  return table.rows[path[path.length - 3]!]!.cells[path[path.length - 2]!]!.blocks;
}

export function paragraphAt(blocks: Block[], path: readonly number[]): Paragraph {
  const b = blockAt(blocks, path);
  if (b.type !== 'paragraph')
    throw new WordModelError('invalid_state', `block at [${path.join(', ')}] is a ${b.type}`);
  return b;
}

/** Caret-able blocks (paragraphs and page breaks) in document order, descending into tables. */
export function caretBlocks(
  blocks: Block[],
  prefix: number[] = [],
  out: CaretBlockRef[] = [],
): CaretBlockRef[] {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'table') {
      for (let r = 0; r < b.rows.length; r++) {
        const cells = b.rows[r]!.cells;
        for (let c = 0; c < cells.length; c++) caretBlocks(cells[c]!.blocks, [...prefix, i, r, c], out);
      }
    } else out.push({ path: [...prefix, i], block: b });
  }
  return out;
}

/** All paragraphs of a block list in document order (table cells included). */
export function allParagraphs(blocks: Block[]): { path: number[]; paragraph: Paragraph }[] {
  const out: { path: number[]; paragraph: Paragraph }[] = [];
  for (const ref of caretBlocks(blocks))
    if (ref.block.type === 'paragraph') out.push({ path: ref.path, paragraph: ref.block });
  return out;
}

export function blockLength(b: CaretBlock): number {
  return b.type === 'paragraph' ? paragraphLength(b) : 0;
}

export function comparePaths(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function comparePositions(a: Position, b: Position): number {
  return comparePaths(a.path, b.path) || a.offset - b.offset;
}

export function samePath(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function pos(path: number[], offset: number): Position {
  return { path, offset };
}

export function isCollapsed(sel: Selection): boolean {
  return sel.anchor.offset === sel.focus.offset && samePath(sel.anchor.path, sel.focus.path);
}

/** The selection's ends in document order. */
export function selectionRange(sel: Selection): { start: Position; end: Position } {
  return comparePositions(sel.anchor, sel.focus) <= 0
    ? { start: sel.anchor, end: sel.focus }
    : { start: sel.focus, end: sel.anchor };
}

export function firstPosition(blocks: Block[]): Position {
  const first = caretBlocks(blocks)[0];
  if (!first) throw new WordModelError('invalid_state', 'story has no paragraph');
  return pos(first.path, 0);
}

export function lastPosition(blocks: Block[]): Position {
  const all = caretBlocks(blocks);
  const last = all[all.length - 1];
  if (!last) throw new WordModelError('invalid_state', 'story has no paragraph');
  return pos(last.path, blockLength(last.block));
}

/** Index of `path` in a caretBlocks list (-1 when absent). */
export function indexOfPath(list: CaretBlockRef[], path: readonly number[]): number {
  for (let i = 0; i < list.length; i++) if (samePath(list[i]!.path, path)) return i;
  return -1;
}

/** The innermost table around a path: its path, and the row/cell indexes. */
export function tableContext(
  path: readonly number[],
): { tablePath: number[]; row: number; cell: number } | null {
  if (path.length < 4) return null;
  const n = path.length;
  return { tablePath: path.slice(0, n - 4 + 1), row: path[n - 3]!, cell: path[n - 2]! };
}

/** Throws unless a position points at an existing caret block and a valid offset. */
export function checkPosition(blocks: Block[], p: Position, what = 'position'): void {
  if (
    !p ||
    !Array.isArray(p.path) ||
    p.path.length === 0 ||
    p.path.some((n) => !Number.isInteger(n) || n < 0)
  ) {
    throw invalidArgument(`${what} must be {path: number[], offset: number}, got ${JSON.stringify(p)}`);
  }
  if ((p.path.length - 1) % 3 !== 0)
    throw invalidArgument(`${what} path [${p.path.join(', ')}] has a bad length`);
  let b: Block;
  try {
    b = blockAt(blocks, p.path);
  } catch (e) {
    throw invalidArgument(`${what}: ${(e as Error).message}`);
  }
  if (b.type === 'table')
    throw invalidArgument(`${what} path [${p.path.join(', ')}] points at a table, not a paragraph`);
  const len = blockLength(b);
  if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > len) {
    throw invalidArgument(
      `${what} offset ${p.offset} is outside 0..${len} of the block at [${p.path.join(', ')}]`,
    );
  }
}
