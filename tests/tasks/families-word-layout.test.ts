import { describe, expect, it } from 'vitest';
import { checkFamilies, play, scripted } from './family-check.ts';
import { OraclePolicy } from '../../agents/baselines/oracle.ts';
import { instantiate } from '../../envs/tasks/family.ts';
import { WORD_LAYOUT_FAMILIES } from '../../envs/tasks/families/word-layout.ts';

const family = (id: string) => {
  const f = WORD_LAYOUT_FAMILIES.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no family ${id}`);
  return f;
};
const click = (control_text: string) => ({
  function: 'click_input',
  control_text,
  args: { button: 'left', double: false },
});

describe('Word layout task families', () => {
  it('has at least 17 families with distinct ids, at least 3 phrasings each, and an infeasible one', () => {
    const ids = WORD_LAYOUT_FAMILIES.map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(17);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of WORD_LAYOUT_FAMILIES) {
      expect(f.id).toMatch(/^word\.[a-z0-9-]+$/);
      expect(f.phrasings.length, f.id).toBeGreaterThanOrEqual(3);
      const task = instantiate(f, 0, 0);
      expect(JSON.stringify(task.template).length, `${f.id} template size`).toBeLessThan(1200);
      for (const step of task.refined_steps) expect(step, f.id).toMatch(/^\d+\. /);
    }
    expect(WORD_LAYOUT_FAMILIES.some((f) => f.infeasible === true)).toBe(true);
  });

  checkFamilies(WORD_LAYOUT_FAMILIES);

  it('the oracle also solves the rarer branches: the More gallery, the Insert Table dialog, top page numbers', async () => {
    const cases: [string, (p: Record<string, unknown>) => boolean][] = [
      ['word.apply-table-style', (p) => p.style === 'Grid Table 1 Light'],
      ['word.insert-table', (p) => (p.rows as number) > 5 || (p.columns as number) > 5],
      ['word.insert-table', (p) => (p.rows as number) <= 5 && (p.columns as number) <= 5],
      ['word.page-numbers', (p) => p.position === 'top'],
      ['word.page-orientation', (p) => p.target === 'portrait'],
    ];
    for (const [id, wanted] of cases) {
      let index = 0;
      while (!wanted(instantiate(family(id), 0, index).params!)) index++;
      const t = await play(new OraclePolicy(), instantiate(family(id), 0, index), index);
      expect(t.outcome, `${id} #${index}: ${t.outcome.reason}`).toMatchObject({ success: true });
    }
  });

  it('accepts other correct routes: Ctrl+Enter, the Page Setup dialog, Ctrl+K', async () => {
    const brk = instantiate(family('word.page-break-before'), 0, 0);
    const start = (p: Record<string, unknown>) =>
      (p.paragraphs as string[])[p.target as number]!.split(' ').slice(0, 4).join(' ');
    const viaKeys = await play(
      scripted([
        { function: 'select_text', args: { text: start(brk.params!) } },
        { function: 'keyboard_input', args: { keys: '{LEFT}' } },
        { function: 'keyboard_input', args: { keys: '^{ENTER}' } },
      ]),
      brk,
    );
    expect(viaKeys.outcome, viaKeys.outcome.reason).toMatchObject({ success: true });
    const orient = instantiate(family('word.page-orientation'), 0, 0);
    const target = (orient.params as { target: string }).target;
    const viaDialog = await play(
      scripted([
        click('Layout'),
        click('Page Setup'),
        click(target === 'landscape' ? 'Landscape' : 'Portrait'),
        click('OK'),
      ]),
      orient,
    );
    expect(viaDialog.outcome, viaDialog.outcome.reason).toMatchObject({ success: true });

    const link = instantiate(family('word.insert-hyperlink'), 0, 0);
    const lp = link.params as { phrase: string; url: string };
    const viaCtrlK = await play(
      scripted([
        { function: 'select_text', args: { text: lp.phrase } },
        { function: 'keyboard_input', args: { keys: '^k' } },
        { function: 'set_edit_text', control_text: 'Address:', args: { text: lp.url } },
        click('OK'),
      ]),
      link,
    );
    expect(viaCtrlK.outcome, viaCtrlK.outcome.reason).toMatchObject({ success: true });
  });

  it('catches collateral damage: Replace All on a shorter string also rewrites other words', async () => {
    const task = instantiate(family('word.replace-all'), 0, 2);
    const p = task.params as { find: string; replacement: string };
    // Replacing the common letters "e" changes text the task did not ask to touch.
    const t = await play(
      scripted([
        { function: 'keyboard_input', args: { keys: '^h' } },
        { function: 'set_edit_text', control_text: 'Find what:', args: { text: p.find } },
        { function: 'set_edit_text', control_text: 'Replace with:', args: { text: p.replacement } },
        click('Replace All'),
        click('OK'),
        { function: 'set_edit_text', control_text: 'Find what:', args: { text: 'the' } },
        { function: 'set_edit_text', control_text: 'Replace with:', args: { text: 'a' } },
        click('Replace All'),
        click('OK'),
        click('Close'),
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ [`no '${p.find}' is left`]: 'yes' });
    expect(Object.entries(t.outcome.sub_scores).find(([k]) => k.includes('nothing else changed'))?.[1]).toBe(
      'no',
    );
  });

  it('catches collateral damage: changing the orientation and the margins is not only the orientation', async () => {
    const task = instantiate(family('word.page-orientation'), 0, 1);
    const target = (task.params as { target: string }).target;
    const t = await play(
      scripted([
        click('Layout'),
        click('Orientation'),
        click(target === 'landscape' ? 'Landscape' : 'Portrait'),
        click('Margins'),
        click('Narrow'),
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      [`the pages are ${target}`]: 'yes',
      'the rest of the page layout is unchanged': 'no',
    });
  });

  it('catches collateral damage: a link on the whole paragraph is not a link on the phrase', async () => {
    const task = instantiate(family('word.insert-hyperlink'), 0, 3);
    const p = task.params as { phrase: string; url: string; paragraphs: string[] };
    const sentence = p.paragraphs.find((s) => s.includes(p.phrase))!;
    const t = await play(
      scripted([
        { function: 'select_text', args: { text: sentence } },
        click('Insert'),
        click('Link'),
        { function: 'set_edit_text', control_text: 'Address:', args: { text: p.url } },
        click('OK'),
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      [`'${p.phrase}' links to ${p.url}`]: 'yes',
      'no other text became a link': 'no',
    });
  });

  it('catches a wrong row position: Insert Above when below was asked', async () => {
    let index = 0;
    while (
      (instantiate(family('word.add-table-row'), 0, index).params as { where: string }).where !== 'below'
    )
      index++;
    const task = instantiate(family('word.add-table-row'), 0, index);
    const p = task.params as { data: string[][]; row: number };
    const t = await play(
      scripted([
        { function: 'select_text', args: { text: p.data[p.row]![0]! } },
        click('Table Layout'),
        click('Insert Above'),
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ 'the table has one more row': 'yes' });
    expect(Object.entries(t.outcome.sub_scores).find(([k]) => k.startsWith('an empty row'))?.[1]).toBe('no');
  });

  it('catches a comment whose card was cancelled instead of posted', async () => {
    const task = instantiate(family('word.insert-comment'), 0, 1);
    const p = task.params as { phrase: string; note: string };
    const t = await play(
      scripted([
        { function: 'select_text', args: { text: p.phrase } },
        click('Review'),
        click('New Comment'),
        { function: 'set_edit_text', control_text: 'Start a conversation', args: { text: p.note } },
        click('Cancel'),
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      'exactly one comment was added': 'yes',
      [`the comment is on '${p.phrase}'`]: 'yes',
      [`the comment says '${p.note}'`]: 'no',
    });
  });

  it('a question answered with every heading does not pass, and the infeasible task fails on FINISH', async () => {
    const task = instantiate(family('word.first-heading'), 0, 0);
    const p = task.params as { sections: { heading: string }[] };
    const all = p.sections.map((s) => s.heading).join(', ');
    const t = await play(
      scripted([{ function: 'summary', args: { text: `The headings are ${all}.` } }]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ 'the answer does not name a later heading': 'no' });

    const infeasible = instantiate(family('word.translate-document'), 0, 0);
    const typed = await play(
      scripted([{ function: 'keyboard_input', args: { keys: 'Bonjour' } }]),
      infeasible,
    );
    expect(typed.outcome.success).toBe(false);
    expect(typed.outcome.sub_scores).toMatchObject({ 'the document is unchanged': 'no' });
  });
});
