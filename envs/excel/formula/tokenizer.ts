/**
 * Formula tokenizer. Tokens keep their source offsets so reference rewriting (insert/delete rows, sheet
 * renames, copy/paste) can replace just the references and leave the user's spacing untouched.
 */
import { lettersToCol, MAX_COLS, MAX_ROWS } from './address.ts';
import { isErrorCode, type ErrorCode } from './values.ts';
import { FormulaSyntaxError } from './syntax-error.ts';

/** A parsed reference as written: which parts are absolute, and an optional sheet prefix. */
export interface RefSpec {
  kind: 'cell' | 'area' | 'cols' | 'rows' | 'error';
  /** Sheet name as written, unquoted; undefined means the formula's own sheet. */
  sheet?: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  r1Abs: boolean;
  c1Abs: boolean;
  r2Abs: boolean;
  c2Abs: boolean;
}

export type TokenType =
  | 'num'
  | 'str'
  | 'bool'
  | 'err'
  | 'ref'
  | 'name'
  | 'func'
  | 'op'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'semicolon'
  | 'lbrace'
  | 'rbrace'
  | 'ws';

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
  num?: number;
  str?: string;
  bool?: boolean;
  errCode?: ErrorCode;
  ref?: RefSpec;
  /** For names and functions: the identifier (functions upper-cased). */
  name?: string;
  /** For sheet-scoped names written as Sheet1!Name. */
  sheet?: string;
}

