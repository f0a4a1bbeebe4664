/**
 * Seeding compatible with numpy's `default_rng` / Gymnasium's `seeding.np_random`: numpy's SeedSequence
 * feeds a PCG64 (XSL-RR 128/64) generator, and the draws Gymnasium relies on (`random`, `uniform`,
 * `integers`) reproduce numpy bit for bit, so `reset({seed: 42})` here starts where Gymnasium starts.
 * Distributions numpy draws with ziggurat tables (normal, exponential) are TS-specific and documented so.
 */
import { randomBytes } from 'node:crypto';
import { InvalidSeed } from '../errors.ts';

const MASK32 = 0xffffffff;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

const mul32 = (a: number, b: number): number => Math.imul(a, b) >>> 0;

/** Splits a non-negative integer (up to 2^53) into little-endian 32-bit words, as numpy coerces entropy. */
function toUint32Words(value: number): number[] {
  if (value === 0) return [0];
  const words: number[] = [];
  let v = value;
  while (v > 0) {
    words.push((v % 2 ** 32) >>> 0);
    v = Math.floor(v / 2 ** 32);
  }
  return words;
}

/** numpy.random.SeedSequence, restricted to integer entropy and an empty spawn key. */
export class SeedSequence {
  readonly entropy: number;
  private readonly pool: number[];

  constructor(entropy: number) {
    this.entropy = entropy;
    const entropyWords = toUint32Words(entropy);
    const hashConst = { value: INIT_A };
    const hashmix = (input: number): number => {
      let value = (input ^ hashConst.value) >>> 0;
      hashConst.value = mul32(hashConst.value, MULT_A);
      value = mul32(value, hashConst.value);
      return (value ^ (value >>> 16)) >>> 0;
    };
    const mix = (x: number, y: number): number => {
      const result = (mul32(MIX_MULT_L, x) - mul32(MIX_MULT_R, y)) >>> 0;
      return (result ^ (result >>> 16)) >>> 0;
    };
    const pool = new Array<number>(POOL_SIZE);
    for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < entropyWords.length ? entropyWords[i]! : 0);
    for (let src = 0; src < POOL_SIZE; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) {
        if (src !== dst) pool[dst] = mix(pool[dst]!, hashmix(pool[src]!));
      }
    }
    for (let src = POOL_SIZE; src < entropyWords.length; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst]!, hashmix(entropyWords[src]!));
    }
    this.pool = pool;
  }

  /** `generate_state(nWords, uint32)`. */
  generateState(nWords: number): Uint32Array {
    const out = new Uint32Array(nWords);
    let hashConst = INIT_B;
    for (let i = 0; i < nWords; i++) {
      let value = (this.pool[i % POOL_SIZE]! ^ hashConst) >>> 0;
      hashConst = mul32(hashConst, MULT_B);
      value = mul32(value, hashConst);
      out[i] = (value ^ (value >>> 16)) >>> 0;
    }
    return out;
  }
}

/** A serialisable snapshot of a generator: compare with `rngStatesEqual`, restore with `setState`. */
export interface RngState {
  readonly bitGenerator: 'PCG64';
  /** 128-bit LCG state and increment, as hex strings (what numpy shows as `state.state` / `state.inc`). */
  readonly state: string;
  readonly inc: string;
  readonly hasUint32: boolean;
  readonly uinteger: number;
}

// 128-bit numbers are held as 8 little-endian 16-bit limbs so multiplication stays exact in doubles.
type Limbs = Float64Array;
const MULTIPLIER = limbsFromHex('2360ed051fc65da44385df649fccf645');

function limbsFromHex(hex: string): Limbs {
  const padded = hex.padStart(32, '0');
  const limbs = new Float64Array(8);
  for (let i = 0; i < 8; i++) limbs[i] = parseInt(padded.slice(32 - 4 * (i + 1), 32 - 4 * i), 16);
  return limbs;
}

function limbsToHex(limbs: Limbs): string {
  let hex = '';
  for (let i = 7; i >= 0; i--) hex += limbs[i]!.toString(16).padStart(4, '0');
  return hex;
}

function limbsFromU32(words: [number, number, number, number]): Limbs {
  // words: most significant first.
  const limbs = new Float64Array(8);
  for (let w = 0; w < 4; w++) {
    const word = words[3 - w]!;
    limbs[2 * w] = word & 0xffff;
    limbs[2 * w + 1] = word >>> 16;
  }
  return limbs;
}

