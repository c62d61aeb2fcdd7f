import { describe, expect, it } from 'vitest';
import { instantOf, vietnamMoment } from '../../lib/dates';
import {
  attendanceRefusal,
  type CalendarPolicy,
  certificatesRefusal,
  classStart,
  closeRefusal,
  finishRefusal,
  issuedOnProblem,
  scoresRefusal,
  teachingEnd,
} from './class-calendar.rules';

const POLICY: CalendarPolicy = { attendanceLeadMinutes: 0, closeAfterDays: 0, certificatesAfterDays: 0 };
const CLS = { startsOn: '2026-12-14', endsOn: '2026-12-18' };
// Out of order on purpose: the last is found by day and end time, not by position.
const SESSIONS = [
  { day: '2026-12-18', startsAt: '13:30', endsAt: '17:00' },
  { day: '2026-12-14', startsAt: '07:30', endsAt: '11:00' },
  { day: '2026-12-18', startsAt: '07:30', endsAt: '11:00' },
];
/** The Vietnamese wall clock at a UTC instant (what the server's clock gives). */
const at = (utc: string) => vietnamMoment(new Date(utc));

describe('teachingEnd', () => {
  it.each([
    ['the last session', SESSIONS, [], { day: '2026-12-18', time: '17:00' }, '2026-12-18'],
    ['no sessions: the end of the last day', [], [], { day: '2026-12-19', time: '00:00' }, '2026-12-18'],
    [
      'a dated assessment after the last session',
      SESSIONS.slice(1, 2),
      [{ name: 'Tiểu luận', heldOn: '2026-12-16' }],
      { day: '2026-12-16', time: '00:00' },
      '2026-12-16',
    ],
    [
      'a dated assessment before the last session changes nothing',
      SESSIONS,
      [{ name: 'Kiểm tra', heldOn: '2026-12-14' }],
      { day: '2026-12-18', time: '17:00' },
      '2026-12-18',
    ],
  ])('%s', (_name, sessions, assessments, moment, lastDay) => {
    const end = teachingEnd(CLS, sessions, assessments);
    expect(end.at).toEqual(moment);
    expect(end.lastDay).toBe(lastDay);
  });
});

describe('finishing, closing and certificates by the clock (UTC+7)', () => {
  const end = teachingEnd(CLS, SESSIONS);
  const noSessions = teachingEnd(CLS, []);
  it.each([
    ['well before (5 December)', end, '2026-12-05T02:00:00Z', true],
    ['the same day, a minute before the end (16:59)', end, '2026-12-18T09:59:00Z', true],
    ['the same day, at the end (17:00)', end, '2026-12-18T10:00:00Z', false],
    ['the same day, after the end', end, '2026-12-18T12:00:00Z', false],
    ['no sessions: 23:59 on the last day (16:59 UTC)', noSessions, '2026-12-18T16:59:00Z', true],
    [
      'no sessions: 00:00 the day after (17:00 UTC, still the 18th in UTC)',
      noSessions,
      '2026-12-18T17:00:00Z',
      false,
    ],
  ])('%s', (_name, e, now, refused) => {
    const n = at(now);
    for (const r of [finishRefusal(e, n), closeRefusal(e, POLICY, n), certificatesRefusal(e, POLICY, n)])
      if (refused) expect(r?.possibleFrom).toEqual(e.at);
      else expect(r).toBeNull();
  });

  it('says why and when, in both languages', () => {
    const r = finishRefusal(end, at('2026-12-05T02:00:00Z'))!;
    expect(r.message.vi).toBe('Lớp chưa thể kết thúc: buổi học cuối kết thúc lúc 17:00 ngày 18/12/2026.');
    expect(r.message.en).toBe('The class cannot finish yet: its last session ends at 17:00 on 18/12/2026.');
    expect(instantOf(r.possibleFrom)).toBe('2026-12-18T17:00:00+07:00');
    expect(closeRefusal(end, POLICY, at('2026-12-05T02:00:00Z'))!.message.vi).toBe(
      'Lớp chưa thể đóng: buổi học cuối kết thúc lúc 17:00 ngày 18/12/2026.',
    );
    expect(finishRefusal(noSessions, at('2026-12-05T02:00:00Z'))!.message.vi).toBe(
      'Lớp chưa thể kết thúc: lớp chưa có buổi học nào và kết thúc ngày 18/12/2026; có thể từ 00:00 ngày 19/12/2026.',
    );
  });

  it.each([
    ['close the same day allowed (0 days)', { ...POLICY }, '2026-12-18T10:30:00Z', null],
    [
      'close one day after: refused the same evening',
      { ...POLICY, closeAfterDays: 1 },
      '2026-12-18T16:00:00Z',
      '2026-12-19',
    ],
    [
      'close one day after: allowed from midnight (UTC+7)',
      { ...POLICY, closeAfterDays: 1 },
      '2026-12-18T17:00:00Z',
      null,
    ],
    [
      'closing waits for the certificates days too',
      { ...POLICY, certificatesAfterDays: 3 },
      '2026-12-20T03:00:00Z',
      '2026-12-21',
    ],
  ])('%s', (_name, policy, now, day) => {
    const r = closeRefusal(end, policy, at(now));
    expect(r?.possibleFrom.day ?? null).toBe(day);
    if (r) {
      expect(r.possibleFrom.time).toBe('00:00');
      expect(r.message.vi).toContain('theo quy định của tỉnh');
      expect(r.message.vi).toContain(`có thể từ 00:00 ngày ${day!.split('-').reverse().join('/')}`);
    }
  });

  it('certificates wait for their own days, not the closing days', () => {
    const policy = { ...POLICY, closeAfterDays: 5 };
    expect(certificatesRefusal(end, policy, at('2026-12-18T10:00:00Z'))).toBeNull();
    expect(
      certificatesRefusal(end, { ...POLICY, certificatesAfterDays: 1 }, at('2026-12-18T10:00:00Z')),
    ).not.toBeNull();
  });
});

