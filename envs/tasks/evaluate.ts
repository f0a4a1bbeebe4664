/**
 * Judging a trajectory with its task's family evaluator: the canvas before the first step against the canvas
 * after the last, plus what the agent answered (`summary` texts), in UFO's execution-result shape.
 */
import type { Evaluation, EpisodeEvidence } from './family.ts';
import { FAMILIES } from './families/index.ts';
import type { Trajectory } from './trajectory.ts';

interface ObsLike {
  canvas?: unknown;
}
interface ActionLike {
  function?: string;
  args?: Record<string, unknown>;
  status?: string;
}

export function evidenceOf(trajectory: Trajectory): EpisodeEvidence {
  const answers: string[] = [];
  let status: EpisodeEvidence['status'] = null;
  for (const step of trajectory.steps) {
    const action = step.action as ActionLike | string;
    if (typeof action === 'string') continue;
    if (action.function === 'summary' && typeof action.args?.text === 'string')
      answers.push(action.args.text);
    if (action.status === 'FINISH' || action.status === 'FAIL') status = action.status;
  }
  return {
    initial: (trajectory.steps[0]?.obs as ObsLike | undefined)?.canvas ?? null,
    final: (trajectory.final_obs as ObsLike | undefined)?.canvas ?? null,
    answers,
    status,
  };
}

/** The family's verdict, or null when the task has no evaluator lamgym knows. */
export function evaluateTrajectory(trajectory: Trajectory): Evaluation | null {
  const ref = trajectory.task.evaluator;
  if (ref === undefined) return null;
  const family = FAMILIES.get(ref.name);
  if (family === undefined)
    throw new Error(`task ${trajectory.task.unique_id} names an unknown evaluator '${ref.name}'`);
  return family.evaluate(ref.params, evidenceOf(trajectory));
}
