/** The env bench's phase timer: counts every phase call per step and puts the original methods back. */
import { describe, expect, it } from 'vitest';
import { OfficeEnv, Session } from '../../envs/office/index.ts';
import { timePhases } from '../../scripts/bench/phases.ts';
import { act } from '../support/seeded-actions.ts';
import { notepad } from './fixtures/notepad.ts';

describe('timePhases', () => {
  it('reports calls per step for each phase and removes its wrappers', () => {
    const build = (Session.prototype as unknown as Record<string, unknown>).build;
    const step = OfficeEnv.prototype.step;
    const timer = timePhases();
    expect(OfficeEnv.prototype.step).not.toBe(step);
    const env = new OfficeEnv(notepad, { maxSteps: 50 });
    env.reset({ seed: 1 });
    timer.reset();
    for (let i = 0; i < 10; i++) env.step(act('set_edit_text', '', '', {}));
    for (let i = 0; i < 10; i++) env.step(act('keyboard_input', '', '', { keys: 'ab' }));
    const report = timer.report();
    timer.remove();
    expect(Object.keys(report)).toEqual([
      'step',
      'dispatch',
      'commands',
      'undo snapshot',
      'observe',
      'view rebuild',
      'canvas',
    ]);
    expect(report.step!.calls_per_step).toBe(1);
    expect(report.dispatch!.calls_per_step).toBe(1);
    expect(report.observe!.calls_per_step).toBe(1);
    // Typing changes the document every time (one command each); the refused set_edit_text steps run none.
    expect(report.commands!.calls_per_step).toBe(0.5);
    expect(report.step!.us_per_step).toBeGreaterThan(0);
    expect(OfficeEnv.prototype.step).toBe(step);
    expect((Session.prototype as unknown as Record<string, unknown>).build).toBe(build);
  });
});
