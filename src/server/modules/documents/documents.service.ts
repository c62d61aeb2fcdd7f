/**
 * Official documents of a class or a plan (ADR 040): print any kind (decisions as an unnumbered
 * draft), issue a decision with the next number of the issuing unit's register, list and
 * re-print what was issued exactly as issued. Who may print or issue is who manages the record.
 */
import { and, desc, eq } from 'drizzle-orm';
import {
  DOCUMENT_KIND_LABELS,
  type DocModelT,
  type DocPageT,
  type DocumentKind,
  type DocumentSubject,
  isDecision,
  isNumbered,
  SUBJECT_OF,
  type TemplateBodyT,
} from '../../../contracts/documents';
import { can } from '../../../contracts/roles';
import type { Db, Queryable } from '../../db/client';
import { issuedDocuments, users } from '../../db/schema/index';
import { readTogether } from '../../db/together';
import type { Actor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import type { Clock } from '../../lib/dates';
import { AppError, conflict, notFound } from '../../lib/errors';
import { pathWithin } from '../../lib/scope';
import { assertManageable } from '../classes/classes.policy';
import { findClass } from '../classes/classes.queries';
import { assessmentsOf, marksOf, scoresOf, sessionsOf } from '../results/results.queries';
import { buildClassDocument, buildPlanDocument, type ClassInput, type Stamp } from './documents.build';
import {
  classBatchDecision,
  classCertificatesOf,
  classLearners,
  classResultsOf,
  lastSummons,
  planFacts,
  type RecordedDecision,
  unitNames,
} from './documents.data';
import { decisionNumber, dmy, fileNameOf } from './documents.model';
import { effectiveTemplate, nextSeq } from './documents.templates';

const PLAN = { vi: 'kế hoạch', en: 'Plan' };
const ISSUED = { vi: 'văn bản đã ban hành', en: 'Issued document' };
const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);

/** A record a document is made from, once the actor is known to manage it. */
interface Subject {
  subject: DocumentSubject;
  id: number;
  ref: string;
  unitId: number;
  unitPath: string;
  /** The decision of this kind recorded when the record was approved (ADR 053), if any. */
  recorded(kind: DocumentKind): Promise<RecordedDecision | null>;
  build(kind: DocumentKind, t: TemplateBodyT, stamp: Stamp, personId?: number): Promise<DocPageT[]>;
}

/** How a numbered kind is named in messages: "Quyết định" for every decision, else its own label. */
const wordOf = (kind: DocumentKind) =>
  isDecision(kind) ? { vi: 'Quyết định', en: 'Decision' } : DOCUMENT_KIND_LABELS[kind];

function wrongKind(kind: DocumentKind, subject: DocumentSubject) {
  return new AppError('VALIDATION_FAILED', {
    message: {
      vi: `"${DOCUMENT_KIND_LABELS[kind].vi}" không lập từ ${subject === 'class' ? 'lớp học' : 'kế hoạch'}.`,
      en: `"${DOCUMENT_KIND_LABELS[kind].en}" is not made from a ${subject}.`,
    },
  });
}

