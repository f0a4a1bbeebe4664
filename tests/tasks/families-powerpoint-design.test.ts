import { describe, expect, it } from 'vitest';
import { checkFamilies, play, scripted } from './family-check.ts';
import type { OfficeAction } from '../../envs/office/index.ts';
import { createPowerPointState, powerPointApp } from '../../envs/powerpoint/index.ts';
import { instantiate } from '../../envs/tasks/family.ts';
import { POWERPOINT_DESIGN_FAMILIES } from '../../envs/tasks/families/powerpoint-design.ts';
import type { TaskRecord } from '../../envs/tasks/schema.ts';

const family = (id: string) => {
  const f = POWERPOINT_DESIGN_FAMILIES.find((x) => x.id === id);
  if (!f) throw new Error(`no family ${id}`);
  return f;
};

const click = (control_text: string): Partial<OfficeAction> => ({
  function: 'click_input',
  control_text,
  args: { button: 'left', double: false },
});

/** The first instance (suite seed 0) whose params satisfy `ok`. */
function instanceWhere(id: string, ok: (p: Record<string, unknown>) => boolean): TaskRecord {
  for (let i = 0; i < 50; i++) {
    const task = instantiate(family(id), 0, i);
    if (ok(task.params!)) return task;
  }
  throw new Error(`no instance of ${id} fits`);
}

/** The oracle's steps with some replaced: a policy that does almost the right thing. */
function oracleWith(task: TaskRecord, edit: (steps: Partial<OfficeAction>[]) => Partial<OfficeAction>[]) {
  return scripted(edit((task.oracle ?? []).map((s) => ({ ...s }))));
}

