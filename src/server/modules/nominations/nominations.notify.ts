/**
 * Who hears of a nomination's moves (ADR 042), written with the nomination event in its
 * transaction: an approval summons the learner (their own login, when they have one) and tells the
 * officer who sent them; a rejection, a move to the waitlist and a promotion from it tell the
 * officer who sent them. The actor is never told of their own action.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { notify, usersOfPerson } from '../notifications/notify';

const KINDS = {
  approve: 'nomination.approved',
  reject: 'nomination.rejected',
  promote: 'nomination.promoted',
  waitlist: 'nomination.waitlisted',
} as const;

export async function notifyNominationEvent(
  q: Queryable,
  actor: Actor | null,
  nominationId: number,
  action: string,
  comment: string | null,
): Promise<void> {
  if (!(action in KINDS)) return;
  const [n] = rowsOf<{
    classId: number;
    classCode: string;
    className: string;
    startsOn: string;
    personId: number;
    personName: string;
    nominatedBy: number | null;
  }>(
    await q.execute(sql`select c.id as "classId", c.code as "classCode", c.name as "className",
        c.starts_on::text as "startsOn", p.id as "personId", p.full_name as "personName",
        n.nominated_by as "nominatedBy"
      from class_nominations n join classes c on c.id = n.class_id join people p on p.id = n.person_id
      where n.id = ${nominationId}`),
  );
  if (!n) return;
  const params = {
    classCode: n.classCode,
    className: n.className,
    startsOn: n.startsOn,
    personName: n.personName,
    ...(comment ? { reason: comment } : {}),
  };
  const base = { params, link: `/classes/${n.classId}`, exceptUserId: actor?.userId ?? null };
  const kind = KINDS[action as keyof typeof KINDS];
  await notify(q, { ...base, kind, userIds: [n.nominatedBy] });
  if (action === 'approve')
    await notify(q, {
      ...base,
      kind: 'nomination.summoned',
      userIds: await usersOfPerson(q, Number(n.personId)),
    });
}
