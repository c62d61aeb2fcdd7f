/**
 * What a learner reads about themself (ADR 017): every nomination of theirs with the class, and
 * once enrolled their attendance per session, their score of each assessment and their result
 * (as stored when the class finished, else computed now by the rules in force); and the classes
 * open for nomination their unit could send them to.
 */
import type { z } from 'zod';
import type { MyClass, MyResult } from '../../../contracts/self-service';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type Clock, todayOf } from '../../lib/dates';
import { findClass } from '../classes/classes.queries';
import { getVisiblePerson } from '../people/people.service';
import { computeClassResults, storedResults } from '../results/results.compute';
import { ownPerson } from './self-service.policy';
import {
  nominationsOfPerson,
  openClassesFor,
  scoresOfPerson,
  sessionsOfPerson,
} from './self-service.queries';

const WITH_RESULTS = new Set(['running', 'finished', 'closed']);

export function createSelfService({ db, clock }: { db: Db; clock: Clock }) {
  /** My result in a class: stored once it finished, else live; picked from the class's results. */
  async function resultOf(classId: number, nominationId: number): Promise<z.infer<typeof MyResult> | null> {
    const c = await findClass(db, classId);
    if (!c) return null;
    const done = c.status === 'finished' || c.status === 'closed';
    const results = (done ? await storedResults(db, c) : null) ?? (await computeClassResults(db, c));
    const mine = results.items.find((i) => i.nominationId === nominationId);
    if (!mine) return null;
    return {
      stored: results.stored,
      attendancePct: mine.attendancePct,
      average: mine.average,
      minScore: mine.minScore,
      passed: mine.passed,
      borderline: mine.borderline,
      grade: mine.grade,
      gradeLabel: mine.gradeLabel,
      reasons: mine.reasons,
    };
  }

  return {
    /** GET /me/classes */
    async classes(actor: Actor): Promise<{ items: MyClass[] }> {
      const personId = ownPerson(actor);
      const [nominations, sessions, scores] = await Promise.all([
        nominationsOfPerson(db, personId),
        sessionsOfPerson(db, personId),
        scoresOfPerson(db, personId),
      ]);
      const items: MyClass[] = [];
      // A learner has a handful of classes: one results read per enrolled class is cheap.
      for (const n of nominations) {
        const mySessions = sessions.filter((s) => s.nominationId === n.nominationId);
        const enrolled = n.status === 'approved';
        items.push({
          ...n,
          attendance: {
            sessions: mySessions.length,
            attended: mySessions.filter((s) => s.mark === 'present' || s.mark === 'late').length,
            items: mySessions.map(({ nominationId: _n, ...s }) => s),
          },
          scores: scores
            .filter((s) => s.nominationId === n.nominationId)
            .map(({ nominationId: _n, ...s }) => s),
          result:
            enrolled && WITH_RESULTS.has(n.class.status) ? await resultOf(n.class.id, n.nominationId) : null,
        });
      }
      return { items };
    },

    /** GET /me/open-classes */
    async openClasses(actor: Actor) {
      const personId = ownPerson(actor);
      const p = await getVisiblePerson(db, actor, personId);
      return { items: await openClassesFor(db, p.unitPath, personId, todayOf(clock)) };
    },
  };
}
