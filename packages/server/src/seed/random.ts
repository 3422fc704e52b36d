// A small seeded PRNG (sfc32, seeded through cyrb128) so the same seed always yields the same data.
// Math.random and crypto are never used by the generator: determinism depends on it.

/** Four 32-bit words from a string: cyrb128. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = hash128(seed);
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** sfc32: 32 random bits. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of the entries, each as likely as its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** A Poisson-distributed count (Knuth's method; fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit && k < 200) {
      k++;
      p *= this.next();
    }
    return k;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.uint32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex16(value: number): string {
  return (HEX[(value >>> 8) & 0xff] as string) + (HEX[value & 0xff] as string);
}

function hex32(value: number): string {
  return hex16(value >>> 16) + hex16(value & 0xffff);
}

/**
 * A UUID shaped like version 7: 48 bits of milliseconds, then random bits from `random`. Ids made in
 * increasing time order land at the right edge of the primary-key index, as real v7 ids do.
 */
export function uuidV7(ms: number, random: Random): string {
  const time = Math.max(0, Math.floor(ms));
  const high = Math.floor(time / 65536);
  const low = time % 65536;
  const r1 = random.uint32();
  const r2 = random.uint32();
  return `${hex32(high)}-${hex16(low)}-${hex16(0x7000 | (r1 & 0x0fff))}-${hex16(0x8000 | ((r1 >>> 12) & 0x3fff))}-${hex16(r2 >>> 16)}${hex16(r2 & 0xffff)}${hex16(random.uint32() & 0xffff)}`;
}

/** A random-looking UUID (version 4 shape) from `random`. */
export function uuidV4(random: Random): string {
  const a = random.uint32();
  const b = random.uint32();
  const c = random.uint32();
  const d = random.uint32();
  return `${hex32(a)}-${hex16(b >>> 16)}-${hex16(0x4000 | (b & 0x0fff))}-${hex16(0x8000 | ((c >>> 16) & 0x3fff))}-${hex16(c & 0xffff)}${hex32(d)}`;
}

/** (a * b) mod m without leaving the exact range of doubles, for a, b < m <= 1e8. */
export function mulMod(a: number, b: number, m: number): number {
  const aHigh = Math.floor(a / 10_000);
  const aLow = a % 10_000;
  return (((aHigh * b) % m) * 10_000 + aLow * b) % m;
}

/**
 * A bijection of [0, size) chosen by `random`: index → a distinct, scattered value. Unique phones and
 * card numbers come from it by construction, with no set of used values to keep.
 */
export class Permutation {
  private readonly multiplier: number;
  private readonly offset: number;

  constructor(
    private readonly size: number,
    random: Random,
  ) {
    // A multiplier coprime to size (a power of ten here: odd and not a multiple of 5).
    let multiplier = random.int(size / 10, size - 1) | 1;
    while (multiplier % 5 === 0 || gcd(multiplier, size) !== 1) multiplier += 2;
    this.multiplier = multiplier;
    this.offset = random.int(0, size - 1);
  }

  at(index: number): number {
    return (mulMod(this.multiplier, index % this.size, this.size) + this.offset) % this.size;
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
