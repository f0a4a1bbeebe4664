/**
 * UFO's own samples on .docx templates. UFO's v1.2.0 template1.docx and template2.docx are rights-managed
 * (IRM) packages that no one outside Microsoft's tenant can decrypt (templates.test.ts checks the error), so the
 * plans run on stand-ins written to a temp folder under the same names, built from what UFO says they hold:
 * description.json ("A doc with a rectangle shape", "A doc with a line of text") and the result record of task 5
 * (the line is 'text to edit'). The plans are replayed open-loop as UFO's execute_flow does: an empty
 * ControlText calls the function with no control, any other is matched fuzzily against the visible controls.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bestControl, type OfficeAction, type OfficeObservation } from '../../envs/office/index.ts';
import { loadTaskFile, type TaskRecord } from '../../envs/tasks/index.ts';
import { makeWordEnv } from '../../envs/word/index.ts';
import * as W from '../../envs/word/model/index.ts';
import { exportDocx, readDocxFile } from '../../envs/word/ooxml/index.ts';

const UFO = join(import.meta.dirname, '../fixtures/ufo');
const dir = mkdtempSync(join(tmpdir(), 'lamgym-ufo-samples-'));
const out = join(dir, 'saved');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const descriptions = JSON.parse(readFileSync(join(UFO, 'description.json'), 'utf8')) as Record<
  string,
  string
>;
expect(descriptions['template2.docx']).toMatch(/^A doc with a line of text/);
expect(descriptions['template1.docx']).toMatch(/^A doc with a rectangle shape/);

const lineOfText = W.createDocument({ body: ['text to edit'] });
writeFileSync(join(dir, 'template2.docx'), exportDocx(lineOfText));
const rectangle = W.createDocument({ body: [''] });
W.insertShape(rectangle, 'rect', { width: 144, height: 72, wrap: 'inFrontOfText' });
writeFileSync(join(dir, 'template1.docx'), exportDocx(rectangle));

interface PlanStep {
  Step: number;
  ControlText?: string;
  Function: string;
  Args: Record<string, unknown>;
}

function loadTask(file: string): TaskRecord {
  const [loaded] = loadTaskFile(join(UFO, file)).tasks;
  if (loaded === undefined) throw new Error(`${file}: no task`);
  return loaded.task;
}

function env() {
  return makeWordEnv({ templateDir: dir, outputDir: out });
}

/** One plan step as UFO's execution runs it: the control is the best fuzzy match of ControlText. */
function actionFor(step: PlanStep, obs: OfficeObservation): OfficeAction {
  const base = {
    thought: '',
    function: step.Function,
    args: step.Args,
    status: 'CONTINUE' as const,
    plan: [],
  };
  const text = step.ControlText ?? '';
  if (text === '') return { ...base, control_label: '', control_text: '' };
  const match = bestControl(text, obs.controls, { minScore: 60 });
  if (match === null) throw new Error(`Control with text '${text}' not found.`);
  return { ...base, control_label: match.label, control_text: match.control_text };
}

function runPlan(e: ReturnType<typeof env>, obs: OfficeObservation, plan: readonly PlanStep[]) {
  let current = obs;
  for (const step of plan) {
    const [next, , , , info] = e.step(actionFor(step, current));
    expect(info.error, `step ${step.Step} ${step.Function}(${JSON.stringify(step.Args)})`).toBeUndefined();
    current = next;
  }
  return current;
}

describe("UFO's samples on UFO's templates", () => {
  it('task 5 (result-5.json): its instantiated plan turns the line of text into a bulleted list', () => {
    const task = loadTask('result-5.json');
    expect(task.template).toBe('bulleted.docx');
    const plan = (task.meta as { ufo_plan: PlanStep[] }).ufo_plan;
    expect(plan.map((s) => s.Function)).toEqual(['select_text', 'click_input']);
    // UFO copied the chosen template (template2.docx) to saved_document/bulleted.docx: map the name back.
    const e = env();
    const [obs] = e.reset({ options: { task: { ...task, template: 'template2.docx' } } });
    expect(obs.request).toBe("Turn the line of text 'text to edit' into a bulleted list in Word.");
    expect(W.allParagraphs(e.state.doc.body).map((p) => W.paragraphText(p.paragraph))).toEqual([
      'text to edit',
    ]);
    expect(W.allParagraphs(e.state.doc.body)[0]!.paragraph.list).toBeUndefined();

    runPlan(e, obs, plan);
    const [para] = W.allParagraphs(e.state.doc.body);
    expect(W.paragraphText(para!.paragraph)).toBe('text to edit');
    expect(para!.paragraph.list).toBeDefined();
    const list = para!.paragraph.list!;
    expect(W.listKind(e.state.doc.lists[String(list.id)])).toBe('bullet');
    expect(e.state.doc.lists[String(list.id)]!.levels[0]!.format).toBe('bullet');
  });

  it('task 108 (watermark.json): Design > Watermark > Custom Watermark > Text watermark > text > OK, saved', () => {
    const task = loadTask('watermark.json');
    expect(task.refined_steps).toHaveLength(4);
    const e = env();
    const [obs] = e.reset({ options: { task: { ...task, template: 'template1.docx' } } });
    expect(W.listShapes(e.state.doc).map((s) => s.shape.geometry)).toEqual(['rect']);
    const click = { button: 'left', double: false };
    const steps: PlanStep[] = [
      { Step: 1, ControlText: 'Design', Function: 'click_input', Args: click },
      { Step: 2, ControlText: 'Watermark', Function: 'click_input', Args: click },
      { Step: 3, ControlText: 'Custom Watermark', Function: 'click_input', Args: click },
      { Step: 4, ControlText: 'Text watermark', Function: 'click_input', Args: click },
      { Step: 5, ControlText: 'Text:', Function: 'set_edit_text', Args: { text: 'DRAFT COPY' } },
      { Step: 6, ControlText: 'OK', Function: 'click_input', Args: click },
      { Step: 7, ControlText: '', Function: 'save_as', Args: { file_name: 'watermark', file_ext: '.docx' } },
    ];
    runPlan(e, obs, steps);
    expect(e.state.doc.watermark).toMatchObject({ kind: 'text', text: 'DRAFT COPY' });
    const saved = readDocxFile(join(out, 'watermark.docx'));
    expect(saved.watermark).toMatchObject({ kind: 'text', text: 'DRAFT COPY' });
    expect(W.listShapes(saved).map((s) => s.shape.geometry)).toEqual(['rect']);
  });

  it('task 102 (result-102.json): the summary answer is recorded; a .docx is not in Compatibility Mode', () => {
    const task = loadTask('result-102.json');
    const plan = (task.meta as { ufo_plan: PlanStep[] }).ufo_plan;
    const e = env();
    const [obs] = e.reset({ options: { task: { ...task, template: 'template2.docx' } } });
    expect(obs.window).toBe('template2 - Word');
    runPlan(e, obs, plan);
    expect(e.answers).toEqual(["The document is in '102 - Compatibility Mode'."]);
  });
});
