import { describe, expect, it } from 'vitest';
import { checkFamilies, play, scripted } from './family-check.ts';
import { instantiate, type TaskFamily } from '../../envs/tasks/family.ts';
import { POWERPOINT_SLIDES_FAMILIES } from '../../envs/tasks/families/powerpoint-slides.ts';
import type { TaskRecord } from '../../envs/tasks/schema.ts';

type AnyFamily = TaskFamily<Record<string, unknown>>;

function family(id: string): AnyFamily {
  const f = POWERPOINT_SLIDES_FAMILIES.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no family ${id}`);
  return f;
}

/** The first instance of a family whose params satisfy `ok`. */
function instanceWhere(id: string, ok: (p: Record<string, unknown>) => boolean): TaskRecord {
  for (let i = 0; i < 50; i++) {
    const task = instantiate(family(id), 0, i);
    if (ok(task.params!)) return task;
  }
  throw new Error(`no instance of ${id} fits`);
}

const CLICK = { button: 'left', double: false };

describe('PowerPoint slide and text families', () => {
  checkFamilies(POWERPOINT_SLIDES_FAMILIES);

  it('ships at least 11 families with distinct ids, and an infeasible one', () => {
    const ids = POWERPOINT_SLIDES_FAMILIES.map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(11);
    expect(new Set(ids).size).toBe(ids.length);
    expect(POWERPOINT_SLIDES_FAMILIES.some((f) => f.infeasible === true)).toBe(true);
  });

  it('title-bold: selecting every shape on the slide and bolding it all is collateral damage', async () => {
    const task = instanceWhere('powerpoint.title-bold', (p) => p.slide === 1);
    const t = await play(
      scripted([
        { function: 'click_input', control_text: 'Title 1', args: CLICK },
        { function: 'keyboard_input', args: { keys: '^a' } },
        { function: 'click_input', control_text: 'Bold', args: CLICK },
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      'the whole title of slide 1 is bold': 'yes',
      'the rest of the slide is unchanged': 'no',
    });
  });

  it('delete-slide: deleting the right slide and then its neighbour fails on the other slides', async () => {
    const task = instanceWhere(
      'powerpoint.delete-slide',
      (p) => p.slide !== 1 && (p.slide as number) < (p.slides as unknown[]).length,
    );
    const n = task.params!.slide as number;
    const t = await play(
      scripted([
        { function: 'click_input', control_text: `Slide ${n}`, args: CLICK },
        { function: 'keyboard_input', args: { keys: '{DELETE}{DELETE}' } },
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      'no other slide was deleted or added': 'no',
      'the other slides are unchanged and in order': 'no',
    });
    expect(Object.entries(t.outcome.sub_scores).find(([k]) => k.endsWith('is gone'))?.[1]).toBe('yes');
  });

  it('move-slide: moving the slide to the wrong end of the deck fails', async () => {
    const task = instanceWhere('powerpoint.move-slide', (p) => p.to !== 1 && p.from !== 1);
    const from = task.params!.from as number;
    const t = await play(
      scripted([
        { function: 'click_input', control_text: `Slide ${from}`, args: CLICK },
        { function: 'keyboard_input', args: { keys: '^+{UP}' } },
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores['no slide was added, deleted or edited']).toBe('yes');
    expect(Object.entries(t.outcome.sub_scores).find(([k]) => k.includes("' is slide "))?.[1]).toBe('no');
  });

  it('speaker-notes: typing the note into the slide instead of the notes pane fails', async () => {
    const task = instanceWhere('powerpoint.speaker-notes', (p) => p.slide !== 1);
    const n = task.params!.slide as number;
    const t = await play(
      scripted([
        { function: 'click_input', control_text: `Slide ${n}`, args: CLICK },
        { function: 'click_input', control_text: 'Content Placeholder 2', args: CLICK },
        {
          function: 'set_edit_text',
          control_text: `Slide ${n}`,
          args: { text: task.params!.notes as string },
        },
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({ 'the slide itself is unchanged': 'no' });
  });

  it('add-bullets: typing the items on one line is not three bullets', async () => {
    const task = instanceWhere('powerpoint.add-bullets', () => true);
    const p = task.params as { slide: number; bullets: string[] };
    const t = await play(
      scripted([
        { function: 'click_input', control_text: `Slide ${p.slide}`, args: CLICK },
        { function: 'click_input', control_text: 'Content Placeholder 2', args: CLICK },
        { function: 'set_edit_text', control_text: `Slide ${p.slide}`, args: { text: p.bullets.join(', ') } },
      ]),
      task,
    );
    expect(t.outcome.success).toBe(false);
    expect(t.outcome.sub_scores).toMatchObject({
      'the content placeholder holds exactly the three items, in order': 'no',
      'the title is unchanged': 'yes',
    });
  });

  it('accepts other correct ways: New Slide then Layout, the context menu, keyboard formatting', async () => {
    const add = instanceWhere('powerpoint.new-slide-layout', (p) => p.after !== 1);
    const after = add.params!.after as number;
    const viaLayout = await play(
      scripted([
        { function: 'click_input', control_text: `Slide ${after}`, args: CLICK },
        { function: 'click_input', control_text: 'New Slide', args: CLICK },
        { function: 'click_input', control_text: 'Layout', args: CLICK },
        { function: 'click_input', control_text: add.params!.layout as string, args: CLICK },
      ]),
      add,
    );
    expect(viaLayout.outcome.success, viaLayout.outcome.reason).toBe(true);

    const hide = instanceWhere('powerpoint.hide-slide', () => true);
    const n = hide.params!.slide as number;
    const viaMenu = await play(
      scripted([
        { function: 'click_input', control_text: `Slide ${n}`, args: CLICK },
        { function: 'click_input', control_text: `Slide ${n}`, args: { button: 'right', double: false } },
        { function: 'click_input', control_text: 'Hide Slide', args: CLICK },
      ]),
      hide,
    );
    expect(viaMenu.outcome.success, viaMenu.outcome.reason).toBe(true);

    const bold = instanceWhere('powerpoint.title-bold', (p) => p.slide === 1);
    const viaKeys = await play(
      scripted([
        { function: 'click_input', control_text: 'Title 1', args: CLICK },
        // F2 puts the caret in the title; Ctrl+A then selects its text only.
        { function: 'keyboard_input', args: { keys: '{F2}^a^b' } },
      ]),
      bold,
    );
    expect(viaKeys.outcome.success, viaKeys.outcome.reason).toBe(true);
  });

  it('questions: a wrong count or another slide title is wrong; an edited deck fails the infeasible task', async () => {
    const count = instantiate(family('powerpoint.count-slides'), 0, 0);
    const n = (count.params!.slides as unknown[]).length;
    const wrong = await play(
      scripted([{ function: 'summary', args: { text: `There are ${n + 1} slides.` } }]),
      count,
    );
    expect(wrong.outcome.sub_scores).toMatchObject({ [`the answer says ${n} slides`]: 'no' });

    const q = instanceWhere('powerpoint.slide-title-question', (p) => p.slide !== 1);
    const slides = q.params!.slides as { title: string }[];
    const answer = await play(
      scripted([{ function: 'summary', args: { text: `It is '${slides[0]!.title}'.` } }]),
      q,
    );
    expect(answer.outcome.success).toBe(false);

    const infeasible = instantiate(family('powerpoint.translate-slides-infeasible'), 0, 0);
    const edited = await play(
      scripted((_obs, step) =>
        step === 0
          ? { function: 'keyboard_input', args: { keys: '{DELETE}' } }
          : { function: '', args: {}, status: 'FAIL' },
      ),
      infeasible,
    );
    expect(edited.outcome.success).toBe(false);
    expect(edited.outcome.sub_scores).toMatchObject({
      'the agent reported that the task cannot be done': 'yes',
      'the presentation is unchanged': 'no',
    });
  });
});
