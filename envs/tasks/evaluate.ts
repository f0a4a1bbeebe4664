/**
 * Judging a trajectory with its task's family evaluator: the canvas before the first step against the canvas
 * after the last, plus what the agent answered (`summary` texts), in UFO's execution-result shape.
 */
import { evidenceOf } from './evidence.ts';
import type { Evaluation } from './family.ts';
import { FAMILIES } from './families/index.ts';
import type { Trajectory } from './trajectory.ts';

export { evidenceOf };

/** The family's verdict, or null when the task has no evaluator lamgym knows. */
export function evaluateTrajectory(trajectory: Trajectory): Evaluation | null {
  const ref = trajectory.task.evaluator;
  if (ref === undefined) return null;
  const family = FAMILIES.get(ref.name);
  if (family === undefined)
    throw new Error(`task ${trajectory.task.unique_id} names an unknown evaluator '${ref.name}'`);
  return family.evaluate(ref.params, evidenceOf(trajectory));
}
