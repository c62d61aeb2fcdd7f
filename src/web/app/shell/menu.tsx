/**
 * The main menu as data: sections of entries, each shown when the user has its permission.
 * A new screen adds one line here; the shell builds the antd items and the selected key.
 */
import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  ContainerOutlined,
  ControlOutlined,
  CopyOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  GlobalOutlined,
  IdcardOutlined,
  InboxOutlined,
  LayoutOutlined,
  LikeOutlined,
  ReadOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Permission } from '../../../contracts/roles';
import type { shellMessages } from '../messages';

type Key = keyof typeof shellMessages.vi;
type MenuItem = Required<MenuProps>['items'][number];

interface Entry {
  path: string;
  icon: ReactNode;
  label: Key;
  /** Shown when the user has this permission, `self` when they have their own record, `any` to all. */
  when: Permission | 'self' | 'any';
}

interface Section {
  /** Group title; none for the first section. */
  title?: Key;
  entries: Entry[];
}

export const MENU: Section[] = [
  {
    entries: [
      // Where the day's work starts: the to-do list, the dashboard for those who read (ADR 042).
      { path: '/todo', icon: <CheckSquareOutlined />, label: 'menuTodo', when: 'nominations.propose' },
      { path: '/dashboard', icon: <DashboardOutlined />, label: 'menuDashboard', when: 'reports.read' },
      { path: '/notifications', icon: <BellOutlined />, label: 'menuNotifications', when: 'any' },
      { path: '/org', icon: <ApartmentOutlined />, label: 'menuOrg', when: 'org.read' },
      { path: '/people', icon: <TeamOutlined />, label: 'menuPeople', when: 'people.read' },
      { path: '/me', icon: <IdcardOutlined />, label: 'menuMe', when: 'self' },
      {
        path: '/feedback/classes',
        icon: <LikeOutlined />,
        label: 'menuFeedbackClasses',
        when: 'feedback.answer',
      },
      { path: '/me/classes', icon: <SolutionOutlined />, label: 'menuMyClasses', when: 'self.service' },
      { path: '/me/join', icon: <FormOutlined />, label: 'menuJoin', when: 'self.service' },
      { path: '/teaching', icon: <SolutionOutlined />, label: 'menuTeaching', when: 'teaching.own' },
    ],
  },
  {
    title: 'menuStandardsGroup',
    entries: [
      { path: '/standards/gaps', icon: <AimOutlined />, label: 'menuGaps', when: 'standards.read' },
      {
        path: '/eligibility',
        icon: <SafetyCertificateOutlined />,
        label: 'menuEligibility',
        when: 'standards.read',
      },
      { path: '/needs', icon: <FundOutlined />, label: 'menuNeeds', when: 'needs.read' },
      { path: '/ratings', icon: <StarOutlined />, label: 'menuRatings', when: 'people.read' },
      { path: '/standards/rules', icon: <BookOutlined />, label: 'menuRules', when: 'standards.read' },
      { path: '/policies', icon: <ControlOutlined />, label: 'menuPolicies', when: 'standards.read' },
    ],
  },
  {
    title: 'menuTrainingGroup',
    entries: [
      { path: '/plans', icon: <ScheduleOutlined />, label: 'menuPlans', when: 'plans.read' },
      { path: '/classes', icon: <SolutionOutlined />, label: 'menuClasses', when: 'classes.read' },
      { path: '/abroad', icon: <GlobalOutlined />, label: 'menuAbroad', when: 'abroad.read' },
      {
        path: '/postgraduate',
        icon: <ExperimentOutlined />,
        label: 'menuPostgraduate',
        when: 'postgrad.read',
      },
      {
        path: '/join-requests',
        icon: <InboxOutlined />,
        label: 'menuJoinRequests',
        when: 'nominations.propose',
      },
      {
        path: '/certificates/registers',
        icon: <SafetyCertificateOutlined />,
        label: 'menuCertificateRegisters',
        when: 'classes.manage',
      },
      {
        path: '/reports/duplicated-training',
        icon: <CopyOutlined />,
        label: 'menuDuplicated',
        when: 'classes.read',
      },
      {
        path: '/feedback/effectiveness',
        icon: <RiseOutlined />,
        label: 'menuEffectiveness',
        when: 'feedback.effectiveness',
      },
      {
        path: '/catalogue/programmes',
        icon: <ContainerOutlined />,
        label: 'menuProgrammes',
        when: 'catalogue.read',
      },
      {
        path: '/catalogue/institutions',
        icon: <BankOutlined />,
        label: 'menuInstitutions',
        when: 'catalogue.read',
      },
      {
        path: '/catalogue/lecturers',
        icon: <ReadOutlined />,
        label: 'menuLecturers',
        when: 'catalogue.read',
      },
    ],
  },
  {
    title: 'menuReportsGroup',
    entries: [
      { path: '/reports', icon: <BarChartOutlined />, label: 'menuReports', when: 'reports.read' },
      { path: '/imports', icon: <CloudUploadOutlined />, label: 'menuImports', when: 'imports.run' },
      {
        path: '/reports/layouts',
        icon: <LayoutOutlined />,
        label: 'menuReportLayouts',
        when: 'reports.manage',
      },
    ],
  },
  {
    title: 'menuAdmin',
    entries: [
      { path: '/admin/users', icon: <UserOutlined />, label: 'menuUsers', when: 'users.manage' },
      { path: '/admin/audit', icon: <AuditOutlined />, label: 'menuAudit', when: 'audit.read' },
      { path: '/admin/codes', icon: <UnorderedListOutlined />, label: 'menuCodes', when: 'codes.write' },
      {
        path: '/admin/document-templates',
        icon: <FileTextOutlined />,
        label: 'menuDocumentTemplates',
        when: 'classes.manage',
      },
    ],
  },
];

/** The antd items of the sections the user may see (empty sections dropped). */
export function menuItems(
  may: (e: Entry) => boolean,
  t: (key: Key) => string,
): { items: MenuItem[]; paths: string[]; entries: { path: string; label: string }[] } {
  const items: MenuItem[] = [];
  const paths: string[] = [];
  const shown: { path: string; label: string }[] = [];
  for (const section of MENU) {
    const entries = section.entries.filter(may);
    if (!entries.length) continue;
    paths.push(...entries.map((e) => e.path));
    shown.push(...entries.map((e) => ({ path: e.path, label: t(e.label) })));
    const children = entries.map((e) => ({
      key: e.path,
      icon: e.icon,
      label: <Link to={e.path}>{t(e.label)}</Link>,
    }));
    if (section.title) items.push({ type: 'group', key: section.title, label: t(section.title), children });
    else items.push(...children);
  }
  return { items, paths, entries: shown };
}

export type { Entry as MenuEntry };
