/**
 * The Office simulator kernel's public API: what apps (envs/word, envs/excel, envs/powerpoint) and the rest of
 * lamgym import. Apps declare their UI with the builders of ui.ts and implement `OfficeApp` (app.ts); the kernel
 * turns that into a gymnasium-ts env (`OfficeEnv`), with UFO's action set, observations, prompts and parsers.
 */
export * from './actions.ts';
export type * from './app.ts';
export { UNDO, REDO } from './app.ts';
export * from './ui.ts';
export * from './controls.ts';
export { cloneJson, countJsonObjects, jsonEqual, sameJson, shareJson } from './clone.ts';
export {
  Session,
  type SessionOptions,
  spinnerProblem,
  parseSpinnerValue,
  formatSpinnerValue,
} from './session.ts';
export {
  DOCUMENT_ID,
  MAIN_SCOPE,
  MESSAGE_BOX_ID,
  compileUi,
  type CompiledUi,
  type UiNode,
  type NodeRole,
} from './compile.ts';
export { buildView, hitTest, controlStateTree, type View, type ViewEntry } from './view.ts';
export type { UiState, DialogInstance } from './ui-state.ts';
export {
  parseKeys,
  parseKeyStrokes,
  shortcutChord,
  chordOf,
  KeySyntaxError,
  type KeyStroke,
  type KeyEvent,
} from './keys.ts';
export { parseLenient, parseKwargs, LenientParseError } from './lenient-json.ts';
export { dispatch, resolveLabel, normaliseText, functionNames } from './dispatch.ts';
export type { ControlTextCheck, DispatchOptions, DispatchResult, ActedControl } from './dispatch.ts';
export type { ActionRecord, OfficeObservation } from './observation.ts';
export { isOfficeObservation, isObservedControl } from './observation.ts';
export {
  OfficeActionSpace,
  OfficeObservationSpace,
  isActionLike,
  actionProblem,
  type OfficeActionSpaceOptions,
} from './spaces.ts';
export { parseAnswer, formatAnswer } from './answer.ts';
export type { AnswerResult, ParsedAnswer, AnswerError, AnswerFormat } from './answer.ts';
export {
  OfficeEnv,
  type OfficeEnvOptions,
  type OfficeStepContext,
  type OfficeTaskInput,
} from './office-env.ts';
export * from './prompts/index.ts';
export * from './fuzzy.ts';
export { sampleValidAction } from './sampler.ts';
