/**
 * Recalculation: a dependency graph over the workbook's formulas with incremental recalculation and
 * circular-reference detection.
 *
 * The graph is a cache beside the plain-data workbook (a WeakMap keyed by the workbook object), so
 * snapshots stay plain data. Operations report which cells they changed (`recalcAfterEdit`); structural
 * operations (insert/delete, sort, rename...) call `recalculate`, which rebuilds the graph. A workbook
 * without a cached graph (a structuredClone, say) gets one built on first use, trusting stored values.
 *
 * Order: the dirty set (changed formulas, everything that depends on a changed cell, volatile cells) is
 * evaluated in topological order of the static dependencies; what remains is split into strongly
 * connected components, cyclic ones become circular references (value 0 and listed in
 * `wb.calc.circularRefs`, as Excel shows 0 and names them in the status bar) and the rest follows them.
 * Dynamic references (INDIRECT, OFFSET) are computed on demand when reached.
 */
import { MAX_COLS, MAX_ROWS, parseA1, parseRect, toA1, type Rect } from '../formula/address.ts';
import { setCoercionClock } from '../formula/coerce.ts';
import { isoToSerial } from '../formula/dates.ts';
import { evaluate, finalValue, type EvalContext, type EvalEnv } from '../formula/evaluator.ts';
import { isVolatileFunction } from '../formula/functions/registry.ts';
import { parseFormulaCached, type Node } from '../formula/parser.ts';
import { isMulti, toGrid } from '../formula/grid.ts';
import { ERR, isError, type Operand, type Scalar } from '../formula/values.ts';
import type { Sheet, Workbook } from './types.ts';
import { pruneCell } from './workbook.ts';

interface FormulaInfo {
  key: string;
  sheet: string;
  row: number;
  col: number;
  ast: Node | null;
  cells: string[];
  ranges: { sheetKey: string; rect: Rect }[];
  volatile: boolean;
}

/** A formula's spilled block (Excel 365 dynamic arrays): the cells it wrote beside itself. */
interface SpillInfo {
  sheet: string;
  /** Addresses of the spilled cells (the anchor excluded). */
  children: string[];
}

interface RangeEntry {
  rect: Rect;
  dependent: string;
}

/** Ranges up to this many columns wide are filed under each of their columns; wider ones are checked always. */
const BUCKET_SPAN = 64;

interface RangeBuckets {
  byCol: Map<number, RangeEntry[]>;
  wide: RangeEntry[];
}

function bucketsOf(st: CalcState, sheetKey: string): RangeBuckets {
  let b = st.rangeDependents.get(sheetKey);
  if (!b) st.rangeDependents.set(sheetKey, (b = { byCol: new Map(), wide: [] }));
  return b;
}

/** Range entries whose columns include `col` (the caller still checks rows). */
function* rangeEntriesAt(st: CalcState, sheetKey: string, col: number): Generator<RangeEntry> {
  const b = st.rangeDependents.get(sheetKey);
  if (!b) return;
  const list = b.byCol.get(col);
  if (list) yield* list;
  for (const e of b.wide) if (col >= e.rect.c1 && col <= e.rect.c2) yield e;
}

interface CalcState {
  /** Anchors whose result spills, and anchors blocked with #SPILL!, by formula key. */
  spills: Map<string, SpillInfo>;
  blocked: Set<string>;
  formulas: Map<string, FormulaInfo>;
  cellDependents: Map<string, Set<string>>;
  /** Range readers by sheet, bucketed by column so a changed cell only checks ranges over its column. */
  rangeDependents: Map<string, RangeBuckets>;
  volatile: Set<string>;
}

const states = new WeakMap<object, CalcState>();

const keyOf = (sheet: string, row: number, col: number) => `${sheet.toLowerCase()}!${row}!${col}`;

function sheetMap(wb: Workbook): Map<string, Sheet> {
  const m = new Map<string, Sheet>();
  for (const s of wb.sheets) m.set(s.name.toLowerCase(), s);
  return m;
}

