/**
 * Tree-walking evaluator with Excel 365 array semantics for operators and lifted scalar functions; a
 * formula whose result is an array or a multi-cell reference shows its top-left value (no spilling).
 */
import { parseFormulaCached, type Node } from './parser.ts';
import { compareScalars, toNumber, toText } from './coerce.ts';
import { rectIntersection } from './address.ts';
import {
  ERR,
  FormulaErrorSignal,
  isArray,
  isError,
  isRef,
  type ErrorValue,
  type Operand,
  type Scalar,
} from './values.ts';
import { getFunction, type FnDef, type ParamKind } from './functions/registry.ts';
import { isMulti, liftN, toScalar, type EvalContext, type EvalEnv } from './grid.ts';

export type { EvalContext, EvalEnv } from './grid.ts';

function arith(op: string, a: Scalar, b: Scalar): Scalar {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const x = toNumber(a);
  if (isError(x)) return x;
  const y = toNumber(b);
  if (isError(y)) return y;
  let r: number;
  switch (op) {
    case '+':
      r = x + y;
      break;
    case '-':
      r = x - y;
      break;
    case '*':
      r = x * y;
      break;
    case '/':
      if (y === 0) return ERR.DIV0;
      r = x / y;
      break;
    default:
      if (x === 0 && y === 0) return ERR.NUM;
      if (x === 0 && y < 0) return ERR.DIV0;
      r = Math.pow(x, y);
  }
  return Number.isFinite(r) ? r : ERR.NUM;
}

export function binaryScalar(op: string, a: Scalar, b: Scalar): Scalar {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '^':
      return arith(op, a, b);
    case '&': {
      const x = toText(a);
      if (isError(x)) return x;
      const y = toText(b);
      if (isError(y)) return y;
      if (x.length + y.length > 32767) return ERR.VALUE;
      return x + y;
    }
    default: {
      const c = compareScalars(a, b);
      if (isError(c)) return c;
      switch (op) {
        case '=':
          return c === 0;
        case '<>':
          return c !== 0;
        case '<':
          return c < 0;
        case '>':
          return c > 0;
        case '<=':
          return c <= 0;
        default:
          return c >= 0;
      }
    }
  }
}

function rangeOp(a: Operand, b: Operand): Operand {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (!isRef(a) || !isRef(b)) return ERR.VALUE;
  if (a.sheet !== b.sheet) return ERR.VALUE;
  return {
    kind: 'ref',
    sheet: a.sheet,
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
    r2: Math.max(a.r2, b.r2),
    c2: Math.max(a.c2, b.c2),
  };
}

function intersectOp(a: Operand, b: Operand): Operand {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (!isRef(a) || !isRef(b)) return ERR.VALUE;
  if (a.sheet !== b.sheet) return ERR.NULL;
  const r = rectIntersection(a, b);
  return r ? { kind: 'ref', sheet: a.sheet, ...r } : ERR.NULL;
}

export function evaluate(node: Node, ctx: EvalContext): Operand {
  switch (node.type) {
    case 'num':
      return node.value;
    case 'str':
      return node.value;
    case 'bool':
      return node.value;
    case 'err':
      return { error: node.code };
    case 'missing':
      return null;
    case 'array':
      return { kind: 'array', rows: node.rows };
    case 'ref': {
      const ref = node.ref;
      if (ref.kind === 'error') return ERR.REF;
      let sheet = ctx.sheet;
      if (ref.sheet !== undefined) {
        const s = ctx.env.resolveSheet(ref.sheet);
        if (s === null) return ERR.REF;
        sheet = s;
      }
      return {
        kind: 'ref',
        sheet,
        r1: Math.min(ref.r1, ref.r2),
        c1: Math.min(ref.c1, ref.c2),
        r2: Math.max(ref.r1, ref.r2),
        c2: Math.max(ref.c1, ref.c2),
      };
    }
    case 'name': {
      if (node.sheet !== undefined && ctx.env.resolveSheet(node.sheet) === null) return ERR.REF;
      const body = ctx.env.resolveName(node.name, node.sheet, ctx.sheet);
      if (body === null) return ERR.NAME;
      const depth = (ctx.nameDepth ?? 0) + 1;
      if (depth > 32) return ERR.NAME;
      let parsed;
      try {
        parsed = parseFormulaCached(body);
      } catch {
        return ERR.NAME;
      }
      return evaluate(parsed.ast, { ...ctx, nameDepth: depth });
    }
    case 'unary': {
      const v = evaluate(node.arg, ctx);
      if (node.op === '+') return v;
      return liftN([v], ctx.env, ([x]) => {
        const n = toNumber(x!);
        return isError(n) ? n : n === 0 ? 0 : -n;
      });
    }
    case 'percent': {
      const v = evaluate(node.arg, ctx);
      return liftN([v], ctx.env, ([x]) => {
        const n = toNumber(x!);
        return isError(n) ? n : n / 100;
      });
    }
    case 'binary': {
      const a = evaluate(node.left, ctx);
      const b = evaluate(node.right, ctx);
      if (node.op === ':') return rangeOp(a, b);
      if (node.op === ' ') return intersectOp(a, b);
      const op = node.op;
      return liftN([a, b], ctx.env, ([x, y]) => binaryScalar(op, x!, y!));
    }
    case 'func':
      return callFunction(node.name, node.args, ctx);
  }
}

