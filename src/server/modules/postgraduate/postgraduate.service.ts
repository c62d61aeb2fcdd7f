/**
 * Sponsored postgraduate study (ADR 016): records of the sponsoring unit's subtree, read with
 * `postgrad.read` and kept with `postgrad.manage`. Sending checks the POSTGRADUATE eligibility on
 * the start day (409 NEEDS_CONFIRMATION when not met, unless confirmed); graduating puts the
 * degree on the person's record (source "postgraduate"); leaving the service records the day the
 * repayment is computed from. Each change writes its audit row in the same transaction; the detail
 * is read after the commit (the eligibility engine reads through its own service).
 */
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CheckSponsorshipBody,
  CreateSponsorshipBody,
  LeaveBody,
  OutcomeBody,
  SponsorshipListQuery,
  UpdateSponsorshipBody,
} from '../../../contracts/postgraduate';
import { can } from '../../../contracts/roles';
import { foldText } from '../../../contracts/text';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { postgradSponsorships } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { AppError, conflict, type FieldError, fieldError, invalid, notFound } from '../../lib/errors';
import { pathWithin, requirePermission } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';
import { getVisiblePerson } from '../people/people.service';
import { planLineRefError } from '../plans/plan-line-ref';
import { recordLeave, recordOutcome } from './postgraduate.outcome';
import {
  findSponsorship,
  pageSponsorships,
  type SponsorshipRow,
  sponsorshipsOfPerson,
} from './postgraduate.queries';
import {
  commitmentView,
  eligibilityOn,
  multiplierOn,
  presentSponsorship,
  summaryOf,
} from './postgraduate.view';

const SPONSORSHIP = { vi: 'hồ sơ cử đi học sau đại học', en: 'Sponsorship' };

/**
 * The institution fields an update writes (ADR 023): a catalogue institution named replaces a typed
 * name; a typed name is taken only when no catalogue institution is (or stays) chosen, so naming
 * `institutionName` alone never clears `institutionId` behind the request's back.
 */
function institutionChange(
  before: { institutionId: number | null; institutionName: string | null },
  changes: { institutionId?: number | null; institutionName?: string | null },
): { institutionId?: number | null; institutionName?: string | null } {
  if (changes.institutionId) return { institutionId: changes.institutionId, institutionName: null };
  if (changes.institutionId === null)
    return { institutionId: null, institutionName: changes.institutionName ?? before.institutionName };
  if (changes.institutionName === undefined) return {};
  if (before.institutionId !== null && changes.institutionName !== null)
    throw invalid([
      fieldError(
        'institutionName',
        'hồ sơ đang chọn cơ sở trong danh mục: gửi kèm institutionId: null để ghi tên cơ sở khác',
        'a catalogue institution is chosen: send institutionId: null with the name to type another one',
      ),
    ]);
  return { institutionName: changes.institutionName };
}

