/**
 * Multi-year programmes ("Đề án ... giai đoạn 2026-2030"): issued by the actor's scope unit, with
 * targets per year or for the whole period. Visible to the subtree below the issuing unit (their
 * plans refer to it) and to the units above it.
 */
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateMultiyearBody, MultiyearQuery, UpdateMultiyearBody } from '../../../contracts/plans';
import { foldText } from '../../../contracts/text';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { multiyearProgrammes, multiyearTargets } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import { AppError, type FieldError, fieldError, invalid, notFound } from '../../lib/errors';
import { pathWithin, requirePermission } from '../../lib/scope';
import { isUniqueViolation } from '../../lib/unique-keys';
import { findUnknownCodes } from '../codes/codes.service';
import { levelListOfProgramme } from '../needs/needs.proposals.service';

const MULTIYEAR_NOT_FOUND = { vi: 'chương trình, đề án', en: 'Multi-year programme' };

interface MultiyearRow {
  id: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  code: string;
  name: string;
  fromYear: number;
  toYear: number;
  decisionNo: string | null;
  decisionDate: string | null;
  status: 'draft' | 'issued' | 'closed';
  note: string | null;
  plans: number;
  createdAt: string;
}

const COLUMNS = sql`m.id, m.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", m.code, m.name,
  m.from_year as "fromYear", m.to_year as "toYear", m.decision_no as "decisionNo",
  m.decision_date::text as "decisionDate", m.status, m.note, m.created_at as "createdAt",
  (select count(*) from annual_plans p where p.multiyear_id = m.id)::int as plans`;

