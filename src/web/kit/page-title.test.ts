import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryFor, pageTitle, usePageTitle } from './page-title';

vi.mock('react', () => ({ useEffect: (fn: () => void) => fn() }));

const entries = [
  { path: '/classes', label: 'Lớp học' },
  { path: '/reports', label: 'Báo cáo thống kê' },
  { path: '/reports/layouts', label: 'Mẫu báo cáo thống kê' },
  { path: '/me', label: 'Hồ sơ của tôi' },
  { path: '/me/classes', label: 'Lớp học của tôi' },
];

describe('page titles', () => {
  const g = globalThis as { document?: { title: string } };
  afterEach(() => {
    g.document = undefined;
  });

  it('names the page, then the app', () => {
    expect(pageTitle('Lớp học')).toBe('Lớp học – dtbd');
    expect(pageTitle('Classes')).toBe('Classes – dtbd');
    expect(pageTitle('  ')).toBe('dtbd');
    expect(pageTitle(undefined)).toBe('dtbd');
  });

  it('takes the menu entry the page belongs to, the longest matching path', () => {
    expect(entryFor('/classes', entries)?.label).toBe('Lớp học');
    expect(entryFor('/classes/12', entries)?.label).toBe('Lớp học');
    expect(entryFor('/reports/layouts/3', entries)?.label).toBe('Mẫu báo cáo thống kê');
    expect(entryFor('/reports/annual', entries)?.label).toBe('Báo cáo thống kê');
    expect(entryFor('/me/classes', entries)?.label).toBe('Lớp học của tôi');
    expect(entryFor('/classesx', entries)).toBeUndefined();
    expect(entryFor('/', entries)).toBeUndefined();
  });

  it('the hook sets the tab title', () => {
    g.document = { title: '' };
    usePageTitle('Kế hoạch đào tạo');
    expect(g.document.title).toBe('Kế hoạch đào tạo – dtbd');
    usePageTitle(null);
    expect(g.document.title).toBe('dtbd');
  });
});
