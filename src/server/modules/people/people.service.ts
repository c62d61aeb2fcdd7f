import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreatePersonBody, PeopleQuery, UpdatePersonBody } from '../../../contracts/people';
import { personalIdWarnings } from '../../../contracts/personal-id';
import { foldText, nameSortKey } from '../../../contracts/text';
import type { Db, Queryable } from '../../db/client';
import { people, personHistory } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import {
  assertStillReset,
  audit,
  changedFields,
  namedIn,
  type RestoreOf,
  updateAction,
} from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, fieldError, invalid, notFound, refuseViolations } from '../../lib/errors';
import { getUnitInScope, pathWithin, requirePermission } from '../../lib/scope';
import { listXlsxStream } from '../../lib/xlsx-write';
import { categoryDateErrors } from '../codes/categories';
import { type CodeCheck, findUnknownCodes } from '../codes/codes.service';
import { checkPostFilters } from '../codes/post-filters';
import { EXPORT_COLUMNS, exportRows } from './people.export';
import { historyState, isHistoryField, recordHistory, repairHistory } from './people.history';
import { findPerson, listHistory, listPeople, type PeopleFilter } from './people.queries';
import { personDateViolations } from './people.rules';

type PersonRow = typeof people.$inferSelect;
const PERSON_NOT_FOUND = { vi: 'hồ sơ', en: 'Person' };

function codeChecks(b: Partial<z.infer<typeof CreatePersonBody>>): CodeCheck[] {
  return [
    { field: 'gender', list: 'gender', code: b.gender },
    { field: 'ethnicity', list: 'ethnicity', code: b.ethnicity },
    { field: 'category', list: 'category', code: b.category },
    { field: 'rank', list: 'rank', code: b.rank },
    { field: 'postCode', list: 'post', code: b.postCode },
    { field: 'leadershipTier', list: 'leadership_tier', code: b.leadershipTier },
    { field: 'managementAuthority', list: 'management_authority', code: b.managementAuthority },
    { field: 'status', list: 'status', code: b.status },
  ];
}

function toPerson(p: PersonRow, unitName: string, lang: 'vi' | 'en') {
  const warnings = personalIdWarnings(p.personalId, p.birthDate, p.gender).map((w) => ({
    code: w.code,
    message: w[lang],
  }));
  return { ...p, unitName, updatedAt: p.updatedAt.toISOString(), warnings };
}

async function assertPersonalIdFree(q: Queryable, personalId: string | null | undefined, exceptId?: number) {
  if (!personalId) return;
  const clash = await q
    .select({ id: people.id })
    .from(people)
    .where(
      exceptId
        ? and(eq(people.personalId, personalId), ne(people.id, exceptId))
        : eq(people.personalId, personalId),
    );
  if (clash.length)
    throw new AppError('DUPLICATE_PERSONAL_ID', {
      fields: [
        fieldError(
          'personalId',
          'đã có trong hồ sơ khác',
          'is already on another record',
          'PERSONAL_ID_EXISTS',
        ),
      ],
    });
}

/** The date rules of `personDateViolations` (shared with the staff-list import). */
function assertDateOrder(b: Parameters<typeof personDateViolations>[0]) {
  refuseViolations(personDateViolations(b));
}

/** Throws 404 unless the actor may see the person (subtree, or a learner's own record). */
export async function getVisiblePerson(q: Queryable, actor: Actor, id: number) {
  const row = await findPerson(q, id);
  if (!row) throw notFound(PERSON_NOT_FOUND);
  if (actor.role === 'learner') {
    if (actor.personId !== id) throw notFound(PERSON_NOT_FOUND);
  } else {
    requirePermission(actor, 'people.read');
    if (!pathWithin(row.unitPath, actor.scopePath)) throw notFound(PERSON_NOT_FOUND);
  }
  return row;
}

async function* counted<R>(rows: AsyncIterable<R>, onRow: (n: number) => void): AsyncGenerator<R> {
  let n = 0;
  for await (const r of rows) {
    yield r;
    onRow(++n);
  }
}

