/** Shared set-up for the vector-env tests: CountdownEnv vector envs, sync and async, and value helpers. */
import { fileURLToPath } from 'node:url';
import { AsyncVectorEnv, type AsyncVectorEnvOptions } from '../../src/vector/async-vector-env.ts';
import type { ModuleSubEnvSource } from '../../src/vector/sub-env-source.ts';
import { SyncVectorEnv, type SyncVectorEnvOptions } from '../../src/vector/sync-vector-env.ts';
import type { VectorEnv } from '../../src/vector/vector-env.ts';
import { npRandom } from '../../src/utils/seeding.ts';
import { CountdownEnv, type CountdownOptions } from './fixtures/countdown-env.ts';

export const FIXTURE = fileURLToPath(new URL('./fixtures/countdown-env.ts', import.meta.url));

export function countdownSource(options: CountdownOptions = {}): ModuleSubEnvSource {
  return { module: FIXTURE, exportName: 'CountdownEnv', args: [options] };
}

export type Kind = 'sync' | 'async';

/** A CountdownEnv vector env of either kind; async ones use 2 worker threads. */
export async function countdownVector(
  kind: Kind,
  options: CountdownOptions[],
  vectorOptions: SyncVectorEnvOptions & AsyncVectorEnvOptions = {},
): Promise<VectorEnv> {
  if (kind === 'sync')
    return new SyncVectorEnv(
      options.map((o) => () => new CountdownEnv(o)),
      vectorOptions,
    );
  return AsyncVectorEnv.create(options.map(countdownSource), { numWorkers: 2, ...vectorOptions });
}

/** The first `count` draws CountdownEnv makes at its resets after being seeded with `seed`. */
export function draws(seed: number, count: number): number[] {
  const [generator] = npRandom(seed);
  return Array.from({ length: count }, () => generator.integers(0, 1000));
}

/** Typed arrays as plain arrays, recursively, for readable `toEqual` expectations. */
export function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
