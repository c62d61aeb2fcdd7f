import { Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { DateInput } from '../../../components/date-input';
import { PageHeader } from '../../../components/page-header';
import { PageSpinner, QueryErrorResult } from '../../../components/results';
import { ListTable } from '../../../kit/server-table';
import { isoDate } from '../../../kit/url-filters';
import { useUrlFilters } from '../../../kit/use-url-filters';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type PolicyItem, usePolicies, type Version } from '../api/policies';
import { policiesMessages } from '../messages';
import { PolicyFormModal } from './policy-form-modal';
import { PolicyValueText } from './policy-value';

const POLICIES_URL = { asOf: isoDate() };

/** /policies — "Tham số quy định": each policy in force for my unit on a date, with its versions. */
export function PoliciesPage() {
  const t = useT(policiesMessages);
  const [lang] = useLang();
  const { filters, set } = useUrlFilters(POLICIES_URL);
  const asOf = filters.asOf;
  const { data, error, isPending, refetch } = usePolicies(asOf);
  const [editing, setEditing] = useState<PolicyItem | null>(null);
  if (isPending) return <PageSpinner />;
  if (error) return <QueryErrorResult error={error} onRetry={refetch} />;
  const owner = (v: Version) => v.ownerUnitName ?? t('national');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('asOf')}>
          <DateInput
            value={data.asOf}
            allowClear={false}
            onChange={(d) => set({ asOf: d ?? undefined })}
            aria-label={t('asOf')}
          />
        </Form.Item>
      </Form>
      <ListTable<PolicyItem>
        rowKey="code"
        size="middle"
        aria-label={t('title')}
        dataSource={data.items}
        expandable={{
          expandedRowRender: (item) => (
            <ListTable<Version>
              aria-label={`${t('versions')}: ${item.label[lang]}`}
              dataSource={item.versions}
              columns={[
                { title: t('from'), key: 'from', width: 110, render: (_v, v) => formatDate(v.effectiveFrom) },
                { title: t('to'), key: 'to', width: 110, render: (_v, v) => formatDate(v.effectiveTo) },
                { title: t('owner'), key: 'owner', width: 200, render: (_v, v) => owner(v) },
                {
                  title: t('value'),
                  key: 'value',
                  render: (_v, v) => <PolicyValueText code={v.code} value={v.value} />,
                },
                { title: t('source'), dataIndex: 'legalSource', key: 'source', width: 260 },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('name'), key: 'name', width: 260, render: (_v, i) => <b>{i.label[lang]}</b> },
          {
            title: t('current'),
            key: 'current',
            render: (_v, i) =>
              i.current ? (
                <>
                  <PolicyValueText code={i.code} value={i.current.value} />
                  <br />
                  <Typography.Text type="secondary">
                    {owner(i.current)} · {t('from')} {formatDate(i.current.effectiveFrom)}
                    {i.current.note ? ` · ${i.current.note}` : ''}
                  </Typography.Text>
                </>
              ) : (
                t('none')
              ),
          },
          { title: t('source'), key: 'source', width: 260, render: (_v, i) => i.current?.legalSource ?? '—' },
          {
            title: '',
            key: 'actions',
            width: 170,
            render: (_v, i) =>
              data.canWrite ? (
                <Button
                  size="small"
                  onClick={() => setEditing(i)}
                  aria-label={`${t('setOwn')}: ${i.label[lang]}`}
                >
                  {t('setOwn')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing ? <PolicyFormModal item={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
