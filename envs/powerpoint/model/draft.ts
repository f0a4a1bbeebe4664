/**
 * Copy-on-write drafts for `produce`. An operation edits a draft that reads through to the presentation it
 * started from; the first write to an object copies that object (shallowly) and only what was written to, and
 * the objects above it on the way to the root, are new in the result. Everything else is shared with the
 * previous state, so an operation costs what it touches rather than the size of the deck, and unchanged slides
 * and shapes keep their identity (which the UI's memoised control lists rely on).
 *
 * States are therefore immutable once produced: the kernel's undo snapshots share them. Drafts behave like the
 * deep copy `produce` used to edit (Array methods, spread, `in`, `Object.keys`, identity of the same object read
 * twice), with one exception: `structuredClone` cannot copy a draft, so operations copy with `copyData`.
 */

const NODE = Symbol('powerpoint draft');

type Obj = Record<PropertyKey, unknown>;

interface Node {
  readonly base: Obj;
  copy: Obj | null;
  readonly proxy: Obj;
  readonly scope: Scope;
  /** The finalised object (set once `finishNode` reached this node). */
  done: Obj | null;
  /** Made by the operation (or reached through something it made): members may be new and hold drafts. */
  readonly fresh: boolean;
}

interface Scope {
  /** One draft per object of the base (and per new object read through a draft), so aliases stay aliases. */
  readonly nodes: Map<object, Node>;
  /** The drafts handed out, by proxy (a lookup here is cheaper than asking an object for a symbol). */
  readonly proxies: Map<object, Node>;
}

function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function shallow(base: Obj): Obj {
  return (Array.isArray(base) ? base.slice() : { ...base }) as Obj;
}

function writable(node: Node): Obj {
  if (node.copy === null) node.copy = shallow(node.base);
  return node.copy;
}

const handler: ProxyHandler<Obj> = {
  get(target, key) {
    const node = (target as { [NODE]: Node })[NODE];
    if (key === NODE) return node;
    const copy = node.copy;
    const value = (copy ?? node.base)[key];
    if (value === null || typeof value !== 'object' || typeof key === 'symbol') return value;
    return draftOf(node.scope, value, node.fresh || (copy !== null && value !== node.base[key]));
  },
  set(target, key, value) {
    const node = (target as { [NODE]: Node })[NODE];
    if (node.copy === null) {
      const base = node.base;
      // Writing back what is there already (e.g. the same slide id) keeps the object shared.
      if (base[key] === value && (value !== undefined || key in base)) return true;
      node.copy = shallow(base);
    }
    node.copy[key] = value;
    return true;
  },
  deleteProperty(target, key) {
    const node = (target as { [NODE]: Node })[NODE];
    if (!(key in (node.copy ?? node.base))) return true;
    delete writable(node)[key];
    return true;
  },
  has(target, key) {
    const node = (target as { [NODE]: Node })[NODE];
    return key === NODE || key in (node.copy ?? node.base);
  },
  ownKeys(target) {
    const node = (target as { [NODE]: Node })[NODE];
    return Reflect.ownKeys(node.copy ?? node.base);
  },
  getOwnPropertyDescriptor(target, key) {
    const node = (target as { [NODE]: Node })[NODE];
    const src = node.copy ?? node.base;
    const desc = Reflect.getOwnPropertyDescriptor(src, key);
    if (desc === undefined) return undefined;
    // The proxy's target is a stand-in: report the data as plain, writable properties, except an array's
    // `length`, which the stand-in array has as non-configurable.
    const lengthOfArray = key === 'length' && Array.isArray(src);
    return {
      value: handler.get!(target, key, undefined),
      writable: true,
      enumerable: desc.enumerable ?? false,
      configurable: !lengthOfArray,
    };
  },
  defineProperty(target, key, desc) {
    const node = (target as { [NODE]: Node })[NODE];
    if ('value' in desc) writable(node)[key] = desc.value;
    return true;
  },
};

