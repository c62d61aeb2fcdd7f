import type { TableColumnsType } from 'antd';
import { rowNumberColumn } from '../../../kit/server-table';
import { useCan } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { PersonStandardsLink } from './person-standards-link';

type Words = (
  key: 'stt' | 'fullName' | 'unit' | 'category' | 'openStandards',
  vars?: { name: string },
) => string;

/**
 * The first columns of a list of people in the gaps and eligibility reports: number across pages,
 * name (opens the person's standards when allowed), unit, category.
 */
export function usePersonColumns<
  T extends { personId: number; fullName: string; unitName: string; category: string },
>(t: Words, offset: number, widths: { name: number; category: number }): TableColumnsType<T> {
  const can = useCan();
  const label = useCodeLabel();
  const canOpen = can('people.read');
  return [
    rowNumberColumn(t('stt'), offset, 56),
    {
      title: t('fullName'),
      key: 'fullName',
      width: widths.name,
      render: (_v, r) => (
        <PersonStandardsLink
          personId={r.personId}
          fullName={r.fullName}
          canOpen={canOpen}
          title={t('openStandards', { name: r.fullName })}
        />
      ),
    },
    { title: t('unit'), dataIndex: 'unitName', key: 'unitName', width: 180 },
    {
      title: t('category'),
      dataIndex: 'category',
      key: 'category',
      width: widths.category,
      render: (c: string) => label('category', c),
    },
  ];
}
