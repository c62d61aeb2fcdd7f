import { type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { CLASS_SORT_KEYS, CLASS_STATUSES } from '../../../../contracts/classes';
import { CodeSelect } from '../../../components/code-select';
import { amountColumn, codeLinkColumn, dateRangeColumn, nameLinkColumn } from '../../../kit/columns';
import { FilterBar, FilterField } from '../../../kit/filter-bar';
import { ChoiceFilter, SearchFilter, YearFilter } from '../../../kit/filters';
import { ListHeader } from '../../../kit/list-header';
import { PrintDocument, type PrintFilter } from '../../../kit/print/print-document';
import { rowNumberColumn, ServerTable } from '../../../kit/server-table';
import { oneOf, positiveInt, text } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { useCan } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { type ClassSummary, useClasses } from '../api/classes';
import { classesMessages } from '../messages';
import { ClassFormModal } from './class-form-modal';
import { ClassStatusTag, useStatusLabel } from './class-status-tag';

const FILTERS = {
  sort: oneOf(CLASS_SORT_KEYS.flatMap((k) => [k, `-${k}`])),
  q: text(),
  year: positiveInt(),
  status: oneOf(CLASS_STATUSES),
  programmeKind: text({ param: 'kind' }),
  planLineId: positiveInt(),
};

/** /classes — the classes I can see, filters in the URL; "Mở lớp" (also from a plan line: ?new=1&planLineId=). */
export function ClassesPage() {
  const t = useT(classesMessages);
  const can = useCan();
  const label = useCodeLabel();
  const statusLabel = useStatusLabel();
  const { filters, set, paging, offset, params } = useUrlFilters(FILTERS);
  const query = useClasses(filters);
  const [creating, setCreating] = useState(params.get('new') === '1' && can('classes.manage'));

  const printFilters: PrintFilter[] = [
    filters.q ? { label: t('searchLabel'), value: filters.q } : null,
    filters.year ? { label: t('year'), value: String(filters.year) } : null,
    filters.status ? { label: t('status'), value: statusLabel(filters.status) } : null,
    filters.programmeKind
      ? { label: t('programmeKind'), value: label('programme_kind', filters.programmeKind) }
      : null,
  ].filter((f) => f !== null);

  const columns: TableColumnsType<ClassSummary> = [
    rowNumberColumn(t('stt'), offset),
    codeLinkColumn(t('code'), (c) => `/classes/${c.id}`, 120),
    nameLinkColumn(
      t('name'),
      (c) => `/classes/${c.id}`,
      (c) => (
        <>
          {c.programmeCode} · {label('programme_kind', c.programmeKind)}
        </>
      ),
    ),
    {
      title: t('institution'),
      dataIndex: 'institutionName',
      key: 'institution',
      width: 200,
      render: (v) => v ?? '—',
    },
    { ...dateRangeColumn<ClassSummary>(t('dates'), 'startsOn', 'endsOn'), key: 'startsOn' },
    {
      title: t('seats'),
      key: 'seatsTaken',
      width: 90,
      align: 'right',
      className: 'tabular',
      render: (_v, c) => (
        <span title={t('seatsHeld')}>
          {c.seatsTaken}/{c.capacity}
        </span>
      ),
    },
    { title: t('sessions'), dataIndex: 'sessionCount', key: 'sessionCount', width: 80, align: 'right' },
    amountColumn(t('budgetTotal'), 'budgetTotal', 'budget'),
    {
      title: t('status'),
      dataIndex: 'status',
      key: 'status',
      width: 160,
      render: (_v, c) => (
        <>
          <ClassStatusTag status={c.status} />
          {c.status === 'open_for_nomination' && c.nominationDeadline ? (
            <div>
              <Typography.Text type="secondary" className="tabular">
                {t('deadlineShort', { date: formatDate(c.nominationDeadline) })}
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <ListHeader
        title={t('title')}
        subtitle={t('subtitle')}
        exportPath="/classes/export.xlsx"
        filters={filters}
        print={{ disabled: !query.data?.items.length }}
        add={can('classes.manage') && { label: t('openClass'), onClick: () => setCreating(true) }}
      />
      <FilterBar filters={filters} set={set}>
        <SearchFilter
          xs={24}
          md={8}
          id="classes-q"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
        />
        <YearFilter xs={12} md={4} id="classes-year" label={t('year')} />
        <ChoiceFilter
          xs={12}
          md={6}
          id="classes-status"
          label={t('status')}
          placeholder={t('all')}
          field="status"
          options={CLASS_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        />
        <FilterField xs={24} md={6} label={t('programmeKind')} htmlFor="classes-kind">
          <CodeSelect
            id="classes-kind"
            list="programme_kind"
            value={filters.programmeKind ?? null}
            onChange={(v) => set({ programmeKind: v ?? undefined })}
            placeholder={t('all')}
          />
        </FilterField>
      </FilterBar>
      <PrintDocument title={t('listCaption')} filters={printFilters}>
        <ServerTable<ClassSummary>
          aria-label={t('listCaption')}
          columns={columns}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('noClasses') }}
          query={query}
          {...paging}
          sortKeys={CLASS_SORT_KEYS}
          sort={filters.sort}
          onSortChange={(sort) => set({ sort })}
          showTotal={(total) => t('total', { n: total })}
        />
      </PrintDocument>
      {creating ? (
        <ClassFormModal
          planLineId={Number(params.get('planLineId')) || undefined}
          onClose={() => {
            setCreating(false);
            if (params.get('new')) set({ new: undefined }, true);
          }}
        />
      ) : null}
    </>
  );
}
