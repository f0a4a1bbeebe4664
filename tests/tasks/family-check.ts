/**
 * The contract every task family must meet, as reusable vitest cases: each instance is a valid task record, the
 * oracle solves it through `step` (reward 1 from the rule reward), and an agent that answers FINISH (or, for an
 * infeasible task, does nothing but FINISH) at once fails it. Family test files call `checkFamilies`.
 */
import { expect, it } from 'vitest';
import { OraclePolicy } from '../../agents/baselines/oracle.ts';
import type { Policy } from '../../agents/policy.ts';
import { OFFICE_APPS } from '../../envs/apps.ts';
import { OfficeEnv, type OfficeAction, type OfficeObservation } from '../../envs/office/index.ts';
import { instantiate, type TaskFamily } from '../../envs/tasks/family.ts';
import { taskRecordSchema, type TaskRecord } from '../../envs/tasks/schema.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { evidenceOf } from '../../envs/tasks/evidence.ts';
import type { RewardFn } from '../../rewards/reward-fn.ts';
import { runEpisode } from '../../runs/episode.ts';

type AnyFamily = TaskFamily<Record<string, unknown>>;

/** A policy that plays fixed actions then FINISH: for collateral-damage tests. */
export function scripted(
  actions: Partial<OfficeAction>[] | ((obs: OfficeObservation, step: number) => Partial<OfficeAction> | null),
): Policy<OfficeObservation, OfficeAction> {
  return {
    name: 'scripted',
    version: '1',
    act(obs, ctx) {
      const next = typeof actions === 'function' ? actions(obs, ctx.step) : (actions[ctx.step] ?? null);
      const base: OfficeAction = {
        thought: '',
        control_label: '',
        control_text: '',
        function: '',
        args: {},
        status: 'FINISH',
        plan: [],
      };
      if (next === null) return base;
      // Resolve a control given by its text only, as a LAM's answer names it.
      let label = next.control_label ?? '';
      if (label === '' && next.control_text !== undefined && next.control_text !== '')
        label = obs.controls.find((c) => c.control_text === next.control_text)?.label ?? '';
      return { ...base, status: 'CONTINUE', ...next, control_label: label };
    },
  };
}

export const finishAtOnce = scripted([]);

/**
 * Families under test, by id. Judging through them (not through the shipped registry) keeps one family file's
 * test independent of every other family file.
 */
const underTest = new Map<string, AnyFamily>();

/** Judge tasks of these families with their own evaluators (what `checkFamilies` does for its families). */
export function judgeWith(families: readonly AnyFamily[]): void {
  for (const family of families) underTest.set(family.id, family);
}

/** The rule reward restricted to the families under test, falling back to the shipped registry. */
export function familyReward(): RewardFn {
  let shipped: RewardFn | null = null;
  return {
    name: 'rule',
    async score(t) {
      const ref = t.task.evaluator;
      const family = ref === undefined ? undefined : underTest.get(ref.name);
      if (family === undefined) {
        shipped ??= (await import('../../rewards/rule.ts')).ruleReward;
        return shipped.score(t);
      }
      const verdict = family.evaluate(ref!.params, evidenceOf(t));
      return { ...verdict, reward: verdict.success ? 1 : 0 };
    },
  };
}

/** One episode of `task` with `policy`, judged by the rule reward (the family's evaluator). */
export function play(
  policy: Policy<OfficeObservation, OfficeAction>,
  task: TaskRecord,
  seed = 0,
): Promise<Trajectory<OfficeObservation, OfficeAction | string>> {
  const env = new OfficeEnv(OFFICE_APPS[task.app]!, {});
  return runEpisode(env, policy, familyReward(), { runId: 'family-check', task, attempt: 0, seed });
}

/** Registers, per family, the oracle-solves / no-op-fails case over `instances` instances of suite seed 0. */
export function checkFamilies(families: readonly AnyFamily[], instances = 4): void {
  judgeWith(families);
  for (const family of families) {
    it(`${family.id}: the oracle solves every instance and a no-op fails it`, async () => {
      for (let index = 0; index < instances; index++) {
        const task = instantiate(family, 0, index);
        const parsed = taskRecordSchema.safeParse(task);
        expect(parsed.success, `${family.id} #${index}: ${parsed.error?.message ?? ''}`).toBe(true);
        expect(JSON.parse(JSON.stringify(task)), `${family.id} #${index} survives JSON`).toEqual(task);
        const solved = await play(new OraclePolicy(), task, index);
        expect(solved.outcome, `${family.id} #${index}: ${solved.outcome.reason}`).toMatchObject({
          success: true,
          reward: 1,
        });
        const idle = await play(finishAtOnce, task, index);
        expect(idle.outcome.success, `${family.id} #${index}: a no-op must fail`).toBe(false);
        if (family.infeasible === true) {
          expect(task.evaluator?.infeasible).toBe(true);
        }
      }
    });
  }
}