describe('PowerPoint design and insert families', () => {
  checkFamilies(POWERPOINT_DESIGN_FAMILIES);

  it('has at least 11 families with distinct ids, one of them infeasible', () => {
    const ids = POWERPOINT_DESIGN_FAMILIES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(11);
    expect(POWERPOINT_DESIGN_FAMILIES.some((f) => f.infeasible === true)).toBe(true);
    for (const f of POWERPOINT_DESIGN_FAMILIES) {
      const task = instantiate(f, 0, 0);
      expect(JSON.stringify(task.template).length, f.id).toBeLessThan(1500);
      expect(
        task.refined_steps.every((s, i) => s.startsWith(`${i + 1}. `)),
        f.id,
      ).toBe(true);
    }
  });

  it('accepts other correct routes: the set_background_color API, and a transition set slide by slide', async () => {
    const bg = instantiate(family('powerpoint.background-color'), 0, 2);
    const { slide, color } = bg.params as { slide: number; color: string };
    const api = scripted([
      { function: 'set_background_color', args: { color: color.toLowerCase(), slide_index: [slide] } },
    ]);
    expect((await play(api, bg)).outcome).toMatchObject({ success: true });

    const all = instantiate(family('powerpoint.transition-all'), 0, 0);
    const { transition, slides } = all.params as { transition: string; slides: unknown[] };
    const bySlide = scripted(
      slides
        .flatMap((_, i) => [
          click(i === 0 ? 'Slide 1' : `Slide ${i + 1}`),
          click('Transitions'),
          click('More'),
          click(transition),
        ])
        .filter((_, j) => j !== 0),
    );
    expect((await play(bySlide, all)).outcome).toMatchObject({ success: true });
  });

  it('a background applied to all slides is not a background on one slide', async () => {
    const task = instantiate(family('powerpoint.background-color'), 0, 0);
    const policy = oracleWith(task, (steps) => [...steps.slice(0, -1), click('Apply to All')]);
    const t = await play(policy, task);
    expect(t.outcome.success).toBe(false);
    const p = task.params as { slide: number; color: string };
    expect(t.outcome.sub_scores).toMatchObject({
      [`slide ${p.slide} has a solid ${p.color} background`]: 'yes',
      'the other slides are unchanged': 'no',
    });
  });

  it('a transition applied to every slide is not a transition on one slide', async () => {
    const task = instantiate(family('powerpoint.transition-slide'), 0, 1);
    const t = await play(
      oracleWith(task, (steps) => [...steps, click('Apply To All')]),
      task,
    );
    const p = task.params as { slide: number; transition: string };
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      [`slide ${p.slide} has the ${p.transition} transition`]: 'yes',
      'the other slides keep their transitions': 'no',
    });
  });

  it('formatting text along the way is collateral damage for a transition task', async () => {
    const task = instantiate(family('powerpoint.transition-slide'), 0, 0);
    const t = await play(
      oracleWith(task, (steps) => [...steps, click('Title 1'), click('Home'), click('Bold')]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ 'the slides and their content are unchanged': 'no' });
  });

  it('animating the other placeholder of the slide fails', async () => {
    const task = instanceWhere('powerpoint.animate-shape', (p) => p.part === 'title');
    const t = await play(
      oracleWith(task, (steps) =>
        steps.map((s) => (s.control_text === 'Title 1' ? click('Content Placeholder 2') : s)),
      ),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(
      Object.entries(t.outcome.sub_scores)
        .filter(([, v]) => v === 'no')
        .map(([k]) => k),
    ).toEqual([
      expect.stringMatching(/has the .* animation$/),
      'no other shape on the slide got an animation',
    ]);
  });

  it('typing the text into the title instead of a new text box fails, and so does a box on another slide', async () => {
    const task = instanceWhere('powerpoint.insert-text-box', (p) => (p.slide as number) > 1);
    const p = task.params as { slide: number; text: string };
    const intoTitle = scripted([
      click(`Slide ${p.slide}`),
      click('Title 1'),
      { function: 'set_edit_text', control_text: `Slide ${p.slide}`, args: { text: p.text } },
    ]);
    const t = await play(intoTitle, task);
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      [`slide ${p.slide} has one new text box reading '${p.text}'`]: 'no',
      [`slide ${p.slide}'s other shapes are unchanged`]: 'no',
    });
    const wrongSlide = await play(
      oracleWith(task, (steps) =>
        steps.slice(1).map((s) => (s.function === 'set_edit_text' ? { ...s, control_text: 'Slide 1' } : s)),
      ),
      task,
    );
    expect(wrongSlide.outcome.sub_scores).toMatchObject({
      [`slide ${p.slide} has one new text box reading '${p.text}'`]: 'no',
      'the other slides are unchanged': 'no',
    });
  });

  it('a theme change that also adds a slide fails; a question answered with a longer theme name fails', async () => {
    const task = instantiate(family('powerpoint.apply-theme'), 0, 0);
    const t = await play(
      oracleWith(task, (steps) => [
        click('Home'),
        { function: 'keyboard_input', args: { keys: '^m' } },
        ...steps,
      ]),
      task,
    );
    expect(t.outcome.sub_scores).toMatchObject({ 'the slides and their content are unchanged': 'no' });
    expect(t.outcome.success).toBe(false);

    const q = instanceWhere(
      'powerpoint.which-theme',
      (p) => p.theme === 'Ion' || p.theme === 'Ion Boardroom',
    );
    const theme = (q.params as { theme: string }).theme;
    const wrong = theme === 'Ion' ? 'Ion Boardroom' : 'Ion';
    const f = family('powerpoint.which-theme');
    const canvas = powerPointApp.canvas(createPowerPointState(q.template));
    const judge = (answer: string) =>
      f.evaluate(q.params!, { initial: canvas, final: canvas, answers: [answer], status: 'FINISH' }).success;
    expect(judge(`It uses the ${theme} theme.`)).toBe(true);
    expect(judge(`${theme.toLowerCase()} - you can view it on the Design tab`)).toBe(true);
    expect(judge(`It uses the ${wrong} theme.`)).toBe(false);
    expect(judge('It is either Ion or Ion Boardroom.')).toBe(false);
  });

  it('a footer task that also numbers the slides, or numbers applied to one slide only, fails', async () => {
    const task = instantiate(family('powerpoint.footer-text'), 0, 0);
    const withNumbers = oracleWith(task, (steps) =>
      steps.map((s) =>
        s.function === 'keyboard_input' ? { ...s, args: { keys: '{SPACE}{TAB}{SPACE}' } } : s,
      ),
    );
    const t = await play(withNumbers, task);
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      [`every slide has the footer '${(task.params as { footer: string }).footer}'`]: 'yes',
      'no slide numbers were added': 'no',
    });

    const numbers = instanceWhere('powerpoint.slide-numbers', (p) => p.skipTitle === false);
    const applyOnly = oracleWith(numbers, (steps) => [...steps.slice(0, -1), click('Apply')]);
    const n = await play(applyOnly, numbers);
    expect(n.outcome.success).toBe(false);
    expect(n.outcome.sub_scores).toMatchObject({
      'every slide shows its slide number': 'no',
      'the title slide has number 1': 'yes',
    });
  });

  it('a count question is judged on the count, not on slide numbers the answer lists', () => {
    const q = instanceWhere('powerpoint.count-transition-slides', (p) => (p.count as number) >= 2);
    const { count, transitions, transition } = q.params as {
      count: number;
      transitions: (string | null)[];
      transition: string;
    };
    const listed = transitions.flatMap((t, i) => (t === transition ? [i + 1] : []));
    const canvas = powerPointApp.canvas(createPowerPointState(q.template));
    const f = family('powerpoint.count-transition-slides');
    const judge = (answer: string) =>
      f.evaluate(q.params!, { initial: canvas, final: canvas, answers: [answer], status: 'FINISH' }).success;
    expect(judge(`${count} slides use ${transition}: slides ${listed.join(', ')}.`)).toBe(true);
    expect(judge(`There are ${['zero', 'one', 'two', 'three', 'four', 'five', 'six'][count]} of them.`)).toBe(
      true,
    );
    expect(judge(`Slides ${listed.join(' and ')} use it.`)).toBe(false);
    expect(judge(`${count + 1} slides.`)).toBe(false);
  });

  it('an infeasible request answered FINISH after changing the deck fails', async () => {
    const task = instantiate(family('powerpoint.designer-ideas'), 0, 0);
    const t = await play(scripted([click('Design'), click('Facet')]), task);
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      'the agent reported the task as infeasible (FAIL)': 'no',
      'the presentation is unchanged': 'no',
    });
  });
});
