/**
 * Lecturer and room clashes of a class, as the warnings the API returns (ADR 011). A clash with
 * a class the actor may not see (another subtree) is still flagged, since the lecturer or room is
 * busy all the same, but without that class's code and name: another subtree stays out of sight.
 */
import type { z } from 'zod';
import type { Clash } from '../../../contracts/classes';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { classVisible } from './classes.policy';
import { type ClashOther, clashCandidates } from './classes.queries';
import { type ClashKind, clashKinds } from './classes.rules';

/** 2026-12-02 -> 02/12/2026, as offices write dates. */
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The warning for one clash; `visible` says whether the other class may be named. */
export function describeClash(
  sessionId: number,
  kind: ClashKind,
  other: Omit<ClashOther, 'organiserPath' | 'institutionPath'>,
  visible: boolean,
): z.infer<typeof Clash> {
  const when = { vi: `ngày ${dmy(other.day)}`, en: `on ${dmy(other.day)}` };
  const hours = { vi: `(${other.startsAt}–${other.endsAt})`, en: `(${other.startsAt}-${other.endsAt})` };
  const cls = visible
    ? { vi: `lớp ${other.classCode}`, en: `class ${other.classCode}` }
    : { vi: 'một lớp của đơn vị khác', en: 'a class of another unit' };
  return {
    sessionId,
    kind,
    other: {
      classId: other.classId,
      classCode: visible ? other.classCode : null,
      className: visible ? other.className : null,
      sessionId: other.id,
      day: other.day,
      startsAt: other.startsAt,
      endsAt: other.endsAt,
    },
    message:
      kind === 'lecturer'
        ? {
            vi: `Giảng viên cũng dạy ${cls.vi} ${when.vi} ${hours.vi}.`,
            en: `The lecturer also teaches ${cls.en} ${when.en} ${hours.en}.`,
          }
        : {
            vi: `Phòng học đã được ${cls.vi} dùng ${when.vi} ${hours.vi}.`,
            en: `The room is used by ${cls.en} ${when.en} ${hours.en}.`,
          },
  };
}

/** Every clash of the class's sessions with other live classes, in session order. */
export async function clashesOf(q: Queryable, actor: Actor, classId: number) {
  const candidates = await clashCandidates(q, classId);
  return candidates.flatMap(({ mine, other }) =>
    clashKinds(mine, other).map((kind) => describeClash(mine.id, kind, other, classVisible(actor, other))),
  );
}
