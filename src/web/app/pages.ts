/** The screens, each loaded on first visit (one chunk per feature page). */
import { lazy } from 'react';

export const OrgPage = lazy(() =>
  import('../features/org/components/org-page').then((m) => ({ default: m.OrgPage })),
);
export const PeopleListPage = lazy(() =>
  import('../features/people/components/people-list-page').then((m) => ({ default: m.PeopleListPage })),
);
export const PersonPage = lazy(() => import('./routes/person-page').then((m) => ({ default: m.PersonPage })));
export const MyRecordPage = lazy(() =>
  import('./routes/my-record-page').then((m) => ({ default: m.MyRecordPage })),
);
export const UsersPage = lazy(() =>
  import('../features/users/components/users-page').then((m) => ({ default: m.UsersPage })),
);
export const AuditPage = lazy(() =>
  import('../features/audit/components/audit-page').then((m) => ({ default: m.AuditPage })),
);
export const CodesPage = lazy(() =>
  import('../features/codes/components/codes-page').then((m) => ({ default: m.CodesPage })),
);

const lazyNamed = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
export const RulesPage = lazyNamed(() => import('../features/standards/components/rules-page'), 'RulesPage');
export const PoliciesPage = lazyNamed(
  () => import('../features/policies/components/policies-page'),
  'PoliciesPage',
);
export const GapsPage = lazyNamed(() => import('../features/gaps/components/gaps-page'), 'GapsPage');
export const EligibilityPage = lazyNamed(
  () => import('../features/gaps/components/eligibility-page'),
  'EligibilityPage',
);
export const CampaignsPage = lazyNamed(
  () => import('../features/needs/components/campaigns-page'),
  'CampaignsPage',
);
export const CampaignPage = lazyNamed(
  () => import('../features/needs/components/campaign-page'),
  'CampaignPage',
);
export const ProposalPage = lazyNamed(
  () => import('../features/needs/components/proposal-page'),
  'ProposalPage',
);
export const PlansPage = lazyNamed(() => import('../features/plans/components/plans-page'), 'PlansPage');
export const PlanPage = lazyNamed(() => import('../features/plans/components/plan-page'), 'PlanPage');
export const ClassesPage = lazyNamed(
  () => import('../features/classes/components/classes-page'),
  'ClassesPage',
);
export const ClassRoutePage = lazyNamed(() => import('./routes/class-page'), 'ClassRoutePage');
export const DuplicatedTrainingPage = lazyNamed(
  () => import('../features/duplicated-training/components/duplicated-training-page'),
  'DuplicatedTrainingPage',
);
export const DelegationsPage = lazyNamed(
  () => import('../features/abroad/components/delegations-page'),
  'DelegationsPage',
);
export const DelegationPage = lazyNamed(
  () => import('../features/abroad/components/delegation-page'),
  'DelegationPage',
);
export const OverduePage = lazyNamed(
  () => import('../features/abroad/components/overdue-page'),
  'OverduePage',
);
export const SponsorshipsPage = lazyNamed(
  () => import('../features/postgraduate/components/sponsorships-page'),
  'SponsorshipsPage',
);
export const SponsorshipPage = lazyNamed(
  () => import('../features/postgraduate/components/sponsorship-page'),
  'SponsorshipPage',
);
export const MyClassesPage = lazyNamed(
  () => import('../features/self-service/components/my-classes-page'),
  'MyClassesPage',
);
export const JoinPage = lazyNamed(() => import('../features/self-service/components/join-page'), 'JoinPage');
export const JoinRequestsPage = lazyNamed(
  () => import('../features/self-service/components/join-requests-page'),
  'JoinRequestsPage',
);
export const RatingsPage = lazyNamed(
  () => import('../features/ratings/components/ratings-page'),
  'RatingsPage',
);
export const ProgrammesPage = lazyNamed(
  () => import('../features/catalogue/components/programmes-page'),
  'ProgrammesPage',
);
export const InstitutionsPage = lazyNamed(
  () => import('../features/institutions/components/institutions-page'),
  'InstitutionsPage',
);
export const RegistersPage = lazyNamed(
  () => import('../features/certificates/components/registers-page'),
  'RegistersPage',
);
export const VerifyPage = lazyNamed(
  () => import('../features/certificates/components/verify-page'),
  'VerifyPage',
);
export const TeachingPage = lazyNamed(
  () => import('../features/results/components/teaching-page'),
  'TeachingPage',
);
export const LecturersPage = lazyNamed(
  () => import('../features/institutions/components/lecturers-page'),
  'LecturersPage',
);
export const FeedbackClassesPage = lazyNamed(
  () => import('../features/feedback/components/my-classes-page'),
  'MyClassesPage',
);
export const ClassFormPage = lazyNamed(
  () => import('../features/feedback/components/class-form-page'),
  'ClassFormPage',
);
export const EffectivenessPage = lazyNamed(
  () => import('../features/feedback/components/effectiveness-page'),
  'EffectivenessPage',
);
export const EffectivenessFormPage = lazyNamed(
  () => import('../features/feedback/components/effectiveness-form-page'),
  'EffectivenessFormPage',
);

/** The start page depends on what the user may do. */
export const DashboardPage = lazyNamed(
  () => import('../features/dashboard/components/dashboard-page'),
  'DashboardPage',
);
export const ReportsIndexPage = lazyNamed(
  () => import('../features/reports/components/reports-index-page'),
  'ReportsIndexPage',
);
export const ReportPage = lazyNamed(() => import('../features/reports/components/report-page'), 'ReportPage');
export const ImportsPage = lazyNamed(
  () => import('../features/imports/components/imports-page'),
  'ImportsPage',
);
export const LayoutsPage = lazyNamed(
  () => import('../features/report-layouts/components/layouts-page'),
  'LayoutsPage',
);
export const LayoutEditorPage = lazyNamed(
  () => import('../features/report-layouts/components/layout-editor-page'),
  'LayoutEditorPage',
);
export const DocumentTemplatesPage = lazyNamed(
  () => import('../features/documents/components/templates-page'),
  'TemplatesPage',
);
export const NotificationsPage = lazyNamed(
  () => import('../features/notifications/components/notifications-page'),
  'NotificationsPage',
);
export const TodoPage = lazyNamed(() => import('../features/todo/components/todo-page'), 'TodoPage');
