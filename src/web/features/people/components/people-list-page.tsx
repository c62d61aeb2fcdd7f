import { Button, Checkbox, Col, Flex, Row, type TableColumnsType, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PEOPLE_SORT_KEYS } from '../../../../contracts/people';
import { CodeSelect } from '../../../components/code-select';
import { DebouncedInput } from '../../../components/debounced-input';
import { ExportButton } from '../../../components/export-button';
import { UnitTreeSelect } from '../../../components/unit-tree-select';
import { Field } from '../../../kit/field';
import { FilterBar } from '../../../kit/filter-bar';
import { PostGroupFilter } from '../../../kit/filters';
import { ListHeader } from '../../../kit/list-header';
import { PrintButton } from '../../../kit/print/print-button';
import { PrintDocument } from '../../../kit/print/print-document';
import { rowNumberColumn, ServerTable, useTotalText } from '../../../kit/server-table';
import { useUrlState } from '../../../kit/use-url-filters';
import { useCan } from '../../../lib/auth';
import { useCodeLabel } from '../../../lib/codes';
import { formatDate, todayIso } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { exportUrl, type PeopleFilters, type PersonListItem, usePeople } from '../api/people';
import { peopleMessages } from '../messages';
import { PEOPLE_PAGE_SIZES, readPeopleFilters, writePeopleFilters } from '../people-url';
import { PeoplePrintTable, usePeoplePrintFilters } from './people-print';
import { PersonFormDrawer } from './person-form-drawer';
import { StatusTag } from './status-tag';

