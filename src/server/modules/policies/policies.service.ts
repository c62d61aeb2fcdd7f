/**
 * Reading and setting policy values (ADR 013): every code with the value in force for the actor's
 * unit and the versions that concern it (national, the units above, its own subtree); a training
 * officer sets the value of their unit's subtree from a date, which ends their previous one.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type NewPolicyValueBody,
  POLICY_CODES,
  POLICY_LABELS,
  POLICY_SCHEMAS,
  type PolicyCode,
  type PolicyList,
} from '../../../contracts/policies';
import { can } from '../../../contracts/roles';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { policyValues } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { policyAt } from './policies';

type Version = z.infer<typeof PolicyList>['items'][number]['versions'][number];

export function createPolicyService({ db, clock }: { db: Db; clock: Clock }) {
  async function versionsOf(q: Queryable, actor: Actor, code?: string): Promise<Version[]> {
    return rowsOf<Version>(
      await q.execute(sql`select v.id, v.code, v.owner_unit_id as "ownerUnitId", u.name as "ownerUnitName", v.value,
          v.effective_from::text as "effectiveFrom", v.effective_to::text as "effectiveTo",
          v.legal_source as "legalSource", v.note, v.built_in as "builtIn"
        from policy_values v left join org_units u on u.id = v.owner_unit_id
        where (v.owner_unit_id is null or ${actor.scopePath}::ltree <@ u.path or u.path <@ ${actor.scopePath}::ltree)
          and (${code ?? null}::text is null or v.code = ${code ?? null})
        order by v.code, v.effective_from, v.id`),
    ).map((v) => ({
      ...v,
      id: Number(v.id),
      ownerUnitId: v.ownerUnitId === null ? null : Number(v.ownerUnitId),
    }));
  }

  return {
    async list(actor: Actor, asOf?: string): Promise<z.infer<typeof PolicyList>> {
      requirePermission(actor, 'standards.read');
      const date = asOf ?? todayOf(clock);
      const all = await versionsOf(db, actor);
      const items = [];
      for (const code of POLICY_CODES) {
        const versions = all.filter((v) => v.code === code);
        const inForce = await policyAt(db, code, date, actor.scopePath).catch(() => null);
        items.push({
          code,
          label: POLICY_LABELS[code],
          current: inForce ? (versions.find((v) => v.id === inForce.id) ?? null) : null,
          versions,
        });
      }
      return { asOf: date, items, canWrite: can(actor.role, 'standards.write') };
    },

    /** The actor's unit's own value from a date; their open version ends that day. */
    async set(actor: Actor, code: string, body: z.infer<typeof NewPolicyValueBody>) {
      requirePermission(actor, 'standards.write');
      if (!(code in POLICY_SCHEMAS)) throw notFound({ vi: 'tham số', en: 'Policy' });
      const parsed = POLICY_SCHEMAS[code as PolicyCode].safeParse(body.value);
      if (!parsed.success)
        throw invalid(
          parsed.error.issues.map((i) =>
            fieldError(
              ['value', ...i.path].join('.'),
              'giá trị không hợp lệ',
              `invalid value (${i.message})`,
            ),
          ),
        );
      return db.transaction(async (tx) => {
        const own = rowsOf<{ id: number; effectiveFrom: string; effectiveTo: string | null }>(
          await tx.execute(sql`select id, effective_from::text as "effectiveFrom", effective_to::text as "effectiveTo"
            from policy_values where code = ${code} and owner_unit_id = ${actor.scopeUnitId} for update`),
        );
        if (own.some((o) => o.effectiveFrom >= body.effectiveFrom))
          throw new AppError('CONFLICT', {
            message: {
              vi: 'Đơn vị đã có giá trị từ ngày này hoặc sau đó; hãy chọn ngày sau giá trị mới nhất.',
              en: 'Your unit already has a value from this date or later; pick a later date.',
            },
            fields: [
              fieldError('effectiveFrom', 'trùng hoặc trước giá trị đã có', 'not after the latest value'),
            ],
          });
        await tx.execute(sql`update policy_values set effective_to = ${body.effectiveFrom}::date
          where code = ${code} and owner_unit_id = ${actor.scopeUnitId} and effective_to is null`);
        const [row] = await tx
          .insert(policyValues)
          .values({
            code,
            ownerUnitId: actor.scopeUnitId,
            value: parsed.data,
            effectiveFrom: body.effectiveFrom,
            legalSource: body.legalSource,
            note: body.note ?? null,
            createdBy: actor.userId || null,
          })
          .returning();
        await audit(tx, actor, {
          action: 'policy.set',
          entity: 'policy',
          entityId: row.id,
          summary: `${code} từ ${body.effectiveFrom}: ${JSON.stringify(parsed.data)}`,
          scopePath: actor.scopePath,
          after: row,
        });
        return (await versionsOf(tx, actor, code)).find((v) => v.id === row.id)!;
      });
    },
  };
}
