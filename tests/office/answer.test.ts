/** The LAM answer parser on clean and malformed answers, in the paper's keys and UFO's keys. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswer, type AnswerResult, type ParsedAnswer } from '../../envs/office/index.ts';

function ok(result: AnswerResult): ParsedAnswer {
  if (!result.ok) throw new Error(`expected a parsed answer, got: ${result.error}`);
  return result;
}

const CLEAN_PAPER =
  '{"thought": "Click Bold.", "control_label": "12", "control_name": "Bold", "function": "click_input", "args": {"button": "left", "double": false}, "status": "CONTINUE", "plan": ["Type the title"]}';

describe('parseAnswer', () => {
  it("reads the paper's 7 keys with no repairs", () => {
    const r = ok(parseAnswer(CLEAN_PAPER));
    expect(r.action).toEqual({
      thought: 'Click Bold.',
      control_label: '12',
      control_text: 'Bold',
      function: 'click_input',
      args: { button: 'left', double: false },
      status: 'CONTINUE',
      plan: ['Type the title'],
    });
    expect(r.repairs).toEqual([]);
    expect(r.format).toBe('paper');
  });

  it('reads UFO\'s CamelCase keys, Observation and Comment, and a "\\n"-separated plan', () => {
    const r = ok(
      parseAnswer(
        '{"Observation": "Word is open.", "Thought": "Bullets next.", "ControlLabel": "61", "ControlText": "Bullets", "Function": "click_input", "Args": {"button": "left", "double": false}, "Status": "FINISH", "Plan": "(1) Check the list\\n(2) Save", "Comment": "Done.", "SaveScreenshot": {"save": false, "reason": ""}}',
      ),
    );
    expect(r.format).toBe('ufo');
    expect(r.observation).toBe('Word is open.');
    expect(r.comment).toBe('Done.');
    expect(r.action).toMatchObject({
      control_label: '61',
      control_text: 'Bullets',
      status: 'FINISH',
      plan: ['(1) Check the list', '(2) Save'],
    });
    expect(r.repairs).toEqual(['split a plan given as one string into its lines']);
    expect(r.extra).toEqual({});
  });

  it("reads the instantiated plan steps of UFO's dataflow records", () => {
    const record = JSON.parse(
      readFileSync(new URL('../fixtures/ufo/result-5.json', import.meta.url), 'utf8'),
    ) as {
      instantiation_result: { prefill: { result: { instantiated_plan: Record<string, unknown>[] } } };
    };
    const [first, second] = record.instantiation_result.prefill.result.instantiated_plan.map((step) =>
      ok(parseAnswer(JSON.stringify(step))),
    );
    expect(first!.action).toMatchObject({
      control_label: '',
      function: 'select_text',
      args: { text: 'text to edit' },
    });
    expect(second!.action).toMatchObject({
      control_label: '61',
      control_text: 'Bullets',
      function: 'click_input',
      args: { button: 'left', double: false },
    });
    expect(second!.extra).toMatchObject({
      Step: 2,
      Subtask: 'Click the Bullets button in the Paragraph group on the Home tab',
    });
    // The paper's Fig. 4 instantiation example uses camelCase keys.
    const fig4 = ok(
      parseAnswer(
        '{"step":"click the highlight button","controlLabel":"37","controlText":" Text Highlight Color ","function":"click_input","args":{"button":"left","double":false}}',
      ),
    );
    expect(fig4.action).toMatchObject({
      control_label: '37',
      control_text: ' Text Highlight Color ',
      status: 'CONTINUE',
    });
    expect(fig4.repairs).toEqual(['no status given: read it as CONTINUE']);
  });

  it('removes code fences and ignores prose around the JSON', () => {
    const fenced = ok(parseAnswer('```json\n' + CLEAN_PAPER + '\n```'));
    expect(fenced.action.function).toBe('click_input');
    expect(fenced.repairs).toEqual(['removed a code fence around the JSON']);
    const prose = ok(parseAnswer(`Here is my answer {as JSON}:\n${CLEAN_PAPER}\nHope this helps!`));
    expect(prose.action.control_label).toBe('12');
    expect(prose.repairs).toEqual([
      'ignored text before the JSON object',
      'ignored text after the JSON object',
    ]);
  });

  it('repairs Python literals, single quotes, trailing commas and numeric labels', () => {
    const r = ok(
      parseAnswer(
        "{'thought': 'Bold', 'control_label': 12, 'control_name': 'Bold', 'function': 'click_input', 'args': {'button': 'left', 'double': False, 'pressed': None,}, 'status': 'continue', 'plan': [],}",
      ),
    );
    expect(r.action).toMatchObject({
      control_label: '12',
      args: { button: 'left', double: false, pressed: null },
      status: 'CONTINUE',
    });
    expect(r.repairs).toEqual(
      expect.arrayContaining([
        'replaced single quotes with double quotes',
        'read Python/JS literal False',
        'read Python/JS literal None',
        'removed trailing commas',
        'read status "continue" as CONTINUE',
        'read control_label 12 as "12"',
      ]),
    );
  });

  it('closes an answer cut off after the action, and refuses one cut off before the function', () => {
    const late = ok(parseAnswer(CLEAN_PAPER.slice(0, CLEAN_PAPER.indexOf('"plan"') + 20)));
    expect(late.action).toMatchObject({ function: 'click_input', status: 'CONTINUE', plan: ['Type the t'] });
    expect(late.repairs).toEqual(
      expect.arrayContaining([
        'closed a string cut off at the end of the answer',
        'closed brackets left open at the end of the answer (it looks cut off)',
      ]),
    );
    const early = parseAnswer('{"thought": "Click Bold.", "control_label": "12", "control_na');
    expect(early.ok).toBe(false);
    expect(!early.ok && early.error).toMatch(
      /^the answer has no "function" key \(it looks cut off\) \(line 1, column 1\)$/,
    );
  });

  it('splits a call written into function, and reads args given as text', () => {
    const call = ok(
      parseAnswer(
        '{"function": "click_input(button=\'right\', double=True)", "control_label": "3", "status": "CONTINUE"}',
      ),
    );
    expect(call.action).toMatchObject({ function: 'click_input', args: { button: 'right', double: true } });
    const kwargs = ok(
      parseAnswer('{"function": "set_edit_text", "args": "text=\'Hello\'", "control_label": "3"}'),
    );
    expect(kwargs.action.args).toEqual({ text: 'Hello' });
    const json = ok(parseAnswer('{"function": "keyboard_input", "args": "{\\"keys\\": \\"^b\\"}"}'));
    expect(json.action.args).toEqual({ keys: '^b' });
    expect(json.repairs).toContain('read args given as a string');
  });

  it("reads UFO's CONFIRM and SCREENSHOT statuses as CONTINUE", () => {
    const r = ok(
      parseAnswer('{"Function": "annotation", "Args": {"control_labels": ["1"]}, "Status": "SCREENSHOT"}'),
    );
    expect(r.action.status).toBe('CONTINUE');
    expect(r.repairs).toEqual(['read UFO status SCREENSHOT as CONTINUE']);
  });

  it('a FINISH answer may leave out the function', () => {
    const r = ok(parseAnswer('{"thought": "All done.", "status": "FINISH", "plan": []}'));
    expect(r.action).toMatchObject({ function: '', status: 'FINISH' });
    expect(r.repairs).toEqual(['no function given with status FINISH: took no action']);
  });

  it('reports what it cannot read with its position', () => {
    const cases: [string, RegExp, number][] = [
      ['', /^the answer is empty/, 0],
      ['   \n  I will click the Bold button.', /^no JSON object found in the answer/, 6],
      [
        '{"function": "click_input", "status": "DONE"}',
        /^status must be one of CONTINUE, FINISH, FAIL, got "DONE" \(line 1, column 1\)$/,
        0,
      ],
      [
        'Answer:\n  {"function": @}',
        /^cannot read the answer's JSON: unexpected character "@" where a value should start \(line 2, column 16\)$/,
        23,
      ],
      ['{"function": 12}', /^function must be a string, got 12/, 0],
      ['{"function": "texts", "args": [1]}', /^args must be an object of keyword arguments, got \[1\]/, 0],
      [
        '{"function": "texts", "control_label": true}',
        /^control_label must be a label string like "12", got true/,
        0,
      ],
      ['{"Function": "texts", "Status": 3}', /^Status must be a string/, 0],
    ];
    for (const [text, message, position] of cases) {
      const r = parseAnswer(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.error, text).toMatch(message);
        expect(r.position, text).toBe(position);
      }
    }
  });

  it('never throws, whatever the text', () => {
    const samples = [
      '{',
      '}',
      '{{{{',
      '"{\\"function\\": \\"\\"}"',
      '[1, 2]',
      '{"a": 1}',
      'null',
      '{"function": "x", "args": {"a": [}}',
    ];
    for (const s of samples) expect(() => parseAnswer(s)).not.toThrow();
    const wrapped = ok(parseAnswer('"{\\"function\\": \\"\\", \\"status\\": \\"FINISH\\"}"'));
    expect(wrapped.repairs[0]).toBe('decoded an answer sent as a JSON string');
    expect(parseAnswer('{"a": 1}').ok).toBe(false);
  });
});
