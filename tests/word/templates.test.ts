/**
 * .docx templates (a task's `template` naming a Word file) and real saves (`outputDir`): import, caching by
 * modification time, clear errors for missing, broken and rights-protected files, and saved files that re-import
 * to the document the agent left.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { make } from 'gymnasium-ts';
import type { OfficeAction } from '../../envs/office/index.ts';
import { makeWordEnv, registerWord } from '../../envs/word/index.ts';
import * as W from '../../envs/word/model/index.ts';
import type { WordDocument } from '../../envs/word/model/index.ts';
import { exportDocx, readDocxFile } from '../../envs/word/ooxml/index.ts';

const UFO = join(import.meta.dirname, '../fixtures/ufo');
const dir = mkdtempSync(join(tmpdir(), 'lamgym-templates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, doc: WordDocument): string {
  const path = join(dir, name);
  writeFileSync(path, exportDocx(doc));
  return path;
}

function texts(doc: WordDocument): string[] {
  return W.allParagraphs(doc.body).map((p) => W.paragraphText(p.paragraph));
}

/** The document's content: everything but the editing state. */
function content(doc: WordDocument): unknown {
  const { selection: _s, pending: _p, nextId: _n, ...rest } = doc;
  return rest;
}

function api(fn: string, args: Record<string, unknown>): OfficeAction {
  return {
    thought: '',
    control_label: '',
    control_text: '',
    function: fn,
    args,
    status: 'CONTINUE',
    plan: [],
  };
}

describe('.docx templates', () => {
  const letter = write(
    'letter.docx',
    W.createDocument({ body: [{ text: 'Dear reader', style: 'Heading1' }, 'Body text here.'] }),
  );

  it('opens a template by absolute path, with the file name in the title bar', () => {
    const env = makeWordEnv({ template: letter });
    const [obs] = env.reset();
    expect(obs.window).toBe('letter - Word');
    expect(texts(env.state.doc)).toEqual(['Dear reader', 'Body text here.']);
    expect(env.state.file).toMatchObject({ name: 'letter', format: 'docx', saved: null });
  });

  it('reads relative paths from templateDir, also through Word-v0 and task records', () => {
    registerWord();
    const env = make('Word-v0', { templateDir: dir }).unwrapped as ReturnType<typeof makeWordEnv>;
    env.reset({ options: { task: { task: 'Edit the letter', template: 'letter.docx' } } });
    expect(texts(env.state.doc)).toEqual(['Dear reader', 'Body text here.']);
    expect(env.request).toBe('Edit the letter');
  });

  it('keeps named templates and specs working beside file paths', () => {
    const env = makeWordEnv({ templateDir: dir });
    env.reset({ options: { template: 'line-of-text' } });
    expect(texts(env.state.doc)).toEqual(['text to edit']);
    env.reset({ options: { template: { body: ['spec'] } } });
    expect(texts(env.state.doc)).toEqual(['spec']);
  });

  it('gives every episode a fresh copy of the template', () => {
    const env = makeWordEnv({ template: letter });
    env.reset();
    env.step(api('select_text', { text: 'Dear' }));
    env.step({ ...api('', {}), function: 'keyboard_input', args: { keys: 'Hello', control_focus: false } });
    expect(texts(env.state.doc)[0]).toBe('Hello reader');
    env.reset();
    expect(texts(env.state.doc)[0]).toBe('Dear reader');
  });

  it('re-imports a template whose file changed', () => {
    const path = write('changing.docx', W.createDocument({ body: ['first version'] }));
    const env = makeWordEnv({ template: path });
    env.reset();
    expect(texts(env.state.doc)).toEqual(['first version']);
    write('changing.docx', W.createDocument({ body: ['second version, longer'] }));
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later);
    env.reset();
    expect(texts(env.state.doc)).toEqual(['second version, longer']);
  });

  it('names the file when it is missing, broken or not a .docx package', () => {
    const env = makeWordEnv({ templateDir: dir });
    expect(() => env.reset({ options: { template: 'nowhere.docx' } })).toThrow(
      `Word template file not found: ${join(dir, 'nowhere.docx')} (template 'nowhere.docx', relative to templateDir ${dir})`,
    );
    writeFileSync(join(dir, 'broken.docx'), 'this is not a zip file');
    expect(() => env.reset({ options: { template: 'broken.docx' } })).toThrow(
      new RegExp(
        `cannot use ${join(dir, 'broken.docx').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} as a Word template: .+`,
      ),
    );
    const bytes = exportDocx(W.createDocument({ body: ['x'] }));
    writeFileSync(join(dir, 'truncated.docx'), bytes.subarray(0, bytes.length >> 1));
    expect(() => env.reset({ options: { template: 'truncated.docx' } })).toThrow(
      /truncated\.docx as a Word template/,
    );
    expect(() => env.reset({ options: { template: dir + '/' } })).toThrow(/is not a file/);
  });

  it("says why UFO's own v1.2.0 templates cannot be opened: they are rights-managed (IRM) packages", () => {
    for (const name of ['template1.docx', 'template2.docx']) {
      const env = makeWordEnv({ templateDir: UFO, template: name });
      expect(() => env.reset()).toThrow(
        `cannot use ${join(UFO, name)} as a Word template: it is a rights-managed (IRM/Azure RMS) Word document`,
      );
    }
  });
});

