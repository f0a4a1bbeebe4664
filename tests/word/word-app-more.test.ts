/** More of Word's commands through OfficeEnv.step: clipboard, case, symbols, borders, saving, the mouse. */
import { describe, expect, it } from 'vitest';
import { createWordState, wordApp } from '../../envs/word/index.ts';
import { driver, para } from './helpers.ts';

const DOC = { document: { body: ['alpha beta gamma', 'second line'] } };

function docPoint(d: ReturnType<typeof driver>, xPt: number, line: number): { x: number; y: number } {
  const doc = d.obs.controls.find((c) => c.control_type === 'Document')!;
  const pageLeft = doc.rect.left + (doc.rect.right - doc.rect.left - 816) / 2;
  // 1" margins; Normal text: 11 pt × 1.22 × 1.08 line height, 8 pt after each paragraph.
  const lineHeight = 11 * 1.22 * 1.08;
  const yPt = 72 + line * (lineHeight + 8) + lineHeight / 2;
  return { x: (pageLeft + 96 + (xPt * 96) / 72) / 1920, y: (doc.rect.top + 20 + (yPt * 96) / 72) / 1040 };
}

describe('Word: clipboard, case and clearing formats', () => {
  it('Cut, Copy and Paste (ribbon and Ctrl+X/C/V)', () => {
    const d = driver(DOC);
    d.call('select_text', { text: 'beta ' });
    d.act('Cut');
    expect(para(d).text).toBe('alpha gamma');
    d.keys('{END}');
    d.act('Paste');
    expect(para(d).text).toBe('alpha gammabeta ');
    d.call('select_text', { text: 'alpha' });
    d.keys('^c{END}^v');
    expect(para(d).text).toBe('alpha gammabeta alpha');
  });

  it('Change Case and Clear All Formatting', () => {
    const d = driver(DOC);
    d.call('select_text', { text: 'beta' });
    d.act('Change Case');
    d.act('UPPERCASE');
    expect(para(d).text).toBe('alpha BETA gamma');
    d.keys('^b');
    expect(JSON.stringify(para(d).runs)).toContain('"bold":true');
    d.act('Clear All Formatting');
    expect(para(d).runs).toBeUndefined();
  });

  it('Text Highlight Color menu and Grow/Shrink Font', () => {
    const d = driver(DOC);
    d.call('select_text', { text: 'gamma' });
    const arrow = d.obs.controls.filter((c) => c.control_text === 'Text Highlight Color')[1]!;
    d.env.step({
      thought: '',
      control_label: arrow.label,
      control_text: arrow.control_text,
      function: 'click_input',
      args: {},
      status: 'CONTINUE',
      plan: [],
    });
    d.obs = d.env.observe();
    d.act('Bright Green');
    d.act('Increase Font Size');
    const run = (para(d).runs as Record<string, unknown>[]).find((r) => r.text === 'gamma')!;
    expect(run).toMatchObject({ highlight: 'brightGreen', size: 12 });
  });
});

describe('Word: more dialogs', () => {
  it('Symbol dialog inserts the chosen symbol (double click on it presses Insert)', () => {
    const d = driver(DOC);
    d.act('Insert');
    d.act('Symbol');
    d.act('More Symbols...');
    d.act('€', 'click_input', { button: 'left', double: true });
    expect(para(d).text).toBe('€alpha beta gamma');
  });

  it('Borders and Shading dialog: a box border and shading on the paragraph', () => {
    const d = driver(DOC);
    const arrow = d.obs.controls.filter((c) => c.control_text === 'Borders')[1]!;
    d.env.step({
      thought: '',
      control_label: arrow.label,
      control_text: 'Borders',
      function: 'click_input',
      args: {},
      status: 'CONTINUE',
      plan: [],
    });
    d.obs = d.env.observe();
    d.act('Borders and Shading...');
    d.act('Box');
    d.act('Shading', 'click_input', undefined, 'TabItem');
    d.act('Fill:');
    d.act('Yellow');
    d.act('OK');
    expect(para(d).borders).toMatchObject({ top: { style: 'single' }, bottom: { style: 'single' } });
    expect(para(d).shading).toBe('FFFF00');
  });

  it('Ctrl+S on a new document opens Save As; F12 too; Save then saves in place', () => {
    const d = driver(DOC);
    d.keys('^s');
    expect(d.has('File name:')).toBe(true);
    d.act('File name:', 'set_edit_text', { text: 'notes' }, 'Edit');
    d.act('Save');
    expect(d.state().file.saved).toMatchObject({ file_name: 'notes', file_ext: 'docx' });
    d.keys('x^s');
    expect(d.state().file.saves).toHaveLength(2);
    d.keys('{F12}');
    expect(d.has('Save as type:')).toBe(true);
    d.act('Cancel');
    expect(d.has('Save as type:')).toBe(false);
  });

  it('Find and Replace: Find Next selects the next match and keeps the dialog open', () => {
    const d = driver({ document: { body: ['one two one two'] } });
    d.act('Find', 'click_input', undefined, 'Button');
    d.act('Search document', 'set_edit_text', { text: 'x' });
    d.keys('{ESC}');
    const arrow = d.obs.controls.filter((c) => c.control_text === 'Find')[1]!;
    d.env.step({
      thought: '',
      control_label: arrow.label,
      control_text: 'Find',
      function: 'click_input',
      args: {},
      status: 'CONTINUE',
      plan: [],
    });
    d.obs = d.env.observe();
    d.act('Advanced Find...');
    d.act('Find what:', 'set_edit_text', { text: 'two' }, 'Edit');
    d.act('Find Next');
    const first = d.canvas().selection as { start: { offset: number }; text: string };
    expect(first).toMatchObject({ text: 'two', start: { offset: 4 } });
    d.act('Find Next');
    expect((d.canvas().selection as { start: { offset: number } }).start.offset).toBe(12);
    expect(d.has('Find what:')).toBe(true);
  });
});

