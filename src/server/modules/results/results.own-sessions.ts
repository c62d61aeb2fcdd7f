/**
 * A lecturer's login marks attendance on the sessions it teaches only (ADR 063). Training
 * officers and the class's other managers keep every session. One place says which sessions of a
 * class an actor may not mark and why, for the typed route, the sheet import, the sheet template
 * and the grade book's view alike.
 */
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { ddmmyyyy } from '../../lib/dates';
import { AppError, type Localized } from '../../lib/errors';
import { taughtSessionIds } from './results.queries';

interface SessionLike {
  id: number;
  day: string;
  startsAt: string;
}

const named = (s: SessionLike): Localized => ({
  vi: `buổi ${s.startsAt} ngày ${ddmmyyyy(s.day)}`,
  en: `the session at ${s.startsAt} on ${ddmmyyyy(s.day)}`,
});

/** Why the actor may not mark a session, by session id: empty for anyone but a lecturer's login. */
export async function sessionsNotTaught(
  q: Queryable,
  actor: Actor,
  classId: number,
  sessions: SessionLike[],
): Promise<Map<number, Localized>> {
  if (actor.role !== 'lecturer') return new Map();
  const own = await taughtSessionIds(q, classId, actor);
  return new Map(
    sessions
      .filter((s) => !own.has(s.id))
      .map((s) => {
        const n = named(s);
        return [
          s.id,
          {
            vi: `Giảng viên khác dạy ${n.vi}: chỉ giảng viên của buổi học hoặc cán bộ quản lý lớp điểm danh được.`,
            en: `Another lecturer teaches ${n.en}: only its lecturer or the class's managers take its attendance.`,
          },
        ] as const;
      }),
  );
}

/** 403 naming the sessions the actor does not teach, when marks name any of them. */
export async function assertMarksOwnSessions(
  q: Queryable,
  actor: Actor,
  classId: number,
  sessions: SessionLike[],
  sessionIds: number[],
) {
  const refused = await sessionsNotTaught(q, actor, classId, sessions);
  const bad = sessions.filter((s) => refused.has(s.id) && sessionIds.includes(s.id)).map(named);
  if (!bad.length) return;
  throw new AppError('FORBIDDEN', {
    message: {
      vi: `Không điểm danh được ${bad.map((b) => b.vi).join(', ')}: buổi học do giảng viên khác dạy. Giảng viên chỉ điểm danh các buổi mình dạy.`,
      en: `Cannot take attendance for ${bad.map((b) => b.en).join(', ')}: another lecturer teaches it. A lecturer takes attendance of the sessions it teaches only.`,
    },
  });
}
