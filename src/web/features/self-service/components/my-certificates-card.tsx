import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Tag } from 'antd';
import { QueryErrorResult } from '../../../components/results';
import { ListTable } from '../../../kit/server-table';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { certificatePdfUrl, type MyCertificate, useMyCertificates } from '../api/self-service';
import { selfServiceMessages } from '../messages';

const STATUS: Record<
  MyCertificate['status'],
  { key: 'certValid' | 'certRevoked' | 'certReplaced'; color: string }
> = {
  valid: { key: 'certValid', color: 'green' },
  revoked: { key: 'certRevoked', color: 'red' },
  replaced: { key: 'certReplaced', color: 'default' },
};

/** "Chứng chỉ của tôi": the certificates issued to me, each downloadable as its PDF. */
export function MyCertificatesCard({ personId }: { personId: number }) {
  const t = useT(selfServiceMessages);
  const [lang] = useLang();
  const { data, error, isPending, refetch } = useMyCertificates(personId);
  return (
    <Card size="small" title={t('certificatesTitle')} style={{ marginTop: 16 }}>
      {error ? (
        <QueryErrorResult error={error} onRetry={() => refetch()} />
      ) : (
        <ListTable<MyCertificate>
          aria-label={t('certificatesCaption')}
          loading={isPending}
          dataSource={data?.items ?? []}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={t('noCertificates')} /> }}
          columns={[
            { title: t('certificateNumber'), key: 'number', dataIndex: 'number' },
            {
              title: t('programme'),
              key: 'programme',
              render: (_, c) => `${c.programmeName} (${c.classCode})`,
            },
            { title: t('grade'), key: 'grade', render: (_, c) => c.grade[lang] },
            { title: t('issuedOn'), key: 'issuedOn', render: (_, c) => formatDate(c.issuedOn) },
            { title: t('issuer'), key: 'issuer', dataIndex: 'issuerName' },
            {
              title: t('certificateStatus'),
              key: 'status',
              render: (_, c) => <Tag color={STATUS[c.status].color}>{t(STATUS[c.status].key)}</Tag>,
            },
            {
              title: t('actions'),
              key: 'pdf',
              render: (_, c) =>
                c.status === 'revoked' ? null : (
                  <Button
                    size="small"
                    icon={<FilePdfOutlined />}
                    href={certificatePdfUrl(c.id)}
                    target="_blank"
                    aria-label={t('downloadPdfOf', { number: c.number })}
                  >
                    {t('downloadPdf')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