export function createDocumentService({ db, clock }: { db: Db; clock: Clock }) {
  async function classSubject(q: Queryable, actor: Actor, id: number): Promise<Subject> {
    const c = assertManageable(actor, await findClass(q, id));
    return {
      subject: 'class',
      id,
      ref: c.code,
      unitId: c.organiserUnitId,
      unitPath: c.organiserPath,
      recorded: async (kind) => (kind === 'class_sending' ? classBatchDecision(q, id) : null),
      async build(kind, t, stamp, personId) {
        const [learners, results, sessions, marks, assessments, scores, certificates, summons] =
          await readTogether(
            q,
            () => classLearners(q, id),
            () => classResultsOf(q, c),
            () => sessionsOf(q, id),
            () => marksOf(q, id),
            () => assessmentsOf(q, id),
            () => scoresOf(q, id),
            () => classCertificatesOf(q, id),
            async () => (kind === 'learner_list' ? lastSummons(q, id) : undefined),
          );
        const only = personId === undefined ? learners : learners.filter((l) => l.personId === personId);
        if (personId !== undefined && !only.length)
          throw notFound({ vi: 'học viên của lớp', en: 'Learner of the class' });
        const input: ClassInput = {
          cls: c,
          learners: only,
          results,
          sessions,
          marks,
          assessments,
          scores,
          certificates,
          summons,
        };
        return buildClassDocument(kind, t, stamp, input);
      },
    };
  }

  async function planSubject(q: Queryable, actor: Actor, id: number): Promise<Subject> {
    const p = await planFacts(q, id);
    if (!p || !can(actor.role, 'plans.read') || !pathWithin(p.unitPath, actor.scopePath))
      throw notFound(PLAN);
    if (!can(actor.role, 'plans.draft')) throw new AppError('FORBIDDEN');
    return {
      subject: 'plan',
      id,
      ref: `${p.year}`,
      unitId: p.unitId,
      unitPath: p.unitPath,
      recorded: async () => (p.decision?.no ? { ...p.decision, no: p.decision.no } : null),
      build: async (_kind, t, stamp) => buildPlanDocument(t, stamp, p),
    };
  }

  const subjectOf = (q: Queryable, actor: Actor, subject: DocumentSubject, id: number) =>
    subject === 'class' ? classSubject(q, actor, id) : planSubject(q, actor, id);

  /**
   * The template and stamp of a document: the number and date recorded on approval when there is
   * one (ADR 053), else the number given (null: a draft) and the date asked. The recorded signer
   * prints when the template names none.
   */
  async function stampOf(
    q: Queryable,
    s: Subject,
    kind: DocumentKind,
    issuedOn: string,
    number: string | null,
    recorded: RecordedDecision | null,
  ) {
    const u = await unitNames(q, s.unitId);
    const t = await effectiveTemplate(q, kind, s.unitPath);
    return {
      stamp: {
        issuer: { name: t.content.issuingBody ?? u.name, parentName: u.parentName },
        issuedOn: recorded ? (recorded.date ?? issuedOn) : issuedOn,
        number: recorded ? recorded.no : number,
      },
      template: withRecordedSigner(t.content, recorded),
    };
  }

  const issuedView = (r: typeof issuedDocuments.$inferSelect & { issuedByName?: string | null }) => ({
    id: r.id,
    kind: r.kind as DocumentKind,
    unitId: r.unitId,
    year: r.year,
    seq: r.seq,
    symbol: r.symbol,
    number: r.number,
    issuedOn: r.issuedOn,
    signerName: r.signerName,
    subject: r.subject as DocumentSubject,
    subjectId: r.subjectId,
    issuedByName: r.issuedByName ?? null,
    createdAt: new Date(r.createdAt).toISOString(),
  });

  async function issuedFor(q: Queryable, subject: DocumentSubject, id: number) {
    const rows = await q
      .select({ d: issuedDocuments, issuedByName: users.username })
      .from(issuedDocuments)
      .leftJoin(users, eq(users.id, issuedDocuments.issuedBy))
      .where(and(eq(issuedDocuments.subject, subject), eq(issuedDocuments.subjectId, id)))
      .orderBy(desc(issuedDocuments.id));
    return rows.map((r) => issuedView({ ...r.d, issuedByName: r.issuedByName }));
  }

  return {
    /** A document laid out now: decisions without a number (a draft), other kinds as printed. */
    async print(
      actor: Actor,
      subject: DocumentSubject,
      id: number,
      kind: DocumentKind,
      personId?: number,
    ): Promise<DocModelT> {
      const s = await subjectOf(db, actor, subject, id);
      if (SUBJECT_OF[kind] !== subject) throw wrongKind(kind, subject);
      const { stamp, template } = await stampOf(db, s, kind, today(clock), null, await s.recorded(kind));
      return {
        kind,
        fileName: fileNameOf(kind, s.ref),
        pages: await s.build(kind, template, stamp, personId),
      };
    },

    async issued(actor: Actor, subject: DocumentSubject, id: number) {
      await subjectOf(db, actor, subject, id);
      return { items: await issuedFor(db, subject, id) };
    },

    /**
     * Issue a decision or a summons: the number recorded when the record was approved (ADR 053),
     * else the next number of the issuing unit's register for the year; the pages kept as issued.
     * A record that already has one of the kind answers 409 unless `again` is asked.
     */
    async issue(
      actor: Actor,
      subject: DocumentSubject,
      id: number,
      body: { kind: DocumentKind; issuedOn?: string; again: boolean },
    ) {
      const { kind } = body;
      if (SUBJECT_OF[kind] !== subject) throw wrongKind(kind, subject);
      if (!isNumbered(kind))
        throw new AppError('VALIDATION_FAILED', {
          message: {
            vi: `"${DOCUMENT_KIND_LABELS[kind].vi}" không cấp số: in trực tiếp.`,
            en: `"${DOCUMENT_KIND_LABELS[kind].en}" takes no number: print it.`,
          },
        });
      const word = wordOf(kind);
      return db.transaction(async (tx) => {
        const s = await subjectOf(tx, actor, subject, id);
        const prior = (await issuedFor(tx, subject, id)).find((d) => d.kind === kind);
        if (prior && !body.again)
          throw conflict(
            `Đã ban hành ${word.vi} số ${prior.number} ngày ${dmy(prior.issuedOn)}. In lại văn bản đó, hoặc xác nhận ban hành lại để lấy số mới.`,
            `${word.en} ${prior.number} of ${prior.issuedOn} was already issued. Re-print it, or confirm issuing again for a new number.`,
          );
        const recorded = await s.recorded(kind);
        const asked = body.issuedOn ?? today(clock);
        const year = Number((recorded?.date ?? asked).slice(0, 4));
        const template = (await effectiveTemplate(tx, kind, s.unitPath)).content;
        const seq = recorded ? null : await nextSeq(tx, s.unitId, year);
        const number = recorded ? recorded.no : decisionNumber(seq ?? 0, template.symbol);
        const { stamp, template: t } = await stampOf(tx, s, kind, asked, number, recorded);
        const issuedOn = stamp.issuedOn;
        const model: DocModelT = {
          kind,
          fileName: fileNameOf(kind, `${s.ref}-${seq ?? number}-${year}`),
          pages: await s.build(kind, t, stamp),
        };
        const signer = model.pages[0]?.signer?.name ?? '';
        const [row] = await tx
          .insert(issuedDocuments)
          .values({
            kind,
            unitId: s.unitId,
            year,
            seq,
            symbol: recorded ? recorded.no.split('/').slice(1).join('/') : template.symbol,
            number,
            issuedOn,
            signerName: signer,
            subject,
            subjectId: id,
            pages: [model],
            issuedBy: actor.userId || null,
          })
          .returning();
        await audit(tx, actor, {
          action: 'document.issue',
          entity: 'issued_document',
          entityId: row.id,
          summary: `${DOCUMENT_KIND_LABELS[kind].vi} số ${number} (${subject} ${id})`,
          scopePath: s.unitPath,
          after: {
            kind,
            number,
            issuedOn,
            subject,
            subjectId: id,
            again: body.again,
            replaces: prior?.number ?? null,
            recorded: recorded !== null,
          },
        });
        return issuedView({ ...row, issuedByName: actor.username });
      });
    },

    /** An issued decision as it was issued (the same number, date and text). */
    async reprint(actor: Actor, issuedId: number): Promise<DocModelT> {
      const [row] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.id, issuedId));
      if (!row) throw notFound(ISSUED);
      await subjectOf(db, actor, row.subject as DocumentSubject, row.subjectId).catch((e: AppError) => {
        throw e.code === 'FORBIDDEN' ? e : notFound(ISSUED);
      });
      return row.pages[0] as DocModelT;
    },
  };
}

/** A recorded decision's signer prints when the template names none (ADR 038, 053). */
function withRecordedSigner<T extends { signerName: string; signerTitle: string }>(
  t: T,
  d: RecordedDecision | null,
): T {
  if (!d?.signerName || t.signerName) return t;
  return { ...t, signerName: d.signerName, signerTitle: d.signerTitle ?? t.signerTitle };
}
