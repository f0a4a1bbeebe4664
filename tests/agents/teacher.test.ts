import { describe, expect, it } from 'vitest';
import { TeacherPolicy } from '../../agents/baselines/teacher.ts';
import { chordToKeys, intentsOf, literalKeys, parseStep } from '../../agents/baselines/plan-steps.ts';
import { instantiate } from '../../envs/tasks/family.ts';
import { charFormatFamily } from '../../envs/tasks/families/word-text.ts';
import type { TaskRecord } from '../../envs/tasks/schema.ts';
import { judgeWith, play } from '../tasks/family-check.ts';

judgeWith([charFormatFamily('bold'), charFormatFamily('italic')] as never);

describe('reading help-page steps', () => {
  it('takes control names from bold spans and values from quotes, not from apostrophes', () => {
    expect(parseStep("3. In Word's **Font Size** box, type '14' and don't stop.")).toEqual({
      text: "In Word's **Font Size** box, type '14' and don't stop.",
      bold: ['Font Size'],
      quoted: ['14'],
    });
  });

  it('treats "the X group" as a place to look, and clicks the tab and the command', () => {
    expect(intentsOf('On the **Home** tab, in the **Font** group, select **Bold**.', 'word')).toEqual([
      { kind: 'click', name: 'Home' },
      { kind: 'click', name: 'Bold' },
    ]);
  });

  it('types into the last named field after opening the ones before it, then presses keys', () => {
    expect(
      intentsOf("In the **Replace** dialog, in **Find what**, type 'cat', then press Enter.", 'word'),
    ).toEqual([
      { kind: 'click', name: 'Replace' },
      { kind: 'type', field: 'Find what', value: 'cat' },
      { kind: 'keys', keys: '{ENTER}' },
    ]);
  });

  it('selects quoted text in Word and cell ranges in Excel', () => {
    expect(intentsOf("Select the text 'budget review'.", 'word')).toEqual([
      { kind: 'select', target: 'budget review' },
    ]);
    expect(intentsOf('Select cells B2:B9.', 'excel')).toEqual([{ kind: 'select', target: 'B2:B9' }]);
  });

  it('reads for question steps and chooses quoted items after opening a menu', () => {
    expect(intentsOf('Read the number of words.', 'word')).toEqual([{ kind: 'read' }]);
    expect(intentsOf("Select **Line and Paragraph Spacing**, then choose '1.5'.", 'word')).toEqual([
      { kind: 'click', name: 'Line and Paragraph Spacing' },
      { kind: 'choose', value: '1.5' },
    ]);
  });

  it('converts key chords to pywinauto syntax and escapes literal text', () => {
    expect(chordToKeys('Ctrl+Shift+L')).toBe('^+l');
    expect(chordToKeys('Enter')).toBe('{ENTER}');
    expect(chordToKeys('F2')).toBe('{F2}');
    expect(chordToKeys('Banana')).toBeNull();
    expect(literalKeys('=SUM(A1:A3)+1')).toBe('=SUM{(}A1:A3{)}{+}1');
  });
});

describe('the teacher', () => {
  it('follows a help page through the ribbon and finishes after the last step', async () => {
    const task = instantiate(charFormatFamily('italic') as never, 0, 2) as TaskRecord;
    const t = await play(new TeacherPolicy(), task, 2);
    expect(t.outcome.success, t.outcome.reason).toBe(true);
    const actions = t.steps.map(
      (s) => s.action as { function: string; control_text: string; status: string },
    );
    expect(actions.map((a) => [a.function, a.control_text])).toEqual([
      ['select_text', ''],
      ['click_input', 'Italic'],
      ['', ''],
    ]);
    expect(actions.at(-1)!.status).toBe('FINISH');
  });

  it('never sees the oracle: with the oracle removed it plays the same episode', async () => {
    const task = instantiate(charFormatFamily('bold') as never, 0, 5) as TaskRecord;
    const { oracle: _oracle, evaluator: _evaluator, ...blind } = task;
    const a = await play(new TeacherPolicy(), task, 5);
    const b = await play(new TeacherPolicy(), blind as TaskRecord, 5);
    expect(b.steps.map((s) => s.action)).toEqual(a.steps.map((s) => s.action));
  });

  it('fails honestly when a help page names controls that are not there', async () => {
    const task = instantiate(charFormatFamily('bold') as never, 0, 1) as TaskRecord;
    const vague = { ...task, refined_steps: ['1. Highlight the words.', '2. Select **Emphasis Magic**.'] };
    const t = await play(new TeacherPolicy(), vague, 1);
    expect(t.outcome.success).toBe(false);
    expect(t.steps).toHaveLength(1);
  });
});
