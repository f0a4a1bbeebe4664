/**
 * The `teacher` baseline: a plan-follower standing in for the paper's GPT-4o teacher. It reads the task's
 * `refined_steps`, matches the control names they mention to the visible controls by fuzzy matching (UFO
 * dataflow's execution stage does the same, `find_matching_controller`), types the quoted values, reads the
 * screen for question steps, and answers FINISH after the last step. It sees the observation and the steps only:
 * never the evaluator, the oracle or the parameters. Where a help page is vague (a control it does not name, a
 * dialog it assumes open, text it does not quote) the teacher fails, and those failures make the failed pool.
 */
import {
  matchControls,
  type ObservedControl,
  type OfficeAction,
  type OfficeObservation,
} from '../../envs/office/index.ts';
import { cellRangeArgs } from '../candidates.ts';
import type { Policy, PolicyContext } from '../policy.ts';
import { type Intent, intentsOf, literalKeys } from './plan-steps.ts';

/** A control name must match at least this well (0..100) to be acted on; below it the step's mention is skipped. */
const MIN_CLICK_SCORE = 72;
/** Items chosen by a quoted value need a closer match: a value is usually the item's exact name. */
const MIN_CHOOSE_SCORE = 85;
const TYPABLE = new Set(['Edit', 'ComboBox', 'Spinner', 'Document', 'DataItem']);

interface Progress {
  key: string;
  queue: { intent: Intent; stepIndex: number }[];
  stepCount: number;
}

export class TeacherPolicy implements Policy<OfficeObservation, OfficeAction> {
  readonly name = 'teacher';
  readonly version = '1';
  private progress: Progress | null = null;

  act(observation: OfficeObservation, context: PolicyContext): OfficeAction {
    const task = context.task;
    const steps = task?.refined_steps ?? [];
    const key = `${task?.unique_id ?? ''}\0${context.seed}`;
    if (context.step === 0 || this.progress?.key !== key) {
      this.progress = {
        key,
        stepCount: steps.length,
        queue: steps.flatMap((s, stepIndex) =>
          intentsOf(s, observation.app).map((intent) => ({ intent, stepIndex })),
        ),
      };
    }
    if (steps.length === 0) return done('FAIL', 'the task gives no steps to follow');
    const progress = this.progress;
    while (progress.queue.length > 0) {
      const { intent, stepIndex } = progress.queue.shift()!;
      const action = this.resolve(intent, observation);
      if (action === null) continue;
      const remaining = progress.queue.map((q) => steps[q.stepIndex]!);
      return {
        ...action,
        thought: `Following step ${stepIndex + 1} of ${progress.stepCount}: ${steps[stepIndex]}`,
        status: 'CONTINUE',
        plan: [...new Set(remaining)],
      };
    }
    return done('FINISH', `All ${progress.stepCount} steps are done.`);
  }

  private resolve(
    intent: Intent,
    obs: OfficeObservation,
  ): Omit<OfficeAction, 'thought' | 'status' | 'plan'> | null {
    switch (intent.kind) {
      case 'click': {
        const control = best(intent.name, obs.controls, MIN_CLICK_SCORE);
        if (control === null) return null;
        // A tab already open needs no click; a group is a label, not a button.
        if (control.control_type === 'TabItem' && control.selected === true) return null;
        if (control.control_type === 'Group') return null;
        return click(control);
      }
      case 'choose': {
        const control = best(intent.value, obs.controls, MIN_CHOOSE_SCORE);
        return control === null ? null : click(control);
      }
      case 'type': {
        const field =
          intent.field === null
            ? null
            : best(intent.field, obs.controls, MIN_CLICK_SCORE, (c) => TYPABLE.has(c.control_type));
        if (field !== null)
          return {
            control_label: field.label,
            control_text: field.control_text,
            function: 'set_edit_text',
            args: { text: intent.value },
          };
        return call('keyboard_input', { keys: literalKeys(intent.value) });
      }
      case 'select':
        return select(intent.target, obs);
      case 'keys':
        return call('keyboard_input', { keys: intent.keys });
      case 'read': {
        const shown = obs.controls
          .filter((c) => c.control_type === 'Text' && c.control_text.trim() !== '')
          .map((c) => c.control_text.trim());
        return call('summary', { text: shown.length > 0 ? shown.join('; ') : 'Nothing to report.' });
      }
    }
  }
}

function best(
  query: string,
  controls: readonly ObservedControl[],
  minScore: number,
  accept: (c: ObservedControl) => boolean = () => true,
): ObservedControl | null {
  const candidates = controls.filter(accept);
  const match = matchControls(query, candidates, { minScore, limit: 1 })[0];
  return match === undefined ? null : (candidates.find((c) => c.label === match.label) ?? null);
}

function click(control: ObservedControl): Omit<OfficeAction, 'thought' | 'status' | 'plan'> {
  return {
    control_label: control.label,
    control_text: control.control_text,
    function: 'click_input',
    args: { button: 'left', double: false },
  };
}

function call(fn: string, args: Record<string, unknown>): Omit<OfficeAction, 'thought' | 'status' | 'plan'> {
  return { control_label: '', control_text: '', function: fn, args };
}

function select(
  target: string,
  obs: OfficeObservation,
): Omit<OfficeAction, 'thought' | 'status' | 'plan'> | null {
  if (obs.app === 'word') return call('select_text', { text: target });
  if (obs.app === 'excel') {
    const sheet = (obs.canvas as { activeSheet?: unknown } | null)?.activeSheet;
    const args = cellRangeArgs(target, typeof sheet === 'string' ? sheet : 'Sheet1');
    if (args !== null) return call('select_table_range', args);
  }
  const control = best(target, obs.controls, MIN_CHOOSE_SCORE);
  return control === null ? null : click(control);
}

function done(status: 'FINISH' | 'FAIL', thought: string): OfficeAction {
  return { thought, control_label: '', control_text: '', function: '', args: {}, status, plan: [] };
}
