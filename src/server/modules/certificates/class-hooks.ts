/**
 * What closing a class does to certificates (ADR 014), run by the class life cycle
 * (workflows/class-lifecycle.ts, ADR 031) inside the transaction of the move: every passed
 * learner without a certificate gets one. A class with passed learners and no register cannot
 * close (the message says which register to create).
 */
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import type { ClassRow } from '../classes/classes.queries';
import { issueForClass } from './certificates.issue';

export async function issueOnClose(q: Queryable, actor: Actor, clock: Clock, c: ClassRow): Promise<void> {
  await issueForClass(q, actor, c, todayOf(clock));
}
