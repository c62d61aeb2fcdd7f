import { type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  POSTGRAD_STATUS_LABELS,
  POSTGRAD_STATUSES,
  type PostgradStatus,
  SPONSORSHIP_SORT_KEYS,
} from '../../../../contracts/postgraduate';
import { FilterBar } from '../../../kit/filter-bar';
import { ChoiceFilter, SearchFilter } from '../../../kit/filters';
import { ListHeader } from '../../../kit/list-header';
import { rowNumberColumn, ServerTable } from '../../../kit/server-table';
import { oneOf, text } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { useCan } from '../../../lib/auth';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type SponsorshipSummary, useSponsorships } from '../api/postgraduate';
import { postgradMessages } from '../messages';
import { SponsorshipFormModal } from './sponsorship-form-modal';
import { SponsorshipStatusTag } from './sponsorship-status-tag';

const FILTERS = {
  sort: oneOf(SPONSORSHIP_SORT_KEYS.flatMap((k) => [k, `-${k}`])),
  q: text(),
  status: oneOf(POSTGRAD_STATUSES),
};

/** /postgraduate — sponsored postgraduate study of my subtree. */
export function SponsorshipsPage() {
  const t = useT(postgradMessages);
  const [lang] = useLang();
  const can = useCan();
  const { filters, set, paging, offset } = useUrlFilters(FILTERS);
  const query = useSponsorships(filters);
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<SponsorshipSummary> = [
    rowNumberColumn(t('stt'), offset),
    {
      title: t('person'),
      key: 'fullName',
      render: (_v, s) => (
        <>
          <Link to={`/postgraduate/${s.id}`}>{s.fullName}</Link>
          <div>
            <Typography.Text type="secondary">{s.unitName}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('field'),
      key: 'field',
      render: (_v, s) => `${t(`level${s.level}`)} · ${s.field}`,
    },
    {
      title: t('institution'),
      key: 'institution',
      width: 220,
      render: (_v, s) => `${s.institutionName} (${s.country})`,
    },
    {
      title: t('studyPeriod'),
      key: 'startsOn',
      width: 190,
      className: 'tabular',
      render: (_v, s) => `${formatDate(s.startsOn)} – ${formatDate(s.actualEndsOn ?? s.expectedEndsOn)}`,
    },
    {
      title: t('cost'),
      dataIndex: 'cost',
      key: 'cost',
      width: 140,
      align: 'right',
      className: 'tabular',
      render: (v: number) => v.toLocaleString('vi-VN'),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      key: 'status',
      width: 170,
      render: (v: PostgradStatus) => <SponsorshipStatusTag status={v} />,
    },
  ];
  return (
    <>
      <ListHeader
        title={t('title')}
        subtitle={t('subtitle')}
        exportPath="/postgraduate/export.xlsx"
        filters={filters}
        add={can('postgrad.manage') && { label: t('newSponsorship'), onClick: () => setCreating(true) }}
      />
      <FilterBar filters={filters} set={set}>
        <SearchFilter
          xs={24}
          md={12}
          id="pg-q"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
        />
        <ChoiceFilter
          xs={24}
          md={6}
          id="pg-status"
          label={t('status')}
          placeholder={t('all')}
          field="status"
          options={POSTGRAD_STATUSES.map((s) => ({
            value: s,
            label: POSTGRAD_STATUS_LABELS[s][lang],
          }))}
        />
      </FilterBar>
      <ServerTable<SponsorshipSummary>
        aria-label={t('listCaption')}
        columns={columns}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('noSponsorships') }}
        query={query}
        {...paging}
        sortKeys={SPONSORSHIP_SORT_KEYS}
        sort={filters.sort}
        onSortChange={(sort) => set({ sort })}
        showTotal={(total) => t('total', { n: total })}
      />
      {creating ? <SponsorshipFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
