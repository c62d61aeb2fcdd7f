/**
 * When the steps of a class become possible by its schedule (ADR 025), with no database: a class
 * finishes, closes and has certificates issued only once its teaching is over; a session's
 * attendance and an assessment's scores are taken only once it has started. Every answer is a
 * refusal (from when, and why, in Vietnamese and English) or null. Moments are Vietnam's wall
 * clock (`lib/dates.ts`); the thresholds a province may set come from the `class.calendar`
 * policy. Table tests: class-calendar.rules.test.ts.
 */
import type { PolicyValue } from '../../../contracts/policies';
import {
  addDays,
  addMinutes,
  ddmmyyyy,
  laterOf,
  type Moment,
  momentBefore,
  momentText,
} from '../../lib/dates';

export type CalendarPolicy = PolicyValue<'class.calendar'>;
type Localized = { vi: string; en: string };

export interface CalendarSession {
  day: string;
  /** HH:MM */
  startsAt: string;
  endsAt: string;
}
export interface CalendarAssessment {
  name: string;
  /** The day it is held (a test) or due (an essay, a project); null: during the class. */
  heldOn: string | null;
}
export interface ClassDates {
  startsOn: string;
  endsOn: string;
}

/** A step refused until `possibleFrom`, with the reason. */
export interface Refusal {
  possibleFrom: Moment;
  message: Localized;
}

/** When the teaching of a class is over: the moment, the day it belongs to, and why (in words). */
export interface TeachingEnd {
  at: Moment;
  /** The day the class's last teaching falls on (the day policy thresholds count from). */
  lastDay: string;
  why: Localized;
  /** `why` already names the moment `at` (no need to repeat "possible from"). */
  whyNamesMoment: boolean;
}

const dayStart = (day: string): Moment => ({ day, time: '00:00' });

/**
 * The end of the last session; a class without sessions ends with its last day (00:00 the day
 * after). A dated assessment after that moves the end to the start of its day.
 */
export function teachingEnd(
  c: ClassDates,
  sessions: CalendarSession[],
  assessments: CalendarAssessment[] = [],
): TeachingEnd {
  let end: TeachingEnd;
  if (sessions.length) {
    const last = sessions.reduce((a, s) =>
      momentBefore({ day: a.day, time: a.endsAt }, { day: s.day, time: s.endsAt }) ? s : a,
    );
    const at = { day: last.day, time: last.endsAt };
    const t = momentText(at);
    end = {
      at,
      lastDay: last.day,
      why: { vi: `buổi học cuối kết thúc lúc ${t.vi}`, en: `its last session ends at ${t.en}` },
      whyNamesMoment: true,
    };
  } else
    end = {
      at: dayStart(addDays(c.endsOn, 1)),
      lastDay: c.endsOn,
      why: {
        vi: `lớp chưa có buổi học nào và kết thúc ngày ${ddmmyyyy(c.endsOn)}`,
        en: `it has no sessions and ends on ${ddmmyyyy(c.endsOn)}`,
      },
      whyNamesMoment: false,
    };
  for (const a of assessments)
    if (a.heldOn && momentBefore(end.at, dayStart(a.heldOn)))
      end = {
        at: dayStart(a.heldOn),
        lastDay: a.heldOn,
        why: {
          vi: `bài đánh giá “${a.name}” diễn ra ngày ${ddmmyyyy(a.heldOn)}`,
          en: `the assessment "${a.name}" is held on ${ddmmyyyy(a.heldOn)}`,
        },
        whyNamesMoment: false,
      };
  return end;
}

/** A refusal "<what>: <why>[, after <n> days by the policy]; possible from <moment>" when now is before `at`. */
function refuseBefore(
  now: Moment,
  at: Moment,
  what: Localized,
  why: Localized,
  whyNamesMoment: boolean,
): Refusal | null {
  if (!momentBefore(now, at)) return null;
  const from = momentText(at);
  return {
    possibleFrom: at,
    message: {
      vi: `${what.vi}: ${why.vi}${whyNamesMoment ? '' : `; có thể từ ${from.vi}`}.`,
      en: `${what.en}: ${why.en}${whyNamesMoment ? '' : `; possible from ${from.en}`}.`,
    },
  };
}

/** The end moved to the start of the day `days` after the last day, when the policy asks for a delay. */
function withDelay(end: TeachingEnd, days: number): TeachingEnd {
  if (days <= 0) return end;
  const at = laterOf(end.at, dayStart(addDays(end.lastDay, days)));
  if (at === end.at) return end;
  return {
    ...end,
    at,
    why: {
      vi: `${end.why.vi}, và theo quy định của tỉnh phải sau ngày học cuối ${days} ngày`,
      en: `${end.why.en}, and the province's rule asks for ${days} day(s) after the last day`,
    },
    whyNamesMoment: false,
  };
}

