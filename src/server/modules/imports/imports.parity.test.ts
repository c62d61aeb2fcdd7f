/**
 * Parity (ADR 024): an import row is refused exactly when the typed API refuses the same change,
 * with the same code. Each case is one line: the import kind and its sheet row, the API call with
 * the same values, and the codes both must give ([] = both accept). Each case has its own person.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RatingBands } from '../../../contracts/rules';
import { ratingScales } from '../../db/schema/index';
import { useTestApp } from '../../test/app';
import { testBackends } from '../../test/db';
import { csvOf, upload } from '../../test/fixtures/imports';
import { makePerson, type PersonRow } from '../../test/fixtures/org';

const SCALE: RatingBands = {
  bands: [
    { rating: 'EXCELLENT', minPoints: 90 },
    { rating: 'GOOD', minPoints: 70 },
    { rating: 'COMPLETED', minPoints: 50 },
    { rating: 'FAILED', minPoints: 10 },
  ],
  excellentCapPctOfGood: 20,
};
const NEXT_YEAR = String(new Date().getUTCFullYear() + 1);

const RATING_HEAD = ['Số định danh', 'Năm', 'Xếp loại', 'Điểm'];
const QUAL_HEAD = ['Số định danh', 'Loại', 'Trình độ', 'Ngày cấp'];
const PEOPLE_HEAD = [
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Đối tượng',
  'Ngày vào công tác',
  'Ngày vào Đảng',
];

interface Api {
  method: 'POST' | 'PUT';
  url: string;
  payload: Record<string, unknown>;
}
/** The person of the case (birth 04/03/1985, category CC, in commune A) and the commune's id. */
interface Ctx {
  p: PersonRow;
  unitId: number;
}
type Path = [kind: 'ratings' | 'qualifications' | 'people', row: (c: Ctx) => string[], api: (c: Ctx) => Api];
type Case = [name: string, ...path: Path, codes: string[]];

const rating = (year: string, r: string, points: string): Path => [
  'ratings',
  (c) => [c.p.personalId!, year, r, points],
  (c) => ({
    method: 'PUT',
    url: `/api/people/${c.p.id}/ratings/${year}`,
    payload: { ...(r ? { rating: r } : {}), ...(points ? { points: Number(points.replace(',', '.')) } : {}) },
  }),
];
const qualification = (issued: string, iso: string): Path => [
  'qualifications',
  (c) => [c.p.personalId!, 'POLITICAL_THEORY', 'SO_CAP', issued],
  (c) => ({
    method: 'POST',
    url: `/api/people/${c.p.id}/qualifications`,
    payload: { kind: 'POLITICAL_THEORY', level: 'SO_CAP', issuedOn: iso },
  }),
];
const dmy = (iso: string) => (iso ? iso.split('-').reverse().join('/') : '');
const person = (name: string, birth: string, start: string, party = ''): Path => [
  'people',
  () => [name, dmy(birth), 'M', 'CC', dmy(start), dmy(party)],
  (c) => ({
    method: 'POST',
    url: '/api/people',
    payload: {
      fullName: name,
      birthDate: birth,
      gender: 'M',
      category: 'CC',
      unitId: c.unitId,
      serviceStart: start || null,
      ...(party ? { partyMember: true, partyJoinDate: party } : {}),
    },
  }),
];

// Adding a case is one line.
const CASES: Case[] = [
  ['2026 rated without points', ...rating('2026', 'GOOD', ''), ['POINTS_REQUIRED']],
  [
    'EXCELLENT with 75 points (the scale says GOOD)',
    ...rating('2026', 'EXCELLENT', '75'),
    ['RATING_POINTS_MISMATCH'],
  ],
  ['points below every band', ...rating('2026', '', '5'), ['POINTS_BELOW_SCALE']],
  ['points for 2023 (rated by criteria)', ...rating('2023', 'GOOD', '80'), ['POINTS_NOT_USED']],
  ['a future year', ...rating(NEXT_YEAR, 'GOOD', ''), ['BAD_YEAR']],
  ['2026 with points agreeing', ...rating('2026', 'GOOD', '75,5'), []],
  ['2026 with points only (rating derived)', ...rating('2026', '', '95'), []],
  ['2024 rated by criteria', ...rating('2024', 'COMPLETED', ''), []],
  ['2024 with neither rating nor points', ...rating('2024', '', ''), ['REQUIRED']],
  ['qualification issued before birth', ...qualification('01/01/1980', '1980-01-01'), ['DATE_BEFORE_BIRTH']],
  [
    'qualification issued on the birth day',
    ...qualification('04/03/1985', '1985-03-04'),
    ['DATE_BEFORE_BIRTH'],
  ],
  ['qualification issued after birth', ...qualification('20/06/2019', '2019-06-20'), []],
  ['service start before birth', ...person('Tạ Văn Hai', '1990-01-01', '1980-01-01'), ['DATE_BEFORE_BIRTH']],
  [
    'party join date before birth',
    ...person('Tạ Văn Ba', '1990-01-01', '', '1989-05-19'),
    ['DATE_BEFORE_BIRTH'],
  ],
  ['dates after birth', ...person('Tạ Văn Bốn', '1990-01-01', '2012-09-01', '2015-05-19'), []],
];

describe.each(testBackends())('imports refuse what the API refuses, with the same code (%s)', (backend) => {
  const t = useTestApp(backend);
  let seq = 0;

  beforeAll(async () => {
    await t.handle.db
      .insert(ratingScales)
      .values({
        code: 'TEST_PARITY',
        categories: ['CC'],
        scale: SCALE,
        effectiveFrom: '2026-01-01',
        legalSource: { document: 'Nghị định 335/2025/NĐ-CP' },
      })
      .onConflictDoNothing();
  });

  it.each(CASES)('%s', async (_name, kind, row, api, codes) => {
    const s = await t.as('unit_officer', t.communeA);
    const p = await makePerson(t.handle.db, t.communeA, {
      personalId: `0220850${String(++seq).padStart(5, '0')}`,
      birthDate: '1985-03-04',
      category: 'CC',
    });
    const c: Ctx = { p, unitId: t.communeA.id };
    const head = { ratings: RATING_HEAD, qualifications: QUAL_HEAD, people: PEOPLE_HEAD }[kind];

    // The import first (a preview writes nothing), then the API.
    const preview = await upload(t, s, kind, csvOf([head, row(c)]));
    expect(preview.statusCode).toBe(200);
    const issues = await t.call(s, {
      method: 'GET',
      url: `/api/imports/${preview.json().id}/errors?severity=error`,
    });
    const importCodes = issues.json().items.map((e: { code: string }) => e.code);

    const res = await t.call(s, api(c));
    const apiCodes =
      res.statusCode < 300
        ? []
        : (res.json().error.details?.fields ?? []).map((f: { code?: string }) => f.code ?? 'NO_CODE');

    expect({ api: apiCodes.sort(), import: importCodes.sort() }).toEqual({
      api: [...codes].sort(),
      import: [...codes].sort(),
    });
    if (codes.length) expect(res.statusCode).toBe(400);
    else expect(res.statusCode, res.body).toBeLessThan(300);
    expect(preview.json()).toMatchObject({ totalRows: 1, validRows: codes.length ? 0 : 1 });
  });
});
