import { CheckCircleOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { type MyClass, useMyClasses } from '../api/feedback';
import { feedbackMessages } from '../messages';

/** /feedback/classes — "Đánh giá khóa học": the learner's started classes, rated or to rate. */
export function MyClassesPage() {
  const t = useT(feedbackMessages);
  const { data, error, isPending, refetch } = useMyClasses();
  const navigate = useNavigate();

  const columns: TableColumnsType<MyClass> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('classCol'),
      key: 'class',
      render: (_v, c) => (
        <>
          <Typography.Text strong>{c.code}</Typography.Text> · {c.name}
          <div>
            <Typography.Text type="secondary">{c.programmeName}</Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('institution'), dataIndex: 'institutionName', width: 220, render: (v) => v ?? '—' },
    {
      title: t('dates'),
      key: 'dates',
      width: 200,
      className: 'tabular',
      render: (_v, c) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`,
    },
    {
      title: t('status'),
      key: 'state',
      width: 150,
      render: (_v, c) =>
        c.answeredAt ? (
          <Tag color="green" icon={<CheckCircleOutlined />}>
            {t('answered')}
          </Tag>
        ) : (
          <Tag color="orange">{t('toAnswer')}</Tag>
        ),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 140,
      render: (_v, c) => (
        <Button
          type={c.answeredAt ? 'default' : 'primary'}
          icon={c.answeredAt ? <EyeOutlined /> : <EditOutlined />}
          aria-label={`${c.answeredAt ? t('viewAnswer') : t('answerNow')} ${c.code}`}
          onClick={() => navigate(`/feedback/classes/${c.classId}`)}
        >
          {c.answeredAt ? t('viewAnswer') : t('answerNow')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('myTitle')} subtitle={t('mySubtitle')} />
      <Alert type="info" showIcon title={t('anonymousHint')} style={{ marginBottom: 12 }} />
      {error ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<MyClass>
            aria-label={t('myCaption')}
            rowKey="classId"
            size="small"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={isPending}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('myEmpty') }}
          />
        </Card>
      )}
    </>
  );
}