export function createPostgraduateService({ db, clock }: { db: Db; clock: Clock }) {
  const manageable = (actor: Actor, s: SponsorshipRow) =>
    can(actor.role, 'postgrad.manage') && pathWithin(s.unitPath, actor.scopePath);

  async function visible(q: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'postgrad.read');
    const s = await findSponsorship(q, id);
    if (!s || !pathWithin(s.unitPath, actor.scopePath)) throw notFound(SPONSORSHIP);
    return s;
  }

  async function lockManageable(q: Queryable, actor: Actor, id: number) {
    requirePermission(actor, 'postgrad.manage');
    await q.execute(sql`select id from postgrad_sponsorships where id = ${id} for update`);
    const s = await visible(q, actor, id);
    if (!manageable(actor, s)) throw new AppError('FORBIDDEN');
    return s;
  }

  async function checkRefs(
    q: Queryable,
    actor: Actor,
    b: {
      institutionId?: number | null;
      institutionName?: string | null;
      funding?: Record<string, number>;
      /** With the start year it must match. */
      planLineId?: number | null;
      year?: number;
    },
    needInstitution: boolean,
  ) {
    const errors: FieldError[] = [];
    if (b.institutionId) {
      const [i] = rowsOf<{ ownerPath: string }>(
        await q.execute(sql`select u.path::text as "ownerPath" from institutions i
          join org_units u on u.id = i.owner_unit_id where i.id = ${b.institutionId}`),
      );
      if (!i || !(pathWithin(actor.scopePath, i.ownerPath) || pathWithin(i.ownerPath, actor.scopePath)))
        errors.push(
          fieldError('institutionId', 'không có trong danh mục cơ sở đào tạo', 'is not a known institution'),
        );
    } else if (needInstitution && !b.institutionName)
      errors.push(
        fieldError(
          'institutionName',
          'chọn cơ sở đào tạo hoặc ghi tên cơ sở',
          'pick an institution or type its name',
        ),
      );
    if (b.planLineId && b.year) {
      const e = await planLineRefError(q, actor, b.planLineId, 'POSTGRADUATE', b.year);
      if (e) errors.push(e);
    }
    if (b.funding)
      errors.push(
        ...(await findUnknownCodes(
          q,
          Object.keys(b.funding).map((code) => ({ field: `funding.${code}`, list: 'funding_source', code })),
        )),
      );
    if (errors.length) throw invalid(errors);
  }

  async function detail(actor: Actor, id: number) {
    const s = await visible(db, actor, id);
    return presentSponsorship(db, db, clock, actor, s, manageable(actor, s));
  }

  return {
    async list(actor: Actor, query: z.infer<typeof SponsorshipListQuery>) {
      requirePermission(actor, 'postgrad.read');
      const where = [sql`u.path <@ ${actor.scopePath}::ltree`];
      if (query.status) where.push(sql`s.status = ${query.status}`);
      if (query.level) where.push(sql`s.level = ${query.level}`);
      if (query.q?.trim()) {
        const like = `%${foldText(query.q.trim())}%`;
        where.push(sql`(p.search_name like ${like} or s.search_text like ${like})`);
      }
      const { rows, total } = await pageSponsorships(
        db,
        where,
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
        query.sort,
      );
      return { items: rows.map(summaryOf), total, page: query.page, pageSize: query.pageSize };
    },

    get: detail,

    /** Eligibility on the start day and the commitment it would carry, before sending. */
    async check(actor: Actor, body: z.infer<typeof CheckSponsorshipBody>) {
      requirePermission(actor, 'postgrad.manage');
      const p = await getVisiblePerson(db, actor, body.personId);
      await multiplierOn(db, body.startsOn, p.unitPath);
      const eligibility = await eligibilityOn(db, clock, actor, body.personId, body.startsOn);
      const commitment = body.expectedEndsOn
        ? await commitmentView(
            db,
            {
              startsOn: body.startsOn,
              expectedEndsOn: body.expectedEndsOn,
              actualEndsOn: null,
              status: 'studying',
              leftOn: null,
              unitPath: p.unitPath,
            },
            todayOf(clock),
          )
        : null;
      return {
        eligibility,
        commitment: commitment && {
          multiplier: commitment.multiplier,
          studyMonths: commitment.studyMonths,
          basis: commitment.basis,
          committedMonths: commitment.committedMonths,
          startsOn: commitment.startsOn,
          endsOn: commitment.endsOn,
          servedMonths: null,
          legalSource: commitment.legalSource,
        },
      };
    },

    async create(actor: Actor, body: z.infer<typeof CreateSponsorshipBody>) {
      requirePermission(actor, 'postgrad.manage');
      const p = await getVisiblePerson(db, actor, body.personId);
      await checkRefs(db, actor, { ...body, year: Number(body.startsOn.slice(0, 4)) }, true);
      // Checked before anything is written: the commitment needs a rule in force on the start day.
      await multiplierOn(db, body.startsOn, p.unitPath);
      const eligibility = await eligibilityOn(db, clock, actor, body.personId, body.startsOn);
      if (!eligibility.eligible && !body.confirm)
        throw new AppError('NEEDS_CONFIRMATION', {
          message: {
            vi: 'Người này chưa đủ điều kiện cử đi đào tạo sau đại học vào ngày bắt đầu học; xem và xác nhận.',
            en: 'This person does not meet the postgraduate conditions on the start day; read and confirm.',
          },
          details: { eligibility },
        });
      const id = await db.transaction(async (tx) => {
        const { confirm: _, personId, ...fields } = body;
        const [row] = await tx
          .insert(postgradSponsorships)
          .values({
            ...fields,
            personId,
            unitId: p.person.unitId,
            institutionId: body.institutionId ?? null,
            institutionName: body.institutionId ? null : (body.institutionName ?? null),
            searchText: foldText(`${body.field} ${body.country} ${body.institutionName ?? ''}`),
            eligibleAtStart: eligibility.eligible,
          })
          .returning();
        await audit(tx, actor, {
          action: 'postgrad.create',
          entity: 'postgrad_sponsorship',
          entityId: row.id,
          summary: `${p.person.fullName}: ${row.level} ${row.field}${eligibility.eligible ? '' : ' (chưa đủ điều kiện, đã xác nhận)'}`,
          scopePath: p.unitPath,
          after: row,
        });
        return row.id;
      });
      return detail(actor, id);
    },

    async update(actor: Actor, id: number, body: z.infer<typeof UpdateSponsorshipBody>) {
      await db.transaction(async (tx) => {
        const s = await lockManageable(tx, actor, id);
        if (body.version !== s.version)
          throw conflict(
            'Người khác đã sửa hồ sơ này trước bạn; hãy tải lại rồi sửa.',
            'Someone changed this record before you; reload and edit again.',
          );
        const { version: _, ...changes } = body;
        if ((changes.startsOn ?? s.startsOn) >= (changes.expectedEndsOn ?? s.expectedEndsOn))
          throw invalid([
            fieldError('expectedEndsOn', 'phải sau ngày bắt đầu học', 'must be after the start date'),
          ]);
        // The line is checked again when the start moves: it must stay of the start year.
        const lineId = changes.planLineId === undefined ? s.planLineId : changes.planLineId;
        await checkRefs(
          tx,
          actor,
          {
            ...changes,
            planLineId: changes.planLineId !== undefined || changes.startsOn ? lineId : null,
            year: Number((changes.startsOn ?? s.startsOn).slice(0, 4)),
          },
          false,
        );
        if (changes.startsOn) await multiplierOn(tx, changes.startsOn, s.unitPath);
        const [before] = await tx.select().from(postgradSponsorships).where(eq(postgradSponsorships.id, id));
        const institution = institutionChange(before, changes);
        const chosen = { ...before, ...institution };
        if (chosen.institutionId === null && !chosen.institutionName)
          throw invalid([
            fieldError(
              'institutionName',
              'chọn cơ sở đào tạo hoặc ghi tên cơ sở',
              'pick an institution or type its name',
            ),
          ]);
        const [after] = await tx
          .update(postgradSponsorships)
          .set({
            ...changes,
            ...institution,
            searchText: foldText(
              `${changes.field ?? before.field} ${changes.country ?? before.country} ${institution.institutionName ?? before.institutionName ?? ''}`,
            ),
            version: s.version + 1,
            updatedAt: clock.now(),
          })
          .where(eq(postgradSponsorships.id, id))
          .returning();
        const diff = changedFields(before as Record<string, unknown>, after as Record<string, unknown>);
        await audit(tx, actor, {
          action: 'postgrad.update',
          entity: 'postgrad_sponsorship',
          entityId: id,
          summary: `${s.fullName}: ${after.level} ${after.field}`,
          scopePath: s.unitPath,
          before: diff.before,
          after: diff.after,
          request: namedIn(body),
        });
      });
      return detail(actor, id);
    },

    /** End the study: graduated (the degree goes on the record), ended without a diploma, dropped out. */
    async outcome(actor: Actor, id: number, body: z.infer<typeof OutcomeBody>) {
      await db.transaction(async (tx) =>
        recordOutcome(tx, actor, clock, await lockManageable(tx, actor, id), body),
      );
      return detail(actor, id);
    },

    /** The person leaves the service on a day: the repayment is computed from it. */
    async leave(actor: Actor, id: number, body: z.infer<typeof LeaveBody>) {
      await db.transaction(async (tx) =>
        recordLeave(tx, actor, clock, await lockManageable(tx, actor, id), body),
      );
      return detail(actor, id);
    },

    /** The sponsorships on a person's record the actor may see (a learner: their own). */
    async ofPerson(actor: Actor, personId: number) {
      if (actor.role !== 'learner') requirePermission(actor, 'postgrad.read');
      await getVisiblePerson(db, actor, personId);
      const rows = await sponsorshipsOfPerson(db, personId);
      return {
        items: rows
          .filter((s) => actor.role === 'learner' || pathWithin(s.unitPath, actor.scopePath))
          .map(summaryOf),
      };
    },
  };
}
