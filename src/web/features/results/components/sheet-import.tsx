import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ListTable } from '../../../kit/server-table';
import { useT } from '../../../lib/i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type SheetImportResult, type SheetKind, templateUrl, useImportSheet } from '../api/results';
import { resultsMessages } from '../messages';

type ImportError = SheetImportResult['errors'][number];

/** A CSV read as UTF-8; null when it is not (an Excel "CSV" in a legacy code page). */
async function readUtf8(file: File): Promise<string | null> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/**
 * "Tải mẫu" and "Nhập từ tệp" for one grid: the file is read in the browser, checked by a dry run,
 * the report shown row by row; the user then writes it (all or nothing on the server too).
 */
export function SheetImport({
  classId,
  kind,
  blocked,
}: {
  classId: number;
  kind: SheetKind;
  blocked: boolean;
}) {
  const t = useT(resultsMessages);
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const run = useImportSheet(classId, kind);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<SheetImportResult | null>(null);

  const check = async (f: File) => {
    const text = await readUtf8(f);
    if (text === null) return void message.error(t('notUtf8'));
    if (!text.trim()) return void message.error(t('emptyFile'));
    setFile({ name: f.name, text });
    setReport(null);
    run.mutate(
      { text, dryRun: true },
      {
        onSuccess: setReport,
        onError: (err) => {
          setFile(null);
          onError(err);
        },
      },
    );
  };

  const commit = () => {
    if (!file) return;
    run.mutate(
      { text: file.text, dryRun: false },
      {
        onSuccess: (r) => {
          if (r.errors.length) return setReport(r);
          message.success(t('imported', { n: r.written }));
          setFile(null);
          setReport(null);
        },
        onError: (err) => onError(err),
      },
    );
  };

  const close = () => {
    setFile(null);
    setReport(null);
  };

  const importButton = (
    <Upload
      accept=".csv,text/csv,text/plain"
      showUploadList={false}
      disabled={blocked}
      beforeUpload={(f) => {
        void check(f);
        return Upload.LIST_IGNORE;
      }}
    >
      <Button icon={<UploadOutlined />} disabled={blocked}>
        {t('importFile')}
      </Button>
    </Upload>
  );

  return (
    <Space wrap size={8}>
      <Button icon={<DownloadOutlined />} href={templateUrl(classId, kind)} download>
        {t('downloadTemplate')}
      </Button>
      {blocked ? <Tooltip title={t('saveBeforeImport')}>{importButton}</Tooltip> : importButton}
      {file ? (
        // Not a FormModal: no fields to fill; it shows the dry run's report and writes the file.
        <Modal
          open
          width={760}
          title={t(kind === 'attendance' ? 'importTitleAttendance' : 'importTitleScores', {
            file: file.name,
          })}
          onCancel={close}
          footer={[
            <Button key="close" onClick={close}>
              {t('close')}
            </Button>,
            <Button
              key="commit"
              type="primary"
              disabled={!report || report.errors.length > 0}
              loading={run.isPending && !!report}
              onClick={commit}
            >
              {t('commit')}
            </Button>,
          ]}
        >
          <Typography.Paragraph type="secondary">{t('importHelp')}</Typography.Paragraph>
          {!report ? (
            <Typography.Text>{t('checking')}</Typography.Text>
          ) : (
            <>
              <Alert
                showIcon
                type={report.errors.length ? 'error' : 'success'}
                title={`${t('importRows', { rows: report.rows })} ${
                  report.errors.length ? t('importErrors', { n: report.errors.length }) : t('importOk')
                }`}
                style={{ marginBottom: 12 }}
              />
              {report.errors.length ? (
                <ListTable<ImportError>
                  aria-label={t('errorsCaption')}
                  rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
                  dataSource={report.errors}
                  pageSize={50}
                  scroll={{ x: 600 }}
                  columns={[
                    { title: t('errRow'), dataIndex: 'row', width: 64, align: 'right' },
                    { title: t('errColumn'), dataIndex: 'column', width: 160 },
                    { title: t('errValue'), dataIndex: 'value', width: 140, render: (v: string) => v || '—' },
                    { title: t('errMessage'), dataIndex: 'message' },
                  ]}
                />
              ) : null}
            </>
          )}
        </Modal>
      ) : null}
    </Space>
  );
}
