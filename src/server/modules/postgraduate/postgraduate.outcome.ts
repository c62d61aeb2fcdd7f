/**
 * The end of a sponsorship (ADR 016), inside the caller's transaction on a locked record: its
 * outcome (graduated puts the degree on the person's record, source "postgraduate"; ended without
 * a diploma; dropped out) and the day the person leaves the service (the repayment counts from it).
 * Each writes its audit row.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type LeaveBody, type OutcomeBody, POSTGRAD_STATUS_LABELS } from '../../../contracts/postgraduate';
import type { Queryable } from '../../db/client';
import { postgradSponsorships } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { type Clock, todayOf } from '../../lib/dates';
import { conflict, type FieldError, fieldError, invalid } from '../../lib/errors';
import { recordEarnedQualification } from '../qualifications/earned';
import type { SponsorshipRow } from './postgraduate.queries';

export async function recordOutcome(
  tx: Queryable,
  actor: Actor,
  clock: Clock,
  s: SponsorshipRow,
  body: z.infer<typeof OutcomeBody>,
) {
  const id = s.id;
  if (s.status !== 'studying') {
    const l = POSTGRAD_STATUS_LABELS[s.status];
    throw conflict(`Hồ sơ đã ở trạng thái "${l.vi}".`, `The record is already "${l.en}".`);
  }
  const errors: FieldError[] = [];
  if (body.actualEndsOn < s.startsOn)
    errors.push(
      fieldError('actualEndsOn', 'không được trước ngày bắt đầu học', 'must not be before the start'),
    );
  if (body.actualEndsOn > todayOf(clock))
    errors.push(
      fieldError('actualEndsOn', 'không được là ngày trong tương lai', 'must not be in the future'),
    );
  if (body.status === 'graduated') {
    if (!body.diplomaNo)
      errors.push(fieldError('diplomaNo', 'cần số hiệu văn bằng', 'the diploma number is needed'));
    if (!body.diplomaDate)
      errors.push(fieldError('diplomaDate', 'cần ngày cấp bằng', 'the diploma date is needed'));
    else if (body.diplomaDate < s.startsOn || body.diplomaDate > todayOf(clock))
      errors.push(fieldError('diplomaDate', 'nằm ngoài thời gian hợp lệ', 'is out of range'));
  }
  if (errors.length) throw invalid(errors);
  let qualificationId: number | null = null;
  if (body.status === 'graduated')
    qualificationId = (
      await recordEarnedQualification(tx, actor, {
        personId: s.personId,
        kind: 'EDUCATION',
        level: s.level,
        major: s.field,
        issuer: s.institutionName,
        issuedOn: body.diplomaDate!,
        certificateNo: body.diplomaNo!,
        source: 'postgraduate',
        note: `Cử đi đào tạo sau đại học${s.decisionNo ? ` (QĐ ${s.decisionNo})` : ''}`,
        scopePath: s.personUnitPath,
      })
    ).id;
  await tx
    .update(postgradSponsorships)
    .set({
      status: body.status,
      actualEndsOn: body.actualEndsOn,
      diplomaNo: body.status === 'graduated' ? body.diplomaNo : null,
      diplomaDate: body.status === 'graduated' ? body.diplomaDate : null,
      outcomeNote: body.note ?? null,
      qualificationId,
      version: s.version + 1,
      updatedAt: clock.now(),
    })
    .where(eq(postgradSponsorships.id, id));
  await audit(tx, actor, {
    action: 'postgrad.outcome',
    entity: 'postgrad_sponsorship',
    entityId: id,
    summary: `${s.fullName}: ${s.status} -> ${body.status}`,
    scopePath: s.unitPath,
    before: { status: s.status },
    after: { ...body, qualificationId },
  });
}

export async function recordLeave(
  tx: Queryable,
  actor: Actor,
  clock: Clock,
  s: SponsorshipRow,
  body: z.infer<typeof LeaveBody>,
) {
  const id = s.id;
  if (body.leftOn < s.startsOn)
    throw invalid([
      fieldError('leftOn', 'không được trước ngày bắt đầu học', 'must not be before the start'),
    ]);
  await tx
    .update(postgradSponsorships)
    .set({
      leftOn: body.leftOn,
      leftReason: body.reason,
      version: s.version + 1,
      updatedAt: clock.now(),
    })
    .where(eq(postgradSponsorships.id, id));
  await audit(tx, actor, {
    action: 'postgrad.leave',
    entity: 'postgrad_sponsorship',
    entityId: id,
    summary: `${s.fullName}: thôi việc ${body.leftOn} (${body.reason})`,
    scopePath: s.unitPath,
    before: { leftOn: s.leftOn, leftReason: s.leftReason },
    after: body,
  });
}
