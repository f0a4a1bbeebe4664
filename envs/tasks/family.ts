/**
 * A task family: a parameterised task with seeded parameters, phrasings from precise to loose, a starting
 * document, the `refined_steps` a help page would give, an evaluator that judges the final state against the
 * initial one (the asked change present, nothing else destroyed), and an oracle that solves it through `step`.
 * Instance seeds come from a hash of the suite seed, the family and the index, never from order.
 */
import { createHash } from 'node:crypto';
import { type Generator, npRandom } from 'gymnasium-ts';
import type { OfficeAppName, OracleStep, TaskRecord } from './schema.ts';

export type Verdict = 'yes' | 'no' | 'unsure';

export interface Evaluation {
  success: boolean;
  sub_scores: Record<string, Verdict>;
  reason: string;
}

/** What an evaluator sees: the canvases before and after, and what the agent answered (summary/FINISH/FAIL). */
export interface EpisodeEvidence {
  initial: unknown;
  final: unknown;
  answers: string[];
  status: 'FINISH' | 'FAIL' | null;
}

export interface TaskFamily<P extends Record<string, unknown>> {
  id: string;
  app: OfficeAppName;
  difficulty: 'easy' | 'medium' | 'hard';
  /**
   * Infeasible by design (the app cannot do what is asked): the evaluator must succeed only when the agent
   * answers FAIL, and the oracle is a single FAIL step.
   */
  infeasible?: boolean;
  sample(rng: Generator): P;
  /** Request phrasings, from precise to the loose wording of help pages. */
  phrasings: readonly ((p: P) => string)[];
  template(p: P): Record<string, unknown>;
  refinedSteps(p: P): string[];
  oracle(p: P): OracleStep[];
  evaluate(p: P, evidence: EpisodeEvidence): Evaluation;
}

/** The instance seed of (suite seed, family, index): a hash, so adding a family never reshuffles the others. */
export function instanceSeed(suiteSeed: number, familyId: string, index: number): number {
  return createHash('sha256')
    .update(`lamgym-task\0${suiteSeed}\0${familyId}\0${index}`)
    .digest()
    .readUInt32LE(0);
}

export function instantiate<P extends Record<string, unknown>>(
  family: TaskFamily<P>,
  suiteSeed: number,
  index: number,
): TaskRecord {
  const seed = instanceSeed(suiteSeed, family.id, index);
  const rng = npRandom(seed)[0];
  const params = family.sample(rng);
  const phrasing = family.phrasings[rng.integers(family.phrasings.length)]!;
  return {
    app: family.app,
    unique_id: `${family.id}-${index}`,
    task: phrasing(params),
    instantiated_request: phrasing(params),
    refined_steps: family.refinedSteps(params),
    family: family.id,
    params,
    seed,
    template: family.template(params),
    evaluator:
      family.infeasible === true
        ? { name: family.id, params, infeasible: true }
        : { name: family.id, params },
    oracle: family.oracle(params),
    difficulty: family.difficulty,
  };
}
