import { describe, expect, it } from 'vitest';
import { formatCertificateNumber, patternHasYear, patternProblem } from '../../../contracts/certificates';

describe('certificate numbering patterns', () => {
  it.each([
    ['{school}/{year}/{seq:4}', 7, 'NVC/2027/0007'],
    ['{school}/{year}/{seq}', 123, 'NVC/2027/123'],
    ['{seq:6}/{school}', 42, '000042/NVC'],
    ['CC-{year}-{seq:2}', 150, 'CC-2027-150'],
    ['Số {seq:3}/{year}/CC-{school}', 5, 'Số 005/2027/CC-NVC'],
  ])('%s with number %i gives %s', (pattern, seq, number) => {
    expect(patternProblem(pattern)).toBeNull();
    expect(formatCertificateNumber(pattern, { school: 'NVC', year: 2027, seq })).toBe(number);
  });

  it.each([
    ['{school}/{year}', 'phải có đúng một {seq}'],
    ['{seq}/{seq:3}', 'phải có đúng một {seq}'],
    ['{school}/{nam}/{seq}', 'chỉ dùng được {school}, {year}, {seq} hoặc {seq:N}'],
    ['{seq:12}', 'chỉ dùng được {school}, {year}, {seq} hoặc {seq:N}'],
    ['{seq', 'chỉ dùng được {school}, {year}, {seq} hoặc {seq:N}'],
  ])('refuses %s', (pattern, problem) => {
    expect(patternProblem(pattern)?.vi).toBe(problem);
  });

  it.each([
    ['{school}/{year}/{seq:4}', true],
    ['{school}/{seq:4}', false],
  ])('%s counts per year: %s', (pattern, yearly) => {
    expect(patternHasYear(pattern)).toBe(yearly);
  });
});
