/** What an evaluator sees of a trajectory: the first and last canvases, the `summary` answers, the final status. */
import type { EpisodeEvidence } from './family.ts';
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
