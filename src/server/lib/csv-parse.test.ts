import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parse';

describe('parseCsv', () => {
  it.each([
    [
      'comma',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'semicolon with BOM',
      '\uFEFFHọ và tên;Điểm\n"Nguyễn Văn A";8,5\n',
      [
        ['Họ và tên', 'Điểm'],
        ['Nguyễn Văn A', '8,5'],
      ],
    ],
    [
      'tab',
      'a\tb\n1\t2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'quotes and line breaks',
      'a,b\n"x, ""y""","line\nbreak"\n',
      [
        ['a', 'b'],
        ['x, "y"', 'line\nbreak'],
      ],
    ],
    ['blank lines dropped', 'a\n\n,\n1\n', [['a'], ['1']]],
  ])('%s', (_n, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('normalises decomposed Vietnamese to NFC', () => {
    const nfd = 'Nguyễn'.normalize('NFD');
    expect(parseCsv(`${nfd}\n`)[0][0]).toBe('Nguyễn');
  });
});