describe('issuedOnProblem', () => {
  const end = teachingEnd(CLS, SESSIONS);
  it.each([
    ['today, after the class', '2026-12-20', '2026-12-20', POLICY, null],
    ['the last day itself', '2026-12-18', '2026-12-20', POLICY, null],
    ['in the future', '2026-12-21', '2026-12-20', POLICY, 'không được sau hôm nay (20/12/2026)'],
    ['before the last day', '2026-12-17', '2026-12-20', POLICY, 'không được trước ngày 18/12/2026'],
    [
      'before the policy days',
      '2026-12-18',
      '2026-12-20',
      { ...POLICY, certificatesAfterDays: 1 },
      'không được trước ngày 19/12/2026',
    ],
  ])('%s', (_name, issuedOn, today, policy, problem) => {
    const p = issuedOnProblem(issuedOn, end, policy, today);
    if (problem === null) expect(p).toBeNull();
    else expect(p?.vi).toContain(problem);
  });
});

describe('attendance of a session', () => {
  const s = { day: '2026-12-14', startsAt: '07:30', endsAt: '11:00' };
  it.each([
    ['the day before', POLICY, '2026-12-13T05:00:00Z', '07:30'],
    ['the same day, before the start (07:29)', POLICY, '2026-12-14T00:29:00Z', '07:30'],
    ['at the start', POLICY, '2026-12-14T00:30:00Z', null],
    ['during the session', POLICY, '2026-12-14T02:00:00Z', null],
    [
      '15 minutes early allowed by the policy',
      { ...POLICY, attendanceLeadMinutes: 15 },
      '2026-12-14T00:15:00Z',
      null,
    ],
    [
      '16 minutes early is still too early',
      { ...POLICY, attendanceLeadMinutes: 15 },
      '2026-12-14T00:14:00Z',
      '07:15',
    ],
  ])('%s', (_name, policy, now, from) => {
    expect(attendanceRefusal(s, policy, at(now))?.possibleFrom.time ?? null).toBe(from);
  });

  it('a lead across midnight opens the evening before', () => {
    const night = { day: '2026-12-14', startsAt: '00:10', endsAt: '02:00' };
    const r = attendanceRefusal(night, { ...POLICY, attendanceLeadMinutes: 20 }, at('2026-12-13T16:00:00Z'));
    expect(r?.possibleFrom).toEqual({ day: '2026-12-13', time: '23:50' });
    expect(r?.message.vi).toBe(
      'Chưa thể điểm danh buổi 14/12/2026 00:10–02:00: buổi học chưa bắt đầu; có thể từ 23:50 ngày 13/12/2026.',
    );
  });
});

describe('scores of an assessment', () => {
  const start = classStart(CLS, SESSIONS);
  it.each([
    [
      'undated, before the first session',
      { name: 'Kiểm tra', heldOn: null },
      '2026-12-14T00:29:00Z',
      '07:30',
    ],
    ['undated, once the class started', { name: 'Kiểm tra', heldOn: null }, '2026-12-14T00:30:00Z', null],
    [
      'dated, the evening before its day (UTC+7)',
      { name: 'Tiểu luận', heldOn: '2026-12-16' },
      '2026-12-15T16:59:00Z',
      '00:00',
    ],
    ['dated, from its day', { name: 'Tiểu luận', heldOn: '2026-12-16' }, '2026-12-15T17:00:00Z', null],
  ])('%s', (_name, a, now, from) => {
    expect(scoresRefusal(a, start, at(now))?.possibleFrom.time ?? null).toBe(from);
  });

  it('a class without sessions starts on its first day', () => {
    const r = scoresRefusal(
      { name: 'Kiểm tra', heldOn: null },
      classStart(CLS, []),
      at('2026-12-13T16:59:00Z'),
    );
    expect(r?.possibleFrom).toEqual({ day: '2026-12-14', time: '00:00' });
    expect(r?.message.vi).toBe(
      'Chưa thể nhập điểm “Kiểm tra”: lớp chưa có buổi học nào và khai giảng ngày 14/12/2026; có thể từ 00:00 ngày 14/12/2026.',
    );
    expect(
      scoresRefusal({ name: 'Kiểm tra', heldOn: null }, start, at('2026-12-13T00:00:00Z'))?.message.vi,
    ).toBe('Chưa thể nhập điểm “Kiểm tra”: lớp chưa bắt đầu, buổi học đầu tiên lúc 07:30 ngày 14/12/2026.');
  });
});
