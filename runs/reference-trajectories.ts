/**
 * Expert trajectories from a suite: each task's reference steps (the teacher's recorded actions, else the oracle)
 * replayed on a fresh env with the task's own seed, so every step carries the observation it was taken in. This
 * is the Phase-2 training data (the paper fine-tunes on GPT-4o's successful trajectories); the suites keep only
 * the actions, and the observations are rebuilt here, identically every time.
 */
import type { OfficeAction, OfficeEnv, OfficeObservation } from '../envs/office/index.ts';
import type { TaskRecord } from '../envs/tasks/schema.ts';
import type { Trajectory } from '../envs/tasks/trajectory.ts';
import { referenceSteps } from './evaluate-policy.ts';
import { OfficeEnvs } from './office-envs.ts';
import { episodeId } from './seeds.ts';

export type ExpertTrajectory = Trajectory<OfficeObservation, OfficeAction>;

export function referenceTrajectories(
  tasks: readonly TaskRecord[],
  options: { maxSteps?: number; onTask?: (done: number, total: number) => void } = {},
): ExpertTrajectory[] {
  const envs = new OfficeEnvs();
  const out: ExpertTrajectory[] = [];
  tasks.forEach((task, index) => {
    const reference = referenceSteps(task);
    if (reference !== null) {
      out.push(replay(envs.get(task.app, options.maxSteps), task, reference));
    }
    options.onTask?.(index + 1, tasks.length);
  });
  envs.close();
  return out;
}

function replay(
  env: OfficeEnv<unknown>,
  task: TaskRecord,
  reference: NonNullable<ReturnType<typeof referenceSteps>>,
): ExpertTrajectory {
  const seed = task.seed ?? 0;
  let [obs] = env.reset({ seed, options: { task } });
  const trajectory: ExpertTrajectory = {
    episode_id: episodeId('reference', task.app, task.unique_id, 0),
    run_id: 'reference',
    task,
    attempt: 0,
    policy: { name: 'reference', version: '1' },
    seed,
    steps: [],
    outcome: {
      success: true,
      reward: 1,
      sub_scores: {},
      reason: 'reference trajectory',
      reward_fn: 'reference',
    },
    timing: { started_at: new Date(0).toISOString(), ms: 0 },
  };
  for (const ref of reference) {
    const label =
      ref.control_text === ''
        ? ''
        : (obs.controls.find((c) => c.control_text === ref.control_text)?.label ?? '');
    const action: OfficeAction = {
      thought: '',
      control_label: label,
      control_text: ref.control_text,
      function: ref.function,
      args: ref.args,
      status: ref.status,
      plan: [],
    };
    const [next, reward, terminated, truncated, info] = env.step(action);
    trajectory.steps.push({ obs, action, reward, terminated, truncated, info, ms: 0 });
    obs = next;
    trajectory.final_obs = next;
    if (terminated || truncated) break;
  }
  return trajectory;
}
