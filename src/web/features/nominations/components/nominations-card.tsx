import { SettingOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../../components/export-button';
import { LoadFailedAlert } from '../../../components/results';
import { useT } from '../../../lib/i18n';
import { useNominations } from '../api/nominations';
import { nominationsMessages } from '../messages';
import { NominateModal } from './nominate-modal';
import { NominationsTable } from './nominations-table';
import { QuotasModal } from './quotas-modal';
import { QuotasTable } from './quotas-table';
import { SeatSummary } from './seat-summary';

const subTitle = { fontSize: 15, margin: '4px 0 8px' };

/** "Học viên được cử" on the class page: seats, quotas, the nominations and what the actor may do. */
export function NominationsCard({ classId, classCode }: { classId: number; classCode: string }) {
  const t = useT(nominationsMessages);
  const { data: view, error, isPending, refetch } = useNominations(classId);
  const [dialog, setDialog] = useState<'quotas' | 'nominate' | null>(null);

  return (
    <Card
      size="small"
      title={t('cardTitle')}
      style={{ marginBottom: 16 }}
      loading={isPending}
      extra={
        view ? (
          <>
            {view.items.length ? (
              <span style={{ marginInlineEnd: 8 }}>
                <ExportButton path={`/classes/${classId}/nominations/export.xlsx`} />
              </span>
            ) : null}
            {view.canManage ? (
              <Button
                icon={<SettingOutlined />}
                onClick={() => setDialog('quotas')}
                style={{ marginInlineEnd: 8 }}
              >
                {t('editQuotas')}
              </Button>
            ) : null}
            {view.canNominate ? (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog('nominate')}>
                {t('nominate')}
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      {error && !view ? (
        <LoadFailedAlert title={t('loadFailed')} error={error} onRetry={() => refetch()} />
      ) : view ? (
        <>
          <SeatSummary view={view} />
          <Typography.Title level={2} style={subTitle}>
            {t('quotasTitle')}
          </Typography.Title>
          <QuotasTable view={view} />
          <Typography.Title level={2} style={subTitle}>
            {t('listCaption')}
          </Typography.Title>
          {view.hiddenCount ? (
            <Alert
              type="info"
              showIcon
              title={t('hiddenCount', { n: view.hiddenCount })}
              style={{ marginBottom: 8 }}
            />
          ) : null}
          <NominationsTable view={view} />
          {dialog === 'quotas' ? <QuotasModal view={view} onClose={() => setDialog(null)} /> : null}
          {dialog === 'nominate' ? (
            <NominateModal classId={classId} classCode={classCode} onClose={() => setDialog(null)} />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
