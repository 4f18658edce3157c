/**
 * Seeded randomness for the population generator: a small fast PRNG (sfc32) seeded through a
 * hash, so every household can get its own stream from (seed, commune, household) and the output
 * does not depend on batch size or on how much was generated before.
 */

/** 32-bit integer hash (murmur3's finaliser), mixing several inputs. */
export function hash32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    let k = Math.imul(v | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h = Math.imul(h ^ Math.imul(k, 0x1b873593), 5) + 0xe6546b64;
    // Inputs above 2^32 (large seeds or sequence numbers) keep their high part.
    const high = Math.floor(v / 0x100000000);
    if (high !== 0) h = Math.imul(h ^ high, 0x85ebca6b);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seed: number[]) {
    this.a = hash32(...seed, 1);
    this.b = hash32(...seed, 2);
    this.c = hash32(...seed, 3);
    this.d = hash32(...seed, 4);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Normal by Box–Muller. */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Normal clamped to [min, max]. */
  between(mean: number, sd: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, this.normal(mean, sd)));
  }
}

/** A weighted list, searched by bisection; built once per table. */
export class Weighted<T> {
  readonly items: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight >= 0)) throw new Error(`weight ${weight} is not a non-negative number`);
      sum += weight;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new Error('a weighted list needs a positive total weight');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }

  /** The share of one item, for tests and reports. */
  share(item: T): number {
    const i = this.items.indexOf(item);
    if (i < 0) return 0;
    return ((this.cumulative[i] as number) - (i > 0 ? (this.cumulative[i - 1] as number) : 0)) / this.total;
  }
}

/**
 * A keyed permutation of [0, 10^(2·halfDigits)): a four-round Feistel network on the two halves
 * of the decimal number. Numbers derived from a counter this way never collide and look random.
 */
export function permute(n: number, halfDigits: number, key: number): number {
  const half = 10 ** halfDigits;
  let left = Math.floor(n / half) % half;
  let right = n % half;
  for (let round = 0; round < 4; round++) {
    const next = (left + (hash32(right, key, round) % half)) % half;
    left = right;
    right = next;
  }
  return left * half + right;
}
