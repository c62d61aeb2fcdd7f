/**
 * Laying out a document (ADR 040): a template, the issuer and the record's facts in, the printed
 * pages out (DocModel). Pure: the same function serves printing, issuing and the editor's preview.
 */

import { CERTIFICATE_STATUS_LABELS, type CertificateStatus } from '../../../contracts/certificates';
import type { DocModelT, DocPageT, DocumentKind, TemplateBodyT } from '../../../contracts/documents';
import { isNumbered } from '../../../contracts/documents';
import type { LearnerFacts, ResultFacts } from './documents.data';
import { dmy, fill, placeDateLine, styleOf } from './documents.model';

export interface Issuer {
  name: string;
  parentName: string | null;
}

/** Where the paper comes from and when: the number is set on decisions once issued. */
export interface Stamp {
  issuer: Issuer;
  issuedOn: string;
  number: string | null;
}

export interface ClassFacts {
  code: string;
  name: string;
  programmeName: string;
  startsOn: string;
  endsOn: string;
  venue: string | null;
  capacity: number;
  institutionName: string | null;
  organiserUnitName: string;
}

export interface ClassInput {
  cls: ClassFacts;
  learners: LearnerFacts[];
  results: Map<number, ResultFacts>;
  sessions: { id: number; day: string }[];
  marks: { sessionId: number; nominationId: number; status: string }[];
  assessments: { id: number; name: string }[];
  scores: { assessmentId: number; nominationId: number; score: number }[];
  certificates: {
    number: string;
    holderName: string;
    holderBirthDate: string | null;
    programmeName: string;
    gradeVi: string;
    issuedOn: string;
    status: string;
    nominationId: number;
  }[];
  /** The summons issued for the class: the learners' list prints as its (unnumbered) annex. */
  summons?: { number: string; issuedOn: string };
}

export interface PlanInput {
  title: string;
  year: number;
  unitName: string;
  version: number;
  lines: {
    programme: string;
    target: string;
    level: string;
    classes: number;
    trainees: number;
    periods: number | null;
  }[];
}

type Table = NonNullable<DocPageT['table']>;
const table = (cols: [string, number][], rows: string[][]): Table => ({
  columns: cols.map(([label, width]) => ({ label, width })),
  rows,
});
const num = (n: number | null, digits = 2) => (n === null ? '—' : n.toFixed(digits).replace('.', ','));

/** A page from the template: header, title, summary, body, recipients and signature. */
function page(
  kind: DocumentKind,
  t: TemplateBodyT,
  s: Stamp,
  values: Record<string, string>,
  extra: { table?: Table | null; landscape?: boolean } = {},
): DocPageT {
  const number = isNumbered(kind)
    ? s.number
      ? `Số: ${s.number}`
      : `Số:      /${t.symbol}`
    : t.symbol
      ? `Số:      /${t.symbol}`
      : null;
  return {
    landscape: extra.landscape ?? false,
    header: {
      parentBody: t.parentBody ?? s.issuer.parentName,
      issuingBody: t.issuingBody ?? s.issuer.name,
      number,
      dateLine: placeDateLine(t.place, s.issuedOn),
    },
    title: fill(t.title, values),
    summary: t.summary ? fill(t.summary, values) : null,
    paragraphs: t.body.map((text) => {
      const style = styleOf(text.replace(/\{\{[^{}]*\}\}/g, ''));
      const filled = fill(text, values);
      return { text: style === 'heading' ? filled.toUpperCase() : filled, style };
    }),
    table: extra.table ?? null,
    recipients: t.recipients.map((r) => fill(r, values)),
    signer: { authority: t.signerAuthority, title: t.signerTitle, name: t.signerName },
  };
}

/** The annex of a decision: its own page, "kèm theo" the decision by number and date. */
function annex(title: string, s: Stamp, tbl: Table, landscape = false): DocPageT {
  const ref = s.number
    ? `(Kèm theo Quyết định số ${s.number} ngày ${dmy(s.issuedOn)} của ${s.issuer.name})`
    : `(Kèm theo Quyết định số      ngày ${dmy(s.issuedOn)} của ${s.issuer.name})`;
  return {
    landscape,
    header: null,
    title: 'PHỤ LỤC',
    summary: title,
    paragraphs: [{ text: ref, style: 'italic' }],
    table: tbl,
    recipients: [],
    signer: null,
  };
}

