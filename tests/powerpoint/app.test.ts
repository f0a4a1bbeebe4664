/**
 * The PowerPoint app driven through OfficeEnv.step as a LAM drives it: the ribbon, the thumbnails, the slide
 * canvas, the notes pane, dialogs, shortcuts, UFO's PowerPoint APIs and invalid actions.
 */
import { checkEnv, make } from 'gymnasium-ts';
import { describe, expect, it } from 'vitest';
import {
  createPowerPointState,
  makePowerPointEnv,
  pptxFileWriter,
  registerPowerPoint,
  setPowerPointFileWriter,
} from '../../envs/powerpoint/index.ts';
import type { SaveRecord } from '../../envs/powerpoint/index.ts';
import { importPptx } from '../../envs/powerpoint/ooxml/import.ts';
import { exportPptx } from '../../envs/powerpoint/ooxml/export.ts';
import { driver } from './app-driver.ts';

describe('PowerPoint window', () => {
  it('shows the ribbon tabs, the slide thumbnails, the slide with its shapes and the notes pane', () => {
    const d = driver('pitch');
    for (const t of [
      'Home',
      'Insert',
      'Design',
      'Transitions',
      'Animations',
      'Slide Show',
      'Review',
      'View',
    ]) {
      expect(d.has(t, 'TabItem'), t).toBe(true);
    }
    expect(d.has('File Tab')).toBe(true);
    expect(d.obs.controls.filter((c) => c.control_type === 'ListItem').map((c) => c.control_text)).toEqual([
      'Slide 1',
      'Slide 2',
      'Slide 3',
      'Slide 4',
    ]);
    expect(d.has('Slide 1', 'Document')).toBe(true);
    expect(d.has('Title 1', 'Button')).toBe(true);
    expect(d.has('Notes', 'Edit')).toBe(true);
    expect(d.canvas().slides[0]!.title).toBe('Project Falcon');
  });

  it('clicking a thumbnail shows that slide; its shapes replace the previous ones', () => {
    const d = driver('pitch');
    d.act('Slide 3', 'click_input', undefined, 'ListItem');
    expect(d.canvas().current_slide).toBe(3);
    expect(d.has('Slide 3', 'Document')).toBe(true);
    expect(d.has('Table 2', 'Button')).toBe(true);
    expect(d.has('Subtitle 2')).toBe(false);
  });
});

