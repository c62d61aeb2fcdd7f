import { AppError, fieldError, invalid, type Localized } from './errors';

/**
 * Every unique key of the schema, by constraint name, with the request field it guards and
 * what it is in words. A unique violation (SQLSTATE 23505) that reaches the error handler
 * becomes a 409 DUPLICATE naming that field; services that check first keep their own messages.
 */
export const UNIQUE_KEYS: Record<string, { field: string; what: Localized }> = {
  org_units_code_active_uq: { field: 'code', what: { vi: 'Mã đơn vị', en: 'Unit code' } },
  users_username_unique: { field: 'username', what: { vi: 'Tên đăng nhập', en: 'Username' } },
  users_lecturer_uq: {
    field: 'lecturerId',
    what: { vi: 'Tài khoản của giảng viên', en: "The lecturer's login" },
  },
  people_personal_id_uq: {
    field: 'personalId',
    what: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
  },
  code_items_list_code_pk: { field: 'code', what: { vi: 'Mã trong danh mục', en: 'Code in the list' } },
  code_aliases_list_key_uq: { field: 'alias', what: { vi: 'Từ đồng nghĩa', en: 'Alias' } },
  abroad_delegations_organiser_code_uq: { field: 'code', what: { vi: 'Mã đoàn', en: 'Delegation code' } },
  abroad_members_delegation_person_uq: {
    field: 'personId',
    what: { vi: 'Thành viên trong đoàn', en: 'Member of the delegation' },
  },
  programmes_owner_code_uq: { field: 'code', what: { vi: 'Mã chương trình', en: 'Programme code' } },
  programme_topics_code_uq: { field: 'topics', what: { vi: 'Mã chuyên đề', en: 'Topic code' } },
  programme_topics_position_uq: { field: 'topics', what: { vi: 'Thứ tự chuyên đề', en: 'Topic position' } },
  institutions_org_unit_uq: {
    field: 'orgUnitId',
    what: { vi: 'Cơ sở đào tạo của đơn vị', en: 'Institution of the unit' },
  },
  institutions_owner_name_uq: { field: 'name', what: { vi: 'Tên cơ sở đào tạo', en: 'Institution name' } },
  lecturers_person_uq: {
    field: 'personId',
    what: { vi: 'Giảng viên của người này', en: "This person's lecturer record" },
  },
  lecturer_institutions_lecturer_id_institution_id_pk: {
    field: 'institutionIds',
    what: { vi: 'Cơ sở của giảng viên', en: "Lecturer's institution" },
  },
  lecturer_hours_lecturer_id_year_source_pk: {
    field: 'year',
    what: { vi: 'Số giờ giảng của năm', en: 'Hours of the year' },
  },
  certificate_registers_institution_uq: {
    field: 'institutionId',
    what: { vi: 'Sổ cấp chứng chỉ của cơ sở', en: "The institution's certificate register" },
  },
  certificate_registers_unit_uq: {
    field: 'orgUnitId',
    what: { vi: 'Sổ cấp chứng chỉ của đơn vị', en: "The unit's certificate register" },
  },
  certificates_number_uq: { field: 'number', what: { vi: 'Số chứng chỉ', en: 'Certificate number' } },
  certificates_nomination_uq: {
    field: 'nominationId',
    what: { vi: 'Chứng chỉ của học viên', en: "The learner's certificate" },
  },
  certificates_replaces_uq: {
    field: 'replacesId',
    what: { vi: 'Chứng chỉ thay thế', en: 'Replacement certificate' },
  },
  classes_organiser_year_code_uq: { field: 'code', what: { vi: 'Mã lớp', en: 'Class code' } },
  feedback_forms_level_version_uq: { field: 'version', what: { vi: 'Phiên bản phiếu', en: 'Form version' } },
  feedback_answers_once_uq: { field: 'level', what: { vi: 'Phiếu đánh giá', en: 'Feedback answer' } },
  feedback_scores_question_uq: { field: 'answers', what: { vi: 'Câu trả lời', en: 'Answer' } },
  needs_proposals_campaign_unit_uq: {
    field: 'unitId',
    what: { vi: 'Đề xuất của đơn vị', en: "The unit's proposal" },
  },
  class_quotas_class_unit_uq: {
    field: 'unitId',
    what: { vi: 'Chỉ tiêu của đơn vị', en: "The unit's quota" },
  },
  class_nominations_live_uq: {
    field: 'personId',
    what: { vi: 'Cử người học', en: 'Nomination of the person' },
  },
  multiyear_programmes_unit_code_uq: {
    field: 'code',
    what: { vi: 'Mã kế hoạch nhiều năm', en: 'Multi-year plan code' },
  },
  annual_plans_unit_year_uq: {
    field: 'year',
    what: { vi: 'Kế hoạch năm của đơn vị', en: "The unit's plan for the year" },
  },
  annual_plan_versions_plan_version_uq: {
    field: 'version',
    what: { vi: 'Phiên bản kế hoạch', en: 'Plan version' },
  },
  annual_plan_version_lines_uq: { field: 'lineId', what: { vi: 'Dòng kế hoạch', en: 'Plan line' } },
  annual_ratings_person_year_uq: {
    field: 'year',
    what: { vi: 'Xếp loại của năm', en: 'Rating of the year' },
  },
  report_layouts_owner_code_uq: { field: 'code', what: { vi: 'Mã mẫu báo cáo', en: 'Report layout code' } },
  join_requests_pending_uq: {
    field: 'classId',
    what: { vi: 'Đăng ký học đang chờ', en: 'Pending join request' },
  },
  standard_rules_code_version_uq: { field: 'code', what: { vi: 'Mã tiêu chuẩn', en: 'Standard code' } },
  eligibility_rules_code_version_uq: {
    field: 'code',
    what: { vi: 'Mã điều kiện', en: 'Eligibility rule code' },
  },
  rating_scales_code_from_uq: { field: 'effectiveFrom', what: { vi: 'Thang xếp loại', en: 'Rating scale' } },
  class_attendance_session_id_nomination_id_pk: {
    field: 'rows',
    what: { vi: 'Điểm danh', en: 'Attendance' },
  },
  class_scores_assessment_id_nomination_id_pk: { field: 'rows', what: { vi: 'Điểm', en: 'Score' } },
};

