import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { warningsToConfirm } from './nominations';

const warning = { code: 'TOPICS_COVERED' as const, vi: 'Đã học 2/7 chuyên đề', en: 'Covered 2 of 7 topics' };

describe('warningsToConfirm', () => {
  it('reads the warnings of a 409 NEEDS_CONFIRMATION', () => {
    const err = new ApiError(409, 'NEEDS_CONFIRMATION', 'confirm', { warnings: [warning] });
    expect(warningsToConfirm(err)).toEqual([warning]);
  });

  it('gives an empty list when the server sent none, so the send is still confirmed', () => {
    expect(warningsToConfirm(new ApiError(409, 'NEEDS_CONFIRMATION', 'confirm'))).toEqual([]);
  });

  it('leaves every other error to the caller', () => {
    expect(warningsToConfirm(new ApiError(409, 'CONFLICT', 'taken', { warnings: [warning] }))).toBeNull();
    expect(warningsToConfirm(new Error('boom'))).toBeNull();
  });
});
