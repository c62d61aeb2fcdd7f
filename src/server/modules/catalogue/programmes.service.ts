/**
 * The programme catalogue: list, read (with overlapping programmes and the standards the
 * granted qualification satisfies), create, change, deactivate; overlap checks and report; the
 * overlap of a person with a programme, which the nomination work calls (ADR 009).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateProgrammeBody,
  OverlapCheckBody,
  OverlapReportQuery,
  PersonOverlap,
  ProgrammeDetail,
  ProgrammesQuery,
  UpdateProgrammeBody,
} from '../../../contracts/catalogue';
import type { Db, Queryable } from '../../db/client';
import { programmes } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { fieldError, invalid } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { uniqueAsField } from '../../lib/unique-keys';
import { getVisiblePerson } from '../people/people.service';
import { rankOf } from '../standards/codebook';
import { placeRules, rulesAt } from '../standards/rule-engine';
import { loadCodebook, loadRuleVersions } from '../standards/rules.queries';
import { assertEditable, assertVisible, ownerEditable } from './catalogue.policy';
import { heldContentOf, programmeForPerson } from './held-content';
import { overlapForPerson, overlapPairs, programmeOverlaps } from './overlap';
import {
  findProgramme,
  listProgrammes,
  loadCatalogueTopics,
  lockProgramme,
  type ProgrammeRow,
  programmeSearchName,
  replaceTopics,
  topicsOf,
} from './programmes.queries';
import { type ProgrammeInput, programmeCodeErrors, programmeShapeErrors } from './programmes.rules';

const PROGRAMME = { vi: 'chương trình', en: 'Programme' };
const CODE_TAKEN = {
  vi: 'đơn vị đã có chương trình mang mã này',
  en: 'the unit already has a programme with this code',
};

function summary(actor: Actor, r: ProgrammeRow) {
  const { ownerPath: _, legalBasis: _l, description: _d, createdAt: _c, updatedAt: _u, ...rest } = r;
  return { ...rest, editable: ownerEditable(actor, r.ownerPath, 'catalogue.write') };
}

function inputOf(r: ProgrammeRow, topics: ProgrammeInput['topics']): ProgrammeInput {
  return {
    code: r.code,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    kind: r.kind,
    level: r.level,
    periods: r.periods,
    mode: r.mode,
    grantsKind: r.grantsKind,
    grantsLevel: r.grantsLevel,
    organiserLevels: r.organiserLevels as ProgrammeInput['organiserLevels'],
    topics,
    legalBasis: r.legalBasis,
    description: r.description,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    active: r.active,
  };
}

async function assertValid(q: Queryable, p: ProgrammeInput): Promise<void> {
  const errors = programmeShapeErrors(p);
  errors.push(...(await programmeCodeErrors(q, p)));
  if (errors.length) throw invalid(errors);
}

async function assertCodeFree(q: Queryable, ownerUnitId: number, code: string, exceptId?: number) {
  const [clash] = await q
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.ownerUnitId, ownerUnitId), eq(programmes.code, code)));
  if (clash && clash.id !== exceptId) throw invalid([fieldError('code', CODE_TAKEN.vi, CODE_TAKEN.en)]);
}

export function createProgrammeService({ db, clock }: { db: Db; clock: Clock }) {
  /**
   * Standard rules governing the owner's units today whose qualification requirement the granted
   * qualification meets (same kind, level ranked at least the rule's minimum). Derived, not
   * stored, so a revised rule is reflected at once (ADR 009).
   */
  async function standardsSatisfied(
    q: Queryable,
    r: ProgrammeRow,
  ): Promise<ProgrammeDetail['standardsSatisfied']> {
    if (!r.grantsKind || !r.grantsLevel) return [];
    const all = await loadRuleVersions(q);
    const book = await loadCodebook(q);
    const granted = rankOf(book, r.grantsKind, r.grantsLevel);
    const out: ProgrammeDetail['standardsSatisfied'] = [];
    for (const rule of rulesAt(placeRules(all, todayOf(clock)), r.ownerPath)) {
      const req = rule.requirement;
      if (req.type !== 'qualification' || req.kind !== r.grantsKind) continue;
      const min = rankOf(book, req.kind, req.minLevel);
      if (req.minLevel !== r.grantsLevel && !(granted !== undefined && min !== undefined && granted >= min))
        continue;
      out.push({
        ruleId: rule.id,
        code: rule.code,
        titleVi: rule.titleVi,
        titleEn: rule.titleEn,
        minLevel: req.minLevel,
      });
    }
    return out;
  }

  async function detail(q: Queryable, actor: Actor, r: ProgrammeRow): Promise<ProgrammeDetail> {
    const topics = await topicsOf(q, r.id);
    const others = await loadCatalogueTopics(q, actor, { topicCodes: topics.map((t) => t.topicCode) });
    return {
      ...summary(actor, r),
      topics,
      legalBasis: r.legalBasis,
      description: r.description,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      overlaps: programmeOverlaps({ id: r.id, topics }, others),
      standardsSatisfied: await standardsSatisfied(q, r),
    };
  }

  return {
    async list(actor: Actor, query: z.infer<typeof ProgrammesQuery>) {
      requirePermission(actor, 'catalogue.read');
      const { items, total } = await listProgrammes(db, actor, query);
      return {
        items: items.map((r) => summary(actor, r)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get(actor: Actor, id: number) {
      const row = assertVisible(actor, await findProgramme(db, id), PROGRAMME);
      return detail(db, actor, row);
    },

    /** A new programme owned by the actor's scope unit; the answer lists overlapping programmes. */
    async create(actor: Actor, body: z.infer<typeof CreateProgrammeBody>) {
      requirePermission(actor, 'catalogue.write');
      await assertValid(db, body);
      return uniqueAsField(
        () =>
          db.transaction(async (tx) => {
            await assertCodeFree(tx, actor.scopeUnitId, body.code);
            const { topics, ...fields } = body;
            const [row] = await tx
              .insert(programmes)
              .values({
                ...fields,
                level: body.level ?? null,
                grantsKind: body.grantsKind ?? null,
                grantsLevel: body.grantsLevel ?? null,
                effectiveTo: body.effectiveTo ?? null,
                active: body.active ?? true,
                ownerUnitId: actor.scopeUnitId,
                searchName: programmeSearchName(body),
              })
              .returning({ id: programmes.id });
            await replaceTopics(tx, row.id, topics);
            const saved = (await findProgramme(tx, row.id))!;
            await audit(tx, actor, {
              action: 'programme.create',
              entity: 'programme',
              entityId: row.id,
              summary: `${body.code} ${body.nameVi}`,
              scopePath: saved.ownerPath,
              after: body,
            });
            return detail(tx, actor, saved);
          }),
        'programmes_owner_code_uq',
        'code',
        CODE_TAKEN,
      );
    },

    /** Change fields; `topics`, when given, replaces the whole ordered list. */
    async update(actor: Actor, id: number, body: z.infer<typeof UpdateProgrammeBody>) {
      requirePermission(actor, 'catalogue.write');
      return uniqueAsField(
        () =>
          db.transaction(async (tx) => {
            await lockProgramme(tx, id);
            const before = assertEditable(actor, await findProgramme(tx, id), 'catalogue.write', PROGRAMME);
            const beforeInput = inputOf(before, await topicsOf(tx, id));
            const merged: ProgrammeInput = { ...beforeInput, ...body };
            await assertValid(tx, merged);
            if (merged.code !== before.code) await assertCodeFree(tx, before.ownerUnitId, merged.code, id);
            const diff = changedFields(beforeInput as unknown as Record<string, unknown>, body);
            if (!diff.changed) return detail(tx, actor, before);
            const { topics, ...fields } = merged;
            await tx
              .update(programmes)
              .set({ ...fields, searchName: programmeSearchName(merged), updatedAt: sql`now()` })
              .where(eq(programmes.id, id));
            if (body.topics) await replaceTopics(tx, id, topics);
            await audit(tx, actor, {
              action: 'programme.update',
              entity: 'programme',
              entityId: id,
              summary: `${merged.code} ${merged.nameVi}`,
              scopePath: before.ownerPath,
              before: diff.before,
              after: diff.after,
              request: namedIn(body),
            });
            return detail(tx, actor, (await findProgramme(tx, id))!);
          }),
        'programmes_owner_code_uq',
        'code',
        CODE_TAKEN,
      );
    },

    /** Overlaps of topics typed in a form before it is saved. */
    async overlapCheck(actor: Actor, body: z.infer<typeof OverlapCheckBody>) {
      requirePermission(actor, 'catalogue.read');
      const topics = body.topics.map((t) => ({
        topicCode: t.topicCode,
        name: t.name ?? t.topicCode,
        periods: t.periods,
      }));
      const others = await loadCatalogueTopics(db, actor, { topicCodes: topics.map((t) => t.topicCode) });
      return { overlaps: programmeOverlaps({ id: body.excludeId, topics }, others) };
    },

    /** Every pair of active programmes the actor sees that share topics. */
    async overlapReport(actor: Actor, query: z.infer<typeof OverlapReportQuery>) {
      requirePermission(actor, 'catalogue.read');
      const catalogue = await loadCatalogueTopics(db, actor, { kind: query.kind });
      return { pairs: overlapPairs(catalogue, query.minPeriods) };
    },

    /**
     * Would sending `personId` to the programme repeat training? Reads the person's current
     * qualifications; the topics a qualification covered are those of the catalogue programmes
     * granting it. Completed classes join as `source: 'class'` content once classes exist.
     */
    async personOverlap(actor: Actor, id: number, personId: number): Promise<PersonOverlap> {
      const row = assertVisible(actor, await findProgramme(db, id), PROGRAMME);
      await getVisiblePerson(db, actor, personId);
      const book = await loadCodebook(db);
      const held = await heldContentOf(db, actor, [personId], {}, book);
      const result = overlapForPerson(held.get(personId) ?? [], await programmeForPerson(db, row, book));
      return { ...result, personId };
    },
  };
}