describe('editing slides through the UI', () => {
  it('click a placeholder, type over it, format it from the ribbon', () => {
    const d = driver('pitch');
    d.act('Title 1');
    d.act('Slide 1', 'set_edit_text', { text: 'Falcon 2.0' }, 'Document');
    d.act('Bold');
    d.act('Font Size', 'set_edit_text', { text: '48' }, 'ComboBox');
    d.act('Font', 'set_edit_text', { text: 'Georgia' }, 'ComboBox');
    const title = d.canvas().slides[0]!.shapes[0]!;
    expect(title.text![0]!.runs).toEqual([
      { text: 'Falcon 2.0', font: 'Georgia', size: 48, color: '#000000', bold: true },
    ]);
    expect(d.obs.controls.find((c) => c.control_text === 'Bold')!.selected).toBe(true);
    // Keyboard typing on a selected placeholder replaces its text too.
    d.act('Subtitle 2');
    d.keys('Q4{SPACE}plan');
    expect(d.canvas().slides[0]!.shapes[1]!.text![0]!.text).toBe('Q4 plan');
    d.keys('^z');
    expect(d.canvas().slides[0]!.shapes[1]!.text![0]!.text).toBe('Quarterly update');
    // F2 puts the caret at the end of the selected shape's text; Shift+Home selects the line; Italic formats it.
    d.keys('{F2}{SPACE}2025+{HOME}');
    d.act('Italic');
    expect(d.canvas().slides[0]!.shapes[1]!.text![0]!.runs).toEqual([
      { text: 'Quarterly update 2025', font: 'Calibri', size: 24, color: '#000000', italic: true },
    ]);
  });

  it('New Slide with a layout from its menu, Layout, Hide Slide, Delete', () => {
    const d = driver('pitch');
    d.act('Slide 2', 'click_input', undefined, 'ListItem');
    const arrows = d.obs.controls.filter((c) => c.control_text === 'New Slide');
    expect(arrows).toHaveLength(2);
    d.env.step({
      thought: '',
      control_label: arrows[1]!.label,
      control_text: 'New Slide',
      function: 'click_input',
      args: {},
      status: 'CONTINUE',
      plan: [],
    });
    d.obs = d.env.step({
      thought: '',
      control_label: '',
      control_text: '',
      function: 'summary',
      args: { text: 'menu open' },
      status: 'CONTINUE',
      plan: [],
    })[0];
    d.act('Two Content', 'click_input', undefined, 'ListItem');
    expect(d.canvas().slides.map((s) => s.layout)).toEqual([
      'Title Slide',
      'Title and Content',
      'Two Content',
      'Title Only',
      'Section Header',
    ]);
    expect(d.canvas().current_slide).toBe(3);
    d.act('Layout');
    d.act('Comparison', 'click_input', undefined, 'ListItem');
    expect(d.canvas().slides[2]!.layout).toBe('Comparison');
    d.act('Slide Show');
    d.act('Hide Slide');
    expect(d.canvas().slides[2]!.hidden).toBe(true);
    expect(d.has('Slide 3 (Hidden)', 'ListItem')).toBe(true);
    d.keys('{DELETE}');
    expect(d.canvas().slide_count).toBe(4);
  });

  it('notes typed in the notes pane belong to the current slide and apply as they are typed', () => {
    const d = driver('pitch');
    d.act('Slide 2', 'click_input', undefined, 'ListItem');
    const before = d.canvas().slides[1]!.notes;
    d.act('Notes', 'set_edit_text', { text: 'Mention the roadmap' }, 'Edit');
    expect(d.canvas().slides[1]!.notes).toBe('Mention the roadmap');
    // Enter starts a new line in the pane; keys apply one by one, with no commit step.
    d.keys('{ENTER}Q3{SPACE}dates');
    expect(d.canvas().slides[1]!.notes).toBe('Mention the roadmap\nQ3 dates');
    d.keys('{BACKSPACE 6}');
    expect(d.canvas().slides[1]!.notes).toBe('Mention the roadmap\nQ3');
    expect(d.canvas().slides[0]!.notes).not.toContain('roadmap');
    // The run of typing undoes as one step.
    d.keys('^z');
    expect(d.canvas().slides[1]!.notes).toBe(before);
    d.keys('^y');
    expect(d.canvas().slides[1]!.notes).toBe('Mention the roadmap\nQ3');
    // Escape leaves the pane (keys go to the slide again) and keeps the notes.
    d.keys('{ESC}');
    expect(d.env.session.ui.focus).toBe('document');
    expect(d.canvas().slides[1]!.notes).toBe('Mention the roadmap\nQ3');
    d.act('View');
    d.act('Notes', 'click_input', undefined, 'Button');
    expect(d.has('Notes', 'Edit')).toBe(false);
  });
});

describe('Design, Transitions, Animations', () => {
  it('theme gallery, variants, and the Format Background dialog with Apply to All', () => {
    const d = driver('pitch');
    d.act('Design');
    d.act('Ion', 'click_input', undefined, 'ListItem');
    d.act('Variant 2', 'click_input', undefined, 'ListItem');
    expect(d.canvas().theme).toMatchObject({ name: 'Ion', variant: 2, colors: 'Blue' });
    d.act('Format Background');
    d.act('Color', 'set_edit_text', { text: 'FFFF00' });
    d.act('Apply to All');
    expect(
      d.canvas().slides.every((s) => s.background.color === '#FFFF00' && s.background.follows_master),
    ).toBe(true);
    // A bad colour is refused by the dialog, which stays open.
    d.act('Format Background');
    d.act('Color', 'set_edit_text', { text: 'not a colour' });
    d.act('OK');
    expect(d.env.view().activeScope).toBe('#message');
    d.keys('{ENTER}');
    d.keys('{ESC}');
    expect(d.env.view().activeScope).toBe('main');
    expect(d.canvas().slides[0]!.background.color).toBe('#FFFF00');
  });

  it("the theme gallery's More button lists every theme; the Layout gallery marks the current layout", () => {
    const d = driver('pitch');
    d.act('Design');
    expect(d.has('Wood Type', 'ListItem')).toBe(false);
    const more = d.obs.controls.filter((c) => c.control_text === 'More')[0]!;
    d.obs = d.env.step({
      thought: '',
      control_label: more.label,
      control_text: 'More',
      function: 'click_input',
      args: {},
      status: 'CONTINUE',
      plan: [],
    })[0];
    d.act('Wood Type', 'click_input', undefined, 'ListItem');
    expect(d.canvas().theme).toMatchObject({ name: 'Wood Type', heading_font: 'Rockwell Condensed' });
    d.act('Home');
    d.act('Layout');
    const items = d.obs.controls
      .filter((c) => c.control_type === 'ListItem' && c.selected === true)
      .map((c) => c.control_text);
    expect(items).toContain('Title Slide');
  });

  it('transition gallery, Effect Options, Duration, Apply To All', () => {
    const d = driver('pitch');
    d.act('Transitions');
    d.act('Push', 'click_input', undefined, 'ListItem');
    d.act('Effect Options');
    d.act('From Left', 'click_input', undefined, 'ListItem');
    d.act('Duration', 'set_edit_text', { text: '2.5' }, 'ComboBox');
    d.act('Apply To All');
    expect(d.canvas().slides.map((s) => s.transition)).toEqual(
      Array(4).fill({ type: 'Push', effect: 'From Left', duration: 2.5, on_click: true }),
    );
  });

  it('animation gallery and Start on the selected shape; without a shape it is disabled', () => {
    const d = driver('pitch');
    d.act('Animations');
    expect(d.tryAct('Fly In', 'click_input', undefined, 'ListItem').error).toMatch(/disabled/);
    d.act('Title 1');
    d.act('Fly In', 'click_input', undefined, 'ListItem');
    d.act('Start', 'click_input', undefined, 'ComboBox');
    d.act('After Previous', 'click_input', undefined, 'ListItem');
    expect(d.canvas().slides[0]!.shapes[0]!.animation).toEqual(['Fly In (After Previous, 0.5s)']);
  });
});