/** out = (a * b + c) mod 2^128; out may alias a or c. */
function mulAdd(a: Limbs, b: Limbs, c: Limbs, out: Limbs, scratch: Limbs): void {
  for (let k = 0; k < 8; k++) {
    let acc = c[k]!;
    for (let i = 0; i <= k; i++) acc += a[i]! * b[k - i]!;
    scratch[k] = acc;
  }
  let carry = 0;
  for (let k = 0; k < 8; k++) {
    const v = scratch[k]! + carry;
    const low = v % 65536;
    out[k] = low;
    carry = (v - low) / 65536;
  }
}

function addInto(a: Limbs, b: Limbs): void {
  let carry = 0;
  for (let k = 0; k < 8; k++) {
    const v = a[k]! + b[k]! + carry;
    a[k] = v & 0xffff;
    carry = v >>> 16;
  }
}

/**
 * numpy.random.Generator over PCG64. Draw methods name and order their random calls as numpy does, so
 * the same seed gives the same numbers as `np.random.default_rng(seed)` for the methods marked "numpy".
 */
export class Generator {
  private readonly lcgState: Limbs = new Float64Array(8);
  private readonly lcgInc: Limbs = new Float64Array(8);
  private readonly scratch: Limbs = new Float64Array(8);
  private hasUint32 = false;
  private uinteger = 0;
  private hiWord = 0;
  private loWord = 0;

  constructor(seedSequence: SeedSequence) {
    const words = seedSequence.generateState(8);
    // generate_state(4, uint64): little-endian pairs of uint32 form each uint64.
    const u64 = (i: number): [number, number] => [words[2 * i + 1]!, words[2 * i]!];
    const [s0h, s0l] = u64(0);
    const [s1h, s1l] = u64(1);
    const [i0h, i0l] = u64(2);
    const [i1h, i1l] = u64(3);
    const initState = limbsFromU32([s0h, s0l, s1h, s1l]);
    const initSeq = limbsFromU32([i0h, i0l, i1h, i1l]);
    // inc = (initseq << 1) | 1
    let carry = 0;
    for (let k = 0; k < 8; k++) {
      const v = initSeq[k]! * 2 + carry;
      this.lcgInc[k] = v & 0xffff;
      carry = v >>> 16;
    }
    this.lcgInc[0] = this.lcgInc[0]! | 1;
    this.step();
    addInto(this.lcgState, initState);
    this.step();
  }

  private step(): void {
    mulAdd(this.lcgState, MULTIPLIER, this.lcgInc, this.lcgState, this.scratch);
  }

  /** Advances the LCG and leaves the XSL-RR 64-bit output in hiWord/loWord. */
  private next64(): void {
    this.step();
    const s = this.lcgState;
    const w0 = s[0]! + s[1]! * 65536;
    const w1 = s[2]! + s[3]! * 65536;
    const w2 = s[4]! + s[5]! * 65536;
    const w3 = s[6]! + s[7]! * 65536;
    // value = high64 ^ low64; rot = state >> 122
    let hi = (w3 ^ w1) >>> 0;
    let lo = (w2 ^ w0) >>> 0;
    const rot = w3 >>> 26;
    if (rot >= 32) {
      const t = hi;
      hi = lo;
      lo = t;
    }
    const r = rot & 31;
    if (r !== 0) {
      const nhi = ((hi >>> r) | (lo << (32 - r))) >>> 0;
      const nlo = ((lo >>> r) | (hi << (32 - r))) >>> 0;
      hi = nhi;
      lo = nlo;
    }
    this.hiWord = hi;
    this.loWord = lo;
  }

