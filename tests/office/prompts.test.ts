/**
 * The prompt renderers against the formats of the research notes (shared/research/lam-paper-and-ufo.md §1.7):
 * the paper's Appendix C user turn
 *   <Available Control Item:> {control_item} <User Request:> {user_request} <Previous Actions:> {step_history} <Previous Plans:> {previous_plan}
 * with 7 answer keys, and UFO's AppAgent user fields and 9 response keys.
 */
import { describe, expect, it } from 'vitest';
import {
  APPENDIX_C_KEYS,
  UFO_RESPONSE_KEYS,
  UFO_USER_FIELDS,
  appendixCMessages,
  appendixCSample,
  appendixCSystem,
  appendixCUser,
  fillTemplate,
  makeAction,
  parseAnswer,
  pyJsonDumps,
  renderApis,
  ufoAppAgentMessages,
  ufoAppAgentSample,
  ufoAppAgentUser,
  type OfficeObservation,
} from '../../envs/office/index.ts';
import { driver } from './helpers.ts';

const observation: OfficeObservation = {
  request: "Turn the line of text 'text to edit' into a bulleted list in Word.",
  app: 'word',
  window: 'Document1 - Word',
  controls: [
    {
      label: '1',
      control_text: 'Home',
      control_type: 'TabItem',
      selected: true,
      rect: { left: 0, top: 40, right: 60, bottom: 68 },
    },
    {
      label: '61',
      control_text: 'Bullets',
      control_type: 'Button',
      selected: false,
      rect: { left: 400, top: 80, right: 430, bottom: 108 },
    },
  ],
  canvas: {},
  previous_actions: [
    {
      step: 1,
      thought: 'Select the text first.',
      control_label: '',
      control_text: '',
      function: 'select_text',
      args: { text: 'text to edit' },
      command: "select_text(text='text to edit')",
      status: 'CONTINUE',
      plan: ['Click the Bullets button'],
      result: null,
      error: null,
    },
  ],
  previous_plan: ['Click the Bullets button'],
  last_error: null,
  step: 1,
};