function draftOf(scope: Scope, value: object, fresh: boolean): unknown {
  let node = scope.nodes.get(value);
  if (node !== undefined) return node.proxy;
  if (scope.proxies.has(value) || !isPlain(value)) return value;
  const base = value as Obj;
  // The target only carries the node (the traps never list it) and makes Array.isArray and the prototype right.
  const target = (Array.isArray(base) ? [] : {}) as Obj;
  node = { base, copy: null, proxy: new Proxy(target, handler), scope, done: null, fresh };
  target[NODE] = node;
  scope.nodes.set(value, node);
  scope.proxies.set(node.proxy, node);
  return node.proxy;
}

/** The final value of a draft: its copy (with drafted members replaced by their final values) or its base. */
function finishNode(node: Node): Obj {
  if (node.done !== null) return node.done;
  const base = node.base;
  const src = node.copy ?? base;
  node.done = src;
  // (No closures here: under tsx every function expression costs a name definition per call.)
  if (Array.isArray(src)) {
    for (let i = 0; i < src.length; i++) finishMember(node, i, src[i]);
  } else {
    for (const key in src) finishMember(node, key, src[key]);
  }
  node.done = node.copy ?? base;
  return node.done;
}

/** Replaces a member of a node's result by its final value (copying the node if it was not copied yet). */
function finishMember(node: Node, key: string | number, v: unknown): void {
  if (v === null || typeof v !== 'object') return;
  const r = finishValue(node.scope, v, !node.fresh && v === node.base[key]);
  if (r !== v) {
    if (node.copy === null) node.copy = shallow(node.base);
    node.copy[key] = r;
  }
}

/**
 * The final value of something found in the draft tree. `original` says it is what the base held there, so
 * with no draft of its own nothing under it can have changed; a new object may hold drafts anywhere inside.
 */
function finishValue(scope: Scope, v: object, original: boolean): object {
  const node = scope.nodes.get(v) ?? scope.proxies.get(v);
  if (node !== undefined) return finishNode(node);
  if (original || !isPlain(v)) return v;
  // A new object made by the operation: it is the operation's own, so drafts inside are replaced in place.
  const o = v as Obj;
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) {
      const c: unknown = o[i];
      if (c !== null && typeof c === 'object') {
        const r = finishValue(scope, c, false);
        if (r !== c) o[i] = r;
      }
    }
  } else {
    for (const key in o) {
      const c = o[key];
      if (c !== null && typeof c === 'object') {
        const r = finishValue(scope, c, false);
        if (r !== c) o[key] = r;
      }
    }
  }
  return o;
}

/**
 * Runs `edit` on a copy-on-write draft of `base` and returns the result: `base` itself when nothing was written,
 * otherwise a new object sharing every unchanged part with `base`. `base` is never modified.
 */
export function produceDraft<T extends object>(base: T, edit: (draft: T) => void): T {
  if (draftChecks.mode === 'copy') {
    const copy = structuredClone(base);
    edit(copy);
    return copy;
  }
  if (draftChecks.mode === 'freeze') deepFreeze(base);
  const scope: Scope = { nodes: new Map(), proxies: new Map() };
  const root = draftOf(scope, base, false) as T;
  edit(root);
  const result = finishNode(scope.proxies.get(root)!) as T;
  if (draftChecks.mode === 'freeze') deepFreeze(result);
  return result;
}

/**
 * For tests that hold the drafts to the deep copies they replace: `copy` edits a `structuredClone` as `produce`
 * once did; `freeze` deep-freezes every presentation an operation starts from or returns, so that anything
 * editing a presentation in place (instead of through a draft) throws.
 */
export const draftChecks: { mode: 'cow' | 'copy' | 'freeze' } = { mode: 'cow' };

function deepFreeze(value: object): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) if (v !== null && typeof v === 'object') deepFreeze(v as object);
}

/**
 * A deep copy of JSON-like data (plain objects and arrays, `undefined` members kept), reading through drafts:
 * what `structuredClone` gives for document data, which it cannot do for a draft.
 */
export function copyData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const n = value.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = copyData(value[i] as unknown);
    return out as T;
  }
  if (!isPlain(value)) return structuredClone(value);
  const out: Obj = {};
  for (const key in value) out[key] = copyData((value as Obj)[key]);
  return out as T;
}
