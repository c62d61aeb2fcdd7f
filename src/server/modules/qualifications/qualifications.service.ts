import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { levelListOf } from '../../../contracts/codes';
import type {
  AttachmentBody,
  QualificationInput,
  UpdateQualificationBody,
} from '../../../contracts/qualifications';
import type { Db, Queryable } from '../../db/client';
import { qualificationAttachments, qualifications } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { audit, changedFields, namedIn } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { fieldError, invalid, notFound, refuseViolations } from '../../lib/errors';
import { requirePermission } from '../../lib/scope';
import { findUnknownCodes } from '../codes/codes.service';
import { getVisiblePerson } from '../people/people.service';
import { qualificationViolations } from './qualifications.rules';

type QRow = typeof qualifications.$inferSelect;
const NOT_FOUND = { vi: 'văn bằng, chứng chỉ', en: 'Qualification' };
const MAX_ATTACHMENT = 5 * 1024 * 1024;

async function checkCodes(q: Queryable, kind: string, level: string) {
  const unknown = await findUnknownCodes(q, [{ field: 'kind', list: 'qualification_kind', code: kind }]);
  if (unknown.length) throw invalid(unknown);
  const badLevel = await findUnknownCodes(q, [{ field: 'level', list: levelListOf(kind), code: level }]);
  if (badLevel.length) throw invalid(badLevel);
}

async function withAttachments(q: Queryable, rows: QRow[]) {
  const ids = rows.map((r) => r.id);
  const files = ids.length
    ? await q
        .select({
          id: qualificationAttachments.id,
          qualificationId: qualificationAttachments.qualificationId,
          fileName: qualificationAttachments.fileName,
          mimeType: qualificationAttachments.mimeType,
          size: qualificationAttachments.size,
        })
        .from(qualificationAttachments)
        .where(inArray(qualificationAttachments.qualificationId, ids))
    : [];
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    deletedAt: r.deletedAt?.toISOString() ?? null,
    attachments: files.filter((f) => f.qualificationId === r.id).map(({ qualificationId: _, ...f }) => f),
  }));
}

export function createQualificationService({ db, clock }: { db: Db; clock: Clock }) {
  /** The qualification and its person's unit path, if the actor may see the person. */
  async function getVisible(q: Queryable, actor: Actor, id: number) {
    const [row] = await q.select().from(qualifications).where(eq(qualifications.id, id));
    if (!row) throw notFound(NOT_FOUND);
    const person = await getVisiblePerson(q, actor, row.personId).catch(() => {
      throw notFound(NOT_FOUND);
    });
    return { row, unitPath: person.unitPath, holder: person.person };
  }

  return {
    async list(actor: Actor, personId: number, includeDeleted: boolean) {
      await getVisiblePerson(db, actor, personId);
      const rows = await db
        .select()
        .from(qualifications)
        .where(
          includeDeleted
            ? eq(qualifications.personId, personId)
            : and(eq(qualifications.personId, personId), isNull(qualifications.deletedAt)),
        )
        .orderBy(asc(qualifications.kind), asc(qualifications.issuedOn), asc(qualifications.id));
      return { items: await withAttachments(db, rows) };
    },

    async create(
      actor: Actor,
      personId: number,
      body: z.infer<typeof QualificationInput>,
      source: 'typed' | 'imported' | 'class' = 'typed',
    ) {
      requirePermission(actor, 'people.write');
      await checkCodes(db, body.kind, body.level);
      return db.transaction(async (tx) => {
        const person = await getVisiblePerson(tx, actor, personId);
        refuseViolations(qualificationViolations(body, person.person));
        const [row] = await tx
          .insert(qualifications)
          .values({ ...body, personId, source })
          .returning();
        await audit(tx, actor, {
          action: 'qualification.create',
          entity: 'qualification',
          entityId: row.id,
          summary: `${person.person.fullName}: ${row.kind} ${row.level}`,
          scopePath: person.unitPath,
          after: row,
        });
        return (await withAttachments(tx, [row]))[0];
      });
    },

    async update(actor: Actor, id: number, body: z.infer<typeof UpdateQualificationBody>) {
      requirePermission(actor, 'people.write');
      return db.transaction(async (tx) => {
        const { row: before, unitPath, holder } = await getVisible(tx, actor, id);
        if (before.deletedAt) throw notFound(NOT_FOUND);
        refuseViolations(qualificationViolations({ ...before, ...body }, holder));
        await checkCodes(tx, body.kind ?? before.kind, body.level ?? before.level);
        const diff = changedFields(
          before as unknown as Record<string, unknown>,
          body as Record<string, unknown>,
        );
        if (!diff.changed) return (await withAttachments(tx, [before]))[0];
        const [after] = await tx
          .update(qualifications)
          .set({ ...body, updatedAt: clock.now() })
          .where(eq(qualifications.id, id))
          .returning();
        await audit(tx, actor, {
          action: 'qualification.update',
          entity: 'qualification',
          entityId: id,
          scopePath: unitPath,
          before: diff.before,
          after: diff.after,
          request: namedIn(body),
        });
        return (await withAttachments(tx, [after]))[0];
      });
    },

    /** Soft delete: the record stays in the history with who removed it and why. */
    async remove(actor: Actor, id: number, reason: string | null) {
      requirePermission(actor, 'people.write');
      await db.transaction(async (tx) => {
        const { row, unitPath } = await getVisible(tx, actor, id);
        if (row.deletedAt) throw notFound(NOT_FOUND);
        await tx
          .update(qualifications)
          .set({ deletedAt: clock.now(), deletedReason: reason })
          .where(eq(qualifications.id, id));
        await audit(tx, actor, {
          action: 'qualification.delete',
          entity: 'qualification',
          entityId: id,
          summary: reason ?? undefined,
          scopePath: unitPath,
          before: row,
        });
      });
    },

    async attach(actor: Actor, id: number, body: z.infer<typeof AttachmentBody>) {
      requirePermission(actor, 'people.write');
      const content = Buffer.from(body.contentBase64, 'base64');
      if (content.length === 0 || content.length > MAX_ATTACHMENT)
        throw invalid([
          fieldError('contentBase64', 'tệp rỗng hoặc lớn hơn 5 MB', 'the file is empty or larger than 5 MB'),
        ]);
      return db.transaction(async (tx) => {
        const { unitPath } = await getVisible(tx, actor, id);
        const [a] = await tx
          .insert(qualificationAttachments)
          .values({
            qualificationId: id,
            fileName: body.fileName.normalize('NFC'),
            mimeType: body.mimeType,
            size: content.length,
            content,
          })
          .returning({
            id: qualificationAttachments.id,
            fileName: qualificationAttachments.fileName,
            mimeType: qualificationAttachments.mimeType,
            size: qualificationAttachments.size,
          });
        await audit(tx, actor, {
          action: 'qualification.attach',
          entity: 'qualification',
          entityId: id,
          summary: a.fileName,
          scopePath: unitPath,
          after: a,
        });
        return a;
      });
    },

    async download(actor: Actor, attachmentId: number) {
      const [a] = await db
        .select()
        .from(qualificationAttachments)
        .where(eq(qualificationAttachments.id, attachmentId));
      if (!a) throw notFound({ vi: 'tệp đính kèm', en: 'Attachment' });
      await getVisible(db, actor, a.qualificationId);
      return a;
    },
  };
}
