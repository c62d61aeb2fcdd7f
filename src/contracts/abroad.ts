/** Training abroad (ADR 016): delegations, their members, reports due after return, completion. */
import { z } from 'zod';
import { Id, Int, IsoDate, OptionalText, Page, RequiredText, sortParam } from './common';
import { updateShape } from './update';

const msg = (vi: string, en: string) => ({ params: { vi, en } });
const Code = z.string().min(1).max(40);
/** VND, as class budgets. */
const Money = z.number().int().min(0).max(10_000_000_000_000);
const Localized = z.object({ vi: z.string(), en: z.string() });

/** planned -> approved -> travelling -> returned -> closed; cancelled from planned or approved. */
export const DELEGATION_STATUSES = [
  'planned',
  'approved',
  'travelling',
  'returned',
  'closed',
  'cancelled',
] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

export const DELEGATION_STATUS_LABELS: Record<DelegationStatus, { vi: string; en: string }> = {
  planned: { vi: 'Dự kiến', en: 'Planned' },
  approved: { vi: 'Đã có quyết định cử', en: 'Approved' },
  travelling: { vi: 'Đang ở nước ngoài', en: 'Abroad' },
  returned: { vi: 'Đã về nước', en: 'Returned' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** "ĐNN-01/2026": letters, digits, space, / . - _ */
export const DelegationCode = z
  .string()
  .max(40)
  .refine(
    (s) => /^[\p{L}\p{N}][\p{L}\p{N} /._-]{0,39}$/u.test(s),
    msg('chỉ gồm chữ, số, khoảng trắng và / . - _', 'letters, digits, spaces and / . - _ only'),
  );

const datesInOrder = (b: { departsOn?: string; returnsOn?: string }) =>
  !b.departsOn || !b.returnsOn || b.returnsOn >= b.departsOn;
const DATES_ORDER = {
  path: ['returnsOn'],
  ...msg('không được trước ngày đi', 'must not be before departure'),
};

const DelegationFields = {
  code: DelegationCode,
  name: RequiredText(300),
  /** An institution of the catalogue of kind FOREIGN_PARTNER. */
  partnerInstitutionId: Id,
  /** The catalogue programme followed, if any (its granted qualification is recorded on completion). */
  programmeId: Id.nullable().optional(),
  /** Default: the actor's scope unit. */
  organiserUnitId: Id.optional(),
  country: RequiredText(100),
  departsOn: IsoDate,
  returnsOn: IsoDate,
  /** The decision forming the delegation (required to approve it). */
  decisionNo: OptionalText(100),
  decisionDate: IsoDate.nullable().optional(),
  note: OptionalText(2000),
  /** The plan line (kind ABROAD, of the departure year, in my subtree) carried out (ADR 039). */
  planLineId: Id.nullable().optional(),
};
/** Funding source code (list `funding_source`) -> VND. */
const Budget = z.record(Code, Money);

const CreateDelegationFields = {
  ...DelegationFields,
  /** The estimate. */
  budget: Budget.default({}),
  /** What was actually spent, by funding source (ADR 039). */
  actualCost: Budget.default({}),
};
export const CreateDelegationBody = z.object(CreateDelegationFields).refine(datesInOrder, DATES_ORDER);

/** Only the fields named change (ADR 023); `version` guards against a stale edit (409). */
export const UpdateDelegationBody = z
  .object(updateShape(CreateDelegationFields))
  .extend({ version: z.number().int().min(1) })
  .refine(datesInOrder, DATES_ORDER);

export const DelegationStatusBody = z.object({
  to: z.enum(DELEGATION_STATUSES),
  /** Required when cancelling. */
  comment: OptionalText(1000),
  /** When closing: the members who completed the programme (the others did not). */
  completedMemberIds: z.array(Id).max(1000).optional(),
});

/** The columns the delegation list sorts by (`sort=name`, `sort=-departsOn`). */
export const DELEGATION_SORT_KEYS = ['code', 'name', 'organiser', 'departsOn', 'memberCount'] as const;

export const DelegationListQuery = Page.extend({
  /** Sort by one column (a "-" before the key: descending); default: latest departure first. */
  sort: sortParam(DELEGATION_SORT_KEYS),
  year: Int(2000, 2200).optional(),
  status: z.enum(DELEGATION_STATUSES).optional(),
  /** Code, name or country, accents and case ignored. */
  q: z.string().max(100).optional(),
});

export const DelegationSummary = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  partnerInstitutionId: z.number(),
  partnerName: z.string(),
  programmeId: z.number().nullable(),
  programmeName: z.string().nullable(),
  organiserUnitId: z.number(),
  organiserUnitName: z.string(),
  country: z.string(),
  departsOn: z.string(),
  returnsOn: z.string(),
  status: z.enum(DELEGATION_STATUSES),
  decisionNo: z.string().nullable(),
  memberCount: z.number(),
  budgetTotal: z.number(),
  actualCostTotal: z.number(),
  planLineId: z.number().nullable(),
});

