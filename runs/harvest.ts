/**
 * Harvesting a run: successful trajectories become training data in three formats, failures are kept apart
 * for reward-model training. Before a success counts, its actions are replayed on a fresh `reset` with the
 * same seed and must reach the same verdict; one that does not replay is reported, not harvested.
 *
 * - `harvest/sft.jsonl`: the LAM SFT format of the paper's Appendix C, one line per step (the prompt and the
 *   7-key answer as chat messages);
 * - `harvest/ufo-execution.jsonl`: UFO dataflow execution-result records, one per trajectory;
 * - `harvest/steps.jsonl`: one line per step, close to GUI-360's (request, step, action, thought, result);
 * - `harvest/failures.jsonl`: the failed trajectories' steps in the same per-step form, with their outcome;
 * - `harvest/report.json`: the counts and every trajectory that did not replay.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OFFICE_APPS } from '../envs/apps.ts';
import { type OfficeAction, type OfficeObservation, appendixCSample } from '../envs/office/index.ts';
import type { Trajectory } from '../envs/tasks/trajectory.ts';
import { scoreSafely } from '../rewards/reward-fn.ts';
import { buildReward } from './actors/specs.ts';
import { readRunConfig } from './explore.ts';
import { OfficeEnvs } from './office-envs.ts';
import { TrajectoryStore } from './store/trajectory-store.ts';

type OfficeTrajectory = Trajectory<OfficeObservation, OfficeAction | string>;

export interface HarvestReport {
  run_id: string;
  trajectories: number;
  successes: number;
  harvested: number;
  failures: number;
  sft_steps: number;
  not_replayed: { episode_id: string; reason: string }[];
  out: string;
}

export async function harvest(runDir: string): Promise<HarvestReport> {
  const { config } = readRunConfig(runDir);
  const reward = await buildReward(config.reward);
  const store = TrajectoryStore.open(join(runDir, 'trajectories'));
  const out = join(runDir, 'harvest');
  mkdirSync(out, { recursive: true });
  const sft: string[] = [];
  const ufo: string[] = [];
  const steps: string[] = [];
  const failures: string[] = [];
  const report: HarvestReport = {
    run_id: config.runId,
    trajectories: 0,
    successes: 0,
    harvested: 0,
    failures: 0,
    sft_steps: 0,
    not_replayed: [],
    out,
  };
  const envs = new OfficeEnvs();
  try {
    for (const stored of store.trajectories()) {
      const trajectory = stored as OfficeTrajectory;
      report.trajectories++;
      if (!trajectory.outcome.success) {
        report.failures++;
        for (const line of stepLines(trajectory))
          failures.push(JSON.stringify({ ...line, outcome: trajectory.outcome }));
        continue;
      }
      report.successes++;
      const problem = await replayProblem(trajectory, envs, config.maxSteps, reward);
      if (problem !== null) {
        report.not_replayed.push({ episode_id: trajectory.episode_id, reason: problem });
        continue;
      }
      report.harvested++;
      for (const [i, step] of trajectory.steps.entries()) {
        if (typeof step.action === 'string') continue; // an unreadable answer teaches nothing
        sft.push(
          JSON.stringify({
            episode_id: trajectory.episode_id,
            step: i + 1,
            messages: appendixCSample(step.obs, step.action),
          }),
        );
        report.sft_steps++;
      }
      ufo.push(JSON.stringify(ufoExecutionRecord(trajectory)));
      for (const line of stepLines(trajectory)) steps.push(JSON.stringify(line));
    }
  } finally {
    store.close();
    envs.close();
  }
  const write = (name: string, lines: string[]) =>
    writeFileSync(join(out, name), lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  write('sft.jsonl', sft);
  write('ufo-execution.jsonl', ufo);
  write('steps.jsonl', steps);
  write('failures.jsonl', failures);
  writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** Replays the recorded actions from a fresh reset with the episode's seed; null when the verdict matches. */