const WS = /[ \t\r\n\u00a0]+/y;
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const QUOTED_SHEET = /'((?:[^']|'')+)'!/y;
const PLAIN_SHEET = /([\p{L}_][\p{L}\p{N}_.]*)!/uy;
const CELL = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/y;
const COLS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/y;
const ROWS = /(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})/y;
const IDENT = /[\p{L}_\\][\p{L}\p{N}_.\\?]*/uy;
const ERROR_LIT = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)/iy;
const IDENT_CONT = /[\p{L}\p{N}_.(\\?]/u;

function match(re: RegExp, src: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(src);
}

function endsCleanly(src: string, end: number): boolean {
  const ch = src[end];
  return ch === undefined || !IDENT_CONT.test(ch);
}

/** Tries to read a reference (without sheet prefix) at pos; returns the spec and end offset. */
function readRefBody(src: string, pos: number): { ref: RefSpec; end: number } | null {
  if (/^#REF!/i.test(src.slice(pos, pos + 5))) {
    return {
      ref: {
        kind: 'error',
        r1: 0,
        c1: 0,
        r2: 0,
        c2: 0,
        r1Abs: false,
        c1Abs: false,
        r2Abs: false,
        c2Abs: false,
      },
      end: pos + 5,
    };
  }
  const a = match(CELL, src, pos);
  if (a) {
    const c1 = lettersToCol(a[2]!);
    const r1 = Number(a[4]);
    if (!Number.isNaN(c1) && r1 >= 1 && r1 <= MAX_ROWS) {
      const end = pos + a[0].length;
      if (src[end] === ':') {
        const b = match(CELL, src, end + 1);
        if (b) {
          const c2 = lettersToCol(b[2]!);
          const r2 = Number(b[4]);
          const bEnd = end + 1 + b[0].length;
          if (!Number.isNaN(c2) && r2 >= 1 && r2 <= MAX_ROWS && endsCleanly(src, bEnd)) {
            return {
              ref: {
                kind: 'area',
                r1,
                c1,
                r2,
                c2,
                r1Abs: a[3] === '$',
                c1Abs: a[1] === '$',
                r2Abs: b[3] === '$',
                c2Abs: b[1] === '$',
              },
              end: bEnd,
            };
          }
        }
      }
      if (endsCleanly(src, end)) {
        const ref: RefSpec = {
          kind: 'cell',
          r1,
          c1,
          r2: r1,
          c2: c1,
          r1Abs: a[3] === '$',
          c1Abs: a[1] === '$',
          r2Abs: a[3] === '$',
          c2Abs: a[1] === '$',
        };
        return { ref, end };
      }
    }
  }
  const cols = match(COLS, src, pos);
  if (cols && endsCleanly(src, pos + cols[0].length)) {
    const c1 = lettersToCol(cols[2]!);
    const c2 = lettersToCol(cols[4]!);
    if (!Number.isNaN(c1) && !Number.isNaN(c2)) {
      return {
        ref: {
          kind: 'cols',
          r1: 1,
          c1,
          r2: MAX_ROWS,
          c2,
          r1Abs: false,
          c1Abs: cols[1] === '$',
          r2Abs: false,
          c2Abs: cols[3] === '$',
        },
        end: pos + cols[0].length,
      };
    }
  }
  const rows = match(ROWS, src, pos);
  if (rows && endsCleanly(src, pos + rows[0].length)) {
    const r1 = Number(rows[2]);
    const r2 = Number(rows[4]);
    if (r1 >= 1 && r2 >= 1 && r1 <= MAX_ROWS && r2 <= MAX_ROWS) {
      return {
        ref: {
          kind: 'rows',
          r1,
          c1: 1,
          r2,
          c2: MAX_COLS,
          r1Abs: rows[1] === '$',
          c1Abs: false,
          r2Abs: rows[3] === '$',
          c2Abs: false,
        },
        end: pos + rows[0].length,
      };
    }
  }
  return null;
}

/** Tokenizes formula text (without the leading '='). Throws FormulaSyntaxError on bad input. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const push = (t: Omit<Token, 'text'>) => tokens.push({ ...t, text: src.slice(t.start, t.end) });
  while (pos < src.length) {
    const ch = src[pos]!;
    const ws = match(WS, src, pos);
    if (ws) {
      push({ type: 'ws', start: pos, end: pos + ws[0].length });
      pos += ws[0].length;
      continue;
    }
    if (ch === '"') {
      let i = pos + 1;
      let value = '';
      for (;;) {
        if (i >= src.length)
          throw new FormulaSyntaxError('a text value is missing its closing quote (")', pos);
        const c = src[i]!;
        if (c === '"') {
          if (src[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += c;
        i++;
      }
      push({ type: 'str', start: pos, end: i, str: value });
      pos = i;
      continue;
    }
    if (ch === '[') {
      throw new FormulaSyntaxError('references to other workbooks ([Book]Sheet!A1) are not supported', pos);
    }
    // Sheet-qualified reference or sheet-scoped name.
    const sheetMatch = ch === "'" ? match(QUOTED_SHEET, src, pos) : match(PLAIN_SHEET, src, pos);
    if (sheetMatch) {
      const sheet = ch === "'" ? sheetMatch[1]!.replace(/''/g, "'") : sheetMatch[1]!;
      const bodyStart = pos + sheetMatch[0].length;
      const body = readRefBody(src, bodyStart);
      if (body) {
        push({ type: 'ref', start: pos, end: body.end, ref: { ...body.ref, sheet } });
        pos = body.end;
        continue;
      }
      const ident = match(IDENT, src, bodyStart);
      if (ident && src[bodyStart + ident[0].length] !== '(') {
        push({ type: 'name', start: pos, end: bodyStart + ident[0].length, name: ident[0], sheet });
        pos = bodyStart + ident[0].length;
        continue;
      }
      throw new FormulaSyntaxError(`expected a cell reference after '${sheetMatch[0]}'`, bodyStart);
    }
    if (ch === "'") throw new FormulaSyntaxError("a quoted sheet name must be followed by '!'", pos);
    if (ch === '#') {
      const ref = readRefBody(src, pos);
      const e = match(ERROR_LIT, src, pos);
      if (e) {
        const code = e[0].toUpperCase();
        if (isErrorCode(code)) {
          if (ref && code === '#REF!') {
            push({ type: 'ref', start: pos, end: ref.end, ref: ref.ref });
          } else {
            push({ type: 'err', start: pos, end: pos + e[0].length, errCode: code });
          }
          pos += e[0].length;
          continue;
        }
      }
      throw new FormulaSyntaxError(`unknown error value starting '${src.slice(pos, pos + 8)}'`, pos);
    }
    if (/[$A-Za-z0-9]/.test(ch)) {
      const body = readRefBody(src, pos);
      if (body && src[body.end] !== '(') {
        push({ type: 'ref', start: pos, end: body.end, ref: body.ref });
        pos = body.end;
        continue;
      }
    }
    if (/[0-9.]/.test(ch)) {
      const n = match(NUMBER, src, pos);
      if (n) {
        push({ type: 'num', start: pos, end: pos + n[0].length, num: Number(n[0]) });
        pos += n[0].length;
        continue;
      }
    }
    const ident = match(IDENT, src, pos);
    if (ident) {
      const end = pos + ident[0].length;
      const word = ident[0];
      if (src[end] === '(') {
        push({ type: 'func', start: pos, end, name: word.toUpperCase() });
      } else if (/^(TRUE|FALSE)$/i.test(word)) {
        push({ type: 'bool', start: pos, end, bool: word.toUpperCase() === 'TRUE' });
      } else {
        push({ type: 'name', start: pos, end, name: word });
      }
      pos = end;
      continue;
    }
    const two = src.slice(pos, pos + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      push({ type: 'op', start: pos, end: pos + 2 });
      pos += 2;
      continue;
    }
    const single: Record<string, TokenType> = {
      '(': 'lparen',
      ')': 'rparen',
      ',': 'comma',
      ';': 'semicolon',
      '{': 'lbrace',
      '}': 'rbrace',
    };
    const st = single[ch];
    if (st) {
      push({ type: st, start: pos, end: pos + 1 });
      pos++;
      continue;
    }
    if ('+-*/^&=<>%:'.includes(ch)) {
      push({ type: 'op', start: pos, end: pos + 1 });
      pos++;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected character '${ch}'`, pos);
  }
  return tokens;
}
