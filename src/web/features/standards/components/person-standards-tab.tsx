import { InfoCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Popover,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { DateInput } from '../../../components/date-input';
import { QueryErrorResult } from '../../../components/results';
import { formatDate, todayIso } from '../../../lib/dates';
import { useLang } from '../../../lib/i18n';
import {
  type PersonStandard,
  usePersonEligibility,
  usePersonQualifications,
  usePersonStandards,
} from '../api/standards';
import { sourceText, standingReason } from '../rule-words';
import { PersonEligibilityList } from './person-eligibility';
import { useRuleWords } from './rule-bits';

const STATUS = {
  missing: { color: 'red', key: 'statusMissing' },
  due: { color: 'orange', key: 'statusDue' },
  met: { color: 'green', key: 'statusMet' },
} as const;

/** A person's standards on a date (gaps first, each explained) and their training eligibility. */
export function PersonStandardsTab({ personId }: { personId: number }) {
  const words = useRuleWords();
  const { t, label } = words;
  const [lang] = useLang();
  const [asOf, setAsOf] = useState(todayIso);
  const standards = usePersonStandards(personId, asOf);
  const eligibility = usePersonEligibility(personId, asOf);
  const quals = usePersonQualifications(personId);
  const data = standards.data;

  const qualById = useMemo(() => new Map((quals.data ?? []).map((q) => [q.id, q])), [quals.data]);

  const columns: TableColumnsType<PersonStandard> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('colRule'),
      key: 'rule',
      render: (_v, s) => (
        <>
          <div style={{ fontWeight: 500 }}>{lang === 'vi' ? s.titleVi : s.titleEn}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {sourceText(s.legalSource)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('colRequirement'),
      key: 'req',
      width: 220,
      render: (_v, s) => words.requirement(s.requirement),
    },
    {
      title: t('colStatus'),
      key: 'status',
      width: 140,
      render: (_v, s) => (
        <Flex vertical gap={4} align="start">
          <Tag color={STATUS[s.status].color}>{t(STATUS[s.status].key)}</Tag>
          {s.status === 'due' && s.dueBy ? (
            <Typography.Text type="warning" className="tabular" style={{ fontSize: 12 }}>
              {t('dueBy', { date: formatDate(s.dueBy) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('colWhy'),
      key: 'why',
      width: 320,
      render: (_v, s) => {
        const q = s.satisfiedBy ? qualById.get(s.satisfiedBy) : undefined;
        return (
          <Flex gap={4} align="start" justify="space-between">
            <span>{standingReason(s, q, t, label, (d) => formatDate(d))}</span>
            <Popover
              trigger="click"
              title={t('fullExplanation')}
              content={<div style={{ maxWidth: 420 }}>{s.explanation[lang]}</div>}
            >
              <Button
                type="text"
                size="small"
                icon={<InfoCircleOutlined />}
                aria-label={t('showExplanation', { code: s.code })}
              />
            </Popover>
          </Flex>
        );
      },
    },
  ];

  if (standards.error && !data)
    return <QueryErrorResult error={standards.error} onRetry={() => standards.refetch()} />;

  return (
    <Flex vertical gap={16}>
      <Flex gap={24} wrap align="end">
        <Form layout="vertical" component="div">
          <Form.Item label={t('personAsOf')} htmlFor={`std-as-of-${personId}`} style={{ marginBottom: 0 }}>
            <DateInput
              id={`std-as-of-${personId}`}
              value={asOf}
              allowClear={false}
              onChange={(d) => setAsOf(d ?? todayIso())}
              style={{ width: 150 }}
            />
          </Form.Item>
        </Form>
        {data?.working ? (
          <Flex gap={32} wrap role="group" aria-label={t('standardsHeading')}>
            <Statistic
              title={t('countMissing')}
              value={data.counts.missing}
              styles={{ content: { color: data.counts.missing ? '#cf1322' : undefined } }}
            />
            <Statistic
              title={t('countDue')}
              value={data.counts.due}
              styles={{ content: { color: data.counts.due ? '#d46b08' : undefined } }}
            />
            <Statistic
              title={t('countMet')}
              value={data.counts.met}
              styles={{ content: { color: '#389e0d' } }}
            />
          </Flex>
        ) : null}
      </Flex>
      {data && !data.working ? (
        <Alert type="warning" showIcon title={t('notWorking', { date: formatDate(data.asOf) })} />
      ) : null}
      {!data || data.working ? (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
            {t('standardsHeading')}
          </Typography.Title>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <Table<PersonStandard>
              aria-label={t('standardsHeading')}
              rowKey="ruleId"
              size="small"
              columns={columns}
              dataSource={data?.items ?? []}
              loading={standards.isPending || standards.isFetching}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: t('noStandards') }}
              onRow={(s) => (s.status === 'missing' ? { style: { background: '#fff1f0' } } : {})}
            />
          </Card>
          <Typography.Title level={3} style={{ fontSize: 16, margin: '8px 0 0' }}>
            {t('eligibilityHeading')}
          </Typography.Title>
          {eligibility.error && !eligibility.data ? (
            <QueryErrorResult error={eligibility.error} onRetry={() => eligibility.refetch()} />
          ) : (
            <PersonEligibilityList data={eligibility.data} loading={eligibility.isPending} />
          )}
        </>
      ) : null}
    </Flex>
  );
}
