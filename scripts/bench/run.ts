/**
 * `npm run bench -- NAME [args]`: runs the benchmark `scripts/bench/NAME.ts` (its default export, called with
 * the remaining arguments). An unknown or missing NAME lists the available benchmarks and exits with status 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
// A benchmark is a module with a default export; the others here (phases.ts) are parts of benchmarks.
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .filter((file) => /^export default /m.test(readFileSync(join(benchDir, file), 'utf8')))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (name === undefined || !available.includes(name)) {
  const problem = name === undefined ? 'No benchmark named.' : `Unknown benchmark '${name}'.`;
  console.error(`${problem} Usage: npm run bench -- NAME [args]`);
  console.error(
    `Available benchmarks (scripts/bench/README.md describes them): ${available.join(', ') || '(none)'}`,
  );
  process.exit(1);
}

const bench = (await import(pathToFileURL(join(benchDir, `${name}.ts`)).href)) as { default?: unknown };
if (typeof bench.default !== 'function') {
  console.error(`scripts/bench/${name}.ts has no default export function to run`);
  process.exit(1);
}
await (bench.default as (args: string[]) => unknown)(args);
