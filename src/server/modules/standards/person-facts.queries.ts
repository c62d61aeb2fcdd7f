/**
 * What the pure engines need about a few people on a date, read with plain selects: the
 * history row valid on the date (chosen in TS, independently of the gap SQL), the undated
 * facts, every qualification (the engine drops deleted and later ones) and the ratings.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import {
  annualRatings,
  codeItems,
  orgUnits,
  people,
  personHistory,
  qualifications,
} from '../../db/schema/index';
import { readTogether } from '../../db/together';
import type { EligibilityPerson, RatingFact } from './eligibility.engine';
import type { QualificationFact } from './standard.engine';

export interface PersonOnDate {
  personId: number;
  fullName: string;
  /** null when the person has no history row valid on the date. */
  facts: EligibilityPerson | null;
  status: string | null;
  unitId: number | null;
  unitPath: string | null;
  quals: QualificationFact[];
  ratings: RatingFact[];
}

export async function loadPeopleOnDate(q: Queryable, ids: number[], asOf: string): Promise<PersonOnDate[]> {
  if (ids.length === 0) return [];
  const [persons, history, quals, ratings, posts] = await readTogether(
    q,
    () => q.select().from(people).where(inArray(people.id, ids)),
    () =>
      q
        .select({ h: personHistory, unitPath: orgUnits.path, unitLevel: orgUnits.level })
        .from(personHistory)
        .innerJoin(orgUnits, eq(orgUnits.id, personHistory.unitId))
        .where(inArray(personHistory.personId, ids)),
    () =>
      q
        .select({
          id: qualifications.id,
          personId: qualifications.personId,
          kind: qualifications.kind,
          level: qualifications.level,
          issuedOn: qualifications.issuedOn,
          periods: qualifications.periods,
          deletedAt: qualifications.deletedAt,
        })
        .from(qualifications)
        .where(inArray(qualifications.personId, ids)),
    () =>
      q
        .select({ personId: annualRatings.personId, year: annualRatings.year, rating: annualRatings.rating })
        .from(annualRatings)
        .where(inArray(annualRatings.personId, ids)),
    () =>
      q
        .select({ code: codeItems.code, meta: codeItems.meta })
        .from(codeItems)
        .where(eq(codeItems.list, 'post')),
  );
  const groupOf = new Map(posts.map((p) => [p.code, typeof p.meta.group === 'string' ? p.meta.group : null]));
  return persons.map((p) => {
    const row = history
      .filter(
        (x) => x.h.personId === p.id && x.h.validFrom <= asOf && (x.h.validTo === null || asOf < x.h.validTo),
      )
      .sort((a, b) =>
        a.h.validFrom === b.h.validFrom ? b.h.id - a.h.id : a.h.validFrom < b.h.validFrom ? 1 : -1,
      )[0];
    return {
      personId: p.id,
      fullName: p.fullName,
      status: row?.h.status ?? null,
      unitId: row?.h.unitId ?? null,
      unitPath: row?.unitPath ?? null,
      facts: row
        ? {
            category: row.h.category,
            rank: row.h.rank,
            post: row.h.post,
            postCode: row.h.postCode,
            postGroup: row.h.postCode ? (groupOf.get(row.h.postCode) ?? null) : null,
            leadershipTier: row.h.leadershipTier,
            unitLevel: row.unitLevel,
            appointedOn: p.appointedOn,
            serviceStart: p.serviceStart,
            birthDate: p.birthDate,
            partyMember: p.partyMember,
            partyJoinDate: p.partyJoinDate,
          }
        : null,
      quals: quals.filter((x) => x.personId === p.id),
      ratings: ratings.filter((x) => x.personId === p.id),
    };
  });
}
