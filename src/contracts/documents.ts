/**
 * Official documents (ADR 040): the papers a training office issues, laid out as Decree
 * 30/2020/NĐ-CP asks, from templates a province edits. Decisions are numbered from a register
 * per issuing body and year and re-printed from what was issued.
 */
import { z } from 'zod';
import { Id, IsoDate, RequiredText, Text } from './common';

export const DOCUMENT_KINDS = [
  'class_opening',
  'class_sending',
  'summons',
  'learner_list',
  'attendance',
  'transcript',
  'results_decision',
  'certificate_register',
  'plan_approval',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The kinds that are decisions: numbered from the register, kept, re-printed as issued. */
export const DECISION_KINDS: readonly DocumentKind[] = [
  'class_opening',
  'class_sending',
  'results_decision',
  'plan_approval',
];
export const isDecision = (k: DocumentKind) => DECISION_KINDS.includes(k);
/**
 * The kinds numbered from the issuing unit's register (ADR 053): the decisions and the summons
 * (its own symbol, "12/GTT-TTCT"). Lists, books, transcripts and registers take no number.
 */
export const NUMBERED_KINDS: readonly DocumentKind[] = [...DECISION_KINDS, 'summons'];
export const isNumbered = (k: DocumentKind) => NUMBERED_KINDS.includes(k);

/** What a document is made from: a class or an annual plan. */
export const DOCUMENT_SUBJECTS = ['class', 'plan'] as const;
export type DocumentSubject = (typeof DOCUMENT_SUBJECTS)[number];
export const SUBJECT_OF: Record<DocumentKind, DocumentSubject> = {
  class_opening: 'class',
  class_sending: 'class',
  summons: 'class',
  learner_list: 'class',
  attendance: 'class',
  transcript: 'class',
  results_decision: 'class',
  certificate_register: 'class',
  plan_approval: 'plan',
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, { vi: string; en: string }> = {
  class_opening: { vi: 'Quyết định mở lớp', en: 'Decision to open the class' },
  class_sending: {
    vi: 'Quyết định cử đi học (kèm danh sách)',
    en: 'Decision sending staff to study (with list)',
  },
  summons: { vi: 'Giấy triệu tập', en: 'Summons' },
  learner_list: { vi: 'Danh sách trích ngang học viên', en: 'List of learners' },
  attendance: { vi: 'Sổ điểm danh', en: 'Attendance book' },
  transcript: { vi: 'Bảng điểm', en: 'Transcript' },
  results_decision: {
    vi: 'Quyết định công nhận kết quả, cấp chứng chỉ',
    en: 'Decision recognising results and issuing certificates',
  },
  certificate_register: { vi: 'Sổ cấp chứng chỉ', en: 'Certificate register' },
  plan_approval: { vi: 'Quyết định phê duyệt kế hoạch', en: 'Plan approval decision' },
};

/** The placeholders a template may use, by subject (`{{class.name}}`); the summons adds the learner. */
export const PLACEHOLDERS: Record<DocumentSubject, Record<string, { vi: string; en: string }>> = {
  class: {
    'class.code': { vi: 'Mã lớp', en: 'Class code' },
    'class.name': { vi: 'Tên lớp', en: 'Class name' },
    'class.programme': { vi: 'Chương trình', en: 'Programme' },
    'class.startDate': { vi: 'Ngày khai giảng', en: 'Start date' },
    'class.endDate': { vi: 'Ngày kết thúc', en: 'End date' },
    'class.venue': { vi: 'Địa điểm', en: 'Venue' },
    'class.capacity': { vi: 'Số học viên dự kiến', en: 'Capacity' },
    'class.institution': { vi: 'Cơ sở đào tạo', en: 'Institution' },
    'class.organiser': { vi: 'Đơn vị tổ chức', en: 'Organiser' },
    'learners.count': { vi: 'Số học viên', en: 'Number of learners' },
    'passed.count': { vi: 'Số học viên đạt', en: 'Learners who passed' },
    'issuer.name': { vi: 'Cơ quan ban hành', en: 'Issuing body' },
    'person.name': { vi: 'Họ tên học viên (giấy triệu tập)', en: "Learner's name (summons)" },
    'person.birthDate': { vi: 'Ngày sinh học viên', en: "Learner's birth date" },
    'person.post': { vi: 'Chức vụ học viên', en: "Learner's post" },
    'person.unit': { vi: 'Đơn vị học viên', en: "Learner's unit" },
  },
  plan: {
    'plan.title': { vi: 'Tên kế hoạch', en: 'Plan title' },
    'plan.year': { vi: 'Năm kế hoạch', en: 'Plan year' },
    'plan.unit': { vi: 'Đơn vị lập kế hoạch', en: 'Planning unit' },
    'plan.classes': { vi: 'Tổng số lớp', en: 'Classes in total' },
    'plan.trainees': { vi: 'Tổng số lượt học viên', en: 'Trainees in total' },
    'plan.version': { vi: 'Phiên bản', en: 'Version' },
    'issuer.name': { vi: 'Cơ quan ban hành', en: 'Issuing body' },
  },
};

const Line = (max: number) => Text(max);
const Lines = (max: number, count: number) => z.array(Line(max)).max(count);

/**
 * A template's editable content. Header: parent body above the issuing body (null: the units'
 * names), the symbol after the number ("QĐ-TTCT"), the place of the date line. Title, summary,
 * body paragraphs and recipients may hold placeholders; the signature block closes the page.
 */
export const TemplateBody = z.object({
  parentBody: Line(200).nullable(),
  issuingBody: Line(200).nullable(),
  symbol: Line(40),
  place: RequiredText(80),
  title: RequiredText(200),
  summary: Line(500),
  body: Lines(3000, 40),
  recipients: Lines(300, 20),
  signerAuthority: Line(80).nullable(),
  signerTitle: Line(120),
  signerName: Line(120),
});
export type TemplateBodyT = z.infer<typeof TemplateBody>;

export const KindParams = z.object({ kind: z.enum(DOCUMENT_KINDS) });

/** A template as read back (plain strings: what was stored, already cleaned). */
export const Template = z.object({
  parentBody: z.string().nullable(),
  issuingBody: z.string().nullable(),
  symbol: z.string(),
  place: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.array(z.string()),
  recipients: z.array(z.string()),
  signerAuthority: z.string().nullable(),
  signerTitle: z.string(),
  signerName: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  /** The unit whose template this is; null: the default shipped with the product. */
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  /** The legal source of the layout. */
  source: z.string(),
  placeholders: z.array(z.object({ key: z.string(), vi: z.string(), en: z.string() })),
});
export const TemplateList = z.object({
  /** The unit a save writes to (the actor's own unit). */
  unitId: z.number(),
  unitName: z.string(),
  items: z.array(Template),
});

/** One paragraph of the body: plain, centred bold (a heading such as "QUYẾT ĐỊNH:"), an article, italic. */
export const Paragraph = z.object({
  text: z.string(),
  style: z.enum(['normal', 'heading', 'article', 'italic']),
});
export const DocTable = z.object({
  columns: z.array(z.object({ label: z.string(), width: z.number() })),
  rows: z.array(z.array(z.string())),
});
/** A printed page (or a run of pages): everything laid out, nothing left to look up. */
export const DocPage = z.object({
  landscape: z.boolean(),
  header: z
    .object({
      parentBody: z.string().nullable(),
      issuingBody: z.string(),
      number: z.string().nullable(),
      dateLine: z.string(),
    })
    .nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  paragraphs: z.array(Paragraph),
  table: DocTable.nullable(),
  recipients: z.array(z.string()),
  signer: z.object({ authority: z.string().nullable(), title: z.string(), name: z.string() }).nullable(),
});
export type DocPageT = z.infer<typeof DocPage>;
export const DocModel = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  fileName: z.string(),
  pages: z.array(DocPage),
});
export type DocModelT = z.infer<typeof DocModel>;

