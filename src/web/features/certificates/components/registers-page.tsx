import { EditOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryErrorResult } from '../../../components/results';
import { RowAction } from '../../../kit/row-action';
import { ListTable } from '../../../kit/server-table';
import { useT } from '../../../lib/i18n';
import { type Register, useRegisters } from '../api/certificates';
import { certificatesMessages } from '../messages';
import { RegisterFormModal } from './register-form-modal';
import { RegisterPrintModal } from './register-print-modal';

/** /certificates/registers — the certificate registers the user keeps. */
export function RegistersPage() {
  const t = useT(certificatesMessages);
  const { data, error, isPending, refetch } = useRegisters();
  const [editing, setEditing] = useState<Register | 'new' | null>(null);
  const [printing, setPrinting] = useState<Register | null>(null);
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  const columns: TableColumnsType<Register> = [
    { title: t('stt'), key: 'stt', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    { title: t('owner'), dataIndex: 'ownerName', key: 'owner' },
    { title: t('pattern'), dataIndex: 'pattern', key: 'pattern', width: 200, className: 'tabular' },
    { title: t('schoolCode'), dataIndex: 'schoolCode', key: 'school', width: 100 },
    {
      title: t('signerName'),
      key: 'signer',
      width: 220,
      render: (_v, r) => `${r.signerName} (${r.signerTitle})`,
    },
    { title: t('issuedCount'), dataIndex: 'issued', key: 'issued', width: 90, align: 'right' },
    { title: t('nextNumber'), dataIndex: 'nextNumber', key: 'next', width: 160, className: 'tabular' },
    {
      title: t('actions'),
      key: 'actions',
      width: 190,
      render: (_v, r) => (
        <Flex gap={4} align="center">
          <RowAction
            tip={t('edit')}
            icon={<EditOutlined />}
            label={t('editRegisterTitle', { owner: r.ownerName })}
            onClick={() => setEditing(r)}
          />
          {r.issued > 0 ? (
            <RowAction
              tip={t('printRegister', { owner: r.ownerName })}
              icon={<PrinterOutlined />}
              label={t('printRegister', { owner: r.ownerName })}
              onClick={() => setPrinting(r)}
            />
          ) : null}
          {r.issued > 0 ? (
            <ExportButton size="small" path={`/certificate-registers/${r.id}/certificates/export.xlsx`} />
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('registersTitle')}
        subtitle={t('registersSubtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('newRegister')}
          </Button>
        }
      />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <ListTable<Register>
          aria-label={t('registersCaption')}
          loading={isPending}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('noRegisters') }}
        />
      </Card>
      {editing ? (
        <RegisterFormModal
          register={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {printing ? <RegisterPrintModal register={printing} onClose={() => setPrinting(null)} /> : null}
    </>
  );
}
