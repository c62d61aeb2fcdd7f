import { describe, expect, it } from 'vitest';
import { dateLine, headingCase, placeOf } from './print-place';

describe('placeOf', () => {
  it.each([
    [['Xã Đầm Hà'], 'Đầm Hà'],
    [['Sở Nội vụ tỉnh Quảng Ninh'], 'Quảng Ninh'],
    [['UBND huyện Tiên Yên'], 'Tiên Yên'],
    [['Phòng Nội vụ', 'Huyện Tiên Yên'], 'Tiên Yên'],
    [['Thành phố Hạ Long'], 'Hạ Long'],
    [['Ban Tổ chức', null], null],
    [[], null],
  ])('%j -> %s', (names, place) => {
    expect(placeOf(...names)).toBe(place);
  });

  it('reads NFD input as NFC', () => {
    expect(placeOf('Xã Đầm Hà'.normalize('NFD'))).toBe('Đầm Hà');
  });
});

describe('dateLine', () => {
  it('writes the Decree 30 date line with leading zeros on days < 10 and months < 3', () => {
    expect(dateLine('Đầm Hà', new Date(2026, 1, 5), 'vi')).toBe('Đầm Hà, ngày 05 tháng 02 năm 2026');
    expect(dateLine('Đầm Hà', new Date(2026, 11, 17), 'vi')).toBe('Đầm Hà, ngày 17 tháng 12 năm 2026');
  });
  it('leaves dots when the place is unknown, and writes English dates in English', () => {
    expect(dateLine(null, new Date(2026, 11, 7), 'vi')).toBe('…………, ngày 07 tháng 12 năm 2026');
    expect(dateLine('Dam Ha', new Date(2026, 11, 7), 'en')).toBe('Dam Ha, 7 December 2026');
  });
});

describe('headingCase', () => {
  it('upper-cases Vietnamese letters', () => {
    expect(headingCase('Xã Đầm Hà', 'vi')).toBe('XÃ ĐẦM HÀ');
  });
});
