/** Text functions. Positions are 1-based and count UTF-16 code units, as Excel counts characters. */
import { parseNumberText } from '../coerce.ts';
import { wildcardToRegExp } from '../criteria.ts';
import { toGrid } from '../grid.ts';
import { formatValue } from '../number-format.ts';
import { ERR, fail, isArray, isError, isRef, type Operand, type Scalar } from '../values.ts';
import { bool, num, optBool, optNum, roundHalfAway, scalarFn, str } from './helpers.ts';
import type { FnDef } from './registry.ts';

const MAX_TEXT = 32767;

function limit(s: string): string {
  if (s.length > MAX_TEXT) throw fail('#VALUE!');
  return s;
}

function grouped(n: number, decimals: number, commas: boolean): string {
  const r = roundHalfAway(n, decimals);
  const d = Math.max(0, decimals);
  const fixed = Math.abs(r).toFixed(d);
  const [i, f] = fixed.split('.') as [string, string | undefined];
  const int = commas ? i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : i;
  return `${r < 0 ? '-' : ''}${int}${f ? '.' + f : ''}`;
}

/** Text of the arguments of CONCAT/TEXTJOIN: references and arrays flatten row by row. */
function textItems(args: Operand[], ctx: Parameters<FnDef['fn']>[1]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a === undefined) continue;
    const vals: Scalar[] = [];
    if (isRef(a) || isArray(a)) {
      const g = toGrid(a, ctx.env);
      for (let r = 0; r < g.usedRows; r++) for (let c = 0; c < g.usedCols; c++) vals.push(g.get(r, c));
    } else vals.push(a);
    for (const v of vals) {
      if (isError(v)) throw fail(v.error);
      out.push(str(v));
    }
  }
  return out;
}

const PROPER_LETTER = /\p{L}/u;