describe('saving real files with outputDir', () => {
  it('save_as writes a .docx that re-imports to the document, and records the path in the canvas', () => {
    const out = join(dir, 'out-api');
    const env = makeWordEnv({ template: 'report', outputDir: out });
    env.reset();
    env.step(api('select_text', { text: 'Quarterly Report' }));
    env.step({
      ...api('', {}),
      function: 'keyboard_input',
      args: { keys: 'Annual{SPACE}Report', control_focus: false },
    });
    const [obs, , , , info] = env.step(
      api('save_as', { file_dir: 'C:\\Users\\me\\Documents', file_name: 'annual', file_ext: '.docx' }),
    );
    const path = join(out, 'annual.docx');
    expect(info.error).toBeUndefined();
    expect(info.result).toBe(`saved as C:\\Users\\me\\Documents/annual.docx (written to ${path})`);
    expect((obs.canvas as { file: unknown }).file).toMatchObject({
      name: 'annual',
      saved: { file_dir: 'C:\\Users\\me\\Documents', file_name: 'annual', file_ext: 'docx', path },
    });
    const back = readDocxFile(path);
    expect(texts(back)[0]).toBe('Annual Report');
    expect(content(back)).toEqual(content(env.state.doc));
  });

  it('File > Save As and then Save (Ctrl+S) write through the dialog as well', () => {
    const out = join(dir, 'out-dialog');
    const env = makeWordEnv({ template: { body: ['dialog text'] }, outputDir: out });
    let [obs] = env.reset();
    const act = (text: string, fn = 'click_input', args: Record<string, unknown> = {}): void => {
      const control = obs.controls.find((c) => c.control_text === text);
      expect(control, `a visible '${text}'`).toBeDefined();
      const [next, , , , info] = env.step({
        ...api(fn, args),
        control_label: control!.label,
        control_text: text,
      });
      expect(info.error, `${fn} on '${text}'`).toBeUndefined();
      obs = next;
    };
    const call = (fn: string, args: Record<string, unknown>): void => {
      const [next, , , , info] = env.step(api(fn, args));
      expect(info.error, fn).toBeUndefined();
      obs = next;
    };
    act('File Tab');
    act('Save As');
    act('File name:', 'set_edit_text', { text: 'minutes' });
    act('Save');
    const path = join(out, 'minutes.docx');
    expect(env.state.file.saved).toMatchObject({ file_name: 'minutes', file_ext: 'docx', path });
    expect(texts(readDocxFile(path))).toEqual(['dialog text']);
    if (!obs.controls.some((c) => c.control_text === 'Page 1 content'))
      call('keyboard_input', { keys: '{ESC}', control_focus: false });
    call('select_text', { text: 'dialog' });
    act('Page 1 content', 'keyboard_input', { keys: 'Meeting' });
    act('Page 1 content', 'keyboard_input', { keys: '^s' });
    expect(texts(readDocxFile(path))).toEqual(['Meeting text']);
    expect(env.state.file.saves).toHaveLength(2);
  });

  it('records other formats without writing, and writes nothing at all without outputDir', () => {
    const out = join(dir, 'out-pdf');
    const env = makeWordEnv({ outputDir: out });
    env.reset();
    const [, , , , info] = env.step(api('save_as', { file_name: 'notes', file_ext: 'pdf' }));
    expect(info.result).toBe('saved as notes.pdf');
    expect(existsSync(out)).toBe(false);

    const before = readdirSync(process.cwd());
    const plain = makeWordEnv();
    plain.reset();
    const [obs, , , , saved] = plain.step(api('save_as', { file_name: 'nowhere', file_ext: 'docx' }));
    expect(saved.result).toBe('saved as nowhere.docx');
    expect((obs.canvas as { file: { saved: unknown } }).file.saved).toEqual({
      file_dir: '',
      file_name: 'nowhere',
      file_ext: 'docx',
    });
    expect(readdirSync(process.cwd())).toEqual(before);
  });

  it('reports a write failure as the step error and records no save', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const env = makeWordEnv({ outputDir: join(blocker, 'sub') });
    env.reset();
    const [obs, , , , info] = env.step(api('save_as', { file_name: 'x', file_ext: 'docx' }));
    expect(info.error).toMatch(/^saving failed: .*a-file/);
    expect(obs.last_error).toBe(info.error);
    expect(env.state.file.saved).toBeNull();
  });

  it('rejects an empty or non-string folder option', () => {
    expect(() => makeWordEnv({ outputDir: '' })).toThrow(
      'makeWordEnv: outputDir must be a non-empty folder path',
    );
    expect(() => makeWordEnv({ templateDir: 3 as unknown as string })).toThrow(/templateDir must be/);
  });
});
