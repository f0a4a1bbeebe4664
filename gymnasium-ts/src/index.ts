/**
 * gymnasium-ts: a TypeScript port of the Gymnasium 1.x API.
 * Each section below is owned by one module family; keep exports grouped.
 */

// core
export * from './core.ts';
export type * from './spec.ts';
export * from './errors.ts';
export * from './utils/seeding.ts';

// spaces
export * from './spaces/space.ts';
// end spaces

// wrappers
// end wrappers

// registry
// end registry

// checker
// end checker

// vector
// end vector

// envs
// end envs