export const TEXT_FUNCTIONS: FnDef[] = [
  scalarFn('LEN', 1, 1, ([s]) => str(s).length),
  scalarFn('LEFT', 1, 2, ([s, n]) => {
    const k = Math.trunc(optNum(n, 1));
    if (k < 0) return ERR.VALUE;
    return str(s).slice(0, k);
  }),
  scalarFn('RIGHT', 1, 2, ([s, n]) => {
    const k = Math.trunc(optNum(n, 1));
    if (k < 0) return ERR.VALUE;
    const t = str(s);
    return k === 0 ? '' : t.slice(Math.max(0, t.length - k));
  }),
  scalarFn('MID', 3, 3, ([s, start, n]) => {
    const a = Math.trunc(num(start));
    const k = Math.trunc(num(n));
    if (a < 1 || k < 0) return ERR.VALUE;
    return str(s).slice(a - 1, a - 1 + k);
  }),
  scalarFn('UPPER', 1, 1, ([s]) => str(s).toUpperCase()),
  scalarFn('LOWER', 1, 1, ([s]) => str(s).toLowerCase()),
  scalarFn('PROPER', 1, 1, ([s]) => {
    let out = '';
    let prevLetter = false;
    for (const ch of str(s)) {
      out += prevLetter ? ch.toLowerCase() : ch.toUpperCase();
      prevLetter = PROPER_LETTER.test(ch);
    }
    return out;
  }),
  scalarFn('TRIM', 1, 1, ([s]) => str(s).replace(/ +/g, ' ').replace(/^ | $/g, '')),
  scalarFn('CLEAN', 1, 1, ([s]) => [...str(s)].filter((ch) => ch.charCodeAt(0) >= 32).join('')),
  scalarFn('SUBSTITUTE', 3, 4, ([s, oldT, newT, inst]) => {
    const text = str(s);
    const from = str(oldT);
    const to = str(newT);
    if (from === '') return text;
    if (inst === undefined) return limit(text.split(from).join(to));
    const n = Math.trunc(num(inst));
    if (n < 1) return ERR.VALUE;
    let idx = -1;
    for (let i = 0; i < n; i++) {
      idx = text.indexOf(from, idx + (i === 0 ? 0 : from.length));
      if (idx < 0) return text;
    }
    return limit(text.slice(0, idx) + to + text.slice(idx + from.length));
  }),
  scalarFn('REPLACE', 4, 4, ([s, start, n, repl]) => {
    const text = str(s);
    const a = Math.trunc(num(start));
    const k = Math.trunc(num(n));
    if (a < 1 || k < 0) return ERR.VALUE;
    return limit(text.slice(0, a - 1) + str(repl) + text.slice(a - 1 + k));
  }),
  scalarFn('FIND', 2, 3, ([f, within, start]) => {
    const needle = str(f);
    const text = str(within);
    const a = Math.trunc(optNum(start, 1));
    if (a < 1 || a > text.length + 1) return ERR.VALUE;
    const i = text.indexOf(needle, a - 1);
    return i < 0 ? ERR.VALUE : i + 1;
  }),
  scalarFn('SEARCH', 2, 3, ([f, within, start]) => {
    const needle = str(f);
    const text = str(within);
    const a = Math.trunc(optNum(start, 1));
    if (a < 1 || a > text.length + 1) return ERR.VALUE;
    if (needle === '') return a;
    const re = wildcardToRegExp(needle);
    // The pattern must match a substring; try each start position (texts are short).
    const body = re.source.slice(1, -1);
    const sub = new RegExp(body, 'i');
    const m = sub.exec(text.slice(a - 1));
    return m ? a + m.index : ERR.VALUE;
  }),
  scalarFn('REPT', 2, 2, ([s, n]) => {
    const k = Math.trunc(num(n));
    if (k < 0) return ERR.VALUE;
    const t = str(s);
    if (t.length * k > MAX_TEXT) return ERR.VALUE;
    return t.repeat(k);
  }),
  scalarFn('EXACT', 2, 2, ([a, b]) => str(a) === str(b)),
  scalarFn('CHAR', 1, 1, ([n]) => {
    const k = Math.trunc(num(n));
    if (k < 1 || k > 255) return ERR.VALUE;
    return String.fromCharCode(k);
  }),
  scalarFn('UNICHAR', 1, 1, ([n]) => {
    const k = Math.trunc(num(n));
    if (k < 1 || k > 0x10ffff) return ERR.VALUE;
    return String.fromCodePoint(k);
  }),
  scalarFn('CODE', 1, 1, ([s]) => {
    const t = str(s);
    return t === '' ? ERR.VALUE : t.charCodeAt(0);
  }),
  scalarFn('UNICODE', 1, 1, ([s]) => {
    const t = str(s);
    return t === '' ? ERR.VALUE : t.codePointAt(0)!;
  }),
  scalarFn('CONCATENATE', 1, 255, (args) => limit(args.map((a) => str(a)).join(''))),
  {
    name: 'CONCAT',
    minArgs: 1,
    maxArgs: 253,
    params: ['ref'],
    xlfn: true,
    fn: (args: Operand[], ctx) => limit(textItems(args, ctx).join('')),
  },
  {
    name: 'TEXTJOIN',
    minArgs: 3,
    maxArgs: 252,
    params: ['value', 'value', 'ref'],
    lift: false,
    xlfn: true,
    fn: (args: Operand[], ctx) => {
      const delim = str(args[0] as Scalar);
      const ignoreEmpty = bool(args[1] as Scalar);
      const items = textItems(args.slice(2), ctx).filter((t) => !ignoreEmpty || t !== '');
      return limit(items.join(delim));
    },
  },
  scalarFn('TEXT', 2, 2, ([v, f]) => {
    const code = str(f);
    let value: Scalar = v ?? null;
    if (typeof value === 'string') {
      const p = parseNumberText(value, 0);
      if (p) value = p.value;
    }
    if (value === null) value = 0;
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    return formatValue(value, code);
  }),
  scalarFn('VALUE', 1, 1, ([v], ctx) => {
    if (typeof v === 'number') return v;
    if (v === null || v === undefined) return 0;
    if (typeof v === 'boolean') return ERR.VALUE;
    const p = parseNumberText(str(v), ctx.env.nowSerial);
    return p ? p.value : ERR.VALUE;
  }),
  scalarFn('NUMBERVALUE', 1, 3, ([v, dec, grp]) => {
    let t = str(v).replace(/\s/g, '');
    const d = dec === undefined ? '.' : str(dec).charAt(0);
    const g = grp === undefined ? ',' : str(grp).charAt(0);
    if (t === '') return 0;
    let pct = 0;
    while (t.endsWith('%')) {
      pct++;
      t = t.slice(0, -1);
    }
    t = t.split(g).join('');
    if (d !== '.') t = t.replace(d, '.');
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return ERR.VALUE;
    return Number(t) / 100 ** pct;
  }),
  scalarFn('FIXED', 1, 3, ([n, d, noCommas]) =>
    grouped(num(n), Math.trunc(optNum(d, 2)), !optBool(noCommas, false)),
  ),
  scalarFn('DOLLAR', 1, 2, ([n, d]) => {
    const x = num(n);
    const decimals = Math.trunc(optNum(d, 2));
    const body = grouped(Math.abs(x), decimals, true);
    return x < 0 && roundHalfAway(x, decimals) !== 0 ? `($${body})` : `$${body}`;
  }),
  scalarFn('T', 1, 1, ([v]) => (typeof v === 'string' ? v : ''), { acceptsErrors: false }),
  scalarFn(
    'TEXTBEFORE',
    2,
    3,
    ([s, d, n]) => {
      const text = str(s);
      const delim = str(d);
      const k = Math.trunc(optNum(n, 1));
      if (k === 0) return ERR.VALUE;
      const idx = nthIndex(text, delim, k);
      return idx < 0 ? ERR.NA : text.slice(0, idx);
    },
    { xlfn: true },
  ),
  scalarFn(
    'TEXTAFTER',
    2,
    3,
    ([s, d, n]) => {
      const text = str(s);
      const delim = str(d);
      const k = Math.trunc(optNum(n, 1));
      if (k === 0) return ERR.VALUE;
      const idx = nthIndex(text, delim, k);
      return idx < 0 ? ERR.NA : text.slice(idx + delim.length);
    },
    { xlfn: true },
  ),
];

function nthIndex(text: string, delim: string, k: number): number {
  if (k > 0) {
    let idx = -delim.length;
    for (let i = 0; i < k; i++) {
      idx = text.indexOf(delim, idx + delim.length);
      if (idx < 0) return -1;
    }
    return idx;
  }
  let idx = text.length + delim.length;
  for (let i = 0; i < -k; i++) {
    idx = text.lastIndexOf(delim, idx - delim.length);
    if (idx < 0) return -1;
  }
  return idx;
}
