/**
 * Helpers every task family shares: sampling over the seeded rng, oracle-step builders and the verdict assembly.
 * The suites are rebuilt byte for byte from the families, so the key order of every object built here is part of
 * the contract (a step is { function, control_text, args }, a verdict { success, sub_scores, reason }).
 */
import type { Generator } from 'gymnasium-ts';
import type { Evaluation, Verdict } from '../family.ts';
import type { OracleStep } from '../schema.ts';

// -- sampling --------------------------------------------------------------------------------------------------------

export function pick<T>(rng: Generator, xs: readonly T[]): T {
  return xs[rng.integers(xs.length)]!;
}

/** A Fisher-Yates shuffle; draws one integer per position from the end, so the rng stream is part of the output. */
export function shuffled<T>(rng: Generator, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.integers(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `n` distinct entries of `xs` in a random order. */
export function pickDistinct<T>(rng: Generator, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.integers(pool.length), 1)[0]!);
  return out;
}

// -- oracle steps ----------------------------------------------------------------------------------------------------

export const click = (control_text: string): OracleStep => ({
  function: 'click_input',
  control_text,
  args: { button: 'left', double: false },
});

export const setText = (control_text: string, text: string): OracleStep => ({
  function: 'set_edit_text',
  control_text,
  args: { text },
});

export const keys = (k: string): OracleStep => ({ function: 'keyboard_input', args: { keys: k } });

/** Keys sent to a control after focusing it, e.g. to reach the arrow half of a split button (it shares the name). */
export const focusKeys = (control_text: string, k: string): OracleStep => ({
  function: 'keyboard_input',
  control_text,
  args: { keys: k, control_focus: true },
});

export const selectText = (text: string): OracleStep => ({ function: 'select_text', args: { text } });

/** The answer step of a question task. */
export const summary = (text: string): OracleStep => ({ function: 'summary', args: { text } });

/** The oracle of an infeasible task: report it cannot be done. */
export const failStep = (): OracleStep => ({ function: '', args: {}, status: 'FAIL' });

/**
 * Selects slide n in PowerPoint's thumbnail pane. The template starts on slide 1, whose canvas is also named
 * "Slide 1", so slide 1 is not clicked (the oracle would hit the slide canvas first); it is already current.
 */
export const goToSlide = (n: number): OracleStep[] => (n === 1 ? [] : [click(`Slide ${n}`)]);

/** Refined instructions as a numbered list. */
export const numbered = (steps: string[]): string[] => steps.map((s, i) => `${i + 1}. ${s}`);

/** Deep equality of canvas parts as JSON (key order counts, as it does in the canvases). */
export const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

// -- verdicts --------------------------------------------------------------------------------------------------------

export const yes = (ok: boolean): 'yes' | 'no' => (ok ? 'yes' : 'no');

/** The verdict of ready sub-scores: success when all are 'yes', else the reason names the others in order. */
export function judge(sub_scores: Record<string, Verdict>, done: string): Evaluation {
  const failed = Object.entries(sub_scores)
    .filter(([, v]) => v !== 'yes')
    .map(([k]) => k);
  const success = failed.length === 0;
  return { success, sub_scores, reason: success ? done : `not met: ${failed.join('; ')}` };
}

/** The verdict of named pass/fail checks. */
export function verdict(checks: Record<string, boolean>, done: string): Evaluation {
  const sub_scores: Record<string, 'yes' | 'no'> = {};
  for (const [k, v] of Object.entries(checks)) sub_scores[k] = yes(v);
  return judge(sub_scores, done);
}
