/**
 * Node flags for a worker thread whose entry module is `workerUrl`. A compiled (.js) checkout needs none; a
 * TypeScript checkout preloads ts-worker-loader.mjs, because on Node 20 `--import tsx` in a worker installs only
 * tsx's CommonJS hook and the worker could not import .ts modules.
 */
export function workerExecArgv(workerUrl: URL): string[] | undefined {
  if (!workerUrl.pathname.endsWith('.ts')) return undefined;
  return ['--import', new URL('./ts-worker-loader.mjs', import.meta.url).href];
}