export function classValues(i: ClassInput, s: Stamp): Record<string, string> {
  const c = i.cls;
  return {
    'class.code': c.code,
    'class.name': c.name,
    'class.programme': c.programmeName,
    'class.startDate': dmy(c.startsOn),
    'class.endDate': dmy(c.endsOn),
    'class.venue': c.venue ?? c.institutionName ?? '…',
    'class.capacity': String(c.capacity),
    'class.institution': c.institutionName ?? '…',
    'class.organiser': c.organiserUnitName,
    'learners.count': String(i.learners.length),
    'passed.count': String([...i.results.values()].filter((r) => r.passed).length),
    'issuer.name': s.issuer.name,
  };
}

const learnerRows = (i: ClassInput) =>
  i.learners.map((l, n) => [String(n + 1), l.name, dmy(l.birthDate), l.post || '—', l.unit]);
const MARK: Record<string, string> = { present: 'x', late: 'M', excused: 'P', absent: 'K' };
const chunks = <T>(xs: T[], n: number) =>
  xs.length ? Array.from({ length: Math.ceil(xs.length / n) }, (_, k) => xs.slice(k * n, k * n + n)) : [[]];

/** The pages of a class document. */
export function buildClassDocument(
  kind: DocumentKind,
  t: TemplateBodyT,
  s: Stamp,
  i: ClassInput,
): DocPageT[] {
  const v = classValues(i, s);
  switch (kind) {
    case 'class_opening':
      return [page(kind, t, s, v)];
    case 'class_sending':
      return [
        page(kind, t, s, v),
        annex(
          'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC ĐƯỢC CỬ ĐI HỌC',
          s,
          table(
            [
              ['STT', 1],
              ['Họ và tên', 5],
              ['Ngày sinh', 2.4],
              ['Chức vụ', 4],
              ['Đơn vị công tác', 5],
            ],
            learnerRows(i),
          ),
        ),
      ];
    case 'summons':
      return i.learners.map((l) =>
        page(kind, t, s, {
          ...v,
          'person.name': l.name,
          'person.birthDate': dmy(l.birthDate),
          'person.post': l.post || '—',
          'person.unit': l.unit,
        }),
      );
    case 'learner_list': {
      const p = page(kind, t, s, v, {
        landscape: true,
        table: table(
          [
            ['STT', 1],
            ['Họ và tên', 5],
            ['Ngày sinh', 2.4],
            ['Giới tính', 1.8],
            ['Chức vụ', 4],
            ['Đơn vị công tác', 5],
            ['Trình độ', 6],
          ],
          i.learners.map((l, n) => [
            String(n + 1),
            l.name,
            dmy(l.birthDate),
            l.sex,
            l.post || '—',
            l.unit,
            l.qualifications || '—',
          ]),
        ),
      });
      // Decree 30/2020, annex I: a list sent with a document carries that document's number, not its own.
      if (i.summons)
        p.paragraphs.unshift({
          text: `(Kèm theo Giấy triệu tập số ${i.summons.number} ngày ${dmy(i.summons.issuedOn)} của ${s.issuer.name})`,
          style: 'italic',
        });
      return [p];
    }
    case 'attendance': {
      const mark = new Map(i.marks.map((m) => [`${m.sessionId}:${m.nominationId}`, MARK[m.status] ?? '']));
      return chunks(i.sessions, 12).map((group) =>
        page(kind, t, s, v, {
          landscape: true,
          table: table(
            [
              ['STT', 1],
              ['Họ và tên', 5],
              ['Đơn vị', 4],
              ...group.map((x) => [dmy(x.day).slice(0, 5), 1.3] as [string, number]),
              ['Có mặt', 1.5],
            ],
            i.learners.map((l, n) => {
              const cells = group.map((x) => mark.get(`${x.id}:${l.nominationId}`) ?? '');
              const present = i.sessions.filter((x) =>
                ['x', 'M'].includes(mark.get(`${x.id}:${l.nominationId}`) ?? ''),
              ).length;
              return [String(n + 1), l.name, l.unit, ...cells, `${present}/${i.sessions.length}`];
            }),
          ),
        }),
      );
    }
    case 'transcript': {
      const score = new Map(i.scores.map((x) => [`${x.assessmentId}:${x.nominationId}`, x.score]));
      return [
        page(kind, t, s, v, {
          landscape: true,
          table: table(
            [
              ['STT', 1],
              ['Họ và tên', 5],
              ['Ngày sinh', 2.4],
              ['Đơn vị', 4],
              ...i.assessments.map((a) => [a.name, 2] as [string, number]),
              ['Điểm TB', 1.8],
              ['Chuyên cần (%)', 2],
              ['Xếp loại', 2.2],
              ['Kết quả', 2],
            ],
            i.learners.map((l, n) => {
              const r = i.results.get(l.nominationId);
              return [
                String(n + 1),
                l.name,
                dmy(l.birthDate),
                l.unit,
                ...i.assessments.map((a) => num(score.get(`${a.id}:${l.nominationId}`) ?? null, 1)),
                num(r?.average ?? null),
                r ? num(r.attendancePct, 0) : '—',
                r?.grade ?? '—',
                r ? (r.passed ? 'Đạt' : 'Không đạt') : 'Chưa có',
              ];
            }),
          ),
        }),
      ];
    }
    case 'results_decision': {
      const certs = new Map(
        i.certificates.filter((c) => c.status === 'valid').map((c) => [c.nominationId, c.number]),
      );
      const passed = i.learners.filter((l) => i.results.get(l.nominationId)?.passed);
      return [
        page(kind, t, s, v),
        annex(
          'DANH SÁCH HỌC VIÊN ĐƯỢC CÔNG NHẬN KẾT QUẢ VÀ CẤP CHỨNG CHỈ',
          s,
          table(
            [
              ['STT', 1],
              ['Họ và tên', 5],
              ['Ngày sinh', 2.4],
              ['Đơn vị công tác', 5],
              ['Xếp loại', 2.4],
              ['Số chứng chỉ', 3],
            ],
            passed.map((l, n) => [
              String(n + 1),
              l.name,
              dmy(l.birthDate),
              l.unit,
              i.results.get(l.nominationId)?.grade ?? '—',
              certs.get(l.nominationId) ?? '—',
            ]),
          ),
        ),
      ];
    }
    case 'certificate_register':
      return [
        page(kind, t, s, v, {
          landscape: true,
          table: table(
            [
              ['STT', 1],
              ['Số chứng chỉ', 3],
              ['Họ và tên', 5],
              ['Ngày sinh', 2.4],
              ['Chương trình', 6],
              ['Xếp loại', 2.2],
              ['Ngày cấp', 2.4],
              ['Tình trạng', 2.6],
              ['Ký nhận', 2.4],
            ],
            i.certificates.map((c, n) => [
              String(n + 1),
              c.number,
              c.holderName,
              dmy(c.holderBirthDate),
              c.programmeName,
              c.gradeVi,
              dmy(c.issuedOn),
              CERTIFICATE_STATUS_LABELS[c.status as CertificateStatus]?.vi ?? c.status,
              '',
            ]),
          ),
        }),
      ];
    default:
      throw new Error(`not a class document: ${kind}`);
  }
}

