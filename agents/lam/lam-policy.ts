/**
 * The built-in LAM as a `Policy`: enumerate the observation's candidate actions, score them with the ONNX
 * network, and pick by a softmax over the scores (greedy at temperature 0, top-k and epsilon from the context),
 * drawing from the episode's generator so a seeded episode is reproducible.
 */
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import { candidateActions } from '../candidates.ts';
import type { Policy, PolicyContext } from '../policy.ts';
import { featureMatrix } from './features.ts';
import type { OnnxScorer } from './onnx-scorer.ts';

export class LamPolicy implements Policy<OfficeObservation, OfficeAction> {
  readonly name = 'lam';
  private readonly scorer: OnnxScorer;
  private last: Record<string, unknown> = {};

  constructor(scorer: OnnxScorer) {
    this.scorer = scorer;
  }

  get version(): string {
    return this.scorer.version;
  }

  /** Takes a new version of the network without rebuilding the policy (a running actor's update). */
  swapModel(bytes: Uint8Array, version: string): Promise<void> {
    return this.scorer.swap(bytes, version);
  }

  async act(observation: OfficeObservation, context: PolicyContext): Promise<OfficeAction> {
    const candidates = candidateActions(observation);
    const started = performance.now();
    const scores = await this.scorer.score(
      featureMatrix(observation, candidates, this.scorer.width),
      candidates.length,
    );
    const index = choose(scores, context);
    this.last = {
      candidates: candidates.length,
      score_ms: performance.now() - started,
      chosen_score: scores[index],
    };
    return candidates[index]!;
  }

  lastStepInfo(): Record<string, unknown> {
    return { ...this.last };
  }
}

/** Index of the chosen candidate under the context's sampling settings. */
export function choose(scores: Float32Array, context: PolicyContext): number {
  const n = scores.length;
  if (n === 0) throw new RangeError('no candidates to choose from');
  const { temperature = 0, topK, epsilon = 0 } = context;
  if (epsilon > 0 && context.rng.random() < epsilon) return context.rng.integers(n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  if (temperature <= 0) return order[0]!;
  const kept = order.slice(0, topK !== undefined && topK > 0 ? Math.min(topK, n) : n);
  const top = scores[kept[0]!]!;
  const weights = kept.map((i) => Math.exp((scores[i]! - top) / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  return kept[context.rng.choiceWeighted(weights.map((w) => w / total))]!;
}
