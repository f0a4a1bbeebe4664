/**
 * Caches for values derived from one paragraph (its canvas JSON, its line layout). The model edits paragraphs in
 * place and undo hands back deep copies, so object identity says nothing about content: entries are keyed by
 * the paragraph's JSON text instead, which is several times cheaper to produce than the values it stands for.
 *
 * What a paragraph shows also depends on the document-wide formatting context — the style table, the document
 * defaults and the list definitions — which the key leaves out. `formatScope(doc)` returns one cache map per
 * context: the maps of the few contexts seen last are kept (a new context starts with empty ones), so an entry is
 * only ever found in the context it was computed in.
 */
import type { StyleDef, WordDocument } from './types.ts';

/** Entries kept per cache before it starts over (a long episode of distinct edits must not grow without bound). */
const MAX_ENTRIES = 4000;

interface Scope {
  /** The style table's entries when last checked (StyleDefs are never changed in place). */
  styleEntries: [string, StyleDef][];
  defaults: string;
  lists: string;
  maps: Map<string, Map<string, unknown>>;
}

let scope: Scope = { styleEntries: [], defaults: '', lists: '', maps: new Map() };
/**
 * Contexts seen lately, most recent first (`scope` is the first): an episode's reset brings back the template's
 * list definitions and styles, and its caches with them.
 */
const MAX_SCOPES = 4;
let recentScopes: Scope[] = [scope];

/**
 * Documents whose content is never changed in place (the app's frozen copies: every member but `styles`,
 * `selection` and `pending` is shared, immutable data). The JSON text of their parts is computed once per object
 * instead of on every whole-document computation.
 */
const frozenDocs = new WeakSet<WordDocument>();
const jsonOfFrozen = new WeakMap<object, string>();

/** Declares `doc`'s content immutable (see `frozenDocs`); it must stay so for as long as `doc` lives. */
export function markFrozen(doc: WordDocument): void {
  frozenDocs.add(doc);
}

/** Whether `doc` was declared immutable by `markFrozen`. */
export function isFrozen(doc: WordDocument): boolean {
  return frozenDocs.has(doc);
}

/**
 * `JSON.stringify(value)`, remembered per object when `frozen` says the value belongs to a frozen document (and
 * so never changes).
 */
export function contentJson(value: object, frozen: boolean): string {
  if (!frozen) return JSON.stringify(value);
  let json = jsonOfFrozen.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonOfFrozen.set(value, json);
  }
  return json;
}

function sameStyles(scope: Scope, styles: Record<string, StyleDef>): boolean {
  // The table itself is edited in place (a changed style replaces its entry), so compare entry by entry.
  const entries = scope.styleEntries;
  let n = 0;
  for (const id in styles) {
    const e = entries[n];
    if (e === undefined || e[0] !== id || e[1] !== styles[id]) return false;
    n++;
  }
  return n === entries.length;
}

/**
 * The cache named `name` for the document's current formatting context (see the module comment). Call it once
 * per whole-document computation, not per paragraph: it compares the context, which costs a few microseconds.
 */
export function formatScope<T>(doc: WordDocument, name: string): Map<string, T> {
  const frozen = frozenDocs.has(doc);
  const defaults = contentJson(doc.defaults, frozen);
  const lists = contentJson(doc.lists, frozen);
  if (defaults !== scope.defaults || lists !== scope.lists || !sameStyles(scope, doc.styles)) {
    let found: Scope | undefined;
    for (const s of recentScopes) {
      if (s.defaults === defaults && s.lists === lists && sameStyles(s, doc.styles)) {
        found = s;
        break;
      }
    }
    if (found === undefined)
      found = { styleEntries: Object.entries(doc.styles), defaults, lists, maps: new Map() };
    const current = found;
    recentScopes = [current, ...recentScopes.filter((s) => s !== current)].slice(0, MAX_SCOPES);
    scope = current;
  }
  return scopeMap<T>(name);
}

/** Another cache of the context the latest `formatScope` call checked (call it right after, for the same doc). */
export function scopeMap<T>(name: string): Map<string, T> {
  let map = scope.maps.get(name);
  if (map === undefined || map.size > MAX_ENTRIES) {
    map = new Map();
    scope.maps.set(name, map);
  }
  return map as Map<string, T>;
}
