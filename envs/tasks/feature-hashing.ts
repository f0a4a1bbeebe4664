/**
 * The hashing trick shared by the LAM's candidate features (agents/lam/features.ts) and the reward model's step
 * features (step-features.ts): FNV-1a over strings and a murmur3-style mix of two hashes, so crosses need no
 * string building. It lives below both users; changing it changes every trained model's inputs.
 */

/** FNV-1a, 32 bits, memoised: the vocabulary of requests and control names is small. */
const cache = new Map<string, number>();
export function featureHash(text: string): number {
  let h = cache.get(text);
  if (h !== undefined) return h;
  h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  if (cache.size < 200_000) cache.set(text, h);
  return h;
}

/** Combines two hashes (murmur3's finaliser over a xor-rotate). */
export function mixHashes(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1) ^ ((b << 15) | (b >>> 17))) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
