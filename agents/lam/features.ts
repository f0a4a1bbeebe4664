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

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** What the features of one observation share across its candidates. */
export interface ObservationFeatures {
  requestTokens: string[];
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
  const acted = new Set(observation.previous_actions.map((r) => `${r.function}|${r.control_text}`));
  return {
    requestTokens: [...new Set(tokens(observation.request))],
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
  const add = (feature: string, value = 1) => {
    const h = hash(feature);
    const index = h % row.length;
    row[index]! += (h & 0x80000000) === 0 ? value : -value;
  };
  const fn = action.status === 'FINISH' && action.function === '' ? '<finish>' : action.function;
  const controlTokens = tokens(action.control_text);
  const argText =
    typeof action.args.text === 'string'
      ? action.args.text
      : typeof action.args.keys === 'string'
        ? action.args.keys
        : '';
  add('bias');
  const control = shared.controls.get(action.control_label);
  if (control !== undefined) {
    add(`type:${control.type}|fn:${fn}`);
    add(`region:${control.region}|fn:${fn}`);
  }
  add(`fn:${fn}`);
  add(`fn:${fn}|step:${shared.stepBucket}`);
  add(`fn:${fn}|last:${shared.lastFunction}`);
  add(`fn:${fn}|lastFailed:${shared.lastFailed}`);
  if (shared.acted.has(`${action.function}|${action.control_text}`)) add(`fn:${fn}|repeat`);
  if (action.control_text !== '' && action.control_text === shared.lastControl) add(`fn:${fn}|sameControl`);
  const controlName = action.control_text.toLowerCase();
  if (controlName !== '' && shared.request.includes(controlName)) add(`fn:${fn}|controlInRequest`);
  for (const ct of controlTokens) {
    add(`ctl:${ct}|fn:${fn}`);
    for (const rt of shared.requestTokens) if (rt === ct) add(`match|fn:${fn}`, 1);
  }
  for (const rt of shared.requestTokens) {
    add(`req:${rt}|fn:${fn}`, 0.5);
    for (const ct of controlTokens) add(`req:${rt}|ctl:${ct}`, 0.5);
  }
  if (argText !== '') {
    add(`fn:${fn}|hasArg`);
    if (shared.request.includes(argText.toLowerCase())) add(`fn:${fn}|argInRequest`);
    for (const ct of controlTokens) add(`ctl:${ct}|argKind:${/^\d/.test(argText) ? 'number' : 'text'}`);
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
