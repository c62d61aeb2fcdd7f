/** Attendance, assessments, scores and results of a class (ADR 013). */
import { z } from 'zod';
import { NotYet } from './classes';
import { Id, IsoDate, OptionalText, RequiredText } from './common';
import { updateOf } from './update';

export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, { vi: string; en: string; short: string }> = {
  present: { vi: 'Có mặt', en: 'Present', short: 'C' },
  late: { vi: 'Đi muộn', en: 'Late', short: 'M' },
  excused: { vi: 'Vắng có phép', en: 'Absent with leave', short: 'P' },
  absent: { vi: 'Vắng không phép', en: 'Absent', short: 'K' },
};

export const ASSESSMENT_KINDS = ['test', 'essay', 'project'] as const;
export const ASSESSMENT_KIND_LABELS: Record<(typeof ASSESSMENT_KINDS)[number], { vi: string; en: string }> = {
  test: { vi: 'Bài kiểm tra', en: 'Test' },
  essay: { vi: 'Tiểu luận', en: 'Essay' },
  project: { vi: 'Đề án', en: 'Project' },
};

/** Grade codes beyond the province's bands: failed, and completed where nothing is scored. */
export const FIXED_GRADES = {
  KHONG_DAT: { vi: 'Không đạt', en: 'Not passed' },
  HOAN_THANH: { vi: 'Hoàn thành', en: 'Completed' },
} as const;

const Localized = z.object({ vi: z.string(), en: z.string() });

export const AttendanceMark = z.object({
  sessionId: Id,
  nominationId: Id,
  /** null clears the mark. */
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  /** Absent keeps the mark's reason, null clears it (ADR 023). */
  reason: OptionalText(300),
});
export const AttendanceBody = z.object({ marks: z.array(AttendanceMark).min(1).max(20_000) });

export const ConductBody = z.object({
  rulesKept: z.boolean(),
  /** Required when the rules were not kept; absent keeps the note, null clears it (ADR 023). */
  disciplineNote: OptionalText(1000),
});

export const AssessmentBody = z.object({
  name: RequiredText(200),
  kind: z.enum(ASSESSMENT_KINDS),
  weight: z.number().min(0).max(100).default(1),
  /**
   * The day a test is held or an essay/project is due, within the class's dates; scores are
   * taken from that day (ADR 025). Null: during the class (scores from its first session).
   * Left out on a change: kept as it is.
   */
  heldOn: IsoDate.nullable().optional(),
});
/** Only the fields named change (ADR 023). */
export const UpdateAssessmentBody = updateOf(AssessmentBody);

export const ScoreEntry = z.object({
  assessmentId: Id,
  nominationId: Id,
  /** 0-10, at most two decimals; null clears it. */
  score: z
    .number()
    .min(0)
    .max(10)
    .refine((n) => Math.round(n * 100) === n * 100, {
      params: { vi: 'tối đa hai chữ số thập phân', en: 'two decimals at most' },
    })
    .nullable(),
});
export const ScoresBody = z.object({ scores: z.array(ScoreEntry).min(1).max(20_000) });

/** A sheet as text (CSV with , ; or tab), first row headers; see the import description. */
export const SheetImportBody = z.object({
  text: z.string().min(1).max(5_000_000),
  /** Check only: nothing is written. */
  dryRun: z.boolean().default(true),
});

export const SheetImportResult = z.object({
  rows: z.number(),
  written: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() })),
  dryRun: z.boolean(),
});

export const Learner = z.object({
  nominationId: z.number(),
  personId: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  unitName: z.string(),
  rulesKept: z.boolean(),
  disciplineNote: z.string().nullable(),
});

export const AttendanceSheet = z.object({
  classId: z.number(),
  sessions: z.array(
    z.object({
      id: z.number(),
      day: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      topicName: z.string().nullable(),
      /** Not held yet: its attendance cannot be taken before `possibleFrom` (ADR 025). */
      notYet: NotYet.nullable(),
      /** May this login mark it: a lecturer's login marks the sessions it teaches only (ADR 063). */
      canEdit: z.boolean(),
    }),
  ),
  learners: z.array(Learner),
  marks: z.array(
    z.object({
      sessionId: z.number(),
      nominationId: z.number(),
      status: z.enum(ATTENDANCE_STATUSES),
      reason: z.string().nullable(),
    }),
  ),
  canEdit: z.boolean(),
});

export const Assessment = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(ASSESSMENT_KINDS),
  weight: z.number(),
  position: z.number(),
  heldOn: z.string().nullable(),
  /** Its scores cannot be entered before `possibleFrom` (ADR 025); null when they can. */
  notYet: NotYet.nullable(),
});

export const ScoreSheet = z.object({
  classId: z.number(),
  assessments: z.array(Assessment),
  learners: z.array(Learner),
  scores: z.array(z.object({ assessmentId: z.number(), nominationId: z.number(), score: z.number() })),
  canEdit: z.boolean(),
});

export const ResultReason = z.object({
  code: z.enum(['ATTENDANCE', 'LOW_SCORE', 'MISSING_SCORE', 'RULES', 'BORDERLINE']),
  vi: z.string(),
  en: z.string(),
});

export const LearnerResult = z.object({
  nominationId: z.number(),
  personId: z.number(),
  fullName: z.string(),
  unitName: z.string(),
  attendancePct: z.number(),
  average: z.number().nullable(),
  minScore: z.number().nullable(),
  rulesKept: z.boolean(),
  passed: z.boolean(),
  borderline: z.boolean(),
  grade: z.string(),
  gradeLabel: Localized,
  reasons: z.array(ResultReason),
});

export const ClassResults = z.object({
  classId: z.number(),
  /** Live while the class runs; stored (as computed when it finished) afterwards. */
  stored: z.boolean(),
  /** The pass rule and bands used, with their legal source. */
  rule: z.object({
    minAttendancePct: z.number(),
    minScore: z.number(),
    rulesKept: z.boolean(),
    legalSource: z.string(),
    bands: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string(), minAverage: z.number() })),
    bandsSource: z.string(),
  }),
  items: z.array(LearnerResult),
  counts: z.object({ passed: z.number(), failed: z.number(), borderline: z.number() }),
  byGrade: z.array(z.object({ grade: z.string(), label: Localized, count: z.number() })),
});

/** "My classes" of a lecturer's login (ADR 038): the classes it teaches with its sessions. */
export const Teaching = z.object({
  lecturer: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  classes: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      status: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      sessions: z.array(
        z.object({
          id: z.number(),
          day: z.string(),
          startsAt: z.string(),
          endsAt: z.string(),
          topicCode: z.string().nullable(),
          room: z.string().nullable(),
        }),
      ),
    }),
  ),
});