describe('Appendix C prompt', () => {
  it("renders the user turn on one line in the paper's field order", () => {
    const expected =
      '<Available Control Item:> [{"label": "1", "control_text": "Home", "control_type": "TabItem"}, {"label": "61", "control_text": "Bullets", "control_type": "Button"}]' +
      " <User Request:> Turn the line of text 'text to edit' into a bulleted list in Word." +
      ' <Previous Actions:> [{"step": 1, "thought": "Select the text first.", "control_label": "", "control_name": "", "function": "select_text", "args": {"text": "text to edit"}, "status": "CONTINUE"}]' +
      ' <Previous Plans:> ["Click the Bullets button"]';
    expect(appendixCUser(observation)).toBe(expected);
    const tags = [...appendixCUser(observation).matchAll(/<[A-Z][^<>]*:>/g)].map((m) => m[0]);
    expect(tags).toEqual([
      '<Available Control Item:>',
      '<User Request:>',
      '<Previous Actions:>',
      '<Previous Plans:>',
    ]);
  });

  it("shows a failed step's error in the history; values with braces are not re-filled", () => {
    const failed = {
      ...observation,
      request: 'Type {previous_plan} literally',
      previous_actions: [
        { ...observation.previous_actions[0]!, error: 'no visible control has the label 9' },
      ],
    };
    const user = appendixCUser(failed);
    expect(user).toContain('<User Request:> Type {previous_plan} literally <Previous Actions:>');
    expect(user).toContain('"error": "no visible control has the label 9"');
    expect(fillTemplate('{a} {b} {c}', { a: '{b}', b: 'x' })).toBe('{b} x {c}');
  });

  it('the system turn lists control types, the APIs and only CONTINUE / FINISH, and asks for the 7 keys', () => {
    const system = appendixCSystem({
      app: 'Word',
      apis: {
        select_text: {
          summary: '"select_text" selects text.',
          usage: '[1] API call: select_text(text: str)',
        },
      },
    });
    for (const key of APPENDIX_C_KEYS) expect(system).toContain(`"${key}"`);
    expect(system).toContain('"CONTINUE"');
    expect(system).toContain('"FINISH"');
    expect(system).not.toContain('"FAIL"');
    expect(system).toContain(
      'Button, Edit, TabItem, Document, ListItem, MenuItem, ScrollBar, TreeItem, Hyperlink, ComboBox, RadioButton, DataItem, Spinner',
    );
    expect(system).toContain(
      '  - "click_input" clicks the control item with the mouse.\n    [1] API call: click_input(',
    );
    expect(system).toContain('  - "select_text" selects text.\n    [1] API call: select_text(text: str)');
    expect(system).not.toContain('click_on_coordinates');
  });

  it('a training sample answers in the 7 keys, which the parser reads back', () => {
    const action = makeAction({
      thought: 'Click Bullets.',
      control_label: '61',
      control_text: 'Bullets',
      function: 'click_input',
      args: { button: 'left', double: false },
      status: 'FINISH',
    });
    const sample = appendixCSample(observation, action);
    expect(sample.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(Object.keys(JSON.parse(sample[2]!.content) as object)).toEqual([...APPENDIX_C_KEYS]);
    const back = parseAnswer(sample[2]!.content);
    expect(back.ok && back.action).toEqual(action);
    expect(back.ok && back.repairs).toEqual([]);
  });

  it('renders a live observation of the fixture app', () => {
    const d = driver();
    d.act('click_input', 'Bold', {}, { plan: ['Type the title'] });
    const [system, user] = appendixCMessages(d.obs());
    expect(system!.content).toContain('You operate notepad on Windows');
    expect(appendixCMessages({ ...d.obs(), app: 'word' })[0]!.content).toMatch(
      /^You operate Microsoft Word on Windows/,
    );
    expect(user!.content).toMatch(
      /^<Available Control Item:> \[\{"label": "1", "control_text": "Undo", "control_type": "Button"\}/,
    );
    expect(user!.content).not.toContain('"command"');
    expect(user!.content).toMatch(
      /<Previous Actions:> \[\{"step": 1, .*"function": "click_input", "args": \{\}, "status": "CONTINUE"\}\] <Previous Plans:> \["Type the title"\]$/,
    );
  });
});

describe('UFO AppAgent prompt', () => {
  it("renders UFO's user fields in order, with the step history first", () => {
    const user = ufoAppAgentUser(observation);
    const lines = user.split('\n');
    expect(lines[0]).toBe('[Step Trajectories Completed Previously]:');
    expect(lines[1]).toBe(
      `{"Step": 0, "ControlText": "", "Subtask": "${observation.request}", "Action": "select_text(text='text to edit')", "Results": "", "UserConfirm": null}`,
    );
    expect(lines[2]).toBe('');
    expect(lines.slice(3).map((l) => l.slice(0, l.indexOf(':>') + 2))).toEqual([...UFO_USER_FIELDS]);
    expect(lines[3]).toBe(
      '<Available Control Item:> [{"label": "1", "control_text": "Home", "control_type": "TabItem"}, {"label": "61", "control_text": "Bullets", "control_type": "Button"}]',
    );
    expect(lines[4]).toBe(`<Overall User Request:> ${observation.request}`);
    expect(lines[5]).toBe('<Previous Sub-tasks Results:> []');
    expect(lines[6]).toBe(`<Sub-task for you to complete:> ${observation.request}`);
    expect(lines[7]).toBe('<Current Application You are Working on:> Document1 - Word');
    expect(lines[8]).toBe('<Message and Information from the HostAgent:> []');
    expect(lines[9]).toBe('<Your Next Plan:> ["Click the Bullets button"]');
    const first = ufoAppAgentUser(
      { ...observation, previous_actions: [], previous_plan: [] },
      { subtask: 'Bullets', application: 'WINWORD.EXE' },
    );
    expect(first.split('\n')[0]!.startsWith('<Available Control Item:>')).toBe(true);
    expect(first).toContain(
      '<Sub-task for you to complete:> Bullets\n<Current Application You are Working on:> WINWORD.EXE',
    );
  });

  it('the system turn asks for the 9 keys; a sample answers in them and parses back', () => {
    const [system] = ufoAppAgentMessages(observation);
    for (const key of UFO_RESPONSE_KEYS) expect(system!.content).toContain(`"${key}"`);
    expect(system!.content).toContain('"FAIL"');
    const action = makeAction({
      function: 'click_input',
      control_label: '61',
      control_text: 'Bullets',
      args: { button: 'left', double: false },
    });
    const sample = ufoAppAgentSample(observation, action, { observationText: 'The text is selected.' });
    const answer = JSON.parse(sample[2]!.content) as Record<string, unknown>;
    expect(Object.keys(answer)).toEqual([...UFO_RESPONSE_KEYS]);
    const back = parseAnswer(sample[2]!.content);
    expect(back.ok && back.format).toBe('ufo');
    expect(back.ok && back.action).toEqual(action);
    expect(back.ok && back.observation).toBe('The text is selected.');
  });
});

describe('format helpers', () => {
  it("pyJsonDumps writes what Python's json.dumps writes", () => {
    expect(pyJsonDumps({ a: [1, 2.5, true, null], b: 'é "q"\n', c: {} })).toBe(
      '{"a": [1, 2.5, true, null], "b": "\\u00e9 \\"q\\"\\n", "c": {}}',
    );
    expect([1e-5, 0.0001, 2.5e-7, -3e-5, 0.1].map(pyJsonDumps)).toEqual([
      '1e-05',
      '0.0001',
      '2.5e-07',
      '-3e-05',
      '0.1',
    ]);
    expect(pyJsonDumps([])).toBe('[]');
  });

  it('renderApis lists the lite set by default and rejects unknown functions', () => {
    const apis = renderApis();
    expect(apis.match(/^ {2}- /gm)).toHaveLength(7);
    expect(() => renderApis({ functions: ['click'] })).toThrow(
      /'click' is not one of UFO's generic functions/,
    );
  });
});
