/**
 * String entry points, `"path/to/module.ts:ExportName"`: the module is loaded with a dynamic `import()` (by
 * `makeAsync` or `loadEntryPoint`) and its export kept here, so the synchronous `make` can use it afterwards.
 * A module part that names an existing file (absolute, or relative to the working directory) is imported as that
 * file; anything else is a package specifier (`gymnasium-ts:CartPoleEnv`). Modules that hold envs and wrappers
 * can announce their exports with `provideEntryPoint`, which makes them usable by `make` without any import.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GymError, InvalidSpec } from '../errors.ts';

const loadedExports = new Map<string, unknown>();
const importedModules = new Set<string>();

/** Splits `"module:Export"` at its last colon (module paths may hold a drive letter's colon). */
export function splitEntryPoint(entryPoint: string): { module: string; exportName: string } {
  const at = entryPoint.lastIndexOf(':');
  if (at <= 0 || at === entryPoint.length - 1) {
    throw new InvalidSpec(`Entry point "${entryPoint}" must have the form "path/to/module.ts:ExportName"`);
  }
  return { module: entryPoint.slice(0, at), exportName: entryPoint.slice(at + 1) };
}

/** Records `value` as what `entryPoint` loads to, for modules that register their own exports. */
export function provideEntryPoint(entryPoint: string, value: unknown): void {
  splitEntryPoint(entryPoint);
  loadedExports.set(entryPoint, value);
}

/** The export behind `entryPoint` if it has been loaded or provided, else undefined. */
export function loadedEntryPoint(entryPoint: string): unknown {
  return loadedExports.get(entryPoint);
}

/** Whether `module` (a module part of an entry point or of a `make` id) has been imported here. */
export function isModuleImported(module: string): boolean {
  return importedModules.has(module);
}

/** Imports `module` (file path or package specifier), with an error that says what was being loaded. */
export async function importModule(module: string, purpose: string): Promise<Record<string, unknown>> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(moduleSpecifier(module))) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GymError(`${reason}. ${purpose} failed: check that '${module}' exists and can be imported.`);
  }
  importedModules.add(module);
  return loaded;
}

/** Loads the export behind `entryPoint` (once) and returns it. */
export async function loadEntryPoint(entryPoint: string): Promise<unknown> {
  if (loadedExports.has(entryPoint)) return loadedExports.get(entryPoint);
  const { module, exportName } = splitEntryPoint(entryPoint);
  const loaded = await importModule(module, `Loading the entry point "${entryPoint}"`);
  if (!(exportName in loaded)) {
    const available = Object.keys(loaded).sort();
    throw new GymError(
      `Module '${module}' has no export '${exportName}' (entry point "${entryPoint}"); ` +
        `its exports are: ${available.length > 0 ? available.join(', ') : '(none)'}`,
    );
  }
  const value = loaded[exportName];
  loadedExports.set(entryPoint, value);
  return value;
}

function moduleSpecifier(module: string): string {
  if (module.startsWith('file:')) return module;
  const asPath = resolve(process.cwd(), module);
  if (isAbsolute(module) || module.startsWith('.') || existsSync(asPath)) return pathToFileURL(asPath).href;
  return module;
}
