/**
 * Seeded randomness for demo data: the same seed gives the same province, on PGlite and on
 * PostgreSQL alike. mulberry32 is small, fast and good enough for synthetic records.
 */

export type Rng = () => number;

/** mulberry32: a 32-bit seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derive an independent stream from a seed and a label (so one stream's draws never shift another's). */
export function deriveRng(seed: number, label: string): Rng {
  let h = 2166136261 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return mulberry32(h >>> 0);
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** An integer in [min, max], both included. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** A weighted choice prepared once: `[value, weight]` pairs, drawn by binary search. */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(pairs: readonly (readonly [T, number])[]) {
    this.values = [];
    this.cumulative = [];
    let sum = 0;
    for (const [value, weight] of pairs) {
      if (weight <= 0) continue;
      sum += weight;
      this.values.push(value);
      this.cumulative.push(sum);
    }
    if (this.values.length === 0) throw new Error('Weighted: no positive weight');
    this.total = sum;
  }

  draw(rng: Rng): T {
    const x = rng() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }
}

/** Weights falling off like a Zipf law over a list ordered from most to least common. */
export function zipf<T>(items: readonly T[], exponent = 0.9): Weighted<T> {
  return new Weighted(items.map((item, i) => [item, 1 / (i + 1) ** exponent] as const));
}

// ---- ISO dates (yyyy-mm-dd) without time zones -----------------------------------------------

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1];
}

export function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A random day of year `y` (between months `fromMonth` and `toMonth`). */
export function dayIn(rng: Rng, y: number, fromMonth = 1, toMonth = 12): string {
  const m = intBetween(rng, fromMonth, toMonth);
  return isoOf(y, m, intBetween(rng, 1, daysIn(y, m)));
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The later of two ISO dates. */
export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two ISO dates. */
export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
