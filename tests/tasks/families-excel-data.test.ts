/** The Excel data-tool families: every oracle solves, no-ops fail, and heavy-handed solutions are caught. */
import { describe, expect, it } from 'vitest';
import { checkFamilies, play, scripted } from './family-check.ts';
import type { OfficeAction } from '../../envs/office/index.ts';
import { instantiate } from '../../envs/tasks/family.ts';
import { EXCEL_DATA_FAMILIES } from '../../envs/tasks/families/excel-data.ts';

const byId = (id: string) => EXCEL_DATA_FAMILIES.find((f) => f.id === id)!;
const click = (control_text: string): Partial<OfficeAction> => ({
  function: 'click_input',
  control_text,
  args: { button: 'left', double: false },
});

interface Params {
  sheet: string;
  rows: (string | number)[][];
  column: number;
  value: string | number;
}

describe('Excel data-tool families', () => {
  checkFamilies(EXCEL_DATA_FAMILIES);

  it('has at least 14 families with unique ids and compact templates', () => {
    expect(EXCEL_DATA_FAMILIES.length).toBeGreaterThanOrEqual(14);
    expect(new Set(EXCEL_DATA_FAMILIES.map((f) => f.id)).size).toBe(EXCEL_DATA_FAMILIES.length);
    for (const f of EXCEL_DATA_FAMILIES) {
      const t = instantiate(f, 0, 0);
      expect(JSON.stringify(t.template).length, f.id).toBeLessThan(700);
      expect(f.phrasings.length, f.id).toBeGreaterThanOrEqual(3);
    }
    expect(EXCEL_DATA_FAMILIES.some((f) => f.infeasible === true)).toBe(true);
  });

  it('catches a sort of the key column alone: the rows fall apart', async () => {
    const task = instantiate(byId('excel.sort-a-to-z'), 0, 1);
    const p = task.params as unknown as Params;
    const col = p.column;
    const t = await play(
      scripted([
        {
          function: 'select_table_range',
          args: { sheet_name: p.sheet, start_row: 2, start_col: col, end_row: p.rows.length, end_col: col },
        },
        click('Data'),
        click('Sort A to Z'),
      ]),
      task,
      1,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ "each row's cells stay together": 'no' });
  });

  it('catches a one-level sort when two levels were asked', async () => {
    const task = instantiate(byId('excel.sort-two-levels'), 0, 0);
    const p = task.params as unknown as Params & { first: number };
    const t = await play(
      scripted([click(`${String.fromCharCode(64 + p.first)}2`), click('Data'), click('Sort A to Z')]),
      task,
      0,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores["each row's cells stay together"]).toBe('yes');
    const key = Object.keys(t.outcome.sub_scores).find((k) => k.startsWith('the rows are sorted'))!;
    expect(t.outcome.sub_scores[key]).toBe('no');
  });

  it('catches a highlight rule applied to the whole table instead of the column', async () => {
    const task = instantiate(byId('excel.highlight-greater-than'), 0, 2);
    const p = task.params as unknown as Params;
    const t = await play(
      scripted([
        {
          function: 'select_table_range',
          args: { sheet_name: p.sheet, start_row: 1, start_col: 1, end_row: p.rows.length, end_col: 5 },
        },
        click('Conditional Formatting'),
        click('Highlight Cells Rules'),
        click('Greater Than...'),
        {
          function: 'set_edit_text',
          control_text: 'Format cells that are GREATER THAN:',
          args: { text: String(p.value) },
        },
        click('OK'),
      ]),
      task,
      2,
    );
    expect(t.outcome.success).toBe(false);
    // Units and Revenue both hold numbers above the threshold, so cells outside the asked column light up.
    expect(t.outcome.sub_scores).toMatchObject({ 'no cell outside the column is highlighted': 'no' });
  });

  it('catches a filter on the wrong value: the wrong rows are hidden', async () => {
    const task = instantiate(byId('excel.filter-equals'), 0, 0);
    const p = task.params as unknown as Params;
    const header = String(p.rows[0]![p.column - 1]);
    const other = p.rows
      .slice(1)
      .map((r) => String(r[p.column - 1]))
      .find((v) => v !== p.value)!;
    const t = await play(
      scripted([
        click('A2'),
        click('Data'),
        click('Filter'),
        click(`${header}: (Showing All)`),
        click('Text Filters'),
        click('Equals...'),
        { function: 'set_edit_text', control_text: 'Value', args: { text: other } },
        click('OK'),
      ]),
      task,
      0,
    );
    expect(t.outcome.success).toBe(false);
    const key = Object.keys(t.outcome.sub_scores).find((k) => k.startsWith('only the rows'))!;
    expect(t.outcome.sub_scores[key]).toBe('no');
    expect(t.outcome.sub_scores['the table has an AutoFilter on its header row']).toBe('yes');
  });

  it('catches a chart of the wrong type and an infeasible task attempted anyway', async () => {
    const task = instantiate(byId('excel.insert-pie-chart'), 0, 0);
    const p = task.params as unknown as Params;
    const col = await play(
      scripted([
        {
          function: 'select_table_range',
          args: { sheet_name: p.sheet, start_row: 1, start_col: 1, end_row: p.rows.length, end_col: 2 },
        },
        click('Insert'),
        click('Insert Column or Bar Chart'),
        click('Clustered Column'),
      ]),
      task,
      0,
    );
    expect(col.outcome.success).toBe(false);
    expect(col.outcome.sub_scores).toMatchObject({ 'one new pie chart was inserted': 'no' });

    const web = instantiate(byId('excel.import-web-table'), 0, 0);
    const tried = await play(scripted([click('New sheet')]), web, 0);
    expect(tried.outcome.success).toBe(false);
    expect(tried.outcome.sub_scores).toMatchObject({ 'the workbook is unchanged': 'no' });
  });

  it('reads totals written with thousands separators, and rejects near misses', async () => {
    const task = instantiate(byId('excel.region-total-question'), 0, 1);
    const total = (task.params as { total: number }).total;
    const answer = async (text: string) =>
      (await play(scripted([{ function: 'summary', args: { text } }]), task, 1)).outcome.success;
    expect(await answer(`Total: ${total.toLocaleString('en-US')}.`)).toBe(true);
    expect(await answer(`It is ${total}.00 in all`)).toBe(true);
    expect(await answer(`It is ${total}5`)).toBe(false);
    expect(await answer(`It is ${total}.5`)).toBe(false);
  });

  it('answers the counting question only with the right number', async () => {
    const task = instantiate(byId('excel.count-matching-rows'), 0, 3);
    const count = (task.params as { count: number }).count;
    const wrong = await play(
      scripted([{ function: 'summary', args: { text: `${count + 1} rows` } }]),
      task,
      3,
    );
    expect(wrong.outcome.success).toBe(false);
    const right = await play(scripted([{ function: 'summary', args: { text: `${count} rows` } }]), task, 3);
    expect(right.outcome.success).toBe(true);
  });
});
