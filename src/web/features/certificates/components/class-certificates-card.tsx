import { PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Space, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { ExportButton } from '../../../components/export-button';
import { ScheduledButton, useStillNotYet } from '../../../components/not-yet';
import { QueryErrorResult } from '../../../components/results';
import { ListTable } from '../../../kit/server-table';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  type CertificateItem,
  classCertificatesPdfUrl,
  useClassCertificates,
  useIssueCertificates,
  useReplaceCertificate,
  useRevokeCertificate,
} from '../api/certificates';
import { certificatesMessages } from '../messages';
import { CertificateLinks } from './certificate-links';
import { CertificateStatus } from './certificate-status';

/** The certificates of a finished or closed class: issue, print, revoke, replace (class page card). */
export function ClassCertificatesCard({ classId, status }: { classId: number; status: string }) {
  const t = useT(certificatesMessages);
  const [lang] = useLang();
  const { data, error, refetch, isPending } = useClassCertificates(classId);
  const issue = useIssueCertificates(classId);
  const revoke = useRevokeCertificate();
  const replace = useReplaceCertificate();
  const onError = useApiErrorHandler();
  const { modal, message } = App.useApp();
  const still = useStillNotYet([data?.notYet]);

  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  const finished = status === 'finished' || status === 'closed';

  /** A confirm dialog asking for a reason; the action runs with it. */
  const askReason = (
    title: string,
    help: string,
    label: string,
    run: (reason: string) => Promise<unknown>,
    okText: string,
    danger = false,
  ) => {
    let reason = '';
    modal.confirm({
      title,
      width: 520,
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{help}</Typography.Text>
          <Input.TextArea
            aria-label={label}
            placeholder={label}
            rows={2}
            onChange={(e) => {
              reason = e.target.value;
            }}
          />
        </Space>
      ),
      okText,
      okButtonProps: { danger },
      cancelText: t('cancel'),
      onOk: () =>
        run(reason.trim()).catch((err) => {
          onError(err);
          throw err;
        }),
    });
  };

  const columns: TableColumnsType<CertificateItem> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    { title: t('number'), dataIndex: 'number', key: 'number', width: 170, className: 'tabular' },
    {
      title: t('learner'),
      key: 'learner',
      render: (_v, c) => <Link to={`/people/${c.personId}?tab=certificates`}>{c.holderName}</Link>,
    },
    { title: t('grade'), key: 'grade', width: 120, render: (_v, c) => c.grade[lang] },
    { title: t('issuedOn'), key: 'issuedOn', width: 110, render: (_v, c) => formatDate(c.issuedOn) },
    { title: t('status'), key: 'status', width: 220, render: (_v, c) => <CertificateStatus c={c} /> },
    {
      title: t('actions'),
      key: 'actions',
      width: 260,
      render: (_v, c) => (
        <Space size={4} wrap>
          <CertificateLinks c={c} />
          {data?.canManage && c.status === 'valid' ? (
            <>
              <Button
                size="small"
                onClick={() =>
                  askReason(
                    t('replaceTitle', { number: c.number }),
                    t('replaceHelp', { number: c.replaces?.number ?? c.number }),
                    t('replaceReason'),
                    (reason) =>
                      replace
                        .mutateAsync({ id: c.id, reason })
                        .then((p) => message.success(t('replaced', { number: p.number }))),
                    t('replace'),
                  )
                }
              >
                {t('replace')}
              </Button>
              <Button
                size="small"
                danger
                onClick={() =>
                  askReason(
                    t('revokeTitle', { number: c.number }),
                    t('revokeHelp'),
                    t('revokeReason'),
                    (reason) =>
                      revoke
                        .mutateAsync({ id: c.id, reason })
                        .then(() => message.success(t('revoked', { number: c.number }))),
                    t('revoke'),
                    true,
                  )
                }
              >
                {t('revoke')}
              </Button>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  const canIssue = !!data?.canManage && finished && data.pending > 0;
  return (
    <Card
      size="small"
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('cardTitle')}
        </Space>
      }
      style={{ marginBottom: 16 }}
      extra={
        <Flex gap={8} wrap>
          {data?.items.length ? <ExportButton path={`/classes/${classId}/certificates/export.xlsx`} /> : null}
          {data?.items.some((c) => c.status === 'valid') && data.canManage ? (
            <Button icon={<PrinterOutlined />} href={classCertificatesPdfUrl(classId)} target="_blank">
              {t('bulkPdf')}
            </Button>
          ) : null}
          {canIssue && data.register ? (
            <ScheduledButton
              type="primary"
              notYet={still(data.notYet)}
              loading={issue.isPending}
              onClick={() =>
                modal.confirm({
                  title: t('issueConfirm', { n: data.pending }),
                  content: t('issueHelp', {
                    owner: data.register!.ownerName,
                    next: data.register!.nextNumber,
                  }),
                  okText: t('issue'),
                  cancelText: t('cancel'),
                  onOk: () =>
                    issue
                      .mutateAsync()
                      .then((r) => message.success(t('issued', { n: r.issued })))
                      .catch((err) => onError(err)),
                })
              }
            >
              {t('issue')}
            </ScheduledButton>
          ) : null}
        </Flex>
      }
      styles={{ body: { padding: 0 } }}
    >
      {!finished ? <Alert type="info" showIcon banner title={t('notFinished')} /> : null}
      {data?.canManage && finished && data.pending > 0 ? (
        data.register ? (
          <Alert type="warning" showIcon banner title={t('pendingAlert', { n: data.pending })} />
        ) : (
          <Alert
            type="warning"
            showIcon
            banner
            title={t('noRegister')}
            action={<Link to="/certificates/registers">{t('openRegisters')}</Link>}
          />
        )
      ) : null}
      <ListTable<CertificateItem>
        aria-label={t('cardTitle')}
        loading={isPending}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('noCertificates') }}
      />
    </Card>
  );
}
