/**
 * Dated values of the domain's rules that are not standards (ADR 013), each validated by its own
 * schema: the pass rule and grade bands of a class, the days to report after training abroad,
 * the service commitment of sponsored postgraduate study, the months before the supervisor's
 * effectiveness form.
 */
import { z } from 'zod';

export const PassRule = z.object({
  /** Share of the sessions attended (present or late), in %. 100 = the whole programme. */
  minAttendancePct: z.number().min(0).max(100),
  /** Lowest score accepted on every assessment, on 10. */
  minScore: z.number().min(0).max(10),
  /** The class's rules must be kept. */
  rulesKept: z.boolean(),
  /** A result within this many points above a limit is listed as borderline. */
  borderlineMargin: z.number().min(0).max(2).default(0.5),
});

export const GradeBands = z
  .array(
    z.object({
      code: z.string().min(1).max(30),
      vi: z.string().min(1),
      en: z.string().min(1),
      /** Lowest average (on 10) of the band; the failing band is implied below the last. */
      minAverage: z.number().min(0).max(10),
    }),
  )
  .min(1)
  .refine((b) => b.every((x, i) => i === 0 || x.minAverage < b[i - 1].minAverage), {
    params: { vi: 'các mức phải giảm dần', en: 'bands must go down' },
  });

/**
 * When the steps of a class become possible by its schedule (ADR 025). A class finishes once its
 * last session has ended (that is what "finished" means); these are the thresholds around it.
 */
export const ClassCalendar = z.object({
  /** Minutes before a session starts that its attendance may be taken (0: from the start). */
  attendanceLeadMinutes: z.number().int().min(0).max(240),
  /** Whole days after the last session's day before the class may close (0: the same day, once it ended). */
  closeAfterDays: z.number().int().min(0).max(365),
  /** Whole days after the last session's day before certificates may be issued (0: the same day, once it ended). */
  certificatesAfterDays: z.number().int().min(0).max(365),
});

export const POLICY_SCHEMAS = {
  'class.pass_rule': PassRule,
  'class.grade_bands': GradeBands,
  'class.calendar': ClassCalendar,
  'abroad.report_due_days': z.number().int().min(1).max(365),
  'postgrad.commitment_multiplier': z.number().min(1).max(10),
  'feedback.level3_delay_months': z.number().int().min(1).max(36),
  /** Days ahead a standard's due date is reminded to the person's unit officers (ADR 051). */
  'standards.due_soon_days': z.number().int().min(1).max(365),
  /** Days the staged rows of an import never committed are kept after its preview (ADR 058). */
  'imports.staged_keep_days': z.number().int().min(1).max(365),
  /**
   * Four eyes (ADR 038): true when whoever approves a plan, accepts a needs proposal or approves
   * a nomination must not be whoever submitted it.
   */
  'approvals.four_eyes': z.boolean(),
  /**
   * Decisions (ADR 044): true when approving a plan, accepting a needs proposal or approving a
   * nomination must record the decision's number, date and signer.
   */
  'approvals.decision_required': z.boolean(),
} as const;
export type PolicyCode = keyof typeof POLICY_SCHEMAS;
export type PolicyValue<C extends PolicyCode> = z.infer<(typeof POLICY_SCHEMAS)[C]>;
export const POLICY_CODES = Object.keys(POLICY_SCHEMAS) as PolicyCode[];

export const POLICY_LABELS: Record<PolicyCode, { vi: string; en: string }> = {
  'class.pass_rule': { vi: 'Điều kiện hoàn thành lớp học', en: 'Pass rule of a class' },
  'class.grade_bands': { vi: 'Xếp loại kết quả học tập', en: 'Grade bands of class results' },
  'class.calendar': {
    vi: 'Mốc thời gian của lớp (điểm danh, đóng lớp, cấp chứng chỉ)',
    en: 'Class calendar (attendance, closing, certificates)',
  },
  'abroad.report_due_days': {
    vi: 'Số ngày nộp báo cáo sau khi về nước',
    en: 'Days to report after returning from abroad',
  },
  'postgrad.commitment_multiplier': {
    vi: 'Thời gian cam kết phục vụ (lần thời gian học)',
    en: 'Service commitment (times the study period)',
  },
  'feedback.level3_delay_months': {
    vi: 'Số tháng sau lớp học để đánh giá hiệu quả (cấp độ 3)',
    en: 'Months after a class before the effectiveness form (level 3)',
  },
  'standards.due_soon_days': {
    vi: 'Số ngày nhắc trước hạn đạt tiêu chuẩn',
    en: 'Days ahead a standard coming due is reminded',
  },
  'imports.staged_keep_days': {
    vi: 'Số ngày giữ dữ liệu đã kiểm tra của lần nhập chưa ghi',
    en: 'Days the checked rows of an uncommitted import are kept',
  },
  'approvals.four_eyes': {
    vi: 'Người phê duyệt phải khác người trình (kế hoạch, đề xuất nhu cầu, lượt cử đi học)',
    en: 'The approver must not be the submitter (plans, needs proposals, nominations)',
  },
  'approvals.decision_required': {
    vi: 'Phê duyệt phải ghi số, ngày quyết định và người ký (kế hoạch, đề xuất nhu cầu, lượt cử đi học)',
    en: 'Approvals must record the decision number, date and signer (plans, needs proposals, nominations)',
  },
};

export const PolicyVersion = z.object({
  id: z.number(),
  code: z.string(),
  ownerUnitId: z.number().nullable(),
  ownerUnitName: z.string().nullable(),
  value: z.unknown(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  legalSource: z.string(),
  note: z.string().nullable(),
  builtIn: z.boolean(),
});

export const PolicyList = z.object({
  asOf: z.string(),
  items: z.array(
    z.object({
      code: z.string(),
      label: z.object({ vi: z.string(), en: z.string() }),
      /** The value in force for the actor's unit on `asOf`. */
      current: PolicyVersion.nullable(),
      versions: z.array(PolicyVersion),
    }),
  ),
  canWrite: z.boolean(),
});

export const PolicyQuery = z.object({ asOf: z.iso.date().optional() });

export const NewPolicyValueBody = z.object({
  value: z.unknown(),
  effectiveFrom: z.iso.date(),
  legalSource: z.string().min(1).max(500),
  note: z.string().max(1000).nullable().optional(),
});
