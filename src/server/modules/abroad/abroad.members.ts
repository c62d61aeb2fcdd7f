/**
 * The members of a delegation and their reports (ADR 016): the warnings of adding a person, adding
 * and removing members before departure, recording a member's report once the delegation is back,
 * and the report file for those who may see it. Every change writes its audit row in the same
 * transaction and returns the delegation's detail.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AddMemberBody, ReportBody } from '../../../contracts/abroad';
import type { Db } from '../../db/client';
import { abroadMembers } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, namedIn } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { AppError, conflict, fieldError, invalid, notFound } from '../../lib/errors';
import { pathWithin, requirePermission } from '../../lib/scope';
import { canManage, delegationAccess } from './abroad.access';
import { memberWarnings } from './abroad.checks';
import { listMembers } from './abroad.queries';
import { membersEditable, reportsOpen } from './abroad.rules';

const MAX_FILE = 5 * 1024 * 1024;

export function createAbroadMembersService({ db, clock }: { db: Db; clock: Clock }) {
  const { today, visible, manageable, detail, memberOf, candidate } = delegationAccess(clock);

  return {
    /** The warnings of adding a person (a class or another delegation at the same time). */
    async checkMember(actor: Actor, id: number, personId: number) {
      requirePermission(actor, 'abroad.manage');
      const d = await visible(db, actor, id);
      if (!canManage(actor, d)) throw new AppError('FORBIDDEN');
      await candidate(db, actor, d, personId);
      return { warnings: await memberWarnings(db, actor, d, personId) };
    },

    async addMember(actor: Actor, id: number, body: z.infer<typeof AddMemberBody>) {
      return db.transaction(async (tx) => {
        const d = await manageable(tx, actor, id);
        if (!membersEditable(d.status))
          throw conflict(
            'Chỉ thay đổi thành viên trước khi đoàn xuất cảnh.',
            'Members change only before departure.',
          );
        const p = await candidate(tx, actor, d, body.personId);
        const [dup] = await tx
          .select({ id: abroadMembers.id })
          .from(abroadMembers)
          .where(and(eq(abroadMembers.delegationId, id), eq(abroadMembers.personId, body.personId)));
        if (dup) throw conflict('Người này đã có trong đoàn.', 'This person is already in the delegation.');
        const warnings = await memberWarnings(tx, actor, d, body.personId);
        if (warnings.length && !body.confirm)
          throw new AppError('NEEDS_CONFIRMATION', { details: { warnings } });
        const [row] = await tx
          .insert(abroadMembers)
          .values({
            delegationId: id,
            personId: body.personId,
            unitId: p.person.unitId,
            role: body.role ?? null,
            warnings,
            addedBy: actor.userId || null,
          })
          .returning();
        await audit(tx, actor, {
          action: 'abroad.member.add',
          entity: 'abroad_delegation',
          entityId: id,
          summary: `${d.code}: + ${p.person.fullName}`,
          scopePath: d.organiserPath,
          after: { memberId: row.id, personId: row.personId, role: row.role, warnings },
        });
        return detail(tx, actor, id);
      });
    },

    async removeMember(actor: Actor, id: number, memberId: number) {
      return db.transaction(async (tx) => {
        const d = await manageable(tx, actor, id);
        if (!membersEditable(d.status))
          throw conflict(
            'Chỉ thay đổi thành viên trước khi đoàn xuất cảnh.',
            'Members change only before departure.',
          );
        const m = await memberOf(tx, id, memberId);
        await tx.delete(abroadMembers).where(eq(abroadMembers.id, m.id));
        await audit(tx, actor, {
          action: 'abroad.member.remove',
          entity: 'abroad_delegation',
          entityId: id,
          summary: `${d.code}: - ${m.personId}`,
          scopePath: d.organiserPath,
          before: { memberId: m.id, personId: m.personId, role: m.role },
        });
        return detail(tx, actor, id);
      });
    },

    /** Record (or correct) a member's report: the day handed in, a summary and/or a file. */
    async saveReport(actor: Actor, id: number, memberId: number, body: z.infer<typeof ReportBody>) {
      return db.transaction(async (tx) => {
        const d = await manageable(tx, actor, id);
        if (!reportsOpen(d.status))
          throw conflict(
            'Báo cáo được nộp sau khi đoàn về nước.',
            'Reports are recorded once the delegation is back.',
          );
        const m = await memberOf(tx, id, memberId);
        const errors = [];
        if (body.submittedOn > today())
          errors.push(
            fieldError('submittedOn', 'không được là ngày trong tương lai', 'must not be in the future'),
          );
        if (body.submittedOn < d.returnsOn)
          errors.push(
            fieldError('submittedOn', 'không được trước ngày về nước', 'must not be before the return'),
          );
        const file = body.file ? Buffer.from(body.file.contentBase64, 'base64') : undefined;
        if (file && file.length > MAX_FILE)
          errors.push(fieldError('file', 'tệp quá 5 MB', 'the file is over 5 MB'));
        const keepsFile = body.file === undefined && m.reportFileName !== null;
        // A summary not named keeps the one recorded (ADR 023).
        const summary = body.summary === undefined ? m.reportSummary : body.summary;
        if (!summary && !body.file && !keepsFile)
          errors.push(
            fieldError('summary', 'cần tóm tắt báo cáo hoặc tệp báo cáo', 'give a summary or a file'),
          );
        if (errors.length) throw invalid(errors);
        const fileCols =
          body.file === undefined
            ? {}
            : body.file === null
              ? { reportFile: null, reportFileName: null, reportMimeType: null }
              : { reportFile: file!, reportFileName: body.file.fileName, reportMimeType: body.file.mimeType };
        await tx
          .update(abroadMembers)
          .set({ reportSubmittedOn: body.submittedOn, reportSummary: summary, ...fileCols })
          .where(eq(abroadMembers.id, m.id));
        await audit(tx, actor, {
          action: 'abroad.report',
          entity: 'abroad_delegation',
          entityId: id,
          summary: `${d.code}: báo cáo của ${m.personId} (${body.submittedOn})`,
          scopePath: d.organiserPath,
          before: { submittedOn: m.reportSubmittedOn, fileName: m.reportFileName },
          after: {
            memberId: m.id,
            submittedOn: body.submittedOn,
            fileName: body.file === undefined ? m.reportFileName : (body.file?.fileName ?? null),
          },
          request: namedIn(body),
        });
        return detail(tx, actor, id);
      });
    },

    /** The report file of a member the actor may see. */
    async reportFile(actor: Actor, id: number, memberId: number) {
      const d = await visible(db, actor, id);
      const m = await memberOf(db, id, memberId);
      const seen = (await listMembers(db, id)).find((x) => x.id === m.id);
      const mine =
        pathWithin(d.organiserPath, actor.scopePath) || (seen && pathWithin(seen.unitPath, actor.scopePath));
      if (!mine || !m.reportFile || !m.reportFileName || !m.reportMimeType)
        throw notFound({ vi: 'tệp báo cáo', en: 'Report file' });
      return { fileName: m.reportFileName, mimeType: m.reportMimeType, content: m.reportFile };
    },
  };
}
