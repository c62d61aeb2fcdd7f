import { describe, expect, it } from 'vitest';
import { PersonalIdSet } from './personal-ids';

describe('PersonalIdSet', () => {
  it('answers as a Set<string> would, for 12-digit numbers and anything else', () => {
    const ids = [
      '022085123456',
      '022085123457',
      '022185000000',
      '022085999999',
      '000000000000',
      'AB123',
      '12345',
    ];
    const set = new PersonalIdSet(ids.slice(0, 3));
    const plain = new Set(ids.slice(0, 3));
    for (const id of ['AB123', '022085999999', '000000000000']) {
      set.add(id);
      plain.add(id);
    }
    for (const id of [...ids, '022085123455', '022085123458', '022185000001', 'AB1234', '022085']) {
      expect(set.has(id), id).toBe(plain.has(id));
    }
  });

  it('keeps neighbouring serials of one head apart', () => {
    const set = new PersonalIdSet();
    for (let n = 0; n < 1000; n += 3) set.add(`030099${String(n).padStart(6, '0')}`);
    for (let n = 0; n < 1000; n++) expect(set.has(`030099${String(n).padStart(6, '0')}`)).toBe(n % 3 === 0);
    expect(set.has('030098000000')).toBe(false);
  });
});
