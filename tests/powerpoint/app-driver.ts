/** Drives the PowerPoint env as an agent would: by control text and UFO functions. */
import { expect } from 'vitest';
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import type { OfficeEnv } from '../../envs/office/index.ts';
import type { CanvasState } from '../../envs/powerpoint/model/canvas.ts';
import { makePowerPointEnv, type PowerPointState } from '../../envs/powerpoint/index.ts';

export interface Driver {
  env: OfficeEnv<PowerPointState>;
  obs: OfficeObservation;
  /** Runs `fn` on the first visible control named `text` (of `type`, when given); expects success. */
  act(text: string, fn?: string, args?: Record<string, unknown>, type?: string): Record<string, unknown>;
  /** Like act, but returns the info without expecting success. */
  tryAct(text: string, fn?: string, args?: Record<string, unknown>, type?: string): Record<string, unknown>;
  /** Calls an app API or a control-less function. */
  call(fn: string, args?: Record<string, unknown>): Record<string, unknown>;
  keys(keys: string): Record<string, unknown>;
  has(text: string, type?: string): boolean;
  state(): PowerPointState;
  canvas(): CanvasState & { view: PowerPointState['view']; slide_show: { slide: number } | null };
}

export function driver(template?: unknown): Driver {
  const env = makePowerPointEnv({ template, maxSteps: 500 });
  const [first] = env.reset({ seed: 7 });
  const step = (action: OfficeAction): Record<string, unknown> => {
    const [obs, , , , info] = env.step(action);
    d.obs = obs;
    return info;
  };
  const d: Driver = {
    env,
    obs: first,
    tryAct(text, fn = 'click_input', args, type) {
      const control = d.obs.controls.find(
        (c) => c.control_text === text && (type === undefined || c.control_type === type),
      );
      if (control === undefined) {
        throw new Error(
          `no visible control '${text}'${type ? ` (${type})` : ''}; visible: ${d.obs.controls.map((c) => c.control_text).join(' | ')}`,
        );
      }
      return step({
        thought: '',
        control_label: control.label,
        control_text: control.control_text,
        function: fn,
        args: args ?? (fn === 'click_input' ? { button: 'left', double: false } : {}),
        status: 'CONTINUE',
        plan: [],
      });
    },
    act(text, fn, args, type) {
      const info = d.tryAct(text, fn, args, type);
      expect(info.error, `${fn ?? 'click_input'} on '${text}'`).toBeUndefined();
      return info;
    },
    call(fn, args = {}) {
      return step({
        thought: '',
        control_label: '',
        control_text: '',
        function: fn,
        args,
        status: 'CONTINUE',
        plan: [],
      });
    },
    keys(keys) {
      const info = d.call('keyboard_input', { keys });
      expect(info.error, `keys ${keys}`).toBeUndefined();
      return info;
    },
    has(text, type) {
      return d.obs.controls.some(
        (c) => c.control_text === text && (type === undefined || c.control_type === type),
      );
    },
    state: () => env.state,
    canvas: () => d.obs.canvas as ReturnType<Driver['canvas']>,
  };
  return d;
}
