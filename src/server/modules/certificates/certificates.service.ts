/**
 * Certificates of classes (ADR 014): the list of a class, issuing, revoking, replacing a lost
 * one by a certifying paper, a person's certificates, and the papers to print. Access first
 * (the class's managers change; the holder's record decides who else reads), then the rules,
 * one transaction with its audit rows.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { IssueBody, ReplaceBody, RevokeBody } from '../../../contracts/certificates';
import { CERTIFICATE_STATUS_LABELS } from '../../../contracts/certificates';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { certificates, qualifications } from '../../db/schema/index';
import { readTogether } from '../../db/together';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, ddmmyyyy, todayOf } from '../../lib/dates';
import { AppError, fieldError, invalid } from '../../lib/errors';
import { calendarOf, classSteps, notYetOf, tooEarly } from '../classes/class-calendar';
import { firstIssueDay, issuedOnProblem } from '../classes/class-calendar.rules';
import { assertManageable, assertVisible, classManageable } from '../classes/classes.policy';
import { type ClassRow, findClass } from '../classes/classes.queries';
import { getVisiblePerson } from '../people/people.service';
import { issueForClass, newToken, peekNextNumber, pendingOf, replacementNumber } from './certificates.issue';
import type { PrintedCertificate, PrintedHeader } from './certificates.pdf';
import { assertCertificateManageable, CERTIFICATE, holderVisible } from './certificates.policy';
import {
  type CertificateRow,
  findCertificate,
  presentCertificate,
  registerOfClass,
  selectCertificates,
} from './certificates.queries';

function notValid(c: CertificateRow): AppError {
  const s = CERTIFICATE_STATUS_LABELS[c.status];
  return new AppError('CONFLICT', {
    message: {
      vi: `Chứng chỉ ${c.number} đang ở trạng thái "${s.vi.toLowerCase()}": không thực hiện được.`,
      en: `Certificate ${c.number} is ${s.en.toLowerCase()}: this cannot be done.`,
    },
  });
}

export function createCertificateService({ db, clock }: { db: Db; clock: Clock }) {
  /** The certificate, its class and whether the actor manages it; 404 when out of sight. */
  async function access(q: Queryable, actor: Actor, id: number) {
    const cert = await findCertificate(q, id);
    const cls = cert ? await findClass(q, cert.classId) : undefined;
    if (!cert || !cls) throw new AppError('NOT_FOUND', { message: notFoundMsg });
    const manages = classManageable(actor, cls);
    const readable = manages || holderVisible(actor, cert.personId, cert.personUnitPath);
    return { cert, cls, manages, readable };
  }
  const notFoundMsg = { vi: `Không tìm thấy ${CERTIFICATE.vi}.`, en: `${CERTIFICATE.en} not found.` };

  /** A class's certificates the actor reads: all for its managers, else those of their subtree's people. */
  const classCertificates = (q: Queryable, actor: Actor, c: ClassRow) =>
    selectCertificates(
      q,
      classManageable(actor, c)
        ? sql`c.class_id = ${c.id}`
        : sql`c.class_id = ${c.id} and pu.path <@ ${actor.scopePath}::ltree`,
    );

  async function classView(q: Queryable, actor: Actor, c: ClassRow) {
    const manages = classManageable(actor, c);
    const [rows, pending, register, calendar] = await readTogether(
      q,
      () => classCertificates(q, actor, c),
      () => (manages ? pendingOf(q, c.id) : Promise.resolve([])),
      () => (manages ? registerOfClass(q, c) : Promise.resolve(undefined)),
      () => calendarOf(q, c, clock.now()),
    );
    const year = Number(todayOf(clock).slice(0, 4));
    return {
      classId: c.id,
      canManage: manages,
      pending: pending.length,
      register: register
        ? {
            id: register.id,
            ownerName: register.ownerName,
            nextNumber: await peekNextNumber(q, register, year),
          }
        : null,
      notYet: notYetOf(classSteps(calendar).certificates),
      firstIssueDay: firstIssueDay(calendar.end, calendar.policy),
      items: rows.map(presentCertificate),
    };
  }

  /** Header lines of each register, for printing. */
  async function printable(q: Queryable, rows: CertificateRow[]) {
    const ids = [...new Set(rows.map((r) => r.registerId))];
    const headers = new Map<number, PrintedHeader>();
    for (const r of rowsOf<{ id: number; governingBody: string | null; partyBody: boolean; place: string }>(
      await q.execute(sql`select id, governing_body as "governingBody", party_body as "partyBody", place
        from certificate_registers where id = any(${sql.param(ids)}::int[])`),
    ))
      headers.set(Number(r.id), { governingBody: r.governingBody, partyBody: r.partyBody, place: r.place });
    return rows.map((r) => ({ cert: r as PrintedCertificate, header: headers.get(r.registerId)! }));
  }

  return {
    async forClass(actor: Actor, classId: number) {
      return classView(db, actor, assertVisible(actor, await findClass(db, classId)));
    },

    /** The rows of `forClass`'s list with everything a sheet shows (birth dates, class dates). */
    async rowsOfClass(actor: Actor, classId: number) {
      return classCertificates(db, actor, assertVisible(actor, await findClass(db, classId)));
    },

    /** "Cấp chứng chỉ": a finished (or closed) class's passed learners without one get one. */
    async issue(actor: Actor, classId: number, body: z.infer<typeof IssueBody>) {
      return db.transaction(async (tx) => {
        const c = assertManageable(actor, await findClass(tx, classId));
        if (c.status !== 'finished' && c.status !== 'closed')
          throw new AppError('CONFLICT', {
            message: {
              vi: `Lớp ${c.code} chưa kết thúc: chỉ cấp chứng chỉ cho lớp đã kết thúc.`,
              en: `Class ${c.code} has not finished: certificates are issued once it has.`,
            },
          });
        // Not before the teaching is over; the day printed neither in the future nor before it (ADR 025).
        const calendar = await calendarOf(tx, c, clock.now());
        const refusal = classSteps(calendar).certificates;
        if (refusal) throw tooEarly(refusal);
        const today = todayOf(clock);
        const issuedOn = body.issuedOn ?? today;
        const problem = issuedOnProblem(issuedOn, calendar.end, calendar.policy, today);
        if (problem) throw invalid([fieldError('issuedOn', problem.vi, problem.en)]);
        const issued = await issueForClass(tx, actor, c, issuedOn);
        return { ...(await classView(tx, actor, c)), issued };
      });
    },

    /** A certificate issued in error: revoked with the reason; its qualification leaves the record. */
    async revoke(actor: Actor, id: number, body: z.infer<typeof RevokeBody>) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select id from certificates where id = ${id} for update`);
        const { cert, cls, manages, readable } = await access(tx, actor, id);
        assertCertificateManageable(manages, readable);
        if (cert.status !== 'valid') throw notValid(cert);
        const today = todayOf(clock);
        await tx
          .update(certificates)
          .set({ status: 'revoked', statusReason: body.reason, statusOn: today })
          .where(eq(certificates.id, id));
        if (cert.qualificationId !== null)
          await tx
            .update(qualifications)
            .set({
              deletedAt: clock.now(),
              deletedReason: `Thu hồi chứng chỉ ${cert.number}: ${body.reason}`,
              updatedAt: clock.now(),
            })
            .where(and(eq(qualifications.id, cert.qualificationId), isNull(qualifications.deletedAt)));
        await audit(tx, actor, {
          action: 'certificate.revoke',
          entity: 'certificate',
          entityId: id,
          summary: `${cert.number}: ${cert.holderName} (${body.reason})`,
          scopePath: cls.organiserPath,
          before: { status: cert.status },
          after: { status: 'revoked', reason: body.reason, qualificationId: cert.qualificationId },
        });
        return presentCertificate((await findCertificate(tx, id))!);
      });
    },

    /** A lost certificate: a certifying paper of equal value, linked both ways, the same qualification. */
    async replace(actor: Actor, id: number, body: z.infer<typeof ReplaceBody>) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select id from certificates where id = ${id} for update`);
        const { cert, cls, manages, readable } = await access(tx, actor, id);
        assertCertificateManageable(manages, readable);
        if (cert.status !== 'valid') throw notValid(cert);
        let root = cert;
        while (root.replacesId !== null) root = (await findCertificate(tx, root.replacesId))!;
        const register = await registerOfClass(tx, cls);
        const number = await replacementNumber(tx, root.number);
        const today = todayOf(clock);
        const issuedOn = body.issuedOn ?? today;
        // The paper is dated between the certificate it replaces and today.
        if (issuedOn > today || issuedOn < cert.issuedOn)
          throw invalid([
            fieldError(
              'issuedOn',
              `phải từ ngày cấp chứng chỉ (${ddmmyyyy(cert.issuedOn)}) đến hôm nay (${ddmmyyyy(today)})`,
              `must be from the certificate's issue day (${ddmmyyyy(cert.issuedOn)}) to today (${ddmmyyyy(today)})`,
            ),
          ]);
        const [paper] = await tx
          .insert(certificates)
          .values({
            number,
            token: newToken(),
            registerId: cert.registerId,
            classId: cert.classId,
            nominationId: cert.nominationId,
            personId: cert.personId,
            programmeId: cls.programmeId,
            holderName: cert.holderName,
            holderBirthDate: cert.holderBirthDate,
            programmeName: cert.programmeName,
            classCode: cert.classCode,
            classStartsOn: cert.classStartsOn,
            classEndsOn: cert.classEndsOn,
            issuerName: cert.issuerName,
            gradeCode: cert.gradeCode,
            gradeVi: cert.gradeVi,
            gradeEn: cert.gradeEn,
            // Signed by whoever signs for the register today.
            signerName: register?.signerName ?? cert.signerName,
            signerTitle: register?.signerTitle ?? cert.signerTitle,
            issuedOn,
            replacesId: cert.id,
            qualificationId: cert.qualificationId,
            issuedBy: actor.userId || null,
          })
          .returning({ id: certificates.id });
        await tx
          .update(certificates)
          .set({ status: 'replaced', statusReason: body.reason, statusOn: issuedOn, replacedById: paper.id })
          .where(eq(certificates.id, id));
        await audit(tx, actor, {
          action: 'certificate.replace',
          entity: 'certificate',
          entityId: id,
          summary: `${cert.number} -> ${number}: ${cert.holderName} (${body.reason})`,
          scopePath: cls.organiserPath,
          before: { status: cert.status },
          after: { status: 'replaced', replacedBy: number, replacedById: paper.id, reason: body.reason },
        });
        return presentCertificate((await findCertificate(tx, paper.id))!);
      });
    },

    async forPerson(actor: Actor, personId: number) {
      await getVisiblePerson(db, actor, personId);
      const rows = await selectCertificates(
        db,
        sql`c.person_id = ${personId}`,
        sql`c.issued_on desc, c.id desc`,
      );
      return { items: rows.map(presentCertificate) };
    },

    /** One certificate to print: for its class's managers and whoever may read the holder's record. */
    async printOne(actor: Actor, id: number) {
      const { cert, readable } = await access(db, actor, id);
      if (!readable) throw new AppError('NOT_FOUND', { message: notFoundMsg });
      return { fileName: cert.number, items: await printable(db, [cert]) };
    },

    /** Bulk print: every valid certificate of the class, a page each (its managers only). */
    async printClass(actor: Actor, classId: number) {
      const c = assertManageable(actor, await findClass(db, classId));
      const rows = await selectCertificates(db, sql`c.class_id = ${c.id} and c.status = 'valid'`);
      if (rows.length === 0)
        throw new AppError('NOT_FOUND', {
          message: {
            vi: `Lớp ${c.code} chưa có chứng chỉ để in.`,
            en: `Class ${c.code} has no certificate to print.`,
          },
        });
      return { fileName: `${c.code}-chung-chi`, items: await printable(db, rows) };
    },
  };
}
