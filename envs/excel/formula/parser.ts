/**
 * Formula parser: a Pratt parser over the tokenizer's output, with Excel's operator precedence
 * (from tightest): range ':' and intersection ' ', negation, '%', '^', '* /', '+ -', '&', comparisons.
 * Note Excel binds negation tighter than '^', so =-2^2 is 4, and '^' is left-associative (=2^3^2 is 64).
 */
import { tokenize, type RefSpec, type Token } from './tokenizer.ts';
import { FormulaSyntaxError } from './syntax-error.ts';
import type { ErrorCode, Scalar } from './values.ts';

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=' | ':' | ' ';

export type Node =
  | { type: 'num'; value: number }
  | { type: 'str'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'err'; code: ErrorCode }
  | { type: 'ref'; ref: RefSpec }
  | { type: 'name'; name: string; sheet?: string }
  | { type: 'func'; name: string; args: Node[] }
  | { type: 'unary'; op: '-' | '+'; arg: Node }
  | { type: 'percent'; arg: Node }
  | { type: 'binary'; op: BinaryOp; left: Node; right: Node }
  | { type: 'array'; rows: Scalar[][] }
  | { type: 'missing' };

export interface ParsedFormula {
  ast: Node;
  tokens: Token[];
}

const INFIX: Record<string, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
  ':': 8,
};
const PERCENT_BP = 6;
const PREFIX_BP = 7;
const INTERSECT_BP = 8;
const MAX_DEPTH = 64;
const MAX_ARGS = 255;
export const MAX_FORMULA_LENGTH = 8192;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly toks: Token[],
    private readonly srcLength: number,
  ) {}

  private peek(): Token | undefined {
    return this.toks[this.i];
  }

  /** Skips whitespace; returns whether any was skipped. */
  private skipWs(): boolean {
    let skipped = false;
    while (this.toks[this.i]?.type === 'ws') {
      this.i++;
      skipped = true;
    }
    return skipped;
  }

  private pos(): number {
    return this.peek()?.start ?? this.srcLength;
  }

  parseAll(): Node {
    this.skipWs();
    if (!this.peek()) throw new FormulaSyntaxError('the formula is empty', 0);
    const node = this.expr(0);
    this.skipWs();
    const t = this.peek();
    if (t) {
      if (t.type === 'rparen') throw new FormulaSyntaxError("there is a ')' without a matching '('", t.start);
      if (t.type === 'comma') {
        throw new FormulaSyntaxError("unexpected ',' outside a function's argument list", t.start);
      }
      throw new FormulaSyntaxError(`unexpected '${t.text}'`, t.start);
    }
    return node;
  }

  private expr(minBp: number): Node {
    if (++this.depth > MAX_DEPTH * 4) {
      throw new FormulaSyntaxError(`the formula nests more than ${MAX_DEPTH} levels`, this.pos());
    }
    let left = this.prefix();
    for (;;) {
      const hadWs = this.skipWs();
      const t = this.peek();
      if (!t) break;
      if (t.type === 'op') {
        const op = t.text;
        if (op === '%') {
          if (PERCENT_BP < minBp) break;
          this.i++;
          left = { type: 'percent', arg: left };
          continue;
        }
        const bp = INFIX[op];
        if (bp === undefined || bp < minBp) break;
        this.i++;
        const right = this.expr(bp + 1);
        left = { type: 'binary', op: op as BinaryOp, left, right };
        continue;
      }
      if (
        hadWs &&
        INTERSECT_BP >= minBp &&
        isRefLike(left) &&
        (t.type === 'ref' || t.type === 'name' || t.type === 'func' || t.type === 'lparen')
      ) {
        const right = this.expr(INTERSECT_BP + 1);
        left = { type: 'binary', op: ' ', left, right };
        continue;
      }
      break;
    }
    this.depth--;
    return left;
  }

  private prefix(): Node {
    this.skipWs();
    const t = this.peek();
    if (!t) throw new FormulaSyntaxError('the formula ends where a value was expected', this.srcLength);
    switch (t.type) {
      case 'num':
        this.i++;
        return { type: 'num', value: t.num! };
      case 'str':
        this.i++;
        if (t.str!.length > 255) {
          throw new FormulaSyntaxError('text values in formulas are limited to 255 characters', t.start);
        }
        return { type: 'str', value: t.str! };
      case 'bool':
        this.i++;
        return { type: 'bool', value: t.bool! };
      case 'err':
        this.i++;
        return { type: 'err', code: t.errCode! };
      case 'ref':
        this.i++;
        return { type: 'ref', ref: t.ref! };
      case 'name':
        this.i++;
        return t.sheet !== undefined
          ? { type: 'name', name: t.name!, sheet: t.sheet }
          : { type: 'name', name: t.name! };
      case 'func':
        return this.call();
      case 'lparen': {
        this.i++;
        const inner = this.expr(0);
        this.skipWs();
        const close = this.peek();
        if (close?.type === 'comma') {
          throw new FormulaSyntaxError('the union operator (A1:A2,B1:B2) is not supported', close.start);
        }
        if (close?.type !== 'rparen') throw new FormulaSyntaxError("missing ')'", this.pos());
        this.i++;
        return inner;
      }
      case 'lbrace':
        return this.arrayConstant();
      case 'op':
        if (t.text === '-' || t.text === '+') {
          this.i++;
          const arg = this.expr(PREFIX_BP);
          return { type: 'unary', op: t.text, arg };
        }
        throw new FormulaSyntaxError(`operator '${t.text}' is missing the value before it`, t.start);
      case 'rparen':
        throw new FormulaSyntaxError("a value is missing before ')'", t.start);
      case 'comma':
        throw new FormulaSyntaxError("a value is missing before ','", t.start);
      default:
        throw new FormulaSyntaxError(`unexpected '${t.text}'`, t.start);
    }
  }

  private call(): Node {
    const fn = this.toks[this.i++]!;
    const open = this.toks[this.i++];
    if (open?.type !== 'lparen') throw new FormulaSyntaxError(`missing '(' after ${fn.name}`, fn.end);
    const args: Node[] = [];
    this.skipWs();
    if (this.peek()?.type === 'rparen') {
      this.i++;
      return { type: 'func', name: fn.name!, args };
    }
    for (;;) {
      this.skipWs();
      const t = this.peek();
      if (!t) {
        throw new FormulaSyntaxError(`${fn.name}( is missing its closing ')'`, this.srcLength);
      }
      if (t.type === 'comma' || t.type === 'rparen') args.push({ type: 'missing' });
      else args.push(this.expr(0));
      if (args.length > MAX_ARGS) {
        throw new FormulaSyntaxError(`${fn.name} has more than ${MAX_ARGS} arguments`, t.start);
      }
      this.skipWs();
      const sep = this.peek();
      if (!sep) throw new FormulaSyntaxError(`${fn.name}( is missing its closing ')'`, this.srcLength);
      this.i++;
      if (sep.type === 'rparen') break;
      if (sep.type !== 'comma') {
        throw new FormulaSyntaxError(`expected ',' or ')' in ${fn.name}( but found '${sep.text}'`, sep.start);
      }
    }
    return { type: 'func', name: fn.name!, args };
  }

  private arrayConstant(): Node {
    const open = this.toks[this.i++]!;
    const rows: Scalar[][] = [[]];
    for (;;) {
      this.skipWs();
      const t = this.peek();
      if (!t) throw new FormulaSyntaxError("an array constant is missing its closing '}'", open.start);
      let sign = 1;
      let cur = t;
      if (cur.type === 'op' && (cur.text === '-' || cur.text === '+')) {
        sign = cur.text === '-' ? -1 : 1;
        this.i++;
        cur = this.peek() ?? cur;
        if (cur.type !== 'num') {
          throw new FormulaSyntaxError(
            'array constants may only contain numbers, text, TRUE/FALSE or errors',
            cur.start,
          );
        }
      }
      let v: Scalar;
      if (cur.type === 'num') v = sign * cur.num!;
      else if (cur.type === 'str') v = cur.str!;
      else if (cur.type === 'bool') v = cur.bool!;
      else if (cur.type === 'err') v = { error: cur.errCode! };
      else
        throw new FormulaSyntaxError(
          'array constants may only contain numbers, text, TRUE/FALSE or errors',
          cur.start,
        );
      this.i++;
      rows[rows.length - 1]!.push(v);
      this.skipWs();
      const sep = this.peek();
      if (!sep) throw new FormulaSyntaxError("an array constant is missing its closing '}'", open.start);
      this.i++;
      if (sep.type === 'rbrace') break;
      if (sep.type === 'semicolon') rows.push([]);
      else if (sep.type !== 'comma')
        throw new FormulaSyntaxError(`unexpected '${sep.text}' in an array constant`, sep.start);
    }
    const width = rows[0]!.length;
    if (rows.some((r) => r.length !== width)) {
      throw new FormulaSyntaxError(
        'every row of an array constant needs the same number of values',
        open.start,
      );
    }
    return { type: 'array', rows };
  }
}