export const DelegationList = z.object({
  items: z.array(DelegationSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** Where a member's report stands: not due yet (not back), waiting within the days, late, in. */
export const REPORT_STATES = ['not_due', 'waiting', 'overdue', 'submitted'] as const;

export const MemberWarning = z.object({
  code: z.enum(['LEARNER_CLASH', 'DELEGATION_CLASH']),
  vi: z.string(),
  en: z.string(),
});

export const DelegationMember = z.object({
  id: z.number(),
  personId: z.number(),
  fullName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  role: z.string().nullable(),
  warnings: z.array(MemberWarning),
  report: z.object({
    state: z.enum(REPORT_STATES),
    /** return + the days in force (policy abroad.report_due_days). */
    dueOn: z.string(),
    daysLate: z.number().nullable(),
    submittedOn: z.string().nullable(),
    summary: z.string().nullable(),
    fileName: z.string().nullable(),
  }),
  /** Null until the delegation closes. */
  completed: z.boolean().nullable(),
  /** The qualification put on the person's record on completion (programme granting one). */
  qualificationId: z.number().nullable(),
});

export const DelegationDetail = DelegationSummary.extend({
  budget: z.record(z.string(), z.number()),
  actualCost: z.record(z.string(), z.number()),
  decisionDate: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  /** What completion records on each member's record. */
  grants: z.object({ kind: z.string(), level: z.string(), label: Localized }).nullable(),
  /** The rule of the report: days after return and its legal source. */
  reportRule: z.object({ days: z.number(), legalSource: z.string(), dueOn: z.string() }),
  nextStatuses: z.array(z.enum(DELEGATION_STATUSES)),
  canManage: z.boolean(),
  members: z.array(DelegationMember),
  /** Members of units outside the actor's subtree (counted, not shown). */
  hiddenMembers: z.number(),
});

export const AddMemberBody = z.object({
  personId: Id,
  /** Trưởng đoàn, thành viên... */
  role: OptionalText(100),
  /** Send despite the warnings (409 NEEDS_CONFIRMATION otherwise). */
  confirm: z.boolean().default(false),
});

export const MemberCheck = z.object({ warnings: z.array(MemberWarning) });

export const MemberParams = z.object({ id: Id, memberId: Id });

export const ReportBody = z.object({
  /** The day the report was handed in (not in the future). */
  submittedOn: IsoDate,
  /** Absent keeps the summary recorded, null clears it (ADR 023). */
  summary: OptionalText(4000),
  /** A file (PDF or image, base64, at most 5 MB); null removes it, absent keeps it. */
  file: z
    .object({
      fileName: z.string().min(1).max(200),
      mimeType: z.enum([
        'application/pdf',
        'image/png',
        'image/jpeg',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ]),
      contentBase64: z.string().min(1).max(7_000_000),
    })
    .nullable()
    .optional(),
});

export const OverdueReport = z.object({
  memberId: z.number(),
  delegationId: z.number(),
  delegationCode: z.string(),
  delegationName: z.string(),
  country: z.string(),
  personId: z.number(),
  fullName: z.string(),
  unitName: z.string(),
  returnsOn: z.string(),
  dueOn: z.string(),
  daysLate: z.number(),
});
export const OverdueReports = z.object({ asOf: z.string(), items: z.array(OverdueReport) });

/** The delegations a person was a member of (person record, "Đào tạo" tab). */
export const PersonDelegations = z.object({
  items: z.array(
    z.object({
      memberId: z.number(),
      delegationId: z.number(),
      code: z.string(),
      name: z.string(),
      partnerName: z.string(),
      country: z.string(),
      departsOn: z.string(),
      returnsOn: z.string(),
      status: z.enum(DELEGATION_STATUSES),
      completed: z.boolean().nullable(),
      reportSubmittedOn: z.string().nullable(),
      qualificationId: z.number().nullable(),
    }),
  ),
});
