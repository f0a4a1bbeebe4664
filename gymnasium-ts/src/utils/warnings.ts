/**
 * A typed warning channel, as Python's `warnings` module serves Gymnasium's `logger.warn`/`logger.deprecation`.
 *
 * A warning is an instance of a category class (`UserWarning`, `DeprecationWarning`), so callers and tests can
 * tell kinds apart with `instanceof`. By default a warning goes to `process.emitWarning`, which prints
 * `(node:pid) UserWarning: ...` once per call and honours Node's `--no-warnings` / `--no-deprecation` flags.
 * `captureWarnings(fn)` collects the warnings `fn` raises instead of printing them (also across `await`s, via
 * AsyncLocalStorage, so concurrent captures never see each other's warnings), and `filterWarnings` can ignore
 * them, show each message once, or turn them into thrown errors (Python's `simplefilter("error")`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The base of every warning category (Python's `Warning`). */
export class GymWarning extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The default category: something is likely wrong, but the code can continue (Python's `UserWarning`). */
export class UserWarning extends GymWarning {}

/** An API that still works but is scheduled to go away (Python's `DeprecationWarning`). */
export class DeprecationWarning extends GymWarning {}

export type WarningCategory = new (message: string) => GymWarning;

/** What happens to a warning: printed (default), printed once per message, dropped, or thrown. */
export type WarningAction = 'default' | 'once' | 'ignore' | 'error';

interface WarningFilter {
  action: WarningAction;
  category: WarningCategory;
}

// Most recently added filter wins, as with Python's warnings.filterwarnings.
const filters: WarningFilter[] = [];
const alreadyShown = new Set<string>();
const captureSink = new AsyncLocalStorage<GymWarning[]>();

/**
 * Raises a warning of `category` (a `UserWarning` unless told otherwise). Returns nothing; with an `'error'`
 * filter for the category it throws the warning instead.
 */
export function warn(message: string, category: WarningCategory = UserWarning): void {
  const warning = new category(message);
  const action = actionFor(warning);
  if (action === 'ignore') return;
  if (action === 'error') throw warning;
  const sink = captureSink.getStore();
  if (sink !== undefined) {
    sink.push(warning);
    return;
  }
  if (action === 'once') {
    const key = `${warning.name}: ${message}`;
    if (alreadyShown.has(key)) return;
    alreadyShown.add(key);
  }
  process.emitWarning(warning);
}

/** Gymnasium's `logger.deprecation`: a `DeprecationWarning`. */
export function deprecation(message: string): void {
  warn(message, DeprecationWarning);
}

/**
 * Sets what happens to warnings of `category` (and its subclasses; all warnings by default). Later calls take
 * precedence over earlier ones. Filters apply inside `captureWarnings` too, so `'error'` still throws there.
 */
export function filterWarnings(action: WarningAction, category: WarningCategory = GymWarning): void {
  filters.unshift({ action, category });
}

/** Removes every filter added with `filterWarnings` and forgets which `'once'` messages were shown. */
export function resetWarningFilters(): void {
  filters.length = 0;
  alreadyShown.clear();
}

function actionFor(warning: GymWarning): WarningAction {
  for (const filter of filters) if (warning instanceof filter.category) return filter.action;
  return 'default';
}

export interface Captured<T> {
  result: T;
  warnings: GymWarning[];
}

/** Runs `fn` and returns its result with the warnings it raised (which are then not printed). */
export function captureWarnings<T>(fn: () => T): Captured<T> {
  const warnings: GymWarning[] = [];
  const result = captureSink.run(warnings, fn);
  return { result, warnings };
}

/** `captureWarnings` for async work: collects warnings raised until the returned promise settles. */
export async function captureWarningsAsync<T>(fn: () => Promise<T>): Promise<Captured<T>> {
  const warnings: GymWarning[] = [];
  const result = await captureSink.run(warnings, fn);
  return { result, warnings };
}
