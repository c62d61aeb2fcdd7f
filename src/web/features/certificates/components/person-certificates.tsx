import { Space, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { QueryErrorResult } from '../../../components/results';
import { ListTable } from '../../../kit/server-table';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { type CertificateItem, usePersonCertificates } from '../api/certificates';
import { certificatesMessages } from '../messages';
import { CertificateLinks } from './certificate-links';
import { CertificateStatus } from './certificate-status';

/** A person's certificates earned in classes, with the PDF to download (person record tab, /me too). */
export function PersonCertificates({ personId, linkClasses }: { personId: number; linkClasses: boolean }) {
  const t = useT(certificatesMessages);
  const [lang] = useLang();
  const { data, error, isPending, refetch } = usePersonCertificates(personId);
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  const columns: TableColumnsType<CertificateItem> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    { title: t('number'), dataIndex: 'number', key: 'number', width: 170, className: 'tabular' },
    { title: t('programme'), dataIndex: 'programmeName', key: 'programme' },
    {
      title: t('classCode'),
      key: 'class',
      width: 120,
      render: (_v, c) =>
        linkClasses ? <Link to={`/classes/${c.classId}`}>{c.classCode}</Link> : c.classCode,
    },
    { title: t('grade'), key: 'grade', width: 110, render: (_v, c) => c.grade[lang] },
    { title: t('issuedOn'), key: 'issuedOn', width: 110, render: (_v, c) => formatDate(c.issuedOn) },
    { title: t('status'), key: 'status', width: 200, render: (_v, c) => <CertificateStatus c={c} /> },
    {
      title: t('actions'),
      key: 'actions',
      width: 170,
      render: (_v, c) => (
        <Space size={4}>
          <CertificateLinks c={c} />
        </Space>
      ),
    },
  ];
  return (
    <ListTable<CertificateItem>
      aria-label={t('tabTitle')}
      loading={isPending}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('noPersonCertificates') }}
    />
  );
}
