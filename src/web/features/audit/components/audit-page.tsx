import { Button, Col, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { AUDIT_SORT_KEYS } from '../../../../contracts/audit';
import { DateInput } from '../../../components/date-input';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { FilterBar, FilterField } from '../../../kit/filter-bar';
import { ChoiceFilter, SearchFilter } from '../../../kit/filters';
import { PrintButton } from '../../../kit/print/print-button';
import { PrintDocument } from '../../../kit/print/print-document';
import { rowNumberColumn, ServerTable, useTotalText } from '../../../kit/server-table';
import { oneOf, text, type UrlField } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { formatDateTime } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { actionChoiceLabel, actionLabel, entityLabel } from '../action-label';
import { type AuditEntry, useAudit } from '../api/audit';
import { diffSnapshots, showValue } from '../diff';
import { auditMessages } from '../messages';
import { AuditPrintTable, useAuditPrintFilters } from './audit-print';

const ENTITIES = ['person', 'qualification', 'org_unit', 'user', 'code_item', 'code_alias'];
const ACTIONS = [
  'person.',
  'person.create',
  'person.update',
  'qualification.',
  'qualification.create',
  'qualification.update',
  'qualification.delete',
  'qualification.attach',
  'org.',
  'org.create',
  'org.rename',
  'org.move',
  'org.merge',
  'org.split',
  'user.',
  'user.create',
  'user.password',
  'code.',
  'code_alias.',
  'auth.login',
  'auth.logout',
  'auth.throttle.clear',
];
const KEYS = ['entity', 'entityId', 'action', 'username', 'from', 'to'] as const;
const FILTERS = {
  ...(Object.fromEntries(KEYS.map((k) => [k, text()])) as Record<
    (typeof KEYS)[number],
    UrlField<string | undefined>
  >),
  sort: oneOf(AUDIT_SORT_KEYS.flatMap((k) => [k, `-${k}`])),
};

function actionColor(action: string): string {
  const a = action.toLowerCase();
  if (/(delete|remove|deactivate|dissolve)/.test(a)) return 'red';
  if (/(create|add|insert)/.test(a)) return 'green';
  if (/(login|logout|password)/.test(a)) return 'purple';
  return 'blue';
}

export function AuditPage() {
  const t = useT(auditMessages);
  const [lang] = useLang();
  const { filters, set: patch, paging, offset, params, setParams } = useUrlFilters(FILTERS);
  const query = useAudit(filters);
  const totalText = useTotalText();
  const printFilters = useAuditPrintFilters(filters);
  const set = useCallback(
    (k: (typeof KEYS)[number], v: string | null | undefined, replace = false) => patch({ [k]: v }, replace),
    [patch],
  );

  const columns: TableColumnsType<AuditEntry> = [
    rowNumberColumn(t('stt'), offset),
    {
      title: t('at'),
      dataIndex: 'at',
      key: 'at',
      width: 150,
      className: 'tabular',
      render: (v) => formatDateTime(v),
    },
    { title: t('username'), dataIndex: 'username', key: 'username', width: 130, render: (v) => v ?? '—' },
    {
      title: t('action'),
      dataIndex: 'action',
      key: 'action',
      width: 180,
      render: (v: string) => <Tag color={actionColor(v)}>{actionLabel(v, lang)}</Tag>,
    },
    {
      title: t('entity'),
      dataIndex: 'entity',
      key: 'entity',
      width: 130,
      render: (v: string) => entityLabel(v, lang),
    },
    { title: t('entityId'), dataIndex: 'entityId', key: 'entityId', width: 100, render: (v) => v ?? '—' },
    { title: t('summary'), dataIndex: 'summary', key: 'summary', render: (v) => v ?? '—' },
    { title: t('ip'), dataIndex: 'ip', key: 'ip', width: 130, render: (v) => v ?? '—' },
  ];

  const hasFilters = KEYS.some((k) => params.get(k));

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <PrintButton disabled={!query.data?.items.length} />
            <ExportButton path="/audit/export.xlsx" filters={filters} />
          </>
        }
      />
      <FilterBar filters={filters} set={patch}>
        <ChoiceFilter
          id="audit-entity"
          field="entity"
          xs={12}
          md={8}
          xl={4}
          label={t('entity')}
          options={ENTITIES.map((e) => ({ value: e, label: entityLabel(e, lang) }))}
          placeholder={t('all')}
          search
          replace
          style={{ marginBottom: 12 }}
        />
        <SearchFilter
          id="audit-entity-id"
          field="entityId"
          xs={12}
          md={8}
          xl={3}
          label={t('entityId')}
          style={{ marginBottom: 12 }}
        />
        <ChoiceFilter
          id="audit-action"
          field="action"
          xs={12}
          md={8}
          xl={4}
          label={t('action')}
          options={ACTIONS.map((a) => ({ value: a, label: actionChoiceLabel(a, lang) }))}
          placeholder={t('all')}
          search
          replace
          style={{ marginBottom: 12 }}
        />
        <SearchFilter
          id="audit-user"
          field="username"
          xs={12}
          md={8}
          xl={4}
          label={t('username')}
          style={{ marginBottom: 12 }}
        />
        <FilterField
          xs={12}
          md={8}
          xl={3}
          label={t('from')}
          htmlFor="audit-from"
          style={{ marginBottom: 12 }}
        >
          <DateInput id="audit-from" value={filters.from ?? null} onChange={(v) => set('from', v)} />
        </FilterField>
        <FilterField xs={12} md={8} xl={3} label={t('to')} htmlFor="audit-to" style={{ marginBottom: 12 }}>
          <DateInput id="audit-to" value={filters.to ?? null} onChange={(v) => set('to', v)} />
        </FilterField>
        <Col xs={24} md={8} xl={3} style={{ display: 'flex', alignItems: 'flex-end', paddingBottom: 12 }}>
          <Button disabled={!hasFilters} onClick={() => setParams(new URLSearchParams())}>
            {t('reset')}
          </Button>
        </Col>
      </FilterBar>
      <PrintDocument
        title={t('title')}
        filters={printFilters}
        paper={
          <AuditPrintTable
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
        <ServerTable<AuditEntry>
          aria-label={t('title')}
          columns={columns}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t('noResults') }}
          expandable={{
            expandedRowRender: (r) => <AuditDiff entry={r} />,
            rowExpandable: () => true,
            expandRowByClick: true,
          }}
          query={query}
          {...paging}
          sortKeys={AUDIT_SORT_KEYS}
          sort={filters.sort}
          onSortChange={(sort) => patch({ sort })}
          showTotal={() => t('total', { n: totalText(query.data) })}
        />
      </PrintDocument>
    </>
  );
}

