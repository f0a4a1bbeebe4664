/**
 * The Word app driven through OfficeEnv.step as a LAM drives it: ribbon commands, dialogs, shortcuts, the mouse
 * on the document, UFO's Word APIs, invalid actions, and UFO's own sample tasks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEnv, make } from 'gymnasium-ts';
import { OFFICE_APPS, registerOfficeEnvs } from '../../envs/apps.ts';
import { setWordFileWriter, type SavedFile } from '../../envs/word/index.ts';
import { driver, para } from './helpers.ts';

const REPORT = {
  document: {
    body: [
      'The quick brown fox jumps over the lazy dog.',
      'Second paragraph here.',
      {
        table: [
          ['a', 'b'],
          ['c', 'd'],
        ],
      },
      'After the table.',
    ],
  },
};

describe('Word ribbon', () => {
  it('shows the tabs of Word for Microsoft 365, and the table tabs only in a table', () => {
    const d = driver(REPORT);
    for (const t of ['Home', 'Insert', 'Design', 'Layout', 'References', 'Review', 'View'])
      expect(d.has(t, 'TabItem')).toBe(true);
    expect(d.has('File Tab')).toBe(true);
    expect(d.has('Table Design')).toBe(false);
    d.call('select_table', { number: 1 });
    expect(d.has('Table Design', 'TabItem')).toBe(true);
    expect(d.has('Table Layout', 'TabItem')).toBe(true);
    d.act('Table Layout');
    d.act('Insert Below');
    // With the whole table selected, Word inserts as many rows as are selected.
    expect((d.body()[2] as { rows: number }).rows).toBe(4);
    d.act('Insert Right');
    expect((d.body()[2] as { columns: number }).columns).toBe(4);
  });

  it('Home > Font: Bold, Italic, Underline, Strikethrough, Font, Font Size, Font Color, Text Highlight Color', () => {
    const d = driver(REPORT);
    d.call('select_text', { text: 'quick brown' });
    d.act('Bold');
    d.act('Italic');
    d.act('Underline', 'click_input', undefined, 'Button');
    d.act('Strikethrough');
    d.act('Font', 'set_edit_text', { text: 'Arial' }, 'ComboBox');
    d.act('Font Size', 'set_edit_text', { text: '14' }, 'ComboBox');
    d.act('Font Color'); // the main part applies the last colour, red by default
    d.act('Text Highlight Color');
    const run = (para(d).runs as Record<string, unknown>[]).find((r) => r.text === 'quick brown')!;
    expect(run).toMatchObject({
      bold: true,
      italic: true,
      underline: 'single',
      strike: true,
      font: 'Arial',
      size: 14,
      color: 'FF0000',
      highlight: 'yellow',
    });
    // The toggles report their state for the selection.
    expect(d.obs.controls.find((c) => c.control_text === 'Bold')!.selected).toBe(true);
    // A colour from the Font Color menu (the arrow part is the second 'Font Color' button).
    const arrows = d.obs.controls.filter((c) => c.control_text === 'Font Color');
    d.env.step({
      thought: '',
      control_label: arrows[1]!.label,
      control_text: 'Font Color',
      function: 'click_input',
      args: {},
      status: 'CONTINUE',
      plan: [],
    });
    d.obs = d.env.observe();
    d.act('Blue');
    expect((para(d).runs as Record<string, unknown>[]).find((r) => r.text === 'quick brown')!.color).toBe(
      '0070C0',
    );
  });

  it('Home > Paragraph: Bullets, Numbering, alignment and line spacing', () => {
    const d = driver(REPORT);
    d.call('select_paragraph', { start_index: 1, end_index: 2 });
    d.act('Numbering', 'click_input', undefined, 'Button');
    expect(para(d, 0).list).toMatchObject({ kind: 'number', label: '1.' });
    expect(para(d, 1).list).toMatchObject({ kind: 'number', label: '2.' });
    d.act('Bullets', 'click_input', undefined, 'Button');
    expect(para(d, 0).list).toMatchObject({ kind: 'bullet' });
    d.act('Center');
    expect(para(d, 0).align).toBe('center');
    d.act('Align Right');
    expect(para(d, 1).align).toBe('right');
    d.act('Justify');
    expect(para(d, 0).align).toBe('justify');
    d.act('Align Left');
    expect(para(d, 0).align).toBeUndefined();
    d.act('Line and Paragraph Spacing');
    d.act('1.5');
    expect(para(d, 0).line_spacing).toBe(1.5);
  });

  it('Home > Styles gallery and Editing: Find (navigation pane) and Replace (dialog)', () => {
    const d = driver(REPORT);
    d.act('Heading 1', 'click_input', undefined, 'ListItem');
    expect(para(d).style).toBe('Heading 1');
    d.act('Find', 'click_input', undefined, 'Button');
    expect(d.has('Search document', 'Edit')).toBe(true);
    d.act('Search document', 'set_edit_text', { text: 'lazy' });
    d.act('Search document', 'keyboard_input', { keys: '{ENTER}' });
    expect((d.canvas().selection as { text: string }).text).toBe('lazy');
    d.act('Replace');
    expect(d.obs.window).toContain('Word');
    d.act('Find what:', 'set_edit_text', { text: 'paragraph' }, 'Edit');
    d.act('Replace with:', 'set_edit_text', { text: 'line' }, 'Edit');
    const info = d.act('Replace All');
    expect(info.result).toEqual({ replaced: 1 });
    expect(para(d, 1).text).toBe('Second line here.');
  });

  it('Insert: Table grid, Insert Table dialog, Page Break, Header, Page Number, Text Box, Link, Comment, Symbol', () => {
    const d = driver({ document: { body: ['Hello world'] } });
    d.act('Insert');
    d.act('Table', 'click_input', undefined, 'Button');
    d.act('3x2 Table');
    const table = d.body().find((b) => (b as { type: string }).type === 'table') as {
      rows: number;
      columns: number;
    };
    expect(table).toMatchObject({ rows: 2, columns: 3 });
    d.keys('^{END}');
    d.act('Insert');
    d.act('Table');
    d.act('Insert Table...');
    d.act('Number of columns:', 'set_edit_text', { text: '2' }, 'Edit');
    d.act('Number of rows:', 'set_edit_text', { text: '4' }, 'Edit');
    d.act('OK');
    expect(d.body().filter((b) => (b as { type: string }).type === 'table')).toHaveLength(2);
    d.keys('^{END}');
    d.act('Page Break');
    expect(
      d
        .body()
        .some(
          (b) =>
            (b as { type: string }).type === 'page_break' || (b as { type: string }).type === 'pageBreak',
        ),
    ).toBe(true);
    d.act('Page Number');
    d.act('Bottom of Page');
    d.act('Plain Number 2');
    const footer = (d.canvas().sections as { footers: { default: { text: string } } }[])[0]!.footers.default;
    expect(footer.text).toBe('1');
    d.act('Header');
    d.act('Edit Header');
    d.keys('My{SPACE}header');
    d.act('Close Header and Footer');
    expect(
      (d.canvas().sections as { headers: { default: { text: string } } }[])[0]!.headers.default.text,
    ).toBe('My header');
    d.call('select_text', { text: 'Hello' });
    d.act('Insert');
    d.act('Link');
    d.act('Address:', 'set_edit_text', { text: 'https://example.com' }, 'Edit');
    d.act('OK');
    const link = JSON.stringify(d.body());
    expect(link).toContain('https://example.com');
    d.call('select_text', { text: 'world' });
    d.act('Comment');
    expect((d.canvas().comments as unknown[]).length).toBe(1);
    d.act('Start a conversation', 'set_edit_text', { text: 'Check this' }, 'Edit');
    d.act('Post comment');
    d.keys('^{HOME}');
    d.act('Symbol');
    d.act('©');
    expect(JSON.stringify(d.body())).toContain('©');
    d.act('Text Box');
    d.act('Simple Text Box');
    expect(JSON.stringify(d.canvas())).toContain('Type a quote from the document');
  });

  it('Design: Watermark presets, Page Color, Page Borders dialog', () => {
    const d = driver(REPORT);
    d.act('Design');
    d.act('Watermark');
    d.act('DRAFT 1');
    expect(d.canvas().watermark).toMatchObject({ type: 'text', text: 'DRAFT' });
    d.act('Page Color');
    d.act('Light Blue');
    expect(d.canvas().page_color).toBe('00B0F0');
    d.act('Page Borders');
    expect(d.has('Page Border', 'TabItem')).toBe(true);
    d.act('Box');
    d.act('OK');
    expect(JSON.stringify((d.canvas().sections as unknown[])[0])).toContain('page_borders');
  });

  it('Layout: Margins, Orientation, Size, Columns and the Page Setup dialog', () => {
    const d = driver(REPORT);
    d.act('Layout');
    d.act('Margins');
    d.act('Narrow');
    const section = () => (d.canvas().sections as Record<string, unknown>[])[0]!;
    expect(section().margins_in).toMatchObject({ top: 0.5, left: 0.5 });
    d.act('Orientation');
    d.act('Landscape');
    expect(section().orientation).toBe('landscape');
    d.act('Size');
    d.act('A4');
    expect(section().size).toBe('A4');
    d.act('Columns');
    d.act('Two');
    expect(section().columns).toBe(2);
    d.act('Page Setup');
    d.act('Top:', 'set_edit_text', { text: '1.5"' }, 'Edit');
    d.act('Portrait');
    d.act('OK');
    expect(section()).toMatchObject({ orientation: 'portrait', margins_in: { top: 1.5 } });
  });

  it('Review: Word Count dialog and comments; View: Navigation Pane and Ruler', () => {
    const d = driver(REPORT);
    d.act('Review');
    d.act('Word Count');
    expect(d.obs.controls.length).toBeGreaterThan(0);
    const tree = JSON.stringify(d.env.controlStateTree());
    expect(tree).toContain('Words 19');
    d.act('Close', 'click_input', undefined, 'Button');
    d.act('View');
    // Ribbon check boxes are CheckBox controls: in the control tree, not in UFO's filtered list.
    expect(d.has('Navigation Pane')).toBe(false);
    expect(JSON.stringify(d.env.controlStateTree())).toContain(
      '"control_text":"Navigation Pane","control_type":"CheckBox","selected":false',
    );
    d.act('Read Mode');
    expect(d.state().view.mode).toBe('read');
    expect(d.obs.controls.find((c) => c.control_text === 'Read Mode')!.selected).toBe(true);
  });
});

describe('Word dialogs', () => {
  it('Font dialog applies font, style, size, colour and effects', () => {
    const d = driver(REPORT);
    d.call('select_text', { text: 'lazy dog' });
    d.act('Font Settings');
    d.act('Font:', 'set_edit_text', { text: 'Georgia' }, 'ComboBox');
    d.act('Font style:', 'set_edit_text', { text: 'Bold Italic' }, 'ComboBox');
    d.act('Size:', 'set_edit_text', { text: '16' }, 'ComboBox');
    d.act('Font color:');
    d.act('Green');
    d.act('OK');
    const run = (para(d).runs as Record<string, unknown>[]).find((r) => r.text === 'lazy dog')!;
    expect(run).toMatchObject({ font: 'Georgia', bold: true, italic: true, size: 16, color: '00B050' });
  });

  it("Paragraph dialog sets alignment and spacing; a bad value shows Word's message and changes nothing", () => {
    const d = driver(REPORT);
    d.act('Paragraph Settings');
    d.act('Alignment:');
    d.act('Centered');
    d.act('Before:', 'set_edit_text', { text: '12 pt' }, 'Edit');
    d.act('OK');
    expect(para(d)).toMatchObject({ align: 'center', space_before: 12 });
    d.act('Paragraph Settings');
    d.act('After:', 'set_edit_text', { text: '5000' }, 'Edit');
    d.act('OK');
    expect(d.has('The entry must be between 0 pt and 1584 pt.')).toBe(false); // message boxes list their OK button
    expect(d.env.view().activeScope).toBe('#message');
    d.keys('{ENTER}');
    d.keys('{ESC}');
    expect(d.env.view().activeScope).toBe('main');
    expect(para(d).space_after).not.toBe(5000);
  });

  it('Borders and Shading, Save As and Symbol dialogs', () => {
    const saved: SavedFile[] = [];
    const previous = setWordFileWriter((_doc, target) => saved.push(target));
    try {
      const d = driver(REPORT);
      d.act('Borders', 'click_input', undefined, 'Button');
      const arrows = d.obs.controls.filter((c) => c.control_text === 'Borders');
      expect(arrows.length).toBeGreaterThan(0);
      d.keys('{ESC}');
      d.act('File Tab');
      d.act('Save As');
      d.act('File name:', 'set_edit_text', { text: 'minutes' }, 'Edit');
      d.act('Save as type:');
      d.act('PDF (*.pdf)');
      d.act('Save');
      expect(d.state().file.saved).toEqual({ file_dir: 'Documents', file_name: 'minutes', file_ext: 'pdf' });
      expect(saved).toEqual([{ file_dir: 'Documents', file_name: 'minutes', file_ext: 'pdf' }]);
      expect(d.obs.window).toBe('minutes - Word');
    } finally {
      setWordFileWriter(previous);
    }
  });
});

describe('Word keyboard and mouse', () => {
  it('Ctrl+B/I/U and Ctrl+E/L/R/J format the selection; Ctrl+Z/Y undo and redo', () => {
    const d = driver(REPORT);
    d.call('select_text', { text: 'quick' });
    d.keys('^b^i^u');
    expect((para(d).runs as Record<string, unknown>[]).find((r) => r.text === 'quick')).toMatchObject({
      bold: true,
      italic: true,
      underline: 'single',
    });
    d.keys('^e');
    expect(para(d).align).toBe('center');
    d.keys('^r');
    expect(para(d).align).toBe('right');
    d.keys('^j');
    expect(para(d).align).toBe('justify');
    d.keys('^l');
    expect(para(d).align).toBeUndefined();
    d.keys('^z');
    expect(para(d).align).toBe('justify');
    d.keys('^y');
    expect(para(d).align).toBeUndefined();
  });

  it('typing, Enter, Backspace, arrows, Shift+arrows, Home/End, Ctrl+A, Ctrl+Enter', () => {
    const d = driver({ document: { body: ['abc'] } });
    d.keys('{END}');
    d.keys('def');
    expect(para(d).text).toBe('abcdef');
    d.keys('{BACKSPACE}');
    expect(para(d).text).toBe('abcde');
    d.keys('{HOME}+{RIGHT}+{RIGHT}');
    expect((d.canvas().selection as { text: string }).text).toBe('ab');
    d.keys('X');
    expect(para(d).text).toBe('Xcde');
    d.keys('{LEFT}{ENTER}');
    expect(d.body().map((p) => (p as { text?: string }).text)).toEqual(['', 'Xcde']);
    d.keys('^a');
    expect((d.canvas().selection as { text: string }).text).toContain('Xcde');
    d.keys('^{END}^{ENTER}');
    expect(d.body().length).toBeGreaterThan(2);
  });

  it('Ctrl+F opens the navigation pane and Ctrl+H the Replace dialog', () => {
    const d = driver(REPORT);
    d.keys('^f');
    expect(d.has('Search document')).toBe(true);
    d.keys('^h');
    expect(d.has('Replace with:')).toBe(true);
    d.keys('{ESC}');
    expect(d.has('Replace with:')).toBe(false);
  });

  it('a click on the document moves the caret; a double click selects a word', () => {
    const d = driver(REPORT);
    const doc = d.obs.controls.find((c) => c.control_type === 'Document')!;
    // Point at the middle of the first line of text (1" margin, page centred in the document area).
    const pageLeft = doc.rect.left + (doc.rect.right - doc.rect.left - 816) / 2;
    const x = (pageLeft + 96 + 60 - 0) / 1920;
    const y = (doc.rect.top + 20 + 96 + 6) / 1040; // fractions of the 1920×1040 window
    const info = d.call('click_on_coordinates', { x, y, button: 'left', double: true });
    expect(info.error).toBeUndefined();
    const sel = d.canvas().selection as { text: string; start: { paragraph: number } };
    expect(sel.start.paragraph).toBe(1);
    expect(sel.text.trim().length).toBeGreaterThan(0);
    expect('The quick brown fox jumps over the lazy dog.').toContain(sel.text.trim());
  });
});

describe("UFO's Word APIs", () => {
  it('select_text, insert_table, select_table, select_paragraph, set_font and save_as', () => {
    const d = driver(REPORT);
    expect(d.call('select_text', { text: 'brown fox' }).error).toBeUndefined();
    expect((d.canvas().selection as { text: string }).text).toBe('brown fox');
    expect(d.call('set_font', { font_name: 'Arial', font_size: 20 }).error).toBeUndefined();
    expect((para(d).runs as Record<string, unknown>[]).find((r) => r.text === 'brown fox')).toMatchObject({
      font: 'Arial',
      size: 20,
    });
    expect(d.call('select_paragraph', { start_index: 2, end_index: 2 }).error).toBeUndefined();
    expect((d.canvas().selection as { text: string }).text).toContain('Second paragraph here.');
    expect(d.call('select_table', { number: 1 }).error).toBeUndefined();
    expect(d.has('Table Design', 'TabItem')).toBe(true);
    d.keys('^{HOME}');
    expect(d.call('insert_table', { rows: 3, columns: 2 }).error).toBeUndefined();
    expect(d.body().filter((b) => (b as { type: string }).type === 'table')).toHaveLength(2);
    const info = d.call('save_as', { file_dir: 'C:\\out', file_name: 'report', file_ext: '.docx' });
    expect(info.error).toBeUndefined();
    expect(d.state().file.saved).toEqual({ file_dir: 'C:\\out', file_name: 'report', file_ext: 'docx' });
    expect((d.canvas().file as { saved: unknown }).saved).toEqual({
      file_dir: 'C:\\out',
      file_name: 'report',
      file_ext: 'docx',
    });
  });

  it('invalid actions change nothing and say why', () => {
    const d = driver(REPORT);
    const before = structuredClone(d.env.state);
    const cases: [string, Record<string, unknown>, string][] = [
      ['select_text', { text: 'no such words' }, 'not found'],
      ['select_table', { number: 5 }, 'out of range'],
      ['select_paragraph', { start_index: 40, end_index: 41 }, 'out of range'],
      ['set_font', {}, 'font_name or a font_size'],
      ['insert_table', { rows: 0, columns: 2 }, 'rows'],
      ['save_as', { file_ext: '.exe' }, 'cannot save'],
      ['click_input', { button: 'left' }, ''],
    ];
    for (const [fn, args, message] of cases) {
      const info = d.call(fn, args);
      expect(info.error, fn).toBeTypeOf('string');
      expect(String(info.error)).toContain(message);
      expect(d.env.state).toEqual(before);
    }
    const bad = d.env.step({
      thought: '',
      control_label: '999',
      control_text: 'Bold',
      function: 'click_input',
      args: {},
      status: 'CONTINUE',
      plan: [],
    });
    expect(bad[4].error).toBeTypeOf('string');
    expect(d.env.state).toEqual(before);
    // A disabled control: References' Insert Footnote is not simulated.
    d.obs = bad[0];
    d.act('References');
    expect(d.tryAct('Insert Footnote').error).toMatch(/disabled/);
  });
});

describe('Word-v0', () => {
  it('is registered, and passes gymnasium-ts checkEnv', () => {
    registerOfficeEnvs();
    expect(Object.keys(OFFICE_APPS)).toContain('word');
    const env = make('Word-v0', { template: 'report' });
    checkEnv(env.unwrapped as never);
    env.close();
  });
});

describe("UFO's sample tasks", () => {
  const task = (file: string) =>
    JSON.parse(readFileSync(new URL(`../fixtures/ufo/${file}`, import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;

  it("task 5: turn the line of text 'text to edit' into a bulleted list (select_text, then Bullets)", () => {
    const record = task('result-5.json') as {
      instantiation_result: {
        prefill: {
          result: {
            instantiated_plan: { Function: string; Args: Record<string, unknown>; ControlText: string }[];
          };
        };
      };
    };
    const plan = record.instantiation_result.prefill.result.instantiated_plan;
    const d = driver('bulleted');
    for (const step of plan) {
      if (step.ControlText === '') expect(d.call(step.Function, step.Args).error).toBeUndefined();
      else d.act(step.ControlText, step.Function, step.Args, 'Button');
    }
    expect(para(d)).toMatchObject({ text: 'text to edit', list: { kind: 'bullet' } });
  });

  it('task 108: put a watermark on all pages (Design > Watermark > Custom Watermark > Text watermark > OK)', () => {
    const d = driver('line-of-text');
    d.act('Design');
    d.act('Watermark');
    d.act('Custom Watermark...');
    d.act('Text watermark');
    d.act('Text:', 'set_edit_text', { text: 'CONFIDENTIAL' }, 'ComboBox');
    d.act('OK');
    expect(d.canvas().watermark).toMatchObject({
      type: 'text',
      text: 'CONFIDENTIAL',
      layout: 'diagonal',
      color: 'C0C0C0',
      semitransparent: true,
    });
  });
});