function isRefLike(n: Node): boolean {
  return (
    n.type === 'ref' ||
    n.type === 'name' ||
    (n.type === 'binary' && (n.op === ':' || n.op === ' ')) ||
    (n.type === 'func' && ['INDEX', 'OFFSET', 'INDIRECT', 'CHOOSE', 'IF'].includes(n.name))
  );
}

/** Parses formula text without its leading '='. Throws FormulaSyntaxError with a position. */
export function parseFormula(body: string): ParsedFormula {
  if (body.length > MAX_FORMULA_LENGTH) {
    throw new FormulaSyntaxError(
      `formulas are limited to ${MAX_FORMULA_LENGTH} characters`,
      MAX_FORMULA_LENGTH,
    );
  }
  const tokens = tokenize(body);
  const ast = new Parser(tokens, body.length).parseAll();
  return { ast, tokens };
}

const astCache = new Map<string, ParsedFormula | FormulaSyntaxError>();

/** parseFormula with a bounded memo: the same formula text parses to the same (read-only) tree. */
export function parseFormulaCached(body: string): ParsedFormula {
  let hit = astCache.get(body);
  if (hit === undefined) {
    try {
      hit = parseFormula(body);
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
      hit = e;
    }
    if (astCache.size > 50_000) astCache.clear();
    astCache.set(body, hit);
  }
  if (hit instanceof FormulaSyntaxError) throw hit;
  return hit;
}