function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT(auditMessages);
  const changes = diffSnapshots(entry.before, entry.after);
  return (
    <div style={{ padding: '4px 0' }}>
      {changes.length === 0 ? (
        <Typography.Text type="secondary">{t('noChanges')}</Typography.Text>
      ) : (
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey="field"
          dataSource={changes}
          style={{ maxWidth: 1000 }}
          columns={[
            {
              title: t('field'),
              dataIndex: 'field',
              key: 'field',
              width: 220,
              render: (v) => <Typography.Text code>{v}</Typography.Text>,
            },
            {
              title: t('before'),
              dataIndex: 'before',
              key: 'before',
              render: (v, c) =>
                c.kind === 'added' ? '' : <span className="diff-before">{showValue(v)}</span>,
            },
            {
              title: t('after'),
              dataIndex: 'after',
              key: 'after',
              render: (v, c) =>
                c.kind === 'removed' ? '' : <span className="diff-after">{showValue(v)}</span>,
            },
          ]}
        />
      )}
      {entry.request ? (
        <Typography.Text style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
          {entry.request.restores ? `${t('restores', { id: entry.request.restores })} · ` : ''}
          {t('named', { fields: entry.request.fields.join(', ') })}
        </Typography.Text>
      ) : null}
      {entry.requestId ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
          {t('requestId', { id: entry.requestId })}
        </Typography.Text>
      ) : null}
    </div>
  );
}