function paramKind(def: FnDef, i: number): ParamKind {
  const p = def.params;
  if (!p || p.length === 0) return 'value';
  return p[Math.min(i, p.length - 1)]!;
}

export type Thunk = () => Operand;

function callFunction(rawName: string, argNodes: Node[], ctx: EvalContext): Operand {
  const name = rawName.startsWith('_XLFN.')
    ? rawName.slice(6)
    : rawName.startsWith('_XLWS.')
      ? rawName.slice(6)
      : rawName;
  const def = getFunction(name);
  if (!def) return ERR.NAME;
  if (argNodes.length < def.minArgs || argNodes.length > def.maxArgs) {
    // Excel refuses such formulas at entry; files can still contain them.
    return ERR.VALUE;
  }
  const args: unknown[] = [];
  const valueIdx: number[] = [];
  for (let i = 0; i < argNodes.length; i++) {
    const kind = paramKind(def, i);
    const n = argNodes[i]!;
    if (kind === 'lazy') {
      args.push((() => evaluate(n, ctx)) as Thunk);
      continue;
    }
    const v = evaluate(n, ctx);
    if (kind === 'ref') {
      args.push(v);
      continue;
    }
    valueIdx.push(i);
    args.push(v);
  }
  try {
    if (valueIdx.length > 0 && def.lift !== false && valueIdx.some((i) => isMulti(args[i] as Operand))) {
      const ops = valueIdx.map((i) => args[i] as Operand);
      return liftN(ops, ctx.env, (vals) => {
        const callArgs = args.slice();
        valueIdx.forEach((i, k) => (callArgs[i] = vals[k]));
        return invokeScalar(def, callArgs, valueIdx, ctx);
      });
    }
    for (const i of valueIdx) {
      const v = args[i] as Operand;
      if (isRef(v) || isArray(v)) args[i] = def.lift === false && isMulti(v) ? v : toScalar(v, ctx.env);
    }
    return invoke(def, args, valueIdx, ctx);
  } catch (e) {
    if (e instanceof FormulaErrorSignal) return e.value;
    throw e;
  }
}

function invoke(def: FnDef, args: unknown[], valueIdx: number[], ctx: EvalContext): Operand {
  if (!def.acceptsErrors) {
    for (const i of valueIdx) {
      const v = args[i];
      if (isError(v)) return v as ErrorValue;
    }
  }
  try {
    return def.fn(args, ctx);
  } catch (e) {
    if (e instanceof FormulaErrorSignal) return e.value;
    throw e;
  }
}

function invokeScalar(def: FnDef, args: unknown[], valueIdx: number[], ctx: EvalContext): Scalar {
  const r = invoke(def, args, valueIdx, ctx);
  return isRef(r) || isArray(r) ? toScalar(r, ctx.env) : r;
}

/** Evaluates formula text (no '=') in a cell's context and reduces the result to what the cell shows. */
export function evaluateFormulaText(body: string, ctx: EvalContext): Scalar {
  const { ast } = parseFormulaCached(body);
  return finalValue(evaluate(ast, ctx), ctx.env);
}

export function finalValue(op: Operand, env: EvalEnv): Scalar {
  const v = toScalar(op, env);
  if (v === null) return 0;
  if (typeof v === 'number' && !Number.isFinite(v)) return ERR.NUM;
  if (typeof v === 'number' && Object.is(v, -0)) return 0;
  return v;
}
