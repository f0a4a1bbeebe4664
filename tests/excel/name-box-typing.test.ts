/** Typing into the Name Box and the Formula Bar with the keyboard, then Enter, as a user does. */
import { describe, expect, it } from 'vitest';
import { makeAction, type OfficeObservation } from '../../envs/office/index.ts';
import { makeExcelEnv } from '../../envs/excel/index.ts';

interface Canvas {
  selection: { active: string; ranges: string[] };
  sheets: { cells: Record<string, { value: unknown; formula?: string }> }[];
}

function excel() {
  const env = makeExcelEnv({ request: 'Test Excel' });
  let [obs] = env.reset({ seed: 1 });
  const label = (name: string, type: string) => {
    const c = obs.controls.find(
      (x: OfficeObservation['controls'][number]) => x.control_text === name && x.control_type === type,
    );
    expect(c, `${name} (${type})`).toBeDefined();
    return c!.label;
  };
  const step = (fn: string, control_label: string, args: Record<string, unknown>) => {
    const out = env.step(makeAction({ function: fn, control_label, args }));
    obs = out[0];
    return out[4];
  };
  return {
    click: (name: string, type: string) =>
      step('click_input', label(name, type), { button: 'left', double: false }),
    keys: (keys: string) => step('keyboard_input', '', { keys }),
    canvas: () => obs.canvas as Canvas,
    messageBoxOpen: () => obs.controls.some((c) => c.control_text === 'OK'),
  };
}

describe('Name Box and Formula Bar keyboard entry', () => {
  it('a click in the Name Box selects its text, so a typed range replaces it and Enter goes there', () => {
    const x = excel();
    expect(x.click('Name Box', 'Edit').error).toBeUndefined();
    x.keys('B2:D5{ENTER}');
    expect(x.canvas().selection).toMatchObject({ active: 'B2', ranges: ['B2:D5'] });
    expect(x.messageBoxOpen()).toBe(false);
  });

  it('typing after a click on the Name Box combo box goes there too; the next keys reach the grid', () => {
    const x = excel();
    x.click('Name Box', 'ComboBox');
    x.keys('C3{ENTER}');
    expect(x.canvas().selection.active).toBe('C3');
    x.keys('hello{ENTER}');
    expect(x.canvas().sheets[0]!.cells.C3).toMatchObject({ value: 'hello' });
    expect(x.canvas().selection.active).toBe('C4');
  });

  it('a bad reference typed in the Name Box shows Excel\u2019s message and moves nothing', () => {
    const x = excel();
    x.click('Name Box', 'Edit');
    x.keys('no such place{ENTER}');
    expect(x.messageBoxOpen()).toBe(true);
    expect(x.canvas().selection.active).toBe('A1');
  });

  it('a formula typed into the Formula Bar is entered into the active cell on Enter', () => {
    const x = excel();
    x.click('B2', 'DataItem');
    x.click('Formula Bar', 'Edit');
    x.keys('=6*7{ENTER}');
    expect(x.canvas().sheets[0]!.cells.B2).toMatchObject({ value: 42, formula: '=6*7' });
  });
});