export function PeopleListPage() {
  const t = useT(peopleMessages);
  const can = useCan();
  const navigate = useNavigate();
  const label = useCodeLabel();
  const url = useUrlState(readPeopleFilters, writePeopleFilters);
  const { value: filters, params: searchParams, setParams: setSearchParams } = url;
  const [creating, setCreating] = useState(false);
  const query = usePeople(filters);
  const totalText = useTotalText();
  const printFilters = usePeoplePrintFilters(filters);

  /** Change filters: back to page 1; typing replaces the history entry, picking pushes one. */
  const update = useCallback(
    (patch: Partial<PeopleFilters>, replace = false) => url.patch({ page: 1, ...patch }, replace),
    [url.patch],
  );
  const commitQ = useCallback((q: string) => update({ q: q || undefined }, true), [update]);
  const commitPost = useCallback((post: string) => update({ post: post || undefined }, true), [update]);

  const hasFilters = Array.from(searchParams.keys()).some(
    (k) => k !== 'page' && k !== 'pageSize' && k !== 'sort',
  );
  const offset = (filters.page - 1) * filters.pageSize;

  const columns: TableColumnsType<PersonListItem> = [
    { ...rowNumberColumn(t('stt'), offset, 56), fixed: 'left' },
    {
      title: t('fullName'),
      dataIndex: 'fullName',
      key: 'fullName',
      width: 200,
      fixed: 'left',
      render: (name: string, r) => (
        <Link to={`/people/${r.id}`} style={{ fontWeight: 500 }}>
          {name}
        </Link>
      ),
    },
    {
      title: t('birthDate'),
      dataIndex: 'birthDate',
      key: 'birthDate',
      width: 104,
      className: 'tabular',
      render: (d) => formatDate(d),
    },
    { title: t('gender'), dataIndex: 'gender', key: 'gender', width: 72, render: (c) => label('gender', c) },
    {
      title: t('category'),
      dataIndex: 'category',
      key: 'category',
      width: 130,
      render: (c) => label('category', c),
    },
    { title: t('rank'), dataIndex: 'rank', key: 'rank', width: 160, render: (c) => label('rank', c) },
    {
      title: t('post'),
      key: 'post',
      render: (_v, r) => (r.postCode ? label('post', r.postCode) : r.post || '—'),
    },
    { title: t('unit'), dataIndex: 'unitName', key: 'unitName' },
    {
      title: t('status'),
      dataIndex: 'status',
      key: 'status',
      width: 130,
      render: (c: string) => <StatusTag code={c} label={label('status', c)} />,
    },
  ];

  return (
    <>
      <ListHeader
        title={t('title')}
        subtitle={t('subtitle')}
        add={can('people.write') && { label: t('addPerson'), onClick: () => setCreating(true) }}
      >
        <PrintButton disabled={!query.data?.items.length} />
        <ExportButton href={exportUrl(filters)} />
      </ListHeader>
      <FilterBar filters={filters} set={update}>
        <Field
          xs={24}
          md={12}
          xl={8}
          label={t('searchLabel')}
          htmlFor="people-q"
          style={{ marginBottom: 12 }}
        >
          <DebouncedInput
            id="people-q"
            value={filters.q ?? ''}
            onCommit={commitQ}
            placeholder={t('searchPlaceholder')}
          />
        </Field>
        <Field xs={24} md={12} xl={10} label={t('unit')} htmlFor="people-unit" style={{ marginBottom: 12 }}>
          <Row gutter={[8, 8]} align="middle">
            <Col flex="1 1 220px" style={{ minWidth: 0 }}>
              <UnitTreeSelect
                id="people-unit"
                value={filters.unitId ?? null}
                onChange={(v) => update({ unitId: (v as number | null) ?? undefined })}
                placeholder={t('unitPlaceholder')}
              />
            </Col>
            <Col flex="none">
              <Checkbox
                checked={filters.subtree !== false}
                disabled={!filters.unitId}
                onChange={(e) => update({ subtree: e.target.checked })}
              >
                {t('includeSubunits')}
              </Checkbox>
            </Col>
          </Row>
        </Field>
        <Field
          xs={24}
          md={12}
          xl={6}
          label={t('postNote')}
          htmlFor="people-post"
          style={{ marginBottom: 12 }}
        >
          <DebouncedInput
            id="people-post"
            value={filters.post ?? ''}
            onCommit={commitPost}
            placeholder={t('postPlaceholder')}
          />
        </Field>
        <PostGroupFilter
          id="people-post-group"
          xs={24}
          md={12}
          xl={6}
          label={t('postGroup')}
          placeholder={t('all')}
          style={{ marginBottom: 12 }}
        />
        <Field
          xs={12}
          md={6}
          xl={6}
          label={t('category')}
          htmlFor="people-category"
          style={{ marginBottom: 12 }}
        >
          <CodeSelect
            id="people-category"
            list="category"
            at={todayIso()}
            value={filters.category ?? null}
            onChange={(v) => update({ category: v ?? undefined })}
            placeholder={t('all')}
          />
        </Field>
        <Field xs={12} md={6} xl={6} label={t('rank')} htmlFor="people-rank" style={{ marginBottom: 12 }}>
          <CodeSelect
            id="people-rank"
            list="rank"
            value={filters.rank ?? null}
            onChange={(v) => update({ rank: v ?? undefined })}
            placeholder={t('all')}
          />
        </Field>
        <Field
          xs={12}
          md={6}
          xl={6}
          label={t('leadershipTier')}
          htmlFor="people-tier"
          style={{ marginBottom: 12 }}
        >
          <CodeSelect
            id="people-tier"
            list="leadership_tier"
            value={filters.leadershipTier ?? null}
            onChange={(v) => update({ leadershipTier: v ?? undefined })}
            placeholder={t('all')}
          />
        </Field>
        <Field xs={24} md={6} xl={6} label={t('status')} htmlFor="people-status" style={{ marginBottom: 12 }}>
          <Flex gap={8}>
            <CodeSelect
              id="people-status"
              list="status"
              value={filters.status ?? null}
              onChange={(v) => update({ status: v ?? undefined })}
              placeholder={t('all')}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button disabled={!hasFilters} onClick={() => setSearchParams(new URLSearchParams())}>
              {t('reset')}
            </Button>
          </Flex>
        </Field>
      </FilterBar>
      <PrintDocument
        title={t('title')}
        filters={printFilters}
        paper={
          <PeoplePrintTable
            items={query.data?.items ?? []}
            offset={offset}
            caption={t('printedRows', {
              from: offset + 1,
              to: offset + (query.data?.items.length ?? 0),
              total: totalText(query.data),
            })}
          />
        }
      >
        <ServerTable<PersonListItem>
          aria-label={t('title')}
          columns={columns}
          scroll={{ x: 1120 }}
          sticky={{ offsetHeader: 56 }}
          locale={{ emptyText: query.isPending ? t('loading') : t('noResults') }}
          onRow={(r) => ({
            onDoubleClick: () => navigate(`/people/${r.id}`),
          })}
          query={query}
          page={filters.page}
          pageSize={filters.pageSize}
          pageSizeOptions={PEOPLE_PAGE_SIZES}
          sortKeys={PEOPLE_SORT_KEYS}
          sort={filters.sort}
          onSortChange={(sort) => url.patch({ page: 1, sort })}
          onPageChange={(page, pageSize) => url.patch({ page, pageSize })}
          showTotal={(_total, [from, to]) => (
            <Typography.Text type="secondary">
              {t('rangeOfTotal', { from, to, total: totalText(query.data) })}
            </Typography.Text>
          )}
          paginationExtra={{ position: ['bottomRight'] }}
        />
      </PrintDocument>
      {creating ? (
        <PersonFormDrawer
          open
          mode="create"
          defaultUnitId={filters.unitId}
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false);
            navigate(`/people/${p.id}`);
          }}
        />
      ) : null}
    </>
  );
}
