import { describe, expect, it } from 'vitest';
import { patchSearch } from '../../kit/url-filters';
import { peopleUrlSchema, readPeopleFilters, writePeopleFilters } from './people-url';

describe('people list URL (issue 16)', () => {
  it('reads the post group with the other filters', () => {
    const sp = new URLSearchParams(
      'postGroup=COMMUNE_LEADER&unitId=7&subtree=false&q=hung&page=3&pageSize=100',
    );
    expect(readPeopleFilters(sp)).toEqual({
      q: 'hung',
      unitId: 7,
      subtree: false,
      category: undefined,
      rank: undefined,
      leadershipTier: undefined,
      post: undefined,
      postGroup: 'COMMUNE_LEADER',
      status: undefined,
      page: 3,
      pageSize: 100,
    });
  });

  it('writes the post group back and round-trips', () => {
    const f = readPeopleFilters(new URLSearchParams('postGroup=DIVISION_HEAD&status=WORKING'));
    const sp = writePeopleFilters(f);
    expect(Object.fromEntries(sp)).toEqual({ postGroup: 'DIVISION_HEAD', status: 'WORKING' });
    expect(readPeopleFilters(sp)).toEqual(f);
  });

  it('picking a post group goes back to page 1; clearing it leaves the URL', () => {
    const picked = patchSearch(peopleUrlSchema, new URLSearchParams('page=4&rank=01.003'), {
      postGroup: 'STAFF',
    });
    expect(Object.fromEntries(picked)).toEqual({ rank: '01.003', postGroup: 'STAFF' });
    const cleared = patchSearch(peopleUrlSchema, picked, { postGroup: undefined });
    expect(Object.fromEntries(cleared)).toEqual({ rank: '01.003' });
  });

  it('keeps defaults out of the URL: all sub-units, first page, 50 a page', () => {
    expect(writePeopleFilters(readPeopleFilters(new URLSearchParams(''))).toString()).toBe('');
    // Without a unit there is no subtree to switch off.
    expect(writePeopleFilters({ subtree: false, page: 1, pageSize: 50 }).toString()).toBe('');
  });
});