function nameBody(
  wb: Workbook,
  name: string,
  scopeSheet: string | undefined,
  formulaSheet: string,
): string | null {
  const lower = name.toLowerCase();
  const scoped = (scope: string) =>
    wb.names.find((n) => n.name.toLowerCase() === lower && n.scope?.toLowerCase() === scope.toLowerCase());
  const hit =
    scopeSheet !== undefined
      ? scoped(scopeSheet)
      : (scoped(formulaSheet) ??
        wb.names.find((n) => n.name.toLowerCase() === lower && n.scope === undefined));
  if (!hit) return null;
  return hit.refersTo.startsWith('=') ? hit.refersTo.slice(1) : hit.refersTo;
}

/** Static dependencies of a formula: referenced cells and ranges (through names too), volatility. */
function collectDeps(wb: Workbook, sheets: Map<string, Sheet>, info: FormulaInfo): void {
  const seenNames = new Set<string>();
  const walk = (n: Node, sheet: string, depth: number): void => {
    switch (n.type) {
      case 'ref': {
        if (n.ref.kind === 'error') return;
        const target = n.ref.sheet !== undefined ? sheets.get(n.ref.sheet.toLowerCase())?.name : sheet;
        if (target === undefined) return;
        const rect = {
          r1: Math.min(n.ref.r1, n.ref.r2),
          c1: Math.min(n.ref.c1, n.ref.c2),
          r2: Math.max(n.ref.r1, n.ref.r2),
          c2: Math.max(n.ref.c1, n.ref.c2),
        };
        if (rect.r1 === rect.r2 && rect.c1 === rect.c2) info.cells.push(keyOf(target, rect.r1, rect.c1));
        else info.ranges.push({ sheetKey: target.toLowerCase(), rect });
        return;
      }
      case 'name': {
        const id = `${n.sheet ?? ''}!${n.name}`.toLowerCase();
        if (seenNames.has(id) || depth > 16) return;
        seenNames.add(id);
        const body = nameBody(wb, n.name, n.sheet, sheet);
        if (body === null) return;
        try {
          walk(parseFormulaCached(body).ast, sheet, depth + 1);
        } catch {
          /* a broken name evaluates to #NAME?; nothing to depend on */
        }
        return;
      }
      case 'func':
        if (isVolatileFunction(n.name.replace(/^_XLFN\./, ''))) info.volatile = true;
        for (const a of n.args) walk(a, sheet, depth);
        return;
      case 'unary':
      case 'percent':
        walk(n.arg, sheet, depth);
        return;
      case 'binary':
        walk(n.left, sheet, depth);
        walk(n.right, sheet, depth);
        return;
      default:
        return;
    }
  };
  if (info.ast) walk(info.ast, info.sheet, 0);
}

function addToGraph(st: CalcState, info: FormulaInfo): void {
  st.formulas.set(info.key, info);
  for (const k of info.cells) {
    let set = st.cellDependents.get(k);
    if (!set) st.cellDependents.set(k, (set = new Set()));
    set.add(info.key);
  }
  for (const r of info.ranges) {
    const b = bucketsOf(st, r.sheetKey);
    const entry = { rect: r.rect, dependent: info.key };
    if (r.rect.c2 - r.rect.c1 + 1 > BUCKET_SPAN) b.wide.push(entry);
    else {
      for (let c = r.rect.c1; c <= r.rect.c2; c++) {
        let list = b.byCol.get(c);
        if (!list) b.byCol.set(c, (list = []));
        list.push(entry);
      }
    }
  }
  if (info.volatile) st.volatile.add(info.key);
}

function removeFromGraph(st: CalcState, key: string): void {
  const info = st.formulas.get(key);
  if (!info) return;
  st.formulas.delete(key);
  for (const k of info.cells) st.cellDependents.get(k)?.delete(key);
  for (const r of info.ranges) {
    const b = st.rangeDependents.get(r.sheetKey);
    if (!b) continue;
    const drop = (list: RangeEntry[] | undefined) => {
      if (!list) return;
      const i = list.findIndex((e) => e.dependent === key && e.rect === r.rect);
      if (i >= 0) list.splice(i, 1);
    };
    if (r.rect.c2 - r.rect.c1 + 1 > BUCKET_SPAN) drop(b.wide);
    else for (let c = r.rect.c1; c <= r.rect.c2; c++) drop(b.byCol.get(c));
  }
  st.volatile.delete(key);
}

