import {
  Alert,
  App,
  Button,
  Card,
  Progress,
  Radio,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { ImportProgress } from '../../../../contracts/imports';
import { ServerTable } from '../../../kit/server-table';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  type ImportBatch,
  type ImportMode,
  type IssueSeverity,
  useCommitImport,
  useImportErrors,
  useImportProgress,
} from '../api/imports';
import { importsMessages } from '../messages';

/** Reading is most of the work (60%), then the set-based checks, then the insert. */
function percentOf(p: ImportProgress | undefined): number {
  if (!p?.total) return 0;
  const share = Math.min(1, p.done / p.total);
  if (p.phase === 'reading') return Math.round(share * 60);
  if (p.phase === 'checking') return 70;
  if (p.phase === 'writing') return Math.min(99, 85 + Math.round(share * 14));
  return p.phase === 'done' ? 100 : 0;
}

/** The check of one upload: counts, every error (paged), valid rows' sample, mode, write with progress. */
export function ImportPreview({ batch, onDone }: { batch: ImportBatch; onDone: (b: ImportBatch) => void }) {
  const t = useT(importsMessages);
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [page, setPage] = useState(1);
  const [mode, setMode] = useState<ImportMode>('all');
  const [severity, setSeverity] = useState<IssueSeverity | 'all'>('all');
  const warnings = Object.values(batch.warningCounts ?? {}).reduce((a, b) => a + b, 0);
  const hasIssues = batch.errorRows > 0 || warnings > 0;
  const errors = useImportErrors(
    hasIssues ? batch.id : null,
    page,
    severity === 'all' ? undefined : severity,
  );
  const commit = useCommitImport();
  const progress = useImportProgress(batch.id, commit.isPending);
  const p = progress.data;
  // An interrupted commit wrote nothing (one transaction): it may be committed again.
  const open = batch.status === 'previewed' || batch.status === 'failed' || batch.status === 'interrupted';
  const sampleCols = Object.keys(batch.sample[0] ?? {});

  const write = () =>
    commit.mutate(
      { id: batch.id, mode },
      {
        onSuccess: (b) => {
          onDone(b);
          if (b.status === 'committed')
            message.success(t(b.kind === 'results' ? 'writtenScores' : 'written', { n: b.writtenRows }));
          else message.error(t('refused'));
        },
        onError: (e) => onError(e),
      },
    );

  return (
    <Card size="small" title={t('preview', { file: batch.fileName })} style={{ marginBottom: 16 }}>
      <Space size="large" style={{ marginBottom: 12 }}>
        <Statistic title={t('rows')} value={batch.totalRows} />
        <Statistic title={t('valid')} value={batch.validRows} valueStyle={{ color: '#3f8600' }} />
        <Statistic
          title={t('withErrors')}
          value={batch.errorRows}
          valueStyle={batch.errorRows ? { color: '#cf1322' } : {}}
        />
        <Statistic title={t('warnings')} value={warnings} valueStyle={warnings ? { color: '#d48806' } : {}} />
      </Space>
      {warnings ? (
        <Alert type="warning" showIcon message={t('warningsHelp')} style={{ marginBottom: 12 }} />
      ) : null}
      {batch.failure ? (
        <Alert type="error" showIcon message={batch.failure} style={{ marginBottom: 12 }} />
      ) : null}
      {batch.status === 'committed' ? (
        <Alert
          type="success"
          showIcon
          message={t(batch.kind === 'results' ? 'writtenScores' : 'written', { n: batch.writtenRows })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Typography.Title level={5}>{t('errorsTitle')}</Typography.Title>
      {hasIssues ? (
        <Segmented
          aria-label={t('issuesFilter')}
          style={{ marginBottom: 8 }}
          value={severity}
          onChange={(v) => {
            setSeverity(v as IssueSeverity | 'all');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('filterAll') },
            { value: 'error', label: t('filterErrors') },
            { value: 'warning', label: t('filterWarnings') },
          ]}
        />
      ) : null}
      {hasIssues ? (
        // The page and the severity stay in the component: they belong to this one preview, not to the URL.
        <ServerTable
          bare
          rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
          query={errors}
          page={page}
          pageSize={20}
          onPageChange={(p) => setPage(p)}
          showTotal={() => null}
          paginationExtra={{ style: undefined }}
          columns={[
            { title: t('row'), dataIndex: 'row', width: 70 },
            {
              title: t('severity'),
              dataIndex: 'severity',
              width: 100,
              render: (s: IssueSeverity) => (
                <Tag color={s === 'warning' ? 'gold' : 'red'}>{t(`severity_${s}`)}</Tag>
              ),
            },
            { title: t('column'), dataIndex: 'column', width: 180 },
            { title: t('value'), dataIndex: 'value', width: 180, ellipsis: true },
            { title: t('why'), dataIndex: 'message' },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('noErrors')}</Typography.Paragraph>
      )}
      {sampleCols.length ? (
        <>
          <Typography.Title level={5}>{t('sampleTitle')}</Typography.Title>
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            dataSource={batch.sample}
            pagination={false}
            scroll={{ x: true }}
            columns={sampleCols.map((c) => ({ title: c, dataIndex: c }))}
          />
        </>
      ) : null}
      {open ? (
        <Space direction="vertical" style={{ marginTop: 12 }}>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} aria-label={t('mode')}>
            <Radio value="all">{t('modeAll')}</Radio>
            <Radio value="valid">{t('modeValid')}</Radio>
          </Radio.Group>
          <Button type="primary" onClick={write} loading={commit.isPending} disabled={!batch.validRows}>
            {t('commit')}
          </Button>
        </Space>
      ) : null}
      {commit.isPending ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text>
            {t('writing')} {p ? t(`phase_${p.phase}`) : ''}
          </Typography.Text>
          <Progress percent={percentOf(p)} status="active" />
        </div>
      ) : null}
    </Card>
  );
}
