/**
 * The editor's live preview (ADR 040): a template being edited laid out on made-up records, by
 * the same builder as the real papers, so what the preview shows is what will print.
 */
import {
  type DocModelT,
  type DocumentKind,
  SUBJECT_OF,
  type TemplateBodyT,
} from '../../../contracts/documents';
import { buildClassDocument, buildPlanDocument, type ClassInput, type Stamp } from './documents.build';
import { assertPlaceholders, decisionNumber } from './documents.model';

const learner = (n: number, name: string, birthDate: string, sex: string, post: string) => ({
  nominationId: n,
  personId: n,
  name,
  birthDate,
  sex,
  post,
  unit: 'UBND xã Đông Hòa',
  qualifications: 'Đại học Luật; Trung cấp lý luận chính trị',
});

const SAMPLE_CLASS: ClassInput = {
  cls: {
    code: 'K12/2026',
    name: 'Bồi dưỡng quản lý nhà nước ngạch chuyên viên',
    programmeName: 'Quản lý nhà nước đối với ngạch chuyên viên',
    startsOn: '2026-12-14',
    endsOn: '2026-12-25',
    venue: 'Hội trường A, Trường Chính trị tỉnh',
    capacity: 60,
    institutionName: 'Trường Chính trị tỉnh',
    organiserUnitName: 'Sở Nội vụ',
  },
  learners: [
    learner(1, 'Nguyễn Thị Ánh', '1988-02-09', 'Nữ', 'Chuyên viên'),
    learner(2, 'Trần Văn Bình', '1985-11-20', 'Nam', 'Phó Chủ tịch UBND xã'),
  ],
  results: new Map([
    [1, { nominationId: 1, average: 8.4, attendancePct: 100, passed: true, grade: 'Giỏi' }],
    [2, { nominationId: 2, average: 7.1, attendancePct: 95, passed: true, grade: 'Khá' }],
  ]),
  sessions: [
    { id: 1, day: '2026-12-14' },
    { id: 2, day: '2026-12-15' },
  ],
  marks: [
    { sessionId: 1, nominationId: 1, status: 'present' },
    { sessionId: 2, nominationId: 1, status: 'present' },
    { sessionId: 1, nominationId: 2, status: 'excused' },
    { sessionId: 2, nominationId: 2, status: 'present' },
  ],
  assessments: [{ id: 1, name: 'Tiểu luận' }],
  scores: [
    { assessmentId: 1, nominationId: 1, score: 8.4 },
    { assessmentId: 1, nominationId: 2, score: 7.1 },
  ],
  certificates: [
    {
      number: 'NVC/2026/0001',
      holderName: 'Nguyễn Thị Ánh',
      holderBirthDate: '1988-02-09',
      programmeName: 'Quản lý nhà nước đối với ngạch chuyên viên',
      gradeVi: 'Giỏi',
      issuedOn: '2026-12-28',
      status: 'valid',
      nominationId: 1,
    },
  ],
};

const SAMPLE_PLAN = {
  title: 'Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2027',
  year: 2027,
  unitName: 'Sở Nội vụ',
  version: 1,
  lines: [
    {
      programme: 'Lý luận chính trị',
      target: 'Công chức cấp xã',
      level: 'Trung cấp',
      classes: 2,
      trainees: 120,
      periods: 400,
    },
    {
      programme: 'Quản lý nhà nước',
      target: 'Chuyên viên',
      level: '',
      classes: 3,
      trainees: 180,
      periods: 160,
    },
  ],
};

/** The template laid out on sample records, numbered 05 as a decision would be. */
export function previewDocument(
  kind: DocumentKind,
  t: TemplateBodyT,
  issuer: { name: string; parentName: string | null },
  today: string,
): DocModelT {
  assertPlaceholders(kind, t);
  const stamp: Stamp = {
    issuer: { ...issuer, name: t.issuingBody ?? issuer.name },
    issuedOn: today,
    number: decisionNumber(5, t.symbol),
  };
  const pages =
    SUBJECT_OF[kind] === 'plan'
      ? buildPlanDocument(t, stamp, SAMPLE_PLAN)
      : buildClassDocument(kind, t, stamp, SAMPLE_CLASS);
  return { kind, fileName: `${kind}-preview`, pages: pages.slice(0, 2) };
}
