import { describe, expect, it } from 'vitest';
import { buildUnitTree, type OrgUnit, searchUnits, subtreeIds } from './org-tree';

const unit = (id: number, parentId: number | null, name: string, extra: Partial<OrgUnit> = {}): OrgUnit => ({
  id,
  parentId,
  path: '',
  name,
  shortName: null,
  code: null,
  level: 'agency',
  kind: 'STATE_AGENCY',
  validFrom: '2000-01-01',
  validTo: null,
  successorId: null,
  peopleCount: 0,
  ...extra,
});

const units = [
  unit(10, 1, 'Xã Đầm Hà'),
  unit(11, 10, 'Ủy ban nhân dân xã Đầm Hà', { shortName: 'UBND xã' }),
  unit(12, 10, 'Đảng ủy xã Đầm Hà', { code: 'DU.DH' }),
  unit(13, 11, 'Văn phòng HĐND và UBND'),
  unit(20, 1, 'Xã Quảng Hà'),
];

describe('buildUnitTree', () => {
  it('hangs units under their parents and keeps the server order', () => {
    const roots = buildUnitTree(units, [10, 20]);
    expect(roots.map((r) => r.unit.id)).toEqual([10, 20]);
    expect(roots[0].children.map((c) => c.unit.id)).toEqual([11, 12]);
    expect(roots[0].children[0].children.map((c) => c.unit.id)).toEqual([13]);
  });

  it('makes a unit whose parent is out of sight a root', () => {
    const roots = buildUnitTree(
      units.filter((u) => u.id !== 10),
      [],
    );
    expect(roots.map((r) => r.unit.id).sort()).toEqual([11, 12, 20]);
  });
});

describe('subtreeIds', () => {
  it('collects a unit and all its descendants', () => {
    expect([...subtreeIds(units, 10)].sort()).toEqual([10, 11, 12, 13]);
    expect([...subtreeIds(units, 13)]).toEqual([13]);
  });
});

describe('searchUnits', () => {
  it('ignores accents and case, and opens the ancestors of matches', () => {
    const { matches, expand } = searchUnits(units, 'van phong hdnd');
    expect([...matches]).toEqual([13]);
    expect([...expand].sort()).toEqual([10, 11]);
  });

  it('matches short names and codes', () => {
    expect([...searchUnits(units, 'ubnd xa').matches]).toEqual([11]);
    expect([...searchUnits(units, 'du.dh').matches]).toEqual([12]);
  });

  it('finds nothing for an empty query', () => {
    expect(searchUnits(units, '  ').matches.size).toBe(0);
  });
});
