import { Button, Card, Empty, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { useMe } from '../../../lib/auth';
import { formatDate } from '../../../lib/dates';
import { useT } from '../../../lib/i18n';
import { type MyClass, useMyClasses } from '../api/self-service';
import { selfServiceMessages } from '../messages';
import { MyCertificatesCard } from './my-certificates-card';
import { MyClassDrawer } from './my-class-drawer';
import { ClassStatusLabel, GradeTag, MyNominationTag } from './status-tags';

/** "Lớp học của tôi": every class I was sent to, with my status, attendance and result. */
export function MyClassesPage() {
  const t = useT(selfServiceMessages);
  const me = useMe();
  const { data, error, isPending, refetch } = useMyClasses();
  const [openId, setOpenId] = useState<number | null>(null);
  const open = data?.items.find((c) => c.nominationId === openId) ?? null;

  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;

  return (
    <>
      <PageHeader
        title={t('myClassesTitle')}
        subtitle={t('myClassesSubtitle')}
        extra={
          <Link to="/me/join">
            <Button>{t('goJoin')}</Button>
          </Link>
        }
      />
      <Card size="small">
        <Table<MyClass>
          aria-label={t('myClassesCaption')}
          rowKey="nominationId"
          size="small"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('noClasses')} /> }}
          columns={[
            {
              title: t('class'),
              key: 'class',
              render: (_, c) => (
                <Flex vertical>
                  <Typography.Text strong>{c.class.code}</Typography.Text>
                  <span>{c.class.name}</span>
                </Flex>
              ),
            },
            { title: t('programme'), key: 'programme', render: (_, c) => c.class.programmeName },
            {
              title: t('dates'),
              key: 'dates',
              render: (_, c) => `${formatDate(c.class.startsOn)} – ${formatDate(c.class.endsOn)}`,
            },
            {
              title: t('classStatus'),
              key: 'classStatus',
              render: (_, c) => <ClassStatusLabel status={c.class.status} />,
            },
            {
              title: t('myStatus'),
              key: 'status',
              render: (_, c) => (
                <Flex vertical gap={2} align="start">
                  <MyNominationTag status={c.status} />
                  {c.waitlistPosition ? (
                    <Typography.Text type="secondary">
                      {t('waitlistPlace', { n: c.waitlistPosition })}
                    </Typography.Text>
                  ) : null}
                  {c.reason ? <Typography.Text type="secondary">{c.reason}</Typography.Text> : null}
                </Flex>
              ),
            },
            {
              title: t('attendance'),
              key: 'attendance',
              render: (_, c) =>
                c.status === 'approved' && c.attendance.sessions
                  ? t('attendedOf', { a: c.attendance.attended, s: c.attendance.sessions })
                  : t('none'),
            },
            {
              title: t('grade'),
              key: 'grade',
              render: (_, c) => (c.result ? <GradeTag result={c.result} /> : t('none')),
            },
            {
              title: t('actions'),
              key: 'actions',
              render: (_, c) => (
                <Button
                  size="small"
                  onClick={() => setOpenId(c.nominationId)}
                  aria-label={`${t('details')} ${c.class.code}`}
                >
                  {t('details')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {me.personId !== null ? <MyCertificatesCard personId={me.personId} /> : null}
      {open ? <MyClassDrawer item={open} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}
