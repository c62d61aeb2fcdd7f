import { describe, expect, it } from 'vitest';
import { personalIdWarnings } from './personal-id';

const codes = (id: string, birth: string | null, gender: string) =>
  personalIdWarnings(id, birth, gender)
    .map((w) => w.code)
    .sort();

describe('personalIdWarnings', () => {
  it.each([
    ['022085001234', '1985-03-01', 'M', []],
    ['022185001234', '1985-03-01', 'F', []],
    ['022201001234', '2001-03-01', 'M', []],
    ['022301001234', '2001-03-01', 'F', []],
    ['022085001234', '1985-03-01', 'F', ['ID_GENDER_MISMATCH']],
    ['022086001234', '1985-03-01', 'M', ['ID_YEAR_MISMATCH']],
    ['022285001234', '1985-03-01', 'M', ['ID_CENTURY_MISMATCH']],
    ['022085001234', null, 'M', []],
  ])('%s born %s (%s) -> %j', (id, birth, gender, expected) =>
    expect(codes(id, birth, gender)).toEqual(expected),
  );

  it('ignores missing or malformed numbers (validation handles those)', () => {
    expect(personalIdWarnings(null, '1985-01-01', 'M')).toEqual([]);
    expect(personalIdWarnings('123', '1985-01-01', 'M')).toEqual([]);
  });
});
