import { describe, expect, it } from 'vitest';
import { checkFamilies, play, scripted } from './family-check.ts';
import { instantiate } from '../../envs/tasks/family.ts';
import { WORD_FORMAT_FAMILIES } from '../../envs/tasks/families/word-format.ts';

const family = (id: string) => WORD_FORMAT_FAMILIES.find((f) => f.id === id)!;
const click = (control_text: string) => ({
  function: 'click_input',
  control_text,
  args: { button: 'left', double: false },
});

describe('Word formatting families', () => {
  checkFamilies(WORD_FORMAT_FAMILIES);

  it('has at least 17 families with distinct ids, one infeasible and two questions', () => {
    const ids = WORD_FORMAT_FAMILIES.map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(17);
    expect(new Set(ids).size).toBe(ids.length);
    expect(WORD_FORMAT_FAMILIES.filter((f) => f.infeasible === true).length).toBeGreaterThanOrEqual(1);
  });

  it('catches collateral damage: centering the whole document is not centering one paragraph', async () => {
    const task = instantiate(family('word.align-paragraph'), 0, 0);
    const button = task.oracle![1]!.control_text!;
    const t = await play(
      scripted([{ function: 'keyboard_input', args: { keys: '^a' } }, click(button)]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ 'no other paragraph formatting changed': 'no' });
    expect(
      Object.entries(t.outcome.sub_scores).find(([k]) => k.startsWith('the paragraph starting'))?.[1],
    ).toBe('yes');
  });

  it('catches collateral damage: changing the font of every paragraph fails the font task', async () => {
    const task = instantiate(family('word.font-paragraph'), 0, 1);
    const font = String(task.params!.value);
    const t = await play(
      scripted([
        { function: 'keyboard_input', args: { keys: '^a' } },
        { function: 'set_edit_text', control_text: 'Font', args: { text: font } },
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ 'no other character formatting changed': 'no' });
  });

  it('catches collateral damage: clearing the formatting of the whole document', async () => {
    const task = instantiate(family('word.clear-formatting-paragraph'), 0, 2);
    const t = await play(
      scripted([{ function: 'keyboard_input', args: { keys: '^a' } }, click('Clear All Formatting')]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      'the paragraph has no character formatting': 'yes',
      'no other character formatting changed': 'no',
    });
  });

  it('accepts another correct path: a highlight from the arrow menu of Text Highlight Color', async () => {
    const task = instantiate(family('word.highlight-phrase'), 0, 3);
    const t = await play(
      scripted((obs, step) => {
        if (step === 0) return { function: 'select_text', args: { text: String(task.params!.phrase) } };
        if (step === 1) {
          const arrow = obs.controls.filter((c) => c.control_text === 'Text Highlight Color')[1]!;
          return { ...click('Text Highlight Color'), control_label: arrow.label };
        }
        if (step === 2) return click('Yellow');
        return null;
      }),
      task,
    );
    expect(t.outcome).toMatchObject({ success: true });
  });

  it('rejects the wrong colour and the wrong highlight', async () => {
    const task = instantiate(family('word.highlight-phrase'), 0, 1);
    const t = await play(
      scripted((obs, step) => {
        if (step === 0) return { function: 'select_text', args: { text: String(task.params!.phrase) } };
        if (step === 1) {
          const arrow = obs.controls.filter((c) => c.control_text === 'Text Highlight Color')[1]!;
          return { ...click('Text Highlight Color'), control_label: arrow.label };
        }
        if (step === 2) return click('Bright Green');
        return null;
      }),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(Object.values(t.outcome.sub_scores)[0]).toBe('no');
  });

  it('accepts other correct paths: All caps (Ctrl+Shift+A) for UPPERCASE, Increase Indent for a 0.5" indent', async () => {
    const upper = instantiate(family('word.uppercase-paragraph'), 0, 0);
    const allCaps = await play(
      scripted([upper.oracle![0]!, { function: 'keyboard_input', args: { keys: '^+a' } }]),
      upper,
    );
    expect(allCaps.outcome).toMatchObject({ success: true });
    let index = 0;
    while (instantiate(family('word.left-indent-paragraph'), 0, index).params!.value !== 0.5) index++;
    const indent = instantiate(family('word.left-indent-paragraph'), 0, index);
    const t = await play(scripted([indent.oracle![0]!, click('Increase Indent')]), indent);
    expect(t.outcome).toMatchObject({ success: true });
    const twice = await play(
      scripted([indent.oracle![0]!, click('Increase Indent'), click('Increase Indent')]),
      indent,
    );
    expect(twice.outcome.success).toBe(false);
  });

  it('catches collateral damage outside the paragraphs: a page setup change, an added empty paragraph', async () => {
    const task = instantiate(family('word.space-after-paragraph'), 0, 0);
    const landscape = await play(
      scripted([...task.oracle!, click('Layout'), click('Orientation'), click('Landscape')]),
      task,
    );
    expect(landscape.outcome.success).toBe(false);
    expect(landscape.outcome.sub_scores).toMatchObject({
      'the page setup, headers, footers and comments are unchanged': 'no',
      'the text is unchanged': 'yes',
    });
    const enter = await play(
      scripted([...task.oracle!, { function: 'keyboard_input', args: { keys: '{END}{ENTER}' } }]),
      task,
    );
    expect(enter.outcome.success).toBe(false);
    expect(enter.outcome.sub_scores).toMatchObject({ 'the text is unchanged': 'no' });
  });

  it('catches collateral damage: a list that swallows the paragraphs around the items', async () => {
    const task = instantiate(family('word.bulleted-list'), 0, 0);
    const t = await play(
      scripted([{ function: 'keyboard_input', args: { keys: '^a' } }, click('Bullets')]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ 'the lines around them are not in the list': 'no' });
  });

  it('catches collateral damage: demoting the whole list is not demoting one item', async () => {
    const task = instantiate(family('word.list-sub-item'), 0, 2);
    const items = (task.params as { items: string[] }).items;
    const t = await play(
      scripted([
        { function: 'select_paragraph', args: { start_index: 2, end_index: items.length + 1 } },
        click('Increase Indent'),
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ 'no other paragraph formatting changed': 'no' });
    expect(Object.values(t.outcome.sub_scores)[0]).toBe('yes');
  });

  it('Format Painter: Copy/Paste Formatting (Ctrl+Shift+C, Ctrl+Shift+V) also solves it; plain Bold does not', async () => {
    const task = instantiate(family('word.format-painter'), 0, 0);
    const { source, target } = task.params as { source: string; target: string };
    const viaKeys = await play(
      scripted([
        { function: 'select_text', args: { text: source } },
        { function: 'keyboard_input', args: { keys: '^+c' } },
        { function: 'select_text', args: { text: target } },
        { function: 'keyboard_input', args: { keys: '^+v' } },
      ]),
      task,
    );
    expect(viaKeys.outcome).toMatchObject({ success: true });
    const underdone = await play(
      scripted([{ function: 'select_text', args: { text: target } }, click('Bold')]),
      task,
    );
    expect(underdone.outcome.success).toBe(false);
  });

  it('questions: a dump of every formatted word or a wrong count fails', async () => {
    const bold = instantiate(family('word.which-word-bold'), 0, 0);
    const p = bold.params as {
      bold: [number, string];
      italic: [number, string];
      underline: [number, string];
    };
    const dump = await play(
      scripted([
        { function: 'summary', args: { text: `${p.bold[1]}, ${p.italic[1]} or ${p.underline[1]}` } },
      ]),
      bold,
    );
    expect(dump.outcome.success).toBe(false);
    const count = instantiate(family('word.count-paragraphs-starting'), 0, 0);
    const n = Number(count.params!.count);
    const wrong = await play(
      scripted([{ function: 'summary', args: { text: `${n + 1} paragraphs` } }]),
      count,
    );
    expect(wrong.outcome.success).toBe(false);
    const words = await play(
      scripted([
        {
          function: 'summary',
          args: { text: `There are ${['zero', 'one', 'two', 'three', 'four', 'five'][n]!}.` },
        },
      ]),
      count,
    );
    expect(words.outcome.success).toBe(true);
  });

  it('infeasible: editing the paragraph instead of answering FAIL does not pass', async () => {
    const task = instantiate(family('word.copilot-rewrite'), 0, 0);
    const t = await play(
      scripted([
        task.oracle ? { function: 'select_paragraph', args: { start_index: 1, end_index: 1 } } : {},
        click('Bold'),
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
  });
});
