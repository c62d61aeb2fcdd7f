/**
 * Training abroad (ADR 016): delegations seen by their organiser's subtree and by the subtrees
 * their members work in, run by `abroad.manage` over the organiser. Members are people of the
 * organiser's subtree, added with warnings to confirm; each owes a report by return + the days in
 * force (abroad.members.ts, part of this service); closing records who completed, and on their
 * record the programme's qualification (source "abroad"). Every change writes its audit row in the
 * same transaction.
 */
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type CreateDelegationBody,
  DELEGATION_STATUS_LABELS,
  type DelegationListQuery,
  type DelegationStatusBody,
  type UpdateDelegationBody,
} from '../../../contracts/abroad';
import { foldText } from '../../../contracts/text';
import type { Db } from '../../db/client';
import { abroadDelegations } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { AppError, conflict, fieldError, invalid } from '../../lib/errors';
import { getUnitInScope, requirePermission } from '../../lib/scope';
import { onUniqueViolation } from '../../lib/unique-keys';
import { delegationAccess, summaryOf } from './abroad.access';
import { checkDelegationRefs } from './abroad.checks';
import { createAbroadMembersService } from './abroad.members';
import { delegationVisibleSql, pageDelegations } from './abroad.queries';
import { canMove, detailsEditable } from './abroad.rules';
import { completeMembers } from './abroad.view';

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
  const { visible, manageable, detail } = delegationAccess(clock);

  return {
    async list(actor: Actor, query: z.infer<typeof DelegationListQuery>) {
      requirePermission(actor, 'abroad.read');
      const where = [delegationVisibleSql(actor)];
      if (query.year) where.push(sql`extract(year from d.departs_on) = ${query.year}`);
      if (query.status) where.push(sql`d.status = ${query.status}`);
      if (query.q?.trim()) {
        where.push(sql`d.search_name like ${`%${foldText(query.q.trim())}%`}`);
      }
      const { rows, total } = await pageDelegations(
        db,
        where,
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
        query.sort,
      );
      return { items: rows.map(summaryOf), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: number) {
      await visible(db, actor, id);
      return detail(db, actor, id);
    },

    async create(actor: Actor, body: z.infer<typeof CreateDelegationBody>) {
      requirePermission(actor, 'abroad.manage');
      const organiser = await getUnitInScope(db, actor, body.organiserUnitId ?? actor.scopeUnitId);
      await checkDelegationRefs(db, actor, { ...body, year: Number(body.departsOn.slice(0, 4)) });
      return db.transaction(async (tx) => {
        const [row] = await uniqueCode(() =>
          tx
            .insert(abroadDelegations)
            .values({
              ...body,
              programmeId: body.programmeId ?? null,
              planLineId: body.planLineId ?? null,
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
        // The line is checked again when the departure moves: it must stay of the departure year.
        const lineId = changes.planLineId === undefined ? d.planLineId : changes.planLineId;
        await checkDelegationRefs(tx, actor, {
          ...changes,
          planLineId: changes.planLineId !== undefined || changes.departsOn ? lineId : null,
          year: Number((changes.departsOn ?? d.departsOn).slice(0, 4)),
        });
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

    ...createAbroadMembersService({ db, clock }),
  };
}
