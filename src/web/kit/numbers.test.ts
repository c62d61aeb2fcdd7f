import { describe, expect, it } from 'vitest';
import { formatDecimal, formatPercent, formatShare } from './numbers';

describe('one number format', () => {
  it('writes percentages in the language of the page, the sign right after the number', () => {
    expect(formatPercent(6.6, 'vi')).toBe('6,6%');
    expect(formatPercent(6.6, 'en')).toBe('6.6%');
    expect(formatPercent(12.5, 'vi')).toBe('12,5%');
    expect(formatPercent(100, 'vi')).toBe('100%');
    expect(formatPercent(33.333, 'en')).toBe('33.3%');
    expect(formatPercent(null, 'vi')).toBe('—');
    expect(formatPercent(undefined, 'en', 1, '')).toBe('');
  });

  it('writes decimals with the language grouping and decimal mark', () => {
    expect(formatDecimal(1250.5, 'vi')).toBe('1.250,5');
    expect(formatDecimal(1250.5, 'en')).toBe('1,250.5');
    expect(formatDecimal(8.25, 'vi', 2)).toBe('8,25');
    expect(formatDecimal(7, 'en')).toBe('7');
    expect(formatDecimal(null, 'vi')).toBe('—');
  });

  it('writes a part of a whole as a percentage, nothing when the whole is empty', () => {
    expect(formatShare(1, 3, 'vi')).toBe('33,3%');
    expect(formatShare(1, 8, 'en')).toBe('12.5%');
    expect(formatShare(1, 0, 'vi')).toBe('');
    expect(formatShare(1, null, 'en')).toBe('');
  });
});
