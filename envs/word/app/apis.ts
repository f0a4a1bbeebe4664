/**
 * UFO's Word app APIs (the COM-backed functions of ufo/automator/app_apis/word/wordclient.py): select_text,
 * insert_table, select_table (v1.2.0) and select_paragraph, set_font, save_as (v2.0.0). They are called with no
 * control; arguments are checked by the zod schemas before `run`.
 */
import { z } from 'zod';
import type { ApiDecl, CommandContext, Outcome } from '../../office/index.ts';
import {
  FONT_SIZES,
  WordModelError,
  bodyTables,
  insertTable,
  selectParagraph,
  selectTable,
  selectText,
  setFont,
  allParagraphs,
} from '../model/index.ts';
import { paintSelection } from './commands.ts';
import { bumpRevision } from './derived.ts';
import { FONT_NAMES } from './ribbon.ts';
import { saveAs } from './save.ts';
import type { WordState } from './state.ts';

type Args = Readonly<Record<string, unknown>>;

/** `run` with the model's refusals as the step's error, after bumping `kind` (null: the document is left alone). */
function modelCall(
  run: (ctx: CommandContext<WordState>, args: Args) => Outcome,
  kind: 'content' | 'selection' | null = 'content',
): ApiDecl<WordState>['run'] {
  return (ctx, args) => {
    if (kind !== null) bumpRevision(kind);
    try {
      return run(ctx, args);
    } catch (error) {
      if (error instanceof WordModelError) return { error: error.message };
      throw error;
    }
  };
}

const count = z.number().int();

