import { describe, expect, it } from 'vitest';
import { patchSearch, readUrlFilters, writeUrlFilters } from '../../kit/url-filters';
import { BOARD_URL } from './board-url';

describe('campaign board URL', () => {
  it('reads what it writes, and drops what it does not know', () => {
    const sp = writeUrlFilters(BOARD_URL, {
      tab: 'consolidated',
      status: 'submitted',
      q: 'Sở',
      awaitingMe: true,
    });
    expect(sp.toString()).toBe('tab=consolidated&status=submitted&q=S%E1%BB%9F&mine=1');
    expect(readUrlFilters(BOARD_URL, sp)).toEqual({
      tab: 'consolidated',
      status: 'submitted',
      late: false,
      q: 'Sở',
      awaitingMe: true,
    });
    expect(readUrlFilters(BOARD_URL, new URLSearchParams('tab=x&status=nope&late=1'))).toEqual({
      tab: 'progress',
      status: undefined,
      late: true,
      q: undefined,
      awaitingMe: false,
    });
  });

  it('a filter change keeps the tab; the default tab is not written', () => {
    const sp = new URLSearchParams('tab=consolidated&status=draft');
    expect(patchSearch(BOARD_URL, sp, { status: undefined, late: true }).toString()).toBe(
      'tab=consolidated&late=1',
    );
    expect(patchSearch(BOARD_URL, sp, { tab: 'progress' }).toString()).toBe('status=draft');
  });
});
