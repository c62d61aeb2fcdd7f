/**
 * Issuing certificates to the passed learners of a class (ADR 014), inside the caller's
 * transaction: the class row is locked (two runs for one class queue), each number is taken
 * from the register's counter row (locked until commit, so numbers are unique and gapless
 * under concurrency, and a rolled-back run gives its numbers back), and the unique indexes on
 * the number and on the learner refuse anything the locks would miss.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { formatCertificateNumber, patternHasYear, REPLACEMENT_SUFFIX } from '../../../contracts/certificates';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { certificates, qualifications } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { ClassRow } from '../classes/classes.queries';
import { policyAt } from '../policies/policies';
import { gradeLabel } from '../results/results.rules';
import { type RegisterRow, registerOfClass } from './certificates.queries';

/** 128 random bits, base64url: what the QR code carries instead of an id. */
export const newToken = () => crypto.randomBytes(16).toString('base64url');

/** The next free number of the register for a year (the counter row stays locked until commit). */
export async function takeNumber(q: Queryable, r: RegisterRow, year: number): Promise<string> {
  const period = patternHasYear(r.pattern) ? year : 0;
  for (;;) {
    const [row] = rowsOf<{ seq: number }>(
      await q.execute(sql`insert into certificate_counters (register_id, period, last_seq)
        values (${r.id}, ${period}, 1)
        on conflict (register_id, period) do update set last_seq = certificate_counters.last_seq + 1
        returning last_seq as seq`),
    );
    const number = formatCertificateNumber(r.pattern, { school: r.schoolCode, year, seq: Number(row.seq) });
    // A number given under an earlier pattern is never given again: skip it.
    const taken = rowsOf(await q.execute(sql`select 1 from certificates where number = ${number}`));
    if (taken.length === 0) return number;
  }
}

/** The number the register would give next (a preview: nothing is taken). */
export async function peekNextNumber(q: Queryable, r: RegisterRow, year: number): Promise<string> {
  const period = patternHasYear(r.pattern) ? year : 0;
  const [row] = rowsOf<{ seq: number }>(
    await q.execute(sql`select last_seq as seq from certificate_counters
      where register_id = ${r.id} and period = ${period}`),
  );
  return formatCertificateNumber(r.pattern, { school: r.schoolCode, year, seq: Number(row?.seq ?? 0) + 1 });
}

/** "<original>/XN", then "/XN2"...: the certifying paper carries the number it stands for. */
export async function replacementNumber(q: Queryable, rootNumber: string): Promise<string> {
  for (let n = 1; ; n++) {
    const number = `${rootNumber}/${REPLACEMENT_SUFFIX}${n === 1 ? '' : n}`;
    if (rowsOf(await q.execute(sql`select 1 from certificates where number = ${number}`)).length === 0)
      return number;
  }
}

export function noRegister(c: Pick<ClassRow, 'institutionName' | 'organiserUnitName'>): AppError {
  const owner = c.institutionName ?? c.organiserUnitName;
  return new AppError('CONFLICT', {
    message: {
      vi: `${owner} chưa có sổ cấp chứng chỉ: hãy lập sổ (Lớp học > Sổ cấp chứng chỉ) rồi cấp lại.`,
      en: `${owner} has no certificate register yet: create it (Classes > Certificate registers) first.`,
    },
  });
}

interface Pending {
  nominationId: number;
  personId: number;
  fullName: string;
  birthDate: string | null;
  grade: string;
}

/** Passed learners (approved, with a passed result) of the class without a certificate, in roster order. */
export async function pendingOf(q: Queryable, classId: number): Promise<Pending[]> {
  return rowsOf<Pending>(
    await q.execute(sql`select r.nomination_id as "nominationId", r.person_id as "personId",
        p.full_name as "fullName", p.birth_date::text as "birthDate", r.grade
      from class_results r
      join class_nominations n on n.id = r.nomination_id and n.status = 'approved'
      join people p on p.id = r.person_id
      where r.class_id = ${classId} and r.passed
        and not exists (select 1 from certificates c where c.nomination_id = r.nomination_id and c.replaces_id is null)
      order by p.sort_key collate "C", p.id`),
  );
}

/**
 * One certificate per passed learner without one, each with the qualification the programme
 * grants (source "class") on the person's record. Returns how many were issued.
 */
export async function issueForClass(
  q: Queryable,
  actor: Actor,
  c: ClassRow,
  issuedOn: string,
): Promise<number> {
  await q.execute(sql`select id from classes where id = ${c.id} for update`);
  const pending = await pendingOf(q, c.id);
  if (pending.length === 0) return 0;
  const register = await registerOfClass(q, c);
  if (!register) throw noRegister(c);
  const [programme] = rowsOf<{ grantsKind: string | null; grantsLevel: string | null; periods: number }>(
    await q.execute(sql`select grants_kind as "grantsKind", grants_level as "grantsLevel", periods
      from programmes where id = ${c.programmeId}`),
  );
  const bands = (await policyAt(q, 'class.grade_bands', c.endsOn, c.organiserPath)).value;
  const gradeOf = (code: string) => gradeLabel(code, bands);
  const year = Number(issuedOn.slice(0, 4));
  for (const p of pending) {
    const number = await takeNumber(q, register, year);
    let qualificationId: number | null = null;
    if (programme.grantsKind && programme.grantsLevel) {
      const [qual] = await q
        .insert(qualifications)
        .values({
          personId: p.personId,
          kind: programme.grantsKind,
          level: programme.grantsLevel,
          issuer: register.issuerName,
          issuedOn,
          certificateNo: number,
          periods: programme.periods,
          source: 'class',
          note: `Lớp ${c.code} – ${c.programmeName}`,
        })
        .returning({ id: qualifications.id });
      qualificationId = qual.id;
    }
    const grade = gradeOf(p.grade);
    const [row] = await q
      .insert(certificates)
      .values({
        number,
        token: newToken(),
        registerId: register.id,
        classId: c.id,
        nominationId: p.nominationId,
        personId: p.personId,
        programmeId: c.programmeId,
        holderName: p.fullName,
        holderBirthDate: p.birthDate,
        programmeName: c.programmeName,
        classCode: c.code,
        classStartsOn: c.startsOn,
        classEndsOn: c.endsOn,
        issuerName: register.issuerName,
        gradeCode: p.grade,
        gradeVi: grade.vi,
        gradeEn: grade.en,
        signerName: register.signerName,
        signerTitle: register.signerTitle,
        issuedOn,
        qualificationId,
        issuedBy: actor.userId || null,
      })
      .returning({ id: certificates.id });
    await audit(q, actor, {
      action: 'certificate.issue',
      entity: 'certificate',
      entityId: row.id,
      summary: `${number}: ${p.fullName} (${c.code})`,
      scopePath: c.organiserPath,
      after: { number, classId: c.id, personId: p.personId, grade: p.grade, qualificationId },
    });
  }
  return pending.length;
}