function makeInfo(
  wb: Workbook,
  sheets: Map<string, Sheet>,
  sheet: string,
  row: number,
  col: number,
  formula: string,
): FormulaInfo {
  let ast: Node | null = null;
  try {
    ast = parseFormulaCached(formula.startsWith('=') ? formula.slice(1) : formula).ast;
  } catch {
    ast = null;
  }
  const info: FormulaInfo = {
    key: keyOf(sheet, row, col),
    sheet,
    row,
    col,
    ast,
    cells: [],
    ranges: [],
    volatile: false,
  };
  collectDeps(wb, sheets, info);
  return info;
}

function buildState(wb: Workbook): CalcState {
  const st: CalcState = {
    spills: new Map(),
    blocked: new Set(),
    formulas: new Map(),
    cellDependents: new Map(),
    rangeDependents: new Map(),
    volatile: new Set(),
  };
  const sheets = sheetMap(wb);
  for (const s of wb.sheets) {
    for (const [addr, cell] of Object.entries(s.cells)) {
      if (cell.spilledFrom !== undefined) {
        const a = parseA1(cell.spilledFrom);
        if (a) {
          const k = keyOf(s.name, a.row, a.col);
          let sp = st.spills.get(k);
          if (!sp) st.spills.set(k, (sp = { sheet: s.name, children: [] }));
          sp.children.push(addr);
        }
      }
      if (cell.formula === undefined) continue;
      const p = parseA1(addr);
      if (!p) continue;
      if (isError(cell.value) && cell.value.error === '#SPILL!') st.blocked.add(keyOf(s.name, p.row, p.col));
      addToGraph(st, makeInfo(wb, sheets, s.name, p.row, p.col, cell.formula));
    }
  }
  states.set(wb, st);
  return st;
}

function stateOf(wb: Workbook): CalcState {
  return states.get(wb) ?? buildState(wb);
}

/** Formula cells that depend, directly or through others, on any of `keys` (cell keys). */
function dependentsClosure(st: CalcState, keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const queue = [...keys];
  while (queue.length) {
    const k = queue.pop()!;
    const direct = st.cellDependents.get(k);
    if (direct) {
      for (const d of direct) {
        if (out.has(d)) continue;
        out.add(d);
        queue.push(d);
      }
    }
    const [sheetKey, r, c] = splitKey(k);
    for (const e of rangeEntriesAt(st, sheetKey, c)) {
      if (r >= e.rect.r1 && r <= e.rect.r2 && !out.has(e.dependent)) {
        out.add(e.dependent);
        queue.push(e.dependent);
      }
    }
  }
  return out;
}

function splitKey(k: string): [string, number, number] {
  const j = k.lastIndexOf('!');
  const i = k.lastIndexOf('!', j - 1);
  return [k.slice(0, i), Number(k.slice(i + 1, j)), Number(k.slice(j + 1))];
}

/** A set of formula keys with an index by sheet and column (rows sorted), for range lookups. */
interface KeySet {
  keys: Set<string>;
  bySheetCol: Map<string, Map<number, { row: number; key: string }[]>>;
}

function keySet(keys: Iterable<string>): KeySet {
  const set = new Set(keys);
  const bySheetCol = new Map<string, Map<number, { row: number; key: string }[]>>();
  for (const k of set) {
    const [sk, r, c] = splitKey(k);
    let cols = bySheetCol.get(sk);
    if (!cols) bySheetCol.set(sk, (cols = new Map()));
    let list = cols.get(c);
    if (!list) cols.set(c, (list = []));
    list.push({ row: r, key: k });
  }
  for (const cols of bySheetCol.values())
    for (const list of cols.values()) list.sort((a, b) => a.row - b.row);
  return { keys: set, bySheetCol };
}