describe("UFO's PowerPoint APIs", () => {
  it('set_background_color on some slides, and refusals that change nothing', () => {
    const d = driver('pitch');
    const ok = d.call('set_background_color', { color: 'FFFF00', slide_index: [1, 3] });
    expect(ok.error).toBeUndefined();
    expect(ok.result).toBe('Successfully Set the background color to FFFF00 for slide(s) [1, 3].');
    expect(d.canvas().slides.map((s) => s.background.color)).toEqual([
      '#FFFF00',
      '#FFFFFF',
      '#FFFF00',
      '#FFFFFF',
    ]);
    const before = structuredClone(d.state());
    expect(d.call('set_background_color', { color: 'FFFF00', slide_index: [9] }).error).toMatch(
      /slide_index 9 .* numbered 1-4/,
    );
    expect(d.call('set_background_color', { colour: 'red' }).error).toMatch(/color/);
    expect(d.state()).toEqual(before);
  });

  it('save_as records the target, hands the presentation to the writer, and exports current_slide_only', () => {
    const d = driver('pitch');
    const written: { bytes: Uint8Array; target: SaveRecord }[] = [];
    const previous = setPowerPointFileWriter((pres, target) =>
      written.push({ bytes: exportPptx(pres), target }),
    );
    try {
      d.act('Slide 2', 'click_input', undefined, 'ListItem');
      expect(
        d.call('save_as', { file_dir: 'C:\\decks', file_name: 'falcon', file_ext: '.pptx' }).result,
      ).toBe('saved as C:\\decks/falcon.pptx');
      expect(d.canvas().document).toBe('falcon');
      d.call('save_as', { file_ext: '.png', current_slide_only: true });
      expect(d.state().pres.document.saves).toEqual([
        { dir: 'C:\\decks', name: 'falcon', ext: '.pptx' },
        { dir: 'C:\\decks', name: 'falcon', ext: '.png', slides: [2] },
      ]);
      expect(d.call('save_as', { file_ext: '.docx' }).error).toMatch(/cannot save as '\.docx'/);
      expect(d.call('save_as', { file_ext: '.pptx', current_slide_only: true }).error).toMatch(
        /current_slide_only applies to pictures/,
      );
      expect(written).toHaveLength(2);
      expect(importPptx(written[0]!.bytes).slides.map((s) => s.layout)).toEqual([
        'Title Slide',
        'Title and Content',
        'Title Only',
        'Section Header',
      ]);
    } finally {
      setPowerPointFileWriter(previous);
    }
  });
});

