import { describe, expect, it } from 'vitest';
import {
  readEligibilityFilters,
  readGapsFilters,
  writeEligibilityFilters,
  writeGapsFilters,
} from './gaps-url';

describe('gaps filters in the URL', () => {
  it('defaults to the summary by unit with no list open', () => {
    expect(readGapsFilters(new URLSearchParams())).toEqual({
      unitId: undefined,
      asOf: undefined,
      by: 'unit',
      list: null,
    });
  });

  it('round-trips a summary with an open list', () => {
    const f = {
      unitId: 27,
      asOf: '2026-06-30',
      by: 'rule' as const,
      list: { ruleCode: 'SM_CVC', status: 'due' as const, page: 3, pageSize: 100 },
    };
    const sp = writeGapsFilters(f);
    expect(sp.toString()).toBe(
      'unitId=27&asOf=2026-06-30&by=rule&list=1&ruleCode=SM_CVC&status=due&page=3&pageSize=100',
    );
    expect(readGapsFilters(sp)).toEqual({
      ...f,
      list: { ...f.list, groupUnitId: undefined, category: undefined },
    });
  });

  it('keeps the post group in the URL and drops a malformed one', () => {
    const sp = writeGapsFilters({ unitId: 5, postGroup: 'FRONT_MASS_HEAD', by: 'unit', list: null });
    expect(sp.toString()).toBe('unitId=5&postGroup=FRONT_MASS_HEAD');
    expect(readGapsFilters(sp).postGroup).toBe('FRONT_MASS_HEAD');
    expect(readGapsFilters(new URLSearchParams('postGroup=x;drop')).postGroup).toBeUndefined();
  });

  it('drops malformed values instead of sending them', () => {
    const f = readGapsFilters(
      new URLSearchParams('unitId=-2&asOf=30/06/2026&by=person&list=1&ruleCode=x;drop&status=met&pageSize=7'),
    );
    expect(f).toEqual({
      unitId: undefined,
      asOf: undefined,
      by: 'unit',
      list: {
        groupUnitId: undefined,
        ruleCode: undefined,
        category: undefined,
        status: undefined,
        page: 1,
        pageSize: 50,
      },
    });
  });

  it('keeps the default page and page size out of the URL', () => {
    expect(writeGapsFilters({ by: 'unit', list: { page: 1, pageSize: 50 } }).toString()).toBe('list=1');
  });

  it('round-trips the eligibility filters', () => {
    const f = {
      purpose: 'POSTGRADUATE',
      unitId: 4,
      asOf: '2026-01-01',
      postGroup: 'FRONT_MASS_HEAD',
      page: 2,
      pageSize: 20,
    };
    expect(writeEligibilityFilters(f).get('postGroup')).toBe('FRONT_MASS_HEAD');
    expect(readEligibilityFilters(writeEligibilityFilters(f))).toEqual(f);
    expect(readEligibilityFilters(new URLSearchParams('purpose=bad-one&postGroup=x;drop'))).toStrictEqual({
      purpose: undefined,
      unitId: undefined,
      asOf: undefined,
      postGroup: undefined,
      page: 1,
      pageSize: 50,
    });
  });
});