export const wordApis: Readonly<Record<string, ApiDecl<WordState>>> = {
  select_text: {
    summary: '"select_text" selects the first occurrence of the given text in the document.',
    usage: [
      '[1] API call: select_text(text: str)',
      '[2] Args:',
      "  - text: The text to select (found as Word's Find finds it, ignoring case).",
      '[3] Example: select_text(text="Hello World")',
      '[4] Available control item: No control item is needed.',
      '[5] Return: A message saying whether the text was selected.',
    ].join('\n'),
    args: z.strictObject({ text: z.string().min(1, 'the text to select is empty') }),
    label: 'Select',
    undo: 'none',
    run: modelCall((ctx, a) => {
      const text = a.text as string;
      if (!selectText(ctx.state.doc, text))
        return { error: `the text '${text}' was not found in the document` };
      const painting = ctx.state.painter !== null && ctx.state.painter !== undefined;
      paintSelection(ctx.state);
      return { result: painting ? `selected '${text}' and pasted the formatting` : `selected '${text}'` };
    }, 'selection'),
    sample: (rng, s) => {
      const words = allParagraphs(s.doc.body).flatMap((p) =>
        p.paragraph.runs.flatMap((r) =>
          r.kind === undefined ? r.text.split(/\s+/).filter((w) => w.length > 1) : [],
        ),
      );
      if (words.length === 0) return null;
      return { text: words[Number(rng.integers(0, words.length))]! };
    },
  },
  insert_table: {
    summary: '"insert_table" inserts a table at the caret.',
    usage: [
      '[1] API call: insert_table(rows: int, columns: int)',
      '[2] Args:',
      '  - rows: The number of rows (1 to 32767).',
      '  - columns: The number of columns (1 to 63).',
      '[3] Example: insert_table(rows=2, columns=3)',
      '[4] Available control item: No control item is needed.',
      '[5] Return: The table inserted.',
    ].join('\n'),
    args: z.strictObject({ rows: count.min(1).max(32767), columns: count.min(1).max(63) }),
    label: 'Insert Table',
    run: modelCall((ctx, a) => {
      insertTable(ctx.state.doc, a.rows as number, a.columns as number);
      return { result: `inserted a ${String(a.rows)}x${String(a.columns)} table` };
    }),
    sample: (rng) => ({ rows: Number(rng.integers(1, 5)), columns: Number(rng.integers(1, 5)) }),
  },
  select_table: {
    summary: '"select_table" selects the n-th table of the document (1-based).',
    usage: [
      '[1] API call: select_table(number: int)',
      '[2] Args:',
      '  - number: The table number, 1 for the first table.',
      '[3] Example: select_table(number=1)',
      '[4] Available control item: No control item is needed.',
      '[5] Return: The table selected.',
    ].join('\n'),
    args: z.strictObject({ number: count }),
    label: 'Select Table',
    undo: 'none',
    run: modelCall((ctx, a) => {
      selectTable(ctx.state.doc, a.number as number);
      return { result: `selected table ${String(a.number)}` };
    }, 'selection'),
    sample: (rng, s) => {
      const n = bodyTables(s.doc).length;
      return n === 0 ? null : { number: Number(rng.integers(1, n + 1)) };
    },
  },
  select_paragraph: {
    summary: '"select_paragraph" selects paragraphs start_index to end_index (1-based; -1 is the last one).',
    usage: [
      '[1] API call: select_paragraph(start_index: int, end_index: int, non_empty: bool = True)',
      '[2] Args:',
      '  - start_index: The first paragraph to select, 1 for the first one.',
      '  - end_index: The last paragraph to select; -1 selects to the end of the document.',
      '  - non_empty: Count only paragraphs with text (Default: True).',
      '[3] Example: select_paragraph(start_index=1, end_index=3, non_empty=True)',
      '[4] Available control item: No control item is needed.',
      '[5] Return: The paragraphs selected.',
    ].join('\n'),
    args: z.strictObject({ start_index: count, end_index: count, non_empty: z.boolean().default(true) }),
    label: 'Select',
    undo: 'none',
    run: modelCall((ctx, a) => {
      selectParagraph(ctx.state.doc, a.start_index as number, a.end_index as number, a.non_empty !== false);
      return { result: `selected paragraphs ${String(a.start_index)} to ${String(a.end_index)}` };
    }, 'selection'),
    sample: (rng, s) => {
      const n = allParagraphs(s.doc.body).filter((p) => p.paragraph.runs.length > 0).length;
      if (n === 0) return null;
      const start = Number(rng.integers(1, n + 1));
      return { start_index: start, end_index: Number(rng.integers(start, n + 1)), non_empty: true };
    },
  },
  set_font: {
    summary: '"set_font" sets the font name and/or size of the selected text.',
    usage: [
      '[1] API call: set_font(font_name: str = None, font_size: int = None)',
      '[2] Args:',
      '  - font_name: The font, e.g. "Arial" (Default: None, unchanged).',
      '  - font_size: The size in points, e.g. 12 (Default: None, unchanged).',
      '[3] Example: set_font(font_name="Times New Roman", font_size=12)',
      '[4] Available control item: No control item is needed.',
      '[5] Return: The font set.',
    ].join('\n'),
    args: z.strictObject({
      font_name: z.string().nullable().optional(),
      font_size: z.number().min(1).max(1638).nullable().optional(),
    }),
    label: 'Font',
    run: modelCall((ctx, a) => {
      setFont(
        ctx.state.doc,
        a.font_name as string | null | undefined,
        a.font_size as number | null | undefined,
      );
      return { result: 'font set' };
    }),
    sample: (rng) => ({
      font_name: FONT_NAMES[Number(rng.integers(0, FONT_NAMES.length))]!,
      font_size: FONT_SIZES[Number(rng.integers(0, FONT_SIZES.length))]!,
    }),
  },
  save_as: {
    summary: '"save_as" saves the document under a folder, a file name and a format.',
    usage: [
      '[1] API call: save_as(file_dir: str = "", file_name: str = "", file_ext: str = "")',
      '[2] Args:',
      '  - file_dir: The folder (Default: "", the folder it was last saved in).',
      '  - file_name: The file name without extension (Default: "", the current name).',
      '  - file_ext: The format: ".docx", ".pdf", ".txt", ... (Default: "", the current format).',
      '[3] Example: save_as(file_dir="C:\\\\Users\\\\me\\\\Documents", file_name="report", file_ext=".pdf")',
      '[4] Available control item: No control item is needed.',
      '[5] Return: Where the document was saved.',
    ].join('\n'),
    args: z.strictObject({
      file_dir: z.string().default(''),
      file_name: z.string().default(''),
      file_ext: z.string().default(''),
    }),
    label: 'Save As',
    undo: 'none',
    // Saving records the file and reads the document: no revision moves.
    run: modelCall((ctx, a) => saveAs(ctx, a), null),
    sample: (rng) => ({ file_dir: '', file_name: `doc${Number(rng.integers(0, 10))}`, file_ext: '.docx' }),
  },
};