describe('pptxFileWriter', () => {
  it('writes OOXML saves under the run directory, skips or refuses other formats', () => {
    const files = new Map<string, Uint8Array>();
    const d = driver('pitch');
    const previous = setPowerPointFileWriter(
      pptxFileWriter('/runs/ep1/', (path, bytes) => files.set(path, bytes)),
    );
    try {
      d.call('save_as', { file_dir: 'C:\\Users\\me\\..\\decks', file_name: 'falcon', file_ext: '.pptx' });
      d.call('save_as', { file_ext: '.potx' });
      d.call('save_as', { file_ext: '.pdf' });
      expect([...files.keys()]).toEqual([
        '/runs/ep1/Users/me/decks/falcon.pptx',
        '/runs/ep1/Users/me/decks/falcon.potx',
      ]);
      expect(importPptx(files.get('/runs/ep1/Users/me/decks/falcon.pptx')!).slides).toHaveLength(4);
      setPowerPointFileWriter(pptxFileWriter('/runs', () => undefined, { others: 'error' }));
      expect(d.call('save_as', { file_ext: '.pdf' }).error).toMatch(
        /saving failed: .*\.pdf needs a converter/,
      );
    } finally {
      setPowerPointFileWriter(previous);
    }
  });
});

describe('dialogs, shortcuts and the slide show', () => {
  it('Insert Table and Insert Picture dialogs fill the slide', () => {
    const d = driver('pitch');
    d.act('Slide 2', 'click_input', undefined, 'ListItem');
    d.act('Insert');
    d.act('Table');
    d.act('Number of columns:', 'set_edit_text', { text: '3' });
    d.act('Number of rows:', 'set_edit_text', { text: '4' });
    d.act('OK');
    const table = d.canvas().slides[1]!.shapes.find((s) => s.type === 'table')!;
    expect(table.table).toMatchObject({ rows: 4, columns: 3 });
    d.act('Pictures');
    d.act('File name:', 'set_edit_text', { text: 'chart.png' });
    d.act('Alt Text:', 'set_edit_text', { text: 'Sales chart' });
    d.act('Insert', 'click_input', undefined, 'Button');
    expect(d.canvas().slides[1]!.shapes.find((s) => s.type === 'picture')!.picture).toEqual({
      name: 'chart.png',
      description: 'Sales chart',
    });
  });

  it('Ctrl+M adds a slide, F5 starts the show, Esc ends it', () => {
    const d = driver('pitch');
    d.keys('^m');
    expect(d.canvas().slide_count).toBe(5);
    d.keys('{F5}');
    expect(d.canvas().slide_show).toEqual({ slide: 1 });
    d.keys('{ESC}');
    expect(d.canvas().slide_show).toBeNull();
  });

  it('an unknown control or a bad argument is an error and leaves the presentation as it was', () => {
    const d = driver('pitch');
    const before = structuredClone(d.state().pres);
    expect(d.call('set_background_color', { color: 'teal-ish' }).error).toMatch(/is not a colour/);
    const info = d.env.step({
      thought: '',
      control_label: '9999',
      control_text: 'Nope',
      function: 'click_input',
      args: {},
      status: 'CONTINUE',
      plan: [],
    })[4];
    expect(info.error).toBeDefined();
    expect(d.state().pres).toEqual(before);
  });
});

describe('PowerPoint-v0', () => {
  it('is registered, passes gymnasium-ts checkEnv, and random valid actions never crash a step', () => {
    registerPowerPoint();
    registerPowerPoint();
    const env = make('PowerPoint-v0', { template: 'pitch' });
    checkEnv(env.unwrapped as never);
    env.close();
    const raw = makePowerPointEnv({ template: 'pitch', maxSteps: 60 });
    raw.reset({ seed: 3 });
    raw.actionSpace.seed(3);
    for (let i = 0; i < 60; i++) {
      const [, , terminated, truncated] = raw.step(raw.actionSpace.sample());
      if (terminated || truncated) raw.reset({ seed: i });
    }
    expect(raw.state.pres.slides.length).toBeGreaterThan(0);
  });

  it('starts from templates, specs and presentations, and names a bad template', () => {
    expect(createPowerPointState(undefined).pres.document.name).toBe('Presentation1');
    expect(
      createPowerPointState({ name: 'q3.pptx', presentation: { slides: [{ title: 'Q3' }] } }).pres.document
        .name,
    ).toBe('q3');
    expect(() => createPowerPointState('fancy')).toThrow(
      /unknown PowerPoint template 'fancy'; known templates: blank, empty, pitch/,
    );
    expect(() => createPowerPointState({ slides: [{ layout: 'Nope' }] })).toThrow(
      /bad PowerPoint template: unknown slide layout "Nope"/,
    );
  });
});
