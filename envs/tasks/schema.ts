/**
 * The task record (DESIGN.md, "Task record"): UFO dataflow's task file (`app`, `unique_id`, `task`,
 * `refined_steps`) extended with what a gym needs to start, judge and solve an episode. Every extension is
 * optional, so a plain UFO task is a valid task; its reward then comes from a judge or a reward model.
 */
import { z } from 'zod';

export const OFFICE_APP_NAMES = ['word', 'excel', 'powerpoint'] as const;
export type OfficeAppName = (typeof OFFICE_APP_NAMES)[number];

export const TASK_SPLITS = ['expert-train', 'expert-test', 'failed'] as const;
export type TaskSplit = (typeof TASK_SPLITS)[number];

/** One step of a solving action sequence, in the LAM's action keys (UFO's `control_text` for the control). */
export const oracleStepSchema = z
  .strictObject({
    function: z.string(),
    control_label: z.string().optional(),
    control_text: z.string().optional(),
    args: z.record(z.string(), z.unknown()).default({}),
    status: z.enum(['CONTINUE', 'FINISH', 'FAIL']).optional(),
  })
  // An infeasible task's solution is a bare FAIL answer, with no function to call.
  .refine((s) => s.function !== '' || s.status === 'FAIL', {
    message: 'a step needs a function unless it is a FAIL answer',
    path: ['function'],
  });
export type OracleStep = z.infer<typeof oracleStepSchema>;

/** The evaluator a family registered under `name`, with the parameters of this instance. */
export const evaluatorRefSchema = z.strictObject({
  name: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  /** Infeasible-by-design tasks succeed only when the agent answers FAIL. */
  infeasible: z.boolean().optional(),
});
export type EvaluatorRef = z.infer<typeof evaluatorRefSchema>;

export const taskRecordSchema = z.strictObject({
  app: z.enum(OFFICE_APP_NAMES),
  unique_id: z.string().min(1),
  task: z.string().min(1),
  refined_steps: z.array(z.string()),
  family: z.string().min(1).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  seed: z.number().int().nonnegative().optional(),
  /** A template file name under the app's template folder, or a document built from parameters (JSON). */
  template: z.union([z.string(), z.record(z.string(), z.unknown()), z.null()]).optional(),
  setup: z.array(oracleStepSchema).optional(),
  evaluator: evaluatorRefSchema.optional(),
  oracle: z.array(oracleStepSchema).optional(),
  instantiated_request: z.string().min(1).optional(),
  split: z.enum(TASK_SPLITS).optional(),
  difficulty: z.enum(['easy', 'medium', 'hard']).optional(),
  /** Free-form provenance (the teacher's outcome, the UFO file it came from …). */
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type TaskRecord = z.infer<typeof taskRecordSchema>;

/** The request an agent is given: the instantiated one when there is one. */
export function requestOf(task: TaskRecord): string {
  return task.instantiated_request ?? task.task;
}