/** Moving the class to "finished": once its teaching is over. */
export function finishRefusal(end: TeachingEnd, now: Moment): Refusal | null {
  return refuseBefore(
    now,
    end.at,
    { vi: 'Lớp chưa thể kết thúc', en: 'The class cannot finish yet' },
    end.why,
    end.whyNamesMoment,
  );
}

/** Issuing certificates (by action, or on closing): after the end and the policy's days. */
export function certificatesRefusal(end: TeachingEnd, policy: CalendarPolicy, now: Moment): Refusal | null {
  const e = withDelay(end, policy.certificatesAfterDays);
  return refuseBefore(
    now,
    e.at,
    { vi: 'Chưa thể cấp chứng chỉ', en: 'Certificates cannot be issued yet' },
    e.why,
    e.whyNamesMoment,
  );
}

/** Closing the class: after the end and the policy's days to close (and to issue, since closing issues). */
export function closeRefusal(end: TeachingEnd, policy: CalendarPolicy, now: Moment): Refusal | null {
  const e = withDelay(end, Math.max(policy.closeAfterDays, policy.certificatesAfterDays));
  return refuseBefore(
    now,
    e.at,
    { vi: 'Lớp chưa thể đóng', en: 'The class cannot close yet' },
    e.why,
    e.whyNamesMoment,
  );
}

/** The earliest day a certificate of the class may carry: its last day, plus the policy's days. */
export const firstIssueDay = (end: TeachingEnd, policy: CalendarPolicy) =>
  addDays(end.lastDay, policy.certificatesAfterDays);

/** The day printed on certificates: not after today, not before `firstIssueDay`. */
export function issuedOnProblem(
  issuedOn: string,
  end: TeachingEnd,
  policy: CalendarPolicy,
  today: string,
): Localized | null {
  if (issuedOn > today)
    return {
      vi: `không được sau hôm nay (${ddmmyyyy(today)})`,
      en: `must not be after today (${ddmmyyyy(today)})`,
    };
  const first = firstIssueDay(end, policy);
  if (issuedOn < first)
    return {
      vi: `không được trước ngày ${ddmmyyyy(first)} (${end.why.vi})`,
      en: `must not be before ${ddmmyyyy(first)} (${end.why.en})`,
    };
  return null;
}

/** Taking a session's attendance: from its start (less the policy's minutes). */
export function attendanceRefusal(s: CalendarSession, policy: CalendarPolicy, now: Moment): Refusal | null {
  const start = { day: s.day, time: s.startsAt };
  const at = addMinutes(start, -policy.attendanceLeadMinutes);
  const when = `${ddmmyyyy(s.day)} ${s.startsAt}–${s.endsAt}`;
  return refuseBefore(
    now,
    at,
    {
      vi: `Chưa thể điểm danh buổi ${when}`,
      en: `Attendance of the session of ${when} cannot be taken yet`,
    },
    { vi: 'buổi học chưa bắt đầu', en: 'it has not started' },
    false,
  );
}

export interface ClassStart {
  at: Moment;
  why: Localized;
  whyNamesMoment: boolean;
}

/** When the class starts: its first session, else its first day. */
export function classStart(c: ClassDates, sessions: CalendarSession[]): ClassStart {
  if (!sessions.length)
    return {
      at: dayStart(c.startsOn),
      why: {
        vi: `lớp chưa có buổi học nào và khai giảng ngày ${ddmmyyyy(c.startsOn)}`,
        en: `the class has no sessions and starts on ${ddmmyyyy(c.startsOn)}`,
      },
      whyNamesMoment: false,
    };
  const first = sessions.reduce((a, s) =>
    momentBefore({ day: s.day, time: s.startsAt }, { day: a.day, time: a.startsAt }) ? s : a,
  );
  const at = { day: first.day, time: first.startsAt };
  const t = momentText(at);
  return {
    at,
    why: {
      vi: `lớp chưa bắt đầu, buổi học đầu tiên lúc ${t.vi}`,
      en: `the class has not started, its first session is at ${t.en}`,
    },
    whyNamesMoment: true,
  };
}

/** Entering scores of an assessment: from its day when it has one, else from the class's start. */
export function scoresRefusal(a: CalendarAssessment, start: ClassStart, now: Moment): Refusal | null {
  const what = { vi: `Chưa thể nhập điểm “${a.name}”`, en: `Scores of "${a.name}" cannot be entered yet` };
  if (a.heldOn)
    return refuseBefore(
      now,
      dayStart(a.heldOn),
      what,
      { vi: `bài diễn ra ngày ${ddmmyyyy(a.heldOn)}`, en: `it is held on ${ddmmyyyy(a.heldOn)}` },
      false,
    );
  return refuseBefore(now, start.at, what, start.why, start.whyNamesMoment);
}