export function planValues(p: PlanInput, s: Stamp): Record<string, string> {
  return {
    'plan.title': p.title,
    'plan.year': String(p.year),
    'plan.unit': p.unitName,
    'plan.classes': String(p.lines.reduce((n, l) => n + l.classes, 0)),
    'plan.trainees': String(p.lines.reduce((n, l) => n + l.trainees, 0)),
    'plan.version': String(p.version),
    'issuer.name': s.issuer.name,
  };
}

/** The plan approval decision and its annex of plan lines. */
export function buildPlanDocument(t: TemplateBodyT, s: Stamp, p: PlanInput): DocPageT[] {
  return [
    page('plan_approval', t, s, planValues(p, s)),
    annex(
      `KẾ HOẠCH ĐÀO TẠO, BỒI DƯỠNG NĂM ${p.year}`,
      s,
      table(
        [
          ['STT', 1],
          ['Loại chương trình', 5],
          ['Đối tượng', 4],
          ['Trình độ', 3],
          ['Số lớp', 1.6],
          ['Số học viên', 2],
          ['Số tiết', 1.6],
        ],
        p.lines.map((l, n) => [
          String(n + 1),
          l.programme,
          l.target,
          l.level || '—',
          String(l.classes),
          String(l.trainees),
          l.periods === null ? '—' : String(l.periods),
        ]),
      ),
    ),
  ];
}

export const modelOf = (kind: DocumentKind, fileName: string, pages: DocPageT[]): DocModelT => ({
  kind,
  fileName,
  pages,
});
