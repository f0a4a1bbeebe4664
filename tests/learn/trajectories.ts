/**
 * Real episodes for the learner tests: the oracle solving Word formatting tasks (successes), the random baseline
 * and a "wrong button" policy that formats the phrase with another button than the one asked (failures).
 */
import { OraclePolicy } from '../../agents/baselines/oracle.ts';
import { RandomPolicy } from '../../agents/baselines/random.ts';
import type { OfficeAction, OfficeObservation } from '../../envs/office/index.ts';
import { instantiate } from '../../envs/tasks/family.ts';
import { charFormatFamily } from '../../envs/tasks/families/word-text.ts';
import type { Trajectory } from '../../envs/tasks/trajectory.ts';
import { play, scripted } from '../tasks/family-check.ts';

export const FORMATS = ['bold', 'italic', 'underline'] as const;
const BUTTON = { bold: 'Bold', italic: 'Italic', underline: 'Underline' } as const;
const families = FORMATS.map((f) => charFormatFamily(f));

export type Kind = 'oracle' | 'random' | 'wrong-button';

/** Formats the oracle's selection with the next format's button (bold → Italic …), then FINISH. */
function wrongButton(format: (typeof FORMATS)[number]) {
  const other = BUTTON[FORMATS[(FORMATS.indexOf(format) + 1) % FORMATS.length]!];
  return scripted((obs: OfficeObservation, step: number): Partial<OfficeAction> | null => {
    if (step === 0) {
      const phrase = /'([^']+)'/.exec(obs.request)?.[1] ?? '';
      return { function: 'select_text', args: { text: phrase } };
    }
    if (step === 1)
      return { function: 'click_input', control_text: other, args: { button: 'left', double: false } };
    return null;
  });
}

/** Episodes of `kind` on instances [from, to) of each format family (suite seed 0). */
export async function episodes(kind: Kind, from: number, to: number): Promise<Trajectory[]> {
  const out: Trajectory[] = [];
  for (let i = from; i < to; i++) {
    for (const [f, family] of families.entries()) {
      const task = instantiate(family, 0, i);
      const policy =
        kind === 'oracle'
          ? new OraclePolicy()
          : kind === 'random'
            ? new RandomPolicy({ finishProbability: 0.15 })
            : wrongButton(FORMATS[f]!);
      out.push((await play(policy, task, i)) as Trajectory);
    }
  }
  return out;
}
