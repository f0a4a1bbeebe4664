/**
 * Features of a candidate action for the built-in LAM: hashed indicator features (the hashing trick, with a
 * sign bit to keep collisions unbiased) over the request, the control, the function, the arguments and the
 * recent history, and their crosses, so a small MLP can learn "the request mentions bold ↔ click Bold".
 * Deterministic and allocation-light: one Float32Array row per candidate.
 */
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import { featureHash as hash, mixHashes as mix } from '../../envs/tasks/feature-hashing.ts';

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

const H = {
  bias: hash('bias'),
  fn: hash('fn'),
  repeat: hash('repeat'),
  sameControl: hash('sameControl'),
  controlInRequest: hash('controlInRequest'),
  ctl: hash('ctl'),
  match: hash('match'),
  req: hash('req'),
  hasArg: hash('hasArg'),
  argInRequest: hash('argInRequest'),
  argNumber: hash('argKind:number'),
  argText: hash('argKind:text'),
  finish: hash('<finish>'),
};

/** Token hashes of a control name, memoised: the same few hundred names come back on every step. */
const controlTokenCache = new Map<string, number[]>();
function controlTokenHashes(text: string): number[] {
  let out = controlTokenCache.get(text);
  if (out === undefined) {
    out = tokens(text).map(hash);
    if (controlTokenCache.size < 100_000) controlTokenCache.set(text, out);
  }
  return out;
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
  controls: Map<string, { type: string; region: string; typeHash: number; regionHash: number }>;
  /** Hashes of the observation-level strings, computed once per observation instead of once per candidate. */
  stepHash: number;
  lastHash: number;
  lastFailedHash: number;
  /** Whether the request mentions a (lower-cased) control name, per name. */
  nameInRequest: Map<string, boolean>;
}

export function observationFeatures(observation: OfficeObservation): ObservationFeatures {
  const last = observation.previous_actions.at(-1);
  const requestTokens = [...new Set(tokens(observation.request))];
  const acted = new Set(observation.previous_actions.map((r) => `${r.function}|${r.control_text}`));
  const lastFunction = last === undefined ? '<start>' : last.function;
  const lastFailed = observation.last_error !== null;
  const stepBucket = String(Math.min(observation.step, 10));
  return {
    requestTokens,
    requestTokenHashes: requestTokens.map(hash),
    request: observation.request.toLowerCase(),
    lastFunction,
    lastControl: last?.control_text ?? '',
    lastFailed,
    stepBucket,
    acted,
    // Coarse screen regions (ribbon rows, document, status bar) tell apart controls that share a name.
    controls: new Map(
      observation.controls.map((c) => {
        const region = `${Math.floor(c.rect.top / 60)}`;
        return [
          c.label,
          {
            type: c.control_type,
            region,
            typeHash: hash(`type:${c.control_type}`),
            regionHash: hash(`region:${region}`),
          },
        ];
      }),
    ),
    stepHash: hash(`step:${stepBucket}`),
    lastHash: hash(`last:${lastFunction}`),
    lastFailedHash: hash(`lastFailed:${lastFailed}`),
    nameInRequest: new Map(),
  };
}

function add(row: Float32Array, h: number, value = 1): void {
  row[h % row.length]! += (h & 0x80000000) === 0 ? value : -value;
}

/** Writes the candidate's features into `row` (length FEATURE_WIDTH, zeroed by the caller). */
export function candidateFeatures(
  shared: ObservationFeatures,
  action: OfficeAction,
  row: Float32Array,
): void {
  const fn = action.status === 'FINISH' && action.function === '' ? H.finish : hash(action.function);
  const controlTokens = controlTokenHashes(action.control_text);
  const argText =
    typeof action.args.text === 'string'
      ? action.args.text
      : typeof action.args.keys === 'string'
        ? action.args.keys
        : '';
  add(row, H.bias);
  add(row, mix(fn, H.fn));
  add(row, mix(fn, shared.stepHash));
  add(row, mix(fn, shared.lastHash));
  add(row, mix(fn, shared.lastFailedHash));
  const control = shared.controls.get(action.control_label);
  if (control !== undefined) {
    add(row, mix(fn, control.typeHash));
    add(row, mix(fn, control.regionHash));
  }
  if (shared.acted.has(`${action.function}|${action.control_text}`)) add(row, mix(fn, H.repeat));
  if (action.control_text !== '' && action.control_text === shared.lastControl)
    add(row, mix(fn, H.sameControl));
  if (action.control_text !== '') {
    let mentioned = shared.nameInRequest.get(action.control_text);
    if (mentioned === undefined) {
      mentioned = shared.request.includes(action.control_text.toLowerCase());
      shared.nameInRequest.set(action.control_text, mentioned);
    }
    if (mentioned) add(row, mix(fn, H.controlInRequest));
  }
  for (const ct of controlTokens) {
    add(row, mix(mix(H.ctl, ct), fn));
    for (const rt of shared.requestTokenHashes) if (rt === ct) add(row, mix(H.match, fn));
  }
  for (const rt of shared.requestTokenHashes) {
    const req = mix(H.req, rt);
    add(row, mix(req, fn), 0.5);
    for (const ct of controlTokens) add(row, mix(req, ct), 0.5);
  }
  if (argText !== '') {
    add(row, mix(fn, H.hasArg));
    if (shared.request.includes(argText.toLowerCase())) add(row, mix(fn, H.argInRequest));
    const kind = /^\d/.test(argText) ? H.argNumber : H.argText;
    for (const ct of controlTokens) add(row, mix(mix(H.ctl, ct), kind));
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