/** Static precedents of a formula that are themselves formulas in `within`. */
function precedentsWithin(info: FormulaInfo, within: KeySet): string[] {
  const out = new Set<string>();
  for (const k of info.cells) if (within.keys.has(k)) out.add(k);
  for (const g of info.ranges) {
    const cols = within.bySheetCol.get(g.sheetKey);
    if (!cols) continue;
    const visit = (list: { row: number; key: string }[]) => {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.row < g.rect.r1) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < list.length && list[i]!.row <= g.rect.r2; i++) out.add(list[i]!.key);
    };
    if (g.rect.c2 - g.rect.c1 + 1 <= cols.size) {
      for (let c = g.rect.c1; c <= g.rect.c2; c++) {
        const list = cols.get(c);
        if (list) visit(list);
      }
    } else {
      for (const [c, list] of cols) if (c >= g.rect.c1 && c <= g.rect.c2) visit(list);
    }
  }
  return [...out];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** An EvalEnv over the workbook's stored values (no recomputation); used for ad-hoc evaluation too. */
export function workbookEnv(
  wb: Workbook,
  compute?: (key: string) => void,
  pending?: Set<string>,
): EvalEnv & {
  setCell(key: string): void;
} {
  const sheets = sheetMap(wb);
  const bounds = new Map<string, { rows: number; cols: number }>();
  let rng = mulberry32(wb.calc.seed);
  const nowSerial = isoToSerial(wb.calc.now);
  return {
    setCell(key: string) {
      rng = mulberry32(hashString(`${wb.calc.seed}:${key}`));
    },
    cellValue(sheet, row, col) {
      const s = sheets.get(sheet.toLowerCase());
      if (!s) return ERR.REF;
      const addr = toA1(row, col);
      // Only formula cells can be pending; most cells a range covers are constants.
      if (compute && pending && pending.size > 0 && s.cells[addr]?.formula !== undefined) {
        const k = keyOf(s.name, row, col);
        if (pending.has(k)) compute(k);
      }
      const v = s.cells[addr]?.value;
      return v === undefined ? null : v;
    },
    cellFormula(sheet, row, col) {
      return sheets.get(sheet.toLowerCase())?.cells[toA1(row, col)]?.formula;
    },
    resolveSheet(name) {
      return sheets.get(name.toLowerCase())?.name ?? null;
    },
    resolveName(name, scopeSheet, formulaSheet) {
      return nameBody(wb, name, scopeSheet, formulaSheet);
    },
    usedBounds(sheet) {
      const lower = sheet.toLowerCase();
      let b = bounds.get(lower);
      if (!b) {
        let rows = 0;
        let cols = 0;
        const s = sheets.get(lower);
        if (s) {
          for (const addr of Object.keys(s.cells)) {
            const p = parseA1(addr);
            if (!p) continue;
            if (p.row > rows) rows = p.row;
            if (p.col > cols) cols = p.col;
          }
        }
        b = { rows, cols };
        bounds.set(lower, b);
      }
      return b;
    },
    rowHidden(sheet, row) {
      const r = sheets.get(sheet.toLowerCase())?.rows[String(row)];
      if (!r?.hidden) return 'no';
      return r.filtered ? 'filtered' : 'manual';
    },
    sheetNames() {
      return wb.sheets.map((s) => s.name);
    },
    nowSerial,
    random() {
      return rng();
    },
  };
}

function evaluateInfo(env: ReturnType<typeof workbookEnv>, info: FormulaInfo, stored: Scalar): Operand {
  if (!info.ast) return stored ?? ERR.NAME;
  env.setCell(info.key);
  const ctx: EvalContext = { env, sheet: info.sheet, row: info.row, col: info.col };
  try {
    return evaluate(info.ast, ctx);
  } catch (e) {
    if (e instanceof RangeError) return ERR.NUM; // runaway recursion in a pathological formula
    throw e;
  }
}

/** Largest block a formula may spill (a guard against runaway whole-column results). */
const MAX_SPILL_CELLS = 1_000_000;

