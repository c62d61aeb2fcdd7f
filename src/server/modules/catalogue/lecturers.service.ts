/**
 * Lecturers: internal (a person of the registry) or invited; degree, academic title, subjects,
 * institutions; periods taught per year (typed here; the classes work adds rows computed from
 * sessions, ADR 009).
 */
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { levelListOf } from '../../../contracts/codes';
import type {
  CreateLecturerBody,
  HoursBody,
  LecturerDetail,
  LecturersQuery,
  UpdateLecturerBody,
} from '../../../contracts/institutions';
import { nameSortKey } from '../../../contracts/text';
import type { Db, Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { lecturerHours, lecturerInstitutions, lecturers } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { type FieldError, fieldError, invalid } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { uniqueAsField } from '../../lib/unique-keys';
import { findUnknownCodes } from '../codes/codes.service';
import { getVisiblePerson } from '../people/people.service';
import { assertEditable, assertVisible, ownerEditable } from './catalogue.policy';
import {
  findLecturer,
  hoursOf,
  type LecturerRow,
  lecturerSearchName,
  listLecturers,
  visibleInstitutionIds,
} from './institutions.queries';

const LECTURER = { vi: 'giảng viên', en: 'Lecturer' };
const PERSON_TAKEN = {
  vi: 'người này đã có hồ sơ giảng viên',
  en: 'this person already has a lecturer record',
};

type Body = Partial<z.infer<typeof CreateLecturerBody>>;

function present(actor: Actor, r: LecturerRow) {
  const { ownerPath, personUnitName: _, ...rest } = r;
  return { ...rest, editable: ownerEditable(actor, ownerPath, 'lecturers.write') };
}

/** Subject strings: topic codes upper case (what class sessions will match), free text as typed. */
function normaliseSubjects(subjects: string[] | undefined): string[] | undefined {
  if (!subjects) return undefined;
  const out = subjects.map((s) => (/^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/.test(s) ? s.toUpperCase() : s));
  return [...new Set(out)];
}

async function codeAndLinkErrors(q: Queryable, actor: Actor, body: Body): Promise<FieldError[]> {
  const errors = await findUnknownCodes(q, [
    { field: 'degree', list: levelListOf('EDUCATION'), code: body.degree },
    { field: 'academicTitle', list: 'academic_title', code: body.academicTitle },
  ]);
  if (body.institutionIds?.length) {
    const seen = await visibleInstitutionIds(q, actor, body.institutionIds);
    body.institutionIds.forEach((id, i) => {
      if (!seen.has(id))
        errors.push(
          fieldError(`institutionIds[${i}]`, 'không tìm thấy cơ sở đào tạo', 'institution not found'),
        );
    });
  }
  return errors;
}

async function setInstitutions(q: Queryable, lecturerId: number, ids: number[] | undefined) {
  if (ids === undefined) return;
  await q.delete(lecturerInstitutions).where(eq(lecturerInstitutions.lecturerId, lecturerId));
  const unique = [...new Set(ids)];
  if (unique.length)
    await q
      .insert(lecturerInstitutions)
      .values(unique.map((institutionId) => ({ lecturerId, institutionId })));
}

export function createLecturerService({ db, clock }: { db: Db; clock: Clock }) {
  const year = () => Number(todayOf(clock).slice(0, 4));

  async function detail(q: Queryable, actor: Actor, r: LecturerRow): Promise<LecturerDetail> {
    return { ...present(actor, r), personUnitName: r.personUnitName, hours: await hoursOf(q, r.id) };
  }

  return {
    async list(actor: Actor, query: z.infer<typeof LecturersQuery>) {
      requirePermission(actor, 'catalogue.read');
      const { items, total } = await listLecturers(db, actor, query, year());
      return {
        items: items.map((r) => present(actor, r)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get(actor: Actor, id: number) {
      return detail(db, actor, assertVisible(actor, await findLecturer(db, id, year()), LECTURER));
    },

    async create(actor: Actor, body: z.infer<typeof CreateLecturerBody>) {
      requirePermission(actor, 'lecturers.write');
      const errors = await codeAndLinkErrors(db, actor, body);
      let fullName = body.fullName ?? null;
      if (body.kind === 'internal') {
        if (!body.personId)
          errors.push(
            fieldError('personId', 'bắt buộc với giảng viên cơ hữu', 'is required for an internal lecturer'),
          );
        else {
          const person = await getVisiblePerson(db, actor, body.personId).catch(() => null);
          if (!person)
            errors.push(
              fieldError('personId', 'không tìm thấy trong phạm vi của bạn', 'not found in your scope'),
            );
          else fullName = person.person.fullName;
        }
      } else {
        if (body.personId)
          errors.push(
            fieldError('personId', 'chỉ dùng cho giảng viên cơ hữu', 'only for internal lecturers'),
          );
        if (!fullName) errors.push(fieldError('fullName', 'bắt buộc nhập', 'is required'));
      }
      if (errors.length) throw invalid(errors);
      const subjects = normaliseSubjects(body.subjects) ?? [];
      return uniqueAsField(
        () =>
          db.transaction(async (tx) => {
            const { institutionIds, ...fields } = body;
            const [row] = await tx
              .insert(lecturers)
              .values({
                ...fields,
                personId: body.kind === 'internal' ? body.personId! : null,
                fullName: fullName!,
                subjects,
                ownerUnitId: actor.scopeUnitId,
                searchName: lecturerSearchName({ fullName: fullName!, workplace: body.workplace, subjects }),
                sortKey: nameSortKey(fullName!),
              })
              .returning({ id: lecturers.id });
            await setInstitutions(tx, row.id, institutionIds);
            const saved = (await findLecturer(tx, row.id, year()))!;
            await audit(tx, actor, {
              action: 'lecturer.create',
              entity: 'lecturer',
              entityId: row.id,
              summary: fullName!,
              scopePath: saved.ownerPath,
              after: { ...body, subjects },
            });
            return detail(tx, actor, saved);
          }),
        'lecturers_person_uq',
        'personId',
        PERSON_TAKEN,
      );
    },

    async update(actor: Actor, id: number, body: z.infer<typeof UpdateLecturerBody>) {
      requirePermission(actor, 'lecturers.write');
      return db.transaction(async (tx) => {
        await tx.execute(sql`select id from lecturers where id = ${id} for update`);
        const before = assertEditable(actor, await findLecturer(tx, id, year()), 'lecturers.write', LECTURER);
        const errors = await codeAndLinkErrors(tx, actor, body);
        if (before.kind === 'internal' && body.fullName)
          errors.push(fieldError('fullName', 'lấy theo hồ sơ cán bộ', 'comes from the person record'));
        if (before.kind === 'invited' && body.fullName === null)
          errors.push(fieldError('fullName', 'bắt buộc nhập', 'is required'));
        if (errors.length) throw invalid(errors);
        const subjects = normaliseSubjects(body.subjects);
        const change = { ...body, ...(subjects ? { subjects } : {}) };
        const { institutionIds, ...fields } = change;
        const comparable = { ...before, institutionIds: before.institutions.map((i) => i.id) };
        const diff = changedFields(comparable as unknown as Record<string, unknown>, change);
        if (!diff.changed) return detail(tx, actor, before);
        // The name of an internal lecturer follows the person record; refresh it on every change.
        const fullName = fields.fullName ?? before.fullName;
        const workplace = fields.workplace === undefined ? before.workplace : fields.workplace;
        await tx
          .update(lecturers)
          .set({
            ...fields,
            fullName,
            searchName: lecturerSearchName({ fullName, workplace, subjects: subjects ?? before.subjects }),
            sortKey: nameSortKey(fullName),
            updatedAt: sql`now()`,
          })
          .where(eq(lecturers.id, id));
        await setInstitutions(tx, id, institutionIds);
        await audit(tx, actor, {
          action: 'lecturer.update',
          entity: 'lecturer',
          entityId: id,
          summary: fullName,
          scopePath: before.ownerPath,
          before: diff.before,
          after: diff.after,
          request: namedIn(body),
        });
        return detail(tx, actor, (await findLecturer(tx, id, year()))!);
      });
    },

    /** Set the typed periods of one year (source 'manual'); rows computed from classes are left alone. */
    async setHours(actor: Actor, id: number, yearOf: number, body: z.infer<typeof HoursBody>) {
      requirePermission(actor, 'lecturers.write');
      return db.transaction(async (tx) => {
        const lecturer = assertEditable(
          actor,
          await findLecturer(tx, id, year()),
          'lecturers.write',
          LECTURER,
        );
        const [before] = rowsOf<{ periods: number; note: string | null }>(
          await tx.execute(sql`select periods, note from lecturer_hours
            where lecturer_id = ${id} and year = ${yearOf} and source = 'manual' for update`),
        );
        // A note not named keeps the one recorded (ADR 023).
        const note = body.note === undefined ? (before?.note ?? null) : body.note;
        await tx
          .insert(lecturerHours)
          .values({ lecturerId: id, year: yearOf, source: 'manual', periods: body.periods, note })
          .onConflictDoUpdate({
            target: [lecturerHours.lecturerId, lecturerHours.year, lecturerHours.source],
            set: { periods: body.periods, note, updatedAt: sql`now()` },
          });
        await audit(tx, actor, {
          action: 'lecturer.hours',
          entity: 'lecturer',
          entityId: id,
          summary: `${lecturer.fullName}: ${yearOf} = ${body.periods} tiết`,
          scopePath: lecturer.ownerPath,
          before: before ?? null,
          after: { year: yearOf, periods: body.periods, note },
          request: namedIn(body),
        });
        return detail(tx, actor, (await findLecturer(tx, id, year()))!);
      });
    },
  };
}
