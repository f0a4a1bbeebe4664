/**
 * The `oracle` baseline: plays the task's recorded solution (`oracle` steps), finding each step's control by its
 * text among the observation's controls (exact name first, then case-insensitive), then answers FINISH.
 * Tasks without an oracle get FAIL at once.
 */
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import type { Policy, PolicyContext } from '../policy.ts';

export class OraclePolicy implements Policy<OfficeObservation, OfficeAction> {
  readonly name = 'oracle';
  readonly version = '1';

  act(observation: OfficeObservation, context: PolicyContext): OfficeAction {
    const steps = context.task?.oracle;
    const done = (status: 'FINISH' | 'FAIL'): OfficeAction => ({
      thought: '',
      control_label: '',
      control_text: '',
      function: '',
      args: {},
      status,
      plan: [],
    });
    if (steps === undefined) return done('FAIL');
    const step = steps[context.step];
    if (step === undefined) return done('FINISH');
    let label = step.control_label ?? '';
    const text = step.control_text ?? '';
    if (label === '' && text !== '') {
      const control =
        observation.controls.find((c) => c.control_text === text) ??
        observation.controls.find((c) => c.control_text.toLowerCase() === text.toLowerCase());
      label = control?.label ?? '';
    }
    return {
      thought: `oracle step ${context.step + 1} of ${steps.length}`,
      control_label: label,
      control_text: text,
      function: step.function,
      args: step.args,
      // A step may carry its own status (an infeasible task's solution is a FAIL answer).
      status: step.status ?? (context.step === steps.length - 1 ? 'FINISH' : 'CONTINUE'),
      plan: steps.slice(context.step + 1).map((s) => `${s.function} ${s.control_text ?? ''}`.trim()),
    };
  }
}
