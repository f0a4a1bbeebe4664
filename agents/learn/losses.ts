/**
 * The losses of the learners, each returning its value and writing its gradient w.r.t. the scores (so the MLP's
 * backward pass can take it from there). A "group" is one observation's candidates: rows
 * [groupStart[g], groupStart[g + 1]) of the scores, over which the policy is a softmax. Sums are in float64.
 */

export interface GroupedBatch {
  /** Number of groups (steps) in the batch. */
  groups: number;
  /** Row offsets, length ≥ groups + 1. */
  groupStart: Int32Array;
  /** Index of the taken action within its group, per group. */
  targets: Int32Array;
}

/** Log-probabilities of a group's softmax, written into `out` at the same rows; returns the log-partition. */
export function logSoftmax(scores: Float32Array, start: number, end: number, out: Float32Array): number {
  let max = -Infinity;
  for (let i = start; i < end; i++) if (scores[i]! > max) max = scores[i]!;
  let sum = 0;
  for (let i = start; i < end; i++) sum += Math.exp(scores[i]! - max);
  const logZ = max + Math.log(sum);
  for (let i = start; i < end; i++) out[i] = scores[i]! - logZ;
  return logZ;
}

/**
 * Mean cross-entropy of the taken actions under the groups' softmaxes (behaviour cloning). `scratch` holds
 * log-probabilities (≥ rows). Also counts the groups where a greedy policy would pick the target.
 */
export function softmaxCrossEntropy(
  scores: Float32Array,
  batch: GroupedBatch,
  dScores: Float32Array,
  scratch: Float32Array,
): { loss: number; correct: number } {
  const { groups, groupStart, targets } = batch;
  let loss = 0;
  let correct = 0;
  const inv = 1 / groups;
  for (let g = 0; g < groups; g++) {
    const start = groupStart[g]!;
    const end = groupStart[g + 1]!;
    const target = start + targets[g]!;
    logSoftmax(scores, start, end, scratch);
    loss -= scratch[target]!;
    let best = true;
    for (let i = start; i < end; i++) {
      dScores[i] = Math.exp(scratch[i]!) * inv;
      // A tie goes to the lower index, as the greedy policy breaks ties (lam-policy.ts `choose`): rows with
      // identical features (the two halves of a split button) can only tie.
      const si = scores[i]!;
      const st = scores[target]!;
      if (si > st || (si === st && i < target)) best = false;
    }
    dScores[target]! -= inv;
    if (best) correct++;
  }
  return { loss: loss * inv, correct };
}

/** Mean squared error of the scores against `labels` (first `n` rows): the reward model's loss. */
export function meanSquaredError(
  scores: Float32Array,
  labels: Float32Array,
  n: number,
  dScores: Float32Array,
): number {
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const diff = scores[i]! - labels[i]!;
    loss += diff * diff;
    dScores[i] = (2 * diff) / n;
  }
  return loss / n;
}

export interface PpoBatch extends GroupedBatch {
  /** Log-probability of the taken action under the behaviour policy (before this round of updates), per group. */
  oldLogp: Float32Array;
  /** Advantage of the taken action, per group. */
  advantages: Float32Array;
  /** Log-probabilities of the reference policy, per row (same layout as the scores). */
  refLogp: Float32Array;
}

export interface PpoLossStats {
  loss: number;
  /** Mean clipped surrogate term, −min(ρA, clip(ρ)A). */
  policyLoss: number;
  /** Mean KL(π ‖ π_ref) over the groups. */
  kl: number;
  /** Fraction of groups whose ratio lay outside [1 − ε, 1 + ε]. */
  clipFraction: number;
}

/**
 * PPO's clipped surrogate plus a KL penalty to the reference policy, averaged over groups:
 * L = mean_g [ −min(ρ_g A_g, clip(ρ_g, 1 − ε, 1 + ε) A_g) + β · KL(π_θ(·|s_g) ‖ π_ref(·|s_g)) ],
 * ρ_g = π_θ(a_g|s_g) / π_old(a_g|s_g). The KL is exact: every candidate of the step is scored.
 */
export function ppoLoss(
  scores: Float32Array,
  batch: PpoBatch,
  clip: number,
  klCoef: number,
  dScores: Float32Array,
  scratch: Float32Array,
): PpoLossStats {
  const { groups, groupStart, targets, oldLogp, advantages, refLogp } = batch;
  const inv = 1 / groups;
  let policyLoss = 0;
  let klSum = 0;
  let clipped = 0;
  for (let g = 0; g < groups; g++) {
    const start = groupStart[g]!;
    const end = groupStart[g + 1]!;
    const target = start + targets[g]!;
    logSoftmax(scores, start, end, scratch);
    const ratio = Math.exp(scratch[target]! - oldLogp[g]!);
    const adv = advantages[g]!;
    const bounded = Math.min(Math.max(ratio, 1 - clip), 1 + clip);
    if (bounded !== ratio) clipped++;
    const unclippedTerm = ratio * adv;
    const clippedTerm = bounded * adv;
    // −min(ρA, clip(ρ)A): the gradient flows only when the unclipped term is the smaller one.
    const active = unclippedTerm <= clippedTerm;
    policyLoss -= Math.min(unclippedTerm, clippedTerm);
    // d(−ρA)/d logπ(a) = −ρA; d logπ(a)/d s_j = 1[j = a] − p_j.
    const dLogp = active ? -ratio * adv * inv : 0;
    let kl = 0;
    for (let i = start; i < end; i++) kl += Math.exp(scratch[i]!) * (scratch[i]! - refLogp[i]!);
    klSum += kl;
    for (let i = start; i < end; i++) {
      const p = Math.exp(scratch[i]!);
      // dKL/ds_j = p_j (log p_j − log q_j − KL).
      dScores[i] = -dLogp * p + klCoef * inv * p * (scratch[i]! - refLogp[i]! - kl);
    }
    dScores[target]! += dLogp;
  }
  return {
    loss: (policyLoss + klCoef * klSum) * inv,
    policyLoss: policyLoss * inv,
    kl: klSum * inv,
    clipFraction: clipped * inv,
  };
}
