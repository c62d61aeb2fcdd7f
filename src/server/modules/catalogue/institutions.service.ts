/** Training institutions: list, read, add, change, deactivate (ADR 009). */
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateInstitutionBody,
  InstitutionsQuery,
  UpdateInstitutionBody,
} from '../../../contracts/institutions';
import type { Db, Queryable } from '../../db/client';
import { institutions } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import { fieldError, invalid } from '../../lib/errors';
import { getUnitInScope, requirePermission } from '../../lib/scope';
import { uniqueAsField } from '../../lib/unique-keys';
import { findUnknownCodes } from '../codes/codes.service';
import { assertEditable, assertVisible, ownerEditable } from './catalogue.policy';
import {
  findInstitution,
  type InstitutionRow,
  institutionSearchName,
  listInstitutions,
} from './institutions.queries';

const INSTITUTION = { vi: 'cơ sở đào tạo', en: 'Institution' };
const NAME_TAKEN = {
  vi: 'đơn vị đã có cơ sở đào tạo mang tên này',
  en: 'the unit already has an institution of this name',
};
const UNIT_TAKEN = {
  vi: 'đơn vị này đã gắn với cơ sở đào tạo khác',
  en: 'this unit is already linked to another institution',
};

function present(actor: Actor, r: InstitutionRow) {
  const { ownerPath, ...rest } = r;
  return { ...rest, editable: ownerEditable(actor, ownerPath, 'catalogue.write') };
}

/** Saving may violate either unique index: each becomes a 400 on its field. */
function guarded<T>(fn: () => Promise<T>): Promise<T> {
  return uniqueAsField(
    () => uniqueAsField(fn, 'institutions_owner_name_uq', 'name', NAME_TAKEN),
    'institutions_org_unit_uq',
    'orgUnitId',
    UNIT_TAKEN,
  );
}

async function assertValid(q: Queryable, actor: Actor, body: { kind?: string; orgUnitId?: number | null }) {
  const errors = await findUnknownCodes(q, [{ field: 'kind', list: 'institution_kind', code: body.kind }]);
  if (body.orgUnitId) {
    // Only a unit of the actor's own subtree can be declared to be the institution.
    const ok = await getUnitInScope(q, actor, body.orgUnitId).then(
      () => true,
      () => false,
    );
    if (!ok) errors.push(fieldError('orgUnitId', 'không có trong phạm vi của bạn', 'is not in your scope'));
  }
  if (errors.length) throw invalid(errors);
}

export function createInstitutionService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, query: z.infer<typeof InstitutionsQuery>) {
      requirePermission(actor, 'catalogue.read');
      const { items, total } = await listInstitutions(db, actor, query);
      return {
        items: items.map((r) => present(actor, r)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get(actor: Actor, id: number) {
      return present(actor, assertVisible(actor, await findInstitution(db, id), INSTITUTION));
    },

    async create(actor: Actor, body: z.infer<typeof CreateInstitutionBody>) {
      requirePermission(actor, 'catalogue.write');
      await assertValid(db, actor, body);
      return guarded(() =>
        db.transaction(async (tx) => {
          const [row] = await tx
            .insert(institutions)
            .values({ ...body, ownerUnitId: actor.scopeUnitId, searchName: institutionSearchName(body) })
            .returning({ id: institutions.id });
          const saved = (await findInstitution(tx, row.id))!;
          await audit(tx, actor, {
            action: 'institution.create',
            entity: 'institution',
            entityId: row.id,
            summary: body.name,
            scopePath: saved.ownerPath,
            after: body,
          });
          return present(actor, saved);
        }),
      );
    },

    async update(actor: Actor, id: number, body: z.infer<typeof UpdateInstitutionBody>) {
      requirePermission(actor, 'catalogue.write');
      return guarded(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`select id from institutions where id = ${id} for update`);
          const before = assertEditable(actor, await findInstitution(tx, id), 'catalogue.write', INSTITUTION);
          await assertValid(tx, actor, { kind: body.kind ?? before.kind, orgUnitId: body.orgUnitId });
          const diff = changedFields(before as unknown as Record<string, unknown>, body);
          if (!diff.changed) return present(actor, before);
          const name = body.name ?? before.name;
          const shortName = body.shortName === undefined ? before.shortName : body.shortName;
          await tx
            .update(institutions)
            .set({ ...body, searchName: institutionSearchName({ name, shortName }), updatedAt: sql`now()` })
            .where(eq(institutions.id, id));
          await audit(tx, actor, {
            action: 'institution.update',
            entity: 'institution',
            entityId: id,
            summary: name,
            scopePath: before.ownerPath,
            before: diff.before,
            after: diff.after,
            request: namedIn(body),
          });
          return present(actor, (await findInstitution(tx, id))!);
        }),
      );
    },
  };
}
