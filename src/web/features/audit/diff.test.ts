import { describe, expect, it } from 'vitest';
import { diffSnapshots, showValue } from './diff';

describe('diffSnapshots', () => {
  it('lists only changed fields of an update', () => {
    const changes = diffSnapshots(
      { fullName: 'Nguyễn Văn Hùng', rank: 'CV', version: 1, unit: { id: 1, name: 'A' } },
      { fullName: 'Nguyễn Văn Hùng', rank: 'CVC', version: 2, unit: { id: 1, name: 'B' } },
    );
    expect(changes).toEqual([
      { field: 'rank', before: 'CV', after: 'CVC', kind: 'changed' },
      { field: 'version', before: 1, after: 2, kind: 'changed' },
      { field: 'unit.name', before: 'A', after: 'B', kind: 'changed' },
    ]);
  });

  it('shows every filled field of a creation as added', () => {
    const changes = diffSnapshots(null, { kind: 'IT', level: 'CO_BAN', note: null });
    expect(changes.map((c) => [c.field, c.kind])).toEqual([
      ['kind', 'added'],
      ['level', 'added'],
    ]);
  });

  it('shows every field of a deletion as removed', () => {
    expect(diffSnapshots({ a: 1 }, null)).toEqual([
      { field: 'a', before: 1, after: undefined, kind: 'removed' },
    ]);
  });

  it('compares arrays as values', () => {
    expect(diffSnapshots({ ids: [1, 2] }, { ids: [1, 2] })).toEqual([]);
    expect(diffSnapshots({ ids: [1, 2] }, { ids: [2, 1] })).toHaveLength(1);
  });
});

describe('showValue', () => {
  it('renders null, scalars and objects', () => {
    expect(showValue(null)).toBe('∅');
    expect(showValue(true)).toBe('true');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
