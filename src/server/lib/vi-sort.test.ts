import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../contracts/reports';
import { viCompare, viSortKey } from '../../contracts/text';
import { rowsOf } from '../db/rows';
import { useTestApp } from '../test/app';
import { testBackends } from '../test/db';
import { makeUnit } from '../test/fixtures/org';
import { viOrder, viSortKeySql } from './vi-sort';

// The names of issue 16, in the order a Vietnamese reader expects.
const READING_ORDER = [
  'Hà Tu',
  'Hoành Bồ',
  'Xã Bản Ngoại',
  'Xã Bình Thuận',
  'Xã Dương',
  'Xã Dương Hưu',
  'Xã Đức Lương',
  'Xã E Lâm',
  'Xã Hà',
  'Xã Hà Tu',
];
const shuffled = [...READING_ORDER].reverse().sort((a, b) => (a.length % 3) - (b.length % 3));

describe('viSortKey (ADR 037)', () => {
  it('orders Vietnamese as people read', () => {
    expect([...shuffled].sort(viCompare)).toEqual(READING_ORDER);
    expect(viCompare('Xã An', 'xã an')).not.toBe(0);
    expect(viCompare('Xã Ba', 'Xã Bà')).toBeLessThan(0);
    // NFD input gets the same key as NFC.
    expect(viSortKey('Xã Đức Lương'.normalize('NFD'))).toBe(viSortKey('Xã Đức Lương'));
  });
});

describe.each(testBackends())('Vietnamese collation in SQL (%s)', (kind) => {
  const t = useTestApp(kind);

  it('gives the same key in SQL as in TypeScript and sorts the same', async () => {
    const res = await t.handle.db.execute(sql`select n, ${viSortKeySql(sql`n`)} as k
      from unnest(${`{${shuffled.map((n) => `"${n}"`).join(',')}}`}::text[]) as x(n) order by ${viOrder(sql`n`)}`);
    const rows = rowsOf<{ n: string; k: string }>(res);
    expect(rows.map((r) => r.n)).toEqual(READING_ORDER);
    for (const r of rows) expect(r.k).toBe(viSortKey(r.n));
  });

  it('sorts the org tree and report rows by child unit the Vietnamese way', async () => {
    for (const name of shuffled)
      await makeUnit(t.handle.db, { parent: t.root, name, level: 'commune', validFrom: '2000-01-01' });
    const officer = await t.as('training_officer', t.root);
    const tree = (await t.call(officer, { method: 'GET', url: '/api/org/tree' })).json() as {
      units: { name: string; level: string }[];
    };
    const communes = tree.units.filter((u) => u.level === 'commune').map((u) => u.name);
    expect(communes).toEqual([...communes].sort(viCompare));
    expect(communes.filter((n) => READING_ORDER.includes(n))).toEqual(READING_ORDER);

    const res = await t.call(officer, { method: 'GET', url: '/api/reports/ratings-distribution?year=2025' });
    expect(res.statusCode, res.body).toBe(200);
    const units = (res.json() as ReportTable).rows.map((r) => String(r.cells.unit));
    expect(units.filter((n) => READING_ORDER.includes(n))).toEqual(READING_ORDER);
    expect(units.slice(1)).toEqual([...units.slice(1)].sort(viCompare));
  });
});
