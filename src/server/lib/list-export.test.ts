import { describe, expect, it } from 'vitest';
import { fileDate, pagesOf, vietnamTime } from './list-export';

describe('list export helpers', () => {
  it('reads a paged list page by page, stopping at the first short page', async () => {
    const asked: number[] = [];
    const data = [1, 2, 3, 4, 5];
    const fetch = async (page: number, size: number) => {
      asked.push(page);
      return { items: data.slice((page - 1) * size, page * size) };
    };
    const out: number[] = [];
    for await (const n of pagesOf(fetch, 2)) out.push(n);
    expect(out).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([1, 2, 3]);
    asked.length = 0;
    for await (const _ of pagesOf(async (p) => fetch(p, 5), 5)) out.push(0);
    expect(asked).toEqual([1, 2]);
  });

  it('dates file names and times in Vietnam (UTC+7)', () => {
    expect(fileDate({ now: () => new Date('2026-12-31T17:30:00Z') })).toBe('01-01-2027');
    expect(vietnamTime('2026-12-31 17:30:00+00')).toEqual(new Date('2027-01-01T00:30:00Z'));
    expect(vietnamTime(null)).toBeNull();
  });
});
