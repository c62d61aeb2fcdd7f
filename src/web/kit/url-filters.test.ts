import { describe, expect, it } from 'vitest';
import {
  flag,
  isoDate,
  oneOf,
  oneOfOr,
  patchSearch,
  positiveInt,
  readPage,
  readPageSize,
  readUrlFilters,
  text,
  withPage,
  writeUrlFilters,
} from './url-filters';

const schema = {
  q: text(),
  year: positiveInt(),
  status: oneOf(['draft', 'open'] as const),
  active: oneOfOr(['true', 'false', 'all'] as const, 'true'),
  programmeKind: text({ param: 'kind' }),
  from: isoDate(),
  mine: flag(),
};

describe('url filters', () => {
  it('reads each kind of field, dropping what is malformed or unknown', () => {
    const sp = new URLSearchParams(
      'q=Hà+Nội&year=2026&status=open&active=all&kind=DT&from=2026-01-31&mine=1',
    );
    expect(readUrlFilters(schema, sp)).toEqual({
      q: 'Hà Nội',
      year: 2026,
      status: 'open',
      active: 'all',
      programmeKind: 'DT',
      from: '2026-01-31',
      mine: true,
    });
    const bad = new URLSearchParams('q=&year=-3&status=closed&active=maybe&from=31/01/2026&mine=yes&x=1');
    expect(readUrlFilters(schema, bad)).toEqual({
      q: undefined,
      year: undefined,
      status: undefined,
      active: 'true',
      programmeKind: undefined,
      from: undefined,
      mine: false,
    });
    expect(readUrlFilters(schema, new URLSearchParams('year=abc')).year).toBeUndefined();
    expect(readUrlFilters(schema, new URLSearchParams('year=20.5')).year).toBeUndefined();
  });

  it('writes only what is set and not the default, under the field parameter name', () => {
    expect(
      writeUrlFilters(schema, {
        q: 'a',
        year: 2026,
        active: 'true',
        programmeKind: 'DT',
        mine: false,
      }).toString(),
    ).toBe('q=a&year=2026&kind=DT');
    expect(writeUrlFilters(schema, { active: 'false', mine: true }).toString()).toBe('active=false&mine=1');
  });

  it('reads back what it writes', () => {
    const values = readUrlFilters(
      schema,
      new URLSearchParams('q=x&status=draft&active=false&kind=NN&mine=1'),
    );
    expect(readUrlFilters(schema, writeUrlFilters(schema, values))).toEqual(values);
  });

  it('a filter change goes back to page 1 and keeps the other parameters', () => {
    const sp = new URLSearchParams('tab=overlaps&page=3&q=old&status=open');
    const next = patchSearch(schema, sp, { q: 'new', status: undefined });
    expect(next.toString()).toBe('tab=overlaps&q=new');
    expect(sp.toString()).toBe('tab=overlaps&page=3&q=old&status=open');
    expect(patchSearch(schema, new URLSearchParams('active=all'), { active: 'true' }).toString()).toBe('');
    expect(patchSearch(schema, new URLSearchParams(), { programmeKind: 'DT' }).toString()).toBe('kind=DT');
  });

  it('pages: read with a floor of 1, written without touching the filters', () => {
    expect(readPage(new URLSearchParams('page=4'))).toBe(4);
    for (const bad of ['', 'page=0', 'page=-2', 'page=x']) expect(readPage(new URLSearchParams(bad))).toBe(1);
    expect(withPage(new URLSearchParams('q=a&page=2'), 5).toString()).toBe('q=a&page=5');
  });

  it('page sizes: only those offered, the first by default and not written', () => {
    const sizes = [20, 50, 100];
    expect(readPageSize(new URLSearchParams('size=50'), sizes)).toBe(50);
    for (const bad of ['', 'size=30', 'size=x', 'size=-20'])
      expect(readPageSize(new URLSearchParams(bad), sizes)).toBe(20);
    expect(withPage(new URLSearchParams('q=a&page=2'), 1, { pageSize: 100, sizes }).toString()).toBe(
      'q=a&page=1&size=100',
    );
    expect(withPage(new URLSearchParams('q=a&size=100'), 3, { pageSize: 20, sizes }).toString()).toBe(
      'q=a&page=3',
    );
  });
});
