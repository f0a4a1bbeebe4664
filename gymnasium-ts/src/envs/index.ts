/**
 * The bundled envs. Importing gymnasium-ts registers them, as importing gymnasium does:
 * `CartPole-v0` (200 steps, reward threshold 195) and `CartPole-v1` (500 steps, threshold 475).
 */
import { provideEntryPoint } from '../registry/entry-points.ts';
import { register } from '../registry/registry.ts';
import { CartPoleEnv } from './cartpole.ts';

export { CartPoleEnv, type CartPoleOptions } from './cartpole.ts';

// A string entry point keeps the specs serialisable (envSpecToJSON); the export is provided so make needs no import.
const CARTPOLE_ENTRY_POINT = 'gymnasium-ts:CartPoleEnv';
provideEntryPoint(CARTPOLE_ENTRY_POINT, CartPoleEnv);

register('CartPole-v0', { entryPoint: CARTPOLE_ENTRY_POINT, maxEpisodeSteps: 200, rewardThreshold: 195.0 });
register('CartPole-v1', { entryPoint: CARTPOLE_ENTRY_POINT, maxEpisodeSteps: 500, rewardThreshold: 475.0 });
