import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundResult } from '../components/results';
import { LoginPage } from '../features/auth/components/login-page';
import { useCan, useMe } from '../lib/auth';
import { RequireAuth, RequirePermission } from './guards';
import { WelcomePage } from './routes/welcome-page';
import { AppShell } from './shell/app-shell';

const OrgPage = lazy(() =>
  import('../features/org/components/org-page').then((m) => ({ default: m.OrgPage })),
);
const PeopleListPage = lazy(() =>
  import('../features/people/components/people-list-page').then((m) => ({ default: m.PeopleListPage })),
);
const PersonPage = lazy(() => import('./routes/person-page').then((m) => ({ default: m.PersonPage })));
const MyRecordPage = lazy(() => import('./routes/my-record-page').then((m) => ({ default: m.MyRecordPage })));
const UsersPage = lazy(() =>
  import('../features/users/components/users-page').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/components/audit-page').then((m) => ({ default: m.AuditPage })),
);
const CodesPage = lazy(() =>
  import('../features/codes/components/codes-page').then((m) => ({ default: m.CodesPage })),
);

const lazyNamed = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const RulesPage = lazyNamed(() => import('../features/standards/components/rules-page'), 'RulesPage');
const PoliciesPage = lazyNamed(() => import('../features/policies/components/policies-page'), 'PoliciesPage');
const GapsPage = lazyNamed(() => import('../features/gaps/components/gaps-page'), 'GapsPage');
const EligibilityPage = lazyNamed(
  () => import('../features/gaps/components/eligibility-page'),
  'EligibilityPage',
);
const CampaignsPage = lazyNamed(() => import('../features/needs/components/campaigns-page'), 'CampaignsPage');
const CampaignPage = lazyNamed(() => import('../features/needs/components/campaign-page'), 'CampaignPage');
const ProposalPage = lazyNamed(() => import('../features/needs/components/proposal-page'), 'ProposalPage');
const PlansPage = lazyNamed(() => import('../features/plans/components/plans-page'), 'PlansPage');
const PlanPage = lazyNamed(() => import('../features/plans/components/plan-page'), 'PlanPage');
const ClassesPage = lazyNamed(() => import('../features/classes/components/classes-page'), 'ClassesPage');
const ClassRoutePage = lazyNamed(() => import('./routes/class-page'), 'ClassRoutePage');
const DuplicatedTrainingPage = lazyNamed(
  () => import('../features/training-overlap/components/duplicated-training-page'),
  'DuplicatedTrainingPage',
);
const DelegationsPage = lazyNamed(
  () => import('../features/abroad/components/delegations-page'),
  'DelegationsPage',
);
const DelegationPage = lazyNamed(
  () => import('../features/abroad/components/delegation-page'),
  'DelegationPage',
);
const OverduePage = lazyNamed(() => import('../features/abroad/components/overdue-page'), 'OverduePage');
const SponsorshipsPage = lazyNamed(
  () => import('../features/postgraduate/components/sponsorships-page'),
  'SponsorshipsPage',
);
const SponsorshipPage = lazyNamed(
  () => import('../features/postgraduate/components/sponsorship-page'),
  'SponsorshipPage',
);
const MyClassesPage = lazyNamed(
  () => import('../features/self-service/components/my-classes-page'),
  'MyClassesPage',
);
const JoinPage = lazyNamed(() => import('../features/self-service/components/join-page'), 'JoinPage');
const JoinRequestsPage = lazyNamed(
  () => import('../features/self-service/components/join-requests-page'),
  'JoinRequestsPage',
);
const RatingsPage = lazyNamed(() => import('../features/ratings/components/ratings-page'), 'RatingsPage');
const ProgrammesPage = lazyNamed(
  () => import('../features/catalogue/components/programmes-page'),
  'ProgrammesPage',
);
const InstitutionsPage = lazyNamed(
  () => import('../features/institutions/components/institutions-page'),
  'InstitutionsPage',
);
const LecturersPage = lazyNamed(
  () => import('../features/institutions/components/lecturers-page'),
  'LecturersPage',
);
const FeedbackClassesPage = lazyNamed(
  () => import('../features/feedback/components/my-classes-page'),
  'MyClassesPage',
);
const ClassFormPage = lazyNamed(
  () => import('../features/feedback/components/class-form-page'),
  'ClassFormPage',
);
const EffectivenessPage = lazyNamed(
  () => import('../features/feedback/components/effectiveness-page'),
  'EffectivenessPage',
);
const EffectivenessFormPage = lazyNamed(
  () => import('../features/feedback/components/effectiveness-form-page'),
  'EffectivenessFormPage',
);

/** The start page depends on what the user may do. */
function HomeRedirect() {
  const me = useMe();
  const can = useCan();
  if (can('people.read')) return <Navigate to="/people" replace />;
  if (me.personId !== null) return <Navigate to="/me" replace />;
  if (can('org.read')) return <Navigate to="/org" replace />;
  return <WelcomePage />;
}

