/**
 * Checks of what a user writes on a class: the programme, institution and plan line they point
 * at (visible, active, consistent), the budget's funding sources, a session's day, topic and
 * lecturer. Each failure is a 400 naming the field.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../lib/actor';
import { type FieldError, fieldError, invalid } from '../../lib/errors';
import { pathWithin } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';

export interface ProgrammeRef {
  id: number;
  kind: string;
  ownerPath: string;
  active: boolean;
}

async function programmeOf(q: Queryable, id: number): Promise<ProgrammeRef | undefined> {
  return rowsOf<ProgrammeRef>(
    await q.execute(sql`select p.id, p.kind, u.path::text as "ownerPath", p.active
      from programmes p join org_units u on u.id = p.owner_unit_id where p.id = ${id}`),
  )[0];
}

const seen = (actor: Actor, ownerPath: string) =>
  pathWithin(actor.scopePath, ownerPath) || pathWithin(ownerPath, actor.scopePath);

/**
 * The programme, institution and plan line of a class, checked together; returns the programme.
 * A plan line must be a live line of a plan in the actor's subtree, of the programme's kind.
 */
export async function checkClassRefs(
  q: Queryable,
  actor: Actor,
  refs: {
    programmeId: number;
    institutionId?: number | null;
    planLineId?: number | null;
    budget?: Record<string, number>;
  },
): Promise<ProgrammeRef> {
  const errors: FieldError[] = [];
  const programme = await programmeOf(q, refs.programmeId);
  if (!programme || !seen(actor, programme.ownerPath))
    errors.push(fieldError('programmeId', 'không có trong danh mục chương trình', 'is not in the catalogue'));
  else if (!programme.active)
    errors.push(
      fieldError('programmeId', 'chương trình đã ngừng sử dụng', 'the programme is no longer in use'),
    );
  if (refs.institutionId) {
    const [inst] = rowsOf<{ active: boolean; ownerPath: string }>(
      await q.execute(sql`select i.active, u.path::text as "ownerPath" from institutions i
        join org_units u on u.id = i.owner_unit_id where i.id = ${refs.institutionId}`),
    );
    if (!inst || !seen(actor, inst.ownerPath))
      errors.push(
        fieldError('institutionId', 'không có trong danh mục cơ sở đào tạo', 'is not a known institution'),
      );
    else if (!inst.active)
      errors.push(
        fieldError('institutionId', 'cơ sở đào tạo đã ngừng sử dụng', 'the institution is no longer in use'),
      );
  }
  if (refs.planLineId) {
    const [line] = rowsOf<{ kind: string; removed: boolean; planPath: string }>(
      await q.execute(sql`select l.programme_kind as kind, l.removed_at is not null as removed, u.path::text as "planPath"
        from plan_lines l join annual_plans a on a.id = l.plan_id join org_units u on u.id = a.unit_id
        where l.id = ${refs.planLineId}`),
    );
    if (!line || line.removed || !pathWithin(line.planPath, actor.scopePath))
      errors.push(
        fieldError(
          'planLineId',
          'không phải dòng kế hoạch của đơn vị bạn',
          'is not a plan line of your units',
        ),
      );
    else if (programme && line.kind !== programme.kind)
      errors.push(
        fieldError(
          'planLineId',
          'dòng kế hoạch thuộc loại chương trình khác',
          "the plan line is for another kind of programme than the class's",
        ),
      );
  }
  if (refs.budget)
    errors.push(
      ...(await findUnknownCodes(
        q,
        Object.keys(refs.budget).map((code) => ({ field: `budget.${code}`, list: 'funding_source', code })),
      )),
    );
  if (errors.length) throw invalid(errors);
  return programme!;
}

/** A session's day inside the class, its topic among the programme's, its lecturer known. */
export async function checkSession(
  q: Queryable,
  actor: Actor,
  c: { programmeId: number; startsOn: string; endsOn: string },
  s: { day?: string; topicCode?: string | null; lecturerId?: number | null },
): Promise<void> {
  const errors: FieldError[] = [];
  if (s.day && (s.day < c.startsOn || s.day > c.endsOn))
    errors.push(fieldError('day', 'nằm ngoài thời gian của lớp', "is outside the class's dates"));
  if (s.topicCode) {
    const found = rowsOf(
      await q.execute(sql`select 1 from programme_topics where programme_id = ${c.programmeId}
        and topic_code = ${s.topicCode}`),
    );
    if (!found.length)
      errors.push(
        fieldError(
          'topicCode',
          'không thuộc chương trình của lớp',
          "is not a topic of the class's programme",
        ),
      );
  }
  if (s.lecturerId) {
    const [l] = rowsOf<{ ownerPath: string }>(
      await q.execute(sql`select u.path::text as "ownerPath" from lecturers l join org_units u on u.id = l.owner_unit_id
        where l.id = ${s.lecturerId}`),
    );
    if (!l || !seen(actor, l.ownerPath))
      errors.push(fieldError('lecturerId', 'không có trong danh sách giảng viên', 'is not a known lecturer'));
  }
  if (errors.length) throw invalid(errors);
}
