/**
 * A qualification earned through the training the system runs (a delegation abroad, sponsored
 * postgraduate study), written in the caller's transaction with its audit row: the standards gaps
 * read qualifications live, so the person's gaps update at once.
 */

import type { Queryable } from '../../db/client';
import { qualifications } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';

export interface EarnedQualification {
  personId: number;
  kind: string;
  level: string;
  major?: string | null;
  issuer: string | null;
  issuedOn: string | null;
  certificateNo?: string | null;
  periods?: number | null;
  /** qualification_source code: abroad, postgraduate. */
  source: 'abroad' | 'postgraduate';
  note: string;
  /** The person's unit path (audit scope). */
  scopePath: string | null;
}

export async function recordEarnedQualification(q: Queryable, actor: Actor, e: EarnedQualification) {
  const [row] = await q
    .insert(qualifications)
    .values({
      personId: e.personId,
      kind: e.kind,
      level: e.level,
      major: e.major ?? null,
      issuer: e.issuer,
      issuedOn: e.issuedOn,
      certificateNo: e.certificateNo ?? null,
      periods: e.periods ?? null,
      source: e.source,
      note: e.note,
    })
    .returning();
  await audit(q, actor, {
    action: 'qualification.create',
    entity: 'qualification',
    entityId: row.id,
    summary: `${e.note}: ${row.kind} ${row.level}`,
    scopePath: e.scopePath,
    after: row,
  });
  return row;
}
