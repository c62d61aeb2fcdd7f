/**
 * The feedback forms shipped with the product (ADR 015) and how a form is chosen. A form is a
 * row of `feedback_forms` (level, version, date, questions, scale); a new wording is a new
 * version from a date, and each answer keeps the id of the version it answered. Roll-ups group
 * by question code, so a reworded question keeps its history.
 */
import { sql } from 'drizzle-orm';
import type { FeedbackForm, FeedbackLevel, FeedbackQuestion } from '../../../contracts/feedback';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { feedbackForms } from '../../db/schema/index';

interface ShippedForm {
  level: FeedbackLevel;
  version: number;
  effectiveFrom: string;
  questions: FeedbackQuestion[];
  scale: { vi: string; en: string }[];
}

const SATISFACTION = [
  { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  { vi: 'Không hài lòng', en: 'Dissatisfied' },
  { vi: 'Bình thường', en: 'Neutral' },
  { vi: 'Hài lòng', en: 'Satisfied' },
  { vi: 'Rất hài lòng', en: 'Very satisfied' },
];

const AGREEMENT = [
  { vi: 'Hoàn toàn không đồng ý', en: 'Strongly disagree' },
  { vi: 'Không đồng ý', en: 'Disagree' },
  { vi: 'Phân vân', en: 'Undecided' },
  { vi: 'Đồng ý', en: 'Agree' },
  { vi: 'Hoàn toàn đồng ý', en: 'Strongly agree' },
];

export const FEEDBACK_FORM_PACK: ShippedForm[] = [
  {
    level: 1,
    version: 1,
    effectiveFrom: '2018-01-01',
    scale: SATISFACTION,
    questions: [
      {
        code: 'CONTENT_RELEVANT',
        target: 'class',
        vi: 'Nội dung chương trình sát với yêu cầu công việc',
        en: 'The content fits the needs of the job',
      },
      {
        code: 'CONTENT_UPDATED',
        target: 'class',
        vi: 'Nội dung đầy đủ, cập nhật, tài liệu rõ ràng',
        en: 'The content is complete and up to date, the materials clear',
      },
      {
        code: 'LECTURER_KNOWLEDGE',
        target: 'lecturer',
        vi: 'Giảng viên nắm vững kiến thức, liên hệ thực tiễn',
        en: 'The lecturer masters the subject and links it to practice',
      },
      {
        code: 'LECTURER_METHOD',
        target: 'lecturer',
        vi: 'Phương pháp giảng dạy dễ hiểu, khuyến khích trao đổi',
        en: 'The teaching is clear and invites discussion',
      },
      {
        code: 'ORG_MANAGEMENT',
        target: 'organisation',
        vi: 'Công tác tổ chức, quản lý lớp học',
        en: 'How the class was organised and run',
      },
      {
        code: 'ORG_FACILITIES',
        target: 'organisation',
        vi: 'Cơ sở vật chất, phòng học, phục vụ',
        en: 'Premises, rooms and services',
      },
    ],
  },
  {
    level: 3,
    version: 1,
    effectiveFrom: '2018-01-01',
    scale: AGREEMENT,
    questions: [
      {
        code: 'APPLIES_LEARNING',
        target: 'work',
        vi: 'Cán bộ vận dụng kiến thức, kỹ năng đã học vào công việc',
        en: 'The person applies what was learned in the work',
      },
      {
        code: 'WORK_IMPROVED',
        target: 'work',
        vi: 'Chất lượng, hiệu quả công việc được nâng lên sau khóa học',
        en: 'The quality and results of the work improved after the class',
      },
      {
        code: 'RECOMMEND_PROGRAMME',
        target: 'work',
        vi: 'Đơn vị sẽ tiếp tục cử cán bộ tham gia chương trình này',
        en: 'The unit would send others to this programme',
      },
    ],
  },
];

/** Insert the shipped versions not there yet; refresh the wording of those that are. */
export async function seedFeedbackForms(q: Queryable): Promise<void> {
  for (const f of FEEDBACK_FORM_PACK)
    await q
      .insert(feedbackForms)
      .values({ ...f, builtIn: true })
      .onConflictDoUpdate({
        target: [feedbackForms.level, feedbackForms.version],
        set: { questions: f.questions, scale: f.scale, effectiveFrom: f.effectiveFrom },
        setWhere: sql`${feedbackForms.builtIn}`,
      });
}

const FORM_SELECT = sql`select id, level, version, effective_from::text as "effectiveFrom", questions, scale
  from feedback_forms`;

/** The version of the level's form in force on `date` (the latest one started by then). */
export async function formInForce(q: Queryable, level: FeedbackLevel, date: string): Promise<FeedbackForm> {
  const [row] = rowsOf<FeedbackForm>(
    await q.execute(sql`${FORM_SELECT} where level = ${level} and effective_from <= ${date}::date
      order by effective_from desc, version desc limit 1`),
  );
  if (!row) throw new Error(`No level-${level} feedback form in force on ${date}`);
  return row;
}

export async function formById(q: Queryable, id: number): Promise<FeedbackForm | undefined> {
  return rowsOf<FeedbackForm>(await q.execute(sql`${FORM_SELECT} where id = ${id}`))[0];
}

/** Every question of the levels' forms in form order, labelled by the latest version that has it. */
export async function questionLabels(q: Queryable, levels: FeedbackLevel[]) {
  const inLevels = sql.join(
    levels.map((l) => sql`${l}`),
    sql`, `,
  );
  return rowsOf<FeedbackQuestion & { level: number }>(
    await q.execute(sql`select code, target, vi, en, level from (
        select distinct on (x.q->>'code') x.q->>'code' as code, x.q->>'target' as target,
          x.q->>'vi' as vi, x.q->>'en' as en, f.level::int as level, x.pos
        from feedback_forms f cross join lateral jsonb_array_elements(f.questions) with ordinality as x(q, pos)
        where f.level in (${inLevels})
        order by x.q->>'code', f.version desc) q
      order by level, pos`),
  );
}