/** Removes an anchor's spilled values; returns the keys of the cells that changed. */
function clearSpill(wb: Workbook, st: CalcState, anchorKey: string): string[] {
  const sp = st.spills.get(anchorKey);
  st.spills.delete(anchorKey);
  if (!sp) return [];
  const sheet = wb.sheets.find((x) => x.name.toLowerCase() === sp.sheet.toLowerCase());
  const out: string[] = [];
  for (const addr of sp.children) {
    const cell = sheet?.cells[addr];
    if (!sheet || !cell || cell.spilledFrom === undefined) continue;
    delete cell.spilledFrom;
    cell.value = null;
    pruneCell(sheet, addr);
    const p = parseA1(addr)!;
    out.push(keyOf(sheet.name, p.row, p.col));
  }
  return out;
}

/**
 * Writes a multi-cell result as Excel 365 does: the anchor shows the top-left value and the rest spills
 * into the cells right and below, unless one of them holds something (then the anchor is #SPILL!).
 * Returns the keys of cells whose value changed.
 */
function spillResult(
  wb: Workbook,
  st: CalcState,
  env: EvalEnv,
  info: FormulaInfo,
  sheet: Sheet,
  result: Operand,
): string[] {
  const changed = clearSpill(wb, st, info.key);
  st.blocked.delete(info.key);
  const anchor = sheet.cells[toA1(info.row, info.col)];
  if (!anchor) return changed;
  if (!isMulti(result)) {
    anchor.value = finalValue(result, env);
    return changed;
  }
  const g = toGrid(result, env);
  const fits =
    info.row + g.rows - 1 <= MAX_ROWS &&
    info.col + g.cols - 1 <= MAX_COLS &&
    g.rows * g.cols <= MAX_SPILL_CELLS;
  let free = fits;
  for (let r = 0; free && r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      if (r === 0 && c === 0) continue;
      const cell = sheet.cells[toA1(info.row + r, info.col + c)];
      if (cell && (cell.formula !== undefined || (cell.value !== null && cell.spilledFrom === undefined))) {
        free = false;
        break;
      }
      if (cell?.spilledFrom !== undefined || mergeAt(sheet, info.row + r, info.col + c)) {
        free = false;
        break;
      }
    }
  }
  if (!free) {
    anchor.value = ERR.SPILL;
    st.blocked.add(info.key);
    return changed;
  }
  const anchorAddr = toA1(info.row, info.col);
  const children: string[] = [];
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      const v = finalValue(g.get(r, c), env);
      if (r === 0 && c === 0) {
        anchor.value = v;
        continue;
      }
      const addr = toA1(info.row + r, info.col + c);
      const cell = (sheet.cells[addr] ??= { value: null });
      cell.value = v;
      cell.spilledFrom = anchorAddr;
      children.push(addr);
      changed.push(keyOf(sheet.name, info.row + r, info.col + c));
    }
  }
  st.spills.set(info.key, { sheet: sheet.name, children });
  return changed;
}

function mergeAt(sheet: Sheet, row: number, col: number): boolean {
  if (sheet.merges.length === 0) return false;
  return sheet.merges.some((m) => {
    const r = parseRect(m);
    return r !== null && row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;
  });
}

/**
 * Runs the dirty formulas, then once more for whatever read cells that spills filled or emptied
 * (spilled cells have no static precedents, so their readers are found afterwards).
 */
function runWithSpills(wb: Workbook, st: CalcState, dirty: Set<string>): void {
  let next = dirty;
  for (let pass = 0; pass < 8 && next.size > 0; pass++) {
    const spilled = run(wb, st, next);
    if (spilled.size === 0) return;
    next = dependentsClosure(st, spilled);
  }
}

