/**
 * Features of a candidate action for the built-in LAM: hashed indicator features (the hashing trick, with a
 * sign bit to keep collisions unbiased) over the request, the control, the function, the arguments and the
 * recent history, and their crosses, so a small MLP can learn "the request mentions bold ↔ click Bold".
 * Deterministic and allocation-light: one Float32Array row per candidate.
 */
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';

export const FEATURE_WIDTH = 512;

const STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'to',
  'of',
  'in',
  'on',
  'and',
  'for',
  'it',
  'is',
  'with',
  'all',
  'this',
  'that',
]);

export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1 && !STOP_WORDS.has(t));
}

/** FNV-1a, 32 bits, memoised: the vocabulary of requests and control names is small. */
const hashCache = new Map<string, number>();
function hash(text: string): number {
  let h = hashCache.get(text);
  if (h !== undefined) return h;
  h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  if (hashCache.size < 200_000) hashCache.set(text, h);
  return h;
}

/** Combines two hashes (murmur3's finaliser over a xor-rotate), so crosses need no string building. */
function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1) ^ ((b << 15) | (b >>> 17))) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** What the features of one observation share across its candidates. */
export interface ObservationFeatures {
  requestTokens: string[];
  requestTokenHashes: number[];
  request: string;
  lastFunction: string;
  lastControl: string;
  lastFailed: boolean;
  stepBucket: string;
  acted: Set<string>;
  controls: Map<string, { type: string; region: string }>;
}

export function observationFeatures(observation: OfficeObservation): ObservationFeatures {
  const last = observation.previous_actions.at(-1);
  const requestTokens = [...new Set(tokens(observation.request))];
  const acted = new Set(observation.previous_actions.map((r) => `${r.function}|${r.control_text}`));
  return {
    requestTokens,
    requestTokenHashes: requestTokens.map(hash),
    request: observation.request.toLowerCase(),
    lastFunction: last === undefined ? '<start>' : last.function,
    lastControl: last?.control_text ?? '',
    lastFailed: observation.last_error !== null,
    stepBucket: String(Math.min(observation.step, 10)),
    acted,
    // Coarse screen regions (ribbon rows, document, status bar) tell apart controls that share a name.
    controls: new Map(
      observation.controls.map((c) => [
        c.label,
        { type: c.control_type, region: `${Math.floor(c.rect.top / 60)}` },
      ]),
    ),
  };
}

/** Writes the candidate's features into `row` (length FEATURE_WIDTH, zeroed by the caller). */
export function candidateFeatures(
  shared: ObservationFeatures,
  action: OfficeAction,
  row: Float32Array,
): void {
  const width = row.length;
  const add = (h: number, value = 1) => {
    row[h % width]! += (h & 0x80000000) === 0 ? value : -value;
  };
  const fn = hash(action.status === 'FINISH' && action.function === '' ? '<finish>' : action.function);
  const controlTokens = tokens(action.control_text).map(hash);
  const argText =
    typeof action.args.text === 'string'
      ? action.args.text
      : typeof action.args.keys === 'string'
        ? action.args.keys
        : '';
  add(hash('bias'));
  add(mix(fn, hash('fn')));
  add(mix(fn, hash(`step:${shared.stepBucket}`)));
  add(mix(fn, hash(`last:${shared.lastFunction}`)));
  add(mix(fn, hash(`lastFailed:${shared.lastFailed}`)));
  const control = shared.controls.get(action.control_label);
  if (control !== undefined) {
    add(mix(fn, hash(`type:${control.type}`)));
    add(mix(fn, hash(`region:${control.region}`)));
  }
  if (shared.acted.has(`${action.function}|${action.control_text}`)) add(mix(fn, hash('repeat')));
  if (action.control_text !== '' && action.control_text === shared.lastControl)
    add(mix(fn, hash('sameControl')));
  const controlName = action.control_text.toLowerCase();
  if (controlName !== '' && shared.request.includes(controlName)) add(mix(fn, hash('controlInRequest')));
  const ctlKind = hash('ctl');
  const matchKind = hash('match');
  for (const ct of controlTokens) {
    add(mix(mix(ctlKind, ct), fn));
    for (const rt of shared.requestTokenHashes) if (rt === ct) add(mix(matchKind, fn));
  }
  const reqKind = hash('req');
  for (const rt of shared.requestTokenHashes) {
    const req = mix(reqKind, rt);
    add(mix(req, fn), 0.5);
    for (const ct of controlTokens) add(mix(req, ct), 0.5);
  }
  if (argText !== '') {
    add(mix(fn, hash('hasArg')));
    if (shared.request.includes(argText.toLowerCase())) add(mix(fn, hash('argInRequest')));
    const kind = hash(/^\d/.test(argText) ? 'argKind:number' : 'argKind:text');
    for (const ct of controlTokens) add(mix(mix(ctlKind, ct), kind));
  }
}

/** Feature rows for all candidates, packed [candidates × width]. */
export function featureMatrix(
  observation: OfficeObservation,
  candidates: readonly OfficeAction[],
  width = FEATURE_WIDTH,
): Float32Array {
  const shared = observationFeatures(observation);
  const matrix = new Float32Array(candidates.length * width);
  candidates.forEach((candidate, i) =>
    candidateFeatures(shared, candidate, matrix.subarray(i * width, (i + 1) * width)),
  );
  return matrix;
}
