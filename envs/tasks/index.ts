/** Tasks: the task record, and reading task files (lamgym suites and UFO dataflow files). */
export * from './schema.ts';
export * from './load.ts';
export * from './suites.ts';
