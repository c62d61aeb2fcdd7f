import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { RewardDisciplineBody } from '../../../contracts/ratings';
import type { Db } from '../../db/client';
import { rewardsDiscipline } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { fieldError, invalid, notFound } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';
import { getVisiblePerson } from '../people/people.service';
import { assertFormApplies } from './discipline-applies';
import { listRewards } from './ratings.queries';

type Row = typeof rewardsDiscipline.$inferSelect;
const NOT_FOUND = { vi: 'quyết định khen thưởng, kỷ luật', en: 'Reward or discipline record' };

const present = (r: Row) => ({
  ...r,
  kind: r.kind as 'reward' | 'discipline',
  createdAt: r.createdAt.toISOString(),
});

/** Rewards for excellence and disciplinary measures of a person, with the decision. */
export function createRewardsService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, personId: number) {
      await getVisiblePerson(db, actor, personId);
      return { items: (await listRewards(db, personId)).map(present) };
    },

    async create(actor: Actor, personId: number, body: z.infer<typeof RewardDisciplineBody>) {
      requirePermission(actor, 'ratings.write');
      return db.transaction(async (tx) => {
        const person = await getVisiblePerson(tx, actor, personId);
        const list = body.kind === 'reward' ? 'reward_form' : 'discipline_form';
        const unknown = await findUnknownCodes(tx, [{ field: 'form', list, code: body.form }]);
        if (unknown.length) throw invalid(unknown);
        // A form for some staff only (Bãi nhiệm: cadres), by the category held that day (ADR 063).
        await assertFormApplies(tx, list, body.form, personId, body.decidedOn);
        const born = person.person.birthDate;
        if (born && body.decidedOn <= born)
          throw invalid([fieldError('decidedOn', 'phải sau ngày sinh', 'must be after the birth date')]);
        const [row] = await tx
          .insert(rewardsDiscipline)
          .values({ ...body, personId })
          .returning();
        await audit(tx, actor, {
          action: `${body.kind}.create`,
          entity: 'reward_discipline',
          entityId: row.id,
          summary: `${person.person.fullName}: ${row.form} ${row.decidedOn}`,
          scopePath: person.unitPath,
          after: row,
        });
        return present(row);
      });
    },

    async remove(actor: Actor, id: number) {
      requirePermission(actor, 'ratings.write');
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(rewardsDiscipline).where(eq(rewardsDiscipline.id, id));
        if (!row) throw notFound(NOT_FOUND);
        const person = await getVisiblePerson(tx, actor, row.personId).catch(() => {
          throw notFound(NOT_FOUND);
        });
        await tx.delete(rewardsDiscipline).where(eq(rewardsDiscipline.id, id));
        await audit(tx, actor, {
          action: `${row.kind}.delete`,
          entity: 'reward_discipline',
          entityId: row.id,
          summary: `${person.person.fullName}: ${row.form} ${row.decidedOn}`,
          scopePath: person.unitPath,
          before: row,
        });
        return { ok: true as const };
      });
    },
  };
}
