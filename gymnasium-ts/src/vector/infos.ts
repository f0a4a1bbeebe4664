/**
 * Vector infos: the per-sub-env info objects gathered into one object of arrays, as Gymnasium's
 * `VectorEnv._add_info` does. Every key `k` of a sub-env's info becomes an array `infos[k]` of length `numEnvs`
 * with a parallel mask `infos._k` (a `Uint8Array`, 1 where sub-env i had the key). Nested plain objects are
 * gathered recursively into nested objects of arrays with their own masks.
 *
 * Array kinds, chosen by the first value seen for a key (numpy's dtype choice, in JS terms):
 * - `boolean` → `Uint8Array` (0/1, like numpy's bool_; 0 where a sub-env lacked the key);
 * - `number` → `Float64Array` (0 where absent);
 * - a plain object → a nested object of arrays (recursive);
 * - anything else (strings, typed arrays, arrays, class instances, null) → a plain array, `null` where absent.
 *   Typed arrays are kept per sub-env, not stacked into one block as numpy stacks ndarrays.
 * When a later sub-env's value does not fit a typed column (a string after numbers), the column becomes a plain
 * array holding the values seen so far, so nothing is coerced.
 */
import type { Info } from '../core.ts';
import { VectorEnvError } from '../errors.ts';

export type VectorInfos = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Adds sub-env `envIndex`'s `envInfo` to `vectorInfos` (mutated and returned). */
export function addInfo(
  vectorInfos: VectorInfos,
  envInfo: Info,
  envIndex: number,
  numEnvs: number,
): VectorInfos {
  for (const [key, value] of Object.entries(envInfo)) {
    const existing = vectorInfos[key];
    if (isPlainObject(value)) {
      if (existing !== undefined && !isPlainObject(existing)) {
        throw new VectorEnvError(
          `info key '${key}' of sub-env ${envIndex} is an object, but other sub-envs gave a non-object value ` +
            'for it; vector infos need one kind of value per key',
        );
      }
      vectorInfos[key] = addInfo((existing as VectorInfos | undefined) ?? {}, value, envIndex, numEnvs);
    } else {
      if (isPlainObject(existing)) {
        throw new VectorEnvError(
          `info key '${key}' of sub-env ${envIndex} is ${describeValue(value)}, but other sub-envs gave an ` +
            'object for it; vector infos need one kind of value per key',
        );
      }
      vectorInfos[key] = setColumnValue(existing ?? newColumn(value, numEnvs), envIndex, value);
    }
    const maskKey = `_${key}`;
    let mask = vectorInfos[maskKey];
    if (!(mask instanceof Uint8Array)) {
      mask = new Uint8Array(numEnvs);
      vectorInfos[maskKey] = mask;
    }
    (mask as Uint8Array)[envIndex] = 1;
  }
  return vectorInfos;
}

function newColumn(value: unknown, numEnvs: number): unknown {
  if (typeof value === 'boolean') return new Uint8Array(numEnvs);
  if (typeof value === 'number') return new Float64Array(numEnvs);
  return new Array<unknown>(numEnvs).fill(null);
}

function setColumnValue(column: unknown, index: number, value: unknown): unknown {
  if (column instanceof Uint8Array) {
    if (typeof value === 'boolean') {
      column[index] = value ? 1 : 0;
      return column;
    }
    return setColumnValue(
      Array.from(column, (v) => v === 1),
      index,
      value,
    );
  }
  if (column instanceof Float64Array) {
    if (typeof value === 'number') {
      column[index] = value;
      return column;
    }
    return setColumnValue(Array.from(column), index, value);
  }
  (column as unknown[])[index] = value;
  return column;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `a ${(value as object).constructor?.name ?? 'object'}`;
  return `a ${typeof value}`;
}

/**
 * The inverse of `addInfo`: one info object per sub-env (Gymnasium's `DictInfoToList`). Only keys whose mask is
 * set for a sub-env appear in its info; `Uint8Array` columns (booleans) come back as booleans. Keys of a nested
 * object without masks of their own (`infos.episode = {r, l, t}` beside `_episode`) use the object's mask.
 */
export function infosToList(
  vectorInfos: VectorInfos,
  numEnvs: number,
  parentMask: Uint8Array | null = null,
): Info[] {
  const list: Info[] = Array.from({ length: numEnvs }, () => ({}));
  for (const [key, column] of Object.entries(vectorInfos)) {
    if (key.startsWith('_') && isMaskFor(vectorInfos, key)) continue;
    const ownMask = vectorInfos[`_${key}`];
    const mask = ownMask instanceof Uint8Array ? ownMask : parentMask;
    if (mask === null || mask.length !== numEnvs) {
      throw new VectorEnvError(
        `vector info key '${key}' has no mask '_${key}' (a Uint8Array of length ${numEnvs}); ` +
          'infos must be built as VectorEnv builds them',
      );
    }
    const perEnv = isPlainObject(column) ? infosToList(column, numEnvs, mask) : null;
    for (let i = 0; i < numEnvs; i++) {
      if (mask[i] !== 1) continue;
      const target = list[i]!;
      if (perEnv !== null) target[key] = perEnv[i];
      else if (column instanceof Uint8Array) target[key] = column[i] === 1;
      else target[key] = (column as ArrayLike<unknown>)[i];
    }
  }
  return list;
}

function isMaskFor(vectorInfos: VectorInfos, key: string): boolean {
  return vectorInfos[key] instanceof Uint8Array && key.slice(1) in vectorInfos;
}