/** Evaluates the dirty formulas in dependency order and records circular references. */
function run(wb: Workbook, st: CalcState, dirty: Set<string>): Set<string> {
  const spilled = new Set<string>();
  const sheets = sheetMap(wb);
  const done = new Set<string>();
  const onStack = new Set<string>();
  const pending = new Set(dirty);
  const env = workbookEnv(wb, (k) => computeNow(k), pending);
  setCoercionClock(env.nowSerial);
  const store = (info: FormulaInfo, v: Scalar) => {
    const cell = sheets.get(info.sheet.toLowerCase())?.cells[toA1(info.row, info.col)];
    if (cell) cell.value = v;
  };
  const computeNow = (k: string) => {
    if (done.has(k) || onStack.has(k)) return;
    const info = st.formulas.get(k);
    if (!info) return;
    onStack.add(k);
    const sheet = sheets.get(info.sheet.toLowerCase());
    const cell = sheet?.cells[toA1(info.row, info.col)];
    const v = evaluateInfo(env, info, cell?.value ?? null);
    onStack.delete(k);
    pending.delete(k);
    done.add(k);
    if (sheet) for (const c of spillResult(wb, st, env, info, sheet, v)) spilled.add(c);
  };

  // Kahn's algorithm over static precedents inside the dirty set.
  const dirtySet = keySet([...dirty].filter((k) => st.formulas.has(k)));
  const indeg = new Map<string, number>();
  const users = new Map<string, string[]>();
  for (const k of dirty) {
    const info = st.formulas.get(k);
    if (!info) continue;
    const pre = precedentsWithin(info, dirtySet);
    indeg.set(k, pre.length);
    for (const p of pre) {
      let u = users.get(p);
      if (!u) users.set(p, (u = []));
      u.push(k);
    }
  }
  const order = [...indeg.entries()].filter(([, d]) => d === 0).map(([k]) => k);
  const release = (k: string) => {
    for (const u of users.get(k) ?? []) {
      const d = indeg.get(u)! - 1;
      indeg.set(u, d);
      if (d === 0) order.push(u);
    }
  };
  for (let i = 0; i < order.length; i++) {
    const k = order[i]!;
    computeNow(k);
    release(k);
  }
  const remaining = [...indeg.keys()].filter((k) => !done.has(k));
  const circular = new Set<string>();
  if (remaining.length) {
    const remSet = new Set(remaining);
    const remKeys = keySet(remSet);
    for (const comp of tarjan(remaining, (k) => precedentsWithin(st.formulas.get(k)!, remKeys))) {
      const k0 = comp[0]!;
      const selfLoop = comp.length === 1 && precedentsWithin(st.formulas.get(k0)!, keySet([k0])).length > 0;
      if (comp.length > 1 || selfLoop) {
        for (const k of comp) {
          circular.add(k);
          pending.delete(k);
          done.add(k);
          for (const c of clearSpill(wb, st, k)) spilled.add(c);
          store(st.formulas.get(k)!, 0);
        }
      }
    }
    // What is left depends on circular cells; evaluate it in order (on-demand recursion resolves it).
    for (const k of remaining) computeNow(k);
  }
  // Keep previously found circular cells that were not re-evaluated this time.
  const stillCircular = wb.calc.circularRefs.filter((ref) => {
    const k = circularKey(ref);
    return k !== null && !dirty.has(k) && st.formulas.has(k);
  });
  const fresh = [...circular].map((k) => {
    const info = st.formulas.get(k)!;
    return `${info.sheet}!${toA1(info.row, info.col)}`;
  });
  wb.calc.circularRefs = [...new Set([...stillCircular, ...fresh])].sort();
  return spilled;
}

function circularKey(ref: string): string | null {
  const bang = ref.lastIndexOf('!');
  const p = parseA1(ref.slice(bang + 1));
  return p ? keyOf(ref.slice(0, bang), p.row, p.col) : null;
}

/** Tarjan's strongly connected components, iterative (formula chains can be long). */
function tarjan(nodes: string[], edges: (k: string) => string[]): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  for (const start of nodes) {
    if (idx.has(start)) continue;
    const work: { node: string; edges: string[]; i: number }[] = [];
    const push = (n: string) => {
      idx.set(n, index);
      low.set(n, index);
      index++;
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, edges: edges(n), i: 0 });
    };
    push(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.i < top.edges.length) {
        const w = top.edges[top.i++]!;
        if (!idx.has(w)) push(w);
        else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, idx.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === idx.get(top.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.node);
        out.push(comp);
      }
    }
  }
  return out;
}

