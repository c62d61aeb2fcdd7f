/** Certificate registers (ADR 014): list what the actor keeps, open one for an institution or a unit, change it. */
import { eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  REGISTER_BOOK_SORT_KEYS,
  RegisterBody,
  RegisterCertificatesQuery,
  UpdateRegisterBody,
} from '../../../contracts/certificates';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { certificateRegisters } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, fieldError, invalid } from '../../lib/errors';
import { getUnitInScope, pathWithin, requirePermission } from '../../lib/scope';
import { sortedBy } from '../../lib/sort';
import { isUniqueViolation } from '../../lib/unique-keys';
import { viOrder } from '../../lib/vi-sort';
import { peekNextNumber } from './certificates.issue';
import { assertRegisterManageable, registerManageableSql } from './certificates.policy';
import { findRegister, type RegisterRow, selectCertificates, selectRegisters } from './certificates.queries';

/** A register's book sorted by a column: the number in the order numbered, names by given name. */
const BOOK_SORT_EXPRS: Record<(typeof REGISTER_BOOK_SORT_KEYS)[number], SQL> = {
  number: sql`c.id`,
  holderName: sql`p.sort_key collate "C"`,
  issuedOn: sql`c.issued_on`,
  programmeName: viOrder(sql`c.programme_name`),
};

const TAKEN = new AppError('CONFLICT', {
  message: {
    vi: 'Cơ sở đào tạo (hoặc đơn vị) này đã có sổ cấp chứng chỉ.',
    en: 'This institution (or unit) already has a certificate register.',
  },
});

export function createRegisterService({ db, clock }: { db: Db; clock: Clock }) {
  const year = () => Number(todayOf(clock).slice(0, 4));
  const present = async (q: Queryable, r: RegisterRow) => {
    const { unitPath: _u, institutionUnitPath: _iu, institutionOwnerPath: _io, ...rest } = r;
    return { ...rest, nextNumber: await peekNextNumber(q, r, year()) };
  };

  return {
    async list(actor: Actor) {
      requirePermission(actor, 'classes.manage');
      const rows = await selectRegisters(db, registerManageableSql(actor));
      return { items: await Promise.all(rows.map((r) => present(db, r))) };
    },

    /** One page of a register's book: its certificates in the order they were numbered. */
    async certificates(
      actor: Actor,
      id: number,
      query: z.infer<typeof RegisterCertificatesQuery>,
      page: { page: number; pageSize: number },
    ) {
      const r = assertRegisterManageable(actor, await findRegister(db, id));
      const where = [sql`c.register_id = ${r.id}`];
      if (query.year) where.push(sql`extract(year from c.issued_on) = ${query.year}`);
      if (query.status) where.push(sql`c.status = ${query.status}`);
      const order = sortedBy(query.sort, BOOK_SORT_EXPRS, sql`c.issued_on, c.id`);
      const items = await selectCertificates(db, sql.join(where, sql` and `), order, {
        limit: page.pageSize,
        offset: (page.page - 1) * page.pageSize,
      });
      return { register: r, items };
    },

    /** Institutions the actor keeps without a register yet, and the actor's own unit if it has none. */
    async owners(actor: Actor) {
      requirePermission(actor, 'classes.manage');
      const s = sql`${actor.scopePath}::ltree`;
      const institutions = rowsOf<{ id: number; name: string }>(
        await db.execute(sql`select i.id, i.name from institutions i
          join org_units io on io.id = i.owner_unit_id left join org_units iu on iu.id = i.org_unit_id
          where i.active and (io.path <@ ${s} or iu.path <@ ${s})
            and not exists (select 1 from certificate_registers r where r.institution_id = i.id)
          order by ${viOrder(sql`i.name`)}, i.id`),
      );
      const units = rowsOf<{ id: number; name: string }>(
        await db.execute(sql`select u.id, u.name from org_units u where u.id = ${actor.scopeUnitId}
          and not exists (select 1 from certificate_registers r where r.org_unit_id = u.id)`),
      );
      return { institutions, units };
    },

    async create(actor: Actor, body: z.infer<typeof RegisterBody>) {
      requirePermission(actor, 'classes.manage');
      let scopePath: string;
      if (body.institutionId) {
        const [inst] = rowsOf<{ ownerPath: string; unitPath: string | null }>(
          await db.execute(sql`select io.path::text as "ownerPath", iu.path::text as "unitPath"
            from institutions i join org_units io on io.id = i.owner_unit_id
            left join org_units iu on iu.id = i.org_unit_id where i.id = ${body.institutionId}`),
        );
        const mine =
          inst &&
          (pathWithin(inst.ownerPath, actor.scopePath) ||
            (inst.unitPath !== null && pathWithin(inst.unitPath, actor.scopePath)));
        if (!mine)
          throw invalid([
            fieldError('institutionId', 'không có trong phạm vi của bạn', 'is not in your scope'),
          ]);
        scopePath = inst.unitPath ?? inst.ownerPath;
      } else scopePath = (await getUnitInScope(db, actor, body.orgUnitId!)).path;
      return db.transaction(async (tx) => {
        let id: number;
        try {
          [{ id }] = await tx
            .insert(certificateRegisters)
            .values({ ...body, institutionId: body.institutionId ?? null, orgUnitId: body.orgUnitId ?? null })
            .returning({ id: certificateRegisters.id });
        } catch (err) {
          if (
            isUniqueViolation(err, 'certificate_registers_institution_uq') ||
            isUniqueViolation(err, 'certificate_registers_unit_uq')
          )
            throw TAKEN;
          throw err;
        }
        await audit(tx, actor, {
          action: 'certificate_register.create',
          entity: 'certificate_register',
          entityId: id,
          summary: `${body.schoolCode} ${body.pattern}`,
          scopePath,
          after: body,
        });
        return present(tx, (await findRegister(tx, id))!);
      });
    },

    async update(actor: Actor, id: number, body: z.infer<typeof UpdateRegisterBody>) {
      return db.transaction(async (tx) => {
        const r = assertRegisterManageable(actor, await findRegister(tx, id));
        const [before] = await tx.select().from(certificateRegisters).where(eq(certificateRegisters.id, id));
        const [after] = await tx
          .update(certificateRegisters)
          .set({ ...body, updatedAt: clock.now() })
          .where(eq(certificateRegisters.id, id))
          .returning();
        const diff = changedFields(before as Record<string, unknown>, after as Record<string, unknown>);
        await audit(tx, actor, {
          action: 'certificate_register.update',
          entity: 'certificate_register',
          entityId: id,
          summary: `${after.schoolCode} ${after.pattern}`,
          scopePath: r.unitPath ?? r.institutionUnitPath ?? r.institutionOwnerPath,
          before: diff.before,
          after: diff.after,
          request: namedIn(body),
        });
        return present(tx, (await findRegister(tx, id))!);
      });
    },
  };
}
