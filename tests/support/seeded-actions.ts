/**
 * Shared by the tests that play seeded random episodes: a small generator of their own (so drawing actions does
 * not disturb the env's seeded stream) and UFO actions built from a function, a label and arguments: the env
 * bench's, so the bench and the tests play the same kind of actions.
 */
export { action as act, mulberry32 } from '../../scripts/bench/env.ts';
