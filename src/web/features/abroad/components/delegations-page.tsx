import { ClockCircleOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  DELEGATION_SORT_KEYS,
  DELEGATION_STATUS_LABELS,
  DELEGATION_STATUSES,
  type DelegationStatus,
} from '../../../../contracts/abroad';
import { amountColumn, codeLinkColumn, dateRangeColumn, nameLinkColumn } from '../../../kit/columns';
import { FilterBar } from '../../../kit/filter-bar';
import { ChoiceFilter, SearchFilter, YearFilter } from '../../../kit/filters';
import { ListHeader } from '../../../kit/list-header';
import { rowNumberColumn, ServerTable } from '../../../kit/server-table';
import { oneOf, positiveInt, text } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { useCan } from '../../../lib/auth';
import { useLang, useT } from '../../../lib/i18n';
import { type DelegationSummary, useDelegations } from '../api/abroad';
import { abroadMessages } from '../messages';
import { DelegationFormModal } from './delegation-form-modal';
import { DelegationStatusTag } from './delegation-status-tag';

const FILTERS = {
  sort: oneOf(DELEGATION_SORT_KEYS.flatMap((k) => [k, `-${k}`])),
  q: text(),
  year: positiveInt(),
  status: oneOf(DELEGATION_STATUSES),
};

/** /abroad — the delegations I can see, filters in the URL. */
export function DelegationsPage() {
  const t = useT(abroadMessages);
  const [lang] = useLang();
  const can = useCan();
  const { filters, set, paging, offset } = useUrlFilters(FILTERS);
  const query = useDelegations(filters);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<DelegationSummary> = [
    rowNumberColumn(t('stt'), offset),
    codeLinkColumn(t('code'), (d) => `/abroad/${d.id}`, 130),
    nameLinkColumn(
      t('name'),
      (d) => `/abroad/${d.id}`,
      (d) => (
        <>
          {d.partnerName} · {d.country}
        </>
      ),
    ),
    { title: t('organiser'), dataIndex: 'organiserUnitName', key: 'organiser', width: 180 },
    { ...dateRangeColumn<DelegationSummary>(t('dates'), 'departsOn', 'returnsOn'), key: 'departsOn' },
    { title: t('memberCount'), dataIndex: 'memberCount', key: 'memberCount', width: 100, align: 'right' },
    amountColumn(t('budgetTotal'), 'budgetTotal', 'budget'),
    {
      title: t('status'),
      dataIndex: 'status',
      key: 'status',
      width: 150,
      render: (s: DelegationStatus) => <DelegationStatusTag status={s} />,
    },
  ];

  return (
    <>
      <ListHeader
        title={t('title')}
        subtitle={t('subtitle')}
        exportPath="/abroad/delegations/export.xlsx"
        filters={filters}
        add={can('abroad.manage') && { label: t('newDelegation'), onClick: () => setCreating(true) }}
      >
        <Link to="/abroad/overdue">
          <Button icon={<ClockCircleOutlined />}>{t('viewOverdue')}</Button>
        </Link>
      </ListHeader>
      <FilterBar filters={filters} set={set}>
        <SearchFilter
          xs={24}
          md={10}
          id="abroad-q"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
        />
        <YearFilter xs={12} md={4} id="abroad-year" label={t('year')} />
        <ChoiceFilter
          xs={12}
          md={6}
          id="abroad-status"
          label={t('status')}
          placeholder={t('all')}
          field="status"
          options={DELEGATION_STATUSES.map((s) => ({
            value: s,
            label: DELEGATION_STATUS_LABELS[s][lang],
          }))}
        />
      </FilterBar>
      <ServerTable<DelegationSummary>
        aria-label={t('listCaption')}
        columns={columns}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('noDelegations') }}
        query={query}
        {...paging}
        sortKeys={DELEGATION_SORT_KEYS}
        sort={filters.sort}
        onSortChange={(sort) => set({ sort })}
        showTotal={(total) => t('total', { n: total })}
      />
      {creating ? <DelegationFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
