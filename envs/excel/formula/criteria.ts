/**
 * Criteria of COUNTIF/SUMIF/AVERAGEIF and their *IFS forms: "<5", ">=1/1/2024", "<>apple", "app*"
 * (wildcards * ? and ~ escapes), "" (blank), "=" (truly empty), "<>" (not empty), plain values.
 */
import { compareText, parseNumberText, round15 } from './coerce.ts';
import { isError, isErrorCode, type Scalar } from './values.ts';

export type CriterionTest = (v: Scalar) => boolean;

/** Wildcard pattern to a case-insensitive anchored RegExp; '~' escapes '*', '?' and '~'. */
export function wildcardToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '~' && i + 1 < pattern.length && '*?~'.includes(pattern[i + 1]!)) {
      re += '\\' + pattern[++i];
    } else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else re += ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

export function hasWildcards(s: string): boolean {
  return /(^|[^~])[*?]/.test(s);
}

type Op = '=' | '<>' | '<' | '>' | '<=' | '>=';

function cmpNum(op: Op, a: number, b: number): boolean {
  const x = round15(a);
  const y = round15(b);
  switch (op) {
    case '=':
      return x === y;
    case '<>':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
  }
}

function cmpOrder(op: Op, c: number): boolean {
  switch (op) {
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
    default:
      return c === 0;
  }
}

export function parseCriterion(criterion: Scalar, nowSerial: number): CriterionTest {
  if (typeof criterion === 'number') {
    return (v) => {
      if (typeof v === 'number') return round15(v) === round15(criterion);
      if (typeof v === 'string') {
        const p = parseNumberText(v, nowSerial);
        return p !== null && round15(p.value) === round15(criterion);
      }
      return false;
    };
  }
  if (typeof criterion === 'boolean') return (v) => v === criterion;
  if (criterion === null) return (v) => v === null || v === '';
  if (isError(criterion)) return (v) => isError(v) && v.error === criterion.error;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(criterion)!;
  const op = (m[1] ?? '=') as Op;
  const rhs = m[2]!;
  const explicitOp = m[1] !== undefined;
  if (rhs === '') {
    if (op === '=') return explicitOp ? (v) => v === null : (v) => v === null || v === '';
    if (op === '<>') return (v) => v !== null;
    return () => false;
  }
  const num = parseNumberText(rhs, nowSerial);
  if (num !== null) {
    const n = num.value;
    if (op === '=' || op === '<>') {
      const eq = (v: Scalar) => {
        if (typeof v === 'number') return cmpNum('=', v, n);
        if (typeof v === 'string') {
          const p = parseNumberText(v, nowSerial);
          return p !== null && cmpNum('=', p.value, n);
        }
        return false;
      };
      return op === '=' ? eq : (v) => !eq(v);
    }
    return (v) => typeof v === 'number' && cmpNum(op, v, n);
  }
  const upper = rhs.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') {
    const b = upper === 'TRUE';
    if (op === '=') return (v) => v === b;
    if (op === '<>') return (v) => v !== b;
    return (v) => typeof v === 'boolean' && cmpOrder(op, v === b ? 0 : v ? 1 : -1);
  }
  if (isErrorCode(upper)) {
    if (op === '=') return (v) => isError(v) && v.error === upper;
    if (op === '<>') return (v) => !(isError(v) && v.error === upper);
    return () => false;
  }
  if (op === '=' || op === '<>') {
    const re = wildcardToRegExp(rhs);
    const eq = (v: Scalar) => typeof v === 'string' && re.test(v);
    return op === '=' ? eq : (v) => !eq(v);
  }
  return (v) => typeof v === 'string' && cmpOrder(op, compareText(v, rhs));
}
