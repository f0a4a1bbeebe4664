import { describe, expect, it } from 'vitest';
import { checkFamilies, play, scripted } from './family-check.ts';
import type { OfficeAction } from '../../envs/office/index.ts';
import { instantiate } from '../../envs/tasks/family.ts';
import { EXCEL_CELLS_FAMILIES } from '../../envs/tasks/families/excel-cells.ts';

const family = (id: string) => EXCEL_CELLS_FAMILIES.find((f) => f.id === id)!;
const click = (control_text: string): Partial<OfficeAction> => ({
  function: 'click_input',
  control_text,
  args: { button: 'left', double: false },
});
const keys = (k: string): Partial<OfficeAction> => ({ function: 'keyboard_input', args: { keys: k } });
const goTo = (range: string) => [click('Name Box'), keys(`${range}{ENTER}`)];
const mergeMenu: Partial<OfficeAction> = {
  function: 'keyboard_input',
  control_text: 'Merge & Center',
  args: { keys: '{RIGHT}{ENTER}', control_focus: true },
};
const fillMenu: Partial<OfficeAction> = { ...mergeMenu, control_text: 'Fill Color' };
type Params = { rows: unknown[] };

describe('excel-cells task families', () => {
  checkFamilies(EXCEL_CELLS_FAMILIES);

  it('has at least 14 families with distinct ids, one of them infeasible', () => {
    const ids = EXCEL_CELLS_FAMILIES.map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(14);
    expect(new Set(ids).size).toBe(ids.length);
    expect(EXCEL_CELLS_FAMILIES.some((f) => f.infeasible === true)).toBe(true);
    for (const f of EXCEL_CELLS_FAMILIES) expect(f.phrasings.length, f.id).toBeGreaterThanOrEqual(3);
  });

  it('bolding the whole sheet is not bolding the header row', async () => {
    const task = instantiate(family('excel.bold-header'), 0, 1);
    const t = await play(scripted([...goTo('A1:H30'), click('Bold')]), task, 1);
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      'A1:D1 is bold': 'yes',
      'no formatting outside A1:D1 changed': 'no',
    });
  });

  it('a total typed as a constant is not a formula', async () => {
    const task = instantiate(family('excel.sum-formula'), 0, 2);
    const p = task.params as { target: string; expected: number };
    const t = await play(scripted([click(p.target), keys(`${p.expected}{ENTER}`)]), task, 2);
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      [`${p.target} holds a formula`]: 'no',
      [`${p.target} shows ${p.expected}`]: 'yes',
    });
  });

  it.each([
    ['excel.merge-center', () => [...goTo('A1:D1'), mergeMenu, click('Merge Cells'), click('Center')]],
    [
      'excel.currency-format',
      (p: Params) => [...goTo(`D2:D${p.rows.length}`), click('Accounting Number Format')],
    ],
    ['excel.bold-header', () => [...goTo('A1:D1'), keys('^b')]],
    [
      'excel.percent-format',
      (p: Params) => [...goTo(`B2:B${p.rows.length}`), click('Number Format'), click('Percentage')],
    ],
  ])('%s also accepts another correct way', async (id, actions) => {
    const task = instantiate(family(id), 0, 3);
    const t = await play(scripted(actions(task.params as Params)), task, 3);
    expect(t.outcome.reason).toMatch(/nothing else changed|merged and centered/);
    expect(t.outcome.success).toBe(true);
  });

  it('formatting the whole column or row is fine where it shows nothing, not where it shows', async () => {
    const currency = instantiate(family('excel.currency-format'), 0, 1);
    const column = await play(
      scripted([...goTo('D:D'), click('Number Format'), click('Currency')]),
      currency,
      1,
    );
    expect(column.outcome.reason).toMatch(/nothing else changed/);
    const bold = instantiate(family('excel.bold-header'), 0, 1);
    const row = await play(scripted([...goTo('1:1'), click('Bold')]), bold, 1);
    expect(row.outcome.reason).toMatch(/nothing else changed/);
    const fill = instantiate(family('excel.fill-color'), 0, 1);
    const color = (fill.params as { color: string }).color;
    const filled = await play(scripted([...goTo('1:1'), fillMenu, click(color)]), fill, 1);
    expect(filled.outcome.success).toBe(false);
    const units = await play(
      scripted([...goTo('C:D'), click('Number Format'), click('Currency')]),
      currency,
      1,
    );
    expect(units.outcome.sub_scores).toMatchObject({
      [`no formatting outside ${'D2:D'}${(currency.params as Params).rows.length} changed`]: 'no',
    });
  });

  it('freezing panes at A2 freezes the top row; at B2 it freezes more than asked', async () => {
    const task = instantiate(family('excel.freeze-panes'), 0, 0);
    const p = task.params as { what: string };
    const at = p.what === 'Freeze Top Row' ? ['A2', 'B2'] : ['B1', 'B2'];
    const ok = await play(
      scripted([click(at[0]!), click('View'), click('Freeze Panes'), keys('{DOWN}{ENTER}')]),
      task,
      0,
    );
    expect(ok.outcome.success).toBe(true);
    const over = await play(
      scripted([click(at[1]!), click('View'), click('Freeze Panes'), keys('{DOWN}{ENTER}')]),
      task,
      0,
    );
    expect(over.outcome.success).toBe(false);
  });

  it('a long date is not the short date that was asked for, and vice versa', async () => {
    const task = instantiate(family('excel.date-format'), 0, 0);
    const p = task.params as Params & { style: string };
    const other = p.style === 'Long Date' ? 'Short Date' : 'Long Date';
    const t = await play(
      scripted([...goTo(`B2:B${p.rows.length}`), click('Number Format'), click(other)]),
      task,
      0,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ 'cell values and formulas are unchanged': 'yes' });
  });

  it('the Format Cells dialog is another way to set the decimal places', async () => {
    const task = instantiate(family('excel.decimal-places'), 0, 2);
    const p = task.params as Params & { decimals: number };
    const setDecimals = {
      function: 'set_edit_text',
      control_text: 'Decimal places:',
      args: { text: String(p.decimals) },
    };
    const t = await play(
      scripted([...goTo(`D2:D${p.rows.length}`), keys('^1'), setDecimals, click('OK')]),
      task,
      2,
    );
    expect(t.outcome.reason).toMatch(/nothing else changed/);
    expect(t.outcome.success).toBe(true);
  });

  it('Home > Format > Rename Sheet renames too; renaming the wrong sheet does not', async () => {
    const task = instantiate(family('excel.rename-sheet'), 0, 1);
    const p = task.params as { from: string; to: string; sheets: string[] };
    const typed = keys(`${p.to.replace(/ /g, '{SPACE}')}{ENTER}`);
    const viaMenu = await play(
      scripted([click(p.from), click('Format'), click('Rename Sheet'), typed]),
      task,
      1,
    );
    expect(viaMenu.outcome.success).toBe(true);
    const wrong = p.sheets.find((s) => s !== p.from)!;
    const other = await play(
      scripted([click(wrong), click('Format'), click('Rename Sheet'), typed]),
      task,
      1,
    );
    expect(other.outcome.success).toBe(false);
    expect(other.outcome.sub_scores).toMatchObject({ [`the sheet '${p.from}' is named '${p.to}'`]: 'no' });
  });

  it('AutoSum is as good as a typed SUM formula', async () => {
    const task = instantiate(family('excel.sum-formula'), 0, 1);
    const p = task.params as { target: string };
    const t = await play(scripted([click(p.target), click('AutoSum'), keys('{ENTER}')]), task, 1);
    expect(t.outcome.reason).toMatch(/computes/);
    expect(t.outcome.success).toBe(true);
  });

  it('clearing a column with Delete is not deleting the column', async () => {
    const task = instantiate(family('excel.delete-column'), 0, 0);
    const p = task.params as { header: string; rows: unknown[] };
    const col = { Region: 'B', Units: 'C', Price: 'D' }[p.header]!;
    const t = await play(scripted([...goTo(`${col}1:${col}${p.rows.length}`), keys('{DELETE}')]), task, 0);
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      [`the ${p.header} column is gone`]: 'yes',
      'the other columns shifted left, intact': 'no',
    });
  });

  it('Merge Cells without centering leaves the title unmet; merging a wider range is collateral', async () => {
    const task = instantiate(family('excel.merge-center'), 0, 0);
    const plain = await play(scripted([...goTo('A1:D1'), mergeMenu, click('Merge Cells')]), task, 0);
    expect(plain.outcome.success).toBe(false);
    expect(plain.outcome.sub_scores).toMatchObject({
      'A1:D1 is merged': 'yes',
      'the title is centered': 'no',
    });
    const wide = await play(scripted([...goTo('A1:F1'), click('Merge & Center')]), task, 0);
    expect(wide.outcome.success).toBe(false);
    expect(wide.outcome.sub_scores).toMatchObject({
      'A1:D1 is merged': 'no',
      'no other cells are merged': 'no',
    });
  });

  it('the infeasible request fails when the agent edits the sheet before giving up', async () => {
    const task = instantiate(family('excel.stock-quotes-infeasible'), 0, 0);
    const t = await play(
      scripted((_obs, step) =>
        step === 0
          ? click('C2')
          : step === 1
            ? keys('123{ENTER}')
            : { function: '', args: {}, status: 'FAIL' },
      ),
      task,
      0,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      'the agent reported that it cannot be done': 'yes',
      'the workbook is unchanged': 'no',
    });
  });

  it('instances stay compact', () => {
    for (const f of EXCEL_CELLS_FAMILIES) {
      const size = JSON.stringify(instantiate(f, 0, 0).template).length;
      expect(size, f.id).toBeLessThan(700);
    }
  });
});
