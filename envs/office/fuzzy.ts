/**
 * Fuzzy matching of a step's control text ("Highlight", "the **Bullets** button") against the visible controls'
 * names ("Text Highlight Color", "Bullets"), as UFO dataflow's execution stage matches an instantiated plan
 * against the real control pool (paper §3.2; dataflow `find_matching_controller`, MATCH_STRATEGY fuzzy,
 * contains or regex).
 *
 * Strategies:
 * - `fuzzy` (default): names are normalised (case, punctuation, Markdown bold, trailing "..." ignored); an exact
 *   match scores 100, otherwise `0.5·partial + 0.3·ratio + 0.2·tokens`, where `ratio` is the Levenshtein indel
 *   similarity (python-Levenshtein's `ratio`), `partial` the best `ratio` of the shorter name against every
 *   same-length window of the longer one, and `tokens` the share of the query's words found in the name.
 * - `partial`: UFO's fuzzy score, `partial` alone on the raw texts.
 * - `contains`: 100 when the name contains the query (case-insensitive), else 0.
 * - `regex`: 100 when the query, as a case-insensitive regular expression, matches the name, else 0.
 * Scores run 0..100; every component is returned so a caller can see why a control won.
 */
import type { ControlType, ObservedControl } from './controls.ts';

export type MatchStrategy = 'fuzzy' | 'partial' | 'contains' | 'regex';

export interface ControlMatch {
  label: string;
  control_text: string;
  control_type: ControlType;
  score: number;
  /** Indel similarity of the normalised names, 0..100. */
  ratio: number;
  /** Best similarity of the shorter name against a window of the longer, 0..100. */
  partial: number;
  /** Share of the query's words present in the name, 0..100. */
  tokens: number;
}

export interface MatchOptions {
  strategy?: MatchStrategy;
  /** Drop matches scoring below this (default 0: keep all with a positive score). */
  minScore?: number;
  /** Keep at most this many, best first. */
  limit?: number;
  /** Only controls of these types. */
  types?: readonly ControlType[];
}

/** Lower case, Unicode-normalised, Markdown bold and trailing ellipses removed, punctuation as spaces. */
export function normaliseControlText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\*\*/g, '')
    .replace(/(\.\.\.|…)\s*$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      row[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/** python-Levenshtein's `ratio`: `(|a| + |b| - indel distance) / (|a| + |b|)`, as 0..100. */
export function ratio(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 100;
  return (200 * lcsLength(a, b)) / total;
}

/** fuzzywuzzy's `partial_ratio` idea: the shorter string against every window of the longer one. */
export function partialRatio(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return long.length === 0 ? 100 : 0;
  let best = 0;
  for (let start = 0; start + short.length <= long.length; start++) {
    const r = ratio(short, long.slice(start, start + short.length));
    if (r > best) best = r;
    if (best === 100) break;
  }
  return best;
}

/** Share (0..100) of the query's words that appear in the name (a word may match a name word's prefix). */
export function tokenCoverage(query: string, name: string): number {
  const q = query.split(' ').filter((t) => t !== '');
  if (q.length === 0) return 0;
  const words = name.split(' ').filter((t) => t !== '');
  const found = q.filter((t) => words.some((w) => w === t || (t.length >= 3 && w.startsWith(t)))).length;
  return (100 * found) / q.length;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Scores one name against the query. */
export function scoreControlText(
  query: string,
  name: string,
  strategy: MatchStrategy = 'fuzzy',
): Omit<ControlMatch, 'label' | 'control_text' | 'control_type'> {
  const q = normaliseControlText(query);
  const n = normaliseControlText(name);
  const r = ratio(q, n);
  const p = partialRatio(q, n);
  const t = tokenCoverage(q, n);
  let score: number;
  switch (strategy) {
    case 'partial':
      score = partialRatio(query, name);
      break;
    case 'contains':
      score = name.toLowerCase().includes(query.toLowerCase()) ? 100 : 0;
      break;
    case 'regex':
      score = regexMatches(query, name) ? 100 : 0;
      break;
    default:
      score = q === '' || n === '' ? 0 : q === n ? 100 : Math.min(99, 0.5 * p + 0.3 * r + 0.2 * t);
  }
  return { score: round(score), ratio: round(r), partial: round(p), tokens: round(t) };
}

function regexMatches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern, 'iu').test(name);
  } catch {
    return false;
  }
}

/**
 * Scores every control against `query`, best first (ties: higher ratio, then list order). Controls with an
 * empty name never match.
 */
export function matchControls(
  query: string,
  controls: readonly ObservedControl[],
  options: MatchOptions = {},
): ControlMatch[] {
  const strategy = options.strategy ?? 'fuzzy';
  if (strategy === 'regex') {
    try {
      new RegExp(query, 'iu');
    } catch (error) {
      throw new SyntaxError(
        `matchControls: ${JSON.stringify(query)} is not a valid regular expression: ${(error as Error).message}`,
      );
    }
  }
  const types = options.types === undefined ? null : new Set(options.types);
  const minScore = options.minScore ?? 0;
  const scored: (ControlMatch & { index: number })[] = [];
  controls.forEach((c, index) => {
    if (types !== null && !types.has(c.control_type)) return;
    if (c.control_text.trim() === '') return;
    const s = scoreControlText(query, c.control_text, strategy);
    if (s.score <= 0 || s.score < minScore) return;
    scored.push({ label: c.label, control_text: c.control_text, control_type: c.control_type, ...s, index });
  });
  scored.sort((a, b) => b.score - a.score || b.ratio - a.ratio || a.index - b.index);
  const limited = options.limit === undefined ? scored : scored.slice(0, options.limit);
  return limited.map(({ index: _index, ...m }) => m);
}

/** The best-matching control, or null when none scores at least `minScore` (default 0). */
export function bestControl(
  query: string,
  controls: readonly ObservedControl[],
  options: MatchOptions = {},
): ControlMatch | null {
  return matchControls(query, controls, { ...options, limit: 1 })[0] ?? null;
}
