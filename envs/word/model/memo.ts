/**
 * Caches for values derived from one paragraph (its canvas JSON, its line layout). The model edits paragraphs in
 * place and undo hands back deep copies, so object identity says nothing about content: entries are keyed by
 * the paragraph's JSON text instead, which is several times cheaper to produce than the values it stands for.
 *
 * What a paragraph shows also depends on the document-wide formatting context — the style table, the document
 * defaults and the list definitions — which the key leaves out. `formatScope(doc)` returns one cache map per
 * context: a new, empty map whenever any of those changed since the last call, so entries never outlive the
 * context they were computed in.
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

const scope: Scope = { styleEntries: [], defaults: '', lists: '', maps: new Map() };

function sameStyles(styles: Record<string, StyleDef>): boolean {
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
  const defaults = JSON.stringify(doc.defaults);
  const lists = JSON.stringify(doc.lists);
  if (!sameStyles(doc.styles) || defaults !== scope.defaults || lists !== scope.lists) {
    scope.styleEntries = Object.entries(doc.styles);
    scope.defaults = defaults;
    scope.lists = lists;
    scope.maps = new Map();
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
