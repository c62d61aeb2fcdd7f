import { type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { Permission } from '../../contracts/roles';
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
  DocumentTemplatesPage,
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
  NotificationsPage,
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
  TeachingPage,
  TodoPage,
  UsersPage,
  VerifyPage,
} from './pages';
import { WelcomePage } from './routes/welcome-page';
import { AppShell } from './shell/app-shell';

/** A page behind a permission (a user without it sees "forbidden"). */
const guard = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

/**
 * Each role lands where its work is (ADR 042): a lecturer on its classes, an officer who sends
 * people on the to-do list, a training institution on its classes, a reader (leadership) on the
 * dashboard, a learner on their own record.
 */
function HomeRedirect() {
  const me = useMe();
  const can = useCan();
  if (can('teaching.own')) return <Navigate to="/teaching" replace />;
  if (can('nominations.propose')) return <Navigate to="/todo" replace />;
  if (can('classes.manage')) return <Navigate to="/classes" replace />;
  if (me.role === 'viewer' && can('reports.read')) return <Navigate to="/dashboard" replace />;
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
        <Route path="org" element={guard('org.read', <OrgPage />)} />
        <Route path="people" element={guard('people.read', <PeopleListPage />)} />
        <Route path="people/:id" element={guard('people.read', <PersonPage />)} />
        <Route path="standards/rules" element={guard('standards.read', <RulesPage />)} />
        <Route path="reports" element={guard('reports.read', <ReportsIndexPage />)} />
        <Route path="imports" element={guard('imports.run', <ImportsPage />)} />
        <Route path="reports/layouts" element={guard('reports.read', <LayoutsPage />)} />
        <Route path="reports/layouts/:id" element={guard('reports.read', <LayoutEditorPage />)} />
        <Route path="reports/:name" element={guard('reports.read', <ReportPage />)} />
        <Route path="policies" element={guard('standards.read', <PoliciesPage />)} />
        <Route path="standards/gaps" element={guard('standards.read', <GapsPage />)} />
        <Route path="eligibility" element={guard('standards.read', <EligibilityPage />)} />
        <Route path="needs" element={guard('needs.read', <CampaignsPage />)} />
        <Route path="needs/campaigns/:id" element={guard('needs.read', <CampaignPage />)} />
        <Route path="needs/proposals/:id" element={guard('needs.read', <ProposalPage />)} />
        <Route path="plans" element={guard('plans.read', <PlansPage />)} />
        <Route path="plans/:id" element={guard('plans.read', <PlanPage />)} />
        <Route path="ratings" element={guard('people.read', <RatingsPage />)} />
        <Route path="catalogue/programmes" element={guard('catalogue.read', <ProgrammesPage />)} />
        <Route path="catalogue/institutions" element={guard('catalogue.read', <InstitutionsPage />)} />
        <Route path="catalogue/lecturers" element={guard('catalogue.read', <LecturersPage />)} />
        <Route path="classes" element={guard('classes.read', <ClassesPage />)} />
        <Route path="classes/:id" element={guard('classes.read', <ClassRoutePage />)} />
        <Route path="certificates/registers" element={guard('classes.manage', <RegistersPage />)} />
        <Route path="abroad" element={guard('abroad.read', <DelegationsPage />)} />
        <Route path="abroad/overdue" element={guard('abroad.read', <OverduePage />)} />
        <Route path="abroad/:id" element={guard('abroad.read', <DelegationPage />)} />
        <Route path="postgraduate" element={guard('postgrad.read', <SponsorshipsPage />)} />
        <Route path="postgraduate/:id" element={guard('postgrad.read', <SponsorshipPage />)} />
        <Route path="dashboard" element={guard('reports.read', <DashboardPage />)} />
        <Route
          path="reports/duplicated-training"
          element={guard('classes.read', <DuplicatedTrainingPage />)}
        />
        <Route path="me" element={<MyRecordPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="todo" element={guard('nominations.propose', <TodoPage />)} />
        <Route path="feedback/classes" element={guard('feedback.answer', <FeedbackClassesPage />)} />
        <Route path="feedback/classes/:classId" element={guard('feedback.answer', <ClassFormPage />)} />
        <Route
          path="feedback/effectiveness"
          element={guard('feedback.effectiveness', <EffectivenessPage />)}
        />
        <Route
          path="feedback/effectiveness/:nominationId"
          element={guard('feedback.effectiveness', <EffectivenessFormPage />)}
        />
        <Route path="me/classes" element={guard('self.service', <MyClassesPage />)} />
        <Route path="teaching" element={guard('teaching.own', <TeachingPage />)} />
        <Route path="me/join" element={guard('self.service', <JoinPage />)} />
        <Route path="join-requests" element={guard('nominations.propose', <JoinRequestsPage />)} />
        <Route path="admin/users" element={guard('users.manage', <UsersPage />)} />
        <Route path="admin/audit" element={guard('audit.read', <AuditPage />)} />
        <Route path="admin/codes" element={guard('codes.write', <CodesPage />)} />
        <Route path="admin/document-templates" element={guard('classes.manage', <DocumentTemplatesPage />)} />
        <Route path="*" element={<NotFoundResult />} />
      </Route>
    </Routes>
  );
}
