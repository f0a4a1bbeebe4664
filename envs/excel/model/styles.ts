/** Merging partial cell styles; a style object only ever holds what differs from the default. */
import type { CellStyle } from './types.ts';

/** A style patch: a property set to null removes it. Nested objects (font, border, alignment) merge. */
export type StylePatch = {
  [K in keyof CellStyle]?: CellStyle[K] extends object | undefined
    ? { [P in keyof NonNullable<CellStyle[K]>]?: NonNullable<CellStyle[K]>[P] | null } | null
    : CellStyle[K] | null;
};

function clean<T extends object>(o: T): T | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'object' && !Array.isArray(v)) {
      const c = clean(v as object);
      if (c !== undefined) out[k] = c;
    } else out[k] = v;
  }
  return Object.keys(out).length ? (out as T) : undefined;
}

export function applyStylePatch(base: CellStyle | undefined, patch: StylePatch): CellStyle | undefined {
  // A shallow copy is enough: only `out`'s own members are replaced or deleted below (nested objects merge into
  // new objects), and `clean` rebuilds every nested object, so the result shares nothing with `base`.
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null) {
      delete out[k];
      continue;
    }
    if (typeof v === 'object' && !Array.isArray(v)) {
      const cur = (out[k] as Record<string, unknown> | undefined) ?? {};
      const merged: Record<string, unknown> = { ...cur };
      for (const [pk, pv] of Object.entries(v as Record<string, unknown>)) {
        if (pv === undefined) continue;
        if (pv === null) delete merged[pk];
        else merged[pk] = pv;
      }
      out[k] = merged;
    } else out[k] = v;
  }
  return clean(out as CellStyle);
}

export function stylesEqual(a: CellStyle | undefined, b: CellStyle | undefined): boolean {
  return JSON.stringify(sortKeys(a ?? {})) === JSON.stringify(sortKeys(b ?? {}));
}

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** '#rrggbb', 'rrggbb' or a few colour names to '#RRGGBB'; null if unrecognised. */
export function normColor(c: string): string | null {
  const named: Record<string, string> = {
    black: '#000000',
    white: '#FFFFFF',
    red: '#FF0000',
    green: '#00B050',
    blue: '#0070C0',
    yellow: '#FFFF00',
    orange: '#FFC000',
    purple: '#7030A0',
    gray: '#808080',
    grey: '#808080',
    'light red': '#FFC7CE',
    'light green': '#C6EFCE',
    'light yellow': '#FFEB9C',
    'dark red': '#C00000',
    'light blue': '#DDEBF7',
  };
  const t = c.trim().toLowerCase();
  if (named[t]) return named[t];
  const m = /^#?([0-9a-f]{6})$/.exec(t) ?? /^#?(?:ff)?([0-9a-f]{6})$/.exec(t);
  return m ? `#${m[1]!.toUpperCase()}` : null;
}