export function createPeopleService({ db, clock }: { db: Db; clock: Clock }) {
  /** The list filters, with the unit checked to lie in the actor's subtree (404 otherwise). */
  async function filterOf(
    actor: Actor,
    query: Omit<z.infer<typeof PeopleQuery>, 'page' | 'pageSize'>,
  ): Promise<PeopleFilter> {
    let unitPath: string | undefined;
    let unitId: number | undefined;
    // The post group is a code of its list (ADR 048): an unknown one is refused, not read as "nobody".
    await checkPostFilters(db, { postGroup: query.postGroup });
    if (query.unitId) {
      const unit = await getUnitInScope(db, actor, query.unitId);
      if (query.subtree === 'true') unitPath = unit.path;
      else unitId = unit.id;
    }
    return { ...query, scopePath: actor.scopePath, unitPath, unitId };
  }

  return {
    async list(actor: Actor, query: z.infer<typeof PeopleQuery>) {
      requirePermission(actor, 'people.read');
      const list = await listPeople(db, await filterOf(actor, query), query.page, query.pageSize, query.sort);
      return { ...list, page: query.page, pageSize: query.pageSize };
    },

    /**
     * The filtered list as a streamed .xlsx in the staff-list import layout; `onRow` hears each
     * row written (the CLI's progress bar).
     */
    async exportXlsx(
      actor: Actor,
      query: Omit<z.infer<typeof PeopleQuery>, 'page' | 'pageSize'>,
      onRow?: (written: number) => void,
    ) {
      requirePermission(actor, 'people.read');
      const filter = await filterOf(actor, query);
      return listXlsxStream({
        sheetName: 'Dữ liệu',
        columns: EXPORT_COLUMNS,
        rows: onRow ? counted(exportRows(db, filter), onRow) : exportRows(db, filter),
      });
    },

    async get(actor: Actor, id: number) {
      const row = await getVisiblePerson(db, actor, id);
      return toPerson(row.person, row.unitName, actor.lang);
    },

    async history(actor: Actor, id: number) {
      await getVisiblePerson(db, actor, id);
      return { items: await listHistory(db, id) };
    },

    async create(actor: Actor, body: z.infer<typeof CreatePersonBody>) {
      requirePermission(actor, 'people.write');
      const unknown = await findUnknownCodes(db, codeChecks(body));
      if (unknown.length) throw invalid(unknown);
      assertDateOrder(body);
      const from = body.effectiveDate ?? body.serviceStart ?? todayOf(clock);
      const dated = await categoryDateErrors(db, 'category', body.category, from);
      if (dated.length) throw invalid(dated);
      return db.transaction(async (tx) => {
        const unit = await getUnitInScope(tx, actor, body.unitId);
        if (unit.validTo)
          throw new AppError('UNIT_DISSOLVED', {
            fields: [fieldError('unitId', 'đơn vị đã giải thể', 'the unit is dissolved')],
          });
        await assertPersonalIdFree(tx, body.personalId);
        const { effectiveDate, ...values } = body;
        const [p] = await tx
          .insert(people)
          .values({
            ...values,
            personalId: values.personalId ?? null,
            searchName: foldText(values.fullName),
            sortKey: nameSortKey(values.fullName),
          })
          .returning();
        await tx.insert(personHistory).values({
          personId: p.id,
          validFrom: from,
          ...historyState(p),
          reason: 'Tạo hồ sơ',
          actorId: actor.userId,
        });
        await audit(tx, actor, {
          action: 'person.create',
          entity: 'person',
          entityId: p.id,
          summary: p.fullName,
          scopePath: unit.path,
          after: p,
        });
        return toPerson(p, unit.name, actor.lang);
      });
    },

    /** Only the fields named change (ADR 023); `restores` repairs a 0.1.0 reset (history corrected). */
    async update(
      actor: Actor,
      id: number,
      body: z.infer<typeof UpdatePersonBody>,
      opts: { restores?: RestoreOf } = {},
    ) {
      requirePermission(actor, 'people.write');
      const unknown = await findUnknownCodes(db, codeChecks(body));
      if (unknown.length) throw invalid(unknown);
      return db.transaction(async (tx) => {
        const current = await getVisiblePerson(tx, actor, id);
        const before = current.person;
        if (opts.restores) assertStillReset(before, opts.restores);
        const { effectiveDate, reason, version, ...changes } = body;
        const merged = { ...before, ...changes };
        assertDateOrder(merged);
        let unitName = current.unitName;
        let unitPath = current.unitPath;
        if (changes.unitId && changes.unitId !== before.unitId) {
          const unit = await getUnitInScope(tx, actor, changes.unitId);
          if (unit.validTo)
            throw new AppError('UNIT_DISSOLVED', {
              fields: [fieldError('unitId', 'đơn vị đã giải thể', 'the unit is dissolved')],
            });
          unitName = unit.name;
          unitPath = unit.path;
        }
        if (changes.personalId !== undefined) await assertPersonalIdFree(tx, changes.personalId, id);
        const diff = changedFields(
          before as unknown as Record<string, unknown>,
          changes as Record<string, unknown>,
        );
        // A category set by this change must be valid on the day it takes effect (ADR 043).
        if ('category' in diff.after) {
          const dated = await categoryDateErrors(
            tx,
            'category',
            changes.category,
            effectiveDate ?? todayOf(clock),
          );
          if (dated.length) throw invalid(dated);
        }
        if (!diff.changed) {
          if (before.version !== version) throw new AppError('CONFLICT');
          return toPerson(before, unitName, actor.lang);
        }
        const derived = changes.fullName
          ? { searchName: foldText(changes.fullName), sortKey: nameSortKey(changes.fullName) }
          : {};
        const [after] = await tx
          .update(people)
          .set({ ...changes, ...derived, version: before.version + 1, updatedAt: clock.now() })
          .where(and(eq(people.id, id), eq(people.version, version)))
          .returning();
        if (!after)
          throw new AppError('CONFLICT', {
            message: {
              vi: 'Hồ sơ vừa được người khác cập nhật. Hãy tải lại rồi sửa lại.',
              en: 'Someone else saved this record first. Reload and edit again.',
            },
          });
        const restores = opts.restores;
        if (restores)
          for (const f of Object.keys(diff.after).filter(isHistoryField))
            await repairHistory(tx, id, f, restores.resets[f], diff.after[f], restores.at);
        else if (Object.keys(diff.after).some(isHistoryField))
          await recordHistory(tx, after, effectiveDate ?? todayOf(clock), reason ?? null, actor.userId);
        await audit(tx, actor, {
          action: updateAction('person', restores),
          entity: 'person',
          entityId: id,
          summary: after.fullName,
          scopePath: unitPath,
          before: diff.before,
          after: diff.after,
          request: namedIn(body, restores ? { restores: restores.auditId } : {}),
        });
        return toPerson(after, unitName, actor.lang);
      });
    },
  };
}