async function replayProblem(
  trajectory: OfficeTrajectory,
  envs: OfficeEnvs,
  maxSteps: number,
  reward: Awaited<ReturnType<typeof buildReward>>,
): Promise<string | null> {
  if (OFFICE_APPS[trajectory.task.app] === undefined) return `no simulated app '${trajectory.task.app}'`;
  const env = envs.get(trajectory.task.app, maxSteps);
  const replay: OfficeTrajectory = { ...trajectory, steps: [] };
  let [obs] = env.reset({ seed: trajectory.seed, options: { task: trajectory.task } });
  for (const recorded of trajectory.steps) {
    const [next, r, terminated, truncated, info] = env.step(recorded.action);
    replay.steps.push({ ...recorded, obs, reward: r, terminated, truncated, info });
    obs = next;
    replay.final_obs = next;
    if (terminated || truncated) break;
  }
  if (replay.steps.length !== trajectory.steps.length) {
    return `the replay ended after ${replay.steps.length} of ${trajectory.steps.length} steps`;
  }
  const verdict = await scoreSafely(reward, replay as Trajectory);
  if (verdict.success !== trajectory.outcome.success) {
    return `the replay was judged ${verdict.success ? 'a success' : `a failure (${verdict.reason})`}`;
  }
  return null;
}

function actionOf(action: OfficeAction | string): OfficeAction | null {
  return typeof action === 'string' ? null : action;
}

function stepLines(trajectory: OfficeTrajectory): Record<string, unknown>[] {
  return trajectory.steps.map((step, i) => {
    const action = actionOf(step.action);
    return {
      episode_id: trajectory.episode_id,
      app: trajectory.task.app,
      task_id: trajectory.task.unique_id,
      request: step.obs.request,
      step: i + 1,
      thought: action?.thought ?? '',
      action:
        action === null
          ? { raw: step.action }
          : {
              function: action.function,
              control_label: action.control_label,
              control_text: action.control_text,
              args: action.args,
              status: action.status,
            },
      plan: action?.plan ?? [],
      controls: step.obs.controls.length,
      error: (step.info.error as string | undefined) ?? null,
      reward: step.reward,
    };
  });
}

/** UFO dataflow's execution-result record (research §2.6) for one trajectory. */
function ufoExecutionRecord(trajectory: OfficeTrajectory): Record<string, unknown> {
  const seconds = trajectory.timing.ms / 1000;
  return {
    unique_id: trajectory.task.unique_id,
    app: trajectory.task.app,
    original: { original_task: trajectory.task.task, original_steps: trajectory.task.refined_steps },
    execution_result: {
      result: {
        reason: trajectory.outcome.reason,
        sub_scores: trajectory.outcome.sub_scores,
        complete: trajectory.outcome.success ? 'yes' : 'no',
      },
      error: null,
    },
    instantiation_result: {
      choose_template: {
        result: typeof trajectory.task.template === 'string' ? trajectory.task.template : null,
        error: null,
      },
      prefill: {
        result: {
          instantiated_request: trajectory.task.instantiated_request ?? trajectory.task.task,
          instantiated_plan: trajectory.steps.map((step, i) => {
            const action = actionOf(step.action);
            return {
              Step: i + 1,
              Subtask: action?.thought ?? '',
              ControlLabel: action === null || action.control_label === '' ? null : action.control_label,
              ControlText: action?.control_text ?? '',
              Function: action?.function ?? '',
              Args: action?.args ?? {},
              Success: step.info.error === undefined,
              MatchedControlText: action === null || action.control_text === '' ? null : action.control_text,
            };
          }),
        },
        error: null,
      },
      instantiation_evaluation: {
        result: { judge: true, thought: 'harvested from a lamgym exploration run', request_type: 'None' },
        error: null,
      },
    },
    time_cost: { execute: seconds, total: seconds },
  };
}