export function AppRouter() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route
          path="org"
          element={
            <RequirePermission permission="org.read">
              <OrgPage />
            </RequirePermission>
          }
        />
        <Route
          path="people"
          element={
            <RequirePermission permission="people.read">
              <PeopleListPage />
            </RequirePermission>
          }
        />
        <Route
          path="people/:id"
          element={
            <RequirePermission permission="people.read">
              <PersonPage />
            </RequirePermission>
          }
        />
        <Route
          path="standards/rules"
          element={
            <RequirePermission permission="standards.read">
              <RulesPage />
            </RequirePermission>
          }
        />
        <Route
          path="policies"
          element={
            <RequirePermission permission="standards.read">
              <PoliciesPage />
            </RequirePermission>
          }
        />
        <Route
          path="standards/gaps"
          element={
            <RequirePermission permission="standards.read">
              <GapsPage />
            </RequirePermission>
          }
        />
        <Route
          path="eligibility"
          element={
            <RequirePermission permission="standards.read">
              <EligibilityPage />
            </RequirePermission>
          }
        />
        <Route
          path="needs"
          element={
            <RequirePermission permission="needs.read">
              <CampaignsPage />
            </RequirePermission>
          }
        />
        <Route
          path="needs/campaigns/:id"
          element={
            <RequirePermission permission="needs.read">
              <CampaignPage />
            </RequirePermission>
          }
        />
        <Route
          path="needs/proposals/:id"
          element={
            <RequirePermission permission="needs.read">
              <ProposalPage />
            </RequirePermission>
          }
        />
        <Route
          path="plans"
          element={
            <RequirePermission permission="plans.read">
              <PlansPage />
            </RequirePermission>
          }
        />
        <Route
          path="plans/:id"
          element={
            <RequirePermission permission="plans.read">
              <PlanPage />
            </RequirePermission>
          }
        />
        <Route
          path="ratings"
          element={
            <RequirePermission permission="people.read">
              <RatingsPage />
            </RequirePermission>
          }
        />
        <Route
          path="catalogue/programmes"
          element={
            <RequirePermission permission="catalogue.read">
              <ProgrammesPage />
            </RequirePermission>
          }
        />
        <Route
          path="catalogue/institutions"
          element={
            <RequirePermission permission="catalogue.read">
              <InstitutionsPage />
            </RequirePermission>
          }
        />
        <Route
          path="catalogue/lecturers"
          element={
            <RequirePermission permission="catalogue.read">
              <LecturersPage />
            </RequirePermission>
          }
        />
        <Route
          path="classes"
          element={
            <RequirePermission permission="classes.read">
              <ClassesPage />
            </RequirePermission>
          }
        />
        <Route
          path="classes/:id"
          element={
            <RequirePermission permission="classes.read">
              <ClassRoutePage />
            </RequirePermission>
          }
        />
        <Route
          path="abroad"
          element={
            <RequirePermission permission="abroad.read">
              <DelegationsPage />
            </RequirePermission>
          }
        />
        <Route
          path="abroad/overdue"
          element={
            <RequirePermission permission="abroad.read">
              <OverduePage />
            </RequirePermission>
          }
        />
        <Route
          path="abroad/:id"
          element={
            <RequirePermission permission="abroad.read">
              <DelegationPage />
            </RequirePermission>
          }
        />
        <Route
          path="postgraduate"
          element={
            <RequirePermission permission="postgrad.read">
              <SponsorshipsPage />
            </RequirePermission>
          }
        />
        <Route
          path="postgraduate/:id"
          element={
            <RequirePermission permission="postgrad.read">
              <SponsorshipPage />
            </RequirePermission>
          }
        />
        <Route
          path="reports/duplicated-training"
          element={
            <RequirePermission permission="classes.read">
              <DuplicatedTrainingPage />
            </RequirePermission>
          }
        />
        <Route path="me" element={<MyRecordPage />} />
        <Route
          path="feedback/classes"
          element={
            <RequirePermission permission="feedback.answer">
              <FeedbackClassesPage />
            </RequirePermission>
          }
        />
        <Route
          path="feedback/classes/:classId"
          element={
            <RequirePermission permission="feedback.answer">
              <ClassFormPage />
            </RequirePermission>
          }
        />
        <Route
          path="feedback/effectiveness"
          element={
            <RequirePermission permission="feedback.effectiveness">
              <EffectivenessPage />
            </RequirePermission>
          }
        />
        <Route
          path="feedback/effectiveness/:nominationId"
          element={
            <RequirePermission permission="feedback.effectiveness">
              <EffectivenessFormPage />
            </RequirePermission>
          }
        />
        <Route
          path="me/classes"
          element={
            <RequirePermission permission="self.service">
              <MyClassesPage />
            </RequirePermission>
          }
        />
        <Route
          path="me/join"
          element={
            <RequirePermission permission="self.service">
              <JoinPage />
            </RequirePermission>
          }
        />
        <Route
          path="join-requests"
          element={
            <RequirePermission permission="nominations.propose">
              <JoinRequestsPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequirePermission permission="users.manage">
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/codes"
          element={
            <RequirePermission permission="codes.write">
              <CodesPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundResult />} />
      </Route>
    </Routes>
  );
}
