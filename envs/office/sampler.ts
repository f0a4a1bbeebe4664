/**
 * A random action that the current screen accepts: a random enabled control of the active window (the topmost
 * dialog, else the main window) with a function that applies to it, or an app API with arguments from its
 * `sample`. Random baselines and exploration use it where `actionSpace.sample()` (which knows no screen) would
 * mostly hit invalid labels.
 */
import type { Generator } from 'gymnasium-ts';
import { makeAction, type OfficeAction } from './actions.ts';
import type { Session } from './session.ts';

const KEYS = ['{ENTER}', '{TAB}', '{ESC}', '{DOWN}', '{UP}', '^z', '^y', 'a', '{BACKSPACE}'];
const WORDS = ['Hello', 'World', '12', 'Arial', 'A4'];
const TEXT_ROLES = new Set(['edit', 'comboEdit', 'fieldEdit', 'fieldSpinnerEdit', 'fieldComboEdit']);

export function sampleValidAction<S>(session: Session<S>, rng: Generator): OfficeAction {
  const pick = <T>(items: readonly T[]): T => items[rng.integers(0, items.length)]!;
  const apis = Object.entries(session.app.apis ?? {});
  if (apis.length > 0 && rng.random() < 0.1) {
    const [name, decl] = pick(apis);
    const args = decl.sample?.(rng, session.state);
    if (args !== null && args !== undefined) return makeAction({ function: name, args });
  }
  const view = session.view();
  const candidates = view.listed.filter((e) => e.enabled && e.node.scope === view.activeScope);
  if (candidates.length === 0) return makeAction({ function: 'keyboard_input', args: { keys: pick(KEYS) } });
  const entry = pick(candidates);
  const base = { control_label: entry.label, control_text: entry.text };
  const roll = rng.random();
  if (TEXT_ROLES.has(entry.node.role) && roll < 0.5) {
    return makeAction({ ...base, function: 'set_edit_text', args: { text: pick(WORDS) } });
  }
  if (roll < 0.85)
    return makeAction({ ...base, function: 'click_input', args: { button: 'left', double: false } });
  if (roll < 0.95) return makeAction({ ...base, function: 'keyboard_input', args: { keys: pick(KEYS) } });
  return makeAction({ ...base, function: 'wheel_mouse_input', args: { wheel_dist: pick([-3, -1, 1, 3]) } });
}