/** Rebuilds the dependency graph and recomputes every formula in the workbook. */
export function recalculate(wb: Workbook): void {
  states.delete(wb);
  // Spills are recomputed from scratch: structural edits may have moved or split old blocks.
  for (const s of wb.sheets) {
    for (const [addr, cell] of Object.entries(s.cells)) {
      if (cell.spilledFrom === undefined) continue;
      delete cell.spilledFrom;
      cell.value = null;
      pruneCell(s, addr);
    }
  }
  const st = buildState(wb);
  wb.calc.circularRefs = [];
  runWithSpills(wb, st, new Set(st.formulas.keys()));
}

/**
 * After cells changed (values or formulas typed, pasted, cleared): updates their graph entries and
 * recomputes what depends on them, plus volatile formulas.
 */
export function recalcAfterEdit(wb: Workbook, changed: { sheet: string; row: number; col: number }[]): void {
  const st = stateOf(wb);
  const sheets = sheetMap(wb);
  const keys: string[] = [];
  const touched = new Set<string>();
  for (const ch of changed) {
    const s = sheets.get(ch.sheet.toLowerCase());
    if (!s) continue;
    const key = keyOf(s.name, ch.row, ch.col);
    keys.push(key);
    touched.add(`${s.name.toLowerCase()}!${toA1(ch.row, ch.col)}`);
    removeFromGraph(st, key);
    const cell = s.cells[toA1(ch.row, ch.col)];
    // Typing over a spilled cell makes it the user's own; its anchor will find the block taken.
    if (cell?.spilledFrom !== undefined && (cell.value !== null || cell.formula !== undefined))
      delete cell.spilledFrom;
    const f = cell?.formula;
    if (f !== undefined) addToGraph(st, makeInfo(wb, sheets, s.name, ch.row, ch.col, f));
    else keys.push(...clearSpill(wb, st, key));
  }
  const dirty = dependentsClosure(st, keys);
  for (const k of keys) if (st.formulas.has(k)) dirty.add(k);
  // Anchors whose block an edit entered, and blocked anchors (the edit may have cleared the way).
  for (const [k, sp] of st.spills) {
    if (sp.children.some((a) => touched.has(`${sp.sheet.toLowerCase()}!${a}`))) dirty.add(k);
  }
  for (const k of st.blocked) dirty.add(k);
  for (const k of [...dirty])
    if (st.blocked.has(k) || st.spills.has(k)) for (const d of dependentsClosure(st, [k])) dirty.add(d);
  for (const v of st.volatile) {
    dirty.add(v);
    for (const d of dependentsClosure(st, [v])) dirty.add(d);
  }
  if (dirty.size) runWithSpills(wb, st, dirty);
}

/** Forgets the cached graph (the next edit rebuilds it); for callers that changed cells by hand. */
export function dropCalcCache(wb: Workbook): void {
  states.delete(wb);
}

/**
 * Evaluates formula text (without '=') as if it were in `sheet` at (row, col), reading stored values;
 * used by conditional formats and data validation. Syntax errors give #NAME?.
 */
export function evaluateAt(wb: Workbook, sheet: string, row: number, col: number, body: string): Scalar {
  let ast: Node;
  try {
    ast = parseFormulaCached(body).ast;
  } catch {
    return ERR.NAME;
  }
  const env = workbookEnv(wb);
  setCoercionClock(env.nowSerial);
  env.setCell(keyOf(sheet, row, col));
  return finalValue(evaluate(ast, { env, sheet, row, col }), env);
}

/** Formula cells that read the given cell (directly), as "Sheet!A1" strings; for trace-dependents style UI. */
export function directDependents(wb: Workbook, sheet: string, addr: string): string[] {
  const st = stateOf(wb);
  const p = parseA1(addr);
  if (!p) return [];
  const out = [...dependentsClosureOneLevel(st, keyOf(sheet, p.row, p.col))];
  return out
    .map((k) => {
      const info = st.formulas.get(k)!;
      return `${info.sheet}!${toA1(info.row, info.col)}`;
    })
    .sort();
}

function dependentsClosureOneLevel(st: CalcState, k: string): Set<string> {
  const out = new Set(st.cellDependents.get(k) ?? []);
  const [sk, r, c] = splitKey(k);
  for (const e of rangeEntriesAt(st, sk, c)) if (r >= e.rect.r1 && r <= e.rect.r2) out.add(e.dependent);
  return out;
}
