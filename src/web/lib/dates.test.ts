import { describe, expect, it } from 'vitest';
import { dayBefore, parseTypedDate } from './dates';

describe('parseTypedDate', () => {
  it.each([
    ['15/03/2024', '2024-03-15'],
    ['5/3/2024', '2024-03-05'],
    [' 15-03-2024 ', '2024-03-15'],
    ['15.03.2024', '2024-03-15'],
    ['15032024', '2024-03-15'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['31/04/2024', null],
    ['15/03/202', null],
    ['15/3', null],
    ['2024-03-15', null],
    ['', null],
  ])('%s -> %s', (typed, iso) => {
    expect(parseTypedDate(typed)).toBe(iso);
  });
});

describe('dayBefore', () => {
  it('is the last day of a period that ends where the next starts', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});
