/** Shared helpers for the PowerPoint model tests. */
import { expect } from 'vitest';
import { PresentationError } from '../../envs/powerpoint/model/errors.ts';
import type { PresentationErrorCode } from '../../envs/powerpoint/model/errors.ts';
import type { Presentation } from '../../envs/powerpoint/model/types.ts';

/**
 * Runs an operation that must be refused: it throws a PresentationError with `code` whose message matches
 * `message`, and the presentation it was given is left exactly as it was.
 */
export function expectRefused(
  pres: Presentation,
  op: (p: Presentation) => unknown,
  code: PresentationErrorCode,
  message: RegExp,
): void {
  const before = structuredClone(pres);
  let thrown: unknown;
  try {
    op(pres);
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'the operation should have been refused').toBeInstanceOf(PresentationError);
  const err = thrown as PresentationError;
  expect(err.code).toBe(code);
  expect(err.message).toMatch(message);
  expect(pres).toEqual(before);
}
