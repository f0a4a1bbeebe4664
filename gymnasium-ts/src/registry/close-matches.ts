/**
 * The "Did you mean" of registry errors: Python's `difflib.get_close_matches`, which Gymnasium uses, so a typo
 * gets the same suggestion here as there. Similarity is difflib's `SequenceMatcher.ratio()` (Ratcliff/Obershelp:
 * twice the characters in recursively found longest common blocks, over the total length), computed over code
 * points, with difflib's "autojunk" rule for sequences of 200 or more.
 */

export interface CloseMatchOptions {
  /** The most matches to return (default 3, as difflib). */
  n?: number;
  /** Minimum similarity in [0, 1] (default 0.6, as difflib). */
  cutoff?: number;
}

/** The best `n` of `possibilities` with similarity to `word` ≥ `cutoff`, best first (ties: larger string first). */
export function closeMatches(
  word: string,
  possibilities: Iterable<string>,
  { n = 3, cutoff = 0.6 }: CloseMatchOptions = {},
): string[] {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!(cutoff >= 0 && cutoff <= 1)) throw new RangeError(`cutoff must be in [0, 1], got ${cutoff}`);
  const scored: [number, string][] = [];
  for (const candidate of possibilities) {
    const score = similarityRatio(candidate, word);
    if (score >= cutoff) scored.push([score, candidate]);
  }
  scored.sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : 0));
  return scored.slice(0, n).map(([, candidate]) => candidate);
}

/** `SequenceMatcher(None, a, b).ratio()`. Not symmetric in general, as in difflib. */
export function similarityRatio(a: string, b: string): number {
  const seqA = Array.from(a);
  const seqB = Array.from(b);
  const total = seqA.length + seqB.length;
  return total === 0 ? 1 : (2 * matchingCharacterCount(seqA, seqB)) / total;
}

function matchingCharacterCount(a: string[], b: string[]): number {
  const b2j = indexOfElements(b);
  let matched = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, size] = longestMatch(a, b, b2j, alo, ahi, blo, bhi);
    if (size === 0) continue;
    matched += size;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + size < ahi && j + size < bhi) queue.push([i + size, ahi, j + size, bhi]);
  }
  return matched;
}

/** Positions of each element of `b`, leaving out "popular" elements of long sequences (difflib's autojunk). */
function indexOfElements(b: string[]): Map<string, number[]> {
  const b2j = new Map<string, number[]>();
  b.forEach((element, j) => {
    const positions = b2j.get(element);
    if (positions === undefined) b2j.set(element, [j]);
    else positions.push(j);
  });
  if (b.length >= 200) {
    const popularAbove = Math.floor(b.length / 100) + 1;
    for (const [element, positions] of b2j) if (positions.length > popularAbove) b2j.delete(element);
  }
  return b2j;
}

/** difflib's `find_longest_match`: the longest block a[i:i+k] == b[j:j+k], earliest in a, then in b. */
function longestMatch(
  a: string[],
  b: string[],
  b2j: Map<string, number[]>,
  alo: number,
  ahi: number,
  blo: number,
  bhi: number,
): [number, number, number] {
  let bestI = alo;
  let bestJ = blo;
  let bestSize = 0;
  let lengthEndingAt = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (const j of b2j.get(a[i]!) ?? []) {
      if (j < blo) continue;
      if (j >= bhi) break;
      const k = (lengthEndingAt.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > bestSize) {
        bestI = i - k + 1;
        bestJ = j - k + 1;
        bestSize = k;
      }
    }
    lengthEndingAt = next;
  }
  // Popular elements were left out of b2j; extend the block over equal neighbours as difflib does.
  while (bestI > alo && bestJ > blo && a[bestI - 1] === b[bestJ - 1]) {
    bestI -= 1;
    bestJ -= 1;
    bestSize += 1;
  }
  while (bestI + bestSize < ahi && bestJ + bestSize < bhi && a[bestI + bestSize] === b[bestJ + bestSize]) {
    bestSize += 1;
  }
  return [bestI, bestJ, bestSize];
}
