/** Test helpers: an env on the Notepad fixture, label lookup by name, and one-line actions. */
import { expect } from 'vitest';
import { makeAction, OfficeEnv, type OfficeAction, type OfficeObservation } from '../../envs/office/index.ts';
import type { Info } from 'gymnasium-ts';
import { notepad, type NotepadState } from './fixtures/notepad.ts';

export interface Driver {
  env: OfficeEnv<NotepadState>;
  obs: () => OfficeObservation;
  /** The label of the visible control with this name (and type); fails the test when there is not exactly one. */
  label: (name: string, type?: string) => string;
  has: (name: string, type?: string) => boolean;
  /** Runs an action; returns the step's info. */
  act: (
    fn: string,
    target?: string | [string, string] | null,
    args?: Record<string, unknown>,
    extra?: Partial<OfficeAction>,
  ) => Info;
  /** Runs raw answer text. */
  answer: (text: string) => Info;
  canvas: () => ReturnType<typeof notepad.canvas> & {
    text: string;
    format: Record<string, unknown>;
    page: Record<string, unknown>;
  };
  last: () => [OfficeObservation, number, boolean, boolean, Info];
}

export function driver(
  options: ConstructorParameters<typeof OfficeEnv<NotepadState>>[1] = {},
  template?: unknown,
): Driver {
  const env = new OfficeEnv(notepad, { request: 'Test the kernel', ...options });
  let [obs] = env.reset({ seed: 7, options: template === undefined ? {} : { template } });
  let last: [OfficeObservation, number, boolean, boolean, Info] = [obs, 0, false, false, {}];
  const matching = (name: string, type?: string) =>
    obs.controls.filter((c) => c.control_text === name && (type === undefined || c.control_type === type));
  const label = (name: string, type?: string) => {
    const found = matching(name, type);
    expect(found.length, `controls named '${name}'${type ? ` (${type})` : ''}`).toBe(1);
    return found[0]!.label;
  };
  const run = (action: OfficeAction | string) => {
    last = env.step(action);
    obs = last[0];
    return last[4];
  };
  return {
    env,
    obs: () => obs,
    label,
    has: (name, type) => matching(name, type).length > 0,
    act(fn, target, args = {}, extra = {}) {
      const controlLabel =
        target === undefined || target === null
          ? ''
          : Array.isArray(target)
            ? label(target[0], target[1])
            : label(target);
      return run(makeAction({ function: fn, control_label: controlLabel, args, ...extra }));
    },
    answer: (text) => run(text),
    canvas: () => obs.canvas as never,
    last: () => last,
  };
}