/** The unique violation inside an error (Drizzle wraps the driver's), or undefined. */
export function uniqueViolationOf(err: unknown): { constraint?: string } | undefined {
  let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e.code === '23505') {
      const named = e.constraint ?? Object.keys(UNIQUE_KEYS).find((k) => e?.message?.includes(`"${k}"`));
      return { constraint: named };
    }
    e = e.cause as typeof e;
  }
  return undefined;
}

/** A 409 DUPLICATE naming the field of the key, from a unique violation. */
export function duplicateError(constraint: string | undefined): AppError {
  const key = constraint ? UNIQUE_KEYS[constraint] : undefined;
  if (!key) return new AppError('DUPLICATE', { details: { constraint } });
  return new AppError('DUPLICATE', {
    message: {
      vi: `${key.what.vi} đã tồn tại (${key.field}).`,
      en: `${key.what.en} already exists (${key.field}).`,
    },
    fields: [fieldError(key.field, 'đã tồn tại', 'already exists')],
  });
}

/** True for a unique-constraint violation (23505) named `constraint`, through Drizzle's wrapping. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (
    let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined;
    e;
  ) {
    if (e.code === '23505' && (e.constraint === constraint || e.message?.includes(constraint))) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Run `fn`; a violation of one of `constraints` becomes the error `toError` makes (a service's own
 * message where the generic 409 of the error handler is not enough). Other errors pass through.
 */
export async function onUniqueViolation<T>(
  fn: () => Promise<T>,
  constraints: string | readonly string[],
  toError: () => Error,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const names = typeof constraints === 'string' ? [constraints] : constraints;
    if (names.some((c) => isUniqueViolation(err, c))) throw toError();
    throw err;
  }
}

/** Run `fn`; a violation of `constraint` becomes a 400 on `field` (two users saving the same code at once). */
export function uniqueAsField<T>(
  fn: () => Promise<T>,
  constraint: string,
  field: string,
  msg: Localized,
): Promise<T> {
  return onUniqueViolation(fn, constraint, () => invalid([fieldError(field, msg.vi, msg.en)]));
}