describe('Word: the mouse on the document', () => {
  it('a click puts the caret under the pointer; Shift+click extends the selection', () => {
    const d = driver(DOC);
    const p = docPoint(d, 0, 1);
    expect(d.call('click_on_coordinates', { ...p, button: 'left', double: false }).error).toBeUndefined();
    const sel = d.canvas().selection as { collapsed: boolean; start: { paragraph: number; offset: number } };
    expect(sel).toMatchObject({ collapsed: true, start: { paragraph: 2, offset: 0 } });
    const doc = d.obs.controls.find((c) => c.control_type === 'Document')!;
    // click_input on the document clicks its centre, below the text: the caret goes to the end of the text.
    d.act(doc.control_text, 'click_input', { button: 'left', double: false, pressed: 'SHIFT' });
    const extended = d.canvas().selection as { collapsed: boolean; text: string };
    expect(extended.collapsed).toBe(false);
    expect(extended.text).toBe('second line');
  });

  it('right click opens the context menu; its items act on the selection', () => {
    const d = driver(DOC);
    d.call('select_text', { text: 'alpha' });
    const doc = d.obs.controls.find((c) => c.control_type === 'Document')!;
    d.act(doc.control_text, 'click_input', { button: 'right', double: false });
    expect(d.has('Paste')).toBe(true);
    expect(d.has('Font...')).toBe(true);
  });
});

describe('Word state and canvas', () => {
  it('createWordState rejects bad templates with a clear message', () => {
    expect(() => createWordState('nope')).toThrow(/unknown Word template 'nope'/);
    expect(() => createWordState({ body: [{ text: 'x', style: 42 }] })).toThrow(
      /bad Word template|invalid document spec/,
    );
    expect(() => createWordState(5)).toThrow(/template name, a document spec or a document/);
  });

  it('templates are copies: changing one episode does not leak into the next', () => {
    const a = createWordState('report');
    a.doc.body.pop();
    const b = createWordState('report');
    expect(b.doc.body.length).toBe(a.doc.body.length + 1);
    const canvas = wordApp.canvas(b) as { body: unknown[]; file: unknown; selection: unknown };
    expect(canvas.body.length).toBe(b.doc.body.length);
    expect(canvas.file).toEqual({ name: 'report', format: 'docx', saved: null });
  });
});

describe("UFO's task 102: the Compatibility Mode indicator", () => {
  it('a .doc document shows Compatibility Mode in the title and on File > Info; summary answers', () => {
    const d = driver({ name: '102.doc', document: { body: ['Legacy text'] } });
    expect(d.obs.window).toBe('102 [Compatibility Mode] - Word');
    d.act('File Tab');
    expect(JSON.stringify(d.env.controlStateTree())).toContain('"control_text":"Compatibility Mode"');
    const info = d.call('summary', { text: "The document is in '102 - Compatibility Mode'." });
    expect(info.error).toBeUndefined();
    expect(d.env.answers).toEqual(["The document is in '102 - Compatibility Mode'."]);
  });
});