export const PreviewBody = z.object({ kind: z.enum(DOCUMENT_KINDS), template: TemplateBody });

export const IssuedDocument = z.object({
  id: z.number(),
  kind: z.enum(DOCUMENT_KINDS),
  unitId: z.number(),
  year: z.number(),
  /** The place in the unit's register; null: the number recorded on approval was reused (ADR 053). */
  seq: z.number().nullable(),
  symbol: z.string(),
  /** "12/QĐ-TTCT". */
  number: z.string(),
  issuedOn: z.string(),
  signerName: z.string(),
  subject: z.enum(DOCUMENT_SUBJECTS),
  subjectId: z.number(),
  issuedByName: z.string().nullable(),
  createdAt: z.string(),
});
export const IssuedList = z.object({ items: z.array(IssuedDocument) });

export const IssueBody = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  /** Date of the decision; default today. */
  issuedOn: IsoDate.optional(),
  /** Issue a new number although this record already has a decision of the kind. */
  again: z.boolean().default(false),
});

export const FORMATS = ['pdf', 'docx'] as const;
export const FormatQuery = z.object({ format: z.enum(FORMATS).default('pdf') });
/** The preview answers the laid-out pages as JSON, or the file when a format is asked. */
export const PreviewQuery = z.object({ format: z.enum(FORMATS).optional() });
export const PrintQuery = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  format: z.enum(FORMATS).default('pdf'),
  /** The summons of one learner (default: a page for each learner of the class). */
  personId: Id.optional(),
});
/** The printed certificate register of an institution (or unit) over a period of issue dates. */
export const RegisterPrintQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  format: z.enum(FORMATS).default('pdf'),
});
export const SubjectParams = z.object({ subject: z.enum(DOCUMENT_SUBJECTS), id: Id });
