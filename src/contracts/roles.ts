/** The roles of product.md; each user holds one, bound to an org subtree. */
export const ROLES = [
  'admin',
  'training_officer',
  'unit_officer',
  'institution_staff',
  'lecturer',
  'learner',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** What an actor may do; the scope (subtree) is checked separately by every query. */
export const PERMISSIONS = {
  'org.read': ['admin', 'training_officer', 'unit_officer', 'institution_staff', 'lecturer', 'viewer'],
  'org.write': ['admin', 'training_officer'],
  'people.read': ['admin', 'training_officer', 'unit_officer', 'institution_staff', 'viewer'],
  'people.write': ['admin', 'training_officer', 'unit_officer'],
  'codes.write': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  'standards.read': ['admin', 'training_officer', 'unit_officer', 'institution_staff', 'viewer'],
  'standards.write': ['admin', 'training_officer'],
  'needs.read': ['admin', 'training_officer', 'unit_officer', 'viewer'],
  /** Edit and submit the proposal of a unit in one's scope. */
  'needs.propose': ['admin', 'training_officer', 'unit_officer'],
  /** Review (return/accept) proposals of units below one's own scope unit, consolidate. */
  'needs.review': ['admin', 'training_officer', 'unit_officer'],
  /** Open, change and close campaigns. */
  'needs.manage': ['admin', 'training_officer'],
  /** Read multi-year programmes and annual plans of one's subtree. */
  'plans.read': ['admin', 'training_officer', 'unit_officer', 'institution_staff', 'viewer'],
  /** Create and edit the annual plan of a unit in one's scope, submit it, open a new version. */
  'plans.draft': ['admin', 'training_officer', 'unit_officer'],
  /** Issue multi-year programmes, approve or return plans, set class sizes. */
  'plans.manage': ['admin', 'training_officer'],
  'ratings.write': ['admin', 'training_officer', 'unit_officer'],
  /** Read the programme catalogue, institutions and lecturers of one's province. */
  /** See classes of one's subtree, of the units above (to send people) and of one's institution. */
  'classes.read': ['admin', 'training_officer', 'unit_officer', 'institution_staff', 'lecturer', 'viewer'],
  /** Open and run classes organised in one's subtree or taught at one's institution. */
  'classes.manage': ['admin', 'training_officer', 'institution_staff'],
  /** Send people of one's subtree to classes one can see; withdraw or substitute them. */
  'nominations.propose': ['admin', 'training_officer', 'unit_officer'],
  /** Answer the level-1 form of the classes one is an approved learner of (own record). */
  'feedback.answer': ['learner'],
  /** The level-3 effectiveness forms of the learners of one's subtree, months after their class. */
  'feedback.effectiveness': ['training_officer', 'unit_officer'],
  /** A lecturer's own classes and sessions ("Lớp của tôi", ADR 038). */
  'teaching.own': ['lecturer'],
  /** A learner's own classes, results and requests to join a class (ADR 017). */
  'self.service': ['learner'],
  'catalogue.read': ['admin', 'training_officer', 'unit_officer', 'institution_staff', 'lecturer', 'viewer'],
  /** Keep programmes and institutions owned by a unit of one's subtree. */
  'catalogue.write': ['admin', 'training_officer'],
  /** Keep lecturers owned by a unit of one's subtree (an institution's staff keep their own). */
  'lecturers.write': ['admin', 'training_officer', 'institution_staff'],
  /** See the delegations trained abroad organised in one's subtree or with members of it. */
  'abroad.read': ['admin', 'training_officer', 'unit_officer', 'viewer'],
  /** Form, run and close delegations organised in one's subtree; record members' reports. */
  'abroad.manage': ['admin', 'training_officer'],
  /** See the sponsored postgraduate study of people of one's subtree. */
  'postgrad.read': ['admin', 'training_officer', 'unit_officer', 'viewer'],
  /** Send people of one's subtree to sponsored postgraduate study, record outcome and leaving. */
  'postgrad.manage': ['admin', 'training_officer'],
  /** Read the dashboard and the reports of one's subtree, with the people behind each number. */
  'reports.read': ['admin', 'training_officer', 'unit_officer', 'institution_staff', 'viewer'],
  /** Edit report layouts (the annual statistical form's rows and columns). */
  'reports.manage': ['admin', 'training_officer'],
  /** Import sheets (staff, qualifications, ratings, rosters, results) into one's subtree; undo them. */
  'imports.run': ['admin', 'training_officer', 'unit_officer'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  training_officer: { vi: 'Cán bộ phụ trách đào tạo', en: 'Training officer' },
  unit_officer: { vi: 'Cán bộ tổ chức đơn vị', en: 'Unit officer' },
  institution_staff: { vi: 'Cán bộ cơ sở đào tạo', en: 'Institution staff' },
  lecturer: { vi: 'Giảng viên', en: 'Lecturer' },
  learner: { vi: 'Học viên', en: 'Learner' },
  viewer: { vi: 'Người xem (lãnh đạo, thanh tra)', en: 'Viewer (leadership, inspection)' },
};
