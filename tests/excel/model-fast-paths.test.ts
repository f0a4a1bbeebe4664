/**
 * Fast paths of the model checked against the plain code. `formatValue` remembers texts by format code and value,
 * and `parseNumberText` what numfmt read by text: seeded random draws of values, codes and texts (repeats
 * included, so answers come from the memos, and pairs a memo could confuse: 0 and -0, 3 and "3", codes that
 * normalise alike) must give what the uncached code gives. `applyStylePatch` copies its base shallowly instead of
 * with structuredClone: on random styles and patches it must give what the structuredClone version gives, leave
 * the base unchanged and share no object with it.
 */
import { describe, expect, it } from 'vitest';
import { parseNumberText, parseNumberTextUncached } from '../../envs/excel/formula/coerce.ts';
import {
  NUMBER_FORMAT_PRESETS,
  formatValue,
  formatValueUncached,
} from '../../envs/excel/formula/number-format.ts';
import type { Scalar } from '../../envs/excel/formula/values.ts';
import { applyStylePatch, type StylePatch } from '../../envs/excel/model/styles.ts';
import type { CellStyle } from '../../envs/excel/model/types.ts';
import { mulberry32 } from '../support/seeded-actions.ts';

const CODES: (string | undefined)[] = [
  undefined,
  '',
  'General',
  'general',
  '@',
  '0',
  '0.00',
  '#,##0',
  '0%',
  '0.00E+00',
  '# ?/?',
  'm/d/yyyy',
  'd-mmm',
  'h:mm AM/PM',
  '[$-409]m/d/yyyy',
  '[$-F800]dddd, mmmm dd, yyyy',
  '"Total: "0.0',
  '0;[Red]-0;"zero";"text: "@',
  '[h]:mm:ss',
  ...Object.values(NUMBER_FORMAT_PRESETS),
];

const VALUES: Scalar[] = [
  0,
  -0,
  1,
  -1,
  3,
  '3',
  0.5,
  -2.75,
  1234567.891,
  45306.75,
  1e20,
  -1e-12,
  Infinity,
  NaN,
  'hello',
  '',
  true,
  false,
  null,
  { error: '#N/A' },
];

const TEXTS = [
  '42',
  ' 42 ',
  '-0',
  '1,234.5',
  '$12.50',
  '15%',
  '1e3',
  '1 1/2',
  '1/2/2024',
  '2024-03-01',
  'Mar 5',
  '5-Mar',
  '10:30',
  '10:30 PM',
  'hello',
  'TRUE',
  '€5',
  '',
  '  ',
  '(12)',
  '12-',
];

describe('format and parse memos', () => {
  it('formatValue gives what the uncached code gives', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 6000; i++) {
      const code = CODES[Math.floor(rand() * CODES.length)];
      const value =
        rand() < 0.7 ? VALUES[Math.floor(rand() * VALUES.length)]! : Math.round((rand() - 0.5) * 1e6) / 100;
      expect([code, value, formatValue(value, code)]).toEqual([
        code,
        value,
        formatValueUncached(value, code),
      ]);
    }
  });

  it('parseNumberText gives what reading afresh gives, for any clock', () => {
    const rand = mulberry32(8);
    const clocks = [45306, 45000, 46100.5];
    for (let i = 0; i < 3000; i++) {
      const text = TEXTS[Math.floor(rand() * TEXTS.length)]!;
      const now = clocks[Math.floor(rand() * clocks.length)]!;
      expect([text, now, parseNumberText(text, now)]).toEqual([
        text,
        now,
        parseNumberTextUncached(text, now),
      ]);
    }
  });
});

/** applyStylePatch as it was, with a structuredClone of the base: the reference. */
function referencePatch(base: CellStyle | undefined, patch: StylePatch): CellStyle | undefined {
  const out: Record<string, unknown> = structuredClone(base ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null) {
      delete out[k];
      continue;
    }
    if (typeof v === 'object' && !Array.isArray(v)) {
      const merged: Record<string, unknown> = { ...((out[k] as Record<string, unknown> | undefined) ?? {}) };
      for (const [pk, pv] of Object.entries(v as Record<string, unknown>)) {
        if (pv === undefined) continue;
        if (pv === null) delete merged[pk];
        else merged[pk] = pv;
      }
      out[k] = merged;
    } else out[k] = v;
  }
  const clean = (o: object): object | undefined => {
    const c: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined || v === null) continue;
      if (typeof v === 'object' && !Array.isArray(v)) {
        const inner = clean(v as object);
        if (inner !== undefined) c[k] = inner;
      } else c[k] = v;
    }
    return Object.keys(c).length ? c : undefined;
  };
  return clean(out) as CellStyle | undefined;
}

function objectsOf(v: unknown, out = new Set<object>()): Set<object> {
  if (typeof v === 'object' && v !== null) {
    out.add(v);
    for (const x of Object.values(v)) objectsOf(x, out);
  }
  return out;
}

describe('applyStylePatch', () => {
  it('gives what the structuredClone version gives and shares nothing with its base', () => {
    const rand = mulberry32(9);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const maybe = <T>(v: T): T | undefined => (rand() < 0.5 ? v : undefined);
    const randomPart = (nulls: boolean): Record<string, unknown> | null | undefined => {
      const r = rand();
      if (r < 0.3) return undefined;
      if (nulls && r < 0.4) return null;
      const part: Record<string, unknown> = {};
      const choices: [string, readonly (string | number | boolean)[]][] = [
        ['bold', [true, false]],
        ['size', [9, 11, 14]],
        ['name', ['Arial', 'Calibri']],
        ['color', ['#FF0000']],
      ];
      for (const [k, vs] of choices) {
        const v = maybe(pick(vs));
        if (v !== undefined) part[k] = nulls && rand() < 0.2 ? null : v;
      }
      return part;
    };
    const randomStyle = (nulls: boolean): Record<string, unknown> => {
      const st: Record<string, unknown> = {};
      const keys = ['numFmt', 'font', 'fill', 'border', 'alignment', 'quotePrefix'];
      for (let i = keys.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [keys[i], keys[j]] = [keys[j]!, keys[i]!];
      }
      for (const k of keys) {
        if (k === 'numFmt' || k === 'fill') {
          const v = rand() < 0.5 ? pick(['0.00', '#FFFF00', 'General']) : undefined;
          if (v !== undefined) st[k] = nulls && rand() < 0.2 ? null : v;
        } else if (k === 'quotePrefix') {
          if (rand() < 0.3) st[k] = nulls && rand() < 0.5 ? null : true;
        } else if (k === 'border') {
          const side = rand() < 0.5 ? { style: 'thin', color: '#000000' } : undefined;
          if (side !== undefined) st[k] = nulls && rand() < 0.2 ? null : { top: side, left: { ...side } };
        } else {
          const part = randomPart(nulls);
          if (part !== undefined) st[k] = part;
        }
      }
      return st;
    };
    for (let i = 0; i < 3000; i++) {
      const base = rand() < 0.15 ? undefined : (randomStyle(false) as CellStyle);
      const patch = randomStyle(true) as StylePatch;
      const before = JSON.stringify(base);
      const want = referencePatch(base, patch);
      const got = applyStylePatch(base, patch);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      expect(JSON.stringify(base)).toBe(before);
      const shared = [...objectsOf(got)].filter((o) => objectsOf(base).has(o));
      expect(shared).toEqual([]);
    }
  });
});
