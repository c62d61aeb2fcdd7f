/**
 * Training abroad (ADR 016): delegations seen by their organiser's subtree and by the subtrees
 * their members work in, run by `abroad.manage` over the organiser. Members are people of the
 * organiser's subtree, added with warnings to confirm; each owes a report by return + the days in
 * force; closing records who completed, and on their record the programme's qualification
 * (source "abroad"). Every change writes its audit row in the same transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type AddMemberBody,
  type CreateDelegationBody,
  DELEGATION_STATUS_LABELS,
  type DelegationListQuery,
  type DelegationStatusBody,
  type ReportBody,
  type UpdateDelegationBody,
} from '../../../contracts/abroad';
import { can } from '../../../contracts/roles';
import { foldText } from '../../../contracts/text';
import type { Db, Queryable } from '../../db/client';
import { abroadDelegations, abroadMembers } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, conflict, fieldError, invalid, notFound } from '../../lib/errors';
import { getUnitInScope, pathWithin, requirePermission } from '../../lib/scope';
import { onUniqueViolation } from '../../lib/unique-keys';
import { getVisiblePerson } from '../people/people.service';
import { checkDelegationRefs, memberWarnings, reportRuleOf } from './abroad.checks';
import {
  type DelegationRow,
  delegationVisibleSql,
  findDelegation,
  listMembers,
  pageDelegations,
} from './abroad.queries';
import {
  canMove,
  DELEGATION_TRANSITIONS,
  detailsEditable,
  membersEditable,
  reportsOpen,
} from './abroad.rules';
import { completeMembers, presentDetail } from './abroad.view';

export const DELEGATION = { vi: 'đoàn đi nước ngoài', en: 'Delegation' };
const MEMBER = { vi: 'thành viên đoàn', en: 'Member' };
const MAX_FILE = 5 * 1024 * 1024;

const budgetTotal = (b: Record<string, number>) => Object.values(b).reduce((s, v) => s + v, 0);
export const summaryOf = (d: DelegationRow) => ({
  id: d.id,
  code: d.code,
  name: d.name,
  partnerInstitutionId: d.partnerInstitutionId,
  partnerName: d.partnerName,
  programmeId: d.programmeId,
  programmeName: d.programmeName,
  organiserUnitId: d.organiserUnitId,
  organiserUnitName: d.organiserUnitName,
  country: d.country,
  departsOn: d.departsOn,
  returnsOn: d.returnsOn,
  status: d.status,
  decisionNo: d.decisionNo,
  memberCount: d.memberCount,
  budgetTotal: budgetTotal(d.budget),
});

export const canManage = (actor: Actor, d: DelegationRow) =>
  can(actor.role, 'abroad.manage') && pathWithin(d.organiserPath, actor.scopePath);

const uniqueCode = <T>(fn: () => Promise<T>) =>
  onUniqueViolation(
    fn,
    'abroad_delegations_organiser_code_uq',
    () =>
      new AppError('CONFLICT', {
        message: { vi: 'Mã đoàn đã được dùng.', en: 'This delegation code is already used.' },
        fields: [fieldError('code', 'đã được dùng', 'is already used')],
      }),
  );

export function createAbroadService({ db, clock }: { db: Db; clock: Clock }) {
  const today = () => todayOf(clock);

  async function visible(q: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'abroad.read');
    const d = await findDelegation(q, actor, id);
    if (!d) throw notFound(DELEGATION);
    return d;
  }

  /** Locks the row, then 404 out of sight, 403 when seen but not the actor's to run. */
  async function manageable(q: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'abroad.manage');
    await q.execute(sql`select id from abroad_delegations where id = ${id} for update`);
    const d = await visible(q, actor, id);
    if (!canManage(actor, d)) throw new AppError('FORBIDDEN');
    return d;
  }

  async function detail(q: Queryable, actor: Actor, id: number) {
    const d = (await findDelegation(q, actor, id))!;
    const manage = canManage(actor, d);
    const rule = await reportRuleOf(q, d.returnsOn, d.organiserPath, today());
    return presentDetail(q, actor, d, {
      rule,
      today: today(),
      canManage: manage,
      nextStatuses: manage ? [...DELEGATION_TRANSITIONS[d.status]] : [],
      summary: summaryOf(d),
    });
  }

  async function memberOf(q: Queryable, delegationId: number, memberId: number) {
    const [m] = await q
      .select()
      .from(abroadMembers)
      .where(and(eq(abroadMembers.id, memberId), eq(abroadMembers.delegationId, delegationId)));
    if (!m) throw notFound(MEMBER);
    return m;
  }

  /** The person, seen by the actor and working in the organiser's subtree. */
  async function candidate(q: Queryable, actor: Actor, d: DelegationRow, personId: number) {
    const p = await getVisiblePerson(q, actor, personId);
    if (!pathWithin(p.unitPath, d.organiserPath))
      throw invalid([
        fieldError(
          'personId',
          'không thuộc đơn vị tổ chức đoàn hoặc đơn vị trực thuộc',
          "is not of the organiser's units",
        ),
      ]);
    return p;
  }

  return {
    async list(actor: Actor, query: z.infer<typeof DelegationListQuery>) {
      requirePermission(actor, 'abroad.read');
      const where = [delegationVisibleSql(actor)];
      if (query.year) where.push(sql`extract(year from d.departs_on) = ${query.year}`);
      if (query.status) where.push(sql`d.status = ${query.status}`);
      if (query.q?.trim()) {
        where.push(sql`d.search_name like ${`%${foldText(query.q.trim())}%`}`);
      }
      const { rows, total } = await pageDelegations(db, where, {
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { items: rows.map(summaryOf), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: number) {
      await visible(db, actor, id);
      return detail(db, actor, id);
    },

    async create(actor: Actor, body: z.infer<typeof CreateDelegationBody>) {
      requirePermission(actor, 'abroad.manage');
      const organiser = await getUnitInScope(db, actor, body.organiserUnitId ?? actor.scopeUnitId);
      await checkDelegationRefs(db, actor, body);
      return db.transaction(async (tx) => {
        const [row] = await uniqueCode(() =>
          tx
            .insert(abroadDelegations)
            .values({
              ...body,
              programmeId: body.programmeId ?? null,
              decisionDate: body.decisionDate ?? null,
              organiserUnitId: organiser.id,
              searchName: foldText(`${body.code} ${body.name} ${body.country}`),
            })
            .returning(),
        );
        await audit(tx, actor, {
          action: 'abroad.create',
          entity: 'abroad_delegation',
          entityId: row.id,
          summary: `${row.code} ${row.name}`,
          scopePath: organiser.path,
          after: row,
        });
        return detail(tx, actor, row.id);
      });
    },

    async update(actor: Actor, id: number, body: z.infer<typeof UpdateDelegationBody>) {
      return db.transaction(async (tx) => {
        const d = await manageable(tx, actor, id);
        if (body.version !== d.version)
          throw conflict(
            'Người khác đã sửa đoàn này trước bạn; hãy tải lại rồi sửa.',
            'Someone changed this delegation before you; reload and edit again.',
          );
        if (!detailsEditable(d.status))
          throw conflict(
            'Đoàn đã kết thúc hoặc đã hủy: không sửa được nữa.',
            'The delegation is closed or cancelled.',
          );
        const { version: _, organiserUnitId, ...changes } = body;
        const organiser =
          organiserUnitId && organiserUnitId !== d.organiserUnitId
            ? await getUnitInScope(tx, actor, organiserUnitId)
            : null;
        if ((changes.departsOn ?? d.departsOn) > (changes.returnsOn ?? d.returnsOn))
          throw invalid([
            fieldError('returnsOn', 'không được trước ngày đi', 'must not be before departure'),
          ]);
        await checkDelegationRefs(tx, actor, changes);
        const [before] = await tx.select().from(abroadDelegations).where(eq(abroadDelegations.id, id));
        const [after] = await uniqueCode(() =>
          tx
            .update(abroadDelegations)
            .set({
              ...changes,
              ...(organiser ? { organiserUnitId: organiser.id } : {}),
              searchName: foldText(
                `${changes.code ?? d.code} ${changes.name ?? d.name} ${changes.country ?? d.country}`,
              ),
              version: d.version + 1,
              updatedAt: clock.now(),
            })
            .where(eq(abroadDelegations.id, id))
            .returning(),
        );
        const diff = changedFields(before as Record<string, unknown>, after as Record<string, unknown>);
        await audit(tx, actor, {
          action: 'abroad.update',
          entity: 'abroad_delegation',
          entityId: id,
          summary: `${after.code} ${after.name}`,
          scopePath: organiser?.path ?? d.organiserPath,
          before: diff.before,
          after: diff.after,
          request: namedIn(body),
        });
        return detail(tx, actor, id);
      });
    },

    /** Move through the life cycle; closing records completion (and qualifications) in the same transaction. */
    async move(actor: Actor, id: number, body: z.infer<typeof DelegationStatusBody>) {
      return db.transaction(async (tx) => {
        const d = await manageable(tx, actor, id);
        if (!canMove(d.status, body.to)) {
          const [from, to] = [DELEGATION_STATUS_LABELS[d.status], DELEGATION_STATUS_LABELS[body.to]];
          throw conflict(
            `Không chuyển được đoàn từ "${from.vi}" sang "${to.vi}".`,
            `A delegation cannot move from "${from.en}" to "${to.en}".`,
          );
        }
        if (body.to === 'cancelled' && !body.comment)
          throw invalid([fieldError('comment', 'cần ghi lý do hủy', 'give the reason for cancelling')]);
        if (body.to === 'approved' && !d.decisionNo)
          throw invalid([
            fieldError(
              'decisionNo',
              'cần số quyết định cử đoàn trước khi duyệt',
              'the decision number is needed first',
            ),
          ]);
        if (body.to === 'travelling' && d.memberCount === 0)
          throw conflict('Đoàn chưa có thành viên nào.', 'The delegation has no members.');
        let completion: { completed: number; qualifications: number } | null = null;
        if (body.to === 'closed')
          completion = await completeMembers(tx, actor, d, body.completedMemberIds ?? []);
        await tx
          .update(abroadDelegations)
          .set({ status: body.to, version: d.version + 1, updatedAt: clock.now() })
          .where(eq(abroadDelegations.id, id));
        await audit(tx, actor, {
          action: 'abroad.status',
          entity: 'abroad_delegation',
          entityId: id,
          summary: `${d.code}: ${d.status} -> ${body.to}${body.comment ? ` (${body.comment})` : ''}`,
          scopePath: d.organiserPath,
          before: { status: d.status },
          after: { status: body.to, ...(completion ?? {}) },
        });
        return detail(tx, actor, id);
      });
    },

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