async function selectMultiyear(q: Queryable, where: ReturnType<typeof sql>) {
  const rows = rowsOf<MultiyearRow>(
    await q.execute(sql`select ${COLUMNS} from multiyear_programmes m join org_units u on u.id = m.unit_id
      where ${where} order by m.from_year desc, m.id desc`),
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

/** A programme issued in the actor's subtree or by a unit above it, else 404. */
export async function getVisibleMultiyear(q: Queryable, actor: Actor, id: number) {
  const [m] = await selectMultiyear(q, sql`m.id = ${id}`);
  if (!m || !(pathWithin(m.unitPath, actor.scopePath) || pathWithin(actor.scopePath, m.unitPath)))
    throw notFound(MULTIYEAR_NOT_FOUND);
  return m;
}

type Target = z.infer<typeof CreateMultiyearBody>['targets'][number];

async function checkTargets(q: Queryable, targets: Target[], fromYear: number, toYear: number) {
  const errors: FieldError[] = await findUnknownCodes(
    q,
    targets.flatMap((t, i) => [
      { field: `targets.${i}.programmeKind`, list: 'programme_kind', code: t.programmeKind },
      { field: `targets.${i}.level`, list: levelListOfProgramme(t.programmeKind), code: t.level },
    ]),
  );
  targets.forEach((t, i) => {
    if (t.year != null && (t.year < fromYear || t.year > toYear))
      errors.push(
        fieldError(`targets.${i}.year`, 'ngoài giai đoạn của chương trình', 'is outside the period'),
      );
  });
  if (errors.length) throw invalid(errors);
}

async function writeTargets(q: Queryable, programmeId: number, targets: Target[]) {
  await q.delete(multiyearTargets).where(eq(multiyearTargets.programmeId, programmeId));
  if (targets.length)
    await q.insert(multiyearTargets).values(
      targets.map((t) => ({
        programmeId,
        year: t.year ?? null,
        programmeKind: t.programmeKind,
        level: t.level ?? null,
        trainees: t.trainees,
        classes: t.classes ?? null,
        note: t.note ?? null,
      })),
    );
}

/** Targets with what the linked annual plans (working versions) put against them. */
async function targetsOf(q: Queryable, id: number) {
  return rowsOf<{
    id: number;
    year: number | null;
    programmeKind: string;
    level: string | null;
    trainees: number;
    classes: number | null;
    note: string | null;
    planned: number;
  }>(
    await q.execute(sql`select t.id, t.year, t.programme_kind as "programmeKind", t.level, t.trainees, t.classes,
        t.note,
        coalesce((select sum(l.trainees) from annual_plans p join plan_lines l on l.plan_id = p.id
          where p.multiyear_id = t.programme_id and l.removed_at is null
            and l.programme_kind = t.programme_kind and (t.level is null or l.level = t.level)
            and (t.year is null or p.year = t.year)), 0)::int as planned
      from multiyear_targets t left join code_items k on k.list = 'programme_kind' and k.code = t.programme_kind
      where t.programme_id = ${id} order by t.year nulls first, coalesce(k.sort, 9999), t.level nulls first, t.id`),
  );
}

const codeTaken = (code: string) =>
  new AppError('CONFLICT', {
    message: {
      vi: `Đơn vị đã có chương trình mã "${code}".`,
      en: `The unit already has a programme with code "${code}".`,
    },
    fields: [fieldError('code', 'đã được dùng', 'is already used')],
  });

export function createMultiyearService({ db }: { db: Db }) {
  async function detail(q: Queryable, actor: Actor, id: number) {
    const { unitPath: _, ...m } = await getVisibleMultiyear(q, actor, id);
    return { ...m, targets: await targetsOf(q, id) };
  }

  return {
    detail: (actor: Actor, id: number) => {
      requirePermission(actor, 'plans.read');
      return detail(db, actor, id);
    },

    async list(actor: Actor, query: z.infer<typeof MultiyearQuery>) {
      requirePermission(actor, 'plans.read');
      const conds = [sql`(u.path <@ ${actor.scopePath}::ltree or ${actor.scopePath}::ltree <@ u.path)`];
      if (query.year) conds.push(sql`${query.year} between m.from_year and m.to_year`);
      if (query.status) conds.push(sql`m.status = ${query.status}`);
      const rows = await selectMultiyear(db, sql.join(conds, sql` and `));
      return { items: rows.map(({ unitPath: _, ...m }) => m) };
    },

    /** Issue a programme from the actor's scope unit (status draft until marked issued). */
    async create(actor: Actor, body: z.infer<typeof CreateMultiyearBody>) {
      requirePermission(actor, 'plans.manage');
      return db.transaction(async (tx) => {
        await checkTargets(tx, body.targets, body.fromYear, body.toYear);
        const { targets, ...fields } = body;
        const [row] = await tx
          .insert(multiyearProgrammes)
          .values({
            ...fields,
            decisionNo: fields.decisionNo ?? null,
            decisionDate: fields.decisionDate ?? null,
            note: fields.note ?? null,
            searchName: foldText(`${fields.code} ${fields.name}`),
            unitId: actor.scopeUnitId,
            createdBy: actor.userId || null,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) throw codeTaken(body.code);
        await writeTargets(tx, row.id, targets);
        await audit(tx, actor, {
          action: 'plans.multiyear.create',
          entity: 'multiyear_programme',
          entityId: row.id,
          summary: `${row.code}: ${row.name}`,
          scopePath: actor.scopePath,
          after: { ...row, targets },
        });
        return detail(tx, actor, row.id);
      });
    },

    /** Change fields, status or (all) targets of a programme issued in the actor's subtree. */
    async update(actor: Actor, id: number, body: z.infer<typeof UpdateMultiyearBody>) {
      requirePermission(actor, 'plans.manage');
      return db.transaction(async (tx) => {
        const m = await getVisibleMultiyear(tx, actor, id);
        if (!pathWithin(m.unitPath, actor.scopePath)) throw new AppError('FORBIDDEN');
        const fromYear = body.fromYear ?? m.fromYear;
        const toYear = body.toYear ?? m.toYear;
        if (toYear < fromYear)
          throw invalid([
            fieldError('toYear', 'không được trước năm bắt đầu', 'must not be before the first year'),
          ]);
        const { targets, ...fields } = body;
        if (targets) await checkTargets(tx, targets, fromYear, toYear);
        const diff = changedFields(m as unknown as Record<string, unknown>, fields);
        if (diff.changed) {
          const [row] = await tx
            .update(multiyearProgrammes)
            .set({
              ...fields,
              searchName: foldText(`${fields.code ?? m.code} ${fields.name ?? m.name}`),
              updatedAt: sql`now()`,
            })
            .where(eq(multiyearProgrammes.id, id))
            .returning()
            .catch((e: unknown) => {
              if (isUniqueViolation(e, 'multiyear_programmes_unit_code_uq'))
                throw codeTaken(fields.code ?? m.code);
              throw e;
            });
          if (!row) throw notFound(MULTIYEAR_NOT_FOUND);
        }
        if (targets) await writeTargets(tx, id, targets);
        await audit(tx, actor, {
          action: 'plans.multiyear.update',
          entity: 'multiyear_programme',
          entityId: id,
          summary: `${fields.code ?? m.code}: ${fields.name ?? m.name}`,
          scopePath: m.unitPath,
          before: diff.before,
          after: { ...diff.after, ...(targets ? { targets } : {}) },
          request: namedIn(body),
        });
        return detail(tx, actor, id);
      });
    },
  };
}
