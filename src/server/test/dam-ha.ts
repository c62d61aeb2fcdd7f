/**
 * Đầm Hà district's figures (../shared/seeds 002, Quang Ninh, January 2025): "the district has
 * organised 128 training classes, updating knowledge for 16,006 trainees, reaching 101% of the
 * set plan". The article gives the totals only; how they split over programme kinds is ours
 * (written here once, so the test and the guide's walk-through read the same sheet): four plan
 * lines of 128 classes and 15,850 planned trainees (16,006 / 15,850 = 100.98% -> "101%").
 * The sheets are the product's own import layouts (units, people, annual plan lines, rosters).
 */
export const DAM_HA = { classes: 128, trainees: 16_006, planned: 15_850, pct: 101 } as const;

/** The year the figures are put in (the article's term, read as one plan year). */
export const DAM_HA_YEAR = 2024;

export interface DamHaLine {
  kind: string;
  /** The programme kind as an office writes it (the import reads words). */
  words: string;
  programme: { code: string; name: string; periods: number; days: number };
  classes: number;
  planned: number;
  /** Learners actually sent, over the line's classes. */
  actual: number;
  budget: number;
}

export const DAM_HA_LINES: DamHaLine[] = [
  {
    kind: 'KNOWLEDGE_UPDATE',
    words: 'Cập nhật kiến thức',
    programme: { code: 'DH-CNKT', name: 'Cập nhật kiến thức, nghị quyết mới', periods: 8, days: 1 },
    classes: 80,
    planned: 11_000,
    actual: 11_105,
    budget: 800_000_000,
  },
  {
    kind: 'POLITICAL_THEORY',
    words: 'Lý luận chính trị',
    programme: { code: 'DH-DVM', name: 'Lý luận chính trị cho đảng viên mới', periods: 40, days: 5 },
    classes: 20,
    planned: 2_000,
    actual: 2_041,
    budget: 400_000_000,
  },
  {
    kind: 'JOB_POSITION',
    words: 'Theo vị trí việc làm',
    programme: { code: 'DH-VTVL', name: 'Kỹ năng theo vị trí việc làm cấp xã', periods: 16, days: 2 },
    classes: 16,
    planned: 1_850,
    actual: 1_860,
    budget: 250_000_000,
  },
  {
    kind: 'DEFENCE_SECURITY',
    words: 'Quốc phòng - an ninh',
    programme: { code: 'DH-QPAN', name: 'Kiến thức quốc phòng - an ninh đối tượng 4', periods: 24, days: 3 },
    classes: 12,
    planned: 1_000,
    actual: 1_000,
    budget: 150_000_000,
  },
];

/** The district and its communes (before the 2025 merger), codes for the people sheet. */
export const DAM_HA_UNITS = [
  'Thị trấn Đầm Hà',
  'Xã Quảng Tân',
  'Xã Quảng Lâm',
  'Xã Quảng An',
  'Xã Tân Bình',
  'Xã Quảng Lợi',
  'Xã Dực Yên',
  'Xã Tân Lập',
  'Xã Đại Bình',
];

/** The org units sheet (units import layout). */
export function damHaUnitsSheet(): unknown[][] {
  return [
    ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Loại đơn vị', 'Đơn vị cấp trên', 'Ngày thành lập'],
    ['DH', 'Huyện Đầm Hà', 'district', 'ADMIN_AREA', '', '01/01/2000'],
    ...DAM_HA_UNITS.map((n, i) => [`DH-${i}`, n, 'commune', 'ADMIN_AREA', 'DH', '01/01/2000']),
  ];
}

/** The staff the classes draw from: each person attends several classes (trainees are seats). */
export const DAM_HA_STAFF = 1_200;
export const damHaPid = (i: number) => `022${i % 2}85${String(i).padStart(6, '0')}`;
export const damHaName = (i: number) => `${i % 2 ? 'Trần Thị' : 'Nguyễn Văn'} Đầm ${i}`;

export function damHaPeopleSheet(): unknown[][] {
  return [
    ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Đối tượng', 'Mã đơn vị', 'Ngày vào công tác'],
    ...Array.from({ length: DAM_HA_STAFF }, (_, i) => [
      damHaName(i),
      '04/03/1985',
      i % 2 ? 'F' : 'M',
      damHaPid(i),
      'CC',
      i % 10 === 9 ? 'DH' : `DH-${i % 9}`,
      '01/08/2010',
    ]),
  ];
}

/** The district's annual plan as its office writes it: unit and kinds by name, the province's budget. */
export function damHaPlanSheet(): unknown[][] {
  return [
    [
      'Đơn vị',
      'Năm kế hoạch',
      'Loại chương trình',
      'Số lớp',
      'Số học viên',
      'Số tiết',
      'Nguồn kinh phí',
      'Dự toán kinh phí (đồng)',
    ],
    ...DAM_HA_LINES.map((l) => [
      'Huyện Đầm Hà',
      DAM_HA_YEAR,
      l.words,
      l.classes,
      l.planned,
      l.programme.periods,
      'Kinh phí của cơ quan, đơn vị',
      l.budget,
    ]),
  ];
}

/** Learners per class of a line: the line's actual learners spread over its classes. */
export function damHaClassSizes(l: DamHaLine): number[] {
  const base = Math.floor(l.actual / l.classes);
  return Array.from({ length: l.classes }, (_, i) => base + (i < l.actual - base * l.classes ? 1 : 0));
}

/** A roster sheet of `size` people of the staff from `from` on (wrapping round). */
export function damHaRosterSheet(from: number, size: number): unknown[][] {
  return [
    ['Số định danh', 'Họ và tên'],
    ...Array.from({ length: size }, (_, k) => {
      const i = (from + k) % DAM_HA_STAFF;
      return [damHaPid(i), damHaName(i)];
    }),
  ];
}

/** Every column of the plan import, in the template's order. */
export const PLAN_HEAD = [
  'Đơn vị',
  'Năm kế hoạch',
  'Loại chương trình',
  'Trình độ',
  'Nhóm đối tượng',
  'Đối tượng',
  'Số lớp',
  'Số học viên',
  'Số tiết',
  'Nguồn kinh phí',
  'Dự toán kinh phí (đồng)',
  'Ghi chú',
];
