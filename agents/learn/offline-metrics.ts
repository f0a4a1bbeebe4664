/**
 * The paper's offline decision-making metrics (Table 3; research notes §1.5) of the built-in LAM against recorded
 * trajectories: at every step the network greedily picks one of the observation's candidates, which is compared
 * with the recorded action:
 *   - object: the same control (by label, or by name when the record gives no label; none for FINISH);
 *   - operation: the same function;
 *   - status: both stop here or both go on. A recorded action that runs a control and says FINISH counts as
 *     going on, because the LAM's candidates stop only through the FINISH candidate;
 *   - step success: all three, plus the same typed text / keys when the function types;
 *   - task success: every step of the trajectory succeeds.
 * Every step counts, including those whose recorded action is no candidate (the LAM cannot get them right).
 */
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { candidateActions } from '../candidates.ts';
import { featureMatrix } from '../lam/features.ts';
import { forward, type LamNetwork } from '../lam/network.ts';

export interface OfflineMetrics {
  steps: number;
  trajectories: number;
  objectAccuracy: number;
  operationAccuracy: number;
  statusAccuracy: number;
  stepSuccessRate: number;
  taskSuccessRate: number;
}

/** Greedy pick: highest score, ties to the lower index (as lam-policy.ts `choose` at temperature 0). */
function greedy(scores: Float32Array): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  return best;
}

export function offlineMetrics(network: LamNetwork, trajectories: readonly Trajectory[]): OfflineMetrics {
  let steps = 0;
  let object = 0;
  let operation = 0;
  let status = 0;
  let stepOk = 0;
  let tasksOk = 0;
  let counted = 0;
  for (const trajectory of trajectories) {
    if (trajectory.steps.length === 0) continue;
    counted++;
    let allOk = true;
    for (const step of trajectory.steps) {
      const obs = step.obs as OfficeObservation;
      const candidates = candidateActions(obs);
      const pick =
        candidates[
          greedy(forward(network, featureMatrix(obs, candidates, network.sizes[0]), candidates.length))
        ]!;
      const taken = (
        typeof step.action === 'object' && step.action !== null ? step.action : {}
      ) as Partial<OfficeAction>;
      const takenFn = taken.function ?? '';
      const takenStops = takenFn === '' && (taken.status === 'FINISH' || taken.status === 'FAIL');
      const pickStops = pick.function === '';
      const label = taken.control_label ?? '';
      const sameObject =
        takenFn === '' || pick.function === ''
          ? takenFn === pick.function
          : label !== ''
            ? pick.control_label === label
            : pick.control_text === (taken.control_text ?? '');
      const sameOperation = pick.function === takenFn;
      const sameStatus = pickStops === takenStops;
      const args = taken.args ?? {};
      const sameArgs = ['text', 'keys'].every((k) => pick.args[k] === undefined || pick.args[k] === args[k]);
      const ok = sameObject && sameOperation && sameStatus && sameArgs;
      steps++;
      if (sameObject) object++;
      if (sameOperation) operation++;
      if (sameStatus) status++;
      if (ok) stepOk++;
      else allOk = false;
    }
    if (allOk) tasksOk++;
  }
  const per = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return {
    steps,
    trajectories: counted,
    objectAccuracy: per(object, steps),
    operationAccuracy: per(operation, steps),
    statusAccuracy: per(status, steps),
    stepSuccessRate: per(stepOk, steps),
    taskSuccessRate: per(tasksOk, counted),
  };
}
