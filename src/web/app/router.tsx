import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundResult } from '../components/results';
import { LoginPage } from '../features/auth/components/login-page';
import { useCan, useMe } from '../lib/auth';
import { RequireAuth, RequirePermission } from './guards';
import {
  AuditPage,
  CampaignPage,
  CampaignsPage,
  ClassesPage,
  ClassFormPage,
  ClassRoutePage,
  CodesPage,
  DashboardPage,
  DelegationPage,
  DelegationsPage,
  DuplicatedTrainingPage,
  EffectivenessFormPage,
  EffectivenessPage,
  EligibilityPage,
  FeedbackClassesPage,
  GapsPage,
  ImportsPage,
  InstitutionsPage,
  JoinPage,
  JoinRequestsPage,
  LayoutEditorPage,
  LayoutsPage,
  LecturersPage,
  MyClassesPage,
  MyRecordPage,
  OrgPage,
  OverduePage,
  PeopleListPage,
  PersonPage,
  PlanPage,
  PlansPage,
  PoliciesPage,
  ProgrammesPage,
  ProposalPage,
  RatingsPage,
  RegistersPage,
  ReportPage,
  ReportsIndexPage,
  RulesPage,
  SponsorshipPage,
  SponsorshipsPage,
  UsersPage,
  VerifyPage,
} from './pages';
import { WelcomePage } from './routes/welcome-page';
import { AppShell } from './shell/app-shell';

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
      {/* The QR code of a certificate opens this without a login. */}
      <Route
        path="/verify/:token"
        element={
          <Suspense fallback={null}>
            <VerifyPage />
          </Suspense>
        }
      />
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
          path="reports"
          element={
            <RequirePermission permission="reports.read">
              <ReportsIndexPage />
            </RequirePermission>
          }
        />
        <Route
          path="imports"
          element={
            <RequirePermission permission="imports.run">
              <ImportsPage />
            </RequirePermission>
          }
        />
        <Route
          path="reports/layouts"
          element={
            <RequirePermission permission="reports.read">
              <LayoutsPage />
            </RequirePermission>
          }
        />
        <Route
          path="reports/layouts/:id"
          element={
            <RequirePermission permission="reports.read">
              <LayoutEditorPage />
            </RequirePermission>
          }
        />
        <Route
          path="reports/:name"
          element={
            <RequirePermission permission="reports.read">
              <ReportPage />
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
          path="certificates/registers"
          element={
            <RequirePermission permission="classes.manage">
              <RegistersPage />
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
          path="dashboard"
          element={
            <RequirePermission permission="reports.read">
              <DashboardPage />
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
