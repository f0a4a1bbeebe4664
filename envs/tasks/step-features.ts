/**
 * Features of one trajectory step, (s_t, a_t) = (observation, the action taken), for the learned reward model.
 * It lives here, below both agents/ (which trains the model) and rewards/ (which scores with it), because the
 * two must compute the very same vector and neither may import the other. The scheme follows the LAM's
 * candidate features (agents/lam/features.ts): hashed indicators with a sign bit over the request, the control,
 * the function, the arguments and the history, and their crosses; it adds what a judge of a step needs and a
 * policy does not: the step's status, and whether the previous action failed or repeated.
 */
import type { OfficeAction, OfficeObservation } from '../office/index.ts';
import { featureHash as hash, mixHashes as mix } from './feature-hashing.ts';

export const STEP_FEATURE_WIDTH = 512;

const STOP = new Set([
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
  'this',
  'that',
]);

function words(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[^a-z0-9]+/))].filter((t) => t.length > 1 && !STOP.has(t));
}

/**
 * Writes the features of taking `action` in `observation` into `row` (zeroed by the caller). An action that is
 * not an object (unparsable LAM text) gets its own indicator.
 */
export function stepFeatures(observation: OfficeObservation, action: unknown, row: Float32Array): void {
  const width = row.length;
  const add = (h: number, value = 1) => {
    row[h % width]! += (h & 0x80000000) === 0 ? value : -value;
  };
  add(hash('bias'));
  const step = Math.min(observation.step, 10);
  const last = observation.previous_actions.at(-1);
  if (observation.last_error !== null) add(hash('lastFailed'));
  const errors = observation.previous_actions.filter((a) => a.error !== null).length;
  add(hash(`errors:${Math.min(errors, 3)}`));
  if (action === null || typeof action !== 'object') {
    add(hash('invalid'));
    add(mix(hash('invalid'), hash(`step:${step}`)));
    return;
  }
  const a = action as Partial<OfficeAction>;
  const fnName = a.function === undefined || a.function === '' ? `<${a.status ?? 'none'}>` : a.function;
  const fn = hash(fnName);
  const status = hash(`status:${a.status ?? ''}`);
  add(mix(fn, hash('fn')));
  add(mix(status, hash(`step:${step}`)));
  add(mix(fn, status));
  add(mix(fn, hash(`step:${step}`)));
  add(mix(fn, hash(`last:${last?.function ?? '<start>'}`)));
  const controlText = a.control_text ?? '';
  const control = observation.controls.find((c) => c.label === a.control_label);
  if (control !== undefined) add(mix(fn, hash(`type:${control.control_type}`)));
  else if ((a.control_label ?? '') !== '') add(mix(fn, hash('unknownControl')));
  if (observation.previous_actions.some((p) => p.function === a.function && p.control_text === controlText))
    add(mix(fn, hash('repeat')));
  const request = observation.request.toLowerCase();
  if (controlText !== '' && request.includes(controlText.toLowerCase()))
    add(mix(fn, hash('controlInRequest')));
  const requestWords = words(observation.request).map(hash);
  const controlWords = words(controlText).map(hash);
  for (const cw of controlWords) {
    add(mix(mix(hash('ctl'), cw), fn));
    if (requestWords.includes(cw)) add(mix(hash('match'), fn));
  }
  for (const rw of requestWords) {
    const req = mix(hash('req'), rw);
    add(mix(req, fn), 0.5);
    add(mix(req, status), 0.5);
    for (const cw of controlWords) add(mix(req, cw), 0.5);
  }
  const args = a.args ?? {};
  const argText = typeof args.text === 'string' ? args.text : typeof args.keys === 'string' ? args.keys : '';
  if (argText !== '') {
    add(mix(fn, hash('hasArg')));
    add(mix(fn, hash(request.includes(argText.toLowerCase()) ? 'argInRequest' : 'argNotInRequest')));
  }
}

/** Feature rows of every step of a trajectory, packed [steps × width]. */
export function trajectoryStepFeatures(
  steps: readonly { obs: unknown; action: unknown }[],
  width = STEP_FEATURE_WIDTH,
): Float32Array {
  const out = new Float32Array(steps.length * width);
  steps.forEach((s, i) =>
    stepFeatures(s.obs as OfficeObservation, s.action, out.subarray(i * width, (i + 1) * width)),
  );
  return out;
}