  /** numpy: next_uint32 (buffers the high half of a 64-bit draw). */
  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.hiWord;
    return this.loWord;
  }

  /** numpy: `random()`, a double in [0, 1) with 53 random bits. */
  random(): number {
    this.next64();
    // (next_uint64 >> 11) * 2^-53
    return ((this.hiWord >>> 0) * 2 ** 21 + (this.loWord >>> 11)) * 2 ** -53;
  }

  /** numpy: `uniform(low, high)`. */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.random();
  }

  /**
   * numpy: `integers(low, high)` with int64 dtype, high exclusive (Lemire's method on 32-bit draws when the
   * range fits in 32 bits). Ranges wider than 2^32 use 53-bit rejection sampling and are TS-specific.
   */
  integers(low: number, high?: number): number {
    let lo = low;
    let hi = high;
    if (hi === undefined) {
      hi = lo;
      lo = 0;
    }
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
      throw new RangeError(`integers(low, high) needs safe integers, got ${lo}, ${hi}`);
    }
    if (hi <= lo) throw new RangeError(`integers: high (${hi}) must be greater than low (${lo})`);
    const rng = hi - lo - 1;
    if (rng === 0) return lo;
    if (rng <= MASK32) {
      if (rng === MASK32) return lo + this.nextUint32();
      const rngExcl = rng + 1;
      let m = this.mulHigh(this.nextUint32(), rngExcl);
      if (m.leftover < rngExcl) {
        const threshold = (MASK32 - rng) % rngExcl;
        while (m.leftover < threshold) m = this.mulHigh(this.nextUint32(), rngExcl);
      }
      return lo + m.high;
    }
    const span = hi - lo;
    const limit = Math.floor(2 ** 53 / span) * span;
    for (;;) {
      this.next64();
      const draw = (this.hiWord >>> 11) * 2 ** 32 + this.loWord;
      if (draw < limit) return lo + (draw % span);
    }
  }

  private mulHigh(a: number, b: number): { high: number; leftover: number } {
    // a, b < 2^32: split b to keep the 64-bit product exact.
    const bLo = b & 0xffff;
    const bHi = b >>> 16;
    const pLo = a * bLo; // < 2^48
    const pHi = a * bHi; // < 2^48
    const low32 = (pLo % 2 ** 32) + (pHi % 65536) * 65536;
    const leftover = low32 % 2 ** 32;
    const high = Math.floor(pLo / 2 ** 32) + Math.floor(pHi / 65536) + Math.floor(low32 / 2 ** 32);
    return { high, leftover };
  }

  /** Standard normal by Box–Muller. TS-specific: numpy draws normals with a ziggurat. */
  normal(mean = 0, std = 1): number {
    let u = this.random();
    while (u === 0) u = this.random();
    const v = this.random();
    return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Exponential with scale 1 by inversion. TS-specific (numpy uses a ziggurat). */
  exponential(scale = 1): number {
    return -scale * Math.log1p(-this.random());
  }

  /** An index drawn with the given probabilities (must sum to 1 within 1e-8). */
  choiceWeighted(probabilities: ArrayLike<number>): number {
    const u = this.random();
    let cumulative = 0;
    for (let i = 0; i < probabilities.length; i++) {
      cumulative += probabilities[i]!;
      if (u < cumulative) return i;
    }
    for (let i = probabilities.length - 1; i >= 0; i--) if (probabilities[i]! > 0) return i;
    throw new RangeError('choiceWeighted: all probabilities are zero');
  }

  /** In-place Fisher–Yates shuffle, as numpy's `shuffle` for 1-D arrays. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.integers(0, i + 1);
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  getState(): RngState {
    return {
      bitGenerator: 'PCG64',
      state: limbsToHex(this.lcgState),
      inc: limbsToHex(this.lcgInc),
      hasUint32: this.hasUint32,
      uinteger: this.uinteger,
    };
  }

  setState(state: RngState): void {
    if (state.bitGenerator !== 'PCG64') throw new InvalidSeed(`unknown bit generator ${state.bitGenerator}`);
    this.lcgState.set(limbsFromHex(state.state));
    this.lcgInc.set(limbsFromHex(state.inc));
    this.hasUint32 = state.hasUint32;
    this.uinteger = state.uinteger;
  }

  clone(): Generator {
    const copy = Object.create(Generator.prototype) as Generator;
    Object.assign(copy, {
      lcgState: new Float64Array(this.lcgState),
      lcgInc: new Float64Array(this.lcgInc),
      scratch: new Float64Array(8),
      hasUint32: this.hasUint32,
      uinteger: this.uinteger,
      hiWord: 0,
      loWord: 0,
    });
    return copy;
  }
}

export function rngStatesEqual(a: RngState, b: RngState): boolean {
  return (
    a.bitGenerator === b.bitGenerator &&
    a.state === b.state &&
    a.inc === b.inc &&
    a.hasUint32 === b.hasUint32 &&
    a.uinteger === b.uinteger
  );
}

/** Fresh 53-bit entropy from the OS, for `npRandom()` without a seed. */
function osEntropy(): number {
  const bytes = randomBytes(8);
  return (bytes.readUInt32LE(0) & 0x1fffff) * 2 ** 32 + bytes.readUInt32LE(4);
}

/**
 * Gymnasium's `seeding.np_random(seed)`: returns the generator and the seed it was built from.
 * The seed must be a non-negative safe integer; without one, entropy comes from the OS.
 */
export function npRandom(seed?: number | null): [Generator, number] {
  if (seed !== undefined && seed !== null && !(Number.isSafeInteger(seed) && seed >= 0)) {
    throw new InvalidSeed(`Seed must be a non-negative integer or omitted, not ${String(seed)}`);
  }
  const entropy = seed ?? osEntropy();
  return [new Generator(new SeedSequence(entropy)), entropy];
}
