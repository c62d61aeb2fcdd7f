import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache';

describe('read cache', () => {
  const setup = () => {
    let now = Date.parse('2026-12-04T10:00:00Z');
    const clock = { now: () => new Date(now) };
    const cache = createReadCache<number>({ clock, ttlMs: 60_000, max: 2 });
    let calls = 0;
    const compute = () => Promise.resolve(++calls);
    return { cache, compute, calls: () => calls, advance: (ms: number) => (now += ms) };
  };

  it('counts once per key and data version, and again when the data changes', async () => {
    const t = setup();
    expect(await t.cache.get('a', 'v1', t.compute)).toBe(1);
    expect(await t.cache.get('a', 'v1', t.compute)).toBe(1);
    expect(await t.cache.get('a', 'v2', t.compute)).toBe(2);
    expect(await t.cache.get('b', 'v2', t.compute)).toBe(3);
  });

  it('counts again after the time to live, and forgets the oldest key beyond its size', async () => {
    const t = setup();
    await t.cache.get('a', 'v1', t.compute);
    t.advance(60_000);
    expect(await t.cache.get('a', 'v1', t.compute)).toBe(2);
    await t.cache.get('b', 'v1', t.compute);
    await t.cache.get('c', 'v1', t.compute);
    expect(await t.cache.get('a', 'v1', t.compute)).toBe(5);
  });

  it('shares one computation between concurrent askers and does not keep a failure', async () => {
    const t = setup();
    let release: (n: number) => void = () => {};
    const slow = () => new Promise<number>((r) => (release = r));
    const both = Promise.all([t.cache.get('a', 'v1', slow), t.cache.get('a', 'v1', slow)]);
    release(42);
    expect(await both).toEqual([42, 42]);
    await expect(t.cache.get('x', 'v1', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await t.cache.get('x', 'v1', t.compute)).toBe(1);
  });
});
