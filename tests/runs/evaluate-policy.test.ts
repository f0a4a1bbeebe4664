import { describe, expect, it } from 'vitest';
import { OraclePolicy } from '../../agents/baselines/oracle.ts';
import { RandomPolicy } from '../../agents/baselines/random.ts';
import { TeacherPolicy } from '../../agents/baselines/teacher.ts';
import { instantiate } from '../../envs/tasks/family.ts';
import { charFormatFamily, wordCountFamily } from '../../envs/tasks/families/word-text.ts';
import type { TaskRecord } from '../../envs/tasks/schema.ts';
import { evaluatePolicy, referenceSteps } from '../../runs/evaluate-policy.ts';
import { familyReward, judgeWith } from '../tasks/family-check.ts';

const families = [charFormatFamily('bold'), charFormatFamily('underline'), wordCountFamily] as never[];
judgeWith(families);
const tasks: TaskRecord[] = families.flatMap((f) => [0, 1, 2].map((i) => instantiate(f, 5, i) as TaskRecord));

describe('evaluating a policy', () => {
  it('gives the oracle full marks against its own reference, offline and online', async () => {
    const result = await evaluatePolicy(new OraclePolicy(), familyReward(), tasks);
    expect(result.overall.offline).toMatchObject({
      tasks: 9,
      object_accuracy: 1,
      operation_accuracy: 1,
      status_accuracy: 1,
      step_success_rate: 1,
      task_success_rate: 1,
      skipped: 0,
    });
    expect(result.overall.online).toMatchObject({ tasks: 9, successes: 9, task_success_rate: 1, errors: 0 });
    expect(result.apps.word!.online.step_latency_ms.p99).toBeGreaterThanOrEqual(0);
  });

  it('scores the teacher below the oracle where it cannot do the task, and a random policy lower still', async () => {
    const teacher = await evaluatePolicy(new TeacherPolicy(), familyReward(), tasks);
    // The teacher fails the word-count questions: 6 of 9 online.
    expect(teacher.overall.online.successes).toBe(6);
    expect(teacher.overall.offline.task_success_rate).toBeLessThan(1);
    const random = await evaluatePolicy(new RandomPolicy(), familyReward(), tasks, { seed: 1 });
    expect(random.overall.offline.step_success_rate).toBeLessThan(teacher.overall.offline.step_success_rate);
    expect(random.overall.online.successes).toBeLessThan(teacher.overall.online.successes);
  });

  it('prefers the teacher recording as the reference; an oracle reference finishes on its last call', () => {
    const task = tasks[0]!;
    const fromOracle = referenceSteps(task)!;
    expect(fromOracle.map((s) => [s.function, s.status])).toEqual([
      ['select_text', 'CONTINUE'],
      ['click_input', 'FINISH'],
    ]);
    const recorded = {
      ...task,
      meta: {
        teacher: { success: true, actions: [{ function: '', control_text: '', args: {}, status: 'FINISH' }] },
      },
    };
    expect(referenceSteps(recorded)).toEqual([
      { function: '', control_text: '', args: {}, status: 'FINISH' },
    ]);
    expect(referenceSteps({ ...task, oracle: undefined } as unknown as TaskRecord)).toBeNull();
  });
});
